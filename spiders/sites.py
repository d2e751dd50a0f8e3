"""The sites file: one TOML table per portal section, checked key by key.

A mistake is reported as one line naming the file, the site and the key, so that a cron job's
mail says exactly what to fix.
"""

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import settings as defaults

FAMILIES = ("trs", "jcms", "hanweb", "gkmlpt", "generic")
SELECTOR_KEYS = ("list_item", "link", "date", "next_page")
DEFAULT_SCHEDULE = "30 2 * * *"
DEFAULT_SHARD = "main"
SHARD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")  # a shard's archive is the file SHARD.db
WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAY_NUMBER_RE = re.compile(r"(?<![/\d])[0-7](?!\d)")


class SitesError(ValueError):
    """A sites file that cannot be used; the message is the one line shown to the user."""


@dataclass
class Site:
    key: str
    name: str
    start_urls: list[str]
    cms: str | None = None  # force a family instead of detecting it
    allowed_domains: list[str] = field(default_factory=list)
    schedule: str = DEFAULT_SCHEDULE  # cron expression, for `zwgk schedule`
    download_delay: float = defaults.DOWNLOAD_DELAY  # seconds between requests to the portal
    concurrency: int = defaults.CONCURRENT_REQUESTS_PER_DOMAIN  # requests in flight per portal
    autothrottle: bool = defaults.AUTOTHROTTLE_ENABLED
    obey_robots: bool = defaults.ROBOTSTXT_OBEY
    contact: str | None = None  # added to the user agent so webmasters can reach you
    timeout: float = defaults.DOWNLOAD_TIMEOUT
    retries: int = defaults.RETRY_TIMES  # further tries after a 5xx answer or a timeout
    retry_backoff: float = defaults.RETRY_BACKOFF  # seconds before the first retry, doubling with each
    stop_after_known: int = 10  # consecutive already-archived list entries that end an incremental walk
    max_pages: int | None = None  # list pages per list and crawl
    revisit_min_days: float = 1.0  # a document is rechecked after age/10 days, within these bounds
    revisit_max_days: float = 30.0
    attachments: bool = True
    images: bool = True  # also keep the images a document's text shows (scanned pages, charts), as attachments
    attachment_max_mb: float = defaults.ATTACHMENT_MAXSIZE / defaults.MIB
    selectors: dict = field(default_factory=dict)
    shard: str = DEFAULT_SHARD  # the archive (SHARD.db) this site is written to when crawls are dispatched

    @property
    def domains(self) -> list[str]:
        return self.allowed_domains or sorted({urlsplit(u).hostname for u in self.start_urls})

    def scrapy_settings(self, user_agent: str) -> dict:
        """This site's politeness as Scrapy settings, applied by the spider to its own crawler."""
        return {
            "DOWNLOAD_DELAY": self.download_delay,
            "CONCURRENT_REQUESTS_PER_DOMAIN": self.concurrency,
            "AUTOTHROTTLE_ENABLED": self.autothrottle,
            "ROBOTSTXT_OBEY": self.obey_robots,
            "USER_AGENT": user_agent + (f"; contact: {self.contact}" if self.contact else ""),
            "DOWNLOAD_TIMEOUT": self.timeout,
            "RETRY_TIMES": self.retries,
            "RETRY_BACKOFF": self.retry_backoff,
        }

    @property
    def attachment_max_bytes(self) -> int:
        return int(self.attachment_max_mb * defaults.MIB)


