package main

import (
	"bytes"
	"os"
	"testing"
)

// The Java mocks and the simulator share one description of Azure's id shapes; the simulator embeds a copy.
func TestArmIdsMatchJava(t *testing.T) {
	java, err := os.ReadFile("../../../components/src/main/resources/com/ztplatform/components/offline/arm-ids.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(java, armIdsJSON) {
		t.Fatal("src/e2e/azuresim/arm-ids.json differs from components/.../testing/arm-ids.json: copy the Java one over")
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
