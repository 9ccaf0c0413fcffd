package dev.parley.protocol;

import java.util.UUID;

/** Server pushes, sent as {@code {"type":"evt.…","body":…}} with no request id. */
public sealed interface Event {

    /** A message was stored in one of the recipient's conversations (also sent to the sender's devices). */
    record MessageEvent(Message message) implements Event {
    }

    /** The user's privacy settings changed (on any device). */
    record PrivacyEvent(DmPolicy dmPolicy, boolean readReceipts, PresenceVisibility presence) implements Event {
        public PrivacyEvent(Reply.Privacy privacy) {
            this(privacy.dmPolicy(), privacy.readReceipts(), privacy.presence());
        }

        public Reply.Privacy privacy() {
            return new Reply.Privacy(dmPolicy, readReceipts, presence);
        }
    }

    /** The other person in a 1:1 conversation has read up to {@code readSeq} (both share read receipts). */
    record SeenEvent(long conversationId, long readSeq) implements Event {
    }

    /** Someone is typing in a conversation; it lapses after a few seconds without another one. */
    record TypingEvent(long conversationId, String handle) implements Event {
    }

    /** A friend came online or went offline (both share presence). */
    record PresenceEvent(String handle, boolean online) implements Event {
    }

    /**
     * The user's read cursor in a conversation after a {@code msg.read}, sent to all of that user's
     * connections so every device shows the same unread count.
     */
    record ReadEvent(long conversationId, long readSeq, int unread) implements Event {
    }

    /** The server has appended a chunk: it holds {@code offset} bytes of the upload, in order. */
    record UploadProgress(UUID uploadId, long offset) implements Event {
    }

    /**
     * A chunk was refused and nothing of it was kept. {@code offset} is where the server's copy ends (send
     * from there), or null when the upload id is unknown to the caller: begin again with {@code media.begin}.
     */
    record UploadRefused(UUID uploadId, Long offset, ErrorCode code, String message) implements Event {
    }

    /**
     * One of the user's scheduled messages or follow-ups was created, changed, sent, skipped or cancelled; every
     * session of its author hears of it, so each device shows the same list.
     */
    record ScheduledEvent(ScheduledMessage scheduled) implements Event {
    }

    /** The user's quick replies changed (on any of their devices): here they are, in order. */
    record QuickRepliesEvent(java.util.List<QuickReply> templates) implements Event {
    }

    /** The user's custom fields about a person changed on one of their devices. */
    record ContactEvent(String handle, java.util.Map<String, String> fields) implements Event {
    }

    /** The user's labels or note about a person changed, or that person opted out of the user's broadcasts. */
    record ContactCardEvent(ContactCard card) implements Event {
    }

    /** The user's segments changed (on any of their devices): here they all are. */
    record SegmentsEvent(java.util.List<Segment> segments) implements Event {
    }

    /** One of the user's broadcasts was created or its results changed (sent, skipped, a reply, an opt-out). */
    record BroadcastEvent(Broadcast broadcast) implements Event {
    }
}
