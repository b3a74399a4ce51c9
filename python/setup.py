"""Builds the dyad package's C extension against the checkout's static libdyad.

The checkout is the folder above this one (or $DYAD_ROOT). Its libdyad is brought up
to date with `make build/libdyad.a` (objects compiled with -fPIC), then linked into
dyad/_dyad.so with the libraries the Makefile's LDLIBS names (`make print-ldlibs`). The build also
records the checkout's dict/ folder (the default dictionary, like the CLI's) and bin/dyad
(what dyad.Store runs) and copies
dict/cameo.codes into the package (the dyad.cameo tables)."""
import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.environ.get("DYAD_ROOT") or os.path.join(HERE, ".."))
LIBDYAD = os.environ.get("DYAD_LIBDYAD") or os.path.join(ROOT, "build", "libdyad.a")


def checkout_file(*parts):
    path = os.path.join(ROOT, *parts)
    if not os.path.exists(path):
        sys.exit(f"dyad: {path}: not found; build from a dyad checkout or set DYAD_ROOT")
    return path


class BuildExt(build_ext):
    """Brings build/libdyad.a up to date before linking it."""

    def run(self):
        if not os.environ.get("DYAD_LIBDYAD"):
            rc = subprocess.call(["make", "-C", ROOT, "--no-print-directory", "build/libdyad.a"])
            if rc != 0:
                sys.exit(f"dyad: `make -C {ROOT} build/libdyad.a` failed")
        checkout_file("include", "dyad.h")
        if not os.path.exists(LIBDYAD):
            sys.exit(f"dyad: {LIBDYAD}: not found (run `make build/libdyad.a` in the checkout)")
        super().run()


class BuildPy(build_py):
    """Adds dyad/cameo.codes and dyad/_build_info.py to the built package."""

    def run(self):
        super().run()
        out = os.path.join(self.build_lib, "dyad")
        os.makedirs(out, exist_ok=True)
        shutil.copyfile(checkout_file("dict", "cameo.codes"), os.path.join(out, "cameo.codes"))
        with open(os.path.join(out, "_build_info.py"), "w", encoding="utf-8") as f:
            f.write("# written by setup.py when the package was built\n")
            f.write(f"CHECKOUT_DICT = {os.path.join(ROOT, 'dict')!r}\n")
            f.write(f"CHECKOUT_BIN = {os.path.join(ROOT, 'bin', 'dyad')!r}\n")


def libdyad_libraries():
    """The libraries libdyad.a needs, as the Makefile links them (its LDLIBS)."""
    try:
        out = subprocess.run(["make", "-s", "-C", ROOT, "--no-print-directory", "print-ldlibs"],
                             check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ["jansson", "sodium", "utf8proc", "pthread", "m", "sqlite3", "pq"]
    return [w[2:] for w in out.split() if w.startswith("-l")]


ext = Extension(
    "dyad._dyad",
    sources=["src/dyad/_dyad.c", "src/dyad/_events.c"],
    depends=["src/dyad/_events.h", os.path.join(ROOT, "include", "dyad.h"), LIBDYAD],
    include_dirs=[os.path.join(ROOT, "include")],
    extra_compile_args=["-std=c11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror"],
    extra_objects=[LIBDYAD],
    libraries=libdyad_libraries(),
)

setup(ext_modules=[ext], cmdclass={"build_ext": BuildExt, "build_py": BuildPy})
