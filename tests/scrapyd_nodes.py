"""Real scrapyd nodes on this machine, for the tests and the benchmark of dispatched crawls: each node a
scrapyd process in its own folder on a free localhost port, the project deployed to them as a user does
it (scrapy.cfg targets and `scrapyd-deploy -a`)."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import free_port, get

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCRAPYD_CONF = """[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = eggs
logs_dir = logs
dbs_dir = dbs
poll_interval = 0.2
max_proc = 4
"""


class Node:
    """One scrapyd process in its own folder (its eggs, logs and queue survive a restart)."""

    def __init__(self, home: Path):
        self.home, self.port = home, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        home.mkdir()
        (home / "scrapyd.conf").write_text(SCRAPYD_CONF.format(port=self.port))
        self.process = None

    def start(self) -> "Node":
        log = open(self.home / "scrapyd.out", "ab")
        self.process = subprocess.Popen(
            [str(BIN / "scrapyd")], cwd=self.home, stdout=log, stderr=log, start_new_session=True
        )
        for _ in range(100):
            try:
                get(self.url + "/daemonstatus.json")
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"scrapyd did not start: {(self.home / 'scrapyd.out').read_text()[-2000:]}")

    def kill(self) -> None:
        """The machine goes down: scrapyd and the crawl it runs, at once."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.kill()

    def running_jobs(self) -> list:
        return json.loads(get(self.url + "/listjobs.json?project=zwgk"))["running"]


def deploy(nodes: list[Node], work: Path) -> None:
    """Copy the project, name each node as a deploy target in its scrapy.cfg, and `scrapyd-deploy -a`."""
    project = work / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__", "artifacts")
    )
    with open(project / "scrapy.cfg", "a") as cfg:
        for n, node in enumerate(nodes):
            cfg.write(f"\n[deploy:node{n}]\nurl = {node.url}/\nproject = zwgk\n")
    done = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "-a", "-p", "zwgk"], cwd=project, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0 or done.stdout.count('"status": "ok"') != len(nodes):
        raise RuntimeError(f"scrapyd-deploy failed: {done.stdout}{done.stderr}")
