package dev.parley.client.ui.people;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Avatar;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.protocol.UserProfile;
import java.util.function.Predicate;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Find people": search as you type, results with picture, name, handle and tags, "Show more". Activating a
 * result opens the profile card through {@code openCard}, which answers true when a chat was opened from it
 * (then this dialog closes too).
 */
public final class FindPeopleDialog extends Dialog<Void> {
    private final FindPeopleViewModel model;
    private final AvatarPictures pictures;
    private final Predicate<String> openCard;

    @FXML private TextField peopleSearchField;
    @FXML private ListView<UserProfile> resultList;
    @FXML private Label statusLabel;
    @FXML private Button moreButton;

    public FindPeopleDialog(Window owner, ChatSession session, AvatarPictures pictures, String query,
            Predicate<String> openCard) {
        this.model = new FindPeopleViewModel(session.people());
        this.pictures = pictures;
        this.openCard = openCard;
        initOwner(owner);
        setTitle(ViewLoader.text("people.title"));
        setHeaderText(null);
        setResizable(true);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setContent(ViewLoader.load(FxmlView.FIND_PEOPLE, this));
        setOnShown(event -> peopleSearchField.requestFocus());
        model.queryProperty().set(query == null ? "" : query);
    }

    @FXML
    private void initialize() {
        peopleSearchField.textProperty().bindBidirectional(model.queryProperty());
        resultList.setItems(model.results());
        resultList.setCellFactory(list -> new PersonCell());
        resultList.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        resultList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        statusLabel.textProperty().bind(model.statusProperty());
        statusLabel.visibleProperty().bind(model.statusProperty().isNotEmpty());
        statusLabel.managedProperty().bind(statusLabel.visibleProperty());
        moreButton.visibleProperty().bind(model.moreProperty());
        moreButton.managedProperty().bind(moreButton.visibleProperty());
    }

    private void openSelected() {
        UserProfile person = resultList.getSelectionModel().getSelectedItem();
        if (person == null) {
            return;
        }
        if (openCard.test(person.handle())) {
            close();
        } else {
            model.refresh();
        }
    }

    @FXML
    private void showMore() {
        model.showMore();
    }

    /** One person: picture, name, @handle and tags. */
    private final class PersonCell extends ListCell<UserProfile> {
        private final Avatar avatar = new Avatar(Avatar.Size.LIST);
        private final Label name = new Label();
        private final Label details = new Label();
        private final HBox row = new HBox(12, avatar, new VBox(2, name, details));

        PersonCell() {
            name.getStyleClass().add("person-name");
            details.getStyleClass().add("person-details");
            row.getStyleClass().add("person-row");
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(UserProfile person, boolean empty) {
            super.updateItem(person, empty);
            if (empty || person == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            pictures.show(avatar, person);
            name.setText(person.displayName());
            String tags = String.join(" ", person.tags().stream().map(tag -> "#" + tag).toList());
            details.setText("@" + person.handle() + (tags.isEmpty() ? "" : "  ·  " + tags));
            setAccessibleText(person.displayName() + ", @" + person.handle());
            setGraphic(row);
        }
    }
}
