package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.Request;
import dev.parley.server.testing.GroupTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Offers work in groups like any message; a collaboration proposal is between two people only. */
class ProposalsInGroupsTest extends GroupTest {
    @Test
    void anOfferReachesEveryMemberOfAGroup() throws Exception {
        long group = createGroup("Makers", bob, carol);
        Offer offer = new Offer("Open studio", "Free entry", null, Instant.now().plusSeconds(3600));

        JsonNode sent = alice.ok(Request.MessageSend.offer(group, UUID.randomUUID(), offer, null)).get("message");

        assertThat(sent.at("/offer/title").asText()).isEqualTo("Open studio");
        assertThat(sent.at("/offer").has("code")).isFalse();
        assertThat(carol.awaitEvent(e -> e.at("/body/message/offer").isObject()).at("/body/message")).isEqualTo(sent);
    }

    @Test
    void aProposalInAGroupIsRefused() {
        long group = createGroup("Makers", bob, carol);

        JsonNode refused = alice.error(Request.MessageSend.proposal(group, UUID.randomUUID(),
                new Proposal("Group video", null, null, null, null, null, null), null));

        assertThat(code(refused)).isEqualTo("bad_request");
        assertThat(history(bob, group)).allSatisfy(m -> assertThat(m.has("proposal")).isFalse());
    }
}
