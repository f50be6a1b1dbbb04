import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds Roofline Lab's distribution: a jlink'd runtime with only the modules the app needs, an app image
 * (target/dist/roofline-lab, launcher bin/roofline-lab) and the platform's package (.deb on Linux, .msi on
 * Windows, .dmg on macOS). Run by `./mvnw -Pdist package` after the jar is made:
 *
 *   java -cp target/classes dist/Dist.java BASEDIR VERSION
 *
 * The icons come from dist/roofline-lab.svg (IconRaster, on the class path); the launcher passes the JVM
 * options itself, so the app never relaunches; the runtime carries its own class-data-sharing archive, and the
 * app's classes get one too (see appClassArchive).
 */
public final class Dist {
    /** What the app needs of the JDK: `jdeps --print-module-deps` on the jar, and java.logging for JavaFX. */
    static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging", "java.management",
            "java.scripting", "java.sql", "java.xml", "jdk.jfr", "jdk.unsupported", "jdk.zipfs");
    /** The launcher's JVM options: C1 only (two cores: C2's threads compete with the FX threads; README). */
    static final List<String> JAVA_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    static final String NAME = "roofline-lab";
    static final String DESCRIPTION = "Why output tokens cost more than input tokens: the roofline model of LLM inference";

    private final Path base;
    private final Path dist;
    private final String version;

    Dist(Path base, String version) {
        this.base = base;
        this.dist = base.resolve("target/dist");
        // Packages want a plain number: 0.1.0-SNAPSHOT ships as 0.1.0.
        this.version = version.replaceAll("[^0-9.].*$", "");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: java -cp target/classes dist/Dist.java BASEDIR VERSION");
        }
        Dist d = new Dist(Path.of(args[0]).toAbsolutePath(), args[1]);
        long start = System.nanoTime();
        d.build();
        System.out.printf(Locale.ROOT, "dist: done in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, d.dist);
    }

    void build() throws Exception {
        Path jar = base.resolve("target/" + NAME + ".jar");
        if (!Files.isRegularFile(jar)) {
            fail("no " + jar + ": the jar is built first (./mvnw -Pdist package runs both)");
        }
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (!Files.isDirectory(jmods)) {
            fail("jlink needs the JDK's jmods folder (" + jmods + "); on Debian: apt-get install openjdk-"
                    + Runtime.version().feature() + "-jmods");
        }
        deleteTree(dist);
        Files.createDirectories(dist);
        Path icons = icons();
        Path runtime = dist.resolve("runtime");
        List<String> jlink = new ArrayList<>(List.of("--add-modules", String.join(",", MODULES),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--generate-cds-archive",
                "--output", runtime.toString()));
        jlink.addAll(Runtime.version().feature() >= 21 ? List.of("--compress", "zip-6") : List.of("--compress=2"));
        run("jlink", jlink);
        Path input = Files.createDirectories(dist.resolve("input"));
        Files.copy(jar, input.resolve(NAME + ".jar"));
        nativeLibrariesBeside(jar, input);
        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--name", NAME,
                "--app-version", version, "--input", input.toString(), "--main-jar", NAME + ".jar",
                "--main-class", "lab.roofline.Main", "--runtime-image", runtime.toString(),
                "--dest", dist.toString(), "--icon", icons.resolve(iconFileName()).toString(),
                "--description", DESCRIPTION, "--vendor", "Roofline Lab",
                "--copyright", "Roofline Lab authors. Apache License 2.0; bundled data CC BY 4.0"));
        List<String> options = new ArrayList<>(JAVA_OPTIONS);
        // The app's class archive, made where the app is (appClassArchive, and the .deb's postinst); absent, unused.
        options.add("-XX:SharedArchiveFile=$APPDIR/" + NAME + ".jsa");
        if (Runtime.version().feature() >= 24) { // as the pom's jdk24 profile: JavaFX's native access, quietly
            options.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        for (String option : options) {
            image.addAll(List.of("--java-options", option));
        }
        if (isWindows()) {
            // A second launcher for the terminal: the window's launcher has no console to print to.
            Path cli = dist.resolve("cli.properties");
            Files.writeString(cli, "win-console=true\n");
            image.addAll(List.of("--add-launcher", NAME + "-cli=" + cli));
        }
        run("jpackage", image);
        if (!isWindows() && !isMac()) {
            shellLauncher(options);
        }
        // The package first: the archive records where the jar is, so the package's own is made where it
        // installs (the .deb's postinst), and the image's here, for this folder.
        run("jpackage", packageOptions(icons));
        appClassArchive();
    }

    /**
     * On Linux the launcher is a shell script: jpackage's own (JDK 17) asks rpm and then dpkg which package owns
     * it, twice, at every start (measured: 100-200 ms of a 300 ms `report`). The script runs the bundled runtime
     * with the same options the .cfg file lists, and names itself as jpackage's does (jpackage.app-path: Copy as
     * Command Line says `roofline-lab` when it is on the PATH).
     */
    private void shellLauncher(List<String> options) throws IOException {
        Path launcher = dist.resolve(NAME + "/bin/" + NAME);
        StringBuilder java = new StringBuilder();
        for (String option : options) {
            java.append(" \\\n    \"").append(option.replace("$APPDIR", "$lib/app")).append('"');
        }
        String script = "#!/bin/sh\n"
                + "# Roofline Lab (written by dist/Dist.java): the bundled Java runtime, the app's JVM options and its\n"
                + "# class archive. With no arguments it opens the window; with a command it works in the terminal.\n"
                + "# Its own folder from its real path (the .deb links /usr/bin/roofline-lab here), by the shell alone.\n"
                + "self=$0\n"
                + "if command -v readlink >/dev/null 2>&1; then self=$(readlink -f \"$0\"); fi\n"
                + "bin=${self%/*}\n"
                + "lib=${bin%/*}/lib\n"
                + "exec \"$lib/runtime/bin/java\"" + java
                + " \\\n    -Djpackage.app-path=\"$self\" -Djpackage.app-version=" + version
                + " \\\n    -cp \"$lib/app/" + NAME + ".jar\" lab.roofline.Main \"$@\"\n";
        Files.writeString(launcher, script);
        launcher.toFile().setExecutable(true, false);
    }

    /** The platform's installer, made from the app image (no second copy of the runtime is linked). */
    private List<String> packageOptions(Path icons) throws IOException {
        Path app = dist.resolve(isMac() ? NAME + ".app" : NAME);
        List<String> p = new ArrayList<>(List.of("--app-image", app.toString(), "--name", NAME,
                "--app-version", version, "--dest", dist.toString(), "--description", DESCRIPTION,
                "--vendor", "Roofline Lab", "--icon", icons.resolve(iconFileName()).toString()));
        if (isWindows()) {
            p.addAll(List.of("--type", "msi", "--win-menu", "--win-shortcut", "--win-dir-chooser",
                    "--win-menu-group", "Roofline Lab"));
        } else if (isMac()) {
            p.addAll(List.of("--type", "dmg"));
        } else {
            Path resources = Files.createDirectories(dist.resolve("deb-resources"));
            debScripts(resources);
            p.addAll(List.of("--type", "deb", "--linux-shortcut", "--linux-menu-group", "Education;Science;",
                    "--linux-app-category", "science", "--linux-deb-maintainer", "roofline-lab@users.noreply.github.com",
                    "--resource-dir", resources.toString()));
        }
        return p;
    }

    /**
     * jpackage's own install and remove scripts (their placeholders add the desktop entry and icon), with the
     * `roofline-lab` command put on the PATH and taken off again, and the app's class archive made for where it
     * was installed (the archive records the jar's path).
     */
    private static void debScripts(Path resources) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path templates = jrt.getPath("/modules/jdk.jpackage/jdk/jpackage/internal/resources");
        // The menu entry is best effort: a machine with no desktop (a server, a container) has no menu
        // folder, and xdg-desktop-menu's failure must not leave the package half installed.
        String postinst = withPlaceholder(templates.resolve("template.postinst"), "DESKTOP_COMMANDS_INSTALL",
                "if ! (\nDESKTOP_COMMANDS_INSTALL\n        ); then\n"
                        + "            echo \"roofline-lab: no desktop menu here; the roofline-lab command works\"\n"
                        + "        fi\n"
                        + "        ln -sf /opt/roofline-lab/bin/roofline-lab /usr/bin/roofline-lab\n"
                        + "        /opt/roofline-lab/bin/roofline-lab --make-class-archive >/dev/null 2>&1 || true");
        String prerm = withPlaceholder(templates.resolve("template.prerm"), "DESKTOP_COMMANDS_UNINSTALL",
                "(\nDESKTOP_COMMANDS_UNINSTALL\n        ) || true\n"
                        + "        rm -f /usr/bin/roofline-lab /opt/roofline-lab/lib/app/roofline-lab.jsa");
        Files.writeString(resources.resolve("postinst"), postinst);
        Files.writeString(resources.resolve("prerm"), prerm);
    }

    /** A jpackage template with its placeholder replaced; the build fails if a newer jpackage dropped it. */
    private static String withPlaceholder(Path template, String placeholder, String replacement) throws IOException {
        String text = Files.readString(template);
        if (!text.contains(placeholder)) {
            fail("jpackage's deb scripts changed: " + placeholder + " not found in " + template.getFileName());
        }
        return text.replace(placeholder, replacement);
    }

    /**
     * The app image's class-data-sharing archive of the app's own classes, made by the image's launcher
     * (`--make-class-archive`: a dump from the class list the jar carries, no window needed). It records the
     * jar's path, so the .deb makes it again where it installs (postinst); an image moved elsewhere starts
     * without it, never wrongly.
     */
    private void appClassArchive() throws IOException, InterruptedException {
        Path launcher = dist.resolve(isWindows() ? NAME + "/" + NAME + ".exe"
                : isMac() ? NAME + ".app/Contents/MacOS/" + NAME : NAME + "/bin/" + NAME);
        Process p = new ProcessBuilder(launcher.toString(), "--make-class-archive").inheritIO().start();
        if (p.waitFor() != 0) {
            fail(launcher + " --make-class-archive failed");
        }
    }

    /**
     * JavaFX's native libraries beside the jar, where JavaFX looks first: else every start checks (and the
     * first extracts) its copies in ~/.openjfx/cache, reading them out of the jar again.
     */
    private static void nativeLibrariesBeside(Path jar, Path folder) throws IOException {
        String suffix = isWindows() ? ".dll" : isMac() ? ".dylib" : ".so";
        try (JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(j.entries())) {
                String name = e.getName();
                if (!name.contains("/") && name.endsWith(suffix)) {
                    try (InputStream in = j.getInputStream(e)) {
                        Files.copy(in, folder.resolve(name));
                    }
                }
            }
        }
    }

    /** The icon's sizes from its SVG, and the platform's icon file (PNG, ICO or ICNS) made from them. */
    private Path icons() throws Exception {
        Path icons = dist.resolve("icons");
        Class.forName("lab.roofline.io.files.IconRaster").getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {base.resolve("dist/roofline-lab.svg").toString(), icons.toString()});
        Files.write(icons.resolve(NAME + ".ico"), ico(icons, List.of(16, 24, 32, 48, 64, 128, 256)));
        Files.write(icons.resolve(NAME + ".icns"), icns(icons));
        return icons;
    }

    private static String iconFileName() {
        return isWindows() ? NAME + ".ico" : isMac() ? NAME + ".icns" : NAME + "-256.png";
    }

    /** A Windows icon holding PNG images (allowed since Vista): a header, a directory, then the PNGs. */
    static byte[] ico(Path icons, List<Integer> sizes) throws IOException {
        List<byte[]> pngs = new ArrayList<>();
        for (int s : sizes) {
            pngs.add(Files.readAllBytes(icons.resolve(NAME + "-" + s + ".png")));
        }
        ByteBuffer head = ByteBuffer.allocate(6 + 16 * sizes.size()).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
        int offset = head.capacity();
        for (int i = 0; i < sizes.size(); i++) {
            int s = sizes.get(i);
            head.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)).put((byte) 0).put((byte) 0)
                    .putShort((short) 1).putShort((short) 32).putInt(pngs.get(i).length).putInt(offset);
            offset += pngs.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        for (byte[] png : pngs) {
            out.write(png);
        }
        return out.toByteArray();
    }

    /** A macOS icon: 'icns', its length, then PNG entries (ic07 128, ic08 256, ic09 512 px). */
    static byte[] icns(Path icons) throws IOException {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        String[][] types = {{"ic07", "128"}, {"ic08", "256"}, {"ic09", "512"}};
        for (String[] t : types) {
            byte[] png = Files.readAllBytes(icons.resolve(NAME + "-" + t[1] + ".png"));
            entries.write(t[0].getBytes(StandardCharsets.US_ASCII));
            entries.write(ByteBuffer.allocate(4).putInt(8 + png.length).array());
            entries.write(png);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("icns".getBytes(StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(4).putInt(8 + entries.size()).array());
        out.write(entries.toByteArray());
        return out.toByteArray();
    }

    private static void run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK (" + System.getProperty("java.home") + ")"));
        System.out.println("dist: " + tool + " " + String.join(" ", args));
        PrintWriter out = new PrintWriter(System.out, true);
        int code = provider.run(out, new PrintWriter(System.err, true), args.toArray(String[]::new));
        if (code != 0) {
            fail(tool + " failed (exit " + code + ")");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static boolean isMac() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac");
    }

    private static void fail(String why) {
        System.err.println("dist: " + why);
        System.exit(1);
    }
}
