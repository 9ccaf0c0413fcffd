package dev.parley.client.sync;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.QuickReply;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user's quick replies and the custom fields they keep about contacts, as the server holds them for all their
 * devices. {@link #templates()} changes on the fx executor only; fields are read on demand and kept current by
 * pushes.
 */
public final class QuickReplies {
    private final ServerConnection connection;
    private final Executor io;
    private final Executor fx;
    private final ObservableList<QuickReply> templates = FXCollections.observableArrayList();
    private final Map<String, Map<String, String>> fields = new ConcurrentHashMap<>();

    QuickReplies(ServerConnection connection, Executor io, Executor fx) {
        this.connection = connection;
        this.io = io;
        this.fx = fx;
    }

    /** The user's quick replies in their order. */
    public ObservableList<QuickReply> templates() {
        return templates;
    }

    /** Creates ({@code id} null) or changes a quick reply. */
    public CompletableFuture<QuickReply> save(Long id, String name, String text) {
        return call(new Request.QuickReplySave(id, name, text), Reply.SavedQuickReply.class)
                .thenApply(Reply.SavedQuickReply::template);
    }

    public CompletableFuture<Void> delete(long id) {
        return call(new Request.QuickReplyDelete(id), Reply.QuickReplies.class).thenAccept(this::show);
    }

    public CompletableFuture<Void> order(List<Long> ids) {
        return call(new Request.QuickReplyOrder(ids), Reply.QuickReplies.class).thenAccept(this::show);
    }

    /** The user's custom fields about this person (from the server the first time). */
    public CompletableFuture<Map<String, String>> fields(String handle) {
        Map<String, String> known = fields.get(handle);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return call(new Request.ContactGet(handle), Reply.Contact.class).thenApply(contact -> {
            fields.put(contact.handle(), Map.copyOf(contact.fields()));
            return fields.get(contact.handle());
        });
    }

    public CompletableFuture<Void> setFields(String handle, Map<String, String> values) {
        return call(new Request.ContactSet(handle, values), Reply.Contact.class)
                .thenAccept(contact -> fields.put(contact.handle(), Map.copyOf(contact.fields())));
    }

    /** After each sign-in: the server's list replaces this device's; fields are read again when needed. */
    void refresh() {
        fields.clear();
        connection.request(new Request.QuickReplyList(), Reply.QuickReplies.class).thenAccept(this::show);
    }

    void changed(List<QuickReply> now) {
        fx.execute(() -> templates.setAll(now));
    }

    void contactChanged(String handle, Map<String, String> now) {
        fields.put(handle, Map.copyOf(now));
    }

    private void show(Reply.QuickReplies list) {
        changed(list.templates());
    }

    private <T> CompletableFuture<T> call(Request request, Class<T> replyType) {
        return CompletableFuture.supplyAsync(() -> connection.request(request, replyType), io)
                .thenCompose(reply -> reply);
    }
}
