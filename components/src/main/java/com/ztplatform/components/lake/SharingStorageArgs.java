package com.ztplatform.components.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link SharingStorage}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param lake    the environment's data lake, created (not the bootstrap deployment): the sharing account takes its
 *                resource group, region, naming, hub, settings (redundancy, soft delete), customer-managed key and
 *                encryption identity, access connector and common options from it (required)
 * @param ipRules the networks the public endpoint admits: the recipients' declared networks, each a public IPv4
 *                address like {@value StorageIpRules#EXAMPLE_ADDRESS} or a range like
 *                {@value StorageIpRules#EXAMPLE_RANGE}, at most {@value StorageIpRules#MAX_RULES} (required, at least
 *                one: an account no recipient can reach has no purpose). Sorted and deduplicated
 */
public record SharingStorageArgs(DataLake lake, List<String> ipRules) {

    /**
     * The canonical constructor; prefer {@link #builder()}.
     *
     * @param lake    the data lake (required)
     * @param ipRules the recipients' networks (not null)
     */
    public SharingStorageArgs {
        Objects.requireNonNull(ipRules, "ipRules");
        ipRules = List.copyOf(ipRules);
    }

    /**
     * A builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (lake == null) {
            problems.add("lake is required: the environment's DataLake, like new DataLake(\"lake\", ...)");
        } else if (lake.bootstrapOnly()) {
            problems.add("lake has no account yet (bootstrap deployment): create the sharing storage in the next "
                    + "deployment, with the lake's account and access connector");
        }
        if (ipRules.isEmpty()) {
            problems.add("ipRules must name at least one recipient network, like [" + StorageIpRules.EXAMPLE_RANGE
                    + "]: the account exists so recipients can read it");
        } else if (ipRules.size() > StorageIpRules.MAX_RULES) {
            problems.add("ipRules has " + ipRules.size() + " entries; a storage account takes at most "
                    + StorageIpRules.MAX_RULES + ": use ranges, like " + StorageIpRules.EXAMPLE_RANGE);
        }
        problems.addAll(StorageIpRules.problems("ipRules", ipRules));
        return problems;
    }

    /** Builds {@link SharingStorageArgs}. */
    public static final class Builder {
        private DataLake lake;
        private List<String> ipRules = List.of();

        private Builder() {
        }

        /**
         * @param value the data lake (required)
         * @return this builder
         */
        public Builder lake(DataLake value) {
            this.lake = value;
            return this;
        }

        /**
         * @param value the recipients' networks (required); sorted and deduplicated
         * @return this builder
         */
        public Builder ipRules(List<String> value) {
            this.ipRules = value == null ? List.of() : value;
            return this;
        }

        /** @return the arguments, unchecked (the component checks them) */
        public SharingStorageArgs build() {
            var valid = ipRules.stream().allMatch(v -> StorageIpRules.problem(v).isEmpty());
            return new SharingStorageArgs(lake, valid ? StorageIpRules.union(ipRules) : ipRules);
        }
    }
}
