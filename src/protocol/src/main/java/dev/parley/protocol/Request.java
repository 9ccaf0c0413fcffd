package dev.parley.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request a client may send, as the body of an envelope {@code {"v":1,"id":…,"type":…,"body":…}}.
 * Constructors validate their fields and throw {@link ProtocolException}, so a record that exists is valid.
 */
public sealed interface Request {

    /** First frame of a connection: checks the protocol version and, with a token, resumes a session. */
    record Hello(Integer protocol, String token) implements Request {
        public Hello {
            present(protocol, "protocol");
            if (token != null && token.isBlank()) {
                token = null;
            }
        }
    }

    /** Creates an account and a device session for it. */
    record Register(String handle, String displayName, String password, String device) implements Request {
        public Register {
            handle = Check.handle(handle, "handle");
            displayName = Check.text(displayName, "displayName", Limits.MAX_DISPLAY_NAME_CHARS);
            password = Check.newPassword(password, "password");
            device = Check.optionalText(device, "device", Limits.MAX_DEVICE_NAME_CHARS);
        }
    }

    /** Signs in with handle and password, creating a device session. */
    record Login(String handle, String password, String device) implements Request {
        public Login {
            handle = Check.lookupHandle(handle, "handle");
            password = Check.password(password);
            device = Check.optionalText(device, "device", Limits.MAX_DEVICE_NAME_CHARS);
        }
    }

    /**
     * Changes the signed-in account's password: {@code current} must be right; {@code password} follows the rules
     * of registration. The account's other sessions end.
     */
    record PasswordChange(String current, String password) implements Request {
        public PasswordChange {
            current = Check.password(current, "current");
            password = Check.newPassword(password, "password");
        }
    }

    /** Ends the current session; its token stops working. */
    record Logout() implements Request {
    }

    /** Lists the caller's device sessions. */
    record SessionList() implements Request {
    }

    /** Ends one of the caller's sessions, closing its connections. */
    record SessionRevoke(Long sessionId) implements Request {
        public SessionRevoke {
            Check.positive(sessionId, "sessionId");
        }
    }

