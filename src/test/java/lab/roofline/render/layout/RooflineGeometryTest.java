package lab.roofline.render.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.TestProfiles;
import lab.roofline.render.layout.RooflineGeometry.Marker;
import lab.roofline.render.layout.RooflineGeometry.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The roofline chart's geometry, asked directly: no toolkit, no layout pass. */
class RooflineGeometryTest {
    private static final Evaluation ARTICLE = RooflineEngine.evaluate(Scenario.of(ModelSpec.fromParameterCount(70e9),
            TestProfiles.H100).withPrecision(Precision.INT8, false).withTokens(1, 1));

    @Test
    void theRidgeSitsAtPeakOverBandwidthOnTheAxes() {
        RooflineGeometry g = new RooflineGeometry(ARTICLE, 1100, 620);
        Point ridge = g.ridge();
        assertThat(g.x().toValue(ridge.x())).isCloseTo(1979e12 / 3.35e12, within(0.01));
        assertThat(g.y().toValue(ridge.y())).isCloseTo(1979e12, within(1e9));
        List<Point> roof = g.roof(ARTICLE.currentRoof());
        assertThat(roof.get(1)).isEqualTo(new Point(g.x().toPixel(1979e12 / 3.35e12), ridge.y()));
        assertThat(roof.get(2).y()).isEqualTo(ridge.y()); // flat after the ridge
        assertThat(roof.get(2).x()).isEqualTo(g.plotRight());
    }

    @Test
    void decodeAtBatchOneIsLeftOfTheRidgeAndPrefillRightOfIt() {
        RooflineGeometry g = new RooflineGeometry(ARTICLE, 1100, 620);
        assertThat(g.marker(Marker.DECODE).x()).isLessThan(g.ridge().x());
        Evaluation withContext = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100)
                .withBatchSize(64));
        RooflineGeometry h = new RooflineGeometry(withContext, 1100, 620);
        assertThat(h.marker(Marker.PREFILL).x()).isGreaterThan(h.ridge().x());
        assertThat(h.marker(Marker.ATTENTION)).isNotNull();
        assertThat(h.decodePath()).hasSize(withContext.decodePath().size());
    }

    @Test
    void everyPointStaysInsideThePlot() {
        for (double[] size : new double[][] {{480, 320}, {1100, 620}, {3840, 2160}}) {
            RooflineGeometry g = new RooflineGeometry(ARTICLE, size[0], size[1]);
            for (Marker m : Marker.values()) {
                Point p = g.marker(m);
                if (p != null) {
                    assertThat(p.x()).isBetween(g.plotLeft(), g.plotRight());
                    assertThat(p.y()).isBetween(g.plotTop(), g.plotBottom());
                }
            }
        }
    }

    /** A profile with absurd figures (which the loader refuses) still gives a finite, short axis. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void theAxisIsShortWhateverTheRange() {
        HardwareProfile absurd = new HardwareProfile("x", "X", "Acme", Map.of(Precision.BF16, 1e300), 1e300, 1e300,
                Double.NaN, List.of("test"), "");
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_8B, absurd));
        RooflineGeometry g = new RooflineGeometry(e, 1100, 620);
        assertThat(g.flopsDecades()).hasSizeBetween(1, 9);
        assertThat(new RooflineGeometry(ARTICLE, 1100, 620).flopsDecades()).hasSize(6);
    }
}
