package lab.roofline.render.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.paint.Color;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.explain.Captions;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.landscape.LandscapeLabels;
import lab.roofline.render.layout.landscape.LandscapeLayout;
import lab.roofline.render.layout.landscape.RidgeTrend;
import lab.roofline.render.paint.LandscapeAxes;
import lab.roofline.render.pen.ChartPen;

/**
 * The hardware landscape: every profile as a point, peak FLOP/s against memory bandwidth with lines of
 * constant ridge point, and the ridge point against release year with its trend: peak has grown faster
 * than bandwidth, so decode gets more memory-bound with every generation. The live scenario's device is
 * ringed; a click selects a device, hover shows its figures and sources.
 */
public final class LandscapeChart extends CanvasChart {
    private final ObservableList<HardwareProfile> profiles;
    /** The precision compared; null follows the live scenario's math. */
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision");
    private final ObjectProperty<Predicate<HardwareProfile>> own = new SimpleObjectProperty<>(this, "own", p -> false);
    private Consumer<HardwareProfile> onSelect = p -> { };
    private LandscapeLayout layout;
    private HardwareProfile hovered;

    public LandscapeChart(ObservableValue<Evaluation> source, ObservableList<HardwareProfile> profiles) {
        super(source, "landscape-chart");
        this.profiles = profiles;
        profiles.addListener(profilesChanged);
        InvalidationListener changed = obs -> markDirty();
        precision.addListener(changed);
        own.addListener(changed);
        setOnMouseMoved(ev -> {
            HardwareProfile now = layout == null ? null : layout.at(toDrawing(ev.getX()), toDrawing(ev.getY()), 10);
            if (now != hovered) {
                hovered = now;
                markDirty();
            }
        });
        setOnMouseExited(ev -> {
            hovered = null;
            markDirty();
        });
        setOnMouseClicked(ev -> {
            HardwareProfile at = layout == null ? null : layout.at(toDrawing(ev.getX()), toDrawing(ev.getY()), 10);
            if (at != null) {
                onSelect.accept(at);
            }
        });
    }

    private final InvalidationListener profilesChanged = obs -> markDirty();

    /** Stops listening to the evaluation and the profiles. */
    @Override
    public void dispose() {
        super.dispose();
        profiles.removeListener(profilesChanged);
    }

    /** The precision compared (null: the live scenario's math precision). */
    public ObjectProperty<Precision> precisionProperty() {
        return precision;
    }

    /** Which devices are the user's own (marked with a square outline). */
    public ObjectProperty<Predicate<HardwareProfile>> ownProperty() {
        return own;
    }

    /** What a click on a device does (the window selects it as the live GPU). */
    public void setOnSelect(Consumer<HardwareProfile> action) {
        onSelect = action == null ? p -> { } : action;
    }

    /** The precision shown now. */
    public Precision shownPrecision() {
        return precision.get() != null ? precision.get() : evaluation().computePrecision();
    }

    /** Where a device is drawn on the first panel, in chart pixels (null when it is not drawn). */
    public Point2D position(HardwareProfile p) {
        layout();
        return layout.dots().stream().filter(d -> d.profile().equals(p)).findFirst()
                .map(d -> new Point2D(toPixels(d.x()), toPixels(d.y()))).orElse(null);
    }

    /** The layout of the last redraw (for tests). */
    public LandscapeLayout landscape() {
        layout();
        return layout;
    }

    /** The hovered device's card lines, or an empty list. */
    public List<String> hoverText() {
        return hovered == null ? List.of() : card(hovered);
    }

    private LabelLayout labels;

    @Override
    protected Object backgroundKey(Evaluation e) {
        return List.of(List.copyOf(profiles), shownPrecision(), e.scenario().gpu(), own.get());
    }

    /** The profiles, and the live device beside its real self when a what-if scales it. */
    private List<HardwareProfile> shown(Evaluation e) {
        HardwareProfile live = e.scenario().gpu();
        if (live.whatIf().isNone()) {
            return profiles;
        }
        List<HardwareProfile> all = new ArrayList<>(profiles);
        all.add(live);
        return all;
    }

    @Override
    protected void prepare(Evaluation e, double w, double h) {
        // The trend over the stated set: the app's own datacenter parts, never the user's own or a what-if.
        layout = new LandscapeLayout(shown(e), shownPrecision(), w, h, RidgeTrend.datacenter(own.get()));
        labels = layOutLabels(e, w, h, () -> LandscapeLabels.names(layout, e, h, measure(), baseFontSize()), still -> still,
                l -> false);
    }

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        LandscapeAxes axes = new LandscapeAxes(ink(), layout);
        axes.drawPanels(g);
        axes.drawBandwidthPanel(g);
        axes.drawYearPanel(g);
        axes.drawFramesAndTitles(g, h);
        axes.drawVendorKey(g, e);
        drawDevices(g, e);
    }

    /** The devices: a dot each, in its vendor's colour; the user's own outlined square; the live one ringed. */
    private void drawDevices(ChartPen g, Evaluation e) {
        for (LandscapeLayout.Dot d : layout.dots()) {
            Color c = color(LandscapeLabels.vendorColor(d.profile().vendor()));
            boolean whatIf = !d.profile().whatIf().isNone();
            boolean mine = !whatIf && own.get() != null && own.get().test(d.profile());
            for (double[] at : new double[][] {{d.x(), d.y()}, {d.yearX(), d.yearY()}}) {
                if (Double.isNaN(at[0])) {
                    continue;
                }
                if (LandscapeLabels.isLive(d.profile(), e)) {
                    ring(g, at[0], at[1], 10);
                }
                g.setFill(c);
                g.setStroke(color(ChartColor.PLOT));
                g.setLineWidth(1.5);
                if (whatIf) {
                    // A what-if: hollow, not a device anyone can buy.
                    g.setFill(color(ChartColor.PLOT));
                    g.setStroke(c);
                    g.setLineWidth(2.5);
                    g.fillOval(at[0] - 5, at[1] - 5, 10, 10);
                    g.strokeOval(at[0] - 5, at[1] - 5, 10, 10);
                } else if (mine) {
                    g.fillRect(at[0] - 5, at[1] - 5, 10, 10);
                    g.setStroke(color(ChartColor.TEXT));
                    g.strokeRect(at[0] - 5, at[1] - 5, 10, 10);
                } else {
                    g.fillOval(at[0] - 5, at[1] - 5, 10, 10);
                    g.strokeOval(at[0] - 5, at[1] - 5, 10, 10);
                }
            }
        }
    }

    @Override
    protected void draw(ChartPen g, Evaluation e, double w, double h) {
        if (hovered != null) {
            LandscapeLayout.Dot d = layout.dots().stream().filter(x -> x.profile().equals(hovered)).findFirst().orElse(null);
            if (d != null) {
                card(g, card(hovered), d.x(), d.y(), w, h);
            }
        }
    }

    /** A device's figures and sources, as the hover card shows them. */
    private List<String> card(HardwareProfile p) {
        boolean mine = p.whatIf().isNone() && own.get() != null && own.get().test(p);
        return LandscapeLabels.card(p, layout.precision(), mine);
    }

    @Override
    protected String textAlternative(Evaluation e) {
        return "Hardware landscape: every accelerator's peak FLOP/s against its memory bandwidth, with lines of "
                + "constant ridge point. The live device: " + Captions.of(e);
    }
}
