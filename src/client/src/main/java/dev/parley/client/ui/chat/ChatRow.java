package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import java.time.LocalDate;

/**
 * A row of the chat list: a day separator, a message with its place in a run from one sender, or a group's
 * system line (a centred sentence).
 */
public sealed interface ChatRow {

    record Day(LocalDate day) implements ChatRow {
    }

    /**
     * {@code first}/{@code last}: the message opens/closes a run of messages from the same sender;
     * {@code seen}: it is the user's newest message the other person has read (with read receipts on).
     */
    record Bubble(MessageItem message, boolean first, boolean last, boolean seen) implements ChatRow {
    }

    /** A group's system line and the sentence it reads as. */
    record Line(MessageItem message, String text) implements ChatRow {
    }
}
