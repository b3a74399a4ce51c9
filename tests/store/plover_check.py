#!/usr/bin/env python3
"""plover_check.py DYAD CROSSWALK DOC CODES... - checks dyad's CAMEO -> PLOVER table:
every CAMEO code of the CODES files (first field of each line) maps to a PLOVER event type
or is unmapped with a reason; and where the table differs from the PLOVER project's
crosswalk (CAMEO2PLOVER-2021.txt: "code: EVENT, mode, context # label"), the difference is
one of those documented in DOC (rows "| code | crosswalk | dyad | why |"), and every
documented one is real. Prints the counts; exits 1 on a problem."""
import re
import subprocess
import sys

dyad, crosswalk, doc, *code_files = sys.argv[1:]
problems = []

# the crosswalk: the last line for a code wins (08 has CONCEDE and RETREAT headers: roots
# are compared on the event only, and either header is accepted)
walk, roots = {}, {}
for line in open(crosswalk, encoding="utf-8"):
    m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
    if not m:
        continue
    parts = [p.strip() for p in m.group(2).split(",")]
    code, event = m.group(1), parts[0]
    mode = parts[1] if len(parts) > 1 else ""
    if len(code) == 2:
        roots.setdefault(code, set()).add(event)
    else:
        walk[code] = (event, mode)

documented = {}
for line in open(doc, encoding="utf-8"):
    m = re.match(r"^\|\s*`?(\d{2,4})`?\s*\|([^|]*)\|([^|]*)\|([^|]*)\|", line)
    if m and m.group(4).strip():
        documented[m.group(1)] = m.group(4).strip()

mapped = unmapped = 0
differ = set()
for path in code_files:
    out = subprocess.run([dyad, "export", "--plover-table", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        code, event, mode, reason = (line.split("\t") + ["", "", ""])[:4]
        if event:
            mapped += 1
        elif reason:
            unmapped += 1
        else:
            problems.append(f"{code}: neither mapped nor given a reason")
        if not event and code[:2] in ("01", "02") and code not in walk:
            continue   # the crosswalk drops the comment roots too (PLOVER README: "dropped")
        if len(code) == 2:
            if code in roots and event not in roots[code] and code not in documented:
                differ.add(code)
            elif code not in roots and code not in documented:
                differ.add(code)
            continue
        theirs = walk.get(code)
        if theirs is None or theirs != (event, mode):
            differ.add(code)

for code in sorted(differ - set(documented)):
    problems.append(f"{code}: differs from the crosswalk ({walk.get(code, 'absent')}) and docs/plover.md does not say why")
for code in sorted(set(documented) - differ):
    problems.append(f"{code}: documented as a difference but the table agrees with the crosswalk")
print(f"plover: {mapped} codes mapped, {unmapped} unmapped with a reason, "
      f"{len(differ)} differences from CAMEO2PLOVER-2021, all documented" if not problems else "plover: PROBLEMS")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
