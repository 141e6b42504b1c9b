package com.ztplatform.components.firewall;

/** Keys of the firewall's source IP groups. */
public final class SourceGroups {
    /** The Databricks host and container subnets of every spoke, registered by the spokes. */
    public static final String DATABRICKS = "databricks";

    private SourceGroups() {
    }
}
