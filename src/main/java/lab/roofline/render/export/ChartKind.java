package lab.roofline.render.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.explain.Captions;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.explain.Explanation;

/** What can be exported as PNG. */
public enum ChartKind {
    ROOFLINE("roofline", "Roofline"),
    UTILIZATION("utilization", "Batch size vs utilization"),
    COST("cost", "Prefill vs decode cost"),
    DASHBOARD("dashboard", "Dashboard (summary and all charts)"),
    LANDSCAPE("landscape", "Hardware landscape (every device)"),
    FRONTIER("frontier", "Latency-cost frontier (serving economics)");

    private final String key;
    private final String title;

    ChartKind(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The explanation's topics this chart shows (its text alternative reads them); none for the other views. */
    public List<Explanation.Topic> topics() {
        return switch (this) {
            case ROOFLINE -> List.of(Topic.RIDGE, Topic.DECODE, Topic.PREFILL, Topic.KV_CACHE);
            case UTILIZATION -> List.of(Topic.BATCHING, Topic.MEMORY_WALL, Topic.BATCH_API);
            case COST -> List.of(Topic.COST, Topic.COMMUNICATION);
            case DASHBOARD -> List.of(Topic.values());
            case LANDSCAPE, FRONTIER -> List.of();
        };
    }

    /** The chart that shows a topic on the dashboard. */
    public static ChartKind showing(Topic topic) {
        return switch (topic) {
            case RIDGE, DECODE, PREFILL, KV_CACHE -> ROOFLINE;
            case BATCHING, MEMORY_WALL, BATCH_API -> UTILIZATION;
            case COST, COMMUNICATION -> COST;
        };
    }

    /**
     * What the chart shows, in numbers, for screen readers and an SVG's description: the explanation's
     * sentences for its topics, or the caption for the views the explanation does not cover.
     */
    public String textAlternative(Evaluation e) {
        return topics().isEmpty() ? title + ". " + Captions.of(e)
                : title + " chart. " + Explanation.about(topics(), e);
    }

    public static Optional<ChartKind> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ChartKind k : values()) {
            if (k.key.equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return title;
    }
}
