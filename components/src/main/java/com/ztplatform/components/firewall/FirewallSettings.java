package com.ztplatform.components.firewall;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the firewall enforces, as plain data: validated without any cloud resource, so the stack can check its
 * configuration before registering anything.
 *
 * @param sku                     Basic, Standard or Premium. Default: Standard
 * @param zones                   availability zones for the firewall and its public IPs, like [1, 2, 3]. Default: none
 * @param threatIntelMode         Deny, Alert or Off. Default: Deny (Basic supports Alert or Off only)
 * @param dnsProxy                the firewall's DNS proxy: needed for FQDN network rules; VNets that use it resolve
 *                                FQDNs the way the firewall matches them (Databricks spokes do not: they need their own
 *                                workspace-side DNS zone). Default: true (Basic: false)
 * @param idpsMode                Premium only: Deny, Alert or Off. Default: Deny on Premium. TLS inspection stays
 *                                off: it needs a customer CA in Key Vault and breaks certificate-pinned Databricks
 *                                traffic; IDPS still inspects unencrypted flows, TLS metadata and SNI.
 * @param controlPlaneMode        fqdn (default) or serviceTags; see {@link EgressRules}
 * @param legacyHiveMetastore     allow the legacy Hive metastore (TCP 3306). Default: false (Unity Catalog only)
 * @param controlPlaneViaPrivateLink SCC relay and web app go through the workspaces' back-end private endpoints,
 *                                so the firewall does not allow them. Default: true
 * @param regionOverrides         values the stack supplies for catalogue fields that are missing or unverified
 * @param packageRepositories     package repositories clusters may reach. Default: none
 */
