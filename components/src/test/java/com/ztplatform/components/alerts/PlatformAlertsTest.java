package com.ztplatform.components.alerts;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.google.gson.JsonElement;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformAlertsTest {
    private static final Naming NAMING = new Naming("ztp", "dev");
    private static final String LAW = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-dev-hub-rg/providers/Microsoft.OperationalInsights/workspaces/ztp-dev-law";
    private static final String SUB = "00000000-0000-0000-0000-000000000000";
    private static final String HOOK = "https://hooks.example.com/alerts?token=do-not-print-me";

    private static PlatformAlertsArgs.Builder args() {
        return PlatformAlertsArgs.builder().resourceGroupName(Output.of("ztp-dev-hub-rg")).location("westeurope")
                .naming(NAMING).workspaceId(Output.of(LAW)).subscriptionId(Output.of(SUB))
                .receivers(new Receivers(List.of(new Receivers.Email("platform-oncall", "platform-team@contoso.com")),
                        List.of(new Receivers.Webhook("opsgenie", Output.ofSecret(HOOK)))))
                .databricksSubnets(List.of("10.11.0.0/26", "10.11.0.64/26"))
                .common(CommonOptions.defaults().withTags(Map.of("environment", "dev", "owner", "team")));
    }

    /** An input by path with array indexes, like {@code webhookReceivers[0].name}. */
    private static Optional<JsonElement> at(Plan.PlanResource resource, String path) {
        var parts = java.util.regex.Pattern.compile("(\\w+)|\\[(\\d+)]").matcher(path);
        JsonElement current = null;
        boolean first = true;
        while (parts.find()) {
            if (first) {
                current = resource.input(parts.group(1)).orElse(null);
                first = false;
            } else if (current == null) {
                break;
            } else if (parts.group(2) != null) {
                int i = Integer.parseInt(parts.group(2));
                current = current.isJsonArray() && current.getAsJsonArray().size() > i ? current.getAsJsonArray().get(i) : null;
            } else {
                current = current.isJsonObject() ? current.getAsJsonObject().get(parts.group(1)) : null;
            }
        }
        return Optional.ofNullable(current);
    }

    private static String text(Plan.PlanResource resource, String path) {
        return at(resource, path).map(JsonElement::getAsString).orElse(null);
    }

    private static Plan plan(UnaryOperator<PlatformAlertsArgs.Builder> changes) {
        return MockRun.run(ctx -> new PlatformAlerts("alerts", changes.apply(args()).build(), null));
    }

    @Test
    void oneGlobalActionGroupWithTheReceiversAndTheWebhookUrlNeverInClear() {
        var plan = plan(a -> a);
        assertThat(plan.errors()).isEmpty();
        var group = plan.ofType("azure-native:insights:ActionGroup");
        assertThat(group).hasSize(1);
        var ag = group.get(0);
        assertThat(ag.inputString("location")).hasValue("Global");
        assertThat(ag.inputString("groupShortName")).hasValue("ztp-dev");
        assertThat(ag.input("emailReceivers").orElseThrow().toString()).contains("platform-team@contoso.com");
        assertThat(at(ag, "webhookReceivers[0].name").map(JsonElement::getAsString)).hasValue("opsgenie");
        assertThat(at(ag, "webhookReceivers[0].serviceUri").map(JsonElement::getAsString)).hasValue(Plan.SECRET_PLACEHOLDER);
        assertThat(plan.toJson()).doesNotContain("do-not-print-me");
    }

    @Test
    void scheduledQueryAlertsRunOnTheWorkspaceAndNotifyTheGroup() {
        var plan = plan(a -> a.landingJobIds(List.of(Output.of("123456789012"))));
        assertThat(plan.errors()).isEmpty();
        var agId = plan.ofType("azure-native:insights:ActionGroup").get(0).id();
        var rules = plan.ofType("azure-native:insights:ScheduledQueryRule");
        assertThat(rules).extracting(r -> r.inputString("ruleName").orElseThrow()).containsExactlyInAnyOrder(
                "ztp-dev-alerts-fw-denies", "ztp-dev-alerts-kv-denied", "ztp-dev-alerts-storage-auth",
                "ztp-dev-alerts-landing-failed");
        for (var rule : rules) {
            assertThat(rule.inputString("location")).hasValue("westeurope");
            assertThat(rule.inputString("kind")).hasValue("LogAlert");
            assertThat(at(rule, "scopes[0]").map(JsonElement::getAsString)).hasValue(LAW);
            assertThat(rule.inputString("windowSize")).hasValue("PT15M");
            assertThat(rule.inputString("evaluationFrequency")).hasValue("PT5M");
            assertThat(at(rule, "actions.actionGroups[0]").map(JsonElement::getAsString)).hasValue(agId);
            assertThat(at(rule, "criteria.allOf[0].timeAggregation").map(JsonElement::getAsString)).hasValue("Count");
        }
        assertThat(text(plan.named("alerts-fw-denies"), "criteria.allOf[0].query"))
                .contains("AZFWNetworkRule").contains("10.11.0.64/26");
        assertThat(at(plan.named("alerts-fw-denies"), "criteria.allOf[0].threshold").orElseThrow().getAsDouble())
                .isEqualTo(AlertThresholds.DEFAULT_FIREWALL_DENIES);
        assertThat(text(plan.named("alerts-landing-failed"), "criteria.allOf[0].query"))
                .contains("\"123456789012\"");
    }

    @Test
    void withoutLandingJobsThereIsNoLandingAlertAndThresholdsComeFromArgs() {
        var plan = plan(a -> a.thresholds(new AlertThresholds(7, 1, 2, 0, 30, 10)));
        assertThat(plan.ofType("azure-native:insights:ScheduledQueryRule")).hasSize(3);
        var kv = plan.named("alerts-kv-denied");
        assertThat(at(kv, "criteria.allOf[0].threshold").orElseThrow().getAsDouble()).isEqualTo(1.0);
        assertThat(kv.inputString("windowSize")).hasValue("PT30M");
        assertThat(kv.inputString("evaluationFrequency")).hasValue("PT10M");
    }

    @Test
    void activityLogAlertsAreGlobalOnTheSubscriptionForEachWatchedChange() {
        var plan = plan(a -> a);
        var alerts = plan.ofType("azure-native:insights:ActivityLogAlert");
        assertThat(alerts).hasSize(ActivityLogWatch.values().length);
        for (var alert : alerts) {
            assertThat(alert.inputString("location")).hasValue("Global");
            assertThat(at(alert, "scopes[0]").map(JsonElement::getAsString)).hasValue("/subscriptions/" + SUB);
            assertThat(at(alert, "condition.allOf[0].field").map(JsonElement::getAsString)).hasValue("category");
            assertThat(at(alert, "condition.allOf[0].equals").map(JsonElement::getAsString)).hasValue("Administrative");
        }
        var routes = plan.named("alerts-route-tables");
        assertThat(at(routes, "condition.allOf[2].containsAny").orElseThrow().toString())
                .contains("Microsoft.Network/routeTables/routes/write");
        assertThat(at(plan.named("alerts-policy-assignments"), "condition.allOf[2].containsAny").orElseThrow()
                .toString()).contains("Microsoft.Authorization/policyAssignments/delete");
    }

    @Test
    void theBudgetIsMonthlyOnTheEnvironmentsTagWithActualAndForecastThresholds() {
        var plan = plan(a -> a.budget(BudgetSettings.of(2000)));
        assertThat(plan.errors()).isEmpty();
        var budgets = plan.ofType("azure-native:consumption:Budget");
        assertThat(budgets).hasSize(1);
        var budget = budgets.get(0);
        assertThat(budget.id()).isEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Consumption/budgets/ztp-dev-budget");
        assertThat(budget.input("amount").orElseThrow().getAsDouble()).isEqualTo(2000.0);
        assertThat(budget.inputString("timeGrain")).hasValue("Monthly");
        assertThat(budget.inputString("category")).hasValue("Cost");
        assertThat(budget.inputString("timePeriod.startDate")).hasValue("2026-12-01T00:00:00Z");
        assertThat(budget.inputString("filter.tags.name")).hasValue("environment");
        assertThat(at(budget, "filter.tags.values[0]").map(JsonElement::getAsString)).hasValue("dev");
        var notifications = budget.input("notifications").orElseThrow().getAsJsonObject();
        assertThat(notifications.keySet()).containsExactlyInAnyOrder("actual-80", "actual-100", "forecast-100");
        var agId = plan.ofType("azure-native:insights:ActionGroup").get(0).id();
        assertThat(notifications.getAsJsonObject("forecast-100").get("thresholdType").getAsString()).isEqualTo("Forecasted");
        assertThat(notifications.getAsJsonObject("actual-80").getAsJsonArray("contactGroups").get(0).getAsString())
                .isEqualTo(agId);
        assertThat(plan(a -> a).ofType("azure-native:consumption:Budget")).isEmpty();
    }

    @Test
    void everyProblemIsReportedWithItsFieldAndAnExample() {
        var bad = PlatformAlertsArgs.builder().receivers(new Receivers(List.of(new Receivers.Email("a", "not-an-address"),
                        new Receivers.Email("A", "x@contoso.com")), List.of()))
                .databricksSubnets(List.of("10.11.0.0")).storagePublicRanges(List.of("public"))
                .thresholds(new AlertThresholds(-1, 0, 0, 0, 7, 60))
                .budget(new BudgetSettings(0, List.of(80, 100, 120), List.of(100, 110, 0), "2026-12-15")).build();
        assertThat(String.join("\n", bad.problems()))
                .contains("resourceGroupName is required, like hubRg.name()")
                .contains("location is required, like westeurope")
                .contains("workspaceId is required, like logs.workspaceId()")
                .contains("subscriptionId is required")
                .contains("receivers.emails[0].address must be an email address like platform-team@contoso.com")
                .contains("receivers.emails[1].name repeats the receiver name 'A'")
                .contains("databricksSubnets[0] must be a CIDR like 10.11.0.0/26, got '10.11.0.0'")
                .contains("storagePublicRanges[0] must be a CIDR like 203.0.113.0/28")
                .contains("thresholds.firewallDenies must be 0 or more")
                .contains("thresholds.windowMinutes must be one of")
                .contains("budget.amount must be more than 0, like 1000")
                .contains("budget.forecastPercents[2] must be a percentage above 0 and at most 1000")
                .contains("give 6 notifications; Azure allows 5 per budget")
                .contains("budget.startDate must be the first day of a month");
        assertThat(Receivers.problems("alerts.", List.of(), List.of())).singleElement().asString()
                .startsWith("alerts.emails or webhooks must name at least one receiver");
        assertThat(new AlertThresholds(0, 0, 0, 0, 5, 10).problems("t.")).singleElement().asString()
                .startsWith("t.frequencyMinutes must not exceed windowMinutes (5)");
    }

    @Test
    void shortNamesAndUrlsFollowAzuresRules() {
        assertThat(PlatformAlerts.shortName("ztp", "dev")).isEqualTo("ztp-dev");
        assertThat(PlatformAlerts.shortName("contosodata", "prod")).isEqualTo("contosodata");
        assertThat(PlatformAlerts.shortName("contoso", "staging")).hasSize(PlatformAlerts.SHORT_NAME_MAX)
                .isEqualTo("contoso-stag");
        assertThat(Receivers.validWebhookUrl(HOOK)).isTrue();
        assertThat(Receivers.validWebhookUrl("http://hooks.example.com/x")).isFalse();
        assertThat(Receivers.validWebhookUrl("not a url")).isFalse();
        assertThat(AlertThresholds.duration(60)).isEqualTo("PT1H");
        assertThat(AlertThresholds.duration(1440)).isEqualTo("P1D");
    }
}
