package main

import (
	"strings"
	"testing"
)

const hubRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-prod-hub-rg/providers/"

var (
	amplsID = hubRg + "Microsoft.Insights/privateLinkScopes/ztp-prod-hub-ampls"
	lawID   = hubRg + "Microsoft.OperationalInsights/workspaces/ztp-prod-law"
)

func scopeInputs(location, ingestion string) map[string]interface{} {
	return map[string]interface{}{"location": location, "accessModeSettings": map[string]interface{}{
		"ingestionAccessMode": ingestion, "queryAccessMode": "PrivateOnly"}}
}

func monitorCloud(withScope, withWorkspace bool) *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	if withScope {
		c.Resources[key(amplsID)] = &Record{ID: amplsID, Token: "azure-native:insights:PrivateLinkScope",
			Inputs: scopeInputs("global", "PrivateOnly")}
	}
	if withWorkspace {
		c.Resources[key(lawID)] = &Record{ID: lawID, Token: "azure-native:operationalinsights:Workspace",
			Inputs: map[string]interface{}{}}
	}
	return c
}

func scopedIn(linked string) map[string]interface{} {
	return map[string]interface{}{"scopeName": "ztp-prod-hub-ampls", "name": "law", "linkedResourceId": linked}
}

func TestAScopeIsGlobalWithKnownAccessModes(t *testing.T) {
	c := monitorCloud(false, false)
	if err := checkAzureWrite(c, "azure-native:insights:PrivateLinkScope", amplsID, scopeInputs("global", "PrivateOnly"), nil); err != nil {
		t.Fatalf("a global PrivateOnly scope was refused: %v", err)
	}
	err := checkAzureWrite(c, "azure-native:insights:PrivateLinkScope", amplsID, scopeInputs("westeurope", "PrivateOnly"), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "LocationNotAvailableForResourceType") {
		t.Fatalf("a regional scope must be refused, got %v", err)
	}
	err = checkAzureWrite(c, "azure-native:insights:PrivateLinkScope", amplsID, scopeInputs("global", "Private"), nil)
	if err == nil || !strings.Contains(err.Error(), "must be Open or PrivateOnly") {
		t.Fatalf("an unknown access mode must be refused, got %v", err)
	}
}

func TestAScopedResourceNeedsItsScopeAndAnExistingMonitorResource(t *testing.T) {
	id := amplsID + "/scopedResources/law"
	if err := checkAzureWrite(monitorCloud(true, true), "azure-native:insights:PrivateLinkScopedResource", id, scopedIn(lawID), nil); err != nil {
		t.Fatalf("an existing workspace in an existing scope was refused: %v", err)
	}
	err := checkAzureWrite(monitorCloud(true, false), "azure-native:insights:PrivateLinkScopedResource", id, scopedIn(lawID), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "ResourceNotFound: The linked resource") {
		t.Fatalf("a missing workspace must be refused, got %v", err)
	}
	err = checkAzureWrite(monitorCloud(false, true), "azure-native:insights:PrivateLinkScopedResource", id, scopedIn(lawID), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "ResourceNotFound: The private link scope") {
		t.Fatalf("a missing scope must be refused, got %v", err)
	}
	vault := hubRg + "Microsoft.KeyVault/vaults/ztp-prod-kv"
	err = checkAzureWrite(monitorCloud(true, true), "azure-native:insights:PrivateLinkScopedResource", id, scopedIn(vault), nil)
	if err == nil || !strings.Contains(err.Error(), "is not a Log Analytics workspace") {
		t.Fatalf("a vault cannot be scoped, got %v", err)
	}
}

func TestAScopeTakesOnlyAzureMonitorEndpoints(t *testing.T) {
	c := monitorCloud(true, true)
	pe := func(group string) map[string]interface{} {
		return map[string]interface{}{"privateLinkServiceConnections": []interface{}{map[string]interface{}{
			"name": "c", "privateLinkServiceId": amplsID, "groupIds": []interface{}{group}}}}
	}
	if err := checkAzureWrite(c, "azure-native:network:PrivateEndpoint", "pe", pe("azuremonitor"), nil); err != nil {
		t.Fatalf("an azuremonitor endpoint was refused: %v", err)
	}
	err := checkAzureWrite(c, "azure-native:network:PrivateEndpoint", "pe", pe("blob"), nil)
	if err == nil || !strings.Contains(err.Error(), "use azuremonitor") {
		t.Fatalf("a blob endpoint to a scope must be refused, got %v", err)
	}
}

func TestAConnectedWorkspaceAndANonEmptyScopeCannotBeDeleted(t *testing.T) {
	c := monitorCloud(true, true)
	scoped := amplsID + "/scopedResources/law"
	c.Resources[key(scoped)] = &Record{ID: scoped, Token: "azure-native:insights:PrivateLinkScopedResource", Inputs: scopedIn(lawID)}
	if err := checkAzureDelete(c, "azure-native:operationalinsights:Workspace", lawID); err == nil || !strings.HasPrefix(err.Error(), "Conflict") {
		t.Fatalf("deleting a connected workspace must be refused, got %v", err)
	}
	if err := checkAzureDelete(c, "azure-native:insights:PrivateLinkScope", amplsID); err == nil || !strings.Contains(err.Error(), "still has scoped resource") {
		t.Fatalf("deleting a scope with scoped resources must be refused, got %v", err)
	}
	if err := checkAzureDelete(c, "azure-native:insights:PrivateLinkScopedResource", scoped); err != nil {
		t.Fatalf("disconnecting must be allowed: %v", err)
	}
	delete(c.Resources, key(scoped))
	if err := checkAzureDelete(c, "azure-native:operationalinsights:Workspace", lawID); err != nil {
		t.Fatalf("a disconnected workspace must be deletable: %v", err)
	}
}
