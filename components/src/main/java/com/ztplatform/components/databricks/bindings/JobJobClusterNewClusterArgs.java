package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Map;
import java.util.Optional;

/**
 * Input type {@code databricks:index/JobJobClusterNewCluster:JobJobClusterNewCluster}.
 *
 * <ul>
 *   <li>{@code sparkVersion}: {@code String}</li>
 *   <li>{@code nodeTypeId}: {@code String}</li>
 *   <li>{@code driverNodeTypeId}: {@code String}</li>
 *   <li>{@code numWorkers}: {@code Integer}</li>
 *   <li>{@code autoscale}: {@code JobJobClusterNewClusterAutoscaleArgs}</li>
 *   <li>{@code policyId}: {@code String}</li>
 *   <li>{@code applyPolicyDefaultValues}: {@code Boolean}</li>
 *   <li>{@code dataSecurityMode}: like {@code SINGLE_USER} or {@code USER_ISOLATION} (Unity Catalog access
 *       modes)</li>
 *   <li>{@code singleUserName}: {@code String}</li>
 *   <li>{@code runtimeEngine}: {@code STANDARD} or {@code PHOTON}</li>
 *   <li>{@code sparkConf}: {@code Map<String, String>}</li>
 *   <li>{@code sparkEnvVars}: {@code Map<String, String>}</li>
 *   <li>{@code customTags}: {@code Map<String, String>}</li>
 *   <li>{@code azureAttributes}: {@code JobJobClusterNewClusterAzureAttributesArgs}</li>
 * </ul>
 */
public final class JobJobClusterNewClusterArgs extends ResourceArgs {
    @Import(name = "sparkVersion")
    private final @Nullable Output<String> sparkVersion;

    @Import(name = "nodeTypeId")
    private final @Nullable Output<String> nodeTypeId;

    @Import(name = "driverNodeTypeId")
    private final @Nullable Output<String> driverNodeTypeId;

    @Import(name = "numWorkers")
    private final @Nullable Output<Integer> numWorkers;

    @Import(name = "autoscale")
    private final @Nullable Output<JobJobClusterNewClusterAutoscaleArgs> autoscale;

    @Import(name = "policyId")
    private final @Nullable Output<String> policyId;

    @Import(name = "applyPolicyDefaultValues")
    private final @Nullable Output<Boolean> applyPolicyDefaultValues;

    @Import(name = "dataSecurityMode")
    private final @Nullable Output<String> dataSecurityMode;

    @Import(name = "singleUserName")
    private final @Nullable Output<String> singleUserName;

    @Import(name = "runtimeEngine")
    private final @Nullable Output<String> runtimeEngine;

    @Import(name = "sparkConf")
    private final @Nullable Output<Map<String, String>> sparkConf;

    @Import(name = "sparkEnvVars")
    private final @Nullable Output<Map<String, String>> sparkEnvVars;

    @Import(name = "customTags")
    private final @Nullable Output<Map<String, String>> customTags;

    @Import(name = "azureAttributes")
    private final @Nullable Output<JobJobClusterNewClusterAzureAttributesArgs> azureAttributes;

    private JobJobClusterNewClusterArgs(Builder builder) {
        this.sparkVersion = builder.sparkVersion;
        this.nodeTypeId = builder.nodeTypeId;
        this.driverNodeTypeId = builder.driverNodeTypeId;
        this.numWorkers = builder.numWorkers;
        this.autoscale = builder.autoscale;
        this.policyId = builder.policyId;
        this.applyPolicyDefaultValues = builder.applyPolicyDefaultValues;
        this.dataSecurityMode = builder.dataSecurityMode;
        this.singleUserName = builder.singleUserName;
        this.runtimeEngine = builder.runtimeEngine;
        this.sparkConf = builder.sparkConf;
        this.sparkEnvVars = builder.sparkEnvVars;
        this.customTags = builder.customTags;
        this.azureAttributes = builder.azureAttributes;
    }

    public Optional<Output<String>> sparkVersion() {
        return Optional.ofNullable(this.sparkVersion);
    }

    public Optional<Output<String>> nodeTypeId() {
        return Optional.ofNullable(this.nodeTypeId);
    }

    public Optional<Output<String>> driverNodeTypeId() {
        return Optional.ofNullable(this.driverNodeTypeId);
    }

    public Optional<Output<Integer>> numWorkers() {
        return Optional.ofNullable(this.numWorkers);
    }

    public Optional<Output<JobJobClusterNewClusterAutoscaleArgs>> autoscale() {
        return Optional.ofNullable(this.autoscale);
    }

    public Optional<Output<String>> policyId() {
        return Optional.ofNullable(this.policyId);
    }

    public Optional<Output<Boolean>> applyPolicyDefaultValues() {
        return Optional.ofNullable(this.applyPolicyDefaultValues);
    }

    public Optional<Output<String>> dataSecurityMode() {
        return Optional.ofNullable(this.dataSecurityMode);
    }

    public Optional<Output<String>> singleUserName() {
        return Optional.ofNullable(this.singleUserName);
    }

    public Optional<Output<String>> runtimeEngine() {
        return Optional.ofNullable(this.runtimeEngine);
    }

    public Optional<Output<Map<String, String>>> sparkConf() {
        return Optional.ofNullable(this.sparkConf);
    }

    public Optional<Output<Map<String, String>>> sparkEnvVars() {
        return Optional.ofNullable(this.sparkEnvVars);
    }

