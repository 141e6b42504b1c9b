package com.ztplatform.components.keyvault;

import com.ztplatform.components.common.Placement;
import com.ztplatform.components.naming.Guids;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Arguments of {@link KeyVaultScope}. Build with {@link #builder()}.
 *
 * @param resourceGroupName          where the vault goes (required)
 * @param location                   region, like westeurope (required)
 * @param naming                     prefix and environment (required)
 * @param label                      what the vault is for, part of its name and its private endpoint's, like
 *                                   platform (ztp-dev-platform-kv) or landing (ztp-dev-landing-kv): a workload that
 *                                   reads a Key Vault-backed scope sees every secret of the vault, so each such
 *                                   workload gets its own vault. Lowercase letters and digits, 2-12, starting with a
 *                                   letter. Default: {@value #DEFAULT_LABEL}
 * @param sku                        standard or premium. Default: standard; premium is required for HSM keys
 * @param hsmKeys                    create keys as RSA-HSM (FIPS 140 level 3 HSM-protected). Default: false
 * @param keys                       which customer-managed keys to create. Default: none
 * @param rotation                   key rotation policy. Default: {@link KeyRotation#defaults()}
 * @param azureDatabricksObjectId    object id of the AzureDatabricks first-party application's service principal
 *                                   in this tenant (application id 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d; the object
 *                                   id differs per tenant). Required for Key Vault-backed secret scopes and the
 *                                   managed-services key. Default: none (then the managed-services key is refused)
 * @param privateEndpointSubnetId    subnet of the vault's private endpoint, like the hub's (required)
 * @param privateDnsZoneId           the privatelink.vaultcore.azure.net zone (required)
 * @param common                     tags, protect, diagnostics (audit events go to the Log Analytics workspace).
 *                                   Default: {@link CommonOptions#defaults()}
 */
public record KeyVaultScopeArgs(Output<String> resourceGroupName, String location, Naming naming, String label, String sku,
                                boolean hsmKeys, Set<KeyPurpose> keys, KeyRotation rotation,
                                Optional<String> azureDatabricksObjectId, Output<String> privateEndpointSubnetId,
                                Output<String> privateDnsZoneId, CommonOptions common) {

    /** The AzureDatabricks first-party application's id, the same in every tenant (its object id is not). */
    public static final String AZURE_DATABRICKS_APP_ID = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";
    /** The platform's own vault. */
    public static final String DEFAULT_LABEL = "platform";
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[a-z][a-z0-9]{1,11}");

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param resourceGroupName where the vault goes (required)
     * @param location region, like westeurope (required)
     * @param naming prefix and environment (required)
     * @param label what the vault is for, part of its name. Default: {@value #DEFAULT_LABEL}
     * @param sku standard or premium. Default: standard; premium is required for HSM keys
     * @param hsmKeys create keys as RSA-HSM (FIPS 140 level 3 HSM-protected). Default: false
     * @param keys which customer-managed keys to create. Default: none
     * @param rotation key rotation policy. Default: {@link KeyRotation#defaults()}
     * @param azureDatabricksObjectId object id of the AzureDatabricks first-party application's service principal in
     *                                this tenant (application id 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d; the object id
     *                                differs per tenant). Required for Key Vault-backed secret scopes and the
     *                                managed-services key. Default: none (then the managed-services key is refused)
     * @param privateEndpointSubnetId subnet of the vault's private endpoint, like the hub's (required)
     * @param privateDnsZoneId the privatelink.vaultcore.azure.net zone (required)
     * @param common tags, protect, diagnostics (audit events go to the Log Analytics workspace). Default: {@link
     *               CommonOptions#defaults()}
     */
    public KeyVaultScopeArgs {
        keys = Set.copyOf(keys);
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(azureDatabricksObjectId, "azureDatabricksObjectId");
        Objects.requireNonNull(common, "common");
    }

    /**
     * A builder; what is not set takes the default documented on this record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Problems of the settings alone (no resources needed), each starting with {@code path} (empty or ending
     * with '.').
     *
     * @param path                    prefix of the keys in messages, like {@code zt-databricks:keyVault.}
     * @param sku                     standard or premium
     * @param hsmKeys                 whether keys are HSM-backed (premium only)
     * @param rotation                the rotation policy
     * @param azureDatabricksObjectId the AzureDatabricks service principal's object id, if given
     * @param needsDatabricksApp      whether something needs it (secret scopes, the managed-services key)
     * @return the problems; empty when valid
     */
    public static List<String> settingsProblems(String path, String sku, boolean hsmKeys, KeyRotation rotation,
                                                Optional<String> azureDatabricksObjectId, boolean needsDatabricksApp) {
        var problems = new ArrayList<String>();
        if (!Set.of("standard", "premium").contains(sku)) {
            problems.add(path + "sku must be standard or premium, like premium, got '" + sku + "'");
        } else if (hsmKeys && !sku.equals("premium")) {
            problems.add(path + "hsmKeys needs sku premium (HSM-protected keys), got sku " + sku);
        }
        problems.addAll(rotation.problems(path + "rotation"));
        azureDatabricksObjectId.filter(id -> !Guids.isGuid(id)).ifPresent(id -> problems.add(path
                + "azureDatabricksObjectId must be a GUID (the object id of the AzureDatabricks service principal), got '"
                + id + "'"));
        if (needsDatabricksApp && azureDatabricksObjectId.isEmpty()) {
            problems.add(path + "azureDatabricksObjectId is required for Key Vault-backed secret scopes and the "
                    + "managed-services key; look it up with: az ad sp show --id " + AZURE_DATABRICKS_APP_ID
                    + " --query id -o tsv");
        }
        return problems;
    }

    /**
     * Every problem of these arguments; the component fails listing them all, so one run shows everything to fix.
     *
     * @return the problems, each naming its field and a valid example; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.resourceGroup(problems, resourceGroupName, "platformRg.name()");
        Placement.naming(problems, naming);
        if (label == null || !LABEL.matcher(label).matches()) {
            problems.add("label must be 2-12 lowercase letters and digits starting with a letter, like landing, got '"
                    + label + "'");
        }
        if (privateEndpointSubnetId == null) {
            problems.add("privateEndpointSubnetId is required: public network access is disabled, so the vault is "
                    + "reached only through its private endpoint");
        }
        if (privateDnsZoneId == null) {
            problems.add("privateDnsZoneId is required: the privatelink.vaultcore.azure.net zone");
        }
        problems.addAll(settingsProblems("", sku, hsmKeys, rotation, azureDatabricksObjectId,
                keys.contains(KeyPurpose.MANAGED_SERVICES)));
        problems.addAll(common.problems("common"));
        return problems;
    }

    /** Builds {@link KeyVaultScopeArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private String label = DEFAULT_LABEL;
        private String sku = "standard";
        private boolean hsmKeys;
        private Set<KeyPurpose> keys = Set.of();
        private KeyRotation rotation = KeyRotation.defaults();
        private Optional<String> azureDatabricksObjectId = Optional.empty();
        private Output<String> privateEndpointSubnetId;
        private Output<String> privateDnsZoneId;
        private CommonOptions common = CommonOptions.defaults();

        /**
         * @param value where the vault goes (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }
        /**
         * @param value region, like westeurope (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value what the vault is for, part of its name and its private endpoint's: 2-12 lowercase letters and
         *              digits starting with a letter, like landing. Default: {@value #DEFAULT_LABEL}
         * @return this builder
         */
        public Builder label(String value) { this.label = value; return this; }
        /**
         * @param value standard or premium. Default: standard; premium is required for HSM keys
         * @return this builder
         */
        public Builder sku(String value) { this.sku = value; return this; }
        /**
         * @param value create keys as RSA-HSM (FIPS 140 level 3 HSM-protected). Default: false
         * @return this builder
         */
        public Builder hsmKeys(boolean value) { this.hsmKeys = value; return this; }
        /**
         * @param value which customer-managed keys to create. Default: none
         * @return this builder
         */
        public Builder keys(Set<KeyPurpose> value) { this.keys = value; return this; }
        /**
         * @param value key rotation policy. Default: {@link KeyRotation#defaults()}
         * @return this builder
         */
        public Builder rotation(KeyRotation value) { this.rotation = value; return this; }
        /**
         * @param value object id of the AzureDatabricks first-party application's service principal in this tenant
         *              (application id 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d; the object id differs per tenant).
         *              Required for Key Vault-backed secret scopes and the managed-services key. Default: none (then
         *              the managed-services key is refused)
         * @return this builder
         */
        public Builder azureDatabricksObjectId(String value) { this.azureDatabricksObjectId = Optional.ofNullable(value); return this; }
        /**
         * @param value subnet of the vault's private endpoint, like the hub's (required)
         * @return this builder
         */
        public Builder privateEndpointSubnetId(Output<String> value) { this.privateEndpointSubnetId = value; return this; }
        /**
         * @param value the privatelink.vaultcore.azure.net zone (required)
         * @return this builder
         */
        public Builder privateDnsZoneId(Output<String> value) { this.privateDnsZoneId = value; return this; }
        /**
         * @param value tags, protect, diagnostics (audit events go to the Log Analytics workspace). Default: {@link
         *              CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public KeyVaultScopeArgs build() {
            return new KeyVaultScopeArgs(resourceGroupName, location, naming, label, sku, hsmKeys, keys, rotation,
                    azureDatabricksObjectId, privateEndpointSubnetId, privateDnsZoneId, common);
        }
    }
}
