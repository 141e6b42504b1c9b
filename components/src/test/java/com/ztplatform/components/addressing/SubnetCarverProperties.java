package com.ztplatform.components.addressing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class SubnetCarverProperties {

    /** An address space and a slot list; {@link #fitting} only yields ones that carve. */
    record Scenario(Cidr space, List<SubnetSlot> slots) {}

    /** One slot before names are assigned; {@code pinOffset} < 0 means automatic. */
    record RawSlot(int extraPrefix, boolean enabled, long pinOffset) {}

    private static Arbitrary<Cidr> spaces(int minPrefix, int maxPrefix) {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                        Arbitraries.integers().between(minPrefix, maxPrefix))
                .as((address, prefix) -> new Cidr(address & Cidr.mask(prefix), prefix));
    }

    /** Slots of 1/4 .. 1/2^21 of the space, about one in five pinned at a random aligned spot. */
    private static Arbitrary<List<RawSlot>> rawSlots() {
        Arbitrary<RawSlot> raw =
                Combinators.combine(
                                Arbitraries.integers().between(2, 21),
                                Arbitraries.of(true, true, true, false),
                                Arbitraries.frequencyOf(
                                        Tuple.of(4, Arbitraries.just(-1L)),
                                        Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE))))
                        .as(RawSlot::new);
        return raw.list().ofMinSize(0).ofMaxSize(10);
    }

    private static List<SubnetSlot> materialize(Cidr space, List<RawSlot> raws) {
        List<SubnetSlot> slots = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            RawSlot raw = raws.get(i);
            int prefix = Math.min(SubnetCarver.SMALLEST_SUBNET_PREFIX, space.prefixLength() + raw.extraPrefix());
            Cidr pin = null;
            if (raw.pinOffset() >= 0) {
                long blocks = space.size() >> (32 - prefix);
                pin = new Cidr(space.network() + (raw.pinOffset() % blocks) * (1L << (32 - prefix)), prefix);
            }
            slots.add(new SubnetSlot("s" + i, prefix, raw.enabled(), pin));
        }
        return slots;
    }

    private static boolean carves(Scenario s) {
        try {
            SubnetCarver.carve(s.space(), s.slots());
            return true;
        } catch (LayoutException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<Scenario> fitting() {
        return Combinators.combine(spaces(8, 26), rawSlots())
                .as((space, raws) -> new Scenario(space, materialize(space, raws)))
                .filter(SubnetCarverProperties::carves);
    }

    /** Automatic slots only, in spaces that are often too small, to probe the fit boundary. */
    @Provide
    Arbitrary<Scenario> unpinned() {
        Arbitrary<List<SubnetSlot>> slots =
                Combinators.combine(Arbitraries.integers().between(8, 29), Arbitraries.of(true, false))
                        .as((prefix, enabled) -> new SubnetSlot("x", prefix, enabled, null))
                        .list()
                        .ofMinSize(0)
                        .ofMaxSize(8)
                        .map(
                                list -> {
                                    List<SubnetSlot> named = new ArrayList<>();
                                    for (int i = 0; i < list.size(); i++) {
                                        SubnetSlot s = list.get(i);
                                        named.add(new SubnetSlot("s" + i, s.prefixLength(), s.enabled(), null));
                                    }
                                    return named;
                                });
        return Combinators.combine(spaces(4, 29), slots).as(Scenario::new);
    }

    @Property(tries = 300)
    void everySubnetIsInsideTheAddressSpace(@ForAll("fitting") Scenario s) {
        SubnetLayout layout = SubnetCarver.carve(s.space(), s.slots());

        assertThat(layout.addressSpace()).isEqualTo(s.space());
        assertThat(layout.all().keySet()).containsExactlyElementsOf(s.slots().stream().map(SubnetSlot::name).toList());
        layout.all().values().forEach(c -> assertThat(s.space().contains(c)).as("%s in %s", c, s.space()).isTrue());
    }

    @Property(tries = 300)
    void noTwoSubnetsOverlap(@ForAll("fitting") Scenario s) {
        List<Cidr> blocks = List.copyOf(SubnetCarver.carve(s.space(), s.slots()).all().values());

        for (int i = 0; i < blocks.size(); i++) {
            for (int j = i + 1; j < blocks.size(); j++) {
                Cidr a = blocks.get(i);
                Cidr b = blocks.get(j);
                boolean disjoint = a.lastAddress() < b.firstAddress() || b.lastAddress() < a.firstAddress();
                assertThat(disjoint).as("%s vs %s", a, b).isTrue();
            }
        }
    }

    @Property(tries = 300)
    void eachSubnetIsAlignedToItsSizeAndHasTheSlotsSize(@ForAll("fitting") Scenario s) {
        Map<String, Cidr> all = SubnetCarver.carve(s.space(), s.slots()).all();

        for (SubnetSlot slot : s.slots()) {
            Cidr block = all.get(slot.name());
            assertThat(block.network() % block.size()).isZero();
            assertThat(block.prefixLength()).isEqualTo(slot.effectivePrefixLength());
            if (slot.explicit() != null) {
                assertThat(block).isEqualTo(slot.explicit());
            }
        }
    }

    @Property(tries = 300)
    void carvingIsDeterministic(@ForAll("fitting") Scenario s) {
        SubnetLayout first = SubnetCarver.carve(s.space(), s.slots());
        SubnetLayout second = SubnetCarver.carve(s.space(), new ArrayList<>(s.slots()));

        assertThat(second).isEqualTo(first);
        assertThat(List.copyOf(second.all().entrySet())).isEqualTo(List.copyOf(first.all().entrySet()));
    }

    @Property(tries = 300)
    void togglingASlotNeverMovesAnyOther(@ForAll("fitting") Scenario s, @ForAll @IntRange(min = 0, max = 9) int pick) {
        if (s.slots().isEmpty()) {
            return;
        }
        int index = pick % s.slots().size();
        List<SubnetSlot> toggled = new ArrayList<>(s.slots());
        toggled.set(index, toggled.get(index).withEnabled(!toggled.get(index).enabled()));

        SubnetLayout before = SubnetCarver.carve(s.space(), s.slots());
        SubnetLayout after = SubnetCarver.carve(s.space(), toggled);

        assertThat(after.all()).isEqualTo(before.all());
        for (SubnetSlot slot : toggled) {
            if (slot.enabled()) {
                assertThat(after.enabled()).containsEntry(slot.name(), before.all().get(slot.name()));
            } else {
                assertThat(after.enabled()).doesNotContainKey(slot.name());
            }
        }
    }

    @Property(tries = 300)
    void appendingASlotNeverMovesTheExistingOnes(
            @ForAll("fitting") Scenario s, @ForAll @IntRange(min = 8, max = 29) int prefix) {
        List<SubnetSlot> longer = new ArrayList<>(s.slots());
        longer.add(SubnetSlot.of("appended", Math.max(prefix, s.space().prefixLength())));
        Scenario extended = new Scenario(s.space(), longer);
        if (!carves(extended)) {
            return;
        }

        Map<String, Cidr> before = SubnetCarver.carve(s.space(), s.slots()).all();
        Map<String, Cidr> after = SubnetCarver.carve(s.space(), longer).all();

        before.forEach((name, block) -> assertThat(after).containsEntry(name, block));
    }

    /**
     * Each automatic slot takes the lowest aligned address at or after the previous automatic slot
     * that is clear of all pins, checked here by brute force rather than by the carver's own search.
     */
    @Property(tries = 300)
    void automaticSlotsTakeTheLowestFreeAlignedAddress(@ForAll("fitting") Scenario s) {
        Map<String, Cidr> all = SubnetCarver.carve(s.space(), s.slots()).all();
        List<Cidr> pins = s.slots().stream().map(SubnetSlot::explicit).filter(p -> p != null).toList();

        long previousEnd = s.space().network();
        for (SubnetSlot slot : s.slots()) {
            if (slot.explicit() != null) {
                continue;
            }
            Cidr chosen = all.get(slot.name());
            long size = chosen.size();
            long candidate = (previousEnd + size - 1) / size * size;
            for (; candidate < chosen.network(); candidate += size) {
                Cidr lower = new Cidr(candidate, chosen.prefixLength());
                assertThat(pins.stream().anyMatch(lower::overlaps))
                        .as("%s could have taken the free block %s", slot.name(), lower)
                        .isTrue();
            }
            assertThat(candidate).isEqualTo(chosen.network());
            previousEnd = chosen.lastAddress() + 1;
        }
    }

    @Property(tries = 300)
    void minimumPrefixPredictsWhetherUnpinnedSlotsFit(@ForAll("unpinned") Scenario s) {
        int minimum = SubnetCarver.minimumPrefixFor(s.slots());

        if (s.space().prefixLength() <= minimum) {
            SubnetCarver.carve(s.space(), s.slots()); // must not throw
            if (minimum < 32) {
                Cidr oneSmaller = new Cidr(s.space().network() & Cidr.mask(minimum + 1), minimum + 1);
                assertThat(carves(new Scenario(oneSmaller, s.slots()))).as("fits in %s", oneSmaller).isFalse();
            }
        } else {
            LayoutException e =
                    catchThrowableOfType(LayoutException.class, () -> SubnetCarver.carve(s.space(), s.slots()));
            Cidr suggestion = new Cidr(s.space().network() & Cidr.mask(minimum), minimum);
            assertThat(e).as("carving %s into %s", s.slots(), s.space()).isNotNull();
            assertThat(e.problems()).singleElement().asString().endsWith("use an address space like " + suggestion);
            assertThat(carves(new Scenario(suggestion, s.slots()))).isTrue();
        }
    }

    @Property(tries = 300)
    void everyFitFailureSuggestsASpaceThatWorks(@ForAll("unpinnedOrPinned") Scenario s) {
        LayoutException e = null;
        try {
            SubnetCarver.carve(s.space(), s.slots());
        } catch (LayoutException thrown) {
            e = thrown;
        }
        if (e == null) {
            return;
        }
        for (String problem : e.problems()) {
            int at = problem.indexOf("use an address space like ");
            if (at >= 0) {
                Cidr suggestion = Cidr.parse(problem.substring(at + "use an address space like ".length()));
                assertThat(suggestion.contains(s.space())).isTrue();
                assertThat(carves(new Scenario(suggestion, s.slots()))).as("suggested %s", suggestion).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<Scenario> unpinnedOrPinned() {
        return Combinators.combine(spaces(8, 26), rawSlots())
                .as((space, raws) -> new Scenario(space, materialize(space, raws)));
    }

    @Property(tries = 300)
    void everyPinCollisionIsReported(@ForAll("unpinnedOrPinned") Scenario s) {
        // Pins are random here, so they sometimes collide; each colliding pair must be reported once.
        List<SubnetSlot> pinnedSlots = s.slots().stream().filter(x -> x.explicit() != null).toList();
        Map<String, Cidr> named = new LinkedHashMap<>();
        pinnedSlots.forEach(x -> named.put(x.name(), x.explicit()));
        int collisions = 0;
        for (int i = 0; i < pinnedSlots.size(); i++) {
            for (int j = i + 1; j < pinnedSlots.size(); j++) {
                Cidr a = pinnedSlots.get(i).explicit();
                Cidr b = pinnedSlots.get(j).explicit();
                if (a.lastAddress() >= b.firstAddress() && b.lastAddress() >= a.firstAddress()) {
                    collisions++;
                }
            }
        }

        assertThat(SubnetCarver.overlaps(named)).hasSize(collisions);
        if (collisions > 0) {
            LayoutException e =
                    catchThrowableOfType(LayoutException.class, () -> SubnetCarver.carve(s.space(), s.slots()));
            assertThat(e.problems()).filteredOn(p -> p.startsWith("pinned subnets overlap: ")).hasSize(collisions);
        }
    }
}
