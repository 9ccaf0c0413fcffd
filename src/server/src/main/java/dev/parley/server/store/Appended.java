package dev.parley.server.store;

import dev.parley.protocol.Message;
import java.util.List;

/**
 * The result of appending a message: the stored message, whether it was a resend of an earlier one,
 * and the members to deliver it to.
 */
public record Appended(Message message, boolean duplicate, List<Long> memberIds) {
}
