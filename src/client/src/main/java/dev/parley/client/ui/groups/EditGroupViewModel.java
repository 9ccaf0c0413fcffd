package dev.parley.client.ui.groups;

import dev.parley.client.account.SignInService;
import dev.parley.client.sync.Groups;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** "Edit group": its title and description (rules). Owners and admins; the server checks the role. */
public final class EditGroupViewModel {
    private final Groups groups;
    private final long conversationId;
    private final String oldTitle;
    private final String oldDescription;
    private final StringProperty title = new SimpleStringProperty(this, "title");
    private final StringProperty description = new SimpleStringProperty(this, "description");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanBinding canSave;

    public EditGroupViewModel(Groups groups, long conversationId, String title, String description) {
        this.groups = groups;
        this.conversationId = conversationId;
        this.oldTitle = title;
        this.oldDescription = description == null ? "" : description;
        this.title.set(title);
        this.description.set(this.oldDescription);
        this.canSave = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !busy.get() && this.title.get() != null && !this.title.get().isBlank(), busy, this.title);
    }

    /** Sends what changed; {@code close} runs once the server has stored it (or nothing changed). */
    public void save(Runnable close) {
        String newTitle = title.get().strip().equals(oldTitle) ? null : title.get();
        String newDescription = description.get().strip().equals(oldDescription.strip()) ? null : description.get();
        if (newTitle == null && newDescription == null) {
            close.run();
            return;
        }
        busy.set(true);
        error.set("");
        groups.update(conversationId, newTitle, newDescription).whenComplete((reply, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                close.run();
            } else if (SignInService.is(failure, ErrorCode.FORBIDDEN)) {
                error.set(ViewLoader.text("group.action.forbidden"));
            } else if (SignInService.is(failure, ErrorCode.TOO_LARGE) || SignInService.is(failure, ErrorCode.BAD_REQUEST)) {
                error.set(ViewLoader.text("group.new.failed", ViewLoader.text("group.new.titleTooLong",
                        Limits.MAX_GROUP_TITLE_CHARS)));
            } else {
                error.set(ViewLoader.text("newMessage.error.offline"));
            }
        }));
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
