package dev.parley.client.ui.polls;

import dev.parley.client.account.SignInService;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Request;
import java.util.List;
import java.util.UUID;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "New poll": a question, {@value Limits#MIN_POLL_OPTIONS}–{@value Limits#MAX_POLL_OPTIONS} options, and whether
 * people may pick several and whether the poll is anonymous. One clientId per dialog, so a retry stores it once.
 */
public final class NewPollViewModel {
    private final ChatSession session;
    private final long conversationId;
    private final UUID clientId = UUID.randomUUID();
    private final StringProperty question = new SimpleStringProperty(this, "question", "");
    private final ObservableList<StringProperty> options = FXCollections.observableArrayList();
    private final BooleanProperty multiple = new SimpleBooleanProperty(this, "multiple");
    private final BooleanProperty anonymous = new SimpleBooleanProperty(this, "anonymous");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyBooleanWrapper canCreate = new ReadOnlyBooleanWrapper(this, "canCreate");
    private final ReadOnlyBooleanWrapper canAdd = new ReadOnlyBooleanWrapper(this, "canAdd");
    private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper(this, "canRemove");
    private final InvalidationListener recheck = observable -> recheck();

    public NewPollViewModel(ChatSession session, long conversationId) {
        this.session = session;
        this.conversationId = conversationId;
        question.addListener(recheck);
        busy.addListener(recheck);
        options.addListener(recheck);
        for (int i = 0; i < Limits.MIN_POLL_OPTIONS; i++) {
            addOption();
        }
    }

    public void addOption() {
        if (options.size() < Limits.MAX_POLL_OPTIONS) {
            StringProperty option = new SimpleStringProperty(this, "option", "");
            option.addListener(recheck);
            options.add(option);
        }
    }

    public void removeOption(StringProperty option) {
        if (options.size() > Limits.MIN_POLL_OPTIONS) {
            option.removeListener(recheck);
            options.remove(option);
        }
    }

    /** Sends the poll; {@code close} runs once the server stored it, else a sentence says why not. */
    public void create(Runnable close) {
        Request.PollCreate poll;
        try {
            poll = new Request.PollCreate(conversationId, clientId, question.get(), texts(), multiple.get(),
                    anonymous.get());
        } catch (ProtocolException e) {
            error.set(ViewLoader.text("poll.new.invalid", Limits.MAX_POLL_QUESTION_CHARS,
                    Limits.MAX_POLL_OPTION_CHARS));
            return;
        }
        busy.set(true);
        error.set("");
        session.createPoll(poll).whenComplete((done, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                close.run();
            } else if (SignInService.is(failure, ErrorCode.FORBIDDEN)) {
                error.set(ViewLoader.text("poll.new.forbidden"));
            } else if (SignInService.is(failure, ErrorCode.BAD_REQUEST)
                    || SignInService.is(failure, ErrorCode.TOO_LARGE)) {
                error.set(ViewLoader.text("poll.new.invalid", Limits.MAX_POLL_QUESTION_CHARS,
                        Limits.MAX_POLL_OPTION_CHARS));
            } else {
                error.set(ViewLoader.text("newMessage.error.offline"));
            }
        }));
    }

    private List<String> texts() {
        return options.stream().map(StringProperty::get).filter(text -> text != null && !text.isBlank()).toList();
    }

    private void recheck() {
        canCreate.set(!busy.get() && question.get() != null && !question.get().isBlank()
                && texts().size() >= Limits.MIN_POLL_OPTIONS);
        canAdd.set(options.size() < Limits.MAX_POLL_OPTIONS);
        canRemove.set(options.size() > Limits.MIN_POLL_OPTIONS);
    }

    public StringProperty questionProperty() {
        return question;
    }

    /** The option fields in order; add and remove through {@link #addOption()} and {@link #removeOption}. */
    public ObservableList<StringProperty> options() {
        return options;
    }

    public BooleanProperty multipleProperty() {
        return multiple;
    }

    public BooleanProperty anonymousProperty() {
        return anonymous;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty canCreateProperty() {
        return canCreate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canAddProperty() {
        return canAdd.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRemoveProperty() {
        return canRemove.getReadOnlyProperty();
    }
}
