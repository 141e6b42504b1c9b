package com.ztplatform.components.privatelink;

import com.ztplatform.components.network.PrivateDnsZones;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The private-link target types {@link PrivateEndpointSet} supports, each with its valid group ids
 * (sub-resources) and the private DNS zone each group id's records belong in
 * (https://learn.microsoft.com/azure/private-link/private-endpoint-dns).
 */
public enum PrivateLinkTarget {
    /** Databricks: both sub-resources use the same zone. */
    DATABRICKS_WORKSPACE("Microsoft.Databricks/workspaces", zones(
            "databricks_ui_api", PrivateDnsZones.DATABRICKS,
            "browser_authentication", PrivateDnsZones.DATABRICKS), true),
    STORAGE_ACCOUNT("Microsoft.Storage/storageAccounts", zones(
            "blob", PrivateDnsZones.BLOB, "blob_secondary", PrivateDnsZones.BLOB,
            "dfs", PrivateDnsZones.DFS, "dfs_secondary", PrivateDnsZones.DFS,
            "file", PrivateDnsZones.FILE,
            "queue", PrivateDnsZones.QUEUE, "queue_secondary", PrivateDnsZones.QUEUE,
            "table", PrivateDnsZones.TABLE, "table_secondary", PrivateDnsZones.TABLE), false),
    KEY_VAULT("Microsoft.KeyVault/vaults", zones("vault", PrivateDnsZones.KEY_VAULT), false),
    CONTAINER_REGISTRY("Microsoft.ContainerRegistry/registries", zones("registry", PrivateDnsZones.CONTAINER_REGISTRY), false),
    MACHINE_LEARNING("Microsoft.MachineLearningServices/workspaces", zones("amlworkspace", PrivateDnsZones.ML_API), false),
    COGNITIVE_SERVICES("Microsoft.CognitiveServices/accounts", zones("account", PrivateDnsZones.COGNITIVE_SERVICES), false),
    SERVICE_BUS("Microsoft.ServiceBus/namespaces", zones("namespace", PrivateDnsZones.SERVICE_BUS), false);

    private final String resourceType;
    private final Map<String, String> zoneByGroupId;
    private final boolean needsSerialisation;

    PrivateLinkTarget(String resourceType, Map<String, String> zoneByGroupId, boolean needsSerialisation) {
        this.resourceType = resourceType;
        this.zoneByGroupId = zoneByGroupId;
        this.needsSerialisation = needsSerialisation;
    }

    private static Map<String, String> zones(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(map);
    }

    public String resourceType() {
        return resourceType;
    }

    public Set<String> groupIds() {
        return zoneByGroupId.keySet();
    }

    /** The private DNS zone whose A records this group id's endpoint registers. */
    public Optional<String> zoneFor(String groupId) {
        return Optional.ofNullable(zoneByGroupId.get(groupId));
    }

    /**
     * True for targets that fail with concurrent-update errors when several endpoints are created at once
     * (Databricks workspaces): their endpoints are created one after another.
     */
    public boolean needsSerialisation() {
        return needsSerialisation;
    }

    public String validGroupIds() {
        return zoneByGroupId.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    public static String validNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
