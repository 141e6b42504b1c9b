package com.ztplatform.components.integration;

import com.ztplatform.components.common.BuiltInRole;
import com.pulumi.azurenative.insights.Component;
import com.pulumi.azurenative.insights.ComponentArgs;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.DelegationArgs;
import com.pulumi.azurenative.network.inputs.RouteTableArgs;
import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.azurenative.storage.BlobContainerArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.enums.PublicAccess;
import com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.azurenative.web.AppServicePlan;
import com.pulumi.azurenative.web.AppServicePlanArgs;
import com.pulumi.azurenative.web.WebApp;
import com.pulumi.azurenative.web.WebAppArgs;
import com.pulumi.azurenative.web.WebAppFtpAllowed;
import com.pulumi.azurenative.web.WebAppFtpAllowedArgs;
import com.pulumi.azurenative.web.WebAppScmAllowed;
import com.pulumi.azurenative.web.WebAppScmAllowedArgs;
import com.pulumi.azurenative.web.enums.FtpsState;
import com.pulumi.azurenative.web.enums.ManagedServiceIdentityType;
import com.pulumi.azurenative.web.enums.SupportedTlsVersions;
import com.pulumi.azurenative.web.inputs.ManagedServiceIdentityArgs;
import com.pulumi.azurenative.web.inputs.NameValuePairArgs;
import com.pulumi.azurenative.web.inputs.SiteConfigArgs;
import com.pulumi.azurenative.web.inputs.SkuDescriptionArgs;
import com.pulumi.core.Output;
import com.ztplatform.components.common.Diagnostics;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.firewall.RuleContribution;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.keyvault.StorageEncryption;
import com.ztplatform.components.network.NsgRule;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * A Java function app that is reachable only through its private endpoint, leaves only through the firewall and holds
 * no key or connection string.
 *
 * <ul>
 *   <li>Plan: a dedicated Linux App Service plan (Premium v3). Consumption and Elastic Premium keep the app's content on
 *       an Azure Files share whose setting ({@code WEBSITE_CONTENTAZUREFILECONNECTIONSTRING}) is a connection string
 *       with the account key, and Azure Files over SMB takes no managed identity; a dedicated plan has no content share
 *       (learn.microsoft.com/azure/azure-functions/storage-considerations, "Storage account requirements" and
 *       learn.microsoft.com/azure/azure-functions/functions-app-settings#website_contentazurefileconnectionstring).
 *       Premium v3 has VNet integration and private endpoints (learn.microsoft.com/azure/app-service/overview-vnet-integration).
 *       The code runs from a package blob fetched with the identity
 *       ({@code WEBSITE_RUN_FROM_PACKAGE} + {@code WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID},
 *       learn.microsoft.com/azure/azure-functions/run-functions-from-deployment-package).</li>
 *   <li>Network out: a VNet of its own peered with the hub, whose subnet is delegated to
 *       {@code Microsoft.Web/serverFarms} (learn.microsoft.com/azure/app-service/configure-vnet-integration-enable) and
 *       routes {@code 0.0.0.0/0} to the firewall; {@code vnetRouteAllEnabled} sends all the app's outbound traffic
 *       through that route. The firewall has the subnet as its own source group with no rule
 *       ({@link #firewallContribution}): deny by default.</li>
 *   <li>Network in: public network access Disabled; a {@code sites} private endpoint in the hub, registered in
 *       {@value PrivateDnsZones#WEB_SITES}. HTTPS only, TLS 1.2, FTP(S) off, basic publishing credentials (FTP and SCM)
 *       off, so deployments authenticate with Entra ID.</li>
 *   <li>Storage: an account of its own with shared keys off and public network access Disabled, reached through blob,
 *       queue and table private endpoints; the host connects with the identity
 *       ({@code AzureWebJobsStorage__accountName}, {@code __credential}, {@code __clientId};
 *       learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity).</li>
 *   <li>Identity: one user-assigned identity. On the namespace: Azure Service Bus Data Sender and Receiver; on the
 *       vault: Key Vault Secrets User; nothing else outside the app's own resources (its storage account's data roles,
 *       which the host needs, and Monitoring Metrics Publisher on its Application Insights, which takes Entra ID
 *       tokens only).</li>
 *   <li>Telemetry: a workspace-based Application Insights component on the platform's Log Analytics workspace with
 *       local authentication off; the app authenticates with {@code APPLICATIONINSIGHTS_AUTHENTICATION_STRING}
 *       (learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication). Ingestion from public networks is
 *       Disabled: the telemetry arrives through the platform's Azure Monitor Private Link Scope, whose scoped
 *       resources include this component ({@link #insightsId}). Queries stay open to authenticated operators, like the
 *       platform workspace's: the portal's Application Insights views run in the operator's browser, which is on the
 *       platform's network only over the VPN.</li>
 * </ul>
 */
public class PrivateFunctionApp extends ComponentResource {
    /** The ARM id of the component's own VNet (flow logs target it). */
    private Output<String> vnetId;
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:integration:PrivateFunctionApp";
    /** The integration subnet's name. */
    public static final String SUBNET = "snet-function-integration";
    /** The container of the deployment package. */
    public static final String PACKAGE_CONTAINER = "deployments";
    /** The name of the Service Bus connection the function's trigger refers to ({@code connection} in function.json). */
    public static final String SERVICE_BUS_CONNECTION = "ServiceBusConnection";
    /** Linux runtime stack: Java 17, pinned. */
    public static final String LINUX_FX_VERSION = "Java|17";

    /** Key Vault Secrets User (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
    public static final String KEY_VAULT_SECRETS_USER = BuiltInRole.KEY_VAULT_SECRETS_USER.guid();
    /** Storage Blob Data Owner: the host's keys, leases and the package. */
    public static final String STORAGE_BLOB_DATA_OWNER = BuiltInRole.STORAGE_BLOB_DATA_OWNER.guid();
    /** Storage Queue Data Contributor: the host's internal queues. */
    public static final String STORAGE_QUEUE_DATA_CONTRIBUTOR = BuiltInRole.STORAGE_QUEUE_DATA_CONTRIBUTOR.guid();
    /** Storage Table Data Contributor: the host's diagnostic events. */
    public static final String STORAGE_TABLE_DATA_CONTRIBUTOR = BuiltInRole.STORAGE_TABLE_DATA_CONTRIBUTOR.guid();
    /** Monitoring Metrics Publisher: telemetry into an Application Insights component with local auth off. */
    public static final String MONITORING_METRICS_PUBLISHER = BuiltInRole.MONITORING_METRICS_PUBLISHER.guid();

    /** Application Insights ingestion from public networks: off, telemetry comes through the private link scope. */
    public static final String INGESTION_NETWORK_ACCESS = "Disabled";
    /** Application Insights queries from public networks: on, for authenticated operators (see the class comment). */
    public static final String QUERY_NETWORK_ACCESS = "Enabled";

    private final WebApp app;
    private final Output<String> insightsId;
    private final UserAssignedIdentity identity;
    private final String storageAccountName;
    private final Output<String> storageAccountId;

    /**
     * The integration subnet as a firewall source group of its own.
     *
     * @param addressSpace the integration VNet, like 10.111.0.0/26
     * @return the sources entry for the firewall's plan
     */
    public static EgressPlan.Sources egressSources(String addressSpace) {
        return new EgressPlan.Sources(SourceGroups.INTEGRATION, "integration",
                List.of(FunctionAppArgs.integrationSubnet(addressSpace).toString()));
    }

    /**
     * The firewall rules the functions get: none. Everything the runtime uses is a private endpoint (its storage, the
     * namespace, the vault, and Application Insights through the platform's Azure Monitor Private Link Scope,
     * {@link com.ztplatform.components.monitoring.MonitorPrivateLinkScope}); managed-identity tokens come from the
     * platform's local identity endpoint, not over the VNet (learn.microsoft.com/azure/app-service/overview-managed-identity).
     * Application Insights' public ingestion hosts are regional, numbered and shared by every tenant: a rule for them
     * would need a wildcard or an uncatalogued shared name, both an exfiltration path the policy pack refuses
     * ({@code firewall-no-wildcard-rules}, {@code firewall-destinations-known}), so there is none; without the scope
     * the firewall denies the telemetry.
     *
     * @return no rule collection: the {@code integration} source group is denied everything
     */
    public static java.util.Optional<RuleContribution> firewallContribution() {
        return java.util.Optional.empty();
    }

    /**
     * Creates the integration VNet and subnet, the identity and its grants, the storage account, Application Insights,
     * the plan, the function app and its private endpoints.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public PrivateFunctionApp(String name, FunctionAppArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("PrivateFunctionApp", name, args.problems());
        var naming = args.naming();
        var rg = args.resourceGroupName();
        var tags = args.common().sortedTags();
        var child = CustomResourceOptions.builder().parent(this).build();
        var protect = CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build();
        var hub = args.hub();

        // Network: the integration VNet, resolving through the firewall's DNS proxy where it runs one and through
        // the hub's zones (linked) otherwise.
        var vnetArgs = VirtualNetworkArgs.builder().resourceGroupName(rg).location(args.location())
                .virtualNetworkName(naming.name(ResourceKind.VIRTUAL_NETWORK, "integration", "vnet"))
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(args.addressSpace()).build())
                .tags(tags);
        args.egress().dnsServers().ifPresent(servers -> vnetArgs.dhcpOptions(
                com.pulumi.azurenative.network.inputs.DhcpOptionsArgs.builder().dnsServers(servers).build()));
        var vnet = new VirtualNetwork(name + "-vnet", vnetArgs.build(), child);
        this.vnetId = vnet.id();
        Diagnostics.send(name + "-vnet-diag", "Microsoft.Network/virtualNetworks", vnet.id(), args.common(), this);
        // The subnet only carries the app's outbound connections: nothing may arrive in it.
        var nsg = new NetworkSecurityGroup(name + "-nsg", NetworkSecurityGroupArgs.builder().resourceGroupName(rg)
                .location(args.location())
                .networkSecurityGroupName(naming.name(ResourceKind.NETWORK_SECURITY_GROUP, "integration", "nsg"))
                .securityRules(List.of(NsgRule.denyIn("DenyAllInbound", 4096,
                        "VNet integration carries outbound traffic only").toArgs()))
                .tags(tags).build(), child);
        Diagnostics.send(name + "-nsg-diag", "Microsoft.Network/networkSecurityGroups", nsg.id(), args.common(), this);
        var subnet = new Subnet(name + "-snet", SubnetArgs.builder().resourceGroupName(rg).virtualNetworkName(vnet.name())
                .subnetName(SUBNET).addressPrefix(FunctionAppArgs.integrationSubnet(args.addressSpace()).toString())
                .delegations(DelegationArgs.builder().name("serverfarms").serviceName("Microsoft.Web/serverFarms").build())
                .networkSecurityGroup(com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder()
                        .id(nsg.id()).build())
                .routeTable(RouteTableArgs.builder().id(args.egress().routeTableId()).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(vnet).build());
        hub.peerWith(name, "integration", rg, vnet, this, subnet);
        hub.linkVirtualNetwork("integration", vnet.id(), this, Set.of());

        this.identity = new UserAssignedIdentity(name + "-identity", UserAssignedIdentityArgs.builder()
                .resourceGroupName(rg).location(args.location())
                .resourceName(naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "func", "id"))
                .tags(tags).build(), child);
        var principal = identity.principalId();

        // The functions' own storage: identity only, private only.
        this.storageAccountName = accountName(naming);
        // Customer-managed key: the host storage (AzureWebJobsStorage, the package blob) is an ordinary account to the
        // Functions host, which uses it through the identity; Azure Functions documents running from a package in an
        // account encrypted with customer-managed keys
        // (learn.microsoft.com/azure/azure-functions/configure-encrypt-at-rest-using-cmk).
        var cmk = StorageEncryption.create(name + "-storage", args.storageKey(), rg, args.location(),
                naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "func", "cmk", "id"), tags,
                "the functions' host storage account wraps its data keys with this key (this key only)", this);
        var account = new StorageAccount(name + "-storage", StorageAccountArgs.builder()
                .resourceGroupName(rg).location(args.location()).accountName(storageAccountName)
                .kind("StorageV2").sku(SkuArgs.builder().name(args.storageSku()).build())
                .allowSharedKeyAccess(false)
                .defaultToOAuthAuthentication(true)
                .allowBlobPublicAccess(false)
                .allowCrossTenantReplication(false)
                .publicNetworkAccess("Disabled")
                .minimumTlsVersion("TLS1_2")
                .enableHttpsTrafficOnly(true)
                .identity(cmk.identityArgs())
                .encryption(cmk.encryptionArgs())
                .networkRuleSet(NetworkRuleSetArgs.builder().defaultAction(
                        com.pulumi.azurenative.storage.enums.DefaultAction.Deny).bypass("None").build())
                .tags(tags).build(), cmk.accountOptions(this, args.common().protect()));
        this.storageAccountId = account.id();
        Diagnostics.sendStorage(name + "-storage-diag", account.id(), args.common(), this);
        new BlobContainer(name + "-packages", BlobContainerArgs.builder().resourceGroupName(rg)
                .accountName(account.name()).containerName(PACKAGE_CONTAINER).publicAccess(PublicAccess.None).build(),
                child);
        new PrivateEndpointSet(name + "-storage-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(rg).location(args.location()).naming(naming)
                .targetName("func-storage").targetType(PrivateLinkTarget.STORAGE_ACCOUNT).targetId(account.id())
                .endpoints(List.of(
                        new EndpointSpec("blob", "blob", hub.privateEndpointSubnetId(), hub.privateDnsZoneId(PrivateDnsZones.BLOB)),
                        new EndpointSpec("queue", "queue", hub.privateEndpointSubnetId(), hub.privateDnsZoneId(PrivateDnsZones.QUEUE)),
                        new EndpointSpec("table", "table", hub.privateEndpointSubnetId(), hub.privateDnsZoneId(PrivateDnsZones.TABLE))))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());

        var insightsArgs = ComponentArgs.builder().resourceGroupName(rg).location(args.location())
                .resourceName(naming.name(ResourceKind.APPLICATION_INSIGHTS, "func", "appi"))
                .kind("web").applicationType("web")
                .ingestionMode("LogAnalytics")
                .disableLocalAuth(true)
                // Telemetry only through the Azure Monitor Private Link Scope (its endpoint in the hub).
                .publicNetworkAccessForIngestion(INGESTION_NETWORK_ACCESS)
                .publicNetworkAccessForQuery(QUERY_NETWORK_ACCESS)
                .tags(tags);
        args.common().logAnalyticsWorkspaceId().ifPresent(insightsArgs::workspaceResourceId);
        var insights = new Component(name + "-appi", insightsArgs.build(), child);
        this.insightsId = insights.id();

        var grants = new ArrayList<com.pulumi.resources.Resource>();
        grants.add(RoleGrants.assign(name + "-grant-bus-sender", args.serviceBusId(), principal,
                ServiceBusNamespace.DATA_SENDER_ROLE, "The integration functions send to the namespace", this));
        grants.add(RoleGrants.assign(name + "-grant-bus-receiver", args.serviceBusId(), principal,
                ServiceBusNamespace.DATA_RECEIVER_ROLE, "The integration functions receive from the namespace", this));
        grants.add(RoleGrants.assign(name + "-grant-kv-secrets", args.keyVaultId(), principal, KEY_VAULT_SECRETS_USER,
                "The integration functions read the platform vault's secrets", this));
        grants.add(RoleGrants.assign(name + "-grant-blob", account.id(), principal, STORAGE_BLOB_DATA_OWNER,
                "The functions host keeps keys and leases in blobs and fetches its package", this));
        grants.add(RoleGrants.assign(name + "-grant-queue", account.id(), principal, STORAGE_QUEUE_DATA_CONTRIBUTOR,
                "The functions host's internal queues", this));
        grants.add(RoleGrants.assign(name + "-grant-table", account.id(), principal, STORAGE_TABLE_DATA_CONTRIBUTOR,
                "The functions host's diagnostic events", this));
        grants.add(RoleGrants.assign(name + "-grant-telemetry", insights.id(), principal, MONITORING_METRICS_PUBLISHER,
                "The functions send telemetry with Entra ID tokens (local auth is off)", this));

        var plan = new AppServicePlan(name + "-plan", AppServicePlanArgs.builder().resourceGroupName(rg)
                .location(args.location()).name(naming.name(ResourceKind.APP_SERVICE_PLAN, "func", "asp"))
                .kind("linux").reserved(true)
                .sku(SkuDescriptionArgs.builder().name(args.planSku()).tier("PremiumV3").capacity(1).build())
                .tags(tags).build(), child);

        var clientId = identity.clientId();
        var settings = Output.tuple(clientId, identity.id(), args.keyVaultUri(), insights.connectionString())
                .applyValue(t -> appSettings(args, t.t1, t.t2, t.t3, t.t4));
        var siteName = naming.name(ResourceKind.FUNCTION_APP, "func");
        this.app = new WebApp(name + "-app", WebAppArgs.builder().resourceGroupName(rg).location(args.location())
                .name(siteName)
                .kind("functionapp,linux")
                .reserved(true)
                .serverFarmId(plan.id())
                .identity(ManagedServiceIdentityArgs.builder().type(ManagedServiceIdentityType.UserAssigned)
                        .userAssignedIdentities(identity.id().applyValue(List::of)).build())
                .keyVaultReferenceIdentity(identity.id())
                .httpsOnly(true)
                .publicNetworkAccess("Disabled")
                .virtualNetworkSubnetId(subnet.id())
                .vnetRouteAllEnabled(true)
                .clientAffinityEnabled(false)
                .siteConfig(SiteConfigArgs.builder()
                        .linuxFxVersion(LINUX_FX_VERSION)
                        // Dedicated plans need Always On for non-HTTP triggers to keep firing.
                        .alwaysOn(true)
                        .ftpsState(FtpsState.Disabled)
                        .minTlsVersion(SupportedTlsVersions._1_2)
                        .scmMinTlsVersion(SupportedTlsVersions._1_2)
                        .http20Enabled(true)
                        .remoteDebuggingEnabled(false)
                        .vnetRouteAllEnabled(true)
                        .appSettings(settings)
                        .build())
                .tags(tags).build(), CustomResourceOptions.builder().parent(this).dependsOn(grants).build());

        // Basic (user name and password) publishing over FTP and to the SCM site: off, so deployments use Entra ID.
        new WebAppFtpAllowed(name + "-ftp-off", WebAppFtpAllowedArgs.builder().resourceGroupName(rg).name(app.name())
                .allow(false).build(), child);
        new WebAppScmAllowed(name + "-scm-basic-off", WebAppScmAllowedArgs.builder().resourceGroupName(rg)
                .name(app.name()).allow(false).build(), child);

        new PrivateEndpointSet(name + "-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(rg).location(args.location()).naming(naming)
                .targetName("func").targetType(PrivateLinkTarget.WEB_SITE).targetId(app.id())
                .endpoints(List.of(EndpointSpec.registeredIn(hub, "sites", PrivateLinkTarget.WEB_SITE, "sites",
                        hub.privateEndpointSubnetId())))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());

        Diagnostics.send(name + "-diag", "Microsoft.Web/sites", app.id(), args.common(), this);

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("functionAppId", app.id());
        outputs.put("identityClientId", clientId);
        registerOutputs(outputs);
    }

    /**
     * The app settings: identity-based connections only. Nothing here is a secret: the Application Insights
     * connection string carries an instrumentation key that cannot ingest on its own (local auth is off).
     */
    static List<NameValuePairArgs> appSettings(FunctionAppArgs args, String clientId, String identityId,
                                               String vaultUri, @Nullable String insightsConnection) {
        var s = new LinkedHashMap<String, String>();
        s.put("FUNCTIONS_EXTENSION_VERSION", "~4");
        s.put("FUNCTIONS_WORKER_RUNTIME", "java");
        s.put("AzureWebJobsStorage__accountName", accountName(args.naming()));
        s.put("AzureWebJobsStorage__credential", "managedidentity");
        s.put("AzureWebJobsStorage__clientId", clientId);
        s.put("WEBSITE_RUN_FROM_PACKAGE", "https://" + args.naming().name(ResourceKind.STORAGE_ACCOUNT, "func")
                + ".blob.core.windows.net/" + PACKAGE_CONTAINER + "/" + args.packageBlob());
        s.put("WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID", identityId);
        s.put(SERVICE_BUS_CONNECTION + "__fullyQualifiedNamespace", args.serviceBusHost());
        s.put(SERVICE_BUS_CONNECTION + "__credential", "managedidentity");
        s.put(SERVICE_BUS_CONNECTION + "__clientId", clientId);
        s.put("LANDING_RUNS_QUEUE", args.queueName());
        s.put("KEY_VAULT_URI", vaultUri);
        if (insightsConnection != null) {
            s.put("APPLICATIONINSIGHTS_CONNECTION_STRING", insightsConnection);
        }
        s.put("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId=" + clientId + ";Authorization=AAD");
        return s.entrySet().stream().map(e -> NameValuePairArgs.builder().name(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    /**
     * The function app's ARM id.
     *
     * @return the id
     */
    public Output<String> functionAppId() {
        return app.id();
    }

    /**
     * The Application Insights component's ARM id: a scoped resource of the platform's Azure Monitor Private Link Scope.
     *
     * @return the id
     */
    public Output<String> insightsId() {
        return insightsId;
    }

    /**
     * The function app's default host name ({@code <name>.azurewebsites.net}, resolved privately through the hub's
     * {@value PrivateDnsZones#WEB_SITES} zone).
     *
     * @return the host name
     */
    public Output<String> defaultHostName() {
        return app.defaultHostName();
    }

    /**
     * The functions identity's client id (the {@code __clientId} of every connection).
     *
     * @return the client id
     */
    public Output<String> identityClientId() {
        return identity.clientId();
    }

    /**
     * The functions identity's principal id, for audits of its grants.
     *
     * @return the principal id
     */
    public Output<String> identityPrincipalId() {
        return identity.principalId();
    }

    /**
     * The storage account the pipeline uploads the package to (blob {@value #PACKAGE_CONTAINER}/&lt;packageBlob&gt;).
     *
     * @return the account's name
     */
    public String storageAccountName() {
        return storageAccountName;
    }

    /**
     * The name of the functions' own storage account: {@code <prefix><environment>func} and the stack's global suffix, like
     * {@code ztpprodfuncym4ky}. Defined here once: the stack's Azure Policy exemptions name the account by it.
     *
     * @param naming prefix, environment and global suffix
     * @return the storage account name
     */
    public static String accountName(com.ztplatform.components.naming.Naming naming) {
        return naming.name(ResourceKind.STORAGE_ACCOUNT, "func");
    }

    /**
     * The functions' own storage account (named {@code naming.name(STORAGE_ACCOUNT, "func")}), for the Azure Policy
     * exemption that names it.
     *
     * @return its ARM id
     */
    public Output<String> storageAccountId() {
        return storageAccountId;
    }

    /**
     * The component's own VNet, for its flow log.
     *
     * @return the VNet's ARM id
     */
    public Output<String> vnetId() {
        return vnetId;
    }
}
