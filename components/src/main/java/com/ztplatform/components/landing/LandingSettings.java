package com.ztplatform.components.landing;

import com.ztplatform.components.naming.Guids;
import com.ztplatform.landing.contract.JobConfigParser;
import com.ztplatform.landing.contract.LandingUris;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the OneLake landing does, as plain data; validated with the landing job's own parser, so the
 * component never deploys a job configuration the job would reject.
 *
 * @param mode                       direct or staged
 * @param fabricWorkspace            Fabric workspace name or GUID (staged mode needs the GUID for trusted access)
 * @param lakehouse                  lakehouse name or GUID (both names or both GUIDs)
 * @param folder                     landing folder. Default: Files/LandingZone (direct), LandingZone (staged)
 * @param sources                    what to mirror
 * @param schedule                   Quartz cron expression of the mirror job, like "0 0 2 * * ?" (02:00 daily)
 * @param timezone                   time zone of the schedule. Default: UTC
 * @param identity                   servicePrincipal (default) or managed
 * @param servicePrincipalClientId   the app registration's client (application) id
 * @param servicePrincipalObjectId   its enterprise application (service principal) object id: the identity to
 *                                   grant in Fabric and on the staging storage
 * @param fabricWorkspaceIdentityObjectId staged mode: the object id of the identity the OneLake shortcut
 *                                   authenticates as (the Fabric workspace identity), granted Storage Blob Data
 *                                   Reader on the staging account (else the grant is left to the Fabric admin)
 * @param verifyEchoUrl              an allowed echo endpoint the verification job compares the cluster's egress
 *                                   IP with; empty = the job prints how to check it in the firewall logs
 * @param oneLakeRegion              direct mode: the Fabric capacity's Azure region, like westeurope, to write
 *                                   through that region's OneLake endpoint (data residency); empty = the global one
 */
