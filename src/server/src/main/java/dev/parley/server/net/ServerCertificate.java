package dev.parley.server.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS identity, read from a PEM certificate chain plus a PKCS#8 private key, or from a PKCS12 store.
 * Every way the files can be wrong is a {@link Problem} whose message names the file and what is wrong with it.
 */
public final class ServerCertificate {
    /** The TLS versions the server speaks; older ones have known weaknesses. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final char[] NO_PASSWORD = new char[0];

    /** The certificate or key cannot be used; the message says which file and why, for the operator. */
    public static final class Problem extends IOException {
        public Problem(String message) {
            super(message);
        }

        Problem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SSLContext context;
    private final X509Certificate leaf;

    private ServerCertificate(PrivateKey key, X509Certificate[] chain) throws Problem {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("parley", key, NO_PASSWORD, chain);
            this.context = contextOf(store, NO_PASSWORD);
        } catch (GeneralSecurityException | IOException e) {
            throw new Problem("cannot set up TLS with this certificate and key: " + e.getMessage(), e);
        }
        this.leaf = chain[0];
    }

    /** TLS context for the server's side of the handshake. */
    public SSLContext context() {
        return context;
    }

    /** The certificate the server presents first (for the start-up log). */
    public X509Certificate leaf() {
        return leaf;
    }

    /** Reads a PEM file of certificates (the server's first, then its issuers) and a PEM file with its key. */
    public static ServerCertificate fromPem(Path certificateFile, Path keyFile) throws Problem {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new Problem("the private key in " + keyFile + " does not belong to the certificate in "
                    + certificateFile + " (" + chain.get(0).getSubjectX500Principal().getName() + ")");
        }
        return new ServerCertificate(key, chain.toArray(X509Certificate[]::new));
    }

    /** Reads a PKCS12 store holding one private key with its certificate chain. */
    public static ServerCertificate fromPkcs12(Path storeFile, char[] password) throws Problem {
        char[] secret = password == null ? NO_PASSWORD : password;
        KeyStore store;
        try (InputStream in = Files.newInputStream(storeFile)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
        } catch (NoSuchFileException e) {
            throw new Problem(storeFile + ": no such file");
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new Problem(storeFile + (wrongPassword
                    ? ": wrong password for this PKCS12 store (give it with --tls-key-password or"
                            + " PARLEY_TLS_KEY_PASSWORD)"
                    : ": not a PKCS12 store (" + e.getMessage() + ")"), e);
        } catch (GeneralSecurityException e) {
            throw new Problem(storeFile + ": cannot read this PKCS12 store (" + e.getMessage() + ")", e);
        }
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new Problem(storeFile + ": expected exactly one private key with its certificate, found "
                        + keys.size());
            }
            PrivateKey key = (PrivateKey) store.getKey(keys.get(0), secret);
            Certificate[] chain = store.getCertificateChain(keys.get(0));
            if (key == null || chain == null || chain.length == 0) {
                throw new Problem(storeFile + ": the key entry has no certificate chain");
            }
            X509Certificate[] x509 = new X509Certificate[chain.length];
            for (int i = 0; i < chain.length; i++) {
                x509[i] = (X509Certificate) chain[i];
            }
            return new ServerCertificate(key, x509);
        } catch (java.security.UnrecoverableKeyException e) {
            throw new Problem(storeFile + ": the key's password differs from the store's; Parley needs them equal",
                    e);
        } catch (GeneralSecurityException e) {
            throw new Problem(storeFile + ": cannot read the key (" + e.getMessage() + ")", e);
        }
    }

    private static SSLContext contextOf(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static List<X509Certificate> certificates(Path file) throws Problem {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (block.type().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(
                            new java.io.ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new Problem(file + ": a certificate in it cannot be read (" + e.getMessage() + ")", e);
        }
        if (chain.isEmpty()) {
            throw new Problem(file + ": no certificate in it (expected -----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) throws Problem {
        for (Block block : blocks(file)) {
            switch (block.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, block.der());
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new Problem(file + ": the key is in the old "
                        + block.type().replace(" PRIVATE KEY", "") + " format; convert it to PKCS#8 with"
                        + " `openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out key.pem`");
                case "ENCRYPTED PRIVATE KEY" -> throw new Problem(file + ": the key is encrypted; give an"
                        + " unencrypted PKCS#8 key readable only by the server's user, or use a PKCS12 store with"
                        + " --tls-key-password");
                default -> {
                    // Certificates or parameters next to the key are allowed; keep looking.
                }
            }
        }
        throw new Problem(file + ": no private key in it (expected -----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws Problem {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // Try the next algorithm.
            }
        }
        throw new Problem(file + ": the private key cannot be read (not an RSA, EC or EdDSA PKCS#8 key)");
    }

    /** Whether the private key signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, PublicKey certified) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "parley key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            if (algorithm.equals("RSASSA-PSS")) {
                signer.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            signer.initVerify(certified);
            signer.update(probe);
            return signer.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws Problem {
        String text;
        try {
            // Latin-1 reads any bytes: a binary file given by mistake is then reported as "not a PEM file".
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new Problem(file + ": no such file");
        } catch (IOException e) {
            throw new Problem(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new Problem(file + ": a " + matcher.group(1) + " block is not valid base64", e);
            }
        }
        if (blocks.isEmpty()) {
            throw new Problem(file + ": not a PEM file (no -----BEGIN ...----- block)");
        }
        return blocks;
    }
}
