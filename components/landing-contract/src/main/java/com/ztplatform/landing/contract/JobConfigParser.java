package com.ztplatform.landing.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.ztplatform.landing.contract.JobConfig.Auth;
import com.ztplatform.landing.contract.JobConfig.CsvOptions;
import com.ztplatform.landing.contract.JobConfig.ParquetOptions;
import com.ztplatform.landing.contract.JobConfig.DirectTarget;
import com.ztplatform.landing.contract.JobConfig.Format;
import com.ztplatform.landing.contract.JobConfig.ManagedIdentity;
import com.ztplatform.landing.contract.JobConfig.Mode;
import com.ztplatform.landing.contract.JobConfig.ServicePrincipal;
import com.ztplatform.landing.contract.JobConfig.Source;
import com.ztplatform.landing.contract.JobConfig.StagedTarget;
import com.ztplatform.landing.contract.JobConfig.Target;

/**
 * Reads the job's JSON parameters into a {@link JobConfig}, reporting ALL problems at once
 * ({@link ConfigException}), each naming the parameter and showing a valid example.
 *
 * <pre>
 * {
 *   "mode": "direct",                               // direct | staged
 *   "runId": "845123987650",                        // optional; default: derived from the source snapshots
 *   "target": { "workspace": "zt-landing",          // direct: workspace name or GUID
 *               "lakehouse": "mirror",              //         lakehouse name or GUID (both GUIDs or both names)
 *               "folder": "Files/LandingZone",      //         optional, default Files/LandingZone
 *               "region": "westeurope" },           //         optional: the regional OneLake endpoint
 *   // staged:  { "account": "stztlanding", "container": "landing", "folder": "LandingZone" }
 *   "auth": { "identity": "servicePrincipal",       // servicePrincipal (default) | managed
 *             "secretScope": "zt-landing",
 *             "tenantIdKey": "sp-tenant-id", "clientIdKey": "sp-client-id", "clientSecretKey": "sp-client-secret" },
 *   // managed: { "identity": "managed", "tenantId": "...", "clientId": "..." }   (both optional)
 *   "sources": [
 *     { "table": "main.sales.orders", "dest": "orders" },                                  // Delta, pinned version
 *     { "path": "/Volumes/main/raw/files/customers", "format": "csv",
 *       "header": true, "delimiter": ";", "quote": "\"", "escape": "\"",
 *       "multiLine": false, "dest": "customers" },                                        // csv options: JobConfig.CsvOptions
 *     { "path": "abfss://raw@stztraw.dfs.core.windows.net/events", "format": "parquet",
 *       "mergeSchema": false, "dest": "events" }
 *   ]
 * }
 * </pre>
 * Keys starting with '_' (e.g. "_comment") are ignored; any other unknown key is an error (catches typos).
 */
public final class JobConfigParser {

    private JobConfigParser() {
    }

