package main

import (
	"strings"
	"testing"
)

func mlCloud() (*Cloud, map[string]interface{}) {
	c := aiCloud("Premium")
	deps := map[string]string{
		"storageAccount":      aiRg + "Microsoft.Storage/storageAccounts/ztpprodmlx1",
		"keyVault":            aiRg + "Microsoft.KeyVault/vaults/ztp-prod-ml-kv",
		"applicationInsights": aiRg + "Microsoft.Insights/components/ztp-prod-ml-appi",
	}
	tokens := map[string]string{"storageAccount": "azure-native:storage:StorageAccount",
		"keyVault": "azure-native:keyvault:Vault", "applicationInsights": "azure-native:insights:Component"}
	in := map[string]interface{}{"hbiWorkspace": true,
		"containerRegistry": aiRg + "Microsoft.ContainerRegistry/registries/ztpdevacr"}
	for k, id := range deps {
		c.Resources[key(id)] = &Record{ID: id, Token: tokens[k], Inputs: map[string]interface{}{}}
		in[k] = id
	}
	return c, in
}

const mlWs = aiRg + "Microsoft.MachineLearningServices/workspaces/ztp-prod-ml-mlw"

func TestAWorkspaceNeedsItsAssociatedResources(t *testing.T) {
	c, in := mlCloud()
	if err := checkAzureWrite(c, "azure-native:machinelearningservices:Workspace", mlWs, in, nil); err != nil {
		t.Fatalf("a workspace with storage, vault and Application Insights was refused: %v", err)
	}
	delete(in, "applicationInsights")
	err := checkAzureWrite(c, "azure-native:machinelearningservices:Workspace", mlWs, in, nil)
	if err == nil || !strings.Contains(err.Error(), "needs applicationInsights") {
		t.Fatalf("a workspace without Application Insights must be refused, got %v", err)
	}
	_, in = mlCloud()
	in["keyVault"] = aiRg + "Microsoft.KeyVault/vaults/missing"
	err = checkAzureWrite(c, "azure-native:machinelearningservices:Workspace", mlWs, in, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "ResourceNotFound") {
		t.Fatalf("a workspace naming a vault that does not exist must be refused, got %v", err)
	}
}

func TestHbiWorkspaceIsFixedAtCreation(t *testing.T) {
	c, in := mlCloud()
	old := &Record{ID: mlWs, Token: "azure-native:machinelearningservices:Workspace",
		Inputs: map[string]interface{}{"hbiWorkspace": false}}
	err := checkAzureWrite(c, "azure-native:machinelearningservices:Workspace", mlWs, in, old)
	if err == nil || !strings.Contains(err.Error(), "cannot be changed after creation") {
		t.Fatalf("changing hbiWorkspace must be refused, got %v", err)
	}
	old.Inputs["hbiWorkspace"] = true
	if err := checkAzureWrite(c, "azure-native:machinelearningservices:Workspace", mlWs, in, old); err != nil {
		t.Fatalf("an update keeping hbiWorkspace was refused: %v", err)
	}
}

func TestAWorkspaceEndpointServesOnlyAmlworkspace(t *testing.T) {
	c, _ := mlCloud()
	c.Resources[key(mlWs)] = &Record{ID: mlWs, Token: "azure-native:machinelearningservices:Workspace",
		Inputs: map[string]interface{}{}}
	pe := map[string]interface{}{"privateLinkServiceConnections": []interface{}{
		map[string]interface{}{"privateLinkServiceId": mlWs, "groupIds": []interface{}{"amlworkspace"}}}}
	if err := checkAzureWrite(c, "azure-native:network:PrivateEndpoint", "pe", pe, nil); err != nil {
		t.Fatalf("an amlworkspace endpoint was refused: %v", err)
	}
	pe["privateLinkServiceConnections"].([]interface{})[0].(map[string]interface{})["groupIds"] = []interface{}{"workspace"}
	err := checkAzureWrite(c, "azure-native:network:PrivateEndpoint", "pe", pe, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "PrivateEndpointBadRequest") {
		t.Fatalf("a workspace endpoint with another group id must be refused, got %v", err)
	}
}
