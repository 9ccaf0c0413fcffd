package dev.parley.client.testing;

import dev.parley.client.model.ConversationItem;
import java.util.List;
import java.util.Optional;
import dev.parley.client.ui.chat.ChatRow;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;

/** Reads the main window the way a person looks at it: rows, badges, bubbles and their status icons. */
public final class ChatScreen {
    private final FxRobot robot;

    public ChatScreen(FxRobot robot) {
        this.robot = robot;
    }

    public boolean isShowing() {
        return robot.lookup(".conversations-pane").tryQuery().isPresent();
    }

    /** Conversation names from top to bottom. Call on the FX thread. */
    public List<String> conversationNames() {
        ListView<ConversationItem> list = robot.lookup(".conversation-list").queryListView();
        return list.getItems().stream().map(item -> item.peerNameProperty().get()).toList();
    }

    private Optional<Node> conversationCell(String name) {
        return robot.lookup(".conversation-cell").queryAll().stream()
                .filter(cell -> cell.lookupAll(".conversation-name").stream()
                        .anyMatch(label -> name.equals(((Label) label).getText())))
                .findFirst();
    }

    /** The unread badge's text, or empty when no badge shows. Call on the FX thread. */
    public String unreadBadge(String name) {
        return conversationCell(name).map(cell -> (Label) cell.lookup(".unread-badge"))
                .filter(Node::isVisible).map(Label::getText).orElse("");
    }

    public String preview(String name) {
        return conversationCell(name).map(cell -> ((Label) cell.lookup(".conversation-preview")).getText())
                .orElse("");
    }

    /**
     * Clicks the conversation's row once the list has drawn it, until its chat opens. The list may re-sort
     * while the app catches up, recycling the row's cell between finding it and clicking it; then it clicks
     * the row again where it is now.
     */
    public void open(String name) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () ->
                        nameLabel(name).isPresent());
                robot.clickOn(nameLabel(name).orElseThrow());
                org.testfx.util.WaitForAsyncUtils.waitFor(2, java.util.concurrent.TimeUnit.SECONDS, () ->
                        robot.lookup(".chat-peer-name").tryQuery()
                                .map(header -> name.equals(((Label) header).getText())).orElse(false));
                return;
            } catch (RuntimeException | java.util.concurrent.TimeoutException e) {
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            }
        }
        throw new AssertionError("could not open the conversation named " + name);
    }

    private Optional<Node> nameLabel(String name) {
        return robot.lookup(".conversation-name").match(node -> name.equals(((Label) node).getText())
                && node.getScene() != null && node.isVisible()).tryQuery();
    }

    /** The status icon of the bubble showing {@code text}: fth-clock, fth-check or fth-alert-circle. */
    public String statusOf(String text) {
        return robot.lookup(".message-cell").queryAll().stream()
                .filter(cell -> cell.isVisible() && ((ListCell<?>) cell).getItem() instanceof ChatRow.Bubble bubble
                        && bubble.message().text().equals(text))
                .map(cell -> ((FontIcon) cell.lookup(".bubble-status")).getIconLiteral())
                .findFirst().orElse("");
    }

    /**
     * Opens a bubble's message menu as a right-click would. Headless Monocle turns no right-click into a
     * context-menu request (TestFX issue 645), so this sends the request the platform would have sent.
     */
    public void openMessageMenu(String text) {
        requestContextMenu(robot, robot.lookup(".bubble-text").match(node -> text.equals(shownText(node))).query());
    }

    /** Right-clicks a node the way the platform reports it: as a context-menu request at its centre. */
    public static void requestContextMenu(FxRobot robot, Node node) {
        robot.moveTo(node);
        robot.interact(() -> {
            javafx.geometry.Bounds screen = node.localToScreen(node.getBoundsInLocal());
            double x = screen.getCenterX();
            double y = screen.getCenterY();
            javafx.geometry.Point2D local = node.screenToLocal(x, y);
            javafx.event.Event.fireEvent(node, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(), x, y,
                    false, null));
        });
    }

    /** The text a bubble shows, as a reader sees it (links, hosts and the emoji its pictures stand for included). */
    public static String shownText(Node bubbleText) {
        return ((javafx.scene.text.TextFlow) bubbleText).getChildren().stream()
                .map(node -> node instanceof javafx.scene.text.Text run ? run.getText()
                        : node instanceof dev.parley.client.ui.emoji.EmojiView emoji ? emoji.text()
                        : node instanceof javafx.scene.control.Labeled labeled ? labeled.getText() : "")
                .collect(java.util.stream.Collectors.joining());
    }

    /** Whether a visible bubble shows exactly {@code text}. Call on the FX thread. */
    public boolean showsBubble(String text) {
        return robot.lookup(".bubble-text").match(node -> node.isVisible() && text.equals(shownText(node)))
                .tryQuery().isPresent();
    }

    /** The texts of the links the bubbles show, top to bottom. Call on the FX thread. */
    public List<String> linkTexts() {
        return robot.lookup(".bubble-link").queryAll().stream().filter(Node::isVisible)
                .map(link -> ((Hyperlink) link).getText()).toList();
    }

    /** The real hosts shown beside links whose text hides them. Call on the FX thread. */
    public List<String> linkHosts() {
        return robot.lookup(".bubble-link-host").queryAll().stream().filter(Node::isVisible)
                .map(host -> ((Label) host).getText()).toList();
    }

    /** The link showing {@code text}, to click. */
    public Hyperlink link(String text) {
        return robot.lookup(".bubble-link").match(link -> link.isVisible() && text.equals(((Hyperlink) link).getText()))
                .query();
    }

    /** Texts of the bubbles the list holds, oldest first. Call on the FX thread. */
    public List<String> bubbleTexts() {
        ListView<?> list = robot.lookup(".message-list").queryListView();
        return list.getItems().stream()
                .filter(row -> row instanceof ChatRow.Bubble)
                .map(row -> ((ChatRow.Bubble) row).message().text())
                .toList();
    }
}
