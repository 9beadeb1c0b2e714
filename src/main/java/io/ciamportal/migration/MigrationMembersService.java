package io.ciamportal.migration;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.migration.MigrationViews.Details;
import io.ciamportal.migration.internal.MigrationRepository;
import io.ciamportal.security.PeopleDirectory;
import io.ciamportal.security.Person;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of a migration and their roles in it; the owner and admins manage them. A change is announced in the same
 * transaction, so the gates stop counting the approval of someone who is no longer a reviewer here.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class MigrationMembersService {

    private final MigrationRepository migrations;
    private final MigrationLoader loader;
    private final MigrationAssembler assembler;
    private final PeopleDirectory people;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MigrationMembersService(MigrationRepository migrations, MigrationLoader loader, MigrationAssembler assembler, PeopleDirectory people,
            AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.migrations = migrations;
        this.loader = loader;
        this.assembler = assembler;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public Details putMember(UUID id, String username, MemberRole role) {
        var m = loader.managed(id);
        var person = people.byUsername(username).orElseThrow(() -> new InvalidInputException("username", "No user " + username + "."));
        var before = m.roleOf(person.id());
        m.putMember(person.id(), role, loader.me().userId(), clock.instant());
        migrations.flush();
        audit.record(AuditEvent.success(before.isPresent() ? AuditAction.MIGRATION_MEMBER_ROLE_CHANGED : AuditAction.MIGRATION_MEMBER_ADDED, AuditTarget.MIGRATION,
                id.toString(), before.map(r -> Map.<String, Object>of("member", person.username(), "role", r.name())).orElse(null),
                Map.of("member", person.username(), "role", role.name())));
        if (before.orElse(null) != role) {
            events.publishEvent(new MigrationEvents.MemberChanged(id, person.id(), before.orElse(null), role));
        }
        return assembler.details(m, loader.me());
    }

    public Details removeMember(UUID id, UUID userId) {
        var m = loader.managed(id);
        var role = m.roleOf(userId).orElseThrow(() -> new NotFoundException("This person is not a member."));
        m.removeMember(userId, loader.me().userId(), clock.instant());
        migrations.flush();
        String username = people.byId(userId).map(Person::username).orElse(userId.toString());
        audit.record(AuditEvent.success(AuditAction.MIGRATION_MEMBER_REMOVED, AuditTarget.MIGRATION, id.toString(),
                Map.of("member", username, "role", role.name()), null));
        events.publishEvent(new MigrationEvents.MemberChanged(id, userId, role, null));
        return assembler.details(m, loader.me());
    }

    /** People who could be added as members: everyone enabled who is not a member yet. */
    @Transactional(readOnly = true)
    public List<Person> candidates(UUID id) {
        var m = loader.managed(id);
        var memberIds = new HashSet<UUID>();
        m.members().forEach(x -> memberIds.add(x.userId()));
        return people.enabled().stream().filter(p -> !memberIds.contains(p.id())).toList();
    }
}
