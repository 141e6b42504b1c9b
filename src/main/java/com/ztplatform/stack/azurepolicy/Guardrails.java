package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonObject;
import com.ztplatform.components.governance.Guardrail;
import com.ztplatform.components.governance.GuardrailExemption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which of Microsoft's built-in definitions the stacks assign as Azure Policy (the platform's guardrail initiative),
 * with which parameters, which exemptions of {@code exemptions.json} become Azure exemptions, and the README's table
 * of where each rule is enforced (the policy pack at preview, Azure Policy, or both). Pure: tested without Pulumi.
 */
public final class Guardrails {
    /** The effect a rule is assigned with, spelled as the definition's {@code allowedValues} spell it. */
    public enum Effect {
        /** Refuse non-compliant requests (where the definition allows Deny; else Audit). */
        DENY,
        /** Record non-compliance only: for rules that judge something created after the resource (private links). */
        AUDIT,
        /** The definition's own effect (a fixed deny, or deploy-if-not-exists). */
        DEFINED
    }

    /**
     * One assigned rule.
     *
     * @param referenceId  its reference id in the initiative ({@code require-tag} gets one member per tag)
     * @param definitionId the built-in definition's GUID
     * @param effect       the effect wanted
     */
    public record Rule(String referenceId, String definitionId, Effect effect) {
    }

    /** The one rule that becomes a member per required tag, {@code require-tag-<tag>}. */
    public static final String REQUIRE_TAG = "871b6d14-10aa-478d-b590-94f262ecfa99";
    /** Allowed locations: the stack's location only. */
    public static final String ALLOWED_LOCATIONS = "e56962a6-4747-49cd-b67b-bf8b01975c4c";
    /** Deploy-if-not-exists: Databricks workspace diagnostics to the platform workspace. */
    public static final String DATABRICKS_DIAGNOSTICS = "23057b42-ca8d-4aa0-a3dc-96a98b5b5a3d";

    /** The assigned rules, in the initiative's order. */
    public static final List<Rule> RULES = List.of(
            new Rule("require-tag", REQUIRE_TAG, Effect.DEFINED),
            new Rule("allowed-locations", ALLOWED_LOCATIONS, Effect.DEFINED),
            new Rule("databricks-diagnostics", DATABRICKS_DIAGNOSTICS, Effect.DEFINED),
            new Rule("storage-secure-transfer", "404c3081-a854-4457-ae30-26a93ef643f9", Effect.DENY),
            new Rule("databricks-premium", "2cc2c3b5-c2f8-45aa-a9e6-f90d85ae8352", Effect.DENY),
            new Rule("databricks-public-network", "0e7849de-b939-4c50-ab48-fc6b0f5eeba2", Effect.DENY),
            new Rule("databricks-no-public-ip", "51c1490f-3319-459c-bbbc-7f391bbed753", Effect.DENY),
            new Rule("databricks-vnet", "9c25c9e4-ee12-4882-afd2-11fb9d87893f", Effect.DENY),
            // Private links are created after the workspace or vault: Deny would refuse the resource itself.
            new Rule("databricks-private-link", "258823f2-4595-4b52-b333-cc96192710d8", Effect.AUDIT),
            new Rule("kv-rbac", "12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5", Effect.DENY),
            new Rule("kv-purge-protection", "0b60c0b2-2dc2-4e1c-b5c9-abbed971de53", Effect.DENY),
            new Rule("kv-soft-delete", "1e66c121-a66a-4b1f-9b83-0fd99bf0fc2d", Effect.DENY),
            new Rule("kv-public-network", "405c5871-3e91-4644-8a63-58e19d68ff5b", Effect.DENY),
            new Rule("kv-firewall", "55615ac9-af46-4a59-874e-391cc3dfb490", Effect.DENY),
            new Rule("kv-private-link", "a6abeaec-4d90-4a02-805f-6b26c4d3fbe9", Effect.AUDIT),
            new Rule("storage-blob-public-access", "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751", Effect.DENY),
            new Rule("storage-cross-tenant", "92a89a79-6c52-4a7e-a03f-61306fc49312", Effect.DENY),
            new Rule("storage-shared-key", "8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54", Effect.DENY),
            new Rule("storage-infra-encryption", "4733ea7b-a883-42fe-8cac-97454c2a9e4a", Effect.DENY),
            new Rule("storage-min-tls", "fe83a0eb-a853-422d-aac2-1bffd182c5d0", Effect.DENY),
            new Rule("storage-public-network", "b2982f36-99f2-4db5-8eff-283140c09693", Effect.DENY),
            // The definition allows only Audit (and Disabled); the pack refuses (storage-account-customer-managed-key).
            new Rule("storage-cmk", "6fac406b-40ca-413b-bf8e-0bf964659c25", Effect.AUDIT),
            // The pack's rule is advisory too.
            new Rule("storage-network-restricted", "34c877ad-507e-4c82-993e-3452a6e0ad3c", Effect.AUDIT),
            // The pack refuses these on the program's VMs (vm-disk-encryption-cmk). Azure Policy only audits: with a
            // subscription as the configured scope, Deny would also refuse the VMs and scale sets Databricks and AKS
            // create in their own managed resource groups, whose disks the program does not choose.
            new Rule("vm-disks-cmk", "702dd420-7fcc-42c5-afe8-4026edd20fe0", Effect.AUDIT),
            new Rule("vm-encryption-at-host", "fc4d8e41-e223-45ea-9bf5-eada37891d87", Effect.AUDIT));

