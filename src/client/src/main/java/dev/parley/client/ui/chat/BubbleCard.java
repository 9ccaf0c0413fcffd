package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Avatar;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.protocol.UserProfile;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A shared profile in a bubble, the way people introduce creators to each other: picture, name, @handle and
 * #tags, with Follow and Message buttons; a click on the person opens their full profile card.
 */
final class BubbleCard extends VBox {
    private final ChatViewModel model;
    private final AvatarPictures pictures;
    private final Consumer<String> onShowProfile;
    private final Avatar avatar = new Avatar(Avatar.Size.LIST);
    private final Label name = new Label();
    private final Label handle = new Label();
    private final Label tags = new Label();
    private final Button follow = new Button();
    private final Button message = new Button(ViewLoader.text("sharedCard.message"));
    private UserProfile shown;

    BubbleCard(ChatViewModel model, AvatarPictures pictures, Consumer<String> onShowProfile) {
        super(8);
        this.model = model;
        this.pictures = pictures;
        this.onShowProfile = onShowProfile;
        getStyleClass().add("bubble-card");
        name.getStyleClass().add("bubble-card-name");
        handle.getStyleClass().add("bubble-card-handle");
        tags.getStyleClass().add("bubble-card-tags");
        tags.setWrapText(true);
        VBox who = new VBox(1, name, handle, tags);
        HBox person = new HBox(10, avatar, who);
        person.setAlignment(Pos.CENTER_LEFT);
        person.setCursor(Cursor.HAND);
        person.setOnMouseClicked(event -> {
            if (shown != null) {
                onShowProfile.accept(shown.handle());
            }
        });
        follow.getStyleClass().addAll("small", "bubble-card-follow");
        message.getStyleClass().addAll("small", "accent", "bubble-card-message");
        follow.setOnAction(event -> toggleFollow());
        message.setOnAction(event -> {
            if (shown != null) {
                model.messagePerson(shown.handle());
            }
        });
        HBox actions = new HBox(6, follow, message);
        getChildren().setAll(person, actions);
    }

    void show(MessageItem item) {
        UserProfile card = item == null || item.unsentProperty().get() ? null : item.card();
        setVisible(card != null);
        setManaged(card != null);
        if (card == null || card.equals(shown)) {
            return;
        }
        shown = card;
        pictures.show(avatar, card);
        name.setText(card.displayName());
        handle.setText("@" + card.handle());
        String tagLine = String.join("  ", card.tags().stream().map(tag -> "#" + tag).toList());
        tags.setText(tagLine);
        tags.setVisible(!tagLine.isEmpty());
        tags.setManaged(!tagLine.isEmpty());
        boolean me = card.handle().equals(model.myHandle());
        follow.setVisible(!me);
        follow.setManaged(!me);
        message.setVisible(!me);
        message.setManaged(!me);
        follow.setText(ViewLoader.text("sharedCard.follow"));
        follow.setUserData(Boolean.FALSE);
        setAccessibleText(ViewLoader.text("card.accessible", card.displayName(), card.handle()));
    }

    private void toggleFollow() {
        if (shown == null) {
            return;
        }
        boolean following = Boolean.TRUE.equals(follow.getUserData());
        String showing = shown.handle();
        follow.setDisable(true);
        model.follow(showing, !following).whenComplete((now, error) -> Platform.runLater(() -> {
            follow.setDisable(false);
            if (error == null && shown != null && showing.equals(shown.handle())) {
                follow.setUserData(now);
                follow.setText(ViewLoader.text(now ? "sharedCard.following" : "sharedCard.follow"));
            }
        }));
    }
}
