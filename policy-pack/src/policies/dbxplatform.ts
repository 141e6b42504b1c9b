// Databricks resources (databricks:* provider): serverless egress restricted (and enforced in production), Key
// Vault-backed secret scopes, hardened cluster policies and job clusters, narrow IP access lists, workspace settings
// that stop data leaving through the UI in production, and the hardening settings each managed workspace promises.
// Facts: serverless egress control (learn.microsoft.com/azure/databricks/security/network/serverless-network-security/
// network-policies), Key Vault-backed scopes (learn.microsoft.com/azure/databricks/security/secrets/), cluster policy
// definitions (learn.microsoft.com/azure/databricks/admin/clusters/policy-definition), access modes
// (learn.microsoft.com/azure/databricks/compute/configure#access-mode), workspace settings such as
// enableExportNotebook / enableResultsDownloading (registry.terraform.io/providers/databricks/databricks/latest/docs/resources/workspace_conf).

import { coversInternet, parseRange } from "../lib/cidr";
import { explain, judgeExactName, judgeWildcard, ownedNames } from "../lib/egress";
import { isProduction, PRODUCTION_STACKS_SCHEMA } from "../lib/environment";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { normalizeId, refersTo } from "../lib/armid";
import { Res, StackIndex, T } from "../lib/stackindex";
import { sameUrn } from "../lib/urn";
import type { PolicyResource } from "@pulumi/policy";
import { arr, eqi, get, isFalse, isTrue, label, obj, peek, present, Props, show, str } from "../lib/values";
import { WIDEST_PUBLIC_DESTINATION } from "./firewall";

export const DBX = {
    accountNetworkPolicy: "databricks:index/accountNetworkPolicy:AccountNetworkPolicy",
    secretScope: "databricks:index/secretScope:SecretScope",
    clusterPolicy: "databricks:index/clusterPolicy:ClusterPolicy",
    job: "databricks:index/job:Job",
    ipAccessList: "databricks:index/ipAccessList:IpAccessList",
    workspaceConf: "databricks:index/workspaceConf:WorkspaceConf",
    disableLegacyAccess: "databricks:index/disableLegacyAccessSetting:DisableLegacyAccessSetting",
    disableLegacyDbfs: "databricks:index/disableLegacyDbfsSetting:DisableLegacyDbfsSetting",
    esm: "databricks:index/enhancedSecurityMonitoringWorkspaceSetting:EnhancedSecurityMonitoringWorkspaceSetting",
    acu: "databricks:index/automaticClusterUpdateWorkspaceSetting:AutomaticClusterUpdateWorkspaceSetting",
    csp: "databricks:index/complianceSecurityProfileWorkspaceSetting:ComplianceSecurityProfileWorkspaceSetting",
    restrictAdmins: "databricks:index/restrictWorkspaceAdminsSetting:RestrictWorkspaceAdminsSetting",
    nccRule: "databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule",
    ncc: "databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig",
    nccBinding: "databricks:index/mwsNccBinding:MwsNccBinding",
    networkOption: "databricks:index/workspaceNetworkOption:WorkspaceNetworkOption",
    provider: "pulumi:providers:databricks",
    secretAcl: "databricks:index/secretAcl:SecretAcl",
    servicePrincipal: "databricks:index/servicePrincipal:ServicePrincipal",
    permissions: "databricks:index/permissions:Permissions",
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Serverless egress

export const databricksServerlessEgressRestricted = resourcePolicy({
    name: "databricks-serverless-egress-restricted",
    description: "The account network policy restricts serverless egress (RESTRICTED_ACCESS), enforces it in production "
        + "(ENFORCED, not DRY_RUN), and allows no wildcard or internet-wide destination.",
    types: [DBX.accountNetworkPolicy],
    config: { productionStacks: PRODUCTION_STACKS_SCHEMA },
    validate: (args, report, guard) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.networkPolicyId));
        guard("restrictionMode", () => {
            const mode = get(p, "egress.networkAccess.restrictionMode");
            if (!eqi(mode, "RESTRICTED_ACCESS")) {
                report(`${who} has egress.networkAccess.restrictionMode ${show(mode)}: serverless compute could reach any `
                    + "destination. Set it to 'RESTRICTED_ACCESS' and list the allowed destinations.");
            }
        });
        guard("policyEnforcement", () => {
            const enforcement = get(p, "egress.networkAccess.policyEnforcement.enforcementMode");
            if (isProduction(args.urn, args.getConfig()) && !eqi(enforcement, "ENFORCED")) {
                report(`${who} has egress.networkAccess.policyEnforcement.enforcementMode ${show(enforcement)} in a production `
                    + "stack: denied egress would only be logged. Set it to 'ENFORCED'.");
            }
        });
        guard("allowedInternetDestinations", () => {
            const dests = arr(get(p, "egress.networkAccess.allowedInternetDestinations")).map(obj);
            for (const d of dests) {
                const dest = str(d.destination) ?? "";
                const v = judgeWildcard(dest);
                if (!v.ok) {
                    report(`${who} allows serverless egress to ${explain(dest, v)}. List exact DNS names only.`);
                }
                const r = parseRange(dest);
                if (r && coversInternet([dest])) {
                    report(`${who} allows serverless egress to ${show(dest)}, i.e. the internet. List exact DNS names only.`);
                }
            }
            const ranges = dests.map(d => str(d.destination)).filter((x): x is string => !!x && parseRange(x) !== undefined);
            if (ranges.length > 1 && coversInternet(ranges)) {
                report(`${who} allows serverless egress to ${show(ranges)}, which together cover the internet. List exact DNS names only.`);
            }
        });
    },
});

// ---------------------------------------------------------------------------------------------------------------
// Secret scopes

