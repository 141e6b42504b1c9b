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

    /** fqdn mode, Unity Catalog only (no legacy metastore), no Private Link, no overrides or repositories, DNS proxy on. */
    public static EgressRuleOptions defaults(String region) {
        return new EgressRuleOptions(region, ControlPlaneMode.FQDN, false, false, Map.of(), Set.of(), true);
    }

    public EgressRuleOptions withRegion(String value) {
        return new EgressRuleOptions(value, mode, legacyHiveMetastore, controlPlaneViaPrivateLink, regionOverrides,
                packageRepositories, dnsProxy);
    }

    public EgressRuleOptions withMode(ControlPlaneMode value) {
        return new EgressRuleOptions(region, value, legacyHiveMetastore, controlPlaneViaPrivateLink, regionOverrides,
                packageRepositories, dnsProxy);
    }

    public EgressRuleOptions withLegacyHiveMetastore(boolean value) {
        return new EgressRuleOptions(region, mode, value, controlPlaneViaPrivateLink, regionOverrides,
                packageRepositories, dnsProxy);
    }

    public EgressRuleOptions withControlPlaneViaPrivateLink(boolean value) {
        return new EgressRuleOptions(region, mode, legacyHiveMetastore, value, regionOverrides, packageRepositories,
                dnsProxy);
    }

    public EgressRuleOptions withRegionOverrides(Map<String, List<String>> value) {
        return new EgressRuleOptions(region, mode, legacyHiveMetastore, controlPlaneViaPrivateLink, value,
                packageRepositories, dnsProxy);
    }

    public EgressRuleOptions withPackageRepositories(Set<PackageRepository> value) {
        return new EgressRuleOptions(region, mode, legacyHiveMetastore, controlPlaneViaPrivateLink, regionOverrides,
                value, dnsProxy);
    }

    public EgressRuleOptions withDnsProxy(boolean value) {
        return new EgressRuleOptions(region, mode, legacyHiveMetastore, controlPlaneViaPrivateLink, regionOverrides,
                packageRepositories, value);
    }
}
