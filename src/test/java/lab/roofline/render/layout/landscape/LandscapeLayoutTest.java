package lab.roofline.render.layout.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.io.data.ProfileLoader;
import org.junit.jupiter.api.Test;

/** The landscape's layout with no toolkit: each device where its figures put it, the ridge lines, the trend. */
class LandscapeLayoutTest {
    private static HardwareProfile device(String id, int year, double peakTflops, double bandwidthGBps) {
        return new HardwareProfile(id, id, "Lab", Map.of(Precision.BF16, peakTflops * 1e12), bandwidthGBps * 1e9, 80e9,
                Double.NaN, List.of("test"), "", year, HardwareScales.NONE);
    }

    @Test
    void eachDeviceSitsWhereItsBandwidthAndPeakPutIt() {
        // Decades: bandwidth 100 GB/s-10 TB/s, peak 10-1,000 TFLOP/s; plot from x 78 to 0.6 of the width.
        HardwareProfile a = device("a", 2020, 100, 1000);
        HardwareProfile b = device("b", 2024, 800, 4000);
        LandscapeLayout layout = new LandscapeLayout(List.of(a, b), Precision.BF16, 1000, 600);
        LandscapeLayout.Dot dotA = layout.dots().get(0);
        double left = LandscapeLayout.LEFT;
        double right = left + (1000 - LandscapeLayout.LEFT - LandscapeLayout.RIGHT - LandscapeLayout.GAP) * 0.6;
        assertThat(layout.bandwidth().min()).isEqualTo(1e12);
        assertThat(layout.bandwidth().max()).isEqualTo(1e13);
        // 1 TB/s is the first decade: the left edge; 100 TFLOP/s is the axis's bottom decade.
        assertThat(dotA.x()).isCloseTo(left, within(1e-9));
        assertThat(layout.peak().min()).isEqualTo(1e14);
        assertThat(dotA.y()).isCloseTo(600 - LandscapeLayout.BOTTOM, within(1e-9));
        LandscapeLayout.Dot dotB = layout.dots().get(1);
        assertThat(dotB.x()).isCloseTo(left + Math.log10(4) * (right - left), within(1e-9));
        // Its ridge: 800e12 / 4e12 = 200 FLOP/byte, 400 FLOPs per 2-byte BF16 value.
        assertThat(dotB.ridgePerValue()).isCloseTo(400, within(1e-9));
        assertThat(dotB.yearX()).isCloseTo(layout.years().toPixel(2024), within(1e-9));
        assertThat(layout.trendPerYear()).as("two devices are no trend").isNaN();
        // Five devices on one line, the ridge doubling every four years: x2^(1/4) a year.
        List<HardwareProfile> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(device("d" + i, 2020 + i, 100 * Math.pow(2, i / 4.0), 1000));
        }
        assertThat(new LandscapeLayout(five, Precision.BF16, 1000, 600).trendPerYear())
                .isCloseTo(Math.pow(2, 0.25), within(1e-9));
        assertThat(layout.at(dotB.x() + 3, dotB.y() - 3, 10)).isEqualTo(b);
        assertThat(layout.at(dotB.yearX(), dotB.yearY(), 10)).isEqualTo(b);
        assertThat(layout.at(dotB.x() + 30, dotB.y(), 10)).isNull();
    }

    @Test
    void aDeviceOnARidgeLineIsOnItAndDevicesWithoutThePrecisionAreLeftOutAndCounted() {
        List<HardwareProfile> all = ProfileLoader.load(true, List.of()).profiles();
        LandscapeLayout layout = new LandscapeLayout(all, Precision.FP8, 1200, 640);
        assertThat(layout.without()).extracting(HardwareProfile::id).contains("a100_80gb_sxm", "t4", "v100_sxm2")
                .doesNotContain("h100_sxm");
        assertThat(layout.dots().size() + layout.without().size()).isEqualTo(all.size());
        // A device with a ridge of exactly 300 FLOP/byte lies on the 300 line.
        HardwareProfile on300 = device("on300", 2023, 600, 2000);
        LandscapeLayout two = new LandscapeLayout(List.of(on300, device("x", 2021, 50, 500)), Precision.BF16, 1200, 640);
        double[][] line = two.ridgeLine(300);
        LandscapeLayout.Dot d = two.dots().get(0);
        double t = (d.x() - line[0][0]) / (line[0][1] - line[0][0]);
        assertThat(line[1][0] + t * (line[1][1] - line[1][0])).isCloseTo(d.y(), within(1e-6));
        assertThat(two.ridgeLine(1e6)).as("a line above every device misses the plot").isEmpty();
    }
}
