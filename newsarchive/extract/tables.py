"""Data tables of the body engine: what chrome, article containers and boilerplate look like.

Everything the engine knows about markup conventions and languages lives here, so a reviewer
can read it in one place and extend it without touching the passes. Nothing here names a site.
"""
from __future__ import annotations

import re

from .meta_tables import BYLINE_OPENERS

# ---------------------------------------------------------------- tags
#: Elements that never carry article text: dropped outright, not recorded as boilerplate.
DROP_TAGS = frozenset({
    "script", "style", "template", "svg", "canvas", "iframe", "object", "embed",
    "button", "input", "select", "textarea", "option", "optgroup", "link", "meta", "base",
    "map", "area", "audio", "video", "source", "track", "picture", "dialog", "menu", "datalist",
    "applet", "frame", "frameset", "param", "math", "head",
})

#: Page-structure elements that hold chrome, not the article: removed and recorded, unless
#: they hold most of the page's text (some sites wrap everything in one of them).
CHROME_TAGS = {"nav": "navigation", "aside": "other", "footer": "footer", "header": "other"}

#: ARIA roles of chrome regions.
CHROME_ROLES = {
    "navigation": "navigation", "menu": "navigation", "menubar": "navigation",
    "complementary": "other", "contentinfo": "footer", "banner": "navigation",
    "search": "navigation", "dialog": "other", "alertdialog": "other", "alert": "other",
    "toolbar": "share", "tablist": "navigation",
}

#: Block-level elements: each starts a new paragraph of text.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
    "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
    "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "address", "hr", "form",
    "fieldset", "legend", "details", "summary", "center", "caption", "body", "html", "hgroup",
    "output", "noscript",
})

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: HTML's phrasing (inline) elements. An element of neither kind is a site's own tag
#: (<teaser>, <article-body>, <picimage>), which may wrap blocks several levels down.
INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s",
    "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    "picture", "meter", "progress",
})

#: Elements whose text counts as one paragraph when scoring containers.
PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote", "dd", "li"})

#: Table cells: text runs on within a row, separated by a space.
CELL_TAGS = frozenset({"td", "th"})

#: Containers whose loose text (text beside their block children) counts as a paragraph.
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "td", "body", "blockquote", "form", "center", "font"})

#: Tag weights when scoring a candidate container (readability's values).
TAG_WEIGHTS = {
    "div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "form": -3, "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3,
    "th": -5, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5,
}

# ---------------------------------------------------------------- class / id tokens
#: Class/id tokens of article containers.
GOOD_TOKENS = frozenset({
    "article", "articlebody", "articletext", "articlecontent", "body", "content", "entry",
    "hentry", "main", "post", "postbody", "postcontent", "story", "storybody", "storycontent",
    "blog", "prose", "richtext", "bodytext", "artikel", "inhalt", "contenido", "articolo",
    "entrycontent", "mainbody", "maincontent", "articlepage", "longform", "cuerpo", "fulltext",
})

#: Adjacent token pairs whose article-like word only names a part of a UI component of a
#: CSS framework (Bootstrap's "panel-body", "card-body", "modal-body", "media-body"): a
#: contact box, a product card or a dialog, as often as an article.
COMPONENT_PART_PAIRS = frozenset({
    ("panel", "body"), ("card", "body"), ("modal", "body"), ("media", "body"), ("accordion", "body"),
    ("offcanvas", "body"), ("toast", "body"), ("popover", "body"), ("tooltip", "body"),
})

#: Token pairs (adjacent) that mark the article body itself: a strong signal.
BODY_TOKEN_PAIRS = frozenset({
    ("article", "body"), ("article", "content"), ("article", "text"), ("story", "body"),
    ("story", "content"), ("story", "text"), ("entry", "content"), ("post", "content"),
    ("post", "body"), ("post", "text"), ("body", "text"), ("news", "text"), ("news", "body"),
    ("news", "content"), ("content", "body"), ("text", "content"), ("rich", "text"),
    ("main", "text"), ("article", "main"), ("body", "copy"), ("article", "copy"),
    ("entry", "body"), ("blog", "content"), ("blog", "post"), ("single", "content"),
    ("detail", "content"), ("detail", "body"), ("artikel", "text"), ("article", "detail"),
    ("text", "body"), ("article", "inner"), ("content", "text"), ("page", "content"),
})

#: Single tokens that mark the article body itself.
BODY_TOKENS = frozenset({
    "articlebody", "articletext", "articlecontent", "storybody", "storycontent", "storytext",
    "entrycontent", "postcontent", "postbody", "bodytext", "richtext", "artikeltext",
    "mainbody", "newstext", "articlecopy", "textbody", "contentbody", "itemfulltext",
    # a live ticker's entries are the page's text, not reader comments ("live-match-comments")
    "matchcomment", "matchcomments", "livecomment", "livecomments", "liveticker",
})

#: Class/id tokens of an article's lead paragraph (standfirst).
LEAD_TOKENS = frozenset({
    "lead", "lede", "intro", "teaser", "standfirst", "excerpt", "chapo", "chapeau", "vorspann",
    "einleitung", "description", "descr", "sapo", "entradilla", "bajada", "sommario", "occhiello",
    "ingress", "ingresso", "perex", "leadtext", "introtext", "leader", "opener",
})

#: Class/id tokens of a dek: the summary line under a headline, which is not the body.
DEK_TOKENS = frozenset({
    "dek", "deck", "summary", "subtitle", "subheading", "subheadline", "subhead", "blurb",
    "strapline", "tagline", "hero", "abstract",
})

#: Class/id tokens of chrome and boilerplate, with the label a removed block gets.
BAD_TOKENS = {
    "sidebar": "other", "sidebars": "other", "widget": "other", "widgets": "other",
    "aside": "other", "rail": "other", "sidenav": "navigation", "navbar": "navigation",
    "nav": "navigation", "navigation": "navigation", "menu": "navigation", "menus": "navigation",
    "breadcrumb": "navigation", "breadcrumbs": "navigation", "crumbs": "navigation",
    "pagination": "navigation", "pager": "navigation", "masthead": "navigation",
    "skip": "navigation", "skiplink": "navigation", "topbar": "navigation", "toolbar": "share",
    "footer": "footer", "foot": "footer", "copyright": "footer", "colophon": "footer",
    "comment": "comments", "comments": "comments", "disqus": "comments", "respond": "comments",
    "replies": "comments", "reply": "comments", "discussion": "comments", "kommentare": "comments",
    "share": "share", "sharing": "share", "social": "share", "sharebar": "share",
    "socialmedia": "share", "shariff": "share", "sharethis": "share", "addthis": "share",
    # WordPress (Jetpack) share and like buttons, "sharedaddy sd-sharing-enabled"
    "sharedaddy": "share",
    "follow": "share", "print": "share",
    "newsletter": "newsletter", "subscribe": "newsletter", "subscription": "newsletter",
    "signup": "newsletter", "optin": "newsletter", "paywall-promo": "newsletter",
    "related": "related", "recommended": "related", "recommendations": "related",
    "recommendation": "related", "outbrain": "related", "taboola": "related", "trending": "related", "popular": "related", "mostread": "related",
    "morestories": "related", "readmore": "related", "relatedposts": "related",
    "moreinfo": "related", "jumplink": "navigation",
    "ad": "advertisement", "ads": "advertisement", "advert": "advertisement",
    "adslot": "advertisement", "adunit": "advertisement", "advertisement": "advertisement",
    "advertising": "advertisement", "sponsor": "advertisement", "sponsored": "advertisement",
    "promo": "advertisement", "promotion": "advertisement", "banner": "other",
    "dfp": "advertisement", "gpt": "advertisement", "commercial": "advertisement",
    "anzeige": "advertisement", "werbung": "advertisement", "publicite": "advertisement",
    "cookie": "other", "cookies": "other", "consent": "other", "gdpr": "other", "modal": "other",
    "popup": "other", "overlay": "other", "tags": "navigation", "tag": "navigation",
    "tagcloud": "navigation", "keywords": "navigation", "topics": "navigation",
    "caption": "caption", "credit": "caption", "credits": "caption", "figcaption": "caption",
    "byline": "byline", "author": "byline", "authors": "byline", "bio": "byline",
    "meta": "byline", "dateline-meta": "byline", "timestamp": "byline", "date": "byline",
    "hidden": "other", "hide": "other", "sr": "other", "screenreader": "other",
    "visuallyhidden": "other", "offscreen": "other", "print-only": "other",
    "login": "other", "signin": "other", "search": "navigation", "skyscraper": "advertisement",
    "shoutbox": "comments", "community": "comments", "rss": "navigation", "feedback": "other",
    "survey": "other", "poll": "other", "alert": "other", "notification": "other",
    "imagedescription": "caption", "imagecaption": "caption", "photocaption": "caption",
    "bildunterschrift": "caption", "didascalia": "caption", "legende": "caption",
    "slideshow": "caption", "carousel": "caption", "gallery": "caption", "lightbox": "caption",
    "video": "caption", "videoplayer": "caption",
    "slider": "caption", "materialicons": "other", "materialsymbols": "other",
    "rating": "other", "ratings": "other", "voting": "other", "rate": "other",
    "authorbox": "byline", "aboutauthor": "byline", "authorbio": "byline", "authorinfo": "byline",
    "authordetails": "byline", "authorprofile": "byline", "biography": "byline",
    "autorenbox": "byline", "autorbox": "byline", "autorinfo": "byline", "postauthor": "byline",
    "authorcard": "byline", "writerbio": "byline",
    # author-box plugins of blog engines (Simple Author Box, Starbox), named without "author"
    "saboxplugin": "byline", "abhbox": "byline", "userbio": "byline", "writerinfo": "byline",
    "aboutwriter": "byline", "contributorbio": "byline", "authorblurb": "byline",
    "appstore": "other", "appstores": "other",
    "apppromo": "other", "appbanner": "other",
}

