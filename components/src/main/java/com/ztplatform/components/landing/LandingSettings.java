package com.ztplatform.components.landing;

import com.ztplatform.components.core.Guids;
import com.ztplatform.landing.JobConfigParser;
import com.ztplatform.landing.LandingUris;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * @param fabricWorkspaceIdentityObjectId staged mode: the Fabric workspace identity's object id, granted read
 *                                   access on the staging storage (else the grant is left to the Fabric admin)
 * @param verifyEchoUrl              an allowed echo endpoint the verification job compares the cluster's egress
 *                                   IP with; empty = the job prints how to check it in the firewall logs
 */
public record LandingSettings(LandingMode mode, String fabricWorkspace, String lakehouse, Optional<String> folder,
                              List<LandingSource> sources, String schedule, String timezone, String identity,
                              Optional<String> servicePrincipalClientId, Optional<String> servicePrincipalObjectId,
                              Optional<String> fabricWorkspaceIdentityObjectId, Optional<String> verifyEchoUrl) {

    public static final String SECRET_TENANT_ID = "landing-sp-tenant-id";
    public static final String SECRET_CLIENT_ID = "landing-sp-client-id";
    public static final String SECRET_CLIENT_SECRET = "landing-sp-client-secret";
    static final Pattern QUARTZ = Pattern.compile("^\\S+( \\S+){5,6}$");

    public LandingSettings {
        Objects.requireNonNull(mode, "mode");
        sources = List.copyOf(sources);
        Objects.requireNonNull(folder, "folder");
    }

    public boolean servicePrincipal() {
        return !"managed".equals(identity);
    }

    /** The job configuration (JSON) for this landing; the staging account is needed in staged mode. */
    public String jobConfigJson(String secretScope, Optional<String> stagingAccount, String stagingContainer,
                                String tenantId) {
        var root = new LinkedHashMap<String, Object>();
        root.put("mode", mode.configName());
        var target = new LinkedHashMap<String, Object>();
        if (mode == LandingMode.DIRECT) {
            target.put("workspace", fabricWorkspace);
            target.put("lakehouse", lakehouse);
            target.put("folder", folder.orElse(LandingUris.DEFAULT_DIRECT_FOLDER));
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
            source.put("dest", s.dest());
            list.add(source);
        }
        root.put("sources", list);
        return Json.write(root);
    }

    /** Every problem, each starting with {@code path}; the job's own parser checks the job configuration. */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (sources.isEmpty()) {
            problems.add(path + ".sources must list at least one table or path, like [{table: main.sales.orders, dest: orders}]");
        }
        for (int i = 0; i < sources.size(); i++) {
            var s = sources.get(i);
            if ((s.table() == null) == (s.path() == null)) {
                problems.add(path + ".sources[" + i + "] needs exactly one of table or path, like {table: main.sales.orders, dest: orders}");
            }
            if (s.path() != null && (s.format() == null || !LandingSource.FORMATS.contains(s.format()))) {
                problems.add(path + ".sources[" + i + "].format must be delta, parquet or csv, got '" + s.format() + "'");
            }
        }
        if (schedule == null || !QUARTZ.matcher(schedule).matches()) {
            problems.add(path + ".schedule must be a Quartz cron expression like '0 0 2 * * ?' (02:00 daily), got '"
                    + schedule + "'");
        }
        if (!"servicePrincipal".equals(identity) && !"managed".equals(identity)) {
            problems.add(path + ".identity must be servicePrincipal or managed, got '" + identity + "'");
        }
        if (servicePrincipal()) {
            if (servicePrincipalClientId.filter(id -> Guids.isGuid(id)).isEmpty()) {
                problems.add(path + ".servicePrincipalClientId must be the app registration's client id (a GUID)");
            }
            if (servicePrincipalObjectId.filter(id -> Guids.isGuid(id)).isEmpty()) {
                problems.add(path + ".servicePrincipalObjectId must be its service principal object id (a GUID): "
                        + "az ad sp show --id <client id> --query id -o tsv");
            }
        }
        if (mode == LandingMode.STAGED && !Guids.isGuid(fabricWorkspace)) {
            problems.add(path + ".fabricWorkspace must be the workspace GUID in staged mode (trusted workspace access "
                    + "names the workspace by id), got '" + fabricWorkspace + "'");
        }
        fabricWorkspaceIdentityObjectId.filter(id -> !Guids.isGuid(id)).ifPresent(id -> problems.add(path
                + ".fabricWorkspaceIdentityObjectId must be a GUID, got '" + id + "'"));
        verifyEchoUrl.filter(u -> !u.startsWith("https://")).ifPresent(u -> problems.add(path
                + ".verifyEchoUrl must be an https URL the firewall allows, got '" + u + "'"));
        if (problems.isEmpty()) {
            try {
                JobConfigParser.parse(jobConfigJson("platform", Optional.of("stztlandingexample"), "landing",
                        "00000000-0000-0000-0000-000000000000"));
            } catch (RuntimeException e) {
                for (var line : e.getMessage().split("\n")) {
                    if (!line.isBlank()) {
                        problems.add(path + ": " + line.trim().replaceFirst("^- ", ""));
                    }
                }
            }
        }
        return problems;
    }
}
