// Mutation suite: each entry of test/fixtures/mutations.ts breaks ONE zero-trust property in a deep copy of a real
// plan (completed by the scaffold where the plan lacks that kind of resource yet) and must be caught by the expected
// policy as a new mandatory violation.

import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluatePlan, Plan, Violation } from "../src/offline/evaluate";
import { MUTATIONS } from "./fixtures/mutations";
import { deepCopy, scaffold, Scaffolded } from "./fixtures/scaffold";
import { mandatory, realPlan, render } from "./helpers/run";

describe("mutation suite", () => {
    it("has at least 25 distinct misconfigurations", () => {
        assert.ok(MUTATIONS.length >= 25, `only ${MUTATIONS.length} mutations`);
        assert.equal(new Set(MUTATIONS.map(m => m.id)).size, MUTATIONS.length, "mutation ids must be unique");
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

            for (const m of MUTATIONS) {
                it(`catches: ${m.id} (${m.policy})`, async () => {
                    const before = await baselineKeys();
                    const plan = deepCopy(scaffoldOnce().plan);
                    m.apply(plan);
                    const e = await evaluatePlan(plan);
                    const fresh = e.violations.filter(v => !before.has(key(v)));
                    const hits = mandatory(fresh, m.policy);
                    assert.ok(hits.length > 0, `mutation '${m.id}' was not caught by ${m.policy}; new violations:\n${render(fresh)}`);
                });
            }
        });
    }
});
