// The pack's diagnosable types (src/policies/monitoring.ts) and the Java reference data the components and the plan
// test use (components/src/main/resources/.../common/diagnostic-log-categories.json) name the same ARM types.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DIAGNOSABLE, STORAGE_SERVICES } from "../src/policies/monitoring";
import { REPO_ROOT } from "./helpers/run";

const DATA = path.join(REPO_ROOT, "components", "src", "main", "resources", "com", "ztplatform", "components", "common",
    "diagnostic-log-categories.json");

describe("diagnosable types", () => {
    it("are the Java reference data's, storage services included", () => {
        const data = JSON.parse(fs.readFileSync(DATA, "utf8"));
        const java = Object.keys(data.diagnosable).map(t => t.toLowerCase()).sort();
        const pack = [...Object.values(DIAGNOSABLE),
            ...STORAGE_SERVICES.map(s => `Microsoft.Storage/storageAccounts/${s}`)].map(t => t.toLowerCase()).sort();
        assert.deepEqual(pack, java);
        assert.deepEqual(data.logsOn["Microsoft.Storage/storageAccounts"].subResources.map((s: string) => s.split("/")[0]).sort(),
            [...STORAGE_SERVICES].sort());
    });
});
