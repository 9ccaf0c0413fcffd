package dev.parley.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.Appended;
import dev.parley.server.store.jdbc.Rows;
import dev.parley.server.store.postgres.PostgresDatabase;
import dev.parley.server.testing.PostgresForTests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes answer one proposal at the same moment on PostgreSQL: the recipient accepts through one while the
 * sender withdraws through the other. The second to commit must find it answered, not overwrite the answer.
 */
class PostgresProposalRaceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    final String database = PostgresForTests.freshDatabase();

    @AfterEach
    void drop() {
        PostgresForTests.drop(database);
    }

    @Test
    void aWithdrawalRacingAnAcceptanceOnAnotherNodeIsRefusedAndTheAnswerStands() throws Exception {
        try (PostgresDatabase one = PostgresDatabase.open(database, null, null, 2);
                PostgresDatabase two = PostgresDatabase.open(database, null, null, 2)) {
            long alice = new SqliteAccountStore(one).createUser("alice", "Alice", "x", NOW).join().id();
            long bob = new SqliteAccountStore(one).createUser("bob", "Bob", "x", NOW).join().id();
            SqliteSocialStore social = new SqliteSocialStore(one);
            social.follow(alice, bob, NOW).join();
            social.follow(bob, alice, NOW).join();
            SqliteConversationStore store = new SqliteConversationStore(one);
            long chat = store.openDirect(alice, bob, NOW).join();
            long seq = store.append(chat, alice, UUID.randomUUID(), "", List.of(), null, null, null, null,
                    new Proposal("A joint video", "Studio", "Editing", "Reach", "A topic", "Two weeks", "One video"),
                    NOW).join().message().seq();

            CountDownLatch accepted = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            // Node one: bob accepts and holds his transaction open until told to commit.
            CompletableFuture<Appended> acceptance = one.writes().submit(c -> {
                Appended answer = Proposals.respond(c, chat, bob, seq, ProposalStatus.ACCEPTED, NOW);
                accepted.countDown();
                try {
                    commit.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return answer;
            });
            assertThat(accepted.await(10, TimeUnit.SECONDS)).isTrue();
            // Node two: alice withdraws meanwhile; she still reads "pending", then waits on bob's row lock.
            CompletableFuture<Appended> withdrawal = two.writes().submit(c ->
                    Proposals.respond(c, chat, alice, seq, ProposalStatus.WITHDRAWN, NOW));
            await("the withdrawal waits for the acceptance's lock").atMost(Duration.ofSeconds(10)).until(() ->
                    Rows.read(one.readers(), c -> Rows.one(c, "SELECT COUNT(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND wait_event_type = 'Lock'",
                            r -> r.getLong(1)).orElseThrow()) >= 1);
            commit.countDown();

            assertThat(acceptance.get(10, TimeUnit.SECONDS).message().proposal().status())
                    .isEqualTo(ProposalStatus.ACCEPTED);
            assertThat(withdrawal).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(ProtocolException.class,
                            refused -> assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT));
            String status = Rows.read(one.readers(), c -> Rows.one(c, "SELECT status FROM proposals"
                    + " WHERE conversation_id = ? AND seq = ?", r -> r.getString(1), chat, seq).orElseThrow());
            long answers = Rows.read(one.readers(), c -> Rows.one(c, "SELECT COUNT(*) FROM messages"
                    + " WHERE conversation_id = ? AND kind = 'proposal_update'", r -> r.getLong(1), chat)
                    .orElseThrow());
            assertThat(status).isEqualTo("accepted");
            assertThat(answers).as("one answer stored").isEqualTo(1);
        }
    }
}
