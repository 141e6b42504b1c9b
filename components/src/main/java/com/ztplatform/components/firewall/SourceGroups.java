package com.ztplatform.components.firewall;

/** Keys of the firewall's source IP groups. */
public final class SourceGroups {
    /** The Databricks host and container subnets of every spoke, registered by the spokes. */
    public static final String DATABRICKS = "databricks";
    /**
     * The serverless router's subnet (Databricks serverless traffic to customer resources): a group of its own,
     * so it gets only the router's forwards, not the Databricks allowlist.
     */
    public static final String SERVERLESS_ROUTER = "serverless-router";
    /**
     * The node subnet of a private AKS cluster: a group of its own, so the cluster gets only its required
     * destinations ({@code com.ztplatform.components.aks.AksEgress}), not the Databricks allowlist.
     */
    public static final String AKS = "aks";

    private SourceGroups() {
    }
}
