package dev.parley.client.ui.chat;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.sync.Presence;
import dev.parley.client.ui.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableObjectValue;

/**
 * The line under the chat header's name: "typing…", "online", or the handle, as the person shares it; for a
 * group, how many members it has (or that the user is no longer in it).
 */
final class PeerStatus {
    private final StringBinding text;
    private final BooleanBinding active;

    PeerStatus(ObservableObjectValue<ConversationItem> conversation, Presence presence) {
        // Read through the select bindings themselves, so a change of count reaches the header.
        javafx.beans.binding.IntegerBinding members = Bindings.selectInteger(conversation, "memberCount");
        BooleanBinding left = Bindings.selectBoolean(conversation, "left");
        this.text = Bindings.createStringBinding(() -> {
            ConversationItem item = conversation.get();
            if (item == null) {
                return "";
            }
            if (item.group()) {
                return left.get() ? ViewLoader.text("group.left") : ViewLoader.text("group.members.count", members.get());
            }
            if (item.peerHandle().equals(presence.typing().get(item.id()))) {
                return ViewLoader.text("chat.peer.typing");
            }
            if (presence.online().contains(item.peerHandle())) {
                return ViewLoader.text("chat.peer.online");
            }
            return "@" + item.peerHandle();
        }, conversation, presence.online(), presence.typing(), members, left);
        this.active = Bindings.createBooleanBinding(() -> conversation.get() != null
                && (presence.online().contains(conversation.get().peerHandle())
                        || presence.typing().containsKey(conversation.get().id())),
                conversation, presence.online(), presence.typing());
    }

    StringBinding text() {
        return text;
    }

    /** Online or typing: the view shows it in the accent colour. */
    BooleanBinding active() {
        return active;
    }
}
