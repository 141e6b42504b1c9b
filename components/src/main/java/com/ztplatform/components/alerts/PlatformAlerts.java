package com.ztplatform.components.alerts;

import com.pulumi.azurenative.consumption.Budget;
import com.pulumi.azurenative.consumption.BudgetArgs;
import com.pulumi.azurenative.consumption.inputs.BudgetComparisonExpressionArgs;
import com.pulumi.azurenative.consumption.inputs.BudgetFilterArgs;
import com.pulumi.azurenative.consumption.inputs.BudgetTimePeriodArgs;
import com.pulumi.azurenative.consumption.inputs.NotificationArgs;
import com.pulumi.azurenative.insights.ActionGroup;
import com.pulumi.azurenative.insights.ActionGroupArgs;
import com.pulumi.azurenative.insights.ActivityLogAlert;
import com.pulumi.azurenative.insights.ActivityLogAlertArgs;
import com.pulumi.azurenative.insights.ScheduledQueryRule;
import com.pulumi.azurenative.insights.ScheduledQueryRuleArgs;
import com.pulumi.azurenative.insights.inputs.ActionListArgs;
import com.pulumi.azurenative.insights.inputs.ActionsArgs;
import com.pulumi.azurenative.insights.inputs.AlertRuleAllOfConditionArgs;
import com.pulumi.azurenative.insights.inputs.AlertRuleAnyOfOrLeafConditionArgs;
import com.pulumi.azurenative.insights.inputs.ConditionArgs;
import com.pulumi.azurenative.insights.inputs.ConditionFailingPeriodsArgs;
import com.pulumi.azurenative.insights.inputs.EmailReceiverArgs;
import com.pulumi.azurenative.insights.inputs.ScheduledQueryRuleCriteriaArgs;
import com.pulumi.azurenative.insights.inputs.WebhookReceiverArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.naming.ResourceKind;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's alerts and budget: one action group (email and webhook receivers), scheduled query alerts on the
 * Log Analytics workspace (firewall denies from the Databricks subnets, Key Vault access denied, storage
 * authentication failures or access from an unexpected network, failed landing jobs), activity log alerts on writes
 * to route tables, NSGs, firewall policies and policy assignments, and the environment's monthly budget with actual
 * and forecast thresholds. Everything notifies the one action group.
 *
 * <pre>{@code
 * var alerts = new PlatformAlerts("alerts", PlatformAlertsArgs.builder().resourceGroupName(hubRg.name())
 *         .location("westeurope").naming(naming).workspaceId(logs.workspaceId()).subscriptionId(subscriptionId)
 *         .receivers(new Receivers(List.of(new Receivers.Email("oncall", "platform-team@contoso.com")), List.of()))
 *         .databricksSubnets(List.of("10.11.0.0/26", "10.11.0.64/26")).budget(BudgetSettings.of(1000)).build(), null);
 * }</pre>
 */
