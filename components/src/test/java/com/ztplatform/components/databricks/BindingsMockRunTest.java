package com.ztplatform.components.databricks;

import com.google.gson.JsonElement;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.databricks.*;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every binding registered on Pulumi's test monitor: types, plugin version, wire names and secrets as sent. */
class BindingsMockRunTest {
    static final String SECRET_VALUE = "sp-client-secret-must-not-leak";
    static final String CLIENT_SECRET = "azure-client-secret-must-not-leak";
    static final String WORKSPACE_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
            + "/providers/Microsoft.Databricks/workspaces/ztp-dev-analytics";
    static final String VAULT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
            + "/providers/Microsoft.KeyVault/vaults/kv-ztp-dev";
    static final String ACCOUNT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    static final String JAR = "/Workspace/Shared/ztp/mirror.jar";

    private static Plan plan;

    @BeforeAll
    static void run() {
        plan = MockRun.run(ctx -> everyBinding());
        assertThat(plan.errors()).isEmpty();
    }

    /** One of each binding, with the inputs the platform uses. */
    static void everyBinding() {
        var workspace = DatabricksProvider.workspace("ws", Output.of("adb-1234567890123456.7.azuredatabricks.net"),
                Output.of(WORKSPACE_ID), DatabricksAzureAuth.managedIdentity(), null);
        var account = DatabricksProvider.account("acct", Output.of(ACCOUNT_ID), DatabricksAzureAuth.servicePrincipal(
                Output.of("tenant"), Output.of("client"), Output.of(CLIENT_SECRET)), null);
        var onWorkspace = CustomResourceOptions.builder().provider(workspace).build();
        var onAccount = CustomResourceOptions.builder().provider(account).build();

        var scope = new SecretScope("kv-scope", SecretScopes.azureKeyVault("platform", Output.of(VAULT_ID),
                Output.of("https://kv-ztp-dev.vault.azure.net/")), onWorkspace);
        new Secret("sp-secret", SecretArgs.builder().scope("landing").key("sp-secret").stringValue(SECRET_VALUE).build(),
                onWorkspace);
        new SecretAcl("scope-read", SecretAclArgs.builder().scope(scope.name()).principal("33333333-3333-3333-3333-333333333333")
                .permission("READ").build(), CustomResourceOptions.builder().provider(workspace).dependsOn(scope).build());
        new Grant("volume-read", GrantArgs.builder().volume("main.raw.exports")
                .principal("33333333-3333-3333-3333-333333333333").privileges(List.of("READ_VOLUME")).build(), onWorkspace);

        var ncc = new MwsNetworkConnectivityConfig("ncc", MwsNetworkConnectivityConfigArgs.builder()
                .name("ztp-dev-westeurope").region("westeurope").accountId(ACCOUNT_ID).build(), onAccount);
        new MwsNccPrivateEndpointRule("ncc-blob", MwsNccPrivateEndpointRuleArgs.builder()
                .networkConnectivityConfigId(ncc.networkConnectivityConfigId())
                .resourceId("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st")
                .groupId("blob").build(), onAccount);
        new MwsNccBinding("ncc-binding", MwsNccBindingArgs.builder()
                .networkConnectivityConfigId(ncc.networkConnectivityConfigId()).workspaceId("1234567890123456").build(),
                onAccount);
        var policy = new AccountNetworkPolicy("egress-policy", AccountNetworkPolicyArgs.builder()
                .accountId(ACCOUNT_ID).networkPolicyId("ztp-dev-restricted")
                .egress(AccountNetworkPolicyEgressArgs.builder()
                        .networkAccess(AccountNetworkPolicyEgressNetworkAccessArgs.builder()
                                .restrictionMode("RESTRICTED_ACCESS")
                                .allowedInternetDestinations(AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs
                                        .builder().destination("onelake.dfs.fabric.microsoft.com")
                                        .internetDestinationType("DNS_NAME").build())
                                .allowedStorageDestinations(AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs
                                        .builder().azureStorageAccount("stztpdevlanding").azureStorageService("dfs")
                                        .storageDestinationType("AZURE_STORAGE").build())
                                .policyEnforcement(AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs.builder()
                                        .enforcementMode("ENFORCED").build())
                                .build())
                        .build())
                .build(), onAccount);
        new WorkspaceNetworkOption("ws-network", WorkspaceNetworkOptionArgs.builder().workspaceId("1234567890123456")
                .networkPolicyId(Output.of("ztp-dev-restricted")).build(),
                CustomResourceOptions.builder().provider(account).dependsOn(policy).build());

        var conf = new WorkspaceConf("conf", WorkspaceConfArgs.builder()
                .customConfig(Map.of("enableIpAccessLists", "true")).build(), onWorkspace);
        new IpAccessList("office", IpAccessListArgs.builder().label("office").listType("ALLOW")
                .ipAddresses("203.0.113.0/24").enabled(true).build(),
                CustomResourceOptions.builder().provider(workspace).dependsOn(conf).build());
        new DisableLegacyAccessSetting("no-legacy-access", DisableLegacyAccessSettingArgs.builder()
                .disableLegacyAccess(DisableLegacyAccessSettingDisableLegacyAccessArgs.builder().value(true).build())
                .build(), onWorkspace);
        new DisableLegacyDbfsSetting("no-legacy-dbfs", DisableLegacyDbfsSettingArgs.builder()
                .disableLegacyDbfs(DisableLegacyDbfsSettingDisableLegacyDbfsArgs.builder().value(true).build())
                .build(), onWorkspace);

        var sp = new ServicePrincipal("mirror-sp", ServicePrincipalArgs.builder()
                .applicationId("33333333-3333-3333-3333-333333333333").displayName("ztp-dev-mirror")
                .workspaceAccess(true).allowClusterCreate(false).build(), onWorkspace);
        var clusterPolicy = new ClusterPolicy("jobs-policy", ClusterPolicyArgs.builder().name("ztp-jobs")
                .definition("{\"data_security_mode\":{\"type\":\"fixed\",\"value\":\"SINGLE_USER\"}}").build(),
                onWorkspace);
        var jar = new WorkspaceFile("mirror-jar", WorkspaceFileArgs.builder().path("/Shared/ztp/mirror.jar")
                .contentBase64("UEsDBA==").build(), onWorkspace);
        assertThat(jar.workspacePath()).isNotNull();
        var dir = new Directory("landing-dir", DirectoryArgs.builder().path("/Shared/ztp").deleteRecursive(false).build(),
                onWorkspace);
        new Permissions("dir-read", PermissionsArgs.builder().directoryPath("/Shared/ztp")
                .accessControls(PermissionsAccessControlArgs.builder()
                        .servicePrincipalName("33333333-3333-3333-3333-333333333333").permissionLevel("CAN_READ").build())
                .build(), CustomResourceOptions.builder().provider(workspace).dependsOn(dir).build());
        new Volume("exports", VolumeArgs.builder().name("exports").catalogName("main").schemaName("raw")
                .volumeType("MANAGED").comment("landing exports").build(), onWorkspace);
        new Job("mirror", JobArgs.builder()
                .name("ztp-dev-mirror")
                .maxConcurrentRuns(1)
                .runAs(JobRunAsArgs.builder().servicePrincipalName(sp.applicationId()).build())
                .jobClusters(JobJobClusterArgs.builder().jobClusterKey("main")
                        .newCluster(JobJobClusterNewClusterArgs.builder()
                                .sparkVersion("15.4.x-scala2.12").nodeTypeId("Standard_D4ds_v5").numWorkers(2)
                                .policyId(clusterPolicy.policyId()).applyPolicyDefaultValues(true)
                                .dataSecurityMode("SINGLE_USER")
                                .sparkConf(Map.of("spark.databricks.delta.preview.enabled", "true"))
                                .azureAttributes(JobJobClusterNewClusterAzureAttributesArgs.builder()
                                        .availability("ON_DEMAND_AZURE").firstOnDemand(1).spotBidMaxPrice(-1.0).build())
                                .build())
                        .build())
                .tasks(JobTaskArgs.builder().taskKey("mirror").jobClusterKey("main")
                        .sparkJarTask(JobTaskSparkJarTaskArgs.builder().mainClassName("com.ztplatform.landing.Mirror")
                                .parameters("--mode", "direct").build())
                        .libraries(JobTaskLibraryArgs.builder().jar(JAR).build())
                        .maxRetries(2)
                        .build())
                .schedule(JobScheduleArgs.builder().quartzCronExpression("0 0 2 * * ?").timezoneId("Europe/Amsterdam")
                        .pauseStatus("UNPAUSED").build())
                .emailNotifications(JobEmailNotificationsArgs.builder().onFailures("platform@example.com").build())
                .build(), onWorkspace);
        // Unity Catalog and Delta Sharing (issue 18).
        var metastore = new Metastore("metastore", MetastoreArgs.builder().name("ztp-westeurope").region("westeurope")
                .deltaSharingScope("INTERNAL").build(), onAccount);
        new MetastoreAssignment("assign", MetastoreAssignmentArgs.builder().metastoreId(metastore.metastoreId())
                .workspaceId("1111").build(), onAccount);
        var credential = new StorageCredential("credential", StorageCredentialArgs.builder().name("ztp_dev_lake")
                .azureManagedIdentity(StorageCredentialAzureManagedIdentityArgs.builder()
                        .accessConnectorId("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/ac")
                        .build()).build(), onWorkspace);
        new ExternalLocation("location", ExternalLocationArgs.builder().name("ztp_dev_sales")
                .url("abfss://sales@lake.dfs.core.windows.net/").credentialName(credential.id()).build(), onWorkspace);
        var catalog = new Catalog("catalog", CatalogArgs.builder().name("dev_sales").isolationMode("ISOLATED").build(),
                onWorkspace);
        new WorkspaceBinding("binding", WorkspaceBindingArgs.builder().securableName(catalog.id()).securableType("catalog")
                .bindingType("BINDING_TYPE_READ_WRITE").workspaceId("1111").build(), onWorkspace);
        new Schema("schema", SchemaArgs.builder().name("orders").catalogName(catalog.id()).build(), onWorkspace);
        var share = new Share("share", ShareArgs.builder().name("dev_partners").objects(ShareObjectArgs.builder()
                .name("dev_sales.orders.daily").dataObjectType("TABLE").build()).build(), onWorkspace);
        var recipient = new Recipient("recipient", RecipientArgs.builder().name("dev_acme").authenticationType("TOKEN")
                .ipAccessList(RecipientIpAccessListArgs.builder().allowedIpAddresses("203.0.113.10/32").build())
                .build(), onWorkspace);
        new Grants("share-grants", GrantsArgs.builder().share(share.id()).grants(GrantsGrantArgs.builder()
                .principal(recipient.id()).privileges("SELECT").build()).build(), onWorkspace);
        assertThat(scope).isNotNull();
    }

