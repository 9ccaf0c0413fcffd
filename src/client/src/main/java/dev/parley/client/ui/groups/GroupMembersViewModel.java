package dev.parley.client.ui.groups;

import dev.parley.client.account.SignInService;
import dev.parley.client.sync.Groups;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.GroupRole;
import dev.parley.protocol.Reply;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The members panel of a group: who is in it with their role, and for owners and admins the actions their role
 * allows on each member. The server checks every action; a refusal shows as a sentence. FX thread.
 */
public final class GroupMembersViewModel {
    /** Something the user may do to a member. */
    public enum Action { MAKE_ADMIN, MAKE_MEMBER, MUTE, UNMUTE, REMOVE }

    private final Groups groups;
    private final long conversationId;
    private final GroupRole myRole;
    private final String me;
    private final ObservableList<Reply.GroupMember> members = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public GroupMembersViewModel(Groups groups, long conversationId, GroupRole myRole, String me) {
        this.groups = groups;
        this.conversationId = conversationId;
        this.myRole = myRole;
        this.me = me;
    }

    public ObservableList<Reply.GroupMember> members() {
        return members;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Fetches the members again. */
    public void load() {
        groups.members(conversationId).whenComplete((reply, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                members.setAll(reply.members());
            } else {
                error.set(ViewLoader.text("newMessage.error.offline"));
            }
        }));
    }

    /**
     * What the user's role allows on this member (the server decides in the end): only on someone of a lower
     * role, never on themselves.
     */
    public java.util.List<Action> actionsFor(Reply.GroupMember member) {
        if (myRole == null || member.user().handle().equals(me) || !myRole.outranks(member.role())) {
            return java.util.List.of();
        }
        java.util.List<Action> actions = new java.util.ArrayList<>();
        actions.add(member.role() == GroupRole.ADMIN ? Action.MAKE_MEMBER : Action.MAKE_ADMIN);
        actions.add(member.muted() ? Action.UNMUTE : Action.MUTE);
        actions.add(Action.REMOVE);
        return actions;
    }

    public void perform(Action action, Reply.GroupMember member) {
        String handle = member.user().handle();
        CompletableFuture<?> done = switch (action) {
            case MAKE_ADMIN -> groups.setRole(conversationId, handle, GroupRole.ADMIN);
            case MAKE_MEMBER -> groups.setRole(conversationId, handle, GroupRole.MEMBER);
            case MUTE -> groups.mute(conversationId, handle, true);
            case UNMUTE -> groups.mute(conversationId, handle, false);
            case REMOVE -> groups.remove(conversationId, handle);
        };
        error.set("");
        done.whenComplete((result, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                error.set(SignInService.is(failure, ErrorCode.FORBIDDEN) ? ViewLoader.text("group.action.forbidden")
                        : ViewLoader.text("newMessage.error.offline"));
            }
            load();
        }));
    }

    /** Owners and admins may add people. */
    public boolean mayAdd() {
        return myRole != null && myRole.manages();
    }

    /** The "Add people" dialog's model: friends who are not members yet. */
    public AddPeopleViewModel addPeople() {
        return new AddPeopleViewModel(groups, conversationId, members.stream().map(m -> m.user().handle())
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** The menu text of an action. */
    public static String actionText(Action action) {
        return ViewLoader.text("group.action." + switch (action) {
            case MAKE_ADMIN -> "makeAdmin";
            case MAKE_MEMBER -> "makeMember";
            case MUTE -> "mute";
            case UNMUTE -> "unmute";
            case REMOVE -> "remove";
        });
    }

    /** "Owner", "Admin" or "Member", with "muted" when an admin muted them. */
    public static String roleText(Reply.GroupMember member) {
        String role = ViewLoader.text("group.role." + member.role().wireName());
        return member.muted() ? role + " · " + ViewLoader.text("group.role.muted") : role;
    }
}
