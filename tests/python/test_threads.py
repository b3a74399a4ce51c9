"""Threads give identical results, and the GIL is released while coding.

How much faster two threads code than one is a figure, not a test: `make python-bench`
(bench/python_bench.py) prints Coder.code_many with one thread and with two."""
import threading
import time

from conftest import canon


def test_threads_identical(coder, reuters_docs):
    docs = reuters_docs[:4000]
    one = [canon(e) for e in coder.code_many(docs, threads=1)]
    assert len(one) > 400   # 1,368 when written; 808 after issue 10's fourth round dropped non-events
    for n in (2, 3, 8):
        assert [canon(e) for e in coder.code_many(docs, threads=n)] == one


def test_shared_coder_in_python_threads(coder, reuters_docs):
    docs = reuters_docs[:1200]
    want = [[canon(e) for e in coder.code(d["text"], d["date"], d["id"])] for d in docs]
    got = [None] * len(docs)

    def work(k):
        for i in range(k, len(docs), 4):
            d = docs[i]
            got[i] = [canon(e) for e in coder.code(d["text"], d["date"], d["id"])]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == want


def _spin(n):
    i = 0
    while i < n:
        i += 1


def test_other_threads_run_while_coding(coder):
    """While one thread codes (at least 0.6 s in one call), the main thread finishes a piece
    of pure Python work a twentieth as long: with the GIL held through the call it could
    not (it could only run in the 5 ms switch intervals before and after the call)."""
    big = ("x", None, "The weather was mild and the markets were calm on the coast. " * 40000, None)
    t0 = time.perf_counter()
    coder._native.code_batch([big])
    k = max(1, int(0.6 / (time.perf_counter() - t0)) + 1)
    batch = [big] * k
    t0 = time.perf_counter()
    assert [r[0] for r in coder._native.code_batch(batch)] == [[]] * k
    call = time.perf_counter() - t0
    n = 100000
    t0 = time.perf_counter()
    _spin(n)
    n = max(1000, int(n * (call / 20) / (time.perf_counter() - t0)))   # about call / 20

    def attempt():
        state = {"in_call": False, "done": False}

        def work():
            state["in_call"] = True
            coder._native.code_batch(batch)
            state["done"] = True

        t = threading.Thread(target=work)
        t.start()
        while not state["in_call"]:
            pass
        _spin(n)
        finished_first = not state["done"]
        t.join()
        return finished_first

    # with the GIL held no attempt can succeed; a busy machine may spoil one that could
    assert any(attempt() for _ in range(3)), f"{n} loops of Python waited for a {call:.2f} s call to end"
