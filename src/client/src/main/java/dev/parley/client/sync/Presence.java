package dev.parley.client.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * Who among the user's friends is online, and who is typing where, as far as they share it. The observable
 * parts change on the fx executor only; "typing" lapses by itself when no new notice follows.
 */
public final class Presence {
    /** A typing notice holds this long; the typist repeats it every {@link #ANNOUNCE_EVERY_MS} while typing. */
    static final long TYPING_HOLDS_MS = 6_000;
    static final long ANNOUNCE_EVERY_MS = 3_000;

    private final Executor fx;
    private final Executor io;
    private final ObservableSet<String> online = FXCollections.observableSet();
    private final ObservableMap<Long, String> typing = FXCollections.observableHashMap();
    /** I/O thread: when each typing notice lapses, by conversation. */
    private final Map<Long, Long> typingUntil = new HashMap<>();
    /** Fx thread: when the user last announced typing, by conversation. */
    private final Map<Long, Long> announced = new HashMap<>();

    Presence(Executor fx, Executor io) {
        this.fx = fx;
        this.io = io;
    }

    /** Handles of friends online now. */
    public ObservableSet<String> online() {
        return online;
    }

    /** Conversation id → handle of the person typing there now. */
    public ObservableMap<Long, String> typing() {
        return typing;
    }

    void setOnline(Collection<String> handles) {
        fx.execute(() -> {
            online.retainAll(handles);
            online.addAll(handles);
        });
    }

    void setOnline(String handle, boolean isOnline) {
        fx.execute(() -> {
            if (isOnline) {
                online.add(handle);
            } else {
                online.remove(handle);
                typing.values().removeIf(handle::equals);
            }
        });
    }

    /** Called on the I/O thread for each typing notice. */
    void typing(long conversationId, String handle) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TYPING_HOLDS_MS);
        typingUntil.put(conversationId, until);
        fx.execute(() -> typing.put(conversationId, handle));
        CompletableFuture.runAsync(() -> {
            if (typingUntil.getOrDefault(conversationId, 0L) == until) {
                typingUntil.remove(conversationId);
                fx.execute(() -> typing.remove(conversationId));
            }
        }, CompletableFuture.delayedExecutor(TYPING_HOLDS_MS, TimeUnit.MILLISECONDS, io));
    }

    /** A message from the typist ends their "typing" at once. */
    void stoppedTyping(long conversationId) {
        typingUntil.remove(conversationId);
        fx.execute(() -> typing.remove(conversationId));
    }

    /** Fx thread: whether enough time has passed to tell the other person again that the user is typing. */
    boolean mayAnnounceTyping(long conversationId) {
        long now = System.nanoTime();
        Long last = announced.get(conversationId);
        if (last != null && now - last < TimeUnit.MILLISECONDS.toNanos(ANNOUNCE_EVERY_MS)) {
            return false;
        }
        announced.put(conversationId, now);
        return true;
    }

    void clear() {
        typingUntil.clear();
        fx.execute(() -> {
            online.clear();
            typing.clear();
        });
    }
}
