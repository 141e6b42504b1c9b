package com.ztplatform.landing;

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

    /** OneLake: workspace + lakehouse (names or GUIDs) + folder under Files/. */
    public record DirectTarget(String workspace, String lakehouse, String folder) implements Target {
        @Override
        public String rootUri() {
            return LandingUris.oneLakeRoot(workspace, lakehouse, folder);
        }

        @Override
        public String host() {
            return LandingUris.ONELAKE_HOST;
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
        AbfsAuthConfig abfsAuth(String host) {
            return AbfsAuthConfig.managedIdentity(host, tenantId.orElse(null), clientId.orElse(null));
        }

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
     * One source.
     *
     * @param table     Unity Catalog table {@code catalog.schema.table} (Delta), or {@code null}
     * @param path      volume path / URI, or {@code null}
     * @param format    delta | parquet | csv (tables: always delta)
     * @param csvHeader csv: first line is a header (default true)
     * @param csvDelimiter csv: one-character field delimiter (default ',')
     * @param dest      destination folder name under the landing root
     */
    public record Source(String table, String path, Format format, boolean csvHeader, String csvDelimiter, String dest) {
        /** The identifier used in messages and the manifest: the table name or the path. */
        public String id() {
            return table != null ? table : path;
        }

        public boolean isTable() {
            return table != null;
        }
    }
}
