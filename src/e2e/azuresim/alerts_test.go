package main

import (
	"strings"
	"testing"
)

const alertRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-dev-hub-rg/providers/"

func alertCloud() *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	for _, id := range []string{alertRg + "Microsoft.Insights/actionGroups/ztp-dev-alerts-ag",
		alertRg + "Microsoft.OperationalInsights/workspaces/ztp-dev-law"} {
		c.Resources[key(id)] = &Record{ID: id, Inputs: map[string]interface{}{}}
	}
	return c
}

func refused(t *testing.T, token string, in map[string]interface{}, code string) {
	t.Helper()
	err := checkAzureWrite(alertCloud(), token, "id", in, nil)
	if err == nil || !strings.HasPrefix(err.Error(), code) {
		t.Fatalf("%s: want %s, got %v", token, code, err)
	}
}

func accepted(t *testing.T, token string, in map[string]interface{}) {
	t.Helper()
	if err := checkAzureWrite(alertCloud(), token, "id", in, nil); err != nil {
		t.Fatalf("%s refused: %v", token, err)
	}
}

func TestActionGroupsAreGlobalWithShortNamesAndHttpsWebhooks(t *testing.T) {
	ag := func() map[string]interface{} {
		return map[string]interface{}{"location": "Global", "groupShortName": "ztp-dev",
			"emailReceivers":   []interface{}{map[string]interface{}{"name": "oncall", "emailAddress": "a@contoso.com"}},
			"webhookReceivers": []interface{}{map[string]interface{}{"name": "hook", "serviceUri": "https://hooks.example.com/x"}}}
	}
	const token = "azure-native:insights:ActionGroup"
	accepted(t, token, ag())
	in := ag()
	in["location"] = "westeurope"
	refused(t, token, in, "LocationNotSupported")
	in = ag()
	in["groupShortName"] = "contoso-platform"
	refused(t, token, in, "InvalidGroupShortName")
	in = ag()
	in["webhookReceivers"] = []interface{}{map[string]interface{}{"name": "hook", "serviceUri": "http://hooks.example.com/x"}}
	refused(t, token, in, "InvalidWebhookUri")
	in = ag()
	in["webhookReceivers"] = []interface{}{map[string]interface{}{"name": "OnCall", "serviceUri": "https://hooks.example.com/x"}}
	refused(t, token, in, "DuplicateReceiverName")
}

func TestActivityLogAlertsAreGlobalWithCompleteConditionsAndExistingGroups(t *testing.T) {
	alert := func() map[string]interface{} {
		return map[string]interface{}{"location": "Global",
			"scopes": []interface{}{"/subscriptions/00000000-0000-0000-0000-000000000000"},
			"condition": map[string]interface{}{"allOf": []interface{}{
				map[string]interface{}{"field": "category", "equals": "Administrative"},
				map[string]interface{}{"field": "operationName", "containsAny": []interface{}{"Microsoft.Network/routeTables/write"}}}},
			"actions": map[string]interface{}{"actionGroups": []interface{}{
				map[string]interface{}{"actionGroupId": alertRg + "Microsoft.Insights/actionGroups/ztp-dev-alerts-ag"}}}}
	}
	const token = "azure-native:insights:ActivityLogAlert"
	accepted(t, token, alert())
	in := alert()
	in["location"] = "westeurope"
	refused(t, token, in, "LocationNotSupported")
	in = alert()
	in["condition"] = map[string]interface{}{"allOf": []interface{}{map[string]interface{}{"field": "category"}}}
	refused(t, token, in, "InvalidCondition")
	in = alert()
	in["condition"] = map[string]interface{}{"allOf": []interface{}{
		map[string]interface{}{"field": "operationName", "equals": "Microsoft.Network/routeTables/write"}}}
	refused(t, token, in, "InvalidCondition")
	in = alert()
	in["actions"] = map[string]interface{}{"actionGroups": []interface{}{
		map[string]interface{}{"actionGroupId": alertRg + "Microsoft.Insights/actionGroups/missing"}}}
	refused(t, token, in, "ResourceNotFound")
}