export const databricksSecretScopeKeyVault = resourcePolicy({
    name: "databricks-secret-scope-key-vault",
    description: "Databricks secret scopes are Azure Key Vault-backed (backendType AZURE_KEYVAULT with the vault's "
        + "resourceId and dnsName): secrets stay in the platform's private, RBAC-governed, audited vault.",
    types: [DBX.secretScope],
    validate: (args, report, guard) => {
        guard("backendType", () => {
            const who = label(args.type, args.name, str(args.props.name));
            const backend = args.props.backendType;
            const complete = present(args.props, "keyvaultMetadata.resourceId") && present(args.props, "keyvaultMetadata.dnsName");
            if (!eqi(backend, "AZURE_KEYVAULT") || !complete) {
                report(`${who} has backendType ${show(backend)} (keyvaultMetadata ${complete ? "set" : "incomplete"}): a `
                    + "Databricks-backed scope keeps secrets in the control plane, outside the vault's network rules, RBAC "
                    + "and audit log. Set backendType 'AZURE_KEYVAULT' with keyvaultMetadata { resourceId: <vault id>, "
                    + "dnsName: 'https://<vault>.vault.azure.net/' }.");
            }
        });
    },
});

/** Databricks' built-in groups of every workspace (or account) user. */
const ALL_USERS = ["users", "account users"];

export const databricksSecretAclNotEveryone = resourcePolicy({
    name: "databricks-secret-acl-not-everyone",
    description: "No secret scope ACL grants the all-users group: READ on a Key Vault-backed scope exposes every secret "
        + "in that vault to every user.",
    types: [DBX.secretAcl],
    validate: (args, report, guard) => {
        guard("principal", () => {
            const principal = str(args.props.principal);
            if (principal && ALL_USERS.includes(principal.trim().toLowerCase())) {
                report(`${label(args.type, args.name)} grants ${show(args.props.permission)} on scope ${show(args.props.scope)} to `
                    + `${show(principal)}: every user could read every secret behind it. Grant READ to the service principal or `
                    + "group that runs the job instead.");
            }
        });
    },
});

// ---------------------------------------------------------------------------------------------------------------
// Compute: cluster policies and job clusters

/** Access modes that isolate users (dedicated/single user, standard/shared with Unity Catalog). */
export const ISOLATED_MODES = ["SINGLE_USER", "USER_ISOLATION", "DATA_SECURITY_MODE_DEDICATED", "DATA_SECURITY_MODE_STANDARD"];

/** Init-script locations a policy must forbid: the ones usable on Azure with Unity Catalog and workspace files. */
export const FORBIDDEN_INIT_SCRIPT_KINDS = ["workspace", "volumes"];

function pinnedVersion(v: unknown): boolean {
    return typeof v === "string" && /^\d+\.\d+\.x-/.test(v) && !/latest|auto:/i.test(v);
}

/** Problems of a cluster-policy definition (the JSON string of attribute paths to rules). */
export function clusterPolicyProblems(definition: unknown): string[] {
    if (typeof definition !== "string") {
        return ["has no definition, so every cluster attribute is unrestricted. Set definition to a JSON policy"];
    }
    let def: Record<string, any>;
    try {
        def = JSON.parse(definition);
    } catch {
        return ["has a definition that is not JSON. Set definition to a JSON policy"];
    }
    const out: string[] = [];
    const rule = (k: string) => obj(def[k]);
    const sv = rule("spark_version");
    const svValues = eqi(sv.type, "fixed") ? [sv.value] : eqi(sv.type, "allowlist") ? arr(sv.values) : [];
    if (svValues.length === 0 || !svValues.every(pinnedVersion)) {
        out.push(`pins no runtime (spark_version ${show(def.spark_version)}): clusters could start any Databricks Runtime, `
            + "including unreviewed ones. Set \"spark_version\": {\"type\": \"fixed\", \"value\": \"16.4.x-scala2.12\"}");
    }
    const dsm = rule("data_security_mode");
    const dsmValues = eqi(dsm.type, "fixed") ? [dsm.value] : eqi(dsm.type, "allowlist") ? arr(dsm.values) : [];
    if (dsmValues.length === 0 || !dsmValues.every(v => ISOLATED_MODES.some(m => eqi(v, m)))) {
        out.push(`does not fix an isolated access mode (data_security_mode ${show(def.data_security_mode)}): users could `
            + "start no-isolation clusters outside Unity Catalog. Set \"data_security_mode\": {\"type\": \"fixed\", "
            + "\"value\": \"SINGLE_USER\"} (or USER_ISOLATION)");
    }
    for (const kind of FORBIDDEN_INIT_SCRIPT_KINDS) {
        const key = `init_scripts.*.${kind}.destination`;
        if (!eqi(rule(key).type, "forbidden")) {
            out.push(`does not forbid ${kind} init scripts (${key} ${show(def[key])}): code would run as root on every node `
                + `before any control applies. Set "${key}": {"type": "forbidden"}`);
        }
    }
    for (const key of Object.keys(def).filter(k => k.startsWith("init_scripts.") && !eqi(rule(k).type, "forbidden"))) {
        if (!FORBIDDEN_INIT_SCRIPT_KINDS.some(kind => key === `init_scripts.*.${kind}.destination`)) {
            out.push(`sets init script attribute ${key} to ${show(def[key])}: init scripts run as root on every node. Set it to `
                + "{\"type\": \"forbidden\"} or remove it");
        }
    }
    return out;
}

