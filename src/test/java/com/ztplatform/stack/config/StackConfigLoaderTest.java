package com.ztplatform.stack.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One test per validation rule, each asserting the message a user sees. */
class StackConfigLoaderTest {
    private static final String P = "zt-databricks";

    private static Map<String, String> valid() {
        var config = new HashMap<String, String>();
        config.put("azure-native:location", "westeurope");
        config.put(P + ":environment", "dev");
        config.put(P + ":namePrefix", "ztp");
        config.put(P + ":tags", "{\"environment\":\"dev\",\"owner\":\"team@contoso.com\",\"costCenter\":\"CC-1\","
                + "\"dataClassification\":\"internal\"}");
        config.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"bastion\":{\"sku\":\"Basic\"}}");
        config.put(P + ":spokes", "[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/24\"},"
                + "{\"name\":\"datasci\",\"addressSpace\":\"10.12.0.0/24\"}]");
        config.put(P + ":keyVault", "{\"azureDatabricksObjectId\":\"9b38785a-6e08-4087-a0c4-20634343f21f\"}");
        return config;
    }

    private static StackConfig load(Map<String, String> config) {
        return StackConfigLoader.load(P, new MapConfigSource(config));
    }

    private static List<String> problems(Consumer<Map<String, String>> change) {
        var config = valid();
        change.accept(config);
        var e = catchThrowableOfType(ConfigException.class, () -> load(config));
        assertThat(e).as("expected a configuration problem").isNotNull();
        return e.problems();
    }

    @Test
    void validConfigLoadsIntoTypedRecords() {
        var config = load(valid());
        assertThat(config.location()).isEqualTo("westeurope");
        assertThat(config.hub().addressSpace().toString()).isEqualTo("10.10.0.0/23");
        assertThat(config.hub().bastion()).isPresent();
        assertThat(config.hub().privateEndpointSubnetPrefix()).isEqualTo(26);
        assertThat(config.spokes()).extracting(StackConfig.Spoke::name).containsExactly("analytics", "datasci");
        assertThat(config.spokes().get(0).hostSubnetPrefix()).isEqualTo(26);
        assertThat(config.tags().asMap()).containsEntry("owner", "team@contoso.com").containsEntry("managedBy", "pulumi");
    }

    @Test
    void globalNameSuffixIsDerivedFromConfigurationOrTakenAsConfigured() {
        // The same project, prefix, environment and AzureDatabricks object id as Pulumi.dev.yaml: the same suffix.
        assertThat(load(valid()).globalNameSuffix()).isEqualTo("llwby");
        assertThat(load(valid()).globalNameSuffix()).as("no clock, no randomness").isEqualTo("llwby");
        var otherSubscription = valid();
        otherSubscription.put("azure-native:subscriptionId", "11111111-2222-3333-4444-555555555555");
        var subscribed = load(otherSubscription).globalNameSuffix();
        assertThat(subscribed).isNotEqualTo("llwby").matches("[a-z0-9]{5}");
        otherSubscription.put("azure-native:subscriptionId", "11111111-2222-3333-4444-555555555555".toUpperCase());
        assertThat(load(otherSubscription).globalNameSuffix()).as("GUIDs compare case-insensitively").isEqualTo(subscribed);
        var otherTenant = valid();
        otherTenant.put(P + ":keyVault", "{\"azureDatabricksObjectId\":\"0f0e0d0c-0b0a-4908-8706-050403020100\"}");
        assertThat(load(otherTenant).globalNameSuffix()).isNotEqualTo("llwby");
        var pinned = valid();
        pinned.put(P + ":globalNameSuffix", "k3x9q");
        assertThat(load(pinned).globalNameSuffix()).isEqualTo("k3x9q");
    }

    @Test
    void invalidGlobalNameSuffixNamesTheKeyAndAValidExample() {
        assertThat(problems(c -> c.put(P + ":globalNameSuffix", "K3-X9"))).singleElement().asString()
                .isEqualTo("zt-databricks:globalNameSuffix must be 4-6 lowercase letters or digits, like 'k3x9q', got "
                        + "'K3-X9'");
        assertThat(problems(c -> c.put(P + ":globalNameSuffix", "abc"))).singleElement().asString()
                .startsWith("zt-databricks:globalNameSuffix must be 4-6").endsWith("got 'abc'");
    }

    @Test
    void dataLakeIsOffByDefaultTakesLakeSettingsDefaultsAndNamesEachBadKey() {
        assertThat(load(valid()).dataLake()).isEmpty();
        var config = valid();
        config.put(P + ":dataLake", "{}");
        assertThat(load(config).dataLake()).contains(com.ztplatform.components.lake.LakeSettings.defaults());
        config.put(P + ":dataLake", "{\"containers\":[\"raw\",\"curated\"],\"blobSoftDeleteDays\":7,\"sku\":\"Standard_GZRS\"}");
        var lake = load(config).dataLake().orElseThrow();
        assertThat(lake.containers()).containsExactly("raw", "curated");
        assertThat(lake.blobSoftDeleteDays()).isEqualTo(7);
        assertThat(lake.containerSoftDeleteDays()).isEqualTo(30);
        assertThat(lake.sku()).isEqualTo("Standard_GZRS");
        assertThat(problems(c -> c.put(P + ":dataLake", "{\"containers\":[\"Raw\",\"gold\",\"gold\"],"
                + "\"containerSoftDeleteDays\":400,\"tier\":\"hot\"}")))
                .contains("zt-databricks:dataLake.containers[0] must be 3-63 lowercase letters, digits and single hyphens, "
                                + "starting and ending with a letter or digit, like 'bronze' or 'sales-raw', got 'Raw'",
                        "zt-databricks:dataLake.containers[2] 'gold' is listed twice; list each container once, like "
                                + "[bronze, silver, gold]",
                        "zt-databricks:dataLake.containerSoftDeleteDays must be between 1 and 365 (Azure's soft-delete "
                                + "range), like 30, got 400")
                .anySatisfy(p -> assertThat(p).contains("dataLake.tier"));
    }

    @Test
    void databricksSubnetsOfDifferentSizesNameTheSpoke() {
        assertThat(problems(c -> c.put(P + ":spokes",
                "[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/24\",\"hostSubnetPrefix\":25,\"containerSubnetPrefix\":26,"
                        + "\"privateEndpointSubnetPrefix\":29}]")))
                .containsExactly("zt-databricks:spokes[0]: hostSubnetPrefix /25 and containerSubnetPrefix /26 differ; "
                                + "Databricks sizes clusters by the smaller one, so use the same size, like 26 and 26",
                        "zt-databricks:spokes[0].privateEndpointSubnetPrefix must be between 24 and 28, like 27, got 29");
    }

    @Test
    void keyVaultSettingsNameTheirFields() {
        assertThat(problems(c -> c.put(P + ":keyVault", "{\"sku\":\"standard\",\"hsmKeys\":true,"
                + "\"azureDatabricksObjectId\":\"not-a-guid\",\"rotation\":{\"rotateAfter\":\"P3D\"}}")))
                .containsExactly("zt-databricks:keyVault.hsmKeys needs sku premium (HSM-protected keys), got sku standard",
                        "zt-databricks:keyVault.rotation.rotateAfter must be at least P7D (Key Vault's minimum), got P3D",
                        "zt-databricks:keyVault.azureDatabricksObjectId must be a GUID (the object id of the AzureDatabricks "
                                + "service principal), got 'not-a-guid'");
        assertThat(problems(c -> c.put(P + ":keyVault", "{\"sku\":\"gold\"}"))).containsExactly(
                "zt-databricks:keyVault.sku must be one of standard, premium, like standard, got 'gold'",
                "zt-databricks:keyVault.azureDatabricksObjectId is required for Key Vault-backed secret scopes and the "
                        + "managed-services key; look it up with: az ad sp show --id 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d "
                        + "--query id -o tsv");
    }

    @Test
    void malformedCidr() {
        assertThat(problems(c -> c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0\"}"))).containsExactly(
                "zt-databricks:hub.addressSpace must be an IPv4 CIDR like 10.0.0.0/22, got '10.10.0.0'");
    }

    @Test
    void cidrWithHostBits() {
        assertThat(problems(c -> c.put(P + ":spokes", "[{\"name\":\"a1\",\"addressSpace\":\"10.11.0.5/24\"}]")))
                .singleElement().asString()
                .startsWith("zt-databricks:spokes[0].addressSpace has host bits set")
                .contains("did you mean 10.11.0.0/24?");
    }

    @Test
    void hubOverlappingASpoke() {
        assertThat(problems(c -> c.put(P + ":spokes", "[{\"name\":\"analytics\",\"addressSpace\":\"10.10.1.0/24\"}]")))
                .singleElement().asString()
                .startsWith("zt-databricks:spokes[0].addressSpace '10.10.1.0/24' overlaps zt-databricks:hub.addressSpace "
                        + "'10.10.0.0/23'; ")
                .endsWith("must not overlap, like 10.11.0.0/24");
    }

    @Test
    void spokeOverlappingASpoke() {
        assertThat(problems(c -> c.put(P + ":spokes", "[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/22\"},"
                + "{\"name\":\"datasci\",\"addressSpace\":\"10.11.2.0/24\"}]")))
                .singleElement().asString()
                .startsWith("zt-databricks:spokes[1].addressSpace '10.11.2.0/24' overlaps zt-databricks:spokes[0].addressSpace "
                        + "'10.11.0.0/22'");
    }

    @Test
    void subnetsThatDoNotFitTheSpoke() {
        assertThat(problems(c -> c.put(P + ":spokes", "[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/25\"}]")))
                .singleElement().asString()
                .startsWith("zt-databricks:spokes[0].addressSpace '10.11.0.0/25': subnet 'snet-private-endpoints' (/27) does not fit in 10.11.0.0/25")
                .contains("use an address space like 10.11.0.0/24");
    }

    @Test
    void databricksSubnetTooSmall() {
        assertThat(problems(c -> c.put(P + ":spokes",
                "[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/24\",\"hostSubnetPrefix\":27,\"containerSubnetPrefix\":27}]")))
                .contains("zt-databricks:spokes[0].hostSubnetPrefix /27 is too small: Azure Databricks needs at least /26 per subnet, like 26",
                        "zt-databricks:spokes[0].containerSubnetPrefix /27 is too small: Azure Databricks needs at least /26 per subnet, like 26");
    }

    @Test
    void unsupportedRegion() {
        assertThat(problems(c -> c.put("azure-native:location", "marsnorth"))).singleElement().asString()
                .startsWith("azure-native:location 'marsnorth' is not a supported Azure Databricks region; use one like 'westeurope'");
        assertThat(problems(c -> c.put("azure-native:location", "West Europe"))).singleElement().asString()
                .contains("(did you mean 'westeurope'?)");
        assertThat(problems(c -> c.put("azure-native:location", "usgovvirginia"))).singleElement().asString()
                .contains("sovereign-cloud region");
    }

    @Test
    void missingRegion() {
        assertThat(problems(c -> c.remove("azure-native:location")))
                .containsExactly("azure-native:location is required, like 'westeurope'");
    }

    @Test
    void duplicateSpokeNames() {
        assertThat(problems(c -> c.put(P + ":spokes", "[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/24\"},"
                + "{\"name\":\"analytics\",\"addressSpace\":\"10.12.0.0/24\"}]")))
                .containsExactly("zt-databricks:spokes[1].name 'analytics' is used by another spoke; spoke names must be unique, like 'analytics2'");
    }

    @Test
    void missingMandatoryTag() {
        assertThat(problems(c -> c.put(P + ":tags", "{\"environment\":\"dev\",\"owner\":\"team\",\"costCenter\":\"CC-1\"}")))
                .containsExactly("zt-databricks:tags.dataClassification is a mandatory tag, like 'confidential'");
    }

    @Test
    void tagEnvironmentMustMatchTheStackEnvironment() {
        assertThat(problems(c -> c.put(P + ":tags", "{\"environment\":\"prod\",\"owner\":\"team\",\"costCenter\":\"CC-1\","
                + "\"dataClassification\":\"internal\"}")))
                .containsExactly("zt-databricks:tags.environment is 'prod' but zt-databricks:environment is 'dev'; they must match, like 'dev'");
    }

    @Test
    void invalidNamePrefix() {
        assertThat(problems(c -> c.put(P + ":namePrefix", "Z_T"))).singleElement().asString()
                .startsWith("zt-databricks:namePrefix must be 2-8 lowercase letters or digits starting with a letter")
                .contains("got 'Z_T'");
    }

    @Test
    void unknownEnumValues() {
        assertThat(problems(c -> c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"bastion\":{\"sku\":\"Premium\"}}")))
                .containsExactly("zt-databricks:hub.bastion.sku must be one of Basic, Standard, Developer, like Basic, got 'Premium'");
        assertThat(problems(c -> c.put(P + ":tags", "{\"environment\":\"dev\",\"owner\":\"team\",\"costCenter\":\"CC-1\","
                + "\"dataClassification\":\"secret\"}")))
                .containsExactly("zt-databricks:tags.dataClassification must be one of public, internal, confidential, restricted, like confidential, got 'secret'");
    }

    @Test
    void optionAnSkuCannotHonourIsAnErrorNotADowngrade() {
        assertThat(problems(c -> c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"bastion\":{\"sku\":\"Basic\",\"tunneling\":true}}")))
                .containsExactly("zt-databricks:hub.bastion.tunneling needs sku 'Standard', got 'Basic'");
    }

    @Test
    void unknownKeyIsReportedInsteadOfSilentlyIgnored() {
        assertThat(problems(c -> c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"bastian\":{\"sku\":\"Basic\"}}")))
                .singleElement().asString()
                .startsWith("zt-databricks:hub.bastian is not a known key; did you mean 'bastion'? Valid keys here: addressSpace, bastion");
    }

    @Test
    void vpnClientPoolOverlappingASpoke() {
        assertThat(problems(c -> c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"vpn\":{\"clientAddressPool\":\"10.12.0.0/24\","
                + "\"tenantId\":\"72f988bf-86f1-41af-91ab-2d7cd011db47\"}}")))
                .singleElement().asString()
                .startsWith("zt-databricks:spokes[1].addressSpace '10.12.0.0/24' overlaps zt-databricks:hub.vpn.clientAddressPool "
                        + "'10.12.0.0/24'");
    }

    @Test
    void invalidPrivateDnsZone() {
        assertThat(problems(c -> c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"privateDnsZones\":[\"corp.contoso.com\"]}")))
                .containsExactly("zt-databricks:hub.privateDnsZones[0] must be a private-link zone (a 'privatelink' label) "
                        + "like privatelink.vaultcore.azure.net, got 'corp.contoso.com'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var all = problems(c -> {
            c.put("azure-native:location", "marsnorth");
            c.put(P + ":namePrefix", "UPPER");
            c.put(P + ":tags", "{\"environment\":\"dev\"}");
            c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/33\"}");
            c.put(P + ":spokes", "[{\"name\":\"a\",\"addressSpace\":\"10.11.0.0/24\"}]");
        });
        // region, prefix, three missing tags, the hub CIDR, the one-letter spoke name
        assertThat(all).hasSize(7);
        assertThat(String.join("\n", all)).contains("azure-native:location", "zt-databricks:namePrefix",
                "tags.owner", "tags.costCenter", "tags.dataClassification", "hub.addressSpace", "spokes[0].name");
    }

    @Test
    void structuredKeyWithTheWrongShape() {
        assertThat(problems(c -> c.put(P + ":hub", "10.10.0.0/23"))).containsExactly(
                "zt-databricks:hub must be a mapping, like {addressSpace: 10.10.0.0/22}, got '10.10.0.0/23'");
    }

    @Test
    void regionWhoseCatalogueEntryIsIncompleteNeedsTheMissingValueFromTheStack() {
        var problems = problems(c -> c.put("azure-native:location", "northeurope"));
        assertThat(problems).singleElement().asString()
                .startsWith("zt-databricks:firewall.regionOverrides.systemTablesStorageFqdns")
                .contains("northeurope").contains("ucstprdnortheu.dfs.core.windows.net");
        var config = valid();
        config.put("azure-native:location", "northeurope");
        config.put(P + ":firewall", "{\"regionOverrides\":{\"systemTablesStorageFqdns\":[\"ucstprdnortheu.dfs.core.windows.net\"]}}");
        assertThat(load(config).firewall().settings().regionOverrides())
                .containsEntry("systemTablesStorageFqdns", List.of("ucstprdnortheu.dfs.core.windows.net"));
    }

    @Test
    void firewallOptionsTheSkuCannotHonour() {
        assertThat(problems(c -> c.put(P + ":firewall", "{\"sku\":\"Basic\"}"))).containsExactlyInAnyOrder(
                "zt-databricks:firewall.threatIntelMode Deny is not available on sku Basic (it only alerts); "
                        + "set threatIntelMode: Alert or use sku Standard",
                "zt-databricks:firewall.dnsProxy is not available on sku Basic; set dnsProxy: false or use sku Standard");
        assertThat(problems(c -> c.put(P + ":firewall", "{\"sku\":\"Enterprise\"}")))
                .containsExactly("zt-databricks:firewall.sku must be one of Basic, Standard, Premium, like Standard, got 'Enterprise'");
    }

    @Test
    void unknownPackageRepositoryAndIncompleteForcedTunnel() {
        assertThat(problems(c -> c.put(P + ":firewall", "{\"packageRepositories\":[\"npm\"]}")))
                .singleElement().asString().startsWith("zt-databricks:firewall.packageRepositories[0]");
        assertThat(problems(c -> c.put(P + ":firewall", "{\"egress\":{\"mode\":\"forcedTunnel\"}}")))
                .containsExactly("zt-databricks:firewall.egress.forcedTunnelNextHopIp is required with mode forcedTunnel, "
                        + "like 10.200.0.4");
    }

    @Test
    void logRetentionOutOfRange() {
        assertThat(problems(c -> c.put(P + ":logs", "{\"retentionInDays\":7}")))
                .containsExactly("zt-databricks:logs.retentionInDays must be between 30 and 730, like 90, got 7");
    }

    @Test
    void serverlessSettingsAreValidatedUpFront() {
        assertThat(problems(c -> c.put(P + ":serverless", "{\"accountId\":\"7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d\","
                + "\"otherNccsInRegion\":10}"))).containsExactly("zt-databricks:serverless.otherNccsInRegion 10: with the one "
                + "this stack creates the account would have 11 network connectivity configurations in this region; "
                + "Databricks allows at most 10. Reuse one with existingNccId, or remove unused ones");
        assertThat(problems(c -> c.put(P + ":serverless", "{}")))
                .contains("zt-databricks:serverless.accountId is required, like <GUID of the Databricks account>");
    }

    @Test
    void hardeningRefusesTheComplianceProfileAndChecksBreakGlassRanges() {
        assertThat(problems(c -> c.put(P + ":workspaceHardening", "{\"complianceStandards\":[\"HIPAA\"],"
                + "\"breakGlassIpRanges\":[\"300.1.1.0/24\"]}")))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:workspaceHardening.complianceStandards cannot be set "
                        + "with azure-native 2.10.0"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:workspaceHardening.breakGlassIpRanges[0] must be an IPv4 CIDR"));
    }

    @Test
    void legacyMetastoreNeedsLegacyAccessLeftOn() {
        assertThat(problems(c -> c.put(P + ":firewall", "{\"legacyHiveMetastore\":true}")))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:firewall.legacyHiveMetastore opens TCP 3306")
                        .contains("zt-databricks:workspaceHardening.disableLegacyAccess is true"));
        var config = valid();
        config.put(P + ":firewall", "{\"legacyHiveMetastore\":true}");
        config.put(P + ":workspaceHardening", "{\"disableLegacyAccess\":false}");
        assertThat(load(config).firewall().settings().legacyHiveMetastore()).isTrue();
    }

    @Test
    void routerForwardsMustBeReachableFromTheHub() {
        var router = "{\"addressSpace\":\"10.110.0.0/27\",\"adminSshPublicKey\":\"ssh-ed25519 AAAA ops\","
                + "\"forwards\":[{\"port\":1433,\"destination\":\"10.200.10.5\",\"domainNames\":[\"sql.corp.contoso.com\"]}]";
        assertThat(problems(c -> {
            c.put(P + ":serverless", "{\"accountId\":\"7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d\"}");
            c.put(P + ":serverlessRouter", router + "}");
        })).anySatisfy(p -> assertThat(p).startsWith("zt-databricks:serverlessRouter.forwards[0].destination 10.200.10.5 "
                + "is not reachable from the hub"));
        var config = valid();
        config.put(P + ":serverless", "{\"accountId\":\"7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d\"}");
        config.put(P + ":serverlessRouter", router + ",\"onPremisesPrefixes\":[\"10.200.0.0/16\"]}");
        assertThat(load(config).serverlessRouter()).isPresent();
    }

    @Test
    void routerNeedsServerlessAndAValidKey() {
        assertThat(problems(c -> c.put(P + ":serverlessRouter", "{\"addressSpace\":\"10.110.0.0/27\","
                + "\"adminSshPublicKey\":\"hunter2\",\"forwards\":[{\"port\":1433,\"destination\":\"10.200.10.5\","
                + "\"domainNames\":[\"sql.corp.contoso.com\"]}]}")))
                .contains("zt-databricks:serverlessRouter needs zt-databricks:serverless: the router is reached through an "
                        + "NCC private endpoint rule; add serverless, like {accountId: <GUID>}")
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:serverlessRouter.adminSshPublicKey must be an OpenSSH public key"));
    }

    private static List<String> warnings(Consumer<Map<String, String>> change) {
        var config = valid();
        change.accept(config);
        return load(config).warnings();
    }

    @Test
    void anAksSectionTakesItsDefaultsAndIsCheckedAgainstEveryOtherRange() {
        var config = valid();
        config.put(P + ":aks", "{\"addressSpace\":\"10.120.0.0/22\"}");
        var aks = load(config).aks().orElseThrow();
        assertThat(aks.nodeCount()).isEqualTo(3);
        assertThat(aks.vmSize()).isEqualTo("Standard_D4ds_v5");
        // Zones only in prod by default: dev has none.
        assertThat(aks.zones()).isEmpty();
        config.put(P + ":environment", "prod");
        config.put(P + ":tags", "{\"environment\":\"prod\",\"owner\":\"team@contoso.com\",\"costCenter\":\"CC-1\","
                + "\"dataClassification\":\"internal\"}");
        assertThat(load(config).aks().orElseThrow().zones()).containsExactly("1", "2", "3");

        assertThat(problems(c -> c.put(P + ":aks", "{\"addressSpace\":\"10.11.0.0/22\"}"))).anySatisfy(p ->
                assertThat(p).startsWith("zt-databricks:aks.addressSpace '10.11.0.0/22' overlaps zt-databricks:spokes"));
        // The cluster's Kubernetes service range must not collide with a network the cluster reaches.
        assertThat(problems(c -> {
            c.put(P + ":spokes", "[{\"name\":\"analytics\",\"addressSpace\":\"172.20.4.0/24\"}]");
            c.put(P + ":aks", "{\"addressSpace\":\"10.120.0.0/22\"}");
        })).anySatisfy(p -> assertThat(p).contains("overlaps").contains("172.20.4.0/24").contains("AKS service range"));
        assertThat(problems(c -> c.put(P + ":aks", "{\"addressSpace\":\"10.120.0.0/22\",\"nodeCount\":0}")))
                .containsExactly("zt-databricks:aks.nodeCount must be 1 to 10, like 3, got 0");
    }

    @Test
    void anExplicitZoneListMustNameTheRegionalAksZone() {
        assertThat(problems(c -> {
            c.put(P + ":aks", "{\"addressSpace\":\"10.120.0.0/22\"}");
            c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"bastion\":{\"sku\":\"Basic\"},"
                    + "\"privateDnsZones\":[\"privatelink.azuredatabricks.net\",\"privatelink.vaultcore.azure.net\","
                    + "\"privatelink.dfs.core.windows.net\",\"privatelink.blob.core.windows.net\"]}");
        })).containsExactly("zt-databricks:hub.privateDnsZones must include 'privatelink.westeurope.azmk8s.io' (the "
                + "private AKS cluster's API server registers in it), got [privatelink.azuredatabricks.net, "
                + "privatelink.vaultcore.azure.net, privatelink.dfs.core.windows.net, privatelink.blob.core.windows.net]");
    }

    @Test
    void azurePolicyIsOnAtTheResourceGroupsAndEnforcedOnlyInProdUnlessConfigured() {
        var dev = load(valid()).azurePolicy();
        assertThat(dev.enabled()).isTrue();
        assertThat(dev.scope()).isEmpty();
        assertThat(dev.enforcement()).isEqualTo(com.ztplatform.components.governance.Enforcement.DO_NOT_ENFORCE);
        var config = valid();
        config.put(P + ":environment", "prod");
        config.put(P + ":tags", "{\"environment\":\"prod\",\"owner\":\"team@contoso.com\",\"costCenter\":\"CC-1\","
                + "\"dataClassification\":\"internal\"}");
        assertThat(load(config).azurePolicy().enforcement()).isEqualTo(com.ztplatform.components.governance.Enforcement.DEFAULT);
        config.put(P + ":azurePolicy", "{\"enforcementMode\":\"DoNotEnforce\",\"scope\":\"/subscriptions/"
                + "00000000-0000-0000-0000-000000000000\"}");
        var prod = load(config);
        assertThat(prod.azurePolicy().scope()).hasValue("/subscriptions/00000000-0000-0000-0000-000000000000");
        assertThat(prod.warnings()).anySatisfy(w -> assertThat(w).startsWith("zt-databricks:azurePolicy.enforcementMode "
                + "DoNotEnforce in prod"));
    }

    @Test
    void azurePolicyMistakesNameTheKeyAndAValidExample() {
        assertThat(problems(c -> c.put(P + ":azurePolicy", "{\"enforcementMode\":\"Audit\",\"scope\":"
                + "\"/providers/Microsoft.Management/managementGroups/platform\",\"enforce\":true}")))
                .contains("zt-databricks:azurePolicy.enforcementMode must be Default or DoNotEnforce, like DoNotEnforce, "
                        + "got 'Audit'")
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:azurePolicy.scope must be the stack's "
                        + "subscription or one of its resource groups, like /subscriptions/"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:azurePolicy.enforce is not a known key"));
    }

    @Test
    void aMisspeltTopLevelKeyIsAnErrorWithASuggestion() {
        assertThat(problems(c -> c.put(P + ":fireWall", "{\"sku\":\"Premium\"}"))).singleElement().asString()
                .startsWith("zt-databricks:fireWall is not a known key; did you mean 'zt-databricks:firewall'? Valid keys: ");
        assertThat(problems(c -> c.put(P + ":qwertyuiop", "1"))).singleElement().asString()
                .startsWith("zt-databricks:qwertyuiop is not a known key. Valid keys: ai, aks, alertWebhookUrls, alerts, azurePolicy, bootstrap, costAssumptions, dataLake, databricksAuth");
    }

    @Test
    void anAiModelDeploymentIsCheckedFieldByFieldWithExamples() {
        var problems = problems(c -> c.put(P + ":ai", "{\"aiServices\":{\"customSubdomain\":\"AI_x\",\"deployments\":["
                + "{\"name\":\"gpt-4o\",\"model\":\"gpt-4o\",\"version\":\"2024-08-06\",\"sku\":\"standard\",\"capacity\":0},"
                + "{\"name\":\"gpt-4o\",\"model\":\"gpt-4o\",\"capacity\":1}]}}"));
        assertThat(problems)
                .contains("zt-databricks:ai.aiServices.deployments[0].sku must be spelled 'Standard' (values are "
                        + "case-sensitive), got 'standard'")
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:ai.aiServices.deployments[0].capacity must be at least 1"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:ai.aiServices.deployments[1].version"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:ai.aiServices.deployments[1].name 'gpt-4o' is used twice"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:ai.aiServices.customSubdomain: custom subdomain 'AI_x'"));
    }

    @Test
    void aMisspeltRegionKeyIsPointedAt() {
        assertThat(problems(c -> c.put("azure-native:locaton", c.remove("azure-native:location")))).singleElement()
                .asString().startsWith("azure-native:location is required, like 'westeurope'")
                .endsWith("the stack file has azure-native:locaton (did you mean azure-native:location?)");
    }

    @Test
    void alertsTakeDefaultsAndWebhookUrlsOnlyFromTheSecretWithoutPrintingThem() {
        var config = valid();
        config.put(P + ":alerts", "{\"emails\":[{\"name\":\"oncall\",\"address\":\"team@contoso.com\"}],"
                + "\"webhooks\":[\"opsgenie\"]}");
        var hook = "https://hooks.example.com/x?token=tok-" + System.nanoTime();
        config.put(P + ":alertWebhookUrls", "{\"opsgenie\":\"" + hook + "\"}");
        var alerts = StackConfigLoader.load(P, new MapConfigSource(config, java.util.Set.of(P + ":alertWebhookUrls")))
                .alerts().orElseThrow();
        assertThat(alerts.budget().amountUsd()).isEqualTo(com.ztplatform.components.alerts.BudgetSettings.DEFAULT_AMOUNT_USD);
        assertThat(alerts.thresholds()).isEqualTo(com.ztplatform.components.alerts.AlertThresholds.defaults());
        assertThat(alerts.webhookNames()).containsExactly("opsgenie");
        assertThat(alerts.webhookUrls()).isPresent();

        config.put(P + ":alertWebhookUrls", "{\"opsgenie\":\"http://hooks.example.com/tok-1\",\"other\":\"https://x.example\"}");
        var e = catchThrowableOfType(ConfigException.class, () -> StackConfigLoader.load(P,
                new MapConfigSource(config, java.util.Set.of(P + ":alertWebhookUrls"))));
        assertThat(e.problems()).containsExactly(
                "zt-databricks:alertWebhookUrls must map 'opsgenie' to an https URL with a host (value not shown)",
                "zt-databricks:alertWebhookUrls names 'other', which is not in alerts.webhooks [opsgenie]; add it there "
                        + "or remove it");
        assertThat(e.getMessage()).doesNotContain("tok-1");
        // In clear in the stack file it is refused like every secret.
        assertThat(problems(c -> { c.putAll(config); c.put(P + ":alertWebhookUrls", "{\"opsgenie\":\"" + hook + "\"}"); }))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:alertWebhookUrls must be a secret"))
                .allSatisfy(p -> assertThat(p).doesNotContain(hook));
    }

    @Test
    void theDeploymentIdentityDefaultsToTheStacksEnvironmentThePreviewIdentityAndTheSubscription() {
        var config = valid();
        config.put(P + ":deploymentIdentity", "{\"githubRepository\":\"contoso/zt-databricks\"}");
        var identity = load(config).deploymentIdentity().orElseThrow();
        assertThat(identity.githubRepository()).isEqualTo("contoso/zt-databricks");
        assertThat(identity.environments()).containsExactly(load(config).environment());
        assertThat(identity.previewIdentity()).isTrue();
        assertThat(identity.scope()).isEmpty();
        assertThat(load(valid()).deploymentIdentity()).isEmpty();
    }

    @Test
    void deploymentIdentityProblemsNameTheirKeysWithAValidExample() {
        assertThat(problems(c -> c.put(P + ":deploymentIdentity", "{\"githubRepository\":\"zt-databricks\","
                + "\"environments\":[\"prod\",\"prod\",\"a:b\"],\"scope\":\"/subscriptions/x/resourceGroups/rg\","
                + "\"previewIdentiy\":false}")))
                .contains("zt-databricks:deploymentIdentity.githubRepository must be the GitHub repository as owner/name, "
                        + "like contoso/zt-databricks, got 'zt-databricks'")
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:deploymentIdentity.environments[1] repeats 'prod'"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:deploymentIdentity.environments[2] must be a "
                        + "GitHub environment name").contains("like prod"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:deploymentIdentity.scope must be a subscription "
                        + "or management group id").contains("like /subscriptions/"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:deploymentIdentity.previewIdentiy is not a known "
                        + "key; did you mean 'previewIdentity'?"));
        assertThat(problems(c -> c.put(P + ":deploymentIdentity", "{\"environments\":[\"prod\"]}")))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:deploymentIdentity.githubRepository is required"));
    }

    @Test
    void alertProblemsNameTheirKeys() {
        assertThat(problems(c -> c.put(P + ":alerts", "{\"thresholds\":{\"windowMinutes\":7},"
                + "\"budget\":{\"amount\":0,\"forecastPercents\":[100,2000],\"startDate\":\"2026-12-02\"}}")))
                .contains("zt-databricks:alerts.emails or webhooks must name at least one receiver (an action group that "
                        + "notifies no one hides every alert), like emails: [{name: platform-oncall, address: "
                        + "platform-team@contoso.com}]")
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:alerts.thresholds.windowMinutes must be one of"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:alerts.budget.amount must be more than 0"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:alerts.budget.forecastPercents[1] must be a percentage"))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:alerts.budget.startDate must be the first day"));
        assertThat(problems(c -> c.put(P + ":alerts", "{\"emails\":[{\"name\":\"oncall\",\"address\":\"x@contoso.com\"}],"
                + "\"webhooks\":[\"chat\"]}")))
                .anySatisfy(p -> assertThat(p).startsWith("zt-databricks:alertWebhookUrls is required for alerts.webhooks [chat]"));
    }

    @Test
    void aSecretInClearIsRefusedWithTheFixAndNeverPrinted() {
        var secret = "p@ss-" + System.nanoTime();
        var config = valid();
        config.put(P + ":landingClientSecret", secret);
        var e = catchThrowableOfType(ConfigException.class, () -> load(config));
        assertThat(e.problems()).containsExactly("zt-databricks:landingClientSecret must be a secret, but the stack file "
                + "holds it in clear (value not shown). Encrypt it: pulumi config set --secret "
                + "zt-databricks:landingClientSecret <value> — and rotate it, since it has been stored in clear");
        assertThat(e.getMessage()).doesNotContain(secret);
        // Stored encrypted, the same key is accepted (and only warned about: there is no landing here).
        var encrypted = StackConfigLoader.load(P, new MapConfigSource(config, java.util.Set.of(P + ":landingClientSecret")));
        assertThat(encrypted.warnings()).containsExactly("zt-databricks:landingClientSecret does not apply without "
                + "zt-databricks:landing; remove it");
    }

    @Test
    void yaml11BooleansAreStringsAndSaySo() {
        assertThat(problems(c -> c.put(P + ":protect", "yes"))).containsExactly("zt-databricks:protect must be true or "
                + "false, got 'yes' (Pulumi reads stack files as YAML 1.2, where 'yes' is a string)");
        assertThat(load(with(P + ":protect", "True")).protect()).isTrue();
        assertThat(problems(c -> c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"firewallManagementSubnet\":\"off\"}")))
                .containsExactly("zt-databricks:hub.firewallManagementSubnet must be true or false, got 'off' (Pulumi "
                        + "reads stack files as YAML 1.2, where 'off' is a string)");
    }

    private static Map<String, String> with(String key, String value) {
        var config = valid();
        config.put(key, value);
        return config;
    }

    @Test
    void enumsAreCaseSensitiveEverywhereAndNameTheRightSpelling() {
        assertThat(problems(c -> c.put(P + ":firewall", "{\"sku\":\"premium\"}"))).containsExactly(
                "zt-databricks:firewall.sku must be spelled 'Premium' (values are case-sensitive), got 'premium'");
        assertThat(problems(c -> c.put(P + ":keyVault", "{\"sku\":\"Premium\",\"azureDatabricksObjectId\":"
                + "\"9b38785a-6e08-4087-a0c4-20634343f21f\"}"))).containsExactly(
                "zt-databricks:keyVault.sku must be spelled 'premium' (values are case-sensitive), got 'Premium'");
        assertThat(problems(c -> c.put(P + ":firewall", "{\"packageRepositories\":[\"PyPI\"]}"))).containsExactly(
                "zt-databricks:firewall.packageRepositories[0] must be spelled 'pypi' (values are case-sensitive), got 'PyPI'");
    }

    @Test
    void platformTagsCannotBeOverriddenAndCaseTwinsAreRefused() {
        assertThat(problems(c -> c.put(P + ":tags", "{\"environment\":\"dev\",\"owner\":\"t@contoso.com\","
                + "\"costCenter\":\"CC-1\",\"dataClassification\":\"internal\",\"managedBy\":\"terraform\"}")))
                .containsExactly("zt-databricks:tags.managedBy is managed by the platform (managedBy: pulumi) and cannot "
                        + "be overridden, got 'terraform'; remove it");
        assertThat(problems(c -> c.put(P + ":tags", "{\"environment\":\"dev\",\"owner\":\"t@contoso.com\","
                + "\"costCenter\":\"CC-1\",\"dataClassification\":\"internal\",\"Owner\":\"x\"}")))
                .containsExactly("zt-databricks:tags.Owner and zt-databricks:tags.owner differ only in case; Azure tag "
                        + "names are case-insensitive, so one would overwrite the other. Keep one, like 'owner'");
    }

    @Test
    void settingsThatDoNotApplyAreWarnings() {
        assertThat(warnings(c -> c.put(P + ":databricksAuth", "{\"type\":\"azureCli\",\"clientId\":"
                + "\"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a\"}"))).containsExactly("zt-databricks:databricksAuth.clientId "
                + "'5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' does not apply with type azureCli (the signed-in user's token "
                + "is used); remove it");
        assertThat(warnings(c -> c.put(P + ":logs", "{\"retentionInDays\":30,\"existingWorkspaceId\":\"/subscriptions/"
                + "0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/"
                + "workspaces/law-central\"}"))).singleElement().asString()
                .startsWith("zt-databricks:logs.retentionInDays 30 does not apply with existingWorkspaceId");
        assertThat(load(valid()).warnings()).isEmpty();
    }

    @Test
    void aNarrowedZoneListMustKeepTheZonesTheStackRegistersIn() {
        assertThat(problems(c -> c.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"privateDnsZones\":"
                + "[\"privatelink.azuredatabricks.net\",\"privatelink.blob.core.windows.net\","
                + "\"privatelink.dfs.core.windows.net\"]}")))
                .containsExactly("zt-databricks:hub.privateDnsZones must include 'privatelink.vaultcore.azure.net' (clients of the "
                        + "platform Key Vault's private endpoint resolve through it), got [privatelink.azuredatabricks.net, "
                        + "privatelink.blob.core.windows.net, privatelink.dfs.core.windows.net]");
    }

    @Test
    void aStackThatCreatesItsWorkspaceKeepsTheBlobZoneForTheSavedQueryAccount() {
        // No workspaces and no lake: only the workspace's saved-query account (SavedQueryStorage) needs the blob zone.
        var narrowed = "{\"addressSpace\":\"10.10.0.0/23\",\"privateDnsZones\":[\"privatelink.vaultcore.azure.net\"]}";
        assertThat(problems(c -> {
            c.remove(P + ":spokes");
            c.put(P + ":hub", narrowed);
        })).containsExactly("zt-databricks:hub.privateDnsZones must include 'privatelink.blob.core.windows.net' (the Log "
                + "Analytics workspace's saved-query account's endpoint resolve through it), got [privatelink.vaultcore.azure.net]");
        // With an existing central workspace there is no saved-query account, so no blob zone is needed.
        var config = valid();
        config.remove(P + ":spokes");
        config.put(P + ":hub", narrowed);
        config.put(P + ":logs", "{\"existingWorkspaceId\":\"/subscriptions/0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d/"
                + "resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-central\"}");
        assertThat(load(config).hub().privateDnsZones()).containsExactly("privatelink.vaultcore.azure.net");
    }

    @Test
    void noFollowOnMessagesFromDefaultsStandingInForInvalidValues() {
        // An invalid host prefix is one message: no "sizes differ" or "does not fit" computed from the default.
        assertThat(problems(c -> c.put(P + ":spokes", "[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/24\","
                + "\"hostSubnetPrefix\":\"big\",\"containerSubnetPrefix\":24}]")))
                .containsExactly("zt-databricks:spokes[0].hostSubnetPrefix must be a whole number, like 26, got 'big'");
        // A landing that names a spoke whose own address space is wrong is not also told the spoke does not exist.
        assertThat(problems(c -> {
            c.put(P + ":spokes", "[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/33\"}]");
            c.put(P + ":landing", "{\"workspace\":\"analytics\",\"fabricWorkspace\":\"zt-landing\",\"lakehouse\":"
                    + "\"mirror\",\"servicePrincipalClientId\":\"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a\","
                    + "\"servicePrincipalObjectId\":\"0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d\","
                    + "\"sources\":[{\"table\":\"main.sales.orders\",\"dest\":\"orders\"}]}");
        })).singleElement().asString().startsWith("zt-databricks:spokes[0].addressSpace ");
        // A missing required id is one message, not also "must be a GUID, got ''".
        assertThat(problems(c -> c.put(P + ":serverless", "{\"enforcement\":\"ENFORCED\"}")))
                .containsExactly("zt-databricks:serverless.accountId is required, like <GUID of the Databricks account>");
    }

    private static final String LANDING = "{\"workspace\":\"analytics\",\"fabricWorkspace\":\"zt-landing\","
            + "\"lakehouse\":\"mirror\",\"servicePrincipalClientId\":\"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a\","
            + "\"servicePrincipalObjectId\":\"0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d\",\"sources\":%s}";

    @Test
    void landingReadOptionsArePerSourceAndCheckedByTheJobsOwnParser() {
        var config = valid();
        config.put(P + ":landing", LANDING.formatted("[{\"path\":\"/Volumes/main/raw/files/prices\",\"format\":\"csv\","
                + "\"quote\":\"'\",\"escape\":\"'\",\"multiLine\":true,\"dest\":\"prices\"},"
                + "{\"path\":\"/Volumes/main/raw/files/events\",\"format\":\"parquet\",\"mergeSchema\":true,\"dest\":\"events\"}]"));
        var sources = load(config).landing().orElseThrow().settings().sources();
        assertThat(sources.get(0).options()).containsExactlyEntriesOf(
                new java.util.TreeMap<>(Map.of("escape", "'", "multiLine", true, "quote", "'")));
        assertThat(sources.get(1).options()).containsExactlyEntriesOf(Map.of("mergeSchema", true));
        // The job configuration carries them, so the job reads exactly what the stack says.
        var json = load(config).landing().orElseThrow().settings().jobConfigJson("scope", java.util.Optional.empty(),
                "landing", "00000000-0000-0000-0000-000000000000");
        var job = com.ztplatform.landing.contract.JobConfigParser.parse(json);
        assertThat(job.sources().get(0).csv()).isEqualTo(new com.ztplatform.landing.contract.JobConfig.CsvOptions(
                true, ",", "'", "'", true));
        assertThat(job.sources().get(1).parquet().mergeSchema()).isTrue();

        assertThat(problems(c -> c.put(P + ":landing", LANDING.formatted("[{\"path\":\"/Volumes/main/raw/files/e\","
                + "\"format\":\"parquet\",\"quote\":\"'\",\"dest\":\"e\"},{\"path\":\"/Volumes/main/raw/files/p\","
                + "\"format\":\"csv\",\"delimiter\":\";;\",\"dest\":\"p\"}]"))))
                .containsExactlyInAnyOrder(
                        "zt-databricks:landing.sources[0].quote applies to csv sources only, this one is 'parquet'; remove it",
                        "zt-databricks:landing.sources[1].delimiter must be exactly one character like ';' or '\\t', got ';;'");
    }

    @Test
    void landingOneLakeRegionReachesTheJobAndABadOneNamesTheKeyAndAnExample() {
        var table = "[{\"table\":\"main.sales.orders\",\"dest\":\"orders\"}]";
        var config = valid();
        config.put(P + ":landing", LANDING.formatted(table).replace("\"lakehouse\"", "\"oneLakeRegion\":\"westeurope\",\"lakehouse\""));
        var settings = load(config).landing().orElseThrow().settings();
        assertThat(settings.oneLakeHost()).isEqualTo("westeurope-onelake.dfs.fabric.microsoft.com");
        var job = com.ztplatform.landing.contract.JobConfigParser.parse(settings.jobConfigJson("scope",
                java.util.Optional.empty(), "landing", "00000000-0000-0000-0000-000000000000"));
        assertThat(job.target().host()).isEqualTo("westeurope-onelake.dfs.fabric.microsoft.com");
        // not set: the global endpoint, as before
        var global = valid();
        global.put(P + ":landing", LANDING.formatted(table));
        assertThat(load(global).landing().orElseThrow().settings().oneLakeHost())
                .isEqualTo("onelake.dfs.fabric.microsoft.com");

        assertThat(problems(c -> c.put(P + ":landing", LANDING.formatted(table)
                .replace("\"lakehouse\"", "\"oneLakeRegion\":\"West Europe\",\"lakehouse\""))))
                .containsExactly("zt-databricks:landing.oneLakeRegion must be the Azure region of the Fabric capacity, in "
                        + "lowercase letters and digits, like 'westeurope' (host westeurope-onelake.dfs.fabric.microsoft.com),"
                        + " or absent for the global endpoint onelake.dfs.fabric.microsoft.com, got 'West Europe'");
    }

    @Test
    void everyMessageQuotesTheValueFound() {
        assertThat(problems(c -> c.put(P + ":hub", "{\"addressSpace\":42}"))).containsExactly(
                "zt-databricks:hub.addressSpace must be a string, like 10.10.0.0/22, got 42");
        assertThat(problems(c -> c.put(P + ":spokes", "{\"name\":\"analytics\"}"))).containsExactly(
                "zt-databricks:spokes must be a list, like [{name: analytics, addressSpace: 10.11.0.0/24}], got "
                        + "{\"name\":\"analytics\"}");
        assertThat(problems(c -> c.put(P + ":hub", "{broken"))).containsExactly("zt-databricks:hub must be a mapping or a "
                + "list written in YAML (or set with pulumi config set --path), got '{broken'");
    }

    @Test
    void everyKeyTheLoaderReadsIsInTheSchema() {
        // ConfigNode refuses to read a key the schema lacks; loading a stack that sets every section proves it.
        var config = valid();
        config.put(P + ":logs", "{\"retentionInDays\":90}");
        config.put(P + ":databricksAuth", "{\"type\":\"managedIdentity\"}");
        config.put(P + ":webAuth", "{\"addressSpace\":\"10.19.0.0/24\"}");
        config.put(P + ":workspaceHardening", "{\"maxTokenLifetimeDays\":30}");
        assertThat(load(config).webAuth()).isPresent();
    }
}
