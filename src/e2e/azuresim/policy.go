package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// Azure Policy: set definitions, assignments and exemptions, refused the way ARM refuses them.
// Set definitions: learn.microsoft.com/azure/governance/policy/concepts/initiative-definition-structure (every member
// an existing definition, reference ids unique, parameters referenced by members declared).
// Assignments: learn.microsoft.com/azure/governance/policy/concepts/assignment-structure (an existing definition,
// every parameter without a default given, enforcementMode Default or DoNotEnforce) and
// learn.microsoft.com/azure/governance/policy/how-to/remediate-resources (deployIfNotExists and modify need a managed
// identity, and an identity needs a location).
// Exemptions: learn.microsoft.com/azure/governance/policy/concepts/exemption-structure (an existing assignment, at or
// below its scope, category Waiver or Mitigated, reference ids of the assigned set).

//go:embed builtin-policies.json
var builtinPoliciesJSON []byte

type builtinPolicy struct {
	Effect     string          `json:"effect"`
	Parameters map[string]bool `json:"parameters"`
}

var builtinPolicies struct {
	Definitions map[string]builtinPolicy `json:"definitions"`
}

func init() {
	if err := json.Unmarshal(builtinPoliciesJSON, &builtinPolicies); err != nil {
		panic(err)
	}
}

const builtinDefinitionPrefix = "/providers/microsoft.authorization/policydefinitions/"

var parameterRef = regexp.MustCompile(`^\[parameters\('([^']+)'\)\]$`)

// builtin finds a built-in definition by its id, as Azure matches ids: case-insensitively.
func builtin(id string) (builtinPolicy, bool) {
	lower := strings.ToLower(id)
	if !strings.HasPrefix(lower, builtinDefinitionPrefix) {
		return builtinPolicy{}, false
	}
	p, ok := builtinPolicies.Definitions[lower[len(builtinDefinitionPrefix):]]
	return p, ok
}

// deploys says whether an effect changes resources, so that the assignment needs an identity.
func deploys(effect string) bool {
	return strings.EqualFold(effect, "DeployIfNotExists") || strings.EqualFold(effect, "Modify")
}

func checkPolicySetDefinition(in map[string]interface{}) error {
	members := list(in, "policyDefinitions")
	if len(members) == 0 {
		return fmt.Errorf("InvalidPolicySetDefinition: a policy set definition needs at least one policy " +
			"definition. (simulated)")
	}
	declared, _ := get(in, "parameters").(map[string]interface{})
	seen := map[string]bool{}
	for _, m := range members {
		ref := str(m, "policyDefinitionReferenceId")
		if seen[strings.ToLower(ref)] {
			return fmt.Errorf("InvalidPolicySetDefinition: policy definition reference id '%s' is used twice. "+
				"(simulated)", ref)
		}
		seen[strings.ToLower(ref)] = true
		id := str(m, "policyDefinitionId")
		def, ok := builtin(id)
		if !ok {
			return fmt.Errorf("PolicyDefinitionNotFound: The policy definition '%s' could not be found.", id)
		}
		values, _ := get(m, "parameters").(map[string]interface{})
		for name, hasDefault := range def.Parameters {
			if _, given := values[name]; !given && !hasDefault {
				return fmt.Errorf("MissingPolicyParameter: The policy definition '%s' (reference '%s') requires "+
					"parameter '%s'. (simulated)", id, ref, name)
			}
		}
		for name, v := range values {
			if _, known := def.Parameters[name]; !known {
				return fmt.Errorf("UndefinedPolicyParameter: The policy definition '%s' has no parameter '%s'. "+
					"(simulated)", id, name)
			}
			if s, _ := get(v, "value").(string); s != "" {
				if mm := parameterRef.FindStringSubmatch(s); mm != nil {
					if _, ok := declared[mm[1]]; !ok {
						return fmt.Errorf("InvalidPolicyParameters: reference '%s' uses parameter '%s', which the "+
							"set definition does not declare. (simulated)", ref, mm[1])
					}
				}
			}
		}
	}
	return nil
}

// definitionDeploys says whether an assigned definition (built-in, or a set definition in the cloud) has a
// deployIfNotExists or modify member, and which parameters the assignment must give.
func definitionDeploys(c *Cloud, id string) (bool, []string, error) {
	if def, ok := builtin(id); ok {
		var required []string
		for name, hasDefault := range def.Parameters {
			if !hasDefault {
				required = append(required, name)
			}
		}
		return deploys(def.Effect), required, nil
	}
	set := c.get(id)
	if set == nil || set.Token != "azure-native:authorization:PolicySetDefinition" {
		if strings.Contains(strings.ToLower(id), "/policysetdefinitions/") {
			return false, nil, fmt.Errorf("PolicySetDefinitionNotFound: The policy set definition '%s' could not be "+
				"found.", id)
		}
		return false, nil, fmt.Errorf("PolicyDefinitionNotFound: The policy definition '%s' could not be found.", id)
	}
	any := false
	for _, m := range list(set.Inputs, "policyDefinitions") {
		if def, ok := builtin(str(m, "policyDefinitionId")); ok && deploys(def.Effect) {
			any = true
		}
	}
	var required []string
	if declared, ok := get(set.Inputs, "parameters").(map[string]interface{}); ok {
		for name, p := range declared {
			if get(p, "defaultValue") == nil {
				required = append(required, name)
			}
		}
	}
	return any, required, nil
}

