"""Patterns the reader writes in a faster form than the plain one: they find exactly what the
plain form finds (the reader only asks whether they find anything)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from mkdocs_madr.core.parse.metadata import _SLASHED_DATE, _slashed_dates
from mkdocs_madr.core.parse.vocabulary import ANY_VERB

VERBS = (
    "super replac amend extend augment remplac ersetz abgel lost ab löst ab reemplaz sustitu "
    "substitu sostitu vervang modifi ander änder erganz ergänz wijzig favor favour"
)
PLAIN_ANY_VERB = re.compile(
    r"super|replac|amend|extend|augment|remplac|ersetz|abgel|l[oö]st ab|reemplaz|sustitu|substitu|"
    r"sostitu|vervang|modifi|[aä]nder|erg[aä]nz|wijzig|favou?r"
)
_PIECES = st.sampled_from([*VERBS.split(), *"abdefgilmnoprstuvwxzäö ", "los", "st ", "favo"])


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_any_verb_finds_what_the_plain_alternation_finds(text: str) -> None:
    assert (ANY_VERB.search(text) is None) == (PLAIN_ANY_VERB.search(text) is None)


def test_any_verb_finds_every_verb_and_nothing_else() -> None:
    words = ["lost ab", "löst ab", *(word for word in VERBS.split() if word not in "lost löst ab")]
    for word in words:
        assert ANY_VERB.search(f"x {word}ed y") is not None, word
        assert ANY_VERB.search(f"x {word[:-1]}_ y") is None, word


_DATE_PIECES = st.sampled_from([*"0123456789/ -a_\n", "١", "٢", "²", "12/", "/03/", "2024", "x/"])


@given(st.lists(_DATE_PIECES, max_size=16).map("".join))
def test_slashed_dates_finds_what_the_pattern_finds(text: str) -> None:
    assert _slashed_dates(text) == _SLASHED_DATE.findall(text)
