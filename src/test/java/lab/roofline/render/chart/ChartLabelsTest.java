package lab.roofline.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.layout.RooflineLabels;
import lab.roofline.render.layout.UtilizationLabels;
import lab.roofline.render.layout.UtilizationTexts;
import org.junit.jupiter.api.Test;

/** The cases the chart issue names, laid out with no toolkit: each label where a reader needs it. */
class ChartLabelsTest {
    private static final List<HardwareProfile> GPUS = ProfileLoader.load(true, List.of()).profiles();

    private static HardwareProfile gpu(String id) {
        return GPUS.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    private static Evaluation evaluate(String gpu, ModelSpec model, Precision p, long batch) {
        HardwareProfile g = gpu(gpu);
        return RooflineEngine.evaluate(new Scenario(model, g, 1, p, false, Precision.BF16, batch, 1024, 256, 1, 1,
                g.priceUsdPerHour()));
    }

    @Test
    void aModelThatDoesNotFitSaysSoOnTheRooflineAndTheUtilizationChart() {
        Evaluation e = evaluate("h100_sxm", ModelPresets.LLAMA_3_1_405B, Precision.BF16, 1);
        LabelLayout roofline = RooflineLabels.layout(e, new RooflineGeometry(e, 1100, 620), ChartLabelProperties.DEJAVU, 13);
        assertThat(roofline.label(RooflineLabels.INFEASIBLE_ID).text())
                .startsWith("does not fit: needs 10 × NVIDIA H100 SXM5 80GB");
        LabelLayout utilization = UtilizationLabels.layout(e, List.of(), false, 900, 500, ChartLabelProperties.DEJAVU, 13);
        assertThat(utilization.label(UtilizationLabels.CURRENT_ID).text()).startsWith("batch 1 (does not fit): ");
        assertThat(utilization.label(UtilizationLabels.WALL_ID).text()).isEqualTo("weights alone do not fit");

        Evaluation fits = evaluate("h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1);
        LabelLayout ok = RooflineLabels.layout(fits, new RooflineGeometry(fits, 1100, 620), ChartLabelProperties.DEJAVU, 13);
        assertThat(ok.label(RooflineLabels.INFEASIBLE_ID)).isNull();
    }

    /**
     * Lesson step 4 is about the critical batch: on every chart size it is named, beside its line or, where
     * that has no room, in the line under the title.
     */
    @Test
    void theCriticalBatchIsNamedAtEveryChartSize() {
        Evaluation e = evaluate("h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 64);
        String critical = String.format(java.util.Locale.ROOT, "%,d", (long) Math.ceil(e.criticalBatchNoContext()));
        int besideTheLine = 0;
        int underTheTitle = 0;
        for (int w = 300; w <= 1100; w += 40) {
            for (int h = 170; h <= 520; h += 50) {
                LabelLayout.Label label = UtilizationLabels.layout(e, List.of(), false, w, h, ChartLabelProperties.DEJAVU, 13)
                        .label(UtilizationLabels.CRITICAL_ID);
                if (label != null) {
                    assertThat(label.text()).endsWith("≈ " + critical);
                    besideTheLine++;
                } else {
                    underTheTitle++;
                    List<String> wordings = UtilizationTexts.subtitles(e, false);
                    assertThat(wordings).as("%dx%d", w, h).isNotEmpty()
                            .allSatisfy(s -> assertThat(s).contains("≈ " + critical));
                }
            }
        }
        assertThat(besideTheLine).isPositive();
        assertThat(underTheTitle).as("small charts name it under the title").isPositive();
        // Wordings only get shorter: the first that fits is the longest that fits.
        List<String> wordings = UtilizationTexts.subtitles(e, false);
        for (int i = 1; i < wordings.size(); i++) {
            assertThat(wordings.get(i).length()).isLessThanOrEqualTo(wordings.get(i - 1).length());
        }
    }

    /** The memory wall's red line is named at every size: beside it, or under the title (review: step 6 at 150 %). */
    @Test
    void theMemoryWallIsNamedAtEveryChartSize() {
        Evaluation e = evaluate("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 64);
        String maxBatch = String.format(java.util.Locale.ROOT, "%,d", e.memory().maxBatch());
        int underTheTitle = 0;
        for (int w = 200; w <= 1100; w += 30) {
            for (int h = 120; h <= 520; h += 50) {
                boolean beside = UtilizationLabels.layout(e, List.of(), false, w, h, ChartLabelProperties.DEJAVU, 13)
                        .label(UtilizationLabels.WALL_ID) != null;
                List<String> wordings = UtilizationTexts.subtitles(e, false, beside);
                if (!beside) {
                    underTheTitle++;
                    assertThat(wordings).as("%dx%d", w, h).isNotEmpty()
                            .allSatisfy(s -> assertThat(s).contains("Max batch " + maxBatch));
                    for (int i = 1; i < wordings.size(); i++) {
                        assertThat(wordings.get(i).length()).isLessThanOrEqualTo(wordings.get(i - 1).length());
                    }
                } else {
                    assertThat(wordings).isEqualTo(UtilizationTexts.subtitles(e, false));
                }
            }
        }
        assertThat(underTheTitle).as("some sizes have no room beside the wall").isPositive();
    }

    /** "does not fit (max batch N)" sits in the shaded region beyond the wall, or left of it pointing across. */
    @Test
    void theMemoryWallsLabelNeverSitsOnTheSideThatFits() {
        // 70B INT8 on one H100: max batch 29, room beyond the wall (and beyond the critical batch's line, which
        // the label does not cross).
        Evaluation e = evaluate("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1);
        double wallX = UtilizationLabels.x(900).toPixel(e.memory().maxBatch());
        LabelLayout.Label wall = UtilizationLabels.layout(e, List.of(), false, 900, 300, ChartLabelProperties.DEJAVU, 13)
                .label(UtilizationLabels.WALL_ID);
        assertThat(wall.text()).isEqualTo("does not fit (max batch 29)");
        assertThat(wall.box().x()).isGreaterThanOrEqualTo(wallX);
        // 70B BF16 on two H100s with short sequences: the wall is near the right edge, little room beyond it.
        HardwareProfile h100 = gpu("h100_sxm");
        Evaluation late = RooflineEngine.evaluate(new Scenario(ModelPresets.LLAMA_3_1_70B, h100, 2, Precision.BF16, false,
                Precision.BF16, 1, 32, 32, 1, 1, h100.priceUsdPerHour()));
        long maxBatch = late.memory().maxBatch();
        assertThat(maxBatch).isBetween(1000L, 4000L);
        double lateWallX = UtilizationLabels.x(600).toPixel(maxBatch);
        LabelLayout.Label lateWall = UtilizationLabels.layout(late, List.of(), false, 600, 260,
                ChartLabelProperties.DEJAVU, 13).label(UtilizationLabels.WALL_ID);
        boolean beyond = lateWall.box().x() >= lateWallX;
        boolean pointingAcross = lateWall.text().endsWith("does not fit →") && lateWall.box().right() <= lateWallX;
        assertThat(beyond || pointingAcross).as(lateWall.toString()).isTrue();
        assertThat(pointingAcross).as("at 600 wide there is no room beyond batch %d", maxBatch).isTrue();
    }

    @Test
    void theNamedCollisionsAreGoneAndEveryLabelIsKeptInALargeChart() {
        // 405B FP32 on an L4: "Decode step" used to print over the ridge label.
        Evaluation l4 = evaluate("l4", ModelPresets.LLAMA_3_1_405B, Precision.FP32, 1);
        LabelLayout a = RooflineLabels.layout(l4, new RooflineGeometry(l4, 1100, 620), ChartLabelProperties.DEJAVU, 13);
        ChartLabelProperties.assertLaidOut(a);
        assertThat(a.dropped()).isEmpty();
        // The default 70B INT8 at batch 8: "Decode step" used to print over "Decode attention".
        Evaluation def = evaluate("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 8);
        LabelLayout b = RooflineLabels.layout(def, new RooflineGeometry(def, 1100, 620), ChartLabelProperties.DEJAVU, 13);
        ChartLabelProperties.assertLaidOut(b);
        assertThat(b.dropped()).isEmpty();
        assertThat(b.label(RooflineLabels.DECODE)).isNotNull();
        assertThat(b.label(RooflineLabels.ATTENTION)).isNotNull();
    }

    @Test
    void aLabelMovedAwayFromItsPointDrawsALeaderToIt() {
        LabelLayout layout = new LabelLayout(new LabelLayout.Box(0, 0, 400, 300), ChartLabelProperties.DEJAVU, 13);
        LabelLayout.Style style = new LabelLayout.Style(1, false, ChartColor.TEXT);
        layout.obstacle(LabelLayout.Box.around(100, 100, 16, 16));
        // Block the close spots around the point with another label.
        layout.place("blocker", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", style, null,
                List.of(LabelLayout.Spot.at(20, 70)));
        LabelLayout.Label moved = layout.place("moved", "Decode step", style, new double[] {100, 100},
                layout.anywhereNear(100, 100, layout.width("Decode step", style), layout.height(style)));
        assertThat(moved).isNotNull();
        assertThat(moved.hasLeader()).isTrue();
        ChartLabelProperties.assertLaidOut(layout);
    }
}
