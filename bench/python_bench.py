"""Python overhead and Dask scale-out, measured (run by `make python-bench`).

    python bench/python_bench.py [DOCS.jsonl]     (default: the Reuters corpus)

Prints, for the same input, events/s and sentences/s of `dyad code` and of
Coder.code_many (one thread and two), with wall and CPU seconds; then the wall time of
dyad.dask.code_bag on a LocalCluster of 2 worker processes (about 10 partitions) against
one process (code_many, one thread) reading and coding the same file, and the workers' CPU
time. Each figure is the least of REPEAT runs (default 3; the machine may be busy)."""
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
    """(least wall seconds, least CPU seconds, events, ...) over REPEAT runs: on a busy
    machine the CPU time is the steadier figure."""
    runs = [fn() for _ in range(REPEAT)]
    first = runs[0]
    return (min(r[0] for r in runs), min(r[1] for r in runs)) + tuple(first[2:])


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
            c0 = sum(client.run(cpu_self).values())
            t0 = time.perf_counter()
            n = dyad.dask.code_bag(bag).count().compute()
            wall = time.perf_counter() - t0
            return wall, sum(client.run(cpu_self).values()) - c0, n
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
    (wall, cpu, n), parts = run_dask()
    rows.append((f"dask code_bag, LocalCluster 2 workers, {parts} partitions", wall, cpu, n))
    print(f"{sentences} sentences. events/s and sentences/s per wall second, and per CPU second")
    print(f"{'what':56} {'wall s':>6} {'CPU s':>6} {'events':>6} {'ev/s':>7} {'sent/s':>7} "
          f"{'ev/CPUs':>7} {'sent/CPUs':>9}")
    for what, wall, cpu, n in rows:
        print(f"{what:56} {wall:6.2f} {cpu:6.2f} {n:6d} {n / wall:7.0f} {sentences / wall:7.0f} "
              f"{n / cpu:7.0f} {sentences / cpu:9.0f}")
    cli1, py1 = rows[0], rows[2]
    print(f"Python (code_many, 1 thread, json.loads included) / CLI (1 thread): {py1[1] / cli1[1]:.2f}x the "
          f"wall time, {py1[2] / cli1[2]:.2f}x the CPU time, {(py1[2] - cli1[2]) / sentences * 1e6:+.2f} us CPU "
          f"per sentence")
    print(f"Dask (2 worker processes) / one process (code_many, 1 thread): {wall / py1[1]:.2f}x the wall "
          f"time, {cpu / py1[2]:.2f}x the CPU time (workers only)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
