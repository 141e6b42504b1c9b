// Cross-resource lookups for stack policies: which resource an ARM id reference names, which subnets exist
// (Subnet resources and subnets declared inline on a VirtualNetwork), the routes of a route table (inline and
// separate Route resources), the firewall's private IP, and the private endpoints and DNS zone groups.

import type { PolicyResource } from "@pulumi/policy";
import { normalizeId, parentKey, resourceKeys } from "./armid";
import { arr, eqi, get, obj, Props, str } from "./values";

export const T = {
    azureFirewall: "azure-native:network:AzureFirewall",
    bastionHost: "azure-native:network:BastionHost",
    databricksWorkspace: "azure-native:databricks:Workspace",
    firewallPolicy: "azure-native:network:FirewallPolicy",
    ipGroup: "azure-native:network:IpGroup",
    managedCluster: "azure-native:containerservice:ManagedCluster",
    keyVault: "azure-native:keyvault:Vault",
    loadBalancer: "azure-native:network:LoadBalancer",
    natGateway: "azure-native:network:NatGateway",
    networkInterface: "azure-native:network:NetworkInterface",
    nsg: "azure-native:network:NetworkSecurityGroup",
    privateDnsZoneGroup: "azure-native:network:PrivateDnsZoneGroup",
    privateEndpoint: "azure-native:network:PrivateEndpoint",
    privateLinkService: "azure-native:network:PrivateLinkService",
    nccPrivateEndpointRule: "databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule",
    privateZone: "azure-native:network:PrivateZone",
    publicIp: "azure-native:network:PublicIPAddress",
    publicIpPrefix: "azure-native:network:PublicIPPrefix",
    route: "azure-native:network:Route",
    routeTable: "azure-native:network:RouteTable",
    ruleCollectionGroup: "azure-native:network:FirewallPolicyRuleCollectionGroup",
    securityRule: "azure-native:network:SecurityRule",
    stack: "pulumi:pulumi:Stack",
    storageAccount: "azure-native:storage:StorageAccount",
    subnet: "azure-native:network:Subnet",
    virtualNetwork: "azure-native:network:VirtualNetwork",
    vnetGateway: "azure-native:network:VirtualNetworkGateway",
    virtualNetworkLink: "azure-native:network:VirtualNetworkLink",
} as const;

export const DATABRICKS_DELEGATION = "Microsoft.Databricks/workspaces";

export interface Res {
    type: string;
    name: string;
    urn: string;
    props: Props;
    /** Subscription-agnostic identity keys (see armid.ts). */
    keys: string[];
}

export interface SubnetInfo {
    key: string;
    /** Azure subnet name. */
    name: string;
    vnetKey: string;
    props: Props;
    /** The resource that declares it: the Subnet itself, or the VirtualNetwork for inline subnets. */
    owner: Res;
    inline: boolean;
    prefixes: string[];
}

export interface RouteInfo {
    name: string;
    addressPrefix?: string;
    nextHopType?: string;
    nextHopIpAddress?: string;
    /** The Route resource, or the RouteTable for inline routes. */
    owner: Res;
}

export function isDatabricksSubnet(props: Props): boolean {
    return arr(props.delegations).some(d => eqi(obj(d).serviceName, DATABRICKS_DELEGATION));
}

export function subnetPrefixes(props: Props): string[] {
    const list = [str(props.addressPrefix), ...arr<string>(props.addressPrefixes)];
    return list.filter((p): p is string => typeof p === "string" && p.length > 0);
}

export class StackIndex {
    readonly all: Res[];
    private readonly byKey = new Map<string, Res>();
    private subnetList?: readonly SubnetInfo[];

    constructor(resources: readonly PolicyResource[]) {
        this.all = resources.map(r => ({
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: r.props,
            keys: resourceKeys(r.type, r.props),
        }));
        for (const r of this.all) {
            for (const k of r.keys) {
                this.byKey.set(k, r);
            }
        }
    }

    ofType(...types: string[]): Res[] {
        return this.all.filter(r => types.includes(r.type));
    }

    /** The resource an ARM id reference names, if it is in this stack. */
    find(ref: unknown): Res | undefined {
        const key = normalizeId(ref);
        return key === undefined ? undefined : this.byKey.get(key);
    }

    /** Built once per index (subnet() is called per reference); readonly because every caller shares it. */
    subnets(): readonly SubnetInfo[] {
        if (this.subnetList) {
            return this.subnetList;
        }
        const out: SubnetInfo[] = [];
        for (const r of this.ofType(T.subnet)) {
            const key = r.keys[0];
            if (!key) {
                continue;
            }
            out.push({
                key, name: str(r.props.subnetName) ?? str(r.props.name) ?? r.name, vnetKey: parentKey(key),
                props: r.props, owner: r, inline: false, prefixes: subnetPrefixes(r.props),
            });
        }
        for (const vnet of this.ofType(T.virtualNetwork)) {
            const vnetKey = vnet.keys[0];
            for (const s of arr(vnet.props.subnets)) {
                const name = str(obj(s).name);
                if (!vnetKey || !name) {
                    continue;
                }
                out.push({
                    key: `${vnetKey}/subnets/${name.toLowerCase()}`, name, vnetKey, props: obj(s), owner: vnet,
                    inline: true, prefixes: subnetPrefixes(obj(s)),
                });
            }
        }
        this.subnetList = out;
        return out;
    }

