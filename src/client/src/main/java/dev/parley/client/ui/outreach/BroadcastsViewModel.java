package dev.parley.client.ui.outreach;

import dev.parley.client.sync.Outreach;
import dev.parley.client.ui.offers.OfferViewModel;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.Refusals;
import dev.parley.protocol.Broadcast;
import dev.parley.protocol.Offer;
import dev.parley.protocol.BroadcastContent;
import dev.parley.protocol.BroadcastRecipient;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.RecipientStatus;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Segment;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Broadcasts window: past broadcasts with their results (live), and a new broadcast — a segment, a text with
 * variables, a preview from the server (three examples, who is skipped and why), then Send. Send is offered only for
 * the segment and text just previewed; its client id is kept until the server has it, so trying again never doubles.
 */
public final class BroadcastsViewModel {
    /** One rendered example: to whom, and what they would read. */
    public record Example(String to, String text) {
    }

    /** One recipient's outcome, as shown in a broadcast's results. */
    public record Outcome(String who, String outcome) {
    }

    private final Outreach outreach;
    private final Formats formats;
    private final Clock clock;
    private final ObjectProperty<Segment> segment = new SimpleObjectProperty<>(this, "segment");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Offer> offer = new SimpleObjectProperty<>(this, "offer");
    private final ObservableList<Example> examples = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewSummary = new ReadOnlyStringWrapper(this, "previewSummary", "");
    private final BooleanProperty previewed = new SimpleBooleanProperty(this, "previewed");
    private final BooleanProperty anyRecipient = new SimpleBooleanProperty(this, "anyRecipient");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty composing = new SimpleBooleanProperty(this, "composing", true);
    private final ObjectProperty<Broadcast> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding canSend;
    private UUID clientId = UUID.randomUUID();

    public BroadcastsViewModel(Outreach outreach, Formats formats, Clock clock) {
        this.outreach = outreach;
        this.formats = formats;
        this.clock = clock;
        segment.addListener((obs, was, now) -> inputsChanged());
        text.addListener((obs, was, now) -> inputsChanged());
        offer.addListener((obs, was, now) -> inputsChanged());
        canSend = previewed.and(anyRecipient).and(busy.not());
        outreach.broadcasts().addListener((ListChangeListener<Broadcast>) change -> {
            Broadcast open = selected.get();
            if (open != null) {
                outreach.broadcasts().stream().filter(b -> b.id() == open.id() && !b.equals(open)).findFirst()
                        .ifPresent(this::select);
            }
        });
        if (!outreach.segments().isEmpty()) {
            segment.set(outreach.segments().get(0));
        }
    }

    private void inputsChanged() {
        previewed.set(false);
        anyRecipient.set(false);
        examples.clear();
        previewSummary.set("");
        error.set("");
        clientId = UUID.randomUUID();
    }

    public void newBroadcast() {
        selected.set(null);
        composing.set(true);
    }

    /** Shows a past broadcast's results and each recipient's outcome. */
    public void select(Broadcast broadcast) {
        selected.set(broadcast);
        if (broadcast == null) {
            return;
        }
        composing.set(false);
        outreach.detail(broadcast.id()).whenComplete((detail, failure) -> Platform.runLater(() -> {
            if (selected.get() == null || selected.get().id() != broadcast.id()) {
                return;
            }
            if (failure != null) {
                error.set(Refusals.describe(failure));
            } else {
                outcomes.setAll(detail.recipients().stream().map(this::outcome).toList());
            }
        }));
    }

    /** A segment was made or changed in its dialog: choose it. */
    public void segmentSaved(Segment saved) {
        Platform.runLater(() -> segment.set(outreach.segments().stream().filter(s -> s.id() == saved.id())
                .findFirst().orElse(saved)));
    }

    public void preview() {
        Segment chosen = segment.get();
        if (chosen == null) {
            error.set(ViewLoader.text("outreach.broadcast.chooseSegment"));
            return;
        }
        String typed = text.get();
        Offer attached = offer.get();
        busy.set(true);
        error.set("");
        try {
            outreach.preview(chosen.id(), content()).whenComplete((preview, failure) -> Platform.runLater(() -> {
                busy.set(false);
                if (segment.get() != chosen || !text.get().equals(typed) || offer.get() != attached) {
                    return;
                }
                if (failure != null) {
                    error.set(Refusals.describe(failure));
                } else {
                    showPreview(preview);
                }
            }));
        } catch (ProtocolException refused) {
            busy.set(false);
            error.set(Refusals.describe(refused));
        }
    }

    private void showPreview(Reply.BroadcastPreview preview) {
        // The offer card goes to everyone the same; the examples name it under each person's text.
        String card = offer.get() == null ? "" : ViewLoader.text("outreach.broadcast.offerLine", offer.get().title());
        examples.setAll(preview.examples().stream().map(e -> new Example(
                ViewLoader.text("outreach.broadcast.to", e.displayName(), e.handle()),
                card.isEmpty() ? e.text() : e.text().isBlank() ? card : e.text() + "\n" + card)).toList());
        String skipped = skipped(preview.skipped());
        previewSummary.set(skipped.isEmpty()
                ? ViewLoader.text("outreach.broadcast.willReach", preview.recipients())
                : ViewLoader.text("outreach.broadcast.willReachSkipping", preview.recipients(), skipped));
        previewed.set(true);
        anyRecipient.set(preview.recipients() > 0);
    }

