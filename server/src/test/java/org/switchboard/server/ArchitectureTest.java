package org.switchboard.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules Maven cannot enforce (architecture.md): the server module sees every
 * module's classes, so the rules are checked here over all production code.
 */
@AnalyzeClasses(packages = "org.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sqlOnlyInStore = noClasses()
            .that().resideOutsideOfPackage("org.switchboard.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jdbi..")
            .because("every line of SQL lives in the store module");

    @ArchTest
    static final ArchRule javalinOnlyInApiAndServer = noClasses()
            .that().resideOutsideOfPackages("org.switchboard.api..", "org.switchboard.server..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..")
            .because("HTTP concerns live in the api module");

    @ArchTest
    static final ArchRule jacksonOnlyInApiServerAndStoreBackup = noClasses()
            .that().resideOutsideOfPackages("org.switchboard.api..", "org.switchboard.server..", "org.switchboard.store.backup..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
            .because("JSON shapes belong to the api; the store uses Jackson only for backup archives");

    @ArchTest
    static final ArchRule nettyNotInPbxStoreOrApi = noClasses()
            .that().resideInAnyPackage("org.switchboard.pbx..", "org.switchboard.store..", "org.switchboard.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
            .because("Netty is the transport of sip and media; the PBX uses their types");

    @ArchTest
    static final ArchRule pbxFeaturesFreeOfCycles = slices()
            .matching("org.switchboard.pbx.(*)..")
            .should().beFreeOfCycles();
}
