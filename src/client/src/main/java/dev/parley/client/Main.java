package dev.parley.client;

/** Entry point of the desktop app; the JavaFX client arrives with the client-core issue. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("The Parley desktop client is not built yet; start the server with dev.parley.server.Main.");
        System.exit(2);
    }
}
