"""The achievement engine, with the published figures of seed 001 (LKjIP 2024 Bakesbangpol Blitar)."""

from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja import capaian as c
from kinerja.capaian import Hasil, Kebijakan
from sakip.lib.numbers import POTONG, Pembulatan, pembulatan

D = Decimal


def two(h: Hasil) -> Decimal:
    return h.nilai.quantize(D("0.01"))


# --- Seed 001 Tabel 3.1 / 3.4: capaian 2024 -------------------------------------------------------------


def test_indeks_kesalehan_sosial():
    hasil = c.capaian("86", "84,61")
    assert two(hasil) == D("98.38") and hasil.shown() == "98,38 %"
    # The seed prints 98,3 %: truncated to one decimal, not rounded.
    assert hasil.nilai.quantize(D("0.1"), rounding=ROUND_DOWN) == D("98.3")


def test_percentages_and_predikat():
    assert two(c.capaian("90%", "90%")) == D("100.00")
    assert two(c.capaian("80%", "80%")) == D("100.00")
    sakip = c.capaian("BB (75,3)", "B (66,55)")
    assert two(sakip) == D("88.38")
    assert sakip.nilai.quantize(D("0.1"), rounding=ROUND_DOWN) == D("88.3")  # the seed's 88,3 %


def test_predikat_by_rank_when_no_score():
    assert two(c.capaian("BB", "B")) == D("80.00")  # ranks 5 and 4
    assert two(c.capaian("BB", "A")) == D("120.00")
    assert c.capaian("BB", "tinggi").nilai is None


# --- Seed 001 Tabel 3.4 / 3.5: penyerapan and efisiensi --------------------------------------------------

SASARAN = {  # target, realisasi, anggaran, realisasi anggaran, printed efisiensi
    1: ("86", "84,61", "1108265687", "1107498428", D("-1.66")),
    2: ("90%", "90%", "1126598500", "1061220500", D("5.80")),
    3: ("80%", "80%", "60732986064", "60663205050", D("0.11")),
    4: ("BB (75,3)", "B (66,55)", "3380503014", "3222977392", D("-7.97")),
}


@pytest.mark.parametrize("n", [2, 3])
def test_efisiensi_where_the_seed_used_exact_capaian(n):
    target, real, pagu, spent, printed = SASARAN[n]
    hasil = c.efisiensi([(D(pagu), c.capaian(target, real).nilai, D(spent))])
    assert two(hasil) == printed


def test_efisiensi_from_the_capaian_as_printed():
    """Sasaran 1 and 4: computed from the capaian as the policy prints it, so a reader can recompute it; with
    seed 001's way of printing (one decimal, cut: 98,3 and 88,3) it is the seed's figure."""

    def efisiensi(n):
        t, r, p, s, _e = SASARAN[n]
        return two(c.efisiensi([(D(p), c.capaian(t, r).nilai, D(s))]))

    assert {n: efisiensi(n) for n in (1, 4)} == {1: D("-1.58"), 4: D("-7.88")}  # from 98,38 and 88,38
    with pembulatan(Pembulatan(desimal=1, cara=POTONG)):
        assert {n: efisiensi(n) for n in (1, 4)} == {1: SASARAN[1][4], 4: SASARAN[4][4]}
        assert c.capaian("86", "84,61").shown() == "98,3 %"


def test_penyerapan():
    assert two(c.penyerapan(D("1107498428"), D("1108265687"))) == D("99.93")
    assert two(c.penyerapan(D("66054901370"), D("66347193865"))) == D("99.56")  # Tabel 3.6, 2024
    assert c.penyerapan(0, 0).nilai == 0


# --- Lower-is-better, zero targets, caps -----------------------------------------------------------------


def test_lower_is_better_conventions():
    assert two(c.capaian("10", "4", c.Polaritas.NEGATIF)) == D("160.00")  # (2T − R) / T
    assert c.capaian("10", "25", c.Polaritas.NEGATIF).nilai == 0  # floored
    assert two(c.capaian("10", "4", c.Polaritas.NEGATIF, Kebijakan(rumus_negatif=c.RumusNegatif.T_PER_R))) == D(
        "250.00"
    )
    # Seed 000 T-C.23 (2018): target 10 incidents, 4 happened → 60 %.
    assert two(c.capaian("10", "4", c.Polaritas.NEGATIF, Kebijakan(rumus_negatif=c.RumusNegatif.T_MINUS_R))) == D(
        "60.00"
    )


def test_zero_target():
    assert c.capaian("0", "0", c.Polaritas.NEGATIF).nilai == 100
    assert c.capaian("0", "2", c.Polaritas.NEGATIF).nilai == 0
    hasil = c.capaian("0", "5", c.Polaritas.POSITIF)
    assert hasil.nilai is None and "Target 0" in hasil.alasan and hasil.shown() == "–"


