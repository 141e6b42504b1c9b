package main

import (
	"fmt"
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

// The storage firewall's IP rules, as Azure validates them: public IPv4 only, no RFC 1918 range, no /31 or /32
// prefix, at most 400 rules.
func TestStorageIPRulesAreValidatedLikeAzure(t *testing.T) {
	account := func(values ...string) map[string]interface{} {
		rules := []interface{}{}
		for _, v := range values {
			rules = append(rules, map[string]interface{}{"iPAddressOrRange": v, "action": "Allow"})
		}
		return map[string]interface{}{"networkRuleSet": map[string]interface{}{"defaultAction": "Deny", "ipRules": rules}}
	}
	for _, ok := range [][]string{{}, {"20.61.12.16/28"}, {"20.61.12.17", "52.174.10.5", "20.61.0.0/16"}, {"172.32.0.0/16"}} {
		if err := checkStorageIPRules(account(ok...)); err != nil {
			t.Errorf("%v must be accepted: %v", ok, err)
		}
	}
	for value, want := range map[string]string{
		"10.1.0.0/16":     "private range 10.0.0.0/8",
		"172.20.1.5":      "private range 172.16.0.0/12",
		"192.168.0.0/24":  "private range 192.168.0.0/16",
		"0.0.0.0/0":       "private range",
		"20.61.12.17/32":  "/31 or /32",
		"20.61.12.16/31":  "/31 or /32",
		"2001:db8::/32":   "not a valid IPv4",
		"20.61.12.300":    "not a valid IPv4",
		"storage-account": "not a valid IPv4",
	} {
		err := checkStorageIPRules(account("20.61.12.16/28", value))
		if err == nil || !strings.Contains(err.Error(), "NetworkAclsValidationFailure") || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: want NetworkAclsValidationFailure containing %q, got %v", value, want, err)
		}
	}
	// Every /31 and /32 of generated public blocks is refused; the same addresses alone are accepted.
	for i := 0; i < 256; i++ {
		base := fmt.Sprintf("52.%d.%d.%d", (i*37)%256, (i*11)%256, (i*4)%256)
		for _, prefix := range []string{"/31", "/32"} {
			if err := checkStorageIPRules(account(base + prefix)); err == nil {
				t.Errorf("%s%s must be refused", base, prefix)
			}
		}
		if err := checkStorageIPRules(account(base)); err != nil {
			t.Errorf("%s alone must be accepted: %v", base, err)
		}
	}
	many := make([]string, 0, 401)
	for i := 0; i < 401; i++ {
		many = append(many, fmt.Sprintf("52.%d.%d.0/24", 100+i/256, i%256))
	}
	if err := checkStorageIPRules(account(many[:400]...)); err != nil {
		t.Errorf("400 rules are the limit, accepted: %v", err)
	}
	if err := checkStorageIPRules(account(many...)); err == nil || !strings.Contains(err.Error(), "401 IP rules exceed the limit of 400") {
		t.Errorf("401 rules must be refused, got %v", err)
	}
}
