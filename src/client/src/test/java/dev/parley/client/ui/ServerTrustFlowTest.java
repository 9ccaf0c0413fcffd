package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.AppOptions;
import dev.parley.client.account.SavedSession;
import dev.parley.client.account.SignInService;
import dev.parley.client.net.KnownServers;
import dev.parley.client.net.ServerTrust;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.TestServer;
import dev.parley.server.net.ServerCertificate;
import dev.parley.server.testing.TestCertificates;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A self-hosted server with a self-signed certificate: asked about once, pinned, and a change is a warning. */
class ServerTrustFlowTest extends AppTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path certificates;
    static TestCertificates.Issued serverCertificate;
    static TestCertificates.Issued earlierCertificate;

    final ChatScreen screen = new ChatScreen(this);

    @BeforeAll
    static void makeCertificates() {
        serverCertificate = TestCertificates.selfSigned(certificates, "parley", "ip:127.0.0.1,dns:localhost");
        earlierCertificate = TestCertificates.selfSigned(certificates, "earlier", "ip:127.0.0.1,dns:localhost");
    }

    private URI startTlsServer() throws Exception {
        server = new TestServer(tempDir.resolve("server"), ServerCertificate.fromPem(
                serverCertificate.certificatePem(), serverCertificate.keyPem()));
        return server.uri();
    }

    @Test
    void firstUseShowsTheFingerprintAndOnlyATrustedCertificateIsPinnedAndRemembered() throws Exception {
        URI uri = startTlsServer();
        KnownServers known = KnownServers.in(dataDir());
        launch(new AppOptions(uri, dataDir(), false));

        signUpAsAliceUntilAskedAboutTheCertificate();
        assertThat(textOf("#trustHeadline")).isEqualTo("Is this really 127.0.0.1:" + uri.getPort() + "?");
        assertThat(textOf("#trustPresented").replace("\n", ":")).isEqualTo(sha256(serverCertificate));
        snapshot(dialogScene(), SHOTS.resolve("trust-first-use.png"));

        assertThat(onFx(() -> dialogScene().getFocusOwner().getId())).as("Cancel has the focus").isEqualTo(
                "trustCancel");
        assertThat(onFx(() -> ((javafx.scene.control.Button) dialogScene().lookup("#trustCancel"))
                .isDefaultButton())).as("and is the default button").isTrue();
        clickOn("#trustCancel");
        waitUntil(() -> seen("#errorLabel") && !seen("#trustPresented"));
        assertThat(textOf("#errorLabel")).isEqualTo("Not connected: you did not trust the certificate of 127.0.0.1:"
                + uri.getPort() + ".");
        assertThat(known.file()).as("declining pins nothing").doesNotExist();
        assertThat(SavedSession.load(dataDir())).as("and signs nobody in").isEmpty();

        clickOn("#submitButton");
        waitUntil(() -> seen("#trustAccept"));
        clickOn("#trustAccept");
        waitUntil(screen::isShowing);
        assertThat(known.pinned("127.0.0.1", uri.getPort())).contains(sha256(serverCertificate));

        quit();
        launch(new AppOptions(uri, dataDir(), false));
        waitUntil(() -> screen.isShowing() && !seen(".connection-banner"));
        assertThat(onFx(() -> seen("#trustPresented"))).as("the next start asks nothing").isFalse();
    }

    @Test
    void aChangedCertificateKeepsTheSessionOfflineWithAWarningUntilTheOldOneIsForgotten() throws Exception {
        URI uri = startTlsServer();
        KnownServers known = KnownServers.in(dataDir());
        known.pin("127.0.0.1", uri.getPort(), sha256(serverCertificate));
        SavedSession alice = new SignInService("test", ServerTrust.system(known))
                .register(uri, "alice", "Alice Liddell", "password-alice").orTimeout(20, TimeUnit.SECONDS).join();
        // What the person trusted before; the server now shows another certificate.
        known.forget("127.0.0.1", uri.getPort());
        known.pin("127.0.0.1", uri.getPort(), sha256(earlierCertificate));
        launch(alice);

        waitUntil(() -> seen("#trustForget"));
        assertThat(textOf("#trustHeadline")).isEqualTo("Warning: the certificate of 127.0.0.1:" + uri.getPort()
                + " has changed");
        assertThat(textOf("#trustPinned").replace("\n", ":")).isEqualTo(sha256(earlierCertificate));
        assertThat(textOf("#trustPresented").replace("\n", ":")).isEqualTo(sha256(serverCertificate));
        snapshot(dialogScene(), SHOTS.resolve("trust-changed.png"));

        clickOn("#trustCancel");
        waitUntil(() -> !seen("#trustForget") && seen(".connection-banner"));
        assertThat(visibleText(".connection-text")).isEqualTo(
                "Not connected: the server's certificate was not trusted.");
        assertThat(known.pinned("127.0.0.1", uri.getPort())).as("no silent accept")
                .contains(sha256(earlierCertificate));
        snapshot(SHOTS.resolve("trust-declined-banner.png"));

        clickOn(".connection-banner .hyperlink");
        waitUntil(() -> seen("#trustForget"));
        clickOn("#trustForget");
        waitUntil(() -> seen("#trustAccept"));
        assertThat(textOf("#trustPresented").replace("\n", ":")).as("the new one, asked as on first use")
                .isEqualTo(sha256(serverCertificate));
        clickOn("#trustAccept");
        waitUntil(() -> !seen(".connection-banner"));
        assertThat(known.pinned("127.0.0.1", uri.getPort())).contains(sha256(serverCertificate));
    }

    @Test
    void atTheLargestTextSizeTheDialogWidensSoTheFingerprintAndButtonsAreShownWhole() throws Exception {
        URI uri = startTlsServer();
        java.nio.file.Files.createDirectories(dataDir());
        java.nio.file.Files.writeString(dataDir().resolve("appearance.properties"), "textSize=20\n");
        launch(new AppOptions(uri, dataDir(), false));

        signUpAsAliceUntilAskedAboutTheCertificate();
        waitUntil(() -> dialogScene().getRoot().getStyleClass().contains("text-size-20"));

        javafx.scene.control.Labeled presented = onFx(() -> (javafx.scene.control.Labeled) dialogScene()
                .lookup("#trustPresented"));
        waitUntil(() -> presented.getText().equals(((javafx.scene.text.Text) presented.lookup(".text")).getText()));
        assertThat(onFx(() -> presented.getWidth() >= presented.prefWidth(-1)
                && presented.getHeight() >= presented.prefHeight(presented.getWidth())))
                .as("nothing of it clipped").isTrue();
        assertThat(onFx(() -> presented.getText().replace("\n", ":"))).as("all of it")
                .isEqualTo(sha256(serverCertificate));
        javafx.scene.Scene dialog = dialogScene();
        waitUntil(() -> java.util.stream.Stream.of("#trustAccept", "#trustCancel")
                .map(id -> (javafx.scene.control.Labeled) dialog.lookup(id))
                .allMatch(button -> button.getText().equals(((javafx.scene.text.Text) button.lookup(".text"))
                        .getText())));
        snapshot(dialogScene(), SHOTS.resolve("trust-first-use-20px.png"));
        clickOn("#trustCancel");
    }

    /** Fills in the sign-up form and sends it; the server's certificate makes the app ask first. */
    private void signUpAsAliceUntilAskedAboutTheCertificate() {
        clickOn("#switchLink");
        clickOn("#displayNameField").write("Alice Liddell");
        clickOn("#handleField").write("alice");
        clickOn("#passwordField").write("password-alice");
        clickOn("#submitButton");
        waitUntil(() -> seen("#trustPresented"));
    }

    private javafx.scene.Scene dialogScene() throws Exception {
        return onFx(() -> Window.getWindows().stream().map(Window::getScene)
                .filter(scene -> scene != null && scene.lookup("#trustHeadline") != null).findFirst().orElseThrow());
    }

    private static String sha256(TestCertificates.Issued issued) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(issued.certificate().getEncoded());
        return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
    }

}
