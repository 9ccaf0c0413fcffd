package dev.parley.protocol;

import java.time.Instant;

/**
 * A collaboration proposal a message carries in a direct conversation: the idea, what its sender and its recipient
 * each bring and gain, the timeline and the deliverables, and where it stands now ({@code status}, changed at
 * {@code statusAt}). In {@code msg.send} only the content is given; the server sets the status, and each change
 * travels as a {@link MessageKind#PROPOSAL_UPDATE} event.
 */
public record Proposal(String idea, String senderBrings, String recipientBrings, String senderGains,
        String recipientGains, String timeline, String deliverables, ProposalStatus status, Instant statusAt) {
    public Proposal {
        idea = Check.text(idea, "proposal.idea", Limits.MAX_PROPOSAL_IDEA_CHARS);
        senderBrings = part(senderBrings, "proposal.senderBrings");
        recipientBrings = part(recipientBrings, "proposal.recipientBrings");
        senderGains = part(senderGains, "proposal.senderGains");
        recipientGains = part(recipientGains, "proposal.recipientGains");
        timeline = part(timeline, "proposal.timeline");
        deliverables = part(deliverables, "proposal.deliverables");
        if (status == null) {
            status = ProposalStatus.PENDING;
        }
    }

    /** The content of a new proposal, pending. */
    public Proposal(String idea, String senderBrings, String recipientBrings, String senderGains,
            String recipientGains, String timeline, String deliverables) {
        this(idea, senderBrings, recipientBrings, senderGains, recipientGains, timeline, deliverables,
                ProposalStatus.PENDING, null);
    }

    /** The same proposal, now in {@code next} since {@code at}. */
    public Proposal withStatus(ProposalStatus next, Instant at) {
        return new Proposal(idea, senderBrings, recipientBrings, senderGains, recipientGains, timeline, deliverables,
                next, at);
    }

    /** The same content as it is sent: pending, no time. */
    public Proposal content() {
        return withStatus(ProposalStatus.PENDING, null);
    }

    private static String part(String value, String field) {
        return value == null || value.isBlank() ? "" : Check.atMost(value, field, Limits.MAX_PROPOSAL_PART_CHARS);
    }
}
