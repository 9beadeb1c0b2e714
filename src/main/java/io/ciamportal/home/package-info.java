/** The application shell: the main layout with the navigation, the start page and the error pages ({@code ui}). Nothing
 * depends on it; it links to the entry views other features expose as their {@code routes}. */
@ApplicationModule(displayName = "Shell")
@NullMarked
package io.ciamportal.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
