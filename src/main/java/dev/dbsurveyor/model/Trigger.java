package dev.dbsurveyor.model;

import java.util.List;

/**
 * A trigger. v1.0 has room for one {@code event}; {@code events} (an addition) lists every event
 * the trigger fires on, and {@code event} is the first of them that v1.0 has. A trigger that fires
 * on {@code Truncate} only has no true v1.0 event: it is listed in the document's
 * {@code truncate_triggers}, never in {@code triggers}.
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
        if (!event.inV1()) {
            event = events.stream().filter(TriggerEvent::inV1).findFirst().orElse(event);
        }
    }

    /** Whether v1.0 can describe this trigger: it fires on at least one event v1.0 has. */
    public boolean inV1() {
        return event.inV1();
    }
}
