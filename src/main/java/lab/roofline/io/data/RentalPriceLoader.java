package lab.roofline.io.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.io.files.AtomicFiles;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.JsonText;
import lab.roofline.io.files.Utf8Text;

/**
 * Reads data/rental-prices.json (and a user's edited copy, which replaces its rows gpu by gpu). A broken row
 * is skipped with one line naming it, the field and the reason; a broken or oversized file gives no rows and
 * one line. Never an exception.
 */
public final class RentalPriceLoader {
    public static final String RESOURCE = "data/rental-prices.json";
    /** A rental table is a few dozen rows; anything much larger is not one. */
    static final long MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RentalPriceLoader() {
    }

    /**
     * @param removed devices a user's file leaves out ({"gpu": id, "usdPerHour": null}): the bundled row is dropped
     */
    public record Result(RentalPrices prices, List<String> problems, List<String> removed) {
        public Result(RentalPrices prices, List<String> problems) {
            this(prices, problems, List.of());
        }
    }

    public static Result loadBundled() {
        BundledText bundled = BundledText.read(RESOURCE);
        return bundled.text() != null ? parse(RESOURCE, bundled.text())
                : new Result(RentalPrices.NONE, List.of(bundled.problem()));
    }

    /** The bundled table with the rows of {@code userFile} over it, when that file exists. */
    public static Result load(Path userFile) {
        Result bundled = loadBundled();
        if (userFile == null || !Files.exists(userFile)) {
            return bundled;
        }
        Result user = read(userFile);
        Map<String, RentalPrices.Rate> merged = new LinkedHashMap<>(bundled.prices().byGpuId());
        user.removed().forEach(merged::remove);
        merged.putAll(user.prices().byGpuId());
        List<String> problems = new ArrayList<>(bundled.problems());
        problems.addAll(user.problems());
        return new Result(new RentalPrices(merged), List.copyOf(problems));
    }

    public static Result read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                return new Result(RentalPrices.NONE, List.of(name + ": not a file"));
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new Result(RentalPrices.NONE, List.of(name + ": " + Files.size(file) / 1024
                        + " KiB is too large for a rental-price table (at most 1 MiB)"));
            }
            return parse(name, Utf8Text.decode(Files.readAllBytes(file)));
        } catch (Utf8Text.NotUtf8 e) {
            return new Result(RentalPrices.NONE, List.of(name + ": " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return new Result(RentalPrices.NONE, List.of(name + " cannot be read (" + IoReasons.of(e) + ")"));
        }
    }

    public static Result parse(String fileName, String text) {
        JsonNode root;
        try {
            root = JsonText.readObject(JSON, text);
        } catch (JsonText.InvalidJson e) {
            return new Result(RentalPrices.NONE, List.of(fileName + ": " + e.getMessage()));
        }
        if (!root.path("prices").isArray()) {
            return new Result(RentalPrices.NONE, List.of(fileName + ": missing list 'prices'"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, RentalPrices.Rate> rates = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root.path("prices")) {
            index++;
            String where = fileName + ": price " + index + (entry.path("gpu").isTextual()
                    ? " (" + Units.shortened(entry.get("gpu").asText()) + ")" : "");
            try {
                if (!entry.isObject()) {
                    throw new IllegalArgumentException("must be an object such as {\"gpu\": \"mi300x\", \"usdPerHour\": 2.0, …}");
                }
                if (entry.has("usdPerHour") && entry.get("usdPerHour").isNull()) {
                    removed.add(text(entry, "gpu")); // a user's "no price": the device is left out
                    continue;
                }
                String date = text(entry, "date");
                if (!date.matches("\\d{4}-\\d{2}-\\d{2}") || !isDate(date)) {
                    throw new IllegalArgumentException("field 'date' must look like 2026-09-25, got '"
                            + Units.shortened(date) + "'");
                }
                JsonNode usd = entry.get("usdPerHour");
                if (usd == null || !usd.isNumber()) {
                    throw new IllegalArgumentException("field 'usdPerHour' must be a number such as 2.0");
                }
                RentalPrices.Rate rate = new RentalPrices.Rate(text(entry, "gpu"), usd.asDouble(), text(entry, "kind"),
                        date, text(entry, "source"));
                if (rates.containsKey(rate.gpuId())) {
                    throw new IllegalArgumentException("a second row for the same gpu; the first is kept");
                }
                rates.put(rate.gpuId(), rate);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return new Result(new RentalPrices(rates), List.copyOf(problems), List.copyOf(removed));
    }

    /** The table as JSON. */
    public static String toJson(RentalPrices prices) {
        return toJson(prices, List.of());
    }

    /** The user's table as JSON (what the app writes): their rows, and a null price for each device left out. */
    public static String toJson(RentalPrices prices, List<String> removed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("about", "Hourly prices for devices whose profile has none; edited in Roofline Lab.");
        ArrayNode rows = root.putArray("prices");
        prices.byGpuId().values().stream().sorted(Comparator.comparing(RentalPrices.Rate::gpuId)).forEach(r -> {
            ObjectNode n = rows.addObject();
            n.put("gpu", r.gpuId());
            n.put("usdPerHour", r.usdPerHour());
            n.put("kind", r.kind());
            n.put("date", r.date());
            n.put("source", r.source());
        });
        removed.stream().sorted().forEach(id -> rows.addObject().put("gpu", id).putNull("usdPerHour"));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the user's table (atomically: a crash leaves the old file or the new, never half). */
    public static void save(Path file, RentalPrices rows, List<String> removed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, ".rental-prices-", toJson(rows, removed));
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty string");
        }
        if (v.asText().length() > 500) {
            throw new IllegalArgumentException("field '" + field + "' is too long (" + v.asText().length() + " characters; at most 500)");
        }
        return Units.oneLine(v.asText());
    }
}
