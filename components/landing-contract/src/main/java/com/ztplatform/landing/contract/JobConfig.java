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

    /**
     * Copies the sources, so a configuration cannot change after it was validated.
     *
     * @param mode    {@code direct} (OneLake) or {@code staged} (private ADLS Gen2)
     * @param target  where the data lands
     * @param auth    which identity writes it
     * @param sources what is copied, in order
     * @param runId   fixed run id; empty = derived from the source snapshots
     */
    public JobConfig {
        sources = List.copyOf(sources);
    }

    /** Where the job writes: straight into OneLake, or into a private ADLS Gen2 account that Fabric reads. */
    public enum Mode {
        /** Into the lakehouse's Files/ through OneLake's public endpoint (see {@link DirectTarget}). */
        DIRECT,
        /** Into a private ADLS Gen2 account behind private endpoints, which Fabric reads by trusted access. */
        STAGED;

        /**
         * The mode as the job parameters and the stack configuration spell it.
         *
         * @return {@code direct} or {@code staged}
         */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A landing target. */
    public sealed interface Target permits DirectTarget, StagedTarget {
        /**
         * The landing root, under which each source gets its folder and the manifests theirs.
         *
         * @return an {@code abfss://} URI without a trailing slash
         */
        String rootUri();

        /**
         * The host the ABFS credentials are set for (Hadoop's per-account {@code fs.azure.*} settings).
         *
         * @return a host name, like {@code onelake.dfs.fabric.microsoft.com}
         */
        String host();
    }

    /**
     * OneLake: workspace + lakehouse (names or GUIDs) + folder under Files/, on the global endpoint or, with a
     * region, on that region's endpoint.
     *
     * @param workspace the Fabric workspace, by name or GUID
     * @param lakehouse the lakehouse, by name or GUID (a GUID only together with a workspace GUID)
     * @param folder    the folder under the lakehouse, starting with {@code Files/}; {@code null} means
     *                  {@value LandingUris#DEFAULT_DIRECT_FOLDER}
     * @param region    the capacity's region for the regional endpoint (data residency), or {@code null} for the
     *                  global endpoint
     */
    public record DirectTarget(String workspace, String lakehouse, String folder, String region) implements Target {
        /**
         * On the global endpoint.
         *
         * @param workspace the Fabric workspace, by name or GUID
         * @param lakehouse the lakehouse, by name or GUID
         * @param folder    the folder under the lakehouse, or {@code null} for the default
         */
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

    /**
     * ADLS Gen2: account + container + folder.
     *
     * @param account   the storage account name (3-24 lowercase letters and digits)
     * @param container the container
     * @param folder    the folder in the container; {@code null} means {@value LandingUris#DEFAULT_STAGED_FOLDER}
     */
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
        /**
         * Short label for reports and the manifest.
         *
         * @return the kind of identity and where its values come from; never a secret value
         */
        String describe();
    }

    /**
     * OAuth client credentials; all three values come from the secret scope, so none is in the job's parameters.
     *
     * @param secretScope     the Databricks secret scope (Key Vault-backed)
     * @param tenantIdKey     the scope key holding the tenant id
     * @param clientIdKey     the scope key holding the client id
     * @param clientSecretKey the scope key holding the client secret
     */
    public record ServicePrincipal(String secretScope, String tenantIdKey, String clientIdKey, String clientSecretKey)
            implements Auth {
        /**
         * The scope keys the job reads, for the access check before the run and for messages.
         *
         * @return tenant id, client id and client secret keys, in that order
         */
        public List<String> keys() {
            return List.of(tenantIdKey, clientIdKey, clientSecretKey);
        }

        @Override
        public String describe() {
            return "service principal (secret scope '" + secretScope + "', keys " + keys() + ")";
        }
    }

    /**
     * Managed identity through IMDS; tenant/client id optional (user-assigned identity: its client id).
     *
     * @param tenantId the tenant, when the token must come from a specific one; empty: the identity's own
     * @param clientId a user-assigned identity's client id; empty: the system-assigned identity
     */
    public record ManagedIdentity(Optional<String> tenantId, Optional<String> clientId) implements Auth {
        @Override
        public String describe() {
            return "managed identity" + clientId.map(c -> " (client id " + c + ")").orElse("");
        }
    }

    /** How a source is read. */
    public enum Format {
        /** A Delta table or folder (Unity Catalog tables are always Delta). */
        DELTA,
        /** Parquet files, read with {@link ParquetOptions}. */
        PARQUET,
        /** CSV files, read with {@link CsvOptions}. */
        CSV;

        /**
         * The format as the job parameters spell it.
         *
         * @return {@code delta}, {@code parquet} or {@code csv}
         */
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
        /** The strict defaults listed above: header, comma, double quote, backslash, single-line records. */
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
        /** One schema for all files ({@code mergeSchema} false). */
        public static final ParquetOptions DEFAULTS = new ParquetOptions(false);
    }

    /** The CSV read option keys, as the job configuration (and the stack configuration) spell them. */
    public static final java.util.Set<String> CSV_OPTION_KEYS = java.util.Set.of("header", "delimiter", "quote",
            "escape", "multiLine");
    /** The Parquet read option keys, as the job configuration (and the stack configuration) spell them. */
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
        /**
         * Checks that read options come only with their format.
         *
         * @param table   Unity Catalog table, or {@code null}
         * @param path    volume path / URI, or {@code null}
         * @param format  the format
         * @param csv     CSV options, exactly when the format is CSV
         * @param parquet Parquet options, exactly when the format is Parquet
         * @param dest    destination folder name under the landing root
         * @throws IllegalArgumentException when options and format do not match
         */
        public Source {
            if ((format == Format.CSV) != (csv != null) || (format == Format.PARQUET) != (parquet != null)) {
                throw new IllegalArgumentException("csv options go with format csv and parquet options with parquet,"
                        + " got format " + format);
            }
        }

        /**
         * The identifier used in messages and the manifest.
         *
         * @return the table name, or the path when the source is files
         */
        public String id() {
            return table != null ? table : path;
        }

        /**
         * Whether the source is a Unity Catalog table (read by name, with the run-as principal's grants) rather than
         * files.
         *
         * @return true for a table
         */
        public boolean isTable() {
            return table != null;
        }

        /**
         * The read options as the manifest and the fingerprint record them.
         *
         * @return the options in a fixed key order; empty for Delta
         */
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
