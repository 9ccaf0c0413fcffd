package dev.parley.client.ui.schedule;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.model.MessageItem;
import dev.parley.client.sync.Schedules;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/**
 * Scheduling in the open chat: the send button's menu ("Schedule message…", "Follow up if no reply…"), the
 * chat menu's "Scheduled messages…", and the bar above the composer. Scheduling takes the composer's text and
 * reply, and clears them once the server has the message.
 */
public final class ChatSchedules {
    private final Schedules schedules;
    private final Formats formats;
    private final ObjectProperty<ConversationItem> conversation;
    private final StringProperty draft;
    private final ObjectProperty<MessageItem> replyingTo;
    private final Window owner;

    public ChatSchedules(Schedules schedules, Formats formats, ObjectProperty<ConversationItem> conversation,
            StringProperty draft, ObjectProperty<MessageItem> replyingTo, Window owner) {
        this.schedules = schedules;
        this.formats = formats;
        this.conversation = conversation;
        this.draft = draft;
        this.replyingTo = replyingTo;
        this.owner = owner;
    }

    /** The send button's right-click menu. */
    public ContextMenu sendMenu() {
        MenuItem later = new MenuItem(ViewLoader.text("schedule.menu"));
        later.setId("scheduleMessageItem");
        later.setOnAction(event -> schedule(false));
        MenuItem followUp = new MenuItem(ViewLoader.text("schedule.followUp.menu"));
        followUp.setId("followUpItem");
        followUp.setOnAction(event -> schedule(true));
        ContextMenu menu = new ContextMenu(later, followUp);
        menu.setOnShowing(event -> {
            ConversationItem open = conversation.get();
            later.setDisable(draft.get().isBlank());
            followUp.setDisable(draft.get().isBlank() || open == null || open.group());
        });
        return menu;
    }

    /** "Scheduled messages…" for the chat menu. */
    public MenuItem listItem() {
        MenuItem item = new MenuItem(ViewLoader.text("scheduled.menu"));
        item.setId("scheduledMessagesItem");
        item.setOnAction(event -> showList());
        return item;
    }

    public ScheduleBar bar() {
        return new ScheduleBar(schedules, formats, conversation, this::showList);
    }

    /** Opens the dialog for the composer's text; on success the composer is emptied. */
    public void schedule(boolean followUp) {
        ConversationItem open = conversation.get();
        if (open == null || draft.get().isBlank()) {
            return;
        }
        MessageItem quoted = replyingTo.get();
        Long replyTo = quoted == null || quoted.seqProperty().get() == 0 ? null : quoted.seqProperty().get();
        ScheduleViewModel model = ScheduleViewModel.create(schedules, formats, open.id(), draft.get(), replyTo,
                followUp);
        new ScheduleDialog(owner, model).showAndWait();
        if (model.saved()) {
            draft.set("");
            replyingTo.set(null);
        }
    }

    private void showList() {
        ConversationItem open = conversation.get();
        if (open != null) {
            new ScheduledListDialog(owner, new ScheduledListViewModel(schedules, formats, open.id())).showAndWait();
        }
    }
}
