/** Migration assessment: views. */
@NullMarked
package io.ciamportal.migration.ui;

import org.jspecify.annotations.NullMarked;
import io.ciamportal.migration.internal.Migration;
