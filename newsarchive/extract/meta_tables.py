"""Data tables for the metadata passes: meta keys, byline and dateline patterns, words.

Knowledge about how pages declare headlines, dates, authors and datelines lives here, in one
place a reviewer can read; the passes (headline.py, dates.py, authors.py, language.py,
dateline.py) only apply it.
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------- schema.org types
#: schema.org types (lower-cased) whose object is the article itself: the JSON-LD object read for
#: headline, dates and authors, and a declaration that the page is one article.
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "satiricalarticle",
    "advertisercontentarticle", "blogposting", "liveblogposting", "socialmediaposting", "report",
    "scholarlyarticle", "medicalscholarlyarticle", "techarticle", "discussionforumposting",
})

#: Types that declare the page one article: the article types, and a Review page (a Review
#: object is not read as the article: inside an article it is often a product's rating).
ARTICLE_PAGE_TYPES = ARTICLE_TYPES | {"review"}

#: schema.org types of listing pages.
LISTING_TYPES = frozenset({"collectionpage", "searchresultspage"})

# ---------------------------------------------------------------- headline
#: meta keys that carry the headline, best first (after JSON-LD headline).
HEADLINE_META_KEYS = (
    "og:title", "twitter:title", "dc.title", "dcterms.title", "sailthru.title", "parsely-title",
    "title", "headline",
)

#: Separators sites put between a headline and the site name or section in <title>.
TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " « ", " / ", ": ",
                    " ‹ ", " › ", " ~ ", " ⋆ ", " ― ", " _ ", " * ", " │ ", " ┃ ", "｜", "：", "ㅣ", "_", " -", "- ")

#: Words older templates glue before "headline"/"title" to name the story's headline
#: ("storyheadline", "mainheadline", "arttitle", "newshed"; "subheadline" is no headline).
HEADLINE_CLASS_PREFIXES = ("story", "article", "art", "news", "main", "page", "post", "entry", "content", "item",
                           "top", "lead", "big", "detail", "single")

#: class-name parts of a kicker (roof line) written inside the <h1> before the headline.
HEADLINE_KICKER_CLASS_TOKENS = (
    "kicker", "dachzeile", "overline", "topline", "roofline", "eyebrow", "spitzmarke", "supertitle",
    "pretitle", "pre-title", "overhead", "h1small", "topic-label", "label", "flag", "rubric",
)

#: class names of a punctuation-only element between a kicker and the headline inside an
#: <h1> that only screen readers (or only the eye) get: the kicker ends there.
HIDDEN_SEPARATOR_CLASS_TOKENS = ("invisible", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                                 "screenreader", "hidden", "a11y-hidden", "u-visually-hidden")

#: class/id parts of the page chrome around an <h1> that is a breadcrumb or search-engine
#: label, not the headline the article shows.
HEADLINE_CHROME_CLASS_TOKENS = ("breadcrumb", "breadcrumbs", "crumb", "crumbs", "seotitle", "seo-title", "breadbar")

#: class/id parts of an element holding the article's headline on pages without an <h1> for it
#: ("<div class=headline>", "<span class=storyTitle>", "<td class=titulo>").
HEADLINE_CLASS_TOKENS = ("headline", "head-line", "title", "titel", "titre", "titulo", "titular", "heading",
                         "storytitle", "articletitle", "newstitle", "posttitle", "entrytitle")

#: class/id parts of the page's side parts: an <h2> there labels a box, not the page.
HEADING_SIDE_PART_TOKENS = ("sidebar", "widget", "menu", "nav", "navigation", "footer", "teaser", "related",
                            "comment", "comments", "dbx", "box-title", "newsletter")

#: Conjunctions after a word cut short with a hyphen ("Vor- und Nachteile"): that hyphen is
#: no title separator.
ELISION_CONJUNCTIONS = ("und", "oder", "bis", "sowie", "u\\.", "and", "or", "et", "ou", "en", "of", "och", "og")

#: Page names that are never an article's headline (lower case).
GENERIC_PAGE_TITLES = (
    "home", "homepage", "home page", "start", "startseite", "accueil", "inicio", "portada", "index",
    "about", "about us", "über uns", "ueber uns", "qui sommes-nous", "contact", "kontakt", "impressum",
    "news", "aktuelles", "nachrichten", "blog", "article", "artikel", "untitled",
    "page not found", "404", "search", "suche", "login", "sign in", "blog archiv", "blog archive",
)

#: Words a site puts after its name to name a section of it, as one title segment ("BBC SPORT |
#: Football | Headline", "CNN Politics - Headline", "Guardian Sport"): the segment is the site's.
SITE_SECTION_WORDS = frozenset({
    "news", "sport", "sports", "politics", "business", "world", "tech", "technology", "science",
    "health", "entertainment", "money", "travel", "opinion", "culture", "lifestyle", "weather",
    "football", "video", "blogs", "online", "live",
})

#: Words a section's name is made of ("National News", "Local Sports", "Top Stories"): a
#: <title> of these words only names the section the page is filed under, not its story.
SECTION_NAME_WORDS = SITE_SECTION_WORDS | frozenset({
    "national", "local", "international", "regional", "metro", "state", "latest", "top", "breaking",
    "stories", "headlines", "features", "nation", "us", "u.s.", "uk", "europe", "asia", "africa", "americas",
})

#: Articles a paper's name opens with that its host leaves out: "The Washington Post" on
#: washingtonpost.com, "Die Welt" on welt.de, "la Repubblica" on repubblica.it, "der Freitag" on
#: freitag.de (17 sites of the evaluation pages name themselves so).
SITE_NAME_ARTICLES = frozenset({"the", "die", "der", "das", "le", "la", "les", "el", "il", "lo", "de", "het"})

#: second-level labels under a country's domain that are not the site's name: the site is the
#: label before them ("bbc" in news.bbc.co.uk, "abc" in abc.net.au, "asahi" in asahi.ne.jp)
SECOND_LEVEL_DOMAIN_LABELS = frozenset({"co", "com", "org", "net", "ac", "gov", "gv", "edu", "ne", "or", "go",
                                        "gob", "nic", "info", "biz", "ltd", "plc", "nom", "web"})

#: meta keys naming the site, best first.
SITE_NAME_META_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title",
                       "twitter:site", "publisher", "dc.publisher", "copyright", "cxenseparse:recs:publication")

# ---------------------------------------------------------------- dates
#: meta keys for the publication date, in order of trust.
PUBLISHED_META_KEYS = (
    "article:published_time", "og:article:published_time", "article:published:time", "article:published",
    "published_time",
    "og:published_time", "datepublished", "date_published", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
    "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "publication-date",
    "article.published", "article_date_original", "originalpublicationdate", "original-publish-date",
    "cxenseparse:recs:publishtime", "bt:pubdate", "displaydate", "pub_date", "release_date",
    "citation_publication_date", "citation_date", "datecreated", "date_created", "created",
    "creation_date", "dc.created", "dc:date", "og:pubdate", "article:post_date",
    "rnews:datepublished", "sailthru.published_time", "publish_time", "content_publish_date",
    "last-published",
)

#: Meta keys that name only "a date": content systems fill them with the last change or the
#: rendering day, so they rank below dates shown on the page.
WEAK_DATE_META_KEYS = ("date",)

#: Keys of inline JavaScript state (JSON in <script>) that hold the publication date.
SCRIPT_DATE_KEYS = ("datePublished", "publishedDate", "publishDate", "published_at", "publishedAt",
                    "firstPublishedDate", "first_published_at", "date_published", "publication_date",
                    "publicationDate", "pubDate", "releaseDate", "created_at", "createdAt", "dateCreated")
#: Substrings of which every key above holds one: a script holding none is passed over after five
#: scans instead of fifteen (inline scripts run to megabytes).
SCRIPT_DATE_KEY_HINTS = ("ublish", "ublication", "pubDate", "releaseDate", "reated")

#: meta keys for the last modification, in order of trust.
MODIFIED_META_KEYS = (
    "article:modified_time", "og:article:modified_time", "article:modified:time", "article:modified", "datemodified",
    "og:updated_time", "modified_time", "dcterms.modified", "dc.date.modified", "last-modified",
    "lastmod", "last_modified", "revised", "updated", "date_modified", "article:updated_time",
)

#: class/id tokens of elements that hold a visible publication date.
DATE_CONTAINER_TOKENS = (
    "date", "time", "publish", "posted", "meta", "byline", "dateline", "timestamp", "datum",
    "fecha", "data", "zeit", "pubdate", "entry-date", "article-info", "info", "submitted",
    "created", "author",
)

#: class/id tokens of page parts whose dates belong to something else (comments, teasers, embeds).
DATE_SKIP_CONTAINER_TOKENS = ("comment", "comments", "respond", "reply", "sidebar", "widget", "related",
                              "recommend", "instagram", "twitter", "tweet", "embed", "footer", "newsletter",
                              "wm-ipp", "breadcrumb", "breadcrumbs")

#: Of those, the tokens of a side column that, inside an <article>, holds the article's own facts.
DATE_ARTICLE_SIDE_TOKENS = ("sidebar",)

#: class/id tokens that mark a modification date, not the publication date.
MODIFIED_TOKENS = ("update", "modif", "aktualisiert", "edited", "revised", "mis-a-jour", "actualiz")

#: Words in visible text that announce the publication date ("Published: ...").
PUBLISHED_WORDS = (
    "published", "posted", "publié", "publie", "veröffentlicht", "erschienen", "publicado",
    "pubblicato", "gepubliceerd", "publikováno", "opublikowano", "yayınlanma", "publicat",
    "created", "erstellt", "опубликовано", "опубліковано", "publikálva", "közzétéve",
    "publicerad", "publicerat", "julkaistu", "offentliggjort", "publisert", "δημοσίευση",
    "δημοσιεύθηκε", "diterbitkan", "publicată", "公開日", "掲載日", "发布时间", "发布日期",
    "發布時間", "發佈時間", "입력", "등록", "نشر", "تاريخ النشر",
)

#: Participles that announce a publication date after it, at the end of the clause ("wurde am
#: 19. Mai 2010 gepostet", "is op 3 mei 2020 gepubliceerd").
PUBLISHED_PARTICIPLES = ("gepostet", "veröffentlicht", "erschienen", "publiziert", "gepubliceerd",
                         "geplaatst", "verschenen")

#: Prepositions that announce a date only in a short line ("am 3. Mai 2020"): in prose they
#: open what the article reports ("On July 31, 2019, senators ...").
PUBLISHED_PREPOSITIONS = ("am", "on", "le", "el", "date")

#: Words that announce a modification date in visible text.
UPDATED_WORDS = ("updated", "update", "aktualisiert", "mis à jour", "actualizado", "aggiornato",
                 "last modified", "modified", "geändert", "bijgewerkt", "stand:", "обновлено",
                 "оновлено", "frissítve", "módosítva", "uppdaterad", "päivitetty", "opdateret",
                 "oppdatert", "aktualizacja", "zaktualizowano", "aktualizováno", "güncelleme",
                 "güncellendi", "atualizado", "actualizat", "diperbarui", "cập nhật", "ενημέρωση",
                 "ενημερώθηκε", "更新", "수정", "업데이트", "تحديث")

#: Words of a bibliographic reference: a date beside them is the cited work's, not the page's.
CITATION_WORDS = ("doi", "vol.", "pp.", "isbn", "issn", "arxiv", "jahrgang", "jg.")

#: Month spellings dateparser does not know, rewritten to ones it does.
MONTH_SPELLINGS = {"sept.": "Sep", "sept": "Sep", "maerz": "März", "jän.": "Jan", "jänner": "Januar"}

#: English-speaking regions that write the day first (02/10/2020 = 2 October).
DAY_FIRST_ENGLISH_REGIONS = frozenset({"gb", "uk", "ie", "au", "nz", "in", "za", "sg", "my", "ng", "ke", "pk", "hk",
                                       "mt", "cy", "gh", "ug", "tz", "zw", "jm", "lk", "bd"})

#: Earliest year accepted without the page insisting.
MIN_YEAR = 1990

#: UTC offsets in hours (lowest, highest, summer time included) of the places that publish in a
#: language or locale ("pt-br" before "pt"). A UTC timestamp is read as the neighbour calendar
#: day only where one of these offsets puts it there; unlisted languages may be anywhere.
SITE_UTC_OFFSETS = {
    "de": (1, 2), "it": (1, 2), "nl": (1, 2), "pl": (1, 2), "cs": (1, 2), "sk": (1, 2), "hu": (1, 2),
    "sl": (1, 2), "hr": (1, 2), "sr": (1, 2), "bs": (1, 2), "da": (1, 2), "sv": (1, 2), "no": (1, 2),
    "nb": (1, 2), "nn": (1, 2), "fi": (2, 3), "et": (2, 3), "lv": (2, 3), "lt": (2, 3), "el": (2, 3),
    "ro": (2, 3), "bg": (2, 3), "uk": (2, 3), "tr": (3, 3), "he": (2, 3), "fa": (3.5, 4.5), "is": (0, 0),
    "ja": (9, 9), "ko": (9, 9), "zh": (8, 8), "th": (7, 7), "vi": (7, 7), "id": (7, 9), "hi": (5.5, 5.5),
    "bn": (5.5, 6),
    "fr": (-5, 2), "fr-fr": (1, 2), "fr-be": (1, 2), "fr-ch": (1, 2), "fr-ca": (-5, -3),
    "es": (-8, 2), "es-es": (0, 2), "es-mx": (-8, -5), "es-ar": (-3, -3), "es-co": (-5, -5), "es-cl": (-4, -3),
    "es-bo": (-4, -4), "es-pe": (-5, -5), "es-ve": (-4, -4), "es-py": (-4, -3), "es-uy": (-3, -3),
    "pt": (-5, 2), "pt-br": (-5, -2), "pt-pt": (0, 1),
    "en-gb": (0, 1), "en-uk": (0, 1), "en-ie": (0, 1), "en-us": (-10, -4), "en-ca": (-8, -2.5),
    "en-au": (8, 11), "en-nz": (12, 13), "en-in": (5.5, 5.5), "en-za": (2, 2), "en-sg": (8, 8),
}

#: Offsets anywhere on earth where people live: the range for a language the table does not list.
ANY_UTC_OFFSETS = (-10, 14)

# ---------------------------------------------------------------- authors
#: meta keys naming the author, best first. Values that are URLs are ignored.
AUTHOR_META_KEYS = (
    "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
    "byl", "cxenseparse:author", "citation_author", "article:author_name", "og:article:author",
    "twitter:data1:author", "creator", "dc:creator", "author_name", "authors",
)

#: schema.org types (besides articles) whose author is the page's author: a WebPage in Yoast graphs
#: without an Article, and works that are a page's subject (a recipe, a review, a how-to).
AUTHORED_WORK_TYPES = ("WebPage", "ItemPage", "ProfilePage", "AboutPage", "Recipe", "Review", "HowTo",
                       "CreativeWork", "QAPage", "Question", "Guide")

#: Words that open a byline and are nothing else at the start of a line, many languages (lower
#: case): the one list the byline readers (BYLINE_PREFIXES, BYLINE_TEXT_PREFIXES) and the body's
#: byline lines (tables.BYLINE_PATTERN) share.
BYLINE_OPENERS = (
    "by", "written by", "reporting by", "posted by", "story by", "words by",
    "von", "geschrieben von", "ein beitrag von", "autor", "autorin", "autoren", "author", "authors",
    "par", "écrit par", "por", "escrito por", "di", "a cura di", "door", "av", "af", "skrevet af", "skrevet av",
    "przez", "napisał", "napsal", "kirjoittanut", "szerző", "oleh", "yazan", "yazar", "автор",
    "συντάκτης",
)

#: Words that open a byline, many languages (lower case, matched before the names): the openers,
#: and words that open a byline only on a line already known to be one ("text", "da", "na").
BYLINE_PREFIXES = BYLINE_OPENERS + (
    "report by", "text by",
    "text von", "ein kommentar von", "eine analyse von", "ein gastbeitrag von",
    "text", "texte", "da", "tekst", "napisal", "na", "autor:",
    "redaktion", "text:", "von:", "by:", "par:", "por:",
    "text & fotos", "text und fotos", "text & foto", "text/fotos", "text & bilder", "text und bilder",
    "text and photos", "words and pictures", "words and photos",
    "analysis by", "opinion by", "commentary by", "review by", "interview by", "column by", "essay by",
    "текст", "авторы", "текст:", "автор:", "autorka", "autoři", "tekst:",
    "propos recueillis par", "recueillis par", "recueilli par", "entretien réalisé par",
)

#: Words that open a desk's job title, never a name ("Our Foreign Staff", "Unsere Redaktion").
AUTHOR_DETERMINER_WORDS = ("our", "your", "the", "unser", "unsere", "unserer", "notre", "nos", "nuestro",
                           "nuestra", "il", "la", "le", "der", "die", "das")

#: Words after a byline's name and a comma that introduce the sections a story is filed in
#: ("By TPN, in News, Portugal").
FILED_IN_WORDS = ("in", "en", "dans", "im", "unter", "filed under", "posted in")

#: Words that open an unmarked byline line after the headline ("Von Anna Berg", "Autor: X"). A Chinese
#: story's editor (责任编辑) signs it only when no reporter is credited: see CJK_EDITOR_LABELS.
BYLINE_TEXT_PREFIXES = BYLINE_OPENERS + (
    "text", "texte", "текст", "redaktion", "redaktion:", "ein artikel von", "auteur", "redacción", "redazione",
    "gespeichert von", "eingestellt von", "erstellt von", "verfasst von", "作者", "记者", "撰文", "文")

#: Parts of class/id names that mark a byline element ("article-byline", "autor-name", "penulis").
BYLINE_CLASS_TOKENS = ("byline", "by-line", "author", "autor", "writer", "auteur", "firma", "signature", "credit",
                       "penulis", "yazar", "reporter", "journalist", "redakteur")

#: Labels that, with a colon, name an author wherever they stand on the page ("Autor: X" under the text).
BYLINE_LABELS = ("autor", "autorin", "autoren", "author", "authors", "von", "text", "by", "auteur", "autrice", "interview",
                 "autore", "autora", "par", "por", "di", "door", "redaktion", "verfasser", "verfasserin",
                 "tekst", "teksti", "szerző", "автор", "yazar", "συντάκτης")

#: Labels that, with a colon, credit the source of a story ("Quelle: kathpress"): an organisation.
SOURCE_LABELS = ("quelle", "source", "fuente", "fonte", "herausgeber", "publisher", "éditeur")

#: Greetings a letter-like text closes with before the writer's name ("Liebe Grüße<br>Anna").
SIGN_OFF_GREETINGS = ("liebe grüße", "liebe grüsse", "viele grüße", "viele grüsse", "herzliche grüße",
                      "herzliche grüsse", "beste grüße", "beste grüsse", "mit freundlichen grüßen", "lg", "euer", "eure",
                      "best regards", "kind regards", "regards", "cheers", "best wishes", "yours", "yours truly",
                      "sincerely", "cordialement", "amitiés", "bien à vous", "saludos", "un saludo", "un abrazo",
                      "cordiali saluti", "saluti", "groetjes", "met vriendelijke groet")

#: URL path segments of an author's archive page ("/author/jane-doe/", "/autor/anna-berg").
AUTHOR_ARCHIVE_PATH_SEGMENTS = ("author", "authors", "autor", "autoren", "auteur", "autore", "journalist", "reporter")

#: URL path segments of member and author profile pages ("/members/127862", "/author/jane-doe").
PROFILE_PATH_SEGMENTS = ("members", "member", "user", "users", "profile", "profil", "profiles", "author", "authors",
                         "autor", "autoren", "auteur", "people", "u", "benutzer", "mitglied", "mitglieder")

#: Phrases that name an author without a colon wherever they stand ("Geschrieben von X").
BYLINE_PHRASES = ("written by", "geschrieben von", "verfasst von", "ein beitrag von", "ein artikel von",
                  "écrit par", "escrito por", "scritto da")

#: The word right before a name inside a byline line ("Veröffentlicht am 8. Februar von X").
BYLINE_NAME_WORDS = ("von", "by", "par", "por", "door", "di")

#: Words a byline's name is followed by before its date ("Jane Doe am", "Jane Doe Published").
BYLINE_TRAILING_WORDS = ("am", "on", "le", "el", "il", "em", "den", "der", "vom", "at", "um", "date", "datum",
                         "publié", "publiée", "publicado", "pubblicato", "veröffentlicht", "published", "posted",
                         "updated", "aktualisiert", "mis à jour")

#: Phrases that precede a name in bylines and author boxes, removed before the name is read.
AUTHOR_LEAD_PHRASES = (
    "zeige alle beiträge von", "alle beiträge von", "view all posts by", "all posts by", "posts by",
    "alles von", "alle artikel von", "weitere artikel von", "more articles by", "all articles by", "more posts by",
    "post by", "posted by", "more from", "mehr von", "articles by", "erstellt von", "veröffentlicht von",
    "geschrieben von", "published by", "auteur", "autor", "autorin", "author", "interview",
    "ein interview von", "reportage von", "kommentar von", "gastbeitrag von", "about the author", "about the",
    "über den autor", "über die autorin", "vom", "von der", "ein artikel von", "gespeichert von",
    "eingestellt von", "verfasst von", "责任编辑", "作者", "记者", "编辑",
)

#: Words after a name that show the element is a comment or a link label, not a byline.
AUTHOR_REJECT_WORDS = (
    "sagt", "says", "said", "schreibt", "writes", "antwortete", "replied", "erforderlich", "required",
    "foto", "photo", "bild", "image", "quelle", "source", "credit", "veröffentlicht", "published", "фото",
    "files",  # "Mike Blake/Reuters files": an agency's file photo
    "posted", "updated", "aktualisiert", "kommentar", "comment", "antworten", "reply", "alle artikel",
    "all articles", "archiv", "follow", "folgen", "mitglied", "shout", "love this", "beiträge", "posts",
    "facebook", "twitter", "instagram", "linkedin", "whatsapp", "telegram", "pinterest", "youtube", "tiktok",
    "teilen", "share", "send", "e-mail", "email", "eingetragen", "signaturen", "drucken", "print",
)

#: class/id tokens of page parts whose names are not the article's authors.
AUTHOR_SKIP_CONTAINER_TOKENS = ("comment", "respond", "reply", "sidebar", "widget", "footer", "related",
                                "teaser", "recommend", "newsletter", "form", "caption", "credit", "copyright")

#: Of those, the tokens of credit boxes, where a labelled author ("Text: X", "Interview: X") stands beside
#: the photographer.
CREDIT_CONTAINER_TOKENS = ("caption", "credit", "copyright")

#: Lower-case particles allowed inside a person's name ("Walter von Aachen").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "le", "la",
                            "bin", "ibn", "al", "el", "y", "zu", "ten", "ter", "dos", "das", "do"})

#: Connectors between several author names ("A and B", "A und B", "A, B & C").
AUTHOR_CONNECTORS = (" and ", " und ", " et ", " y ", " e ", " en ", " og ", " och ", " i ", " a ",
                     " & ", " ve ", " dan ", " и ", " і ", " és ", " ja ", " și ", " şi ", " και ",
                     "、", " with ", " mit ")

#: The nouns a wire or newspaper byline names its writer's role with ("Staff Writer").
BYLINE_ROLE_NOUNS = ("writer", "reporter", "correspondent", "editor", "columnist")

#: A byline's second line naming the writer's role, alone under the headline ("Associated Press
#: Writer", "AP Business Writer", "Times Staff Writer", "Jane Doe, Special Correspondent"):
#: the wire and newspaper convention under "By NAME", seven words at most.
ROLE_LINE_PATTERN = re.compile(
    r"^(?:[\w.'’&-]+,? ){0,6}(?:" + "|".join(BYLINE_ROLE_NOUNS) + r")s?$", re.I)

#: A wire byline run into the story's first line when the two share a block: "By JOHN SMITH,
#: Associated Press Writer WASHINGTON - ...": the opener, the names, a role line, then the text.
RUN_IN_BYLINE_PATTERN = re.compile(
    r"^(?:by|von|par|por)\s+[^.!?:;]{3,90}?,?\s+(?:[\w.'’&-]+\s+){0,4}"
    r"(?:" + "|".join(BYLINE_ROLE_NOUNS) + r")s?\b[\s,]*(?=[A-Z(])", re.I)

#: Role and job words cut from author strings ("Jane Doe, Staff Writer").
AUTHOR_ROLE_WORDS = (
    "staff writer", "staff reporter", "senior writer", "senior reporter", "senior correspondent",
    "chief correspondent", "foreign correspondent", "correspondent", "reporter", "editor-in-chief",
    "editor at large", "editor-at-large", "editor", "contributing writer", "contributor", "columnist", "journalist",
    "writer", "author", "photographer", "photos", "photo", "video", "redakteur", "redakteurin",
    "korrespondent", "korrespondentin", "reporterin", "autorin", "autor", "chefredakteur",
    "chefreporter", "journaliste", "rédacteur", "rédactrice", "envoyé spécial", "envoyée spéciale",
    "correspondant", "correspondante", "periodista", "redactor", "redactora", "corresponsal",
    "giornalista", "redattore", "inviato", "freelance", "staff", "the associated press",
    "기자", "특파원", "논설위원", "記者", "特派員", "编辑", "記者",
)

#: Words of an author picture's alt text, around the name ("Martin Haase Icon", "Avatar Anna Berg").
AUTHOR_IMAGE_WORDS = ("image", "photo", "foto", "bild", "avatar", "picture", "profilbild", "icon", "headshot",
                      "portrait", "porträt", "autorenbild", "autorenfoto")

#: Strings that are never author names (lower case, whole value).
NOT_AUTHORS = frozenset({
    "admin", "administrator", "staff", "editor", "editors", "unknown", "anonymous", "null", "none",
    "guest", "user", "webmaster", "by", "von", "par", "news", "home", "facebook", "twitter",
    "instagram", "linkedin", "email", "e-mail", "mail", "share", "follow", "more", "published", "name",
    "website", "kommentar", "comment", "reply",
    "mehr", "login", "logout", "log in", "sign in", "sign up", "register", "registrieren", "anmelden", "abmelden",
    "profile", "profil", "settings", "einstellungen", "members", "mitglieder",
    "author", "autor", "autorin", "auteur", "autore", "autora", "гость", "guest author", "gastautor",
    "nachrichten", "noticias", "notizie", "nieuws", "actualités", "aktuelles", "aktuell", "startseite",
    "weitere informationen", "more information", "further information", "plus d'informations", "más información",
    "mo", "di", "mi", "do", "fr", "sa", "so",  # weekdays as a byline's date shows them
    # a content system's placeholders and "anonymous" in other languages
    "kommentare", "comments", "uppdaterad", "publicerad", "opdateret", "oppdatert", "päivitetty",
    "publisher", "blank", "undefined", "n/a", "anónimo", "anonimo", "anonym", "anonyme", "anonymus", "anoniem",
    "unbekannt", "inconnu", "desconocido", "sconosciuto",
})

#: Words that make an author string an organisation's name (matched as whole words).
ORGANISATION_WORDS = (
    "e.V.", "eV", "GmbH", "AG", "KG", "SE", "Inc.", "Inc", "Ltd", "Ltd.", "LLC", "S.A.", "SA", "S.L.", "Srl",
    "Stiftung", "Verein", "Verband", "Bund", "Institut", "Institute", "University", "Universität",
    "Ministerium", "Ministry", "Association", "Foundation", "Redaktion", "Newsroom", "Team", "Magazin",
    "Magazine", "Online", "Zeitung", "Media", "Verlag", "Press", "Presse", "Corporation", "Company",
    "Illustrierte", "Zeitschrift",
)

#: Endings of German compound words that name an organisation ("Landesanstalt", "Bundesverband").
ORGANISATION_WORD_ENDINGS = ("anstalt", "verband", "verein", "stiftung", "ministerium", "institut", "gesellschaft",
                             "behörde", "agentur", "redaktion", "zentrale", "genossenschaft", "akademie",
                             "hochschule", "universität", "klinikum", "landesamt", "bundesamt")

#: Academic and professional titles before a name ("Dr. Jane Doe"): not part of the name a
#: personal site is named after.
NAME_TITLES = ("dr.", "prof.", "dipl.-ing.", "dipl.", "mag.", "ing.", "mr.", "mrs.", "ms.", "pd", "priv.-doz.")

#: News agencies and wire services: an author when no person is named.
AGENCY_NAMES = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "dpa", "DPA", "SDA", "APA",
    "KNA", "epd", "EFE", "Agencia EFE", "ANSA", "Bloomberg", "PA", "PA Media", "Press Association",
    "CNA", "UPI", "Xinhua", "TASS", "Interfax", "Kyodo", "Yonhap", "ANP", "Belga", "NTB", "TT",
    "Ritzau", "Lusa", "Europa Press", "CTK", "ČTK", "PAP", "MTI", "AAP", "CP", "IANS", "PTI", "ANI",
    "AA", "dpo", "sid", "SID", "APA/AP", "AFP/dpa", "dpa/AFP",
    # South Asian agencies, credited in the "New Delhi (PTI):" / "LAHORE (APP):" datelines
    "UNI", "APP", "NNI", "PPI", "INP", "RSS", "BSS", "UNB", "NNA", "WAM", "SPA", "QNA", "KUNA", "IRNA",
    "Anadolu", "Sports Network", "The Sports Network", "Canadian Press", "Prensa Latina", "Notimex",
    # national agencies of South East Asia and the Balkans ("Jakarta (ANTARA) -", "KUALA LUMPUR
    # (Bernama) --", "HANOI (VNA) -", "MANILA (PNA) -", "SOFIA (BTA) -", "BELGRADE (Tanjug) -",
    # "HELSINKI (STT) -", "MANAMA (BNA) -"); not those whose name is a first name or a word too
    # (Petra, Wafa, Sana, Mena, Hina; MAP, TAP, APS)
    "ANTARA", "Bernama", "VNA", "PNA", "BTA", "Tanjug", "STT", "BNA",
    # public broadcasters that co-author the stories of a shared news site ("Jane Doe, NDR")
    "ARD", "ZDF", "NDR", "WDR", "SWR", "MDR", "RBB", "BR", "HR", "SR", "Radio Bremen", "ORF", "SRF", "Deutsche Welle",
)

#: Russian wire agencies as their datelines credit them: "МОСКВА, 5 января. /ТАСС/.",
#: "МОСКВА, 5 янв — РИА Новости.", "МОСКВА, 5 января. /Интерфакс/ -".
RUSSIAN_AGENCY_NAMES = ("ТАСС", "ИТАР-ТАСС", "РИА Новости", "Интерфакс", "ПРАЙМ", "РБК", "Sputnik", "Спутник")

#: Chinese wire agencies opening a story with agency, place, date and 电 ("dispatch"):
#: "新华社北京1月5日电", "中新社上海1月5日电".
CHINESE_WIRE_AGENCIES = ("新华社", "中新社", "中新网", "人民网", "央视网", "中国新闻社", "新華社", "中央社")

#: Japanese wire agencies closing a bracketed dateline with no separator: Kyodo's
#: "【ワシントン共同】", Jiji's "【北京時事】" (newspapers write "【ワシントン=山田太郎】").
JAPANESE_WIRE_AGENCIES = ("共同", "時事", "AFP時事", "AFP=時事", "ロイター", "EPA時事", "新華社")

#: Korean wire agencies in a "(place=agency)" dateline: "(서울=연합뉴스)", "(서울=뉴스1)",
#: "(서울=뉴시스)"; the reporter follows ("홍길동 기자 =").
KOREAN_WIRE_AGENCIES = ("연합뉴스", "연합", "뉴스1", "뉴시스", "KBS", "MBC", "SBS", "YTN")
#: What stands after a reporter's name in a Korean dateline ("홍길동 기자 =", "특파원").
KOREAN_REPORTER_WORDS = ("기자", "특파원", "객원기자", "통신원")

#: Agencies as Arabic copy credits them, in brackets after the place ("القاهرة (رويترز) -"):
#: Reuters, AFP, AP, DPA, Xinhua, Anadolu, and the Gulf and Egyptian state agencies.
ARABIC_WIRE_AGENCIES = ("رويترز", "أ ف ب", "أ.ف.ب", "ا ف ب", "أ ب", "د ب أ", "د.ب.أ", "شينخوا",
                        "الأناضول", "واس", "قنا", "وام", "كونا", "بنا", "أ ش أ", "سانا", "بترا",
                        "العمانية", "سبوتنيك")

#: Agencies as Hindi copy credits them after the place and date: PTI's Hindi service, IANS,
#: UNI's Varta, ANI ("नई दिल्ली, 24 सितंबर (भाषा) ...").
HINDI_WIRE_AGENCIES = ("भाषा", "पीटीआई", "पीटीआई-भाषा", "आईएएनएस", "वार्ता", "यूएनआई", "एएनआई", "एजेंसी")

#: Places that open Hindi copy before a colon, without an agency: the Hindi press' own datelines
#: ("नई दिल्ली: सरकार ने ...": NDTV India, Zee News, Navbharat Times, ABP News).
#: Devanagari has no capitals to tell a place from a word that opens a sentence or a kicker
#: ("खास बात:"), so only known places count: India's capitals and large cities, and the capitals
#: the Hindi press reports from most (not those that are words too: गया "went", कोटा "quota").
HINDI_DATELINE_PLACES = frozenset(name.replace("_", " ") for name in """
नई_दिल्ली दिल्ली मुंबई कोलकाता चेन्नई बेंगलुरु बेंगलूरु हैदराबाद अहमदाबाद पुणे जयपुर लखनऊ पटना भोपाल
इंदौर चंडीगढ़ रांची देहरादून शिमला श्रीनगर जम्मू वाराणसी प्रयागराज इलाहाबाद कानपुर आगरा गुवाहाटी
भुवनेश्वर रायपुर नागपुर सूरत वडोदरा गांधीनगर तिरुवनंतपुरम कोच्चि गोरखपुर मेरठ नोएडा गुरुग्राम गुड़गांव
गाजियाबाद अमृतसर लुधियाना जोधपुर उदयपुर अजमेर ग्वालियर जबलपुर धनबाद जमशेदपुर मुजफ्फरपुर
भागलपुर हरिद्वार पणजी इंफाल शिलांग अगरतला आइजोल कोहिमा गंगटोक ईटानगर पुडुचेरी विशाखापत्तनम अमरावती
वॉशिंगटन न्यूयॉर्क लंदन मॉस्को बीजिंग इस्लामाबाद काठमांडू ढाका कोलंबो दुबई टोक्यो पेरिस बर्लिन
काबुल तेहरान येरुशलम संयुक्त_राष्ट्र
""".split())

#: Agencies as Greek copy credits them after a place in capitals ("ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) -",
#: "ΛΕΥΚΩΣΙΑ (ΚΥΠΕ) -", "ΒΡΥΞΕΛΛΕΣ (Reuters) -").
GREEK_WIRE_AGENCIES = ("ΑΠΕ-ΜΠΕ", "ΑΠΕ", "ΚΥΠΕ", "Reuters", "AFP", "AP", "dpa", "ANSA", "EFE", "Xinhua")

#: Chinese and Japanese words for a reporter in a credit line ("（记者 胡晓蓉）", "本报记者罗科苏盈发自北京");
#: the name may follow them without a space.
CJK_REPORTER_WORDS = ("本报记者", "特约记者", "实习记者", "见习记者", "记者", "通讯员", "本报实习生", "实习生",
                      "實習記者", "記者", "特派員")

#: Common Chinese surnames (one character), and compound ones: an unlabelled line of names under a
#: title is read as authors only when its first name opens with one.
CHINESE_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
                    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
                    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
                    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
                    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻"
                    "位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦"
                    "戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但"
                    "尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由")
CHINESE_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "宇文",
                             "长孙", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "司徒", "司空")

#: Labels before an author's name in Chinese page text ("作者：宋怡 杨志华", "文：眉间尺"); a colon must follow.
CJK_AUTHOR_LABELS = ("作者", "撰文", "文", "作家", "来源作者", "原作者", "筆者", "文／", "文/")

#: Labels of the editor responsible for a Chinese story ("责任编辑：焦鹏"): its author when no reporter is credited.
CJK_EDITOR_LABELS = ("责任编辑", "責任編輯", "责编", "編輯", "编辑")

#: What follows a reporter's name in a Chinese credit: the place reported from ("姚峰 上海报道", "发自北京").
CJK_REPORT_WORDS = ("报道", "報導", "报导", "发自", "發自")

#: Words after a name in a Chinese photo credit ("新华社记者 才扬 摄"): a photographer, not an author.
CJK_PHOTO_CREDIT_WORDS = ("摄影", "摄", "攝影", "攝", "图", "圖")

#: Simplified-Chinese byline labels: after them, names separated by spaces are several people.
CHINESE_BYLINE_LABELS = ("作者", "本报记者", "记者", "撰文", "文：", "文:", "责任编辑", "编辑", "通讯员")

#: Endings that make a Chinese or Japanese author string an organisation (a paper, a site, a government).
CJK_ORGANISATION_ENDINGS = ("网", "網", "报", "報", "社", "集团", "集團", "公司", "日报", "新闻", "新聞", "电视台",
                            "政府", "中心", "委员会", "协会", "研究院", "研究所", "出版社", "杂志", "雜誌", "频道")

# ---------------------------------------------------------------- datelines
#: US state abbreviations as datelines write them (AP style) and other region abbreviations.
DATELINE_REGION_ABBREVIATIONS = (
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
    "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
    "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.",
    "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
    "D.C.", "B.C.", "Ont.", "Que.", "Alta.", "Man.", "Sask.", "N.S.", "N.B.", "Nfld.", "P.E.I.",
)

#: Press-release wires: their datelines set the wire between dashes ("LAS VEGAS--(BUSINESS WIRE)--"),
#: slashes ("NEW YORK, Jan. 7 /PRNewswire/ --") or parentheses ("(GLOBE NEWSWIRE) --"), sometimes
#: with the date in them ("(Marketwire - Jan. 7, 2008)"); a hyphenated service follows the name
#: ("/PRNewswire-FirstCall/").
PRESS_WIRES = ("Business Wire", "BUSINESS WIRE", "BusinessWire", "PR Newswire", "PRNewswire", "PRNEWSWIRE",
               "GLOBE NEWSWIRE", "Globe Newswire", "GlobeNewswire", "Marketwire", "Marketwired", "MARKET WIRE",
               "CNW", "CNW Telbec", "PRWEB", "PRWeb", "ACCESSWIRE", "ACCESS Newswire", "EINPresswire",
               "EIN Presswire", "Newsfile", "PRNewsfoto", "ots", "pressetext", "PresseBox", "JCN Newswire",
               "ANTARA/Businesswire", "PRUnderground", "Send2Press", "M2 PRESSWIRE", "Canada NewsWire")

#: What ends a dateline, beside a spaced hyphen and the period after a place in capitals: the
#: dashes, with or without spaces ("LONDON—The"), and U+0096 / U+0097, the code points that
#: "&#150;" / "&#151;" (the en and em dash of Windows-1252) become in pages transcoded byte by
#: byte from Windows-1252; and the period and hyphen of the Spanish wires ("MADRID, 5 ene (EFE).-").
DATELINE_DASHES = ("—", "–", "―", "−", "‒", "--", "\x97", "\x96", ".-")

#: Dashes that end a dateline only with a space on each side: the hyphen, and the underscore AP's
#: wire feeds set for a dash ("WASHINGTON (AP) _ The Senate").
DATELINE_SPACED_DASHES = ("-", "_")

#: Languages whose papers end a dateline with a colon ("KATHMANDU:", "LAHORE, Jan 7:",
#: "New Delhi (PTI):"): the English-language press of South Asia, the Gulf and East Africa
#: (Dawn, Daily Times, The Frontier Post, The Himalayan Times, The Times of India, India Post,
#: Gulf News, The New Times). Elsewhere a capitalised word before a colon is a kicker.
DATELINE_COLON_LANGUAGES = frozenset({"en"})

#: Fewest words after a colon dateline: "KARACHI: The ..." opens a sentence, "WHEN: Friday" is a label.
DATELINE_COLON_MIN_REST_WORDS = 6

#: Agencies a dateline names without parentheses, after its date (a comma between them too):
#: AAP's "SYDNEY, Jan 7 AAP -", Kyodo's "TOKYO, Jan. 7 Kyodo -", NZPA's "WELLINGTON, Jan 7 NZPA -",
#: IRNA's "Tehran, Jan 7, IRNA --".
DATELINE_BARE_AGENCIES = ("AAP", "AFP", "AP", "PTI", "IANS", "UNI", "APP", "UPI", "dpa", "Reuters", "Kyodo",
                          "NZPA", "IRNA")

#: Outlets that name themselves beside the dateline's place, the Indonesian online press' form:
#: "JAKARTA, KOMPAS.com -", "TEMPO.CO, Jakarta -", "Liputan6.com, Jakarta -",
#: "TRIBUNNEWS.COM, JAKARTA -", "REPUBLIKA.CO.ID, JAKARTA --", "JAKARTA, detikNews -" (detik's
#: desks: detikFinance, detikSport ...), "Jakarta, CNN Indonesia --". Regular expressions: most
#: name themselves by their web address, so the address's form is the rule, not a list of sites.
#: The outlet is no place (the place is the city beside it) and no author.
DATELINE_OUTLET_PATTERNS = (r"[A-Za-z][A-Za-z0-9]*\.(?i:co\.id|com|co|id|net)", r"detik[A-Z]?[a-z]*",
                            r"CNN Indonesia", r"CNBC Indonesia")

#: Broadcasters that open a story with their name in parentheses, glued to the text ("(CNN)President
#: Trump ..."); not agencies (a byline's "Jane Doe, CNN" names a person).
DATELINE_BROADCASTERS = ("CNN", "CNN Business", "CNNMoney", "CNN Money", "BBC", "ABC News", "CBS News", "NBC News",
                         "Fox News", "CNBC", "Sky News")

#: Marks in parentheses after a name that are no agency credit ("Magellan(R) Comes Out").
DATELINE_NOT_AGENCIES = frozenset({"r", "tm", "sm", "c", "p", "reg", "mc", "md"})

#: What a class must contain to mark an element as the story's dateline: hNews's "dateline",
#: sites' own "ArticlePage-dateline", "story-dateline", "Dateline" (one string, so one scan of
#: the page's markup tells whether any element can have it). The element's text counts when it
#: is a dateline and the body's text follows it.
DATELINE_ELEMENT_CLASS_PART = "ateline"

#: Capitalised words that open a paragraph before a dash or colon but are kickers or labels, not places.
DATELINE_NOT_PLACES = frozenset({
    "video", "vidéo", "vídeo", "photos", "photo", "foto", "fotos", "live", "update", "updated", "breaking",
    "breaking news", "exclusive", "exclusif", "exklusiv", "analysis", "analyse", "análisis", "opinion",
    "opinión", "commentary", "comment", "kommentar", "editorial", "review", "interview", "entretien",
    "advertisement", "anzeige", "sponsored", "watch", "listen", "fact check", "factcheck", "eilmeldung",
    "direct", "en direct", "en vivo", "última hora", "ultima ora", "news", "nachrichten", "aktuell",
    "note", "editor's note", "editors note", "correction", "korrektur", "warning", "achtung", "hinweis",
    "tl;dr", "tldr", "faq", "q", "a", "i", "ok", "okay", "summary", "zusammenfassung", "résumé",
    "podcast", "audio", "newsletter", "gallery", "galerie", "bild", "bilder", "ticker", "liveticker",
    "the", "der", "die", "das", "le", "la", "les", "el", "los", "las", "il", "lo", "gli",
    "file", "file photo", "archivo", "archive", "archiv", "archivbild", "symbolbild", "photo illustration",
    # labels before a colon: reader prompts, notes, listings, reviews, transcripts
    "related", "read more", "more", "see also", "also read", "read also", "also see", "also", "read", "alert",
    "edit", "edited", "update 2", "updates", "just in", "developing", "new", "neu", "flash", "urgent",
    "clarification", "disclaimer", "disclosure", "ps", "p.s", "nb", "n.b", "notice", "important", "attention",
    "when", "where", "what", "who", "why", "how", "tickets", "cost", "price", "prices", "info", "details",
    "admission", "location", "venue", "date", "time", "hours", "contact", "phone", "address", "website", "web",
    "email", "e-mail", "call", "rated", "rating", "verdict", "pros", "cons", "specs", "starring", "genre",
    "runtime", "running time", "final", "score", "result", "results", "preview", "recap", "report", "story",
    "transcript", "host", "anchor", "announcer", "question", "answer", "q&a", "poll", "quiz", "explainer",
    "factbox", "fact box", "timeline", "background", "context", "bottom line", "spoiler", "spoilers",
    "trigger warning", "content warning", "caution", "danger", "tip", "tips", "hint", "fotostrecke",
    "ansicht", "meinung", "gastbeitrag", "leserbrief", "pressemitteilung", "press release", "media release",
    "statement", "announcement", "sponsored content", "paid content", "partner content", "ad", "ads",
    "promoted", "deal", "deals", "sale", "offer", "giveaway", "contest", "sweepstakes", "watch live",
    "watch now", "listen now", "subscribe", "sign up", "join", "follow", "share", "print", "email this",
    "msm", "lol", "omg", "wow", "fyi", "rip", "btw", "imho", "imo", "eta", "tba", "tbd",
    "editor’s note", "editors’ note", "editors' note", "spoiler alert", "heads up", "must read", "must see",
    "satire", "parody", "recipe", "abstract", "introduction", "conclusion", "overview", "highlights",
    "key points", "takeaway", "takeaways", "the bottom line", "sneak peek", "first look", "hands-on",
    "hands on", "rumor", "rumour", "leak", "letters", "letter", "obituary", "obit", "in memoriam",
    "retraction", "fiction", "poem", "excerpt", "book review", "movie review", "film review",
    "music review", "album review", "theater review", "theatre review", "sports", "business", "politics",
    "health", "science", "tech", "technology", "entertainment", "world", "nation", "local", "weather",
    "traffic", "crime", "education", "travel", "lifestyle", "money", "markets", "finance", "economy",
    "culture", "arts", "music", "movies", "tv", "television", "books", "food", "style", "fashion",
    "insight", "feature", "profile", "special report", "column", "essay", "dispatch", "op-ed", "perspective",
    "viewpoint", "outlook", "scenarios", "witness", "refile", "corrected", "fast facts", "by the numbers",
    "at a glance", "the issue", "what's next", "what’s next", "why it matters", "the latest", "big picture",
    "the big picture", "what happened", "what to know", "what we know", "key facts", "quick facts",
})

#: Words that mark a paragraph as a photo caption or credit (the body may keep some before a dateline).
CAPTION_WORDS = ("photo", "photos", "file photo", "foto", "fotos", "bild", "archivbild", "symbolbild",
                 "getty images", "reuters/", "ap photo", "afp via getty", "picture alliance", "imago", "dpa/",
                 "keystone", "epa", "credit", "photographer")

#: First words that make an opening a timestamp or credit line, not a place ("Aktualisiert am 7.1.").
DATELINE_NOT_PLACE_WORDS = frozenset({
    "aktualisiert", "veröffentlicht", "erstellt", "stand", "updated", "published", "posted", "publié",
    "publicado", "pubblicato", "modifié", "actualizado", "aggiornato", "gepubliceerd", "bijgewerkt",
    "foto", "fotos", "photo", "photos", "bild", "quelle", "source", "von", "by", "par", "por",
    "dear",  # an advice column's letter: "DEAR ABBY: My husband ..."
})

#: Words that open a time phrase, never a place: a place and date with nothing after them
#: ("Chandigarh, January 7 Punjab's ...") is no dateline when one of them opens it ("Until
#: January 7 Residents ...", "Am Montag, 7. Januar Die ...").
DATELINE_TIME_OPENERS = frozenset({
    "on", "until", "till", "since", "from", "by", "before", "after", "last", "next", "this", "every", "early",
    "late", "am", "an", "seit", "bis", "ab", "vom", "zum", "bereits", "depuis", "jusqu'au", "le", "desde", "hasta",
    "el", "dal", "fino",
})

#: Month names and abbreviations (lower case, without the final dot) in the dateline languages.
MONTHS = {
    **dict.fromkeys(["jan", "january", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
                     "janeiro", "januari"], 1),
    **dict.fromkeys(["feb", "february", "februar", "feber", "février", "févr", "fevrier", "febrero", "febbraio",
                     "fevereiro", "februari"], 2),
    **dict.fromkeys(["mar", "march", "märz", "mär", "maerz", "mars", "marzo", "março", "maart", "mrt"], 3),
    **dict.fromkeys(["apr", "april", "avril", "avr", "abril", "abr", "aprile"], 4),
    **dict.fromkeys(["may", "mai", "mayo", "maggio", "mag", "maio", "mei"], 5),
    **dict.fromkeys(["jun", "june", "juni", "juin", "junio", "giugno", "giu", "junho"], 6),
    **dict.fromkeys(["jul", "july", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"], 7),
    **dict.fromkeys(["aug", "august", "août", "aout", "agosto", "ago", "augustus"], 8),
    **dict.fromkeys(["sep", "sept", "september", "septembre", "septiembre", "settembre", "set", "setembro"], 9),
    **dict.fromkeys(["oct", "october", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro"], 10),
    **dict.fromkeys(["nov", "november", "novembre", "noviembre", "novembro"], 11),
    **dict.fromkeys(["dec", "december", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre",
                     "dezembro"], 12),
}

#: Month names dates.py reads in visible dates without dateparser (whose first use of a language
#: costs a tenth of a second): the dateline months and more, only words that name the same month
#: in every language that writes them (not Slavic ones like "listopad": November in Polish and
#: Czech, October in Croatian). Russian genitive, nominative and short forms; Arabic months as
#: written in Egypt and the Gulf, and the Levantine ones of one word (which dateparser lacks).
#: Thai months, full and abbreviated ("24 กันยายน 2567", "24 ก.ย. 2567"): Thai sites date in the
#: Buddhist Era (BUDDHIST_ERA_OFFSET years ahead), which dateparser reads as the common era.
THAI_MONTHS = {
    **dict.fromkeys(["มกราคม", "ม.ค."], 1), **dict.fromkeys(["กุมภาพันธ์", "ก.พ."], 2),
    **dict.fromkeys(["มีนาคม", "มี.ค."], 3), **dict.fromkeys(["เมษายน", "เม.ย."], 4),
    **dict.fromkeys(["พฤษภาคม", "พ.ค."], 5), **dict.fromkeys(["มิถุนายน", "มิ.ย."], 6),
    **dict.fromkeys(["กรกฎาคม", "ก.ค."], 7), **dict.fromkeys(["สิงหาคม", "ส.ค."], 8),
    **dict.fromkeys(["กันยายน", "ก.ย."], 9), **dict.fromkeys(["ตุลาคม", "ต.ค."], 10),
    **dict.fromkeys(["พฤศจิกายน", "พ.ย."], 11), **dict.fromkeys(["ธันวาคม", "ธ.ค."], 12),
}
BUDDHIST_ERA_OFFSET = 543

TEXT_DATE_MONTHS = {
    **MONTHS,
    "mrz": 3,
    **dict.fromkeys(["января", "январь", "янв"], 1), **dict.fromkeys(["февраля", "февраль", "фев"], 2),
    **dict.fromkeys(["марта", "март", "мар"], 3), **dict.fromkeys(["апреля", "апрель", "апр"], 4),
    **dict.fromkeys(["мая", "май"], 5), **dict.fromkeys(["июня", "июнь", "июн"], 6),
    **dict.fromkeys(["июля", "июль", "июл"], 7), **dict.fromkeys(["августа", "август", "авг"], 8),
    **dict.fromkeys(["сентября", "сентябрь", "сен", "сент"], 9), **dict.fromkeys(["октября", "октябрь", "окт"], 10),
    **dict.fromkeys(["ноября", "ноябрь", "ноя", "нояб"], 11), **dict.fromkeys(["декабря", "декабрь", "дек"], 12),
    "يناير": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "نيسان": 4,
    "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6, "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7,
    "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}

#: Well-known dateline cities: a capitalised (not capitals) place alone before a dash or
#: period counts as a dateline only when it is one of these (capitals always count).
DATELINE_KNOWN_PLACES = frozenset(name.replace("_", " ") for name in """
Aachen Abu_Dhabi Abuja Accra Addis_Abeba Addis_Ababa Ahmedabad Algiers Amman Amsterdam Anchorage Ankara
Antananarivo Antwerpen Antwerp Athen Athens Atlanta Auckland Augsburg Austin Bagdad Baghdad Baku Bali
Baltimore Bamako Bangkok Bangalore Barcelona Basel Beijing Peking Beirut Beirut Belfast Belgrad Belgrade
Bergen Berlin Bern Bielefeld Bilbao Birmingham Bochum Bogotá Bogota Bologna Bonn Bordeaux Boston Bratislava
Braunschweig Brasília Brasilia Bremen Brisbane Brüssel Brussels Bruxelles Bukarest Bucharest Budapest
Buenos_Aires Buffalo Kairo Cairo Calgary Canberra Caracas Cardiff Charlotte Chemnitz Chicago Chișinău
Cincinnati Cleveland Colombo Columbus Dakar Dallas Damaskus Damascus Danzig Gdańsk Darmstadt Denver Detroit
Dhaka Doha Dortmund Dresden Dubai Dublin Duisburg Düsseldorf Edinburgh Erfurt Essen Frankfurt
Frankfurt_am_Main Freiburg Genf Geneva Genève Genua Genoa Glasgow Göteborg Gothenburg Graz Hamburg Hannover
Hanover Hanoi Harare Havanna Havana Helsinki Hiroshima Ho_Chi_Minh_City Hongkong Hong_Kong Honolulu Houston
Indianapolis Innsbruck Islamabad Istanbul Jakarta Jerusalem Johannesburg Kabul Kampala Kapstadt Cape_Town
Karachi Karlsruhe Kassel Kathmandu Khartum Khartoum Kiel Kiew Kyiv Kiev Kigali Kingston Kinshasa Koblenz Köln
Cologne Kolkata Kopenhagen Copenhagen Krakau Kraków Kuala_Lumpur Kuwait Lagos Lahore Las_Vegas Lausanne
Leipzig Lille Lima Linz Lissabon Lisbon Liverpool Ljubljana London Los_Angeles Luanda Lübeck Luxemburg
Luxembourg Luzern Lyon Madrid Magdeburg Mailand Milan Milano Mainz Managua Manchester Manila Mannheim
Marseille Melbourne Memphis Mexiko-Stadt Mexico_City Miami Minsk Minneapolis Mogadischu Mogadishu Monaco
Montevideo Montreal Montréal Moskau Moscow Mumbai München Munich Münster Nairobi Nantes Neapel Naples
Neu-Delhi New_Delhi Delhi New_Orleans New_York Nizza Nice Nürnberg Nuremberg Oakland Odessa Oldenburg Osaka
Oslo Osnabrück Ottawa Oxford Palermo Panama Paris Perth Philadelphia Phoenix Pittsburgh Portland Porto
Potsdam Prag Prague Pretoria Pristina Quito Rabat Regensburg Reykjavik Riad Riyadh Riga Rio_de_Janeiro Rom
Rome Roma Rostock Rotterdam Saarbrücken Salzburg San_Diego San_Francisco San_José Santiago Sarajevo Seattle
Seoul Sevilla Seville Shanghai Singapur Singapore Skopje Sofia Stockholm Straßburg Strasbourg Stuttgart Sydney
Taipeh Taipei Tallinn Taschkent Tashkent Teheran Tehran Tel_Aviv Tiflis Tbilisi Tirana Tokio Tokyo Toronto
Toulouse Trier Tripolis Tripoli Tunis Turin Ulm Vancouver Venedig Venice Vilnius Warschau Warsaw Washington
Wellington Wien Vienna Wiesbaden Wuppertal Würzburg Zagreb Zürich Zurich Jena Weimar Halle Gießen Göttingen
Heidelberg Lüneburg Flensburg Schwerin Cottbus Konstanz Ingolstadt Passau Bamberg Bayreuth Hildesheim
Paderborn Siegen Gera Zwickau Plauen Görlitz Bautzen Leverkusen Krefeld Mönchengladbach Gelsenkirchen
Bottrop Oberhausen Hagen Hamm Herne Mülheim Solingen Remscheid Neuss Bergisch_Gladbach Ludwigshafen Kaiserslautern
Pforzheim Heilbronn Reutlingen Tübingen Esslingen Offenburg Villingen-Schwenningen Friedrichshafen Lindau
Kempten Rosenheim Landshut Straubing Erlangen Fürth Aschaffenburg Schweinfurt Fulda Marburg Wetzlar Hanau
Offenbach Bad_Homburg Salzgitter Wolfsburg Celle Cuxhaven Wilhelmshaven Emden Bremerhaven Stralsund Greifswald
Neubrandenburg Wismar Frankfurt_(Oder) Brandenburg Dessau Wittenberg Halberstadt Nordhausen Suhl Eisenach
""".split())

#: Weekday names (lower case) in the byline languages: a byline's date starts at one.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
            "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")

#: Longest dateline accepted, in characters: longer openings are sentences.
DATELINE_MAX_CHARS = 80

# ---------------------------------------------------------------- language
#: A few very frequent function words per language, for detection when the page declares none.
STOPWORDS = {
    "en": "the of and to in is that for it was on with as by at from this are be have",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch",
    "fr": "le la les de des et en un une du est que pour dans qui au sur pas par avec",
    "es": "el la de que y en los del se las por un para con una su al es lo como más",
    "it": "il di che la e per un in del della non è le si una con sono dei gli al",
    "pt": "de que e o da do em um para com não uma os no se na por mais as dos",
    "nl": "de het een en van in is dat op te zijn voor met die niet aan er ook",
    "sv": "och i att det som en på är av för med till den har inte om ett var",
    "da": "og i at det er en til på som de med for af ikke den har et var",
    "no": "og i det er som en til på av for med at ikke har den de et var",
    "pl": "i w na z że się nie do to jest o jak po co ale od za",
    "cs": "a v se na je že to s z do o jako ale pro by jsou za od",
    "tr": "ve bir bu da de için ile olarak çok daha en gibi ne olan ama",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke",
    "fi": "ja on ei se että oli hän kun mutta ovat myös tai jo ole",
    "hu": "a az és hogy nem is egy meg de van csak már el",
    "ro": "și de la în cu că pe nu un o din pentru este mai",
}

#: Three-letter language subtags accepted (ISO 639-2/3 codes without a two-letter form, in use online).
THREE_LETTER_LANGUAGES = frozenset({"fil", "haw", "yue", "cmn", "nan", "hak", "ast", "ckb", "gsw", "kab", "nds",
                                    "sah", "szl", "tet", "tpi", "vec", "wuu", "zza", "ceb", "hil", "war", "ilo"})

#: Unicode script ranges that decide the language alone (or nearly).
SCRIPT_LANGUAGES = (
    ("\u3040", "\u30ff", "ja"),   # hiragana, katakana
    ("\uac00", "\ud7af", "ko"),   # hangul syllables
    ("\u4e00", "\u9fff", "zh"),   # CJK ideographs (after kana: Japanese uses them too)
    ("\u0600", "\u06ff", "ar"),
    ("\u0590", "\u05ff", "he"),
    ("\u0e00", "\u0e7f", "th"),
    ("\u0370", "\u03ff", "el"),
    ("\u0900", "\u097f", "hi"),
    ("\u0400", "\u04ff", "ru"),
)
