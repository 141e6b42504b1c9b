package com.ztplatform.components.firewall;

import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link EgressFirewall}.
 *
 * @param hub         the hub whose AzureFirewallSubnet (and management subnet) the firewall uses (required)
 * @param egress      how allowed traffic leaves; must match how the hub's firewall subnet is associated (required)
 * @param naming      prefix and environment (required)
 * @param settings    what the firewall enforces. Default: {@link FirewallSettings#defaults()}
 * @param sealTimeout how long after construction {@link EgressFirewall#seal()} must be called before the
 *                    deployment fails with an explanation instead of waiting forever. Default: 2 minutes
 * @param common      tags, protect, diagnostics (the Log Analytics workspace for the firewall logs)
 */
public record EgressFirewallArgs(HubNetwork hub, EgressPath egress, Naming naming, FirewallSettings settings,
                                 Duration sealTimeout, CommonOptions common) {

    public static final Duration DEFAULT_SEAL_TIMEOUT = Duration.ofMinutes(2);

    public EgressFirewallArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sealTimeout, "sealTimeout");
        Objects.requireNonNull(common, "common");
    }

    public static EgressFirewallArgs of(HubNetwork hub, EgressPath egress, Naming naming, FirewallSettings settings,
                                        CommonOptions common) {
        return new EgressFirewallArgs(hub, egress, naming, settings, DEFAULT_SEAL_TIMEOUT, common);
    }

    public boolean needsManagementIp() {
        return settings.needsManagementIp(egress.mode());
    }

    public EgressRuleOptions ruleOptions() {
        return settings.ruleOptions(hub.location());
    }

    /** Every problem, each naming the field and a valid example. */
    public List<String> problems(EgressCatalogue catalogue) {
        var problems = new ArrayList<String>();
        if (hub == null) {
            problems.add("hub is required: the HubNetwork whose AzureFirewallSubnet the firewall uses");
        }
        if (egress == null) {
            problems.add("egress is required: an EgressPath (NAT gateway or forced tunnel)");
        }
        if (naming == null) {
            problems.add("naming is required, like new Naming(\"ztp\", \"dev\")");
        }
        if (sealTimeout.isNegative() || sealTimeout.isZero()) {
            problems.add("sealTimeout must be positive, like PT2M");
        }
        if (hub != null && egress != null) {
            problems.addAll(settings.problems("settings", hub.location(), catalogue, egress.mode(),
                    hub.hasFirewallManagementSubnet()));
            if (egress.mode() == EgressMode.NAT_GATEWAY && !hub.firewallSubnetHasNatGateway()) {
                problems.add("egress is a NAT gateway but the hub's AzureFirewallSubnet is not associated with it; "
                        + "pass egress.natGatewayId() to HubNetworkArgs.firewallSubnetNatGatewayId");
            }
            if (egress.mode() == EgressMode.FORCED_TUNNEL && !hub.firewallSubnetHasRouteTable()) {
                problems.add("egress is a forced tunnel but the hub's AzureFirewallSubnet has no route table; "
                        + "pass egress.firewallSubnetRouteTableId() to HubNetworkArgs.firewallSubnetRouteTableId");
            }
        }
        problems.addAll(common.problems("common"));
        return problems;
    }
}
