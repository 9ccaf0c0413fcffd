package dev.parley.client.net;

import java.security.cert.CertificateException;

/** The TLS handshake was refused because of a {@link TrustProblem}; carried out of the handshake to the caller. */
public final class UntrustedServerException extends CertificateException {
    private final transient TrustProblem problem;

    public UntrustedServerException(TrustProblem problem, Throwable cause) {
        super("not trusting " + problem.server() + ": " + problem, cause);
        this.problem = problem;
    }

    public TrustProblem problem() {
        return problem;
    }

    /** This exception somewhere in an error's causes (a failed handshake wraps it), if it is there. */
    public static java.util.Optional<UntrustedServerException> in(Throwable error) {
        for (Throwable at = error; at != null; at = at.getCause()) {
            if (at instanceof UntrustedServerException untrusted) {
                return java.util.Optional.of(untrusted);
            }
        }
        return java.util.Optional.empty();
    }
}
