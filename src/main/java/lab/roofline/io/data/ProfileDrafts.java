package lab.roofline.io.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Precision;

/**
 * A hardware profile as an editor holds it: each field as the text the user typed, keyed by the profile
 * file's own field names ("memoryGB", "peakTflops.bf16"). Checked by the loader itself, so an edit is held
 * to exactly the rules a file is: one set of rules, one place.
 */
public final class ProfileDrafts {
    private ProfileDrafts() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields, in the editor's order. */
    public static final List<String> FIELDS;

    static {
        List<String> fields = new ArrayList<>(List.of("id", "name", "vendor", "year"));
        for (Precision p : Precision.values()) {
            fields.add("peakTflops." + p.key());
        }
        fields.addAll(List.of("memoryBandwidthGBps", "memoryGiB", "interconnect.name", "interconnect.bandwidthGBps",
                "interconnect.latencyUs", "interconnect.note", "priceUsdPerHour", "boardPowerWatts", "idlePowerWatts",
                "sources", "notes"));
        FIELDS = List.copyOf(fields);
    }

    /** What a draft is: the profile it describes, or the field that is wrong and why (the loader's words). */
    public record Check(HardwareProfile profile, String field, String message) {
        public boolean ok() {
            return profile != null;
        }
    }

    /** A profile's fields as text (sources one per line). */
    public static Map<String, String> of(HardwareProfile p) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String field : FIELDS) {
            f.put(field, "");
        }
        f.put("id", p.id());
        f.put("name", p.name());
        f.put("vendor", p.vendor());
        f.put("year", p.year() > 0 ? Integer.toString(p.year()) : "");
        p.peakFlopsPerSecond().forEach((precision, flops) -> f.put("peakTflops." + precision.key(), number(flops / 1e12)));
        f.put("memoryBandwidthGBps", number(p.memoryBandwidthBytesPerSecond() / 1e9));
        f.put("memoryGiB", number(p.memoryCapacityBytes() / HardwareProfile.GIB));
        if (p.interconnect() != null) {
            f.put("interconnect.name", p.interconnect().name());
            f.put("interconnect.bandwidthGBps", number(p.interconnect().bandwidthBytesPerSecond() / 1e9));
            f.put("interconnect.latencyUs", number(p.interconnect().latencySeconds() * 1e6));
            f.put("interconnect.note", p.interconnect().note());
        }
        f.put("priceUsdPerHour", Double.isNaN(p.priceUsdPerHour()) ? "" : number(p.priceUsdPerHour()));
        if (p.power() != null) {
            f.put("boardPowerWatts", number(p.power().fullLoadWatts()));
            f.put("idlePowerWatts", number(p.power().idleWatts()));
        }
        f.put("sources", String.join("\n", p.sources()));
        f.put("notes", p.notes());
        return f;
    }

    /** A copy to edit: its own id and a name that says it is a copy. */
    public static Map<String, String> duplicate(HardwareProfile p, Set<String> takenIds) {
        Map<String, String> f = of(p);
        String id = p.id() + "_copy";
        for (int n = 2; takenIds.contains(id.toLowerCase(Locale.ROOT)); n++) {
            id = p.id() + "_copy" + n;
        }
        f.put("id", id);
        f.put("name", p.name() + " (copy)");
        f.put("sources", String.join("\n", p.sources()) + "\nEdited copy of " + p.id());
        return f;
    }

    /** The draft as a profile file's JSON; text that is not a number stays text, for the loader to name. */
    public static ObjectNode json(Map<String, String> fields) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode peaks = JSON.createObjectNode();
        ObjectNode link = JSON.createObjectNode();
        for (String field : FIELDS) {
            String text = fields.getOrDefault(field, "").strip();
            if (text.isEmpty()) {
                continue;
            }
            switch (field) {
                case "id", "name", "vendor", "notes" -> root.put(field, text);
                case "interconnect.name", "interconnect.note" -> link.put(field.substring("interconnect.".length()), text);
                case "sources" -> {
                    ArrayNode list = root.putArray("sources");
                    text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(list::add);
                }
                default -> {
                    ObjectNode into = field.startsWith("peakTflops.") ? peaks : field.startsWith("interconnect.") ? link : root;
                    String name = field.contains(".") ? field.substring(field.indexOf('.') + 1) : field;
                    try {
                        BigDecimal value = new BigDecimal(text.replace(",", ""));
                        if (field.equals("year") && value.stripTrailingZeros().scale() <= 0
                                && value.abs().compareTo(BigDecimal.valueOf(1_000_000)) < 0) {
                            into.put(name, value.intValue());
                        } else {
                            into.put(name, value);
                        }
                    } catch (NumberFormatException e) {
                        into.put(name, text); // the loader says "must be a number, got ..."
                    }
                }
            }
        }
        if (!peaks.isEmpty()) {
            root.set("peakTflops", peaks);
        }
        // No link typed: the profile names none (the engine assumes PCIe and says so). Any part typed: the
        // loader asks for the rest.
        if (!link.isEmpty()) {
            root.set("interconnect", link);
        }
        return root;
    }

    private static final Pattern FIELD = Pattern.compile("field '([^']+)'");

    /** Checks a draft with the loader's rules; a problem names the draft's field it belongs to. */
    public static Check check(Map<String, String> fields) {
        try {
            return new Check(ProfileLoader.parse(json(fields).toString()), null, null);
        } catch (ProfileLoader.ProfileException e) {
            Matcher m = FIELD.matcher(e.getMessage());
            String field = m.find() ? m.group(1) : null;
            if (field != null && field.equals("peakTflops")) {
                field = "peakTflops.bf16"; // "at least one peak": shown beside the first
            }
            return new Check(null, field != null && FIELDS.contains(field) ? field : null, e.getMessage());
        }
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
