package lab.roofline.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import lab.roofline.render.layout.HoverCardPlacement;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Hover cards near every edge: flipped to the free side, never outside the chart. */
class HoverCardPlacementTest {
    @Test
    void aCardNearTheRightEdgeFlipsToTheLeftOfItsPoint() {
        double[] o = HoverCardPlacement.origin(980, 300, 200, 120, 1000, 600);
        assertThat(o[0] + 200).isLessThanOrEqualTo(980 - 14);
        double[] free = HoverCardPlacement.origin(100, 300, 200, 120, 1000, 600);
        assertThat(free[0]).isEqualTo(114);
    }

    @Property(tries = 500)
    void everyCardStaysInsideTheChart(@ForAll @DoubleRange(min = 0, max = 1000) double x,
                                      @ForAll @DoubleRange(min = 0, max = 600) double y,
                                      @ForAll @DoubleRange(min = 40, max = 700) double width,
                                      @ForAll @DoubleRange(min = 20, max = 300) double height) {
        double[] o = HoverCardPlacement.origin(x, y, width, height, 1000, 600);
        assertThat(o[0]).isGreaterThanOrEqualTo(4);
        assertThat(o[0] + width).isLessThanOrEqualTo(1000 - 4 + 1e-9);
        assertThat(o[1]).isGreaterThanOrEqualTo(4);
        assertThat(o[1] + height).isLessThanOrEqualTo(600 - 4 + 1e-9);
    }
}
