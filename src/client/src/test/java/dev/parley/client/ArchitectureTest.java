package dev.parley.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The client's layering (DESIGN §1 and §4), held by the build. */
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule onlyTheLauncherUsesTheServer = noClasses()
            .that().resideInAPackage("dev.parley.client..")
            .and().resideOutsideOfPackage("dev.parley.client.launcher..")
            .should().dependOnClassesThat().resideInAPackage("dev.parley.server..");

    @ArchTest
    static final ArchRule coreLayersHaveNoUi = noClasses()
            .that().resideInAnyPackage("dev.parley.client.net..", "dev.parley.client.store..",
                    "dev.parley.client.sync..", "dev.parley.client.model..", "dev.parley.client.account..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "dev.parley.client.ui..");

    /** Picture work runs on background threads and is tested without a toolkit, so it uses AWT images only. */
    @ArchTest
    static final ArchRule mediaHasNoJavaFx = noClasses()
            .that().resideInAPackage("dev.parley.client.media..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.parley.client.ui..");

    /** The emoji catalogue and text segmentation are plain data, tested and loaded without a toolkit. */
    @ArchTest
    static final ArchRule emojiDataHasNoJavaFx = noClasses()
            .that().resideInAPackage("dev.parley.client.emoji..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.parley.client.ui..");

    @ArchTest
    static final ArchRule protocolHasNoUiOrStorage = noClasses()
            .that().resideInAPackage("dev.parley.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "dev.parley.client..",
                    "dev.parley.server..");

    @ArchTest
    static final ArchRule serverHasNoUi = noClasses()
            .that().resideInAPackage("dev.parley.server..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.parley.client..");

    @ArchTest
    static final ArchRule onlyTheStoreTalksSql = noClasses()
            .that().resideInAPackage("dev.parley.client..")
            .and().resideOutsideOfPackage("dev.parley.client.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..");
}
