"""The achievement engine: plain functions on ``Decimal``, no database.

Every policy choice a pemda can make (the formula for lower-is-better indicators, a cap, the category
scale, how a sasaran combines its indicators) lives in :class:`Kebijakan`, whose defaults follow
PermenPAN-RB 53/2014 practice. Results carry full precision; rounding is for display only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from renstra.models import Indikator
from sakip.lib.numbers import as_printed, format_number, pembulatan_aktif
from sakip.lib.values import PREDIKAT, UnreadableValue, parse_value

#: what the engine reads as a value: a Nilai, a number, or a cell's text ("75,5", "BB (75,3)")
Masukan = object
#: an amount of money or a percentage as stored or typed
Angka = Decimal | int | float | str

HUNDRED = Decimal(100)
PLACES_SHOWN = 2  # decimal places a capaian is shown with; its category is read from the figure as shown
ZERO = Decimal(0)

# An indicator's polarity and how its quarters add up are the plan's choices (one definition, in renstra).
Polaritas = Indikator.Polaritas
Agregasi = Indikator.Agregasi


class RumusNegatif(models.TextChoices):
    """The formula for lower-is-better indicators, a pemda setting (``PengaturanCapaian``)."""

    DUA_T_MINUS_R = "2t_minus_r", "(2T − R) / T × 100"  # floored at 0 (default)
    T_PER_R = "t_per_r", "T / R × 100"
    T_MINUS_R = "t_minus_r", "(T − R) / T × 100"  # floored at 0 (seed 000, T-C.23)


class MetodeSasaran(models.TextChoices):
    """How a sasaran combines its indicators' capaian, a pemda setting."""

    RATA_RATA = "rata_rata", _("Rata-rata capaian indikatornya")
    TERENDAH = "terendah", _("Capaian terendah indikatornya")  # as achieved as its weakest indicator


class Kategori(models.TextChoices):
    """The category a capaian falls in (PermenPAN-RB 53/2014 scale); the value is what pages print."""

    SANGAT_TINGGI = "Sangat Tinggi"
    TINGGI = "Tinggi"
    SEDANG = "Sedang"
    RENDAH = "Rendah"
    SANGAT_RENDAH = "Sangat Rendah"


SKALA_BAWAAN = (
    (Decimal(91), Kategori.SANGAT_TINGGI.value),
    (Decimal(76), Kategori.TINGGI.value),
    (Decimal(66), Kategori.SEDANG.value),
    (Decimal(51), Kategori.RENDAH.value),
    (ZERO, Kategori.SANGAT_RENDAH.value),
)
PREDIKAT_RANK = {grade: len(PREDIKAT) - i for i, grade in enumerate(PREDIKAT)}  # AA 7 … D 1


@dataclass(frozen=True)
class Kebijakan:
    rumus_negatif: str = RumusNegatif.DUA_T_MINUS_R
    batas_atas: Decimal | None = None  # e.g. 100 or 120; None: no cap
    skala: tuple[tuple[Decimal, str], ...] = SKALA_BAWAAN
    metode_sasaran: str = MetodeSasaran.RATA_RATA

    def uraian(self) -> list[str]:
        """The choices as sentences, shown next to the numbers they produced."""
        lines = [f"Indikator makin rendah makin baik: {RumusNegatif(self.rumus_negatif).label}."]
        lines.append(
            f"Batas atas capaian: {format_number(self.batas_atas, 0)} %."
            if self.batas_atas
            else "Capaian tidak dibatasi."
        )
        lines.append(
            "Kategori: "
            + ", ".join(f"{label} ≥ {format_number(bound, 0)}" for bound, label in self.skala if bound)
            + ", selebihnya "
            + self.skala[-1][1]
            + "."
        )
        lines.append(
            "Capaian sasaran: capaian terendah indikatornya."
            if self.metode_sasaran == MetodeSasaran.TERENDAH
            else "Capaian sasaran: rata-rata capaian indikatornya."
        )
        return lines


