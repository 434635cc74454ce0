package dev.dbsurveyor.model;

/**
 * A statement the server runs on a schedule (a MySQL or MariaDB event), an addition to v1.0.
 * {@code schedule} is the schedule as the server states it ({@code EVERY 1 HOUR},
 * {@code AT 2026-12-01 00:00:00}); {@code status} is the server's word ({@code ENABLED},
 * {@code DISABLED}, {@code SLAVESIDE_DISABLED}).
 */
public record ScheduledEvent(
        String name,
        String schema,
        String definition,
        String schedule,
        String status,
        String comment) {

    public ScheduledEvent {
        Require.text(name, "name");
    }
}
