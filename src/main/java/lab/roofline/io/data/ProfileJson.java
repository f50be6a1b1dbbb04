package lab.roofline.io.data;

import static lab.roofline.io.files.PrintableText.clean;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.roofline.engine.roofline.BoardPower;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.Interconnect;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.io.data.ProfileLoader.ProfileException;
import lab.roofline.io.files.JsonText;

/**
 * One hardware profile as JSON, both ways: the fields a profile file holds, each checked against physically
 * plausible bounds, and the tree a scenario file embeds. {@link ProfileLoader} finds the files.
 */
final class ProfileJson {
    /** Physically plausible bounds: far beyond any device either way, far from where arithmetic breaks. */
    static final double MIN_PEAK_TFLOPS = 1e-3;
    static final double MAX_PEAK_TFLOPS = 1e7;
    static final double MIN_BANDWIDTH_GBPS = 0.1;
    static final double MAX_BANDWIDTH_GBPS = 1e6;
    static final double MIN_MEMORY_GB = 0.1;
    static final double MAX_MEMORY_GB = 1e7;
    /** The price field's bounds: the scenario's own (one rule, so a loaded profile always evaluates). */
    static final double MIN_PRICE_USD_PER_HOUR = ScenarioLimits.PRICE_USD_PER_HOUR.min();
    static final double MAX_PRICE_USD_PER_HOUR = ScenarioLimits.PRICE_USD_PER_HOUR.max();
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

    private ProfileJson() {
    }

    /**
     * A profile as the JSON that {@link #parse} reads back to an equal profile: what a scenario file
     * embeds when it runs on a profile of the user's own.
     */
    static ObjectNode toJsonTree(HardwareProfile p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", p.id());
        root.put("name", p.name());
        root.put("vendor", p.vendor());
        if (p.year() > 0) {
            root.put("year", p.year());
        }
        ObjectNode peaks = root.putObject("peakTflops");
        p.peakFlopsPerSecond().forEach((precision, flops) -> peaks.put(precision.key(), flops / 1e12));
        root.put("memoryBandwidthGBps", p.memoryBandwidthBytesPerSecond() / 1e9);
        // GiB when it is a round number of them (every bundled device), else decimal GB as typed.
        BigDecimal gib = new BigDecimal(p.memoryCapacityBytes() / HardwareProfile.GIB);
        if (gib.stripTrailingZeros().scale() <= 4) {
            root.put("memoryGiB", gib.stripTrailingZeros());
        } else {
            root.put("memoryGB", p.memoryCapacityBytes() / 1e9);
        }
        if (!Double.isNaN(p.priceUsdPerHour())) {
            root.put("priceUsdPerHour", p.priceUsdPerHour());
        }
        if (p.interconnect() != null) {
            ObjectNode link = root.putObject("interconnect");
            link.put("name", p.interconnect().name());
            link.put("bandwidthGBps", p.interconnect().bandwidthBytesPerSecond() / 1e9);
            // Twelve digits: the µs a file gives, not the float noise of converting back from seconds.
            link.put("latencyUs", new BigDecimal(p.interconnect().latencySeconds() * 1e6)
                    .round(new MathContext(12)).stripTrailingZeros());
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

    /** Parses one profile from JSON text; the fields are checked in the order a file lists them. */
    static HardwareProfile parse(String jsonText) throws ProfileException {
        JsonNode root;
        try {
            root = JsonText.readObject(JSON, jsonText);
        } catch (JsonText.InvalidJson e) {
            throw new ProfileException(e.getMessage());
        }
        String id = id(root);
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
        Map<Precision, Double> peakFlops = peakFlopsPerSecond(root.get("peakTflops"));
        double bandwidth = requiredPositive(root, "memoryBandwidthGBps", MIN_BANDWIDTH_GBPS, MAX_BANDWIDTH_GBPS) * 1e9;
        double capacity = memoryCapacityBytes(root);
        double price = root.hasNonNull("priceUsdPerHour")
                ? positive(root.get("priceUsdPerHour"), "priceUsdPerHour", MIN_PRICE_USD_PER_HOUR, MAX_PRICE_USD_PER_HOUR) : Double.NaN;
        List<String> sources = sources(root.get("sources"));
        String notes = root.hasNonNull("notes") ? requiredText(root, "notes") : "";
        int year = year(root.get("year"));
        return new HardwareProfile(id, name, vendor, peakFlops, bandwidth, capacity, price, sources, notes, year,
                HardwareScales.NONE, interconnect(root.get("interconnect")), power(root));
    }

    /** The id: a file name and a command-line flag, so plain characters only. */
    private static String id(JsonNode root) throws ProfileException {
        String id = requiredText(root, "id");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new ProfileException("field 'id' may hold only letters, digits, '_', '.' and '-', got '"
                    + shortText(id) + "'");
        }
        if (id.length() > MAX_ID_CHARS) {
            throw new ProfileException("field 'id' is too long (" + id.length() + " characters; at most " + MAX_ID_CHARS + ")");
        }
        return id;
    }

    /** "peakTflops": {precision: TFLOP/s}, each precision once, as FLOP/s. */
    private static Map<Precision, Double> peakFlopsPerSecond(JsonNode peaks) throws ProfileException {
        if (peaks == null || peaks.isNull()) {
            throw new ProfileException("missing field 'peakTflops'");
        }
        if (!peaks.isObject() || peaks.isEmpty()) {
            throw new ProfileException("field 'peakTflops' must be an object such as {\"bf16\": 989.5}");
        }
        Map<Precision, Double> peakFlops = new EnumMap<>(Precision.class);
        Iterator<Map.Entry<String, JsonNode>> it = peaks.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Precision p = Precision.parse(e.getKey()).orElseThrow(() -> new ProfileException(
                    "field 'peakTflops': unknown precision '" + e.getKey() + "' (known: "
                            + Precision.acceptedKeys() + ")"));
            if (peakFlops.put(p, positive(e.getValue(), "peakTflops." + e.getKey(), MIN_PEAK_TFLOPS, MAX_PEAK_TFLOPS) * 1e12) != null) {
                throw new ProfileException("field 'peakTflops': precision '" + e.getKey() + "' given twice");
            }
        }
        return peakFlops;
    }

