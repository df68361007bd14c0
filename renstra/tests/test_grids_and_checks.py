"""The target and pagu grids (mixed valid and invalid cells) and the completeness checks."""

from decimal import Decimal

import pytest
from django.urls import reverse

from renstra import services
from renstra.models import Elemen, Indikator, Level, Nomenklatur, Pagu, Target
from sakip.models import AuditEntry


def _ind(versi, level=Level.SUB_KEGIATAN, index=0):
    return Indikator.objects.filter(elemen__versi=versi, elemen__level=level).order_by("pk")[index]


def test_target_grid_saves_valid_cells_and_reports_invalid_ones(versi):
    ind, other = _ind(versi), _ind(versi, index=1)
    result = services.save_target_cells(
        versi,
        [
            # A fraction of a count (the satuan is "Dokumen"), ten times the other years' targets: confirmed.
            {"indikator": ind.pk, "kolom": "2021", "value": "62,56", "konfirmasi": True},
            {"indikator": ind.pk, "kolom": "2022", "value": "1.234.567", "konfirmasi": True},
            {"indikator": ind.pk, "kolom": "2023", "value": "abc"},
            {"indikator": ind.pk, "kolom": "2024", "value": "-"},
            {"indikator": ind.pk, "kolom": "2025", "value": "3 orang"},
            {"indikator": ind.pk, "kolom": "awal", "value": "BB (75,3)"},
            {"indikator": other.pk, "kolom": "2030", "value": "5"},
            {"indikator": 999999, "kolom": "2021", "value": "5"},
        ],
    )
    assert result.saved == {
        f"{ind.pk}:2021": "62,56",
        f"{ind.pk}:2022": "1.234.567",
        f"{ind.pk}:2024": "",
        f"{ind.pk}:awal": "BB (75,3)",
    }
    assert "tidak dapat dibaca" in result.errors[f"{ind.pk}:2023"]
    assert "berbeda dengan satuan" in result.errors[f"{ind.pk}:2025"]
    assert f"{other.pk}:2030" in result.errors and "999999:2021" in result.errors
    targets = {t.tahun: t for t in Target.objects.filter(indikator=ind)}
    assert targets[2021].nilai == Decimal("62.56")
    assert targets[2022].nilai == Decimal("1234567")
    assert targets[2023].nilai == Decimal("23")  # the invalid cell kept its old value
    assert 2024 not in targets  # "-" removes the target
    assert targets[2025].nilai == Decimal("25")
    ind.refresh_from_db()
    assert ind.kondisi_awal_teks == "BB (75,3)" and ind.kondisi_awal_nilai == Decimal("75.3")


def test_grid_change_is_in_the_audit_log(versi):
    ind = _ind(versi)
    services.save_target_cells(versi, [{"indikator": ind.pk, "kolom": "2021", "value": "40"}])
    target = Target.objects.get(indikator=ind, tahun=2021)
    entry = AuditEntry.objects.filter(content_type__model="target", object_pk=str(target.pk)).latest("timestamp")
    assert entry.changes["nilai"] == ["21.0000", "40"]
    assert entry.opd_ref == versi.renstra.opd_id


def test_pagu_grid(versi):
    sub = Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN).first()
    result = services.save_pagu_cells(
        versi,
        [
            {"elemen": sub.pk, "kolom": "2021", "value": "2,897,729, 010"},
            {"elemen": sub.pk, "kolom": "2022", "value": "Rp 1.234.000,00"},
            {"elemen": sub.pk, "kolom": "2023", "value": "3 dok"},
            {"elemen": sub.pk, "kolom": "2024", "value": "-5"},
            {"elemen": sub.pk, "kolom": "2025", "value": ""},
            {"elemen": sub.parent_id, "kolom": "2021", "value": "5"},  # kegiatan totals are computed
        ],
    )
    assert result.saved == {f"{sub.pk}:2021": "2.897.729.010", f"{sub.pk}:2022": "1.234.000", f"{sub.pk}:2025": ""}
    assert set(result.errors) == {f"{sub.pk}:2023", f"{sub.pk}:2024", f"{sub.parent_id}:2021"}
    pagu = {p.tahun: p.jumlah for p in Pagu.objects.filter(elemen=sub)}
    assert pagu[2021] == Decimal("2897729010") and pagu[2022] == Decimal("1234000")
    assert pagu[2023] == Decimal("1000000") and pagu[2024] == Decimal("1000000") and 2025 not in pagu


