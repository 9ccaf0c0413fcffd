package dev.parley.client.ui.chat;

import java.net.URI;

/** Opens a web address outside the app: the user's browser, or a recording stand-in in tests. */
@FunctionalInterface
public interface LinkOpener {

    /** Opens an http(s) address the user has confirmed. */
    void open(URI address);
}
