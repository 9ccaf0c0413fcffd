package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A collaboration proposal inside a bubble: the idea, what each side brings and gains (worded for the reader: "You
 * bring", "Maya brings"), the timeline and deliverables, its status, and the reader's actions: Accept, Discuss and
 * Decline for its recipient while it is pending, Withdraw for its sender.
 */
final class BubbleProposal extends VBox {
    private static final PseudoClass ANSWERED = PseudoClass.getPseudoClass("answered");

    private final ChatProposals proposals;
    private final Formats formats;
    private final Label status = new Label();
    private final Label idea = new Label();
    private final GridPane parts = new GridPane();
    private final Button accept = new Button(ViewLoader.text("proposal.accept"), new FontIcon("fth-check"));
    private final Button discuss = new Button(ViewLoader.text("proposal.discuss"), new FontIcon("fth-message-circle"));
    private final Button decline = new Button(ViewLoader.text("proposal.decline"), new FontIcon("fth-x"));
    private final Button withdraw = new Button(ViewLoader.text("proposal.withdraw"), new FontIcon("fth-rotate-ccw"));
    private final HBox actions = new HBox(6, accept, discuss, decline);
    private final Label outcome = new Label();
    private final HBox footer;
    private final Label failure = new Label();

    BubbleProposal(ChatProposals proposals, Formats formats) {
        super(8);
        this.proposals = proposals;
        this.formats = formats;
        getStyleClass().add("proposal-card");
        setId("proposalCard");
        FontIcon icon = new FontIcon("fth-users");
        icon.getStyleClass().add("proposal-icon");
        Label kind = new Label(ViewLoader.text("proposal.kind"));
        kind.getStyleClass().add("proposal-kind");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        status.getStyleClass().add("proposal-status");
        status.setId("proposalStatus");
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(6, icon, kind, grow, status);
        header.getStyleClass().add("proposal-header");
        idea.getStyleClass().add("proposal-idea");
        idea.setWrapText(true);
        idea.setMinHeight(Region.USE_PREF_SIZE);
        parts.getStyleClass().add("proposal-parts");
        parts.setHgap(10);
        parts.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        names.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        parts.getColumnConstraints().setAll(names, values);
        accept.getStyleClass().addAll("accent", "small");
        accept.setId("acceptProposalButton");
        discuss.getStyleClass().add("small");
        discuss.setId("discussProposalButton");
        decline.getStyleClass().addAll("danger", "small");
        decline.setId("declineProposalButton");
        withdraw.getStyleClass().add("small");
        withdraw.setId("withdrawProposalButton");
        actions.getStyleClass().add("proposal-actions");
        outcome.getStyleClass().add("proposal-outcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        failure.getStyleClass().add("proposal-failure");
        failure.setWrapText(true);
        failure.setMinHeight(Region.USE_PREF_SIZE);
        Region push = new Region();
        HBox.setHgrow(push, Priority.ALWAYS);
        HBox.setHgrow(outcome, Priority.SOMETIMES);
        footer = new HBox(8, outcome, push, withdraw);
        footer.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        footer.getStyleClass().add("proposal-footer");
        getChildren().setAll(header, idea, parts, actions, footer, failure);
        setMinWidth(300);
    }

    void show(MessageItem message) {
        Proposal proposal = message == null || message.unsentProperty().get() ? null
                : message.proposalProperty().get();
        setVisible(proposal != null);
        setManaged(proposal != null);
        failure.setText("");
        failure.setVisible(false);
        failure.setManaged(false);
        if (proposal == null) {
            return;
        }
        idea.setText(proposal.idea());
        String peer = proposals.peerName();
        boolean mine = message.mine();
        // Worded for the reader: the sender's parts are "you" to the sender and the peer's name to the recipient.
        String senderName = mine ? null : peer;
        String recipientName = mine ? peer : null;
        parts.getChildren().clear();
        part(brings(senderName), proposal.senderBrings());
        part(brings(recipientName), proposal.recipientBrings());
        part(gains(senderName), proposal.senderGains());
        part(gains(recipientName), proposal.recipientGains());
        part(ViewLoader.text("proposal.timeline"), proposal.timeline());
        part(ViewLoader.text("proposal.deliverables"), proposal.deliverables());
        parts.setVisible(!parts.getChildren().isEmpty());
        parts.setManaged(parts.isVisible());

        ProposalStatus state = proposal.status();
        status.setText(ViewLoader.text("proposal.status." + state.wireName()));
        status.getStyleClass().removeIf(c -> c.startsWith("status-"));
        status.getStyleClass().add("status-" + state.wireName());
        pseudoClassStateChanged(ANSWERED, state != ProposalStatus.PENDING);
        boolean answer = proposals.canAnswer(message);
        boolean takeBack = proposals.canWithdraw(message);
        for (Button button : new Button[] {accept, discuss, decline}) {
            button.setVisible(answer);
            button.setManaged(answer);
        }
        withdraw.setVisible(takeBack);
        withdraw.setManaged(takeBack);
        actions.setVisible(answer);
        actions.setManaged(answer);
        accept.setOnAction(event -> respond(message, ProposalStatus.ACCEPTED));
        decline.setOnAction(event -> respond(message, ProposalStatus.DECLINED));
        withdraw.setOnAction(event -> respond(message, ProposalStatus.WITHDRAWN));
        discuss.setOnAction(event -> proposals.discuss(message));
        enableActions();
        String said = outcome(proposal, mine, peer);
        outcome.setText(said);
        footer.setVisible(!said.isEmpty() || takeBack);
        footer.setManaged(footer.isVisible());
        setAccessibleText(ViewLoader.text("proposal.accessible", proposal.idea(), status.getText()));
    }

    private void respond(MessageItem message, ProposalStatus next) {
        accept.setDisable(true);
        decline.setDisable(true);
        withdraw.setDisable(true);
        // The server's answer redraws the card; a refusal brings the buttons back with the reason.
        proposals.respond(message, next, why -> {
            enableActions();
            failure.setText(why);
            failure.setVisible(true);
            failure.setManaged(true);
        });
    }

    private void enableActions() {
        accept.setDisable(false);
        decline.setDisable(false);
        withdraw.setDisable(false);
    }

    /** Who did what, and when: "Maya accepted · Tue 14:05", "You withdrew it". Empty while pending. */
    private String outcome(Proposal proposal, boolean mine, String peer) {
        if (proposal.status() == ProposalStatus.PENDING) {
            return mine ? ViewLoader.text("proposal.waiting", peer) : "";
        }
        boolean byMe = mine == (proposal.status() == ProposalStatus.WITHDRAWN);
        String when = proposal.statusAt() == null ? "" : formats.dateTime(proposal.statusAt());
        return ViewLoader.text("proposal.outcome." + proposal.status().wireName() + (byMe ? ".me" : ".them"),
                peer, when);
    }

    private static String brings(String name) {
        return name == null ? ViewLoader.text("proposal.youBring") : ViewLoader.text("proposal.theyBring", name);
    }

    private static String gains(String name) {
        return name == null ? ViewLoader.text("proposal.youGain") : ViewLoader.text("proposal.theyGain", name);
    }

    private void part(String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Label label = new Label(name);
        label.getStyleClass().add("proposal-part-name");
        Label text = new Label(value);
        text.getStyleClass().add("proposal-part-value");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        int row = parts.getRowCount();
        GridPane.setValignment(label, VPos.TOP);
        parts.addRow(row, label, text);
    }
}