    private Guardrails() {
    }

    /**
     * A resource an exemption of {@code exemptions.json} names, where the program placed it.
     *
     * @param scopeKey the key of the assignment scope holding it (its resource group's key)
     * @param id       its ARM id
     */
    public record PlacedResource(String scopeKey, com.pulumi.core.Output<String> id) {
    }

    /**
     * The initiative's members for a stack.
     *
     * @param location the stack's region, the only allowed location
     * @param tagNames the tags every resource must carry
     * @return the members, in {@link #RULES} order
     */
    public static List<Guardrail> guardrails(String location, List<String> tagNames) {
        var members = new ArrayList<Guardrail>();
        for (var rule : RULES) {
            var d = definition(rule.definitionId());
            var roles = roles(d.properties());
            if (rule.definitionId().equals(REQUIRE_TAG)) {
                for (var tag : tagNames) {
                    members.add(new Guardrail(rule.referenceId() + "-" + tag.toLowerCase(Locale.ROOT), d.id(),
                            d.displayName(), Map.of("tagName", tag), roles));
                }
                continue;
            }
            var parameters = new LinkedHashMap<String, Object>();
            if (rule.definitionId().equals(ALLOWED_LOCATIONS)) {
                parameters.put("listOfAllowedLocations", List.of(location));
            }
            if (rule.definitionId().equals(DATABRICKS_DIAGNOSTICS)) {
                parameters.put("logAnalytics", Guardrail.WORKSPACE);
            }
            effect(d, rule.effect()).ifPresent(e -> parameters.put("effect", e));
            members.add(new Guardrail(rule.referenceId(), d.id(), d.displayName(), parameters, roles));
        }
        return members;
    }

    /**
     * The effect parameter's value for a wanted effect, spelled as the definition allows it.
     *
     * @param d      the definition
     * @param wanted the effect wanted
     * @return the value, or empty when the definition keeps its own effect
     */
    static Optional<String> effect(BuiltInPolicies.Definition d, Effect wanted) {
        if (wanted == Effect.DEFINED || !d.properties().has("parameters")
                || !d.properties().getAsJsonObject("parameters").has("effect")) {
            return Optional.empty();
        }
        var allowed = new ArrayList<String>();
        var p = d.properties().getAsJsonObject("parameters").getAsJsonObject("effect");
        if (p.has("allowedValues")) {
            p.getAsJsonArray("allowedValues").forEach(v -> allowed.add(v.getAsString()));
        }
        Function<String, Optional<String>> spelled = name -> allowed.stream().filter(v -> v.equals(name)).findFirst()
                .or(() -> allowed.stream().filter(v -> v.equalsIgnoreCase(name)).findFirst());
        return wanted == Effect.DENY ? spelled.apply("Deny").or(() -> spelled.apply("Audit")) : spelled.apply("Audit");
    }

