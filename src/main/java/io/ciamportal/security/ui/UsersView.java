package io.ciamportal.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ciamportal.security.AuthSource;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PortalRole;
import io.ciamportal.security.SignInOptions;
import io.ciamportal.security.UserAdminService;
import io.ciamportal.security.UserSummary;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.Roles;
import io.ciamportal.shared.RuleViolationException;
import io.ciamportal.shared.ui.Badge;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/** Admin: who can sign in, with which roles; disable and enable accounts; create local accounts. */
@Route(UsersView.ROUTE)
@PageTitle("Users")
@Menu(order = 90, title = "Users", icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
@NamedInterface("routes")
public final class UsersView extends VerticalLayout {

    /** The view's path; a compile-time constant, so that links to it do not load its JavaScript with the linking view. */
    public static final String ROUTE = "admin/users";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserAdminService users;
    private final CurrentUser currentUser;
    private final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);
    private final TextField search = new TextField();
    private List<UserSummary> all = List.of();

    UsersView(UserAdminService users, CurrentUser currentUser, SignInOptions signIn) {
        this.users = users;
        this.currentUser = currentUser;
        addClassName("portal-view");
        setSizeFull();

        search.setPlaceholder("Search by name, username or email");
        search.setAriaLabel("Search users");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> applyFilter());
        search.addClassName("portal-grow");

        var toolbar = new HorizontalLayout(search);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("portal-toolbar");
        if (signIn.localAccounts()) {
            var create = new Button("New local user", VaadinIcon.PLUS.create(), e -> openCreateDialog());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }

        grid.addColumn(UserSummary::displayName).setHeader("Name").setSortable(true).setFlexGrow(2).setAutoWidth(true);
        grid.addColumn(u -> u.authSource() == AuthSource.LOCAL ? u.username() : (u.email() != null ? u.email() : u.username()))
                .setHeader("Sign-in name").setFlexGrow(2);
        grid.addColumn(u -> u.authSource() == AuthSource.LOCAL ? "Local account" : "Single sign-on").setHeader("Source").setAutoWidth(true);
        grid.addComponentColumn(UsersView::roleBadges).setHeader("Roles").setFlexGrow(2);
        grid.addComponentColumn(UsersView::statusBadge).setHeader("Status").setAutoWidth(true);
        grid.addColumn(u -> u.lastSignInAt() == null ? "never" : WHEN.format(u.lastSignInAt())).setHeader("Last sign-in").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No users match the search.");
        grid.setAriaLabel("Users");
        grid.setSizeFull();

        add(new Paragraph("Roles decide what each person may do. Roles marked “from identity provider” come from the "
                + "sign-in claim and change there; the others are granted here. At least one enabled admin always remains."),
                toolbar, grid);
        refresh();
    }

    private void refresh() {
        all = users.list();
        applyFilter();
    }

    private void applyFilter() {
        String q = search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(q.isEmpty() ? all : all.stream().filter(u -> matches(u, q)).toList());
    }

    private static boolean matches(UserSummary u, String q) {
        return u.displayName().toLowerCase(Locale.ROOT).contains(q) || u.username().toLowerCase(Locale.ROOT).contains(q)
                || (u.email() != null && u.email().toLowerCase(Locale.ROOT).contains(q));
    }

    private static Component roleBadges(UserSummary user) {
        var box = new Div();
        box.addClassName("portal-badges");
        for (PortalRole role : user.roles()) {
            var badge = new Badge(role.label(), role == PortalRole.ADMIN ? Badge.Tone.CONTRAST : Badge.Tone.NEUTRAL);
            if (user.identityProviderRoles().contains(role) && !user.portalRoles().contains(role)) {
                badge.setTitle("From identity provider");
                badge.setText(role.label() + " (IdP)");
            }
            box.add(badge);
        }
        return box;
    }

    private static Component statusBadge(UserSummary user) {
        return new Badge(user.enabled() ? "Enabled" : "Disabled", user.enabled() ? Badge.Tone.SUCCESS : Badge.Tone.ERROR);
    }

    private Component actions(UserSummary user) {
        var roles = new Button("Roles", e -> openRolesDialog(user));
        roles.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        roles.setAriaLabel("Change roles of " + user.displayName());
        var toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> confirmToggle(user));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        toggle.setAriaLabel((user.enabled() ? "Disable " : "Enable ") + user.displayName());
        boolean self = currentUser.get().map(p -> p.userId().equals(user.id())).orElse(false);
        toggle.setEnabled(!self || !user.enabled());
        if (self && user.enabled()) {
            toggle.setTooltipText("You cannot disable your own account");
        }
        var box = new HorizontalLayout(roles, toggle);
        box.setSpacing(false);
        return box;
    }

    private void openRolesDialog(UserSummary user) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Roles of " + user.displayName());
        var choice = new CheckboxGroup<PortalRole>("Granted in the portal");
        choice.setItems(PortalRole.values());
        choice.setItemLabelGenerator(r -> r.label() + " — " + r.description());
        choice.setValue(user.portalRoles());
        choice.addThemeName("vertical");
        var content = new VerticalLayout(choice);
        content.setPadding(false);
        if (!user.identityProviderRoles().isEmpty()) {
            content.add(new Paragraph("From the identity provider (change them there): " + user.identityProviderRoles().stream()
                    .map(PortalRole::label).collect(Collectors.joining(", ")) + "."));
        }
        content.add(new Paragraph("Everyone who can sign in can at least browse (Viewer)."));
        dialog.add(content);
        var save = new Button("Save roles", e -> {
            var chosen = choice.getValue().isEmpty() ? EnumSet.noneOf(PortalRole.class) : EnumSet.copyOf(choice.getValue());
            try {
                users.changeRoles(user.id(), chosen);
                dialog.close();
                notifySuccess("Roles of " + user.displayName() + " saved.");
                refresh();
            } catch (RuleViolationException ex) {
                choice.setInvalid(true);
                choice.setErrorMessage(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void confirmToggle(UserSummary user) {
        if (!user.enabled()) {
            users.enable(user.id());
            notifySuccess(user.displayName() + " can sign in again.");
            refresh();
            return;
        }
        var confirm = new ConfirmDialog("Disable " + user.displayName() + "?",
                "They are signed out at their next click and cannot sign in until an admin enables the account again.",
                "Disable", e -> {
                    users.disable(user.id());
                    notifySuccess(user.displayName() + " is disabled.");
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void openCreateDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("New local user");
        var username = new TextField("Username");
        username.setRequired(true);
        username.setHelperText("Lower-case letters, digits, dot, dash or underscore");
        var displayName = new TextField("Display name");
        displayName.setRequired(true);
        var email = new EmailField("Email (optional)");
        var password = new PasswordField("Initial password");
        password.setRequired(true);
        password.setHelperText("At least " + UserAdminService.MIN_PASSWORD_LENGTH + " characters");
        var roles = new CheckboxGroup<PortalRole>("Roles");
        roles.setItems(PortalRole.values());
        roles.setItemLabelGenerator(PortalRole::label);
        roles.setValue(EnumSet.of(PortalRole.VIEWER));
        var form = new FormLayout(username, displayName, email, password, roles);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        form.setColspan(roles, 2);
        dialog.add(form);
        var create = new Button("Create user", e -> {
            List.of(username, displayName, password).forEach(f -> f.setInvalid(false));
            email.setInvalid(false);
            try {
                var chosen = roles.getValue().isEmpty() ? EnumSet.noneOf(PortalRole.class) : EnumSet.copyOf(roles.getValue());
                var created = users.createLocalUser(username.getValue(), displayName.getValue(), email.getValue(),
                        password.getValue(), chosen);
                dialog.close();
                notifySuccess(created.displayName() + " can now sign in as " + created.username() + ".");
                refresh();
            } catch (InvalidInputException ex) {
                switch (ex.field()) {
                    case "username" -> invalid(username, ex.getMessage());
                    case "displayName" -> invalid(displayName, ex.getMessage());
                    case "password" -> invalid(password, ex.getMessage());
                    case "email" -> {
                        email.setErrorMessage(ex.getMessage());
                        email.setInvalid(true);
                    }
                    default -> throw ex;
                }
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        username.focus();
    }

    private static void invalid(com.vaadin.flow.component.textfield.TextFieldBase<?, String> field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static void notifySuccess(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
