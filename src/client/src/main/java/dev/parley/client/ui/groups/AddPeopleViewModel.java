package dev.parley.client.ui.groups;

import dev.parley.client.account.SignInService;
import dev.parley.client.sync.Groups;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** "Add people" to a group (owners and admins): friends not in it yet, and the server's refusals with reasons. */
public final class AddPeopleViewModel {
    private final Groups groups;
    private final long conversationId;
    private final FriendChoices friends = new FriendChoices();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObservableList<String> refused = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty done = new SimpleBooleanProperty(this, "done");
    private final BooleanBinding canSubmit;

    public AddPeopleViewModel(Groups groups, long conversationId, Set<String> members) {
        this.groups = groups;
        this.conversationId = conversationId;
        this.canSubmit = busy.not().and(done.or(friends.selectedCountProperty().greaterThan(0)));
        friends.errorProperty().addListener((obs, old, text) -> error.set(text));
        friends.load(groups, members);
    }

    /**
     * Adds the picked friends; {@code close} runs when everyone was added, or on the second call after the
     * refusals were shown.
     */
    public void submit(Runnable close) {
        if (done.get()) {
            close.run();
            return;
        }
        busy.set(true);
        error.set("");
        groups.add(conversationId, friends.selectedHandles()).whenComplete((reply, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(SignInService.is(failure, ErrorCode.FORBIDDEN) ? ViewLoader.text("group.action.forbidden")
                        : SignInService.is(failure, ErrorCode.BAD_REQUEST) ? ViewLoader.text("group.add.tooMany")
                        : ViewLoader.text("newMessage.error.offline"));
                return;
            }
            done.set(true);
            refused.setAll(reply.refused().stream().map(FriendChoices::reason).toList());
            if (refused.isEmpty()) {
                close.run();
            }
        }));
    }

    public FriendChoices friends() {
        return friends;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<String> refused() {
        return refused;
    }

    public BooleanProperty doneProperty() {
        return done;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
