"""Issue 16, journeys 8 and 9 on the server: the realisasi grid answers each row's year value and capaian as
saved; one reader for forms and grids (the indicator's satuan, Rupiah rounded with a message, plausibility
warnings confirmed before saving)."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kinerja.models import BelanjaOPD, JendelaRealisasi, PengaturanCapaian, Realisasi, RealisasiAnggaran
from renstra import services
from renstra.importers import tc27
from renstra.models import Elemen, Indikator, Level, Pagu, Target
from renstra.testing import generate_plan, make_periode, make_versi

HX = {"HTTP_HX_REQUEST": "true"}
HEADER = [
    "Kode",
    "Program/Kegiatan/Sub",
    "Indikator",
    "Kondisi Awal",
    "2021",
    None,
    "2022",
    None,
    "Kondisi akhir",
    None,
]
SUBHEADER = [None, None, None, None, "Target", "Rp", "Target", "Pagu", "Target", "Rp"]


def _xlsx(rows: list[list]) -> io.BytesIO:
    wb = Workbook()
    ws = wb.create_sheet("T-C.27", 0)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


def filled_template(client, world, fill) -> SimpleUploadedFile:
    """The realisasi template of OPD A's 2024 as downloaded, changed by ``fill(workbook)``."""
    response = client.get(reverse("realisasi:workbook_template", args=[world.opd_a.pk, 2024]))
    wb = load_workbook(io.BytesIO(response.content))
    fill(wb)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile("realisasi.xlsx", out.getvalue())


@pytest.fixture
def draft(world):
    return generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))


@pytest.fixture
def in_force(world, draft):
    ind = Indikator.objects.get(elemen__versi=draft, elemen__level=Level.SASARAN)
    ind.satuan, ind.tipe, ind.agregasi = "%", Indikator.Tipe.PERSEN, Indikator.Agregasi.NILAI_AKHIR
    ind.save()
    Target.objects.filter(indikator=ind, tahun=2024).update(nilai=Decimal(80), teks="")
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=1, terbuka=True)
    return services.tetapkan(draft, berlaku_mulai=2021, actor=None)


def _post(client, url, cells):
    return client.post(url, json.dumps({"cells": cells}), content_type="application/json").json()


def test_realisasi_save_answers_the_rows_year_value_and_capaian(client, world, in_force):
    ind = Indikator.objects.get(elemen__versi=in_force, elemen__level=Level.SASARAN)
    client.force_login(world.alice)
    url = reverse("realisasi:indikator_grid", args=[world.opd_a.pk, 2024])
    data = _post(client, url, [{"indikator": ind.pk, "kolom": "tw1", "value": "60", "token": ""}])
    assert data["saved"] == {f"{ind.pk}:tw1": "60"}
    assert data["rows"][str(ind.pk)]["realisasi"] == "60" and data["rows"][str(ind.pk)]["capaian"] == "75,00 %"
    page = client.get(url).content.decode()
    assert 'data-derived="capaian"' in page and "75,00 %" in page


def test_a_percentage_over_100_is_saved_only_once_confirmed(client, world, in_force):
    ind = Indikator.objects.get(elemen__versi=in_force, elemen__level=Level.SASARAN)
    client.force_login(world.alice)
    url = reverse("realisasi:indikator_grid", args=[world.opd_a.pk, 2024])
    cell = {"indikator": ind.pk, "kolom": "tw1", "value": "120", "token": ""}
    data = _post(client, url, [cell])
    assert "lebih dari 100" in data["warnings"][f"{ind.pk}:tw1"] and not data["saved"]
    assert not Realisasi.objects.filter(indikator=ind).exists()
    data = _post(client, url, [{**cell, "konfirmasi": True}])
    assert data["saved"] == {f"{ind.pk}:tw1": "120"}
    assert Realisasi.objects.get(indikator=ind).nilai == 120


def test_target_grid_asks_to_confirm_a_negative_count_and_refuses_another_unit(client, world, draft):
    ind = Indikator.objects.filter(elemen__versi=draft, elemen__level=Level.PROGRAM).first()
    ind.satuan, ind.tipe = "dok", Indikator.Tipe.ANGKA
    ind.save()
    client.force_login(world.alice)
    url = reverse("renstra:target_grid", args=[draft.pk])
    data = _post(client, url, [{"indikator": ind.pk, "kolom": "2025", "value": "-3"}])
    assert "negatif" in data["warnings"][f"{ind.pk}:2025"]
    data = _post(client, url, [{"indikator": ind.pk, "kolom": "2025", "value": "1.234,5x"}])
    assert data["errors"][f"{ind.pk}:2025"] == "“1.234,5x” bukan angka yang dapat dibaca."
    data = _post(client, url, [{"indikator": ind.pk, "kolom": "2025", "value": "3 orang"}])
    assert data["errors"][f"{ind.pk}:2025"] == "Satuan “orang” berbeda dengan satuan indikator “dok”."


