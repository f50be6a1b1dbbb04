package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import lab.roofline.cli.CliTest.Run;
import lab.roofline.engine.scenario.CurveCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare and report --curve-csv, each checked against the individual reports. */
class CompareCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path save(Path dir, String name, String... flags) {
        Path file = dir.resolve(name + ".roofline.json");
        String[] args = new String[flags.length + 3];
        args[0] = "report";
        System.arraycopy(flags, 0, args, 1, flags.length);
        args[flags.length + 1] = "--save-scenario";
        args[flags.length + 2] = file.toString();
        assertThat(CliTest.run(args).code()).isZero();
        return file;
    }

    @Test
    void compareJsonIsTheIndividualReportsEachWithItsName(@TempDir Path dir) throws Exception {
        Path a = save(dir, "h100", "--gpu", "h100_sxm", "--batch", "16");
        Path b = save(dir, "h200", "--gpu", "h200_sxm", "--batch", "16", "--realistic");
        Run r = CliTest.run("compare", a.toString(), b.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode array = JSON.readTree(r.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        int i = 0;
        for (Path file : new Path[] {a, b}) {
            ObjectNode expected = (ObjectNode) JSON.readTree(CliTest.run("report", "--json", "--scenario", file.toString()).out());
            ObjectNode actual = (ObjectNode) array.get(i++).deepCopy();
            assertThat(actual.remove("name").asText()).isEqualTo(file.getFileName().toString().replace(".roofline.json", ""));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void compareCsvAndTableAgreeWithTheReports(@TempDir Path dir) throws Exception {
        Path a = save(dir, "int8", "--precision", "int8", "--batch", "8");
        Path b = save(dir, "bf16", "--precision", "bf16", "--batch", "8", "--gpus", "2");
        Run csv = CliTest.run("compare", a.toString(), b.toString(), "--csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        String[] lines = csv.out().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("name,fits,decode_tokens_per_second");
        double tokens = JSON.readTree(CliTest.run("report", "--json", "--scenario", b.toString()).out())
                .path("decode").path("tokensPerSecond").asDouble();
        assertThat(Double.parseDouble(lines[2].split(",")[2])).isCloseTo(tokens, within(1e-9 * tokens));
        Run table = CliTest.run("compare", a.toString(), b.toString());
        assertThat(table.out()).contains("| | int8 | bf16 |", "Decode throughput", "×)");
    }

    @Test
    void aBadFileInACompareIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path a = save(dir, "a", "--batch", "4");
        Path bad = dir.resolve("bad.roofline.json");
        Files.writeString(bad, "{\"format\": \"roofline-lab scenario\", \"version\": 9}");
        Run r = CliTest.run("compare", a.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.roofline.json", "newer Roofline Lab").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theCurveCsvHasTheChartsBatchesAndAgreesWithReportAtEach(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("curve.csv");
        Run r = CliTest.run("report", "--gpu", "h200_sxm", "--batch", "48", "--curve-csv", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = Files.readString(csv).split("\r\n");
        assertThat(lines[0]).isEqualTo(CurveCsv.HEADER);
        assertThat(lines).anyMatch(l -> l.startsWith("1,true,")).anyMatch(l -> l.startsWith("48,"));
        String row48 = Arrays.stream(lines).filter(l -> l.startsWith("48,")).findFirst().orElseThrow();
        double tokens = JSON.readTree(CliTest.run("report", "--json", "--gpu", "h200_sxm", "--batch", "48").out())
                .path("decode").path("tokensPerSecond").asDouble();
        assertThat(Double.parseDouble(row48.split(",")[2])).isCloseTo(tokens, within(1e-9 * tokens));
        // Batches ascend, each once.
        long[] batches = Arrays.stream(lines).skip(1).mapToLong(l -> Long.parseLong(l.split(",")[0])).toArray();
        assertThat(batches).isSorted().doesNotHaveDuplicates();
    }

    /** A file that holds pins: the live scenario and each pin, in the shape the app saves. */
    static Path withPins(Path dir, Path live, Path... pins) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(live));
        ArrayNode list = doc.putArray("pins");
        for (int i = 0; i < pins.length; i++) {
            ObjectNode pin = list.addObject();
            pin.put("name", pins[i].getFileName().toString().replace(".roofline.json", ""));
            pin.put("colour", pins.length - 1 - i);
            pin.set("scenario", JSON.readTree(Files.readString(pins[i])).get("scenario"));
        }
        Path file = dir.resolve("with-pins.roofline.json");
        Files.writeString(file, JSON.writeValueAsString(doc));
        return file;
    }

    @Test
    void aFileWithPinsComparesEachPinAfterItsOwnScenario(@TempDir Path dir) throws Exception {
        Path live = save(dir, "live", "--batch", "8");
        Path h200 = save(dir, "h200", "--gpu", "h200_sxm", "--batch", "64");
        Path t4 = save(dir, "t4", "--gpu", "t4", "--model", "Llama-3.1-8B", "--batch", "4");
        Path file = withPins(dir, live, h200, t4);
        Run r = CliTest.run("compare", file.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode array = JSON.readTree(r.out());
        assertThat(array).hasSize(3);
        assertThat(array.get(1).path("name").asText()).isEqualTo("live / h200");
        int i = 0;
        for (Path each : new Path[] {live, h200, t4}) {
            ObjectNode expected = (ObjectNode) JSON.readTree(CliTest.run("report", "--json", "--scenario", each.toString()).out());
            ObjectNode actual = (ObjectNode) array.get(i++).deepCopy();
            actual.remove("name");
            assertThat(actual).isEqualTo(expected);
        }
        // report reads the file's own scenario; the pins do not change it.
        assertThat(JSON.readTree(CliTest.run("report", "--json", "--scenario", file.toString()).out()))
                .isEqualTo(JSON.readTree(CliTest.run("report", "--json", "--scenario", live.toString()).out()));
    }

    @Test
    void aPinOnAnUnknownGpuIsRefusedNamingItsField(@TempDir Path dir) throws Exception {
        Path file = withPins(dir, save(dir, "live"), save(dir, "h200", "--gpu", "h200_sxm"));
        Files.writeString(file, Files.readString(file).replace("\"h200_sxm\"", "\"h900\""));
        for (String command : new String[] {"compare", "export"}) {
            Run r = command.equals("compare") ? CliTest.run("compare", file.toString())
                    : CliTest.run("export", "--scenario", file.toString(), "--chart", "roofline", "--out",
                    dir.resolve("x.png").toString());
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err()).contains("field 'pins[0].scenario.gpu': unknown accelerator 'h900'");
        }
    }
}
