// Resource identity without the engine's help. The policy engine does not hand policies a resource's id, and
// azure-native references other resources by full ARM id ("/subscriptions/<sub>/resourceGroups/<rg>/providers/
// Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>"). So a resource's identity is derived from its own
// properties (resource group + Azure names, the same path ARM builds) and compared subscription-agnostically:
// both sides are reduced to a lower-case "/resourcegroups/<rg>/providers/..." key.

import { peek, Props, str } from "./values";

/** ARM path below the resource group; {placeholders} are azure-native input names. */
const TEMPLATES: Record<string, string> = {
    "network:VirtualNetwork": "Microsoft.Network/virtualNetworks/{virtualNetworkName}",
    "network:Subnet": "Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}",
    "network:VirtualNetworkPeering": "Microsoft.Network/virtualNetworks/{virtualNetworkName}/virtualNetworkPeerings/{virtualNetworkPeeringName}",
    "network:NetworkSecurityGroup": "Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}",
    "network:SecurityRule": "Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}/securityRules/{securityRuleName}",
    "network:RouteTable": "Microsoft.Network/routeTables/{routeTableName}",
    "network:Route": "Microsoft.Network/routeTables/{routeTableName}/routes/{routeName}",
    "network:PrivateZone": "Microsoft.Network/privateDnsZones/{privateZoneName}",
    "network:VirtualNetworkLink": "Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}",
    "network:PublicIPAddress": "Microsoft.Network/publicIPAddresses/{publicIpAddressName}",
    "network:PublicIPPrefix": "Microsoft.Network/publicIPPrefixes/{publicIpPrefixName}",
    "network:BastionHost": "Microsoft.Network/bastionHosts/{bastionHostName}",
    "network:VirtualNetworkGateway": "Microsoft.Network/virtualNetworkGateways/{virtualNetworkGatewayName}",
    "network:DnsResolver": "Microsoft.Network/dnsResolvers/{dnsResolverName}",
    "network:InboundEndpoint": "Microsoft.Network/dnsResolvers/{dnsResolverName}/inboundEndpoints/{inboundEndpointName}",
    "network:OutboundEndpoint": "Microsoft.Network/dnsResolvers/{dnsResolverName}/outboundEndpoints/{outboundEndpointName}",
    "network:AzureFirewall": "Microsoft.Network/azureFirewalls/{azureFirewallName}",
    "network:FirewallPolicy": "Microsoft.Network/firewallPolicies/{firewallPolicyName}",
    "network:FirewallPolicyRuleCollectionGroup": "Microsoft.Network/firewallPolicies/{firewallPolicyName}/ruleCollectionGroups/{ruleCollectionGroupName}",
    "network:IpGroup": "Microsoft.Network/ipGroups/{ipGroupsName}",
    "network:NatGateway": "Microsoft.Network/natGateways/{natGatewayName}",
    "network:PrivateEndpoint": "Microsoft.Network/privateEndpoints/{privateEndpointName}",
    "network:PrivateDnsZoneGroup": "Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{privateDnsZoneGroupName}",
    "web:WebApp": "Microsoft.Web/sites/{name}",
    "network:LoadBalancer": "Microsoft.Network/loadBalancers/{loadBalancerName}",
    "network:NetworkInterface": "Microsoft.Network/networkInterfaces/{networkInterfaceName}",
    "network:PrivateLinkService": "Microsoft.Network/privateLinkServices/{serviceName}",
    "network:ServiceEndpointPolicy": "Microsoft.Network/serviceEndpointPolicies/{serviceEndpointPolicyName}",
    "databricks:Workspace": "Microsoft.Databricks/workspaces/{workspaceName}",
    "databricks:AccessConnector": "Microsoft.Databricks/accessConnectors/{connectorName}",
    "keyvault:Vault": "Microsoft.KeyVault/vaults/{vaultName}",
    "storage:StorageAccount": "Microsoft.Storage/storageAccounts/{accountName}",
    "insights:ActionGroup": "Microsoft.Insights/actionGroups/{actionGroupName}",
    "insights:ActivityLogAlert": "Microsoft.Insights/activityLogAlerts/{activityLogAlertName}",
    "insights:ScheduledQueryRule": "Microsoft.Insights/scheduledQueryRules/{ruleName}",
    "insights:Component": "Microsoft.Insights/components/{resourceName}",
    "insights:PrivateLinkScope": "Microsoft.Insights/privateLinkScopes/{scopeName}",
    "insights:PrivateLinkScopedResource": "Microsoft.Insights/privateLinkScopes/{scopeName}/scopedResources/{name}",
    "operationalinsights:Workspace": "Microsoft.OperationalInsights/workspaces/{workspaceName}",
    "operationalinsights:LinkedStorageAccount": "Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedStorageAccounts/{dataSourceType}",
    "managedidentity:UserAssignedIdentity": "Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}",
    "containerregistry:Registry": "Microsoft.ContainerRegistry/registries/{registryName}",
    "containerservice:ManagedCluster": "Microsoft.ContainerService/managedClusters/{resourceName}",
    "cognitiveservices:Account": "Microsoft.CognitiveServices/accounts/{accountName}",
    "machinelearningservices:Workspace": "Microsoft.MachineLearningServices/workspaces/{workspaceName}",
    "eventhub:Namespace": "Microsoft.EventHub/namespaces/{namespaceName}",
    "servicebus:Namespace": "Microsoft.ServiceBus/namespaces/{namespaceName}",
};

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Reduces an ARM id to its subscription-agnostic lower-case key ("/resourcegroups/rg/providers/..."). */
export function normalizeId(id: unknown): string | undefined {
    if (typeof id !== "string" || id.length === 0) {
        return undefined;
    }
    let s = id.trim().toLowerCase().replace(/\/+$/, "");
    const rg = s.indexOf("/resourcegroups/");
    if (rg >= 0) {
        s = s.substring(rg);
    }
    return s;
}

