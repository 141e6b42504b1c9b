package main

import (
	"fmt"
	"strings"
)

// Azure Monitor Private Link Scope (AMPLS): learn.microsoft.com/azure/azure-monitor/logs/private-link-configure and
// learn.microsoft.com/azure/azure-monitor/logs/private-link-design.

// The resource types a scope can link: Log Analytics workspaces, Application Insights components and data collection
// endpoints ("Only Azure Monitor resources ... are available").
var scopeableTypes = []string{"microsoft.operationalinsights/workspaces", "microsoft.insights/components",
	"microsoft.insights/datacollectionendpoints"}

// checkPrivateLinkScope: a scope is a global resource whose access modes are Open or PrivateOnly.
func checkPrivateLinkScope(id string, in map[string]interface{}) error {
	if loc := str(in, "location"); !strings.EqualFold(loc, "global") {
		return fmt.Errorf("LocationNotAvailableForResourceType: The provided location '%s' is not available for "+
			"resource type 'microsoft.insights/privatelinkscopes'. List of available regions for the resource type "+
			"is 'global'. (simulated)", loc)
	}
	for _, mode := range []string{"accessModeSettings.ingestionAccessMode", "accessModeSettings.queryAccessMode"} {
		if v := str(in, mode); v != "" && v != "Open" && v != "PrivateOnly" {
			return fmt.Errorf("BadRequest: %s of scope %s must be Open or PrivateOnly, got %s. (simulated)", mode,
				lastSegment(id), v)
		}
	}
	return nil
}

// checkScopedResource: the scope must exist, and the linked resource must be an existing workspace, component or data
// collection endpoint; an unknown one is refused, as Azure refuses linking a resource it cannot find.
func checkScopedResource(c *Cloud, id string, in map[string]interface{}) error {
	scope := id
	if i := strings.Index(strings.ToLower(id), "/scopedresources/"); i >= 0 {
		scope = id[:i]
	}
	if r := c.get(scope); r == nil || r.Token != "azure-native:insights:PrivateLinkScope" {
		return fmt.Errorf("ResourceNotFound: The private link scope %s was not found. (simulated)", lastSegment(scope))
	}
	linked := str(in, "linkedResourceId")
	lower := strings.ToLower(linked)
	known := false
	for _, t := range scopeableTypes {
		if strings.Contains(lower, "/providers/"+t+"/") {
			known = true
		}
	}
	if !known {
		return fmt.Errorf("BadRequest: linkedResourceId %s of %s is not a Log Analytics workspace, Application Insights "+
			"component or data collection endpoint. (simulated)", linked, lastSegment(id))
	}
	if c.get(linked) == nil {
		return fmt.Errorf("ResourceNotFound: The linked resource %s of scoped resource %s was not found. (simulated)",
			linked, lastSegment(id))
	}
	return nil
}

// checkScopeEndpoint: the one sub-resource of a scope is azuremonitor.
func checkScopeEndpoint(target *Record, conn interface{}) error {
	for _, g := range list(conn, "groupIds") {
		if fmt.Sprint(g) != "azuremonitor" {
			return fmt.Errorf("PrivateEndpointBadRequest: group id %v is not valid for private link scope %s; use "+
				"azuremonitor. (simulated)", g, lastSegment(target.ID))
		}
	}
	return nil
}

// checkScopedDelete: a resource connected to a scope cannot be deleted until it is disconnected ("It's not possible to
// delete resources connected to an AMPLS"), and a scope cannot be deleted while it still has scoped resources.
func checkScopedDelete(c *Cloud, token, id string) error {
	for _, r := range c.byToken("azure-native:insights:PrivateLinkScopedResource") {
		switch {
		case strings.EqualFold(str(r.Inputs, "linkedResourceId"), id):
			return fmt.Errorf("Conflict: %s is connected to Azure Monitor Private Link Scope scoped resource %s; "+
				"disconnect it first. (simulated)", lastSegment(id), r.ID)
		case token == "azure-native:insights:PrivateLinkScope" && hasPrefixFold(r.ID, id+"/"):
			return fmt.Errorf("Conflict: private link scope %s still has scoped resource %s; remove it first. "+
				"(simulated)", lastSegment(id), lastSegment(r.ID))
		}
	}
	return nil
}