func TestScheduledQueryRulesNeedScopesCriteriaAndAFrequencyWithinTheWindow(t *testing.T) {
	rule := func() map[string]interface{} {
		return map[string]interface{}{"location": "westeurope", "kind": "LogAlert",
			"scopes":              []interface{}{alertRg + "Microsoft.OperationalInsights/workspaces/ztp-dev-law"},
			"evaluationFrequency": "PT5M", "windowSize": "PT15M",
			"criteria": map[string]interface{}{"allOf": []interface{}{map[string]interface{}{
				"query": "StorageBlobLogs", "timeAggregation": "Count", "operator": "GreaterThan", "threshold": 20.0}}},
			"actions": map[string]interface{}{"actionGroups": []interface{}{alertRg + "Microsoft.Insights/actionGroups/ztp-dev-alerts-ag"}}}
	}
	const token = "azure-native:insights:ScheduledQueryRule"
	accepted(t, token, rule())
	in := rule()
	in["scopes"] = []interface{}{}
	refused(t, token, in, "ScopesRequired")
	in = rule()
	in["criteria"] = map[string]interface{}{"allOf": []interface{}{}}
	refused(t, token, in, "CriteriaRequired")
	in = rule()
	in["evaluationFrequency"] = "PT1H"
	refused(t, token, in, "InvalidDuration")
	in = rule()
	in["windowSize"] = "P1D"
	accepted(t, token, in)
	in = rule()
	in["scopes"] = []interface{}{alertRg + "Microsoft.OperationalInsights/workspaces/other"}
	refused(t, token, in, "ResourceNotFound")
}

func TestBudgetsTakeAPositiveAmountAndAtMostFiveThresholdsUpTo1000Percent(t *testing.T) {
	group := alertRg + "Microsoft.Insights/actionGroups/ztp-dev-alerts-ag"
	note := func(threshold float64, kind string) map[string]interface{} {
		return map[string]interface{}{"enabled": true, "operator": "GreaterThanOrEqualTo", "threshold": threshold,
			"thresholdType": kind, "contactEmails": []interface{}{}, "contactGroups": []interface{}{group}}
	}
	budget := func() map[string]interface{} {
		return map[string]interface{}{"amount": 1000.0, "category": "Cost", "timeGrain": "Monthly",
			"timePeriod":    map[string]interface{}{"startDate": "2026-12-01T00:00:00Z"},
			"notifications": map[string]interface{}{"actual-80": note(80, "Actual"), "forecast-100": note(100, "Forecasted")}}
	}
	const token = "azure-native:consumption:Budget"
	accepted(t, token, budget())
	in := budget()
	in["amount"] = 0.0
	refused(t, token, in, "InvalidBudgetAmount")
	in = budget()
	in["timeGrain"] = "Weekly"
	refused(t, token, in, "InvalidTimeGrain")
	in = budget()
	in["timePeriod"] = map[string]interface{}{"startDate": "2026-12-15T00:00:00Z"}
	refused(t, token, in, "InvalidStartDate")
	in = budget()
	in["notifications"] = map[string]interface{}{"a": note(1200, "Actual")}
	refused(t, token, in, "InvalidThreshold")
	in = budget()
	many := map[string]interface{}{}
	for _, p := range []float64{50, 60, 70, 80, 90, 100} {
		many[strings.Repeat("x", int(p/10))] = note(p, "Actual")
	}
	in["notifications"] = many
	refused(t, token, in, "TooManyNotifications")
	in = budget()
	missing := note(80, "Actual")
	missing["contactGroups"] = []interface{}{alertRg + "Microsoft.Insights/actionGroups/gone"}
	in["notifications"] = map[string]interface{}{"a": missing}
	refused(t, token, in, "ResourceNotFound")
}
