package lab.roofline.render.chart;

import static lab.roofline.render.paint.ChartInk.fitted;
import static lab.roofline.render.paint.ChartInk.textWidth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.Planner;
import lab.roofline.explain.Captions;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.FrontierLayout;
import lab.roofline.render.layout.FrontierTexts;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.paint.FrontierAxes;
import lab.roofline.render.paint.FrontierCurves;
import lab.roofline.render.pen.CanvasPen;
import lab.roofline.render.pen.ChartPen;

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
    private final InvalidationListener frontierChanged = obs -> {
        frontierMoved = true;
        requestLayout();
    };
    private boolean frontierMoved = true;
    private Object drawnKey;
    private final Circle liveRing = new Circle();
    private final StackPane liveLabel = new StackPane();
    private final Text liveText = new Text();
    /** "Live batch 4,096 does not fit: at most 29", over the canvas like the ring. */
    private final Text liveNote = new Text();

    public FrontierChart(ObservableValue<Evaluation> source, ObservableValue<Frontier> frontier) {
        // The chart reads the frontier only: the evaluation is fixed at the first one (the frontier carries it).
        super(new SimpleObjectProperty<>(source.getValue()), "frontier-chart");
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
            if (!Arrays.equals(now, hovered)) {
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
        return Arrays.asList(backgroundKey(null), hovered == null ? null : List.of(hovered[0], hovered[1]));
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
        String note = layout == null ? null : FrontierTexts.doesNotFitNote(live);
        liveNote.setVisible(note != null);
        if (note != null) {
            Font bold = font(0.92, true);
            LabelLayout.Box p = layout.plot();
            liveNote.setText(fitted(note, bold, p.w() - 16));
            liveNote.setFont(Font.font(bold.getFamily(), FontWeight.BOLD, bold.getSize() * z));
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
        String text = FrontierTexts.liveLabel(live, layout.metric());
        Font bold = font(0.92, true);
        liveText.setText(text);
        liveText.setFont(Font.font(bold.getFamily(), FontWeight.BOLD, bold.getSize() * z));
        liveText.setFill(color(ChartColor.ACCENT));
        liveLabel.setBackground(new Background(new BackgroundFill(
                color(ChartColor.PLOT).deriveColor(0, 1, 1, 0.82), new CornerRadii(6 * z), null)));
        liveLabel.setPadding(new Insets(1 * z, 3 * z, 1 * z, 3 * z));
        double[] box = layout.labelBox(measuredWidth(text, 0.92, true), baseFontSize(), at, markerTaken());
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
        key.add(Objects.requireNonNullElse(f.cheapest(), "none"));
        return key;
    }

    @Override
    protected void prepare(Evaluation e, double w, double h) {
        double fs = baseFontSize();
        boolean pricedNote = !FrontierTexts.priceNotes(frontier.getValue()).isEmpty();
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
        FrontierAxes axes = new FrontierAxes(ink(), layout);
        FrontierCurves curves = new FrontierCurves(ink(), layout);
        axes.drawPlot(g, f, h);
        axes.drawTitles(g, f, w);
        curves.drawCurves(g, f);
        curves.drawLeftOut(g, f);
        keyBox = curves.drawKey(g, f);
        starLabel = curves.drawCheapest(g, f, keyBox);
    }

    /** Where the key is (labels keep clear of it), or null when there is none. */
    private double[] keyBox;
    /** Where the cheapest point's label is (the live label keeps clear of it), or null. */
    private double[] starLabel;

    @Override
    protected void draw(ChartPen g, Evaluation e, double w, double h) {
        Frontier f = frontier.getValue();
        LabelLayout.Box p = layout.plot();
        double r = baseFontSize() * 0.3;
        g.save();
        // The live batch, ringed and named.
        Frontier.Curve live = f.liveCurve();
        List<double[]> taken = markerTaken();
        // On screen the live ring and label are nodes over the canvas (placeLiveMarker); a vector export draws them.
        boolean liveShown = live != null && live.operating() != null && FrontierLayout.drawn(live, layout.metric());
        if (liveShown && !(g instanceof CanvasPen)) {
            double[] at = layout.at(live.operating());
            g.setStroke(color(ChartColor.ACCENT));
            g.setLineWidth(2.2);
            g.strokeOval(at[0] - r * 2.4, at[1] - r * 2.4, r * 4.8, r * 4.8);
            taken.add(new FrontierCurves(ink(), layout).label(g, FrontierTexts.liveLabel(live, layout.metric()), at,
                    color(ChartColor.ACCENT), taken));
        } else if (FrontierTexts.doesNotFitNote(live) != null && !(g instanceof CanvasPen)) {
            Font bold = font(0.92, true);
            text(g, fitted(FrontierTexts.doesNotFitNote(live), bold, p.w() - 16), p.x() + p.w() - 8, p.y() + p.h() - 8,
                    TextAlignment.RIGHT, VPos.BOTTOM, bold, color(ChartColor.WARNING));
        }
        g.restore();
        if (hovered != null) {
            Frontier.Curve c = f.curves().get(hovered[0]);
            Planner.FrontierPoint pt = c.points().get(hovered[1]);
            double[] at = layout.curves().get(hovered[0]).get(hovered[1]);
            card(g, FrontierTexts.card(c, pt), at[0], at[1], w, h);
        }
    }

    @Override
    protected String textAlternative(Evaluation e) {
        return "Latency-cost frontier: cost per million output tokens against tokens per second per user, as the "
                + "batch grows from 1 to the largest that fits. " + Captions.of(e);
    }
}
