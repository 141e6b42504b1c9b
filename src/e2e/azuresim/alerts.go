package main

import (
	"fmt"
	"strings"
	"time"
)

// Azure Monitor alerts and Consumption budgets, refused the way ARM refuses them.
// Action groups: learn.microsoft.com/rest/api/monitor/action-groups/create-or-update (global, short name at most
// 12 characters). Activity log alerts: learn.microsoft.com/rest/api/monitor/activity-log-alerts/create-or-update
// (global; every leaf condition has a field and either equals or containsAny). Scheduled query rules:
// learn.microsoft.com/rest/api/monitor/scheduled-query-rules/create-or-update (scopes, criteria, the frequency not
// above the window). Budgets: learn.microsoft.com/rest/api/consumption/budgets/create-or-update (amount above 0,
// thresholds 0-1000 percent, at most five notifications, a start on the first of a month).

const maxActionGroupShortName = 12
const maxBudgetNotifications = 5

func checkActionGroup(in map[string]interface{}) error {
	if !strings.EqualFold(str(in, "location"), "Global") {
		return fmt.Errorf("LocationNotSupported: action groups are global resources; location must be 'Global', got "+
			"'%s'. (simulated)", str(in, "location"))
	}
	short := str(in, "groupShortName")
	if short == "" || len(short) > maxActionGroupShortName {
		return fmt.Errorf("InvalidGroupShortName: groupShortName must be 1-%d characters, got '%s'. (simulated)",
			maxActionGroupShortName, short)
	}
	seen := map[string]bool{}
	for _, kind := range []string{"emailReceivers", "webhookReceivers"} {
		for _, r := range list(in, kind) {
			name := strings.ToLower(str(r, "name"))
			if seen[name] {
				return fmt.Errorf("DuplicateReceiverName: receiver names must be unique in an action group: '%s'. "+
					"(simulated)", str(r, "name"))
			}
			seen[name] = true
			if kind == "webhookReceivers" && !strings.HasPrefix(strings.ToLower(str(r, "serviceUri")), "https://") {
				return fmt.Errorf("InvalidWebhookUri: webhook receiver '%s' needs an https serviceUri. (simulated)",
					str(r, "name"))
			}
		}
	}
	return nil
}

// mustExist refuses a reference to a resource the cloud does not hold (yet): ARM resolves these ids on write.
func mustExist(c *Cloud, what, id string) error {
	if c.get(id) == nil {
		return fmt.Errorf("ResourceNotFound: %s '%s' was not found. (simulated)", what, id)
	}
	return nil
}

func checkActivityLogAlert(c *Cloud, in map[string]interface{}) error {
	if !strings.EqualFold(str(in, "location"), "Global") {
		return fmt.Errorf("LocationNotSupported: activity log alerts are global; location must be 'Global', got '%s'. "+
			"(simulated)", str(in, "location"))
	}
	if len(list(in, "scopes")) == 0 {
		return fmt.Errorf("ScopesRequired: an activity log alert needs at least one scope. (simulated)")
	}
	conditions := list(in, "condition.allOf")
	if len(conditions) == 0 {
		return fmt.Errorf("ConditionRequired: an activity log alert needs condition.allOf. (simulated)")
	}
	category := false
	for _, cond := range conditions {
		leaves := []interface{}{cond}
		if any := list(cond, "anyOf"); len(any) > 0 {
			leaves = any
		}
		for _, leaf := range leaves {
			field := str(leaf, "field")
			if field == "" || (str(leaf, "equals") == "" && len(list(leaf, "containsAny")) == 0) {
				return fmt.Errorf("InvalidCondition: every leaf condition needs a field and equals or containsAny. " +
					"(simulated)")
			}
			if strings.EqualFold(field, "category") {
				category = true
			}
		}
	}
	if !category {
		return fmt.Errorf("InvalidCondition: an activity log alert condition must name a category. (simulated)")
	}
	for _, g := range list(in, "actions.actionGroups") {
		if err := mustExist(c, "action group", str(g, "actionGroupId")); err != nil {
			return err
		}
	}
	return nil
}

