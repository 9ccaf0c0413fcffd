package dev.parley.client.net;

import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which {@code wss://} servers the client trusts: a certificate pinned by the person for that host and port (and
 * nothing else for it), or else one that the authorities vouch for and that names the host. Anything else ends
 * the handshake with an {@link UntrustedServerException} saying why, so the person can be asked or warned.
 */
public final class ServerTrust {
    private final KnownServers known;
    private final TrustManagerFactory authorityStore;
    /** Read from the trust store at the first handshake (a disk read): never on the FX thread. */
    private X509ExtendedTrustManager authorities;

    private ServerTrust(KnownServers known, TrustManagerFactory authorityStore) {
        this.known = known;
        this.authorityStore = authorityStore;
    }

    /** The JDK's trusted authorities, plus the person's pins in {@code known} (null: no pins, none can be made). */
    public static ServerTrust system(KnownServers known) {
        return new ServerTrust(known, null);
    }

    /** These authorities instead of the JDK's (tests, or an organisation's own CA). */
    public static ServerTrust of(KnownServers known, TrustManagerFactory authorities) {
        return new ServerTrust(known, authorities);
    }

    private synchronized X509ExtendedTrustManager authorities() {
        if (authorities == null) {
            try {
                TrustManagerFactory factory = authorityStore;
                if (factory == null) {
                    factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    factory.init((KeyStore) null);
                }
                authorities = extended(factory);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no default trust store", e);
            }
        }
        return authorities;
    }

    public KnownServers knownServers() {
        return known;
    }

    /** The port a {@code ws(s)://} address connects to. */
    public static int port(URI server) {
        return server.getPort() != -1 ? server.getPort() : "wss".equals(server.getScheme()) ? 443 : 80;
    }

    /** A TLS context for connecting to this server (TLS 1.2 or 1.3; see {@link ServerConnection}). Off the FX thread. */
    public SSLContext contextFor(URI server) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Check(server.getHost(), port(server))}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    private static X509ExtendedTrustManager extended(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new IllegalStateException("no X509 trust manager");
    }

    /** The authorities' check that includes the host name (through the socket's or engine's parameters). */
    @FunctionalInterface
    private interface NameCheck {
        void check() throws CertificateException;
    }

    /** The check for one server. The socket's parameters name the host for the authorities' hostname check. */
    private final class Check extends X509ExtendedTrustManager {
        private final String host;
        private final int port;

        Check(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, authType, () -> authorities().checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, authType, () -> authorities().checkServerTrusted(chain, authType, engine));
        }

        /** The pin if there is one; else the authorities on the chain alone, then with the connection's host name. */
        private void check(X509Certificate[] chain, String authType, NameCheck withName) throws CertificateException {
            if (pinnedMatches(chain)) {
                return;
            }
            try {
                authorities().checkServerTrusted(chain, authType);
            } catch (CertificateException unknown) {
                throw new UntrustedServerException(new TrustProblem.FirstSight(host, port,
                        TrustProblem.fingerprint(chain[0]), chain[0].getSubjectX500Principal().getName()), unknown);
            }
            try {
                withName.check();
            } catch (CertificateException mismatch) {
                throw new UntrustedServerException(new TrustProblem.WrongName(host, port, mismatch.getMessage()),
                        mismatch);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            // Without a socket there is no hostname to check: never used for the server side of a client.
            throw new CertificateException("a server's certificate is checked with its connection");
        }

        /**
         * True when the certificate is the pinned one. A pin is for this exact certificate: one that differs is
         * refused even if an authority vouches for it, so a pin cannot be bypassed by a mis-issued certificate.
         */
        private boolean pinnedMatches(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            Optional<String> pinned;
            try {
                pinned = known == null ? Optional.empty() : known.pinned(host, port);
            } catch (RuntimeException e) {
                throw new CertificateException("cannot read the pinned certificates", e);
            }
            if (pinned.isEmpty()) {
                return false;
            }
            String presented = TrustProblem.fingerprint(chain[0]);
            if (pinned.get().equals(presented)) {
                return true;
            }
            throw new UntrustedServerException(new TrustProblem.Changed(host, port, pinned.get(), presented), null);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("the client does not accept connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("the client does not accept connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the client does not accept connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return authorities().getAcceptedIssuers();
        }
    }
}
