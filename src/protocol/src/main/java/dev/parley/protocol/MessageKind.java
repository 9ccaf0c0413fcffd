package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a stored message is: something someone wrote, or an event about an earlier message. */
public enum MessageKind {
    /** A text message. */
    TEXT,
    /** A tombstone: its sender unsent the message with seq {@code target}; clients erase that message. */
    UNSEND,
    /** A line about a group (who created, added, removed, left, promoted, renamed): details in {@code change}. */
    SYSTEM,
    /**
     * Its sender's reaction to the message with seq {@code target} is now {@code text} (one emoji), or gone when
     * the text is empty; clients update that message's reactions.
     */
    REACTION,
    /** Its sender pinned ({@code text} "pin") or unpinned ("unpin") the message with seq {@code target}. */
    PIN,
    /** A poll: its question is the text, its options and results are in {@code poll}. */
    POLL,
    /**
     * The poll with seq {@code target} has new results (a vote, a changed or retracted vote, or it closed): they
     * are in {@code poll}. Its sender is always the poll's author, so it never says who voted.
     */
    POLL_UPDATE,
    /**
     * The collaboration proposal with seq {@code target} changed status (accepted, declined or withdrawn): the
     * proposal with its new status is in {@code proposal}, and the sender is the person who acted.
     */
    PROPOSAL_UPDATE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MessageKind fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest(
                        "kind must be text, unsend, system, reaction, pin, poll, poll_update or proposal_update"));
    }
}
