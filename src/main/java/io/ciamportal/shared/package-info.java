/** What every feature may use: the clock, small value types and the shared UI shell. */
@NullMarked
package io.ciamportal.shared;

import org.jspecify.annotations.NullMarked;
