package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.GroupAction;
import dev.parley.protocol.Message;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/**
 * An owner moderates from the app: deletes a member's message for everyone, adds a friend, removes a member, then
 * leaves.
 */
class GroupModerationFlowTest extends AppTest {
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void theOwnerDeletesAMessageAddsAndRemovesMembersAndLeavesWithTheHistoryKept() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh");
                Peer carol = Peer.register(server.uri(), "carol", "Carol Chen");
                Peer dana = Peer.register(server.uri(), "dana", "Dana Ruiz")) {
            Peer.befriend(alice, bob);
            Peer.befriend(alice, carol);
            Peer.befriend(alice, dana);
            long group = alice.call(new Request.GroupCreate(UUID.randomUUID(), "Makers", null, List.of("bob", "carol")),
                    Reply.GroupMembership.class).conversation().id();
            carol.send(group, "buy my course");
            launch(sessionOf(alice, "Alice Liddell"));
            screen.open("Makers");
            waitUntil(() -> screen.showsBubble("buy my course") && "3 members".equals(textOf(".chat-peer-handle")));

            clickOn("#chatMenu");
            clickOn(menuLabel(".context-menu", "Edit group…"));
            clickOn("#editTitleField").push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.A)
                    .write("Makers club");
            clickOn("#editDescriptionField").write("No selling, please.");
            clickOn("#saveGroupButton");
            waitUntil(() -> "Makers club".equals(textOf("#peerName"))
                    && "No selling, please.".equals(textOf("#groupRules")) && showing("#groupRules"));
            assertThat(carol.call(new Request.ConversationList(), Reply.Conversations.class).conversations().get(0)
                    .group().description()).isEqualTo("No selling, please.");
            screen.open("Makers club");

            screen.openMessageMenu("buy my course");
            clickOn(menuLabel(".context-menu", "Delete for everyone"));
            clickOn(lookup(".dialog-pane .button").match(node -> "Unsend".equals(((Labeled) node).getText()))
                    .queryButton());
            waitUntil(() -> screen.showsBubble("Message unsent"));
            assertThat(carol.history(group).get(1).unsent()).isTrue();

            clickOn("#membersButton");
            waitUntil(() -> memberRows().size() == 3);
            clickOn("#addPeopleButton");
            waitUntil(() -> lookup(".friend-list .list-cell").queryAllAs(Labeled.class).stream()
                    .anyMatch(cell -> "Dana Ruiz  @dana".equals(cell.getText())));
            assertThat(lookup(".friend-list .list-cell").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                    .filter(text -> text != null && !text.isEmpty()).toList()).as("members are not offered")
                    .containsExactly("Dana Ruiz  @dana");
            clickOn((Node) lookup(".friend-list .list-cell").queryAllAs(Labeled.class).stream()
                    .filter(cell -> "Dana Ruiz  @dana".equals(cell.getText())).findFirst().orElseThrow().getGraphic());
            clickOn("#confirmAddPeople");
            waitUntil(() -> memberRows().size() == 4 && lookup("#confirmAddPeople").tryQuery().isEmpty());
            assertThat(dana.history(group)).extracting(m -> m.change().action()).containsExactly(GroupAction.ADDED);
            clickOn(actionsOf("Bob Marsh  @bob"));
            clickOn(menuLabel(".context-menu", "Remove from group"));
            waitUntil(() -> memberRows().equals(List.of("Alice Liddell  @alice, Owner", "Carol Chen  @carol, Member",
                    "Dana Ruiz  @dana, Member")));
            clickButton("Close");
            waitUntil(() -> lines().contains("You added @dana") && lines().contains("You removed @bob")
                    && "3 members".equals(textOf(".chat-peer-handle")));
            snapshot(GroupFlowTest.SHOTS.resolve("group-moderated.png"));
            List<Message> bobSaw = bob.history(group);
            assertThat(bobSaw.get(bobSaw.size() - 1).change().action()).isEqualTo(GroupAction.REMOVED);

            clickOn("#chatMenu");
            clickOn(menuLabel(".context-menu", "Leave group"));
            clickOn(lookup(".dialog-pane .button").match(node -> "Leave".equals(((Labeled) node).getText()))
                    .queryButton());
            waitUntil(() -> "You are no longer in this group".equals(textOf(".chat-peer-handle")));
            waitUntil(() -> lines().contains("You left the group"));
            clickOn(".composer-field").write("hello?");
            assertThat(onFx(() -> lookup(".send-button").queryAs(Button.class).isDisabled())).isTrue();
            assertThat(carol.call(new Request.GroupMembers(group), Reply.GroupMembers.class).members())
                    .extracting(m -> m.user().handle() + ":" + m.role().wireName())
                    .containsExactly("carol:owner", "dana:member");
            assertThat(screen.conversationNames()).containsExactly("Makers club");
        }
    }

    private List<String> lines() {
        return lookup(".system-line").match(AppTest::showsWithParents).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }

    private List<String> memberRows() {
        return lookup(".member-list .list-cell").queryAll().stream().map(Node::getAccessibleText)
                .filter(text -> text != null).toList();
    }

    private Node actionsOf(String name) {
        return lookup(".member-list .list-cell").queryAll().stream()
                .filter(cell -> cell.getAccessibleText() != null && cell.getAccessibleText().startsWith(name))
                .findFirst().orElseThrow().lookup(".member-actions");
    }

    private Node menuLabel(String menu, String text) {
        String query = menu + " .menu-item .label";
        waitUntil(() -> lookup(query).match(node -> node.isVisible() && text.equals(((Labeled) node).getText()))
                .tryQuery().isPresent());
        return lookup(query).match(node -> node.isVisible() && text.equals(((Labeled) node).getText())).query();
    }
}
