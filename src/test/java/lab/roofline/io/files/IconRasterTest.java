package lab.roofline.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The icon's PNG sizes are drawn from its SVG source: what the file says is what the pixels show. */
class IconRasterTest {
    private static final Path SVG = Path.of("dist", "roofline-lab.svg");

    @Test
    void theIconIsDrawnFromItsSvgAtEverySize(@TempDir Path out) throws IOException {
        IconRaster.main(new String[] {SVG.toString(), out.toString()});
        for (int size : IconRaster.SIZES) {
            BufferedImage png = ImageIO.read(out.resolve("roofline-lab-" + size + ".png").toFile());
            assertThat(png.getWidth()).isEqualTo(size);
            assertThat(png.getHeight()).isEqualTo(size);
            // The rounded corner is transparent; the middle is the dark square.
            assertThat(new Color(png.getRGB(0, 0), true).getAlpha()).isZero();
        }
        BufferedImage big = ImageIO.read(out.resolve("roofline-lab-256.png").toFile());
        // Decode's point (orange, at 86,151 in the SVG) and prefill's (green, at 184,84), where the file puts them.
        assertThat(new Color(big.getRGB(86, 151))).isEqualTo(Color.decode("#f28c28"));
        assertThat(new Color(big.getRGB(184, 84))).isEqualTo(Color.decode("#2bb673"));
        assertThat(new Color(big.getRGB(30, 128))).isEqualTo(Color.decode("#16245c"));
    }

    @Test
    void anElementItCannotDrawFailsTheBuildNamingIt() throws IOException {
        String svg = Files.readString(SVG).replace("</svg>", "<ellipse cx=\"1\" cy=\"1\" rx=\"1\" ry=\"1\"/></svg>");
        assertThatThrownBy(() -> IconRaster.draw(svg, 32)).hasMessageContaining("<ellipse>");
    }
}
