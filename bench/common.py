"""What the benchmarks share: the machine line, a large sample section served locally, `zwgk` in a subprocess."""

import contextlib
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from zwgk.portal import SamplePortal, copy_site
from zwgk.portal.sections import Section, default_sections


def machine() -> str:
    python = platform.python_version()
    return f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {python}, {platform.system()}"


def big_section(docs: int) -> Section:
    """A TRS section of `docs` documents, 20 to a list page."""
    return next(s for s in default_sections(big=docs) if s.key == "big")


def lying_copy(page) -> bytes:
    """A real page as a GB18030 mirror serves it with a meta that still says UTF-8: the detector must run."""
    return page.html.replace("charset=gb2312", "charset=utf-8").encode("gb18030", "xmlcharrefreplace")


OTHER_HOST_LINK_RE = re.compile(rb"""((?:href|src)\s*=\s*["']?)(?:https?:)?//[^/"'\s>]+/""", re.I)  # //host/ too


def on_this_server(body: bytes) -> bytes:
    """A real page's links and images on other hosts (a ministry's file server, `//host/…` as well) pointed at the
    local portal, as its relative links are: offline, a lookup that fails would time the retries' backoff, not the
    pipeline."""
    return OTHER_HOST_LINK_RE.sub(rb"\1/", body)


def real_page_section(docs: int) -> Section:
    """The big TRS section with real pages behind its list: document N is real page N mod the corpus, as
    served, or every other one as its GB18030 copy with a lying meta; a comment with N keeps each unique."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from realpages import load

    bodies = [on_this_server(body) for page in load() for body in (page.raw, lying_copy(page))]
    section = big_section(docs)

    def detail_answer(doc, page, headers):
        body = bodies[doc.id % len(bodies)] + f"<!-- document {doc.id} -->".encode()
        return 200, {"Content-Type": "text/html"}, body

    section.detail_answer = detail_answer  # this section's pages only: lists, paths and everything else as before
    return section


@contextlib.contextmanager
def served(section: Section, **site_settings):
    """The section on a local sample portal with a sites file for it (politeness off); yields (portal, sites, archive
    path)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with SamplePortal(copy_site(tmp / "portal"), sections=[section]) as portal:
            sites = tmp / "sites.toml"
            sites.write_text(portal.sites_toml(**{"concurrency": 16, **site_settings}), "utf-8")
            yield portal, sites, tmp / "archive.db"


def zwgk(*args) -> str:
    """Run the `zwgk` command line; returns what it printed."""
    return subprocess.run(
        [sys.executable, "-m", "zwgk", *map(str, args)], check=True, capture_output=True, text=True
    ).stdout
