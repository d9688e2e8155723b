"""Names are found as whole words, longest first, exactly as one regex of every name finds them."""

import random
import re

from core.names import NameFinder, name_key

WORDS = ["iv", "ivig", "immune", "response", "steroid", "steroids", "crohn's", "b-cell", "(igg)"]
GLUE = [" ", "  ", "\n", ", ", ". ", "-", "\u2019", "'", "x", "(", ")", ""]


def one_regex(names):
    """The reference: every name in one alternation, longest first (what the finder replaces)."""
    patterns = {}
    for name in names:
        if key := name_key(name):
            words = name.replace("\u2019", "'").split()
            pattern = r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in words)
            patterns.setdefault(key, pattern)
    ordered = [patterns[key] for key in sorted(patterns, key=lambda k: (-len(k), k))]
    return re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)", re.IGNORECASE)


def spans(matches):
    return [(match.start(), match.end()) for match in matches]


def test_finds_the_same_uses_as_one_regex_of_every_name_in_random_text():
    rng = random.Random(20261129)  # noqa: S311 - seeded test data
    for _ in range(400):
        names = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))).upper()
            if rng.random() < 0.2
            else " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 6))
        ]
        text = "".join(rng.choice(WORDS + GLUE) + rng.choice(GLUE) for _ in range(30))
        text = "".join(c.upper() if rng.random() < 0.1 else c for c in text)
        assert spans(NameFinder(names).finditer(text)) == spans(one_regex(names).finditer(text)), (
            names,
            text,
        )


def test_the_longest_name_wins_and_words_are_whole():
    finder = NameFinder(["response", "immune response", "IV"])
    text = "An Immune\nresponse, IVIG and IV\u2019s response"
    assert [m.group() for m in finder.finditer(text)] == ["Immune\nresponse", "IV", "response"]


def test_a_name_that_starts_with_punctuation_is_found():
    assert [m.group() for m in NameFinder(["(IgG)"]).finditer("the (igg) antibody")] == ["(igg)"]


def test_sub_replaces_each_use_and_no_names_find_nothing():
    assert NameFinder(["steroid"]).sub("term", "A steroid, steroids.") == "A term, steroids."
    assert not NameFinder(["  "])
    assert list(NameFinder([]).finditer("steroid")) == []
