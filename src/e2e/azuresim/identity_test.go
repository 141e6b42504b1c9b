package main

import (
	"fmt"
	"strings"
	"testing"
)

const idRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-prod-deploy-rg/providers/" +
	"Microsoft.ManagedIdentity/userAssignedIdentities/"

func identityCloud(credentials int) *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	uai := idRg + "ztp-prod-deploy-id"
	c.Resources[key(uai)] = &Record{ID: uai, Token: "azure-native:managedidentity:UserAssignedIdentity", Inputs: map[string]interface{}{}}
	for i := 0; i < credentials; i++ {
		id := fmt.Sprintf("%s/federatedIdentityCredentials/github-environment-e%d", uai, i)
		c.Resources[key(id)] = &Record{ID: id, Token: federatedCredentialToken, Inputs: credential(fmt.Sprintf(
			"repo:contoso/zt-databricks:environment:e%d", i))}
	}
	return c
}

func credential(subject string) map[string]interface{} {
	return map[string]interface{}{"issuer": "https://token.actions.githubusercontent.com", "subject": subject,
		"audiences": []interface{}{"api://AzureADTokenExchange"}}
}

func ficID(name string) string {
	return idRg + "ztp-prod-deploy-id/federatedIdentityCredentials/" + name
}

func expectFic(t *testing.T, c *Cloud, id string, in map[string]interface{}, code string) {
	t.Helper()
	err := checkAzureWrite(c, federatedCredentialToken, id, in, nil)
	if code == "" {
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		return
	}
	if err == nil || !strings.Contains(err.Error(), code) {
		t.Fatalf("want %q, got %v", code, err)
	}
}

func TestAGithubCredentialOnAnExistingIdentityIsAccepted(t *testing.T) {
	expectFic(t, identityCloud(1), ficID("github-pull-request"), credential("repo:contoso/zt-databricks:pull_request"), "")
}

func TestCredentialsAreRefusedAsEntraRefusesThem(t *testing.T) {
	c := identityCloud(1)
	expectFic(t, c, ficID("x"), credential("repo:contoso/zt-databricks:pull_request"), "name 'x' is invalid")
	expectFic(t, c, idRg+"missing-id/federatedIdentityCredentials/github-pr", credential("repo:a/b:pull_request"),
		"parent user-assigned identity doesn't exist")
	two := credential("repo:contoso/zt-databricks:pull_request")
	two["audiences"] = []interface{}{"api://AzureADTokenExchange", "api://other"}
	expectFic(t, c, ficID("github-pull-request"), two, "exactly one audience")
	empty := credential("")
	expectFic(t, c, ficID("github-pull-request"), empty, "empty properties")
	expectFic(t, c, ficID("github-again"), credential("repo:contoso/zt-databricks:environment:e0"),
		"Issuer and subject combination already exists")
	long := credential("repo:contoso/zt-databricks:environment:" + strings.Repeat("e", 600))
	expectFic(t, c, ficID("github-long"), long, "600 characters")
}

func TestTheTwentyFirstCredentialOfAnIdentityIsRefused(t *testing.T) {
	expectFic(t, identityCloud(19), ficID("github-twentieth"), credential("repo:a/b:pull_request"), "")
	expectFic(t, identityCloud(20), ficID("github-twenty-first"), credential("repo:a/b:pull_request"),
		"A maximum of 20 federated identity credentials")
	// Updating one of twenty is not adding one.
	expectFic(t, identityCloud(20), ficID("github-environment-e3"), credential("repo:contoso/zt-databricks:environment:e3"), "")
}

func TestConcurrentCredentialWritesUnderOneIdentityConflict(t *testing.T) {
	f := &inflight{}
	first, msg1 := serialisedParent(federatedCredentialToken, nil, ficID("github-environment-dev"))
	second, _ := serialisedParent(federatedCredentialToken, nil, ficID("github-environment-prod"))
	if first == "" || first != second || !strings.HasPrefix(msg1, "Conflict: Concurrent write request") {
		t.Fatalf("credentials of one identity must share a serialised parent: %q %q %q", first, second, msg1)
	}
	release, ok := f.acquire(first, "a")
	if !ok {
		t.Fatal("first write refused")
	}
	if _, ok := f.acquire(second, "b"); ok {
		t.Fatal("a concurrent write under the same identity was accepted")
	}
	release()
	other, _ := serialisedParent(federatedCredentialToken, nil, idRg+"ztp-prod-preview-id/federatedIdentityCredentials/github-pr")
	if _, ok := f.acquire(other, "c"); !ok {
		t.Fatal("credentials of different identities may be written in parallel")
	}
}

func TestRoleAssignmentConditionsNeedVersionTwoAndBalance(t *testing.T) {
	const token = "azure-native:authorization:RoleAssignment"
	ok := "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR " +
		"(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {a, b}))"
	for _, tc := range []struct {
		in   map[string]interface{}
		code string
	}{
		{map[string]interface{}{"condition": ok, "conditionVersion": "2.0"}, ""},
		{map[string]interface{}{"condition": ok}, ""},
		{map[string]interface{}{}, ""},
		{map[string]interface{}{"condition": ok, "conditionVersion": "1.0"}, "InvalidConditionVersion"},
		{map[string]interface{}{"conditionVersion": "2.0"}, "InvalidRoleAssignmentRequest"},
		{map[string]interface{}{"condition": ok[1:], "conditionVersion": "2.0"}, "InvalidCondition"},
	} {
		err := checkAzureWrite(identityCloud(0), token, "ra", tc.in, nil)
		if (tc.code == "") != (err == nil) || (err != nil && !strings.HasPrefix(err.Error(), tc.code)) {
			t.Fatalf("%v: want %q, got %v", tc.in, tc.code, err)
		}
	}
}
