/** Where the data lives: an external PostgreSQL (DB_URL) or, with nothing configured, an embedded one. */
@NullMarked
package io.ciamportal.database;

import org.jspecify.annotations.NullMarked;
