package com.ztplatform.components.landing;

import java.util.Locale;
import java.util.Set;

/**
 * One source the landing job mirrors.
 *
 * @param table  a Unity Catalog table, like main.sales.orders (Delta; read at a pinned version); or null
 * @param path   a volume or storage path, like /Volumes/main/raw/exports/orders; or null
 * @param format delta, parquet or csv (paths only; tables are Delta)
 * @param dest   the folder name under the landing root, like orders
 */
public record LandingSource(String table, String path, String format, String dest) {
    public static final Set<String> FORMATS = Set.of("delta", "parquet", "csv");

    public static LandingSource table(String table, String dest) {
        return new LandingSource(table, null, "delta", dest);
    }

    public static LandingSource path(String path, String format, String dest) {
        return new LandingSource(null, path, format == null ? null : format.toLowerCase(Locale.ROOT), dest);
    }
}
