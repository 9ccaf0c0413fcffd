package dev.parley.client.ui.report;

import dev.parley.client.account.SignInService;
import dev.parley.client.model.ConversationItem;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Reply;
import dev.parley.protocol.ReportReason;
import dev.parley.protocol.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reporting the person in a conversation: the reason, an optional note, "also block"; sending the report;
 * then the confirmation and saving the evidence to a file.
 */
public final class ReportViewModel {
    private static final Logger log = LoggerFactory.getLogger(ReportViewModel.class);
    /** Saving is rare: one named daemon thread per save keeps the disk off the FX thread. */
    private static final Executor DISK = task -> {
        Thread thread = new Thread(task, "parley-save-evidence");
        thread.setDaemon(true);
        thread.start();
    };

    private final ChatSession session;
    private final Target target;
    private final Formats formats;
    private final ObjectProperty<ReportReason> reason = new SimpleObjectProperty<>(this, "reason");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final BooleanProperty block = new SimpleBooleanProperty(this, "block");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty saved = new SimpleStringProperty(this, "saved", "");
    private final ReadOnlyObjectWrapper<Reply.ReportReceipt> receipt = new ReadOnlyObjectWrapper<>(this, "receipt");
    private final BooleanBinding noteTooLong;
    private final StringBinding noteHint;
    private final BooleanBinding canSend;

    /** Who is reported, and the conversation with them whose messages become evidence (null for none). */
    public record Target(String handle, String name, Long conversationId) {
        public static Target of(ConversationItem conversation) {
            return new Target(conversation.peerHandle(), conversation.peerNameProperty().get(), conversation.id());
        }
    }

    public ReportViewModel(ChatSession session, Target target, Formats formats) {
        this.session = session;
        this.target = target;
        this.formats = formats;
        this.noteTooLong = Bindings.createBooleanBinding(() -> noteLength() > Limits.MAX_REPORT_NOTE_CHARS, note);
        this.noteHint = Bindings.createStringBinding(() -> {
            int left = Limits.MAX_REPORT_NOTE_CHARS - noteLength();
            return left >= 0 ? ViewLoader.text("report.note.left", left) : ViewLoader.text("report.note.over", -left);
        }, note);
        this.canSend = reason.isNotNull().and(noteTooLong.not()).and(busy.not()).and(receipt.isNull());
    }

    private int noteLength() {
        String text = note.get().strip();
        return text.codePointCount(0, text.length());
    }

    /** Sends the report; on success {@link #receiptProperty()} holds the server's receipt. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        Request.ReportCreate request = new Request.ReportCreate(target.handle(), target.conversationId(),
                reason.get(), note.get(), block.get());
        session.report(request).whenComplete((filed, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                receipt.set(filed);
            } else {
                error.set(ViewLoader.text(errorKey(failure)));
            }
        }));
    }

    private static String errorKey(Throwable failure) {
        if (SignInService.is(failure, ErrorCode.NOT_FOUND)) {
            return "report.error.notFound";
        }
        return SignInService.is(failure, ErrorCode.RATE_LIMITED) ? "report.error.rateLimited" : "report.error.offline";
    }

    /** What the evidence file is named by default. */
    public String suggestedFileName() {
        return evidence().suggestedName();
    }

    /** Writes the evidence file off the FX thread; {@link #savedProperty()} or the error says how it went. */
    public void saveEvidence(Path file) {
        EvidenceFile evidence = evidence();
        busy.set(true);
        error.set("");
        CompletableFuture.runAsync(() -> {
            try {
                evidence.writeTo(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DISK).whenComplete((done, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                saved.set(ViewLoader.text("report.saved", file.toAbsolutePath()));
            } else {
                log.warn("could not save the evidence to {}", file, failure);
                saved.set("");
                error.set(ViewLoader.text("report.save.error"));
            }
        }));
    }

    private EvidenceFile evidence() {
        return new EvidenceFile(session.me(), receipt.get());
    }

    /** The confirmation's sentence: the report's number, when it arrived, and what evidence went with it. */
    public String confirmation() {
        Reply.ReportReceipt filed = receipt.get();
        return ViewLoader.text("report.done.text", filed.reportId(), formats.dateTime(filed.createdAt()),
                filed.evidence().size(), target.name());
    }

    public Target target() {
        return target;
    }

    public ObjectProperty<ReportReason> reasonProperty() {
        return reason;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty blockProperty() {
        return block;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Where the evidence was saved, as a sentence; empty until it was. */
    public StringProperty savedProperty() {
        return saved;
    }

    public ReadOnlyObjectProperty<Reply.ReportReceipt> receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    public BooleanBinding noteTooLongProperty() {
        return noteTooLong;
    }

    public StringBinding noteHintProperty() {
        return noteHint;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }
}
