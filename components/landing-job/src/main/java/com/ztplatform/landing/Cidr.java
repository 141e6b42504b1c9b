package com.ztplatform.landing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Address-in-prefix tests for the egress check: the expected egress may be a single address or a public IP
 * prefix (a firewall with a prefix, a NAT gateway with several addresses), and addresses are compared as numbers,
 * so "20.50.1.010" or an IPv6 address in another spelling still match. Literals only: never resolves names.
 */
final class Cidr {
    private static final Pattern LITERAL = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private Cidr() {
    }

    /** True when {@code ip} is {@code cidrOrIp} (an address) or inside it (a prefix like 20.50.1.8/30). */
    static boolean contains(String cidrOrIp, String ip) {
        String[] parts = cidrOrIp.trim().split("/", 2);
        byte[] net = literal(parts[0]);
        byte[] addr = literal(ip.trim());
        if (net == null || addr == null || net.length != addr.length) {
            return false;
        }
        int bits = net.length * 8;
        if (parts.length == 2) {
            try {
                bits = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return false;
            }
            if (bits < 0 || bits > net.length * 8) {
                return false;
            }
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String s) {
        if (s.isEmpty() || !LITERAL.matcher(s).matches() || (!s.contains(":") && s.split("\\.", -1).length != 4)) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
