package dev.parley.client.ui.quickreply;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.sync.QuickReplies;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.InlineCompletion;
import dev.parley.protocol.QuickReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quick replies in the composer: typing "/" and the start of a name offers them; choosing one puts its text in
 * the composer as the open chat's person will read it. Variables with no value stay visible as "{city}" and
 * hold the send button until they are filled in or edited away, so raw braces never go out by mistake.
 */
public final class ComposerQuickReplies implements InlineCompletion.Source<QuickReply> {
    private static final Logger log = LoggerFactory.getLogger(ComposerQuickReplies.class);
    private static final Pattern TYPED = Pattern.compile("^/([a-z0-9_-]*)$");
    private static final int MOST = 6;

    private final QuickReplies replies;
    private final String myName;
    private final ObjectProperty<ConversationItem> conversation;
    private final StringProperty draft;
    private final ObservableList<String> unfilled = FXCollections.observableArrayList();
    private TextInputControl composer;

    public ComposerQuickReplies(QuickReplies replies, String myName, ObjectProperty<ConversationItem> conversation,
            StringProperty draft, BooleanProperty sendHeld) {
        this.replies = replies;
        this.myName = myName;
        this.conversation = conversation;
        this.draft = draft;
        draft.addListener((obs, was, now) -> unfilled.setAll(QuickReplyText.stillIn(now, List.copyOf(unfilled))));
        conversation.addListener((obs, was, now) -> {
            unfilled.clear();
            recipientHandle().ifPresent(handle -> replies.fields(handle).exceptionally(failure -> Map.of()));
        });
        sendHeld.bind(javafx.beans.binding.Bindings.isNotEmpty(unfilled));
    }

    /** Serves this composer: "/name" completions. */
    public void install(TextInputControl field) {
        this.composer = field;
        InlineCompletion<QuickReply> completion = new InlineCompletion<>(field, this, "quick-reply-completions",
                "quick-reply-completions", ViewLoader.stylesheet("quickreply/quickreply.css"),
                ViewLoader.text("quickReply.completions"));
        replies.templates().addListener((javafx.collections.ListChangeListener<QuickReply>) change ->
                completion.update());
    }

    /**
     * The composer's quick-reply button: it starts "/" in an empty composer, which opens the list; with text
     * there already it opens the manager.
     */
    public javafx.scene.control.Button button(Runnable manage) {
        javafx.scene.control.Button button = new javafx.scene.control.Button(null,
                new org.kordamp.ikonli.javafx.FontIcon("fth-zap"));
        button.setId("quickReplyButton");
        button.getStyleClass().addAll("button-icon", "flat");
        button.setAccessibleText(ViewLoader.text("quickReply.button"));
        button.setTooltip(new javafx.scene.control.Tooltip(ViewLoader.text("quickReply.button.tooltip")));
        button.setOnAction(event -> {
            if (composer != null && composer.getText().isEmpty()) {
                composer.requestFocus();
                composer.insertText(0, "/");
            } else {
                manage.run();
            }
        });
        return button;
    }

    /** Variables of the inserted quick reply that still lack a value, as written in the composer. */
    public ObservableList<String> unfilled() {
        return unfilled;
    }

    @Override
    public Optional<InlineCompletion.Offer<QuickReply>> offer(String text, int caret) {
        if (text == null || caret < 0 || caret > text.length()) {
            return Optional.empty();
        }
        Matcher matcher = TYPED.matcher(text.substring(0, caret));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String prefix = matcher.group(1);
        List<QuickReply> found = replies.templates().stream().filter(t -> t.name().startsWith(prefix))
                .limit(MOST).toList();
        return Optional.of(new InlineCompletion.Offer<>(0, found));
    }

    @Override
    public Label row(QuickReply reply) {
        Label name = new Label("/" + reply.name());
        name.getStyleClass().add("quick-reply-name");
        String preview = fill(reply, cachedFields()).text().lines().findFirst().orElse("");
        Label row = new Label(preview, name);
        row.getStyleClass().add("quick-reply-completion");
        row.setAccessibleText(ViewLoader.text("quickReply.completion.accessible", reply.name(), preview));
        return row;
    }

    @Override
    public void accept(QuickReply reply, int from, int caret) {
        Optional<String> handle = recipientHandle();
        if (handle.isEmpty()) {
            insert(fill(reply, Map.of()), from, caret);
            return;
        }
        replies.fields(handle.get()).whenComplete((fields, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                log.info("contact fields of {} not available: {}", handle.get(), failure.toString());
            }
            insert(fill(reply, fields == null ? Map.of() : fields), from, caret);
        }));
    }

    /** After the user filled in contact fields: what now has a value is put into the composer. */
    public void refill() {
        recipientHandle().ifPresent(handle -> replies.fields(handle).thenAccept(fields -> Platform.runLater(() -> {
            String text = draft.get();
            for (String name : List.copyOf(unfilled)) {
                String value = fields.get(name);
                if (value != null && !value.isBlank()) {
                    text = text.replace("{" + name + "}", value.strip());
                }
            }
            draft.set(text);
        })));
    }

    /** The open chat's person (null in a group). */
    public QuickReplyText.Recipient recipient() {
        ConversationItem open = conversation.get();
        return open == null || open.group() ? null
                : new QuickReplyText.Recipient(open.peerNameProperty().get(), open.peerHandle());
    }

    private void insert(QuickReplyText.Filled filled, int from, int caret) {
        composer.selectRange(from, Math.min(caret, composer.getLength()));
        composer.replaceSelection(filled.text());
        unfilled.setAll(filled.missing());
        composer.requestFocus();
    }

    private QuickReplyText.Filled fill(QuickReply reply, Map<String, String> fields) {
        return QuickReplyText.fill(reply.text(), recipient(), myName, fields);
    }

    private Map<String, String> cachedFields() {
        return recipientHandle().map(handle -> replies.fields(handle).exceptionally(failure -> Map.of())
                .getNow(Map.of())).orElse(Map.of());
    }

    private Optional<String> recipientHandle() {
        ConversationItem open = conversation.get();
        return open == null || open.group() ? Optional.empty() : Optional.of(open.peerHandle());
    }
}
