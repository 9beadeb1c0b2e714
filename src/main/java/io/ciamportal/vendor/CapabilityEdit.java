package io.ciamportal.vendor;

import java.util.List;

/**
 * What a curator enters for one capability value. Validated by {@link VendorCurationService}: a note, http(s) source
 * URLs, and at least one source when the value is marked confirmed. The reviewed-on date becomes today.
 */
public record CapabilityEdit(Support support, String note, List<String> sources, boolean confirmed) {}
