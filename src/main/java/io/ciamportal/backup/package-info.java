/**
 * Backup and restore of the whole portal: {@code backup FILE} and {@code restore FILE}, offline commands of the jar
 * ({@link io.ciamportal.backup.BackupCommand}) on the embedded or the external database. A backup is a zip of every
 * table as CSV with a manifest of row counts and checksums; a restore goes into an empty database, in one
 * transaction, and verifies the audit chain before it commits.
 */
@NullMarked
package io.ciamportal.backup;

import org.jspecify.annotations.NullMarked;
