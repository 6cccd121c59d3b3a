"""The Python examples in docs/*.md run as written (each page's blocks share one namespace),
and so does every sqlite-utils command of the README's query cookbook."""
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def python_blocks(page: Path) -> list[str]:
    return _PYTHON_BLOCK.findall(page.read_text(encoding="utf-8"))


PAGES = [page for page in sorted(DOCS.glob("*.md")) if python_blocks(page)]


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_python_examples_run(page, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    namespace: dict = {}
    for number, block in enumerate(python_blocks(page), 1):
        code = compile(block, f"{page.name}[block {number}]", "exec")
        exec(code, namespace)  # noqa: S102 - the docs' own examples


# -- the README's query cookbook: every sqlite-utils command, run by the real CLI -----------

README = DOCS.parent / "README.md"
_COOKBOOK_BLOCK = re.compile(r"^```sh cookbook\n(.*?)^```", re.S | re.M)
SQLITE_UTILS = str(Path(sys.executable).parent / "sqlite-utils")


def cookbook_commands() -> list[str]:
    return [line for block in _COOKBOOK_BLOCK.findall(README.read_text(encoding="utf-8"))
            for line in block.splitlines() if line.startswith("sqlite-utils ")]


COOKBOOK = cookbook_commands()
#: What some commands must show of the test archive (a substring of the command -> of its output).
COOKBOOK_SHOWS = {
    "search data/archive.db articles \"Assad\"": "iran-russia-cooperate-to-keep-assad",
    "having versions > 1": "iran-russia-cooperate-to-keep-assad",
    "from pages where error": "unreachable.example",
    "json_each(articles.authors)": "author",
    "group by site": "iranfocus.com",
}


@pytest.fixture(scope="module")
def cookbook_archive(tmp_path_factory):
    from real_archive import build_real_archive
    folder = tmp_path_factory.mktemp("cookbook")
    build_real_archive(folder / "data" / "archive.db")
    return folder


def test_the_cookbook_has_its_recipes():
    assert len(COOKBOOK) >= 12
    for needed in ("rows", "search", "json_each", "group by site", "--csv", "article_versions"):
        assert any(needed in command for command in COOKBOOK), needed
    assert all(any(key in command for command in COOKBOOK) for key in COOKBOOK_SHOWS)


@pytest.mark.parametrize("command", COOKBOOK, ids=range(1, len(COOKBOOK) + 1))
def test_cookbook_command_runs(command, cookbook_archive):
    args = shlex.split(command)
    result = subprocess.run([SQLITE_UTILS, *args[1:]], cwd=cookbook_archive, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    output = result.stdout.strip()
    if output.startswith("["):
        assert json.loads(output), "no rows"
    else:
        assert len(output.splitlines()) >= 2, f"no rows: {output!r}"  # a header and a row
    for key, shown in COOKBOOK_SHOWS.items():
        if key in command:
            assert shown in output
