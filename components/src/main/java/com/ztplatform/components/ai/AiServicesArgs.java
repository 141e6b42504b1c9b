package com.ztplatform.components.ai;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Arguments of {@link AiServices}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName where the account and its endpoint go (required)
 * @param location          region, like westeurope (required)
 * @param naming            prefix and environment; the account is named {@code <prefix>-<env>-ai} (required)
 * @param customSubdomain   the account's DNS label ({@code <label>.cognitiveservices.azure.com}), unique worldwide;
 *                          Entra ID sign-in and private endpoints need one. Default: the account's name
 * @param sku               the account's pricing tier. Default: {@link #DEFAULT_SKU}
 * @param allowedFqdns      the only hosts the account itself may call (restrictOutboundNetworkAccess is always on).
 *                          Default: none
 * @param deployments       model deployments, created one after another. Default: none
 * @param hub               the hub whose endpoint subnet and Cognitive Services, OpenAI and services.ai zones the
 *                          account's endpoint uses (required)
 * @param common            tags, protect, lock, and the Log Analytics workspace the account's logs go to.
 *                          Default: {@link CommonOptions#defaults()}
 */
public record AiServicesArgs(Output<String> resourceGroupName, String location, Naming naming, String customSubdomain,
                             String sku, List<String> allowedFqdns, List<ModelDeployment> deployments,
                             HubConnection hub, CommonOptions common) {

    /** The standard tier: the only tier of the AIServices kind. */
    public static final String DEFAULT_SKU = "S0";
    /** The account's kind: the multi-service AI services (Foundry) resource with the OpenAI models. */
    public static final String KIND = "AIServices";
    private static final Pattern FQDN = Pattern.compile("^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    /**
     * Copies the lists.
     *
     * @param resourceGroupName where the account goes
     * @param location          region
     * @param naming            prefix and environment
     * @param customSubdomain   the account's DNS label, or null for the account's name
     * @param sku               pricing tier
     * @param allowedFqdns      hosts the account may call
     * @param deployments       model deployments
     * @param hub               the hub
     * @param common            tags, protect, lock, diagnostics
     */
    public AiServicesArgs {
        allowedFqdns = allowedFqdns == null ? null : List.copyOf(allowedFqdns);
        deployments = deployments == null ? null : List.copyOf(deployments);
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
     * The account's Azure name, like {@code ztp-dev-ai}.
     *
     * @return the name (valid once {@link #problems()} is empty)
     */
    public String accountName() {
        return naming.name(ResourceKind.COGNITIVE_SERVICES_ACCOUNT, "ai");
    }

    /**
     * The custom subdomain: the configured one, else the account's name.
     *
     * @return the DNS label
     */
    public String effectiveSubdomain() {
        return customSubdomain != null ? customSubdomain : accountName();
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "aiRg.name()", location, naming);
        if (sku == null || !sku.equals(DEFAULT_SKU)) {
            problems.add("sku must be " + DEFAULT_SKU + " (the AIServices kind has no other tier), got "
                    + (sku == null ? "null" : "'" + sku + "'"));
        }
        problems.addAll(settingsProblems("", customSubdomain, allowedFqdns, deployments));
        if (hub == null) {
            problems.add("hub is required: the hub whose private-endpoint subnet and AI services zones the account's "
                    + "endpoint uses, like the HubNetwork");
        } else {
            var zones = new ArrayList<String>();
            PrivateLinkTarget.AI_SERVICES.zoneFor("account").ifPresent(zones::add);
            zones.addAll(PrivateLinkTarget.AI_SERVICES.additionalZonesFor("account"));
            var missing = zones.stream().filter(z -> !hub.privateDnsZones().contains(z)).toList();
            if (!missing.isEmpty()) {
                problems.add("hub: the account's private endpoint registers in " + zones + ", but the hub lacks "
                        + missing + "; add them to HubNetworkArgs.privateDnsZones");
            }
        }
        problems.addAll(common.problems("common"));
        return problems;
    }

    /**
     * The problems of the plain settings (a stack's {@code ai.aiServices} section), each naming its key under
     * {@code path} and a valid example.
     *
     * @param path            the section's path and a trailing '.', like {@code zt-databricks:ai.aiServices.}, or ""
     * @param customSubdomain the DNS label, or null for the default
     * @param allowedFqdns    hosts the account may call
     * @param deployments     the model deployments
     * @return the problems; empty when valid
     */
    public static List<String> settingsProblems(String path, String customSubdomain, List<String> allowedFqdns,
                                                List<ModelDeployment> deployments) {
        var problems = new ArrayList<String>();
        if (customSubdomain != null) {
            ResourceKind.COGNITIVE_SERVICES_ACCOUNT.problem(customSubdomain)
                    .ifPresent(p -> problems.add(path + "customSubdomain: " + p.replace("Azure AI services account name",
                            "custom subdomain")));
        }
        if (allowedFqdns == null) {
            problems.add(path + "allowedFqdns is required (may be empty), like [] or [contoso.blob.core.windows.net]");
        } else {
            for (int i = 0; i < allowedFqdns.size(); i++) {
                var f = allowedFqdns.get(i);
                if (f == null || !FQDN.matcher(f).matches()) {
                    problems.add(path + "allowedFqdns[" + i + "] must be a lowercase host name like "
                            + "'contoso.blob.core.windows.net', got " + (f == null ? "null" : "'" + f + "'"));
                }
            }
        }
        if (deployments == null) {
            problems.add(path + "deployments is required (may be empty), like [] or [new ModelDeployment(\"gpt-4o\", "
                    + "\"gpt-4o\", \"2024-08-06\", \"OpenAI\", \"Standard\", 10)]");
        } else {
            var names = new HashSet<String>();
            for (int i = 0; i < deployments.size(); i++) {
                var d = deployments.get(i);
                var at = path + "deployments[" + i + "]";
                if (d == null) {
                    problems.add(at + " is null");
                    continue;
                }
                problems.addAll(d.problems(at));
                if (d.name() != null && !names.add(d.name())) {
                    problems.add(at + ".name '" + d.name() + "' is used twice; deployment names are unique per "
                            + "account, like 'gpt-4o' and 'embeddings'");
                }
            }
        }
        return problems;
    }

    /** Builds {@link AiServicesArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private String customSubdomain;
        private String sku = DEFAULT_SKU;
        private List<String> allowedFqdns = List.of();
        private List<ModelDeployment> deployments = List.of();
        private HubConnection hub;
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value where the account goes (required)
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
         * @param value the account's DNS label, unique worldwide. Default: the account's name
         * @return this builder
         */
        public Builder customSubdomain(String value) { this.customSubdomain = value; return this; }
        /**
         * @param value pricing tier. Default: {@link #DEFAULT_SKU}
         * @return this builder
         */
        public Builder sku(String value) { this.sku = value; return this; }
        /**
         * @param value hosts the account itself may call. Default: none
         * @return this builder
         */
        public Builder allowedFqdns(List<String> value) { this.allowedFqdns = value; return this; }
        /**
         * @param value model deployments. Default: none
         * @return this builder
         */
        public Builder deployments(List<ModelDeployment> value) { this.deployments = value; return this; }
        /**
         * @param value the hub whose endpoint subnet and zones the account uses (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) { this.hub = value; return this; }
        /**
         * @param value tags, protect, lock, diagnostics. Default: {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public AiServicesArgs build() {
            return new AiServicesArgs(resourceGroupName, location, naming, customSubdomain, sku, allowedFqdns,
                    deployments, hub, common);
        }
    }
}
