package dev.parley.server.store;

/**
 * The right to run cluster-wide background work (sending scheduled messages and broadcasts) on this node. With one
 * node (SQLite) it is always held; with several nodes on one PostgreSQL at most one node holds it at a time, and
 * another takes it over when the holder stops or dies.
 */
public interface Lease extends AutoCloseable {
    /** Always held: a single node. */
    Lease ALWAYS = new Lease() {
        @Override
        public boolean held() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    /** Whether this node holds the lease now, taking it if it is free. Never throws. */
    boolean held();

    /** Gives the lease up (another node may take it). */
    @Override
    void close();
}
