package lab.roofline.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.serving.ApiPrice;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.layout.RooflineLabels;
import lab.roofline.render.layout.UtilizationLabels;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Over random scenarios and chart sizes from 480x320 to 3840x2160, from the layouts' own boxes: no label
 * overlaps another label or a marker, and none leaves the plot. Text is measured in the chart's font
 * (DejaVu Sans) through AWT, so no JavaFX toolkit is needed.
 */
class ChartLabelProperties {
    private static final List<HardwareProfile> GPUS = ProfileLoader.load(true, List.of()).profiles();
    private static final List<ApiPrice> PRICES = ApiPriceLoader.loadBundled().prices();
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    /** DejaVu Sans widths, as the canvas measures them. */
    static final LabelLayout.TextMeasure DEJAVU = (text, sizePx, bold) ->
            new Font("DejaVu Sans", bold ? Font.BOLD : Font.PLAIN, 1)
                    .deriveFont((float) sizePx).getStringBounds(text, CONTEXT).getWidth();

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<ModelSpec> models = Arbitraries.oneOf(Arbitraries.of(ModelPresets.ALL),
                Arbitraries.doubles().between(ScenarioLimits.PARAMETERS.min(), ScenarioLimits.PARAMETERS.max())
                        .map(ModelSpec::fromParameterCount));
        Arbitrary<Precision> precisions = Arbitraries.of(Precision.class);
        Arbitrary<Long> batches = Arbitraries.oneOf(Arbitraries.longs().between(1, 64),
                Arbitraries.longs().between(1, ScenarioLimits.MAX_BATCH));
        Arbitrary<Long> prompts = Arbitraries.longs().between(1, 10_000_000L);
        Arbitrary<Long> outputs = Arbitraries.longs().between(1, 100_000);
        Arbitrary<Integer> counts = Arbitraries.oneOf(Arbitraries.just(1), Arbitraries.integers().between(1, 4096));
        Arbitrary<Double> fractions = Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.doubles().between(0.01, 1));
        return Combinators.combine(models, Arbitraries.of(GPUS), precisions, precisions, batches, prompts, outputs, counts)
                .as((m, g, p, kv, b, pr, o, n) -> new Scenario(m, g, n, p, false, kv, b, pr, o, 1, 1, g.priceUsdPerHour()))
                .flatMap(s -> Combinators.combine(fractions, fractions).as((c, bw) -> s.withEfficiency(c, bw)));
    }

    @Property(tries = 300)
    void rooflineLabelsNeverCollideNorLeaveThePlot(@ForAll("scenarios") Scenario s,
                                                   @ForAll @IntRange(min = 480, max = 3840) int width,
                                                   @ForAll @IntRange(min = 320, max = 2160) int height) {
        Evaluation e = RooflineEngine.evaluate(s);
        LabelLayout layout = RooflineLabels.layout(e, new RooflineGeometry(e, width, height), DEJAVU, 13);
        assertLaidOut(layout);
        // The operating points are what the chart is about: they are always labelled.
        assertThat(layout.dropped()).doesNotContain(RooflineLabels.DECODE, RooflineLabels.PREFILL,
                RooflineLabels.INFEASIBLE_ID);
        // Every ceiling that is drawn is labelled.
        assertThat(layout.dropped()).noneMatch(id -> id.equals("roof") || id.startsWith("roof-"));
    }

    /**
     * A roof's name written beside it (no leader line) sits between its line and its neighbours' where they
     * are drawn flat: BF16's name never above the INT8 roof, FP32's never between INT8 and BF16.
     */
    @Property(tries = 300)
    void roofNamesKeepTheRoofsOrder(@ForAll("scenarios") Scenario s,
                                    @ForAll @IntRange(min = 480, max = 3840) int width,
                                    @ForAll @IntRange(min = 320, max = 2160) int height) {
        Evaluation e = RooflineEngine.evaluate(s);
        RooflineGeometry geo = new RooflineGeometry(e, width, height);
        LabelLayout layout = RooflineLabels.layout(e, geo, DEJAVU, 13);
        for (LabelLayout.Label label : layout.labels()) {
            boolean current = label.id().equals(RooflineLabels.CURRENT_ROOF_ID);
            if (label.hasLeader() || !current && !label.id().startsWith("roof-")) {
                continue;
            }
            // Its text starts with the precision it names ("BF16/FP16 990 TFLOP/s").
            double own = current ? e.currentRoof().peakFlopsPerSecond() : e.roofs().stream()
                    .filter(r -> label.text().startsWith(r.precision().label() + " ")).findFirst().orElseThrow()
                    .peakFlopsPerSecond();
            double ownY = geo.y().toPixel(own);
            for (Evaluation.Roof other : e.roofs()) {
                double y = geo.y().toPixel(other.peakFlopsPerSecond());
                double flatFrom = geo.x().toPixelClamped(other.peakFlopsPerSecond() / other.bandwidthBytesPerSecond());
                if (y == ownY || flatFrom >= label.box().right()) {
                    continue;
                }
                assertThat(y < ownY ? label.box().y() >= y : label.box().bottom() <= y)
                        .as("'%s' beside the %s roof (y %.0f) in a %dx%d chart: %s", label.text(),
                                other.precision().label(), y, width, height, label.box()).isTrue();
            }
        }
    }

    @Property(tries = 300)
    void utilizationLabelsNeverCollideNorLeaveThePlot(@ForAll("scenarios") Scenario s,
                                                      @ForAll @IntRange(min = 480, max = 3840) int width,
                                                      @ForAll @IntRange(min = 320, max = 2160) int height,
                                                      @ForAll boolean lessonOnBatchApi) {
        Evaluation e = RooflineEngine.evaluate(s);
        List<RatioReference> refs = RatioReference.forPrices(s.withBatchSize(1), PRICES);
        LabelLayout layout = UtilizationLabels.layout(e, refs, lessonOnBatchApi, width, height, DEJAVU, 13);
        assertLaidOut(layout);
        assertThat(layout.dropped()).doesNotContain(UtilizationLabels.CURRENT_ID);
    }

    /**
     * The charts as the window lays them out when space is short (the utilization chart shares a row with
     * the cost chart: about 400-900 x 200-320): the labels that say what the scenario does still show,
     * giving way to nothing but markers.
     */
    @Property(tries = 300)
    void inTheWindowsSmallestChartsTheScenariosOwnLabelsStillShow(@ForAll("scenarios") Scenario s,
                                                                  @ForAll @IntRange(min = 400, max = 900) int width,
                                                                  @ForAll @IntRange(min = 200, max = 320) int height) {
        Evaluation e = RooflineEngine.evaluate(s);
        List<RatioReference> refs = RatioReference.forPrices(s.withBatchSize(1), PRICES);
        LabelLayout utilization = UtilizationLabels.layout(e, refs, false, width, height, DEJAVU, 13);
        assertLaidOut(utilization);
        assertThat(utilization.dropped()).doesNotContain(UtilizationLabels.CURRENT_ID);
        LabelLayout roofline = RooflineLabels.layout(e, new RooflineGeometry(e, width, height), DEJAVU, 13);
        assertLaidOut(roofline);
        assertThat(roofline.dropped()).doesNotContain(RooflineLabels.DECODE, RooflineLabels.PREFILL,
                RooflineLabels.INFEASIBLE_ID);
    }

    /** Found by the property above: a crowded 400 x 200 roofline, where roof labels moved and Prefill had to. */
    @Example
    void aCrowdedTinyRooflineStillLabelsPrefill() {
        HardwareProfile a10 = GPUS.stream().filter(g -> g.id().equals("a10")).findFirst().orElseThrow();
        Scenario s = new Scenario(ModelPresets.find("Llama-2-7B").orElseThrow(), a10, 321, Precision.BF16, false,
                Precision.BF16, 4, 222, 44035, 1, 1, 1.29);
        Evaluation e = RooflineEngine.evaluate(s);
        LabelLayout roofline = RooflineLabels.layout(e, new RooflineGeometry(e, 400, 200), DEJAVU, 13);
        assertLaidOut(roofline);
        assertThat(roofline.dropped()).doesNotContain(RooflineLabels.DECODE, RooflineLabels.PREFILL);
    }

    static void assertLaidOut(LabelLayout layout) {
        List<LabelLayout.Label> labels = layout.labels();
        for (int i = 0; i < labels.size(); i++) {
            Box a = LabelLayout.padded(labels.get(i).box());
            assertThat(a.inside(layout.bounds())).as(labels.get(i).text() + " inside the plot").isTrue();
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(a.overlaps(LabelLayout.padded(labels.get(j).box())))
                        .as(labels.get(i).text() + " over " + labels.get(j).text()).isFalse();
            }
            for (Box marker : layout.obstacles()) {
                assertThat(a.overlaps(marker)).as(labels.get(i).text() + " over a marker").isFalse();
            }
        }
    }
}
