package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodecTest {
    static final Codec CODEC = new Codec();
    static final Instant AT = Instant.parse("2026-11-25T09:30:00.123Z");
    static final UUID CLIENT_ID = UUID.fromString("3f2b8c1e-7d4a-4e0b-9a61-0c2d5e8f1a77");
    static final UserProfile ALICE = new UserProfile("alice", "Alice", AT);
    static final UserProfile MAYA = new UserProfile("maya", "Maya", AT, "Film and light", List.of("film",
            "photography"), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    static final Message MESSAGE = new Message(7, 42, "alice", CLIENT_ID, "hello 👋", AT);
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final ConversationSummary GROUP = new ConversationSummary(8, null, 3, 3, 0, null, false, null,
            new GroupInfo("Trip", "Be kind", SHA, 3, GroupRole.OWNER, false, false, 1));
    static final MediaItem PHOTO = new MediaItem(SHA, "image/jpeg", 123_456, 1200, 900);

    static Stream<Request> everyRequest() {
        return Stream.of(
                new Request.Hello(1, "tok"),
                new Request.Hello(1, null),
                new Request.Register("alice", "Alice", "correct horse", "laptop"),
                new Request.Login("alice", "correct horse", null),
                new Request.Logout(),
                new Request.PasswordChange("correct horse", "battery staple"),
                new Request.SessionList(),
                new Request.SessionRevoke(3L),
                new Request.UserGet("bob"),
                new Request.ConversationOpen("bob"),
                new Request.ConversationList(),
                new Request.MessageSend(7L, CLIENT_ID, "hello 👋"),
                new Request.MessageRead(7L, 42L),
                new Request.MessageHistory(7L, 100L, 50),
                new Request.MessageHistory(7L, null, null),
                new Request.Sync(Map.of(7L, 41L, 9L, 0L)),
                new Request.UserSearch("@bo", 1, 10),
                new Request.UserFollow("bob"),
                new Request.UserUnfollow("bob"),
                new Request.UserBlock("bob"),
                new Request.UserUnblock("bob"),
                new Request.BlockList(),
                new Request.FriendList(),
                new Request.PrivacyGet(),
                new Request.PrivacySet(DmPolicy.NO_ONE),
                new Request.RequestAccept(7L),
                new Request.RequestDecline(7L),
                new Request.PrivacySet(null, true, PresenceVisibility.NOBODY),
                new Request.MessageUnsend(7L, 42L),
                new Request.MessageReact(7L, 42L, "👍🏽"),
                new Request.MessageReact(7L, 42L, "👨‍👩‍👧"),
                new Request.MessageReact(7L, 42L, "1️⃣"),
                new Request.MessageReact(7L, 42L, null),
                new Request.MessagePin(7L, 42L, true),
                new Request.MessagePin(7L, 42L, false),
                new Request.MessageSend(7L, CLIENT_ID, "Friday", null, 41L),
                new Request.MessageSend(7L, CLIENT_ID, "you two should talk", null, null, "maya"),
                new Request.MessageSend(7L, CLIENT_ID, null, null, null, "maya"),
                Request.MessageSend.sticker(7L, CLIENT_ID, new Sticker("moods", "joy", "😂"), null),
                Request.MessageSend.sticker(7L, CLIENT_ID, new Sticker("imported.4f2a", "cat-01", null, SHA), 41L),
                new Request.PollCreate(7L, CLIENT_ID, "Which day?", List.of("Friday", "Saturday"), true, true),
                new Request.PollVote(7L, 42L, List.of(0, 1)),
                new Request.PollVote(7L, 42L, List.of()),
                new Request.PollClose(7L, 42L),
                Request.MessageSend.offer(7L, CLIENT_ID, new Offer("20% off", "Mugs", "MUG-20",
                        java.time.Instant.parse("2026-12-01T09:00:00Z")), "for you"),
                Request.MessageSend.offer(7L, CLIENT_ID, new Offer("Open studio", null, null,
                        java.time.Instant.parse("2026-12-01T09:00:00Z")), null),
                Request.MessageSend.proposal(7L, CLIENT_ID, new Proposal("A video", "Kiln", "Editing", "Reach",
                        "Topic", "Two weeks", "One video"), null),
                new Request.ProposalRespond(7L, 42L, ProposalStatus.ACCEPTED),
                new Request.ProposalRespond(7L, 42L, ProposalStatus.WITHDRAWN),
                new Request.ScheduleCreate(new Request.MessageSend(7L, CLIENT_ID, "Happy birthday!"),
                        java.time.Instant.parse("2026-12-01T09:00:00Z"), false),
                new Request.ScheduleCreate(new Request.MessageSend(7L, CLIENT_ID, "", List.of(new MediaRef(SHA))),
                        java.time.Instant.parse("2026-12-01T09:00:00Z"), true),
                new Request.ScheduleList(7L),
                new Request.ScheduleList(null),
                new Request.ScheduleUpdate(3L, "new text", null),
                new Request.ScheduleUpdate(3L, null, java.time.Instant.parse("2026-12-02T08:30:00Z")),
                new Request.ScheduleCancel(3L),
                new Request.ScheduleSendNow(3L),
                new Request.QuickReplyList(),
                new Request.QuickReplySave(null, "prices", "Hi {first_name}! My rates are on my profile."),
                new Request.QuickReplySave(4L, "thanks", "Thank you!"),
                new Request.QuickReplyDelete(4L),
                new Request.QuickReplyOrder(List.of(5L, 4L)),
                new Request.ContactGet("bob"),
                new Request.ContactSet("bob", Map.of("city", "Porto")),
                new Request.ContactSet("bob", Map.of()),
                new Request.ContactCardGet("bob"),
                new Request.ContactCardSet("bob", List.of("vip", "collab"), "Met at the fair"),
                new Request.LabelList(),
                new Request.SegmentList(),
                new Request.SegmentSave(null, "Customers", List.of("customer"), true, 30),
                new Request.SegmentDelete(4L),
                new Request.BroadcastPreview(4L, new BroadcastContent("Hi {first_name}!")),
                new Request.BroadcastSend(CLIENT_ID, 4L, new BroadcastContent("Hi {first_name}!")),
                new Request.BroadcastList(),
                new Request.BroadcastGet(2L),
                new Request.InsightsGet(java.time.LocalDate.parse("2026-11-02"),
                        java.time.LocalDate.parse("2026-11-08"), "Europe/Lisbon"),
                new Request.Typing(7L),
                new Request.PresenceGet(),
                new Request.ReportCreate("bob", 7L, ReportReason.HARASSMENT, "keeps writing at night", true),
                new Request.ReportCreate("bob", null, ReportReason.IMPERSONATION, null, null),
                new Request.MessageSend(7L, CLIENT_ID, "at the beach", List.of(new MediaRef(SHA))),
                new Request.MessageSend(7L, CLIENT_ID, "", List.of(new MediaRef(SHA))),
                new Request.MessageSend(7L, CLIENT_ID, "", List.of(new MediaRef(SHA, SHA.replace('a', 'b')))),
                new Request.MediaBegin(SHA, 123_456L, "image/jpeg"),
                new Request.MediaCommit(CLIENT_ID),
                new Request.MediaAbort(CLIENT_ID),
                new Request.MediaGet(SHA, 0L, null),
                new Request.MediaGet(SHA, 196_608L, 1024),
                new Request.ProfileUpdate("Maya", "Film and light", List.of("film", "photography")),
                new Request.ProfileUpdate(null, "", null),
                new Request.ProfileUpdate(null, null, List.of()),
                new Request.ProfileAvatar("iVBORw0KGgo="),
                new Request.ProfileAvatar(null),
                new Request.UserSearch("#photo", 0, 50),
                new Request.UserCard("maya"),
                new Request.UserAvatar("maya"),
                new Request.GroupCreate(CLIENT_ID, "Trip to Lisbon", "Be kind", List.of("bob", "carol")),
                new Request.GroupCreate(CLIENT_ID, "Just me", null, List.of()),
                new Request.GroupAdd(7L, List.of("dana")),
                new Request.GroupRemove(7L, "dana"),
                new Request.GroupLeave(7L),
                new Request.GroupRoleSet(7L, "bob", GroupRole.ADMIN),
                new Request.GroupUpdate(7L, "Lisbon 2027", null),
                new Request.GroupUpdate(7L, null, ""),
                new Request.GroupAvatar(7L, "iVBORw0KGgo="),
                new Request.GroupAvatar(7L, null),
                new Request.GroupAvatarGet(7L),
                new Request.GroupMembers(7L),
                new Request.GroupMute(7L, "bob", true));
    }

    @Test
    void aReactionIsOneEmojiNotWords() {
        for (String notOne : List.of("nice", "👍 👍", "", "ok👍", "\u0007👍")) {
            assertThatThrownBy(() -> new Request.MessageReact(7L, 1L, notOne)).as(notOne)
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("one emoji");
        }
        assertThatThrownBy(() -> new Request.MessageReact(7L, 1L, "😀".repeat(17)))
                .isInstanceOf(ProtocolException.class);
        assertThat(new Request.MessageReact(7L, 1L, " 🇵🇹 ").emoji()).isEqualTo("🇵🇹");
    }

    @Test
    void aStickerNamesPackAndIdInASafeAlphabetAndCarriesNothingElse() {
        for (String bad : List.of("", "../moods", "/etc", "Moods", "a b", "x".repeat(49), ".hidden")) {
            assertThatThrownBy(() -> new Sticker(bad, "joy", null)).as(bad)
                    .isInstanceOf(ProtocolException.class)
                    .extracting(e -> ((ProtocolException) e).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        }
        assertThatThrownBy(() -> new Request.MessageSend(7L, CLIENT_ID, null, List.of(new MediaRef(SHA)), null, null,
                new Sticker("moods", "joy", null))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new Request.MessageSend(7L, CLIENT_ID, null, null, null, "maya",
                new Sticker("moods", "joy", null))).isInstanceOf(ProtocolException.class);
        Sticker sticker = new Sticker("moods", "joy", " 😂 ", SHA.toUpperCase());
        assertThat(sticker.emoji()).isEqualTo("😂");
        assertThat(sticker.mediaId()).isEqualTo(SHA);
        assertThat(Request.MessageSend.sticker(7L, CLIENT_ID, sticker, null).text()).isEmpty();
    }

    @Test
    void everyRequestTypeIsCovered() {
        assertThat(everyRequest().map(Codec::typeOf).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Codec.requestTypes());
    }

    @ParameterizedTest
    @MethodSource("everyRequest")
    void requestsRoundTrip(Request request) {
        String frame = CODEC.encodeRequest("req-1", request);

        Codec.Decoded decoded = CODEC.decodeRequest(frame);

        assertThat(decoded).isEqualTo(new Codec.Decoded.Ok("req-1", request));
    }

    static Stream<Object> everyReplyBody() {
        return Stream.of(
                new Reply.HelloResult(1, AT, ALICE, 3L),
                new Reply.HelloResult(1, AT, null, null),
                new Reply.AuthResult("tok", 3, ALICE),
                new Reply.Empty(),
                new Reply.Sessions(List.of(new SessionInfo(3, "laptop", AT, AT, true))),
                ALICE,
                new ConversationSummary(7, ALICE, 42, 40, 2, MESSAGE, false),
                new Reply.Conversations(List.of(new ConversationSummary(7, ALICE, 0, 0, 0, null, true))),
                new Reply.Relationship("bob", true, false, false, false),
                new Reply.Users(List.of(ALICE)),
                new Reply.SearchResults(List.of(ALICE), true),
                new Reply.Privacy(DmPolicy.FRIENDS, true, PresenceVisibility.FRIENDS),
                new Reply.Presence(List.of("bob")),
                new ConversationSummary(7, ALICE, 42, 40, 2, MESSAGE, false, 41L),
                new Reply.Sent(new Message(7, 43, "alice", CLIENT_ID, "", AT, MessageKind.UNSEND, 42L, false), false),
                new Reply.History(7, List.of(new Message(7, 42, "alice", CLIENT_ID, "", AT, MessageKind.TEXT, null,
                        true)), false),
                new Reply.Sent(MESSAGE, true),
                new Reply.ReadCursor(7, 42, 0),
                new Reply.History(7, List.of(MESSAGE), true),
                new Reply.SyncPage(List.of(MESSAGE), false),
                new Reply.ReportReceipt(12, AT, ReportReason.SCAM, "asked for my card", ALICE, 7L, List.of(MESSAGE),
                        true),
                new Reply.ReportReceipt(13, AT, ReportReason.OTHER, null, ALICE, null, List.of(), false),
                new Reply.UploadStarted(CLIENT_ID, 0),
                PHOTO,
                new MediaItem(SHA, "image/jpeg", 123_456, 1200, 900, new MediaItem(SHA.replace('a', 'b'),
                        "image/jpeg", 9_000, 320, 240)),
                new MediaItem(SHA, "video/mp4", 9_000_000, null, null),
                new Reply.Sent(new Message(7, 44, "alice", CLIENT_ID, "", AT, MessageKind.TEXT, null, false,
                        List.of(PHOTO)), false),
                new Reply.Sent(new Message(7, 45, "alice", CLIENT_ID, "", AT, MessageKind.TEXT, null, false,
                        List.of(), null, 44L, List.of(), null, null, new Sticker("moods", "joy", "😂", SHA)), false),
                MAYA,
                new Reply.SearchResults(List.of(MAYA, ALICE), false),
                new Reply.ProfileCard(MAYA, 12, 3, new Reply.Relationship("maya", true, true, true, false)),
                new Reply.AvatarImage("maya", MAYA.avatar(), "image/jpeg", "/9j/4AAQ"),
                GROUP,
                new Reply.GroupMembership(GROUP, List.of("bob"), List.of(new Reply.Refusal("carol",
                        ErrorCode.PRIVACY_DENIED, "this person accepts messages only from friends"))),
                new Reply.GroupChanged(GROUP, List.of(Message.system(8, 2, "alice", CLIENT_ID, AT,
                        new GroupChange(GroupAction.ADDED, List.of("bob", "carol"))))),
                new Reply.SyncPage(List.of(Message.system(8, 1, "alice", CLIENT_ID, AT,
                        new GroupChange(GroupAction.CREATED, List.of(), "Trip", "Be kind"))), false),
                new Reply.GroupMembers(8, List.of(new Reply.GroupMember(ALICE, GroupRole.OWNER, false, AT),
                        new Reply.GroupMember(MAYA, GroupRole.MEMBER, true, AT))),
                new Reply.GroupAvatarImage(8, SHA, "image/png", "iVBORw0KGgo="),
                new Reply.Scheduled(SCHEDULED),
                new Reply.ScheduledList(List.of(SCHEDULED, SKIPPED)),
                new Reply.ScheduledList(List.of()),
                new Reply.QuickReplies(List.of(new QuickReply(4, "prices", "Hi {first_name}!"))),
                new Reply.SavedQuickReply(new QuickReply(4, "prices", "Hi {first_name}!")),
                new Reply.Contact("bob", Map.of("city", "Porto")),
                new Insights(java.time.LocalDate.parse("2026-11-02"), java.time.LocalDate.parse("2026-11-02"), "UTC",
                        List.of(new Insights.Day(java.time.LocalDate.parse("2026-11-02"), 3, 4)),
                        new Insights.Conversations(1, 2, 1, 60_000L), new Insights.Requests(1, 0),
                        new Insights.Broadcasts(1, 10, 2, 3, 1),
                        java.util.Collections.nCopies(7, java.util.Collections.nCopies(24, 0))),
                new Insights(java.time.LocalDate.parse("2026-11-02"), java.time.LocalDate.parse("2026-11-02"), "UTC",
                        List.of(), new Insights.Conversations(0, 0, 0, null), new Insights.Requests(0, 0),
                        new Insights.Broadcasts(0, 0, 0, 0, 0), List.of()));
    }

    static final ScheduledMessage SCHEDULED = new ScheduledMessage(3, new Request.MessageSend(7L, CLIENT_ID,
            "Happy birthday!"), AT.plusSeconds(3_600), false, ScheduleStatus.PENDING, null, null, AT);
    static final ScheduledMessage SKIPPED = new ScheduledMessage(4, new Request.MessageSend(7L, CLIENT_ID,
            "Any news?"), AT, true, ScheduleStatus.SKIPPED, "this person isn't accepting your messages", null, AT);

    @ParameterizedTest
    @MethodSource("everyReplyBody")
    void replyBodiesRoundTrip(Object body) {
        ServerFrame frame = CODEC.decodeServerFrame(CODEC.encodeOk("req-1", body));

        assertThat(frame).isInstanceOf(ServerFrame.Ok.class);
        ServerFrame.Ok ok = (ServerFrame.Ok) frame;
        assertThat(ok.re()).isEqualTo("req-1");
        assertThat(CODEC.readBody(ok.body(), body.getClass())).isEqualTo(body);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void eventsRoundTrip(Event event) {
        assertThat(CODEC.decodeServerFrame(CODEC.encodeEvent(event))).isEqualTo(new ServerFrame.Pushed(event));
    }

    static Stream<Event> everyEvent() {
        return Stream.of(new Event.MessageEvent(MESSAGE), new Event.ReadEvent(7, 42, 0),
                new Event.PrivacyEvent(new Reply.Privacy(DmPolicy.EVERYONE, false, PresenceVisibility.NOBODY)),
                new Event.SeenEvent(7, 41), new Event.TypingEvent(7, "bob"), new Event.PresenceEvent("bob", true),
                new Event.UploadProgress(CLIENT_ID, 262_144),
                new Event.UploadRefused(CLIENT_ID, 262_144L, ErrorCode.CONFLICT, "expected offset 262144"),
                new Event.UploadRefused(CLIENT_ID, null, ErrorCode.NOT_FOUND, "no such upload"),
                new Event.ScheduledEvent(SCHEDULED),
                new Event.ScheduledEvent(new ScheduledMessage(5, new Request.MessageSend(7L, CLIENT_ID, "Sent"), AT,
                        false, ScheduleStatus.SENT, null, 44L, AT)),
                new Event.QuickRepliesEvent(List.of(new QuickReply(4, "prices", "Hi {first_name}!"))),
                new Event.ContactEvent("bob", Map.of("city", "Porto")));
    }

    @Test
    void errorsRoundTripWithTheirCode() {
        String frame = CODEC.encodeError("req-1",
                new ProtocolException(ErrorCode.RATE_LIMITED, "slow down", 1500L));

        assertThat(CODEC.decodeServerFrame(frame))
                .isEqualTo(new ServerFrame.Error("req-1", ErrorCode.RATE_LIMITED, "slow down", 1500L));
        assertThat(frame).contains("\"code\":\"rate_limited\"");
    }

    @Test
    void clientsReadRepliesFarLargerThanTheRequestFrameLimit() {
        List<Message> page = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> new Message(7, i + 1, "alice", UUID.randomUUID(), "x".repeat(500), AT)).toList();
        String frame = CODEC.encodeOk("req-1", new Reply.SyncPage(page, true));

        ServerFrame.Ok ok = (ServerFrame.Ok) CODEC.decodeServerFrame(frame);

        assertThat(frame.length()).isGreaterThan(Limits.MAX_FRAME_BYTES);
        assertThat(CODEC.readBody(ok.body(), Reply.SyncPage.class).messages()).hasSize(500);
    }

    @Test
    void instantsAreWrittenAsIsoText() throws Exception {
        JsonNode frame = new ObjectMapper().readTree(CODEC.encodeEvent(new Event.MessageEvent(MESSAGE)));

        assertThat(frame.at("/body/message/sentAt").asText()).isEqualTo("2026-11-25T09:30:00.123Z");
        assertThat(frame.at("/body/message/clientId").asText()).isEqualTo(CLIENT_ID.toString());
    }

    @Test
    void insightsPeriodsAreLocalDatesInANamedZone() throws Exception {
        String frame = CODEC.encodeRequest("r", new Request.InsightsGet(java.time.LocalDate.parse("2026-11-02"),
                java.time.LocalDate.parse("2026-11-08"), " +05:30 "));

        assertThat(new ObjectMapper().readTree(frame).get("body").toString())
                .isEqualTo("{\"from\":\"2026-11-02\",\"to\":\"2026-11-08\",\"zone\":\"+05:30\"}");
        assertThatThrownBy(() -> new Request.InsightsGet(java.time.LocalDate.parse("2026-11-02"),
                java.time.LocalDate.parse("2026-11-01"), "UTC")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new Request.InsightsGet(java.time.LocalDate.parse("2026-01-01"),
                java.time.LocalDate.parse("2027-01-02"), "UTC")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new Request.InsightsGet(java.time.LocalDate.parse("2026-01-01"),
                java.time.LocalDate.parse("2026-01-02"), "Nowhere/Land")).isInstanceOf(ProtocolException.class);
    }

    @Test
    void repliesAndEventsIgnoreFieldsFromANewerServer() {
        String frame = "{\"re\":\"r\",\"type\":\"ok\",\"newTopLevel\":1,\"body\":{\"conversationId\":7,\"readSeq\":4,"
                + "\"unread\":0,\"futureField\":{\"x\":1}}}";

        ServerFrame.Ok ok = (ServerFrame.Ok) CODEC.decodeServerFrame(frame);

        assertThat(CODEC.readBody(ok.body(), Reply.ReadCursor.class)).isEqualTo(new Reply.ReadCursor(7, 4, 0));
        assertThat(CODEC.decodeServerFrame("{\"type\":\"evt.from_the_future\",\"body\":{}}"))
                .isEqualTo(new ServerFrame.Unknown("evt.from_the_future"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"v\":1,\"id\":\"a\",\"type\":\"conv.list\",\"body\":{},\"extra\":true}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"user.get\",\"body\":{\"handle\":\"bob\",\"nickname\":\"b\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.read\",\"body\":{\"conversationId\":\"7\",\"seq\":1}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"user.get\",\"body\":{\"handle\":7}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"conv.list\",\"body\":[]}",
        "{\"v\":\"1\",\"id\":\"a\",\"type\":\"conv.list\"}",
        "{\"v\":1,\"id\":\"a\",\"type\":null}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.history\",\"body\":{\"conversationId\":7,\"limit\":101}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"sync\",\"body\":{\"cursors\":{\"7\":-1}}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"sync\",\"body\":{\"cursors\":{\"seven\":1}}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"privacy.set\",\"body\":{}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"privacy.set\",\"body\":{\"presence\":\"everyone\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"privacy.set\",\"body\":{\"readReceipts\":\"yes\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.unsend\",\"body\":{\"conversationId\":7,\"seq\":0}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.unsend\",\"body\":{\"conversationId\":7}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"typing\",\"body\":{\"conversationId\":-1}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"report.create\",\"body\":{\"handle\":\"bob\",\"reason\":\"rude\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"report.create\",\"body\":{\"handle\":\"bob\",\"reason\":\"SPAM\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"report.create\",\"body\":{\"handle\":\"bob\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"report.create\",\"body\":{\"handle\":\"bob\",\"reason\":\"spam\","
            + "\"block\":\"yes\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"report.create\",\"body\":{\"handle\":\"bob\",\"reason\":\"spam\","
            + "\"conversationId\":0}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"media.begin\",\"body\":{\"sha256\":\"abc\",\"size\":1,\"mime\":\"image/png\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"media.begin\",\"body\":{\"sha256\":\"" + SHA + "\",\"size\":0,"
            + "\"mime\":\"image/png\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"media.begin\",\"body\":{\"sha256\":\"" + SHA + "\",\"size\":10,"
            + "\"mime\":\"image/webp\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"media.commit\",\"body\":{\"uploadId\":\"nope\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"media.get\",\"body\":{\"mediaId\":\"" + SHA + "\",\"length\":196609}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.send\",\"body\":{\"conversationId\":7,\"clientId\":\""
            + "3f2b8c1e-7d4a-4e0b-9a61-0c2d5e8f1a77\",\"text\":\"x\",\"media\":[]}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"profile.update\",\"body\":{}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.send\",\"body\":{\"conversationId\":7,\"clientId\":\""
            + "3f2b8c1e-7d4a-4e0b-9a61-0c2d5e8f1a77\",\"sticker\":{\"pack\":\"../etc\",\"id\":\"joy\"}}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.send\",\"body\":{\"conversationId\":7,\"clientId\":\""
            + "3f2b8c1e-7d4a-4e0b-9a61-0c2d5e8f1a77\",\"sticker\":{\"pack\":\"moods\"}}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.send\",\"body\":{\"conversationId\":7,\"clientId\":\""
            + "3f2b8c1e-7d4a-4e0b-9a61-0c2d5e8f1a77\",\"sticker\":{\"pack\":\"moods\",\"id\":\"joy\","
            + "\"mediaId\":\"not-a-hash\"}}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.send\",\"body\":{\"conversationId\":7,\"clientId\":\""
            + "3f2b8c1e-7d4a-4e0b-9a61-0c2d5e8f1a77\",\"text\":\"hi\",\"sticker\":{\"pack\":\"moods\",\"id\":\"joy\"}}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.send\",\"body\":{\"conversationId\":7,\"clientId\":\""
            + "3f2b8c1e-7d4a-4e0b-9a61-0c2d5e8f1a77\",\"sticker\":{\"pack\":\"moods\",\"id\":\"Joy\"}}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"msg.send\",\"body\":{\"conversationId\":7,\"clientId\":\""
            + "3f2b8c1e-7d4a-4e0b-9a61-0c2d5e8f1a77\",\"sticker\":{\"pack\":\"moods\",\"id\":\"joy\",\"emoji\":\"lol\"}}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"profile.update\",\"body\":{\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"profile.update\",\"body\":{\"tags\":[\"photo graphy\"]}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"profile.update\",\"body\":{\"tags\":[\"x\"]}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"profile.update\",\"body\":{\"tags\":\"film\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"profile.update\",\"body\":{\"tags\":[null]}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"profile.update\",\"body\":{\"bio\":7}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"profile.update\",\"body\":{\"avatar\":\"x\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"profile.avatar\",\"body\":{\"image\":\"not base64!\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"user.search\",\"body\":{\"query\":\"#\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"user.search\",\"body\":{\"query\":\"#film-noir\"}}",
        "{\"v\":1,\"id\":\"a\",\"type\":\"user.card\",\"body\":{}}",
    })
    void strictRequestReadingRefusesWhatAClientShouldNotSend(String frame) {
        Codec.Decoded decoded = CODEC.decodeRequest(frame);

        assertThat(decoded).isInstanceOf(Codec.Decoded.Failed.class);
        Codec.Decoded.Failed failed = (Codec.Decoded.Failed) decoded;
        assertThat(failed.id()).isEqualTo("a");
        assertThat(failed.error().code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "null", "{\"v\":1,\"type\":\"conv.list\"}", "{\"v\":1,\"id\":7}",
        "{\"v\":1,\"id\":\"\"}"})
    void framesWithoutAUsableIdFailWithoutOne(String frame) {
        Codec.Decoded decoded = CODEC.decodeRequest(frame);

        assertThat(decoded).isEqualTo(new Codec.Decoded.Failed(null,
                ((Codec.Decoded.Failed) decoded).error()));
        assertThat(((Codec.Decoded.Failed) decoded).error().code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void deeplyNestedJsonIsRefusedBeforeBinding() {
        String nested = "[".repeat(500) + "]".repeat(500);
        String frame = "{\"v\":1,\"id\":\"a\",\"type\":\"conv.list\",\"body\":{\"x\":" + nested + "}}";

        Codec.Decoded decoded = CODEC.decodeRequest(frame);

        assertThat(decoded).isInstanceOf(Codec.Decoded.Failed.class);
        assertThat(((Codec.Decoded.Failed) decoded).error().code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void aReportNoteLongerThanTheLimitIsTooLargeAndABlankOneIsAbsent() {
        String tooLong = "x".repeat(Limits.MAX_REPORT_NOTE_CHARS + 1);

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ProtocolException.class,
                () -> new Request.ReportCreate("bob", 7L, ReportReason.SPAM, tooLong, false)).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(new Request.ReportCreate("bob", 7L, ReportReason.SPAM, "   ", null))
                .isEqualTo(new Request.ReportCreate("bob", 7L, ReportReason.SPAM, null, false));
    }

    @Test
    void documentsAreIndentedJsonInWireNames() throws Exception {
        Reply.ReportReceipt receipt = new Reply.ReportReceipt(12, AT, ReportReason.SCAM, null, ALICE, 7L,
                List.of(MESSAGE), false);

        String document = CODEC.encodeDocument(receipt);
        JsonNode read = new ObjectMapper().readTree(document);

        assertThat(document).contains("\n  \"reportId\" : 12");
        assertThat(read.get("reason").asText()).isEqualTo("scam");
        assertThat(read.at("/evidence/0/sentAt").asText()).isEqualTo("2026-11-25T09:30:00.123Z");
        assertThat(read.has("note")).isFalse();
    }

    @Test
    void validationRunsOnTheClientSideToo() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ProtocolException.class,
                () -> new Request.MessageSend(7L, CLIENT_ID, "x".repeat(Limits.MAX_TEXT_CHARS + 1))).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(new Request.Register(" Alice.B ", "Alice", "12345678", null).handle()).isEqualTo("alice.b");
    }

    @Test
    void tagsAreNormalisedAndABlankBioClears() {
        Request.ProfileUpdate update = new Request.ProfileUpdate(null, "   ", List.of("#Photography", " film ",
                "photography"));

        assertThat(update.tags()).containsExactly("photography", "film");
        assertThat(update.bio()).isEmpty();
        assertThat(new Request.UserSearch(" #Photo ", null, null).tag()).isEqualTo("photo");
        assertThat(new Request.UserSearch("photo", null, null).tag()).isNull();
    }

    @Test
    void aLongBioAndABigPictureAreTooLarge() {
        String bio = "é".repeat(Limits.MAX_BIO_CHARS + 1);
        String picture = java.util.Base64.getEncoder().encodeToString(new byte[Limits.MAX_AVATAR_BYTES + 3]);

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ProtocolException.class,
                () -> new Request.ProfileUpdate(null, bio, null)).code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ProtocolException.class,
                () -> new Request.ProfileAvatar(picture)).code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(new Request.ProfileUpdate(null, "é".repeat(Limits.MAX_BIO_CHARS), null).bio()).hasSize(160);
    }

    @Test
    void aProfileWithoutExtrasHasNoEmptyFieldsOnTheWire() throws Exception {
        JsonNode body = new ObjectMapper().readTree(CODEC.encodeOk("r", ALICE)).get("body");

        assertThat(body.has("tags")).isFalse();
        assertThat(body.has("bio")).isFalse();
        assertThat(body.has("avatar")).isFalse();
        assertThat(CODEC.readBody(body, UserProfile.class).tags()).isEmpty();
    }
}
