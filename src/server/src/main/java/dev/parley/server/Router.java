package dev.parley.server;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Request;
import dev.parley.server.auth.AccountService;
import dev.parley.server.chat.ConversationService;
import dev.parley.server.chat.GroupService;
import dev.parley.server.chat.ScheduleService;
import dev.parley.server.insights.InsightsService;
import dev.parley.server.tools.QuickReplyService;
import dev.parley.server.outreach.BroadcastService;
import dev.parley.server.outreach.ContactBookService;
import dev.parley.server.media.MediaService;
import dev.parley.server.net.ClientConnection;
import dev.parley.server.net.Identity;
import dev.parley.server.net.RequestHandler;
import dev.parley.server.profile.ProfileService;
import dev.parley.server.social.PresenceService;
import dev.parley.server.safety.ReportService;
import dev.parley.server.social.SocialService;
import java.util.concurrent.CompletionStage;

/** Sends each request type to the service that serves it, after checking that the caller is signed in. */
final class Router implements RequestHandler {
    private final AccountService accounts;
    private final ConversationService conversations;
    private final SocialService social;
    private final PresenceService presence;
    private final ReportService reports;
    private final MediaService media;
    private final ProfileService profiles;
    private final GroupService groups;
    private final ScheduleService schedules;
    private final QuickReplyService quickReplies;
    private final ContactBookService contacts;
    private final BroadcastService broadcasts;
    private final InsightsService insights;

    Router(AccountService accounts, ConversationService conversations, SocialService social,
            PresenceService presence, ReportService reports, MediaService media, ProfileService profiles,
            GroupService groups, ScheduleService schedules, QuickReplyService quickReplies,
            ContactBookService contacts, BroadcastService broadcasts, InsightsService insights) {
        this.insights = insights;
        this.quickReplies = quickReplies;
        this.contacts = contacts;
        this.broadcasts = broadcasts;
        this.groups = groups;
        this.schedules = schedules;
        this.media = media;
        this.profiles = profiles;
        this.accounts = accounts;
        this.conversations = conversations;
        this.social = social;
        this.presence = presence;
        this.reports = reports;
    }

