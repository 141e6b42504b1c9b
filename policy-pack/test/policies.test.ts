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
const saPe = f.privateEndpoint(ctx, "sa-pe", "ztp-sa-pe", peSubnet.id!, sa.id!, "blob");
const saPeDns = f.dnsZoneGroup(ctx, "sa-pe-dns", "ztp-sa-pe", zoneBlob.id!);
const kv = f.keyVault(ctx, "kv", "ztp-kv");
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

const mod = withInputs;
const internetRule = (port: string, source = "Internet") => ({
    name: `Allow${port}FromOutside`, direction: "Inbound", access: "Allow", priority: 200, protocol: "Tcp",
    sourceAddressPrefix: source, sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: port,
});

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
        { name: "TLS 1.3 is fine", resources: [mod(sa, i => { i.minimumTlsVersion = "TLS1_3"; })], expect: "pass" },
        { name: "public access", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; })], expect: /Set publicNetworkAccess to 'Disabled'.*names no Fabric workspace/ },
        { name: "Fabric trusted workspace access", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; })], expect: "pass" },
        { name: "Fabric shape plus an IP rule", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; i.networkRuleSet.ipRules = [{ value: "203.0.113.0/24" }]; })], expect: /ipRules is not empty/ },
        { name: "Fabric shape plus a VNet rule", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; i.networkRuleSet.virtualNetworkRules = [{ id: "/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/s" }]; })], expect: /virtualNetworkRules is not empty/ },
        { name: "Fabric shape with trusted services bypass", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; i.networkRuleSet.bypass = "AzureServices"; })], expect: /bypass is 'AzureServices'/ },
        { name: "instance rule for something else", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE, { tenantId: FABRIC_RULE.tenantId, resourceId: "/subscriptions/1/resourceGroups/r/providers/Microsoft.Synapse/workspaces/w" }]; })], expect: /not a Fabric workspace/ },
        { name: "Fabric shape with default Allow", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; i.networkRuleSet.defaultAction = "Allow"; })], expect: /defaultAction is 'Allow'/ },
        { name: "public access by default", resources: [mod(sa, i => { delete i.publicNetworkAccess; })], expect: /publicNetworkAccess not set/ },
        { name: "shared key", resources: [mod(sa, i => { i.allowSharedKeyAccess = true; })], expect: /Set allowSharedKeyAccess to false/ },
        { name: "shared key by default", resources: [mod(sa, i => { delete i.allowSharedKeyAccess; })], expect: /allowSharedKeyAccess not set/ },
        { name: "TLS 1.1", resources: [mod(sa, i => { i.minimumTlsVersion = "TLS1_1"; })], expect: /Set minimumTlsVersion to 'TLS1_2'/ },
        { name: "HTTP", resources: [mod(sa, i => { i.enableHttpsTrafficOnly = false; })], expect: /enableHttpsTrafficOnly to true/ },
        { name: "anonymous blobs", resources: [mod(sa, i => { i.allowBlobPublicAccess = true; })], expect: /allowBlobPublicAccess to false/ },
        { name: "single encryption", resources: [mod(sa, i => { i.encryption.requireInfrastructureEncryption = false; })], expect: /requireInfrastructureEncryption/ },
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
    "firewall-threat-intel-deny": [
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
        { name: "application rule to *", resources: [mod(rcg, i => { i.ruleCollections[1].rules[0].targetFqdns = ["*"]; })], expect: /application rule 'pypi'.*targetFqdns \["\*"\]/ },
        { name: "network rule to 0.0.0.0/0", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["0.0.0.0/0"]; })], expect: /network rule 'entra-id'.*0\.0\.0\.0\/0/ },
        { name: "network rule to Internet", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationAddresses = ["Internet"]; })], expect: /\["Internet"\]/ },
        { name: "network rule to FQDN *", resources: [mod(rcg, i => { i.ruleCollections[0].rules[0].destinationFqdns = ["*"]; })], expect: /destinationFqdns \['\*'\]/ },
        { name: "classic network rule to *", resources: [mod(fw, i => { i.networkRuleCollections = [{ name: "legacy", action: { type: "Allow" }, rules: [{ name: "all", sourceIpGroups: [ipg.id], destinationAddresses: ["*"], destinationPorts: ["*"], protocols: ["Any"] }] }]; })], expect: /networkRuleCollections\[0\]\.rules\[0\]/ },
    ],
    "firewall-dns-proxy-for-fqdn-network-rules": [
        { name: "FQDN network rules with DNS proxy", resources: [fwPolicy, rcgFqdn], expect: "pass" },
        { name: "no FQDN network rules, no proxy needed", resources: [mod(fwPolicy, i => { i.dnsSettings.enableProxy = false; }), rcg], expect: "pass" },
        { name: "FQDN network rules without DNS proxy", resources: [mod(fwPolicy, i => { i.dnsSettings.enableProxy = false; }), rcgFqdn], expect: /dnsSettings.enableProxy to true/ },
        { name: "FQDN network rules, proxy not set", resources: [mod(fwPolicy, i => { delete i.dnsSettings; }), rcgFqdn], expect: /enableProxy not set/ },
        { name: "policy not in the stack", resources: [rcgFqdn], expect: /not in this stack/ },
    ],
    "firewall-rule-sources-ip-groups": [
        { name: "IP group of Databricks subnets", resources: [host, container, ipg, rcg], expect: "pass" },
        { name: "sourceAddresses *", resources: [host, container, ipg, mod(rcg, i => { const r = i.ruleCollections[0].rules[0]; delete r.sourceIpGroups; r.sourceAddresses = ["*"]; })], expect: /sourceAddresses \["\*"\] \(\["\*"\] means any source\)/ },
        { name: "sourceAddresses with a private CIDR", resources: [host, container, ipg, mod(rcg, i => { i.ruleCollections[1].rules[0].sourceAddresses = ["10.11.0.0/24"]; })], expect: /Remove sourceAddresses/ },
        { name: "IP group with a non-Databricks range", resources: [host, container, mod(ipg, i => { i.ipAddresses.push("10.10.1.0/26"); }), rcg], expect: /holds '10.10.1.0\/26'/ },
        { name: "IP group from elsewhere", resources: [host, container, rcg], expect: /not an azure-native:network:IpGroup in this stack/ },
        { name: "no Databricks subnet yet: planned private prefixes", resources: [ipg, rcg], expect: "pass" },
        { name: "no Databricks subnet yet: public prefix", resources: [mod(ipg, i => { i.ipAddresses.push("8.8.8.0/24"); }), rcg], expect: /'8\.8\.8\.0\/24', which is not a private/ },
    ],
    "nsg-no-inbound-from-internet": [
        { name: "Bastion NSG with the documented rules", resources: [bastionNsg, bastionSubnet], expect: "pass" },
        { name: "Databricks NSG", resources: [dbxNsg, host], expect: "pass" },
        { name: "outbound to Internet is not inbound", resources: [mod(dbxNsg, i => { i.securityRules.push({ ...internetRule("443"), direction: "Outbound" }); })], expect: "pass" },
        { name: "Bastion rules on an NSG not attached to AzureBastionSubnet", resources: [bastionNsg], expect: /AllowHttpsInbound.*not attached to AzureBastionSubnet/ },
        { name: "SSH from Internet on the Bastion NSG", resources: [mod(bastionNsg, i => { i.securityRules.push(internetRule("22")); }), bastionSubnet], expect: /Allow22FromOutside.*only inbound TCP 443/ },
        { name: "443 from * (not the Internet tag) on the Bastion NSG", resources: [mod(bastionNsg, i => { i.securityRules[0].sourceAddressPrefix = "*"; }), bastionSubnet], expect: /AllowHttpsInbound/ },
        { name: "Any via sourceAddressPrefixes", resources: [mod(dbxNsg, i => { i.securityRules.push({ ...internetRule("8443"), sourceAddressPrefix: undefined, sourceAddressPrefixes: ["0.0.0.0/0"] }); })], expect: /0\.0\.0\.0\/0/ },
        { name: "separate SecurityRule resource", resources: [dbxNsg, f.resource(ctx, `${NET}:SecurityRule`, "open-rule", { resourceGroupName: ctx.rg, networkSecurityGroupName: "ztp-dbx-nsg", securityRuleName: "open", ...internetRule("80", "*") })], expect: /NetworkSecurityGroup 'dbx-nsg'.*rule 'open'/ },
    ],
    "public-ip-only-on-edge-services": [
        { name: "firewall public IP", resources: [fwPip, fw], expect: "pass" },
        { name: "NAT gateway prefix", resources: [f.resource(ctx, `${NET}:PublicIPPrefix`, "natp", { resourceGroupName: ctx.rg, publicIpPrefixName: "natp", prefixLength: 31 }), f.resource(ctx, `${NET}:NatGateway`, "nat", { resourceGroupName: ctx.rg, natGatewayName: "nat", publicIpPrefixes: [{ id: `/subscriptions/${f.SUB}/resourceGroups/${ctx.rg}/providers/Microsoft.Network/publicIPPrefixes/natp` }] })], expect: "pass" },
        { name: "orphan public IP", resources: [fwPip], expect: /is not used by an Azure Firewall/ },
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
        { name: "0.0.0.0/0 to Internet", resources: [fw, mod(dbxRt, i => { i.routes[0].nextHopType = "Internet"; delete i.routes[0].nextHopIpAddress; }), host], expect: /nextHopType 'Internet'.*Set nextHopType to 'VirtualAppliance' and nextHopIpAddress to '10\.10\.0\.4'/ },
        { name: "separate Route resource to Internet", resources: [fw, mod(dbxRt, i => { delete i.routes; }), host, f.resource(ctx, `${NET}:Route`, "default-route", { resourceGroupName: ctx.rg, routeTableName: "ztp-dbx-rt", routeName: "default", addressPrefix: "0.0.0.0/0", nextHopType: "Internet" })], expect: /Route 'default-route'/ },
        { name: "appliance that is not the firewall", resources: [fw, mod(dbxRt, i => { i.routes[0].nextHopIpAddress = "10.10.0.5"; }), host], expect: /'10.10.0.5', which is not the Azure Firewall/ },
        { name: "no default route", resources: [fw, mod(dbxRt, i => { i.routes = []; }), host], expect: /has no 0\.0\.0\.0\/0 route/ },
        { name: "no firewall in the stack", resources: [dbxRt, host], expect: /no Azure Firewall/ },
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
        { name: "workspace endpoint with the Databricks zone", resources: [ws, wsPe, wsPeDns], expect: "pass" },
        { name: "private resource without endpoint", resources: [sa], expect: /StorageAccount 'sa' has public network access disabled but no private endpoint/ },
        { name: "Key Vault without endpoint", resources: [kv], expect: /Vault 'kv'/ },
        { name: "Fabric-only account still needs its endpoint", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; })], expect: /StorageAccount 'sa' admits only Fabric trusted workspace access on its public endpoint but no private endpoint/ },
        { name: "Fabric-only account with its endpoint", resources: [mod(sa, i => { i.publicNetworkAccess = "Enabled"; i.networkRuleSet.resourceAccessRules = [FABRIC_RULE]; }), saPe, saPeDns], expect: "pass" },
        { name: "endpoint without zone group", resources: [sa, saPe], expect: /has no PrivateDnsZoneGroup.*privateEndpointName 'ztp-sa-pe'/ },
        { name: "zone group in the wrong zone", resources: [sa, saPe, f.dnsZoneGroup(ctx, "sa-pe-dns", "ztp-sa-pe", zoneDbx.id!)], expect: /sub-resource 'blob'.*privatelink\.blob\.core\.windows\.net/ },
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
    "allowed-regions": [
        { name: "westeurope", resources: [sa], expect: "pass" },
        { name: "display name spelling", resources: [mod(sa, i => { i.location = "West Europe"; })], expect: "pass" },
        { name: "private DNS zone in Global", resources: [zoneDbx], expect: "pass" },
        { name: "configured list", resources: [mod(sa, i => { i.location = "northeurope"; })], config: { "allowed-regions": { allowedLocations: ["northeurope"] } }, expect: "pass" },
        { name: "sovereign region", resources: [mod(sa, i => { i.location = "usgovvirginia"; })], expect: /'usgovvirginia', which is not an allowed region/ },
        { name: "outside the configured list", resources: [sa], config: { "allowed-regions": { allowedLocations: ["northeurope"] } }, expect: /one of: northeurope/ },
        { name: "global storage", resources: [mod(sa, i => { i.location = "global"; })], expect: /only private DNS zones/ },
    ],
    "no-secret-stack-outputs": [
        { name: "ids, names and secret markers", resources: [], outputs: { keyVaultId: kv.id, keyVaultUri: "https://ztp-kv.vault.azure.net/", cmkKeyName: "cmk", adminPassword: "[secret]", secretScopeName: "kv-scope", disasterRecovery: "paired", hubSubnetIds: { snet: host.id } }, expect: "pass" },
        { name: "password in clear", resources: [], outputs: { adminPassword: "hunter2" }, expect: /'adminPassword' is exposed in clear: its name says/ },
        { name: "nested key in clear", resources: [], outputs: { storage: { primaryKey: "abc" } }, expect: /'storage.primaryKey'/ },
        { name: "connection string", resources: [], outputs: { landingConnectionString: "Server=x;Password=y" }, expect: /landingConnectionString/ },
        { name: "SAS token value", resources: [], outputs: { url: "https://a.blob.core.windows.net/c?sv=2022-11-02&sr=c&sig=AbCdEfGhIjKlMnOpQrStUv%3D" }, expect: /SAS token/ },
        { name: "JWT value", resources: [], outputs: { info: ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmMxMjM0NSJ9.sig"] }, expect: /'info\[0\]'.*JWT/ },
    ],
};

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
