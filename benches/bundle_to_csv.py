"""The leads of a bundle as CSV rows, one per lead, for the sqlite3 reference import.

Usage: python3 benches/bundle_to_csv.py BUNDLE.zip OUT.csv
"""

import csv
import json
import sys
import zipfile


def main(bundle: str, out: str) -> None:
    with zipfile.ZipFile(bundle) as z, open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "received_at", "channel", "campaign", "score", "interest", "account",
                    "kvk", "street", "postcode", "city", "contact", "email", "phone"])
        for line in z.read("leads.ndjson").splitlines():
            lead = json.loads(line)
            acc = lead["account"]
            addr = acc.get("address") or {}
            contact = lead.get("contact") or {}
            w.writerow([lead["id"], lead["received_at"], lead["source"]["channel"],
                        lead["source"].get("campaign", ""), lead.get("score", ""),
                        lead.get("interest", ""), acc["name"], acc.get("kvk") or "",
                        addr.get("street") or "", addr.get("postcode") or "",
                        addr.get("city") or "", contact.get("name") or "",
                        contact.get("email") or "", contact.get("phone") or ""])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
