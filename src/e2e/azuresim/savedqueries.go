package main

import (
	"fmt"
	"strings"
)

// Linked storage accounts of a Log Analytics workspace (learn.microsoft.com/azure/azure-monitor/logs/private-storage;
// learn.microsoft.com/azure/azure-monitor/logs/customer-managed-keys, "Customer-managed key for saved queries and log
// search alerts"; data source types as az monitor log-analytics workspace linked-storage lists them). What those pages
// say Azure refuses, and only that:
//   - a data source type outside Alerts, AzureWatson, CustomLogs, Ingestion, Query;
//   - CustomLogs links created or updated after 30 June 2025 (custom and IIS log links are no longer available);
//   - Query or Alerts links on a workspace without a managed identity (required since 31 August 2025);
//   - a storage account that does not exist, or lies in another region than the workspace.
// A workspace with forceCmkForQuery and no Query link yet is accepted: the link is the workspace's child, so it can
// only follow the workspace, and Azure's built-in policy "Saved-queries in Azure Monitor should be saved in customer
// storage account for logs encryption" (Deny effect) would otherwise leave no workspace creatable.

const linkedStorageToken = "azure-native:operationalinsights:LinkedStorageAccount"

var linkedStorageTypes = []string{"Alerts", "AzureWatson", "CustomLogs", "Ingestion", "Query"}

// linkedWorkspaceID is the workspace a link belongs to: its id without the /linkedStorageAccounts/<type> tail.
func linkedWorkspaceID(id string) string {
	if i := strings.Index(strings.ToLower(id), "/linkedstorageaccounts/"); i >= 0 {
		return id[:i]
	}
	return id
}

func checkLinkedStorageAccount(c *Cloud, id string, in map[string]interface{}) error {
	source := str(in, "dataSourceType")
	known := ""
	for _, t := range linkedStorageTypes {
		if strings.EqualFold(t, source) {
			known = t
		}
	}
	if known == "" {
		return fmt.Errorf("InvalidParameter: data source type '%s' is not one of %s. (simulated)", source,
			strings.Join(linkedStorageTypes, ", "))
	}
	if known == "CustomLogs" {
		return fmt.Errorf("BadRequest: creating or updating CustomLogs linked storage accounts is no longer available " +
			"(since 30 June 2025); use Azure Monitor Agent. (simulated)")
	}
	wsID := linkedWorkspaceID(id)
	ws := c.get(wsID)
	if ws == nil {
		return fmt.Errorf("ResourceNotFound: workspace %s was not found.", wsID)
	}
	if known == "Query" || known == "Alerts" {
		if !strings.Contains(strings.ToLower(str(ws.Inputs, "identity.type")), "assigned") {
			return fmt.Errorf("BadRequest: workspace %s has no managed identity; a workspace needs one to add or "+
				"update linked storage accounts for saved queries and saved log alert queries (since 31 August "+
				"2025). (simulated)", lastSegment(wsID))
		}
	}
	ids := list(in, "storageAccountIds")
	if len(ids) == 0 {
		return fmt.Errorf("InvalidParameter: storageAccountIds names no storage account. (simulated)")
	}
	for _, raw := range ids {
		accountID := fmt.Sprint(raw)
		account := c.get(accountID)
		if account == nil {
			return fmt.Errorf("InvalidParameter: storage account %s was not found.", accountID)
		}
		if !strings.EqualFold(str(account.Inputs, "location"), str(ws.Inputs, "location")) {
			return fmt.Errorf("InvalidParameter: storage account %s is in %s, workspace %s in %s; a linked storage "+
				"account must be in the workspace's region. (simulated)", lastSegment(accountID),
				str(account.Inputs, "location"), lastSegment(wsID), str(ws.Inputs, "location"))
		}
	}
	return nil
}
