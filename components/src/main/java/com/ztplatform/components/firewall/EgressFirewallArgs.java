package com.ztplatform.components.firewall;

import com.ztplatform.components.common.Placement;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link EgressFirewall}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * <p>The firewall takes the concrete {@link HubNetwork}, not a {@code HubConnection}: it is the hub's own firewall,
 * placed in the hub's AzureFirewallSubnet, and needs the hub's planned layout (its private IP is predicted from it).
 *
 * @param hub      the hub whose AzureFirewallSubnet (and management subnet) the firewall uses (required)
 * @param egress   how allowed traffic leaves; must match how the hub's firewall subnet is associated (required)
 * @param naming   prefix and environment (required)
 * @param settings what the firewall enforces. Default: {@link FirewallSettings#defaults()}
 * @param plan     the source subnets and contributed rule collections, computed before any resource exists.
 *                 Default: {@link EgressPlan#empty()} (the Databricks source group stays empty, so no rule matches
 *                 anything: a warning says so)
 * @param common   tags, protect, diagnostics (the Log Analytics workspace for the firewall logs).
 *                 Default: {@link CommonOptions#defaults()}
 */
public record EgressFirewallArgs(HubNetwork hub, EgressPath egress, Naming naming, FirewallSettings settings,
                                 EgressPlan plan, CommonOptions common) {

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param hub the hub whose AzureFirewallSubnet (and management subnet) the firewall uses (required)
     * @param egress how allowed traffic leaves; must match how the hub's firewall subnet is associated (required)
     * @param naming prefix and environment (required)
     * @param settings what the firewall enforces. Default: {@link FirewallSettings#defaults()}
     * @param plan the source subnets and contributed rule collections, computed before any resource exists. Default:
     *             {@link EgressPlan#empty()} (the Databricks source group stays empty, so no rule matches anything: a
     *             warning says so)
     * @param common tags, protect, diagnostics (the Log Analytics workspace for the firewall logs). Default: {@link
     *               CommonOptions#defaults()}
     */
    public EgressFirewallArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(common, "common");
    }

    /**
     * A builder; what is not set takes the default documented on this record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the firewall needs AzureFirewallManagementSubnet and a management public IP: always with the Basic SKU,
     * and with forced-tunnel egress on any SKU.
     *
     * @return true when the management IP configuration is created
     */
    public boolean needsManagementIp() {
        return settings.needsManagementIp(egress.mode());
    }

    /**
     * The options the rule set is generated with: the settings, for the hub's region, with the DNS proxy as the SKU
     * can run it.
     *
     * @return the options passed to {@link EgressRules}
     */
    public EgressRuleOptions ruleOptions() {
        return settings.ruleOptions(hub.location());
    }

    /**
     * Every problem, each naming the field and a valid example: required fields, the plan, the settings against the
     * SKU and the region's catalogue, and whether the hub's firewall subnet is associated with the egress path.
     *
     * @param catalogue the egress catalogue the region's entries are checked against
     * @return the problems; empty when valid
     */
    public List<String> problems(EgressCatalogue catalogue) {
        var problems = new ArrayList<String>();
        if (hub == null) {
            problems.add("hub is required: the HubNetwork whose AzureFirewallSubnet the firewall uses");
        }
        if (egress == null) {
            problems.add("egress is required: an EgressPath (NAT gateway or forced tunnel)");
        }
        Placement.naming(problems, naming);
        problems.addAll(plan.problems("plan"));
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

    /** Builds {@link EgressFirewallArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private HubNetwork hub;
        private EgressPath egress;
        private Naming naming;
        private FirewallSettings settings = FirewallSettings.defaults();
        private EgressPlan plan = EgressPlan.empty();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value the hub whose AzureFirewallSubnet (and management subnet) the firewall uses (required)
         * @return this builder
         */
        public Builder hub(HubNetwork value) { this.hub = value; return this; }
        /**
         * @param value how allowed traffic leaves; must match how the hub's firewall subnet is associated (required)
         * @return this builder
         */
        public Builder egress(EgressPath value) { this.egress = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value what the firewall enforces. Default: {@link FirewallSettings#defaults()}
         * @return this builder
         */
        public Builder settings(FirewallSettings value) { this.settings = value; return this; }
        /**
         * @param value the source subnets and contributed rule collections, computed before any resource exists.
         *              Default: {@link EgressPlan#empty()} (the Databricks source group stays empty, so no rule
         *              matches anything: a warning says so)
         * @return this builder
         */
        public Builder plan(EgressPlan value) { this.plan = value; return this; }
        /**
         * @param value tags, protect, diagnostics (the Log Analytics workspace for the firewall logs). Default:
         *              {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public EgressFirewallArgs build() {
            return new EgressFirewallArgs(hub, egress, naming, settings, plan, common);
        }
    }
}
