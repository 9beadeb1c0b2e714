package io.ciamportal.audit;

import java.util.Map;

/**
 * The display names of the portal's accounts by id, so the audit view can name the people a user entry is about. The
 * security feature provides it (with its own admin check), so audit does not depend on security.
 */
@FunctionalInterface
public interface UserNames {

    Map<String, String> byId();
}
