"""Scrapy's responses as the coordinator takes them."""

from scrapy.utils.datatypes import SequenceExclude

from crawler.response import Response

REDIRECTS = (301, 302, 303, 307, 308)  # the statuses Scrapy's RedirectMiddleware follows (with a Location)
# The answers the spider takes itself (handle_httpstatus_list): every status, 304, 404, 412, 503 and the rest, but a
# redirect, which is followed to where it leads (a portal moved to https, a session check) and read there.
ALL_BUT_REDIRECTS = SequenceExclude(REDIRECTS)


def to_response(response) -> Response:
    """A Scrapy response as the text pipeline and the archive take it, under the URL that was asked for."""
    original = (response.meta.get("redirect_urls") or [response.request.url])[0]
    headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
    return Response(url=original, status=response.status, body=response.body, headers=headers, final_url=response.url)
