package dev.parley.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.notify.NotificationPolicy.Outcome;
import dev.parley.client.notify.NotificationPolicy.Situation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long CAROL = 7;
    private static final long BOB = 3;

    private static Situation arriving(long conversation) {
        return new Situation(conversation, false, BOB, true, null, null, true, NOW, null);
    }

    @Test
    void aMessageInABackgroundConversationNotifies() {
        assertThat(NotificationPolicy.decide(arriving(CAROL))).isEqualTo(Outcome.NORMAL);
    }

    @Test
    void aMessageInTheOpenConversationOfTheFocusedWindowDoesNot() {
        assertThat(NotificationPolicy.decide(arriving(BOB))).isEqualTo(Outcome.NONE);
    }

    @Test
    void theOpenConversationNotifiesWhileTheWindowIsInTheBackground() {
        Situation unfocused = new Situation(BOB, false, BOB, false, null, null, true, NOW, null);

        assertThat(NotificationPolicy.decide(unfocused)).isEqualTo(Outcome.NORMAL);
    }

    @Test
    void aMessageRequestNotifiesQuietly() {
        Situation request = new Situation(CAROL, true, BOB, true, null, null, true, NOW, null);

        assertThat(NotificationPolicy.decide(request)).isEqualTo(Outcome.QUIET);
    }

    @Test
    void aMutedConversationStaysSilentUntilTheMuteEnds() {
        Situation muted = new Situation(CAROL, false, BOB, false, NOW.plus(Duration.ofHours(1)), null, true, NOW, null);
        Situation mutedAlways = new Situation(CAROL, false, BOB, false, NotificationSettings.ALWAYS, null, true, NOW, null);
        Situation muteOver = new Situation(CAROL, false, BOB, false, NOW.minusSeconds(1), null, true, NOW, null);

        assertThat(NotificationPolicy.decide(muted)).isEqualTo(Outcome.NONE);
        assertThat(NotificationPolicy.decide(mutedAlways)).isEqualTo(Outcome.NONE);
        assertThat(NotificationPolicy.decide(muteOver)).isEqualTo(Outcome.NORMAL);
    }

    @Test
    void doNotDisturbAndTheGlobalSwitchSilenceEverything() {
        Situation dnd = new Situation(CAROL, true, null, false, null, NOW.plus(Duration.ofMinutes(5)), true, NOW, null);
        Situation off = new Situation(CAROL, false, null, false, null, null, false, NOW, null);

        assertThat(NotificationPolicy.decide(dnd)).isEqualTo(Outcome.NONE);
        assertThat(NotificationPolicy.decide(off)).isEqualTo(Outcome.NONE);
    }

    @Test
    void aBurstInOneConversationNotifiesOnceUntilItQuietsDown() {
        Instant shown = NOW.minusSeconds(2);
        Situation again = new Situation(CAROL, false, BOB, true, null, null, true, NOW, shown);
        Situation later = new Situation(CAROL, false, BOB, true, null, null, true,
                shown.plus(NotificationPolicy.BURST), shown);
        Situation elsewhere = new Situation(CAROL + 1, false, BOB, true, null, null, true, NOW, null);

        assertThat(NotificationPolicy.decide(again)).isEqualTo(Outcome.NONE);
        assertThat(NotificationPolicy.decide(later)).isEqualTo(Outcome.NORMAL);
        assertThat(NotificationPolicy.decide(elsewhere)).isEqualTo(Outcome.NORMAL);
    }
}
