package org.concord.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Core's package map (docs/packages.md), checked on the compiled main classes: the top-level packages form a DAG,
 * JavaFX never enters core, and each piece of infrastructure (Redis, DJL, the Binance adapter) is used only where the
 * map puts it, so the pure domain never imports it.
 */
class PackageMapTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.concord");
    }

    @Test
    void theTopLevelPackagesFormADag() {
        ArchRule rule = slices().matching("org.concord.(*)..").should().beFreeOfCycles();
        rule.check(core);
    }

    @Test
    void coreNeverImportsJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.openjfx..", "io.fair_acc..").check(core);
    }

    @Test
    void theValueTypesDependOnNothingButEachOtherAndTheJdk() {
        classes().that().resideInAnyPackage("org.concord.model..", "org.concord.quality..", "org.concord.indicators..", "org.concord.instrument..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", "org.concord.model..", "org.concord.quality..",
                        "org.concord.indicators..", "org.concord.instrument..")
                .check(core);
    }

    @Test
    void redisStaysInTheBusAdapter() {
        noClasses().that().resideOutsideOfPackage("org.concord.bus.redis..").should().dependOnClassesThat().resideInAPackage("redis.clients..")
                .check(core);
    }

    @Test
    void djlStaysInTheTrainingModels() {
        noClasses().that().resideOutsideOfPackage("org.concord.training.models..").should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(core);
    }

    @Test
    void theBinanceAdapterIsReachedOnlyFromTheConfigurationAndTheComposition() {
        noClasses().that().resideOutsideOfPackages("org.concord.feed.binance..", "org.concord.execution.binance..", "org.concord.config..",
                        "org.concord.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.concord.feed.binance..", "org.concord.execution.binance..")
                .check(core);
    }

    /** Every background thread is a named daemon from {@code threads.Daemons}: no hand-written thread setup elsewhere. */
    @Test
    void threadsAreMadeOnlyByTheDaemonsFactory() {
        noClasses().that().resideOutsideOfPackage("org.concord.threads..")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().callConstructor(Thread.class, String.class)
                .check(core);
    }
}