# key -> (check, what it must be)
CHECKS = {
    "name": (lambda v: isinstance(v, str) and v.strip(), "a non-empty string"),
    "start_urls": (
        lambda v: isinstance(v, list) and v and all(_is_http_url(u) for u in v),
        "a non-empty list of http(s) URLs",
    ),
    "cms": (lambda v: v in FAMILIES, "one of " + ", ".join(FAMILIES)),
    "allowed_domains": (
        lambda v: isinstance(v, list) and all(isinstance(d, str) and d for d in v),
        "a list of host names",
    ),
    "schedule": (
        lambda v: isinstance(v, str) and _is_cron(v),
        'a cron expression of five fields (six with seconds first), e.g. "30 2 * * *"',
    ),
    "download_delay": (lambda v: _number(v) and v >= 0, "a number of seconds >= 0"),
    "concurrency": (lambda v: _integer(v) and 1 <= v <= 16, "an integer from 1 to 16"),
    "autothrottle": (lambda v: isinstance(v, bool), "true or false"),
    "obey_robots": (lambda v: isinstance(v, bool), "true or false"),
    "contact": (lambda v: isinstance(v, str), "a string (e-mail or URL)"),
    "timeout": (lambda v: _number(v) and v > 0, "a number of seconds > 0"),
    "retries": (lambda v: _integer(v) and 0 <= v <= 10, "an integer from 0 to 10"),
    "retry_backoff": (lambda v: _number(v) and v >= 0, "a number of seconds >= 0"),
    "stop_after_known": (lambda v: _integer(v) and v >= 1, "an integer >= 1"),
    "max_pages": (lambda v: _integer(v) and v >= 1, "an integer >= 1"),
    "revisit_min_days": (lambda v: _number(v) and v >= 0, "a number of days >= 0"),
    "revisit_max_days": (lambda v: _number(v) and v > 0, "a number of days > 0"),
    "attachments": (lambda v: isinstance(v, bool), "true or false"),
    "images": (lambda v: isinstance(v, bool), "true or false"),
    "attachment_max_mb": (lambda v: _number(v) and v > 0, "a number of MiB > 0"),
    "shard": (
        lambda v: isinstance(v, str) and SHARD_RE.fullmatch(v),
        "a name of letters, digits, - and _ (the shard's file is NAME.db)",
    ),
    "selectors": (
        lambda v: isinstance(v, dict) and set(v) <= set(SELECTOR_KEYS) and all(isinstance(s, str) for s in v.values()),
        "a table with string values for " + ", ".join(SELECTOR_KEYS),
    ),
}
REQUIRED = ("name", "start_urls")


def load_sites(path: str | Path) -> dict[str, Site]:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise SitesError(f"sites file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SitesError(f"cannot read sites file {path}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise SitesError(f"{path}: not valid TOML: {error}") from None
    sites = data.get("sites")
    unknown = set(data) - {"sites"}
    if unknown:
        raise SitesError(f"{path}: unknown top-level key '{sorted(unknown)[0]}' (sites go under [sites.NAME])")
    if not isinstance(sites, dict) or not sites:
        raise SitesError(f"{path}: no sites: add a table such as [sites.my-portal] with name and start_urls")
    problems = [f"{path}: site '{key}': {problem}" for key, table in sites.items() for problem in _problems(table)]
    if problems:
        raise SitesError("\n".join(problems))
    return {key: Site(key=key, **table) for key, table in sites.items()}


def _problems(table) -> list[str]:
    """Every mistake in one site's table, so that one run of the command shows them all."""
    if not isinstance(table, dict):
        return ["must be a table of settings"]
    problems = [_unknown(name) for name in table if name not in CHECKS]
    problems += [f"key '{name}' is required" for name in REQUIRED if name not in table]
    for name, value in table.items():
        check, expected = CHECKS.get(name, (None, None))
        if check and not check(value):
            problems.append(f"key '{name}' must be {expected}, not {value!r}")
    if selector_problem := _selector_problem(table.get("selectors")):
        problems.append(selector_problem)
    if table.get("revisit_min_days", 0) > table.get("revisit_max_days", float("inf")):
        problems.append("key 'revisit_min_days' must not exceed revisit_max_days")
    return problems


def _unknown(name: str) -> str:
    close = difflib.get_close_matches(name, CHECKS, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(CHECKS)}"
    return f"unknown key '{name}' ({hint})"


def _selector_problem(selectors) -> str | None:
    """Selectors are compiled now, before anything is fetched."""
    from .lists.common import compile_selector

    if not isinstance(selectors, dict):
        return None
    for key, selector in selectors.items():
        try:
            if isinstance(selector, str):
                compile_selector(selector)
        except ValueError as error:
            return f"key 'selectors.{key}': {error}"
    return None


def _is_http_url(value) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def cron_trigger(expression: str, timezone=None):
    """An APScheduler trigger from five cron fields (minute hour day month weekday), or six with seconds first."""
    from apscheduler.triggers.cron import CronTrigger

    fields = expression.split()
    if len(fields) not in (5, 6):
        raise ValueError(f"expected 5 or 6 fields, got {len(fields)}")
    second, minute, hour, day, month, day_of_week = (["0"] if len(fields) == 5 else []) + fields
    # crontab counts weekdays from Sunday = 0 (or 7); APScheduler from Monday = 0: use names.
    day_of_week = WEEKDAY_NUMBER_RE.sub(lambda m: WEEKDAYS[int(m[0])], day_of_week)
    return CronTrigger(
        second=second, minute=minute, hour=hour, day=day, month=month, day_of_week=day_of_week, timezone=timezone
    )


def _is_cron(value: str) -> bool:
    try:
        cron_trigger(value)
    except ValueError:
        return False
    return True


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
