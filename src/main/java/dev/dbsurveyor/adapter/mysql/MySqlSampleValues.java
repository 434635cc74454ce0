package dev.dbsurveyor.adapter.mysql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.sampling.SampleValues;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the driver's Java values of MySQL and MariaDB columns as sample values: exact numbers
 * ({@link SampleValues}), bytes as base64, {@code BIT} as its unsigned number, {@code TIMESTAMP}
 * as RFC 3339 in UTC (sessions run in UTC), {@code DATETIME} as an ISO 8601 local date-time
 * (it has no time zone to state), {@code TIME} as the server writes it ({@code -838:59:59}),
 * JSON columns as nested JSON and {@code SET} values as arrays.
 */
final class MySqlSampleValues {


    private MySqlSampleValues() {
    }

    static JsonNode value(Object value, Column column) {
        UnifiedDataType type = column.dataType();
        if (value == null) {
            return SampleValues.nothing();
        }
        if (value instanceof Boolean bool) {
            return SampleValues.bool(bool);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return SampleValues.integer(((Number) value).longValue());
        }
        if (value instanceof BigInteger integer) {
            return SampleValues.integer(integer);
        }
        if (value instanceof BigDecimal decimal) {
            return SampleValues.decimal(decimal);
        }
        if (value instanceof Float single) {
            // Through its shortest decimal form: widening 1.1f to a double would write 1.100000023841858.
            return SampleValues.floating(Double.parseDouble(Float.toString(single)));
        }
        if (value instanceof Double number) {
            return SampleValues.floating(number);
        }
        if (value instanceof ByteBuffer buffer) {
            return bytes(buffer, column);
        }
        if (value instanceof byte[] bytes) {
            return bytes(ByteBuffer.wrap(bytes), column);
        }
        if (value instanceof String text) {
            return type instanceof UnifiedDataType.JsonType ? json(text) : SampleValues.text(text);
        }
        if (value instanceof String[] members) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(members.length);
            for (String member : members) {
                array.add(member);
            }
            return array;
        }
        if (value instanceof ZonedDateTime zoned) {
            return SampleValues.instant(zoned.toInstant());
        }
        if (value instanceof OffsetDateTime offset) {
            return SampleValues.instant(offset);
        }
        if (value instanceof Instant instant) {
            return SampleValues.instant(instant);
        }
        if (value instanceof LocalDateTime local) {
            return type instanceof UnifiedDataType.DateTimeType dateTime && dateTime.withTimezone()
                    ? SampleValues.instant(local.toInstant(ZoneOffset.UTC))
                    : SampleValues.text(local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        }
        if (value instanceof LocalDate date) {
            return SampleValues.text(date.toString());
        }
        if (value instanceof LocalTime time) {
            return SampleValues.text(time.format(DateTimeFormatter.ISO_LOCAL_TIME));
        }
        if (value instanceof Duration duration) {
            return SampleValues.text(time(duration));
        }
        return SampleValues.text(value.toString());
    }

    private static JsonNode bytes(ByteBuffer buffer, Column column) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        boolean bit = column.nativeType() != null && column.nativeType().toLowerCase(Locale.ROOT).startsWith("bit");
        return bit ? SampleValues.integer(new BigInteger(1, bytes)) : SampleValues.bytes(bytes);
    }

    private static JsonNode json(String text) {
        try {
            return SampleValues.parseExactly(text);
        } catch (JsonProcessingException notJson) {
            return SampleValues.text(text);
        }
    }

    /** {@code [-]H:MM:SS[.ffffff]}, as MySQL writes a TIME. */
    private static String time(Duration duration) {
        Duration magnitude = duration.abs();
        String text = String.format(Locale.ROOT, "%s%02d:%02d:%02d", duration.isNegative() ? "-" : "", magnitude.toHours(),
                magnitude.toMinutesPart(), magnitude.toSecondsPart());
        int nanos = magnitude.toNanosPart();
        return nanos == 0 ? text : text + String.format(Locale.ROOT, ".%06d", nanos / 1_000);
    }
}
