// The private AKS cluster: its API server is private and has no public name, its nodes leave only through the
// firewall (user-defined routing) with no public IPs, and people reach it with Entra ID (Azure RBAC), never with
// local accounts. The firewall admits the cluster's node subnet to AKS's required hosts and to nothing else.

import aksRequired from "../data/aks-required-fqdns.json";
import { parseCidr, contains } from "../lib/cidr";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { StackIndex, T } from "../lib/stackindex";
import { arr, eqi, get, hasUnknown, isTrue, label, obj, show, str, unknownYet } from "../lib/values";
import { firewallRules, ruleLabel } from "./firewall";

export const MANAGED_CLUSTER = "azure-native:containerservice:ManagedCluster";

/** learn.microsoft.com/azure/aks/outbound-rules-control-egress: required FQDNs, HTTPS (Azure Global). */
export const AKS_REQUIRED_FQDNS: readonly string[] = aksRequired.fqdns.map(f => f.fqdn.toLowerCase());

export const aksPrivateCluster = resourcePolicy({
    name: "aks-private-cluster",
    description: "AKS clusters must be private without a public FQDN, send egress through the firewall "
        + "(outboundType userDefinedRouting), give nodes no public IPs, disable local accounts and use Entra ID with "
        + "Azure RBAC.",
    types: [MANAGED_CLUSTER],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.resourceName));
        if (!isTrue(get(p, "apiServerAccessProfile.enablePrivateCluster"))) {
            report(`${who} has apiServerAccessProfile.enablePrivateCluster `
                + `${show(get(p, "apiServerAccessProfile.enablePrivateCluster"))}: its API server is on the internet. `
                + "Set apiServerAccessProfile.enablePrivateCluster to true.");
        }
        // Azure's default for a private cluster is a public FQDN too: it must be turned off explicitly.
        if (get(p, "apiServerAccessProfile.enablePrivateClusterPublicFQDN") !== false) {
            report(`${who} has apiServerAccessProfile.enablePrivateClusterPublicFQDN `
                + `${show(get(p, "apiServerAccessProfile.enablePrivateClusterPublicFQDN"))}: the private API server's `
                + "address is published in public DNS. Set apiServerAccessProfile.enablePrivateClusterPublicFQDN to false.");
        }
        if (!eqi(get(p, "networkProfile.outboundType"), "userDefinedRouting")) {
            report(`${who} has networkProfile.outboundType ${show(get(p, "networkProfile.outboundType"))}: its nodes `
                + "reach the internet around the firewall. Set networkProfile.outboundType to 'userDefinedRouting' with the "
                + "firewall's route table on the node subnet.");
        }
        if (!isTrue(p.disableLocalAccounts)) {
            report(`${who} has disableLocalAccounts ${show(p.disableLocalAccounts)}: the local admin kubeconfig `
                + "bypasses Entra ID. Set disableLocalAccounts to true.");
        }
        if (!isTrue(get(p, "aadProfile.managed")) || !isTrue(get(p, "aadProfile.enableAzureRBAC"))) {
            report(`${who} has aadProfile.managed ${show(get(p, "aadProfile.managed"))} and aadProfile.enableAzureRBAC `
                + `${show(get(p, "aadProfile.enableAzureRBAC"))}. Set both to true: Entra ID signs people in and Azure `
                + "RBAC decides what they may do.");
        }
        arr(p.agentPoolProfiles).forEach((pool, i) => {
            if (isTrue(obj(pool).enableNodePublicIP)) {
                report(`${who} agentPoolProfiles[${i}] (${show(obj(pool).name)}) has enableNodePublicIP true: nodes `
                    + "become reachable from the internet. Set enableNodePublicIP to false.");
            }
        });
    },
});

