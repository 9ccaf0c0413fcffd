package dev.parley.server.chat;

import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.Event;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.server.net.Identity;
import dev.parley.server.profile.AvatarImages;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.store.Appended;
import dev.parley.server.store.ConversationStore;
import dev.parley.server.store.GroupStore;
import dev.parley.server.store.ProfileStore;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Group chats: creating them, members and roles, title, description and picture. The store checks the caller's
 * role in the same transaction as the change; once it has committed, each system line goes to every session of
 * the people it concerns, like any message (the store announces it to {@code CommittedMessages}).
 */
public final class GroupService {
    private final GroupStore groups;
    private final ConversationStore conversations;
    private final AccountLimits limits;
    private final Clock clock;

    public GroupService(GroupStore groups, ConversationStore conversations, AccountLimits limits, Clock clock) {
        this.groups = groups;
        this.conversations = conversations;
        this.limits = limits;
        this.clock = clock;
    }

    public CompletableFuture<Reply.GroupMembership> create(Identity me, Request.GroupCreate request) {
        limits.message(me.userId());
        return groups.create(me.userId(), request.clientId(), request.title(), request.description(),
                request.members(), clock.instant()).thenApply(write -> membership(me, write));
    }

    public CompletableFuture<Reply.GroupMembership> add(Identity me, Request.GroupAdd request) {
        limits.message(me.userId());
        return groups.add(request.conversationId(), me.userId(), request.members(), clock.instant())
                .thenApply(write -> membership(me, write));
    }

    public CompletableFuture<Reply.GroupChanged> remove(Identity me, Request.GroupRemove request) {
        limits.message(me.userId());
        return groups.remove(request.conversationId(), me.userId(), request.handle(), clock.instant())
                .thenApply(write -> changed(me, write));
    }

    public CompletableFuture<Reply.GroupChanged> leave(Identity me, Request.GroupLeave request) {
        limits.message(me.userId());
        return groups.leave(request.conversationId(), me.userId(), clock.instant())
                .thenApply(write -> changed(me, write));
    }

    public CompletableFuture<Reply.GroupChanged> setRole(Identity me, Request.GroupRoleSet request) {
        limits.message(me.userId());
        return groups.setRole(request.conversationId(), me.userId(), request.handle(), request.role(),
                clock.instant()).thenApply(write -> changed(me, write));
    }

    public CompletableFuture<Reply.GroupChanged> update(Identity me, Request.GroupUpdate request) {
        limits.message(me.userId());
        return groups.update(request.conversationId(), me.userId(), request.title(), request.description(),
                clock.instant()).thenApply(write -> changed(me, write));
    }

    /** Re-encodes the picture on the worker thread, as for a profile picture, then stores it. */
    public CompletableFuture<Reply.GroupChanged> setAvatar(Identity me, Request.GroupAvatar request) {
        limits.message(me.userId());
        byte[] upload = request.bytes();
        ProfileStore.Picture picture = upload == null ? null : AvatarImages.reencode(upload);
        return groups.setPicture(request.conversationId(), me.userId(), picture, clock.instant())
                .thenApply(write -> changed(me, write));
    }

    public CompletableFuture<Reply.GroupMember> mute(Identity me, Request.GroupMute request) {
        limits.message(me.userId());
        return groups.mute(request.conversationId(), me.userId(), request.handle(), request.muted());
    }

    public Reply.GroupMembers members(Identity me, Request.GroupMembers request) {
        return groups.members(request.conversationId(), me.userId());
    }

    public Reply.GroupAvatarImage avatar(Identity me, Request.GroupAvatarGet request) {
        ProfileStore.Picture picture = groups.picture(request.conversationId(), me.userId())
                .orElseThrow(() -> ProtocolException.notFound("this group has no picture"));
        return new Reply.GroupAvatarImage(request.conversationId(), picture.hash(), picture.mime(),
                Base64.getEncoder().encodeToString(picture.bytes()));
    }

    private Reply.GroupMembership membership(Identity me, GroupStore.GroupWrite write) {
        return new Reply.GroupMembership(summary(me, write), write.added(), write.refused());
    }

    private Reply.GroupChanged changed(Identity me, GroupStore.GroupWrite write) {
        return new Reply.GroupChanged(summary(me, write),
                write.lines().stream().map(Appended::message).toList());
    }

    private ConversationSummary summary(Identity me, GroupStore.GroupWrite write) {
        return conversations.summary(write.conversationId(), me.userId()).orElseThrow();
    }
}
