package dev.parley.client.ui.chat;

import dev.parley.client.store.SearchTerms;
import dev.parley.client.ui.ViewLoader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * "Find in chat" (Ctrl+F): the words typed in the find bar, the open conversation's cached messages that match
 * them (searched on the session's I/O thread), which one is shown ("2 of 7", counted from the newest) and the
 * terms the bubbles mark. Stepping to a match scrolls to it, loading older pages when it is not loaded yet.
 */
public final class FindInChat {
    /** Enough for any chat a person steps through one by one. */
    static final int MOST_MATCHES = 1_000;

    private final ObjectProperty<Long> conversation = new SimpleObjectProperty<>(this, "conversation");
    private final BiFunction<Long, SearchTerms, CompletableFuture<List<Long>>> search;
    private final LongConsumer jumpTo;
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<SearchTerms> highlight = new ReadOnlyObjectWrapper<>(this, "highlight");
    /** Matching seqs, newest first. */
    private List<Long> matches = List.of();
    private final javafx.beans.property.ReadOnlyBooleanWrapper found =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "found");
    private int current = -1;
    private long generation;

    /** {@code search} finds a conversation's matching seqs (off the FX thread); {@code jumpTo} shows one. */
    FindInChat(BiFunction<Long, SearchTerms, CompletableFuture<List<Long>>> search, LongConsumer jumpTo) {
        this.search = search;
        this.jumpTo = jumpTo;
        query.addListener((obs, old, text) -> searchFor(text));
    }

    /** Opens the bar for a conversation (or keeps it open), keeping what was typed. */
    void open(long conversationId) {
        if (!Long.valueOf(conversationId).equals(conversation.get())) {
            conversation.set(conversationId);
            searchFor(query.get());
        }
        open.set(true);
    }

    /** Closes the bar: the marks leave the bubbles. */
    public void close() {
        open.set(false);
        generation++;
        query.set("");
        matches = List.of();
        current = -1;
        found.set(false);
        highlight.set(null);
        status.set("");
    }

    /** The next match back in time (Enter), wrapping round to the newest. */
    public void older() {
        step(1);
    }

    /** The next match forward in time (Shift+Enter), wrapping round to the oldest. */
    public void newer() {
        step(-1);
    }

    private void step(int by) {
        if (matches.isEmpty()) {
            return;
        }
        current = Math.floorMod(current + by, matches.size());
        show();
    }

    private void searchFor(String text) {
        long asked = ++generation;
        SearchTerms terms = SearchTerms.of(text);
        Long id = conversation.get();
        if (terms.isEmpty() || id == null) {
            matches = List.of();
            current = -1;
            found.set(false);
            highlight.set(null);
            status.set("");
            return;
        }
        search.apply(id, terms).whenComplete((found, error) -> Platform.runLater(() -> {
            if (asked != generation) {
                return;
            }
            matches = error == null ? found : List.of();
            current = matches.isEmpty() ? -1 : 0;
            highlight.set(terms);
            show();
        }));
    }

    private void show() {
        found.set(!matches.isEmpty());
        if (current < 0) {
            status.set(ViewLoader.text("find.none"));
            return;
        }
        status.set(ViewLoader.text("find.count", current + 1, matches.size()));
        jumpTo.accept(matches.get(current));
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** "2 of 7", "No matches", or empty while nothing is typed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The terms the bubbles mark while the bar shows results, else null. */
    public ReadOnlyObjectProperty<SearchTerms> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    /** Whether there are matches to step through. */
    public javafx.beans.property.ReadOnlyBooleanProperty foundProperty() {
        return found.getReadOnlyProperty();
    }
}
