package dev.parley.client.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.client.net.ConnectionState;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.sync.PreparedMedia;
import dev.parley.client.testing.Peer;
import dev.parley.client.testing.TestServer;
import dev.parley.protocol.UserProfile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting a conversation through a real session and server: JSON, HTML and the media folder. */
class HistoryExportTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tempDir;
    private TestServer server;
    private Peer alice;
    private Peer bob;
    private ChatSession bobSession;
    private long conversation;

    @BeforeEach
    void bobAndAliceWithHistory() {
        server = new TestServer(tempDir.resolve("server"));
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        Peer.befriend(alice, bob);
        conversation = alice.open("bob");
        alice.sendMany(conversation, IntStream.rangeClosed(1, 240).mapToObj(i -> "message " + i).toList());
        alice.send(conversation, "<b>not bold</b> & \"quoted\"");
        bobSession = new ChatSession(server.uri(), bob.token(), new UserProfile("bob", "Bob Marsh", Instant.EPOCH),
                tempDir.resolve("bob-cache"), Runnable::run, Clock.systemUTC());
        bobSession.start();
        await().atMost(WAIT).until(() -> bobSession.stateProperty().get() == ConnectionState.ONLINE);
    }

    @AfterEach
    void close() {
        bobSession.close();
        alice.close();
        bob.close();
        server.close();
    }

    HistoryExport export() {
        return new HistoryExport(HistoryExport.Source.of(bobSession), "bob");
    }

    static HistoryExport.Progress quietly() {
        return new HistoryExport.Progress() {
            @Override
            public void progress(double done, String step) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    @Test
    void anExportRoundTripsEveryMessageAndItsMedia() throws Exception {
        byte[] png = png();
        StoredMessage photo = bobSession.sendPhotos(conversation, List.of(PreparedMedia.of(png, "image/png", 40, 30)),
                "the print").sent().get(30, TimeUnit.SECONDS);
        Path html = tempDir.resolve("out").resolve("Parley - Alice.html");
        Files.createDirectories(html.getParent());

        HistoryExport.Result result = export().export(List.of(new ExportedChat.Header(conversation, "Alice Liddell",
                "alice", false)), html, quietly());

        JsonNode json = new ObjectMapper().readTree(result.json().toFile());
        JsonNode messages = json.at("/conversations/0/messages");
        assertThat(messages).hasSize(242);
        assertThat(messages.get(0).get("text").asText()).isEqualTo("message 1");
        assertThat(messages.get(0).get("seq").asLong()).isEqualTo(1);
        assertThat(messages.get(241).get("text").asText()).isEqualTo("the print");
        String file = messages.get(241).at("/media/0/file").asText();
        assertThat(Files.readAllBytes(result.mediaDir().resolve(file))).isEqualTo(png);
        assertThat(result.messages()).isEqualTo(242);
        assertThat(result.mediaFiles()).isEqualTo(1);
        String page = Files.readString(html);
        assertThat(page).contains("message 240", "&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot;",
                "src=\"Parley - Alice_files/" + file + "\"");
        assertThat(page).doesNotContain("<b>not bold</b>");
        assertThat(photo.media()).hasSize(1);
    }

    @Test
    void cancellingRemovesEverythingTheExportWrote() throws Exception {
        Path html = tempDir.resolve("out").resolve("chat.html");
        Files.createDirectories(html.getParent());
        HistoryExport.Progress cancelAfterFirstPage = new HistoryExport.Progress() {
            private volatile boolean gotSome;

            @Override
            public void progress(double done, String step) {
                gotSome = true;
            }

            @Override
            public boolean cancelled() {
                return gotSome;
            }
        };

        assertThatThrownBy(() -> export().export(List.of(new ExportedChat.Header(conversation, "Alice", "alice",
                false)), html, cancelAfterFirstPage)).isInstanceOf(CancellationException.class);

        try (Stream<Path> left = Files.list(html.getParent())) {
            assertThat(left).isEmpty();
        }
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            image.setRGB(x, x % 30, 0x3366cc);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
