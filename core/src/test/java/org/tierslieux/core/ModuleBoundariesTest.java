package org.tierslieux.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/** Core stands alone: it never reaches into billing, coworking or the application, and never reads the wall clock. */
@AnalyzeClasses(packages = "org.tierslieux.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule core_knows_nothing_of_the_modules_built_on_it = noClasses()
            .that()
            .resideInAPackage("org.tierslieux.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.tierslieux.billing..", "org.tierslieux.coworking..", "org.tierslieux.server..");

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock = noClasses()
            .that()
            .resideInAPackage("org.tierslieux.core..")
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .because("\"now\" comes from the injected Clock, so that tests can move it");
}
