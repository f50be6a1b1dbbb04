package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.roofline.cli.CliTest.Run;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.ScenarioArbitraries;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.data.ModelConfigLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.scenario.ScenarioFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 26: random scenarios (presets, counted models, imported config.json models, a profile of the user's
 * own, pins) saved, reopened by `report --scenario` and saved again give byte-identical files and identical
 * `report --json`.
 */
class ScenarioRoundTripProperties {
    private static final HardwareProfile OWN = own();
    private static final List<ModelSpec> IMPORTS = imports();

    private static HardwareProfile own() {
        try {
            return ProfileLoader.parse("""
                    {"id": "own-gpu", "name": "Our GPU", "vendor": "Us", "peakTflops": {"bf16": 612.5, "fp8": 1225,
                     "int8": 1225, "fp4": 2450, "int4": 2450, "fp32": 80}, "memoryBandwidthGBps": 3100.5,
                     "memoryGB": 141, "priceUsdPerHour": 3.25, "sources": ["our bench"]}
                    """);
        } catch (ProfileLoader.ProfileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test config.json files, each named as the app names an import (a preset's name gets "(imported)"). */
    private static List<ModelSpec> imports() {
        List<ModelSpec> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/model-configs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ModelSpec m = ModelConfigLoader.read(f).model();
                models.add(ModelPresets.find(m.name()).isPresent() ? m.withName(m.name() + " (imported)") : m);
            }
        } catch (IOException | ModelConfigLoader.ModelConfigException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(models);
    }

    /** Inputs on a bundled device or the user's own, on a preset, a counted model or an imported one. */
    private static Arbitrary<ScenarioInputs> inputs() {
        List<String> ids = new ArrayList<>(ProfileLoader.loadAll(List.of()).profiles().stream()
                .map(HardwareProfile::id).toList());
        ids.add(OWN.id());
        Arbitrary<ModelSpec> imported = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(IMPORTS));
        return Combinators.combine(ScenarioArbitraries.inputs(ids), imported).as((in, m) -> {
            if (m == null) {
                return in;
            }
            ScenarioInputs on = in.withModel(m.name(), m.totalParameters());
            return ScenarioLimits.parallelismProblem(on.gpuCount(), on.pipelineStages(), m.layers()) == null ? on
                    : on.withParallelism(on.gpuCount(), 1);
        });
    }

    @Provide
    Arbitrary<NamedScenario> documents() {
        Arbitrary<ScenarioInputs> in = inputs();
        Arbitrary<List<ScenarioInputs>> pins = in.list().ofMaxSize(NamedScenario.MAX_PINS);
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
        return Combinators.combine(in, pins, text, text).as((live, pinned, name, note) -> {
            List<NamedScenario.Pinned> list = new ArrayList<>();
            for (int i = 0; i < pinned.size(); i++) {
                ScenarioInputs p = pinned.get(i);
                list.add(new NamedScenario.Pinned("pin " + i, (i * 3 + 1) % NamedScenario.MAX_PINS, p,
                        p.gpuId().equals(OWN.id()) ? OWN : null));
            }
            List<ModelSpec> models = new ArrayList<>();
            Stream.concat(Stream.of(live), pinned.stream()).map(ScenarioInputs::presetName)
                    .forEach(n -> IMPORTS.stream().filter(m -> m.name().equals(n) && !models.contains(m))
                            .forEach(models::add));
            return new NamedScenario("plan " + name, note, live, live.gpuId().equals(OWN.id()) ? OWN : null, list, models);
        });
    }

    @Property(tries = 60)
    void savedReopenedAndSavedAgainIsTheSameFileAndTheSameReport(@ForAll("documents") NamedScenario d) throws Exception {
        Path dir = Files.createTempDirectory("roundtrip");
        try {
            Path first = dir.resolve("first.roofline.json");
            Path second = dir.resolve("second.roofline.json");
            Path third = dir.resolve("third.roofline.json");
            ScenarioFile.save(d, first);
            Run a = CliTest.run("report", "--json", "--scenario", first.toString(), "--save-scenario", second.toString());
            assertThat(a.code()).as(a.err()).isZero();
            Run b = CliTest.run("report", "--json", "--scenario", second.toString(), "--save-scenario", third.toString());
            assertThat(b.code()).as(b.err()).isZero();
            assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
            assertThat(Files.readString(third)).isEqualTo(Files.readString(second));
            assertThat(b.out()).isEqualTo(a.out());
            assertThat(ScenarioFile.read(third)).isEqualTo(d);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> {
                    try {
                        Files.delete(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Files.delete(dir);
        }
    }
}
