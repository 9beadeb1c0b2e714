package io.ciamportal.shared.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every view is shown in (Vaadin's app shell): Lumo, the portal's style sheet, light and dark colour schemes
 * and the description search engines show. It lives with the views, in a package Vaadin scans at start
 * ({@code Application}'s {@code @EnableVaadin}).
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@CssImport("./styles/portal.css")
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
@Meta(name = "description", content = "Plan a move between customer-identity platforms")
public class PortalShell implements AppShellConfigurator {}
