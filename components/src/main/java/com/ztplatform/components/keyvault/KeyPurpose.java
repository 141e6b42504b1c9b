package com.ztplatform.components.keyvault;

/** What a customer-managed key encrypts. */
public enum KeyPurpose {
    /** Notebooks, secrets and queries stored in the Databricks control plane. */
    MANAGED_SERVICES("dbw-managed-services"),
    /** Cluster VM disks (through the workspace's disk encryption set). */
    MANAGED_DISK("dbw-managed-disk"),
    /** The workspace storage account (DBFS root). */
    DBFS_ROOT("dbw-dbfs-root"),
    /** The governed data lake's storage account ({@code com.ztplatform.components.lake.DataLake}). */
    DATA_LAKE("lake-storage"),
    /** The landing's staging storage account in staged mode ({@code com.ztplatform.components.landing.OneLakeLanding}). */
    LANDING_STAGING("landing-staging"),
    /** The serverless router VM's OS disk, through its disk encryption set ({@code ServerlessRouter}). */
    ROUTER_DISK("router-os-disk"),
    /**
     * The Log Analytics workspace's saved-query storage account
     * ({@code com.ztplatform.components.monitoring.SavedQueryStorage}).
     */
    SAVED_QUERIES("law-saved-queries"),
    /** The Azure Machine Learning workspace's storage account ({@code com.ztplatform.components.ai.MachineLearningWorkspace}). */
    ML_STORAGE("ml-storage"),
    /** The function app's host storage account ({@code com.ztplatform.components.integration.PrivateFunctionApp}). */
    FUNCTION_STORAGE("func-storage"),
    /** The VNet flow logs' storage account ({@code com.ztplatform.components.monitoring.VnetFlowLogs}). */
    FLOW_LOG_STORAGE("flowlogs-storage");

    private final String keyName;

    KeyPurpose(String keyName) {
        this.keyName = keyName;
    }

    /**
     * The key's name stem in the vault.
     *
     * @return like {@code dbw-managed-services}; {@link KeyVaultScope#keyName} adds the key material
     */
    public String keyName() {
        return keyName;
    }
}
