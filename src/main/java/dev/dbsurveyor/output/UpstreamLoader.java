package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.model.DatabaseSchema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What upstream dbsurveyor's loader ({@code validate_and_parse_schema} of dbsurveyor-core, which
 * its postprocessor calls on every file) would say about a file we write: its steps are reading
 * the text with serde_json, checking {@code format_version}, its embedded JSON Schema, a scan of
 * every string for credentials, and serde building its {@code DatabaseSchema}. Upstream stops at
 * the first refusal; this reports every pointer any step refuses, each once, with the reason of
 * the first step that refuses it. {@code docs/UPSTREAM.md} lists the rules and their sources.
 */
public final class UpstreamLoader {

    private static final String SUPPORTED_VERSION = "1.0";

    private UpstreamLoader() {
    }

    /**
     * Every reason upstream would refuse the file whose text is {@code json}: a document's, or
     * for a bundle those of each embedded document (pointers under {@code /databases/i/schema});
     * empty when upstream would load it, and for a manifest, which holds no document.
     */
    public static List<UpstreamRefusal> refusals(String json) {
        return verdict(json).refusals();
    }

    /** The same for a document as dbsurveyor writes it (through {@link ContractMapper}). */
    public static List<UpstreamRefusal> refusals(DatabaseSchema document) {
        if (quicklyAccepted(document)) {
            return List.of();
        }
        try {
            return refusals(ContractMapper.mapper().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A document that cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * True when the tokens the document's serializers produce prove that upstream accepts it: about
     * a tenth of the cost of writing its text, while the full check costs several times that. A
     * document that cannot be written is left to the full check, which says so.
     */
    static boolean quicklyAccepted(DatabaseSchema document) {
        try (UpstreamTokens tokens = new UpstreamTokens()) {
            ContractMapper.mapper().writeValue(tokens, document);
            return UpstreamQuickAccept.accepts(tokens);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The verdict on a file's bytes, which upstream reads as strict UTF-8. */
    public static UpstreamVerdict verdict(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
            return verdict(text);
        } catch (CharacterCodingException e) {
            return new UpstreamVerdict(UpstreamVerdict.Form.DOCUMENT, 1, List.of(new UpstreamRefusal("", UpstreamRefusal.Step.PARSE,
                    "the file is not valid UTF-8, which upstream requires before it parses", null)));
        }
    }

    /** The verdict on a file's text: its form, its number of documents and their refusals. */
    public static UpstreamVerdict verdict(String json) {
        UpstreamJsonParse.Result parsed = UpstreamJsonParse.parse(json);
        Optional<JsonNode> root = parsed.root();
        if (root.isEmpty()) {
            return new UpstreamVerdict(UpstreamVerdict.Form.DOCUMENT, 1, merged(parsed.refusals()));
        }
        return switch (ContractValidator.Kind.of(root.get())) {
            case MANIFEST, FLEET -> new UpstreamVerdict(UpstreamVerdict.Form.MANIFEST, 0, List.of());
            case DIFF -> new UpstreamVerdict(UpstreamVerdict.Form.CHANGES, 0, List.of());
            case BUNDLE -> bundle(root.get(), parsed.refusals());
            case DOCUMENT -> new UpstreamVerdict(UpstreamVerdict.Form.DOCUMENT, 1, document(root.get(), "", parsed.refusals()));
        };
    }

    private static UpstreamVerdict bundle(JsonNode bundle, List<UpstreamRefusal> parseRefusals) {
        List<UpstreamRefusal> refusals = new ArrayList<>();
        int documents = 0;
        JsonNode databases = bundle.path("databases");
        for (int i = 0; i < databases.size(); i++) {
            JsonNode schema = databases.get(i).get("schema");
            if (schema != null) {
                documents++;
                refusals.addAll(document(schema, "/databases/" + i + "/schema", parseRefusals));
            }
        }
        return new UpstreamVerdict(UpstreamVerdict.Form.BUNDLE, documents, refusals);
    }

    /** Every step on one document at pointer {@code at}; {@code parseRefusals} are the file's. */
    private static List<UpstreamRefusal> document(JsonNode document, String at, List<UpstreamRefusal> parseRefusals) {
        List<UpstreamRefusal> found = new ArrayList<>();
        parseRefusals.stream().filter(refusal -> at.isEmpty() || refusal.pointer().equals(at) || refusal.pointer().startsWith(at + "/"))
                .forEach(found::add);
        found.addAll(UpstreamJsonParse.nestingRefusals(document, at));
        formatVersion(document, at).ifPresent(found::add);
        found.addAll(UpstreamSchemaRules.check(document, at));
        found.addAll(UpstreamCredentialScan.check(document, at));
        found.addAll(UpstreamModel.check(document, at));
        return merged(found);
    }

    /** Upstream's own first check; a document that is no object is refused by the later steps already. */
    private static Optional<UpstreamRefusal> formatVersion(JsonNode document, String at) {
        if (!document.isObject()) {
            return Optional.empty();
        }
        JsonNode version = document.get("format_version");
        String pointer = UpstreamJsonParse.member(at, "format_version");
        if (version == null || !version.isTextual()) {
            return Optional.of(new UpstreamRefusal(pointer, UpstreamRefusal.Step.FORMAT_VERSION,
                    "format_version is missing or not a string; upstream requires it", null));
        }
        if (!version.asText().equals(SUPPORTED_VERSION)) {
            return Optional.of(new UpstreamRefusal(pointer, UpstreamRefusal.Step.FORMAT_VERSION,
                    "format_version is \"" + UpstreamRefusal.printable(version.asText()) + "\"; upstream loads only \"" + SUPPORTED_VERSION + "\"",
                    null));
        }
        return Optional.empty();
    }

    /** One refusal per pointer, the earliest step's; ordered by step, then as found. */
    private static List<UpstreamRefusal> merged(List<UpstreamRefusal> found) {
        Map<String, UpstreamRefusal> byPointer = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparing(UpstreamRefusal::step)).forEach(refusal -> byPointer.putIfAbsent(refusal.pointer(), refusal));
        return List.copyOf(byPointer.values());
    }
}
