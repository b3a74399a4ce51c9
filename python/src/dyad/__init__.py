"""dyad: CAMEO event coding of English news text, from Python.

A C extension over libdyad (the coder of the dyad command line), so events from Python
are the events of ``dyad code``::

    import dyad
    coder = dyad.Coder()                      # dict=, else $DYAD_DICT, else the checkout's dict/
    coder.code("Russia invaded Georgia.", date="2008-08-10")
    for ev in coder.code_many(docs, threads=2):   # str, bytes or {"id", "date", "text"} dicts
        ...
    df = dyad.to_frame(events)                # pandas, typed columns
    dyad.cameo.codes["190"].name              # CAMEO tables as data
    dyad.Store("events.db").query(actor="RUS", by="month")   # the event store

``dyad.dask`` codes Dask bags and data frames on a cluster; ``python -m dyad.stream`` is a
streaming mapper (JSON lines in, events as JSON lines out) for Hadoop Streaming or
Spark's ``RDD.pipe``.
"""
from ._dyad import VERSION as __version__
from ._dyad import DictionaryError, Error
from ._coder import Coder, CodeStats, EventStream, InputError, default_dict
from ._frame import to_frame
from .store import Store, StoreError
from . import cameo

__all__ = [
    "Coder", "CodeStats", "EventStream", "Error", "DictionaryError", "InputError",
    "default_dict", "to_frame", "cameo", "Store", "StoreError", "__version__",
]
