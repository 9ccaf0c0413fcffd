package dev.parley.client.ui.login;

import dev.parley.client.net.KnownServers;
import dev.parley.client.net.TrustProblem;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link TrustProblem} to the person in a {@link ServerTrustDialog} and records the answer in the pinned
 * certificates: on the FX thread to ask, on a background thread to write.
 */
public final class ServerTrustPrompt {
    private static final Logger log = LoggerFactory.getLogger(ServerTrustPrompt.class);

    /** How the question ended: connect again (a pin was made or forgotten), or stay disconnected. */
    public enum Outcome {
        RETRY,
        DECLINED
    }

    private final KnownServers known;
    private final Supplier<Window> owner;

    public ServerTrustPrompt(KnownServers known, Supplier<Window> owner) {
        this.known = known;
        this.owner = owner;
    }

    /** Call on the FX thread. Fails (with the I/O error) when the answer could not be saved. */
    public CompletableFuture<Outcome> ask(TrustProblem problem) {
        ServerTrustDialog.Choice choice = new ServerTrustDialog(owner.get(), problem).showAndWait()
                .orElse(ServerTrustDialog.Choice.CANCEL);
        if (choice == ServerTrustDialog.Choice.CANCEL) {
            return CompletableFuture.completedFuture(Outcome.DECLINED);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (choice == ServerTrustDialog.Choice.TRUST && problem instanceof TrustProblem.FirstSight first) {
                    known.pin(first.host(), first.port(), first.fingerprint());
                    log.info("the person trusted the certificate of {} ({})", first.server(), first.fingerprint());
                } else if (choice == ServerTrustDialog.Choice.FORGET) {
                    known.forget(problem.host(), problem.port());
                    log.info("the person forgot the pinned certificate of {}", problem.server());
                }
                return Outcome.RETRY;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, dev.parley.client.settings.PropertiesFile.DISK);
    }
}
