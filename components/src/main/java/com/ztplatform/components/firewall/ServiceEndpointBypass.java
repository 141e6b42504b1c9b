package com.ztplatform.components.firewall;

import java.util.List;
import java.util.Locale;

/**
 * How a {@code Microsoft.Storage} service endpoint on the Databricks subnets changes what the firewall's rules do
 * (seed 003). The endpoint adds system routes for the Azure Storage prefixes of the region (and its paired region)
 * with next hop {@code VirtualNetworkServiceEndpoint}; they are more specific than the subnets' 0.0.0.0/0 route to
 * the firewall, so storage traffic from classic clusters leaves through the endpoint and never reaches the firewall
 * (learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview, "Routing with service endpoints";
 * learn.microsoft.com/azure/virtual-network/virtual-network-service-endpoints-overview). The service endpoint
 * policy then decides which accounts are reachable: for classic clusters it replaces the firewall's storage rules.
 *
 * <p>The rules stay in the firewall policy nonetheless: the serverless network policy is generated from the same
 * rule set (serverless compute has no service endpoint), and an account outside the endpoint's regions still goes
 * through the firewall. Everything that is not Azure Storage (Event Hub, the legacy metastore, package repositories,
 * Entra ID, OneLake's Fabric hosts) is untouched: the endpoint is for {@code Microsoft.Storage} only.
 */
public final class ServiceEndpointBypass {

    /** What the service endpoint does to one firewall rule for classic clusters. */
    public enum Effect {
        /** Every destination is Azure Storage: classic clusters reach it over the service endpoint instead. */
        BYPASSED,
        /** Some destinations are Azure Storage (bypassed), the others still pass the firewall. */
        PARTLY_BYPASSED,
        /** No Azure Storage destination: the rule still decides. */
        STAYS
    }

    /** Azure Storage's public endpoints (blob, dfs, queue, table, file, web) of the public cloud. */
    private static final List<String> STORAGE_SUFFIXES = List.of(".blob.core.windows.net", ".dfs.core.windows.net",
            ".queue.core.windows.net", ".table.core.windows.net", ".file.core.windows.net", ".web.core.windows.net");

    private ServiceEndpointBypass() {
    }

    /**
     * True for an Azure Storage account host name or the {@code Storage} service tag (regional or global).
     *
     * @param destination an FQDN, address or service tag, like myacct.dfs.core.windows.net or Storage.WestEurope
     * @return whether a {@code Microsoft.Storage} service endpoint routes traffic to it (case-insensitive)
     */
    public static boolean isAzureStorage(String destination) {
        var d = destination.toLowerCase(Locale.ROOT);
        return d.equals("storage") || d.startsWith("storage.") || STORAGE_SUFFIXES.stream().anyMatch(d::endsWith);
    }

    /**
     * The effect on a rule with these destinations (FQDNs, addresses or service tags).
     *
     * @param destinations the rule's destinations, not empty
     * @return bypassed when all are Azure Storage, partly bypassed when some are, stays when none is
     */
    public static Effect effect(List<String> destinations) {
        var storage = destinations.stream().filter(ServiceEndpointBypass::isAzureStorage).count();
        if (storage == 0) {
            return Effect.STAYS;
        }
        return storage == destinations.size() ? Effect.BYPASSED : Effect.PARTLY_BYPASSED;
    }

    /**
     * One sentence for a report, per effect.
     *
     * @param effect the effect on a rule
     * @return the explanation, as used in egress.md
     */
    public static String explain(Effect effect) {
        return switch (effect) {
            case BYPASSED -> "redundant for classic clusters: storage in the region (and its pair) is reached over the "
                    + "service endpoint, limited by the policy; kept for the serverless network policy and for accounts "
                    + "outside the endpoint's regions";
            case PARTLY_BYPASSED -> "its Azure Storage destinations are reached over the service endpoint (policy "
                    + "decides); the others still pass the firewall";
            case STAYS -> "stays: not Azure Storage, so the service endpoint does not apply";
        };
    }
}
