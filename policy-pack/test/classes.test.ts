// Generated tests for the classes the pack must recognise however they are spelled: address sets that add up to the
// internet, routes judged by longest prefix match, and names under shared PaaS domains. Inputs come from a seeded
// generator (deterministic); expected results come from independent brute-force computations, not from the code.

import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { coversInternet, formatAddress, INTERNET_SHARE, parseRange } from "../src/lib/cidr";
import { judgeExactName, judgeWildcard, SHARED_DOMAINS } from "../src/lib/egress";
import { addressProblems } from "../src/policies/firewall";
import { effectiveGaps, nsgRuleProblems } from "../src/policies/network";
import type { RouteInfo, Res } from "../src/lib/stackindex";

function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const PRIVATE_OR_RESERVED: [number, number][] = [
    ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
    ["192.168.0.0", 16], ["224.0.0.0", 3],
].map(([a, l]) => {
    const base = parseRange(`${a}/${l}`)!.start;
    return [base, base + 2 ** (32 - (l as number)) - 1];
});
const isPublic = (addr: number) => !PRIVATE_OR_RESERVED.some(([s, e]) => addr >= s && addr <= e);

/** A random partition of the whole IPv4 space into prefixes. */
function partition(rand: () => number, maxDepth: number): { base: number; length: number }[] {
    const out: { base: number; length: number }[] = [];
    const split = (base: number, length: number) => {
        if (length >= maxDepth || (length > 0 && rand() < 0.35)) {
            out.push({ base, length });
            return;
        }
        split(base, length + 1);
        split(base + 2 ** (32 - length - 1), length + 1);
    };
    split(0, 0);
    return out;
}

const cidr = (p: { base: number; length: number }) => `${formatAddress(p.base)}/${p.length}`;

/** Share of public addresses a list covers, by sampling (independent of the union arithmetic under test). */
function sampledShare(list: string[], rand: () => number): number {
    const ranges = list.map(parseRange).filter(r => r !== undefined) as { start: number; end: number }[];
    let pub = 0;
    let hit = 0;
    while (pub < 20000) {
        const a = Math.floor(rand() * 2 ** 32);
        if (!isPublic(a)) {
            continue;
        }
        pub++;
        if (ranges.some(r => a >= r.start && a <= r.end)) {
            hit++;
        }
    }
    return hit / pub;
}

