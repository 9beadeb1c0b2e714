package io.ciamportal.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PortalPrincipal;
import io.ciamportal.security.PortalRole;
import java.util.stream.Collectors;

/**
 * The shell around every signed-in view: navigation to the areas this user may open (filtered by each view's access
 * rule), the current view's title, a light/dark switch, and the user menu with sign-out. Collapses to a drawer on
 * narrow screens.
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final String SCHEME_KEY = "ciam-portal-color-scheme";
    private final H1 title = new H1();
    private final AuthenticationContext authentication;
    private final Button schemeToggle = new Button();

    MainLayout(AuthenticationContext authentication, CurrentUser currentUser) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        title.addClassName("portal-view-title");
        var toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the navigation");
        addToNavbar(true, toggle, title, spacer(), schemeToggle(), userMenu(currentUser));
        addToDrawer(brand(), new Scroller(navigation()));
    }

    private static Component brand() {
        var logo = VaadinIcon.EXCHANGE.create();
        logo.addClassName("portal-brand-logo");
        logo.getElement().setAttribute("aria-hidden", "true");
        var name = new Span("CIAM migration portal");
        name.addClassName("portal-brand-name");
        var brand = new Div(logo, name);
        brand.addClassName("portal-brand");
        return brand;
    }

    private static SideNav navigation() {
        var nav = new SideNav();
        nav.getElement().setAttribute("aria-label", "Main navigation");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        return entry.icon() != null
                ? new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()))
                : new SideNavItem(entry.title(), entry.path());
    }

    private static Component spacer() {
        var spacer = new Div();
        spacer.addClassName("portal-navbar-spacer");
        return spacer;
    }

    private Component schemeToggle() {
        schemeToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        schemeToggle.addClickListener(e -> {
            var page = getUI().orElseThrow().getPage();
            boolean dark = page.getColorScheme() == ColorScheme.Value.DARK;
            var next = dark ? ColorScheme.Value.LIGHT : ColorScheme.Value.DARK;
            page.setColorScheme(next);
            page.executeJs("localStorage.setItem($0, $1)", SCHEME_KEY, next.name());
            updateSchemeToggle(next);
        });
        updateSchemeToggle(ColorScheme.Value.LIGHT);
        return schemeToggle;
    }

    private void updateSchemeToggle(ColorScheme.Value scheme) {
        boolean dark = scheme == ColorScheme.Value.DARK;
        schemeToggle.setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        String label = dark ? "Switch to light theme" : "Switch to dark theme";
        schemeToggle.setAriaLabel(label);
        schemeToggle.setTooltipText(label);
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        var page = event.getUI().getPage();
        page.executeJs("return localStorage.getItem($0)", SCHEME_KEY).then(String.class, stored -> {
            if ("DARK".equals(stored) || "LIGHT".equals(stored)) {
                var scheme = ColorScheme.Value.valueOf(stored);
                page.setColorScheme(scheme);
                updateSchemeToggle(scheme);
            }
        });
    }

    private Component userMenu(CurrentUser currentUser) {
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("portal-user-menu");
        String name = currentUser.get().map(PortalPrincipal::displayName).orElse("Guest");
        var avatar = new Avatar(name);
        avatar.setAbbreviation(initials(name));
        avatar.addClassName("portal-avatar");
        var label = new Span(name);
        label.addClassName("portal-user-name");
        var top = menu.addItem(new Div(avatar, label));
        top.setAriaLabel("Account menu for " + name);
        String roles = currentUser.get()
                .map(p -> p.roles().stream().map(PortalRole::label).collect(Collectors.joining(", ")))
                .orElse("");
        var who = top.getSubMenu().addItem("Signed in as " + name + (roles.isEmpty() ? "" : " (" + roles + ")"));
        who.setEnabled(false);
        top.getSubMenu().addItem("Sign out", e -> authentication.logout());
        return menu;
    }

    static String initials(String name) {
        var words = name.strip().split("\\s+");
        var out = new StringBuilder();
        for (int i = 0; i < words.length && out.length() < 2; i++) {
            if (!words[i].isEmpty()) {
                out.appendCodePoint(Character.toUpperCase(words[i].codePointAt(0)));
            }
        }
        return out.isEmpty() ? "?" : out.toString();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String text = MenuConfiguration.getPageHeader(getContent()).orElse("CIAM migration portal");
        title.setText(text);
    }
}
