package com.ztplatform.components.landing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Unity Catalog privileges the landing job's run-as principal needs to read the configured sources, derived
 * from the sources alone (a pure function, so the plan is testable without a workspace).
 *
 * <ul>
 *   <li>A table {@code c.s.t}: USE CATALOG on {@code c}, USE SCHEMA on {@code c.s}, SELECT on {@code c.s.t}
 *       (learn.microsoft.com/azure/databricks/data-governance/unity-catalog/manage-privileges/privileges).</li>
 *   <li>A volume path {@code /Volumes/c/s/v/...}: USE CATALOG on {@code c}, USE SCHEMA on {@code c.s}, READ VOLUME on
 *       {@code c.s.v} ("Read or list files" row of learn.microsoft.com/azure/databricks/volumes/privileges).</li>
 *   <li>Any other path (abfss://...) is read through an external location: READ FILES there is the location
 *       owner's decision, so it is reported, not granted.</li>
 * </ul>
 * Privileges are granted on the narrowest securable, never on the catalog or schema beyond USE.
 */
public final class UnityCatalogGrants {
    /** A securable kind, as the databricks_grant resource names its argument. */
    public enum Kind {
        /** A catalog (USE_CATALOG only). */
        CATALOG,
        /** A schema (USE_SCHEMA only). */
        SCHEMA,
        /** A table (SELECT). */
        TABLE,
        /** A volume (READ_VOLUME). */
        VOLUME
    }

    /**
     * One grant: privileges (provider spelling, like USE_CATALOG) on one securable.
     *
     * @param kind       the securable's kind
     * @param securable  its full name, like {@code main.sales.orders}
     * @param privileges the privileges
     */
    public record Planned(Kind kind, String securable, List<String> privileges) {
        /**
         * The grant as SQL, for messages: GRANT USE CATALOG ON CATALOG main TO `app-id`.
         *
         * @param principal the principal's application id
         * @return the statement
         */
        public String sql(String principal) {
            return "GRANT " + String.join(", ", privileges.stream().map(p -> p.replace('_', ' ')).toList()) + " ON "
                    + kind + " " + securable + " TO `" + principal + "`";
        }
    }

    /**
     * The grants, and the sources no grant can cover.
     *
     * @param grants        one grant per securable, in source order
     * @param externalPaths sources read through an external location, which only its owner can grant
     */
    public record Plan(List<Planned> grants, List<String> externalPaths) {
    }

    private static final Pattern VOLUME = Pattern.compile("^/Volumes/([^/]+)/([^/]+)/([^/]+)(/.*)?$");

    private UnityCatalogGrants() {
    }

    /**
     * The narrowest grants that let the run-as principal read the sources.
     *
     * @param sources the landing's sources
     * @return the grants and the paths no grant covers
     */
    public static Plan plan(List<LandingSource> sources) {
        // Keyed by kind and name, so a catalog or schema shared by several sources gets one grant.
        Map<String, Planned> byKey = new LinkedHashMap<>();
        List<String> external = new ArrayList<>();
        for (var s : sources) {
            if (s.table() != null) {
                var parts = s.table().split("\\.");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("sources[].table must be catalog.schema.table, like "
                            + "main.sales.orders, got '" + s.table() + "'");
                }
                add(byKey, Kind.CATALOG, parts[0], "USE_CATALOG");
                add(byKey, Kind.SCHEMA, parts[0] + "." + parts[1], "USE_SCHEMA");
                add(byKey, Kind.TABLE, s.table(), "SELECT");
            } else if (s.path() != null) {
                var m = VOLUME.matcher(s.path());
                if (m.matches()) {
                    add(byKey, Kind.CATALOG, m.group(1), "USE_CATALOG");
                    add(byKey, Kind.SCHEMA, m.group(1) + "." + m.group(2), "USE_SCHEMA");
                    add(byKey, Kind.VOLUME, m.group(1) + "." + m.group(2) + "." + m.group(3), "READ_VOLUME");
                } else {
                    external.add(s.path());
                }
            }
        }
        return new Plan(List.copyOf(byKey.values()), List.copyOf(external));
    }

    private static void add(Map<String, Planned> byKey, Kind kind, String name, String privilege) {
        byKey.compute(kind + ":" + name, (k, old) -> {
            Set<String> privileges = new LinkedHashSet<>(old == null ? List.of() : old.privileges());
            privileges.add(privilege);
            return new Planned(kind, name, List.copyOf(privileges));
        });
    }
}
