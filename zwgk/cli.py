"""The `zwgk` command: a thin layer over crawler/, archive/ and spiders/."""

import difflib
import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

import click

from archive import Archive
from archive.lock import ArchiveBusy, crawl_lock
from archive.vocabulary import Outcome
from coordinator import DOC_FIELDS, ingest, reprocess, result_json
from crawler.classify import Blocked, NotADocument
from crawler.pipeline import process_page, process_text
from crawler.response import Response
from settings import DEFAULT_ARCHIVE, DEFAULT_SITES

from .fetcher import FetchError, check_url, fetch_attachments, fetch_url

# Exit codes, as cron mail and scripts read them
FAILED_EXIT = 1  # a crawl or a command that failed
CONFIG_EXIT = 2  # a mistake in the sites file or the command line: nothing was fetched
WITHDRAWN_EXIT = 3  # `fetch`: the document is gone from the portal (recorded as withdrawn)
BLOCKED_EXIT = 4  # `fetch`: an anti-bot answer (kept as evidence, the archive otherwise unchanged)
BUSY_EXIT = 75  # EX_TEMPFAIL: another crawl holds the archive; cron may simply try again later
DB_HELP = "Archive database (default: $ZWGK_DB or ./archive.db)."


def db_option(f):
    return click.option(
        "--db", "db_path", default=lambda: os.environ.get("ZWGK_DB", DEFAULT_ARCHIVE), help=DB_HELP, show_default=False
    )(f)


PROGRESS_EVERY = 100  # items between redraws of a long command's counter on a terminal
DISPATCH_RETRY_SECONDS = 300.0
sites_option = click.option(
    "--sites", "sites_file", default=DEFAULT_SITES, show_default=True, help="The sites file (TOML)."
)
site_option = click.option("--site", help="Only this site's documents.")


def scrapyd_options(f):
    f = click.option(
        "--shards",
        "shards_dir",
        type=click.Path(file_okay=False),
        help="With --scrapyd: the folder, on the nodes, of the shards' archives (SHARD.db); default: --db's folder.",
    )(f)
    return click.option(
        "--scrapyd",
        metavar="URL[,URL…]",
        help="Crawl on these scrapyd nodes, each site on the node owning its shard (sites file: shard = NAME).",
    )(f)


def fail(message: str, code: int = FAILED_EXIT):
    """One line per problem on stderr, each starting `zwgk:`, and a non-zero exit."""
    for line in message.splitlines() or [""]:
        click.echo(f"zwgk: {line}", err=True)
    sys.exit(code)


def shards_argument(f):
    return click.argument("shards", metavar="[ARCHIVE]...", nargs=-1, type=click.Path(dir_okay=False))(f)


def archive_paths(db_path: str, shards: tuple) -> list[str]:
    """The archives a reading command works on: the shards named, else --db; each must exist."""
    paths = list(shards) or [db_path]
    for path in paths:
        require_archive(path)
    return paths


def require_archive(db_path: str) -> None:
    """Commands that only read or rework an archive must not create an empty one by mistake."""
    if not Path(db_path).exists():
        fail(f"no archive at {db_path}: run `zwgk crawl`, `zwgk fetch` or `zwgk demo` first")


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
@click.option("--timeout", default=30.0, show_default=True, help="Seconds to wait for the portal.")
@click.option("--no-attachments", is_flag=True, help="Download neither the document's attachments nor its images.")
def fetch(url, db_path, as_json, timeout, no_attachments):
    """Fetch URL now, run the full pipeline and archive it."""
    try:
        check_url(url)
    except FetchError as error:
        fail(str(error))
    with open_archive(db_path) as archive:
        try:
            response = fetch_url(url, timeout)
            doc, result = ingest(archive, response)
            if doc and not no_attachments:
                fetch_attachments(archive, doc.files, response.final_url or response.url, timeout)
        except Blocked as error:
            fail(str(error), BLOCKED_EXIT)
        except (FetchError, NotADocument) as error:
            fail(str(error))
        except sqlite3.Error as error:
            fail(f"archive {db_path}: {error}")
    out = result_json(response, doc, result)
    out["url"] = url  # as given (archived under it as sent: 附件 as %E9%99%84%E4%BB%B6)
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False))
    else:
        click.echo(_summary(out))
    if result.outcome == Outcome.WITHDRAWN:
        sys.exit(WITHDRAWN_EXIT)


