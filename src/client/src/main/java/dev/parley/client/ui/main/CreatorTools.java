package dev.parley.client.ui.main;

import dev.parley.client.export.ExportedChat;
import dev.parley.client.export.HistoryExport;
import dev.parley.client.model.ConversationItem;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.chat.ChatView;
import dev.parley.client.ui.chat.ChatViewModel;
import dev.parley.client.ui.common.SaveLocation;
import dev.parley.client.ui.export.ExportDialog;
import dev.parley.client.ui.export.ExportViewModel;
import dev.parley.client.ui.offers.ChatOffers;
import dev.parley.client.ui.insights.InsightsViewModel;
import dev.parley.client.ui.insights.InsightsWindow;
import dev.parley.client.ui.quickreply.ComposerQuickReplies;
import dev.parley.client.ui.quickreply.ContactFieldsDialog;
import dev.parley.client.ui.quickreply.ContactFieldsViewModel;
import dev.parley.client.ui.quickreply.QuickRepliesDialog;
import dev.parley.client.ui.quickreply.QuickRepliesViewModel;
import dev.parley.client.ui.quickreply.QuickReplyText;
import dev.parley.client.ui.quickreply.UnfilledBar;
import dev.parley.client.ui.schedule.ChatSchedules;
import dev.parley.client.ui.schedule.ScheduleBar;
import dev.parley.client.ui.schedule.ScheduleDialog;
import dev.parley.client.ui.schedule.ScheduleViewModel;
import dev.parley.client.ui.outreach.BroadcastsDialog;
import dev.parley.client.ui.outreach.BroadcastsViewModel;
import dev.parley.client.ui.outreach.ContactPanel;
import dev.parley.client.ui.outreach.ContactPanelViewModel;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.stage.Stage;

/**
 * The tools for people who work through their messages, wired into the main window: scheduling and follow-ups,
 * quick replies with contact fields, labels and notes about contacts, broadcasts, offers and collaboration proposals,
 * the insights dashboard and export. Each adds its menu items and bars here, so the window's own
 * wiring stays about the window.
 */
final class CreatorTools {
    private final MainViewModel model;
    private final Stage stage;
    private final SaveLocation saveLocation;
    private final ChatSession session;
    private final ChatViewModel chat;
    private ScheduleBar scheduleBar;
    private ComposerQuickReplies quickReplies;
    private InsightsWindow insights;

    CreatorTools(MainViewModel model, Stage stage, SaveLocation saveLocation) {
        this.model = model;
        this.stage = stage;
        this.saveLocation = saveLocation;
        this.session = model.session();
        this.chat = model.chat();
    }

    /** Adds the tools to the chat pane (send menu, bars, chat menu) and to the account menu. */
    void install(ChatView chatView, ObservableList<MenuItem> accountMenu) {
        ChatSchedules schedules = new ChatSchedules(session.schedules(), chat.formats(), chat.conversationProperty(),
                chat.draftProperty(), chat.replyingToProperty(), stage);
        chatView.setSendMenu(schedules.sendMenu());
        chatView.addLeadingMenuItem(schedules.listItem());
        scheduleBar = schedules.bar();
        chatView.addComposerBar(scheduleBar);
        chatView.onScheduleSticker(picked -> {
            ConversationItem open = chat.conversationProperty().get();
            if (open != null) {
                new ScheduleDialog(stage, ScheduleViewModel.withoutText(chat.formats(), (text, at) ->
                        session.schedules().sticker(open.id(), picked.sticker(), picked.image(), at))).showAndWait();
            }
        });

        quickReplies = new ComposerQuickReplies(session.quickReplies(), session.me().displayName(),
                chat.conversationProperty(), chat.draftProperty(), chat.sendHeldProperty());
        chatView.installOnComposer(quickReplies::install);
        chatView.addComposerButton(quickReplies.button(this::manageQuickReplies));
        chatView.addComposerBar(new UnfilledBar(quickReplies, () -> contactFields(quickReplies.unfilled())));
        MenuItem fields = item("contactFieldsItem", "contactFields.menu", () -> contactFields(List.of()));
        fields.visibleProperty().bind(Bindings.createBooleanBinding(() -> chat.conversationProperty().get() != null
                && !chat.conversationProperty().get().group(), chat.conversationProperty()));
        chatView.addLeadingMenuItem(fields);
        chatView.addLeadingMenuItem(item("exportChatItem", "export.chat.menu", () -> {
            ConversationItem open = chat.conversationProperty().get();
            if (open != null) {
                export(List.of(open), ViewLoader.text("export.title", open.peerNameProperty().get()),
                        "Parley - " + open.peerNameProperty().get() + ".html");
            }
        }));

        installContactPanel(chatView);
        ChatOffers offers = new ChatOffers(session, chat.formats(), chat.conversationProperty(), stage,
                (conversationId, seq) -> {
                    model.conversations().select(conversationId);
                    chat.jumpWhenLoaded(seq);
                });
        chatView.addComposerButton(offers.composerButton());
        accountMenu.add(accountMenu.size() - 1, offers.proposalsItem());

        accountMenu.add(accountMenu.size() - 1, item("quickRepliesItem", "quickReply.menu", this::manageQuickReplies));
        accountMenu.add(accountMenu.size() - 1, item("broadcastsItem", "outreach.broadcasts.menu", () ->
                new BroadcastsDialog(stage, new BroadcastsViewModel(session.outreach(), chat.formats(), session.clock()))
                        .showAndWait()));
        accountMenu.add(accountMenu.size() - 1, item("insightsItem", "insights.menu", this::showInsights));
        accountMenu.add(accountMenu.size() - 1, item("exportAllItem", "export.all.menu", () ->
                export(List.copyOf(session.inbox().conversations()), ViewLoader.text("export.all.title"),
                        "Parley - all chats.html")));
    }

