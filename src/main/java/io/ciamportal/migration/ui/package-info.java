/** Migration assessment: views. */
@NullMarked
package io.ciamportal.migration.ui;

import io.ciamportal.migration.internal.Migration;
import org.jspecify.annotations.NullMarked;
