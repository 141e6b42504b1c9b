package com.ztplatform.components.network;

/**
 * Azure DNS Private Resolver in the hub, so on-premises and VPN clients can resolve the private-link zones.
 *
 * @param outboundEndpoint also create the outbound endpoint, needed only for forwarding rulesets that send
 *                         queries to on-premises DNS. Default: false (it is billed per hour). Its subnet is
 *                         reserved either way, so turning it on later does not move any other subnet.
 */
public record DnsResolverOptions(boolean outboundEndpoint) {
    /**
     * The resolver with the inbound endpoint only.
     *
     * @return options with {@code outboundEndpoint} false
     */
    public static DnsResolverOptions defaults() {
        return new DnsResolverOptions(false);
    }
}
