package io.ciamportal.testsupport;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The steps a person takes in the portal, written once for all browser tests. */
public final class PortalPages {

    private PortalPages() {}

    public static void signIn(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        fillSignInForm(page, username, password);
        page.waitForURL(url -> !url.contains("/login"));
        Browsers.settle(page);
    }

    public static void fillSignInForm(Page page, String username, String password) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    public static void signOut(Page page) {
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Account menu").setExact(false)).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(url -> url.contains("/login"));
    }
}
