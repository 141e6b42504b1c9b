package com.ztplatform.components.offline;

import com.pulumi.test.Mocks;
import com.ztplatform.components.addressing.Cidr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulumi mocks that answer like Azure would, deterministically: ARM-shaped ids built from the explicit Azure
 * names, the ARM type, and the values Azure computes where they are predictable (a firewall or DNS-resolver
 * endpoint gets the fourth address of its subnet, because Azure reserves the first four). Values Azure picks
 * freely (public IPs, workspace ids) come from a hash of the resource id and from documentation address
 * ranges (RFC 5737), so nobody mistakes them for real ones.
 *
 * <p>Used by the component tests, the stack tests and the offline plan; other teams can use it for their own
 * tests of programs built on these components.
 */
public class AzureMocks implements Mocks {
    /** The tenant {@code getClientConfig} answers with (a pattern, not a real tenant). */
    public static final String TENANT_ID = "11111111-1111-1111-1111-111111111111";
    /** The object id of the identity running the program, as {@code getClientConfig} answers. */
    public static final String CLIENT_OBJECT_ID = "22222222-2222-2222-2222-222222222222";
    /** The client id of the identity running the program, as {@code getClientConfig} answers. */
    public static final String CLIENT_ID = "33333333-3333-3333-3333-333333333333";

