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

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && args[0].equals("app"))) {
            lab.roofline.app.RooflineApp.launchApp(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(RooflineCommand.run(args, out, err));
    }
}
