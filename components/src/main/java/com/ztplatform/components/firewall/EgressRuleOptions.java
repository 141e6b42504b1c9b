package com.ztplatform.components.firewall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@link EgressRules} generates for.
 *
 * @param region                     Azure location of the Databricks workspaces, like westeurope
 * @param mode                       how the control plane is allowed; null means {@link ControlPlaneMode#FQDN}
 * @param legacyHiveMetastore        allow the regional legacy Hive metastore (MySQL, TCP 3306); off with Unity
 *                                   Catalog only
 * @param controlPlaneViaPrivateLink back-end Private Link carries SCC relay and web app traffic, so the firewall
 *                                   does not allow them
 * @param regionOverrides            catalogue field name (like systemTablesStorageFqdns) to the values to use
 *                                   instead of the catalogue's (config {@code firewall.regionOverrides.<field>});
 *                                   an empty list means "confirmed: nothing to allow" and drops the rule
 * @param packageRepositories        public package repositories clusters may install from
 * @param dnsProxy                   the firewall's DNS proxy is on (needed by network rules with FQDNs)
 */
public record EgressRuleOptions(String region, ControlPlaneMode mode, boolean legacyHiveMetastore,
                                boolean controlPlaneViaPrivateLink, Map<String, List<String>> regionOverrides,
                                Set<PackageRepository> packageRepositories, boolean dnsProxy) {

    /**
     * Applies the defaults (a null mode is {@link ControlPlaneMode#FQDN}, null collections are empty) and copies the
     * collections; prefer {@link #defaults(String)} and the {@code with} methods.
     *
     * @param region                     Azure location of the Databricks workspaces, like westeurope
     * @param mode                       how the control plane is allowed; null means {@link ControlPlaneMode#FQDN}
     * @param legacyHiveMetastore        allow the regional legacy Hive metastore (MySQL, TCP 3306)
     * @param controlPlaneViaPrivateLink back-end Private Link carries SCC relay and web app traffic
     * @param regionOverrides            catalogue field name to the values to use instead; null means none
     * @param packageRepositories        public package repositories clusters may install from; null means none
     * @param dnsProxy                   the firewall's DNS proxy is on
     * @throws IllegalArgumentException when a region override has a null key or value
     */
    public EgressRuleOptions {
        mode = mode == null ? ControlPlaneMode.FQDN : mode;
        Map<String, List<String>> overrides = new TreeMap<>();
        if (regionOverrides != null) {
            for (Map.Entry<String, List<String>> e : regionOverrides.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("firewall.regionOverrides." + e.getKey()
                            + " is null; give a list, like systemTablesStorageFqdns: [ucstprdwesteu.dfs.core.windows.net]");
                }
                overrides.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
            }
        }
        regionOverrides = Collections.unmodifiableMap(overrides);
        Set<PackageRepository> repos = EnumSet.noneOf(PackageRepository.class);
        if (packageRepositories != null) {
            repos.addAll(packageRepositories);
        }
        packageRepositories = Collections.unmodifiableSet(repos);
    }

    /**
     * fqdn mode, Unity Catalog only (no legacy metastore), no Private Link, no overrides or repositories, DNS proxy on.
     *
     * @param region Azure location of the workspaces, like westeurope
     * @return the options
     */
    public static EgressRuleOptions defaults(String region) {
        return new EgressRuleOptions(region, ControlPlaneMode.FQDN, false, false, Map.of(), Set.of(), true);
    }

    /**
     * A copy with another region.
     *
     * @param value Azure location, like northeurope
     * @return the new options
     */
    public EgressRuleOptions withRegion(String value) {
        return new EgressRuleOptions(value, mode, legacyHiveMetastore, controlPlaneViaPrivateLink, regionOverrides,
                packageRepositories, dnsProxy);
    }

    /**
     * A copy with another control-plane mode.
     *
     * @param value the mode; null means {@link ControlPlaneMode#FQDN}
     * @return the new options
     */
    public EgressRuleOptions withMode(ControlPlaneMode value) {
        return new EgressRuleOptions(region, value, legacyHiveMetastore, controlPlaneViaPrivateLink, regionOverrides,
                packageRepositories, dnsProxy);
    }

    /**
     * A copy that does or does not allow the regional legacy Hive metastore.
     *
     * @param value true to allow MySQL (TCP 3306) to the region's metastore
     * @return the new options
     */
    public EgressRuleOptions withLegacyHiveMetastore(boolean value) {
        return new EgressRuleOptions(region, mode, value, controlPlaneViaPrivateLink, regionOverrides,
                packageRepositories, dnsProxy);
    }

    /**
     * A copy with back-end Private Link on or off.
     *
     * @param value true when Private Link carries the SCC relay and web app traffic, so the firewall does not allow
     *              them
     * @return the new options
     */
    public EgressRuleOptions withControlPlaneViaPrivateLink(boolean value) {
        return new EgressRuleOptions(region, mode, legacyHiveMetastore, value, regionOverrides, packageRepositories,
                dnsProxy);
    }

    /**
     * A copy with other region overrides.
     *
     * @param value catalogue field name to values, like systemTablesStorageFqdns to
     *              [ucstprdwesteu.dfs.core.windows.net]
     * @return the new options
     */
    public EgressRuleOptions withRegionOverrides(Map<String, List<String>> value) {
        return new EgressRuleOptions(region, mode, legacyHiveMetastore, controlPlaneViaPrivateLink, value,
                packageRepositories, dnsProxy);
    }

    /**
     * A copy with other package repositories.
     *
     * @param value the repositories clusters may install from; empty for none
     * @return the new options
     */
    public EgressRuleOptions withPackageRepositories(Set<PackageRepository> value) {
        return new EgressRuleOptions(region, mode, legacyHiveMetastore, controlPlaneViaPrivateLink, regionOverrides,
                value, dnsProxy);
    }

    /**
     * A copy with the DNS proxy on or off.
     *
     * @param value whether the firewall's DNS proxy is on (network rules with FQDN destinations need it)
     * @return the new options
     */
    public EgressRuleOptions withDnsProxy(boolean value) {
        return new EgressRuleOptions(region, mode, legacyHiveMetastore, controlPlaneViaPrivateLink, regionOverrides,
                packageRepositories, value);
    }
}
