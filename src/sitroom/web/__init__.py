"""The web room: a FastAPI app over the store, server-rendered pages each with a JSON twin.

app.py              create_app(store, settings): middleware (security headers, body cap), routes
pages.py            who is asking (session or token), role checks, CSRF'd forms, ``twin``
auth.py             scrypt password hashes, secrets, CSRF tokens, the rate limiter
render.py, errors.py  templates with the common context; errors as JSON or pages
overview.py, charts.py, geo.py, graph.py  page data: aggregates, SVG geometry, regions
routes_*.py         one module per area: room (cases, overview, reports, login), events,
                    outlets, tips, hypotheses, factions, alerts
cache.py            aggregates kept per store data version
actions.py          the analyst's decisions on events, shared by the form and the API

Nothing is imported at package import: ``create_app`` pulls in FastAPI when called.
"""
