package com.ztplatform.components.serverless;

import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.RuleCollectionGroupSpec;
import com.ztplatform.components.firewall.SourceGroups;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Derives the serverless network policy's allowed internet destinations from the firewall's rule set, so
 * classic and serverless compute are held to the same allowlist. Serverless egress control takes DNS
 * names only, without wildcards: every entry it cannot express is reported, never silently dropped.
 */
public final class ServerlessAllowlist {
    private ServerlessAllowlist() {
    }

    /**
     * What serverless egress control can and cannot take from the firewall's rules.
     *
     * @param destinations     DNS names serverless compute may reach
     * @param notExpressible   firewall entries serverless egress control cannot express, each with the reason
     */
    public record Result(List<String> destinations, List<String> notExpressible) {
        /**
         * Copies the lists.
         *
         * @param destinations   DNS names serverless compute may reach
         * @param notExpressible entries it cannot express, with the reason
         */
        public Result {
            destinations = List.copyOf(destinations);
            notExpressible = List.copyOf(notExpressible);
        }
    }

    /**
     * The DNS names of the firewall's application rules that serverless compute may reach too: only rules whose
     * sources include the {@link SourceGroups#DATABRICKS} group. Rules of other source groups (the serverless router's
     * forwards, the Machine Learning compute subnet's outbound needs) are what other compute may reach, not
     * Databricks: they are neither exported nor reported.
     *
     * @param groups the firewall's rule collection groups
     * @return the names, and every entry that cannot be expressed
     */
    public static Result from(List<RuleCollectionGroupSpec> groups) {
        var names = new TreeSet<String>();
        var reported = new TreeSet<String>();
        for (var group : groups) {
            for (var collection : group.collections()) {
                for (var rule : collection.rules()) {
                    // Serverless compute stands in for the workspaces' classic compute: only what the firewall
                    // admits for the Databricks subnets applies to it (an AKS cluster's, ML compute's, the integration's or the router's rules do not).
                    if (!rule.sourceGroups().contains(SourceGroups.DATABRICKS)) {
                        continue;
                    }
                    var where = group.name() + "/" + collection.name() + "/" + rule.name();
                    if (rule instanceof FirewallRule.ApplicationRule app) {
                        app.targetFqdns().forEach(f -> add(f, where, names, reported));
                    } else if (rule instanceof FirewallRule.NetworkRule net) {
                        if (net.ports().equals(List.of("443"))) {
                            net.destinationFqdns().forEach(f -> add(f, where, names, reported));
                        } else {
                            // An allowed internet destination is a name, not a name and port: exporting a TCP 3306
                            // (metastore) name would let serverless reach it on any port it speaks.
                            net.destinationFqdns().forEach(f -> reported.add(where + ": " + f + " on port(s) "
                                    + String.join(",", net.ports()) + " (serverless egress control allows names for "
                                    + "HTTPS only; not exported)"));
                        }
                        // Private addresses are reached through NCC private endpoints, not the internet.
                        net.destinationAddresses().stream().filter(a -> !com.ztplatform.components.addressing.Cidr.isPrivate(a)).forEach(a -> reported.add(where
                                + ": address " + a + " (serverless egress control allows DNS names only)"));
                        net.destinationServiceTags().forEach(t -> reported.add(where + ": service tag " + t
                                + " (serverless egress control allows DNS names only)"));
                    }
                }
            }
        }
        return new Result(new ArrayList<>(names), new ArrayList<>(reported));
    }

    private static void add(String fqdn, String where, TreeSet<String> names, TreeSet<String> reported) {
        if (fqdn.contains("*")) {
            reported.add(where + ": wildcard " + fqdn + " (serverless egress control takes no wildcards; list the "
                    + "exact names serverless compute needs)");
        } else {
            names.add(fqdn);
        }
    }
}
