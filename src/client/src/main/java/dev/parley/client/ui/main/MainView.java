package dev.parley.client.ui.main;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.attach.AttachView;
import dev.parley.client.ui.attach.AttachViewModel;
import dev.parley.client.ui.attach.PhotoChooser;
import dev.parley.client.ui.stickers.StickerPackChooser;
import dev.parley.client.ui.attach.QualityPreference;
import dev.parley.client.ui.chat.ChatPhotos;
import dev.parley.client.ui.chat.ChatView;
import dev.parley.client.ui.conversations.ConversationListView;
import dev.parley.client.ui.emoji.ComposerEmoji;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.client.ui.common.PictureChooser;
import dev.parley.client.ui.common.SaveLocation;
import dev.parley.client.ui.people.FindPeopleDialog;
import dev.parley.client.ui.profile.EditProfileDialog;
import dev.parley.client.ui.profile.ProfileCardDialog;
import dev.parley.client.ui.report.ReportDialog;
import dev.parley.client.ui.search.MessageSearchDialog;
import dev.parley.client.ui.search.MessageSearchViewModel;
import dev.parley.client.ui.report.ReportViewModel;
import dev.parley.client.ui.groups.NewGroupDialog;
import dev.parley.client.ui.newmessage.NewMessageDialog;
import dev.parley.client.notify.NotificationSettings;
import dev.parley.client.settings.Settings;
import dev.parley.client.ui.Shortcut;
import dev.parley.client.ui.settings.SettingsDialog;
import java.util.EnumMap;
import java.util.Map;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/** The main window: connection banner, conversation list on the left, the open chat on the right. */
public final class MainView {
    private final MainViewModel model;
    private final Stage stage;
    private final Runnable onSignOut;
    private final String signOutLabel;
    private final SaveLocation saveLocation;
    private final PictureChooser pictureChooser;
    private final PhotoChooser photoChooser;
    private final StickerPackChooser stickerPackChooser;
    private final AvatarPictures pictures;
    private final NotificationSettings notifications;
    private final Settings settings;
    private final Parent root;
    private ConversationListView conversationList;
    private ChatView chatView;
    private CreatorTools creatorTools;

    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Hyperlink retryLink;
    @FXML private SplitPane split;

    public MainView(MainViewModel model, Stage stage, String signOutLabel, Runnable onSignOut,
            SaveLocation saveLocation, PictureChooser pictureChooser, PhotoChooser photoChooser,
            Settings settings, StickerPackChooser stickerPackChooser) {
        this.model = model;
        this.settings = settings;
        this.stickerPackChooser = stickerPackChooser;
        this.notifications = settings.notifications();
        this.photoChooser = photoChooser;
        this.pictureChooser = pictureChooser;
        this.pictures = new AvatarPictures(model.session().people(), model.session().groups());
        this.stage = stage;
        this.signOutLabel = signOutLabel;
        this.onSignOut = onSignOut;
        this.saveLocation = saveLocation;
        this.root = ViewLoader.load(FxmlView.MAIN, this);
    }

    public Parent root() {
        return root;
    }

    /** Where the divider between the list and the chat is, in pixels from the left: the list's width. */
    public double listWidth() {
        return split.getWidth() > 0 ? split.getDividerPositions()[0] * split.getWidth() : 0;
    }

