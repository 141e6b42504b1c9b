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
    public static final Set<String> FORMATS = Set.of("delta", "parquet", "csv");

    public LandingSource {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public LandingSource(String table, String path, String format, String dest) {
        this(table, path, format, dest, Map.of());
    }

    public static LandingSource table(String table, String dest) {
        return new LandingSource(table, null, "delta", dest);
    }

    public static LandingSource path(String path, String format, String dest) {
        return new LandingSource(null, path, format == null ? null : format.toLowerCase(Locale.ROOT), dest);
    }
}
