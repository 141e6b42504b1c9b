package com.ztplatform.components.contract;

import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkLink;
import com.pulumi.azurenative.network.VirtualNetworkLinkArgs;
import com.pulumi.azurenative.network.VirtualNetworkPeering;
import com.pulumi.azurenative.network.VirtualNetworkPeeringArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.network.HubLayout;
import com.ztplatform.components.network.PrivateDnsZones;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Typed, checked access to a zt-databricks platform stack from another team's Pulumi program, through a
 * {@link StackReference}:
 *
 * <pre>{@code
 * var platform = new PlatformStackReference("platform", "my-org/zt-databricks/prod");
 * Output<String> nextHop = platform.firewallPrivateIp();
 * Output<String> zoneId = platform.privateDnsZoneId("privatelink.azuredatabricks.net");
 * Output<SpokeOutputs> analytics = platform.spoke("analytics");
 * }</pre>
 *
 * <p>Every accessor first checks that the stack publishes the {@link OutputContract#VERSION output contract
 * version} this client was built for, and fails the deployment otherwise ("stack ... publishes output contract
 * v2, this client understands v1: upgrade zt-components"). Required outputs have {@code requireOutput}
 * semantics: a missing one fails naming the output and the stack; outputs that exist only when the platform
 * enables a feature come as {@code Output<Optional<...>>}. A value of the wrong shape fails as well. The
 * failures are {@link OutputContractException}s raised when the value is resolved.
 *
 * <p>It is also a {@link HubConnection} and an {@link EgressNextHop}, so the components the platform itself uses
 * ({@code DatabricksSpoke}, {@code PrivateEndpointSet}) join the platform from another team's program:
 *
 * <pre>{@code
 * var endpoints = new PrivateEndpointSet("sales-pe", PrivateEndpointSetArgs.builder()
 *         .resourceGroupName(rg.name()).location("westeurope").naming(naming).targetName("sales-st")
 *         .targetType(PrivateLinkTarget.STORAGE_ACCOUNT).targetId(account.id())
 *         .endpoints(List.of(EndpointSpec.registeredIn(platform, "blob", PrivateLinkTarget.STORAGE_ACCOUNT, "blob",
 *                 salesSubnet.id())))
 *         .build(), null);
 * }</pre>
 *
 * <p>What another stack cannot do: write rules into the platform's firewall policy. {@link #egressPlan()} is empty,
 * and a consumer subnet routed to the firewall is denied everything until the platform stack admits it in its own
 * plan (see {@link EgressNextHop}). Nor can it order its hub-side peering after the platform's own writes to the hub
 * VNet (see {@link HubConnection}), or use the hub's VPN gateway: the contract does not publish one.
 */
public final class PlatformStackReference implements HubConnection, EgressNextHop {
    private final String stackName;
    private final StackReference reference;
    private final Output<String> contractVersion;
    private final List<String> privateDnsZones;

    /**
     * @param name      logical name of the stack reference resource in your program
     * @param stackName the platform stack, fully qualified: {@code <org>/<project>/<stack>} (Pulumi Cloud) or
     *                  {@code organization/<project>/<stack>} (self-managed backends)
     */
    public PlatformStackReference(String name, String stackName) {
        this(name, stackName, null);
    }

    /**
     * Reads a platform stack that hosts the default private DNS zones ({@link PrivateDnsZones#DEFAULTS}).
     *
     * @param name      logical name of the stack reference resource in your program
     * @param stackName the platform stack, fully qualified, like acme/zt-databricks/prod
     * @param options   options of the stack reference resource (parent, provider), or null
     */
    public PlatformStackReference(String name, String stackName, @Nullable CustomResourceOptions options) {
        this(name, stackName, PrivateDnsZones.DEFAULTS, options);
    }

    /**
     * @param privateDnsZones the hub zones this program links VNets to ({@link #linkVirtualNetwork}), when the platform
     *                        hosts others than {@link PrivateDnsZones#DEFAULTS}: the names must be known before the
     *                        stack's outputs are. A zone the platform does not host fails at deployment, naming the
     *                        zones it has
     * @param name      logical name of the stack reference resource in your program
     * @param stackName the platform stack, fully qualified, like acme/zt-databricks/prod
     * @param options   options of the stack reference resource, or null
     */
    public PlatformStackReference(String name, String stackName, List<String> privateDnsZones,
                                  @Nullable CustomResourceOptions options) {
        if (stackName == null || stackName.isBlank()) {
            throw new IllegalArgumentException("stackName must name the platform stack, like org/zt-databricks/prod");
        }
        var zoneProblems = PrivateDnsZones.problems("privateDnsZones", privateDnsZones == null ? List.of() : privateDnsZones);
        if (privateDnsZones == null || !zoneProblems.isEmpty()) {
            throw new IllegalArgumentException(zoneProblems.isEmpty()
                    ? "privateDnsZones is required, like PrivateDnsZones.DEFAULTS" : String.join("; ", zoneProblems));
        }
        this.privateDnsZones = List.copyOf(privateDnsZones);
        this.stackName = stackName;
        this.reference = new StackReference(name, StackReferenceArgs.builder().name(stackName).build(), options);
        this.contractVersion = raw(reference, OutputContract.CONTRACT_VERSION).applyValue(this::checkVersion);
    }

    /**
     * The referenced stack's name, as given.
     *
     * @return the fully qualified stack name
     */
    public String stackName() {
        return stackName;
    }

    /**
     * The underlying stack reference, for outputs outside the contract (which nobody promised to keep).
     *
     * @return the Pulumi stack reference
     */
    public StackReference stackReference() {
        return reference;
    }

    /**
     * The contract version the stack publishes, once checked to equal {@link OutputContract#VERSION}.
     *
     * @return the version; the output fails when the stack publishes another version
     */
    public Output<String> contractVersion() {
        return contractVersion;
    }

    /**
     * Azure region of the platform ({@code location}).
     *
     * @return the location, like westeurope
     */
    public Output<String> location() {
        return required(OutputContract.LOCATION, this::string);
    }

    /**
     * The hub's resource group ({@code hubResourceGroupName}): where the remote side of your peering lives.
     *
     * @return the resource group name
     */
    public Output<String> hubResourceGroupName() {
        return required(OutputContract.HUB_RESOURCE_GROUP_NAME, this::string);
    }

    /**
     * Hub VNet resource id: the remote VNet of your peering.
     *
     * @return the VNet's resource id
     */
    public Output<String> hubVnetId() {
        return required(OutputContract.HUB_VNET_ID, this::string);
    }

    /**
     * Hub VNet name ({@code hubVnetName}), for resources that take a name rather than an id.
     *
     * @return the VNet's name
     */
    public Output<String> hubVnetName() {
        return required(OutputContract.HUB_VNET_NAME, this::string);
    }

    /**
     * Hub subnet ids by subnet name.
     *
     * @return subnet name to resource id
     */
    public Output<Map<String, String>> hubSubnetIds() {
        return required(OutputContract.HUB_SUBNET_IDS, this::stringMap);
    }

    /**
     * One hub subnet's id; fails naming the subnets there are.
     *
     * @param subnetName like snet-private-endpoints
     * @return the subnet's resource id; the output fails when the hub has no such subnet
     */
    public Output<String> hubSubnetId(String subnetName) {
        return hubSubnetIds().applyValue(ids -> entry(ids, subnetName, OutputContract.HUB_SUBNET_IDS, "subnet"));
    }

    /**
     * Private DNS zone ids by zone name.
     *
     * @return zone name to resource id
     */
    public Output<Map<String, String>> privateDnsZoneIds() {
        return required(OutputContract.PRIVATE_DNS_ZONE_IDS, this::stringMap);
    }

    /** One private DNS zone's id, like {@code privateDnsZoneId("privatelink.azuredatabricks.net")}. */
    @Override
    public Output<String> privateDnsZoneId(String zone) {
        return privateDnsZoneIds().applyValue(ids -> entry(ids, zone, OutputContract.PRIVATE_DNS_ZONE_IDS, "zone"));
    }

    /**
     * The DNS resolver's inbound IP; present only when the platform runs a resolver.
     *
     * @return the IP, or empty when the platform has no resolver
     */
    public Output<Optional<String>> dnsResolverInboundIp() {
        return optional(OutputContract.DNS_RESOLVER_INBOUND_IP, this::string);
    }

    /**
     * The firewall's private IP: the next hop of {@code 0.0.0.0/0} from your subnets.
     *
     * @return the IP, like 10.100.0.4
     */
    public Output<String> firewallPrivateIp() {
        return required(OutputContract.FIREWALL_PRIVATE_IP, this::string);
    }

    /**
     * The firewall policy's resource id ({@code firewallPolicyId}), for example to inspect its rule collection groups.
     *
     * @return the policy's resource id
     */
    public Output<String> firewallPolicyId() {
        return required(OutputContract.FIREWALL_POLICY_ID, this::string);
    }

    /**
     * The public IPs (or prefix) all allowed egress leaves from: what partners put on their allowlists.
     *
     * @return the addresses or prefix
     */
    public Output<List<String>> egressIps() {
        return required(OutputContract.EGRESS_IPS, this::stringList);
    }

    /**
     * The platform's route table sending {@code 0.0.0.0/0} to the firewall.
     *
     * @return the route table's resource id
     */
    public Output<String> spokeRouteTableId() {
        return required(OutputContract.SPOKE_ROUTE_TABLE_ID, this::string);
    }

    /**
     * The platform's Log Analytics workspace ({@code logAnalyticsWorkspaceId}): send your diagnostic settings here.
     *
     * @return the workspace's resource id
     */
    public Output<String> logAnalyticsWorkspaceId() {
        return required(OutputContract.LOG_ANALYTICS_WORKSPACE_ID, this::string);
    }

    /**
     * The platform Key Vault's resource id ({@code keyVaultId}), for role assignments.
     *
     * @return the Key Vault's resource id
     */
    public Output<String> keyVaultId() {
        return required(OutputContract.KEY_VAULT_ID, this::string);
    }

    /**
     * The platform Key Vault's URI ({@code keyVaultUri}), like https://kv-ztp-dev.vault.azure.net/.
     *
     * @return the vault URI
     */
    public Output<String> keyVaultUri() {
        return required(OutputContract.KEY_VAULT_URI, this::string);
    }

    /**
     * Every Databricks spoke by name.
     *
     * @return spoke name to its outputs
     */
    public Output<Map<String, SpokeOutputs>> spokes() {
        return required(OutputContract.SPOKES, this::spokeMap);
    }

    /**
     * The spokes' names, sorted.
     *
     * @return the names
     */
    public Output<List<String>> spokeNames() {
        return spokes().applyValue(spokes -> List.copyOf(spokes.keySet()));
    }

    /**
     * One spoke; fails naming the spokes there are.
     *
     * @param name the spoke's name, like analytics
     * @return the spoke's outputs; the output fails when there is no such spoke
     */
    public Output<SpokeOutputs> spoke(String name) {
        return spokes().applyValue(spokes -> entry(spokes, name, OutputContract.SPOKES, "spoke"));
    }

    /**
     * The serverless network connectivity configuration id; present only when the platform has serverless.
     *
     * @return the NCC id, or empty without serverless
     */
    public Output<Optional<String>> nccId() {
        return optional(OutputContract.NCC_ID, this::string);
    }

    /**
     * Per NCC private endpoint rule, what to approve on the target; present only with serverless.
     *
     * @return one line per rule, or empty without serverless
     */
    public Output<Optional<List<String>>> serverlessApprovals() {
        return optional(OutputContract.SERVERLESS_APPROVALS, this::stringList);
    }

    /**
     * Where the OneLake landing writes (abfss URI); present only when the platform has a landing.
     *
     * @return the abfss URI, or empty without a landing
     */
    public Output<Optional<String>> landingUri() {
        return optional(OutputContract.LANDING_URI, this::string);
    }

    /**
     * The landing identity's object id to grant in Fabric; present only with a landing service principal.
     *
     * @return the object id, or empty
     */
    public Output<Optional<String>> landingIdentityObjectId() {
        return optional(OutputContract.LANDING_IDENTITY_OBJECT_ID, this::string);
    }

    /**
     * The integration's Service Bus namespace id, the scope for a client identity's Data Sender or Receiver grant;
     * present only when the platform has the integration.
     *
     * @return the namespace id, or empty without the integration
     */
    public Output<Optional<String>> integrationServiceBusId() {
        return optional(OutputContract.INTEGRATION_SERVICE_BUS_ID, this::string);
    }

    /**
     * The integration namespace's host ({@code fullyQualifiedNamespace} of identity-based clients); present only with
     * the integration.
     *
     * @return the host, like ztp-prod-bus-k3x9q.servicebus.windows.net, or empty
     */
    public Output<Optional<String>> integrationServiceBusHost() {
        return optional(OutputContract.INTEGRATION_SERVICE_BUS_HOST, this::string);
    }

    /**
     * The integration namespace's queues; present only with the integration.
     *
     * @return the queue names, or empty
     */
    public Output<Optional<List<String>>> integrationQueueNames() {
        return optional(OutputContract.INTEGRATION_QUEUE_NAMES, this::stringList);
    }

    /**
     * The integration function app's id; present only with the integration.
     *
     * @return the app's id, or empty
     */
    public Output<Optional<String>> integrationFunctionAppId() {
        return optional(OutputContract.INTEGRATION_FUNCTION_APP_ID, this::string);
    }

    /**
     * The integration function app's host name, reached through its private endpoint only; present only with the
     * integration.
     *
     * @return the host name, or empty
     */
    public Output<Optional<String>> integrationFunctionAppHostName() {
        return optional(OutputContract.INTEGRATION_FUNCTION_APP_HOST_NAME, this::string);
    }

    /**
     * The deployment identity's client id (the {@code AZURE_CLIENT_ID} of the stack's GitHub environment); present
     * only with {@code deploymentIdentity}.
     *
     * @return the client id, or empty
     */
    public Output<Optional<String>> deploymentClientId() {
        return optional(OutputContract.DEPLOYMENT_CLIENT_ID, this::string);
    }

    /**
     * The pull-request preview identity's client id; present only with {@code deploymentIdentity.previewIdentity}.
     *
     * @return the client id, or empty
     */
    public Output<Optional<String>> previewClientId() {
        return optional(OutputContract.PREVIEW_CLIENT_ID, this::string);
    }

    /**
     * The identities' Entra ID tenant; present only with {@code deploymentIdentity}.
     *
     * @return the tenant id, or empty
     */
    public Output<Optional<String>> tenantId() {
        return optional(OutputContract.TENANT_ID, this::string);
    }

    /**
     * The subscription the stack deploys to; present only with {@code deploymentIdentity}.
     *
     * @return the subscription id, or empty
     */
    public Output<Optional<String>> subscriptionId() {
        return optional(OutputContract.SUBSCRIPTION_ID, this::string);
    }

    // --- HubConnection and EgressNextHop ------------------------------------------------------------------

    @Override
    public Output<String> vnetId() {
        return hubVnetId();
    }

    @Override
    public Output<String> vnetName() {
        return hubVnetName();
    }

    @Override
    public Output<String> resourceGroupName() {
        return hubResourceGroupName();
    }

    /** The hub's private-endpoint subnet ({@value HubLayout#PRIVATE_ENDPOINTS}). */
    @Override
    public Output<String> privateEndpointSubnetId() {
        return hubSubnetId(HubLayout.PRIVATE_ENDPOINTS);
    }

    /** The zones given at construction (default {@link PrivateDnsZones#DEFAULTS}). */
    @Override
    public List<String> privateDnsZones() {
        return privateDnsZones;
    }

    @Override
    public Output<String> privateIp() {
        return firewallPrivateIp();
    }

    @Override
    public Output<String> routeTableId() {
        return spokeRouteTableId();
    }

    /**
     * Peers a VNet of this program with the platform hub, both ways. The hub side is written into the platform's hub
     * VNet, so this program's identity needs the right to create peerings there; no gateway transit (the contract does
     * not publish a gateway).
     */
    @Override
    public List<VirtualNetworkPeering> peerWith(String name, String spokeName, Output<String> spokeResourceGroupName,
                                                VirtualNetwork spokeVnet, Resource parent, Resource after) {
        var hubToSpoke = new VirtualNetworkPeering(name + "-hub-to-spoke", VirtualNetworkPeeringArgs.builder()
                .resourceGroupName(hubResourceGroupName())
                .virtualNetworkName(hubVnetName())
                .virtualNetworkPeeringName("hub-to-" + spokeName)
                .remoteVirtualNetwork(SubResourceArgs.builder().id(spokeVnet.id()).build())
                .allowVirtualNetworkAccess(true)
                .allowForwardedTraffic(true)
                .allowGatewayTransit(false)
                .useRemoteGateways(false)
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(after).build());
        var spokeToHub = new VirtualNetworkPeering(name + "-spoke-to-hub", VirtualNetworkPeeringArgs.builder()
                .resourceGroupName(spokeResourceGroupName)
                .virtualNetworkName(spokeVnet.name())
                .virtualNetworkPeeringName(spokeName + "-to-hub")
                .remoteVirtualNetwork(SubResourceArgs.builder().id(hubVnetId()).build())
                .allowVirtualNetworkAccess(true)
                .allowForwardedTraffic(true)
                .allowGatewayTransit(false)
                .useRemoteGateways(false)
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(List.of(hubToSpoke, after)).build());
        return List.of(hubToSpoke, spokeToHub);
    }

    /**
     * Links a VNet of this program to the hub's zones: each link lives in the zone's resource group (read from the
     * zone's id), named {@code <linkName>-link}, with auto-registration off.
     */
    @Override
    public List<VirtualNetworkLink> linkVirtualNetwork(String linkName, Output<String> vnetId, Resource parent,
                                                       Set<String> exceptZones) {
        var links = new ArrayList<VirtualNetworkLink>();
        for (var zone : privateDnsZones) {
            if (exceptZones.contains(zone)) {
                continue;
            }
            var zoneId = privateDnsZoneId(zone);
            links.add(new VirtualNetworkLink(linkName + "-link-" + zone.replace('.', '-'), VirtualNetworkLinkArgs.builder()
                    .resourceGroupName(zoneId.applyValue(id -> armSegment(id, "resourceGroups")))
                    .privateZoneName(zoneId.applyValue(id -> armSegment(id, "privateDnsZones")))
                    .virtualNetworkLinkName(linkName + "-link")
                    .virtualNetwork(SubResourceArgs.builder().id(vnetId).build())
                    .registrationEnabled(false)
                    .location("Global")
                    .build(), CustomResourceOptions.builder().parent(parent).build()));
        }
        return List.copyOf(links);
    }

    /**
     * The segment after {@code key} in an ARM id ({@code resourceGroups} gives the resource group name).
     *
     * @param armId a resource id, like /subscriptions/.../resourceGroups/rg-hub/providers/...
     * @param key   the segment name, like resourceGroups (case-insensitive)
     * @return the segment after it, like rg-hub
     * @throws OutputContractException when the id has no such segment
     */
    public static String armSegment(String armId, String key) {
        var parts = armId.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equalsIgnoreCase(key)) {
                return parts[i + 1];
            }
        }
        throw new OutputContractException("'" + armId + "' has no " + key + " segment");
    }

    // --- checks -------------------------------------------------------------------------------------------

    /**
     * The message for a stack publishing another contract version than this client's.
     *
     * @param stackName  the referenced stack
     * @param published  the version the stack publishes
     * @param understood the version this client understands ({@link OutputContract#VERSION})
     * @return the message: upgrade zt-components, or (stack on an older version) use the matching release or
     *         update the stack
     */
    public static String versionMismatchMessage(String stackName, String published, String understood) {
        var message = "stack " + stackName + " publishes output contract v" + published + ", this client understands v"
                + understood + ": ";
        try {
            if (Integer.parseInt(published) < Integer.parseInt(understood)) {
                return message + "use the zt-components release for contract v" + published
                        + ", or update the platform stack first";
            }
        } catch (NumberFormatException e) {
            // not numeric: the usual advice
        }
        return message + "upgrade zt-components";
    }

    private String checkVersion(Object value) {
        if (value == null) {
            throw new OutputContractException("stack " + stackName + " has no output '" + OutputContract.CONTRACT_VERSION
                    + "': it is not a zt-databricks platform stack, or it was deployed before output contracts "
                    + "(this client understands v" + OutputContract.VERSION + ")");
        }
        var published = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue()) : String.valueOf(value);
        if (!published.equals(OutputContract.VERSION)) {
            throw new OutputContractException(versionMismatchMessage(stackName, published, OutputContract.VERSION));
        }
        return published;
    }

    @SuppressWarnings("unchecked")
    private static Output<Object> raw(StackReference reference, String name) {
        return (Output<Object>) reference.output(name);
    }

    /** The output's value after the version check; null when the stack does not have it. */
    private Output<Object> checked(String name) {
        return contractVersion.apply(version -> raw(reference, name));
    }

    private <T> Output<T> required(String name, Converter<T> convert) {
        return checked(name).applyValue(value -> {
            if (value == null) {
                throw new OutputContractException("stack " + stackName + " has no output '" + name
                        + "', required by output contract v" + OutputContract.VERSION);
            }
            return convert.apply(name, value);
        });
    }

    private <T> Output<Optional<T>> optional(String name, Converter<T> convert) {
        return checked(name).applyValue(value -> value == null ? Optional.empty()
                : Optional.of(convert.apply(name, value)));
    }

    @FunctionalInterface
    private interface Converter<T> {
        T apply(String what, Object value);
    }

    private OutputContractException shape(String what, String expected, Object value) {
        return new OutputContractException("stack " + stackName + ": output '" + what + "' should be " + expected
                + " (output contract v" + OutputContract.VERSION + "), got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value.getClass().getSimpleName() + " " + value;
    }

    private String string(String what, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw shape(what, "a string", value);
    }

    private List<String> stringList(String what, Object value) {
        if (value instanceof List<?> list) {
            var strings = new ArrayList<String>();
            for (var element : list) {
                strings.add(string(what + "[" + strings.size() + "]", element));
            }
            return List.copyOf(strings);
        }
        throw shape(what, "a list of strings", value);
    }

    private Map<String, String> stringMap(String what, Object value) {
        if (value instanceof Map<?, ?> map) {
            var strings = new TreeMap<String, String>();
            map.forEach((k, v) -> strings.put(String.valueOf(k), string(what + "." + k, v)));
            return Collections.unmodifiableMap(strings);
        }
        throw shape(what, "an object of strings", value);
    }

    private Map<String, SpokeOutputs> spokeMap(String what, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw shape(what, "an object of spokes", value);
        }
        var spokes = new TreeMap<String, SpokeOutputs>();
        map.forEach((k, v) -> {
            var spokeName = String.valueOf(k);
            var path = what + "." + spokeName;
            if (!(v instanceof Map<?, ?> fields)) {
                throw shape(path, "an object with " + String.join(", ", OutputContract.SPOKE_FIELDS), v);
            }
            Function<String, Object> field = f -> {
                var fieldValue = fields.get(f);
                if (fieldValue == null) {
                    throw new OutputContractException("stack " + stackName + ": spoke '" + spokeName + "' in output '"
                            + what + "' has no '" + f + "', required by output contract v" + OutputContract.VERSION);
                }
                return fieldValue;
            };
            spokes.put(spokeName, new SpokeOutputs(spokeName,
                    string(path + ".vnetId", field.apply("vnetId")),
                    stringMap(path + ".subnetIds", field.apply("subnetIds")),
                    string(path + ".workspaceResourceId", field.apply("workspaceResourceId")),
                    string(path + ".workspaceId", field.apply("workspaceId")),
                    string(path + ".workspaceUrl", field.apply("workspaceUrl"))));
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(spokes));
    }

    private <V> V entry(Map<String, V> map, String key, String output, String noun) {
        var value = map.get(key);
        if (value == null) {
            throw new OutputContractException("stack " + stackName + " has no " + noun + " '" + key + "' in output '"
                    + output + "' (there are: " + String.join(", ", map.keySet()) + ")");
        }
        return value;
    }
}
