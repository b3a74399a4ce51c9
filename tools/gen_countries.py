#!/usr/bin/env python3
"""Generate dyad's country actor dictionary.

    python3 tools/gen_countries.py > dict/countries.actors

Reads Debian's iso-codes data (ISO 3166-1 current countries, ISO 3166-3 former
ones) and the hand-written supplement tools/countries_extra.tsv (demonyms,
capitals, alternative names, CAMEO historical, special and region codes, seats
of government), and prints a `.actors` file (format: dict/README.md).

A name must belong to exactly one code. When two codes claim the same name, the
claim from countries_extra.tsv beats ISO 3166-1, which beats ISO 3166-3; within
one source the first claim wins. Every conflict is reported on stderr, so that it
can be settled for good with a `-Name` removal in countries_extra.tsv.

Standard library only. Warnings and a summary go to stderr.
"""

import json
import os
import re
import sys
import unicodedata

ISO1 = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO3 = "/usr/share/iso-codes/json/iso_3166-3.json"
EXTRA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "countries_extra.tsv")

# ISO 3166-3 (withdrawn) codes -> the CAMEO code their names are given to, with an
# optional list of names used instead of the ISO ones. None: names not used
# (territories split between several successors, or names that are no use in text).
HIST = {
    "AFI": ("DJI", None),          # French Afars and Issas
    "ANT": ("ANT", None),          # Netherlands Antilles: CAMEO keeps ANT
    "ATB": ("ATA", None),          # British Antarctic Territory
    "BUR": ("MMR", None),          # Burma
    "BYS": ("BLR", ["Byelorussian SSR", "Byelorussian Soviet Socialist Republic"]),
    "CSK": ("CZA", None),          # Czechoslovakia: CAMEO CZA
    "SCG": ("SCG", None),          # Serbia and Montenegro: CAMEO SCG
    "CTE": ("KIR", None),          # Canton and Enderbury Islands
    "DDR": ("GME", None),          # German Democratic Republic: CAMEO GME
    "DHY": ("BEN", None),          # Dahomey
    "ATF": ("ATF", None),          # French Southern and Antarctic Territories
    "FXX": None,                   # France, Metropolitan
    "GEL": None,                   # Gilbert and Ellice Islands: now KIR and TUV
    "HVO": ("BFA", None),          # Upper Volta
    "JTN": ("UMI", None),          # Johnston Island
    "MID": ("UMI", None),          # Midway Islands
    "NHB": ("VUT", None),          # New Hebrides
    "ATN": ("ATA", None),          # Dronning Maud Land
    "NTZ": None,                   # Neutral Zone
    "PCI": None,                   # Pacific Islands trust territory: now 4 states
    "PUS": ("UMI", None),          # US Miscellaneous Pacific Islands
    "PCZ": ("PAN", None),          # Panama Canal Zone
    "RHO": ("ZWE", None),          # Southern Rhodesia
    "SKM": ("IND", None),          # Sikkim
    "SUN": ("USR", None),          # USSR: CAMEO USR
    "TMP": ("TLS", None),          # East Timor (CAMEO once used TMP; ISO now TLS)
    "VDR": ("VNM", None),          # North Viet-Nam
    "WAK": ("UMI", None),          # Wake Island
    "YMD": ("YMS", None),          # South Yemen: CAMEO YMS
    "YUG": ("YUG", None),          # Yugoslavia: CAMEO YUG
    "ZAR": ("COD", None),          # Zaire
}

# Codes whose names stood for another state before a date (dict/README.md, dated
# roles): "Moscow" in 1987 is the Soviet Union, "Germany" before the unification
# West Germany, "Prague" Czechoslovakia. The entry keeps its agents ("Russian
# troops" in 1987 is USRMIL). Dates: the USSR's end 1991-12-25 (the Baltic states'
# recognition 1991-09-06), Germany's unification 1990-10-03, Czechoslovakia's end
# 1993-01-01, the independence of Slovenia and Croatia 1991-06-25, Macedonia
# 1991-09-08, Bosnia 1992-03-03, the FRY 1992-04-27, Serbia and Montenegro
# 2003-02-04, Montenegro's independence 2006-06-03, Yemen's unification 1990-05-22.
SOVIET = "USR ..1991-12-25; "
BALTIC = "USR ..1991-09-05; "
SERBIA = "YUG ..1992-04-26; FRY 1992-04-27..2003-02-03; SCG 2003-02-04..2006-06-04; "
DATED = {
    "RUS": SOVIET + "RUS", "RUSGOV": "USRGOV ..1991-12-25; RUSGOV",
    "UKR": SOVIET + "UKR", "BLR": SOVIET + "BLR", "MDA": SOVIET + "MDA",
    "GEO": SOVIET + "GEO", "ARM": SOVIET + "ARM", "AZE": SOVIET + "AZE",
    "KAZ": SOVIET + "KAZ", "UZB": SOVIET + "UZB", "TKM": SOVIET + "TKM",
    "KGZ": SOVIET + "KGZ", "TJK": SOVIET + "TJK",
    "EST": BALTIC + "EST", "LVA": BALTIC + "LVA", "LTU": BALTIC + "LTU",
    "DEU": "GMW ..1990-10-02; DEU",
    "CZE": "CZA ..1992-12-31; CZE", "SVK": "CZA ..1992-12-31; SVK",
    "SRB": SERBIA + "SRB",
    "MNE": "YUG ..1992-04-26; FRY 1992-04-27..2003-02-03; SCG 2003-02-04..2006-06-02; MNE",
    "SVN": "YUG ..1991-06-24; SVN", "HRV": "YUG ..1991-06-24; HRV",
    "MKD": "YUG ..1991-09-07; MKD", "BIH": "YUG ..1992-03-02; BIH",
    "YEM": "YMN ..1990-05-21; YEM",
}

