package main

import (
	"strings"
	"testing"
)

const sqRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-dev-hub-rg/providers/"
const sqWorkspace = sqRg + "Microsoft.OperationalInsights/workspaces/ztp-dev-hub-law"
const sqAccount = sqRg + "Microsoft.Storage/storageAccounts/ztpdevqueries"

func savedQueryCloud(identity bool, accountRegion string) *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	ws := map[string]interface{}{"location": "westeurope", "forceCmkForQuery": true}
	if identity {
		ws["identity"] = map[string]interface{}{"type": "SystemAssigned"}
	}
	c.Resources[key(sqWorkspace)] = &Record{ID: sqWorkspace, Token: "azure-native:operationalinsights:Workspace", Inputs: ws}
	c.Resources[key(sqAccount)] = &Record{ID: sqAccount, Token: "azure-native:storage:StorageAccount",
		Inputs: map[string]interface{}{"location": accountRegion}}
	return c
}

func link(source string, accounts ...interface{}) (string, map[string]interface{}) {
	return sqWorkspace + "/linkedStorageAccounts/" + source, map[string]interface{}{
		"resourceGroupName": "ztp-dev-hub-rg", "workspaceName": "ztp-dev-hub-law", "dataSourceType": source,
		"storageAccountIds": accounts}
}

func TestTheLinkIdNamesTheWorkspaceAndTheDataSourceType(t *testing.T) {
	_, in := link("Query", sqAccount)
	id, err := armID(linkedStorageToken, in)
	if err != nil || id != sqWorkspace+"/linkedStorageAccounts/Query" {
		t.Fatalf("id %q, err %v", id, err)
	}
}

func TestQueryAndAlertsLinksToAnInRegionAccountOfAnIdentifiedWorkspaceAreAccepted(t *testing.T) {
	for _, source := range []string{"Query", "Alerts"} {
		id, in := link(source, sqAccount)
		if err := checkAzureWrite(savedQueryCloud(true, "westeurope"), linkedStorageToken, id, in, nil); err != nil {
			t.Fatalf("%s link refused: %v", source, err)
		}
	}
}

func TestAWorkspaceForcingCustomerStorageIsAcceptedBeforeItsLinkExists(t *testing.T) {
	c := savedQueryCloud(true, "westeurope")
	in := c.get(sqWorkspace).Inputs
	if err := checkAzureWrite(c, "azure-native:operationalinsights:Workspace", sqWorkspace, in, nil); err != nil {
		t.Fatalf("a workspace with forceCmkForQuery and no link yet was refused: %v", err)
	}
}

func TestLinkedStorageFailsLikeAzure(t *testing.T) {
	cases := []struct {
		name     string
		identity bool
		region   string
		source   string
		accounts []interface{}
		want     string
	}{
		{"query link on a workspace without a managed identity", false, "westeurope", "Query", []interface{}{sqAccount}, "no managed identity"},
		{"alerts link on a workspace without a managed identity", false, "westeurope", "Alerts", []interface{}{sqAccount}, "no managed identity"},
		{"account in another region", true, "northeurope", "Query", []interface{}{sqAccount}, "workspace's region"},
		{"account that does not exist", true, "westeurope", "Query", []interface{}{sqRg + "Microsoft.Storage/storageAccounts/gone"}, "was not found"},
		{"no account", true, "westeurope", "Query", []interface{}{}, "names no storage account"},
		{"custom logs links are retired", true, "westeurope", "CustomLogs", []interface{}{sqAccount}, "no longer available"},
		{"unknown data source type", true, "westeurope", "Queries", []interface{}{sqAccount}, "is not one of"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id, in := link(tc.source, tc.accounts...)
			err := checkAzureWrite(savedQueryCloud(tc.identity, tc.region), linkedStorageToken, id, in, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error containing %q, got %v", tc.want, err)
			}
		})
	}
}

func TestALinkNeedsItsWorkspace(t *testing.T) {
	c := savedQueryCloud(true, "westeurope")
	delete(c.Resources, key(sqWorkspace))
	id, in := link("Query", sqAccount)
	if err := checkAzureWrite(c, linkedStorageToken, id, in, nil); err == nil || !strings.Contains(err.Error(), "ResourceNotFound") {
		t.Fatalf("a link without its workspace was accepted: %v", err)
	}
}
