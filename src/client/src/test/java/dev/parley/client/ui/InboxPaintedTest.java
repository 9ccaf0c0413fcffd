package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class InboxPaintedTest extends AppTest {
    private final ChatScreen screen = new ChatScreen(this);
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.parley.client.ui.conversations.InboxPainted");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        logger.setLevel(null);
        logger.setAdditive(true);
    }

    @Test
    void theFirstFrameWithConversationsIsLoggedOnceForTheBenchmarks() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            bob.send(conversation, "See you Saturday");
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> !paintedLines().isEmpty());

            bob.send(conversation, "Bring the map");
            waitUntil(() -> screen.preview("Bob Marsh").contains("Bring the map"));

            assertThat(paintedLines()).singleElement().asString()
                    .matches("inbox painted \\d+ ms after the process started; 1 conversations");
        }
    }

    private List<String> paintedLines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.startsWith("inbox painted")).toList();
    }
}
