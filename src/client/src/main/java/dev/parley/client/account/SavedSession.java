package dev.parley.client.account;

import dev.parley.protocol.UserProfile;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The device session this app signed in with: kept on disk (owner-only) so the next start resumes it. */
public record SavedSession(URI server, String handle, String displayName, String token) {
    private static final String FILE = "session.properties";

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
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new SavedSession(URI.create(properties.getProperty("server")),
                    properties.getProperty("handle"), properties.getProperty("displayName"),
                    properties.getProperty("token")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void save(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Properties properties = new Properties();
        properties.setProperty("server", server.toString());
        properties.setProperty("handle", handle);
        properties.setProperty("displayName", displayName);
        properties.setProperty("token", token);
        Path file = dataDir.resolve(FILE);
        Path temp = Files.createTempFile(dataDir, "session", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile directory is private already.
        }
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            properties.store(writer, "Parley device session");
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static void forget(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE));
    }
}