#: Class/id tokens of a widget, and tokens that say a widget holds the page's own text (page
#: builders and blog engines name their text blocks so: "elementor-widget-container",
#: "widget Blog").
WIDGET_TOKENS = frozenset({"widget", "widgets"})
CONTENT_WIDGET_TOKENS = frozenset({"editor", "texteditor", "blog", "elementor"})

#: Tokens that, next to a bad token, say the element is still the article ("article-meta" is
#: not chrome when it holds the article...). Used as a guard only for large elements.
KEEP_TOKENS = frozenset({"article", "body", "content", "main", "story", "entry", "post", "text"})

#: Bad tokens that are too generic to remove a block on their own: they only lower its score.
WEAK_BAD_TOKENS = frozenset({
    "meta", "date", "timestamp", "author", "authors", "bio", "print", "follow", "tag", "tags",
    "topics", "keywords", "hidden", "hide", "banner", "alert", "notification",
    "caption", "credit", "credits", "promo", "popular", "rail", "reply",
    "respond", "foot", "overlay", "search", "sr", "gpt", "feedback", "survey", "poll",
    "login", "signin", "community", "rss", "skip", "print-only", "commercial", "trending",
    "slideshow", "carousel", "gallery", "lightbox", "slider", "rating", "ratings", "voting", "rate",
    "video", "videoplayer",
})

#: Class/id tokens that make the next token a state of the element, not what it is
#: ("no-caption", "has-sidebar", "with-comments", "without-ads").
STATE_TOKENS = frozenset({"no", "not", "has", "with", "without"})

#: Class/id tokens of elements that must be shown hidden to assistive tech only.
SCREEN_READER_TOKENS = frozenset({
    "sr-only", "sronly", "visuallyhidden", "screen-reader-text", "screenreader", "visually-hidden",
    "a11y-hidden", "offscreen", "hidden", "d-none", "is-hidden", "u-hidden", "hide",
})

# ---------------------------------------------------------------- boilerplate headings
#: Labels of a line that marks a slot rather than heading a section ("Advertisement",
#: "Anzeige"): it takes the slot's own box with it, never the article's next paragraph, and
#: the body is not cut after it.
SLOT_LABELS = frozenset({"advertisement"})

