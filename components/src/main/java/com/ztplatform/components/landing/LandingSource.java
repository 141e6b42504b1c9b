package com.ztplatform.components.landing;

import com.ztplatform.landing.contract.JobConfig;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One source the landing job mirrors.
 *
 * @param table   a Unity Catalog table, like main.sales.orders (Delta; read at a pinned version); or null
 * @param path    a volume or storage path, like /Volumes/main/raw/exports/orders; or null
 * @param format  delta, parquet or csv (paths only; tables are Delta)
 * @param dest    the folder name under the landing root, like orders
 * @param options read options given for this source, by the job configuration's names
 *                ({@link JobConfig#CSV_OPTION_KEYS} for csv, {@link JobConfig#PARQUET_OPTION_KEYS} for parquet);
 *                what is not given takes the job's documented defaults ({@link JobConfig.CsvOptions#DEFAULTS},
 *                {@link JobConfig.ParquetOptions#DEFAULTS}). The job's own parser validates them.
 */
public record LandingSource(String table, String path, String format, String dest, Map<String, Object> options) {
    /** The formats a source may have, as the job parameters spell them. */
    public static final Set<String> FORMATS = Set.of("delta", "parquet", "csv");

    /**
     * Keeps the options sorted, so the job configuration is the same from run to run.
     *
     * @param table   a Unity Catalog table, or null
     * @param path    a volume or storage path, or null
     * @param format  delta, parquet or csv
     * @param dest    the folder name under the landing root
     * @param options read options, or null for none
     */
    public LandingSource {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /**
     * A source with the job's default read options.
     *
     * @param table  a Unity Catalog table, or null
     * @param path   a volume or storage path, or null
     * @param format delta, parquet or csv
     * @param dest   the folder name under the landing root
     */
    public LandingSource(String table, String path, String format, String dest) {
        this(table, path, format, dest, Map.of());
    }

    /**
     * A Unity Catalog table (Delta, read at a pinned version).
     *
     * @param table like {@code main.sales.orders}
     * @param dest  the folder name under the landing root
     * @return the source
     */
    public static LandingSource table(String table, String dest) {
        return new LandingSource(table, null, "delta", dest);
    }

    /**
     * Files under a volume or storage path.
     *
     * @param path   like {@code /Volumes/main/raw/exports/orders}
     * @param format delta, parquet or csv (any case; stored lower-case)
     * @param dest   the folder name under the landing root
     * @return the source
     */
    public static LandingSource path(String path, String format, String dest) {
        return new LandingSource(null, path, format == null ? null : format.toLowerCase(Locale.ROOT), dest);
    }
}
