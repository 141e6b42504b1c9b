package com.ztplatform.components.governance;

import com.pulumi.core.Output;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * An exemption from members of the guardrail initiative, made on every assignment (at its scope) or, for one
 * resource, on the assignment whose scope holds it (at the resource).
 *
 * @param slug         short name, unique among the exemptions, like {@code storage-public-network}
 * @param referenceIds the initiative members it exempts, like {@code [storage-public-network-disabled]}
 * @param category     Azure's {@code exemptionCategory}: {@code Waiver} or {@code Mitigated}
 * @param displayName  what it exempts, shown in Azure
 * @param description  why, shown in Azure
 * @param scopeKey     for a resource exemption, the key of the assignment scope that holds the resource; else null
 * @param resourceId   the one resource exempted, or null for the whole assignment scope
 */
public record GuardrailExemption(String slug, List<String> referenceIds, String category, String displayName,
                                 String description, @Nullable String scopeKey, @Nullable Output<String> resourceId) {
    /** Azure's exemption categories (learn.microsoft.com/azure/governance/policy/concepts/exemption-structure). */
    public static final List<String> CATEGORIES = List.of("Waiver", "Mitigated");

    /**
     * Copies the reference ids.
     *
     * @param slug see the record
     * @param referenceIds see the record
     * @param category see the record
     * @param displayName see the record
     * @param description see the record
     * @param scopeKey see the record
     * @param resourceId see the record
     */
    public GuardrailExemption {
        referenceIds = referenceIds == null ? List.of() : List.copyOf(referenceIds);
    }

    /**
     * @param path where it is in the arguments, like {@code exemptions[0].}
     * @return what is wrong with it, each naming the field and a valid example
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problems.add(path + "slug must be 1-40 lowercase letters, digits or hyphens, like storage-public-network, got '"
                    + slug + "'");
        }
        if (referenceIds.isEmpty()) {
            problems.add(path + "referenceIds must name at least one initiative member, like [storage-public-network-disabled]");
        }
        if (!CATEGORIES.contains(category)) {
            problems.add(path + "category must be one of " + CATEGORIES + ", like Mitigated, got '" + category + "'");
        }
        if (description == null || description.isBlank()) {
            problems.add(path + "description is required, like \"Reached only through private endpoints\"");
        }
        if ((scopeKey == null) != (resourceId == null)) {
            problems.add(path + "scopeKey and resourceId go together (a resource exemption names the assignment scope "
                    + "holding the resource), like scopeKey \"ai\" with ml.storageAccountId()");
        }
        return problems;
    }
}
