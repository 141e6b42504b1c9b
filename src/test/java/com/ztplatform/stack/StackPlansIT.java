package com.ztplatform.stack;

import com.ztplatform.components.offline.AzureMocks;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;
import com.ztplatform.stack.plan.StackFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real dev and prod stacks, run through the real program on the mocks: their key invariants. */
class StackPlansIT {
    /**
     * The stack files' global name suffixes, derived from project, prefix, environment and the AzureDatabricks object
     * id (worked out by hand in AzureNamesTest.derivedSuffixOfTheStackFiles).
     */
    private static final java.util.Map<String, String> SUFFIX = java.util.Map.of("dev", "llwby", "prod", "ym4ky");
    /**
     * Platform and landing vault names: {@code ztp-<env>-platform-kv} and {@code ztp-<env>-landing-kv} with the suffix,
     * each cut to 24 characters before it with the full name's hash where it does not fit (all but dev's landing vault).
     */
    private static final java.util.Map<String, String[]> VAULTS = java.util.Map.of(
            "dev", new String[]{"ztp-dev-platf-4942-llwby", "ztp-dev-landing-kv-llwby"},
            "prod", new String[]{"ztp-prod-plat-abdc-ym4ky", "ztp-prod-land-4997-ym4ky", "ztp-prod-ml-kv-ym4ky"});
    private static Plan dev;
    private static Plan prod;

    @BeforeAll
    static void plan() {
        dev = SharedPlans.plan("dev");
        prod = SharedPlans.plan("prod");
    }

    private static Map<String, String> hubSubnets(Plan plan) {
        var prefixes = new HashMap<String, String>();
        plan.ofType("azure-native:network:Subnet").stream()
                .filter(s -> s.inputString("virtualNetworkName").orElse("").endsWith("-hub-vnet"))
                .forEach(s -> prefixes.put(s.inputString("subnetName").orElseThrow(), s.inputString("addressPrefix").orElseThrow()));
        return prefixes;
    }

    private static Plan.PlanResource hubVnet(Plan plan) {
        return plan.ofType("azure-native:network:VirtualNetwork").stream()
                .filter(v -> v.inputString("virtualNetworkName").orElse("").endsWith("-hub-vnet")).findFirst().orElseThrow();
    }

