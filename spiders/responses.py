"""Scrapy's responses as the coordinator takes them."""

from crawler.response import Response


def to_response(response) -> Response:
    """A Scrapy response as the text pipeline and the archive take it, under the URL that was asked for."""
    original = (response.meta.get("redirect_urls") or [response.request.url])[0]
    headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
    return Response(url=original, status=response.status, body=response.body, headers=headers, final_url=response.url)