def _summary(out: dict) -> str:
    if out["outcome"] == Outcome.WITHDRAWN:
        return f"withdrawn  {out['url']} (HTTP {out['status']}); earlier versions kept"
    state = "new version" if out["changed"] else "unchanged"
    flags = f"  flags: {', '.join(out['flags'])}" if out["flags"] else ""
    return f"{state} v{out['version']}  {out['title'] or out['url']}  [{out['encoding'] or 'file'}]{flags}"


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
    out = {
        "file": str(file),
        **{name: getattr(doc, name) for name in DOC_FIELDS},
        "repairs": doc.repairs,
        "encoding": doc.decoded.encoding if doc.decoded else "utf-8",
        "content_hash": doc.content_hash,
    }
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
@click.option(
    "--diff", "pair", nargs=2, type=int, help="Show the diff between versions A and B (default: the last two)."
)
def history(url, db_path, pair):
    """List the versions of the document at URL and show what changed."""
    require_archive(db_path)
    with open_archive(db_path) as archive:
        doc = archive.read.document(url)
        if doc is None:
            fail(f"{url} is not in the archive {db_path}")
        versions = archive.read.versions(doc["id"])
    click.echo(f"{doc['title'] or url}  [{doc['status']}]  current: v{doc['current_version']}")
    for v in versions:
        flags = json.loads(v["flags"])
        click.echo(
            f"  v{v['version']}  {v['created_at']}  {v['content_hash'][:12]}"
            + (f"  flags: {', '.join(flags)}" if flags else "")
        )
    by_number = {v["version"]: v for v in versions}
    a, b = pair or (len(versions) - 1, len(versions))
    if pair and (a not in by_number or b not in by_number):
        fail(f"no such version: choose from 1 to {len(versions)}")
    if a in by_number and b in by_number:
        from .archivist.diff import metadata_changes

        for change in metadata_changes(dict(by_number[a]), dict(by_number[b])):
            click.echo(f"{change['label']}: {change['old'] or '—'} → {change['new'] or '—'}")
        diff = difflib.unified_diff(
            by_number[a]["text"].splitlines(), by_number[b]["text"].splitlines(), f"v{a}", f"v{b}", lineterm=""
        )
        click.echo("\n".join(diff) or f"v{a} and v{b} have the same text")


def _dispatcher(scrapyd: str | None, shards_dir: str | None, ledger: str, full: bool = False):
    """The Dispatcher --scrapyd asks for, or None for crawls on this machine."""
    from .dispatch import Dispatcher, parse_nodes

    if not scrapyd:
        if shards_dir:
            fail("--shards goes with --scrapyd: it is where the nodes keep the shards' archives", CONFIG_EXIT)
        return None
    try:
        nodes = parse_nodes(scrapyd)
    except ValueError as error:
        fail(str(error), CONFIG_EXIT)
    return Dispatcher(nodes, shards_dir or str(Path(ledger).resolve().parent), ledger, full=full)


