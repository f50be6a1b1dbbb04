package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.roofline.engine.serving.OwnedHardware;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.io.data.RentalPriceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RooflineCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void reportJsonHasTheDocumentedKeysInSiUnits() throws Exception {
        Run r = run("report", "--json", "--gpu", "h100_sxm", "--params", "70B", "--precision", "int8",
                "--prompt", "1", "--output", "1");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("feasible").asBoolean()).isTrue();
        assertThat(new ObjectMapper().readTree(run("report", "--json", "--model", "Llama-3.1-405B", "--gpu", "l4").out())
                .path("feasible").asBoolean(true)).isFalse();
        for (String key : new String[] {"id", "name", "count", "peakFlopsPerSecond", "memoryBandwidthBytesPerSecond",
                "memoryCapacityBytes", "priceUsdPerHour", "ridgeFlopsPerByte", "ridgeFlopsPerValue"}) {
            assertThat(j.path("gpu").has(key)).as("gpu." + key).isTrue();
        }
        for (String key : new String[] {"name", "parameters", "activeParameters", "weightBytes", "kvCacheBytesPerToken"}) {
            assertThat(j.path("model").has(key)).as("model." + key).isTrue();
        }
        for (String key : new String[] {"flops", "bytes", "arithmeticIntensity", "seconds", "tokensPerSecond",
                "computeUtilization", "bandwidthUtilization", "bound"}) {
            assertThat(j.path("prefill").has(key)).as("prefill." + key).isTrue();
        }
        for (String key : new String[] {"contextTokens", "flops", "bytes", "weightBytes", "kvCacheBytes",
                "arithmeticIntensity", "stepSeconds", "tokensPerSecond", "tokensPerSecondPerSequence",
                "computeUtilization", "bandwidthUtilization", "bound"}) {
            assertThat(j.path("decode").has(key)).as("decode." + key).isTrue();
        }
        for (String key : new String[] {"weightBytes", "kvCacheBytes", "totalBytes", "capacityBytes", "fits", "maxBatch"}) {
            assertThat(j.path("memory").has(key)).as("memory." + key).isTrue();
        }
        for (String key : new String[] {"inputUsdPerMillionTokens", "outputUsdPerMillionTokens", "outputToInputRatio"}) {
            assertThat(j.path("cost").has(key)).as("cost." + key).isTrue();
        }
        assertThat(j.has("criticalBatchNoContext")).isTrue();
        assertThat(j.has("criticalBatch")).isTrue();
        assertThat(j.path("gpu").path("ridgeFlopsPerValue").asDouble()).isCloseTo(590.7, within(0.05));
        assertThat(j.path("decode").path("tokensPerSecond").asDouble()).isCloseTo(47.9, within(0.05));
        assertThat(j.path("decode").path("bound").asText()).isEqualTo("memory");
        assertThat(j.path("model").path("weightBytes").asDouble()).isEqualTo(70e9);
        assertThat(j.path("gpu").path("memoryBandwidthBytesPerSecond").asDouble()).isEqualTo(3.35e12);
    }

    @Test
    void reportJsonHasTheCommunicationOfEachPhase() throws Exception {
        JsonNode tp8 = new ObjectMapper().readTree(run("report", "--json", "--gpu", "h100_sxm", "--gpus", "8",
                "--model", "Llama-3.1-70B", "--batch", "1").out());
        assertThat(tp8.path("gpu").path("tensorParallel").asInt()).isEqualTo(8);
        assertThat(tp8.path("gpu").path("interconnect").path("name").asText()).isEqualTo("NVLink 4 (NVSwitch)");
        assertThat(tp8.path("gpu").path("interconnect").path("bandwidthBytesPerSecondPerDirection").asDouble()).isEqualTo(450e9);
        // 80 layers x 2 all-reduces of one token's 16 kB over 8 GPUs: 14 hops of 1.3 µs plus 28.7 ns of bytes each.
        double allReduce = 14 / 8.0 * 16384 / 450e9 + 14 * 1.3e-6;
        assertThat(tp8.path("decode").path("communicationSeconds").asDouble()).isCloseTo(160 * allReduce, within(1e-12));
        assertThat(tp8.path("prefill").path("communicationSeconds").asDouble()).isPositive();
        assertThat(tp8.path("decode").path("overheadSeconds").asDouble()).isZero();
        JsonNode realistic = new ObjectMapper().readTree(run("report", "--json", "--gpu", "h100_sxm", "--gpus", "8",
                "--pipeline-stages", "2", "--model", "Llama-3.1-70B", "--realistic").out());
        assertThat(realistic.path("gpu").path("pipelineStages").asInt()).isEqualTo(2);
        assertThat(realistic.path("workload").path("layerOverheadSeconds").asDouble()).isCloseTo(55.5e-6, within(1e-12));
        assertThat(realistic.path("decode").path("overheadSeconds").asDouble()).isCloseTo(80 * 55.5e-6, within(1e-12));
        assertThat(run("report", "--gpu", "h100_sxm", "--gpus", "8", "--pipeline-stages", "2").out())
                .contains("8 × NVIDIA H100 SXM5 80GB as TP4 × PP2 over NVLink 4 (NVSwitch)").contains("Communication");
    }

    @Test
    void reportJsonNamesTheNominalAndTheEffectiveRidgeAndWhereThroughputStops() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run("report", "--json", "--gpu", "b200", "--params", "1e8",
                "--precision", "bf16", "--prompt", "1", "--output", "1", "--realistic").out());
        // B200: 2,250 TFLOP/s over 8 TB/s; realistic: 77.6 % of the peak over 84 % of the bandwidth.
        assertThat(j.path("gpu").path("ridgeFlopsPerByte").asDouble()).isCloseTo(2250e12 / 8e12, within(1e-9));
        assertThat(j.path("gpu").path("effectiveRidgeFlopsPerByte").asDouble())
                .isCloseTo(2250e12 * 0.776 / (8e12 * 0.84), within(1e-9));
        assertThat(j.path("memory").path("maxBatch").asLong()).isEqualTo(1L << 20);
        assertThat(j.path("memory").path("maxBatchCapped").asBoolean()).isTrue();
        assertThat(j.path("throughputPlateauBatch").asDouble()).isEqualTo(j.path("criticalBatchNoContext").asDouble());
        assertThat(run("report", "--gpu", "b200", "--params", "1e8", "--prompt", "1", "--output", "1").out())
                .contains("largest batch that fits: 1,048,576 or more (the batch limit)");
    }

    @Test
    void aModelConfigIsReadForReportAndExportAndWhatItDoesNotReadGoesToStderr(@TempDir Path dir) throws Exception {
        Run r = run("report", "--json", "--model-config", "src/test/resources/model-configs/deepseek-v3.json",
                "--gpu", "h200_sxm", "--gpus", "8", "--precision", "fp8", "--prompt", "8192");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("model").path("parameters").asDouble()).isEqualTo(671_026_419_200.0);
        assertThat(j.path("model").path("attention").path("kind").asText()).isEqualTo("latent");
        assertThat(j.path("model").path("kvCacheBytesPerToken").asDouble()).isEqualTo(70_272);
        assertThat(r.err()).contains("roofline-lab: note: the multi-token-prediction layer");
        Path png = dir.resolve("g.png");
        assertThat(run("export", "--chart", "roofline", "--out", png.toString(), "--model-config",
                "src/test/resources/model-configs/gpt-oss-120b.json").code()).isZero();
        assertThat(Files.size(png)).isPositive();
        Run both = run("report", "--model", "Mistral-7B", "--model-config", "src/test/resources/model-configs/qwen3-8b.json");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("use either --model-config or --model/--params, not both");
        Run bad = run("report", "--model-config", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--model-config: ").contains("not a regular file").doesNotContain("Exception");
    }

    @Test
    void aStageCountTheModelCannotTakeNamesWhereBothCameFrom(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.roofline.json");
        assertThat(run("report", "--gpus", "16", "--pipeline-stages", "16", "--save-scenario", file.toString()).code())
                .isZero();
        Run r = run("report", "--scenario", file.toString(), "--params", "1e8");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(file + ": field 'scenario.pipelineStages' with --params: 16 stages need at least "
                + "16 layers; the model has 8");
        // --gpus keeps the file's stages while they still divide the devices.
        assertThat(run("report", "--scenario", file.toString(), "--gpus", "32").out()).contains("as TP2 × PP16");
    }

    @Test
    void planRanksConfigurationsWithinTheLimitsAsJson() throws Exception {
        Run r = run("plan", "--json", "--model", "Llama-3.1-8B", "--input-tokens", "2000", "--output-tokens", "300",
                "--cached-input", "0.5", "--ttft-ms", "500", "--tpot-ms", "50", "--gpus", "h100_sxm,a100_80gb_sxm",
                "--max-gpus", "2");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("limits").path("ttftSeconds").asDouble()).isEqualTo(0.5);
        assertThat(j.path("limits").path("cachedInput").asDouble()).isEqualTo(0.5);
        JsonNode best = j.path("best");
        for (String key : new String[] {"gpu", "gpus", "parallelism", "precision", "batch", "ttftSeconds", "tpotSeconds",
                "tokensPerSecondPerUser", "tokensPerSecondPerDevice", "costUsdPerMillionInput", "costUsdPerMillionOutput",
                "costUsdPerMillionBlended", "feasible"}) {
            assertThat(best.has(key)).as(key).isTrue();
        }
        assertThat(best.path("tpotSeconds").asDouble()).isLessThanOrEqualTo(0.05);
        assertThat(best.path("ttftSeconds").asDouble()).isLessThanOrEqualTo(0.5);
        double previous = 0;
        for (JsonNode c : j.path("candidates")) {
            if (!c.path("feasible").asBoolean()) {
                assertThat(c.path("why").asText()).isNotEmpty();
                continue;
            }
            assertThat(c.path("costUsdPerMillionBlended").asDouble()).isGreaterThanOrEqualTo(previous);
            previous = c.path("costUsdPerMillionBlended").asDouble();
        }
        assertThat(run("plan", "--model", "Llama-3.1-8B", "--gpus", "h100_sxm", "--max-gpus", "1").out())
                .contains("Roofline Lab plan: Llama-3.1-8B").contains("within the limits");
        assertThat(run("plan", "--csv", "--gpus", "h100_sxm", "--max-gpus", "1").out())
                .startsWith("gpu,gpus,parallelism,precision,feasible,batch");
        Run bad = run("plan", "--gpus", "h100_sxm,warp_drive");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--gpus: unknown accelerator 'warp_drive'");
        assertThat(run("plan", "--cached-input", "1").err()).contains("--cached-input: too large (at most 0.99)");
        assertThat(run("plan", "--tpot-ms", "0").err()).contains("--tpot-ms: too small");
        // Owned: $30,000 over 4 years (3.5064e4 h) = $0.8556/h, plus 0.7 kW at $0.12 = $0.084/h: $0.9396/h.
        Run owned = run("plan", "--json", "--gpus", "t4", "--owned-price", "30000", "--lifetime-years", "4",
                "--power-watts", "700", "--electricity", "0.12", "--model", "Llama-3.1-8B", "--max-gpus", "1");
        assertThat(owned.code()).isZero();
        assertThat(owned.err()).contains("t4 owned: $0.940 an hour");
        assertThat(new OwnedHardware(30000, 4, 700, 0.12).usdPerHour())
                .isCloseTo(30000 / (4 * 8766.0) + 0.7 * 0.12, within(1e-12));
        assertThat(run("plan", "--owned-price", "30000").err()).contains("--owned-price: name the one device you own");
        Run unpriced = run("plan", "--gpus", "gaudi3");
        assertThat(unpriced.code()).isEqualTo(2);
        assertThat(unpriced.err()).contains("--gpus: nothing to rank, no price in the profile or the rental table for gaudi3");
        // A T4 has no price of its own: the rental table's, dated, and said so.
        Run rented = run("plan", "--json", "--gpus", "t4", "--model", "Llama-3.1-8B", "--max-gpus", "1");
        assertThat(rented.code()).isZero();
        assertThat(rented.err()).contains("priced from the rental table: t4 $0.526/h (cloud on-demand, 2026-11-27)");
        assertThat(new ObjectMapper().readTree(rented.out()).path("best").path("priceSource").asText())
                .startsWith("price from the rental table: $0.526 an hour");
    }

    @Test
    void planWithSeparatePoolsADraftModelAndEnergy(@TempDir Path dir) throws Exception {
        Run split = run("plan", "--json", "--model", "Llama-3.1-70B", "--gpus", "h100_sxm", "--max-gpus", "4",
                "--ttft-ms", "500", "--tpot-ms", "50", "--disaggregated", "--electricity", "0.2");
        assertThat(split.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(split.out());
        assertThat(j.path("limits").path("serving").asText()).isEqualTo("disaggregated");
        JsonNode best = j.path("best");
        assertThat(best.path("prefillDevicesPerDecodeDevice").asDouble()).isPositive();
        assertThat(best.path("prefillBatch").asLong()).isPositive();
        // 700 W board, 142 W idle: energy per output token, and its electricity at $0.20/kWh.
        double joules = best.path("joulesPerOutputToken").asDouble();
        assertThat(joules).isPositive();
        assertThat(best.path("electricityUsdPerMillionOutput").asDouble()).isCloseTo(joules / 3.6 * 0.2, within(1e-9));
        Run draft = run("plan", "--json", "--model", "Llama-3.1-70B", "--gpus", "h100_sxm", "--max-gpus", "2",
                "--draft-model", "Llama-3.1-8B", "--draft-tokens", "3", "--acceptance", "0.8");
        assertThat(draft.code()).isZero();
        JsonNode sp = new ObjectMapper().readTree(draft.out()).path("limits").path("speculation");
        assertThat(sp.path("expectedTokensPerStep").asDouble()).isCloseTo(1 + 0.8 + 0.64 + 0.512, within(1e-12));
        assertThat(run("plan", "--draft-model", "GPT-5").err()).contains("--draft-model: unknown preset 'GPT-5'");
        assertThat(run("plan", "--acceptance", "0.5").err()).contains("--draft-tokens and --acceptance need --draft-model");
        assertThat(run("plan", "--draft-model", "Llama-3.1-8B", "--acceptance", "2").err()).contains("--acceptance: too large");
        assertThat(run("plan", "--draft-model", "Llama-3.1-8B", "--draft-tokens", "0").err()).contains("--draft-tokens: too small");
        Path mine = dir.resolve("prices.json");
        Files.writeString(mine, "{\"prices\": [{\"gpu\": \"gaudi3\", \"usdPerHour\": 4.5, \"kind\": \"quote\", "
                + "\"date\": \"2026-11-01\", \"source\": \"our vendor\"}]}");
        Run own = run("plan", "--gpus", "gaudi3", "--rental-prices", mine.toString(), "--max-gpus", "1", "--model", "Llama-3.1-8B");
        assertThat(own.code()).isZero();
        assertThat(own.err()).contains("priced from the rental table: gaudi3 $4.50/h (quote, 2026-11-01)");
        // A table named on the command line must read cleanly: a bad row is an error, the only line printed.
        Files.writeString(mine, "{\"prices\": [{\"gpu\": \"t4\", \"usdPerHour\": \"free\"}]}");
        Run bad = run("plan", "--gpus", "t4", "--rental-prices", mine.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--rental-prices: prices.json: price 1 (t4): missing field 'date'");
        assertThat(bad.err().strip().lines()).hasSize(1);
        Files.writeString(mine, "{\"prices\": []} trailing");
        assertThat(run("plan", "--rental-prices", mine.toString()).err()).contains("--rental-prices: prices.json: not valid JSON");
        Files.writeString(mine, "{\"prices\": [{\"gpu\": \"t4\", \"usdPerHour\": 1, \"kind\": \"k\", "
                + "\"date\": \"2026-99-99\", \"source\": \"s\"}]}");
        assertThat(run("plan", "--rental-prices", mine.toString()).err()).contains("'date' must look like 2026-09-25");
        // A device named twice is planned once; nothing within the limits leaves --frontier with a note.
        JsonNode once = new ObjectMapper().readTree(run("plan", "--json", "--gpus", "h100_sxm,H100_SXM", "--max-gpus", "1",
                "--model", "Llama-3.1-8B").out());
        assertThat(once.path("candidates").size()).isEqualTo(8);
        Run none = run("plan", "--frontier", "--ttft-ms", "0.01", "--gpus", "h100_sxm", "--max-gpus", "1");
        assertThat(none.code()).isZero();
        assertThat(none.err()).contains("no configuration meets the limits: no curve to write");
        // The nearest misses that fit come before those that do not, and the latter show no times or costs.
        String misses = run("plan", "--model", "Llama-3.1-405B", "--gpus", "h100_sxm", "--ttft-ms", "50", "--top", "3").out();
        assertThat(misses).contains("No configuration meets the limits");
        assertThat(misses.lines().filter(l -> l.matches("^[123] .*")).toList()).noneMatch(l -> l.contains("does not fit"));
        assertThat(run("plan", "--input-tokens", "200000").err()).contains("takes at most 131,072 tokens of context");
        assertThat(run("plan", "--draft-model", "none", "--draft-tokens", "3").err())
                .contains("--draft-tokens and --acceptance need --draft-model PRESET");
        assertThat(run("plan", "--draft-model", "Qwen2.5-7B").err()).contains("another vocabulary than Llama-3.1-70B");
        assertThat(run("plan", "--rental-prices", dir.resolve("none.json").toString()).err())
                .contains("--rental-prices: ").contains("is not a file");
    }

    @Test
    void exercisesListTheBuiltInQuestionsAndTheirComputedAnswers() throws Exception {
        Run plain = run("exercises");
        assertThat(plain.code()).isZero();
        assertThat(plain.out()).contains("[ridge-h100-bf16]").doesNotContain("answer:");
        JsonNode all = new ObjectMapper().readTree(run("exercises", "--answers", "--json").out());
        assertThat(all.size()).isEqualTo(Exercise.BUILT_IN.size());
        for (JsonNode e : all) {
            assertThat(e.path("answer").isNumber()).as(e.path("id").asText()).isTrue();
            assertThat(e.path("answer").asDouble()).isPositive();
            assertThat(e.path("unit").asText()).isNotBlank();
        }
        assertThat(all.get(0).path("answer").asDouble()).isCloseTo(989.5 / 3.35, within(1e-9));
    }

    @Test
    void aTeachersExerciseFileIsListedAnsweredAndRefusedWhenBad(@TempDir Path dir) throws Exception {
        // A teacher starts from a copy of the built-in ones, in the file's own format.
        Run copy = run("exercises", "--json");
        assertThat(copy.code()).isZero();
        Path mine = dir.resolve("mine.json");
        Files.writeString(mine, copy.out().replace("\"ridge-h100-bf16\"", "\"my-ridge\"")
                .replace("\"h100_sxm\"", "\"h200_sxm\""));
        Run listed = run("exercises", "--file", mine.toString(), "--answers", "--hints");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("[my-ridge]", "hint: ridge = peak FLOP/s ÷ memory bandwidth", "= 990 TFLOP/s ÷ 4.80 TB/s",
                "answer: 206 FLOP/byte (accepted within 2.00 %)", "answer: 185 sequences (185.",
                " rounded down: 186 do not fit) (accepted within 10.0 %)");
        JsonNode answers = new ObjectMapper().readTree(run("exercises", "--file", mine.toString(), "--answers", "--json").out());
        assertThat(answers.get(0).path("id").asText()).isEqualTo("my-ridge");
        assertThat(answers.get(0).path("answer").asDouble()).isCloseTo(989.5 / 4.8, within(1e-9));
        assertThat(answers.get(0).path("unit").asText()).isEqualTo("FLOP/byte");
        assertThat(answers.get(0).path("tolerance").asDouble()).isEqualTo(0.02);
        Files.writeString(mine, copy.out().replace("\"critical_batch\"", "\"critical-batch-size\""));
        Run bad = run("exercises", "--file", mine.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains("mine.json: field 'exercises[3].quantity': unknown quantity 'critical-batch-size'")
                .doesNotContain("Exception");
        Files.writeString(mine, copy.out().replace("\"h100_sxm\"", "\"h900\""));
        assertThat(run("exercises", "--file", mine.toString()).err()).contains("runs on GPU 'h900', which no loaded profile has");
    }

    @Test
    void reportWithoutAPriceGivesNullCosts() throws Exception {
        Run r = run("report", "--json", "--gpu", "l4", "--model", "Llama-3.1-8B", "--price-per-hour", "none");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("cost").path("outputUsdPerMillionTokens").isNull()).isTrue();
        assertThat(j.path("cost").path("outputToInputRatio").asDouble()).isPositive();
        Run priced = run("report", "--json", "--gpu", "l4", "--model", "Llama-3.1-8B", "--price-per-hour", "0.8");
        assertThat(new ObjectMapper().readTree(priced.out()).path("cost").path("outputUsdPerMillionTokens").asDouble())
                .isPositive();
    }

    /** One price rule, as in the window and the planner: a device with no price of its own takes the rental table's. */
    @Test
    void aDeviceWithoutItsOwnPriceIsPricedFromTheRentalTableAndSaysSo() throws Exception {
        Run r = run("report", "--json", "--gpu", "l4", "--model", "Llama-3.1-8B");
        JsonNode cost = new ObjectMapper().readTree(r.out()).path("cost");
        double rate = RentalPriceLoader.loadBundled().prices().find("l4").orElseThrow().usdPerHour();
        assertThat(cost.path("priceUsdPerHour").asDouble()).isEqualTo(rate);
        assertThat(cost.path("outputUsdPerMillionTokens").asDouble()).isPositive();
        assertThat(r.err()).contains("note: NVIDIA L4", "price from the rental table");
    }

    @Test
    void reportTableIsReadable() {
        Run r = run("report", "--params", "70B", "--precision", "int8", "--prompt", "1", "--output", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Ridge point", "590.7 FLOP/byte", "591 FLOPs per INT8 value", "47.9",
                "memory-bound", "Critical batch");
    }

    @Test
    void fallbackIsExplainedInTheReport() {
        Run r = run("report", "--gpu", "a100_80gb_sxm", "--model", "llama-3.1-8b", "--precision", "fp8");
        assertThat(r.out()).contains("has no FP8 peak: using BF16/FP16");
    }

    @Test
    void realisticUsesMeasuredFractionsUnlessAnEfficiencyIsGiven() throws Exception {
        JsonNode realistic = new ObjectMapper().readTree(run("report", "--json", "--realistic").out());
        assertThat(realistic.path("workload").path("computeEfficiency").asDouble()).isEqualTo(0.803);
        assertThat(realistic.path("workload").path("bandwidthEfficiency").asDouble()).isEqualTo(0.84);
        JsonNode overridden = new ObjectMapper().readTree(run("report", "--json", "--realistic",
                "--compute-efficiency", "0.5").out());
        assertThat(overridden.path("workload").path("computeEfficiency").asDouble()).isEqualTo(0.5);
        assertThat(overridden.path("workload").path("bandwidthEfficiency").asDouble()).isEqualTo(0.84);
    }

    @Test
    void listsGpusAndModels() {
        Run gpus = run("list-gpus");
        assertThat(gpus.code()).isZero();
        assertThat(gpus.out()).contains("h100_sxm", "989.5", "tpu_v5e", "apple_m2_ultra");
        Run models = run("list-models");
        assertThat(models.out()).contains("Llama-2-7B", "Llama-3.1-405B", "Mistral-7B", "Qwen2.5-72B",
                "huggingface.co/meta-llama/Llama-2-70b-hf");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "report --gpu nope | --gpu: unknown accelerator 'nope'",
            "report --params 7X | --params: '7X' is not a number (try 70B, 7e9 or 1.8T)",
            "report --params 1e30 | --params: too large (at most 2T)",
            "report --params 1,5B | --params: '1,5B' is ambiguous: write 1.5B",
            "report --params 70B --model Mistral-7B | use either --model or --params",
            "report --model gpt-5 | --model: unknown preset 'gpt-5'",
            "report --precision fp12 | 'fp12' is not a precision",
            "report --kv-precision q4 | 'q4' is not a precision",
            "report --batch 0 | --batch: too small (at least 1)",
            "report --batch 2e6 | --batch: too large (at most 1,048,576)",
            "report --batch lots | --batch: 'lots' is not a whole number (try 64)",
            "report --prompt 0 | --prompt: too small (at least 1)",
            "report --prompt 200M | --prompt: too large (at most 10,000,000)",
            "report --output -3 | --output: too small (at least 1)",
            "report --gpus 0 | --gpus: too small (at least 1)",
            "report --gpus 5000 | --gpus: too large (at most 4,096)",
            "report --gpus 6 --pipeline-stages 4 | --pipeline-stages: 4 stages do not divide 6 GPUs evenly",
            "report --gpus 64 --pipeline-stages 64 --model Llama-3.1-8B | --pipeline-stages with --model: 64 stages need at least 64 layers; the model has 32",
            "report --pipeline-stages 0 | --pipeline-stages: too small (at least 1)",
            "report --layer-overhead-us -5 | --layer-overhead-us: too small (at least 0)",
            "report --layer-overhead-us 1e5 | --layer-overhead-us: too large (at most 10,000)",
            "report --compute-efficiency 1.5 | --compute-efficiency: too large (at most 100 %)",
            "report --compute-efficiency 1e-308 | --compute-efficiency: too small (at least 1 %)",
            "report --bandwidth-efficiency 0 | --bandwidth-efficiency: too small (at least 1 %)",
            "report --price-per-hour -1 | --price-per-hour: too small (at least $0.01)",
            "report --price-per-hour 1e308 | --price-per-hour: too large (at most $10,000.00)",
            "report --frobnicate | Unknown option: '--frobnicate'",
            "export --chart pie --out x.png | --chart: unknown chart 'pie'",
            "export --chart roofline --out x.png --ttft-ms 300 | --ttft-ms, --tpot-ms, --cached-input and --disaggregated belong to --chart frontier",
            "export --chart frontier --out x.png --tpot-ms 0 | --tpot-ms: too small",
            "export --chart frontier --out x.png --cached-input 2 | --cached-input: too large (at most 0.99)",
            "report --draft-model GPT-9 | --draft-model: unknown preset 'GPT-9'",
            "report --draft-tokens 4 | --draft-tokens and --acceptance need --draft-model PRESET",
            "report --draft-model Llama-3.1-8B --draft-tokens 17 | --draft-tokens: too large (at most 16)",
            "report --draft-model Llama-3.1-8B --acceptance -0.1 | --acceptance: too small (at least 0)",
            "export --chart roofline --out x.png --scale 5 | --scale must be 1, 2 or 3",
            "export --chart roofline --out x.jpg | --out must name a .png or .svg file, got x.jpg",
            "export --chart roofline --out .svg | --out must name a .png or .svg file",
            "export --chart roofline --out x.svg --size 1920 | --size: size must be WIDTHxHEIGHT in pixels, like 1920x1080, got 1920",
            "export --chart roofline --out x.svg --size 100x100 | --size: size 100x100 is outside 480x320 to 7680x4320",
            "export --chart roofline --out x.png --size 99999999999x1 | --size: size must be WIDTHxHEIGHT",
            "export --chart roofline --out x.png --theme neon | --theme must be light or dark, got neon",
            "export --chart roofline --out x.png --size 3840x2160 --scale 3 | --size and --scale: 11,520 × 6,480 pixels is too large",
            "export --chart dashboard --out x.png --size 480x320 | --size: a dashboard needs at least 960x600",
            "export --chart roofline | Missing required option: '--out",
            "nonsense | Unmatched argument",
            "export --chart roofline --out /no/such/folder/x.png | --out: the folder /no/such/folder does not exist",
    })
    void badFlagsPrintOneClearLineAndExit2(String args, String expected) {
        Run r = run(args.split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badProfilesFolderFilesAreSkippedAndReportedOnStderr(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{");
        Run r = run("report", "--profiles", dir.toString(), "--model", "Llama-3.1-8B");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("Skipped profile").contains("bad.json").contains("not valid JSON");
        assertThat(r.out()).contains("Ridge point");
    }
}
