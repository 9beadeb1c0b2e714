/**
 * The portal's one audit log: append-only, hash-chained, written in the transaction of the change it describes.
 * Other features call {@link io.ciamportal.audit.AuditLog}; admins read it through
 * {@link io.ciamportal.audit.AuditQueryService}.
 */
@NullMarked
package io.ciamportal.audit;

import org.jspecify.annotations.NullMarked;
