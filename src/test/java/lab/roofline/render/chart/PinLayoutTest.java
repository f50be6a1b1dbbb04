package lab.roofline.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.layout.PinStyle;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.layout.RooflineLabels;
import lab.roofline.render.layout.UtilizationLabels;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Pins on the charts, laid out with no toolkit: the axis reaches them, the key fits, no label covers them. */
class PinLayoutTest {
    private static final List<HardwareProfile> GPUS = ProfileLoader.load(true, List.of()).profiles();

    private static Evaluation evaluate(String gpu, int devices, Precision p, long batch) {
        HardwareProfile g = GPUS.stream().filter(x -> x.id().equals(gpu)).findFirst().orElseThrow();
        return RooflineEngine.evaluate(new Scenario(ModelPresets.LLAMA_3_1_70B, g, devices, p, false, Precision.BF16,
                batch, 1024, 256, 1, 1, g.priceUsdPerHour()));
    }

    private static List<ChartPin> pins(Evaluation... evaluations) {
        List<ChartPin> pins = new ArrayList<>();
        for (int i = 0; i < evaluations.length; i++) {
            pins.add(new ChartPin("pin " + i, PinStyle.of(i), evaluations[i]));
        }
        return pins;
    }

    @Test
    void theAxisReachesAPinsHigherRoof() {
        Evaluation live = evaluate("t4", 1, Precision.BF16, 1);
        Evaluation big = evaluate("b200", 8, Precision.FP8, 64);
        double bigPeak = big.currentRoof().peakFlopsPerSecond();
        RooflineGeometry alone = new RooflineGeometry(live, 1000, 600);
        assertThat(alone.y().toPixel(bigPeak)).as("without the pin its roof is off the top").isLessThan(alone.plotTop());
        RooflineGeometry with = new RooflineGeometry(live, List.of(big), 1000, 600);
        assertThat(with.y().toPixel(bigPeak)).isBetween(with.plotTop(), with.plotBottom());
        RooflineGeometry.Point decode = with.phase(big.decode());
        assertThat(decode.y()).isBetween(with.plotTop(), with.plotBottom());
    }

    @Test
    void theKeyListsTheLiveScenarioFirstInItsCornerAndShortensLongNames() {
        Box plot = new Box(78, 44, 800, 400);
        assertThat(PinKey.of(List.of(), "Live", plot, true, true, 300, ChartLabelProperties.DEJAVU, 13)).isNull();
        Evaluation e = evaluate("h100_sxm", 1, Precision.BF16, 8);
        List<ChartPin> two = List.of(new ChartPin("H200", PinStyle.TRIANGLE, e),
                new ChartPin("a very long name for a pinned scenario indeed", PinStyle.SQUARE, e));
        PinKey key = PinKey.of(two, "Live", plot, true, true, 200, ChartLabelProperties.DEJAVU, 13);
        assertThat(key.rows()).extracting(PinKey.Row::style).containsExactly(null, PinStyle.TRIANGLE, PinStyle.SQUARE);
        assertThat(key.rows().get(0).text()).isEqualTo("Live");
        assertThat(key.rows().get(2).text()).endsWith("…");
        assertThat(key.box().w()).isLessThanOrEqualTo(200);
        assertThat(key.box().inside(plot)).isTrue();
        assertThat(key.box().right()).isCloseTo(plot.right() - 8, Offset.offset(0.01));
        assertThat(key.box().bottom()).isCloseTo(plot.bottom() - 8, Offset.offset(0.01));
        PinKey topLeft = PinKey.of(two, "Live", plot, false, false, 200, ChartLabelProperties.DEJAVU, 13);
        assertThat(topLeft.box().x()).isEqualTo(plot.x() + 8);
        assertThat(topLeft.box().y()).isEqualTo(plot.y() + 8);
        // Rows are apart and inside the box, top to bottom.
        for (int i = 1; i < key.rows().size(); i++) {
            assertThat(key.rows().get(i).centreY()).isGreaterThan(key.rows().get(i - 1).centreY() + 10);
        }
        // A wide chart (a 1920-wide export) names a pin in full, however long, when it has the room.
        ChartPin longName = new ChartPin("Llama-3.1-70B on 8 x H200 at batch 64, tensor-parallel 8, FP8 weights",
                PinStyle.SQUARE, e);
        PinKey wide = PinKey.of(List.of(longName), "Live", new Box(78, 44, 1700, 800), true, true, 800,
                ChartLabelProperties.DEJAVU, 13);
        assertThat(wide.rows().get(1).text()).startsWith(longName.name()).doesNotContain("…");
    }

