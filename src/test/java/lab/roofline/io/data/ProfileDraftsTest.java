package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Interconnect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The editor's drafts: a profile survives being edited unchanged; every bad field is named by the loader's rules. */
class ProfileDraftsTest {
    private static final List<HardwareProfile> ALL = ProfileLoader.load(true, List.of()).profiles();

    @Test
    void everyBundledProfileComesBackEqualFromItsDraft() {
        for (HardwareProfile p : ALL) {
            ProfileDrafts.Check check = ProfileDrafts.check(ProfileDrafts.of(p));
            assertThat(check.ok()).as(p.id() + ": " + check.message()).isTrue();
            assertThat(check.profile()).isEqualTo(p);
        }
    }

    @Test
    void aDuplicateHasItsOwnIdAndSaysWhatItCopies() {
        HardwareProfile h100 = ALL.stream().filter(p -> p.id().equals("h100_sxm")).findFirst().orElseThrow();
        Map<String, String> copy = ProfileDrafts.duplicate(h100, Set.of("h100_sxm", "h100_sxm_copy"));
        assertThat(copy.get("id")).isEqualTo("h100_sxm_copy2");
        assertThat(copy.get("name")).isEqualTo("NVIDIA H100 SXM5 80GB (copy)");
        HardwareProfile made = ProfileDrafts.check(copy).profile();
        assertThat(made.memoryBandwidthBytesPerSecond()).isEqualTo(h100.memoryBandwidthBytesPerSecond());
        assertThat(made.sources()).last().asString().isEqualTo("Edited copy of h100_sxm");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "memoryBandwidthGBps | 0 | memoryBandwidthGBps | must be above zero",
            "memoryBandwidthGBps | fast | memoryBandwidthGBps | must be a number, got \"fast\"",
            "memoryGiB | -3 | memoryGiB | must be above zero",
            "peakTflops.bf16 | 1e9 | peakTflops.bf16 | ",
            "year | 1850 | year | must be a year from 2000 to 2040",
            "priceUsdPerHour | 0.001 | priceUsdPerHour | below 0.01",
            "id | '' | id | missing field 'id'",
            "sources | '' | sources | missing field 'sources'",
            "interconnect.bandwidthGBps | 0 | interconnect.bandwidthGBps | must be above zero",
            "interconnect.bandwidthGBps | '' | interconnect.bandwidthGBps | missing field 'interconnect.bandwidthGBps'",
            "interconnect.latencyUs | -1 | interconnect.latencyUs | must be from 0 to 1,000 microseconds, got -1",
            "interconnect.latencyUs | soon | interconnect.latencyUs | must be a number, got \"soon\"",
            "interconnect.name | '' | interconnect.name | missing field 'interconnect.name'",
    })
    void aBadFieldIsNamedWithTheLoadersReason(String field, String value, String named, String reason) {
        HardwareProfile h100 = ALL.stream().filter(p -> p.id().equals("h100_sxm")).findFirst().orElseThrow();
        Map<String, String> draft = ProfileDrafts.of(h100);
        draft.put(field, value == null ? "" : value);
        ProfileDrafts.Check check = ProfileDrafts.check(draft);
        assertThat(check.ok()).isFalse();
        assertThat(check.field()).isEqualTo(named);
        if (reason != null) {
            assertThat(check.message()).contains(reason);
        }
    }

    @Test
    void noPeakAtAllIsShownBesideTheFirstPeak() {
        Map<String, String> draft = ProfileDrafts.of(ALL.get(0));
        draft.replaceAll((k, v) -> k.startsWith("peakTflops.") ? "" : v);
        assertThat(ProfileDrafts.check(draft).field()).isEqualTo("peakTflops.bf16");
    }

    @Test
    void anInvitedLinkIsSavedWithTheProfileAndNoLinkAtAllMeansTheAssumedOne() {
        HardwareProfile h100 = ALL.stream().filter(p -> p.id().equals("h100_sxm")).findFirst().orElseThrow();
        Map<String, String> draft = ProfileDrafts.duplicate(h100, Set.of("h100_sxm"));
        draft.put("interconnect.name", "NVLink 6 (what-if)");
        draft.put("interconnect.bandwidthGBps", "1,800");
        draft.put("interconnect.latencyUs", "0.8");
        draft.put("interconnect.note", "");
        HardwareProfile made = ProfileDrafts.check(draft).profile();
        assertThat(made.interconnect()).isEqualTo(new Interconnect("NVLink 6 (what-if)", 1.8e12, 0.8 / 1e6, ""));
        draft.replaceAll((k, v) -> k.startsWith("interconnect.") ? "" : v);
        HardwareProfile none = ProfileDrafts.check(draft).profile();
        assertThat(none.interconnect()).isNull();
        assertThat(none.link()).isEqualTo(Interconnect.ASSUMED);
    }
}
