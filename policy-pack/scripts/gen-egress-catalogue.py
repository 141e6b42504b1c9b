#!/usr/bin/env python3
"""Writes src/data/egress-catalogue.json: every exact FQDN the platform's egress catalogue lists
(components/catalogue/azure-facts.json, the same facts the firewall catalogue is built from: Databricks per-region endpoints, Fabric/OneLake, common egress). Policies accept
a name under a shared PaaS domain (*.blob.core.windows.net, *.database.azure.com, ...) only when it is listed here or
belongs to a resource of the stack. Wildcards and <placeholder> patterns are not taken over.

Usage: python3 scripts/gen-egress-catalogue.py [path/to/azure-facts.json]
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "components", "catalogue", "azure-facts.json")
FQDN = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")


def walk(value, out):
    if isinstance(value, str):
        v = value.strip().lower()
        if FQDN.match(v):
            out.add(v)
    elif isinstance(value, list):
        for x in value:
            walk(x, out)
    elif isinstance(value, dict):
        for k, x in value.items():
            # sources are documentation links, not egress destinations
            if k in ("source", "sources", "upstream", "url", "sourceSnapshot", "note", "notes"):
                continue
            walk(x, out)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("AZURE_FACTS", DEFAULT)
    with open(src) as fh:
        facts = json.load(fh)
    names = set()
    for key in ("databricksRegions", "databricksCommon", "fabric", "commonEgressFqdns"):
        walk(facts.get(key), names)
    out = {
        "generatedFrom": "components/catalogue/azure-facts.json (" + facts.get("meta", {}).get("generated", "?") + ")",
        "fqdns": sorted(names),
    }
    dest = os.path.join(HERE, "..", "src", "data", "egress-catalogue.json")
    with open(dest, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print(f"{len(names)} names -> {dest}")


if __name__ == "__main__":
    main()
