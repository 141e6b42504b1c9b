package com.ztplatform.components.firewall;

import java.util.List;

/**
 * One Azure Firewall policy rule, as plain data so rule sets can be generated and tested without Pulumi.
 * Sources are always names of the firewall's source IP groups (never addresses), so no rule can ever be
 * opened to {@code *} or 0.0.0.0/0 on the source side.
 */
public sealed interface FirewallRule permits FirewallRule.ApplicationRule, FirewallRule.NetworkRule {

    /**
     * The rule's name, unique within its rule collection, like databricks-webapp; Azure shows it in the firewall logs.
     *
     * @return the rule name
     */
    String name();

    /**
     * Source IP group keys, like {@link SourceGroups#DATABRICKS}.
     *
     * @return keys of the firewall's IP groups; resolved to the groups' resource IDs when the policy is written
     */
    List<String> sourceGroups();

    /**
     * Why the rule exists; becomes the rule's description and the "why" column of egress.md.
     *
     * @return one sentence for a reviewer
     */
    String why();

    /**
     * An application (layer 7) rule: TLS SNI / HTTP Host matched against FQDNs.
     *
     * @param name         unique within the collection
     * @param sourceGroups source IP group keys, like {@link SourceGroups#DATABRICKS}
     * @param targetFqdns  FQDNs; a leading "*." wildcard label is allowed here, a bare "*" never
     * @param protocols    like "Https:443", "Http:80", "Mssql:1433"
     * @param why          the rule's description
     */
    record ApplicationRule(String name, List<String> sourceGroups, List<String> targetFqdns, List<String> protocols,
                           String why) implements FirewallRule {
        /**
         * Copies the lists so the rule cannot change after it is planned.
         *
         * @param name         unique within the collection
         * @param sourceGroups source IP group keys
         * @param targetFqdns  FQDNs, a leading "*." label allowed
         * @param protocols    like "Https:443"
         * @param why          the rule's description
         */
        public ApplicationRule {
            sourceGroups = List.copyOf(sourceGroups);
            targetFqdns = List.copyOf(targetFqdns);
            protocols = List.copyOf(protocols);
        }
    }

    /**
     * A network (layer 4) rule. Exactly one destination kind is used.
     *
     * @param name                   unique within the collection
     * @param sourceGroups           source IP group keys, like {@link SourceGroups#DATABRICKS}
     * @param destinationAddresses   CIDRs or IPs, like 20.73.215.48/28
     * @param destinationServiceTags service tags, like Sql.WestEurope (written to destinationAddresses)
     * @param destinationFqdns       FQDNs without wildcards; needs the firewall's DNS proxy
     * @param ports                  ports or ranges, like "443", "8443-8451"
     * @param protocols              "TCP", "UDP", "ICMP" or "Any"
     * @param why                    the rule's description
     */
    record NetworkRule(String name, List<String> sourceGroups, List<String> destinationAddresses,
                       List<String> destinationServiceTags, List<String> destinationFqdns, List<String> ports,
                       List<String> protocols, String why) implements FirewallRule {
        /**
         * Copies the lists so the rule cannot change after it is planned.
         *
         * @param name                   unique within the collection
         * @param sourceGroups           source IP group keys
         * @param destinationAddresses   CIDRs or IPs; empty when another destination kind is used
         * @param destinationServiceTags service tags; empty when another destination kind is used
         * @param destinationFqdns       FQDNs; empty when another destination kind is used
         * @param ports                  ports or ranges, like "443"
         * @param protocols              "TCP", "UDP", "ICMP" or "Any"
         * @param why                    the rule's description
         */
        public NetworkRule {
            sourceGroups = List.copyOf(sourceGroups);
            destinationAddresses = List.copyOf(destinationAddresses);
            destinationServiceTags = List.copyOf(destinationServiceTags);
            destinationFqdns = List.copyOf(destinationFqdns);
            ports = List.copyOf(ports);
            protocols = List.copyOf(protocols);
        }
    }
}
