"""The search box (*Cari*): one query over everything a user may read, filled by the domain apps.

Each app registers its providers in its ``AppConfig.ready()`` (as with :mod:`sakip.inbox` and
:mod:`sakip.panels`), so sakip imports no domain app. A provider takes the user, their
:class:`~sakip.access.Scope`, the query's words (:func:`words`: lower case, accents removed) and a limit, and
returns at most ``limit + 1`` :class:`Hit` within the scope (one more than shown tells the page there are more),
in a fixed number of queries whatever the amount of data: one query with :func:`matches` as its filter.

Matching: every word must appear, in any order, in one of the provider's fields (a code is a word, so
``1.01.02`` finds the element of that code); case and accents are ignored in the words typed. Data with accents is
rare in Indonesian plan texts and is matched as stored (``icontains``, the same on SQLite and PostgreSQL).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import Q

LIMIT = 10  # hits shown per kind
MAX_WORDS = 8  # words beyond these are ignored (each adds a condition to every provider's query)


@dataclass(frozen=True)
class Hit:
    """One result: what it is, where it is shown, and a line of context (OPD, version, year)."""

    judul: str
    url: str
    kode: str = ""
    keterangan: str = ""


@dataclass(frozen=True)
class Provider:
    """A kind of result (``key`` stable, ``label`` shown as the group's heading) and the function finding it."""

    key: str
    label: str
    urutan: int
    find: Callable[[object, object, list[str], int], list[Hit]]


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    hits: list[Hit] = field(default_factory=list)
    lebih: bool = False  # more than the hits shown


_providers: dict[str, Provider] = {}


def register(key: str, label, urutan: int = 50):
    """Register ``find(user, scope, words, limit)`` as the provider of ``key`` (once); a decorator."""

    def decorate(find):
        _providers.setdefault(key, Provider(key, label, urutan, find))
        return find

    return decorate


def normalise(text: str) -> str:
    """Lower case without accents (``Pelayanan Publik`` and ``pélayanan publik`` read the same)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(query: str) -> list[str]:
    """The distinct words of a query, normalised, in the order typed (at most :data:`MAX_WORDS`)."""
    seen: list[str] = []
    for word in normalise(query).split():
        if word not in seen:
            seen.append(word)
    return seen[:MAX_WORDS]


def matches(found_words: Sequence[str], fields: Sequence[str]) -> Q:
    """A filter: every word in one of ``fields`` (``icontains``), in any order."""
    per_word = [reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields)) for word in found_words]
    return reduce(and_, per_word, Q())


def search(user, scope, query: str, limit: int = LIMIT) -> list[Group]:
    """Every kind's hits for ``query`` (kinds without hits left out), in the providers' order."""
    found_words = words(query)
    if not found_words:
        return []
    groups = []
    for provider in sorted(_providers.values(), key=lambda p: (p.urutan, p.key)):
        hits = provider.find(user, scope, found_words, limit)
        if hits:
            groups.append(Group(provider.key, str(provider.label), hits[:limit], len(hits) > limit))
    return groups
