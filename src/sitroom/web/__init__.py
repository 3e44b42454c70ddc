"""The web room: a FastAPI app over the store, server-rendered pages each with a JSON twin.

app.py        create_app(store, settings): routes, middleware (security headers), static files
auth.py       password hashing, sessions, API tokens, CSRF, role checks
views.py      page data as plain dicts, shared by the HTML pages and the JSON API
geo.py        admin1 regions for the map (present.boundaries; point in polygon)

Nothing is imported at package import: ``create_app`` pulls in FastAPI when called.
"""
