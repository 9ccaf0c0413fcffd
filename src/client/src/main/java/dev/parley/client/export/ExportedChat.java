package dev.parley.client.export;

import dev.parley.client.store.StoredMessage;
import java.util.List;

/** One conversation as exported: which, its title as the user sees it, and its messages oldest first. */
public record ExportedChat(long id, String title, String peerHandle, boolean group, List<StoredMessage> messages) {

    /** Which conversation to export: its id and how the user sees it named. */
    public record Header(long id, String title, String peerHandle, boolean group) {
    }
}