export const databricksClusterPolicyHardened = resourcePolicy({
    name: "databricks-cluster-policy-hardened",
    description: "Cluster policies pin the runtime, fix an isolated access mode (single user or shared) and forbid init "
        + "scripts. (No public IPs is a workspace property on Azure: enableNoPublicIp, see databricks-workspace-zero-trust.)",
    types: [DBX.clusterPolicy],
    validate: (args, report, guard) => {
        guard("definition", () => {
            const who = label(args.type, args.name, str(args.props.name));
            clusterPolicyProblems(args.props.definition).forEach(p => report(`${who} ${p}.`));
        });
    },
});

// Job code and the access lists around it. Every user has CAN MANAGE on objects in /Shared and a user's home folder
// is theirs: a job library there can be replaced by a user and then runs with the job's credentials
// (learn.microsoft.com/azure/databricks/security/auth/access-control, folder permissions and special folders).
const USER_WRITABLE_FOLDERS = [/^(\/Workspace)?\/Shared\//i, /^(\/Workspace)?\/Users\//i];
const EVERYONE_GROUPS = ["users", "account users"];

export const databricksJobCodeNotUserWritable = resourcePolicy({
    name: "databricks-job-code-not-user-writable",
    description: "Job libraries are not loaded from folders every user can write (/Shared, /Users/...): whoever replaces "
        + "the jar runs code with the job's credentials.",
    types: [DBX.job],
    validate: (args, report, guard) => {
        guard("tasks", () => {
            for (const task of arr(args.props.tasks)) {
                for (const lib of arr(get(task, "libraries"))) {
                    const jar = str(get(lib, "jar"));
                    if (jar && USER_WRITABLE_FOLDERS.some(re => re.test(jar))) {
                        report(`${label(args.type, args.name, str(args.props.name))} task '${str(get(task, "taskKey"))}' loads `
                            + `${jar}, in a folder every user can write: keep job code in a folder only the platform can `
                            + "write (a root-level workspace folder with explicit permissions, or a Unity Catalog volume).");
                    }
                }
            }
        });
    },
});

export const databricksPermissionsNarrow = resourcePolicy({
    name: "databricks-permissions-narrow",
    description: "Databricks access lists managed here never grant to everyone (the users groups) and never hand out "
        + "CAN_MANAGE: admins and the owner keep it anyway.",
    types: [DBX.permissions],
    validate: (args, report, guard) => {
        guard("accessControls", () => {
            for (const ac of arr(args.props.accessControls)) {
                const group = str(get(ac, "groupName"));
                const level = str(get(ac, "permissionLevel"));
                const who = group || str(get(ac, "servicePrincipalName")) || str(get(ac, "userName"));
                if (group && EVERYONE_GROUPS.some(g => eqi(g, group))) {
                    report(`${label(args.type, args.name)} grants ${level} to '${group}': every user would get it.`);
                }
                if (eqi(level, "CAN_MANAGE") || eqi(level, "IS_OWNER")) {
                    report(`${label(args.type, args.name)} grants ${level} to '${who}': a principal that manages the object `
                        + "can rewrite its access list; grant the level it uses (CAN_USE, CAN_READ, CAN_RUN).");
                }
            }
        });
    },
});

export const databricksNoUnrestrictedClusterCreate = resourcePolicy({
    name: "databricks-no-unrestricted-cluster-create",
    description: "Service principals and users managed here get no unrestricted cluster creation (allowClusterCreate): "
        + "clusters come from cluster policies only.",
    types: [DBX.servicePrincipal, "databricks:index/user:User", "databricks:index/group:Group"],
    validate: (args, report, guard) => {
        guard("allowClusterCreate", () => {
            if (isTrue(args.props.allowClusterCreate)) {
                report(`${label(args.type, args.name, str(args.props.displayName))} has allowClusterCreate true: it could create `
                    + "clusters outside every cluster policy (any runtime, access mode, init script). Set allowClusterCreate "
                    + "to false and grant CAN_USE on the platform's cluster policy.");
            }
        });
    },
});

function clusterProblems(c: Props): string[] {
    const out: string[] = [];
    if (!str(c.policyId)) {
        out.push("runs without a cluster policy (policyId not set)");
    }
    const mode = c.dataSecurityMode;
    if (!ISOLATED_MODES.some(m => eqi(mode, m))) {
        out.push(`has dataSecurityMode ${show(mode)} (not an isolated access mode)`);
    }
    if (arr(c.initScripts).length > 0) {
        out.push("has init scripts");
    }
    if (c.sparkVersion !== undefined && !pinnedVersion(c.sparkVersion)) {
        out.push(`has an unpinned sparkVersion ${show(c.sparkVersion)}`);
    }
    return out;
}

export const databricksJobClustersHardened = resourcePolicy({
    name: "databricks-job-clusters-hardened",
    description: "Job clusters use a cluster policy, an isolated access mode, a pinned runtime and no init scripts.",
    types: [DBX.job],
    validate: (args, report, guard) => {
        const who = label(args.type, args.name, str(args.props.name));
        const clusters: [string, Props][] = [
            ...arr(args.props.jobClusters).map((jc, i) => [`jobClusters[${i}] '${str(obj(jc).jobClusterKey) ?? i}'`, obj(obj(jc).newCluster)] as [string, Props]),
            ...arr(args.props.tasks).filter(t => obj(t).newCluster).map((t, i) => [`tasks[${i}].newCluster`, obj(obj(t).newCluster)] as [string, Props]),
        ];
        for (const [where, c] of clusters) {
            guard(where, () => {
                for (const p of clusterProblems(c)) {
                    report(`${who}: ${where} ${p}. Set policyId to the platform cluster policy, dataSecurityMode 'SINGLE_USER', `
                        + "a pinned sparkVersion and no initScripts.");
                }
            });
        }
    },
});

// ---------------------------------------------------------------------------------------------------------------
// IP access lists

export const databricksIpAccessListNarrow = resourcePolicy({
    name: "databricks-ip-access-list-narrow",
    description: `Databricks ALLOW IP access lists hold only narrow public ranges (no /${WIDEST_PUBLIC_DESTINATION - 1} `
        + "or wider, nothing that adds up to the internet).",
    types: [DBX.ipAccessList],
    validate: (args, report, guard) => {
        guard("ipAddresses", () => {
            if (!eqi(args.props.listType, "ALLOW")) {
                return;
            }
            const who = label(args.type, args.name, str(args.props.label));
            const entries = arr<string>(args.props.ipAddresses).filter(x => typeof x === "string");
            if (coversInternet(entries)) {
                report(`${who} allows ${show(entries)}, which amounts to the internet. List the exact egress ranges of the `
                    + "offices or VPN that may reach the workspace (e.g. '203.0.113.0/28').");
                return;
            }
            for (const e of entries) {
                const r = parseRange(e);
                if (!r || r.end - r.start + 1 > 2 ** (32 - WIDEST_PUBLIC_DESTINATION)) {
                    report(`${who} allows ${show(e)}, ${r ? `wider than /${WIDEST_PUBLIC_DESTINATION}` : "which is not an address or range"}. `
                        + "List the exact egress ranges that may reach the workspace (e.g. '203.0.113.0/28').");
                }
            }
        });
    },
});

// ---------------------------------------------------------------------------------------------------------------
// Workspace settings

/** Settings that let data leave a workspace through the browser; false in production. */
export const PRODUCTION_OFF = ["enableExportNotebook", "enableResultsDownloading", "enableNotebookTableClipboard", "enableDbfsFileBrowser"];

export const MAX_TOKEN_LIFETIME_DAYS = 90;

export const databricksWorkspaceConfHardened = resourcePolicy({
    name: "databricks-workspace-conf-hardened",
    description: "Workspace configuration: in production notebook export, results download, table clipboard and the DBFS "
        + `browser are off (explicitly "false"); personal access tokens, when enabled, have a maximum lifetime of at most `
        + `${MAX_TOKEN_LIFETIME_DAYS} days.`,
    types: [DBX.workspaceConf],
    config: { productionStacks: PRODUCTION_STACKS_SCHEMA },
    validate: (args, report, guard) => {
        const who = label(args.type, args.name);
        guard("customConfig", () => {
            const conf = obj(args.props.customConfig);
            if (isProduction(args.urn, args.getConfig())) {
                for (const key of PRODUCTION_OFF) {
                    if (!isFalse(conf[key])) {
                        report(`${who} has customConfig.${key} ${show(conf[key])} in a production stack: data could leave the `
                            + `workspace through the browser (unset means Databricks' default, enabled). Set ${key} to "false".`);
                    }
                }
            }
            if (!isFalse(conf.enableTokensConfig)) {
                const days = Number(conf.maxTokenLifetimeDays);
                if (!Number.isFinite(days) || days <= 0 || days > MAX_TOKEN_LIFETIME_DAYS) {
                    report(`${who} allows personal access tokens with maxTokenLifetimeDays ${show(conf.maxTokenLifetimeDays)}: `
                        + `long-lived bearer credentials. Set maxTokenLifetimeDays to at most "${MAX_TOKEN_LIFETIME_DAYS}" (e.g. "30"), `
                        + "or enableTokensConfig to \"false\".");
                }
            }
        });
    },
});

/**
 * The Databricks workspace settings the pack knows, with the property path that must be on. `required`: every managed
 * workspace must carry it (databricks-workspace-hardening-complete). Enhanced security monitoring, automatic cluster
 * update and the compliance security profile are not required: they are Azure workspace properties
 * (enhancedSecurityCompliance, API 2023-09-15-preview and later) that azure-native 2.10.0 cannot set, so the program
 * creates no setting resource for them. A stack that does declare one must still have it on.
 */
export const HARDENING: { type: string; path: string; what: string; required: boolean }[] = [
    { type: DBX.disableLegacyAccess, path: "disableLegacyAccess.value", what: "legacy access (no-isolation clusters, Hive metastore credentials) disabled", required: true },
    { type: DBX.disableLegacyDbfs, path: "disableLegacyDbfs.value", what: "DBFS root and mounts disabled", required: true },
    { type: DBX.esm, path: "enhancedSecurityMonitoringWorkspace.isEnabled", what: "enhanced security monitoring on", required: false },
    { type: DBX.acu, path: "automaticClusterUpdateWorkspace.enabled", what: "automatic cluster update on", required: false },
    { type: DBX.csp, path: "complianceSecurityProfileWorkspace.isEnabled", what: "compliance security profile on", required: false },
    { type: DBX.restrictAdmins, path: "restrictWorkspaceAdmins.status", what: "workspace admins restricted", required: false },
];

export const databricksHardeningSettingsOn = resourcePolicy({
    name: "databricks-hardening-settings-on",
    description: "Workspace hardening settings that the stack declares are switched on (legacy DBFS disabled, enhanced "
        + "security monitoring, automatic cluster update, compliance security profile, restricted admins), and legacy "
        + "access is disabled in production stacks (outside production see databricks-legacy-access-only-for-metastore).",
    types: HARDENING.map(h => h.type),
    config: { productionStacks: PRODUCTION_STACKS_SCHEMA },
    validate: (args, report, guard) => {
        const h = HARDENING.find(x => x.type === args.type)!;
        guard(h.path, () => {
            if (h.type === DBX.disableLegacyAccess && !isProduction(args.urn, args.getConfig())) {
                return; // the legacy Hive metastore exception is decided per stack (it needs the firewall's view)
            }
            const v = get(args.props, h.path);
            const on = h.type === DBX.restrictAdmins ? eqi(v, "RESTRICT_TOKENS_AND_JOB_RUN_AS") : isTrue(v);
            if (!on) {
                report(`${label(args.type, args.name)} has ${h.path} ${show(v)}: the workspace would not have ${h.what}. `
                    + `Set ${h.path} to ${h.type === DBX.restrictAdmins ? "'RESTRICT_TOKENS_AND_JOB_RUN_AS'" : "true"}.`);
            }
        });
    },
});

/** The legacy Hive metastore's port (Azure Database for MySQL). */
export const LEGACY_METASTORE_PORT = 3306;

function portsCover(ports: unknown, port: number): boolean {
    return arr(ports).some(p => {
        const m = String(p).trim().match(/^(\d+)(?:-(\d+))?$/);
        return m !== null && Number(m[1]) <= port && port <= Number(m[2] ?? m[1]);
    });
}

/** Allow network rules of the stack's firewall policies that reach TCP 3306 (the legacy Hive metastore). */
function legacyMetastoreRules(idx: StackIndex): string[] {
    const out: string[] = [];
    for (const rcg of idx.ofType(T.ruleCollectionGroup)) {
        for (const rc of arr(rcg.props.ruleCollections).map(obj)) {
            if (!eqi(get(rc, "action.type"), "Allow")) {
                continue;
            }
            for (const r of arr(rc.rules).map(obj)) {
                const tcp = arr(r.ipProtocols).some(x => eqi(x, "TCP") || eqi(x, "Any"));
                if (eqi(r.ruleType, "NetworkRule") && tcp && portsCover(r.destinationPorts, LEGACY_METASTORE_PORT)) {
                    out.push(`${rcg.name}/${str(rc.name) ?? "?"}/${str(r.name) ?? "?"}`);
                }
            }
        }
    }
    return out;
}

export const databricksLegacyAccessOnlyForMetastore = stackPolicy({
    name: "databricks-legacy-access-only-for-metastore",
    description: "Outside production, a workspace may leave legacy access on (DisableLegacyAccessSetting false) only when "
        + "the stack keeps the legacy Hive metastore: its firewall policy allows TCP 3306 (the program pairs "
        + "firewall.legacyHiveMetastore true with workspaceHardening.disableLegacyAccess false). Production stacks must "
        + "disable legacy access (databricks-hardening-settings-on).",
    config: { productionStacks: PRODUCTION_STACKS_SCHEMA },
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const settings = idx.ofType(DBX.disableLegacyAccess)
            .filter(r => !isProduction(r.urn, args.getConfig()) && !isTrue(get(r.props, "disableLegacyAccess.value")));
        if (settings.length === 0) {
            return;
        }
        // Under the engine, stack policies see outputs; a provider that does not return a group's ruleCollections
        // (the e2e simulator, like the Java mocks, drops that union) leaves the rule undecidable: skip, do not guess.
        if (idx.ofType(T.ruleCollectionGroup).some(g => g.props.ruleCollections === undefined)) {
            return;
        }
        const rules = legacyMetastoreRules(idx);
        for (const r of settings) {
            guard(r.name, () => {
                if (rules.length === 0) {
                    report(`${label(r.type, r.name)} has disableLegacyAccess.value ${show(get(r.props, "disableLegacyAccess.value"))}, `
                        + "but the stack's firewall allows no TCP 3306 (legacy Hive metastore): legacy access (no-isolation "
                        + "clusters, Hive metastore credentials) stays on for nothing. Set disableLegacyAccess.value to true, "
                        + "or keep the metastore (firewall.legacyHiveMetastore: true).", r.urn);
                }
            });
        }
    },
});

