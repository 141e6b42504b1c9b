package com.ztplatform.landing.contract;

import java.util.List;
import java.util.Optional;

/**
 * The validated job parameters (see {@link JobConfigParser} for the JSON form and README.md for examples).
 *
 * @param mode    {@code direct} (OneLake) or {@code staged} (private ADLS Gen2)
 * @param target  where the data lands
 * @param auth    which identity writes it
 * @param sources what is copied, in order
 * @param runId   fixed run id (e.g. the Databricks job run id); empty = derived from the source snapshots
 */
public record JobConfig(Mode mode, Target target, Auth auth, List<Source> sources, Optional<String> runId) {

    public JobConfig {
        sources = List.copyOf(sources);
    }

    public enum Mode {
        DIRECT, STAGED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A landing target. */
    public sealed interface Target permits DirectTarget, StagedTarget {
        /** The landing root URI (no trailing slash). */
        String rootUri();

        /** The host the ABFS credentials are set for. */
        String host();
    }

    /**
     * OneLake: workspace + lakehouse (names or GUIDs) + folder under Files/, on the global endpoint or, with a
     * region, on that region's endpoint.
     */
    public record DirectTarget(String workspace, String lakehouse, String folder, String region) implements Target {
        /** On the global endpoint. */
        public DirectTarget(String workspace, String lakehouse, String folder) {
            this(workspace, lakehouse, folder, null);
        }

        @Override
        public String rootUri() {
            return LandingUris.oneLakeRoot(workspace, lakehouse, folder, region);
        }

        @Override
        public String host() {
            return LandingUris.oneLakeHost(region);
        }
    }

    /** ADLS Gen2: account + container + folder. */
    public record StagedTarget(String account, String container, String folder) implements Target {
        @Override
        public String rootUri() {
            return LandingUris.stagedRoot(account, container, folder);
        }

        @Override
        public String host() {
            return LandingUris.storageHost(account);
        }
    }

    /** Identity used for the target. */
    public sealed interface Auth permits ServicePrincipal, ManagedIdentity {
        /** Short label for reports and the manifest (no secret values). */
        String describe();
    }

    /** OAuth client credentials; all three values come from the secret scope. */
    public record ServicePrincipal(String secretScope, String tenantIdKey, String clientIdKey, String clientSecretKey)
            implements Auth {
        public List<String> keys() {
            return List.of(tenantIdKey, clientIdKey, clientSecretKey);
        }

        @Override
        public String describe() {
            return "service principal (secret scope '" + secretScope + "', keys " + keys() + ")";
        }
    }

    /** Managed identity through IMDS; tenant/client id optional (user-assigned identity: its client id). */
    public record ManagedIdentity(Optional<String> tenantId, Optional<String> clientId) implements Auth {
        @Override
        public String describe() {
            return "managed identity" + clientId.map(c -> " (client id " + c + ")").orElse("");
        }
    }

    public enum Format {
        DELTA, PARQUET, CSV;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How a CSV source is read. Every option is explicit (Spark's own defaults are not relied on silently) and the
     * defaults are the strict ones: a header line, comma, double quote, backslash escape (Spark's CSV defaults;
     * files that double the quote inside quoted fields, RFC 4180 style, need {@code escape: '"'}) and no multi-line
     * records, so a stray quote fails the read (the job reads in FAILFAST mode) instead of swallowing the rest of a
     * file into one value.
     *
     * @param header    the first line of every file is a header (default true); headers are compared across files
     * @param delimiter one-character field separator (default ',')
     * @param quote     one-character quote (default '"')
     * @param escape    one-character escape inside quoted values (default '\\')
     * @param multiLine records may span lines inside quoted values (default false)
     */
    public record CsvOptions(boolean header, String delimiter, String quote, String escape, boolean multiLine) {
        public static final CsvOptions DEFAULTS = new CsvOptions(true, ",", "\"", "\\", false);
    }

    /**
     * How a Parquet source is read.
     *
     * @param mergeSchema merge the schemas of all files (columns missing in some files read as null). Default false:
     *                    all files must have the same schema, and a file whose schema differs fails the run naming
     *                    the files and the columns. With true, added columns are accepted; a column whose type
     *                    differs between files still fails.
     */
    public record ParquetOptions(boolean mergeSchema) {
        public static final ParquetOptions DEFAULTS = new ParquetOptions(false);
    }

    /** The per-source read option keys, as the job configuration (and the stack configuration) spell them. */
    public static final java.util.Set<String> CSV_OPTION_KEYS = java.util.Set.of("header", "delimiter", "quote",
            "escape", "multiLine");
    public static final java.util.Set<String> PARQUET_OPTION_KEYS = java.util.Set.of("mergeSchema");

    /**
     * One source.
     *
     * @param table   Unity Catalog table {@code catalog.schema.table} (Delta), or {@code null}
     * @param path    volume path / URI, or {@code null}
     * @param format  delta | parquet | csv (tables: always delta)
     * @param csv     how a csv source is read; {@code null} for other formats
     * @param parquet how a parquet source is read; {@code null} for other formats
     * @param dest    destination folder name under the landing root
     */
    public record Source(String table, String path, Format format, CsvOptions csv, ParquetOptions parquet, String dest) {
        public Source {
            if ((format == Format.CSV) != (csv != null) || (format == Format.PARQUET) != (parquet != null)) {
                throw new IllegalArgumentException("csv options go with format csv and parquet options with parquet,"
                        + " got format " + format);
            }
        }

        /** The identifier used in messages and the manifest: the table name or the path. */
        public String id() {
            return table != null ? table : path;
        }

        public boolean isTable() {
            return table != null;
        }

        /** The read options as the manifest and the fingerprint record them (empty for Delta). */
        public java.util.Map<String, Object> readOptions() {
            if (csv != null) {
                return Json.ordered("header", csv.header(), "delimiter", csv.delimiter(), "quote", csv.quote(),
                        "escape", csv.escape(), "multiLine", csv.multiLine());
            }
            if (parquet != null) {
                return Json.ordered("mergeSchema", parquet.mergeSchema());
            }
            return java.util.Map.of();
        }
    }
}
