// Alerts and budgets (issue 20): a platform stack tells someone when a zero-trust control trips. One action group with
// a receiver; scheduled query alerts on firewall denies, Key Vault denials and storage authentication failures (and on
// failed landing runs when the stack runs jobs); activity log alerts on writes to route tables, NSGs, firewall
// policies and policy assignments; a cost budget with actual and forecast thresholds. All of them notify the group.
// Activity log alert conditions: learn.microsoft.com/rest/api/monitor/activity-log-alerts/create-or-update;
// budgets: learn.microsoft.com/rest/api/consumption/budgets/create-or-update.

import { refersTo } from "../lib/armid";
import { stackPolicy } from "../lib/policy";
import { Res, StackIndex, T } from "../lib/stackindex";
import { arr, eqi, get, isFalse, label, obj, str } from "../lib/values";

export const ALERTS = {
    actionGroup: "azure-native:insights:ActionGroup",
    scheduledQueryRule: "azure-native:insights:ScheduledQueryRule",
    activityLogAlert: "azure-native:insights:ActivityLogAlert",
    budget: "azure-native:consumption:Budget",
    databricksJob: "databricks:index/job:Job",
};

interface QuerySignal { what: string; matches: RegExp; onlyWith?: string }

/** What a query must read to count as the alert: the table (and, for the shared AzureDiagnostics, the provider). */
const QUERY_SIGNALS: QuerySignal[] = [
    { what: "firewall denies (AZFWNetworkRule / AZFWApplicationRule)", matches: /AZFW(Network|Application)Rule/ },
    { what: "Key Vault access denied (AzureDiagnostics MICROSOFT.KEYVAULT or AZKVAuditLogs)", matches: /MICROSOFT\.KEYVAULT|AZKVAuditLogs/i },
    { what: "storage authentication failures (StorageBlobLogs)", matches: /StorageBlobLogs/ },
    { what: "failed landing runs (DatabricksJobs)", matches: /DatabricksJobs/, onlyWith: ALERTS.databricksJob },
];

/** Control-plane writes an activity log alert must watch, by the resource type in the operation name. */
const WATCHED: { what: string; operation: string }[] = [
    { what: "route tables", operation: "microsoft.network/routetables/write" },
    { what: "network security groups", operation: "microsoft.network/networksecuritygroups/write" },
    { what: "firewall policies", operation: "microsoft.network/firewallpolicies/write" },
    { what: "policy assignments", operation: "microsoft.authorization/policyassignments/write" },
];

const notifies = (ids: unknown, groups: Res[]) => arr(ids).some(id => groups.some(g => refersTo(id, g.keys)));

function operationsOf(alert: Res): string[] {
    const ops: string[] = [];
    for (const c of arr(get(alert.props, "condition.allOf"))) {
        const leaves = [obj(c), ...arr(obj(c).anyOf).map(obj)];
        for (const leaf of leaves) {
            if (eqi(leaf.field, "operationName")) {
                const eq = str(leaf.equals);
                if (eq) {
                    ops.push(eq.toLowerCase());
                }
                arr(leaf.containsAny).forEach(v => typeof v === "string" && ops.push(v.toLowerCase()));
            }
        }
    }
    return ops;
}

export const alertsAndBudgetWired = stackPolicy({
    name: "alerts-and-budget-wired",
    description: "A platform stack (one with an Azure Firewall or a Databricks workspace) has an enabled action group "
        + "with a receiver; scheduled query alerts on firewall denies, Key Vault denials, storage authentication "
        + "failures and (with jobs) failed landing runs; Global activity log alerts on route table, NSG, firewall "
        + "policy and policy assignment writes; and a budget with actual and forecast thresholds, all notifying the group.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        if (idx.ofType(T.azureFirewall, T.databricksWorkspace).length === 0) {
            return;
        }
        const groups = idx.ofType(ALERTS.actionGroup).filter(g => !isFalse(g.props.enabled)
            && (arr(g.props.emailReceivers).length > 0 || arr(g.props.webhookReceivers).length > 0));
        if (groups.length === 0) {
            report("The stack has no enabled azure-native:insights:ActionGroup with an email or webhook receiver: its "
                + "alerts and budget would tell no one. Add one (location 'Global') with the on-call receivers.");
            return;
        }
        guard("scheduled query alerts", () => {
            const rules = idx.ofType(ALERTS.scheduledQueryRule).filter(r => !isFalse(r.props.enabled));
            for (const signal of QUERY_SIGNALS) {
                if (signal.onlyWith && idx.ofType(signal.onlyWith).length === 0) {
                    continue;
                }
                const matching = rules.filter(r => arr(get(r.props, "criteria.allOf"))
                    .some(c => signal.matches.test(String(obj(c).query ?? ""))));
                if (!matching.some(r => notifies(get(r.props, "actions.actionGroups"), groups))) {
                    report(`No enabled scheduled query alert on ${signal.what} notifies the action group`
                        + (matching.length > 0 ? ` (${matching.map(r => `'${r.name}'`).join(", ")} notify another or none)` : "")
                        + ". Add an azure-native:insights:ScheduledQueryRule on the platform workspace whose query reads "
                        + "that table, with actions.actionGroups = the action group's id.");
                }
            }
        });
        guard("activity log alerts", () => {
            const alerts = idx.ofType(ALERTS.activityLogAlert).filter(a => !isFalse(a.props.enabled));
            for (const w of WATCHED) {
                const watching = alerts.filter(a => operationsOf(a).includes(w.operation));
                const ok = watching.filter(a => eqi(a.props.location, "Global")
                    && arr(get(a.props, "actions.actionGroups")).some(g => notifies([obj(g).actionGroupId], groups)));
                if (ok.length === 0) {
                    report(`No enabled activity log alert (location 'Global') on writes to ${w.what} (${w.operation}) `
                        + "notifies the action group: a change made outside a deployment would go unnoticed. Add an "
                        + "azure-native:insights:ActivityLogAlert with an operationName condition naming it.",
                        watching[0]?.urn);
                }
            }
        });
        guard("budget", () => {
            const budgets = idx.ofType(ALERTS.budget).filter(b => Number(b.props.amount) > 0);
            const ok = budgets.some(b => {
                const types = Object.values(obj(b.props.notifications)).map(obj)
                    .filter(n => !isFalse(n.enabled) && notifies(n.contactGroups, groups))
                    .map(n => String(n.thresholdType ?? "Actual").toLowerCase());
                return types.includes("actual") && types.includes("forecasted");
            });
            if (!ok) {
                const what = budgets.length === 0 ? "The stack has no azure-native:consumption:Budget with an amount above 0"
                    : "Budget(s) " + budgets.map(b => label(b.type, b.name)).join(", ")
                        + " lack an Actual or a Forecasted notification to the action group";
                report(what + ": cost beyond plan would surface only on the invoice. Add a monthly budget with Actual "
                    + "and Forecasted notifications whose contactGroups name the action group.");
            }
        });
    },
});

export const alertsPolicies = [alertsAndBudgetWired];
