package dev.parley.client.account;

import dev.parley.client.net.PrivateFiles;
import dev.parley.protocol.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The device session this app signed in with: kept on disk (owner-only) so the next start resumes it. */
public record SavedSession(URI server, String handle, String displayName, String token) {
    private static final String FILE = "session.properties";

    /** Without the token, which signs this device in: a session printed in a log must not give it away. */
    @Override
    public String toString() {
        return "SavedSession[" + server + ", " + handle + "]";
    }

    public UserProfile profile() {
        return new UserProfile(handle, displayName, Instant.EPOCH);
    }

    /** The directory of this account's local cache, one per server and handle. */
    public Path cacheDir(Path dataDir) {
        String server = (this.server.getHost() + "_" + this.server.getPort()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_.-]", "_");
        return dataDir.resolve("accounts").resolve(server).resolve(handle);
    }

    public static Optional<SavedSession> load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Properties properties = PrivateFiles.read(file);
            return Optional.of(new SavedSession(URI.create(properties.getProperty("server")),
                    properties.getProperty("handle"), properties.getProperty("displayName"),
                    properties.getProperty("token")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the session to an owner-only file: the token signs this device in without a password. */
    public void save(Path dataDir) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("server", server.toString());
        properties.setProperty("handle", handle);
        properties.setProperty("displayName", displayName);
        properties.setProperty("token", token);
        PrivateFiles.write(dataDir.resolve(FILE), properties, "Parley device session");
    }

    /** The file the session is kept in. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    public static void forget(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE));
    }
}