export const aksEgressRequiredOnly = stackPolicy({
    name: "aks-egress-required-only",
    description: "When the stack has an AKS cluster with user-defined routing, the firewall must admit its node "
        + "subnet to every host AKS requires (HTTPS), and rules from that subnet's IP group may name nothing else.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const clusters = idx.ofType(T.managedCluster)
            .filter(c => eqi(get(c.props, "networkProfile.outboundType"), "userDefinedRouting"));
        if (clusters.length === 0) {
            return;
        }
        const nodeCidrs = idx.aksNodeSubnets().flatMap(s => s.prefixes).map(parseCidr)
            .filter((c): c is NonNullable<ReturnType<typeof parseCidr>> => c !== undefined);
        if (nodeCidrs.length === 0) {
            if (clusters.some(c => hasUnknown(c.props.agentPoolProfiles))) {
                guard("aks node subnets", () => unknownYet("the AKS node subnets the firewall must admit"));
            }
            return;
        }
        // A rule collection group whose view carries no ruleCollections cannot be judged: the engine hands stack
        // policies the resources' outputs, and a provider that does not read the collections back (the simulator's
        // Java-SDK workaround; Azure itself returns them) would otherwise look like a firewall that admits nothing.
        if (idx.ofType(T.ruleCollectionGroup).some(g => !("ruleCollections" in g.props))) {
            guard("aks firewall rules", () => unknownYet("the firewall's rule collections the AKS hosts need"));
            return;
        }
        // The IP groups that hold an AKS node subnet (and only AKS node prefixes).
        const aksGroups = new Set(idx.ofType(T.ipGroup).filter(g => {
            const entries = arr<string>(g.props.ipAddresses).map(parseCidr);
            return entries.length > 0 && entries.every(e => e !== undefined && nodeCidrs.some(n => contains(n, e)));
        }).map(g => g.urn));
        const admitted = new Set<string>();
        for (const rcg of idx.ofType(T.ruleCollectionGroup)) {
            guard(rcg.name, () => {
                for (const r of firewallRules(rcg.type, rcg.props)) {
                    const fromAks = arr<string>(r.rule.sourceIpGroups).some(ref => {
                        const g = idx.find(ref);
                        return g !== undefined && aksGroups.has(g.urn);
                    });
                    if (!fromAks || r.action !== "allow") {
                        continue;
                    }
                    const names = [...arr<string>(r.rule.targetFqdns), ...arr<string>(r.rule.destinationFqdns)]
                        .map(n => n.toLowerCase());
                    const other = names.filter(n => !AKS_REQUIRED_FQDNS.includes(n));
                    const wide = arr(r.rule.destinationAddresses).length + arr(r.rule.fqdnTags).length
                        + arr(r.rule.webCategories).length + arr(r.rule.targetUrls).length;
                    if (other.length > 0 || wide > 0) {
                        report(`${label(rcg.type, rcg.name)} ${ruleLabel(r)} admits the AKS node subnet to `
                            + `${show(other.length > 0 ? other : "addresses, tags or categories")}, which AKS does not `
                            + "require. Keep the cluster's rules to the required hosts "
                            + "(learn.microsoft.com/azure/aks/outbound-rules-control-egress).", rcg.urn);
                    }
                    const https = arr(r.rule.protocols).some(pr => eqi(obj(pr).protocolType, "Https")
                        && Number(obj(pr).port) === 443);
                    if (https) {
                        names.forEach(n => admitted.add(n));
                    }
                }
            });
        }
        const missing = AKS_REQUIRED_FQDNS.filter(n => !admitted.has(n));
        if (missing.length > 0) {
            for (const c of clusters) {
                report(`${label(c.type, c.name, str(c.props.resourceName))} routes its egress through the firewall, `
                    + `which does not admit its node subnet to ${missing.join(", ")} (HTTPS): the nodes cannot `
                    + "bootstrap. Add them as application rules from the node subnet's IP group.", c.urn);
            }
        }
    },
});

export const aksPolicies = [aksPrivateCluster, aksEgressRequiredOnly];
