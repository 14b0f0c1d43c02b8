"""``ct2rdf serve``: a read-only SPARQL 1.1 endpoint with a query page, safe to expose.

:mod:`app` wires the routes; :mod:`protocol` reads SPARQL Protocol requests,
:mod:`guard` refuses updates and SERVICE, :mod:`negotiate` picks the answer's
format, :mod:`pool` runs each query in a worker process (:mod:`worker`) that
is killed at the time limit, :mod:`deref` describes IRIs, :mod:`void` the
dataset, :mod:`cookbook` the packaged queries.  Importing this package is
cheap: Starlette and pyoxigraph load with the modules that need them.
"""
