package com.ztplatform.landing.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds and validates every URI the landing job touches. Pure functions, no Spark, no I/O.
 *
 * <p>Direct mode (OneLake, ABFS driver form; workspace before the {@code @}, item after the host):
 * <pre>
 *   abfss://&lt;workspace-name&gt;@onelake.dfs.fabric.microsoft.com/&lt;lakehouse-name&gt;.Lakehouse/Files/&lt;folder&gt;
 *   abfss://&lt;workspace-guid&gt;@onelake.dfs.fabric.microsoft.com/&lt;lakehouse-guid&gt;/Files/&lt;folder&gt;
 * </pre>
 * OneLake accepts GUIDs only when BOTH the workspace and the item are GUIDs (and then no item type suffix);
 * the ABFS driver does not accept spaces or other special characters in the workspace name: use GUIDs then.
 *
 * <p>Staged mode (private ADLS Gen2 account): {@code abfss://<container>@<account>.dfs.core.windows.net/<folder>}.
 *
 * <p>Under a landing root the job writes {@code <root>/<dest>/run=<runId>/part-*.parquet} (through
 * {@code <root>/<dest>/_tmp_run=<runId>/}) and {@code <root>/_manifests/<runId>.json}.
 */
public final class LandingUris {

    /** OneLake's global DFS endpoint (public; no Private Link for OneLake writes at the time of writing). */
    public static final String ONELAKE_HOST = "onelake.dfs.fabric.microsoft.com";
    /** A region as the regional OneLake host spells it, for examples in messages. */
    public static final String EXAMPLE_REGION = "westeurope";
    /** Entra ID token endpoint host used by the client-credential flow. */
    public static final String LOGIN_HOST = "login.microsoftonline.com";
    /** The DFS endpoint suffix of an ADLS Gen2 account in Azure's public cloud (staged mode). */
    public static final String STORAGE_DFS_SUFFIX = ".dfs.core.windows.net";
    /** Default landing folder inside the lakehouse (direct mode). */
    public static final String DEFAULT_DIRECT_FOLDER = "Files/LandingZone";
    /** Default landing folder inside the container (staged mode). */
    public static final String DEFAULT_STAGED_FOLDER = "LandingZone";
    /** The folder under a landing root that holds one manifest per run; '_' keeps readers from taking it as data. */
    public static final String MANIFEST_DIR = "_manifests";

    /** A GUID for examples in messages (not any real workspace or lakehouse). */
    public static final String EXAMPLE_GUID = "3c8e1a2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** ABFS forbids spaces/special characters in the file system (workspace) part of the URI. */
    private static final Pattern WORKSPACE_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,255}$");
    /** Fabric lakehouse names: start with a letter; letters, digits and underscores only. */
    private static final Pattern LAKEHOUSE_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,255}$");
    /** Azure region names (the ARM "name" form: lowercase letters and digits, like westeurope or westus3). */
    private static final Pattern REGION = Pattern.compile("^[a-z][a-z0-9]{2,39}$");
    private static final Pattern STORAGE_ACCOUNT = Pattern.compile("^[a-z0-9]{3,24}$");
    private static final Pattern CONTAINER = Pattern.compile("^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");
    private static final Pattern SEGMENT = Pattern.compile("^[A-Za-z0-9_=-][A-Za-z0-9._=-]*$");
    /** Destinations and run ids: each becomes one path segment that Spark and Fabric must not treat as hidden. */
    private static final Pattern NAME_SEGMENT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$");
    private static final Pattern UC_PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");
    private static final Pattern TABLE = Pattern.compile("^" + UC_PART + "\\." + UC_PART + "\\." + UC_PART + "$");
    private static final Pattern VOLUME_PATH = Pattern.compile("^/Volumes/[^/]+/[^/]+/[^/]+(/.*)?$");
    private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*$");

    private LandingUris() {
    }

    /**
     * Whether a workspace or lakehouse is given by GUID rather than by name (OneLake paths differ).
     *
     * @param s the value, possibly {@code null}
     * @return true for a GUID in the 8-4-4-4-12 hex form, either case
     */
    public static boolean isGuid(String s) {
        return s != null && GUID.matcher(s).matches();
    }

    // ------------------------------------------------------------------------------------------ roots

    /**
     * The OneLake landing root for direct mode, e.g.
     * {@code abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone}.
     *
     * @param workspace the Fabric workspace, by name or GUID
     * @param lakehouse the lakehouse, by name (with or without {@code .Lakehouse}) or GUID
     * @param folder the folder inside the lakehouse, starting with {@code Files/}; {@code null} or blank
     *               means {@value #DEFAULT_DIRECT_FOLDER}
     * @return the root URI, without a trailing slash
     * @throws IllegalArgumentException listing every problem, each naming the parameter
     */
    public static String oneLakeRoot(String workspace, String lakehouse, String folder) {
        return oneLakeRoot(workspace, lakehouse, folder, null);
    }

    /**
     * The OneLake landing root on the given host region: {@code null} or blank means the global endpoint,
     * otherwise {@code abfss://<workspace>@<region>-onelake.dfs.fabric.microsoft.com/...}.
     *
     * @param workspace the Fabric workspace, by name or GUID
     * @param lakehouse the lakehouse, by name or GUID
     * @param folder    the folder inside the lakehouse; {@code null} or blank means {@value #DEFAULT_DIRECT_FOLDER}
     * @param region    the capacity's region, like {@value #EXAMPLE_REGION}, or {@code null} for the global endpoint
     * @return the root URI, without a trailing slash
     * @throws IllegalArgumentException listing every problem, each naming the parameter
     */
    public static String oneLakeRoot(String workspace, String lakehouse, String folder, String region) {
        List<String> problems = new ArrayList<>(validateDirect("target.workspace", workspace, "target.lakehouse",
                lakehouse, "target.folder", folder));
        problems.addAll(validateRegion("target.region", region));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String f = isBlank(folder) ? DEFAULT_DIRECT_FOLDER : stripSlashes(folder.trim());
        String item = isGuid(workspace) ? lakehouse.toLowerCase(Locale.ROOT) : lakehouseItem(lakehouse);
        String ws = isGuid(workspace) ? workspace.toLowerCase(Locale.ROOT) : workspace;
        return "abfss://" + ws + "@" + oneLakeHost(region) + "/" + item + "/" + f;
    }

    /**
     * The OneLake DFS host: the global {@value #ONELAKE_HOST} when {@code region} is {@code null} or blank, else
     * the regional {@code <region>-onelake.dfs.fabric.microsoft.com}. The global endpoint may route a request
     * through another region than the capacity's; the regional one keeps it in that region, which is what data
     * residency needs. Host form: learn.microsoft.com/fabric/onelake/onelake-access-api (data residency) and the
     * Azure IoT Operations data lake connector page on learn.microsoft.com ("a regional endpoint ... is in the form
     * of {@code https://<region>-onelake.dfs.fabric.microsoft.com}").
     *
     * @param region the capacity's region, or {@code null} or blank for the global endpoint
     * @return the host name
     */
    public static String oneLakeHost(String region) {
        return isBlank(region) ? ONELAKE_HOST : region + "-" + ONELAKE_HOST;
    }

    /**
     * The problem with a OneLake region, if any; {@code null} or empty (the global endpoint) is valid.
     *
     * @param param  the parameter's name as the user wrote it, for the message
     * @param region the region to check
     * @return no problem, or one naming {@code param} and a valid example
     */
    public static List<String> validateRegion(String param, String region) {
        if (region == null || region.isEmpty() || REGION.matcher(region).matches()) {
            return List.of();
        }
        return List.of(param + " must be the Azure region of the Fabric capacity, in lowercase letters and digits, like '"
                + EXAMPLE_REGION + "' (host " + oneLakeHost(EXAMPLE_REGION) + "), or absent for the global endpoint "
                + ONELAKE_HOST + ", got '" + region + "'");
    }

    /**
     * The ADLS Gen2 landing root for staged mode, e.g.
     * {@code abfss://landing@stztlanding.dfs.core.windows.net/LandingZone}.
     *
     * @param account   the storage account name
     * @param container the container
     * @param folder    the folder in the container; {@code null} or blank means {@value #DEFAULT_STAGED_FOLDER}
     * @return the root URI, without a trailing slash
     * @throws IllegalArgumentException listing every problem, each naming the parameter
     */
    public static String stagedRoot(String account, String container, String folder) {
        List<String> problems = validateStaged("target.account", account, "target.container", container,
                "target.folder", folder);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String f = isBlank(folder) ? DEFAULT_STAGED_FOLDER : stripSlashes(folder.trim());
        return "abfss://" + container + "@" + storageHost(account) + "/" + f;
    }

    /**
     * The DFS host of a storage account, the one its ABFS settings and private endpoint are for.
     *
     * @param account the storage account name
     * @return {@code <account>.dfs.core.windows.net}
     */
    public static String storageHost(String account) {
        return account + STORAGE_DFS_SUFFIX;
    }

    /** {@code <lakehouse>.Lakehouse}; a name already carrying the suffix (any case) is not suffixed twice. */
    static String lakehouseItem(String lakehouse) {
        return withoutLakehouseSuffix(lakehouse) + ".Lakehouse";
    }

    private static String withoutLakehouseSuffix(String lakehouse) {
        return lakehouse.toLowerCase(Locale.ROOT).endsWith(".lakehouse")
                ? lakehouse.substring(0, lakehouse.length() - ".lakehouse".length())
                : lakehouse;
    }

    /**
     * The host part of an {@code abfs[s]://fs@host/path} URI (used for the per-account ABFS settings).
     *
     * @param abfsUri the URI
     * @return the host after the {@code @}
     * @throws IllegalArgumentException when the URI has no scheme or no {@code @}
     */
    public static String hostOf(String abfsUri) {
        int at = abfsUri.indexOf('@');
        int schemeEnd = abfsUri.indexOf("://");
        if (schemeEnd < 0 || at < 0) {
            throw new IllegalArgumentException("not an abfs[s]://<filesystem>@<host>/... URI: '" + abfsUri + "'");
        }
        int slash = abfsUri.indexOf('/', at);
        return slash < 0 ? abfsUri.substring(at + 1) : abfsUri.substring(at + 1, slash);
    }

    // ------------------------------------------------------------------------------------------ layout under a root

    /**
     * Final output folder of one source for one run; a new run id gives a new folder, so a rerun never overwrites.
     *
     * @param root  the landing root
     * @param dest  the source's destination folder name
     * @param runId the run id
     * @return {@code <root>/<dest>/run=<runId>}
     */
    public static String runDir(String root, String dest, String runId) {
        return trimRoot(root) + "/" + dest + "/run=" + runId;
    }

    /**
     * Temporary output folder, renamed to {@link #runDir} when complete; '_' prefix keeps Spark/Fabric readers
     * from picking it up as data.
     *
     * @param root  the landing root
     * @param dest  the source's destination folder name
     * @param runId the run id
     * @return {@code <root>/<dest>/_tmp_run=<runId>}
     */
    public static String tempRunDir(String root, String dest, String runId) {
        return trimRoot(root) + "/" + dest + "/_tmp_run=" + runId;
    }

    /**
     * The manifests' folder under a landing root.
     *
     * @param root the landing root
     * @return {@code <root>/_manifests}
     */
    public static String manifestDir(String root) {
        return trimRoot(root) + "/" + MANIFEST_DIR;
    }

    /**
     * One run's manifest, written last, so its presence means the run's data is complete.
     *
     * @param root  the landing root
     * @param runId the run id
     * @return {@code <root>/_manifests/<runId>.json}
     */
    public static String manifest(String root, String runId) {
        return manifestDir(root) + "/" + runId + ".json";
    }

    /**
     * A root without trailing slashes (but a bare {@code scheme://} stays whole), so joined paths have single slashes.
     *
     * @param root the landing root
     * @return the root without trailing slashes
     */
    public static String trimRoot(String root) {
        String r = root;
        while (r.endsWith("/") && !r.endsWith(":/") && !r.endsWith("://")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------ validation

    /**
     * All problems of a direct-mode target; empty when valid.
     *
     * @param wsParam     the workspace parameter's name, for messages
     * @param workspace   the Fabric workspace, by name or GUID
     * @param lhParam     the lakehouse parameter's name, for messages
     * @param lakehouse   the lakehouse, by name or GUID
     * @param folderParam the folder parameter's name, for messages
     * @param folder      the folder under the lakehouse, or {@code null} for the default
     * @return every problem, each naming its parameter and a valid example
     */
    public static List<String> validateDirect(String wsParam, String workspace, String lhParam, String lakehouse,
                                              String folderParam, String folder) {
        List<String> p = new ArrayList<>();
        boolean wsGuid = isGuid(workspace);
        boolean lhGuid = isGuid(lakehouse);
        if (isBlank(workspace)) {
            p.add(wsParam + " is required: the Fabric workspace name or GUID, like 'zt-landing' or '"
                    + EXAMPLE_GUID + "'");
        } else if (!wsGuid && !WORKSPACE_NAME.matcher(workspace).matches()) {
            p.add(wsParam + " must be a workspace name of letters, digits, '.', '_' and '-' (the ABFS driver does not"
                    + " accept spaces or other special characters: use the workspace GUID then), like 'zt-landing' or '"
                    + EXAMPLE_GUID + "', got '" + workspace + "'");
        }
        if (isBlank(lakehouse)) {
            p.add(lhParam + " is required: the lakehouse name or GUID, like 'mirror' or '" + EXAMPLE_GUID + "'");
        } else if (!lhGuid) {
            if (!LAKEHOUSE_NAME.matcher(withoutLakehouseSuffix(lakehouse)).matches()) {
                p.add(lhParam + " must be a lakehouse name (starts with a letter; letters, digits and '_' only) or a"
                        + " GUID, like 'mirror' or '" + EXAMPLE_GUID + "', got '" + lakehouse + "'");
            }
        }
        if (!isBlank(workspace) && !isBlank(lakehouse) && wsGuid != lhGuid) {
            p.add(wsParam + " and " + lhParam + " must both be names or both be GUIDs (OneLake resolves GUID paths only"
                    + " when workspace and item are GUIDs), like workspace '" + EXAMPLE_GUID + "' with lakehouse '"
                    + EXAMPLE_GUID + "', got workspace " + (wsGuid ? "GUID" : "name") + " '" + workspace
                    + "' and lakehouse " + (lhGuid ? "GUID" : "name") + " '" + lakehouse + "'");
        }
        if (!isBlank(folder)) {
            String f = stripSlashes(folder.trim());
            if (!(f.equals("Files") || f.startsWith("Files/"))) {
                p.add(folderParam + " must be a folder under the lakehouse's Files/ section (Tables/ is managed by Delta),"
                        + " like '" + DEFAULT_DIRECT_FOLDER + "', got '" + folder + "'");
            } else {
                p.addAll(validateSegments(folderParam, f, DEFAULT_DIRECT_FOLDER));
            }
        }
        return p;
    }

    /**
     * All problems of a staged-mode target; empty when valid.
     *
     * @param accountParam   the account parameter's name, for messages
     * @param account        the storage account name
     * @param containerParam the container parameter's name, for messages
     * @param container      the container
     * @param folderParam    the folder parameter's name, for messages
     * @param folder         the folder in the container, or {@code null} for the default
     * @return every problem, each naming its parameter and a valid example
     */
    public static List<String> validateStaged(String accountParam, String account, String containerParam,
                                              String container, String folderParam, String folder) {
        List<String> p = new ArrayList<>();
        if (isBlank(account) || !STORAGE_ACCOUNT.matcher(account).matches()) {
            p.add(accountParam + " must be an ADLS Gen2 storage account name (3-24 lowercase letters and digits),"
                    + " like 'stztlanding', got '" + nullToEmpty(account) + "'");
        }
        if (isBlank(container) || !CONTAINER.matcher(container).matches()) {
            p.add(containerParam + " must be a container name (3-63 lowercase letters, digits and single hyphens,"
                    + " starting and ending with a letter or digit), like 'landing', got '" + nullToEmpty(container) + "'");
        }
        if (!isBlank(folder)) {
            p.addAll(validateSegments(folderParam, stripSlashes(folder.trim()), DEFAULT_STAGED_FOLDER));
        }
        return p;
    }

    private static List<String> validateSegments(String param, String path, String example) {
        List<String> p = new ArrayList<>();
        if (path.isEmpty()) {
            p.add(param + " must not be empty, like '" + example + "'");
            return p;
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || !SEGMENT.matcher(seg).matches()) {
                p.add(param + " must be a relative folder path of letters, digits, '_', '-', '.', '=' (no empty, '.'"
                        + " or '..' segments, no spaces), like '" + example + "', got '" + path + "'");
                break;
            }
        }
        return p;
    }

    /**
     * A destination folder name: one path segment, not hidden (Spark and Fabric ignore '_'/'.' names).
     *
     * @param param the parameter's name, for the message
     * @param dest  the destination folder name
     * @return no problem, or one naming {@code param} and a valid example
     */
    public static List<String> validateDest(String param, String dest) {
        return matchOrProblem(NAME_SEGMENT, param, dest, "one folder name of letters, digits, '_', '-', '.' starting"
                + " with a letter or digit (at most 128 characters), like 'orders'");
    }

    /**
     * A run id: one path segment, since it names the run's folders and manifest.
     *
     * @param param the parameter's name, for the message
     * @param runId the run id
     * @return no problem, or one naming {@code param} and a valid example
     */
    public static List<String> validateRunId(String param, String runId) {
        return matchOrProblem(NAME_SEGMENT, param, runId, "letters, digits, '_', '-', '.' starting with a letter or"
                + " digit (at most 128 characters), like '{{job.run_id}}' resolved to '845123987650'");
    }

    /**
     * A Unity Catalog three-part table name.
     *
     * @param param the parameter's name, for the message
     * @param table the table name
     * @return no problem, or one naming {@code param} and a valid example
     */
    public static List<String> validateTable(String param, String table) {
        return matchOrProblem(TABLE, param, table, "a Unity Catalog table name catalog.schema.table (letters, digits,"
                + " '_', '-'), like 'main.sales.orders'");
    }

    private static List<String> matchOrProblem(Pattern pattern, String param, String value, String rule) {
        if (isBlank(value) || !pattern.matcher(value).matches()) {
            return List.of(param + " must be " + rule + ", got '" + nullToEmpty(value) + "'");
        }
        return List.of();
    }

    /**
     * A source path: a Unity Catalog volume path or a URI with a scheme.
     *
     * @param param the parameter's name, for the message
     * @param path  the source path
     * @return no problem, or one naming {@code param} and both valid forms
     */
    public static List<String> validateSourcePath(String param, String path) {
        if (isBlank(path) || !path.strip().equals(path)
                || !(VOLUME_PATH.matcher(path).matches() || hasScheme(path))
                || path.contains("/../") || path.endsWith("/..")) {
            return List.of(param + " must be a Unity Catalog volume path like '/Volumes/main/raw/files/orders' or a"
                    + " URI like 'abfss://raw@stztraw.dfs.core.windows.net/orders', got '" + nullToEmpty(path) + "'");
        }
        return List.of();
    }

    private static String stripSlashes(String s) {
        String r = s;
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /**
     * Whether a path is a URI with a scheme (like {@code abfss:/...}) rather than a volume path.
     *
     * @param s the path
     * @return true for {@code scheme:/...}
     */
    public static boolean hasScheme(String s) {
        return URI_WITH_SCHEME.matcher(s).matches();
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