    @Override
    public CompletionStage<?> handle(ClientConnection connection, Request request) {
        if (request instanceof Request.Hello hello) {
            return accounts.hello(connection, hello);
        }
        if (request instanceof Request.Register register) {
            return accounts.register(connection, register);
        }
        if (request instanceof Request.Login login) {
            return accounts.login(connection, login);
        }
        Identity me = connection.identity();
        if (me == null) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "sign in first");
        }
        if (request instanceof Request.MessageSend send) {
            return conversations.send(me, send);
        }
        if (request instanceof Request.MessageUnsend unsend) {
            return conversations.unsend(me, unsend);
        }
        if (request instanceof Request.MessageReact react) {
            return conversations.react(me, react);
        }
        if (request instanceof Request.MessagePin pin) {
            return conversations.pin(me, pin);
        }
        if (request instanceof Request.ScheduleCreate schedule) {
            return schedules.create(me, schedule);
        }
        if (request instanceof Request.ScheduleList list) {
            return completedFuture(schedules.list(me, list));
        }
        if (request instanceof Request.ScheduleUpdate update) {
            return schedules.update(me, update);
        }
        if (request instanceof Request.ScheduleCancel cancel) {
            return schedules.cancel(me, cancel);
        }
        if (request instanceof Request.ScheduleSendNow now) {
            return schedules.sendNow(me, now);
        }
        if (request instanceof Request.QuickReplyList) {
            return completedFuture(quickReplies.list(me));
        }
        if (request instanceof Request.QuickReplySave save) {
            return quickReplies.save(me, save);
        }
        if (request instanceof Request.QuickReplyDelete delete) {
            return quickReplies.delete(me, delete);
        }
        if (request instanceof Request.QuickReplyOrder order) {
            return quickReplies.order(me, order);
        }
        if (request instanceof Request.ContactGet contact) {
            return completedFuture(quickReplies.contact(me, contact));
        }
        if (request instanceof Request.ContactSet contact) {
            return quickReplies.setContact(me, contact);
        }
        if (request instanceof Request.ContactCardGet card) {
            return completedFuture(contacts.card(me, card));
        }
        if (request instanceof Request.ContactCardSet card) {
            return contacts.setCard(me, card);
        }
        if (request instanceof Request.LabelList) {
            return completedFuture(contacts.labels(me));
        }
        if (request instanceof Request.SegmentList) {
            return completedFuture(contacts.segments(me));
        }
        if (request instanceof Request.SegmentSave segment) {
            return contacts.saveSegment(me, segment);
        }
        if (request instanceof Request.SegmentDelete segment) {
            return contacts.deleteSegment(me, segment);
        }
        if (request instanceof Request.BroadcastPreview preview) {
            return completedFuture(broadcasts.preview(me, preview));
        }
        if (request instanceof Request.BroadcastSend send) {
            return broadcasts.send(me, send);
        }
        if (request instanceof Request.BroadcastList) {
            return completedFuture(broadcasts.list(me));
        }
        if (request instanceof Request.BroadcastGet get) {
            return completedFuture(broadcasts.detail(me, get));
        }
        if (request instanceof Request.InsightsGet get) {
            return completedFuture(insights.get(me, get));
        }
        if (request instanceof Request.PollCreate poll) {
            return conversations.createPoll(me, poll);
        }
        if (request instanceof Request.PollVote vote) {
            return conversations.votePoll(me, vote);
        }
        if (request instanceof Request.ProposalRespond respond) {
            return conversations.respondToProposal(me, respond);
        }
        if (request instanceof Request.PollClose close) {
            return conversations.closePoll(me, close);
        }
        if (request instanceof Request.Typing typing) {
            return completedFuture(presence.typing(me, typing));
        }
        if (request instanceof Request.PresenceGet) {
            return completedFuture(presence.onlineFriends(me));
        }
        if (request instanceof Request.MessageRead read) {
            return conversations.read(me, read);
        }
        if (request instanceof Request.MessageHistory history) {
            return completedFuture(conversations.history(me, history));
        }
        if (request instanceof Request.Sync sync) {
            return completedFuture(conversations.sync(me, sync));
        }
        if (request instanceof Request.ConversationOpen open) {
            return conversations.open(me, social.visibleUser(me, open.handle()));
        }
        if (request instanceof Request.ConversationList) {
            return completedFuture(conversations.list(me));
        }
        if (request instanceof Request.UserGet get) {
            return completedFuture(social.visibleUser(me, get.handle()).profile());
        }
        return handleSocial(connection, me, request);
    }

    private CompletionStage<?> handleSocial(ClientConnection connection, Identity me, Request request) {
        if (request instanceof Request.UserSearch search) {
            return completedFuture(social.search(me, search));
        }
        if (request instanceof Request.UserFollow follow) {
            return social.follow(me, follow);
        }
        if (request instanceof Request.UserUnfollow unfollow) {
            return social.unfollow(me, unfollow);
        }
        if (request instanceof Request.UserBlock block) {
            return social.block(me, block);
        }
        if (request instanceof Request.UserUnblock unblock) {
            return social.unblock(me, unblock);
        }
        if (request instanceof Request.FriendList) {
            return completedFuture(social.friends(me));
        }
        if (request instanceof Request.BlockList) {
            return completedFuture(social.blocked(me));
        }
        if (request instanceof Request.PrivacyGet) {
            return completedFuture(social.privacy(me));
        }
        if (request instanceof Request.PrivacySet set) {
            return social.setPrivacy(me, set);
        }
        if (request instanceof Request.RequestAccept accept) {
            return social.decideRequest(me, accept.conversationId(), true);
        }
        if (request instanceof Request.RequestDecline decline) {
            return social.decideRequest(me, decline.conversationId(), false);
        }
        if (request instanceof Request.ReportCreate report) {
            return reports.create(me, report);
        }
        return handleMedia(connection, me, request);
    }

    private CompletionStage<?> handleMedia(ClientConnection connection, Identity me, Request request) {
        if (request instanceof Request.MediaBegin begin) {
            return completedFuture(media.begin(me, begin));
        }
        if (request instanceof Request.MediaCommit commit) {
            return media.commit(me, commit);
        }
        if (request instanceof Request.MediaAbort abort) {
            return completedFuture(media.abort(me, abort));
        }
        if (request instanceof Request.MediaGet get) {
            return completedFuture(media.read(me, get));
        }
        return handleProfiles(connection, me, request);
    }

    private CompletionStage<?> handleProfiles(ClientConnection connection, Identity me, Request request) {
        if (request instanceof Request.ProfileUpdate update) {
            return profiles.update(me, update);
        }
        if (request instanceof Request.ProfileAvatar avatar) {
            return profiles.setAvatar(me, avatar);
        }
        if (request instanceof Request.UserCard card) {
            return completedFuture(profiles.card(me, card));
        }
        if (request instanceof Request.UserAvatar avatar) {
            return completedFuture(profiles.avatar(me, avatar));
        }
        return handleGroups(connection, me, request);
    }

    private CompletionStage<?> handleGroups(ClientConnection connection, Identity me, Request request) {
        if (request instanceof Request.GroupCreate create) {
            return groups.create(me, create);
        }
        if (request instanceof Request.GroupAdd add) {
            return groups.add(me, add);
        }
        if (request instanceof Request.GroupRemove remove) {
            return groups.remove(me, remove);
        }
        if (request instanceof Request.GroupLeave leave) {
            return groups.leave(me, leave);
        }
        if (request instanceof Request.GroupRoleSet role) {
            return groups.setRole(me, role);
        }
        if (request instanceof Request.GroupUpdate update) {
            return groups.update(me, update);
        }
        if (request instanceof Request.GroupAvatar avatar) {
            return groups.setAvatar(me, avatar);
        }
        if (request instanceof Request.GroupAvatarGet avatar) {
            return completedFuture(groups.avatar(me, avatar));
        }
        if (request instanceof Request.GroupMembers members) {
            return completedFuture(groups.members(me, members));
        }
        if (request instanceof Request.GroupMute mute) {
            return groups.mute(me, mute);
        }
        return handleSessions(connection, request);
    }

    private CompletionStage<?> handleSessions(ClientConnection connection, Request request) {
        if (request instanceof Request.Logout) {
            return accounts.logout(connection);
        }
        if (request instanceof Request.PasswordChange change) {
            return accounts.changePassword(connection, change);
        }
        if (request instanceof Request.SessionList) {
            return completedFuture(accounts.sessions(connection));
        }
        if (request instanceof Request.SessionRevoke revoke) {
            return accounts.revoke(connection, revoke);
        }
        throw new IllegalStateException("no route for " + request.getClass().getSimpleName());
    }
}
