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
        + "(outboundType userDefinedRouting), give nodes no public IPs and use Entra ID with Azure RBAC.",
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
        // Local accounts: judged by aks-local-accounts, which sees whether Azure Machine Learning is attached.
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

export const ML_COMPUTE = "azure-native:machinelearningservices:Compute";
export const CLUSTER_EXTENSION = "azure-native:kubernetesconfiguration:Extension";
/** The Azure Machine Learning cluster extension (learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension). */
export const AZUREML_EXTENSION_TYPE = "microsoft.azureml.kubernetes";

/**
 * Hosts the Azure ML extension's agents reach from the node subnet, by pattern (the region varies): the cluster
 * extensions data plane (learn.microsoft.com/azure/aks/outbound-rules-control-egress, "Cluster extensions") and the
 * regional Azure ML service API (learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall,
 * "Kubernetes compute"). The same hosts as MachineLearningInference.firewallContribution in the components.
 */
export const ML_INFERENCE_HOSTS: readonly RegExp[] = [
    /^[a-z0-9]+\.dp\.kubernetesconfiguration\.azure\.com$/,
    /^[a-z0-9]+\.api\.azureml\.ms$/,
    /^[a-z0-9]+\.experiments\.azureml\.net$/,
];

/** The Azure ML extensions of the stack. */
function azuremlExtensions(idx: StackIndex) {
    return idx.ofType(CLUSTER_EXTENSION).filter(e => eqi(e.props.extensionType, AZUREML_EXTENSION_TYPE));
}

/** Whether an Azure ML extension is installed on the cluster (by name; an unknown name during preview counts). */
function hasAzuremlExtension(idx: StackIndex, clusterName: unknown): boolean {
    return azuremlExtensions(idx).some(e => typeof e.props.clusterName !== "string"
        || hasUnknown(e.props.clusterName) || eqi(e.props.clusterName, str(clusterName) ?? ""));
}

export const aksLocalAccounts = stackPolicy({
    name: "aks-local-accounts",
    description: "AKS clusters must disable local accounts, except a cluster the Azure Machine Learning extension is "
        + "installed on (Azure ML does not support clusters with local accounts disabled).",
    validate: (args, report) => {
        const idx = new StackIndex(args.resources);
        for (const c of idx.ofType(T.managedCluster)) {
            if (isTrue(c.props.disableLocalAccounts) || hasAzuremlExtension(idx, c.props.resourceName)) {
                continue;
            }
            report(`${label(c.type, c.name, str(c.props.resourceName))} has disableLocalAccounts `
                + `${show(c.props.disableLocalAccounts)}: the local admin kubeconfig bypasses Entra ID, and no Azure `
                + "Machine Learning extension on the cluster needs it. Set disableLocalAccounts to true.", c.urn);
        }
    },
});

export const mlInferenceInternal = resourcePolicy({
    name: "ml-inference-internal",
    description: "Azure ML inference on AKS must have no public endpoint: the Azure ML extension's router serves HTTPS "
        + "on an internal load balancer (or a cluster-internal service), and an AKS compute target uses the internal "
        + "load balancer in a subnet; compute targets disable local authentication.",
    types: [CLUSTER_EXTENSION, ML_COMPUTE],
    validate: (args, report) => {
        const p = args.props;
        if (args.type === CLUSTER_EXTENSION) {
            if (!eqi(p.extensionType, AZUREML_EXTENSION_TYPE)) {
                return;
            }
            const who = label(args.type, args.name, str(p.extensionName));
            const cfg = obj(p.configurationSettings);
            if (!eqi(cfg.enableInference, "True")) {
                return;
            }
            const service = str(cfg.inferenceRouterServiceType) ?? "";
            if (eqi(service, "loadBalancer") && !eqi(cfg.internalLoadBalancerProvider, "azure")) {
                report(`${who} exposes the inference router on a load balancer with internalLoadBalancerProvider `
                    + `${show(cfg.internalLoadBalancerProvider)}: AKS gives it a public IP. Set `
                    + "configurationSettings.internalLoadBalancerProvider to 'azure'.");
            } else if (!["loadbalancer", "clusterip", "nodeport"].includes(service.toLowerCase())) {
                report(`${who} has configurationSettings.inferenceRouterServiceType ${show(cfg.inferenceRouterServiceType)}. `
                    + "Set it to 'loadBalancer' with internalLoadBalancerProvider 'azure'.");
            }
            if (!eqi(cfg.allowInsecureConnections, "False")) {
                report(`${who} has configurationSettings.allowInsecureConnections ${show(cfg.allowInsecureConnections)}: `
                    + "inference requests and keys travel in clear text. Set it to 'False' with sslCname and sslSecret.");
            }
            return;
        }
        const compute = obj(p.properties);
        const who = label(args.type, args.name, str(p.computeName));
        const kind = str(compute.computeType) ?? "";
        if (eqi(kind, "AKS")) {
            const props = obj(compute.properties);
            if (!eqi(props.loadBalancerType, "InternalLoadBalancer") || !str(props.loadBalancerSubnet)) {
                report(`${who} attaches AKS with loadBalancerType ${show(props.loadBalancerType)} and loadBalancerSubnet `
                    + `${show(props.loadBalancerSubnet)}: the scoring endpoint gets a public IP. Set loadBalancerType to `
                    + "'InternalLoadBalancer' with a loadBalancerSubnet, or attach the cluster as Kubernetes compute.");
            }
        }
        if ((eqi(kind, "AKS") || eqi(kind, "Kubernetes")) && !isTrue(compute.disableLocalAuth)) {
            report(`${who} has disableLocalAuth ${show(compute.disableLocalAuth)}: the compute accepts key `
                + "authentication. Set properties.disableLocalAuth to true (Entra ID only).");
        }
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
        // With the Azure ML extension on a cluster its agents' hosts are required too.
        const mlAttached = azuremlExtensions(idx).length > 0;
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
                    const other = names.filter(n => !AKS_REQUIRED_FQDNS.includes(n)
                        && !(mlAttached && ML_INFERENCE_HOSTS.some(h => h.test(n))));
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

export const aksPolicies = [aksPrivateCluster, aksLocalAccounts, mlInferenceInternal, aksEgressRequiredOnly];
