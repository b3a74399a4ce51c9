#!/usr/bin/env python3
"""audit.py - the repeatable accuracy audit of dyad on Reuters-21578 (issue 10).

Codes the whole corpus with dyad, draws a sample of events (--n, --seed; stable: see
stable_sample), joins
it with the hand-judged files in tests/audit/ (*.tsv: doc, sent, source, target, code,
verdict, category, note; no corpus text), and prints:
  - precision (CORRECT share of the judged sample) with a 95% Wilson interval,
    the CORRECT+PARTLY share, and the counts by category;
  - the sampled events not judged yet (as TSV lines to fill in; --show-text adds the
    sentence on a comment line, for the judge's eyes only: never commit it);
  - events and dyadic events per 1,000 sentences by Reuters topic (earn, acq, trade,
    crude, untagged), topics read from the <TOPICS> of the .sgm files, matched to the
    JSONL documents by id: "reuters-N" is the article with NEWID="N";
  - the share of dyadic events kept in trade, crude and untagged stories against the
    baseline file (tests/audit/baseline.tsv; --write-baseline rewrites it).
Judging rules: tests/audit/RULES.md. Python 3 standard library only."""
import argparse
import collections
import glob
import hashlib
import json
import math
import os
import re
import subprocess
import sys

VERDICTS = ("CORRECT", "PARTLY", "WRONG")
TOPIC_GROUPS = ("earn", "acq", "trade", "crude", "untagged")
KEPT_GROUPS = ("trade", "crude", "untagged")
JUDGED_COLUMNS = ["doc", "sent", "source", "target", "code", "verdict", "category", "note"]


