"""Real list pages of five portals, read by the list parsers: every entry a reader sees in the list, in order, with
its title and date, no menu or sidebar link, and the next page the pager gives (fixtures/real/lists/)."""

import pytest
from realpages import load_lists

from crawler.decode import decode_bytes
from spiders import lists

REAL_LISTS = load_lists()


@pytest.mark.parametrize("real", REAL_LISTS, ids=[real.id for real in REAL_LISTS])
def test_a_real_list_page_gives_the_entries_a_reader_sees(real):
    page = lists.Page(real.source["url"], decode_bytes(real.raw, None).text)
    family = lists.detect(page)
    assert family == real.source["family"]
    listing = lists.parse(family, page)
    expected = [(e["url"], e["title"], e["date"]) for e in real.entries]
    assert [(e.url, e.title, e.date) for e in listing.entries] == expected
    assert (listing.next.url if listing.next else "") == real.source["next"]
