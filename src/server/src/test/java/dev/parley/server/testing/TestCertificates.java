package dev.parley.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates made fresh for a test with the JDK's keytool, in a temp directory: nothing private is committed.
 * Each comes as a PKCS12 store and as the PEM pair (chain, PKCS#8 key) an operator would have.
 */
public final class TestCertificates {
    private static final String KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    private TestCertificates() {
    }

    /** One certificate and its key, in both file forms. {@code chain} starts with the certificate itself. */
    public record Issued(String alias, Path pkcs12, char[] password, Path certificatePem, Path keyPem, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    /**
     * A self-signed server certificate, as self-hosted servers have; {@code names} are keytool SAN entries such as
     * {@code dns:localhost,ip:127.0.0.1}.
     */
    public static Issued selfSigned(Path dir, String alias, String names) {
        Path store = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias,
                "-ext", "SAN=" + names, "-validity", "30", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "test-pass", "-keypass", "test-pass");
        return exported(dir, alias, store);
    }

    /** A certificate authority of the test's own, to put in a trust store in place of the JDK's. */
    public static Issued authority(Path dir, String alias) {
        Path store = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + alias + " Test CA", "-ext", "bc:c", "-validity", "30", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "test-pass", "-keypass", "test-pass");
        return exported(dir, alias, store);
    }

    /** A server certificate for {@code names}, signed by {@code authority}; its chain ends with the authority. */
    public static Issued issuedBy(Issued authority, Path dir, String alias, String names) {
        Issued own = selfSigned(dir, alias, names);
        Path request = dir.resolve(alias + ".csr");
        Path signed = dir.resolve(alias + "-signed.pem");
        keytool("-certreq", "-alias", alias, "-keystore", own.pkcs12().toString(), "-storepass", "test-pass",
                "-file", request.toString());
        keytool("-gencert", "-alias", authority.alias(), "-keystore", authority.pkcs12().toString(),
                "-storepass", "test-pass", "-infile", request.toString(), "-outfile", signed.toString(),
                "-ext", "SAN=" + names, "-validity", "30", "-rfc");
        try {
            X509Certificate leaf;
            try (InputStream in = Files.newInputStream(signed)) {
                leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            List<X509Certificate> chain = List.of(leaf, authority.certificate());
            KeyStore store = load(own.pkcs12());
            PrivateKey key = (PrivateKey) store.getKey(alias, own.password());
            store.setKeyEntry(alias, key, own.password(), chain.toArray(Certificate[]::new));
            try (OutputStream out = Files.newOutputStream(own.pkcs12())) {
                store.store(out, own.password());
            }
            writePem(own.certificatePem(), chain);
            return new Issued(alias, own.pkcs12(), own.password(), own.certificatePem(), own.keyPem(), chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context that trusts exactly these certificates (and nothing of the JDK's). */
    public static SSLContext trusting(X509Certificate... anchors) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(anchors).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trust managers for exactly these anchors. */
    public static TrustManagerFactory trustManagers(X509Certificate... anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.length; i++) {
                store.setCertificateEntry("anchor-" + i, anchors[i]);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Issued exported(Path dir, String alias, Path storeFile) {
        try {
            char[] password = "test-pass".toCharArray();
            KeyStore store = load(storeFile);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) certificate);
            }
            Path certificatePem = dir.resolve(alias + "-chain.pem");
            Path keyPem = dir.resolve(alias + "-key.pem");
            writePem(certificatePem, chain);
            Files.writeString(keyPem, pem("PRIVATE KEY", store.getKey(alias, password).getEncoded()),
                    StandardCharsets.US_ASCII);
            return new Issued(alias, storeFile, password, certificatePem, keyPem, List.copyOf(chain));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path storeFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(storeFile)) {
            store.load(in, "test-pass".toCharArray());
        }
        return store;
    }

    private static void writePem(Path file, List<X509Certificate> chain) throws IOException,
            GeneralSecurityException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : chain) {
            text.append(pem("CERTIFICATE", certificate.getEncoded()));
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** The PEM text of one DER block. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(KEYTOOL));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
