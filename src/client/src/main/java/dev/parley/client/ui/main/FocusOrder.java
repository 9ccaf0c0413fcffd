package dev.parley.client.ui.main;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The main window's Tab order: the conversation search, the list, then the chat's composer, then the rest.
 * JavaFX follows the scene graph, which would put the chat header's buttons between the list and the composer
 * and would let Tab type a tab character into the composer. Shift+Tab goes back; focus on anything outside
 * the order (a link in a bubble) moves the usual way.
 */
final class FocusOrder {
    private FocusOrder() {
    }

    static void install(Parent root, Supplier<List<Node>> order) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.TAB || event.isShortcutDown() || event.isAltDown()
                    || root.getScene() == null) {
                return;
            }
            List<Node> reachable = order.get().stream().filter(FocusOrder::canTakeFocus).toList();
            int at = reachable.indexOf(root.getScene().getFocusOwner());
            if (at < 0) {
                return;
            }
            reachable.get(Math.floorMod(at + (event.isShiftDown() ? -1 : 1), reachable.size())).requestFocus();
            event.consume();
        });
    }

    private static boolean canTakeFocus(Node node) {
        if (node == null || node.getScene() == null || node.isDisabled()) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
