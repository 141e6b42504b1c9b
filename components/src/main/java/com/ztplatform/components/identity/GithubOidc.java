package com.ztplatform.components.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a federated identity credential for GitHub Actions must say, and the subjects this repository's workflows
 * present.
 *
 * <p>GitHub's OIDC tokens carry the issuer {@value #ISSUER} and, for a job that names an environment, the subject
 * {@code repo:<owner>/<repo>:environment:<name>}; for a {@code pull_request} event without an environment,
 * {@code repo:<owner>/<repo>:pull_request} (docs.github.com/actions/reference/security/oidc, "Example subject
 * claims"). {@code up.yml} deploys each stack in the GitHub environment named like the stack; {@code preview.yml}'s
 * preview job names no environment. Entra ID matches issuer and subject exactly, allows at most
 * {@value #MAX_CREDENTIALS} federated credentials per user-assigned identity and exactly one audience,
 * {@value #AUDIENCE} (learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
 */
public final class GithubOidc {
    /** GitHub Actions' OIDC issuer. */
    public static final String ISSUER = "https://token.actions.githubusercontent.com";
    /** The audience Entra ID expects in the exchanged token (the only one it accepts). */
    public static final String AUDIENCE = "api://AzureADTokenExchange";
    /** Entra ID's limit of federated identity credentials on one user-assigned managed identity. */
    public static final int MAX_CREDENTIALS = 20;
    /** GitHub owner (user or organization) and repository names: letters, digits, '-', '_' and '.'. */
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");
    /** Environment names as this program accepts them (no ':', which GitHub escapes as %3A in the subject). */
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private GithubOidc() {
    }

    /**
     * The subject of pull-request jobs without an environment ({@code preview.yml}).
     *
     * @param repository {@code owner/repo}
     * @return {@code repo:owner/repo:pull_request}
     */
    public static String pullRequestSubject(String repository) {
        return "repo:" + repository + ":pull_request";
    }

    /**
     * The subject of jobs that run in a GitHub environment ({@code up.yml}: the environment is the stack's name).
     *
     * @param repository  {@code owner/repo}
     * @param environment the environment's name, like {@code prod}
     * @return {@code repo:owner/repo:environment:prod}
     */
    public static String environmentSubject(String repository, String environment) {
        return "repo:" + repository + ":environment:" + environment;
    }

    /**
     * Problems of a repository name.
     *
     * @param key        the configuration key, for the message
     * @param repository the value, or null
     * @return the problems, naming the key and a valid example
     */
    public static List<String> repositoryProblems(String key, String repository) {
        if (repository == null || !REPOSITORY.matcher(repository).matches()) {
            return List.of(key + " must be the GitHub repository as owner/name, like contoso/zt-databricks, got '"
                    + repository + "'");
        }
        return List.of();
    }

    /**
     * Problems of environment names: valid, unique, and with the pull-request subject within the per-identity limit.
     *
     * @param key          the configuration key, for the message
     * @param environments the names
     * @return the problems, naming the key and a valid example
     */
    public static List<String> environmentProblems(String key, List<String> environments) {
        var problems = new ArrayList<String>();
        if (environments == null || environments.isEmpty()) {
            problems.add(key + " must name at least one GitHub environment the up workflow deploys from, like [prod]");
            return problems;
        }
        for (int i = 0; i < environments.size(); i++) {
            var e = environments.get(i);
            if (e == null || !ENVIRONMENT.matcher(e).matches()) {
                problems.add(key + "[" + i + "] must be a GitHub environment name (letters, digits, '.', '_', '-'), "
                        + "like prod, got '" + e + "'");
            } else if (environments.indexOf(e) != i) {
                problems.add(key + "[" + i + "] repeats '" + e + "': one credential per subject");
            }
        }
        if (environments.size() > MAX_CREDENTIALS) {
            problems.add(key + " has " + environments.size() + " environments; Entra ID allows at most "
                    + MAX_CREDENTIALS + " federated credentials per identity, like [dev, prod]");
        }
        return problems;
    }
}
