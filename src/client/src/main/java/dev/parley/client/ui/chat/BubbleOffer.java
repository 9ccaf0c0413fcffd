package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.LiveClock;
import dev.parley.client.ui.offers.Countdown;
import dev.parley.protocol.Offer;
import java.time.Instant;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An offer inside a bubble: a card with its title, description, code with Copy code, and a countdown that follows
 * the window's one {@link LiveClock} ("Ends in 2 h 14 min") and turns to "Expired" at the offer's end. The code
 * stays copyable after the end (a shop may still honour it); the card is then muted and says so.
 */
final class BubbleOffer extends VBox {
    private static final PseudoClass EXPIRED = PseudoClass.getPseudoClass("expired");

    private final LiveClock clock;
    private final Formats formats;
    private final Label countdown = new Label();
    private final Label title = new Label();
    private final Label description = new Label();
    private final Label code = new Label();
    private final Button copy = new Button(ViewLoader.text("offer.copy"), new FontIcon("fth-copy"));
    private final HBox codeRow;
    private final Label ends = new Label();
    private final ChangeListener<Instant> ticking = (obs, old, now) -> showTime();
    /** Weak, so a cell the list drops does not stay alive (and ticking) through the window's clock. */
    private final WeakChangeListener<Instant> weakTicking = new WeakChangeListener<>(ticking);
    private final PauseTransition copiedFor = new PauseTransition(Duration.seconds(2));
    private Offer shown;

    BubbleOffer(LiveClock clock, Formats formats) {
        super(6);
        this.clock = clock;
        this.formats = formats;
        getStyleClass().add("offer-card");
        setId("offerCard");
        FontIcon tag = new FontIcon("fth-tag");
        tag.getStyleClass().add("offer-icon");
        Label kind = new Label(ViewLoader.text("offer.kind"));
        kind.getStyleClass().add("offer-kind");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        countdown.getStyleClass().add("offer-countdown");
        countdown.setId("offerCountdown");
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(6, tag, kind, grow, countdown);
        header.getStyleClass().add("offer-header");
        title.getStyleClass().add("offer-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        description.getStyleClass().add("offer-description");
        description.setWrapText(true);
        description.setMinHeight(Region.USE_PREF_SIZE);
        code.getStyleClass().add("offer-code");
        code.setId("offerCode");
        copy.getStyleClass().addAll("offer-copy", "small");
        copy.setId("copyCodeButton");
        copy.setTooltip(new Tooltip(ViewLoader.text("offer.copy.tip")));
        copy.setOnAction(event -> copyCode());
        copiedFor.setOnFinished(event -> copy.setText(ViewLoader.text("offer.copy")));
        codeRow = new HBox(8, code, copy);
        codeRow.getStyleClass().add("offer-code-row");
        ends.getStyleClass().add("offer-ends");
        getChildren().setAll(header, title, description, codeRow, ends);
        setMinWidth(260);
    }

    void show(MessageItem message) {
        Offer offer = message == null || message.unsentProperty().get() ? null : message.offer();
        if (shown == null && offer != null) {
            clock.nowProperty().addListener(weakTicking);
        } else if (shown != null && offer == null) {
            clock.nowProperty().removeListener(weakTicking);
        }
        shown = offer;
        setVisible(offer != null);
        setManaged(offer != null);
        if (offer == null) {
            return;
        }
        title.setText(offer.title());
        description.setText(offer.description());
        description.setVisible(!offer.description().isEmpty());
        description.setManaged(!offer.description().isEmpty());
        code.setText(offer.code() == null ? "" : offer.code());
        codeRow.setVisible(offer.code() != null);
        codeRow.setManaged(offer.code() != null);
        copy.setText(ViewLoader.text("offer.copy"));
        copy.setAccessibleText(offer.code() == null ? null : ViewLoader.text("offer.copy.accessible", offer.code()));
        showTime();
    }

    /** The countdown and the end as they read at the clock's latest tick. */
    private void showTime() {
        Offer offer = shown;
        if (offer == null) {
            return;
        }
        Instant now = clock.now();
        boolean expired = Countdown.expired(offer.expiresAt(), now);
        String left = Countdown.text(offer.expiresAt(), now);
        if (!left.equals(countdown.getText())) {
            countdown.setText(left);
        }
        pseudoClassStateChanged(EXPIRED, expired);
        String end = expired ? ViewLoader.text("offer.ended", formats.dateTime(offer.expiresAt()))
                : ViewLoader.text("offer.ends", formats.upcoming(offer.expiresAt()));
        if (!end.equals(ends.getText())) {
            ends.setText(end);
        }
        setAccessibleText(ViewLoader.text("offer.accessible", offer.title(), left));
    }

    private void copyCode() {
        if (shown == null || shown.code() == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(shown.code());
        Clipboard.getSystemClipboard().setContent(content);
        copy.setText(ViewLoader.text("offer.copied"));
        copiedFor.playFromStart();
    }
}
