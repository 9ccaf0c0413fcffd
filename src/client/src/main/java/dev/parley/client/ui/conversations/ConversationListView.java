package dev.parley.client.ui.conversations;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.emoji.EmojiImages;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** The left pane: header with actions, search, and the list of conversations. */
public final class ConversationListView {

    /** What the account menu's items do (the window owns the dialogs). */
    private final AvatarPictures pictures;

    public record AccountMenu(Runnable privacy, Runnable editProfile, Runnable findPeople, Runnable settings) {
    }

    private final ConversationListViewModel model;
    private final Formats formats;
    private final Runnable onNewMessage;
    private final Runnable onNewGroup;
    private final Runnable onSignOut;
    private final AccountMenu accountMenu;
    private final String whoAmIText;
    private final String signOutText;
    private final Parent root;

    @FXML private TextField searchField;
    @FXML private ListView<ConversationItem> list;
    @FXML private MenuItem whoAmI;
    @FXML private MenuItem signOutItem;
    @FXML private Label title;
    @FXML private javafx.scene.layout.HBox requestsBar;
    @FXML private javafx.scene.control.Button requestsButton;
    @FXML private org.kordamp.ikonli.javafx.FontIcon requestsIcon;

    public ConversationListView(ConversationListViewModel model, Formats formats, String whoAmIText,
            String signOutText, Runnable onNewMessage, Runnable onNewGroup, Runnable onSignOut,
            AccountMenu accountMenu, AvatarPictures pictures) {
        this.onNewGroup = onNewGroup;
        this.accountMenu = accountMenu;
        this.pictures = pictures;
        this.model = model;
        this.formats = formats;
        this.whoAmIText = whoAmIText;
        this.signOutText = signOutText;
        this.onNewMessage = onNewMessage;
        this.onSignOut = onSignOut;
        this.root = ViewLoader.load(FxmlView.CONVERSATIONS, this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        whoAmI.setText(whoAmIText);
        signOutItem.setText(signOutText);
        var requests = model.showingRequestsProperty();
        title.textProperty().bind(javafx.beans.binding.Bindings.when(requests)
                .then(ViewLoader.text("requests.title")).otherwise(ViewLoader.text("conversations.title")));
        requestsBar.visibleProperty().bind(model.requestCountProperty().greaterThan(0).or(requests));
        requestsBar.managedProperty().bind(requestsBar.visibleProperty());
        requestsButton.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> requests.get()
                ? ViewLoader.text("requests.back") : ViewLoader.text("requests.show", model.requestCountProperty().get()),
                requests, model.requestCountProperty()));
        requests.addListener((obs, was, now) -> requestsIcon.setIconLiteral(now ? "fth-arrow-left" : "fth-inbox"));
        searchField.textProperty().bindBidirectional(model.filterProperty());
        list.setItems(model.conversations());
        list.setCellFactory(view -> new ConversationCell(formats, pictures));
        // Previews drawn before the emoji pictures loaded show them once they have.
        EmojiImages.whenReady(list::refresh);
        list.setPlaceholder(emptyState());
        InboxPainted.watch(list);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                model.selectedProperty().set(item);
            }
        });
        model.selectedProperty().addListener((obs, old, item) -> {
            if (item != null && list.getSelectionModel().getSelectedItem() != item) {
                list.getSelectionModel().select(item);
                list.scrollTo(item);
            }
        });
        // Sorting moves rows under the selection; keep the selected conversation selected.
        model.conversations().addListener((javafx.collections.ListChangeListener<ConversationItem>) change -> {
            ConversationItem selected = model.selectedProperty().get();
            if (selected != null && list.getSelectionModel().getSelectedItem() != selected) {
                list.getSelectionModel().select(selected);
            }
        });
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                event.consume();
            }
        });
    }

    private VBox emptyState() {
        Label title = new Label();
        Label text = new Label();
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.isInboxEmpty()
                ? ViewLoader.text("conversations.empty.title") : ViewLoader.text("conversations.noMatch.title"),
                model.conversations()));
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.isInboxEmpty()
                ? ViewLoader.text("conversations.empty.text") : ViewLoader.text("conversations.noMatch.text"),
                model.conversations()));
        title.getStyleClass().add("empty-state-title");
        text.getStyleClass().add("empty-state-text");
        text.setWrapText(true);
        VBox box = new VBox(title, text);
        box.getStyleClass().add("empty-state");
        return box;
    }

    /** Ctrl+K: jump to the search field. */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void newMessage() {
        onNewMessage.run();
    }

    @FXML
    private void newGroup() {
        onNewGroup.run();
    }

    @FXML
    private void toggleRequests() {
        model.showingRequestsProperty().set(!model.showingRequestsProperty().get());
    }

    @FXML
    private void privacy() {
        accountMenu.privacy().run();
    }

    @FXML
    private void editProfile() {
        accountMenu.editProfile().run();
    }

    @FXML
    private void findPeople() {
        accountMenu.findPeople().run();
    }

    @FXML
    private void settings() {
        accountMenu.settings().run();
    }

    @FXML
    private void signOut() {
        onSignOut.run();
    }

    /** What Tab visits first, in order: the search, the requests button, the list. */
    public java.util.List<javafx.scene.Node> leadingFocusOrder() {
        return java.util.List.of(searchField, requestsButton, list);
    }

    /** The header's buttons, which Tab visits after the chat. */
    public java.util.List<javafx.scene.Node> headerFocusOrder() {
        return java.util.List.of(root().lookup("#newMenu"), root().lookup("#newMessageButton"),
                root().lookup("#accountMenu"));
    }

    /** The account menu (⋮), for menus added from outside this view. */
    public MenuButton accountMenuButton() {
        return (MenuButton) root().lookup("#accountMenu");
    }
}
