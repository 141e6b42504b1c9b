package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.ztplatform.stack.reports.PlanModel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates built-in definitions against a plan's Azure resources, effect by effect
 * (https://learn.microsoft.com/azure/governance/policy/concepts/effect-basics):
 * <ul>
 *   <li>Audit, Deny, DenyAction: a resource the {@code if} matches is non-compliant;</li>
 *   <li>AuditIfNotExists, DeployIfNotExists: a matched resource is non-compliant unless the plan holds a related resource of
 *   {@code details.type} (a child of it, an extension resource on it, or one whose {@code scope}, {@code resourceUri} or
 *   {@code targetResourceId} input names it) that satisfies {@code details.existenceCondition};</li>
 *   <li>Modify, Append: a matched resource is reported with the changes the effect would make;</li>
 *   <li>Disabled: not evaluated.</li>
 * </ul>
 * Definitions evaluate with their parameters' default values. Data-plane mode {@code Microsoft.KeyVault.Data} sees the
 * plan's Key Vault keys and secrets as {@code Microsoft.KeyVault.Data/vaults/keys} and {@code …/secrets}.
 */
public final class PolicyEvaluation {
    /**
     * The deployment instant: the dates the plan derives (creation times, scheduled rotations) are relative to it, so
     * any fixed instant gives the same verdicts; fixed so that reports are reproducible.
     */
    public static final Instant DEPLOYED_AT = Instant.parse("2026-01-01T00:00:00Z");

    /** The result of one definition in one stack. */
    public enum Result {
        /** At least one resource in scope and none non-compliant. */
        COMPLIANT("compliant"),
        /** Some resource is non-compliant and no exemption covers it. */
        NON_COMPLIANT("non-compliant"),
        /** Non-compliant resources, covered by an exemption. */
        EXEMPT("exempt"),
        /** No resource of the definition's types in the plan. */
        NO_RESOURCES("no resources"),
        /** The effect (Modify, Append) would change resources. */
        WOULD_CHANGE("would change"),
        /** The effect is Disabled. */
        DISABLED("disabled"),
        /** The definition could not be evaluated (an unmapped alias, an unsupported function). */
        ERROR("error");

        private final String text;

        Result(String text) {
            this.text = text;
        }

        /** @return the report's word */
        public String text() {
            return text;
        }
    }

    /**
     * One definition's evaluation in a stack.
     *
     * @param definition   the definition
     * @param effect       the effect it evaluated with
     * @param result       the result
     * @param inScope      resources of its types
     * @param nonCompliant names of the resources it matched (or that would change)
     * @param detail       the exemption's reason, the changes a Modify would make, or the error
     * @param exemption    the exemption applied, or null
     */
    public record Finding(BuiltInPolicies.Definition definition, String effect, Result result, int inScope,
                          List<String> nonCompliant, String detail, Exemptions.Exemption exemption) {
    }

    private final Aliases aliases = Aliases.load();
    private final String stack;
    private final List<ArmResource> resources;

    private PolicyEvaluation(String stack, List<ArmResource> resources) {
        this.stack = stack;
        this.resources = resources;
    }

    /**
     * Evaluates every selected definition against a plan.
     *
     * @param plan the plan
     * @return one finding per definition, in selection order
     */
    public static List<Finding> evaluate(PlanModel plan) {
        return of(plan.stack(), plan.resources().stream().map(ArmResource::of).flatMap(java.util.Optional::stream).toList())
                .evaluateAll(BuiltInPolicies.all());
    }

    /**
     * An evaluation over ARM resources (tests build them by hand).
     *
     * @param stack     the stack, for exemptions
     * @param resources the resources
     * @return the evaluation
     */
    static PolicyEvaluation of(String stack, List<ArmResource> resources) {
        var withFacts = resources.stream().map(r -> PlanFacts.withFacts(r, resources, DEPLOYED_AT)).toList();
        return new PolicyEvaluation(stack, withFacts);
    }

    List<Finding> evaluateAll(List<BuiltInPolicies.Definition> definitions) {
        return definitions.stream().map(this::evaluate).toList();
    }

    Finding evaluate(BuiltInPolicies.Definition definition) {
        String effect = "?";
        try {
            var parameters = parameters(definition);
            var rule = definition.properties().getAsJsonObject("policyRule");
            var then = rule.getAsJsonObject("then");
            var probe = new PolicyRule(new ArmResource("", "", "", "", new JsonObject()), aliases, parameters, JsonNull.INSTANCE,
                    DEPLOYED_AT.atOffset(ZoneOffset.UTC));
            effect = probe.resolveValue(then.get("effect")).getAsString();
            var types = types(rule.getAsJsonObject("if"));
            var candidates = candidates(definition);
            var inScope = candidates.stream().filter(r -> types.isEmpty() || types.contains(r.type().toLowerCase(Locale.ROOT))).count();
            if (effect.equalsIgnoreCase("disabled")) {
                return new Finding(definition, effect, Result.DISABLED, (int) inScope, List.of(), "", null);
            }
            var matched = new ArrayList<String>();
            var changes = new TreeSet<String>();
            for (var r : candidates) {
                var evaluator = new PolicyRule(r, aliases, parameters, resourceGroup(r), DEPLOYED_AT.atOffset(ZoneOffset.UTC));
                if (!evaluator.test(rule.getAsJsonObject("if"))) {
                    continue;
                }
                switch (effect.toLowerCase(Locale.ROOT)) {
                    case "audit", "deny", "denyaction" -> matched.add(r.name());
                    case "auditifnotexists", "deployifnotexists" -> {
                        if (!related(r, then.getAsJsonObject("details"), parameters)) {
                            matched.add(r.name());
                        }
                    }
                    case "modify", "append" -> {
                        matched.add(r.name());
                        changes.add(changes(effect, then.get("details")));
                    }
                    default -> throw new PolicyEvaluationException("unsupported effect " + effect);
                }
            }
            if (inScope == 0 && matched.isEmpty()) {
                return new Finding(definition, effect, Result.NO_RESOURCES, 0, List.of(), "", null);
            }
            if (matched.isEmpty()) {
                return new Finding(definition, effect, Result.COMPLIANT, (int) inScope, List.of(), "", null);
            }
            if (!changes.isEmpty()) {
                return new Finding(definition, effect, Result.WOULD_CHANGE, (int) inScope, List.copyOf(matched),
                        String.join("; ", changes), null);
            }
            var exemption = Exemptions.of(definition.id(), stack);
            if (exemption.isPresent()) {
                // A row scoped to resources exempts those only: any other non-compliant resource stays a finding.
                var uncovered = matched.stream().filter(m -> !exemption.get().covers(m)).toList();
                if (uncovered.isEmpty()) {
                    return new Finding(definition, effect, Result.EXEMPT, (int) inScope, List.copyOf(matched),
                            exemption.get().reason(), exemption.get());
                }
                return new Finding(definition, effect, Result.NON_COMPLIANT, (int) inScope, List.copyOf(uncovered),
                        "", null);
            }
            return new Finding(definition, effect, Result.NON_COMPLIANT, (int) inScope, List.copyOf(matched), "", null);
        } catch (PolicyEvaluationException | IllegalStateException | UnsupportedOperationException | ClassCastException e) {
            // Not a placeholder: Gson throws these three when a definition reads a value of another shape than the
            // plan holds (an object where it expects a string). The definition becomes an ERROR finding, which
            // AzureBuiltInPoliciesIT fails on, instead of stopping the whole evaluation or counting as compliant.
            return new Finding(definition, effect, Result.ERROR, 0, List.of(), String.valueOf(e.getMessage()), null);
        }
    }

    /** The resources a definition's mode lets it see. */
    private List<ArmResource> candidates(BuiltInPolicies.Definition definition) {
        if (definition.mode().equalsIgnoreCase("Microsoft.KeyVault.Data")) {
            return resources.stream()
                    .filter(r -> r.type().equalsIgnoreCase("Microsoft.KeyVault/vaults/keys")
                            || r.type().equalsIgnoreCase("Microsoft.KeyVault/vaults/secrets"))
                    .map(r -> r.withType(r.type().replace("Microsoft.KeyVault/", "Microsoft.KeyVault.Data/")))
                    .toList();
        }
        if (!definition.mode().equalsIgnoreCase("All") && !definition.mode().equalsIgnoreCase("Indexed")) {
            throw new PolicyEvaluationException("unsupported mode " + definition.mode());
        }
        return resources;
    }

    /** The types a rule names in {@code field: type} conditions with equals or in. */
    static Set<String> types(JsonElement rule) {
        var types = new TreeSet<String>();
        collectTypes(rule, types);
        return types;
    }

    private static void collectTypes(JsonElement e, Set<String> types) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collectTypes(x, types));
        } else if (e.isJsonObject()) {
            var o = e.getAsJsonObject();
            for (var entry : o.entrySet()) {
                if (entry.getKey().equalsIgnoreCase("field") && entry.getValue().isJsonPrimitive()
                        && entry.getValue().getAsString().equalsIgnoreCase("type")) {
                    for (var op : o.entrySet()) {
                        if (op.getKey().equalsIgnoreCase("equals")) {
                            types.add(op.getValue().getAsString().toLowerCase(Locale.ROOT));
                        } else if (op.getKey().equalsIgnoreCase("in")) {
                            op.getValue().getAsJsonArray().forEach(t -> types.add(t.getAsString().toLowerCase(Locale.ROOT)));
                        }
                    }
                }
                collectTypes(entry.getValue(), types);
            }
        }
    }

    private JsonObject parameters(BuiltInPolicies.Definition definition) {
        var values = new JsonObject();
        var declared = definition.properties().has("parameters") ? definition.properties().getAsJsonObject("parameters")
                : new JsonObject();
        declared.entrySet().forEach(p -> {
            var d = p.getValue().getAsJsonObject();
            if (d.has("defaultValue")) {
                values.add(p.getKey(), d.get("defaultValue"));
            }
        });
        var assigned = BuiltInPolicies.read("parameters.json").getAsJsonObject("parameters");
        if (assigned.has(definition.id())) {
            assigned.getAsJsonObject(definition.id()).entrySet().forEach(p -> {
                if (!p.getKey().startsWith("_")) {
                    values.add(p.getKey(), p.getValue());
                }
            });
        }
        return values;
    }

    /** {@code resourceGroup()}: the plan's resource group of the resource (name, location, managedBy). */
    private JsonElement resourceGroup(ArmResource r) {
        var name = r.resourceGroup();
        if (name.isEmpty()) {
            return JsonNull.INSTANCE;
        }
        return resources.stream().filter(g -> g.type().equalsIgnoreCase("Microsoft.Resources/resourceGroups")
                        && g.name().equalsIgnoreCase(name.get()))
                .findFirst()
                .map(g -> {
                    var o = new JsonObject();
                    o.addProperty("name", g.name());
                    o.addProperty("id", g.id());
                    o.add("location", Aliases.walk(g.inputs(), "location").get(0));
                    o.add("managedBy", Aliases.walk(g.inputs(), "managedBy").get(0));
                    return (JsonElement) o;
                })
                .orElse(JsonNull.INSTANCE);
    }

    /** Whether the plan holds a resource the if-not-exists effect looks for. */
    private boolean related(ArmResource r, JsonObject details, JsonObject parameters) {
        var probe = new PolicyRule(r, aliases, parameters, resourceGroup(r), DEPLOYED_AT.atOffset(ZoneOffset.UTC));
        var type = probe.resolveValue(details.get("type")).getAsString();
        var name = details.has("name") ? probe.resolveValue(details.get("name")).getAsString() : null;
        var id = r.id().toLowerCase(Locale.ROOT);
        for (var other : resources) {
            if (!other.type().equalsIgnoreCase(type) || (name != null && !other.name().equalsIgnoreCase(name))) {
                continue;
            }
            var otherId = other.id().toLowerCase(Locale.ROOT);
            var linked = otherId.startsWith(id + "/");
            for (var input : List.of("scope", "resourceUri", "targetResourceId")) {
                var v = Aliases.walk(other.inputs(), input).get(0);
                linked |= v.isJsonPrimitive() && v.getAsString().equalsIgnoreCase(r.id());
            }
            if (!linked) {
                continue;
            }
            if (!details.has("existenceCondition")
                    || new PolicyRule(other, aliases, parameters, resourceGroup(other), DEPLOYED_AT.atOffset(ZoneOffset.UTC))
                    .test(details.getAsJsonObject("existenceCondition"))) {
                return true;
            }
        }
        return false;
    }

    private static String changes(String effect, JsonElement details) {
        var parts = new ArrayList<String>();
        if (effect.equalsIgnoreCase("modify")) {
            for (var op : details.getAsJsonObject().getAsJsonArray("operations")) {
                var o = op.getAsJsonObject();
                parts.add(o.get("operation").getAsString() + " " + o.get("field").getAsString()
                        + (o.has("value") ? " = " + o.get("value") : ""));
            }
        } else {
            for (var a : details.getAsJsonArray()) {
                var o = a.getAsJsonObject();
                parts.add("append " + o.get("field").getAsString() + " = " + o.get("value"));
            }
        }
        return String.join(", ", parts);
    }
}