public record FirewallSettings(FirewallSku sku, List<String> zones, String threatIntelMode, boolean dnsProxy,
                               Optional<String> idpsMode, ControlPlaneMode controlPlaneMode, boolean legacyHiveMetastore,
                               boolean controlPlaneViaPrivateLink, Map<String, List<String>> regionOverrides,
                               Set<PackageRepository> packageRepositories) {

    static final Set<String> MODES = Set.of("Deny", "Alert", "Off");

    /**
     * The canonical constructor; prefer {@link #defaults()} and the {@code with} methods. Copies the collections.
     *
     * @param sku                        Basic, Standard or Premium (not null)
     * @param zones                      availability zones, like [1, 2, 3]; empty for none
     * @param threatIntelMode            Deny, Alert or Off
     * @param dnsProxy                   whether the firewall's DNS proxy is on
     * @param idpsMode                   Premium only: Deny, Alert or Off; empty for the SKU's default
     * @param controlPlaneMode           fqdn or serviceTags (not null)
     * @param legacyHiveMetastore        allow the legacy Hive metastore (TCP 3306)
     * @param controlPlaneViaPrivateLink SCC relay and web app go through the workspaces' back-end private endpoints
     * @param regionOverrides            catalogue field name to the values to use instead; empty for none
     * @param packageRepositories        package repositories clusters may reach; empty for none
     */
    public FirewallSettings {
        Objects.requireNonNull(sku, "sku");
        zones = List.copyOf(zones);
        Objects.requireNonNull(idpsMode, "idpsMode");
        Objects.requireNonNull(controlPlaneMode, "controlPlaneMode");
        regionOverrides = Map.copyOf(regionOverrides);
        packageRepositories = Set.copyOf(packageRepositories);
    }

    /**
     * Standard SKU, threat intelligence Deny, DNS proxy on, FQDN mode, control plane through Private Link, no
     * legacy metastore, no zones, overrides or package repositories.
     *
     * @return the defaults
     */
    public static FirewallSettings defaults() {
        return new FirewallSettings(FirewallSku.STANDARD, List.of(), "Deny", true, Optional.empty(),
                ControlPlaneMode.FQDN, false, true, Map.of(), Set.of());
    }

    /**
     * A copy with another SKU; the other settings are kept and checked against it by {@link #problems}.
     *
     * @param value Basic, Standard or Premium
     * @return the new settings
     */
    public FirewallSettings withSku(FirewallSku value) {
        return new FirewallSettings(value, zones, threatIntelMode, dnsProxy, idpsMode, controlPlaneMode,
                legacyHiveMetastore, controlPlaneViaPrivateLink, regionOverrides, packageRepositories);
    }

    /**
     * The IDPS mode in force: the configured one, Deny by default on Premium, none below Premium.
     *
     * @return Deny, Alert or Off; empty when the firewall has no IDPS
     */
    public Optional<String> effectiveIdpsMode() {
        return idpsMode.isPresent() ? idpsMode : sku == FirewallSku.PREMIUM ? Optional.of("Deny") : Optional.empty();
    }

    /**
     * Whether the firewall needs AzureFirewallManagementSubnet and a management public IP: always with the Basic SKU,
     * and with forced-tunnel egress on any SKU.
     *
     * @param egressMode how allowed traffic leaves the hub
     * @return true when the management IP configuration is needed
     */
    public boolean needsManagementIp(EgressMode egressMode) {
        return sku.alwaysNeedsManagementIp() || egressMode == EgressMode.FORCED_TUNNEL;
    }

    /**
     * Whether the DNS proxy actually runs: configured on and supported by the SKU.
     *
     * @return false when configured off or on the Basic SKU
     */
    public boolean effectiveDnsProxy() {
        return dnsProxy && sku.supportsDnsProxy();
    }

    /**
     * The options {@link EgressRules} generates the rule set with, for these settings.
     *
     * @param region Azure location of the workspaces, like westeurope
     * @return the options, with the DNS proxy as {@link #effectiveDnsProxy()}
     */
    public EgressRuleOptions ruleOptions(String region) {
        return new EgressRuleOptions(region, controlPlaneMode, legacyHiveMetastore, controlPlaneViaPrivateLink,
                regionOverrides, packageRepositories, effectiveDnsProxy());
    }

    /**
     * Every problem, each starting with {@code path} plus the field and showing a valid example: modes the SKU cannot
     * honour, zones, the management subnet, and catalogue entries missing or unverified for the region.
     *
     * @param path                prefix of every message, like "firewall"
     * @param region              Azure location of the workspaces, like westeurope
     * @param catalogue           the egress catalogue to check the region against
     * @param egressMode          how allowed traffic leaves (forced tunnelling needs the management subnet)
     * @param hasManagementSubnet whether the hub has AzureFirewallManagementSubnet
     * @return the problems; empty when valid
     */
    public List<String> problems(String path, String region, EgressCatalogue catalogue, EgressMode egressMode,
                                 boolean hasManagementSubnet) {
        var problems = new ArrayList<String>();
        if (!MODES.contains(threatIntelMode)) {
            problems.add(path + ".threatIntelMode must be one of Deny, Alert, Off, like Deny, got '" + threatIntelMode + "'");
        } else if (threatIntelMode.equals("Deny") && !sku.supportsThreatIntelDeny()) {
            problems.add(path + ".threatIntelMode Deny is not available on sku " + sku.tier()
                    + " (it only alerts); set threatIntelMode: Alert or use sku Standard");
        }
        if (dnsProxy && !sku.supportsDnsProxy()) {
            problems.add(path + ".dnsProxy is not available on sku " + sku.tier()
                    + "; set dnsProxy: false or use sku Standard");
        }
        idpsMode.ifPresent(mode -> {
            if (!sku.supportsIdps()) {
                problems.add(path + ".idpsMode needs sku Premium, got sku " + sku.tier());
            } else if (!MODES.contains(mode)) {
                problems.add(path + ".idpsMode must be one of Deny, Alert, Off, like Deny, got '" + mode + "'");
            }
        });
        var seen = new HashSet<String>();
        for (var zone : zones) {
            if (!Set.of("1", "2", "3").contains(zone) || !seen.add(zone)) {
                problems.add(path + ".zones must be distinct values of 1, 2, 3, like [1, 2, 3], got " + zones);
                break;
            }
        }
        if (needsManagementIp(egressMode) && !hasManagementSubnet) {
            problems.add((sku.alwaysNeedsManagementIp() ? path + ".sku " + sku.tier() : path + ".egress.mode forcedTunnel")
                    + " needs AzureFirewallManagementSubnet; set hub.firewallManagementSubnet: true");
        }
        for (var problem : EgressRules.problems(catalogue, ruleOptions(region))) {
            // EgressRules names fields as under the stack's firewall key ("firewall.regionOverrides...").
            problems.add(problem.startsWith("firewall.") ? path + problem.substring("firewall".length()) : path + ": " + problem);
        }
        return problems;
    }

    /**
     * The legacy Hive metastore (TCP 3306 from the clusters) and Databricks' "disable legacy access" setting exclude
     * each other: the setting "disables direct access to Hive Metastores from the workspace" (Databricks provider
     * docs, pulumi.com/registry/packages/databricks/api-docs/disablelegacyaccesssetting), so opening 3306 would be an
     * unused hole in the firewall.
     *
     * @param firewallPath        where legacyHiveMetastore is set, like "zt-databricks:firewall"
     * @param legacyHiveMetastore whether the firewall is configured to allow the legacy metastore
     * @param hardeningPath       where disableLegacyAccess is set, like "zt-databricks:workspaceHardening"
     * @param disableLegacyAccess the effective value (true by default)
     * @return one problem when both are on, naming both keys and the two ways out; otherwise empty
     */
    public static List<String> legacyMetastoreProblems(String firewallPath, boolean legacyHiveMetastore,
                                                       String hardeningPath, boolean disableLegacyAccess) {
        if (legacyHiveMetastore && disableLegacyAccess) {
            return List.of(firewallPath + ".legacyHiveMetastore opens TCP 3306 to the legacy Hive metastore, but "
                    + hardeningPath + ".disableLegacyAccess is true (the default), which makes the metastore unreachable "
                    + "for every cluster. Use Unity Catalog and remove legacyHiveMetastore, or set " + hardeningPath
                    + ".disableLegacyAccess: false to keep the legacy metastore");
        }
        return List.of();
    }
}