// ---------------------------------------------------------------------------------------------------------------
// Cross-resource rules (stack policies: they see every resource, but under `pulumi up` run after the changes)


/** The workspaces the stack manages content in: each workspace-level databricks provider names one. */
function workspaceProviders(resources: readonly PolicyResource[]): PolicyResource[] {
    return resources.filter(r => r.type === DBX.provider && (() => {
        // a workspace id or host that is unknown during preview still names a workspace
        return present(r.props, "azureWorkspaceResourceId") || /adb-\d+/.test(String(peek(r.props, "host") ?? ""));
    })());
}

export const databricksWorkspaceHardeningComplete = stackPolicy({
    name: "databricks-workspace-hardening-complete",
    description: "Every workspace the stack manages (through a workspace-level databricks provider) carries the "
        + "hardening settings the provider can set: DisableLegacyAccessSetting, DisableLegacyDbfsSetting and a WorkspaceConf. "
        + "(Enhanced security monitoring, automatic cluster update and the compliance security profile are Azure workspace "
        + "properties azure-native 2.10.0 cannot set; they are not required, but must be on where declared.)",
    validate: (args, report, guard) => {
        for (const prov of workspaceProviders(args.resources)) {
            guard(prov.name, () => {
                const using = args.resources.filter(r => r.provider && sameUrn(r.provider.urn, prov.urn));
                const required = [...HARDENING.filter(h => h.required),
                    { type: DBX.workspaceConf, path: "customConfig", what: "the workspace configuration (export/download/token limits)" }];
                const missing = required.filter(h => !using.some(r => r.type === h.type));
                if (missing.length > 0) {
                    report(`The workspace managed through provider '${prov.name}' (${show(prov.props.azureWorkspaceResourceId ?? prov.props.host)}) `
                        + `lacks ${missing.map(m => `${m.type.split(":").pop()} (${m.what})`).join(", ")}. Keep the workspace's `
                        + "hardening resources (the WorkspaceHardening component) in the stack, on that provider.", prov.urn);
                }
            });
        }
    },
});

