// Unity Catalog and Delta Sharing (databricks:* provider): catalogs are ISOLATED (bound to named workspaces, not open
// to every workspace of the metastore), no grant names the groups of everyone, and every Delta Sharing recipient is
// fenced to its declared networks. Facts: catalog isolation and workspace bindings
// (learn.microsoft.com/azure/databricks/catalogs/binding), privileges and the built-in groups
// (learn.microsoft.com/azure/databricks/data-governance/unity-catalog/manage-privileges/privileges), and the Delta
// Sharing protocol, whose clients read each shared file directly from the provider's storage through the URL the
// server returns (github.com/delta-io/delta-sharing/blob/main/PROTOCOL.md, "File": url).

import { isAnyAddress } from "../lib/cidr";
import { resourcePolicy } from "../lib/policy";
import { MAX_RECIPIENT_IP_ACCESS_LIST, recipientNetworks, STORAGE_NETWORKS_PROPERTY, storageIpRuleProblem } from "./sharing";
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
    description: "Every Delta Sharing recipient is fenced to its networks: an open (TOKEN) recipient has an IP access "
        + "list of 1-100 public IPv4 addresses or ranges (Databricks checks it on every request made with the token); "
        + "a Databricks-to-Databricks recipient names the partner metastore and declares its compute's public egress "
        + "networks (recipient property storage_networks), which the Delta Sharing account admits. Recipients read the "
        + "files from that account directly, never from the lake.",
    types: [UC.recipient],
    validate: (args, report, guard) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.name));
        guard("authenticationType", () => {
            if (eqi(p.authenticationType, "TOKEN")) {
                guard("ipAccessList", () => {
                    const entries = arr(get(p.ipAccessList, "allowedIpAddresses"));
                    if (entries.length === 0) {
                        report(`${who} is an open (TOKEN) recipient without an IP access list: anyone holding its `
                            + "token reads the share from anywhere. Set ipAccessList.allowedIpAddresses to the partner's "
                            + "public addresses, like ['20.61.12.16/28'].");
                    } else if (entries.length > MAX_RECIPIENT_IP_ACCESS_LIST) {
                        report(`${who} has ${entries.length} IP access list entries; Databricks takes at most `
                            + `${MAX_RECIPIENT_IP_ACCESS_LIST}.`);
                    }
                    entries.forEach((entry, i) => {
                        const problem = isAnyAddress(entry) ? `${show(entry)} is the whole internet` : storageIpRuleProblem(entry);
                        if (problem) {
                            report(`${who} ipAccessList.allowedIpAddresses[${i}]: ${problem}. Fence the recipient to the `
                                + "partner's public addresses (also admitted by the Delta Sharing account).");
                        }
                    });
                });
                return;
            }
            if (!eqi(p.authenticationType, "DATABRICKS")) {
                return;
            }
            if (!str(p.dataRecipientGlobalMetastoreId)) {
                report(`${who} is a Databricks-to-Databricks recipient without dataRecipientGlobalMetastoreId: name the `
                    + "partner metastore's sharing identifier, like 'azure:northeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9'.");
            }
            guard("propertiesKvpairs", () => {
                const networks = recipientNetworks(p) ?? [];
                if (networks.length === 0) {
                    report(`${who} declares no storage networks (recipient property ${STORAGE_NETWORKS_PROPERTY}): its `
                        + "compute downloads the shared files from the Delta Sharing account, which admits only declared "
                        + "networks. Declare the partner's public egress, like '20.61.12.16/28'.");
                }
                networks.forEach((n, i) => {
                    const problem = storageIpRuleProblem(n);
                    if (problem) {
                        report(`${who} ${STORAGE_NETWORKS_PROPERTY}[${i}]: ${problem}.`);
                    }
                });
            });
        });
    },
});

export const unityCatalogPolicies = [
    databricksCatalogIsolated,
    databricksGrantsNotEveryone,
    databricksOpenRecipientIpList,
];
