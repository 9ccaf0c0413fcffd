package dev.parley.client.ui.quickreply;

import dev.parley.client.ui.ViewLoader;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/** Above the composer while a quick reply's variables lack values: which, and a way to fill them in. */
public final class UnfilledBar extends HBox {

    public UnfilledBar(ComposerQuickReplies quickReplies, Runnable setFields) {
        getStyleClass().add("unfilled-bar");
        getStylesheets().add(ViewLoader.stylesheet("quickreply/quickreply.css"));
        setAlignment(Pos.CENTER_LEFT);
        FontIcon icon = new FontIcon("fth-alert-circle");
        icon.getStyleClass().add("unfilled-bar-icon");
        Label text = new Label();
        text.setId("unfilledText");
        text.getStyleClass().add("unfilled-bar-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button fill = new Button(ViewLoader.text("quickReply.unfilled.set"));
        fill.setId("setContactFieldsButton");
        fill.getStyleClass().addAll("small");
        fill.setOnAction(event -> setFields.run());
        getChildren().setAll(icon, text, fill);
        Runnable refresh = () -> {
            boolean shown = !quickReplies.unfilled().isEmpty();
            setVisible(shown);
            setManaged(shown);
            var recipient = quickReplies.recipient();
            String names = quickReplies.unfilled().stream().map(name -> "{" + name + "}")
                    .collect(Collectors.joining(", "));
            text.setText(recipient == null ? ViewLoader.text("quickReply.unfilled.group", names)
                    : ViewLoader.text("quickReply.unfilled", names, recipient.displayName()));
            fill.setVisible(recipient != null);
            fill.setManaged(recipient != null);
        };
        quickReplies.unfilled().addListener((ListChangeListener<String>) change -> refresh.run());
        refresh.run();
    }
}
