package lab.roofline.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart palette stays distinguishable for the common colour-vision deficiencies (docs/accessibility.md).
 * Each theme's colours are simulated as seen with protanopia, deuteranopia and tritanopia (Machado, Oliveira and
 * Fernandes 2009, severity 1: full dichromacy, the hardest case) and with normal vision; every two colours
 * drawn together must stay at least {@link #MIN_DELTA_E} apart in CIELAB (ΔE*ab), and every series colour
 * must reach 3:1 contrast against the plot (WCAG 2.1, 1.4.11 non-text contrast).
 */
class PaletteAccessibilityTest {
    /** About five just-noticeable differences: two marks told apart at a glance, not only side by side. */
    static final double MIN_DELTA_E = 10;

    /** Machado et al. (2009), Table 1, severity 1.0; applied to linear RGB. */
    static final Map<String, double[][]> SIMULATIONS = Map.of(
            "normal vision", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
            "protanopia", new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
                    {-0.003882, -0.048116, 1.051998}},
            "deuteranopia", new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
                    {-0.011820, 0.042940, 0.968881}},
            "tritanopia", new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
                    {0.004733, 0.691367, 0.303900}});

    /** Colours that share a chart and must be told apart. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "roofline points and roofs", List.of("prefill", "decode", "attention", "accent"),
            "cost causes", List.of("weights", "kv", "activations", "communication", "overhead", "draft", "compute"),
            "pins beside the live scenario", List.of("accent", "decode", "pin-1", "pin-2", "pin-3", "pin-4"));

    static Map<String, String> tokens(String theme) throws Exception {
        try (InputStream in = PaletteAccessibilityTest.class.getResourceAsStream("/styles/" + theme + ".css")) {
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> out = new TreeMap<>();
            Matcher m = Pattern.compile("-rl-([a-z0-9-]+):\\s*#([0-9a-fA-F]{6})\\s*;").matcher(css);
            while (m.find()) {
                out.put(m.group(1), m.group(2));
            }
            return out;
        }
    }

    static double[] linear(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return c;
    }

    static double[] simulate(double[] rgb, double[][] m) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Math.max(0, Math.min(1, m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]));
        }
        return out;
    }

    /** CIELAB (D65) of a linear-RGB colour. */
    static double[] lab(double[] rgb) {
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    static double deltaE(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = linear(hex);
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    @ParameterizedTest(name = "{0} theme")
    @ValueSource(strings = {"light", "dark"})
    void everyTwoColoursOfAChartStayApartForEachColourVisionDeficiency(String theme) throws Exception {
        Map<String, String> t = tokens(theme);
        GROUPS.forEach((group, names) -> SIMULATIONS.forEach((vision, matrix) -> {
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    double d = deltaE(lab(simulate(linear(t.get(names.get(i))), matrix)),
                            lab(simulate(linear(t.get(names.get(j))), matrix)));
                    assertThat(d).as("%s theme, %s, %s: %s vs %s", theme, group, vision, names.get(i), names.get(j))
                            .isGreaterThanOrEqualTo(MIN_DELTA_E);
                }
            }
        }));
    }

    @ParameterizedTest(name = "{0} theme")
    @ValueSource(strings = {"light", "dark"})
    void everySeriesColourStandsOutFromThePlot(String theme) throws Exception {
        Map<String, String> t = tokens(theme);
        GROUPS.values().stream().flatMap(List::stream).distinct().forEach(name ->
                assertThat(contrast(t.get(name), t.get("surface"))).as("%s theme: %s on the plot", theme, name)
                        .isGreaterThanOrEqualTo(3));
    }

    @Test
    void theSimulationSeesWhatADeuteranopeSees() {
        // A classic red and green, far apart to normal vision, nearly one colour to a deuteranope.
        double[][] deutan = SIMULATIONS.get("deuteranopia");
        assertThat(deltaE(lab(simulate(linear("d62728"), deutan)), lab(simulate(linear("2ca02c"), deutan)))).isLessThan(15);
        assertThat(deltaE(lab(linear("d62728")), lab(linear("2ca02c")))).isGreaterThan(60);
    }
}
