package com.ztplatform.components.network;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class HubNetworkTest {
    private static final String VNET = "azure-native:network:VirtualNetwork";
    private static final String SUBNET = "azure-native:network:Subnet";

    /** The hub with defaults only, and with a Basic Bastion: each run once, for the tests that read them. */
    private static final Supplier<Plan> MINIMAL = MockRun.shared(() -> plan(b -> b));
    private static final Supplier<Plan> BASIC_BASTION =
            MockRun.shared(() -> plan(b -> b.bastion(BastionOptions.of(BastionSku.BASIC))));

    private static Plan plan(UnaryOperator<HubNetworkArgs.Builder> customise) {
        var plan = MockRun.run(ctx -> new HubNetwork("hub", customise.apply(HubNetworkArgs.builder()
                .resourceGroupName(Output.of("rg-hub"))
                .location("westeurope")
                .naming(new Naming("ztp", "dev"))
                .addressSpace("10.0.0.0/22")
                .common(CommonOptions.defaults().withTags(Map.of("owner", "team")))).build(), null));
        assertThat(plan.errors()).isEmpty();
        return plan;
    }

    private static Map<String, String> subnetPrefixes(Plan plan) {
        var prefixes = new HashMap<String, String>();
        plan.ofType(SUBNET).forEach(s -> prefixes.put(s.inputString("subnetName").orElseThrow(),
                s.inputString("addressPrefix").orElseThrow()));
        return prefixes;
    }

    @Test
    void minimalHubHasFirewallManagementAndPrivateEndpointSubnetsAtFixedPlaces() {
        var plan = MINIMAL.get();
        // Hand-derived: /26 slots at .0, .64, (.128 reserved for Bastion), then the /26 endpoints at .192.
        assertThat(subnetPrefixes(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AzureFirewallSubnet", "10.0.0.0/26",
                "AzureFirewallManagementSubnet", "10.0.0.64/26",
                "snet-private-endpoints", "10.0.0.192/26"));
        var vnet = plan.ofType(VNET).get(0);
        assertThat(vnet.inputString("virtualNetworkName")).hasValue("ztp-dev-hub-vnet");
        assertThat(vnet.input("addressSpace.addressPrefixes").orElseThrow().getAsJsonArray().get(0).getAsString())
                .isEqualTo("10.0.0.0/22");
    }

    @Test
    void everyOptionalPartAddsItsSubnetWithoutMovingTheOthers() {
        var plan = plan(b -> b.bastion(BastionOptions.of(BastionSku.BASIC))
                .vpn(new VpnOptions("172.16.200.0/24", "72f988bf-86f1-41af-91ab-2d7cd011db47", null, null))
                .dnsResolver(DnsResolverOptions.defaults()));
        assertThat(subnetPrefixes(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AzureFirewallSubnet", "10.0.0.0/26",
                "AzureFirewallManagementSubnet", "10.0.0.64/26",
                "AzureBastionSubnet", "10.0.0.128/26",
                "snet-private-endpoints", "10.0.0.192/26",
                "GatewaySubnet", "10.0.1.0/27",
                "snet-dns-inbound", "10.0.1.32/28",
                "snet-dns-outbound", "10.0.1.48/28"));
    }

    @Test
    void subnetsAreCreatedOneAfterAnotherBecauseAzureRejectsConcurrentSubnetWrites() {
        var plan = BASIC_BASTION.get();
        var subnets = plan.ofType(SUBNET);
        var vnet = plan.ofType(VNET).get(0);
        // Exactly one subnet depends on no other subnet; every other one depends on exactly one subnet.
        var roots = subnets.stream().filter(s -> s.dependencies().stream().noneMatch(d -> d.contains("Subnet::"))).toList();
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0).dependencies()).contains(vnet.urn());
        subnets.stream().filter(s -> s != roots.get(0)).forEach(s ->
                assertThat(s.dependencies().stream().filter(d -> d.contains("$azure-native:network:Subnet::")))
                        .hasSize(1));
    }

    @Test
    void privateDnsZonesAreTheDefaultSetLinkedToTheHubWithoutAutoRegistration() {
        var plan = MINIMAL.get();
        var zones = plan.ofType("azure-native:network:PrivateZone");
        assertThat(zones).extracting(z -> z.inputString("privateZoneName").orElseThrow())
                .containsExactlyInAnyOrderElementsOf(PrivateDnsZones.DEFAULTS)
                .contains("privatelink.azuredatabricks.net", "privatelink.dfs.core.windows.net",
                        "privatelink.vaultcore.azure.net");
        zones.forEach(z -> assertThat(z.inputString("location")).hasValue("Global"));
        var vnetId = plan.ofType(VNET).get(0).id();
        var links = plan.ofType("azure-native:network:VirtualNetworkLink");
        assertThat(links).hasSize(PrivateDnsZones.DEFAULTS.size());
        links.forEach(l -> {
            assertThat(l.inputString("virtualNetwork.id")).hasValue(vnetId);
            assertThat(l.input("registrationEnabled").orElseThrow().getAsBoolean()).isFalse();
        });
    }

    @Test
    void customZoneSetReplacesTheDefaults() {
        var plan = plan(b -> b.privateDnsZones(List.of(PrivateDnsZones.DATABRICKS, PrivateDnsZones.DFS)));
        assertThat(plan.ofType("azure-native:network:PrivateZone")).hasSize(2);
    }

    @Test
    void bastionGetsTheRequiredNsgAndSecureSessionDefaults() {
        var plan = BASIC_BASTION.get();
        var host = plan.ofType("azure-native:network:BastionHost").get(0);
        assertThat(host.input("disableCopyPaste").orElseThrow().getAsBoolean()).isTrue();
        assertThat(host.input("enableTunneling").orElseThrow().getAsBoolean()).isFalse();
        assertThat(host.input("enableFileCopy").orElseThrow().getAsBoolean()).isFalse();
        assertThat(host.input("enableShareableLink").orElseThrow().getAsBoolean()).isFalse();
        assertThat(host.inputString("sku.name")).hasValue("Basic");

        var bastionSubnet = plan.ofType(SUBNET).stream()
                .filter(s -> s.inputString("subnetName").orElse("").equals("AzureBastionSubnet")).findFirst().orElseThrow();
        var nsg = plan.byId(bastionSubnet.inputString("networkSecurityGroup.id").orElseThrow()).orElseThrow();
        var rules = rules(nsg);
        assertThat(rules).extracting(r -> r.get("name").getAsString()).contains(
                "AllowHttpsInbound", "AllowGatewayManagerInbound", "AllowAzureLoadBalancerInbound",
                "AllowBastionHostCommunication", "AllowSshRdpOutbound", "AllowAzureCloudOutbound",
                "AllowBastionCommunication", "AllowHttpOutbound");
        // The only inbound allow from the Internet is Bastion's TLS front door.
        assertThat(rules.stream().filter(r -> r.get("direction").getAsString().equals("Inbound")
                && r.get("access").getAsString().equals("Allow")
                && r.get("sourceAddressPrefix").getAsString().equals("Internet")))
                .singleElement().satisfies(r -> assertThat(r.get("destinationPortRange").getAsString()).isEqualTo("443"));

        var pip = plan.byId(host.input("ipConfigurations").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("publicIPAddress").get("id").getAsString()).orElseThrow();
        assertThat(pip.inputString("sku.name")).hasValue("Standard");
        assertThat(pip.inputString("publicIPAllocationMethod")).hasValue("Static");
    }

    @Test
    void standardBastionHonoursTunnellingAndScaleUnits() {
        var plan = plan(b -> b.bastion(new BastionOptions(BastionSku.STANDARD, false, true, true, 4)));
        var host = plan.ofType("azure-native:network:BastionHost").get(0);
        assertThat(host.input("enableTunneling").orElseThrow().getAsBoolean()).isTrue();
        assertThat(host.input("enableFileCopy").orElseThrow().getAsBoolean()).isTrue();
        assertThat(host.input("scaleUnits").orElseThrow().getAsInt()).isEqualTo(4);
    }

    @Test
    void privateEndpointSubnetHasNetworkPoliciesAndAnNsgThatAdmitsOnlyTheVirtualNetwork() {
        var plan = MINIMAL.get();
        var subnet = plan.ofType(SUBNET).stream()
                .filter(s -> s.inputString("subnetName").orElse("").equals(HubLayout.PRIVATE_ENDPOINTS)).findFirst()
                .orElseThrow();
        assertThat(subnet.inputString("privateEndpointNetworkPolicies")).hasValue("Enabled");
        var rules = rules(plan.byId(subnet.inputString("networkSecurityGroup.id").orElseThrow()).orElseThrow());
        assertThat(rules.stream().filter(r -> r.get("access").getAsString().equals("Allow")))
                .allSatisfy(r -> assertThat(r.get("sourceAddressPrefix").getAsString()).isEqualTo("VirtualNetwork"));
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.get("access").getAsString()).isEqualTo("Deny");
            assertThat(r.get("sourceAddressPrefix").getAsString()).isEqualTo("*");
        });
    }

    @Test
    void vpnGatewayUsesOpenVpnWithEntraIdOnGatewaySubnet() {
        var tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
        var plan = plan(b -> b.vpn(new VpnOptions("172.16.200.0/24", tenant, null, "VpnGw2AZ")));
        var gw = plan.ofType("azure-native:network:VirtualNetworkGateway").get(0);
        assertThat(gw.inputString("vpnClientConfiguration.aadTenant")).hasValue("https://login.microsoftonline.com/" + tenant + "/");
        assertThat(gw.inputString("vpnClientConfiguration.aadIssuer")).hasValue("https://sts.windows.net/" + tenant + "/");
        assertThat(gw.inputString("vpnClientConfiguration.aadAudience")).hasValue(VpnOptions.MICROSOFT_REGISTERED_AUDIENCE);
        assertThat(gw.input("vpnClientConfiguration.vpnClientProtocols").orElseThrow().toString()).isEqualTo("[\"OpenVPN\"]");
        assertThat(gw.input("vpnClientConfiguration.vpnAuthenticationTypes").orElseThrow().toString()).isEqualTo("[\"AAD\"]");
        assertThat(gw.inputString("sku.name")).hasValue("VpnGw2AZ");
        assertThat(gw.inputString("vpnGatewayGeneration")).hasValue("Generation2");
        var ipConfig = gw.input("ipConfigurations").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(ipConfig.getAsJsonObject("subnet").get("id").getAsString()).endsWith("/subnets/GatewaySubnet");
        var pip = plan.byId(ipConfig.getAsJsonObject("publicIPAddress").get("id").getAsString()).orElseThrow();
        assertThat(pip.input("zones").orElseThrow().toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
    }

    @Test
    void resolverSubnetsAreDelegatedAndTheInboundEndpointGetsTheFourthAddress() {
        var plan = plan(b -> b.dnsResolver(DnsResolverOptions.defaults()));
        assertThat(plan.ofType(SUBNET).stream().filter(s -> s.inputString("subnetName").orElse("").startsWith("snet-dns-")))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.input("delegations").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                        .get("serviceName").getAsString()).isEqualTo("Microsoft.Network/dnsResolvers"));
        var inbound = plan.ofType("azure-native:network:InboundEndpoint").get(0);
        assertThat(inbound.input("ipConfigurations").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("subnet").get("id").getAsString()).endsWith("/subnets/snet-dns-inbound");
        // snet-dns-inbound is 10.0.1.32/28 (see the layout test); Azure hands out .36 first.
        assertThat(inbound.mockComputed().getAsJsonArray("ipConfigurations").get(0).getAsJsonObject()
                .get("privateIpAddress").getAsString()).isEqualTo("10.0.1.36");
        assertThat(plan.ofType("azure-native:network:OutboundEndpoint")).isEmpty();
    }

    @Test
    void everyChildIsParentedToTheComponentAndEveryTaggableChildCarriesTheTags() {
        var plan = plan(b -> b.bastion(BastionOptions.of(BastionSku.BASIC)).dnsResolver(DnsResolverOptions.defaults()));
        var component = plan.ofType(HubNetwork.TYPE).get(0);
        var untaggable = List.of(SUBNET, "azure-native:insights:DiagnosticSetting");
        plan.resources().stream().filter(r -> r != component).forEach(r -> {
            assertThat(r.parent()).as(r.name()).isEqualTo(component.urn());
            if (!untaggable.contains(r.type())) {
                assertThat(r.inputString("tags.owner")).as(r.name() + " tags").hasValue("team");
            }
        });
    }

    @Test
    void lockAddsACanNotDeleteLockOnTheVnet() {
        var plan = plan(b -> b.common(CommonOptions.defaults().withLock(true)));
        var lock = plan.ofType("azure-native:authorization:ManagementLockByScope").get(0);
        assertThat(lock.inputString("level")).hasValue("CanNotDelete");
        assertThat(lock.inputString("scope")).hasValue(plan.ofType(VNET).get(0).id());
        assertThat(MINIMAL.get().ofType("azure-native:authorization:ManagementLockByScope")).isEmpty();
        var protectedLock = plan(b -> b.common(CommonOptions.defaults().withLock(true).withProtect(true)))
                .ofType("azure-native:authorization:ManagementLockByScope").get(0);
        assertThat(protectedLock.options().get("protect").getAsBoolean()).as("lock protected").isTrue();
    }

    @Test
    void protectMarksTheVnetAndZonesProtected() {
        var plan = plan(b -> b.common(CommonOptions.defaults().withProtect(true)));
        assertThat(plan.ofType(VNET).get(0).options().get("protect").getAsBoolean()).isTrue();
        plan.ofType("azure-native:network:PrivateZone")
                .forEach(z -> assertThat(z.options().get("protect").getAsBoolean()).isTrue());
    }

    @Test
    void invalidArgumentsFailConstructionWithEveryProblemNamed() {
        var plan = MockRun.run(ctx -> new HubNetwork("hub", HubNetworkArgs.builder()
                .resourceGroupName(Output.of("rg"))
                .location("West Europe")
                .naming(new Naming("ztp", "dev"))
                .addressSpace("10.0.0.0")
                .bastion(new BastionOptions(BastionSku.BASIC, false, false, true, 2))
                .build(), null));
        assertThat(String.join("\n", plan.errors()))
                .contains("HubNetwork 'hub' has 3 invalid arguments")
                .contains("location must be an Azure region name like 'westeurope', got 'West Europe'")
                .contains("addressSpace must be an IPv4 CIDR like 10.0.0.0/22, got '10.0.0.0'")
                .contains("bastion.tunneling needs sku 'Standard', got 'Basic'");
        assertThat(plan.resources()).noneMatch(r -> r.custom());
    }

    @Test
    void addressSpaceTooSmallForTheSubnetsIsRejected() {
        var args = HubNetworkArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(new Naming("ztp", "dev")).addressSpace("10.0.0.0/24")
                .bastion(BastionOptions.of(BastionSku.BASIC)).build();
        // The four enabled /26 fill the /24 exactly; the reserved GatewaySubnet slot is what no longer fits.
        assertThat(args.problems()).singleElement().asString()
                .startsWith("addressSpace: subnet 'GatewaySubnet' (/27), reserved although its feature is off")
                .contains("does not fit in 10.0.0.0/24")
                .endsWith("use an address space like 10.0.0.0/23");
    }

    @Test
    void vpnPoolOverlappingTheHubIsRejected() {
        var args = HubNetworkArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(new Naming("ztp", "dev")).addressSpace("10.0.0.0/22")
                .vpn(new VpnOptions("10.0.3.0/24", "72f988bf-86f1-41af-91ab-2d7cd011db47", null, null)).build();
        assertThat(args.problems()).containsExactly("vpn.clientAddressPool 10.0.3.0/24 overlaps addressSpace 10.0.0.0/22; "
                + "use a range outside every VNet, like 172.16.200.0/24");
    }

    @Test
    void developerBastionAndBasicVpnAreRejectedRatherThanDowngraded() {
        assertThat(new BastionOptions(BastionSku.DEVELOPER, false, false, false, 2).problems("bastion"))
                .singleElement().asString().contains("'Developer' needs azure-native");
        assertThat(new VpnOptions("172.16.0.0/24", "72f988bf-86f1-41af-91ab-2d7cd011db47", null, "Basic").problems("vpn"))
                .singleElement().asString().startsWith("vpn.sku must be one of").contains("got 'Basic'");
    }

    private static List<JsonObject> rules(Plan.PlanResource nsg) {
        return StreamSupport.stream(nsg.input("securityRules").orElseThrow().getAsJsonArray().spliterator(), false)
                .map(JsonElement::getAsJsonObject).toList();
    }

    @Test
    void gatewayRoutesSendEverySpokePrefixToTheFirewallFromTheGatewaySubnet() {
        var plan = MockRun.run(ctx -> {
            var routes = new GatewayRoutes("gw-routes", Output.of("rg-hub"), "westeurope", new Naming("ztp", "dev"),
                    "10.0.0.4", List.of("10.12.0.0/24", "10.11.0.0/24"), CommonOptions.defaults(), null);
            new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(Output.of("rg-hub")).location("westeurope")
                    .naming(new Naming("ztp", "dev")).addressSpace("10.0.0.0/22")
                    .vpn(new VpnOptions("172.16.200.0/24", "72f988bf-86f1-41af-91ab-2d7cd011db47", null, null))
                    .gatewaySubnetRouteTableId(routes.routeTableId()).build(), null);
        });
        assertThat(plan.errors()).isEmpty();
        var table = plan.ofType("azure-native:network:RouteTable").get(0);
        var gateway = plan.ofType(SUBNET).stream().filter(x -> x.inputString("subnetName").orElse("").equals("GatewaySubnet"))
                .findFirst().orElseThrow();
        assertThat(gateway.inputString("routeTable.id")).hasValue(table.id());
        assertThat(table.input("routes").orElseThrow().toString())
                .contains("\"addressPrefix\":\"10.11.0.0/24\"").contains("\"addressPrefix\":\"10.12.0.0/24\"")
                .doesNotContain("0.0.0.0/0");
        table.input("routes").orElseThrow().getAsJsonArray().forEach(r -> {
            assertThat(r.getAsJsonObject().get("nextHopType").getAsString()).isEqualTo("VirtualAppliance");
            assertThat(r.getAsJsonObject().get("nextHopIpAddress").getAsString()).isEqualTo("10.0.0.4");
        });
        var args = HubNetworkArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(new Naming("ztp", "dev")).addressSpace("10.0.0.0/22").gatewaySubnetRouteTableId(Output.of("rt")).build();
        assertThat(args.problems()).containsExactly(
                "gatewaySubnetRouteTableId needs a VPN gateway (vpn); without one there is no GatewaySubnet");
    }
}
