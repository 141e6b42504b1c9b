package com.ztplatform.components.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Azure Bastion in the hub: the only interactive way into the private network.
 *
 * @param sku        Basic or Standard. Developer is rejected: azure-native 2.10.0 (network API 2023-02-01)
 *                   cannot express it (no {@code virtualNetwork} property, no enum value).
 * @param copyPaste  allow clipboard copy/paste in sessions. Default: false (Azure's default is on; we turn it
 *                   off so data does not leave through the clipboard unless the stack says so).
 * @param fileCopy   allow file upload/download (Standard only). Default: false.
 * @param tunneling  allow native-client tunnelling, {@code az network bastion ssh/tunnel} (Standard only).
 *                   Default: false.
 * @param scaleUnits concurrent-session capacity, 2-50 (more than 2 only on Standard). Default: 2.
 */
public record BastionOptions(BastionSku sku, boolean copyPaste, boolean fileCopy, boolean tunneling, int scaleUnits) {

    /** Bastion's minimum and Basic's only capacity: 2 scale units (about 20 concurrent RDP or 40 SSH sessions). */
    public static final int DEFAULT_SCALE_UNITS = 2;

    /**
     * Checks only that {@code sku} is set; {@link #problems} checks the rest.
     *
     * @param sku        Basic or Standard
     * @param copyPaste  allow clipboard copy/paste
     * @param fileCopy   allow file upload/download (Standard only)
     * @param tunneling  allow native-client tunnelling (Standard only)
     * @param scaleUnits 2-50
     */
    public BastionOptions {
        Objects.requireNonNull(sku, "sku");
    }

    /**
     * Bastion of this SKU with every session feature off and 2 scale units.
     *
     * @param sku Basic or Standard
     * @return the options
     */
    public static BastionOptions of(BastionSku sku) {
        return new BastionOptions(sku, false, false, false, DEFAULT_SCALE_UNITS);
    }

    /**
     * Every problem, each starting with {@code path}: features and scale units the SKU cannot honour, the Developer
     * SKU.
     *
     * @param path prefix of every message, like hub.bastion
     * @return the problems; empty when valid
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (sku == BastionSku.DEVELOPER) {
            problems.add(path + ".sku 'Developer' needs azure-native with network API 2023-09-01 or newer "
                    + "(this build pins azure-native 2.10.0); use 'Basic' or 'Standard'");
        }
        if (sku != BastionSku.STANDARD) {
            if (fileCopy) {
                problems.add(path + ".fileCopy needs sku 'Standard', got '" + sku.azureName() + "'");
            }
            if (tunneling) {
                problems.add(path + ".tunneling needs sku 'Standard', got '" + sku.azureName() + "'");
            }
            if (scaleUnits != DEFAULT_SCALE_UNITS) {
                problems.add(path + ".scaleUnits can only differ from 2 with sku 'Standard', got " + scaleUnits);
            }
        }
        if (scaleUnits < 2 || scaleUnits > 50) {
            problems.add(path + ".scaleUnits must be between 2 and 50, like 2, got " + scaleUnits);
        }
        return problems;
    }
}
