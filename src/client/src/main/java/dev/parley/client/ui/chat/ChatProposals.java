package dev.parley.client.ui.chat;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.model.MessageItem;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import dev.parley.protocol.ProtocolException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an offer or proposal card in the open chat may do: copy an offer's code, and accept, decline, discuss or
 * withdraw a proposal. The server decides again; a refusal comes back as a sentence for the card.
 */
public final class ChatProposals {
    private static final Logger log = LoggerFactory.getLogger(ChatProposals.class);

    private final ChatSession session;
    private final ObservableValue<ConversationItem> conversation;
    private final Consumer<MessageItem> reply;

    ChatProposals(ChatSession session, ObservableValue<ConversationItem> conversation, Consumer<MessageItem> reply) {
        this.session = session;
        this.conversation = conversation;
        this.reply = reply;
    }

    /** Only the person a pending proposal was made to answers it. */
    public boolean canAnswer(MessageItem message) {
        Proposal proposal = message.proposalProperty().get();
        return proposal != null && !message.mine() && proposal.status() == ProposalStatus.PENDING
                && message.seqProperty().get() > 0;
    }

    /** Its sender may take a pending proposal back. */
    public boolean canWithdraw(MessageItem message) {
        Proposal proposal = message.proposalProperty().get();
        return proposal != null && message.mine() && proposal.status() == ProposalStatus.PENDING
                && message.seqProperty().get() > 0;
    }

    /** The display name of the person at the other end of the open chat. */
    public String peerName() {
        ConversationItem item = conversation.getValue();
        return item == null ? "" : item.peerNameProperty().get();
    }

    /**
     * Accepts, declines or withdraws; {@code failed} hears, on the FX thread, a sentence when the server refused
     * (answered meanwhile, offline).
     */
    public void respond(MessageItem message, ProposalStatus status, Consumer<String> failed) {
        ConversationItem item = conversation.getValue();
        if (item == null) {
            return;
        }
        session.respondToProposal(item.id(), message.seqProperty().get(), status).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            log.info("answering proposal {} failed: {}", message.seqProperty().get(), cause.toString());
            String why = cause instanceof ProtocolException refused && refused.code() == ErrorCode.CONFLICT
                    ? ViewLoader.text("proposal.failed.answered")
                    : ViewLoader.text("proposal.failed.other");
            Platform.runLater(() -> failed.accept(why));
            return null;
        });
    }

    /** Discuss: the composer replies to the proposal, quoting it, with the cursor in it. */
    public void discuss(MessageItem message) {
        reply.accept(message);
    }
}
