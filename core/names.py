"""Finding names in text as whole words, whatever their case, spacing or apostrophe style.

The glossary marks names in rendered pages with it, and the reading grade counts each name as
one short word.

All the names become one regex shaped like a trie: names that begin alike share their
beginning, so at each place in the text the regex follows one path, one character at a time,
however many names there are. (One alternative per name would try every name at every place.)
"""

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

_APOSTROPHE = "['\u2019]"  # a straight apostrophe in a name also matches a curly one
_SPACE = r"\s+"  # any run of whitespace between the words of a name
_END = ""  # marks, in a trie node, that a name ends there


def name_key(name: str) -> str:
    """A name as compared when matching: case, spacing and apostrophe style don't matter."""
    return " ".join(name.replace("\u2019", "'").casefold().split())


class NameFinder:
    """Finds any of ``names`` in text as whole words, the longest name first where they overlap
    ("immune response" wins over "response")."""

    def __init__(self, names: Iterable[str]):
        spellings: dict[str, str] = {}  # normalised name -> its first spelling
        for name in names:
            if key := name_key(name):
                spellings.setdefault(key, name)
        self._regex = _trie_regex(tuple(sorted(spellings.values()))) if spellings else None

    def __bool__(self) -> bool:
        return self._regex is not None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Each use of a name in ``text``, left to right, never overlapping."""
        return self._regex.finditer(text) if self._regex else iter(())

    def sub(self, replacement: str, text: str) -> str:
        """``text`` with each use of a name replaced by ``replacement``."""
        return self._regex.sub(replacement.replace("\\", r"\\"), text) if self._regex else text


@lru_cache(maxsize=32)
def _trie_regex(spellings: tuple[str, ...]) -> re.Pattern:
    """One regex for all ``spellings``, built once for each set of names (pages share them)."""
    trie: dict = {}
    for spelling in spellings:
        node = trie
        for token in _tokens(spelling):
            node = node.setdefault(token, {})
        node[_END] = {}
    return re.compile(rf"(?<!\w){_pattern(trie)}(?!\w)", re.IGNORECASE)


def _tokens(spelling: str) -> list[str]:
    """A name as the regex pieces that match it, one per character or run of whitespace."""
    tokens = []
    for number, word in enumerate(spelling.replace("\u2019", "'").lower().split()):
        if number:
            tokens.append(_SPACE)
        tokens += [_APOSTROPHE if char == "'" else re.escape(char) for char in word]
    return tokens


def _pattern(node: dict) -> str:
    """The regex for a trie node: its branches, where at most one can match the next character,
    and, if a name ends here, the option to stop. Longer names are tried first (greedy), and the
    regex steps back to a shorter one when a longer one is not a whole word."""
    branches = [token + _pattern(child) for token, child in node.items() if token != _END]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{pattern})?" if _END in node else pattern
