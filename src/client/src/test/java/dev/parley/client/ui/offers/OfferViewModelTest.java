package dev.parley.client.ui.offers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.testing.MutableClock;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.UserProfile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Offer…" form: presets and a chosen date and time in the person's zone, and what it refuses before sending. */
class OfferViewModelTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));

    @TempDir
    Path dir;
    ChatSession session;
    OfferViewModel model;

    @BeforeEach
    void form() {
        session = new ChatSession(URI.create("ws://localhost:1"), "token", new UserProfile("alice", "Alice",
                Instant.EPOCH), dir, Runnable::run, clock);
        model = new OfferViewModel(session, 7, new Formats(clock.withZone(BERLIN), Locale.UK), BERLIN);
        model.titleProperty().set("20% off mugs");
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aPresetEndsThatLongAfterNow() {
        model.lengthProperty().set(OfferViewModel.Length.THREE_DAYS);

        assertThat(model.endsAt()).contains(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(model.canSendProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).contains("ends in 3 d");
    }

    @Test
    void aChosenDateAndTimeIsInThePersonsTimeZone() {
        model.lengthProperty().set(OfferViewModel.Length.CUSTOM);
        model.dateProperty().set(LocalDate.of(2026, 11, 27));
        model.timeProperty().set("18:30");

        assertThat(model.endsAt()).contains(Instant.parse("2026-11-27T17:30:00Z"));
        assertThat(model.canSendProperty().get()).isTrue();
    }

    @Test
    void aPastOrFarOrUnreadableEndAndABadCodeCannotBeSent() {
        model.lengthProperty().set(OfferViewModel.Length.CUSTOM);
        model.dateProperty().set(LocalDate.of(2026, 11, 24));
        assertThat(model.canSendProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).contains("already passed");

        model.dateProperty().set(LocalDate.of(2027, 6, 1));
        assertThat(model.canSendProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).contains("at most 90 days");

        model.dateProperty().set(LocalDate.of(2026, 11, 26));
        model.timeProperty().set("half past six");
        assertThat(model.canSendProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).contains("18:00");

        model.timeProperty().set("18:00");
        model.codeProperty().set("NO SPACES");
        assertThat(model.canSendProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).contains("without spaces");

        model.codeProperty().set("MUG-20");
        assertThat(model.canSendProperty().get()).isTrue();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void withoutATitleNothingIsSentAndNothingIsScolded() {
        model.titleProperty().set("  ");

        assertThat(model.canSendProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
    }
}
