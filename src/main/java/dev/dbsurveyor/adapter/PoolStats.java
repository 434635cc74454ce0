package dev.dbsurveyor.adapter;

/**
 * A moment's view of a server's connections.
 *
 * @param idle     pooled connections open and free
 * @param acquired pooled connections in use
 * @param max      the most connections the server may have open at once (pooled or not)
 * @param open     connections open right now, pooled and direct together
 */
public record PoolStats(int idle, int acquired, int max, int open) {
}
