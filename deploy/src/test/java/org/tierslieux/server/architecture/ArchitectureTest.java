package org.tierslieux.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.tierslieux.core.people.Access;

/**
 * The whole application, all modules on the class path (each module checks its own arrows): no module reaches
 * into the application, no endpoint answers with an entity or lacks an access rule, no package cycle.
 */
@AnalyzeClasses(packages = "org.tierslieux", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modules_do_not_import_the_application = noClasses()
            .that()
            .resideInAnyPackage("org.tierslieux.core..", "org.tierslieux.billing..", "org.tierslieux.coworking..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.tierslieux.server..");

    @ArchTest
    static final ArchRule api_answers_are_records_never_entities = methods()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage("..api..")
            .and()
            .areAnnotatedWith(GET.class)
            .or()
            .areAnnotatedWith(POST.class)
            .or()
            .areAnnotatedWith(PUT.class)
            .should()
            .notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "an entity", (JavaClass type) -> type.isAnnotatedWith(Entity.class)));

    @ArchTest
    static final ArchRule every_endpoint_says_who_may_call_it = methods()
            .that()
            .areAnnotatedWith(GET.class)
            .or()
            .areAnnotatedWith(POST.class)
            .or()
            .areAnnotatedWith(PUT.class)
            .or()
            .areAnnotatedWith(jakarta.ws.rs.DELETE.class)
            .should(com.tngtech.archunit.lang.conditions.ArchConditions.<com.tngtech.archunit.core.domain.JavaMethod>be(
                    com.tngtech.archunit.base.DescribedPredicate.describe(
                            "governed by an Access rule",
                            method -> hasAccessRule(method.getOwner()) || hasAccessRule(method))));

    @ArchTest
    static final ArchRule only_the_demo_seeding_dates_work_in_the_past = noClasses()
            .that()
            .resideOutsideOfPackages("org.tierslieux.server.demo..", "org.tierslieux.core.kernel..")
            .should()
            .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "dates work with AsOf",
                    (com.tngtech.archunit.core.domain.JavaMethodCall call) ->
                            call.getTargetOwner().isEquivalentTo(org.tierslieux.core.kernel.AsOf.class)
                                    && !call.getName().equals("replaying")))
            .because("work dated in the past skips nothing but \"now\": only the demo's history may date work");

    @ArchTest
    static final ArchRule features_do_not_form_cycles_across_modules =
            slices().matching("org.tierslieux.(*)..").should().beFreeOfCycles();

    private static boolean hasAccessRule(com.tngtech.archunit.core.domain.properties.CanBeAnnotated element) {
        return element.isAnnotatedWith(Access.Public.class)
                || element.isAnnotatedWith(Access.SignedIn.class)
                || element.isAnnotatedWith(Access.NetworkAdmin.class)
                || element.isAnnotatedWith(Access.InPlace.class);
    }
}