    /** Looks up a user's public profile by handle. */
    record UserGet(String handle) implements Request {
        public UserGet {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    /** Gets or creates the 1:1 conversation with a user. */
    record ConversationOpen(String handle) implements Request {
        public ConversationOpen {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    /** Lists the caller's conversations, most recently active first. */
    record ConversationList() implements Request {
    }

    /**
     * Sends a message; {@code clientId} makes a resend safe. Text is stripped of surrounding space. With
     * {@code media} (1–{@value Limits#MAX_MEDIA_PER_MESSAGE} items) the text is their caption: it may be empty
     * and holds at most {@value Limits#MAX_CAPTION_CHARS} characters. A {@code sticker} message has no text, media
     * or card.
     */
    record MessageSend(Long conversationId, UUID clientId, String text, List<MediaRef> media, Long replyTo,
            String card, Sticker sticker, Offer offer, Proposal proposal) implements Request {
        public MessageSend {
            Check.positive(conversationId, "conversationId");
            present(clientId, "clientId");
            if (replyTo != null) {
                Check.positive(replyTo, "replyTo");
            }
            if (offer != null || proposal != null) {
                // An offer or a proposal is the whole message: an optional comment, nothing else.
                if (offer != null && proposal != null || media != null || card != null || sticker != null) {
                    throw ProtocolException.badRequest(
                            "an offer or a proposal carries no media, card, sticker or second offer or proposal");
                }
                proposal = proposal == null ? null : proposal.content();
                text = text == null || text.isBlank() ? "" : Check.text(text, "text", Limits.MAX_CAPTION_CHARS);
            } else if (sticker != null) {
                if (media != null || card != null || text != null && !text.isBlank()) {
                    throw ProtocolException.badRequest("a sticker message carries no text, media or card");
                }
                text = "";
            } else if (card != null) {
                card = Check.handle(card, "card");
                if (media != null) {
                    throw ProtocolException.badRequest("a message shares a profile or carries media, not both");
                }
                text = text == null || text.isBlank() ? "" : Check.text(text, "text", Limits.MAX_CAPTION_CHARS);
            } else if (media == null) {
                text = Check.text(text, "text", Limits.MAX_TEXT_CHARS);
            } else {
                media = Check.mediaList(media);
                text = text == null || text.isBlank() ? "" : Check.text(text, "text", Limits.MAX_CAPTION_CHARS);
            }
        }

        /** A message that carries no offer and no proposal. */
        public MessageSend(Long conversationId, UUID clientId, String text, List<MediaRef> media, Long replyTo,
                String card, Sticker sticker) {
            this(conversationId, clientId, text, media, replyTo, card, sticker, null, null);
        }

        /** An offer with an optional comment. */
        public static MessageSend offer(Long conversationId, UUID clientId, Offer offer, String comment) {
            return new MessageSend(conversationId, clientId, comment, null, null, null, null,
                    present(offer, "offer"), null);
        }

        /** A collaboration proposal with an optional comment. */
        public static MessageSend proposal(Long conversationId, UUID clientId, Proposal proposal, String comment) {
            return new MessageSend(conversationId, clientId, comment, null, null, null, null, null,
                    present(proposal, "proposal"));
        }

        /** A message that is no sticker. */
        public MessageSend(Long conversationId, UUID clientId, String text, List<MediaRef> media, Long replyTo,
                String card) {
            this(conversationId, clientId, text, media, replyTo, card, null);
        }

        public MessageSend(Long conversationId, UUID clientId, String text, List<MediaRef> media, Long replyTo) {
            this(conversationId, clientId, text, media, replyTo, null, null);
        }

        /** A message that replies to nothing. */
        public MessageSend(Long conversationId, UUID clientId, String text, List<MediaRef> media) {
            this(conversationId, clientId, text, media, null, null, null);
        }

        /** A text message. */
        public MessageSend(Long conversationId, UUID clientId, String text) {
            this(conversationId, clientId, text, null, null, null, null);
        }

        /** A sticker, as a reply to {@code replyTo} (or none when null). */
        public static MessageSend sticker(Long conversationId, UUID clientId, Sticker sticker, Long replyTo) {
            return new MessageSend(conversationId, clientId, null, null, replyTo, null, present(sticker, "sticker"));
        }
    }

    /**
     * Sets the caller's reaction to message {@code seq}: one emoji (a new one replaces the caller's earlier
     * reaction), or none when {@code emoji} is absent. Setting what is already set changes nothing.
     */
    /**
     * Pins message {@code seq} to the top of the conversation ({@code pinned} true) or unpins it. In a direct
     * conversation either person may; in a group, owners and admins.
     */
    record MessagePin(Long conversationId, Long seq, Boolean pinned) implements Request {
        public MessagePin {
            Check.positive(conversationId, "conversationId");
            Check.positive(seq, "seq");
            present(pinned, "pinned");
        }
    }

    record MessageReact(Long conversationId, Long seq, String emoji) implements Request {
        public MessageReact {
            Check.positive(conversationId, "conversationId");
            Check.positive(seq, "seq");
            emoji = emoji == null ? null : Check.emoji(emoji, "emoji");
        }
    }

    /**
     * Starts a poll in a conversation: a question with {@value Limits#MIN_POLL_OPTIONS}–{@value
     * Limits#MAX_POLL_OPTIONS} distinct options, single choice unless {@code multiple}, naming voters unless
     * {@code anonymous}. Idempotent by {@code clientId} like {@link MessageSend}.
     */
    record PollCreate(Long conversationId, UUID clientId, String question, List<String> options, Boolean multiple,
            Boolean anonymous) implements Request {
        public PollCreate {
            Check.positive(conversationId, "conversationId");
            present(clientId, "clientId");
            question = Check.text(question, "question", Limits.MAX_POLL_QUESTION_CHARS);
            present(options, "options");
            if (options.size() < Limits.MIN_POLL_OPTIONS || options.size() > Limits.MAX_POLL_OPTIONS) {
                throw ProtocolException.badRequest("a poll has " + Limits.MIN_POLL_OPTIONS + "–"
                        + Limits.MAX_POLL_OPTIONS + " options");
            }
            options = options.stream().map(o -> Check.text(o, "options", Limits.MAX_POLL_OPTION_CHARS)).toList();
            if (options.stream().map(o -> o.toLowerCase(java.util.Locale.ROOT)).distinct().count() < options.size()) {
                throw ProtocolException.badRequest("a poll's options must differ");
            }
            multiple = Boolean.TRUE.equals(multiple);
            anonymous = Boolean.TRUE.equals(anonymous);
        }
    }

    /**
     * Sets the caller's vote in the poll with seq {@code seq} to these option indexes (from 0), replacing any earlier
     * vote; an empty list retracts it. A single-choice poll takes exactly one option.
     */
    record PollVote(Long conversationId, Long seq, List<Integer> options) implements Request {
        public PollVote {
            Check.positive(conversationId, "conversationId");
            Check.positive(seq, "seq");
            present(options, "options");
            if (options.stream().anyMatch(o -> o == null || o < 0 || o >= Limits.MAX_POLL_OPTIONS)
                    || options.stream().distinct().count() < options.size()) {
                throw ProtocolException.badRequest("'options' must be distinct option indexes");
            }
            options = options.stream().sorted().toList();
        }
    }

    /**
     * Answers or takes back the collaboration proposal with seq {@code seq}: its recipient may accept or decline it,
     * its sender withdraw it, each only while it is pending.
     */
    record ProposalRespond(Long conversationId, Long seq, ProposalStatus status) implements Request {
        public ProposalRespond {
            Check.positive(conversationId, "conversationId");
            Check.positive(seq, "seq");
            if (present(status, "status") == ProposalStatus.PENDING) {
                throw ProtocolException.badRequest("status must be accepted, declined or withdrawn");
            }
        }
    }

    /** Closes the poll with seq {@code seq}: no more votes; its results stay. */
    record PollClose(Long conversationId, Long seq) implements Request {
        public PollClose {
            Check.positive(conversationId, "conversationId");
            Check.positive(seq, "seq");
        }
    }

    /**
     * Asks the server to send {@code message} at {@code sendAt} (in the future, at most {@value
     * Limits#MAX_SCHEDULE_DAYS} days ahead), even when every device of the caller is offline then. A follow-up
     * ({@code followUp}) goes only to a direct conversation and is cancelled when the other person writes first.
     * Idempotent by the message's {@code clientId}, which the sent message keeps.
     */
    record ScheduleCreate(MessageSend message, Instant sendAt, Boolean followUp) implements Request {
        public ScheduleCreate {
            present(message, "message");
            present(sendAt, "sendAt");
            followUp = Boolean.TRUE.equals(followUp);
        }
    }

    /** The caller's pending scheduled messages and follow-ups, in one conversation or (without it) in all. */
    record ScheduleList(Long conversationId) implements Request {
        public ScheduleList {
            if (conversationId != null) {
                Check.positive(conversationId, "conversationId");
            }
        }
    }

    /** Changes a pending scheduled message's text (or caption) and/or its time; absent fields stay. */
    record ScheduleUpdate(Long id, String text, Instant sendAt) implements Request {
        public ScheduleUpdate {
            Check.positive(id, "id");
            if (text == null && sendAt == null) {
                throw ProtocolException.badRequest("give 'text', 'sendAt' or both");
            }
        }
    }

    /** Cancels a pending scheduled message or follow-up. */
    record ScheduleCancel(Long id) implements Request {
        public ScheduleCancel {
            Check.positive(id, "id");
        }
    }

    /** Sends a pending scheduled message now, as {@code msg.send} would. */
    record ScheduleSendNow(Long id) implements Request {
        public ScheduleSendNow {
            Check.positive(id, "id");
        }
    }

    /** The caller's quick replies, in their order. */
    record QuickReplyList() implements Request {
    }

    /**
     * Creates a quick reply ({@code id} absent) or changes one. The name is what follows {@code /} in the
     * composer: lower-case letters, digits, '-' and '_'; unique per person.
     */
    record QuickReplySave(Long id, String name, String text) implements Request {
        public QuickReplySave {
            if (id != null) {
                Check.positive(id, "id");
            }
            name = Check.keyword(name, "name", Limits.MAX_QUICK_REPLY_NAME_CHARS);
            text = Check.text(text, "text", Limits.MAX_TEXT_CHARS);
        }
    }

    record QuickReplyDelete(Long id) implements Request {
        public QuickReplyDelete {
            Check.positive(id, "id");
        }
    }

    /** Puts the caller's quick replies in this order; {@code ids} must name each of them once. */
    record QuickReplyOrder(List<Long> ids) implements Request {
        public QuickReplyOrder {
            present(ids, "ids");
            if (ids.stream().anyMatch(id -> id == null || id <= 0) || ids.stream().distinct().count() < ids.size()) {
                throw ProtocolException.badRequest("'ids' must be distinct positive ids");
            }
            ids = List.copyOf(ids);
        }
    }

    /** The caller's private details about a person (custom fields for quick replies). */
    record ContactGet(String handle) implements Request {
        public ContactGet {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    /**
     * Replaces the caller's custom fields about a person, e.g. {@code {"city":"Porto"}}; an empty map clears them.
     * Keys are lower-case words that are not built-in variables; values are short texts.
     */
    record ContactSet(String handle, Map<String, String> fields) implements Request {
        public ContactSet {
            handle = Check.lookupHandle(handle, "handle");
            fields = Check.contactFields(present(fields, "fields"));
        }
    }

    /** The caller's labels and note about a person, and whether they opted out of the caller's broadcasts. */
    record ContactCardGet(String handle) implements Request {
        public ContactCardGet {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    /** Replaces the caller's labels and note about a person (empty ones clear them). */
    record ContactCardSet(String handle, List<String> labels, String note) implements Request {
        public ContactCardSet {
            handle = Check.lookupHandle(handle, "handle");
            labels = Check.labels(labels == null ? List.of() : labels, "labels", Limits.MAX_CONTACT_LABELS);
            note = note == null ? "" : Check.atMost(note, "note", Limits.MAX_CONTACT_NOTE_CHARS);
        }
    }

    /** Every label the caller has put on anyone, most used first (suggestions while labelling). */
    record LabelList() implements Request {
    }

    record SegmentList() implements Request {
    }

    /**
     * Creates ({@code id} absent) or changes a segment: contacts with any of {@code labels} (none: any contact),
     * friends only if {@code friendsOnly}, and who wrote to the caller in the last {@code messagedWithinDays} days.
     */
    record SegmentSave(Long id, String name, List<String> labels, Boolean friendsOnly, Integer messagedWithinDays)
            implements Request {
        public SegmentSave {
            if (id != null) {
                Check.positive(id, "id");
            }
            name = Check.text(name, "name", Limits.MAX_SEGMENT_NAME_CHARS);
            labels = Check.labels(labels == null ? List.of() : labels, "labels", Limits.MAX_CONTACT_LABELS);
            friendsOnly = Boolean.TRUE.equals(friendsOnly);
            if (messagedWithinDays != null
                    && (messagedWithinDays < 1 || messagedWithinDays > Limits.MAX_SEGMENT_DAYS)) {
                throw ProtocolException.badRequest("'messagedWithinDays' must be 1–" + Limits.MAX_SEGMENT_DAYS);
            }
        }
    }

    record SegmentDelete(Long id) implements Request {
        public SegmentDelete {
            Check.positive(id, "id");
        }
    }

    /** What a broadcast to a segment would do: three rendered examples, the recipients, who is skipped and why. */
    record BroadcastPreview(Long segmentId, BroadcastContent content) implements Request {
        public BroadcastPreview {
            Check.positive(segmentId, "segmentId");
            present(content, "content");
        }
    }

    /** Sends a broadcast to a segment; {@code clientId} makes a resend answer the first one. */
    record BroadcastSend(UUID clientId, Long segmentId, BroadcastContent content) implements Request {
        public BroadcastSend {
            present(clientId, "clientId");
            Check.positive(segmentId, "segmentId");
            present(content, "content");
        }
    }

    /** The caller's broadcasts with their results, newest first. */
    record BroadcastList() implements Request {
    }

    /** One of the caller's broadcasts with each recipient's outcome. */
    record BroadcastGet(Long id) implements Request {
        public BroadcastGet {
            Check.positive(id, "id");
        }
    }

    /**
     * The caller's insights over the local dates {@code from}..{@code to} (both included) in the time zone
     * {@code zone} (an IANA id such as {@code Europe/Lisbon}, or an offset such as {@code +02:00}): at most
     * {@value Limits#MAX_INSIGHTS_DAYS} days.
     */
    record InsightsGet(java.time.LocalDate from, java.time.LocalDate to, String zone) implements Request {
        public InsightsGet {
            present(from, "from");
            present(to, "to");
            zone = Check.zone(zone, "zone");
            if (to.isBefore(from)) {
                throw ProtocolException.badRequest("'from' must not be after 'to'");
            }
            if (java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1 > Limits.MAX_INSIGHTS_DAYS) {
                throw ProtocolException.badRequest("a period is at most " + Limits.MAX_INSIGHTS_DAYS + " days");
            }
        }

        /** The zone as a {@link java.time.ZoneId} (valid by construction). */
        public java.time.ZoneId zoneId() {
            return java.time.ZoneId.of(zone);
        }
    }

    /** Moves the caller's read cursor forward to {@code seq}. */
    record MessageRead(Long conversationId, Long seq) implements Request {
        public MessageRead {
            Check.positive(conversationId, "conversationId");
            Check.notNegative(seq, "seq");
        }
    }

    /** A page of history before {@code beforeSeq} (exclusive; absent means newest), oldest first. */
    record MessageHistory(Long conversationId, Long beforeSeq, Integer limit) implements Request {
        public MessageHistory {
            Check.positive(conversationId, "conversationId");
            if (beforeSeq != null && beforeSeq <= 0) {
                throw ProtocolException.badRequest("'beforeSeq' must be positive");
            }
            if (limit == null) {
                limit = Limits.MAX_HISTORY_PAGE;
            }
            if (limit < 1 || limit > Limits.MAX_HISTORY_PAGE) {
                throw ProtocolException.badRequest("'limit' must be 1–" + Limits.MAX_HISTORY_PAGE);
            }
        }
    }

    /**
     * Asks for every message after the client's cursors (conversation id → last seq seen); conversations
     * not named are sent from the start. Answered in pages: repeat with updated cursors while {@code more}.
     */
    record Sync(Map<Long, Long> cursors) implements Request {
        public Sync {
            if (cursors == null) {
                cursors = Map.of();
            }
            if (cursors.values().stream().anyMatch(seq -> seq == null || seq < 0)) {
                throw ProtocolException.badRequest("cursors must be non-negative seqs");
            }
            cursors = Map.copyOf(cursors);
        }
    }

    /** Follows a user; following each other makes two people friends. */
    record UserFollow(String handle) implements Request {
        public UserFollow {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    record UserUnfollow(String handle) implements Request {
        public UserUnfollow {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    /**
     * Finds people by handle prefix or display name, best matches first, {@code limit} (≤ 50) per page.
     * People who blocked the caller, and people the caller blocked, never appear.
     */
    record UserSearch(String query, Integer page, Integer limit) implements Request {
        private static final Pattern TAG_PREFIX = Pattern.compile("#[a-z0-9_]{1,30}");

        public UserSearch {
            query = present(query, "query").strip();
            if (query.startsWith("@")) {
                query = query.substring(1);
            }
            if (query.isEmpty() || query.length() > Limits.MAX_DISPLAY_NAME_CHARS) {
                throw ProtocolException.badRequest("'query' must be 1–" + Limits.MAX_DISPLAY_NAME_CHARS
                        + " characters");
            }
            if (query.startsWith("#")) {
                query = "#" + Check.tag(query);
                if (!TAG_PREFIX.matcher(query).matches()) {
                    throw ProtocolException.badRequest("a '#' query must be followed by 1–30 of a-z, 0-9 and '_'");
                }
            }
            page = page == null ? 0 : page;
            limit = limit == null ? 20 : limit;
            if (page < 0 || page > 1_000) {
                throw ProtocolException.badRequest("'page' must be 0–1000");
            }
            if (limit < 1 || limit > Limits.MAX_SEARCH_PAGE) {
                throw ProtocolException.badRequest("'limit' must be 1–" + Limits.MAX_SEARCH_PAGE);
            }
        }

        /** The tag (prefix) searched for, without '#', or null when this is a search by name or handle. */
        public String tag() {
            return query.startsWith("#") ? query.substring(1) : null;
        }
    }

    /**
     * Changes the caller's own profile; absent fields stay as they are, at least one is required. A blank
     * {@code bio} clears it; {@code tags} replaces the whole set (an empty list removes all).
     */
    record ProfileUpdate(String displayName, String bio, List<String> tags) implements Request {
        public ProfileUpdate {
            if (displayName == null && bio == null && tags == null) {
                throw ProtocolException.badRequest("give at least one of displayName, bio, tags");
            }
            if (displayName != null) {
                displayName = Check.text(displayName, "displayName", Limits.MAX_DISPLAY_NAME_CHARS);
            }
            if (bio != null) {
                bio = Check.atMost(bio, "bio", Limits.MAX_BIO_CHARS);
            }
            tags = Check.tags(tags, "tags");
        }
    }

    /**
     * Sets the caller's picture from a small PNG or JPEG (base64, at most {@link Limits#MAX_AVATAR_BYTES}
     * decoded), or removes it when {@code image} is null. The server re-encodes it, which drops all metadata.
     */
    record ProfileAvatar(String image) implements Request {
        public ProfileAvatar {
            if (image != null) {
                decode(image);
            }
        }

        /** The picture's bytes, or null for "remove". */
        public byte[] bytes() {
            return image == null ? null : decode(image);
        }

        private static byte[] decode(String image) {
            return Check.avatar(image);
        }
    }

    /** A profile card: the profile, follower and following counts, and the caller's relationship. */
    record UserCard(String handle) implements Request {
        public UserCard {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    /** A user's picture, when they have one and the caller may see them. */
    record UserAvatar(String handle) implements Request {
        public UserAvatar {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    /** Blocks a user: they can no longer message the caller, find them or see their profile. */
    record UserBlock(String handle) implements Request {
        public UserBlock {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    record UserUnblock(String handle) implements Request {
        public UserUnblock {
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    /** Lists the caller's friends (people who follow the caller and whom the caller follows), by handle. */
    record FriendList() implements Request {
    }

    /** Lists the people the caller has blocked. */
    record BlockList() implements Request {
    }

    record PrivacyGet() implements Request {
    }

    /**
     * Changes the caller's privacy settings; absent fields stay as they are. Applies at once, on every
     * device.
     */
    record PrivacySet(DmPolicy dmPolicy, Boolean readReceipts, PresenceVisibility presence) implements Request {
        public PrivacySet {
            if (dmPolicy == null && readReceipts == null && presence == null) {
                throw ProtocolException.badRequest("give at least one of dmPolicy, readReceipts, presence");
            }
        }

        public PrivacySet(DmPolicy dmPolicy) {
            this(Check.present(dmPolicy, "dmPolicy"), null, null);
        }
    }

    /**
     * Unsends (deletes for everyone) one of the caller's own messages: the server erases its text and
     * appends an {@link MessageKind#UNSEND} tombstone with its own seq. Unsending twice is harmless.
     */
    record MessageUnsend(Long conversationId, Long seq) implements Request {
        public MessageUnsend {
            Check.positive(conversationId, "conversationId");
            Check.positive(seq, "seq");
        }
    }

    /** The caller is typing in a conversation; the other person sees it if both share presence. */
    record Typing(Long conversationId) implements Request {
        public Typing {
            Check.positive(conversationId, "conversationId");
        }
    }

    /** Which of the caller's friends are online now (only those who share presence, and only if the caller does). */
    record PresenceGet() implements Request {
    }

    /** Accepts a message request: the conversation moves to the main list and the sender may write freely. */
    record RequestAccept(Long conversationId) implements Request {
        public RequestAccept {
            Check.positive(conversationId, "conversationId");
        }
    }

    /** Deletes a message request: it leaves the caller's lists and the sender can send no more. */
    record RequestDecline(Long conversationId) implements Request {
        public RequestDecline {
            Check.positive(conversationId, "conversationId");
        }
    }

    /**
     * Reports someone, optionally with the conversation the reporter has with them (its last
     * {@link Limits#REPORT_EVIDENCE_MESSAGES} messages become the evidence) and optionally blocking them.
     */
    record ReportCreate(String handle, Long conversationId, ReportReason reason, String note, Boolean block)
            implements Request {
        public ReportCreate {
            handle = Check.lookupHandle(handle, "handle");
            if (conversationId != null) {
                Check.positive(conversationId, "conversationId");
            }
            present(reason, "reason");
            note = Check.optionalText(note, "note", Limits.MAX_REPORT_NOTE_CHARS);
            block = Boolean.TRUE.equals(block);
        }
    }

    /**
     * Starts (or resumes) an upload of {@code size} bytes whose SHA-256 is {@code sha256}. Too large for its
     * type is {@code too_large}; a type the server does not accept is {@code bad_request}.
     */
    record MediaBegin(String sha256, Long size, String mime) implements Request {
        public MediaBegin {
            sha256 = Check.sha256(sha256, "sha256");
            long bytes = Check.positive(size, "size");
            MediaType type = MediaType.fromMime(mime);
            mime = type.mime();
            if (bytes > type.maxBytes()) {
                throw new ProtocolException(ErrorCode.TOO_LARGE, mime + " uploads are limited to " + type.maxBytes()
                        + " bytes");
            }
        }

        public MediaType mediaType() {
            return MediaType.fromMime(mime);
        }
    }

    /** Finishes an upload whose bytes have all arrived: the server checks them and stores the media. */
    record MediaCommit(UUID uploadId) implements Request {
        public MediaCommit {
            present(uploadId, "uploadId");
        }
    }

    /** Gives up an upload in progress: the server drops its bytes at once (a cancelled photo, say). */
    record MediaAbort(UUID uploadId) implements Request {
        public MediaAbort {
            present(uploadId, "uploadId");
        }
    }

    /** Reads up to {@code length} bytes (≤ {@value Limits#MAX_MEDIA_READ_BYTES}; absent means that much) from {@code offset}. */
    record MediaGet(String mediaId, Long offset, Integer length) implements Request {
        public MediaGet {
            mediaId = Check.sha256(mediaId, "mediaId");
            offset = offset == null ? 0L : Check.notNegative(offset, "offset");
            length = length == null ? Limits.MAX_MEDIA_READ_BYTES : length;
            if (length < 1 || length > Limits.MAX_MEDIA_READ_BYTES) {
                throw ProtocolException.badRequest("'length' must be 1–" + Limits.MAX_MEDIA_READ_BYTES);
            }
        }
    }

    /**
     * Creates a group with the caller as owner and the people in {@code members} (who may be refused, each with
     * a reason, when their privacy does not let the caller add them). {@code clientId} makes a resend safe: it
     * answers with the group the first one created.
     */
    record GroupCreate(UUID clientId, String title, String description, List<String> members) implements Request {
        public GroupCreate {
            present(clientId, "clientId");
            title = Check.text(title, "title", Limits.MAX_GROUP_TITLE_CHARS);
            description = Check.optionalText(description, "description", Limits.MAX_GROUP_DESCRIPTION_CHARS);
            members = members == null || members.isEmpty() ? List.of()
                    : Check.handles(members, "members", Limits.MAX_GROUP_MEMBERS - 1);
        }
    }

    /** Adds people to a group (owners and admins); those the server refuses are listed with a reason. */
    record GroupAdd(Long conversationId, List<String> members) implements Request {
        public GroupAdd {
            Check.positive(conversationId, "conversationId");
            members = Check.handles(members, "members", Limits.MAX_GROUP_MEMBERS - 1);
        }
    }

    /** Removes a member from a group (owners, and admins for plain members). */
    record GroupRemove(Long conversationId, String handle) implements Request {
        public GroupRemove {
            Check.positive(conversationId, "conversationId");
            handle = Check.lookupHandle(handle, "handle");
        }
    }

    /** The caller leaves a group; an owner who leaves hands ownership to the longest-standing admin or member. */
    record GroupLeave(Long conversationId) implements Request {
        public GroupLeave {
            Check.positive(conversationId, "conversationId");
        }
    }

    /** Makes a member an admin, or an admin a plain member again. Ownership only passes when the owner leaves. */
    record GroupRoleSet(Long conversationId, String handle, GroupRole role) implements Request {
        public GroupRoleSet {
            Check.positive(conversationId, "conversationId");
            handle = Check.lookupHandle(handle, "handle");
            if (present(role, "role") == GroupRole.OWNER) {
                throw ProtocolException.badRequest("'role' must be admin or member");
            }
        }
    }

    /**
     * Renames a group or changes its description (its rules); absent fields stay as they are, at least one is
     * required, and a blank description removes it.
     */
    record GroupUpdate(Long conversationId, String title, String description) implements Request {
        public GroupUpdate {
            Check.positive(conversationId, "conversationId");
            if (title == null && description == null) {
                throw ProtocolException.badRequest("give at least one of title, description");
            }
            if (title != null) {
                title = Check.text(title, "title", Limits.MAX_GROUP_TITLE_CHARS);
            }
            if (description != null) {
                description = Check.atMost(description, "description", Limits.MAX_GROUP_DESCRIPTION_CHARS);
            }
        }
    }

    /** Sets a group's picture, like {@link ProfileAvatar}, or removes it when {@code image} is null. */
    record GroupAvatar(Long conversationId, String image) implements Request {
        public GroupAvatar {
            Check.positive(conversationId, "conversationId");
            if (image != null) {
                Check.avatar(image);
            }
        }

        /** The picture's bytes, or null for "remove". */
        public byte[] bytes() {
            return image == null ? null : Check.avatar(image);
        }
    }

    /** A group's picture, for its members. */
    record GroupAvatarGet(Long conversationId) implements Request {
        public GroupAvatarGet {
            Check.positive(conversationId, "conversationId");
        }
    }

    /** The members of a group with their roles, for its members. */
    record GroupMembers(Long conversationId) implements Request {
        public GroupMembers {
            Check.positive(conversationId, "conversationId");
        }
    }

    /** Mutes a member (they may read but not send) or unmutes them. */
    record GroupMute(Long conversationId, String handle, Boolean muted) implements Request {
        public GroupMute {
            Check.positive(conversationId, "conversationId");
            handle = Check.lookupHandle(handle, "handle");
            present(muted, "muted");
        }
    }

    private static <T> T present(T value, String field) {
        return Check.present(value, field);
    }
}
