package dev.parley.server.net;

import dev.parley.protocol.Event;
import dev.parley.protocol.UploadChunk;

/** Takes one upload chunk from a signed-in connection; answers with progress or a refusal to push back. */
@FunctionalInterface
public interface ChunkHandler {
    Event receive(Identity me, UploadChunk chunk);
}
