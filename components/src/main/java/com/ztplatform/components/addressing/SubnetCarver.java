package com.ztplatform.components.addressing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Deterministic, stable subnet layout.
 *
 * <p>Slots are placed in list order, each at the lowest address that is at or after the end of the
 * previous automatic slot, aligned to its own size and clear of every pinned slot. Disabled slots are
 * placed too, so toggling a feature never shifts its neighbours: Azure cannot move a subnet without
 * replacing everything deployed in it. Appending slots at the end is therefore always safe;
 * inserting, removing or resizing a slot moves everything after it.
 */
public final class SubnetCarver {

    /** Azure allows /8 at most for a subnet and reserves five addresses, so /29 is the smallest. */
    public static final int LARGEST_SUBNET_PREFIX = 8;

    /** The smallest subnet Azure allows: /29 (eight addresses, three usable after Azure's five). */
    public static final int SMALLEST_SUBNET_PREFIX = 29;

    private static final String SUBNET_RANGE = "/" + LARGEST_SUBNET_PREFIX + " to /" + SMALLEST_SUBNET_PREFIX;

    private SubnetCarver() {}

    /**
     * Allocates every slot inside {@code addressSpace}.
     *
     * @param addressSpace the VNet's address space
     * @param slots        the subnets, in the order they are placed
     * @return every slot's block
     * @throws LayoutException listing every problem found (bad slots, pins, or not enough room)
     */
    public static SubnetLayout carve(Cidr addressSpace, List<SubnetSlot> slots) {
        Objects.requireNonNull(addressSpace, "addressSpace must not be null, use e.g. 10.0.0.0/22");
        Objects.requireNonNull(slots, "slots must not be null, use List.of() for no subnets");
        Attempt attempt = attempt(addressSpace, slots);
        if (attempt.layout != null) {
            return attempt.layout;
        }
        List<String> problems = new ArrayList<>(attempt.problems);
        if (attempt.unfit != null) {
            problems.add(fitProblem(addressSpace, slots, attempt.unfit));
        }
        throw new LayoutException(problems);
    }

    /**
     * The longest prefix (smallest block) that holds all slots placed in order from an aligned start.
     *
     * <p>Pinned slots are counted at their pinned size as if they were automatic: where they are pinned
     * can only add gaps, so for lists with pins this is a lower bound rather than an exact answer. An
     * empty list fits anywhere and gives 32.
     *
     * @param slots the subnets, in order
     * @return the longest prefix whose block holds them all
     * @throws LayoutException if a slot is malformed or all slots together exceed the IPv4 space
     */
    public static int minimumPrefixFor(List<SubnetSlot> slots) {
        Objects.requireNonNull(slots, "slots must not be null, use List.of() for no subnets");
        List<String> problems = slotProblems(slots);
        if (!problems.isEmpty()) {
            throw new LayoutException(problems);
        }
        long end = 0;
        for (SubnetSlot slot : slots) {
            long size = 1L << (32 - slot.effectivePrefixLength());
            end = alignUp(end, size) + size;
        }
        if (end > 1L << 32) {
            throw new LayoutException(List.of("the " + slots.size() + " subnets need more than the whole IPv4"
                    + " space; use fewer or smaller subnets, like /26 instead of /8"));
        }
        int prefix = 32;
        while ((1L << (32 - prefix)) < end) {
            prefix--;
        }
        return prefix;
    }

