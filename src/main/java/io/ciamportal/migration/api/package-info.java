/** Migration assessment: JSON API. */
@NullMarked
package io.ciamportal.migration.api;

import io.ciamportal.migration.internal.Migration;
import org.jspecify.annotations.NullMarked;
