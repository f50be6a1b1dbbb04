package lab.roofline.ui.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.teaching.Misconception;
import lab.roofline.explain.Captions;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.explain.Explanation;
import lab.roofline.render.export.ChartInputs;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.export.ExportFormat;
import lab.roofline.render.export.ExportSize;
import lab.roofline.render.export.Handout;

/**
 * The handout printed from the app: the same content as the HTML page, laid out as printer pages (a step
 * per page with its chart, then the cards, then the exercises with room for answers). The pages are plain
 * nodes, so a test checks that each fits its page without a printer.
 */
public final class HandoutPrint {
    /** Smaller than the HTML's charts: printed a page wide, their text stays about 9 pt. */
    static final ExportSize PRINT_CHART_SIZE = new ExportSize(760, 460);

    /** How printing ended. */
    public enum Outcome { PRINTED, NO_PRINTER, CANCELLED, FAILED }

    private HandoutPrint() {
    }

    /** A printable page's size in points (1/72 inch): US Letter less margins, unless the printer says otherwise. */
    public record PageSize(double width, double height) {
        public static final PageSize DEFAULT = new PageSize(540, 720);

        static PageSize of(PageLayout layout) {
            return new PageSize(layout.getPrintableWidth(), layout.getPrintableHeight());
        }
    }

    /** Every page of the handout, each a node of the page's size (FX thread). */
    public static List<Region> pages(Evaluation chosen, List<RatioReference> references, List<Exercise> exercises,
                                     Function<ScenarioInputs, Evaluation> evaluate, List<String> stylesheets,
                                     PageSize size) {
        List<Region> pages = new ArrayList<>();
        List<Topic> topics = Handout.steps(chosen);
        for (int i = 0; i < topics.size(); i++) {
            Topic t = topics.get(i);
            VBox page = page(size, stylesheets);
            if (i == 0) {
                page.getChildren().addAll(text("Why output tokens cost more than input tokens", 18, true),
                        text(Captions.of(chosen), 9, false));
            }
            page.getChildren().addAll(text((i + 1) + ". " + t.title(), 14, true), text(Explanation.paragraph(t, chosen), 10.5, false));
            // Drawn at twice the size it is shown, so it prints sharp.
            ChartKind kind = ChartKind.showing(t);
            WritableImage chart = ChartRenderer.png(new ChartRenderer.Request(kind, PRINT_CHART_SIZE, 2, ExportFormat.PNG),
                    ChartInputs.of(chosen, references, stylesheets).withHighlight(t));
            ImageView view = new ImageView(chart);
            view.setPreserveRatio(true);
            view.setFitWidth(size.width());
            view.setAccessibleText(kind.textAlternative(chosen));
            page.getChildren().add(view);
            pages.add(page);
        }
        VBox cards = page(size, stylesheets);
        cards.getChildren().add(text("Misconception checks", 14, true));
        cards.getChildren().add(text("Set the two scenarios in Roofline Lab (Lesson ▸ Misconception Checks) and write down "
                + "what happens.", 10, false));
        for (Misconception m : Misconception.BUILT_IN) {
            Label write = text("What happens:", 10, false);
            write.setPadding(new Insets(0, 0, 18, 0));
            cards.getChildren().addAll(text("“" + m.claim() + "”", 11, true),
                    text("Test it. " + Handout.setting(m, evaluate) + m.change().get(0) + ", then " + m.change().get(1)
                            + ".", 10, false), write);
        }
        pages.add(cards);
        // Exercises, as many to a page as fit.
        VBox page = null;
        int n = 0;
        for (Exercise x : exercises) {
            n++;
            Label q = text(n + ". " + x.text(), 10.5, false);
            Label a = text("Answer: ____________ " + x.quantity().unit(), 10.5, false);
            a.setPadding(new Insets(2, 0, 8, 18));
            if (page == null || height(page, size) + height(q, size) + height(a, size) > size.height()) {
                page = page(size, stylesheets);
                page.getChildren().add(text(pages.size() == topics.size() + 1 ? "Exercises" : "Exercises (continued)", 14, true));
                pages.add(page);
            }
            page.getChildren().addAll(q, a);
        }
        return pages;
    }

    /**
     * Asks for a printer and prints the pages, laid out for the chosen printer's page; the outcome says
     * whether it printed, there is no printer, the user cancelled or the printer failed.
     */
    public static Outcome print(Window owner, Evaluation chosen, List<RatioReference> references, List<Exercise> exercises,
                                Function<ScenarioInputs, Evaluation> evaluate, List<String> stylesheets) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return Outcome.NO_PRINTER;
        }
        if (!job.showPrintDialog(owner)) {
            job.cancelJob();
            return Outcome.CANCELLED;
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        for (Region p : pages(chosen, references, exercises, evaluate, stylesheets, PageSize.of(layout))) {
            if (!job.printPage(layout, p)) {
                job.cancelJob();
                return Outcome.FAILED;
            }
        }
        return job.endJob() ? Outcome.PRINTED : Outcome.FAILED;
    }

    private static VBox page(PageSize size, List<String> stylesheets) {
        VBox page = new VBox(6);
        page.getStyleClass().add("handout-page");
        page.setStyle("-fx-background-color: white; -fx-font-family: 'DejaVu Sans', sans-serif;");
        page.setPrefSize(size.width(), size.height());
        page.setMaxSize(size.width(), size.height());
        Scene scene = new Scene(page, size.width(), size.height());
        scene.getStylesheets().setAll(stylesheets);
        return page;
    }

    private static Label text(String s, double points, boolean bold) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpt; -fx-text-fill: black;%s", points,
                bold ? " -fx-font-weight: bold;" : ""));
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A node's height laid out at the page's width (for filling pages). */
    static double height(Node n, PageSize size) {
        if (n instanceof Region r) {
            r.applyCss();
            if (r instanceof VBox v) {
                v.layout();
                return v.prefHeight(size.width());
            }
            return r.prefHeight(size.width());
        }
        return n.prefHeight(size.width());
    }

    /** Whether every page's content fits its height (for the tests). */
    public static boolean fits(Region page, PageSize size) {
        page.applyCss();
        page.layout();
        return page.prefHeight(size.width()) <= size.height() + 0.5;
    }
}