func checkPolicyAssignment(c *Cloud, id string, in map[string]interface{}) error {
	name := lastSegment(id)
	switch mode := str(in, "enforcementMode"); mode {
	case "", "Default", "DoNotEnforce":
	default:
		return fmt.Errorf("InvalidRequestContent: enforcementMode '%s' is not one of Default, DoNotEnforce. "+
			"(simulated)", mode)
	}
	scope := str(in, "scope")
	if strings.Contains(strings.ToLower(scope), "/resourcegroups/") {
		if err := mustExist(c, "scope", scope); err != nil {
			return err
		}
	}
	dine, required, err := definitionDeploys(c, str(in, "policyDefinitionId"))
	if err != nil {
		return err
	}
	params, _ := get(in, "parameters").(map[string]interface{})
	for _, p := range required {
		if _, ok := params[p]; !ok {
			return fmt.Errorf("MissingPolicyParameter: The policy assignment '%s' does not give parameter '%s', "+
				"which has no default value. (simulated)", name, p)
		}
	}
	identity := str(in, "identity.type")
	if dine && (identity == "" || strings.EqualFold(identity, "None")) {
		return fmt.Errorf("InvalidCreatePolicyAssignmentRequest: The policy assignment '%s' request is invalid. "+
			"Policy assignments must include a 'managed identity' when assigning 'deployIfNotExists' or 'modify' "+
			"policy definitions. (simulated)", name)
	}
	if identity != "" && !strings.EqualFold(identity, "None") && str(in, "location") == "" {
		return fmt.Errorf("LocationRequired: The policy assignment '%s' has a managed identity and must specify a "+
			"location. (simulated)", name)
	}
	return nil
}

func checkPolicyExemption(c *Cloud, in map[string]interface{}) error {
	switch category := str(in, "exemptionCategory"); category {
	case "Waiver", "Mitigated":
	default:
		return fmt.Errorf("InvalidRequestContent: exemptionCategory '%s' is not one of Waiver, Mitigated. "+
			"(simulated)", category)
	}
	assignmentID := str(in, "policyAssignmentId")
	assignment := c.get(assignmentID)
	if assignment == nil || assignment.Token != "azure-native:authorization:PolicyAssignment" {
		return fmt.Errorf("PolicyAssignmentNotFound: The policy assignment '%s' is not found.", assignmentID)
	}
	scope := str(in, "scope")
	if err := mustExist(c, "scope", scope); err != nil && strings.Contains(strings.ToLower(scope), "/resourcegroups/") {
		return err
	}
	assignedScope := strings.ToLower(str(assignment.Inputs, "scope"))
	if s := strings.ToLower(scope); s != assignedScope && !strings.HasPrefix(s, assignedScope+"/") {
		return fmt.Errorf("InvalidPolicyExemptionScope: The policy exemption scope '%s' must be at or under the "+
			"scope '%s' of policy assignment '%s'. (simulated)", scope, str(assignment.Inputs, "scope"),
			lastSegment(assignmentID))
	}
	refs := list(in, "policyDefinitionReferenceIds")
	if len(refs) == 0 {
		return nil
	}
	set := c.get(str(assignment.Inputs, "policyDefinitionId"))
	if set == nil || set.Token != "azure-native:authorization:PolicySetDefinition" {
		return fmt.Errorf("InvalidPolicyDefinitionReferenceId: policyDefinitionReferenceIds apply only to "+
			"assignments of a policy set definition; '%s' assigns a single definition. (simulated)",
			lastSegment(assignmentID))
	}
	members := map[string]bool{}
	for _, m := range list(set.Inputs, "policyDefinitions") {
		members[strings.ToLower(str(m, "policyDefinitionReferenceId"))] = true
	}
	for _, r := range refs {
		if ref, _ := r.(string); !members[strings.ToLower(ref)] {
			return fmt.Errorf("InvalidPolicyDefinitionReferenceId: '%v' is not a policy definition reference id of "+
				"the set definition assigned by '%s'. (simulated)", r, lastSegment(assignmentID))
		}
	}
	return nil
}
