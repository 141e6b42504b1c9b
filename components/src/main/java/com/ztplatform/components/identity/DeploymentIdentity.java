package com.ztplatform.components.identity;

import com.pulumi.azurenative.managedidentity.FederatedIdentityCredential;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredentialArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.BuiltInRole;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.naming.ResourceKind;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identities GitHub Actions signs in as, without any secret: user-assigned managed identities with GitHub OIDC
 * federated credentials (issuer {@value GithubOidc#ISSUER}, audience {@value GithubOidc#AUDIENCE}, exact subjects).
 *
 * <ul>
 *   <li>The <b>deployment identity</b> ({@code up.yml}): one credential per GitHub environment
 *       ({@code repo:<owner>/<repo>:environment:<name>}); Contributor at the scope (it creates resource groups, so the
 *       default scope is the subscription), and Role Based Access Control Administrator at the same scope with a
 *       condition that lets it create and delete only assignments of {@code assignableRoles} to service principals
 *       ({@link RoleAssignmentCondition}). Never Owner or User Access Administrator; the condition excludes its own
 *       roles, so it cannot widen its own access.</li>
 *   <li>The <b>preview identity</b> ({@code preview.yml}, optional): one credential for
 *       {@code repo:<owner>/<repo>:pull_request}; Reader at the scope. A pull request branch can read, not change.</li>
 * </ul>
 *
 * <p>Entra ID refuses concurrent writes of federated credentials under one identity (409 Conflict), so they are
 * created one after another (learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
 * These role assignments are made by whoever runs the first {@code pulumi up} (an Owner or User Access
 * Administrator); afterwards the deployment identity keeps them unchanged and cannot change them itself.
 */
public class DeploymentIdentity extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:identity:DeploymentIdentity";

    private final UserAssignedIdentity deployer;
    private final Optional<UserAssignedIdentity> previewer;
    private final String condition;
    private final List<String> subjects = new ArrayList<>();

    /**
     * Creates the identities, their federated credentials and their role assignments.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public DeploymentIdentity(String name, DeploymentIdentityArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("DeploymentIdentity", name, args.problems());
        var naming = args.naming();
        var repo = args.githubRepository();
        this.condition = RoleAssignmentCondition.constrainRoles(args.assignableRoles());

        this.deployer = identity(name + "-deploy", naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "deploy", "id"), args);
        Resource previous = deployer;
        for (var environment : args.environments()) {
            var subject = GithubOidc.environmentSubject(repo, environment);
            previous = credential(name + "-deploy-env-" + environment, deployer, "github-environment-" + environment,
                    subject, args, previous);
        }
        RoleGrants.assignDeploymentRole(name + "-deploy-contributor", args.scope(), deployer.principalId(),
                BuiltInRole.CONTRIBUTOR, "GitHub deployment identity (up.yml): creates and updates the platform's "
                        + "resource groups and resources; Contributor cannot assign roles", null, this);
        RoleGrants.assignDeploymentRole(name + "-deploy-rbac", args.scope(), deployer.principalId(),
                BuiltInRole.ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR, "GitHub deployment identity (up.yml): assigns "
                        + "only the roles this program grants, to service principals (condition)", condition, this);

        if (args.previewIdentity()) {
            var preview = identity(name + "-preview", naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "preview", "id"),
                    args);
            credential(name + "-preview-pr", preview, "github-pull-request", GithubOidc.pullRequestSubject(repo), args,
                    preview);
            RoleGrants.assignDeploymentRole(name + "-preview-reader", args.scope(), preview.principalId(),
                    BuiltInRole.READER, "GitHub preview identity (preview.yml, pull requests): reads the live "
                            + "resources for pulumi preview; changes nothing", null, this);
            this.previewer = Optional.of(preview);
        } else {
            this.previewer = Optional.empty();
        }
        registerOutputs(java.util.Map.of("deploymentClientId", deployer.clientId()));
    }

    private UserAssignedIdentity identity(String logicalName, String resourceName, DeploymentIdentityArgs args) {
        return new UserAssignedIdentity(logicalName, UserAssignedIdentityArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .resourceName(resourceName)
                .tags(args.common().sortedTags())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    private FederatedIdentityCredential credential(String logicalName, UserAssignedIdentity identity, String credentialName,
                                                   String subject, DeploymentIdentityArgs args, Resource after) {
        subjects.add(subject);
        return new FederatedIdentityCredential(logicalName, FederatedIdentityCredentialArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .resourceName(identity.name())
                .federatedIdentityCredentialResourceName(credentialName)
                .issuer(GithubOidc.ISSUER)
                .subject(subject)
                .audiences(GithubOidc.AUDIENCE)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(after).build());
    }

    /** @return the deployment identity's client id: the {@code AZURE_CLIENT_ID} of the stack's GitHub environment */
    public Output<String> deploymentClientId() {
        return deployer.clientId();
    }

    /** @return the deployment identity's service principal object id */
    public Output<String> deploymentPrincipalId() {
        return deployer.principalId();
    }

    /** @return the Entra ID tenant of the identities: {@code AZURE_TENANT_ID} */
    public Output<String> tenantId() {
        return deployer.tenantId();
    }

    /** @return the preview identity's client id (the repository-level {@code AZURE_CLIENT_ID}), when created */
    public Optional<Output<String>> previewClientId() {
        return previewer.map(UserAssignedIdentity::clientId);
    }

    /** @return the condition on the deployment identity's Role Based Access Control Administrator assignment */
    public String roleAssignmentCondition() {
        return condition;
    }

    /** @return the federated credentials' subjects, in creation order */
    public List<String> subjects() {
        return List.copyOf(subjects);
    }
}
