package lab.roofline.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import lab.roofline.engine.HardwareProfile;
import lab.roofline.engine.Precision;

/**
 * Reads hardware profiles: the bundled ones, then user folders, a later file overriding an earlier one
 * with the same id. A bad file is skipped with one line naming the file, the field and the reason.
 */
public final class ProfileLoader {
    private static final String BUNDLED = "hardware-profiles";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
                if (Files.exists(folder)) {
                    problems.add("Profiles folder " + folder + " is not a folder");
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
                String earlier = fileOfId.putIfAbsent(profile.id(), file.name());
                if (earlier != null) {
                    problems.add(skipped(file.name(), "field 'id': duplicate id '" + profile.id()
                            + "', already defined by " + earlier));
                    continue;
                }
                byId.remove(profile.id());
                byId.put(profile.id(), profile);
            } catch (ProfileException e) {
                problems.add(skipped(file.name(), e.getMessage()));
            }
        }
    }

    private static String skipped(String file, String reason) {
        return "Skipped profile " + file + ": " + reason;
    }

    /** Parses one profile from JSON text. */
    public static HardwareProfile parse(String jsonText) throws ProfileException {
        JsonNode root;
        try {
            root = JSON.readTree(jsonText);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ProfileException("not valid JSON" + where + " (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ProfileException("not a JSON object");
        }
        String id = requiredText(root, "id");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new ProfileException("field 'id' may hold only letters, digits, '_', '.' and '-', got '" + id + "'");
        }
        String name = requiredText(root, "name");
        String vendor = root.hasNonNull("vendor") ? requiredText(root, "vendor") : "Other";

        JsonNode peaks = root.get("peakTflops");
        if (peaks == null || peaks.isNull()) {
            throw new ProfileException("missing field 'peakTflops'");
        }
        if (!peaks.isObject() || peaks.isEmpty()) {
            throw new ProfileException("field 'peakTflops' must be an object such as {\"bf16\": 989.5}");
        }
        Map<Precision, Double> peakFlops = new EnumMap<>(Precision.class);
        Iterator<Map.Entry<String, JsonNode>> it = peaks.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Precision p = Precision.parse(e.getKey()).orElseThrow(() -> new ProfileException(
                    "field 'peakTflops': unknown precision '" + e.getKey() + "' (known: "
                            + Precision.acceptedKeys() + ")"));
            if (peakFlops.put(p, positive(e.getValue(), "peakTflops." + e.getKey()) * 1e12) != null) {
                throw new ProfileException("field 'peakTflops': precision '" + e.getKey() + "' given twice");
            }
        }
        double bandwidth = requiredPositive(root, "memoryBandwidthGBps") * 1e9;
        double capacity = requiredPositive(root, "memoryGB") * 1e9;
        double price = root.hasNonNull("priceUsdPerHour") ? positive(root.get("priceUsdPerHour"), "priceUsdPerHour")
                : Double.NaN;

        JsonNode sourcesNode = root.get("sources");
        if (sourcesNode == null || sourcesNode.isNull()) {
            throw new ProfileException("missing field 'sources'");
        }
        if (!sourcesNode.isArray() || sourcesNode.isEmpty()) {
            throw new ProfileException("field 'sources' must be a non-empty list of strings");
        }
        List<String> sources = new ArrayList<>();
        for (JsonNode s : sourcesNode) {
            if (!s.isTextual() || s.asText().isBlank()) {
                throw new ProfileException("field 'sources' must hold only non-empty strings");
            }
            sources.add(s.asText());
        }
        String notes = root.hasNonNull("notes") ? requiredText(root, "notes") : "";
        return new HardwareProfile(id, name, vendor, peakFlops, bandwidth, capacity, price, sources, notes);
    }

    private static String requiredText(JsonNode root, String field) throws ProfileException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new ProfileException("missing field '" + field + "'");
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new ProfileException("field '" + field + "' must be a non-empty string");
        }
        return n.asText().trim();
    }

    private static double requiredPositive(JsonNode root, String field) throws ProfileException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new ProfileException("missing field '" + field + "'");
        }
        return positive(n, field);
    }

    private static double positive(JsonNode n, String field) throws ProfileException {
        if (!n.isNumber()) {
            throw new ProfileException("field '" + field + "' must be a number, got " + n);
        }
        double v = n.asDouble();
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ProfileException("field '" + field + "' must be above zero, got " + n);
        }
        return v;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private record NamedText(String name, String text) {
    }

    private static List<NamedText> folderFiles(Path folder, List<String> problems) {
        List<NamedText> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    files.add(new NamedText(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
                } catch (IOException | UncheckedIOException e) {
                    problems.add(skipped(p.toString(), "cannot be read (" + e.getMessage() + ")"));
                }
            }
        } catch (IOException e) {
            problems.add("Profiles folder " + folder + " cannot be read (" + e.getMessage() + ")");
        }
        return files;
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
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return relabel(folderFiles(fs.getPath(BUNDLED), problems));
            }
            return relabel(folderFiles(Path.of(uri), problems));
        } catch (URISyntaxException | IOException e) {
            problems.add("Bundled hardware profiles cannot be read (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private static List<NamedText> relabel(List<NamedText> files) {
        return files.stream()
                .map(f -> new NamedText("bundled " + Path.of(f.name()).getFileName(), f.text()))
                .toList();
    }
}