    @Test
    void aRoomyChartNamesEveryPinAndNoLabelCoversTheKeyOrAPinsMarker() {
        Evaluation live = evaluate("h100_sxm", 1, Precision.BF16, 1);
        List<ChartPin> pins = pins(evaluate("h200_sxm", 1, Precision.BF16, 64), evaluate("mi300x", 1, Precision.FP8, 8));
        RooflineGeometry geo = new RooflineGeometry(live, pins.stream().map(ChartPin::evaluation).toList(), 1400, 800);
        Box plot = new Box(geo.plotLeft(), geo.plotTop(), geo.plotRight() - geo.plotLeft(), geo.plotBottom() - geo.plotTop());
        PinKey key = PinKey.of(pins, "Live", plot, true, true, plot.w() * 0.45, ChartLabelProperties.DEJAVU, 13);
        LabelLayout still = RooflineLabels.still(live, pins, key, geo, ChartLabelProperties.DEJAVU, 13);
        assertThat(still.obstacles()).contains(key.box());
        ChartLabelProperties.assertLaidOut(still);
        for (int i = 0; i < pins.size(); i++) {
            LabelLayout.Label name = still.label(RooflineLabels.pinId(i));
            assertThat(name).as("pin " + i + " is named").isNotNull();
            assertThat(name.style().color()).isEqualTo(pins.get(i).style().color());
        }
        ChartLabelProperties.assertLaidOut(RooflineLabels.withPoints(still, live, geo));

        PinKey utilizationKey = PinKey.of(pins, "Live", UtilizationLabels.plot(1000, 500), false, false, 450,
                ChartLabelProperties.DEJAVU, 13);
        LabelLayout utilization = UtilizationLabels.still(live, List.of(), pins, utilizationKey, 1000, 500,
                ChartLabelProperties.DEJAVU, 13);
        assertThat(utilization.obstacles()).contains(utilizationKey.box());
        ChartLabelProperties.assertLaidOut(utilization);
        assertThat(utilization.label(RooflineLabels.pinId(0))).as("named in the key only").isNull();
    }

    @Property(tries = 60)
    void withUpToFourPinsNoLabelEverCoversTheKeyOrAMarker(@ForAll @IntRange(min = 0, max = 28) int gpu,
                                                          @ForAll @IntRange(min = 1, max = 4) int count,
                                                          @ForAll @IntRange(min = 0, max = 12) int batchPower,
                                                          @ForAll @IntRange(min = 420, max = 1400) int width,
                                                          @ForAll @IntRange(min = 260, max = 800) int height) {
        Evaluation live = evaluate(GPUS.get(gpu % GPUS.size()).id(), 1, Precision.BF16, 1L << batchPower);
        List<Evaluation> others = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            others.add(evaluate(GPUS.get((gpu + 7 * (i + 1)) % GPUS.size()).id(), 1 + i % 2, Precision.FP8,
                    1L << ((batchPower + 3 * i) % 13)));
        }
        List<ChartPin> pins = pins(others.toArray(Evaluation[]::new));
        RooflineGeometry geo = new RooflineGeometry(live, others, width, height);
        Box plot = new Box(geo.plotLeft(), geo.plotTop(), geo.plotRight() - geo.plotLeft(), geo.plotBottom() - geo.plotTop());
        PinKey key = PinKey.of(pins, "Live", plot, true, true, plot.w() * 0.45, ChartLabelProperties.DEJAVU, 13);
        assertThat(key.box().w()).isLessThanOrEqualTo(plot.w() * 0.45 + 1e-9);
        ChartLabelProperties.assertLaidOut(RooflineLabels.still(live, pins, key, geo, ChartLabelProperties.DEJAVU, 13));
        for (ChartPin p : pins) {
            RooflineGeometry.Point decode = geo.phase(p.evaluation().decode());
            assertThat(decode.y()).isBetween(geo.plotTop(), geo.plotBottom());
        }
        PinKey utilizationKey = PinKey.of(pins, "Live", UtilizationLabels.plot(width, height), false, false,
                UtilizationLabels.plot(width, height).w() * 0.45, ChartLabelProperties.DEJAVU, 13);
        ChartLabelProperties.assertLaidOut(UtilizationLabels.still(live, List.of(), pins, utilizationKey, width, height,
                ChartLabelProperties.DEJAVU, 13));
    }
}
