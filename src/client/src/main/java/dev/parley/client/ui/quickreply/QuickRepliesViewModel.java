package dev.parley.client.ui.quickreply;

import dev.parley.client.sync.QuickReplies;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Refusals;
import dev.parley.protocol.QuickReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The quick replies manager: the list in its order, and an editor for the chosen one (or a new one) with a
 * preview as a real person would read it.
 */
public final class QuickRepliesViewModel {
    private final QuickReplies replies;
    private final QuickReplyText.Recipient example;
    private final String myName;
    private final Map<String, String> exampleFields;
    private final ObjectProperty<QuickReply> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringBinding preview;
    private final BooleanBinding canSave;

    /** {@code example}: whom the preview is written to (the open chat's person, or a sample person). */
    public QuickRepliesViewModel(QuickReplies replies, QuickReplyText.Recipient example, Map<String, String> fields,
            String myName) {
        this.replies = replies;
        this.example = example;
        this.exampleFields = fields;
        this.myName = myName;
        selected.addListener((obs, was, now) -> {
            name.set(now == null ? "" : now.name());
            text.set(now == null ? "" : now.text());
            error.set("");
        });
        preview = Bindings.createStringBinding(() -> {
            QuickReplyText.Filled filled = QuickReplyText.fill(text.get(), example, myName, exampleFields);
            return filled.complete() ? filled.text() : filled.text() + "\n\n" + ViewLoader.text("quickReply.preview.missing",
                    String.join(", ", filled.missing().stream().map(n -> "{" + n + "}").toList()));
        }, text);
        canSave = Bindings.createBooleanBinding(() -> !name.get().isBlank() && !text.get().isBlank(), name, text);
    }

    public ObservableList<QuickReply> templates() {
        return replies.templates();
    }

    public String previewTitle() {
        return ViewLoader.text("quickReply.preview", example.displayName());
    }

    /** Clears the editor for a new quick reply. */
    public void newReply() {
        selected.set(null);
        name.set("");
        text.set("");
    }

    public void save() {
        QuickReply current = selected.get();
        run(replies.save(current == null ? null : current.id(), name.get(), text.get())
                .thenAccept(saved -> Platform.runLater(() -> selected.set(saved))));
    }

    public void delete() {
        QuickReply current = selected.get();
        if (current != null) {
            run(replies.delete(current.id()).thenRun(() -> Platform.runLater(this::newReply)));
        }
    }

    /** Moves the chosen one up ({@code -1}) or down ({@code 1}). */
    public void move(int by) {
        QuickReply current = selected.get();
        List<QuickReply> order = new ArrayList<>(templates());
        int at = current == null ? -1 : order.indexOf(current);
        int to = at + by;
        if (at < 0 || to < 0 || to >= order.size()) {
            return;
        }
        order.add(to, order.remove(at));
        run(replies.order(order.stream().map(QuickReply::id).toList())
                .thenRun(() -> Platform.runLater(() -> selected.set(current))));
    }

    private void run(CompletableFuture<?> action) {
        error.set("");
        action.exceptionally(failure -> {
            Platform.runLater(() -> error.set(Refusals.describe(failure)));
            return null;
        });
    }

    public ObjectProperty<QuickReply> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringBinding previewProperty() {
        return preview;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
