package com.ztplatform.components.serverless;

import com.ztplatform.components.addressing.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One customer resource serverless compute reaches through the router: connections to {@code port} on the
 * Private Link Service are forwarded to {@code destination:port}, through the firewall.
 *
 * @param port        TCP port, like 1433
 * @param destination private IPv4 address of the resource, like 10.200.10.5
 * @param domainNames names serverless compute uses for it (the NCC rule's domain names), like sql.corp.contoso.com
 */
public record RouterForward(int port, String destination, List<String> domainNames) {
    private static final Pattern DNS = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    /**
     * Rejects missing required values and copies the collections, so the record cannot change later.
     *
     * @param port TCP port, like 1433
     * @param destination private IPv4 address of the resource, like 10.200.10.5
     * @param domainNames names serverless compute uses for it (the NCC rule's domain names), like
     *                    sql.corp.contoso.com
     */
    public RouterForward {
        domainNames = List.copyOf(domainNames);
    }

    /**
     * Every problem of the forward.
     *
     * @param path the forward's key as the user writes it, like {@code zt-databricks:serverlessRouter.forwards[0]}
     * @return the problems, each naming its field and a valid example
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (port < 1 || port > 65535 || port == RouterCloudInit.HEALTH_PORT) {
            problems.add(path + ".port must be 1-65535 and not " + RouterCloudInit.HEALTH_PORT
                    + " (the health probe), like 1433, got " + port);
        }
        var cidr = Cidr.problem(destination + "/32");
        if (cidr.isPresent() || !Cidr.isPrivate(destination)) {
            problems.add(path + ".destination must be a private IPv4 address like 10.200.10.5, got '" + destination + "'");
        }
        if (domainNames.isEmpty()) {
            problems.add(path + ".domainNames must list the names serverless compute uses, like [sql.corp.contoso.com]");
        }
        domainNames.stream().filter(d -> !DNS.matcher(d).matches()).forEach(d -> problems.add(path
                + ".domainNames has '" + d + "'; use lowercase DNS names without wildcards, like sql.corp.contoso.com"));
        return problems;
    }

    /**
     * A forward's destination must be reachable from the hub, where the firewall forwards the router's traffic: inside
     * a VNet peered with the hub (the hub itself, a spoke), or inside a range the hub reaches through on-premises
     * connectivity (an ExpressRoute or site-to-site VPN gateway in the hub, managed outside this stack). Anything else
     * is forwarded to nowhere: the firewall has no route for it.
     *
     * @param path               where the router settings are, like "zt-databricks:serverlessRouter"
     * @param forwards           the forwards to check
     * @param peeredNetworks     every VNet the hub reaches by peering, by description, like "spoke analytics" -> 10.11.0.0/24
     * @param onPremisesPrefixes ranges declared as reached through on-premises connectivity, like [10.200.0.0/16]
     * @return one problem per unreachable destination
     */
    public static List<String> reachabilityProblems(String path, List<RouterForward> forwards, Map<String, Cidr> peeredNetworks,
                                                    List<String> onPremisesPrefixes) {
        var problems = new ArrayList<String>();
        var onPremises = new ArrayList<Cidr>();
        for (int i = 0; i < onPremisesPrefixes.size(); i++) {
            var prefix = onPremisesPrefixes.get(i);
            var where = path + ".onPremisesPrefixes[" + i + "] ";
            var problem = prefix == null ? java.util.Optional.of("must be an IPv4 CIDR like 10.200.0.0/16, got 'null'")
                    : Cidr.problem(prefix);
            if (problem.isPresent()) {
                problems.add(where + problem.get());
                continue;
            }
            var cidr = Cidr.parse(prefix);
            if (!Cidr.isPrivate(prefix)) {
                problems.add(where + prefix + " is not a private range; declare the on-premises ranges the hub's gateway "
                        + "reaches, like 10.200.0.0/16");
                continue;
            }
            peeredNetworks.forEach((name, vnet) -> {
                if (vnet.overlaps(cidr)) {
                    problems.add(where + prefix + " overlaps " + name + " " + vnet + "; on-premises ranges must not overlap "
                            + "the VNets of this stack");
                }
            });
            onPremises.add(cidr);
        }
        for (int i = 0; i < forwards.size(); i++) {
            var destination = forwards.get(i).destination();
            if (destination == null || Cidr.problem(destination + "/32").isPresent()) {
                continue; // reported by problems()
            }
            var reachable = peeredNetworks.values().stream().anyMatch(v -> v.contains(destination))
                    || onPremises.stream().anyMatch(c -> c.contains(destination));
            if (!reachable) {
                problems.add(path + ".forwards[" + i + "].destination " + destination + " is not reachable from the hub: it "
                        + "is in no VNet peered with it (" + String.join(", ", peeredNetworks.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()) + ") and in no onPremisesPrefixes. Forward "
                        + "to a resource in one of those VNets, or declare the on-premises range the hub's ExpressRoute or "
                        + "site-to-site VPN gateway reaches, like onPremisesPrefixes: [10.200.0.0/16]");
            }
        }
        return problems;
    }
}
