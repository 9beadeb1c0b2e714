package io.ciamportal.security;

import io.ciamportal.security.internal.UserAccount;
import io.ciamportal.security.internal.UserAccountRepository;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is who, for features that refer to people by id (migration members, plan owners). Read-only. Only feature
 * services call it, after their own rules decided what the caller may see; views and controllers cannot reach it
 * ({@code ArchitectureTest}), and it answers signed-in callers only.
 */
@Component
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class PeopleDirectory {

    private final UserAccountRepository users;

    PeopleDirectory(UserAccountRepository users) {
        this.users = users;
    }

    /** A person by username, case-insensitively; local accounts first, then accounts from the identity provider. */
    public Optional<Person> byUsername(String username) {
        String wanted = username == null ? "" : username.strip();
        return users.findByUsernameAnySource(wanted).stream().findFirst().map(PeopleDirectory::person);
    }

    public Optional<Person> byId(UUID id) {
        return users.findById(id).map(PeopleDirectory::person);
    }

    public Map<UUID, Person> byIds(Collection<UUID> ids) {
        var result = new LinkedHashMap<UUID, Person>();
        if (ids.isEmpty()) {
            return result;
        }
        users.findAllWithGrants(Set.copyOf(ids)).forEach(u -> result.put(u.id(), person(u)));
        return result;
    }

    /** Everyone who can sign in, by name. */
    public List<Person> enabled() {
        return users.findAllOrdered().stream().filter(UserAccount::enabled).map(PeopleDirectory::person).toList();
    }

    private static Person person(UserAccount u) {
        return new Person(u.id(), u.username(), u.displayName(), u.roles(), u.enabled());
    }
}
