package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.Component;
import org.springframework.modulith.NamedInterface;

/**
 * An extra tab on the vendor profile contributed by another feature (the selector's "Alternatives"), so the profile
 * does not depend on that feature: it depends on the profile. Implementations are stateless Spring beans; the content
 * is built when the tab is first opened.
 */
@NamedInterface("extension")
public interface VendorProfileTab {

    String label();

    /** Orders tabs after Profile and History; lower comes first. */
    default int order() {
        return 0;
    }

    Component content(String vendorSlug);
}