    /**
     * Puts the divider {@code width} pixels from the left. The list is not resizable with the window (it keeps
     * its width when the window grows), so the divider is placed once the split pane has been laid out; from then
     * on the list keeps that width whatever size the window takes.
     */
    public void restoreListWidth(double width) {
        if (width <= 0) {
            return;
        }
        if (split.getWidth() > 0) {
            split.setDividerPosition(0, Math.min(0.9, width / split.getWidth()));
            return;
        }
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                if (now.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    split.setDividerPosition(0, Math.min(0.9, width / now.doubleValue()));
                }
            }
        });
    }

    public AvatarPictures pictures() {
        return pictures;
    }

    /** When "until tomorrow" Do not disturb ends: 8:00 tomorrow, local time. */
    public static java.time.Instant tomorrowMorning() {
        return NotificationMenus.tomorrowMorning(Clock.systemDefaultZone());
    }

    @FXML
    private void initialize() {
        Formats formats = model.chat().formats();
        String me = ViewLoader.text("account.signedInAs", model.session().me().displayName(),
                model.session().me().handle());
        conversationList = new ConversationListView(model.conversations(), formats, me, signOutLabel,
                this::newMessage, this::newGroup, onSignOut, new ConversationListView.AccountMenu(this::privacy, this::editProfile,
                        () -> findPeople(""), this::openSettings), pictures);
        AttachView attach = new AttachView(new AttachViewModel(model.session(), model.chat().conversationProperty(),
                new QualityPreference(settings.account().photoQualityProperty()), formats), photoChooser);
        chatView = new ChatView(model.chat(), this::newMessage, this::report, pictures, this::showCard,
                new ChatPhotos(model.chat(), attach, saveLocation), new ComposerEmoji(model.session().cacheDir(), stickerPackChooser));
        split.getItems().setAll(conversationList.root(), chatView.root());
        Clock local = Clock.systemDefaultZone();
        model.chat().setConversationOpener(id -> model.conversations().select(id));
        chatView.addLeadingMenuItem(NotificationMenus.mute(model.chat().conversationProperty(),
                notifications, formats, local));
        javafx.scene.control.MenuItem share = new javafx.scene.control.MenuItem(ViewLoader.text("card.share.menu"));
        share.setId("shareProfileItem");
        share.setOnAction(event -> new FindPeopleDialog(stage, model.session(), pictures, "", handle -> {
            model.chat().shareProfile(handle);
            return true;
        }).showAndWait());
        chatView.addLeadingMenuItem(share);
        var account = conversationList.accountMenuButton().getItems();
        account.add(account.size() - 1, NotificationMenus.account(notifications, formats, local));
        creatorTools = new CreatorTools(model, stage, saveLocation);
        javafx.scene.control.MenuItem search = new javafx.scene.control.MenuItem(ViewLoader.text("search.menu"));
        search.setId("searchMessagesItem");
        search.setOnAction(event -> searchMessages());
        account.add(0, search);
        creatorTools.install(chatView, account);
        SplitPane.setResizableWithParent(conversationList.root(), false);

        bannerText.textProperty().bind(model.bannerProperty());
        banner.visibleProperty().bind(model.bannerVisibleProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        retryLink.visibleProperty().bind(model.offlineProperty());
        retryLink.managedProperty().bind(retryLink.visibleProperty());
        model.chat().windowFocusedProperty().bind(stage.focusedProperty());
    }

    /** Window title and keyboard shortcuts; call once the scene is set. */
    public void install() {
        stage.titleProperty().bind(model.titleProperty());
        FocusOrder.install(root, () -> {
            List<javafx.scene.Node> order = new ArrayList<>(conversationList.leadingFocusOrder());
            order.addAll(chatView.focusOrder());
            order.addAll(conversationList.headerFocusOrder());
            return order;
        });
        Map<Shortcut, Runnable> actions = new EnumMap<>(Shortcut.class);
        actions.put(Shortcut.JUMP_TO_CONVERSATION, conversationList::focusSearch);
        actions.put(Shortcut.NEW_MESSAGE, this::newMessage);
        actions.put(Shortcut.EMOJI, chatView::toggleEmojiPicker);
        actions.put(Shortcut.FIND_PEOPLE, () -> findPeople(""));
        actions.put(Shortcut.SETTINGS, this::openSettings);
        actions.put(Shortcut.FIND_IN_CHAT, chatView::openFind);
        actions.put(Shortcut.SEARCH_MESSAGES, this::searchMessages);
        actions.put(Shortcut.NEXT_UNREAD, () -> model.conversations().selectNextUnread(true));
        actions.put(Shortcut.PREVIOUS_UNREAD, () -> model.conversations().selectNextUnread(false));
        var accelerators = root.getScene().getAccelerators();
        for (Shortcut shortcut : Shortcut.values()) {
            if (shortcut.windowWide()) {
                // Every window-wide shortcut Settings lists must do something here.
                accelerators.put(shortcut.keys(), java.util.Objects.requireNonNull(actions.get(shortcut),
                        () -> "no action for " + shortcut));
            }
        }
    }

    private void openSettings() {
        new SettingsDialog(stage, model.session(), settings, pictures, pictureChooser, model.chat().formats(),
                signOutLabel, onSignOut).showAndWait();
    }

    @FXML
    private void retryNow() {
        model.retryNow();
    }

    /** Detaches this screen from the window and the session before another screen replaces it. */
    public void dispose() {
        stage.titleProperty().unbind();
        chatView.dispose();
        creatorTools.dispose();
    }




    /** Searches every chat's cached messages; choosing a result opens its chat at it. */
    private void searchMessages() {
        new MessageSearchDialog(stage, new MessageSearchViewModel(model.session(), model.chat().formats(),
                (conversationId, seq) -> {
                    model.conversations().select(conversationId);
                    model.chat().jumpWhenLoaded(seq);
                })).show();
    }

    private void privacy() {
        new dev.parley.client.ui.privacy.PrivacyDialog(stage, model.session()).showAndWait();
    }

    private void report() {
        var conversation = model.chat().conversationProperty().get();
        if (conversation != null) {
            new ReportDialog(stage, model.session(), ReportViewModel.Target.of(conversation), model.chat().formats(),
                    saveLocation)
                    .showAndWait().ifPresent(model.chat()::reported);
        }
    }

    private void editProfile() {
        new EditProfileDialog(stage, model.session(), pictures, pictureChooser).showAndWait();
    }

    private void findPeople(String query) {
        new FindPeopleDialog(stage, model.session(), pictures, query, this::showCard).showAndWait();
    }

    /** Shows a person's card; true when "Message" opened the conversation with them (now selected). */
    private boolean showCard(String handle) {
        var opened = new ProfileCardDialog(stage, model.session(), pictures, model.chat().formats(), saveLocation,
                handle).showAndWait();
        opened.ifPresent(id -> model.conversations().select(id));
        return opened.isPresent();
    }

    private void newGroup() {
        new NewGroupDialog(stage, model.session(), pictureChooser).showAndWait()
                .ifPresent(id -> model.conversations().select(id));
    }

    private void newMessage() {
        new NewMessageDialog(stage, model.session()).showAndWait()
                .ifPresent(id -> model.conversations().select(id));
    }
}
