package dev.parley.client.ui.offers;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.schedule.ScheduleTimes;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Offer;
import dev.parley.protocol.ProtocolException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Offer…": a title, a description, an optional code and when the offer ends, either a preset (in 1 hour, 24 hours,
 * 3 days, a week) or a date and time the person picks in their own time zone. The end is checked against the
 * session's clock before sending; the server checks again against its own.
 */
public final class OfferViewModel {
    /** How long an offer runs, or a date and time of the person's choosing. */
    public enum Length {
        HOUR(Duration.ofHours(1)), DAY(Duration.ofHours(24)), THREE_DAYS(Duration.ofDays(3)),
        WEEK(Duration.ofDays(7)), CUSTOM(null);

        private final Duration duration;

        Length(Duration duration) {
            this.duration = duration;
        }

        /** The button's words, e.g. "24 hours". */
        public String label() {
            return ViewLoader.text("offer.new.length." + name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final Function<Offer, CompletableFuture<?>> deliver;
    private final Clock clock;
    private final ZoneId zone;
    private final Formats formats;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ObjectProperty<Length> length = new SimpleObjectProperty<>(this, "length", Length.DAY);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(this, "canSend");
    private boolean sending;

    /** An offer sent into a chat. */
    public OfferViewModel(ChatSession session, long conversationId, Formats formats, ZoneId zone) {
        this(offer -> session.sendOffer(conversationId, offer, null), session.clock(), formats, zone);
    }

    /** An offer handed to {@code deliver} (which sends it, or keeps it for a broadcast) once it is valid. */
    public OfferViewModel(Function<Offer, CompletableFuture<?>> deliver, Clock clock, Formats formats, ZoneId zone) {
        this.deliver = deliver;
        this.clock = clock;
        this.zone = zone;
        this.formats = formats;
        ZonedDateTime tomorrow = now().plusDays(1);
        date.set(tomorrow.toLocalDate());
        time.set(ScheduleTimes.format(java.time.LocalTime.of(18, 0)));
        InvalidationListener recheck = observable -> recheck();
        for (javafx.beans.Observable field : new javafx.beans.Observable[] {title, description, code, length, date,
                time}) {
            field.addListener(recheck);
        }
        recheck();
    }

    /** When the offer would end now, if the chosen length or date and time make sense. */
    public Optional<Instant> endsAt() {
        Length chosen = length.get();
        if (chosen != Length.CUSTOM) {
            return Optional.of(clock.instant().plus(chosen.duration));
        }
        return ScheduleTimes.parse(date.get(), time.get(), now()).map(ZonedDateTime::toInstant);
    }

    /** Queues the offer; {@code close} runs once it is in the outbox, else a sentence says why not. */
    public void send(Runnable close) {
        Optional<Offer> offer = offer();
        if (offer.isEmpty() || sending) {
            return;
        }
        sending = true;
        recheck();
        deliver.apply(offer.get()).whenComplete((done, failure) -> Platform.runLater(() -> {
            sending = false;
            if (failure == null) {
                close.run();
            } else {
                error.set(ViewLoader.text("offer.new.failed"));
                recheck();
            }
        }));
    }

    /** The offer as filled in, or empty with {@link #errorProperty()} saying what to fix. */
    private Optional<Offer> offer() {
        Optional<Instant> end = endsAt();
        Instant now = clock.instant();
        if (end.isEmpty()) {
            error.set(ViewLoader.text("offer.new.badTime"));
            return Optional.empty();
        }
        if (!end.get().isAfter(now)) {
            error.set(ViewLoader.text("offer.new.past"));
            return Optional.empty();
        }
        if (end.get().isAfter(now.plus(Duration.ofDays(Limits.MAX_OFFER_DAYS)))) {
            error.set(ViewLoader.text("offer.new.tooFar", Limits.MAX_OFFER_DAYS));
            return Optional.empty();
        }
        try {
            Offer offer = new Offer(title.get(), description.get(), code.get(), end.get());
            error.set("");
            return Optional.of(offer);
        } catch (ProtocolException e) {
            error.set(ViewLoader.text(e.getMessage().contains("code") ? "offer.new.badCode" : "offer.new.tooLong",
                    Limits.MAX_OFFER_CODE_CHARS, Limits.MAX_OFFER_TITLE_CHARS, Limits.MAX_OFFER_DESCRIPTION_CHARS));
            return Optional.empty();
        }
    }

    private void recheck() {
        boolean titled = title.get() != null && !title.get().isBlank();
        Optional<Offer> offer = titled ? offer() : Optional.empty();
        if (!titled) {
            error.set("");
        }
        canSend.set(offer.isPresent() && !sending);
        summary.set(endsAt().filter(end -> end.isAfter(clock.instant()))
                .map(end -> ViewLoader.text("offer.new.summary", formats.upcoming(end),
                        Countdown.text(end, clock.instant()).toLowerCase(java.util.Locale.getDefault())))
                .orElse(""));
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(zone);
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ObjectProperty<Length> lengthProperty() {
        return length;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    /** "The offer ends Friday at 18:00 (ends in 3 d 4 h).", or empty while the end makes no sense. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }
}
