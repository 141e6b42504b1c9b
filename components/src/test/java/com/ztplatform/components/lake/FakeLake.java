package com.ztplatform.components.lake;

import com.pulumi.core.Output;

import java.util.List;

/** A test double of the data lake: fixed account, containers and access connector, as a LakeStorage gives them. */
public record FakeLake(String accountName, List<String> containers) implements LakeStorage {
    public static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ztp-dev-data";
    public static final String CONNECTOR = RG + "/providers/Microsoft.Databricks/accessConnectors/dbac-ztp-dev-lake";
    public static final String IDENTITY = RG + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ztp-dev-uc";

    public FakeLake {
        containers = List.copyOf(containers);
    }

    @Override
    public Output<String> storageAccountId() {
        return Output.of(RG + "/providers/Microsoft.Storage/storageAccounts/" + accountName);
    }

    @Override
    public Output<String> storageAccountName() {
        return Output.of(accountName);
    }

    @Override
    public Output<String> containerUrl(String container) {
        if (!containers.contains(container)) {
            throw new IllegalArgumentException("no container '" + container + "'; the lake has " + containers);
        }
        return Output.of("abfss://" + container + "@" + accountName + ".dfs.core.windows.net/");
    }

    @Override
    public Output<String> accessConnectorId() {
        return Output.of(CONNECTOR);
    }

    @Override
    public Output<String> accessConnectorIdentityId() {
        return Output.of(IDENTITY);
    }
}
