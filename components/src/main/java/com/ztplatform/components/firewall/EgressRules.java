package com.ztplatform.components.firewall;

import static com.ztplatform.components.firewall.EgressCatalogue.ARTIFACT_PRIMARY_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.ARTIFACT_SECONDARY_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.EVENT_HUB_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.EXTENDED_INFRASTRUCTURE_IPS;
import static com.ztplatform.components.firewall.EgressCatalogue.LEGACY_METASTORE_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.LOG_STORAGE_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.SCC_RELAY_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.SCC_RELAY_IPS;
import static com.ztplatform.components.firewall.EgressCatalogue.SYSTEM_TABLES_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.WEBAPP_IPS;

import com.ztplatform.components.firewall.EgressCatalogue.Field;
import com.ztplatform.components.firewall.EgressCatalogue.RegionEntry;
import com.ztplatform.components.firewall.EgressCatalogue.Status;
import com.ztplatform.components.firewall.FirewallRule.ApplicationRule;
import com.ztplatform.components.firewall.FirewallRule.NetworkRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Generates the egress allowlist of the Azure Firewall policy as plain data (no Pulumi): the Databricks control
 * plane of one region from the {@link EgressCatalogue}, Entra ID, other components' {@link RuleContribution}s and
 * opted-in package repositories. Everything not allowed here is denied by the policy.
 *
 * <p>Priority layout (group / collection):
 * <pre>
 *   100 rcg-databricks-control-plane
 *         110 databricks-app   application rules (fqdn mode only)
 *         120 databricks-net   network rules
 *   200 rcg-entra-id
 *         210 entra-id         login.microsoftonline.com Https:443
 *   300 rcg-contributions      only with contributions
 *         310, 320, ...        &lt;owner&gt;-&lt;name&gt;, sorted by that name
 *   400 rcg-package-repositories   only when a repository is opted in
 *         410 package-repositories one rule per repository
 * </pre>
 * Every generated rule has source group {@link SourceGroups#DATABRICKS}; destinations are sorted and
 * de-duplicated. Validate with {@link #problems(EgressCatalogue, EgressRuleOptions)} and
 * {@link #contributionProblems} before {@link #generate}, which refuses what they report.
 */
public final class EgressRules {

    /** Name of the rule collection group holding the Databricks control-plane rules. */
    public static final String CONTROL_PLANE_GROUP = "rcg-databricks-control-plane";
    /** Priority of {@link #CONTROL_PLANE_GROUP}: evaluated first. */
    public static final int CONTROL_PLANE_GROUP_PRIORITY = 100;
    /**
     * Application rule collection of the control plane (artifact, log and system-table storage, Event Hub, SCC relay).
     */
    public static final String DATABRICKS_APP_COLLECTION = "databricks-app";
    /** Priority of {@link #DATABRICKS_APP_COLLECTION} within {@link #CONTROL_PLANE_GROUP}. */
    public static final int DATABRICKS_APP_PRIORITY = 110;
    /** Network rule collection of the control plane (web app, SCC relay and extended infrastructure IPs, metastore). */
    public static final String DATABRICKS_NET_COLLECTION = "databricks-net";
    /** Priority of {@link #DATABRICKS_NET_COLLECTION} within {@link #CONTROL_PLANE_GROUP}. */
    public static final int DATABRICKS_NET_PRIORITY = 120;

    /** Name of the rule collection group allowing Entra ID sign-in (login.microsoftonline.com). */
    public static final String ENTRA_GROUP = "rcg-entra-id";
    /** Priority of {@link #ENTRA_GROUP}. */
    public static final int ENTRA_GROUP_PRIORITY = 200;
    /** The one collection of {@link #ENTRA_GROUP}. */
    public static final String ENTRA_COLLECTION = "entra-id";
    /** Priority of {@link #ENTRA_COLLECTION} within {@link #ENTRA_GROUP}. */
    public static final int ENTRA_PRIORITY = 210;

    /** Name of the group holding other components' {@link RuleContribution}s; only created when there is one. */
    public static final String CONTRIBUTIONS_GROUP = "rcg-contributions";
    /** Priority of {@link #CONTRIBUTIONS_GROUP}. */
    public static final int CONTRIBUTIONS_GROUP_PRIORITY = 300;
    /**
     * Priority of the first contributed collection (sorted by name); the priorities given in the contribution are
     * ignored.
     */
    public static final int CONTRIBUTIONS_FIRST_PRIORITY = 310;
    /** Distance between the priorities of consecutive contributed collections: 310, 320, 330, ... */
    public static final int CONTRIBUTIONS_PRIORITY_STEP = 10;

    /** Name of the group allowing opted-in package repositories; only created when one is configured. */
    public static final String PACKAGE_GROUP = "rcg-package-repositories";
    /** Priority of {@link #PACKAGE_GROUP}. */
    public static final int PACKAGE_GROUP_PRIORITY = 400;
    /** The one collection of {@link #PACKAGE_GROUP}, one application rule per repository. */
    public static final String PACKAGE_COLLECTION = "package-repositories";
    /** Priority of {@link #PACKAGE_COLLECTION} within {@link #PACKAGE_GROUP}. */
    public static final int PACKAGE_PRIORITY = 410;

    /** The config key prefix of {@link EgressRuleOptions#regionOverrides()}. */
    public static final String OVERRIDES_KEY = "firewall.regionOverrides";

    static final String HTTPS_443 = "Https:443";
    /** Databricks ships logs to its Event Hub with Kafka over TLS; an application rule matches the TLS SNI. */
    static final String HTTPS_9093 = "Https:9093";
    static final List<String> WEBAPP_PORTS = List.of("443", "8443-8451");
    static final String TCP = "TCP";

    /** Collection names the platform uses itself; contributions cannot take them. */
    static final Set<String> RESERVED_COLLECTIONS =
            Set.of(DATABRICKS_APP_COLLECTION, DATABRICKS_NET_COLLECTION, ENTRA_COLLECTION, PACKAGE_COLLECTION);

    private static final Pattern OWNER = Pattern.compile("[a-z][a-z0-9-]*");

    /** A plausible value per field, for problem messages (westeurope's, which is verified). */
    private static final Map<String, String> EXAMPLES = Map.of(
            WEBAPP_IPS, "52.232.19.246/32",
            SCC_RELAY_FQDNS, "tunnel.westeurope.azuredatabricks.net",
            SCC_RELAY_IPS, "23.97.201.41/32",
            EXTENDED_INFRASTRUCTURE_IPS, "20.73.215.48/28",
            LEGACY_METASTORE_FQDNS, "consolidated-westeurope-prod-metastore.mysql.database.azure.com",
            ARTIFACT_PRIMARY_FQDNS, "dbartifactsprodwesteu.blob.core.windows.net",
            ARTIFACT_SECONDARY_FQDNS, "dbartifactsprodnortheu.blob.core.windows.net",
            LOG_STORAGE_FQDNS, "dblogprodwesteurope.blob.core.windows.net",
            EVENT_HUB_FQDNS, "prod-westeurope-observabilityeventhubs.servicebus.windows.net",
            SYSTEM_TABLES_FQDNS, "ucstprdwesteu.dfs.core.windows.net");

    /**
     * The generated rule collection groups, in priority order.
     *
     * @param groups   the groups to write to the firewall policy, in priority order
     * @param warnings what weakens the allowlist and should be read before deploying
     * @param notes    where values came from and what is deliberately not allowed
     */
    public record Generated(List<RuleCollectionGroupSpec> groups, List<String> warnings, List<String> notes) {
        /**
         * Copies the lists so the result cannot change.
         *
         * @param groups   the groups, in priority order
         * @param warnings what weakens the allowlist
         * @param notes    where values came from
         */
        public Generated {
            groups = List.copyOf(groups);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    private EgressRules() {
    }

    /**
     * The catalogue fields the options' rules are built from (overridable with firewall.regionOverrides).
     *
     * @param o the generation options (mode, Private Link, legacy metastore)
     * @return field names like systemTablesStorageFqdns; fqdn mode uses more fields than serviceTags mode
     */
    public static List<String> fieldsUsed(EgressRuleOptions o) {
        List<String> used = new ArrayList<>();
        if (o.mode() == ControlPlaneMode.FQDN) {
            used.addAll(List.of(ARTIFACT_PRIMARY_FQDNS, ARTIFACT_SECONDARY_FQDNS, LOG_STORAGE_FQDNS,
                    SYSTEM_TABLES_FQDNS, EVENT_HUB_FQDNS));
            if (!o.controlPlaneViaPrivateLink()) {
                used.add(SCC_RELAY_FQDNS);
            }
            used.add(EXTENDED_INFRASTRUCTURE_IPS);
            if (!o.controlPlaneViaPrivateLink()) {
                used.add(WEBAPP_IPS);
            }
            if (o.legacyHiveMetastore()) {
                used.add(LEGACY_METASTORE_FQDNS);
            }
        } else {
            used.add(EXTENDED_INFRASTRUCTURE_IPS);
        }
        return List.copyOf(used);
    }

    /**
     * Problems with the options against the catalogue: an unknown region; a field the chosen mode uses that the
     * catalogue has as missing or unverified without an override; invalid or unknown overrides; a legacy
     * metastore FQDN network rule without the DNS proxy.
     *
     * @param c the egress catalogue
     * @param o the generation options
     * @return the problems, each naming the config key and a valid example; empty when valid
     */
    public static List<String> problems(EgressCatalogue c, EgressRuleOptions o) {
        Objects.requireNonNull(c, "catalogue");
        Objects.requireNonNull(o, "options");
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : o.regionOverrides().entrySet()) {
            String key = OVERRIDES_KEY + "." + e.getKey();
            if (!EgressCatalogue.FIELDS.contains(e.getKey())) {
                out.add(key + " is not a catalogue field; use one of " + String.join(", ", EgressCatalogue.FIELDS));
                continue;
            }
            List<String> values = e.getValue();
            for (int i = 0; i < values.size(); i++) {
                String path = key + "[" + i + "]";
                (EgressCatalogue.isIpField(e.getKey())
                        ? Destinations.addressProblem(path, values.get(i))
                        : Destinations.fqdnProblem(path, values.get(i), false)).ifPresent(out::add);
            }
        }

        RegionEntry region = regionOrNull(c, o.region());
        if (region == null) {
            out.add(regionProblem(c, o.region()));
        } else {
            for (String field : fieldsUsed(o)) {
                Field f = region.field(field);
                if (!o.regionOverrides().containsKey(field) && f.status() != Status.VERIFIED) {
                    out.add(fieldProblem(c, o, region, field, f));
                }
            }
        }
        if (o.mode() == ControlPlaneMode.FQDN && o.legacyHiveMetastore() && !o.dnsProxy()) {
            out.add("legacyHiveMetastore in fqdn mode is a network rule with destination FQDNs ("
                    + LEGACY_METASTORE_FQDNS + ", TCP 3306), which needs the firewall DNS proxy; use serviceTags mode,"
                    + " enable dnsProxy, or set legacyHiveMetastore false");
        }
        return out;
    }

    /**
     * Problems with other components' contributions: every rule valid ({@link Destinations#problems}) and from
     * known source groups, owners like onelake-landing, collection names unique after the owner prefix and not
     * the platform's own, no empty collection, no collection mixing application and network rules, rule names
     * unique within a collection.
     *
     * @param cs                the contributions
     * @param knownSourceGroups the source groups the firewall has, like {@link EgressPlan#sourceGroups()}
     * @return the problems; empty when valid
     */
    public static List<String> contributionProblems(List<RuleContribution> cs, Set<String> knownSourceGroups) {
        return contributionProblems(cs, Objects.requireNonNull(knownSourceGroups, "knownSourceGroups"), true);
    }

    /**
     * Everything {@link #generate} would refuse, plus unknown source groups: the options' problems, the
     * contributions' problems, and contributed FQDN network rules without the DNS proxy.
     *
     * @param c                 the egress catalogue
     * @param o                 the generation options
     * @param cs                the contributions
     * @param knownSourceGroups the source groups the firewall has
     * @return the problems; empty when {@link #generate} will succeed
     */
    public static List<String> problems(EgressCatalogue c, EgressRuleOptions o, List<RuleContribution> cs,
                                        Set<String> knownSourceGroups) {
        List<String> out = new ArrayList<>(problems(c, o));
        out.addAll(contributionProblems(cs, knownSourceGroups));
        out.addAll(dnsProxyProblems(o, cs));
        return out;
    }

    /**
     * The rule collection groups for the options and contributions (see the class comment for the layout).
     *
     * @param c             the egress catalogue
     * @param o             the generation options
     * @param contributions other components' rule collections; null means none
     * @return the groups, with the warnings and notes of generation
     * @throws IllegalArgumentException listing every problem, when the options or contributions have any
     *                                  (source groups are not checked here: see {@link #contributionProblems})
     */
    public static Generated generate(EgressCatalogue c, EgressRuleOptions o, List<RuleContribution> contributions) {
        List<RuleContribution> cs = contributions == null ? List.of() : contributions;
        List<String> problems = new ArrayList<>(problems(c, o));
        problems.addAll(contributionProblems(cs, null, false));
        problems.addAll(dnsProxyProblems(o, cs));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot generate the egress firewall rules:\n  - "
                    + String.join("\n  - ", problems));
        }
        RegionEntry region = Objects.requireNonNull(regionOrNull(c, o.region()));
        Builder b = new Builder(c, o, region);
        List<RuleCollectionGroupSpec> groups = new ArrayList<>();
        b.controlPlane().ifPresent(groups::add);
        groups.add(b.entraId());
        if (!cs.isEmpty()) {
            groups.add(contributionsGroup(cs));
        }
        if (!o.packageRepositories().isEmpty()) {
            groups.add(b.packageRepositories());
        }
        return new Generated(groups, b.warnings, b.notes);
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nullable
    private static RegionEntry regionOrNull(EgressCatalogue c, @Nullable String region) {
        return region == null ? null : c.region(region).orElse(null);
    }

    private static String regionProblem(EgressCatalogue c, @Nullable String region) {
        if (region == null || region.isBlank()) {
            return "region is required, like 'westeurope'";
        }
        String hint = "";
        String normalised = region.toLowerCase(Locale.ROOT).replace(" ", "");
        if (c.region(normalised).isPresent()) {
            hint = " (did you mean '" + normalised + "'?)";
        } else if (normalised.startsWith("china") || normalised.startsWith("usgov")) {
            hint = " (sovereign-cloud regions are not supported)";
        }
        return "region '" + region + "' is not in the Databricks egress catalogue (version " + c.version() + ")" + hint
                + "; use a public-cloud region like 'westeurope' (known: " + String.join(", ", c.regions()) + ")";
    }

    private static String fieldProblem(EgressCatalogue c, EgressRuleOptions o, RegionEntry region, String field,
                                       Field f) {
        String key = OVERRIDES_KEY + "." + field;
        StringBuilder s = new StringBuilder(key).append(" is needed for region '").append(region.region())
                .append("': the Databricks egress catalogue (version ").append(c.version()).append(") has ")
                .append(field).append(' ').append(f.status().jsonName())
                .append(" and the ").append(o.mode().configName()).append(" control-plane mode uses it");
        if (!f.values().isEmpty()) {
            s.append("; unconfirmed values: ").append(shortList(f.values()));
        }
        if (f.note() != null) {
            String note = f.note().strip();
            s.append("; note: ").append(note.endsWith(".") ? note.substring(0, note.length() - 1) : note);
        }
        if (f.candidate() != null) {
            s.append("; candidate ").append(f.candidate()).append(" (derived from a naming pattern, never used unconfirmed)");
        }
        String example = f.candidate() != null ? f.candidate()
                : !f.values().isEmpty() ? f.values().get(0) : EXAMPLES.get(field);
        s.append(". Confirm it at ").append(EgressCatalogue.CONFIRM_AT).append(" and set ").append(key)
                .append(", like [\"").append(example).append("\"]");
        if (f.candidate() == null && f.values().isEmpty()) {
            s.append(" (westeurope's shape)");
        }
        s.append(", or [] when the page lists none for ").append(region.region());
        return s.toString();
    }

    private static String shortList(List<String> values) {
        int shown = Math.min(3, values.size());
        String head = String.join(", ", values.subList(0, shown));
        return values.size() > shown ? head + " and " + (values.size() - shown) + " more" : head;
    }

    private static List<String> dnsProxyProblems(EgressRuleOptions o, @Nullable List<RuleContribution> cs) {
        List<String> out = new ArrayList<>();
        if (o.dnsProxy() || cs == null) {
            return out;
        }
        for (int i = 0; i < cs.size(); i++) {
            RuleContribution contribution = cs.get(i);
            if (contribution == null) {
                continue;
            }
            for (RuleCollection collection : contribution.collections()) {
                if (collection == null) {
                    continue;
                }
                for (FirewallRule rule : collection.rules()) {
                    if (rule instanceof NetworkRule net && !net.destinationFqdns().isEmpty()) {
                        out.add(rulePath(contributionPath(i, contribution), collection, rule)
                                + ".destinationFqdns needs the firewall DNS proxy; enable dnsProxy or use"
                                + " destinationAddresses like 20.73.215.48/28");
                    }
                }
            }
        }
        return out;
    }

    private static String contributionPath(int index, RuleContribution c) {
        return c.owner() != null && OWNER.matcher(c.owner()).matches()
                ? "contributions[" + c.owner() + "]" : "contributions[" + index + "]";
    }

    private static String rulePath(String contributionPath, RuleCollection collection, FirewallRule rule) {
        return contributionPath + ".collections[" + collection.name() + "].rules[" + rule.name() + "]";
    }

    private static List<String> contributionProblems(@Nullable List<RuleContribution> cs,
                                                     @Nullable Set<String> known, boolean checkGroups) {
        List<String> out = new ArrayList<>();
        if (cs == null) {
            return out;
        }
        Map<String, String> firstUse = new HashMap<>();
        for (int i = 0; i < cs.size(); i++) {
            RuleContribution c = cs.get(i);
            if (c == null) {
                out.add("contributions[" + i + "] is null; give a RuleContribution(owner, collections)");
                continue;
            }
            String cp = contributionPath(i, c);
            if (c.owner() == null || !OWNER.matcher(c.owner()).matches()) {
                out.add(cp + ".owner '" + c.owner() + "' must be lower-case letters, digits and '-', starting with a"
                        + " letter, like onelake-landing");
            }
            if (c.collections().isEmpty()) {
                out.add(cp + ".collections is empty; contribute at least one rule collection, or no contribution");
            }
            for (int j = 0; j < c.collections().size(); j++) {
                RuleCollection collection = c.collections().get(j);
                if (collection == null) {
                    out.add(cp + ".collections[" + j + "] is null");
                    continue;
                }
                String colPath = cp + ".collections[" + (collection.name() == null || collection.name().isEmpty()
                        ? String.valueOf(j) : collection.name()) + "]";
                Destinations.nameProblem(colPath + ".name", collection.name()).ifPresent(out::add);
                String merged = c.owner() + "-" + collection.name();
                if (RESERVED_COLLECTIONS.contains(merged)) {
                    out.add(colPath + " would be named '" + merged + "', which the platform uses itself; rename it");
                }
                String earlier = firstUse.putIfAbsent(merged, colPath);
                if (earlier != null) {
                    out.add(colPath + " would be named '" + merged + "' like " + earlier
                            + "; collection names must be unique after the owner prefix");
                }
                if (collection.rules().isEmpty()) {
                    out.add(colPath + " has no rules; an empty collection allows nothing, drop it");
                    continue;
                }
                long apps = collection.rules().stream().filter(r -> r instanceof ApplicationRule).count();
                if (apps != 0 && apps != collection.rules().size()) {
                    out.add(colPath + " mixes application and network rules; Azure keeps each kind in its own"
                            + " collection: split it into two");
                }
                Set<String> ruleNames = new HashSet<>();
                for (int k = 0; k < collection.rules().size(); k++) {
                    FirewallRule rule = collection.rules().get(k);
                    String rp = colPath + ".rules[" + (rule == null || rule.name() == null || rule.name().isEmpty()
                            ? String.valueOf(k) : rule.name()) + "]";
                    out.addAll(Destinations.problems(rp, rule));
                    if (rule == null) {
                        continue;
                    }
                    if (rule.name() != null && !ruleNames.add(rule.name())) {
                        out.add(rp + " is named like an earlier rule of the collection; rule names must be unique"
                                + " within a collection");
                    }
                    if (checkGroups) {
                        for (int g = 0; g < rule.sourceGroups().size(); g++) {
                            String group = rule.sourceGroups().get(g);
                            if (group != null && !group.isBlank() && !known.contains(group)) {
                                out.add(rp + ".sourceGroups[" + g + "] '" + group + "' is not a known source IP group;"
                                        + " use one of " + String.join(", ", new TreeSet<>(known)));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static RuleCollectionGroupSpec contributionsGroup(List<RuleContribution> cs) {
        Map<String, RuleCollection> byName = new TreeMap<>();
        for (RuleContribution c : cs) {
            for (RuleCollection collection : c.collections()) {
                byName.put(c.owner() + "-" + collection.name(), collection);
            }
        }
        List<RuleCollection> merged = new ArrayList<>();
        int priority = CONTRIBUTIONS_FIRST_PRIORITY;
        for (Map.Entry<String, RuleCollection> e : byName.entrySet()) {
            merged.add(new RuleCollection(e.getKey(), priority, e.getValue().rules()));
            priority += CONTRIBUTIONS_PRIORITY_STEP;
        }
        return new RuleCollectionGroupSpec(CONTRIBUTIONS_GROUP, CONTRIBUTIONS_GROUP_PRIORITY, merged);
    }

    static List<String> sorted(List<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }

    /** Builds the platform's own groups for one validated region and set of options. */
    private static final class Builder {
        private final EgressCatalogue c;
        private final EgressRuleOptions o;
        private final RegionEntry region;
        final List<String> warnings = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        private final Set<String> overrideNoted = new LinkedHashSet<>();

        Builder(EgressCatalogue c, EgressRuleOptions o, RegionEntry region) {
            this.c = c;
            this.o = o;
            this.region = region;
            List<String> used = fieldsUsed(o);
            for (String field : o.regionOverrides().keySet()) {
                if (!used.contains(field)) {
                    warnings.add(OVERRIDES_KEY + "." + field + " is set but not used: " + unusedReason(field));
                }
            }
            if (o.controlPlaneViaPrivateLink()) {
                notes.add("controlPlaneViaPrivateLink: SCC relay and web app traffic goes through the back-end private"
                        + " endpoint (databricks_ui_api), so the firewall does not allow " + SCC_RELAY_FQDNS + " or "
                        + WEBAPP_IPS + (o.mode() == ControlPlaneMode.SERVICE_TAGS ? " (no AzureDatabricks tag rule)" : ""));
            }
        }

        private String unusedReason(String field) {
            if (o.mode() == ControlPlaneMode.SERVICE_TAGS) {
                return "serviceTags mode allows regional service tags instead, and uses only "
                        + EXTENDED_INFRASTRUCTURE_IPS + " from the catalogue";
            }
            if (field.equals(SCC_RELAY_FQDNS) || field.equals(WEBAPP_IPS)) {
                return "controlPlaneViaPrivateLink is on";
            }
            if (field.equals(LEGACY_METASTORE_FQDNS)) {
                return "legacyHiveMetastore is off";
            }
            return "no rule is built from " + field;
        }

        /** The field's values (override, else catalogue), sorted and de-duplicated. */
        private List<String> values(String field) {
            List<String> override = o.regionOverrides().get(field);
            if (override != null) {
                if (overrideNoted.add(field)) {
                    notes.add(field + " for " + region.region() + " supplied by " + OVERRIDES_KEY + "." + field
                            + " (catalogue " + c.version() + ": " + region.field(field).status().jsonName() + ")"
                            + (override.isEmpty() ? "; the empty list drops the rule" : ""));
                }
                List<String> values = override.stream()
                        .map(v -> EgressCatalogue.isIpField(field) ? Destinations.normaliseAddress(v) : v)
                        .collect(Collectors.toList());
                return sorted(values);
            }
            return sorted(region.field(field).values());
        }

        /** "(region westeurope; catalogue 2026-11-23: artifactStoragePrimaryFqdns verified, ...)" */
        private String cite(String... fields) {
            List<String> parts = new ArrayList<>();
            for (String field : fields) {
                parts.add(o.regionOverrides().containsKey(field)
                        ? field + " from " + OVERRIDES_KEY + "." + field
                        : field + " " + region.field(field).status().jsonName());
            }
            return " (region " + region.region() + "; catalogue " + c.version() + ": " + String.join(", ", parts) + ")";
        }

        private String citeTags() {
            return " (region " + region.region() + "; catalogue " + c.version() + ": serviceTagRegion "
                    + region.serviceTagRegion() + ")";
        }

        private void app(List<FirewallRule> rules, String name, List<String> fqdns, String protocol, String why) {
            if (fqdns.isEmpty()) {
                notes.add("rule " + name + " omitted: it has no destinations after " + OVERRIDES_KEY);
                return;
            }
            rules.add(new ApplicationRule(name, List.of(SourceGroups.DATABRICKS), fqdns, List.of(protocol), why));
        }

        private void netAddresses(List<FirewallRule> rules, String name, List<String> addresses, List<String> ports,
                                  String why) {
            if (addresses.isEmpty()) {
                notes.add("rule " + name + " omitted: it has no destinations after " + OVERRIDES_KEY);
                return;
            }
            rules.add(new NetworkRule(name, List.of(SourceGroups.DATABRICKS), addresses, List.of(), List.of(), ports,
                    List.of(TCP), why));
        }

        private NetworkRule netTags(String name, List<String> tags, List<String> ports, String why) {
            return new NetworkRule(name, List.of(SourceGroups.DATABRICKS), List.of(), sorted(tags), List.of(), ports,
                    List.of(TCP), why);
        }

        Optional<RuleCollectionGroupSpec> controlPlane() {
            List<RuleCollection> collections = new ArrayList<>();
            List<FirewallRule> net = new ArrayList<>();
            if (o.mode() == ControlPlaneMode.FQDN) {
                List<FirewallRule> app = new ArrayList<>();
                List<String> artifact = new ArrayList<>(values(ARTIFACT_PRIMARY_FQDNS));
                artifact.addAll(values(ARTIFACT_SECONDARY_FQDNS));
                app(app, "artifact-storage", sorted(artifact), HTTPS_443,
                        "Databricks artifact storage: runtime images and libraries clusters download, primary and"
                                + " secondary accounts" + cite(ARTIFACT_PRIMARY_FQDNS, ARTIFACT_SECONDARY_FQDNS));
                app(app, "log-storage", values(LOG_STORAGE_FQDNS), HTTPS_443,
                        "Databricks log blob storage: cluster logs shipped to the control plane" + cite(LOG_STORAGE_FQDNS));
                app(app, "system-tables-storage", values(SYSTEM_TABLES_FQDNS), HTTPS_443,
                        "Unity Catalog system tables storage read by clusters" + cite(SYSTEM_TABLES_FQDNS));
                app(app, "event-hub", values(EVENT_HUB_FQDNS), HTTPS_9093,
                        "Databricks observability Event Hub: log shipping with Kafka over TLS on 9093; the application"
                                + " rule matches its TLS SNI" + cite(EVENT_HUB_FQDNS));
                if (!o.controlPlaneViaPrivateLink()) {
                    app(app, "scc-relay", values(SCC_RELAY_FQDNS), HTTPS_443,
                            "Secure cluster connectivity relay: clusters open their tunnel to the control plane"
                                    + cite(SCC_RELAY_FQDNS));
                }
                if (!app.isEmpty()) {
                    collections.add(new RuleCollection(DATABRICKS_APP_COLLECTION, DATABRICKS_APP_PRIORITY, app));
                }
                netAddresses(net, "extended-infrastructure", values(EXTENDED_INFRASTRUCTURE_IPS), List.of("443"),
                        "Databricks extended infrastructure: regional control-plane services clusters call"
                                + cite(EXTENDED_INFRASTRUCTURE_IPS));
                if (!o.controlPlaneViaPrivateLink()) {
                    netAddresses(net, "webapp", values(WEBAPP_IPS), WEBAPP_PORTS,
                            "Databricks web application and control-plane API on 443 and 8443-8451" + cite(WEBAPP_IPS));
                }
                if (o.legacyHiveMetastore()) {
                    List<String> fqdns = values(LEGACY_METASTORE_FQDNS);
                    if (fqdns.isEmpty()) {
                        notes.add("rule legacy-metastore omitted: it has no destinations after " + OVERRIDES_KEY);
                    } else {
                        net.add(new NetworkRule("legacy-metastore", List.of(SourceGroups.DATABRICKS), List.of(),
                                List.of(), fqdns, List.of("3306"), List.of(TCP),
                                "Legacy Hive metastore (Azure Database for MySQL, TCP 3306), because legacyHiveMetastore"
                                        + " is on; resolved by the firewall DNS proxy" + cite(LEGACY_METASTORE_FQDNS)));
                    }
                }
            } else {
                String r = region.serviceTagRegion();
                net.add(netTags("storage", List.of("Storage." + r), List.of("443"),
                        "Storage." + r + ": Databricks artifact, log and system tables storage by service tag; opens"
                                + " every storage account in the region (see warnings)" + citeTags()));
                net.add(netTags("event-hub", List.of("EventHub." + r), List.of("9093"),
                        "EventHub." + r + ": Databricks log shipping (Kafka over TLS on 9093)" + citeTags()));
                netAddresses(net, "extended-infrastructure", values(EXTENDED_INFRASTRUCTURE_IPS), List.of("443"),
                        "Databricks extended infrastructure: regional control-plane services clusters call"
                                + cite(EXTENDED_INFRASTRUCTURE_IPS));
                if (!o.controlPlaneViaPrivateLink()) {
                    net.add(netTags("azure-databricks", List.of("AzureDatabricks"), WEBAPP_PORTS,
                            "AzureDatabricks: control plane, SCC relay and web application on 443 and 8443-8451"
                                    + citeTags()));
                }
                if (o.legacyHiveMetastore()) {
                    net.add(netTags("legacy-metastore", List.of("Sql." + r), List.of("3306"),
                            "Sql." + r + ": legacy Hive metastore (MySQL, TCP 3306), because legacyHiveMetastore is on"
                                    + citeTags()));
                }
                warnings.add("controlPlaneMode serviceTags: Storage." + r + " opens TCP 443 to every storage account"
                        + " in " + region.region() + " (any tenant), and EventHub." + r + " TCP 9093 to every Event Hubs"
                        + " namespace there: an exfiltration path around the FQDN allowlist; prefer fqdn mode");
                if (o.legacyHiveMetastore()) {
                    warnings.add("controlPlaneMode serviceTags: Sql." + r + " opens TCP 3306 to every Azure SQL / MySQL"
                            + " server in " + region.region() + " (any tenant); prefer fqdn mode with the DNS proxy");
                }
            }
            if (!net.isEmpty()) {
                collections.add(new RuleCollection(DATABRICKS_NET_COLLECTION, DATABRICKS_NET_PRIORITY, net));
            }
            return collections.isEmpty() ? Optional.empty() : Optional.of(
                    new RuleCollectionGroupSpec(CONTROL_PLANE_GROUP, CONTROL_PLANE_GROUP_PRIORITY, collections));
        }

        RuleCollectionGroupSpec entraId() {
            ApplicationRule login = new ApplicationRule("entra-login", List.of(SourceGroups.DATABRICKS),
                    sorted(c.entraIdFqdns()), List.of(HTTPS_443),
                    "Entra ID token endpoint: OAuth client-credential token requests of service principals (OneLake,"
                            + " Key Vault); nothing else of Entra ID (catalogue " + c.version() + ": entraId)");
            return new RuleCollectionGroupSpec(ENTRA_GROUP, ENTRA_GROUP_PRIORITY,
                    List.of(new RuleCollection(ENTRA_COLLECTION, ENTRA_PRIORITY, List.of(login))));
        }

        RuleCollectionGroupSpec packageRepositories() {
            List<PackageRepository> repos = new ArrayList<>(o.packageRepositories());
            repos.sort(Comparator.comparing(PackageRepository::ruleName));
            List<FirewallRule> rules = new ArrayList<>();
            for (PackageRepository repo : repos) {
                rules.add(new ApplicationRule(repo.ruleName(), List.of(SourceGroups.DATABRICKS),
                        sorted(repo.fqdns(c)), List.of(HTTPS_443),
                        describe(repo) + ", because packageRepositories includes " + repo.configName() + " (catalogue "
                                + c.version() + ": packageRepositories." + repo.configName() + ")"));
            }
            return new RuleCollectionGroupSpec(PACKAGE_GROUP, PACKAGE_GROUP_PRIORITY,
                    List.of(new RuleCollection(PACKAGE_COLLECTION, PACKAGE_PRIORITY, rules)));
        }

        private static String describe(PackageRepository repo) {
            return switch (repo) {
                case PYPI -> "PyPI: pip installs of Python libraries on clusters";
                case MAVEN_CENTRAL -> "Maven Central: JVM library installs on clusters";
                case CRAN -> "CRAN: R package installs on clusters";
                case SPARK_PACKAGES -> "spark-packages.org: Spark package installs on clusters";
            };
        }
    }
}
