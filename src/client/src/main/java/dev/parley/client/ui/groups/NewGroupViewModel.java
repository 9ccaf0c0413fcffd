package dev.parley.client.ui.groups;

import dev.parley.client.account.SignInService;
import dev.parley.client.media.AvatarPicture;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
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
import javafx.collections.transformation.FilteredList;

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

    /** A friend in the list, and whether they are picked. */
    public static final class Choice {
        private final UserProfile person;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

        Choice(UserProfile person) {
            this.person = person;
        }

        public UserProfile person() {
            return person;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    private final ChatSession session;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<Choice> friends = FXCollections.observableArrayList(
            choice -> new javafx.beans.Observable[] {choice.selectedProperty()});
    private final FilteredList<Choice> shown = new FilteredList<>(friends);
    private final IntegerBinding selectedCount;
    private final ObjectProperty<byte[]> picture = new SimpleObjectProperty<>(this, "picture");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObservableList<String> refused = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    /** The group once the server created it (0 before). */
    private final LongProperty created = new SimpleLongProperty(this, "created");
    private final BooleanBinding canSubmit;

    public NewGroupViewModel(ChatSession session) {
        this.session = session;
        this.selectedCount = Bindings.createIntegerBinding(
                () -> (int) friends.stream().filter(c -> c.selectedProperty().get()).count(), friends);
        filter.addListener((obs, old, text) -> {
            String query = text.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
            shown.setPredicate(choice -> query.isEmpty()
                    || choice.person().handle().contains(query)
                    || choice.person().displayName().toLowerCase(Locale.ROOT).contains(query));
        });
        this.canSubmit = Bindings.createBooleanBinding(() -> !busy.get()
                && (created.get() > 0 || !title.get().isBlank()), busy, created, title);
    }

    /** Fetches the user's friends, the people the group can be made with. */
    public void load() {
        session.groups().friends().whenComplete((people, failure) -> Platform.runLater(() -> {
            loaded.set(true);
            if (failure != null) {
                error.set(ViewLoader.text("newMessage.error.offline"));
            } else {
                friends.setAll(people.stream().map(Choice::new).toList());
            }
        }));
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
        List<String> handles = friends.stream().filter(c -> c.selectedProperty().get())
                .map(c -> c.person().handle()).toList();
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
                    refused.setAll(reply.refused().stream().map(NewGroupViewModel::reason).toList());
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

    /** A refusal in plain words: "@erin: their privacy settings don't allow it". */
    static String reason(Reply.Refusal refusal) {
        String key = switch (refusal.code()) {
            case PRIVACY_DENIED -> "group.refused.privacy_denied";
            case BLOCKED -> "group.refused.blocked";
            case NOT_FOUND -> "group.refused.not_found";
            case CONFLICT -> "group.refused.conflict";
            case FORBIDDEN -> "group.refused.forbidden";
            default -> "group.refused.other";
        };
        return ViewLoader.text("group.refused.reason", "@" + refusal.handle(), ViewLoader.text(key));
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The friends matching the filter. */
    public ObservableList<Choice> shownFriends() {
        return shown;
    }

    public IntegerBinding selectedCountProperty() {
        return selectedCount;
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

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public LongProperty createdProperty() {
        return created;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
