package dev.parley.client.net;

/** What the connection to the server is doing, as the user should see it. */
public enum ConnectionState {
    /** Opening the socket or signing in. */
    CONNECTING,
    /** Signed in and caught up. */
    ONLINE,
    /** The server cannot be reached; retrying with backoff. */
    OFFLINE,
    /** The session ended (signed out or revoked); no retries. */
    SIGNED_OUT
}