@cli.command()
@click.argument("site_keys", metavar="[SITE]...", nargs=-1)
@click.option("--all", "all_sites", is_flag=True, help="Crawl every site in the sites file.")
@sites_option
@db_option
@click.option(
    "--full", is_flag=True, help="Walk every list to its end instead of stopping at already-archived entries."
)
@click.option(
    "--recheck", is_flag=True, help="Revisit every archived document now (conditional requests), not only those due."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per site instead of a summary line.")
@click.option("-v", "--verbose", is_flag=True, help="Show a line per document as it is archived, and warnings.")
@click.option(
    "--log-file", type=click.Path(dir_okay=False), help="Append the crawl's full log (with times) to this file."
)
@click.option("--wait", is_flag=True, help="If another crawl is using the archive, wait for it instead of exiting.")
@scrapyd_options
def crawl(
    site_keys, all_sites, sites_file, db_path, full, recheck, as_json, verbose, log_file, wait, scrapyd, shards_dir
):
    """Crawl the configured SITEs (or --all) into the archive.

    Safe from cron: one crawl at a time per archive (a second one exits with code 75), nothing on
    the terminal but one summary line per site unless -v, exit code 1 when any site failed.
    With --scrapyd, each site is crawled as a job on the node that owns its shard, and --db keeps
    the record of the dispatched runs.
    """
    from .crawl import ArchiveFailure, dispatch_crawls, failed, run_crawls, summary_line

    sites = _load_sites(sites_file)
    unknown = [key for key in site_keys if key not in sites]
    if unknown:
        fail(f"no site '{unknown[0]}' in {sites_file} (sites: {', '.join(sites)})", CONFIG_EXIT)
    if not site_keys and not all_sites:
        fail(f"name the sites to crawl or use --all (sites in {sites_file}: {', '.join(sites)})", CONFIG_EXIT)
    chosen = list(sites.values()) if all_sites else [sites[key] for key in site_keys]
    dispatcher = _dispatcher(scrapyd, shards_dir, db_path, full)
    try:
        if dispatcher:
            summaries = dispatch_crawls(dispatcher, chosen)
        else:
            with crawl_lock(db_path, wait=wait):
                summaries = run_crawls(
                    chosen,
                    db_path,
                    full=full,
                    recheck=recheck,
                    verbose=verbose,
                    log_file=log_file,
                    show_progress=sys.stderr.isatty(),
                )
    except ArchiveBusy as error:
        fail(str(error), BUSY_EXIT)
    except ArchiveFailure as error:
        fail(f"{error}; the crawl stopped and what was archived before is intact")
    except (sqlite3.Error, OSError) as error:
        fail(f"archive {db_path}: {error}")
    for summary in summaries:
        click.echo(json.dumps(summary, ensure_ascii=False) if as_json else summary_line(summary))
    if any(failed(s) for s in summaries):
        sys.exit(FAILED_EXIT)


def _load_sites(sites_file: str) -> dict:
    from spiders.sites import SitesError, load_sites

    try:
        return load_sites(sites_file)
    except SitesError as error:
        fail(str(error), CONFIG_EXIT)


@cli.command()
@sites_option
@db_option
@click.option("--timezone", default=None, help="Time zone of the cron expressions (default: this machine's).")
@scrapyd_options
@click.option(
    "--retry",
    "retry_seconds",
    type=click.FloatRange(min=1),
    default=DISPATCH_RETRY_SECONDS,
    show_default=True,
    help="With --scrapyd: seconds between looks for sites left overdue (their node was down).",
)
def schedule(sites_file, db_path, timezone, scrapyd, shards_dir, retry_seconds):
    """Run the scheduler in the foreground: each site crawled on its `schedule` (cron), until SIGTERM or Ctrl-C."""
    from .schedule import CrawlScheduler, DispatchedCrawls, LocalCrawls

    sites = _load_sites(sites_file)
    dispatcher = _dispatcher(scrapyd, shards_dir, db_path)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    crawls = DispatchedCrawls(dispatcher) if dispatcher else LocalCrawls(sites_file, db_path)
    try:
        scheduler = CrawlScheduler(
            sites, db_path, crawls, timezone=timezone, retry_seconds=retry_seconds if dispatcher else None
        )
        caught_up = scheduler.add_jobs()
    except (sqlite3.Error, ValueError) as error:
        fail(str(error))
    click.echo(
        f"scheduling {len(sites)} sites from {sites_file} into {db_path}"
        + (f"; catching up now: {', '.join(caught_up)}" if caught_up else ""),
        err=True,
    )
    scheduler.run()


@cli.command()
@click.option(
    "--sites", "sites_file", default=None, help="The sites file (TOML), for the next scheduled runs; optional."
)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per site.")
@shards_argument
def status(sites_file, db_path, as_json, shards):
    """The archive's totals, and per site the last crawl (and, with a sites file, the next scheduled one).
    Name several ARCHIVEs (shards) to see each."""
    import datetime

    from .schedule import next_runs

    paths = archive_paths(db_path, shards)
    sites = _load_sites(sites_file or DEFAULT_SITES) if sites_file or Path(DEFAULT_SITES).exists() else {}
    now = datetime.datetime.now().astimezone()
    upcoming = next_runs(sites, now.tzinfo, now)
    seen: set[str] = set()
    for path in paths:
        with open_archive(path) as archive:
            if not as_json:
                click.echo(_totals_line(path, archive.read.counts()))
            held = archive.crawls.site_keys()
            # one archive: every site of the sites file, crawled or not; shards: each site where it is
            keys = [*(k for k in sites if len(paths) == 1 or k in held), *(k for k in held if k not in sites)]
            for key in keys:
                last = archive.crawls.last_run(key)
                out = {
                    "site": key,
                    "archive": path,
                    "next_run": upcoming[key].isoformat(timespec="minutes") if key in upcoming else None,
                    **archive.read.site_totals(key),
                    "last_run": dict(last) if last else None,
                }
                click.echo(json.dumps(out, ensure_ascii=False) if as_json else _status_line(out))
                seen.add(key)
    for key in (k for k in sites if k not in seen):
        out = {
            "site": key,
            "archive": None,
            "next_run": upcoming[key].isoformat(timespec="minutes"),
            "documents": 0,
            "versions": 0,
            "withdrawn": 0,
            "last_run": None,
        }
        click.echo(json.dumps(out, ensure_ascii=False) if as_json else _status_line(out))


def _totals_line(db_path: str, counts: dict) -> str:
    return (
        f"{db_path}: {counts['documents']} documents, {counts['versions']} versions, {counts['captures']} captures,"
        f" {counts['crawl_runs']} crawl runs"
    )


def _status_line(out: dict) -> str:
    last = out["last_run"]
    crawled = (
        (
            f"last {last['started_at']} {last['status']}{' on ' + last['node'] if last.get('node') else ''} "
            f"(+{last['new_documents']} documents, +{last['new_versions']} versions,"
            f" {last['withdrawn']} withdrawn, {last['blocked']} blocked, {last['errors']} errors)"
        )
        if last
        else "never crawled"
    )
    upcoming = f"; next {out['next_run']}" if out["next_run"] else ""
    why = f" -- {last['message']}" if last and last["message"] else ""
    return (
        f"{out['site']}: {crawled}{upcoming}; archive {out['documents']} documents, "
        f"{out['versions']} versions, {out['withdrawn']} withdrawn{why}"
    )


@cli.command()
@db_option
@click.option("--warc", "warc_file", type=click.Path(dir_okay=False), help="Write WARC 1.1 (gzipped) to this file.")
@click.option(
    "--jsonl", "jsonl_file", type=click.Path(dir_okay=False), help="Write one JSON object per version to this file."
)
@site_option
@shards_argument
def export(db_path, warc_file, jsonl_file, site, shards):
    """Export the archive as WARC (raw captures) and/or JSON Lines (versions); several ARCHIVEs (shards) into one
    file."""
    from collections import Counter

    from archive.export import export_jsonl, export_warc

    if not warc_file and not jsonl_file:
        fail("say what to write: --warc FILE and/or --jsonl FILE")
    paths = archive_paths(db_path, shards)

    def each_archive(export, what: str):
        """Write every archive's records one after the other into one file; what each export counted."""

        def write(out) -> list:
            counted = []
            for path in paths:
                with open_archive(path) as archive:
                    counted.append(export(archive, out, site, progress=_progress(what)))
            _end_progress()
            return counted

        return write

    if warc_file:
        counts = sum(map(Counter, _write_atomically(warc_file, "wb", each_archive(export_warc, "captures"))), Counter())
        click.echo(
            f"{warc_file}: {counts['response']} responses, {counts['revisit']} revisits, {counts['request']} requests"
        )
    if jsonl_file:
        count = sum(_write_atomically(jsonl_file, "w", each_archive(export_jsonl, "versions")))
        click.echo(f"{jsonl_file}: {count} versions")


@cli.command("reprocess")
@db_option
@site_option
def reprocess_command(db_path, site):
    """Extract every document again from its stored raw capture (after an extractor upgrade); fetches nothing."""
    require_archive(db_path)
    with open_archive(db_path) as archive:
        try:
            counts = reprocess(archive, site, progress=_progress("documents"))
            _end_progress()
        except sqlite3.Error as error:
            fail(f"archive {db_path}: {error}")
    click.echo(f"reprocessed {counts['documents']} documents: {counts['new_versions']} new versions")


def _progress(what: str):
    """On a terminal, a counter redrawn every PROGRESS_EVERY items; nothing when the output goes elsewhere."""
    if not sys.stderr.isatty():
        return None

    def show(done: int) -> None:
        if done == 1 or done % PROGRESS_EVERY == 0:  # at once, then now and then
            click.echo(f"\r\033[K{done} {what}…", err=True, nl=False)

    return show


def _end_progress() -> None:
    if sys.stderr.isatty():
        click.echo("\r\033[K", err=True, nl=False)


def _write_atomically(path: str, mode: str, write):
    """Write to a temporary file beside `path` and rename it, so a failed export leaves no half-written file."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    try:
        with open(partial, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as out:
            result = write(out)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        fail(f"cannot write {path}: {error.strerror}")
    return result


@cli.command()
@db_option
@click.option("--port", default=8001, show_default=True)
@shards_argument
def serve(db_path, port, shards):
    """Open the archive in Datasette on 127.0.0.1; several ARCHIVEs (shards) are served and searched together."""
    from .serve import run_datasette

    paths = archive_paths(db_path, shards)
    if not port_is_free(port):
        fail(f"port {port} is in use on 127.0.0.1: choose another with --port")
    for path in paths:
        open_archive(path).close()  # bring an older archive's schema up to date before Datasette reads it
    run_datasette(paths, port)


def _writable(db_path: str) -> bool:
    try:
        Path(db_path).touch()
    except OSError:
        return False
    Path(db_path).unlink()
    return True


def port_is_free(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@cli.command()
@db_option
@click.option(
    "--portal-port", default=8750, show_default=True, help="Port of the sample portal (stable URLs across runs)."
)
@click.option("--keep-serving", is_flag=True, help="Leave the sample portal running until Ctrl-C.")
def demo(db_path, portal_port, keep_serving):
    """Start the bundled sample portal, crawl it twice into the archive, and say how to browse the result."""
    from .demo import run_demo

    if Path(db_path).exists():
        click.echo(
            f"zwgk: warning: {db_path} already holds an archive; the sample portal starts afresh, so what the "
            "last demo's second night added will be found gone and marked withdrawn (a new --db avoids it)",
            err=True,
        )
    elif not _writable(db_path):
        fail(f"cannot write the archive {db_path}: choose a --db in a folder you can write to", CONFIG_EXIT)
    try:
        code = run_demo(db_path, keep_serving, portal_port)
    except OSError as error:
        fail(f"cannot start the sample portal on port {portal_port}: {error.strerror}; try --portal-port")
    sys.exit(code)


def main():
    cli()
