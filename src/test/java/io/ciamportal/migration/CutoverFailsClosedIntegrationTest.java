package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.audit.AuditLog;
import io.ciamportal.migration.internal.PlanItemRepository;
import io.ciamportal.security.RunAs;
import io.ciamportal.shared.RuleViolationException;
import io.ciamportal.testsupport.PortalTestBase;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Without a cutover guard the cutover item stays blocked: the plan fails closed, never open. */
@Tag("integration")
class CutoverFailsClosedIntegrationTest extends PortalTestBase {

    @Autowired
    PlanItemRepository planItems;

    @Autowired
    MigrationLoader loader;

    @Autowired
    MigrationAssembler assembler;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    MigrationService migrations;

    @Autowired
    RunAs runAs;

    @Autowired
    PlanDates dates;

    @Autowired
    MigrationSides sides;

    @Test
    void aMissingCutoverGuardBlocksTheCutoverItem() {
        var noGuard = new StaticListableBeanFactory().getBeanProvider(CutoverGuard.class);
        var plan = new MigrationPlanService(planItems, loader, assembler, audit, clock, noGuard, dates, sides);
        runAs.run("analyst", () -> {
            var created = migrations.create(new MigrationViews.NewMigration("Fail closed: Auth0 to Ory", "auth0", "ory", Inventory.empty(), List.of()));
            var cutover = created.plan().get(4).items().stream().filter(MigrationViews.PlanItemView::cutover).findFirst().orElseThrow();
            assertThatThrownBy(() -> plan.setPlanItemDone(created.summary().id(), cutover.id(), cutover.version(), true))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("stays blocked");
            var after = migrations.get(created.summary().id()).plan().get(4).items().stream().filter(MigrationViews.PlanItemView::cutover)
                    .findFirst().orElseThrow();
            assertThat(after.done()).isFalse();
        });
    }
}
