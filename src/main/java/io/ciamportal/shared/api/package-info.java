/** What every API controller shares: JSON error answers. */
@NullMarked
package io.ciamportal.shared.api;

import org.jspecify.annotations.NullMarked;
