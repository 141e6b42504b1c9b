package com.ztplatform.components.landing;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.databricks.DatabricksSpoke;
import com.ztplatform.components.databricks.DatabricksSpokeArgs;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.databricks.DatabricksAzureAuth;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.components.firewall.EgressFirewall;
import com.ztplatform.components.firewall.EgressFirewallArgs;
import com.ztplatform.components.firewall.EgressPath;
import com.ztplatform.components.firewall.EgressPathArgs;
import com.ztplatform.components.firewall.FirewallSettings;
import com.ztplatform.components.keyvault.KeyVaultScope;
import com.ztplatform.components.keyvault.KeyVaultScopeArgs;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.landing.contract.JobConfig;
import com.ztplatform.landing.contract.JobConfigParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class OneLakeLandingTest {
    private static final String CLIENT_ID = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";
    private static final String OBJECT_ID = "0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d";
    private static final String FABRIC_WS = "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f";
    private static final String FABRIC_LH = "6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b";
    private static final String FABRIC_IDENTITY = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
    private static final String AZURE_DATABRICKS = "9b38785a-6e08-4087-a0c4-20634343f21f";
    /** Storage Blob Data Reader (built-in role definition id). */
    private static final String BLOB_DATA_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";

    private static LandingSettings direct() {
        return new LandingSettings(LandingMode.DIRECT, "zt-landing", "mirror", Optional.empty(),
                List.of(LandingSource.table("main.sales.orders", "orders"),
                        LandingSource.path("/Volumes/main/raw/exports/customers", "csv", "customers")),
                "0 0 2 * * ?", "UTC", "servicePrincipal", Optional.of(CLIENT_ID), Optional.of(OBJECT_ID),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static LandingSettings directIn(String region) {
        var d = direct();
        return new LandingSettings(d.mode(), d.fabricWorkspace(), d.lakehouse(), d.folder(), d.sources(), d.schedule(),
                d.timezone(), d.identity(), d.servicePrincipalClientId(), d.servicePrincipalObjectId(),
                d.fabricWorkspaceIdentityObjectId(), d.verifyEchoUrl(), Optional.ofNullable(region));
    }

    private static LandingSettings staged() {
        return new LandingSettings(LandingMode.STAGED, FABRIC_WS, FABRIC_LH, Optional.empty(),
                List.of(LandingSource.table("main.finance.ledger", "ledger")), "0 30 1 * * ?", "Europe/Amsterdam",
                "servicePrincipal", Optional.of(CLIENT_ID), Optional.of(OBJECT_ID), Optional.of(FABRIC_IDENTITY),
                Optional.empty(), Optional.empty());
    }

    /** The whole landing in direct mode, run once for the tests that read it. */
    private static final Supplier<Plan> DIRECT = MockRun.shared(() -> plan(direct()));

    /** A stand-in for the built job jar: the three bytes "abc", whose SHA-256 is a published test vector. */
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    /** A project root holding a "built" job jar at the path the program uploads it from. */
    private static java.nio.file.Path projectWithJar() {
        try {
            var root = java.nio.file.Files.createTempDirectory("landing-project");
            var jar = root.resolve(OneLakeLanding.JAR_SOURCE);
            java.nio.file.Files.createDirectories(jar.getParent());
            java.nio.file.Files.write(jar, "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return root;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Plan plan(LandingSettings settings) {
        var plan = MockRun.run(ctx -> {
            var naming = new Naming("ztp", "dev");
            var rg = Output.of("ztp-dev-hub-rg");
            var common = CommonOptions.defaults().withTags(Map.of("owner", "team"));
            var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(rg)
                    .location("westeurope").naming(naming).common(common).build(), null);
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(naming).addressSpace("10.10.0.0/22").firewallSubnetNatGatewayId(egress.natGatewayId().orElseThrow())
                    .common(common).build(), null);
            var egressPlan = EgressPlan.builder()
                    .sources(EgressPlan.databricks("analytics", List.of("10.11.0.0/26", "10.11.0.64/26")));
            OneLakeLanding.firewallContribution(settings).ifPresent(egressPlan::contribution);
            var firewall = new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(naming)
                    .plan(egressPlan.build()).common(common).build(), null);
            var kv = new KeyVaultScope("kv", KeyVaultScopeArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(naming).azureDatabricksObjectId(AZURE_DATABRICKS)
                    .privateEndpointSubnetId(hub.privateEndpointSubnetId())
                    .privateDnsZoneId(hub.privateDnsZoneIds().get(PrivateDnsZones.KEY_VAULT)).common(common).build(), null);
            var spoke = new DatabricksSpoke("spoke-analytics", DatabricksSpokeArgs.builder()
                    .resourceGroupName(Output.of("ztp-dev-analytics-rg")).location("westeurope").naming(naming)
                    .spokeName("analytics").addressSpace("10.11.0.0/24").hub(hub).egress(firewall).common(common)
                    .build(), null);
            var landing = new OneLakeLanding("landing", OneLakeLandingArgs.builder().resourceGroupName(rg)
                    .location("westeurope").naming(naming).settings(settings).hub(hub).egress(firewall)
                    .azureDatabricksObjectId(AZURE_DATABRICKS)
                    .clientSecret(Output.ofSecret("client-secret-value")).common(common).build(), null);
            // The platform's own scope in the same workspace: the landing must put nothing in it and read nothing of it.
            kv.secretScope("dbx-analytics-scope", "platform", DatabricksProvider.workspace("dbx-platform",
                    spoke.workspaceUrl(), spoke.workspaceResourceId(), DatabricksAzureAuth.azureCli(), null), spoke);
            var provider = DatabricksProvider.workspace("dbx", spoke.workspaceUrl(), spoke.workspaceResourceId(),
                    DatabricksAzureAuth.azureCli(), null);
            landing.deployJobs("landing", spoke, provider, JobJar.built(projectWithJar()), firewall.egressIps(), List.of());
        });
        assertThat(plan.errors()).isEmpty();
        return plan;
    }

    @Test
    void directModeAllowsOnlyOneLakeAndEntraFromTheDatabricksSubnets() {
        var plan = DIRECT.get();
        var contributions = plan.ofType("azure-native:network:FirewallPolicyRuleCollectionGroup").stream()
                .filter(g -> g.inputString("ruleCollectionGroupName").orElse("").equals("rcg-contributions"))
                .findFirst().orElseThrow();
        var collections = contributions.input("ruleCollections").orElseThrow().getAsJsonArray();
        assertThat(collections).hasSize(1);
        var collection = collections.get(0).getAsJsonObject();
        assertThat(collection.get("name").getAsString()).isEqualTo("onelake-direct");
        var fqdns = new java.util.TreeSet<String>();
        var ipGroup = plan.ofType("azure-native:network:IpGroup").get(0);
        collection.getAsJsonArray("rules").forEach(r -> {
            r.getAsJsonObject().getAsJsonArray("targetFqdns").forEach(f -> fqdns.add(f.getAsString()));
            assertThat(r.getAsJsonObject().get("sourceIpGroups").toString()).isEqualTo("[\"" + ipGroup.id() + "\"]");
        });
        // Only the DFS host: the job writes through abfss:// and never uses OneLake's blob endpoint.
        assertThat(fqdns).containsExactly("login.microsoftonline.com", "onelake.dfs.fabric.microsoft.com");
        assertThat(plan.ofType("azure-native:storage:StorageAccount")).isEmpty();
    }

    private static java.util.Set<String> oneLakeFqdns(Plan plan) {
        var fqdns = new java.util.TreeSet<String>();
        plan.ofType("azure-native:network:FirewallPolicyRuleCollectionGroup").stream()
                .filter(g -> g.inputString("ruleCollectionGroupName").orElse("").equals("rcg-contributions"))
                .forEach(g -> g.input("ruleCollections").orElseThrow().getAsJsonArray().forEach(c -> c.getAsJsonObject()
                        .getAsJsonArray("rules").forEach(r -> r.getAsJsonObject().getAsJsonArray("targetFqdns")
                                .forEach(f -> fqdns.add(f.getAsString())))));
        return fqdns;
    }

    @Test
    void aOneLakeRegionMovesTheJobTheFirewallAndThePolicyToExactlyThatRegionsHost() {
        var plan = plan(directIn("westeurope"));
        // exactly the regional DFS host besides Entra: neither the global name nor blob, no wildcard
        assertThat(oneLakeFqdns(plan)).containsExactly("login.microsoftonline.com",
                "westeurope-onelake.dfs.fabric.microsoft.com");
        var mirror = plan.ofType("databricks:index/job:Job").stream()
                .filter(j -> j.inputString("name").orElse("").endsWith("onelake-mirror")).findFirst().orElseThrow();
        var parameters = mirror.input("tasks").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("sparkJarTask").getAsJsonArray("parameters");
        var config = JobConfigParser.parse(parameters.get(1).getAsString());
        assertThat(config.target().rootUri()).isEqualTo(
                "abfss://zt-landing@westeurope-onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
        assertThat(config.target().host()).isEqualTo("westeurope-onelake.dfs.fabric.microsoft.com");
        var policy = plan.ofType("databricks:index/clusterPolicy:ClusterPolicy").get(0);
        var definition = JsonParser.parseString(policy.inputString("definition").orElseThrow()).getAsJsonObject();
        assertThat(definition.getAsJsonObject(
                "spark_conf.fs.azure.account.oauth2.client.endpoint.westeurope-onelake.dfs.fabric.microsoft.com")
                .get("type").getAsString()).isEqualTo("forbidden");
    }

    @Test
    void aOneLakeRegionThatIsNotARegionNameFailsNamingTheKeyAndAnExample() {
        assertThat(directIn("West Europe").problems("landing")).singleElement().satisfies(p -> assertThat(p)
                .startsWith("landing.oneLakeRegion must be the Azure region of the Fabric capacity")
                .contains("like 'westeurope' (host westeurope-onelake.dfs.fabric.microsoft.com)")
                .endsWith("got 'West Europe'"));
    }

    @Test
    void directUriPutsTheWorkspaceBeforeTheAt() {
        var uri = com.ztplatform.landing.contract.LandingUris.oneLakeRoot("zt-landing", "mirror", null);
        assertThat(uri).isEqualTo("abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
    }

    @Test
    void theJobGetsAConfigurationTheJobItselfAccepts() {
        var plan = DIRECT.get();
        var mirror = plan.ofType("databricks:index/job:Job").stream()
                .filter(j -> j.inputString("name").orElse("").endsWith("onelake-mirror")).findFirst().orElseThrow();
        var task = mirror.input("tasks").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(task.getAsJsonObject("sparkJarTask").get("mainClassName").getAsString())
                .isEqualTo("com.ztplatform.landing.MirrorJob");
        var parameters = task.getAsJsonObject("sparkJarTask").getAsJsonArray("parameters");
        assertThat(parameters.get(0).getAsString()).isEqualTo("--config");
        JobConfig config = JobConfigParser.parse(parameters.get(1).getAsString());
        assertThat(config.mode()).isEqualTo(JobConfig.Mode.DIRECT);
        assertThat(config.target().rootUri())
                .isEqualTo("abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
        assertThat(config.sources()).hasSize(2);
        assertThat(parameters.toString()).doesNotContain("client-secret-value");
        var jar = plan.ofType("databricks:index/workspaceFile:WorkspaceFile").get(0);
        assertThat(task.getAsJsonArray("libraries").get(0).getAsJsonObject().get("jar").getAsString())
                .isEqualTo("/Workspace" + jar.inputString("path").orElseThrow());
        assertThat(jar.inputString("source")).hasValue(OneLakeLanding.JAR_SOURCE);
        var cluster = mirror.input("jobClusters").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("newCluster");
        var policy = plan.ofType("databricks:index/clusterPolicy:ClusterPolicy").get(0);
        assertThat(cluster.get("policyId").getAsString()).isEqualTo(policy.id());
        assertThat(cluster.get("dataSecurityMode").getAsString()).isEqualTo("SINGLE_USER");
        assertThat(cluster.get("sparkVersion").getAsString()).isEqualTo("16.4.x-scala2.12");
        assertThat(mirror.inputString("runAs.servicePrincipalName")).hasValue(CLIENT_ID);
        assertThat(mirror.inputString("schedule.quartzCronExpression")).hasValue("0 0 2 * * ?");
        var definition = JsonParser.parseString(policy.inputString("definition").orElseThrow()).getAsJsonObject();
        assertThat(definition.getAsJsonObject("data_security_mode").get("value").getAsString()).isEqualTo("SINGLE_USER");
        assertThat(definition.getAsJsonObject("init_scripts.*.workspace.destination").get("type").getAsString()).isEqualTo("forbidden");
        // every init-script destination, the cluster type and the keys that would change the auth or the endpoint
        for (var destination : List.of("workspace", "volumes", "abfss", "dbfs", "file", "s3", "gcs")) {
            assertThat(definition.getAsJsonObject("init_scripts.*." + destination + ".destination").get("type")
                    .getAsString()).as(destination).isEqualTo("forbidden");
        }
        assertThat(definition.getAsJsonObject("cluster_type").get("value").getAsString()).isEqualTo("job");
        for (var key : List.of("spark_conf.fs.azure.account.auth.type",
                "spark_conf.fs.azure.account.oauth2.client.endpoint.onelake.dfs.fabric.microsoft.com",
                "spark_conf.spark.hadoop.fs.azure.account.oauth.provider.type")) {
            assertThat(definition.getAsJsonObject(key).get("type").getAsString()).as(key).isEqualTo("forbidden");
        }
        var verify = plan.ofType("databricks:index/job:Job").stream()
                .filter(j -> j.inputString("name").orElse("").endsWith("onelake-verify")).findFirst().orElseThrow();
        assertThat(verify.input("tasks").orElseThrow().toString()).contains("--expected-egress-ips").contains("203.0.113.");
    }

    @Test
    void credentialsGoToTheLandingsOwnVaultAndTheSecretStaysSecret() {
        var plan = DIRECT.get();
        var secrets = plan.ofType("azure-native:keyvault:Secret");
        // Every landing secret in the landing's vault; none in the platform vault (READ on a Key Vault-backed scope
        // would expose the whole platform vault to the landing's run-as principal).
        assertThat(secrets).extracting(s -> s.inputString("vaultName").orElseThrow() + "/" + s.inputString("secretName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-dev-landing-kv/landing-sp-tenant-id", "ztp-dev-landing-kv/landing-sp-client-id",
                        "ztp-dev-landing-kv/landing-sp-client-secret");
        assertThat(plan.toJson()).doesNotContain("client-secret-value");
    }

    @Test
    void theLandingVaultFollowsThePlatformVaultsRules() {
        var plan = plan(direct());
        var vaults = plan.ofType("azure-native:keyvault:Vault");
        assertThat(vaults).extracting(v -> v.inputString("vaultName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-dev-platform-kv", "ztp-dev-landing-kv");
        var landingVault = vaults.stream().filter(v -> v.inputString("vaultName").orElseThrow().equals("ztp-dev-landing-kv"))
                .findFirst().orElseThrow();
        assertThat(landingVault.urn()).contains("ztplatform:landing:OneLakeLanding$ztplatform:keyvault:KeyVaultScope$");
        assertThat(landingVault.inputString("properties.publicNetworkAccess")).hasValue("Disabled");
        assertThat(landingVault.input("properties.enableRbacAuthorization").orElseThrow().getAsBoolean()).isTrue();
        assertThat(landingVault.input("properties.enablePurgeProtection").orElseThrow().getAsBoolean()).isTrue();
        assertThat(landingVault.inputString("properties.networkAcls.defaultAction")).hasValue("Deny");
        var endpoint = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                .filter(e -> e.input("privateLinkServiceConnections").orElseThrow().toString().contains(landingVault.id()))
                .toList();
        assertThat(endpoint).singleElement().satisfies(e -> assertThat(e.input("privateLinkServiceConnections").orElseThrow()
                .toString()).contains("\"vault\""));
        // The AzureDatabricks application reads the scope: Secrets User on this vault, nothing more; no keys here.
        var grants = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(a -> a.inputString("scope").orElse("").startsWith(landingVault.id())).toList();
        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.inputString("principalId")).hasValue(AZURE_DATABRICKS);
            assertThat(g.inputString("scope")).hasValue(landingVault.id());
            assertThat(g.inputString("roleDefinitionId").orElseThrow()).endsWith("4633458b-17de-408a-b874-0445c86b69e6");
        });
        assertThat(plan.ofType("azure-native:keyvault:Key")).noneSatisfy(k -> assertThat(k.urn()).contains("OneLakeLanding"));
    }

    @Test
    void aManagedIdentityLandingHasNoVaultAndNoScope() {
        var d = direct();
        var managed = new LandingSettings(d.mode(), d.fabricWorkspace(), d.lakehouse(), d.folder(), d.sources(),
                d.schedule(), d.timezone(), "managed", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        var plan = plan(managed);
        assertThat(plan.ofType("azure-native:keyvault:Vault")).extracting(v -> v.inputString("vaultName").orElseThrow())
                .containsExactly("ztp-dev-platform-kv");
        assertThat(plan.ofType("databricks:index/secretScope:SecretScope")).extracting(v -> v.inputString("name").orElseThrow())
                .containsExactly("platform");
        assertThat(plan.ofType("databricks:index/secretAcl:SecretAcl")).isEmpty();
    }

    @Test
    void stagedModeUsesAPrivateHierarchicalAccountThatFabricReadsByTrustedAccess() {
        var plan = plan(staged());
        var account = plan.ofType("azure-native:storage:StorageAccount").get(0);
        assertThat(account.input("isHnsEnabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.input("allowSharedKeyAccess").orElseThrow().getAsBoolean()).isFalse();
        // Trusted workspace access works only with "enabled from selected networks": Enabled, default Deny, no
        // IP or VNet rule, no bypass, the Fabric workspace as the only resource instance rule.
        assertThat(account.inputString("publicNetworkAccess")).hasValue("Enabled");
        assertThat(account.inputString("networkRuleSet.bypass")).hasValue("None");
        assertThat(account.input("networkRuleSet.ipRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(account.input("networkRuleSet.virtualNetworkRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(account.input("networkRuleSet.resourceAccessRules").orElseThrow().getAsJsonArray()).hasSize(1);
        assertThat(account.inputString("minimumTlsVersion")).hasValue("TLS1_2");
        assertThat(account.input("enableHttpsTrafficOnly").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.input("allowBlobPublicAccess").orElseThrow().getAsBoolean()).isFalse();
        assertThat(account.input("encryption.requireInfrastructureEncryption").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
        var rule = account.input("networkRuleSet.resourceAccessRules").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(rule.get("resourceId").getAsString()).isEqualTo(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/Fabric/providers/Microsoft.Fabric/workspaces/" + FABRIC_WS);
        var blob = plan.ofType("azure-native:storage:BlobServiceProperties").get(0);
        assertThat(blob.input("deleteRetentionPolicy.enabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(blob.input("containerDeleteRetentionPolicy.enabled").orElseThrow().getAsBoolean()).isTrue();
        var endpoints = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                .filter(e -> e.input("privateLinkServiceConnections").orElseThrow().toString().contains(account.id())).toList();
        assertThat(endpoints).extracting(e -> e.input("privateLinkServiceConnections").orElseThrow().getAsJsonArray().get(0)
                .getAsJsonObject().get("groupIds").getAsJsonArray().get(0).getAsString()).containsExactlyInAnyOrder("dfs", "blob");
        var grants = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(a -> a.inputString("scope").orElse("").startsWith(account.id())).toList();
        assertThat(grants).extracting(g -> g.inputString("principalId").orElseThrow() + "@"
                        + g.inputString("scope").orElseThrow().substring(account.id().length()))
                .containsExactlyInAnyOrder(OBJECT_ID + "@/blobServices/default/containers/landing", FABRIC_IDENTITY + "@");
        // Trusted workspace access: the shortcut's identity holds Storage Blob Data Reader at the storage ACCOUNT scope
        // (learn.microsoft.com/fabric/security/security-trusted-workspace-access, prerequisites); a container-scope
        // data role alone would need Storage Blob Delegator at the account scope as well.
        assertThat(grants).filteredOn(g -> g.inputString("principalId").orElseThrow().equals(FABRIC_IDENTITY))
                .singleElement().satisfies(g -> {
                    assertThat(g.inputString("scope")).hasValue(account.id());
                    assertThat(g.inputString("roleDefinitionId").orElseThrow()).endsWith("/" + BLOB_DATA_READER);
                });
        assertThat(plan.ofType("azure-native:network:FirewallPolicyRuleCollectionGroup"))
                .noneSatisfy(g -> assertThat(g.inputString("ruleCollectionGroupName")).hasValue("rcg-contributions"));
    }

    @Test
    void theJobsRunAsAServicePrincipalThatMayReadOnlyTheLandingsOwnScope() {
        var plan = DIRECT.get();
        // A Key Vault-backed scope gives MANAGE only to its creator: the run-as principal gets READ, nothing more, and
        // only on the landing's scope, whose vault holds nothing but the landing's credentials.
        var acl = plan.ofType("databricks:index/secretAcl:SecretAcl");
        assertThat(acl).singleElement().satisfies(a -> {
            assertThat(a.inputString("scope")).hasValue("onelake-landing");
            assertThat(a.inputString("principal")).hasValue(CLIENT_ID);
            assertThat(a.inputString("permission")).hasValue("READ");
        });
        var scopes = plan.ofType("databricks:index/secretScope:SecretScope");
        var landingVault = plan.ofType("azure-native:keyvault:Vault").stream()
                .filter(v -> v.inputString("vaultName").orElseThrow().equals("ztp-dev-landing-kv")).findFirst().orElseThrow();
        var scope = scopes.stream().filter(s -> s.inputString("name").orElseThrow().equals("onelake-landing"))
                .findFirst().orElseThrow();
        assertThat(scope.inputString("keyvaultMetadata.resourceId")).hasValue(landingVault.id());
        assertThat(scope.inputString("keyvaultMetadata.dnsName")).hasValue("https://ztp-dev-landing-kv.vault.azure.net/");
        assertThat(acl.get(0).dependencies()).contains(scope.urn());
        assertThat(plan.ofType("databricks:index/job:Job")).hasSize(2).allSatisfy(j -> {
            assertThat(j.dependencies()).contains(acl.get(0).urn());
            // the jobs read their credentials from that scope
            var config = JobConfigParser.parse(j.input("tasks").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                    .getAsJsonObject("sparkJarTask").getAsJsonArray("parameters").get(1).getAsString());
            assertThat(config.auth()).isInstanceOfSatisfying(JobConfig.ServicePrincipal.class,
                    sp -> assertThat(sp.secretScope()).isEqualTo("onelake-landing"));
        });
    }

    @Test
    void theJarSitsWhereOnlyThePlatformWritesAndThePrincipalMayUseThePolicy() {
        var plan = DIRECT.get();
        // Under /Shared every user has CAN MANAGE and could swap the jar that runs with the landing's credentials.
        var jar = plan.ofType("databricks:index/workspaceFile:WorkspaceFile");
        assertThat(jar).singleElement().satisfies(j -> {
            assertThat(j.inputString("path")).hasValue("/zt-platform/landing/zt-landing-job.jar");
            assertThat(j.inputString("path").orElseThrow()).doesNotStartWith("/Shared").doesNotStartWith("/Users");
        });
        var folder = plan.ofType("databricks:index/directory:Directory");
        assertThat(folder).singleElement().satisfies(d -> {
            assertThat(d.inputString("path")).hasValue("/zt-platform/landing");
            assertThat(jar.get(0).dependencies()).contains(d.urn());
        });
        var permissions = plan.ofType("databricks:index/permissions:Permissions");
        var policy = plan.ofType("databricks:index/clusterPolicy:ClusterPolicy").get(0);
        // Exactly two access lists, each granting only the run-as principal, only the level it needs.
        assertThat(permissions).hasSize(2).allSatisfy(p -> {
            var acl = p.input("accessControls").orElseThrow().getAsJsonArray();
            assertThat(acl).hasSize(1);
            var entry = acl.get(0).getAsJsonObject();
            assertThat(entry.keySet()).containsExactlyInAnyOrder("servicePrincipalName", "permissionLevel");
            assertThat(entry.get("servicePrincipalName").getAsString()).isEqualTo(CLIENT_ID);
        });
        assertThat(permissions).filteredOn(p -> p.inputString("directoryPath").isPresent()).singleElement()
                .satisfies(p -> {
                    assertThat(p.inputString("directoryPath")).hasValue("/zt-platform/landing");
                    assertThat(p.input("accessControls").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                            .get("permissionLevel").getAsString()).isEqualTo("CAN_READ");
                    assertThat(p.dependencies()).contains(folder.get(0).urn());
                });
        assertThat(permissions).filteredOn(p -> p.input("clusterPolicyId").isPresent()).singleElement()
                .satisfies(p -> {
                    assertThat(p.input("accessControls").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                            .get("permissionLevel").getAsString()).isEqualTo("CAN_USE");
                    assertThat(p.dependencies()).contains(policy.urn());
                });
        // Both jobs start only once the principal may use the policy and read the jar.
        assertThat(plan.ofType("databricks:index/job:Job")).hasSize(2).allSatisfy(j -> assertThat(j.dependencies())
                .containsAll(permissions.stream().map(p -> p.urn()).toList()));
    }

    @Test
    void theRunAsPrincipalGetsUnityCatalogGrantsOnExactlyItsSourcesBeforeTheJobsExist() {
        var plan = DIRECT.get();
        var grants = plan.ofType("databricks:index/grant:Grant");
        assertThat(grants).allSatisfy(g -> assertThat(g.inputString("principal")).hasValue(CLIENT_ID));
        assertThat(grants).extracting(g -> java.util.stream.Stream.of("catalog", "schema", "table", "volume")
                        .filter(k -> g.inputString(k).isPresent()).map(k -> k + ":" + g.inputString(k).orElseThrow())
                        .findFirst().orElseThrow() + "=" + g.input("privileges").orElseThrow())
                .containsExactlyInAnyOrder("catalog:main=[\"USE_CATALOG\"]", "schema:main.sales=[\"USE_SCHEMA\"]",
                        "table:main.sales.orders=[\"SELECT\"]", "schema:main.raw=[\"USE_SCHEMA\"]",
                        "volume:main.raw.exports=[\"READ_VOLUME\"]");
        assertThat(plan.ofType("databricks:index/job:Job")).allSatisfy(j -> assertThat(j.dependencies())
                .containsAll(grants.stream().map(g -> g.urn()).toList()));
    }

    @Test
    void validationNamesTheFieldAndTheJobsOwnRules() {
        var bad = new LandingSettings(LandingMode.STAGED, "zt-landing", "mirror lake", Optional.empty(), List.of(),
                "every day", "UTC", "servicePrincipal", Optional.empty(), Optional.of(OBJECT_ID), Optional.empty(),
                Optional.of("http://echo"), Optional.empty());
        assertThat(bad.problems("landing"))
                .anySatisfy(p -> assertThat(p).startsWith("landing.sources must list at least one table or path"))
                .anySatisfy(p -> assertThat(p).startsWith("landing.schedule must be a Quartz cron expression"))
                .anySatisfy(p -> assertThat(p).startsWith("landing.servicePrincipalClientId is required with identity servicePrincipal"))
                .anySatisfy(p -> assertThat(p).startsWith("landing.fabricWorkspace must be the workspace GUID in staged mode"))
                .anySatisfy(p -> assertThat(p).startsWith("landing.verifyEchoUrl must be an https URL"));
        var badLakehouse = new LandingSettings(LandingMode.DIRECT, "zt-landing", "mirror lake", Optional.empty(),
                List.of(LandingSource.table("main.sales.orders", "orders")), "0 0 2 * * ?", "UTC", "servicePrincipal",
                Optional.of(CLIENT_ID), Optional.of(OBJECT_ID), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(badLakehouse.problems("landing")).anySatisfy(p -> assertThat(p).startsWith("landing.lakehouse must be a lakehouse name"));
    }

    @Test
    void aStagedLandingRefusesAHubWithoutTheDfsAndBlobZones() {
        var zones = new java.util.ArrayList<>(List.of("privatelink.blob.core.windows.net"));
        var hub = new com.ztplatform.components.network.HubConnection() {
            @Override
            public Output<String> vnetId() {
                return Output.of("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub");
            }

            @Override
            public Output<String> vnetName() {
                return Output.of("hub");
            }

            @Override
            public Output<String> resourceGroupName() {
                return Output.of("rg");
            }

            @Override
            public Output<String> privateEndpointSubnetId() {
                return Output.of("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe");
            }

            @Override
            public List<String> privateDnsZones() {
                return List.copyOf(zones);
            }

            @Override
            public Output<String> privateDnsZoneId(String zone) {
                return Output.of("zone-" + zone);
            }

            @Override
            public List<com.pulumi.azurenative.network.VirtualNetworkPeering> peerWith(String name, String spokeName,
                    Output<String> spokeResourceGroupName, com.pulumi.azurenative.network.VirtualNetwork spokeVnet,
                    com.pulumi.resources.Resource parent, com.pulumi.resources.Resource after) {
                throw new UnsupportedOperationException("checking arguments peers nothing");
            }

            @Override
            public List<com.pulumi.azurenative.network.VirtualNetworkLink> linkVirtualNetwork(String linkName,
                    Output<String> vnetId, com.pulumi.resources.Resource parent, java.util.Set<String> exceptZones) {
                throw new UnsupportedOperationException("checking arguments links nothing");
            }
        };
        var egress = new com.ztplatform.components.firewall.EgressNextHop() {
            @Override
            public Output<String> privateIp() {
                return Output.of("10.0.0.4");
            }

            @Override
            public Output<String> routeTableId() {
                return Output.of("route-table");
            }
        };
        var args = OneLakeLandingArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(new Naming("ztp", "dev")).settings(staged()).hub(hub).egress(egress)
                .azureDatabricksObjectId(AZURE_DATABRICKS).build();
        assertThat(args.problems()).containsExactly("hub: the staging account's private endpoints register in the "
                + "hub's zones [privatelink.dfs.core.windows.net, privatelink.blob.core.windows.net], but it lacks "
                + "[privatelink.dfs.core.windows.net]; add them to HubNetworkArgs.privateDnsZones",
                "hub: the landing's Key Vault registers its private endpoint in the hub's zone "
                        + "privatelink.vaultcore.azure.net, which it lacks; add it to HubNetworkArgs.privateDnsZones");
        // Direct mode creates no staging account, so it does not need the storage zones; the vault's it does.
        zones.clear();
        zones.add("privatelink.vaultcore.azure.net");
        var direct = OneLakeLandingArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(new Naming("ztp", "dev")).settings(direct()).hub(hub).egress(egress)
                .azureDatabricksObjectId(AZURE_DATABRICKS).build();
        assertThat(direct.problems()).isEmpty();
        // The landing's scope is read through the AzureDatabricks application: without its object id, no vault.
        var noApp = OneLakeLandingArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(new Naming("ztp", "dev")).settings(direct()).hub(hub).egress(egress).build();
        assertThat(noApp.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("azureDatabricksObjectId is required with a service principal identity"));
    }

    @Test
    void bothJobsPinTheSha256OfTheJarTheProgramUploads() {
        var plan = DIRECT.get();
        var jar = plan.ofType("databricks:index/workspaceFile:WorkspaceFile").get(0);
        assertThat(jar.inputString("source")).hasValue(OneLakeLanding.JAR_SOURCE);
        assertThat(plan.ofType("databricks:index/job:Job")).hasSize(2).allSatisfy(j -> {
            var parameters = new java.util.ArrayList<String>();
            j.input("tasks").orElseThrow().getAsJsonArray().get(0).getAsJsonObject().getAsJsonObject("sparkJarTask")
                    .getAsJsonArray("parameters").forEach(p -> parameters.add(p.getAsString()));
            // Once, right after the configuration, with the hash of the file uploaded (not of some other build).
            assertThat(parameters.indexOf("--jar-sha256")).isEqualTo(2).isEqualTo(parameters.lastIndexOf("--jar-sha256"));
            assertThat(parameters.get(3)).isEqualTo(ABC_SHA256);
        });
    }

    @Test
    void aJobJarIsHashedFromTheBuiltFileAndValidated() throws Exception {
        var root = projectWithJar();
        assertThat(JobJar.built(root)).isEqualTo(new JobJar(OneLakeLanding.JAR_SOURCE, ABC_SHA256));
        assertThat(JobJar.built(root).parameters()).containsExactly("--jar-sha256", ABC_SHA256);
        // One changed byte, another hash: the plan follows the jar's content.
        java.nio.file.Files.write(root.resolve(OneLakeLanding.JAR_SOURCE), "abd".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(JobJar.built(root).sha256()).isNotEqualTo(ABC_SHA256).matches("[0-9a-f]{64}");

        var empty = java.nio.file.Files.createTempDirectory("landing-project");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JobJar.built(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the landing job jar components/landing-job/target/zt-landing-job.jar has not been built: the"
                        + " landing jobs pin its SHA-256, so build it before planning or deploying (mvn -pl"
                        + " components/landing-job -am package)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JobJar(OneLakeLanding.JAR_SOURCE, "ABC"))
                .hasMessageContaining("JobJar.sha256 must be 64 lowercase hex digits").hasMessageContaining("got 'ABC'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JobJar("/tmp/zt-landing-job.jar", ABC_SHA256))
                .hasMessageContaining("JobJar.source must be the jar's path relative to the project root, like '"
                        + OneLakeLanding.JAR_SOURCE + "'");
    }
}
