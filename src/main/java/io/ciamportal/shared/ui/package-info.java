/** The shared UI: the application shell, error pages and UI-wide error handling. */
@NullMarked
package io.ciamportal.shared.ui;

import org.jspecify.annotations.NullMarked;
