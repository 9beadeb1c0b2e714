package io.ciamportal.vendor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the vendor dataset.
 *
 * @param staleAfterDays a fact read longer ago than this is listed as stale in Data health ({@code PORTAL_STALE_AFTER_DAYS})
 */
@ConfigurationProperties("portal.dataset")
public record DatasetProperties(@DefaultValue("180") int staleAfterDays) {

    public DatasetProperties {
        if (staleAfterDays < 1) {
            throw new IllegalArgumentException("portal.dataset.stale-after-days (PORTAL_STALE_AFTER_DAYS) must be at least 1");
        }
    }
}
