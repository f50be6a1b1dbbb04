package lab.roofline.render.layout.landscape;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Units;

/**
 * The landscape's trend: least squares of log10(ridge per weight value) on release year, over a stated set of
 * devices: the app's own datacenter parts (never a user's own or invented device, a what-if, a workstation or
 * a laptop) dated and with a peak at the precision shown. Fitted at every precision too, to say when the
 * trend's sign depends on the precision (it falls at FP8 and rises at BF16 over the bundled parts).
 *
 * @param perYear   the factor the ridge grows by each year (NaN: too few devices or years for a trend)
 * @param intercept log10 of the ridge at year 0 on the fitted line
 * @param devices   how many devices the fit is over
 */
public record RidgeTrend(Precision precision, double perYear, double intercept, int devices, int firstYear,
                         int lastYear) {
    /** The least a trend is fitted to: dated devices, and the years between the first and the last. */
    static final int MIN_DEVICES = 5;
    static final int MIN_YEARS = 3;

    /** Bundled parts that are not datacenter accelerators (workstations, laptops, desktops): never in the fit. */
    public static final Set<String> NOT_DATACENTER = Set.of("apple_m2_ultra", "apple_m3_max", "apple_m4_max",
            "rtx_4090", "rtx_5090", "dgx_spark_gb10");

    /**
     * The devices a trend is fitted to: not the user's own (nor a bundled id the user redefined), not a what-if,
     * a datacenter part.
     */
    public static Predicate<HardwareProfile> datacenter(Predicate<HardwareProfile> own) {
        return p -> !own.test(p) && p.whatIf().isNone() && !NOT_DATACENTER.contains(p.id());
    }

    /** The fit over the devices {@code fitted} accepts that are dated and run {@code precision} natively. */
    public static RidgeTrend fit(List<HardwareProfile> profiles, Precision precision, Predicate<HardwareProfile> fitted) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (HardwareProfile p : profiles) {
            if (p.year() <= 0 || !p.runsNatively(precision) || !fitted.test(p)) {
                continue;
            }
            double y = Math.log10(p.peakFlopsPerSecond().get(precision) / p.memoryBandwidthBytesPerSecond()
                    * precision.bytesPerValue());
            n++;
            sx += p.year();
            sy += y;
            sxx += (double) p.year() * p.year();
            sxy += p.year() * y;
            first = Math.min(first, p.year());
            last = Math.max(last, p.year());
        }
        // A trend only from enough devices over enough years: four FP4 devices from two years are no trend.
        boolean enough = n >= MIN_DEVICES && last - first >= MIN_YEARS && n * sxx - sx * sx > 0;
        double slope = enough ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : Double.NaN;
        return new RidgeTrend(precision, Math.pow(10, slope), enough ? (sy - slope * sx) / n : Double.NaN, n,
                n == 0 ? 0 : first, n == 0 ? 0 : last);
    }

    /** The fit at every precision with enough devices for one. */
    public static Map<Precision, RidgeTrend> byPrecision(List<HardwareProfile> profiles, Predicate<HardwareProfile> fitted) {
        Map<Precision, RidgeTrend> out = new EnumMap<>(Precision.class);
        for (Precision p : Precision.values()) {
            RidgeTrend t = fit(profiles, p, fitted);
            if (t.exists()) {
                out.put(p, t);
            }
        }
        return out;
    }

    public boolean exists() {
        return Double.isFinite(perYear);
    }

    /** Whether the ridge grows (+1), shrinks (-1) or neither (0, or no trend) over the years. */
    public int sign() {
        return !exists() || perYear == 1 ? 0 : perYear > 1 ? 1 : -1;
    }

    /**
     * What the trend is fitted to, and whether its sign depends on the precision: "Fit: 14 bundled datacenter
     * parts at FP8, 2022–2025; Rises at FP32, BF16/FP16, INT8: the sign depends on the precision" (two
     * lines, split at "; ").
     */
    public String note(Map<Precision, RidgeTrend> all) {
        if (!exists()) {
            return String.format(Locale.ROOT, "Too few bundled datacenter parts at %s for a trend (%d, at least %d over "
                    + "%d years)", precision.label(), devices, MIN_DEVICES, MIN_YEARS);
        }
        String set = String.format(Locale.ROOT, "Fit: %d bundled datacenter parts at %s, %d–%d", devices,
                precision.label(), firstYear, lastYear);
        List<String> other = new ArrayList<>();
        all.forEach((p, t) -> {
            if (t.sign() != 0 && t.sign() != sign()) {
                other.add(p.label());
            }
        });
        return other.isEmpty() ? set : set + "; " + (sign() > 0 ? "Falls" : "Rises") + " at " + String.join(", ", other)
                + ": the sign depends on the precision";
    }
}
