package com.ztplatform.components.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack outputs other teams build on through stack references, versioned. Adding an output is
 * compatible; removing or renaming one, or changing its shape, needs a new {@link #VERSION} (a test pins
 * the names of every version). Secrets are never outputs.
 */
public final class OutputContract {
    /** Bumped on every incompatible change. */
    public static final String VERSION = "1";

    /** Output name: this contract's version ({@value #VERSION}); a client refuses another version. */
    public static final String CONTRACT_VERSION = "contractVersion";
    /** Output name: the Azure region of the platform, like westeurope. */
    public static final String LOCATION = "location";
    /** Output name: the resource group of the hub. */
    public static final String HUB_RESOURCE_GROUP_NAME = "hubResourceGroupName";
    /** Output name: the hub VNet's resource id, to peer a VNet with. */
    public static final String HUB_VNET_ID = "hubVnetId";
    /** Output name: the hub VNet's name. */
    public static final String HUB_VNET_NAME = "hubVnetName";
    /** Output name: the hub's subnet ids by subnet name. */
    public static final String HUB_SUBNET_IDS = "hubSubnetIds";
    /**
     * Output name: the private DNS zone ids by zone name, like privatelink.blob.core.windows.net (link a VNet, register
     * endpoints).
     */
    public static final String PRIVATE_DNS_ZONE_IDS = "privateDnsZoneIds";
    /** Output name: the DNS resolver's inbound endpoint IP; optional, only with {@code hub.dnsResolver}. */
    public static final String DNS_RESOLVER_INBOUND_IP = "dnsResolverInboundIp";
    /** Output name: the firewall's private IP, the next hop of 0.0.0.0/0 (and the DNS server when its proxy is on). */
    public static final String FIREWALL_PRIVATE_IP = "firewallPrivateIp";
    /** Output name: the firewall policy's resource id. */
    public static final String FIREWALL_POLICY_ID = "firewallPolicyId";
    /** Output name: the public IPs (or prefix) all allowed egress leaves from, to allowlist at partners. */
    public static final String EGRESS_IPS = "egressIps";
    /** Output name: the route table sending 0.0.0.0/0 to the firewall, for a consumer's subnets. */
    public static final String SPOKE_ROUTE_TABLE_ID = "spokeRouteTableId";
    /** Output name: the Log Analytics workspace's resource id, for diagnostic settings. */
    public static final String LOG_ANALYTICS_WORKSPACE_ID = "logAnalyticsWorkspaceId";
    /** Output name: the platform Key Vault's resource id. */
    public static final String KEY_VAULT_ID = "keyVaultId";
    /** Output name: the platform Key Vault's URI, like https://kv-ztp-dev.vault.azure.net/. */
    public static final String KEY_VAULT_URI = "keyVaultUri";
    /**
     * Output name: the Databricks spokes by name, each with the fields of {@link #SPOKE_FIELDS} (see {@link
     * SpokeOutputs}).
     */
    public static final String SPOKES = "spokes";
    /** Output name: the serverless network connectivity configuration's id; optional, only with serverless. */
    public static final String NCC_ID = "nccId";
    /** Output name: per NCC private endpoint rule, what to approve on the target and how to check it; optional. */
    public static final String SERVERLESS_APPROVALS = "serverlessApprovals";
    /** Output name: the abfss URI the OneLake landing writes to; optional, only with the landing. */
    public static final String LANDING_URI = "landingUri";
    /**
     * Output name: the landing identity's object id, to grant in Fabric; optional (landing with a service principal).
     */
    public static final String LANDING_IDENTITY_OBJECT_ID = "landingIdentityObjectId";
    /** Output name: the deployment identity's client id, GitHub environment variable AZURE_CLIENT_ID; optional. */
    public static final String DEPLOYMENT_CLIENT_ID = "deploymentClientId";
    /** Output name: the preview identity's client id, repository variable AZURE_CLIENT_ID; optional. */
    public static final String PREVIEW_CLIENT_ID = "previewClientId";
    /** Output name: the identities' Entra ID tenant, variable AZURE_TENANT_ID; optional. */
    public static final String TENANT_ID = "tenantId";
    /** Output name: the subscription the stack deploys to, variable AZURE_SUBSCRIPTION_ID; optional. */
    public static final String SUBSCRIPTION_ID = "subscriptionId";

    /** Output name: the integration's Service Bus namespace resource id; optional, only with the integration. */
    public static final String INTEGRATION_SERVICE_BUS_ID = "integrationServiceBusId";
    /**
     * Output name: the integration namespace's host, like ztp-prod-bus-k3x9q.servicebus.windows.net (resolves to its
     * private endpoint through the hub's zone); optional, only with the integration.
     */
    public static final String INTEGRATION_SERVICE_BUS_HOST = "integrationServiceBusHost";
    /** Output name: the integration namespace's queue names; optional, only with the integration. */
    public static final String INTEGRATION_QUEUE_NAMES = "integrationQueueNames";
    /** Output name: the integration's function app resource id; optional, only with the integration. */
    public static final String INTEGRATION_FUNCTION_APP_ID = "integrationFunctionAppId";
    /**
     * Output name: the function app's host name, like ztp-prod-func-k3x9q.azurewebsites.net (reached through its
     * private endpoint only); optional, only with the integration.
     */
    public static final String INTEGRATION_FUNCTION_APP_HOST_NAME = "integrationFunctionAppHostName";

    /**
     * Shape of each per-spoke field inside {@link #SPOKES}, in contract order: {@code subnetIds} is a map, the
     * others strings.
     */
    public static final Map<String, Kind> SPOKE_FIELD_KINDS;