def _messages(versi):
    return [i.message for i in services.check(versi)]


def test_completeness_of_a_clean_plan(versi):
    Nomenklatur.objects.bulk_create(
        Nomenklatur(versi=Nomenklatur.Versi.V2023, tingkat=e.level, kode=e.kode, nama=e.nama)
        for e in Elemen.objects.filter(versi=versi).exclude(kode="")
    )
    assert _messages(versi) == []


def test_completeness_flags(versi):
    sasaran = Elemen.objects.get(versi=versi, level=Level.SASARAN)
    Indikator.objects.filter(elemen=sasaran).delete()
    subs = list(Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN).order_by("kode"))
    Pagu.objects.filter(elemen=subs[0]).delete()
    subs[1].kode = "9.99.99.2.01.0001"
    subs[1].save()
    subs[2].kode = subs[3].kode
    subs[2].save()
    ind = _ind(versi, Level.PROGRAM)
    Target.objects.filter(indikator=ind, tahun=2024).delete()
    ind.agregasi, ind.kondisi_akhir_nilai = Indikator.Agregasi.KUMULATIF, Decimal("10")
    ind.save()
    last = _ind(versi, Level.KEGIATAN)
    last.kondisi_akhir_nilai = Decimal("99")
    last.save()

    messages = _messages(versi)
    assert "Sasaran tanpa indikator." in messages
    assert "Sub kegiatan tanpa pagu." in messages
    assert any("tidak diawali kode induknya" in m and "9.99.99.2.01.0001" in m for m in messages)
    assert any(f"Kode {subs[3].kode} dipakai lebih dari sekali." == m for m in messages)
    assert "Indikator tanpa target tahun 2024." in messages
    assert any("tidak sama dengan jumlah target tahunan" in m for m in messages)
    assert any("berbeda dengan target tahun terakhir" in m for m in messages)
    assert any("tidak ada dalam nomenklatur" in m for m in messages)


BROKEN_BODIES = [
    b"{not json",
    b'[{"kolom": "2021"}]',
    b'{"cells": {"kolom": "2021"}}',
    b'{"cells": ["2021"]}',
]


@pytest.mark.parametrize("body", BROKEN_BODIES)
@pytest.mark.parametrize(("name", "id_field"), [("renstra:target_grid", "indikator"), ("renstra:pagu_grid", "elemen")])
def test_a_broken_grid_body_is_a_400_and_saves_nothing(client, world, versi, name, id_field, body):
    client.force_login(world.alice)
    before = (Target.objects.count(), Pagu.objects.count())
    body = body.replace(b'"ID"', f'"{id_field}"'.encode())
    response = client.post(reverse(name, args=[versi.pk]), body, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]
    assert (Target.objects.count(), Pagu.objects.count()) == before


@pytest.mark.parametrize("long", ["12345678901234567", 12345678901234567, 1e17, "Rp 12.345.678.901.234.567"])
@pytest.mark.parametrize(("name", "id_field"), [("renstra:target_grid", "indikator"), ("renstra:pagu_grid", "elemen")])
def test_a_number_too_long_is_reported_at_its_cell_and_the_others_are_saved(client, world, versi, name, id_field, long):
    client.force_login(world.alice)
    obj = _ind(versi) if id_field == "indikator" else Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN)[0]
    cells = [{id_field: obj.pk, "kolom": "2021", "value": long}, {id_field: obj.pk, "kolom": "2022", "value": "7"}]
    response = client.post(reverse(name, args=[versi.pk]), {"cells": cells}, content_type="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["errors"] == {f"{obj.pk}:2021": "Angka terlalu besar: paling banyak 16 digit sebelum koma."}
    assert data["saved"] == {f"{obj.pk}:2022": "7"}
    model, column = (Target, "nilai") if id_field == "indikator" else (Pagu, "jumlah")
    assert getattr(model.objects.get(**{id_field: obj, "tahun": 2022}), column) == Decimal(7)
