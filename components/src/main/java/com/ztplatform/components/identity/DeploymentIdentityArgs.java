package com.ztplatform.components.identity;

import com.pulumi.core.Output;
import com.ztplatform.components.common.BuiltInRole;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.common.Placement;
import com.ztplatform.components.naming.Naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Arguments of {@link DeploymentIdentity}. Build with {@link #builder()}; every field is checked when the component
 * is constructed.
 *
 * @param resourceGroupName  the identities' own resource group (required), like {@code deployRg.name()}
 * @param location           region of the identities (required), like westeurope
 * @param naming             prefix and environment (required)
 * @param githubRepository   the repository whose workflows sign in (required), like {@code contoso/zt-databricks}
 * @param environments       the GitHub environments {@code up.yml} deploys from (required, 1 to 20), like {@code [prod]}
 * @param previewIdentity    whether to create the pull-request preview identity (subject {@code :pull_request},
 *                           Reader). Default true
 * @param scope              where the deployment identity gets Contributor and the constrained Role Based Access
 *                           Control Administrator, and the preview identity Reader (required), like
 *                           {@code /subscriptions/<id>}
 * @param assignableRoles    the role GUIDs the deployment identity may assign. Default {@link BuiltInRole#granted()}
 * @param common             tags. Default {@link CommonOptions#defaults()}
 */
public record DeploymentIdentityArgs(Output<String> resourceGroupName, String location, Naming naming,
                                     String githubRepository, List<String> environments, boolean previewIdentity,
                                     Output<String> scope, Set<String> assignableRoles, CommonOptions common) {
    /**
     * Copies the collections.
     *
     * @param resourceGroupName the resource group
     * @param location          the region
     * @param naming            the naming convention
     * @param githubRepository  owner/name
     * @param environments      GitHub environments
     * @param previewIdentity   whether to create the preview identity
     * @param scope             the deployment scope
     * @param assignableRoles   role GUIDs the deployment identity may assign
     * @param common            tags
     */
    public DeploymentIdentityArgs {
        environments = environments == null ? null : List.copyOf(environments);
        assignableRoles = Set.copyOf(Objects.requireNonNull(assignableRoles, "assignableRoles"));
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
     * Every problem of these arguments; {@link DeploymentIdentity} fails listing them all.
     *
     * @return the problems, each naming its field and a valid example
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "deployRg.name()", location, naming);
        problems.addAll(GithubOidc.repositoryProblems("githubRepository", githubRepository));
        problems.addAll(GithubOidc.environmentProblems("environments", environments));
        if (scope == null) {
            problems.add("scope is required, like getClientConfig().applyValue(c -> \"/subscriptions/\" + c.subscriptionId())");
        }
        if (assignableRoles.isEmpty()) {
            problems.add("assignableRoles must name at least one role, like BuiltInRole.granted()");
        }
        for (var guid : assignableRoles) {
            var role = BuiltInRole.of(guid);
            if (role.isEmpty() || !role.get().grantable()) {
                problems.add("assignableRoles may hold only BuiltInRole GRANTED roles (never Owner, User Access "
                        + "Administrator, Contributor or Role Based Access Control Administrator), like "
                        + BuiltInRole.STORAGE_BLOB_DATA_READER.guid() + ", got '" + guid + "'"
                        + role.map(r -> " (" + r.displayName() + ")").orElse(""));
            }
        }
        problems.addAll(common.problems("DeploymentIdentityArgs.common"));
        return problems;
    }

    /** Builds {@link DeploymentIdentityArgs}; unset values take the defaults documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private String githubRepository;
        private List<String> environments;
        private boolean previewIdentity = true;
        private Output<String> scope;
        private Set<String> assignableRoles = BuiltInRole.granted();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value the identities' resource group (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }

        /**
         * @param value the region, like {@code westeurope} (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }

        /**
         * @param value the naming convention (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }

        /**
         * @param value owner/name, like {@code contoso/zt-databricks} (required)
         * @return this builder
         */
        public Builder githubRepository(String value) { this.githubRepository = value; return this; }

        /**
         * @param value the GitHub environments of {@code up.yml}, like {@code [prod]} (required)
         * @return this builder
         */
        public Builder environments(List<String> value) { this.environments = value; return this; }

        /**
         * @param value whether to create the pull-request preview identity (default true)
         * @return this builder
         */
        public Builder previewIdentity(boolean value) { this.previewIdentity = value; return this; }

        /**
         * @param value the ARM scope of the deployment roles, like {@code /subscriptions/<id>} (required)
         * @return this builder
         */
        public Builder scope(Output<String> value) { this.scope = value; return this; }

        /**
         * @param value the role GUIDs the deployment identity may assign (default {@link BuiltInRole#granted()})
         * @return this builder
         */
        public Builder assignableRoles(Set<String> value) { this.assignableRoles = value; return this; }

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
        public DeploymentIdentityArgs build() {
            return new DeploymentIdentityArgs(resourceGroupName, location, naming, githubRepository, environments,
                    previewIdentity, scope, assignableRoles, common);
        }
    }
}