#: Headings (normalised: lower-case, no trailing punctuation) of blocks that are not the
#: article, in many languages, with the label of the block they head. A heading matches when
#: it equals an entry or starts with one followed by a space.
BOILERPLATE_HEADINGS = {
    # related / more stories
    "related": "related", "related articles": "related", "related stories": "related",
    "related news": "related", "related posts": "related", "related content": "related",
    "related coverage": "related", "related topics": "related", "related links": "related",
    "related reading": "related", "read more": "related", "read next": "related",
    "read also": "related", "also read": "related", "see also": "related", "more from": "related",
    "more on": "related", "more about": "related", "more stories": "related",
    "more news": "related", "more articles": "related", "more in": "related",
    "more like this": "related", "you might also like": "related", "you may also like": "related",
    "you might like": "related", "you may like": "related", "you might be interested in": "related",
    "you may be interested in": "related", "you may have missed": "related",
    "latest news": "related", "latest stories": "related", "latest articles": "related",
    "latest": "related", "latest posts": "related", "latest headlines": "related",
    "top stories": "related", "top news": "related", "must read": "related",
    "must reads": "related", "recommended": "related", "recommended for you": "related",
    "recommended to you": "related", "recommended stories": "related",
    "recommended articles": "related", "recommended reading": "related",
    "most popular": "related", "most read": "related", "most viewed": "related",
    "most shared": "related", "most commented": "related", "popular": "related",
    "popular stories": "related", "popular posts": "related", "trending": "related",
    "trending now": "related", "trending stories": "related", "what to read next": "related",
    "editor's picks": "related", "editors picks": "related", "editor picks": "related",
    "don't miss": "related", "dont miss": "related", "further reading": "related",
    "in case you missed it": "related", "around the web": "related", "from the web": "related",
    "promoted stories": "related", "sponsored stories": "advertisement",
    "sponsored content": "advertisement", "paid content": "advertisement",
    "partner content": "advertisement", "from our partners": "advertisement",
    "advertisement": "advertisement", "advertising": "advertisement", "ad": "advertisement",
    "recent posts": "related", "recent news": "related", "recent articles": "related",
    "also on": "related", "also in": "related", "keep reading": "related", "up next": "related",
    "next article": "related", "previous article": "related", "next story": "related",
    "related video": "related", "related videos": "related", "watch next": "related",
    "topics": "navigation", "tags": "navigation", "categories": "navigation",
    "explore more": "related", "explore further": "related", "recommended videos": "related", "more videos": "related",
    "popular on": "related", "trending on": "related", "most popular on": "related",
    "more themen": "related", "mehr themen": "related", "le puede interesar": "related",
    "también le puede interesar": "related", "lea también": "related", "vea también": "related",
    "related post": "related", "related posts:": "related", "read more about": "related",
    "themen in diesem artikel": "navigation", "verwandte themenbereiche": "related",
    "weitere informationen": "related", "zum weiterlesen": "related", "weitere beiträge": "related",
    "weitere beiträge aus der kolumne": "related", "erschienen in": "other",
    "zusatzinformationen": "other", "teilnehmende blogs": "related", "über den autor": "byline",
    "über die autorin": "byline", "über den autor/die autorin": "byline", "about the author": "byline",
    "about the authors": "byline", "über mich": "byline", "about me": "byline", "the author": "byline",
    "der autor": "byline", "die autorin": "byline", "à propos de l'auteur": "byline",
    "sobre el autor": "byline", "autor": "byline", "author": "byline", "bilder des treffens": "caption",
    "mehr zum thema:": "related", "links zum thema": "related", "weiterführende links": "related",
    "more information": "related", "further information": "related", "useful links": "related",
    "ansprechpartner": "footer", "ansprechpartnerin": "footer", "ansprechpartner zum thema": "footer",
    "ansprechpartnerin zum thema": "footer", "ihr ansprechpartner": "footer",
    "ihre ansprechpartnerin": "footer", "media contact": "footer", "press contacts": "footer",
    "press contact": "footer", "pressekontakt": "footer", "kontakt": "footer", "contact": "footer",
    "medienkontakt": "footer", "über uns": "footer", "about us": "footer", "share this:": "share",
    "like this:": "share", "gefällt mir:": "share", "related articles:": "related",
    # comments
    "comments": "comments", "comment": "comments", "leave a comment": "comments",
    "leave a reply": "comments", "post a comment": "comments", "add a comment": "comments",
    "join the conversation": "comments", "join the discussion": "comments",
    "discussion": "comments", "reader comments": "comments", "responses": "comments",
    "what do you think": "comments", "kommentare": "comments", "kommentar": "comments",
    "commentaires": "comments", "commentaire": "comments", "comentarios": "comments",
    "commenti": "comments", "reacties": "comments", "komentarze": "comments",
    "комментарии": "comments", "评论": "comments", "网友评论": "comments", "コメント": "comments",
    "댓글": "comments", "yorumlar": "comments", "kommentarer": "comments",
    # each language's heading over the readers' comments
    "comentários": "comments", "التعليقات": "comments", "تعليقات": "comments",
    "hozzászólások": "comments", "hozzászólás": "comments", "kommentek": "comments",
    "σχόλια": "comments", "komentáře": "comments", "komentáre": "comments", "kommentit": "comments",
    "comentarii": "comments", "коментарі": "comments", "komentar": "comments",
    "bình luận": "comments", "ความคิดเห็น": "comments", "תגובות": "comments",
    "top comments": "comments", "top rated comments": "comments", "most popular comments": "comments",
    "newest comments": "comments", "latest comments": "comments", "readers' comments": "comments",
    "leserkommentare": "comments", "kommentare der leser": "comments",
    # a comment form's title as WordPress and its translations set it ("reply-title")
    "write a comment": "comments", "schreibe einen kommentar": "comments", "kommentar abgeben": "comments",
    "einen kommentar abgeben": "comments", "cancel reply": "comments", "antworten abbrechen": "comments",
    "hinterlasse einen kommentar": "comments", "hinterlasse jetzt einen kommentar": "comments",
    "einen kommentar hinterlassen": "comments", "kommentar schreiben": "comments",
    "kommentar verfassen": "comments", "laisser un commentaire": "comments",
    "deja una respuesta": "comments", "deja un comentario": "comments", "lascia un commento": "comments",
    "deixe um comentário": "comments", "deixe uma resposta": "comments", "geef een reactie": "comments",
    "laat een reactie achter": "comments", "dodaj komentarz": "comments", "zostaw komentarz": "comments",
    "no comments": "comments", "keine kommentare": "comments", "aucun commentaire": "comments",
    "sin comentarios": "comments", "nessun commento": "comments",
    # share
    "share": "share", "share this": "share", "share this article": "share",
    "share this story": "share", "share this post": "share", "share on": "share",
    "share article": "share", "follow us": "share", "follow us on": "share",
    "teilen": "share", "artikel teilen": "share", "diesen artikel teilen": "share",
    "partager": "share", "partager cet article": "share", "compartir": "share",
    "condividi": "share", "поделиться": "share", "分享": "share", "分享到": "share",
    "シェア": "share", "공유하기": "share", "del": "share", "dela": "share", "paylaş": "share",
    # newsletter
    "newsletter": "newsletter", "sign up": "newsletter", "subscribe": "newsletter",
    "sign up for our newsletter": "newsletter", "subscribe to our newsletter": "newsletter",
    "get our newsletter": "newsletter", "stay informed": "newsletter",
    "newsletter abonnieren": "newsletter", "abonnez-vous": "newsletter",
    "newsletter signup": "newsletter", "newsletter sign-up": "newsletter", "newsletter sign up": "newsletter",
    "newsletter-anmeldung": "newsletter", "newsletter anmeldung": "newsletter",
    "inscription à la newsletter": "newsletter", "inscription newsletter": "newsletter",
    "inscrivez-vous": "newsletter", "suscríbete": "newsletter", "iscriviti": "newsletter",
    # German
    "mehr zum thema": "related", "weitere artikel": "related", "weitere themen": "related",
    # the reader addressed as du / ihr / Sie, the teasers as "das" or "diese Artikel"
    "das könnte dich auch interessieren": "related", "das könnte euch auch interessieren": "related",
    "das könnte dich auch noch interessieren": "related", "das könnte sie auch noch interessieren": "related",
    "diese artikel könnten dich auch interessieren": "related",
    "diese artikel könnten euch auch interessieren": "related",
    "diese artikel könnten sie auch interessieren": "related", "das könnte dich interessieren": "related",
    "lesen sie auch": "related", "auch interessant": "related", "das könnte sie auch interessieren":
    "related", "das könnte sie interessieren": "related", "empfehlungen": "related",
    "meistgelesen": "related", "meistgelesene artikel": "related", "neueste artikel": "related",
    "aktuelle nachrichten": "related", "mehr aus": "related", "mehr zu": "related",
    "weitere nachrichten": "related", "verwandte artikel": "related", "zum thema": "related",
    "themen": "navigation", "schlagworte": "navigation", "anzeige": "advertisement",
    "werbung": "advertisement", "top-themen": "related", "ähnliche artikel": "related",
    "mehr artikel": "related", "weiterlesen": "related", "empfohlene artikel": "related",
    "beliebte artikel": "related", "neueste beiträge": "related", "verwandte themen": "related",
    # French
    "à lire aussi": "related", "a lire aussi": "related", "lire aussi": "related",
    "sur le même sujet": "related", "sur le meme sujet": "related", "voir aussi": "related",
    "les plus lus": "related", "articles similaires": "related", "à voir aussi": "related",
    "articles liés": "related", "dernières actualités": "related", "dans la même rubrique": "related",
    "nos recommandations": "related", "à découvrir": "related", "publicité": "advertisement",
    "plus d'articles": "related", "à lire également": "related", "lire la suite": "related",
    # Spanish / Portuguese
    "te puede interesar": "related", "también te puede interesar": "related",
    "noticias relacionadas": "related", "artículos relacionados": "related",
    "lee también": "related", "leer más": "related", "lo más leído": "related",
    "más noticias": "related", "últimas noticias": "related", "publicidad": "advertisement",
    "relacionadas": "related", "te recomendamos": "related", "más información": "related",
    "leia também": "related", "leia mais": "related", "veja também": "related",
    "notícias relacionadas": "related", "mais lidas": "related", "publicidade": "advertisement",
    "você pode gostar": "related", "relacionados": "related",
    # Italian
    "leggi anche": "related", "potrebbe interessarti": "related", "articoli correlati": "related",
    "notizie correlate": "related", "i più letti": "related", "ultime notizie": "related",
    "correlati": "related", "pubblicità": "advertisement", "ti potrebbe interessare": "related",
    # Dutch / Scandinavian / other European
    "lees ook": "related", "lees meer": "related", "gerelateerde artikelen": "related",
    "meest gelezen": "related", "laatste nieuws": "related", "advertentie": "advertisement",
    "läs också": "related", "läs mer": "related", "mest läst": "related", "relaterat": "related",
    "les også": "related", "les mer": "related", "mest lest": "related", "relaterte artikler":
    "related", "læs også": "related", "læs mere": "related", "mest læste": "related",
    "lue myös": "related", "luetuimmat": "related", "czytaj także": "related",
    "czytaj też": "related", "zobacz także": "related", "najczęściej czytane": "related",
    "čtěte také": "related", "související články": "related", "nejčtenější": "related",
    "související": "related", "přečtěte si také": "related", "citiți și": "related",
    "olvassa el": "related", "lásd még": "related", "kapcsolódó": "related",
    "ezt is ajánljuk": "related", "taip pat skaitykite": "related",
    "susiję straipsniai": "related", "skaitomiausi": "related", "lesa einnig": "related",
    "mest lesið": "related", "tengdar fréttir": "related", "ilgili haberler": "related",
    "bunlar da ilginizi çekebilir": "related", "en çok okunanlar": "related",
    "benzer haberler": "related", "son dakika": "related", "baca juga": "related",
    "berita terkait": "related", "artikel terkait": "related", "terpopuler": "related",
    "berita terkini": "related", "baca lagi": "related", "soma pia": "related",
    "habari zinazohusiana": "related", "funda kabanzi": "related",
    # more of Europe's and the world's "read also" / "related" headings
    "passend zum thema": "related", "passend zum artikel": "related", "auch lesenswert": "related",
    "lesen sie dazu": "related", "ver también": "related", "mira también": "related",
    "saiba mais": "related", "matérias relacionadas": "related", "vedi anche": "related",
    "bekijk ook": "related", "läs även": "related", "relaterade artiklar": "related",
    "relaterede artikler": "related", "aiheeseen liittyvät": "related", "zobacz też": "related",
    "przeczytaj też": "related", "przeczytaj także": "related", "powiązane artykuły": "related",
    "čítajte aj": "related", "prečítajte si aj": "related", "súvisiace články": "related",
    "preberite tudi": "related", "pročitajte još": "related", "pročitajte i": "related",
    "povezane vijesti": "related", "povezani članci": "related", "citește și": "related",
    "articole similare": "related", "kapcsolódó cikkek": "related", "ayrıca okuyun": "related",
    "ilginizi çekebilir": "related", "також читайте": "related", "схожі новини": "related",
    "більше новин": "related", "soma zaidi": "related", "funda nalokhu": "related",
    "funda olunye udaba": "related", "funda olunye udaba lapha": "related",
    "simak juga": "related", "lihat juga": "related", "baca selengkapnya": "related",
    "xem thêm": "related", "đọc thêm": "related", "tin liên quan": "related",
    "bài viết liên quan": "related", "อ่านเพิ่มเติม": "related", "ข่าวที่เกี่ยวข้อง": "related",
    "यह भी पढ़ें": "related", "ये भी पढ़ें": "related", "संबंधित खबरें": "related",
    "और पढ़ें": "related", "আরও পড়ুন": "related", "یہ بھی پڑھیں": "related",
    "اقرأ المزيد": "related", "مواضيع ذات صلة": "related", "עוד בנושא": "related",
    "כתבות קשורות": "related", "相關閱讀": "related", "了解更多": "related",
    # Russian / Ukrainian / Greek
    "читайте также": "related", "смотрите также": "related", "похожие новости": "related",
    "похожие статьи": "related", "по теме": "related", "самое читаемое": "related",
    "последние новости": "related", "реклама": "advertisement", "читайте також": "related",
    "διαβάστε επίσης": "related", "σχετικά άρθρα": "related",
    # Arabic / Persian / Hebrew
    "اقرأ أيضا": "related", "اقرأ أيضاً": "related", "مقالات ذات صلة": "related",
    "أخبار ذات صلة": "related", "الأكثر قراءة": "related", "بیشتر بخوانید": "related",
    "مطالب مرتبط": "related", "קראו עוד": "related", "כתבות נוספות": "related",
    # CJK
    "相关新闻": "related", "相关阅读": "related", "相关文章": "related", "推荐阅读": "related",
    "延伸阅读": "related", "热门文章": "related", "热点新闻": "related", "最新新闻": "related",
    "猜你喜欢": "related", "相關新聞": "related", "延伸閱讀": "related", "熱門新聞": "related",
    "推薦閱讀": "related", "相關文章": "related", "相关链接": "related", "更多新闻": "related",
    "相关报道": "related", "相關報導": "related", "相關報道": "related",
    "关联阅读": "related", "今日推荐": "related", "热门推荐": "related", "精彩推荐": "related",
    "関連記事": "related", "関連ニュース": "related", "おすすめ記事": "related",
    "あわせて読みたい": "related", "人気記事": "related", "最新記事": "related",
    "アクセスランキング": "related", "こちらもおすすめ": "related", "ランキング": "related",
    "おすすめ情報": "related", "関連キーワード": "navigation", "記事一覧": "navigation",
    "관련기사": "related", "관련 기사": "related", "많이 본 뉴스": "related",
    "추천 기사": "related", "최신 기사": "related", "인기 기사": "related", "관련뉴스": "related",
    "많이 본 기사": "related", "함께 보면 좋은 기사": "related", "당신이 관심 있을 만한 이슈": "related",
}

