package dev.parley.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the desktop app. A plain class (not an {@code Application}) so that JavaFX on the class path works.
 * Without {@code --server} the app runs in demo mode: an embedded server with demo people and history.
 */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "Parley 0.1",
        description = "Parley desktop messenger.")
public final class Main implements Callable<Integer> {
    @Option(names = "--server", paramLabel = "ws(s)://host:port",
            description = "Use this server instead of the built-in demo.")
    URI server;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where local data lives (default: the platform's user data directory).")
    Path dataDir;

    @Option(names = "--demo-peer",
            description = "In demo mode, also open a window as the demo contact, to try both sides.")
    boolean demoPeer;

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() {
        if (server != null && !server.getScheme().matches("wss?")) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--server must be a ws:// or wss:// address, e.g. ws://localhost:7447");
        }
        AppOptions.set(new AppOptions(server, dataDir == null ? AppOptions.defaultDataDir() : dataDir, demoPeer));
        Application.launch(ParleyApp.class);
        // The window is gone and sessions are closed; do not let a stray non-daemon thread keep the app alive.
        System.exit(0);
        return 0;
    }
}
