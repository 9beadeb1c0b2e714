package io.ciamportal.vendor;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who uses a vendor outside the index. The migration feature implements it, so that neither a dataset release nor an
 * admin's import can remove a vendor a migration still refers to (migrations refer to vendors by slug).
 */
public interface VendorUsage {

    /** {@code slug -> names of the migrations that use it}, for the given slugs; slugs nobody uses are left out. */
    Map<String, List<String>> migrationsUsing(Collection<String> slugs);
}
