"""The LKE scoring engine: the total is the weighted mean of the criteria's values, bounded 0–100; a higher grade
never lowers a score; boundary values land in the right predikat under both boundary rules; the simulator names
the criteria that lift the predikat; the demo's grades give the seed's published totals."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from evaluasi import demo, lke88, skor

CODES = [g for g, _v in skor.SKALA["aa-e"]]


def _struktur() -> tuple[list[skor.Komponen], list[str]]:
    """The 88/2021 template from its data, criteria keyed by their code."""
    komponen, keys = [], []
    for kode, _nama, bobot, subs in lke88.KOMPONEN:
        sub_list = []
        for kode_s, _n, bobot_s, kriteria in subs:
            crit = [(f"{kode_s}.{n}", Decimal(1)) for n in range(1, len(kriteria) + 1)]
            keys += [k for k, _b in crit]
            sub_list.append(skor.Sub(kode_s, Decimal(bobot_s), crit))
        komponen.append(skor.Komponen(kode, Decimal(bobot), sub_list))
    return komponen, keys


STRUKTUR, KEYS = _struktur()
grades = st.lists(st.sampled_from(CODES), min_size=len(KEYS), max_size=len(KEYS)).map(lambda g: dict(zip(KEYS, g)))


def _total(g: dict[str, str]) -> Decimal:
    return skor.hitung(STRUKTUR, {k: skor.nilai_grade("aa-e", v) for k, v in g.items()}).total


def test_template_has_80_criteria_weighing_100():
    assert len(KEYS) == 80
    assert sum(k.bobot for k in STRUKTUR) == 100
    assert sum(s.bobot for k in STRUKTUR for s in k.sub) == 100
    assert [len(s.kriteria) for k in STRUKTUR for s in k.sub] == [7, 10, 8, 3, 7, 10, 6, 9, 7, 3, 5, 5]


@settings(max_examples=60, deadline=None)
@given(grades)
def test_total_is_the_weighted_mean_and_bounded(g):
    hasil = skor.hitung(STRUKTUR, {k: skor.nilai_grade("aa-e", v) for k, v in g.items()})
    # each criterion weighs its sub-komponen's weight shared equally among the sub's criteria
    expected = Decimal(0)
    for k in STRUKTUR:
        for s in k.sub:
            for key, _b in s.kriteria:
                expected += s.bobot / len(s.kriteria) * skor.nilai_grade("aa-e", g[key]) / 100
    assert abs(hasil.total - expected) < Decimal("1e-20")
    assert Decimal(0) <= hasil.total <= Decimal(100)
    assert abs(sum(hasil.komponen.values()) - hasil.total) < Decimal("1e-20")
    for k in STRUKTUR:
        assert Decimal(0) <= hasil.komponen[k.kode] <= k.bobot


@settings(max_examples=60, deadline=None)
@given(grades, st.sampled_from(KEYS), st.integers(min_value=1, max_value=7))
def test_a_higher_grade_never_lowers_a_score(g, key, steps):
    before = skor.hitung(STRUKTUR, {k: skor.nilai_grade("aa-e", v) for k, v in g.items()})
    higher = dict(g)
    higher[key] = CODES[max(0, CODES.index(g[key]) - steps)]
    after = skor.hitung(STRUKTUR, {k: skor.nilai_grade("aa-e", v) for k, v in higher.items()})
    assert after.total >= before.total
    assert all(after.sub[s] >= before.sub[s] for s in before.sub)
    assert all(after.komponen[k] >= before.komponen[k] for k in before.komponen)
    rank = [p for _b, p, _a in skor.PREDIKAT] + ["D"]
    assert rank.index(after.predikat) <= rank.index(before.predikat)


def test_all_aa_is_100_and_nothing_is_0():
    assert _total(dict.fromkeys(KEYS, "AA")) == 100
    assert _total({}) == 0
    assert skor.hitung(STRUKTUR, {}).predikat == "D"


@given(st.sampled_from([90, 80, 70, 60, 50, 30]))
def test_boundary_values_under_both_rules(batas):
    nilai = Decimal(batas)
    exclusive = {90: "A", 80: "BB", 70: "B", 60: "CC", 50: "C", 30: "D"}
    inclusive = {90: "AA", 80: "A", 70: "BB", 60: "B", 50: "CC", 30: "C"}
    assert skor.predikat(nilai)[0] == exclusive[batas]  # "> 70 – 80": 70 is not yet BB
    assert skor.predikat(nilai, inklusif=True)[0] == inclusive[batas]
    just_above = nilai + Decimal("0.01")
    assert skor.predikat(just_above)[0] == skor.predikat(just_above, inklusif=True)[0] == inclusive[batas]


def test_predikat_interpretation():
    assert skor.predikat(Decimal("75.16")) == ("BB", "Sangat Baik")
    assert skor.predikat(Decimal("66.55")) == ("B", "Baik")
    assert skor.predikat(Decimal(100)) == ("AA", "Sangat Memuaskan")
    assert skor.predikat(Decimal(0)) == ("D", "Sangat Kurang")


def test_other_scales():
    assert skor.nilai_grade("y-t", "Y") == 100 and skor.nilai_grade("y-t", "T") == 0
    assert [g for g, _v in skor.SKALA["a-d"]] == ["A", "B", "C", "D"]


def test_simulator_names_the_criteria_that_lift_the_predikat():
    text = demo.GRADES[2024]
    g = {k: text[2 * i : 2 * i + 2].strip() for i, k in enumerate(KEYS)}
    usulan, naik = skor.simulasi(STRUKTUR, g, "aa-e")
    assert usulan == sorted(usulan, key=lambda u: -u.tambah)
    assert usulan[0].kunci.split(".")[1] == "c"  # a pemanfaatan criterion weighs most
    total = _total(g) + sum(u.tambah for u in naik)
    assert skor.predikat(skor.bulat(total))[0] == "BB"
    assert skor.predikat(skor.bulat(total - naik[-1].tambah))[0] == "B"  # one fewer would not do


def test_demo_grades_give_the_published_totals():
    for tahun, expected, predikat in ((2023, "75.16", "BB"), (2024, "66.55", "B")):
        text = demo.GRADES[tahun]
        g = {k: text[2 * i : 2 * i + 2].strip() for i, k in enumerate(KEYS)}
        assert skor.bulat(_total(g)) == Decimal(expected)
        assert skor.predikat(skor.bulat(_total(g)))[0] == predikat


def test_bands_as_printed_on_the_lhe():
    assert [(b, a, k) for b, a, k, _i in skor.pita()] == [
        (Decimal(90), Decimal(100), "AA"),
        (Decimal(80), Decimal(90), "A"),
        (Decimal(70), Decimal(80), "BB"),
        (Decimal(60), Decimal(70), "B"),
        (Decimal(50), Decimal(60), "CC"),
        (Decimal(30), Decimal(50), "C"),
        (None, Decimal(30), "D"),
    ]
