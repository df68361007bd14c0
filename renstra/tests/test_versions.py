"""Versions: ditetapkan is read-only, perubahan copies, the comparison shows what changed."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pohon.models import PohonKinerja, Simpul, Terjemahan
from renstra import diff, services
from renstra.models import ArahKebijakan, Elemen, Indikator, Level, Pagu, RenstraVersi, Strategi, Target
from renstra.testing import generate_plan, make_versi
from sakip.models import AuditEntry


@pytest.fixture
def ditetapkan(versi, world):
    sasaran = Elemen.objects.get(versi=versi, level=Level.SASARAN)
    strategi = Strategi.objects.create(sasaran=sasaran, uraian="Strategi 1")
    ArahKebijakan.objects.create(strategi=strategi, uraian="Kebijakan 1")
    return services.tetapkan(versi, berlaku_mulai=2021, actor=world.alice)


def test_tetapkan_records_who_and_when(ditetapkan, world):
    assert ditetapkan.status == RenstraVersi.Status.DITETAPKAN
    assert ditetapkan.ditetapkan_oleh == world.alice and ditetapkan.ditetapkan_pada <= timezone.now()


def test_ditetapkan_refuses_changes(ditetapkan):
    ind = Indikator.objects.filter(elemen__versi=ditetapkan).first()
    with pytest.raises(services.VersiTerkunci, match="sudah ditetapkan"):
        services.save_target_cells(ditetapkan, [{"indikator": ind.pk, "kolom": "2021", "value": "5"}])
    with pytest.raises(services.VersiTerkunci):
        services.delete_elemen(Elemen.objects.filter(versi=ditetapkan).first())
    with pytest.raises(services.VersiTerkunci):
        services.tetapkan(ditetapkan, berlaku_mulai=2022, actor=None)


def test_buat_perubahan_copies_everything(ditetapkan):
    baru = services.create_perubahan(ditetapkan)
    assert baru.nomor == 2 and baru.is_draft and baru.dasar == ditetapkan
    for model, lookup in [
        (Elemen, "versi"),
        (Indikator, "elemen__versi"),
        (Target, "indikator__elemen__versi"),
        (Pagu, "elemen__versi"),
        (Strategi, "sasaran__versi"),
        (ArahKebijakan, "strategi__sasaran__versi"),
    ]:
        assert model.objects.filter(**{lookup: baru}).count() == model.objects.filter(**{lookup: ditetapkan}).count()
    # The tree shape is the same and each copy remembers its original.
    old_plan, new_plan = services.load_plan(ditetapkan), services.load_plan(baru)
    assert [n.elemen.kode for n in old_plan.flat()] == [n.elemen.kode for n in new_plan.flat()]
    assert all(n.elemen.asal_id for n in new_plan.flat())
    assert new_plan.total == old_plan.total
    # Changing the copy leaves the original alone.
    sub = new_plan.of_level(Level.SUB_KEGIATAN)[0].elemen
    Pagu.objects.filter(elemen=sub, tahun=2021).update(jumlah=Decimal("9"))
    assert services.load_plan(ditetapkan).total == old_plan.total


def test_version_in_force(ditetapkan):
    baru = services.create_perubahan(ditetapkan)
    services.tetapkan(baru, berlaku_mulai=2024, actor=None)
    renstra = ditetapkan.renstra
    assert renstra.versi_berlaku(2023) == ditetapkan
    assert renstra.versi_berlaku(2024) == baru
    assert renstra.versi_berlaku(2020) is None


def test_compare_shows_added_removed_renamed_and_changed(ditetapkan):
    baru = services.create_perubahan(ditetapkan)
    subs = list(Elemen.objects.filter(versi=baru, level=Level.SUB_KEGIATAN).order_by("kode"))
    subs[0].nama = "Sub kegiatan dengan nama baru"
    subs[0].save()
    subs[1].delete()
    kegiatan = subs[2].parent
    Elemen.objects.create(
        versi=baru, level=Level.SUB_KEGIATAN, parent=kegiatan, kode=f"{kegiatan.kode}.0009", nama="Sub baru"
    )
    Pagu.objects.filter(elemen=subs[3], tahun=2022).update(jumlah=Decimal("1250000"))
    ind = Indikator.objects.filter(elemen=subs[3]).first()
    Target.objects.filter(indikator=ind, tahun=2023).update(nilai=Decimal("30"))

    changes = {(c.kind, c.kode) for c in diff.compare(ditetapkan, baru)}
    assert ("renamed", subs[0].kode) in changes
    assert ("removed", subs[1].kode) in changes
    assert ("added", f"{kegiatan.kode}.0009") in changes
    changed = next(c for c in diff.compare(ditetapkan, baru) if c.kode == subs[3].kode)
    assert changed.kind == "changed"
    assert changed.pagu_changes == [(2022, Decimal("1000000.00"), Decimal("1250000.00"))]
    assert changed.target_changes == [(ind.uraian, 2023, "23", "30")]
    # Totals above changed too.
    program = next(c for c in diff.compare(ditetapkan, baru) if c.kode == kegiatan.parent.kode)
    assert program.pagu_changes


def test_compare_versions_entered_separately_matches_by_code(world, periode):
    a = generate_plan(make_versi(world.opd_b, periode))
    b = RenstraVersi.objects.create(renstra=a.renstra, nomor=2)
    generate_plan(b)
    assert {c.kind for c in diff.compare(a, b)} == {"same"}


def test_hapus_versi_only_draft(ditetapkan):
    baru = services.create_perubahan(ditetapkan)
    services.delete_versi(baru)
    assert not RenstraVersi.objects.filter(pk=baru.pk).exists()
    with pytest.raises(services.VersiTerkunci):
        services.delete_versi(ditetapkan)


def test_deleting_a_large_draft_is_one_audited_operation(client, world, periode):
    """A draft of hundreds of elements and thousands of rows goes as one operation with one audit entry that
    counts the rows per model (its time is measured by ``manage.py bench_delete``, not here)."""
    versi = generate_plan(make_versi(world.opd_a, periode), programs=5, kegiatan_per_program=6, sub_per_kegiatan=10)
    elements = Elemen.objects.filter(versi=versi)
    rows = {
        "renstra.elemen": elements.count(),
        "renstra.indikator": Indikator.objects.filter(elemen__versi=versi).count(),
        "renstra.target": Target.objects.filter(indikator__elemen__versi=versi).count(),
        "renstra.pagu": Pagu.objects.filter(elemen__versi=versi).count(),
    }
    assert sum(rows.values()) > 3000
    pohon = PohonKinerja.objects.create(opd=world.opd_a, periode=periode, tahun_berlaku=2022, versi=versi)
    simpul = Simpul.objects.create(pohon=pohon, tingkat="outcome", kinerja="Rasa aman", urutan=1)
    Terjemahan.objects.create(simpul=simpul, elemen=elements.get(level=Level.TUJUAN))
    before = AuditEntry.objects.count()
    client.force_login(world.alice)
    response = client.post(reverse("renstra:versi_delete", args=[versi.pk]))
    assert response.status_code == 302
    assert not RenstraVersi.objects.filter(pk=versi.pk).exists()
    assert not Elemen.objects.filter(pk__in=[e.pk for e in elements]).exists()
    assert not Terjemahan.objects.filter(simpul=simpul).exists()  # links into the draft go with it
    assert Simpul.objects.filter(pk=simpul.pk).exists()  # the tree stays
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.latest("pk")
    assert entry.operasi == AuditEntry.Operasi.RENSTRA_HAPUS_VERSI and entry.actor == world.alice
    assert entry.pemda_ref == world.pemda.pk and entry.opd_ref == world.opd_a.pk
    assert {k: entry.data["jumlah"][k] for k in rows} == rows and entry.data["jumlah"]["pohon.terjemahan"] == 1
    # The admin's log shows it in words: the operation, the rows per model.
    client.force_login(world.dave)
    html = client.get(reverse("sakip:audit_log")).content.decode()
    assert "Versi Renstra dihapus" in html and "Target" in html