/** Services of a storage account an NCC private endpoint rule can target. */
function isPrivateTarget(r: Res): boolean {
    return eqi(r.props.publicNetworkAccess, "Disabled") || eqi(get(r.props, "properties.publicNetworkAccess"), "Disabled")
        || eqi(get(r.props, "networkRuleSet.defaultAction"), "Deny") || eqi(get(r.props, "properties.networkAcls.defaultAction"), "Deny");
}

/** The principals a job runs as (run_as), by name. */
function jobRunAs(idx: StackIndex): Set<string> {
    const out = new Set<string>();
    for (const j of idx.ofType(DBX.job)) {
        for (const key of ["runAs.servicePrincipalName", "runAs.userName"]) {
            const v = str(get(j.props, key));
            if (v) {
                out.add(v.toLowerCase());
            }
        }
    }
    return out;
}

/** Whether an azure-native Key Vault child (Secret, Key) lives in the vault: by name in the inputs, else by id. */
function inVault(child: Res, vault: Res): boolean {
    const name = str(vault.props.vaultName) ?? str(vault.props.name);
    const childVault = str(child.props.vaultName);
    if (name && childVault) {
        const rg = str(vault.props.resourceGroupName);
        const childRg = str(child.props.resourceGroupName);
        return eqi(name, childVault) && (!rg || !childRg || eqi(rg, childRg));
    }
    const id = normalizeId(child.props.id);
    return id !== undefined && vault.keys.some(k => id.startsWith(`${k}/`));
}

