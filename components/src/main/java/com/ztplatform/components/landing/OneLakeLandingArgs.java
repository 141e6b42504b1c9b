package com.ztplatform.components.landing;

import com.ztplatform.components.keyvault.StorageEncryptionKey;
import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.network.PrivateDnsZones;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link OneLakeLanding}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName where the staging account goes (staged mode) (required)
 * @param location          region, like westeurope (required)
 * @param naming            prefix and environment (required)
 * @param settings          what to land, where, how often, as which identity (required)
 * @param hub               its private-endpoint subnet and zones: the staging account's endpoints (staged mode) and
 *                          the landing vault's (service principal identity) (required)
 * @param egress            where the Databricks subnets' traffic leaves; in direct mode its firewall's plan must hold
 *                          {@link OneLakeLanding#firewallContribution}, checked when the plan is known here (required)
 * @param azureDatabricksObjectId object id of the AzureDatabricks first-party application's service principal in
 *                          this tenant ({@code az ad sp show --id 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d --query id -o
 *                          tsv}): the landing's own Key Vault-backed secret scope is read through it. Required with a
 *                          service principal identity. Default: none
 * @param clientSecret      the service principal's client secret (from {@code pulumi config set --secret}).
 *                          Default: none (Pulumi does not manage it and the operator sets it in the vault)
 * @param common            tags, protect. Default: {@link CommonOptions#defaults()}
 * @param stagingKey        the customer-managed key the staging account (staged mode) is encrypted with, through a
 *                          user-assigned identity that may use this key only. Default: none (Microsoft-managed keys)
 */
public record OneLakeLandingArgs(Output<String> resourceGroupName, String location, Naming naming,
                                 LandingSettings settings, HubConnection hub, EgressNextHop egress,
                                 Optional<String> azureDatabricksObjectId, Optional<Output<String>> clientSecret,
                                 CommonOptions common, Optional<StorageEncryptionKey> stagingKey) {
    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param resourceGroupName where the staging account goes (staged mode) (required)
     * @param location region, like westeurope (required)
     * @param naming prefix and environment (required)
     * @param settings what to land, where, how often, as which identity (required)
     * @param hub its private-endpoint subnet and zones (staging account endpoints) (required)
     * @param egress where the Databricks subnets' traffic leaves; in direct mode its firewall's plan must hold {@link
     *               OneLakeLanding#firewallContribution}, checked when the plan is known here (required)
     * @param azureDatabricksObjectId object id of the AzureDatabricks first-party application's service principal
     *                                in this tenant: the landing's own Key Vault-backed scope is read through it.
     *                                Required with a service principal identity. Default: none
     * @param clientSecret the service principal's client secret (from {@code pulumi config set --secret}). Default:
     *                     none (Pulumi does not manage it and the operator sets it in the vault)
     * @param common tags, protect. Default: {@link CommonOptions#defaults()}
     * @param stagingKey the staging account's customer-managed key, or empty
     */
    public OneLakeLandingArgs {
        Objects.requireNonNull(stagingKey, "stagingKey");
        Objects.requireNonNull(azureDatabricksObjectId, "azureDatabricksObjectId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(common, "common");
    }

    private static final List<String> STAGING_ZONES = List.of(PrivateDnsZones.DFS, PrivateDnsZones.BLOB);

    /**
     * A builder; what is not set takes the default documented on this record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (settings == null) {
            problems.add("settings is required: a LandingSettings, like the stack's landing section "
                    + "(mode: direct, fabricWorkspace, lakehouse, sources)");
        } else {
            problems.addAll(settings.problems("settings"));
        }
        Placement.check(problems, resourceGroupName, "hubRg.name()", location, naming);
        if (hub == null) {
            problems.add("hub is required: the hub whose private-endpoint subnet and dfs/blob zones the staging "
                    + "account uses, like the HubNetwork");
        } else if (settings != null && settings.mode() != LandingMode.DIRECT) {
            var missing = STAGING_ZONES.stream().filter(zone -> !hub.privateDnsZones().contains(zone)).toList();
            if (!missing.isEmpty()) {
                problems.add("hub: the staging account's private endpoints register in the hub's zones " + STAGING_ZONES
                        + ", but it lacks " + missing + "; add them to HubNetworkArgs.privateDnsZones");
            }
        }
        if (hub != null && settings != null && settings.servicePrincipal()
                && !hub.privateDnsZones().contains(PrivateDnsZones.KEY_VAULT)) {
            problems.add("hub: the landing's Key Vault registers its private endpoint in the hub's zone "
                    + PrivateDnsZones.KEY_VAULT + ", which it lacks; add it to HubNetworkArgs.privateDnsZones");
        }
        if (egress == null) {
            problems.add("egress is required: the firewall the Databricks subnets route through, like the EgressFirewall");
        }
        if ((settings == null || settings.servicePrincipal()) && azureDatabricksObjectId.isEmpty()) {
            problems.add("azureDatabricksObjectId is required with a service principal identity: the landing's own Key "
                    + "Vault-backed secret scope is read through the AzureDatabricks application, like the output of az ad "
                    + "sp show --id 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d --query id -o tsv");
        }
        if (egress != null && settings != null) {
            OneLakeLanding.firewallContribution(settings).ifPresent(rules -> egress.egressPlan()
                    .filter(plan -> !plan.contributions().contains(rules))
                    .ifPresent(plan -> problems.add("egress: the firewall's plan lacks the OneLake rules of direct mode, "
                            + "so the mirror job could not reach OneLake; add OneLakeLanding.firewallContribution(settings) "
                            + "to the EgressPlan the firewall is built with")));
        }
        return problems;
    }

    /** Builds {@link OneLakeLandingArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private LandingSettings settings;
        private HubConnection hub;
        private EgressNextHop egress;
        private Optional<String> azureDatabricksObjectId = Optional.empty();
        private Optional<Output<String>> clientSecret = Optional.empty();
        private Optional<StorageEncryptionKey> stagingKey = Optional.empty();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value where the staging account goes (staged mode) (required)
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
         * @param value what to land, where, how often, as which identity (required)
         * @return this builder
         */
        public Builder settings(LandingSettings value) { this.settings = value; return this; }
        /**
         * @param value its private-endpoint subnet and zones (staging account endpoints) (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) { this.hub = value; return this; }
        /**
         * @param value where the Databricks subnets' traffic leaves; in direct mode its firewall's plan must hold
         *              {@link OneLakeLanding#firewallContribution}, checked when the plan is known here (required)
         * @return this builder
         */
        public Builder egress(EgressNextHop value) { this.egress = value; return this; }
        /**
         * @param value object id of the AzureDatabricks first-party application's service principal in this tenant
         *              ({@code az ad sp show --id 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d --query id -o tsv}); required
         * with a
         *              service principal identity; null means none. Default: none
         * @return this builder
         */
        public Builder azureDatabricksObjectId(String value) { return azureDatabricksObjectId(Optional.ofNullable(value)); }
        /**
         * @param value object id of the AzureDatabricks first-party application's service principal in this tenant;
         *              required with a service principal identity. Default: none
         * @return this builder
         */
        public Builder azureDatabricksObjectId(Optional<String> value) { this.azureDatabricksObjectId = value; return this; }
        /**
         * @param value the service principal's client secret (from {@code pulumi config set --secret}). Default: none
         *              (Pulumi does not manage it and the operator sets it in the vault)
         * @return this builder
         */
        public Builder clientSecret(Output<String> value) { return clientSecret(Optional.ofNullable(value)); }
        /**
         * @param value the service principal's client secret (from {@code pulumi config set --secret}). Default: none
         *              (Pulumi does not manage it and the operator sets it in the vault)
         * @return this builder
         */
        public Builder clientSecret(Optional<Output<String>> value) { this.clientSecret = value; return this; }
        /**
         * @param value tags, protect. Default: {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * Encrypts the staging account (staged mode) with a customer-managed key.
         *
         * @param value the key, like {@code keyVault.storageKey(KeyPurpose.LANDING_STAGING).orElseThrow()}
         * @return this builder
         */
        public Builder stagingKey(@javax.annotation.Nullable StorageEncryptionKey value) {
            this.stagingKey = Optional.ofNullable(value);
            return this;
        }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public OneLakeLandingArgs build() {
            return new OneLakeLandingArgs(resourceGroupName, location, naming, settings, hub, egress,
                    azureDatabricksObjectId, clientSecret, common, stagingKey);
        }
    }
}