    private static List<Plan.PlanResource> databricks() {
        return plan.resources().stream().filter(r -> r.type().startsWith("databricks:")
                || r.type().equals(DatabricksProvider.TYPE)).toList();
    }

    @Test
    void everyBindingRegistersWithItsAnnotatedTokenAndPluginVersion1106() {
        var tokens = java.util.stream.Stream.concat(DatabricksResources.CLASSES.stream(),
                        java.util.stream.Stream.of(DatabricksProvider.class))
                .map(c -> c.getAnnotation(ResourceType.class).type()).collect(Collectors.toSet());
        assertThat(databricks().stream().map(Plan.PlanResource::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(tokens);
        assertThat(databricks()).hasSize(tokens.size() + 1); // two providers
        assertThat(databricks()).allSatisfy(r ->
                assertThat(r.options().get("version").getAsString()).as(r.urn()).isEqualTo("1.106.0"));
    }

    @Test
    void resourcesUseTheExplicitProviders() {
        var providers = plan.ofType(DatabricksProvider.TYPE).stream()
                .collect(Collectors.toMap(Plan.PlanResource::name, Plan.PlanResource::urn));
        assertThat(plan.named("kv-scope").provider()).startsWith(providers.get("ws") + "::");
        assertThat(plan.named("ncc").provider()).startsWith(providers.get("acct") + "::");
    }

    @Test
    void keyVaultScopeSerialisesKeyvaultMetadataUnderTheSchemaNames() {
        var scope = plan.named("kv-scope");
        assertThat(scope.inputString("name")).contains("platform");
        assertThat(scope.inputString("backendType")).contains("AZURE_KEYVAULT");
        assertThat(scope.inputString("keyvaultMetadata.resourceId")).contains(VAULT_ID);
        assertThat(scope.inputString("keyvaultMetadata.dnsName")).contains("https://kv-ztp-dev.vault.azure.net/");
        assertThat(scope.inputs().getAsJsonObject("keyvaultMetadata").keySet())
                .containsExactlyInAnyOrder("resourceId", "dnsName");
    }

    @Test
    void secretValuesArriveOnlyAsSecrets() {
        var secret = plan.named("sp-secret");
        assertThat(secret.inputString("stringValue")).contains(Plan.SECRET_PLACEHOLDER);
        assertThat(secret.inputString("scope")).contains("landing");
        assertThat(secret.options().getAsJsonArray("additionalSecretOutputs").toString()).contains("\"stringValue\"");
        assertThat(plan.ofType(DatabricksProvider.TYPE).stream().filter(p -> p.name().equals("acct")).findFirst()
                .orElseThrow().inputString("azureClientSecret")).contains(Plan.SECRET_PLACEHOLDER);
        // What the program sends never holds the values in clear. (The plan's mockComputed column is not checked
        // here: the mocks echo inputs back without the engine's secret marking.)
        assertThat(plan.resources()).allSatisfy(r -> assertThat(r.inputs().toString()).as(r.urn())
                .doesNotContain(SECRET_VALUE).doesNotContain(CLIENT_SECRET));
    }

    @Test
    void providersCarryEntraIdAuthAndJsonEncodeNonStringInputs() {
        var providers = plan.ofType(DatabricksProvider.TYPE).stream()
                .collect(Collectors.toMap(Plan.PlanResource::name, r -> r));
        var ws = providers.get("ws");
        assertThat(ws.inputString("host")).contains("https://adb-1234567890123456.7.azuredatabricks.net");
        assertThat(ws.inputString("azureWorkspaceResourceId")).contains(WORKSPACE_ID);
        assertThat(ws.inputString("authType")).contains("azure-msi");
        // A generated Java SDK sends non-string provider inputs JSON-encoded: the engine sees the string "true".
        assertThat(ws.input("azureUseMsi").map(JsonElement::getAsJsonPrimitive).orElseThrow().isString()).isTrue();
        assertThat(ws.inputString("azureUseMsi")).contains("true");
        assertThat(ws.inputs().keySet()).doesNotContain("token", "accountId");

        var acct = providers.get("acct");
        assertThat(acct.inputString("host")).contains(DatabricksProvider.ACCOUNTS_HOST);
        assertThat(acct.inputString("accountId")).contains(ACCOUNT_ID);
        assertThat(acct.inputString("authType")).contains("azure-client-secret");
        assertThat(acct.inputs().keySet()).doesNotContain("token", "azureUseMsi", "azureWorkspaceResourceId");
    }

    @Test
    void nestedJobInputsUseTheSchemaWireNames() {
        var job = plan.named("mirror").inputs();
        var cluster = job.getAsJsonArray("jobClusters").get(0).getAsJsonObject();
        assertThat(cluster.get("jobClusterKey").getAsString()).isEqualTo("main");
        var newCluster = cluster.getAsJsonObject("newCluster");
        assertThat(newCluster.get("numWorkers").getAsInt()).isEqualTo(2);
        assertThat(newCluster.get("applyPolicyDefaultValues").getAsBoolean()).isTrue();
        assertThat(newCluster.getAsJsonObject("sparkConf").get("spark.databricks.delta.preview.enabled").getAsString())
                .isEqualTo("true");
        assertThat(newCluster.getAsJsonObject("azureAttributes").get("spotBidMaxPrice").getAsDouble()).isEqualTo(-1.0);
        var task = job.getAsJsonArray("tasks").get(0).getAsJsonObject();
        assertThat(task.getAsJsonObject("sparkJarTask").get("mainClassName").getAsString())
                .isEqualTo("com.ztplatform.landing.Mirror");
        assertThat(task.getAsJsonObject("sparkJarTask").getAsJsonArray("parameters")).hasSize(2);
        assertThat(task.getAsJsonArray("libraries").get(0).getAsJsonObject().get("jar").getAsString()).isEqualTo(JAR);
        assertThat(job.getAsJsonObject("schedule").get("quartzCronExpression").getAsString()).isEqualTo("0 0 2 * * ?");
        assertThat(job.getAsJsonObject("emailNotifications").getAsJsonArray("onFailures").get(0).getAsString())
                .isEqualTo("platform@example.com");
        assertThat(job.get("maxConcurrentRuns").getAsInt()).isEqualTo(1);
        assertThat(plan.named("egress-policy").inputString("egress.networkAccess.restrictionMode"))
                .contains("RESTRICTED_ACCESS");
        assertThat(plan.named("conf").inputString("customConfig.enableIpAccessLists")).contains("true");
    }

    @Test
    void callerOptionsWinAndListsAreMergedWithTheDefaults() {
        var overridden = MockRun.run(ctx -> new Secret("s", SecretArgs.builder().scope("a").key("b")
                .stringValue(Output.of("c")).build(),
                CustomResourceOptions.builder().version("1.107.0").additionalSecretOutputs("key").protect(true).build()));
        assertThat(overridden.errors()).isEmpty();
        var secret = overridden.named("s");
        assertThat(secret.options().get("version").getAsString()).isEqualTo("1.107.0");
        assertThat(secret.options().get("protect").getAsBoolean()).isTrue();
        assertThat(secret.options().getAsJsonArray("additionalSecretOutputs").toString())
                .contains("\"stringValue\"", "\"key\"");
        assertThat(secret.provider()).isEqualTo("default:databricks");
    }

    @Test
    void permissionsVolumeAndDirectorySendTheSchemaNames() {
        var permissions = plan.named("dir-read");
        assertThat(permissions.inputs().keySet()).containsExactlyInAnyOrder("directoryPath", "accessControls");
        var control = permissions.inputs().getAsJsonArray("accessControls").get(0).getAsJsonObject();
        assertThat(control.keySet()).containsExactlyInAnyOrder("servicePrincipalName", "permissionLevel");
        assertThat(control.get("permissionLevel").getAsString()).isEqualTo("CAN_READ");
        assertThat(plan.named("exports").inputs().keySet())
                .containsExactlyInAnyOrder("name", "catalogName", "schemaName", "volumeType", "comment");
        assertThat(plan.named("landing-dir").input("deleteRecursive").orElseThrow().getAsBoolean()).isFalse();
    }

    @Test
    void aGrantNamesOneSecurableAndThePrivilegesUnderTheSchemaNames() {
        var grant = plan.named("volume-read");
        assertThat(grant.inputs().keySet()).containsExactlyInAnyOrder("volume", "principal", "privileges");
        assertThat(grant.inputString("volume")).contains("main.raw.exports");
        assertThat(grant.input("privileges").orElseThrow().toString()).isEqualTo("[\"READ_VOLUME\"]");
    }
}
