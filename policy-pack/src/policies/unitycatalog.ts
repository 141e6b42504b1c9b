// Unity Catalog and Delta Sharing (databricks:* provider): catalogs are ISOLATED (bound to named workspaces, not open
// to every workspace of the metastore), no grant names the groups of everyone, and open (TOKEN) Delta Sharing
// recipients are fenced by a narrow IP access list. Facts: catalog isolation and workspace bindings
// (learn.microsoft.com/azure/databricks/catalogs/binding), privileges and the built-in groups
// (learn.microsoft.com/azure/databricks/data-governance/unity-catalog/manage-privileges/privileges), recipient IP
// access lists (learn.microsoft.com/azure/databricks/data-sharing/access-list: allow lists only, IPv4, at most 100).

import { coversInternet, parseRange } from "../lib/cidr";
import { resourcePolicy } from "../lib/policy";
import { arr, eqi, get, label, show, str } from "../lib/values";
import { WIDEST_PUBLIC_DESTINATION } from "./firewall";

export const UC = {
    catalog: "databricks:index/catalog:Catalog",
    grants: "databricks:index/grants:Grants",
    grant: "databricks:index/grant:Grant",
    recipient: "databricks:index/recipient:Recipient",
} as const;

/** The built-in groups of every user of the account or workspace. */
const EVERYONE = ["account users", "users"];
/** Securables a Grants/Grant resource may name, for the message. */
const SECURABLES = ["catalog", "schema", "table", "volume", "share", "externalLocation", "storageCredential", "metastore"];

export const databricksCatalogIsolated = resourcePolicy({
    name: "databricks-catalog-isolated",
    description: "Unity Catalog catalogs are ISOLATED: reachable only from the workspaces they are bound to, not from "
        + "every workspace the metastore is assigned to (the default, OPEN).",
    types: [UC.catalog],
    validate: (args, report, guard) => {
        guard("isolationMode", () => {
            if (!eqi(args.props.isolationMode, "ISOLATED")) {
                report(`${label(args.type, args.name, str(args.props.name))} has isolationMode ${show(args.props.isolationMode)}: `
                    + "every workspace of the metastore (dev and prod share one per region) could read it. Set "
                    + "isolationMode ISOLATED and bind it to its workspaces with databricks:WorkspaceBinding.");
            }
        });
    },
});

export const databricksGrantsNotEveryone = resourcePolicy({
    name: "databricks-grants-not-everyone",
    description: "No Unity Catalog grant (Grants or Grant) names 'account users' or 'users': data is granted to "
        + "groups that own or use it, never to everyone.",
    types: [UC.grants, UC.grant],
    validate: (args, report, guard) => {
        const on = SECURABLES.filter(s => str(args.props[s])).map(s => `${s} ${show(args.props[s])}`)[0] ?? "its securable";
        const check = (principal: unknown, privileges: unknown) => {
            const p = str(principal);
            if (p && EVERYONE.some(e => eqi(e, p.trim()))) {
                report(`${label(args.type, args.name)} grants ${show(privileges)} on ${on} to '${p}': everyone in the account `
                    + "would get it. Grant to a group, like 'data-engineers'; a deliberate exception is a documented "
                    + "policy exception, not a default.");
            }
        };
        if (args.type === UC.grant) {
            guard("principal", () => check(args.props.principal, args.props.privileges));
            return;
        }
        guard("grants", () => {
            for (const g of arr(args.props.grants)) {
                check(get(g, "principal"), get(g, "privileges"));
            }
        });
    },
});

export const databricksOpenRecipientIpList = resourcePolicy({
    name: "databricks-open-recipient-ip-list",
    description: "Open Delta Sharing recipients (authenticationType TOKEN) have an IP access list of narrow ranges: "
        + "a leaked bearer token or activation link is useless outside the partner's addresses.",
    types: [UC.recipient],
    validate: (args, report, guard) => {
        guard("authenticationType", () => {
            if (!eqi(args.props.authenticationType, "TOKEN")) {
                return;
            }
            guard("ipAccessList", () => {
                const who = label(args.type, args.name, str(args.props.name));
                const entries = arr<string>(get(args.props.ipAccessList, "allowedIpAddresses")).filter(x => typeof x === "string");
                if (entries.length === 0) {
                    report(`${who} is an open (TOKEN) recipient without an IP access list: anyone holding its token could `
                        + "read the shares. Set ipAccessList.allowedIpAddresses to the partner's egress ranges (e.g. "
                        + "'203.0.113.10/32').");
                    return;
                }
                if (coversInternet(entries)) {
                    report(`${who} allows ${show(entries)}, which amounts to the internet. List the partner's egress ranges.`);
                    return;
                }
                for (const e of entries) {
                    const r = parseRange(e);
                    if (!r || r.end - r.start + 1 > 2 ** (32 - WIDEST_PUBLIC_DESTINATION)) {
                        report(`${who} allows ${show(e)}, ${r ? `wider than /${WIDEST_PUBLIC_DESTINATION}` : "which is not an address or range"}. `
                            + "List the partner's egress ranges (e.g. '203.0.113.10/32').");
                    }
                }
            });
        });
    },
});

export const unityCatalogPolicies = [
    databricksCatalogIsolated,
    databricksGrantsNotEveryone,
    databricksOpenRecipientIpList,
];
