package lab.roofline.ui.export;

import java.util.Locale;
import java.util.Optional;

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
