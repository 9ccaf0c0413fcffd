package dev.parley.server.bus;

import java.util.Collection;
import java.util.List;

/**
 * What {@link RedisBus} puts on the channel: the publishing node, the recipients and the event frame exactly
 * as the protocol's codec wrote it, so receiving nodes pass it on without decoding it. Three lines:
 * {@code node}, {@code id,id,…}, then the frame (which may itself contain anything).
 */
record Envelope(String nodeId, List<Long> userIds, String frame) {

    static String write(String nodeId, Collection<Long> userIds, String frame) {
        StringBuilder text = new StringBuilder(nodeId.length() + frame.length() + 12 * userIds.size() + 2);
        text.append(nodeId.replace('\n', ' ')).append('\n');
        boolean first = true;
        for (long userId : userIds) {
            if (!first) {
                text.append(',');
            }
            text.append(userId);
            first = false;
        }
        return text.append('\n').append(frame).toString();
    }

    static Envelope read(String text) {
        int nodeEnd = text.indexOf('\n');
        int usersEnd = nodeEnd < 0 ? -1 : text.indexOf('\n', nodeEnd + 1);
        if (usersEnd < 0) {
            throw new IllegalArgumentException("not an event envelope");
        }
        String users = text.substring(nodeEnd + 1, usersEnd);
        List<Long> userIds;
        try {
            userIds = users.isEmpty() ? List.of()
                    : java.util.Arrays.stream(users.split(",")).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad recipient list: " + users);
        }
        return new Envelope(text.substring(0, nodeEnd), userIds, text.substring(usersEnd + 1));
    }
}
