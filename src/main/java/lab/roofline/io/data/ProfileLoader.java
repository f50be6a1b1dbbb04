package lab.roofline.io.data;

import static lab.roofline.io.files.PrintableText.clean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.TextFiles;

/**
 * Reads hardware profiles: the bundled ones, then user folders, a later file overriding an earlier one
 * with the same id. A bad file is skipped with one line naming the file, the field and the reason.
 */
public final class ProfileLoader {
    private static final String BUNDLED = "hardware-profiles";
    /** A profile is a few kB; anything larger is not one (a 3 GB file, /dev/zero behind a link). */
    static final long MAX_FILE_BYTES = 1 << 20;

    private ProfileLoader() {
    }

    /** The profiles that loaded (sorted by vendor, then name) and one line per file that did not. */
    public record Result(List<HardwareProfile> profiles, List<String> problems) {
        public Optional<HardwareProfile> find(String id) {
            return profiles.stream().filter(p -> p.id().equalsIgnoreCase(id.trim())).findFirst();
        }
    }

    /** A file that could not be read as a profile; the message names the field and the reason. */
    public static final class ProfileException extends Exception {
        private static final long serialVersionUID = 1L;

        public ProfileException(String message) {
            super(message);
        }
    }

    /** Bundled profiles, then the user folder, then each extra folder in order. */
    public static Result loadAll(List<Path> extraFolders) {
        List<Path> folders = new ArrayList<>();
        folders.add(AppHome.profilesDirectory());
        folders.addAll(extraFolders);
        return load(true, folders);
    }

    public static Result load(boolean includeBundled, List<Path> folders) {
        Map<String, HardwareProfile> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (includeBundled) {
            readSource(bundledFiles(problems), byId, problems);
        }
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                // The user's own folder need not exist; any other folder was asked for by name.
                if (Files.exists(folder)) {
                    problems.add("Profiles folder " + clean(folder.toString()) + " is not a folder");
                } else if (!folder.equals(AppHome.profilesDirectory())) {
                    problems.add("Profiles folder " + clean(folder.toString()) + " does not exist");
                }
                continue;
            }
            readSource(folderFiles(folder, problems), byId, problems);
        }
        List<HardwareProfile> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(HardwareProfile::vendor, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(HardwareProfile::name, String.CASE_INSENSITIVE_ORDER));
        return new Result(List.copyOf(sorted), List.copyOf(problems));
    }

    /** Files of one source: within a source an id may appear once; a later source may override it. */
    private static void readSource(List<NamedText> files, Map<String, HardwareProfile> byId, List<String> problems) {
        Map<String, String> fileOfId = new LinkedHashMap<>();
        for (NamedText file : files) {
            try {
                HardwareProfile profile = parse(file.text());
                // Ids are matched without regard to case everywhere (--gpu, scenario files): so here too.
                String key = profile.id().toLowerCase(Locale.ROOT);
                String earlier = fileOfId.putIfAbsent(key, file.name());
                if (earlier != null) {
                    problems.add(skipped(file.name(), "field 'id': duplicate id '" + profile.id()
                            + "', already defined by " + earlier));
                    continue;
                }
                byId.remove(key);
                byId.put(key, profile);
                // Text made safe to print is said, not changed silently.
                CleanedText.notes(file.text()).forEach(n -> problems.add("Profile " + clean(file.name()) + ": " + n));
            } catch (ProfileException e) {
                problems.add(skipped(file.name(), e.getMessage()));
            }
        }
    }

    private static String skipped(String file, String reason) {
        return "Skipped profile " + clean(file) + ": " + clean(reason);
    }

    /**
     * A profile as the JSON that {@link #parse} reads back to an equal profile: what a scenario file
     * embeds when it runs on a profile of the user's own.
     */
    public static ObjectNode toJsonTree(HardwareProfile p) {
        return ProfileJson.toJsonTree(p);
    }

    private static volatile List<HardwareProfile> bundled;

    /** Whether a profile is one of the app's own, unchanged (a scenario file then names it, not copies it). */
    public static boolean isBundled(HardwareProfile p) {
        if (bundled == null) {
            bundled = load(true, List.of()).profiles();
        }
        return bundled.contains(p);
    }

    /** Parses one profile from JSON text. */
    public static HardwareProfile parse(String jsonText) throws ProfileException {
        return ProfileJson.parse(jsonText);
    }

    private record NamedText(String name, String text) {
    }

    private static List<NamedText> folderFiles(Path folder, List<String> problems) {
        List<NamedText> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".json")).sorted().toList()) {
                try {
                    files.add(new NamedText(p.toString(), readProfileFile(p)));
                } catch (ProfileException e) {
                    problems.add(skipped(p.toString(), e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add("Profiles folder " + clean(folder.toString()) + " cannot be read (" + IoReasons.of(e) + ")");
        }
        return files;
    }

    /** Reads one profile file (a colleague's, to import): the same rules and messages as a folder's files. */
    public static HardwareProfile read(Path file) throws ProfileException {
        return parse(readProfileFile(file));
    }

    /**
     * A regular file of at most 1 MB, as UTF-8 text. Never opens a FIFO, a device or a huge file, so no
     * file can hang or exhaust the loader.
     */
    static String readProfileFile(Path p) throws ProfileException {
        try {
            if (!Files.isRegularFile(p)) {
                throw new ProfileException("not a regular file (a folder, device or pipe), so not read");
            }
            return TextFiles.readUtf8(p, MAX_FILE_BYTES);
        } catch (TextFiles.TooLarge e) {
            throw new ProfileException(e.bytes < 0 ? "too large to be a profile (more than 1,024 kB)"
                    : "too large to be a profile (" + e.bytes / 1024 + " kB; at most 1,024 kB)");
        } catch (CharacterCodingException e) {
            throw new ProfileException("not UTF-8 text");
        } catch (IOException e) {
            throw new ProfileException("cannot be read (" + IoReasons.of(e) + ")");
        }
    }


    /** The profiles inside the application: a folder when run from classes, a jar entry when packaged. */
    private static List<NamedText> bundledFiles(List<String> problems) {
        URL url = ProfileLoader.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            problems.add("No bundled hardware profiles found on the class path");
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return relabel(jarFiles(url));
            }
            return relabel(folderFiles(Path.of(uri), problems));
        } catch (URISyntaxException | IOException e) {
            problems.add("Bundled hardware profiles cannot be read (" + e.getMessage() + ")");
            return List.of();
        }
    }

    /**
     * The profiles in the app's jar, read through the jar the class loader has open already: mounting it as a
     * zip file system would read its 6,000-entry directory again (20-30 ms of every start and `report`).
     */
    private static List<NamedText> jarFiles(URL folder) throws IOException {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        JarFile jar = connection.getJarFile();
        String prefix = BUNDLED + "/";
        List<NamedText> files = new ArrayList<>();
        for (JarEntry entry : jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(prefix)
                && e.getName().toLowerCase(Locale.ROOT).endsWith(".json")).sorted(
                Comparator.comparing(JarEntry::getName)).toList()) {
            try (InputStream in = jar.getInputStream(entry)) {
                files.add(new NamedText(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    private static List<NamedText> relabel(List<NamedText> files) {
        return files.stream()
                .map(f -> new NamedText("bundled " + Path.of(f.name()).getFileName(), f.text()))
                .toList();
    }
}
