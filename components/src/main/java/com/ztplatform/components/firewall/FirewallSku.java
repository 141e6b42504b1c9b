package com.ztplatform.components.firewall;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Azure Firewall SKUs and what each can honour (learn.microsoft.com/azure/firewall/choose-firewall-sku).
 * Configuration a SKU cannot honour is a validation error, never a silent downgrade.
 */
public enum FirewallSku {
    /** No DNS proxy, threat intelligence in Alert mode only, always needs the management subnet and IP. */
    BASIC("Basic", false, false, false, true),
    /** DNS proxy, threat intelligence Deny, FQDN network rules. */
    STANDARD("Standard", true, true, false, false),
    /** Standard plus IDPS and TLS inspection. */
    PREMIUM("Premium", true, true, true, false);

    private final String tier;
    private final boolean dnsProxy;
    private final boolean threatIntelDeny;
    private final boolean idps;
    private final boolean alwaysNeedsManagementIp;

    FirewallSku(String tier, boolean dnsProxy, boolean threatIntelDeny, boolean idps, boolean alwaysNeedsManagementIp) {
        this.tier = tier;
        this.dnsProxy = dnsProxy;
        this.threatIntelDeny = threatIntelDeny;
        this.idps = idps;
        this.alwaysNeedsManagementIp = alwaysNeedsManagementIp;
    }

    public String tier() {
        return tier;
    }

    public boolean supportsDnsProxy() {
        return dnsProxy;
    }

    public boolean supportsThreatIntelDeny() {
        return threatIntelDeny;
    }

    public boolean supportsIdps() {
        return idps;
    }

    public boolean alwaysNeedsManagementIp() {
        return alwaysNeedsManagementIp;
    }

    public static Optional<FirewallSku> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.tier.equalsIgnoreCase(value)).findFirst();
    }

    public static String validNames() {
        return Arrays.stream(values()).map(FirewallSku::tier).collect(Collectors.joining(", "));
    }
}
