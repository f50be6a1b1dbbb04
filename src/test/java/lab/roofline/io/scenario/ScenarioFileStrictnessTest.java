package lab.roofline.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.roofline.io.scenario.ScenarioFile.ScenarioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 26: a scenario file is read strictly; what it does not understand is refused, never ignored. */
class ScenarioFileStrictnessTest {
    static final String GOOD = """
            {"format": "roofline-lab scenario", "version": 1, "name": "70B on H100", "note": "n",
             "scenario": {"gpu": "h100_sxm", "model": "Llama-3.1-70B", "precision": "int8", "weightOnly": false, "kvPrecision": "bf16", "batch": 1,
                          "prompt": 1024, "generated": 256, "gpuCount": 8, "realism": "ideal", "computeEfficiency": 1, "bandwidthEfficiency": 1},
             "pins": [{"name": "p", "colour": 1, "scenario": {"gpu": "h200_sxm", "model": "Llama-3.1-8B",
                       "precision": "bf16", "weightOnly": false, "kvPrecision": "bf16", "batch": 4, "prompt": 512,
                       "generated": 128, "gpuCount": 1, "realism": "ideal", "computeEfficiency": 1,
                       "bandwidthEfficiency": 1}}]}
            """;

    @Test
    void theSampleReads() throws Exception {
        assertThat(ScenarioFile.parse(GOOD).pins()).hasSize(1);
    }

    /** Item 4: a misspelt key anywhere is refused naming the key, never read as the default. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"gpuCount\": 8 | \"gpuCount\": 8, \"pipelineStage\": 2 | field 'scenario.pipelineStage' is not a scenario field",
            "\"gpuCount\": 8 | \"gpuCount\": 8, \"layerOverheadMicrosecond\": 500 | field 'scenario.layerOverheadMicrosecond'",
            "\"note\": \"n\" | \"note\": \"n\", \"pin\": [] | field 'pin' is not part of a scenario file",
            "\"name\": \"p\" | \"name\": \"p\", \"color\": 2 | field 'pins[0].color' is not part of a pin",
            "\"batch\": 4, | \"batch\": 4, \"batches\": 8, | field 'pins[0].scenario.batches' is not a scenario field",
    })
    void aMisspeltKeyIsRefusedNamingIt(String from, String to, String expected) {
        String text = GOOD.replace(from, to);
        assertThat(text).isNotEqualTo(GOOD);
        assertThatThrownBy(() -> ScenarioFile.parse(text)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining(expected);
    }

    /** Item 6: a preset and a parameter count that is not the preset's is a contradiction, not a choice. */
    @Test
    void aPresetWithAnotherParameterCountIsRefused() throws Exception {
        String contradicting = GOOD.replace("\"model\": \"Llama-3.1-70B\",", "\"model\": \"Llama-3.1-70B\", \"parameters\": 8e9,");
        assertThatThrownBy(() -> ScenarioFile.parse(contradicting)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining("field 'scenario.parameters'").hasMessageContaining("Llama-3.1-70B");
        // The preset's own count, written out, is no contradiction.
        double own = ScenarioFile.parse(GOOD).inputs().parameters();
        String agreeing = GOOD.replace("\"model\": \"Llama-3.1-70B\",", "\"model\": \"Llama-3.1-70B\", \"parameters\": "
                + own + ",");
        assertThat(ScenarioFile.parse(agreeing).inputs()).isEqualTo(ScenarioFile.parse(GOOD).inputs());
    }

    /** Item 12: a syntax error's hint says what is wrong: a cut-off file ends early, a stray comma is not that. */
    @Test
    void aSyntaxErrorCarriesAnAccurateHint() {
        String cut = GOOD.substring(0, GOOD.indexOf("\"prompt\""));
        assertThatThrownBy(() -> ScenarioFile.parse(cut)).hasMessageContaining("not valid JSON")
                .hasMessageContaining("ends before");
        String strayComma = GOOD.replace("\"batch\": 1,", "\"batch\": 1,,");
        assertThatThrownBy(() -> ScenarioFile.parse(strayComma)).hasMessageContaining("not valid JSON at line 2")
                .hasMessageContaining("','").hasMessageNotContaining("complete");
    }
}
