package dev.parley.client.ui.chat;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.model.MessageItem;
import dev.parley.client.store.StoredPoll;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.polls.NewPollViewModel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a poll card in the open chat may do: vote, close, and start a new poll. */
public final class ChatPolls {
    private static final Logger log = LoggerFactory.getLogger(ChatPolls.class);

    private final ChatSession session;
    private final ObservableValue<ConversationItem> conversation;

    ChatPolls(ChatSession session, ObservableValue<ConversationItem> conversation) {
        this.session = session;
        this.conversation = conversation;
    }

    /** The options the user chose in this poll (their own device's record for an anonymous one). */
    public Set<Integer> mine(StoredPoll poll) {
        return poll.chosenBy(session.me().handle());
    }

    /**
     * The user picked {@code option}: in a single-choice poll it becomes their vote (picking it again takes the
     * vote back); in a multiple-choice poll it is added or removed.
     */
    public void toggle(MessageItem message, int option) {
        StoredPoll poll = message.pollProperty().get();
        ConversationItem item = conversation.getValue();
        if (poll == null || item == null || poll.poll().closed()) {
            return;
        }
        Set<Integer> chosen = new TreeSet<>(mine(poll));
        if (poll.poll().multiple()) {
            if (!chosen.remove(option)) {
                chosen.add(option);
            }
        } else {
            chosen = chosen.contains(option) ? Set.of() : Set.of(option);
        }
        List<Integer> vote = StoredPoll.sorted(chosen);
        session.vote(item.id(), message.seqProperty().get(), vote).exceptionally(failure -> {
            log.info("voting in poll {} failed: {}", message.seqProperty().get(), failure.toString());
            return null;
        });
    }

    /** The poll's author, or a group's owner or admin, may close it (the server checks again). */
    public boolean canClose(MessageItem message) {
        ConversationItem item = conversation.getValue();
        StoredPoll poll = message.pollProperty().get();
        if (poll == null || poll.poll().closed() || item == null) {
            return false;
        }
        return message.mine() || (item.group() && item.roleProperty().get() != null
                && item.roleProperty().get().manages());
    }

    public void close(MessageItem message) {
        ConversationItem item = conversation.getValue();
        if (item != null) {
            session.closePoll(item.id(), message.seqProperty().get()).exceptionally(failure -> {
                log.info("closing poll {} failed: {}", message.seqProperty().get(), failure.toString());
                return null;
            });
        }
    }

    /** The "New poll" dialog's model for the open conversation. */
    public NewPollViewModel newPoll() {
        return new NewPollViewModel(session, conversation.getValue().id());
    }
}
