package com.ztplatform.components.addressing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CidrProperties {

    static final long MAX_ADDRESS = 0xFFFF_FFFFL;

    /** Any IPv4 block; the host bits of a random address are cleared to make it a network. */
    @Provide
    static Arbitrary<Cidr> cidrs() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, MAX_ADDRESS), Arbitraries.integers().between(0, 32))
                .as((address, prefix) -> new Cidr(address & maskOf(prefix), prefix));
    }

    /**
     * Pairs that are often related (one inside the other, or neighbours), because two random blocks
     * almost never touch and would leave the overlap properties untested.
     */
    @Provide
    static Arbitrary<Tuple2<Cidr, Cidr>> pairs() {
        Arbitrary<Tuple2<Cidr, Cidr>> unrelated = Combinators.combine(cidrs(), cidrs()).as(Tuple::of);
        Arbitrary<Tuple2<Cidr, Cidr>> nested =
                Combinators.combine(
                                cidrs(),
                                Arbitraries.integers().between(0, 32),
                                Arbitraries.longs().between(0, MAX_ADDRESS))
                        .as(
                                (outer, deeper, offset) -> {
                                    int prefix = Math.max(outer.prefixLength(), deeper);
                                    long address = outer.network() + (offset % outer.size());
                                    return Tuple.of(outer, new Cidr(address & maskOf(prefix), prefix));
                                });
        Arbitrary<Tuple2<Cidr, Cidr>> adjacent =
                cidrs()
                        .filter(c -> c.lastAddress() < MAX_ADDRESS)
                        .map(c -> Tuple.of(c, new Cidr(c.lastAddress() + 1, c.prefixLength())));
        return Arbitraries.oneOf(unrelated, nested, nested.map(t -> Tuple.of(t.get2(), t.get1())), adjacent);
    }

    private static long maskOf(int prefix) {
        return prefix == 0 ? 0 : (MAX_ADDRESS << (32 - prefix)) & MAX_ADDRESS;
    }

    @Property(tries = 300)
    void parseInvertsToString(@ForAll("cidrs") Cidr cidr) {
        assertThat(Cidr.parse(cidr.toString())).isEqualTo(cidr);
        assertThat(Cidr.problem(cidr.toString())).isEmpty();
    }

    @Property(tries = 300)
    void addressTextRoundTrips(@ForAll @LongRange(min = 0, max = MAX_ADDRESS) long address) {
        String text = Cidr.formatAddress(address);

        assertThat(text).matches("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
        assertThat(Cidr.parseAddress(text)).isEqualTo(address);
    }

    @Property(tries = 300)
    void hostBitsAreReportedWithTheNetworkToUseInstead(
            @ForAll @LongRange(min = 0, max = MAX_ADDRESS) long address,
            @ForAll @IntRange(min = 0, max = 31) int prefix) {
        long network = address & maskOf(prefix);
        String text = Cidr.formatAddress(address) + "/" + prefix;

        if (network == address) {
            assertThat(Cidr.problem(text)).isEmpty();
        } else {
            assertThat(Cidr.problem(text))
                    .contains(
                            "has host bits set: '"
                                    + text
                                    + "' is not a network address; did you mean "
                                    + Cidr.formatAddress(network)
                                    + "/"
                                    + prefix
                                    + "?");
        }
    }

    @Property(tries = 300)
    void overlapsIsSymmetric(@ForAll("pairs") Tuple2<Cidr, Cidr> pair) {
        assertThat(pair.get1().overlaps(pair.get2())).isEqualTo(pair.get2().overlaps(pair.get1()));
    }

    @Property(tries = 300)
    void containsImpliesOverlaps(@ForAll("pairs") Tuple2<Cidr, Cidr> pair) {
        if (pair.get1().contains(pair.get2())) {
            assertThat(pair.get1().overlaps(pair.get2())).isTrue();
        }
    }

    /** CIDR blocks never partially overlap: two blocks either nest or are disjoint. */
    @Property(tries = 300)
    void overlappingBlocksNest(@ForAll("pairs") Tuple2<Cidr, Cidr> pair) {
        Cidr a = pair.get1();
        Cidr b = pair.get2();

        assertThat(a.overlaps(b)).isEqualTo(a.contains(b) || b.contains(a));
    }

    @Property(tries = 300)
    void overlapsAgreesWithAddressRanges(@ForAll("pairs") Tuple2<Cidr, Cidr> pair) {
        Cidr a = pair.get1();
        Cidr b = pair.get2();
        boolean disjoint = a.lastAddress() < b.firstAddress() || b.lastAddress() < a.firstAddress();

        assertThat(a.overlaps(b)).isEqualTo(!disjoint);
    }

    @Property(tries = 300)
    void splitCoversExactlyTheParent(
            @ForAll("cidrs") Cidr parent, @ForAll @IntRange(min = 0, max = 10) int deeper) {
        int newPrefix = Math.min(32, parent.prefixLength() + deeper);

        List<Cidr> blocks = parent.split(newPrefix);

        assertThat(blocks).hasSize(1 << (newPrefix - parent.prefixLength()));
        assertThat(blocks.get(0).firstAddress()).isEqualTo(parent.firstAddress());
        assertThat(blocks.get(blocks.size() - 1).lastAddress()).isEqualTo(parent.lastAddress());
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(blocks.get(i).prefixLength()).isEqualTo(newPrefix);
            assertThat(parent.contains(blocks.get(i))).isTrue();
            if (i > 0) {
                // Contiguous with no gap and no overlap.
                assertThat(blocks.get(i).firstAddress()).isEqualTo(blocks.get(i - 1).lastAddress() + 1);
            }
        }
    }

    @Property(tries = 300)
    void addressStaysInsideTheBlock(
            @ForAll("cidrs") Cidr cidr, @ForAll @LongRange(min = 0, max = MAX_ADDRESS) long raw) {
        long offset = raw % cidr.size();

        String address = cidr.address(offset);

        assertThat(cidr.contains(address)).isTrue();
        assertThat(Cidr.parseAddress(address) - cidr.network()).isEqualTo(offset);
    }

    @Property(tries = 300)
    void orderingIsConsistentWithEquals(@ForAll("pairs") Tuple2<Cidr, Cidr> pair) {
        Cidr a = pair.get1();
        Cidr b = pair.get2();

        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    }
}
