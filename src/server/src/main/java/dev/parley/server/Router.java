package dev.parley.server;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Request;
import dev.parley.server.auth.AccountService;
import dev.parley.server.chat.ConversationService;
import dev.parley.server.net.ClientConnection;
import dev.parley.server.net.Identity;
import dev.parley.server.net.RequestHandler;
import java.util.concurrent.CompletionStage;

/** Sends each request type to the service that serves it, after checking that the caller is signed in. */
final class Router implements RequestHandler {
    private final AccountService accounts;
    private final ConversationService conversations;

    Router(AccountService accounts, ConversationService conversations) {
        this.accounts = accounts;
        this.conversations = conversations;
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
            return conversations.open(me, accounts.user(open.handle()));
        }
        if (request instanceof Request.ConversationList) {
            return completedFuture(conversations.list(me));
        }
        if (request instanceof Request.UserGet get) {
            return completedFuture(accounts.user(get.handle()).profile());
        }
        if (request instanceof Request.Logout) {
            return accounts.logout(connection);
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
