package dev.parley.client.model;

import dev.parley.protocol.GroupChange;

import dev.parley.client.store.MessageStatus;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.Reaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One message in the open chat. Its seq, time and status change when the server acknowledges it; its text
 * goes when the sender unsends it.
 */
public final class MessageItem {
    private final long conversationId;
    private final UUID clientId;
    private final String sender;
    private final javafx.beans.property.StringProperty text = new javafx.beans.property.SimpleStringProperty(this, "text");
    private final javafx.beans.property.BooleanProperty unsent =
            new javafx.beans.property.SimpleBooleanProperty(this, "unsent");
    private final boolean mine;
    private final LongProperty seq = new SimpleLongProperty(this, "seq");
    private final ObjectProperty<Instant> sentAt = new SimpleObjectProperty<>(this, "sentAt");
    private final ObjectProperty<MessageStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<String> failure = new SimpleObjectProperty<>(this, "failure");
    private final List<MediaItem> media;
    private final GroupChange change;
    private Long replyTo;
    private dev.parley.protocol.UserProfile card;
    private dev.parley.protocol.Sticker sticker;
    private final ObjectProperty<List<Reaction>> reactions = new SimpleObjectProperty<>(this, "reactions", List.of());
    private final ObjectProperty<dev.parley.client.store.StoredPoll> poll = new SimpleObjectProperty<>(this, "poll");
    private dev.parley.protocol.Offer offer;
    private final ObjectProperty<dev.parley.protocol.Proposal> proposal = new SimpleObjectProperty<>(this, "proposal");

    public MessageItem(long conversationId, UUID clientId, String sender, String text, boolean mine, long seq,
            Instant sentAt, MessageStatus status) {
        this(conversationId, clientId, sender, text, mine, seq, sentAt, status, List.of());
    }

    /** A message with photos ({@code media}), whose text is the caption. */
    public MessageItem(long conversationId, UUID clientId, String sender, String text, boolean mine, long seq,
            Instant sentAt, MessageStatus status, List<MediaItem> media) {
        this(conversationId, clientId, sender, text, mine, seq, sentAt, status, media, null);
    }

    /** A message, or a group's system line when {@code change} says what its sender did. */
    public MessageItem(long conversationId, UUID clientId, String sender, String text, boolean mine, long seq,
            Instant sentAt, MessageStatus status, List<MediaItem> media, GroupChange change) {
        this.change = change;
        this.media = List.copyOf(media);
        this.conversationId = conversationId;
        this.clientId = clientId;
        this.sender = sender;
        this.text.set(text);
        this.mine = mine;
        this.seq.set(seq);
        this.sentAt.set(sentAt);
        this.status.set(status);
    }

    public long conversationId() {
        return conversationId;
    }

    public UUID clientId() {
        return clientId;
    }

    /** What the sender did, for a group's system line (shown centred); null for a message someone wrote. */
    public GroupChange change() {
        return change;
    }

    /** The seq of the message this one quotes, or null. */
    public Long replyTo() {
        return replyTo;
    }

    public void setReplyTo(Long seq) {
        replyTo = seq;
    }

    /** The sticker this message is, or null. */
    public dev.parley.protocol.Sticker sticker() {
        return sticker;
    }

    public void setSticker(dev.parley.protocol.Sticker shown) {
        sticker = shown;
    }

    /** The profile this message shares, or null. */
    public dev.parley.protocol.UserProfile card() {
        return card;
    }

    public void setCard(dev.parley.protocol.UserProfile shared) {
        card = shared;
    }

    /** The limited-time offer this message carries, or null. */
    public dev.parley.protocol.Offer offer() {
        return offer;
    }

    public void setOffer(dev.parley.protocol.Offer carried) {
        offer = carried;
    }

    /** The collaboration proposal this message carries, with its status as last known; null for any other. */
    public ObjectProperty<dev.parley.protocol.Proposal> proposalProperty() {
        return proposal;
    }

    /** The emoji people put on it, grouped per emoji (never null). */
    /** The poll this message is, with its latest results; null for any other message. */
    public ObjectProperty<dev.parley.client.store.StoredPoll> pollProperty() {
        return poll;
    }

    public ObjectProperty<List<Reaction>> reactionsProperty() {
        return reactions;
    }

    /** The photos it carries, in order; empty for a text message. */
    public List<MediaItem> media() {
        return media;
    }

    public String sender() {
        return sender;
    }

    public String text() {
        return text.get();
    }

    public javafx.beans.property.StringProperty textProperty() {
        return text;
    }

    /** The sender unsent it: the text is gone for everyone. */
    public javafx.beans.property.BooleanProperty unsentProperty() {
        return unsent;
    }

    public boolean mine() {
        return mine;
    }

    public LongProperty seqProperty() {
        return seq;
    }

    public ObjectProperty<Instant> sentAtProperty() {
        return sentAt;
    }

    public ObjectProperty<MessageStatus> statusProperty() {
        return status;
    }

    /** The server's error code when it refused this message, else null. */
    public ObjectProperty<String> failureProperty() {
        return failure;
    }
}
