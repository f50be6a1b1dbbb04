package lab.roofline.render.chart;

import java.util.EnumMap;
import java.util.Map;
import javafx.animation.AnimationTimer;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Term;
import lab.roofline.fx.Motion;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.layout.RooflineGeometry.Marker;

/**
 * The lesson's reveal on the roofline chart: the operating points move from where they were to where the
 * new evaluation puts them, over {@link Motion#REVEAL_MILLIS}, redrawing the chart on every frame.
 */
final class MarkerReveal {
    private final Runnable redraw;
    private Map<Marker, double[]> movingFrom = Map.of();
    private long moveStartNanos;
    private double moveProgress = 1;
    private AnimationTimer mover;

    MarkerReveal(Runnable redraw) {
        this.redraw = redraw;
    }

    /** Starts moving the points from where they are in {@code before}. */
    void start(Evaluation before) {
        Map<Marker, double[]> from = new EnumMap<>(Marker.class);
        from.put(Marker.PREFILL, new double[] {before.prefill().arithmeticIntensity(), before.prefill().achievedFlopsPerSecond()});
        from.put(Marker.DECODE, new double[] {before.decode().arithmeticIntensity(), before.decode().achievedFlopsPerSecond()});
        Term att = before.decode().attention();
        if (att.flops() > 0) {
            from.put(Marker.ATTENTION, new double[] {att.arithmeticIntensity(), att.flops() / att.seconds()});
        }
        movingFrom = from;
        moveProgress = 0;
        moveStartNanos = System.nanoTime();
        if (mover == null) {
            mover = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    moveProgress = Math.min(1, (now - moveStartNanos) / 1e6 / Motion.REVEAL_MILLIS);
                    redraw.run();
                    if (moveProgress >= 1) {
                        stop();
                    }
                }
            };
        }
        mover.start();
    }

    /** Whether the points are on their way. */
    boolean isRunning() {
        return moveProgress < 1;
    }

    /** Where a marker is drawn now: on its way from the reveal's start, else where the geometry puts it. */
    RooflineGeometry.Point drawnAt(Marker marker, RooflineGeometry.Point to, RooflineGeometry geometry) {
        double[] from = movingFrom.get(marker);
        if (to == null || from == null || moveProgress >= 1) {
            return to;
        }
        double t = Motion.ease(moveProgress);
        double toX = geometry.x().toValue(to.x());
        double toY = geometry.y().toValue(to.y());
        return geometry.point(Motion.logLerp(from[0], toX, t), Motion.logLerp(from[1], toY, t));
    }
}
