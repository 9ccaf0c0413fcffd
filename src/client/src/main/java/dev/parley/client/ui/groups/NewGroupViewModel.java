package dev.parley.client.ui.groups;

import dev.parley.client.account.SignInService;
import dev.parley.client.media.AvatarPicture;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "New group": a name, an optional description and picture, and friends picked from a searchable list. The
 * server decides who can be added; the people it refuses are listed with the reason in plain words.
 */
public final class NewGroupViewModel {
    private static final Executor PICTURES = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "parley-group-picture");
        thread.setDaemon(true);
        return thread;
    });

    private final ChatSession session;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final FriendChoices friends = new FriendChoices();
    private final ObjectProperty<byte[]> picture = new SimpleObjectProperty<>(this, "picture");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObservableList<String> refused = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    /** The group once the server created it (0 before). */
    private final LongProperty created = new SimpleLongProperty(this, "created");
    private final BooleanBinding canSubmit;

    public NewGroupViewModel(ChatSession session) {
        this.session = session;
        friends.errorProperty().addListener((obs, old, text) -> error.set(text));
        this.canSubmit = Bindings.createBooleanBinding(() -> !busy.get()
                && (created.get() > 0 || !title.get().isBlank()), busy, created, title);
    }

    /** Fetches the user's friends, the people the group can be made with. */
    public void load() {
        friends.load(session.groups(), java.util.Set.of());
    }

    /** Prepares a chosen picture file (downscaled JPEG, no metadata) off the FX thread. */
    public void choosePicture(Path file) {
        busy.set(true);
        CompletableFuture.supplyAsync(() -> {
            try {
                return AvatarPicture.prepare(file);
            } catch (AvatarPicture.Refused e) {
                throw new CompletionException(e);
            }
        }, PICTURES).whenComplete((jpeg, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                picture.set(jpeg);
                error.set("");
            } else {
                error.set(ViewLoader.text("profile.edit.photo.notAnImage"));
            }
        }));
    }

    /**
     * Creates the group. When everyone picked could be added, {@code done} gets its id at once; otherwise the
     * refusals are listed and a second call (the button now opens the group) hands over the id.
     */
    public void submit(LongConsumer done) {
        if (created.get() > 0) {
            done.accept(created.get());
            return;
        }
        List<String> handles = friends.selectedHandles();
        String text = description.get().isBlank() ? null : description.get();
        busy.set(true);
        error.set("");
        byte[] chosenPicture = picture.get();
        session.groups().create(title.get(), text, handles)
                .thenCompose(reply -> chosenPicture == null ? CompletableFuture.completedFuture(reply)
                        : session.groups().setPicture(reply.conversation().id(), chosenPicture)
                                .handle((changed, pictureFailure) -> reply))
                .whenComplete((reply, failure) -> Platform.runLater(() -> {
                    busy.set(false);
                    if (failure != null) {
                        error.set(problem(failure));
                        return;
                    }
                    created.set(reply.conversation().id());
                    refused.setAll(reply.refused().stream().map(FriendChoices::reason).toList());
                    if (reply.refused().isEmpty()) {
                        done.accept(created.get());
                    }
                }));
    }

    private static String problem(Throwable failure) {
        if (SignInService.cause(failure) instanceof ProtocolException refusal) {
            return refusal.code() == ErrorCode.TOO_LARGE
                    ? ViewLoader.text("group.new.failed", ViewLoader.text("group.new.titleTooLong",
                            Limits.MAX_GROUP_TITLE_CHARS))
                    : ViewLoader.text("group.new.failed", refusal.getMessage());
        }
        return ViewLoader.text("newMessage.error.offline");
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The friends to pick from. */
    public FriendChoices friends() {
        return friends;
    }

    public ObjectProperty<byte[]> pictureProperty() {
        return picture;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** The people the server would not add, each with the reason, after creating. */
    public ObservableList<String> refused() {
        return refused;
    }

    public LongProperty createdProperty() {
        return created;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
