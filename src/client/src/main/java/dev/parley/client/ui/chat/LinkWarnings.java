package dev.parley.client.ui.chat;

import dev.parley.client.ui.ViewLoader;
import java.util.stream.Collectors;

/** A link's warnings in the user's words, for the bubble's tooltip and the open-link dialog. */
final class LinkWarnings {

    private LinkWarnings() {
    }

    /** One sentence per warning, a line each; empty for a link that has none. */
    static String describe(MessageText.Link link) {
        return link.warnings().stream().map(warning -> switch (warning) {
            case LOOK_ALIKE_HOST -> ViewLoader.text("link.warning.lookAlike", link.host());
            case USER_INFO -> ViewLoader.text("link.warning.userInfo", link.host());
        }).collect(Collectors.joining("\n"));
    }
}
