package dev.parley.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import dev.parley.protocol.Sticker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stickers in the local cache: kept through the outbox, the server's copy and a restart. */
class StickerStoreTest {
    private static final Sticker JOY = new Sticker("moods", "joy", "😂");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dir;

    @Test
    void anOwnStickerSurvivesTheOutboxTheServersCopyAndARestart() {
        UUID clientId = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        try (LocalStore store = LocalStore.open(dir)) {
            store.upsert(new dev.parley.protocol.ConversationSummary(7, new dev.parley.protocol.UserProfile("bob",
                    "Bob", now), 0, 0, 0, null, false, null));
            StoredMessage queued = store.enqueueSticker(7, clientId, "alice", JOY, now, null);
            assertThat(queued.sticker()).isEqualTo(JOY);
            assertThat(store.outbox().get(0).sticker()).isEqualTo(JOY);
            assertThat(store.conversation(7).orElseThrow().lastSticker()).isTrue();

            store.apply(new Message(7, 1, "alice", clientId, "", now, MessageKind.TEXT, null, false, List.of(), null,
                    null, List.of(), null, null, JOY));
        }
        try (LocalStore reopened = LocalStore.open(dir)) {
            StoredMessage kept = reopened.messages(7, null, 10).get(0);
            assertThat(kept.sticker()).isEqualTo(JOY);
            assertThat(kept.text()).isEmpty();
            assertThat(reopened.outbox()).isEmpty();
            StoredConversation conversation = reopened.conversation(7).orElseThrow();
            assertThat(conversation.lastSticker()).isTrue();
            assertThat(conversation.lastText()).isEqualTo("😂");
        }
    }

    @Test
    void anImportedStickerKeepsItsMediaIdAndUnsendingClearsIt() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        Sticker imported = new Sticker("imported.0123456789abcdef", "cat", null, SHA);
        UUID clientId = UUID.randomUUID();
        try (LocalStore store = LocalStore.open(dir)) {
            store.upsert(new dev.parley.protocol.ConversationSummary(7, new dev.parley.protocol.UserProfile("bob",
                    "Bob", now), 0, 0, 0, null, false, null));
            store.apply(new Message(7, 1, "bob", clientId, "", now, MessageKind.TEXT, null, false, List.of(), null,
                    null, List.of(), null, null, imported));
            assertThat(store.message(7, 1).orElseThrow().sticker().mediaId()).isEqualTo(SHA);

            store.apply(new Message(7, 2, "bob", UUID.randomUUID(), "", now, MessageKind.UNSEND, 1L, false));

            assertThat(store.message(7, 1).orElseThrow().sticker()).isNull();
            assertThat(store.conversation(7).orElseThrow().lastSticker()).isFalse();
        }
    }
}
