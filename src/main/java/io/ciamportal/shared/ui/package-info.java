/** The shared UI: badges, charts, dialogs and UI-wide error handling, for every feature's views. */
@NamedInterface("ui")
@NullMarked
package io.ciamportal.shared.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