#: Opening words of a one-paragraph promo inside the body ("Read more: <link>").
PROMO_PREFIXES = (
    "read more", "read also", "also read", "see also", "related", "more:", "more from",
    "recommended", "watch:", "watch now", "listen:", "click here", "sign up", "subscribe",
    "lesen sie auch", "lesen sie mehr", "mehr zum thema", "mehr dazu", "auch interessant",
    "siehe auch", "zum thema", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi",
    "lee también", "lea también", "leer más", "te puede interesar", "leia também", "leia mais",
    "veja também", "leggi anche", "lees ook", "läs också", "les også", "læs også",
    "czytaj także", "czytaj też", "čtěte také", "читайте также", "baca juga", "اقرأ أيضا",
    "相关阅读", "延伸阅读", "推荐阅读", "関連記事", "관련기사", "▶", "►", "»", ">>",
    "lesen sie hier", "hier lesen", "hier geht es zu", "hier geht es zur", "hier geht es zum",
    "hier geht's zu", "hier geht's zur", "hier geht's zum", "hier geht’s zu", "hier geht’s zur",
    "hier geht’s zum", "le puede interesar", "le recomendamos", "vea también",
    "lire également", "à lire également", "leggi anche:", "read also:",
    "lesen sie dazu", "auch lesenswert", "passend zum thema", "ver también", "mira también",
    "saiba mais", "vedi anche", "bekijk ook", "läs även", "lue myös", "zobacz też", "zobacz także",
    "przeczytaj też", "przeczytaj także", "čítajte aj", "prečítajte si aj", "přečtěte si také",
    "preberite tudi", "pročitajte još", "pročitajte i", "citește și", "citiți și", "olvassa el",
    "ayrıca okuyun", "ilgili haberler", "ilgili haber", "bunlar da ilginizi çekebilir",
    "kapcsolódó", "ezt is ajánljuk", "читайте також", "також читайте", "διαβάστε επίσης", "soma pia",
    "soma zaidi", "funda nalokhu", "funda olunye udaba", "simak juga", "lihat juga", "xem thêm",
    "đọc thêm", "อ่านเพิ่มเติม", "यह भी पढ़ें", "ये भी पढ़ें", "और पढ़ें", "আরও পড়ুন",
    "یہ بھی پڑھیں", "اقرأ المزيد", "اقرأ أيضاً", "עוד בנושא", "相關閱讀", "延伸閱讀", "推薦閱讀",
    "あわせて読みたい", "関連ニュース",
    "weitere infos unter", "more info:", "weitere informationen unter", "weiter zu", "... weiter zu", "next article", "previous article", "nächster artikel",
    "vorheriger artikel", "article suivant", "article précédent", "rezept drucken", "print recipe",
    "also:",
)

#: Openings that take a promo prefix as a word of a sentence ("Related to each other: ...",
#: "Recommended by doctors"): such a paragraph is prose, not a promo.
PROMO_PROSE_OPENINGS = (
    "related to ", "related by ", "related in ", "related with ", "recommended by ",
    "recommended to ", "recommended that ", "recommended for ",
)

#: Texts of the link that closes a teaser ("Read more" -> the story), normalised.
READ_MORE_LINKS = frozenset({
    "read more", "more", "continue reading", "read the full story", "read full story", "full story",
    "weiterlesen", "mehr lesen", "mehr", "zum artikel", "artikel lesen", "lire la suite", "lire plus",
    "en savoir plus", "leer más", "seguir leyendo", "leia mais", "continua a leggere", "leggi tutto",
    "leggi di più", "czytaj więcej", "czytaj dalej", "lees meer", "verder lezen", "läs mer", "les mer",
    "læs mere", "lue lisää", "číst dále", "více", "читать далее", "подробнее", "читать полностью",
    "devamını oku", "selengkapnya", "baca selengkapnya", "阅读全文", "查看全文", "続きを読む",
    "もっと見る", "더보기", "자세히 보기", "»", "...", "…",
})

#: The word a page counter opens with ("Page 1 of 2 Next page »", "Seite 2 von 3"); the
#: counter (PAGINATION_LINE_PATTERN, normalised) is navigation wherever it stands.
PAGINATION_WORDS = ("page", "seite", "página", "pagina", "strona", "sida", "side")
PAGINATION_LINE_PATTERN = re.compile(
    r"^(?:" + "|".join(PAGINATION_WORDS) + r")\s+\d+\s+(?:of|von|de|di|sur|z|av|af)\s+\d+(?:\W.{0,40})?$")

#: The verb a share button's label opens with ("Share on Pinterest", "Partager sur Facebook";
#: "Auf WhatsApp teilen" is no such shape: its verb comes last); the label left as a line
#: (SHARE_LINE_PATTERN, normalised) is share chrome.
SHARE_VERBS = ("share", "teilen", "partager", "compartir", "condividi", "compartilhar", "delen", "dela")
SHARE_LINE_PATTERN = re.compile(
    r"^(?:" + "|".join(SHARE_VERBS) + r")(?: this| it| article| story| post){0,2}"
    r"\s+(?:on|via|auf|sur|en|su|per|no|op|på)\s+(?:facebook|twitter|x|pinterest|linkedin|whatsapp|telegram|"
    r"reddit|e-?mail|instagram|xing|messenger|flipboard|tumblr|mastodon|bluesky|threads)$")

#: Whole short paragraphs that are chrome, normalised (lower-case, trimmed), with labels.
CHROME_PARAGRAPHS = {
    "advertisement": "advertisement", "advertisements": "advertisement", "advert": "advertisement",
    "story continues below advertisement": "advertisement", "continue reading below": "advertisement",
    "article continues below advertisement": "advertisement", "scroll to continue": "advertisement",
    "continue reading the main story": "advertisement", "anzeige": "advertisement",
    "story continues below": "advertisement", "article continues below": "advertisement",
    "continues below": "advertisement", "continued below": "advertisement",
    "werbung": "advertisement", "publicité": "advertisement", "publicidad": "advertisement",
    "pubblicità": "advertisement", "реклама": "advertisement", "广告": "advertisement",
    "広告": "advertisement", "광고": "advertisement", "sponsored": "advertisement",
    # each language's word for the advertisement label over an ad slot
    "publicidade": "advertisement", "advertentie": "advertisement", "reklama": "advertisement",
    "reklam": "advertisement", "hirdetés": "advertisement", "διαφήμιση": "advertisement",
    "annons": "advertisement", "annonce": "advertisement", "annonse": "advertisement",
    "mainos": "advertisement", "publicitate": "advertisement", "oglas": "advertisement",
    "reklāma": "advertisement", "reklaam": "advertisement", "إعلان": "advertisement",
    "פרסומת": "advertisement", "iklan": "advertisement", "quảng cáo": "advertisement",
    "โฆษณา": "advertisement", "विज्ञापन": "advertisement",
    # each language's "share this article" line
    "compartir este artículo": "share", "compartir esta noticia": "share",
    "condividi questo articolo": "share", "condividi": "share", "compartilhe": "share",
    "compartilhe esta notícia": "share", "compartilhar": "share", "deel dit artikel": "share",
    "delen": "share", "haberi paylaş": "share", "paylaş": "share", "megosztás": "share",
    "κοινοποίηση": "share", "udostępnij": "share", "sdílet": "share", "jaa": "share",
    "この記事をシェア": "share", "シェアする": "share", "공유하기": "share", "شارك المقال": "share",
    "شارك": "share", "поделиться": "share", "分享到": "share", "分享": "share",
    "share": "share", "share this article": "share", "share this": "share", "tweet": "share",
    "email": "share", "print": "share", "facebook": "share", "twitter": "share",
    "whatsapp": "share", "linkedin": "share", "pinterest": "share", "reddit": "share",
    "copy link": "share", "link copied": "share", "teilen": "share", "partager": "share",
    "compartir": "share", "comments": "comments", "show comments": "comments",
    "view comments": "comments", "leave a comment": "comments", "leave a reply": "comments",
    "kommentar abgeben": "comments", "kommentar schreiben": "comments", "cancel reply": "comments",
    "antworten abbrechen": "comments", "skip to content": "navigation", "skip to main content":
    "navigation", "back to top": "navigation", "top": "navigation", "close": "other",
    "loading": "other", "loading...": "other", "image": "caption", "photo": "caption",
    "enlarge this image": "caption", "toggle caption": "caption", "hide caption": "caption",
    "caption": "caption", "open caption": "caption", "close caption": "caption",
    "this slideshow requires javascript": "other", "view gallery": "caption",
    "view this post on instagram": "other", "a post shared by": "other",
    "expand": "other", "read more": "related", "more": "related", "weiterlesen": "related",
    "lire la suite": "related", "leer más": "related", "zum artikel": "related",
    "back": "navigation", "go back": "navigation", "voltar": "navigation", "zurück": "navigation",
    "retour": "navigation", "volver": "navigation", "indietro": "navigation", "terug": "navigation",
    "nach oben": "navigation", "返回": "navigation", "戻る": "navigation",
    "browse all posts": "navigation", "all posts": "navigation", "view all posts": "navigation",
    "kommentieren": "comments", "seite teilen": "share", "pinnen": "share", "artikel teilen": "share",
    "quellen ausblenden": "other", "zurück zur übersicht": "navigation",
    "zurück zur listenansicht": "navigation", "escucha esta nota": "other",
    "escucha esta nota aquí": "other", "escuchar nota": "other", "listen to this story": "other",
    "audio abspielen": "other", "artikel vorlesen": "other", "vorlesen": "other",
    "thank you for your support": "other", "danke für ihre unterstützung": "other",
    "print recipe": "share", "rezept drucken": "share", "jump to recipe": "navigation",
    "listen to this article": "other", "artikel anhören": "other", "écouter cet article": "other",
    # the audio player's label and the "continues after the ad" line, language by language
    "escuchar este artículo": "other", "ascolta l'articolo": "other", "слушать статью": "other",
    "ouvir este artigo": "other", "ouvir esta notícia": "other", "luister naar dit artikel": "other",
    "makaleyi dinle": "other", "haberi dinle": "other", "posłuchaj artykułu": "other",
    "lyssna på artikeln": "other", "cikk meghallgatása": "other",
    "weiterlesen nach der anzeige": "advertisement", "la suite après cette publicité": "advertisement",
    "la suite après la publicité": "advertisement", "continúa leyendo después del anuncio": "advertisement",
    "continua a leggere dopo la pubblicità": "advertisement", "продолжение ниже": "advertisement",
    "haberin devamı reklamdan sonra": "advertisement", "artikel wird nach der anzeige fortgesetzt":
    "advertisement", "lees verder na de advertentie": "advertisement",
    # a paywall's badges and a reading list's prompt standing as lines
    "article réservé aux abonnés": "newsletter", "réservé aux abonnés": "newsletter",
    "article réservé à nos abonnés": "newsletter", "exclusivité abonnés": "newsletter",
    "article abonné": "newsletter", "subscriber exclusive": "newsletter",
    "subscribers only": "newsletter", "for subscribers only": "newsletter",
    "exklusiv für abonnenten": "newsletter", "nur für abonnenten": "newsletter",
    "exclusivo para suscriptores": "newsletter", "solo para suscriptores": "newsletter",
    "riservato agli abbonati": "newsletter", "pour ajouter l'article à vos sélections": "other",
    "identifiez-vous": "other", "connectez-vous": "other", "se connecter": "other",
    "sign in": "other", "log in": "other", "anmelden": "other", "einloggen": "other",
    "フォローする": "share", "カテゴリーをフォローする": "share", "記者をフォローする": "share",
    "embed": "other", "player wird geladen": "other", "video wird geladen": "other",
    "loading player": "other", "loading video": "other", "video is loading": "other",
}

