package dev.dbsurveyor.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * Jackson module that reads and writes every {@link TaggedUnion} externally tagged, the way the
 * dbsurveyor v1.0 format (and Rust's serde default) encodes enums with data.
 */
public final class TaggedUnionModule extends SimpleModule {

    public TaggedUnionModule() {
        super("dbsurveyor-tagged-unions");
        setSerializerModifier(new VariantSerializerModifier());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new UnionDeserializers());
    }

    private static final class VariantSerializerModifier extends BeanSerializerModifier {
        @Override
        public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
            Class<?> type = description.getBeanClass();
            if (TaggedVariants.unionOf(type).isEmpty()) {
                return serializer;
            }
            @SuppressWarnings("unchecked")
            JsonSerializer<Object> body = TaggedVariants.isUnit(type) ? null : (JsonSerializer<Object>) serializer;
            return new VariantSerializer(TaggedVariants.tagOf(type), body);
        }
    }

    /** Writes the tag alone for a unit variant, or wraps the record's own serialization in {tag: …}. */
    private static final class VariantSerializer extends StdSerializer<Object> implements ResolvableSerializer, ContextualSerializer {
        private final String tag;
        private final JsonSerializer<Object> body;

        VariantSerializer(String tag, JsonSerializer<Object> body) {
            super(Object.class);
            this.tag = tag;
            this.body = body;
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (body == null) {
                generator.writeString(tag);
                return;
            }
            generator.writeStartObject();
            generator.writeFieldName(tag);
            body.serialize(value, generator, provider);
            generator.writeEndObject();
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (body instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
            if (body instanceof ContextualSerializer contextual) {
                return new VariantSerializer(tag, (JsonSerializer<Object>) contextual.createContextual(provider, property));
            }
            return this;
        }
    }

    private static final class UnionDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription description) {
            Class<?> raw = type.getRawClass();
            return TaggedVariants.isTaggedUnion(raw) ? new UnionDeserializer(TaggedVariants.of(raw)) : null;
        }
    }

    /** Reads {@code "Tag"} as a unit variant and {@code {"Tag": {...}}} as a variant with data. */
    private static final class UnionDeserializer extends StdDeserializer<Object> {
        private final TaggedVariants variants;

        UnionDeserializer(TaggedVariants variants) {
            super(variants.union());
            this.variants = variants;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                String tag = parser.getText();
                Class<?> variant = knownVariant(tag, parser, context);
                if (!TaggedVariants.isUnit(variant)) {
                    return context.reportInputMismatch(this, "Variant \"%s\" of %s needs data: write {\"%s\": {...}}",
                            tag, variants.union().getSimpleName(), tag);
                }
                return TaggedVariants.newUnit(variant);
            }
            if (token != JsonToken.START_OBJECT) {
                return context.reportInputMismatch(this, "Expected a string or a one-key object for %s, got %s",
                        variants.union().getSimpleName(), token);
            }
            if (parser.nextToken() != JsonToken.FIELD_NAME) {
                return context.reportInputMismatch(this, "Expected one key naming a variant of %s (one of %s)",
                        variants.union().getSimpleName(), variants.tags());
            }
            String tag = parser.currentName();
            Class<?> variant = knownVariant(tag, parser, context);
            parser.nextToken();
            Object value = TaggedVariants.isUnit(variant) ? TaggedVariants.newUnit(variant) : context.readValue(parser, variant);
            if (TaggedVariants.isUnit(variant)) {
                parser.skipChildren();
            }
            if (parser.nextToken() != JsonToken.END_OBJECT) {
                return context.reportInputMismatch(this, "A %s must be an object with exactly one key", variants.union().getSimpleName());
            }
            return value;
        }

        private Class<?> knownVariant(String tag, JsonParser parser, DeserializationContext context) throws IOException {
            return variants.variant(tag).orElseThrow(() -> context.weirdStringException(tag, variants.union(),
                    "not a variant of " + variants.union().getSimpleName() + " (one of " + variants.tags() + ")"));
        }
    }
}
