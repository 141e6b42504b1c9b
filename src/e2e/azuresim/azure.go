package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

//go:embed arm-ids.json
var armIdsJSON []byte

// armIds is the one description of Azure's id shapes, shared with the Java mocks
// (components/.../offline/arm-ids.json; TestArmIdsMatchJava fails when the copies differ): the ARM id
// templates and the ids of the Databricks objects.
var armIds struct {
	SubscriptionID string            `json:"subscriptionId"`
	TenantID       string            `json:"tenantId"`
	ClientObjectID string            `json:"clientObjectId"`
	ClientID       string            `json:"clientId"`
	Templates      map[string]string `json:"templates"`
	DatabricksIDs  map[string]string `json:"databricksIds"`
}

func init() {
	if err := json.Unmarshal(armIdsJSON, &armIds); err != nil {
		panic(err)
	}
}

var placeholder = regexp.MustCompile(`\{([A-Za-z]+)\}`)

// armID builds the id Azure gives a resource, from its explicit name inputs (every resource of this program
// names itself; a missing name is a program error, as it would be an ARM validation error).
func armID(token string, inputs map[string]interface{}) (string, error) {
	tpl, ok := armIds.Templates[token]
	if !ok {
		return "", fmt.Errorf("InvalidResourceType: the simulated Azure does not know resource type %s", token)
	}
	var missing []string
	id := placeholder.ReplaceAllStringFunc(tpl, func(m string) string {
		name := m[1 : len(m)-1]
		if name == "sub" {
			return armIds.SubscriptionID
		}
		v, _ := inputs[name].(string)
		if v == "" {
			missing = append(missing, name)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("InvalidRequestContent: %s needs the input(s) %s to form its resource id", token,
			strings.Join(missing, ", "))
	}
	return id, nil
}

// idInputs are the inputs that form the id: changing one means a new resource (replace), as in ARM.
func idInputs(token string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(armIds.Templates[token], -1) {
		if m[1] != "sub" {
			out = append(out, m[1])
		}
	}
	return append(out, "location")
}

func armType(token string) string {
	tpl := armIds.Templates[token]
	i := strings.LastIndex(tpl, "/providers/")
	if i < 0 {
		return "Microsoft.Resources/resourceGroups"
	}
	segs := strings.Split(tpl[i+len("/providers/"):], "/")
	t := segs[0]
	for j := 1; j < len(segs); j += 2 {
		t += "/" + segs[j]
	}
	return t
}

// workspaceComputed mirrors AzureMocks.workspaceComputed.
func workspaceComputed(id string) map[string]interface{} {
	wid := fmt.Sprintf("%d", int64(1_000_000_000_000_000)+hash(id)%8_999_999_999_999_999)
	return map[string]interface{}{
		"workspaceId":  wid,
		"workspaceUrl": fmt.Sprintf("adb-%s.%d.azuredatabricks.net", wid, 1+hash(id+"#n")%19),
		"storageAccountIdentity": map[string]interface{}{"principalId": guid(id + "#storage"),
			"tenantId": armIds.TenantID, "type": "SystemAssigned"},
		"managedDiskIdentity": map[string]interface{}{"principalId": guid(id + "#disk"),
			"tenantId": armIds.TenantID, "type": "SystemAssigned"},
	}
}

// computed returns what Azure adds to a resource's properties (mirrors AzureMocks.enrich).
func computed(c *Cloud, token, id string, in map[string]interface{}) map[string]interface{} {
	out := map[string]interface{}{"name": lastSegment(id), "type": armType(token)}
	if token == "azure-native:resources:ResourceGroup" {
		out["name"] = in["resourceGroupName"]
	}
	switch token {
	case "azure-native:network:PublicIPAddress":
		out["ipAddress"] = fmt.Sprintf("203.0.113.%d", 1+hash(id)%254)
	case "azure-native:network:PublicIPPrefix":
		length := int64(31)
		if n, ok := in["prefixLength"].(float64); ok {
			length = int64(n)
		}
		block := int64(1) << (32 - length)
		base, _ := cidrAddress("198.51.100.0/24", (hash(id)%(256/block))*block)
		out["ipPrefix"] = fmt.Sprintf("%s/%d", base, length)
	case "azure-native:network:AzureFirewall", "azure-native:network:InboundEndpoint":
		field := "privateIPAddress"
		if strings.HasSuffix(token, "InboundEndpoint") {
			field = "privateIpAddress"
		}
		var configs []interface{}
		for _, cfg := range list(in, "ipConfigurations") {
			m, ok := cfg.(map[string]interface{})
			if !ok {
				continue
			}
			copy := map[string]interface{}{}
			for k, v := range m {
				copy[k] = v
			}
			if subnet := c.get(str(m, "subnet.id")); subnet != nil {
				copy[field], _ = cidrAddress(str(subnet.Inputs, "addressPrefix"), 4)
			}
			configs = append(configs, copy)
		}
		out["ipConfigurations"] = configs
	case "azure-native:operationalinsights:Workspace":
		out["customerId"] = guid(id)
	case "azure-native:network:PrivateEndpoint":
		if subnet := c.get(str(in, "subnet.id")); subnet != nil {
			prefix := str(subnet.Inputs, "addressPrefix")
			ip, _ := cidrAddress(prefix, 4+hash(id)%(cidrSize(prefix)-5))
			out["customDnsConfigs"] = []interface{}{map[string]interface{}{
				"fqdn": lastSegment(id) + ".privatelink", "ipAddresses": []interface{}{ip}}}
		}
		out["networkInterfaces"] = []interface{}{map[string]interface{}{
			"id": strings.Replace(id, "/privateEndpoints/", "/networkInterfaces/", 1) + "-nic"}}
	case "azure-native:databricks:Workspace":
		for k, v := range workspaceComputed(id) {
			out[k] = v
		}
	case "azure-native:keyvault:Key":
		uri := fmt.Sprintf("https://%s.vault.azure.net/keys/%s", in["vaultName"], in["keyName"])
		out["keyUri"] = uri
		out["keyUriWithVersion"] = uri + "/" + strings.ReplaceAll(guid(id+"#version"), "-", "")
	case "azure-native:keyvault:Vault":
		if props, ok := in["properties"].(map[string]interface{}); ok {
			copy := map[string]interface{}{}
			for k, v := range props {
				copy[k] = v
			}
			copy["vaultUri"] = "https://" + lastSegment(id) + ".vault.azure.net/"
			out["properties"] = copy
		}
	case "azure-native:containerregistry:Registry":
		// Azure derives the login server from the registry's name, lowercased (mirrors AzureMocks.enrich).
		out["loginServer"] = strings.ToLower(lastSegment(id)) + ".azurecr.io"
	case "azure-native:insights:Component":
		// Mirrors AzureMocks.enrich: the instrumentation key inside a connection string.
		loc, _ := in["location"].(string)
		out["connectionString"] = "InstrumentationKey=" + guid(id+"#ikey") + ";IngestionEndpoint=https://" + loc +
			"-0.in.applicationinsights.azure.com/;LiveEndpoint=https://" + loc + ".livediagnostics.monitor.azure.com/"
	case "azure-native:web:WebApp":
		// Mirrors AzureMocks.enrich: a site answers with <name>.azurewebsites.net.
		out["defaultHostName"] = lastSegment(id) + ".azurewebsites.net"
	case "azure-native:managedidentity:UserAssignedIdentity":
		out["principalId"] = guid(id + "#principal")
		out["clientId"] = guid(id + "#client")
		out["tenantId"] = armIds.TenantID
	case "azure-native:authorization:PolicyAssignment":
		// Mirrors AzureMocks.enrich: a system-assigned identity answers with its principal and tenant.
		if strings.EqualFold(str(in, "identity.type"), "SystemAssigned") {
			out["identity"] = map[string]interface{}{"type": "SystemAssigned", "principalId": guid(id + "#identity"),
				"tenantId": armIds.TenantID}
		}
	}
	// User-assigned identities: a list of ids in the inputs, a map from id to principal and client id in Azure's
	// answer (mirrors AzureMocks.enrich).
	if identity, ok := in["identity"].(map[string]interface{}); ok {
		if ids, ok := identity["userAssignedIdentities"].([]interface{}); ok {
			copy := map[string]interface{}{}
			for k, v := range identity {
				copy[k] = v
			}
			assigned := map[string]interface{}{}
			for _, u := range ids {
				uid := fmt.Sprint(u)
				assigned[uid] = map[string]interface{}{"principalId": guid(uid + "#principal"), "clientId": guid(uid + "#client")}
			}
			copy["userAssignedIdentities"] = assigned
			out["identity"] = copy
		}
	}
	// A system-assigned identity: Azure answers with its principal and tenant (mirrors AzureMocks.enrich).
	if identity, ok := in["identity"].(map[string]interface{}); ok && strings.Contains(fmt.Sprint(identity["type"]), "SystemAssigned") {
		current, ok := out["identity"].(map[string]interface{})
		if !ok {
			current = identity
		}
		copy := map[string]interface{}{}
		for k, v := range current {
			copy[k] = v
		}
		copy["principalId"] = guid(id + "#identity")
		copy["tenantId"] = armIds.TenantID
		out["identity"] = copy
	}
	return out
}

// dropOutputs are inputs the Java SDK cannot read back into its output types (a union of rule collection
// kinds); AzureMocks drops them too.
func dropOutputs(token string) []string {
	if token == "azure-native:network:FirewallPolicyRuleCollectionGroup" {
		return []string{"ruleCollections"}
	}
	return nil
}
