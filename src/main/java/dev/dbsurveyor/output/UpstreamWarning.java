package dev.dbsurveyor.output;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one warning a document carries when upstream dbsurveyor's loader would refuse it: where and
 * at which of the loader's steps, never what the refused text says (a sampled value with
 * redaction off can be a secret, and the warning also goes to stderr), and nothing that would
 * itself be refused.
 */
public final class UpstreamWarning {

    /** How many of the refusals the warning names; {@code dbsurveyor validate --upstream} lists them all with their reasons. */
    static final int SHOWN = 5;

    private UpstreamWarning() {
    }

    /** The warning for {@code refusals}; empty when there are none. */
    public static Optional<String> of(List<UpstreamRefusal> refusals) {
        if (refusals.isEmpty()) {
            return Optional.empty();
        }
        String where = refusals.stream().limit(SHOWN)
                .map(refusal -> UpstreamRefusal.printable(refusal.pointer().isEmpty() ? "/" : refusal.pointer()) + " (" + step(refusal.step()) + ")")
                .collect(Collectors.joining(", "));
        return Optional.of("upstream dbsurveyor's loader would refuse this document at " + where
                + (refusals.size() > SHOWN ? " and " + (refusals.size() - SHOWN) + " more place(s)" : "")
                + "; dbsurveyor validate --upstream gives the reasons");
    }

    private static String step(UpstreamRefusal.Step step) {
        return switch (step) {
            case PARSE -> "reading the JSON";
            case FORMAT_VERSION -> "format version";
            case SCHEMA -> "its JSON Schema";
            case CREDENTIAL_SCAN -> "its credential scan";
            case DESERIALIZE -> "its data model";
        };
    }
}
