package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hugging Face config.json files of every family it reads (src/test/resources/model-configs, with their
 * provenance in that folder's README), against the published parameter counts and KV sizes; and bad configs.
 */
class ModelConfigLoaderTest {
    private static ModelConfigLoader.Loaded load(String file) throws Exception {
        return ModelConfigLoader.read(Path.of("src/test/resources/model-configs", file));
    }

    @ParameterizedTest(name = "{0}: {1}B, {2}B active, {3} B of KV per token")
    @CsvSource({
            // file, total (published, B), active incl. the input embedding, KV bytes per token (BF16), tolerance (B)
            "llama-3.1-8b.json, 8.03, 8.03, 131072, 0.005",
            "mistral-7b-v0.1.json, 7.24, 7.24, 131072, 0.005",
            "qwen2.5-7b.json, 7.62, 7.62, 57344, 0.01",
            "qwen3-8b.json, 8.19, 8.19, 147456, 0.01",
            "mixtral-8x7b-v0.1.json, 46.70, 12.88, 131072, 0.01",
            "qwen3-235b-a22b.json, 235.09, 22.19, 192512, 0.01",
            "gemma-2-9b.json, 9.24, 9.24, 344064, 0.01",
            "gemma-3-27b-it.json, 27.01, 27.01, 507904, 0.01",
            "gpt-oss-120b.json, 116.83, 5.71, 73728, 0.01",
            "deepseek-v3.json, 671.03, 37.55, 70272, 0.01",
    })
    void everyFamilyReadsToItsPublishedShape(String file, double totalB, double activeB, double kvPerToken, double tolB)
            throws Exception {
        ModelSpec m = load(file).model();
        assertThat(m.totalParameters() / 1e9).isCloseTo(totalB, within(tolB));
        assertThat(m.activeParameters() / 1e9).isCloseTo(activeB, within(tolB));
        assertThat(m.kvCacheBytesPerToken(Precision.BF16)).isEqualTo(kvPerToken);
    }

    @Test
    void theImportsMatchThePresetsBuiltFromTheSameShapes() throws Exception {
        for (String[] pair : new String[][] {{"deepseek-v3.json", "DeepSeek-V3"}, {"gpt-oss-120b.json", "gpt-oss-120b"},
                {"qwen3-235b-a22b.json", "Qwen3-235B-A22B"}, {"gemma-3-27b-it.json", "Gemma-3-27B"}}) {
            ModelSpec imported = load(pair[0]).model();
            ModelSpec preset = ModelPresets.find(pair[1]).orElseThrow();
            assertThat(imported.totalParameters()).as(pair[1]).isEqualTo(preset.totalParameters());
            assertThat(imported.activeParameters()).as(pair[1]).isEqualTo(preset.activeParameters());
            assertThat(imported.attention()).as(pair[1]).isEqualTo(preset.attention());
            assertThat(imported.kvCacheBytes(100_000, Precision.BF16)).isEqualTo(preset.kvCacheBytes(100_000, Precision.BF16));
        }
    }

    @Test
    void whatIsNotReadIsSaid() throws Exception {
        assertThat(load("deepseek-v3.json").notes()).anyMatch(n -> n.contains("multi-token-prediction"))
                .anyMatch(n -> n.contains("quantization_config is not read"));
        assertThat(load("gemma-3-27b-it.json").notes()).anyMatch(n -> n.contains("vision encoder"))
                .anyMatch(n -> n.contains("five local layers to one global"));
        ModelConfigLoader.Loaded odd = ModelConfigLoader.parse("""
                {"architectures": ["LlamaForCausalLM"], "hidden_size": 4096, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "intermediate_size": 11008, "vocab_size": 32000,
                 "max_position_embeddings": 4096, "rope_theta": 10000, "frobnication": 3}
                """, "odd");
        assertThat(odd.notes()).singleElement().asString().contains("not read").contains("frobnication")
                .doesNotContain("rope_theta");
        assertThat(odd.model().name()).isEqualTo("odd");
        assertThat(odd.model().kvHeads()).as("no num_key_value_heads: multi-head").isEqualTo(32);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON | {\"architectures\": | not valid JSON",
            "no architecture | {\"hidden_size\": 8} | missing key 'architectures'",
            "an unknown family | {\"architectures\": [\"FalconForCausalLM\"]} | 'FalconForCausalLM' is not a family Roofline Lab reads",
            "no hidden size | {\"architectures\": [\"LlamaForCausalLM\"], \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"intermediate_size\": 8, \"vocab_size\": 8, \"max_position_embeddings\": 8} | missing key 'hidden_size'",
            "a fractional size | {\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 4096.5, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"intermediate_size\": 8, \"vocab_size\": 8, \"max_position_embeddings\": 8} | key 'hidden_size' must be a whole number from 64 to 65,536, got 4096.5",
            "a huge size | {\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 1e12, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"intermediate_size\": 8, \"vocab_size\": 8, \"max_position_embeddings\": 8} | key 'hidden_size' must be a whole number",
            "kv heads that do not divide | {\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 96, \"num_hidden_layers\": 2, \"num_attention_heads\": 12, \"num_key_value_heads\": 5, \"intermediate_size\": 8, \"vocab_size\": 8, \"max_position_embeddings\": 8} | key 'num_key_value_heads': 5 does not divide the 12 attention heads",
            "layer types of the wrong length | {\"architectures\": [\"GptOssForCausalLM\"], \"hidden_size\": 64, \"num_hidden_layers\": 4, \"num_attention_heads\": 4, \"head_dim\": 16, \"num_local_experts\": 4, \"num_experts_per_tok\": 2, \"intermediate_size\": 32, \"vocab_size\": 8, \"max_position_embeddings\": 8, \"sliding_window\": 4, \"layer_types\": [\"full_attention\"]} | key 'layer_types' must list one type for each of the 4 layers",
            "an unknown layer type | {\"architectures\": [\"GptOssForCausalLM\"], \"hidden_size\": 64, \"num_hidden_layers\": 1, \"num_attention_heads\": 4, \"head_dim\": 16, \"num_local_experts\": 4, \"num_experts_per_tok\": 2, \"intermediate_size\": 32, \"vocab_size\": 8, \"max_position_embeddings\": 8, \"sliding_window\": 4, \"layer_types\": [\"chunked_attention\"]} | 'chunked_attention' is not a layer type Roofline Lab reads",
            "experts per token above the experts | {\"architectures\": [\"MixtralForCausalLM\"], \"hidden_size\": 64, \"num_hidden_layers\": 2, \"num_attention_heads\": 4, \"num_local_experts\": 2, \"num_experts_per_tok\": 4, \"intermediate_size\": 32, \"vocab_size\": 8, \"max_position_embeddings\": 8} | key 'num_experts_per_tok': 4 is more than the 2 experts (num_local_experts)",
            "a model beyond 2T | {\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 65536, \"num_hidden_layers\": 2000, \"num_attention_heads\": 512, \"intermediate_size\": 262144, \"vocab_size\": 32000, \"max_position_embeddings\": 8} | the shapes give 137T parameters; Roofline Lab takes 100M to 2T",
            "a model below 100M | {\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64, \"num_hidden_layers\": 2, \"num_attention_heads\": 4, \"intermediate_size\": 32, \"vocab_size\": 8, \"max_position_embeddings\": 8} | Roofline Lab takes 100M to 2T",
            "architectures as a string | {\"architectures\": \"LlamaForCausalLM\"} | key 'architectures' must be a list of names",
            "a hidden size the heads do not divide | {\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 4097, \"num_hidden_layers\": 2, \"num_attention_heads\": 32, \"intermediate_size\": 32, \"vocab_size\": 8, \"max_position_embeddings\": 8} | hidden_size 4097 is not a multiple of the 32 attention heads",
            "Qwen's partial sliding window | {\"architectures\": [\"Qwen2ForCausalLM\"], \"hidden_size\": 64, \"num_hidden_layers\": 2, \"num_attention_heads\": 4, \"intermediate_size\": 32, \"vocab_size\": 8, \"max_position_embeddings\": 8, \"sliding_window\": 4, \"use_sliding_window\": true} | partial sliding window (max_window_layers) is not read",
            "dense layers among Qwen3-MoE ones | {\"architectures\": [\"Qwen3MoeForCausalLM\"], \"hidden_size\": 64, \"num_hidden_layers\": 2, \"num_attention_heads\": 4, \"num_experts\": 4, \"num_experts_per_tok\": 2, \"moe_intermediate_size\": 8, \"vocab_size\": 8, \"max_position_embeddings\": 8, \"mlp_only_layers\": [0]} | key 'mlp_only_layers': dense layers among MoE ones are not read",
            "a text config that is not an object | {\"architectures\": [\"Gemma3ForConditionalGeneration\"], \"text_config\": 3} | key 'text_config' must be an object",
            "tied as text | {\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64, \"num_hidden_layers\": 2, \"num_attention_heads\": 4, \"intermediate_size\": 8, \"vocab_size\": 8, \"max_position_embeddings\": 8, \"tie_word_embeddings\": \"yes\"} | key 'tie_word_embeddings' must be true or false",
    })
    void aBadConfigIsRefusedNamingTheKey(String what, String json, String expected) {
        // (The tiny configs below are refused for their size before anything else would be.)
        assertThatThrownBy(() -> ModelConfigLoader.parse(json, "x"))
                .isInstanceOf(ModelConfigLoader.ModelConfigException.class).hasMessageContaining(expected);
    }

    @Test
    void aHuggingFaceFolderNamesTheModelAndAFileThatIsNotOneIsRefused(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Qwen3-8B"));
        Files.copy(Path.of("src/test/resources/model-configs/qwen3-8b.json"), folder.resolve("config.json"));
        assertThat(ModelConfigLoader.read(folder.resolve("config.json")).model().name()).isEqualTo("Qwen3-8B");
        assertThatThrownBy(() -> ModelConfigLoader.read(dir)).hasMessageContaining("not a regular file");
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[5 << 20]);
        assertThatThrownBy(() -> ModelConfigLoader.read(big)).hasMessageContaining("too large");
        ModelConfigLoader.Folder read = ModelConfigLoader.readFolder(folder);
        assertThat(read.models()).extracting(ModelSpec::name).containsExactly("Qwen3-8B");
        Files.writeString(folder.resolve("broken.json"), "{");
        assertThat(ModelConfigLoader.readFolder(folder).problems()).singleElement().asString()
                .contains("broken.json").contains("not valid JSON");
        assertThat(ModelConfigLoader.readFolder(dir.resolve("none")).models()).isEmpty();
    }

    @Test
    void patternsAndNamesAreReadAsTheFamiliesMeanThem() throws Exception {
        String base = "{\"hidden_size\": 4096, \"num_hidden_layers\": %d, \"num_attention_heads\": 32, \"head_dim\": 128, "
                + "\"num_key_value_heads\": 8, \"intermediate_size\": 14336, \"vocab_size\": 128000, "
                + "\"max_position_embeddings\": 8192, %s}";
        // Gemma 3 with a pattern of 1: every layer global, no sliding ones.
        ModelSpec allGlobal = ModelConfigLoader.parse(String.format(base, 32,
                "\"architectures\": [\"Gemma3ForCausalLM\"], \"sliding_window\": 1024, \"sliding_window_pattern\": 1"), "g").model();
        assertThat(allGlobal.attention().slides()).isFalse();
        // gpt-oss slides in the even layers from layer 0: 3 of 5.
        ModelSpec oss = ModelConfigLoader.parse(String.format(base, 5, "\"architectures\": [\"GptOssForCausalLM\"], "
                + "\"num_local_experts\": 32, \"num_experts_per_tok\": 4, \"sliding_window\": 128"), "o").model();
        assertThat(oss.attention().slidingLayers()).isEqualTo(3);
        // A name with an 8-bit escape, a line separator and an emoji cut at the limit comes out clean and whole.
        ModelSpec named = ModelConfigLoader.parse(String.format(base, 32, "\"architectures\": [\"LlamaForCausalLM\"], "
                + "\"_name_or_path\": \"x\\u009b31mRED\\u2028" + "a".repeat(56) + "\\ud83d\\ude00tail\""), "n").model();
        assertThat(named.name()).doesNotContain("\u009b").doesNotContain("\u2028").endsWith("…");
        assertThat(named.name().chars().filter(ch -> Character.isSurrogate((char) ch)).count() % 2).isZero();
        // Many unknown keys: the first ten are named, then how many more.
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            keys.append(", \"k").append(i).append("\": 0");
        }
        ModelConfigLoader.Loaded many = ModelConfigLoader.parse(String.format(base, 32,
                "\"architectures\": [\"LlamaForCausalLM\"]" + keys), "m");
        assertThat(many.notes()).singleElement().asString().endsWith("and 490 more").hasSizeLessThan(400);
    }

    @Test
    void aFileThatIsNotThereSaysSo(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ModelConfigLoader.read(dir.resolve("none.json"))).hasMessage("does not exist");
        Path loop = dir.resolve("loop.json");
        Files.createSymbolicLink(loop, loop);
        assertThatThrownBy(() -> ModelConfigLoader.read(loop)).hasMessage("a link to nothing (or a loop of links)");
    }
}