def test_cap_is_a_setting():
    assert two(c.capaian("80", "100")) == D("125.00")
    assert c.capaian("80", "100", kebijakan=Kebijakan(batas_atas=D(120))).nilai == 120


def test_missing_values_say_why():
    assert c.capaian("", "5").alasan == "Target belum ada."
    assert c.capaian("5", "-").alasan == "Realisasi belum ada."


# --- Quarters, progress, categories ----------------------------------------------------------------------


def test_quarters_into_a_year():
    assert c.gabung_triwulan(["10", "20", None, None], c.Agregasi.KUMULATIF) == 30
    assert c.gabung_triwulan(["40", "60", None, None], c.Agregasi.NILAI_AKHIR) == 60  # the last quarter entered
    assert c.gabung_triwulan(["80", "90", "100", "70"], c.Agregasi.RATA_RATA) == D("85")
    assert c.gabung_triwulan([None] * 4, c.Agregasi.KUMULATIF) is None


def test_tingkat_kemajuan_seed_tabel_3_2():
    assert two(c.tingkat_kemajuan("90%", "95%")) == D("94.74")  # the seed truncates: 94,73 %
    assert two(c.tingkat_kemajuan("84,61", "90")) == D("94.01")


@pytest.mark.parametrize(
    "value,label",
    [
        (95, "Sangat Tinggi"),
        (91, "Sangat Tinggi"),
        (80, "Tinggi"),
        (70, "Sedang"),
        (55, "Rendah"),
        (10, "Sangat Rendah"),
    ],
)
def test_kategori(value, label):
    assert c.kategori(D(value)) == label


def test_kategori_is_read_from_the_figure_as_shown():
    # 909,96 of 1.000 is 90,996 %: printed "91,00" and so Sangat Tinggi (≥ 91), never Tinggi beside "91,00".
    hasil = c.capaian(D(1000), D("909.96"))
    assert hasil.shown() == "91,00 %"
    assert c.kategori(hasil) == "Sangat Tinggi"
    assert c.kategori(D("90.994")) == "Tinggi"


def test_capaian_sasaran_is_the_mean():
    assert c.capaian_sasaran([Hasil(D(100)), Hasil(D(80)), Hasil(None, "x")]).nilai == 90


def test_policy_is_described():
    lines = Kebijakan(batas_atas=D(120)).uraian()
    assert "(2T − R) / T × 100" in lines[0] and "120" in lines[1]


# --- Properties ------------------------------------------------------------------------------------------

amounts = st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2, allow_nan=False, allow_infinity=False)
realisasi = st.decimals(min_value=D("0"), max_value=D("1000000"), places=2, allow_nan=False, allow_infinity=False)


@given(target=amounts, r1=realisasi, r2=realisasi)
def test_more_realisasi_never_lowers_a_higher_is_better_capaian(target, r1, r2):
    low, high = sorted((r1, r2))
    assert c.capaian(target, low).nilai <= c.capaian(target, high).nilai


@given(target=amounts, r1=realisasi, r2=realisasi)
def test_more_realisasi_never_raises_a_lower_is_better_capaian(target, r1, r2):
    low, high = sorted((r1, r2))
    for rumus in (c.RumusNegatif.DUA_T_MINUS_R, c.RumusNegatif.T_MINUS_R):
        kebijakan = Kebijakan(rumus_negatif=rumus)
        assert (
            c.capaian(target, low, c.Polaritas.NEGATIF, kebijakan).nilai
            >= c.capaian(target, high, c.Polaritas.NEGATIF, kebijakan).nilai
        )


@given(target=amounts, r=realisasi)
def test_capaian_is_never_negative_and_respects_the_cap(target, r):
    kebijakan = Kebijakan(batas_atas=D(120))
    for polaritas in (c.Polaritas.POSITIF, c.Polaritas.NEGATIF):
        value = c.capaian(target, r, polaritas, kebijakan).nilai
        assert D(0) <= value <= D(120)


def test_sasaran_method_is_a_policy():
    hasil = [c.Hasil(D("98.38")), c.Hasil(D("100")), c.Hasil(None, "Target belum ada.")]
    assert c.capaian_sasaran(hasil).nilai == D("99.19")  # the mean of those with a value
    assert c.capaian_sasaran(hasil, c.Kebijakan(metode_sasaran=c.MetodeSasaran.TERENDAH)).nilai == D("98.38")
    assert "terendah" in c.Kebijakan(metode_sasaran=c.MetodeSasaran.TERENDAH).uraian()[-1]
