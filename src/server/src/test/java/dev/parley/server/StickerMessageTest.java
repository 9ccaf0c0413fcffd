package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.protocol.Sticker;
import dev.parley.server.testing.MediaWire;
import dev.parley.server.testing.TestImages;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stickers: a message of its own that names a pack and a sticker, and for imported packs the image's media. */
class StickerMessageTest extends TwoFriendsTest {

    @Test
    void aBuiltInStickerIsStoredOnceOnResendAndReachesTheRecipient() throws Exception {
        UUID clientId = UUID.randomUUID();
        Request.MessageSend send = Request.MessageSend.sticker(conversation, clientId,
                new Sticker("moods", "joy", "😂"), null);

        JsonNode sent = alice.ok(send).get("message");
        JsonNode again = alice.ok(send);
        JsonNode pushed = bob.awaitEvent(e -> e.at("/body/message/sticker/id").asText().equals("joy"));

        assertThat(sent.at("/sticker/pack").asText()).isEqualTo("moods");
        assertThat(sent.at("/sticker/emoji").asText()).isEqualTo("😂");
        assertThat(sent.has("mediaId")).isFalse();
        assertThat(sent.get("text").asText()).isEmpty();
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("message")).isEqualTo(sent);
        assertThat(pushed.at("/body/message")).isEqualTo(sent);
        JsonNode history = bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).at("/sticker/id").asText()).isEqualTo("joy");
        assertThat(bob.ok(new Request.ConversationList()).at("/conversations/0/unread").asInt()).isEqualTo(1);
    }

    @Test
    void anImportedStickersImageCanBeDownloadedByTheRecipient() throws Exception {
        byte[] png = TestImages.png(300, 300, 3);
        String mediaId = MediaWire.uploaded(alice, png, "image/png");

        JsonNode sent = alice.ok(Request.MessageSend.sticker(conversation, UUID.randomUUID(),
                new Sticker("imported.cats", "cat-01", null, mediaId), null)).get("message");

        assertThat(sent.at("/sticker/mediaId").asText()).isEqualTo(mediaId);
        assertThat(MediaWire.sha256(MediaWire.download(bob, mediaId, 64 * 1024))).isEqualTo(mediaId);
    }

    @Test
    void malformedStickersAreRefusedAsBadRequestAndNothingIsStored() {
        String badPack = "{\"conversationId\":" + conversation + ",\"clientId\":\"" + UUID.randomUUID()
                + "\",\"sticker\":{\"pack\":\"../../etc\",\"id\":\"passwd\"}}";
        String noId = "{\"conversationId\":" + conversation + ",\"clientId\":\"" + UUID.randomUUID()
                + "\",\"sticker\":{\"pack\":\"moods\"}}";

        assertThat(alice.rawRequest("msg.send", badPack).get("code").asText()).isEqualTo("bad_request");
        assertThat(alice.rawRequest("msg.send", noId).get("code").asText()).isEqualTo("bad_request");
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
    }

    @Test
    void aStickerImageTheSenderCannotUseIsNotFoundAndATooLargeOneIsBadRequest() throws Exception {
        WireClient carol = user("carol");
        String carols = MediaWire.uploaded(carol, TestImages.png(200, 200, 5), "image/png");
        String big = MediaWire.uploaded(alice, TestImages.png(900, 600, 6), "image/png");

        JsonNode notHers = alice.error(Request.MessageSend.sticker(conversation, UUID.randomUUID(),
                new Sticker("imported.cats", "cat-02", null, carols), null));
        JsonNode unknown = alice.error(Request.MessageSend.sticker(conversation, UUID.randomUUID(),
                new Sticker("imported.cats", "cat-03", null, "ab".repeat(32)), null));
        JsonNode tooBig = alice.error(Request.MessageSend.sticker(conversation, UUID.randomUUID(),
                new Sticker("imported.cats", "cat-04", null, big), null));

        assertThat(notHers.get("code").asText()).isEqualTo("not_found");
        assertThat(unknown.get("code").asText()).isEqualTo("not_found");
        assertThat(tooBig.get("code").asText()).isEqualTo("bad_request");
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
    }

    @Test
    void aStickerToSomeoneWhoBlockedTheSenderIsRefusedLikeAnyMessage() {
        bob.ok(new Request.UserBlock("alice"));

        JsonNode refused = alice.error(Request.MessageSend.sticker(conversation, UUID.randomUUID(),
                new Sticker("moods", "joy", "😂"), null));

        // As for text: the sender does not learn they were blocked.
        assertThat(refused.get("code").asText()).isEqualTo("privacy_denied");
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
    }

    @Test
    void anUnsentStickerLosesItsStickerForEveryone() throws Exception {
        long seq = alice.ok(Request.MessageSend.sticker(conversation, UUID.randomUUID(),
                new Sticker("moods", "joy", "😂"), null)).at("/message/seq").asLong();

        alice.ok(new Request.MessageUnsend(conversation, seq));

        JsonNode stored = bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages").get(0);
        assertThat(stored.get("unsent").asBoolean()).isTrue();
        assertThat(stored.has("sticker")).isFalse();
    }
}
