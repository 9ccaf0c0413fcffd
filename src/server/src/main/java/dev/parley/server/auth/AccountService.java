package dev.parley.server.auth;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Protocol;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.SessionInfo;
import dev.parley.server.net.ClientConnection;
import dev.parley.server.net.Identity;
import dev.parley.server.net.SessionRegistry;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.SessionRecord;
import dev.parley.server.store.UserRecord;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registration, sign-in and device sessions, and public profiles. */
public final class AccountService {
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final SessionTokens tokens = new SessionTokens();
    private final SessionRegistry registry;
    private final RateLimiter failuresByHandle;
    private final RateLimiter failuresByAddress;
    private final Clock clock;

    public AccountService(AccountStore accounts, PasswordHasher hasher, SessionRegistry registry, LoginLimits limits,
            Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.registry = registry;
        this.failuresByHandle = new RateLimiter(limits.perHandle(), limits.handleRefill(), clock);
        this.failuresByAddress = new RateLimiter(limits.perAddress(), limits.addressRefill(), clock);
        this.clock = clock;
    }

    public CompletableFuture<Reply.HelloResult> hello(ClientConnection connection, Request.Hello hello) {
        if (hello.protocol() != Protocol.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "protocol version " + hello.protocol()
                    + " is not supported; this server speaks " + Protocol.VERSION);
        }
        if (hello.token() == null) {
            Identity current = connection.identity();
            UserRecord user = current == null ? null : accounts.findById(current.userId()).orElse(null);
            return CompletableFuture.completedFuture(new Reply.HelloResult(Protocol.VERSION, clock.instant(),
                    user == null ? null : user.profile(), user == null ? null : current.sessionId()));
        }
        SessionRecord session = accounts.findSession(SessionTokens.hash(hello.token()))
                .orElseThrow(() -> new ProtocolException(ErrorCode.UNAUTHORIZED,
                        "this session has ended; sign in again"));
        UserRecord user = accounts.findById(session.userId()).orElseThrow();
        registry.bind(connection, new Identity(user.id(), user.handle(), session.id()));
        accounts.touchSession(session.id(), clock.instant());
        return CompletableFuture.completedFuture(
                new Reply.HelloResult(Protocol.VERSION, clock.instant(), user.profile(), session.id()));
    }

    public CompletableFuture<Reply.AuthResult> register(ClientConnection connection, Request.Register request) {
        requireAnonymous(connection);
        if (accounts.findByHandle(request.handle()).isPresent()) {
            throw new ProtocolException(ErrorCode.CONFLICT, "the handle @" + request.handle() + " is taken");
        }
        return hasher.hash(request.password())
                .thenCompose(hash -> accounts.createUser(request.handle(), request.displayName(), hash,
                        clock.instant()))
                .thenCompose(user -> {
                    log.info("registered @{}", user.handle());
                    return startSession(connection, user, request.device());
                });
    }

    public CompletableFuture<Reply.AuthResult> login(ClientConnection connection, Request.Login request) {
        requireAnonymous(connection);
        String address = connection.remoteAddress();
        // Every attempt pays up front (so parallel guesses cannot all slip past a check); success refunds.
        long wait = failuresByAddress.tryAcquire(address);
        if (wait == 0) {
            wait = failuresByHandle.tryAcquire(request.handle());
            if (wait > 0) {
                failuresByAddress.refund(address);
            }
        }
        if (wait > 0) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many failed sign-ins; try again later", wait);
        }
        UserRecord user = accounts.findByHandle(request.handle()).orElse(null);
        return hasher.verify(request.password(), user == null ? null : user.passwordHash())
                .thenCompose(matches -> {
                    if (!matches) {
                        log.info("failed sign-in for @{} from {}", request.handle(), address);
                        throw new ProtocolException(ErrorCode.UNAUTHORIZED, "wrong handle or password");
                    }
                    failuresByHandle.refund(request.handle());
                    failuresByAddress.refund(address);
                    return startSession(connection, user, request.device());
                });
    }

    /**
     * Changes the caller's password once the current one checks out, throttled like sign-in (a stolen, signed-in
     * device must not guess the password faster than a stranger could); the account's other sessions end.
     */
    public CompletableFuture<Reply.Empty> changePassword(ClientConnection connection, Request.PasswordChange request) {
        Identity me = connection.identity();
        String address = connection.remoteAddress();
        long wait = failuresByAddress.tryAcquire(address);
        if (wait == 0) {
            wait = failuresByHandle.tryAcquire(me.handle());
            if (wait > 0) {
                failuresByAddress.refund(address);
            }
        }
        if (wait > 0) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many wrong passwords; try again later", wait);
        }
        UserRecord user = accounts.findById(me.userId()).orElseThrow();
        return hasher.verify(request.current(), user.passwordHash())
                .thenCompose(matches -> {
                    if (!matches) {
                        log.info("wrong current password in a password change for @{} from {}", me.handle(), address);
                        throw new ProtocolException(ErrorCode.UNAUTHORIZED, "the current password is wrong");
                    }
                    failuresByHandle.refund(me.handle());
                    failuresByAddress.refund(address);
                    return hasher.hash(request.password());
                })
                .thenCompose(hash -> accounts.changePassword(me.userId(), hash, me.sessionId()))
                .thenApply(revoked -> {
                    log.info("@{} changed their password; {} other session(s) ended", me.handle(), revoked.size());
                    revoked.forEach(sessionId -> closeSession(me.userId(), sessionId));
                    return new Reply.Empty();
                });
    }

    private CompletableFuture<Reply.AuthResult> startSession(ClientConnection connection, UserRecord user,
            String device) {
        String token = tokens.newToken();
        return accounts.createSession(user.id(), SessionTokens.hash(token), device, clock.instant())
                .thenApply(session -> {
                    registry.bind(connection, new Identity(user.id(), user.handle(), session.id()));
                    return new Reply.AuthResult(token, session.id(), user.profile());
                });
    }

    public CompletableFuture<Reply.Empty> logout(ClientConnection connection) {
        Identity me = connection.identity();
        return accounts.deleteSession(me.userId(), me.sessionId()).thenApply(deleted -> {
            registry.unbind(connection);
            closeSession(me.userId(), me.sessionId());
            return new Reply.Empty();
        });
    }

    public Reply.Sessions sessions(ClientConnection connection) {
        Identity me = connection.identity();
        return new Reply.Sessions(accounts.sessions(me.userId()).stream()
                .map(s -> new SessionInfo(s.id(), s.device(), s.createdAt(), s.lastSeenAt(),
                        s.id() == me.sessionId()))
                .toList());
    }

    public CompletableFuture<Reply.Empty> revoke(ClientConnection connection, Request.SessionRevoke request) {
        Identity me = connection.identity();
        if (request.sessionId() == me.sessionId()) {
            return logout(connection);
        }
        return accounts.deleteSession(me.userId(), request.sessionId()).thenApply(deleted -> {
            if (!deleted) {
                throw ProtocolException.notFound("no such session");
            }
            closeSession(me.userId(), request.sessionId());
            return new Reply.Empty();
        });
    }

    private void closeSession(long userId, long sessionId) {
        for (ClientConnection other : registry.connectionsOfSession(userId, sessionId)) {
            registry.unbind(other);
            other.close(ClientConnection.CLOSE_SESSION_ENDED, "session ended");
        }
    }

    private static void requireAnonymous(ClientConnection connection) {
        if (connection.identity() != null) {
            throw ProtocolException.badRequest("already signed in on this connection");
        }
    }
}
