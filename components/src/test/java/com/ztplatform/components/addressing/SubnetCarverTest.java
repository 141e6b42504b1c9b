package com.ztplatform.components.addressing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubnetCarverTest {

    private static Cidr cidr(String text) {
        return Cidr.parse(text);
    }

    private static SubnetSlot slot(String name, int prefix) {
        return SubnetSlot.of(name, prefix);
    }

    private static SubnetSlot pinned(String name, String cidr) {
        Cidr pin = Cidr.parse(cidr);
        return new SubnetSlot(name, pin.prefixLength(), true, pin);
    }

    private static Map<String, String> asText(Map<String, Cidr> layout) {
        Map<String, String> text = new LinkedHashMap<>();
        layout.forEach((k, v) -> text.put(k, v.toString()));
        return text;
    }

    /** Typical hub: firewall, gateway, bastion, two Databricks subnets. Needs 768 addresses. */
    private static final List<SubnetSlot> HUB =
            List.of(
                    slot("AzureFirewallSubnet", 26),
                    slot("GatewaySubnet", 27),
                    slot("AzureBastionSubnet", 26),
                    slot("dbx-host", 24),
                    slot("dbx-container", 24));

    @Test
    void carvesInOrder() {
        SubnetLayout layout =
                SubnetCarver.carve(cidr("10.1.0.0/24"), List.of(slot("a", 26), slot("b", 26), slot("c", 27)));

        assertThat(asText(layout.enabled()))
                .containsExactly(
                        Map.entry("a", "10.1.0.0/26"), Map.entry("b", "10.1.0.64/26"), Map.entry("c", "10.1.0.128/27"));
        assertThat(layout.all()).isEqualTo(layout.enabled());
        assertThat(layout.addressSpace()).isEqualTo(cidr("10.1.0.0/24"));
    }

    @Test
    void alignsEachSlotToItsOwnSize() {
        // After a /27 at .0 the next free address is .32, but a /26 must start on a multiple of 64.
        SubnetLayout layout =
                SubnetCarver.carve(cidr("10.0.0.0/24"), List.of(slot("small", 27), slot("big", 26), slot("tiny", 29)));

        assertThat(asText(layout.all()))
                .containsExactly(
                        Map.entry("small", "10.0.0.0/27"),
                        Map.entry("big", "10.0.0.64/26"),
                        Map.entry("tiny", "10.0.0.128/29"));
    }

    @Test
    void hubExampleNeedsASlash22() {
        SubnetLayout layout = SubnetCarver.carve(cidr("10.0.0.0/22"), HUB);

        assertThat(asText(layout.all()))
                .containsExactly(
                        Map.entry("AzureFirewallSubnet", "10.0.0.0/26"),
                        Map.entry("GatewaySubnet", "10.0.0.64/27"),
                        Map.entry("AzureBastionSubnet", "10.0.0.128/26"),
                        Map.entry("dbx-host", "10.0.1.0/24"),
                        Map.entry("dbx-container", "10.0.2.0/24"));
        assertThat(SubnetCarver.minimumPrefixFor(HUB)).isEqualTo(22);
    }

    @Test
    void disabledSlotsKeepTheirRoom() {
        List<SubnetSlot> slots = List.of(slot("a", 26), slot("b", 26).withEnabled(false), slot("c", 26));

        SubnetLayout layout = SubnetCarver.carve(cidr("10.0.0.0/24"), slots);

        assertThat(asText(layout.enabled()))
                .containsExactly(Map.entry("a", "10.0.0.0/26"), Map.entry("c", "10.0.0.128/26"));
        assertThat(asText(layout.all()))
                .containsExactly(
                        Map.entry("a", "10.0.0.0/26"), Map.entry("b", "10.0.0.64/26"), Map.entry("c", "10.0.0.128/26"));
    }

    @Test
    void togglingAFeatureDoesNotMoveOtherSubnets() {
        List<SubnetSlot> withBastion = new ArrayList<>(HUB);
        List<SubnetSlot> withoutBastion = new ArrayList<>(HUB);
        withoutBastion.set(2, HUB.get(2).withEnabled(false));

        SubnetLayout on = SubnetCarver.carve(cidr("10.0.0.0/22"), withBastion);
        SubnetLayout off = SubnetCarver.carve(cidr("10.0.0.0/22"), withoutBastion);

        assertThat(off.all()).isEqualTo(on.all());
        assertThat(off.enabled()).doesNotContainKey("AzureBastionSubnet");
        assertThat(off.enabled().get("dbx-host")).isEqualTo(cidr("10.0.1.0/24"));
    }

    @Test
    void automaticSlotsSkipPinnedOnes() {
        SubnetLayout layout =
                SubnetCarver.carve(
                        cidr("10.0.0.0/24"), List.of(slot("a", 26), pinned("p", "10.0.0.64/26"), slot("b", 26)));

        assertThat(asText(layout.all()))
                .containsExactly(
                        Map.entry("a", "10.0.0.0/26"), Map.entry("p", "10.0.0.64/26"), Map.entry("b", "10.0.0.128/26"));
    }

    @Test
    void pinnedSlotsDoNotMoveTheCursor() {
        SubnetLayout layout =
                SubnetCarver.carve(
                        cidr("10.0.0.0/24"), List.of(pinned("p", "10.0.0.192/26"), slot("a", 26), slot("b", 26)));

        assertThat(asText(layout.all()))
                .containsExactly(
                        Map.entry("p", "10.0.0.192/26"), Map.entry("a", "10.0.0.0/26"), Map.entry("b", "10.0.0.64/26"));
    }

    @Test
    void automaticSlotsAlsoSkipPinsListedAfterThem() {
        SubnetLayout layout =
                SubnetCarver.carve(
                        cidr("10.0.0.0/24"), List.of(slot("a", 26), slot("b", 26), pinned("p", "10.0.0.0/26")));

        // Map order is slot order, not address order.
        assertThat(asText(layout.all()))
                .containsExactly(
                        Map.entry("a", "10.0.0.64/26"), Map.entry("b", "10.0.0.128/26"), Map.entry("p", "10.0.0.0/26"));
    }

    @Test
    void aPinnedBlockDecidesTheSizeOfItsSlot() {
        SubnetSlot wider = new SubnetSlot("x", 26, true, cidr("10.0.0.0/25"));

        SubnetLayout layout = SubnetCarver.carve(cidr("10.0.0.0/24"), List.of(wider, slot("y", 26)));

        assertThat(wider.effectivePrefixLength()).isEqualTo(25);
        assertThat(asText(layout.all()))
                .containsExactly(Map.entry("x", "10.0.0.0/25"), Map.entry("y", "10.0.0.128/26"));
    }

    @Test
    void emptySlotListGivesEmptyLayout() {
        SubnetLayout layout = SubnetCarver.carve(cidr("10.0.0.0/24"), List.of());

        assertThat(layout.all()).isEmpty();
        assertThat(layout.enabled()).isEmpty();
        assertThat(SubnetCarver.minimumPrefixFor(List.of())).isEqualTo(32);
    }

    @Test
    void reportsTheSlotThatDoesNotFitAndAWorkingAddressSpace() {
        LayoutException e =
                catchThrowableOfType(LayoutException.class, () -> SubnetCarver.carve(cidr("10.0.0.0/27"), HUB));

        assertThat(e.problems())
                .containsExactly(
                        "subnet 'AzureFirewallSubnet' (/26) does not fit in 10.0.0.0/27: needs at least /26 of free"
                                + " space after 10.0.0.0/27's other subnets; use an address space like 10.0.0.0/22");
        assertThat(e).hasMessage(e.problems().get(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsALaterSlotThatRunsOutOfRoom() {
        LayoutException e =
                catchThrowableOfType(LayoutException.class, () -> SubnetCarver.carve(cidr("10.0.0.0/23"), HUB));

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0))
                .startsWith("subnet 'dbx-container' (/24) does not fit in 10.0.0.0/23")
                .endsWith("use an address space like 10.0.0.0/22");
    }

    @Test
    void suggestionKeepsTheStartOfTheGivenSpace() {
        assertThatThrownBy(() -> SubnetCarver.carve(cidr("10.0.0.32/27"), HUB))
                .hasMessageEndingWith("use an address space like 10.0.0.0/22");
        assertThatThrownBy(() -> SubnetCarver.carve(cidr("172.16.8.0/24"), HUB))
                .hasMessageEndingWith("use an address space like 172.16.8.0/22");
    }

    @Test
    void suggestionAccountsForPinnedSlots() {
        // a=10.0.0.0/25, p=10.0.1.0/25 pinned, so b (/24) cannot start at 10.0.1.0 and needs 10.0.2.0.
        List<SubnetSlot> slots = List.of(slot("a", 25), pinned("p", "10.0.1.0/25"), slot("b", 24));

        assertThat(SubnetCarver.minimumPrefixFor(slots)).isEqualTo(23); // documented lower bound
        assertThatThrownBy(() -> SubnetCarver.carve(cidr("10.0.0.0/23"), slots))
                .isInstanceOf(LayoutException.class)
                .hasMessageStartingWith("subnet 'b' (/24) does not fit in 10.0.0.0/23")
                .hasMessageEndingWith("use an address space like 10.0.0.0/22");
        assertThat(SubnetCarver.carve(cidr("10.0.0.0/22"), slots).cidr("b")).isEqualTo(cidr("10.0.2.0/24"));
    }

    @Test
    void suggestionIsVerifiedNotJustComputed() {
        // Arithmetic says 64+64+128+256 = 512 addresses (/23). In 10.0.0.0/23 the pin at .128/26 pushes
        // b to 10.0.1.0/25, so c (/24) needs to start at 10.0.2.0: only a /22 really works.
        List<SubnetSlot> slots =
                List.of(slot("a", 26), pinned("p", "10.0.0.128/26"), slot("b", 25), slot("c", 24));

        assertThat(SubnetCarver.minimumPrefixFor(slots)).isEqualTo(23);
        assertThatThrownBy(() -> SubnetCarver.carve(cidr("10.0.0.0/23"), slots))
                .hasMessageStartingWith("subnet 'c' (/24) does not fit in 10.0.0.0/23");
        assertThatThrownBy(() -> SubnetCarver.carve(cidr("10.0.0.0/24"), slots))
                .hasMessageStartingWith("subnet 'b' (/25) does not fit in 10.0.0.0/24")
                .hasMessageEndingWith("use an address space like 10.0.0.0/22");
        assertThat(asText(SubnetCarver.carve(cidr("10.0.0.0/22"), slots).all()))
                .containsExactly(
                        Map.entry("a", "10.0.0.0/26"),
                        Map.entry("p", "10.0.0.128/26"),
                        Map.entry("b", "10.0.1.0/25"),
                        Map.entry("c", "10.0.2.0/24"));
    }

    @Test
    void aSlotBiggerThanTheWholeSpace() {
        assertThatThrownBy(() -> SubnetCarver.carve(cidr("10.0.0.0/24"), List.of(slot("big", 22))))
                .hasMessage(
                        "subnet 'big' (/22) does not fit in 10.0.0.0/24: needs at least /22 of free space after"
                                + " 10.0.0.0/24's other subnets; use an address space like 10.0.0.0/22");
    }

    @Test
    void pinOutsideTheAddressSpace() {
        LayoutException e =
                catchThrowableOfType(
                        LayoutException.class,
                        () -> SubnetCarver.carve(cidr("10.0.0.0/22"), List.of(pinned("dbx-host", "192.168.0.0/24"))));

        assertThat(e.problems())
                .containsExactly(
                        "subnet 'dbx-host' is pinned to 192.168.0.0/24, which is outside the address space"
                                + " 10.0.0.0/22; pin it inside, like 10.0.0.0/24, or leave it unpinned");
    }

    @Test
    void overlappingPins() {
        LayoutException e =
                catchThrowableOfType(
                        LayoutException.class,
                        () ->
                                SubnetCarver.carve(
                                        cidr("10.0.0.0/24"),
                                        List.of(pinned("b", "10.0.0.64/26"), pinned("a", "10.0.0.0/25"))));

        assertThat(e.problems())
                .containsExactly("pinned subnets overlap: 'a' 10.0.0.0/25 overlaps 'b' 10.0.0.64/26");
    }

    @Test
    void duplicateNames() {
        LayoutException e =
                catchThrowableOfType(
                        LayoutException.class,
                        () -> SubnetCarver.carve(
                                cidr("10.0.0.0/24"), List.of(slot("a", 26), slot("b", 26), slot("a", 27))));

        assertThat(e.problems())
                .containsExactly(
                        "subnet name 'a' is used by slots #1 and #3; every subnet needs its own name, like 'a-2'");
    }

    @Test
    void prefixOutsideAzureRangeNamesTheSlot() {
        LayoutException e =
                catchThrowableOfType(
                        LayoutException.class,
                        () ->
                                SubnetCarver.carve(
                                        cidr("10.0.0.0/8"),
                                        List.of(
                                                slot("tiny", 30),
                                                slot("huge", 7),
                                                slot("ok", 29),
                                                slot("also-ok", 8),
                                                new SubnetSlot("pin30", 29, true, cidr("10.200.0.0/30")))));

        assertThat(e.problems())
                .containsExactly(
                        "subnet 'tiny' has prefix length /30, but Azure subnets must be /8 to /29, like /26",
                        "subnet 'huge' has prefix length /7, but Azure subnets must be /8 to /29, like /26",
                        "subnet 'pin30' is pinned to 10.200.0.0/30, but Azure subnets must be /8 to /29, like"
                                + " 10.0.0.0/26");
    }

    @Test
    void collectsEveryProblemAtOnce() {
        LayoutException e =
                catchThrowableOfType(
                        LayoutException.class,
                        () ->
                                SubnetCarver.carve(
                                        cidr("10.0.0.0/24"), List.of(slot(" ", 26), slot("x", 31), slot("x", 26))));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0))
                .isEqualTo("subnet slot #1 has a blank name; name it like 'AzureFirewallSubnet'");
        assertThat(e.problems().get(1)).startsWith("subnet 'x' has prefix length /31");
        assertThat(e.problems().get(2)).startsWith("subnet name 'x' is used by slots #2 and #3");
        assertThat(e.getMessage()).isEqualTo(String.join("; ", e.problems()));
    }

    @Test
    void minimumPrefixFor() {
        // 64 + 64 + 32 = 160 addresses: more than a /25 (128), within a /24.
        assertThat(SubnetCarver.minimumPrefixFor(List.of(slot("a", 26), slot("b", 26), slot("c", 27)))).isEqualTo(24);
        assertThat(SubnetCarver.minimumPrefixFor(List.of(slot("a", 29)))).isEqualTo(29);
        // /27 at 0-31, then the /26 aligns to 64-127: 128 addresses.
        assertThat(SubnetCarver.minimumPrefixFor(List.of(slot("a", 27), slot("b", 26)))).isEqualTo(25);
        // The other order packs tighter: 64 + 32 = 96, still needs 128.
        assertThat(SubnetCarver.minimumPrefixFor(List.of(slot("b", 26), slot("a", 27)))).isEqualTo(25);
        // Two /8s fill a /7.
        assertThat(SubnetCarver.minimumPrefixFor(List.of(slot("a", 8), slot("b", 8)))).isEqualTo(7);
    }

    @Test
    void minimumPrefixForRejectsMoreThanTheIpv4Space() {
        List<SubnetSlot> slots = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            slots.add(slot("s" + i, 8));
        }

        assertThatThrownBy(() -> SubnetCarver.minimumPrefixFor(slots))
                .isInstanceOf(LayoutException.class)
                .hasMessageContaining("257 subnets need more than the whole IPv4 space");
        assertThatThrownBy(() -> SubnetCarver.minimumPrefixFor(List.of(slot("a", 30))))
                .isInstanceOf(LayoutException.class)
                .hasMessageContaining("'a'");
    }

    @Test
    void overlapsReportsEachPairOnce() {
        Map<String, Cidr> named = new LinkedHashMap<>();
        named.put("hub", cidr("10.0.0.0/22"));
        named.put("spoke-a", cidr("10.0.2.0/24"));
        named.put("spoke-b", cidr("10.1.0.0/24"));

        assertThat(SubnetCarver.overlaps(named)).containsExactly("'hub' 10.0.0.0/22 overlaps 'spoke-a' 10.0.2.0/24");
    }

    @Test
    void overlapsOrderDoesNotDependOnTheMap() {
        Map<String, Cidr> linked = new LinkedHashMap<>();
        linked.put("c", cidr("10.0.0.0/25"));
        linked.put("b", cidr("10.0.0.0/24"));
        linked.put("a", cidr("10.0.0.0/16"));
        linked.put("z", cidr("10.0.0.0/24"));
        Map<String, Cidr> hashed = new HashMap<>(linked);

        List<String> expected =
                List.of(
                        "'a' 10.0.0.0/16 overlaps 'b' 10.0.0.0/24",
                        "'a' 10.0.0.0/16 overlaps 'z' 10.0.0.0/24",
                        "'a' 10.0.0.0/16 overlaps 'c' 10.0.0.0/25",
                        "'b' 10.0.0.0/24 overlaps 'z' 10.0.0.0/24",
                        "'b' 10.0.0.0/24 overlaps 'c' 10.0.0.0/25",
                        "'z' 10.0.0.0/24 overlaps 'c' 10.0.0.0/25");
        assertThat(SubnetCarver.overlaps(linked)).isEqualTo(expected);
        assertThat(SubnetCarver.overlaps(hashed)).isEqualTo(expected);
        assertThat(SubnetCarver.overlaps(Map.of())).isEmpty();
    }

    @Test
    void layoutIsImmutableAndNamesUnknownSubnets() {
        SubnetLayout layout = SubnetCarver.carve(cidr("10.0.0.0/24"), List.of(slot("a", 26)));

        assertThatThrownBy(() -> layout.all().put("b", cidr("10.0.0.64/26")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> layout.enabled().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(layout.cidr("a")).isEqualTo(cidr("10.0.0.0/26"));
        assertThatThrownBy(() -> layout.cidr("nope"))
                .hasMessage("no subnet named 'nope' in the layout of 10.0.0.0/24; known subnets: [a]");
    }

    @Test
    void layoutCopiesItsInput() {
        Map<String, Cidr> source = new LinkedHashMap<>();
        source.put("a", cidr("10.0.0.0/26"));
        SubnetLayout layout = new SubnetLayout(cidr("10.0.0.0/24"), source, source);

        source.put("b", cidr("10.0.0.64/26"));

        assertThat(layout.all()).containsOnlyKeys("a");
    }

    @Test
    void layoutExceptionNeedsAProblemAndIsImmutable() {
        assertThatThrownBy(() -> new LayoutException(List.of())).isInstanceOf(IllegalArgumentException.class);
        List<String> problems = new ArrayList<>(List.of("x"));
        LayoutException e = new LayoutException(problems);
        problems.add("y");

        assertThat(e.problems()).containsExactly("x");
        assertThatThrownBy(() -> e.problems().add("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void slotHelpers() {
        SubnetSlot s = SubnetSlot.of("a", 26);

        assertThat(s.enabled()).isTrue();
        assertThat(s.explicit()).isNull();
        assertThat(s.withEnabled(false)).isEqualTo(new SubnetSlot("a", 26, false, null));
        assertThat(s.withExplicit(cidr("10.0.0.0/26")).explicit()).isEqualTo(cidr("10.0.0.0/26"));
        assertThatThrownBy(() -> new SubnetSlot(null, 26, true, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void carvingDoesNotDependOnTheListInstance() {
        List<SubnetSlot> copy = new ArrayList<>(HUB);

        assertThat(SubnetCarver.carve(cidr("10.0.0.0/22"), copy))
                .isEqualTo(SubnetCarver.carve(cidr("10.0.0.0/22"), HUB));
        Collections.reverse(copy);
        // Order matters: reversed, the /24s come first.
        assertThat(SubnetCarver.carve(cidr("10.0.0.0/22"), copy).cidr("dbx-container")).isEqualTo(cidr("10.0.0.0/24"));
    }
}
