package com.ztplatform.components.lake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the data lake holds and how long deleted data can be recovered: plain values (the stack's {@code dataLake}
 * section), checked by {@link #problems}. Each default is defined here once.
 *
 * @param containers                the file systems (containers) of the lake, like per layer
 *                                  {@code [bronze, silver, gold]} or per catalog. Default: {@link #DEFAULT_CONTAINERS}
 * @param blobSoftDeleteDays        days a deleted blob (file) can be restored, 1-365. Default:
 *                                  {@link #DEFAULT_SOFT_DELETE_DAYS}
 * @param containerSoftDeleteDays   days a deleted container can be restored, 1-365. Default:
 *                                  {@link #DEFAULT_SOFT_DELETE_DAYS}
 * @param sku                       the account's redundancy. Default: {@link #DEFAULT_SKU}
 */
public record LakeSettings(List<String> containers, int blobSoftDeleteDays, int containerSoftDeleteDays, String sku) {

    /** The medallion layers: one container each, a catalog's external locations map onto them. */
    public static final List<String> DEFAULT_CONTAINERS = List.of("bronze", "silver", "gold");
    /**
     * 30 days: long enough to notice a wrong delete over a holiday, short enough that deleted personal data is gone
     * within a month (erasure requests). Azure allows 1-365
     * (learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview).
     */
    public static final int DEFAULT_SOFT_DELETE_DAYS = 30;
    /** Zone-redundant: survives a zone outage without copying the data to another region. */
    public static final String DEFAULT_SKU = "Standard_ZRS";
    /** Redundancy options of an ADLS Gen2 (StorageV2, hierarchical namespace) account. */
    public static final List<String> SKUS = List.of("Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_RAGRS",
            "Standard_GZRS", "Standard_RAGZRS");

    /**
     * Container names: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit
     * (learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata).
     */
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

    /**
     * Copies {@code containers}; values are checked by {@link #problems}, not here.
     *
     * @param containers              the lake's containers; null is reported by {@link #problems}
     * @param blobSoftDeleteDays      days a deleted blob can be restored
     * @param containerSoftDeleteDays days a deleted container can be restored
     * @param sku                     the account's redundancy, one of {@link #SKUS}
     */
    public LakeSettings {
        containers = containers == null ? null : List.copyOf(containers);
    }

    /**
     * The defaults: {@link #DEFAULT_CONTAINERS}, 30 days of soft delete, ZRS.
     *
     * @return the default settings
     */
    public static LakeSettings defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the documented defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem, each naming the field under {@code path} and a valid example.
     *
     * @param path prefix of every message, like zt-databricks:dataLake
     * @return the problems: container names (Azure's naming rules, no duplicates), soft-delete days outside 1-365, an
     *         unknown SKU; empty when valid
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (containers == null || containers.isEmpty()) {
            problems.add(path + ".containers must list at least one container, like [bronze, silver, gold]");
        } else {
            var seen = new HashSet<String>();
            for (int i = 0; i < containers.size(); i++) {
                var c = containers.get(i);
                if (c == null || !CONTAINER.matcher(c).matches()) {
                    problems.add(path + ".containers[" + i + "] must be 3-63 lowercase letters, digits and single "
                            + "hyphens, starting and ending with a letter or digit, like 'bronze' or 'sales-raw', got "
                            + (c == null ? "null" : "'" + c + "'"));
                } else if (!seen.add(c)) {
                    problems.add(path + ".containers[" + i + "] '" + c + "' is listed twice; list each container once, "
                            + "like [bronze, silver, gold]");
                }
            }
        }
        checkDays(problems, path + ".blobSoftDeleteDays", blobSoftDeleteDays);
        checkDays(problems, path + ".containerSoftDeleteDays", containerSoftDeleteDays);
        if (sku == null || !SKUS.contains(sku)) {
            problems.add(path + ".sku must be one of " + SKUS + ", like " + DEFAULT_SKU + ", got "
                    + (sku == null ? "null" : "'" + sku + "'"));
        }
        return problems;
    }

    private static void checkDays(List<String> problems, String field, int days) {
        if (days < 1 || days > 365) {
            problems.add(field + " must be between 1 and 365 (Azure's soft-delete range), like "
                    + DEFAULT_SOFT_DELETE_DAYS + ", got " + days);
        }
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private List<String> containers = DEFAULT_CONTAINERS;
        private int blobSoftDeleteDays = DEFAULT_SOFT_DELETE_DAYS;
        private int containerSoftDeleteDays = DEFAULT_SOFT_DELETE_DAYS;
        private String sku = DEFAULT_SKU;

        private Builder() {
        }

        /**
         * @param value the containers, like [bronze, silver, gold]; 3-63 lowercase letters, digits and single hyphens.
         *              Default: {@link #DEFAULT_CONTAINERS}
         * @return this builder
         */
        public Builder containers(List<String> value) {
            this.containers = value;
            return this;
        }

        /**
         * @param value days a deleted blob can be restored, 1-365. Default: {@link #DEFAULT_SOFT_DELETE_DAYS}
         * @return this builder
         */
        public Builder blobSoftDeleteDays(int value) {
            this.blobSoftDeleteDays = value;
            return this;
        }

        /**
         * @param value days a deleted container can be restored, 1-365. Default: {@link #DEFAULT_SOFT_DELETE_DAYS}
         * @return this builder
         */
        public Builder containerSoftDeleteDays(int value) {
            this.containerSoftDeleteDays = value;
            return this;
        }

        /**
         * @param value one of {@link #SKUS}, like Standard_GZRS for production. Default: {@link #DEFAULT_SKU}
         * @return this builder
         */
        public Builder sku(String value) {
            this.sku = value;
            return this;
        }

        /**
         * The settings, as set; {@link #problems} checks them.
         *
         * @return the settings
         */
        public LakeSettings build() {
            return new LakeSettings(containers, blobSoftDeleteDays, containerSoftDeleteDays, sku);
        }
    }
}
