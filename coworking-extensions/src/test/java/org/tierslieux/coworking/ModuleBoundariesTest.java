package org.tierslieux.coworking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Coworking plugs into core and billing through their extension points, and knows nothing of the application. */
@AnalyzeClasses(packages = "org.tierslieux", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule coworking_does_not_know_the_application = noClasses()
            .that()
            .resideInAPackage("org.tierslieux.coworking..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.tierslieux.server..");
}
