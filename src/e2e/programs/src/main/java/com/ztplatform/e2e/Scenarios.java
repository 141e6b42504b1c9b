package com.ztplatform.e2e;

import com.pulumi.Context;
import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.databricks.Workspace;
import com.pulumi.azurenative.databricks.WorkspaceArgs;
import com.pulumi.azurenative.databricks.inputs.EncryptionArgs;
import com.pulumi.azurenative.databricks.inputs.EncryptionEntitiesDefinitionArgs;
import com.pulumi.azurenative.databricks.inputs.EncryptionV2Args;
import com.pulumi.azurenative.databricks.inputs.EncryptionV2KeyVaultPropertiesArgs;
import com.pulumi.azurenative.databricks.inputs.WorkspaceCustomParametersArgs;
import com.pulumi.azurenative.databricks.inputs.WorkspaceEncryptionParameterArgs;
import com.pulumi.azurenative.databricks.inputs.WorkspacePropertiesEncryptionArgs;
import com.pulumi.azurenative.keyvault.Key;
import com.pulumi.azurenative.keyvault.KeyArgs;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.keyvault.VaultArgs;
import com.pulumi.azurenative.keyvault.inputs.KeyPropertiesArgs;
import com.pulumi.azurenative.keyvault.inputs.VaultPropertiesArgs;
import com.pulumi.azurenative.network.FirewallPolicy;
import com.pulumi.azurenative.network.FirewallPolicyArgs;
import com.pulumi.azurenative.network.FirewallPolicyRuleCollectionGroup;
import com.pulumi.azurenative.network.FirewallPolicyRuleCollectionGroupArgs;
import com.pulumi.azurenative.network.PrivateEndpoint;
import com.pulumi.azurenative.network.PrivateEndpointArgs;
import com.pulumi.azurenative.network.RouteTable;
import com.pulumi.azurenative.network.RouteTableArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.VirtualNetworkPeering;
import com.pulumi.azurenative.network.VirtualNetworkPeeringArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.PrivateLinkServiceConnectionArgs;
import com.pulumi.azurenative.network.inputs.RouteArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * Small, deliberately wrong (and, as controls, right) programs that show the simulated Azure refusing what
 * real Azure refuses. The stack's {@code scenario} config key picks one; src/e2e/harness runs each and checks
 * the error Azure would give.
 */
final class Scenarios {
    private static final String LOCATION = "westeurope";
    private static final java.util.Map<String, String> TAGS = java.util.Map.of("environment", "e2e",
            "owner", "e2e@example.com", "costCenter", "CC-0000", "dataClassification", "internal", "managedBy", "pulumi");

    private Scenarios() {
    }

    static void define(Context ctx) {
        var scenario = ctx.config().require("scenario");
        var rg = new ResourceGroup("rg", ResourceGroupArgs.builder()
                .resourceGroupName("scn-" + scenario + "-rg").location(LOCATION).tags(TAGS).build());
        switch (scenario) {
            case "subnets-concurrent" -> subnets(rg, false);
            case "subnets-serialised" -> subnets(rg, true);
            case "endpoints-concurrent" -> endpoints(rg);
            case "rule-groups-concurrent" -> ruleGroups(rg);
            case "cmk-before-grant" -> cmkBeforeGrant(rg);
            case "dbfs-key-before-prepare" -> dbfsKeyBeforePrepare(rg);
            case "peering-before-gateway" -> peeringBeforeGateway(rg);
            case "route-wrong-hop" -> routeWrongHop(rg);
            case "delete-under-lock" -> deleteUnderLock(ctx, rg);
            case "name-taken" -> nameTaken(rg);
            case "private-storage" -> privateStorage(ctx, rg);
            case "empty" -> {
            }
            default -> throw new IllegalArgumentException("unknown scenario '" + scenario + "'");
        }
    }

    private static VirtualNetwork vnet(ResourceGroup rg, String name, String cidr) {
        return new VirtualNetwork(name, VirtualNetworkArgs.builder().resourceGroupName(rg.name()).location(LOCATION)
                .virtualNetworkName(name).addressSpace(AddressSpaceArgs.builder().addressPrefixes(cidr).build()).build());
    }

