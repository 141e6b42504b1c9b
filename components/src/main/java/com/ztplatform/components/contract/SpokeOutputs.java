package com.ztplatform.components.contract;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Databricks spoke of the platform, as published in the {@value OutputContract#SPOKES} output.
 *
 * @param name                the spoke's name (the key in {@code spokes})
 * @param vnetId              the spoke VNet's resource id
 * @param subnetIds           subnet ids by subnet name ({@code snet-dbx-host}, {@code snet-dbx-container},
 *                            {@code snet-private-endpoints})
 * @param workspaceResourceId the Databricks workspace's ARM resource id
 * @param workspaceId         the Databricks workspace id (the number in its URL)
 * @param workspaceUrl        the workspace URL, {@code https://adb-<id>.<n>.azuredatabricks.net}
 */
public record SpokeOutputs(String name, String vnetId, Map<String, String> subnetIds, String workspaceResourceId,
                           String workspaceId, String workspaceUrl) {
    /**
     * Checks that every field is present and copies the subnet ids, sorted by name.
     *
     * @param name                the spoke's name
     * @param vnetId              the spoke VNet's resource id
     * @param subnetIds           subnet ids by subnet name
     * @param workspaceResourceId the workspace's ARM resource id
     * @param workspaceId         the workspace id
     * @param workspaceUrl        the workspace URL
     */
    public SpokeOutputs {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vnetId, "vnetId");
        subnetIds = java.util.Collections.unmodifiableMap(new TreeMap<>(subnetIds));
        Objects.requireNonNull(workspaceResourceId, "workspaceResourceId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceUrl, "workspaceUrl");
    }

    /**
     * The id of one of the spoke's subnets; fails naming the subnets there are.
     *
     * @param subnetName like snet-private-endpoints
     * @return the subnet's resource id
     */
    public String subnetId(String subnetName) {
        var id = subnetIds.get(subnetName);
        if (id == null) {
            throw new OutputContractException("spoke '" + name + "' has no subnet '" + subnetName + "' (subnets: "
                    + String.join(", ", subnetIds.keySet()) + ")");
        }
        return id;
    }
}
