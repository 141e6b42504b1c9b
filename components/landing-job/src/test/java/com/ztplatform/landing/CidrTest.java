package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Random;

class CidrTest {

    @Test
    void addressesAndPrefixesCompareAsNumbers() {
        assertThat(Cidr.contains("20.50.1.10", "20.50.1.10")).isTrue();
        assertThat(Cidr.contains("20.50.1.8/30", "20.50.1.11")).isTrue();
        assertThat(Cidr.contains("20.50.1.8/30", "20.50.1.12")).isFalse();
        assertThat(Cidr.contains("2001:db8::/32", "2001:0db8:0:0:0:0:0:1")).isTrue();
        assertThat(Cidr.contains("2001:db8::1", "2001:db8:0::1")).isTrue();
        assertThat(Cidr.contains("20.50.1.10", "2001:db8::1")).isFalse();
        assertThat(Cidr.contains("example.com", "20.50.1.10")).isFalse(); // never resolves names
        assertThat(Cidr.contains("20.50.1.8/33", "20.50.1.8")).isFalse();
    }

    /** An address is in a /p prefix exactly when the top p bits agree (generated, fixed seed). */
    @Test
    void prefixMembershipIsTheTopBits() {
        Random random = new Random(17);
        for (int i = 0; i < 5000; i++) {
            int net = random.nextInt();
            int p = random.nextInt(33);
            // half the cases share the prefix, so both outcomes are exercised
            int ip = random.nextBoolean() ? random.nextInt() : net ^ (p == 32 ? 0 : random.nextInt() >>> p);
            long mask = p == 0 ? 0 : (0xFFFFFFFFL << (32 - p)) & 0xFFFFFFFFL;
            boolean expected = ((net & 0xFFFFFFFFL) & mask) == ((ip & 0xFFFFFFFFL) & mask);
            assertThat(Cidr.contains(dotted(net) + "/" + p, dotted(ip))).as(dotted(net) + "/" + p + " " + dotted(ip))
                    .isEqualTo(expected);
        }
    }

    private static String dotted(int v) {
        return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }
}