    /** The text and the offer, if one is attached (then the text is its comment and may be empty). */
    private BroadcastContent content() {
        return new BroadcastContent(text.get(), offer.get());
    }

    /** A past broadcast's words in the list: its text, or the offer's title when it has no text. */
    public static String summary(Broadcast broadcast) {
        BroadcastContent content = broadcast.content();
        if (content.offer() == null) {
            return content.text();
        }
        String offer = ViewLoader.text("outreach.broadcast.offerLine", content.offer().title());
        return content.text().isBlank() ? offer : content.text() + " · " + offer;
    }

    public void send() {
        Segment chosen = segment.get();
        if (!canSend.get() || chosen == null) {
            return;
        }
        BroadcastContent content;
        try {
            content = content();
        } catch (ProtocolException refused) {
            error.set(Refusals.describe(refused));
            return;
        }
        busy.set(true);
        outreach.send(clientId, chosen.id(), content).whenComplete((broadcast, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(Refusals.describe(failure));
                return;
            }
            text.set("");
            offer.set(null);
            select(broadcast);
        }));
    }

    /** "Sent 2 · Queued 1 · Skipped 4 · Replied 1 · Opted out 1", leaving out what is none (but Sent). */
    public static String results(Broadcast b) {
        List<String> parts = new ArrayList<>();
        parts.add(ViewLoader.text("outreach.results.sent", b.sent()));
        addIf(parts, b.queued(), "outreach.results.queued");
        addIf(parts, b.skipped(), "outreach.results.skipped");
        addIf(parts, b.failed(), "outreach.results.failed");
        addIf(parts, b.replied(), "outreach.results.replied");
        addIf(parts, b.optedOut(), "outreach.results.optedOut");
        return String.join(" · ", parts);
    }

    private static void addIf(List<String> parts, int count, String key) {
        if (count > 0) {
            parts.add(ViewLoader.text(key, count));
        }
    }

    /** "1 blocked, 2 opted out". */
    static String skipped(Map<String, Integer> byReason) {
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, count) -> parts.add(count + " " + reason(reason)));
        return String.join(", ", parts);
    }

    private static String reason(String wire) {
        String key = "outreach.skip." + wire.toLowerCase(Locale.ROOT);
        return ViewLoader.bundle().containsKey(key) ? ViewLoader.text(key) : wire;
    }

    public String heading(Broadcast b) {
        return ViewLoader.text("outreach.broadcast.heading", b.segment(), formats.dateTime(b.createdAt()));
    }

    private Outcome outcome(BroadcastRecipient r) {
        String outcome = switch (r.status()) {
            case SENT -> ViewLoader.text("outreach.outcome.sent");
            case QUEUED -> ViewLoader.text("outreach.outcome.queued");
            case SKIPPED -> ViewLoader.text("outreach.outcome.skipped", reason(r.reason()));
            case FAILED -> ViewLoader.text("outreach.outcome.failed", r.reason());
        };
        if (r.optedOut()) {
            outcome += " · " + ViewLoader.text("outreach.outcome.optedOut");
        } else if (r.replied() && r.status() == RecipientStatus.SENT) {
            outcome += " · " + ViewLoader.text("outreach.outcome.replied");
        }
        return new Outcome(ViewLoader.text("outreach.broadcast.to", r.displayName(), r.handle()), outcome);
    }

    public ObservableList<Segment> segments() {
        return outreach.segments();
    }

    public ObservableList<Broadcast> broadcasts() {
        return outreach.broadcasts();
    }

    public Outreach outreach() {
        return outreach;
    }

    public ObjectProperty<Segment> segmentProperty() {
        return segment;
    }

    /** The form for an offer to attach: it attaches, it does not send. */
    public OfferViewModel offerForm() {
        return new OfferViewModel(chosen -> {
            offer.set(chosen);
            return CompletableFuture.completedFuture(null);
        }, clock, formats, ZoneId.systemDefault());
    }

    /** The offer the broadcast carries, or null. */
    public ObjectProperty<Offer> offerProperty() {
        return offer;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<Example> examples() {
        return examples;
    }

    public ReadOnlyStringProperty previewSummaryProperty() {
        return previewSummary.getReadOnlyProperty();
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    public BooleanBinding canPreviewProperty() {
        return Bindings.createBooleanBinding(() -> segment.get() != null
                && (!text.get().isBlank() || offer.get() != null) && !busy.get(), segment, text, offer, busy);
    }

    public BooleanProperty composingProperty() {
        return composing;
    }

    public ObjectProperty<Broadcast> selectedProperty() {
        return selected;
    }

    public ObservableList<Outcome> outcomes() {
        return outcomes;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
