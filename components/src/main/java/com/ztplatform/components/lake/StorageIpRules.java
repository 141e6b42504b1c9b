package com.ztplatform.components.lake;

import com.ztplatform.components.addressing.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What an Azure Storage firewall IP rule may be, as one set of pure functions (config validation, the sharing
 * account's rules and their tests use these and nothing else). From "Configure Azure Storage firewalls and virtual
 * networks" and its limitations page (learn.microsoft.com/azure/storage/common/storage-network-security,
 * learn.microsoft.com/azure/storage/common/storage-network-security-limitations):
 * <ul>
 *   <li>IPv4 only, public internet addresses only: private ranges (RFC 1918) are refused;</li>
 *   <li>small ranges with a {@code /31} or {@code /32} prefix are not supported: each address is a rule of its own,
 *       written without a prefix, like {@code 20.61.12.17};</li>
 *   <li>at most {@value #MAX_RULES} IP rules per account;</li>
 *   <li>IP rules have no effect on requests from the account's own Azure region (such traffic uses private Azure
 *       addresses): a same-region caller can only be admitted by a virtual network rule.</li>
 * </ul>
 * Beyond Azure's own checks, ranges that can never be a partner's internet egress (loopback, link-local, shared
 * address space, documentation and benchmark ranges, multicast, reserved) are refused too: an IP rule for them
 * would admit nobody and hide a configuration mistake.
 */
public final class StorageIpRules {
    /** The most IP rules one storage account takes. */
    public static final int MAX_RULES = 400;
    /** A valid example of a single address rule. */
    public static final String EXAMPLE_ADDRESS = "20.61.12.17";
    /** A valid example of a range rule. */
    public static final String EXAMPLE_RANGE = "20.61.12.16/28";
    /** Ranges Azure Storage refuses as private (RFC 1918). */
    public static final List<Cidr> PRIVATE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"));
    /** Special-purpose ranges (RFC 6890) that are never a host's internet egress, refused here beyond Azure's check. */
    public static final List<Cidr> NOT_INTERNET = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
            Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("192.0.0.0/24"),
            Cidr.parse("192.0.2.0/24"), Cidr.parse("198.18.0.0/15"), Cidr.parse("198.51.100.0/24"),
            Cidr.parse("203.0.113.0/24"), Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"));

    private StorageIpRules() {
    }

    /**
     * The problem of one rule value, if any: {@code a.b.c.d} or {@code a.b.c.d/n} with {@code n} at most 30, public.
     *
     * @param value the rule value
     * @return the problem, without the field name (the caller prefixes it); empty when valid
     */
    public static Optional<String> problem(String value) {
        var example = "like " + EXAMPLE_ADDRESS + " or " + EXAMPLE_RANGE;
        if (value == null || value.isBlank()) {
            return Optional.of("must be a public IPv4 address or range, " + example + ", got ''");
        }
        var block = value.contains("/") ? Cidr.parseIfValid(value) : Cidr.parseIfValid(value + "/32");
        if (block.isEmpty()) {
            var hostBits = Cidr.problem(value).filter(p -> p.startsWith("has host bits"));
            return Optional.of(hostBits.map(p -> "'" + value + "' " + p).orElse("must be a public IPv4 address or "
                    + "range (IPv6 is not supported), " + example + ", got '" + value + "'"));
        }
        var cidr = block.get();
        if (value.contains("/") && cidr.prefixLength() > 30) {
            return Optional.of("'" + value + "': the storage firewall does not take /31 or /32 ranges; give each "
                    + "address alone, without a prefix, like " + Cidr.formatAddress(cidr.network()));
        }
        for (var range : PRIVATE) {
            if (range.overlaps(cidr)) {
                return Optional.of("'" + value + "' overlaps the private range " + range + ": the storage firewall "
                        + "admits only public internet addresses, " + example);
            }
        }
        for (var range : NOT_INTERNET) {
            if (range.overlaps(cidr)) {
                return Optional.of("'" + value + "' overlaps the special-purpose range " + range + ", which is never "
                        + "a partner's internet egress: give the partner's public egress addresses, " + example);
            }
        }
        return Optional.empty();
    }

    /**
     * Every problem of a list of rule values under {@code path}, each naming its item and a valid example.
     *
     * @param path   the field, like zt-databricks:deltaSharing.recipients[0].storageNetworks
     * @param values the rule values
     * @return the problems; empty when valid
     */
    public static List<String> problems(String path, List<String> values) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < values.size(); i++) {
            var index = i;
            problem(values.get(i)).ifPresent(p -> problems.add(path + "[" + index + "] " + p));
        }
        return problems;
    }

    /**
     * The account's IP rules from every recipient's networks: distinct, sorted (deterministic plans).
     *
     * @param values valid rule values ({@link #problem} empty for each)
     * @return the distinct values, in address order
     */
    public static List<String> union(List<String> values) {
        var sorted = new TreeSet<Cidr>();
        values.forEach(v -> sorted.add(Cidr.parse(v.contains("/") ? v : v + "/32")));
        return sorted.stream().map(c -> c.prefixLength() == 32 ? Cidr.formatAddress(c.network()) : c.toString())
                .toList();
    }

    /**
     * Whether {@code address} (like {@code 20.61.12.20}) falls in one of the rule values.
     *
     * @param rules  valid rule values
     * @param address an IPv4 address
     * @return true when a rule admits it
     */
    public static boolean admits(List<String> rules, String address) {
        return rules.stream().anyMatch(r -> Cidr.parse(r.contains("/") ? r : r + "/32").contains(address));
    }
}
