package com.ztplatform.stack.reports;

import com.ztplatform.stack.reports.ComplianceReport.Control;
import com.ztplatform.stack.reports.ComplianceReport.Verdict;
import com.ztplatform.stack.reports.Evidence.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ztplatform.stack.reports.TestPlans.plan;
import static com.ztplatform.stack.reports.TestPlans.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ComplianceReportTest {
    private static final String GOOD_VAULT = """
            {"vaultName": "kv", "properties": {"enableRbacAuthorization": true, "enablePurgeProtection": true,
             "enableSoftDelete": true, "softDeleteRetentionInDays": 90, "publicNetworkAccess": "Disabled",
             "networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices"}}}""";

    private static Evidence rule(String id, com.google.gson.JsonObject plan) {
        return EvidenceRules.evaluate(id, PlanModel.parse(plan));
    }

    @Test
    void aPrivateRbacVaultMeetsTheKeyVaultRuleAndEachBrokenPropertyIsNamed() {
        var good = resource(EvidenceRules.VAULT, "kv", GOOD_VAULT);
        assertThat(rule("key-vault-private-rbac", plan(good)).status()).isEqualTo(Status.MET);

        var open = resource(EvidenceRules.VAULT, "kv", GOOD_VAULT.replace("\"publicNetworkAccess\": \"Disabled\"",
                "\"publicNetworkAccess\": \"Enabled\""));
        var e = rule("key-vault-private-rbac", plan(open));
        assertThat(e.status()).isEqualTo(Status.NOT_MET);
        assertThat(e.problems()).containsExactly("kv: properties.publicNetworkAccess is \"Enabled\"");

        var retention = resource(EvidenceRules.VAULT, "kv", GOOD_VAULT.replace("\"softDeleteRetentionInDays\": 90",
                "\"softDeleteRetentionInDays\": 120"));
        assertThat(rule("key-vault-private-rbac", plan(retention)).problems()).singleElement().asString()
                .contains("softDeleteRetentionInDays is 120, not 7-90");
    }

    @Test
    void aRuleWithNothingToLookAtIsNotApplicableNotMet() {
        assertThat(rule("key-vault-private-rbac", plan()).status()).isEqualTo(Status.NOT_APPLICABLE);
        // IDPS exists only on Premium: a Standard policy is not judged on it.
        var standard = resource(EvidenceRules.FIREWALL_POLICY, "fp", "{\"sku\": {\"tier\": \"Standard\"}, \"threatIntelMode\": \"Deny\"}");
        assertThat(rule("firewall-idps-deny", plan(standard)).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(rule("firewall-threat-intel-deny", plan(standard)).status()).isEqualTo(Status.MET);
    }

    @Test
    void threatIntelFailsOnAlertAndOnAnAllowlistThatSumsToTheInternet() {
        var alert = resource(EvidenceRules.FIREWALL_POLICY, "fp", "{\"sku\": {\"tier\": \"Premium\"}, \"threatIntelMode\": \"Alert\"}");
        assertThat(rule("firewall-threat-intel-deny", plan(alert)).problems()).containsExactly("fp: threatIntelMode is \"Alert\" (tier Premium)");
        var halves = resource(EvidenceRules.FIREWALL_POLICY, "fp", """
                {"threatIntelMode": "Deny", "threatIntelWhitelist": {"ipAddresses": ["0.0.0.0/1", "128.0.0.0/1"]}}""");
        assertThat(rule("firewall-threat-intel-deny", plan(halves)).status()).isEqualTo(Status.NOT_MET);
        // Basic supports Alert only: the pack skips it, so does the rule.
        var basic = resource(EvidenceRules.FIREWALL_POLICY, "fp", "{\"sku\": {\"tier\": \"Basic\"}, \"threatIntelMode\": \"Alert\"}");
        assertThat(rule("firewall-threat-intel-deny", plan(basic)).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void coversInternetCountsTheUnionOfPrefixes() {
        assertThat(EvidenceRules.coversInternet(List.of("0.0.0.0/1", "128.0.0.0/1"))).isTrue();
        assertThat(EvidenceRules.coversInternet(List.of("Any"))).isTrue();
        assertThat(EvidenceRules.coversInternet(List.of("10.0.0.0/8", "10.0.0.0/8"))).isFalse();
        // 0.0.0.0/2 + 64.0.0.0/2 is exactly half of IPv4: the threshold is inclusive.
        assertThat(EvidenceRules.coversInternet(List.of("0.0.0.0/2", "64.0.0.0/2"))).isTrue();
        assertThat(EvidenceRules.coversInternet(List.of("0.0.0.0/2", "0.0.0.0/3"))).isFalse();
    }

    private static Evidence ev(String id, Status status) {
        return new Evidence(id, "", status, List.of(), status == Status.NOT_MET ? List.of(id + ": broken") : List.of());
    }

    @Test
    void verdictsFollowTheRulesAndTheControlsCoverage() {
        var full = new Control("ISO27001", "A.8.15", "Logging", List.of("a", "b"), true, "");
        var partial = new Control("NIS2", "Art. 21(2)(b)", "Incident handling", List.of("a", "b"), false, "processes");
        assertThat(ComplianceReport.judge(full, List.of(ev("a", Status.MET), ev("b", Status.MET))).verdict()).isEqualTo(Verdict.MET);
        assertThat(ComplianceReport.judge(partial, List.of(ev("a", Status.MET), ev("b", Status.MET))).verdict())
                .isEqualTo(Verdict.PARTLY_MET);
        var half = ComplianceReport.judge(full, List.of(ev("a", Status.MET), ev("b", Status.NOT_MET)));
        assertThat(half.verdict()).isEqualTo(Verdict.PARTLY_MET);
        assertThat(half.reason()).isEqualTo("not met: b (b: broken)");
        assertThat(ComplianceReport.judge(full, List.of(ev("a", Status.NOT_MET), ev("b", Status.NOT_MET))).verdict())
                .isEqualTo(Verdict.NOT_MET);
        // Not applicable rules neither help nor hurt; a control with nothing applicable has no evidence.
        assertThat(ComplianceReport.judge(full, List.of(ev("a", Status.MET), ev("b", Status.NOT_APPLICABLE))).verdict())
                .isEqualTo(Verdict.MET);
        var none = ComplianceReport.judge(partial, List.of());
        assertThat(none.verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(none.reason()).isEqualTo("no evidence in the plan: processes");
    }

    @Test
    void theMappingCoversTheThreeFrameworksWithSourcesAndKnownRules() {
        var mapping = ComplianceReport.mapping();
        assertThat(mapping.sources().keySet()).containsExactly("NIS2", "ISO27001", "AIACT");
        mapping.sources().values().forEach(s -> assertThat(s[1]).startsWith("https://"));
        var nis2 = mapping.controls().stream().filter(c -> c.framework().equals("NIS2")).map(Control::ref).toList();
        assertThat(nis2).containsExactly("Art. 21(2)(a)", "Art. 21(2)(b)", "Art. 21(2)(c)", "Art. 21(2)(d)", "Art. 21(2)(e)",
                "Art. 21(2)(f)", "Art. 21(2)(g)", "Art. 21(2)(h)", "Art. 21(2)(i)", "Art. 21(2)(j)");
        assertThat(mapping.controls()).filteredOn(c -> c.framework().equals("AIACT")).extracting(Control::ref)
                .containsExactly("Art. 12", "Art. 15");
        assertThat(mapping.controls()).filteredOn(c -> c.framework().equals("ISO27001"))
                .allSatisfy(c -> assertThat(c.ref()).matches("A\\.[5-8]\\.\\d+"));
        assertThat(mapping.controls()).allSatisfy(c -> {
            c.rules().forEach(r -> assertThat(EvidenceRules.ids()).contains(r));
            if (!c.fullCoverage()) {
                assertThat(c.gap()).as(c.id() + " is partial: it must say what is outside the plan").isNotBlank();
            }
        });
        // Every rule is used by some control: no dead evidence.
        assertThat(mapping.controls().stream().flatMap(c -> c.rules().stream()).distinct())
                .containsExactlyInAnyOrderElementsOf(EvidenceRules.ids());
    }

    @Test
    void onTheRealPlansTheVerdictsFollowTheStackConfig() {
        var dev = TestPlans.realModel("dev");
        var prod = TestPlans.realModel("prod");
        // Pulumi.dev.yaml: logs.retentionInDays 30 (< six months); prod: 365.
        assertThat(EvidenceRules.evaluate("log-retention-six-months", dev).problems())
                .containsExactly("logs-law: retentionInDays=30: logs are kept less than six months (183 days)");
        assertThat(EvidenceRules.evaluate("log-retention-six-months", prod).status()).isEqualTo(Status.MET);
        // dev: firewall Standard (no IDPS), serverless enforcement DRY_RUN; prod: Premium with idpsMode Deny, ENFORCED.
        assertThat(EvidenceRules.evaluate("firewall-idps-deny", dev).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(EvidenceRules.evaluate("firewall-idps-deny", prod).status()).isEqualTo(Status.MET);
        assertThat(EvidenceRules.evaluate("serverless-egress-enforced", dev).status()).isEqualTo(Status.NOT_MET);
        assertThat(EvidenceRules.evaluate("serverless-egress-enforced", prod).status()).isEqualTo(Status.MET);
        // prod's firewall has zones 1-2-3 and a VPN gateway with Entra ID only (Pulumi.prod.yaml hub.vpn).
        assertThat(EvidenceRules.evaluate("operator-access-private", prod).evidence())
                .contains("hub-vpngw: P2S VPN with Entra ID only");
        // The policy pack passes both plans: every rule tied to a policy is met or not applicable.
        for (var plan : List.of(dev, prod)) {
            EvidenceRules.ids().stream().filter(id -> !EvidenceRules.policyOf(id).isEmpty())
                    .forEach(id -> assertThat(EvidenceRules.evaluate(id, plan).status()).as(plan.stack() + " " + id)
                            .isNotEqualTo(Status.NOT_MET));
        }
        var results = ComplianceReport.evaluate(dev);
        var logging = results.stream().filter(r -> r.control().id().equals("ISO27001 A.8.15")).findFirst().orElseThrow();
        assertThat(logging.verdict()).as(logging.reason()).isNotEqualTo(Verdict.MET);
        var render = ComplianceReport.render(dev);
        assertThat(render).startsWith("# Compliance evidence: `dev`").contains("| control | verdict | reason |")
                .isEqualTo(ComplianceReport.render(TestPlans.realModel("dev")));
    }
}
