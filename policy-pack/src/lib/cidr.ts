// IPv4 CIDR arithmetic for the few checks that need it (IP-group contents, "any" addresses).

export interface Cidr {
    base: number;
    length: number;
}

export function parseAddress(text: string): number | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
    if (!m) {
        return undefined;
    }
    const octets = m.slice(1).map(Number);
    if (octets.some(o => o > 255)) {
        return undefined;
    }
    return ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
}

/** Parses "10.0.0.0/24" or a bare address (a /32). */
export function parseCidr(text: unknown): Cidr | undefined {
    if (typeof text !== "string") {
        return undefined;
    }
    const [addr, len, ...rest] = text.trim().split("/");
    if (rest.length > 0) {
        return undefined;
    }
    const base = parseAddress(addr);
    const length = len === undefined ? 32 : Number(len);
    if (base === undefined || !Number.isInteger(length) || length < 0 || length > 32) {
        return undefined;
    }
    return { base: (base & mask(length)) >>> 0, length };
}

function mask(length: number): number {
    return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

/** True when inner lies completely inside outer. */
export function contains(outer: Cidr, inner: Cidr): boolean {
    return inner.length >= outer.length && ((inner.base & mask(outer.length)) >>> 0) === outer.base;
}

export function formatAddress(value: number): string {
    return [24, 16, 8, 0].map(s => (value >>> s) & 255).join(".");
}

/** The n-th address of a block (Azure gives a subnet's first dynamic IP configuration offset 4). */
export function addressAt(cidr: Cidr, offset: number): string {
    return formatAddress((cidr.base + offset) >>> 0);
}

const ANY_ADDRESS = new Set(["*", "any", "internet", "0.0.0.0/0", "0.0.0.0", "::/0", "<any>"]);

/** True for the spellings Azure accepts for "anything, anywhere": *, Any, Internet, 0.0.0.0/0, ::/0. */
export function isAnyAddress(value: unknown): boolean {
    return typeof value === "string" && ANY_ADDRESS.has(value.trim().toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Address sets: "the whole internet" however it is spelled.

/** An inclusive range of IPv4 addresses as numbers. */
export interface Range {
    start: number;
    end: number;
}

export function rangeOf(c: Cidr): Range {
    return { start: c.base, end: c.base + 2 ** (32 - c.length) - 1 };
}

/** Parses a CIDR, a bare address or an Azure IP-group/firewall range "a.b.c.d-e.f.g.h"; undefined otherwise. */
export function parseRange(text: unknown): Range | undefined {
    if (typeof text !== "string") {
        return undefined;
    }
    const t = text.trim();
    const dash = /^(\d{1,3}(?:\.\d{1,3}){3})\s*-\s*(\d{1,3}(?:\.\d{1,3}){3})$/.exec(t);
    if (dash) {
        const a = parseAddress(dash[1]);
        const b = parseAddress(dash[2]);
        return a !== undefined && b !== undefined && a <= b ? { start: a, end: b } : undefined;
    }
    const c = parseCidr(t);
    return c ? rangeOf(c) : undefined;
}

/** Sorted, merged union of ranges. */
export function union(ranges: readonly Range[]): Range[] {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    const out: Range[] = [];
    for (const r of sorted) {
        const last = out[out.length - 1];
        if (last && r.start <= last.end + 1) {
            last.end = Math.max(last.end, r.end);
        } else {
            out.push({ ...r });
        }
    }
    return out;
}

function size(ranges: readonly Range[]): number {
    return ranges.reduce((n, r) => n + (r.end - r.start + 1), 0);
}

function intersect(a: readonly Range[], b: readonly Range[]): Range[] {
    const out: Range[] = [];
    for (const x of a) {
        for (const y of b) {
            const s = Math.max(x.start, y.start);
            const e = Math.min(x.end, y.end);
            if (s <= e) {
                out.push({ start: s, end: e });
            }
        }
    }
    return union(out);
}

/**
 * Non-public IPv4 space: "this network" 0/8, RFC 1918, shared CGNAT 100.64/10, loopback, link-local, the IETF and
 * documentation blocks are still routed publicly so they stay public; multicast and reserved 224/3 are not unicast.
 * (IANA IPv4 Special-Purpose Address Registry, RFC 6890.)
 */
const NON_PUBLIC = union(["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.168.0.0/16", "224.0.0.0/3"].map(c => rangeOf(parseCidr(c)!)));

/** The public unicast IPv4 space. */
export const PUBLIC_SPACE: readonly Range[] = (() => {
    const out: Range[] = [];
    let next = 0;
    for (const r of NON_PUBLIC) {
        if (r.start > next) {
            out.push({ start: next, end: r.start - 1 });
        }
        next = r.end + 1;
    }
    if (next <= 0xffffffff) {
        out.push({ start: next, end: 0xffffffff });
    }
    return out;
})();

const PUBLIC_SIZE = size(PUBLIC_SPACE);

/** Share (0..1) of the public IPv4 space the ranges cover together. */
export function publicShare(ranges: readonly Range[]): number {
    return size(intersect(union(ranges), PUBLIC_SPACE)) / PUBLIC_SIZE;
}

/** True when the range contains any public address. */
export function touchesPublic(r: Range): boolean {
    return intersect([r], PUBLIC_SPACE).length > 0;
}

/** True when the range lies entirely in RFC 1918 space (10/8, 172.16/12, 192.168/16). */
export function isRfc1918(r: Range): boolean {
    return ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].some(c => {
        const x = rangeOf(parseCidr(c)!);
        return r.start >= x.start && r.end <= x.end;
    });
}

/**
 * A set of prefixes is "the internet" when its union covers at least this share of the public IPv4 space: 0.0.0.0/1 +
 * 128.0.0.0/1, the four /2s, or "everything but RFC 1918" all qualify, as does any single /1.
 */
export const INTERNET_SHARE = 0.25;

/**
 * Service tags that name infrastructure rather than a multi-tenant data service: fine as a source or destination.
 * Every other tag (Internet, AzureCloud, Storage[.Region], Sql, EventHub, AzureKeyVault, AzureMonitor, ...) stands for
 * address space that every Azure tenant's resources of that service share, so a rule to it reaches any customer's
 * resources there: an exfiltration path like 0.0.0.0/0. Only the base name counts ("Storage.WestEurope" is "Storage").
 * Tags: https://learn.microsoft.com/azure/virtual-network/service-tags-overview
 */
const INFRASTRUCTURE_TAGS = new Set(["virtualnetwork", "azureloadbalancer", "gatewaymanager", "azuredatabricks",
    "azureactivedirectory"]);

export type AddressKind = "any" | "shared-tag" | "tag" | "public" | "private" | "unparsed";

/** Classifies one address entry of a rule, route or NSG (CIDR, range, service tag or an "any" spelling). */
export function addressKind(value: unknown): AddressKind {
    if (typeof value !== "string" || value.trim().length === 0) {
        return "unparsed";
    }
    if (isAnyAddress(value)) {
        return "any";
    }
    const r = parseRange(value);
    if (r) {
        if (publicShare([r]) >= INTERNET_SHARE) {
            return "any";
        }
        return touchesPublic(r) ? "public" : "private";
    }
    if (/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(value.trim())) {
        return INFRASTRUCTURE_TAGS.has(value.trim().split(".")[0].toLowerCase()) ? "tag" : "shared-tag";
    }
    return "unparsed";
}

/** True when the entries, taken together, amount to the whole internet (or most of it). */
export function coversInternet(entries: readonly unknown[]): boolean {
    if (entries.some(e => isAnyAddress(e))) {
        return true;
    }
    const ranges = entries.map(parseRange).filter((r): r is Range => r !== undefined);
    return publicShare(ranges) >= INTERNET_SHARE;
}

export function formatRange(r: Range): string {
    // Render as a CIDR when it is one.
    const n = r.end - r.start + 1;
    const len = 32 - Math.log2(n);
    if (Number.isInteger(len) && (r.start % n) === 0) {
        return `${formatAddress(r.start)}/${len}`;
    }
    return `${formatAddress(r.start)}-${formatAddress(r.end)}`;
}
