package dev.parley.client.ui.common;

import dev.parley.client.sync.Groups;
import dev.parley.client.sync.People;
import dev.parley.protocol.UserProfile;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts people's pictures into {@link Avatar}s: the bytes come through {@link People} (cache, else server), are
 * decoded on a background thread, and shown on the FX thread if the avatar still shows the same person.
 */
public final class AvatarPictures {
    private static final Logger log = LoggerFactory.getLogger(AvatarPictures.class);
    private static final int KEEP_DECODED = 200;
    private static final Executor DECODER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "parley-avatar-decode");
        thread.setDaemon(true);
        return thread;
    });

    private final People people;
    private final Groups groups;

    /** Decoded pictures by hash, the most recently used kept (list cells ask again on every update). */
    private final java.util.Map<String, CompletableFuture<Image>> decoded = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, CompletableFuture<Image>> eldest) {
                    return size() > KEEP_DECODED;
                }
            });

    public AvatarPictures(People people, Groups groups) {
        this.people = people;
        this.groups = groups;
    }

    /** Shows a group's initials now and its picture once loaded (if it has one). FX thread. */
    public void showGroup(Avatar avatar, long conversationId, String title, String hash) {
        String key = "group-" + conversationId;
        avatar.show(key, title);
        if (hash == null) {
            avatar.showPicture(null);
            return;
        }
        CompletableFuture<Image> cached = decoded.get(hash);
        CompletableFuture<Image> image = cached != null && !cached.isCompletedExceptionally() ? cached
                : groups.picture(conversationId, hash).thenCompose(AvatarPictures::decode);
        decoded.put(hash, image);
        image.thenAccept(picture -> Platform.runLater(() -> {
            if (key.equals(avatar.handle())) {
                avatar.showPicture(picture);
            }
        })).exceptionally(error -> {
            log.debug("no picture for group {}: {}", conversationId, error.getMessage());
            return null;
        });
    }

    /** Shows the person's initials now and their picture once it is loaded (if they have one). FX thread. */
    public void show(Avatar avatar, UserProfile profile) {
        avatar.show(profile.handle(), profile.displayName());
        if (profile.avatar() == null) {
            avatar.showPicture(null);
            return;
        }
        image(profile).thenAccept(image -> Platform.runLater(() -> {
            if (profile.handle().equals(avatar.handle())) {
                avatar.showPicture(image);
            }
        }));
    }

    /** Shows initials now, then looks the person up and shows their picture if they have one. FX thread. */
    public void showByHandle(Avatar avatar, String handle, String displayName) {
        avatar.show(handle, displayName);
        people.profile(handle).thenAccept(profile -> Platform.runLater(() -> {
            if (handle.equals(avatar.handle()) && profile.avatar() != null) {
                show(avatar, profile);
            }
        }));
    }

    /** Decodes picture bytes on the decoder thread. */
    public static CompletableFuture<Image> decode(byte[] bytes) {
        return CompletableFuture.supplyAsync(() -> new Image(new ByteArrayInputStream(bytes)), DECODER);
    }

    /** The decoded picture of a profile that has one; recent ones are kept decoded, by hash. */
    public CompletableFuture<Image> image(UserProfile profile) {
        CompletableFuture<Image> cached = decoded.get(profile.avatar());
        if (cached != null && !cached.isCompletedExceptionally()) {
            return cached;
        }
        CompletableFuture<Image> image = people.picture(profile.handle(), profile.avatar())
                .thenCompose(AvatarPictures::decode)
                .whenComplete((done, error) -> {
                    if (error != null) {
                        log.debug("no picture for @{}: {}", profile.handle(), error.getMessage());
                    }
                });
        decoded.put(profile.avatar(), image);
        return image;
    }
}
