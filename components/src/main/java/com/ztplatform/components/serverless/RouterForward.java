package com.ztplatform.components.serverless;

import com.ztplatform.components.core.Cidr;

import java.util.ArrayList;
import java.util.List;
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

    public RouterForward {
        domainNames = List.copyOf(domainNames);
    }

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
}
