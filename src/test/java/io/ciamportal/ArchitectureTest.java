package io.ciamportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.WebComponentExporter;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.annotation.EnableVaadin;
import io.ciamportal.audit.AuditQueryService;
import io.ciamportal.migration.MigrationRecordsService;
import io.ciamportal.security.PeopleDirectory;
import io.ciamportal.security.RunAs;
import io.ciamportal.shared.ui.PortalShell;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.access.prepost.PreFilter;
import org.springframework.security.authorization.method.AuthorizeReturnObject;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/** Module boundaries and default-deny rules, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // without the classes Spring AOT generates at package time (bean definitions, CGLIB proxies): they call what
        // the beans call, on the beans' behalf
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
                .importPackages("io.ciamportal");
    }

    @Test
    void featuresAreFreeOfCyclesWithTheirViewsAndApisIncluded() {
        slices().matching("io.ciamportal.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theVendorIndexDoesNotKnowTheFeaturesBuiltOnIt() {
        // the selector builds on the vendor index; the profile shows the selector's alternatives through
        // VendorProfileTab, so nothing in vendor (views and API included) depends on the selector
        noClasses().that().resideInAPackage("io.ciamportal.vendor..")
                .should().dependOnClassesThat().resideInAPackage("io.ciamportal.selector..")
                .check(classes);
    }

    @Test
    void onlyUserInterfaceCodeUsesVaadin() {
        noClasses().that().resideOutsideOfPackages("..ui..", "io.ciamportal")
                .and().doNotHaveSimpleName("SecurityConfig")
                .and().doNotHaveSimpleName("SignInFailureHandler")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .because("services and domain code stay free of UI types; views call services, not the other way round")
                .check(classes);
    }

    @Test
    void nothingButUserInterfaceCodeDependsOnViews() {
        noClasses().that().resideOutsideOfPackages("..ui..", "io.ciamportal")
                .and().doNotHaveSimpleName("SecurityConfig")
                .and().doNotHaveSimpleName("SignInFailureHandler")
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void viewsDoNotTouchRepositoriesOrTheDatabase() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(classes);
    }

    @Test
    void everyServiceChecksPermissionsItself() {
        classes().that().areAnnotatedWith(Service.class)
                .and().doNotHaveSimpleName("AuditLog")
                .should().beAnnotatedWith(PreAuthorize.class)
                .because("default deny: a service without a rule is a hole (AuditLog is only called by other services)")
                .check(classes);
    }

    @Test
    void everyApiControllerDeclaresWhoMayCallIt() {
        classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().beAnnotatedWith(PreAuthorize.class)
                .because("the UI chain lets any signed-in user reach a controller; its own rule must narrow that")
                .check(classes);
    }

    @Test
    void everyRouteDeclaresWhoMayOpenIt() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .check(classes);
    }

    @Test
    void vaadinFindsEveryViewLayoutErrorViewAndTheShellInTheUiPackagesItScans() {
        // Vaadin looks only in Application's @EnableVaadin packages (and below): a view elsewhere would be a 404
        String[] scanned = Arrays.stream(Application.class.getAnnotation(EnableVaadin.class).value())
                .map(pkg -> pkg + "..").toArray(String[]::new);
        classes().that().areAnnotatedWith(Route.class)
                .or().areAnnotatedWith(RouteAlias.class)
                .or().areAnnotatedWith(Layout.class)
                .or().areAssignableTo(HasErrorParameter.class)
                .or().areAssignableTo(AppShellConfigurator.class)
                .or().areAssignableTo(WebComponentExporter.class)
                .should().resideInAnyPackage(scanned)
                .because("these are the packages Vaadin reads at start (reading all of the portal's classes slowed every start)")
                .check(classes);
        assertThat(classes.get(PortalShell.class).getPackageName() + "..").isIn((Object[]) scanned);
    }

    @Test
    void methodSecurityRulesArePreAuthorizeOnly() {
        // MethodSecurityConfig enforces @PreAuthorize alone: any other method-security annotation would be ignored
        List<Class<? extends Annotation>> ignored = List.of(
                PostAuthorize.class, PreFilter.class,
                PostFilter.class, Secured.class,
                AuthorizeReturnObject.class);
        for (var annotation : ignored) {
            noClasses().should().beAnnotatedWith(annotation).check(classes);
            noMethods().should().beAnnotatedWith(annotation).check(classes);
        }
        // @RolesAllowed and @PermitAll guard navigation to views (Vaadin's access checker), nothing else
        noClasses().that().areNotAssignableTo(Component.class)
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .check(classes);
        noMethods().should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class).check(classes);
    }

    /** Who is who is for services that decided what the caller may see, never for views or controllers. */
    static final ArchRule PEOPLE_DIRECTORY_ONLY_FOR_SERVICES = noClasses().that().resideInAnyPackage("..ui..", "..api..")
            .should().dependOnClassesThat().areAssignableTo(PeopleDirectory.class)
            .because("views and controllers see people only through a service that checked membership first");

    /** Acting as someone else is for the demo data starters at start-up. */
    static final ArchRule RUN_AS_ONLY_FOR_DEMO_DATA = noClasses().that().haveSimpleNameNotStartingWith("Demo")
            .and().doNotBelongToAnyOf(RunAs.class)
            .should().dependOnClassesThat().areAssignableTo(RunAs.class)
            .because("only start-up demo data runs as a portal account");

    /** A target's whole trail is read only after the migration's own membership check. */
    static final ArchRule TRAIL_ONLY_AFTER_THE_MEMBERSHIP_CHECK = noClasses().that().doNotBelongToAnyOf(MigrationRecordsService.class)
            .should().callMethod(AuditQueryService.class, "trailAuthorizedByCaller", String.class, String.class)
            .because("the caller decides who may read the trail; only the migration records service does so");

    @Test
    void beansWithoutTheirOwnRuleAreReachableOnlyFromTheirIntendedCallers() {
        PEOPLE_DIRECTORY_ONLY_FOR_SERVICES.check(classes);
        RUN_AS_ONLY_FOR_DEMO_DATA.check(classes);
        TRAIL_ONLY_AFTER_THE_MEMBERSHIP_CHECK.check(classes);
    }

    @Test
    void theReachabilityRulesCatchAViewThatOverreaches() {
        var overreaching = new ClassFileImporter().importPackages("archfixture");
        assertThat(overreaching).isNotEmpty();
        for (ArchRule rule : List.of(PEOPLE_DIRECTORY_ONLY_FOR_SERVICES, RUN_AS_ONLY_FOR_DEMO_DATA, TRAIL_ONLY_AFTER_THE_MEMBERSHIP_CHECK)) {
            assertThatThrownBy(() -> rule.check(overreaching)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void theExportAnalyserReachesTheJdkJacksonAndThePortalsOwnClassesOnly() {
        // JarMain runs analyse-export on a class loader of the jar's own classes and these nested jars, nothing else
        assertThat(io.ciamportal.shared.JarMain.ANALYSER_LIBRARIES)
                .containsExactly("jackson-core-3.", "jackson-databind-3.", "jackson-annotations-");
        var elsewhere = new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>(
                "a class of neither the JDK, Jackson 3 and its annotations nor the portal (annotations aside: unread)") {
            @Override
            public boolean test(com.tngtech.archunit.core.domain.JavaClass type) {
                var c = type.getBaseComponentType();
                if (c.isPrimitive() || c.isAnnotation()) {
                    return false;
                }
                String name = c.getName();
                return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
                        || name.startsWith("org.w3c.") || name.startsWith("org.xml.") || name.startsWith("tools.jackson.")
                        || name.startsWith("com.fasterxml.jackson.annotation.") || name.startsWith("io.ciamportal."));
            }
        };
        noClasses().that().belongToAnyOf(io.ciamportal.exports.ExportCommand.class)
                .should().transitivelyDependOnClassesThat(elsewhere)
                .because("the packaged jar runs the analyser without Spring Boot's launcher (JarMain.CommandClassLoader)")
                .check(classes);
    }

    @Test
    void persistenceLivesInEachFeaturesInternalPackage() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class).or().haveSimpleNameEndingWith("Repository")
                .should().resideInAPackage("io.ciamportal.*.internal")
                .because("entities, repositories and stores are the feature's own; Spring Modulith keeps other modules out of internal")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.ciamportal.*.internal")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..",
                        "org.springframework.data..", "org.hibernate..")
                .because("services speak to the database only through their feature's internal stores and repositories")
                .check(classes);
    }

    @Test
    void viewsAndControllersGoThroughServicesNotInternals() {
        noClasses().that().resideInAnyPackage("..ui..", "..api..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .check(classes);
    }
}