    /** Subnet prefixes by subnet id, so later resources can get addresses inside their subnet. */
    private final Map<String, Cidr> subnets = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (args.type.startsWith("databricks:")) {
            return CompletableFuture.completedFuture(databricks(args));
        }
        if (!isAzure(args.type)) {
            // Component resources and non-Azure providers: echo the inputs.
            var id = args.type.startsWith("pulumi:providers:") ? args.name + "-provider-id" : null;
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.ofNullable(id), args.inputs));
        }
        var id = ArmIds.idFor(args.type, args.name, args.inputs);
        var state = new LinkedHashMap<String, Object>(args.inputs);
        state.put("name", ArmIds.nameOf(id));
        state.put("type", ArmIds.armType(args.type));
        enrich(args.type, id, args.inputs, state);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** Databricks objects: the ids and outputs the Databricks APIs would return, derived from the inputs. */
    private static ResourceResult databricks(ResourceArgs args) {
        var state = new LinkedHashMap<String, Object>(args.inputs);
        // Databricks assigns ids per object: two stacks with the same logical names (dev and prod in one
        // account) get different ones. The stack comes from the explicit provider's URN.
        var seed = stackOf(args.provider) + "|" + args.type + "|" + args.name;
        // The provider's id of an access list names the kind of object it belongs to.
        var objectType = args.inputs.containsKey("clusterPolicyId") ? "cluster-policy"
                : args.inputs.containsKey("directoryPath") || args.inputs.containsKey("directoryId") ? "directory"
                : args.inputs.containsKey("workspaceFilePath") ? "file" : "object";
        // The id's shape comes from arm-ids.json (databricksIds), shared with the engine run's simulator.
        var id = ArmIds.databricksId(args.type, args.name, args.inputs, Map.of(
                "numeric", String.valueOf(100_000_000_000L + hash(seed) % 899_999_999_999L),
                "guid", guid(seed),
                "hex", Long.toHexString(hash(seed)).toUpperCase(),
                "objectType", objectType,
                "grantsKey", grantsId(args.inputs)));
        switch (args.type) {
            case "databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig" ->
                    state.put("networkConnectivityConfigId", id);
            case "databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule" -> {
                state.put("ruleId", id);
                state.put("endpointName", "databricks-" + guid(seed + "#endpoint"));
                state.put("connectionState", "PENDING");
            }
            case "databricks:index/workspaceFile:WorkspaceFile", "databricks:index/directory:Directory" -> {
                state.put("workspacePath", "/Workspace" + args.inputs.get("path"));
                state.put("objectId", (int) (hash(seed) % 1_000_000));
            }
            case "databricks:index/volume:Volume" ->
                    state.put("volumePath", "/Volumes/" + args.inputs.get("catalogName") + "/"
                            + args.inputs.get("schemaName") + "/" + args.inputs.get("name"));
            case "databricks:index/permissions:Permissions" -> state.put("objectType", objectType);
            case "databricks:index/clusterPolicy:ClusterPolicy" -> state.put("policyId", id);
            case "databricks:index/job:Job" ->
                    state.put("url", "https://adb-0000000000000000.0.azuredatabricks.net/#job/" + id);
            // Unity Catalog and Delta Sharing (ids from databricksIds in arm-ids.json): computed outputs.
            case "databricks:index/metastore:Metastore" -> {
                state.put("metastoreId", id);
                state.put("globalMetastoreId", "azure:" + args.inputs.get("region") + ":" + id);
            }
            case "databricks:index/storageCredential:StorageCredential" ->
                    state.put("storageCredentialId", guid(seed));
            case "databricks:index/schema:Schema" -> state.put("schemaId", guid(seed));
            case "databricks:index/recipient:Recipient" -> {
                state.put("activated", false);
                if ("TOKEN".equals(args.inputs.get("authenticationType"))) {
                    // An open recipient's credential: the program marks these outputs secret, so they never
                    // reach a plan in clear (DeltaSharing.SECRET_OUTPUTS).
                    var url = "https://adb-0000000000000000.0.azuredatabricks.net/delta_sharing/retrieve_config.html?"
                            + guid(seed + "#activation");
                    state.put("activationUrl", url);
                    state.put("tokens", List.of(Map.of("id", guid(seed + "#token"), "activationUrl", url)));
                }
            }
            default -> {
            }
        }
        return ResourceResult.of(Optional.of(id), state);
    }

    /** The provider's id of a Grants resource: {@code <securable type>/<full name>}. */
    static String grantsId(Map<String, Object> inputs) {
        for (var kind : List.of("catalog", "schema", "share", "externalLocation", "table", "volume")) {
            if (inputs.get(kind) != null) {
                var type = kind.equals("externalLocation") ? "external_location" : kind;
                return type + "/" + inputs.get(kind);
            }
        }
        return "unknown/";
    }

    static String stackOf(String providerRef) {
        var prefix = "urn:pulumi:";
        if (providerRef == null || !providerRef.startsWith(prefix)) {
            return "";
        }
        var rest = providerRef.substring(prefix.length());
        return rest.substring(0, rest.indexOf("::"));
    }

    /** What Azure computes for a workspace; the same for the resource and for a getWorkspace lookup. */
    private static Map<String, Object> workspaceComputed(String id) {
        var values = new LinkedHashMap<String, Object>();
        var workspaceId = String.valueOf(1_000_000_000_000_000L + hash(id) % 8_999_999_999_999_999L);
        values.put("workspaceId", workspaceId);
        values.put("workspaceUrl", "adb-" + workspaceId + "." + (1 + hash(id + "#n") % 19) + ".azuredatabricks.net");
        values.put("storageAccountIdentity", Map.of("principalId", guid(id + "#storage"), "tenantId", TENANT_ID,
                "type", "SystemAssigned"));
        values.put("managedDiskIdentity", Map.of("principalId", guid(id + "#disk"), "tenantId", TENANT_ID,
                "type", "SystemAssigned"));
        return values;
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if ("azure-native:databricks:getWorkspace".equals(args.token)) {
            var id = ArmIds.idFor("azure-native:databricks:Workspace", "getWorkspace", args.args);
            var result = new LinkedHashMap<String, Object>(workspaceComputed(id));
            result.put("id", id);
            result.put("name", ArmIds.nameOf(id));
            result.put("type", "Microsoft.Databricks/workspaces");
            result.put("location", "westeurope");
            result.put("managedResourceGroupId", "");
            result.put("provisioningState", "Succeeded");
            result.put("createdDateTime", "2026-01-01T00:00:00Z");
            result.put("diskEncryptionSetId", "");
            result.put("privateEndpointConnections", List.of());
            result.put("systemData", Map.of());
            return CompletableFuture.completedFuture(result);
        }
        if ("azure-native:authorization:getClientConfig".equals(args.token)) {
            return CompletableFuture.completedFuture(Map.of(
                    "clientId", CLIENT_ID,
                    "objectId", CLIENT_OBJECT_ID,
                    "subscriptionId", ArmIds.SUBSCRIPTION_ID,
                    "tenantId", TENANT_ID));
        }
        return CompletableFuture.completedFuture(args.args);
    }

    private static boolean isAzure(String type) {
        return type.startsWith("azure-native:");
    }

    /**
     * Override to add computed outputs for more types; call super.
     *
     * @param type   the azure-native type token
     * @param id     the resource's ARM id
     * @param inputs its inputs
     * @param state  the outputs being built (the inputs, name and type already in); add what Azure computes
     */
    protected void enrich(String type, String id, Map<String, Object> inputs, Map<String, Object> state) {
        switch (type) {
            case "azure-native:network:Subnet" -> {
                var prefix = inputs.get("addressPrefix");
                if (prefix != null) {
                    subnets.put(id, Cidr.parse(prefix.toString()));
                }
            }
            case "azure-native:network:PublicIPAddress" -> state.put("ipAddress", documentationAddress(id));
            case "azure-native:network:PublicIPPrefix" -> {
                var length = inputs.get("prefixLength") instanceof Number n ? n.intValue() : 31;
                var block = 1L << (32 - length);
                var base = Cidr.parseAddress("198.51.100.0") + (hash(id) % (256 / block)) * block;
                state.put("ipPrefix", Cidr.formatAddress(base) + "/" + length);
            }
            case "azure-native:network:InboundEndpoint", "azure-native:network:AzureFirewall" ->
                    state.put("ipConfigurations", withFourthAddress(inputs.get("ipConfigurations"),
                            type.endsWith("InboundEndpoint") ? "privateIpAddress" : "privateIPAddress"));
            case "azure-native:operationalinsights:Workspace" -> state.put("customerId", guid(id));
            // Pulumi cannot read the echoed union (application or NAT collection) back into the output type;
            // the plan keeps the inputs, which is what Azure would store.
            case "azure-native:network:FirewallPolicyRuleCollectionGroup" -> state.remove("ruleCollections");
            case "azure-native:network:PrivateEndpoint" -> {
                // Azure picks a free address in the subnet; any free one will do, so hash the endpoint id.
                var subnetId = inputs.get("subnet") instanceof Map<?, ?> subnet ? String.valueOf(subnet.get("id")) : null;
                var cidr = subnetId == null ? null : subnets.get(subnetId);
                if (cidr != null) {
                    var ip = cidr.address(4 + hash(id) % (cidr.size() - 5));
                    state.put("customDnsConfigs", List.of(Map.of("fqdn", ArmIds.nameOf(id) + ".privatelink",
                            "ipAddresses", List.of(ip))));
                }
                state.put("networkInterfaces", List.of(Map.of("id", id.replace("/privateEndpoints/", "/networkInterfaces/")
                        + "-nic")));
            }
            case "azure-native:databricks:Workspace" -> state.putAll(workspaceComputed(id));
            case "azure-native:keyvault:Key" -> {
                var keyUri = "https://" + inputs.get("vaultName") + ".vault.azure.net/keys/" + inputs.get("keyName");
                state.put("keyUri", keyUri);
                state.put("keyUriWithVersion", keyUri + "/" + guid(id + "#version").replace("-", ""));
            }
            case "azure-native:keyvault:Vault" -> {
                if (inputs.get("properties") instanceof Map<?, ?> properties) {
                    var copy = new LinkedHashMap<String, Object>();
                    properties.forEach((k, v) -> copy.put(k.toString(), v));
                    copy.put("vaultUri", "https://" + ArmIds.nameOf(id) + ".vault.azure.net/");
                    state.put("properties", copy);
                }
            }
            // Azure derives the login server from the registry's name (lowercased).
            case "azure-native:containerregistry:Registry" -> state.put("loginServer",
                    ArmIds.nameOf(id).toLowerCase(java.util.Locale.ROOT) + ".azurecr.io");
            // Application Insights answers with its instrumentation key inside a connection string.
            case "azure-native:insights:Component" -> state.put("connectionString", "InstrumentationKey="
                    + guid(id + "#ikey") + ";IngestionEndpoint=https://" + inputs.get("location")
                    + "-0.in.applicationinsights.azure.com/;LiveEndpoint=https://" + inputs.get("location")
                    + ".livediagnostics.monitor.azure.com/");
            // A site answers with its default host name, <name>.azurewebsites.net.
            case "azure-native:web:WebApp" -> state.put("defaultHostName", ArmIds.nameOf(id) + ".azurewebsites.net");
            case "azure-native:managedidentity:UserAssignedIdentity" -> {
                state.put("principalId", guid(id + "#principal"));
                state.put("clientId", guid(id + "#client"));
                state.put("tenantId", TENANT_ID);
            }
            // A policy assignment's system-assigned identity: Azure answers with its principal and tenant.
            case "azure-native:authorization:PolicyAssignment" -> {
                if (inputs.get("identity") instanceof Map<?, ?> identity && "SystemAssigned".equals(identity.get("type"))) {
                    state.put("identity", Map.of("type", "SystemAssigned", "principalId", guid(id + "#identity"),
                            "tenantId", TENANT_ID));
                }
            }
            default -> {
            }
        }
        // User-assigned identities are a list of ids in the provider's inputs and a map from id to the identity's
        // principal and client ids in Azure's answer (storage accounts, access connectors).
        if (inputs.get("identity") instanceof Map<?, ?> identity && identity.get("userAssignedIdentities") instanceof List<?> ids) {
            var copy = new LinkedHashMap<String, Object>();
            identity.forEach((k, v) -> copy.put(k.toString(), v));
            var assigned = new LinkedHashMap<String, Object>();
            ids.forEach(uid -> assigned.put(String.valueOf(uid), Map.of("principalId", guid(uid + "#principal"),
                    "clientId", guid(uid + "#client"))));
            copy.put("userAssignedIdentities", assigned);
            state.put("identity", copy);
        }
        // A system-assigned identity: Azure answers with its principal and tenant (workspaces, vaults, apps).
        if (inputs.get("identity") instanceof Map<?, ?> identity && identity.get("type") instanceof String identityType
                && identityType.contains("SystemAssigned")) {
            var copy = new LinkedHashMap<String, Object>();
            var current = state.get("identity") instanceof Map<?, ?> m ? m : identity;
            current.forEach((k, v) -> copy.put(k.toString(), v));
            copy.put("principalId", guid(id + "#identity"));
            copy.put("tenantId", TENANT_ID);
            state.put("identity", copy);
        }
    }

    /** Azure gives the first dynamic IP configuration of a subnet its fourth address (offset 4). */
    private List<Object> withFourthAddress(Object ipConfigurations, String field) {
        var result = new ArrayList<Object>();
        if (!(ipConfigurations instanceof List<?> configs)) {
            return result;
        }
        for (var config : configs) {
            if (!(config instanceof Map<?, ?> map)) {
                continue;
            }
            var copy = new HashMap<String, Object>();
            map.forEach((k, v) -> copy.put(k.toString(), v));
            var subnetId = map.get("subnet") instanceof Map<?, ?> subnet ? String.valueOf(subnet.get("id")) : null;
            var cidr = subnetId == null ? null : subnets.get(subnetId);
            if (cidr != null) {
                copy.put(field, cidr.address(4));
            }
            result.add(copy);
        }
        return result;
    }

    static String documentationAddress(String seed) {
        // 203.0.113.0/24 (TEST-NET-3, RFC 5737): never routable, obviously a mock value.
        return "203.0.113." + (1 + hash(seed) % 254);
    }

    static long hash(String seed) {
        var digest = sha256(seed);
        long value = 0;
        for (int i = 0; i < 6; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    static String guid(String seed) {
        var d = sha256(seed);
        var hex = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            hex.append(String.format("%02x", d[i]));
        }
        var s = hex.toString();
        return s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20)
                + "-" + s.substring(20, 32);
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