CODE_RE = re.compile(r"^(?:[A-Z]{3}){1,5}$")
BAD_CHARS = set("|=#,;()\t")
PRI_EXTRA, PRI_ISO1, PRI_ISO3 = 0, 1, 2
SOURCE = {PRI_EXTRA: "countries_extra.tsv", PRI_ISO1: "ISO 3166-1", PRI_ISO3: "ISO 3166-3"}

FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss",
                      "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i"})

warnings = 0


def warn(msg):
    global warnings
    warnings += 1
    print("gen_countries: warning: " + msg, file=sys.stderr)


def ascii_fold(name):
    s = unicodedata.normalize("NFKD", name.translate(FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s if s.isascii() else None


def variants(name, fold=True):
    """The name itself, its ASCII twin, and St./St forms of "Saint X"."""
    out = [name]
    if fold:
        a = ascii_fold(name)
        if a and a != name:
            out.append(a)
    for n in list(out):
        if n.startswith("Saint "):
            out.append("St. " + n[6:])
            out.append("St " + n[6:])
    return out


def strip_the(name):
    return re.sub(r"^(?:the|The)\s+", "", name.strip())


def iso_names(raw):
    """Usable names from an ISO name: 'Korea, Republic of' -> Korea, Republic of
    Korea; 'Falkland Islands (Malvinas)' -> Falkland Islands, Malvinas."""
    raw = strip_the(raw)
    forms = []
    m = re.search(r"\s*\(([^)]*)\)", raw)
    if m:
        inner = m.group(1)
        base = (raw[:m.start()] + " " + raw[m.end():]).strip()
        base = re.sub(r"\s+", " ", base).replace(" ,", ",")
        forms.append(base)
        if m.end() == len(raw):            # trailing "(Malvinas)": a name itself
            if not inner.endswith("part") and "trust territory" not in inner:
                forms.append(inner)
        else:                              # "(Socialist) Federal ...": optional word
            forms.append(re.sub(r"\s+", " ", raw[:m.start()] + " " + inner + " " + raw[m.end():]).strip())
    else:
        forms.append(raw)
    out = []
    for f in forms:
        parts = [p.strip() for p in f.split(",")]
        out.append(parts[0])
        if len(parts) > 1 and re.search(r"\bof(?: the)?$", parts[-1]):
            out.append(strip_the(parts[-1] + " " + parts[0]))
        # other comma forms ('Virgin Islands, British') keep only the first part
    return [n for n in out if n]


class Names:
    """Candidate names per code, in display order, with their priority."""

    def __init__(self):
        self.cands = {}      # code -> list of (name, priority, seq)
        self.removed = set()  # (code, casefolded name)
        self.seq = 0

    def add(self, code, name, pri, fold=True):
        name = re.sub(r"\s+", " ", name.strip())
        if not name:
            return
        if any(c in BAD_CHARS for c in name):
            warn("%s: name %r has a character the dictionary syntax reserves; skipped" % (code, name))
            return
        for n in variants(name, fold):
            self.seq += 1
            self.cands.setdefault(code, []).append((n, pri, self.seq))

    def remove(self, code, name):
        for n in variants(name):
            self.removed.add((code, n.casefold()))

    def resolve(self):
        """Return code -> list of names it owns, in display order."""
        allc = []
        for code, lst in self.cands.items():
            for name, pri, seq in lst:
                if (code, name.casefold()) not in self.removed:
                    allc.append((pri, seq, code, name))
        allc.sort()
        owner = {}
        for pri, seq, code, name in allc:
            key = name.casefold()
            if key in owner:
                ocode, oname, opri = owner[key]
                if ocode != code:
                    warn("name %r claimed by %s (%s) and %s (%s); kept for %s"
                         % (name, ocode, SOURCE[opri], code, SOURCE[pri], ocode))
                continue
            owner[key] = (code, name, pri)
        out = {}
        for code, lst in self.cands.items():
            seen = set()
            keep = []
            for name, pri, seq in lst:
                key = name.casefold()
                if key in seen or owner.get(key, (None,))[0] != code or owner[key][1] != name:
                    continue
                seen.add(key)
                keep.append(name)
            out[code] = keep
        return out


def expand(field):
    """'Afghan(s)' -> Afghan, Afghans."""
    if field.endswith("(s)"):
        return [field[:-3], field[:-3] + "s"]
    return [field]


def main():
    names = Names()
    with open(ISO1, encoding="utf-8") as f:
        iso1 = json.load(f)["3166-1"]
    with open(ISO3, encoding="utf-8") as f:
        iso3 = json.load(f)["3166-3"]
    iso1_codes = sorted(c["alpha_3"] for c in iso1)

    # Supplement first, so its rows fix the section of non-ISO codes; display
    # order inside a line is ISO names first (the list is reordered below).
    sections = []          # (title, [codes]) for codes not in ISO 3166-1
    extra_codes = set()
    section = None
    with open(EXTRA, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("##"):
                section = (line[2:].strip(), [])
                sections.append(section)
                continue
            line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            if not line:
                continue
            if "\t" not in line:
                warn("%s:%d: no tab between code and names" % (EXTRA, lineno))
                continue
            code, rest = line.split("\t", 1)
            code = code.strip()
            if not CODE_RE.match(code):
                warn("%s:%d: bad code %r" % (EXTRA, lineno, code))
                continue
            if code in extra_codes:
                warn("%s:%d: second row for %s" % (EXTRA, lineno, code))
            extra_codes.add(code)
            if code not in iso1_codes and section is not None and code not in section[1]:
                section[1].append(code)
            for field in rest.split("|"):
                field = field.strip()
                if not field:
                    continue
                if field.startswith("-"):
                    names.remove(code, field[1:].strip())
                    continue
                fold = True
                if field.startswith("!"):
                    field, fold = field[1:].strip(), False
                for n in expand(field):
                    names.add(code, n, PRI_EXTRA, fold)

    # ISO 3166-1: names go in front of the supplement's for display.
    for c in iso1:
        code = c["alpha_3"]
        before = names.cands.pop(code, [])
        for key in ("name", "official_name", "common_name"):
            if key in c:
                for n in iso_names(c[key]):
                    names.add(code, n, PRI_ISO1)
        names.cands.setdefault(code, []).extend(before)
        if code not in extra_codes:
            warn("no countries_extra.tsv row for %s (%s)" % (code, c["name"]))

    # ISO 3166-3: former countries, given to their CAMEO code.
    hist_only = []
    for c in iso3:
        m = HIST.get(c["alpha_3"], "missing")
        if m == "missing":
            warn("ISO 3166-3 code %s (%s) has no mapping in HIST" % (c["alpha_3"], c["name"]))
            continue
        if m is None:
            continue
        code, override = m
        for n in (override or iso_names(c["name"])):
            names.add(code, n, PRI_ISO3)
        if code not in iso1_codes and code not in extra_codes and code not in hist_only:
            hist_only.append(code)

    owned = names.resolve()

    out = sys.stdout
    out.write("# dyad country actor dictionary -- GENERATED FILE, do not edit by hand.\n")
    out.write("# Regenerate with:  python3 tools/gen_countries.py > dict/countries.actors\n")
    out.write("# Sources: iso-codes ISO 3166-1 and 3166-3 (/usr/share/iso-codes/json/) and the\n")
    out.write("# hand-written tools/countries_extra.tsv (demonyms, capitals, other names, CAMEO\n")
    out.write("# historical, special and region codes, seats of government).\n")
    out.write("# Edit tools/countries_extra.tsv or tools/gen_countries.py, then regenerate.\n")

    n_entries = n_names = 0

    def emit(code):
        nonlocal n_entries, n_names
        lst = owned.get(code, [])
        if not lst:
            warn("code %s has no names left; not written" % code)
            return
        out.write(" | ".join(lst) + " = " + DATED.get(code, code) + "\n")
        n_entries += 1
        n_names += len(lst)

    out.write("\n# Countries and territories (ISO 3166-1 alpha-3)\n")
    for code in iso1_codes:
        emit(code)
    for title, codes in sections:
        if not codes:
            continue
        out.write("\n# " + title + "\n")
        for code in codes:
            emit(code)
    if hist_only:
        out.write("\n# Other former countries (ISO 3166-3)\n")
        for code in hist_only:
            emit(code)

    print("gen_countries: %d entries, %d names, %d warnings" % (n_entries, n_names, warnings),
          file=sys.stderr)


if __name__ == "__main__":
    main()