export const databricksJobSecretScopeDedicated = stackPolicy({
    name: "databricks-job-secret-scope-dedicated",
    description: "A job's run-as principal reads secrets only from a Key Vault-backed scope of its own: READ on such a "
        + "scope reads every secret of the vault behind it, so that scope is created by the component that grants it, "
        + "and its vault backs no other scope and holds no keys and no secrets of any other component.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const runAs = jobRunAs(idx);
        const parentOf = new Map(args.resources.map(r => [r.urn, r.parent?.urn ?? ""]));
        const owner = (r: Res) => parentOf.get(r.urn) ?? "";
        const scopes = idx.ofType(DBX.secretScope);
        for (const acl of idx.ofType(DBX.secretAcl)) {
            guard(acl.name, () => {
                const principal = str(acl.props.principal);
                if (!principal || !runAs.has(principal.toLowerCase())) {
                    return;
                }
                for (const scope of scopes.filter(x => eqi(x.props.name, str(acl.props.scope) ?? ""))) {
                    const what = `${label(acl.type, acl.name)} lets job principal ${show(principal)} read scope ${show(acl.props.scope)}`;
                    if (owner(scope) !== owner(acl)) {
                        report(`${what}, which another component created (${label(scope.type, scope.name)}): a shared scope, `
                            + "and READ on it reads every secret of its vault. Give the job a Key Vault and scope of its own.", acl.urn);
                        continue;
                    }
                    const vault = idx.find(get(scope.props, "keyvaultMetadata.resourceId"));
                    if (!vault || vault.type !== T.keyVault) {
                        continue;
                    }
                    const others = scopes.filter(x => x !== scope && eqi(normalizeId(get(x.props, "keyvaultMetadata.resourceId")) ?? "", vault.keys[0] ?? ""));
                    const keys = idx.ofType("azure-native:keyvault:Key").filter(k => inVault(k, vault));
                    const foreign = idx.ofType("azure-native:keyvault:Secret").filter(x => inVault(x, vault) && owner(x) !== owner(acl));
                    if (others.length > 0 || keys.length > 0 || foreign.length > 0) {
                        const found = [...others.map(x => `scope ${show(x.props.name)} (${x.name})`),
                            ...keys.map(k => `key ${k.name}`), ...foreign.map(x => `secret ${x.name}`)];
                        report(`${what}, backed by ${label(vault.type, vault.name)}, which is not the job's own: it also holds or backs `
                            + `${found.join(", ")}. READ on the scope reads every secret of that vault: give the job a vault that `
                            + "holds only its own secrets.", acl.urn);
                    }
                }
            });
        }
    },
});

export const databricksNccPrivateEndpoints = stackPolicy({
    name: "databricks-ncc-private-endpoints",
    description: "Serverless compute reaches the stack's private targets only through NCC private endpoint rules: every "
        + "storage destination of an account network policy and every vault behind a secret scope that is private "
        + "has a rule with the matching groupId, and every rule targets a resource of this stack.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const rules = idx.ofType(DBX.nccRule);
        // The stack runs serverless compute when it declares an NCC (or binds workspaces to one).
        const serverless = idx.ofType(DBX.ncc, DBX.nccBinding).length > 0;
        const has = (target: Res, groupId: string) => rules.some(r => refersTo(r.props.resourceId, target.keys) && eqi(r.props.groupId, groupId));
        for (const anp of idx.ofType(DBX.accountNetworkPolicy)) {
            guard(anp.name, () => {
                for (const d of arr(get(anp.props, "egress.networkAccess.allowedStorageDestinations")).map(obj)) {
                    const account = str(d.azureStorageAccount);
                    const service = str(d.azureStorageService) ?? "blob";
                    const sa = idx.ofType(T.storageAccount).find(s => eqi(s.props.accountName, account ?? ""));
                    if (sa && isPrivateTarget(sa) && !has(sa, service)) {
                        report(`${label(anp.type, anp.name)} lets serverless compute reach storage account '${account}' (${service}), `
                            + `which is private, but no MwsNccPrivateEndpointRule targets it with groupId '${service}': serverless `
                            + `traffic cannot reach it privately. Add an NCC private endpoint rule { resourceId: <account id>, groupId: '${service}' }.`, anp.urn);
                    }
                }
            });
        }
        for (const scope of idx.ofType(DBX.secretScope)) {
            guard(scope.name, () => {
                const vault = idx.find(get(scope.props, "keyvaultMetadata.resourceId"));
                if (vault && vault.type === T.keyVault && isPrivateTarget(vault) && serverless && !has(vault, "vault")) {
                    report(`${label(scope.type, scope.name)} is backed by ${label(vault.type, vault.name)}, which is private, but no `
                        + "MwsNccPrivateEndpointRule targets it with groupId 'vault': serverless jobs cannot read the scope. "
                        + "Add an NCC private endpoint rule { resourceId: <vault id>, groupId: 'vault' }.", scope.urn);
                }
            });
        }
        for (const r of rules) {
            guard(r.name, () => {
                const target = idx.find(r.props.resourceId);
                if (!target) {
                    report(`${label(r.type, r.name)} opens a private endpoint from Databricks serverless compute to `
                        + `${show(r.props.resourceId)}, which is not a resource of this stack: a private path to anyone's `
                        + "resource is an exfiltration path. Target only this stack's storage, vault or Private Link Service.", r.urn);
                }
            });
        }
    },
});

