package com.ztplatform.components.firewall;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * The Azure Databricks egress catalogue shipped with this module: per region, the control-plane addresses and
 * host names Databricks clusters must reach, each with a {@link Status} and its sources. Built from
 * a facts file of documented values by components/catalogue/build_egress_catalogue.py (see its README) and
 * read once from the classpath. Immutable.
 */
public final class EgressCatalogue {

    static final String RESOURCE = "databricks-egress-catalogue.json";

    /** Where a value is to be confirmed by hand. */
    public static final String CONFIRM_AT = "https://learn.microsoft.com/azure/databricks/resources/ip-domain-region";

    /**
     * Field: the control-plane web application's IPs, allowed on 443 and 8443-8451 unless Private Link carries them.
     */
    public static final String WEBAPP_IPS = "webappIps";
    /** Field: the secure cluster connectivity (SCC) relay host names, like tunnel.westeurope.azuredatabricks.net. */
    public static final String SCC_RELAY_FQDNS = "sccRelayFqdns";
    /** Field: the SCC relay's IPs; recorded for reference, the rules use {@link #SCC_RELAY_FQDNS} instead. */
    public static final String SCC_RELAY_IPS = "sccRelayIps";
    /** Field: the extended infrastructure IP range of the region, allowed on 443 in every mode. */
    public static final String EXTENDED_INFRASTRUCTURE_IPS = "extendedInfrastructureIps";
    /**
     * Field: the legacy Hive metastore's MySQL host names (TCP 3306), used only when the legacy metastore is allowed.
     */
    public static final String LEGACY_METASTORE_FQDNS = "legacyMetastoreFqdns";
    /**
     * Field: the primary artifact storage accounts (Databricks Runtime images), like
     * dbartifactsprodwesteu.blob.core.windows.net.
     */
    public static final String ARTIFACT_PRIMARY_FQDNS = "artifactStoragePrimaryFqdns";
    /** Field: the secondary (paired-region) artifact storage accounts. */
    public static final String ARTIFACT_SECONDARY_FQDNS = "artifactStorageSecondaryFqdns";
    /** Field: the storage accounts clusters ship their logs to, like dblogprodwesteurope.blob.core.windows.net. */
    public static final String LOG_STORAGE_FQDNS = "logBlobStorageFqdns";
    /** Field: the Event Hub namespaces Databricks ships telemetry to over Kafka (port 9093). */
    public static final String EVENT_HUB_FQDNS = "eventHubFqdns";
    /** Field: the storage accounts holding Unity Catalog system tables, like ucstprdwesteu.dfs.core.windows.net. */
    public static final String SYSTEM_TABLES_FQDNS = "systemTablesStorageFqdns";

    /** Every per-region field, in catalogue order. */
    public static final List<String> FIELDS = List.of(WEBAPP_IPS, SCC_RELAY_FQDNS, SCC_RELAY_IPS,
            EXTENDED_INFRASTRUCTURE_IPS, LEGACY_METASTORE_FQDNS, ARTIFACT_PRIMARY_FQDNS, ARTIFACT_SECONDARY_FQDNS,
            LOG_STORAGE_FQDNS, EVENT_HUB_FQDNS, SYSTEM_TABLES_FQDNS);

    /**
     * True for fields holding IPv4 CIDRs; the others hold FQDNs.
     *
     * @param field one of {@link #FIELDS}
     * @return true for the fields whose name ends in Ips
     */
    public static boolean isIpField(String field) {
        return field.endsWith("Ips");
    }

    /**
     * How far a catalogue value can be trusted; generation refuses a field the rules need unless it is
     * {@link #VERIFIED} or the stack overrides it ({@code firewall.regionOverrides}).
     */
    public enum Status {
        /** Present and not flagged in the source facts. */
        VERIFIED,
        /** Present but flagged (third-party source, suspected error): confirm before use. */
        UNVERIFIED,
        /** No value in the source facts. */
        MISSING;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One catalogue field of one region.
     *
     * @param values    the addresses or host names; empty when missing
     * @param status    how far the values can be trusted
     * @param sources   where the values come from (documentation URLs)
     * @param note      why the field is flagged or missing, or null
     * @param candidate a pattern-derived guess, only for a missing value; never a value
     */
    public record Field(List<String> values, Status status, List<String> sources, @Nullable String note,
                        @Nullable String candidate) {
        /**
         * Copies the lists.
         *
         * @param values    the addresses or host names
         * @param status    how far the values can be trusted
         * @param sources   where the values come from
         * @param note      why the field is flagged or missing, or null
         * @param candidate a guess for a missing value, or null
         */
        public Field {
            values = List.copyOf(values);
            sources = List.copyOf(sources);
        }
    }