public record LandingSettings(LandingMode mode, String fabricWorkspace, String lakehouse, Optional<String> folder,
                              List<LandingSource> sources, String schedule, String timezone, String identity,
                              Optional<String> servicePrincipalClientId, Optional<String> servicePrincipalObjectId,
                              Optional<String> fabricWorkspaceIdentityObjectId, Optional<String> verifyEchoUrl,
                              Optional<String> oneLakeRegion) {

    /** The Key Vault secret (and scope key) holding the service principal's tenant id. */
    public static final String SECRET_TENANT_ID = "landing-sp-tenant-id";
    /** The Key Vault secret (and scope key) holding the service principal's client id. */
    public static final String SECRET_CLIENT_ID = "landing-sp-client-id";
    /** The Key Vault secret (and scope key) holding the service principal's client secret. */
    public static final String SECRET_CLIENT_SECRET = "landing-sp-client-secret";

    /**
     * Rejects missing required values and copies the collections, so the record cannot change later.
     *
     * @param mode direct or staged
     * @param fabricWorkspace Fabric workspace name or GUID (staged mode needs the GUID for trusted access)
     * @param lakehouse lakehouse name or GUID (both names or both GUIDs)
     * @param folder landing folder. Default: Files/LandingZone (direct), LandingZone (staged)
     * @param sources what to mirror
     * @param schedule Quartz cron expression of the mirror job, like "0 0 2 * * ?" (02:00 daily)
     * @param timezone time zone of the schedule. Default: UTC
     * @param identity servicePrincipal (default) or managed
     * @param servicePrincipalClientId the app registration's client (application) id
     * @param servicePrincipalObjectId its enterprise application (service principal) object id: the identity to grant
     *                                 in Fabric and on the staging storage
     * @param fabricWorkspaceIdentityObjectId staged mode: the Fabric workspace identity's object id, granted read
     *                                        access on the staging storage (else the grant is left to the Fabric
     *                                        admin)
     * @param verifyEchoUrl an allowed echo endpoint the verification job compares the cluster's egress IP with; empty
     *                      = the job prints how to check it in the firewall logs
     * @param oneLakeRegion direct mode: the Fabric capacity's Azure region, like westeurope, to write through that
     *                      region's OneLake endpoint (data residency); empty = the global one
     */
    public LandingSettings {
        Objects.requireNonNull(mode, "mode");
        sources = List.copyOf(sources);
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(oneLakeRegion, "oneLakeRegion");
    }

    /**
     * The one OneLake host direct mode writes to: the regional endpoint when a region is set, else the global.
     *
     * @return the host name, which the firewall rule allows exactly
     */
    public String oneLakeHost() {
        return LandingUris.oneLakeHost(oneLakeRegion.orElse(null));
    }

    /**
     * Whether the job writes as a service principal (anything but {@code identity: managed}).
     *
     * @return true for a service principal, false for the cluster's managed identity
     */
    public boolean servicePrincipal() {
        return !"managed".equals(identity);
    }

    /**
     * The job configuration (JSON) for this landing; the staging account is needed in staged mode.
     *
     * @param secretScope      the workspace's secret scope holding the credentials
     * @param stagingAccount   the staging account's name (staged mode), or empty
     * @param stagingContainer the staging container
     * @param tenantId         the Entra ID tenant (managed identity)
     * @return the {@code --config} JSON, which the job's own parser accepts
     */
    public String jobConfigJson(String secretScope, Optional<String> stagingAccount, String stagingContainer,
                                String tenantId) {
        var root = new LinkedHashMap<String, Object>();
        root.put("mode", mode.configName());
        var target = new LinkedHashMap<String, Object>();
        if (mode == LandingMode.DIRECT) {
            target.put("workspace", fabricWorkspace);
            target.put("lakehouse", lakehouse);
            target.put("folder", folder.orElse(LandingUris.DEFAULT_DIRECT_FOLDER));
            oneLakeRegion.ifPresent(region -> target.put("region", region));
        } else {
            target.put("account", stagingAccount.orElse(""));
            target.put("container", stagingContainer);
            target.put("folder", folder.orElse(LandingUris.DEFAULT_STAGED_FOLDER));
        }
        root.put("target", target);
        var auth = new LinkedHashMap<String, Object>();
        if (servicePrincipal()) {
            auth.put("identity", "servicePrincipal");
            auth.put("secretScope", secretScope);
            auth.put("tenantIdKey", SECRET_TENANT_ID);
            auth.put("clientIdKey", SECRET_CLIENT_ID);
            auth.put("clientSecretKey", SECRET_CLIENT_SECRET);
        } else {
            auth.put("identity", "managed");
            auth.put("tenantId", tenantId);
        }
        root.put("auth", auth);
        var list = new ArrayList<Map<String, Object>>();
        for (var s : sources) {
            var source = new LinkedHashMap<String, Object>();
            if (s.table() != null) {
                source.put("table", s.table());
            } else {
                source.put("path", s.path());
                source.put("format", s.format());
            }
            source.putAll(s.options());
            source.put("dest", s.dest());
            list.add(source);
        }
        root.put("sources", list);
        return Json.write(root);
    }

    /**
     * Every problem, each starting with {@code path} (the settings' key, like {@code zt-databricks:landing}).
     *
     * @param path the settings' key as the user writes it
     * @return the problems, each naming its field and a valid example
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<>(modeIndependentProblems(path));
        if (mode == LandingMode.STAGED && !Guids.isGuid(fabricWorkspace) && !fabricWorkspace.isEmpty()) {
            problems.add(path + ".fabricWorkspace must be the workspace GUID in staged mode (trusted workspace access "
                    + "names the workspace by id), like " + EXAMPLE_GUID + ", got '" + fabricWorkspace + "'");
        }
        if (problems.isEmpty()) {
            try {
                JobConfigParser.parse(jobConfigJson("platform", Optional.of("stztlandingexample"), "landing",
                        "00000000-0000-0000-0000-000000000000"));
            } catch (com.ztplatform.landing.contract.ConfigException e) {
                e.problems().forEach(line -> problems.add(path + "." + userKey(line)));
            }
        }
        return problems;
    }

    /**
     * The problems that do not depend on the mode, for when the mode itself is invalid.
     *
     * @param path the settings' key as the user writes it
     * @return the problems
     */
    public List<String> modeIndependentProblems(String path) {
        var problems = new ArrayList<String>();
        if (sources.isEmpty()) {
            problems.add(path + ".sources must list at least one table or path, like [{table: main.sales.orders, dest: orders}], got none");
        }
        for (int i = 0; i < sources.size(); i++) {
            var s = sources.get(i);
            if ((s.table() == null) == (s.path() == null)) {
                problems.add(path + ".sources[" + i + "] needs exactly one of table or path, like {table: main.sales.orders, dest: orders}");
            } else if (s.table() != null && !"delta".equals(s.format())) {
                problems.add(path + ".sources[" + i + "].format applies to path sources only (a table is read as Delta); "
                        + "remove it, got '" + s.format() + "'");
            } else if (s.path() != null && s.format() == null) {
                problems.add(path + ".sources[" + i + "].format is required with path: one of delta, parquet, csv, like parquet");
            } else if (s.path() != null && !LandingSource.FORMATS.contains(s.format())) {
                problems.add(path + ".sources[" + i + "].format must be one of delta, parquet, csv, like parquet, got '"
                        + s.format() + "'");
            }
        }
        Schedules.cronProblem(schedule).ifPresent(p -> problems.add(path + ".schedule " + p));
        Schedules.timeZoneProblem(timezone).ifPresent(p -> problems.add(path + ".timezone " + p));
        if (!"servicePrincipal".equals(identity) && !"managed".equals(identity)) {
            problems.add(path + ".identity must be one of servicePrincipal, managed, like servicePrincipal, got '"
                    + identity + "'");
        }
        if (servicePrincipal()) {
            guidProblem(path + ".servicePrincipalClientId", servicePrincipalClientId, "the app registration's client id",
                    true).ifPresent(problems::add);
            guidProblem(path + ".servicePrincipalObjectId", servicePrincipalObjectId, "its service principal object id "
                    + "(az ad sp show --id <client id> --query id -o tsv)", true).ifPresent(problems::add);
        }
        guidProblem(path + ".fabricWorkspaceIdentityObjectId", fabricWorkspaceIdentityObjectId,
                "the Fabric workspace identity's object id", false).ifPresent(problems::add);
        verifyEchoUrl.filter(u -> !u.startsWith("https://")).ifPresent(u -> problems.add(path
                + ".verifyEchoUrl must be an https URL the firewall allows, like https://ifconfig.me/ip, got '" + u + "'"));
        return problems;
    }

    /**
     * Settings given that this mode or identity does not use: reported, not silently ignored.
     *
     * @param path the settings' key as the user writes it
     * @return the warnings, each naming the unused key
     */
    public List<String> warnings(String path) {
        var warnings = new ArrayList<String>();
        if (!servicePrincipal()) {
            servicePrincipalClientId.ifPresent(id -> warnings.add(path + ".servicePrincipalClientId '" + id
                    + "' does not apply with identity managed; remove it"));
            servicePrincipalObjectId.ifPresent(id -> warnings.add(path + ".servicePrincipalObjectId '" + id
                    + "' does not apply with identity managed; remove it"));
        }
        if (mode == LandingMode.STAGED) {
            oneLakeRegion.ifPresent(region -> warnings.add(path + ".oneLakeRegion '" + region + "' applies to mode "
                    + "direct only (staged mode writes to the private staging account); remove it"));
        }
        if (mode == LandingMode.DIRECT) {
            fabricWorkspaceIdentityObjectId.ifPresent(id -> warnings.add(path + ".fabricWorkspaceIdentityObjectId '" + id
                    + "' applies to mode staged only (it is granted read on the staging account); remove it"));
        }
        return warnings;
    }

    static final String EXAMPLE_GUID = "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f";

    private static Optional<String> guidProblem(String key, Optional<String> value, String what, boolean required) {
        if (value.isEmpty()) {
            return required ? Optional.of(key + " is required with identity servicePrincipal: " + what + ", a GUID like "
                    + EXAMPLE_GUID) : Optional.empty();
        }
        return Guids.isGuid(value.get()) ? Optional.empty()
                : Optional.of(key + " must be " + what + ", a GUID like " + EXAMPLE_GUID + ", got '" + value.get() + "'");
    }

    /** The job parser names its own parameters; the user knows them by their stack config keys. */
    private static String userKey(String message) {
        return message.replace("target.workspace", "fabricWorkspace").replace("target.lakehouse", "lakehouse")
                .replace("target.folder", "folder").replace("target.region", "oneLakeRegion");
    }
}
