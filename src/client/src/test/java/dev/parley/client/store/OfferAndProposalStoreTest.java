package dev.parley.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offers and proposals in the local cache: kept with their status through the outbox, events and a restart. */
class OfferAndProposalStoreTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Offer OFFER = new Offer("20% off mugs", "This week only", "MUG-20", NOW.plusSeconds(7200));
    static final Proposal PROPOSAL = new Proposal("A joint video", "Studio", "Editing", "Reach", "A topic",
            "Two weeks", "One video");

    @TempDir
    Path dir;

    static Message carrying(long seq, String sender, UUID clientId, Offer offer, Proposal proposal) {
        return new Message(7, seq, sender, clientId, "", NOW, MessageKind.TEXT, null, false, List.of(), null, null,
                List.of(), null, null, null, offer, proposal);
    }

    static Message answer(long seq, long target, String by, ProposalStatus status) {
        return new Message(7, seq, by, UUID.randomUUID(), status.wireName(), NOW.plusSeconds(60),
                MessageKind.PROPOSAL_UPDATE, target, false, List.of(), null, null, List.of(), null, null, null, null,
                PROPOSAL.withStatus(status, NOW.plusSeconds(60)));
    }

    @Test
    void offersAndAnsweredProposalsSurviveARestart() {
        UUID offerId = UUID.randomUUID();
        try (LocalStore store = open()) {
            StoredMessage queued = store.enqueueCarrying(7, offerId, "alice", "", NOW, OFFER, null);
            assertThat(store.outbox().get(0).offer()).isEqualTo(OFFER);
            assertThat(queued.offer()).isEqualTo(OFFER);
            assertThat(store.conversation(7).orElseThrow().lastText()).isEqualTo("20% off mugs");
            store.apply(carrying(1, "alice", offerId, OFFER, null));
            store.apply(carrying(2, "bob", UUID.randomUUID(), null, PROPOSAL));
            store.apply(answer(3, 2, "alice", ProposalStatus.ACCEPTED));
        }
        try (LocalStore reopened = open()) {
            List<StoredMessage> kept = reopened.messages(7, null, 10);
            assertThat(kept).hasSize(2);
            assertThat(kept.get(0).offer()).isEqualTo(OFFER);
            assertThat(reopened.outbox()).isEmpty();
            Proposal proposal = kept.get(1).proposal();
            assertThat(proposal.idea()).isEqualTo("A joint video");
            assertThat(proposal.status()).isEqualTo(ProposalStatus.ACCEPTED);
            assertThat(proposal.statusAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(reopened.proposals()).extracting(m -> m.proposal().status())
                    .containsExactly(ProposalStatus.ACCEPTED);
        }
    }

    @Test
    void anAnswerHeardBeforeTheProposalItselfIsNotUndoneByAnOlderPendingCopy() {
        try (LocalStore store = open()) {
            store.apply(answer(3, 2, "bob", ProposalStatus.DECLINED));
            store.apply(carrying(2, "alice", UUID.randomUUID(), null, PROPOSAL));

            assertThat(store.message(7, 2).orElseThrow().proposal().status()).isEqualTo(ProposalStatus.DECLINED);
        }
    }

    @Test
    void unsendingAProposalOrOfferErasesIt() {
        try (LocalStore store = open()) {
            store.apply(carrying(1, "alice", UUID.randomUUID(), OFFER, null));
            store.apply(carrying(2, "alice", UUID.randomUUID(), null, PROPOSAL));
            store.apply(new Message(7, 3, "alice", UUID.randomUUID(), "", NOW, MessageKind.UNSEND, 1L, false));
            store.apply(new Message(7, 4, "alice", UUID.randomUUID(), "", NOW, MessageKind.UNSEND, 2L, false));

            assertThat(store.message(7, 1).orElseThrow().offer()).isNull();
            assertThat(store.message(7, 2).orElseThrow().proposal()).isNull();
            assertThat(store.proposals()).isEmpty();
        }
    }

    @Test
    void aCacheFromBeforeOffersKeepsItsMessagesAndTheirSearchThroughTheUpgrade() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("cache.db");
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null)
                .locations("classpath:dev/parley/client/store/migration").target("14").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement sql = c.createStatement()) {
            sql.execute("INSERT INTO messages (conversation_id, seq, client_id, sender, text, sent_at, status)"
                    + " VALUES (7, 1, 'c1', 'bob', 'The glaze order is in', 1, 'SENT')");
        }

        try (LocalStore store = open()) {
            assertThat(store.find(7, SearchTerms.of("glaze"), 10)).containsExactly(1L);
            store.apply(carrying(2, "alice", UUID.randomUUID(), null, PROPOSAL));
            store.apply(answer(3, 2, "bob", ProposalStatus.ACCEPTED));
            assertThat(store.message(7, 2).orElseThrow().proposal().status()).isEqualTo(ProposalStatus.ACCEPTED);
            store.apply(new Message(7, 4, "bob", UUID.randomUUID(), "more glaze please", NOW));
            assertThat(store.find(7, SearchTerms.of("glaze"), 10)).containsExactly(4L, 1L);
        }
    }

    private LocalStore open() {
        LocalStore store = LocalStore.open(dir);
        store.upsert(new ConversationSummary(7, new UserProfile("bob", "Bob", NOW), 0, 0, 0, null, false, null));
        return store;
    }
}