    /**
     * Parses and validates the {@code --config} JSON.
     *
     * @param json the job parameters as one JSON object
     * @return the validated configuration
     * @throws ConfigException listing every problem, when the text is not a JSON object or any value is invalid
     */
    public static JobConfig parse(String json) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(json);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of("--config must be a JSON object (inline, or the path of a JSON file): "
                    + e.getMessage()));
        }
        return fromMap(root);
    }

    /**
     * Validates already-parsed job parameters (the stack program builds them as a map and checks them here, so the
     * job cannot receive parameters it would refuse).
     *
     * @param root the parameters, as {@link Json#parseObject} returns them
     * @return the validated configuration
     * @throws ConfigException listing every problem
     */
    public static JobConfig fromMap(Map<String, Object> root) {
        List<String> p = new ArrayList<>();
        unknownKeys(p, "", root, Set.of("mode", "runId", "target", "auth", "sources"));

        String modeText = string(p, root, "mode", "mode", true, "direct");
        Mode mode = null;
        if (modeText != null) {
            switch (modeText.toLowerCase(Locale.ROOT)) {
                case "direct" -> mode = Mode.DIRECT;
                case "staged" -> mode = Mode.STAGED;
                default -> p.add("mode must be 'direct' (write to OneLake) or 'staged' (write to a private ADLS Gen2"
                        + " account), got '" + modeText + "'");
            }
        }

        Optional<String> runId = Optional.ofNullable(string(p, root, "runId", "runId", false, "845123987650"));
        runId.ifPresent(r -> p.addAll(LandingUris.validateRunId("runId", r)));

        Map<String, Object> targetMap = object(p, root, "target", "target", true);
        Target target = mode == null ? null : target(p, mode, targetMap);
        Auth auth = auth(p, object(p, root, "auth", "auth", true));
        List<Source> sources = sources(p, root.get("sources"));

        if (!p.isEmpty()) {
            throw new ConfigException(p);
        }
        return new JobConfig(mode, target, auth, sources, runId);
    }

    private static Target target(List<String> p, Mode mode, Map<String, Object> t) {
        if (t == null) {
            return null;
        }
        if (mode == Mode.DIRECT) {
            unknownKeys(p, "target.", t, Set.of("workspace", "lakehouse", "folder", "region"));
            String ws = string(p, t, "workspace", "target.workspace", true, "zt-landing");
            String lh = string(p, t, "lakehouse", "target.lakehouse", true, "mirror");
            String folder = string(p, t, "folder", "target.folder", false, LandingUris.DEFAULT_DIRECT_FOLDER);
            String region = string(p, t, "region", "target.region", false, LandingUris.EXAMPLE_REGION);
            List<String> regionProblems = LandingUris.validateRegion("target.region", region);
            p.addAll(regionProblems);
            if (ws == null || lh == null) {
                return null;
            }
            List<String> problems = LandingUris.validateDirect("target.workspace", ws, "target.lakehouse", lh,
                    "target.folder", folder);
            p.addAll(problems);
            return problems.isEmpty() && regionProblems.isEmpty() ? new DirectTarget(ws, lh, folder, region) : null;
        }
        unknownKeys(p, "target.", t, Set.of("account", "container", "folder"));
        String account = string(p, t, "account", "target.account", true, "stztlanding");
        String container = string(p, t, "container", "target.container", true, "landing");
        String folder = string(p, t, "folder", "target.folder", false, LandingUris.DEFAULT_STAGED_FOLDER);
        if (account == null || container == null) {
            return null;
        }
        List<String> problems = LandingUris.validateStaged("target.account", account, "target.container", container,
                "target.folder", folder);
        p.addAll(problems);
        return problems.isEmpty() ? new StagedTarget(account, container, folder) : null;
    }

    private static Auth auth(List<String> p, Map<String, Object> a) {
        if (a == null) {
            return null;
        }
        String identity = Optional.ofNullable(string(p, a, "identity", "auth.identity", false, "servicePrincipal"))
                .orElse("servicePrincipal");
        switch (identity) {
            case "servicePrincipal" -> {
                unknownKeys(p, "auth.", a, Set.of("identity", "secretScope", "tenantIdKey", "clientIdKey", "clientSecretKey"));
                String scope = string(p, a, "secretScope", "auth.secretScope", true, "zt-landing");
                String tenantKey = string(p, a, "tenantIdKey", "auth.tenantIdKey", true, "sp-tenant-id");
                String clientKey = string(p, a, "clientIdKey", "auth.clientIdKey", true, "sp-client-id");
                String secretKey = string(p, a, "clientSecretKey", "auth.clientSecretKey", true, "sp-client-secret");
                if (scope == null || tenantKey == null || clientKey == null || secretKey == null) {
                    return null;
                }
                return new ServicePrincipal(scope, tenantKey, clientKey, secretKey);
            }
            case "managed" -> {
                unknownKeys(p, "auth.", a, Set.of("identity", "tenantId", "clientId"));
                Optional<String> tenant = Optional.ofNullable(string(p, a, "tenantId", "auth.tenantId", false,
                        LandingUris.EXAMPLE_GUID));
                Optional<String> client = Optional.ofNullable(string(p, a, "clientId", "auth.clientId", false,
                        LandingUris.EXAMPLE_GUID));
                tenant.filter(t -> !LandingUris.isGuid(t)).ifPresent(t -> p.add("auth.tenantId must be a tenant GUID like '"
                        + LandingUris.EXAMPLE_GUID + "', got '" + t + "'"));
                client.filter(c -> !LandingUris.isGuid(c)).ifPresent(c -> p.add("auth.clientId must be the managed"
                        + " identity's client id (GUID) like '" + LandingUris.EXAMPLE_GUID + "', got '" + c + "'"));
                return new ManagedIdentity(tenant, client);
            }
            default -> {
                p.add("auth.identity must be 'servicePrincipal' (OAuth client credentials from a secret scope) or"
                        + " 'managed' (managed identity), got '" + identity + "'");
                return null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Source> sources(List<String> p, Object raw) {
        List<Source> out = new ArrayList<>();
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            p.add("sources must be a non-empty array like [{\"table\": \"main.sales.orders\", \"dest\": \"orders\"}], got "
                    + Json.typeName(raw) + (raw instanceof List ? " (empty)" : ""));
            return out;
        }
        Set<String> dests = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "sources[" + i + "]";
            if (!(list.get(i) instanceof Map)) {
                p.add(at + " must be an object like {\"table\": \"main.sales.orders\", \"dest\": \"orders\"}, got "
                        + Json.typeName(list.get(i)));
                continue;
            }
            Map<String, Object> s = (Map<String, Object>) list.get(i);
            Set<String> known = new HashSet<>(Set.of("table", "path", "format", "dest"));
            known.addAll(JobConfig.CSV_OPTION_KEYS);
            known.addAll(JobConfig.PARQUET_OPTION_KEYS);
            unknownKeys(p, at + ".", s, known);
            String table = string(p, s, "table", at + ".table", false, "main.sales.orders");
            String path = string(p, s, "path", at + ".path", false, "/Volumes/main/raw/files/orders");
            String formatText = string(p, s, "format", at + ".format", false, "parquet");
            String dest = string(p, s, "dest", at + ".dest", true, "orders");
            int before = p.size();
            if ((table == null) == (path == null)) {
                p.add(at + " must have exactly one of 'table' (like 'main.sales.orders') or 'path' (like"
                        + " '/Volumes/main/raw/files/orders')");
            } else if (table != null) {
                p.addAll(LandingUris.validateTable(at + ".table", table));
            } else {
                p.addAll(LandingUris.validateSourcePath(at + ".path", path));
            }
            Format format = null;
            if (formatText != null) {
                try {
                    format = Format.valueOf(formatText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    p.add(at + ".format must be one of delta, parquet, csv, got '" + formatText + "'");
                }
            }
            if (table != null && format != null && format != Format.DELTA) {
                p.add(at + ".format must be 'delta' (or omitted) for a Unity Catalog table, got '" + formatText + "'");
            }
            if (table != null) {
                format = Format.DELTA;
            }
            if (path != null && table == null && formatText == null) {
                p.add(at + ".format is required for a path source: one of delta, parquet, csv");
            }
            CsvOptions csv = format == Format.CSV ? csvOptions(p, at, s) : null;
            ParquetOptions parquet = format == Format.PARQUET ? parquetOptions(p, at, s) : null;
            if (format != null) {
                for (String k : s.keySet()) {
                    boolean csvKey = JobConfig.CSV_OPTION_KEYS.contains(k);
                    boolean parquetKey = JobConfig.PARQUET_OPTION_KEYS.contains(k);
                    if ((csvKey && format != Format.CSV) || (parquetKey && format != Format.PARQUET)) {
                        p.add(at + "." + k + " applies to " + (csvKey ? "csv" : "parquet") + " sources only, this one is '"
                                + format.id() + "'; remove it");
                    }
                }
            }
            if (dest != null) {
                p.addAll(LandingUris.validateDest(at + ".dest", dest));
                if (!dests.add(dest.toLowerCase(Locale.ROOT))) {
                    p.add(at + ".dest '" + dest + "' is used by another source: each source needs its own destination"
                            + " folder (compared case-insensitively)");
                }
            }
            if (p.size() == before) {
                out.add(new Source(table, path, format, csv, parquet, dest));
            }
        }
        return out;
    }

    private static CsvOptions csvOptions(List<String> p, String at, Map<String, Object> s) {
        CsvOptions d = CsvOptions.DEFAULTS;
        return new CsvOptions(bool(p, s, "header", at, d.header()), character(p, s, "delimiter", at, d.delimiter(), "';' or '\\t'"),
                character(p, s, "quote", at, d.quote(), "'\"' or \"'\""), character(p, s, "escape", at, d.escape(), "'\\\\' or '\"'"),
                bool(p, s, "multiLine", at, d.multiLine()));
    }

    private static ParquetOptions parquetOptions(List<String> p, String at, Map<String, Object> s) {
        return new ParquetOptions(bool(p, s, "mergeSchema", at, ParquetOptions.DEFAULTS.mergeSchema()));
    }

    private static boolean bool(List<String> p, Map<String, Object> m, String key, String at, boolean dflt) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean b)) {
            p.add(at + "." + key + " must be true or false, got " + Json.typeName(v));
            return dflt;
        }
        return b;
    }

    private static String character(List<String> p, Map<String, Object> m, String key, String at, String dflt,
                                    String example) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof String s) || s.length() != 1) {
            p.add(at + "." + key + " must be exactly one character like " + example + ", got "
                    + (v instanceof String ? "'" + v + "'" : Json.typeName(v)));
            return dflt;
        }
        return s;
    }

    private static void unknownKeys(List<String> p, String prefix, Map<String, Object> m, Set<String> known) {
        for (String k : m.keySet()) {
            if (!known.contains(k) && !k.startsWith("_")) {
                p.add(prefix + k + " is not a known parameter; expected one of " + new java.util.TreeSet<>(known));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(List<String> p, Map<String, Object> m, String key, String param,
                                              boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                p.add(param + " is required (an object); see the README for an example");
            }
            return null;
        }
        if (!(v instanceof Map)) {
            p.add(param + " must be an object, got " + Json.typeName(v));
            return null;
        }
        return (Map<String, Object>) v;
    }

    private static String string(List<String> p, Map<String, Object> m, String key, String param, boolean required,
                                 String example) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                p.add(param + " is required, like '" + example + "'");
            }
            return null;
        }
        if (v instanceof Number n) {
            return String.valueOf(n); // e.g. a numeric run id
        }
        if (!(v instanceof String s)) {
            p.add(param + " must be a string like '" + example + "', got " + Json.typeName(v));
            return null;
        }
        if (s.isBlank()) {
            if (required) {
                p.add(param + " must not be empty, like '" + example + "'");
            }
            return null;
        }
        return s.trim();
    }
}
