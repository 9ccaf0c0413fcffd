package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AliceAndBobTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Every control that shows only an icon says what it is: a screen reader hears its accessible name and a mouse
 * user sees its tooltip. Walks the main window, its popups and the dialogs it opens.
 */
class AccessibilityTest extends AliceAndBobTest {
    /** How many icon-only controls the walk looked at, so it cannot pass by finding none. */
    private static final java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void everyIconOnlyControlHasAnAccessibleNameAndATooltip() throws Exception {
        aliceChatsWithBob("Shall we meet at the gallery?");
        waitUntil(() -> screen.showsBubble("Shall we meet at the gallery?"));
        long seq = bob.history(conversation).get(0).seq();
        bobSession.react(conversation, seq, "👍").get(10, TimeUnit.SECONDS);
        waitUntil(() -> lookup(".reaction-chip").tryQuery().isPresent());
        List<String> missing = new ArrayList<>();

        missing.addAll(unnamed("main window"));
        // Header: new, new message, account menu; chat: menu, attach, emoji, send.
        assertThat(checked.get()).isGreaterThanOrEqualTo(7);

        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> showing("#findBar"));
        missing.addAll(unnamed("find bar"));
        type(KeyCode.ESCAPE);

        press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> lookup(".emoji-search").tryQuery().isPresent() && popupShowing());
        missing.addAll(unnamed("emoji picker"));
        type(KeyCode.ESCAPE);
        waitUntil(() -> !popupShowing());

        screen.openMessageMenu("Shall we meet at the gallery?");
        waitUntil(this::popupShowing);
        missing.addAll(unnamed("message menu"));
        type(KeyCode.ESCAPE);
        waitUntil(() -> !popupShowing());

        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        missing.addAll(inDialog("New message"));
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        missing.addAll(inDialog("Find people"));
        for (String item : List.of("Edit profile…", "Privacy…")) {
            fireLater("#accountMenu", item);
            missing.addAll(inDialog(item));
        }
        fireLater("#newMenu", "New group");
        missing.addAll(inDialog("New group"));
        for (String item : List.of("View profile", "Report…", "New poll…")) {
            fireLater("#chatMenu", item);
            missing.addAll(inDialog(item));
        }

        // The picker's category and tone buttons, the six quick reactions, the poll's option buttons and more.
        assertThat(checked.get()).isGreaterThanOrEqualTo(30);
        assertThat(missing).as("icon-only controls without an accessible name or a tooltip").isEmpty();
    }

    /** Waits for the dialog an action opened, lists what it lacks, and closes it with Esc. */
    private List<String> inDialog(String name) {
        waitUntil(() -> dialog() != null);
        List<String> found = new ArrayList<>();
        interact(() -> walk(dialog().getScene().getRoot(), name, found));
        type(KeyCode.ESCAPE);
        waitUntil(() -> dialog() == null);
        return found;
    }

    /** The controls of every showing window of the app that show an icon and no text but lack a name or tooltip. */
    private List<String> unnamed(String where) throws Exception {
        return onFx(() -> {
            List<String> found = new ArrayList<>();
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window.isShowing() && window.getScene() != null) {
                    walk(window.getScene().getRoot(), where, found);
                }
            }
            return found;
        });
    }

    private static void walk(Node node, String where, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        // A control's skin draws its graphic in a label of its own (a MenuButton's, for one): the control is checked.
        boolean skinPart = node.getClass().getName().contains(".skin.");
        if (node instanceof Labeled labeled && !(node instanceof Cell<?>) && !skinPart && labeled.getGraphic() != null
                && (labeled.getText() == null || labeled.getText().isBlank())) {
            checked.incrementAndGet();
            boolean named = labeled.getAccessibleText() != null && !labeled.getAccessibleText().isBlank();
            boolean tipped = labeled.getTooltip() != null && labeled.getTooltip().getText() != null
                    && !labeled.getTooltip().getText().isBlank();
            if (!named || !tipped) {
                found.add(where + ": " + describe(node) + (named ? "" : " (no accessible name)")
                        + (tipped ? "" : " (no tooltip)"));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, where, found);
            }
        }
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() != null ? "#" + node.getId() : "")
                + node.getStyleClass();
    }

    /** Chooses a menu item after this call returns: a dialog's showAndWait must not block the test thread. */
    private void fireLater(String menuButton, String text) {
        interact(() -> {
            MenuItem item = lookup(menuButton).queryAs(MenuButton.class).getItems().stream()
                    .filter(candidate -> text.equals(candidate.getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + text + " in " + menuButton));
            Platform.runLater(item::fire);
        });
    }

    private Window dialog() {
        return Window.getWindows().stream().filter(window -> window instanceof Stage && window != stage
                && window.isShowing() && window.getScene().getRoot() instanceof DialogPane).findFirst().orElse(null);
    }

    private boolean popupShowing() {
        return Window.getWindows().stream().anyMatch(window -> window instanceof javafx.stage.PopupWindow
                && window.isShowing());
    }
}
