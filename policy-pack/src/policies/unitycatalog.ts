// Unity Catalog and Delta Sharing (databricks:* provider): catalogs are ISOLATED (bound to named workspaces, not open
// to every workspace of the metastore), no grant names the groups of everyone, and no open (TOKEN) Delta Sharing
// recipient exists. Facts: catalog isolation and workspace bindings
// (learn.microsoft.com/azure/databricks/catalogs/binding), privileges and the built-in groups
// (learn.microsoft.com/azure/databricks/data-governance/unity-catalog/manage-privileges/privileges), and the Delta
// Sharing protocol, whose clients read each shared file directly from the provider's storage through the URL the
// server returns (github.com/delta-io/delta-sharing/blob/main/PROTOCOL.md, "File": url).

import { resourcePolicy } from "../lib/policy";
import { arr, eqi, get, label, show, str } from "../lib/values";

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
    description: "No open Delta Sharing recipient (authenticationType TOKEN): its client downloads the shared files "
        + "directly from the data lake, whose firewall admits no network, so it would hold a token and read nothing; "
        + "an IP access list does not change that. Share with Databricks-to-Databricks recipients. (The name is kept "
        + "from when open recipients with a narrow IP list were accepted, so existing configuration still applies.)",
    types: [UC.recipient],
    validate: (args, report, guard) => {
        guard("authenticationType", () => {
            if (!eqi(args.props.authenticationType, "TOKEN")) {
                return;
            }
            const who = label(args.type, args.name, str(args.props.name));
            const entries = arr<string>(get(args.props.ipAccessList, "allowedIpAddresses")).filter(x => typeof x === "string");
            report(`${who} is an open (TOKEN) recipient${entries.length > 0 ? ` (IP access list ${show(entries)})` : ""}: `
                + "its client would download the shared files directly from the data lake, whose firewall admits no "
                + "network, so it could never read data. Use authenticationType 'DATABRICKS' with the partner "
                + "metastore's sharing identifier (dataRecipientGlobalMetastoreId, like "
                + "'azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9').");
        });
    },
});

export const unityCatalogPolicies = [
    databricksCatalogIsolated,
    databricksGrantsNotEveryone,
    databricksOpenRecipientIpList,
];
