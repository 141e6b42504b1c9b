package com.ztplatform.components.network;

import com.pulumi.azurenative.network.inputs.SecurityRuleArgs;

import java.util.List;

/**
 * One network security rule, as plain data so rule sets can be built and tested without Pulumi.
 *
 * @param name        unique within the NSG, like AllowHttpsInbound
 * @param priority    100-4096, unique per direction; lower is evaluated first
 * @param direction   Inbound or Outbound
 * @param access      Allow or Deny
 * @param protocol    Tcp, Udp, Icmp or "*"
 * @param source      source prefix or service tag, like VirtualNetwork or Internet; "*" for any
 * @param destination destination prefix or service tag; "*" for any
 * @param ports       destination ports or ranges, like "443" or "8080"; "*" for any
 * @param description why the rule exists; becomes the rule's description in Azure
 */
public record NsgRule(String name, int priority, String direction, String access, String protocol,
                      String source, String destination, List<String> ports, String description) {

    /**
     * Copies {@code ports}.
     *
     * @param name        unique within the NSG
     * @param priority    100-4096
     * @param direction   Inbound or Outbound
     * @param access      Allow or Deny
     * @param protocol    Tcp, Udp, Icmp or "*"
     * @param source      source prefix or service tag
     * @param destination destination prefix or service tag
     * @param ports       destination ports or ranges
     * @param description why the rule exists
     */
    public NsgRule {
        ports = List.copyOf(ports);
    }

    /**
     * An inbound Allow rule.
     *
     * @param name        unique within the NSG
     * @param priority    100-4096
     * @param protocol    Tcp, Udp, Icmp or "*"
     * @param source      source prefix or service tag, like VirtualNetwork
     * @param destination destination prefix or service tag
     * @param ports       destination ports, like ["443"]
     * @param why         the rule's description
     * @return the rule
     */
    public static NsgRule allowIn(String name, int priority, String protocol, String source, String destination,
                                  List<String> ports, String why) {
        return new NsgRule(name, priority, "Inbound", "Allow", protocol, source, destination, ports, why);
    }

    /**
     * An outbound Allow rule.
     *
     * @param name        unique within the NSG
     * @param priority    100-4096
     * @param protocol    Tcp, Udp, Icmp or "*"
     * @param source      source prefix or service tag
     * @param destination destination prefix or service tag, like AzureCloud
     * @param ports       destination ports, like ["443"]
     * @param why         the rule's description
     * @return the rule
     */
    public static NsgRule allowOut(String name, int priority, String protocol, String source, String destination,
                                   List<String> ports, String why) {
        return new NsgRule(name, priority, "Outbound", "Allow", protocol, source, destination, ports, why);
    }

    /**
     * An inbound Deny rule for every protocol, source, destination and port: the catch-all below the Allow rules.
     *
     * @param name     unique within the NSG, like DenyAllInbound
     * @param priority 100-4096; higher than every Allow rule it should not shadow
     * @param why      the rule's description
     * @return the rule
     */
    public static NsgRule denyIn(String name, int priority, String why) {
        return new NsgRule(name, priority, "Inbound", "Deny", "*", "*", "*", List.of("*"), why);
    }

    /**
     * The rule as azure-native security rule arguments (single or multiple destination ports as Azure requires).
     *
     * @return the arguments for the NSG's {@code securityRules}
     */
    public SecurityRuleArgs toArgs() {
        var builder = SecurityRuleArgs.builder()
                .name(name)
                .priority(priority)
                .direction(direction)
                .access(access)
                .protocol(protocol)
                .sourceAddressPrefix(source)
                .sourcePortRange("*")
                .destinationAddressPrefix(destination)
                .description(description);
        if (ports.size() == 1) {
            builder.destinationPortRange(ports.get(0));
        } else {
            builder.destinationPortRanges(ports);
        }
        return builder.build();
    }
}
