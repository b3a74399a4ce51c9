#!/usr/bin/env python3
"""check_dom.py DOM.html CHECK... - checks a report page as headless Chromium rendered it
(chromium --dump-dom). Always: no script error or blocked request was recorded in
<html data-errors>, the script finished (<html data-rendered>), and no element loads
anything (no src attribute, no <link>, href only on <a>). Then each CHECK:
  id:ID=V           the element's data-value, else its text, is V
  attr:ID:NAME=V    the element's attribute NAME is V
  bucket:DIR=N      the timeline buckets of panel DIR (0: A->B or all, 1: B->A) sum to N events
  count:CLASS=N     N elements have class CLASS
  rows=N            the events table has N rows
  bar:CHART:I=L     the I-th bar (from 0) of chart CHART (actors-chart, codes-chart) is L
  cell:R:C=T        the text of row R, column C (from 0) of the events table is T
  visible:R:C=T     the same among the rows the page's filters leave visible
  errors~=T         data-errors contains T (for a control page: then errors are expected)
Prints one line per failed check; exits 1 if any failed."""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.elements, self.by_id = [], [], {}
        self.problems = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        el = {"tag": tag, "attrs": a, "text": [], "parents": list(self.stack), "children": []}
        if self.stack:
            self.stack[-1]["children"].append(el)
        self.elements.append(el)
        if "id" in a:
            self.by_id[a["id"]] = el
        if "src" in a or tag == "link" or ("href" in a and tag != "a") or \
                (tag == "a" and not a.get("href", "https://").startswith(("https://", "http://"))):
            self.problems.append("element loads something: <%s %s>" % (tag, a))
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1]["tag"] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        for el in self.stack:
            el["text"].append(data)


def text(el):
    return " ".join("".join(el["text"]).split())


def classes(el):
    return el["attrs"].get("class", "").split()


def check(page, spec):
    key, _, want = spec.partition("=")
    kind, _, arg = key.partition(":")
    if kind == "id":
        el = page.by_id.get(arg)
        got = None if el is None else el["attrs"].get("data-value", text(el))
    elif kind == "attr":
        ident, _, name = arg.partition(":")
        el = page.by_id.get(ident)
        got = None if el is None else el["attrs"].get(name)
    elif kind == "bucket":
        got = str(sum(int(e["attrs"].get("data-n", 0)) for e in page.elements
                      if "bucket" in classes(e) and any(p["attrs"].get("data-dir") == arg
                                                        for p in e["parents"])))
    elif kind == "count":
        got = str(sum(1 for e in page.elements if arg in classes(e)))
    elif kind == "rows":
        got = str(len(table_rows(page)))
    elif kind == "bar":
        chart, _, i = arg.partition(":")
        bars = [e for e in page.elements if "bar" in classes(e)
                and any(p["attrs"].get("id") == chart for p in e["parents"])]
        got = bars[int(i)]["attrs"].get("data-label") if int(i) < len(bars) else None
    elif kind in ("cell", "visible"):
        r, _, c = arg.partition(":")
        rows = table_rows(page)
        if kind == "visible":
            rows = [e for e in rows if "none" not in e["attrs"].get("style", "")]
        cells = [e for e in rows[int(r)]["children"] if e["tag"] == "td"] if int(r) < len(rows) else []
        got = text(cells[int(c)]) if int(c) < len(cells) else None
    else:
        return "unknown check %s" % spec
    return None if got == want else "%s: expected %r, got %r" % (key, want, got)


def table_rows(page):
    return [e for e in page.elements if e["tag"] == "tr"
            and any(p["tag"] == "tbody" for p in e["parents"])]


def main():
    page = Page()
    with open(sys.argv[1], encoding="utf-8") as f:
        page.feed(f.read())
    root = next((e for e in page.elements if e["tag"] == "html"), {"attrs": {}})
    fails = list(page.problems)
    errors = root["attrs"].get("data-errors", "")
    wanted = [s.partition("=")[2] for s in sys.argv[2:] if s.startswith("errors~=")]
    fails += ["data-errors lacks %r: %r" % (w, errors) for w in wanted if w not in errors]
    if errors.strip() and not wanted:
        fails.append("page errors: %s" % root["attrs"]["data-errors"].strip())
    if "data-rendered" not in root["attrs"]:
        fails.append("the page's script did not finish (no data-rendered)")
    fails += [f for f in (check(page, s) for s in sys.argv[2:] if not s.startswith("errors~=")) if f]
    for f in fails:
        print("%s: %s" % (sys.argv[1], f))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