    subnet(ref: unknown): SubnetInfo | undefined {
        const key = normalizeId(ref);
        return key === undefined ? undefined : this.subnets().find(s => s.key === key);
    }

    /** Subnets delegated to Databricks, plus those a workspace names as its host/container subnets. */
    databricksSubnets(): SubnetInfo[] {
        const subnets = this.subnets();
        const picked = new Map<string, SubnetInfo>();
        for (const s of subnets) {
            if (isDatabricksSubnet(s.props)) {
                picked.set(s.key, s);
            }
        }
        for (const ws of this.ofType(T.databricksWorkspace)) {
            const vnetKey = normalizeId(get(ws.props, "parameters.customVirtualNetworkId.value"));
            for (const p of ["customPublicSubnetName", "customPrivateSubnetName"]) {
                const name = str(get(ws.props, `parameters.${p}.value`));
                const s = subnets.find(x => x.vnetKey === vnetKey && name && x.name.toLowerCase() === name.toLowerCase());
                if (s) {
                    picked.set(s.key, s);
                }
            }
        }
        return [...picked.values()];
    }

    /**
     * The compute subnets of the platform's machine learning workspace: subnets declared inside its component
     * (URN type chain ztplatform:ai:MachineLearningWorkspace), a firewall source group of their own.
     */
    mlComputeSubnets(): SubnetInfo[] {
        return this.subnets().filter(s => !s.inline && (s.owner.urn ?? "").includes("::ztplatform:ai:MachineLearningWorkspace$"));
    }

    /**
     * Subnets of a Private Link Service that a Databricks NCC private endpoint rule connects to: the serverless
     * router pattern, whose subnet carries Databricks serverless traffic to customer resources.
     */
    /** The node subnets of the stack's AKS clusters (their agent pools' vnetSubnetID). */
    aksNodeSubnets(): SubnetInfo[] {
        const picked = new Map<string, SubnetInfo>();
        for (const cluster of this.ofType(T.managedCluster)) {
            for (const pool of arr(cluster.props.agentPoolProfiles)) {
                const s = this.subnet(get(obj(pool), "vnetSubnetID"));
                if (s) {
                    picked.set(s.key, s);
                }
            }
        }
        return [...picked.values()];
    }

    serverlessRouterSubnets(): SubnetInfo[] {
        const targets = new Set(this.ofType(T.nccPrivateEndpointRule)
            .map(r => normalizeId(r.props.resourceId)).filter((k): k is string => k !== undefined));
        const picked = new Map<string, SubnetInfo>();
        for (const pls of this.ofType(T.privateLinkService)) {
            if (!pls.keys.some(k => targets.has(k))) {
                continue;
            }
            for (const ip of arr(pls.props.ipConfigurations)) {
                const s = this.subnet(get(obj(ip), "subnet.id"));
                if (s) {
                    picked.set(s.key, s);
                }
            }
        }
        return [...picked.values()];
    }

    routesOf(routeTable: Res): RouteInfo[] {
        const routes: RouteInfo[] = arr(routeTable.props.routes).map(r => ({
            name: str(obj(r).name) ?? "(unnamed)",
            addressPrefix: str(obj(r).addressPrefix),
            nextHopType: str(obj(r).nextHopType),
            nextHopIpAddress: str(obj(r).nextHopIpAddress),
            owner: routeTable,
        }));
        for (const r of this.childrenOf(routeTable, T.route)) {
            routes.push({
                name: str(r.props.routeName) ?? r.name,
                addressPrefix: str(r.props.addressPrefix),
                nextHopType: str(r.props.nextHopType),
                nextHopIpAddress: str(r.props.nextHopIpAddress),
                owner: r,
            });
        }
        return routes;
    }

    /** Private IPs of the Azure Firewalls in the stack (from their outputs), with the firewall. */
    firewallPrivateIps(): { firewall: Res; ip: string }[] {
        const out: { firewall: Res; ip: string }[] = [];
        for (const fw of this.ofType(T.azureFirewall)) {
            const ips = [
                ...arr(fw.props.ipConfigurations).map(c => str(obj(c).privateIPAddress)),
                str(get(fw.props, "hubIPAddresses.privateIPAddress")),
            ];
            for (const ip of ips) {
                if (ip) {
                    out.push({ firewall: fw, ip });
                }
            }
        }
        return out;
    }

    /** The DNS zone groups attached to a private endpoint. */
    dnsZoneGroupsOf(pe: Res): Res[] {
        return this.childrenOf(pe, T.privateDnsZoneGroup);
    }

    /** Separately declared child resources (a table's Routes, an NSG's SecurityRules) of the given type. */
    childrenOf(parent: Res, type: string): Res[] {
        return this.ofType(type).filter(c => c.keys.some(k => parent.keys.includes(parentKey(k))));
    }
}

/** privateLinkServiceId + groupIds of a private endpoint's connections, by kind. */
export function endpointConnections(pe: Props): { manual: boolean; target?: string; groupIds: string[]; name?: string }[] {
    const map = (list: unknown, manual: boolean) => arr(list).map(c => ({
        manual,
        target: str(obj(c).privateLinkServiceId),
        groupIds: arr<string>(obj(c).groupIds).filter(g => typeof g === "string"),
        name: str(obj(c).name),
    }));
    return [...map(pe.privateLinkServiceConnections, false), ...map(pe.manualPrivateLinkServiceConnections, true)];
}
