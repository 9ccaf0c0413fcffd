package dev.parley.client.ui.groups;

import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Reply;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The members panel's list, as the server sent it (owner first, then admins, then members). FX thread. */
public final class GroupMembersViewModel {
    private final ObservableList<Reply.GroupMember> members = FXCollections.observableArrayList();

    public ObservableList<Reply.GroupMember> members() {
        return members;
    }

    void show(Reply.GroupMembers reply) {
        members.setAll(reply.members());
    }

    /** "Owner", "Admin" or "Member", with "muted" when an admin muted them. */
    public static String roleText(Reply.GroupMember member) {
        String role = ViewLoader.text("group.role." + member.role().wireName());
        return member.muted() ? role + " · " + ViewLoader.text("group.role.muted") : role;
    }
}