    /** Azure rejects concurrent subnet writes on one VNet (AnotherOperationInProgress). */
    private static void subnets(ResourceGroup rg, boolean serialised) {
        var vnet = vnet(rg, "vnet", "10.50.0.0/24");
        Resource previous = null;
        for (int i = 0; i < 6; i++) {
            var options = CustomResourceOptions.builder();
            if (serialised && previous != null) {
                options.dependsOn(previous);
            }
            previous = new Subnet("snet-" + i, SubnetArgs.builder().resourceGroupName(rg.name())
                    .virtualNetworkName(vnet.name()).subnetName("snet-" + i)
                    .addressPrefix("10.50.0." + (i * 32) + "/27").build(), options.build());
        }
    }

    private static Workspace workspace(ResourceGroup rg, String name, WorkspaceArgs.Builder extra) {
        return new Workspace(name, extra.resourceGroupName(rg.name()).location(LOCATION).workspaceName(name)
                .managedResourceGroupId("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/" + name + "-managed")
                .sku(com.pulumi.azurenative.databricks.inputs.SkuArgs.builder().name("premium").build()).build());
    }

    /** Private endpoints on one Databricks workspace must be created one after another. */
    private static void endpoints(ResourceGroup rg) {
        var vnet = vnet(rg, "vnet", "10.51.0.0/24");
        var subnet = new Subnet("snet-pe", SubnetArgs.builder().resourceGroupName(rg.name())
                .virtualNetworkName(vnet.name()).subnetName("snet-pe").addressPrefix("10.51.0.0/26").build());
        var ws = workspace(rg, "scn-dbw", WorkspaceArgs.builder());
        var groups = List.of("databricks_ui_api", "browser_authentication", "databricks_ui_api");
        for (int i = 0; i < groups.size(); i++) {
            var group = groups.get(i);
            var name = "pe-" + i;
            new PrivateEndpoint(name, PrivateEndpointArgs.builder().resourceGroupName(rg.name()).location(LOCATION)
                    .privateEndpointName(name)
                    .subnet(com.pulumi.azurenative.network.inputs.SubnetArgs.builder().id(subnet.id()).build())
                    .privateLinkServiceConnections(PrivateLinkServiceConnectionArgs.builder().name(name)
                            .privateLinkServiceId(ws.id()).groupIds(group).build())
                    .build());
        }
    }

    /** Rule collection groups of one firewall policy are written one at a time. */
    private static void ruleGroups(ResourceGroup rg) {
        var policy = new FirewallPolicy("policy", FirewallPolicyArgs.builder().resourceGroupName(rg.name())
                .location(LOCATION).firewallPolicyName("scn-policy").build());
        for (int i = 1; i <= 4; i++) {
            new FirewallPolicyRuleCollectionGroup("rcg-" + i, FirewallPolicyRuleCollectionGroupArgs.builder()
                    .resourceGroupName(rg.name()).firewallPolicyName(policy.name())
                    .ruleCollectionGroupName("rcg-" + i).priority(100 * i).build());
        }
    }

    private static Key key(ResourceGroup rg, Vault vault, String name) {
        return new Key(name, KeyArgs.builder().resourceGroupName(rg.name()).vaultName(vault.name()).keyName(name)
                .properties(KeyPropertiesArgs.builder().kty("RSA").keySize(3072).build()).build());
    }

    private static Vault vault(ResourceGroup rg, String name) {
        return new Vault(name, VaultArgs.builder().resourceGroupName(rg.name()).location(LOCATION).vaultName(name)
                .properties(VaultPropertiesArgs.builder().tenantId("11111111-1111-1111-1111-111111111111")
                        .sku(com.pulumi.azurenative.keyvault.inputs.SkuArgs.builder().family("A").name(
                                com.pulumi.azurenative.keyvault.enums.SkuName.Standard).build())
                        .enableRbacAuthorization(true).build()).build());
    }

