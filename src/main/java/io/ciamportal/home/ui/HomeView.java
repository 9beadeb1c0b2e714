package io.ciamportal.home.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ciamportal.audit.ui.AuditView;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PortalRole;
import io.ciamportal.security.ui.UsersView;
import jakarta.annotation.security.PermitAll;

/** The start page: what the portal is for, and what this user's roles let them do. */
@Route("")
@PageTitle("Home")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public final class HomeView extends VerticalLayout {

    HomeView(CurrentUser currentUser) {
        addClassName("portal-view");
        addClassName("portal-home");
        var principal = currentUser.require();
        add(new H2("Welcome, " + principal.displayName()));
        add(new Paragraph("This portal helps identity and security teams plan a move between customer-identity "
                + "platforms: compare vendors and their capabilities, score how hard the move is in each direction, "
                + "pick a shortlist, and sign off a migration's security gates as a team, with an audit trail."));

        var roles = new Div();
        roles.addClassName("portal-card");
        roles.add(new H3("Your access"));
        var list = new UnorderedList();
        for (PortalRole role : principal.roles()) {
            list.add(new ListItem(role.label() + ": " + role.description()));
        }
        roles.add(list);
        add(roles);

        if (principal.hasRole(PortalRole.ADMIN)) {
            var admin = new Div();
            admin.addClassName("portal-card");
            admin.add(new H3("Administration"));
            var links = new UnorderedList(
                    new ListItem(link("Users and roles", UsersView.ROUTE)),
                    new ListItem(link("Audit log and chain check", AuditView.ROUTE)));
            admin.add(links);
            add(admin);
        }
        add(comingSoon());
    }

    /**
     * An in-app link (the same element a RouterLink renders) by the view's path constant. This page's JavaScript is
     * loaded with the sign-in page, and Vaadin's bundler counts every class a view refers to as part of that view: a
     * RouterLink to a view class would pull that view's components (the audit log's grid, date and combo-box pickers)
     * into the first page's bundle.
     */
    private static Anchor link(String text, String route) {
        var link = new Anchor(route, text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private static Div comingSoon() {
        var card = new Div();
        card.addClassName("portal-card");
        card.add(new H3("Where to start"));
        var links = new UnorderedList(
                new ListItem(link("Run the six-question vendor selector", io.ciamportal.selector.ui.SelectorView.ROUTE)),
                new ListItem(link("Browse the vendor index", io.ciamportal.vendor.ui.VendorIndexView.ROUTE)),
                new ListItem(link("Compare capabilities in the matrix", io.ciamportal.vendor.ui.MatrixView.ROUTE)),
                new ListItem(link("Assess a migration and sign off its gates", io.ciamportal.migration.ui.MigrationsView.ROUTE)));
        card.add(links);
        card.add(new Paragraph("The selector ends in a ranked, explained shortlist; the vendor index holds every vendor's "
                + "sourced facts and how hard it is to arrive on it and to leave it. A migration scores a concrete move item by "
                + "item, plans it in five phases, and carries the six security gates your team signs off before cutover."));
        return card;
    }
}
