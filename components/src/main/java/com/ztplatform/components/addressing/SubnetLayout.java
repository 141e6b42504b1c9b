package com.ztplatform.components.addressing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link SubnetCarver#carve}: every slot's block, in slot order.
 *
 * @param addressSpace the block that was carved
 * @param all every slot, including disabled ones, whose room stays reserved
 * @param enabled only the enabled slots; this is what gets deployed
 */
public record SubnetLayout(Cidr addressSpace, Map<String, Cidr> all, Map<String, Cidr> enabled) {

    /**
     * Keeps the slot order.
     *
     * @param addressSpace the block that was carved
     * @param all          every slot's block
     * @param enabled      the enabled slots' blocks
     */
    public SubnetLayout {
        Objects.requireNonNull(addressSpace, "addressSpace");
        // LinkedHashMap rather than Map.copyOf: slot order is part of the contract (stable plans, diffs).
        all = Collections.unmodifiableMap(new LinkedHashMap<>(all));
        enabled = Collections.unmodifiableMap(new LinkedHashMap<>(enabled));
    }

    /**
     * The block of the named slot, enabled or not.
     *
     * @param name the slot's name
     * @return its block
     * @throws IllegalArgumentException naming the known slots when there is none of that name
     */
    public Cidr cidr(String name) {
        Cidr cidr = all.get(name);
        if (cidr == null) {
            throw new IllegalArgumentException(
                    "no subnet named '"
                            + name
                            + "' in the layout of "
                            + addressSpace
                            + "; known subnets: "
                            + all.keySet());
        }
        return cidr;
    }
}
