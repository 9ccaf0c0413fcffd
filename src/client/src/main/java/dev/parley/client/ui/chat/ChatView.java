package dev.parley.client.ui.chat;

import java.util.ArrayList;
import java.util.List;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.model.MessageItem;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Avatar;
import dev.parley.client.ui.common.AvatarPictures;
import java.util.ArrayList;
import java.util.List;
import dev.parley.client.ui.emoji.ComposerEmoji;
import dev.parley.client.ui.emoji.EmojiImages;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The chat pane. Keeps the reading position: follows new messages only when already at the bottom, shows
 * a pill otherwise, and when older pages load above, keeps the message the user was looking at in place.
 */
public final class ChatView {
    private static final PseudoClass OVER_LIMIT = PseudoClass.getPseudoClass("over-limit");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final int MAX_COMPOSER_ROWS = 6;

    private final ChatViewModel model;
    private final Runnable onNewMessage;
    private final Runnable onReport;
    private final AvatarPictures pictures;
    private final Consumer<String> onShowProfile;
    private final ChatPhotos photos;
    private final ComposerEmoji emoji;
    private final Parent root;
    private final Avatar avatar = new Avatar(Avatar.Size.HEADER);
    private Anchor pendingAnchor;
    /** Whether the list was scrolled to its end since the pending page of older messages was asked for. */
    private boolean endSinceLoad;
    private FindBar findBar;

    @FXML private VBox nothingOpen;
    @FXML private BorderPane chatPane;
    @FXML private HBox header;
    @FXML private Label peerName;
    @FXML private Label peerHandle;
    @FXML private javafx.scene.control.MenuButton chatMenu;
    private final List<MenuItem> leadingMenuItems = new ArrayList<>();
    @FXML private javafx.scene.control.Button membersButton;
    @FXML private javafx.scene.control.MenuItem membersItem;
    @FXML private javafx.scene.control.MenuItem leaveItem;
    @FXML private javafx.scene.control.MenuItem editGroupItem;
    @FXML private javafx.scene.control.MenuItem newPollItem;
    @FXML private Label groupRules;
    /** The group whose name and picture the header follows, if a group is open. */
    private ConversationItem headerItem;
    private final javafx.beans.InvalidationListener groupPictureChanged = observable -> {
        if (headerItem != null) {
            showGroupPicture(headerItem);
        }
    };
    @FXML private javafx.scene.control.MenuItem viewProfileItem;
    @FXML private ListView<ChatRow> messageList;
    @FXML private VBox noMessages;
    @FXML private Label noMessagesTitle;
    @FXML private Button newMessagesPill;
    @FXML private TextArea composer;
    @FXML private Label counter;
    @FXML private Button sendButton;
    @FXML private Button emojiButton;
    @FXML private Button attachButton;
    @FXML private VBox requestBanner;
    @FXML private javafx.scene.control.MenuItem blockItem;
    @FXML private javafx.scene.control.MenuItem reportItem;
    @FXML private Label requestText;
    @FXML private Label slowDownNotice;
    @FXML private VBox attachTray;
    @FXML private VBox composerBars;
    @FXML private HBox composerRow;

    /** The row at the top of the viewport and how far it was scrolled past, to restore after a prepend. */
    private record Anchor(Object key, double offset) {
    }

    /**
     * {@code onReport} opens the report dialog for the open conversation and {@code onShowProfile} a person's
     * profile card (the window owns dialogs); {@code emoji} serves the composer's emoji button and completions.
     */
    public ChatView(ChatViewModel model, Runnable onNewMessage, Runnable onReport, AvatarPictures pictures,
            Consumer<String> onShowProfile, ChatPhotos photos, ComposerEmoji emoji) {
        this.model = model;
        this.photos = photos;
        this.emoji = emoji;
        this.pictures = pictures;
        this.onShowProfile = onShowProfile;
        this.onNewMessage = onNewMessage;
        this.onReport = onReport;
        this.root = ViewLoader.load(FxmlView.CHAT, this);
    }

