package main

import (
	"strings"
	"testing"
	"time"
)

// Databricks validates an external location from its control plane: the lake's firewall must admit the credential's
// access connector (resource instance rules count only while public access is Enabled), and the identity's data
// role must be effective.
func TestExternalLocationNeedsTheConnectorAdmittedAndAnEffectiveDataRole(t *testing.T) {
	const rg = "/subscriptions/s/resourceGroups/ztp-dev-lake-rg"
	const account = rg + "/providers/Microsoft.Storage/storageAccounts/ztpdevlake"
	const connector = rg + "/providers/Microsoft.Databricks/accessConnectors/ztp-dev-lake-ac"
	const identity = rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ztp-dev-lake-uc-id"
	location := map[string]interface{}{"url": "abfss://silver@ztpdevlake.dfs.core.windows.net/", "credentialName": "ztp_dev_lake"}
	cloud := func(access string, rules []interface{}, granted time.Duration) *Cloud {
		c := &Cloud{Resources: map[string]*Record{}}
		c.Resources[account] = &Record{ID: account, Token: "azure-native:storage:StorageAccount", Inputs: map[string]interface{}{
			"publicNetworkAccess": access,
			"networkRuleSet":      map[string]interface{}{"defaultAction": "Deny", "bypass": "None", "resourceAccessRules": rules},
		}}
		c.Resources["cred"] = &Record{ID: "ztp_dev_lake", Token: "databricks:index/storageCredential:StorageCredential",
			Inputs: map[string]interface{}{"name": "ztp_dev_lake", "azureManagedIdentity": map[string]interface{}{
				"accessConnectorId": connector, "managedIdentityId": identity}}}
		c.Resources["ra"] = &Record{ID: "ra", Token: "azure-native:authorization:RoleAssignment", Created: time.Now().Add(-granted),
			Inputs: map[string]interface{}{"scope": rg, "principalId": guid(identity + "#principal"),
				"roleDefinitionId": "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/" + roleStorageBlobDataContributor}}
		return c
	}
	admitConnector := []interface{}{map[string]interface{}{"resourceId": connector, "tenantId": "t"}}
	t.Setenv("ZT_SIM_RBAC_PROPAGATION", "1m")
	if err := checkLakeReachable(cloud("Enabled", admitConnector, time.Hour), location); err != nil {
		t.Errorf("connector admitted and role effective (granted an hour ago, at the resource group): %v", err)
	}
	if err := checkLakeReachable(cloud("Disabled", admitConnector, time.Hour), location); err == nil ||
		!strings.Contains(err.Error(), "does not admit access connector ztp-dev-lake-ac") {
		t.Errorf("public access Disabled ignores resource instance rules, want a refusal, got %v", err)
	}
	if err := checkLakeReachable(cloud("Enabled", nil, time.Hour), location); err == nil {
		t.Error("Deny without the connector's rule must refuse")
	}
	if err := checkLakeReachable(cloud("Enabled", admitConnector, time.Second), location); err == nil ||
		!strings.Contains(err.Error(), "no effective Storage Blob Data Contributor") {
		t.Errorf("a role granted in the same deployment has not propagated, want a refusal, got %v", err)
	}
}
