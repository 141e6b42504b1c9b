package com.ztplatform.stack.azurepolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table of exemptions from the built-in definitions ({@code exemptions.json} beside this class): the README
 * shows it and the Azure Policy assignments use it. A row exempts a definition in the listed stacks.
 */
public final class Exemptions {
    /** Why a definition is exempt. */
    public enum Category {
        /** The design needs what the definition forbids. */
        DESIGN("design needs it"),
        /** The definition audits a retired feature. */
        RETIRED("feature retired"),
        /** The API (azure-native, or the plan before deployment) cannot express what the definition asks. */
        API("API cannot express it"),
        /** A later issue item delivers it. */
        LATER("covered by a later issue");

        private final String text;

        Category(String text) {
            this.text = text;
        }

        /** @return how the README writes it */
        public String text() {
            return text;
        }
    }

    /**
     * One exemption.
     *
     * @param definitionId the built-in definition's name (GUID)
     * @param displayName  its display name
     * @param stacks       the stacks it applies to
     * @param category     why, in one word
     * @param reason       why, in a sentence
     * @param resources    the only resources (plan names, like the account name) it covers; empty: every resource
     *                     of the stack. A row scoped to resources keeps the definition guarding every other resource
     */
    public record Exemption(String definitionId, String displayName, List<String> stacks, Category category, String reason,
                            List<String> resources) {
        /**
         * @param resource a non-compliant resource's name
         * @return whether this row exempts it
         */
        public boolean covers(String resource) {
            return resources.isEmpty() || resources.contains(resource);
        }
    }

    private Exemptions() {
    }

    /** @return every row, in file order */
    public static List<Exemption> all() {
        var rows = new ArrayList<Exemption>();
        for (var e : BuiltInPolicies.read("exemptions.json").getAsJsonArray("exemptions")) {
            var o = e.getAsJsonObject();
            var stacks = new ArrayList<String>();
            o.getAsJsonArray("stacks").forEach(s -> stacks.add(s.getAsString()));
            var resources = new ArrayList<String>();
            if (o.has("resources")) {
                o.getAsJsonArray("resources").forEach(r -> resources.add(r.getAsString()));
            }
            rows.add(new Exemption(o.get("definitionId").getAsString(), o.get("displayName").getAsString(),
                    List.copyOf(stacks), Category.valueOf(o.get("category").getAsString().toUpperCase(Locale.ROOT)),
                    o.get("reason").getAsString(), List.copyOf(resources)));
        }
        return List.copyOf(rows);
    }

    /**
     * The exemption of a definition in a stack.
     *
     * @param definitionId the definition's GUID
     * @param stack        the stack
     * @return the row, or empty
     */
    public static Optional<Exemption> of(String definitionId, String stack) {
        return all().stream().filter(x -> x.definitionId().equalsIgnoreCase(definitionId) && x.stacks().contains(stack))
                .findFirst();
    }

    /** @return the README's table of exemptions, generated from the file */
    public static String markdown() {
        var md = new StringBuilder("| definition | stacks | category | why |\n|---|---|---|---|\n");
        for (var x : all()) {
            md.append("| ").append(x.displayName()).append(" (`").append(x.definitionId()).append("`) | ")
                    .append(String.join(", ", x.stacks()))
                    .append(x.resources().isEmpty() ? "" : " (only " + String.join(", ", x.resources().stream()
                            .map(r -> "`" + r + "`").toList()) + ")")
                    .append(" | ").append(x.category().text()).append(" | ")
                    .append(x.reason()).append(" |\n");
        }
        return md.toString();
    }
}