    /** "memoryGiB" or "memoryGB", in bytes. */
    private static double memoryCapacityBytes(JsonNode root) throws ProfileException {
        // Binary GiB (what vendors mean by an HBM, GDDR or LPDDR "GB") or decimal GB: one of the two.
        if (root.hasNonNull("memoryGiB") && root.hasNonNull("memoryGB")) {
            throw new ProfileException("field 'memoryGiB': give memoryGiB (binary, 2^30 bytes) or memoryGB (10^9 bytes), not both");
        }
        if (!root.hasNonNull("memoryGiB") && !root.hasNonNull("memoryGB")) {
            throw new ProfileException("missing field 'memoryGiB' (or 'memoryGB' for decimal gigabytes)");
        }
        return root.hasNonNull("memoryGiB")
                ? requiredPositive(root, "memoryGiB", MIN_MEMORY_GB, MAX_MEMORY_GB) * HardwareProfile.GIB
                : requiredPositive(root, "memoryGB", MIN_MEMORY_GB, MAX_MEMORY_GB) * 1e9;
    }

    /** "sources": a non-empty list of non-empty strings. */
    private static List<String> sources(JsonNode sourcesNode) throws ProfileException {
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
        return sources;
    }

    /** The optional "year" of release; 0 when not given. */
    private static int year(JsonNode yearNode) throws ProfileException {
        int year = 0;
        if (yearNode != null && !yearNode.isNull()) {
            if (!yearNode.isIntegralNumber() || !yearNode.canConvertToInt() || yearNode.asInt() < MIN_YEAR
                    || yearNode.asInt() > MAX_YEAR) {
                throw new ProfileException("field 'year' must be a year from " + MIN_YEAR + " to " + MAX_YEAR
                        + ", got " + shortText(yearNode.toString()));
            }
            year = yearNode.asInt();
        }
        return year;
    }

    /** Board power bounds: a laptop chip's few watts to a rack-scale superchip's share. */
    static final double MAX_BOARD_WATTS = 10_000;

    /** The optional "boardPowerWatts" (full load) and "idlePowerWatts" (needs the first; default a share of it). */
    private static BoardPower power(JsonNode root) throws ProfileException {
        if (!root.hasNonNull("boardPowerWatts")) {
            if (root.hasNonNull("idlePowerWatts")) {
                throw new ProfileException("field 'idlePowerWatts' needs 'boardPowerWatts' (the power at full load) too");
            }
            return null;
        }
        double full = positive(root.get("boardPowerWatts"), "boardPowerWatts", 1, MAX_BOARD_WATTS);
        if (!root.hasNonNull("idlePowerWatts")) {
            return BoardPower.ofFullLoad(full);
        }
        JsonNode idle = root.get("idlePowerWatts");
        if (!idle.isNumber() || !(idle.asDouble() >= 0) || idle.asDouble() > full) {
            throw new ProfileException("field 'idlePowerWatts' must be a number from 0 to boardPowerWatts (" + plain(full)
                    + "), got " + shortText(idle.toString()));
        }
        return new BoardPower(full, idle.asDouble());
    }

    /** Link bounds: a slow network card's 0.1 GB/s to far beyond any NVLink; latency up to a millisecond. */
    static final double MIN_LINK_GBPS = 0.1;
    static final double MAX_LINK_GBPS = 1e5;
    static final double MAX_LINK_LATENCY_US = 1_000;

    /** The optional "interconnect" object: {name, bandwidthGBps (per direction), latencyUs (a hop), note}. */
    private static Interconnect interconnect(JsonNode node) throws ProfileException {
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
        return new Interconnect(linkName, gbps * 1e9, us == 0 ? 0 : us / 1e6, note); // -0 is 0
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
            return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+e", "e").replace("e+", "e");
        }
        // Thousands grouped in the whole part only: 10,000.5, never 0.0,999.
        String text = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        return whole.replaceAll("(\\d)(?=(\\d{3})+$)", "$1,") + (dot < 0 ? "" : text.substring(dot));
    }

    private static String shortText(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
