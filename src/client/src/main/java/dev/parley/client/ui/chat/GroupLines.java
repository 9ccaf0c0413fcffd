package dev.parley.client.ui.chat;

import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.GroupChange;
import java.util.List;
import java.util.stream.Collectors;

/** The sentence of a group's system line ("Alice added @bob and @carol"), from the resource bundle. */
final class GroupLines {
    private GroupLines() {
    }

    /** {@code sender} did {@code change}; {@code me} reads "You" instead of their own handle. */
    static String sentence(String sender, GroupChange change, String me) {
        String who = name(sender, me);
        String members = names(change.members(), me);
        return switch (change.action()) {
            case CREATED -> ViewLoader.text("group.line.created", who, change.title());
            case ADDED -> ViewLoader.text("group.line.added", who, members);
            case REMOVED -> ViewLoader.text("group.line.removed", who, members);
            case LEFT -> ViewLoader.text("group.line.left", who);
            case PROMOTED -> ViewLoader.text("group.line.promoted", who, members);
            case DEMOTED -> ViewLoader.text("group.line.demoted", who, members);
            case OWNER -> ViewLoader.text("group.line.owner", members);
            case RENAMED -> ViewLoader.text("group.line.renamed", who, change.title());
            case DESCRIBED -> ViewLoader.text("group.line.described", who);
            case PICTURE -> ViewLoader.text("group.line.picture", who);
        };
    }

    private static String name(String handle, String me) {
        return handle.equals(me) ? ViewLoader.text("group.line.you") : "@" + handle;
    }

    private static String names(List<String> handles, String me) {
        return handles.stream().map(handle -> name(handle, me))
                .collect(Collectors.joining(ViewLoader.text("group.line.separator")));
    }
}
