package com.ztplatform.stack;

import com.ztplatform.stack.plan.StackFiles;
import com.ztplatform.stack.plan.diff.PlanDiffMarkdown;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub workflows cannot run here, so this reads them and checks what matters: triggers, least
 * permissions, OIDC without stored credentials, the per-stack matrix, the policy pack on every preview and up,
 * PR comments edited in place, the offline diff for forks, and environment-gated deployments dev then prod.
 */
class WorkflowFilesTest {
    private static final List<String> STACKS = List.of("dev", "prod");
    private static Path workflows;
    private static Map<String, Object> preview;
    private static Map<String, Object> up;
    private static Map<String, Object> ci;
    private static String previewText;
    private static String upText;

    @BeforeAll
    static void read() throws IOException {
        workflows = StackFiles.findProjectRoot(Path.of("")).resolve(".github/workflows");
        previewText = Files.readString(workflows.resolve("preview.yml"));
        upText = Files.readString(workflows.resolve("up.yml"));
        preview = new Yaml().load(previewText);
        up = new Yaml().load(upText);
        ci = new Yaml().load(Files.readString(workflows.resolve("ci.yml")));
    }

    // --- YAML helpers --------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** The triggers: YAML 1.1 reads the key {@code on} as boolean true. */
    static Map<String, Object> triggers(Map<String, Object> workflow) {
        @SuppressWarnings("unlikely-arg-type")
        var on = workflow.containsKey("on") ? workflow.get("on") : ((Map<?, ?>) workflow).get(Boolean.TRUE);
        return map(on);
    }

    static Map<String, Object> job(Map<String, Object> workflow, String name) {
        var jobs = map(workflow.get("jobs"));
        assertThat(jobs).as("jobs").containsKey(name);
        return map(jobs.get(name));
    }

    /** A job's steps; a job that calls a reusable workflow ({@code uses:}) has none of its own. */
    static List<Map<String, Object>> steps(Map<String, Object> job) {
        if (job.containsKey("uses") && !job.containsKey("steps")) {
            return List.of();
        }
        return list(job.get("steps")).stream().map(WorkflowFilesTest::map).toList();
    }

    static List<String> runs(Map<String, Object> job) {
        return steps(job).stream().filter(s -> s.get("run") != null).map(s -> s.get("run").toString()).toList();
    }

    static List<Map<String, Object>> uses(Map<String, Object> job, String action) {
        return steps(job).stream().filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@")).toList();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static List<String> needs(Map<String, Object> job) {
        var needs = job.get("needs");
        return needs instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of(text(needs));
    }

    static List<String> allRuns(Map<String, Object> workflow) {
        var all = new ArrayList<String>();
        map(workflow.get("jobs")).values().forEach(j -> all.addAll(runs(map(j))));
        return all;
    }

    // --- checks shared by the deploying jobs ---------------------------------------------------------------

    /** OIDC sign-in from repository variables, Java 17, Node 20, the policy pack built, and the backend login. */
    static void deploysLikeThePlatformNeeds(String what, Map<String, Object> job) {
        var login = uses(job, "azure/login");
        assertThat(login).as(what + ": azure/login").hasSize(1);
        var with = map(login.get(0).get("with"));
        for (var input : List.of("client-id", "tenant-id", "subscription-id")) {
            assertThat(text(with.get(input))).as(what + ": azure/login " + input).startsWith("${{ vars.").doesNotContain("secrets.");
        }
        assertThat(with).as(what + ": no client secret").doesNotContainKeys("creds", "client-secret");
        var env = map(job.get("env"));
        assertThat(text(env.get("ARM_USE_OIDC"))).as(what + ": azure-native uses OIDC").isEqualTo("true");
        assertThat(text(env.get("ARM_CLIENT_ID"))).startsWith("${{ vars.");
        assertThat(uses(job, "actions/setup-java")).as(what + ": Java").singleElement()
                .satisfies(s -> assertThat(text(map(s.get("with")).get("java-version"))).isEqualTo("17"));
        assertThat(uses(job, "actions/setup-node")).as(what + ": Node").singleElement()
                .satisfies(s -> assertThat(text(map(s.get("with")).get("node-version"))).isEqualTo("20"));
        assertThat(steps(job)).as(what + ": builds the policy pack").anyMatch(s -> "policy-pack".equals(s.get("working-directory"))
                && text(s.get("run")).contains("npm ci") && text(s.get("run")).contains("npm run build"));
        assertThat(runs(job)).as(what + ": logs in to the backend from a variable")
                .anyMatch(r -> r.contains("pulumi login") && r.contains("vars.PULUMI_BACKEND_URL"));
    }

