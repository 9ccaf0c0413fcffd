package dev.parley.client.notify;

import javafx.scene.Node;

/**
 * One desktop notification: who wrote (the title), what (the body: a preview, or "New message" when previews
 * are hidden), the sender's picture for notifiers that can show one, and what a click does. A {@code quiet}
 * notice (a message request) makes no sound and does not stay on screen.
 */
public record Notice(long conversationId, String title, String body, Node graphic, boolean quiet, Runnable onClick) {
}
