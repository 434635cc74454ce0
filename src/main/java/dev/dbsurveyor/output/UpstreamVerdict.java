package dev.dbsurveyor.output;

import java.util.List;

/**
 * What upstream dbsurveyor's loader would make of one file: which form the file has, how many
 * documents upstream would read from it, and every reason it would refuse one of them.
 */
public record UpstreamVerdict(Form form, int documents, List<UpstreamRefusal> refusals) {

    /** The three forms dbsurveyor writes. */
    public enum Form {
        /** One database's document: exactly what upstream's loader reads. */
        DOCUMENT,
        /**
         * A bundle: upstream reads no bundle file, so each {@code databases[i].schema} is judged as
         * the document it would be on its own, its pointers prefixed with {@code /databases/i/schema}.
         */
        BUNDLE,
        /** A directory's manifest: it holds no document, so nothing in it is judged. */
        MANIFEST,
        /** A change document ({@code diff --json}): it holds no document, so nothing in it is judged. */
        CHANGES
    }

    public UpstreamVerdict {
        refusals = List.copyOf(refusals);
    }

    /** True when upstream would load every document in the file (always for a manifest). */
    public boolean accepted() {
        return refusals.isEmpty();
    }
}
