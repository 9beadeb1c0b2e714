/**
 * The vendor index: CIAM vendors, their sourced facts and capability values, and the inbound/outbound migration
 * difficulty derived from them by {@link io.ciamportal.vendor.DifficultyRules}. {@link io.ciamportal.vendor.VendorService}
 * is the feature's API.
 */
@NullMarked
package io.ciamportal.vendor;

import org.jspecify.annotations.NullMarked;
