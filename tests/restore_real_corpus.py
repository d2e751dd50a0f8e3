"""Restore the parts of the real corpus that cannot be committed (data taken from repository snapshots)
into `../shared/real/` beside the checkout: the pages' bytes, the list pages' (lists/MANIFEST.tsv), then the 500
clean texts.

    python tests/restore_real_corpus.py [--mirrors /work/.mirror]

A mirror is `<mirrors>/<owner>+<name>/repo`, as the search tool's fetch leaves it (fetch each repository
of the manifests' snapshot rows, and those of fixtures/real/texts/README.md, first). Each page is
`git show COMMIT:PATH` of its manifest row, cut out of the file that holds it (a JS template literal
between backticks, a Python string between triple quotes, Java string literals joined by `+`, their escapes
decoded) and checked against the digest recorded here.
"""

import argparse
import csv
import hashlib
import re
import subprocess
import sys
from pathlib import Path

from realpages import CHECKOUT, REAL

SHARED = CHECKOUT.parent / "shared" / "real"
DELIMITERS = {".js": b"`", ".py": b'"""'}  # a page held in source code as a string literal
PAGE_TAG_RE = re.compile(rb"<(?:html|body)[\s>]", re.I)
JAVA_LITERAL = rb'"(?:[^"\\\n]|\\.)*"'
JAVA_JOINED_RE = re.compile(JAVA_LITERAL + rb"(?:\s*\+\s*" + JAVA_LITERAL + rb")*")  # "<html>\n" + "<head>…"
JAVA_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b'"': b'"', b"'": b"'", b"\\": b"\\"}
DIGESTS = {  # sha256 of each page as restored on 2026-12-02 (checked against the gold tests)
    "other-sh-wsjkw-01": "0f824d6f1fb5818735cc4614a883a4f23773b6d5c2c19d0872b7f9396fcea81a",
    "trs-csrc-gd-01": "1c305d508e0d60325471795e6958772efaede82ee4f06f633c0d8a839e13726f",
    "trs-saic-01": "988937d77e0844d6fbecaa8cad0d9a32167e59c6727761e6ea281624ef937100",
    "other-zhecheng-01": "bff7a13ee84aef59f80e35bd912a2e644df2194cd55e97f3fd1fc2a08c81a03f",
    "other-zhecheng-02": "12c81be4a006cf96aa94567a2192a32f228ae7862469f7af39072ea844a4fe2c",
    "other-zhecheng-03": "876fc56d290482a640943c6606a60c390de4ea4f4ae878cc6d7c2a9d251d0147",
    "other-zhecheng-04": "bae28123eafe00613c0d4326370b5c7079fef08d2b2b1e90304aa0baaf387689",
    "other-zhecheng-05": "47e8955851faf789b5f3e8dbf6bedcabae8d0bff14b2086217c7a91d9969a28f",
    "trs-wuhan-gsj-01": "80e5de13b97c44947020aed241c492cbdd0e7888974794700d5b8967c8b4ae52",
    "trs-csrc-01": "7f4801adcd6e63077ff4587ffa9278f7fadf01d9131cf968971881750100c4d3",
    "trs-saic-02": "7b9eaa18037bfbc6227c78ab9c7de01cd25870834b844a5ee041920040b21d13",
    "other-jiayu-01": "12bb86dafb11dcaad71669c3ed0d13ef53c544716367f60c3f6810069ef6a023",
    "other-jiayu-02": "c16861f6fb861b0733e47ff4f0910bfc2338ebc8ebf06c2ff0f01f40934bf0c1",
    "other-jiayu-03": "2ece3784d0a825112bb1a8ee1c756ebbc836277cb4217270298afbd223e1c6c6",
    "other-jiayu-04": "8c8ffa8638c5771048906511aec2fb8a18f4b508ef55242a60b55882d4428e6c",
    "trs-cqcs-01": "6a94c8202a4bfbf38d306855da4fc43a3607f62a15f7144063d8b2b9ee242b6c",
    "trs-yuhang-01": "278a4701bce788bcd9b82d38cf3a2f36a247d0ca2f2da6fab791873adcc0b04b",
    "other-chinatax-01": "56df13534c93b42500a7292427af8a4e57037abab6104bb1ead977f03d5f1469",
    "other-sxtax-01": "e4f9d092958de223f1b571646eda5cc5878af490a3d37a1fa2a88037468671cf",
    "trs-jlxxgk-01": "7f8127f9180c109e67369a0cc926a76df4e7683cfe5f7234788e3831e88c53af",
    "trs-bynr-01": "6df122f28a9dcc7dad8663b0c062343bc0080979afc13cee6761671466737ed5",
    "trs-nmg-01": "3da6b6429d131b8ce233db8077f722fc94cd864c92213ea15608e5e075608324",
    "trs-kaili-01": "f016b560800f1228f3d4807517de4d3d72e5290781b78ebacf0f46332d9ade10",
    "other-kepu-01": "530e116717e6ad84ae3656e1cf98efe0cbffe51cc641162efe14473b999fb8ae",
    "trs-ccgp-hebei-01": "2c27e3735d60a4ee49f04ac5da8e16d80f625ba09afbb76f6abf35db9f781917",
    "other-pbc-01": "79fbf1f2e9ff8db44f5293065272efe39c991250d5c56082950537100b9affe7",
    "trs-most-01": "59ae13f2b88b97c7847a39b8ccfd6f98697e4a6edafd06f38d8581743a10af91",
    "trs-ndrc-01": "5e1eb436b4bb9e0fc3066345d254b14b5f822f7e984ed2a713872a151961e4aa",
    "other-sasac-01": "c0a8a428a0c17584c9e7015d1335f1439929ae28729cf1ebfc2151ec77f82fbb",
    "ucap-chinatax-02": "6ed50d326d719172b47108af161496053eeae900295d9d543efa71f6f393cd00",
    "trs-most-02": "ebdc542b0250bb1ef14a4fe342631e69a0a7f32f3a3410da67fa329cc085f03a",
    "trs-most-03": "c64ee09673da42e347c0bdf93277324cb89678aa78176227f4e6521d1a9bc0e4",
    "other-sasac-02": "df40925a4d7b666eb86129a1f9b5d100ec03cf75968901235d91f7490a31f910",
    "other-pbc-02": "70c5ab9964b77639efc57b0810017b4f935d1a8eb98a894a18abeeae1e779239",
    "jpaas-samr-01": "3271e8f1ba1b2977cafbfed3c682c657a4ffcf6cea345f85a04b9da52bae9fa6",
    "trs-scjgj-cq-01": "feb6d83a606a547fcea975b6aac0af959d3a3270cfc60a0925d5d04cb29464dd",
    "trt-scjgj-fujian-01": "3a1b15e51a7e64da61d856247c57541f6b902b272acaa30043d8e5469c9e388c",
    "trs-yczf-01": "554d82cb0e7d728cf96a47df849485ff1ff7aa3ce240d04f76d3c266be8fdf50",
    "other-stic-sz-01": "8acab1a53795fd70c8c5a1f2fde5a47128342f494c7c1643d3f3077e8edede02",
    "other-gz-01": "cf31f9b29d30a055dbb177e2ef7c415d84c963fd209e99274ba8f7cd0761b350",
    "other-cac-01": "39cbb310de87ccbe183dd1c1d6abcd102d651fc22911f40f1dc3ebdfdad9f413",
    "other-nra-01": "dda0477da325f9f66cb85cc4ae04a44fb4469f7b0484e5f78565d95027e0a024",
    "other-mem-01": "295a80da1781be43aa0ea2e0ca376a215718e2ef04906f5336ab98d525e3af02",
    "other-fgkchinatax-01": "b3c22c6bccab38575f91e265e24ce3d2015fc520bc602450f1fcc03dc827ead4",
    "jcms-nhsa-01": "f798616aac6faffd86b00374be37cb09a8d145479001f0fd60e0f3899703ba6a",
    "other-spp-01": "145754f3a96a57967f74a6d40f397d4c1b35935c06b1749557b48c20f45d5a52",
    "trs-zwgkmct-01": "cc732cd6bd56ccb97298eedc6f3cb54407db7c52b9219b335c174fe62a6748b2",
    "trt-yjjfujian-01": "60164ab16393eacb472f7ca71b63a091bb22c56f847bce361dfebef3e9a9c573",
    "other-mca-01": "3c1bb68706f96edd52ed30b73a2cb3e4ce0fe733e1b5002cf103c92942d9f67f",
    "trs-hbscjg-01": "1da8480be2f5e8050c3269573a8b068102080a77e5be5ccae96d3201c5f9731a",
    "ucap-gsscjg-01": "816cfc1306b5f22bf412e2e83e2aab1d0f7ae1f1925f0a80be9bed3fed983191",
    "trs-ccdi-01": "98bc4dad487184c92fa32a8556b37a2fd617fe4f671bfb0ef59ad23e3103248d",
    "other-jsggzy-01": "9fe9117e73cccc19dd91bd1b5419cea1063b9b2ae37687ea411cb9c76d3a4d9b",
    "other-nhc-01": "c273eb366737c3446ee1552169f64432d85392f9aa84ed1b0ada7b2237839436",
    "other-ggzyxinjiang-01": "042686547148d5153f816e94f6f80a9c842058f522a15a610aa63ddcce7f0fc2",
    "other-mofcom-01": "e64e6213dbce59b69e65fa0b00df8f7b23bb7d72235d41a0abbb91fb52b1731c",
    "other-htsfwb-01": "6e5fd01c87c8bd1669530dd7ec4773dfdba1e4ec0cbaecefe0fb412933433213",
    "other-amrsz-01": "6bc7a6ad9a06b37a8a4431f8b4be98cf177ae2db51a4ee76d739a6bdb65d5df7",
    "other-nmpa-02": "848750890c84c7f5a1c54a45dbdece07d81e083884b0c2d6b3240e915d7648c5",
    "jcms-nhsa-02": "e8053bf8ba1ca375c2bbed70d083408577ea4df8288bedd6602d62022c41aa8f",
    # list pages
    "generic-jiayu-list-01": "73e1bf186c70c0c9c4ea5f4192014ed3103127b65b5a753ddbcdd68ac74f524c",
    "generic-jiayu-list-02": "499282197ccd453c742d2313f1b36c07d0452234c1e13d06e310f1f3ff2aef5a",
    "trs-nhc-list-01": "528fa61e32e9915878a9916ed883cf5a794c69a9f38d044b0adbdca7482aa98d",
    "generic-sasac-list-01": "c302b208087f9276aa587fe4add4dd23ab1e48e33736a9ad0be36940509942de",
    "generic-most-list-01": "79fcf9c64d069066f9b551498227ae6a49f623692628606d690c48338d95b7b2",
}


