"""`zwgk demo`: start the bundled sample portal, archive its documents, and say how to browse them."""
import time

import click

from archive import Archive

from .fetcher import FetchError
from .portal import SamplePortal
from .service import fetch_into


DEMO_PORT = 8750


def run_demo(db_path: str, keep_serving: bool = False, port: int = DEMO_PORT) -> None:
    with SamplePortal(port=port) as portal, Archive(db_path) as archive:
        click.echo(f"sample portal at {portal.url}")
        paths = sorted(path for path, page in portal.manifest().items() if page.get("kind") == "document")
        for n, path in enumerate(paths, 1):
            try:
                _, doc, result = fetch_into(archive, portal.url + path)
            except FetchError as error:
                click.echo(f"[{n}/{len(paths)}] error  {error}")
                continue
            state = "new version" if result.changed else "unchanged"
            click.echo(f"[{n}/{len(paths)}] {state:<11} v{result.version}  {doc.title}")
        counts = archive.counts()
        click.echo(f"archive {db_path}: {counts['documents']} documents, {counts['versions']} versions, {counts['captures']} captures")
        click.echo(f"browse it with: zwgk serve --db {db_path}   (then open http://127.0.0.1:8001/)")
        while keep_serving:
            time.sleep(3600)
