"""Serve a local site until Ctrl-C:

    python -m parity_check.sites demo [--port N]
    python -m parity_check.sites akimat-replica|govkz-spa|generated   (from a source checkout: tests/sites)
"""
from __future__ import annotations

import argparse
import sys
import time


def _factory(name: str):
    if name == "demo":
        from ..demo import demo_site

        return demo_site
    # The replicas live with the tests, which only a source checkout has.
    try:
        if name == "akimat-replica":
            from tests.sites.akimat_replica import akimat_replica_site as f
        elif name == "govkz-spa":
            from tests.sites.govkz_spa import govkz_spa_site as f
        else:
            from tests.sites.generated import generated_site as f
    except ImportError:
        sys.exit(f"{name}: the test replicas are in tests/sites of a source checkout; run from its root")
    return f


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m parity_check.sites", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", choices=["demo", "akimat-replica", "govkz-spa", "generated"])
    ap.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 [a free one]")
    args = ap.parse_args(argv)
    from .server import SiteServer

    server = SiteServer(_factory(args.site)(), port=args.port)
    base = server.start()
    start = {"govkz-spa": "/memleket/entities/demo-akimat?lang=kk"}.get(args.site, "/")
    print(f"{args.site}: {base}{start}  (Ctrl-C stops)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