    @Test
    void devHasOneWorkloadSpokeAndTheWebAuthWorkspaceProdHasTwo() {
        assertThat(dev.ofType("azure-native:databricks:Workspace"))
                .extracting(w -> w.inputString("workspaceName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-dev-analytics-dbw", "ztp-dev-webauth-dbw");
        assertThat(prod.ofType("azure-native:databricks:Workspace"))
                .extracting(w -> w.inputString("workspaceName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-prod-analytics-dbw", "ztp-prod-datasci-dbw", "ztp-prod-webauth-dbw");
        assertThat(prod.outputs().getAsJsonObject("spokes").keySet()).containsExactly("analytics", "datasci");
        // Storage redundancy per stack: locally redundant in dev, geo-zone-redundant in prod.
        assertThat(dev.ofType("azure-native:databricks:Workspace").stream()
                .filter(w -> w.inputString("workspaceName").orElse("").contains("analytics")).findFirst().orElseThrow()
                .inputString("parameters.storageAccountSkuName.value")).hasValue("Standard_LRS");
        prod.ofType("azure-native:databricks:Workspace").stream()
                .filter(w -> !w.inputString("workspaceName").orElse("").contains("webauth"))
                .forEach(w -> assertThat(w.inputString("parameters.storageAccountSkuName.value")).hasValue("Standard_GZRS"));
    }

    @Test
    void everyStorageAccountIsReplacedDeleteFirstWhenWhatAzureFixesAtCreationChanges() {
        // Infrastructure encryption and the queue/table key scope cannot change on an existing account
        // (learn.microsoft.com/azure/storage/common/infrastructure-encryption-enable, account-encryption-key-create).
        // Names are fixed, so the replacement must delete the old account first.
        var fixed = List.of("encryption.requireInfrastructureEncryption", "encryption.services.queue.keyType",
                "encryption.services.table.keyType");
        for (var plan : new Plan[]{dev, prod}) {
            var accounts = plan.ofType("azure-native:storage:StorageAccount");
            assertThat(accounts).isNotEmpty();
            for (var account : accounts) {
                assertThat(account.input("encryption.requireInfrastructureEncryption")).as(account.name()).isPresent();
                var replaceOn = account.options().getAsJsonArray("replaceOnChanges");
                assertThat(replaceOn).as(account.name()).isNotNull();
                assertThat(replaceOn.asList()).as(account.name())
                        .extracting(com.google.gson.JsonElement::getAsString).containsAll(fixed);
                assertThat(account.options().get("deleteBeforeReplace")).as(account.name()).isNotNull();
                assertThat(account.options().get("deleteBeforeReplace").getAsBoolean()).as(account.name()).isTrue();
            }
        }
    }

    @Test
    void everyWorkspaceIsPrivateAndReachedOnlyThroughItsEndpoints() {
        for (var plan : new Plan[]{dev, prod}) {
            for (var w : plan.ofType("azure-native:databricks:Workspace")) {
                assertThat(w.inputString("publicNetworkAccess")).as(w.name()).hasValue("Disabled");
                assertThat(w.input("parameters.enableNoPublicIp.value").orElseThrow().getAsBoolean()).isTrue();
                var groups = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                        .map(e -> e.input("privateLinkServiceConnections").orElseThrow().getAsJsonArray().get(0).getAsJsonObject())
                        .filter(c -> c.get("privateLinkServiceId").getAsString().equals(w.id()))
                        .map(c -> c.get("groupIds").getAsJsonArray().get(0).getAsString()).sorted().toList();
                if (w.name().contains("webauth")) {
                    assertThat(groups).containsExactly("browser_authentication", "databricks_ui_api");
                } else {
                    assertThat(groups).containsExactly("databricks_ui_api", "databricks_ui_api");
                }
            }
        }
    }

    @Test
    void topologyShowsTheSpokesPeeredWithTheHub() throws IOException {
        var out = java.nio.file.Files.createTempDirectory("plan");
        com.ztplatform.stack.plan.PlanCommand.write(out, prod);
        var topology = java.nio.file.Files.readString(out.resolve("topology.md"));
        assertThat(topology).contains("VNet ztp-prod-analytics-vnet<br/>10.101.0.0/22", "VNet ztp-prod-datasci-vnet<br/>10.102.0.0/22",
                "snet-dbx-host<br/>10.101.0.0/24", "Databricks workspace<br/>ztp-prod-analytics-dbw");
        // analytics, datasci, webauth, the serverless router, the ML compute VNet, the integration VNet and the AKS spoke,
        // each peered both ways with the hub.
        assertThat(topology.lines().filter(l -> l.contains("<-->|peering|"))).hasSize(7);
    }

    private static Plan.PlanResource workspace(Plan plan, String spoke) {
        return plan.ofType("azure-native:databricks:Workspace").stream()
                .filter(w -> w.inputString("workspaceName").orElse("").contains("-" + spoke + "-")).findFirst().orElseThrow();
    }

    @Test
    void eachWorkspaceNameHasOneAnswerPerNetworkSpokeToBackEndHubAndVpnToFrontEnd() {
        for (var plan : new Plan[]{dev, prod}) {
            var answers = com.ztplatform.stack.plan.NameResolution.resolve(plan);
            assertThat(answers).as(plan.stack()).isNotEmpty();
            for (var workspace : plan.ofType("azure-native:databricks:Workspace")) {
                var name = workspace.id().substring(workspace.id().lastIndexOf('/') + 1);
                var mine = answers.stream().filter(a -> a.workspace().equals(name)).toList();
                var spoke = mine.stream().filter(a -> a.client().startsWith("spoke VNet")).findFirst().orElseThrow();
                var hub = mine.stream().filter(a -> a.client().startsWith("hub VNet")).findFirst().orElseThrow();
                assertThat(spoke.problem()).as(spoke.toString()).isEmpty();
                if (name.contains("webauth")) {
                    // The web-auth workspace runs nothing and has no front-end endpoint: users never open it.
                    assertThat(mine).filteredOn(a -> !a.client().startsWith("spoke VNet"))
                            .allSatisfy(a -> assertThat(a.problem()).startsWith("no record for this workspace"));
                    continue;
                }
                mine.forEach(a -> assertThat(a.problem()).as(a.toString()).isEmpty());
                // The spoke gets its back-end endpoint, inside its own private-endpoint subnet.
                assertThat(spoke.endpoint()).contains("backend");
                assertThat(spoke.zone()).doesNotContain("hub-rg");
                // The hub gets the front-end (or the web-auth workspace's browser_authentication) endpoint, in the hub.
                assertThat(hub.endpoint()).contains("frontend");
                assertThat(hub.zone()).contains("hub-rg");
                var hubPe = plan.ofType("azure-native:network:Subnet").stream()
                        .filter(sn -> sn.inputString("virtualNetworkName").orElse("").endsWith("hub-vnet")
                                && sn.inputString("subnetName").orElse("").equals("snet-private-endpoints"))
                        .findFirst().orElseThrow();
                assertThat(com.ztplatform.components.addressing.Cidr.parse(hubPe.inputString("addressPrefix").orElseThrow())
                        .contains(hub.address())).as(hub.toString()).isTrue();
                assertThat(spoke.address()).isNotEqualTo(hub.address());
                // A VPN client asks the hub's resolver, so it sees what the hub sees.
                mine.stream().filter(a -> a.client().equals("VPN client")).forEach(vpn -> {
                    assertThat(vpn.endpoint()).isEqualTo(hub.endpoint());
                    assertThat(vpn.resolver()).startsWith("DNS resolver inbound endpoint 10.100.");
                });
            }
        }
        assertThat(com.ztplatform.stack.plan.NameResolution.resolve(prod)).anyMatch(a -> a.client().equals("VPN client"));
    }

    @Test
    void everyWorkspaceSaysItsDbfsRootEndpointStaysOpen() {
        for (var plan : new Plan[]{dev, prod}) {
            var storage = plan.ofType("azure-native:databricks:Workspace").stream()
                    .map(w -> w.inputString("parameters.storageAccountName.value").orElseThrow()).toList();
            assertThat(storage).isNotEmpty().allSatisfy(name -> assertThat(plan.diagnostics()).anySatisfy(d ->
                    assertThat(d).startsWith("warning: ").contains(name).contains("stays reachable from the internet")));
        }
    }

    @Test
    void customerManagedKeysAreOffInDevAndOnInProd() {
        var devWorkspace = workspace(dev, "analytics");
        assertThat(devWorkspace.input("encryption")).isEmpty();
        assertThat(devWorkspace.input("parameters.encryption")).isEmpty();
        // dev's keys are its storage accounts': every account is encrypted with a customer-managed key (the lake, the
        // workspace's saved-query account and the flow log account in dev), the workspaces are not.
        assertThat(dev.ofType("azure-native:keyvault:Key")).extracting(k -> k.inputString("keyName").orElseThrow())
                .containsExactlyInAnyOrder("lake-storage-rsa3072", "law-saved-queries-rsa3072", "flowlogs-storage-rsa3072");
        for (var spoke : List.of("analytics", "datasci")) {
            var w = workspace(prod, spoke);
            assertThat(w.inputString("encryption.entities.managedServices.keyVaultProperties.keyName")).hasValue("dbw-managed-services-rsahsm3072");
            assertThat(w.inputString("encryption.entities.managedDisk.keyVaultProperties.keyName")).hasValue("dbw-managed-disk-rsahsm3072");
            assertThat(w.inputString("parameters.encryption.value.keyName")).hasValue("dbw-dbfs-root-rsahsm3072");
            assertThat(w.input("parameters.prepareEncryption.value").orElseThrow().getAsBoolean()).isTrue();
            // Step 3 waits for step 2: the grant that lets the storage identity use the DBFS-root key.
            var grant = prod.named("grant-" + spoke + "-dbfs-root");
            assertThat(w.dependencies()).contains(grant.urn());
            // The managed-services key is checked by Databricks when it is set: the workspace waits for the grant.
            assertThat(w.dependencies()).contains(prod.named("kv-azuredatabricks-managed-services").urn());
            assertThat(grant.inputString("principalId").orElseThrow())
                    .isEqualTo(w.mockComputed().getAsJsonObject("storageAccountIdentity").get("principalId").getAsString());
        }
    }

    @Test
    void eachWorkloadWorkspaceGetsAKeyVaultBackedScopeThroughAnEntraAuthenticatedProvider() {
        for (var plan : new Plan[]{dev, prod}) {
            // The platform's scope, one per workload workspace (the landing's own scope is checked below).
            var scopes = plan.ofType("databricks:index/secretScope:SecretScope").stream()
                    .filter(s -> s.inputString("name").orElseThrow().equals("platform")).toList();
            assertThat(scopes).hasSize(plan.outputs().getAsJsonObject("spokes").size());
            var vault = plan.named("kv-vault");
            var secretsUser = plan.named("kv-azuredatabricks-secrets");
            for (var scope : scopes) {
                assertThat(scope.inputString("backendType")).hasValue("AZURE_KEYVAULT");
                assertThat(scope.inputString("keyvaultMetadata.resourceId")).hasValue(vault.id());
                assertThat(scope.inputString("keyvaultMetadata.dnsName").orElseThrow()).startsWith("https://").endsWith(".vault.azure.net/");
                assertThat(scope.dependencies()).as("created after the AzureDatabricks grant").contains(secretsUser.urn());
                var provider = plan.byUrn(scope.provider().substring(0, scope.provider().lastIndexOf("::"))).orElseThrow();
                assertThat(provider.type()).isEqualTo("pulumi:providers:databricks");
                assertThat(provider.inputString("authType")).hasValue("azure-cli");
                assertThat(provider.input("token")).as("never a personal access token").isEmpty();
                assertThat(provider.inputString("azureWorkspaceResourceId").orElseThrow()).contains("/Microsoft.Databricks/workspaces/");
            }
        }
    }

    @Test
    void bootstrapPreparesTheDbfsRootKeyAndGrantsItAfterTheWorkspace() throws IOException {
        var root = StackFiles.findProjectRoot(Path.of(""));
        var input = StackFiles.read(root, "prod");
        var config = new HashMap<>(input.config());
        config.put("zt-databricks:bootstrap", "true");
        var plan = PlanRunner.run(new PlanRunner.StackInput(input.project(), "prod", config, input.secretKeys()),
                new AzureMocks(), PlatformProgram::run);
        assertThat(plan.errors()).isEmpty();
        var w = workspace(plan, "analytics");
        assertThat(w.input("parameters.prepareEncryption.value").orElseThrow().getAsBoolean()).isTrue();
        assertThat(w.input("parameters.encryption")).as("the key is applied on the next deployment").isEmpty();
        var grant = plan.named("grant-analytics-dbfs-root");
        assertThat(grant.dependencies()).contains(w.urn());
        assertThat(plan.ofType("databricks:index/secretScope:SecretScope")).as("workspace layer off").isEmpty();
        assertThat(plan.ofType("pulumi:providers:databricks")).as("only the account-level provider, reachable from anywhere")
                .allSatisfy(p -> assertThat(p.input("azureWorkspaceResourceId")).isEmpty());
        assertThat(plan.ofType("databricks:index/workspaceConf:WorkspaceConf")).isEmpty();
        // The lake's key identity is granted now; the account that uses the key comes with the next deployment.
        assertThat(plan.ofType("azure-native:storage:StorageAccount")).extracting(a -> a.inputString("accountName").orElseThrow())
                .doesNotContain("ztpprodlakeym4ky");
        assertThat(plan.named("lake-cmk-key-use").inputString("scope").orElseThrow()).endsWith("/keys/lake-storage-rsahsm3072");
        // So is Unity Catalog's data role, on the lake resource group: effective before Databricks validates the
        // storage credential with it in the next deployment.
        assertThat(plan.named("lake-uc-data").inputString("scope"))
                .hasValue("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-prod-lake-rg");
        assertThat(plan.named("lake-uc-data").inputString("principalId"))
                .hasValue(plan.named("lake-uc-id").mockComputed().get("principalId").getAsString());
        assertThat(plan.ofType("azure-native:databricks:AccessConnector")).isEmpty();
        assertThat(plan.ofType("databricks:index/storageCredential:StorageCredential")).isEmpty();
    }

    @Test
    void serverlessIsBoundToEveryWorkspaceAndFollowsTheFirewallAllowlist() {
        for (var plan : new Plan[]{dev, prod}) {
            var workspaceIds = plan.ofType("azure-native:databricks:Workspace").stream()
                    .map(w -> w.mockComputed().get("workspaceId").getAsString()).sorted().toList();
            assertThat(plan.ofType("databricks:index/mwsNccBinding:MwsNccBinding").stream()
                    .map(b -> b.inputString("workspaceId").orElseThrow()).sorted().toList()).isEqualTo(workspaceIds);
            assertThat(plan.ofType("databricks:index/workspaceNetworkOption:WorkspaceNetworkOption").stream()
                    .map(b -> b.inputString("workspaceId").orElseThrow()).sorted().toList()).isEqualTo(workspaceIds);
            var vault = plan.named("kv-vault");
            assertThat(plan.ofType("databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule"))
                    .anySatisfy(r -> {
                        assertThat(r.inputString("resourceId")).hasValue(vault.id());
                        assertThat(r.inputString("groupId")).hasValue("vault");
                    });
            // Every FQDN the firewall allows over HTTPS (application target FQDNs, network destination FQDNs on 443)
            // and nothing else: a name allowed on another port (the metastore's 3306) must never reach serverless,
            // whose allowlist takes names without ports.
            var firewallFqdns = new java.util.TreeSet<String>();
            var otherPortFqdns = new java.util.TreeSet<String>();
            plan.ofType("azure-native:network:FirewallPolicyRuleCollectionGroup").forEach(g -> g.input("ruleCollections")
                    .orElseThrow().getAsJsonArray().forEach(c -> c.getAsJsonObject().getAsJsonArray("rules").forEach(r -> {
                        var rule = r.getAsJsonObject();
                        // Only what Databricks compute may reach: rules of other source groups (ML compute, AKS) stay out.
                        if (!rule.getAsJsonArray("sourceIpGroups").toString().contains("-databricks-ipg")) {
                            return;
                        }
                        if (rule.has("targetFqdns")) {
                            rule.getAsJsonArray("targetFqdns").forEach(f -> firewallFqdns.add(f.getAsString()));
                        }
                        if (rule.has("destinationFqdns")) {
                            var https = rule.get("destinationPorts").toString().equals("[\"443\"]");
                            rule.getAsJsonArray("destinationFqdns").forEach(f -> (https ? firewallFqdns : otherPortFqdns)
                                    .add(f.getAsString()));
                        }
                    })));
            var policy = plan.ofType("databricks:index/accountNetworkPolicy:AccountNetworkPolicy").get(0);
            assertThat(policy.inputString("egress.networkAccess.restrictionMode")).hasValue("RESTRICTED_ACCESS");
            var allowed = new java.util.TreeSet<String>();
            policy.input("egress.networkAccess.allowedInternetDestinations").orElseThrow().getAsJsonArray()
                    .forEach(d -> allowed.add(d.getAsJsonObject().get("destination").getAsString()));
            assertThat(allowed).isEqualTo(firewallFqdns).noneMatch(otherPortFqdns::contains);
            // The one entry serverless cannot take (an address range) is reported, not dropped.
            assertThat(plan.diagnostics()).anySatisfy(d -> assertThat(d).startsWith("warning: serverless network policy "
                    + "cannot express firewall entry").contains("20.73.215.48/28"));
        }
        assertThat(dev.diagnostics()).as("dev allows the legacy metastore on 3306; serverless must not get it")
                .anySatisfy(d -> assertThat(d).contains("metastore").contains("on port(s) 3306"));
        assertThat(dev.ofType("databricks:index/accountNetworkPolicy:AccountNetworkPolicy").get(0)
                .inputString("egress.networkAccess.policyEnforcement.enforcementMode")).hasValue("DRY_RUN");
        assertThat(prod.ofType("databricks:index/accountNetworkPolicy:AccountNetworkPolicy").get(0)
                .inputString("egress.networkAccess.policyEnforcement.enforcementMode")).hasValue("ENFORCED");
        assertThat(prod.outputs().getAsJsonArray("serverlessApprovals")).isNotEmpty();
    }

    @Test
    void hardeningIsStricterInProd() {
        var prodConf = prod.ofType("databricks:index/workspaceConf:WorkspaceConf").get(0);
        assertThat(prodConf.inputString("customConfig.enableResultsDownloading")).hasValue("false");
        assertThat(prodConf.inputString("customConfig.enableExportNotebook")).hasValue("false");
        assertThat(prodConf.inputString("customConfig.maxTokenLifetimeDays")).hasValue("30");
        var devConf = dev.ofType("databricks:index/workspaceConf:WorkspaceConf").get(0);
        assertThat(devConf.inputString("customConfig.enableResultsDownloading")).hasValue("true");
        for (var plan : new Plan[]{dev, prod}) {
            // On Azure these are workspace properties (enhancedSecurityCompliance), never Databricks settings.
            assertThat(plan.resources()).noneMatch(r -> r.type().contains("complianceSecurityProfile")
                    || r.type().contains("enhancedSecurityMonitoring") || r.type().contains("automaticClusterUpdate"));
        }
        for (var plan : new Plan[]{dev, prod}) {
            assertThat(plan.ofType("databricks:index/ipAccessList:IpAccessList")).as("break-glass off by default").isEmpty();
            assertThat(plan.ofType("databricks:index/disableLegacyDbfsSetting:DisableLegacyDbfsSetting")).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.input("disableLegacyDbfs.value").orElseThrow().getAsBoolean()).isTrue());
        }
    }

