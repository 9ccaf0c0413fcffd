package dev.parley.protocol;

import java.time.Instant;
import java.util.List;

/** Bodies of {@code ok} replies, one record per kind of answer. */
public final class Reply {
    private Reply() {
    }

    /** Answer to {@code hello}: the server's version and, when a token was given, who is signed in. */
    public record HelloResult(int protocol, Instant serverTime, UserProfile user, Long sessionId) {
    }

    /** Answer to {@code auth.register} and {@code auth.login}: the new session's token, shown only once. */
    public record AuthResult(String token, long sessionId, UserProfile user) {
    }

    /** Answer with nothing to say, e.g. to {@code auth.logout}. */
    public record Empty() {
    }

    public record Sessions(List<SessionInfo> sessions) {
    }

    public record Conversations(List<ConversationSummary> conversations) {
    }

    /** Answer to {@code msg.send}: the stored message; {@code duplicate} when the client id was seen before. */
    public record Sent(Message message, boolean duplicate) {
    }

    /** Answer to {@code msg.read}: the read cursor after the request and what is still unread. */
    public record ReadCursor(long conversationId, long readSeq, int unread) {
    }

    /** Answer to {@code msg.history}: messages oldest first; {@code hasMore} when older ones exist. */
    public record History(long conversationId, List<Message> messages, boolean hasMore) {
    }

    /** The caller's relationship with another user. */
    public record Relationship(String handle, boolean following, boolean followedBy, boolean friends,
            boolean blocked) {
    }

    public record Users(List<UserProfile> users) {
    }

    /** Answer to {@code user.search}: one page, best matches first; {@code more} when another page exists. */
    public record SearchResults(List<UserProfile> users, boolean more) {
    }

    /** Answer to {@code user.card}: a profile with its follower and following counts and the caller's relationship. */
    public record ProfileCard(UserProfile user, int followers, int following, Relationship relationship) {
    }

    /** Answer to {@code user.avatar}: the picture whose SHA-256 hex is {@code avatar}, base64 in {@code image}. */
    public record AvatarImage(String handle, String avatar, String mime, String image) {
    }

    /** The caller's privacy settings. */
    public record Privacy(DmPolicy dmPolicy, boolean readReceipts, PresenceVisibility presence) {
    }

    /** Answer to {@code presence.get}: handles of the caller's friends who are online and share it. */
    public record Presence(List<String> online) {
    }

    /**
     * Answer to {@code report.create}: the report as the server stored it, with the reported profile and the
     * evidence (oldest first; empty without a conversation), so the reporter can keep a copy.
     */
    public record ReportReceipt(long reportId, Instant createdAt, ReportReason reason, String note,
            UserProfile reported, Long conversationId, List<Message> evidence, boolean blocked) {
    }

    /** Answer to {@code sync}: messages after the cursors in (conversation, seq) order; {@code more} to continue. */
    public record SyncPage(List<Message> messages, boolean more) {
    }

    /**
     * Answer to {@code media.begin}: where to send chunks, and the offset to send from ({@code size} when the
     * caller already stored this content, so {@code media.commit} may follow at once).
     */
    public record UploadStarted(java.util.UUID uploadId, long offset) {
    }

    /** Someone a group operation could not add, with the typed reason (as a send to them would be refused). */
    public record Refusal(String handle, ErrorCode code, String message) {
    }

    /**
     * Answer to {@code group.create} and {@code group.add}: the group as the caller now sees it, who was added,
     * and who was refused and why (nobody is added twice; a resent create answers the first one, adding nobody).
     */
    public record GroupMembership(ConversationSummary conversation, List<String> added, List<Refusal> refused) {
    }

    /**
     * Answer to the group requests that change it: the group as the caller now sees it, and the system lines
     * the change appended (empty when nothing changed, e.g. promoting an admin).
     */
    public record GroupChanged(ConversationSummary conversation, List<Message> lines) {
    }

    /** One member of a group. */
    public record GroupMember(UserProfile user, GroupRole role, boolean muted, Instant joinedAt) {
    }

    /** Answer to {@code group.members}: owner first, then admins, then members, each by handle. */
    public record GroupMembers(long conversationId, List<GroupMember> members) {
    }

    /** Answer to {@code group.avatar.get}: the picture whose SHA-256 hex is {@code avatar}, base64 in {@code image}. */
    public record GroupAvatarImage(long conversationId, String avatar, String mime, String image) {
    }

    /** Answer to {@code media.get}: {@code data} (base64 on the wire) starts at {@code offset} of {@code total} bytes. */
    public record MediaData(String mediaId, long offset, long total, byte[] data) {
    }

    /** One scheduled message or follow-up as it is now. */
    public record Scheduled(ScheduledMessage scheduled) {
    }

    /** Pending scheduled messages and follow-ups, soonest first. */
    public record ScheduledList(List<ScheduledMessage> scheduled) {
    }

    /** The user's quick replies, in their order. */
    public record QuickReplies(List<QuickReply> templates) {
    }

    public record SavedQuickReply(QuickReply template) {
    }

    /** The user's private details about a person. */
    public record Contact(String handle, java.util.Map<String, String> fields) {
    }

    /** Answer to {@code contact.card} and {@code contact.card.set}. */
    public record ContactCardReply(ContactCard card) {
    }

    /** Labels the user has put on anyone, most used first. */
    public record Labels(List<String> labels) {
    }

    /** The user's segments, by name. */
    public record Segments(List<Segment> segments) {
    }

    public record SavedSegment(Segment segment) {
    }

    /** One recipient's message as the server would send it. */
    public record BroadcastExample(String handle, String displayName, String text) {
    }

    /**
     * Answer to {@code broadcast.preview}: up to three rendered examples, how many would receive it, and how many
     * would be skipped by {@link SkipReason} wire name.
     */
    public record BroadcastPreview(List<BroadcastExample> examples, int recipients,
            java.util.Map<String, Integer> skipped) {
    }

    /** Answer to {@code broadcast.send}; {@code duplicate} when the client id was seen before. */
    public record BroadcastSent(Broadcast broadcast, boolean duplicate) {
    }

    public record Broadcasts(List<Broadcast> broadcasts) {
    }

    public record BroadcastDetail(Broadcast broadcast, List<BroadcastRecipient> recipients) {
    }
}
