/** The shared kernel every feature may use: the clock, role names, exceptions that answer the user, and (in its
 * named interfaces {@code ui} and {@code api}) the shared view parts and JSON error answers. */
@ApplicationModule(displayName = "Shared kernel")
@NullMarked
package io.ciamportal.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
