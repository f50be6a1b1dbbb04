package lab.roofline.render.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG writer's output decodes, pixel for pixel, with the JDK's own reader. */
class PngEncoderTest {

    @Test
    void everyPixelSurvivesARoundTripThroughImageIo() throws Exception {
        int w = 37;
        int h = 23;
        int[] argb = new int[w * h];
        Random random = new Random(7);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = random.nextInt();
        }
        argb[0] = 0x00000000; // fully transparent
        argb[1] = 0xFFFFFFFF;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PngEncoder.write(argb, w, h, bytes);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(back.getHeight()).isEqualTo(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int expected = argb[y * w + x];
                int actual = back.getRGB(x, y);
                if ((expected >>> 24) == 0) {
                    assertThat(actual >>> 24).isZero();
                } else {
                    assertThat(actual).as("pixel %d,%d", x, y).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void noPixelsIsRefused() {
        assertThatThrownBy(() -> PngEncoder.write(new int[0], 0, 0, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