    /** A managed-services key is used when the workspace is created: AzureDatabricks must hold it first. */
    private static void cmkBeforeGrant(ResourceGroup rg) {
        var kv = vault(rg, "scncmkkv");
        var k = key(rg, kv, "ms-key");
        workspace(rg, "scn-cmk-dbw", WorkspaceArgs.builder().encryption(WorkspacePropertiesEncryptionArgs.builder()
                .entities(EncryptionEntitiesDefinitionArgs.builder().managedServices(EncryptionV2Args.builder()
                        .keySource("Microsoft.Keyvault").keyVaultProperties(EncryptionV2KeyVaultPropertiesArgs.builder()
                                .keyVaultUri("https://scncmkkv.vault.azure.net/").keyName(k.name())
                                .keyVersion("0000").build()).build()).build()).build()));
    }

    /** The DBFS-root key can only be applied to a workspace prepared for encryption in an earlier deployment. */
    private static void dbfsKeyBeforePrepare(ResourceGroup rg) {
        var kv = vault(rg, "scndbfskv");
        var k = key(rg, kv, "dbfs-key");
        workspace(rg, "scn-dbfs-dbw", WorkspaceArgs.builder().parameters(WorkspaceCustomParametersArgs.builder()
                .encryption(WorkspaceEncryptionParameterArgs.builder().value(EncryptionArgs.builder()
                        .keySource("Microsoft.Keyvault").keyName(k.name())
                        .keyVaultUri("https://scndbfskv.vault.azure.net/").keyVersion("0000").build()).build())
                .build()));
    }

    /** A peering may use the remote VNet's gateway only once that gateway exists. */
    private static void peeringBeforeGateway(ResourceGroup rg) {
        var hub = vnet(rg, "hub", "10.52.0.0/24");
        var spoke = vnet(rg, "spoke", "10.53.0.0/24");
        new VirtualNetworkPeering("spoke-to-hub", VirtualNetworkPeeringArgs.builder().resourceGroupName(rg.name())
                .virtualNetworkName(spoke.name()).virtualNetworkPeeringName("spoke-to-hub")
                .remoteVirtualNetwork(SubResourceArgs.builder().id(hub.id()).build())
                .useRemoteGateways(true).allowForwardedTraffic(true).build());
    }

    /** A spoke route must name the firewall's real address (the fourth of AzureFirewallSubnet), not a guess. */
    private static void routeWrongHop(ResourceGroup rg) {
        var hub = vnet(rg, "hub", "10.54.0.0/24");
        var fwSubnet = new Subnet("fw-subnet", SubnetArgs.builder().resourceGroupName(rg.name())
                .virtualNetworkName(hub.name()).subnetName("AzureFirewallSubnet").addressPrefix("10.54.0.0/26").build());
        new RouteTable("spoke-rt", RouteTableArgs.builder().resourceGroupName(rg.name()).location(LOCATION)
                .routeTableName("spoke-rt").routes(RouteArgs.builder().name("default-via-firewall")
                        .addressPrefix("0.0.0.0/0").nextHopType("VirtualAppliance").nextHopIpAddress("10.54.0.5").build())
                .build(), CustomResourceOptions.builder().dependsOn(fwSubnet).build());
    }

    /** A CanNotDelete lock on the resource group refuses the delete of anything in it. */
    private static void deleteUnderLock(Context ctx, ResourceGroup rg) {
        new ManagementLockByScope("rg-lock", ManagementLockByScopeArgs.builder().scope(rg.id())
                .lockName("scn-rg-lock").level("CanNotDelete").build());
        if (!ctx.config().getBoolean("dropVnet").orElse(false)) {
            vnet(rg, "locked-vnet", "10.55.0.0/24");
        }
    }

