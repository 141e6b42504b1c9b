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

    /**
     * The SKU tier as Azure spells it in the firewall's {@code sku.tier} and the policy's {@code sku.tier}.
     *
     * @return Basic, Standard or Premium
     */
    public String tier() {
        return tier;
    }

    /**
     * Whether the SKU can run the DNS proxy (needed for FQDNs in network rules and for spokes resolving through the
     * firewall).
     *
     * @return false for Basic
     */
    public boolean supportsDnsProxy() {
        return dnsProxy;
    }

    /**
     * Whether threat intelligence can run in Deny mode (Basic only alerts).
     *
     * @return false for Basic
     */
    public boolean supportsThreatIntelDeny() {
        return threatIntelDeny;
    }

    /**
     * Whether the SKU has IDPS (intrusion detection and prevention) and TLS inspection.
     *
     * @return true for Premium only
     */
    public boolean supportsIdps() {
        return idps;
    }

    /**
     * Whether the firewall needs AzureFirewallManagementSubnet and a management public IP whatever the egress mode;
     * the other SKUs need them only for forced tunnelling.
     *
     * @return true for Basic
     */
    public boolean alwaysNeedsManagementIp() {
        return alwaysNeedsManagementIp;
    }

    /**
     * Parses a tier name, ignoring case.
     *
     * @param value like Standard or premium
     * @return the SKU, or empty for an unknown tier (report it with {@link #validNames()})
     */
    public static Optional<FirewallSku> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.tier.equalsIgnoreCase(value)).findFirst();
    }

    /**
     * The tier names for an error message.
     *
     * @return "Basic, Standard, Premium"
     */
    public static String validNames() {
        return Arrays.stream(values()).map(FirewallSku::tier).collect(Collectors.joining(", "));
    }
}