#: Patterns of short lines that are credits, bylines or sharing prompts (checked on short
#: paragraphs at the edges of the body).
#: What a picture's credit line opens with, language by language ("Photo:", "Fotó:", "사진=",
#: "图片来源：", "צילום:"), before a colon, slash, copyright sign or, in Korean, "=".
CREDIT_NOUNS = (
    "photo", "image", "picture", "foto", "fotó", "fotoğraf", "bild", "video", "graphic",
    "illustration", "source", "quelle", "фото", "снимок", "иллюстрация", "источник", "φωτογραφία",
    "kuva", "zdjęcie", "صورة", "الصورة", "צילום", "ảnh", "ภาพ", "写真", "图片来源", "圖片來源", "图片",
    "图", "사진", "출처", "来源", "來源", "文章来源", "新闻来源", "新聞來源", "稿件来源", "文章來源",
)
CREDIT_PATTERN = re.compile(
    r"^(?:(?:" + "|".join(map(re.escape, sorted(CREDIT_NOUNS, key=len, reverse=True))) + r")s?"
    r"(?:\s+(?:credit|courtesy))?\s*[:/©：=]|fot\.\s|©|\(c\)\s|copyright\b|getty images$|afp$|"
    r"reuters$|ap photo|dpa$|epa$|imago\b|shutterstock\b|cr[ée]dits?\s+(?:photos?|images?)\s*:|"
    r"(?:beitrags|titel|vorschau|artikel)bild\s*:|bildquelle\s*:|fotos?\s+und\s+text\s*:|"
    r"(?:vergrößern|enlarge|agrandir|ingrandisci|ampliar)\s+\S)", re.I)

BYLINE_PATTERN = re.compile(
    r"^(?:" + "|".join(re.escape(word) for word in sorted(
        BYLINE_OPENERS + ("text:", "text von", "tekst:", "teksti:", "от", "文/", "记者", "記者", "기자"),
        key=len, reverse=True))
    + r")(?:\s*:)?(?:\s+\S|\s*$)", re.I)

#: A Chinese paper's byline line: "本报记者 王燕平 方云凤", "本报记者罗科苏盈发自北京" (our reporter
#: X, reporting from Y); a sentence that opens with the same words runs on past a comma.
CJK_BYLINE_PATTERN = re.compile(
    r"^(?:本报|本報)(?:特约)?(?:记者|記者|实习生|實習生|通讯员|通訊員)[^，。,.!?！？：:]{1,30}$")

#: A closing signature that ends in the author's e-mail ("구현모 기자 ninek@hankookilbo.com",
#: "Jane Doe, jane@paper.com").
SIGNATURE_EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+\W{0,3}$")