def java_page(shown: bytes) -> bytes:
    """The first run of Java string literals joined by `+` that holds a page's tag, joined and unescaped (an
    escape other than those of JAVA_ESCAPES raises KeyError: the page is then not restored)."""
    joined = next(m.group() for m in JAVA_JOINED_RE.finditer(shown) if PAGE_TAG_RE.search(m.group()))
    literals = b"".join(m.group()[1:-1] for m in re.finditer(JAVA_LITERAL, joined))
    return re.sub(rb"\\(.)", lambda m: JAVA_ESCAPES[m.group(1)], literals)


def held_page(shown: bytes, suffix: str) -> bytes:
    """The page inside a file that holds it as a string literal (the first literal holding a page's tag), or
    the file's bytes as they are."""
    if suffix == ".java":
        return java_page(shown)
    mark = DELIMITERS.get(suffix)
    if mark is None:
        return shown
    literals = shown.split(mark)[1::2]
    return next(literal for literal in literals if PAGE_TAG_RE.search(literal))


def snapshot_rows() -> list[dict]:
    """Manifest rows of the pages not committed here."""
    committed = {p.stem for p in (REAL / "pages").glob("*.html")}
    rows = []
    for manifest in sorted((REAL / "manifest").glob("*.tsv")):
        with manifest.open(encoding="utf-8") as f:
            rows += [r for r in csv.DictReader(f, delimiter="\t") if r["id"] not in committed]
    return rows


