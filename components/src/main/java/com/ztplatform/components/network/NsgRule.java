package com.ztplatform.components.network;

import com.pulumi.azurenative.network.inputs.SecurityRuleArgs;

import java.util.List;

/**
 * One network security rule, as plain data so rule sets can be built and tested without Pulumi.
 *
 * @param ports destination ports or ranges, like "443" or "8080"; "*" for any
 */
public record NsgRule(String name, int priority, String direction, String access, String protocol,
                      String source, String destination, List<String> ports, String description) {

    public NsgRule {
        ports = List.copyOf(ports);
    }

    public static NsgRule allowIn(String name, int priority, String protocol, String source, String destination,
                                  List<String> ports, String why) {
        return new NsgRule(name, priority, "Inbound", "Allow", protocol, source, destination, ports, why);
    }

    public static NsgRule allowOut(String name, int priority, String protocol, String source, String destination,
                                   List<String> ports, String why) {
        return new NsgRule(name, priority, "Outbound", "Allow", protocol, source, destination, ports, why);
    }

    public static NsgRule denyIn(String name, int priority, String why) {
        return new NsgRule(name, priority, "Inbound", "Deny", "*", "*", "*", List.of("*"), why);
    }

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
