package dev.parley.protocol;

/** Protocol-wide constants. */
public final class Protocol {
    /** The protocol version this build speaks; carried in every envelope's {@code v} and in {@code hello}. */
    public static final int VERSION = 1;

    private Protocol() {
    }
}
