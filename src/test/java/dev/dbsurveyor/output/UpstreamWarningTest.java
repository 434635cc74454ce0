package dev.dbsurveyor.output;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The warning says where upstream would refuse a document and at which step, never the refused text. */
class UpstreamWarningTest {

    @Test
    void noRefusalNoWarning() {
        assertThat(UpstreamWarning.of(List.of())).isEmpty();
    }

    @Test
    void theWarningNamesPlacesAndStepsButNotTheTextNorAnythingUpstreamWouldRefuse() {
        List<UpstreamRefusal> refusals = List.of(
                new UpstreamRefusal("/samples/0/rows/0/note", UpstreamRefusal.Step.CREDENTIAL_SCAN, "contains password=", "password=hunter2"),
                new UpstreamRefusal("/constraints/0/constraint_type", UpstreamRefusal.Step.DESERIALIZE, "unknown variant Exclusion", null));

        String warning = UpstreamWarning.of(refusals).orElseThrow();

        assertThat(warning).contains("/samples/0/rows/0/note (its credential scan)").contains("/constraints/0/constraint_type (its data model)")
                .doesNotContain("hunter2").doesNotContain("password=").doesNotContain("Exclusion");
        assertThat(UpstreamLoader.refusals("{\"w\":\"" + warning + "\"}")).noneMatch(r -> r.step() == UpstreamRefusal.Step.CREDENTIAL_SCAN);
    }

    @Test
    void manyRefusalsAreCounted() {
        List<UpstreamRefusal> refusals = IntStream.range(0, 8)
                .mapToObj(i -> new UpstreamRefusal("/functions/" + i + "/definition", UpstreamRefusal.Step.CREDENTIAL_SCAN, "x", null)).toList();

        assertThat(UpstreamWarning.of(refusals).orElseThrow()).contains("/functions/4/definition").doesNotContain("/functions/5/")
                .contains("and 3 more place(s)");
    }
}
