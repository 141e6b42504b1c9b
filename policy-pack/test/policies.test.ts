// Every policy against small hand-written fixtures: at least one that passes and one that fails per policy.

import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { PlanResource } from "../src/offline/evaluate";
import { allPolicies } from "../src/policies/all";
import * as f from "./fixtures/resources";
import { check, render, withInputs } from "./helpers/run";

const ctx = f.defaultCtx;
const NET = "azure-native:network";

// A small compliant world: hub firewall, a Databricks spoke, a workspace, storage and Key Vault with endpoints.
const hubVnet = f.vnet(ctx, "hub-vnet", "hub-vnet", "10.10.0.0/23");
const fwSubnet = f.subnet(ctx, "fw-snet", "hub-vnet", "AzureFirewallSubnet", "10.10.0.0/26");
const hubPeSubnet = f.subnet(ctx, "hub-pe-snet", "hub-vnet", "snet-private-endpoints", "10.10.1.0/26");
const fwPolicy = f.firewallPolicy(ctx, "fwp", "ztp-fwp");
const fwPip = f.publicIp(ctx, "fw-pip", "ztp-fw-pip");
const fw = f.firewall(ctx, "fw", "ztp-fw", fwSubnet.id!, "10.10.0.0/26", fwPip.id!, fwPolicy.id!);
const FW_IP = "10.10.0.4";
const FABRIC_RULE = { tenantId: "11111111-1111-1111-1111-111111111111",
    resourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/Fabric/providers/Microsoft.Fabric/workspaces/4b9a7c2e-1d3f-4a5b-8c6d-7e8f9a0b1c2d" };
const spokeVnet = f.vnet(ctx, "spoke-vnet", "spoke-vnet", "10.11.0.0/22");
const dbxNsg = f.nsg(ctx, "dbx-nsg", "ztp-dbx-nsg", f.DATABRICKS_NSG_RULES);
const dbxRt = f.routeTable(ctx, "dbx-rt", "ztp-dbx-rt", FW_IP);
const host = f.databricksSubnet(ctx, "snet-host", "spoke-vnet", "snet-host", "10.11.0.0/24", dbxNsg.id!, dbxRt.id!);
const container = f.databricksSubnet(ctx, "snet-container", "spoke-vnet", "snet-container", "10.11.1.0/24", dbxNsg.id!, dbxRt.id!);
const peSubnet = f.subnet(ctx, "snet-pe", "spoke-vnet", "snet-pe", "10.11.2.0/26");
const ws = f.workspace(ctx, "dbw", "ztp-dbw", spokeVnet.id!, "snet-host", "snet-container");
const zoneDbx = f.privateZone(ctx, "zone-dbx", "privatelink.azuredatabricks.net");
const zoneBlob = f.privateZone(ctx, "zone-blob", "privatelink.blob.core.windows.net");
const wsPe = f.privateEndpoint(ctx, "dbw-pe", "ztp-dbw-pe", peSubnet.id!, ws.id!, "databricks_ui_api");
const wsPeDns = f.dnsZoneGroup(ctx, "dbw-pe-dns", "ztp-dbw-pe", zoneDbx.id!);
const sa = f.storageAccount(ctx, "sa", "ztpsa");
// The data lake's account: inside the DataLake component, CMK through a user-assigned identity.
const lakeIdentity = `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ztp-dev-lake-cmk-id`;
const lake = {
    ...withInputs(f.storageAccount(ctx, "lake-account", "ztpdevlake"), i => {
        i.identity = { type: "UserAssigned", userAssignedIdentities: [lakeIdentity] };
        i.encryption = {
            requireInfrastructureEncryption: true, keySource: "Microsoft.Keyvault",
            encryptionIdentity: { encryptionUserAssignedIdentity: lakeIdentity },
            keyVaultProperties: { keyVaultUri: "https://ztp-dev-platform-kv.vault.azure.net/", keyName: "lake-storage-rsa3072" },
        };
    }),
    urn: `urn:pulumi:${ctx.stack}::${ctx.project}::ztplatform:lake:DataLake$azure-native:storage:StorageAccount::lake-account`,
};
// The lake's Unity Catalog access connector, and the lake behind a firewall that admits only that connector.
const connector = f.resource(ctx, "azure-native:databricks:AccessConnector", "lake-access-connector", {
    resourceGroupName: ctx.rg, location: "westeurope", connectorName: "ztp-dev-lake-ac",
    identity: { type: "UserAssigned", userAssignedIdentities: [lakeIdentity] },
});
const TENANT = "11111111-1111-1111-1111-111111111111";
const lakeFirewalled = withInputs(lake, i => {
    i.publicNetworkAccess = "Enabled";
    i.networkRuleSet = { defaultAction: "Deny", bypass: "None", ipRules: [], virtualNetworkRules: [],
        resourceAccessRules: [{ resourceId: connector.id, tenantId: TENANT }] };
});
// The Delta Sharing account: the lake's hardening, its public endpoint admitting one recipient network and the connector.
const sharingAccount = {
    ...withInputs(lakeFirewalled, i => {
        i.accountName = "ztpdevsharing";
        i.networkRuleSet.ipRules = [{ iPAddressOrRange: "20.61.12.16/28", action: "Allow" }];
    }),
    urn: `urn:pulumi:${ctx.stack}::${ctx.project}::ztplatform:lake:SharingStorage$azure-native:storage:StorageAccount::sharing-account`,
};
const foreignConnector = "/subscriptions/99999999-9999-9999-9999-999999999999/resourceGroups/other-rg/providers/Microsoft.Databricks/accessConnectors/their-ac";
const sep = f.resource(ctx, "azure-native:network:ServiceEndpointPolicy", "analytics-sep", {
    resourceGroupName: ctx.rg, location: "westeurope", serviceEndpointPolicyName: "ztp-dev-analytics-sep",
    serviceEndpointPolicyDefinitions: [
        { name: "stack-storage", service: "Microsoft.Storage", serviceResources: [sa.id!] },
        { name: "databricks-managed", service: "Global", serviceResources: ["/services/Azure/Databricks"] },
    ],
});
const saPe = f.privateEndpoint(ctx, "sa-pe", "ztp-sa-pe", peSubnet.id!, sa.id!, "blob");
const saPeDns = f.dnsZoneGroup(ctx, "sa-pe-dns", "ztp-sa-pe", zoneBlob.id!);
const kv = f.keyVault(ctx, "kv", "ztp-kv");
// The AI platform as ContainerRegistry and AiServices make it.
const acr = f.resource(ctx, "azure-native:containerregistry:Registry", "acr-registry", {
    resourceGroupName: ctx.rg, location: ctx.location, registryName: "ztpdevacr", sku: { name: "Premium" },
    adminUserEnabled: false, publicNetworkAccess: "Disabled", networkRuleBypassOptions: "None",
    networkRuleSet: { defaultAction: "Deny", ipRules: [] }, policies: { exportPolicy: { status: "disabled" } },
    zoneRedundancy: "Disabled", tags: { ...ctx.tags } });
const aiAccount = f.resource(ctx, "azure-native:cognitiveservices:Account", "ai-account", {
    resourceGroupName: ctx.rg, location: ctx.location, accountName: "ztp-dev-ai", kind: "AIServices", sku: { name: "S0" },
    identity: { type: "SystemAssigned" },
    properties: { customSubDomainName: "ztp-dev-ai", disableLocalAuth: true, publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", ipRules: [], virtualNetworkRules: [] }, restrictOutboundNetworkAccess: true,
        allowedFqdnList: [] },
    tags: { ...ctx.tags } });
const aiZones = ["privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com", "privatelink.services.ai.azure.com"]
    .map(z => f.privateZone(ctx, `zone-${z}`, z));
const aiPe = f.privateEndpoint(ctx, "ai-pe", "ztp-dev-ai-account-pe", hubPeSubnet.id!, aiAccount.id!, "account");
const aiPeDns = (zones: PlanResource[]) => withInputs(f.dnsZoneGroup(ctx, "ai-pe-dns", "ztp-dev-ai-account-pe", zones[0].id!),
    i => { i.privateDnsZoneConfigs = zones.map(z => ({ name: z.inputs!.privateZoneName.replace(/\./g, "-"), privateDnsZoneId: z.id })); });
// The machine learning workspace as MachineLearningWorkspace makes it: children carry its type in their URN.
const inMl = (r: PlanResource): PlanResource => ({ ...r,
    urn: r.urn!.replace("::azure-native:", "::ztplatform:ai:MachineLearningWorkspace$azure-native:") });
const mlStorage = inMl(withInputs(f.storageAccount(ctx, "ml-storage", "ztpprodml"), i => { i.allowSharedKeyAccess = true; }));
const mlWs = f.resource(ctx, "azure-native:machinelearningservices:Workspace", "ml-workspace", {
    resourceGroupName: ctx.rg, location: ctx.location, workspaceName: "ztp-prod-ml-mlw",
    identity: { type: "SystemAssigned" }, storageAccount: mlStorage.id, keyVault: kv.id,
    applicationInsights: `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}/providers/Microsoft.Insights/components/ztp-prod-ml-appi`,
    containerRegistry: acr.id, publicNetworkAccess: "Disabled", allowPublicAccessWhenBehindVnet: false, hbiWorkspace: true,
    v1LegacyMode: false, tags: { ...ctx.tags } });
const mlZones = ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"].map(z => f.privateZone(ctx, `zone-${z}`, z));
const mlPe = f.privateEndpoint(ctx, "ml-pe", "ztp-prod-ml-pe", hubPeSubnet.id!, mlWs.id!, "amlworkspace");
const mlPeDns = (zones: PlanResource[]) => withInputs(f.dnsZoneGroup(ctx, "ml-pe-dns", "ztp-prod-ml-pe", zones[0].id!),
    i => { i.privateDnsZoneConfigs = zones.map(z => ({ name: z.inputs!.privateZoneName.replace(/\./g, "-"), privateDnsZoneId: z.id })); });
const mlIpg = f.ipGroup(ctx, "ml-ipg", "ztp-prod-hub-ml-compute-ipg", ["10.111.0.0/24"]);
const mlRcg = withInputs(f.ruleCollectionGroup(ctx, "rcg-ml", "ztp-fwp", "contributions", mlIpg.id!), i => {
    i.ruleCollections[0].rules = [
        { ruleType: "NetworkRule", name: "batch", sourceIpGroups: [mlIpg.id], destinationAddresses: ["BatchNodeManagement.WestEurope"],
            destinationPorts: ["443"], ipProtocols: ["TCP"] },
        { ruleType: "NetworkRule", name: "hbi-vault", sourceIpGroups: [mlIpg.id], destinationAddresses: ["AzureKeyVault.WestEurope"],
            destinationPorts: ["443"], ipProtocols: ["TCP"] },
    ];
});
const ipg = f.ipGroup(ctx, "ipg", "ztp-ipg-dbx", ["10.11.0.0/24", "10.11.1.0/24"]);
const rcg = f.ruleCollectionGroup(ctx, "rcg", "ztp-fwp", "databricks", ipg.id!);
const rcgFqdn = f.ruleCollectionGroup(ctx, "rcg", "ztp-fwp", "databricks", ipg.id!, { fqdnNetworkRule: true });
const bastionNsgRules = [
    { name: "AllowHttpsInbound", direction: "Inbound", access: "Allow", priority: 120, protocol: "Tcp", sourceAddressPrefix: "Internet",
        sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "443" },
    { name: "AllowGatewayManagerInbound", direction: "Inbound", access: "Allow", priority: 130, protocol: "Tcp",
        sourceAddressPrefix: "GatewayManager", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "443" },
    { name: "DenyAllInbound", direction: "Inbound", access: "Deny", priority: 4096, protocol: "*", sourceAddressPrefix: "*",
        sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "*" },
];
const bastionNsg = f.nsg(ctx, "bastion-nsg", "ztp-bastion-nsg", bastionNsgRules);
const bastionSubnet = f.subnet(ctx, "bastion-snet", "hub-vnet", "AzureBastionSubnet", "10.10.0.128/26",
    { networkSecurityGroup: { id: bastionNsg.id } });

// The alerts and budget as PlatformAlerts makes them.
const LAW_ID_ALERTS = `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}/providers/Microsoft.OperationalInsights/workspaces/law`;
const actionGroup = f.resource(ctx, "azure-native:insights:ActionGroup", "alerts-ag", {
    resourceGroupName: ctx.rg, actionGroupName: "ztp-dev-alerts-ag", location: "Global", groupShortName: "ztp-dev",
    enabled: true, emailReceivers: [{ name: "platform-oncall", emailAddress: "platform-team@contoso.com" }],
});
const queryRule = (slug: string, query: string) => f.resource(ctx, "azure-native:insights:ScheduledQueryRule", `alerts-${slug}`, {
    resourceGroupName: ctx.rg, ruleName: `ztp-dev-alerts-${slug}`, location: ctx.location, kind: "LogAlert", enabled: true,
    scopes: [LAW_ID_ALERTS], criteria: { allOf: [{ query, timeAggregation: "Count", operator: "GreaterThan", threshold: 5 }] },
    actions: { actionGroups: [actionGroup.id] },
});
const activityAlert = (slug: string, operation: string) => f.resource(ctx, "azure-native:insights:ActivityLogAlert", `alerts-${slug}`, {
    resourceGroupName: ctx.rg, activityLogAlertName: `ztp-dev-alerts-${slug}`, location: "Global", enabled: true,
    scopes: [`/subscriptions/${f.SUB}`],
    condition: { allOf: [{ field: "category", equals: "Administrative" }, { field: "operationName", containsAny: [operation, operation.replace("/write", "/delete")] }] },
    actions: { actionGroups: [{ actionGroupId: actionGroup.id }] },
});
const budgetFixture = f.resource(ctx, "azure-native:consumption:Budget", "alerts-budget", {
    scope: `/subscriptions/${f.SUB}`, budgetName: "ztp-dev-budget", amount: 1000, category: "Cost", timeGrain: "Monthly",
    timePeriod: { startDate: "2026-12-01T00:00:00Z" },
    notifications: {
        "actual-80": { enabled: true, operator: "GreaterThanOrEqualTo", threshold: 80, thresholdType: "Actual", contactEmails: [], contactGroups: [actionGroup.id] },
        "forecast-100": { enabled: true, operator: "GreaterThanOrEqualTo", threshold: 100, thresholdType: "Forecasted", contactEmails: [], contactGroups: [actionGroup.id] },
    },
});
const alertWorld = () => [fw, actionGroup,
    queryRule("fw-denies", "union AZFWNetworkRule, AZFWApplicationRule | where Action == \"Deny\""),
    queryRule("kv-denied", "AzureDiagnostics | where ResourceProvider == \"MICROSOFT.KEYVAULT\""),
    queryRule("storage-auth", "StorageBlobLogs | where StatusCode in (\"401\", \"403\")"),
    activityAlert("route-tables", "Microsoft.Network/routeTables/write"),
    activityAlert("nsgs", "Microsoft.Network/networkSecurityGroups/write"),
    activityAlert("fw-policies", "Microsoft.Network/firewallPolicies/write"),
    activityAlert("policy-assignments", "Microsoft.Authorization/policyAssignments/write"),
    budgetFixture];
const without = (name: string) => alertWorld().filter(r => r.name !== name);

const mod = withInputs;
// The private integration as ServiceBusNamespace and PrivateFunctionApp make it.
const busNs = f.resource(ctx, "azure-native:servicebus:Namespace", "bus-namespace", {
    resourceGroupName: ctx.rg, location: ctx.location, namespaceName: "ztp-dev-bus", sku: { name: "Premium", tier: "Premium", capacity: 1 },
    disableLocalAuth: true, publicNetworkAccess: "Disabled", minimumTlsVersion: "1.2", tags: { ...ctx.tags } });
const funcApp = f.resource(ctx, "azure-native:web:WebApp", "func-app", {
    resourceGroupName: ctx.rg, location: ctx.location, name: "ztp-dev-func", kind: "functionapp,linux",
    publicNetworkAccess: "Disabled", httpsOnly: true, vnetRouteAllEnabled: true,
    virtualNetworkSubnetId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
    siteConfig: { ftpsState: "Disabled", linuxFxVersion: "Java|17", appSettings: [
        { name: "AzureWebJobsStorage__accountName", value: "ztpdevfunc" },
        { name: "AzureWebJobsStorage__credential", value: "managedidentity" },
        { name: "ServiceBusConnection__fullyQualifiedNamespace", value: "ztp-dev-bus.servicebus.windows.net" }] },
    tags: { ...ctx.tags } });
const withSetting = (name: string, value: string) => mod(funcApp, i => { i.siteConfig.appSettings.push({ name, value }); });
// The private AKS cluster as PrivateAksCluster makes it, its node subnet's IP group and the aks rule collection group.
const aksSubnet = f.subnet(ctx, "aks-snet", "ztp-prod-aks-vnet", "snet-aks-nodes", "10.120.0.0/23");
const aksCluster = f.resource(ctx, "azure-native:containerservice:ManagedCluster", "aks-cluster", {
    resourceGroupName: ctx.rg, location: ctx.location, resourceName: "ztp-prod-aks", dnsPrefix: "ztp-prod-aks",
    apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFQDN: false, disableRunCommand: true },
    networkProfile: { networkPlugin: "azure", outboundType: "userDefinedRouting" },
    agentPoolProfiles: [{ name: "system", mode: "System", count: 3, enableNodePublicIP: false, vnetSubnetID: aksSubnet.id! }],
    disableLocalAccounts: true, enableRBAC: true, aadProfile: { managed: true, enableAzureRBAC: true },
    tags: { ...ctx.tags } });