    /**
     * One region of the catalogue.
     *
     * @param region           the Azure location, like westeurope
     * @param serviceTagRegion the regional service-tag suffix, like WestEurope in Storage.WestEurope
     * @param fields           field name (one of {@link #FIELDS}) to field; a field may be absent
     */
    public record RegionEntry(String region, String serviceTagRegion, Map<String, Field> fields) {
        /**
         * Copies the fields, keeping their order.
         *
         * @param region           the Azure location
         * @param serviceTagRegion the regional service-tag suffix
         * @param fields           field name to field
         */
        public RegionEntry {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /**
         * The field (MISSING with no values when the catalogue lacks it); names are the constants above.
         *
         * @param name one of {@link #FIELDS}, like {@link #SYSTEM_TABLES_FQDNS}
         * @return the field
         * @throws IllegalArgumentException for a name that is not a catalogue field
         */
        public Field field(String name) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown catalogue field '" + name + "'; use one of " + FIELDS);
            }
            Field field = fields.get(name);
            return field != null ? field : new Field(List.of(), Status.MISSING, List.of(), null, null);
        }
    }

    /**
     * A package repository's allowed host names (never wildcards unless the catalogue has only wildcards).
     *
     * @param fqdns   host names to allow on HTTPS, like pypi.org
     * @param sources where the host names are documented
     * @param note    a caveat for reviewers, or null
     */
    public record PackageRepositoryEntry(List<String> fqdns, List<String> sources, @Nullable String note) {
        /**
         * Copies the lists.
         *
         * @param fqdns   host names to allow on HTTPS
         * @param sources where the host names are documented
         * @param note    a caveat, or null
         */
        public PackageRepositoryEntry {
            fqdns = List.copyOf(fqdns);
            sources = List.copyOf(sources);
        }
    }

    private static final class Shipped {
        static final EgressCatalogue INSTANCE = readShipped();
    }

    private final String version;
    private final Map<String, RegionEntry> regions;
    private final Map<PackageRepository, PackageRepositoryEntry> packageRepositories;
    private final List<String> entraIdFqdns;
    private final List<String> entraIdSources;
    private final Map<String, List<String>> ports;
    private final List<String> portSources;

    private EgressCatalogue(String version, Map<String, RegionEntry> regions,
                            Map<PackageRepository, PackageRepositoryEntry> packageRepositories, List<String> entraIdFqdns,
                            List<String> entraIdSources, Map<String, List<String>> ports, List<String> portSources) {
        this.version = version;
        this.regions = Collections.unmodifiableMap(regions);
        this.packageRepositories = Collections.unmodifiableMap(packageRepositories);
        this.entraIdFqdns = List.copyOf(entraIdFqdns);
        this.entraIdSources = List.copyOf(entraIdSources);
        this.ports = Collections.unmodifiableMap(ports);
        this.portSources = List.copyOf(portSources);
    }

    /**
     * The catalogue shipped in this jar, read once.
     *
     * @return the catalogue
     * @throws IllegalStateException when the resource is missing or malformed
     */
    public static EgressCatalogue load() {
        return Shipped.INSTANCE;
    }

    /**
     * Parses catalogue JSON in the shipped format (for tests and tools).
     *
     * @param json the catalogue JSON
     * @return the catalogue
     * @throws IllegalStateException when the JSON is malformed
     */
    public static EgressCatalogue fromJson(String json) {
        return parse(new StringReader(json));
    }

    /**
     * {@code meta.generated} of the facts the catalogue was built from, like 2026-11-23.
     *
     * @return the catalogue version, named in problem messages
     */
    public String version() {
        return version;
    }

    /**
     * The region's entry; names are Azure locations like westeurope.
     *
     * @param region the location, like westeurope; null gives empty
     * @return the entry, or empty for a region the catalogue does not have
     */
    public Optional<RegionEntry> region(String region) {
        return Optional.ofNullable(region == null ? null : regions.get(region));
    }

    /**
     * Every region, sorted.
     *
     * @return Azure locations like westeurope
     */
    public List<String> regions() {
        return List.copyOf(regions.keySet());
    }

