package dev.parley.client.model;

import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The signed-in user's conversations, as the list shows them. Changed only on the JavaFX thread. */
public final class Inbox {
    private final ObservableList<ConversationItem> conversations = FXCollections.observableArrayList(
            item -> new javafx.beans.Observable[] {item.lastActivityProperty(), item.unreadProperty(),
                item.previewProperty(), item.peerNameProperty(), item.requestProperty()});

    public ObservableList<ConversationItem> conversations() {
        return conversations;
    }

    public Optional<ConversationItem> find(long id) {
        return conversations.stream().filter(c -> c.id() == id).findFirst();
    }

    /** Unread messages in accepted conversations; message requests wait quietly and are not counted. */
    public int totalUnread() {
        return conversations.stream().filter(c -> !c.requestProperty().get())
                .mapToInt(c -> c.unreadProperty().get()).sum();
    }
}
