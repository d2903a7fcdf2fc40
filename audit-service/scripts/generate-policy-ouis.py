#!/usr/bin/env python3
"""Fills the "ouis" lists of the default policy from the IEEE registry shipped by Debian's ieee-data.

For every vendor, each entry of "ouiOrganizations" names an organisation exactly as the registry spells
it; every MA-L, MA-M and MA-S block registered to that exact name is written to the vendor's "ouis" list
(grouped per organisation), and "ouiRegistry.date" is set to the registry snapshot's date. Exact names,
never substrings: "Shanghai Dahua Scale Factory" (MA-M 40:2C:76:1) is not Zhejiang Dahua Technology.

Usage: scripts/generate-policy-ouis.py [--registry-dir /usr/share/ieee-data] [--policy PATH]
Needs: apt-get install ieee-data
"""
import argparse
import csv
import datetime
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_POLICY = os.path.join(HERE, "..", "src", "main", "resources", "policy", "default-policy.json")
REGISTRY_FILES = ("oui.csv", "mam.csv", "oui36.csv")


def registry_date(registry_dir):
    """The snapshot date: ieee-data writes the download time (epoch seconds) to .lastupdate."""
    stamp = os.path.join(registry_dir, ".lastupdate")
    if os.path.exists(stamp):
        with open(stamp, encoding="ascii") as f:
            seconds = int(f.read().strip())
        return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date().isoformat()
    newest = max(os.path.getmtime(os.path.join(registry_dir, name)) for name in REGISTRY_FILES)
    return datetime.datetime.fromtimestamp(newest, datetime.timezone.utc).date().isoformat()


def colon_prefix(assignment):
    """'4419B6' -> '44:19:B6'; '402C761' -> '40:2C:76:1'; MA-S keeps its 9 hex digits the same way."""
    hex_digits = assignment.strip().upper()
    pairs = [hex_digits[i:i + 2] for i in range(0, len(hex_digits), 2)]
    return ":".join(pairs)


def read_registry(registry_dir):
    blocks = {}
    for name in REGISTRY_FILES:
        path = os.path.join(registry_dir, name)
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                organisation = row["Organization Name"].strip()
                blocks.setdefault(organisation, []).append((row["Registry"].strip(), colon_prefix(row["Assignment"])))
    return blocks


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--registry-dir", default="/usr/share/ieee-data")
    parser.add_argument("--policy", default=DEFAULT_POLICY)
    args = parser.parse_args()

    if not os.path.exists(os.path.join(args.registry_dir, "oui.csv")):
        sys.exit(f"{args.registry_dir}/oui.csv not found: install Debian's ieee-data (apt-get install ieee-data)")

    blocks = read_registry(args.registry_dir)
    with open(args.policy, encoding="utf-8") as f:
        policy = json.load(f)

    for vendor in policy["vendors"]:
        ouis = []
        for wanted in vendor.get("ouiOrganizations", []):
            found = sorted(blocks.get(wanted["organization"], []))
            if not found:
                sys.exit(f"{vendor['name']}: organisation {wanted['organization']!r} is not in the registry")
            for registry in sorted({r for r, _ in found}):
                ouis.append({
                    "organization": wanted["organization"],
                    "registry": registry,
                    "prefixes": [prefix for r, prefix in found if r == registry],
                })
        vendor["ouis"] = ouis
        print(f"{vendor['name']}: {sum(len(o['prefixes']) for o in ouis)} blocks", file=sys.stderr)

    policy["ouiRegistry"]["date"] = registry_date(args.registry_dir)
    with open(args.policy, "w", encoding="utf-8") as f:
        json.dump(policy, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
