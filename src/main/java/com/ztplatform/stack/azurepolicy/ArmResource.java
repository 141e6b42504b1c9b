package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonObject;
import com.ztplatform.stack.reports.PlanModel;

import java.util.Locale;
import java.util.Optional;

/**
 * A plan resource as Azure Policy sees it: its ARM type, id, name and location, and its inputs (the azure-native
 * request body, which the {@link Aliases} map policy aliases into).
 *
 * @param type   the ARM resource type, like {@code Microsoft.Network/virtualNetworks/subnets}
 * @param id     the ARM id
 * @param name   the last segment of the id
 * @param urn    the plan resource's URN (for reports)
 * @param inputs the azure-native inputs
 */
public record ArmResource(String type, String id, String name, String urn, JsonObject inputs) {
    private static final String PROVIDERS = "/providers/";

    /**
     * The ARM view of an azure-native resource of the plan; empty for components and other providers' resources,
     * which Azure Policy never sees.
     *
     * @param r the plan resource
     * @return the ARM resource, or empty
     */
    public static Optional<ArmResource> of(PlanModel.Resource r) {
        if (!r.custom() || !r.type().startsWith("azure-native:") || r.id() == null || !r.id().startsWith("/subscriptions/")) {
            return Optional.empty();
        }
        return Optional.of(new ArmResource(typeOf(r.id()), r.id(), r.id().substring(r.id().lastIndexOf('/') + 1), r.urn(),
                r.inputs()));
    }

    /**
     * The resource type an ARM id names: the namespace after the last {@code /providers/} and every other segment
     * after it (an extension resource's type is its own, not its scope's). A resource group's id has no provider.
     *
     * @param id the ARM id
     * @return the type
     */
    public static String typeOf(String id) {
        var at = id.toLowerCase(Locale.ROOT).lastIndexOf(PROVIDERS);
        if (at < 0) {
            var parts = id.split("/");
            if (parts.length == 5 && parts[3].equalsIgnoreCase("resourceGroups")) {
                return "Microsoft.Resources/resourceGroups";
            }
            if (parts.length == 3) {
                return "Microsoft.Resources/subscriptions";
            }
            throw new PolicyEvaluationException("not an ARM resource id: " + id);
        }
        var segments = id.substring(at + PROVIDERS.length()).split("/");
        var type = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i += 2) {
            type.append('/').append(segments[i]);
        }
        return type.toString();
    }

    /**
     * The resource group the id names, or empty (subscription-level or tenant-level resources).
     *
     * @return its name
     */
    public Optional<String> resourceGroup() {
        var parts = id.split("/");
        return parts.length > 4 && parts[3].equalsIgnoreCase("resourceGroups") ? Optional.of(parts[4]) : Optional.empty();
    }

    /**
     * The same resource under another type name (a data-plane mode's view of a key or secret).
     *
     * @param newType the type
     * @return the copy
     */
    ArmResource withType(String newType) {
        return new ArmResource(newType, id, name, urn, inputs);
    }
}
