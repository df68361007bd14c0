"""The plan tree: rules of the schema, codes, computed totals."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from renstra import services
from renstra.models import Elemen, Level, Pagu, Periode, Target


def test_tree_levels_follow_the_rules(versi):
    sasaran = Elemen.objects.get(versi=versi, level=Level.SASARAN)
    program = Elemen.objects.filter(versi=versi, level=Level.PROGRAM).first()
    wrong = Elemen(versi=versi, level=Level.KEGIATAN, parent=sasaran, nama="Kegiatan di bawah sasaran")
    with pytest.raises(ValidationError, match="tidak dapat berada di bawah sasaran"):
        wrong.full_clean()
    orphan = Elemen(versi=versi, level=Level.SUB_KEGIATAN, nama="Tanpa induk")
    with pytest.raises(ValidationError):
        orphan.full_clean()
    # Program penunjang may sit directly under the plan.
    Elemen(versi=versi, level=Level.PROGRAM, nama="Program penunjang", kode="8.01.01").full_clean()
    Elemen(versi=versi, level=Level.KEGIATAN, parent=program, nama="Kegiatan", kode="8.01.01.2.09").full_clean()


def test_schema_refuses_a_tujuan_with_parent_and_negative_pagu(versi):
    sasaran = Elemen.objects.get(versi=versi, level=Level.SASARAN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Elemen.objects.create(versi=versi, level=Level.TUJUAN, parent=sasaran, nama="x")
    sub = Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Pagu.objects.filter(elemen=sub, tahun=2021).update(jumlah=Decimal("-1"))


def test_periode_years_rule(world):
    bad = Periode(pemda=world.pemda, nama="x", tahun_awal=2026, tahun_akhir=2021)
    with pytest.raises(ValidationError, match="Tahun akhir harus setelah tahun awal"):
        bad.full_clean()


def test_empty_target_is_refused_by_the_schema(versi):
    target = Target.objects.filter(indikator__elemen__versi=versi).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.filter(pk=target.pk).update(nilai=None, teks="")


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("1\t05\t01\t2.01\t06", "1.05.01.2.01.06"),
        ("8.01.02.2.01.0003", "8.01.02.2.01.0003"),
        (" 7.01.01.2 .01 ", "7.01.01.2.01"),
        ("", ""),
    ],
)
def test_normalize_kode(raw, expected):
    assert services.normalize_kode(raw) == expected


def test_code_prefix_rule():
    assert services.kode_extends("8.01.02.2.01", "8.01.02")
    assert not services.kode_extends("8.01.020.2.01", "8.01.02")
    assert not services.kode_extends("3.27.06.2.01.05", "8.01.05.2.01")


def test_totals_are_sums_of_sub_kegiatan(versi):
    plan = services.load_plan(versi)
    # 2 programs × 2 kegiatan × 2 subs at 1.000.000 a year
    program = plan.of_level(Level.PROGRAM)[0]
    kegiatan = plan.of_level(Level.KEGIATAN)[0]
    assert kegiatan.pagu[2021] == Decimal("2000000")
    assert program.pagu[2021] == Decimal("4000000")
    assert plan.total[2021] == Decimal("8000000")
    assert plan.total_periode == Decimal("48000000")
    assert program.pagu_total == Decimal("24000000")
    # Change one sub kegiatan: every total above follows, nothing else to update.
    sub = plan.of_level(Level.SUB_KEGIATAN)[0].elemen
    Pagu.objects.filter(elemen=sub, tahun=2021).update(jumlah=Decimal("1500000.50"))
    plan = services.load_plan(versi)
    assert plan.of_level(Level.PROGRAM)[0].pagu[2021] == Decimal("4500000.50")
    assert plan.total[2021] == Decimal("8500000.50")


def test_program_penunjang_counts_in_the_plan_total(versi):
    penunjang = Elemen.objects.create(versi=versi, level=Level.PROGRAM, kode="8.01.01", nama="Penunjang", urutan=9)
    kegiatan = Elemen.objects.create(versi=versi, level=Level.KEGIATAN, parent=penunjang, kode="8.01.01.2.01", nama="K")
    sub = Elemen.objects.create(
        versi=versi, level=Level.SUB_KEGIATAN, parent=kegiatan, kode="8.01.01.2.01.0001", nama="S"
    )
    Pagu.objects.create(elemen=sub, tahun=2022, jumlah=Decimal("250000"))
    plan = services.load_plan(versi)
    assert plan.total[2022] == Decimal("8250000")


def test_move_reorders_siblings(versi):
    programs = list(Elemen.objects.filter(versi=versi, level=Level.PROGRAM).order_by("urutan"))
    services.move(programs[1], -1, Elemen.objects.filter(versi=versi, parent=programs[0].parent))
    names = list(
        Elemen.objects.filter(versi=versi, level=Level.PROGRAM).order_by("urutan").values_list("nama", flat=True)
    )
    assert names == ["Program 2", "Program 1"]


def test_describe_deletion(versi):
    program = Elemen.objects.filter(versi=versi, level=Level.PROGRAM).first()
    counts = services.describe_deletion(program)
    assert counts["Kegiatan"] == 2 and counts["Sub kegiatan"] == 4
    assert counts["Indikator"] == 7 and counts["Target"] == 42 and counts["Pagu"] == 24
