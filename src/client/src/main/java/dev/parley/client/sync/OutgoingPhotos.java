package dev.parley.client.sync;

import dev.parley.client.store.StoredMessage;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyDoubleProperty;

/**
 * A photo message on its way out: its client id (the bubble's key and {@code cancelSend}'s argument), the
 * upload's progress from 0 to 1 (changed on the FX thread), and {@code sent}, which completes with the
 * server's copy, or fails: {@link java.util.concurrent.CancellationException} when the user cancelled, a
 * {@link dev.parley.protocol.ProtocolException} when the server refused it.
 */
public record OutgoingPhotos(UUID clientId, ReadOnlyDoubleProperty progress, CompletableFuture<StoredMessage> sent) {
}
