// The offline evaluator mirrors @pulumi/policy's analyzer; the CLI prints and exits as documented; documented
// exceptions apply only when justified and unexpired.

import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import type { Policies, PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { main } from "../src/offline/cli";
import { evaluatePlan, loadPlan, Plan, PlanError, PlanResource } from "../src/offline/evaluate";
import { engineUrn, parseUrn, sameUrn, splitProviderRef } from "../src/lib/urn";
import { withEngineUrns } from "./helpers/engine";
import { allPolicies } from "../src/policies/all";
import { DEFAULT_ALLOWED_LOCATIONS } from "../src/policies/governance";
import * as f from "./fixtures/resources";
import { realPlan, realPlanPath, render, withInputs } from "./helpers/run";

/** The engine's marker for an unknown string during preview (@pulumi/policy proxy.js unknownStringValue). */
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const ctx = f.defaultCtx;
const sa = f.storageAccount(ctx, "sa", "ztpsa");
const publicSa = withInputs(sa, i => { i.publicNetworkAccess = "Enabled"; });

describe("evaluator mirrors the policy engine", () => {
    it("gives resource policies the inputs and stack policies the outputs, with resolved references", async () => {
        const seen: { resource?: ResourceValidationArgs; stack?: StackValidationArgs } = {};
        const child = f.resource(ctx, "azure-native:network:PublicIPAddress", "pip", { resourceGroupName: ctx.rg, publicIpAddressName: "pip" },
            { ipAddress: "203.0.113.9" });
        child.parent = sa.urn;
        child.dependencies = [sa.urn];
        child.propertyDependencies = { resourceGroupName: [sa.urn] };
        const policies: Policies = [
            { name: "r", description: "d", validateResource: args => { if (args.name === "pip") { seen.resource = args; } } },
            { name: "s", description: "d", validateStack: args => { seen.stack = args; } },
        ];
        await evaluatePlan(f.emptyPlan(ctx, [sa, child], { answer: 42 }), { policies });
        assert.equal(seen.resource?.props.ipAddress, undefined, "resource policies see inputs only");
        assert.equal(seen.resource?.opts.parent, sa.urn);
        assert.equal(seen.resource?.provider?.type, "pulumi:providers:azure-native");
        const pip = seen.stack!.resources.find(r => r.name === "pip") as PolicyResource;
        assert.equal(pip.props.ipAddress, "203.0.113.9", "stack policies see outputs");
        assert.equal(pip.parent?.name, "sa");
        assert.equal(pip.dependencies[0].name, "sa");
        assert.equal(pip.propertyDependencies.resourceGroupName[0].name, "sa");
        const stack = seen.stack!.resources.find(r => r.type === "pulumi:pulumi:Stack")!;
        assert.deepEqual({ ...stack.props }, { answer: 42 });
        assert.equal(sa.parent, stack.urn, "fixtures parent to the same Stack URN the evaluator builds");
    });

    it("awaits Promise-returning validations and falls back to the description for empty messages", async () => {
        const policies: Policies = [{
            name: "async", description: "the description", enforcementLevel: "mandatory",
            validateResource: async (args, report) => {
                await new Promise(r => setTimeout(r, 5));
                if (args.name === "sa") {
                    report("");
                }
            },
        }];
        const e = await evaluatePlan(f.emptyPlan(ctx, [sa]), { policies });
        assert.equal(e.violations.length, 1);
        assert.equal(e.violations[0].message, "the description");
        assert.equal(e.violations[0].urn, sa.urn);
    });

    it("resolves enforcement levels like the engine: config, then policy, then pack (advisory)", async () => {
        const plan = f.emptyPlan(ctx, [publicSa]);
        const levels = async (config?: Record<string, any>, packEnforcementLevel?: any) => {
            const e = await evaluatePlan(plan, {
                config, packEnforcementLevel,
                policies: [
                    { name: "p-default", description: "d", validateResource: (a, r) => { if (a.name === "sa") { r("x"); } } },
                    { name: "p-mandatory", description: "d", enforcementLevel: "mandatory", validateResource: (a, r) => { if (a.name === "sa") { r("x"); } } },
                ],
            });
            return Object.fromEntries(e.violations.map(v => [v.policy, v.enforcementLevel]));
        };
        assert.deepEqual(await levels(), { "p-default": "advisory", "p-mandatory": "mandatory" });
        assert.deepEqual(await levels(undefined, "mandatory"), { "p-default": "mandatory", "p-mandatory": "mandatory" });
        assert.deepEqual(await levels({ all: "advisory" }), { "p-default": "advisory", "p-mandatory": "advisory" });
        assert.deepEqual(await levels({ "p-mandatory": "disabled" }), { "p-default": "advisory" });
        assert.deepEqual(await levels({ "p-default": { enforcementLevel: "remediate" } }), { "p-default": "mandatory", "p-mandatory": "mandatory" });
    });

    it("skips notApplicable and fails the run on other exceptions", async () => {
        const na = await evaluatePlan(f.emptyPlan(ctx, [sa]), { policies: [
            { name: "na", description: "d", validateResource: args => args.notApplicable("not mine") },
        ] });
        assert.equal(na.violations.length, 0);
        assert.ok(na.notApplicable.some(n => n.policy === "na" && n.reason === "not mine"));
        await assert.rejects(evaluatePlan(f.emptyPlan(ctx, [sa]), { policies: [
            { name: "boom", description: "d", validateResource: () => { throw new Error("kaput"); } },
        ] }), /policy 'boom' failed on .*kaput/);
    });

    it("turns an unknown (preview) value into an advisory \"can't run\", as the engine does", async () => {
        const unknown = withInputs(sa, i => { i.publicNetworkAccess = UNKNOWN_STRING; });
        const e = await evaluatePlan(f.emptyPlan(ctx, [unknown]));
        const hits = e.violations.filter(v => v.policy === "storage-account-zero-trust");
        assert.equal(hits.length, 1);
        assert.equal(hits[0].enforcementLevel, "advisory");
        assert.match(hits[0].message, /can't run policy 'storage-account-zero-trust' from policy pack 'zt-databricks-zero-trust@v1\.0\.0' during preview: 1 check\(s\) skipped until the values are known \(the other checks ran\): publicNetworkAccess\/networkRuleSet \(string value at \.publicNetworkAccess/);
    });

    it("lets stack policies resolve references when computed names and types are unknown", async () => {
        const hide = (r: PlanResource) => ({ ...r, mockComputed: { name: UNKNOWN_STRING, type: UNKNOWN_STRING } });
        const saPe = f.privateEndpoint(ctx, "sa-pe", "ztp-sa-pe", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe", sa.id!, "blob");
        const zone = f.privateZone(ctx, "zone", "privatelink.blob.core.windows.net");
        const zg = f.dnsZoneGroup(ctx, "sa-pe-dns", "ztp-sa-pe", zone.id!);
        const e = await evaluatePlan(f.emptyPlan(ctx, [sa, saPe, zone, zg].map(hide)), {
            policies: allPolicies.filter(p => p.name === "private-endpoint-with-dns"),
        });
        assert.deepEqual(e.violations, []);
    });

    it("fills config defaults from the policy's configSchema, as the CLI does", async () => {
        let config: any;
        await evaluatePlan(f.emptyPlan(ctx, [sa]), { policies: [{ ...allPolicies.find(p => p.name === "allowed-regions")!,
            validateResource: (a: ResourceValidationArgs) => { config = a.getConfig(); } } as any] });
        assert.deepEqual(config, { exceptions: [], allowedLocations: DEFAULT_ALLOWED_LOCATIONS });
    });

    it("runs every policy of the pack and counts them", async () => {
        const e = await evaluatePlan(f.emptyPlan(ctx, [sa]));
        assert.equal(e.policyCount, allPolicies.length);
        assert.equal(new Set(allPolicies.map(p => p.name)).size, allPolicies.length, "policy names are unique");
    });

    it("rejects files that are not plans", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zt-plan-"));
        const file = path.join(dir, "plan.json");
        fs.writeFileSync(file, JSON.stringify({ schemaVersion: 2, resources: [] }));
        assert.throws(() => loadPlan(file), PlanError);
        assert.throws(() => loadPlan(path.join(dir, "missing.json")), /mvn -B -q -DskipTests package/);
    });
});

describe("documented exceptions", () => {
    const policy = "storage-account-zero-trust";
    const run = async (exception: Record<string, unknown>) => {
        const e = await evaluatePlan(f.emptyPlan(ctx, [publicSa]), { config: { [policy]: { exceptions: [exception] } } });
        return e.violations.filter(v => v.policy === policy);
    };
    const base = { policy, urn: publicSa.urn, justification: "Legacy partner SFTP ingest, ticket SEC-42; private endpoint by Q3" };

    it("a justified, unexpired exception waives the resource", async () => {
        assert.equal((await run(base)).length, 0);
        assert.equal((await run({ ...base, expires: "2999-12-31" })).length, 0);
    });

    it("does not apply without justification, once expired, or for another policy/URN", async () => {
        assert.match((await run({ ...base, justification: "  " }))[0].message, /exception for this resource was ignored: it has no justification/);
        assert.match((await run({ ...base, expires: "2001-01-01" }))[0].message, /ignored: it expired on 2001-01-01/);
        assert.ok((await run({ ...base, policy: "key-vault-zero-trust" })).length > 0);
        assert.ok((await run({ ...base, urn: `${publicSa.urn}-other` })).length > 0);
    });

    it("is declared in every policy's configSchema", () => {
        for (const p of allPolicies) {
            assert.ok(p.configSchema?.properties.exceptions, `${p.name} does not declare exceptions`);
        }
    });

    it("applies to stack-policy findings by the URN they report", async () => {
        const plan = f.emptyPlan(ctx, [sa]);
        const pol = "private-endpoint-with-dns";
        const without = await evaluatePlan(plan);
        assert.ok(without.violations.some(v => v.policy === pol && v.urn === sa.urn));
        const waived = await evaluatePlan(plan, { config: { [pol]: { exceptions: [{ policy: pol, urn: sa.urn, justification: "endpoint lives in the connectivity subscription" }] } } });
        assert.ok(!waived.violations.some(v => v.policy === pol));
    });
});

describe("engine URNs", () => {
    // The engine's URN for a component's child carries the component's type chain, never pulumi:pulumi:Stack.
    const ENGINE = "urn:pulumi:prod::zt-databricks::ztplatform:network:HubNetwork$azure-native:network:VirtualNetwork::hub-vnet";
    const LEGACY = "urn:pulumi:prod::zt-databricks::pulumi:pulumi:Stack$ztplatform:network:HubNetwork$azure-native:network:VirtualNetwork::hub-vnet";

    it("parses and normalises URNs the way the engine builds them", () => {
        assert.equal(engineUrn(LEGACY), ENGINE);
        assert.equal(engineUrn(ENGINE), ENGINE);
        assert.equal(engineUrn("urn:pulumi:prod::zt-databricks::pulumi:pulumi:Stack::zt-databricks-prod"),
            "urn:pulumi:prod::zt-databricks::pulumi:pulumi:Stack::zt-databricks-prod", "the stack's own URN keeps its type");
        assert.deepEqual(parseUrn(ENGINE)?.typeChain, ["ztplatform:network:HubNetwork", "azure-native:network:VirtualNetwork"]);
        assert.ok(sameUrn(ENGINE, LEGACY));
        assert.ok(!sameUrn(ENGINE, ENGINE.replace("hub-vnet", "spoke-vnet")));
        assert.deepEqual(splitProviderRef("urn:pulumi:prod::zt-databricks::pulumi:providers:databricks::dbx-account::0a1b-id"),
            { urn: "urn:pulumi:prod::zt-databricks::pulumi:providers:databricks::dbx-account", id: "0a1b-id" });
    });

    for (const stack of ["dev", "prod"]) {
        it(`an exception written against the engine URN waives the finding on the ${stack} plan, in either URN form`, async () => {
            const real = realPlan(stack);
            // break one resource-level and one stack-level property of a real component child
            const broken = (plan: Plan) => {
                const p = JSON.parse(JSON.stringify(plan)) as Plan;
                const nsg = p.resources.find(r => r.type === "azure-native:network:NetworkSecurityGroup" && /pe-nsg/.test(r.name))!;
                nsg.inputs!.securityRules.push({ name: "ssh", direction: "Inbound", access: "Allow", priority: 400, protocol: "Tcp",
                    sourceAddressPrefix: "203.0.113.0/24", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "22" });
                const diag = p.resources.find(r => r.type === "azure-native:insights:DiagnosticSetting" && /vaults/i.test(r.inputs?.resourceUri))!;
                p.resources = p.resources.filter(r => r !== diag);
                return { p, nsgUrn: nsg.urn, vaultUrn: p.resources.find(r => r.type === "azure-native:keyvault:Vault")!.urn };
            };
            for (const plan of [real, withEngineUrns(real)]) {
                const { p, nsgUrn, vaultUrn } = broken(plan);
                const found = (await evaluatePlan(p)).violations;
                assert.ok(found.some(v => v.policy === "nsg-no-inbound-from-internet" && v.urn === nsgUrn));
                assert.ok(found.some(v => v.policy === "diagnostic-settings-on-critical-resources" && v.urn === vaultUrn));
                const why = "break-glass access during the migration, ticket SEC-77";
                const config = {
                    "nsg-no-inbound-from-internet": { exceptions: [{ policy: "nsg-no-inbound-from-internet", urn: engineUrn(nsgUrn), justification: why }] },
                    "diagnostic-settings-on-critical-resources": { exceptions: [{ policy: "diagnostic-settings-on-critical-resources", urn: engineUrn(vaultUrn), justification: why }] },
                };
                assert.ok(engineUrn(nsgUrn).split("::")[2].startsWith("ztplatform:"), "a component child's engine URN starts with the component type");
                const waived = (await evaluatePlan(p, { config })).violations;
                assert.ok(!waived.some(v => v.policy === "nsg-no-inbound-from-internet" || v.policy === "diagnostic-settings-on-critical-resources"),
                    render(waived));
            }
        });
    }
});

describe("example config", () => {
    it("is a valid pack config: exceptions listed under the policy they name, known policies only", async () => {
        const file = path.resolve(__dirname, "..", "..", "examples", "policy-config.json");
        const config = JSON.parse(fs.readFileSync(file, "utf8"));
        for (const [name, entry] of Object.entries<any>(config)) {
            assert.ok(name === "all" || allPolicies.some(p => p.name === name), `unknown policy ${name}`);
            for (const ex of entry?.exceptions ?? []) {
                assert.equal(ex.policy, name);
                assert.ok(ex.justification && ex.urn);
            }
        }
        const e = await evaluatePlan(f.emptyPlan(ctx, [withInputs(sa, i => { i.location = "westeurope"; })]), { config });
        assert.equal(e.violations.filter(v => v.policy === "allowed-regions").length, 0);
    });
});

describe("CLI", () => {
    const cli = path.resolve(__dirname, "..", "src", "offline", "cli.js");

    it("prints a one-line summary for the real dev plan, exit code by its mandatory violations", async () => {
        const plan = realPlanPath("dev");
        assert.ok(fs.existsSync(plan), `missing ${plan}`);
        const r = spawnSync(process.execPath, [cli, plan], { encoding: "utf8" });
        const m = /^policy pack: plan\/dev\/plan\.json: (\d+) mandatory, \d+ advisory violations \((\d+) resources, (\d+) policies\)$/m
            .exec(r.stdout);
        assert.ok(m, `no summary line in:\n${r.stdout}${r.stderr}`);
        assert.equal(Number(m[2]), loadPlan(plan).resources.length);
        assert.equal(Number(m[3]), allPolicies.length);
        assert.equal(r.status, Number(m[1]) > 0 ? 1 : 0, "exit 1 exactly when there are mandatory violations");
        if (Number(m[1]) === 0) {
            assert.equal(r.stdout.trim().split("\n").length, 1, "a clean plan prints only the summary line");
        }
    });

    it("prints a violation table and exits 1 on mandatory violations", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zt-plan-"));
        const file = path.join(dir, "plan.json");
        fs.writeFileSync(file, JSON.stringify(f.emptyPlan(ctx, [publicSa])));
        const lines: string[] = [];
        const code = await main([file], s => lines.push(s), s => lines.push(s));
        assert.equal(code, 1);
        const out = lines.join("\n");
        assert.match(out, /POLICY\s+LEVEL\s+RESOURCE\s+MESSAGE/);
        assert.match(out, /storage-account-zero-trust\s+mandatory\s+sa \(azure-native:storage:StorageAccount\)\s+.*publicNetworkAccess 'Enabled'/);
        assert.match(out, /: [1-9]\d* mandatory, \d+ advisory violations \(1 resources, \d+ policies\)/);
    });

    it("honours --config (policy pack config JSON) and --json", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zt-plan-"));
        const file = path.join(dir, "plan.json");
        const cfg = path.join(dir, "config.json");
        fs.writeFileSync(file, JSON.stringify(f.emptyPlan(ctx, [publicSa])));
        fs.writeFileSync(cfg, JSON.stringify({ all: "advisory" }));
        const lines: string[] = [];
        assert.equal(await main(["--config", cfg, "--json", file], s => lines.push(s)), 0);
        const parsed = JSON.parse(lines.join("\n"));
        assert.ok(parsed[0].violations.length > 0);
        assert.ok(parsed[0].violations.every((v: any) => v.enforcementLevel === "advisory"));
    });

    it("exits 2 with instructions when a plan is missing", async () => {
        const lines: string[] = [];
        assert.equal(await main(["/nonexistent/plan.json"], s => lines.push(s), s => lines.push(s)), 2);
        assert.match(lines.join("\n"), /does not exist\. Produce it with: .*zt-platform\.jar plan dev/);
    });

    it("importing the policies does not start the analyzer server", () => {
        const all = path.resolve(__dirname, "..", "src", "policies", "all.js");
        const r = spawnSync(process.execPath, ["-e", `const a = require(${JSON.stringify(all)}); console.log(a.allPolicies.length)`],
            { encoding: "utf8", timeout: 20000 });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout.trim(), String(allPolicies.length), "only the count is printed: no gRPC port");
    });
});
