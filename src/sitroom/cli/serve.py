"""`sitroom serve [--host H] [--port P]`: the web room over the configured store."""

from __future__ import annotations


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser("serve", help="serve the web room and its JSON API")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8020, help="port (default 8020)")
    p.add_argument("--public", action="store_true",
                   help="let anyone read without an account (setting web_public)")
    p.set_defaults(handler=cmd_serve)


def serve(store, settings, host: str, port: int, *, public: bool | None = None, out=None) -> None:
    """Run the app on ``host:port`` until interrupted (one process; the store is shared)."""
    import uvicorn

    from sitroom.web.app import create_app

    app = create_app(store, settings, public=public)
    if out is not None:
        print(f"sitroom web room on http://{host}:{port}/  (Ctrl-C stops it)", file=out,
              flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False,
                server_header=False)


def cmd_serve(args, ctx) -> int:
    """Serve until interrupted."""
    with ctx.open_store() as store:
        if not store.count_users() and not (args.public or ctx.settings.web_public):
            print("sitroom: no account yet; add one with `sitroom users add NAME --role "
                  "analyst` (or serve with --public to let anyone read)", file=ctx.err)
        serve(store, ctx.settings, args.host, args.port, public=args.public or None,
              out=ctx.out)
    return 0
