package dev.parley.client.ui.chat;

import java.net.URI;

/**
 * Opens something outside the app: a web address in the user's browser, a downloaded file (a video) with the
 * system's application for it; or a recording stand-in in tests.
 */
@FunctionalInterface
public interface LinkOpener {

    /** Opens an http(s) address the user has confirmed, or a {@code file:} address of a downloaded file. */
    void open(URI address);
}
