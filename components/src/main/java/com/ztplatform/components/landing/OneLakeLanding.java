package com.ztplatform.components.landing;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.azurenative.storage.BlobContainerArgs;
import com.pulumi.azurenative.storage.BlobServiceProperties;
import com.pulumi.azurenative.storage.BlobServicePropertiesArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.inputs.DeleteRetentionPolicyArgs;
import com.pulumi.azurenative.storage.inputs.EncryptionArgs;
import com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.storage.inputs.ResourceAccessRuleArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Diagnostics;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.keyvault.StorageEncryption;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.databricks.DatabricksSpoke;
import com.ztplatform.databricks.ClusterPolicy;
import com.ztplatform.databricks.ClusterPolicyArgs;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.databricks.Directory;
import com.ztplatform.databricks.DirectoryArgs;
import com.ztplatform.databricks.Grant;
import com.ztplatform.databricks.GrantArgs;
import com.ztplatform.databricks.Job;
import com.ztplatform.databricks.JobArgs;
import com.ztplatform.databricks.JobJobClusterArgs;
import com.ztplatform.databricks.JobJobClusterNewClusterArgs;
import com.ztplatform.databricks.JobJobClusterNewClusterAzureAttributesArgs;
import com.ztplatform.databricks.JobRunAsArgs;
import com.ztplatform.databricks.Permissions;
import com.ztplatform.databricks.PermissionsAccessControlArgs;
import com.ztplatform.databricks.PermissionsArgs;
import com.ztplatform.databricks.SecretAcl;
import com.ztplatform.databricks.SecretAclArgs;
import com.ztplatform.databricks.JobScheduleArgs;
import com.ztplatform.databricks.JobTaskArgs;
import com.ztplatform.databricks.JobTaskLibraryArgs;
import com.ztplatform.databricks.JobTaskSparkJarTaskArgs;
import com.ztplatform.databricks.ServicePrincipal;
import com.ztplatform.databricks.ServicePrincipalArgs;
import com.ztplatform.databricks.WorkspaceFile;
import com.ztplatform.databricks.WorkspaceFileArgs;
import com.ztplatform.components.keyvault.KeyVaultScope;
import com.ztplatform.components.keyvault.KeyVaultScopeArgs;
import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.RuleCollection;
import com.ztplatform.components.firewall.RuleContribution;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;
import com.ztplatform.landing.contract.LandingUris;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mirrors real data from Databricks into a Microsoft Fabric lakehouse (OneLake).
 *
 * <ul>
 *   <li>Direct mode: one firewall rule collection ({@link #firewallContribution}, planned into the firewall) allowing only the
 *       OneLake DFS endpoint (global or regional) and the Entra login endpoint, only from the Databricks subnets; the
 *       serverless network policy picks the same names up from the firewall's rule set.</li>
 *   <li>Staged mode: a private ADLS Gen2 account (hierarchical namespace, shared keys off, public network access
 *       disabled, TLS 1.2, infrastructure encryption, versioning and soft delete, dfs and blob private endpoints)
 *       that Fabric reads through trusted workspace access (a resource access rule for the Fabric workspace).</li>
 *   <li>The service principal's credentials in the landing's own Key Vault ({@link KeyVaultScope}, label
 *       {@value #VAULT_LABEL}: private endpoint, no public network access, RBAC, purge protection, audit logs) behind
 *       its own Key Vault-backed secret scope {@value #SECRET_SCOPE}: READ on a Key Vault-backed scope covers every
 *       secret of the vault, so the run-as principal reads a vault that holds its credentials and nothing else.</li>
 *   <li>Workspace level ({@link #deployJobs}): the job jar uploaded as a workspace file into a
 *       folder only the platform can write ({@link #JAR_FOLDER}), a cluster policy the run-as principal may use, the
 *       mirror job (job cluster under the policy, run as the service principal) and the verification job.</li>
 * </ul>
 */
public class OneLakeLanding extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:landing:OneLakeLanding";
    /** Databricks Runtime 16.4 LTS, Scala 2.12: the runtime the landing job is built for (Spark 3.5.2). */
    public static final String SPARK_VERSION = "16.4.x-scala2.12";
    /** The job jar as the build leaves it, relative to the project root; the program uploads it from there. */
    public static final String JAR_SOURCE = "components/landing-job/target/zt-landing-job.jar";
    /**
     * The workspace folder of the job jar. Not under {@code /Shared}, where every user has CAN MANAGE: the jar runs
     * with the landing's credentials, so whoever can replace it can act as the landing. Only workspace admins can
     * create objects in the workspace root folder, and a folder there gives nobody else any permission
     * (learn.microsoft.com/azure/databricks/security/auth/access-control, folder permissions and special folders);
     * the run-as principal gets CAN READ on it and nothing more.
     */
    public static final String JAR_FOLDER = "/zt-platform/landing";
    /** The job jar's workspace path. */
    public static final String JAR_PATH = JAR_FOLDER + "/zt-landing-job.jar";
    /** The container of the staging account (staged mode) the job writes to. */
    public static final String STAGING_CONTAINER = "landing";
    /** The landing vault's label: its name is like ztp-dev-landing-kv. */
    public static final String VAULT_LABEL = "landing";
    /** The landing's own Key Vault-backed secret scope, the only scope its run-as principal may read. */
    public static final String SECRET_SCOPE = "onelake-landing";
    /** The resource id prefix of a Fabric workspace in a storage account's resource-access rules (trusted access). */
    public static final String FABRIC_TRUSTED_ACCESS_TEMPLATE =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/Fabric/providers/Microsoft.Fabric/workspaces/";

    static final List<String> INIT_SCRIPT_DESTINATIONS = List.of("workspace", "volumes", "abfss", "dbfs", "file",
            "s3", "gcs");
    static final List<String> ABFS_AUTH_KEYS = List.of("fs.azure.account.auth.type",
            "fs.azure.account.oauth.provider.type", "fs.azure.account.oauth2.client.id",
            "fs.azure.account.oauth2.client.secret", "fs.azure.account.oauth2.client.endpoint",
            "fs.azure.account.oauth2.msi.tenant", "fs.azure.account.oauth2.msi.endpoint");

    private final OneLakeLandingArgs args;
    private final Optional<StorageAccount> staging;
    private final Optional<KeyVaultScope> vault;
    private final Output<String> landingUri;
    private final Output<String> tenantId;
    private final List<Resource> credentials = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * The firewall rules the landing needs, for the stack's {@code EgressPlan}: in direct mode the Databricks subnets
     * reach OneLake and Entra ID over TLS; staged mode writes through a private endpoint and needs none. With
     * {@code oneLakeRegion} the rule allows exactly that region's DFS host: allowing the global name too would let
     * the job (or anything on the cluster) write around the residency the region was chosen for. Only the DFS host:
     * the job reads and writes through the ABFS driver ({@code abfss://}, the DFS endpoint) and never calls OneLake's
     * blob endpoint, so allowing {@code onelake.blob.fabric.microsoft.com} would only open a second way out.
     *
     * @param settings the landing settings
     * @return the rule collection for the firewall's plan; empty in staged mode
     */
    public static Optional<RuleContribution> firewallContribution(LandingSettings settings) {
        if (settings.mode() != LandingMode.DIRECT) {
            return Optional.empty();
        }
        return Optional.of(new RuleContribution("onelake", List.of(new RuleCollection("direct", 100, List.of(
                new FirewallRule.ApplicationRule("onelake", List.of(SourceGroups.DATABRICKS),
                        List.of(settings.oneLakeHost()),
                        List.of("Https:443"),
                        "OneLake landing (direct mode): the mirror job writes the lakehouse's Files over TLS"),
                new FirewallRule.ApplicationRule("entra-login", List.of(SourceGroups.DATABRICKS),
                        List.of(LandingUris.LOGIN_HOST), List.of("Https:443"),
                        "OneLake landing: OAuth client-credential tokens for the landing identity"))))));
    }

    /**
     * Creates the platform side of the landing: its credentials in the platform Key Vault (those Pulumi manages)
     * and, in staged mode, the private staging account; {@link #deployJobs} adds the workspace side.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public OneLakeLanding(String name, OneLakeLandingArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("OneLakeLanding", name, args.problems());
        this.args = args;
        var settings = args.settings();
        this.tenantId = AuthorizationFunctions.getClientConfig().applyValue(c -> c.tenantId());

        if (settings.mode() == LandingMode.DIRECT) {
            this.staging = Optional.empty();
            this.landingUri = Output.of(LandingUris.oneLakeRoot(settings.fabricWorkspace(), settings.lakehouse(),
                    settings.folder().orElse(null), settings.oneLakeRegion().orElse(null)));
        } else {
            var account = createStaging(name);
            this.staging = Optional.of(account);
            this.landingUri = account.name().applyValue(n -> LandingUris.stagedRoot(n, STAGING_CONTAINER,
                    settings.folder().orElse(null)));
        }

        // With a service principal the job reads its credentials from a Key Vault-backed scope. READ on such a scope
        // is READ on every secret of the vault behind it (learn.microsoft.com/azure/databricks/security/secrets/
        // secret-acl): the landing gets a vault of its own, with the platform vault's rules, holding only its
        // credentials. A managed identity needs no secret, so no vault.
        this.vault = settings.servicePrincipal() ? Optional.of(new KeyVaultScope(name + "-kv", KeyVaultScopeArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .naming(args.naming())
                .label(VAULT_LABEL)
                .azureDatabricksObjectId(args.azureDatabricksObjectId().orElse(null))
                .privateEndpointSubnetId(args.hub().privateEndpointSubnetId())
                .privateDnsZoneId(args.hub().privateDnsZoneId(PrivateDnsZones.KEY_VAULT))
                .common(args.common())
                .build(), ComponentResourceOptions.builder().parent(this).build())) : Optional.empty();
        vault.ifPresent(kv -> {
            credentials.add(kv.secret(name + "-tenant-id", LandingSettings.SECRET_TENANT_ID, tenantId, this));
            credentials.add(kv.secret(name + "-client-id", LandingSettings.SECRET_CLIENT_ID,
                    Output.of(settings.servicePrincipalClientId().orElseThrow()), this));
            args.clientSecret().ifPresentOrElse(
                    secret -> credentials.add(kv.secret(name + "-client-secret",
                            LandingSettings.SECRET_CLIENT_SECRET, secret, this)),
                    () -> warnings.add("OneLakeLanding '" + name + "': the client secret is not managed by Pulumi; set "
                            + "secret '" + LandingSettings.SECRET_CLIENT_SECRET + "' in the landing's Key Vault ("
                            + args.naming().name(ResourceKind.KEY_VAULT, VAULT_LABEL, "kv") + ", from inside the network) "
                            + "or run: pulumi config set --secret landingClientSecret"));
        });
        registerOutputs(Map.of("landingUri", landingUri));
    }

    private StorageAccount createStaging(String name) {
        var settings = args.settings();
        var tags = args.common().sortedTags();
        // Customer-managed key, as every account of the platform (StorageEncryption): an identity of the account's
        // own that may use this key only, granted before the account exists. Without a key (the landing built alone,
        // in tests), Microsoft-managed keys with infrastructure encryption.
        var cmk = args.stagingKey().map(key -> StorageEncryption.create(name + "-staging", key, args.resourceGroupName(),
                args.location(), args.naming().name(ResourceKind.USER_ASSIGNED_IDENTITY, "landing", "cmk", "id"), tags,
                "the landing staging account wraps its data keys with this key (this key only)", this));
        var accountArgs = StorageAccountArgs.builder();
        cmk.ifPresent(c -> accountArgs.identity(c.identityArgs()));
        var account = new StorageAccount(name + "-staging", com.ztplatform.components.common.StorageBaseline
                .apply(accountArgs)
                .isHnsEnabled(true)
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .accountName(stagingAccountName(args.naming()))
                .sku(SkuArgs.builder().name("Standard_ZRS").build())
                // "Enabled from selected networks" with no network selected: Fabric trusted workspace access (the
                // resource instance rule below) is ignored when public network access is Disabled
                // (learn.microsoft.com/fabric/security/security-trusted-workspace-access). Default Deny with no IP
                // or VNet rule and no bypass: the Fabric workspace is the only thing the public endpoint admits;
                // everything of ours uses the private endpoints.
                .publicNetworkAccess("Enabled")
                .encryption(cmk.map(StorageEncryption::encryptionArgs).orElseGet(() -> EncryptionArgs.builder()
                        .requireInfrastructureEncryption(true).keySource("Microsoft.Storage").build()))
                // Deny everything from networks; Fabric reads through trusted workspace access, which is this
                // resource access rule naming the Fabric workspace (Fabric's fixed pseudo-resource id form).
                .networkRuleSet(NetworkRuleSetArgs.builder()
                        .defaultAction(com.pulumi.azurenative.storage.enums.DefaultAction.Deny)
                        .bypass("None")
                        .ipRules(List.of())
                        .virtualNetworkRules(List.of())
                        .resourceAccessRules(ResourceAccessRuleArgs.builder()
                                .tenantId(tenantId)
                                .resourceId(FABRIC_TRUSTED_ACCESS_TEMPLATE + settings.fabricWorkspace())
                                .build())
                        .build())
                .tags(tags)
                .build(), StorageEncryption.replacedWhenFixedInputsChange(CustomResourceOptions.builder().parent(this)
                        .protect(args.common().protect()))
                .dependsOn(cmk.map(c -> List.<Resource>of(c.keyGrant())).orElse(List.of())).build());
        var blobService = new BlobServiceProperties(name + "-staging-blob", BlobServicePropertiesArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .accountName(account.name())
                .blobServicesName("default")
                // Blob versioning is not available on accounts with a hierarchical namespace (Azure rejects it);
                // soft delete for blobs and containers plus the job's never-overwritten run folders stand in.
                .isVersioningEnabled(false)
                .deleteRetentionPolicy(DeleteRetentionPolicyArgs.builder().enabled(true).days(30).build())
                .containerDeleteRetentionPolicy(DeleteRetentionPolicyArgs.builder().enabled(true).days(30).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        Diagnostics.sendStorage(name + "-staging-diag", account.id(), args.common(), this, blobService);
        var container = new BlobContainer(name + "-staging-container", BlobContainerArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .accountName(account.name())
                .containerName(STAGING_CONTAINER)
                .publicAccess(com.pulumi.azurenative.storage.enums.PublicAccess.None)
                .build(), CustomResourceOptions.builder().parent(this).build());
        var hub = args.hub();
        new PrivateEndpointSet(name + "-staging-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(args.resourceGroupName()).location(args.location()).naming(args.naming())
                .targetName("landing").targetType(PrivateLinkTarget.STORAGE_ACCOUNT).targetId(account.id())
                .endpoints(List.of(new EndpointSpec("dfs", "dfs", hub.privateEndpointSubnetId(), hub.privateDnsZoneId(PrivateDnsZones.DFS)),
                        new EndpointSpec("blob", "blob", hub.privateEndpointSubnetId(), hub.privateDnsZoneId(PrivateDnsZones.BLOB))))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());
        settings.servicePrincipalObjectId().ifPresent(objectId -> RoleGrants.assign(name + "-job-writes", container.id(),
                Output.of(objectId), RoleGrants.STORAGE_BLOB_DATA_CONTRIBUTOR,
                "the landing job writes the staged data (this container only)", this));
        // Trusted workspace access: the principal the OneLake shortcut authenticates with needs Storage Blob Data
        // Reader, Contributor or Owner at the storage ACCOUNT scope, or Storage Blob Delegator at the account scope
        // plus access to the folder (a container-scope role or ACLs)
        // (https://learn.microsoft.com/fabric/security/security-trusted-workspace-access, "Configure trusted workspace
        // access in ADLS Gen2", prerequisites). Reader at account scope is the read-only option with one assignment;
        // the account holds only the staging container, so it is no wider than the container in practice.
        settings.fabricWorkspaceIdentityObjectId().ifPresentOrElse(objectId -> RoleGrants.assign(name + "-fabric-reads",
                        account.id(), Output.of(objectId), RoleGrants.STORAGE_BLOB_DATA_READER,
                        "Fabric's workspace identity reads the staged data through a OneLake shortcut", this),
                () -> warnings.add("OneLakeLanding '" + name + "': no fabricWorkspaceIdentityObjectId, so the Fabric "
                        + "workspace identity is not granted read access to the staging account; grant it Storage Blob "
                        + "Data Reader on the account before creating the OneLake shortcut"));
        return account;
    }

    /**
     * The workspace-level part: the job jar, a cluster policy and the mirror and verification jobs, in the
     * workspace the provider talks to (needs network reach to the workspace: not during bootstrap).
     *
     * <p>With a service principal identity this also creates the landing's own Key Vault-backed secret scope
     * ({@value #SECRET_SCOPE}, backed by the landing vault) in that workspace: the jobs read their credentials from
     * it and the run-as principal may read no other scope.
     *
     * @param name        prefix of the resources' logical names
     * @param workspace   the spoke whose workspace runs the jobs
     * @param provider    the workspace-level Databricks provider
     * @param jobJar      the built job jar: uploaded from its source, its SHA-256 passed to both jobs, which check the
     *                    jar they run from against it before anything else
     * @param egressIps   the firewall's egress IPs the verification compares the cluster's egress IP with
     * @param after       resources the workspace-level part waits for (like the workspace's hardening)
     * @return the mirror and verification jobs
     */
    public List<Job> deployJobs(String name, DatabricksSpoke workspace, DatabricksProvider provider, JobJar jobJar,
                                Output<List<String>> egressIps, List<Resource> after) {
        java.util.Objects.requireNonNull(jobJar, "deployJobs: jobJar is required, like JobJar.built(projectRoot)");
        var settings = args.settings();
        var waitFor = new ArrayList<Resource>(after);
        waitFor.addAll(credentials);
        var opts = CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(waitFor).build();
        var env = args.naming().environment();

        var folder = new Directory(name + "-jar-folder", DirectoryArgs.builder()
                .path(JAR_FOLDER)
                .deleteRecursive(false)
                .build(), opts);
        var jar = new WorkspaceFile(name + "-jar", WorkspaceFileArgs.builder()
                .path(JAR_PATH)
                .source(jobJar.source())
                .build(), CustomResourceOptions.merge(opts, CustomResourceOptions.builder().dependsOn(folder).build()));
        var policy = new ClusterPolicy(name + "-policy", ClusterPolicyArgs.builder()
                .name(args.naming().prefix() + "-" + env + "-landing")
                .description("OneLake landing job clusters: fixed runtime, single user, no init scripts, encrypted "
                        + "local disks, on-demand VMs; no public IPs (workspace-level secure cluster connectivity)")
                .definition(clusterPolicy(env, args.settings().oneLakeHost()))
                .build(), opts);
        String runAs = settings.servicePrincipalClientId().orElse(null);
        if (settings.servicePrincipal()) {
            var principal = new ServicePrincipal(name + "-sp", ServicePrincipalArgs.builder()
                    .applicationId(runAs)
                    .displayName(args.naming().prefix() + "-" + env + "-onelake-landing")
                    .allowClusterCreate(false)
                    .databricksSqlAccess(false)
                    .workspaceAccess(true)
                    .build(), opts);
            // A Key Vault-backed scope gives MANAGE only to its creator (the deploying identity); the jobs run as the
            // service principal and read their credentials from the scope, so it needs READ, nothing more
            // (learn.microsoft.com/azure/databricks/security/secrets/secret-acl). READ covers every secret of the
            // vault the scope fronts: this scope fronts the landing's own vault, which holds only its credentials.
            var scope = vault.orElseThrow().secretScope(name + "-scope", SECRET_SCOPE, provider, this);
            var acl = new SecretAcl(name + "-scope-read", SecretAclArgs.builder()
                    .scope(SECRET_SCOPE)
                    .principal(principal.applicationId())
                    .permission("READ")
                    .build(), CustomResourceOptions.merge(opts, CustomResourceOptions.builder().dependsOn(principal, scope).build()));
            var grants = grantSourceAccess(name, principal, opts);
            var ready = new ArrayList<Resource>(grants);
            ready.add(acl);
            opts = CustomResourceOptions.merge(opts, CustomResourceOptions.builder().dependsOn(ready).build());
            // databricks_permissions is authoritative for its object (it replaces the object's access list; admins and
            // the owner keep CAN MANAGE): right for a policy and a folder this component owns, never for shared ones.
            // CAN USE on the policy lets the run-as principal start the job clusters under it
            // (learn.microsoft.com/azure/databricks/admin/clusters/policies, "Manage policy permissions").
            var policyUse = new Permissions(name + "-policy-use", PermissionsArgs.builder()
                    .clusterPolicyId(policy.id())
                    .accessControls(PermissionsAccessControlArgs.builder()
                            .servicePrincipalName(principal.applicationId())
                            .permissionLevel("CAN_USE")
                            .build())
                    .build(), CustomResourceOptions.merge(opts, CustomResourceOptions.builder().dependsOn(principal, policy).build()));
            // CAN READ on the jar's folder: the principal loads the jar, and cannot replace it.
            var jarRead = new Permissions(name + "-jar-read", PermissionsArgs.builder()
                    .directoryPath(JAR_FOLDER)
                    .accessControls(PermissionsAccessControlArgs.builder()
                            .servicePrincipalName(principal.applicationId())
                            .permissionLevel("CAN_READ")
                            .build())
                    .build(), CustomResourceOptions.merge(opts, CustomResourceOptions.builder().dependsOn(principal, folder).build()));
            opts = CustomResourceOptions.merge(opts, CustomResourceOptions.builder().dependsOn(policyUse, jarRead).build());
        }
        var config = staging.isPresent() ? staging.get().name() : Output.of("");
        var configJson = Output.tuple(config, tenantId).applyValue(t -> settings.jobConfigJson(SECRET_SCOPE,
                args.settings().mode() == LandingMode.STAGED ? Optional.of(t.t1) : Optional.empty(), STAGING_CONTAINER, t.t2));
        var mirror = job(name + "-mirror", "mirror", "com.ztplatform.landing.MirrorJob", settings.schedule(),
                configJson.applyValue(c -> concat(List.of("--config", c), jobJar.parameters(),
                        List.of("--run-id", "{{job.run_id}}"))), jar, policy, runAs, opts);
        var verifyParams = Output.tuple(configJson, egressIps).applyValue(t -> {
            var params = new ArrayList<>(List.of("--config", t.t1));
            params.addAll(jobJar.parameters());
            params.addAll(List.of("--expected-egress-ips", String.join(",", t.t2),
                    "--cluster-subnets", String.join(",", workspace.layout().cidr(
                            com.ztplatform.components.databricks.SpokeLayout.HOST).toString(),
                            workspace.layout().cidr(com.ztplatform.components.databricks.SpokeLayout.CONTAINER).toString())));
            settings.verifyEchoUrl().ifPresent(url -> {
                params.add("--egress-echo-url");
                params.add(url);
            });
            return List.copyOf(params);
        });
        var verify = job(name + "-verify", "verify", "com.ztplatform.landing.VerifyJob", null, verifyParams, jar, policy,
                runAs, opts);
        return List.of(mirror, verify);
    }

    /**
     * Unity Catalog privileges of the run-as principal on exactly the configured sources (one non-authoritative
     * grant per securable, so other principals' grants on shared catalogs are untouched).
     */
    private List<Grant> grantSourceAccess(String name, ServicePrincipal principal, CustomResourceOptions opts) {
        var plan = UnityCatalogGrants.plan(args.settings().sources());
        var out = new ArrayList<Grant>();
        for (var g : plan.grants()) {
            var builder = GrantArgs.builder().principal(principal.applicationId()).privileges(g.privileges());
            switch (g.kind()) {
                case CATALOG -> builder.catalog(g.securable());
                case SCHEMA -> builder.schema(g.securable());
                case TABLE -> builder.table(g.securable());
                case VOLUME -> builder.volume(g.securable());
            }
            out.add(new Grant(name + "-uc-" + g.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + g.securable(),
                    builder.build(), CustomResourceOptions.merge(opts,
                    CustomResourceOptions.builder().dependsOn(principal).build())));
        }
        plan.externalPaths().forEach(path -> warnings.add("OneLakeLanding '" + name + "': source " + path + " is not"
                + " a Unity Catalog volume; the landing service principal needs READ FILES on the external location"
                + " that covers it (granted by the location's owner)"));
        return out;
    }

    private static List<String> concat(List<String> first, List<String> second, List<String> third) {
        var all = new ArrayList<String>(first);
        all.addAll(second);
        all.addAll(third);
        return List.copyOf(all);
    }

    private Job job(String logicalName, String kind, String mainClass, @Nullable String schedule,
                    Output<List<String>> parameters, WorkspaceFile jar, ClusterPolicy policy, @Nullable String runAs,
                    CustomResourceOptions opts) {
        var env = args.naming().environment();
        // The stack's mandatory tags on the job and its clusters, so their cost lands on the right cost centre.
        var tags = new java.util.TreeMap<String, String>(args.common().sortedTags());
        tags.put("purpose", "onelake-landing");
        var cluster = JobJobClusterNewClusterArgs.builder()
                .sparkVersion(SPARK_VERSION)
                .nodeTypeId("Standard_D4ds_v5")
                .numWorkers(1)
                .policyId(policy.id())
                .applyPolicyDefaultValues(true)
                .dataSecurityMode("SINGLE_USER")
                .azureAttributes(JobJobClusterNewClusterAzureAttributesArgs.builder()
                        .availability("ON_DEMAND_AZURE").build())
                .customTags(tags);
        if (runAs != null) {
            // Without a run-as service principal (identity managed) the job runs as its owner, and a single-user
            // job cluster is assigned to the run's identity.
            cluster.singleUserName(runAs);
        }
        var builder = JobArgs.builder()
                .name(args.naming().prefix() + "-" + env + "-onelake-" + kind)
                .maxConcurrentRuns(1)
                .timeoutSeconds(4 * 3600)
                .jobClusters(JobJobClusterArgs.builder()
                        .jobClusterKey("landing")
                        .newCluster(cluster.build())
                        .build())
                .tasks(JobTaskArgs.builder()
                        .taskKey(kind)
                        .jobClusterKey("landing")
                        .sparkJarTask(JobTaskSparkJarTaskArgs.builder().mainClassName(mainClass).parameters(parameters).build())
                        .libraries(JobTaskLibraryArgs.builder().jar(jar.workspacePath()).build())
                        .maxRetries(kind.equals("mirror") ? 1 : 0)
                        .build())
                .tags(tags);
        if (schedule != null) {
            builder.schedule(JobScheduleArgs.builder().quartzCronExpression(schedule)
                    .timezoneId(args.settings().timezone()).pauseStatus("UNPAUSED").build());
        }
        if (runAs != null) {
            builder.runAs(JobRunAsArgs.builder().servicePrincipalName(runAs).build());
        }
        return new Job(logicalName, builder.build(), opts);
    }

    /** The cluster policy definition (Databricks policy JSON), for the OneLake host the job writes to. */
    static String clusterPolicy(String environment, String oneLakeHost) {
        var policy = new LinkedHashMap<String, Object>();
        policy.put("spark_version", Map.of("type", "fixed", "value", SPARK_VERSION));
        policy.put("node_type_id", Map.of("type", "allowlist", "values", List.of("Standard_D4ds_v5", "Standard_D8ds_v5"),
                "defaultValue", "Standard_D4ds_v5"));
        policy.put("num_workers", Map.of("type", "range", "minValue", 1, "maxValue", 4, "defaultValue", 1));
        policy.put("data_security_mode", Map.of("type", "fixed", "value", "SINGLE_USER"));
        policy.put("azure_attributes.availability", Map.of("type", "fixed", "value", "ON_DEMAND_AZURE"));
        policy.put("enable_local_disk_encryption", Map.of("type", "fixed", "value", true));
        // Only job clusters: the landing credentials must never sit behind an interactive cluster someone attaches
        // a notebook to. cluster_type is a policy virtual attribute (all-purpose, job, dlt), and every init-script
        // destination type the Clusters API knows is forbidden, not only workspace files and volumes; a custom
        // container or SSH key would replace or enter the runtime the jar trusts
        // (learn.microsoft.com/azure/databricks/admin/clusters/policy-definition).
        policy.put("cluster_type", Map.of("type", "fixed", "value", "job"));
        for (var destination : INIT_SCRIPT_DESTINATIONS) {
            policy.put("init_scripts.*." + destination + ".destination", Map.of("type", "forbidden"));
        }
        policy.put("docker_image.url", Map.of("type", "forbidden"));
        policy.put("ssh_public_keys.*", Map.of("type", "forbidden"));
        // The job sets the ABFS OAuth keys itself, per host, from the secret scope. A cluster-level value would win
        // for every reader on the cluster or send the token request elsewhere: forbid the keys that pick the auth
        // type, token provider, client and token endpoint, generic and for the OneLake host.
        for (var key : ABFS_AUTH_KEYS) {
            policy.put("spark_conf." + key, Map.of("type", "forbidden"));
            policy.put("spark_conf." + key + "." + oneLakeHost, Map.of("type", "forbidden"));
            policy.put("spark_conf.spark.hadoop." + key, Map.of("type", "forbidden"));
        }
        policy.put("custom_tags.environment", Map.of("type", "fixed", "value", environment));
        return Json.write(policy);
    }

    /**
     * Where the data lands.
     *
     * @return like abfss://ws@onelake.dfs.fabric.microsoft.com/lh.Lakehouse/Files/LandingZone
     */
    public Output<String> landingUri() {
        return landingUri;
    }

    /**
     * The identity to grant in Fabric (the service principal's object id), when a service principal is used.
     *
     * @return the object id, or empty
     */
    public Optional<String> identityObjectId() {
        return args.settings().servicePrincipalObjectId();
    }

    /**
     * The landing's own Key Vault (service principal identity), holding only the landing's credentials.
     *
     * @return the vault; empty with a managed identity
     */
    public Optional<KeyVaultScope> keyVault() {
        return vault;
    }

    /**
     * The name of the staging storage account (staged mode): {@code <prefix><environment>landing} and the stack's global suffix, like
     * {@code ztpprodlandingym4ky}. Defined here once: the stack's Azure Policy exemptions name the account by it.
     *
     * @param naming prefix, environment and global suffix
     * @return the storage account name
     */
    public static String stagingAccountName(com.ztplatform.components.naming.Naming naming) {
        return naming.name(ResourceKind.STORAGE_ACCOUNT, "landing");
    }

    /**
     * The staging account id (staged mode), for the serverless NCC private endpoint rules.
     *
     * @return the account's ARM id; empty in direct mode
     */
    public Optional<Output<String>> stagingAccountId() {
        return staging.map(StorageAccount::id);
    }

    /**
     * What the component noticed but did not fail on (like a client secret Pulumi does not manage).
     *
     * @return the warnings, which the stack logs
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
