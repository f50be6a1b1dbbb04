package lab.roofline.engine.roofline;

import java.util.List;
import java.util.Map;

/** Hardware as the published worked examples state it. */
public final class TestProfiles {
    private TestProfiles() {
    }

    /** The article's H100: 989.5 TFLOP/s dense BF16, 1979 dense FP8/INT8, 3.35 TB/s, 80 GB. */
    public static final HardwareProfile H100 = new HardwareProfile("h100_sxm", "H100 SXM", "NVIDIA",
            Map.of(Precision.FP32, 66.9e12, Precision.BF16, 989.5e12, Precision.FP8, 1979e12, Precision.INT8, 1979e12),
            3.35e12, 80e9, 3.49, List.of("article"), "");

    /** The scaling book's TPU v5e: 1.97e14 FLOP/s bf16, 3.94e14 int8, 8.2e11 B/s, 16 GB, $1.20/hour. */
    public static final HardwareProfile TPU_V5E = new HardwareProfile("tpu_v5e", "TPU v5e", "Google",
            Map.of(Precision.BF16, 1.97e14, Precision.INT8, 3.94e14), 8.2e11, 16e9, 1.20, List.of("scaling book"), "");

    /** A100 40GB: no FP8 peak. */
    public static final HardwareProfile A100 = new HardwareProfile("a100_40gb_sxm", "A100 40GB", "NVIDIA",
            Map.of(Precision.FP32, 19.5e12, Precision.BF16, 312e12, Precision.INT8, 624e12, Precision.INT4, 1248e12),
            1.555e12, 40e9, Double.NaN, List.of("datasheet"), "");

    /** V100: its 62.8 TOPS of INT8 (no INT8 tensor cores) are half its 125 TFLOP/s of FP16. */
    public static final HardwareProfile V100 = new HardwareProfile("v100_sxm2", "V100 SXM2", "NVIDIA",
            Map.of(Precision.FP32, 15.7e12, Precision.BF16, 125e12, Precision.INT8, 62.8e12), 900e9, 32e9, Double.NaN,
            List.of("datasheet"), "");

    /** T4: INT8 (130 TOPS) is twice FP16 (65 TFLOP/s). */
    public static final HardwareProfile T4 = new HardwareProfile("t4", "T4", "NVIDIA",
            Map.of(Precision.FP32, 8.1e12, Precision.BF16, 65e12, Precision.INT8, 130e12, Precision.INT4, 260e12), 320e9,
            16e9, Double.NaN, List.of("datasheet"), "");
}
