package io.ciamportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/** Module boundaries and default-deny rules, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.ciamportal");
    }

    @Test
    void featureCoresAreFreeOfCycles() {
        slices().matching("io.ciamportal.(*)").should().beFreeOfCycles().check(classes);
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
    void entitiesAndRepositoriesStayInsideTheirFeature() {
        classes().that().haveSimpleNameEndingWith("Repository").should().notBePublic().check(classes);
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class).should().notBePublic().check(classes);
    }
}