@dataclass(frozen=True)
class Nilai:
    """A target or realisasi: a number, or a qualitative value ("BB (75,3)") with or without a score."""

    nilai: Decimal | None = None
    teks: str = ""

    @classmethod
    def of(cls, value: Masukan) -> Nilai:
        if isinstance(value, Nilai):
            return value
        if isinstance(value, Decimal | int):
            return cls(Decimal(value))
        try:
            parsed = parse_value(value)
        except UnreadableValue:
            return cls()
        return cls(parsed.nilai, parsed.teks)

    @property
    def kosong(self) -> bool:
        return self.nilai is None and not self.teks

    @property
    def predikat(self) -> str:
        if not self.teks:
            return ""
        grade = self.teks.split("(")[0].strip().upper()
        return grade if grade in PREDIKAT_RANK else ""


@dataclass(frozen=True)
class Hasil:
    """A computed percentage, or None with the reason it cannot be computed."""

    nilai: Decimal | None
    alasan: str = ""
    catatan: list[str] = field(default_factory=list, compare=False)

    def shown(self, places: int | None = None) -> str:
        """As printed: with the pemda's rounding policy's decimals (:mod:`sakip.lib.numbers`) unless told."""
        places = pembulatan_aktif().desimal if places is None else places
        return "–" if self.nilai is None else f"{format_number(self.nilai, places)} %"

    def __str__(self) -> str:
        return self.shown()


def _cap(value: Decimal, kebijakan: Kebijakan) -> Decimal:
    return min(value, kebijakan.batas_atas) if kebijakan.batas_atas is not None else value


def capaian(
    target: Masukan, realisasi: Masukan, polaritas: str = Polaritas.POSITIF, kebijakan: Kebijakan = Kebijakan()
) -> Hasil:
    """Capaian of one indicator: realisasi against target, by polarity and the pemda's policy."""
    t, r = Nilai.of(target), Nilai.of(realisasi)
    if t.kosong:
        return Hasil(None, "Target belum ada.")
    if r.kosong:
        return Hasil(None, "Realisasi belum ada.")
    if t.predikat or r.predikat:
        return _capaian_predikat(t, r, kebijakan)
    tv, rv = t.nilai, r.nilai
    if tv is None or rv is None:
        return Hasil(None, "Target atau realisasi bukan angka.")
    if tv == 0:
        if polaritas == Polaritas.NEGATIF:
            return Hasil(
                _cap(HUNDRED if rv == 0 else ZERO, kebijakan),
                catatan=["Target 0: realisasi 0 berarti 100 %, selebihnya 0 %."],
            )
        return Hasil(None, "Target 0: capaian tidak dapat dihitung.")
    if polaritas == Polaritas.NEGATIF:
        if kebijakan.rumus_negatif == RumusNegatif.T_PER_R:
            if rv == 0:
                return Hasil(None, "Realisasi 0: rumus T / R tidak terdefinisi.")
            value = tv / rv * HUNDRED
        elif kebijakan.rumus_negatif == RumusNegatif.T_MINUS_R:
            value = max(ZERO, (tv - rv) / tv * HUNDRED)
        else:
            value = max(ZERO, (2 * tv - rv) / tv * HUNDRED)
    else:
        value = rv / tv * HUNDRED
    return Hasil(_cap(value, kebijakan))


def _capaian_predikat(t: Nilai, r: Nilai, kebijakan: Kebijakan) -> Hasil:
    """SAKIP predikat: the scores when both carry one (BB (75,3) vs B (66,55) → 88,38 %), else the ranks."""
    if t.nilai is not None and r.nilai is not None and t.nilai != 0:
        return Hasil(_cap(r.nilai / t.nilai * HUNDRED, kebijakan), catatan=["Predikat: dibandingkan nilainya."])
    if t.predikat and r.predikat:
        value = Decimal(PREDIKAT_RANK[r.predikat]) / Decimal(PREDIKAT_RANK[t.predikat]) * HUNDRED
        return Hasil(_cap(value, kebijakan), catatan=["Predikat tanpa nilai: dibandingkan peringkatnya."])
    return Hasil(None, "Target dan realisasi tidak dapat dibandingkan.")