    /**
     * Names Azure makes unique worldwide end with the stack's global suffix, derived from configuration alone:
     * {@code llwby} for dev and {@code ym4ky} for prod (project, prefix, environment and the AzureDatabricks object id;
     * worked out in AzureNamesTest). A key vault name too long for 24 characters with it is cut before it, with the
     * name's hash.
     */
    @Test
    void globallyUniqueNamesCarryTheStackSuffix() {
        assertThat(dev.ofType("azure-native:keyvault:Vault")).extracting(v -> v.inputString("vaultName").orElseThrow())
                .contains("ztp-dev-platf-4942-llwby").allSatisfy(n -> assertThat(n).endsWith("-llwby").hasSizeLessThanOrEqualTo(24));
        assertThat(prod.ofType("azure-native:keyvault:Vault")).extracting(v -> v.inputString("vaultName").orElseThrow())
                .contains("ztp-prod-plat-abdc-ym4ky").allSatisfy(n -> assertThat(n).endsWith("-ym4ky").hasSizeLessThanOrEqualTo(24));
        assertThat(prod.ofType("azure-native:storage:StorageAccount")).extracting(a -> a.inputString("accountName").orElseThrow())
                .containsExactlyInAnyOrder("ztpprodlakeym4ky", "ztpprodsharingym4ky", "ztpprodlandingym4ky", "ztpprodmlym4ky",
                        "ztpprodfuncym4ky", "ztpprodflowlogsym4ky", "ztpprodqueriesym4ky");
        assertThat(dev.ofType("azure-native:containerregistry:Registry")).extracting(r -> r.inputString("registryName").orElseThrow())
                .containsExactly("ztpdevacrllwby");
        assertThat(prod.ofType("azure-native:containerregistry:Registry")).extracting(r -> r.inputString("registryName").orElseThrow())
                .containsExactly("ztpprodacrym4ky");
        assertThat(prod.ofType("azure-native:cognitiveservices:Account")).extracting(a -> a.inputString("accountName").orElseThrow())
                .containsExactly("ztp-prod-ai-ym4ky");
        assertThat(prod.ofType("azure-native:cognitiveservices:Account").get(0).inputString("properties.customSubDomainName"))
                .hasValue("ztp-prod-ai-ym4ky");
    }

