package io.ciamportal.vendor;

/** The small vocabularies of vendor facts. */
public final class VendorEnums {

    private VendorEnums() {}

    public enum Deployment { MANAGED, SELF_HOSTED, BOTH }

    public enum Tier { HERITAGE_SUITE, DEVELOPER_FIRST }

    public enum LifecycleStatus { ACTIVE, END_OF_SALE, END_OF_LIFE }

    /** Whether and how a customer gets the stored password hashes out. */
    public enum HashExportPolicy { SELF_SERVE, SUPPORT_TICKET, PAID_TIER, NONE, UNKNOWN }
}