    public Optional<Output<Map<String, String>>> customTags() {
        return Optional.ofNullable(this.customTags);
    }

    public Optional<Output<JobJobClusterNewClusterAzureAttributesArgs>> azureAttributes() {
        return Optional.ofNullable(this.azureAttributes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> sparkVersion;
        private @Nullable Output<String> nodeTypeId;
        private @Nullable Output<String> driverNodeTypeId;
        private @Nullable Output<Integer> numWorkers;
        private @Nullable Output<JobJobClusterNewClusterAutoscaleArgs> autoscale;
        private @Nullable Output<String> policyId;
        private @Nullable Output<Boolean> applyPolicyDefaultValues;
        private @Nullable Output<String> dataSecurityMode;
        private @Nullable Output<String> singleUserName;
        private @Nullable Output<String> runtimeEngine;
        private @Nullable Output<Map<String, String>> sparkConf;
        private @Nullable Output<Map<String, String>> sparkEnvVars;
        private @Nullable Output<Map<String, String>> customTags;
        private @Nullable Output<JobJobClusterNewClusterAzureAttributesArgs> azureAttributes;

        private Builder() {
        }

        public Builder sparkVersion(@Nullable Output<String> sparkVersion) {
            this.sparkVersion = sparkVersion;
            return this;
        }

        public Builder sparkVersion(String sparkVersion) {
            return sparkVersion(Output.of(sparkVersion));
        }

        public Builder nodeTypeId(@Nullable Output<String> nodeTypeId) {
            this.nodeTypeId = nodeTypeId;
            return this;
        }

        public Builder nodeTypeId(String nodeTypeId) {
            return nodeTypeId(Output.of(nodeTypeId));
        }

        public Builder driverNodeTypeId(@Nullable Output<String> driverNodeTypeId) {
            this.driverNodeTypeId = driverNodeTypeId;
            return this;
        }

        public Builder driverNodeTypeId(String driverNodeTypeId) {
            return driverNodeTypeId(Output.of(driverNodeTypeId));
        }

        public Builder numWorkers(@Nullable Output<Integer> numWorkers) {
            this.numWorkers = numWorkers;
            return this;
        }

        public Builder numWorkers(Integer numWorkers) {
            return numWorkers(Output.of(numWorkers));
        }

        public Builder autoscale(@Nullable Output<JobJobClusterNewClusterAutoscaleArgs> autoscale) {
            this.autoscale = autoscale;
            return this;
        }

        public Builder autoscale(JobJobClusterNewClusterAutoscaleArgs autoscale) {
            return autoscale(Output.of(autoscale));
        }

        public Builder policyId(@Nullable Output<String> policyId) {
            this.policyId = policyId;
            return this;
        }

        public Builder policyId(String policyId) {
            return policyId(Output.of(policyId));
        }

        public Builder applyPolicyDefaultValues(@Nullable Output<Boolean> applyPolicyDefaultValues) {
            this.applyPolicyDefaultValues = applyPolicyDefaultValues;
            return this;
        }

        public Builder applyPolicyDefaultValues(Boolean applyPolicyDefaultValues) {
            return applyPolicyDefaultValues(Output.of(applyPolicyDefaultValues));
        }

        public Builder dataSecurityMode(@Nullable Output<String> dataSecurityMode) {
            this.dataSecurityMode = dataSecurityMode;
            return this;
        }

        public Builder dataSecurityMode(String dataSecurityMode) {
            return dataSecurityMode(Output.of(dataSecurityMode));
        }

        public Builder singleUserName(@Nullable Output<String> singleUserName) {
            this.singleUserName = singleUserName;
            return this;
        }

        public Builder singleUserName(String singleUserName) {
            return singleUserName(Output.of(singleUserName));
        }

        public Builder runtimeEngine(@Nullable Output<String> runtimeEngine) {
            this.runtimeEngine = runtimeEngine;
            return this;
        }

        public Builder runtimeEngine(String runtimeEngine) {
            return runtimeEngine(Output.of(runtimeEngine));
        }

        public Builder sparkConf(@Nullable Output<Map<String, String>> sparkConf) {
            this.sparkConf = sparkConf;
            return this;
        }

        public Builder sparkConf(Map<String, String> sparkConf) {
            return sparkConf(Output.of(Map.copyOf(sparkConf)));
        }

        public Builder sparkEnvVars(@Nullable Output<Map<String, String>> sparkEnvVars) {
            this.sparkEnvVars = sparkEnvVars;
            return this;
        }

        public Builder sparkEnvVars(Map<String, String> sparkEnvVars) {
            return sparkEnvVars(Output.of(Map.copyOf(sparkEnvVars)));
        }

        public Builder customTags(@Nullable Output<Map<String, String>> customTags) {
            this.customTags = customTags;
            return this;
        }

        public Builder customTags(Map<String, String> customTags) {
            return customTags(Output.of(Map.copyOf(customTags)));
        }

        public Builder azureAttributes(@Nullable Output<JobJobClusterNewClusterAzureAttributesArgs> azureAttributes) {
            this.azureAttributes = azureAttributes;
            return this;
        }

        public Builder azureAttributes(JobJobClusterNewClusterAzureAttributesArgs azureAttributes) {
            return azureAttributes(Output.of(azureAttributes));
        }

        public JobJobClusterNewClusterArgs build() {
            return new JobJobClusterNewClusterArgs(this);
        }
    }
}
