"""The `zwgk` command: a thin layer over crawler/, archive/ and spiders/."""
import difflib
import json
import os
import sqlite3
import sys
from pathlib import Path

import click

from archive import Archive, ingest, result_json
from crawler.classify import Blocked, NotADocument
from crawler.pipeline import Response, process_page, process_text

from .fetcher import FetchError, check_url, fetch_url

BLOCKED_EXIT = 4
DB_HELP = "Archive database (default: $ZWGK_DB or ./archive.db)."


def db_option(f):
    return click.option("--db", "db_path", default=lambda: os.environ.get("ZWGK_DB", "archive.db"), help=DB_HELP, show_default=False)(f)


def fail(message: str, code: int = 1):
    click.echo(f"zwgk: {message}", err=True)
    sys.exit(code)


def open_archive(db_path: str) -> Archive:
    try:
        return Archive(db_path)
    except sqlite3.Error as error:
        fail(f"cannot open archive {db_path}: {error}")


@click.group()
@click.version_option(package_name="zwgk-archive")
def cli():
    """Archive the 政务公开 sections of Chinese government portals, version by version."""


@cli.command()
@click.argument("url")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (see README).")
def fetch(url, db_path, as_json):
    """Fetch URL now, run the full pipeline and archive it."""
    try:
        check_url(url)
    except FetchError as error:
        fail(str(error))
    with open_archive(db_path) as archive:
        try:
            response = fetch_url(url)
            doc, result = ingest(archive, response)
        except Blocked as error:
            fail(str(error), BLOCKED_EXIT)
        except (FetchError, NotADocument) as error:
            fail(str(error))
        except sqlite3.Error as error:
            fail(f"archive {db_path}: {error}")
    out = result_json(response, doc, result)
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False))
    else:
        click.echo(_summary(out))
    if result.outcome == "withdrawn":
        sys.exit(3)


def _summary(out: dict) -> str:
    if out["outcome"] == "withdrawn":
        return f"withdrawn  {out['url']} (HTTP {out['status']}); earlier versions kept"
    state = "new version" if out["changed"] else "unchanged"
    flags = f"  flags: {', '.join(out['flags'])}" if out["flags"] else ""
    return f"{state} v{out['version']}  {out['title'] or out['url']}  [{out['encoding']}]{flags}"


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def check(file, as_json):
    """Run the text pipeline on FILE offline: .html/.htm as a page, anything else as UTF-8 text."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror}")
    if file.suffix.lower() in (".html", ".htm"):
        doc = process_page(Response(url=file.resolve().as_uri(), status=200, body=raw))
    else:
        try:
            doc = process_text(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            fail(f"{file} is not UTF-8 text; name it .html to have its encoding detected")
    out = {"file": str(file), "flags": doc.flags, "repairs": doc.repairs, "text": doc.text,
           "title": doc.title, "publisher": doc.publisher, "doc_number": doc.doc_number,
           "index_number": doc.index_number, "published": doc.published, "attachments": doc.attachments,
           "encoding": doc.decoded.encoding if doc.decoded else "utf-8", "content_hash": doc.content_hash}
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    click.echo(f"flags: {', '.join(doc.flags) or 'none'}")
    for repair in doc.repairs:
        click.echo("  " + json.dumps(repair, ensure_ascii=False))
    click.echo(doc.text)


@cli.command()
@click.argument("url")
@db_option
@click.option("--diff", "pair", nargs=2, type=int, help="Show the diff between versions A and B (default: the last two).")
def history(url, db_path, pair):
    """List the versions of the document at URL and show what changed."""
    with open_archive(db_path) as archive:
        doc = archive.document(url)
        if doc is None:
            fail(f"{url} is not in the archive {db_path}")
        versions = archive.versions(doc["id"])
    click.echo(f"{doc['title'] or url}  [{doc['status']}]  current: v{doc['current_version']}")
    for v in versions:
        flags = json.loads(v["flags"])
        click.echo(f"  v{v['version']}  {v['created_at']}  {v['content_hash'][:12]}" + (f"  flags: {', '.join(flags)}" if flags else ""))
    by_number = {v["version"]: v for v in versions}
    a, b = pair or (len(versions) - 1, len(versions))
    if pair and (a not in by_number or b not in by_number):
        fail(f"no such version: choose from 1 to {len(versions)}")
    if a in by_number and b in by_number:
        diff = difflib.unified_diff(by_number[a]["text"].splitlines(), by_number[b]["text"].splitlines(), f"v{a}", f"v{b}", lineterm="")
        click.echo("\n".join(diff) or f"v{a} and v{b} have the same text")


@cli.command()
@click.argument("site_keys", metavar="[SITE]...", nargs=-1)
@click.option("--all", "all_sites", is_flag=True, help="Crawl every site in the sites file.")
@click.option("--sites", "sites_file", default="sites.toml", show_default=True, help="The sites file (TOML).")
@db_option
@click.option("--full", is_flag=True, help="Walk every list to its end instead of stopping at already-archived entries.")
@click.option("--recheck", is_flag=True, help="Revisit every archived document now (conditional requests), not only those due.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per site instead of a summary line.")
@click.option("-v", "--verbose", is_flag=True, help="Show a line per document as it is archived.")
def crawl(site_keys, all_sites, sites_file, db_path, full, recheck, as_json, verbose):
    """Crawl the configured SITEs (or --all) into the archive."""
    from spiders.sites import SitesError, load_sites

    from .crawl import failed, run_crawls, summary_line

    try:
        sites = load_sites(sites_file)
    except SitesError as error:
        fail(str(error))
    unknown = [key for key in site_keys if key not in sites]
    if unknown:
        fail(f"no site '{unknown[0]}' in {sites_file} (sites: {', '.join(sites)})")
    if not site_keys and not all_sites:
        fail(f"name the sites to crawl or use --all (sites in {sites_file}: {', '.join(sites)})")
    chosen = list(sites.values()) if all_sites else [sites[key] for key in site_keys]
    try:
        summaries = run_crawls(chosen, db_path, full=full, recheck=recheck, verbose=verbose)
    except sqlite3.Error as error:
        fail(f"archive {db_path}: {error}")
    for summary in summaries:
        click.echo(json.dumps(summary, ensure_ascii=False) if as_json else summary_line(summary))
    if any(failed(s) for s in summaries):
        sys.exit(1)


@cli.command()
@db_option
@click.option("--port", default=8001, show_default=True)
def serve(db_path, port):
    """Open the archive in Datasette on 127.0.0.1."""
    from .serve import run_datasette

    if not Path(db_path).exists():
        fail(f"no archive at {db_path}: run `zwgk fetch` or `zwgk demo` first")
    run_datasette(db_path, port)


@cli.command()
@db_option
@click.option("--portal-port", default=8750, show_default=True, help="Port of the sample portal (stable URLs across runs).")
@click.option("--keep-serving", is_flag=True, help="Leave the sample portal running until Ctrl-C.")
def demo(db_path, portal_port, keep_serving):
    """Start the bundled sample portal, crawl it twice into the archive, and say how to browse the result."""
    from .demo import run_demo

    try:
        code = run_demo(db_path, keep_serving, portal_port)
    except OSError as error:
        fail(f"cannot start the sample portal on port {portal_port}: {error.strerror}; try --portal-port")
    sys.exit(code)


def main():
    cli()
