/** Migration assessment: JSON API. */
@NullMarked
package io.ciamportal.migration.api;

import org.jspecify.annotations.NullMarked;
import io.ciamportal.migration.internal.Migration;
