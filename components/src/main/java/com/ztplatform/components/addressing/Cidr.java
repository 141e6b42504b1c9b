package com.ztplatform.components.addressing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * An IPv4 network block such as {@code 10.0.0.0/22}.
 *
 * <p>Addresses are carried as unsigned 32-bit values in a {@code long} so that arithmetic near
 * 255.255.255.255 cannot overflow or turn negative. Instances are always network addresses (no host
 * bits set), which is what Azure requires for address spaces and subnets.
 *
 * @param network      the first address, as an unsigned 32-bit value
 * @param prefixLength the prefix length, 0 to 32
 */
public record Cidr(long network, int prefixLength) implements Comparable<Cidr> {

    private static final long MAX_ADDRESS = 0xFFFF_FFFFL;

    /** Beyond this a split is almost certainly a mistake (and a list of 2^31 elements can't exist). */
    static final int MAX_SPLIT_BLOCKS = 65_536;

    // [0-9] rather than \d: Java's \d is ASCII-only by default, but spelling it out documents that
    // full-width or other Unicode digits must never parse as an address.
    private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern ADDRESS = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]?");

    // After the patterns: parse() needs them during class initialisation.
    private static final List<Cidr> PRIVATE_RANGES = List.of(parse("10.0.0.0/8"), parse("172.16.0.0/12"),
            parse("192.168.0.0/16"));

    /**
     * Checks the block.
     *
     * @param network      the first address, as an unsigned 32-bit value with no host bits set
     * @param prefixLength the prefix length, 0 to 32
     * @throws IllegalArgumentException naming the bad value and a valid example
     */
    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException(
                    "prefix length must be 0..32 like the 22 in 10.0.0.0/22, got " + prefixLength);
        }
        if (network < 0 || network > MAX_ADDRESS) {
            throw new IllegalArgumentException(
                    "network must be an unsigned 32-bit address like 167772160 (10.0.0.0), got " + network);
        }
        if ((network & ~mask(prefixLength) & MAX_ADDRESS) != 0) {
            throw new IllegalArgumentException(hostBitsMessage(network, prefixLength));
        }
    }

    /**
     * Parses canonical "a.b.c.d/n" text; see {@link #problem(String)} for what is rejected.
     *
     * @param text like {@code 10.0.0.0/22}
     * @return the block
     * @throws IllegalArgumentException with the message {@link #problem(String)} gives
     */
    public static Cidr parse(String text) {
        Parsed parsed = tryParse(text);
        if (parsed.error != null) {
            throw new IllegalArgumentException(parsed.error);
        }
        return parsed.cidr;
    }

    /**
     * The message {@link #parse(String)} would throw, so validators can collect every problem.
     *
     * @param text the text, possibly {@code null}
     * @return the problem; empty when the text parses
     */
    public static Optional<String> problem(@Nullable String text) {
        return Optional.ofNullable(tryParse(text).error);
    }

    /**
     * The parsed block, or empty where {@link #parse(String)} would throw.
     *
     * @param text the text, possibly {@code null}
     * @return the block, or empty
     */
    public static Optional<Cidr> parseIfValid(@Nullable String text) {
        return Optional.ofNullable(tryParse(text).cidr);
    }

    /**
     * Parses a dotted IPv4 address such as {@code 10.0.0.4} into its unsigned 32-bit value.
     *
     * @param text the address
     * @return its value, 0 to 4294967295
     * @throws IllegalArgumentException when it is not a canonical dotted address
     */
    public static long parseAddress(String text) {
        long value = addressOrMinusOne(text);
        if (value < 0) {
            throw new IllegalArgumentException("must be an IPv4 address like 10.0.0.4, got " + quote(text));
        }
        return value;
    }

    /**
     * Formats an unsigned 32-bit value as a dotted address such as {@code 10.0.0.4}.
     *
     * @param address the value, 0 to 4294967295
     * @return the dotted address
     * @throws IllegalArgumentException when the value is out of range
     */
    public static String formatAddress(long address) {
        if (address < 0 || address > MAX_ADDRESS) {
            throw new IllegalArgumentException("address must be 0..4294967295 (0.0.0.0..255.255.255.255),"
                    + " like 167772164 for 10.0.0.4, got " + address);
        }
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "."
                + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }

    /**
     * How many addresses the block has (Azure usable: five fewer in a subnet).
     *
     * @return 2 to the power of (32 - prefix length)
     */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /**
     * The network address.
     *
     * @return its unsigned 32-bit value
     */
    public long firstAddress() {
        return network;
    }

    /**
     * The broadcast address, the last of the block.
     *
     * @return its unsigned 32-bit value
     */
    public long lastAddress() {
        return network + size() - 1;
    }

    /**
     * Whether another block lies wholly inside this one.
     *
     * @param other the other block
     * @return true when every address of {@code other} is in this block
     */
    public boolean contains(Cidr other) {
        return other.network >= network && other.lastAddress() <= lastAddress();
    }

    /**
     * Whether an address lies inside the block.
     *
     * @param ipv4Address a dotted address
     * @return true when it is in the block
     * @throws IllegalArgumentException when it is not an address
     */
    public boolean contains(String ipv4Address) {
        long address = parseAddress(ipv4Address);
        return address >= network && address <= lastAddress();
    }

    /**
     * Whether two blocks share an address (peered VNets and subnets of one VNet must not).
     *
     * @param other the other block
     * @return true when they overlap
     */
    public boolean overlaps(Cidr other) {
        return network <= other.lastAddress() && other.network <= lastAddress();
    }

    /**
     * The dotted address {@code offset} addresses into this block. Azure reserves offsets 0-3 and the
     * last one in every subnet, and e.g. hands Azure Firewall offset 4, so callers derive private IPs
     * with this instead of string arithmetic.
     *
     * @param offset 0 to size - 1
     * @return the dotted address
     * @throws IllegalArgumentException when the offset is outside the block
     */
    public String address(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IllegalArgumentException("offset " + offset + " is outside " + this + ", which has offsets 0.."
                    + (size() - 1) + "; e.g. address(4) of 10.0.0.0/26 is 10.0.0.4");
        }
        return formatAddress(network + offset);
    }

    /**
     * All blocks of {@code newPrefix} that make up this block, lowest first.
     *
     * @param newPrefix this block's prefix length to 32
     * @return the blocks
     * @throws IllegalArgumentException when the prefix is out of range or the split is unreasonably large
     */
    public List<Cidr> split(int newPrefix) {
        if (newPrefix < prefixLength || newPrefix > 32) {
            throw new IllegalArgumentException("cannot split " + this + " into /" + newPrefix
                    + ": the new prefix must be " + prefixLength + "..32, e.g. 10.1.0.0/24 splits into /26 blocks");
        }
        long count = 1L << (newPrefix - prefixLength);
        if (count > MAX_SPLIT_BLOCKS) {
            throw new IllegalArgumentException("splitting " + this + " into /" + newPrefix + " would give " + count
                    + " blocks, more than the " + MAX_SPLIT_BLOCKS + " allowed; split into /"
                    + (prefixLength + 16) + " or larger blocks");
        }
        long step = 1L << (32 - newPrefix);
        List<Cidr> blocks = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            blocks.add(new Cidr(network + i * step, newPrefix));
        }
        return Collections.unmodifiableList(blocks);
    }

    @Override
    public int compareTo(Cidr other) {
        int byNetwork = Long.compare(network, other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
    }

    @Override
    public String toString() {
        return formatAddress(network) + "/" + prefixLength;
    }

    static long mask(int prefixLength) {
        return prefixLength == 0 ? 0L : (MAX_ADDRESS << (32 - prefixLength)) & MAX_ADDRESS;
    }

    private static String hostBitsMessage(long address, int prefixLength) {
        return "has host bits set: '" + formatAddress(address) + "/" + prefixLength
                + "' is not a network address; did you mean " + formatAddress(address & mask(prefixLength))
                + "/" + prefixLength + "?";
    }

    private static String quote(@Nullable String text) {
        return text == null ? "null" : "'" + text + "'";
    }

    /** Either a value or the message explaining why there is none; keeps parse and problem in step. */
    private record Parsed(@Nullable Cidr cidr, @Nullable String error) {}

    private static Parsed tryParse(@Nullable String text) {
        String invalid = "must be an IPv4 CIDR like 10.0.0.0/22, got " + quote(text);
        if (text == null) {
            return new Parsed(null, invalid);
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return new Parsed(null, invalid);
        }
        long address = addressOrMinusOne(text.substring(0, slash));
        String prefixText = text.substring(slash + 1);
        if (address < 0 || !PREFIX.matcher(prefixText).matches()) {
            return new Parsed(null, invalid);
        }
        int prefix = Integer.parseInt(prefixText);
        if (prefix > 32) {
            return new Parsed(null, invalid);
        }
        if ((address & ~mask(prefix) & MAX_ADDRESS) != 0) {
            return new Parsed(null, hostBitsMessage(address, prefix));
        }
        return new Parsed(new Cidr(address, prefix), null);
    }

    /** -1 for anything but a strict dotted quad: no leading zeros, no whitespace, octets 0..255. */
    private static long addressOrMinusOne(@Nullable String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = ADDRESS.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        long value = 0;
        for (int i = 1; i <= 4; i++) {
            String octet = m.group(i);
            // Leading zeros are rejected because some tools read 010 as octal (8), others as decimal.
            if (!OCTET.matcher(octet).matches()) {
                return -1;
            }
            int v = Integer.parseInt(octet);
            if (v > 255) {
                return -1;
            }
            value = (value << 8) | v;
        }
        return value;
    }

    /**
     * True for an address or block inside the private ranges (RFC 1918: 10/8, 172.16/12, 192.168/16). Accepts
     * "10.1.2.3" or "10.1.0.0/16"; anything unparsable is not private.
     *
     * @param addressOrCidr an address or a block
     * @return true when it lies wholly inside one private range
     */
    public static boolean isPrivate(String addressOrCidr) {
        var text = addressOrCidr == null ? "" : addressOrCidr.contains("/") ? addressOrCidr : addressOrCidr + "/32";
        return parseIfValid(text).filter(block -> PRIVATE_RANGES.stream().anyMatch(range -> range.contains(block)))
                .isPresent();
    }
}