    @Test
    void landingIsDirectInDevAndStagedInProd() {
        assertThat(dev.outputs().get("landingUri").getAsString())
                .isEqualTo("abfss://zt-landing-dev@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
        assertThat(dev.ofType("azure-native:storage:StorageAccount")).extracting(a -> a.inputString("accountName").orElseThrow())
                .as("direct mode has no staging account; the data lake is the only data account")
                .containsExactlyInAnyOrder("ztpdevlakellwby", "ztpdevflowlogsllwby", "ztpdevqueriesllwby");
        assertThat(prod.outputs().get("landingUri").getAsString())
                .isEqualTo("abfss://landing@ztpprodlandingym4ky.dfs.core.windows.net/LandingZone");
        var staging = prod.ofType("azure-native:storage:StorageAccount").stream()
                .filter(a -> a.inputString("accountName").orElse("").equals("ztpprodlandingym4ky")).findFirst().orElseThrow();
        // Serverless compute reaches the staging account privately too, and may write to nothing else.
        assertThat(prod.ofType("databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule").stream()
                .filter(r -> r.inputString("resourceId").orElse("").equals(staging.id()))
                .map(r -> r.inputString("groupId").orElseThrow()).sorted().toList()).containsExactly("blob", "dfs");
        assertThat(prod.ofType("databricks:index/accountNetworkPolicy:AccountNetworkPolicy").get(0)
                .input("egress.networkAccess.allowedStorageDestinations").orElseThrow().toString()).contains("ztpprodlandingym4ky");
        for (var plan : new Plan[]{dev, prod}) {
            assertThat(plan.outputs().get("landingIdentityObjectId").getAsString()).isEqualTo("0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d");
            assertThat(plan.ofType("databricks:index/job:Job")).hasSize(2);
        }
    }

    @Test
    void theLandingReadsOnlyItsOwnScopeBackedByAVaultHoldingOnlyItsCredentials() {
        for (var stack : List.of("dev", "prod")) {
            var plan = stack.equals("dev") ? dev : prod;
            var vaults = plan.ofType("azure-native:keyvault:Vault");
            assertThat(vaults).extracting(v -> v.inputString("vaultName").orElseThrow())
                    .containsExactlyInAnyOrder(VAULTS.get(stack));
            var landingVault = plan.named("landing-kv-vault");
            var platformVault = plan.named("kv-vault");
            assertThat(landingVault.inputString("vaultName")).hasValue(VAULTS.get(stack)[1]);
            // Both stack files leave the client secret to the operator: Pulumi writes tenant and client id only,
            // into the landing's vault; the platform vault holds no secret of the landing (nor any other).
            assertThat(plan.ofType("azure-native:keyvault:Secret")).extracting(x -> x.inputString("vaultName").orElseThrow()
                            + "/" + x.inputString("secretName").orElseThrow())
                    .containsExactlyInAnyOrder(VAULTS.get(stack)[1] + "/landing-sp-tenant-id",
                            VAULTS.get(stack)[1] + "/landing-sp-client-id");
            // The landing's scope fronts the landing's vault; the platform's scopes front the platform vault.
            var scopes = new java.util.TreeMap<String, String>();
            plan.ofType("databricks:index/secretScope:SecretScope").forEach(x -> scopes.merge(
                    x.inputString("name").orElseThrow(), x.inputString("keyvaultMetadata.dnsName").orElseThrow(),
                    (a, b) -> a.equals(b) ? a : a + "," + b));
            assertThat(scopes).isEqualTo(new java.util.TreeMap<>(Map.of(
                    "platform", "https://" + VAULTS.get(stack)[0] + ".vault.azure.net/",
                    "onelake-landing", "https://" + VAULTS.get(stack)[1] + ".vault.azure.net/")));
            assertThat(plan.named("landing-scope").inputString("keyvaultMetadata.resourceId")).hasValue(landingVault.id());
            // READ for the run-as principal on that scope, and on no other.
            assertThat(plan.ofType("databricks:index/secretAcl:SecretAcl")).singleElement().satisfies(acl -> {
                assertThat(acl.inputString("scope")).hasValue("onelake-landing");
                assertThat(acl.inputString("principal")).hasValue(LANDING_CLIENT_ID);
                assertThat(acl.inputString("permission")).hasValue("READ");
            });
            for (var job : plan.ofType("databricks:index/job:Job")) {
                var config = com.ztplatform.landing.contract.JobConfigParser.parse(job.input("tasks").orElseThrow()
                        .getAsJsonArray().get(0).getAsJsonObject().getAsJsonObject("sparkJarTask")
                        .getAsJsonArray("parameters").get(1).getAsString());
                assertThat(((com.ztplatform.landing.contract.JobConfig.ServicePrincipal) config.auth()).secretScope())
                        .as(job.urn()).isEqualTo("onelake-landing");
            }
            // The landing vault under the platform vault's rules: closed network, RBAC, purge protection, private
            // endpoint in the hub with its DNS zone, audit logs to the stack's workspace.
            for (var vault : List.of(platformVault, landingVault)) {
                assertThat(vault.inputString("properties.publicNetworkAccess")).as(vault.name()).hasValue("Disabled");
                assertThat(vault.inputString("properties.networkAcls.defaultAction")).hasValue("Deny");
                assertThat(vault.input("properties.enableRbacAuthorization").orElseThrow().getAsBoolean()).isTrue();
                assertThat(vault.input("properties.enablePurgeProtection").orElseThrow().getAsBoolean()).isTrue();
                assertThat(vault.input("properties.softDeleteRetentionInDays").orElseThrow().getAsInt()).isEqualTo(90);
            }
            var endpoint = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                    .filter(e -> e.input("privateLinkServiceConnections").orElseThrow().toString().contains(landingVault.id()))
                    .toList();
            assertThat(endpoint).singleElement().satisfies(e -> {
                assertThat(e.inputString("subnet.id").orElseThrow()).endsWith("/virtualNetworks/ztp-" + stack
                        + "-hub-vnet/subnets/snet-private-endpoints");
                assertThat(plan.ofType("azure-native:network:PrivateDnsZoneGroup").stream()
                        .filter(g -> g.inputString("privateEndpointName").orElse("").equals(e.inputString("privateEndpointName").orElseThrow()))
                        .toList()).singleElement().satisfies(g -> assertThat(g.input("privateDnsZoneConfigs").orElseThrow().toString())
                        .contains("privatelink.vaultcore.azure.net"));
            });
            assertThat(plan.named("landing-kv-diag").inputString("resourceUri")).hasValue(landingVault.id());
            assertThat(plan.named("landing-kv-diag").inputString("workspaceId"))
                    .isEqualTo(plan.named("kv-diag").inputString("workspaceId"));
        }
    }

    private static List<String> grants(Plan plan) {
        // The landing's own grants; Unity Catalog's grants to the configured groups are checked on their own.
        return plan.ofType("databricks:index/grant:Grant").stream().filter(g -> g.name().startsWith("landing-uc-")).map(g -> {
            assertThat(g.inputString("principal")).as(g.urn()).hasValue(LANDING_CLIENT_ID);
            var kind = java.util.stream.Stream.of("catalog", "schema", "table", "volume")
                    .filter(k -> g.inputString(k).isPresent()).findFirst().orElseThrow();
            return kind + " " + g.inputString(kind).orElseThrow() + " " + g.input("privileges").orElseThrow();
        }).sorted().toList();
    }

    private static final String LANDING_CLIENT_ID = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";

    /** SHA-256 of the landing job jar as built (this module's build depends on it), hashed with the JDK's own digest. */
    private static final String BUILT_JAR_SHA256 = sha256(SharedPlans.root().resolve("components/landing-job/target/zt-landing-job.jar"));

    private static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(file)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the landing job jar must be built before the stack plans: " + e, e);
        }
    }

    @Test
    void theLandingPrincipalGetsExactlyTheGrantsItsConfiguredSourcesNeed() {
        // Pulumi.dev.yaml: table dev_sales.default.orders (the stack's own catalog), volume path
        // /Volumes/main/raw/exports/customers (main is in landing.existingCatalogs).
        assertThat(grants(dev)).containsExactly(
                "catalog dev_sales [\"USE_CATALOG\"]",
                "catalog main [\"USE_CATALOG\"]",
                "schema dev_sales.default [\"USE_SCHEMA\"]",
                "schema main.raw [\"USE_SCHEMA\"]",
                "table dev_sales.default.orders [\"SELECT\"]",
                "volume main.raw.exports [\"READ_VOLUME\"]");
        // Pulumi.prod.yaml: tables main.finance.ledger, main.sales.orders, volume path /Volumes/main/raw/exports/positions.
        assertThat(grants(prod)).containsExactly(
                "catalog main [\"USE_CATALOG\"]",
                "schema main.finance [\"USE_SCHEMA\"]",
                "schema main.raw [\"USE_SCHEMA\"]",
                "schema main.sales [\"USE_SCHEMA\"]",
                "table main.finance.ledger [\"SELECT\"]",
                "table main.sales.orders [\"SELECT\"]",
                "volume main.raw.exports [\"READ_VOLUME\"]");
    }

    @Test
    void theLandingJobsRunAsThePrincipalFromAPlatformOwnedJarOnTheirSchedule() {
        for (var stack : List.of("dev", "prod")) {
            var plan = stack.equals("dev") ? dev : prod;
            var jobs = plan.ofType("databricks:index/job:Job");
            var mirror = jobs.stream().filter(j -> j.inputString("name").orElse("").equals("ztp-" + stack + "-onelake-mirror"))
                    .findFirst().orElseThrow();
            var verify = jobs.stream().filter(j -> j.inputString("name").orElse("").equals("ztp-" + stack + "-onelake-verify"))
                    .findFirst().orElseThrow();
            // Schedules from the stack files; verification runs on demand only.
            assertThat(mirror.inputString("schedule.quartzCronExpression"))
                    .hasValue(stack.equals("dev") ? "0 0 2 * * ?" : "0 30 1 * * ?");
            assertThat(mirror.inputString("schedule.timezoneId")).hasValue(stack.equals("dev") ? "UTC" : "Europe/Amsterdam");
            assertThat(verify.input("schedule")).isEmpty();
            for (var job : List.of(mirror, verify)) {
                assertThat(job.inputString("runAs.servicePrincipalName")).as(job.urn()).hasValue(LANDING_CLIENT_ID);
                var task = job.input("tasks").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
                assertThat(task.getAsJsonArray("libraries").get(0).getAsJsonObject().get("jar").getAsString())
                        .isEqualTo("/Workspace/zt-platform/landing/zt-landing-job.jar");
                // The job checks the jar it runs from against this hash first: it must be the hash of the jar the build
                // left where the WorkspaceFile uploads from (computed here on the file, not taken from the program).
                var parameters = new java.util.ArrayList<String>();
                task.getAsJsonObject("sparkJarTask").getAsJsonArray("parameters").forEach(p -> parameters.add(p.getAsString()));
                int at = parameters.indexOf("--jar-sha256");
                assertThat(at).as(job.urn()).isEqualTo(parameters.lastIndexOf("--jar-sha256")).isPositive();
                assertThat(parameters.get(at + 1)).as(job.urn()).isEqualTo(BUILT_JAR_SHA256);
            }
            assertThat(plan.ofType("databricks:index/workspaceFile:WorkspaceFile")).singleElement()
                    .satisfies(f -> assertThat(f.inputString("source")).hasValue("components/landing-job/target/zt-landing-job.jar"));
            var levels = plan.ofType("databricks:index/permissions:Permissions").stream()
                    .map(p -> (p.inputString("clusterPolicyId").isPresent() ? "policy" : p.inputString("directoryPath").orElseThrow())
                            + " " + p.input("accessControls").orElseThrow())
                    .sorted().toList();
            assertThat(levels).as(stack).containsExactly(
                    "/zt-platform/landing [{\"permissionLevel\":\"CAN_READ\",\"servicePrincipalName\":\"" + LANDING_CLIENT_ID + "\"}]",
                    "policy [{\"permissionLevel\":\"CAN_USE\",\"servicePrincipalName\":\"" + LANDING_CLIENT_ID + "\"}]");
        }
    }

    @Test
    void theLandingJarThePlansPinIsBuiltReproducibly() throws IOException {
        // Same source, same bytes: every entry carries the fixed project.build.outputTimestamp of the parent pom (no
        // build time) and the manifest names no JDK, so the hash pinned in the plans is the same on every machine.
        // Manual check: build the module twice (rm -rf its target in between) and compare sha256sum outputs.
        var pom = java.nio.file.Files.readString(SharedPlans.root().resolve("pom.xml"));
        var stamp = java.util.regex.Pattern.compile("<project.build.outputTimestamp>([^<]+)</project.build.outputTimestamp>")
                .matcher(pom);
        assertThat(stamp.find()).as("project.build.outputTimestamp in the parent pom").isTrue();
        var fixed = java.time.LocalDateTime.ofInstant(java.time.Instant.parse(stamp.group(1)), java.time.ZoneOffset.UTC);
        try (var jar = new java.util.zip.ZipFile(SharedPlans.root().resolve("components/landing-job/target/zt-landing-job.jar").toFile())) {
            assertThat(jar.stream().map(java.util.zip.ZipEntry::getTimeLocal).distinct().toList()).containsExactly(fixed);
            var manifest = new String(jar.getInputStream(jar.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(manifest).contains("Main-Class: com.ztplatform.landing.MirrorJob").doesNotContain("Jdk", "Created-By");
        }
    }

    @Test
    void vpnClientsReachTheSpokesOnlyThroughTheFirewall() {
        var gatewaySubnet = prod.ofType("azure-native:network:Subnet").stream()
                .filter(s -> s.inputString("subnetName").orElse("").equals("GatewaySubnet")).findFirst().orElseThrow();
        var table = prod.byId(gatewaySubnet.inputString("routeTable.id").orElseThrow()).orElseThrow();
        var firewallIp = prod.outputs().get("firewallPrivateIp").getAsString();
        var routed = new java.util.TreeMap<String, String>();
        table.input("routes").orElseThrow().getAsJsonArray().forEach(r -> routed.put(
                r.getAsJsonObject().get("addressPrefix").getAsString(), r.getAsJsonObject().get("nextHopIpAddress").getAsString()));
        // Every VNet peered with the hub: the two spokes, the web-auth workspace, the serverless router, ML compute, the
        // integration and the AKS spoke.
        assertThat(routed).isEqualTo(new java.util.TreeMap<>(Map.of("10.101.0.0/22", firewallIp, "10.102.0.0/22", firewallIp,
                "10.109.0.0/24", firewallIp, "10.110.0.0/27", firewallIp, "10.111.0.0/24", firewallIp,
                "10.112.0.0/26", firewallIp, "10.120.0.0/22", firewallIp)));
        assertThat(dev.ofType("azure-native:network:VirtualNetworkGateway")).isEmpty();
        assertThat(dev.ofType("ztplatform:network:GatewayRoutes")).isEmpty();
    }

    @Test
    void bothStacksPlanWithoutErrors() {
        assertThat(dev.errors()).isEmpty();
        assertThat(prod.errors()).isEmpty();
        assertThat(dev.resources()).isNotEmpty();
    }

    @Test
    void devHubLayoutFollowsItsConfig() {
        // Pulumi.dev.yaml: hub 10.10.0.0/23 with Basic Bastion; slots in order fw, fw-mgmt, bastion, endpoints.
        assertThat(hubSubnets(dev)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AzureFirewallSubnet", "10.10.0.0/26",
                "AzureFirewallManagementSubnet", "10.10.0.64/26",
                "AzureBastionSubnet", "10.10.0.128/26",
                "snet-private-endpoints", "10.10.0.192/26"));
        assertThat(dev.ofType("azure-native:network:VirtualNetworkGateway")).isEmpty();
        assertThat(dev.ofType("azure-native:network:DnsResolver")).isEmpty();
        assertThat(dev.ofType("azure-native:network:BastionHost").get(0).inputString("sku.name")).hasValue("Basic");
    }

    @Test
    void prodHubHasVpnResolverAndLargerEndpointSubnet() {
        // Pulumi.prod.yaml: 10.100.0.0/22, endpoints /25 (aligned after the three /26 at .0, .64, .128 -> 1.0/25).
        assertThat(hubSubnets(prod)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AzureFirewallSubnet", "10.100.0.0/26",
                "AzureFirewallManagementSubnet", "10.100.0.64/26",
                "AzureBastionSubnet", "10.100.0.128/26",
                "snet-private-endpoints", "10.100.1.0/25",
                "GatewaySubnet", "10.100.1.128/27",
                "snet-dns-inbound", "10.100.1.160/28",
                "snet-dns-outbound", "10.100.1.176/28"));
        assertThat(prod.ofType("azure-native:network:VirtualNetworkGateway")).hasSize(1);
        assertThat(prod.ofType("azure-native:network:BastionHost").get(0).inputString("sku.name")).hasValue("Standard");
        assertThat(prod.outputs().get("dnsResolverInboundIp").getAsString()).isEqualTo("10.100.1.164");
    }

    @Test
    void prodProtectsAndLocksWhileDevDoesNot() {
        var prodVnet = hubVnet(prod);
        assertThat(prodVnet.options().get("protect").getAsBoolean()).isTrue();
        // The hub VNet, the data lake and Delta Sharing accounts, and the AI platform's registry, account and ML workspace, the Service Bus namespace and the AKS cluster.
        assertThat(prod.ofType("azure-native:authorization:ManagementLockByScope"))
                .extracting(l -> l.inputString("lockName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-prod-hub-vnet-lock", "ztp-prod-lake-lock", "ztp-prod-sharing-lock",
                        "ztp-prod-acr-lock",
                        "ztp-prod-ai-lock", "ztp-prod-ml-lock", "ztp-prod-bus-lock",
                        "ztp-prod-aks-lock", "ztp-prod-queries-lock");
        assertThat(hubVnet(dev).options().get("protect").getAsBoolean()).isFalse();
        assertThat(dev.ofType("azure-native:authorization:ManagementLockByScope")).isEmpty();
    }

    @Test
    void everyLocatedResourceIsInTheStackRegionAndCarriesTheMandatoryTags() {
        for (var plan : new Plan[]{dev, prod}) {
            plan.resources().stream().filter(Plan.PlanResource::custom).forEach(r -> {
                r.inputString("location").ifPresent(l -> assertThat(l).as(r.name()).isIn("westeurope", "Global"));
                if (r.input("tags").isPresent()) {
                    assertThat(r.input("tags").orElseThrow().getAsJsonObject().keySet()).as(r.name())
                            .contains("environment", "owner", "costCenter", "dataClassification");
                }
            });
        }
    }

    /** group name -> collection name -> rule names, read back from the plan's rule collection groups. */
    private static Map<String, Map<String, List<String>>> ruleLayout(Plan plan) {
        var layout = new java.util.TreeMap<String, Map<String, List<String>>>();
        for (var group : plan.ofType("azure-native:network:FirewallPolicyRuleCollectionGroup")) {
            var collections = new java.util.TreeMap<String, List<String>>();
            group.input("ruleCollections").orElseThrow().getAsJsonArray().forEach(c -> {
                var rules = new java.util.ArrayList<String>();
                c.getAsJsonObject().getAsJsonArray("rules").forEach(r -> rules.add(r.getAsJsonObject().get("name").getAsString()));
                collections.put(c.getAsJsonObject().get("name").getAsString(), rules);
            });
            layout.put(group.inputString("ruleCollectionGroupName").orElseThrow() + "@" + group.input("priority").orElseThrow(),
                    collections);
        }
        return layout;
    }

    @Test
    void devAllowsTheControlPlaneEntraIdMetastoreOneLakeAndTwoPackageRepositories() {
        // Pulumi.dev.yaml: fqdn mode, legacyHiveMetastore on, packageRepositories [pypi, maven], direct landing.
        assertThat(ruleLayout(dev)).isEqualTo(Map.of(
                "rcg-databricks-control-plane@100", Map.of(
                        "databricks-app", List.of("artifact-storage", "log-storage", "system-tables-storage", "event-hub"),
                        "databricks-net", List.of("extended-infrastructure", "legacy-metastore")),
                "rcg-entra-id@200", Map.of("entra-id", List.of("entra-login")),
                "rcg-contributions@300", Map.of("onelake-direct", List.of("onelake", "entra-login")),
                "rcg-package-repositories@400", Map.of("package-repositories", List.of("maven-central", "pypi"))));
    }

    @Test
    void prodAllowsOnlyTheControlPlaneEntraIdAndTheRoutersForward() {
        // Pulumi.prod.yaml: no metastore, no package repositories; the serverless router contributes its forward and
        // the AKS cluster its required hosts (from its own source group: see the AKS test).
        assertThat(ruleLayout(prod)).isEqualTo(Map.of(
                "rcg-databricks-control-plane@100", Map.of(
                        "databricks-app", List.of("artifact-storage", "log-storage", "system-tables-storage", "event-hub"),
                        "databricks-net", List.of("extended-infrastructure")),
                "rcg-entra-id@200", Map.of("entra-id", List.of("entra-login")),
                "rcg-contributions@300", Map.of("serverless-router-forwards", List.of("to-10-200-10-5-1433"),
                        // The ML compute subnet's own rules (source group ml-compute only); batch-key-vault because
                        // prod's data is confidential (high business impact workspace).
                        "machine-learning-compute-app", List.of("entra-id", "resource-manager", "microsoft-container-registry"),
                        "machine-learning-compute-net", List.of("aml-service", "aml-tundra", "batch-node-management",
                                "azure-monitor", "batch-key-vault"),
                        "aks-required", List.of("aks-images", "aks-azure-api", "aks-entra-id", "aks-node-binaries"),
                        // The Azure ML extension on the cluster attached to the workspace (aks source group only).
                        "aks-ml-inference-extension", List.of("cluster-extensions", "azureml-service"))));
        var policy = prod.ofType("azure-native:network:FirewallPolicy").get(0);
        assertThat(policy.inputString("sku.tier")).hasValue("Premium");
        assertThat(policy.inputString("intrusionDetection.mode")).hasValue("Deny");
        var prefix = prod.ofType("azure-native:network:PublicIPPrefix");
        assertThat(prefix).singleElement().satisfies(p -> assertThat(p.input("prefixLength").orElseThrow().getAsInt()).isEqualTo(31));
    }

    @Test
    void firewallPrivateIpOutputIsTheSpokeRoutesNextHop() {
        for (var plan : new Plan[]{dev, prod}) {
            var routeTable = plan.ofType("azure-native:network:RouteTable").stream()
                    .filter(t -> t.inputString("routeTableName").orElse("").contains("spokes")).findFirst().orElseThrow();
            var nextHop = routeTable.input("routes").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                    .get("nextHopIpAddress").getAsString();
            assertThat(plan.outputs().get("firewallPrivateIp").getAsString()).isEqualTo(nextHop);
        }
        assertThat(dev.outputs().get("firewallPrivateIp").getAsString()).isEqualTo("10.10.0.4");
    }

    @Test
    void outputsFollowTheContract() {
        var vnet = hubVnet(dev);
        assertThat(dev.outputs().get("contractVersion").getAsString()).isEqualTo(com.ztplatform.components.contract.OutputContract.VERSION);
        assertThat(dev.outputs().get("hubVnetId").getAsString()).isEqualTo(vnet.id());
        assertThat(dev.outputs().getAsJsonObject("privateDnsZoneIds").keySet()).contains("privatelink.azuredatabricks.net");
        assertThat(dev.outputs().getAsJsonObject("hubSubnetIds").get("AzureFirewallSubnet").getAsString())
                .endsWith("/virtualNetworks/ztp-dev-hub-vnet/subnets/AzureFirewallSubnet");
    }

    @Test
    void eachStackHasAPrivateCmkEncryptedLakeReachedByClustersAndServerlessAndOneIdentityForUnityCatalog() {
        for (var plan : new Plan[]{dev, prod}) {
            var env = plan == dev ? "dev" : "prod";
            var lake = plan.ofType("azure-native:storage:StorageAccount").stream()
                    .filter(a -> a.inputString("accountName").orElse("").equals("ztp" + env + "lake" + SUFFIX.get(env))).findFirst().orElseThrow();
            assertThat(lake.id()).isEqualTo("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-" + env
                    + "-lake-rg/providers/Microsoft.Storage/storageAccounts/ztp" + env + "lake" + SUFFIX.get(env));
            // The firewall denies every network with no bypass and no IP or VNet rule; the one resource instance rule
            // admits Unity Catalog's access connector, which Azure evaluates only while public access is Enabled.
            var connector = plan.named("lake-access-connector");
            assertThat(lake.inputString("publicNetworkAccess")).hasValue("Enabled");
            assertThat(lake.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
            assertThat(lake.inputString("networkRuleSet.bypass")).hasValue("None");
            assertThat(lake.input("networkRuleSet.ipRules").orElseThrow().getAsJsonArray()).isEmpty();
            assertThat(lake.input("networkRuleSet.virtualNetworkRules").orElseThrow().getAsJsonArray()).isEmpty();
            assertThat(lake.input("networkRuleSet.resourceAccessRules").orElseThrow().toString()).isEqualTo(
                    "[{\"resourceId\":\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-" + env
                            + "-lake-rg/providers/Microsoft.Databricks/accessConnectors/ztp-" + env + "-lake-ac\","
                            + "\"tenantId\":\"11111111-1111-1111-1111-111111111111\"}]");
            assertThat(connector.id()).endsWith("/accessConnectors/ztp-" + env + "-lake-ac");
            assertThat(lake.input("isHnsEnabled").orElseThrow().getAsBoolean()).isTrue();
            assertThat(lake.inputString("encryption.keySource")).hasValue("Microsoft.Keyvault");
            assertThat(lake.inputString("encryption.keyVaultProperties.keyName"))
                    .hasValue(plan == dev ? "lake-storage-rsa3072" : "lake-storage-rsahsm3072");
            assertThat(lake.inputString("sku.name")).hasValue(plan == dev ? "Standard_LRS" : "Standard_GZRS");
            var blob = plan.ofType("azure-native:storage:BlobServiceProperties").stream()
                    .filter(b -> b.inputString("accountName").orElse("").equals("ztp" + env + "lake" + SUFFIX.get(env))).findFirst().orElseThrow();
            assertThat(blob.input("deleteRetentionPolicy.days").orElseThrow().getAsInt()).isEqualTo(plan == dev ? 7 : 30);
            // Clusters: dfs and blob endpoints in the hub; serverless: NCC rules for the same sub-resources.
            assertThat(plan.ofType("azure-native:network:PrivateEndpoint").stream()
                    .filter(pe -> pe.input("privateLinkServiceConnections").orElseThrow().toString().contains(lake.id()))
                    .map(pe -> pe.inputString("privateEndpointName").orElseThrow()).sorted().toList())
                    .containsExactly("ztp-" + env + "-lake-blob-pe", "ztp-" + env + "-lake-dfs-pe");
            assertThat(plan.ofType("databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule").stream()
                    .filter(r -> r.inputString("resourceId").orElse("").equals(lake.id()))
                    .map(r -> r.inputString("groupId").orElseThrow()).sorted().toList()).containsExactly("blob", "dfs");
            // Storage Blob Data Contributor is granted once, to the access connector's identity, on the lake resource
            // group (granted at bootstrap, before the account exists), whose only storage account is the lake.
            var lakeRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-" + env + "-lake-rg";
            var contributor = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                    .filter(r -> r.inputString("roleDefinitionId").orElse("").endsWith("ba92f5b4-2d11-453d-a403-e96b0029c9fe"))
                    .filter(r -> r.inputString("scope").orElse("").startsWith(lakeRg)).toList();
            assertThat(contributor).singleElement().satisfies(r -> {
                assertThat(r.inputString("scope")).hasValue(lakeRg);
                assertThat(r.inputString("principalId")).hasValue(plan.named("lake-uc-id").mockComputed().get("principalId").getAsString());
            });
            // The grant's scope holds the lake and, in prod (Delta Sharing with a recipient), the sharing account
            // Unity Catalog writes the sharing catalog to; no other storage account.
            var sharingId = lakeRg + "/providers/Microsoft.Storage/storageAccounts/ztp" + env + "sharing" + SUFFIX.get(env);
            assertThat(plan.ofType("azure-native:storage:StorageAccount").stream()
                    .filter(a -> a.id().startsWith(lakeRg + "/")).map(Plan.PlanResource::id).toList())
                    .as("the grant's scope holds the lake (and the sharing account) and no other storage account")
                    .containsExactlyElementsOf(plan == dev ? List.of(lake.id()) : List.of(lake.id(), sharingId));
            assertThat(plan.ofType("azure-native:databricks:AccessConnector")).singleElement().satisfies(c ->
                    assertThat(c.input("identity.userAssignedIdentities").orElseThrow().toString()).contains(plan.named("lake-uc-id").id()));
        }
    }

    @Test
    void unityCatalogPutsIsolatedEnvironmentCatalogsOnTheLakeThroughTheAccessConnectorAndGrantsOnlyTheConfiguredGroups() {
        // Pulumi.prod.yaml creates the region's metastore; Pulumi.dev.yaml names it (one per region per account).
        assertThat(prod.ofType("databricks:index/metastore:Metastore")).singleElement().satisfies(m -> {
            assertThat(m.inputString("name")).hasValue("ztp-westeurope");
            assertThat(m.inputString("region")).hasValue("westeurope");
        });
        assertThat(dev.ofType("databricks:index/metastore:Metastore")).isEmpty();
        assertThat(dev.ofType("databricks:index/metastoreAssignment:MetastoreAssignment")).singleElement()
                .satisfies(a -> assertThat(a.inputString("metastoreId")).hasValue("3f2a9c4e-8b1d-4e6f-a7c5-2d9e0b4f6a18"));
        // Every workload workspace is assigned (prod: analytics and datasci); the web-auth workspace holds no data.
        assertThat(prod.ofType("databricks:index/metastoreAssignment:MetastoreAssignment")).hasSize(2);
        for (var plan : new Plan[]{dev, prod}) {
            var env = plan == dev ? "dev" : "prod";
            var connector = plan.ofType("azure-native:databricks:AccessConnector").get(0);
            assertThat(plan.ofType("databricks:index/storageCredential:StorageCredential")).singleElement().satisfies(c -> {
                assertThat(c.inputString("name")).hasValue("ztp_" + env + "_lake");
                assertThat(c.inputString("azureManagedIdentity.accessConnectorId")).hasValue(connector.id());
                assertThat(c.inputString("azureManagedIdentity.managedIdentityId")).hasValue(plan.named("lake-uc-id").id());
            });
            // One external location per lake container (bronze, silver, gold in both stack files).
            assertThat(plan.ofType("databricks:index/externalLocation:ExternalLocation").stream()
                    .filter(l -> !l.name().endsWith("-location-sharing"))
                    .map(l -> l.inputString("name").orElseThrow() + " " + l.inputString("url").orElseThrow()).sorted().toList())
                    .containsExactly("ztp_" + env + "_bronze abfss://bronze@ztp" + env + "lake" + SUFFIX.get(env) + ".dfs.core.windows.net/",
                            "ztp_" + env + "_gold abfss://gold@ztp" + env + "lake" + SUFFIX.get(env) + ".dfs.core.windows.net/",
                            "ztp_" + env + "_silver abfss://silver@ztp" + env + "lake" + SUFFIX.get(env) + ".dfs.core.windows.net/");
            // Databricks validates a credential and a location by using them on creation: both wait for the
            // identity's Storage Blob Data Contributor grant on the lake and for the containers.
            for (var kind : List.of("databricks:index/storageCredential:StorageCredential",
                    "databricks:index/externalLocation:ExternalLocation")) {
                assertThat(plan.ofType(kind)).allSatisfy(r -> assertThat(r.dependencies()).as(r.urn())
                        .anySatisfy(d -> assertThat(d).endsWith("::lake-uc-data"))
                        .anySatisfy(d -> assertThat(d).endsWith(r.name().endsWith("-location-sharing")
                                ? "::sharing-container-sharing" : "::lake-container-silver")));
            }
            // The catalog is the environment's, isolated, with managed storage in the silver container.
            assertThat(plan.ofType("databricks:index/catalog:Catalog")).filteredOn(c -> !c.name().endsWith("-sharing"))
                    .singleElement().satisfies(c -> {
                assertThat(c.inputString("name")).hasValue(env + "_sales");
                assertThat(c.inputString("isolationMode")).hasValue("ISOLATED");
                assertThat(c.inputString("storageRoot")).hasValue("abfss://silver@ztp" + env + "lake" + SUFFIX.get(env) + ".dfs.core.windows.net/" + env + "_sales");
            });
            // Catalog, credential and the three locations are isolated and bound to each workload workspace of the
            // environment (dev: analytics; prod: analytics and datasci), so the other environment's workspaces on
            // the shared metastore cannot use them.
            var workspaces = plan == dev ? 1 : 2;
            assertThat(plan.ofType("databricks:index/workspaceBinding:WorkspaceBinding").stream()
                    .map(b -> b.inputString("securableType").orElseThrow() + " " + b.inputString("securableName").orElseThrow())
                    .sorted().toList()).containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of(
                            "catalog " + env + "_sales", "external_location ztp_" + env + "_bronze",
                            "external_location ztp_" + env + "_gold", "external_location ztp_" + env + "_silver",
                            "storage_credential ztp_" + env + "_lake"), plan == dev ? java.util.stream.Stream.<String>empty()
                            : java.util.stream.Stream.of("catalog prod_sharing", "external_location ztp_prod_sharing"))
                    .sorted().flatMap(b -> java.util.Collections.nCopies(workspaces, b).stream()).toList());
            assertThat(plan.ofType("databricks:index/storageCredential:StorageCredential").get(0).inputString("isolationMode"))
                    .hasValue("ISOLATION_MODE_ISOLATED");
            assertThat(plan.ofType("databricks:index/externalLocation:ExternalLocation"))
                    .allSatisfy(l -> assertThat(l.inputString("isolationMode")).hasValue("ISOLATION_MODE_ISOLATED"));
            // Grants go to the configured groups only; never to everyone.
            var ucGrants = plan.ofType("databricks:index/grant:Grant").stream().filter(g -> !g.name().startsWith("landing-uc-"))
                    .map(g -> g.inputString("principal").orElseThrow() + " " + g.input("privileges").orElseThrow()).sorted().toList();
            assertThat(ucGrants).isEqualTo(plan == dev
                    ? List.of("data-engineers [\"USE_CATALOG\",\"USE_SCHEMA\",\"CREATE_TABLE\",\"SELECT\",\"MODIFY\"]")
                    : List.of("analysts [\"USE_SCHEMA\",\"SELECT\"]",
                            "data-engineers [\"USE_CATALOG\",\"USE_SCHEMA\",\"CREATE_TABLE\",\"SELECT\",\"MODIFY\"]"));
        }
        // Sharing: off in dev; prod shares one table of its sharing catalog with one Databricks-to-Databricks partner.
        assertThat(dev.ofType("databricks:index/recipient:Recipient")).isEmpty();
        assertThat(dev.ofType("ztplatform:lake:SharingStorage")).isEmpty();
        assertThat(prod.ofType("databricks:index/recipient:Recipient")).singleElement().satisfies(r -> {
            assertThat(r.inputString("name")).hasValue("prod_partner_acme");
            assertThat(r.inputString("authenticationType")).hasValue("DATABRICKS");
            assertThat(r.inputString("comment")).hasValue("Approved by CHG-1234");
        });
        assertThat(prod.ofType("databricks:index/share:Share")).singleElement().satisfies(sh -> assertThat(
                sh.input("objects").orElseThrow().toString()).contains("\"prod_sharing.orders.daily\""));
        assertThat(prod.named("unity-catalog-catalog-sharing").inputString("storageRoot"))
                .hasValue("abfss://sharing@ztpprodsharing" + SUFFIX.get("prod") + ".dfs.core.windows.net/prod_sharing");
    }

    @Test
    void prodsSharingAccountAdmitsOnlyItsRecipientsNetworksWhileTheLakeStaysClosed() {
        var sharing = prod.named("sharing-account");
        var lake = prod.named("lake-account");
        assertThat(sharing.inputString("accountName")).hasValue("ztpprodsharing" + SUFFIX.get("prod"));
        assertThat(sharing.inputString("publicNetworkAccess")).hasValue("Enabled");
        assertThat(sharing.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
        assertThat(sharing.inputString("networkRuleSet.bypass")).hasValue("None");
        assertThat(sharing.input("networkRuleSet.virtualNetworkRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(sharing.input("networkRuleSet.ipRules").orElseThrow().toString())
                .isEqualTo("[{\"action\":\"Allow\",\"iPAddressOrRange\":\"20.61.12.16/28\"}]");
        assertThat(sharing.input("networkRuleSet.resourceAccessRules")).isEqualTo(lake.input("networkRuleSet.resourceAccessRules"));
        for (var path : List.of("encryption", "identity", "allowSharedKeyAccess", "minimumTlsVersion",
                "allowBlobPublicAccess", "isHnsEnabled", "sku")) {
            assertThat(sharing.input(path)).as(path).isEqualTo(lake.input(path));
        }
        assertThat(lake.input("networkRuleSet.ipRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(prod.ofType("azure-native:network:PrivateEndpoint").stream()
                .map(pe -> pe.inputString("privateEndpointName").orElseThrow()).filter(n -> n.contains("sharing"))
                .sorted().toList()).containsExactly("ztp-prod-sharing-blob-pe", "ztp-prod-sharing-dfs-pe");
        assertThat(prod.ofType("databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule").stream()
                .filter(r -> r.inputString("resourceId").orElse("").equals(sharing.id()))
                .map(r -> r.inputString("groupId").orElseThrow()).sorted().toList()).containsExactly("blob", "dfs");
    }

    @Test
    void topologyShowsTheDataPathsAndEgressShowsWhatTheServiceEndpointBypasses() throws IOException {
        var out = java.nio.file.Files.createTempDirectory("plan");
        com.ztplatform.stack.plan.PlanCommand.write(out, dev);
        var topology = java.nio.file.Files.readString(out.resolve("topology.md"));
        assertThat(topology).contains("## Data paths",
                "classic -->|\"private endpoint dfs<br/>ztp-dev-lake-dfs-pe\"| lake1",
                "classic -->|\"private endpoint blob<br/>ztp-dev-lake-blob-pe\"| lake1",
                "NCC private endpoint rules<br/>blob, dfs\"| lake1",
                "resource instance rule<br/>Storage Blob Data Contributor\"| lake1",
                "| Unity Catalog | ztpdevlakellwby | Access connector ztp-dev-lake-ac: the firewall's only resource instance rule; "
                        + "Storage Blob Data Contributor on the lake resource group (its storage accounts: ztpdevlakellwby) |");
        var egress = java.nio.file.Files.readString(out.resolve("egress.md"));
        assertThat(egress).contains("## Storage service endpoint policies (Databricks subnets)",
                "| `ztp-dev-analytics-sep` | `ztp-dev-analytics-vnet/snet-dbx-container`<br>`ztp-dev-analytics-vnet/snet-dbx-host` |",
                "Global: `Databricks` (alias `/services/Azure/Databricks`)", "Microsoft.Storage: `ztpdevlakellwby`");
        // FQDN mode: the three Databricks storage rules are bypassed by classic clusters, Event Hub and the rest stay.
        for (var rule : List.of("artifact-storage", "log-storage", "system-tables-storage")) {
            assertThat(egress).contains("| rcg-databricks-control-plane/databricks-app/" + rule + " | **redundant for classic clusters");
        }
        assertThat(egress).contains("| rcg-databricks-control-plane/databricks-app/event-hub | stays: not Azure Storage",
                "| rcg-contributions/onelake-direct/onelake | stays: not Azure Storage");
    }

    @Test
    void everyDatabricksSubnetHasTheStorageEndpointAndAPolicyNamingOnlyThisStacksAccounts() {
        for (var plan : new Plan[]{dev, prod}) {
            // Neither the ML workspace's account (the ML compute subnet's business), the function app's own account nor
            // the flow log account (Network Watcher writes it) nor the workspace's saved-query account (Azure Monitor
            // writes it) is a Databricks destination: clusters get no route to them.
            var accounts = plan.ofType("azure-native:storage:StorageAccount").stream()
                    .filter(a -> !a.urn().contains("MachineLearningWorkspace") && !a.urn().contains("VnetFlowLogs")
                            && !a.urn().contains("SavedQueryStorage"))
                    .map(Plan.PlanResource::id)
                    .filter(id -> !id.contains("-integration-rg/")).toList();
            var databricksSubnets = plan.ofType("azure-native:network:Subnet").stream()
                    .filter(s -> s.input("delegations").map(d -> d.toString().contains("Microsoft.Databricks/workspaces")).orElse(false))
                    .toList();
            assertThat(databricksSubnets).hasSize(2 * plan.ofType("azure-native:databricks:Workspace").size());
            for (var subnet : databricksSubnets) {
                assertThat(subnet.input("serviceEndpoints").orElseThrow().toString()).contains("Microsoft.Storage");
                var policyId = subnet.input("serviceEndpointPolicies").orElseThrow().getAsJsonArray().get(0)
                        .getAsJsonObject().get("id").getAsString();
                var policy = plan.byId(policyId).orElseThrow();
                var definitions = policy.input("serviceEndpointPolicyDefinitions").orElseThrow().getAsJsonArray();
                assertThat(definitions).hasSize(2);
                var storage = definitions.get(0).getAsJsonObject();
                assertThat(storage.get("service").getAsString()).isEqualTo("Microsoft.Storage");
                var allowed = new java.util.ArrayList<String>();
                storage.getAsJsonArray("serviceResources").forEach(r -> allowed.add(r.getAsString()));
                // The workspace's own DBFS root, then the stack's accounts (lake; prod also the landing staging);
                // the web-auth workspace only signs browsers in and gets its DBFS root alone.
                assertThat(allowed.get(0)).contains("-dbw-managed-rg/providers/Microsoft.Storage/storageAccounts/");
                if (subnet.urn().contains("spoke-webauth")) {
                    assertThat(allowed).hasSize(1);
                } else {
                    assertThat(allowed.subList(1, allowed.size())).containsExactlyInAnyOrderElementsOf(accounts);
                }
                assertThat(definitions.get(1).toString()).contains("\"service\":\"Global\"").contains("/services/Azure/Databricks");
            }
        }
    }

    @Test
    void theIntegrationIsOnInProdOnlyPrivateKeylessAndAdmittedByTheFirewallAsItsOwnGroup() throws IOException {
        assertThat(dev.ofType("azure-native:servicebus:Namespace")).isEmpty();
        assertThat(dev.ofType("azure-native:web:WebApp")).isEmpty();
        var ns = prod.ofType("azure-native:servicebus:Namespace");
        assertThat(ns).singleElement().satisfies(n -> {
            assertThat(n.inputString("namespaceName")).hasValue("ztp-prod-bus-" + SUFFIX.get("prod"));
            assertThat(n.inputString("sku.name")).hasValue("Premium");
            assertThat(n.input("disableLocalAuth").orElseThrow().getAsBoolean()).isTrue();
            assertThat(n.input("zoneRedundant").orElseThrow().getAsBoolean()).isTrue();
        });
        assertThat(prod.ofType("azure-native:servicebus:Queue")).extracting(q -> q.inputString("queueName").orElseThrow())
                .containsExactly("landing-runs");
        var app = prod.ofType("azure-native:web:WebApp").get(0);
        assertThat(app.inputString("name")).hasValue("ztp-prod-func-" + SUFFIX.get("prod"));
        assertThat(app.inputString("publicNetworkAccess")).hasValue("Disabled");
        var subnet = prod.named("func-snet");
        assertThat(app.inputString("virtualNetworkSubnetId")).hasValue(subnet.id());
        // The firewall's integration IP group holds exactly the integration subnet, and no Databricks group holds it.
        var groups = prod.ofType("azure-native:network:IpGroup");
        assertThat(groups).anySatisfy(g -> {
            assertThat(g.name()).endsWith("-integration");
            assertThat(g.input("ipAddresses").orElseThrow().toString()).isEqualTo("[\"10.112.0.0/26\"]");
        });
        assertThat(groups).filteredOn(g -> !g.name().endsWith("-integration"))
                .noneSatisfy(g -> assertThat(g.input("ipAddresses").orElseThrow().toString()).contains("10.112.0."));
        // The functions identity: Sender and Receiver on the namespace, Secrets User on the platform vault.
        var principal = prod.named("func-identity").mockComputed().get("principalId").getAsString();
        var vault = prod.named("kv-vault").id();
        var grants = prod.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(g -> g.inputString("principalId").orElse("").equals(principal)).toList();
        assertThat(grants).filteredOn(g -> g.inputString("scope").orElseThrow().equals(ns.get(0).id())).hasSize(2);
        assertThat(grants).filteredOn(g -> g.inputString("scope").orElseThrow().equals(vault)).singleElement()
                .satisfies(g -> assertThat(g.inputString("roleDefinitionId").orElseThrow()).endsWith("4633458b-17de-408a-b874-0445c86b69e6"));
        // No rule names the group: egress.md says so, with its subnet.
        var out = java.nio.file.Files.createTempDirectory("plan");
        com.ztplatform.stack.plan.PlanCommand.write(out, prod);
        assertThat(java.nio.file.Files.readString(out.resolve("egress.md")))
                .contains("## Source groups without a rule (denied everything)")
                .contains("| `ztp-prod-hub-integration-ipg` | 10.112.0.0/26 |");
    }

    @Test
    void bothStacksAssignTheGuardrailsAtEveryResourceGroupEnforcedOnlyInProd() {
        for (var env : List.of("dev", "prod")) {
            var plan = env.equals("dev") ? dev : prod;
            var groups = plan.ofType("azure-native:resources:ResourceGroup").stream()
                    .map(g -> g.id().toLowerCase(java.util.Locale.ROOT)).toList();
            var assignments = plan.ofType("azure-native:authorization:PolicyAssignment");
            assertThat(assignments).extracting(a -> a.inputString("scope").orElseThrow().toLowerCase(java.util.Locale.ROOT))
                    .as(env + ": one assignment per resource group").containsExactlyInAnyOrderElementsOf(groups);
            var set = plan.ofType("azure-native:authorization:PolicySetDefinition");
            assertThat(set).hasSize(1);
            assertThat(assignments).allSatisfy(a -> {
                assertThat(a.inputString("policyDefinitionId")).hasValue(set.get(0).id());
                assertThat(a.inputString("enforcementMode")).hasValue(env.equals("prod") ? "Default" : "DoNotEnforce");
                assertThat(a.input("identity").orElseThrow().toString()).contains("SystemAssigned");
                assertThat(a.inputString("location")).hasValue("westeurope");
                assertThat(a.input("parameters").orElseThrow().toString())
                        .contains(plan.ofType("azure-native:operationalinsights:Workspace").get(0).id());
            });
            var grants = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                    .filter(g -> g.inputString("description").orElse("").startsWith("Policy assignment ")).toList();
            // Monitoring Contributor and Log Analytics Contributor at each scope, Log Analytics Contributor on the
            // workspace for every assignment but the hub's.
            assertThat(grants).hasSize(assignments.size() * 3 - 1);
            // The public-network row names the accounts whose design needs their public endpoint (exemptions.json):
            // each gets its exemption at the account itself, nothing at a whole resource group.
            var publicEndpoints = env.equals("prod")
                    ? List.of("ztpprodlakeym4ky", "ztpprodlandingym4ky", "ztpprodsharingym4ky", "ztpprodflowlogsym4ky",
                            "ztpprodqueriesym4ky")
                    : List.of("ztpdevlakellwby", "ztpdevflowlogsllwby", "ztpdevqueriesllwby");
            assertThat(plan.ofType("azure-native:authorization:PolicyExemption"))
                    .as(env + ": storage public network access, at the named accounts only")
                    .filteredOn(x -> x.input("policyDefinitionReferenceIds").map(Object::toString).orElse("")
                            .contains("storage-public-network"))
                    .allSatisfy(x -> assertThat(x.inputString("exemptionCategory")).hasValue("Mitigated"))
                    .extracting(x -> x.inputString("scope").orElseThrow().replaceAll(".*/storageAccounts/", ""))
                    .containsExactlyInAnyOrderElementsOf(publicEndpoints);
        }
        assertThat(prod.ofType("azure-native:authorization:PolicyExemption")).filteredOn(x -> x.inputString("scope")
                .orElseThrow().endsWith("/storageAccounts/ztpprodmlym4ky")).singleElement()
                .satisfies(x -> assertThat(x.inputString("exemptionCategory")).hasValue("Waiver"));
    }

    @Test
    void bothStacksAlertThroughOneActionGroupAndBudgetTheirEnvironment() {
        for (var env : List.of("dev", "prod")) {
            var plan = env.equals("dev") ? dev : prod;
            var groups = plan.ofType("azure-native:insights:ActionGroup");
            assertThat(groups).as(env + ": one action group").hasSize(1);
            var group = groups.get(0);
            assertThat(group.inputString("location")).hasValue("Global");
            assertThat(group.inputString("groupShortName")).hasValue("ztp-" + env);
            assertThat(group.input("emailReceivers").orElseThrow().toString()).contains("platform-team@contoso.com");
            var rules = plan.ofType("azure-native:insights:ScheduledQueryRule");
            // Both stacks land data, so the landing alert exists beside the three security alerts.
            assertThat(rules).extracting(r -> r.inputString("ruleName").orElseThrow()).containsExactlyInAnyOrder(
                    "ztp-" + env + "-alerts-fw-denies", "ztp-" + env + "-alerts-kv-denied",
                    "ztp-" + env + "-alerts-storage-auth", "ztp-" + env + "-alerts-landing-failed");
            var law = plan.ofType("azure-native:operationalinsights:Workspace").get(0).id();
            rules.forEach(r -> {
                assertThat(r.input("scopes").orElseThrow().getAsJsonArray().get(0).getAsString()).isEqualTo(law);
                assertThat(r.input("actions").orElseThrow().toString()).contains(group.id());
            });
            var fw = rules.stream().filter(r -> r.inputString("ruleName").orElseThrow().endsWith("fw-denies")).findFirst()
                    .orElseThrow().input("criteria").orElseThrow().toString();
            // Every workload spoke's host and container subnets, none of the web-auth spoke's.
            var checked = plan.ofType("azure-native:network:Subnet").stream()
                    .filter(sn -> sn.inputString("subnetName").orElse("").matches(".*-(host|container)")
                            && !sn.inputString("virtualNetworkName").orElse("").contains("webauth"))
                    .peek(sn -> assertThat(fw).contains(sn.inputString("addressPrefix").orElseThrow())).count();
            assertThat(checked).as(env + ": workload host and container subnets").isGreaterThanOrEqualTo(2);
            assertThat(fw).doesNotContain(plan.ofType("azure-native:network:Subnet").stream()
                    .filter(sn -> sn.inputString("virtualNetworkName").orElse("").contains("webauth")
                            && sn.inputString("subnetName").orElse("").endsWith("-host"))
                    .findFirst().orElseThrow().inputString("addressPrefix").orElseThrow());
            var landing = rules.stream().filter(r -> r.inputString("ruleName").orElseThrow().endsWith("landing-failed"))
                    .findFirst().orElseThrow().input("criteria").orElseThrow().toString();
            plan.ofType("databricks:index/job:Job").forEach(j -> assertThat(landing).contains(j.id()));
            assertThat(plan.ofType("azure-native:insights:ActivityLogAlert")).hasSize(4).allSatisfy(a -> {
                assertThat(a.inputString("location")).hasValue("Global");
                assertThat(a.input("scopes").orElseThrow().toString()).contains("/subscriptions/00000000-0000-0000-0000-000000000000");
            });
            var budget = plan.ofType("azure-native:consumption:Budget");
            assertThat(budget).as(env + ": one budget").hasSize(1);
            assertThat(budget.get(0).input("amount").orElseThrow().getAsDouble()).isEqualTo(env.equals("dev") ? 2000.0 : 3000.0);
            assertThat(budget.get(0).input("notifications").orElseThrow().getAsJsonObject().keySet()).containsExactlyInAnyOrderElementsOf(
                    env.equals("dev") ? List.of("actual-80", "actual-100", "forecast-100")
                            : List.of("actual-50", "actual-80", "actual-100", "forecast-100"));
            assertThat(budget.get(0).input("notifications").orElseThrow().toString()).contains(group.id());
        }
    }

    @Test
    void theAiPlatformIsPrivateEntraOnlyAndMinimalInDevCompleteInProd() {
        for (var env : List.of("dev", "prod")) {
            var plan = env.equals("dev") ? dev : prod;
            var rg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-" + env + "-ai-rg";
            var registries = plan.ofType("azure-native:containerregistry:Registry");
            assertThat(registries).as(env + ": one registry").hasSize(1);
            var registry = registries.get(0);
            assertThat(registry.id()).isEqualTo(rg + "/providers/Microsoft.ContainerRegistry/registries/ztp" + env + "acr" + SUFFIX.get(env));
            assertThat(registry.inputString("sku.name")).hasValue("Premium");
            assertThat(registry.input("adminUserEnabled").orElseThrow().getAsBoolean()).isFalse();
            assertThat(registry.inputString("publicNetworkAccess")).hasValue("Disabled");
            assertThat(registry.inputString("policies.exportPolicy.status")).hasValue("disabled");
            // Zone redundancy defaults to on in prod only (Pulumi.prod.yaml also states it).
            assertThat(registry.inputString("zoneRedundancy")).hasValue(env.equals("prod") ? "Enabled" : "Disabled");

            var accounts = plan.ofType("azure-native:cognitiveservices:Account");
            assertThat(accounts).hasSize(1);
            var account = accounts.get(0);
            assertThat(account.id()).isEqualTo(rg + "/providers/Microsoft.CognitiveServices/accounts/ztp-" + env + "-ai-" + SUFFIX.get(env));
            assertThat(account.inputString("kind")).hasValue("AIServices");
            assertThat(account.inputString("properties.customSubDomainName")).hasValue("ztp-" + env + "-ai-" + SUFFIX.get(env));
            assertThat(account.input("properties.disableLocalAuth").orElseThrow().getAsBoolean()).isTrue();
            assertThat(account.inputString("properties.publicNetworkAccess")).hasValue("Disabled");
            assertThat(account.input("properties.restrictOutboundNetworkAccess").orElseThrow().getAsBoolean()).isTrue();
            assertThat(account.input("properties.allowedFqdnList").orElseThrow().getAsJsonArray()).isEmpty();

            // Each has one endpoint in the hub's endpoint subnet, registered in the hub's zones for its host names.
            for (var target : List.of(registry.id(), account.id())) {
                var endpoints = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                        .filter(pe -> pe.input("privateLinkServiceConnections").orElseThrow().toString().contains(target))
                        .toList();
                assertThat(endpoints).as(target).hasSize(1);
                assertThat(endpoints.get(0).inputString("subnet.id").orElseThrow())
                        .endsWith("/virtualNetworks/ztp-" + env + "-hub-vnet/subnets/snet-private-endpoints");
            }
            var accountZones = plan.named("ai-pe-account-dns").input("privateDnsZoneConfigs").orElseThrow().toString();
            for (var zone : List.of("privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com",
                    "privatelink.services.ai.azure.com")) {
                assertThat(accountZones).contains("/ztp-" + env + "-hub-rg/providers/Microsoft.Network/privateDnsZones/" + zone);
                // The hub hosts the zone and links it to its own VNet, so every peered network resolves the account.
                assertThat(plan.ofType("azure-native:network:PrivateZone"))
                        .anySatisfy(z -> assertThat(z.inputString("privateZoneName")).hasValue(zone));
                assertThat(plan.ofType("azure-native:network:VirtualNetworkLink"))
                        .anySatisfy(l -> assertThat(l.inputString("privateZoneName")).hasValue(zone));
            }
            assertThat(plan.named("acr-pe-registry-dns").input("privateDnsZoneConfigs").orElseThrow().toString())
                    .contains("/privateDnsZones/privatelink.azurecr.io");
            // Both log to the platform workspace.
            for (var target : List.of(registry.id(), account.id())) {
                assertThat(plan.ofType("azure-native:insights:DiagnosticSetting"))
                        .anySatisfy(d -> assertThat(d.inputString("resourceUri")).hasValue(target));
            }
        }
        assertThat(dev.ofType("azure-native:cognitiveservices:Deployment")).as("dev: no model deployments").isEmpty();
        var deployments = prod.ofType("azure-native:cognitiveservices:Deployment");
        assertThat(deployments).extracting(d -> d.inputString("deploymentName").orElseThrow())
                .containsExactlyInAnyOrder("gpt-4o", "embeddings");
        assertThat(prod.named("ai-deploy-gpt-4o").inputString("sku.name")).hasValue("DataZoneStandard");
        assertThat(prod.named("ai-deploy-gpt-4o").input("sku.capacity").orElseThrow().getAsInt()).isEqualTo(50);
        // Created in the order of Pulumi.prod.yaml, one after another.
        assertThat(prod.named("ai-deploy-embeddings").dependencies()).contains(prod.named("ai-deploy-gpt-4o").urn());
        // prod locks what it protects.
        assertThat(prod.ofType("azure-native:authorization:ManagementLockByScope"))
                .anySatisfy(l -> assertThat(l.inputString("scope")).hasValue(prod.named("acr-registry").id()))
                .anySatisfy(l -> assertThat(l.inputString("scope")).hasValue(prod.named("ai-account").id()));
    }

    @Test
    void prodHasAPrivateAksClusterWhoseNodesReachOnlyTheRequiredHostsThroughTheFirewall() throws IOException {
        assertThat(dev.ofType("azure-native:containerservice:ManagedCluster")).as("dev: no cluster").isEmpty();
        var cluster = prod.named("aks-cluster");
        assertThat(cluster.id()).isEqualTo("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
                + "ztp-prod-aks-rg/providers/Microsoft.ContainerService/managedClusters/ztp-prod-aks");
        assertThat(cluster.input("apiServerAccessProfile.enablePrivateCluster").orElseThrow().getAsBoolean()).isTrue();
        assertThat(cluster.input("apiServerAccessProfile.enablePrivateClusterPublicFQDN").orElseThrow().getAsBoolean()).isFalse();
        assertThat(cluster.inputString("apiServerAccessProfile.privateDNSZone")).hasValue("/subscriptions/"
                + "00000000-0000-0000-0000-000000000000/resourceGroups/ztp-prod-hub-rg/providers/Microsoft.Network/"
                + "privateDnsZones/privatelink.westeurope.azmk8s.io");
        assertThat(cluster.inputString("networkProfile.outboundType")).hasValue("userDefinedRouting");
        // Attached to the ML workspace: Azure ML does not support clusters with local accounts disabled.
        assertThat(cluster.input("disableLocalAccounts").orElseThrow().getAsBoolean()).isFalse();
        var extension = prod.named("aks-ml-extension");
        assertThat(extension.inputString("configurationSettings.internalLoadBalancerProvider")).hasValue("azure");
        assertThat(extension.inputString("configurationSettings.allowInsecureConnections")).hasValue("False");
        var compute = prod.named("aks-ml-compute");
        assertThat(compute.inputString("properties.computeType")).hasValue("Kubernetes");
        assertThat(compute.inputString("properties.resourceId")).hasValue(cluster.id());
        assertThat(compute.id()).startsWith(prod.named("ml-workspace").id() + "/computes/");
        assertThat(prod.named("aks-ml-workspace-reader").inputString("scope")).hasValue(cluster.id());
        assertThat(dev.ofType("azure-native:machinelearningservices:Compute")).as("dev: no cluster to attach").isEmpty();
        var pool = cluster.input("agentPoolProfiles").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(pool.get("availabilityZones").toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
        // The node subnet routes everything to the firewall, through the same route table as the workspaces.
        assertThat(prod.named("aks-snet").inputString("addressPrefix")).hasValue("10.120.0.0/23");
        assertThat(prod.named("aks-snet").inputString("routeTable.id")).hasValue(prod.named("fw-spoke-rt").id());
        // The kubelet may pull from the stack's registry and nothing else.
        assertThat(prod.named("aks-acr-pull").inputString("scope")).hasValue(prod.named("acr-registry").id());
        // The firewall admits the node subnet, as a group of its own, to the required hosts.
        var aksGroup = prod.ofType("azure-native:network:IpGroup").stream().filter(g -> g.name().contains("aks"))
                .findFirst().orElseThrow();
        assertThat(aksGroup.input("ipAddresses").orElseThrow().toString()).isEqualTo("[\"10.120.0.0/23\"]");
        var out = java.nio.file.Files.createTempDirectory("plan");
        com.ztplatform.stack.plan.PlanCommand.write(out, prod);
        var egress = java.nio.file.Files.readString(out.resolve("egress.md"));
        for (var host : com.ztplatform.components.aks.AksEgress.REQUIRED_FQDNS.keySet()) {
            assertThat(egress).contains(host);
        }
        assertThat(egress).contains("outbound-rules-control-egress");
        // The serverless allowlist does not inherit the cluster's hosts.
        var allowed = prod.ofType("databricks:index/accountNetworkPolicy:AccountNetworkPolicy").get(0)
                .input("egress.networkAccess.allowedInternetDestinations").orElseThrow().toString();
        assertThat(allowed).doesNotContain("mcr.microsoft.com", "acs-mirror.azureedge.net", "packages.aks.azure.com");
        // The VPN gateway routes the AKS spoke through the firewall like every other spoke.
        assertThat(prod.ofType("azure-native:network:RouteTable"))
                .anySatisfy(t -> assertThat(t.input("routes").map(Object::toString).orElse("")).contains("10.120.0.0/22"));
    }

    @Test
    void everyVnetHasAFlowLogWithTrafficAnalyticsIntoThePlatformWorkspace() {
        for (var plan : new Plan[]{dev, prod}) {
            var workspace = plan.ofType("azure-native:operationalinsights:Workspace").get(0).id();
            var flowLogs = plan.ofType(com.ztplatform.components.monitoring.FlowLogV20230501.TYPE);
            assertThat(flowLogs).extracting(f -> f.inputString("targetResourceId").orElseThrow())
                    .containsExactlyInAnyOrderElementsOf(plan.ofType("azure-native:network:VirtualNetwork").stream()
                            .map(Plan.PlanResource::id).toList());
            assertThat(flowLogs).allSatisfy(f -> assertThat(f.inputString(
                    "flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.workspaceResourceId"))
                    .hasValue(workspace));
            // Policy analytics on the firewall policy reads the same workspace.
            assertThat(plan.ofType("azure-native:network:FirewallPolicy").get(0)
                    .inputString("insights.logAnalyticsResources.defaultWorkspaceId.id")).hasValue(workspace);
        }
    }

    /**
     * Both stacks have the one Azure Monitor Private Link Scope of their DNS, PrivateOnly, over every workspace and
     * Application Insights component they create, with its endpoint in the hub registered in the five zones; the
     * function app's telemetry takes only that path.
     */
    @Test
    void bothStacksSendAzureMonitorTrafficThroughOnePrivateOnlyScope() {
        for (var plan : java.util.List.of(dev, prod)) {
            var scopes = plan.ofType("azure-native:insights:PrivateLinkScope");
            assertThat(scopes).as(plan.stack() + ": one scope per DNS").hasSize(1);
            assertThat(scopes.get(0).inputString("accessModeSettings.ingestionAccessMode")).hasValue("PrivateOnly");
            assertThat(scopes.get(0).inputString("accessModeSettings.queryAccessMode")).hasValue("PrivateOnly");
            var linked = plan.ofType("azure-native:insights:PrivateLinkScopedResource").stream()
                    .map(r -> r.inputString("linkedResourceId").orElseThrow()).toList();
            var monitorResources = new java.util.ArrayList<String>();
            plan.ofType("azure-native:operationalinsights:Workspace").forEach(r -> monitorResources.add(r.id()));
            plan.ofType("azure-native:insights:Component").forEach(r -> monitorResources.add(r.id()));
            assertThat(linked).as(plan.stack() + ": every workspace and component is scoped")
                    .containsExactlyInAnyOrderElementsOf(monitorResources);
            var endpoint = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                    .filter(pe -> pe.input("privateLinkServiceConnections").orElseThrow().toString().contains("\"azuremonitor\""))
                    .toList();
            assertThat(endpoint).hasSize(1);
            assertThat(endpoint.get(0).inputString("subnet.id").orElseThrow()).contains("-hub-vnet/subnets/");
            var zones = plan.ofType("azure-native:network:PrivateZone").stream()
                    .map(z -> z.inputString("privateZoneName").orElseThrow()).toList();
            assertThat(zones).containsAll(com.ztplatform.components.network.PrivateDnsZones.AZURE_MONITOR);
        }
        assertThat(prod.ofType("azure-native:insights:Component"))
                .filteredOn(c -> c.inputString("resourceName").orElseThrow().contains("-func-"))
                .singleElement().satisfies(c -> assertThat(c.inputString("publicNetworkAccessForIngestion")).hasValue("Disabled"));
    }

    /**
     * In prod the guardrails deny: a storage account a resource-scoped exemption row names (the lake's and the
     * sharing account's public endpoint, the ML account's shared keys, ...) must get its Azure exemption, or Azure
     * Policy refuses the account the program deploys. Every named account the plan has is exempted by name.
     */
    @Test
    void everyAccountAnExemptionRowNamesGetsItsAzureExemption() {
        for (var plan : new Plan[]{dev, prod}) {
            var accounts = plan.ofType("azure-native:storage:StorageAccount").stream()
                    .map(a -> a.inputString("accountName").orElseThrow()).toList();
            var exemptions = plan.ofType("azure-native:authorization:PolicyExemption").stream()
                    .map(Plan.PlanResource::name).toList();
            var expected = com.ztplatform.stack.azurepolicy.Exemptions.all().stream()
                    .filter(x -> x.stacks().contains(plan.stack()))
                    .filter(x -> com.ztplatform.stack.azurepolicy.Guardrails.guardrails("westeurope",
                            com.ztplatform.stack.config.StackConfig.MandatoryTags.MANDATORY).stream()
                            .anyMatch(m -> m.definitionId().equals(x.definitionId())))
                    .flatMap(x -> x.resources().stream()).filter(accounts::contains).distinct().toList();
            assertThat(expected).as(plan.stack() + ": rows naming this stack's accounts").isNotEmpty();
            for (var account : expected) {
                assertThat(exemptions).as(plan.stack() + ": an Azure exemption for " + account)
                        .anyMatch(n -> n.contains("-" + account + "-"));
            }
        }
    }
}