    /**
     * One message per overlapping pair, like {@code 'hub' 10.0.0.0/22 overlaps 'spoke-a' 10.0.2.0/24}.
     *
     * @param named blocks by the name messages use
     * @return the messages; empty when no two overlap
     *
     * <p>Pairs are reported in address order (then name) whatever the map's iteration order, so the
     * output is stable even for a {@code HashMap}.
     */
    public static List<String> overlaps(Map<String, Cidr> named) {
        List<Map.Entry<String, Cidr>> entries = new ArrayList<>(named.entrySet());
        entries.forEach(e -> Objects.requireNonNull(
                e.getValue(), () -> "'" + e.getKey() + "' has no CIDR; give it one like 10.0.0.0/22"));
        entries.sort(Map.Entry.<String, Cidr>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                Map.Entry<String, Cidr> a = entries.get(i);
                Map.Entry<String, Cidr> b = entries.get(j);
                if (a.getValue().overlaps(b.getValue())) {
                    messages.add("'" + a.getKey() + "' " + a.getValue()
                            + " overlaps '" + b.getKey() + "' " + b.getValue());
                }
            }
        }
        return List.copyOf(messages);
    }

    /** Either a layout, or validation problems and/or the first slot that did not fit. */
    private record Attempt(@Nullable SubnetLayout layout, List<String> problems, @Nullable SubnetSlot unfit) {}

    private static Attempt attempt(Cidr space, List<SubnetSlot> slots) {
        List<String> problems = slotProblems(slots);
        problems.addAll(pinProblems(space, slots));
        if (!problems.isEmpty()) {
            return new Attempt(null, problems, null);
        }

        List<Cidr> pinned = slots.stream().map(SubnetSlot::explicit).filter(Objects::nonNull).sorted().toList();
        Map<String, Cidr> all = new LinkedHashMap<>();
        Map<String, Cidr> enabled = new LinkedHashMap<>();
        long cursor = space.network();
        for (SubnetSlot slot : slots) {
            Cidr block = slot.explicit();
            if (block == null) {
                long size = 1L << (32 - slot.prefixLength());
                long start = firstFreeAligned(cursor, size, pinned);
                if (start + size - 1 > space.lastAddress()) {
                    return new Attempt(null, List.of(), slot);
                }
                block = new Cidr(start, slot.prefixLength());
                // Pinned slots deliberately leave the cursor alone: pinning one subnet must not push the
                // automatic ones that follow it.
                cursor = start + size;
            }
            all.put(slot.name(), block);
            if (slot.enabled()) {
                enabled.put(slot.name(), block);
            }
        }
        return new Attempt(new SubnetLayout(space, all, enabled), List.of(), null);
    }

    private static long firstFreeAligned(long from, long size, List<Cidr> pinned) {
        long start = alignUp(from, size);
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Cidr pin : pinned) {
                if (start <= pin.lastAddress() && pin.firstAddress() <= start + size - 1) {
                    start = alignUp(pin.lastAddress() + 1, size);
                    moved = true;
                }
            }
        }
        return start;
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    private static List<String> slotProblems(List<SubnetSlot> slots) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            SubnetSlot slot = Objects.requireNonNull(slots.get(i), "subnet slot #" + (i + 1) + " is null");
            if (slot.name().isBlank()) {
                problems.add("subnet slot #" + (i + 1) + " has a blank name; name it like 'AzureFirewallSubnet'");
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(slot.name(), i);
            if (earlier != null) {
                problems.add("subnet name '" + slot.name() + "' is used by slots #" + (earlier + 1) + " and #"
                        + (i + 1) + "; every subnet needs its own name, like '" + slot.name() + "-2'");
            }
            if (!isSubnetPrefix(slot.prefixLength())) {
                problems.add("subnet '" + slot.name() + "' has prefix length /" + slot.prefixLength()
                        + ", but Azure subnets must be " + SUBNET_RANGE + ", like /26");
            }
            Cidr pin = slot.explicit();
            if (pin != null && !isSubnetPrefix(pin.prefixLength())) {
                problems.add("subnet '" + slot.name() + "' is pinned to " + pin
                        + ", but Azure subnets must be " + SUBNET_RANGE + ", like 10.0.0.0/26");
            }
        }
        return problems;
    }

    private static List<String> pinProblems(Cidr space, List<SubnetSlot> slots) {
        List<String> problems = new ArrayList<>();
        List<SubnetSlot> pinnedSlots = new ArrayList<>();
        for (SubnetSlot slot : slots) {
            Cidr pin = slot.explicit();
            if (pin == null) {
                continue;
            }
            if (!space.contains(pin)) {
                Cidr inside = new Cidr(space.network(), Math.max(space.prefixLength(), pin.prefixLength()));
                problems.add("subnet '" + slot.name() + "' is pinned to " + pin + ", which is outside the address"
                        + " space " + space + "; pin it inside, like " + inside + ", or leave it unpinned");
            }
            pinnedSlots.add(slot);
        }
        Map<String, Cidr> named = new LinkedHashMap<>();
        pinnedSlots.forEach(s -> named.put(s.name(), s.explicit()));
        if (named.size() == pinnedSlots.size()) { // duplicates are reported by slotProblems
            for (String overlap : overlaps(named)) {
                problems.add("pinned subnets overlap: " + overlap);
            }
        }
        return problems;
    }

    private static String fitProblem(Cidr space, List<SubnetSlot> slots, SubnetSlot unfit) {
        // A disabled slot still reserves its room (so enabling it later moves nothing); say so, or the
        // user is told about a subnet they never asked for.
        String reserved = unfit.enabled() ? "" : ", reserved although its feature is off so that enabling it "
                + "later moves no other subnet,";
        String message = "subnet '" + unfit.name() + "' (/" + unfit.prefixLength() + ")" + reserved
                + " does not fit in " + space + ": needs at least /" + unfit.prefixLength() + " of free space after "
                + space + "'s other subnets; ";
        Cidr suggestion = smallestWorkingSpace(space, slots);
        return suggestion != null
                ? message + "use an address space like " + suggestion
                : message + "use fewer or smaller subnets";
    }

    /**
     * The smallest enlargement of {@code space} (same start, masked) in which carving succeeds. Tried
     * for real rather than computed, because pinned slots make the arithmetic bound inexact.
     */
    private static @Nullable Cidr smallestWorkingSpace(Cidr space, List<SubnetSlot> slots) {
        int start;
        try {
            start = Math.min(minimumPrefixFor(slots), space.prefixLength() - 1);
        } catch (LayoutException e) {
            return null;
        }
        for (int prefix = start; prefix >= 0; prefix--) {
            Cidr candidate = new Cidr(space.network() & Cidr.mask(prefix), prefix);
            if (attempt(candidate, slots).layout != null) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isSubnetPrefix(int prefixLength) {
        return prefixLength >= LARGEST_SUBNET_PREFIX && prefixLength <= SMALLEST_SUBNET_PREFIX;
    }
}
