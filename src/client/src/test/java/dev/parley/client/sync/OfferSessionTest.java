package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.net.ConnectionState;
import dev.parley.client.store.LocalStore;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.MutableClock;
import dev.parley.client.testing.Peer;
import dev.parley.client.testing.TwoSessionsTest;
import dev.parley.client.ui.offers.Countdown;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import dev.parley.protocol.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Offers and proposals through two real sessions and a real server. Each session has its own clock, moved by hand:
 * an offer expires on both devices at its time, and a proposal's answer reaches both, also after being away.
 */
class OfferSessionTest extends TwoSessionsTest {
    final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final MutableClock aliceClock = new MutableClock(start);
    final MutableClock bobClock = new MutableClock(start);

    @Override
    protected ChatSession session(Peer peer, String name) {
        return new ChatSession(server.uri(), peer.token(), new UserProfile(peer.handle(), name, Instant.EPOCH),
                tempDir.resolve(peer.handle() + "-cache"), Runnable::run,
                peer.handle().equals("alice") ? aliceClock : bobClock);
    }

    @Test
    void anOfferExpiresOnBothDevicesAtItsTime() throws Exception {
        Instant end = start.plus(Duration.ofHours(2));
        alice.sendOffer(conversationId, new Offer("20% off mugs", "This week only", "MUG-20", end), null)
                .get(10, TimeUnit.SECONDS);
        Offer onAlice = awaitMessage(alice, m -> m.offer() != null && m.seq() > 0).offer();
        Offer onBob = awaitMessage(bob, m -> m.offer() != null).offer();
        assertThat(onBob).isEqualTo(onAlice);
        assertThat(onBob.code()).isEqualTo("MUG-20");

        assertThat(Countdown.text(onAlice.expiresAt(), alice.clock().instant())).isEqualTo("Ends in 2 h");
        assertThat(Countdown.text(onBob.expiresAt(), bob.clock().instant())).isEqualTo("Ends in 2 h");

        aliceClock.set(end.minusSeconds(61));
        bobClock.set(end.minusSeconds(61));
        assertThat(Countdown.text(onAlice.expiresAt(), alice.clock().instant())).isEqualTo("Ends in 1 min");
        assertThat(Countdown.expired(onBob.expiresAt(), bob.clock().instant())).isFalse();

        aliceClock.set(end);
        bobClock.set(end);
        assertThat(Countdown.expired(onAlice.expiresAt(), alice.clock().instant())).isTrue();
        assertThat(Countdown.text(onBob.expiresAt(), bob.clock().instant())).isEqualTo("Expired");
    }

    @Test
    void anAcceptedProposalShowsOnBothDevicesAndStaysAcceptedAfterARestart() throws Exception {
        alice.sendProposal(conversationId, new Proposal("A joint video", "Studio", "Editing", null, null,
                "Two weeks", "One video"), null).get(10, TimeUnit.SECONDS);
        long seq = awaitMessage(bob, m -> m.proposal() != null).seq();
        assertThat(awaitMessage(bob, m -> m.proposal() != null).proposal().status())
                .isEqualTo(ProposalStatus.PENDING);

        bob.respondToProposal(conversationId, seq, ProposalStatus.ACCEPTED).get(10, TimeUnit.SECONDS);

        awaitMessage(alice, m -> m.proposal() != null && m.proposal().status() == ProposalStatus.ACCEPTED);
        awaitMessage(bob, m -> m.proposal() != null && m.proposal().status() == ProposalStatus.ACCEPTED);
        assertThat(aliceSees).anyMatch(m -> m.seq() == seq && m.proposal() != null
                && m.proposal().status() == ProposalStatus.ACCEPTED);
        assertThat(alice.proposals().get(10, TimeUnit.SECONDS)).extracting(m -> m.proposal().status())
                .containsExactly(ProposalStatus.ACCEPTED);

        alice.close();
        // What the next start shows first comes from the cache alone.
        try (LocalStore cache = LocalStore.open(tempDir.resolve("alice-cache"))) {
            StoredMessage kept = cache.proposals().get(0);
            assertThat(kept.proposal().status()).isEqualTo(ProposalStatus.ACCEPTED);
            assertThat(kept.proposal().idea()).isEqualTo("A joint video");
        }
        alice = session(alicePeer, "Alice");
    }

    @Test
    void aDeviceThatWasAwayCatchesUpOnTheAnswer() throws Exception {
        alice.sendProposal(conversationId, new Proposal("Pop-up shop", null, null, null, null, null, null), null)
                .get(10, TimeUnit.SECONDS);
        long seq = awaitMessage(bob, m -> m.proposal() != null).seq();
        awaitMessage(alice, m -> m.proposal() != null && m.seq() == seq);
        alice.close();

        bob.respondToProposal(conversationId, seq, ProposalStatus.DECLINED).get(10, TimeUnit.SECONDS);
        alice = session(alicePeer, "Alice");
        alice.start();
        await().atMost(WAIT).until(() -> alice.stateProperty().get() == ConnectionState.ONLINE);

        StoredMessage caughtUp = awaitMessage(alice, m -> m.proposal() != null
                && m.proposal().status() == ProposalStatus.DECLINED);
        assertThat(caughtUp.seq()).isEqualTo(seq);
    }

    private static StoredMessage awaitMessage(ChatSession session, Predicate<StoredMessage> wanted) {
        await().atMost(WAIT).until(() -> find(session, wanted) != null);
        return find(session, wanted);
    }

    private static StoredMessage find(ChatSession session, Predicate<StoredMessage> wanted) {
        try {
            List<StoredMessage> messages = session.loadMessages(session.inbox().conversations().get(0).id(), null, 50)
                    .get(10, TimeUnit.SECONDS);
            return messages.stream().filter(wanted).findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }
}
