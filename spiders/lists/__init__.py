"""List pages of each portal family to entries (document links) and the next list request.

Plain functions over decoded text, no Scrapy: `detect` names the family of a start page, and each
family's `parse(page, state)` returns a Listing. `state` is what the family put in the previous
Fetch (paging parameters) and comes back with the answer to it.
"""

from . import generic, gkmlpt, hanweb, jcms, trs
from .common import Entry, Fetch, Listing, Page, matches_nothing

FAMILIES = {"gkmlpt": gkmlpt, "jcms": jcms, "hanweb": hanweb, "trs": trs, "generic": generic}


def detect(page: Page) -> str:
    """The first family whose fingerprints are on the page; generic when none is."""
    return next(name for name, family in FAMILIES.items() if name == "generic" or family.matches(page))


def parse(family: str, page: Page, state: dict | None = None, selectors: dict | None = None) -> Listing:
    return FAMILIES[family].parse(page, state or {}, selectors or {})


__all__ = ["Entry", "Fetch", "Listing", "Page", "FAMILIES", "detect", "matches_nothing", "parse"]
