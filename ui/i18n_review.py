"""Which Chinese strings were translated from the English as it reads now.

``ui/catalogs/reviewed.json`` keeps, for every key, a short hash of the English text its
Chinese was last written or revisited against. When an English string changes, its hash no
longer matches and `tests/ui/test_i18n.py` names the key: revisit the Chinese, then record it:

    python -m ui.i18n_review KEY [KEY ...]      # these keys' Chinese matches their English
    python -m ui.i18n_review --prune            # forget keys no catalog has any more

``--all`` records every key at once (only when every translation was just revisited).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from ui.i18n import CATALOGS, DEFAULT_LANGUAGE

REVIEWED = Path(__file__).resolve().parent / "catalogs" / "reviewed.json"


def english_hash(text: str) -> str:
    """12 hex digits of the SHA-256 of the English text: enough to notice any edit."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def reviewed() -> dict[str, str]:
    return json.loads(REVIEWED.read_text(encoding="utf-8")) if REVIEWED.exists() else {}


def stale() -> dict[str, list[str]]:
    """{"changed": keys whose English changed since, "new": keys never reviewed, "gone": keys
    no catalog has}."""
    english, seen = CATALOGS[DEFAULT_LANGUAGE], reviewed()
    return {
        "changed": sorted(k for k in english if k in seen and seen[k] != english_hash(english[k])),
        "new": sorted(english.keys() - seen.keys()),
        "gone": sorted(seen.keys() - english.keys()),
    }


def _write(table: dict[str, str]) -> None:
    text = json.dumps(dict(sorted(table.items())), ensure_ascii=False, indent=1)
    REVIEWED.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.i18n_review", description=__doc__)
    parser.add_argument("keys", nargs="*", help="keys whose Chinese was revisited")
    parser.add_argument("--all", action="store_true", help="record every key")
    parser.add_argument("--prune", action="store_true", help="forget keys no catalog has")
    args = parser.parse_args(argv)
    english, table = CATALOGS[DEFAULT_LANGUAGE], reviewed()
    unknown = [k for k in args.keys if k not in english]
    if unknown:
        parser.error(f"no such key: {', '.join(unknown)}")
    for key in english if args.all else args.keys:
        table[key] = english_hash(english[key])
    if args.prune:
        table = {k: v for k, v in table.items() if k in english}
    _write(table)
    left = stale()
    print(f"{len(left['changed'])} changed and {len(left['new'])} new keys still to revisit")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
