"""The LKE scoring engine (PermenPAN-RB 88/2021, regulations §6.2–6.4), free of the database.

A template is a list of :class:`Komponen` of :class:`Sub` with weighted criteria; a grade per criterion has a
value 0–100 on the template's scale. A sub-komponen scores its weight times the weighted mean of its criteria's
values; a komponen the sum of its subs; the total the sum of the komponen, rescaled to 0–100 when a pemda's
template does not weigh 100 in all. An unanswered criterion counts as the scale's lowest grade (E). The predikat
bands' lower bound is exclusive (as printed, "> 90 – 100") or inclusive, per template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

#: grade → value per scale (regulations §6.2; the Y/T and A–D scales some pemda use)
SKALA: dict[str, list[tuple[str, Decimal]]] = {
    "aa-e": [
        ("AA", Decimal(100)),
        ("A", Decimal(90)),
        ("BB", Decimal(80)),
        ("B", Decimal(70)),
        ("CC", Decimal(60)),
        ("C", Decimal(50)),
        ("D", Decimal(30)),
        ("E", Decimal(0)),
    ],
    "y-t": [("Y", Decimal(100)), ("T", Decimal(0))],
    "a-d": [("A", Decimal(100)), ("B", Decimal(75)), ("C", Decimal(50)), ("D", Decimal(0))],
}

#: predikat bands, highest first: (lower bound, predikat, interpretasi); the last band has no lower bound
PREDIKAT: list[tuple[Decimal, str, str]] = [
    (Decimal(90), "AA", "Sangat Memuaskan"),
    (Decimal(80), "A", "Memuaskan"),
    (Decimal(70), "BB", "Sangat Baik"),
    (Decimal(60), "B", "Baik"),
    (Decimal(50), "CC", "Cukup (Memadai)"),
    (Decimal(30), "C", "Kurang"),
]
TERENDAH = ("D", "Sangat Kurang")
SERATUS = Decimal(100)
SEN = Decimal("0.01")


def pita() -> list[tuple[Decimal | None, Decimal, str, str]]:
    """The predikat bands as (lower bound, upper bound, predikat, interpretasi), highest first; the lowest band's
    lower bound is None (it starts at 0, included)."""
    uppers = [SERATUS] + [b for b, _k, _a in PREDIKAT]
    rows: list[tuple[Decimal | None, Decimal, str, str]] = [
        (b, upper, k, a) for (b, k, a), upper in zip(PREDIKAT, uppers, strict=False)
    ]
    rows.append((None, PREDIKAT[-1][0], *TERENDAH))
    return rows


def nilai_grade(skala: str, grade: str | None) -> Decimal:
    """The value of ``grade`` on ``skala``; no grade (or an unknown one) is 0."""
    return dict(SKALA[skala]).get(grade or "", Decimal(0))


def grade_berikut(skala: str, grade: str | None) -> str | None:
    """The next higher grade on the scale (None at the top); from no grade, the lowest but one."""
    codes = [g for g, _v in SKALA[skala]]
    if grade not in codes:
        return codes[-2] if len(codes) > 1 else None
    i = codes.index(grade)
    return codes[i - 1] if i > 0 else None


def predikat(nilai: Decimal, *, inklusif: bool = False) -> tuple[str, str]:
    """(predikat, interpretasi) of a total: lower bound exclusive by default ("> 70 – 80" is BB), else inclusive."""
    for batas, kode, arti in PREDIKAT:
        if nilai >= batas if inklusif else nilai > batas:
            return kode, arti
    return TERENDAH


def bulat(nilai: Decimal) -> Decimal:
    return nilai.quantize(SEN, rounding=ROUND_HALF_UP)


@dataclass
class Sub:
    """A sub-komponen: its weight and its criteria (key, weight within the sub)."""

    kode: str
    bobot: Decimal
    kriteria: list[tuple[Any, Decimal]]


@dataclass
class Komponen:
    kode: str
    bobot: Decimal
    sub: list[Sub]


@dataclass
class Hasil:
    """Scores of one set of grades: per sub, per komponen, the total (0–100) and its predikat."""

    sub: dict[str, Decimal]
    komponen: dict[str, Decimal]
    total: Decimal
    predikat: str
    interpretasi: str
    bobot_efektif: dict[Any, Decimal] = field(default_factory=dict)  # a criterion's share of the total


def hitung(struktur: list[Komponen], nilai: Mapping[Any, Decimal], *, inklusif: bool = False) -> Hasil:
    """Score ``nilai`` (criterion key → value 0–100; a missing key is 0) on the template ``struktur``."""
    skor_sub: dict[str, Decimal] = {}
    skor_komponen: dict[str, Decimal] = {}
    efektif: dict[object, Decimal] = {}
    bobot_total = sum((s.bobot for k in struktur for s in k.sub), Decimal(0))
    skala_total = SERATUS / bobot_total if bobot_total else Decimal(0)
    for komponen in struktur:
        jumlah = Decimal(0)
        for sub in komponen.sub:
            bobot_kriteria = sum((b for _k, b in sub.kriteria), Decimal(0))
            if bobot_kriteria:
                rata = sum((b * nilai.get(k, Decimal(0)) for k, b in sub.kriteria), Decimal(0)) / bobot_kriteria
                for k, b in sub.kriteria:
                    efektif[k] = sub.bobot * b / bobot_kriteria * skala_total / SERATUS
            else:
                rata = Decimal(0)
            skor = sub.bobot * rata / SERATUS
            skor_sub[sub.kode] = skor
            jumlah += skor
        skor_komponen[komponen.kode] = jumlah
    total = sum(skor_komponen.values(), Decimal(0)) * skala_total
    kode, arti = predikat(bulat(total), inklusif=inklusif)
    return Hasil(skor_sub, skor_komponen, total, kode, arti, efektif)


@dataclass
class Usulan:
    """A criterion whose grade raised one step adds ``tambah`` to the total."""

    kunci: Any
    dari: str | None
    ke: str
    tambah: Decimal


def simulasi(
    struktur: list[Komponen], grades: Mapping[Any, str | None], skala: str, *, inklusif: bool = False
) -> tuple[list[Usulan], list[Usulan]]:
    """The criteria that raise the total most when raised one grade (best first), and the fewest of them, taken
    in that order, that would lift the predikat one band (empty at the top or when no raise reaches it)."""
    nilai = {k: nilai_grade(skala, g) for k, g in grades.items()}
    hasil = hitung(struktur, nilai, inklusif=inklusif)
    usulan = []
    for sub in (s for k in struktur for s in k.sub):
        for kunci, _b in sub.kriteria:
            ke = grade_berikut(skala, grades.get(kunci))
            if ke is None:
                continue
            tambah = hasil.bobot_efektif.get(kunci, Decimal(0)) * (nilai_grade(skala, ke) - nilai.get(kunci, 0))
            if tambah > 0:
                usulan.append(Usulan(kunci, grades.get(kunci), ke, tambah))
    usulan.sort(key=lambda u: -u.tambah)
    naik: list[Usulan] = []
    total = hasil.total
    for u in usulan:
        if predikat(bulat(total), inklusif=inklusif)[0] != hasil.predikat:
            break
        naik.append(u)
        total += u.tambah
    if predikat(bulat(total), inklusif=inklusif)[0] == hasil.predikat:
        naik = []
    return usulan, naik