    /** The strip above the composer while replying: who and what is quoted, and a button to cancel. */
    private void installReplyStrip() {
        Label title = new Label();
        title.getStyleClass().add("reply-strip-title");
        Label quoted = new Label();
        quoted.getStyleClass().add("reply-strip-text");
        VBox texts = new VBox(1, title, quoted);
        HBox.setHgrow(texts, javafx.scene.layout.Priority.ALWAYS);
        Button cancel = new Button(null, new org.kordamp.ikonli.javafx.FontIcon("fth-x"));
        cancel.getStyleClass().addAll("button-icon", "flat", "reply-strip-cancel");
        cancel.setAccessibleText(ViewLoader.text("reply.cancel"));
        cancel.setTooltip(new javafx.scene.control.Tooltip(ViewLoader.text("reply.cancel")));
        cancel.setOnAction(event -> model.replyingToProperty().set(null));
        HBox strip = new HBox(8, texts, cancel);
        strip.getStyleClass().add("reply-strip");
        strip.setId("replyStrip");
        strip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        strip.visibleProperty().bind(model.replyingToProperty().isNotNull());
        strip.managedProperty().bind(strip.visibleProperty());
        model.replyingToProperty().addListener((obs, old, message) -> {
            if (message != null) {
                title.setText(ViewLoader.text("reply.strip", BubbleQuote.authorOf(model, message)));
                quoted.setText(BubbleQuote.snippetOf(message));
                composer.requestFocus();
            }
        });
        composer.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && model.replyingToProperty().get() != null) {
                model.replyingToProperty().set(null);
                event.consume();
            }
        });
        var composerRow = composer.getParent();
        var bottom = (VBox) composerRow.getParent();
        bottom.getChildren().add(bottom.getChildren().indexOf(composerRow), strip);
    }

    /** Scrolls the list to a message (the one a reply quotes) and selects it for a moment so it stands out. */
    private void scrollTo(MessageItem target) {
        endSinceLoad = false;
        var rows = messageList.getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof ChatRow.Bubble bubble && bubble.message() == target) {
                messageList.scrollTo(Math.max(0, i - 1));
                messageList.getSelectionModel().select(i);
                return;
            }
        }
    }

    /** Puts an item (such as "Mute notifications") at the top of the chat menu, for every conversation. */
    public void addLeadingMenuItem(MenuItem item) {
        leadingMenuItems.add(item);
        chatMenu.getItems().add(leadingMenuItems.size() - 1, item);
    }

    /** Adds a button to the chat header, before the chat menu (e.g. the contact panel's toggle). */
    public void addHeaderButton(javafx.scene.control.ButtonBase button) {
        header.getChildren().add(header.getChildren().indexOf(chatMenu), button);
    }

    /** Shows a panel at the right of the chat (null hides it), e.g. labels and a note about the person. */
    public void setSidePanel(javafx.scene.Node panel) {
        chatPane.setRight(panel);
    }

    /** Adds a bar (e.g. scheduled messages) between the messages and the composer. */
    public void addComposerBar(javafx.scene.Node bar) {
        composerBars.getChildren().add(bar);
    }

    /** Where a sticker goes when the person chooses to schedule it in the picker. */
    public void onScheduleSticker(Consumer<dev.parley.client.stickers.PickedSticker> schedule) {
        emoji.onScheduleSticker(schedule);
    }

    /** Adds a button beside the emoji button (e.g. quick replies). */
    public void addComposerButton(javafx.scene.control.ButtonBase button) {
        composerRow.getChildren().add(composerRow.getChildren().indexOf(emojiButton) + 1, button);
    }

    /** Lets a feature serve the composer (e.g. quick replies typed as "/name"). */
    public void installOnComposer(Consumer<javafx.scene.control.TextInputControl> feature) {
        feature.accept(composer);
    }

    /** A menu the send button opens on right-click (e.g. "Schedule message…"). */
    public void setSendMenu(javafx.scene.control.ContextMenu menu) {
        sendButton.setContextMenu(menu);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        header.getChildren().add(0, avatar);
        avatar.setCursor(javafx.scene.Cursor.HAND);
        avatar.setOnMouseClicked(event -> viewProfile());
        peerName.setCursor(javafx.scene.Cursor.HAND);
        peerName.setOnMouseClicked(event -> viewProfile());
        javafx.scene.control.Tooltip.install(avatar, new javafx.scene.control.Tooltip(ViewLoader.text("chat.viewProfile")));
        var open = model.conversationProperty().isNotNull();
        nothingOpen.visibleProperty().bind(open.not());
        chatPane.visibleProperty().bind(open);
        model.conversationProperty().addListener((obs, old, item) -> {
            pendingAnchor = null;
            showHeader(item);
        });

        messageList.setItems(model.rows());
        messageList.setCellFactory(list -> new MessageCell(list, model, model::retry, this::confirmOpen, photos,
                new BubbleCard(model, pictures, onShowProfile), new BubbleSticker(emoji.stickers(), model::media)));
        photos.install(chatPane, attachTray);
        emoji.install(composer, emojiButton);
        emoji.onSticker(model::sendSticker);
        // Messages drawn before the emoji pictures loaded show them once they have.
        EmojiImages.whenReady(messageList::refresh);
        messageList.skinProperty().addListener((obs, old, skin) -> watchScrolling());
        noMessages.visibleProperty().bind(Bindings.isEmpty(model.rows()).and(model.loadingProperty().not()));
        // Until the anchor is restored, pendingAnchor stays set, which also keeps another load from starting.
        // A chat scrolled to its end after the page was asked for (it had just opened, and the list still sat at the
        // top before its first scroll to the end) stays at its end rather than going back to the old top.
        model.olderPagesLoadedProperty().addListener((obs, old, count) -> Platform.runLater(() -> {
            if (pendingAnchor != null && endSinceLoad) {
                scrollToEnd();
            } else {
                restore(pendingAnchor);
            }
            pendingAnchor = null;
        }));
        model.scrollToEndRequestsProperty().addListener((obs, old, now) -> Platform.runLater(this::scrollToEnd));
        model.scrollToRequestProperty().addListener((obs, old, target) -> {
            if (target != null) {
                Platform.runLater(() -> scrollTo(target));
            }
        });
        installReplyStrip();
        VBox top = (VBox) groupRules.getParent();
        top.getChildren().add(top.getChildren().indexOf(groupRules) + 1, new PinnedBar(model));
        findBar = new FindBar(model.find());
        top.getChildren().add(findBar);
        // Marks in the bubbles follow the find bar's words; closing it gives the composer back the keyboard.
        model.find().highlightProperty().addListener((obs, old, terms) -> messageList.refresh());
        model.find().openProperty().addListener((obs, was, showing) -> {
            if (!showing && model.conversationProperty().get() != null) {
                composer.requestFocus();
            }
        });

        newMessagesPill.visibleProperty().bind(model.newBelowProperty().greaterThan(0));
        newMessagesPill.textProperty().bind(Bindings.createStringBinding(
                () -> ViewLoader.text("chat.newMessages", model.newBelowProperty().get()), model.newBelowProperty()));

        composer.textProperty().bindBidirectional(model.draftProperty());
        composer.addEventFilter(KeyEvent.KEY_PRESSED, this::onComposerKey);
        composer.textProperty().addListener((obs, old, text) -> composer.setPrefRowCount(
                Math.max(1, Math.min(MAX_COMPOSER_ROWS, (int) text.chars().filter(c -> c == '\n').count() + 1))));
        counter.textProperty().bind(model.counterProperty());
        counter.visibleProperty().bind(model.counterProperty().isNotEmpty());
        counter.managedProperty().bind(counter.visibleProperty());
        model.overLimitProperty().addListener((obs, was, over) -> counter.pseudoClassStateChanged(OVER_LIMIT, over));
        sendButton.disableProperty().bind(model.canSendProperty().not());
        blockItem.textProperty().bind(Bindings.when(model.peerBlockedProperty())
                .then(ViewLoader.text("chat.unblock")).otherwise(ViewLoader.text("chat.block")));
        peerHandle.textProperty().bind(model.peerStatusProperty());
        model.peerActiveProperty().addListener((obs, was, active) -> peerHandle.pseudoClassStateChanged(ACTIVE, active));
        reportItem.visibleProperty().bind(model.canReportProperty());
        slowDownNotice.textProperty().bind(model.slowDownNoticeProperty());
        slowDownNotice.visibleProperty().bind(model.slowDownNoticeProperty().isNotEmpty());
        slowDownNotice.managedProperty().bind(slowDownNotice.visibleProperty());
        requestBanner.visibleProperty().bind(model.isRequestProperty());
        requestBanner.managedProperty().bind(requestBanner.visibleProperty());
    }

    private void showHeader(ConversationItem item) {
        if (headerItem != null) {
            headerItem.peerNameProperty().removeListener(groupPictureChanged);
            headerItem.peerAvatarProperty().removeListener(groupPictureChanged);
            headerItem = null;
        }
        if (item == null) {
            return;
        }
        boolean group = item.group();
        if (group) {
            // A rename or a new picture arrives while the group is open: the header's avatar follows.
            headerItem = item;
            item.peerNameProperty().addListener(groupPictureChanged);
            item.peerAvatarProperty().addListener(groupPictureChanged);
            showGroupPicture(item);
        } else {
            pictures.showByHandle(avatar, item.peerHandle(), item.peerNameProperty().get());
        }
        peerName.textProperty().bind(item.peerNameProperty());
        membersButton.setVisible(group);
        membersButton.setManaged(group);
        // A group's menu offers its members; a person's, their profile, blocking and reporting.
        // A group's rules show under its header, so people see them when they join.
        groupRules.textProperty().unbind();
        groupRules.visibleProperty().unbind();
        if (group) {
            groupRules.textProperty().bind(item.descriptionProperty());
            groupRules.visibleProperty().bind(item.descriptionProperty().isNotEmpty());
        } else {
            groupRules.setVisible(false);
        }
        groupRules.managedProperty().bind(groupRules.visibleProperty());
        editGroupItem.disableProperty().unbind();
        leaveItem.disableProperty().unbind();
        membersButton.disableProperty().unbind();
        if (group) {
            // Someone who left or was removed keeps the history, not the group's actions.
            leaveItem.disableProperty().bind(item.leftProperty());
            membersButton.disableProperty().bind(item.leftProperty());
            editGroupItem.disableProperty().bind(Bindings.createBooleanBinding(() -> item.roleProperty().get() == null
                    || !item.roleProperty().get().manages(), item.roleProperty()));
        }
        List<MenuItem> items = new ArrayList<>(leadingMenuItems);
        newPollItem.disableProperty().unbind();
        newPollItem.disableProperty().bind(item.leftProperty());
        items.add(newPollItem);
        items.addAll(group ? List.of(membersItem, editGroupItem, leaveItem)
                : List.of(viewProfileItem, blockItem, reportItem));
        chatMenu.getItems().setAll(items);

        noMessagesTitle.setText(ViewLoader.text("chat.noMessages.title", item.peerNameProperty().get()));
        requestText.setText(ViewLoader.text("requests.explain", item.peerNameProperty().get(), item.peerHandle()));
        Platform.runLater(composer::requestFocus);
    }

    /** Enter sends; Shift+Enter (or Ctrl+Enter) starts a new line. */
    private void onComposerKey(KeyEvent event) {
        if (event.getCode() != KeyCode.ENTER) {
            return;
        }
        event.consume();
        if (event.isShiftDown() || event.isControlDown()) {
            composer.insertText(composer.getCaretPosition(), "\n");
        } else {
            model.send();
        }
    }

    private void watchScrolling() {
        for (var node : messageList.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((obs, old, value) -> onScrolled());
                bar.visibleProperty().addListener((obs, old, visible) -> onScrolled());
            }
        }
        messageList.heightProperty().addListener((obs, old, height) -> onScrolled());
    }

    private void onScrolled() {
        VirtualFlow<?> flow = flow();
        if (flow == null) {
            return;
        }
        model.atBottomProperty().set(isAtBottom(flow));
        IndexedCell<?> first = flow.getFirstVisibleCell();
        if (first != null && first.getIndex() <= 1 && model.hasOlderProperty().get() && !model.loadingProperty().get()
                && pendingAnchor == null) {
            Anchor anchor = anchorOf(flow);
            if (anchor != null) {
                pendingAnchor = anchor;
                endSinceLoad = false;
                model.loadOlder();
            }
        }
    }

    private boolean isAtBottom(VirtualFlow<?> flow) {
        int size = model.rows().size();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (size == 0 || last == null) {
            return true;
        }
        return last.getIndex() >= size - 1 && last.getLayoutY() + last.getHeight() <= flow.getHeight() + 2;
    }

    /** The first visible message (not a day separator: those move when older messages of that day arrive). */
    private Anchor anchorOf(VirtualFlow<?> flow) {
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return null;
        }
        for (int i = Math.max(0, first.getIndex()); i <= last.getIndex() && i < model.rows().size(); i++) {
            if (model.rows().get(i) instanceof ChatRow.Bubble bubble) {
                IndexedCell<?> cell = flow.getCell(i);
                return new Anchor(bubble.message(), cell.getLayoutY());
            }
        }
        return null;
    }

    private void restore(Anchor anchor) {
        VirtualFlow<?> flow = flow();
        if (flow == null || anchor == null) {
            return;
        }
        // Let the list take in its new row count first, or the flow scrolls within the old one.
        messageList.applyCss();
        messageList.layout();
        for (int i = 0; i < model.rows().size(); i++) {
            if (keyOf(model.rows().get(i)).equals(anchor.key())) {
                flow.scrollToTop(i);
                // Measure the rows now at the top before nudging by the old offset, or the nudge uses estimates.
                messageList.layout();
                flow.scrollPixels(-anchor.offset());
                return;
            }
        }
    }

    private static Object keyOf(ChatRow row) {
        return row instanceof ChatRow.Bubble bubble ? bubble.message() : row;
    }

    /** Stops following the window's focus; called when this screen is replaced. */
    public void dispose() {
        model.dispose();
    }

    private void scrollToEnd() {
        endSinceLoad = true;
        VirtualFlow<?> flow = flow();
        int size = model.rows().size();
        if (flow == null || size == 0) {
            return;
        }
        messageList.scrollTo(size - 1);
        // Row heights are known only after layout: finish on the next pulse, scrolling past the end (clamped).
        Platform.runLater(() -> {
            VirtualFlow<?> laidOut = flow();
            if (laidOut != null) {
                laidOut.scrollPixels(Double.MAX_VALUE / 4);
            }
            model.newBelowProperty().set(0);
            model.atBottomProperty().set(true);
        });
    }

    private VirtualFlow<?> flow() {
        return messageList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    /** A link was clicked: opens it only once the user has seen its real address and confirmed. */
    private void confirmOpen(MessageText.Link link) {
        if (new OpenLinkDialog(root.getScene().getWindow(), link).showAndWait().orElse(false)) {
            model.openLink(link);
        }
    }

    @FXML
    private void send() {
        model.send();
        composer.requestFocus();
    }

    @FXML
    private void attach() {
        photos.attach().choose(root.getScene().getWindow());
    }

    @FXML
    private void toggleEmoji() {
        toggleEmojiPicker();
    }

    /** Opens the emoji picker over the composer (Ctrl+E), or closes it; only while a conversation is open. */
    public void toggleEmojiPicker() {
        if (model.conversationProperty().get() != null) {
            emoji.togglePicker();
        }
    }

    /**
     * What Tab visits in the chat, in order: the find field, a request's buttons, the composer and send, then
     * attach, emoji and the header's buttons (hidden and disabled ones are skipped by the window).
     */
    public List<javafx.scene.Node> focusOrder() {
        List<javafx.scene.Node> order = new ArrayList<>(List.of(findBar.field()));
        order.addAll(requestBanner.lookupAll(".button"));
        order.addAll(List.of(composer, sendButton, attachButton, emojiButton, membersButton, chatMenu));
        return order;
    }

    /** Opens the find bar over the open conversation (Ctrl+F), or puts the caret back in it. */
    public void openFind() {
        if (model.openFind()) {
            findBar.focus();
        }
    }

    @FXML
    private void toggleBlock() {
        model.toggleBlock();
    }

    @FXML
    private void report() {
        onReport.run();
    }

    private void showGroupPicture(ConversationItem item) {
        pictures.showGroup(avatar, item.id(), item.peerNameProperty().get(), item.peerAvatarProperty().get());
    }

    /** The members panel of the open group. */
    @FXML
    private void showMembers() {
        ConversationItem item = model.conversationProperty().get();
        if (item != null && item.group()) {
            new dev.parley.client.ui.groups.GroupMembersDialog(root().getScene().getWindow(),
                    item.peerNameProperty().get(), model.groupMembers()).show();
        }
    }

    /** Rename the group or change its rules (owners and admins; the server checks). */
    @FXML
    private void editGroup() {
        ConversationItem item = model.conversationProperty().get();
        if (item != null && item.group()) {
            new dev.parley.client.ui.groups.EditGroupDialog(root().getScene().getWindow(), model.editGroup())
                    .showAndWait();
        }
    }

    /** Starts a poll in the open conversation. */
    @FXML
    private void newPoll() {
        if (model.conversationProperty().get() != null) {
            new dev.parley.client.ui.polls.NewPollDialog(root().getScene().getWindow(), model.polls().newPoll())
                    .showAndWait();
        }
    }

    /** Asks first: leaving cannot be undone by the user (someone must add them again). */
    @FXML
    private void leaveGroup() {
        ConversationItem item = model.conversationProperty().get();
        if (item == null || !item.group()) {
            return;
        }
        javafx.scene.control.ButtonType leave = new javafx.scene.control.ButtonType(
                ViewLoader.text("group.leave.confirm"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                ViewLoader.text("group.leave.text"), leave, javafx.scene.control.ButtonType.CANCEL);
        ask.initOwner(root().getScene().getWindow());
        ask.setTitle(ViewLoader.text("group.leave.title"));
        ask.setHeaderText(ViewLoader.text("group.leave.title"));
        ask.showAndWait().filter(leave::equals).ifPresent(yes -> model.leaveGroup());
    }

    @FXML
    private void viewProfile() {
        ConversationItem item = model.conversationProperty().get();
        if (item != null && item.group()) {
            showMembers();
        } else if (item != null) {
            onShowProfile.accept(item.peerHandle());
        }
    }

    @FXML
    private void acceptRequest() {
        model.acceptRequest();
    }

    @FXML
    private void declineRequest() {
        model.declineRequest(false);
    }

    @FXML
    private void blockRequest() {
        model.declineRequest(true);
    }

    @FXML
    private void jumpToNewest() {
        model.jumpToNewest();
    }

    @FXML
    private void newMessage() {
        onNewMessage.run();
    }

    /** For tests and keyboard focus: the composer. */
    public TextArea composer() {
        return composer;
    }

    MessageItem lastMessage() {
        return model.messages().isEmpty() ? null : model.messages().get(model.messages().size() - 1);
    }
}