    /**
     * A package repository's entry.
     *
     * @param repository the repository
     * @return its host names and sources
     * @throws IllegalStateException when the catalogue lacks the repository (regenerate the catalogue)
     */
    public PackageRepositoryEntry packageRepository(PackageRepository repository) {
        PackageRepositoryEntry entry = packageRepositories.get(repository);
        if (entry == null) {
            throw new IllegalStateException("the egress catalogue " + version + " has no package repository '"
                    + repository.configName() + "'; regenerate it with components/catalogue/build_egress_catalogue.py");
        }
        return entry;
    }

    /**
     * Entra ID hosts OAuth token requests go to (login.microsoftonline.com).
     *
     * @return the host names, allowed on Https:443
     */
    public List<String> entraIdFqdns() {
        return entraIdFqdns;
    }

    /**
     * Where the Entra ID host names are documented.
     *
     * @return documentation URLs
     */
    public List<String> entraIdSources() {
        return entraIdSources;
    }

    /**
     * databricksCommon.firewallPorts, like webappIps -> [443, 8443-8451].
     *
     * @return field name to ports or ranges
     */
    public Map<String, List<String>> ports() {
        return ports;
    }

    /**
     * Where the firewall ports are documented.
     *
     * @return documentation URLs
     */
    public List<String> portSources() {
        return portSources;
    }

    private static EgressCatalogue readShipped() {
        try (InputStream in = EgressCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing next to "
                        + EgressCatalogue.class.getName() + "; build it with components/catalogue/build_egress_catalogue.py");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static EgressCatalogue parse(Reader reader) {
        JsonObject root;
        try {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Databricks egress catalogue is not a JSON object: " + e.getMessage(), e);
        }
        try {
            String version = string(root, "catalogueVersion");
            if (version == null) {
                throw new IllegalStateException("catalogueVersion is missing");
            }
            Map<String, RegionEntry> regions = new TreeMap<>();
            for (Map.Entry<String, JsonElement> e : object(root, "regions").entrySet()) {
                regions.put(e.getKey(), region(e.getKey(), e.getValue().getAsJsonObject()));
            }
            Map<PackageRepository, PackageRepositoryEntry> repos = new EnumMap<>(PackageRepository.class);
            JsonObject repoJson = object(root, "packageRepositories");
            for (PackageRepository repository : PackageRepository.values()) {
                JsonObject r = repoJson.has(repository.configName())
                        ? repoJson.getAsJsonObject(repository.configName()) : null;
                if (r != null) {
                    repos.put(repository, new PackageRepositoryEntry(strings(r, "fqdns"), strings(r, "sources"),
                            string(r, "note")));
                }
            }
            JsonObject entra = object(root, "entraId");
            Map<String, List<String>> ports = new TreeMap<>();
            JsonObject portsJson = object(root, "ports");
            for (Map.Entry<String, JsonElement> e : object(portsJson, "value").entrySet()) {
                ports.put(e.getKey(), List.copyOf(strings(e.getValue().getAsJsonArray())));
            }
            return new EgressCatalogue(version, regions, repos, strings(entra, "fqdns"), strings(entra, "sources"),
                    ports, strings(portsJson, "sources"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Databricks egress catalogue is malformed: " + e.getMessage(), e);
        }
    }

    private static RegionEntry region(String name, JsonObject json) {
        Map<String, Field> fields = new LinkedHashMap<>();
        JsonObject fieldsJson = object(json, "fields");
        for (String field : FIELDS) {
            if (fieldsJson.has(field)) {
                JsonObject f = fieldsJson.getAsJsonObject(field);
                String statusText = string(f, "status");
                Status status = null;
                for (Status s : Status.values()) {
                    if (s.jsonName().equals(statusText)) {
                        status = s;
                    }
                }
                if (status == null) {
                    throw new IllegalStateException("regions." + name + ".fields." + field + ".status '" + statusText
                            + "' is not verified, unverified or missing");
                }
                fields.put(field, new Field(strings(f, "values"), status, strings(f, "sources"), string(f, "note"),
                        string(f, "candidate")));
            }
        }
        String tagRegion = string(json, "serviceTagRegion");
        if (tagRegion == null) {
            throw new IllegalStateException("regions." + name + ".serviceTagRegion is missing");
        }
        return new RegionEntry(name, tagRegion, fields);
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalStateException("'" + key + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    @Nullable
    private static String string(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static List<String> strings(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e == null || e.isJsonNull() ? List.of() : strings(e.getAsJsonArray());
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>(array.size());
        for (JsonElement e : array) {
            out.add(e.getAsString());
        }
        return List.copyOf(out);
    }
}
