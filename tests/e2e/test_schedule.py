"""Cron safety (one crawl per archive, quiet output, log file) and the APScheduler daemon, with real subprocesses."""

import datetime
import json
import re
import signal
import subprocess
import time

from conftest import ZWGK, on_a_terminal, rows, zwgk

from spiders.sites import cron_trigger
from zwgk.schedule import is_overdue

UTC = datetime.UTC


def wait_for(condition, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def sites_file(portal, tmp_path, schedules: dict, **settings):
    text = ""
    for key, schedule in schedules.items():
        text += portal.sites_toml([key], **settings).replace(
            f"[sites.{key}]", f'[sites.{key}]\nschedule = "{schedule}"'
        )
    path = tmp_path / "sites.toml"
    path.write_text(text, "utf-8")
    return path


def runs(db, site=None):
    try:
        return rows(
            db,
            "select * from crawl_runs" + (" where site = ?" if site else "") + " order by id",
            *([site] if site else []),
        )
    except Exception:
        return []


def test_second_crawl_of_the_same_archive_exits_with_the_lock_code(portal, db, tmp_path):
    sites = sites_file(portal, tmp_path, {"hanweb-gsgg": "30 2 * * *"}, download_delay=0.1, concurrency=1)
    first = subprocess.Popen(
        [*ZWGK, "crawl", "--all", "--sites", str(sites), "--db", str(db)], stdout=subprocess.PIPE, text=True
    )
    assert wait_for(lambda: runs(db))
    second = zwgk("crawl", "--all", "--sites", sites, "--db", db)
    assert second.returncode == 75
    assert second.stderr.startswith("zwgk: another crawl is using") and len(second.stderr.splitlines()) == 1
    out, _ = first.communicate(timeout=120)
    assert first.returncode == 0 and len(runs(db)) == 1
    waited = zwgk("crawl", "--all", "--wait", "--sites", sites, "--db", db)
    assert waited.returncode == 0 and len(runs(db)) == 2


def test_crawl_is_quiet_for_cron_and_logs_to_a_file(portal, db, tmp_path):
    sites = sites_file(portal, tmp_path, {"trs-tzgg": "30 2 * * *", "gkmlpt": "0 4 * * 1-5"})
    log = tmp_path / "crawl.log"
    done = zwgk("crawl", "--all", "--sites", sites, "--db", db, "--log-file", log)
    assert done.returncode == 0 and done.stderr == ""
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["trs-tzgg", "gkmlpt"]
    logged = log.read_text("utf-8")
    assert len(re.findall(r": new_version +v1 ", logged)) == 31 + 30 and "blocked (ruishu-412" in logged
    assert logged.count("zwgk-run-summary") == 2  # each site's run row, as a dispatcher reads it from scrapyd's log


def start_scheduler(sites, db) -> subprocess.Popen:
    """`zwgk schedule` in the foreground, as a service manager starts it."""
    command = [*ZWGK, "schedule", "--sites", str(sites), "--db", str(db)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_scheduler_runs_cron_jobs_catches_up_and_never_overlaps(portal, db, tmp_path):
    sites = sites_file(portal, tmp_path, {"hanweb-gsgg": "*/3 * * * * *", "trs-zcwj": "0 3 1 1 *"})
    scheduler = start_scheduler(sites, db)
    try:
        assert wait_for(lambda: sum(r["status"] == "ok" for r in runs(db, "hanweb-gsgg")) >= 3, timeout=90)
    finally:
        scheduler.send_signal(signal.SIGTERM)
        out, err = scheduler.communicate(timeout=120)
    assert scheduler.returncode == 0, err
    assert "catching up now: hanweb-gsgg, trs-zcwj" in err
    yearly = runs(db, "trs-zcwj")
    assert [r["status"] for r in yearly] == ["ok"]  # the catch-up run: it had never been crawled
    frequent = runs(db, "hanweb-gsgg")
    assert all(r["status"] in ("ok", "interrupted") for r in runs(db))
    for earlier, later in zip(frequent, frequent[1:]):
        assert earlier["finished_at"] <= later["started_at"]  # never two crawls of a site at once


def test_sigterm_stops_a_running_crawl_and_closes_its_run(portal, db, tmp_path):
    sites = sites_file(portal, tmp_path, {"jcms-tzgg": "0 3 1 1 *"}, download_delay=0.5, concurrency=1)
    scheduler = start_scheduler(sites, db)
    try:
        assert wait_for(lambda: any(r["status"] == "running" and r["pages_fetched"] > 0 for r in runs(db)))
    finally:
        scheduler.send_signal(signal.SIGTERM)
        scheduler.communicate(timeout=120)
    assert scheduler.returncode == 0
    (run,) = runs(db)
    assert run["status"] == "interrupted" and run["finished_at"]


def test_overdue_after_downtime():
    trigger = cron_trigger("30 2 * * *", UTC)
    now = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    assert is_overdue(trigger, None, now)
    assert is_overdue(trigger, "2026-11-20T01:00:00+00:00", now)  # missed last night's 02:30
    assert not is_overdue(trigger, "2026-11-21T02:40:00+00:00", now)  # crawled after it


def test_status_reports_last_and_next_crawl(portal, db, tmp_path):
    sites = sites_file(portal, tmp_path, {"gkmlpt": "30 2 * * *", "mirror": "0 5 * * 0"})
    zwgk("crawl", "gkmlpt", "--sites", sites, "--db", db, check=True)
    done = zwgk("status", "--sites", sites, "--db", db, "--json")
    gkmlpt, mirror = map(json.loads, done.stdout.splitlines())
    assert gkmlpt["last_run"]["status"] == "ok" and gkmlpt["documents"] == 30 and gkmlpt["versions"] == 30
    assert "T02:30" in gkmlpt["next_run"] and mirror["last_run"] is None and mirror["documents"] == 0
    assert datetime.datetime.fromisoformat(mirror["next_run"]).weekday() == 6  # crontab 0 = Sunday


def test_crawl_shows_progress_on_a_terminal_and_only_the_summary_under_cron(portal, db, tmp_path):
    sites = sites_file(portal, tmp_path, {"gkmlpt": "30 2 * * *"})
    returncode, seen, out = on_a_terminal("crawl", "gkmlpt", "--sites", sites, "--db", db)
    assert returncode == 0
    assert "gkmlpt: " in seen and " documents, " in seen  # the live line, drawn while the crawl ran
    assert out.startswith("gkmlpt: ok")
    quiet = zwgk("crawl", "gkmlpt", "--sites", sites, "--db", db)  # not a terminal: the summary only
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout.startswith("gkmlpt: ok")


def test_export_and_reprocess_count_on_a_terminal(portal, db, tmp_path):
    sites = sites_file(portal, tmp_path, {"gkmlpt": "30 2 * * *"})
    zwgk("crawl", "gkmlpt", "--sites", sites, "--db", db, check=True)
    returncode, seen, out = on_a_terminal("reprocess", "--db", db)
    assert returncode == 0 and "1 documents…" in seen and out.startswith("reprocessed 30 documents")
    returncode, seen, _ = on_a_terminal("export", "--db", db, "--jsonl", tmp_path / "all.jsonl")
    assert returncode == 0 and "1 versions…" in seen
