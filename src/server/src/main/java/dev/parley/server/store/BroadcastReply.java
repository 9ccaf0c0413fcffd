package dev.parley.server.store;

import dev.parley.protocol.Broadcast;
import dev.parley.protocol.ContactCard;
import java.util.List;

/**
 * What a message did to broadcasts its writer had received from the other person in the chat: the broadcasts
 * whose results changed (a reply, an opt-out) for their sender {@code senderId}; on an opt-out, the sender's
 * contact card of the writer and the one automatic notice appended in the chat (null if it could not be sent).
 */
public record BroadcastReply(long senderId, List<Broadcast> changed, ContactCard optedOut, Appended notice) {
    public BroadcastReply {
        changed = List.copyOf(changed);
    }
}
