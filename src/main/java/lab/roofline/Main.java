package lab.roofline;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import lab.roofline.cli.RooflineCommand;
import lab.roofline.io.AppData;
import lab.roofline.io.files.ClassArchive;
import lab.roofline.io.scenario.ScenarioFile;
import lab.roofline.ui.Preload;
import lab.roofline.ui.RooflineApp;
import lab.roofline.ui.StartupTimes;

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
    private static final Logger PLATFORM_LOG = Logger.getLogger("javafx");

    /**
     * `java -jar roofline-lab.jar` cannot pass JVM flags, so it starts the app again with C1 only: on two
     * cores C2's compiler threads compete with the FX and render threads (README, Benchmarks). Returns
     * false (start here) when already running that way or when the relaunch cannot be made.
     */
    private static boolean relaunchedWithC1(String[] appArguments) {
        if (System.getProperty("jpackage.app-path") != null) {
            return false; // the installed launcher passes the JVM's options itself (dist/Dist.java)
        }
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel"))) {
            return false;
        }
        try {
            String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(launcher, "-XX:TieredStopAtLevel=1"));
            // The app's start-up timing (-Droofline.timing=true) counts from this JVM's start, not the relaunch.
            command.add("-Droofline.launchedAtMillis=" + StartupTimes.launchedAtMillis());
            for (String property : new String[] {"roofline.home", "roofline.timing", "roofline.exitAfterFirstFrame",
                    "glass.platform", "prism.order"}) {
                if (System.getProperty(property) != null) {
                    command.add("-D" + property + "=" + System.getProperty(property));
                }
            }
            String classPath = System.getProperty("java.class.path");
            Path jar = ClassArchive.singleJar(classPath);
            if (jar != null) {
                // The jar by its full path, as the class archive beside it records it (--make-class-archive).
                classPath = jar.toString();
                if (Files.isRegularFile(ClassArchive.beside(jar))) {
                    command.add("-XX:SharedArchiveFile=" + ClassArchive.beside(jar));
                }
            }
            command.addAll(List.of("-cp", classPath, Main.class.getName(), "app"));
            command.addAll(List.of(appArguments));
            Process app = new ProcessBuilder(command).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(app::destroy)); // stopping this stops the app
            System.exit(app.waitFor());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every JavaFX log record is shown but the one about the class path. */
    static boolean shown(LogRecord r) {
        return r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration");
    }

    public static void main(String[] args) {
        StartupTimes.mark("main");
        PLATFORM_LOG.setFilter(Main::shown);
        // roofline-lab FILE.roofline.json opens the app with that scenario.
        boolean scenarioFile = args.length == 1 && ScenarioFile.isScenarioFileName(args[0]);
        if ((args.length == 0 || scenarioFile) && relaunchedWithC1(args)) {
            return;
        }
        boolean appWithFile = args.length == 2 && args[0].equals("app")
                && ScenarioFile.isScenarioFileName(args[1]);
        if (args.length == 0 || scenarioFile || appWithFile || (args.length == 1 && args[0].equals("app"))) {
            AppData.loadAsync(); // overlaps the toolkit's start-up
            Preload.start();
            try {
                RooflineApp.launchApp(args);
            } catch (RuntimeException e) {
                // No display (a server, a CI machine): one line and a way forward, not a stack trace.
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                System.err.println("roofline-lab: the window cannot open ("
                        + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
                        + "); the commands work without a display: roofline-lab --help");
                System.exit(1);
            }
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 1 && args[0].equals("--make-class-archive")) {
            System.exit(ClassArchive.make(out, err)); // the installers run it: see dist/Dist.java
        }
        System.exit(RooflineCommand.run(args, out, err));
    }
}
