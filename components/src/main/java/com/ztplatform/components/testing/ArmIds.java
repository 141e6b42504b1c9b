package com.ztplatform.components.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the Azure Resource Manager id a resource would get, from its type token and its inputs.
 *
 * <p>Every resource this project creates sets its Azure name explicitly; a type missing here, or a name input
 * missing from a resource, fails loudly so the offline plan never shows invented ids.
 */
public final class ArmIds {
    public static final String SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";

    /** Type token to id template; {placeholders} are input names. Extension resources start with {scope}-like inputs. */
    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry("azure-native:resources:ResourceGroup", "/subscriptions/{sub}/resourceGroups/{resourceGroupName}"),
            rg("network:VirtualNetwork", "Microsoft.Network/virtualNetworks/{virtualNetworkName}"),
            rg("network:Subnet", "Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}"),
            rg("network:VirtualNetworkPeering",
                    "Microsoft.Network/virtualNetworks/{virtualNetworkName}/virtualNetworkPeerings/{virtualNetworkPeeringName}"),
            rg("network:NetworkSecurityGroup", "Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}"),
            rg("network:RouteTable", "Microsoft.Network/routeTables/{routeTableName}"),
            rg("network:Route", "Microsoft.Network/routeTables/{routeTableName}/routes/{routeName}"),
            rg("network:PrivateZone", "Microsoft.Network/privateDnsZones/{privateZoneName}"),
            rg("network:VirtualNetworkLink",
                    "Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}"),
            rg("network:PublicIPAddress", "Microsoft.Network/publicIPAddresses/{publicIpAddressName}"),
            rg("network:PublicIPPrefix", "Microsoft.Network/publicIPPrefixes/{publicIpPrefixName}"),
            rg("network:BastionHost", "Microsoft.Network/bastionHosts/{bastionHostName}"),
            rg("network:VirtualNetworkGateway", "Microsoft.Network/virtualNetworkGateways/{virtualNetworkGatewayName}"),
            rg("network:DnsResolver", "Microsoft.Network/dnsResolvers/{dnsResolverName}"),
            rg("network:InboundEndpoint", "Microsoft.Network/dnsResolvers/{dnsResolverName}/inboundEndpoints/{inboundEndpointName}"),
            rg("network:OutboundEndpoint",
                    "Microsoft.Network/dnsResolvers/{dnsResolverName}/outboundEndpoints/{outboundEndpointName}"),
            rg("network:AzureFirewall", "Microsoft.Network/azureFirewalls/{azureFirewallName}"),
            rg("network:FirewallPolicy", "Microsoft.Network/firewallPolicies/{firewallPolicyName}"),
            rg("network:FirewallPolicyRuleCollectionGroup",
                    "Microsoft.Network/firewallPolicies/{firewallPolicyName}/ruleCollectionGroups/{ruleCollectionGroupName}"),
            rg("network:IpGroup", "Microsoft.Network/ipGroups/{ipGroupsName}"),
            rg("network:NatGateway", "Microsoft.Network/natGateways/{natGatewayName}"),
            rg("network:PrivateEndpoint", "Microsoft.Network/privateEndpoints/{privateEndpointName}"),
            rg("network:PrivateDnsZoneGroup",
                    "Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{privateDnsZoneGroupName}"),
            rg("network:LoadBalancer", "Microsoft.Network/loadBalancers/{loadBalancerName}"),
            rg("network:PrivateLinkService", "Microsoft.Network/privateLinkServices/{serviceName}"),
            rg("network:NetworkInterface", "Microsoft.Network/networkInterfaces/{networkInterfaceName}"),
            rg("operationalinsights:Workspace", "Microsoft.OperationalInsights/workspaces/{workspaceName}"),
            rg("databricks:Workspace", "Microsoft.Databricks/workspaces/{workspaceName}"),
            rg("databricks:AccessConnector", "Microsoft.Databricks/accessConnectors/{connectorName}"),
            rg("keyvault:Vault", "Microsoft.KeyVault/vaults/{vaultName}"),
            rg("keyvault:Key", "Microsoft.KeyVault/vaults/{vaultName}/keys/{keyName}"),
            rg("keyvault:Secret", "Microsoft.KeyVault/vaults/{vaultName}/secrets/{secretName}"),
            rg("storage:StorageAccount", "Microsoft.Storage/storageAccounts/{accountName}"),
            rg("storage:BlobContainer",
                    "Microsoft.Storage/storageAccounts/{accountName}/blobServices/default/containers/{containerName}"),
            rg("storage:BlobServiceProperties", "Microsoft.Storage/storageAccounts/{accountName}/blobServices/default"),
            rg("managedidentity:UserAssignedIdentity", "Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}"),
            rg("compute:VirtualMachine", "Microsoft.Compute/virtualMachines/{vmName}"),
            Map.entry("azure-native:insights:DiagnosticSetting",
                    "{resourceUri}/providers/Microsoft.Insights/diagnosticSettings/{name}"),
            Map.entry("azure-native:authorization:ManagementLockByScope",
                    "{scope}/providers/Microsoft.Authorization/locks/{lockName}"),
            Map.entry("azure-native:authorization:RoleAssignment",
                    "{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private ArmIds() {
    }

    private static Map.Entry<String, String> rg(String token, String path) {
        return Map.entry("azure-native:" + token, "/subscriptions/{sub}/resourceGroups/{resourceGroupName}/providers/" + path);
    }

    /** The ARM id; throws {@link IllegalStateException} for unknown types or missing name inputs. */
    public static String idFor(String typeToken, String logicalName, Map<String, Object> inputs) {
        var template = TEMPLATES.get(typeToken);
        if (template == null) {
            throw new IllegalStateException("AzureMocks has no ARM id template for " + typeToken + " ('" + logicalName
                    + "'); add one to " + ArmIds.class.getName());
        }
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            var key = m.group(1);
            String value;
            if (key.equals("sub")) {
                value = SUBSCRIPTION_ID;
            } else {
                var raw = inputs.get(key);
                if (raw == null || raw.toString().isBlank()) {
                    throw new IllegalStateException(typeToken + " '" + logicalName + "' has no '" + key
                            + "' input: set the Azure name explicitly so names are deterministic");
                }
                value = raw.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The ARM resource type, like Microsoft.Network/virtualNetworks/subnets, or "" for unknown tokens. */
    public static String armType(String typeToken) {
        var template = TEMPLATES.get(typeToken);
        if (template == null) {
            return "";
        }
        var providers = template.lastIndexOf("/providers/");
        var path = providers >= 0 ? template.substring(providers + "/providers/".length())
                : "Microsoft.Resources/resourceGroups/{resourceGroupName}";
        var segments = path.split("/");
        var type = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i += 2) {
            type.append('/').append(segments[i]);
        }
        return type.toString();
    }

    /** The last path segment of an id: the Azure resource name. */
    public static String nameOf(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
