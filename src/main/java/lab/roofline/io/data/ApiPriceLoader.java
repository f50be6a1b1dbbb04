package lab.roofline.io.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.Units;
import lab.roofline.io.files.JsonText;
import lab.roofline.engine.serving.ApiPrice;

/**
 * Reads data/api-prices.json. A broken entry is skipped with one line naming the entry, the field and the
 * reason; a broken file gives no prices and one line saying why. Never an exception.
 */
public final class ApiPriceLoader {
    public static final String RESOURCE = "data/api-prices.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private ApiPriceLoader() {
    }

    /** Prices, the Batch-API discount (NaN when absent or broken) and the problems found. */
    public record Result(List<ApiPrice> prices, double batchDiscount, List<String> problems) {
    }

    public static Result loadBundled() {
        BundledText bundled = BundledText.read(RESOURCE);
        return bundled.text() != null ? parse(RESOURCE, bundled.text())
                : new Result(List.of(), Double.NaN, List.of(bundled.problem()));
    }

    static final double MIN_RATIO = 0.1;
    static final double MAX_RATIO = 1000;

    public static Result parse(String fileName, String text) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JsonText.readObject(JSON, text);
        } catch (JsonText.InvalidJson e) {
            return new Result(List.of(), Double.NaN, List.of(fileName + ": " + e.getMessage()));
        }
        if (!root.path("prices").isArray()) {
            return new Result(List.of(), Double.NaN, List.of(fileName + ": missing list 'prices'"));
        }
        List<ApiPrice> prices = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root.path("prices")) {
            index++;
            String name = fileName + ": price " + index + (entry.hasNonNull("model") ? " (" + entry.get("model").asText() + ")" : "");
            try {
                ApiPrice price = new ApiPrice(text(entry, "provider"), text(entry, "model"),
                        positive(entry, "inputUsdPerMillion"), positive(entry, "outputUsdPerMillion"),
                        date(entry), text(entry, "source"));
                double ratio = price.outputToInputRatio();
                // Published output/input ratios lie between 1 and about 10; far outside is a typo.
                if (!(ratio >= MIN_RATIO && ratio <= MAX_RATIO)) {
                    throw new IllegalArgumentException("output ÷ input = " + Units.sig3(ratio)
                            + " is outside " + MIN_RATIO + " to " + (int) MAX_RATIO + " (a typo?); row skipped");
                }
                prices.add(price);
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        double discount = Double.NaN;
        JsonNode batch = root.path("batchApiDiscount");
        if (!batch.isMissingNode()) {
            double f = batch.path("fraction").asDouble(Double.NaN);
            if (batch.path("fraction").isNumber() && f > 0 && f < 1) {
                discount = f;
            } else {
                problems.add(fileName + ": batchApiDiscount: field 'fraction' must be a number between 0 and 1");
            }
        }
        return new Result(List.copyOf(prices), discount, List.copyOf(problems));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty string");
        }
        return v.asText();
    }

    private static double positive(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        if (!v.isNumber() || !(v.asDouble() > 0)) {
            throw new IllegalArgumentException("field '" + field + "' must be a number above zero, got " + v);
        }
        return v.asDouble();
    }

    private static String date(JsonNode n) {
        String d = text(n, "date");
        if (!d.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("field 'date' must look like 2026-04-06, got '" + d + "'");
        }
        return d;
    }
}