def list_rows() -> list[dict]:
    """The list pages' manifest rows, each with the id its bytes are stored under."""
    with (REAL / "lists" / "MANIFEST.tsv").open(encoding="utf-8") as f:
        return [{**row, "id": Path(row["file"]).stem} for row in csv.DictReader(f, delimiter="\t")]


def restore_page(row: dict, mirrors: Path, into: str = "pages") -> None:
    git_dir = mirrors / row["repo"].replace("/", "+") / "repo"
    if (git_dir / ".git").is_dir():  # a mirror with a work tree
        git_dir /= ".git"
    shown = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{row['commit']}:{row['path']}"], capture_output=True, check=True
    ).stdout
    held = held_page(shown, Path(row["path"]).suffix)
    page = next(
        (page for page in (held, with_crlf(held)) if hashlib.sha256(page).hexdigest() == DIGESTS[row["id"]]), None
    )
    if page is None:
        raise ValueError("the bytes differ from the recorded digest")
    (SHARED / into / f"{row['id']}.html").write_bytes(page)


def with_crlf(page: bytes) -> bytes:
    """The page as served where a Windows commit (core.autocrlf) stored its CRLF line ends as LF."""
    return page.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=CHECKOUT.parent / ".mirror")
    mirrors = parser.parse_args().mirrors
    failed = []
    for into, rows in (("pages", snapshot_rows()), ("lists", list_rows())):
        (SHARED / into).mkdir(parents=True, exist_ok=True)
        for row in rows:
            try:
                restore_page(row, mirrors, into)
            except (subprocess.CalledProcessError, ValueError, KeyError) as e:
                failed.append(f"{row['id']}: {e}")
    texts = subprocess.run(
        [sys.executable, str(REAL / "texts" / "build_texts.py"), str(SHARED / "texts" / "texts.jsonl")]
    )
    for line in failed:
        print(f"not restored: {line}", file=sys.stderr)
    return 1 if failed or texts.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
