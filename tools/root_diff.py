#!/usr/bin/env python3
"""List, per gold document, the gold root codes and dyad's root codes where they differ.

usage: tools/root_diff.py GOLD.jsonl EVENTS.jsonl [--all]
Prints one block per document whose root sets differ (every document with --all):
id, gold roots, dyad roots, misses (gold not coded), false alarms (coded, not gold),
the text, and dyad's events (source target code). Ends with the counts of misses and
false alarms by root. The kinds of error are judged by reading the blocks.
"""
import collections
import json
import sys


def load_events(path):
    by_doc = collections.defaultdict(list)
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if "code" in event:
            by_doc[str(event.get("doc", ""))].append(event)
    return by_doc


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    show_all = "--all" in argv
    events = load_events(argv[2])
    misses = collections.Counter()
    alarms = collections.Counter()
    for line in open(argv[1], encoding="utf-8"):
        gold = json.loads(line)
        doc = str(gold["id"])
        gold_roots = {str(e["code"])[:2] for e in gold["events"]}
        got = events.get(doc, [])
        got_roots = {str(e["code"])[:2] for e in got}
        miss = gold_roots - got_roots
        alarm = got_roots - gold_roots
        misses.update(miss)
        alarms.update(alarm)
        if not (miss or alarm or show_all):
            continue
        print(f"== {doc} gold {sorted(gold_roots)} dyad {sorted(got_roots)}"
              f" miss {sorted(miss)} false {sorted(alarm)}")
        print("   " + gold["text"])
        for e in got:
            print(f"   -> {e.get('source') or '-'} {e.get('target') or '-'} {e['code']}")
    print("misses by root:", dict(sorted(misses.items())), "total", sum(misses.values()))
    print("false alarms by root:", dict(sorted(alarms.items())), "total", sum(alarms.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
