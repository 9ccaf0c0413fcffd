package dev.parley.client.ui.groups;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Reply;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** The members panel of a group: everyone in it with their role, owner first. */
public final class GroupMembersDialog extends Dialog<Void> {
    private final GroupMembersViewModel model;

    @FXML private ListView<Reply.GroupMember> memberList;

    public GroupMembersDialog(Window owner, String title, CompletableFuture<Reply.GroupMembers> members) {
        this.model = new GroupMembersViewModel();
        initOwner(owner);
        setTitle(ViewLoader.text("group.members.title", title));
        setHeaderText(null);
        getDialogPane().getButtonTypes().add(new ButtonType(ViewLoader.text("group.members.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().setContent(ViewLoader.load(FxmlView.GROUP_MEMBERS, this));
        members.thenAccept(reply -> Platform.runLater(() -> model.show(reply)));
    }

    @FXML
    private void initialize() {
        memberList.setItems(model.members());
        memberList.setCellFactory(list -> new MemberCell());
    }

    /** One member: name and handle, and the role on the right. */
    private static final class MemberCell extends ListCell<Reply.GroupMember> {
        private final Label name = new Label();
        private final Label role = new Label();
        private final Region gap = new Region();
        private final HBox row = new HBox(8, name, gap, role);

        MemberCell() {
            name.getStyleClass().add("member-name");
            role.getStyleClass().add("member-role");
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
            setGraphic(row);
            setAccessibleText(name.getText() + ", " + role.getText());
        }
    }
}