export const databricksServerlessPolicyAttached = stackPolicy({
    name: "databricks-serverless-policy-attached",
    description: "Every workspace network option names an account network policy of this stack, and every Databricks "
        + "workspace of the stack has one (otherwise its serverless compute falls back to the account's default policy).",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const policies = idx.ofType(DBX.accountNetworkPolicy);
        const options = idx.ofType(DBX.networkOption);
        for (const o of options) {
            guard(o.name, () => {
                const id = str(o.props.networkPolicyId);
                if (!policies.some(p => str(p.props.networkPolicyId) === id)) {
                    report(`${label(o.type, o.name)} attaches network policy ${show(id)}, which is not an AccountNetworkPolicy `
                        + "of this stack, so the serverless egress rules cannot be verified (the account default allows "
                        + "everything). Set networkPolicyId to the stack's restricted policy.", o.urn);
                }
            });
        }
        if (policies.length === 0) {
            return;
        }
        for (const ws of idx.ofType(T.databricksWorkspace)) {
            guard(ws.name, () => {
                const wsId = ws.props.workspaceId;
                if (wsId === undefined || wsId === null) {
                    return;
                }
                if (!options.some(o => String(o.props.workspaceId) === String(wsId))) {
                    report(`${label(ws.type, ws.name)} has no WorkspaceNetworkOption: its serverless compute uses the account's `
                        + "default network policy (unrestricted egress). Add a WorkspaceNetworkOption { workspaceId, "
                        + "networkPolicyId: <the stack's policy> }.", ws.urn);
                }
            });
        }
    },
});

/** The CMK settings of a workspace: which entities use a Key Vault key. */
export function workspaceCmk(p: Props): { managedServices: boolean; managedDisk: boolean; dbfs: boolean } {
    return {
        managedServices: eqi(get(p, "encryption.entities.managedServices.keySource"), "Microsoft.Keyvault"),
        managedDisk: eqi(get(p, "encryption.entities.managedDisk.keySource"), "Microsoft.Keyvault"),
        dbfs: eqi(get(p, "parameters.encryption.value.keySource"), "Microsoft.Keyvault"),
    };
}

const CRYPTO_SERVICE_ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";

export const databricksWorkspaceCmkComplete = resourcePolicy({
    name: "databricks-workspace-cmk-complete",
    description: "A workspace that uses customer-managed keys uses them for all three: managed services, managed disks and "
        + "DBFS root (with prepareEncryption).",
    types: [T.databricksWorkspace],
    validate: (args, report, guard) => {
        guard("encryption", () => {
            const cmk = workspaceCmk(args.props);
            const used = Object.entries(cmk).filter(([, on]) => on).map(([k]) => k);
            const prepared = isTrue(get(args.props, "parameters.prepareEncryption.value"));
            if ((used.length > 0 || prepared) && used.length < 3) {
                const missing = Object.entries(cmk).filter(([, on]) => !on).map(([k]) => k);
                report(`${label(args.type, args.name, str(args.props.workspaceName))} uses customer-managed keys for `
                    + `${show(used)}${prepared ? " (prepareEncryption on)" : ""} but not for ${show(missing)}: that data falls back to `
                    + "Microsoft-managed keys. Set encryption.entities.managedServices/managedDisk and parameters.encryption "
                    + "(keySource 'Microsoft.Keyvault') for all three.");
            }
        });
    },
});

