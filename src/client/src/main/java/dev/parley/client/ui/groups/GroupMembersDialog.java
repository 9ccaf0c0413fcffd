package dev.parley.client.ui.groups;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Reply;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The members panel of a group: everyone in it with their role, owner first; for owners and admins, a menu on
 * each member they may act on (role, mute, remove).
 */
public final class GroupMembersDialog extends Dialog<Void> {
    private final GroupMembersViewModel model;

    @FXML private ListView<Reply.GroupMember> memberList;
    @FXML private Label membersError;
    @FXML private javafx.scene.control.Button addPeopleButton;

    public GroupMembersDialog(Window owner, String title, GroupMembersViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("group.members.title", title));
        setHeaderText(null);
        getDialogPane().getButtonTypes().add(new ButtonType(ViewLoader.text("group.members.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().setContent(ViewLoader.load(FxmlView.GROUP_MEMBERS, this));
        model.load();
    }

    @FXML
    private void initialize() {
        memberList.setItems(model.members());
        memberList.setCellFactory(list -> new MemberCell());
        membersError.textProperty().bind(model.errorProperty());
        membersError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        membersError.managedProperty().bind(membersError.visibleProperty());
        addPeopleButton.setVisible(model.mayAdd());
        addPeopleButton.setManaged(model.mayAdd());
    }

    @FXML
    private void addPeople() {
        new AddPeopleDialog(getDialogPane().getScene().getWindow(), model.addPeople()).showAndWait();
        model.load();
    }

    /** One member: name and handle, the role on the right, and the actions the user may take on them. */
    private final class MemberCell extends ListCell<Reply.GroupMember> {
        private final Label name = new Label();
        private final Label role = new Label();
        private final Region gap = new Region();
        private final MenuButton actions = new MenuButton();
        private final HBox row = new HBox(8, name, gap, role, actions);

        MemberCell() {
            name.getStyleClass().add("member-name");
            role.getStyleClass().add("member-role");
            actions.getStyleClass().addAll("button-icon", "flat", "no-arrow", "member-actions");
            actions.setGraphic(new FontIcon("fth-more-horizontal"));
            actions.setAccessibleText(ViewLoader.text("group.action.menu"));
            actions.setTooltip(new Tooltip(ViewLoader.text("group.action.menu")));
            HBox.setHgrow(gap, Priority.ALWAYS);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Reply.GroupMember member, boolean empty) {
            super.updateItem(member, empty);
            setText(null);
            if (empty || member == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            name.setText(member.user().displayName() + "  @" + member.user().handle());
            role.setText(GroupMembersViewModel.roleText(member));
            var allowed = model.actionsFor(member);
            actions.getItems().setAll(allowed.stream().map(action -> {
                MenuItem item = new MenuItem(GroupMembersViewModel.actionText(action));
                item.setOnAction(event -> model.perform(action, member));
                return item;
            }).toList());
            actions.setVisible(!allowed.isEmpty());
            actions.setManaged(!allowed.isEmpty());
            setGraphic(row);
            setAccessibleText(name.getText() + ", " + role.getText());
        }
    }
}
