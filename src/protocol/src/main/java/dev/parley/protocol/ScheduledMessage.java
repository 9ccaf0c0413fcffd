package dev.parley.protocol;

import java.time.Instant;

/**
 * A message its author asked the server to send later: {@code message} is exactly what {@code msg.send} would
 * get, {@code sendAt} when. A follow-up ({@code followUp}) is sent only if nobody else wrote in the conversation
 * by then. Once sent, {@code seq} names the message it became; a skipped or cancelled one says why in
 * {@code reason}.
 */
public record ScheduledMessage(long id, Request.MessageSend message, Instant sendAt, boolean followUp,
        ScheduleStatus status, String reason, Long seq, Instant createdAt) {

    public long conversationId() {
        return message.conversationId();
    }
}
