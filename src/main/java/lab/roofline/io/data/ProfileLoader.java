package lab.roofline.io.data;

import static lab.roofline.io.files.PrintableText.clean;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
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
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.JsonText;
import lab.roofline.io.files.TextFiles;

/**
 * Reads hardware profiles: the bundled ones, then user folders, a later file overriding an earlier one
 * with the same id. A bad file is skipped with one line naming the file, the field and the reason.
 */
public final class ProfileLoader {
    private static final String BUNDLED = "hardware-profiles";
    /** A profile is a few kB; anything larger is not one (a 3 GB file, /dev/zero behind a link). */
    static final long MAX_FILE_BYTES = 1 << 20;
    /** Physically plausible bounds: far beyond any device either way, far from where arithmetic breaks. */
    static final double MIN_PEAK_TFLOPS = 1e-3;
    static final double MAX_PEAK_TFLOPS = 1e7;
    static final double MIN_BANDWIDTH_GBPS = 0.1;
    static final double MAX_BANDWIDTH_GBPS = 1e6;
    static final double MIN_MEMORY_GB = 0.1;
    static final double MAX_MEMORY_GB = 1e7;
    /** The price field's bounds: the scenario's own (one rule, so a loaded profile always evaluates). */
    static final double MIN_PRICE_USD_PER_HOUR = lab.roofline.engine.roofline.ScenarioLimits.PRICE_USD_PER_HOUR.min();
    static final double MAX_PRICE_USD_PER_HOUR = lab.roofline.engine.roofline.ScenarioLimits.PRICE_USD_PER_HOUR.max();
    /** Release years a profile may give (the first GPUs used for neural networks to a decade ahead). */
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2040;
    /** An id is a file name and a command-line flag; a name one line of a chart's title. */
    static final int MAX_ID_CHARS = 64;
    static final int MAX_NAME_CHARS = 100;
    /** Notes and sources: a paragraph at most. */
    static final int MAX_TEXT_CHARS = 2_000;
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
                String key = profile.id().toLowerCase(java.util.Locale.ROOT);
                String earlier = fileOfId.putIfAbsent(key, file.name());
                if (earlier != null) {
                    problems.add(skipped(file.name(), "field 'id': duplicate id '" + profile.id()
                            + "', already defined by " + earlier));
                    continue;
                }
                byId.remove(key);
                byId.put(key, profile);
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
    public static com.fasterxml.jackson.databind.node.ObjectNode toJsonTree(HardwareProfile p) {
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.put("id", p.id());
        root.put("name", p.name());
        root.put("vendor", p.vendor());
        if (p.year() > 0) {
            root.put("year", p.year());
        }
        com.fasterxml.jackson.databind.node.ObjectNode peaks = root.putObject("peakTflops");
        p.peakFlopsPerSecond().forEach((precision, flops) -> peaks.put(precision.key(), flops / 1e12));
        root.put("memoryBandwidthGBps", p.memoryBandwidthBytesPerSecond() / 1e9);
        // GiB when it is a round number of them (every bundled device), else decimal GB as typed.
        java.math.BigDecimal gib = new java.math.BigDecimal(p.memoryCapacityBytes() / lab.roofline.engine.roofline.HardwareProfile.GIB);
        if (gib.stripTrailingZeros().scale() <= 4) {
            root.put("memoryGiB", gib.stripTrailingZeros());
        } else {
            root.put("memoryGB", p.memoryCapacityBytes() / 1e9);
        }
        if (!Double.isNaN(p.priceUsdPerHour())) {
            root.put("priceUsdPerHour", p.priceUsdPerHour());
        }
        if (p.interconnect() != null) {
            com.fasterxml.jackson.databind.node.ObjectNode link = root.putObject("interconnect");
            link.put("name", p.interconnect().name());
            link.put("bandwidthGBps", p.interconnect().bandwidthBytesPerSecond() / 1e9);
            // Twelve digits: the µs a file gives, not the float noise of converting back from seconds.
            link.put("latencyUs", new java.math.BigDecimal(p.interconnect().latencySeconds() * 1e6)
                    .round(new java.math.MathContext(12)).stripTrailingZeros());
            if (!p.interconnect().note().isEmpty()) {
                link.put("note", p.interconnect().note());
            }
        }
        if (p.power() != null) {
            root.put("boardPowerWatts", p.power().fullLoadWatts());
            root.put("idlePowerWatts", p.power().idleWatts());
        }
        p.sources().forEach(root.putArray("sources")::add);
        if (!p.notes().isEmpty()) {
            root.put("notes", p.notes());
        }
        return root;
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
        JsonNode root;
        try {
            root = JsonText.readObject(JSON, jsonText);
        } catch (JsonText.InvalidJson e) {
            throw new ProfileException(e.getMessage());
        }
        String id = requiredText(root, "id");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new ProfileException("field 'id' may hold only letters, digits, '_', '.' and '-', got '"
                    + shortText(id) + "'");
        }
        if (id.length() > MAX_ID_CHARS) {
            throw new ProfileException("field 'id' is too long (" + id.length() + " characters; at most " + MAX_ID_CHARS + ")");
        }
        String name = requiredText(root, "name");
        // A name is a line on a chart, a caption and a menu: a paragraph would push everything else away.
        if (name.length() > MAX_NAME_CHARS) {
            throw new ProfileException("field 'name' is too long (" + name.length() + " characters; at most "
                    + MAX_NAME_CHARS + ")");
        }
        String vendor = root.hasNonNull("vendor") ? requiredText(root, "vendor") : "Other";
        if (vendor.length() > MAX_NAME_CHARS) {
            throw new ProfileException("field 'vendor' is too long (" + vendor.length() + " characters; at most "
                    + MAX_NAME_CHARS + ")");
        }

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
            if (peakFlops.put(p, positive(e.getValue(), "peakTflops." + e.getKey(), MIN_PEAK_TFLOPS, MAX_PEAK_TFLOPS) * 1e12) != null) {
                throw new ProfileException("field 'peakTflops': precision '" + e.getKey() + "' given twice");
            }
        }
        double bandwidth = requiredPositive(root, "memoryBandwidthGBps", MIN_BANDWIDTH_GBPS, MAX_BANDWIDTH_GBPS) * 1e9;
        // Binary GiB (what vendors mean by an HBM, GDDR or LPDDR "GB") or decimal GB: one of the two.
        if (root.hasNonNull("memoryGiB") && root.hasNonNull("memoryGB")) {
            throw new ProfileException("field 'memoryGiB': give memoryGiB (binary, 2^30 bytes) or memoryGB (10^9 bytes), not both");
        }
        if (!root.hasNonNull("memoryGiB") && !root.hasNonNull("memoryGB")) {
            throw new ProfileException("missing field 'memoryGiB' (or 'memoryGB' for decimal gigabytes)");
        }
        double capacity = root.hasNonNull("memoryGiB")
                ? requiredPositive(root, "memoryGiB", MIN_MEMORY_GB, MAX_MEMORY_GB) * lab.roofline.engine.roofline.HardwareProfile.GIB
                : requiredPositive(root, "memoryGB", MIN_MEMORY_GB, MAX_MEMORY_GB) * 1e9;
        double price = root.hasNonNull("priceUsdPerHour")
                ? positive(root.get("priceUsdPerHour"), "priceUsdPerHour", MIN_PRICE_USD_PER_HOUR, MAX_PRICE_USD_PER_HOUR) : Double.NaN;

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
            sources.add(clean(s.asText()));
        }
        String notes = root.hasNonNull("notes") ? requiredText(root, "notes") : "";
        int year = 0;
        JsonNode yearNode = root.get("year");
        if (yearNode != null && !yearNode.isNull()) {
            if (!yearNode.isIntegralNumber() || !yearNode.canConvertToInt() || yearNode.asInt() < MIN_YEAR
                    || yearNode.asInt() > MAX_YEAR) {
                throw new ProfileException("field 'year' must be a year from " + MIN_YEAR + " to " + MAX_YEAR
                        + ", got " + shortText(yearNode.toString()));
            }
            year = yearNode.asInt();
        }
        return new HardwareProfile(id, name, vendor, peakFlops, bandwidth, capacity, price, sources, notes, year,
                lab.roofline.engine.roofline.HardwareScales.NONE, interconnect(root.get("interconnect")), power(root));
    }

    /** Board power bounds: a laptop chip's few watts to a rack-scale superchip's share. */
    static final double MAX_BOARD_WATTS = 10_000;

    /** The optional "boardPowerWatts" (full load) and "idlePowerWatts" (needs the first; default a share of it). */
    private static lab.roofline.engine.roofline.BoardPower power(JsonNode root) throws ProfileException {
        if (!root.hasNonNull("boardPowerWatts")) {
            if (root.hasNonNull("idlePowerWatts")) {
                throw new ProfileException("field 'idlePowerWatts' needs 'boardPowerWatts' (the power at full load) too");
            }
            return null;
        }
        double full = positive(root.get("boardPowerWatts"), "boardPowerWatts", 1, MAX_BOARD_WATTS);
        if (!root.hasNonNull("idlePowerWatts")) {
            return lab.roofline.engine.roofline.BoardPower.ofFullLoad(full);
        }
        JsonNode idle = root.get("idlePowerWatts");
        if (!idle.isNumber() || !(idle.asDouble() >= 0) || idle.asDouble() > full) {
            throw new ProfileException("field 'idlePowerWatts' must be a number from 0 to boardPowerWatts (" + plain(full)
                    + "), got " + shortText(idle.toString()));
        }
        return new lab.roofline.engine.roofline.BoardPower(full, idle.asDouble());
    }

    /** Link bounds: a slow network card's 0.1 GB/s to far beyond any NVLink; latency up to a millisecond. */
    static final double MIN_LINK_GBPS = 0.1;
    static final double MAX_LINK_GBPS = 1e5;
    static final double MAX_LINK_LATENCY_US = 1_000;

    /** The optional "interconnect" object: {name, bandwidthGBps (per direction), latencyUs (a hop), note}. */
    private static lab.roofline.engine.roofline.Interconnect interconnect(JsonNode node) throws ProfileException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new ProfileException("field 'interconnect' must be an object such as {\"name\": \"NVLink 4\", "
                    + "\"bandwidthGBps\": 450, \"latencyUs\": 2}");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!List.of("name", "bandwidthGBps", "latencyUs", "note").contains(key)) {
                throw new ProfileException("field 'interconnect." + shortText(clean(key)) + "' is not known (known: name, "
                        + "bandwidthGBps, latencyUs, note)");
            }
        }
        String linkName = requiredText(node, "name", "interconnect.name");
        if (linkName.length() > MAX_NAME_CHARS) {
            throw new ProfileException("field 'interconnect.name' is too long (" + linkName.length()
                    + " characters; at most " + MAX_NAME_CHARS + ")");
        }
        JsonNode bandwidth = node.get("bandwidthGBps");
        if (bandwidth == null || bandwidth.isNull()) {
            throw new ProfileException("missing field 'interconnect.bandwidthGBps'");
        }
        double gbps = positive(bandwidth, "interconnect.bandwidthGBps", MIN_LINK_GBPS, MAX_LINK_GBPS);
        JsonNode latency = node.get("latencyUs");
        if (latency == null || latency.isNull()) {
            throw new ProfileException("missing field 'interconnect.latencyUs'");
        }
        if (!latency.isNumber()) {
            throw new ProfileException("field 'interconnect.latencyUs' must be a number, got " + shortText(latency.toString()));
        }
        double us = latency.asDouble();
        if (!(us >= 0) || us > MAX_LINK_LATENCY_US) {
            throw new ProfileException("field 'interconnect.latencyUs' must be from 0 to " + plain(MAX_LINK_LATENCY_US)
                    + " microseconds, got " + plain(us));
        }
        String note = node.hasNonNull("note") ? requiredText(node, "note", "interconnect.note") : "";
        return new lab.roofline.engine.roofline.Interconnect(linkName, gbps * 1e9, us == 0 ? 0 : us / 1e6, note); // -0 is 0
    }

    private static String requiredText(JsonNode root, String field) throws ProfileException {
        return requiredText(root, field, field);
    }

    private static String requiredText(JsonNode root, String field, String shownAs) throws ProfileException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new ProfileException("missing field '" + shownAs + "'");
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new ProfileException("field '" + shownAs + "' must be a non-empty string");
        }
        String text = clean(n.asText()).trim();
        if (text.isEmpty()) {
            throw new ProfileException("field '" + shownAs + "' must be a non-empty string (it holds only invisible characters)");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new ProfileException("field '" + shownAs + "' must be 1 to " + MAX_TEXT_CHARS + " characters");
        }
        return text;
    }

    private static double requiredPositive(JsonNode root, String field, double min, double max)
            throws ProfileException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new ProfileException("missing field '" + field + "'");
        }
        return positive(n, field, min, max);
    }

    private static double positive(JsonNode n, String field, double min, double max) throws ProfileException {
        if (!n.isNumber()) {
            throw new ProfileException("field '" + field + "' must be a number, got " + shortText(n.toString()));
        }
        double v = n.asDouble();
        if (!(v > 0)) {
            throw new ProfileException("field '" + field + "' must be above zero, got " + plain(v));
        }
        if (v < min || !(v <= max)) {
            throw new ProfileException("field '" + field + "' is not physically plausible: " + plain(v)
                    + " is " + (v < min ? "below " + plain(min) : "above " + plain(max)));
        }
        return v;
    }

    /** A figure as a person writes it: 10,000,000; 0.001; 1e300; never "1.0E7" or "Infinity". */
    private static String plain(double v) {
        if (Double.isInfinite(v)) {
            return "a number too large to represent";
        }
        if (v == 0) {
            return "0"; // and -0
        }
        if (Math.abs(v) >= 1e15 || Math.abs(v) < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.3g", v).replaceAll("\\.?0+e", "e").replace("e+", "e");
        }
        // Thousands grouped in the whole part only: 10,000.5, never 0.0,999.
        String text = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        return whole.replaceAll("(\\d)(?=(\\d{3})+$)", "$1,") + (dot < 0 ? "" : text.substring(dot));
    }

    private static String shortText(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }

    private record NamedText(String name, String text) {
    }

    private static List<NamedText> folderFiles(Path folder, List<String> problems) {
        List<NamedText> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
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
        } catch (java.nio.charset.CharacterCodingException e) {
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
