package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.client.testing.SamplePictures;
import dev.parley.protocol.Message;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.Sticker;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Stickers as a person uses them: the picker's Stickers tab, sending at once, stickers in the chat, importing packs. */
class StickerFlowTest extends AppTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    private final ChatScreen screen = new ChatScreen(this);
    private Peer alice;
    private Peer bob;
    private long conversation;

    @BeforeEach
    void aliceAndBob() {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        Peer.befriend(alice, bob);
        conversation = bob.open("alice");
        bob.send(conversation, "Did the kiln survive?");
    }

    @AfterEach
    void leave() {
        List.of(alice, bob).forEach(Peer::close);
    }

    private void openChatWithBob() throws Exception {
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().contains("Bob Marsh"));
        screen.open("Bob Marsh");
    }

    private void openStickersTab() throws Exception {
        clickOn("#emojiButton");
        waitUntil(() -> lookup(".picker-tabs").tryQuery().isPresent());
        interact(() -> {
            TabPane tabs = lookup(".picker-tabs").queryAs(TabPane.class);
            Tab stickers = tabs.getTabs().stream().filter(tab -> "Stickers".equals(tab.getText())).findFirst()
                    .orElseThrow();
            tabs.getSelectionModel().select(stickers);
        });
        waitUntil(() -> lookup(".sticker-slot").match(Node::isVisible).tryQuery().isPresent());
    }

    /** Types in the Stickers tab's search field until one sticker is left. */
    private void search(String words) {
        clickOn(".sticker-tab .emoji-search").write(words);
        waitUntil(() -> lookup(".sticker-slot").match(Node::isVisible).queryAll().size() == 1);
    }

    private Node stickerSlot(String pack, String id) {
        return lookup(".sticker-slot").match(node -> ("sticker-" + pack + "-" + id).equals(node.getId())
                && node.isVisible()).query();
    }

    private List<Message> bobsStickers() {
        return bob.history(conversation).stream().filter(m -> m.sticker() != null).toList();
    }

    /** Sticker pictures the chat shows now (their image loaded). */
    private long stickersShown() throws Exception {
        return onFx(() -> lookup("#sticker-image").queryAllAs(ImageView.class).stream()
                .filter(view -> view.getImage() != null && view.isVisible() && view.getParent().isVisible()).count());
    }

    @Test
    void clickingABuiltInStickerSendsItAtOnceAndBothSidesSeeAPictureNotText() throws Exception {
        openChatWithBob();
        openStickersTab();
        shootPopupOverWindow(".emoji-picker", SHOTS.resolve("sticker-picker.png"));

        clickOn(stickerSlot("moods", "joy"));

        waitUntil(() -> bobsStickers().size() == 1);
        Message received = bobsStickers().get(0);
        assertThat(received.sticker()).isEqualTo(new Sticker("moods", "joy", "😂"));
        assertThat(received.text()).isEmpty();
        waitUntil(() -> stickersShown() == 1);
        bob.call(Request.MessageSend.sticker(conversation, UUID.randomUUID(), new Sticker("critters", "fox", "🦊"),
                received.seq()), Reply.Sent.class);
        bob.call(Request.MessageSend.sticker(conversation, UUID.randomUUID(), new Sticker("no-such-pack", "x", null),
                null), Reply.Sent.class);
        waitUntil(() -> stickersShown() == 2);
        waitUntil(() -> lookup(".sticker-placeholder-text").match(Node::isVisible).tryQuery().isPresent());
        assertThat(onFx(() -> lookup(".bubble-quote-text").queryAllAs(Label.class).stream().map(Label::getText)
                .toList())).contains("😂 Sticker");
        assertThat(screen.preview("Bob Marsh")).isEqualTo("Sticker");
        snapshot(SHOTS.resolve("sticker-chat.png"));
    }

    @Test
    void theLastStickerSentComesFirstUnderRecentlyUsedAndSearchFindsByKeyword() throws Exception {
        openChatWithBob();
        openStickersTab();
        search("owl");
        clickOn(stickerSlot("critters", "owl"));
        waitUntil(() -> bobsStickers().size() == 1);

        openStickersTab();
        var rows = onFx(() -> List.copyOf(lookup(".sticker-grid")
                .<dev.parley.client.ui.stickers.StickerRow>queryListView().getItems()));
        assertThat(rows.get(0).title()).isEqualTo("Recently used");
        assertThat(rows.get(1).stickers().get(0).entry().id()).isEqualTo("owl");
        search("fox");
        type(javafx.scene.input.KeyCode.ENTER);

        waitUntil(() -> bobsStickers().size() == 2);
        assertThat(bobsStickers().get(1).sticker().id()).isEqualTo("fox");
    }

    @Test
    void aStickerFromAnImportedFolderReachesTheRecipientThroughTheMediaStore() throws Exception {
        Path folder = Files.createDirectories(tempDir.resolve("Pottery"));
        ImageIO.write(SamplePictures.quadrants(900, 700), "png", folder.resolve("Glaze Win.png").toFile());
        ImageIO.write(SamplePictures.gradient(300, 300), "png", folder.resolve("crack.png").toFile());
        Files.writeString(folder.resolve("README.txt"), "made at the studio");
        stickerPackToChoose = folder;
        openChatWithBob();
        openStickersTab();

        clickOn("#stickerImport");
        waitUntil(() -> lookup(".sticker-status").queryAs(Label.class).getText().startsWith("Imported Pottery"));
        search("glaze");
        String packId = onFx(() -> lookup(".sticker-slot").match(node -> node.isVisible() && node.getId() != null
                && node.getId().startsWith("sticker-imported.")).query().getId())
                .replaceFirst("^sticker-", "").replaceFirst("-glaze-win$", "");
        clickOn(stickerSlot(packId, "glaze-win"));

        waitUntil(() -> bobsStickers().size() == 1);
        Sticker sent = bobsStickers().get(0).sticker();
        assertThat(sent.pack()).isEqualTo(packId);
        assertThat(sent.mediaId()).isNotNull();
        Reply.MediaData data = bob.call(new Request.MediaGet(sent.mediaId(), 0L, 192 * 1024), Reply.MediaData.class);
        assertThat(data.total()).isEqualTo(data.data().length);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.data())))
                .isEqualTo(sent.mediaId());
        BufferedImage picture = ImageIO.read(new java.io.ByteArrayInputStream(data.data()));
        assertThat(Math.max(picture.getWidth(), picture.getHeight())).isEqualTo(512);
        waitUntil(() -> stickersShown() == 1);
        try (Stream<Path> kept = Files.walk(dataDir())) {
            assertThat(kept.filter(path -> path.endsWith(Path.of("stickers", packId, "manifest.json")))).hasSize(1);
        }
    }

    @Test
    void aZipWithAPathOutOfThePackIsRefusedAndNothingIsWritten() throws Exception {
        Path zip = tempDir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("fine.png"));
            out.write(png());
            out.putNextEntry(new ZipEntry("../../escape.png"));
            out.write(png());
        }
        assertRefusedAndNothingWritten(zip, "points outside the pack");
    }

    @Test
    void aZipBombIsRefusedAndNothingIsWritten() throws Exception {
        Path zip = tempDir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("huge.png"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 8; i++) {
                out.write(zeros);
            }
        }
        assertThat(Files.size(zip)).isLessThan(64 * 1024);
        assertRefusedAndNothingWritten(zip, "far larger than a sticker pack may be");
    }

    private void assertRefusedAndNothingWritten(Path zip, String said) throws Exception {
        stickerPackToChoose = zip;
        openChatWithBob();
        openStickersTab();

        clickOn("#stickerImport");

        waitUntil(() -> lookup(".sticker-status").queryAs(Label.class).getText().contains(said));
        assertThat(lookup(".sticker-slot").match(node -> node.isVisible() && node.getId() != null
                && node.getId().startsWith("sticker-imported.")).tryQuery()).isEmpty();
        try (Stream<Path> files = Files.walk(dataDir())) {
            assertThat(files.filter(path -> path.toString().contains("stickers" + java.io.File.separator)
                    || path.getFileName().toString().equals("escape.png"))).isEmpty();
        }
        assertThat(tempDir.resolve("escape.png")).doesNotExist();
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(SamplePictures.quadrants(64, 64), "png", bytes);
        return bytes.toByteArray();
    }

    /** The window with a popup drawn where it is on screen (a scene snapshot shows one window only). */
    private void shootPopupOverWindow(String popupQuery, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage shot = onFx(() -> {
            BufferedImage window = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
            Node picker = lookup(popupQuery).query();
            javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
            transparent.setFill(javafx.scene.paint.Color.TRANSPARENT);
            BufferedImage drawn = SwingFXUtils.fromFXImage(picker.snapshot(transparent, null), null);
            javafx.geometry.Bounds at = picker.localToScreen(picker.getLayoutBounds());
            Graphics2D g = window.createGraphics();
            g.drawImage(drawn, (int) (at.getMinX() - stage.getX() - stage.getScene().getX()),
                    (int) (at.getMinY() - stage.getY() - stage.getScene().getY()), null);
            g.dispose();
            return window;
        });
        Files.createDirectories(file.getParent());
        ImageIO.write(shot, "png", file.toFile());
    }
}
