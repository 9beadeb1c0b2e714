package io.ciamportal.migration;

import java.util.List;
import java.util.UUID;

/** Says what still blocks a migration's cutover; the security gates implement it. */
public interface CutoverGuard {

    /** Titles of the gates that are not approved; empty when the cutover may go ahead. */
    List<String> blockingGates(UUID migrationId);
}
