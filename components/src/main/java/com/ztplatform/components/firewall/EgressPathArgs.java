package com.ztplatform.components.firewall;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.addressing.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link EgressPath}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName     hub resource group (required)
 * @param location              Azure region, like westeurope (required)
 * @param naming                prefix and environment (required)
 * @param mode                  {@link EgressMode#NAT_GATEWAY} or {@link EgressMode#FORCED_TUNNEL}.
 *                              Default: {@link EgressMode#NAT_GATEWAY}
 * @param publicIpPrefixLength  NAT gateway mode: 0 for one static public IP, or 28-31 for a public IP prefix of 16
 *                              to 2 addresses when one IP's 64k SNAT ports are not enough. Default: 0
 * @param forcedTunnelNextHopIp forced-tunnel mode: the upstream appliance's private IP, like 10.200.0.4 (required
 *                              with {@link EgressMode#FORCED_TUNNEL}, refused otherwise). Default: none
 * @param common                tags, protect. Default: {@link CommonOptions#defaults()}
 */
public record EgressPathArgs(Output<String> resourceGroupName, String location, Naming naming, EgressMode mode,
                             int publicIpPrefixLength, Optional<String> forcedTunnelNextHopIp, CommonOptions common) {
    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param resourceGroupName hub resource group (required)
     * @param location Azure region, like westeurope (required)
     * @param naming prefix and environment (required)
     * @param mode {@link EgressMode#NAT_GATEWAY} or {@link EgressMode#FORCED_TUNNEL}. Default: {@link
     *             EgressMode#NAT_GATEWAY}
     * @param publicIpPrefixLength NAT gateway mode: 0 for one static public IP, or 28-31 for a public IP prefix of 16
     *                             to 2 addresses when one IP's 64k SNAT ports are not enough. Default: 0
     * @param forcedTunnelNextHopIp forced-tunnel mode: the upstream appliance's private IP, like 10.200.0.4 (required
     *                              with {@link EgressMode#FORCED_TUNNEL}, refused otherwise). Default: none
     * @param common tags, protect. Default: {@link CommonOptions#defaults()}
     */
    public EgressPathArgs {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(forcedTunnelNextHopIp, "forcedTunnelNextHopIp");
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
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "hubRg.name()", location, naming);
        problems.addAll(settingsProblems("", mode, publicIpPrefixLength, forcedTunnelNextHopIp));
        return problems;
    }

    /**
     * Problems of the egress settings alone, each starting with {@code path} (empty or ending with '.'); the stack's
     * configuration checks its {@code egress} block with it before any resource exists.
     *
     * @param path                  prefix of every message, like "firewall.egress." or ""
     * @param mode                  the egress mode
     * @param publicIpPrefixLength  0 or 28-31 in NAT gateway mode; must be 0 in forced-tunnel mode
     * @param forcedTunnelNextHopIp required (a private IPv4 address) in forced-tunnel mode; refused in NAT gateway mode
     * @return the problems, each naming the field and a valid example; empty when valid
     */
    public static List<String> settingsProblems(String path, EgressMode mode, int publicIpPrefixLength,
                                                Optional<String> forcedTunnelNextHopIp) {
        var problems = new ArrayList<String>();
        if (mode == EgressMode.NAT_GATEWAY) {
            if (publicIpPrefixLength != 0 && (publicIpPrefixLength < 28 || publicIpPrefixLength > 31)) {
                problems.add(path + "publicIpPrefixLength must be 0 (one IP) or 28-31, like 31, got " + publicIpPrefixLength);
            }
            forcedTunnelNextHopIp.ifPresent(ip -> problems.add(path + "forcedTunnelNextHopIp is only used with mode "
                    + "forcedTunnel; a NAT gateway and a forced tunnel compete for the firewall's egress: pick one"));
        } else {
            if (forcedTunnelNextHopIp.isEmpty()) {
                problems.add(path + "forcedTunnelNextHopIp is required with mode forcedTunnel, like 10.200.0.4");
            } else {
                var ip = forcedTunnelNextHopIp.get();
                if (Cidr.problem(ip + "/32").isPresent() || !isPrivate(ip)) {
                    problems.add(path + "forcedTunnelNextHopIp must be a private IPv4 address of the upstream "
                            + "appliance, like 10.200.0.4, got '" + ip + "'");
                }
            }
            if (publicIpPrefixLength != 0) {
                problems.add(path + "publicIpPrefixLength applies to the NAT gateway only; forced-tunnel egress "
                        + "leaves through the upstream appliance");
            }
        }
        return problems;
    }

    /** RFC 1918, or shared address space (100.64/10) that some upstream appliances use. */
    private static boolean isPrivate(String ip) {
        return Cidr.isPrivate(ip) || Cidr.parse("100.64.0.0/10").contains(ip);
    }

    /** Builds {@link EgressPathArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private EgressMode mode = EgressMode.NAT_GATEWAY;
        private int publicIpPrefixLength = 0;
        private Optional<String> forcedTunnelNextHopIp = Optional.empty();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value hub resource group (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }
        /**
         * @param value Azure region, like westeurope (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value {@link EgressMode#NAT_GATEWAY} or {@link EgressMode#FORCED_TUNNEL}. Default: {@link
         *              EgressMode#NAT_GATEWAY}
         * @return this builder
         */
        public Builder mode(EgressMode value) { this.mode = value; return this; }
        /**
         * @param value NAT gateway mode: 0 for one static public IP, or 28-31 for a public IP prefix of 16 to 2
         *              addresses when one IP's 64k SNAT ports are not enough. Default: 0
         * @return this builder
         */
        public Builder publicIpPrefixLength(int value) { this.publicIpPrefixLength = value; return this; }
        /**
         * @param value forced-tunnel mode: the upstream appliance's private IP, like 10.200.0.4 (required with {@link
         *              EgressMode#FORCED_TUNNEL}, refused otherwise). Default: none
         * @return this builder
         */
        public Builder forcedTunnelNextHopIp(String value) { return forcedTunnelNextHopIp(Optional.ofNullable(value)); }
        /**
         * @param value forced-tunnel mode: the upstream appliance's private IP, like 10.200.0.4 (required with {@link
         *              EgressMode#FORCED_TUNNEL}, refused otherwise). Default: none
         * @return this builder
         */
        public Builder forcedTunnelNextHopIp(Optional<String> value) { this.forcedTunnelNextHopIp = value; return this; }
        /**
         * @param value tags, protect. Default: {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public EgressPathArgs build() {
            return new EgressPathArgs(resourceGroupName, location, naming, mode, publicIpPrefixLength,
                    forcedTunnelNextHopIp, common);
        }
    }
}