export const databricksWorkspaceCmkKept = stackPolicy({
    name: "databricks-workspace-cmk-kept",
    description: "Customer-managed keys are not removed from a workspace that had them: a workspace identity granted "
        + "'Key Vault Crypto Service Encryption User' must use its key, a CMK key of the stack must still be used by a "
        + "workspace, and when any managed workspace uses CMK, every managed workspace does.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const workspaces = idx.ofType(T.databricksWorkspace);
        const grants = idx.ofType("azure-native:authorization:RoleAssignment")
            .filter(g => eqi(String(g.props.roleDefinitionId ?? "").split("/").pop(), CRYPTO_SERVICE_ENCRYPTION_USER));
        const keyNames = new Set<string>();
        for (const ws of workspaces) {
            guard(ws.name, () => {
                const p = ws.props;
                const cmk = workspaceCmk(p);
                for (const n of [get(p, "encryption.entities.managedServices.keyVaultProperties.keyName"),
                    get(p, "encryption.entities.managedDisk.keyVaultProperties.keyName"), get(p, "parameters.encryption.value.keyName")]) {
                    if (typeof n === "string") {
                        keyNames.add(n.toLowerCase());
                    }
                }
                const ids: [string, unknown, boolean][] = [
                    ["DBFS root (storageAccountIdentity)", get(p, "storageAccountIdentity.principalId"), cmk.dbfs],
                    ["managed disks (managedDiskIdentity)", get(p, "managedDiskIdentity.principalId"), cmk.managedDisk],
                ];
                for (const [what, principal, used] of ids) {
                    if (typeof principal === "string" && !used && grants.some(g => g.props.principalId === principal)) {
                        report(`${label(ws.type, ws.name)} no longer encrypts ${what} with a customer-managed key, yet its identity `
                            + "is still granted 'Key Vault Crypto Service Encryption User' on a key: the key was removed from the "
                            + "workspace. Restore the workspace's encryption settings.", ws.urn);
                    }
                }
            });
        }
        // Storage accounts encrypted with a vault key (the data lake) use their key too.
        for (const sa of idx.ofType(T.storageAccount)) {
            const n = get(sa.props, "encryption.keyVaultProperties.keyName");
            if (typeof n === "string" && eqi(get(sa.props, "encryption.keySource"), "Microsoft.Keyvault")) {
                keyNames.add(n.toLowerCase());
            }
        }
        // Disk encryption sets (the serverless router's OS disk) use the key their versioned keyUrl names.
        for (const des of idx.ofType("azure-native:compute:DiskEncryptionSet")) {
            const n = str(get(des.props, "activeKey.keyUrl"))?.match(/\/keys\/([^/]+)(\/[^/]*)?$/i)?.[1];
            if (n) {
                keyNames.add(n.toLowerCase());
            }
        }
        guard("CMK keys", () => {
            for (const g of grants) {
                const key = str(g.props.scope)?.match(/\/keys\/([^/]+)$/i)?.[1]?.toLowerCase();
                if (key && !keyNames.has(key)) {
                    report(`${label(g.type, g.name)} grants 'Key Vault Crypto Service Encryption User' on key '${key}', but no `
                        + "workspace of the stack uses that key any more: customer-managed keys were removed from the workspace "
                        + "that had them. Restore the workspace's encryption settings (or remove the key and its grant deliberately).", g.urn);
                }
            }
        });
        guard("managed workspaces", () => {
            const managed = workspaceProviders(args.resources)
                .map(pr => normalizeId(pr.props.azureWorkspaceResourceId)).filter((k): k is string => !!k);
            const managedWs = workspaces.filter(w => w.keys.some(k => managed.includes(k)));
            for (const entity of ["managedServices", "managedDisk", "dbfs"] as const) {
                if (!managedWs.some(w => workspaceCmk(w.props)[entity])) {
                    continue;
                }
                for (const w of managedWs.filter(x => !workspaceCmk(x.props)[entity])) {
                    report(`${label(w.type, w.name)} does not use a customer-managed key for ${entity} while the stack's other `
                        + "managed workspaces do. Set the same encryption on this workspace.", w.urn);
                }
            }
        });
    },
});

export const databricksServerlessDestinationsKnown = stackPolicy({
    name: "databricks-serverless-destinations-known",
    description: "Serverless egress goes only where the firewall may go: exact DNS names under a shared PaaS domain are "
        + "in the egress catalogue or belong to this stack, and storage destinations are storage accounts of this stack.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const owned = ownedNames(idx.all);
        const accounts = idx.ofType(T.storageAccount);
        for (const anp of idx.ofType(DBX.accountNetworkPolicy)) {
            const who = label(anp.type, anp.name, str(peek(anp.props, "networkPolicyId")));
            guard(who, () => {
                for (const d of arr(get(anp.props, "egress.networkAccess.allowedInternetDestinations")).map(obj)) {
                    const dest = str(d.destination);
                    if (!dest || dest.includes("*") || parseRange(dest)) {
                        continue; // wildcards and addresses: databricks-serverless-egress-restricted
                    }
                    const v = judgeExactName(dest, owned);
                    if (!v.ok) {
                        report(`${who} lets serverless compute reach ${explain(dest, v)}. Allow only catalogued service names `
                            + "or this stack's own accounts.", anp.urn);
                    }
                }
                for (const d of arr(get(anp.props, "egress.networkAccess.allowedStorageDestinations")).map(obj)) {
                    const account = str(d.azureStorageAccount);
                    if (!account || !accounts.some(a => eqi(peek(a.props, "accountName"), account))) {
                        report(`${who} lets serverless compute reach storage account ${show(account)}, which is not a storage `
                            + "account of this stack (any tenant's account can carry that name). List only the platform's own "
                            + "accounts in allowedStorageDestinations.", anp.urn);
                    }
                }
            });
        }
    },
});

export const dbxPlatformStackPolicies = [
    databricksServerlessDestinationsKnown,
    databricksWorkspaceHardeningComplete,
    databricksLegacyAccessOnlyForMetastore,
    databricksNccPrivateEndpoints,
    databricksJobSecretScopeDedicated,
    databricksServerlessPolicyAttached,
    databricksWorkspaceCmkKept,
];

export const dbxPlatformResourcePolicies = [
    databricksServerlessEgressRestricted,
    databricksSecretScopeKeyVault,
    databricksSecretAclNotEveryone,
    databricksClusterPolicyHardened,
    databricksNoUnrestrictedClusterCreate,
    databricksJobCodeNotUserWritable,
    databricksPermissionsNarrow,
    databricksJobClustersHardened,
    databricksIpAccessListNarrow,
    databricksWorkspaceConfHardened,
    databricksHardeningSettingsOn,
    databricksWorkspaceCmkComplete,
];
