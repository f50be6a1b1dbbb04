package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.roofline.io.data.RealismLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line against hostile flags, files and outputs: one clear line, the right exit code. */
class HostileCliTest {
    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "report --weight-only --precision fp32 | --weight-only needs weights narrower than BF16 (int8, int4, fp8 or fp4), got FP32",
            "report --weight-only --precision bf16 | --weight-only needs weights narrower than BF16",
            "report --profiles /no/such/folder | --profiles: the folder /no/such/folder does not exist",
            "list-gpus --profiles /no/such/folder | --profiles: the folder /no/such/folder does not exist",
            "report --profiles /etc/hostname | --profiles: /etc/hostname is a file, not a folder",
            "export --chart roofline --out /tmp/x.png --scale 1.5 | --scale must be 1, 2 or 3, got 1.5",
            "export --chart roofline --out /tmp/x.png --scale abc | --scale must be 1, 2 or 3, got abc",
            "export --chart roofline --out / | --out: / is a folder; name a .png or .svg file in it",
            "export --chart roofline --out /proc/x.png | --out: the folder /proc cannot be written to",
            "report --gpu \u001b[31mred | --gpu: unknown accelerator '[31mred'",
    })
    void badInputIsOneClearLineAndExit2(String args, String expected) {
        CliTest.Run r = run(args.split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("\u001b").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void realisticWithoutItsDataSaysSoInsteadOfMeaningIdeal() {
        var broken = RealismLoader.parse("realism.json", "{");
        Assertions.assertThatThrownBy(() -> ScenarioOptions.measuredRealism(broken))
                .hasMessageStartingWith("--realistic: the measured fractions could not be read (realism.json: not valid JSON");
    }

    @Test
    void atFilesAreNotRead() {
        CliTest.Run r = run("report", "@/etc/passwd");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("@/etc/passwd").doesNotContain("root:");
    }

    @Test
    void anExistingFolderNamedLikeAPngIsLeftAlone(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("chart.png"));
        CliTest.Run r = run("export", "--chart", "roofline", "--out", folder.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a folder");
        assertThat(folder).isDirectory();
    }

    @Test
    void aReportThatCannotBeWrittenFailsWithExit1() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        StringWriter err = new StringWriter();
        int code = RooflineCommand.run(new String[] {"report", "--json"}, new PrintWriter(full), new PrintWriter(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("the output could not be written");
    }

    /** Random argument lists from real flags and hostile values: always an exit code and a clean answer. */
    @Property(tries = 250)
    void anyArgumentsEndCleanly(@ForAll("argumentLists") List<String> args) {
        long start = System.nanoTime();
        CliTest.Run r = run(args.toArray(String[]::new));
        assertThat(System.nanoTime() - start).as("time").isLessThan(5_000_000_000L);
        assertThat(r.code()).isIn(0, 1, 2);
        assertThat(r.err()).doesNotContain("Exception", "\tat ").doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f]");
        assertThat(r.out()).doesNotContain("NaN", "Infinity").doesNotContainPattern("(^|[\\s(=:\\[])-[0-9]");
        if (r.code() != 0) {
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
    }

    @Provide
    Arbitrary<List<String>> argumentLists() {
        Arbitrary<String> flag = Arbitraries.of("--gpu", "--gpus", "--params", "--precision", "--kv-precision",
                "--batch", "--prompt", "--output", "--compute-efficiency", "--bandwidth-efficiency",
                "--price-per-hour", "--model");
        Arbitrary<String> value = Arbitraries.of("", " ", "abc", "-1", "+3", "0", "NaN", "Infinity", "1e308", "1e-308",
                "١٢٣", "８", "9".repeat(400), "1,5", "2,048", "70B", "8k", "0.5", "1e3", "int8", "fp32", "h100_sxm", "l4",
                "Llama-3.1-8B", "$3", "\u001b[2J");
        Arbitrary<List<String>> pairs = Combinators.combine(flag, value).as(List::of).list().ofMaxSize(4)
                .map(ls -> {
                    List<String> all = new ArrayList<>();
                    ls.forEach(all::addAll);
                    return all;
                });
        return Combinators.combine(Arbitraries.of(false, true), pairs).as((json, rest) -> {
            List<String> args = new ArrayList<>(List.of("report"));
            if (json) {
                args.add("--json");
            }
            args.addAll(rest);
            return args;
        });
    }
}
