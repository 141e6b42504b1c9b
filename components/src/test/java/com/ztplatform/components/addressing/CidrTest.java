package com.ztplatform.components.addressing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    // 10.0.0.0 = 10 * 2^24
    private static final long TEN_NET = 167_772_160L;

    @Test
    void parsesCanonicalText() {
        Cidr cidr = Cidr.parse("10.0.0.0/22");

        assertThat(cidr.network()).isEqualTo(TEN_NET);
        assertThat(cidr.prefixLength()).isEqualTo(22);
        assertThat(cidr).isEqualTo(new Cidr(TEN_NET, 22));
        assertThat(cidr).hasToString("10.0.0.0/22");
    }

    @Test
    void parsesTheExtremes() {
        Cidr everything = Cidr.parse("0.0.0.0/0");
        assertThat(everything.size()).isEqualTo(4_294_967_296L);
        assertThat(everything.lastAddress()).isEqualTo(4_294_967_295L);

        Cidr single = Cidr.parse("255.255.255.255/32");
        assertThat(single.network()).isEqualTo(4_294_967_295L);
        assertThat(single.size()).isEqualTo(1);
        assertThat(single.firstAddress()).isEqualTo(single.lastAddress());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "10.0.0.0",
                "10.0.0.0/",
                "/22",
                "256.0.0.0/8",
                "10.0.0.300/32",
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "010.0.0.0/8",
                "10.0.0.00/24",
                "10.0.0.0/08",
                " 10.0.0.0/8",
                "10.0.0.0/8 ",
                "10.0.0.0/8x",
                "10.0.0/8",
                "10.0.0.0.0/8",
                "10.0.0.0/8/8",
                "+10.0.0.0/8",
                "1e1.0.0.0/8",
                "\u0661\u0660.0.0.0/8",
                "::/0",
                "2001:db8::/32",
                "::ffff:10.0.0.0/104",
                "10.0.0.0/22\n"
            })
    void rejectsAnythingButStrictIpv4Cidr(String text) {
        String expected =
                "must be an IPv4 CIDR like 10.0.0.0/22, got " + (text == null ? "null" : "'" + text + "'");

        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
        assertThat(Cidr.problem(text)).contains(expected);
    }

    @Test
    void explainsHostBitsAndSuggestsTheNetwork() {
        String expected =
                "has host bits set: '10.0.0.1/24' is not a network address; did you mean 10.0.0.0/24?";

        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/24")).hasMessage(expected);
        assertThat(Cidr.problem("10.0.0.1/24")).contains(expected);
        assertThat(Cidr.problem("10.0.1.0/22")).hasValueSatisfying(m -> m.endsWith("10.0.0.0/22?"));
        assertThat(Cidr.problem("255.255.255.255/0"))
                .hasValueSatisfying(m -> m.endsWith("did you mean 0.0.0.0/0?"));
    }

    @Test
    void problemIsEmptyForValidText() {
        assertThat(Cidr.problem("10.0.0.0/22")).isEmpty();
        assertThat(Cidr.problem("192.168.100.128/25")).isEmpty();
    }

    @Test
    void constructorRejectsWhatParseRejects() {
        assertThatThrownBy(() -> new Cidr(TEN_NET + 1, 24))
                .hasMessage(
                        "has host bits set: '10.0.0.1/24' is not a network address; did you mean 10.0.0.0/24?");
        assertThatThrownBy(() -> new Cidr(TEN_NET, 33)).hasMessageContaining("0..32").hasMessageContaining("33");
        assertThatThrownBy(() -> new Cidr(-1, 0)).hasMessageContaining("unsigned 32-bit");
        assertThatThrownBy(() -> new Cidr(1L << 32, 0)).hasMessageContaining("unsigned 32-bit");
    }

    @Test
    void sizeAndBounds() {
        Cidr cidr = Cidr.parse("10.0.0.0/22");

        assertThat(cidr.size()).isEqualTo(1024);
        assertThat(cidr.firstAddress()).isEqualTo(TEN_NET);
        assertThat(Cidr.formatAddress(cidr.lastAddress())).isEqualTo("10.0.3.255");
    }

    @Test
    void containsBlocks() {
        Cidr hub = Cidr.parse("10.0.0.0/22");

        assertThat(hub.contains(Cidr.parse("10.0.2.0/24"))).isTrue();
        assertThat(hub.contains(Cidr.parse("10.0.3.248/29"))).isTrue();
        assertThat(hub.contains(hub)).isTrue();
        assertThat(hub.contains(Cidr.parse("10.0.4.0/24"))).isFalse();
        assertThat(hub.contains(Cidr.parse("10.0.0.0/21"))).isFalse();
    }

    @Test
    void containsAddresses() {
        Cidr hub = Cidr.parse("10.0.0.0/22");

        assertThat(hub.contains("10.0.0.0")).isTrue();
        assertThat(hub.contains("10.0.3.255")).isTrue();
        assertThat(hub.contains("10.0.4.0")).isFalse();
        assertThat(hub.contains("9.255.255.255")).isFalse();
        assertThatThrownBy(() -> hub.contains("10.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be an IPv4 address like 10.0.0.4, got '10.0.0'");
    }

    @Test
    void overlapsOnlyWhenSharingAnAddress() {
        Cidr a = Cidr.parse("10.0.0.0/24");

        assertThat(a.overlaps(Cidr.parse("10.0.1.0/24"))).isFalse();
        assertThat(a.overlaps(Cidr.parse("9.255.255.0/24"))).isFalse();
        assertThat(a.overlaps(Cidr.parse("10.0.0.128/25"))).isTrue();
        assertThat(a.overlaps(Cidr.parse("10.0.0.0/16"))).isTrue();
        assertThat(a.overlaps(a)).isTrue();
    }

    @Test
    void addressAtOffset() {
        Cidr firewallSubnet = Cidr.parse("10.0.0.0/26");

        assertThat(firewallSubnet.address(4)).isEqualTo("10.0.0.4");
        assertThat(firewallSubnet.address(0)).isEqualTo("10.0.0.0");
        assertThat(firewallSubnet.address(63)).isEqualTo("10.0.0.63");
        assertThat(Cidr.parse("10.0.1.0/24").address(255)).isEqualTo("10.0.1.255");
        assertThat(Cidr.parse("10.0.0.0/22").address(260)).isEqualTo("10.0.1.4");
    }

    @Test
    void addressOutsideTheBlockIsRejected() {
        Cidr subnet = Cidr.parse("10.0.0.0/26");

        assertThatThrownBy(() -> subnet.address(64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 64 is outside 10.0.0.0/26")
                .hasMessageContaining("0..63");
        assertThatThrownBy(() -> subnet.address(-1)).hasMessageContaining("offset -1 is outside");
    }

    @Test
    void splitIntoMixedExample() {
        assertThat(Cidr.parse("10.1.0.0/24").split(26))
                .extracting(Cidr::toString)
                .containsExactly("10.1.0.0/26", "10.1.0.64/26", "10.1.0.128/26", "10.1.0.192/26");
        assertThat(Cidr.parse("10.1.0.0/24").split(24)).containsExactly(Cidr.parse("10.1.0.0/24"));
        assertThat(Cidr.parse("10.0.0.0/31").split(32))
                .extracting(Cidr::toString)
                .containsExactly("10.0.0.0/32", "10.0.0.1/32");
    }

    @Test
    void splitRejectsImpossiblePrefixes() {
        Cidr cidr = Cidr.parse("10.1.0.0/24");

        assertThatThrownBy(() -> cidr.split(23)).hasMessageContaining("cannot split 10.1.0.0/24 into /23");
        assertThatThrownBy(() -> cidr.split(33)).hasMessageContaining("24..32");
        assertThat(Cidr.parse("0.0.0.0/0").split(16)).hasSize(65_536);
        assertThatThrownBy(() -> Cidr.parse("0.0.0.0/0").split(17))
                .hasMessageContaining("131072 blocks");
    }

    @Test
    void splitResultIsImmutable() {
        List<Cidr> parts = Cidr.parse("10.1.0.0/24").split(25);

        assertThatThrownBy(() -> parts.add(Cidr.parse("10.2.0.0/24")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void formatsAndParsesAddresses() {
        assertThat(Cidr.formatAddress(0)).isEqualTo("0.0.0.0");
        assertThat(Cidr.formatAddress(4_294_967_295L)).isEqualTo("255.255.255.255");
        assertThat(Cidr.formatAddress(TEN_NET + 4)).isEqualTo("10.0.0.4");
        // 192*2^24 + 168*2^16 + 1*2^8 + 10
        assertThat(Cidr.parseAddress("192.168.1.10")).isEqualTo(3_232_235_786L);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "10.0.0.01", "10.0.0.0/32", "a.b.c.d", "::1"})
    void parseAddressRejectsBadText(String text) {
        assertThatThrownBy(() -> Cidr.parseAddress(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "must be an IPv4 address like 10.0.0.4, got " + (text == null ? "null" : "'" + text + "'"));
    }

    @Test
    void formatAddressRejectsOutOfRange() {
        assertThatThrownBy(() -> Cidr.formatAddress(-1)).hasMessageContaining("got -1");
        assertThatThrownBy(() -> Cidr.formatAddress(1L << 32)).hasMessageContaining("got 4294967296");
    }

    @Test
    void ordersByNetworkThenPrefix() {
        List<Cidr> cidrs =
                new ArrayList<>(
                        List.of(
                                Cidr.parse("10.0.1.0/24"),
                                Cidr.parse("10.0.0.0/24"),
                                Cidr.parse("10.0.0.0/22"),
                                Cidr.parse("9.0.0.0/8")));
        cidrs.sort(null);

        assertThat(cidrs)
                .extracting(Cidr::toString)
                .containsExactly("9.0.0.0/8", "10.0.0.0/22", "10.0.0.0/24", "10.0.1.0/24");
    }

    @Test
    void ordersHighAddressesAsUnsigned() {
        assertThat(Cidr.parse("200.0.0.0/8")).isGreaterThan(Cidr.parse("10.0.0.0/8"));
    }
}
