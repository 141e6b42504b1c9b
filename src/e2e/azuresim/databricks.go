package main

import (
	"fmt"
	"net"
	"regexp"
	"strings"
)

var databricksPlaceholder = regexp.MustCompile(`\{(=?[A-Za-z]+)\}`)

// databricksID is the id the Databricks APIs return, derived deterministically from the template in arm-ids.json
// (databricksIds), the one the Java mocks (ArmIds.databricksId) use too: {input} from the inputs, {=numeric},
// {=guid}, {=hex} from stack|token|name, {=objectType} from the access list's inputs, {=grantsKey}
// from a Grants resource's securable.
func databricksID(stack, token, name string, in map[string]interface{}) (string, error) {
	seed := stack + "|" + token + "|" + name
	derived := map[string]string{
		"numeric":    fmt.Sprintf("%d", int64(100_000_000_000)+hash(seed)%899_999_999_999),
		"guid":       guid(seed),
		"hex":        strings.ToUpper(fmt.Sprintf("%x", hash(seed))),
		"objectType": permissionsObjectType(in),
		"grantsKey":  grantsID(in),
	}
	tpl, ok := armIds.DatabricksIDs[token]
	if !ok {
		tpl = armIds.DatabricksIDs["default"]
	}
	var missing []string
	id := databricksPlaceholder.ReplaceAllStringFunc(tpl, func(m string) string {
		key := m[1 : len(m)-1]
		var v string
		if strings.HasPrefix(key, "=") {
			v = derived[key[1:]]
		} else if in[key] != nil {
			v = fmt.Sprint(in[key])
		}
		if v == "" {
			missing = append(missing, key)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("InvalidParameterValue: %s needs %s to form its id", token, strings.Join(missing, ", "))
	}
	return id, nil
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
	if token == "databricks:index/externalLocation:ExternalLocation" && old == nil && !boolean(in, "skipValidation") {
		if err := checkLakeReachable(c, in); err != nil {
			return err
		}
	}
	if token == "databricks:index/recipient:Recipient" {
		if err := checkRecipientIPAccessList(in); err != nil {
			return err
		}
	}
	if token == "databricks:index/metastore:Metastore" && old == nil {
		if err := checkOneMetastorePerRegion(c, p.account(), id, in); err != nil {
			return err
		}
	}
	if old == nil && c.get(p.storeKey(id)) != nil {
		return fmt.Errorf("RESOURCE_ALREADY_EXISTS: %s %s already exists in %s", token, id, p.host())
	}
	return nil
}

// checkRecipientIPAccessList: a recipient's IP access list takes at most 100 IPv4 addresses or CIDR ranges
// (RecipientIpAccessList.allowedIpAddresses, "Limit of 100"; learn.microsoft.com/azure/databricks/delta-sharing/access-list),
// and applies to open (TOKEN) recipients only.
func checkRecipientIPAccessList(in map[string]interface{}) error {
	entries := list(in, "ipAccessList.allowedIpAddresses")
	if len(entries) == 0 {
		return nil
	}
	if fmt.Sprint(in["authenticationType"]) != "TOKEN" {
		return fmt.Errorf("INVALID_PARAMETER_VALUE: IP access lists apply to recipients with authentication type "+
			"TOKEN only, not %v", in["authenticationType"])
	}
	if len(entries) > 100 {
		return fmt.Errorf("INVALID_PARAMETER_VALUE: the IP access list of recipient %v has %d entries; the limit is 100",
			in["name"], len(entries))
	}
	for _, e := range entries {
		text := fmt.Sprint(e)
		if !strings.Contains(text, "/") {
			text += "/32"
		}
		if ip, _, err := net.ParseCIDR(text); err != nil || ip.To4() == nil {
			return fmt.Errorf("INVALID_PARAMETER_VALUE: %v in the IP access list of recipient %v is not an IPv4 "+
				"address or CIDR range", e, in["name"])
		}
	}
	return nil
}

// checkOneMetastorePerRegion: Databricks allows one Unity Catalog metastore per region per account
// (learn.microsoft.com/azure/databricks/data-governance/unity-catalog/create-metastore); a second one is refused, and
// the stack must name the existing one instead (unityCatalog.existingMetastoreId).
func checkOneMetastorePerRegion(c *Cloud, account, id string, in map[string]interface{}) error {
	region := fmt.Sprint(in["region"])
	for _, m := range c.byToken("databricks:index/metastore:Metastore") {
		if m.Account == account && m.ID != id && strings.EqualFold(fmt.Sprint(m.Inputs["region"]), region) {
			return fmt.Errorf("cannot create metastore: This account already has a metastore in region %s "+
				"(metastore %s, %v); only one metastore per region is allowed: assign the existing one to the "+
				"workspaces instead", region, m.ID, m.Inputs["name"])
		}
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
	case "azure-native:containerregistry:Registry":
		out["loginServer"] = true
	case "azure-native:insights:Component":
		out["connectionString"] = true
	case "azure-native:web:WebApp":
		out["defaultHostName"] = true
	case "azure-native:managedidentity:UserAssignedIdentity":
		out["principalId"], out["clientId"], out["tenantId"] = true, true, true
	}
	return out
}
