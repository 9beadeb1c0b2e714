package io.ciamportal.security;

import io.ciamportal.audit.UserNames;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Names the accounts for the audit view, through the user administration and its admin-only rule. */
@Component
class AuditUserNames implements UserNames {

    private final UserAdminService users;

    AuditUserNames(UserAdminService users) {
        this.users = users;
    }

    @Override
    public Map<String, String> byId() {
        return users.list().stream().collect(Collectors.toMap(u -> u.id().toString(), UserSummary::displayName));
    }
}
