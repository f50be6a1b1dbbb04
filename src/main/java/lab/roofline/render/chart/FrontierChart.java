package lab.roofline.render.chart;

import lab.roofline.render.layout.ChartColor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.Planner;
import lab.roofline.engine.roofline.Units;
import lab.roofline.render.pen.CanvasPen;
import lab.roofline.render.pen.ChartPen;
import lab.roofline.render.layout.FrontierLayout;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.PinStyle;

/**
 * The latency-cost frontier: for the live scenario and each pinned one, tokens/s per user (across) against
 * the cost per million output tokens or the tokens/s per GPU (up) as the batch sweeps from 1 to the largest
 * that fits. Small batches are fast for each user and dear; large ones cheap and slow. The band slower than
 * the time-per-output-token limit is shaded; points whose first token comes later than its limit are hollow;
 * the live batch is ringed and the cheapest point within the limits starred and named. Reads only the
 * frontier the view model computes.
 */
public final class FrontierChart extends CanvasChart {
    private final ObservableValue<Frontier> frontier;
    private final ObjectProperty<FrontierLayout.Metric> metric = new SimpleObjectProperty<>(this, "metric",
            FrontierLayout.Metric.COST);
    private FrontierLayout layout;
    private int[] hovered;
    /**
     * A batch drag moves only the live point: the ring and its label are nodes over the canvases, moved
     * without redrawing them (the curves, the star and the key stay as drawn). Anything else redraws.
     */
    private final javafx.beans.InvalidationListener frontierChanged = obs -> {
        frontierMoved = true;
        requestLayout();
    };
    private boolean frontierMoved = true;
    private Object drawnKey;
    private final javafx.scene.shape.Circle liveRing = new javafx.scene.shape.Circle();
    private final javafx.scene.layout.StackPane liveLabel = new javafx.scene.layout.StackPane();
    private final javafx.scene.text.Text liveText = new javafx.scene.text.Text();
    /** "Live batch 4,096 does not fit: at most 29", over the canvas like the ring. */
    private final javafx.scene.text.Text liveNote = new javafx.scene.text.Text();

    public FrontierChart(ObservableValue<Evaluation> source, ObservableValue<Frontier> frontier) {
        // The chart reads the frontier only: the evaluation is fixed at the first one (the frontier carries it).
        super(new javafx.beans.property.SimpleObjectProperty<>(source.getValue()), "frontier-chart");
        this.frontier = frontier;
        frontier.addListener(frontierChanged);
        metric.addListener(obs -> markDirty());
        liveRing.setFill(null);
        liveRing.setStrokeWidth(2.2);
        liveRing.setManaged(false);
        liveRing.setMouseTransparent(true);
        liveLabel.getChildren().add(liveText);
        liveLabel.setManaged(false);
        liveLabel.setMouseTransparent(true);
        liveRing.setId("frontier-live-ring");
        liveLabel.setId("frontier-live-label");
        liveNote.setManaged(false);
        liveNote.setMouseTransparent(true);
        liveNote.setId("frontier-live-note");
        liveNote.setTextOrigin(VPos.BOTTOM);
        getChildren().addAll(liveRing, liveLabel, liveNote);
        setOnMouseMoved(ev -> {
            int[] now = layout == null ? null : layout.nearest(toDrawing(ev.getX()), toDrawing(ev.getY()), 12);
            if (!java.util.Arrays.equals(now, hovered)) {
                hovered = now;
                markDirty();
            }
        });
        setOnMouseExited(ev -> {
            hovered = null;
            markDirty();
        });
    }

    @Override
    public void dispose() {
        super.dispose();
        frontier.removeListener(frontierChanged);
    }

    /** What the canvases show, but the live point: equal keys need no redraw. */
    private Object drawnKey(Frontier f) {
        Frontier.Curve live = f.liveCurve();
        return java.util.Arrays.asList(backgroundKey(null), hovered == null ? null : List.of(hovered[0], hovered[1]));
    }

    @Override
    protected void layoutChildren() {
        if (frontierMoved) {
            frontierMoved = false;
            Object key = drawnKey(frontier.getValue());
            if (!key.equals(drawnKey)) {
                drawnKey = key;
                markDirty();
            }
        }
        super.layoutChildren();
        placeLiveMarker();
    }

