package dev.dbsurveyor.output;

import java.util.Objects;

/**
 * One reason upstream dbsurveyor's loader would refuse a document: where (an RFC 6901 pointer
 * into the file, {@code ""} for the whole file), at which of the loader's steps, why in one
 * sentence, and for a credential-scan hit the document's own string that matched (cut to about
 * 80 characters), else null.
 */
public record UpstreamRefusal(String pointer, Step step, String reason, String excerpt) {

    /** The loader's steps, in the order it runs them; a pointer is reported at the first that refuses it. */
    public enum Step {
        /** serde_json reading the text: syntax, numbers beyond a double, nesting, lone surrogates. */
        PARSE,
        /** {@code format_version} must be the string {@code "1.0"}. */
        FORMAT_VERSION,
        /** Upstream's embedded JSON Schema. */
        SCHEMA,
        /** The scan of every string value for credential patterns and connection strings. */
        CREDENTIAL_SCAN,
        /** serde building upstream's {@code DatabaseSchema}: types, variants, ranges, missing fields. */
        DESERIALIZE
    }

    public UpstreamRefusal {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
    }

    /** The same refusal at {@code prefix + pointer}: how a bundle reports its embedded documents. */
    public UpstreamRefusal under(String prefix) {
        return new UpstreamRefusal(prefix + pointer, step, reason, excerpt);
    }

    /**
     * One printable line: {@code <pointer>: <reason>}, then {@code  [<excerpt>]} when there is one;
     * the whole file's pointer shows as {@code /}, and control characters are escaped.
     */
    public String describe() {
        String where = pointer.isEmpty() ? "/" : pointer;
        return printable(where) + ": " + reason + (excerpt == null ? "" : " [" + printable(excerpt) + "]");
    }

    /** Text with control and formatting characters as {@code \}u escapes, so it stays on one terminal line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
