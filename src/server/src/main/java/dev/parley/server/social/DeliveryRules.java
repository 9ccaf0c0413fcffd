package dev.parley.server.social;

import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.ErrorCode;

/**
 * Whether a direct message may be delivered, from everything that decides it. Pure, so that every
 * combination can be tested; the store evaluates it inside the transaction that stores the message.
 * A blocked sender hears only {@code privacy_denied}, never that they were blocked.
 */
public final class DeliveryRules {
    /** Messages a non-friend may send before the recipient accepts the request. */
    public static final int REQUEST_MESSAGE_LIMIT = 3;

    /** Everything that decides one send. {@code sentAsRequest}: the sender's messages while not accepted. */
    public record Situation(DmPolicy senderPolicy, DmPolicy recipientPolicy, boolean friends,
            boolean senderBlockedRecipient, boolean recipientBlockedSender, MemberState recipientState,
            int sentAsRequest) {
    }

    /** The outcome: deliver (and what the recipient's state becomes), or refuse with a typed error. */
    public sealed interface Decision {
        record Deliver(MemberState recipientState) implements Decision {
        }

        record Refuse(ErrorCode code, String message) implements Decision {
        }
    }

    private DeliveryRules() {
    }

    /**
     * Whether the sender may add the recipient to a group: only if a direct message would reach them as an
     * accepted one (friends, or someone who accepted the sender's messages), never as a message request, so a
     * group cannot be used to get round "who can message me". {@code sentAsRequest} plays no part.
     */
    public static Decision addToGroup(Situation s) {
        Decision decision = decide(s);
        if (decision instanceof Decision.Deliver deliver && deliver.recipientState() != MemberState.ACCEPTED) {
            return new Decision.Refuse(ErrorCode.PRIVACY_DENIED,
                    "this person can be added to groups only by friends and people whose messages they accepted");
        }
        return decision;
    }

    public static Decision decide(Situation s) {
        if (s.recipientBlockedSender()) {
            return new Decision.Refuse(ErrorCode.PRIVACY_DENIED, "this person isn't accepting your messages");
        }
        if (s.senderBlockedRecipient()) {
            return new Decision.Refuse(ErrorCode.BLOCKED, "you blocked this person; unblock them to send messages");
        }
        if (s.senderPolicy() == DmPolicy.NO_ONE) {
            return new Decision.Refuse(ErrorCode.FORBIDDEN,
                    "your privacy setting (No one) also stops you from sending direct messages");
        }
        if (s.recipientPolicy() == DmPolicy.NO_ONE) {
            return new Decision.Refuse(ErrorCode.PRIVACY_DENIED, "this person doesn't accept direct messages");
        }
        if (s.friends()) {
            return new Decision.Deliver(MemberState.ACCEPTED);
        }
        if (s.recipientPolicy() == DmPolicy.FRIENDS) {
            return new Decision.Refuse(ErrorCode.PRIVACY_DENIED, "this person accepts messages only from friends");
        }
        return switch (s.recipientState()) {
            case ACCEPTED -> new Decision.Deliver(MemberState.ACCEPTED);
            case DECLINED -> new Decision.Refuse(ErrorCode.PRIVACY_DENIED, "this person isn't accepting your messages");
            case PENDING, REQUEST -> s.sentAsRequest() >= REQUEST_MESSAGE_LIMIT
                    ? new Decision.Refuse(ErrorCode.PRIVACY_DENIED, "you can send " + REQUEST_MESSAGE_LIMIT
                            + " messages until this person accepts your message request")
                    : new Decision.Deliver(MemberState.REQUEST);
        };
    }
}
