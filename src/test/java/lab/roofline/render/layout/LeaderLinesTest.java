package lab.roofline.render.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout.Spot;
import lab.roofline.render.layout.LabelLayout.Style;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** A label's leader line crosses no other label where a spot allows (review: "Prefill"'s leader through a roof's name). */
class LeaderLinesTest {
    private static final Style STYLE = new Style(1, false, ChartColor.TEXT);
    private static final LabelLayout.TextMeasure SEVEN_PX_A_CHAR = (text, size, bold) -> 7 * text.length();

    @Test
    void aLeaderSpotWhoseLineCrossesALabelGivesWayToOneThatDoesNot() {
        LabelLayout layout = new LabelLayout(new Box(0, 0, 400, 300), SEVEN_PX_A_CHAR, 13);
        assertThat(layout.place("roof", "BF16 990", STYLE, null, List.of(Spot.at(150, 100)))).isNotNull();
        double[] point = {200, 200};
        // Straight above the point, past the roof's name: its leader would run through it. Beside: clear.
        Spot across = new Spot(170, 40, true);
        Spot beside = new Spot(280, 160, true);
        LabelLayout.Label prefill = layout.place("prefill", "Prefill", STYLE, point, List.of(across, beside));
        assertThat(prefill.box().x()).isEqualTo(280);
        // And a label is not put on that leader afterwards.
        double[] leader = LeaderLines.of(prefill.box(), point);
        LabelLayout.Label later = layout.place("later", "on the line", STYLE, null,
                List.of(Spot.at((leader[0] + leader[2]) / 2 - 20, (leader[1] + leader[3]) / 2 - 8), Spot.at(10, 260)));
        assertThat(later.box().x()).isEqualTo(10);
    }

    @Test
    void withNoOtherSpotALabelStillShowsAcrossALeader() {
        LabelLayout layout = new LabelLayout(new Box(0, 0, 400, 300), SEVEN_PX_A_CHAR, 13);
        layout.place("roof", "BF16 990", STYLE, null, List.of(Spot.at(150, 100)));
        LabelLayout.Label only = layout.place("prefill", "Prefill", STYLE, new double[] {200, 200},
                List.of(new Spot(170, 40, true)));
        assertThat(only).as("a roof or a point is always named").isNotNull();
    }

    @Test
    void aLeaderStartingInsideItsMarkerDoesNotCountTheMarker() {
        double[] line = {100, 100, 200, 100};
        assertThat(LeaderLines.crossesAny(line, List.of(), List.of(Box.around(100, 100, 14, 14)))).isFalse();
        assertThat(LeaderLines.crossesAny(line, List.of(Box.around(150, 100, 14, 14)), List.of())).isTrue();
        assertThat(LeaderLines.crossesAny(null, List.of(Box.around(150, 100, 14, 14)), List.of())).isFalse();
    }

    /** The exact clipping agrees with walking the segment in tiny steps, over random segments and boxes. */
    @Property(tries = 2000)
    void clippingAgreesWithWalkingTheLine(@ForAll @DoubleRange(min = 0, max = 400) double x1,
                                          @ForAll @DoubleRange(min = 0, max = 300) double y1,
                                          @ForAll @DoubleRange(min = 0, max = 400) double x2,
                                          @ForAll @DoubleRange(min = 0, max = 300) double y2,
                                          @ForAll @DoubleRange(min = 0, max = 380) double bx,
                                          @ForAll @DoubleRange(min = 0, max = 280) double by) {
        double[] line = {x1, y1, x2, y2};
        Box box = new Box(bx, by, 40, 16);
        boolean walked = false;
        for (int k = 2; k < 998 && !walked; k++) {
            double x = x1 + (x2 - x1) * k / 1000.0;
            double y = y1 + (y2 - y1) * k / 1000.0;
            walked = x > box.x() + 0.5 && x < box.right() - 0.5 && y > box.y() + 0.5 && y < box.bottom() - 0.5;
        }
        if (walked) { // a walk that found the inside, well clear of its edges, is never missed
            assertThat(LeaderLines.crosses(line, box)).isTrue();
        }
        if (LeaderLines.crosses(line, box)) { // and a crossing is never made up: somewhere near, the walk is inside
            boolean near = false;
            for (int k = 1; k < 1000 && !near; k++) {
                double x = x1 + (x2 - x1) * k / 1000.0;
                double y = y1 + (y2 - y1) * k / 1000.0;
                near = x >= box.x() - 1 && x <= box.right() + 1 && y >= box.y() - 1 && y <= box.bottom() + 1;
            }
            assertThat(near).isTrue();
        }
    }
}
