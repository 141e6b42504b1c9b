package main

import "testing"

const mlWorkspaceID = aksSub + "ztp-prod-ai-rg/providers/Microsoft.MachineLearningServices/workspaces/ztp-prod-ml-mlw"
const mlComputeID = mlWorkspaceID + "/computes/aks-inference"

// mlCloud: the private cluster (local accounts as given), the workspace, and the Azure ML extension when asked.
func inferenceCloud(localAccountsDisabled, extension bool) *Cloud {
	c := aksCloud(true, all()...)
	cluster := aksCluster()
	cluster["disableLocalAccounts"] = localAccountsDisabled
	c.Resources[key(clusterID)] = &Record{ID: clusterID, Token: "azure-native:containerservice:ManagedCluster", Inputs: cluster}
	c.Resources[key(mlWorkspaceID)] = &Record{ID: mlWorkspaceID, Token: "azure-native:machinelearningservices:Workspace",
		Inputs: map[string]interface{}{}}
	if extension {
		id := clusterID + "/providers/Microsoft.KubernetesConfiguration/extensions/azureml"
		c.Resources[key(id)] = &Record{ID: id, Token: tokenExtension, Inputs: mlExtension()}
	}
	return c
}

func mlExtension() map[string]interface{} {
	return map[string]interface{}{"resourceGroupName": "ztp-prod-aks-rg", "clusterRp": "Microsoft.ContainerService",
		"clusterResourceName": "managedClusters", "clusterName": "ztp-prod-aks", "extensionType": "microsoft.azureml.kubernetes",
		"configurationSettings": map[string]interface{}{"enableInference": "True", "inferenceRouterServiceType": "loadBalancer",
			"internalLoadBalancerProvider": "azure", "allowInsecureConnections": "False",
			"sslCname": "inference.ml.contoso.internal", "sslSecret": "azureml-fe-tls"}}
}

func kubernetesCompute(cluster string) map[string]interface{} {
	return map[string]interface{}{"properties": map[string]interface{}{"computeType": "Kubernetes", "resourceId": cluster,
		"disableLocalAuth": true, "properties": map[string]interface{}{"namespace": "default"}}}
}

func TestTheAzureMlExtensionOnAnExistingClusterIsAccepted(t *testing.T) {
	if err := checkAzureWrite(inferenceCloud(false, false), tokenExtension, clusterID+"/providers/Microsoft.KubernetesConfiguration/extensions/azureml",
		mlExtension(), nil); err != nil {
		t.Fatal(err)
	}
}

func TestAnExtensionForAClusterThatDoesNotExistIsRefused(t *testing.T) {
	in := mlExtension()
	in["clusterName"] = "ztp-prod-missing"
	expectCode(t, checkClusterExtension(inferenceCloud(false, false), in), "ResourceNotFound")
}

func TestInferenceOverHttpsNeedsANameAndACertificate(t *testing.T) {
	in := mlExtension()
	delete(in["configurationSettings"].(map[string]interface{}), "sslSecret")
	expectCode(t, checkClusterExtension(inferenceCloud(false, false), in), "ExtensionOperationFailed")
}

func TestAttachingTheClusterWithItsExtensionIsAccepted(t *testing.T) {
	if err := checkAzureWrite(inferenceCloud(false, true), tokenCompute, mlComputeID, kubernetesCompute(clusterID), nil); err != nil {
		t.Fatal(err)
	}
}

func TestAttachingAClusterThatDoesNotExistIsRefused(t *testing.T) {
	expectCode(t, checkMlCompute(inferenceCloud(false, true), mlComputeID,
		kubernetesCompute(aksSub+"ztp-prod-aks-rg/providers/Microsoft.ContainerService/managedClusters/nope")), "BadRequest: the cluster")
}

func TestAttachingBeforeTheExtensionIsRefused(t *testing.T) {
	expectCode(t, checkMlCompute(inferenceCloud(false, false), mlComputeID, kubernetesCompute(clusterID)),
		"BadRequest: the Azure Machine Learning extension is not installed")
}

func TestAttachingAClusterWithoutLocalAccountsIsRefused(t *testing.T) {
	expectCode(t, checkMlCompute(inferenceCloud(true, true), mlComputeID, kubernetesCompute(clusterID)),
		"BadRequest: cluster ztp-prod-aks has local accounts disabled")
}

func TestAttachingToAWorkspaceThatDoesNotExistIsRefused(t *testing.T) {
	id := aksSub + "ztp-prod-ai-rg/providers/Microsoft.MachineLearningServices/workspaces/other/computes/aks-inference"
	expectCode(t, checkMlCompute(inferenceCloud(false, true), id, kubernetesCompute(clusterID)), "ResourceNotFound")
}

func TestALegacyPublicLoadBalancerAttachOfAPrivateClusterIsRefused(t *testing.T) {
	in := map[string]interface{}{"properties": map[string]interface{}{"computeType": "AKS", "resourceId": clusterID,
		"properties": map[string]interface{}{"loadBalancerType": "PublicIp"}}}
	expectCode(t, checkMlCompute(inferenceCloud(false, false), mlComputeID, in), "BadRequest: cluster ztp-prod-aks is private")
	in["properties"].(map[string]interface{})["properties"] = map[string]interface{}{"loadBalancerType": "InternalLoadBalancer",
		"loadBalancerSubnet": "snet-aks-nodes"}
	if err := checkMlCompute(inferenceCloud(false, false), mlComputeID, in); err != nil {
		t.Fatal(err)
	}
}
