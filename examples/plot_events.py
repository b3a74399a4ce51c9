#!/usr/bin/env python3
"""Codes the bundled example articles and plots events per month by quad class.

    python3 examples/plot_events.py [DOCS.jsonl] [OUT.png]

(defaults: examples/articles.jsonl and examples/events_per_month.png). Needs the dyad
package (README, "dyad from Python"), pandas and matplotlib (Debian python3-pandas,
python3-matplotlib). Runs as a notebook would: code, make a frame, group, plot."""
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")                 # no display needed
import matplotlib.pyplot as plt      # noqa: E402

import dyad                           # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
docs_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "articles.jsonl")
png_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "events_per_month.png")

# 1. code the articles (the dictionary: $DYAD_DICT or the checkout's dict/)
coder = dyad.Coder()
with open(docs_path, encoding="utf-8") as f:
    docs = [json.loads(line) for line in f if line.strip()]
stream = coder.code_many(docs)
events = dyad.to_frame(stream)
print(f"{docs_path}: {stream.stats}")

# 2. events per month by quad class (events dated to the year only have no month)
monthly = events[events["date_precision"].isin(["day", "month"])]
counts = (monthly.assign(month=monthly["date"].dt.to_period("M"))
          .groupby(["month", "quad_class"]).size().unstack(fill_value=0)
          .reindex(columns=[1, 2, 3, 4], fill_value=0))
counts.columns = [dyad.cameo.QUAD_CLASSES[q] for q in counts.columns]
print(counts.to_string())

# 3. a stacked bar chart
colors = ["#4c9be8", "#1f5fa8", "#f0a04b", "#c0392b"]
fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=100)
counts.plot.bar(stacked=True, ax=ax, color=colors, width=0.7)
ax.set_xlabel("month")
ax.set_ylabel("events")
left_out = len(events) - len(monthly)
ax.set_title(f"dyad: events per month by quad class ({len(monthly)} events"
             + (f", {left_out} dated to a year only left out" if left_out else "") + ")", fontsize=9)
ax.set_xticklabels([str(m) for m in counts.index], rotation=0)
ax.legend(fontsize=8, frameon=False)
fig.tight_layout()
fig.savefig(png_path)
print(f"wrote {png_path}")
