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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Sends each request type to the service that serves it, after checking that the caller is signed in: one table,
 * from the request's record type to its route. Every type in {@link Request} has one (RouterTest checks).
 */
final class Router implements RequestHandler {
    /** How one request type is served. */
    private interface Route {
        CompletionStage<?> serve(ClientConnection connection, Request request);
    }

    private final Map<Class<? extends Request>, Route> routes = new HashMap<>();
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
        route();
    }

    private void route() {
        anonymous(Request.Hello.class, (connection, hello) -> accounts.hello(connection, hello));
        anonymous(Request.Register.class, (connection, register) -> accounts.register(connection, register));
        anonymous(Request.Login.class, (connection, login) -> accounts.login(connection, login));
        signedIn(Request.MessageSend.class, (me, send) -> conversations.send(me, send));
        signedIn(Request.MessageUnsend.class, (me, unsend) -> conversations.unsend(me, unsend));
        signedIn(Request.MessageReact.class, (me, react) -> conversations.react(me, react));
        signedIn(Request.MessagePin.class, (me, pin) -> conversations.pin(me, pin));
        signedIn(Request.ScheduleCreate.class, (me, schedule) -> schedules.create(me, schedule));
        answer(Request.ScheduleList.class, (me, list) -> schedules.list(me, list));
        signedIn(Request.ScheduleUpdate.class, (me, update) -> schedules.update(me, update));
        signedIn(Request.ScheduleCancel.class, (me, cancel) -> schedules.cancel(me, cancel));
        signedIn(Request.ScheduleSendNow.class, (me, now) -> schedules.sendNow(me, now));
        answer(Request.QuickReplyList.class, (me, r) -> quickReplies.list(me));
        signedIn(Request.QuickReplySave.class, (me, save) -> quickReplies.save(me, save));
        signedIn(Request.QuickReplyDelete.class, (me, delete) -> quickReplies.delete(me, delete));
        signedIn(Request.QuickReplyOrder.class, (me, order) -> quickReplies.order(me, order));
        answer(Request.ContactGet.class, (me, contact) -> quickReplies.contact(me, contact));
        signedIn(Request.ContactSet.class, (me, contact) -> quickReplies.setContact(me, contact));
        answer(Request.ContactCardGet.class, (me, card) -> contacts.card(me, card));
        signedIn(Request.ContactCardSet.class, (me, card) -> contacts.setCard(me, card));
        answer(Request.LabelList.class, (me, r) -> contacts.labels(me));
        answer(Request.SegmentList.class, (me, r) -> contacts.segments(me));
        signedIn(Request.SegmentSave.class, (me, segment) -> contacts.saveSegment(me, segment));
        signedIn(Request.SegmentDelete.class, (me, segment) -> contacts.deleteSegment(me, segment));
        answer(Request.BroadcastPreview.class, (me, preview) -> broadcasts.preview(me, preview));
        signedIn(Request.BroadcastSend.class, (me, send) -> broadcasts.send(me, send));
        answer(Request.BroadcastList.class, (me, r) -> broadcasts.list(me));
        answer(Request.BroadcastGet.class, (me, get) -> broadcasts.detail(me, get));
        answer(Request.InsightsGet.class, (me, get) -> insights.get(me, get));
        signedIn(Request.PollCreate.class, (me, poll) -> conversations.createPoll(me, poll));
        signedIn(Request.PollVote.class, (me, vote) -> conversations.votePoll(me, vote));
        signedIn(Request.ProposalRespond.class, (me, respond) -> conversations.respondToProposal(me, respond));
        signedIn(Request.PollClose.class, (me, close) -> conversations.closePoll(me, close));
        answer(Request.Typing.class, (me, typing) -> presence.typing(me, typing));
        answer(Request.PresenceGet.class, (me, r) -> presence.onlineFriends(me));
        signedIn(Request.MessageRead.class, (me, read) -> conversations.read(me, read));
        answer(Request.MessageHistory.class, (me, history) -> conversations.history(me, history));
        answer(Request.Sync.class, (me, sync) -> conversations.sync(me, sync));
        signedIn(Request.ConversationOpen.class, (me, open) ->
                conversations.open(me, social.visibleUser(me, open.handle())));
        answer(Request.ConversationList.class, (me, r) -> conversations.list(me));
        answer(Request.UserGet.class, (me, get) -> social.visibleUser(me, get.handle()).profile());
        answer(Request.UserSearch.class, (me, search) -> social.search(me, search));
        signedIn(Request.UserFollow.class, (me, follow) -> social.follow(me, follow));
        signedIn(Request.UserUnfollow.class, (me, unfollow) -> social.unfollow(me, unfollow));
        signedIn(Request.UserBlock.class, (me, block) -> social.block(me, block));
        signedIn(Request.UserUnblock.class, (me, unblock) -> social.unblock(me, unblock));
        answer(Request.FriendList.class, (me, r) -> social.friends(me));
        answer(Request.BlockList.class, (me, r) -> social.blocked(me));
        answer(Request.PrivacyGet.class, (me, r) -> social.privacy(me));
        signedIn(Request.PrivacySet.class, (me, set) -> social.setPrivacy(me, set));
        signedIn(Request.RequestAccept.class, (me, accept) -> social.decideRequest(me, accept.conversationId(), true));
        signedIn(Request.RequestDecline.class, (me, decline) ->
                social.decideRequest(me, decline.conversationId(), false));
        signedIn(Request.ReportCreate.class, (me, report) -> reports.create(me, report));
        answer(Request.MediaBegin.class, (me, begin) -> media.begin(me, begin));
        signedIn(Request.MediaCommit.class, (me, commit) -> media.commit(me, commit));
        answer(Request.MediaAbort.class, (me, abort) -> media.abort(me, abort));
        answer(Request.MediaGet.class, (me, get) -> media.read(me, get));
        signedIn(Request.ProfileUpdate.class, (me, update) -> profiles.update(me, update));
        signedIn(Request.ProfileAvatar.class, (me, avatar) -> profiles.setAvatar(me, avatar));
        answer(Request.UserCard.class, (me, card) -> profiles.card(me, card));
        answer(Request.UserAvatar.class, (me, avatar) -> profiles.avatar(me, avatar));
        signedIn(Request.GroupCreate.class, (me, create) -> groups.create(me, create));
        signedIn(Request.GroupAdd.class, (me, add) -> groups.add(me, add));
        signedIn(Request.GroupRemove.class, (me, remove) -> groups.remove(me, remove));
        signedIn(Request.GroupLeave.class, (me, leave) -> groups.leave(me, leave));
        signedIn(Request.GroupRoleSet.class, (me, role) -> groups.setRole(me, role));
        signedIn(Request.GroupUpdate.class, (me, update) -> groups.update(me, update));
        signedIn(Request.GroupAvatar.class, (me, avatar) -> groups.setAvatar(me, avatar));
        answer(Request.GroupAvatarGet.class, (me, avatar) -> groups.avatar(me, avatar));
        answer(Request.GroupMembers.class, (me, members) -> groups.members(me, members));
        signedIn(Request.GroupMute.class, (me, mute) -> groups.mute(me, mute));
        byConnection(Request.Logout.class, (connection, r) -> accounts.logout(connection));
        byConnection(Request.PasswordChange.class, (connection, change) -> accounts.changePassword(connection, change));
        byConnection(Request.SessionList.class, (connection, r) -> completedFuture(accounts.sessions(connection)));
        byConnection(Request.SessionRevoke.class, (connection, revoke) -> accounts.revoke(connection, revoke));
    }

    @Override
    public CompletionStage<?> handle(ClientConnection connection, Request request) {
        Route route = routes.get(request.getClass());
        if (route == null) {
            throw new IllegalStateException("no route for " + request.getClass().getSimpleName());
        }
        return route.serve(connection, request);
    }

    /** The request types this router serves. */
    Set<Class<? extends Request>> routedTypes() {
        return Set.copyOf(routes.keySet());
    }

    /** A request that needs no sign-in (it signs in, or says hello). */
    private <T extends Request> void anonymous(Class<T> type,
            BiFunction<ClientConnection, T, CompletionStage<?>> serve) {
        add(type, (connection, request) -> serve.apply(connection, type.cast(request)));
    }

    /** A request of a signed-in caller about their own device session. */
    private <T extends Request> void byConnection(Class<T> type,
            BiFunction<ClientConnection, T, CompletionStage<?>> serve) {
        add(type, (connection, request) -> {
            requireSignedIn(connection);
            return serve.apply(connection, type.cast(request));
        });
    }

    /** A request of a signed-in caller, answered when its future completes. */
    private <T extends Request> void signedIn(Class<T> type, BiFunction<Identity, T, CompletionStage<?>> serve) {
        add(type, (connection, request) -> serve.apply(requireSignedIn(connection), type.cast(request)));
    }

    /** A request of a signed-in caller, answered at once with what {@code serve} returns. */
    private <T extends Request> void answer(Class<T> type, BiFunction<Identity, T, ?> serve) {
        add(type, (connection, request) -> completedFuture(serve.apply(requireSignedIn(connection),
                type.cast(request))));
    }

    private void add(Class<? extends Request> type, Route route) {
        if (routes.put(type, route) != null) {
            throw new IllegalStateException("two routes for " + type.getSimpleName());
        }
    }

    private static Identity requireSignedIn(ClientConnection connection) {
        Identity me = connection.identity();
        if (me == null) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "sign in first");
        }
        return me;
    }
}
