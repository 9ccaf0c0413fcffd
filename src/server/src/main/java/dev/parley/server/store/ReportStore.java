package dev.parley.server.store;

import dev.parley.protocol.ReportReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Reports and their evidence. Writes complete only after their transaction has committed. */
public interface ReportStore {

    /** What a reporter files; {@code conversationId} may be null (a report about a profile alone). */
    record Filing(long reporterId, long reportedId, Long conversationId, ReportReason reason, String note,
            boolean block) {
    }

    /**
     * Stores a report in one transaction with its evidence (a copy of the conversation's newest messages) and,
     * when asked, the reporter's block of the reported person. Completes empty, storing nothing, when
     * {@code conversationId} is not the direct conversation of exactly these two people.
     */
    CompletableFuture<Optional<ReportEvidence>> file(Filing filing, Instant now);

    /** Reports oldest first: the open ones, or all of them. */
    List<ReportRecord> list(boolean includeResolved);

    Optional<ReportEvidence> find(long reportId);

    /** Resolves an open report; completes with false when there is no open report with that id. */
    CompletableFuture<Boolean> resolve(long reportId, String resolution, Instant now);
}
