package dev.parley.client.ui.report;

import dev.parley.protocol.Codec;
import dev.parley.protocol.Reply;
import dev.parley.protocol.UserProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a reporter keeps for their own records: who reported, and the report as the server stored it (id,
 * reason, time, note, the reported profile and the copied messages). JSON, indented, in the protocol's own
 * field names with ISO-8601 UTC times: exact enough to hand on to a platform or the police, and still easy
 * to read in any text editor.
 */
public record EvidenceFile(UserProfile reportedBy, Reply.ReportReceipt report) {
    private static final Codec CODEC = new Codec();

    /** A name to suggest when asking where to save it. */
    public String suggestedName() {
        return "parley-report-" + report.reportId() + ".json";
    }

    /** Writes the file, replacing one that is there. Blocks: call it off the FX thread. */
    public void writeTo(Path file) throws IOException {
        Files.writeString(file, CODEC.encodeDocument(this) + System.lineSeparator(), StandardCharsets.UTF_8);
    }
}
