package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The Java mocks and the simulator share one description of Azure's id shapes; the simulator embeds a copy.
func TestArmIdsMatchJava(t *testing.T) {
	java, err := os.ReadFile("../../../components/src/main/resources/com/ztplatform/components/offline/arm-ids.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(java, armIdsJSON) {
		t.Fatal("src/e2e/azuresim/arm-ids.json differs from components/.../offline/arm-ids.json: copy the Java one over")
	}
}

// Values Azure computes must be the ones AzureMocks computes: both take SHA-256 of the seed; guid is its
// first 16 bytes as a GUID, hash its first 6 bytes as a number (expected values from Python's hashlib).
func TestHashAndGuidMatchTheJavaMocks(t *testing.T) {
	if got := guid("x"); got != "2d711642-b726-b044-0162-7ca9fbac32f5" {
		t.Fatalf("guid(x) = %s", got)
	}
	if got := hash("x"); got != 49963728025382 {
		t.Fatalf("hash(x) = %d", got)
	}
	if a, _ := cidrAddress("10.10.0.0/26", 4); a != "10.10.0.4" {
		t.Fatalf("fourth address of 10.10.0.0/26: %s", a)
	}
}

// The Databricks ids follow the shared templates (databricksIds in arm-ids.json), with the inputs and derived values
// the Java mocks use; expected values written out by hand from the templates and the hash of TestHashAndGuid...
func TestDatabricksIDsFollowTheSharedTemplates(t *testing.T) {
	cases := []struct {
		token string
		in    map[string]interface{}
		want  string
	}{
		{"databricks:index/volume:Volume", map[string]interface{}{"catalogName": "c", "schemaName": "s", "name": "v"}, "c.s.v"},
		{"databricks:index/directory:Directory", map[string]interface{}{"path": "/Shared/landing"}, "/Shared/landing"},
		{"databricks:index/secretScope:SecretScope", map[string]interface{}{"name": "kv"}, "kv"},
		{"databricks:index/accountNetworkPolicy:AccountNetworkPolicy", map[string]interface{}{"networkPolicyId": "np"}, "np"},
	}
	for _, c := range cases {
		if got, err := databricksID("dev", c.token, "x", c.in); err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.token, got, err, c.want)
		}
	}
	seed := "dev|databricks:index/permissions:Permissions|x"
	numeric := fmt.Sprintf("%d", int64(100_000_000_000)+hash(seed)%899_999_999_999)
	if got, _ := databricksID("dev", "databricks:index/permissions:Permissions", "x",
		map[string]interface{}{"directoryPath": "/Shared"}); got != "/directory/"+numeric {
		t.Errorf("permissions id %q, want /directory/%s", got, numeric)
	}
	if got, _ := databricksID("dev", "databricks:index/job:Job", "x", nil); len(got) != 12 {
		t.Errorf("default id %q is not the 12-digit number", got)
	}
	if _, err := databricksID("dev", "databricks:index/volume:Volume", "x", map[string]interface{}{"name": "v"}); err == nil ||
		!strings.Contains(err.Error(), "catalogName") {
		t.Errorf("a volume without catalogName must fail naming it, got %v", err)
	}
}
