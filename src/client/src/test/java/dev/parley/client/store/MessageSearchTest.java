package dev.parley.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding words in a conversation's cached messages through the full-text index. */
class MessageSearchTest {
    @TempDir
    Path dir;

    @Test
    void wordsAreFoundByPrefixIgnoringCaseAndAccentsNewestFirstInOneConversation() {
        try (LocalStore store = LocalStore.open(dir)) {
            store.apply(text(7, 1, "Meet me at the Café on Friday"));
            store.apply(text(7, 2, "Nothing to see"));
            store.apply(text(7, 3, "the cafe closes early, cafeteria instead?"));
            store.apply(text(8, 1, "Another chat's café"));

            assertThat(store.find(7, SearchTerms.of("CAF"), 10)).containsExactly(3L, 1L);
            assertThat(store.find(7, SearchTerms.of("café friday"), 10)).containsExactly(1L);
            assertThat(store.find(7, SearchTerms.of("\"quoted"), 10)).isEmpty();
            assertThat(store.find(8, SearchTerms.of("cafe"), 10)).containsExactly(1L);
        }
    }

    @Test
    void aWordTenThousandMessagesBackIsFoundAcrossEveryChatNewestFirst() {
        try (LocalStore store = LocalStore.open(dir)) {
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            store.apply(at(7, 1, "Shall we shoot at the pineapple farm?", start));
            for (int seq = 2; seq <= 10_001; seq++) {
                store.apply(at(7, seq, "ordinary message " + seq, start.plusSeconds(seq)));
            }
            store.apply(at(8, 1, "Pineapples are in season", start.plusSeconds(5)));

            List<StoredMessage> found = store.search(SearchTerms.of("pineapple"), 10);

            assertThat(found).extracting(m -> m.conversationId() + "/" + m.seq()).containsExactly("8/1", "7/1");
            assertThat(store.search(SearchTerms.of("ordinary 9999"), 10)).extracting(StoredMessage::seq)
                    .containsExactly(9999L);
            assertThat(store.search(SearchTerms.of(" "), 10)).isEmpty();
        }
    }

    @Test
    void anUnsentMessageIsNoLongerFound() {
        try (LocalStore store = LocalStore.open(dir)) {
            store.apply(text(7, 1, "The secret address is 12 Harbour Lane"));
            assertThat(store.find(7, SearchTerms.of("harbour"), 10)).containsExactly(1L);

            store.apply(new Message(7, 2, "bob", UUID.randomUUID(), "", Instant.now(), MessageKind.UNSEND, 1L, false,
                    List.of(), null, null, List.of(), null));

            assertThat(store.find(7, SearchTerms.of("harbour"), 10)).isEmpty();
        }
    }

    @Test
    void termsMarkTheWordsTheyStart() {
        SearchTerms terms = SearchTerms.of("  light, PERMIT ");
        String text = "Bring the lighthouse permit — Lightly!";
        assertThat(terms.find(text).stream().map(match -> text.substring(match.start(), match.end())))
                .containsExactly("lighthouse", "permit", "Lightly");
        assertThat(terms.indexQuery()).isEqualTo("\"light\"* \"permit\"*");
        assertThat(SearchTerms.of(" ,. ").isEmpty()).isTrue();
    }

    private static Message at(long conversation, long seq, String text, Instant sentAt) {
        return new Message(conversation, seq, "bob", UUID.randomUUID(), text, sentAt, MessageKind.TEXT, null,
                false, List.of(), null, null, List.of(), null);
    }

    private static Message text(long conversation, long seq, String text) {
        return new Message(conversation, seq, "bob", UUID.randomUUID(), text, Instant.now(), MessageKind.TEXT, null,
                false, List.of(), null, null, List.of(), null);
    }
}
