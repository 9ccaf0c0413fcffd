package dev.parley.client.ui.offers;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProtocolException;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Propose a collaboration…": the idea (required), what each side brings and gains, the timeline and the
 * deliverables, for the person at the other end of a direct chat.
 */
public final class ProposalViewModel {
    private final ChatSession session;
    private final long conversationId;
    private final String peerName;
    private final StringProperty idea = new SimpleStringProperty(this, "idea", "");
    private final StringProperty youBring = new SimpleStringProperty(this, "youBring", "");
    private final StringProperty theyBring = new SimpleStringProperty(this, "theyBring", "");
    private final StringProperty youGain = new SimpleStringProperty(this, "youGain", "");
    private final StringProperty theyGain = new SimpleStringProperty(this, "theyGain", "");
    private final StringProperty timeline = new SimpleStringProperty(this, "timeline", "");
    private final StringProperty deliverables = new SimpleStringProperty(this, "deliverables", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(this, "canSend");
    private boolean sending;

    public ProposalViewModel(ChatSession session, long conversationId, String peerName) {
        this.session = session;
        this.conversationId = conversationId;
        this.peerName = peerName;
        InvalidationListener recheck = observable -> recheck();
        for (StringProperty field : new StringProperty[] {idea, youBring, theyBring, youGain, theyGain, timeline,
                deliverables}) {
            field.addListener(recheck);
        }
        recheck();
    }

    /** The person the proposal is for, as the dialog names them ("What Maya brings"). */
    public String peerName() {
        return peerName;
    }

    /** Queues the proposal; {@code close} runs once it is in the outbox, else a sentence says why not. */
    public void send(Runnable close) {
        Optional<Proposal> proposal = proposal();
        if (proposal.isEmpty() || sending) {
            return;
        }
        sending = true;
        recheck();
        session.sendProposal(conversationId, proposal.get(), null).whenComplete((done, failure) ->
                Platform.runLater(() -> {
                    sending = false;
                    if (failure == null) {
                        close.run();
                    } else {
                        error.set(ViewLoader.text("proposal.new.failed"));
                        recheck();
                    }
                }));
    }

    private Optional<Proposal> proposal() {
        try {
            Proposal proposal = new Proposal(idea.get(), youBring.get(), theyBring.get(), youGain.get(),
                    theyGain.get(), timeline.get(), deliverables.get());
            error.set("");
            return Optional.of(proposal);
        } catch (ProtocolException e) {
            error.set(idea.get() == null || idea.get().isBlank() ? ""
                    : ViewLoader.text("proposal.new.tooLong", Limits.MAX_PROPOSAL_IDEA_CHARS,
                            Limits.MAX_PROPOSAL_PART_CHARS));
            return Optional.empty();
        }
    }

    private void recheck() {
        canSend.set(proposal().isPresent() && !sending);
    }

    public StringProperty ideaProperty() {
        return idea;
    }

    public StringProperty youBringProperty() {
        return youBring;
    }

    public StringProperty theyBringProperty() {
        return theyBring;
    }

    public StringProperty youGainProperty() {
        return youGain;
    }

    public StringProperty theyGainProperty() {
        return theyGain;
    }

    public StringProperty timelineProperty() {
        return timeline;
    }

    public StringProperty deliverablesProperty() {
        return deliverables;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }
}
