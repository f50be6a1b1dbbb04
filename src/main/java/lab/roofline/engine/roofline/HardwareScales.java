package lab.roofline.engine.roofline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A what-if on the live device, without saving a profile: "what if the H100 had twice the bandwidth?".
 * Its memory bandwidth, every peak and its memory are each multiplied (0.5 to 4). The scaled device keeps
 * its id (prices and measured fractions stay its own) and says what was changed in its name, so a chart or
 * a caption never passes a what-if off as the real device.
 */
public record HardwareScales(double bandwidth, double peak, double memory) {
    /** The device as it is. */
    public static final HardwareScales NONE = new HardwareScales(1, 1, 1);

    public HardwareScales {
        ScenarioLimits.check(ScenarioLimits.BANDWIDTH_SCALE, bandwidth);
        ScenarioLimits.check(ScenarioLimits.PEAK_SCALE, peak);
        ScenarioLimits.check(ScenarioLimits.MEMORY_SCALE, memory);
    }

    public boolean isNone() {
        return bandwidth == 1 && peak == 1 && memory == 1;
    }

    /** What was changed, in words: "2× bandwidth, 0.5× memory"; empty for none. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (bandwidth != 1) {
            parts.add(factor(bandwidth) + " bandwidth");
        }
        if (peak != 1) {
            parts.add(factor(peak) + " peak FLOP/s");
        }
        if (memory != 1) {
            parts.add(factor(memory) + " memory");
        }
        return String.join(", ", parts);
    }

    /** 2 -> "2×", 0.5 -> "0.5×", 1.001 -> "1.001×": as typed (to four digits), no padding zeros. */
    public static String factor(double x) {
        return BigDecimal.valueOf(x).round(new MathContext(4)).stripTrailingZeros().toPlainString()
                + "×";
    }

    /** The device with these scales; itself for none. Its name ends "with 2× bandwidth". */
    public HardwareProfile apply(HardwareProfile device) {
        if (isNone()) {
            return device;
        }
        Map<Precision, Double> peaks = new EnumMap<>(Precision.class);
        device.peakFlopsPerSecond().forEach((p, v) -> peaks.put(p, v * peak));
        return new HardwareProfile(device.id(), device.name() + " with " + describe(), device.vendor(), peaks,
                device.memoryBandwidthBytesPerSecond() * bandwidth, device.memoryCapacityBytes() * memory,
                device.priceUsdPerHour(), device.sources(), "What-if (" + describe() + ") on: " + device.notes(),
                device.year(), this, device.interconnect(), device.power());
    }
}