    /** The live batch's ring and label, over the canvases, where the layout puts them. */
    private void placeLiveMarker() {
        Frontier f = frontier.getValue();
        Frontier.Curve live = f.liveCurve();
        boolean shown = layout != null && live != null && live.operating() != null && FrontierLayout.drawn(live, layout.metric());
        liveRing.setVisible(shown);
        liveLabel.setVisible(shown);
        double z = effectiveZoom();
        String note = layout == null ? null : doesNotFitNote(live);
        liveNote.setVisible(note != null);
        if (note != null) {
            Font bold = font(0.92, true);
            LabelLayout.Box p = layout.plot();
            liveNote.setText(fitted(note, bold, p.w() - 16));
            liveNote.setFont(Font.font(bold.getFamily(), javafx.scene.text.FontWeight.BOLD, bold.getSize() * z));
            liveNote.setFill(color(ChartColor.WARNING));
            liveNote.setX((p.x() + p.w() - 8 - textWidth(liveNote.getText(), bold)) * z);
            liveNote.setY((p.y() + p.h() - 8) * z);
        }
        if (!shown) {
            return;
        }
        double r = baseFontSize() * 0.3 * 2.4;
        double[] at = layout.at(live.operating());
        liveRing.setStroke(color(ChartColor.ACCENT));
        liveRing.setRadius(r * z);
        liveRing.setCenterX(at[0] * z);
        liveRing.setCenterY(at[1] * z);
        String text = liveText(live);
        Font bold = font(0.92, true);
        liveText.setText(text);
        liveText.setFont(Font.font(bold.getFamily(), javafx.scene.text.FontWeight.BOLD, bold.getSize() * z));
        liveText.setFill(color(ChartColor.ACCENT));
        liveLabel.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                color(ChartColor.PLOT).deriveColor(0, 1, 1, 0.82), new javafx.scene.layout.CornerRadii(6 * z), null)));
        liveLabel.setPadding(new javafx.geometry.Insets(1 * z, 3 * z, 1 * z, 3 * z));
        double[] box = place(text, at, layout.plot(), markerTaken());
        liveLabel.resizeRelocate((box[0] - 3) * z, (box[1] - 1) * z, (box[2] + 6) * z, (box[3] + 2) * z);
    }

    private List<double[]> markerTaken() {
        List<double[]> taken = new ArrayList<>();
        if (keyBox != null) {
            taken.add(keyBox);
        }
        if (starLabel != null) {
            taken.add(starLabel);
        }
        return taken;
    }

    /** The live batch does not fit: say so, with the largest that does (the curve's last point); else null. */
    private static String doesNotFitNote(Frontier.Curve live) {
        return live != null && live.operating() == null && !live.points().isEmpty()
                ? String.format(Locale.ROOT, "Live batch %,d does not fit: at most %,d", live.scenario().batchSize(),
                live.points().get(live.points().size() - 1).batch()) : null;
    }

    private String liveText(Frontier.Curve live) {
        return layout.metric() == FrontierLayout.Metric.COST
                ? String.format(Locale.ROOT, "live batch %,d · %s/1M output", live.operating().batch(),
                Units.usd(live.operating().costUsdPerMillionOutput()))
                : String.format(Locale.ROOT, "live batch %,d · %s tokens/s per GPU", live.operating().batch(),
                Units.sig3(live.operating().tokensPerSecondPerDevice()));
    }

    /** What the vertical axis shows: cost per million output tokens, or tokens/s per GPU. */
    public ObjectProperty<FrontierLayout.Metric> metricProperty() {
        return metric;
    }

    /** This frame's geometry (for tests). */
    public FrontierLayout frontierLayout() {
        return layout;
    }

    /**
     * The curves, the limits and the key are the background: a batch drag moves only the live point, so they
     * are drawn again only when a curve, a setting or the axis changes.
     */
    @Override
    protected Object backgroundKey(Evaluation e) {
        Frontier f = frontier.getValue();
        List<Object> key = new ArrayList<>(List.of(f.settings(), metric.get()));
        for (Frontier.Curve c : f.curves()) {
            key.add(List.of(c.name(), c.pinIndex(), c.points(), c.missing()));
        }
        key.add(java.util.Objects.requireNonNullElse(f.cheapest(), "none"));
        return key;
    }

    @Override
    protected void prepare(Evaluation e, double w, double h) {
        double fs = baseFontSize();
        boolean pricedNote = !priceNotes(frontier.getValue()).isEmpty();
        layout = FrontierLayout.of(frontier.getValue(), metric.get(), w, h, fs * 5.2, fs * (pricedNote ? 4.9 : 3.6),
                fs * 1.4, fs * 3.6);
        if (hovered != null && (hovered[0] >= layout.curves().size()
                || hovered[1] >= layout.curves().get(hovered[0]).size())) {
            hovered = null;
        }
    }

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        Frontier f = frontier.getValue();
        LabelLayout.Box p = layout.plot();
        Font small = font(0.85, false);
        g.setFill(color(ChartColor.PLOT));
        g.fillRect(p.x(), p.y(), p.w(), p.h());
        // Nothing to draw: no shading, ticks or axis titles that would suggest there is (the reasons follow).
        boolean nothing = layout.curves().stream().allMatch(List::isEmpty);
        // The band slower than the TPOT limit: users there get fewer tokens/s than promised.
        if (!nothing && layout.infeasibleRightEdge() > p.x()) {
            g.setFill(color(ChartColor.INFEASIBLE));
            g.fillRect(p.x(), p.y(), layout.infeasibleRightEdge() - p.x(), p.h());
            g.setStroke(color(ChartColor.WARNING));
            g.setLineWidth(1.2);
            g.setLineDashes(5, 4);
            g.strokeLine(layout.infeasibleRightEdge(), p.y(), layout.infeasibleRightEdge(), p.y() + p.h());
            g.setLineDashes();
            double room = layout.infeasibleRightEdge() - p.x() - 8;
            for (String why : new String[] {"slower than " + Units.seconds(f.settings().tpotSeconds()) + " a token",
                    "slower than the limit", "too slow"}) {
                if (measuredWidth(why, 0.85, false) <= room) {
                    text(g, why, layout.infeasibleRightEdge() - 6, p.y() + 6, TextAlignment.RIGHT, VPos.TOP, small,
                            color(ChartColor.WARNING));
                    break;
                }
            }
        }
        g.setStroke(color(ChartColor.GRID));
        g.setLineWidth(1);
        for (double v : nothing ? List.<Double>of() : FrontierLayout.ticks(layout.x())) {
            double x = layout.x().toPixel(v);
            g.strokeLine(x, p.y(), x, p.y() + p.h());
            text(g, FrontierLayout.tickLabel(v, false), x, p.y() + p.h() + 4, TextAlignment.CENTER, VPos.TOP, small,
                    color(ChartColor.MUTED));
        }
        for (double v : nothing ? List.<Double>of() : FrontierLayout.ticks(layout.y())) {
            double y = layout.y().toPixel(v);
            g.strokeLine(p.x(), y, p.x() + p.w(), y);
            String label = FrontierLayout.tickLabel(v, layout.metric() == FrontierLayout.Metric.COST);
            text(g, label, p.x() - 6, y, TextAlignment.RIGHT, VPos.CENTER, small, color(ChartColor.MUTED));
        }
        g.setStroke(color(ChartColor.MUTED));
        g.strokeRect(p.x(), p.y(), p.w(), p.h());
        text(g, fitted("Tokens/s per user (interactivity) →", small, p.w()), p.x() + p.w() / 2, h - 6,
                TextAlignment.CENTER, VPos.BOTTOM, small, color(ChartColor.MUTED));
        g.save();
        g.translate(baseFontSize() * 1.0, p.y() + p.h() / 2);
        g.rotate(-90);
        text(g, fitted(layout.metric().title() + (layout.metric() == FrontierLayout.Metric.COST ? " ↓ cheaper" : " ↑"),
                small, p.h()), 0, 0, TextAlignment.CENTER, VPos.CENTER, small, color(ChartColor.MUTED));
        g.restore();
        Font title = font(1.15, true);
        String name = layout.metric() == FrontierLayout.Metric.COST ? "Latency–cost frontier" : "Latency–throughput frontier";
        String[] titles = {name + ": batches from 1 to the largest that fits", name};
        String shown = titles[titles.length - 1];
        for (int i = titles.length - 1; i >= 0; i--) {
            if (measuredWidth(titles[i], 1.15, true) <= w - 32) {
                shown = titles[i];
            }
        }
        text(g, fitted(shown, title, w - 32), 16, 10, TextAlignment.LEFT, VPos.TOP, title, color(ChartColor.TEXT));
        text(g, fitted(subtitle(f), small, w - 32), 16, 10 + baseFontSize() * 1.5, TextAlignment.LEFT, VPos.TOP, small,
                color(ChartColor.MUTED));
        String priced = priceNotes(f);
        if (!priced.isEmpty()) {
            text(g, fitted(priced, small, w - 32), 16, 10 + baseFontSize() * 2.8, TextAlignment.LEFT, VPos.TOP, small,
                    color(ChartColor.WARNING));
        }
        double r = baseFontSize() * 0.3;
        // Pins first, the live curve on top.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < f.curves().size(); i++) {
            if (!f.curves().get(i).live()) {
                order.add(i);
            }
        }
        for (int i = 0; i < f.curves().size(); i++) {
            if (f.curves().get(i).live()) {
                order.add(i);
            }
        }
        for (int ci : order) {
            Frontier.Curve c = f.curves().get(ci);
            List<double[]> pts = layout.curves().get(ci);
            if (pts.isEmpty()) {
                continue;
            }
            Color col = curveColor(c);
            g.setStroke(col);
            g.setLineWidth(c.live() ? 2.6 : 2);
            g.setLineDashes(c.live() ? new double[0] : PinStyle.of(c.pinIndex()).dashes());
            double[] xs = pts.stream().mapToDouble(a -> a[0]).toArray();
            double[] ys = pts.stream().mapToDouble(a -> a[1]).toArray();
            g.strokePolyline(xs, ys, xs.length);
            g.setLineDashes();
            for (int i = 0; i < pts.size(); i++) {
                boolean ok = c.points().get(i).withinLimits();
                g.setLineWidth(1.4);
                g.setStroke(col);
                g.setFill(ok ? col : color(ChartColor.PLOT));
                g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
                g.strokeOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
            }
        }
        // Curves that could not be drawn say why: in the middle of an empty plot, else in its corner.
        List<String> why = new ArrayList<>();
        for (Frontier.Curve c : f.curves()) {
            String reason = !c.missing().isEmpty() ? c.missing()
                    : !FrontierLayout.drawn(c, layout.metric()) ? Frontier.noPrice(c) : "";
            if (!reason.isEmpty()) {
                why.add((c.live() ? "Live: " : Units.shortened(c.name()) + ": ") + reason);
            }
        }
        boolean empty = layout.curves().stream().allMatch(List::isEmpty);
        double y = empty ? p.y() + p.h() / 2 - why.size() * baseFontSize() * 0.7 : p.y() + 8;
        Font reasonFont = empty ? font(1.0, true) : small;
        for (String line : why) {
            text(g, fitted(line, reasonFont, p.w() - 16), empty ? p.x() + p.w() / 2 : p.x() + p.w() - 8, y,
                    empty ? TextAlignment.CENTER : TextAlignment.RIGHT, VPos.TOP, reasonFont, color(ChartColor.WARNING));
            y += baseFontSize() * 1.4;
        }
        drawKey(g, f, p);
        // The cheapest point within the limits on any curve, starred and named: it does not move with the live
        // batch, so it is drawn with the curves.
        starLabel = null;
        double r2 = baseFontSize() * 0.3;
        if (f.cheapest() != null) {
            Frontier.Curve c = f.curves().get(f.cheapest().curveIndex());
            double[] at = layout.at(f.cheapest().point());
            star(g, at[0], at[1], r2 * 3.2, color(ChartColor.PREFILL));
            String text = String.format(Locale.ROOT, "cheapest within the limits: batch %,d on %s · %s/1M output, %s blended",
                    f.cheapest().point().batch(), c.live() ? "the live curve" : Units.shortened(c.name()),
                    Units.usd(f.cheapest().point().costUsdPerMillionOutput()),
                    Units.usd(f.cheapest().point().costUsdPerMillionBlended()));
            starLabel = label(g, text, at, p, color(ChartColor.TEXT),
                    keyBox == null ? new ArrayList<>() : new ArrayList<>(List.of(keyBox)));
        } else if (layout.metric() == FrontierLayout.Metric.COST && layout.curves().stream().anyMatch(c -> !c.isEmpty())
                || layout.metric() == FrontierLayout.Metric.THROUGHPUT && f.curves().stream().anyMatch(Frontier.Curve::priced)) {
            Font bold = font(0.95, true);
            text(g, fitted("No batch meets both limits: loosen them or change the hardware", bold, p.w() - 16),
                    p.x() + p.w() / 2, p.y() + p.h() - 8, TextAlignment.CENTER, VPos.BOTTOM, bold, color(ChartColor.WARNING));
        }
    }

    /** Where the cheapest point's label is (the live label keeps clear of it), or null. */
    private double[] starLabel;

    /** Which curves are priced from the rental table, and at what: "Live priced from the rental table: $1.95 …". */
    static String priceNotes(Frontier f) {
        return String.join("; ", f.curves().stream().filter(c -> !c.priceNote().isEmpty())
                .map(c -> (c.live() ? "Live" : Units.shortened(c.name())) + " " + c.priceNote()).toList());
    }

    /** The limits and the serving mode in one line. */
    static String subtitle(Frontier f) {
        List<String> parts = new ArrayList<>();
        parts.add(Double.isInfinite(f.settings().ttftSeconds()) ? "no first-token limit"
                : "first token within " + Units.seconds(f.settings().ttftSeconds()) + " (hollow: later)");
        parts.add(Double.isInfinite(f.settings().tpotSeconds()) ? "no per-token limit"
                : "a token each " + Units.seconds(f.settings().tpotSeconds()) + " (shaded: slower)");
        parts.add(f.settings().disaggregated() ? "prefill on its own devices" : "prefill between decode steps");
        if (f.settings().cachedInput() > 0) {
            parts.add(Units.percent(f.settings().cachedInput()) + " of input cached");
        }
        return String.join(" · ", parts);
    }

    private Color curveColor(Frontier.Curve c) {
        return c.live() ? color(ChartColor.ACCENT) : color(PinStyle.of(c.pinIndex()).color());
    }

    @Override
    protected void draw(ChartPen g, Evaluation e, double w, double h) {
        Frontier f = frontier.getValue();
        LabelLayout.Box p = layout.plot();
        double r = baseFontSize() * 0.3;
        g.save();
        // The live batch, ringed and named.
        Frontier.Curve live = f.liveCurve();
        List<double[]> taken = new ArrayList<>();
        if (keyBox != null) {
            taken.add(keyBox);
        }
        if (starLabel != null) {
            taken.add(starLabel);
        }
        // On screen the live ring and label are nodes over the canvas (placeLiveMarker); a vector export draws them.
        boolean liveShown = live != null && live.operating() != null && FrontierLayout.drawn(live, layout.metric());
        if (liveShown && !(g instanceof CanvasPen)) {
            double[] at = layout.at(live.operating());
            g.setStroke(color(ChartColor.ACCENT));
            g.setLineWidth(2.2);
            g.strokeOval(at[0] - r * 2.4, at[1] - r * 2.4, r * 4.8, r * 4.8);
            taken.add(label(g, liveText(live), at, p, color(ChartColor.ACCENT), taken));
        } else if (doesNotFitNote(live) != null && !(g instanceof CanvasPen)) {
            Font bold = font(0.92, true);
            text(g, fitted(doesNotFitNote(live), bold, p.w() - 16), p.x() + p.w() - 8, p.y() + p.h() - 8,
                    TextAlignment.RIGHT, VPos.BOTTOM, bold, color(ChartColor.WARNING));
        }
        g.restore();
        if (hovered != null) {
            Frontier.Curve c = f.curves().get(hovered[0]);
            Planner.FrontierPoint pt = c.points().get(hovered[1]);
            double[] at = layout.curves().get(hovered[0]).get(hovered[1]);
            card(g, card(c, pt), at[0], at[1], w, h);
        }
    }

    /** A key to the curves in the plot's top-right corner when there is more than one. */
    /** Where the key is (labels keep clear of it), or null when there is none. */
    private double[] keyBox;

    private void drawKey(ChartPen g, Frontier f, LabelLayout.Box p) {
        keyBox = null;
        if (f.curves().size() < 2) {
            return;
        }
        Font small = font(0.85, false);
        double line = baseFontSize() * 1.35;
        double width = 0;
        List<String> names = new ArrayList<>();
        for (Frontier.Curve c : f.curves()) {
            String n = c.live() ? "Live scenario" : PinStyle.of(c.pinIndex()).glyph() + " " + Units.shortened(c.name());
            names.add(n);
            width = Math.max(width, measuredWidth(n, 0.85, false));
        }
        width = Math.min(width + 40, p.w() * 0.5);
        double height = names.size() * line + 8;
        double x = p.x() + p.w() - width - 8;
        double y = p.y() + p.h() - height - 8;
        keyBox = new double[] {x, y, width, height};
        g.setFill(color(ChartColor.PLOT).deriveColor(0, 1, 1, 0.9));
        g.fillRoundRect(x, y, width, height, 8, 8);
        g.setStroke(color(ChartColor.GRID));
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, width - 1, height - 1, 8, 8);
        for (int i = 0; i < names.size(); i++) {
            Frontier.Curve c = f.curves().get(i);
            double cy = y + 4 + line * (i + 0.5);
            g.setStroke(curveColor(c));
            g.setLineWidth(2);
            g.setLineDashes(c.live() ? new double[0] : PinStyle.of(c.pinIndex()).dashes());
            g.strokeLine(x + 8, cy, x + 28, cy);
            g.setLineDashes();
            text(g, fitted(names.get(i), small, width - 40), x + 34, cy, TextAlignment.LEFT, VPos.CENTER, small,
                    color(ChartColor.TEXT));
        }
    }

    /** A label beside a marker, above it or below it, whichever is inside the plot and clear of the others. */
    private double[] label(ChartPen g, String text, double[] at, LabelLayout.Box p, Color colour, List<double[]> taken) {
        Font bold = font(0.92, true);
        double[] chosen = place(text, at, p, taken);
        haloText(g, fitted(text, bold, chosen[2] + 1), chosen[0], chosen[1], TextAlignment.LEFT, VPos.TOP, bold, colour);
        return chosen;
    }

    /** Where a label goes: its box {x, y, w, h} in drawing units. */
    private double[] place(String text, double[] at, LabelLayout.Box p, List<double[]> taken) {
        double tw = Math.min(measuredWidth(text, 0.92, true), p.w() - 16);
        double th = baseFontSize() * 1.3;
        // Beside the marker first, then further away; the first spot clear of the other labels and of every
        // curve's points wins, else the one that covers the fewest points.
        double[][] spots = {
                {at[0] + 14, at[1] - th - 8}, {at[0] + 14, at[1] + 10}, {at[0] - 14 - tw, at[1] - th - 8},
                {at[0] - 14 - tw, at[1] + 10}, {at[0] - tw / 2, at[1] - th - 16}, {at[0] - tw / 2, at[1] + 18},
                {at[0] + 14, at[1] - 2.5 * th}, {at[0] - 14 - tw, at[1] - 2.5 * th}, {at[0] + 14, at[1] + 1.8 * th},
                {at[0] - 14 - tw, at[1] + 1.8 * th}};
        double[] chosen = null;
        int fewest = Integer.MAX_VALUE;
        for (double[] s : spots) {
            double x = Math.max(p.x() + 4, Math.min(p.x() + p.w() - tw - 4, s[0]));
            double y = Math.max(p.y() + 4, Math.min(p.y() + p.h() - th - 4, s[1]));
            double[] box = {x, y, tw, th};
            if (taken.stream().anyMatch(t -> overlaps(t, box))) {
                continue;
            }
            // Never over its own marker; otherwise the spot that covers the fewest of the curves' points.
            double mark = baseFontSize() * 1.1;
            int covered = pointsUnder(box) + (overlaps(box, new double[] {at[0] - mark, at[1] - mark, 2 * mark, 2 * mark})
                    ? 1000 : 0);
            if (covered < fewest) {
                fewest = covered;
                chosen = box;
                if (covered == 0) {
                    break;
                }
            }
        }
        if (chosen == null) {
            double[] last = taken.get(taken.size() - 1);
            chosen = new double[] {Math.max(p.x() + 4, Math.min(p.x() + p.w() - tw - 4, at[0] - tw / 2)),
                    Math.min(p.y() + p.h() - th - 4, last[1] + last[3] + 2), tw, th};
        }
        return chosen;
    }

    /** How many curve points (with their markers' radius) a label's box would cover. */
    private int pointsUnder(double[] box) {
        double r = baseFontSize() * 0.5;
        int n = 0;
        for (List<double[]> curve : layout.curves()) {
            for (int i = 0; i < curve.size(); i++) {
                double[] q = curve.get(i);
                if (q[0] + r > box[0] && q[0] - r < box[0] + box[2] && q[1] + r > box[1] && q[1] - r < box[1] + box[3]) {
                    n++;
                }
                // The line between points counts too: its midpoint.
                if (i > 0) {
                    double mx = (q[0] + curve.get(i - 1)[0]) / 2;
                    double my = (q[1] + curve.get(i - 1)[1]) / 2;
                    if (mx > box[0] && mx < box[0] + box[2] && my > box[1] && my < box[1] + box[3]) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    private void star(ChartPen g, double cx, double cy, double radius, Color fill) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? radius : radius * 0.45;
            xs[i] = cx + rr * Math.cos(a);
            ys[i] = cy - rr * Math.sin(a);
        }
        g.setFill(fill);
        g.fillPolygon(xs, ys, 10);
        g.setStroke(color(ChartColor.PLOT));
        g.setLineWidth(1.2);
        g.strokePolygon(xs, ys, 10);
    }

    /** A point's figures, as the hover card shows them. */
    static List<String> card(Frontier.Curve c, Planner.FrontierPoint p) {
        List<String> lines = new ArrayList<>();
        lines.add((c.live() ? "Live" : Units.shortened(c.name())) + String.format(Locale.ROOT, ": batch %,d", p.batch()));
        lines.add(String.format(Locale.ROOT, "%s tokens/s per user · %s per GPU", Units.sig3(p.tokensPerSecondPerUser()),
                Units.sig3(p.tokensPerSecondPerDevice())));
        lines.add("Time per output token " + Units.seconds(p.tpotSeconds()) + " · first token " + Units.seconds(p.ttftSeconds()));
        lines.add("Output " + Units.usd(p.costUsdPerMillionOutput()) + "/1M · input " + Units.usd(p.costUsdPerMillionInput())
                + "/1M · blended " + Units.usd(p.costUsdPerMillionBlended()) + "/1M");
        if (!Double.isNaN(p.joulesPerOutputToken())) {
            lines.add("Energy " + Units.sig3(p.joulesPerOutputToken()) + " J per output token");
        }
        if (!Double.isNaN(p.prefillDevicesPerDecode())) {
            lines.add(String.format(Locale.ROOT, "Prefill pool: %s devices per decode device, prompts in batches of %,d",
                    Units.sig3(p.prefillDevicesPerDecode()), p.prefillBatch()));
        }
        lines.add(p.withinLimits() ? "Within the limits" : "Outside the limits");
        if (!c.priceNote().isEmpty()) {
            lines.add(Units.shortened(c.priceNote()));
        }
        return lines;
    }

    @Override
    protected String textAlternative(Evaluation e) {
        return "Latency-cost frontier: cost per million output tokens against tokens per second per user, as the "
                + "batch grows from 1 to the largest that fits. " + lab.roofline.explain.Captions.of(e);
    }
}
