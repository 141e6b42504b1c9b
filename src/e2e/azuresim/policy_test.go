package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	policySub     = "/subscriptions/00000000-0000-0000-0000-000000000000"
	policyRg      = policySub + "/resourceGroups/ztp-prod-ai-rg"
	policySet     = policySub + "/providers/Microsoft.Authorization/policySetDefinitions/ztp-prod-guardrails"
	policyAssign  = policyRg + "/providers/Microsoft.Authorization/policyAssignments/ztp-prod-guardrails-ai"
	policyAccount = policyRg + "/providers/Microsoft.Storage/storageAccounts/ztpprodml"
	dineBuiltin   = "/providers/Microsoft.Authorization/policyDefinitions/23057b42-ca8d-4aa0-a3dc-96a98b5b5a3d"
	tagBuiltin    = "/providers/Microsoft.Authorization/policyDefinitions/871b6d14-10aa-478d-b590-94f262ecfa99"
)

func member(ref, id string, params map[string]interface{}) map[string]interface{} {
	values := map[string]interface{}{}
	for k, v := range params {
		values[k] = map[string]interface{}{"value": v}
	}
	return map[string]interface{}{"policyDefinitionReferenceId": ref, "policyDefinitionId": id, "parameters": values}
}

func guardrailSet(members ...interface{}) map[string]interface{} {
	return map[string]interface{}{"policySetDefinitionName": "ztp-prod-guardrails", "policyType": "Custom",
		"parameters":        map[string]interface{}{"logAnalytics": map[string]interface{}{"type": "String"}},
		"policyDefinitions": members}
}

func policyCloud(set map[string]interface{}) *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	c.Resources[key(policyRg)] = &Record{ID: policyRg, Token: "azure-native:resources:ResourceGroup", Inputs: map[string]interface{}{}}
	c.Resources[key(policyAccount)] = &Record{ID: policyAccount, Token: "azure-native:storage:StorageAccount", Inputs: map[string]interface{}{}}
	if set != nil {
		c.Resources[key(policySet)] = &Record{ID: policySet, Token: "azure-native:authorization:PolicySetDefinition", Inputs: set}
	}
	return c
}

func defaultSet() map[string]interface{} {
	return guardrailSet(member("require-tag-owner", tagBuiltin, map[string]interface{}{"tagName": "owner"}),
		member("databricks-diagnostics", dineBuiltin, map[string]interface{}{"logAnalytics": "[parameters('logAnalytics')]"}))
}

func assignment() map[string]interface{} {
	return map[string]interface{}{"policyAssignmentName": "ztp-prod-guardrails-ai", "scope": policyRg,
		"policyDefinitionId": policySet, "enforcementMode": "Default", "location": "westeurope",
		"identity":   map[string]interface{}{"type": "SystemAssigned"},
		"parameters": map[string]interface{}{"logAnalytics": map[string]interface{}{"value": "/subscriptions/x/law"}}}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		return
	}
	if err == nil || !strings.HasPrefix(err.Error(), code) {
		t.Fatalf("want %s, got %v", code, err)
	}
}

func TestSetDefinitionsNameKnownBuiltInsWithTheirParameters(t *testing.T) {
	const token = "azure-native:authorization:PolicySetDefinition"
	c := policyCloud(nil)
	wantCode(t, checkAzureWrite(c, token, policySet, defaultSet(), nil), "")
	unknown := guardrailSet(member("x", "/providers/Microsoft.Authorization/policyDefinitions/00000000-0000-0000-0000-00000000beef", nil))
	wantCode(t, checkAzureWrite(c, token, policySet, unknown, nil), "PolicyDefinitionNotFound")
	noTag := guardrailSet(member("require-tag", tagBuiltin, nil))
	wantCode(t, checkAzureWrite(c, token, policySet, noTag, nil), "MissingPolicyParameter")
	twice := guardrailSet(member("a", tagBuiltin, map[string]interface{}{"tagName": "owner"}),
		member("a", tagBuiltin, map[string]interface{}{"tagName": "environment"}))
	wantCode(t, checkAzureWrite(c, token, policySet, twice, nil), "InvalidPolicySetDefinition")
	undeclared := defaultSet()
	delete(undeclared, "parameters")
	wantCode(t, checkAzureWrite(c, token, policySet, undeclared, nil), "InvalidPolicyParameters")
}

