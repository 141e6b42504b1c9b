#!/usr/bin/env node
// Offline policy check of plan.json files:
//   node dist/src/offline/cli.js [--config pack-config.json] [--json] [plan.json ...]
// Without plan arguments it checks <repo>/plan/*/plan.json. Prints a violation table and a one-line summary per
// plan; exits 1 when any mandatory violation exists, 2 when a plan or the config cannot be read, 0 otherwise.

import * as fs from "fs";
import * as path from "path";
import { countByLevel, Evaluation, evaluatePlan, loadPlan, PackConfig, PlanError, Violation } from "./evaluate";

const PACK_ROOT = path.resolve(__dirname, "..", "..", "..");
const REPO_ROOT = path.resolve(PACK_ROOT, "..");

function usage(): string {
    return "usage: zt-policy-evaluate [--config <pack-config.json>] [--json] [<plan.json> ...]\n"
        + "  default plans: <repo>/plan/*/plan.json; --config takes the same JSON as pulumi's --policy-pack-config";
}

/** Repo-relative when the file is inside the repository (plan/dev/plan.json), else as given. */
export function displayPath(file: string): string {
    const rel = path.relative(REPO_ROOT, path.resolve(file));
    return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}

function defaultPlans(): string[] {
    const dir = path.join(REPO_ROOT, "plan");
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs.readdirSync(dir).sort()
        .map(stack => path.join(dir, stack, "plan.json"))
        .filter(f => fs.existsSync(f));
}

function oneLine(s: string): string {
    return s.replace(/\s*\n\s*/g, " ").trim();
}

export function formatTable(violations: readonly Violation[]): string {
    const rows = violations.map(v => [
        v.policy,
        v.enforcementLevel,
        v.urn ? `${v.name} (${v.type})` : `(stack) ${v.name}`,
        oneLine(v.message),
    ]);
    const header = ["POLICY", "LEVEL", "RESOURCE", "MESSAGE"];
    const widths = [0, 1, 2].map(i => Math.max(header[i].length, ...rows.map(r => r[i].length)));
    const line = (r: string[]) => [0, 1, 2].map(i => r[i].padEnd(widths[i])).join("  ") + "  " + r[3];
    return [line(header), line(widths.map(w => "-".repeat(w)).concat("-------")), ...rows.map(line)].join("\n");
}

export function summary(file: string, e: Evaluation): string {
    const c = countByLevel(e.violations);
    return `policy pack: ${displayPath(file)}: ${c.mandatory} mandatory, ${c.advisory} advisory violations `
        + `(${e.resourceCount} resources, ${e.policyCount} policies)`;
}

export async function main(argv: string[], out: (s: string) => void = console.log,
    err: (s: string) => void = console.error): Promise<number> {
    const files: string[] = [];
    let configFile: string | undefined;
    let json = false;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--config") {
            configFile = argv[++i];
            if (!configFile) {
                err(usage());
                return 2;
            }
        } else if (a === "--json") {
            json = true;
        } else if (a === "-h" || a === "--help") {
            out(usage());
            return 0;
        } else if (a.startsWith("-")) {
            err(`unknown option ${a}\n${usage()}`);
            return 2;
        } else {
            files.push(a);
        }
    }
    const plans = files.length > 0 ? files : defaultPlans();
    if (plans.length === 0) {
        err(`no plan files given and none under ${path.join(REPO_ROOT, "plan")}. Produce them with: cd ${REPO_ROOT} && `
            + "mvn -B -q -DskipTests package && java -jar src/target/zt-platform.jar plan dev && "
            + "java -jar src/target/zt-platform.jar plan prod");
        return 2;
    }
    let config: PackConfig | undefined;
    if (configFile) {
        try {
            config = JSON.parse(fs.readFileSync(configFile, "utf8")) as PackConfig;
        } catch (e) {
            err(`cannot read policy config ${configFile}: ${(e as Error).message}`);
            return 2;
        }
    }
    let mandatory = 0;
    const results: { plan: string; evaluation: Evaluation }[] = [];
    for (const file of plans) {
        let evaluation: Evaluation;
        try {
            evaluation = await evaluatePlan(loadPlan(file), { config });
        } catch (e) {
            err(e instanceof PlanError ? `policy pack: ${e.message}` : `policy pack: ${displayPath(file)}: ${(e as Error).message}`);
            return 2;
        }
        results.push({ plan: displayPath(file), evaluation });
        mandatory += countByLevel(evaluation.violations).mandatory;
        if (!json) {
            if (evaluation.violations.length > 0) {
                out(formatTable(evaluation.violations));
            }
            out(summary(file, evaluation));
        }
    }
    if (json) {
        out(JSON.stringify(results.map(r => ({
            plan: r.plan, stack: r.evaluation.stack, resources: r.evaluation.resourceCount,
            policies: r.evaluation.policyCount, violations: r.evaluation.violations,
        })), null, 2));
    }
    return mandatory > 0 ? 1 : 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(code => {
        process.exitCode = code;
    }, e => {
        console.error(e);
        process.exitCode = 2;
    });
}
