package lab.roofline.render.layout.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.io.data.ProfileLoader;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, item 11: the landscape's trend is fitted to a stated set (the bundled datacenter parts at the
 * shown precision), never a user's invented device, and says when its sign depends on the precision.
 */
class RidgeTrendTest {
    private static final List<HardwareProfile> BUNDLED = ProfileLoader.load(true, List.of()).profiles();

    /** A user's own device: an absurd ridge in 2026 that would tip any trend. */
    private static final HardwareProfile INVENTED = new HardwareProfile("my_chip", "My Chip", "Me",
            Map.of(Precision.BF16, 1e18, Precision.FP8, 2e18), 1e11, 80e9, Double.NaN, List.of("mine"), "", 2026,
            HardwareScales.NONE);

    private static LandscapeLayout layout(List<HardwareProfile> profiles, Precision p, Predicate<HardwareProfile> own) {
        return new LandscapeLayout(profiles, p, 1200, 640, RidgeTrend.datacenter(own));
    }

    @Test
    void aUsersOwnDeviceIsDrawnButNeverFitted() {
        List<HardwareProfile> mine = new ArrayList<>(BUNDLED);
        mine.add(INVENTED);
        Predicate<HardwareProfile> own = p -> p == INVENTED;
        for (Precision p : new Precision[] {Precision.BF16, Precision.FP8}) {
            LandscapeLayout with = layout(mine, p, own);
            assertThat(with.dots()).as("drawn").anyMatch(d -> d.profile() == INVENTED);
            assertThat(with.trendPerYear()).as(p.label())
                    .isCloseTo(layout(BUNDLED, p, x -> false).trendPerYear(), within(1e-12));
        }
    }

    @Test
    void theTrendIsOverTheBundledDatacenterPartsAtTheShownPrecisionAndSaysSo() {
        LandscapeLayout fp8 = layout(BUNDLED, Precision.FP8, p -> false);
        // The workstations, desktops and laptops are drawn, never fitted.
        assertThat(fp8.dots()).anyMatch(d -> d.profile().id().equals("rtx_4090"));
        long datacenterFp8 = BUNDLED.stream().filter(p -> p.year() > 0 && p.runsNatively(Precision.FP8)
                && !RidgeTrend.NOT_DATACENTER.contains(p.id())).count();
        assertThat(fp8.trend().devices()).isEqualTo((int) datacenterFp8).isLessThan(fp8.dots().size());
        // At FP8 the ridge falls (Hopper to Blackwell: bandwidth grew faster than FP8 peak); at BF16 and INT8 it
        // rises: the note says the sign depends on the precision.
        assertThat(fp8.trendPerYear()).isLessThan(1);
        LandscapeLayout bf16 = layout(BUNDLED, Precision.BF16, p -> false);
        assertThat(bf16.trendPerYear()).isGreaterThan(1);
        assertThat(fp8.trendNote()).startsWith("Fit: " + datacenterFp8 + " bundled datacenter parts at FP8, 2022–2025")
                .contains("; Rises at FP32, BF16/FP16, INT8").endsWith(": the sign depends on the precision");
        assertThat(bf16.trendNote()).contains("; Falls at FP8").endsWith(": the sign depends on the precision");
        // Where every precision's trend agrees, no such words.
        List<HardwareProfile> rising = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rising.add(new HardwareProfile("d" + i, "d" + i, "Lab", Map.of(Precision.BF16, 1e14 * Math.pow(2, i / 4.0)),
                    1e12, 80e9, Double.NaN, List.of("test"), "", 2020 + i, HardwareScales.NONE));
        }
        assertThat(layout(rising, Precision.BF16, p -> false).trendNote())
                .isEqualTo("Fit: 5 bundled datacenter parts at BF16/FP16, 2020–2024");
    }
}