const aksIpg = f.ipGroup(ctx, "fw-ipg-aks", "ztp-prod-aks-ipg", ["10.120.0.0/23"]);
const aksRules = (fqdns: string[]) => f.resource(ctx, "azure-native:network:FirewallPolicyRuleCollectionGroup", "fw-rcg-aks", {
    resourceGroupName: ctx.rg, firewallPolicyName: "ztp-fwp", ruleCollectionGroupName: "contributions", priority: 400,
    ruleCollections: [{ ruleCollectionType: "FirewallPolicyFilterRuleCollection", name: "aks-required", priority: 100,
        action: { type: "Allow" }, rules: [{ ruleType: "ApplicationRule", name: "aks", sourceIpGroups: [aksIpg.id!],
            targetFqdns: fqdns, protocols: [{ protocolType: "Https", port: 443 }] }] }],
});
// The Azure ML extension and the Kubernetes compute target as MachineLearningInference makes them.
const mlExtension = f.resource(ctx, "azure-native:kubernetesconfiguration:Extension", "aks-ml-extension", {
    resourceGroupName: ctx.rg, clusterRp: "Microsoft.ContainerService", clusterResourceName: "managedClusters",
    clusterName: "ztp-prod-aks", extensionName: "azureml", extensionType: "microsoft.azureml.kubernetes",
    configurationSettings: { enableInference: "True", enableTraining: "False", inferenceRouterServiceType: "loadBalancer",
        internalLoadBalancerProvider: "azure", allowInsecureConnections: "False", sslCname: "inference.ml.contoso.internal",
        sslSecret: "azureml-fe-tls" } });
const mlCompute = f.resource(ctx, "azure-native:machinelearningservices:Compute", "aks-ml-compute", {
    resourceGroupName: ctx.rg, workspaceName: "ztp-prod-ml-mlw", computeName: "aks-inference",
    properties: { computeType: "Kubernetes", resourceId: aksCluster.id, disableLocalAuth: true, properties: { namespace: "default" } },
    tags: { ...ctx.tags } });
const AKS_HOSTS = ["mcr.microsoft.com", "*.data.mcr.microsoft.com", "management.azure.com", "login.microsoftonline.com",
    "packages.microsoft.com", "acs-mirror.azureedge.net", "packages.aks.azure.com"];

const internetRule = (port: string, source = "Internet") => ({
    name: `Allow${port}FromOutside`, direction: "Inbound", access: "Allow", priority: 200, protocol: "Tcp",
    sourceAddressPrefix: source, sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: port,
});

// --- fixtures for the issue-15 classes ---
import { DBX as DBX_T } from "../src/policies/dbxplatform";
import { UC as UC_T } from "../src/policies/unitycatalog";

const peering = (name: string, localVnet: string, remoteId: string) => f.resource(ctx, `${NET}:VirtualNetworkPeering`, name, {
    resourceGroupName: ctx.rg, virtualNetworkName: localVnet, virtualNetworkPeeringName: name, remoteVirtualNetwork: { id: remoteId },
    allowVirtualNetworkAccess: true, allowForwardedTraffic: true,
});
const role = (roleId: string, scope: string, principalType: string | undefined) => f.resource(ctx, "azure-native:authorization:RoleAssignment", "grant", {
    roleAssignmentName: "11111111-2222-3333-4444-555555555555", principalId: "abcd", ...(principalType ? { principalType } : {}),
    roleDefinitionId: `/subscriptions/${f.SUB}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`, scope,
});
/** The condition DeploymentIdentity writes (RoleAssignmentCondition.constrainRoles), for these roles. */
const constrained = (guids: string[]) => {
    const set = guids.join(", ");
    return "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] "
        + `ForAnyOfAnyValues:GuidEquals {${set}} AND @Request[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}))`
        + " AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] "
        + `ForAnyOfAnyValues:GuidEquals {${set}} AND @Resource[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}))`;
};
const rbac = (condition: string | undefined, conditionVersion = "2.0") => mod(role("f58310d9-a9f6-439a-9e8d-f62e7b41a168", `/subscriptions/${f.SUB}`, "ServicePrincipal"),
    i => { if (condition !== undefined) { i.condition = condition; i.conditionVersion = conditionVersion; } });
/** The same assignment, made by the DeploymentIdentity component (its URN's type chain names the component). */
const deployRole = (r: PlanResource): PlanResource => ({
    ...r, urn: r.urn.replace("::azure-native:authorization:RoleAssignment::", "::ztplatform:identity:DeploymentIdentity$azure-native:authorization:RoleAssignment::"),
});
const fic = (subject: string, change: (i: Record<string, any>) => void = () => undefined) => mod(f.resource(ctx, "azure-native:managedidentity:FederatedIdentityCredential", "github", {
    resourceGroupName: ctx.rg, resourceName: "ztp-test-deploy-id", federatedIdentityCredentialResourceName: "github-environment-prod",
    issuer: "https://token.actions.githubusercontent.com", subject, audiences: ["api://AzureADTokenExchange"],
}), change);
const LAW_ID = `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}/providers/Microsoft.OperationalInsights/workspaces/law`;
const diag = (name: string, target: string, logs: Record<string, unknown>[]) => f.resource(ctx, "azure-native:insights:DiagnosticSetting", name, {
    name, resourceUri: target, workspaceId: LAW_ID, logs,
});
const law = f.resource(ctx, "azure-native:operationalinsights:Workspace", "law", { resourceGroupName: ctx.rg, workspaceName: "law", location: ctx.location });
const flowLog = (name: string, target: string) => f.resource(ctx, "azure-native:network/v20230501:FlowLog", name, {
    resourceGroupName: "NetworkWatcherRG", networkWatcherName: "NetworkWatcher_westeurope", flowLogName: name, location: ctx.location,
    targetResourceId: target, storageId: `${LAW_ID.split("/providers/")[0]}/providers/Microsoft.Storage/storageAccounts/flowlogs`, enabled: true,
    format: { type: "JSON", version: 2 }, retentionPolicy: { enabled: true, days: 90 },
    flowAnalyticsConfiguration: { networkWatcherFlowAnalyticsConfiguration: { enabled: true, trafficAnalyticsInterval: 10,
        workspaceId: "00000000-0000-0000-0000-0000000000aa", workspaceRegion: ctx.location, workspaceResourceId: LAW_ID } },
    tags: f.TAGS,
});
const inFlowLogComponent = (r: PlanResource): PlanResource => ({ ...r,
    urn: r.urn!.replace("::azure-native:", "::ztplatform:monitoring:VnetFlowLogs$azure-native:") });
const inSavedQueryComponent = (r: PlanResource): PlanResource => ({ ...r,
    urn: r.urn!.replace("::azure-native:", "::ztplatform:monitoring:SavedQueryStorage$azure-native:") });
// The platform workspace with its saved-query account (SavedQueryStorage), linked for queries and alerts.
const queryLaw = f.resource(ctx, "azure-native:operationalinsights:Workspace", "logs-law", {
    resourceGroupName: ctx.rg, location: ctx.location, workspaceName: "ztp-dev-hub-law", forceCmkForQuery: true,
    identity: { type: "SystemAssigned" }, tags: { ...ctx.tags } });
const queryAccount = inSavedQueryComponent(mod(f.storageAccount(ctx, "saved-queries-account", "ztpdevqueries"), i => {
    i.location = ctx.location; i.publicNetworkAccess = "Enabled"; i.networkRuleSet = { defaultAction: "Deny", bypass: "AzureServices" }; }));
const queryLink = (source: string, accountId = queryAccount.id) => inSavedQueryComponent(f.resource(ctx,
    "azure-native:operationalinsights:LinkedStorageAccount", `saved-queries-${source.toLowerCase()}`, {
        resourceGroupName: ctx.rg, workspaceName: "ztp-dev-hub-law", dataSourceType: source, storageAccountIds: [accountId] }));
const savedQueryWorld = [queryLaw, queryAccount, queryLink("Query"), queryLink("Alerts")];
const DBX_PROVIDER_REF = "urn:pulumi:test::zt-databricks::pulumi:providers:databricks::ws::ws-id";
const dbx = (type: string, name: string, inputs: Record<string, any>, account = false): PlanResource => ({
    ...f.resource(ctx, type, name, inputs), id: `${name}-id`,
    provider: account ? "urn:pulumi:test::zt-databricks::pulumi:providers:databricks::account::account-id" : DBX_PROVIDER_REF,
    options: { protect: false, version: "1.106.0" },
});
const prodOf = (r: PlanResource): PlanResource => ({ ...r, urn: r.urn.replace("urn:pulumi:test::", "urn:pulumi:prod::") });

// Azure Policy guardrails: the initiative (a deploying diagnostics member) and its assignment at a resource group.
const DINE = "/providers/Microsoft.Authorization/policyDefinitions/23057b42-ca8d-4aa0-a3dc-96a98b5b5a3d";
const guardrailSet = f.resource(ctx, "azure-native:authorization:PolicySetDefinition", "guardrails-set", {
    policySetDefinitionName: "ztp-dev-guardrails", policyType: "Custom",
    parameters: { logAnalytics: { type: "String" } },
    policyDefinitions: [
        { policyDefinitionReferenceId: "require-tag-owner", policyDefinitionId: "/providers/Microsoft.Authorization/policyDefinitions/871b6d14-10aa-478d-b590-94f262ecfa99", parameters: { tagName: { value: "owner" } } },
        { policyDefinitionReferenceId: "databricks-diagnostics", policyDefinitionId: DINE, parameters: { logAnalytics: { value: "[parameters('logAnalytics')]" } } },
    ] });
const guardrailAssignment = f.resource(ctx, "azure-native:authorization:PolicyAssignment", "guardrails-hub", {
    policyAssignmentName: "ztp-dev-guardrails-hub", scope: `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}`,
    policyDefinitionId: `/subscriptions/${f.SUB}/providers/Microsoft.Authorization/policySetDefinitions/ztp-dev-guardrails`,
    enforcementMode: "Default", location: "westeurope", identity: { type: "SystemAssigned" } });
const anp = (change: (egress: Record<string, any>) => void = () => undefined) => {
    const networkAccess: Record<string, any> = {
        restrictionMode: "RESTRICTED_ACCESS", policyEnforcement: { enforcementMode: "ENFORCED" },
        allowedInternetDestinations: [{ destination: "pypi.org", internetDestinationType: "DNS_NAME" }], allowedStorageDestinations: [],
    };
    change(networkAccess);
    return dbx(DBX_T.accountNetworkPolicy, "serverless-policy", { accountId: "acc", networkPolicyId: "ztp-test-serverless", egress: { networkAccess } }, true);
};
const scope = () => dbx(DBX_T.secretScope, "scope", { name: "platform", backendType: "AZURE_KEYVAULT",
    keyvaultMetadata: { resourceId: kv.id, dnsName: "https://ztp-kv.vault.azure.net/" } });
// A job's own vault and scope, as OneLakeLanding makes them: everything parented to one component.
const LANDING = "urn:pulumi:test::zt-databricks::ztplatform:landing:OneLakeLanding::landing";
const landingComponent: PlanResource = {
    urn: LANDING, type: "ztplatform:landing:OneLakeLanding", name: "landing", custom: false, id: null,
    parent: null, provider: null, dependencies: [], propertyDependencies: {}, options: {}, inputs: {},
};
const RUN_AS = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";
const childOf = (r: PlanResource, parent = LANDING): PlanResource => ({ ...r, parent });
// A scope's name is its own input (the generic fixture would report the logical name as the computed one).
const ownName = (r: PlanResource): PlanResource => ({ ...r, mockComputed: {} });
const landingKv = childOf(f.keyVault(ctx, "landing-kv-vault", "ztp-landing-kv"));
const kvSecret = (name: string, parent = LANDING) => childOf(f.resource(ctx, "azure-native:keyvault:Secret", name, {
    resourceGroupName: ctx.rg, vaultName: "ztp-landing-kv", secretName: name, properties: { value: "[secret]" } }), parent);
const kvKey = () => f.resource(ctx, "azure-native:keyvault:Key", "kv-key", {
    resourceGroupName: ctx.rg, vaultName: "ztp-landing-kv", keyName: "dbw-managed-services-rsa3072", properties: { kty: "RSA" } });
const platformScopeOn = (vault: PlanResource) => ownName(dbx(DBX_T.secretScope, "dbx-platform-scope", { name: "platform",
    backendType: "AZURE_KEYVAULT", keyvaultMetadata: { resourceId: vault.id, dnsName: "https://x.vault.azure.net/" } }));
const platformScope = () => platformScopeOn(kv);
const runAsAcl = (scopeName: string) => childOf(dbx(DBX_T.secretAcl, `acl-${scopeName}`, { scope: scopeName, principal: RUN_AS, permission: "READ" }));
const landingWorld = (): PlanResource[] => [landingComponent, kv, landingKv, kvSecret("landing-sp-client-id"),
    childOf(ownName(dbx(DBX_T.secretScope, "landing-scope", { name: "onelake-landing", backendType: "AZURE_KEYVAULT",
        keyvaultMetadata: { resourceId: landingKv.id, dnsName: "https://ztp-landing-kv.vault.azure.net/" } }))),
    runAsAcl("onelake-landing"),
    childOf(dbx(DBX_T.job, "landing-mirror", { name: "mirror", runAs: { servicePrincipalName: RUN_AS },
        jobClusters: [{ jobClusterKey: "k", newCluster: { policyId: "ABC", dataSecurityMode: "SINGLE_USER", sparkVersion: "16.4.x-scala2.12" } }],
        tasks: [{ taskKey: "t", jobClusterKey: "k" }] }))];
const POLICY_DEF: Record<string, any> = {
    spark_version: { type: "fixed", value: "16.4.x-scala2.12" }, data_security_mode: { type: "fixed", value: "SINGLE_USER" },
    "init_scripts.*.workspace.destination": { type: "forbidden" }, "init_scripts.*.volumes.destination": { type: "forbidden" },
};
const clusterPolicy = (change: (d: Record<string, any>) => void = () => undefined) => {
    const d = JSON.parse(JSON.stringify(POLICY_DEF));
    change(d);
    return dbx(DBX_T.clusterPolicy, "policy", { name: "ztp-landing", definition: JSON.stringify(d) });
};
const job = (change: (c: Record<string, any>) => void = () => undefined) => {
    const c: Record<string, any> = { policyId: "ABC", dataSecurityMode: "SINGLE_USER", sparkVersion: "16.4.x-scala2.12", numWorkers: 1 };
    change(c);
    return dbx(DBX_T.job, "job", { name: "j", jobClusters: [{ jobClusterKey: "k", newCluster: c }], tasks: [{ taskKey: "t", jobClusterKey: "k" }] });
};
const ipAccess = (ips: string[]) => dbx(DBX_T.ipAccessList, "ipal", { label: "offices", listType: "ALLOW", ipAddresses: ips });
const conf = (change: (c: Record<string, any>) => void = () => undefined) => {
    const c: Record<string, any> = { enableExportNotebook: "false", enableResultsDownloading: "false", enableNotebookTableClipboard: "false",
        enableDbfsFileBrowser: "false", enableTokensConfig: "true", maxTokenLifetimeDays: "30" };
    change(c);
    return dbx(DBX_T.workspaceConf, "conf", { customConfig: c });
};
const hardening = (type: string, inputs: Record<string, any>) => dbx(type, type.split(":").pop()!, inputs);
const wsProvider: PlanResource = {
    urn: "urn:pulumi:test::zt-databricks::pulumi:providers:databricks::ws", type: "pulumi:providers:databricks", name: "ws",
    custom: true, id: "ws-id", parent: null, provider: null, dependencies: [], propertyDependencies: {}, options: { version: "1.106.0" },
    inputs: { azureWorkspaceResourceId: ws.id, host: "https://adb-123.4.azuredatabricks.net", authType: "azure-cli" }, mockComputed: {},
};
const fullHardening = () => [
    hardening(DBX_T.disableLegacyAccess, { disableLegacyAccess: { value: true } }),
    hardening(DBX_T.disableLegacyDbfs, { disableLegacyDbfs: { value: true } }),
    conf(),
];
// Databricks' separate-zones pattern: the workspace VNet's own privatelink.azuredatabricks.net zone, linked to it only,
// holding the workspace's back-end endpoint record.
const spokeOwnZone = (): PlanResource[] => [ws, peSubnet, wsPe, wsPeDns, zoneDbx, zoneLink(zoneDbx, spokeVnet)];
const metastoreRcg = mod(rcg, i => { i.ruleCollections[0].rules.push({ ruleType: "NetworkRule", name: "legacy-metastore",
    ipProtocols: ["TCP"], sourceIpGroups: [ipg.id], destinationFqdns: ["consolidated-westeurope-prod-metastore.mysql.database.azure.com"], destinationPorts: ["3306"] }); });
const nccRule = (target: string, groupId: string) => dbx(DBX_T.nccRule, `ncc-${groupId}-${target.split("/").pop()}`,
    { networkConnectivityConfigId: "ncc", resourceId: target, groupId }, true);
