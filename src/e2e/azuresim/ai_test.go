package main

import (
	"strings"
	"testing"
)

const aiRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-dev-ai-rg/providers/"

func aiCloud(registrySku string) *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	acr := aiRg + "Microsoft.ContainerRegistry/registries/ztpdevacr"
	c.Resources[key(acr)] = &Record{ID: acr, Token: "azure-native:containerregistry:Registry",
		Inputs: map[string]interface{}{"sku": map[string]interface{}{"name": registrySku}}}
	ai := aiRg + "Microsoft.CognitiveServices/accounts/ztp-dev-ai"
	c.Resources[key(ai)] = &Record{ID: ai, Token: "azure-native:cognitiveservices:Account",
		Inputs: map[string]interface{}{"properties": map[string]interface{}{"customSubDomainName": "ztp-dev-ai"}}}
	return c
}

func endpointTo(target string) map[string]interface{} {
	return map[string]interface{}{"privateLinkServiceConnections": []interface{}{
		map[string]interface{}{"privateLinkServiceId": target, "groupIds": []interface{}{"registry"}}}}
}

func TestARegistryTakesPrivateEndpointsOnlyOnPremium(t *testing.T) {
	pe := endpointTo(aiRg + "Microsoft.ContainerRegistry/registries/ztpdevacr")
	if err := checkAzureWrite(aiCloud("Premium"), "azure-native:network:PrivateEndpoint", "pe", pe, nil); err != nil {
		t.Fatalf("Premium registry refused an endpoint: %v", err)
	}
	err := checkAzureWrite(aiCloud("Standard"), "azure-native:network:PrivateEndpoint", "pe", pe, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "PrivateEndpointNotSupportedForSku") {
		t.Fatalf("a Standard registry must refuse a private endpoint, got %v", err)
	}
}

func TestExportsCanBeDisabledOnlyWithPublicAccessDisabled(t *testing.T) {
	in := map[string]interface{}{"sku": map[string]interface{}{"name": "Premium"}, "publicNetworkAccess": "Enabled",
		"policies": map[string]interface{}{"exportPolicy": map[string]interface{}{"status": "disabled"}}}
	id := aiRg + "Microsoft.ContainerRegistry/registries/ztpprodacr"
	err := checkAzureWrite(aiCloud("Premium"), "azure-native:containerregistry:Registry", id, in, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "ExportPolicyRequiresPublicNetworkAccessDisabled") {
		t.Fatalf("got %v", err)
	}
	in["publicNetworkAccess"] = "Disabled"
	if err := checkAzureWrite(aiCloud("Premium"), "azure-native:containerregistry:Registry", id, in, nil); err != nil {
		t.Fatalf("a private Premium registry without exports was refused: %v", err)
	}
	// The name is global: another registry of that name elsewhere is refused.
	other := aiRg + "Microsoft.ContainerRegistry/registries/ztpdevacr"
	err = checkAzureWrite(aiCloud("Premium"), "azure-native:containerregistry:Registry",
		strings.Replace(other, "ztp-dev-ai-rg", "other-rg", 1), in, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "AlreadyInUse") {
		t.Fatalf("got %v", err)
	}
}

func TestAnAiAccountNeedsAUniqueSubdomainAndDeploymentsAreSerialised(t *testing.T) {
	in := map[string]interface{}{"properties": map[string]interface{}{"customSubDomainName": "ztp-dev-ai"}}
	err := checkAzureWrite(aiCloud("Premium"), "azure-native:cognitiveservices:Account",
		aiRg+"Microsoft.CognitiveServices/accounts/other", in, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "CustomDomainInUse") {
		t.Fatalf("got %v", err)
	}
	parent, msg := serialisedParent("azure-native:cognitiveservices:Deployment",
		nil, aiRg+"Microsoft.CognitiveServices/accounts/ztp-dev-ai/deployments/gpt-4o")
	if !strings.HasSuffix(parent, "/accounts/ztp-dev-ai") || !strings.HasPrefix(msg, "RequestConflict") {
		t.Fatalf("deployments of one account must be serialised, got %q %q", parent, msg)
	}
}
