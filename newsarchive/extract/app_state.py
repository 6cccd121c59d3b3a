"""Article HTML held in a page's app state: JSON inside an inline script.

Some sites ship an empty shell and render the article with scripts from a JSON blob
(Next.js data, a React Query or Apollo cache, a Nuxt payload). When the markup gives almost
no text, the longest HTML string under a body-like key in those scripts is the article.
"""
from __future__ import annotations

import json
import re

from .structured import json_loads
from .tables import APP_STATE_BODY_KEY_WORDS

#: Least characters of HTML a string needs to be taken for an article body.
APP_STATE_MIN_HTML = 500
#: Paragraph tags a string must hold to be article HTML, not a widget's snippet.
APP_STATE_MIN_PARAGRAPHS = 2

#: A JSON key and its string value of 200+ characters, escapes included.
_KEYED_STRING = re.compile(r'"([\w$@.-]{1,40})"\s*:\s*"((?:[^"\\]|\\.){200,})"', re.S)
#: Template placeholders left in stored HTML for the renderer to fill ("$$ARTICLEAD$$", "{{ad}}").
_PLACEHOLDER = re.compile(r"\$\$[A-Za-z0-9_]{1,40}\$\$|\{\{[^{}<>]{1,60}\}\}")
#: An opening <p> as JSON spells it: raw, or escaped as \u003c / \x3c.
_PARAGRAPH_TAG = re.compile(r"(?:<|\\u003[cC]|\\x3[cC])p[\s>\\]")


#: How many of the headline's first words a script must hold to hold the article's record.
HEADLINE_WORDS = 6


def app_state_html(scripts: list[str], headline: str | None) -> str | None:
    """The longest article-like HTML string in the JSON of a script that also holds the
    headline's words (the article's own record, not a menu's or a widget's markup), unescaped."""
    words = re.findall(r"\w{2,}", headline or "")[:HEADLINE_WORDS]
    if not words:
        return None
    spellings = [json_spellings(word) for word in words]
    best = None
    for script in scripts:
        if len(script) < APP_STATE_MIN_HTML or _PARAGRAPH_TAG.search(script) is None \
                or not all(any(form in script for form in forms) for forms in spellings):
            continue
        for match in _KEYED_STRING.finditer(script):
            key, raw = match.group(1).lower(), match.group(2)
            if len(raw) <= len(best or "") or not any(word in key for word in APP_STATE_BODY_KEY_WORDS):
                continue
            if len(_PARAGRAPH_TAG.findall(raw)) < APP_STATE_MIN_PARAGRAPHS:
                continue
            try:
                value = json_loads('"' + raw + '"')
            except ValueError:
                continue
            if len(value) >= APP_STATE_MIN_HTML:
                best = value
    return _PLACEHOLDER.sub("", best) if best else None


def json_spellings(word: str) -> set[str]:
    """The ways JSON may spell a word: as is, or with \\u escapes in lower- or upper-case hex."""
    escaped = json.dumps(word)[1:-1]
    return {word, escaped, re.sub(r"\\u([0-9a-f]{4})", lambda m: "\\u" + m.group(1).upper(), escaped)}
