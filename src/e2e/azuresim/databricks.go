package main

import (
	"fmt"
	"strings"
)

// databricksID mirrors AzureMocks.databricks: the ids the Databricks APIs return, derived deterministically.
func databricksID(stack, token, name string, in map[string]interface{}) string {
	seed := stack + "|" + token + "|" + name
	numeric := fmt.Sprintf("%d", int64(100_000_000_000)+hash(seed)%899_999_999_999)
	switch token {
	case "databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig",
		"databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule":
		return guid(seed)
	case "databricks:index/accountNetworkPolicy:AccountNetworkPolicy":
		return fmt.Sprint(in["networkPolicyId"])
	case "databricks:index/workspaceFile:WorkspaceFile", "databricks:index/directory:Directory":
		return fmt.Sprint(in["path"])
	case "databricks:index/volume:Volume":
		return fmt.Sprintf("%v.%v.%v", in["catalogName"], in["schemaName"], in["name"])
	case "databricks:index/permissions:Permissions":
		return "/" + permissionsObjectType(in) + "/" + numeric
	case "databricks:index/secretScope:SecretScope":
		return fmt.Sprint(in["name"])
	case "databricks:index/clusterPolicy:ClusterPolicy":
		return strings.ToUpper(fmt.Sprintf("%x", hash(seed)))
	// Unity Catalog and Delta Sharing: names (full names for schemas), a uuid for the metastore, composite keys.
	case "databricks:index/metastore:Metastore":
		return guid(seed)
	case "databricks:index/metastoreAssignment:MetastoreAssignment":
		return fmt.Sprintf("%v|%v", in["workspaceId"], in["metastoreId"])
	case "databricks:index/storageCredential:StorageCredential", "databricks:index/externalLocation:ExternalLocation",
		"databricks:index/catalog:Catalog", "databricks:index/share:Share", "databricks:index/recipient:Recipient":
		return fmt.Sprint(in["name"])
	case "databricks:index/schema:Schema":
		return fmt.Sprintf("%v.%v", in["catalogName"], in["name"])
	case "databricks:index/workspaceBinding:WorkspaceBinding":
		return fmt.Sprintf("%v|%v|%v", in["workspaceId"], in["securableType"], in["securableName"])
	case "databricks:index/grants:Grants":
		return grantsID(in)
	}
	return numeric
}

// grantsID mirrors AzureMocks.grantsId: <securable type>/<full name>.
func grantsID(in map[string]interface{}) string {
	for _, kind := range []string{"catalog", "schema", "share", "externalLocation", "table", "volume"} {
		if v, ok := in[kind]; ok && v != nil {
			if kind == "externalLocation" {
				kind = "external_location"
			}
			return kind + "/" + fmt.Sprint(v)
		}
	}
	return "unknown/"
}

// databricksSecretOutputs: outputs that carry a credential; the provider returns them marked secret.
func databricksSecretOutputs(token string) []string {
	if token == "databricks:index/recipient:Recipient" {
		return []string{"activationUrl", "tokens", "sharingCode"}
	}
	return nil
}

func databricksComputed(stack, token, name, id string, in map[string]interface{}) map[string]interface{} {
	seed := stack + "|" + token + "|" + name
	out := map[string]interface{}{}
	switch token {
	case "databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig":
		out["networkConnectivityConfigId"] = id
	case "databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule":
		out["ruleId"] = id
		out["endpointName"] = "databricks-" + guid(seed+"#endpoint")
		out["connectionState"] = "PENDING"
	case "databricks:index/workspaceFile:WorkspaceFile":
		out["workspacePath"] = "/Workspace" + fmt.Sprint(in["path"])
		out["objectId"] = hash(seed) % 1_000_000
	case "databricks:index/directory:Directory":
		out["workspacePath"] = "/Workspace" + fmt.Sprint(in["path"])
		out["objectId"] = hash(seed) % 1_000_000
	case "databricks:index/volume:Volume":
		out["volumePath"] = fmt.Sprintf("/Volumes/%v/%v/%v", in["catalogName"], in["schemaName"], in["name"])
	case "databricks:index/permissions:Permissions":
		out["objectType"] = permissionsObjectType(in)
	case "databricks:index/clusterPolicy:ClusterPolicy":
		out["policyId"] = id
	case "databricks:index/job:Job":
		out["url"] = "https://adb-0000000000000000.0.azuredatabricks.net/#job/" + id
	case "databricks:index/metastore:Metastore":
		out["metastoreId"] = id
		out["globalMetastoreId"] = fmt.Sprintf("azure:%v:%s", in["region"], id)
	case "databricks:index/storageCredential:StorageCredential":
		out["storageCredentialId"] = guid(seed)
	case "databricks:index/schema:Schema":
		out["schemaId"] = guid(seed)
	case "databricks:index/recipient:Recipient":
		out["activated"] = false
		if fmt.Sprint(in["authenticationType"]) == "TOKEN" {
			url := "https://adb-0000000000000000.0.azuredatabricks.net/delta_sharing/retrieve_config.html?" +
				guid(seed+"#activation")
			out["activationUrl"] = url
			out["tokens"] = []interface{}{map[string]interface{}{"id": guid(seed + "#token"), "activationUrl": url}}
		}
	}
	return out
}

