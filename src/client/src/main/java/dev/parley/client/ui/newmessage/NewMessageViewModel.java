package dev.parley.client.ui.newmessage;

import dev.parley.client.account.SignInService;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** "New message": find a person by handle and open the conversation with them. */
public final class NewMessageViewModel {
    private final ChatSession session;
    private final StringProperty handle = new SimpleStringProperty(this, "handle", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanBinding canSubmit;

    public NewMessageViewModel(ChatSession session) {
        this.session = session;
        this.canSubmit = handle.isNotEmpty().and(busy.not());
    }

    /** Looks the handle up and opens the conversation; calls {@code opened} with its id on success. */
    public void submit(LongConsumer opened) {
        String who = handle.get().strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
        if (who.isEmpty() || who.length() > 24) {
            error.set(ViewLoader.text("newMessage.error.notFound", who));
            return;
        }
        busy.set(true);
        error.set("");
        session.openConversation(who).whenComplete((id, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                opened.accept(id);
            } else if (SignInService.is(failure, ErrorCode.NOT_FOUND) || SignInService.is(failure, ErrorCode.BAD_REQUEST)) {
                error.set(ViewLoader.text("newMessage.error.notFound", who));
            } else if (SignInService.is(failure, ErrorCode.RATE_LIMITED)) {
                error.set(ViewLoader.text("newMessage.error.rateLimited", minutesToWait(failure)));
            } else {
                error.set(ViewLoader.text("newMessage.error.offline"));
            }
        }));
    }

    private static long minutesToWait(Throwable failure) {
        Long wait = SignInService.cause(failure) instanceof dev.parley.protocol.ProtocolException refused
                ? refused.retryAfterMs() : null;
        return wait == null ? 1 : Math.max(1, (wait + 59_999) / 60_000);
    }

    public StringProperty handleProperty() {
        return handle;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
