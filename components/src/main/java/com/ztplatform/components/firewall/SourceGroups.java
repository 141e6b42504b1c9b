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
     * The function app's VNet integration subnet: a group of its own, so the functions get only the rules contributed
     * for them and Databricks compute (classic or serverless) never gets those.
     */
    public static final String INTEGRATION = "integration";
    /**
     * The Azure Machine Learning compute subnet: a group of its own, so it gets only the workspace's documented
     * outbound destinations, and the Databricks allowlist (and the serverless policy derived from it) none of them.
     */
    public static final String ML_COMPUTE = "ml-compute";
    /**
     * The node subnet of a private AKS cluster: a group of its own, so the cluster gets only its required
     * destinations ({@code com.ztplatform.components.aks.AksEgress}), not the Databricks allowlist.
     */
    public static final String AKS = "aks";

    private SourceGroups() {
    }
}
