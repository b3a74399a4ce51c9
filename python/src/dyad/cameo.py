"""CAMEO tables as data: every event code with its name, Goldstein weight and quad class.

    dyad.cameo.codes["190"]        -> CameoCode(code='190', name='Use conventional ...', ...)
    dyad.cameo.roots["19"]         -> the root's entry ("FIGHT")
    dyad.cameo.QUAD_CLASSES[4]     -> 'Material conflict'
    dyad.cameo.frame()             -> a pandas DataFrame of codes (needs pandas)

Read from the project's dict/cameo.codes (copied into the package when it is built),
the table libdyad codes with."""
import os
from typing import NamedTuple


class CameoCode(NamedTuple):
    code: str           # with its leading zero: "0231"
    name: str
    goldstein: float    # None where CAMEO gives no weight (newer codes)
    quad_class: int     # 1 verbal cooperation ... 4 material conflict
    root: str           # the first two digits

    @property
    def quad_name(self):
        return QUAD_CLASSES[self.quad_class]


QUAD_CLASSES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}

TABLE_FILE = os.path.join(os.path.dirname(__file__), "cameo.codes")


def _load(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise ValueError(f"{path}:{lineno}: want code, Goldstein, quad class, name")
            code, goldstein, quad, name = parts
            table[code] = CameoCode(code, name, float(goldstein) if goldstein.strip() else None, int(quad), code[:2])
    return table


codes = _load(TABLE_FILE)
roots = {c: e for c, e in codes.items() if len(c) == 2}


def name(code):
    """The name of a CAMEO code, or None if it is not one."""
    e = codes.get(code)
    return e.name if e else None


def frame():
    """The codes as a pandas DataFrame (code, name, goldstein, quad_class, root, quad_name)."""
    import pandas as pd

    df = pd.DataFrame.from_records([e._asdict() for e in codes.values()],
                                   columns=list(CameoCode._fields))
    df["quad_name"] = df["quad_class"].map(QUAD_CLASSES)
    return df