    /**
     * The exemptions of a stack that concern assigned members, as Azure exemptions: {@code design} and
     * {@code retired} become Mitigated (the intent is met another way), {@code api} and {@code later} Waiver.
     *
     * @param stack     the stack, like {@code prod}
     * @param members   the assigned members
     * @param resources where the resources named by resource-scoped rows are, by name
     * @return the exemptions; a row naming resources the stack does not have makes none
     */
    public static List<GuardrailExemption> exemptions(String stack, List<Guardrail> members,
                                                      Map<String, PlacedResource> resources) {
        var out = new ArrayList<GuardrailExemption>();
        for (var x : Exemptions.all()) {
            if (!x.stacks().contains(stack)) {
                continue;
            }
            var refs = members.stream().filter(m -> m.definitionId().equals(x.definitionId()))
                    .map(Guardrail::referenceId).toList();
            if (refs.isEmpty()) {
                continue;
            }
            var slug = refs.get(0);
            if (x.resources().isEmpty()) {
                out.add(new GuardrailExemption(slug, refs, category(x.category()), x.displayName(), x.reason(), null,
                        null));
                continue;
            }
            for (var name : x.resources()) {
                var placed = resources.get(name);
                if (placed == null) {
                    // Not in this stack (a configuration without it): nothing to exempt. A misspelt name leaves the
                    // resource non-compliant, which AzureBuiltInPoliciesIT reports.
                    continue;
                }
                out.add(new GuardrailExemption(resourceSlug(slug, name), refs, category(x.category()),
                        x.displayName(), x.reason(), placed.scopeKey(), placed.id()));
            }
        }
        return out;
    }