def test_pagu_is_rounded_to_whole_rupiah_with_a_message(client, world, draft):
    sub = Elemen.objects.filter(versi=draft, level=Level.SUB_KEGIATAN).first()
    client.force_login(world.alice)
    data = _post(
        client,
        reverse("renstra:pagu_grid", args=[draft.pk]),
        [{"elemen": sub.pk, "kolom": "2022", "value": "15.000.000,50"}],
    )
    assert data["saved"] == {f"{sub.pk}:2022": "15.000.001"}
    assert "dibulatkan menjadi 15.000.001" in data["warnings"][f"{sub.pk}:2022"]
    assert Pagu.objects.get(elemen=sub, tahun=2022).jumlah == Decimal("15000001")


def test_indicator_form_reads_as_the_grid_and_asks_to_confirm(client, world, draft):
    sub = Elemen.objects.filter(versi=draft, level=Level.SUB_KEGIATAN).first()
    client.force_login(world.alice)
    url = reverse("renstra:indikator_create", args=[sub.pk])
    base = {"uraian": "Jumlah dokumen", "satuan": "dok", "polaritas": "positif", "tipe": "angka",
            "agregasi": "nilai_akhir", "frekuensi": "tahunan"}  # fmt: skip
    html = client.post(url, {**base, "kondisi_awal": "1.234,5x"}, **HX).content.decode()
    assert "“1.234,5x” bukan angka yang dapat dibaca." in html and "Satuan “x”" not in html
    html = client.post(url, {**base, "kondisi_awal": "-2"}, **HX).content.decode()
    assert "negatif" in html and 'name="konfirmasi"' in html and 'type="checkbox"' in html
    assert not Indikator.objects.filter(elemen=sub, uraian="Jumlah dokumen").exists()
    client.post(url, {**base, "kondisi_awal": "-2", "konfirmasi": "on"}, **HX)
    assert Indikator.objects.get(elemen=sub, uraian="Jumlah dokumen").kondisi_awal_nilai == -2


def test_budget_grid_answers_the_totals_as_saved_and_a_refused_cell_counts_as_stored(client, world, in_force):
    subs = list(Elemen.objects.filter(versi=in_force, level=Level.SUB_KEGIATAN).order_by("kode")[:2])
    client.force_login(world.alice)
    url = reverse("realisasi:anggaran_grid", args=[world.opd_a.pk, 2024])
    cells = [
        {"elemen": subs[0].pk, "kolom": "dpa", "value": "1.000.000"},
        {"elemen": subs[0].pk, "kolom": "tw1", "value": "250.000,40"},
        {"elemen": subs[1].pk, "kolom": "dpa", "value": "abc"},
    ]
    data = _post(client, url, cells)
    assert set(data["errors"]) == {f"{subs[1].pk}:dpa"}
    assert data["saved"][f"{subs[0].pk}:tw1"] == "250.000"
    assert "dibulatkan menjadi 250.000" in data["warnings"][f"{subs[0].pk}:tw1"]
    row = data["rows"][str(subs[0].pk)]
    assert row == {"realisasi": "250.000", "penyerapan": "25,00 %"}
    parent = data["rows"][str(subs[0].parent_id)]
    assert parent["dpa"] == "1.000.000" and parent["tw1"] == "250.000" and parent["penyerapan"] == "25,00 %"
    assert data["rows"]["jumlah"]["dpa"] == "1.000.000" and data["rows"]["jumlah"]["realisasi"] == "250.000"
    page = client.get(url).content.decode()
    assert 'data-id="jumlah"' in page and 'data-derived="penyerapan"' in page


def test_budget_grid_asks_to_confirm_a_realisasi_ten_times_the_budget(client, world, in_force):
    sub = Elemen.objects.filter(versi=in_force, level=Level.SUB_KEGIATAN).order_by("kode").first()
    client.force_login(world.alice)
    url = reverse("realisasi:anggaran_grid", args=[world.opd_a.pk, 2024])
    _post(client, url, [{"elemen": sub.pk, "kolom": "dpa", "value": "100.000"}])
    cell = {"elemen": sub.pk, "kolom": "tw1", "value": "1.000.000", "token": ""}
    data = _post(client, url, [cell])
    assert "sepuluh kali anggarannya" in data["warnings"][f"{sub.pk}:tw1"] and not data["saved"]
    assert not RealisasiAnggaran.objects.filter(elemen=sub).exists()
    data = _post(client, url, [{**cell, "konfirmasi": True}])
    assert data["saved"] == {f"{sub.pk}:tw1": "1.000.000"}
    assert RealisasiAnggaran.objects.get(elemen=sub).jumlah == Decimal(1000000)


