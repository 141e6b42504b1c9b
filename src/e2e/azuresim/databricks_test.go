package main

import (
	"fmt"
	"strings"
	"testing"
)

// The Unity Catalog and Delta Sharing ids are the ones AzureMocks gives (and the provider: names, full names,
// composite keys), so the offline plan and the engine run agree resource for resource.
func TestUnityCatalogIdsMatchTheJavaMocks(t *testing.T) {
	cases := []struct {
		token string
		in    map[string]interface{}
		want  string
	}{
		{"databricks:index/metastoreAssignment:MetastoreAssignment", map[string]interface{}{"workspaceId": "1111", "metastoreId": "m-1"}, "1111|m-1"},
		{"databricks:index/storageCredential:StorageCredential", map[string]interface{}{"name": "ztp_dev_lake"}, "ztp_dev_lake"},
		{"databricks:index/externalLocation:ExternalLocation", map[string]interface{}{"name": "ztp_dev_sales"}, "ztp_dev_sales"},
		{"databricks:index/catalog:Catalog", map[string]interface{}{"name": "dev_sales"}, "dev_sales"},
		{"databricks:index/schema:Schema", map[string]interface{}{"catalogName": "dev_sales", "name": "orders"}, "dev_sales.orders"},
		{"databricks:index/workspaceBinding:WorkspaceBinding", map[string]interface{}{"workspaceId": "1111", "securableType": "catalog", "securableName": "dev_sales"}, "1111|catalog|dev_sales"},
		{"databricks:index/grants:Grants", map[string]interface{}{"share": "prod_sales_partners"}, "share/prod_sales_partners"},
		{"databricks:index/share:Share", map[string]interface{}{"name": "prod_sales_partners"}, "prod_sales_partners"},
		{"databricks:index/recipient:Recipient", map[string]interface{}{"name": "prod_globex"}, "prod_globex"},
	}
	for _, c := range cases {
		if got, err := databricksID("dev", c.token, "x", c.in); err != nil || got != c.want {
			t.Errorf("%s: id %q (%v), want %q", c.token, got, err, c.want)
		}
	}
	if got, _ := databricksID("dev", "databricks:index/metastore:Metastore", "uc-metastore", nil); got != guid("dev|databricks:index/metastore:Metastore|uc-metastore") {
		t.Errorf("metastore id %q is not the seed's guid", got)
	}
}

// An open recipient's activation link and token are computed outputs the provider marks secret.
func TestOpenRecipientCredentialsAreSecretOutputs(t *testing.T) {
	out := databricksComputed("prod", "databricks:index/recipient:Recipient", "r", "prod_globex",
		map[string]interface{}{"authenticationType": "TOKEN"})
	for _, k := range []string{"activationUrl", "tokens"} {
		if _, ok := out[k]; !ok {
			t.Fatalf("no %s computed for a TOKEN recipient", k)
		}
	}
	secret := map[string]bool{}
	for _, k := range databricksSecretOutputs("databricks:index/recipient:Recipient") {
		secret[k] = true
	}
	if !secret["activationUrl"] || !secret["tokens"] {
		t.Fatalf("recipient credentials not secret: %v", secret)
	}
	d2d := databricksComputed("prod", "databricks:index/recipient:Recipient", "r", "prod_acme",
		map[string]interface{}{"authenticationType": "DATABRICKS"})
	if _, ok := d2d["tokens"]; ok {
		t.Fatal("a DATABRICKS recipient has no token")
	}
}

// A second metastore in a region where the account already has one is refused, as Databricks does; another region,
// another account, or the same metastore written again (an update) are accepted.
func TestOneMetastorePerRegionPerAccount(t *testing.T) {
	c := &Cloud{Resources: map[string]*Record{}}
	accountProvider := &simProvider{pkg: "databricks", config: map[string]interface{}{
		"host": "https://accounts.azuredatabricks.net", "accountId": "acc-1"}}
	first := map[string]interface{}{"name": "ztp-westeurope", "region": "westeurope"}
	if err := accountProvider.checkDatabricksWrite(c, "databricks:index/metastore:Metastore", "m-1", first, nil); err != nil {
		t.Fatalf("the first metastore in the region is refused: %v", err)
	}
	c.Resources["m-1"] = &Record{ID: "m-1", Token: "databricks:index/metastore:Metastore", Inputs: first,
		Account: accountProvider.account()}

	second := map[string]interface{}{"name": "other-westeurope", "region": "WestEurope"}
	err := accountProvider.checkDatabricksWrite(c, "databricks:index/metastore:Metastore", "m-2", second, nil)
	if err == nil || !strings.Contains(err.Error(), "This account already has a metastore in region WestEurope") ||
		!strings.Contains(err.Error(), "m-1") {
		t.Fatalf("a second metastore in the region is not refused with Databricks' message: %v", err)
	}
	if err := accountProvider.checkDatabricksWrite(c, "databricks:index/metastore:Metastore", "m-1", first,
		c.Resources["m-1"]); err != nil {
		t.Fatalf("updating the region's metastore is refused: %v", err)
	}
	northern := map[string]interface{}{"name": "ztp-northeurope", "region": "northeurope"}
	if err := accountProvider.checkDatabricksWrite(c, "databricks:index/metastore:Metastore", "m-3", northern, nil); err != nil {
		t.Fatalf("a metastore in another region is refused: %v", err)
	}
	otherAccount := &simProvider{pkg: "databricks", config: map[string]interface{}{
		"host": "https://accounts.azuredatabricks.net", "accountId": "acc-2"}}
	if err := otherAccount.checkDatabricksWrite(c, "databricks:index/metastore:Metastore", "m-4", second, nil); err != nil {
		t.Fatalf("another account's metastore in the region is refused: %v", err)
	}
}

// An open recipient's IP access list: IPv4 addresses or ranges, at most 100; D2D recipients take none.
func TestRecipientIPAccessList(t *testing.T) {
	recipient := func(kind string, entries ...interface{}) map[string]interface{} {
		return map[string]interface{}{"name": "prod_globex", "authenticationType": kind,
			"ipAccessList": map[string]interface{}{"allowedIpAddresses": entries}}
	}
	if err := checkRecipientIPAccessList(recipient("TOKEN", "52.174.10.5", "20.61.12.16/28")); err != nil {
		t.Errorf("a small IPv4 list must be accepted: %v", err)
	}
	if err := checkRecipientIPAccessList(map[string]interface{}{"authenticationType": "DATABRICKS"}); err != nil {
		t.Errorf("a D2D recipient without a list must be accepted: %v", err)
	}
	if err := checkRecipientIPAccessList(recipient("DATABRICKS", "52.174.10.5")); err == nil {
		t.Error("a D2D recipient with an IP access list must be refused")
	}
	if err := checkRecipientIPAccessList(recipient("TOKEN", "2001:db8::1")); err == nil {
		t.Error("IPv6 must be refused")
	}
	many := []interface{}{}
	for i := 0; i < 101; i++ {
		many = append(many, fmt.Sprintf("52.174.%d.0/24", i))
	}
	if err := checkRecipientIPAccessList(recipient("TOKEN", many...)); err == nil || !strings.Contains(err.Error(), "the limit is 100") {
		t.Errorf("101 entries must be refused, got %v", err)
	}
	if err := checkRecipientIPAccessList(recipient("TOKEN", many[:100]...)); err != nil {
		t.Errorf("100 entries are the limit: %v", err)
	}
}
