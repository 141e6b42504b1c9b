package com.ztplatform.components.unitycatalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Unity Catalog settings of one stack, as plain data (the stack's {@code unityCatalog} section).
 *
 * <p>Databricks allows one metastore per region per account, and dev and prod of one region share it: so either
 * the stack creates the region's metastore (one stack per region does) or names it with
 * {@code existingMetastoreId}, and every metastore-level name this stack creates carries its environment
 * ({@link #catalogName}, {@link #externalLocationName}, {@link #storageCredentialName}) so two stacks never collide.
 *
 * @param existingMetastoreId the region's metastore when another stack (or the account admins) created it; default:
 *                            none, this stack creates the metastore
 * @param catalogs            the environment's catalogs; default: none
 * @param allowAccountUsers   whether a grant may name {@code account users} or {@code users}, the groups of
 *                            everyone; default {@code false}: such a grant is refused (nothing is granted to
 *                            everyone by default, and not by accident either)
 */
public record UnityCatalogSettings(Optional<String> existingMetastoreId, List<CatalogSpec> catalogs,
                                   boolean allowAccountUsers) {
    /** The groups every user of the account (or of a workspace) is in. */
    public static final Set<String> EVERYONE = Set.of("account users", "users");
    /**
     * Unity Catalog privileges a grant may name
     * (https://learn.microsoft.com/azure/databricks/data-governance/unity-catalog/manage-privileges/privileges).
     */
    public static final Set<String> PRIVILEGES = Set.of("ALL_PRIVILEGES", "APPLY_TAG", "BROWSE", "CREATE_FUNCTION",
            "CREATE_MATERIALIZED_VIEW", "CREATE_MODEL", "CREATE_SCHEMA", "CREATE_TABLE", "CREATE_VOLUME", "EXECUTE",
            "MANAGE", "MODIFY", "READ_VOLUME", "REFRESH", "SELECT", "USE_CATALOG", "USE_SCHEMA", "WRITE_VOLUME");
    /** Privileges that exist on a catalog but not on a schema. */
    public static final Set<String> CATALOG_ONLY = Set.of("USE_CATALOG", "CREATE_SCHEMA");
    /** The isolation mode of every catalog: reachable only from the workspaces it is bound to. */
    public static final String ISOLATION_MODE = "ISOLATED";
    /**
     * The storage credential's and the external locations' isolation mode: usable only from the workspaces bound
     * to them, so the other environment's workspaces on the shared metastore cannot use this lake's credential
     * (learn.microsoft.com/azure/databricks/catalogs/binding).
     */
    public static final String STORAGE_ISOLATION_MODE = "ISOLATION_MODE_ISOLATED";
    static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    /**
     * The configured name of the Delta Sharing catalog ({@code <environment>_sharing}), which the program creates on
     * the sharing account when Delta Sharing has recipients; reserved, so no lake catalog can take it.
     */
    public static final String SHARING_CATALOG = "sharing";
    static final Pattern METASTORE_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /**
     * A principal (group, user or service principal application id) and what it may do.
     *
     * @param principal  like data-engineers
     * @param privileges Unity Catalog privileges, like USE_CATALOG or SELECT
     */
    public record GrantSpec(String principal, List<String> privileges) {
        /**
         * Copies the privileges.
         *
         * @param principal  the group, user or application id
         * @param privileges the privileges
         */
        public GrantSpec {
            privileges = List.copyOf(privileges);
        }
    }

    /**
     * A schema of a catalog with its grants (default: none).
     *
     * @param name   the schema's name, like curated
     * @param grants schema-level grants; default: none
     */
    public record SchemaSpec(String name, List<GrantSpec> grants) {
        /**
         * Copies the grants.
         *
         * @param name   the schema's name
         * @param grants schema-level grants
         */
        public SchemaSpec {
            grants = List.copyOf(grants);
        }
    }

    /**
     * A catalog of this environment.
     *
     * @param name       the name as configured, like {@code sales}; the catalog is {@code <environment>_<name>}
     * @param container  the lake container of its managed storage; default: the container named like the catalog
     * @param workspaces the workload workspaces (spoke names) it is bound to; default: every workload workspace
     * @param grants     catalog-level grants; default: none
     * @param schemas    its schemas; default: none
     */
    public record CatalogSpec(String name, Optional<String> container, List<String> workspaces, List<GrantSpec> grants,
                              List<SchemaSpec> schemas) {
        /**
         * Copies the lists; {@code container} must not be null (empty for the default).
         *
         * @param name       the configured name
         * @param container  the lake container, or empty for the container named like the catalog
         * @param workspaces the bound workspaces
         * @param grants     catalog-level grants
         * @param schemas    the schemas
         */
        public CatalogSpec {
            Objects.requireNonNull(container, "container");
            workspaces = List.copyOf(workspaces);
            grants = List.copyOf(grants);
            schemas = List.copyOf(schemas);
        }

        /**
         * The container of the catalog's managed storage.
         *
         * @return the configured container, or the catalog's configured name
         */
        public String containerOrDefault() {
            return container.orElse(name);
        }
    }

    /**
     * Copies the catalogs; {@code existingMetastoreId} must not be null (empty when this stack creates it).
     *
     * @param existingMetastoreId the region's metastore created elsewhere, or empty
     * @param catalogs            the environment's catalogs
     * @param allowAccountUsers   whether grants may name the account-wide user groups
     */
    public UnityCatalogSettings {
        Objects.requireNonNull(existingMetastoreId, "existingMetastoreId");
        catalogs = List.copyOf(catalogs);
    }

    /**
     * Whether this stack creates the region's metastore.
     *
     * @return true when no {@code existingMetastoreId} is set
     */
    public boolean createsMetastore() {
        return existingMetastoreId.isEmpty();
    }

    /**
     * The catalog's name in the metastore, shared by all environments of the region: {@code dev_sales}.
     *
     * @param environment the environment, like dev
     * @param name        the configured name, like sales
     * @return the metastore name, like dev_sales
     */
    public static String catalogName(String environment, String name) {
        return environment + "_" + name;
    }

    /**
     * The external location of one lake container: {@code ztp_dev_bronze}.
     *
     * @param prefix      the naming prefix, like ztp (hyphens become underscores)
     * @param environment the environment, like dev
     * @param container   the lake container, like bronze
     * @return the name, like ztp_dev_bronze
     */
    public static String externalLocationName(String prefix, String environment, String container) {
        return (prefix + "_" + environment + "_" + container).replace('-', '_');
    }

    /**
     * The storage credential on the lake's access connector: {@code ztp_dev_lake}.
     *
     * @param prefix      the naming prefix, like ztp
     * @param environment the environment, like dev
     * @return the name, like ztp_dev_lake
     */
    public static String storageCredentialName(String prefix, String environment) {
        return prefix + "_" + environment + "_lake";
    }

    /**
     * The region's metastore, when this stack creates it: {@code ztp-westeurope} (no environment: it is shared).
     *
     * @param prefix the naming prefix, like ztp
     * @param region the region, like westeurope
     * @return the name, like ztp-westeurope
     */
    public static String metastoreName(String prefix, String region) {
        return prefix + "-" + region;
    }

    /**
     * Every problem, each naming its key under {@code path} and a valid example.
     *
     * @param workspaces the workload workspaces (spoke names) catalogs may be bound to
     * @param path prefix of every message, like zt-databricks:unityCatalog
     * @return the problems; empty when valid
     */
    public List<String> problems(String path, List<String> workspaces) {
        var problems = new ArrayList<String>();
        existingMetastoreId.filter(id -> !METASTORE_ID.matcher(id).matches()).ifPresent(id -> problems.add(path
                + ".existingMetastoreId must be a metastore id (a UUID from the account console), like "
                + "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9, got '" + id + "'"));
        var seen = new HashSet<String>();
        for (int i = 0; i < catalogs.size(); i++) {
            var catalog = catalogs.get(i);
            var at = path + ".catalogs[" + i + "]";
            if (!NAME.matcher(catalog.name()).matches()) {
                problems.add(at + ".name must be 1-63 lowercase letters, digits or '_' starting with a letter, like "
                        + "sales, got '" + catalog.name() + "'");
            } else if (!seen.add(catalog.name())) {
                problems.add(at + ".name '" + catalog.name() + "' is used twice; catalog names must be unique, like "
                        + "sales and finance");
            } else if (SHARING_CATALOG.equals(catalog.name())) {
                problems.add(at + ".name '" + SHARING_CATALOG + "' is reserved for the Delta Sharing catalog the "
                        + "program creates on the sharing account; name the lake catalog otherwise, like sales");
            }
            for (var ws : catalog.workspaces()) {
                if (!workspaces.contains(ws)) {
                    problems.add(at + ".workspaces must name workload spokes, one of " + (workspaces.isEmpty()
                            ? "(no spokes)" : String.join(", ", workspaces)) + ", got '" + ws + "'");
                }
            }
            grantProblems(at + ".grants", catalog.grants(), true, problems);
            var schemaNames = new HashSet<String>();
            for (int j = 0; j < catalog.schemas().size(); j++) {
                var schema = catalog.schemas().get(j);
                var sat = at + ".schemas[" + j + "]";
                if (!NAME.matcher(schema.name()).matches()) {
                    problems.add(sat + ".name must be 1-63 lowercase letters, digits or '_' starting with a letter, "
                            + "like orders, got '" + schema.name() + "'");
                } else if (!schemaNames.add(schema.name())) {
                    problems.add(sat + ".name '" + schema.name() + "' is used twice in catalog " + catalog.name());
                }
                grantProblems(sat + ".grants", schema.grants(), false, problems);
            }
        }
        return problems;
    }

    private void grantProblems(String at, List<GrantSpec> grants, boolean onCatalog, List<String> problems) {
        var principals = new HashSet<String>();
        for (int k = 0; k < grants.size(); k++) {
            var grant = grants.get(k);
            var gat = at + "[" + k + "]";
            if (grant.principal() == null || grant.principal().isBlank()) {
                problems.add(gat + ".principal is required: a group, like data-engineers");
                continue;
            }
            if (!principals.add(grant.principal())) {
                problems.add(gat + ".principal '" + grant.principal() + "' is listed twice; put all its privileges in "
                        + "one entry, like {principal: data-engineers, privileges: [USE_CATALOG, SELECT]}");
            }
            if (!allowAccountUsers && EVERYONE.contains(grant.principal().toLowerCase(Locale.ROOT))) {
                problems.add(gat + ".principal '" + grant.principal() + "' is everyone in the account: grant to a "
                        + "group, like data-engineers (or set allowAccountUsers: true if everyone really may)");
            }
            if (grant.privileges().isEmpty()) {
                problems.add(gat + ".privileges must name at least one privilege, like [USE_CATALOG, SELECT]");
            }
            for (var privilege : grant.privileges()) {
                if (!PRIVILEGES.contains(privilege)) {
                    problems.add(gat + ".privileges: '" + privilege + "' is not a Unity Catalog privilege; one of "
                            + String.join(", ", PRIVILEGES.stream().sorted().toList()));
                } else if (!onCatalog && CATALOG_ONLY.contains(privilege)) {
                    problems.add(gat + ".privileges: " + privilege + " is granted on the catalog, not a schema; move "
                            + "it to the catalog's grants, like {principal: " + grant.principal() + ", privileges: ["
                            + privilege + "]}");
                }
            }
        }
    }
}
