// Mutation suite: each entry of test/fixtures/mutations.ts breaks ONE zero-trust property in a deep copy of a real
// plan (completed by the scaffold where the plan lacks that kind of resource yet) and must be caught by the expected
// policy as a new mandatory violation.

import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluatePlan, Plan, Violation } from "../src/offline/evaluate";
import { MUTATIONS } from "./fixtures/mutations";
import { deepCopy, scaffold, Scaffolded } from "./fixtures/scaffold";
import { mandatory, realPlan, render } from "./helpers/run";
import { asFirstPreview, withEngineUrns } from "./helpers/engine";
import { allPolicies } from "../src/policies/all";

const isResourcePolicy = (name: string) => allPolicies.some(p => p.name === name && "validateResource" in p);
// A mutation is judged only by its own policy's findings, and the policies are evaluated independently of one another,
// so each mutated plan is evaluated with that policy alone: the same verdict as the whole pack, in a fraction of the time.
const only = (name: string) => ({ policies: allPolicies.filter(p => p.name === name) });

describe("mutation suite", () => {
    it("has at least 120 distinct misconfigurations, each tagged with its class", t => {
        assert.ok(MUTATIONS.length >= 120, `only ${MUTATIONS.length} mutations`);
        assert.equal(new Set(MUTATIONS.map(m => m.id)).size, MUTATIONS.length, "mutation ids must be unique");
        const byClass = new Map<string, number>();
        for (const m of MUTATIONS) {
            assert.ok(m.cls, `mutation '${m.id}' has no class`);
            byClass.set(m.cls, (byClass.get(m.cls) ?? 0) + 1);
        }
        t.diagnostic([...byClass.entries()].map(([c, n]) => `${c}: ${n}`).join(", "));
        for (const cls of ["internet-any-spelling", "shared-paas-names", "route-effective", "nsg-public-inbound", "dbx-serverless-egress",
            "dbx-ncc-private-endpoints", "dbx-secret-scope", "dbx-compute-policy", "dbx-ip-access-list", "dbx-workspace-settings",
            "dbx-hardening", "role-assignments", "peerings", "spoke-dns", "diagnostics", "cmk", "dbx-unity-catalog",
            "deployment-identity"]) {
            assert.ok((byClass.get(cls) ?? 0) >= 2, `class ${cls} has fewer than two mutations`);
        }
    });

    for (const stack of ["dev", "prod"]) {
        describe(`on the real ${stack} plan`, () => {
            // Findings already in the real plan are reported by plans.test.ts; here only what the scaffold or a
            // mutation adds counts.
            const key = (v: Violation) => `${v.policy}|${v.urn}|${v.message}`;
            // Loaded lazily, inside a test, so that a missing plan fails that test with instructions, not the file.
            let real: Plan | undefined;
            let scaffolded: Scaffolded | undefined;
            const realOnce = () => (real ??= realPlan(stack));
            const scaffoldOnce = () => (scaffolded ??= scaffold(realOnce()));
            let baseline: Promise<Set<string>> | undefined;
            const baselineKeys = () => (baseline ??= evaluatePlan(scaffoldOnce().plan)
                .then(e => new Set(e.violations.map(key))));

            it("scaffolding adds no violation of any level to the real plan", async t => {
                const realEval = await evaluatePlan(realOnce());
                const { plan, injected } = scaffoldOnce();
                t.diagnostic(`injected where the real plan has none yet: ${injected.join("; ") || "nothing"}`);
                const realKeys = new Set(realEval.violations.map(key));
                const added = (await evaluatePlan(plan)).violations.filter(v => !realKeys.has(key(v)));
                assert.equal(added.length, 0, `scaffolding the ${stack} plan added violations:\n${render(added)}`);
            });

            for (const m of MUTATIONS.filter(x => !x.only || x.only.includes(stack))) {
                it(`catches [${m.cls}] ${m.id} (${m.policy})`, async () => {
                    const before = await baselineKeys();
                    const plan = deepCopy(scaffoldOnce().plan);
                    m.apply(plan);
                    const e = await evaluatePlan(plan, only(m.policy));
                    const fresh = e.violations.filter(v => !before.has(key(v)));
                    const hits = mandatory(fresh, m.policy);
                    assert.ok(hits.length > 0, `mutation '${m.id}' was not caught by ${m.policy}; new violations:\n${render(fresh)}`);
                });
            }
        });
    }

    // During `pulumi preview` ids of new resources and computed outputs are unknown. Resource policies are the gate
    // before deployment, so each of their mutations must still be refused; a stack policy may only skip the checks
    // that need an unknown value, and then must say so (the advisory "can't run ... during preview").
    for (const stack of ["dev", "prod"]) {
        it(`during a first preview of the ${stack} plan, resource policies still refuse their mutations`, async () => {
            const base = scaffold(withEngineUrns(realPlan(stack))).plan;
            const key = (v: Violation) => `${v.policy}|${v.urn}|${v.message}`;
            const before = new Set((await evaluatePlan(asFirstPreview(base))).violations.map(key));
            const missed: string[] = [];
            let resourceLevel = 0;
            for (const m of MUTATIONS.filter(x => !x.only || x.only.includes(stack))) {
                const plan = deepCopy(base);
                m.apply(plan);
                const e = await evaluatePlan(asFirstPreview(plan), only(m.policy));
                const fresh = e.violations.filter(v => !before.has(key(v)) && v.policy === m.policy);
                const caught = fresh.some(v => v.enforcementLevel === "mandatory");
                const said = e.violations.some(v => v.policy === m.policy && v.preview);
                if (isResourcePolicy(m.policy)) {
                    resourceLevel++;
                    if (!caught) {
                        missed.push(`[resource] ${m.id} (${m.policy})`);
                    }
                } else if (!caught && !said) {
                    missed.push(`[stack, silently passed] ${m.id} (${m.policy})`);
                }
            }
            assert.ok(resourceLevel >= 60, `only ${resourceLevel} mutations are decided by resource policies`);
            assert.deepEqual(missed, [], `missed during preview:\n${missed.join("\n")}`);
        });
    }
});
