package lab.roofline.render.layout;

/**
 * A chart colour by its role, not its value: each is a CSS token of the theme (styles/light.css, dark.css),
 * with a fallback (CSS syntax) for a chart that has no style sheet. Layout code names roles; a pen's owner
 * turns them into colours, so layout stays free of any toolkit.
 */
public enum ChartColor {
    TEXT("-rl-chart-text", "black"),
    MUTED("-rl-chart-muted", "gray"),
    GRID("-rl-chart-grid", "lightgray"),
    PLOT("-rl-chart-plot", "white"),
    ACCENT("-rl-chart-accent", "blue"),
    PREFILL("-rl-chart-prefill", "green"),
    DECODE("-rl-chart-decode", "orange"),
    ATTENTION("-rl-chart-attention", "purple"),
    WARNING("-rl-chart-warning", "red"),
    MEMORY_REGION("-rl-chart-memory-region", "rgba(0,0,255,0.05)"),
    COMPUTE_REGION("-rl-chart-compute-region", "rgba(0,255,0,0.05)"),
    WEIGHTS("-rl-chart-weights", "steelblue"),
    KV("-rl-chart-kv", "purple"),
    ACTIVATIONS("-rl-chart-activations", "gray"),
    COMPUTE("-rl-chart-compute", "green"),
    COMMUNICATION("-rl-chart-communication", "darkorange"),
    OVERHEAD("-rl-chart-overhead", "dimgray"),
    DRAFT("-rl-chart-draft", "olivedrab"),
    INFEASIBLE("-rl-chart-infeasible", "rgba(200,40,40,0.07)"),
    PIN_1("-rl-chart-pin-1", "teal"),
    PIN_2("-rl-chart-pin-2", "mediumvioletred"),
    PIN_3("-rl-chart-pin-3", "saddlebrown"),
    PIN_4("-rl-chart-pin-4", "slategray");

    private final String cssProperty;
    private final String fallback;

    ChartColor(String cssProperty, String fallback) {
        this.cssProperty = cssProperty;
        this.fallback = fallback;
    }

    /** The theme's token for this role, such as {@code -rl-chart-decode}. */
    public String cssProperty() {
        return cssProperty;
    }

    /** The colour without a theme, in CSS syntax. */
    public String fallback() {
        return fallback;
    }
}
