package dev.parley.client.launcher;

import dev.parley.client.account.SavedSession;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: an embedded server on a free localhost port with its data under the app's data directory,
 * seeded once with demo people and history, and a demo contact who answers. The only class of the client
 * that touches the server, and only through {@link ParleyServer}'s start/stop API.
 */
public final class DemoLauncher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoLauncher.class);
    private static final String ACCOUNTS = "demo-accounts.properties";

    private final ParleyServer server;
    private final DemoScript script;
    private final Properties tokens;
    private final Path demoDir;
    private DemoContact contact;

    private DemoLauncher(ParleyServer server, DemoScript script, Properties tokens, Path demoDir) {
        this.server = server;
        this.script = script;
        this.tokens = tokens;
        this.demoDir = demoDir;
    }

    /**
     * Starts (and on first run seeds) the demo. Slow work: call it off the JavaFX thread.
     *
     * @param answering whether the demo contact answers by itself (off when a person plays that contact)
     */
    public static DemoLauncher start(Path dataDir, boolean answering) throws IOException {
        Path demoDir = dataDir.resolve("demo");
        Path accounts = demoDir.resolve(ACCOUNTS);
        if (!Files.isRegularFile(accounts)) {
            // A first run that stopped half-way through seeding: start the demo world afresh.
            deleteRecursively(demoDir);
        }
        DemoClock clock = new DemoClock();
        ParleyServer server = ParleyServer.start(ServerConfig.builder(demoDir.resolve("server"))
                .port(0).clock(clock).argon(1024, 1)
                // Seeding writes weeks of history in seconds; the demo server is the user's own.
                .accountRates(dev.parley.server.social.AccountLimits.Rates.GENEROUS).build());
        DemoScript script = DemoScript.load();
        Properties tokens = new Properties();
        try {
            if (Files.isRegularFile(accounts)) {
                try (Reader reader = Files.newBufferedReader(accounts, StandardCharsets.UTF_8)) {
                    tokens.load(reader);
                }
            } else {
                log.info("seeding the demo server");
                Map<String, String> seeded = new DemoSeeder(server.uri(), clock, script).seed();
                tokens.putAll(seeded);
                try (Writer writer = Files.newBufferedWriter(accounts, StandardCharsets.UTF_8)) {
                    tokens.store(writer, "Parley demo accounts (local demo only)");
                }
            }
            DemoLauncher launcher = new DemoLauncher(server, script, tokens, demoDir);
            if (answering) {
                launcher.contact = new DemoContact(server.uri(), tokens.getProperty(script.bot().handle()),
                        script.bot(), script.me().handle());
            }
            return launcher;
        } catch (RuntimeException | IOException e) {
            server.stop();
            throw e instanceof IOException io ? io : new IOException("could not prepare the demo", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public URI serverUri() {
        return server.uri();
    }

    /** The demo user's session. */
    public SavedSession user() {
        return session(script.me().handle(), script.me().displayName());
    }

    /** The answering contact's session, for a second window that plays that person. */
    public SavedSession peer() {
        String handle = script.bot().handle();
        String name = script.contacts().stream().filter(c -> c.handle().equals(handle)).findFirst()
                .map(DemoScript.Contact::displayName).orElse(handle);
        return session(handle, name);
    }

    /** Local caches for the demo live beside its server; the port changes each run, the cache should not. */
    public Path cacheDir(SavedSession session) {
        return demoDir.resolve("clients").resolve(session.handle());
    }

    private SavedSession session(String handle, String displayName) {
        return new SavedSession(server.uri(), handle, displayName, tokens.getProperty(handle));
    }

    @Override
    public void close() {
        if (contact != null) {
            contact.close();
        }
        server.stop();
    }
}
