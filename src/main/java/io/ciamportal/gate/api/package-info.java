/** Security gates: JSON API and exports. */
@NullMarked
package io.ciamportal.gate.api;

import org.jspecify.annotations.NullMarked;
