package io.ciamportal.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What to look for in the log; every part is optional. Dates are UTC days, both ends included.
 *
 * @param actor part of the actor's name or id
 * @param action the exact action, for example {@code USER_ROLES_CHANGED}
 * @param targetType the exact target type, for example {@code user}
 * @param targetId part of the target id
 */
public record AuditFilter(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The start date must not be after the end date");
        }
    }
}
