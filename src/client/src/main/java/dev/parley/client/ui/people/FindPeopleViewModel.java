package dev.parley.client.ui.people;

import dev.parley.client.sync.People;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Find people": searches as the person types (after a short pause, so each keystroke is not a request), by
 * name, {@code @handle} or {@code #tag}, a page at a time. Changed on the FX thread only.
 */
public final class FindPeopleViewModel {
    static final int PAGE = 20;
    private static final long DEBOUNCE_MS = 250;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "parley-search-debounce");
        thread.setDaemon(true);
        return thread;
    });

    private final People people;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<UserProfile> results = FXCollections.observableArrayList();
    private final BooleanProperty more = new SimpleBooleanProperty(this, "more");
    private final StringProperty status = new SimpleStringProperty(this, "status", ViewLoader.text("people.hint"));
    private long generation;
    private int page;

    public FindPeopleViewModel(People people) {
        this.people = people;
        query.addListener((obs, old, text) -> {
            long mine = ++generation;
            TIMER.schedule(() -> Platform.runLater(() -> {
                if (mine == generation) {
                    search(0);
                }
            }), DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        });
    }

    /** Runs the current query again from the first page, e.g. after a block changed who may appear. */
    public void refresh() {
        generation++;
        search(0);
    }

    public void showMore() {
        search(page + 1);
    }

    private void search(int wanted) {
        String text = query.get().strip();
        if (text.isEmpty()) {
            results.clear();
            more.set(false);
            status.set(ViewLoader.text("people.hint"));
            return;
        }
        try {
            new Request.UserSearch(text, wanted, PAGE);
        } catch (ProtocolException e) {
            show(wanted, new Reply.SearchResults(java.util.List.of(), false), text);
            return;
        }
        long mine = generation;
        people.search(text, wanted, PAGE).whenComplete((found, failure) -> Platform.runLater(() -> {
            if (mine != generation) {
                return;
            }
            if (failure == null) {
                show(wanted, found, text);
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                show(wanted, new Reply.SearchResults(java.util.List.of(), false), text);
                if (!(cause instanceof ProtocolException e) || e.code() != dev.parley.protocol.ErrorCode.BAD_REQUEST) {
                    status.set(ViewLoader.text("people.offline"));
                }
            }
        }));
    }

    private void show(int shownPage, Reply.SearchResults found, String text) {
        page = shownPage;
        if (shownPage == 0) {
            results.setAll(found.users());
        } else {
            results.addAll(found.users());
        }
        more.set(found.more());
        status.set(results.isEmpty() ? ViewLoader.text("people.empty", text) : "");
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<UserProfile> results() {
        return results;
    }

    public BooleanProperty moreProperty() {
        return more;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
