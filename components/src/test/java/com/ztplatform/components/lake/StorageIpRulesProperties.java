package com.ztplatform.components.lake;

import com.ztplatform.components.addressing.Cidr;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage firewall's IP rule constraints over generated addresses and blocks. */
class StorageIpRulesProperties {

    /** Any canonical IPv4 block, host bits cleared. */
    @Provide
    Arbitrary<Cidr> blocks() {
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 32))
                .as((address, prefix) -> new Cidr(address & (prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix))
                        & 0xFFFF_FFFFL), prefix));
    }

    private static boolean special(Cidr block) {
        return Stream.concat(StorageIpRules.PRIVATE.stream(), StorageIpRules.NOT_INTERNET.stream())
                .anyMatch(range -> range.overlaps(block));
    }

    @Property
    void aBlockIsAcceptedExactlyWhenPublicAndNoSmallerThanASlash30(@ForAll("blocks") Cidr block) {
        var problem = StorageIpRules.problem(block.toString());
        var valid = block.prefixLength() <= 30 && !special(block);
        assertThat(problem.isEmpty()).as("%s: %s", block, problem).isEqualTo(valid);
        problem.ifPresent(p -> assertThat(p).as("names the value and a valid example").contains("'" + block + "'")
                .containsAnyOf("20.61.12.17", Cidr.formatAddress(block.network())));
    }

    @Property
    void aSlash31OrSlash32IsRefusedAndItsAddressesAloneAreNotIfPublic(@ForAll("blocks") Cidr block) {
        if (block.prefixLength() < 31) {
            return;
        }
        assertThat(StorageIpRules.problem(block.toString())).isPresent();
        for (long a = block.firstAddress(); a <= block.lastAddress(); a++) {
            var address = Cidr.formatAddress(a);
            var single = new Cidr(a, 32);
            assertThat(StorageIpRules.problem(address).isEmpty()).as(address).isEqualTo(!special(single));
        }
    }

    @Property
    void everyPrivateBlockIsRefusedNamingItsRange(@ForAll("blocks") Cidr block) {
        var range = StorageIpRules.PRIVATE.stream().filter(r -> r.overlaps(block)).findFirst();
        if (range.isEmpty() || block.prefixLength() > 30) {
            return;
        }
        assertThat(StorageIpRules.problem(block.toString())).hasValueSatisfying(p -> assertThat(p)
                .contains("overlaps the private range " + range.get()));
    }

    @Property
    void theUnionIsSortedDistinctAndAdmitsEveryInput(@ForAll("publicRules") List<String> rules) {
        var union = StorageIpRules.union(rules);
        assertThat(union).doesNotHaveDuplicates().allSatisfy(v -> assertThat(StorageIpRules.problem(v)).isEmpty());
        assertThat(StorageIpRules.union(union)).isEqualTo(union);
        for (var rule : rules) {
            var block = Cidr.parse(rule.contains("/") ? rule : rule + "/32");
            assertThat(StorageIpRules.admits(union, Cidr.formatAddress(block.firstAddress()))).isTrue();
            assertThat(StorageIpRules.admits(union, Cidr.formatAddress(block.lastAddress()))).isTrue();
        }
    }

    @Provide
    Arbitrary<List<String>> publicRules() {
        return blocks().filter(b -> !special(b) && (b.prefixLength() <= 30 || b.prefixLength() == 32))
                .map(b -> b.prefixLength() == 32 ? Cidr.formatAddress(b.network()) : b.toString())
                .list().ofMaxSize(20);
    }

    @Test
    void ipv6AndNonsenseAreRefusedWithAnExample() {
        assertThat(StorageIpRules.problem("2001:db8::/32")).hasValue("must be a public IPv4 address or range (IPv6 "
                + "is not supported), like 20.61.12.17 or 20.61.12.16/28, got '2001:db8::/32'");
        assertThat(StorageIpRules.problem("20.61.12.17/28")).hasValue("'20.61.12.17/28' has host bits set: "
                + "'20.61.12.17/28' is not a network address; did you mean 20.61.12.16/28?");
        assertThat(StorageIpRules.problem("203.0.113.0/24")).hasValue("'203.0.113.0/24' overlaps the special-purpose "
                + "range 203.0.113.0/24, which is never a partner's internet egress: give the partner's public egress "
                + "addresses, like 20.61.12.17 or 20.61.12.16/28");
        assertThat(StorageIpRules.problems("f", List.of("20.61.12.16/28", "x"))).containsExactly("f[1] must be a "
                + "public IPv4 address or range (IPv6 is not supported), like 20.61.12.17 or 20.61.12.16/28, got 'x'");
    }
}
