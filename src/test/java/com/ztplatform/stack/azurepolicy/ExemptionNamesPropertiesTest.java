package com.ztplatform.stack.azurepolicy;

import com.pulumi.core.Output;
import com.ztplatform.components.governance.Guardrail;
import com.ztplatform.components.governance.GuardrailPlan;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.stack.config.StackConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names of the resource-scoped Azure Policy exemptions, over every valid naming and every valid storage account
 * name: each fits Azure's 64-character limit for exemption names and uses only characters Azure allows
 * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules, Microsoft.Authorization), and no
 * two exemptions of one stack share a name (Azure would treat the second as an update of the first).
 */
class ExemptionNamesPropertiesTest {
    private static final List<Guardrail> MEMBERS = Guardrails.guardrails("westeurope",
            StackConfig.MandatoryTags.MANDATORY);
    /** The resource groups PlatformProgram places storage accounts in (its placeAccount calls). */
    private static final List<String> ACCOUNT_SCOPES = List.of("lake", "hub", "ai", "integration");

    /** A stack's naming and the accounts it holds, named like the exemption rows' accounts or arbitrarily. */
    record Estate(Naming naming, List<String> accounts) {
    }

    @Provide
    Arbitrary<Estate> estates() {
        var prefix = Arbitraries.strings().withCharRange('a', 'z').ofLength(1).flatMap(first ->
                Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(7)
                        .map(rest -> first + rest));
        var environment = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(2).ofMaxLength(8);
        var rowAccounts = Exemptions.all().stream().flatMap(x -> x.resources().stream()).distinct().toList();
        var account = Arbitraries.oneOf(Arbitraries.of(rowAccounts),
                Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(3).ofMaxLength(24));
        return Combinators.combine(prefix, environment, account.list().ofMinSize(1).ofMaxSize(8).uniqueElements())
                .as((p, e, a) -> new Estate(new Naming(p, e), a));
    }

    @Property(tries = 300)
    void everyResourceExemptionNameFitsAzureAndIsUniqueInItsStack(@ForAll("estates") Estate estate) {
        for (var stack : List.of("dev", "prod")) {
            var placed = new LinkedHashMap<String, Guardrails.PlacedResource>();
            for (int i = 0; i < estate.accounts().size(); i++) {
                var name = estate.accounts().get(i);
                var scope = ACCOUNT_SCOPES.get(i % ACCOUNT_SCOPES.size());
                placed.put(name, new Guardrails.PlacedResource(scope, Output.of("/subscriptions/x/resourceGroups/"
                        + scope + "/providers/Microsoft.Storage/storageAccounts/" + name)));
            }
            var names = new HashSet<String>();
            var slugs = new java.util.ArrayList<String>();
            for (var x : Guardrails.exemptions(stack, MEMBERS, placed)) {
                var key = x.scopeKey() == null ? "hub" : x.scopeKey();
                var name = GuardrailPlan.exemptionName(estate.naming(), key, x.slug());
                assertThat(name).hasSizeLessThanOrEqualTo(GuardrailPlan.MAX_NAME).matches("[a-z0-9-]+");
                slugs.add(x.slug());
                assertThat(names.add(name)).as("exemption name %s is made twice in %s", name, stack).isTrue();
            }
            assertThat(GuardrailPlan.nameProblems(estate.naming(), ACCOUNT_SCOPES, slugs)).isEmpty();
            // Not vacuous: every placed account that a row of this stack names gets its exemptions.
            var assigned = MEMBERS.stream().map(Guardrail::definitionId).collect(java.util.stream.Collectors.toSet());
            for (var x : Exemptions.all()) {
                if (!x.stacks().contains(stack) || !assigned.contains(x.definitionId())) {
                    continue;
                }
                for (var account : x.resources()) {
                    if (placed.containsKey(account)) {
                        assertThat(slugs).as("%s in %s", account, stack).anyMatch(slug -> slug.startsWith(account + "-"));
                    }
                }
            }
        }
    }

    @Property(tries = 100)
    void theSlugsOfTheAssignedMembersOnOneAccountDiffer(@ForAll("estates") Estate estate) {
        for (var account : estate.accounts()) {
            var slugs = MEMBERS.stream().map(m -> Guardrails.resourceSlug(m.referenceId(), account)).toList();
            assertThat(slugs).doesNotHaveDuplicates();
        }
    }
}
