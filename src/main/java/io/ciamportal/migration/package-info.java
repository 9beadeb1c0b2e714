/**
 * Migration assessment: a migration (source, destination, owner, members, inventory), the pure
 * {@link io.ciamportal.migration.Scorer} that says item by item what migrates, the recommended strategy and the
 * pair difficulty, the five-phase plan, and the report. {@link io.ciamportal.migration.MigrationService} is the
 * feature's API; every method checks role and membership itself.
 */
@NullMarked
package io.ciamportal.migration;

import io.ciamportal.migration.internal.Migration;
import org.jspecify.annotations.NullMarked;
