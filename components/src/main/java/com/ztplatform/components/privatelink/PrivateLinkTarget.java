package com.ztplatform.components.privatelink;

import com.ztplatform.components.network.PrivateDnsZones;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A private-link target type: the ARM resource type, its valid group ids (sub-resources) and the private DNS zone
 * each group id's records belong in (https://learn.microsoft.com/azure/private-link/private-endpoint-dns). An open type: the constants are the targets this platform uses, and another
 * team describes its own with {@link #of} without changing this library.
 *
 * <pre>{@code
 * var search = PrivateLinkTarget.of("Microsoft.Search/searchServices",
 *         Map.of("searchService", "privatelink.search.windows.net"));
 * }</pre>
 *
 * @param resourceType       like Microsoft.Storage/storageAccounts
 * @param zoneByGroupId      group id to the private DNS zone its A records go into (at least one)
 * @param needsSerialisation true for targets that fail with concurrent-update errors when several endpoints are
 *                           created at once (Databricks workspaces): their endpoints are created one after another
 * @param additionalZonesByGroupId further zones one endpoint of a group id registers in, beside its zone in
 *                           {@code zoneByGroupId} (an AI services account answers under three host names, each in its
 *                           own zone); empty for most targets
 */
public record PrivateLinkTarget(String resourceType, Map<String, String> zoneByGroupId, boolean needsSerialisation,
                                Map<String, List<String>> additionalZonesByGroupId) {

    // Before the constants: static fields initialise in order, and the constants' constructor uses these.
    private static final Pattern RESOURCE_TYPE = Pattern.compile("^Microsoft\\.[A-Za-z]+/[A-Za-z]+$");
    private static final Pattern ZONE = Pattern.compile("^privatelink\\.[a-z0-9.-]+[a-z]$");

    /** Databricks: both sub-resources use the same zone; endpoints one at a time (concurrent endpoint operations on one workspace fail). */
    public static final PrivateLinkTarget DATABRICKS_WORKSPACE = new PrivateLinkTarget("Microsoft.Databricks/workspaces",
            zones("databricks_ui_api", PrivateDnsZones.DATABRICKS,
                    "browser_authentication", PrivateDnsZones.DATABRICKS), true);
    /** Storage accounts: one zone per storage service (blob, dfs, file, queue, table and their secondaries). */
    public static final PrivateLinkTarget STORAGE_ACCOUNT = new PrivateLinkTarget("Microsoft.Storage/storageAccounts",
            zones("blob", PrivateDnsZones.BLOB, "blob_secondary", PrivateDnsZones.BLOB,
                    "dfs", PrivateDnsZones.DFS, "dfs_secondary", PrivateDnsZones.DFS,
                    "file", PrivateDnsZones.FILE,
                    "queue", PrivateDnsZones.QUEUE, "queue_secondary", PrivateDnsZones.QUEUE,
                    "table", PrivateDnsZones.TABLE, "table_secondary", PrivateDnsZones.TABLE), false);
    /** Key vaults: the {@code vault} sub-resource. */
    public static final PrivateLinkTarget KEY_VAULT = new PrivateLinkTarget("Microsoft.KeyVault/vaults",
            zones("vault", PrivateDnsZones.KEY_VAULT), false);
    /** Container registries: the {@code registry} sub-resource. */
    public static final PrivateLinkTarget CONTAINER_REGISTRY = new PrivateLinkTarget(
            "Microsoft.ContainerRegistry/registries", zones("registry", PrivateDnsZones.CONTAINER_REGISTRY), false);
    /**
     * Azure Machine Learning workspaces: the {@code amlworkspace} sub-resource answers for the workspace API (and its
     * compute instances) in {@code privatelink.api.azureml.ms} and for the integrated notebooks in
     * {@code privatelink.notebooks.azure.net}: one endpoint, both zones
     * (learn.microsoft.com/azure/machine-learning/how-to-configure-private-link, DNS zones in
     * learn.microsoft.com/azure/private-link/private-endpoint-dns).
     */
    public static final PrivateLinkTarget MACHINE_LEARNING = new PrivateLinkTarget(
            "Microsoft.MachineLearningServices/workspaces", zones("amlworkspace", PrivateDnsZones.ML_API), false,
            Map.of("amlworkspace", List.of(PrivateDnsZones.ML_NOTEBOOKS)));
    /** Azure AI services (Cognitive Services) accounts: the {@code account} sub-resource. */
    public static final PrivateLinkTarget COGNITIVE_SERVICES = new PrivateLinkTarget("Microsoft.CognitiveServices/accounts",
            zones("account", PrivateDnsZones.COGNITIVE_SERVICES), false);
    /**
     * Azure AI services accounts (kind AIServices): the {@code account} sub-resource registers in the Cognitive
     * Services, OpenAI and services.ai zones, one endpoint serving the three host names
     * (learn.microsoft.com/azure/ai-foundry/agents/how-to/virtual-networks).
     */
    public static final PrivateLinkTarget AI_SERVICES = new PrivateLinkTarget("Microsoft.CognitiveServices/accounts",
            zones("account", PrivateDnsZones.COGNITIVE_SERVICES), false,
            Map.of("account", List.of(PrivateDnsZones.OPENAI, PrivateDnsZones.AI_SERVICES)));
    /** Service Bus namespaces: the {@code namespace} sub-resource. */
    public static final PrivateLinkTarget SERVICE_BUS = new PrivateLinkTarget("Microsoft.ServiceBus/namespaces",
            zones("namespace", PrivateDnsZones.SERVICE_BUS), false);
    /** App Service and Azure Functions sites: the {@code sites} sub-resource (the app and its scm host). */
    public static final PrivateLinkTarget WEB_SITE = new PrivateLinkTarget("Microsoft.Web/sites",
            zones("sites", PrivateDnsZones.WEB_SITES), false);

    /**
     * Azure Monitor Private Link Scopes: the {@code azuremonitor} sub-resource. One endpoint answers for Azure Monitor's
     * global endpoints and for every workspace in the scope, so it registers in the four Azure Monitor zones and the
     * blob zone ({@link PrivateDnsZones#AZURE_MONITOR};
     * learn.microsoft.com/azure/azure-monitor/logs/private-link-configure).
     */
    public static final PrivateLinkTarget AZURE_MONITOR = new PrivateLinkTarget("Microsoft.Insights/privateLinkScopes",
            zones("azuremonitor", PrivateDnsZones.MONITOR), false,
            Map.of("azuremonitor", PrivateDnsZones.AZURE_MONITOR.subList(1, PrivateDnsZones.AZURE_MONITOR.size())));

    /** The constants above, for messages and tests. */
    public static final List<PrivateLinkTarget> KNOWN = List.of(DATABRICKS_WORKSPACE, STORAGE_ACCOUNT, KEY_VAULT,
            CONTAINER_REGISTRY, MACHINE_LEARNING, COGNITIVE_SERVICES, SERVICE_BUS, AI_SERVICES, WEB_SITE, AZURE_MONITOR);

    /**
     * Checks the definition.
     *
     * @param resourceType       the ARM resource type
     * @param zoneByGroupId      group id to its private DNS zone
     * @param needsSerialisation whether endpoints must be created one at a time
     * @param additionalZonesByGroupId further zones per group id
     * @throws IllegalArgumentException listing every problem (see {@link #problems})
     */
    public PrivateLinkTarget {
        zoneByGroupId = zoneByGroupId == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(zoneByGroupId));
        additionalZonesByGroupId = additionalZonesByGroupId == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(additionalZonesByGroupId));
        var problems = problems(resourceType, zoneByGroupId);
        for (var entry : additionalZonesByGroupId.entrySet()) {
            if (zoneByGroupId == null || !zoneByGroupId.containsKey(entry.getKey())) {
                problems.add("additionalZonesByGroupId." + entry.getKey() + " names a group id that zoneByGroupId lacks");
            }
            for (var zone : entry.getValue()) {
                if (zone == null || !ZONE.matcher(zone).matches()) {
                    problems.add("additionalZonesByGroupId." + entry.getKey() + " must list private-link zones like "
                            + PrivateDnsZones.OPENAI + ", got '" + zone + "'");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("PrivateLinkTarget: " + String.join("; ", problems));
        }
    }

    /**
     * A target with one zone per group id.
     *
     * @param resourceType       the ARM resource type
     * @param zoneByGroupId      group id to its private DNS zone
     * @param needsSerialisation whether endpoints must be created one at a time
     * @throws IllegalArgumentException listing every problem (see {@link #problems})
     */
    public PrivateLinkTarget(String resourceType, Map<String, String> zoneByGroupId, boolean needsSerialisation) {
        this(resourceType, zoneByGroupId, needsSerialisation, Map.of());
    }

    /**
     * A target whose endpoints may be created in parallel.
     *
     * @param resourceType  the ARM resource type, like {@code Microsoft.Search/searchServices}
     * @param zoneByGroupId group id to the private DNS zone its records go into
     * @return the target
     * @throws IllegalArgumentException listing every problem
     */
    public static PrivateLinkTarget of(String resourceType, Map<String, String> zoneByGroupId) {
        return new PrivateLinkTarget(resourceType, zoneByGroupId, false);
    }

    /**
     * Every problem with a target's definition, each naming the field and a valid example.
     *
     * @param resourceType  the ARM resource type to check
     * @param zoneByGroupId the zones to check
     * @return the problems; empty when valid
     */
    public static List<String> problems(String resourceType, Map<String, String> zoneByGroupId) {
        var problems = new ArrayList<String>();
        if (resourceType == null || !RESOURCE_TYPE.matcher(resourceType).matches()) {
            problems.add("resourceType must be an ARM resource type like Microsoft.Storage/storageAccounts, got '"
                    + resourceType + "'");
        }
        if (zoneByGroupId == null || zoneByGroupId.isEmpty()) {
            problems.add("zoneByGroupId must map at least one group id to its zone, like {blob: "
                    + PrivateDnsZones.BLOB + "}");
        } else {
            zoneByGroupId.forEach((groupId, zone) -> {
                if (groupId == null || groupId.isBlank()) {
                    problems.add("zoneByGroupId has an empty group id; use the sub-resource name, like blob");
                }
                if (zone == null || !ZONE.matcher(zone).matches()) {
                    problems.add("zoneByGroupId." + groupId + " must be a private-link zone like "
                            + PrivateDnsZones.BLOB + ", got '" + zone + "'");
                }
            });
        }
        return problems;
    }

    private static Map<String, String> zones(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /**
     * The sub-resources an endpoint can connect to.
     *
     * @return the group ids
     */
    public Set<String> groupIds() {
        return zoneByGroupId.keySet();
    }

    /**
     * The private DNS zone whose A records this group id's endpoint registers.
     *
     * @param groupId the sub-resource
     * @return the zone; empty when the target has no such group id
     */
    public Optional<String> zoneFor(String groupId) {
        return Optional.ofNullable(zoneByGroupId.get(groupId));
    }

    /**
     * The zones besides {@link #zoneFor} that an endpoint of this group id registers in.
     *
     * @param groupId the sub-resource
     * @return the further zones; empty for most targets
     */
    public List<String> additionalZonesFor(String groupId) {
        return List.copyOf(additionalZonesByGroupId.getOrDefault(groupId, List.of()));
    }

    /**
     * The group ids, for messages.
     *
     * @return them sorted, comma-separated
     */
    public String validGroupIds() {
        return zoneByGroupId.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    /**
     * The resource types of the {@link #KNOWN} targets, for messages.
     *
     * @return them comma-separated, in {@link #KNOWN}'s order
     */
    public static String validNames() {
        return KNOWN.stream().map(PrivateLinkTarget::resourceType).collect(Collectors.joining(", "));
    }
}
