// The real plans the Java build writes (../plan/<stack>/plan.json) must pass every mandatory policy.

import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { knownTemplateTypes, normalizeId, resourceKeys } from "../src/lib/armid";
import { evaluatePlan, overlay } from "../src/offline/evaluate";
import { allPolicies } from "../src/policies/all";
import { mandatory, PRODUCE_PLANS, realPlan, render } from "./helpers/run";

for (const stack of ["dev", "prod"]) {
    describe(`real ${stack} plan`, () => {
        it("has zero mandatory violations", async t => {
            const plan = realPlan(stack);
            const e = await evaluatePlan(plan);
            const advisory = e.violations.filter(v => v.enforcementLevel === "advisory");
            t.diagnostic(`${e.resourceCount} resources, ${e.policyCount} policies, ${advisory.length} advisory violation(s)`);
            for (const v of advisory) {
                t.diagnostic(`advisory: ${v.policy} ${v.name}: ${v.message}`);
            }
            assert.equal(e.resourceCount, plan.resources.length);
            assert.equal(e.policyCount, allPolicies.length);
            assert.deepEqual(mandatory(e.violations), [], `mandatory violations in plan/${stack}/plan.json:\n${render(mandatory(e.violations))}`);
        });

        it("is a complete, error-free plan", () => {
            const plan = realPlan(stack);
            assert.equal(plan.stack, stack);
            assert.deepEqual(plan.errors ?? [], [], `the Java plan reported errors: ${JSON.stringify(plan.errors)}`);
            assert.ok(plan.resources.length > 0, "the plan has no resources");
        });

        it("lets policies derive every resource's ARM id from its properties, as the engine gives no ids", () => {
            const plan = realPlan(stack);
            const known = new Set(knownTemplateTypes());
            let checked = 0;
            for (const r of plan.resources.filter(x => known.has(x.type) && x.id)) {
                const keys = resourceKeys(r.type, overlay(r.inputs ?? {}, r.mockComputed ?? {}));
                assert.ok(keys.includes(normalizeId(r.id)!), `${r.type} '${r.name}': derived ${JSON.stringify(keys)} but the plan id is ${r.id}`);
                checked++;
            }
            assert.ok(checked > 0);
        });
    });
}

describe("missing plans", () => {
    it("fail with instructions to produce them", () => {
        assert.throws(() => realPlan("no-such-stack"), (e: Error) =>
            /plan\/no-such-stack\/plan\.json is missing/.test(e.message) && e.message.includes(PRODUCE_PLANS));
    });
});
