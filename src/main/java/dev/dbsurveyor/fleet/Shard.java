package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConfigurationException;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One of {@code count} parts of a fleet, {@code index} counted from 0 as a Kubernetes Indexed
 * Job's {@code JOB_COMPLETION_INDEX} is. A server belongs to the shard its label's SHA-256 falls
 * in, so every machine agrees without talking to the others, and a server keeps its shard when
 * others are added to or removed from the inventory.
 */
public record Shard(int index, int count) {

    /** Most shards a fleet may be split into. */
    public static final int MOST_SHARDS = 10_000;

    public Shard {
        if (count < 1 || count > MOST_SHARDS) {
            throw new ConfigurationException("a fleet splits into 1 to " + MOST_SHARDS + " shards, not " + count);
        }
        if (index < 0 || index >= count) {
            throw new ConfigurationException("shard " + index + " of " + count + " does not exist: shards are numbered 0 to " + (count - 1));
        }
    }

    /** The whole fleet, unsplit. */
    public static Shard whole() {
        return new Shard(0, 1);
    }

    /** Parses {@code I/N}, such as {@code 0/3}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) {
            throw new ConfigurationException("a shard is written I/N (such as 0/3 for the first of three), not '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("a shard is written I/N with whole numbers (such as 0/3), not '" + text + "'");
        }
    }

    /** Whether this shard is the whole fleet. */
    public boolean isWhole() {
        return count == 1;
    }

    /** Whether the server labelled {@code label} belongs to this shard. */
    public boolean holds(String label) {
        return of(label, count) == index;
    }

    /** The shard of {@code count} that the server labelled {@code label} belongs to. */
    public static int of(String label, int count) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
