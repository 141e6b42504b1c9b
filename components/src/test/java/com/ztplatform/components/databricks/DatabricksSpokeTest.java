package com.ztplatform.components.databricks;

import com.google.gson.JsonElement;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.firewall.EgressFirewall;
import com.ztplatform.components.firewall.EgressFirewallArgs;
import com.ztplatform.components.firewall.EgressPath;
import com.ztplatform.components.firewall.EgressPathArgs;
import com.ztplatform.components.firewall.FirewallSettings;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.network.VpnOptions;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class DatabricksSpokeTest {
    private static final Naming NAMING = new Naming("ztp", "dev");
    private static final String WORKSPACE = "azure-native:databricks:Workspace";
    private static final String SUBNET = "azure-native:network:Subnet";
    private static final String PEERING = "azure-native:network:VirtualNetworkPeering";
    private static final String ENDPOINT = "azure-native:network:PrivateEndpoint";

    /** Hub 10.0.0.0/22 with firewall; spokes built by {@code spokes} from (hub, firewall). */
    private static Plan plan(boolean vpn, BiFunction<HubNetwork, EgressFirewall, List<DatabricksSpokeArgs>> spokes) {
        return MockRun.run((Context ctx) -> {
            var rg = Output.of("ztp-dev-hub-rg");
            var common = CommonOptions.defaults().withTags(Map.of("owner", "team"));
            var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(rg)
                    .location("westeurope").naming(NAMING).common(common).build(), null);
            var hubArgs = HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope").naming(NAMING)
                    .addressSpace("10.0.0.0/22").firewallSubnetNatGatewayId(egress.natGatewayId().orElseThrow())
                    .common(common);
            if (vpn) {
                hubArgs.vpn(new VpnOptions("172.16.200.0/24", "72f988bf-86f1-41af-91ab-2d7cd011db47", null, null));
            }
            var hub = new HubNetwork("hub", hubArgs.build(), null);
            // The stack's way: the firewall's plan holds every workload spoke's subnets before either exists.
            var egressPlan = EgressPlan.builder();
            for (var args : spokes.apply(hub, null)) {
                if (args.role() == SpokeRole.WORKLOAD && args.problems().stream().noneMatch(p -> p.startsWith("addressSpace")
                        || p.contains("SubnetPrefix"))) {
                    egressPlan.sources(DatabricksSpoke.egressSources(args.spokeName(), args.layout()));
                }
            }
            var firewall = new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(NAMING)
                    .plan(egressPlan.build()).common(common).build(), null);
            for (var args : spokes.apply(hub, firewall)) {
                new DatabricksSpoke("spoke-" + args.spokeName(), args, null);
            }
        });
    }

    private static DatabricksSpokeArgs.Builder spoke(HubNetwork hub, EgressFirewall fw, String name, String space) {
        return DatabricksSpokeArgs.builder().resourceGroupName(Output.of("ztp-dev-" + name + "-rg")).location("westeurope")
                .naming(NAMING).spokeName(name).addressSpace(space).hub(hub).egress(fw)
                .common(CommonOptions.defaults().withTags(Map.of("owner", "team")));
    }

    /** The analytics spoke with defaults, run once for the tests that read it. */
    private static final Supplier<Plan> DEFAULT = MockRun.shared(() -> analytics(b -> b));

    private static Plan analytics(UnaryOperator<DatabricksSpokeArgs.Builder> customise) {
        var plan = plan(false, (hub, fw) -> List.of(customise.apply(spoke(hub, fw, "analytics", "10.11.0.0/24")).build()));
        assertThat(plan.errors()).isEmpty();
        return plan;
    }

    private static Plan.PlanResource subnet(Plan plan, String vnet, String name) {
        return plan.ofType(SUBNET).stream().filter(s -> s.inputString("virtualNetworkName").orElse("").equals(vnet)
                && s.inputString("subnetName").orElse("").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void databricksSubnetsAreDelegatedWithNsgAndTheFirewallRouteTable() {
        var plan = DEFAULT.get();
        var routeTable = plan.ofType("azure-native:network:RouteTable").stream()
                .filter(t -> t.inputString("routeTableName").orElse("").contains("spokes")).findFirst().orElseThrow();
        for (var name : List.of(SpokeLayout.HOST, SpokeLayout.CONTAINER)) {
            var s = subnet(plan, "ztp-dev-analytics-vnet", name);
            assertThat(s.input("delegations").orElseThrow().getAsJsonArray().get(0).getAsJsonObject().get("serviceName")
                    .getAsString()).isEqualTo("Microsoft.Databricks/workspaces");
            assertThat(s.inputString("networkSecurityGroup.id")).isPresent();
            assertThat(s.inputString("routeTable.id")).hasValue(routeTable.id());
        }
        // Hand-derived layout of 10.11.0.0/24: host .0/26, container .64/26, endpoints .128/27.
        assertThat(subnet(plan, "ztp-dev-analytics-vnet", SpokeLayout.HOST).inputString("addressPrefix")).hasValue("10.11.0.0/26");
        assertThat(subnet(plan, "ztp-dev-analytics-vnet", SpokeLayout.CONTAINER).inputString("addressPrefix")).hasValue("10.11.0.64/26");
        assertThat(subnet(plan, "ztp-dev-analytics-vnet", SpokeLayout.PRIVATE_ENDPOINTS).inputString("addressPrefix"))
                .hasValue("10.11.0.128/27");
    }

    @Test
    void workspaceIsPremiumInjectedPrivateAndEncrypted() {
        var plan = DEFAULT.get();
        var workspace = plan.ofType(WORKSPACE).get(0);
        var vnet = plan.ofType("azure-native:network:VirtualNetwork").stream()
                .filter(v -> v.inputString("virtualNetworkName").orElse("").equals("ztp-dev-analytics-vnet")).findFirst().orElseThrow();
        assertThat(workspace.inputString("sku.name")).hasValue("premium");
        assertThat(workspace.inputString("publicNetworkAccess")).hasValue("Disabled");
        assertThat(workspace.inputString("requiredNsgRules")).hasValue("NoAzureDatabricksRules");
        assertThat(workspace.input("parameters.enableNoPublicIp.value").orElseThrow().getAsBoolean()).isTrue();
        assertThat(workspace.input("parameters.requireInfrastructureEncryption.value").orElseThrow().getAsBoolean()).isTrue();
        assertThat(workspace.inputString("parameters.customVirtualNetworkId.value")).hasValue(vnet.id());
        // The subnet names the workspace is told are the ones created, and it waits for both subnets.
        var host = subnet(plan, "ztp-dev-analytics-vnet", SpokeLayout.HOST);
        var container = subnet(plan, "ztp-dev-analytics-vnet", SpokeLayout.CONTAINER);
        assertThat(workspace.inputString("parameters.customPublicSubnetName.value")).hasValue(host.inputString("subnetName").orElseThrow());
        assertThat(workspace.inputString("parameters.customPrivateSubnetName.value")).hasValue(container.inputString("subnetName").orElseThrow());
        assertThat(workspace.dependencies()).contains(host.urn(), container.urn());
        assertThat(workspace.inputString("managedResourceGroupId"))
                .hasValue("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-dev-analytics-dbw-managed-rg");
        assertThat(workspace.inputString("parameters.storageAccountName.value")).hasValue("ztpdevanalyticsdbfs");
        assertThat(workspace.inputString("parameters.storageAccountSkuName.value")).hasValue("Standard_ZRS");
        assertThat(workspace.input("encryption")).as("no CMK until keys are supplied").isEmpty();
        assertThat(workspace.input("parameters.prepareEncryption")).isEmpty();
    }

    @Test
    void suppliedKeysAreWiredIntoTheWorkspace() {
        var key = new CustomerManagedKey(Output.of("https://ztp-prod-kv.vault.azure.net/"), Output.of("dbw-cmk"),
                Output.of("0123456789abcdef0123456789abcdef"));
        // First deployment (PREPARE): the managed-services key is granted but not applied yet, since Databricks checks
        // access to it when it is set and a fresh role assignment takes minutes to propagate.
        var plan = analytics(b -> b.keys(new WorkspaceKeys(Optional.of(key), Optional.of(key), Optional.of(key))));
        var workspace = plan.ofType(WORKSPACE).get(0);
        assertThat(workspace.input("encryption.entities.managedServices")).isEmpty();
        assertThat(workspace.inputString("encryption.entities.managedDisk.keyVaultProperties.keyVaultUri"))
                .hasValue("https://ztp-prod-kv.vault.azure.net/");
        assertThat(workspace.input("encryption.entities.managedDisk.rotationToLatestKeyVersionEnabled").orElseThrow()
                .getAsBoolean()).isTrue();
        assertThat(workspace.input("parameters.prepareEncryption.value").orElseThrow().getAsBoolean()).isTrue();
    }

    @Test
    void appliedManagedServicesKeyNeedsItsGrantToWaitFor() {
        var key = new CustomerManagedKey(Output.of("https://ztp-prod-kv.vault.azure.net/"), Output.of("dbw-cmk"),
                Output.of("0123456789abcdef0123456789abcdef"));
        var keys = new WorkspaceKeys(Optional.of(key), Optional.empty(), Optional.empty(), WorkspaceKeys.KeyStage.APPLY,
                List.of(), List.of());
        assertThat(keys.appliesManagedServicesKey()).isTrue();
        assertThat(DatabricksSpokeArgs.builder().spokeName("analytics").addressSpace("10.11.0.0/24").keys(keys).build()
                .problems()).contains("keys.managedServicesGrants must name the role assignment that gives the "
                + "AzureDatabricks application the managed-services key; Databricks rejects the key otherwise");
    }

    @Test
    void peeringsBothWaysForwardTrafficAndUseTheHubGatewayWhenThereIsOne() {
        var plan = plan(true, (hub, fw) -> List.of(spoke(hub, fw, "analytics", "10.11.0.0/24").build()));
        assertThat(plan.errors()).isEmpty();
        var peerings = plan.ofType(PEERING);
        var hubSide = peerings.stream().filter(p -> p.inputString("virtualNetworkName").orElse("").equals("ztp-dev-hub-vnet"))
                .findFirst().orElseThrow();
        var spokeSide = peerings.stream().filter(p -> p != hubSide).findFirst().orElseThrow();
        for (var p : List.of(hubSide, spokeSide)) {
            assertThat(p.input("allowForwardedTraffic").orElseThrow().getAsBoolean()).isTrue();
            assertThat(p.input("allowVirtualNetworkAccess").orElseThrow().getAsBoolean()).isTrue();
        }
        assertThat(hubSide.input("allowGatewayTransit").orElseThrow().getAsBoolean()).isTrue();
        assertThat(spokeSide.input("useRemoteGateways").orElseThrow().getAsBoolean()).isTrue();
        var gateway = plan.ofType("azure-native:network:VirtualNetworkGateway").get(0).urn();
        assertThat(spokeSide.dependencies()).contains(hubSide.urn()).contains(gateway);
        // The hub side offers transit through the gateway, so it must wait for it too.
        assertThat(hubSide.dependencies()).contains(gateway);
        assertThat(hubSide.inputString("remoteVirtualNetwork.id")).hasValueSatisfying(id -> assertThat(id).endsWith("/ztp-dev-analytics-vnet"));
        assertThat(spokeSide.inputString("remoteVirtualNetwork.id")).hasValueSatisfying(id -> assertThat(id).endsWith("/ztp-dev-hub-vnet"));
    }

    @Test
    void endpointSubnetAdmitsTheBackEndPortsFromTheDatabricksSubnetsOnly() {
        var plan = DEFAULT.get();
        var nsg = plan.ofType("azure-native:network:NetworkSecurityGroup").stream()
                .filter(n -> n.inputString("networkSecurityGroupName").orElse("").equals("ztp-dev-analytics-pe-nsg"))
                .findFirst().orElseThrow();
        var rules = new ArrayList<String>();
        nsg.input("securityRules").orElseThrow().getAsJsonArray().forEach(r -> {
            var o = r.getAsJsonObject();
            var ports = o.has("destinationPortRange") ? o.get("destinationPortRange").getAsString()
                    : o.get("destinationPortRanges").toString();
            rules.add(o.get("priority").getAsInt() + " " + o.get("access").getAsString() + " "
                    + o.get("sourceAddressPrefix").getAsString() + " " + ports);
        });
        // 10.11.0.0/24 carves host 10.11.0.0/26 and container 10.11.0.64/26 (SpokeLayout's fixed slots).
        assertThat(rules).containsExactly(
                "100 Allow VirtualNetwork 443",
                "110 Allow 10.11.0.0/26 [\"3306\",\"8443-8451\"]",
                "111 Allow 10.11.0.64/26 [\"3306\",\"8443-8451\"]",
                "4096 Deny * *");
    }

    @Test
    void databricksNsgDeclaresTheIntentPolicyRulesAndLeavesThemToIt() {
        var plan = DEFAULT.get();
        var nsg = plan.ofType("azure-native:network:NetworkSecurityGroup").stream()
                .filter(n -> n.inputString("networkSecurityGroupName").orElse("").equals("ztp-dev-analytics-dbx-nsg"))
                .findFirst().orElseThrow();
        var rules = new ArrayList<String>();
        nsg.input("securityRules").orElseThrow().getAsJsonArray().forEach(r -> {
            var o = r.getAsJsonObject();
            rules.add(o.get("name").getAsString() + " " + o.get("direction").getAsString() + " " + o.get("priority").getAsInt()
                    + " " + o.get("sourceAddressPrefix").getAsString() + "->" + o.get("destinationAddressPrefix").getAsString());
        });
        assertThat(rules).containsExactly(
                "Microsoft.Databricks-workspaces_UseOnly_databricks-worker-to-worker-inbound Inbound 100 VirtualNetwork->VirtualNetwork",
                "Microsoft.Databricks-workspaces_UseOnly_databricks-worker-to-worker-outbound Outbound 100 VirtualNetwork->VirtualNetwork");
        assertThat(nsg.options().get("ignoreChanges").toString()).isEqualTo("[\"securityRules\"]");
    }

    @Test
    void withoutAGatewayNoRemoteGatewaysAreUsed() {
        var plan = DEFAULT.get();
        assertThat(plan.ofType(PEERING)).as("hub side and spoke side").hasSize(2).allSatisfy(p -> {
            assertThat(p.input("useRemoteGateways").orElseThrow().getAsBoolean()).isFalse();
            assertThat(p.input("allowGatewayTransit").orElseThrow().getAsBoolean()).isFalse();
        });
    }

    @Test
    void endpointsLandInTheRightSubnetAndZoneAndAreCreatedOneAfterAnother() {
        var plan = DEFAULT.get();
        var workspace = plan.ofType(WORKSPACE).get(0);
        var backend = endpoint(plan, "ztp-dev-analytics-dbw-backend-pe");
        var frontend = endpoint(plan, "ztp-dev-analytics-dbw-frontend-pe");
        assertThat(backend.inputString("subnet.id")).hasValue(subnet(plan, "ztp-dev-analytics-vnet", SpokeLayout.PRIVATE_ENDPOINTS).id());
        assertThat(frontend.inputString("subnet.id")).hasValue(subnet(plan, "ztp-dev-hub-vnet", "snet-private-endpoints").id());
        for (var e : List.of(backend, frontend)) {
            var connection = e.input("privateLinkServiceConnections").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
            assertThat(connection.get("privateLinkServiceId").getAsString()).isEqualTo(workspace.id());
            assertThat(connection.get("groupIds").toString()).isEqualTo("[\"databricks_ui_api\"]");
            assertThat(e.input("manualPrivateLinkServiceConnections")).isEmpty();
            assertThat(zoneOf(plan, e)).endsWith("/privateDnsZones/privatelink.azuredatabricks.net");
        }
        // Serialised: the front end waits for the back end's DNS zone group.
        var backendZoneGroup = zoneGroup(plan, backend);
        assertThat(frontend.dependencies()).contains(backendZoneGroup.urn());

        var dfs = endpoint(plan, "ztp-dev-analytics-dbfs-dfs-pe");
        var blob = endpoint(plan, "ztp-dev-analytics-dbfs-blob-pe");
        assertThat(zoneOf(plan, dfs)).endsWith("/privatelink.dfs.core.windows.net");
        assertThat(zoneOf(plan, blob)).endsWith("/privatelink.blob.core.windows.net");
        var storageTarget = dfs.input("privateLinkServiceConnections").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .get("privateLinkServiceId").getAsString();
        assertThat(storageTarget).isEqualTo("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
                + "ztp-dev-analytics-dbw-managed-rg/providers/Microsoft.Storage/storageAccounts/ztpdevanalyticsdbfs");
    }

    @Test
    void webAuthWorkspaceHasItsBackEndAndTheBrowserAuthenticationEndpointInTheHubAndNoEgress() {
        var plan = plan(false, (hub, fw) -> List.of(
                spoke(hub, fw, "webauth", "10.19.0.0/24").role(SpokeRole.WEB_AUTH).build()));
        assertThat(plan.errors()).isEmpty();
        var backend = endpoint(plan, "ztp-dev-webauth-dbw-backend-pe");
        var webauth = endpoint(plan, "ztp-dev-webauth-dbw-webauth-pe");
        assertThat(backend.inputString("subnet.id")).hasValue(subnet(plan, "ztp-dev-webauth-vnet", SpokeLayout.PRIVATE_ENDPOINTS).id());
        assertThat(webauth.input("privateLinkServiceConnections").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .get("groupIds").toString()).isEqualTo("[\"browser_authentication\"]");
        assertThat(webauth.inputString("subnet.id")).hasValue(subnet(plan, "ztp-dev-hub-vnet", "snet-private-endpoints").id());
        assertThat(webauth.dependencies()).contains(zoneGroup(plan, backend).urn());
        assertThat(plan.ofType(ENDPOINT).stream().filter(e -> e.inputString("privateEndpointName").orElse("").contains("-dbw-")))
                .hasSize(2);
        var ipGroup = plan.ofType("azure-native:network:IpGroup").get(0);
        assertThat(ipGroup.input("ipAddresses").orElseThrow().getAsJsonArray()).as("no workload, no egress").isEmpty();
    }

    @Test
    void twoSpokesDoNotCollideAndRegisterTheirSubnetsWithTheFirewall() {
        var plan = plan(false, (hub, fw) -> List.of(spoke(hub, fw, "analytics", "10.11.0.0/24").build(),
                spoke(hub, fw, "datasci", "10.12.0.0/24").build()));
        assertThat(plan.errors()).isEmpty();
        var names = new ArrayList<String>();
        plan.resources().stream().filter(Plan.PlanResource::custom).forEach(r -> names.add(r.id()));
        assertThat(names).doesNotHaveDuplicates();
        assertThat(plan.ofType(WORKSPACE)).extracting(w -> w.inputString("workspaceName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-dev-analytics-dbw", "ztp-dev-datasci-dbw");
        assertThat(plan.ofType("azure-native:network:IpGroup").get(0).input("ipAddresses").orElseThrow().toString())
                .isEqualTo("[\"10.11.0.0/26\",\"10.11.0.64/26\",\"10.12.0.0/26\",\"10.12.0.64/26\"]");
        // Hub-side peerings of the two spokes are written one after another.
        var hubSide = plan.ofType(PEERING).stream()
                .filter(p -> p.inputString("virtualNetworkName").orElse("").equals("ztp-dev-hub-vnet")).toList();
        assertThat(hubSide).hasSize(2);
        assertThat(hubSide.get(0).dependencies().contains(hubSide.get(1).urn())
                || hubSide.get(1).dependencies().contains(hubSide.get(0).urn())).isTrue();
    }

    @Test
    void spokeResolvesTheWorkspaceToItsBackEndThroughItsOwnZone() {
        var plan = DEFAULT.get();
        var vnet = plan.ofType("azure-native:network:VirtualNetwork").stream()
                .filter(v -> v.inputString("virtualNetworkName").orElse("").equals("ztp-dev-analytics-vnet")).findFirst().orElseThrow();
        // Azure-provided DNS, so the spoke's own zone links apply (a custom DNS server would resolve in its own view).
        assertThat(vnet.input("dhcpOptions")).isEmpty();
        var links = plan.ofType("azure-native:network:VirtualNetworkLink").stream()
                .filter(l -> l.inputString("virtualNetwork.id").orElse("").equals(vnet.id())).toList();
        links.forEach(l -> assertThat(l.input("registrationEnabled").orElseThrow().getAsBoolean()).isFalse());
        var zones = plan.ofType("azure-native:network:PrivateZone");
        var databricksZones = zones.stream().filter(z -> z.inputString("privateZoneName").orElseThrow()
                .equals(PrivateDnsZones.DATABRICKS)).toList();
        assertThat(databricksZones).extracting(z -> z.inputString("resourceGroupName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-dev-hub-rg", "ztp-dev-analytics-rg");
        var spokeZone = databricksZones.stream().filter(z -> z.inputString("resourceGroupName").orElseThrow()
                .equals("ztp-dev-analytics-rg")).findFirst().orElseThrow();
        // One link per zone name: every hub zone except the hub's Databricks zone, plus the spoke's own.
        assertThat(links).hasSize(zones.size() - 1);
        assertThat(links).extracting(l -> l.inputString("resourceGroupName").orElseThrow() + "/"
                + l.inputString("privateZoneName").orElseThrow())
                .contains("ztp-dev-analytics-rg/" + PrivateDnsZones.DATABRICKS)
                .doesNotContain("ztp-dev-hub-rg/" + PrivateDnsZones.DATABRICKS)
                .doesNotHaveDuplicates();
        // The back-end endpoint registers in the spoke's zone, the front-end in the hub's: never the same zone.
        var groups = plan.ofType("azure-native:network:PrivateDnsZoneGroup");
        var backend = groups.stream().filter(g -> g.inputString("privateEndpointName").orElse("").contains("backend"))
                .findFirst().orElseThrow();
        var frontend = groups.stream().filter(g -> g.inputString("privateEndpointName").orElse("").contains("frontend"))
                .findFirst().orElseThrow();
        assertThat(backend.input("privateDnsZoneConfigs").orElseThrow().toString()).contains(spokeZone.id());
        assertThat(frontend.input("privateDnsZoneConfigs").orElseThrow().toString()).doesNotContain(spokeZone.id())
                .contains("ztp-dev-hub-rg");
    }

    @Test
    void validationNamesEachBadInput() {
        var plan = plan(false, (hub, fw) -> List.of(spoke(hub, fw, "Analytics", "10.0.1.0/24")
                .hostSubnetPrefix(27).storageSku("Premium_LRS").build()));
        var errors = String.join("\n", plan.errors());
        assertThat(errors)
                .contains("spokeName must be 2-12 lowercase letters or digits starting with a letter, like 'analytics', got 'Analytics'")
                .contains("hostSubnetPrefix /27 is too small: Azure Databricks needs at least /26 per subnet, like 26")
                .contains("storageSku must be one of")
                .contains("got 'Premium_LRS'");
        var overlap = plan(false, (hub, fw) -> List.of(spoke(hub, fw, "analytics", "10.0.1.0/24").build()));
        assertThat(String.join("\n", overlap.errors()))
                .contains("addressSpace 10.0.1.0/24 overlaps the hub's 10.0.0.0/22; peered VNets must not overlap");
    }

    @Test
    void differentDatabricksSubnetSizesAreOneProblemWithoutAPathPrefix() {
        var args = DatabricksSpokeArgs.builder().resourceGroupName(Output.of("ztp-dev-analytics-rg")).location("westeurope")
                .naming(NAMING).spokeName("analytics").addressSpace("10.11.0.0/24")
                .hostSubnetPrefix(25).containerSubnetPrefix(26).privateEndpointSubnetPrefix(29).build();
        assertThat(args.problems()).contains(
                "hostSubnetPrefix /25 and containerSubnetPrefix /26 differ; Databricks sizes clusters by the smaller one, "
                        + "so use the same size, like 26 and 26",
                "privateEndpointSubnetPrefix must be between 24 and 28, like 27, got 29");
    }

    private static Plan.PlanResource endpoint(Plan plan, String name) {
        return plan.ofType(ENDPOINT).stream().filter(e -> e.inputString("privateEndpointName").orElse("").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no endpoint " + name));
    }

    private static Plan.PlanResource zoneGroup(Plan plan, Plan.PlanResource endpoint) {
        var name = endpoint.inputString("privateEndpointName").orElseThrow();
        return plan.ofType("azure-native:network:PrivateDnsZoneGroup").stream()
                .filter(g -> g.inputString("privateEndpointName").orElse("").equals(name)).findFirst().orElseThrow();
    }

    private static String zoneOf(Plan plan, Plan.PlanResource endpoint) {
        return zoneGroup(plan, endpoint).input("privateDnsZoneConfigs").map(JsonElement::getAsJsonArray).orElseThrow()
                .get(0).getAsJsonObject().get("privateDnsZoneId").getAsString();
    }

    @Test
    void databricksSubnetsGetTheStorageEndpointAndAPolicyAllowingOnlyTheStacksAccountsAndTheAlias() {
        var lake = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-dev-lake-rg/providers/"
                + "Microsoft.Storage/storageAccounts/ztpdevlake";
        var plan = analytics(b -> b.storageEgress(StorageEgressPolicy.allowing(List.of(Output.of(lake)))));
        var policies = plan.ofType("azure-native:network:ServiceEndpointPolicy");
        assertThat(policies).hasSize(1);
        var policy = policies.get(0);
        assertThat(policy.inputString("serviceEndpointPolicyName")).hasValue("ztp-dev-analytics-sep");
        var definitions = policy.input("serviceEndpointPolicyDefinitions").orElseThrow().toString();
        assertThat(definitions).contains("\"service\":\"Microsoft.Storage\"").contains("\"service\":\"Global\"")
                .contains("\"/services/Azure/Databricks\"").contains("\"" + lake + "\"")
                .contains("/resourceGroups/ztp-dev-analytics-dbw-managed-rg/providers/Microsoft.Storage/storageAccounts/ztpdevanalyticsdbfs");
        for (var name : List.of(SpokeLayout.HOST, SpokeLayout.CONTAINER)) {
            var subnet = subnet(plan, "ztp-dev-analytics-vnet", name);
            assertThat(subnet.input("serviceEndpoints").orElseThrow().toString()).isEqualTo("[{\"service\":\"Microsoft.Storage\"}]");
            assertThat(subnet.input("serviceEndpointPolicies").orElseThrow().toString()).contains(policy.id());
        }
        // The endpoint subnet holds private endpoints only: no service endpoint there.
        assertThat(subnet(plan, "ztp-dev-analytics-vnet", SpokeLayout.PRIVATE_ENDPOINTS).input("serviceEndpoints")).isEmpty();

        var off = analytics(b -> b.storageEgress(StorageEgressPolicy.off()));
        assertThat(off.ofType("azure-native:network:ServiceEndpointPolicy")).isEmpty();
        assertThat(subnet(off, "ztp-dev-analytics-vnet", SpokeLayout.HOST).input("serviceEndpointPolicies")).isEmpty();
    }

    @Test
    void policyDefinitionsPutTheDbfsRootFirstAndDropDuplicates() {
        var defs = StorageEgressPolicy.definitions("/s/dbfs", List.of("/s/lake", "/s/dbfs", "/s/staging"));
        assertThat(defs).extracting(StorageEgressPolicy.Definition::service).containsExactly("Microsoft.Storage", "Global");
        assertThat(defs.get(0).serviceResources()).containsExactly("/s/dbfs", "/s/lake", "/s/staging");
        assertThat(defs.get(1).serviceResources()).containsExactly("/services/Azure/Databricks");
        assertThat(DatabricksSpokeArgs.builder().build().storageEgress()).isEqualTo(StorageEgressPolicy.databricksOnly());
    }
}
