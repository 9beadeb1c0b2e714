package io.ciamportal.security;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.security.internal.AdminChangeLock;
import io.ciamportal.security.internal.UserAccount;
import io.ciamportal.security.internal.UserAccountRepository;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.Roles;
import io.ciamportal.shared.RuleViolationException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User administration: list users, change roles, disable and enable, create local accounts. Admins only. */
@Service
@PreAuthorize(Roles.ADMIN_ONLY)
@Transactional
public class UserAdminService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final UserAccountRepository users;
    private final AuditLog audit;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final AdminChangeLock adminChangeLock;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    UserAdminService(UserAccountRepository users, AuditLog audit, PasswordEncoder passwordEncoder,
            CurrentUser currentUser, AdminChangeLock adminChangeLock, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.adminChangeLock = adminChangeLock;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserSummary> list() {
        return users.findAllOrdered().stream().map(UserAccount::summary).toList();
    }

    @Transactional(readOnly = true)
    public UserSummary get(UUID id) {
        return find(id).summary();
    }

    /** Sets the roles granted in the portal. Roles from the identity provider are not touched. */
    public UserSummary changeRoles(UUID id, Set<PortalRole> portalRoles) {
        lockAdminChanges();
        var account = find(id);
        var before = account.roles();
        var after = EnumSet.noneOf(PortalRole.class);
        after.addAll(portalRoles);
        after.addAll(account.rolesFrom(RoleSource.IDP));
        after.add(PortalRole.VIEWER);
        if (before.contains(PortalRole.ADMIN) && !after.contains(PortalRole.ADMIN) && account.enabled()) {
            refuseIfLastAdmin(account, AuditAction.USER_ROLES_CHANGED, "remove the admin role from");
        }
        account.assignPortalRoles(portalRoles);
        users.flush();
        audit.record(AuditEvent.success(AuditAction.USER_ROLES_CHANGED, AuditTarget.USER, id.toString(),
                Map.of("roles", before), Map.of("roles", account.roles())));
        if (!before.equals(account.roles())) {
            events.publishEvent(new RolesChanged(account.id(), Set.copyOf(before), Set.copyOf(account.roles())));
        }
        return account.summary();
    }

    public UserSummary disable(UUID id) {
        lockAdminChanges();
        var account = find(id);
        if (account.id().equals(currentUser.require().userId())) {
            throw deny(account, AuditAction.USER_DISABLED, "You cannot disable your own account.");
        }
        if (!account.enabled()) {
            throw new RuleViolationException(account.displayName() + " is already disabled.");
        }
        if (account.roles().contains(PortalRole.ADMIN)) {
            refuseIfLastAdmin(account, AuditAction.USER_DISABLED, "disable");
        }
        account.disable();
        users.flush();
        audit.record(AuditEvent.success(AuditAction.USER_DISABLED, AuditTarget.USER, id.toString(), Map.of("enabled", true), Map.of("enabled", false)));
        return account.summary();
    }

    public UserSummary enable(UUID id) {
        var account = find(id);
        if (account.enabled()) {
            throw new RuleViolationException(account.displayName() + " is already enabled.");
        }
        account.enable();
        users.flush();
        audit.record(AuditEvent.success(AuditAction.USER_ENABLED, AuditTarget.USER, id.toString(), Map.of("enabled", false), Map.of("enabled", true)));
        return account.summary();
    }

    /** Creates a local account; the password must be at least {@value #MIN_PASSWORD_LENGTH} characters. */
    public UserSummary createLocalUser(String username, String displayName, @Nullable String email, String password,
            Set<PortalRole> roles) {
        String name = validUsername(username);
        String shown = displayName.strip();
        if (shown.isEmpty() || shown.length() > 200) {
            throw new InvalidInputException("displayName", "Enter a display name of at most 200 characters.");
        }
        String mail = email == null || email.isBlank() ? null : email.strip();
        if (mail != null && (!EMAIL.matcher(mail).matches() || mail.length() > 320)) {
            throw new InvalidInputException("email", "Enter a valid email address, or leave it empty.");
        }
        validPassword(password);
        if (users.findLocal(name).isPresent()) {
            throw new InvalidInputException("username", "The username " + name + " is taken.");
        }
        var account = users.save(UserAccount.local(name, shown, mail, passwordEncoder.encode(password), roles, clock.instant()));
        users.flush();
        audit.record(AuditEvent.success(AuditAction.USER_CREATED, AuditTarget.USER, account.id().toString(), null,
                details(account)));
        return account.summary();
    }

    /** Sets a new password for a local account. */
    public void resetPassword(UUID id, String newPassword) {
        var account = find(id);
        if (account.authSource() != AuthSource.LOCAL) {
            throw new RuleViolationException(account.displayName() + " signs in through the identity provider and has no portal password.");
        }
        validPassword(newPassword);
        account.changePassword(passwordEncoder.encode(newPassword));
        users.flush();
        audit.record(AuditEvent.success(AuditAction.USER_PASSWORD_RESET, AuditTarget.USER, id.toString(), null, Map.of("password", "changed")));
    }

    static String validUsername(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("username",
                    "Use 2 to 63 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.");
        }
        return name;
    }

    static void validPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "Use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > 128) {
            throw new InvalidInputException("password", "Use at most 128 characters.");
        }
    }

    static Map<String, Object> details(UserAccount account) {
        var map = new LinkedHashMap<String, Object>();
        map.put("username", account.username());
        map.put("displayName", account.displayName());
        map.put("authSource", account.authSource());
        map.put("roles", account.roles());
        map.put("enabled", account.enabled());
        return map;
    }

    private UserAccount find(UUID id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("No user with id " + id + "."));
    }

    private void lockAdminChanges() {
        adminChangeLock.acquire();
    }

    private void refuseIfLastAdmin(UserAccount account, AuditAction action, String verb) {
        long otherAdmins = users.findAll().stream()
                .filter(u -> u.enabled() && !u.id().equals(account.id()) && u.roles().contains(PortalRole.ADMIN))
                .count();
        if (otherAdmins == 0) {
            throw deny(account, action, "You cannot " + verb + " " + account.displayName()
                    + ": the portal needs at least one enabled admin.");
        }
    }

    private RuleViolationException deny(UserAccount account, AuditAction action, String message) {
        audit.recordIndependently(AuditEvent.denied(action, AuditTarget.USER, account.id().toString(), message));
        return new RuleViolationException(message);
    }
}
