package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RealismLoaderTest {

    @Test
    void theBundledMeasurementsLoadWithTheirSources() {
        RealismLoader.Result r = RealismLoader.loadBundled();
        assertThat(r.problems()).isEmpty();
        Realism realism = r.realism();
        assertThat(realism.computeFraction("h100_sxm")).isEqualTo(0.803);
        assertThat(realism.computeSource("h100_sxm")).contains("MAMF 794.5 TFLOP/s over this profile's 989.5");
        assertThat(realism.computeFraction("a100_80gb_sxm")).isEqualTo(0.869);
        assertThat(realism.computeFraction("no-such-gpu")).isEqualTo(realism.defaultComputeFraction());
        assertThat(realism.bandwidthFraction()).isEqualTo(0.84);
        assertThat(realism.computeFractions().values()).allSatisfy(m -> assertThat(m.fraction()).isBetween(0.5, 0.9));
    }

    @Test
    void everyMeasuredFractionIsOfTheProfilesOwnPeak() {
        // A fraction of another peak than the profile's (MI355X's 2300 against a 2500 profile) makes the
        // realistic setting faster than the measurement it cites.
        Realism realism = RealismLoader.loadBundled().realism();
        var profiles = ProfileLoader.load(true, List.of());
        Pattern mamf = Pattern.compile("MAMF (\\d+(?:\\.\\d+)?) TFLOP/s");
        realism.computeFractions().forEach((id, measured) -> {
            var matcher = mamf.matcher(measured.source());
            assertThat(matcher.find()).as(id + " names its MAMF").isTrue();
            double peak = profiles.find(id).orElseThrow().peakFlopsPerSecond().get(Precision.BF16) / 1e12;
            assertThat(measured.fraction()).as(id).isCloseTo(Double.parseDouble(matcher.group(1)) / peak,
                    Assertions.within(0.0005));
            assertThat(measured.source()).as(id).contains("this profile's " + new BigDecimal(Double.toString(peak))
                    .stripTrailingZeros().toPlainString());
        });
        assertThat(realism.layerOverheadSeconds()).isCloseTo(55.5e-6, Assertions.within(1e-15));
        assertThat(realism.layerOverheadSource()).contains("gpt-fast");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed | { | not valid JSON",
            "bandwidth above 1 | {\"bandwidthFraction\": 1.5, \"defaultComputeFraction\": 0.7} | field 'bandwidthFraction' must be a number above 0 and at most 1",
            "missing default | {\"bandwidthFraction\": 0.8} | field 'defaultComputeFraction' must be a number",
    })
    void aBrokenFileFallsBackToTheIdealRooflineAndSaysWhy(String what, String json, String expected) {
        RealismLoader.Result r = RealismLoader.parse("realism.json", json);
        assertThat(r.realism()).isEqualTo(Realism.IDEAL);
        assertThat(r.problems()).singleElement().asString().startsWith("realism.json").contains(expected)
                .contains("realistic setting is off");
    }

    @Test
    void aBrokenDeviceEntryIsSkippedByName() {
        RealismLoader.Result r = RealismLoader.parse("realism.json", """
                {"bandwidthFraction": 0.8, "defaultComputeFraction": 0.7,
                 "computeFractions": {"good": {"fraction": 0.8, "source": "s"}, "bad": {"fraction": 0}, "unsourced": {"fraction": 0.5}}}
                """);
        assertThat(r.realism().computeFraction("good")).isEqualTo(0.8);
        assertThat(r.realism().computeFraction("bad")).isEqualTo(0.7);
        assertThat(r.problems()).containsExactly(
                "realism.json: computeFractions.bad: field 'fraction' must be a number above 0 and at most 1",
                "realism.json: computeFractions.unsourced: missing field 'source'");
    }
}
