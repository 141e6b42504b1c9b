#!/usr/bin/env python3
"""Builds the shipped Azure Databricks egress catalogue from the reference facts (azure-facts.json here).

Usage:
    python3 build_egress_catalogue.py [path/to/azure-facts.json] [--out path/to/catalogue.json] [--check]

Defaults: azure-facts.json in this script's directory (components/catalogue), written to
../src/main/resources/com/ztplatform/components/firewall/databricks-egress-catalogue.json.
--check writes nothing and exits 1 when the shipped file differs from what would be generated.

Standard library only; the output is deterministic (sorted keys, 2-space indent, trailing newline).
See README.md in this directory for what each field status means.
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FACTS = os.path.join(HERE, "azure-facts.json")
# The repository path recorded in the catalogue's source.file (not an absolute path of this machine).
FACTS_IN_REPO = "components/catalogue/azure-facts.json"
DEFAULT_OUT = os.path.join(HERE, "..", "src", "main", "resources", "com", "ztplatform", "components", "firewall",
                           "databricks-egress-catalogue.json")

# The per-region fields carried into the catalogue (names as in azure-facts.json databricksRegions).
FIELDS = [
    "webappIps",
    "sccRelayFqdns",
    "sccRelayIps",
    "extendedInfrastructureIps",
    "legacyMetastoreFqdns",
    "artifactStoragePrimaryFqdns",
    "artifactStorageSecondaryFqdns",
    "logBlobStorageFqdns",
    "eventHubFqdns",
    "systemTablesStorageFqdns",
]

SOVEREIGN_PREFIXES = ("china", "usgov")

IP_DOMAIN_PAGE = "https://learn.microsoft.com/en-us/azure/databricks/resources/ip-domain-region"

# Package repositories: the concrete host names clients fetch from. Each must be listed in, or covered by a
# "*." wildcard of, the facts list named by "factsKey" unless it is in "extraHosts" (with its own source).
PACKAGE_REPOSITORIES = {
    "pypi": {
        "factsKey": "python",
        "hosts": ["pypi.org", "files.pythonhosted.org"],
        "extraHosts": {},
        "note": "pip reads the index at pypi.org and downloads distributions from files.pythonhosted.org "
                "(covered by *.pythonhosted.org in the SRA list); the wildcards themselves are not used",
    },
    "maven": {
        "factsKey": "mavenCentral",
        "hosts": ["repo1.maven.org", "repo.maven.apache.org"],
        "extraHosts": {},
        "note": "Maven Central under both of its host names; the SRA wildcards *.maven.org and "
                "*.maven.apache.org are not used",
    },
    "cran": {
        "factsKey": "r",
        "hosts": ["cran.r-project.org", "cloud.r-project.org"],
        "extraHosts": {
            "cloud.r-project.org": "https://cran.r-project.org/mirrors.html",
        },
        "note": "the CRAN master and its 0-Cloud CDN mirror (cloud.r-project.org, listed on the CRAN mirrors "
                "page, not in azure-facts.json); other mirrors need their own rule",
    },
    "sparkPackages": {
        "factsKey": "sparkPackages",
        "hosts": ["repos.spark-packages.org"],
        "extraHosts": {},
        "note": "the spark-packages.org Maven repository",
    },
}


def fail(message):
    sys.stderr.write("build_egress_catalogue: " + message + "\n")
    sys.exit(2)


def as_list(value):
    if value is None:
        return []
    if isinstance(value, list):
        return list(value)
    return [value]


def dedupe(values):
    seen = set()
    out = []
    for v in values:
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


def sources_of(fact):
    """Every source of a fact, in a stable order: source(s), then upstream, then alsoSeen."""
    out = []
    for key in ("source", "upstream", "alsoSeen"):
        out.extend(str(s) for s in as_list(fact.get(key)))
    return dedupe(out)


def mentions(flag, field):
    return re.search(r"(?<![A-Za-z])" + re.escape(field) + r"(?![A-Za-z])", flag) is not None


def is_fqdn_field(field):
    return field.endswith("Fqdns")


def build_field(entry, field, unverified_listed, flags):
    fact = entry.get(field)
    if not isinstance(fact, dict):
        fact = {}
    raw = [str(v).strip() for v in as_list(fact.get("value")) if v is not None and str(v).strip()]
    values = dedupe([v.lower() for v in raw] if is_fqdn_field(field) else raw)
    field_flags = [f for f in flags if mentions(f, field)]
    suspect = any(f.startswith("SUSPECT") for f in field_flags)

    if not values:
        status = "missing"
    elif fact.get("verified") is False or field in unverified_listed or suspect:
        status = "unverified"
    else:
        status = "verified"

    notes = []
    if fact.get("note"):
        notes.append(str(fact["note"]))
    notes.extend(field_flags)
    if status == "unverified" and not field_flags:
        # Region-wide doubts (like a suspected row shift in the source) explain a completeness flag.
        notes.extend(f for f in flags if f.startswith("SUSPECT"))

    sources = sources_of(fact)
    out = {"values": values, "status": status, "sources": sources}
    if fact.get("asOf"):
        out["asOf"] = str(fact["asOf"])
    if notes:
        out["note"] = "; ".join(dedupe(notes))
    if field == "systemTablesStorageFqdns" and status == "missing":
        candidate = entry.get("systemTablesStoragePatternCandidate") or {}
        if candidate.get("value"):
            out["candidate"] = str(candidate["value"]).strip().lower()
            out["candidateDerivation"] = str(candidate.get("derivation", ""))
    return out


def service_tag_region(region, entry):
    tags = (entry.get("serviceTags") or {}).get("value") or {}
    storage = tags.get("storage") or ""
    if not storage.startswith("Storage.") or len(storage) <= len("Storage."):
        fail("region %s has no serviceTags.value.storage like Storage.WestEurope" % region)
    return storage[len("Storage."):]


def is_public(region, entry):
    if region.startswith(SOVEREIGN_PREFIXES):
        return False
    return entry.get("cloud", "public") == "public"


def build_package_repositories(facts):
    common = facts.get("commonEgressFqdns") or {}
    sra = common.get("sraAllowedFqdnsComments") or {}
    lists = sra.get("value") or {}
    out = {}
    for name, spec in sorted(PACKAGE_REPOSITORIES.items()):
        listed = [str(v).lower() for v in as_list(lists.get(spec["factsKey"]))]
        if not listed:
            fail("commonEgressFqdns.sraAllowedFqdnsComments.value.%s is empty" % spec["factsKey"])
        sources = as_list(sra.get("source"))
        for host in spec["hosts"]:
            covered = host in listed or any(
                w.startswith("*.") and host.endswith(w[1:]) for w in listed)
            if host in spec["extraHosts"]:
                sources.append(spec["extraHosts"][host])
            elif not covered:
                fail("package repository %s: %s is not covered by %s" % (name, host, listed))
        out[name] = {
            "fqdns": list(spec["hosts"]),
            "listedInSource": listed,
            "sources": dedupe(sources),
            "note": spec["note"],
        }
    return out


def build_entra(facts):
    entra = ((facts.get("fabric") or {}).get("authentication") or {}).get("entraFqdns") or {}
    fqdns = [str(v).lower() for v in as_list(entra.get("value"))]
    if not fqdns:
        fail("fabric.authentication.entraFqdns.value is empty")
    out = {"fqdns": fqdns, "sources": sources_of(entra)}
    if entra.get("note"):
        out["note"] = str(entra["note"])
    return out


def build(facts, facts_label):
    meta = facts.get("meta") or {}
    version = meta.get("generated")
    if not version:
        fail("meta.generated is missing")
    completeness = meta.get("targetRegionCompleteness") or {}
    common = facts.get("databricksCommon") or {}
    ports = common.get("firewallPorts") or {}

    regions = {}
    for region, entry in sorted((facts.get("databricksRegions") or {}).items()):
        if not is_public(region, entry):
            continue
        unverified = set(as_list((entry.get("completeness") or {}).get("unverified")))
        unverified |= set(as_list((completeness.get(region) or {}).get("unverified")))
        flags = [str(f) for f in as_list(entry.get("flags"))]
        fields = {f: build_field(entry, f, unverified, flags) for f in FIELDS}
        out = {"serviceTagRegion": service_tag_region(region, entry), "fields": fields}
        if flags:
            out["flags"] = flags
        regions[region] = out

    return {
        "catalogueVersion": version,
        "source": {
            "file": facts_label,
            "generated": version,
            "generator": "components/catalogue/build_egress_catalogue.py",
            "upstream": IP_DOMAIN_PAGE,
            "conventions": meta.get("conventions", ""),
        },
        "ports": {"value": ports.get("value") or {}, "sources": as_list(ports.get("source"))},
        "commonSources": common.get("sources") or {},
        "entraId": build_entra(facts),
        "packageRepositories": build_package_repositories(facts),
        "regions": regions,
    }


def render(catalogue):
    return json.dumps(catalogue, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("facts", nargs="?", default=DEFAULT_FACTS, help="azure-facts.json")
    parser.add_argument("--out", default=DEFAULT_OUT, help="catalogue JSON to write")
    parser.add_argument("--check", action="store_true", help="only compare with the existing output")
    args = parser.parse_args()

    with open(args.facts, encoding="utf-8") as f:
        facts = json.load(f)
    catalogue = build(facts, FACTS_IN_REPO)
    text = render(catalogue)
    out = os.path.normpath(args.out)
    if args.check:
        try:
            with open(out, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            sys.stderr.write("%s is out of date; run python3 %s\n" % (out, os.path.relpath(__file__)))
            sys.exit(1)
        return
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s (%d regions, catalogue %s)" % (out, len(catalogue["regions"]), facts["meta"]["generated"]))


if __name__ == "__main__":
    main()
