package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 26, item 13: a config.json whose total lands in range but whose shapes no model has (a hidden size
 * of 1, a million layers, a million experts) is refused naming the key and its limits.
 */
class ModelConfigShapesTest {
    /** A Llama config of these shapes (the key-value heads as the attention heads, 8k of context). */
    private static String llama(int hidden, int layers, int heads, int headDim, int intermediate, int vocab) {
        return String.format("{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": %d, \"num_hidden_layers\": %d, "
                + "\"num_attention_heads\": %d, \"head_dim\": %d, \"intermediate_size\": %d, \"vocab_size\": %d, "
                + "\"max_position_embeddings\": 8192}", hidden, layers, heads, headDim, intermediate, vocab);
    }

    /** Each case's total is within 100M to 2T: the total alone let it through. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a hidden size of 32 | 32 | 32 | 32 | 128 | 262144 | 32000 | key 'hidden_size' must be a whole number from 64 to 65,536, got 32",
            "100,000 layers | 64 | 100000 | 4 | 16 | 256 | 8 | key 'num_hidden_layers' must be a whole number from 1 to 2,048, got 100000",
            "5M intermediate | 64 | 2 | 4 | 16 | 5000000 | 8 | key 'intermediate_size' must be a whole number from 1 to 262,144, got 5000000",
            "9M vocabulary | 64 | 2 | 4 | 16 | 256 | 9000000 | key 'vocab_size' must be a whole number from 1 to 1,048,576, got 9000000",
            "4,096 heads of 1 | 4096 | 32 | 4096 | 1 | 14336 | 32000 | key 'num_attention_heads' must be a whole number from 1 to 1,024, got 4096",
            "heads of 100,000 | 64 | 8 | 1 | 100000 | 256 | 8 | key 'head_dim' must be a whole number from 1 to 4,096, got 100000",
    })
    void aShapeNoModelHasIsRefusedNamingTheKey(String what, int hidden, int layers, int heads, int headDim,
                                               int intermediate, int vocab, String expected) {
        assertThatThrownBy(() -> ModelConfigLoader.parse(llama(hidden, layers, heads, headDim, intermediate, vocab), "x"))
                .isInstanceOf(ModelConfigLoader.ModelConfigException.class).hasMessage(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "num_local_experts | {\"architectures\": [\"MixtralForCausalLM\"], \"hidden_size\": 64, \"num_hidden_layers\": 2, \"num_attention_heads\": 4, \"num_local_experts\": 100000, \"num_experts_per_tok\": 2, \"intermediate_size\": 32, \"vocab_size\": 8, \"max_position_embeddings\": 8192} | key 'num_local_experts' must be a whole number from 1 to 4,096, got 100000",
    })
    void expertsHaveLimitsToo(String key, String json, String expected) {
        assertThatThrownBy(() -> ModelConfigLoader.parse(json, "x"))
                .isInstanceOf(ModelConfigLoader.ModelConfigException.class).hasMessage(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"llama-3.1-8b.json", "deepseek-v3.json", "gemma-3-27b-it.json",
            "gpt-oss-120b.json", "qwen3-235b-a22b.json", "mixtral-8x7b-v0.1.json"})
    void everyRealConfigIsWithinTheLimits(String file) throws Exception {
        assertThat(ModelConfigLoader.read(java.nio.file.Path.of("src/test/resources/model-configs", file)).model())
                .isNotNull();
    }
}
