package com.ztplatform.components.firewall;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

/**
 * Where a subnet's outbound traffic goes: what a spoke needs from an egress firewall, and nothing more. Implemented
 * by {@link EgressFirewall} in the platform's own program and by
 * {@code com.ztplatform.components.contract.PlatformStackReference} in another team's program.
 *
 * <p>There is deliberately no method to add rules or sources. The firewall's rule set is planned before it exists
 * ({@link EgressPlan}) and owned by the stack that owns the firewall policy; a component built against this interface
 * is checked against that plan where it is known ({@link #egressPlan()}), and a consumer in another stack, which
 * cannot write into the platform's policy, gets the hub's existing allowlist for the sources the platform admitted,
 * and deny-by-default for everything else. To be admitted, the consumer's subnets go into the platform stack's plan
 * (a reviewed change to the platform's configuration).
 */
public interface EgressNextHop {

    /**
     * The firewall's private IP: the next hop of {@code 0.0.0.0/0}.
     *
     * @return the IP address, like 10.0.0.4, known once the firewall exists
     */
    Output<String> privateIp();

    /**
     * A route table sending {@code 0.0.0.0/0} to {@link #privateIp()}, for subnets to attach to.
     *
     * @return the route table's Azure resource ID
     */
    Output<String> routeTableId();

    /**
     * DNS servers for VNets that should resolve through the firewall's DNS proxy, when it runs one.
     * Default: empty (use Azure-provided DNS), which is right when the proxy's state is not known.
     *
     * @return the firewall's private IP as the only DNS server when its DNS proxy is on, otherwise empty
     */
    default Optional<List<String>> dnsServers() {
        return Optional.empty();
    }

    /**
     * The sources and rules the firewall was planned with, when this program knows them (the local firewall).
     * Default: empty (a firewall in another stack), so nothing can be checked before deployment.
     *
     * @return the plan, or empty when the firewall belongs to another stack
     */
    default Optional<EgressPlan> egressPlan() {
        return Optional.empty();
    }
}
