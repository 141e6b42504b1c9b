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