describe("'the whole internet' in any spelling (generated)", () => {
    it("every partition of 0.0.0.0/0 is the internet, with or without its private parts, in any order", () => {
        for (let seed = 1; seed <= 150; seed++) {
            const rand = rng(seed);
            let parts = partition(rand, 2 + Math.floor(rand() * 9)).map(cidr);
            if (rand() < 0.5) {
                parts = parts.filter(c => { const r = parseRange(c)!; return isPublic(r.start) || isPublic(r.end); });
            }
            parts.sort(() => rand() - 0.5);
            assert.ok(coversInternet(parts), `seed ${seed}: ${parts.join(", ")}`);
            assert.ok(addressProblems(parts).some(p => /internet/.test(p)), `seed ${seed}: firewall destination not refused`);
            const rule = { name: "r", direction: "Inbound", access: "Allow", protocol: "Tcp", sourceAddressPrefixes: parts, destinationPortRange: "8443" };
            assert.ok(nsgRuleProblems("r", rule).some(p => /admits the internet/.test(p)), `seed ${seed}: NSG source not refused`);
        }
    });

    it("agrees with a sampled share of the public space on random prefix sets", () => {
        for (let seed = 1; seed <= 150; seed++) {
            const rand = rng(1000 + seed);
            const parts = partition(rand, 3 + Math.floor(rand() * 6)).map(cidr).filter(() => rand() < 0.45);
            const share = sampledShare(parts, rand);
            if (Math.abs(share - INTERNET_SHARE) < 0.03) {
                continue; // too close to the threshold for sampling to decide
            }
            assert.equal(coversInternet(parts), share >= INTERNET_SHARE, `seed ${seed}: sampled ${share.toFixed(3)} for ${parts.join(", ")}`);
        }
    });

    it("private and narrow public sets are not the internet", () => {
        for (const list of [["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], ["20.73.215.48/28"], ["203.0.113.0/24", "198.51.100.0/24"]]) {
            assert.ok(!coversInternet(list), list.join(", "));
        }
    });
});

describe("routes by longest prefix match (generated)", () => {
    const FW = "10.0.0.4";
    const owner = { type: "azure-native:network:RouteTable", name: "rt", urn: "urn", props: {}, keys: [] } as Res;
    const hops: [string, string | undefined][] = [["VirtualAppliance", FW], ["Internet", undefined], ["None", undefined],
        ["VirtualAppliance", "10.9.9.9"], ["VirtualNetworkGateway", undefined], ["VnetLocal", undefined]];
    const good = (r: RouteInfo) => r.nextHopType === "None" || (r.nextHopType === "VirtualAppliance" && r.nextHopIpAddress === FW);

    it("reports exactly the public addresses whose winning route does not end at the firewall", () => {
        for (let seed = 1; seed <= 120; seed++) {
            const rand = rng(5000 + seed);
            const routes: RouteInfo[] = [];
            const n = 1 + Math.floor(rand() * 7);
            for (let i = 0; i < n; i++) {
                const length = rand() < 0.2 ? 0 : Math.floor(rand() * 25);
                const base = Math.floor(rand() * 2 ** 32);
                const c = parseRange(`${formatAddress(base)}/${length}`)!;
                const [type, ip] = hops[Math.floor(rand() * hops.length)];
                routes.push({ name: `r${i}`, addressPrefix: `${formatAddress(c.start)}/${length}`, nextHopType: type, nextHopIpAddress: ip, owner });
            }
            const gaps = effectiveGaps(routes, good);
            const inGap = (a: number) => gaps.some(g => g.ranges.some(r => a >= r.start && a <= r.end));
            for (let k = 0; k < 3000; k++) {
                const a = Math.floor(rand() * 2 ** 32);
                if (!isPublic(a)) {
                    continue;
                }
                // brute force: the longest matching prefix wins; no match means Azure's system route to the internet
                let best: RouteInfo | undefined;
                let bestLen = -1;
                for (const r of routes) {
                    const c = parseRange(r.addressPrefix)!;
                    const len = Number(r.addressPrefix!.split("/")[1]);
                    if (a >= c.start && a <= c.end && len > bestLen) {
                        best = r;
                        bestLen = len;
                    }
                }
                const bypass = !best || !good(best);
                assert.equal(inGap(a), bypass, `seed ${seed}, ${formatAddress(a)}: routes ${routes.map(r => `${r.addressPrefix}->${r.nextHopType}`).join(", ")}`);
            }
        }
    });
});

describe("names under shared PaaS domains (generated)", () => {
    const labels = ["a", "ztp", "exfil01", "x-y", "prod2", "lake"];
    it("any wildcard inside or above a shared domain is refused; exact names need the catalogue or the stack", () => {
        const rand = rng(77);
        for (const d of SHARED_DOMAINS) {
            const l = labels[Math.floor(rand() * labels.length)];
            for (const w of [`*.${d}`, `*${l}.${d}`, `${l}*.${d}`, `*.${l}.${d}`, `*.${d.split(".").slice(1).join(".")}`]) {
                if (w === "*." || w.endsWith("*.")) {
                    continue;
                }
                assert.ok(!judgeWildcard(w).ok, `${w} should be refused`);
            }
            const exact = `${l}${Math.floor(rand() * 1000)}.${d}`;
            assert.ok(!judgeExactName(exact, new Set()).ok, `${exact} is nobody's we know`);
            assert.ok(judgeExactName(exact, new Set([exact])).ok, `${exact} is the stack's own`);
        }
    });

    it("wildcards over domains no tenant shares, and catalogued names, pass", () => {
        for (const w of ["*.pythonhosted.org", "*.maven.apache.org", "*.contoso.com"]) {
            assert.ok(judgeWildcard(w).ok, w);
        }
        for (const n of ["dblogprodwesteurope.blob.core.windows.net", "consolidated-westeurope-prod-metastore.mysql.database.azure.com",
            "login.microsoftonline.com"]) {
            assert.ok(judgeExactName(n, new Set()).ok, n);
        }
    });
});
