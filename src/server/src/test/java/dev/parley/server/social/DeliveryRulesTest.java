package dev.parley.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.ErrorCode;
import dev.parley.server.social.DeliveryRules.Decision;
import dev.parley.server.social.DeliveryRules.Situation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every combination of policy × friendship × blocks × request state × messages already sent, in both
 * directions: nothing is delivered that the recipient's settings forbid, everything they allow is, and a
 * blocked sender cannot tell that they were blocked.
 */
class DeliveryRulesTest {

    static List<Situation> everySituation() {
        List<Situation> all = new ArrayList<>();
        for (DmPolicy sender : DmPolicy.values()) {
            for (DmPolicy recipient : DmPolicy.values()) {
                for (boolean friends : List.of(false, true)) {
                    for (boolean senderBlocked : List.of(false, true)) {
                        for (boolean recipientBlocked : List.of(false, true)) {
                            for (MemberState state : MemberState.values()) {
                                for (int sent = 0; sent <= 4; sent++) {
                                    all.add(new Situation(sender, recipient, friends, senderBlocked, recipientBlocked,
                                            state, sent));
                                }
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    /** What the recipient's settings allow, written from the product rules, independently of the code. */
    static boolean recipientAllows(Situation s) {
        if (s.recipientBlockedSender() || s.recipientPolicy() == DmPolicy.NO_ONE) {
            return false;
        }
        if (s.recipientPolicy() == DmPolicy.FRIENDS) {
            return s.friends();
        }
        return s.friends() || s.recipientState() == MemberState.ACCEPTED
                || (s.recipientState() != MemberState.DECLINED && s.sentAsRequest() < 3);
    }

    /** What the sender's own settings allow. */
    static boolean senderAllows(Situation s) {
        return !s.senderBlockedRecipient() && s.senderPolicy() != DmPolicy.NO_ONE;
    }

    @Test
    void deliversExactlyWhatBothSidesSettingsAllow() {
        List<Situation> situations = everySituation();
        for (Situation s : situations) {
            Decision decision = DeliveryRules.decide(s);
            assertThat(decision instanceof Decision.Deliver).as("%s", s).isEqualTo(recipientAllows(s) && senderAllows(s));
        }
        assertThat(situations).hasSize(3 * 3 * 2 * 2 * 2 * 4 * 5);
    }

    @Test
    void aBlockedSenderIsToldOnlyPrivacyDenied() {
        everySituation().stream().filter(Situation::recipientBlockedSender).forEach(s ->
                assertThat(DeliveryRules.decide(s)).as("%s", s)
                        .isEqualTo(new Decision.Refuse(ErrorCode.PRIVACY_DENIED, "this person isn't accepting your messages")));
    }

    @Test
    void strangersMessagesWaitAsRequestsAndFriendsOrAcceptedOnesDoNot() {
        for (Situation s : everySituation()) {
            if (DeliveryRules.decide(s) instanceof Decision.Deliver deliver) {
                boolean stranger = !s.friends() && s.recipientState() != MemberState.ACCEPTED;
                assertThat(deliver.recipientState()).as("%s", s)
                        .isEqualTo(stranger ? MemberState.REQUEST : MemberState.ACCEPTED);
            }
        }
    }

    @Test
    void everyRefusalIsTyped() {
        everySituation().stream().map(DeliveryRules::decide).filter(Decision.Refuse.class::isInstance)
                .map(Decision.Refuse.class::cast)
                .forEach(refuse -> assertThat(refuse.code()).isIn(ErrorCode.PRIVACY_DENIED, ErrorCode.BLOCKED,
                        ErrorCode.FORBIDDEN));
    }

    @Test
    void addingToAGroupNeedsWhatAnAcceptedMessageNeedsAndNeverMore() {
        for (Situation s : everySituation()) {
            Decision message = DeliveryRules.decide(s);
            Decision add = DeliveryRules.addToGroup(s);
            boolean acceptedMessage = message instanceof Decision.Deliver deliver
                    && deliver.recipientState() == MemberState.ACCEPTED;
            assertThat(add instanceof Decision.Deliver).as("%s", s).isEqualTo(acceptedMessage);
            if (message instanceof Decision.Refuse refuse) {
                assertThat(add).as("%s", s).isEqualTo(refuse);
            } else if (add instanceof Decision.Refuse refuse) {
                assertThat(refuse.code()).isEqualTo(ErrorCode.PRIVACY_DENIED);
            }
        }
    }
}
