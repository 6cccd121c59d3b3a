"""Small newsrooms for the site-list tests, written into a temporary folder and served by
newsarchive.fixtureserver on loopback; and helpers to run the real commands from there."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PARAGRAPHS = [
    "The city council voted on Tuesday evening to extend the night bus network to the northern "
    "districts, after a year of petitions from residents who work late shifts at the hospital.",
    "Council members said the extension would cost about 1.2 million a year, paid for by a "
    "small rise in parking charges in the city centre that takes effect in the spring.",
    "Residents who had campaigned for the change welcomed the decision but said the buses "
    "should run every twenty minutes rather than every forty, as the council has proposed.",
    "The transport committee will publish a timetable next month, and the first buses are "
    "expected to run in March if the operator can hire enough drivers in time.",
]


def article_html(title: str, number: int) -> str:
    body = "".join(f"<p>{text} (Story {number}.)</p>" for text in PARAGRAPHS)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:type' content='article'></head><body><header><a href='/'>Home</a>"
            f"</header><article><h1>{title}</h1><p class='byline'>By Ann Reporter</p>"
            f"<time datetime='2026-11-0{number % 9 + 1}'>November {number % 9 + 1}, 2026</time>"
            f"{body}</article><footer><a href='/tag/city/'>City</a> "
            f"<a href='/private/draft.html'>Draft</a></footer></body></html>")


def make_newsroom(root: Path, name: str, stories: int, *, crawl_delay: float | None = None,
                  extra_links: str = "") -> Path:
    """A newsroom: a home page linking `stories` articles, a tag page, a private (robots.txt
    disallowed) page and `extra_links`; robots.txt with an optional Crawl-delay."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "news").mkdir(exist_ok=True)
    (root / "tag" / "city").mkdir(parents=True, exist_ok=True)
    (root / "private").mkdir(exist_ok=True)
    links = "".join(f"<li><a href='/news/{i}.html'>{name} story {i}</a></li>"
                    for i in range(1, stories + 1))
    (root / "index.html").write_text(
        f"<html><head><title>{name}</title></head><body><h1>{name}</h1><ul>{links}</ul>"
        f"<a href='/tag/city/'>City</a> <a href='/private/draft.html'>Draft</a>{extra_links}"
        "</body></html>", encoding="utf-8")
    for i in range(1, stories + 1):
        (root / "news" / f"{i}.html").write_text(article_html(f"{name} story {i}", i),
                                                  encoding="utf-8")
    (root / "tag" / "city" / "index.html").write_text(
        "<html><body><a href='/news/1.html'>1</a></body></html>", encoding="utf-8")
    (root / "private" / "draft.html").write_text("<html><body>draft</body></html>",
                                                 encoding="utf-8")
    robots = "User-agent: *\nDisallow: /private/\n"
    if crawl_delay is not None:
        robots += f"Crawl-delay: {crawl_delay:g}\n"
    (root / "robots.txt").write_text(robots, encoding="utf-8")
    return root


def write_site_list(path: Path, sites: dict[str, dict]) -> Path:
    """A sites.toml from {name: {key: value}} (values written as JSON, which TOML accepts
    for strings, numbers, booleans and lists of them)."""
    lines = []
    for name, keys in sites.items():
        lines.append(f"[sites.{name}]")
        lines += [f"{key} = {json.dumps(value)}" for key, value in keys.items()]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def env() -> dict:
    return {**os.environ, "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "", "PYTHONUNBUFFERED": "1"}


def run(argv: list, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(arg) for arg in argv], cwd=cwd, env=env(), capture_output=True,
                          text=True, timeout=timeout)


def scrapy(*args, cwd: Path, python: str = sys.executable, **kwargs) -> subprocess.CompletedProcess:
    """The project's `scrapy` command from any folder (python -m spiders)."""
    return run([python, "-m", "spiders", *args], cwd, **kwargs)


def newsarchive(*args, cwd: Path, python: str = sys.executable, **kwargs) -> subprocess.CompletedProcess:
    return run([python, "-m", "newsarchive", *args], cwd, **kwargs)
