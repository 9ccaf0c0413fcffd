package dev.parley.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pinned server certificates as Settings lists them. */
class KnownServersTest {
    private static final String FIRST = "AA:".repeat(31) + "AA";
    private static final String SECOND = "BB:".repeat(31) + "BB";

    @TempDir
    Path dataDir;

    @Test
    void forgettingOneOfTwoPinsListsTheOther() throws Exception {
        KnownServers known = KnownServers.in(dataDir);
        known.pin("chat.example.org", 7447, FIRST);
        known.pin("Home.Example.org", 443, SECOND);

        known.forget("chat.example.org", 7447);

        assertThat(known.all()).containsExactly(new KnownServers.Pin("home.example.org", 443, SECOND));
    }

    @Test
    void pinsAreListedByHostThenPort() throws Exception {
        KnownServers known = KnownServers.in(dataDir);
        known.pin("zulu.example.org", 443, FIRST);
        known.pin("alpha.example.org", 8443, SECOND);
        known.pin("alpha.example.org", 443, FIRST);
        known.pin("[::1]", 7447, SECOND);

        assertThat(known.all()).extracting(KnownServers.Pin::server).containsExactly("[::1]:7447",
                "alpha.example.org:443", "alpha.example.org:8443", "zulu.example.org:443");
    }

    @Test
    void noFileMeansNoPins() {
        assertThat(KnownServers.in(dataDir).all()).isEmpty();
    }

    @Test
    void aDamagedFileIsAnErrorNotAnEmptyList() throws Exception {
        KnownServers known = KnownServers.in(dataDir);
        Files.writeString(known.file(), "chat.example.org\\:7447=\\u12G4\n");

        assertThatThrownBy(known::all).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(known.file().toString());
        assertThatThrownBy(() -> known.pinned("chat.example.org", 7447)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aPinWithoutAPortIsAnErrorNotASkippedLine() throws Exception {
        KnownServers known = KnownServers.in(dataDir);
        known.pin("chat.example.org", 7447, FIRST);
        Files.writeString(known.file(), "chat.example.org=" + SECOND + "\n", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(known::all).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(known.file().toString());
    }
}
