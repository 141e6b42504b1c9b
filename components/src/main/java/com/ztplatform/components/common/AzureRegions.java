package com.ztplatform.components.common;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Regions this platform can be deployed to: Azure public-cloud regions that have an Azure Databricks
 * egress catalogue entry (built from
 * https://learn.microsoft.com/azure/databricks/resources/ip-domain-region). Sovereign-cloud regions (China, US
 * Government) are listed there too but are refused here: their private-link DNS zones and endpoints have
 * other names (for example privatelink.databricks.azure.us), which this project does not model.
 */
public final class AzureRegions {
    /** The public-cloud regions where Azure Databricks runs, by ARM name. */
    public static final List<String> SUPPORTED = List.of(
            "australiacentral", "australiacentral2", "australiaeast", "australiasoutheast", "brazilsouth",
            "canadacentral", "canadaeast", "centralindia", "centralus", "eastasia", "eastus", "eastus2",
            "francecentral", "germanywestcentral", "japaneast", "japanwest", "koreacentral", "northcentralus",
            "northeurope", "norwayeast", "qatarcentral", "southafricanorth", "southcentralus", "southeastasia",
            "southindia", "swedencentral", "switzerlandnorth", "switzerlandwest", "uaenorth", "uksouth", "ukwest",
            "westcentralus", "westeurope", "westindia", "westus", "westus2", "westus3");

    private static final Set<String> SOVEREIGN = Set.of(
            "chinaeast2", "chinaeast3", "chinanorth2", "chinanorth3", "usgovarizona", "usgovvirginia");

    private AzureRegions() {
    }

    /**
     * The problem with a region, if any.
     *
     * @param path     the key as the user writes it, for the message
     * @param location the region's ARM name, like {@code westeurope}
     * @return empty for a supported region; otherwise why not (required, sovereign cloud, or unknown with the
     *         closest name)
     */
    public static Optional<String> problem(String path, String location) {
        if (location == null || location.isBlank()) {
            return Optional.of(path + " is required, like 'westeurope'");
        }
        if (SUPPORTED.contains(location)) {
            return Optional.empty();
        }
        if (SOVEREIGN.contains(location)) {
            return Optional.of(path + " '" + location + "' is a sovereign-cloud region; its private-link DNS zones "
                    + "differ and are not modelled here. Use a public-cloud region like 'westeurope'");
        }
        var normalised = location.toLowerCase().replace(" ", "");
        var hint = SUPPORTED.contains(normalised) ? " (did you mean '" + normalised + "'?)" : "";
        return Optional.of(path + " '" + location + "' is not a supported Azure Databricks region" + hint
                + "; use one like 'westeurope' (supported: " + String.join(", ", SUPPORTED) + ")");
    }
}