    /**
     * A storage account the policy pack accepts; {@code publicAccess: true} is the bad change the pack must
     * stop during {@code pulumi up} before Azure is touched.
     */
    private static void privateStorage(Context ctx, ResourceGroup rg) {
        var open = ctx.config().getBoolean("publicAccess").orElse(false);
        var account = new StorageAccount("sa", StorageAccountArgs.builder().resourceGroupName(rg.name())
                .accountName("scnpolicysa").kind("StorageV2").sku(SkuArgs.builder().name("Standard_ZRS").build())
                .location(LOCATION).tags(TAGS)
                .publicNetworkAccess(open ? "Enabled" : "Disabled")
                .networkRuleSet(com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs.builder()
                        .defaultAction(com.pulumi.azurenative.storage.enums.DefaultAction.Deny).build())
                .allowSharedKeyAccess(false).allowBlobPublicAccess(false).minimumTlsVersion("TLS1_2")
                .enableHttpsTrafficOnly(true)
                .encryption(com.pulumi.azurenative.storage.inputs.EncryptionArgs.builder()
                        .keySource("Microsoft.Storage").requireInfrastructureEncryption(true).build())
                .build());
        // Reached only privately: endpoint, zone, zone group and link, as the pack requires.
        var vnet = new VirtualNetwork("vnet", VirtualNetworkArgs.builder().resourceGroupName(rg.name()).location(LOCATION)
                .virtualNetworkName("scn-policy-vnet").tags(TAGS)
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes("10.56.0.0/24").build()).build());
        var subnet = new Subnet("snet-pe", SubnetArgs.builder().resourceGroupName(rg.name())
                .virtualNetworkName(vnet.name()).subnetName("snet-pe").addressPrefix("10.56.0.0/26").build());
        var zone = new com.pulumi.azurenative.network.PrivateZone("zone",
                com.pulumi.azurenative.network.PrivateZoneArgs.builder().resourceGroupName(rg.name())
                        .privateZoneName("privatelink.blob.core.windows.net").location("Global").tags(TAGS).build());
        new com.pulumi.azurenative.network.VirtualNetworkLink("zone-link",
                com.pulumi.azurenative.network.VirtualNetworkLinkArgs.builder().resourceGroupName(rg.name())
                        .privateZoneName(zone.name()).virtualNetworkLinkName("scn-policy-link").location("Global")
                        .registrationEnabled(false).tags(TAGS)
                        .virtualNetwork(SubResourceArgs.builder().id(vnet.id()).build()).build());
        var endpoint = new PrivateEndpoint("sa-pe", PrivateEndpointArgs.builder().resourceGroupName(rg.name())
                .location(LOCATION).privateEndpointName("scn-policy-sa-pe").tags(TAGS)
                .subnet(com.pulumi.azurenative.network.inputs.SubnetArgs.builder().id(subnet.id()).build())
                .privateLinkServiceConnections(PrivateLinkServiceConnectionArgs.builder().name("scn-policy-sa-pe")
                        .privateLinkServiceId(account.id()).groupIds("blob").build())
                .build());
        new com.pulumi.azurenative.network.PrivateDnsZoneGroup("sa-pe-dns",
                com.pulumi.azurenative.network.PrivateDnsZoneGroupArgs.builder().resourceGroupName(rg.name())
                        .privateEndpointName(endpoint.name()).privateDnsZoneGroupName("default")
                        .privateDnsZoneConfigs(com.pulumi.azurenative.network.inputs.PrivateDnsZoneConfigArgs.builder()
                                .name("privatelink-blob").privateDnsZoneId(zone.id()).build())
                        .build());
    }

    /** Storage account names are global: a second account with a taken name is refused. */
    private static void nameTaken(ResourceGroup rg) {
        var other = new ResourceGroup("rg-other", ResourceGroupArgs.builder()
                .resourceGroupName("scn-name-taken-other-rg").location(LOCATION).build());
        var first = new StorageAccount("sa-first", StorageAccountArgs.builder().resourceGroupName(rg.name())
                .accountName("scnsharedname").kind("StorageV2").sku(SkuArgs.builder().name("Standard_LRS").build())
                .build());
        new StorageAccount("sa-second", StorageAccountArgs.builder().resourceGroupName(other.name())
                .accountName("scnsharedname").kind("StorageV2").sku(SkuArgs.builder().name("Standard_LRS").build())
                .build(), CustomResourceOptions.builder().dependsOn(first).build());
    }
}
