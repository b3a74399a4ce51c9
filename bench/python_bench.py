"""Python overhead and Dask scale-out, measured (run by `make python-bench`).

    python bench/python_bench.py [DOCS.jsonl]     (default: the Reuters corpus)

Prints, for the same input, events/s and sentences/s of `dyad code` and of
Coder.code_many (one thread and two), with wall and CPU seconds; then the wall time of
dyad.dask.code_bag on a LocalCluster of 2 worker processes (10 partitions) against one
process (code_many, one thread) reading and coding the same file. Each figure is the
best of REPEAT runs (the machine may be busy)."""
import json
import os
import resource
import subprocess
import sys
import time

import dyad

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DOCS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "reference", "corpus",
                                                           "reuters21578.jsonl")
DYAD = os.environ.get("DYAD_BIN") or os.path.join(ROOT, "bin", "dyad")
REPEAT = int(os.environ.get("REPEAT", "3"))


def cpu_self():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def best(fn):
    runs = [fn() for _ in range(REPEAT)]
    return min(runs, key=lambda r: r[0])


def run_cli(threads):
    def once():
        c0, t0 = cpu_children(), time.perf_counter()
        out = subprocess.run([DYAD, "code", "--quiet", "--threads", str(threads), DOCS],
                             stdout=subprocess.PIPE, check=True).stdout
        return time.perf_counter() - t0, cpu_children() - c0, out.count(b"\n")
    return best(once)


def run_python(coder, threads):
    def once():
        c0, t0 = cpu_self(), time.perf_counter()
        with open(DOCS, encoding="utf-8") as f:
            stream = coder.code_many((json.loads(line) for line in f), threads=threads)
            n = sum(1 for _ in stream)
        return time.perf_counter() - t0, cpu_self() - c0, n, stream.stats.sentences
    return best(once)


def run_dask():
    """A fresh LocalCluster per run (Dask would hand back the results of an identical graph
    still held), its workers' Coders loaded before the clock starts."""
    import dask.bag as db
    import distributed
    import dyad.dask
    size = os.path.getsize(DOCS)
    parts = []

    def once():
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None, silence_logs=40) as cluster, \
                distributed.Client(cluster) as client:
            client.run(lambda: dyad.dask.worker_coder() is not None)
            bag = db.read_text(DOCS, blocksize=size // 10 + 1).map(json.loads)
            parts.append(bag.npartitions)
            t0 = time.perf_counter()
            n = dyad.dask.code_bag(bag).count().compute()
            return time.perf_counter() - t0, 0.0, n
    return best(once), parts[0]


def main():
    print(f"input: {DOCS} ({os.path.getsize(DOCS) / 1e6:.1f} MB); best of {REPEAT} runs")
    coder = dyad.Coder()
    rows = []
    for threads in (1, 2):
        wall, cpu, n = run_cli(threads)
        rows.append((f"dyad code --threads {threads}", wall, cpu, n))
    sentences = 0
    for threads in (1, 2):
        wall, cpu, n, sentences = run_python(coder, threads)
        rows.append((f"Coder.code_many(threads={threads}) (json.loads included)", wall, cpu, n))
    print(f"{'what':58} {'wall s':>7} {'CPU s':>7} {'events':>7} {'events/s':>9} {'sent/s':>8}")
    for what, wall, cpu, n in rows:
        print(f"{what:58} {wall:7.2f} {cpu:7.2f} {n:7d} {n / wall:9.0f} {sentences / wall:8.0f}")
    cli1, py1 = rows[0], rows[2]
    print(f"Python overhead, one thread: {py1[1] / cli1[1]:.2f}x the CLI's wall time, "
          f"{(py1[2] - cli1[2]) / sentences * 1e6:.2f} us CPU per sentence")
    (wall, _, n), parts = run_dask()
    print(f"{'dask code_bag, LocalCluster 2 workers, %d partitions' % parts:58} {wall:7.2f} {'':>7} {n:7d} "
          f"{n / wall:9.0f} {sentences / wall:8.0f}")
    print(f"Dask (2 worker processes) / one process (code_many, 1 thread): {wall / py1[1]:.2f}x the time")


if __name__ == "__main__":
    main()
