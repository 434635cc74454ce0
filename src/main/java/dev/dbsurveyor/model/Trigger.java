package dev.dbsurveyor.model;

import java.util.List;

/**
 * A trigger. v1.0 has room for one {@code event}; {@code events} (an addition) lists every event
 * the trigger fires on, and {@code event} is the first of them.
 */
public record Trigger(
        String name,
        String tableName,
        String schema,
        TriggerEvent event,
        TriggerTiming timing,
        String definition,
        List<TriggerEvent> events) {

    public Trigger {
        Require.text(name, "name");
        Require.text(tableName, "table_name");
        Require.present(event, "event");
        Require.present(timing, "timing");
        events = Require.list(events);
    }
}
