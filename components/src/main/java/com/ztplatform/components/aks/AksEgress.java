package com.ztplatform.components.aks;

import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.RuleCollection;
import com.ztplatform.components.firewall.RuleContribution;
import com.ztplatform.components.firewall.SourceGroups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a private AKS cluster needs from the egress firewall, as plain values known before anything exists: its node
 * subnet as the {@link SourceGroups#AKS} source group, and the cluster's required outbound destinations as
 * application rules from that group only (so no other subnet gains them, and the serverless allowlist, which follows
 * the {@code databricks} group, does not either).
 *
 * <p>Source: "Outbound network and FQDN rules for Azure Kubernetes Service (AKS) clusters",
 * learn.microsoft.com/azure/aks/outbound-rules-control-egress (required FQDN / application rules for Azure Global).
 * For a <b>private</b> cluster the page's network rules do not apply: the tunnel ports (UDP 1194, TCP 9000 to
 * {@code AzureCloud.<region>}) and TCP 443 to the API server's public address are "not required for private
 * clusters", and neither is {@code *.hcp.<region>.azmk8s.io}: nodes reach the API server through its private endpoint
 * in their own subnet. UDP 123 to {@code ntp.ubuntu.com} is needed only by nodes provisioned before March 2021 (newer
 * node images take time from the Azure host). The page's optional Ubuntu update hosts are left out: node OS patches
 * arrive as node images through the cluster's upgrades, not through {@code apt} on the nodes.
 *
 * <p>The same list is in the policy pack ({@code policy-pack/src/data/aks-required-fqdns.json}), which checks that a
 * stack with a cluster has these rules and nothing wider; a test holds the two equal.
 */
public final class AksEgress {
    /** The owner of the contribution, as egress.md and the rule collection names show it. */
    public static final String OWNER = "aks";

    /** Each required FQDN with the reason egress.md gives for it, in the page's order. */
    public static final Map<String, String> REQUIRED_FQDNS;

    static {
        var m = new LinkedHashMap<String, String>();
        m.put("mcr.microsoft.com", "Microsoft Container Registry: the cluster's system images (CoreDNS, "
                + "konnectivity, CSI drivers, metrics server)");
        m.put("*.data.mcr.microsoft.com", "Microsoft Container Registry's data endpoints, which serve the image layers");
        m.put("management.azure.com", "Azure Resource Manager: Kubernetes operations on Azure resources (disks, "
                + "internal load balancers) and node registration");
        m.put("login.microsoftonline.com", "Entra ID: tokens for the cluster's managed identities and for workload "
                + "identity");
        m.put("packages.microsoft.com", "Microsoft's package repository: the cached apt operations of node "
                + "provisioning (Moby, PowerShell, Azure CLI)");
        m.put("acs-mirror.azureedge.net", "The AKS binary mirror: kubenet and Azure CNI plugins, kubelet and "
                + "kubectl at provisioning and upgrades");
        m.put("packages.aks.azure.com", "The AKS package host that replaces acs-mirror.azureedge.net for the same "
                + "node binaries");
        REQUIRED_FQDNS = java.util.Collections.unmodifiableMap(m);
    }

    private AksEgress() {
    }

    /**
     * The cluster's node subnet as the firewall's {@link SourceGroups#AKS} group.
     *
     * @param addressSpace the cluster's spoke VNet, like 10.120.0.0/22
     * @return the source group for the firewall's plan
     */
    public static EgressPlan.Sources egressSources(String addressSpace) {
        return new EgressPlan.Sources(SourceGroups.AKS, OWNER, List.of(AksSettings.nodeSubnet(addressSpace).toString()));
    }

    /**
     * The required destinations, one application rule per purpose, HTTPS only, from the {@link SourceGroups#AKS} group.
     *
     * @return the contribution for the firewall's plan
     */
    public static RuleContribution firewallContribution() {
        var rules = new ArrayList<FirewallRule>();
        rules.add(rule("aks-images", List.of("mcr.microsoft.com", "*.data.mcr.microsoft.com")));
        rules.add(rule("aks-azure-api", List.of("management.azure.com")));
        rules.add(rule("aks-entra-id", List.of("login.microsoftonline.com")));
        rules.add(rule("aks-node-binaries", List.of("packages.microsoft.com", "acs-mirror.azureedge.net",
                "packages.aks.azure.com")));
        return new RuleContribution(OWNER, List.of(new RuleCollection("required", 100, rules)));
    }

    private static FirewallRule rule(String name, List<String> fqdns) {
        var why = new StringBuilder("Private AKS cluster (learn.microsoft.com/azure/aks/outbound-rules-control-egress): ");
        for (int i = 0; i < fqdns.size(); i++) {
            why.append(i == 0 ? "" : "; ").append(fqdns.get(i)).append(" (").append(REQUIRED_FQDNS.get(fqdns.get(i)))
                    .append(')');
        }
        return new FirewallRule.ApplicationRule(name, List.of(SourceGroups.AKS), fqdns, List.of("Https:443"),
                why.toString());
    }
}