func databricksReplaceKeys(token string) []string {
	switch token {
	case "databricks:index/secretScope:SecretScope":
		return []string{"name", "backendType", "keyvaultMetadata"}
	case "databricks:index/workspaceFile:WorkspaceFile", "databricks:index/directory:Directory":
		return []string{"path"}
	case "databricks:index/volume:Volume":
		return []string{"catalogName", "schemaName", "name", "volumeType", "storageLocation"}
	case "databricks:index/permissions:Permissions":
		return []string{"clusterPolicyId", "workspaceFilePath", "directoryPath", "directoryId"}
	case "databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig":
		return []string{"name", "region", "accountId"}
	case "databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule":
		return []string{"networkConnectivityConfigId", "resourceId", "groupId"}
	case "databricks:index/metastore:Metastore":
		return []string{"name", "region"}
	case "databricks:index/metastoreAssignment:MetastoreAssignment":
		return []string{"workspaceId"}
	case "databricks:index/storageCredential:StorageCredential", "databricks:index/externalLocation:ExternalLocation",
		"databricks:index/share:Share", "databricks:index/recipient:Recipient":
		return []string{"name"}
	case "databricks:index/catalog:Catalog":
		return []string{"name", "storageRoot"}
	case "databricks:index/schema:Schema":
		return []string{"catalogName", "name"}
	case "databricks:index/workspaceBinding:WorkspaceBinding":
		return []string{"workspaceId", "securableType", "securableName"}
	case "databricks:index/grants:Grants":
		return []string{"catalog", "schema", "share", "externalLocation"}
	}
	return nil
}

// permissionsObjectType: the object kind the provider reports for the one object a Permissions resource names.
func permissionsObjectType(in map[string]interface{}) string {
	switch {
	case in["clusterPolicyId"] != nil:
		return "cluster-policy"
	case in["directoryPath"] != nil, in["directoryId"] != nil:
		return "directory"
	case in["workspaceFilePath"] != nil:
		return "file"
	}
	return "object"
}

// checkDatabricksWrite: workspace-level objects need a workspace that exists at the provider's host, and a
// Key Vault-backed scope needs an Entra ID token (never a PAT: docs.databricks.com/aws/en/security/secrets#
// azure-key-vault-backed-scopes).
func (p *simProvider) checkDatabricksWrite(c *Cloud, token, id string, in map[string]interface{}, old *Record) error {
	host := p.host()
	accountLevel := strings.HasPrefix(host, "accounts.")
	if !accountLevel {
		found := false
		for _, ws := range c.byToken("azure-native:databricks:Workspace") {
			if strings.EqualFold(str(ws.Outputs, "workspaceUrl"), host) {
				found = true
			}
		}
		if !found {
			return fmt.Errorf("cannot create %s: no Databricks workspace answers at host %q (the provider's host "+
				"must be an existing workspace URL)", token, host)
		}
	}
	if token == "databricks:index/secretScope:SecretScope" && fmt.Sprint(in["backendType"]) == "AZURE_KEYVAULT" {
		if _, pat := p.config["token"]; pat {
			return fmt.Errorf("cannot create secret scope %v: Azure Key Vault-backed secret scopes can only be "+
				"created with an Azure AD token, not a personal access token", in["name"])
		}
		for _, r := range c.byToken(token) {
			if r.Provider == p.instance() && strings.EqualFold(fmt.Sprint(r.Inputs["name"]), fmt.Sprint(in["name"])) &&
				old == nil {
				return fmt.Errorf("RESOURCE_ALREADY_EXISTS: Scope %v already exists!", in["name"])
			}
		}
	}
	if old == nil && c.get(p.storeKey(id)) != nil {
		return fmt.Errorf("RESOURCE_ALREADY_EXISTS: %s %s already exists in %s", token, id, p.host())
	}
	return nil
}

// previewComputed lists outputs the cloud assigns, which stay unknown during preview.
func previewComputed(pkg, token string) map[string]bool {
	out := map[string]bool{}
	if pkg == "databricks" {
		for k := range databricksComputed("", token, "", "", map[string]interface{}{}) {
			out[k] = true
		}
		return out
	}
	switch token {
	case "azure-native:network:PublicIPAddress":
		out["ipAddress"] = true
	case "azure-native:network:PublicIPPrefix":
		out["ipPrefix"] = true
	case "azure-native:operationalinsights:Workspace":
		out["customerId"] = true
	case "azure-native:network:PrivateEndpoint":
		out["customDnsConfigs"], out["networkInterfaces"] = true, true
	case "azure-native:databricks:Workspace":
		for k := range workspaceComputed("") {
			out[k] = true
		}
	case "azure-native:keyvault:Key":
		out["keyUri"], out["keyUriWithVersion"] = true, true
	case "azure-native:managedidentity:UserAssignedIdentity":
		out["principalId"], out["clientId"], out["tenantId"] = true, true, true
	}
	return out
}
