package lab.roofline.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.io.data.ProfileLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One full evaluation (prefill, decode, critical batches, memory, cost and every curve point).
 * Goal: under 100 microseconds. Run: ./mvnw -q test-compile exec:exec@bench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluationBenchmark {
    private Scenario dense;
    private Scenario moe;

    @Setup
    public void setUp() {
        List<HardwareProfile> profiles = ProfileLoader.load(true, List.of()).profiles();
        HardwareProfile h100 = profiles.stream().filter(p -> p.id().equals("h100_sxm")).findFirst().orElseThrow();
        dense = Scenario.of(ModelPresets.LLAMA_3_1_70B, h100).withGpuCount(2).withBatchSize(64);
        moe = Scenario.of(ModelPresets.MIXTRAL_8X7B, h100).withPrecision(Precision.FP8, false).withBatchSize(128);
    }

    @Benchmark
    public Evaluation fullEvaluationDense() {
        return RooflineEngine.evaluate(dense);
    }

    @Benchmark
    public Evaluation fullEvaluationMixtureOfExperts() {
        return RooflineEngine.evaluate(moe);
    }
}
