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

    public static final String CONTRACT_VERSION = "contractVersion";
    public static final String LOCATION = "location";
    public static final String HUB_RESOURCE_GROUP_NAME = "hubResourceGroupName";
    public static final String HUB_VNET_ID = "hubVnetId";
    public static final String HUB_VNET_NAME = "hubVnetName";
    public static final String HUB_SUBNET_IDS = "hubSubnetIds";
    public static final String PRIVATE_DNS_ZONE_IDS = "privateDnsZoneIds";
    public static final String DNS_RESOLVER_INBOUND_IP = "dnsResolverInboundIp";
    public static final String FIREWALL_PRIVATE_IP = "firewallPrivateIp";
    public static final String FIREWALL_POLICY_ID = "firewallPolicyId";
    public static final String EGRESS_IPS = "egressIps";
    public static final String SPOKE_ROUTE_TABLE_ID = "spokeRouteTableId";
    public static final String LOG_ANALYTICS_WORKSPACE_ID = "logAnalyticsWorkspaceId";
    public static final String KEY_VAULT_ID = "keyVaultId";
    public static final String KEY_VAULT_URI = "keyVaultUri";
    public static final String SPOKES = "spokes";
    public static final String NCC_ID = "nccId";
    public static final String SERVERLESS_APPROVALS = "serverlessApprovals";
    public static final String LANDING_URI = "landingUri";
    public static final String LANDING_IDENTITY_OBJECT_ID = "landingIdentityObjectId";

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
    public enum Kind { STRING, STRING_LIST, STRING_MAP, SPOKE_MAP }

    /**
     * One output of the contract.
     *
     * @param required false for outputs that exist only when the stack enables the feature
     */
    public record Output(String name, Kind kind, boolean required, String description) {
    }

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
                    "object id of the landing identity, to grant in Fabric (with landing and a service principal)"));

    private OutputContract() {
    }

    public static Optional<Output> output(String name) {
        return OUTPUTS.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
