package dev.dbsurveyor.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upstream's scan of every string value of a document (object keys are not scanned), restated:
 * lower-cased, a string must not contain {@code password=}, {@code pwd=}, {@code secret=},
 * {@code token=} or {@code key=} ({@code api_key=} and {@code apikey=} are checked too, and always
 * contain {@code key=}), nor match a connection string with credentials: {@code postgres://},
 * {@code postgresql://}, {@code mysql://}, {@code mongodb://}, {@code mongodb+srv://} or
 * {@code mssql://}, then anything, a colon, anything and an at sign, all on one line (Rust's
 * {@code .} stops at a line feed only).
 */
final class UpstreamCredentialScan {

    /** Upstream's patterns in its order of checking, and the word it uses for each. */
    private static final Map<String, String> PATTERNS = orderedPatterns();

    private static final Pattern CONNECTION_STRING = Pattern.compile(
            "(postgres|postgresql|mysql|mongodb|mongodb\\+srv|mssql)://.*:.*@", Pattern.UNIX_LINES);

    private static final int EXCERPT = 80;

    private UpstreamCredentialScan() {
    }

    /** Every string in {@code document} (at pointer {@code at}) that upstream's scan refuses. */
    static List<UpstreamRefusal> check(JsonNode document, String at) {
        List<UpstreamRefusal> refusals = new ArrayList<>();
        scan(document, at, refusals);
        return refusals;
    }

    private static void scan(JsonNode value, String at, List<UpstreamRefusal> refusals) {
        if (value.isTextual()) {
            string(value.asText(), at, refusals);
        } else if (value.isObject()) {
            value.properties().forEach(member -> scan(member.getValue(), UpstreamJsonParse.member(at, member.getKey()), refusals));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                scan(value.get(i), at + "/" + i, refusals);
            }
        }
    }

    /** True when upstream's scan refuses {@code text}. */
    static boolean refuses(String text) {
        List<UpstreamRefusal> found = new ArrayList<>(0);
        string(text, "", found);
        return !found.isEmpty();
    }

    // Every word pattern holds '=' and the connection string "://", and lower-casing neither makes nor
    // removes those characters: a string without them needs neither the lower-casing nor the regex.
    private static void string(String text, String at, List<UpstreamRefusal> refusals) {
        boolean word = text.indexOf('=') >= 0;
        boolean connection = text.indexOf("://") >= 0;
        if (!word && !connection) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (word) {
            for (Map.Entry<String, String> pattern : PATTERNS.entrySet()) {
                int found = lower.indexOf(pattern.getKey());
                if (found >= 0) {
                    refusals.add(new UpstreamRefusal(at, UpstreamRefusal.Step.CREDENTIAL_SCAN,
                            "upstream's credential scan: the string contains \"" + pattern.getKey() + "\" (a " + pattern.getValue()
                                    + " pattern)", excerpt(text, lower, found)));
                    break;
                }
            }
        }
        if (connection) {
            Matcher match = CONNECTION_STRING.matcher(lower);
            if (match.find()) {
                refusals.add(new UpstreamRefusal(at, UpstreamRefusal.Step.CREDENTIAL_SCAN,
                        "upstream's credential scan: the string holds a " + match.group(1) + ":// connection string with credentials",
                        excerpt(text, lower, match.start())));
            }
        }
    }

    /** About 80 characters of the original text around where the match starts. */
    private static String excerpt(String text, String lower, int found) {
        if (text.length() <= EXCERPT) {
            return text;
        }
        // Lower-casing can change a string's length; then the position is only close.
        int position = Math.min(lower.length() == text.length() ? found : found * text.length() / Math.max(1, lower.length()),
                text.length() - 1);
        int start = Math.max(0, Math.min(position - 20, text.length() - EXCERPT));
        int end = Math.min(text.length(), start + EXCERPT);
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return (start > 0 ? "…" : "") + text.substring(start, end) + (end < text.length() ? "…" : "");
    }

    private static Map<String, String> orderedPatterns() {
        Map<String, String> patterns = new java.util.LinkedHashMap<>();
        patterns.put("password=", "password");
        patterns.put("pwd=", "password");
        patterns.put("secret=", "secret");
        patterns.put("token=", "secret");
        patterns.put("key=", "secret");
        patterns.put("api_key=", "API key");
        patterns.put("apikey=", "API key");
        return patterns;
    }
}
