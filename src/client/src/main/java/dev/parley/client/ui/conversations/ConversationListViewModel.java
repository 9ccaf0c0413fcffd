package dev.parley.client.ui.conversations;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.model.Inbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/** The conversation list: sorted by last activity, filtered by the search text, with the selection. */
public final class ConversationListViewModel {
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final javafx.beans.property.BooleanProperty showingRequests =
            new javafx.beans.property.SimpleBooleanProperty(this, "showingRequests");
    private final javafx.beans.binding.IntegerBinding requestCount;
    private final ObjectProperty<ConversationItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final FilteredList<ConversationItem> filtered;
    private final SortedList<ConversationItem> sorted;
    private final Inbox inbox;

    public ConversationListViewModel(Inbox inbox) {
        this.inbox = inbox;
        this.filtered = new FilteredList<>(inbox.conversations());
        this.filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String query = filter.get().strip().toLowerCase(Locale.ROOT);
            boolean requests = showingRequests.get();
            return item -> item.requestProperty().get() == requests && (query.isEmpty() || matches(item, query));
        }, filter, showingRequests));
        this.requestCount = Bindings.createIntegerBinding(() -> (int) inbox.conversations().stream()
                .filter(item -> item.requestProperty().get()).count(), inbox.conversations());
        // The last request handled: back to the chats. After the change that removed it has reached every
        // listener: changing the filter from inside that change would refilter a list still being updated.
        requestCount.addListener((obs, old, count) -> {
            if (count.intValue() == 0) {
                javafx.application.Platform.runLater(() -> showingRequests.set(requestCount.get() > 0
                        && showingRequests.get()));
            }
        });
        this.sorted = new SortedList<>(filtered, Comparator.comparing(
                (ConversationItem item) -> item.lastActivityProperty().get() == null ? Instant.EPOCH
                        : item.lastActivityProperty().get()).reversed().thenComparing(ConversationItem::id,
                Comparator.reverseOrder()));
    }

    private static boolean matches(ConversationItem item, String query) {
        return item.peerNameProperty().get().toLowerCase(Locale.ROOT).contains(query)
                || item.peerHandle().contains(query)
                || item.previewProperty().get().toLowerCase(Locale.ROOT).contains(query);
    }

    public ObservableList<ConversationItem> conversations() {
        return sorted;
    }

    /** True when the user has no conversations at all (not merely none matching the search). */
    public boolean isInboxEmpty() {
        return inbox.conversations().isEmpty();
    }

    /** Whether the list shows message requests instead of chats. */
    public javafx.beans.property.BooleanProperty showingRequestsProperty() {
        return showingRequests;
    }

    public javafx.beans.binding.IntegerBinding requestCountProperty() {
        return requestCount;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<ConversationItem> selectedProperty() {
        return selected;
    }

    /** Selects the conversation with this id once it is in the list. */
    /**
     * Opens the nearest conversation with unread messages below the open one ({@code down}) or above it, going
     * round the end of the list, as Telegram's Alt+Up/Down does; false (nothing changes) when no other
     * conversation in the list has unread messages.
     */
    public boolean selectNextUnread(boolean down) {
        int size = sorted.size();
        int from = sorted.indexOf(selected.get());
        if (from < 0) {
            // Nothing open: Alt+Down starts from the top, Alt+Up from the bottom.
            from = down ? -1 : size;
        }
        for (int step = 1; step <= size; step++) {
            ConversationItem item = sorted.get(Math.floorMod(from + (down ? step : -step), size));
            if (item != selected.get() && item.unreadProperty().get() > 0) {
                selected.set(item);
                return true;
            }
        }
        return false;
    }

    public void select(long conversationId) {
        inbox.find(conversationId).ifPresent(selected::set);
    }
}
