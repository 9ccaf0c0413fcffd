package dev.parley.client.ui.main;

import dev.parley.client.net.ConnectionState;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.chat.ChatViewModel;
import dev.parley.client.ui.chat.LinkOpener;
import dev.parley.client.ui.conversations.ConversationListViewModel;
import dev.parley.client.ui.common.Formats;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;

/** The main window: the list and chat models, the connection banner and the window title. */
public final class MainViewModel {
    private final ChatSession session;
    private final ConversationListViewModel conversations;
    private final ChatViewModel chat;
    private final StringBinding banner;
    private final BooleanBinding bannerVisible;
    private final BooleanBinding offline;
    private final StringBinding title;

    public MainViewModel(ChatSession session, Formats formats, LinkOpener links) {
        this.session = session;
        this.conversations = new ConversationListViewModel(session.inbox());
        this.chat = new ChatViewModel(session, formats, links);
        this.chat.conversationProperty().bind(conversations.selectedProperty());
        var state = session.stateProperty();
        var untrusted = session.trustProblemProperty();
        this.banner = Bindings.createStringBinding(() -> switch (state.get()) {
            case CONNECTING -> ViewLoader.text("connection.connecting");
            case OFFLINE -> ViewLoader.text(untrusted.get() != null ? "connection.untrusted" : "connection.offline");
            case SIGNED_OUT -> ViewLoader.text("connection.signedOut");
            case ONLINE -> "";
        }, state, untrusted);
        this.bannerVisible = state.isNotEqualTo(ConnectionState.ONLINE);
        this.offline = state.isEqualTo(ConnectionState.OFFLINE);
        this.title = Bindings.createStringBinding(() -> {
            int unread = session.inbox().totalUnread();
            return unread > 0 ? ViewLoader.text("window.title.unread", unread) : ViewLoader.text("window.title");
        }, session.inbox().conversations());
    }

    public ConversationListViewModel conversations() {
        return conversations;
    }

    public ChatViewModel chat() {
        return chat;
    }

    public StringBinding bannerProperty() {
        return banner;
    }

    public BooleanBinding bannerVisibleProperty() {
        return bannerVisible;
    }

    /** Offline (not merely connecting): the banner offers "Retry now". */
    public BooleanBinding offlineProperty() {
        return offline;
    }

    public StringBinding titleProperty() {
        return title;
    }

    public void retryNow() {
        session.retryConnectingNow();
    }

    public ChatSession session() {
        return session;
    }
}