def test_jenis_belanja_form_says_the_rounding_at_the_field_and_saves_once_confirmed(client, world):
    client.force_login(world.alice)
    url = reverse("realisasi:belanja_update", args=[world.opd_a.pk, 2024])
    form = {"belanja-TOTAL_FORMS": "1", "belanja-INITIAL_FORMS": "0", "belanja-MIN_NUM_FORMS": "0",
            "belanja-MAX_NUM_FORMS": "1000", "belanja-0-jenis": BelanjaOPD.Jenis.values[0],
            "belanja-0-anggaran": "15.000.000,50", "belanja-0-realisasi": "1.000.000"}  # fmt: skip
    html = client.post(url, form).content.decode()
    assert "15.000.000,50 dibulatkan menjadi 15.000.001" in html and 'name="belanja-0-konfirmasi"' in html
    assert not BelanjaOPD.objects.exists()
    client.post(url, {**form, "belanja-0-konfirmasi": "on"})
    assert BelanjaOPD.objects.get().anggaran == Decimal(15000001)
    # unchanged, it is not asked again; a realisasi ten times the anggaran is
    row = BelanjaOPD.objects.get()
    edit = {**form, "belanja-INITIAL_FORMS": "1", "belanja-0-id": str(row.pk), "belanja-0-anggaran": "15.000.001"}
    html = client.post(url, {**edit, "belanja-0-realisasi": "150.000.010"}).content.decode()
    assert "sepuluh kali anggarannya" in html
    client.post(url, {**edit, "belanja-0-realisasi": "2.000.000"})
    assert BelanjaOPD.objects.get().realisasi == Decimal(2000000)


def test_capaian_settings_read_indonesian_numbers_and_confirm_a_bound_over_100(client, world):
    client.force_login(world.dave)
    url = reverse("realisasi:pengaturan_update")
    form = {"rumus_negatif": PengaturanCapaian.Rumus.DUA_T_MINUS_R,
            "metode_sasaran": PengaturanCapaian.MetodeSasaran.values[0], "batas_atas": "120",
            "sangat_tinggi": "190,5", "tinggi": "76", "sedang": "66", "rendah": "51"}  # fmt: skip
    html = client.post(url, form).content.decode()
    assert "Persentase lebih dari 100" in html and not PengaturanCapaian.objects.exists()
    client.post(url, {**form, "sangat_tinggi": "90,5 %"})
    assert PengaturanCapaian.objects.get(pemda=world.pemda).sangat_tinggi == Decimal("90.5")


def test_tc27_preview_warns_of_implausible_targets_at_their_cell_without_blocking(db):
    rows = [
        HEADER,
        SUBHEADER,
        ["8.01.02", "Program", "Persentase konflik tertangani", "90%", "120%", None, "95%", None, "100%", None],
        ["8.01.02.2.01", "Kegiatan", "Jumlah kebijakan", "-3", "200", None, "2", None, "10 dok", None],
        ["8.01.02.2.01.0003", "Sub", "Jumlah orang", "1", "2", "1.000.000,50", "2", None, None, None],
    ]
    report = tc27.read_renstra(_xlsx(rows), (2021, 2022))
    assert report.errors == []
    found = {(p.row, p.column, p.text): p.message for p in report.warnings}
    assert "Persentase lebih dari 100" in found[(3, "2021 / Target", "120%")]
    assert "negatif" in found[(4, "Kondisi Awal", "-3")]
    assert "sepuluh kali target (10)" in found[(4, "2021 / Target", "200")]
    assert "dibulatkan menjadi 1.000.001" in found[(5, "2021 / Rp", "1.000.000,50")]
    sub = report.flat()[-1]
    assert sub.pagu[2021] == Decimal(1000001)


def test_realisasi_upload_lists_warnings_at_their_cell_and_saves_them(client, world, in_force):
    ind = Indikator.objects.get(elemen__versi=in_force, elemen__level=Level.SASARAN)
    client.force_login(world.alice)

    def fill(wb):
        ws = wb["Realisasi indikator"]
        row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == ind.pk)
        row[6].value = "130"  # TW I, over 100 %

    url = reverse("realisasi:workbook_import", args=[world.opd_a.pk, 2024])
    preview = client.post(url, {"berkas": filled_template(client, world, fill)})
    html = preview.content.decode()
    assert "dapat disimpan" in html and 'data-testid="upload-warnings"' in html
    sheet, _row, col, message = preview.context["report"].warnings[0]
    assert (sheet, col) == ("Realisasi indikator", "G") and "Persentase lebih dari 100" in message
    assert client.post(url, {"token": preview.context["token"]}).status_code == 302
    assert Realisasi.objects.get(indikator=ind, triwulan=1).nilai == 130
