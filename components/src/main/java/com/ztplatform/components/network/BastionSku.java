package com.ztplatform.components.network;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Azure Bastion SKUs. */
public enum BastionSku {
    /** Shared infrastructure, no subnet or public IP of its own. Needs network API 2023-09-01 or newer. */
    DEVELOPER("Developer"),
    /** Dedicated hosts, no native client, no file copy, fixed 2 scale units. */
    BASIC("Basic"),
    /** Native client tunnelling, file copy, IP-based connect, 2-50 scale units. */
    STANDARD("Standard");

    private final String azureName;

    BastionSku(String azureName) {
        this.azureName = azureName;
    }

    /**
     * The SKU as Azure spells it in the Bastion host's {@code sku.name}.
     *
     * @return Developer, Basic or Standard
     */
    public String azureName() {
        return azureName;
    }

    /**
     * Parses a SKU name, ignoring case.
     *
     * @param value like Standard
     * @return the SKU, or empty for an unknown name (report it with {@link #validNames()})
     */
    public static Optional<BastionSku> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.azureName.equalsIgnoreCase(value)).findFirst();
    }

    /**
     * The SKU names for an error message.
     *
     * @return the names, comma-separated
     */
    public static String validNames() {
        return Arrays.stream(values()).map(BastionSku::azureName).collect(Collectors.joining(", "));
    }
}
