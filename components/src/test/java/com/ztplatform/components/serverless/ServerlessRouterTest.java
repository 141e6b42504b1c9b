package com.ztplatform.components.serverless;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.databricks.DatabricksAzureAuth;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.components.firewall.EgressFirewall;
import com.ztplatform.components.firewall.EgressFirewallArgs;
import com.ztplatform.components.firewall.EgressPath;
import com.ztplatform.components.firewall.EgressPathArgs;
import com.ztplatform.components.firewall.FirewallSettings;
import com.ztplatform.components.network.BastionOptions;
import com.ztplatform.components.network.BastionSku;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerlessRouterTest {
    private static final String ACCOUNT = "7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d";
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHl6m8Q0uSgVx3yv9C0Rr5ZcA9kLx2Jt6oS3pWq7eB1d ops";
    private static final List<RouterForward> FORWARDS = List.of(
            new RouterForward(1433, "10.200.10.5", List.of("sqlmi.corp.contoso.com")));

    private static final String VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-prod-hub-rg/providers/Microsoft.KeyVault/vaults/ztp-prod-platform-kv";
    private static final String KEY_URL = "https://ztp-prod-platform-kv.vault.azure.net/keys/router-os-disk-rsahsm3072/"
            + "0123456789abcdef0123456789abcdef";

    private static Plan plan() {
        var plan = MockRun.run(ctx -> {
            var naming = new Naming("ztp", "prod");
            var rg = Output.of("ztp-prod-hub-rg");
            var common = CommonOptions.defaults().withTags(Map.of("owner", "team"));
            var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(rg)
                    .location("westeurope").naming(naming).common(common).build(), null);
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(naming).addressSpace("10.100.0.0/22").bastion(BastionOptions.of(BastionSku.BASIC))
                    .firewallSubnetNatGatewayId(egress.natGatewayId().orElseThrow()).common(common).build(), null);
            var egressPlan = EgressPlan.builder().sources(ServerlessRouter.egressSources("10.110.0.0/27"))
                    .contribution(ServerlessRouter.firewallContribution(FORWARDS)).build();
            var firewall = new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(naming)
                    .plan(egressPlan).common(common).build(), null);
            var router = new ServerlessRouter("router", ServerlessRouterArgs.builder()
                    .resourceGroupName(Output.of("ztp-prod-router-rg")).location("westeurope").naming(naming)
                    .addressSpace("10.110.0.0/27").hub(hub).egress(firewall).adminSshPublicKey(KEY).forwards(FORWARDS)
                    .osDiskKey(new com.ztplatform.components.keyvault.DiskEncryptionKey(Output.of(VAULT), Output.of(KEY_URL),
                            Output.of(VAULT + "/keys/router-os-disk-rsahsm3072")))
                    .common(common).build(), null);
            var account = DatabricksProvider.account("acct", Output.of(ACCOUNT), DatabricksAzureAuth.azureCli(), null);
            var serverless = new ServerlessEgress("serverless", ServerlessEgressArgs.builder().accountProvider(account)
                    .region("westeurope").naming(naming)
                    .settings(new ServerlessSettings(ACCOUNT, Optional.empty(), 0, "ENFORCED", List.of()))
                    .keyVaultId(Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"))
                    .firewallRules(firewall.ruleCollectionGroups()).common(common).build(), null);
            serverless.privateLinkServiceRule("router-pls", router.privateLinkServiceId(), router.domainNames());
        });
        assertThat(plan.errors()).isEmpty();
        return plan;
    }

    @Test
    void routerVmIsTrustedLaunchEncryptedAtHostWithItsOsDiskUnderThePlatformKey() {
        var plan = plan();
        var vm = plan.ofType("azure-native:compute:VirtualMachine").get(0);
        assertThat(vm.input("securityProfile.encryptionAtHost").orElseThrow().getAsBoolean()).isTrue();
        assertThat(vm.inputString("securityProfile.securityType")).hasValue("TrustedLaunch");
        assertThat(vm.input("securityProfile.uefiSettings.secureBootEnabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(vm.input("securityProfile.uefiSettings.vTpmEnabled").orElseThrow().getAsBoolean()).isTrue();
        // Trusted Launch needs a Generation 2 image.
        assertThat(vm.inputString("storageProfile.imageReference.sku")).hasValueSatisfying(s -> assertThat(s).endsWith("-gen2"));
        var des = plan.ofType("azure-native:compute:DiskEncryptionSet").get(0);
        assertThat(des.inputString("activeKey.keyUrl")).hasValue(KEY_URL);
        assertThat(des.inputString("activeKey.sourceVault.id")).hasValue(VAULT);
        assertThat(des.inputString("encryptionType")).hasValue("EncryptionAtRestWithCustomerKey");
        assertThat(des.input("rotationToLatestKeyVersionEnabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(vm.inputString("storageProfile.osDisk.managedDisk.diskEncryptionSet.id")).hasValue(des.id());
        var grant = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(r -> r.inputString("scope").orElse("").endsWith("/keys/router-os-disk-rsahsm3072")).toList();
        assertThat(grant).singleElement().satisfies(g -> {
            assertThat(g.inputString("roleDefinitionId")).hasValueSatisfying(r ->
                    assertThat(r).endsWith(com.ztplatform.components.keyvault.RoleDefinitions.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER));
            assertThat(g.inputString("principalId")).hasValueSatisfying(p -> assertThat(p).isNotBlank());
        });
        // The set must be allowed to use the key before the first disk uses it.
        assertThat(vm.dependencies()).contains(grant.get(0).urn());
    }

    @Test
    void routerVmHasNoPublicIpForwardsIpAndLogsInOnlyWithAKey() {
        var plan = plan();
        var nic = plan.ofType("azure-native:network:NetworkInterface").get(0);
        assertThat(nic.input("enableIPForwarding").orElseThrow().getAsBoolean()).isTrue();
        var ipConfig = nic.input("ipConfigurations").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(ipConfig.has("publicIPAddress")).isFalse();
        assertThat(plan.ofType("azure-native:network:PublicIPAddress")).noneSatisfy(p ->
                assertThat(p.inputString("publicIpAddressName").orElse("")).contains("router"));
        var vm = plan.ofType("azure-native:compute:VirtualMachine").get(0);
        assertThat(vm.input("osProfile.linuxConfiguration.disablePasswordAuthentication").orElseThrow().getAsBoolean()).isTrue();
        assertThat(vm.input("osProfile.adminPassword")).isEmpty();
        var cloudInit = new String(java.util.Base64.getDecoder().decode(vm.inputString("osProfile.customData").orElseThrow()));
        assertThat(cloudInit).contains("net.ipv4.ip_forward = 1")
                .contains("--dport 1433 -j DNAT --to-destination 10.200.10.5:1433")
                .contains("http.server 8082");
    }

    @Test
    void loadBalancerProbesTheRouterAndThePrivateLinkServiceSitsOnItsFrontend() {
        var plan = plan();
        var lb = plan.ofType("azure-native:network:LoadBalancer").get(0);
        assertThat(lb.inputString("sku.name")).hasValue("Standard");
        var probe = lb.input("probes").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(probe.get("port").getAsInt()).isEqualTo(8082);
        assertThat(probe.get("protocol").getAsString()).isEqualTo("Http");
        var rule = lb.input("loadBalancingRules").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(rule.getAsJsonObject("probe").get("id").getAsString()).isEqualTo(lb.id() + "/probes/health");
        assertThat(rule.getAsJsonObject("frontendIPConfiguration").get("id").getAsString())
                .isEqualTo(lb.id() + "/frontendIPConfigurations/frontend");
        var nic = plan.ofType("azure-native:network:NetworkInterface").get(0);
        assertThat(nic.input("ipConfigurations").orElseThrow().toString()).contains(lb.id() + "/backendAddressPools/routers");
        var pls = plan.ofType("azure-native:network:PrivateLinkService").get(0);
        assertThat(pls.input("loadBalancerFrontendIpConfigurations").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .get("id").getAsString()).isEqualTo(lb.id() + "/frontendIPConfigurations/frontend");
        // The NCC requests from a Databricks subscription: visible to requests, nothing approved automatically.
        assertThat(pls.input("visibility.subscriptions").orElseThrow().toString()).isEqualTo("[\"*\"]");
        assertThat(pls.input("autoApproval.subscriptions").orElseThrow().getAsJsonArray())
                .as("every connection is approved explicitly").isEmpty();
        var nccRule = plan.ofType("databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule").stream()
                .filter(r -> r.inputString("resourceId").orElse("").equals(pls.id())).findFirst().orElseThrow();
        assertThat(nccRule.input("domainNames").orElseThrow().toString()).isEqualTo("[\"sqlmi.corp.contoso.com\"]");
    }

    @Test
    void routerSubnetGoesThroughTheFirewallAndAdmitsSshOnlyFromBastion() {
        var plan = plan();
        var subnet = plan.ofType("azure-native:network:Subnet").stream()
                .filter(s -> s.inputString("subnetName").orElse("").equals(ServerlessRouter.SUBNET)).findFirst().orElseThrow();
        var spokeRoutes = plan.ofType("azure-native:network:RouteTable").stream()
                .filter(t -> t.inputString("routeTableName").orElse("").contains("spokes")).findFirst().orElseThrow();
        assertThat(subnet.inputString("routeTable.id")).hasValue(spokeRoutes.id());
        assertThat(subnet.inputString("privateLinkServiceNetworkPolicies")).hasValue("Disabled");
        var nsg = plan.byId(subnet.inputString("networkSecurityGroup.id").orElseThrow()).orElseThrow();
        var rules = nsg.input("securityRules").orElseThrow().getAsJsonArray();
        assertThat(rules.toString()).contains("\"name\":\"AllowSshFromBastion\"").contains("\"sourceAddressPrefix\":\"10.100.0.128/26\"");
        rules.forEach(r -> {
            var o = r.getAsJsonObject();
            if (o.get("access").getAsString().equals("Allow") && o.get("direction").getAsString().equals("Inbound")) {
                assertThat(o.get("sourceAddressPrefix").getAsString()).isNotIn("*", "Internet", "0.0.0.0/0");
            }
        });
        var routerGroup = plan.ofType("azure-native:network:IpGroup").stream()
                .filter(g -> g.inputString("ipGroupsName").orElse("").contains("serverless-router")).findFirst().orElseThrow();
        assertThat(routerGroup.input("ipAddresses").orElseThrow().toString()).isEqualTo("[\"10.110.0.0/27\"]");
        plan.ofType("azure-native:network:IpGroup").stream().filter(g -> g != routerGroup)
                .forEach(g -> assertThat(g.input("ipAddresses").orElseThrow().toString()).doesNotContain("10.110.0.0"));
        var contributed = plan.ofType("azure-native:network:FirewallPolicyRuleCollectionGroup").stream()
                .filter(g -> g.inputString("ruleCollectionGroupName").orElse("").equals("rcg-contributions")).findFirst().orElseThrow();
        assertThat(contributed.input("ruleCollections").orElseThrow().toString())
                .contains("10.200.10.5/32").contains("\"destinationPorts\":[\"1433\"]").contains(routerGroup.id());
    }

    @Test
    void settingsAreValidated() {
        assertThat(ServerlessRouterArgs.settingsProblems("r.", "10.110.0.0/28", "password123", "B2s",
                List.of(new RouterForward(8082, "8.8.8.8", List.of("*.contoso.com")))))
                .anySatisfy(p -> assertThat(p).startsWith("r.addressSpace must be /27 or larger"))
                .anySatisfy(p -> assertThat(p).startsWith("r.adminSshPublicKey must be an OpenSSH public key"))
                .anySatisfy(p -> assertThat(p).startsWith("r.vmSize must be an Azure VM size"))
                .anySatisfy(p -> assertThat(p).startsWith("r.forwards[0].port must be 1-65535 and not 8082"))
                .anySatisfy(p -> assertThat(p).startsWith("r.forwards[0].destination must be a private IPv4 address"))
                .anySatisfy(p -> assertThat(p).contains("'*.contoso.com'"));
    }

    @Test
    void visibilityIsEitherAnyRequesterOrNamedSubscriptions() {
        var common = CommonOptions.defaults();
        java.util.function.Function<List<String>, List<String>> problems = v -> new ServerlessRouterArgs(
                Output.of("rg"), "westeurope", new Naming("ztp", "prod"), "10.110.0.0/27", null, null, KEY, "Standard_B2s",
                FORWARDS, common, v, java.util.Optional.empty()).problems().stream().filter(p -> p.startsWith("visibilitySubscriptions")).toList();
        assertThat(problems.apply(List.of("*"))).isEmpty();
        assertThat(problems.apply(List.of(ACCOUNT))).isEmpty();
        assertThat(problems.apply(List.of())).singleElement().asString().contains("the NCC cannot request a connection");
        assertThat(problems.apply(List.of("*", ACCOUNT))).hasSize(1);
        assertThat(problems.apply(List.of("contoso"))).hasSize(1);
    }

    @Test
    void forwardsMustLeadIntoAPeeredVnetOrADeclaredOnPremisesRange() {
        var peered = new java.util.LinkedHashMap<String, com.ztplatform.components.addressing.Cidr>();
        peered.put("hub", com.ztplatform.components.addressing.Cidr.parse("10.100.0.0/22"));
        peered.put("spoke analytics", com.ztplatform.components.addressing.Cidr.parse("10.101.0.0/24"));
        var inSpoke = new RouterForward(1433, "10.101.0.40", List.of("sql.corp.contoso.com"));
        var onPrem = new RouterForward(5432, "10.200.10.5", List.of("pg.corp.contoso.com"));
        assertThat(RouterForward.reachabilityProblems("r", List.of(inSpoke), peered, List.of())).isEmpty();
        assertThat(RouterForward.reachabilityProblems("r", List.of(inSpoke, onPrem), peered, List.of()))
                .singleElement().asString()
                .startsWith("r.forwards[1].destination 10.200.10.5 is not reachable from the hub")
                .contains("hub 10.100.0.0/22, spoke analytics 10.101.0.0/24")
                .contains("onPremisesPrefixes: [10.200.0.0/16]");
        assertThat(RouterForward.reachabilityProblems("r", List.of(onPrem), peered, List.of("10.200.0.0/16"))).isEmpty();
        assertThat(RouterForward.reachabilityProblems("r", List.of(onPrem), peered, List.of("10.100.0.0/16", "8.8.8.0/24", "x")))
                .anySatisfy(p -> assertThat(p).startsWith("r.onPremisesPrefixes[0] 10.100.0.0/16 overlaps hub 10.100.0.0/22"))
                .anySatisfy(p -> assertThat(p).startsWith("r.onPremisesPrefixes[1] 8.8.8.0/24 is not a private range"))
                .anySatisfy(p -> assertThat(p).startsWith("r.onPremisesPrefixes[2] must be an IPv4 CIDR"))
                .anySatisfy(p -> assertThat(p).startsWith("r.forwards[0].destination 10.200.10.5 is not reachable"));
    }
}
