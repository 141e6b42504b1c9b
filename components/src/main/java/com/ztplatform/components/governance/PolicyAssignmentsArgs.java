package com.ztplatform.components.governance;

import com.pulumi.core.Output;
import com.ztplatform.components.common.Placement;
import com.ztplatform.components.naming.Naming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link PolicyAssignments}.
 *
 * @param naming            the naming convention
 * @param location          the region of the assignments' managed identity (needed when a member deploys)
 * @param scopes            where the initiative is assigned (the platform's resource groups, or one configured scope)
 * @param guardrails        the initiative's members
 * @param enforcement       whether Azure enforces the effects
 * @param workspaceId       the Log Analytics workspace the deploy-if-not-exists members send diagnostics to
 * @param workspaceScopeKey the key of the scope that holds the workspace, or null when no scope does
 * @param exemptions        the exemptions, each made on every assignment or at one resource
 */
public record PolicyAssignmentsArgs(Naming naming, String location, List<PolicyScope> scopes, List<Guardrail> guardrails,
                                    Enforcement enforcement, Output<String> workspaceId, String workspaceScopeKey,
                                    List<GuardrailExemption> exemptions) {
    /**
     * Copies the lists.
     *
     * @param naming see the record
     * @param location see the record
     * @param scopes see the record
     * @param guardrails see the record
     * @param enforcement see the record
     * @param workspaceId see the record
     * @param workspaceScopeKey see the record
     * @param exemptions see the record
     */
    public PolicyAssignmentsArgs {
        scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
        guardrails = List.copyOf(Objects.requireNonNull(guardrails, "guardrails"));
        exemptions = List.copyOf(Objects.requireNonNull(exemptions, "exemptions"));
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every problem of the arguments, each naming the field and a valid example */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.naming(problems, naming);
        if (scopes.isEmpty()) {
            problems.add("scopes must name at least one scope, like List.of(new PolicyScope(\"hub\", hubRg.id()))");
        }
        var keys = new HashSet<String>();
        for (int i = 0; i < scopes.size(); i++) {
            var s = scopes.get(i);
            if (s == null || s.key() == null || !s.key().matches("[a-z0-9][a-z0-9-]{0,23}") || s.id() == null) {
                problems.add("scopes[" + i + "] needs a key of 1-24 lowercase letters, digits or hyphens and an id, like "
                        + "new PolicyScope(\"hub\", hubRg.id())");
            } else if (!keys.add(s.key())) {
                problems.add("scopes[" + i + "].key '" + s.key() + "' is used twice; each scope needs its own key");
            }
        }
        if (guardrails.isEmpty()) {
            problems.add("guardrails must hold at least one definition, like new Guardrail(\"allowed-locations\", "
                    + "\"e56962a6-4747-49cd-b67b-bf8b01975c4c\", \"Allowed locations\", Map.of(\"listOfAllowedLocations\", "
                    + "List.of(\"westeurope\")), List.of())");
        }
        var refs = new HashSet<String>();
        for (int i = 0; i < guardrails.size(); i++) {
            var g = guardrails.get(i);
            problems.addAll(g.problems("guardrails[" + i + "]."));
            if (!refs.add(g.referenceId())) {
                problems.add("guardrails[" + i + "].referenceId '" + g.referenceId() + "' is used twice");
            }
        }
        if (enforcement == null) {
            problems.add("enforcement is required, like Enforcement.forEnvironment(\"prod\")");
        }
        if (GuardrailPlan.needsIdentity(guardrails) && (location == null || location.isBlank())) {
            problems.add("location is required when a guardrail deploys (its assignment's identity lives there), "
                    + "like westeurope");
        }
        if (workspaceId == null && guardrails.stream().anyMatch(Guardrail::usesWorkspace)) {
            problems.add("workspaceId is required when a guardrail takes the workspace, like logs.workspaceId()");
        }
        if (workspaceScopeKey != null && !keys.contains(workspaceScopeKey)) {
            problems.add("workspaceScopeKey '" + workspaceScopeKey + "' is not a scope key; use one of " + keys
                    + " or null, like \"hub\"");
        }
        var slugs = new HashSet<String>();
        for (int i = 0; i < exemptions.size(); i++) {
            var x = exemptions.get(i);
            problems.addAll(x.problems("exemptions[" + i + "]."));
            if (!slugs.add(x.slug() + "|" + x.scopeKey())) {
                problems.add("exemptions[" + i + "].slug '" + x.slug() + "' is used twice");
            }
            for (var ref : x.referenceIds()) {
                if (!refs.contains(ref)) {
                    problems.add("exemptions[" + i + "].referenceIds names '" + ref + "', which is not a guardrail; "
                            + "exempt only assigned members, like " + refs.stream().sorted().findFirst().orElse("allowed-locations"));
                }
            }
            if (x.scopeKey() != null && !keys.contains(x.scopeKey())) {
                problems.add("exemptions[" + i + "].scopeKey '" + x.scopeKey() + "' is not a scope key; use one of "
                        + keys.stream().sorted().toList());
            }
        }
        if (naming != null && naming.problems("naming").isEmpty()) {
            problems.addAll(GuardrailPlan.nameProblems(naming, scopes.stream().filter(Objects::nonNull)
                    .map(PolicyScope::key).filter(Objects::nonNull).toList(), exemptions.stream()
                    .map(GuardrailExemption::slug).filter(Objects::nonNull).toList()));
        }
        return problems;
    }

    /** Builds {@link PolicyAssignmentsArgs}. */
    public static final class Builder {
        private Naming naming;
        private String location;
        private List<PolicyScope> scopes = List.of();
        private List<Guardrail> guardrails = List.of();
        private Enforcement enforcement;
        private Output<String> workspaceId;
        private String workspaceScopeKey;
        private List<GuardrailExemption> exemptions = List.of();

        private Builder() {
        }

        /**
         * @param value the naming convention
         * @return this
         */
        public Builder naming(Naming value) { this.naming = value; return this; }

        /**
         * @param value the identity's region, like westeurope
         * @return this
         */
        public Builder location(String value) { this.location = value; return this; }

        /**
         * @param value the assignment scopes
         * @return this
         */
        public Builder scopes(List<PolicyScope> value) { this.scopes = value; return this; }

        /**
         * @param value the initiative's members
         * @return this
         */
        public Builder guardrails(List<Guardrail> value) { this.guardrails = value; return this; }

        /**
         * @param value the enforcement mode
         * @return this
         */
        public Builder enforcement(Enforcement value) { this.enforcement = value; return this; }

        /**
         * @param value the Log Analytics workspace id
         * @return this
         */
        public Builder workspaceId(Output<String> value) { this.workspaceId = value; return this; }

        /**
         * @param value the key of the scope holding the workspace, or null
         * @return this
         */
        public Builder workspaceScopeKey(String value) { this.workspaceScopeKey = value; return this; }

        /**
         * @param value the exemptions
         * @return this
         */
        public Builder exemptions(List<GuardrailExemption> value) { this.exemptions = value; return this; }

        /** @return the arguments (validated by the component) */
        public PolicyAssignmentsArgs build() {
            return new PolicyAssignmentsArgs(naming, location, scopes, guardrails, enforcement, workspaceId,
                    workspaceScopeKey, exemptions);
        }
    }
}
