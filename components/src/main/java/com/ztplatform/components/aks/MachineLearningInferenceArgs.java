package com.ztplatform.components.aks;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link MachineLearningInference}: the private cluster, the workspace it serves and the inference
 * router's TLS settings.
 *
 * @param cluster                    the private AKS cluster, built with {@code settings.machineLearning} present (so
 *                                   its local accounts stay on, which the Azure ML extension needs)
 * @param workspaceResourceGroupName the workspace's resource group
 * @param workspaceName              the workspace's name
 * @param workspacePrincipalId       the workspace's system-assigned identity, granted Reader on the cluster
 * @param location                   the workspace's region, like westeurope (the compute's location)
 * @param settings                   TLS name and secret of the inference router
 * @param common                     tags, lock and protect
 */
public record MachineLearningInferenceArgs(PrivateAksCluster cluster, Output<String> workspaceResourceGroupName,
                                           Output<String> workspaceName, Output<String> workspacePrincipalId,
                                           String location, InferenceSettings settings, CommonOptions common) {
    /**
     * Requires the common options.
     *
     * @param cluster                    the cluster
     * @param workspaceResourceGroupName the workspace's resource group
     * @param workspaceName              the workspace's name
     * @param workspacePrincipalId       the workspace identity
     * @param location                   the region
     * @param settings                   the TLS settings
     * @param common                     tags, lock and protect
     */
    public MachineLearningInferenceArgs {
        Objects.requireNonNull(common, "common");
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem, each naming its field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (cluster == null) {
            problems.add("cluster is required, like .cluster(aks) (a PrivateAksCluster built with settings.machineLearning)");
        }
        if (workspaceResourceGroupName == null || workspaceName == null) {
            problems.add("workspaceResourceGroupName and workspaceName are required, like "
                    + ".workspaceResourceGroupName(aiRg.name()).workspaceName(ml.workspaceName())");
        }
        if (workspacePrincipalId == null) {
            problems.add("workspacePrincipalId is required, like .workspacePrincipalId(ml.principalId())");
        }
        if (location == null || !location.matches("^[a-z0-9]+$")) {
            problems.add("location must be an Azure region name like westeurope, got '" + location + "'");
        }
        if (settings == null) {
            problems.add("settings is required, like new InferenceSettings(\"inference.ml.contoso.internal\", \""
                    + InferenceSettings.DEFAULT_TLS_SECRET + "\")");
        } else {
            problems.addAll(settings.problems("settings."));
        }
        problems.addAll(common.problems("common"));
        return problems;
    }

    /** Builds {@link MachineLearningInferenceArgs}. */
    public static final class Builder {
        private PrivateAksCluster cluster;
        private Output<String> workspaceResourceGroupName;
        private Output<String> workspaceName;
        private Output<String> workspacePrincipalId;
        private String location;
        private InferenceSettings settings;
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * Sets the field.
         *
         * @param value the cluster
         * @return this
         */
        public Builder cluster(@Nullable PrivateAksCluster value) { this.cluster = value; return this; }
        /**
         * Sets the field.
         *
         * @param value the workspace's resource group
         * @return this
         */
        public Builder workspaceResourceGroupName(@Nullable Output<String> value) { this.workspaceResourceGroupName = value; return this; }
        /**
         * Sets the field.
         *
         * @param value the workspace's name
         * @return this
         */
        public Builder workspaceName(@Nullable Output<String> value) { this.workspaceName = value; return this; }
        /**
         * Sets the field.
         *
         * @param value the workspace identity
         * @return this
         */
        public Builder workspacePrincipalId(@Nullable Output<String> value) { this.workspacePrincipalId = value; return this; }
        /**
         * Sets the field.
         *
         * @param value the region
         * @return this
         */
        public Builder location(@Nullable String value) { this.location = value; return this; }
        /**
         * Sets the field.
         *
         * @param value the TLS settings
         * @return this
         */
        public Builder settings(@Nullable InferenceSettings value) { this.settings = value; return this; }
        /**
         * Sets the field.
         *
         * @param value tags, lock and protect
         * @return this
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments (validated when the component is built).
         *
         * @return the arguments
         */
        public MachineLearningInferenceArgs build() {
            return new MachineLearningInferenceArgs(cluster, workspaceResourceGroupName, workspaceName,
                    workspacePrincipalId, location, settings, common);
        }
    }
}