    /** A header toggle for 1:1 chats that shows the side panel with labels and a note about the person. */
    private void installContactPanel(ChatView chatView) {
        ContactPanelViewModel panelModel = new ContactPanelViewModel(session.outreach(), chat.formats());
        ContactPanel panel = new ContactPanel(panelModel);
        ToggleButton toggle = new ToggleButton(null, new FontIcon("fth-tag"));
        toggle.setId("contactPanelButton");
        toggle.getStyleClass().addAll("button-icon", "flat");
        toggle.setAccessibleText(ViewLoader.text("outreach.contact.button"));
        toggle.setTooltip(new Tooltip(ViewLoader.text("outreach.contact.button")));
        BooleanBinding direct = Bindings.createBooleanBinding(() -> aboutSomeoneElse(chat.conversationProperty().get()),
                chat.conversationProperty());
        toggle.visibleProperty().bind(direct);
        toggle.managedProperty().bind(direct);
        Runnable follow = () -> {
            ConversationItem open = chat.conversationProperty().get();
            boolean show = toggle.isSelected() && aboutSomeoneElse(open);
            chatView.setSidePanel(show ? panel.root() : null);
            panelModel.open(show ? open.peerHandle() : null);
        };
        toggle.selectedProperty().addListener((obs, was, now) -> follow.run());
        chat.conversationProperty().addListener((obs, was, now) -> follow.run());
        chatView.addHeaderButton(toggle);
    }

    /** A 1:1 chat with another person (not a group, not notes to oneself). */
    private boolean aboutSomeoneElse(ConversationItem open) {
        return open != null && !open.group() && !open.peerHandle().equals(session.me().handle());
    }

    void dispose() {
        scheduleBar.dispose();
        if (insights != null) {
            // Signing out may run off the FX thread; the window goes with the session either way.
            Stage open = insights.stage();
            if (Platform.isFxApplicationThread()) {
                open.close();
            } else {
                Platform.runLater(open::close);
            }
        }
    }

    /** Opens the insights window, or brings it to the front if it is open. */
    private void showInsights() {
        if (insights != null && insights.stage().isShowing()) {
            insights.stage().toFront();
            return;
        }
        InsightsViewModel dashboard = new InsightsViewModel(session.insights()::load, Platform::runLater,
                CreatorTools::exportThread, java.time.Clock.systemDefaultZone());
        insights = new InsightsWindow(stage, dashboard, saveLocation);
        insights.show();
    }

    /** Exports write on a thread of their own, so the window stays responsive. */
    private static void exportThread(Runnable work) {
        Thread thread = new Thread(work, "parley-insights-export");
        thread.setDaemon(true);
        thread.start();
    }

    private static MenuItem item(String id, String textKey, Runnable action) {
        MenuItem item = new MenuItem(ViewLoader.text(textKey));
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }

    /** The open chat's person's contact fields; {@code wanted} are offered as empty rows to fill in. */
    private void contactFields(List<String> wanted) {
        ConversationItem open = chat.conversationProperty().get();
        if (open == null || open.group()) {
            return;
        }
        new ContactFieldsDialog(stage, new ContactFieldsViewModel(session.quickReplies(), open.peerHandle(), wanted),
                open.peerNameProperty().get()).showAndWait();
        quickReplies.refill();
    }

    private void manageQuickReplies() {
        QuickReplyText.Recipient recipient = quickReplies.recipient();
        QuickReplyText.Recipient example = recipient != null ? recipient
                : new QuickReplyText.Recipient(ViewLoader.text("quickReply.example"), "maya");
        Map<String, String> fields = recipient == null ? Map.of()
                : session.quickReplies().fields(recipient.handle()).exceptionally(failure -> Map.of())
                        .getNow(Map.of());
        new QuickRepliesDialog(stage, new QuickRepliesViewModel(session.quickReplies(), example, fields,
                session.me().displayName())).showAndWait();
    }

    /** Asks where, then exports these conversations with a progress dialog. */
    private void export(List<ConversationItem> chats, String title, String suggestedName) {
        saveLocation.choose(stage, ViewLoader.text("export.save"), suggestedName).ifPresent(html -> {
            HistoryExport export = new HistoryExport(HistoryExport.Source.of(session), session.me().handle());
            ExportViewModel exporting = new ExportViewModel(export, Platform::runLater);
            exporting.start(chats.stream().map(c -> new ExportedChat.Header(c.id(), c.peerNameProperty().get(),
                    c.peerHandle(), c.group())).toList(), html);
            new ExportDialog(stage, exporting, title).showAndWait();
        });
    }
}
