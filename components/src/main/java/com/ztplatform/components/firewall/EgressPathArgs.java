package com.ztplatform.components.firewall;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.addressing.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link EgressPath}.
 *
 * @param resourceGroupName     hub resource group (required)
 * @param location              Azure region, like westeurope (required)
 * @param naming                prefix and environment (required)
 * @param mode                  {@link EgressMode#NAT_GATEWAY} (default) or {@link EgressMode#FORCED_TUNNEL}
 * @param publicIpPrefixLength  NAT gateway mode: 0 for one static public IP (default), or 28-31 for a public
 *                              IP prefix of 16 to 2 addresses when one IP's 64k SNAT ports are not enough
 * @param forcedTunnelNextHopIp forced-tunnel mode: the upstream appliance's private IP, like 10.200.0.4
 * @param common                tags, protect
 */
public record EgressPathArgs(Output<String> resourceGroupName, String location, Naming naming, EgressMode mode,
                             int publicIpPrefixLength, Optional<String> forcedTunnelNextHopIp, CommonOptions common) {
    public EgressPathArgs {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(forcedTunnelNextHopIp, "forcedTunnelNextHopIp");
        Objects.requireNonNull(common, "common");
    }

    public static EgressPathArgs natGateway(Output<String> resourceGroupName, String location, Naming naming,
                                            CommonOptions common) {
        return new EgressPathArgs(resourceGroupName, location, naming, EgressMode.NAT_GATEWAY, 0, Optional.empty(), common);
    }

    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (resourceGroupName == null) {
            problems.add("resourceGroupName is required");
        }
        if (naming == null) {
            problems.add("naming is required, like new Naming(\"ztp\", \"dev\")");
        }
        problems.addAll(settingsProblems("", mode, publicIpPrefixLength, forcedTunnelNextHopIp));
        return problems;
    }

    /** Problems of the egress settings alone, each starting with {@code path} (empty or ending with '.'). */
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
}
