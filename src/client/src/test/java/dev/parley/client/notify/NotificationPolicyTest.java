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
        return new Situation(conversation, false, BOB, true, null, null, true, NOW);
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
        Situation unfocused = new Situation(BOB, false, BOB, false, null, null, true, NOW);

        assertThat(NotificationPolicy.decide(unfocused)).isEqualTo(Outcome.NORMAL);
    }

    @Test
    void aMessageRequestNotifiesQuietly() {
        Situation request = new Situation(CAROL, true, BOB, true, null, null, true, NOW);

        assertThat(NotificationPolicy.decide(request)).isEqualTo(Outcome.QUIET);
    }

    @Test
    void aMutedConversationStaysSilentUntilTheMuteEnds() {
        Situation muted = new Situation(CAROL, false, BOB, false, NOW.plus(Duration.ofHours(1)), null, true, NOW);
        Situation mutedAlways = new Situation(CAROL, false, BOB, false, NotificationSettings.ALWAYS, null, true, NOW);
        Situation muteOver = new Situation(CAROL, false, BOB, false, NOW.minusSeconds(1), null, true, NOW);

        assertThat(NotificationPolicy.decide(muted)).isEqualTo(Outcome.NONE);
        assertThat(NotificationPolicy.decide(mutedAlways)).isEqualTo(Outcome.NONE);
        assertThat(NotificationPolicy.decide(muteOver)).isEqualTo(Outcome.NORMAL);
    }

    @Test
    void doNotDisturbAndTheGlobalSwitchSilenceEverything() {
        Situation dnd = new Situation(CAROL, true, null, false, null, NOW.plus(Duration.ofMinutes(5)), true, NOW);
        Situation off = new Situation(CAROL, false, null, false, null, null, false, NOW);

        assertThat(NotificationPolicy.decide(dnd)).isEqualTo(Outcome.NONE);
        assertThat(NotificationPolicy.decide(off)).isEqualTo(Outcome.NONE);
    }
}
