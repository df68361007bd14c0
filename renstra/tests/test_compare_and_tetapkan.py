"""Issue 16, journeys 1 and 7: *Bandingkan* any two versions (removed, moved, renamed, changed; either order;
an imported version), and *Tetapkan* proposing a sensible year, refusing one before the version it amends."""

import datetime
import re

import pytest
from django.urls import reverse

from renstra import diff, services
from renstra.forms import TetapkanForm
from renstra.models import Elemen, Level, RenstraVersi
from renstra.testing import generate_plan

LEGAL = {"dasar_hukum_nomor": "Peraturan Bupati Nomor 5 Tahun 2026", "dasar_hukum_tanggal": "2026-11-20"}


@pytest.fixture
def murni(versi, world):
    return services.tetapkan(versi, berlaku_mulai=2021, actor=world.alice)


@pytest.fixture
def perubahan(murni):
    """A perubahan of the murni: one sub kegiatan deleted, one kegiatan moved to the other program, one renamed."""
    baru = services.create_perubahan(murni)
    subs = list(Elemen.objects.filter(versi=baru, level=Level.SUB_KEGIATAN).order_by("kode"))
    services.delete_elemen(subs[0])
    kegiatan = Elemen.objects.get(versi=baru, kode="8.01.01.2.02")
    kegiatan.parent = Elemen.objects.get(versi=baru, kode="8.01.02")
    kegiatan.save()
    program = Elemen.objects.get(versi=baru, kode="8.01.02")
    program.nama = "Program 2 dengan nama baru"
    program.save()
    return baru


def kinds(changes) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in changes:
        out.setdefault(c.kind, set()).add(c.kode)
    return out


def test_compare_shows_removed_moved_and_renamed_in_both_orders(murni, perubahan):
    forward = kinds(diff.compare(murni, perubahan))
    assert forward["removed"] == {"8.01.01.2.01.0001"}
    assert forward["moved"] == {"8.01.01.2.02"}
    assert forward["renamed"] == {"8.01.02"}
    backward = kinds(diff.compare(perubahan, murni))
    assert backward["added"] == {"8.01.01.2.01.0001"}
    assert backward["moved"] == {"8.01.01.2.02"} and backward["renamed"] == {"8.01.02"}
    moved = next(c for c in diff.compare(murni, perubahan) if c.moved)
    assert (moved.old_parent.kode, moved.new_parent.kode) == ("8.01.01", "8.01.02")


def test_a_removed_element_is_listed_where_it_stood(murni, perubahan):
    codes = [c.kode for c in diff.compare(murni, perubahan)]
    assert codes.index("8.01.01.2.01.0001") == codes.index("8.01.01.2.01") + 1


def test_compare_across_several_versions_follows_the_copies(murni, perubahan, world):
    services.tetapkan(perubahan, berlaku_mulai=2024, actor=world.alice)
    ketiga = services.create_perubahan(perubahan)
    sub = Elemen.objects.get(versi=ketiga, kode="8.01.02.2.01.0001")
    sub.nama = "Sub kegiatan versi tiga"
    sub.save()
    result = kinds(diff.compare(murni, ketiga))
    assert result["removed"] == {"8.01.01.2.01.0001"}
    assert result["renamed"] == {"8.01.02", "8.01.02.2.01.0001"}
    assert "added" not in result


def test_compare_with_a_version_entered_separately_matches_by_code(murni):
    """An imported version has no copy links: its elements match by level and code, then by name."""
    imported = generate_plan(RenstraVersi.objects.create(renstra=murni.renstra, nomor=2))
    Elemen.objects.filter(versi=imported, kode="8.01.02.2.02.0002").delete()
    result = kinds(diff.compare(murni, imported))
    assert result["removed"] == {"8.01.02.2.02.0002"} and "added" not in result
    assert result["changed"] == {"8.01.02.2.02", "8.01.02"}  # their pagu totals lost the sub kegiatan's
    assert kinds(diff.compare(imported, murni))["added"] == {"8.01.02.2.02.0002"}


