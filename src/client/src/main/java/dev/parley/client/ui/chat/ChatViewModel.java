package dev.parley.client.ui.chat;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.model.MessageItem;
import dev.parley.client.store.MessageStatus;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.Limits;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open conversation: its messages (paged in from the cache and the server), the composer, and whether
 * the user is reading at the bottom (then new messages are marked read and followed) or scrolled up (then a
 * "new messages" pill counts them).
 */
public final class ChatViewModel {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChatViewModel.class);
    static final int PAGE = 60;
    /** The counter appears when this few characters are left. */
    private static final int COUNTER_FROM = 500;
    private static final Duration RUN_GAP = Duration.ofMinutes(5);

    private final ChatSession session;
    private final FindInChat find;
    private final Formats formats;
    private final dev.parley.client.ui.common.LiveClock liveClock;
    private final LinkOpener links;
    private final ObjectProperty<ConversationItem> conversation = new SimpleObjectProperty<>(this, "conversation");
    private final ObservableList<MessageItem> messages = FXCollections.observableArrayList();
    private final ObservableList<ChatRow> rows = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final BooleanProperty atBottom = new SimpleBooleanProperty(this, "atBottom", true);
    private final ObjectProperty<MessageItem> replyingTo = new SimpleObjectProperty<>(this, "replyingTo");
    private final ObjectProperty<MessageItem> scrollToRequest = new SimpleObjectProperty<>(this, "scrollToRequest");
    private long pendingJump;
    private java.util.function.LongConsumer conversationOpener = id -> { };
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(this, "windowFocused", true);
    private final IntegerProperty newBelow = new SimpleIntegerProperty(this, "newBelow");
    private final BooleanProperty hasOlder = new SimpleBooleanProperty(this, "hasOlder");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    /** Incremented after each older page is added above (possibly empty), so the view can restore its anchor. */
    private final IntegerProperty olderPagesLoaded = new SimpleIntegerProperty(this, "olderPagesLoaded");
    /** Incremented whenever the view should scroll to the newest message. */
    private final IntegerProperty scrollToEndRequests = new SimpleIntegerProperty(this, "scrollToEndRequests");
    private final BooleanBinding canSend;
    /** Something about the draft must be fixed before it can go (e.g. a quick reply's unfilled variable). */
    private final BooleanProperty sendHeld = new SimpleBooleanProperty(this, "sendHeld");
    private final BooleanProperty isRequest = new SimpleBooleanProperty(this, "isRequest");
    private final BooleanProperty peerBlocked = new SimpleBooleanProperty(this, "peerBlocked");
    private final BooleanBinding canReport;
    private final StringBinding counter;
    private final BooleanBinding overLimit;
    private final PeerStatus peerStatus;
    private final StringBinding slowDownNotice;
    /** How far the other person has read, when both share read receipts; else null. */
    private final ObjectProperty<Long> seenSeq = new SimpleObjectProperty<>(this, "seenSeq");
    private long generation;
    private boolean rebuildScheduled;
    private final javafx.beans.value.ChangeListener<dev.parley.client.net.ConnectionState> stateListener =
            (obs, old, state) -> {
                if (state == dev.parley.client.net.ConnectionState.ONLINE) {
                    hasOlder.set(oldestSeq() > 1 && oldestSeq() != Long.MAX_VALUE);
                    updateReading();
                }
            };
    private final java.util.function.Consumer<StoredMessage> messageListener = this::onMessage;

    public ChatViewModel(ChatSession session, Formats formats, LinkOpener links) {
        this.session = session;
        this.find = new FindInChat((id, terms) -> session.find(id, terms, FindInChat.MOST_MATCHES), this::jumpTo);
        // Another conversation: the find bar closes (Ctrl+F opens it there).
        conversation.addListener((obs, old, item) -> find.close());
        this.formats = formats;
        this.liveClock = new dev.parley.client.ui.common.LiveClock(session.clock());
        this.links = links;
        BooleanBinding leftGroup = Bindings.selectBoolean(conversation, "left");
        this.canSend = Bindings.createBooleanBinding(() -> conversation.get() != null && !draft.get().isBlank()
                && !leftGroup.get() && !sendHeld.get() && length(draft.get().strip()) <= Limits.MAX_TEXT_CHARS,
                conversation, draft, leftGroup, sendHeld);
        session.blocked().addListener((javafx.collections.SetChangeListener<String>) change -> updatePeerBlocked());
        conversation.addListener((obs, old, item) -> updatePeerBlocked());
        conversation.addListener((obs, old, item) -> {
            isRequest.unbind();
            if (item == null) {
                isRequest.set(false);
            } else {
                isRequest.bind(item.requestProperty());
            }
        });
        this.canReport = Bindings.createBooleanBinding(() -> conversation.get() != null && !conversation.get().group()
                && !conversation.get().peerHandle().equals(session.me().handle()), conversation);
        this.overLimit = Bindings.createBooleanBinding(() -> length(draft.get().strip()) > Limits.MAX_TEXT_CHARS,
                draft);
        this.counter = Bindings.createStringBinding(() -> {
            int used = length(draft.get().strip());
            return used > Limits.MAX_TEXT_CHARS - COUNTER_FROM
                    ? ViewLoader.text("chat.counter", formats.number(used), formats.number(Limits.MAX_TEXT_CHARS))
                    : "";
        }, draft);
        session.addMessageListener(messageListener);
        this.peerStatus = new PeerStatus(conversation, session.presence());
        this.slowDownNotice = Bindings.createStringBinding(() -> {
            java.time.Instant until = session.slowedUntilProperty().get();
            if (until == null) {
                return "";
            }
            long seconds = Math.max(1, (Duration.between(java.time.Instant.now(), until).toMillis() + 999) / 1000);
            return ViewLoader.text("chat.slowDown", seconds);
        }, session.slowedUntilProperty());
        // Read through the select binding itself: an unread binding never reports a change again.
        javafx.beans.binding.ObjectBinding<Long> peerReadSeq = Bindings.select(conversation, "peerReadSeq");
        seenSeq.bind(Bindings.createObjectBinding(() -> {
            boolean sharing = session.privacyProperty().get() != null && session.privacyProperty().get().readReceipts();
            return sharing ? peerReadSeq.get() : null;
        }, session.privacyProperty(), peerReadSeq));
        seenSeq.addListener((obs, old, now) -> scheduleRebuild());
        draft.addListener((obs, old, text) -> {
            if (conversation.get() != null && !text.isBlank() && !text.equals(old)) {
                session.typing(conversation.get().id());
            }
        });
        conversation.addListener((obs, old, next) -> open(next));
        atBottom.addListener((obs, was, now) -> updateReading());
        windowFocused.addListener((obs, was, now) -> updateReading());
        // Back online: what was read offline is marked read now, and older history can be fetched again.
        session.stateProperty().addListener(stateListener);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private void open(ConversationItem item) {
        long current = ++generation;
        messages.clear();
        rebuildRows();
        newBelow.set(0);
        hasOlder.set(false);
        draft.set("");
        replyingTo.set(null);
        pendingJump = 0;
        updateReading();
        if (item == null) {
            return;
        }
        loading.set(true);
        session.loadMessages(item.id(), null, PAGE).whenComplete((page, error) -> javafx.application.Platform.runLater(() -> {
            if (current != generation) {
                return;
            }
            loading.set(false);
            if (error != null) {
                return;
            }
            messages.setAll(page.stream().map(this::toItem).toList());
            hasOlder.set(oldestSeq() > 1 && oldestSeq() != Long.MAX_VALUE);
            rebuildRows();
            scrollToEndRequests.set(scrollToEndRequests.get() + 1);
            updateReading();
            continueJump();
        }));
    }

    /** Loads the page before the oldest message shown; the view keeps its scroll anchor. */
    public void loadOlder() {
        ConversationItem item = conversation.get();
        if (item == null || loading.get() || !hasOlder.get()) {
            return;
        }
        long current = generation;
        long before = oldestSeq();
        loading.set(true);
        session.loadMessages(item.id(), before, PAGE).whenComplete((page, error) -> javafx.application.Platform.runLater(() -> {
            if (current != generation) {
                return;
            }
            loading.set(false);
            if (error != null) {
                olderPagesLoaded.set(olderPagesLoaded.get() + 1);
                return;
            }
            List<MessageItem> older = page.stream().filter(m -> m.seq() > 0 && m.seq() < before)
                    .map(this::toItem).toList();
            messages.addAll(0, older);
            hasOlder.set(!older.isEmpty() && oldestSeq() > 1);
            rebuildRows();
            olderPagesLoaded.set(olderPagesLoaded.get() + 1);
            continueJump();
        }));
    }

    private long oldestSeq() {
        return messages.stream().mapToLong(m -> m.seqProperty().get()).filter(seq -> seq > 0).min()
                .orElse(Long.MAX_VALUE);
    }

    public void send() {
        if (!canSend.get()) {
            return;
        }
        String text = draft.get();
        MessageItem quoted = replyingTo.get();
        replyingTo.set(null);
        Long replyTo = quoted == null || quoted.seqProperty().get() == 0 ? null : quoted.seqProperty().get();
        session.send(conversation.get().id(), text, replyTo).exceptionally(error -> {
            // Could not even be queued (e.g. the disk failed): give the text back rather than lose it.
            javafx.application.Platform.runLater(() -> {
                if (draft.get().isEmpty()) {
                    draft.set(text);
                }
            });
            return null;
        });
        draft.set("");
    }

    /**
     * Sends a sticker picked in the picker to the open conversation at once, as a reply when the composer is
     * replying to a message; the draft stays as it is.
     */
    public void sendSticker(dev.parley.client.stickers.PickedSticker picked) {
        ConversationItem item = conversation.get();
        if (item == null || item.leftProperty().get()) {
            return;
        }
        MessageItem quoted = replyingTo.get();
        replyingTo.set(null);
        Long replyTo = quoted == null || quoted.seqProperty().get() == 0 ? null : quoted.seqProperty().get();
        session.sendSticker(item.id(), picked.sticker(), picked.image(), replyTo).exceptionally(error -> {
            log.warn("cannot queue sticker {}/{}", picked.sticker().pack(), picked.sticker().id(), error);
            return null;
        });
    }

    /** How a sender is named in a quote: the other person's name in a direct chat, @handle in a group. */
    public String displayNameOf(String handle) {
        ConversationItem item = conversation.get();
        if (item != null && !item.group() && handle.equals(item.peerHandle())) {
            return item.peerNameProperty().get();
        }
        return "@" + handle;
    }

    /** Shares someone's profile into the open conversation as a card. */
    public void shareProfile(String handle) {
        ConversationItem item = conversation.get();
        if (item != null) {
            session.shareProfile(item.id(), handle, "");
        }
    }

    /** Follows or unfollows the person a card shows; completes with whether the user now follows them. */
    public java.util.concurrent.CompletableFuture<Boolean> follow(String handle, boolean follow) {
        return session.people().follow(handle, follow).thenApply(dev.parley.protocol.Reply.Relationship::following);
    }

    /** Opens (or starts) the conversation with this person and shows it, as a card's Message button does. */
    public void messagePerson(String handle) {
        session.openConversation(handle).thenAccept(id -> javafx.application.Platform.runLater(
                () -> conversationOpener.accept(id)));
    }

    /** How this model shows another conversation (the main window selects it in the list). */
    public void setConversationOpener(java.util.function.LongConsumer opener) {
        conversationOpener = opener;
    }

    /** The user's own handle. */
    public String myHandle() {
        return session.me().handle();
    }

    /** The message the composer is replying to (its quote strip shows), or null. */
    public ObjectProperty<MessageItem> replyingToProperty() {
        return replyingTo;
    }

    /** Starts a reply to a sent message: the composer shows its quote until sent or cancelled. */
    public void reply(MessageItem message) {
        if (message.seqProperty().get() > 0 && !message.unsentProperty().get()) {
            replyingTo.set(message);
        }
    }

    /** The loaded message with this seq (what a reply quotes), or null when it is not loaded. */
    public MessageItem loaded(long seq) {
        return messages.stream().filter(m -> m.seqProperty().get() == seq).findFirst().orElse(null);
    }

    /** The emoji the user put on this message, or null. */
    public String myReaction(MessageItem message) {
        String me = session.me().handle();
        return message.reactionsProperty().get().stream().filter(r -> r.handles().contains(me))
                .map(dev.parley.protocol.Reaction::emoji).findFirst().orElse(null);
    }

    /** Reacts with {@code emoji}, or takes the user's reaction back when it is already that emoji. */
    public void toggleReaction(MessageItem message, String emoji) {
        long seq = message.seqProperty().get();
        ConversationItem item = conversation.get();
        if (seq == 0 || item == null || message.unsentProperty().get()) {
            return;
        }
        session.react(item.id(), seq, emoji.equals(myReaction(message)) ? null : emoji);
    }

    /**
     * Shows the message a reply quotes: scrolls to it when loaded, else loads older pages until it is (or the
     * history ends) and then scrolls. The view follows {@link #scrollToRequestProperty}.
     */
    public void jumpTo(long seq) {
        MessageItem target = loaded(seq);
        pendingJump = 0;
        if (target != null) {
            scrollToRequest.set(null);
            scrollToRequest.set(target);
        } else if (oldestSeq() > seq && hasOlder.get()) {
            pendingJump = seq;
            loadOlder();
        }
    }

    /**
     * Scrolls to message {@code seq} of the conversation just opened, once its first page is in (then as
     * {@link #jumpTo}, loading older pages as needed): how a search result opens its message.
     */
    public void jumpWhenLoaded(long seq) {
        if (loading.get()) {
            pendingJump = seq;
        } else {
            jumpTo(seq);
        }
    }

    /** After an older page arrived: go on towards a message a reply quotes, if one is wanted. */
    private void continueJump() {
        long seq = pendingJump;
        if (seq > 0 && !loading.get()) {
            if (loaded(seq) != null || hasOlder.get()) {
                jumpTo(seq);
            } else {
                pendingJump = 0;
            }
        }
    }

    /** "Find in chat" for the open conversation. */
    public FindInChat find() {
        return find;
    }

    /** Opens the find bar over the open conversation (Ctrl+F); false when no conversation is open. */
    public boolean openFind() {
        ConversationItem item = conversation.get();
        if (item != null) {
            find.open(item.id());
        }
        return item != null;
    }

    /** The message the list should scroll to next (set anew for each request). */
    public ObjectProperty<MessageItem> scrollToRequestProperty() {
        return scrollToRequest;
    }

    private void updatePeerBlocked() {
        ConversationItem item = conversation.get();
        peerBlocked.set(item != null && session.blocked().contains(item.peerHandle()));
    }

    /** Whether the user blocked the person in the open conversation. */
    public BooleanProperty peerBlockedProperty() {
        return peerBlocked;
    }

    /** Blocks the person in the open conversation, or unblocks them. */
    public void toggleBlock() {
        ConversationItem item = conversation.get();
        if (item != null) {
            session.setBlocked(item.peerHandle(), !peerBlocked.get());
        }
    }

    /** Accepts the open message request; replying would accept it too. */
    public void acceptRequest() {
        ConversationItem item = conversation.get();
        if (item != null) {
            session.acceptRequest(item.id());
        }
    }

    /** Deletes the open message request, blocking its sender when asked to. */
    public void declineRequest(boolean block) {
        ConversationItem item = conversation.get();
        if (item != null) {
            session.declineRequest(item.id(), item.peerHandle(), block);
        }
    }

    /** Whether the open conversation has someone else in it to report (not notes to self). */
    public BooleanBinding canReportProperty() {
        return canReport;
    }

    /**
     * After a report of the open conversation: a message request whose sender was blocked with it leaves the
     * list too, as the banner's Block does. (The session has already marked them blocked.)
     */
    public void reported(dev.parley.protocol.Reply.ReportReceipt receipt) {
        ConversationItem item = conversation.get();
        if (item != null && receipt.blocked() && isRequest.get() && Long.valueOf(item.id())
                .equals(receipt.conversationId())) {
            session.declineRequest(item.id(), item.peerHandle(), false);
        }
    }

    public BooleanProperty isRequestProperty() {
        return isRequest;
    }

    /** Opens a link from a message; the view asks the user first. */
    public void openLink(MessageText.Link link) {
        links.open(link.address());
    }

    /**
     * Opens a downloaded media file (a video JavaFX cannot play) with the system's own application. Cached files
     * are named by their hash, so the application gets a link to it named with the type's extension.
     */
    public void openOutside(java.nio.file.Path file, dev.parley.protocol.MediaItem item) {
        java.util.concurrent.CompletableFuture.supplyAsync(() -> MediaFiles.named(file, item))
                .whenComplete((named, failure) -> {
                    if (failure != null) {
                        log.warn("cannot open media {} outside the app", item.mediaId(), failure);
                    } else {
                        links.open(named.toUri());
                    }
                });
    }

    public void retry(MessageItem item) {
        if (item.statusProperty().get() == MessageStatus.FAILED) {
            session.retry(item.clientId());
        }
    }

    /** Unsends one of the user's sent messages for everyone; fails when the server cannot be reached. */
    public java.util.concurrent.CompletableFuture<Void> unsend(MessageItem item) {
        return session.unsend(item.conversationId(), item.seqProperty().get());
    }

    /** Removes a message from this device only. */
    public void deleteForMe(MessageItem item) {
        session.deleteForMe(new StoredMessage(item.conversationId(), item.seqProperty().get(), item.clientId(),
                item.sender(), item.text(), item.sentAtProperty().get(), item.statusProperty().get()));
    }

    /**
     * A calm word while the server paces the user's sending ("too fast"): the messages wait in the outbox
     * and go out by themselves. Empty otherwise.
     */
    public StringBinding slowDownNoticeProperty() {
        return slowDownNotice;
    }

    /** True while a group is open (the header offers its members instead of a profile). */
    public boolean showingGroup() {
        return conversation.get() != null && conversation.get().group();
    }

    /** The members panel of the open group, with the actions the user's role allows. */
    public dev.parley.client.ui.groups.GroupMembersViewModel groupMembers() {
        ConversationItem item = conversation.get();
        return new dev.parley.client.ui.groups.GroupMembersViewModel(session.groups(), item.id(),
                item.roleProperty().get(), session.me().handle());
    }

    /** The "Edit group" dialog's model, filled with the open group's title and rules. */
    /** Voting in, closing and starting polls in the open conversation. */
    public ChatPolls polls() {
        return new ChatPolls(session, conversation);
    }

    /** What offer and proposal cards in the open chat may do. */
    public ChatProposals proposals() {
        return new ChatProposals(session, conversation, this::reply);
    }

    /** The one ticking "now" every countdown in this window follows, on the session's clock. */
    public dev.parley.client.ui.common.LiveClock liveClock() {
        return liveClock;
    }

    public dev.parley.client.ui.groups.EditGroupViewModel editGroup() {
        ConversationItem item = conversation.get();
        return new dev.parley.client.ui.groups.EditGroupViewModel(session.groups(), item.id(),
                item.peerNameProperty().get(), item.descriptionProperty().get());
    }

    /** Leaves the open group; fails when the server cannot be reached. */
    public java.util.concurrent.CompletableFuture<?> leaveGroup() {
        return session.groups().leave(conversation.get().id());
    }

    /** Whether the user may delete this message for everyone: their own, or anyone's as a group's owner or admin. */
    /** Whether the user may pin messages here: anyone in a direct chat, owners and admins in a group. */
    public boolean mayPin() {
        ConversationItem item = conversation.get();
        return item != null && (!item.group() || item.roleProperty().get() != null && item.roleProperty().get().manages());
    }

    public boolean isPinned(MessageItem message) {
        ConversationItem item = conversation.get();
        return item != null && item.pinnedProperty().get().contains(message.seqProperty().get());
    }

    /** Pins the message for everyone, or unpins it when it is pinned. */
    public void togglePin(MessageItem message) {
        ConversationItem item = conversation.get();
        if (item != null && message.seqProperty().get() > 0) {
            session.pin(item.id(), message.seqProperty().get(), !isPinned(message));
        }
    }

    public boolean mayDeleteForEveryone(MessageItem message) {
        ConversationItem item = conversation.get();
        return item != null && !message.mine() && item.group() && item.roleProperty().get() != null
                && item.roleProperty().get().manages();
    }

    /** "typing…", "online" or the handle, for the header; a group's member count. */
    public StringBinding peerStatusProperty() {
        return peerStatus.text();
    }

    public BooleanBinding peerActiveProperty() {
        return peerStatus.active();
    }

    /** The "new messages" pill was clicked: the view scrolls down and the count resets. */
    public void jumpToNewest() {
        newBelow.set(0);
        scrollToEndRequests.set(scrollToEndRequests.get() + 1);
    }

    private void onMessage(StoredMessage stored) {
        ConversationItem item = conversation.get();
        if (item == null || stored.conversationId() != item.id()) {
            return;
        }
        Optional<MessageItem> existing = messages.stream().filter(m -> m.clientId().equals(stored.clientId())
                && m.sender().equals(stored.sender())).findFirst();
        if (stored.deleted()) {
            existing.ifPresent(messages::remove);
            scheduleRebuild();
            return;
        }
        if (existing.isPresent()) {
            MessageItem message = existing.get();
            if (stored.unsent()) {
                message.textProperty().set("");
                message.unsentProperty().set(true);
            }
            message.seqProperty().set(stored.seq());
            // Before the status: the bubble redraws on that change and shows the server's copy of the card.
            message.setCard(stored.unsent() ? null : stored.card());
            message.setSticker(stored.unsent() ? null : stored.sticker());
            message.setOffer(stored.unsent() ? null : stored.offer());
            message.proposalProperty().set(stored.unsent() ? null : stored.proposal());
            message.reactionsProperty().set(stored.unsent() ? java.util.List.of() : stored.reactions());
            message.pollProperty().set(stored.poll());
            message.sentAtProperty().set(stored.sentAt());
            message.statusProperty().set(stored.status());
            message.failureProperty().set(stored.failure());
            scheduleRebuild();
            return;
        }
        MessageItem message = toItem(stored);
        insertInOrder(message);
        scheduleRebuild();
        if (message.mine() || atBottom.get()) {
            scrollToEndRequests.set(scrollToEndRequests.get() + 1);
        } else {
            newBelow.set(newBelow.get() + 1);
        }
        if (!message.mine() && reading()) {
            session.markRead(item.id(), stored.seq());
        }
    }

    private void insertInOrder(MessageItem message) {
        long seq = message.seqProperty().get();
        if (seq == 0) {
            messages.add(message);
            return;
        }
        int index = messages.size();
        while (index > 0) {
            long before = messages.get(index - 1).seqProperty().get();
            if (before != 0 && before < seq) {
                break;
            }
            index--;
        }
        messages.add(index, message);
    }

    private MessageItem toItem(StoredMessage stored) {
        MessageItem item = new MessageItem(stored.conversationId(), stored.clientId(), stored.sender(), stored.text(),
                stored.sender().equals(session.me().handle()), stored.seq(), stored.sentAt(), stored.status(),
                stored.unsent() ? java.util.List.of() : stored.media(), stored.change());
        item.failureProperty().set(stored.failure());
        item.unsentProperty().set(stored.unsent());
        item.setReplyTo(stored.replyTo());
        item.setCard(stored.unsent() ? null : stored.card());
        item.setSticker(stored.unsent() ? null : stored.sticker());
        item.setOffer(stored.unsent() ? null : stored.offer());
        item.proposalProperty().set(stored.unsent() ? null : stored.proposal());
        item.reactionsProperty().set(stored.unsent() ? java.util.List.of() : stored.reactions());
        item.pollProperty().set(stored.poll());
        return item;
    }

    /** Many messages can arrive in one burst (a sync page): rebuild the rows once for all of them. */
    private void scheduleRebuild() {
        if (!rebuildScheduled) {
            rebuildScheduled = true;
            javafx.application.Platform.runLater(() -> {
                rebuildScheduled = false;
                rebuildRows();
            });
        }
    }

    private void rebuildRows() {
        Long seen = seenSeq.get();
        MessageItem newestSeen = seen == null ? null : messages.stream()
                .filter(m -> m.mine() && m.seqProperty().get() > 0 && m.seqProperty().get() <= seen)
                .reduce((a, b) -> b).orElse(null);
        List<ChatRow> next = new ArrayList<>(messages.size() + 16);
        LocalDate day = null;
        for (int i = 0; i < messages.size(); i++) {
            MessageItem message = messages.get(i);
            LocalDate messageDay = formats.day(message.sentAtProperty().get());
            if (!messageDay.equals(day)) {
                next.add(new ChatRow.Day(messageDay));
                day = messageDay;
            }
            if (message.change() != null) {
                next.add(new ChatRow.Line(message, GroupLines.sentence(message.sender(), message.change(),
                        session.me().handle())));
                continue;
            }
            MessageItem previous = i > 0 ? messages.get(i - 1) : null;
            MessageItem following = i + 1 < messages.size() ? messages.get(i + 1) : null;
            next.add(new ChatRow.Bubble(message, !sameRun(previous, message), !sameRun(message, following),
                    message == newestSeen));
        }
        rows.setAll(next);
    }

    private boolean sameRun(MessageItem earlier, MessageItem later) {
        return earlier != null && later != null && earlier.change() == null && later.change() == null
                && earlier.sender().equals(later.sender())
                && formats.day(earlier.sentAtProperty().get()).equals(formats.day(later.sentAtProperty().get()))
                && Duration.between(earlier.sentAtProperty().get(), later.sentAtProperty().get()).compareTo(RUN_GAP) < 0;
    }

    private boolean reading() {
        return atBottom.get() && windowFocused.get() && conversation.get() != null;
    }

    private void updateReading() {
        ConversationItem item = conversation.get();
        session.setReading(reading() ? item.id() : 0);
        if (reading()) {
            newBelow.set(0);
            if (item.unreadProperty().get() > 0 && !messages.isEmpty()) {
                long lastSeq = messages.stream().mapToLong(m -> m.seqProperty().get()).max().orElse(0);
                session.markRead(item.id(), lastSeq);
            }
        }
    }

    /** Detaches from the session and the window, so a replaced screen stops acting on them. */
    public void dispose() {
        session.removeMessageListener(messageListener);
        liveClock.stop();
        windowFocused.unbind();
        conversation.unbind();
        session.stateProperty().removeListener(stateListener);
        session.setReading(0);
    }

    public ObjectProperty<ConversationItem> conversationProperty() {
        return conversation;
    }

    public ObservableList<ChatRow> rows() {
        return rows;
    }

    public ObservableList<MessageItem> messages() {
        return messages;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public BooleanProperty atBottomProperty() {
        return atBottom;
    }

    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    public IntegerProperty newBelowProperty() {
        return newBelow;
    }

    public BooleanProperty hasOlderProperty() {
        return hasOlder;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public IntegerProperty olderPagesLoadedProperty() {
        return olderPagesLoaded;
    }

    public IntegerProperty scrollToEndRequestsProperty() {
        return scrollToEndRequests;
    }

    /** While true, the draft cannot be sent (the composer says why). */
    public BooleanProperty sendHeldProperty() {
        return sendHeld;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    public StringBinding counterProperty() {
        return counter;
    }

    public BooleanBinding overLimitProperty() {
        return overLimit;
    }

    public Formats formats() {
        return formats;
    }

    /** A photo's file by media id: from the cache, else downloaded. */
    public java.util.concurrent.CompletableFuture<java.nio.file.Path> media(String mediaId) {
        return session.media(mediaId);
    }

    public javafx.beans.property.ReadOnlyDoubleProperty uploadProgress(UUID clientId) {
        return session.uploadProgress(clientId);
    }

    /** Stops a photo message that is still uploading; it leaves the chat. */
    public void cancelSend(MessageItem item) {
        session.cancelSend(item.clientId());
    }
}