func TestAssignmentsOfDeployingDefinitionsNeedAnIdentityWithALocation(t *testing.T) {
	const token = "azure-native:authorization:PolicyAssignment"
	c := policyCloud(defaultSet())
	wantCode(t, checkAzureWrite(c, token, policyAssign, assignment(), nil), "")
	noIdentity := assignment()
	delete(noIdentity, "identity")
	wantCode(t, checkAzureWrite(c, token, policyAssign, noIdentity, nil), "InvalidCreatePolicyAssignmentRequest")
	noLocation := assignment()
	delete(noLocation, "location")
	wantCode(t, checkAzureWrite(c, token, policyAssign, noLocation, nil), "LocationRequired")
	noWorkspace := assignment()
	delete(noWorkspace, "parameters")
	wantCode(t, checkAzureWrite(c, token, policyAssign, noWorkspace, nil), "MissingPolicyParameter")
	audit := assignment()
	audit["enforcementMode"] = "Audit"
	wantCode(t, checkAzureWrite(c, token, policyAssign, audit, nil), "InvalidRequestContent")
	missingSet := assignment()
	missingSet["policyDefinitionId"] = policySub + "/providers/Microsoft.Authorization/policySetDefinitions/other"
	wantCode(t, checkAzureWrite(c, token, policyAssign, missingSet, nil), "PolicySetDefinitionNotFound")
	// A single Deny built-in needs no identity.
	tagOnly := map[string]interface{}{"scope": policyRg, "policyDefinitionId": tagBuiltin,
		"parameters": map[string]interface{}{"tagName": map[string]interface{}{"value": "owner"}}}
	wantCode(t, checkAzureWrite(c, token, policyAssign, tagOnly, nil), "")
	missingRg := assignment()
	missingRg["scope"] = policySub + "/resourceGroups/nope"
	wantCode(t, checkAzureWrite(c, token, policyAssign, missingRg, nil), "ResourceNotFound")
}

func TestExemptionsNameAnExistingAssignmentAtOrBelowItsScopeAndItsMembers(t *testing.T) {
	const token = "azure-native:authorization:PolicyExemption"
	c := policyCloud(defaultSet())
	exemption := func() map[string]interface{} {
		return map[string]interface{}{"scope": policyAccount, "policyAssignmentId": policyAssign,
			"exemptionCategory": "Waiver", "policyDefinitionReferenceIds": []interface{}{"require-tag-owner"}}
	}
	wantCode(t, checkAzureWrite(c, token, "x", exemption(), nil), "PolicyAssignmentNotFound")
	c.Resources[key(policyAssign)] = &Record{ID: policyAssign, Token: "azure-native:authorization:PolicyAssignment",
		Inputs: assignment()}
	wantCode(t, checkAzureWrite(c, token, "x", exemption(), nil), "")
	other := exemption()
	other["scope"] = policySub + "/resourceGroups/ztp-prod-hub-rg"
	c.Resources[key(other["scope"].(string))] = &Record{ID: other["scope"].(string), Inputs: map[string]interface{}{}}
	wantCode(t, checkAzureWrite(c, token, "x", other, nil), "InvalidPolicyExemptionScope")
	category := exemption()
	category["exemptionCategory"] = "Accepted"
	wantCode(t, checkAzureWrite(c, token, "x", category, nil), "InvalidRequestContent")
	ref := exemption()
	ref["policyDefinitionReferenceIds"] = []interface{}{"storage-shared-key"}
	wantCode(t, checkAzureWrite(c, token, "x", ref, nil), "InvalidPolicyDefinitionReferenceId")
}

func TestAPolicyAssignmentIdentityAnswersWithItsPrincipal(t *testing.T) {
	out := computed(policyCloud(nil), "azure-native:authorization:PolicyAssignment", policyAssign, assignment())
	identity, _ := out["identity"].(map[string]interface{})
	if identity["principalId"] != guid(policyAssign+"#identity") || identity["tenantId"] != armIds.TenantID {
		t.Fatalf("identity: %v", identity)
	}
}

// The simulator's catalogue of built-ins is the project's copies: same ids, default effects and parameters.
func TestBuiltInPoliciesMatchTheCopies(t *testing.T) {
	base := "../../main/resources/com/ztplatform/stack/azurepolicy/builtin/"
	raw, err := os.ReadFile(base + "selection.json")
	if err != nil {
		t.Fatal(err)
	}
	var selection struct {
		Evaluated    []struct{ File string } `json:"evaluated"`
		AssignedOnly struct {
			Definitions []struct{ File string } `json:"definitions"`
		} `json:"assignedOnly"`
	}
	if err := json.Unmarshal(raw, &selection); err != nil {
		t.Fatal(err)
	}
	files := selection.Evaluated
	files = append(files, selection.AssignedOnly.Definitions...)
	if len(files) != len(builtinPolicies.Definitions) {
		t.Fatalf("%d copies, %d in builtin-policies.json", len(files), len(builtinPolicies.Definitions))
	}
	for _, f := range files {
		raw, err := os.ReadFile(filepath.Join(base, f.File))
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Name       string
			Properties struct {
				Parameters map[string]map[string]interface{}
				PolicyRule struct {
					Then struct{ Effect string }
				}
			}
		}
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		known, ok := builtinPolicies.Definitions[d.Name]
		if !ok {
			t.Fatalf("%s (%s) missing from builtin-policies.json", d.Name, f.File)
		}
		effect := d.Properties.PolicyRule.Then.Effect
		if m := parameterRef.FindStringSubmatch(effect); m != nil {
			effect, _ = d.Properties.Parameters[m[1]]["defaultValue"].(string)
		}
		if known.Effect != effect || len(known.Parameters) != len(d.Properties.Parameters) {
			t.Fatalf("%s: builtin-policies.json says %v, the copy %s with %d parameters", d.Name, known, effect,
				len(d.Properties.Parameters))
		}
		for name, p := range d.Properties.Parameters {
			if _, hasDefault := p["defaultValue"]; known.Parameters[name] != hasDefault {
				t.Fatalf("%s: parameter %s default %v differs", d.Name, name, hasDefault)
			}
		}
	}
}