#: A short line at the body's start that is the article's meta data (date, author, category).
META_LINE_PATTERN = re.compile(
    r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|^\W*(?:published|posted|updated|veröffentlicht|publié|"
    r"publicado|pubblicato|gepubliceerd|opublikowano|publicerad|publisert|publiziert|erschienen|"
    r"created)\b|^\W*(?:发表于|發表於|发布于|發佈於|发表时间|發表時間|发布时间|發佈時間|發布時間|更新时间|更新時間)|"
    r"\b(?:published by|posted by|publicado por|publié par|"
    r"veröffentlicht von|pubblicato da|updated|aktualisiert|mis à jour|actualizado|"
    r"last modified|read time|min read|minute read|lesezeit|reading time|temps de lecture|"
    r"tiempo de lectura|tempo di lettura|tempo de leitura|время чтения|час читання|okuma süresi|"
    r"leestijd|czas czytania|olvasási idő|lästid|lesetid|læsetid|lukuaika|χρόνος ανάγνωσης)\b|"
    r"読了時間|阅读时间|閱讀時間|읽는 시간|وقت القراءة", re.I)

#: The label of a timestamp line ("Aktualisiert: 11.04.2020, 10:27", "Published on April 11, 2020"):
#: with a date (and time) after it and nothing else, the line is the story's meta, wherever it stands.
STAMP_LABEL_PATTERN = re.compile(
    r"^\W*(?:published|posted|updated|last updated|first published|veröffentlicht|publiziert|aktualisiert|"
    r"zuletzt aktualisiert|erstellt|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato)"
    r"(?:\s+(?:on|at|am|um|le|el|il))?\s*:?\s+", re.I)

#: A caption's closing credit: "... (AP Photo/David Zalubowski)", "(Photo by X/Getty Images)".
#: A contact line closing an author box: an e-mail address or a social profile link.
CONTACT_PATTERN = re.compile(
    r"^(?:[\w.+-]+@[\w-]+\.[\w.]+|(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin)"
    r"\.com/\S+|@\w{2,30})$", re.I)

#: A caption naming its photo credit inline ("Roman Prymula, photo: Government archives").
INLINE_CREDIT_PATTERN = re.compile(r"[,|–-]\s*(?:photo|foto|bild|image|crédit|credit)s?\s*:\s*\S", re.I)

CAPTION_TAIL_PATTERN = re.compile(
    r"\((?:[A-Z]{2,6} )?(?:photo|foto|image|picture|bild)s?\s*(?:by|/|:|credit)[^)]{2,80}\)\s*$|"
    r"[/:(©|]\s*(?:[\w .-]{0,40}/)?(?:getty images|shutterstock|reuters|afp|ap photo|imago|dpa|epa)"
    r"(?: for [\w .-]{2,40})?\)?\s*$|"
    r"©\s*(?:getty images|shutterstock|reuters|afp|ap|imago|dpa|epa|keystone|ansa|apa|efe|anp|"
    r"picture alliance|sda|tass|xinhua)\b[^©.]{0,50}$|"
    r"[|–-]\s*©\s*[\w .&'/-]{2,50}$|"
    # "... empfing nur 14 von 75 Kindern © VS Tristach": the credit closes the caption
    r"\s©\s*[\w .&'/,-]{2,50}$", re.I)

#: A closing line of the editors' credits ("Redaktion: Marcus Bensmann, Elena Müller",
#: "Faktencheck: ...", "Edited by: ..."): a role, a colon, names.
CREDITS_LINE_PATTERN = re.compile(
    r"^(?i:redaktion|recherche|mitarbeit|faktencheck|schlussredaktion|lektorat|grafik|fotos?|"
    r"illustrationen?|edited by|editing|editor|research|design|produktion|production|rédaction|"
    r"redacción|edición)\s*:\s*[A-ZÄÖÜÀ-Þ][\w.'-]+(?:\s[A-ZÄÖÜÀ-Þ][\w.'-]+)*"
    r"(?:(?:,|\s(?:und|and|et|y))\s*[A-ZÄÖÜÀ-Þ][\w.'-]+(?:\s[A-ZÄÖÜÀ-Þ][\w.'-]+)*)*\.?$")

#: A meta line's relative time ("Published 15 hours ago", "Nizaar Kinsella 2 minutes ago").
RELATIVE_TIME_PATTERN = re.compile(
    r"\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b", re.I)

#: A clock time: lines made of a date and a time are meta lines, not body.
TIME_PATTERN = re.compile(r"\b\d{1,2}(?::\d{2}|h\d{2}|\.\d{2} uhr)\b", re.I)

#: A closing line crediting contributors ("Jane Doe contributed to this report.").
CONTRIBUTOR_PATTERN = re.compile(
    r"\b(?:contributed (?:to )?this (?:report|story|article)|contributed reporting)\b|"
    r"^(?:additional|with additional|with) reporting by\b", re.I)

#: Newsroom roles: a short closing line naming one is the signature of an author box
#: ("Leiterin Redaktion Leben und Gesundheit", "Senior Editor, Technology").
NEWSROOM_ROLE_PATTERN = re.compile(
    r"\b(?:redaktion|redakteur(?:in)?|chefredakteur(?:in)?|ressortleiter(?:in)?|korrespondent(?:in)?|"
    r"journalist(?:in)?|kolumnist(?:in)?|editor|reporter|correspondent|columnist|rédact(?:eur|rice)|"
    r"rédaction|redactor(?:a)?|redacción|corresponsal|giornalista|redattore|redattrice)\b", re.I)

#: A copula makes a line a sentence about someone ("X is the network's political editor"),
#: which sites print as the article's last line; a role line has none.
COPULA_PATTERN = re.compile(r"\b(?:is|was|ist|war|est|es|è|era|jest|är|er)\b", re.I)

#: Notices of a site's machinery inside the text: login prompts, empty ratings, PHP warnings.
MACHINERY_PATTERN = re.compile(
    r"^(?:(?:warning|notice|deprecated|strict standards|fatal error|parse error): .{0,300} in /\S+|"
    r"(?:video|audio|sendung) (?:verfügbar|abrufbar) bis\b|(?:video|audio) available until\b|"
    r"(?:sie müssen|du musst|you must|you need to) (?:sich |dich )?(?:be )?(?:eingeloggt|einloggen|"
    r"angemeldet|anmelden|logged in|log in|sign in)|sie sind (?:aktuell |derzeit )?nicht eingeloggt|"
    r"\(?(?:noch keine|no) (?:bewertungen|ratings|reviews)(?: yet)?\)?\.?$|"
    r"(?:e-mail|email|name|website) \((?:wird benötigt|required|optional)|"
    r"your email address will not be published|deine e-mail-adresse wird nicht veröffentlicht|"
    # WordPress's comment form in its translations: the address notice, and the box that keeps
    # the commenter's name for the next time
    r"ihre e-mail-adresse wird nicht veröffentlicht|votre adresse (?:e-mail|de messagerie) ne sera pas publiée|"
    r"tu (?:dirección de )?correo electrónico no será publicad[oa]|il tuo indirizzo email non sarà pubblicato|"
    r"je e-mailadres wordt niet gepubliceerd|o seu endereço de e-?mail não será publicado|"
    r"save my name,? email,? and website in this browser|"
    r"(?:meinen|ihren|deinen) namen,? (?:meine|ihre|deine) e-mail-adresse und (?:meine|ihre|deine) website in diesem browser\b|"
    r"(?:meinen|ihren|deinen) namen für das nächste mal speichern\b|"
    r"enregistrer mon nom,? mon (?:e-mail|courriel) et mon site|guarda mi nombre,? correo electrónico y web|"
    r"salva il mio nome,? email e sito web)", re.I)

#: A short call to sign up for a newsletter, in the body's words ("Never miss the latest news
#: by signing up to our newsletter today!").
#: What a sign-up prompt calls the newsletter, language by language (a stem where the word is
#: declined: "рассылк" for рассылку/рассылки, "hírlevel" for hírlevelünkre).
NEWSLETTER_NOUNS = (
    "newsletter", "mailing list", "daily briefing", "e-mail updates", "email updates", "boletín",
    "boletim", "nieuwsbrief", "nyhetsbrev", "nyhedsbrev", "uutiskirje", "hírlevel", "bülten",
    "рассылк", "розсилк", "ενημερωτικό δελτίο",
)
#: ... and what it asks the reader to do (stems: "inscri" for inscrivez/inscription).
NEWSLETTER_VERBS = (
    "sign up", "signing up", "subscribe", "abonnier", "anmelden", "inscri", "suscr", "iscriv",
    "register", "assin", "inscreva", "schrijf je in", "meld je aan", "abonneer", "prenumerera",
    "tilmeld", "meld deg på", "abonner", "tilaa", "iratkoz", "feliratkoz", "abone ol", "подпиш",
    "підпиш", "εγγραφ", "zapisz", "zaprenumeruj", "přihlas", "odebírej", "prihlás", "aboneaz",
)
_NEWSLETTER_NOUN = "|".join(map(re.escape, NEWSLETTER_NOUNS))
_NEWSLETTER_VERB = "|".join(map(re.escape, NEWSLETTER_VERBS))
#: CJK and Arabic prompts, whose words no space parts: the newsletter's name and the verb
#: ("メールマガジン登録", "뉴스레터 구독하기", "订阅新闻通讯", "اشترك في النشرة").
_NEWSLETTER_UNSPACED = (
    r"(?:メールマガジン|メルマガ|ニュースレター).{0,20}(?:登録|購読)|(?:登録|購読).{0,20}(?:メールマガジン|メルマガ|ニュースレター)|"
    r"뉴스레터.{0,20}(?:구독|신청)|(?:订阅|訂閱).{0,20}(?:新闻通讯|新聞通訊|电子报|電子報|newsletter)|"
    r"اشترك.{0,30}(?:النشرة|نشرتنا)")

NEWSLETTER_PROMPT_PATTERN = re.compile(
    rf"(?:{_NEWSLETTER_VERB})\w*\b.{{0,80}}\b(?:{_NEWSLETTER_NOUN})|"
    rf"\b(?:{_NEWSLETTER_NOUN})\w*\b.{{0,80}}\b(?:{_NEWSLETTER_VERB})|{_NEWSLETTER_UNSPACED}|"
    r"\b(?:sign up|subscribe) here\b|\b(?:jetzt|hier) (?:anmelden|abonnieren)\b|"
    r"\b(?:in (?:deinen|ihren|your) (?:posteingang|inbox)|straight to your inbox)\b|"
    r"\b(?:in|to|for|zu|für|à|a)\s+(?:unseren?|our|notre|nuestro|il nostro)\s+\w*newsletter\b|"
    # a sign-up box's offer and its consent line ("Get our award-winning daily news email ...",
    # "I would like to be emailed about offers, events and updates from ...")
    r"^(?:get our|(?:sign up (?:for|to)|subscribe to) (?:our|the)) (?:[\w-]+ ){0,4}(?:e-?mail|newsletter|briefing)s?\b|"
    r"\bi would like to be e-?mailed\b|"
    # the offer's promise ("Get daily news delivered to your inbox")
    r"\bdelivered (?:straight |directly |right )?to your (?:e-?mail )?inbox\b",
    re.I)
#: The consent line under a sign-up box's button ("By providing your email address, you have
#: read and agree to ...", "Mit der Anmeldung akzeptieren Sie ..."), matched at the line's start.
NEWSLETTER_CONSENT_PATTERN = re.compile(
    r"(?:by (?:providing|entering|submitting|signing up|clicking|subscribing|registering)\b.{0,60}"
    r"\b(?:you (?:agree|consent|acknowledge|confirm|have read|accept)|i agree)\b|"
    r"mit (?:der|ihrer|deiner) (?:newsletter-)?anmeldung\b.{0,40}\b(?:akzeptier|stimm|willig)|"
    r"en (?:vous inscrivant|cliquant|vous abonnant)\b.{0,40}\bvous acceptez\b|"
    r"al (?:suscribirte|suscribirse|registrarte|hacer clic)\b.{0,40}\b(?:aceptas|acepta)\b)", re.I)
#: WordPress.com's "Follow Blog via Email" box, in its translations ("Enter your email address to
#: follow this blog and receive notifications of new posts by email"); every match holds "blog".
FOLLOW_BLOG_PATTERN = re.compile(
    r"\bto follow this blog and receive notifications\b|\bum diesem blog zu folgen\b|"
    r"\bpour vous abonner à ce blog\b|\bpara seguir este blog\b|\bper seguire questo blog\b", re.I)

#: A paywall's notice where the free part of an article ends ("This article is for
#: subscribers only", "Cet article est réservé aux abonnés", "この記事は会員限定です"): what
#: follows it is the subscription offer, not the article.
PAYWALL_NOTICE_PATTERN = re.compile(
    r"^(?:this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:paying )?"
    r"(?:subscribers|members)(?: only)?|subscribe (?:now )?to (?:continue|keep) reading|"
    r"to (?:continue|keep) reading,? (?:please )?(?:subscribe|log in|sign in)|"
    r"you(?:'|’)ve reached your (?:limit|maximum) of free articles|"
    r"dieser (?:artikel|beitrag|inhalt) ist (?:nur |exklusiv )?für (?:abonnenten|abonnentinnen|abonnent\*innen|abonnierende|plus-abonnenten|mitglieder)|"
    r"(?:jetzt )?weiterlesen mit \w+|lesen sie (?:jetzt )?(?:weiter )?mit \w+ ?(?:plus|\+)|"
    r"cet article est réservé aux (?:abonnés|abonnes)|la suite (?:de cet article )?est réservée aux abonnés|"
    r"il vous reste \d+(?:[.,]\d+)? ?% de cet article à lire|"
    r"este (?:artículo|contenido) es (?:exclusivo )?para (?:suscriptores|socios)|"
    r"contenido exclusivo para (?:suscriptores|socios)|"
    r"questo articolo è riservato agli abbonati|"
    r"この記事は(?:有料)?会員限定(?:記事)?です|この記事は有料記事です|"
    r"残り\d+文字[（(]全文\d+文字[）)]|"
    r"本文章为付费内容|此内容为付费内容)",
    re.I)
#: Longest paragraph (characters) taken for a paywall notice.
PAYWALL_NOTICE_MAX_LEN = 200
#: A short last line naming the subscribers and saying "only" is a paywall's notice in any
#: language ("Dit artikel is alleen voor abonnees.", "Этот материал доступен только
#: подписчикам."): the words of each (stems, lower case), and CJK marks that say both.
PAYWALL_SUBSCRIBER_WORDS = (
    "subscriber", "abonnent", "abonné", "abonne", "suscriptor", "abbonat", "assinante", "abonnee",
    "подписчик", "передплатник", "abone", "előfizető", "subskrybent", "prenumerant", "abonnent",
    "συνδρομητ", "předplatitel", "predplatiteľ", "tilaaj", "abonat", "pretplatnik", "naročnik",
)
PAYWALL_ONLY_WORDS = (
    "only", "exclusive", "nur", "exklusiv", "réservé", "exclusivo", "exclusiva", "riservato",
    "esclusiv", "alleen", "exclusief", "только", "лише", "özel", "sadece", "csak", "tylko",
    "endast", "bara", "kun", "μόνο", "pouze", "iba", "vain", "doar", "samo", "zgolj",
)
PAYWALL_CJK_MARKS = ("付费内容", "付費內容", "会员专享", "會員專享", "订阅后", "訂閱後", "会員限定",
                     "有料会員", "有料記事", "유료회원", "유료 회원", "구독자 전용", "회원 전용")
#: Words a paywall's last line has at most; characters of each line of the offer after it
#: ("Register for free", "Unlimited articles for €1"), far below an article's paragraph.
PAYWALL_NOTICE_MAX_WORDS = 25
PAYWALL_OFFER_MAX_LEN = 80

#: Words one of which every newsletter prompt holds (lower case): a cheap test before the
#: pattern, which backtracks (substring tests of the lower-case text; the regex is the same test).
NEWSLETTER_PROMPT_WORDS = ("newsletter", "mailing", "briefing", "updates", "here", "anmelden",
                           "abonnieren", "posteingang", "inbox", "mail", *NEWSLETTER_NOUNS,
                           "メールマガジン", "メルマガ", "ニュースレター", "뉴스레터", "订阅", "訂閱", "اشترك")
NEWSLETTER_PROMPT_HINT = re.compile("|".join(NEWSLETTER_PROMPT_WORDS))

#: A paragraph that ends in a share button's label ("... Click To Tweet").
SHARE_TAIL_PATTERN = re.compile(r"click to tweet\s*$|tweet this\s*$|share on twitter\s*$", re.I)

#: A cookie notice in the site's own words ("We use cookies ...", "Wir verwenden Cookies"):
#: phrases of the site speaking of its cookies, or of the reader agreeing by browsing on,
#: which a news story about cookies does not use (lower case).
COOKIE_NOTICE_PHRASES = (
    "we use cookies", "this site uses cookies", "this website uses cookies", "our use of cookies",
    "by continuing to browse", "by continuing to use", "wir verwenden cookies", "wir nutzen cookies",
    "diese website verwendet cookies", "nous utilisons des cookies", "ce site utilise des cookies",
    "en poursuivant votre navigation", "utilizamos cookies", "este sitio utiliza cookies",
    "si continúa navegando", "questo sito utilizza cookie", "continuando la navigazione",
    "ao continuar a navegar", "este site utiliza cookies", "wij gebruiken cookies",
    "door verder te surfen", "używamy plików cookies", "używamy plików cookie",
    "мы используем файлы cookie", "продолжая пользоваться сайтом", "çerezler kullanılmaktadır",
    "çerez kullanımını kabul", "sütiket használ", "vi använder cookies", "vi bruger cookies",
    "käytämme evästeitä", "χρησιμοποιούμε cookies", "používáme cookies", "folosim cookie",
)
#: Lines of a consent placeholder standing in for an embedded video or post.
CONSENT_PATTERN = re.compile(
    r"^(?:ich bin damit einverstanden, dass mir|personenbezogene daten können an|"
    r"empfohlener redaktioneller inhalt|ein klick für den datenschutz$|an dieser stelle (?:findest du|finden sie) (?:einen )?externen|"
    r"externer inhalt|du kannst ihn dir mit einem klick|sie können sich (?:diesen|den) inhalt|"
    r"[\w.-]+-inhalte? (?:erlauben|anzeigen|aktivieren)$|link zum [\w.-]+-inhalt$|"
    r"i agree to (?:external|third-party) content|this content is (?:provided|hosted) by|"
    r"to view this content|(?:please )?accept (?:the )?cookies to|we need your consent|"
    r"enable (?:javascript|cookies) to (?:view|see|watch)|contenu externe|"
    r"j'accepte (?:que|l'affichage)|cliquez pour afficher|activar (?:el )?contenido|"
    r"acepto (?:que|las cookies))", re.I)

#: Short closing lines after the article: copyright, "This article first appeared ...".
TRAILER_PATTERN = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|all rights reserved|alle rechte vorbehalten|tous droits|"
    r"todos los derechos|this (?:article|story|post) (?:was |first |originally )|"
    r"(?:follow|like) us on\b|sign up for\b|subscribe to\b|get the latest\b|"
    r"click here to\b|download the app\b|join our\b|have a news tip|got a news tip|"
    r"tags?\s*:|topics?\s*:|filed under\b|posted in\b|categories?\s*:|schlagworte\s*:|"
    r"themen\s*:|share this\b|share on\b|related\s*:|read more\s*:|see also\s*:|"
    r"more\s*:|watch\s*:|listen\s*:|also read\s*:|via [\w.-]+$|folgen sie uns|folge uns|suivez-nous|"
    r"s[ií]guenos|seguici|volg ons|[\w.+-]+@[\w-]+\.[\w.]+$|"
    r"(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com/\S+$|erstellt am\b|"
    r"abgelegt unter\b|veröffentlicht am\b|publié le\b|publicado el\b|"
    r"(?:permalink|short ?link|short url|kurz-?url|kurzlink|trackback(?: ?url)?)\s*:|"
    # a blog or forum engine's credit line ("Powered by WordPress", "Powered by Discuz!")
    r"powered by\b.{0,80}$|"
    # where the text first appeared, the notice of a story still being written, the agencies
    # whose copy it uses: notes of the editors under the text, not the text
    r"first (?:published|appeared) (?:in|on|at|by)\b|originally (?:published|appeared) (?:in|on|at|by)\b|"
    r"(?:dieser|der) (?:artikel|beitrag|text) (?:ist|erschien) zuerst|(?:zuerst|erstmals) erschienen\b|"
    r"cet article a (?:d'abord|initialement|été initialement) (?:été )?publié|"
    r"este art[ií]culo (?:fue publicado|se public[oó]) originalmente|"
    r"this is a (?:breaking|developing)\b|this (?:story|article) is (?:developing|breaking|being updated)\b|"
    r"more to follow\b|mit agenturmaterial\b|mit material (?:von|der|aus)\b|"
    r"\(?mit (?:dpa|afp|reuters|ap|kna|epd|sid|apa|dts|agenturen)\b)", re.I)

