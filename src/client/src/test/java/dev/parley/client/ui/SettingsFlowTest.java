package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.client.settings.PropertiesFile;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.Peer;
import dev.parley.client.ui.settings.SettingsSection;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Settings dialog as Alice uses it: appearance, notifications, media, password and devices. */
class SettingsFlowTest extends AppTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    private Peer alice;

    @AfterEach
    void closePeople() {
        if (alice != null) {
            alice.close();
        }
    }

    private void aliceSignedIn() throws Exception {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> showing("#searchField"));
    }

    private void openSettings(SettingsSection section) {
        clickOn("#searchField");
        push(KeyCode.SHORTCUT, KeyCode.COMMA);
        waitUntil(() -> showing(".settings"));
        clickOn("#section-" + section.name().toLowerCase(Locale.ROOT));
    }

    private void closeSettings() {
        clickButton("Close");
        waitUntil(() -> !showing(".settings"));
    }

    private Scene settingsScene() throws Exception {
        return onFx(() -> lookup(".settings").query().getScene());
    }

    @Test
    void darkModeAppliesAtOnceToTheOpenWindows() throws Exception {
        aliceSignedIn();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        openSettings(SettingsSection.APPEARANCE);

        clickOn("Dark");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        waitUntil(() -> brightness(stage.getScene().getRoot()) < 0.3);
        waitUntil(() -> brightness(settingsScene().getRoot().lookup(".dialog-pane")) < 0.3);
        clickOn("Light");
        waitUntil(() -> brightness(stage.getScene().getRoot()) > 0.8);
    }

    @Test
    void textSizeScalesEveryWindowFromItsRoot() throws Exception {
        aliceSignedIn();
        openSettings(SettingsSection.APPEARANCE);
        double before = onFx(() -> lookup("#searchField").queryAs(Region.class).getHeight());

        interact(() -> lookup("#textSizeBox").queryComboBox().getSelectionModel().select(Integer.valueOf(18)));

        waitUntil(() -> stage.getScene().getRoot().getStyleClass().contains("text-size-18")
                && settingsScene().getRoot().getStyleClass().contains("text-size-18"));
        waitUntil(() -> lookup("#searchField").queryAs(Region.class).getHeight() > before);
    }

    @Test
    void everySettingsPageLooksRightInLightAndDark() throws Exception {
        aliceSignedIn();
        openSettings(SettingsSection.ACCOUNT);
        waitUntil(() -> lookup(".settings-device").tryQuery().isPresent());
        for (String theme : new String[] {"light", "dark"}) {
            if (theme.equals("dark")) {
                clickOn("#section-appearance");
                clickOn("Dark");
            }
            for (SettingsSection section : SettingsSection.values()) {
                clickOn("#section-" + section.name().toLowerCase(Locale.ROOT));
                waitUntil(() -> lookup(".settings-title").match(node -> node.isVisible()
                        && section.title().equals(((javafx.scene.control.Label) node).getText())).tryQuery().isPresent());
                snapshot(settingsScene(), SHOTS.resolve("settings-" + section.name().toLowerCase(Locale.ROOT) + "-"
                        + theme + ".png"));
            }
        }
        closeSettings();
        snapshot(SHOTS.resolve("main-window-dark.png"));
    }

    @Test
    void settingsSurviveARestartOfTheApp() throws Exception {
        aliceSignedIn();
        openSettings(SettingsSection.APPEARANCE);
        clickOn("Dark");
        interact(() -> lookup("#textSizeBox").queryComboBox().getSelectionModel().select(Integer.valueOf(16)));
        clickOn("#section-notifications");
        clickOn("#previewsBox");
        clickOn("#section-media");
        clickOn("#hdButton");
        interact(() -> lookup("#capBox").queryComboBox().getSelectionModel().select((Object) 1_000_000_000L));
        closeSettings();
        quit();
        PropertiesFile.flushed().get(20, TimeUnit.SECONDS);
        interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        launch(sessionOf(alice, "Alice Liddell"));

        assertThat(Application.getUserAgentStylesheet()).as("dark before the window shows")
                .isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("text-size-16");
        waitUntil(() -> showing("#searchField"));
        openSettings(SettingsSection.NOTIFICATIONS);
        waitUntil(() -> !lookup("#previewsBox").queryAs(CheckBox.class).isSelected());
        assertThat(onFx(() -> lookup("#enabledBox").queryAs(CheckBox.class).isSelected())).isTrue();
        clickOn("#section-media");
        waitUntil(() -> lookup("#hdButton").queryAs(RadioButton.class).isSelected());
        assertThat(onFx(() -> lookup("#capBox").queryComboBox().getValue())).isEqualTo(1_000_000_000L);
        clickOn("#section-appearance");
        assertThat(onFx(() -> lookup("#darkButton").queryAs(RadioButton.class).isSelected())).isTrue();
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndTheOldOneStillWorks() throws Exception {
        aliceSignedIn();
        openSettings(SettingsSection.ACCOUNT);

        changePassword("not my password", "brand new secret", "brand new secret");

        waitUntil(() -> textOf("#passwordStatus").equals("The current password is wrong. Nothing was changed."));
        Peer.signIn(server.uri(), "alice", "password-alice").close();
        assertThatThrownBy(() -> Peer.signIn(server.uri(), "alice", "brand new secret"))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("wrong handle or password"));
    }

    @Test
    void aNewPasswordSignsOutTheOtherDevicesAndReplacesTheOldOne() throws Exception {
        aliceSignedIn();
        Peer phone = Peer.signIn(server.uri(), "alice", "password-alice");
        openSettings(SettingsSection.ACCOUNT);
        waitUntil(() -> lookup(".settings-device").queryAll().size() == 2);

        changePassword("password-alice", "brand new secret", "brand new secret");

        waitUntil(() -> textOf("#passwordStatus").startsWith("Your password is changed."));
        waitUntil(() -> lookup(".settings-device").queryAll().size() == 1);
        assertThat(Peer.tokenWorks(server.uri(), phone.token())).isFalse();
        assertThat(Peer.tokenWorks(server.uri(), alice.token())).as("the app's own session stays").isTrue();
        Peer.signIn(server.uri(), "alice", "brand new secret").close();
        assertThatThrownBy(() -> Peer.signIn(server.uri(), "alice", "password-alice"))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("wrong handle or password"));
        phone.close();
    }

    @Test
    void anotherDeviceIsListedAndCanBeSignedOutFromSettings() throws Exception {
        aliceSignedIn();
        Peer phone = Peer.signIn(server.uri(), "alice", "password-alice");
        openSettings(SettingsSection.ACCOUNT);
        waitUntil(() -> lookup(".settings-device").queryAll().size() == 2);
        assertThat(onFx(() -> lookup(".settings-this-device").queryAll().size())).isEqualTo(1);

        clickOn(onFx(() -> lookup(".settings-device").queryAll().stream()
                .filter(row -> row.lookup(".settings-this-device") == null).reduce((first, last) -> last).orElseThrow()
                .lookup(".button")));
        clickButton("Sign that device out");

        waitUntil(() -> lookup(".settings-device").queryAll().size() == 1);
        assertThat(Peer.tokenWorks(server.uri(), phone.token())).isFalse();
        assertThat(Peer.tokenWorks(server.uri(), alice.token())).isTrue();
        phone.close();
    }

    private void changePassword(String current, String next, String confirm) {
        clickOn("#currentField").write(current);
        clickOn("#newField").write(next);
        clickOn("#confirmField").write(confirm);
        clickOn("#changePasswordButton");
    }

    private static double brightness(javafx.scene.Node node) {
        var fills = ((Region) node).getBackground() == null ? null : ((Region) node).getBackground().getFills();
        if (fills == null || fills.isEmpty() || !(fills.get(fills.size() - 1).getFill() instanceof Color color)
                || color.getOpacity() == 0) {
            return 0.5;
        }
        return color.getBrightness();
    }
}
