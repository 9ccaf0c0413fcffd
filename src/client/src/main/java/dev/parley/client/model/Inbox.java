package dev.parley.client.model;

import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The signed-in user's conversations, as the list shows them. Changed only on the JavaFX thread. */
public final class Inbox {
    private final ObservableList<ConversationItem> conversations = FXCollections.observableArrayList(
            item -> new javafx.beans.Observable[] {item.lastActivityProperty(), item.unreadProperty(),
                item.previewProperty(), item.peerNameProperty()});

    public ObservableList<ConversationItem> conversations() {
        return conversations;
    }

    public Optional<ConversationItem> find(long id) {
        return conversations.stream().filter(c -> c.id() == id).findFirst();
    }

    public int totalUnread() {
        return conversations.stream().mapToInt(c -> c.unreadProperty().get()).sum();
    }
}