    // --- preview.yml ---------------------------------------------------------------------------------------

    @Test
    void previewRunsOnPullRequestsToMainOnly() {
        var on = triggers(preview);
        assertThat(on).containsOnlyKeys("pull_request");
        assertThat(list(map(on.get("pull_request")).get("branches"))).containsExactly("main");
        assertThat(previewText).doesNotContain("pull_request_target");
    }

    @Test
    void previewAsksForTheLeastPermissions() {
        assertThat(map(preview.get("permissions"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "contents", "read", "pull-requests", "write", "id-token", "write"));
        assertThat(map(job(preview, "test").get("permissions"))).containsExactlyEntriesOf(Map.of("contents", "read"));
        assertThat(map(job(preview, "offline-plan-diff").get("permissions")))
                .as("no OIDC token for code from forks").doesNotContainKey("id-token");
    }

    @Test
    void noWorkflowUsesStoredSecrets() {
        assertThat(previewText).doesNotContain("secrets.");
        assertThat(upText).doesNotContain("secrets.");
    }

    @Test
    void previewTestsFirstWithTheCiCommand() {
        assertCallsCi(job(preview, "test"));
        assertThat(needs(job(preview, "preview"))).containsExactly("test");
        assertThat(needs(job(preview, "offline-plan-diff"))).containsExactly("test");
    }

    @Test
    void previewRunsPerStackWithThePolicyPackWhereCredentialsExist() {
        var job = job(preview, "preview");
        assertThat(text(job.get("if"))).contains("github.event.pull_request.head.repo.full_name == github.repository");
        assertThat(list(map(map(job.get("strategy")).get("matrix")).get("stack"))).containsExactlyElementsOf(STACKS);
        assertThat(text(map(job.get("env")).get("STACK"))).isEqualTo("${{ vars.PULUMI_STACK_PREFIX }}${{ matrix.stack }}");
        deploysLikeThePlatformNeeds("preview", job);
        assertThat(runs(job)).anyMatch(r -> r.contains("pulumi preview") && r.contains("--stack \"$STACK\"")
                && r.contains("--policy-pack policy-pack"));
    }

    @Test
    void previewEditsItsCommentPerStackInPlace() {
        var comment = uses(job(preview, "preview"), "actions/github-script");
        assertThat(comment).hasSize(1);
        assertThat(text(comment.get(0).get("if"))).contains("always()");
        var script = text(map(comment.get(0).get("with")).get("script"));
        assertThat(script).contains("<!-- zt-pulumi-preview:${stack} -->").contains("listComments")
                .contains("updateComment").contains("createComment").contains("startsWith(marker)");
        assertThat(text(map(comment.get(0).get("env")).get("STACK_LABEL"))).isEqualTo("${{ matrix.stack }}");
    }

    /** The live comment shows the reports' change from diff.md of the offline plans of the base and this commit. */
    @Test
    void previewCommentCarriesTheReportsChangeFromTheOfflinePlanDiff() {
        var job = job(preview, "preview");
        var baseCheckout = uses(job, "actions/checkout").stream().filter(s -> s.get("with") != null).toList();
        assertThat(baseCheckout).singleElement().satisfies(s -> {
            var with = map(s.get("with"));
            assertThat(with.get("path")).isEqualTo("base");
            assertThat(text(with.get("ref"))).isEqualTo("${{ github.event.pull_request.base.sha }}");
            assertThat(with.get("persist-credentials")).isEqualTo(false);
        });
        var reports = steps(job).stream().filter(s -> text(s.get("run")).contains("zt-platform.jar")).toList();
        assertThat(reports).singleElement().satisfies(s -> {
            var run = text(s.get("run"));
            assertThat(run).contains("cd base").contains("zt-platform.jar plan \"$STACK_LABEL\" --no-policy")
                    .contains("zt-platform.jar plan \"$STACK_LABEL\" --no-policy --diff \"base/plan/$STACK_LABEL/plan.json\"");
            assertThat(s.get("continue-on-error")).as("the reports never fail the preview").isEqualTo(true);
            assertThat(text(s.get("if"))).contains("always()");
            assertThat(text(map(s.get("env")).get("STACK_LABEL"))).as("the offline plan takes the stack's file name")
                    .isEqualTo("${{ matrix.stack }}");
        });
        var names = steps(job).stream().map(s -> text(s.get("name"))).toList();
        assertThat(names.indexOf(text(reports.get(0).get("name")))).as("reports before the comment")
                .isLessThan(names.indexOf("Comment on the pull request (edited in place)"));
        var script = text(map(uses(job, "actions/github-script").get(0).get("with")).get("script"));
        assertThat(script).contains("plan/${stack}/diff.md").contains("planDiff:");
    }

    @Test
    void forksGetTheOfflinePlanDiffInstead() {
        var job = job(preview, "offline-plan-diff");
        assertThat(text(job.get("if"))).contains("github.event.pull_request.head.repo.full_name != github.repository");
        assertThat(list(map(map(job.get("strategy")).get("matrix")).get("stack"))).containsExactlyElementsOf(STACKS);
        assertThat(job.get("steps").toString()).doesNotContain("azure/login").doesNotContain("pulumi login");
        var baseCheckout = uses(job, "actions/checkout").stream().filter(s -> s.get("with") != null).toList();
        assertThat(baseCheckout).singleElement().satisfies(s -> {
            assertThat(map(s.get("with")).get("path")).isEqualTo("base");
            assertThat(text(map(s.get("with")).get("ref"))).isEqualTo("${{ github.event.pull_request.base.sha }}");
        });
        assertThat(steps(job)).anyMatch(s -> "base".equals(s.get("working-directory"))
                && text(s.get("run")).contains("zt-platform.jar plan \"$STACK\""));
        assertThat(runs(job)).anyMatch(r -> r.contains("zt-platform.jar plan \"$STACK\" --diff \"base/plan/$STACK/plan.json\""));
        var comment = uses(job, "actions/github-script");
        assertThat(comment).singleElement().satisfies(s -> assertThat(text(map(s.get("with")).get("script")))
                .contains("plan/${stack}/diff.md").contains("updateComment").contains("createComment")
                .contains(PlanDiffMarkdown.marker("${stack}")));
    }

    // --- up.yml --------------------------------------------------------------------------------------------

    @Test
    void upDeploysMainDevThenProdBehindEnvironments() {
        var on = triggers(up);
        assertThat(list(map(on.get("push")).get("branches"))).containsExactly("main");
        assertThat(on).doesNotContainKeys("pull_request", "pull_request_target");
        assertThat(map(up.get("permissions"))).containsEntry("id-token", "write").containsEntry("contents", "read")
                .doesNotContainValue("write-all");
        assertCallsCi(job(up, "test"));
        var dev = job(up, "up-dev");
        var prod = job(up, "up-prod");
        assertThat(needs(dev)).containsExactly("test");
        assertThat(needs(prod)).containsExactly("up-dev");
        for (var stack : STACKS) {
            var job = stack.equals("dev") ? dev : prod;
            var environment = job.get("environment");
            assertThat(environment instanceof Map<?, ?> m ? m.get("name") : environment).as(stack + " environment").isEqualTo(stack);
            var concurrency = map(job.get("concurrency"));
            assertThat(text(concurrency.get("group"))).as(stack + " concurrency").endsWith(stack);
            assertThat(concurrency.get("cancel-in-progress")).as("never cancel a running up").isEqualTo(false);
            assertThat(text(map(job.get("env")).get("STACK"))).isEqualTo("${{ vars.PULUMI_STACK_PREFIX }}" + stack);
            deploysLikeThePlatformNeeds("up " + stack, job);
            assertThat(runs(job)).anyMatch(r -> r.contains("pulumi up --yes") && r.contains("--stack \"$STACK\"")
                    && r.contains("--policy-pack policy-pack"));
        }
    }

    /**
     * After each stack's `pulumi up`, its function package is deployed from inside the platform network with the
     * environment's OIDC identity: no publishing profile, no stored secret, no key.
     */
    @Test
    void upDeploysTheFunctionPackageAfterEachStackFromInsideTheNetwork() throws IOException {
        for (var stack : STACKS) {
            var job = job(up, "deploy-function-" + stack);
            assertThat(needs(job)).as(stack + ": after its pulumi up").containsExactly("up-" + stack);
            var environment = job.get("environment");
            assertThat(environment instanceof Map<?, ?> m ? m.get("name") : environment).as(stack + " environment").isEqualTo(stack);
            assertThat(text(job.get("runs-on"))).as(stack + ": a runner in the platform network, from a variable")
                    .contains("vars.FUNCTION_DEPLOY_RUNS_ON").contains("self-hosted").doesNotContain("ubuntu-latest");
            assertThat(map(job.get("concurrency")).get("cancel-in-progress")).isEqualTo(false);
            assertThat(text(map(job.get("env")).get("STACK"))).isEqualTo("${{ vars.PULUMI_STACK_PREFIX }}" + stack);
            var login = uses(job, "azure/login");
            assertThat(login).as(stack + ": OIDC sign-in").hasSize(1);
            assertThat(map(login.get(0).get("with"))).doesNotContainKeys("creds", "client-secret");
            assertThat(uses(job, "azure/webapps-deploy")).as("no publishing profile").isEmpty();
            assertThat(uses(job, "azure/functions-action")).as("zip deploy is refused for a package URL").isEmpty();
            assertThat(runs(job)).contains("bash .ci/deploy-function \"$STACK\"");
        }
        var script = Files.readString(workflows.getParent().getParent().resolve(".ci/deploy-function"));
        assertThat(script).as("Entra ID upload to the blob the app fetches").contains("az storage blob upload --auth-mode login")
                .contains("WEBSITE_RUN_FROM_PACKAGE").contains("syncfunctiontriggers").contains("az functionapp restart")
                .contains("pulumi stack output integrationFunctionAppId");
        assertThat(script.lines().filter(l -> !l.stripLeading().startsWith("#")))
                .as("no key, SAS or publishing credential, and no zip deploy to the SCM site")
                .noneMatch(l -> l.contains("--account-key") || l.contains("--sas-token") || l.contains("publish-profile")
                        || l.contains("config-zip") || l.contains("connection-string"));
    }

    // --- every file ----------------------------------------------------------------------------------------

    @Test
    void everyPreviewAndUpRunsThePolicyPack() {
        var command = Pattern.compile("pulumi\\s+(preview|up|update)\\b");
        var commands = new ArrayList<String>();
        for (var workflow : List.of(preview, up, ci)) {
            allRuns(workflow).forEach(run -> run.lines().filter(l -> command.matcher(l).find()).forEach(commands::add));
        }
        assertThat(commands).hasSize(3).allMatch(c -> c.contains("--policy-pack policy-pack"));
    }

    @Test
    void ciRunsTheReadmeTestCommand() {
        assertThat(runs(job(ci, "test"))).contains("bash .ci/run");
        assertThat(triggers(ci)).containsKey("workflow_call");
    }

    /** The test job of preview.yml and up.yml is ci.yml itself, so an event never runs the suite twice. */
    static void assertCallsCi(Map<String, Object> job) {
        assertThat(job.get("uses")).isEqualTo("./.github/workflows/ci.yml");
    }

    @Test
    void everyActionIsPinnedToAMajorVersion() {
        for (var workflow : List.of(ci, preview, up)) {
            map(workflow.get("jobs")).values().forEach(j -> steps(map(j)).stream().map(s -> s.get("uses"))
                    .filter(u -> u != null)
                    .forEach(u -> assertThat(u.toString()).matches("[\\w.-]+/[\\w.-]+@v\\d+")));
        }
    }
}
