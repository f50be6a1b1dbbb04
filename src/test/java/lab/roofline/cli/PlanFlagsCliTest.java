package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 26, item 13: `plan` refuses flags it would ignore, naming them. */
class PlanFlagsCliTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plan --gpus h100_sxm --lifetime-years 2 | --lifetime-years only applies to an owned device: add --owned-price USD",
            "plan --gpus h100_sxm --power-watts 700 | --power-watts only applies to an owned device: add --owned-price USD",
            "plan --gpus h100_sxm --power-watts 700 --lifetime-years 3 | --lifetime-years and --power-watts only apply to an owned device",
            "plan --gpus h100_sxm --electricity 0.2 | --electricity only applies to an owned device (--owned-price USD)",
            "plan --frontier --csv | --frontier writes CSV already: leave out --csv",
    })
    void flagsThatWouldBeIgnoredAreRefused(String args, String expected) {
        CliTest.Run r = CliTest.run(args.split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }
}
