package dev.parley.client.ui.search;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.store.SearchTerms;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Search all messages": the words typed, and the cached messages of every chat that contain them, grouped by
 * chat (the chat with the newest match first) with the matching words marked. Choosing one opens its chat at it.
 */
public final class MessageSearchViewModel {
    static final int MOST = 200;

    /** A row of the results: a chat's heading, or one message in it. */
    public sealed interface Row {
        /** A chat whose messages follow. */
        record Chat(String title, int count) implements Row {
        }

        /** A message that matches, with the terms to mark in it. */
        record Hit(StoredMessage message, String chatTitle, SearchTerms terms) implements Row {
        }
    }

    private final ChatSession session;
    private final Formats formats;
    private final BiConsumer<Long, Long> open;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private long generation;

    /** {@code open} opens conversation (first) at message seq (second). */
    public MessageSearchViewModel(ChatSession session, Formats formats, BiConsumer<Long, Long> open) {
        this.session = session;
        this.formats = formats;
        this.open = open;
        query.addListener((obs, was, now) -> search(now));
    }

    private void search(String text) {
        long current = ++generation;
        SearchTerms terms = SearchTerms.of(text);
        if (terms.isEmpty()) {
            rows.clear();
            summary.set("");
            return;
        }
        session.search(terms, MOST).whenComplete((found, failure) -> Platform.runLater(() -> {
            if (current != generation) {
                return;
            }
            if (failure != null) {
                rows.clear();
                summary.set(ViewLoader.text("search.failed"));
                return;
            }
            show(found, terms);
        }));
    }

    private void show(List<StoredMessage> found, SearchTerms terms) {
        Map<Long, List<StoredMessage>> byChat = new LinkedHashMap<>();
        found.forEach(m -> byChat.computeIfAbsent(m.conversationId(), id -> new ArrayList<>()).add(m));
        List<Row> shown = new ArrayList<>();
        byChat.forEach((id, messages) -> {
            String title = title(id);
            shown.add(new Row.Chat(title, messages.size()));
            messages.forEach(m -> shown.add(new Row.Hit(m, title, terms)));
        });
        rows.setAll(shown);
        summary.set(found.isEmpty() ? ViewLoader.text("search.none")
                : ViewLoader.text("search.summary", found.size(), byChat.size()));
    }

    private String title(long conversationId) {
        Optional<ConversationItem> item = session.inbox().find(conversationId);
        return item.map(c -> c.peerNameProperty().get()).orElse(ViewLoader.text("search.unknownChat"));
    }

    /** Opens the chat of a result at its message. */
    public void open(Row.Hit hit) {
        open.accept(hit.message().conversationId(), hit.message().seq());
    }

    public String when(StoredMessage message) {
        return formats.relative(message.sentAt());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