def test_compare_page_with_a_removed_element_in_both_orders(client, world, murni, perubahan):
    client.force_login(world.alice)
    url = reverse("renstra:versi_compare", args=[perubahan.pk])
    html = client.get(url).content.decode()
    assert "1 ditambah" not in html
    assert "0 ditambah, 1 dihapus, 1 dipindah, 1 diubah namanya" in html
    removed = re.search(r'<tr class="table-danger" data-kind="removed">(.*?)</tr>', html, re.S).group(1)
    assert "Dihapus" in removed and "8.01.01.2.01.0001" in removed and "Sub kegiatan" in removed
    html = client.get(reverse("renstra:versi_compare", args=[murni.pk]), {"dengan": perubahan.pk}).content.decode()
    assert "1 ditambah, 0 dihapus, 1 dipindah" in html
    assert "Dipindah" in html and "di bawah" in html


def test_tetapkan_proposes_next_year_for_a_perubahan_and_the_start_for_a_murni(murni, world):
    baru = services.create_perubahan(murni)
    assert TetapkanForm(versi=baru, hari_ini=datetime.date(2023, 5, 2)).fields["berlaku_mulai"].initial == 2024
    # A perubahan made in the period's last year applies from that year, the latest it can.
    assert TetapkanForm(versi=baru, hari_ini=datetime.date(2026, 5, 2)).fields["berlaku_mulai"].initial == 2026
    services.delete_versi(baru)
    periode = murni.renstra.periode
    other = generate_plan(
        RenstraVersi.objects.create(
            renstra=murni.renstra.__class__.objects.create(opd=world.opd_b, periode=periode), nomor=1
        )
    )
    assert TetapkanForm(versi=other, hari_ini=datetime.date(2021, 3, 1)).fields["berlaku_mulai"].initial == 2021


def test_tetapkan_page_preselects_next_year_and_refuses_a_start_before_the_amended_version(client, world, murni):
    kedua = services.create_perubahan(murni)
    services.tetapkan(kedua, berlaku_mulai=2024, actor=world.alice)
    ketiga = services.create_perubahan(kedua)
    client.force_login(world.alice)
    url = reverse("renstra:versi_tetapkan", args=[ketiga.pk])
    html = client.get(url).content.decode()
    # The tests' today is 1 December 2026, the period 2021-2026: next year is past it, so 2026.
    assert re.search(r'<option value="2026"\s+selected>', html)
    assert "Versi ini mengubah Perubahan (versi 2), yang berlaku mulai 2024." in html
    response = client.post(url, {"berlaku_mulai": 2022, **LEGAL})
    assert response.status_code == 200
    error = re.search(r'id="error_\d+_id_berlaku_mulai"><strong>(.*?)</strong>', response.content.decode())
    assert error and "berlaku mulai 2024" in error.group(1)
    ketiga.refresh_from_db()
    assert ketiga.is_draft
    client.post(url, {"berlaku_mulai": 2025, **LEGAL})
    ketiga.refresh_from_db()
    assert (ketiga.is_draft, ketiga.berlaku_mulai, ketiga.dasar_hukum_nomor) == (
        False,
        2025,
        LEGAL["dasar_hukum_nomor"],
    )
    assert ketiga.renstra.versi_berlaku(2024) == kedua and ketiga.renstra.versi_berlaku(2025) == ketiga


def test_tetapkan_service_refuses_a_start_before_the_amended_version(murni, world):
    kedua = services.create_perubahan(murni)
    services.tetapkan(kedua, berlaku_mulai=2024, actor=world.alice)
    ketiga = services.create_perubahan(kedua)
    with pytest.raises(services.TahunBerlakuSalah):
        services.tetapkan(ketiga, berlaku_mulai=2023, actor=world.alice)
    ketiga.refresh_from_db()
    assert ketiga.is_draft
