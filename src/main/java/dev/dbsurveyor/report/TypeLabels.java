package dev.dbsurveyor.report;

import dev.dbsurveyor.model.UnifiedDataType;

/** A column type as people read it in a report: {@code Integer(32)}, {@code String(255)}, {@code Array<Uuid>}. */
public final class TypeLabels {

    private TypeLabels() {
    }

    /** The label of {@code type}; empty for none. */
    public static String of(UnifiedDataType type) {
        if (type == null) {
            return "";
        }
        if (type instanceof UnifiedDataType.StringType string) {
            return string.maxLength() == null ? "String" : "String(" + string.maxLength() + ")";
        }
        if (type instanceof UnifiedDataType.IntegerType integer) {
            return (integer.signed() ? "Integer(" : "Unsigned(") + integer.bits() + ")";
        }
        if (type instanceof UnifiedDataType.FloatType floating) {
            return floating.precision() == null ? "Float" : "Float(" + floating.precision() + ")";
        }
        if (type instanceof UnifiedDataType.DateTimeType dateTime) {
            return dateTime.withTimezone() ? "DateTime with time zone" : "DateTime";
        }
        if (type instanceof UnifiedDataType.TimeType time) {
            return time.withTimezone() ? "Time with time zone" : "Time";
        }
        if (type instanceof UnifiedDataType.BinaryType binary) {
            return binary.maxLength() == null ? "Binary" : "Binary(" + binary.maxLength() + ")";
        }
        if (type instanceof UnifiedDataType.ArrayType array) {
            return "Array<" + of(array.elementType()) + ">";
        }
        if (type instanceof UnifiedDataType.CustomType custom) {
            return custom.typeName();
        }
        return type.getClass().getSimpleName().replaceFirst("Type$", "");
    }
}
