package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.AppOptions;
import dev.parley.client.account.SavedSession;
import dev.parley.client.account.SignInService;
import dev.parley.client.net.KnownServers;
import dev.parley.client.net.ServerTrust;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.Peer;
import dev.parley.client.testing.TestServer;
import dev.parley.server.net.ServerCertificate;
import dev.parley.server.testing.TestCertificates;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Trusted servers: the certificates Alice pinned by hand, and forgetting one. */
class TrustedServersFlowTest extends AppTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** A second self-hosted server Alice trusted once; nothing needs to run there. */
    private static final String OTHER_HOST = "chat.example.org";
    private static final int OTHER_PORT = 7447;
    private static final String OTHER_ROW = "#server-chat-example-org-7447";
    private static final String OTHER_FINGERPRINT = "3F:A0:" + "5C:E1:".repeat(14) + "9B:7D";

    @TempDir
    static Path certificates;
    static TestCertificates.Issued serverCertificate;

    private URI uri;
    private KnownServers known;

    @BeforeAll
    static void makeCertificates() {
        serverCertificate = TestCertificates.selfSigned(certificates, "parley", "ip:127.0.0.1,dns:localhost");
    }

    /** Alice signed in to a self-hosted server whose certificate she trusted, and she trusted one more. */
    private void aliceOnHerOwnServer(boolean otherServerToo) throws Exception {
        server = new TestServer(tempDir.resolve("server"), ServerCertificate.fromPem(
                serverCertificate.certificatePem(), serverCertificate.keyPem()));
        uri = server.uri();
        known = KnownServers.in(dataDir());
        known.pin("127.0.0.1", uri.getPort(), sha256(serverCertificate));
        if (otherServerToo) {
            known.pin(OTHER_HOST, OTHER_PORT, OTHER_FINGERPRINT);
        }
        SavedSession alice = new SignInService("test", ServerTrust.system(known))
                .register(uri, "alice", "Alice Liddell", "password-alice").orTimeout(20, TimeUnit.SECONDS).join();
        launch(alice);
        waitUntil(() -> seen("#searchField") && !seen(".connection-banner"));
    }

    private String ownRow() {
        return "#server-127-0-0-1-" + uri.getPort();
    }

    private void openTrustedServers() {
        clickOn("#searchField");
        push(KeyCode.SHORTCUT, KeyCode.COMMA);
        waitUntil(() -> showing(".settings"));
        clickOn("#section-trusted_servers");
        waitUntil(() -> seen("#trustedServersEmpty") || seen("#trustedServerList"));
    }

    @Test
    void eachTrustedServerIsListedWithItsFingerprintAndTheSignedInOneIsMarked() throws Exception {
        aliceOnHerOwnServer(true);

        openTrustedServers();

        waitUntil(() -> lookup(".settings-server").queryAll().size() == 2);
        assertThat(onFx(() -> lookup(".settings-server-name").queryAll().stream()
                .map(node -> ((javafx.scene.control.Label) node).getText()).toList()))
                .as("by host").containsExactly("127.0.0.1:" + uri.getPort(), OTHER_HOST + ":" + OTHER_PORT);
        assertThat(onFx(() -> lookup(ownRow() + " .settings-this-server").tryQuery().isPresent())).isTrue();
        assertThat(onFx(() -> lookup(OTHER_ROW + " .settings-this-server").tryQuery().isPresent())).isFalse();
        String shown = onFx(() -> lookup(OTHER_ROW + " .settings-fingerprint").queryLabeled().getText());
        assertThat(shown.lines()).as("two rows of 16 pairs").hasSize(2);
        assertThat(shown.replace("\n", ":")).isEqualTo(OTHER_FINGERPRINT);
        assertThat(onFx(() -> seen("#trustedServersEmpty"))).isFalse();
        snapshot(settingsScene(), SHOTS.resolve("settings-trusted-servers.png"));
    }

    @Test
    void atTheLargestTextSizeFingerprintsAreShownWholeAndTheButtonsLineUp() throws Exception {
        aliceOnHerOwnServer(true);
        openTrustedServers();
        clickOn("#section-appearance");
        interact(() -> lookup("#textSizeBox").queryComboBox().getSelectionModel().select(Integer.valueOf(20)));
        waitUntil(() -> settingsScene().getRoot().getStyleClass().contains("text-size-20"));

        clickOn("#section-trusted_servers");

        waitUntil(() -> seen(OTHER_ROW));
        waitUntil(() -> lookup(".settings-fingerprint").queryAll().stream().map(Labeled.class::cast)
                .allMatch(label -> label.getText().equals(((Text) label.lookup(".text")).getText())));
        assertThat(onFx(() -> lookup(OTHER_ROW + " .settings-fingerprint").queryLabeled().getText())
                .replace("\n", ":")).as("all of it, in more rows").isEqualTo(OTHER_FINGERPRINT);
        ScrollPane page = onFx(() -> lookup(".settings-page-scroll").queryAs(ScrollPane.class));
        assertThat(onFx(() -> page.getContent().getLayoutBounds().getWidth() <= page.getViewportBounds().getWidth()))
                .as("nothing scrolls sideways").isTrue();
        assertThat(onFx(() -> lookup(".settings-server .button").queryAll().stream()
                .map(button -> button.localToScene(button.getBoundsInLocal()).getMaxX()).distinct().count()))
                .as("one right edge for every Forget button").isEqualTo(1L);
        snapshot(settingsScene(), SHOTS.resolve("settings-trusted-servers-20px.png"));
    }

    @Test
    void forgettingAServerAsksFirstAndCancelKeepsItWhileConfirmingRemovesItsRowAndPin() throws Exception {
        aliceOnHerOwnServer(true);
        openTrustedServers();
        waitUntil(() -> seen(OTHER_ROW));

        clickOn("#forget-chat-example-org-7447");
        waitUntil(() -> seen("#forgetServerCancel"));
        assertThat(onFx(() -> confirmation().getContentText())).isEqualTo("Forget the certificate you trusted for "
                + OTHER_HOST + ":" + OTHER_PORT + "? The next time Parley connects there, it shows the server's "
                + "certificate and asks again.");
        assertThat(onFx(() -> lookup("#forgetServerCancel").queryButton().isDefaultButton()))
                .as("Cancel is the default button").isTrue();
        assertThat(onFx(() -> lookup("#forgetServerConfirm").queryButton().isDefaultButton())).isFalse();
        waitUntilEquals(() -> confirmation().getScene().getFocusOwner().getId(), "forgetServerCancel");
        snapshot(onFx(() -> confirmation().getScene()), SHOTS.resolve("settings-trusted-servers-confirm.png"));
        clickOn("#forgetServerCancel");

        waitUntil(() -> !seen("#forgetServerCancel"));
        assertThat(onFx(() -> seen(OTHER_ROW))).as("Cancel keeps the row").isTrue();
        assertThat(known.pinned(OTHER_HOST, OTHER_PORT)).as("and the pin").contains(OTHER_FINGERPRINT);

        clickOn("#forget-chat-example-org-7447");
        waitUntil(() -> seen("#forgetServerConfirm"));
        clickOn("#forgetServerConfirm");

        waitUntil(() -> !seen(OTHER_ROW));
        assertThat(known.pinned(OTHER_HOST, OTHER_PORT)).as("the file no longer has it").isEmpty();
        assertThat(known.all()).extracting(KnownServers.Pin::server).containsExactly("127.0.0.1:" + uri.getPort());
        assertThat(onFx(() -> seen(ownRow()))).isTrue();
    }

    @Test
    void forgettingTheSignedInServerKeepsAliceSignedInAndAsksAgainAtTheNextConnection() throws Exception {
        aliceOnHerOwnServer(false);
        openTrustedServers();
        waitUntil(() -> seen(ownRow()));

        clickOn("#forget-127-0-0-1-" + uri.getPort());
        waitUntil(() -> seen("#forgetServerConfirm"));
        assertThat(onFx(() -> confirmation().getContentText())).contains("stay signed in")
                .contains("the next time Parley connects");
        clickOn("#forgetServerConfirm");

        waitUntil(() -> seen("#trustedServersEmpty") && !seen("#trustedServerList"));
        assertThat(known.all()).isEmpty();
        clickButton("Close");
        waitUntil(() -> !showing(".settings"));
        assertThat(onFx(() -> seen("#searchField") && !seen(".connection-banner"))).as("still signed in").isTrue();

        quit();
        launch(new AppOptions(uri, dataDir(), false));
        waitUntil(() -> seen("#trustAccept"));
        assertThat(textOf("#trustHeadline")).as("asked as on first use")
                .isEqualTo("Is this really 127.0.0.1:" + uri.getPort() + "?");
        clickOn("#trustCancel");
    }

    @Test
    void withNoServerTrustedByHandThePageSaysSo() throws Exception {
        startServer();
        Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        try {
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> seen("#searchField"));

            openTrustedServers();

            waitUntil(() -> seen("#trustedServersEmpty"));
            assertThat(textOf("#trustedServersEmpty")).isEqualTo("No servers trusted by hand. Servers with a "
                    + "certificate from a recognised authority need nothing here.");
            assertThat(onFx(() -> seen("#trustedServerList") || seen("#trustedServersError"))).isFalse();
            snapshot(settingsScene(), SHOTS.resolve("settings-trusted-servers-empty.png"));
        } finally {
            alice.close();
        }
    }

    private Scene settingsScene() throws Exception {
        return onFx(() -> lookup(".settings").query().getScene());
    }

    /** The confirmation's dialog pane; call on the FX thread. */
    private DialogPane confirmation() {
        return Window.getWindows().stream().map(Window::getScene)
                .filter(scene -> scene != null && scene.lookup("#forgetServerConfirm") != null)
                .map(scene -> (DialogPane) scene.lookup(".dialog-pane")).findFirst().orElseThrow();
    }

    private static String sha256(TestCertificates.Issued issued) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(issued.certificate().getEncoded());
        return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
    }
}
