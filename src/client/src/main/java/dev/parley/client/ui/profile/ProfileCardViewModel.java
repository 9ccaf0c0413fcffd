package dev.parley.client.ui.profile;

import dev.parley.client.account.SignInService;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.SetChangeListener;

/**
 * A person's profile card: who they are, their counts, whether you are friends, and Follow, Message and Block.
 * Every action reloads the card from the server, so counts and the Friends badge show what the server has.
 */
public final class ProfileCardViewModel {
    private final ChatSession session;
    private final String handle;
    private final Formats formats;
    private final ObjectProperty<Reply.ProfileCard> card = new SimpleObjectProperty<>(this, "card");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty blocked = new SimpleBooleanProperty(this, "blocked");
    private final BooleanBinding following;
    private final BooleanBinding friends;
    private final StringBinding counts;
    private final BooleanBinding isMe;

    public ProfileCardViewModel(ChatSession session, String handle, Formats formats) {
        this.session = session;
        this.handle = handle;
        this.formats = formats;
        this.following = Bindings.createBooleanBinding(() -> card.get() != null
                && card.get().relationship().following(), card);
        this.friends = Bindings.createBooleanBinding(() -> card.get() != null
                && card.get().relationship().friends(), card);
        this.counts = Bindings.createStringBinding(() -> card.get() == null ? ""
                : ViewLoader.text("card.followers", formats.number(card.get().followers()),
                        card.get().followers()) + "   ·   "
                        + ViewLoader.text("card.following", formats.number(card.get().following())), card);
        this.isMe = Bindings.createBooleanBinding(() -> handle.equals(session.me().handle()));
        blocked.set(session.blocked().contains(handle));
        session.blocked().addListener((SetChangeListener<String>) change -> blocked.set(
                change.getSet().contains(handle)));
    }

    public void load() {
        run(session.people().card(handle));
    }

    public void toggleFollow() {
        boolean follow = !following.get();
        run(session.people().follow(handle, follow).thenCompose(done -> session.people().card(handle)));
    }

    /** Blocks or unblocks through the session, so the blocked set (and every view of it) follows. */
    public void toggleBlock() {
        run(session.setBlocked(handle, !blocked.get()).thenCompose(done -> session.people().card(handle)));
    }

    /** Opens (or starts) the conversation with this person; {@code opened} gets its id. */
    public void message(LongConsumer opened) {
        busy.set(true);
        session.openConversation(handle).whenComplete((id, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                opened.accept(id);
            } else {
                error.set(problem(failure));
            }
        }));
    }

    private void run(CompletableFuture<Reply.ProfileCard> work) {
        busy.set(true);
        error.set("");
        work.whenComplete((loaded, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                card.set(loaded);
            } else {
                error.set(problem(failure));
            }
        }));
    }

    private static String problem(Throwable failure) {
        return ViewLoader.text(SignInService.is(failure, ErrorCode.NOT_FOUND) ? "card.notFound" : "card.offline");
    }

    public String handle() {
        return handle;
    }

    public Formats formats() {
        return formats;
    }

    public ObjectProperty<Reply.ProfileCard> cardProperty() {
        return card;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty blockedProperty() {
        return blocked;
    }

    public BooleanBinding followingProperty() {
        return following;
    }

    public BooleanBinding friendsProperty() {
        return friends;
    }

    public StringBinding countsProperty() {
        return counts;
    }

    public BooleanBinding isMeProperty() {
        return isMe;
    }
}
