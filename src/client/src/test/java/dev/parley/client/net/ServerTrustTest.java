package dev.parley.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.client.account.SavedSession;
import dev.parley.client.account.SignInService;
import dev.parley.client.testing.TestServer;
import dev.parley.protocol.Codec;
import dev.parley.server.net.ServerCertificate;
import dev.parley.server.testing.CapturedLogs;
import dev.parley.server.testing.TestCertificates;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parley client's own connector against a real {@code wss://} server, for each way a certificate can be. */
class ServerTrustTest {
    private static final String PASSWORD = "password-for-alice";

    @TempDir
    static Path certificates;
    static TestCertificates.Issued authority;
    static TestCertificates.Issued vouchedFor;
    static TestCertificates.Issued otherName;
    static TestCertificates.Issued selfSigned;

    @TempDir
    Path dir;
    TestServer server;

    @BeforeAll
    static void makeCertificates() {
        authority = TestCertificates.authority(certificates, "authority");
        vouchedFor = TestCertificates.issuedBy(authority, certificates, "vouched", "ip:127.0.0.1,dns:localhost");
        otherName = TestCertificates.issuedBy(authority, certificates, "other", "dns:parley.example");
        selfSigned = TestCertificates.selfSigned(certificates, "self", "ip:127.0.0.1,dns:localhost");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private URI serve(TestCertificates.Issued certificate) throws Exception {
        server = new TestServer(dir.resolve("server"), ServerCertificate.fromPem(certificate.certificatePem(),
                certificate.keyPem()));
        return server.uri();
    }

    /** The trust of a client whose data directory is {@code dir/app}, with the test's authority as the only one. */
    private ServerTrust trust() {
        return ServerTrust.of(KnownServers.in(dir.resolve("app")), TestCertificates.trustManagers(
                authority.certificate()));
    }

    private SavedSession register(URI uri, ServerTrust trust) {
        return new SignInService("test", trust).register(uri, "alice", "Alice", PASSWORD).orTimeout(20,
                TimeUnit.SECONDS).join();
    }

    private TrustProblem refused(URI uri, ServerTrust trust) {
        Throwable failure = catchThrowable(() -> register(uri, trust));
        assertThat(failure).as("the attempt fails").isNotNull();
        assertThat(SignInService.cause(failure)).isInstanceOf(UntrustedServerException.class);
        return ((UntrustedServerException) SignInService.cause(failure)).problem();
    }

    @Test
    void aCertificateAnAuthorityVouchesForWithTheRightNameConnectsWithoutAsking() throws Exception {
        URI uri = serve(vouchedFor);

        assertThat(register(uri, trust()).handle()).isEqualTo("alice");
        assertThat(KnownServers.in(dir.resolve("app")).file()).as("nothing to pin").doesNotExist();
    }

    @Test
    void aCertificateForAnotherNameIsRefusedAsAWrongName() throws Exception {
        URI uri = serve(otherName);

        TrustProblem problem = refused(uri, trust());

        assertThat(problem).isInstanceOf(TrustProblem.WrongName.class);
        assertThat(problem.server()).isEqualTo("127.0.0.1:" + uri.getPort());
        assertThat(KnownServers.in(dir.resolve("app")).file()).doesNotExist();
    }

    @Test
    void aSelfSignedCertificateIsReportedWithItsFingerprintAndConnectsOnceTrusted() throws Exception {
        URI uri = serve(selfSigned);

        TrustProblem problem = refused(uri, trust());
        assertThat(problem).isInstanceOf(TrustProblem.FirstSight.class);
        assertThat(((TrustProblem.FirstSight) problem).fingerprint()).isEqualTo(sha256(selfSigned));
        assertThat(KnownServers.in(dir.resolve("app")).file()).as("nothing pinned without the person").doesNotExist();

        KnownServers.in(dir.resolve("app")).pin("127.0.0.1", uri.getPort(), sha256(selfSigned));
        assertThat(register(uri, trust()).handle()).isEqualTo("alice");
        // The next start of the app: a new trust, reading the pin from disk.
        SavedSession again = new SignInService("test", trust()).signIn(uri, "alice", PASSWORD)
                .orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(again.handle()).isEqualTo("alice");
    }

    @Test
    void aChangedCertificateIsBlockedEvenWhenAnAuthorityVouchesForIt() throws Exception {
        URI uri = serve(vouchedFor);
        KnownServers known = KnownServers.in(dir.resolve("app"));
        known.pin("127.0.0.1", uri.getPort(), sha256(selfSigned));

        TrustProblem problem = refused(uri, trust());

        assertThat(problem).isEqualTo(new TrustProblem.Changed("127.0.0.1", uri.getPort(), sha256(selfSigned),
                sha256(vouchedFor)));
        assertThat(known.pinned("127.0.0.1", uri.getPort())).as("the old pin stays until forgotten")
                .contains(sha256(selfSigned));

        known.forget("127.0.0.1", uri.getPort());
        assertThat(register(uri, trust()).handle()).isEqualTo("alice");
    }

    @Test
    void aConnectionRefusedForItsCertificateWaitsForTheDecisionThenConnects() throws Exception {
        URI uri = serve(selfSigned);
        List<TrustProblem> reported = new CopyOnWriteArrayList<>();
        try (ServerConnection connection = new ServerConnection(uri, new Codec(), new ServerConnection.Listener() {
            @Override
            public void onTrustProblem(TrustProblem problem) {
                reported.add(problem);
            }
        }, trust())) {
            connection.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> !reported.isEmpty());
            assertThat(connection.firstOpen()).isCompletedExceptionally();

            KnownServers.in(dir.resolve("app")).pin("127.0.0.1", uri.getPort(), sha256(selfSigned));
            connection.retryNow();
            await().atMost(Duration.ofSeconds(20)).until(connection::isOpen);
            assertThat(reported).hasSize(1);
        }
    }

    @Test
    void pinsTheSavedSessionAndTheDataDirectoryAreForThisUserOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path data = dir.resolve("fresh").resolve("parley");
        PrivateFiles.createDirectory(data);
        KnownServers.in(data).pin("example.org", 7447, sha256(selfSigned));
        new SavedSession(URI.create("wss://example.org:7447"), "alice", "Alice", "secret-token").save(data);

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(KnownServers.in(data).file())).isEqualTo("rw-------");
        assertThat(permissions(SavedSession.file(data))).isEqualTo("rw-------");
        assertThat(new SavedSession(URI.create("wss://example.org"), "alice", "Alice", "secret-token").toString())
                .as("a session in a log line").doesNotContain("secret-token");
    }

    @Test
    void signingInOverTlsLogsNeitherThePasswordNorTheToken() throws Exception {
        URI uri = serve(vouchedFor);
        SavedSession session;
        SavedSession again;
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            session = register(uri, trust());
            again = new SignInService("test", trust()).signIn(uri, "alice", PASSWORD).orTimeout(20, TimeUnit.SECONDS)
                    .join();
            Throwable wrong = catchThrowable(() -> new SignInService("test", trust()).signIn(uri, "alice",
                    PASSWORD + "-typo").orTimeout(20, TimeUnit.SECONDS).join());
            assertThat(wrong).isNotNull();

            List<String> lines = logs.lines();
            assertThat(lines).isNotEmpty();
            for (String secret : List.of(PASSWORD, session.token(), again.token())) {
                assertThat(lines).noneMatch(line -> line.contains(secret));
            }
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Worked out here, not by the code under test. */
    private static String sha256(TestCertificates.Issued issued) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(issued.certificate().getEncoded());
        return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
    }
}
