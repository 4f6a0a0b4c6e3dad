"""The line patterns the page reader classifies with: navigation, sharing, credits, bylines.

Kept apart from the reader's control flow so that adding an outlet's habit is a one-line change
here. Every pattern is anchored and free of nested quantifiers, so matching is linear in the line.
"""

from __future__ import annotations

import regex

_I = regex.IGNORECASE

#: Whole lines that are site chrome, sharing or advertising, wherever they occur.
BOILERPLATE_LINE = regex.compile(
    r"^(?:\d{1,2}[.)]\s+)?(?:"
    r"skip\s+to\s+.{0,40}"
    r"|advertisement(?:\s*[·•|-]\s*scroll\s+to\s+continue)?|scroll\s+to\s+continue|sponsored(?:\s+content)?"
    r"|share(?:\s+(?:this|on|via)\b.{0,40})?|print(?:\s+this\s+(?:page|article))?|e-?mail|copy\s+link|link\s+copied"
    r"|save(?:\s+article)?|gift\s+(?:this\s+)?article|comments?(?:\s*\(\d+\))?|close|menu|search|home"
    r"|sign\s+(?:in|up)|log\s*in|subscribe(?:\s+now)?|newsletter|follow\s+us.{0,40}|listen(?:\s+to\s+this\s+article)?.{0,20}"
    r"|watch(?:\s+video)?|video|audio|top\s+stories|most\s+(?:read|popular|viewed)|trending(?:\s+now)?"
    r"|continue\s+reading|read\s+full\s+(?:article|story)|show\s+more|load\s+more|back\s+to\s+top"
    r"|accept(?:\s+all)?(?:\s+cookies)?|reject\s+all|manage\s+(?:preferences|cookies|settings)|i\s+agree|ok(?:ay)?"
    r"|\d+\s*(?:min(?:ute)?s?\.?\s+read|min)"
    r"|(?:(?:last\s+)?(?:updated|published|posted)\s+)?(?:\d+|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|months?|years?)\s+ago|send\s+us\s+(?:a\s+tip|your\s+feedback)|report\s+an\s+error"
    r"|feedback.{0,40}|permalink|print\s+print\s+this\s+page|more\s+from\s+.{1,40}|you\s+may\s+also\s+like"
    r"|(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram|messenger|e-?mail|print|share|send|copy\s+link"
    r"|flipboard|pinterest|threads|bluesky)(?:[\s,|·•/]+(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram"
    r"|messenger|e-?mail|print|share|send|copy\s+link|flipboard|pinterest|threads|bluesky))+"
    r")\s*[.:!]?$",
    _I,
)

#: Lines that are boilerplate when they *contain* these words (cookie banners, copyright, standards).
BOILERPLATE_PHRASE = regex.compile(
    r"(?:\bwe\s+use\s+cookies\b|\bcookie\s+(?:policy|settings|preferences|consent)\b|\buse\s+of\s+cookies\b"
    r"|\baccept\s+(?:all\s+)?cookies\b|^\s*(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})|\ball\s+rights\s+reserved\b"
    r"|\btrust\s+principles\b|\bsign\s+up\s+for\s+(?:our|the)\s+.{0,30}newsletter\b"
    r"|\bclick\s+here\s+to\s+(?:subscribe|sign|read|listen|watch)\b|\bthis\s+article\s+was\s+(?:amended|corrected)\b"
    r"|^\s*(?:tags|topics|keywords|related\s+(?:subjects|topics))\s*:)",
    _I,
)
# Every alternative of `BOILERPLATE_PHRASE` contains one of these (case-folded): most lines hold
# none, and a substring test is far cheaper than the search. Update the two together.
_BOILERPLATE_PHRASE_WORDS = (
    "cookie", "©", "(c)", "copyright", "reserved", "principles", "newsletter", "click",
    "amended", "corrected", "tags", "topics", "keywords", "related",
)  # fmt: skip


def has_boilerplate_phrase(line: str) -> bool:
    """`BOILERPLATE_PHRASE` found in `line` (the search runs only when a needed word is there)."""
    folded = line.casefold()
    if not any(word in folded for word in _BOILERPLATE_PHRASE_WORDS):
        return False
    return BOILERPLATE_PHRASE.search(line) is not None


#: Section, author and date labels some sites print as "Label value" lines (DW's footer, for one).
LABELLED_FIELD = regex.compile(
    r"^(?P<label>date|author|authors|keywords|permalink|source)\s*:?\s+(?P<value>.+)$", _I
)

#: "Read more", "Related:" and the like, with the linked title on the same line (DW glues it on).
#: Labels that also open ordinary sentences ("Related to this, ...") need a separator.
RELATED_LINE = regex.compile(
    r"^(?:(?P<label>read\s+more|read\s+also|also\s+read|see\s+also|read\s+next)"
    r"(?:\s*[:|\-–—]\s*|\s+|(?=\p{Lu}|['\"‘“])|$)"
    r"|(?P<label>related(?:\s+(?:content|stories|story|articles?|coverage))?|more\s+on\s+this(?:\s+story)?"
    r"|recommended|must\s+read)\s*(?:[:|\-–—]\s*|$))(?P<title>.*)$",
    _I,
)