#: A call to the reader in the body's own words: share or follow the site, support it with a
#: donation, get its app, send it feedback ("Like this story? Share it with a friend!",
#: "Follow TechRadar on Google News", "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie
#: uns"). Such a line addresses the reader about the site, never about the story.
READER_PROMPT_PATTERN = re.compile(
    r"\bshare (?:it|this(?: \w+)?) with (?:a|your) friends?\b|"
    r"\b(?:like|liked|enjoy|enjoyed) this (?:story|article|post)\?|"
    r"\bif you (?:enjoyed|liked) this (?:article|story|post)\b|"
    r"^follow [\w'’ .&-]{1,40} on (?:google news|twitter|x|facebook|instagram|whatsapp|telegram|"
    r"linkedin|threads|bluesky)\b|\badd us as a preferred source\b|"
    r"\bhat (?:ihnen|dir|euch) (?:dieser|der|unser) (?:artikel|beitrag|text) gefallen\b|"
    r"\b(?:unterstützen sie|unterstützt|unterstütze) uns\b|^unterstütze \w+ (?:bereits |schon )?mit\b|"
    r"^jede (?:kleine )?spende hilft\b|\bihre meinung ist uns wichtig\b|"
    r"^(?:die |der |das )?[\w-]+ auch (?:bei|auf|in den) social media\b|\bnews-?app\b|"
    r"\bcek berita\b.{0,60}\bgoogle news\b|\bikuti\b.{0,40}\b(?:whatsapp channel|saluran whatsapp|google news)\b|"
    r"\btell us what you think\b|\bdelivered (?:through|to) your letterbox\b|"
    r"\b\d+ issues for (?:just |only )?[£$€]|\bhier können sie unsere .{0,30}podcasts? hören\b|^how to listen to\b|"
    r"^follow (?:\w+['’]s|our) (?:full |complete |live |latest )?(?:coverage|updates)\b|"
    r"\bfollow (?:our )?live updates\b|^we(?:'d| would)? (?:want|like|love) to hear from you\b|"
    r"会員の方のみ(?:ご)?利用いただけます|"
    r"^(?:e-?mail|contact) [\w .'-]{2,40} at [\w.+-]+@[\w-]+\.",
    re.I)
#: Words one of which every alternative of READER_PROMPT_PATTERN holds (lower case; a new
#: alternative brings its word): a cheap test before the pattern, whose many alternatives
#: are tried at every position of every short paragraph.
READER_PROMPT_HINTS = (
    "share ", "this story", "this article", "this post", "follow", "preferred source", "gefallen",
    "unterst", "spende", "meinung", "social media", "newsapp", "news-app", "cek berita", "ikuti",
    "tell us", "letterbox", "issues for", "podcast", "how to listen", "hear from you", "会員の方のみ",
    "@")

