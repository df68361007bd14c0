"""Every create, update and delete of domain data is in the audit log, with who and before/after."""

from django.urls import reverse

from sakip.audit import acting_as, history_of
from sakip.models import AuditEntry, Jabatan, Jenjang, PerangkatDaerah


def _latest(model, pk):
    return AuditEntry.objects.filter(content_type__model=model._meta.model_name, object_pk=str(pk)).latest("timestamp")


def test_update_through_a_page_records_actor_and_values(client, world):
    client.force_login(world.dave)
    response = client.post(
        reverse("sakip:opd_update", args=[world.opd_a.pk]),
        {"kode": "A", "nama": "Badan A Baru", "singkatan": "BA", "aktif": "on"},
    )
    assert response.status_code == 302
    entry = _latest(PerangkatDaerah, world.opd_a.pk)
    assert entry.action == AuditEntry.Action.UPDATE
    assert entry.actor == world.dave
    assert entry.actor_name == "Dave (dave)"
    assert entry.changes["nama"] == ["Badan A", "Badan A Baru"]
    assert entry.pemda_ref == world.pemda.pk and entry.opd_ref == world.opd_a.pk


def test_create_and_delete_are_recorded(client, world):
    client.force_login(world.dave)
    client.post(
        reverse("sakip:jabatan_create", args=[world.opd_a.pk]),
        {"nama": "Kepala Bidang", "jenjang": Jenjang.ADMINISTRATOR, "atasan": world.kepala_a.pk, "urutan": 3},
    )
    jabatan = Jabatan.objects.get(opd=world.opd_a, nama="Kepala Bidang")
    created = _latest(Jabatan, jabatan.pk)
    assert created.action == AuditEntry.Action.CREATE
    assert created.changes["nama"] == [None, "Kepala Bidang"]

    client.post(reverse("sakip:jabatan_delete", args=[world.opd_a.pk, jabatan.pk]))
    assert not Jabatan.objects.filter(pk=jabatan.pk).exists()
    deleted = _latest(Jabatan, jabatan.pk)
    assert deleted.action == AuditEntry.Action.DELETE
    assert deleted.changes["nama"][0] == "Kepala Bidang"  # the values before deletion are kept
    assert deleted.actor_name == "Dave (dave)"


def test_entry_survives_deletion_of_its_user(world):
    with acting_as(world.carol):
        world.opd_b.nama = "Dinas B Diubah"
        world.opd_b.save()
    entry = _latest(PerangkatDaerah, world.opd_b.pk)
    world.carol.delete()
    entry.refresh_from_db()
    assert entry.actor is None
    assert entry.actor_name == "Carol (carol)"


def test_writes_outside_requests_are_labelled(world):
    with acting_as(label="load_demo"):
        world.opd_b.telepon = "(0526) 1"
        world.opd_b.save()
    assert _latest(PerangkatDaerah, world.opd_b.pk).actor_name == "load_demo"


def test_saving_without_changes_adds_no_entry(world):
    before = AuditEntry.objects.count()
    world.opd_b.save()
    assert AuditEntry.objects.count() == before


def test_history_page_shows_who_changed_what(client, world):
    with acting_as(world.dave):
        world.opd_a.telepon = "(0526) 2028432"
        world.opd_a.save()
    client.force_login(world.bob)  # the evaluator may read the OPD, so its history too
    page = client.get(reverse("sakip:object_history", args=["sakip", "perangkatdaerah", world.opd_a.pk]))
    html = page.content.decode()
    assert "Dave (dave)" in html and "(0526) 2028432" in html
    assert len(history_of(world.opd_a)) >= 2  # created, updated


def test_audit_log_page_is_scoped_to_the_pemda(client, world):
    with acting_as(world.frank):
        world.opd_c.nama = "Dinas C Kota Dua"
        world.opd_c.save()
    client.force_login(world.dave)
    html = client.get(reverse("sakip:audit_log")).content.decode()
    assert "Badan A" in html
    assert "Dinas C Kota Dua" not in html
    client.force_login(world.frank)
    html = client.get(reverse("sakip:audit_log")).content.decode()
    assert "Dinas C Kota Dua" in html and "Badan A" not in html
