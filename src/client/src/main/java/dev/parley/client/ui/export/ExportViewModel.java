package dev.parley.client.ui.export;

import dev.parley.client.export.ExportedChat;
import dev.parley.client.export.HistoryExport;
import dev.parley.client.ui.ViewLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An export under way: its progress and what it is reading, then where it went (or why it failed). The export
 * runs on its own thread; the properties change on the fx executor.
 */
public final class ExportViewModel {
    private static final Logger log = LoggerFactory.getLogger(ExportViewModel.class);

    /** Where an export stands. */
    public enum State { RUNNING, DONE, FAILED, CANCELLED }

    private final HistoryExport export;
    private final Executor fx;
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.RUNNING);
    private volatile boolean cancelled;

    public ExportViewModel(HistoryExport export, Executor fx) {
        this.export = export;
        this.fx = fx;
    }

    /** Starts exporting {@code chats} to {@code html} (plus its JSON and media folder) on a background thread. */
    public void start(List<ExportedChat.Header> chats, Path html) {
        status.set(ViewLoader.text("export.reading"));
        Thread worker = new Thread(() -> run(chats, html), "parley-export");
        worker.setDaemon(true);
        worker.start();
    }

    private void run(List<ExportedChat.Header> chats, Path html) {
        try {
            HistoryExport.Result result = export.export(chats, html, new HistoryExport.Progress() {
                @Override
                public void progress(double done, String step) {
                    fx.execute(() -> progress.set(done));
                }

                @Override
                public boolean cancelled() {
                    return cancelled;
                }
            });
            fx.execute(() -> {
                progress.set(1);
                status.set(ViewLoader.text("export.done", result.messages(), result.mediaFiles(),
                        result.html().getParent().toString()));
                state.set(State.DONE);
            });
        } catch (CancellationException e) {
            fx.execute(() -> {
                status.set(ViewLoader.text("export.cancelled"));
                state.set(State.CANCELLED);
            });
        } catch (Exception e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CancellationException) {
                fx.execute(() -> {
                    status.set(ViewLoader.text("export.cancelled"));
                    state.set(State.CANCELLED);
                });
                return;
            }
            log.warn("export to {} failed", html, cause);
            fx.execute(() -> {
                status.set(ViewLoader.text("export.failed", String.valueOf(cause.getMessage())));
                state.set(State.FAILED);
            });
        }
    }

    public void cancel() {
        cancelled = true;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }
}
