package lab.roofline.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.ScenarioArbitraries;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.data.ModelConfigLoader;
import lab.roofline.io.scenario.ScenarioFile.ScenarioFileException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 26: scenario files under random damage (documents of random keys, keys misspelt, text cut short,
 * values of the wrong type): each is refused with a one-line reason naming what is wrong, or read back to
 * a scenario that saves and reads as itself; never a silent change.
 */
class ScenarioFileFuzzProperties {
    private static final ModelSpec IMPORTED = imported();

    private static ModelSpec imported() {
        try {
            return ModelConfigLoader.read(Path.of("src/test/resources/model-configs/qwen3-235b-a22b.json")).model()
                    .withName("My Qwen");
        } catch (ModelConfigLoader.ModelConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<ScenarioInputs> in = Combinators.combine(ScenarioArbitraries.inputs(List.of("h100_sxm", "h200_sxm")),
                Arbitraries.of(true, false)).as((i, imp) -> {
                    if (!imp) {
                        return i;
                    }
                    ScenarioInputs on = i.withModel(IMPORTED.name(), IMPORTED.totalParameters());
                    return ScenarioLimits.parallelismProblem(on.gpuCount(), on.pipelineStages(), IMPORTED.layers()) == null
                            ? on : on.withParallelism(on.gpuCount(), 1);
                });
        return Combinators.combine(in, in.list().ofMaxSize(2)).as((live, pinned) -> {
            List<NamedScenario.Pinned> pins = new ArrayList<>();
            for (int i = 0; i < pinned.size(); i++) {
                pins.add(new NamedScenario.Pinned("pin " + i, i, pinned.get(i), null));
            }
            boolean anyImported = IMPORTED.name().equals(live.presetName())
                    || pinned.stream().anyMatch(p -> IMPORTED.name().equals(p.presetName()));
            return ScenarioFile.toJson(new NamedScenario("plan", "a note", live, null, pins,
                    anyImported ? List.of(IMPORTED) : List.of()));
        });
    }

    /** Whatever is read is read as itself again: the reader never guesses what it writes differently. */
    private static void readsAsItself(NamedScenario d) throws ScenarioFileException {
        String written = ScenarioFile.toJson(d);
        assertThat(ScenarioFile.parse(written)).isEqualTo(d);
        assertThat(ScenarioFile.toJson(ScenarioFile.parse(written))).isEqualTo(written);
    }

    private static void refusedInOneLine(ScenarioFileException e) {
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(e.getMessage().length()).isLessThan(2_000);
    }

    @Property(tries = 200)
    void aDocumentAsWrittenReadsAsItself(@ForAll("documents") String text) throws Exception {
        readsAsItself(ScenarioFile.parse(text));
    }

    @Property(tries = 300)
    void aFileCutShortIsRefusedAsIncomplete(@ForAll("documents") String text, @ForAll @IntRange(min = 0, max = 10_000) int at) {
        String cut = text.substring(0, at % text.strip().length());
        try {
            ScenarioFile.parse(cut);
            throw new AssertionError("a file cut short was read: " + cut);
        } catch (ScenarioFileException e) {
            refusedInOneLine(e);
            assertThat(e.getMessage()).containsAnyOf("not valid JSON", "not a scenario");
        }
    }

    @Property(tries = 300)
    void aMisspeltKeyIsRefusedNamingIt(@ForAll("documents") String text, @ForAll @IntRange(min = 0, max = 10_000) int pick,
                                       @ForAll("suffixes") String suffix) throws Exception {
        JsonNode root = ScenarioFile.JSON.readTree(text);
        List<Map.Entry<ObjectNode, String>> keys = keys(root);
        Map.Entry<ObjectNode, String> key = keys.get(pick % keys.size());
        JsonNode value = key.getKey().remove(key.getValue());
        String misspelt = key.getValue() + suffix;
        key.getKey().set(misspelt, value);
        try {
            ScenarioFile.parse(ScenarioFile.JSON.writeValueAsString(root));
            throw new AssertionError("a misspelt key was read: " + misspelt);
        } catch (ScenarioFileException e) {
            refusedInOneLine(e);
            // The format field misspelt makes it no scenario at all; any other is named.
            assertThat(e.getMessage()).containsAnyOf(misspelt, "field 'format'");
        }
    }

    @Property(tries = 500)
    void aValueOfAnotherTypeIsRefusedOrReadAsItself(@ForAll("documents") String text,
                                                    @ForAll @IntRange(min = 0, max = 10_000) int pick,
                                                    @ForAll("values") JsonNode replacement) throws Exception {
        JsonNode root = ScenarioFile.JSON.readTree(text);
        List<Map.Entry<ObjectNode, String>> keys = keys(root);
        Map.Entry<ObjectNode, String> key = keys.get(pick % keys.size());
        key.getKey().set(key.getValue(), replacement);
        NamedScenario read;
        try {
            read = ScenarioFile.parse(ScenarioFile.JSON.writeValueAsString(root));
        } catch (ScenarioFileException e) {
            refusedInOneLine(e);
            return;
        }
        readsAsItself(read);
    }

    @Property(tries = 200)
    void aRandomDocumentIsRefusedInOneLine(@ForAll("randomObjects") JsonNode doc) throws Exception {
        try {
            readsAsItself(ScenarioFile.parse(ScenarioFile.JSON.writeValueAsString(doc)));
        } catch (ScenarioFileException e) {
            refusedInOneLine(e);
        }
    }

    @Provide
    Arbitrary<String> suffixes() {
        return Arbitraries.of("s", "_", "X", " ", "2", "\u00e9");
    }

    @Provide
    Arbitrary<JsonNode> values() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.of(f.nullNode(), f.textNode("8"), f.textNode(""), f.textNode("none"), f.numberNode(0),
                f.numberNode(-1), f.numberNode(2.5), f.numberNode(1e300), f.booleanNode(true), f.arrayNode(),
                f.objectNode(), f.textNode("h100_sxm"), f.numberNode(8));
    }

    @Provide
    Arbitrary<JsonNode> randomObjects() {
        Arbitrary<String> keys = Arbitraries.of("format", "version", "name", "note", "scenario", "pins", "hardware",
                "models", "gpu", "batch", "x", "model");
        Arbitrary<JsonNode> leaves = values();
        return Combinators.combine(keys.list().ofMaxSize(8), leaves.list().ofSize(8), Arbitraries.of(true, false))
                .as((names, vals, scenario) -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        o.set(names.get(i), vals.get(i));
                    }
                    if (scenario) {
                        o.put("format", ScenarioFile.FORMAT);
                        o.put("version", 1);
                    }
                    return o;
                });
    }

    /** Every key of every object in the tree, with the object that holds it. */
    private static List<Map.Entry<ObjectNode, String>> keys(JsonNode node) {
        List<Map.Entry<ObjectNode, String>> all = new ArrayList<>();
        if (node instanceof ObjectNode o) {
            for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                all.add(Map.entry(o, name));
                all.addAll(keys(o.get(name)));
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(child -> all.addAll(keys(child)));
        }
        return all;
    }
}
