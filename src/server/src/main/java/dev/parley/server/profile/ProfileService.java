package dev.parley.server.profile;

import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import dev.parley.server.net.Identity;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.social.SocialService;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.ProfileStore;
import dev.parley.server.store.SocialStore;
import dev.parley.server.store.UserRecord;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** Editing one's own profile and picture, and what others see of it: the profile card and the picture. */
public final class ProfileService {
    private final ProfileStore profiles;
    private final AccountStore accounts;
    private final SocialStore socialStore;
    private final SocialService social;
    private final AccountLimits limits;
    private final Clock clock;

    public ProfileService(ProfileStore profiles, AccountStore accounts, SocialStore socialStore, SocialService social,
            AccountLimits limits, Clock clock) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.socialStore = socialStore;
        this.social = social;
        this.limits = limits;
        this.clock = clock;
    }

    public CompletableFuture<UserProfile> update(Identity me, Request.ProfileUpdate request) {
        limits.profileEdit(me.userId());
        return profiles.update(me.userId(), request.displayName(), request.bio(), request.tags())
                .thenApply(done -> own(me));
    }

    /** Re-encodes the picture on the worker thread (it is at most 512×512), then stores it. */
    public CompletableFuture<UserProfile> setAvatar(Identity me, Request.ProfileAvatar request) {
        limits.profileEdit(me.userId());
        byte[] upload = request.bytes();
        ProfileStore.Picture picture = upload == null ? null : AvatarImages.reencode(upload);
        return profiles.setPicture(me.userId(), picture, clock.instant()).thenApply(done -> own(me));
    }

    public Reply.ProfileCard card(Identity me, Request.UserCard request) {
        UserRecord user = social.visibleUser(me, request.handle());
        ProfileStore.Counts counts = profiles.counts(user.id());
        return new Reply.ProfileCard(user.profile(), counts.followers(), counts.following(),
                socialStore.relationship(me.userId(), user.id(), user.handle()));
    }

    public Reply.AvatarImage avatar(Identity me, Request.UserAvatar request) {
        UserRecord user = social.visibleUser(me, request.handle());
        ProfileStore.Picture picture = (user.avatarHash() == null ? null
                : profiles.picture(user.avatarHash()).orElse(null));
        if (picture == null) {
            throw ProtocolException.notFound("@" + user.handle() + " has no picture");
        }
        return new Reply.AvatarImage(user.handle(), picture.hash(), picture.mime(),
                Base64.getEncoder().encodeToString(picture.bytes()));
    }

    private UserProfile own(Identity me) {
        return accounts.findById(me.userId()).orElseThrow().profile();
    }
}
