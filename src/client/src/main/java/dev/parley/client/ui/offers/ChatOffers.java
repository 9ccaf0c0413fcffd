package dev.parley.client.ui.offers;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Offers and proposals in the main window: the composer's "+" menu (Offer…, and Propose a collaboration… in a
 * direct chat with someone else) and the account menu's Proposals view, which opens a chat at a proposal.
 */
public final class ChatOffers {
    private final ChatSession session;
    private final Formats formats;
    private final ObservableValue<ConversationItem> conversation;
    private final Stage stage;
    private final BiConsumer<Long, Long> openAt;

    public ChatOffers(ChatSession session, Formats formats, ObservableValue<ConversationItem> conversation,
            Stage stage, BiConsumer<Long, Long> openAt) {
        this.session = session;
        this.formats = formats;
        this.conversation = conversation;
        this.stage = stage;
        this.openAt = openAt;
    }

    /** The composer's "+" button: a menu of structured messages to send in the open chat. */
    public MenuButton composerButton() {
        MenuItem offer = new MenuItem(ViewLoader.text("offer.menu"), new FontIcon("fth-tag"));
        offer.setId("newOfferItem");
        offer.setOnAction(event -> newOffer());
        MenuItem proposal = new MenuItem(ViewLoader.text("proposal.menu"), new FontIcon("fth-users"));
        proposal.setId("newProposalItem");
        proposal.setOnAction(event -> newProposal());
        proposal.visibleProperty().bind(Bindings.createBooleanBinding(() -> proposable(conversation.getValue()),
                conversation));
        MenuButton button = new MenuButton(null, new FontIcon("fth-plus-circle"), offer, proposal);
        button.setId("composerMoreButton");
        button.getStyleClass().addAll("button-icon", "flat", "no-arrow", "composer-more");
        button.setAccessibleText(ViewLoader.text("composer.more"));
        button.setTooltip(new Tooltip(ViewLoader.text("composer.more")));
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> conversation.getValue() == null
                || conversation.getValue().leftProperty().get(), conversation));
        return button;
    }

    /** "Proposals…" for the account menu. */
    public MenuItem proposalsItem() {
        MenuItem item = new MenuItem(ViewLoader.text("proposals.menu"));
        item.setId("proposalsItem");
        item.setOnAction(event -> showProposals());
        return item;
    }

    public void newOffer() {
        ConversationItem open = conversation.getValue();
        if (open != null) {
            new OfferDialog(stage, new OfferViewModel(session, open.id(), formats, ZoneId.systemDefault()))
                    .showAndWait();
        }
    }

    public void newProposal() {
        ConversationItem open = conversation.getValue();
        if (proposable(open)) {
            new ProposalDialog(stage, new ProposalViewModel(session, open.id(), open.peerNameProperty().get()))
                    .showAndWait();
        }
    }

    public void showProposals() {
        new ProposalsDialog(stage, new ProposalsViewModel(session, openAt), formats).show();
    }

    /** A proposal goes to one other person: a direct chat, not a group nor notes to oneself. */
    private boolean proposable(ConversationItem open) {
        return open != null && !open.group() && !session.me().handle().equals(open.peerHandle());
    }
}
