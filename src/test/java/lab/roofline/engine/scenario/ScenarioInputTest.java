package lab.roofline.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import lab.roofline.engine.roofline.ScenarioArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The table of scenario inputs: each named once everywhere, and a value per input gives the inputs back. */
class ScenarioInputTest {
    @Provide
    Arbitrary<ScenarioInputs> inputs() {
        return ScenarioArbitraries.inputs(List.of("h100_sxm", "mi300x"));
    }

    @Property(tries = 300)
    void theValuesOfTheInputsGiveTheSameInputs(@ForAll("inputs") ScenarioInputs in) {
        assertThat(ScenarioInput.inputsOf(ScenarioInput.valuesOf(in))).isEqualTo(in);
    }

    @Property(tries = 300)
    void everyValuePrintsAsTextThatReadsBack(@ForAll("inputs") ScenarioInputs in) {
        for (ScenarioInput input : ScenarioInput.values()) {
            Object value = input.valueIn(in);
            if (value != null && input != ScenarioInput.MODEL) { // an imported model's name is no preset
                InputKind.Parsed back = input.parse(input.print(value));
                assertThat(back.reason()).as(input.name()).isNull();
                assertThat(back.value()).as(input.name()).isEqualTo(value);
            }
        }
    }

    @Example
    void eachKeyFlagAndPlaceIsTheOnlyOne() {
        List<ScenarioInput> all = Arrays.asList(ScenarioInput.values());
        assertThat(all.stream().map(ScenarioInput::key)).doesNotHaveDuplicates();
        assertThat(all.stream().map(ScenarioInput::settingsKey)).doesNotHaveDuplicates();
        assertThat(all.stream().map(ScenarioInput::flag)).doesNotHaveDuplicates().allMatch(f -> f.startsWith("--"));
        assertThat(ScenarioInput.DOCUMENT_ORDER).containsExactlyInAnyOrderElementsOf(all);
        for (ScenarioInput input : all) {
            assertThat(input.help()).as(input.name()).isNotBlank().doesNotContain("{default}");
            assertThat(input.range() != null).as(input.name() + " has a range").isEqualTo(input.kind().isNumber());
            assertThat(input.paramLabel() == null).as(input.name() + " is a switch").isEqualTo(input.isSwitch());
        }
    }

    @Example
    void theDefaultsReadAsTheyAlwaysHave() {
        assertThat(ScenarioInput.GPU.help()).isEqualTo("Accelerator id (see list-gpus). Default: h100_sxm.");
        assertThat(ScenarioInput.MODEL.help()).endsWith("Default: Llama-3.1-70B.");
        assertThat(ScenarioInput.COMPUTE_EFFICIENCY.defaultDescribed()).isEqualTo("100 %");
        assertThat(ScenarioInput.PRICE_USD_PER_HOUR.defaultDescribed()).isEqualTo("the GPU's own price");
        assertThat(ScenarioInput.PRECISION.defaultDescribed()).isEqualTo("int8");
    }
}
