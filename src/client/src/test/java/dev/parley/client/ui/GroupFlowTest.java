package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.GpsPhotos;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** Creating a group from the "+" menu: picking friends, the server's refusals, the first message reaching a member. */
class GroupFlowTest extends AppTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void aGroupMadeFromThePlusMenuListsWhoCouldNotBeAddedAndItsFirstMessageReachesAMember() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh");
                Peer carol = Peer.register(server.uri(), "carol", "Carol Chen");
                Peer dana = Peer.register(server.uri(), "dana", "Dana Ruiz")) {
            Peer.befriend(alice, bob);
            Peer.befriend(alice, carol);
            Peer.befriend(alice, dana);
            carol.call(new Request.PrivacySet(DmPolicy.NO_ONE), Reply.Privacy.class);
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(screen::isShowing);

            clickOn("#newMenu");
            clickOn("#newGroupItem");
            waitUntil(() -> friendNames().size() == 3);
            clickOn("#groupTitleField").write("Studio crew");
            pictureToChoose = GpsPhotos.write(tempDir.resolve("crew.jpg"), 1600, 1200);
            clickOn("#pictureButton");
            waitUntil(() -> "Picture chosen".equals(textOf("#pictureLabel")));
            clickOn("#friendSearchField").write("bo");
            waitUntil(() -> friendNames().equals(List.of("Bob Marsh  @bob")));
            clickOn(friendBox("Bob Marsh  @bob"));
            clickOn("#friendSearchField").push(KeyCode.SHORTCUT, KeyCode.A).write("carol");
            waitUntil(() -> friendNames().equals(List.of("Carol Chen  @carol")));
            clickOn(friendBox("Carol Chen  @carol"));
            waitUntil(() -> "2 people selected".equals(textOf("#selectedLabel")));
            snapshot(dialogWindow().getScene(), SHOTS.resolve("new-group.png"));
            clickOn("#createGroupButton");

            waitUntil(() -> showing("#refusedBox") && refusedLines().size() == 1);
            assertThat(refusedLines()).containsExactly("@carol: their privacy settings don't allow it");
            snapshot(dialogWindow().getScene(), SHOTS.resolve("new-group-refused.png"));
            clickOn("#createGroupButton");

            waitUntil(() -> lookup("#peerName").tryQuery().isPresent()
                    && "Studio crew".equals(textOf("#peerName")) && "2 members".equals(textOf(".chat-peer-handle")));
            waitUntil(() -> systemLines().equals(List.of("You created the group \"Studio crew\"",
                    "You changed the group's picture")));
            clickOn(".composer-field").write("Welcome to the crew!").type(KeyCode.ENTER);
            waitUntil(() -> "fth-check".equals(screen.statusOf("Welcome to the crew!")));

            List<Message> seenByBob = bob.history(bob.call(new Request.ConversationList(),
                    Reply.Conversations.class).conversations().get(0).id());
            assertThat(seenByBob).extracting(m -> m.kind() == MessageKind.SYSTEM ? m.change().action().name() : m.text())
                    .containsExactly("CREATED", "PICTURE", "Welcome to the crew!");
            assertThat(seenByBob.get(2).sender()).isEqualTo("alice");
            assertThat(screen.conversationNames()).containsExactly("Studio crew");
            Reply.GroupAvatarImage picture = bob.call(new Request.GroupAvatarGet(seenByBob.get(0).conversationId()),
                    Reply.GroupAvatarImage.class);
            assertThat(GpsPhotos.containsGps(java.util.Base64.getDecoder().decode(picture.image()))).isFalse();

            clickOn("#membersButton");
            waitUntil(() -> memberRows().size() == 2);
            assertThat(memberRows()).containsExactly("Alice Liddell  @alice, Owner", "Bob Marsh  @bob, Member");
            snapshot(dialogWindow().getScene(), SHOTS.resolve("group-members.png"));
            clickButton("Close");
            snapshot(SHOTS.resolve("group-chat.png"));
        }
    }

    private List<String> friendNames() {
        return lookup(".friend-list .list-cell").queryAllAs(Labeled.class).stream()
                .filter(cell -> cell.getText() != null && !cell.getText().isEmpty())
                .map(Labeled::getText).toList();
    }

    private CheckBox friendBox(String name) {
        return lookup(".friend-list .list-cell").queryAllAs(Labeled.class).stream()
                .filter(cell -> name.equals(cell.getText())).findFirst().orElseThrow()
                .getGraphic() instanceof CheckBox box ? box : null;
    }

    private List<String> refusedLines() {
        return lookup(".group-refusal").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList();
    }

    private List<String> systemLines() {
        return lookup(".system-line").match(AppTest::showsWithParents).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }

    private List<String> memberRows() {
        return lookup(".member-list .list-cell").queryAll().stream().map(Node::getAccessibleText)
                .filter(text -> text != null).toList();
    }

    private Window dialogWindow() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).reduce((a, b) -> b)
                .orElseThrow();
    }
}
