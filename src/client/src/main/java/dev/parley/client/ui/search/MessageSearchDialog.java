package dev.parley.client.ui.search;

import dev.parley.client.store.SearchTerms;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Window;

/** "Search all messages" (Ctrl+Shift+K): type words, see matching messages by chat, Enter opens one. */
public final class MessageSearchDialog extends Dialog<Void> {
    /** Characters of context shown before the first matching word. */
    private static final int CONTEXT = 40;
    private static final int SNIPPET = 160;

    private final MessageSearchViewModel model;

    @FXML private TextField messageSearchField;
    @FXML private Label searchSummary;
    @FXML private ListView<MessageSearchViewModel.Row> searchResults;

    public MessageSearchDialog(Window owner, MessageSearchViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("search.title"));
        setHeaderText(null);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setContent(ViewLoader.load(FxmlView.MESSAGE_SEARCH, this));
        setResultConverter(button -> null);
        setOnShown(event -> messageSearchField.requestFocus());
    }

    @FXML
    private void initialize() {
        messageSearchField.textProperty().bindBidirectional(model.queryProperty());
        searchSummary.textProperty().bind(model.summaryProperty());
        searchResults.setItems(model.rows());
        searchResults.setCellFactory(list -> new ResultCell());
        searchResults.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                openSelected();
            }
        });
        searchResults.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
        messageSearchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                selectFirstHit();
                searchResults.requestFocus();
                if (event.getCode() == KeyCode.ENTER) {
                    openSelected();
                }
                event.consume();
            }
        });
    }

    private void selectFirstHit() {
        if (!(searchResults.getSelectionModel().getSelectedItem() instanceof MessageSearchViewModel.Row.Hit)) {
            for (int i = 0; i < searchResults.getItems().size(); i++) {
                if (searchResults.getItems().get(i) instanceof MessageSearchViewModel.Row.Hit) {
                    searchResults.getSelectionModel().select(i);
                    searchResults.scrollTo(Math.max(0, i - 1));
                    return;
                }
            }
        }
    }

    private void openSelected() {
        if (searchResults.getSelectionModel().getSelectedItem() instanceof MessageSearchViewModel.Row.Hit hit) {
            model.open(hit);
            close();
        }
    }

    /** The text around the first match, with every matching word marked. */
    static List<Node> snippet(String text, SearchTerms terms) {
        List<SearchTerms.Match> matches = terms.find(text);
        int from = matches.isEmpty() ? 0 : Math.max(0, matches.get(0).start() - CONTEXT);
        int to = Math.min(text.length(), from + SNIPPET);
        List<Node> parts = new ArrayList<>();
        if (from > 0) {
            parts.add(plain("…"));
        }
        int at = from;
        for (SearchTerms.Match match : matches) {
            if (match.start() < at || match.end() > to) {
                continue;
            }
            parts.add(plain(text.substring(at, match.start())));
            Text marked = new Text(text.substring(match.start(), match.end()));
            marked.getStyleClass().add("search-match");
            parts.add(marked);
            at = match.end();
        }
        parts.add(plain(text.substring(at, to).replace('\n', ' ') + (to < text.length() ? "…" : "")));
        return parts;
    }

    private static Text plain(String text) {
        Text node = new Text(text.replace('\n', ' '));
        node.getStyleClass().add("search-text");
        return node;
    }

    private final class ResultCell extends ListCell<MessageSearchViewModel.Row> {
        @Override
        protected void updateItem(MessageSearchViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            getStyleClass().removeAll("search-chat-row", "search-hit-row");
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            if (row instanceof MessageSearchViewModel.Row.Chat chat) {
                getStyleClass().add("search-chat-row");
                Label title = new Label(ViewLoader.text("search.chat", chat.title(), chat.count()));
                title.getStyleClass().add("search-chat");
                setGraphic(title);
                setAccessibleText(title.getText());
                return;
            }
            MessageSearchViewModel.Row.Hit hit = (MessageSearchViewModel.Row.Hit) row;
            getStyleClass().add("search-hit-row");
            Label sender = new Label("@" + hit.message().sender());
            sender.getStyleClass().add("search-sender");
            Label when = new Label(model.when(hit.message()));
            when.getStyleClass().add("search-when");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            TextFlow text = new TextFlow(snippet(hit.message().text(), hit.terms()).toArray(Node[]::new));
            text.setMaxWidth(520);
            VBox box = new VBox(2, new HBox(8, sender, gap, when), text);
            setGraphic(box);
            setAccessibleText(ViewLoader.text("search.hit.accessible", hit.message().sender(), hit.chatTitle(),
                    hit.message().text()));
        }
    }
}
