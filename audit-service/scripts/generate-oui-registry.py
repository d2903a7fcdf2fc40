#!/usr/bin/env python3
"""Regenerates every shipped copy of the IEEE MAC registry from one source: the policy's OUI blocks and the
scanner's registry snapshot.

Sources (public IEEE data, MA-L, MA-M and MA-S):
  --oui-data FILE   the npm package oui-data: its package/index.json, or the packed oui-data-X.Y.Z.tgz
                    (`npm pack oui-data@2.1.9`); keys are 6, 7 or 9 hex digits, values "Organisation\\naddress...".
                    The JSON carries no date: give --date (the package's publish date, `npm view oui-data time`).
  --ieee-dir DIR    the IEEE CSV files oui.csv, mam.csv, oui36.csv (Debian's ieee-data, /usr/share/ieee-data);
                    the date is .lastupdate beside them unless --date is given.

Writes:
  - audit-service/src/main/resources/policy/default-policy.json: for every vendor, each entry of "ouiOrganizations"
    names an organisation exactly as the registry spells it; every block registered to that exact name goes to the
    vendor's "ouis" list (grouped per organisation and registry), and "ouiRegistry" gets the date and source.
    Exact names, never substrings: "Shanghai Dahua Scale Factory" (MA-M 40:2C:76:1) is not Zhejiang Dahua Technology.
  - scanner/src/main/resources/oui/ieee-oui.tsv.gz: every assignment as "HEX<TAB>organisation" (6, 7 or 9 hex
    digits, longest prefix wins), headed by "# registry-date:" and "# source:" lines.

Usage: scripts/generate-oui-registry.py --oui-data oui-data-2.1.9.tgz --date 2026-08-26
"""
import argparse
import csv
import datetime
import gzip
import io
import json
import os
import re
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_POLICY = os.path.join(REPO, "audit-service", "src", "main", "resources", "policy", "default-policy.json")
DEFAULT_SCANNER = os.path.join(REPO, "scanner", "src", "main", "resources", "oui", "ieee-oui.tsv.gz")
IEEE_FILES = ("oui.csv", "mam.csv", "oui36.csv")
REGISTRY_BY_LENGTH = {6: "MA-L", 7: "MA-M", 9: "MA-S"}


def read_oui_data(path):
    """{hex: organisation} from oui-data's index.json, or from the index.json inside its packed .tgz."""
    if path.endswith((".tgz", ".tar.gz")):
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile("package/index.json")
            if member is None:
                sys.exit(f"{path} holds no package/index.json")
            raw = json.load(io.TextIOWrapper(member, encoding="utf-8"))
    else:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    assignments = {}
    for key, value in raw.items():
        if not re.fullmatch(r"[0-9A-Fa-f]{6}|[0-9A-Fa-f]{7}|[0-9A-Fa-f]{9}", key) or not isinstance(value, str):
            sys.exit(f"{path}: unexpected entry {key!r}; is this oui-data's index.json?")
        assignments[key.upper()] = organisation_name(value.split("\n", 1)[0])
    return assignments


def read_ieee_dir(registry_dir):
    assignments = {}
    for name in IEEE_FILES:
        with open(os.path.join(registry_dir, name), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                assignments[row["Assignment"].strip().upper()] = organisation_name(row["Organization Name"])
    return assignments


def organisation_name(text):
    return re.sub(r"[\t\r\n]+", " ", text).strip()


def ieee_dir_date(registry_dir):
    """ieee-data writes the download time (epoch seconds) to .lastupdate."""
    with open(os.path.join(registry_dir, ".lastupdate"), encoding="ascii") as f:
        seconds = int(f.read().strip())
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date().isoformat()


def colon_prefix(hex_digits):
    """'4419B6' -> '44:19:B6'; '402C761' -> '40:2C:76:1'; MA-S keeps its 9 hex digits the same way."""
    return ":".join(hex_digits[i:i + 2] for i in range(0, len(hex_digits), 2))


def update_policy(policy_path, assignments, date, source):
    by_organisation = {}
    for hex_digits, organisation in assignments.items():
        by_organisation.setdefault(organisation, []).append((REGISTRY_BY_LENGTH[len(hex_digits)], colon_prefix(hex_digits)))
    with open(policy_path, encoding="utf-8") as f:
        policy = json.load(f)
    for vendor in policy["vendors"]:
        ouis = []
        for wanted in vendor.get("ouiOrganizations", []):
            found = sorted(by_organisation.get(wanted["organization"], []))
            if not found:
                sys.exit(f"{vendor['name']}: organisation {wanted['organization']!r} is not in the registry")
            for registry in sorted({r for r, _ in found}):
                ouis.append({"organization": wanted["organization"], "registry": registry,
                             "prefixes": [prefix for r, prefix in found if r == registry]})
        vendor["ouis"] = ouis
        print(f"{vendor['name']}: {sum(len(o['prefixes']) for o in ouis)} blocks", file=sys.stderr)
    policy["ouiRegistry"]["date"] = date
    policy["ouiRegistry"]["source"] = source + ", generated by audit-service/scripts/generate-oui-registry.py"
    with open(policy_path, "w", encoding="utf-8") as f:
        json.dump(policy, f, ensure_ascii=False, indent=2)
        f.write("\n")


def write_scanner_registry(path, assignments, date, source):
    lines = ["# IEEE MA-L, MA-M and MA-S registry (public domain), written by audit-service/scripts/generate-oui-registry.py",
             f"# source: {source}", f"# registry-date: {date}"]
    lines += [f"{hex_digits}\t{assignments[hex_digits]}" for hex_digits in sorted(assignments)]
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"scanner registry: {len(assignments)} assignments", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source_group = parser.add_mutually_exclusive_group(required=True)
    source_group.add_argument("--oui-data", metavar="FILE", help="oui-data's index.json or packed .tgz")
    source_group.add_argument("--ieee-dir", metavar="DIR", help="directory with the IEEE oui.csv, mam.csv, oui36.csv")
    parser.add_argument("--date", help="registry date (YYYY-MM-DD); required with --oui-data")
    parser.add_argument("--policy", default=DEFAULT_POLICY)
    parser.add_argument("--scanner-registry", default=DEFAULT_SCANNER)
    args = parser.parse_args()

    if args.date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date):
        sys.exit(f"--date {args.date!r}: expected YYYY-MM-DD")
    if args.oui_data:
        if args.date is None:
            sys.exit("oui-data carries no date: give --date, the package's publish date (npm view oui-data time)")
        assignments = read_oui_data(args.oui_data)
        version = re.search(r"(\d+\.\d+\.\d+)", os.path.basename(args.oui_data))
        source = ("IEEE MA-L/MA-M/MA-S registry as packaged by npm oui-data"
                  + (f" {version.group(1)}" if version else "") + " (index.json; BSD-2-Clause packaging of public IEEE data)")
        date = args.date
    else:
        assignments = read_ieee_dir(args.ieee_dir)
        source = f"IEEE MA-L/MA-M/MA-S registry CSV files ({args.ieee_dir}/oui.csv, mam.csv, oui36.csv; public domain)"
        date = args.date or ieee_dir_date(args.ieee_dir)

    update_policy(args.policy, assignments, date, source)
    write_scanner_registry(args.scanner_registry, assignments, date, source)


if __name__ == "__main__":
    main()
