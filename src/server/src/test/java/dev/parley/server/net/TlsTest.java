package dev.parley.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.protocol.Request;
import dev.parley.server.Main;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.TestCertificates;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TlsTest extends ServerTest {
    @TempDir
    static Path certificates;
    static TestCertificates.Issued localhost;
    static TestCertificates.Issued stranger;

    @BeforeAll
    static void makeCertificates() {
        localhost = TestCertificates.selfSigned(certificates, "localhost", "dns:localhost,ip:127.0.0.1");
        stranger = TestCertificates.selfSigned(certificates, "stranger", "dns:stranger.example");
    }

    @Test
    void servesWssFromAPemCertificateAndKey() throws Exception {
        startServer(TestServers.config(dataDir)
                .tls(ServerCertificate.fromPem(localhost.certificatePem(), localhost.keyPem())).build());

        assertThat(server.uri().getScheme()).isEqualTo("wss");
        registersAndResumesOverTls();
    }

    @Test
    void servesWssFromAPkcs12Store() throws Exception {
        startServer(TestServers.config(dataDir)
                .tls(ServerCertificate.fromPkcs12(localhost.pkcs12(), localhost.password())).build());

        registersAndResumesOverTls();
    }

    private void registersAndResumesOverTls() {
        WireClient alice = track(WireClient.connect(server.uri(), TestCertificates.trusting(localhost.certificate())));
        String token = alice.ok(new Request.Register("alice", "Alice", "password-alice", "test")).get("token").asText();
        WireClient again = track(WireClient.connect(server.uri(), TestCertificates.trusting(localhost.certificate())));
        assertThat(again.ok(new Request.Hello(1, token)).get("user").get("handle").asText()).isEqualTo("alice");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        startServer(TestServers.config(dataDir)
                .tls(ServerCertificate.fromPem(localhost.certificatePem(), localhost.keyPem())).build());

        assertThatThrownBy(() -> WireClient.connect(server.uri(), TestCertificates.trusting(stranger.certificate())))
                .isInstanceOf(CompletionException.class)
                .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
    }

    @Test
    void speaksTls13AndAcceptsTls12AndSurvivesPeersThatLeaveAfterTheHandshake() throws Exception {
        startServer(TestServers.config(dataDir)
                .tls(ServerCertificate.fromPem(localhost.certificatePem(), localhost.keyPem())).build());

        for (int round = 0; round < 5; round++) {
            assertThat(handshake(null)).isEqualTo("TLSv1.3");
            assertThat(handshake("TLSv1.2")).isEqualTo("TLSv1.2");
        }
        registersAndResumesOverTls();
    }

    private String handshake(String only) throws Exception {
        try (SSLSocket socket = (SSLSocket) TestCertificates.trusting(localhost.certificate()).getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            if (only != null) {
                socket.setEnabledProtocols(new String[] {only});
            }
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateStopsStartUpNamingBothFiles() {
        String error = refusedStart("--tls-cert", localhost.certificatePem().toString(),
                "--tls-key", stranger.keyPem().toString());

        assertThat(error).contains("does not belong to the certificate", stranger.keyPem().toString(),
                localhost.certificatePem().toString());
    }

    @Test
    void aMissingCertificateFileStopsStartUp() {
        Path missing = certificates.resolve("missing.pem");
        assertThat(refusedStart("--tls-cert", missing.toString(), "--tls-key", localhost.keyPem().toString()))
                .contains(missing + ": no such file");
    }

    @Test
    void aFileThatIsNotPemStopsStartUp() {
        // The PKCS12 store given as if it were the PEM certificate.
        assertThat(refusedStart("--tls-cert", localhost.pkcs12().toString(), "--tls-key",
                localhost.keyPem().toString())).contains(localhost.pkcs12() + ": not a PEM file");
    }

    @Test
    void aKeyFileWithoutAKeyStopsStartUp() {
        assertThat(refusedStart("--tls-cert", localhost.certificatePem().toString(), "--tls-key",
                localhost.certificatePem().toString())).contains("no private key in it");
    }

    @Test
    void anOldFormatRsaKeyIsRefusedWithHowToConvertIt() throws Exception {
        Path pkcs1 = certificates.resolve("old-rsa.pem");
        Files.writeString(pkcs1, TestCertificates.pem("RSA PRIVATE KEY", new byte[] {48, 3, 2, 1, 0}));

        assertThat(refusedStart("--tls-cert", localhost.certificatePem().toString(), "--tls-key", pkcs1.toString()))
                .contains("old RSA format", "openssl pkcs8 -topk8");
    }

    @Test
    void aWrongPkcs12PasswordStopsStartUp() {
        assertThat(refusedStart("--tls-cert", localhost.pkcs12().toString(), "--tls-key-password", "not-it"))
                .contains(localhost.pkcs12() + ": wrong password");
    }

    @Test
    void aKeyWithoutACertificateStopsStartUp() {
        assertThat(refusedStart("--tls-key", localhost.keyPem().toString()))
                .contains("--tls-key needs --tls-cert");
    }

    /** Runs the server's command line, which must fail before touching its data; returns what it printed. */
    private String refusedStart(String... tlsOptions) {
        Path data = dataDir.resolve("never-created");
        List<String> arguments = new ArrayList<>(List.of("--port", "0", "--data", data.toString()));
        arguments.addAll(List.of(tlsOptions));
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setErr(new PrintWriter(err, true)).execute(arguments.toArray(
                String[]::new));
        assertThat(exit).as("exit code; printed: %s", err).isNotZero();
        assertThat(err.toString()).startsWith("parley-server: cannot serve TLS: ").doesNotContain("\tat ");
        assertThat(data).doesNotExist();
        return err.toString();
    }

    @Test
    void theDataDirectoryIsCreatedForTheServersUserOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path data = dataDir.resolve("fresh").resolve("data");
        startServer(TestServers.config(data).build());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(data.resolve(dev.parley.server.store.sqlite.SqliteDatabase.FILE_NAME)).exists();
    }
}
