package lab.roofline.render.summary;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.NamedArg;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.roofline.explain.Derivations;
import lab.roofline.fx.Tips;

/** One number with its title, a line of context and, when shown, the work behind it. */
public final class SummaryTile extends VBox {
    private final Label titleLabel = new Label();
    private final Label value = new Label();
    private final Label detail = new Label();
    private final Label work = new Label();
    private final Derivations.Quantity quantity;
    private final String about;
    private Function<Derivations.Quantity, Derivations.Derivation> derivations = q -> null;

    public SummaryTile(@NamedArg("title") String title, @NamedArg("quantity") Derivations.Quantity quantity,
                       @NamedArg("about") String about) {
        this.quantity = quantity;
        this.about = about;
        titleLabel.setText(title);
        titleLabel.getStyleClass().add("tile-title");
        value.getStyleClass().add("tile-value");
        detail.getStyleClass().add("tile-detail");

        // One line, so the strip keeps its height while values change; the tooltip has the whole of it.
        work.getStyleClass().add("tile-work");
        work.setWrapText(true);
        work.setMinHeight(Region.USE_PREF_SIZE); // formulas wrap, never cut off
        getStyleClass().add("tile");
        getChildren().addAll(titleLabel, value, detail, work);
        setAlignment(Pos.TOP_LEFT);
        setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(this, Priority.ALWAYS);
        Tips.install(this, this::tooltipText);
    }

    /** Shows the substituted formula under the number while {@code showWork} is on. */
    void connect(ObservableBooleanValue showWork, Function<Derivations.Quantity, Derivations.Derivation> source) {
        derivations = source;
        work.visibleProperty().bind(showWork);
        work.managedProperty().bind(showWork);
    }

    /**
     * At a large zoom in a narrow window, text takes two lines rather than being cut off. Off otherwise:
     * wrapped labels cost a text layout per width asked, on every value change of a drag.
     */
    void setWrapping(boolean wrap) {
        for (Label l : List.of(titleLabel, value, detail)) {
            l.setWrapText(wrap);
            l.setMinHeight(wrap ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
        }
    }

    /** Retitles the tile when what it shows changes kind (a cost, or GPU time when no price is known). */
    void setTitle(String title) {
        titleLabel.setText(title);
    }

    public String titleText() {
        return titleLabel.getText();
    }

    void set(String v, String d) {
        value.setText(v);
        detailPlain = d;
        detail.setText(keptTogether(d));
    }

    /** The detail as set, with ordinary spaces (the label's text keeps numbers and units together). */
    private String detailPlain = "";

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d) (?=[%A-Za-z×])");
    private static final Pattern WORD_AND_NUMBER = Pattern.compile("\\b(batch|prefill|at) (?=[\\d$])");

    /**
     * A wrapped detail line never splits a number from its unit ("85.8" / "%") or a name from its number
     * ("max batch" / "231"): those spaces become no-break spaces.
     */
    static String keptTogether(String text) {
        String units = NUMBER_AND_UNIT.matcher(text.replace("max batch ", "max\u00A0batch ")).replaceAll("$1\u00A0");
        return WORD_AND_NUMBER.matcher(units).replaceAll("$1\u00A0");
    }

    void showWork(Derivations.Derivation d) {
        work.setText("= " + d.substituted());
    }

    Derivations.Quantity quantity() {
        return quantity;
    }

    public String valueText() {
        return value.getText();
    }

    public String detailText() {
        return detailPlain;
    }

    public String workText() {
        return work.getText();
    }

    public boolean workShown() {
        return work.isVisible();
    }

    /** What the tooltip says when it opens: what the number means, and the work behind it. */
    public String tooltipText() {
        return detailPlain + "\n\n" + about + "\n\n" + derivations.apply(quantity).text();
    }
}