    /**
     * The slug of a resource-scoped exemption: the resource's name and a short digest of the member's reference id.
     * Reference id and resource name together (up to 24 characters for an account) overrun Azure's 64-character
     * exemption names once prefixed with the stack and scope; the digest keeps two rows on one resource apart.
     *
     * @param referenceId the assigned member's reference id, like {@code storage-public-network}
     * @param resource    the resource's name, like {@code ztpprodlakeym4ky}
     * @return like {@code ztpprodlakeym4ky-1a2b3c}
     */
    public static String resourceSlug(String referenceId, String resource) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(referenceId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return resource.toLowerCase(java.util.Locale.ROOT) + "-"
                    + java.util.HexFormat.of().formatHex(digest).substring(0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /**
     * @param category an exemption's category
     * @return Azure's exemption category for it
     */
    public static String category(Exemptions.Category category) {
        return switch (category) {
            case DESIGN, RETIRED -> "Mitigated";
            case API, LATER -> "Waiver";
        };
    }

    /** A pack rule, its level and the built-ins that check the same thing ({@code pack-builtins.json}). */
    record Match(String policy, String level, List<String> definitions) {
    }

    /** @return the pack rules with matching built-ins, in file order */
    static List<Match> matches() {
        var out = new ArrayList<Match>();
        for (var e : BuiltInPolicies.read("pack-builtins.json").getAsJsonArray("matches")) {
            var o = e.getAsJsonObject();
            var ids = new ArrayList<String>();
            o.getAsJsonArray("definitions").forEach(i -> ids.add(i.getAsString()));
            out.add(new Match(o.get("policy").getAsString(), o.has("level") ? o.get("level").getAsString()
                    : "mandatory", List.copyOf(ids)));
        }
        return out;
    }

    /**
     * @param definitionId a built-in's GUID
     * @param stack        the stack
     * @return how Azure Policy treats it in the stack: the assigned effect with the enforcement, an exemption, or
     *         that it is not assigned
     */
    static String enforcement(String definitionId, String stack) {
        var rule = RULES.stream().filter(r -> r.definitionId().equals(definitionId)).findFirst();
        if (rule.isEmpty()) {
            return "not assigned";
        }
        var exemption = Exemptions.of(definitionId, stack);
        if (exemption.isPresent() && exemption.get().resources().isEmpty()) {
            return "exempt (" + category(exemption.get().category()) + ")";
        }
        var d = definition(definitionId);
        var effect = effect(d, rule.get().effect()).orElseGet(() -> definedEffect(d));
        var mode = com.ztplatform.components.governance.Enforcement.forEnvironment(stack);
        var text = mode == com.ztplatform.components.governance.Enforcement.DEFAULT ? capitalised(effect)
                : capitalised(effect) + ", not enforced";
        return exemption.map(x -> text + "; exempt: " + String.join(", ", x.resources())).orElse(text);
    }

    /**
     * The README's table of where each rule is enforced, generated from {@code pack-builtins.json}, {@link #RULES}
     * and {@code exemptions.json}.
     *
     * @return the table
     */
    public static String markdown() {
        var md = new StringBuilder("| policy-pack rule | Azure built-in definition | pack | Azure Policy dev | "
                + "Azure Policy prod |\n|---|---|---|---|---|\n");
        var listed = new java.util.HashSet<String>();
        for (var m : matches()) {
            for (var id : m.definitions()) {
                listed.add(id);
                md.append(row("`" + m.policy() + "`", id, m.level()));
            }
        }
        for (var rule : RULES) {
            if (listed.add(rule.definitionId())) {
                md.append(row("none", rule.definitionId(), "not checked"));
            }
        }
        return md.toString();
    }

    private static String row(String policy, String id, String pack) {
        var d = definition(id);
        return "| " + policy + " | " + d.displayName() + " (`" + id + "`) | " + pack + " | " + enforcement(id, "dev")
                + " | " + enforcement(id, "prod") + " |\n";
    }

    private static String capitalised(String effect) {
        return effect.isEmpty() ? effect : effect.substring(0, 1).toUpperCase(Locale.ROOT) + effect.substring(1);
    }

    private static String definedEffect(BuiltInPolicies.Definition d) {
        var effect = d.properties().getAsJsonObject("policyRule").getAsJsonObject("then").get("effect").getAsString();
        if (effect.startsWith("[parameters('")) {
            var name = effect.substring("[parameters('".length(), effect.indexOf("')"));
            return d.properties().getAsJsonObject("parameters").getAsJsonObject(name).get("defaultValue").getAsString();
        }
        return effect;
    }

    /**
     * @param properties a definition's properties
     * @return the GUIDs of the roles its {@code then.details.roleDefinitionIds} name
     */
    static List<String> roles(JsonObject properties) {
        var then = properties.getAsJsonObject("policyRule").getAsJsonObject("then");
        if (!then.has("details") || !then.get("details").isJsonObject()
                || !then.getAsJsonObject("details").has("roleDefinitionIds")) {
            return List.of();
        }
        var roles = new ArrayList<String>();
        then.getAsJsonObject("details").getAsJsonArray("roleDefinitionIds").forEach(r -> {
            var id = r.getAsString();
            roles.add(id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
        });
        return roles;
    }

    /**
     * @param definitionId a built-in's GUID
     * @return the copied definition (evaluated, or assigned only)
     * @throws IllegalArgumentException when it is not copied
     */
    static BuiltInPolicies.Definition definition(String definitionId) {
        return BuiltInPolicies.withAssignedOnly().stream().filter(d -> d.id().equals(definitionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("built-in definition " + definitionId
                        + " is not copied under builtin/ (selection.json)"));
    }
}