/**
 * The ARM id path below the subscription ("/resourceGroups/<rg>/providers/Microsoft.Network/...") built from the
 * resource's own properties, in Azure's casing; undefined for unknown types or missing names.
 */
export function armPath(type: string, props: Props): string | undefined {
    const short = type.startsWith("azure-native:") ? type.substring("azure-native:".length) : undefined;
    const template = short ? TEMPLATES[short] : undefined;
    const rg = str(peek(props, "resourceGroupName"));
    if (!rg) {
        return undefined;
    }
    if (type === "azure-native:resources:ResourceGroup") {
        return `/resourceGroups/${rg}`;
    }
    if (!template) {
        // Top-level resource of a type without a template: the outputs carry the ARM type and name.
        const armType = str(peek(props, "type"));
        const name = str(peek(props, "name"));
        return armType && name && armType.split("/").length === 2
            ? `/resourceGroups/${rg}/providers/${armType}/${name}` : undefined;
    }
    let complete = true;
    const path = template.replace(PLACEHOLDER, (_m, key: string) => {
        const v = str(peek(props, key));
        if (!v) {
            complete = false;
        }
        return v ?? "";
    });
    return complete ? `/resourceGroups/${rg}/providers/${path}` : undefined;
}

/** The resource's own identity keys (usually one), or [] when its names are not known. */
export function resourceKeys(type: string, props: Props): string[] {
    const keys = new Set<string>();
    const fromId = normalizeId(str(peek(props, "id")));
    if (fromId) {
        keys.add(fromId);
    }
    const path = armPath(type, props);
    if (path) {
        keys.add(path.toLowerCase());
    }
    return [...keys];
}

/** The key of the resource's parent (a Route's route table, a Subnet's VNet), by dropping the last two segments. */
export function parentKey(key: string): string {
    const parts = key.split("/");
    return parts.slice(0, parts.length - 2).join("/");
}

/** True when the reference (an ARM id) names one of the keys. */
export function refersTo(ref: unknown, keys: readonly string[]): boolean {
    const n = normalizeId(ref);
    return n !== undefined && keys.includes(n);
}

export function knownTemplateTypes(): string[] {
    return Object.keys(TEMPLATES).map(t => `azure-native:${t}`);
}