func checkScheduledQueryRule(c *Cloud, in map[string]interface{}) error {
	scopes := list(in, "scopes")
	if len(scopes) == 0 {
		return fmt.Errorf("ScopesRequired: a scheduled query rule needs a scope. (simulated)")
	}
	for _, s := range scopes {
		if id, _ := s.(string); id != "" {
			if err := mustExist(c, "scope", id); err != nil {
				return err
			}
		}
	}
	conditions := list(in, "criteria.allOf")
	if len(conditions) == 0 {
		return fmt.Errorf("CriteriaRequired: a scheduled query rule needs criteria.allOf. (simulated)")
	}
	for _, cond := range conditions {
		if strings.TrimSpace(str(cond, "query")) == "" || str(cond, "timeAggregation") == "" || str(cond, "operator") == "" {
			return fmt.Errorf("InvalidCriteria: each condition needs query, timeAggregation and operator. (simulated)")
		}
		if _, ok := get(cond, "threshold").(float64); !ok {
			return fmt.Errorf("InvalidCriteria: each condition needs a threshold. (simulated)")
		}
	}
	freq, err1 := time.ParseDuration(isoMinutes(str(in, "evaluationFrequency")))
	window, err2 := time.ParseDuration(isoMinutes(str(in, "windowSize")))
	if err1 != nil || err2 != nil || freq <= 0 || window <= 0 {
		return fmt.Errorf("InvalidDuration: evaluationFrequency '%s' and windowSize '%s' must be ISO 8601 durations. "+
			"(simulated)", str(in, "evaluationFrequency"), str(in, "windowSize"))
	}
	if freq > window {
		return fmt.Errorf("InvalidDuration: evaluationFrequency %s must not exceed windowSize %s. (simulated)",
			str(in, "evaluationFrequency"), str(in, "windowSize"))
	}
	for _, g := range list(in, "actions.actionGroups") {
		if id, _ := g.(string); id != "" {
			if err := mustExist(c, "action group", id); err != nil {
				return err
			}
		}
	}
	return nil
}

// isoMinutes turns PT15M, PT2H or P1D into a Go duration string; "" when it is none of those forms.
func isoMinutes(d string) string {
	switch {
	case strings.HasPrefix(d, "PT") && len(d) > 3 && (strings.HasSuffix(d, "M") || strings.HasSuffix(d, "H")):
		return strings.ToLower(d[2:])
	case strings.HasPrefix(d, "P") && strings.HasSuffix(d, "D") && len(d) > 2:
		var days int
		if _, err := fmt.Sscanf(d[1:len(d)-1], "%d", &days); err == nil {
			return fmt.Sprintf("%dh", days*24)
		}
	}
	return ""
}

func checkBudget(c *Cloud, in map[string]interface{}) error {
	amount, _ := get(in, "amount").(float64)
	if amount <= 0 {
		return fmt.Errorf("InvalidBudgetAmount: amount must be greater than 0. (simulated)")
	}
	switch str(in, "timeGrain") {
	case "Monthly", "Quarterly", "Annually", "BillingMonth", "BillingQuarter", "BillingAnnual":
	default:
		return fmt.Errorf("InvalidTimeGrain: timeGrain '%s' is not one of Monthly, Quarterly, Annually, BillingMonth, "+
			"BillingQuarter, BillingAnnual. (simulated)", str(in, "timeGrain"))
	}
	start, err := time.Parse(time.RFC3339, str(in, "timePeriod.startDate"))
	if err != nil || start.Day() != 1 || start.Before(time.Date(2017, 6, 1, 0, 0, 0, 0, time.UTC)) {
		return fmt.Errorf("InvalidStartDate: timePeriod.startDate '%s' must be the first of a month on or after "+
			"2017-06-01. (simulated)", str(in, "timePeriod.startDate"))
	}
	notifications, _ := get(in, "notifications").(map[string]interface{})
	if len(notifications) > maxBudgetNotifications {
		return fmt.Errorf("TooManyNotifications: a budget takes at most %d notifications, got %d. (simulated)",
			maxBudgetNotifications, len(notifications))
	}
	for name, n := range notifications {
		threshold, _ := get(n, "threshold").(float64)
		if threshold <= 0 || threshold > 1000 {
			return fmt.Errorf("InvalidThreshold: notification '%s' threshold %v must be between 0 and 1000 percent. "+
				"(simulated)", name, get(n, "threshold"))
		}
		switch str(n, "thresholdType") {
		case "", "Actual", "Forecasted":
		default:
			return fmt.Errorf("InvalidThresholdType: notification '%s' thresholdType '%s'. (simulated)", name,
				str(n, "thresholdType"))
		}
		if len(list(n, "contactEmails")) == 0 && len(list(n, "contactGroups")) == 0 {
			return fmt.Errorf("NotificationContactRequired: notification '%s' needs a contact email or group. "+
				"(simulated)", name)
		}
		for _, g := range list(n, "contactGroups") {
			if id, _ := g.(string); id != "" {
				if err := mustExist(c, "action group", id); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
