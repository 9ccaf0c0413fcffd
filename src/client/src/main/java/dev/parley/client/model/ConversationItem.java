package dev.parley.client.model;

import dev.parley.protocol.GroupRole;
import java.time.Instant;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the conversation list. Changed only on the JavaFX thread. */
public final class ConversationItem {
    private final long id;
    private final String peerHandle;
    private final StringProperty peerName = new SimpleStringProperty(this, "peerName");
    private final StringProperty preview = new SimpleStringProperty(this, "preview", "");
    private final ObjectProperty<Instant> lastActivity = new SimpleObjectProperty<>(this, "lastActivity");
    private final IntegerProperty unread = new SimpleIntegerProperty(this, "unread");
    private final javafx.beans.property.BooleanProperty request =
            new javafx.beans.property.SimpleBooleanProperty(this, "request");

    private final javafx.beans.property.BooleanProperty lastUnsent =
            new javafx.beans.property.SimpleBooleanProperty(this, "lastUnsent");
    private final ObjectProperty<Long> peerReadSeq = new SimpleObjectProperty<>(this, "peerReadSeq");
    private final StringProperty peerAvatar = new SimpleStringProperty(this, "peerAvatar");
    private final IntegerProperty lastMedia = new SimpleIntegerProperty(this, "lastMedia");
    private final IntegerProperty lastVideos = new SimpleIntegerProperty(this, "lastVideos");
    private final javafx.beans.property.BooleanProperty lastSticker =
            new javafx.beans.property.SimpleBooleanProperty(this, "lastSticker");
    private final ObjectProperty<java.util.List<Long>> pinned =
            new SimpleObjectProperty<>(this, "pinned", java.util.List.of());
    private final boolean group;
    private final IntegerProperty memberCount = new SimpleIntegerProperty(this, "memberCount");
    private final ObjectProperty<GroupRole> role = new SimpleObjectProperty<>(this, "role");
    private final javafx.beans.property.BooleanProperty left =
            new javafx.beans.property.SimpleBooleanProperty(this, "left");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");

    public ConversationItem(long id, String peerHandle, String peerName) {
        this(id, peerHandle, peerName, false);
    }

    /** A row of a direct conversation, or of a group ({@code group}: its title as the name, no peer handle). */
    public ConversationItem(long id, String peerHandle, String peerName, boolean group) {
        this.id = id;
        this.peerHandle = peerHandle;
        this.peerName.set(peerName);
        this.group = group;
    }

    /** True for a group chat: {@link #peerNameProperty()} is its title and there is no peer handle. */
    public boolean group() {
        return group;
    }

    /** A group's current member count (0 for a direct conversation). */
    public IntegerProperty memberCountProperty() {
        return memberCount;
    }

    /** The user's role in a group; null for a direct conversation or once they left or were removed. */
    public ObjectProperty<GroupRole> roleProperty() {
        return role;
    }

    /** A group's description (its rules), empty when it has none. */
    public StringProperty descriptionProperty() {
        return description;
    }

    /** The user left the group or was removed from it: its history stays, sending does not. */
    public javafx.beans.property.BooleanProperty leftProperty() {
        return left;
    }

    public long id() {
        return id;
    }

    public String peerHandle() {
        return peerHandle;
    }

    /** The other person's display name, or a group's title. */
    public StringProperty peerNameProperty() {
        return peerName;
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public ObjectProperty<Instant> lastActivityProperty() {
        return lastActivity;
    }

    public IntegerProperty unreadProperty() {
        return unread;
    }

    /** A message request not accepted yet: listed under Requests. */
    public javafx.beans.property.BooleanProperty requestProperty() {
        return request;
    }

    /** The last message was unsent: the preview says so instead of showing text. */
    public javafx.beans.property.BooleanProperty lastUnsentProperty() {
        return lastUnsent;
    }

    /** How far the other person has read, while both share read receipts; else null. */
    public ObjectProperty<Long> peerReadSeqProperty() {
        return peerReadSeq;
    }

    /** The SHA-256 of the other person's picture, or null while they have none. */
    public StringProperty peerAvatarProperty() {
        return peerAvatar;
    }

    /** How many photos the last message carries (a photo without a caption previews as "Photo"). */
    public IntegerProperty lastMediaProperty() {
        return lastMedia;
    }

    /** The seqs of the pinned messages, oldest pin first (never null). */
    public ObjectProperty<java.util.List<Long>> pinnedProperty() {
        return pinned;
    }

    /** How many of the last message's media are videos. */
    /** The last message is a sticker; the preview then holds its emoji, if any. */
    public javafx.beans.property.BooleanProperty lastStickerProperty() {
        return lastSticker;
    }

    public IntegerProperty lastVideosProperty() {
        return lastVideos;
    }
}
