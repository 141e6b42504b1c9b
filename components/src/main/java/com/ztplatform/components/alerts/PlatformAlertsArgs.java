package com.ztplatform.components.alerts;

import com.pulumi.core.Output;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.common.Placement;
import com.ztplatform.components.naming.Naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link PlatformAlerts}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName      where the action group and the rules go (required), like {@code hubRg.name()}
 * @param location               the Log Analytics workspace's region, where the scheduled query rules go (required),
 *                               like westeurope; the action group and activity log alerts are global
 * @param naming                 prefix and environment (required)
 * @param workspaceId            the Log Analytics workspace the queries run on (required), like {@code logs.workspaceId()}
 * @param subscriptionId         the subscription whose activity log is watched and that the budget covers (required),
 *                               a GUID output like {@code getClientConfig().subscriptionId()}
 * @param receivers              who is notified (required: at least one email or webhook)
 * @param databricksSubnets      the Databricks host and container subnets whose denied egress is counted, like
 *                               {@code 10.11.0.0/26}. Default: none (no firewall alert: a stack without workspaces)
 * @param landingJobIds          the landing jobs whose failed runs alert. Default: none (no landing alert)
 * @param storagePublicRanges    public CIDRs storage callers are expected from (private ones always are). Default: none
 * @param thresholds             when the query alerts fire. Default: {@link AlertThresholds#defaults()}
 * @param budget                 the environment's monthly budget. Default: none (no budget)
 * @param common                 tags. Default: {@link CommonOptions#defaults()}
 */
public record PlatformAlertsArgs(Output<String> resourceGroupName, String location, Naming naming,
                                 Output<String> workspaceId, Output<String> subscriptionId, Receivers receivers,
                                 List<String> databricksSubnets, List<Output<String>> landingJobIds,
                                 List<String> storagePublicRanges, AlertThresholds thresholds,
                                 Optional<BudgetSettings> budget, CommonOptions common) {
    /**
     * Copies the lists.
     *
     * @param resourceGroupName   the resource group
     * @param location            the workspace's region
     * @param naming              the naming convention
     * @param workspaceId         the Log Analytics workspace
     * @param subscriptionId      the subscription
     * @param receivers           who is notified
     * @param databricksSubnets   the Databricks subnets
     * @param landingJobIds       the landing jobs
     * @param storagePublicRanges expected public storage callers
     * @param thresholds          the thresholds
     * @param budget              the budget, or empty
     * @param common              tags
     */
    public PlatformAlertsArgs {
        databricksSubnets = List.copyOf(Objects.requireNonNull(databricksSubnets, "databricksSubnets"));
        landingJobIds = List.copyOf(Objects.requireNonNull(landingJobIds, "landingJobIds"));
        storagePublicRanges = List.copyOf(Objects.requireNonNull(storagePublicRanges, "storagePublicRanges"));
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(common, "common");
    }

    /**
     * A builder with the defaults documented on the record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem of these arguments; {@link PlatformAlerts} fails listing them all.
     *
     * @return the problems, each naming its field and a valid example
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "hubRg.name()", location, naming);
        if (workspaceId == null) {
            problems.add("workspaceId is required, like logs.workspaceId()");
        }
        if (subscriptionId == null) {
            problems.add("subscriptionId is required, like AuthorizationFunctions.getClientConfig()"
                    + ".applyValue(c -> c.subscriptionId())");
        }
        if (receivers == null) {
            problems.add("receivers is required, like new Receivers(List.of(new Receivers.Email(\"platform-oncall\", "
                    + "\"platform-team@contoso.com\")), List.of())");
        } else {
            problems.addAll(receivers.problems("receivers."));
        }
        cidrs(problems, "databricksSubnets", databricksSubnets, "10.11.0.0/26");
        cidrs(problems, "storagePublicRanges", storagePublicRanges, "203.0.113.0/28");
        if (thresholds == null) {
            problems.add("thresholds is required, like AlertThresholds.defaults()");
        } else {
            problems.addAll(thresholds.problems("thresholds."));
        }
        budget.ifPresent(b -> problems.addAll(b.problems("budget.")));
        problems.addAll(common.problems("PlatformAlertsArgs.common"));
        return problems;
    }

    private static void cidrs(List<String> problems, String key, List<String> values, String example) {
        for (int i = 0; i < values.size(); i++) {
            var v = values.get(i);
            if (v == null || Cidr.parseIfValid(v).isEmpty()) {
                problems.add(key + "[" + i + "] must be a CIDR like " + example + ", got '" + v + "'");
            }
        }
    }

    /** Builds {@link PlatformAlertsArgs}; unset values take the defaults documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private Output<String> workspaceId;
        private Output<String> subscriptionId;
        private Receivers receivers;
        private List<String> databricksSubnets = List.of();
        private List<Output<String>> landingJobIds = List.of();
        private List<String> storagePublicRanges = List.of();
        private AlertThresholds thresholds = AlertThresholds.defaults();
        private Optional<BudgetSettings> budget = Optional.empty();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value the resource group of the action group and rules (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }

        /**
         * @param value the workspace's region, like {@code westeurope} (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }

        /**
         * @param value the naming convention (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }

        /**
         * @param value the Log Analytics workspace's id (required)
         * @return this builder
         */
        public Builder workspaceId(Output<String> value) { this.workspaceId = value; return this; }

        /**
         * @param value the subscription id, a GUID (required)
         * @return this builder
         */
        public Builder subscriptionId(Output<String> value) { this.subscriptionId = value; return this; }

        /**
         * @param value who is notified (required)
         * @return this builder
         */
        public Builder receivers(Receivers value) { this.receivers = value; return this; }

        /**
         * @param value the Databricks host and container subnets (default none: no firewall alert)
         * @return this builder
         */
        public Builder databricksSubnets(List<String> value) { this.databricksSubnets = value; return this; }

        /**
         * @param value the landing jobs' ids (default none: no landing alert)
         * @return this builder
         */
        public Builder landingJobIds(List<Output<String>> value) { this.landingJobIds = value; return this; }

        /**
         * @param value public CIDRs storage callers are expected from (default none)
         * @return this builder
         */
        public Builder storagePublicRanges(List<String> value) { this.storagePublicRanges = value; return this; }

        /**
         * @param value the thresholds (default {@link AlertThresholds#defaults()})
         * @return this builder
         */
        public Builder thresholds(AlertThresholds value) { this.thresholds = value; return this; }

        /**
         * @param value the monthly budget, or null for none (the default)
         * @return this builder
         */
        public Builder budget(BudgetSettings value) { this.budget = Optional.ofNullable(value); return this; }

        /**
         * @param value tags (default {@link CommonOptions#defaults()})
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments; the component checks them.
         *
         * @return the arguments
         */
        public PlatformAlertsArgs build() {
            return new PlatformAlertsArgs(resourceGroupName, location, naming, workspaceId, subscriptionId, receivers,
                    databricksSubnets, landingJobIds, storagePublicRanges, thresholds, budget, common);
        }
    }
}
