package lab.roofline;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import lab.roofline.cli.RooflineCommand;

/**
 * Entry point. No arguments (or "app") opens the window; anything else is the command line. This class
 * must not extend Application: with JavaFX on the class path the launcher would refuse to start.
 */
public final class Main {
    private Main() {
    }

    /**
     * Held so the filter sticks. JavaFX warns that it runs from the class path, which is supported here;
     * only that one message is dropped, so CSS and other warnings still reach the user.
     */
    private static final java.util.logging.Logger PLATFORM_LOG = java.util.logging.Logger.getLogger("javafx");

    public static void main(String[] args) {
        PLATFORM_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        if (args.length == 0 || (args.length == 1 && args[0].equals("app"))) {
            lab.roofline.io.AppData.loadAsync(); // overlaps the toolkit's start-up
            lab.roofline.ui.RooflineApp.launchApp(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(RooflineCommand.run(args, out, err));
    }
}
