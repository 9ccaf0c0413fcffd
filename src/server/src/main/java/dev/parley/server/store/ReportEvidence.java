package dev.parley.server.store;

import dev.parley.protocol.Message;
import java.util.List;

/** A report with its evidence: the messages copied when it was filed, oldest first. */
public record ReportEvidence(ReportRecord report, List<Message> messages) {
}
