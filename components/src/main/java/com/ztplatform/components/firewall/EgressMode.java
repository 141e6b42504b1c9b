package com.ztplatform.components.firewall;

import java.util.Optional;

/** How traffic leaves after the firewall has allowed it. */
public enum EgressMode {
    /**
     * A NAT gateway on AzureFirewallSubnet: all allowed traffic leaves from the NAT gateway's static
     * public IP (or prefix), one audited egress identity, with far more SNAT ports than the firewall's own IPs.
     */
    NAT_GATEWAY("natGateway"),
    /**
     * Forced tunnelling: the firewall sends its own egress to an upstream appliance (on-premises or another
     * NVA) through a 0.0.0.0/0 route on AzureFirewallSubnet; needs the firewall management subnet and IP.
     */
    FORCED_TUNNEL("forcedTunnel");

    private final String configName;

    EgressMode(String configName) {
        this.configName = configName;
    }

    /**
     * The spelling in stack configuration ({@code egressMode}).
     *
     * @return natGateway or forcedTunnel
     */
    public String configName() {
        return configName;
    }

    /**
     * Parses the configuration spelling, exactly (case-sensitive).
     *
     * @param value natGateway or forcedTunnel
     * @return the mode, or empty for any other value (the caller reports the error with a valid example)
     */
    public static Optional<EgressMode> parse(String value) {
        for (var mode : values()) {
            if (mode.configName.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
