package com.ztplatform.components.databricks;

import com.ztplatform.components.network.HubSecurityRules;
import com.ztplatform.components.network.NsgRule;

import java.util.ArrayList;
import java.util.List;

/** NSG rule sets of a Databricks spoke's subnets, as plain data. */
public final class SpokeSecurityRules {
    /**
     * Ports clusters use towards the control plane besides 443, which the back-end private endpoint now carries:
     * the ports of the worker-to-AzureDatabricks rule Databricks' network intent policy adds with public
     * connectivity (443, 3306, 8443-8451; learn.microsoft.com/azure/databricks/security/network/classic/vnet-inject,
     * "Network security group rules"). With {@code NoAzureDatabricksRules} that traffic goes to the back-end
     * endpoint in this spoke's endpoint subnet instead, so that subnet's NSG must admit it.
     */
    public static final List<String> BACK_END_PORTS = List.of("3306", "8443-8451");

    private SpokeSecurityRules() {
    }

    /**
     * The spoke's private-endpoint subnet: TLS from the private network (as in the hub), and the other back-end
     * ports from the Databricks host and container subnets only; nothing else gets in.
     *
     * @param hostCidr      the host subnet, like 10.11.0.0/26
     * @param containerCidr the container subnet, like 10.11.0.64/26
     * @return the rules, in priority order
     */
    public static List<NsgRule> privateEndpoints(String hostCidr, String containerCidr) {
        var rules = new ArrayList<NsgRule>();
        for (var rule : HubSecurityRules.privateEndpoints()) {
            if (rule.access().equals("Deny")) {
                rules.add(NsgRule.allowIn("AllowDatabricksHostBackEndInbound", 110, "Tcp", hostCidr, "VirtualNetwork",
                        BACK_END_PORTS, "Clusters (host subnet) reach the control plane through the back-end endpoint"));
                rules.add(NsgRule.allowIn("AllowDatabricksContainerBackEndInbound", 111, "Tcp", containerCidr,
                        "VirtualNetwork", BACK_END_PORTS,
                        "Clusters (container subnet) reach the control plane through the back-end endpoint"));
            }
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    /**
     * The host and container subnets' NSG: exactly the rules Databricks' network intent policy puts there with
     * {@code NoAzureDatabricksRules} (worker-to-worker traffic inside the VNet, both ways; names and fields as the
     * policy writes them). Declared so that the NSG is complete from its first write and an update never sends a
     * rule set without them (the intent policy rejects that, or re-adds them and every {@code pulumi up} churns;
     * github.com/Azure/azure-quickstart-templates/issues/6670). Outbound beyond the VNet is the firewall's job.
     *
     * @return the rules, in priority order
     */
    public static List<NsgRule> databricksSubnets() {
        var why = "Required for worker nodes communication within a cluster.";
        return List.of(
                new NsgRule(INTENT_POLICY_PREFIX + "databricks-worker-to-worker-inbound", 100, "Inbound", "Allow", "*",
                        "VirtualNetwork", "VirtualNetwork", List.of("*"), why),
                new NsgRule(INTENT_POLICY_PREFIX + "databricks-worker-to-worker-outbound", 100, "Outbound", "Allow", "*",
                        "VirtualNetwork", "VirtualNetwork", List.of("*"), why));
    }

    /** Names of rules owned by Databricks' network intent policy start with this. */
    public static final String INTENT_POLICY_PREFIX = "Microsoft.Databricks-workspaces_UseOnly_";
}
