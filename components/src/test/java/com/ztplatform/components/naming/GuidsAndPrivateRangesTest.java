package com.ztplatform.components.naming;

import com.ztplatform.components.addressing.Cidr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuidsAndPrivateRangesTest {
    @Test
    void guids() {
        assertThat(Guids.isGuid("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d")).isTrue();
        assertThat(Guids.isGuid("2FF814A6-3304-4AB8-85CB-CD0E6F879C1D")).isTrue();
        assertThat(Guids.isGuid("2ff814a6-3304-4ab8-85cb-cd0e6f879c1")).isFalse();
        assertThat(Guids.isGuid("{2ff814a6-3304-4ab8-85cb-cd0e6f879c1d}")).isFalse();
        assertThat(Guids.isGuid(null)).isFalse();
    }

    @Test
    void privateRangesAreRfc1918Only() {
        assertThat(Cidr.isPrivate("10.200.10.5")).isTrue();
        assertThat(Cidr.isPrivate("172.31.255.255")).isTrue();
        assertThat(Cidr.isPrivate("172.32.0.1")).isFalse();
        assertThat(Cidr.isPrivate("192.168.0.0/16")).isTrue();
        assertThat(Cidr.isPrivate("192.0.0.0/8")).as("a block wider than the range").isFalse();
        assertThat(Cidr.isPrivate("100.64.0.1")).isFalse();
        assertThat(Cidr.isPrivate("20.73.215.48/28")).isFalse();
        assertThat(Cidr.isPrivate("not an address")).isFalse();
    }
}