public class PlatformAlerts extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:alerts:PlatformAlerts";
    /** Action groups and activity log alerts are global resources: Azure accepts only this location. */
    public static final String GLOBAL = "Global";
    /** Azure's limit on an action group's short name (shown in SMS and email subjects). */
    public static final int SHORT_NAME_MAX = 12;

    private final Output<String> actionGroupId;
    private final List<String> ruleNames = new ArrayList<>();

    /**
     * Creates the action group, the alerts and the budget.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public PlatformAlerts(String name, PlatformAlertsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("PlatformAlerts", name, args.problems());
        var naming = args.naming();
        var tags = args.common().sortedTags();
        var child = CustomResourceOptions.builder().parent(this).build();

        var receivers = args.receivers();
        var group = new ActionGroup(name + "-ag", ActionGroupArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .actionGroupName(naming.name(ResourceKind.ALERT_RULE, "alerts", "ag"))
                .location(GLOBAL)
                .groupShortName(shortName(naming.prefix(), naming.environment()))
                .enabled(true)
                .emailReceivers(receivers.emails().stream().map(e -> EmailReceiverArgs.builder().name(e.name())
                        .emailAddress(e.address()).useCommonAlertSchema(true).build()).toList())
                // The URL stays a secret output end to end: asSecret keeps it out of plans and state in clear.
                .webhookReceivers(receivers.webhooks().stream().map(w -> WebhookReceiverArgs.builder().name(w.name())
                        .serviceUri(w.url().asSecret()).useCommonAlertSchema(true).build()).toList())
                .tags(tags)
                .build(), child);
        this.actionGroupId = group.id();

        var t = args.thresholds();
        if (!args.databricksSubnets().isEmpty()) {
            queryRule(name, args, "fw-denies", "Firewall denies from the Databricks subnets", 2,
                    Output.of(AlertQueries.firewallDenies(args.databricksSubnets()).kql()), t.firewallDenies(), tags);
        }
        queryRule(name, args, "kv-denied", "Key Vault access denied", 2,
                Output.of(AlertQueries.keyVaultAccessDenied().kql()), t.keyVaultDenials(), tags);
        queryRule(name, args, "storage-auth", "Storage authentication failures or access from an unexpected network", 2,
                Output.of(AlertQueries.storageAccessAnomalies(args.storagePublicRanges()).kql()), t.storageFailures(), tags);
        if (!args.landingJobIds().isEmpty()) {
            queryRule(name, args, "landing-failed", "Landing job run failed", 3, Output.all(args.landingJobIds())
                    .applyValue(ids -> AlertQueries.landingJobFailures(ids).kql()), t.landingJobFailures(), tags);
        }

        var scope = args.subscriptionId().applyValue(id -> "/subscriptions/" + id);
        for (var watch : ActivityLogWatch.values()) {
            var ruleName = naming.name(ResourceKind.ALERT_RULE, "alerts", watch.slug());
            ruleNames.add(ruleName);
            new ActivityLogAlert(name + "-" + watch.slug(), ActivityLogAlertArgs.builder()
                    .resourceGroupName(args.resourceGroupName())
                    .activityLogAlertName(ruleName)
                    .location(GLOBAL)
                    .description(watch.title() + " (deployments fire it too: a condition cannot exclude a caller)")
                    .enabled(true)
                    .scopes(scope.applyValue(List::of))
                    .condition(AlertRuleAllOfConditionArgs.builder().allOf(
                            AlertRuleAnyOfOrLeafConditionArgs.builder().field("category").equals_("Administrative").build(),
                            AlertRuleAnyOfOrLeafConditionArgs.builder().field("status").equals_("Succeeded").build(),
                            AlertRuleAnyOfOrLeafConditionArgs.builder().field("operationName")
                                    .containsAny(watch.operations()).build()).build())
                    .actions(ActionListArgs.builder().actionGroups(
                            com.pulumi.azurenative.insights.inputs.ActionGroupArgs.builder()
                                    .actionGroupId(group.id()).build()).build())
                    .tags(tags)
                    .build(), child);
        }

        args.budget().ifPresent(b -> budget(name, args, b, group, scope));
        registerOutputs(Map.of("actionGroupId", actionGroupId));
    }

    private void queryRule(String name, PlatformAlertsArgs args, String slug, String title, int severity,
                           Output<String> kql, int threshold, Map<String, String> tags) {
        var t = args.thresholds();
        var ruleName = args.naming().name(ResourceKind.ALERT_RULE, "alerts", slug);
        ruleNames.add(ruleName);
        new ScheduledQueryRule(name + "-" + slug, ScheduledQueryRuleArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .ruleName(ruleName)
                .location(args.location())
                .kind("LogAlert")
                .displayName(title)
                .description(title + ": more than " + threshold + " in " + t.windowMinutes() + " minutes")
                .severity((double) severity)
                .enabled(true)
                .scopes(args.workspaceId().applyValue(List::of))
                .evaluationFrequency(AlertThresholds.duration(t.frequencyMinutes()))
                .windowSize(AlertThresholds.duration(t.windowMinutes()))
                .criteria(ScheduledQueryRuleCriteriaArgs.builder().allOf(ConditionArgs.builder()
                        .query(kql)
                        .timeAggregation("Count")
                        .operator("GreaterThan")
                        .threshold((double) threshold)
                        .failingPeriods(ConditionFailingPeriodsArgs.builder()
                                .numberOfEvaluationPeriods(1.0).minFailingPeriodsToAlert(1.0).build())
                        .build()).build())
                // A resource-specific table exists in the workspace only once its first record arrives, so Azure's
                // create-time query check would fail on a new platform; the queries are checked against the
                // recorded table schemas in the tests instead (AlertQueriesTest, log-table-schemas.json).
                .skipQueryValidation(true)
                .autoMitigate(true)
                .actions(ActionsArgs.builder().actionGroups(actionGroupId.applyValue(List::of)).build())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    private void budget(String name, PlatformAlertsArgs args, BudgetSettings b, ActionGroup group,
                        Output<String> scope) {
        // The API requires contactEmails (it may be empty when the action group is given): the action group's email
        // receivers get the budget's own mail too, which still arrives if the action group is ever deleted.
        var emails = args.receivers().emails().stream().map(Receivers.Email::address).toList();
        var notifications = new LinkedHashMap<String, NotificationArgs>();
        b.actualPercents().forEach(p -> notifications.put("actual-" + p, notification(p, "Actual", group, emails)));
        b.forecastPercents().forEach(p -> notifications.put("forecast-" + p, notification(p, "Forecasted", group, emails)));
        var budget = BudgetArgs.builder()
                .scope(scope)
                .budgetName(args.naming().name(ResourceKind.BUDGET, "budget"))
                .amount(b.amountUsd())
                .category("Cost")
                .timeGrain("Monthly")
                .timePeriod(BudgetTimePeriodArgs.builder().startDate(b.startDateTime()).build())
                .notifications(notifications);
        // One subscription may hold several environments: the budget counts the cost of this environment's tag.
        var environment = args.common().tags().get("environment");
        if (environment != null) {
            budget.filter(BudgetFilterArgs.builder().tags(BudgetComparisonExpressionArgs.builder()
                    .name("environment").operator("In").values(environment).build()).build());
        }
        new Budget(name + "-budget", budget.build(), CustomResourceOptions.builder().parent(this).build());
    }

    private static NotificationArgs notification(int percent, String type, ActionGroup group, List<String> emails) {
        return NotificationArgs.builder()
                .enabled(true)
                .operator("GreaterThanOrEqualTo")
                .threshold((double) percent)
                .thresholdType(type)
                .contactEmails(emails)
                .contactGroups(group.id().applyValue(List::of))
                .build();
    }

    /**
     * The action group's short name: prefix and environment, cut to Azure's {@value #SHORT_NAME_MAX} characters
     * (without a trailing '-').
     *
     * @param prefix      the naming prefix, like {@code ztp}
     * @param environment the environment, like {@code dev}
     * @return like {@code ztp-dev}
     */
    public static String shortName(String prefix, String environment) {
        var full = prefix + "-" + environment;
        var cut = full.length() <= SHORT_NAME_MAX ? full : full.substring(0, SHORT_NAME_MAX);
        return cut.endsWith("-") ? cut.substring(0, cut.length() - 1) : cut;
    }

    /**
     * The action group every alert and the budget notify.
     *
     * @return its ARM id
     */
    public Output<String> actionGroupId() {
        return actionGroupId;
    }

    /**
     * The Azure names of the alert rules, scheduled query and activity log alike.
     *
     * @return the names, in creation order
     */
    public List<String> ruleNames() {
        return List.copyOf(ruleNames);
    }
}
