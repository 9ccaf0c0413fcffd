package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.GpsPhotos;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

class ProfileFlowTest extends AppTest {
    /** Pictures of the dialogs, to look at after a run (in the build directory, not the sources). */
    static final Path SHOTS = Path.of("target", "profile-shots");
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void editedBioTagsAndPhotoReachOthersWithoutTheGpsTags() throws Exception {
        startServer();
        try (Peer maya = Peer.register(server.uri(), "maya", "Maya Chen");
                Peer sam = Peer.register(server.uri(), "sam", "Sam Rivera")) {
            launch(sessionOf(maya, "Maya Chen"));
            pictureToChoose = GpsPhotos.write(tempDir.resolve("beach.jpg"), 1600, 1200);

            clickOn("#accountMenu");
            clickOn("Edit profile…");
            waitUntil(() -> "Maya Chen".equals(lookup("#nameField").queryAs(TextField.class).getText()));
            clickOn("#bioArea").write("Film and light, mostly rivers");
            clickOn("#tagsField").write("#Photography #film");
            clickOn("#chooseButton");
            waitUntil(() -> !lookup("#saveProfile").queryAs(Button.class).isDisabled()
                    && !lookup("#errorLabel").query().isVisible());
            snapshot(lookup("#saveProfile").query().getScene(), SHOTS.resolve("edit-profile.png"));
            clickOn("#saveProfile");
            waitUntil(() -> lookup("#saveProfile").tryQuery().isEmpty());

            Reply.ProfileCard card = sam.call(new Request.UserCard("maya"), Reply.ProfileCard.class);
            Reply.AvatarImage picture = sam.call(new Request.UserAvatar("maya"), Reply.AvatarImage.class);
            byte[] bytes = Base64.getDecoder().decode(picture.image());

            assertThat(card.user().bio()).isEqualTo("Film and light, mostly rivers");
            assertThat(card.user().tags()).containsExactly("film", "photography");
            assertThat(card.user().avatar()).isEqualTo(picture.avatar());
            assertThat(GpsPhotos.containsGps(bytes)).isFalse();
        }
    }

    @Test
    void findByTagFollowBackToBeFriendsMessageThenBlockHidesThemFromSearch() throws Exception {
        startServer();
        try (Peer maya = Peer.register(server.uri(), "maya", "Maya Chen");
                Peer sam = Peer.register(server.uri(), "sam", "Sam Rivera")) {
            sam.call(new Request.ProfileUpdate(null, "Street photos", List.of("photography")), UserProfile.class);
            sam.call(new Request.ProfileAvatar(Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(
                    GpsPhotos.write(tempDir.resolve("sam.jpg"), 200, 200)))), UserProfile.class);
            sam.call(new Request.UserFollow("maya"), Reply.Relationship.class);
            launch(sessionOf(maya, "Maya Chen"));

            openCardFromSearch("#photography", "Sam Rivera");
            clickOn("#followButton");
            waitUntil(() -> lookup("#friendsBadge").query().isVisible());
            waitUntil(() -> lookup("#countsLabel").queryLabeled().getText().startsWith("1 follower "));
            snapshot(lookup("#followButton").query().getScene(), SHOTS.resolve("profile-card.png"));
            clickOn("#messageButton");
            waitUntil(() -> lookup("#messageButton").tryQuery().isEmpty() && "Sam Rivera".equals(textOf("#peerName")));
            waitUntil(() -> lookup(".chat-header .avatar ImageView").tryQuery().map(Node::isVisible).orElse(false));
            waitUntil(() -> lookup(".conversation-cell .avatar ImageView").tryQuery().map(Node::isVisible)
                    .orElse(false));
            snapshot(SHOTS.resolve("chat-header.png"));

            openCardFromSearch("#photo", "Sam Rivera");
            clickOn("#cardBlockButton");
            waitUntil(() -> "Unblock".equals(lookup("#cardBlockButton").queryAs(Button.class).getText()));
            // Both the card and Find people have a Close button: close the card's.
            clickOn(from(lookup("#cardBlockButton").query().getScene().getRoot()).lookup("Close").queryButton());
            waitUntil(() -> resultNames().isEmpty()
                    && lookup(".people-status").queryLabeled().getText().contains("No one matches"));
            snapshot(lookup("#peopleSearchField").query().getScene(), SHOTS.resolve("find-people.png"));
            clickButton("Close");
        }
    }

    /** Opens Find people, searches, and opens the card of the result with this name. */
    void openCardFromSearch(String query, String name) throws Exception {
        if (lookup("#peopleSearchField").tryQuery().isEmpty()) {
            clickOn("#accountMenu");
            clickOn("Find people…");
        }
        // The headless robot cannot type '#', so the query is set as a paste would.
        interact(() -> lookup("#peopleSearchField").queryAs(TextField.class).setText(query));
        waitUntil(() -> resultNames().contains(name) && personNamed(name).tryQuery().isPresent());
        snapshot(lookup("#resultList").query().getScene(), SHOTS.resolve("find-people-" + query.substring(1) + ".png"));
        doubleClickOn(personNamed(name).queryLabeled(), MouseButton.PRIMARY);
        waitUntil(() -> lookup("#followButton").tryQuery().isPresent()
                && !lookup("#followButton").queryAs(Button.class).isDisabled());
    }

    org.testfx.service.query.NodeQuery personNamed(String name) {
        return lookup(".person-name").match(node -> node.isVisible()
                && name.equals(((javafx.scene.control.Labeled) node).getText()));
    }

    @SuppressWarnings("unchecked")
    List<String> resultNames() {
        return lookup("#resultList").tryQuery().map(list -> ((ListView<UserProfile>) list).getItems().stream()
                .map(UserProfile::displayName).toList()).orElse(List.of());
    }
}
