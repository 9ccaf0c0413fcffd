package dev.parley.client.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The servers whose certificate the person chose to trust although no authority vouches for it (trust on first
 * use), by host and port: the SHA-256 fingerprint they saw. Kept in an owner-only file in the data directory and
 * read afresh at every check, off the FX thread (TLS handshakes, the trust dialog's background work).
 */
public final class KnownServers {
    /** One trusted certificate: the server (host in lower case, as pinned) and the fingerprint the person saw. */
    public record Pin(String host, int port, String fingerprint) {
        /** {@code host:port}, as the trust dialog names the server. */
        public String server() {
            return host + ":" + port;
        }
    }

    private static final String FILE = "known-servers.properties";
    private final Path file;

    private KnownServers(Path file) {
        this.file = file;
    }

    /** The pins kept in this data directory. */
    public static KnownServers in(Path dataDir) {
        return new KnownServers(dataDir.resolve(FILE));
    }

    public Path file() {
        return file;
    }

    /** The fingerprint pinned for this server, if the person trusted one. */
    public synchronized Optional<String> pinned(String host, int port) {
        return Optional.ofNullable(pins().getProperty(key(host, port)));
    }

    /** Every pin, by host then port. A damaged file fails as in {@link #pinned}: no list rather than a short one. */
    public synchronized List<Pin> all() {
        Properties pins = pins();
        try {
            return pins.stringPropertyNames().stream().map(key -> parse(key, pins.getProperty(key)))
                    .sorted(Comparator.comparing(Pin::host).thenComparingInt(Pin::port)).toList();
        } catch (IllegalArgumentException e) {
            throw damaged(e);
        }
    }

    /** Trusts this certificate for this server from now on (replacing nothing: forget the old one first). */
    public synchronized void pin(String host, int port, String fingerprint) throws IOException {
        Properties pins = PrivateFiles.read(file);
        pins.setProperty(key(host, port), fingerprint);
        PrivateFiles.write(file, pins, "Parley: server certificates trusted on first use (SHA-256)");
    }

    /** Forgets the pinned certificate of this server; its next one is asked about as on first use. */
    public synchronized void forget(String host, int port) throws IOException {
        Properties pins = PrivateFiles.read(file);
        if (pins.remove(key(host, port)) != null) {
            PrivateFiles.write(file, pins, "Parley: server certificates trusted on first use (SHA-256)");
        }
    }

    private Properties pins() {
        try {
            return PrivateFiles.read(file);
        } catch (IOException | IllegalArgumentException e) {
            // A damaged pin file must not let a changed certificate through: refuse until it is readable.
            throw damaged(e);
        }
    }

    private UncheckedIOException damaged(Exception e) {
        return new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The pin kept under {@code host:port}; the last colon, as an IPv6 host ({@code [::1]}) has its own. */
    private static Pin parse(String key, String fingerprint) {
        int colon = key.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("no port in \"" + key + "\"");
        }
        return new Pin(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)), fingerprint);
    }
}