const wsWithId: PlanResource = { ...ws, mockComputed: { workspaceId: 123 } };
const netOption = (policyId: string) => dbx(DBX_T.networkOption, "option", { workspaceId: "123", networkPolicyId: policyId }, true);
const KV_URI = "https://ztp-kv.vault.azure.net/";
const cmkWs = mod(ws, i => {
    i.encryption = { entities: {
        managedServices: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyName: "dbw-managed-services", keyVaultUri: KV_URI, keyVersion: "1" } },
        managedDisk: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyName: "dbw-managed-disk", keyVaultUri: KV_URI, keyVersion: "1" } },
    } };
    i.parameters.prepareEncryption = { value: true };
    i.parameters.encryption = { value: { keySource: "Microsoft.Keyvault", keyName: "dbw-dbfs-root", keyVaultUri: KV_URI, keyVersion: "1" } };
});
const keyGrant = (key: string) => f.resource(ctx, "azure-native:authorization:RoleAssignment", `grant-${key}`, {
    roleAssignmentName: "99999999-2222-3333-4444-555555555555", principalId: "ws-identity", principalType: "ServicePrincipal",
    roleDefinitionId: `/subscriptions/${f.SUB}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
    scope: `${kv.id}/keys/${key}`,
});

const bastion = () => f.resource(ctx, `${NET}:BastionHost`, "bastion", { resourceGroupName: ctx.rg, bastionHostName: "ztp-bas",
    enableShareableLink: false, enableIpConnect: false, sku: { name: "Standard" }, tags: { ...ctx.tags }, location: ctx.location });
const vpnGw = () => f.resource(ctx, `${NET}:VirtualNetworkGateway`, "vpngw", { resourceGroupName: ctx.rg, virtualNetworkGatewayName: "ztp-vpngw",
    gatewayType: "Vpn", vpnClientConfiguration: { vpnAuthenticationTypes: ["AAD"], vpnClientProtocols: ["OpenVPN"],
        aadTenant: "https://login.microsoftonline.com/t/", aadIssuer: "https://sts.windows.net/t/", aadAudience: "c632b3df-fb67-4d84-bdcf-b95ad541b5c8",
        vpnClientAddressPool: { addressPrefixes: ["172.16.200.0/24"] } } });
const vm = () => f.resource(ctx, "azure-native:compute:VirtualMachine", "vm", { resourceGroupName: ctx.rg, vmName: "ztp-vm",
    osProfile: { adminUsername: "ops", computerName: "vm", linuxConfiguration: { disablePasswordAuthentication: true,
        ssh: { publicKeys: [{ keyData: "ssh-ed25519 AAAA", path: "/home/ops/.ssh/authorized_keys" }] } } } });
const des = () => f.resource(ctx, "azure-native:compute:DiskEncryptionSet", "router-des", { resourceGroupName: ctx.rg,
    location: ctx.location, diskEncryptionSetName: "ztp-vm-des", encryptionType: "EncryptionAtRestWithCustomerKey",
    identity: { type: "SystemAssigned" }, rotationToLatestKeyVersionEnabled: true,
    activeKey: { keyUrl: "https://ztp-kv.vault.azure.net/keys/router-os-disk/0123456789abcdef0123456789abcdef",
        sourceVault: { id: `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}/providers/Microsoft.KeyVault/vaults/ztp-kv` } } });
const encryptedVm = () => withInputs(vm(), i => {
    const set = { id: des().id };
    i.securityProfile = { encryptionAtHost: true, securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };
    i.storageProfile = { osDisk: { createOption: "FromImage", managedDisk: { storageAccountType: "Premium_LRS", diskEncryptionSet: set } },
        dataDisks: [{ lun: 0, createOption: "Empty", diskSizeGB: 64, managedDisk: { storageAccountType: "Premium_LRS", diskEncryptionSet: set } }] };
});
const zoneLink = (zone: PlanResource, net: PlanResource) => f.resource(ctx, `${NET}:VirtualNetworkLink`, `${zone.name}-${net.name}`, {
    resourceGroupName: ctx.rg, privateZoneName: zone.inputs!.privateZoneName, virtualNetworkLinkName: net.name,
    virtualNetwork: { id: net.id }, registrationEnabled: false, location: "Global", tags: { ...ctx.tags } });

// The platform's Azure Monitor Private Link Scope over the workspace and the function app's Application Insights.
const amplsLaw = f.resource(ctx, "azure-native:operationalinsights:Workspace", "logs-law", {
    resourceGroupName: ctx.rg, location: ctx.location, workspaceName: "ztp-dev-law", publicNetworkAccessForIngestion: "Disabled",
    publicNetworkAccessForQuery: "Enabled", tags: { ...ctx.tags } });
const appi = f.resource(ctx, "azure-native:insights:Component", "func-appi", {
    resourceGroupName: ctx.rg, location: ctx.location, resourceName: "ztp-dev-func-appi", kind: "web", applicationType: "web",
    workspaceResourceId: amplsLaw.id, disableLocalAuth: true, publicNetworkAccessForIngestion: "Disabled", tags: { ...ctx.tags } });
const ampls = f.resource(ctx, "azure-native:insights:PrivateLinkScope", "ampls-scope", {
    resourceGroupName: ctx.rg, location: "global", scopeName: "ztp-dev-hub-ampls", tags: { ...ctx.tags },
    accessModeSettings: { ingestionAccessMode: "PrivateOnly", queryAccessMode: "PrivateOnly", exclusions: [] } });
const scoped = (key: string, target: PlanResource) => f.resource(ctx, "azure-native:insights:PrivateLinkScopedResource",
    `ampls-${key}`, { resourceGroupName: ctx.rg, scopeName: "ztp-dev-hub-ampls", name: key, linkedResourceId: target.id });
const amplsPe = f.privateEndpoint(ctx, "ampls-pe-azuremonitor", "ztp-dev-ampls-azuremonitor-pe", hubPeSubnet.id!, ampls.id!, "azuremonitor");
const MONITOR_ZONES = ["privatelink.monitor.azure.com", "privatelink.oms.opinsights.azure.com", "privatelink.ods.opinsights.azure.com",
    "privatelink.agentsvc.azure-automation.net", "privatelink.blob.core.windows.net"];
const amplsDns = (zones: string[]) => withInputs(f.dnsZoneGroup(ctx, "ampls-pe-azuremonitor-dns", "ztp-dev-ampls-azuremonitor-pe",
    f.privateZone(ctx, "zone-monitor", zones[0]).id!), i => {
    i.privateDnsZoneConfigs = zones.map(z => ({ name: z.replace(/\./g, "-"), privateDnsZoneId: f.privateZone(ctx, `zone-${z}`, z).id }));
});
const amplsWorld = [ampls, amplsLaw, appi, scoped("law", amplsLaw), scoped("func-appi", appi), amplsPe];

interface Case {
    name: string;
    resources: PlanResource[];
    outputs?: Record<string, unknown>;
    config?: Record<string, any>;
    /** "pass", or a pattern the violation message must match. */
    expect: "pass" | RegExp;
    level?: "mandatory" | "advisory";
}

const CASES: Record<string, Case[]> = {
    "databricks-workspace-zero-trust": [
        { name: "compliant workspace", resources: [ws], expect: "pass" },
        { name: "public network access Enabled", resources: [mod(ws, i => { i.publicNetworkAccess = "Enabled"; })], expect: /publicNetworkAccess 'Enabled'.*Set publicNetworkAccess to 'Disabled'/ },
        { name: "NoAzureDatabricksRules without private link", resources: [mod(ws, i => { i.publicNetworkAccess = "Enabled"; })], expect: /valid only with back-end Private Link/ },
        { name: "AllRules", resources: [mod(ws, i => { i.requiredNsgRules = "AllRules"; })], expect: /Set requiredNsgRules to 'NoAzureDatabricksRules'/ },
        { name: "public IPs on nodes", resources: [mod(ws, i => { i.parameters.enableNoPublicIp.value = false; })], expect: /enableNoPublicIp.value to true/ },
        { name: "not VNet-injected", resources: [mod(ws, i => { delete i.parameters.customVirtualNetworkId; })], expect: /not VNet-injected/ },
        { name: "no container subnet", resources: [mod(ws, i => { delete i.parameters.customPrivateSubnetName; })], expect: /customPrivateSubnetName/ },
        { name: "standard SKU", resources: [mod(ws, i => { i.sku.name = "standard"; })], expect: /Set sku.name to 'premium'/ },
    ],
    "databricks-workspace-infrastructure-encryption": [
        { name: "double encryption on", resources: [ws], expect: "pass" },
        { name: "double encryption off", resources: [mod(ws, i => { delete i.parameters.requireInfrastructureEncryption; })], expect: /requireInfrastructureEncryption/, level: "advisory" },
    ],
    "databricks-backend-private-endpoint": [
        { name: "back-end endpoint in the workspace VNet", resources: [ws, wsPe, peSubnet], expect: "pass" },
        { name: "no endpoint", resources: [ws], expect: /has no back-end private endpoint/ },
        { name: "only browser_authentication", resources: [ws, mod(wsPe, i => { i.privateLinkServiceConnections[0].groupIds = ["browser_authentication"]; })], expect: /no back-end private endpoint/ },
        { name: "endpoint in the hub VNet", resources: [ws, mod(wsPe, i => { i.subnet.id = hubPeSubnet.id; })], expect: /outside the workspace VNet/ },
        { name: "manual connection does not count", resources: [ws, mod(wsPe, i => { i.manualPrivateLinkServiceConnections = i.privateLinkServiceConnections; delete i.privateLinkServiceConnections; })], expect: /no back-end private endpoint/ },
    ],
    "storage-account-zero-trust": [
        { name: "compliant account", resources: [sa], expect: "pass" },
        { name: "flow log account: trusted services only, account key for Network Watcher", resources: [inFlowLogComponent(mod(sa, i => {
            i.publicNetworkAccess = "Enabled"; i.allowSharedKeyAccess = true; i.networkRuleSet = { defaultAction: "Deny", bypass: "AzureServices" }; }))], expect: "pass" },
        { name: "saved-query account: trusted services only", resources: [queryAccount], expect: "pass" },
        { name: "saved-query account with a VNet rule", resources: [mod(queryAccount, i => { i.networkRuleSet.virtualNetworkRules = [{ id: peSubnet.id }]; })],
            expect: /saved-query account's trusted-services-only firewall: networkRuleSet.virtualNetworkRules is not empty/ },
        { name: "flow log account with an IP rule", resources: [inFlowLogComponent(mod(sa, i => {
            i.publicNetworkAccess = "Enabled"; i.networkRuleSet = { defaultAction: "Deny", bypass: "AzureServices", ipRules: [{ value: "203.0.113.7" }] }; }))],
            expect: /Set publicNetworkAccess to 'Disabled'/ },
        { name: "shared keys on an account outside the flow logs", resources: [mod(sa, i => { i.allowSharedKeyAccess = true; })], expect: /Set allowSharedKeyAccess to false/ },
        { name: "TLS 1.3 is fine", resources: [mod(sa, i => { i.minimumTlsVersion = "TLS1_3"; })], expect: "pass" },
        { name: "public access", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; })], expect: /Set publicNetworkAccess to 'Disabled'.*names no Fabric workspace/ },
        { name: "Fabric trusted workspace access", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; })], expect: "pass" },
        { name: "Fabric shape plus an IP rule", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; i.networkRuleSet.ipRules = [{ value: "203.0.113.0/24" }]; })], expect: /ipRules is not empty/ },
        { name: "Fabric shape plus a VNet rule", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; i.networkRuleSet.virtualNetworkRules = [{ id: "/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/s" }]; })], expect: /virtualNetworkRules is not empty/ },
        { name: "Fabric shape with trusted services bypass", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; i.networkRuleSet.bypass = "AzureServices"; })], expect: /bypass is 'AzureServices'/ },
        { name: "instance rule for something else", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE, { tenantId: FABRIC_RULE.tenantId, resourceId: "/subscriptions/1/resourceGroups/r/providers/Microsoft.Synapse/workspaces/w" }]; })], expect: /not a Fabric workspace/ },
        { name: "Fabric shape with default Allow", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; i.networkRuleSet.defaultAction = "Allow"; })], expect: /defaultAction is 'Allow'/ },
        { name: "the data lake behind its access-connector-only firewall", resources: [lakeFirewalled], expect: "pass" },
        { name: "the connector-only shape outside the data lake", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet = lakeFirewalled.inputs!.networkRuleSet; })], expect: /accessConnectors\/ztp-dev-lake-ac', which is not a Fabric workspace\.$/ },
        { name: "the data lake's firewall with default Allow", resources: [mod(lakeFirewalled, i => { i.networkRuleSet.defaultAction = "Allow"; })], expect: /Nor the data lake's access-connector-only firewall: networkRuleSet.defaultAction is 'Allow'/ },
        { name: "public access by default", resources: [mod(sa, i => { delete i.publicNetworkAccess; })], expect: /publicNetworkAccess not set/ },
        { name: "shared key", resources: [mod(sa, i => { i.allowSharedKeyAccess = true; })], expect: /Set allowSharedKeyAccess to false/ },
        { name: "shared key by default", resources: [mod(sa, i => { delete i.allowSharedKeyAccess; })], expect: /allowSharedKeyAccess not set/ },
        { name: "TLS 1.1", resources: [mod(sa, i => { i.minimumTlsVersion = "TLS1_1"; })], expect: /Set minimumTlsVersion to 'TLS1_2'/ },
        { name: "HTTP", resources: [mod(sa, i => { i.enableHttpsTrafficOnly = false; })], expect: /enableHttpsTrafficOnly to true/ },
        { name: "anonymous blobs", resources: [mod(sa, i => { i.allowBlobPublicAccess = true; })], expect: /allowBlobPublicAccess to false/ },
        { name: "single encryption", resources: [mod(sa, i => { i.encryption.requireInfrastructureEncryption = false; })], expect: /requireInfrastructureEncryption/ },
        { name: "keys on the ML workspace's own account (API 2023-04-01 datastores)", resources: [mlStorage], expect: "pass" },
        { name: "the ML account's other checks still run", resources: [mod(mlStorage, i => { i.publicNetworkAccess = "Enabled"; })], expect: /Set publicNetworkAccess to 'Disabled'/ },
    ],
    "ml-workspace-zero-trust": [
        { name: "private workspace with its own resources", resources: [mlWs], expect: "pass" },
        { name: "public access", resources: [mod(mlWs, i => { i.publicNetworkAccess = "Enabled"; })], expect: /Set publicNetworkAccess to 'Disabled'/ },
        { name: "public access behind a VNet", resources: [mod(mlWs, i => { i.allowPublicAccessWhenBehindVnet = true; })], expect: /allowPublicAccessWhenBehindVnet true/ },
        { name: "no identity", resources: [mod(mlWs, i => { delete i.identity; })], expect: /has no managed identity/ },
        { name: "no Application Insights", resources: [mod(mlWs, i => { delete i.applicationInsights; })], expect: /names no applicationInsights/ },
        { name: "no registry", resources: [mod(mlWs, i => { delete i.containerRegistry; })], expect: /public Basic registry/ },
        { name: "v1 legacy mode", resources: [mod(mlWs, i => { i.v1LegacyMode = true; })], expect: /v1LegacyMode true/ },
    ],
    "data-lake-hardening": [
        { name: "CMK through a user-assigned identity", resources: [lake], expect: "pass" },
        { name: "an account outside the lake is not judged here", resources: [sa], expect: "pass" },
        { name: "Microsoft-managed keys", resources: [mod(lake, i => { i.encryption.keySource = "Microsoft.Storage"; })], expect: /Set encryption.keySource to 'Microsoft.Keyvault'/ },
        { name: "no identity for the key", resources: [mod(lake, i => { delete i.encryption.encryptionIdentity; })], expect: /encryptionUserAssignedIdentity/ },
        { name: "key without a name", resources: [mod(lake, i => { delete i.encryption.keyVaultProperties.keyName; })], expect: /lacks keyName or keyVaultUri/ },
        { name: "flat namespace", resources: [mod(lake, i => { i.isHnsEnabled = false; })], expect: /Set isHnsEnabled to true/ },
        { name: "firewall admitting only the access connector", resources: [lakeFirewalled], expect: "pass" },
        { name: "public access without any rule", resources: [mod(lake, i => { i.publicNetworkAccess = "Enabled"; })], expect: /without a resource instance rule/ },
        { name: "Enabled with default Allow", resources: [mod(lakeFirewalled, i => { i.networkRuleSet.defaultAction = "Allow"; })], expect: /networkRuleSet.defaultAction 'Allow': every network reaches/ },
        { name: "Enabled with an IP rule", resources: [mod(lakeFirewalled, i => { i.networkRuleSet.ipRules = [{ iPAddressOrRange: "203.0.113.0/24", action: "Allow" }]; })], expect: /admits 1 IP rule\(s\) \(\["203.0.113.0\/24"\]\)/ },
        { name: "Enabled with a VNet rule", resources: [mod(lakeFirewalled, i => { i.networkRuleSet.virtualNetworkRules = [{ virtualNetworkResourceId: "/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/s" }]; })], expect: /admits 1 virtual network rule/ },
        { name: "Enabled with trusted services bypass", resources: [mod(lakeFirewalled, i => { i.networkRuleSet.bypass = "AzureServices"; })], expect: /networkRuleSet.bypass 'AzureServices'/ },
        { name: "instance rule for something other than a connector", resources: [mod(lakeFirewalled, i => { i.networkRuleSet.resourceAccessRules.push({ tenantId: TENANT, resourceId: "/subscriptions/1/resourceGroups/r/providers/Microsoft.Synapse/workspaces/w" }); })], expect: /not an Azure Databricks access connector/ },
        { name: "instance rule without a tenant", resources: [mod(lakeFirewalled, i => { delete i.networkRuleSet.resourceAccessRules[0].tenantId; })], expect: /has no tenantId/ },
        { name: "network security perimeter mode", resources: [mod(lake, i => { i.publicNetworkAccess = "SecuredByPerimeter"; })], expect: /publicNetworkAccess 'SecuredByPerimeter'. Set 'Disabled'/ },
        { name: "shared keys", resources: [mod(lake, i => { i.allowSharedKeyAccess = true; })], expect: /Set allowSharedKeyAccess to false/ },
        { name: "TLS 1.0", resources: [mod(lake, i => { i.minimumTlsVersion = "TLS1_0"; })], expect: /Set minimumTlsVersion to 'TLS1_2'/ },
        { name: "single encryption", resources: [mod(lake, i => { i.encryption.requireInfrastructureEncryption = false; })], expect: /requireInfrastructureEncryption/ },
    ],
    "sharing-storage-hardening": [
        { name: "the lake's hardening, public endpoint for one recipient network", resources: [sharingAccount], expect: "pass" },
        { name: "the lake is not judged here", resources: [lakeFirewalled], expect: "pass" },
        { name: "default Allow", resources: [mod(sharingAccount, i => { i.networkRuleSet.defaultAction = "Allow"; })], expect: /defaultAction 'Allow': every network reaches/ },
        { name: "trusted services bypass", resources: [mod(sharingAccount, i => { i.networkRuleSet.bypass = "AzureServices"; })], expect: /bypass 'AzureServices'/ },
        { name: "a VNet rule", resources: [mod(sharingAccount, i => { i.networkRuleSet.virtualNetworkRules = [{ virtualNetworkResourceId: "/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/s" }]; })], expect: /admits virtual network rule/ },
        { name: "a private range", resources: [mod(sharingAccount, i => { i.networkRuleSet.ipRules.push({ iPAddressOrRange: "172.16.0.0/12", action: "Allow" }); })], expect: /ipRules\[1\]: '172.16.0.0\/12' overlaps the private range/ },
        { name: "a /31 range", resources: [mod(sharingAccount, i => { i.networkRuleSet.ipRules.push({ iPAddressOrRange: "20.61.12.98/31", action: "Allow" }); })], expect: /no \/31 or \/32 range/ },
        { name: "an IPv6 range", resources: [mod(sharingAccount, i => { i.networkRuleSet.ipRules.push({ iPAddressOrRange: "2001:db8::/32", action: "Allow" }); })], expect: /is not a public IPv4 address or range/ },
        { name: "more than 400 rules", resources: [mod(sharingAccount, i => { i.networkRuleSet.ipRules = Array.from({ length: 401 }, (_, n) => ({ iPAddressOrRange: `52.${100 + Math.floor(n / 256)}.${n % 256}.0/24`, action: "Allow" })); })], expect: /has 401 IP rules; a storage account takes at most 400/ },
        { name: "a resource instance that is not a connector", resources: [mod(sharingAccount, i => { i.networkRuleSet.resourceAccessRules.push({ tenantId: TENANT, resourceId: "/subscriptions/1/resourceGroups/r/providers/Microsoft.Synapse/workspaces/w" }); })], expect: /not an Azure Databricks access connector/ },
        { name: "Microsoft-managed keys", resources: [mod(sharingAccount, i => { i.encryption.keySource = "Microsoft.Storage"; })], expect: /Set encryption.keySource to 'Microsoft.Keyvault'/ },
        { name: "shared keys", resources: [mod(sharingAccount, i => { i.allowSharedKeyAccess = true; })], expect: /Set allowSharedKeyAccess to false/ },
    ],
    "sharing-storage-ip-rules-from-recipients": [
        { name: "every rule a recipient's network", resources: [sharingAccount, dbx(UC_T.recipient, "recipient", { name: "dev_acme", authenticationType: "DATABRICKS", dataRecipientGlobalMetastoreId: "azure:northeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", propertiesKvpairs: { properties: { storage_networks: "20.61.12.16/28" } } })], expect: "pass" },
        { name: "an open recipient's single address", resources: [mod(sharingAccount, i => { i.networkRuleSet.ipRules = [{ iPAddressOrRange: "52.174.10.5", action: "Allow" }]; }), dbx(UC_T.recipient, "recipient", { name: "dev_globex", authenticationType: "TOKEN", ipAccessList: { allowedIpAddresses: ["52.174.10.5/32"] } })], expect: "pass" },
        { name: "a rule no recipient declares", resources: [mod(sharingAccount, i => { i.networkRuleSet.ipRules.push({ iPAddressOrRange: "52.174.99.0/24", action: "Allow" }); }), dbx(UC_T.recipient, "recipient", { name: "dev_acme", authenticationType: "DATABRICKS", propertiesKvpairs: { properties: { storage_networks: "20.61.12.16/28" } } })], expect: /admits '52.174.99.0\/24', which no Delta Sharing recipient of this stack declares/ },
        { name: "no recipient at all", resources: [sharingAccount], expect: /is a Delta Sharing account, but the stack has no recipient/ },
    ],
    "databricks-subnet-storage-endpoint-policy": [
        { name: "endpoint and policy", resources: [host, container], expect: "pass" },
        { name: "not a Databricks subnet", resources: [peSubnet], expect: "pass" },
        { name: "no service endpoint", resources: [mod(host, i => { delete i.serviceEndpoints; })], expect: /without the Microsoft.Storage service endpoint/ },
        { name: "endpoint without a policy", resources: [mod(container, i => { i.serviceEndpointPolicies = []; })], expect: /without a service endpoint policy/ },
    ],
    "service-endpoint-policy-narrow": [
        { name: "accounts and the Databricks alias", resources: [sep], expect: "pass" },
        { name: "a whole resource group", resources: [mod(sep, i => { i.serviceEndpointPolicyDefinitions[0].serviceResources.push(`/subscriptions/${f.SUB}/resourceGroups/rg-data`); })], expect: /wider than one storage account/ },
        { name: "the whole subscription", resources: [mod(sep, i => { i.serviceEndpointPolicyDefinitions[0].serviceResources = [`/subscriptions/${f.SUB}`]; })], expect: /wider than one storage account/ },
        { name: "every Azure service alias", resources: [mod(sep, i => { i.serviceEndpointPolicyDefinitions[1].serviceResources = ["/services/Azure"]; })], expect: /only \/services\/Azure\/Databricks/ },
        { name: "no definitions", resources: [mod(sep, i => { i.serviceEndpointPolicyDefinitions = []; })], expect: /has no serviceEndpointPolicyDefinitions/ },
        { name: "the ML alias on the ML workspace's policy", resources: [inMl(mod(sep, i => { i.serviceEndpointPolicyDefinitions[1].serviceResources = ["/services/Azure/MachineLearning"]; }))], expect: "pass" },
        { name: "the ML alias on a Databricks spoke's policy", resources: [mod(sep, i => { i.serviceEndpointPolicyDefinitions[1].serviceResources = ["/services/Azure/MachineLearning"]; })], expect: /alias '\/services\/Azure\/MachineLearning'; only/ },
    ],
    "storage-account-customer-managed-key": [
        { name: "vault key through the account's own identity, queues and tables keyed to the account", resources: [sa], expect: "pass" },
        { name: "Microsoft-managed keys", resources: [mod(sa, i => { i.encryption = { requireInfrastructureEncryption: true, keySource: "Microsoft.Storage" }; })], expect: /Microsoft-managed keys only/ },
        { name: "key source left to Azure's default", resources: [mod(sa, i => { delete i.encryption.keySource; })], expect: /keySource not set: .*Microsoft-managed keys only/ },
        { name: "no key name", resources: [mod(sa, i => { delete i.encryption.keyVaultProperties.keyName; })], expect: /lacks keyName or keyVaultUri/ },
        { name: "a pinned key version", resources: [mod(sa, i => { i.encryption.keyVaultProperties.keyVersion = "0123456789abcdef0123456789abcdef"; })], expect: /would not follow the key's rotations/ },
        { name: "no encryption identity", resources: [mod(sa, i => { delete i.encryption.encryptionIdentity; })], expect: /no encryption.encryptionIdentity/ },
        { name: "no identity on the account", resources: [mod(sa, i => { delete i.identity; })], expect: /holds no user-assigned identity/ },
        { name: "an encryption identity the account does not hold", resources: [mod(sa, i => { i.identity.userAssignedIdentities = ["/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/other"]; })], expect: /not one of its user-assigned identities/ },
        { name: "queues under a service key", resources: [mod(sa, i => { i.encryption.services.queue.keyType = "Service"; })], expect: /services.queue.keyType 'Service'/ },
        { name: "tables left to the service key", resources: [mod(sa, i => { delete i.encryption.services.table; })], expect: /services.table.keyType not set/ },
    ],
    "storage-account-network-default-deny": [
        { name: "deny by default", resources: [sa], expect: "pass" },
        { name: "allow by default", resources: [mod(sa, i => { i.networkRuleSet.defaultAction = "Allow"; })], expect: /defaultAction to 'Deny'/, level: "advisory" },
    ],
    "key-vault-zero-trust": [
        { name: "compliant vault", resources: [kv], expect: "pass" },
        { name: "soft delete left to Azure's default", resources: [mod(kv, i => { delete i.properties.enableSoftDelete; })], expect: "pass" },
        { name: "access policies", resources: [mod(kv, i => { i.properties.enableRbacAuthorization = false; })], expect: /enableRbacAuthorization to true/ },
        { name: "no purge protection", resources: [mod(kv, i => { delete i.properties.enablePurgeProtection; })], expect: /enablePurgeProtection to true/ },
        { name: "soft delete off", resources: [mod(kv, i => { i.properties.enableSoftDelete = false; })], expect: /enableSoftDelete to true/ },
        { name: "retention out of range", resources: [mod(kv, i => { i.properties.softDeleteRetentionInDays = 3; })], expect: /from 7 to 90/ },
        { name: "public access", resources: [mod(kv, i => { i.properties.publicNetworkAccess = "Enabled"; })], expect: /publicNetworkAccess to 'Disabled'/ },
        { name: "firewall allows", resources: [mod(kv, i => { i.properties.networkAcls.defaultAction = "Allow"; })], expect: /defaultAction to 'Deny'/ },
    ],
    "container-registry-zero-trust": [
        { name: "private Premium registry without exports", resources: [acr], expect: "pass" },
        { name: "Standard tier", resources: [mod(acr, i => { i.sku.name = "Standard"; })], expect: /Set sku.name to 'Premium'/ },
        { name: "admin user on", resources: [mod(acr, i => { i.adminUserEnabled = true; })], expect: /Set adminUserEnabled to false/ },
        { name: "admin user left to the default", resources: [mod(acr, i => { delete i.adminUserEnabled; })], expect: /adminUserEnabled undefined|Set adminUserEnabled to false/ },
        { name: "public access", resources: [mod(acr, i => { i.publicNetworkAccess = "Enabled"; })], expect: /Set publicNetworkAccess to 'Disabled'/ },
        { name: "exports allowed", resources: [mod(acr, i => { i.policies.exportPolicy.status = "enabled"; })], expect: /Set policies.exportPolicy.status to 'disabled'/ },
        { name: "no export policy", resources: [mod(acr, i => { delete i.policies; })], expect: /Set policies.exportPolicy.status to 'disabled'/ },
    ],
    "ai-services-zero-trust": [
        { name: "private Entra-only account", resources: [aiAccount], expect: "pass" },
        { name: "API keys allowed", resources: [mod(aiAccount, i => { i.properties.disableLocalAuth = false; })], expect: /Set properties.disableLocalAuth to true/ },
        { name: "local auth left to the default", resources: [mod(aiAccount, i => { delete i.properties.disableLocalAuth; })], expect: /Set properties.disableLocalAuth to true/ },
        { name: "public access", resources: [mod(aiAccount, i => { i.properties.publicNetworkAccess = "Enabled"; })], expect: /Set properties.publicNetworkAccess to 'Disabled'/ },
    ],
    "service-bus-zero-trust": [
        { name: "private Premium namespace without SAS", resources: [busNs], expect: "pass" },
        { name: "Standard tier", resources: [mod(busNs, i => { i.sku.name = "Standard"; })], expect: /Set sku.name to 'Premium'/ },
        { name: "SAS keys allowed", resources: [mod(busNs, i => { i.disableLocalAuth = false; })], expect: /Set disableLocalAuth to true/ },
        { name: "local auth left to the default", resources: [mod(busNs, i => { delete i.disableLocalAuth; })], expect: /Set disableLocalAuth to true/ },
        { name: "public access", resources: [mod(busNs, i => { i.publicNetworkAccess = "Enabled"; })], expect: /Set publicNetworkAccess to 'Disabled'/ },
    ],
    "function-app-zero-trust": [
        { name: "private keyless function app", resources: [funcApp], expect: "pass" },
        { name: "public access", resources: [mod(funcApp, i => { i.publicNetworkAccess = "Enabled"; })], expect: /Set publicNetworkAccess to 'Disabled'/ },
        { name: "HTTP allowed", resources: [mod(funcApp, i => { i.httpsOnly = false; })], expect: /Set httpsOnly to true/ },
        { name: "FTPS allowed", resources: [mod(funcApp, i => { i.siteConfig.ftpsState = "FtpsOnly"; })], expect: /Set siteConfig.ftpsState to 'Disabled'/ },
        { name: "outbound bypasses the firewall route", resources: [mod(funcApp, i => { i.vnetRouteAllEnabled = false; })], expect: /Set vnetRouteAllEnabled to true/ },
        { name: "storage connection string", resources: [withSetting("AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc==")], expect: /AzureWebJobsStorage holding a key/ },
        { name: "Azure Files content share", resources: [withSetting("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "secret")], expect: /WEBSITE_CONTENTAZUREFILECONNECTIONSTRING holding a key/ },
        { name: "Service Bus SAS", resources: [withSetting("Bus", "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=a;SharedAccessKey=b")], expect: /app setting Bus holding a key/ },
    ],
    "aks-private-cluster": [
        { name: "private Entra-only cluster behind the firewall", resources: [aksCluster], expect: "pass" },
        { name: "public API server", resources: [mod(aksCluster, i => { i.apiServerAccessProfile.enablePrivateCluster = false; })], expect: /Set apiServerAccessProfile.enablePrivateCluster to true/ },
        { name: "public FQDN left to Azure's default", resources: [mod(aksCluster, i => { delete i.apiServerAccessProfile.enablePrivateClusterPublicFQDN; })], expect: /enablePrivateClusterPublicFQDN to false/ },
        { name: "load balancer egress", resources: [mod(aksCluster, i => { i.networkProfile.outboundType = "loadBalancer"; })], expect: /outboundType to 'userDefinedRouting'/ },
        { name: "Kubernetes RBAC instead of Azure RBAC", resources: [mod(aksCluster, i => { i.aadProfile.enableAzureRBAC = false; })], expect: /Set both to true/ },
        { name: "node public IPs", resources: [mod(aksCluster, i => { i.agentPoolProfiles[0].enableNodePublicIP = true; })], expect: /Set enableNodePublicIP to false/ },
    ],
    "monitor-private-link-scope-private-only": [
        { name: "PrivateOnly ingestion and query", resources: [ampls], expect: "pass" },
        { name: "ingestion Open", resources: [mod(ampls, i => { i.accessModeSettings.ingestionAccessMode = "Open"; })], expect: /accessModeSettings\.ingestionAccessMode 'Open'.*Set accessModeSettings\.ingestionAccessMode to 'PrivateOnly'/ },
        { name: "query mode left to Azure's default", resources: [mod(ampls, i => { delete i.accessModeSettings.queryAccessMode; })], expect: /queryAccessMode not set \(Azure's default: Open\)/ },
        { name: "no access mode settings at all", resources: [mod(ampls, i => { delete i.accessModeSettings; })], expect: /ingestionAccessMode not set/ },
        { name: "an exclusion reopens one endpoint", resources: [mod(ampls, i => { i.accessModeSettings.exclusions = [{ privateEndpointConnectionName: "pe-1", ingestionAccessMode: "Open", queryAccessMode: "PrivateOnly" }]; })], expect: /exclusions\[0\] \('pe-1'\) with ingestionAccessMode not PrivateOnly/ },
    ],
    "log-analytics-saved-queries-customer-storage": [
        { name: "queries forced to customer storage, system-assigned identity", resources: [queryLaw], expect: "pass" },
        { name: "forceCmkForQuery left to Azure's default", resources: [mod(queryLaw, i => { delete i.forceCmkForQuery; })], expect: /forceCmkForQuery not set.*Set forceCmkForQuery to true/ },
        { name: "forceCmkForQuery false", resources: [mod(queryLaw, i => { i.forceCmkForQuery = false; })], expect: /Set forceCmkForQuery to true/ },
        { name: "no managed identity", resources: [mod(queryLaw, i => { delete i.identity; })], expect: /Set identity.type to 'SystemAssigned'/ },
        { name: "identity None", resources: [mod(queryLaw, i => { i.identity = { type: "None" }; })], expect: /identity.type 'None'/ },
    ],
    "log-analytics-saved-query-storage-linked": [
        { name: "one account in the region, linked for queries and alerts", resources: savedQueryWorld, expect: "pass" },
        { name: "no alerts link", resources: savedQueryWorld.filter(r => r.name !== "saved-queries-alerts"), expect: /no linked storage account for 'Alerts'/ },
        { name: "no query link", resources: savedQueryWorld.filter(r => r.name !== "saved-queries-query"), expect: /no linked storage account for 'Query'/ },
        { name: "account in another region", resources: [queryLaw, mod(queryAccount, i => { i.location = "northeurope"; }), queryLink("Query"), queryLink("Alerts")], expect: /only an account in the workspace's region/ },
        { name: "account without the trusted-services bypass", resources: [queryLaw, mod(queryAccount, i => { i.networkRuleSet.bypass = "None"; }), queryLink("Query"), queryLink("Alerts")], expect: /does not admit trusted Azure services/ },
        { name: "account outside the stack", resources: [queryLaw, queryAccount, queryLink("Query", sa.id!.replace("ztpsa", "elsewhere")), queryLink("Alerts")], expect: /not an account of this stack/ },
        { name: "a link to another workspace does not count", resources: [queryLaw, queryAccount, mod(queryLink("Query"), i => { i.workspaceName = "other-law"; }), queryLink("Alerts")], expect: /no linked storage account for 'Query'/ },
    ],
    "monitor-private-link-scope-covers-stack": [
        { name: "one scope over the workspace and the component, with its endpoint", resources: amplsWorld, expect: "pass" },
        { name: "no scope, nothing to cover", resources: [amplsLaw, appi], expect: "pass" },
        { name: "the component is not scoped", resources: amplsWorld.filter(r => r.name !== "ampls-func-appi"), expect: /Component 'func-appi'.*is not a scoped resource of/ },
        { name: "scoped into another scope", resources: [...amplsWorld.filter(r => r.name !== "ampls-law"), mod(scoped("law", amplsLaw), i => { i.scopeName = "other-ampls"; })], expect: /Workspace 'logs-law'.*is not a scoped resource/ },
        { name: "no azuremonitor endpoint", resources: amplsWorld.filter(r => r !== amplsPe), expect: /has no private endpoint with groupIds \['azuremonitor'\]/ },
        { name: "a second scope", resources: [...amplsWorld, f.resource(ctx, "azure-native:insights:PrivateLinkScope", "ampls-2-scope", { resourceGroupName: ctx.rg, location: "global", scopeName: "ztp-dev-second-ampls", accessModeSettings: { ingestionAccessMode: "PrivateOnly", queryAccessMode: "PrivateOnly" } })], expect: /second Azure Monitor Private Link Scope.*one per DNS/ },
    ],
    "aks-local-accounts": [
        { name: "local accounts off", resources: [aksCluster], expect: "pass" },
        { name: "local accounts on, nothing needs them", resources: [mod(aksCluster, i => { i.disableLocalAccounts = false; })], expect: /Set disableLocalAccounts to true/ },
        { name: "local accounts on for the Azure ML extension", resources: [mod(aksCluster, i => { i.disableLocalAccounts = false; }), mlExtension], expect: "pass" },
        { name: "the extension is on another cluster", resources: [mod(aksCluster, i => { i.disableLocalAccounts = false; }), mod(mlExtension, i => { i.clusterName = "other-aks"; })], expect: /no Azure Machine Learning extension/ },
    ],
    "ml-inference-internal": [
        { name: "router on an internal load balancer, HTTPS, Kubernetes compute without keys", resources: [mlExtension, mlCompute], expect: "pass" },
        { name: "router on a public load balancer", resources: [mod(mlExtension, i => { delete i.configurationSettings.internalLoadBalancerProvider; })], expect: /internalLoadBalancerProvider to 'azure'/ },
        { name: "router over HTTP", resources: [mod(mlExtension, i => { i.configurationSettings.allowInsecureConnections = "True"; })], expect: /allowInsecureConnections/ },
        { name: "another extension type is not judged", resources: [mod(mlExtension, i => { i.extensionType = "microsoft.flux"; i.configurationSettings = {}; })], expect: "pass" },
        { name: "compute with key authentication", resources: [mod(mlCompute, i => { i.properties.disableLocalAuth = false; })], expect: /disableLocalAuth to true/ },
        { name: "legacy AKS compute on a public IP", resources: [mod(mlCompute, i => { i.properties = { computeType: "AKS", resourceId: aksCluster.id, disableLocalAuth: true, properties: { loadBalancerType: "PublicIp" } }; })], expect: /InternalLoadBalancer/ },
        { name: "legacy AKS compute on the internal load balancer", resources: [mod(mlCompute, i => { i.properties = { computeType: "AKS", resourceId: aksCluster.id, disableLocalAuth: true, properties: { loadBalancerType: "InternalLoadBalancer", loadBalancerSubnet: "snet-aks-nodes" } }; })], expect: "pass" },
    ],
    "aks-egress-required-only": [
        { name: "the required hosts from the node subnet", resources: [aksSubnet, aksCluster, aksIpg, aksRules(AKS_HOSTS)], expect: "pass" },
        { name: "no cluster, no requirement", resources: [aksSubnet, aksIpg], expect: "pass" },
        { name: "a required host missing", resources: [aksSubnet, aksCluster, aksIpg, aksRules(AKS_HOSTS.filter(h => h !== "mcr.microsoft.com"))], expect: /does not admit its node subnet to mcr\.microsoft\.com/ },
        { name: "more than AKS requires", resources: [aksSubnet, aksCluster, aksIpg, aksRules([...AKS_HOSTS, "github.com"])], expect: /admits the AKS node subnet to \["github\.com"\]/ },
        // The engine hands stack policies the outputs, and a provider that does not read the collections back
        // gives a group without ruleCollections: unknown (advisory), never "admits none of the required hosts".
        { name: "a group whose view carries no collections is not yet known", resources: [aksSubnet, aksCluster, aksIpg, mod(aksRules(AKS_HOSTS), i => { delete i.ruleCollections; })], expect: /the firewall's rule collections the AKS hosts need can't be known/, level: "advisory" },
        { name: "the Azure ML extension's hosts without the extension", resources: [aksSubnet, aksCluster, aksIpg, aksRules([...AKS_HOSTS, "westeurope.api.azureml.ms"])], expect: /admits the AKS node subnet to \["westeurope\.api\.azureml\.ms"\]/ },
        { name: "the Azure ML extension's hosts with the extension", resources: [aksSubnet, aksCluster, aksIpg, mlExtension, aksRules([...AKS_HOSTS, "westeurope.dp.kubernetesconfiguration.azure.com", "westeurope.api.azureml.ms", "westeurope.experiments.azureml.net"])], expect: "pass" },
    ],
    "firewall-threat-intel-deny": [
        { name: "allowlist of everything", resources: [mod(fwPolicy, i => { i.threatIntelWhitelist = { ipAddresses: ["0.0.0.0/1", "128.0.0.0/1"] }; })], expect: /exempts .* from threat intelligence, i\.e\. every address/ },
        { name: "allowlist wildcard over storage", resources: [mod(fwPolicy, i => { i.threatIntelWhitelist = { fqdns: ["*.blob.core.windows.net"] }; })], expect: /exempts '\*\.blob\.core\.windows\.net'/ },
        { name: "IDPS bypass for everything", resources: [mod(f.firewallPolicy(ctx, "fwp-p", "fwp-p", "Premium"), i => { i.intrusionDetection.configuration = { bypassTrafficSettings: [{ name: "all", protocol: "ANY", sourceAddresses: ["*"], destinationAddresses: ["*"] }] }; })], expect: /IDPS would inspect nothing/ },
        { name: "Standard with Deny", resources: [fwPolicy], expect: "pass" },
        { name: "Basic can only alert", resources: [mod(f.firewallPolicy(ctx, "fwp-basic", "fwp-basic", "Basic"), i => { i.threatIntelMode = "Alert"; delete i.dnsSettings; })], expect: "pass" },
        { name: "classic firewall with a policy attached", resources: [fw], expect: "pass" },
        { name: "Standard with Alert", resources: [mod(fwPolicy, i => { i.threatIntelMode = "Alert"; })], expect: /threatIntelMode to 'Deny'/ },
        { name: "Premium with Off", resources: [mod(f.firewallPolicy(ctx, "fwp-p", "fwp-p", "Premium"), i => { i.threatIntelMode = "Off"; })], expect: /tier Premium.*'Off'/ },
        { name: "tier defaults to Standard", resources: [mod(fwPolicy, i => { delete i.sku; delete i.threatIntelMode; })], expect: /threatIntelMode not set/ },
        { name: "classic firewall without policy", resources: [mod(fw, i => { delete i.firewallPolicy; i.threatIntelMode = "Alert"; })], expect: /AzureFirewall 'fw'.*threatIntelMode 'Alert'/ },
    ],
    "firewall-premium-idps-deny": [
        { name: "Premium IDPS Deny", resources: [f.firewallPolicy(ctx, "fwp-p", "fwp-p", "Premium")], expect: "pass" },
        { name: "Standard has no IDPS", resources: [fwPolicy], expect: "pass" },
        { name: "Premium IDPS Alert", resources: [mod(f.firewallPolicy(ctx, "fwp-p", "fwp-p", "Premium"), i => { i.intrusionDetection.mode = "Alert"; })], expect: /intrusionDetection.mode to 'Deny'/, level: "advisory" },
    ],
    "firewall-no-wildcard-rules": [
        { name: "named destinations", resources: [rcg], expect: "pass" },
        { name: "deny collections may use *", resources: [mod(rcg, i => { i.ruleCollections[0].action.type = "Deny"; i.ruleCollections[0].rules[0].destinationAddresses = ["*"]; })], expect: "pass" },
        { name: "documented ML tags from the ML compute group only", resources: [mlRcg], expect: "pass" },
        { name: "an ML tag from the Databricks group", resources: [mod(mlRcg, i => { i.ruleCollections[0].rules[0].sourceIpGroups = [ipg.id]; })], expect: /service tag 'BatchNodeManagement\.WestEurope'/ },
        { name: "an undocumented tag from the ML compute group", resources: [mod(mlRcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["Storage.WestEurope"]; })], expect: /service tag 'Storage\.WestEurope'/ },
        { name: "application rule to *", resources: [mod(rcg, i => { i.ruleCollections[1].rules[0].targetFqdns = ["*"]; })], expect: /application rule 'pypi'.*targetFqdns '\*' allows any destination/ },
        { name: "network rule to 0.0.0.0/0", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["0.0.0.0/0"]; })], expect: /network rule 'entra-id'.*0\.0\.0\.0\/0/ },
        { name: "network rule to Internet", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["Internet"]; })], expect: /\["Internet"\]/ },
        { name: "network rule to FQDN *", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationFqdns = ["*"]; })], expect: /destinationFqdns '\*' allows any destination/ },
        { name: "wildcard over any storage account", resources: [mod(rcg, i => { i.ruleCollections[1].rules[0].targetFqdns = ["*.blob.core.windows.net"]; })], expect: /wildcard over the shared domain 'blob\.core\.windows\.net'/ },
        { name: "wildcard over a parent of shared domains", resources: [mod(rcg, i => { i.ruleCollections[1].rules[0].targetFqdns = ["*.windows.net"]; })], expect: /shared domain/ },
        { name: "wildcard in a target URL", resources: [mod(rcg, i => { i.ruleCollections[1].rules[0].targetUrls = ["*.vault.azure.net/secrets"]; })], expect: /targetUrls '\*\.vault\.azure\.net'/ },
        { name: "wildcard over an owned domain is fine", resources: [mod(rcg, i => { i.ruleCollections[1].rules[0].targetFqdns = ["*.pythonhosted.org"]; })], expect: "pass" },
        { name: "two /1 prefixes", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["0.0.0.0/1", "128.0.0.0/1"]; })], expect: /union covers 100% of the public IPv4 space/ },
        { name: "four /2 prefixes", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2"]; })], expect: /the internet/ },
        { name: "regional storage service tag", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["Storage.WestEurope"]; })], expect: /service tag 'Storage\.WestEurope'/ },
        { name: "the whole of Azure", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["AzureCloud"]; })], expect: /service tag 'AzureCloud'/ },
        { name: "a /8 of public space", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["20.0.0.0/8"]; })], expect: /wider than \/16/ },
        { name: "classic network rule to *", resources: [mod(fw, i => { i.networkRuleCollections = [{ name: "legacy", action: { type: "Allow" }, rules: [{ name: "all", sourceIpGroups: [ipg.id], destinationAddresses: ["*"], destinationPorts: ["*"], protocols: ["Any"] }] }]; })], expect: /networkRuleCollections\[0\]\.rules\[0\]/ },
    ],
    "firewall-dns-proxy-for-fqdn-network-rules": [
        { name: "FQDN network rules with DNS proxy", resources: [fwPolicy, rcgFqdn], expect: "pass" },
        { name: "no FQDN network rules, no proxy needed", resources: [mod(fwPolicy, i => { i.dnsSettings.enableProxy = false; }), rcg], expect: "pass" },
        { name: "FQDN network rules without DNS proxy", resources: [mod(fwPolicy, i => { i.dnsSettings.enableProxy = false; }), rcgFqdn], expect: /dnsSettings.enableProxy to true/ },
        { name: "FQDN network rules, proxy not set", resources: [mod(fwPolicy, i => { delete i.dnsSettings; }), rcgFqdn], expect: /enableProxy not set/ },
        { name: "policy not in the stack", resources: [rcgFqdn], expect: /not in this stack/ },
    ],
    "firewall-rule-sources-ip-groups-only": [
        { name: "sources from IP groups", resources: [rcg], expect: "pass" },
        { name: "sourceAddresses *", resources: [mod(rcg, i => { const r = i.ruleCollections[0].rules[0]; delete r.sourceIpGroups; r.sourceAddresses = ["*"]; })], expect: /sourceAddresses \["\*"\] \(any source\)/ },
        { name: "sourceAddresses adding up to the internet", resources: [mod(rcg, i => { const r = i.ruleCollections[0].rules[0]; delete r.sourceIpGroups; r.sourceAddresses = ["0.0.0.0/1", "128.0.0.0/1"]; })], expect: /\(any source\)/ },
        { name: "sourceAddresses with a private CIDR", resources: [mod(rcg, i => { i.ruleCollections[1].rules[0].sourceAddresses = ["10.11.0.0/24"]; })], expect: /Remove sourceAddresses/ },
        { name: "no source at all", resources: [mod(rcg, i => { delete i.ruleCollections[1].rules[0].sourceIpGroups; })], expect: /has no source/ },
    ],
    "firewall-rule-sources-ip-groups": [
        { name: "IP group of Databricks subnets", resources: [host, container, ipg, rcg], expect: "pass" },
        { name: "IP group with a non-Databricks range", resources: [host, container, mod(ipg, i => { i.ipAddresses.push("10.10.1.0/26"); }), rcg], expect: /holds '10.10.1.0\/26'/ },
        { name: "IP group from elsewhere", resources: [host, container, rcg], expect: /not an azure-native:network:IpGroup in this stack/ },
        { name: "no Databricks subnet yet: planned private prefixes", resources: [ipg, rcg], expect: "pass" },
        { name: "no Databricks subnet yet: public prefix", resources: [mod(ipg, i => { i.ipAddresses.push("8.8.8.0/24"); }), rcg], expect: /'8\.8\.8\.0\/24', which is not a private/ },
    ],
    "nsg-no-inbound-from-internet": [
        { name: "Bastion NSG with the documented rules", resources: [bastionNsg, bastionSubnet], expect: "pass" },
        { name: "Databricks NSG", resources: [dbxNsg, host], expect: "pass" },
        { name: "outbound to Internet is not inbound", resources: [mod(dbxNsg, i => { i.securityRules.push({ ...internetRule("443"), direction: "Outbound" }); })], expect: "pass" },
        { name: "SSH from Internet on the Bastion NSG", resources: [mod(bastionNsg, i => { i.securityRules.push(internetRule("22")); }), bastionSubnet], expect: /Allow22FromOutside.*management port\(s\) 22/ },
        { name: "RDP from a public /24 (not the Internet tag)", resources: [mod(dbxNsg, i => { i.securityRules.push(internetRule("3389", "203.0.113.0/24")); })], expect: /public sources \["203\.0\.113\.0\/24"\] to management port\(s\) 3389/ },
        { name: "SSH inside a port range from AzureCloud", resources: [mod(dbxNsg, i => { i.securityRules.push(internetRule("20-25", "AzureCloud")); })], expect: /management port\(s\) 22/ },
        { name: "two /1 prefixes are the internet", resources: [mod(dbxNsg, i => { i.securityRules.push({ ...internetRule("8080"), sourceAddressPrefix: undefined, sourceAddressPrefixes: ["0.0.0.0/1", "128.0.0.0/1"] }); })], expect: /admits the internet/ },
        { name: "VirtualNetwork to SSH is private", resources: [mod(dbxNsg, i => { i.securityRules.push(internetRule("22", "VirtualNetwork")); })], expect: "pass" },
        { name: "443 from * (not the Internet tag) on the Bastion NSG", resources: [mod(bastionNsg, i => { i.securityRules[0].sourceAddressPrefix = "*"; }), bastionSubnet], expect: /AllowHttpsInbound/ },
        { name: "Any via sourceAddressPrefixes", resources: [mod(dbxNsg, i => { i.securityRules.push({ ...internetRule("8443"), sourceAddressPrefix: undefined, sourceAddressPrefixes: ["0.0.0.0/0"] }); })], expect: /0\.0\.0\.0\/0/ },
        { name: "separate SecurityRule resource", resources: [dbxNsg, f.resource(ctx, `${NET}:SecurityRule`, "open-rule", { resourceGroupName: ctx.rg, networkSecurityGroupName: "ztp-dbx-nsg", securityRuleName: "open", ...internetRule("80", "*") })], expect: /SecurityRule 'open-rule'.*rule 'open'/ },
    ],
    "nsg-bastion-rule-only-on-bastion-subnet": [
        { name: "on the Bastion subnet's NSG", resources: [bastionNsg, bastionSubnet], expect: "pass" },
        { name: "Bastion rules on an NSG not attached to AzureBastionSubnet", resources: [bastionNsg], expect: /AllowHttpsInbound.*not attached to AzureBastionSubnet/ },
    ],
    "public-ip-only-on-edge-services": [
        { name: "firewall public IP", resources: [fwPip, fw], expect: "pass" },
        { name: "NAT gateway prefix", resources: [f.resource(ctx, `${NET}:PublicIPPrefix`, "natp", { resourceGroupName: ctx.rg, publicIpPrefixName: "natp", prefixLength: 31 }), f.resource(ctx, `${NET}:NatGateway`, "nat", { resourceGroupName: ctx.rg, natGatewayName: "nat", publicIpPrefixes: [{ id: `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}/providers/Microsoft.Network/publicIPPrefixes/natp` }] })], expect: "pass" },
        { name: "orphan public IP", resources: [fwPip], expect: /is not used by an Azure Firewall/ },
    ],
    "no-public-ip-on-workloads": [
        { name: "private NIC", resources: [f.resource(ctx, `${NET}:NetworkInterface`, "vm-nic", { resourceGroupName: ctx.rg, networkInterfaceName: "vm-nic", ipConfigurations: [{ name: "ip", subnet: { id: host.id } }] })], expect: "pass" },
        { name: "public IP on a NIC", resources: [fwPip, fw, f.resource(ctx, `${NET}:NetworkInterface`, "vm-nic", { resourceGroupName: ctx.rg, networkInterfaceName: "vm-nic", ipConfigurations: [{ name: "ip", subnet: { id: host.id }, publicIPAddress: { id: fwPip.id } }] })], expect: /NetworkInterface 'vm-nic' has ipConfigurations\[0\]\.publicIPAddress/ },
        { name: "public load balancer", resources: [f.resource(ctx, `${NET}:LoadBalancer`, "lb", { resourceGroupName: ctx.rg, loadBalancerName: "lb", frontendIPConfigurations: [{ name: "fe", publicIPPrefix: { id: "/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/publicIPPrefixes/z" } }] })], expect: /frontendIPConfigurations\[0\]\.publicIPPrefix/ },
    ],
    "databricks-subnet-nsg-and-route-table": [
        { name: "delegated subnet with NSG and route table", resources: [host], expect: "pass" },
        { name: "plain subnet needs neither", resources: [peSubnet], expect: "pass" },
        { name: "no NSG", resources: [mod(host, i => { delete i.networkSecurityGroup; })], expect: /no networkSecurityGroup/ },
        { name: "no route table", resources: [mod(host, i => { delete i.routeTable; })], expect: /no routeTable/ },
        { name: "inline subnet on a VNet", resources: [mod(spokeVnet, i => { i.subnets = [{ name: "snet-inline", addressPrefix: "10.11.3.0/26", delegations: [{ name: "d", serviceName: "Microsoft.Databricks/workspaces" }], networkSecurityGroup: { id: dbxNsg.id } }]; })], expect: /subnet 'snet-inline'.*no routeTable/ },
    ],
    "databricks-default-route-to-firewall": [
        { name: "0.0.0.0/0 to the firewall", resources: [fw, dbxRt, host, container], expect: "pass" },
        { name: "separate Route resource to the firewall", resources: [fw, mod(dbxRt, i => { delete i.routes; }), host, f.resource(ctx, `${NET}:Route`, "default-route", { resourceGroupName: ctx.rg, routeTableName: "ztp-dbx-rt", routeName: "default", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: FW_IP })], expect: "pass" },
        { name: "0.0.0.0/0 to Internet", resources: [fw, mod(dbxRt, i => { i.routes[0].nextHopType = "Internet"; delete i.routes[0].nextHopIpAddress; }), host], expect: /'0\.0\.0\.0\/0' -> 'Internet'.*longest-prefix match.*Set nextHopType to 'VirtualAppliance' and nextHopIpAddress to '10\.10\.0\.4'/ },
        { name: "separate Route resource to Internet", resources: [fw, mod(dbxRt, i => { delete i.routes; }), host, f.resource(ctx, `${NET}:Route`, "default-route", { resourceGroupName: ctx.rg, routeTableName: "ztp-dbx-rt", routeName: "default", addressPrefix: "0.0.0.0/0", nextHopType: "Internet" })], expect: /Route 'default-route'/ },
        { name: "appliance that is not the firewall", resources: [fw, mod(dbxRt, i => { i.routes[0].nextHopIpAddress = "10.10.0.5"; }), host], expect: /'VirtualAppliance' '10\.10\.0\.5'\) is the longest-prefix match/ },
        { name: "no default route", resources: [fw, mod(dbxRt, i => { i.routes = []; }), host], expect: /has no route for public addresses 1\.0\.0\.0-9\.255\.255\.255/ },
        { name: "no firewall in the stack", resources: [dbxRt, host], expect: /no Azure Firewall/ },
        { name: "0/1 + 128/1 to the firewall instead of a default route", resources: [fw, mod(dbxRt, i => { i.routes = ["0.0.0.0/1", "128.0.0.0/1"].map((p, n) => ({ name: `half-${n}`, addressPrefix: p, nextHopType: "VirtualAppliance", nextHopIpAddress: FW_IP })); }), host], expect: "pass" },
        { name: "more specific public route around the firewall", resources: [fw, mod(dbxRt, i => { i.routes.push({ name: "storage-direct", addressPrefix: "20.60.0.0/16", nextHopType: "Internet" }); }), host], expect: /route 'storage-direct' \('20\.60\.0\.0\/16' -> 'Internet'\) is the longest-prefix match for public addresses 20\.60\.0\.0\/16/ },
        { name: "private routes may go elsewhere", resources: [fw, mod(dbxRt, i => { i.routes.push({ name: "onprem", addressPrefix: "192.168.0.0/16", nextHopType: "VirtualNetworkGateway" }); }), host], expect: "pass" },
        { name: "service-tag route to Internet", resources: [fw, mod(dbxRt, i => { i.routes.push({ name: "storage-tag", addressPrefix: "Storage.WestEurope", nextHopType: "Internet" }); }), host], expect: /sends service tag 'Storage\.WestEurope'/ },
        { name: "None (drop) is fine", resources: [fw, mod(dbxRt, i => { i.routes.push({ name: "blackhole", addressPrefix: "1.2.3.0/24", nextHopType: "None" }); }), host], expect: "pass" },
        { name: "route table from elsewhere", resources: [fw, host], expect: /not in this stack/ },
    ],
    "databricks-route-table-bgp-propagation-disabled": [
        { name: "propagation disabled", resources: [dbxRt, host], expect: "pass" },
        { name: "propagation on", resources: [mod(dbxRt, i => { i.disableBgpRoutePropagation = false; }), host], expect: /disableBgpRoutePropagation false/, level: "advisory" },
    ],
    "private-endpoint-automatic-approval": [
        { name: "automatic approval", resources: [ws, wsPe], expect: "pass" },
        { name: "manual approval to a foreign resource", resources: [mod(wsPe, i => { i.manualPrivateLinkServiceConnections = [{ name: "fabric", privateLinkServiceId: "/subscriptions/9/resourceGroups/other/providers/Microsoft.Fabric/privateLinkServicesForFabric/x", groupIds: ["workspace"] }]; delete i.privateLinkServiceConnections; })], expect: "pass" },
        { name: "manual approval to an own resource", resources: [ws, mod(wsPe, i => { i.manualPrivateLinkServiceConnections = i.privateLinkServiceConnections; delete i.privateLinkServiceConnections; })], expect: /Move it to privateLinkServiceConnections/ },
    ],
    "private-endpoint-with-dns": [
        { name: "endpoint with zone group", resources: [sa, saPe, saPeDns], expect: "pass" },
        { name: "azuremonitor endpoint in all five zones", resources: [ampls, amplsPe, amplsDns(MONITOR_ZONES)], expect: "pass" },
        { name: "azuremonitor endpoint without the ODS and blob zones", resources: [ampls, amplsPe, amplsDns(MONITOR_ZONES.filter(z => !z.includes(".ods.") && !z.includes(".blob.")))], expect: /serves sub-resource 'azuremonitor' but its DNS zone group lacks 'privatelink\.ods\.opinsights\.azure\.com', 'privatelink\.blob\.core\.windows\.net'/ },
        { name: "workspace endpoint with the Databricks zone", resources: [ws, wsPe, wsPeDns], expect: "pass" },
        { name: "private resource without endpoint", resources: [sa], expect: /StorageAccount 'sa' has public network access disabled but no private endpoint/ },
        { name: "Key Vault without endpoint", resources: [kv], expect: /Vault 'kv'/ },
        { name: "Fabric-only account still needs its endpoint", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; })], expect: /StorageAccount 'sa' admits only Fabric trusted workspace access on its public endpoint but no private endpoint/ },
        { name: "Fabric-only account with its endpoint", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; }), saPe, saPeDns], expect: "pass" },
        { name: "endpoint without zone group", resources: [sa, saPe], expect: /has no PrivateDnsZoneGroup.*privateEndpointName 'ztp-sa-pe'/ },
        { name: "zone group in the wrong zone", resources: [sa, saPe, f.dnsZoneGroup(ctx, "sa-pe-dns", "ztp-sa-pe", zoneDbx.id!)], expect: /sub-resource 'blob'.*privatelink\.blob\.core\.windows\.net/ },
        { name: "AI services endpoint in all three zones", resources: [aiAccount, aiPe, aiPeDns(aiZones)], expect: "pass" },
        { name: "AI services endpoint without the OpenAI zone", resources: [aiAccount, aiPe, aiPeDns([aiZones[0], aiZones[2]])], expect: /kind 'AIServices'.*lacks 'privatelink\.openai\.azure\.com': those host names/ },
        { name: "AI services account without endpoint", resources: [aiAccount], expect: /Account 'ai-account' has public network access disabled but no private endpoint/ },
        { name: "ML workspace endpoint in both Azure ML zones", resources: [mlWs, mlPe, mlPeDns(mlZones)], expect: "pass" },
        { name: "ML workspace endpoint without the notebooks zone", resources: [mlWs, mlPe, mlPeDns([mlZones[0]])], expect: /sub-resource 'amlworkspace'.*lacks 'privatelink\.notebooks\.azure\.net'/ },
        { name: "registry without endpoint", resources: [acr], expect: /Registry 'acr-registry' has public network access disabled but no private endpoint/ },
    ],
    "private-endpoint-has-connection": [
        { name: "complete endpoint", resources: [saPe], expect: "pass" },
        { name: "no connection", resources: [mod(saPe, i => { delete i.privateLinkServiceConnections; })], expect: /no privateLinkServiceConnections/ },
        { name: "no groupIds", resources: [mod(saPe, i => { delete i.privateLinkServiceConnections[0].groupIds; })], expect: /without privateLinkServiceId or groupIds/ },
        { name: "no subnet", resources: [mod(saPe, i => { delete i.subnet; })], expect: /no subnet.id/ },
    ],
    "required-tags": [
        { name: "all tags", resources: [sa, hubVnet], expect: "pass" },
        { name: "untaggable types need none", resources: [host, saPeDns, f.resource(ctx, "azure-native:authorization:RoleAssignment", "ra", { scope: sa.id, principalId: "x", roleDefinitionId: "y" })], expect: "pass" },
        { name: "non-Azure resources need none", resources: [f.resource(ctx, "databricks:index/secretScope:SecretScope", "scope", { name: "kv" })], expect: "pass" },
        { name: "owner missing", resources: [mod(sa, i => { delete i.tags.owner; })], expect: /lacks tag\(s\) owner/ },
        { name: "empty value", resources: [mod(sa, i => { i.tags.costCenter = " "; })], expect: /costCenter/ },
        { name: "no tags at all", resources: [mod(hubVnet, i => { delete i.tags; })], expect: /environment, owner, costCenter, dataClassification\. Set tags\.environment/ },
    ],
    "policy-assignment-enforced": [
        { name: "enforced in prod", resources: [prodOf(guardrailAssignment)], expect: "pass" },
        { name: "audit-only outside prod", resources: [mod(guardrailAssignment, i => { i.enforcementMode = "DoNotEnforce"; })], expect: "pass" },
        { name: "DoNotEnforce in prod", resources: [prodOf(mod(guardrailAssignment, i => { i.enforcementMode = "DoNotEnforce"; }))], expect: /enforcementMode DoNotEnforce in a production stack/ },
        { name: "deploying built-in with identity and location", resources: [mod(guardrailAssignment, i => { i.policyDefinitionId = DINE; })], expect: "pass" },
        { name: "deploying built-in without identity", resources: [mod(guardrailAssignment, i => { i.policyDefinitionId = DINE; delete i.identity; })], expect: /assigns the deploying built-in '23057b42.*has no managed identity/ },
        { name: "deploying built-in identity without location", resources: [mod(guardrailAssignment, i => { i.policyDefinitionId = DINE; delete i.location; })], expect: /has a managed identity but no location/ },
        { name: "Deny built-in needs no identity", resources: [mod(guardrailAssignment, i => { i.policyDefinitionId = "/providers/Microsoft.Authorization/policyDefinitions/871b6d14-10aa-478d-b590-94f262ecfa99"; delete i.identity; delete i.location; })], expect: "pass" },
    ],
    "policy-set-assignment-identity": [
        { name: "set with a deploying member, assignment with identity", resources: [guardrailSet, guardrailAssignment], expect: "pass" },
        { name: "identity None", resources: [guardrailSet, mod(guardrailAssignment, i => { i.identity = { type: "None" }; })], expect: /set definition 'ztp-dev-guardrails' with deploying member\(s\) databricks-diagnostics but has no managed identity/ },
        { name: "no location", resources: [guardrailSet, mod(guardrailAssignment, i => { delete i.location; })], expect: /no location/ },
        { name: "set without deploying members needs none", resources: [mod(guardrailSet, i => { i.policyDefinitions = i.policyDefinitions.slice(0, 1); }), mod(guardrailAssignment, i => { delete i.identity; })], expect: "pass" },
        { name: "set of another stack is not judged", resources: [mod(guardrailAssignment, i => { delete i.identity; })], expect: "pass" },
    ],
    "alerts-and-budget-wired": [
        { name: "group, query and activity log alerts, budget", resources: alertWorld(), expect: "pass" },
        { name: "no platform resources, nothing required", resources: [sa], expect: "pass" },
        { name: "no action group", resources: [fw], expect: /no enabled azure-native:insights:ActionGroup/ },
        { name: "action group without receivers", resources: [...without("alerts-ag"), mod(actionGroup, i => { i.emailReceivers = []; })], expect: /no enabled azure-native:insights:ActionGroup with an email or webhook receiver/ },
        { name: "no Key Vault alert", resources: without("alerts-kv-denied"), expect: /Key Vault access denied/ },
        { name: "storage alert notifying nobody", resources: [...without("alerts-storage-auth"), mod(queryRule("storage-auth", "StorageBlobLogs"), i => { i.actions.actionGroups = []; })], expect: /storage authentication failures.*notify another or none/ },
        { name: "jobs without a landing alert", resources: [...alertWorld(), f.resource(ctx, "databricks:index/job:Job", "landing-mirror", { name: "ztp-dev-onelake-mirror" })], expect: /failed landing runs \(DatabricksJobs\)/ },
        { name: "no NSG alert", resources: without("alerts-nsgs"), expect: /writes to network security groups/ },
        { name: "policy assignment alert in a region", resources: [...without("alerts-policy-assignments"), mod(activityAlert("policy-assignments", "Microsoft.Authorization/policyAssignments/write"), i => { i.location = "westeurope"; })], expect: /writes to policy assignments/ },
        { name: "no budget", resources: without("alerts-budget"), expect: /no azure-native:consumption:Budget/ },
        { name: "budget without a forecast threshold", resources: [...without("alerts-budget"), mod(budgetFixture, i => { delete i.notifications["forecast-100"]; })], expect: /lack an Actual or a Forecasted notification/ },
    ],
    "allowed-regions": [
        { name: "westeurope", resources: [sa], expect: "pass" },
        { name: "display name spelling", resources: [mod(sa, i => { i.location = "West Europe"; })], expect: "pass" },
        { name: "private DNS zone in Global", resources: [zoneDbx], expect: "pass" },
        { name: "Azure Monitor Private Link Scope in Global", resources: [ampls], expect: "pass" },
        { name: "a storage account in Global", resources: [mod(sa, i => { i.location = "global"; })], expect: /only DNS zones, their virtual network links, action groups, activity log alerts and Azure Monitor Private Link Scopes may be global/ },
        { name: "configured list", resources: [mod(sa, i => { i.location = "northeurope"; })], config: { "allowed-regions": { allowedLocations: ["northeurope"] } }, expect: "pass" },
        { name: "sovereign region", resources: [mod(sa, i => { i.location = "usgovvirginia"; })], expect: /'usgovvirginia', which is not an allowed region/ },
        { name: "outside the configured list", resources: [sa], config: { "allowed-regions": { allowedLocations: ["northeurope"] } }, expect: /one of: northeurope/ },
        { name: "global storage", resources: [mod(sa, i => { i.location = "global"; })], expect: /only DNS zones, their virtual network links, action groups/ },
        { name: "action group and activity log alert in Global", resources: [actionGroup, activityAlert("nsgs", "Microsoft.Network/networkSecurityGroups/write")], expect: "pass" },
        { name: "scheduled query rule in Global", resources: [mod(queryRule("kv", "AzureDiagnostics"), i => { i.location = "Global"; })], expect: /action groups, activity log alerts and Azure Monitor Private Link Scopes may be global/ },
    ],
    "no-secret-stack-outputs": [
        { name: "ids, names and secret markers", resources: [], outputs: { keyVaultId: kv.id, keyVaultUri: "https://ztp-kv.vault.azure.net/", cmkKeyName: "cmk", adminPassword: "[secret]", secretScopeName: "kv-scope", disasterRecovery: "paired", hubSubnetIds: { snet: host.id } }, expect: "pass" },
        { name: "password in clear", resources: [], outputs: { adminPassword: "hunter2" }, expect: /'adminPassword' is exposed in clear: its name says/ },
        { name: "nested key in clear", resources: [], outputs: { storage: { primaryKey: "abc" } }, expect: /'storage.primaryKey'/ },
        { name: "connection string", resources: [], outputs: { landingConnectionString: "Server=x;Password=y" }, expect: /landingConnectionString/ },
        { name: "SAS token value", resources: [], outputs: { url: "https://a.blob.core.windows.net/c?sv=2022-11-02&sr=c&sig=AbCdEfGhIjKlMnOpQrStUv%3D" }, expect: /SAS token/ },
        { name: "JWT value", resources: [], outputs: { info: ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmMxMjM0NSJ9.sig"] }, expect: /'info\[0\]'.*JWT/ },
    ],
    // --- regression classes ---
    "databricks-secret-acl-not-everyone": [
        { name: "READ for a service principal", resources: [dbx(DBX_T.secretAcl, "acl", { scope: "platform", principal: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", permission: "READ" })], expect: "pass" },
        { name: "READ for all users", resources: [dbx(DBX_T.secretAcl, "acl", { scope: "platform", principal: "users", permission: "READ" })], expect: /to 'users': every user could read every secret/ },
    ],
    "databricks-no-unrestricted-cluster-create": [
        { name: "no cluster creation", resources: [dbx(DBX_T.servicePrincipal, "sp", { applicationId: "x", allowClusterCreate: false })], expect: "pass" },
        { name: "unrestricted cluster creation", resources: [dbx(DBX_T.servicePrincipal, "sp", { applicationId: "x", allowClusterCreate: true })], expect: /allowClusterCreate true/ },
    ],
    "databricks-job-code-not-user-writable": [
        { name: "jar in a platform folder", resources: [dbx(DBX_T.job, "job", { name: "mirror", tasks: [{ taskKey: "mirror", libraries: [{ jar: "/Workspace/zt-platform/landing/zt-landing-job.jar" }] }] })], expect: "pass" },
        { name: "jar in /Shared", resources: [dbx(DBX_T.job, "job", { name: "mirror", tasks: [{ taskKey: "mirror", libraries: [{ jar: "/Workspace/Shared/zt-landing/zt-landing-job.jar" }] }] })], expect: /task 'mirror' loads \/Workspace\/Shared\/zt-landing\/zt-landing-job.jar, in a folder every user can write/ },
        { name: "jar in a home folder", resources: [dbx(DBX_T.job, "job", { name: "mirror", tasks: [{ taskKey: "mirror", libraries: [{ jar: "/Users/someone@contoso.com/x.jar" }] }] })], expect: /every user can write/ },
    ],
    "databricks-catalog-isolated": [
        { name: "isolated catalog", resources: [dbx(UC_T.catalog, "catalog", { name: "prod_sales", isolationMode: "ISOLATED", storageRoot: "abfss://sales@lake.dfs.core.windows.net/prod_sales" })], expect: "pass" },
        { name: "open catalog", resources: [dbx(UC_T.catalog, "catalog", { name: "prod_sales", isolationMode: "OPEN" })], expect: /isolationMode 'OPEN': every workspace of the metastore/ },
        { name: "isolation left to the default", resources: [dbx(UC_T.catalog, "catalog", { name: "prod_sales" })], expect: /isolationMode .*Set isolationMode ISOLATED/ },
    ],
    "databricks-grants-not-everyone": [
        { name: "catalog grants to groups", resources: [dbx(UC_T.grants, "grants", { catalog: "prod_sales", grants: [{ principal: "data-engineers", privileges: ["USE_CATALOG"] }] })], expect: "pass" },
        { name: "catalog readable by account users", resources: [dbx(UC_T.grants, "grants", { catalog: "prod_sales", grants: [{ principal: "data-engineers", privileges: ["USE_CATALOG"] }, { principal: "Account Users", privileges: ["USE_CATALOG", "SELECT"] }] })], expect: /on catalog 'prod_sales' to 'Account Users': everyone in the account/ },
        { name: "single Grant to users", resources: [dbx(UC_T.grant, "grant", { schema: "prod_sales.orders", principal: "users", privileges: ["SELECT"] })], expect: /on schema 'prod_sales.orders' to 'users'/ },
    ],
    "databricks-open-recipient-ip-list": [
        { name: "Databricks-to-Databricks recipient with its storage networks", resources: [dbx(UC_T.recipient, "recipient", { name: "prod_acme", authenticationType: "DATABRICKS", dataRecipientGlobalMetastoreId: "azure:northeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", propertiesKvpairs: { properties: { storage_networks: "20.61.12.16/28" } } })], expect: "pass" },
        { name: "open recipient fenced to the partner's public addresses", resources: [dbx(UC_T.recipient, "recipient", { name: "prod_globex", authenticationType: "TOKEN", ipAccessList: { allowedIpAddresses: ["52.174.10.5", "20.61.12.16/28"] } })], expect: "pass" },
        { name: "Databricks-to-Databricks recipient without storage networks", resources: [dbx(UC_T.recipient, "recipient", { name: "prod_acme", authenticationType: "DATABRICKS", dataRecipientGlobalMetastoreId: "azure:northeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9" })], expect: /declares no storage networks \(recipient property storage_networks\)/ },
        { name: "Databricks-to-Databricks recipient without a metastore", resources: [dbx(UC_T.recipient, "recipient", { name: "prod_acme", authenticationType: "DATABRICKS", propertiesKvpairs: { properties: { storage_networks: "20.61.12.16/28" } } })], expect: /without dataRecipientGlobalMetastoreId/ },
        { name: "open recipient fenced to a documentation address", resources: [dbx(UC_T.recipient, "recipient", { name: "prod_globex", authenticationType: "TOKEN", ipAccessList: { allowedIpAddresses: ["203.0.113.10"] } })], expect: /special-purpose range 203.0.113.0\/24/ },
        { name: "open recipient with a /32 the storage firewall refuses", resources: [dbx(UC_T.recipient, "recipient", { name: "prod_globex", authenticationType: "TOKEN", ipAccessList: { allowedIpAddresses: ["52.174.10.5/32"] } })], expect: /no \/31 or \/32 range/ },
        { name: "open recipient without an IP list", resources: [dbx(UC_T.recipient, "recipient", { name: "prod_globex", authenticationType: "TOKEN" })], expect: /'prod_globex'\) is an open \(TOKEN\) recipient without an IP access list/ },
        { name: "open recipient open to the internet", resources: [dbx(UC_T.recipient, "recipient", { name: "prod_globex", authenticationType: "TOKEN", ipAccessList: { allowedIpAddresses: ["0.0.0.0/1", "128.0.0.0/1"] } })], expect: /private range 10.0.0.0\/8/ },
    ],
    "databricks-permissions-narrow": [
        { name: "CAN_USE for a service principal", resources: [dbx(DBX_T.permissions, "perm", { clusterPolicyId: "C1", accessControls: [{ servicePrincipalName: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", permissionLevel: "CAN_USE" }] })], expect: "pass" },
        { name: "CAN_READ for all users", resources: [dbx(DBX_T.permissions, "perm", { directoryPath: "/zt-platform/landing", accessControls: [{ groupName: "users", permissionLevel: "CAN_READ" }] })], expect: /grants CAN_READ to 'users': every user would get it/ },
        { name: "CAN_MANAGE for a principal", resources: [dbx(DBX_T.permissions, "perm", { directoryPath: "/zt-platform/landing", accessControls: [{ servicePrincipalName: "sp", permissionLevel: "CAN_MANAGE" }] })], expect: /grants CAN_MANAGE to 'sp'/ },
    ],
    "bastion-no-shareable-link-or-ip-connect": [
        { name: "documented Bastion", resources: [bastion()], expect: "pass" },
        { name: "shareable link on", resources: [mod(bastion(), i => { i.enableShareableLink = true; })], expect: /enableShareableLink true/ },
        { name: "IP connect on", resources: [mod(bastion(), i => { i.enableIpConnect = true; })], expect: /enableIpConnect true/ },
    ],
    "vpn-gateway-entra-id-only": [
        { name: "Entra ID over OpenVPN", resources: [vpnGw()], expect: "pass" },
        { name: "certificates added", resources: [mod(vpnGw(), i => { i.vpnClientConfiguration.vpnAuthenticationTypes = ["AAD", "Certificate"]; i.vpnClientConfiguration.vpnClientRootCertificates = [{ name: "root", publicCertData: "MIIB" }]; })], expect: /vpnAuthenticationTypes \["AAD","Certificate"\]/ },
        { name: "RADIUS", resources: [mod(vpnGw(), i => { i.vpnClientConfiguration.radiusServerAddress = "10.0.0.10"; })], expect: /RADIUS/ },
    ],
    "vm-no-password-auth": [
        { name: "SSH keys only", resources: [vm()], expect: "pass" },
        { name: "password auth on", resources: [mod(vm(), i => { i.osProfile.linuxConfiguration.disablePasswordAuthentication = false; })], expect: /disablePasswordAuthentication false/ },
        { name: "admin password set", resources: [mod(vm(), i => { i.osProfile.adminPassword = "[secret]"; })], expect: /adminPassword/ },
    ],
    "vm-disk-encryption-cmk": [
        { name: "encrypted at host, OS and data disks through a customer-key set", resources: [encryptedVm(), des()], expect: "pass" },
        { name: "no encryption at host", resources: [mod(encryptedVm(), i => { i.securityProfile.encryptionAtHost = false; })], expect: /encryptionAtHost false/ },
        { name: "OS disk under the platform key", resources: [mod(encryptedVm(), i => { delete i.storageProfile.osDisk.managedDisk.diskEncryptionSet; })], expect: /osDisk\.managedDisk\.diskEncryptionSet/ },
        { name: "a data disk under the platform key", resources: [mod(encryptedVm(), i => { i.storageProfile.dataDisks.push({ lun: 1, createOption: "Empty", diskSizeGB: 64, managedDisk: { storageAccountType: "Premium_LRS" } }); })], expect: /dataDisks\[1\]/ },
        { name: "set with platform keys", resources: [mod(des(), i => { i.encryptionType = "EncryptionAtRestWithPlatformKey"; })], expect: /encryptionType 'EncryptionAtRestWithPlatformKey'/ },
        { name: "set pinned to one key version", resources: [mod(des(), i => { delete i.rotationToLatestKeyVersionEnabled; })], expect: /rotationToLatestKeyVersionEnabled not set/ },
    ],
    "production-state-protected": [
        { name: "protected in production", resources: [{ ...prodOf(kv), options: { protect: true } }], expect: "pass" },
        { name: "unprotected outside production", resources: [kv], expect: "pass" },
        { name: "unprotected vault in production", resources: [prodOf(kv)], expect: /not protected in a production stack/ },
    ],
    "private-dns-zones-linked-to-hub": [
        { name: "zone linked to the hub", resources: [hubVnet, fwSubnet, zoneBlob, zoneLink(zoneBlob, hubVnet)], expect: "pass" },
        { name: "zone linked to a spoke only", resources: [hubVnet, fwSubnet, spokeVnet, zoneBlob, zoneLink(zoneBlob, spokeVnet)], expect: /not linked to the hub VNet/ },
        { name: "a workspace VNet's own Databricks zone holding its back-end record", resources: [hubVnet, fwSubnet, spokeVnet, ...spokeOwnZone()], expect: "pass" },
        { name: "a spoke's Databricks zone without the back-end record", resources: [hubVnet, fwSubnet, spokeVnet, ...spokeOwnZone().filter(r => r !== wsPeDns)], expect: /not linked to the hub VNet/ },
        { name: "a spoke's Databricks zone also linked to a second spoke", resources: [hubVnet, fwSubnet, spokeVnet, ...spokeOwnZone(), zoneLink(zoneDbx, f.vnet(ctx, "spoke2", "spoke2-vnet", "10.12.0.0/22"))], expect: /not linked to the hub VNet/ },
    ],
    "firewall-destinations-known": [
        { name: "catalogued names and own accounts", resources: [sa, mod(rcg, i => { i.ruleCollections[1].rules[0].targetFqdns = ["dblogprodwesteurope.blob.core.windows.net", "ztpsa.dfs.core.windows.net"]; })], expect: "pass" },
        { name: "someone else's storage account", resources: [sa, mod(rcg, i => { i.ruleCollections[1].rules[0].targetFqdns = ["exfil123.blob.core.windows.net"]; })], expect: /'exfil123\.blob\.core\.windows\.net' lies in the shared domain 'blob\.core\.windows\.net'/ },
        { name: "destination IP group holding the internet in two halves", resources: [mod(ipg, i => { i.ipAddresses = ["0.0.0.0/1", "128.0.0.0/1"]; }), mod(rcg, i => { const r = i.ruleCollections[0].rules[0]; delete r.destinationAddresses; r.destinationIpGroups = [ipg.id]; })], expect: /destination IP group .* holding .* the internet/ },
        { name: "destination IP group from elsewhere", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationIpGroups = ["/subscriptions/9/resourceGroups/x/providers/Microsoft.Network/ipGroups/other"]; })], expect: /destination IP group .* not an azure-native:network:IpGroup of this stack/ },
    ],
    "route-table-no-firewall-bypass": [
        { name: "forced tunnel only", resources: [dbxRt], expect: "pass" },
        { name: "firewall subnet table may send 0/0 to the internet", resources: [mod(dbxRt, i => { i.routes = [{ name: "internet", addressPrefix: "0.0.0.0/0", nextHopType: "Internet" }]; })], expect: "pass" },
        { name: "public /16 to the internet beside the forced tunnel", resources: [mod(dbxRt, i => { i.routes.push({ name: "sneaky", addressPrefix: "52.0.0.0/8", nextHopType: "Internet" }); })], expect: /route 'sneaky' sends public prefix '52\.0\.0\.0\/8' to nextHopType 'Internet' while the table forces/ },
        { name: "service tag to the internet", resources: [mod(dbxRt, i => { i.routes.push({ name: "tag", addressPrefix: "AzureCloud", nextHopType: "Internet" }); })], expect: /service tag 'AzureCloud'/ },
        { name: "separate Route resource to a public prefix", resources: [f.resource(ctx, `${NET}:Route`, "r1", { resourceGroupName: ctx.rg, routeTableName: "ztp-dbx-rt", routeName: "r1", addressPrefix: "8.8.8.0/24", nextHopType: "VirtualNetworkGateway" })], expect: /public prefix '8\.8\.8\.0\/24'/ },
    ],
    "vnet-peering-hub-spoke-only": [
        { name: "hub to spoke", resources: [hubVnet, fwSubnet, spokeVnet, peering("hub-to-spoke", "hub-vnet", spokeVnet.id!)], expect: "pass" },
        { name: "spoke to spoke", resources: [hubVnet, fwSubnet, spokeVnet, f.vnet(ctx, "spoke2", "spoke2-vnet", "10.12.0.0/22"), peering("s2s", "spoke-vnet", `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}/providers/Microsoft.Network/virtualNetworks/spoke2-vnet`)], expect: /directly with spoke/ },
        { name: "peering to an unknown VNet", resources: [hubVnet, fwSubnet, peering("foreign", "hub-vnet", "/subscriptions/9/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/partner")], expect: /not a VNet of this stack/ },
    ],
    "vnet-dns-servers-private": [
        { name: "hub firewall as DNS", resources: [mod(spokeVnet, i => { i.dhcpOptions = { dnsServers: [FW_IP] }; })], expect: "pass" },
        { name: "public resolver", resources: [mod(spokeVnet, i => { i.dhcpOptions = { dnsServers: ["8.8.8.8"] }; })], expect: /DNS server '8\.8\.8\.8'/ },
        { name: "Azure's resolver set explicitly", resources: [mod(spokeVnet, i => { i.dhcpOptions = { dnsServers: ["168.63.129.16"] }; })], expect: /168\.63\.129\.16/ },
    ],
    "spoke-dns-through-hub": [
        { name: "spoke uses the firewall's DNS proxy", resources: [fw, hubVnet, fwSubnet, mod(spokeVnet, i => { i.dhcpOptions = { dnsServers: [FW_IP] }; }), peering("hub-to-spoke", "hub-vnet", spokeVnet.id!)], expect: "pass" },
        { name: "spoke without DNS servers", resources: [fw, hubVnet, fwSubnet, spokeVnet, peering("hub-to-spoke", "hub-vnet", spokeVnet.id!)], expect: /has no dhcpOptions\.dnsServers/ },
        { name: "workspace spoke on Azure DNS with its own back-end zone", resources: [fw, hubVnet, fwSubnet, spokeVnet, peering("hub-to-spoke", "hub-vnet", spokeVnet.id!), ...spokeOwnZone()], expect: "pass" },
        { name: "own zone without the back-end record", resources: [fw, hubVnet, fwSubnet, spokeVnet, peering("hub-to-spoke", "hub-vnet", spokeVnet.id!), ...spokeOwnZone().filter(r => r !== wsPeDns)], expect: /has no dhcpOptions\.dnsServers/ },
        { name: "own zone also linked to the hub is not the pattern", resources: [fw, hubVnet, fwSubnet, spokeVnet, peering("hub-to-spoke", "hub-vnet", spokeVnet.id!), ...spokeOwnZone(), zoneLink(zoneDbx, hubVnet)], expect: /has no dhcpOptions\.dnsServers/ },
        { name: "spoke on Azure DNS not linked to another privatelink zone", resources: [fw, hubVnet, fwSubnet, spokeVnet, peering("hub-to-spoke", "hub-vnet", spokeVnet.id!), ...spokeOwnZone(), zoneBlob], expect: /not linked to \["privatelink\.blob\.core\.windows\.net"\]/ },
        { name: "spoke with another private resolver", resources: [fw, hubVnet, fwSubnet, mod(spokeVnet, i => { i.dhcpOptions = { dnsServers: ["10.99.0.53"] }; }), peering("hub-to-spoke", "hub-vnet", spokeVnet.id!)], expect: /resolves DNS through \["10\.99\.0\.53"\]/ },
    ],
    "role-assignment-least-privilege": [
        { name: "Secrets User on a vault", resources: [role("4633458b-17de-408a-b874-0445c86b69e6", kv.id!, "ServicePrincipal")], expect: "pass" },
        { name: "Owner on the subscription", resources: [role("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", `/subscriptions/${f.SUB}`, "User")], expect: /grants Owner at scope/ },
        { name: "Contributor on a management group", resources: [role("b24988ac-6180-42a0-ab88-20f7382dd24c", "/providers/Microsoft.Management/managementGroups/root", "Group")], expect: /grants Contributor/ },
        { name: "User Access Administrator on the subscription (trailing slash)", resources: [role("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", `/subscriptions/${f.SUB}/`, "ServicePrincipal")], expect: /User Access Administrator/ },
        { name: "Owner on one resource group", resources: [role("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}`, "User")], expect: /grants Owner at scope/ },
        { name: "User Access Administrator on one vault", resources: [role("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", kv.id!, "ServicePrincipal")], expect: /User Access Administrator/ },
        { name: "Contributor on one resource group", resources: [role("b24988ac-6180-42a0-ab88-20f7382dd24c", `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}`, "ServicePrincipal")], expect: "pass" },
        { name: "the deployment identity's Contributor on the subscription", resources: [deployRole(role("b24988ac-6180-42a0-ab88-20f7382dd24c", `/subscriptions/${f.SUB}`, "ServicePrincipal"))], expect: "pass" },
        { name: "RBAC Administrator constrained to granted roles", resources: [deployRole(rbac(constrained(["4633458b-17de-408a-b874-0445c86b69e6", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"])))], expect: "pass" },
        { name: "RBAC Administrator without a condition", resources: [rbac(undefined)], expect: /Role Based Access Control Administrator but has no condition/ },
        { name: "RBAC Administrator whose condition allows Owner", resources: [rbac(constrained(["4633458b-17de-408a-b874-0445c86b69e6", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"]))], expect: /condition that allows Owner/ },
        { name: "RBAC Administrator whose condition constrains writes only", resources: [rbac(constrained(["4633458b-17de-408a-b874-0445c86b69e6"]).split(" AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})")[0])], expect: /does not constrain roleAssignments\/delete/ },
        { name: "RBAC Administrator with condition version 1.0", resources: [rbac(constrained(["4633458b-17de-408a-b874-0445c86b69e6"]), "1.0")], expect: /conditionVersion '1.0'/ },
        { name: "Key Vault Administrator for a service principal", resources: [role("00482a5a-887f-4fb3-b363-3b7fe8e74483", kv.id!, "ServicePrincipal")], expect: /Key Vault Administrator to principalType 'ServicePrincipal'/ },
        { name: "Key Vault Administrator without principalType", resources: [role("00482a5a-887f-4fb3-b363-3b7fe8e74483", kv.id!, undefined)], expect: /principalType not set/ },
    ],
    "federated-credential-github-exact": [
        { name: "environment subject", resources: [fic("repo:contoso/zt-databricks:environment:prod")], expect: "pass" },
        { name: "pull request subject", resources: [fic("repo:contoso/zt-databricks:pull_request")], expect: "pass" },
        { name: "wildcard subject", resources: [fic("repo:contoso/zt-databricks:*")], expect: /subject 'repo:contoso\/zt-databricks:\*'/ },
        { name: "branch subject", resources: [fic("repo:contoso/zt-databricks:ref:refs/heads/main")], expect: /exact subject of a workflow job/ },
        { name: "another issuer", resources: [fic("repo:contoso/zt-databricks:pull_request", i => { i.issuer = "https://token.actions.githubusercontent.com/contoso"; })], expect: /trusts issuer/ },
        { name: "a second audience", resources: [fic("repo:contoso/zt-databricks:pull_request", i => { i.audiences = ["api://AzureADTokenExchange", "api://other"]; })], expect: /has audiences/ },
    ],
    "diagnostic-settings-on-critical-resources": [
        { name: "firewall and vault logged", resources: [fw, kv, diag("fw-diag", fw.id!, [{ category: "AZFWApplicationRule", enabled: true }, { category: "AZFWNetworkRule", enabled: true }]), diag("kv-diag", kv.id!, [{ categoryGroup: "audit", enabled: true }])], expect: "pass" },
        { name: "firewall without diagnostics", resources: [fw], expect: /AzureFirewall 'fw' has no diagnostic setting/ },
        { name: "vault log disabled", resources: [kv, diag("kv-diag", kv.id!, [{ categoryGroup: "audit", enabled: false }])], expect: /Vault 'kv' has diagnostic setting\(s\) 'kv-diag' without a destination or without the audit log/ },
        { name: "no destination", resources: [kv, mod(diag("kv-diag", kv.id!, [{ categoryGroup: "allLogs", enabled: true }]), i => { delete i.workspaceId; })], expect: /without a destination/ },
    ],
    "diagnostic-settings-to-platform-workspace": [
        { name: "vault, VNet and every storage service to the workspace", resources: [law, kv, hubVnet, sa, diag("kv-diag", kv.id!, [{ categoryGroup: "allLogs", enabled: true }]),
            diag("vnet-diag", hubVnet.id!, [{ category: "VMProtectionAlerts", enabled: true }]), diag("law-diag", law.id!, [{ categoryGroup: "allLogs", enabled: true }]),
            ...["blob", "file", "queue", "table"].map(s => diag(`sa-${s}`, `${sa.id!}/${s}Services/default`, [{ categoryGroup: "allLogs", enabled: true }]))], expect: "pass" },
        { name: "NSG without a setting", resources: [law, diag("law-diag", law.id!, [{ categoryGroup: "allLogs", enabled: true }]), f.nsg(ctx, "nsg", "ztp-nsg", [])],
            expect: /NetworkSecurityGroup 'nsg' \(Microsoft\.Network\/networkSecurityGroups\) has resource logs but no diagnostic setting/ },
        { name: "vault logs to another workspace", resources: [law, diag("law-diag", law.id!, [{ categoryGroup: "allLogs", enabled: true }]), kv,
            mod(diag("kv-diag", kv.id!, [{ categoryGroup: "allLogs", enabled: true }]), i => { i.workspaceId = LAW_ID.replace("/law", "/elsewhere"); })], expect: /Vault 'kv' .* has resource logs/ },
        { name: "storage account with only its blob service logged", resources: [law, diag("law-diag", law.id!, [{ categoryGroup: "allLogs", enabled: true }]), sa,
            diag("sa-blob", `${sa.id!}/blobServices/default`, [{ categoryGroup: "allLogs", enabled: true }])], expect: /sends no logs of its fileServices, queueServices, tableServices/ },
        { name: "every log disabled", resources: [law, diag("law-diag", law.id!, [{ categoryGroup: "allLogs", enabled: true }]), hubVnet,
            diag("vnet-diag", hubVnet.id!, [{ category: "VMProtectionAlerts", enabled: false }])], expect: /VirtualNetwork 'hub-vnet' .* has resource logs/ },
    ],
    "vnet-flow-logs-traffic-analytics": [
        { name: "hub with traffic analytics", resources: [hubVnet, flowLog("hub-fl", hubVnet.id!)], expect: "pass" },
        { name: "spoke without a flow log", resources: [hubVnet, spokeVnet, flowLog("hub-fl", hubVnet.id!)], expect: /VirtualNetwork 'spoke-vnet' has no flow log/ },
        { name: "traffic analytics off", resources: [hubVnet, mod(flowLog("hub-fl", hubVnet.id!), i => { i.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.enabled = false; })],
            expect: /flow log 'hub-fl' has traffic analytics off/ },
        { name: "flow log disabled and without retention", resources: [hubVnet, mod(flowLog("hub-fl", hubVnet.id!), i => { i.enabled = false; delete i.retentionPolicy; })],
            expect: /is disabled, keeps its files without a retention policy/ },
        { name: "analytics without a workspace", resources: [hubVnet, mod(flowLog("hub-fl", hubVnet.id!), i => { delete i.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.workspaceResourceId; })],
            expect: /names no traffic analytics workspace/ },
    ],
    "databricks-serverless-egress-restricted": [
        { name: "restricted, enforced, exact names", resources: [anp()], expect: "pass" },
        { name: "dry run outside production", resources: [anp(e => { e.policyEnforcement.enforcementMode = "DRY_RUN"; })], expect: "pass" },
        { name: "dry run in production", resources: [prodOf(anp(e => { e.policyEnforcement.enforcementMode = "DRY_RUN"; }))], expect: /'DRY_RUN' in a production stack/ },
        { name: "full access", resources: [anp(e => { e.restrictionMode = "FULL_ACCESS"; })], expect: /restrictionMode 'FULL_ACCESS'/ },
        { name: "wildcard over blob storage", resources: [anp(e => { e.allowedInternetDestinations.push({ destination: "*.blob.core.windows.net", internetDestinationType: "DNS_NAME" }); })], expect: /wildcard over the shared domain 'blob\.core\.windows\.net'/ },
    ],
    "databricks-serverless-destinations-known": [
        { name: "catalogued names and the stack's account", resources: [sa, anp(e => { e.allowedInternetDestinations.push({ destination: "dblogprodwesteurope.blob.core.windows.net", internetDestinationType: "DNS_NAME" }); e.allowedStorageDestinations = [{ azureStorageAccount: "ztpsa", azureStorageService: "blob", storageDestinationType: "AZURE_STORAGE" }]; })], expect: "pass" },
        { name: "someone else's storage by DNS name", resources: [anp(e => { e.allowedInternetDestinations.push({ destination: "exfil99.dfs.core.windows.net", internetDestinationType: "DNS_NAME" }); })], expect: /exfil99\.dfs\.core\.windows\.net' lies in the shared domain/ },
        { name: "someone else's storage account", resources: [sa, anp(e => { e.allowedStorageDestinations = [{ azureStorageAccount: "attackerlake", azureStorageService: "dfs", storageDestinationType: "AZURE_STORAGE" }]; })], expect: /storage account 'attackerlake', which is not a storage account of this stack/ },
    ],
    "databricks-secret-scope-key-vault": [
        { name: "Key Vault-backed", resources: [scope()], expect: "pass" },
        { name: "Databricks-backed", resources: [mod(scope(), i => { delete i.backendType; delete i.keyvaultMetadata; })], expect: /backendType not set/ },
    ],
    "databricks-cluster-policy-hardened": [
        { name: "the platform policy", resources: [clusterPolicy()], expect: "pass" },
        { name: "runtime not pinned", resources: [clusterPolicy(d => { d.spark_version = { type: "unlimited", defaultValue: "auto:latest-lts" }; })], expect: /pins no runtime/ },
        { name: "no-isolation mode allowed", resources: [clusterPolicy(d => { d.data_security_mode = { type: "allowlist", values: ["SINGLE_USER", "NONE"] }; })], expect: /isolated access mode/ },
        { name: "workspace init scripts no longer forbidden", resources: [clusterPolicy(d => { delete d["init_scripts.*.workspace.destination"]; })], expect: /does not forbid workspace init scripts/ },
        { name: "abfss init script fixed in", resources: [clusterPolicy(d => { d["init_scripts.0.abfss.destination"] = { type: "fixed", value: "abfss://x@y.dfs.core.windows.net/i.sh" }; })], expect: /init script attribute init_scripts\.0\.abfss\.destination/ },
    ],
    "databricks-job-clusters-hardened": [
        { name: "policy, single user, pinned", resources: [job()], expect: "pass" },
        { name: "no policy, no isolation", resources: [job(c => { delete c.policyId; c.dataSecurityMode = "NONE"; })], expect: /without a cluster policy/ },
        { name: "init script", resources: [job(c => { c.initScripts = [{ workspace: { destination: "/x.sh" } }]; })], expect: /has init scripts/ },
    ],
    "databricks-ip-access-list-narrow": [
        { name: "office range", resources: [ipAccess(["203.0.113.0/28"])], expect: "pass" },
        { name: "block list may be wide", resources: [mod(ipAccess(["0.0.0.0/0"]), i => { i.listType = "BLOCK"; })], expect: "pass" },
        { name: "the internet", resources: [ipAccess(["0.0.0.0/1", "128.0.0.0/1"])], expect: /amounts to the internet/ },
        { name: "a /8", resources: [ipAccess(["20.0.0.0/8"])], expect: /wider than \/16/ },
    ],
    "databricks-workspace-conf-hardened": [
        { name: "production settings", resources: [prodOf(conf())], expect: "pass" },
        { name: "export allowed in dev", resources: [conf(c => { c.enableExportNotebook = "true"; })], expect: "pass" },
        { name: "export allowed in production", resources: [prodOf(conf(c => { c.enableExportNotebook = "true"; }))], expect: /enableExportNotebook 'true' in a production stack/ },
        { name: "download left at the default in production", resources: [prodOf(conf(c => { delete c.enableResultsDownloading; }))], expect: /enableResultsDownloading not set/ },
        { name: "tokens without a lifetime", resources: [conf(c => { delete c.maxTokenLifetimeDays; })], expect: /maxTokenLifetimeDays not set/ },
    ],
    "databricks-hardening-settings-on": [
        { name: "legacy access disabled", resources: [hardening(DBX_T.disableLegacyAccess, { disableLegacyAccess: { value: true } })], expect: "pass" },
        { name: "legacy access re-enabled in production", resources: [prodOf(hardening(DBX_T.disableLegacyAccess, { disableLegacyAccess: { value: false } }))], expect: /disableLegacyAccess\.value false/ },
        { name: "legacy access left on outside production is decided per stack", resources: [hardening(DBX_T.disableLegacyAccess, { disableLegacyAccess: { value: false } })], expect: "pass" },
        { name: "legacy DBFS re-enabled", resources: [hardening(DBX_T.disableLegacyDbfs, { disableLegacyDbfs: { value: false } })], expect: /DBFS root and mounts disabled/ },
        { name: "ESM declared off", resources: [hardening(DBX_T.esm, { enhancedSecurityMonitoringWorkspace: { isEnabled: false } })], expect: /enhanced security monitoring/ },
        { name: "ACU declared off", resources: [hardening(DBX_T.acu, { automaticClusterUpdateWorkspace: { enabled: false } })], expect: /automatic cluster update/ },
        { name: "compliance profile declared off", resources: [hardening(DBX_T.csp, { complianceSecurityProfileWorkspace: { isEnabled: false } })], expect: /compliance security profile/ },
    ],
    "databricks-legacy-access-only-for-metastore": [
        { name: "legacy access left on beside the metastore rule (TCP 3306)", resources: [hardening(DBX_T.disableLegacyAccess, { disableLegacyAccess: { value: false } }), metastoreRcg], expect: "pass" },
        { name: "legacy access left on without a metastore rule", resources: [hardening(DBX_T.disableLegacyAccess, { disableLegacyAccess: { value: false } }), rcg], expect: /allows no TCP 3306/ },
        { name: "legacy access disabled needs no rule", resources: [hardening(DBX_T.disableLegacyAccess, { disableLegacyAccess: { value: true } }), rcg], expect: "pass" },
    ],
    "databricks-workspace-hardening-complete": [
        { name: "settings azure-native can set, on the workspace provider (no ESM/ACU/CSP needed)", resources: [wsProvider, ...fullHardening()], expect: "pass" },
        { name: "legacy DBFS setting removed", resources: [wsProvider, ...fullHardening().filter(r => r.type !== DBX_T.disableLegacyDbfs)], expect: /lacks DisableLegacyDbfsSetting/ },
        { name: "settings on another provider do not count", resources: [wsProvider, ...fullHardening().map(r => ({ ...r, provider: "urn:pulumi:test::zt-databricks::pulumi:providers:databricks::other::other-id" }))], expect: /lacks DisableLegacyAccessSetting/ },
        { name: "engine-form provider reference matches a legacy-form provider URN", resources: [{ ...wsProvider, urn: "urn:pulumi:test::zt-databricks::pulumi:pulumi:Stack$pulumi:providers:databricks::ws" }, ...fullHardening()], expect: "pass" },
    ],
    "data-lake-resource-rules-own-connector": [
        { name: "the stack's own connector", resources: [connector, lakeFirewalled], expect: "pass" },
        { name: "a lake closed to every network needs no connector", resources: [lake], expect: "pass" },
        { name: "another account's connector", resources: [connector, mod(lakeFirewalled, i => { i.networkRuleSet.resourceAccessRules = [{ resourceId: foreignConnector, tenantId: TENANT }]; })], expect: /'\/subscriptions\/99999999.*their-ac', which is not an access connector of this stack/ },
        { name: "a resource of the stack that is not a connector", resources: [kv, mod(lakeFirewalled, i => { i.networkRuleSet.resourceAccessRules = [{ resourceId: kv.id, tenantId: TENANT }]; })], expect: /which is not an access connector of this stack/ },
        { name: "another account's storage is not judged here", resources: [mod(sa, i => { i.networkRuleSet.resourceAccessRules = [{ resourceId: foreignConnector, tenantId: TENANT }]; })], expect: "pass" },
    ],
    "databricks-ncc-private-endpoints": [
        { name: "vault behind a scope with an NCC rule", resources: [kv, scope(), nccRule(kv.id!, "vault")], expect: "pass" },
        { name: "NCC rule to a foreign account", resources: [kv, scope(), nccRule(kv.id!, "vault"), nccRule("/subscriptions/9/resourceGroups/x/providers/Microsoft.Storage/storageAccounts/evil", "blob")], expect: /not a resource of this stack/ },
        { name: "vault rule removed", resources: [kv, scope(), dbx(DBX_T.ncc, "ncc", { accountId: "acc", name: "ncc", region: "westeurope" }, true)], expect: /no MwsNccPrivateEndpointRule targets it with groupId 'vault'/ },
        { name: "no serverless compute, no NCC rule needed", resources: [kv, scope()], expect: "pass" },
        { name: "private storage destination without a rule", resources: [sa, anp(e => { e.allowedStorageDestinations = [{ azureStorageAccount: "ztpsa", azureStorageService: "dfs", storageDestinationType: "AZURE_STORAGE" }]; }), nccRule(sa.id!, "blob")], expect: /storage account 'ztpsa' \(dfs\)/ },
    ],
    "databricks-job-secret-scope-dedicated": [
        { name: "job principal reads its own scope, whose vault holds only its secrets", resources: [...landingWorld()], expect: "pass" },
        { name: "READ on the platform's scope, created by another component", resources: [...landingWorld(), platformScope(), runAsAcl("platform")], expect: /which another component created/ },
        { name: "own scope, but its vault also backs the platform's scope", resources: [...landingWorld(), platformScopeOn(landingKv)], expect: /also holds or backs scope 'platform'/ },
        { name: "own scope, but its vault holds another component's secret", resources: [...landingWorld(), kvSecret("other-secret", "urn:pulumi:test::zt-databricks::pulumi:pulumi:Stack::zt-databricks-test")], expect: /also holds or backs secret other-secret/ },
        { name: "own scope, but its vault holds a key", resources: [...landingWorld(), kvKey()], expect: /also holds or backs key kv-key/ },
        { name: "READ for a principal that runs no job is not judged here", resources: [...landingWorld().filter(r => r.type !== DBX_T.job), platformScope(), runAsAcl("platform")], expect: "pass" },
    ],
    "databricks-serverless-policy-attached": [
        { name: "workspace attached to the stack's policy", resources: [anp(), wsWithId, netOption("ztp-test-serverless")], expect: "pass" },
        { name: "attached to the account default", resources: [anp(), wsWithId, netOption("default-policy")], expect: /attaches network policy 'default-policy'/ },
        { name: "workspace without an option", resources: [anp(), wsWithId], expect: /has no WorkspaceNetworkOption/ },
    ],
    "databricks-workspace-cmk-complete": [
        { name: "no CMK at all", resources: [ws], expect: "pass" },
        { name: "all three", resources: [cmkWs], expect: "pass" },
        { name: "managed disk key dropped", resources: [mod(cmkWs, i => { delete i.encryption.entities.managedDisk; })], expect: /but not for \["managedDisk"\]/ },
    ],
    "databricks-workspace-cmk-kept": [
        { name: "keys in use", resources: [cmkWs, keyGrant("dbw-dbfs-root")], expect: "pass" },
        { name: "the data lake's key, used by the lake account", resources: [cmkWs, lake, keyGrant("lake-storage-rsa3072")], expect: "pass" },
        { name: "encryption removed, grant left behind", resources: [mod(cmkWs, i => { delete i.encryption; delete i.parameters.encryption; }), keyGrant("dbw-dbfs-root")], expect: /no workspace of the stack uses that key any more/ },
    ],
};

describe("aks-egress-required-only with a rule collection group that carries no collections", () => {
    it("reports no missing host, only that the rules are not known yet", async () => {
        const group = mod(aksRules(AKS_HOSTS), i => { delete i.ruleCollections; });
        const violations = await check("aks-egress-required-only", [aksSubnet, aksCluster, aksIpg, group]);
        assert.deepEqual(violations.filter(v => v.enforcementLevel === "mandatory"), [],
            `an unreadable group was judged:\n${render(violations)}`);
        assert.equal(violations.length, 1, render(violations));
        assert.equal(violations[0].preview, true);
        // With collections, the same group is judged as usual.
        assert.deepEqual(await check("aks-egress-required-only", [aksSubnet, aksCluster, aksIpg, aksRules(AKS_HOSTS)]), []);
    });
});

describe("policy fixtures", () => {
    it("every policy has at least one passing and one failing fixture", () => {
        for (const p of allPolicies) {
            const cases = CASES[p.name] ?? [];
            assert.ok(cases.some(c => c.expect === "pass"), `${p.name} has no passing fixture`);
            assert.ok(cases.some(c => c.expect !== "pass"), `${p.name} has no failing fixture`);
        }
        for (const name of Object.keys(CASES)) {
            assert.ok(allPolicies.some(p => p.name === name), `fixtures for unknown policy ${name}`);
        }
    });

    for (const [policyName, cases] of Object.entries(CASES)) {
        describe(policyName, () => {
            for (const c of cases) {
                it(`${c.expect === "pass" ? "passes" : "fails"}: ${c.name}`, async () => {
                    const violations = await check(policyName, c.resources, { outputs: c.outputs, config: c.config });
                    if (c.expect === "pass") {
                        assert.equal(violations.length, 0, `expected no violations:\n${render(violations)}`);
                        return;
                    }
                    const pattern = c.expect;
                    const hits = violations.filter(v => pattern.test(v.message));
                    assert.ok(hits.length > 0, `expected a violation matching ${pattern}:\n${render(violations)}`);
                    for (const v of hits) {
                        assert.equal(v.enforcementLevel, c.level ?? "mandatory");
                        assert.equal(v.policy, policyName);
                    }
                });
            }
        });
    }
});
