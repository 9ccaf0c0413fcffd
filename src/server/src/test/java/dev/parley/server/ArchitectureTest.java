package dev.parley.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN §1, held by the build. */
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule protocolHasNoUiStorageOrServer = noClasses()
            .that().resideInAPackage("dev.parley.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                    "dev.parley.server..", "dev.parley.client..", "org.java_websocket..");

    /** Pixel buffers ({@code java.awt.image}) are allowed: ImageIO decodes uploads into them, headless. */
    @ArchTest
    static final ArchRule serverHasNoUi = noClasses()
            .that().resideInAPackage("dev.parley.server..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.parley.client..")
            .orShould().dependOnClassesThat(resideInAPackage("java.awt..").and(not(resideInAPackage("java.awt.image"))));

    /** Pixels (java.awt.image, javax.imageio) are for checking uploads and re-encoding avatars, in two places. */
    @ArchTest
    static final ArchRule onlyImageCheckersTouchPixels = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.parley.server.profile.AvatarImages")
            .and().doNotHaveFullyQualifiedName("dev.parley.server.media.ContentCheck")
            .and().resideInAPackage("dev.parley.server..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt.image..", "javax.imageio..");

    @ArchTest
    static final ArchRule servicesDoNotTouchTheDatabaseDirectly = noClasses()
            .that().resideInAnyPackage("dev.parley.server.auth..", "dev.parley.server.chat..",
                    "dev.parley.server.net..", "dev.parley.server.bus..", "dev.parley.server.safety..",
                    "dev.parley.server.media..", "dev.parley.server.profile..", "dev.parley.server.social..",
                    "dev.parley.server.outreach..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                    "dev.parley.server.store.sqlite..", "dev.parley.server.store.jdbc..");

    @ArchTest
    static final ArchRule onlyTheTransportKnowsJavaWebSocket = noClasses()
            .that().resideOutsideOfPackage("dev.parley.server.net..")
            .should().dependOnClassesThat().resideInAPackage("org.java_websocket..");
}