def gabung_triwulan(values: Iterable[Masukan], agregasi: str) -> Decimal | None:
    """The year's realisasi from the quarters entered so far, by the indicator's rule."""
    numbers = [Nilai.of(v).nilai for v in values]
    entered = [n for n in numbers if n is not None]
    if not entered:
        return None
    if agregasi == Agregasi.KUMULATIF:
        return sum(entered, ZERO)
    if agregasi == Agregasi.RATA_RATA:
        return sum(entered, ZERO) / len(entered)
    return next(n for n in reversed(numbers) if n is not None)  # the last quarter entered


def tingkat_kemajuan(
    realisasi: Masukan, target_akhir: Masukan, polaritas: str = Polaritas.POSITIF, kebijakan: Kebijakan = Kebijakan()
) -> Hasil:
    """Progress against the Renstra's end-of-period target (lower-is-better mirrored)."""
    return capaian(target_akhir, realisasi, polaritas, Kebijakan(rumus_negatif=kebijakan.rumus_negatif))


def penyerapan(realisasi: Angka | None, anggaran: Angka | None) -> Hasil:
    """Realisasi anggaran: realisasi / anggaran × 100; no budget reads 0 % as the LKjIP prints it."""
    anggaran, realisasi = Decimal(anggaran or 0), Decimal(realisasi or 0)
    if anggaran == 0:
        return Hasil(ZERO, catatan=["Tanpa anggaran."])
    return Hasil(realisasi / anggaran * HUNDRED)


def efisiensi(keluaran: Iterable[tuple[Angka, Angka | None, Angka]]) -> Hasil:
    """E = Σ(PAK × CK − RAK) / Σ(PAK × CK) × 100, with CK the capaian as a ratio (seed 001 Tabel 3.5).

    ``keluaran``: (pagu, capaian in %, realisasi) per output; outputs without capaian are left out.
    """
    # each capaian as printed, so that the efisiensi can be recomputed from the table
    rows = [(Decimal(p), as_printed(Decimal(c)) / HUNDRED, Decimal(r)) for p, c, r in keluaran if c is not None]
    planned = sum((p * c for p, c, _r in rows), ZERO)
    if planned == 0:
        return Hasil(None, "Tidak ada pagu dengan capaian.")
    return Hasil(sum((p * c - r for p, c, r in rows), ZERO) / planned * HUNDRED)


def kategori(hasil: Hasil | Decimal | None, kebijakan: Kebijakan = Kebijakan()) -> str:
    value = hasil.nilai if isinstance(hasil, Hasil) else hasil
    if value is None:
        return ""
    value = as_printed(value)  # 90,996 shows as "91,00" and is Sangat Tinggi, as the legend says
    for bound, label in kebijakan.skala:
        if value >= bound:
            return label
    return kebijakan.skala[-1][1]


def capaian_sasaran(hasil: list[Hasil], kebijakan: Kebijakan = Kebijakan()) -> Hasil:
    """From the indicators' capaian as printed, so the sasaran's figure can be recomputed from the table."""
    values = [as_printed(h.nilai) for h in hasil if h.nilai is not None]
    if not values:
        return Hasil(None, "Belum ada capaian indikator.")
    if kebijakan.metode_sasaran == MetodeSasaran.TERENDAH:
        return Hasil(min(values))
    return Hasil(sum(values, ZERO) / len(values))


def kelas_kategori(label: str) -> str:
    """The CSS class a category is coloured with on pages ("kat-sangat-tinggi"), "kat-kosong" for none."""
    return f"kat-{slugify(label)}" if label in Kategori.values else "kat-kosong"
