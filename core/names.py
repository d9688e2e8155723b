"""Finding names in text as whole words, whatever their case, spacing or apostrophe style.

The glossary marks names in rendered pages with it, and the reading grade counts each name as
one short word.
"""

import re
from collections.abc import Iterable

_APOSTROPHES = "['\u2019]"  # a straight apostrophe in a name also matches a curly one


def names_regex(names: Iterable[str]) -> re.Pattern | None:
    """One regex that finds any of ``names`` as whole words; None if there are no names.

    Case, spacing and apostrophe style don't matter. Python tries alternatives in order, so
    longest first makes the longest name win ("immune response" over "response").
    re.compile() caches, so the same names don't compile the regex again.
    """
    patterns: dict[str, str] = {}  # normalised name -> regex for its first spelling
    for name in names:
        if key := name_key(name):
            patterns.setdefault(key, _name_pattern(name))
    alternatives = [patterns[key] for key in sorted(patterns, key=lambda k: (-len(k), k))]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def name_key(name: str) -> str:
    """A name as compared when matching: case, spacing and apostrophe style don't matter."""
    return " ".join(name.replace("\u2019", "'").casefold().split())


def _name_pattern(name: str) -> str:
    """A regex for one name: any whitespace between words, either apostrophe style."""
    words = name.replace("\u2019", "'").split()
    return r"\s+".join(re.escape(word).replace("'", _APOSTROPHES) for word in words)
