package com.ztplatform.components.addressing;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One subnet position in a {@link SubnetCarver} layout.
 *
 * <p>A disabled slot still reserves its room, so that switching an optional feature on or off never
 * moves any other subnet (moving a subnet forces Azure to replace everything in it).
 *
 * @param name the subnet name, unique within a layout
 * @param prefixLength the size to allocate, /8 (largest) to /29 (Azure's smallest)
 * @param enabled whether the subnet is deployed; its room is reserved either way
 * @param explicit an address the user pinned for this slot, or null to allocate automatically. When
 *     present its own prefix length decides the size and {@code prefixLength} is not used for
 *     allocation (it is still range-checked).
 */
public record SubnetSlot(String name, int prefixLength, boolean enabled, @Nullable Cidr explicit) {

    /**
     * Checks the name.
     *
     * @param name         the subnet name
     * @param prefixLength the size to allocate
     * @param enabled      whether the subnet is deployed
     * @param explicit     a pinned block, or null
     */
    public SubnetSlot {
        Objects.requireNonNull(name, "subnet slot name must not be null, use e.g. 'AzureFirewallSubnet'");
    }

    /**
     * An enabled, automatically placed slot.
     *
     * @param name         the subnet name
     * @param prefixLength the size to allocate
     * @return the slot
     */
    public static SubnetSlot of(String name, int prefixLength) {
        return new SubnetSlot(name, prefixLength, true, null);
    }

    /**
     * The same slot, switched on or off; its room stays reserved either way.
     *
     * @param newEnabled whether the subnet is deployed
     * @return a copy
     */
    public SubnetSlot withEnabled(boolean newEnabled) {
        return new SubnetSlot(name, prefixLength, newEnabled, explicit);
    }

    /**
     * The same slot, pinned to a block (or automatic again).
     *
     * @param pinned the block, or null to allocate automatically
     * @return a copy
     */
    public SubnetSlot withExplicit(@Nullable Cidr pinned) {
        return new SubnetSlot(name, prefixLength, enabled, pinned);
    }

    /**
     * The prefix the slot actually occupies: the pinned block's if pinned, else {@link #prefixLength}.
     *
     * @return the prefix length
     */
    public int effectivePrefixLength() {
        return explicit != null ? explicit.prefixLength() : prefixLength;
    }
}