#: A comment section's title with its count ("3 Comments", "No Comments", "12 thoughts on
#: “Storm”", "Kommentare (12)", "45 Responses to “Storm”"): WordPress (in its translations) and
#: most blog engines title it so. The title after the count (group "title") is the article's:
#: quoted, or the headline itself ("142 Antworten zu <em>Headline</em>").
COMMENT_COUNT_HEADING_PATTERN = re.compile(
    r"^(?:\d+|no|one|keine|ein|eine|aucun|un|une|sin|nessun|geen|één)\s+"
    r"(?:comments?|kommentare?|commentaires?|comentarios?|commenti|commento|reacties|reactie|replies|responses?|"
    r"antworten|réponses?|respuestas?|risposte|thoughts?|gedanken|réflexions?)"
    r"(?:\s+(?:on|to|for|zu|sur|a|à|su|op|auf)\s+(?P<title>.+))?$|"
    r"^(?:comments?|kommentare?|leserkommentare|commentaires?|comentarios?|commenti)\s*\(\d+\)$", re.I)
#: Characters that open a quotation.
QUOTE_MARKS = frozenset("\"“„«»‘‚'「『")
#: Comment headings that also title a part of an article ("Discussion" in a paper's summary,
#: "Responses" to a survey, "What do you think"): no proof alone that a comment thread follows.
AMBIGUOUS_COMMENT_HEADINGS = frozenset({"discussion", "responses", "what do you think", "comment"})

#: A cookie notice in the site's own voice ("We use cookies to ...", "Diese Website verwendet
#: Cookies", "Nous utilisons des cookies"): a consent dialog's text, never the article's, which
#: speaks of cookies in the third person when it does.
COOKIE_NOTICE_PATTERN = re.compile(
    r"\b(?:we|wir|nous|usamos|utilizamos|utilizziamo|this (?:web)?site|our (?:web)?site|diese (?:web)?seite|"
    r"diese website|unsere (?:web)?seite|unsere website|ce site|notre site|este sitio|questo sito)\b[^.!?]{0,40}?"
    r"\b(?:use[sd]?|using|verwende\w*|nutze\w*|setze\w*|einsetze\w*|utilis\w*|usa\w*|utiliz\w*|"
    r"may (?:use|set|request)|können\b[^.!?]{0,20}?)\b[^.!?]{0,30}?\bcookies?\b", re.I)

#: An affiliate disclosure: the page says it holds links that pay the site a commission
#: ("This article contains affiliate links", "We may earn a commission when you buy through
#: links on our site", "Dieser Artikel enthält Affiliate-Links", "Die mit Sternchen (*)
#: gekennzeichneten Links sind Affiliate-Links"). A notice to the reader about the page, not
#: the article's text; seen on shopping, review, recipe and news sites in English and German.
AFFILIATE_DISCLOSURE_PATTERN = re.compile(
    r"\b(?:this|our) (?:article|post|page|story|site|website|content|review|guide|list|video|newsletter|piece)\b"
    r"[^.!?]{0,80}?\b(?:contains?|includes?|features?|uses?|has)\b[^.!?]{0,20}?\baffiliate links?\b|"
    r"\b(?:we|i)\s+(?:may |might |will |could |can |do |often )?(?:also )?(?:earn|receive|get|make|be paid)\b"
    r"[^.!?]{0,40}?\b(?:commission|compensation)\b|\bas an amazon associate\b|"
    r"\b(?:dieser|diese|diesem|der|unser|unserem)\s+(?:artikel|beitrag|seite|text|post|blog)\b[^.!?]{0,60}?"
    r"\baffiliate-links?\b|\bgekennzeichneten links\b[^.!?]{0,40}?\baffiliate|\bmit affiliate-links versehen\b|"
    r"\baffiliate-links?\b[^.!?]{0,80}?\bprovision\b|\b(?:erhalten|bekommen)\s+wir\b[^.!?]{0,30}?\bprovision\b|"
    r"\b(?:cet article|ce billet|cette page|ce contenu)\b[^.!?]{0,40}?\bliens? (?:d'|d’)?affili|"
    r"\bnous (?:pouvons|pourrions)\b[^.!?]{0,20}?\b(?:percevoir|recevoir|toucher) une commission\b|"
    r"\b(?:este artículo|esta página|este post|esta nota)\b[^.!?]{0,40}?\benlaces de afiliad|"
    r"\b(?:podemos|podríamos) (?:recibir|obtener|ganar) una comisión\b|"
    r"\b(?:questo articolo|questa pagina)\b[^.!?]{0,40}?\blink (?:di )?affiliazion|"
    r"\b(?:potremmo|possiamo) ricevere una commissione\b",
    re.I)
#: Parts of words one of which every alternative of AFFILIATE_DISCLOSURE_PATTERN holds, without
#: their first letters, so that the paragraph needs no lowering to be ruled out.
AFFILIATE_DISCLOSURE_HINTS = ("ffili", "FFILI", "ommission", "ompensation", "ssociate", "rovision", "omisión")

#: A figure's caption, numbered ("Abbildung 4: Eine Schwachschicht", "Fig. 2. The model"), and
#: a video's description closed by its date and running time ("... 18.04.2024 | 0:21 min").
FIGURE_CAPTION_PATTERN = re.compile(
    r"^(?:abbildung|abb\.|figure|fig\.|figura|grafik|grafico|gráfico)\s*\d{1,3}[a-z]?\s*[:.|–-]\s*\S|"
    r"\|\s*\d{1,2}:\d{2}\s*min\.?$", re.I)

#: A download link labelled with its file's type and size ("Informationsschreiben PDF | 38 KB",
#: "Annual report (PDF, 2.4 MB)"): a pointer to a file, not text.
DOWNLOAD_LINE_PATTERN = re.compile(
    r"(?<![a-z])(?:pdf|docx?|xlsx?|pptx?|zip|mp3|epub|odt)\s*[|,(–-]?\s*\d+(?:[.,]\d+)?\s*"
    r"(?:kb|mb|gb|kib|mib|kbyte|mbyte)\b", re.I)
#: The file types DOWNLOAD_LINE_PATTERN names (lower case): a cheap test before it.
DOWNLOAD_LINE_HINTS = ("pdf", "doc", "xls", "ppt", "zip", "mp3", "epub", "odt")

#: A gallery's slide counter standing as a line ("Image 1 of 5", "Bild 3 von 10").
GALLERY_COUNTER_PATTERN = re.compile(
    r"^(?:image|photo|picture|slide|bild|foto|imagen|immagine|image n°)\s*\d+\s*"
    r"(?:of|von|de|di|/|sur|из|van|av|af|z)\s*\d+$", re.I)

#: The rules of a site's comment section, closing the text ("Bitte achten Sie darauf, dass Ihre
#: Kommentare themenbezogen sind ...", "Comentários com textos ininteligíveis ... não serão
#: aprovados pelo moderador"): the reader's comments (or comments as the line's first words),
#: then the moderator's verdict.
COMMENT_POLICY_PATTERN = re.compile(
    r"^\W*(?:(?:\w+\W+){0,8}?(?:ihre?|deine?|eure?|euer|your|vos|votre|tus?|seus?|sus?)\W+|(?:\w+\W+)?)"
    r"(?:kommentare?|comments?|comentários|comentarios|commentaires?|commenti)\b"
    r".{0,600}?\b(?:moderat\w*|freigeschaltet|freigegeben|approved|aprovados|aprobados|toleriert|"
    r"tolerated|tolérés|tolerados)\b", re.I | re.S)

#: A breadcrumb trail standing as a line ("Forum » Research » The post's title").
BREADCRUMB_PATTERN = re.compile(r"^[^»›>\n]{1,60}(?:\s[»›>]\s[^»›>\n]{1,80}){2,}(?<![.!。！])$")

#: A closing line that points elsewhere with a link word at its end ("Alles über Wanderschuhe
#: findest Du hier.", "More about the study here."): the link to another page, not text.
POINTER_LINE_PATTERN = re.compile(
    r"\b(?:hier|here|ici|aquí|aqui|qui|tutaj|hierzu)\s*[.!:…]?$", re.I)

#: A closing call to comment ("Leave a comment below", "Dann hinterlasse einfach einen
#: Kommentar", "Let me know in the comments").
COMMENT_PROMPT_PATTERN = re.compile(
    r"\b(?:leave (?:a|your) comment|let (?:me|us) know in the comments|tell (?:me|us) in the comments|"
    r"hinterlass(?:e|t)?\s+(?:\w+\s+)?(?:einen|deinen|euren|ihren) kommentar|"
    r"schreib(?:t|e)? (?:es )?(?:mir |uns )?in die kommentare|laisse[zr]? un commentaire|"
    r"deja (?:un|tu) comentario|lascia un commento)\b", re.I)

#: A bracketed "read more" link closing a teaser paragraph ("... [czytaj więcej]", "[mehr]").
READ_MORE_TAIL_PATTERN = re.compile(
    r"\s*\[\s*(?:read more|more|continue reading|czytaj więcej|czytaj dalej|więcej|mehr|weiterlesen|"
    r"lire la suite|lire plus|leer más|leia mais|leggi tutto|lees meer|läs mer|les mer|подробнее|"
    r"…|\.\.\.)\s*\]$", re.I)

#: Commas of every script, counted when scoring paragraphs (readability counts commas).
COMMAS = ",，、،"

#: Characters of scripts written without spaces (text length counts differently).
CJK_RANGES = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


# ---------------------------------------------------------------- app state
#: Words in the JSON key of a string that may hold the article's HTML in a page's app state
#: ("contentHtml", "body", "articleBody", "story_html"): a page whose markup has no text
#: renders it from there with scripts.
APP_STATE_BODY_KEY_WORDS = ("body", "content", "html", "text", "article", "story")
