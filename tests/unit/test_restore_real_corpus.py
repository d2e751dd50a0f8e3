"""The restore script cuts a page out of the source file that holds it, byte for byte."""

import hashlib
import subprocess

import pytest
import restore_real_corpus as restore

PAGE = "<html><body><p>索引号：11440300</p></body></html>".encode()


@pytest.mark.parametrize(
    ("suffix", "held"),
    [
        (".js", b"export default `" + PAGE + b"`;\n"),
        (".py", b'aaa = """' + PAGE + b'"""\nprint(aaa)\n'),
        (".html", PAGE),
        (".java", b'String a = "x";\nparse("' + PAGE[:20] + b'" +\n  "' + PAGE[20:] + b'");\n'),
    ],
)
def test_a_page_is_cut_from_the_literal_that_holds_it(suffix, held):
    assert restore.held_page(held, suffix) == PAGE


def test_a_page_in_java_literals_has_its_escapes_decoded_and_no_other():
    held = b'parse("<html>\\n<body class=\\"a\\">" + "</body></html>");'
    assert restore.held_page(held, ".java") == b'<html>\n<body class="a"></body></html>'
    with pytest.raises(KeyError):  # \u: not among the escapes the corpus's pages hold; not guessed
        restore.held_page(b'parse("<html><body>\\u7d22</body></html>");', ".java")


def test_a_page_whose_bytes_differ_from_the_recorded_digest_is_not_written(tmp_path, monkeypatch):
    mirror = tmp_path / "mirrors" / "someone+pages" / "repo"
    work = tmp_path / "work"
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    (work / "a.html").write_bytes(PAGE)
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "add", "a.html"], check=True)
    subprocess.run([*git, "commit", "-qm", "page"], check=True)
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(mirror)], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    monkeypatch.setattr(restore, "SHARED", tmp_path / "shared")
    (tmp_path / "shared" / "pages").mkdir(parents=True)
    row = {"id": "other-x-01", "repo": "someone/pages", "path": "a.html", "commit": commit}
    monkeypatch.setattr(restore, "DIGESTS", {"other-x-01": "0" * 64})
    with pytest.raises(ValueError):
        restore.restore_page(row, tmp_path / "mirrors")
    assert not (tmp_path / "shared" / "pages" / "other-x-01.html").exists()
    monkeypatch.setattr(restore, "DIGESTS", {"other-x-01": hashlib.sha256(PAGE).hexdigest()})
    restore.restore_page(row, tmp_path / "mirrors")
    assert (tmp_path / "shared" / "pages" / "other-x-01.html").read_bytes() == PAGE