    /** Per-spoke fields inside {@link #SPOKES}, in contract order. */
    public static final List<String> SPOKE_FIELDS;

    static {
        var kinds = new LinkedHashMap<String, Kind>();
        kinds.put("vnetId", Kind.STRING);
        kinds.put("subnetIds", Kind.STRING_MAP);
        kinds.put("workspaceResourceId", Kind.STRING);
        kinds.put("workspaceId", Kind.STRING);
        kinds.put("workspaceUrl", Kind.STRING);
        SPOKE_FIELD_KINDS = Collections.unmodifiableMap(kinds);
        SPOKE_FIELDS = List.copyOf(kinds.keySet());
    }

    /** What shape an output has. */
    public enum Kind {
        /** A string. */
        STRING,
        /** A list of strings. */
        STRING_LIST,
        /** A map of string to string, like subnet ids by subnet name. */
        STRING_MAP,
        /** A map of spoke name to the spoke's fields ({@link OutputContract#SPOKE_FIELDS}). */
        SPOKE_MAP
    }

    /**
     * One output of the contract.
     *
     * @param name        the stack output's name, like hubVnetId
     * @param kind        its shape
     * @param required    false for outputs that exist only when the stack enables the feature
     * @param description what a consumer uses it for
     */
    public record Output(String name, Kind kind, boolean required, String description) {
    }

    /** Every output of this contract version, in publishing order. */
    public static final List<Output> OUTPUTS = List.of(
            new Output(CONTRACT_VERSION, Kind.STRING, true, "this contract's version"),
            new Output(LOCATION, Kind.STRING, true, "Azure region of the platform"),
            new Output(HUB_RESOURCE_GROUP_NAME, Kind.STRING, true, "resource group of the hub"),
            new Output(HUB_VNET_ID, Kind.STRING, true, "hub VNet resource id (peer with it)"),
            new Output(HUB_VNET_NAME, Kind.STRING, true, "hub VNet name"),
            new Output(HUB_SUBNET_IDS, Kind.STRING_MAP, true, "hub subnet ids by subnet name"),
            new Output(PRIVATE_DNS_ZONE_IDS, Kind.STRING_MAP, true, "private DNS zone ids by zone name (link your VNet, register endpoints)"),
            new Output(DNS_RESOLVER_INBOUND_IP, Kind.STRING, false, "DNS resolver inbound endpoint IP (only with hub.dnsResolver)"),
            new Output(FIREWALL_PRIVATE_IP, Kind.STRING, true, "next hop for 0.0.0.0/0 from your subnets; DNS server when the proxy is on"),
            new Output(FIREWALL_POLICY_ID, Kind.STRING, true, "firewall policy id"),
            new Output(EGRESS_IPS, Kind.STRING_LIST, true, "public IPs (or prefix) all allowed egress leaves from"),
            new Output(SPOKE_ROUTE_TABLE_ID, Kind.STRING, true, "route table sending 0.0.0.0/0 to the firewall"),
            new Output(LOG_ANALYTICS_WORKSPACE_ID, Kind.STRING, true, "Log Analytics workspace for diagnostics"),
            new Output(KEY_VAULT_ID, Kind.STRING, true, "platform Key Vault resource id"),
            new Output(KEY_VAULT_URI, Kind.STRING, true, "platform Key Vault URI"),
            new Output(SPOKES, Kind.SPOKE_MAP, true, "per spoke: " + String.join(", ", SPOKE_FIELDS)),
            new Output(NCC_ID, Kind.STRING, false, "serverless network connectivity configuration id (with serverless)"),
            new Output(SERVERLESS_APPROVALS, Kind.STRING_LIST, false,
                    "per NCC private endpoint rule: what to approve on the target and how to check it"),
            new Output(LANDING_URI, Kind.STRING, false, "where the OneLake landing writes (abfss URI; with landing)"),
            new Output(LANDING_IDENTITY_OBJECT_ID, Kind.STRING, false,
                    "object id of the landing identity, to grant in Fabric (with landing and a service principal)"),
            new Output(INTEGRATION_SERVICE_BUS_ID, Kind.STRING, false,
                    "integration Service Bus namespace id, the scope of data-plane role grants (with integration)"),
            new Output(INTEGRATION_SERVICE_BUS_HOST, Kind.STRING, false,
                    "integration namespace host for identity-based clients (fullyQualifiedNamespace; with integration)"),
            new Output(INTEGRATION_QUEUE_NAMES, Kind.STRING_LIST, false, "integration namespace queues (with integration)"),
            new Output(INTEGRATION_FUNCTION_APP_ID, Kind.STRING, false, "integration function app id (with integration)"),
            new Output(INTEGRATION_FUNCTION_APP_HOST_NAME, Kind.STRING, false,
                    "integration function app host name, private endpoint only (with integration)"),
            new Output(DEPLOYMENT_CLIENT_ID, Kind.STRING, false,
                    "GitHub environment variable AZURE_CLIENT_ID of up.yml (with deploymentIdentity)"),
            new Output(PREVIEW_CLIENT_ID, Kind.STRING, false,
                    "repository variable AZURE_CLIENT_ID of preview.yml (with deploymentIdentity.previewIdentity)"),
            new Output(TENANT_ID, Kind.STRING, false, "variable AZURE_TENANT_ID (with deploymentIdentity)"),
            new Output(SUBSCRIPTION_ID, Kind.STRING, false, "variable AZURE_SUBSCRIPTION_ID (with deploymentIdentity)"));

    private OutputContract() {
    }

    /**
     * The contract's entry for an output name.
     *
     * @param name the output name, like {@link #HUB_VNET_ID}
     * @return the output, or empty when the contract has no such output
     */
    public static Optional<Output> output(String name) {
        return OUTPUTS.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