def wilson(successes, n, z=1.96):
    """95% Wilson score interval of a proportion."""
    if n == 0:
        return (0.0, 0.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def run_dyad(args, path, out_path):
    """Codes path into out_path; returns the run summary's sentence count."""
    cmd = [args.dyad, "code"] + (["--dict", args.dict] if args.dict else []) + [path]
    with open(out_path, "w") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit("audit: %s failed: %s" % (" ".join(cmd), proc.stderr.strip()))
    m = re.search(r"(\d+) sentences", proc.stderr)
    if not m:
        sys.exit("audit: no run summary from %s" % " ".join(cmd))
    return int(m.group(1))


def read_events(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def event_key(doc, sent, source, target, code):
    return (doc, int(sent), source, target, code)


def stable_sample(events, seed, n):
    """The n events with the smallest hash of (seed, event): an event keeps its rank
    whatever else the coder emits, so a judged event stays in the sample for as long as
    the coder still emits it, and a change of the coder only brings in the events it
    adds. Identical events of one sentence are told apart by their occurrence."""
    seen = collections.Counter()
    ranked = []
    for e in events:
        key = event_key(e["doc"], e["sent"], e["source"], e["target"], e["code"])
        seen[key] += 1
        h = hashlib.sha256(("%d|%s|%d|%s|%s|%s|%d" % ((seed,) + key + (seen[key],))).encode()).hexdigest()
        ranked.append((h, e))
    ranked.sort(key=lambda he: he[0])
    return [e for _, e in ranked[:n]]


def read_judged(folder):
    """All judged rows of folder/*.tsv, keyed by (doc, sent, source, target, code)."""
    judged = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.tsv"))):
        if os.path.basename(path) == "baseline.tsv":
            continue
        with open(path) as f:
            for lineno, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#") or line.startswith("doc\t"):
                    continue
                cols = line.split("\t")
                if len(cols) < 7:
                    sys.exit("%s:%d: expected %d tab-separated columns, got %d"
                             % (path, lineno, len(JUDGED_COLUMNS), len(cols)))
                if cols[5] not in VERDICTS:
                    sys.exit("%s:%d: verdict must be one of %s, got '%s'"
                             % (path, lineno, "/".join(VERDICTS), cols[5]))
                if not cols[1].isdigit():
                    sys.exit("%s:%d: sentence number must be a number, got '%s'" % (path, lineno, cols[1]))
                key = event_key(*cols[:5])
                if key in judged and judged[key][0] != cols[5]:
                    sys.exit("%s:%d: event judged twice with different verdicts" % (path, lineno))
                judged[key] = (cols[5], cols[6], path, lineno)
    return judged


def read_topics(sgm_dir):
    """NEWID -> (list of topics, LEWISSPLIT) from the .sgm files."""
    topics = {}
    head = re.compile(r'<REUTERS [^>]*?LEWISSPLIT="([\w-]+)"[^>]*?NEWID="(\d+)"')
    for path in sorted(glob.glob(os.path.join(sgm_dir, "*.sgm"))):
        with open(path, encoding="latin-1") as f:
            data = f.read()
        for art in data.split("</REUTERS>"):
            m = head.search(art)
            if not m:
                continue
            t = re.search(r"<TOPICS>(.*?)</TOPICS>", art, re.S)
            names = re.findall(r"<D>(.*?)</D>", t.group(1)) if t else []
            topics[m.group(2)] = (names, m.group(1))
    if not topics:
        sys.exit("audit: no <REUTERS> articles found in %s" % sgm_dir)
    return topics


def groups_of(topic_names):
    if not topic_names:
        return ["untagged"]
    return [g for g in TOPIC_GROUPS if g in topic_names]


def topic_rates(args, docs_by_group):
    """Per topic group: documents, sentences, events, dyadic events (coded per group)."""
    rows = {}
    for g in TOPIC_GROUPS:
        sub = os.path.join(args.work, "topic-%s.jsonl" % g)
        with open(sub, "w") as f:
            f.writelines(docs_by_group[g])
        evpath = os.path.join(args.work, "topic-%s.events.jsonl" % g)
        sentences = run_dyad(args, sub, evpath)
        evs = read_events(evpath)
        dyadic = sum(1 for e in evs if e["source"] and e["target"])
        rows[g] = (len(docs_by_group[g]), sentences, len(evs), dyadic)
    return rows


def read_baseline(path):
    base = {}
    if not os.path.exists(path):
        return base
    with open(path) as f:
        for line in f:
            if line.startswith("#") or line.startswith("topic\t") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            base[cols[0]] = tuple(int(c) for c in cols[1:5])
    return base


def write_baseline(path, rows):
    with open(path, "w") as f:
        f.write("# dyad's counts on Reuters-21578 by topic when the baseline was taken "
                "(tools/audit.py --write-baseline)\n")
        f.write("topic\tdocs\tsentences\tevents\tdyadic\n")
        for g in TOPIC_GROUPS:
            f.write("%s\t%d\t%d\t%d\t%d\n" % ((g,) + rows[g]))


def print_sample(args, sample, judged):
    counts = collections.Counter()
    cats = collections.Counter()
    unjudged = []
    for e in sample:
        key = event_key(e["doc"], e["sent"], e["source"], e["target"], e["code"])
        j = judged.get(key)
        if not j:
            unjudged.append(e)
            continue
        counts[j[0]] += 1
        if j[0] != "CORRECT":
            cats[(j[0], j[1])] += 1
    n = sum(counts.values())
    print("== audit sample: %d events of %d, seed %d; %d judged, %d not judged yet"
          % (len(sample), args.total_events, args.seed, n, len(unjudged)))
    if n:
        lo, hi = wilson(counts["CORRECT"], n)
        cp = counts["CORRECT"] + counts["PARTLY"]
        lo2, hi2 = wilson(cp, n)
        print("precision (CORRECT):  %.3f  (%d/%d; 95%% Wilson interval %.3f-%.3f)"
              % (counts["CORRECT"] / n, counts["CORRECT"], n, lo, hi))
        print("CORRECT + PARTLY:     %.3f  (%d/%d; 95%% Wilson interval %.3f-%.3f)" % (cp / n, cp, n, lo2, hi2))
        print("WRONG:                %.3f  (%d/%d)" % (counts["WRONG"] / n, counts["WRONG"], n))
        print("-- not CORRECT, by category (verdict, category, count)")
        for (verdict, cat), k in sorted(cats.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-8s %-20s %3d" % (verdict, cat, k))
    if unjudged:
        print("-- sampled events not judged yet (add them to a tests/audit/*.tsv file with a verdict):")
        for e in unjudged:
            print("\t".join([e["doc"], str(e["sent"]), e["source"], e["target"], e["code"], "?", "?",
                             "verb: " + " ".join(e["verb_text"].split())]))
            if args.show_text:
                print("#   " + " ".join(e["text"].split()))


def print_topics(rows, base):
    print("== events per 1,000 sentences by Reuters topic (<TOPICS> of the .sgm files)")
    print("  %-9s %6s %9s %7s %7s %10s %10s" % ("topic", "docs", "sentences", "events", "dyadic",
                                                "events/1k", "dyadic/1k"))
    for g in TOPIC_GROUPS:
        d, s, ev, dy = rows[g]
        print("  %-9s %6d %9d %7d %7d %10.1f %10.1f" % (g, d, s, ev, dy, 1000.0 * ev / max(s, 1),
                                                      1000.0 * dy / max(s, 1)))
    if not base:
        print("  (no baseline file: dyadic events kept not computed)")
        return
    for g in KEPT_GROUPS:
        if g in base and base[g][3]:
            print("  dyadic events kept in %-9s %.3f  (%d of baseline %d)"
                  % (g, rows[g][3] / base[g][3], rows[g][3], base[g][3]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dyad", default="bin/dyad")
    ap.add_argument("--dict", default=None, help="dictionary folder for dyad code --dict")
    ap.add_argument("--corpus", required=True, help="reuters21578.jsonl")
    ap.add_argument("--sgm", required=True, help="folder of the reut2-*.sgm files")
    ap.add_argument("--judged", default="tests/audit")
    ap.add_argument("--baseline", default=None, help="default: JUDGED/baseline.tsv")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--work", default="build/audit")
    ap.add_argument("--show-text", action="store_true", help="print each unjudged event's sentence")
    ap.add_argument("--write-baseline", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    baseline = args.baseline or os.path.join(args.judged, "baseline.tsv")

    all_path = os.path.join(args.work, "events.jsonl")
    run_dyad(args, args.corpus, all_path)
    events = read_events(all_path)
    args.total_events = len(events)
    sample = stable_sample(events, args.seed, args.n)
    sample.sort(key=lambda e: (int(e["doc"].split("-")[-1]) if e["doc"].split("-")[-1].isdigit() else 0,
                               e["doc"], e["sent"]))
    print_sample(args, sample, read_judged(args.judged))

    topics = read_topics(args.sgm)
    docs_by_group = {g: [] for g in TOPIC_GROUPS}
    with open(args.corpus) as f:
        for line in f:
            if not line.strip():
                continue
            doc_id = json.loads(line)["id"]
            newid = doc_id.rsplit("-", 1)[-1]
            if newid not in topics:
                sys.exit("audit: %s has no article NEWID=%s in %s" % (doc_id, newid, args.sgm))
            for g in groups_of(topics[newid][0]):
                docs_by_group[g].append(line if line.endswith("\n") else line + "\n")
    rows = topic_rates(args, docs_by_group)
    if args.write_baseline:
        write_baseline(baseline, rows)
        print("audit: baseline written to %s" % baseline)
    print_topics(rows, read_baseline(baseline))


if __name__ == "__main__":
    main()
