package com.ztplatform.components.serverless;

import java.util.List;

/**
 * The router VM's cloud-init: IP forwarding, DNAT per forward plus masquerading, and a health responder on
 * TCP 8082 for the load balancer probe. It needs no package downloads (python3 and iptables ship with the
 * Ubuntu image), so the router never needs internet access to come up.
 */
public final class RouterCloudInit {
    /** The port the load balancer's health probe checks; no forward may use it. */
    public static final int HEALTH_PORT = 8082;

    private RouterCloudInit() {
    }

    /**
     * The router VM's cloud-init: one forwarding rule per forward and the health endpoint.
     *
     * @param forwards the ports to forward
     * @return the cloud-init document
     */
    public static String render(List<RouterForward> forwards) {
        var rules = new StringBuilder();
        for (var f : forwards) {
            rules.append("      iptables -t nat -A PREROUTING -p tcp --dport ").append(f.port())
                    .append(" -j DNAT --to-destination ").append(f.destination()).append(':').append(f.port()).append('\n');
            rules.append("      iptables -A FORWARD -p tcp -d ").append(f.destination()).append(" --dport ").append(f.port())
                    .append(" -j ACCEPT\n");
        }
        return """
                #cloud-config
                write_files:
                  - path: /etc/sysctl.d/90-router.conf
                    content: |
                      net.ipv4.ip_forward = 1
                  - path: /usr/local/sbin/router-rules.sh
                    permissions: '0755'
                    content: |
                      #!/bin/sh
                      set -e
                      iptables -F FORWARD
                      iptables -t nat -F
                      iptables -P FORWARD DROP
                      iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
                %s      iptables -t nat -A POSTROUTING -j MASQUERADE
                  - path: /etc/systemd/system/router-rules.service
                    content: |
                      [Unit]
                      Description=Forwarding rules of the serverless router
                      After=network-online.target
                      [Service]
                      Type=oneshot
                      ExecStart=/usr/local/sbin/router-rules.sh
                      RemainAfterExit=yes
                      [Install]
                      WantedBy=multi-user.target
                  - path: /var/lib/router-health/health
                    content: ok
                  - path: /etc/systemd/system/router-health.service
                    content: |
                      [Unit]
                      Description=Load balancer health responder
                      After=network-online.target
                      [Service]
                      ExecStart=/usr/bin/python3 -m http.server %d --directory /var/lib/router-health
                      Restart=always
                      DynamicUser=yes
                      [Install]
                      WantedBy=multi-user.target
                runcmd:
                  - sysctl --system
                  - systemctl daemon-reload
                  - systemctl enable --now router-rules.service router-health.service
                """.formatted(rules, HEALTH_PORT);
    }
}
