package dev.parley.client.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** Why the client did not connect to a {@code wss://} server: what the person is asked or told. */
public sealed interface TrustProblem {
    String host();

    int port();

    /** {@code host:port}, as the person typed it. */
    default String server() {
        return host() + ":" + port();
    }

    /** No authority vouches for the certificate (self-hosted, self-signed): the person may check and pin it. */
    record FirstSight(String host, int port, String fingerprint, String subject) implements TrustProblem {
    }

    /** The certificate differs from the one the person pinned: possibly someone in between. Never accepted silently. */
    record Changed(String host, int port, String pinned, String presented) implements TrustProblem {
    }

    /** An authority vouches for the certificate, but for other names than this server's. */
    record WrongName(String host, int port, String detail) implements TrustProblem {
    }

    /** The SHA-256 of the certificate, as colon-separated upper-case hex pairs (how browsers and keytool show it). */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }
}
