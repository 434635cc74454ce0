package dev.dbsurveyor.model;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.Set;

/**
 * An engine-independent column type. The exact engine type is kept beside it in
 * {@link Column#nativeType()}, so the mapping may simplify without losing anything.
 */
@TaggedUnion
public sealed interface UnifiedDataType {

    /** Bit widths the v1.0 format allows for integers. */
    Set<Integer> INTEGER_BITS = Set.of(8, 16, 32, 64, 128);

    @JsonTypeName("Boolean")
    record BooleanType() implements UnifiedDataType {
    }

    @JsonTypeName("Date")
    record DateType() implements UnifiedDataType {
    }

    @JsonTypeName("Json")
    record JsonType() implements UnifiedDataType {
    }

    @JsonTypeName("Uuid")
    record UuidType() implements UnifiedDataType {
    }

    /** Text; {@code maxLength} is null when unbounded, otherwise at least 1. */
    @JsonTypeName("String")
    record StringType(Integer maxLength) implements UnifiedDataType {
        public StringType {
            Require.positive(maxLength, "max_length");
        }
    }

    /** Integer of 8, 16, 32, 64 or 128 bits. */
    @JsonTypeName("Integer")
    record IntegerType(int bits, boolean signed) implements UnifiedDataType {
        public IntegerType {
            if (!INTEGER_BITS.contains(bits)) {
                throw new IllegalArgumentException("bits must be one of 8, 16, 32, 64, 128: " + bits);
            }
        }
    }

    /** Floating point or decimal; {@code precision} in 1..255 or null when unknown. */
    @JsonTypeName("Float")
    record FloatType(Integer precision) implements UnifiedDataType {
        public FloatType {
            if (precision != null && (precision < 1 || precision > 255)) {
                throw new IllegalArgumentException("precision must be between 1 and 255: " + precision);
            }
        }
    }

    @JsonTypeName("DateTime")
    record DateTimeType(boolean withTimezone) implements UnifiedDataType {
    }

    @JsonTypeName("Time")
    record TimeType(boolean withTimezone) implements UnifiedDataType {
    }

    /** Bytes; {@code maxLength} is null when unbounded, otherwise at least 1. */
    @JsonTypeName("Binary")
    record BinaryType(Integer maxLength) implements UnifiedDataType {
        public BinaryType {
            Require.positive(maxLength, "max_length");
        }
    }

    @JsonTypeName("Array")
    record ArrayType(UnifiedDataType elementType) implements UnifiedDataType {
        public ArrayType {
            Require.present(elementType, "element_type");
        }
    }

    /** A type the unified set has no name for; {@code typeName} is the engine's name. */
    @JsonTypeName("Custom")
    record CustomType(String typeName) implements UnifiedDataType {
        public CustomType {
            Require.text(typeName, "type_name");
        }
    }
}
