package com.ztplatform.components.serverless;

import com.ztplatform.components.naming.Guids;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Serverless egress settings, as plain data.
 *
 * @param accountId          the Databricks account id (GUID, from the account console)
 * @param existingNccId      reuse this network connectivity configuration instead of creating one
 * @param otherNccsInRegion  NCCs the account already has in this region (outside this stack); the account allows
 *                           at most {@value #MAX_NCCS_PER_REGION} per region, checked before anything is created
 * @param enforcement        ENFORCED (default) or DRY_RUN (logs what would be blocked; allowed for dev)
 * @param privateStorage     storage accounts serverless compute reaches through NCC private endpoints
 */
public record ServerlessSettings(String accountId, Optional<String> existingNccId, int otherNccsInRegion,
                                 String enforcement, List<PrivateStorage> privateStorage) {
    /** Network connectivity configurations a Databricks account may have per region. */
    public static final int MAX_NCCS_PER_REGION = 10;
    /** The network policy's enforcement modes. */
    public static final Set<String> ENFORCEMENT_MODES = Set.of("ENFORCED", "DRY_RUN");
    static final Pattern STORAGE_ID = Pattern.compile(
            "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Storage/storageAccounts/([a-z0-9]{3,24})$");

    /**
     * A storage account serverless compute may reach privately, through the given services (dfs, blob).
     *
     * @param resourceId the storage account's ARM id
     * @param services   the services, like dfs and blob
     */
    public record PrivateStorage(String resourceId, List<String> services) {
        /**
         * Copies the services.
         *
         * @param resourceId the storage account's ARM id
         * @param services   the services
         */
        public PrivateStorage {
            services = List.copyOf(services);
        }

        /**
         * The account's name, from its id.
         *
         * @return the name; the id itself when it is not a storage account id
         */
        public String accountName() {
            var m = STORAGE_ID.matcher(resourceId);
            return m.matches() ? m.group(1) : resourceId;
        }
    }

    /**
     * Rejects missing required values and copies the collections, so the record cannot change later.
     *
     * @param accountId the Databricks account id (GUID, from the account console)
     * @param existingNccId reuse this network connectivity configuration instead of creating one
     * @param otherNccsInRegion NCCs the account already has in this region (outside this stack); the account allows
     *                          at most {@value #MAX_NCCS_PER_REGION} per region, checked before anything is created
     * @param enforcement ENFORCED (default) or DRY_RUN (logs what would be blocked; allowed for dev)
     * @param privateStorage storage accounts serverless compute reaches through NCC private endpoints
     */
    public ServerlessSettings {
        Objects.requireNonNull(existingNccId, "existingNccId");
        privateStorage = List.copyOf(privateStorage);
    }

    /**
     * How many NCCs this stack creates (none when it reuses one).
     *
     * @return 0 or 1
     */
    public int nccsCreated() {
        return existingNccId.isPresent() ? 0 : 1;
    }

    /**
     * Every problem of the settings, including the per-region NCC limit.
     *
     * @param path the settings' key as the user writes it, like {@code zt-databricks:serverless}
     * @return the problems, each naming its field and a valid example
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (!Guids.isGuid(accountId)) {
            problems.add(path + ".accountId must be the Databricks account id, a GUID from the account console, got '"
                    + accountId + "'");
        }
        if (otherNccsInRegion < 0) {
            problems.add(path + ".otherNccsInRegion must be 0 or more, got " + otherNccsInRegion);
        } else if (otherNccsInRegion + nccsCreated() > MAX_NCCS_PER_REGION) {
            problems.add(path + ".otherNccsInRegion " + otherNccsInRegion + ": with the one this stack creates the "
                    + "account would have " + (otherNccsInRegion + nccsCreated()) + " network connectivity configurations "
                    + "in this region; Databricks allows at most " + MAX_NCCS_PER_REGION + ". Reuse one with "
                    + "existingNccId, or remove unused ones");
        }
        if (!ENFORCEMENT_MODES.contains(enforcement)) {
            problems.add(path + ".enforcement must be ENFORCED or DRY_RUN, like ENFORCED, got '" + enforcement + "'");
        }
        for (int i = 0; i < privateStorage.size(); i++) {
            var storage = privateStorage.get(i);
            if (!STORAGE_ID.matcher(storage.resourceId()).matches()) {
                problems.add(path + ".privateStorage[" + i + "].resourceId must be a storage account id like /subscriptions/"
                        + "<GUID>/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeprod, got '"
                        + storage.resourceId() + "'");
            }
            if (storage.services().isEmpty() || !Set.of("dfs", "blob").containsAll(storage.services())) {
                problems.add(path + ".privateStorage[" + i + "].services must be dfs and/or blob, got " + storage.services());
            }
        }
        return problems;
    }
}
