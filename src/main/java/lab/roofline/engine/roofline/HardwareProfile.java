package lab.roofline.engine.roofline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One accelerator, per device. Peaks are dense (never 2:4-sparse) and in FLOP/s (OP/s for integers).
 *
 * @param memoryCapacityBytes the device's memory in bytes (a profile's "memoryGiB": 80 is 80 x 2^30)
 * @param priceUsdPerHour on-demand price per device-hour, or NaN when none is known
 * @param year            the year it was released, or 0 when not known
 * @param whatIf          the scales a what-if applied to the device it is made from ({@link HardwareScales#apply}),
 *                        or none for a real device
 * @param interconnect    the link between devices of this kind, or null when the profile names none (the
 *                        engine then assumes {@link Interconnect#ASSUMED} and says so)
 * @param power           board power at full load and at idle, or null when the profile gives none
 */
public record HardwareProfile(
        String id,
        String name,
        String vendor,
        Map<Precision, Double> peakFlopsPerSecond,
        double memoryBandwidthBytesPerSecond,
        double memoryCapacityBytes,
        double priceUsdPerHour,
        List<String> sources,
        String notes,
        int year,
        HardwareScales whatIf,
        Interconnect interconnect,
        BoardPower power) {

    /** A device whose power is not given. */
    public HardwareProfile(String id, String name, String vendor, Map<Precision, Double> peakFlopsPerSecond,
                           double memoryBandwidthBytesPerSecond, double memoryCapacityBytes, double priceUsdPerHour,
                           List<String> sources, String notes, int year, HardwareScales whatIf, Interconnect interconnect) {
        this(id, name, vendor, peakFlopsPerSecond, memoryBandwidthBytesPerSecond, memoryCapacityBytes, priceUsdPerHour,
                sources, notes, year, whatIf, interconnect, null);
    }

    /** A real device whose release year is not given. */
    public HardwareProfile(String id, String name, String vendor, Map<Precision, Double> peakFlopsPerSecond,
                           double memoryBandwidthBytesPerSecond, double memoryCapacityBytes, double priceUsdPerHour,
                           List<String> sources, String notes) {
        this(id, name, vendor, peakFlopsPerSecond, memoryBandwidthBytesPerSecond, memoryCapacityBytes, priceUsdPerHour,
                sources, notes, 0, HardwareScales.NONE, null);
    }

    /** A device with no interconnect given. */
    public HardwareProfile(String id, String name, String vendor, Map<Precision, Double> peakFlopsPerSecond,
                           double memoryBandwidthBytesPerSecond, double memoryCapacityBytes, double priceUsdPerHour,
                           List<String> sources, String notes, int year, HardwareScales whatIf) {
        this(id, name, vendor, peakFlopsPerSecond, memoryBandwidthBytesPerSecond, memoryCapacityBytes, priceUsdPerHour,
                sources, notes, year, whatIf, null);
    }

    public HardwareProfile {
        whatIf = whatIf == null ? HardwareScales.NONE : whatIf;
        if (peakFlopsPerSecond.isEmpty()) {
            throw new IllegalArgumentException(id + ": at least one peak is needed");
        }
        EnumMap<Precision, Double> copy = new EnumMap<>(Precision.class);
        copy.putAll(peakFlopsPerSecond);
        peakFlopsPerSecond = Collections.unmodifiableMap(copy);
        sources = List.copyOf(sources);
        notes = notes == null ? "" : notes;
    }

    /** One GiB: vendors' "GB" of HBM, GDDR and LPDDR is binary (an H100's 80 GB is 80 GiB). */
    public static final double GIB = 1L << 30;

    /**
     * What a serving process keeps for itself on each device before weights and cache: the driver's reservation
     * (an H100 shows 81,559 of its 81,920 MiB to CUDA) and the CUDA context and library workspaces (about half
     * a GiB more). 1 GiB, or a twentieth of a small device's memory.
     */
    public double runtimeReserveBytes() {
        return Math.min(GIB, memoryCapacityBytes / 20);
    }

    /** The memory weights and KV cache can use on one device: capacity less the runtime reserve. */
    public double usableMemoryBytes() {
        return memoryCapacityBytes - runtimeReserveBytes();
    }

    public OptionalDouble price() {
        return Double.isNaN(priceUsdPerHour) ? OptionalDouble.empty() : OptionalDouble.of(priceUsdPerHour);
    }

    public boolean runsNatively(Precision precision) {
        return peakFlopsPerSecond.containsKey(precision);
    }

    /**
     * The precision the math actually runs at: the fastest path this device has for the requested one. That is
     * the requested precision or a wider one its values dequantize to (INT8 weights run BF16 math on a V100,
     * whose 62.8 TOPS of INT8 are half its 125 TFLOP/s of FP16), never a narrower one while the requested
     * precision exists (FP32 stays FP32). With neither, the nearest fallback the device has.
     */
    public Optional<Precision> computePrecisionFor(Precision requested) {
        Precision best = runsNatively(requested) ? requested : null;
        for (Precision p : requested.fallbacks()) {
            if (runsNatively(p) && p.bytesPerValue() >= requested.bytesPerValue()
                    && (best == null || peakFlopsPerSecond.get(p) > peakFlopsPerSecond.get(best))) {
                best = p;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        // No native or wider path: the nearest narrower one (FP32 math on a TPU runs at BF16).
        for (Precision p : requested.fallbacks()) {
            if (runsNatively(p)) {
                return Optional.of(p);
            }
        }
        return peakFlopsPerSecond.keySet().stream().findFirst();
    }

    /** The name without its vendor and memory size, for a crowded chart: "H100 SXM5" for "NVIDIA H100 SXM5 80GB". */
    public String shortName() {
        String shown = Units.oneLine(name).replaceFirst("^(NVIDIA|AMD|Google|Intel|Apple|AWS)\\s+", "")
                .replaceFirst("\\s+\\d+\\s?GB$", "");
        return shown.isBlank() ? Units.oneLine(name) : shown;
    }

    /** A copy with another price, for what-if sessions. NaN clears it. */
    public HardwareProfile withPrice(double usdPerHour) {
        return new HardwareProfile(id, name, vendor, peakFlopsPerSecond, memoryBandwidthBytesPerSecond,
                memoryCapacityBytes, usdPerHour, sources, notes, year, whatIf, interconnect, power);
    }

    /** A copy with the same figures and another price source noted (a rental table's). */
    public HardwareProfile withPrice(double usdPerHour, String priceSource) {
        List<String> more = new ArrayList<>(sources);
        more.add(priceSource);
        return new HardwareProfile(id, name, vendor, peakFlopsPerSecond, memoryBandwidthBytesPerSecond,
                memoryCapacityBytes, usdPerHour, more, notes, year, whatIf, interconnect, power);
    }

    /** The link the engine uses: the profile's own, or the assumed PCIe one. */
    public Interconnect link() {
        return interconnect == null ? Interconnect.ASSUMED : interconnect;
    }
}
