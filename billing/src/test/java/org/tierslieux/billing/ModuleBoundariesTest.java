package org.tierslieux.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Billing builds on core only: coworking plugs into billing, never the reverse. */
@AnalyzeClasses(packages = "org.tierslieux", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule billing_does_not_know_coworking = noClasses()
            .that()
            .resideInAPackage("org.tierslieux.billing..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.tierslieux.coworking..", "org.tierslieux.server..")
            .allowEmptyShould(true);
}
