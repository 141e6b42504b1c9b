package com.ztplatform.components.databricks;

/** What a spoke's workspace is for. */
public enum SpokeRole {
    /** A workload workspace: clusters run here, egress goes through the firewall. */
    WORKLOAD,
    /**
     * The region's private web-authentication workspace: no workloads, only the browser_authentication
     * private endpoint that lets browsers complete Entra ID single sign-on for every workspace of the region
     * without public access (one per region per DNS zone; learn.microsoft.com/azure/databricks/security/
     * network/classic/private-link-standard).
     */
    WEB_AUTH
}
