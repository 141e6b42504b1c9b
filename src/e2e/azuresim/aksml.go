package main

import (
	"fmt"
	"strings"
)

// Rules Azure applies when the Azure Machine Learning extension is installed on an AKS cluster and the cluster is
// attached to a workspace. Sources: learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension
// (the extension needs sslCname and a certificate when allowInsecureConnections is False; "Disabling local accounts
// for AKS is not supported by Azure Machine Learning"), how-to-attach-kubernetes-to-workspace (the extension must be
// deployed before the cluster is attached; the namespace must exist), and the legacy AKS compute's
// loadBalancerType/loadBalancerSubnet (API 2023-04-01). Texts are simulated.

const (
	tokenExtension = "azure-native:kubernetesconfiguration:Extension"
	tokenCompute   = "azure-native:machinelearningservices:Compute"
	azuremlExt     = "microsoft.azureml.kubernetes"
)

// clusterOfExtension: the ARM id of the cluster an extension is installed on.
func clusterOfExtension(in map[string]interface{}) string {
	return "/subscriptions/" + armIds.SubscriptionID + "/resourceGroups/" + str(in, "resourceGroupName") + "/providers/" +
		str(in, "clusterRp") + "/" + str(in, "clusterResourceName") + "/" + str(in, "clusterName")
}

func checkClusterExtension(c *Cloud, in map[string]interface{}) error {
	cluster := clusterOfExtension(in)
	if c.get(cluster) == nil {
		return fmt.Errorf("ResourceNotFound: the cluster %s the extension is for does not exist. (simulated)", cluster)
	}
	if !strings.EqualFold(str(in, "extensionType"), azuremlExt) {
		return nil
	}
	cfg, _ := in["configurationSettings"].(map[string]interface{})
	setting := func(k string) string { return fmt.Sprint(cfg[k]) }
	if cfg == nil || !strings.EqualFold(setting("enableInference"), "True") && !strings.EqualFold(setting("enableTraining"), "True") {
		return fmt.Errorf("ExtensionOperationFailed: the Azure ML extension needs enableTraining or enableInference " +
			"True. (simulated)")
	}
	if strings.EqualFold(setting("enableInference"), "True") && !strings.EqualFold(setting("allowInsecureConnections"), "True") {
		protected, _ := in["configurationProtectedSettings"].(map[string]interface{})
		hasCert := cfg["sslSecret"] != nil || (protected != nil && protected["sslCertPemFile"] != nil)
		if cfg["sslCname"] == nil || !hasCert {
			return fmt.Errorf("ExtensionOperationFailed: inference with allowInsecureConnections False needs sslCname " +
				"and a certificate (sslSecret, or sslCertPemFile and sslKeyPemFile). (simulated)")
		}
	}
	return nil
}

func checkMlCompute(c *Cloud, id string, in map[string]interface{}) error {
	workspace := id[:strings.LastIndex(strings.ToLower(id), "/computes/")]
	if c.get(workspace) == nil {
		return fmt.Errorf("ResourceNotFound: workspace %s does not exist. (simulated)", workspace)
	}
	kind := str(in, "properties.computeType")
	if !strings.EqualFold(kind, "Kubernetes") && !strings.EqualFold(kind, "AKS") {
		return nil
	}
	clusterID := str(in, "properties.resourceId")
	cluster := c.get(clusterID)
	if cluster == nil {
		return fmt.Errorf("BadRequest: the cluster %s to attach does not exist. (simulated)", clusterID)
	}
	if strings.EqualFold(kind, "AKS") {
		if boolean(cluster.Inputs, "apiServerAccessProfile.enablePrivateCluster") &&
			!strings.EqualFold(str(in, "properties.properties.loadBalancerType"), "InternalLoadBalancer") {
			return fmt.Errorf("BadRequest: cluster %s is private; attach it with loadBalancerType InternalLoadBalancer "+
				"and a loadBalancerSubnet. (simulated)", lastSegment(clusterID))
		}
		if strings.EqualFold(str(in, "properties.properties.loadBalancerType"), "InternalLoadBalancer") &&
			str(in, "properties.properties.loadBalancerSubnet") == "" {
			return fmt.Errorf("BadRequest: loadBalancerType InternalLoadBalancer needs loadBalancerSubnet. (simulated)")
		}
		return nil
	}
	// Kubernetes compute: the Azure ML extension first, and a cluster Azure ML can sign in to.
	extension := false
	for _, e := range c.byToken(tokenExtension) {
		if strings.EqualFold(clusterOfExtension(e.Inputs), clusterID) && strings.EqualFold(str(e.Inputs, "extensionType"), azuremlExt) {
			extension = true
		}
	}
	if !extension {
		return fmt.Errorf("BadRequest: the Azure Machine Learning extension is not installed on cluster %s; deploy "+
			"it before attaching. (simulated)", lastSegment(clusterID))
	}
	if boolean(cluster.Inputs, "disableLocalAccounts") {
		return fmt.Errorf("BadRequest: cluster %s has local accounts disabled, which Azure Machine Learning does "+
			"not support. (simulated)", lastSegment(clusterID))
	}
	return nil
}