#: A credit on its own line ("Image: Getty Images/AFP", "Photo credit: Reuters", "Image source, EPA").
CREDIT_LINE = regex.compile(
    r"^(?:image|photo(?:graph)?|picture|pic|foto|bild|credit|image\s+credit|photo\s+credit|image\s+source"
    r"|photo\s+source|source\s+image)\s*[:,]\s*(?P<credit>.{2,160})$",
    _I,
)

#: A credit glued to the end of a caption ("... in 2018.Image: Reuters/A. Zemlianichenko",
#: "... on Thursday. Photograph: Ivan Sekretarev/AP", "... (AP Photo/Jane Doe)", "... [Jane Doe/Reuters]").
TRAILING_CREDIT = regex.compile(
    # Capitalised labels only: "the picture: a bleak one" in running text is not a credit.
    r"(?:(?<=\S)\s*(?-i:Image|Photo(?:graph)?|Picture|Foto|Bild|Credit|IMAGE|PHOTO)\s*:\s*(?P<credit>[^:]{2,120})"
    r"|\s*\((?P<credit2>(?:AP|AFP|Reuters|EPA|Getty|Photo|Image|Foto)[^()]{0,100})\)"
    r"|\s*\[(?P<credit3>[^\[\]]{2,100}/[^\[\]]{1,60})\]"
    # Reuters-style "... terminal. REUTERS/Samir Haddad/File Photo": an agency, a slash, a name.
    r"|(?<=[.!?])\s+(?P<credit4>(?-i:REUTERS|AFP|AP|EPA|dpa|ANP|Getty\s+Images|Anadolu)/[^/\n]{2,60}(?:/[^/\n]{2,40}){0,2}))\s*$",
    _I,
)
# Every alternative of `TRAILING_CREDIT` needs one of these characters (a label's colon, an opening
# bracket, the slash after an agency); body lines often have none. Update the two together.
_TRAILING_CREDIT_MARKS = (":", "(", "[", "/")


def trailing_credit(line: str) -> regex.Match[str] | None:
    """`TRAILING_CREDIT` searched in `line` (only when one of the characters it needs is there)."""
    if not any(mark in line for mark in _TRAILING_CREDIT_MARKS):
        return None
    return TRAILING_CREDIT.search(line)


#: "Image caption, ..." (BBC) and "Caption: ..." lines.
CAPTION_LINE = regex.compile(r"^(?:image\s+caption|caption|media\s+caption)\s*[:,]\s*(?P<caption>.*)$", _I)

#: Bylines with a lead word: "By Jane Doe", "Written by ...", "Reporting by ...; Editing by ...".
BYLINE_LEAD = regex.compile(
    r"^(?:by|written\s+by|words\s+by|story\s+by|text\s+by|authors?\s*:|von|par|por)\s+(?P<names>.+)$",
    _I,
)

#: Reuters-style credits at the foot of a story.
FOOTER_CREDITS = regex.compile(
    r"^\(?(?:reporting|writing|additional\s+reporting)\s+by\s+(?P<names>[^;)]+)", _I
)

#: Words that end or qualify a byline but are not names.
BYLINE_STOP_WORDS = frozenset(
    [
        "staff",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "writer",
        "writers",
        "columnist",
        "contributor",
        "analyst",
        "producer",
        "chief",
        "senior",
        "deputy",
        "associate",
        "managing",
        "news",
        "agency",
        "agencies",
        "wire",
        "wires",
        "desk",
        "team",
        "reuters",
        "ap",
        "afp",
        "dpa",
        "ani",
        "pti",
        "ians",
        "upi",
        "bloomberg",
        "associated",
        "press",
        "bbc",
        "cnn",
        "dw",
        "al",
        "jazeera",
        "guardian",
        "times",
        "post",
        "journal",
        "online",
        "digital",
        "international",
        "national",
        "political",
        "diplomatic",
        "foreign",
        "security",
        "defence",
        "defense",
        "economics",
        "business",
        "health",
        "science",
        "technology",
        "environment",
        "education",
        "affairs",
        "sports",
        "culture",
        "global",
    ]
)

#: Particles allowed inside a personal name ("Ursula von der Leyen", "Ahmed al-Masri").
NAME_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "di",
        "du",
        "le",
        "la",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "dos",
        "das",
        "st.",
    ]
)

#: Words of section labels and kickers, which look like names in title case ("Middle East").
SECTION_WORDS = frozenset(
    [
        "world",
        "politics",
        "business",
        "economy",
        "opinion",
        "analysis",
        "live",
        "news",
        "sport",
        "sports",
        "culture",
        "science",
        "technology",
        "tech",
        "health",
        "environment",
        "climate",
        "europe",
        "asia",
        "africa",
        "americas",
        "america",
        "middle",
        "east",
        "west",
        "north",
        "south",
        "latin",
        "us",
        "uk",
        "international",
        "national",
        "local",
        "breaking",
        "exclusive",
        "explainer",
        "interview",
        "feature",
        "features",
        "commentary",
        "focus",
    ]
)

NAME_TOKEN = regex.compile(
    r"^(?:\p{Lu}[\p{Ll}\p{Lu}'’\-]*\.?|\p{Lu}\.(?:\p{Lu}\.)*|(?:al|el)-\p{Lu}[\p{Ll}'’\-]*)$"
)

#: A line that is just a URL.
URL_LINE = regex.compile(r"^(?:permalink\s*:?\s*)?(?P<url>https?://[^\s<>\"]{3,2000})$", _I)

#: Ends like a sentence (possibly inside closing quotes or brackets).
SENTENCE_END = regex.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
