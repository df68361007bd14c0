"""Every create, update and delete of domain data is in the audit log, with who and before/after."""

import re

from django.urls import reverse

from sakip.audit import acting_as, history_of, record
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


ENGLISH = re.compile(r"\b(create|created|update|updated|delete|deleted|access|None|True|False|changes?|object)\b", re.I)


def _visible(html: str) -> str:
    main = html[html.index("<main") :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", "", main, flags=re.S)))


def test_audit_pages_speak_indonesian(client, world):
    with acting_as(world.dave):
        world.opd_a.telepon, world.opd_a.aktif = "(0526) 1", False
        world.opd_a.save()
        jabatan = Jabatan.objects.create(
            opd=world.opd_a, nama="Kepala Bidang", jenjang=Jenjang.ADMINISTRATOR, atasan=world.kepala_a, urutan=3
        )
        jabatan.delete()
        record(
            AuditEntry.Operasi.RENSTRA_PERUBAHAN,
            world.opd_a,
            jumlah={"renstra.elemen": 1234, "renstra.target": 5},
            dari="Murni (versi 1)",
        )
    client.force_login(world.dave)
    log = _visible(client.get(reverse("sakip:audit_log")).content.decode())
    history = _visible(
        client.get(reverse("sakip:object_history", args=["sakip", "perangkatdaerah", world.opd_a.pk])).content.decode()
    )
    for text in (log, history):
        assert not ENGLISH.findall(text), ENGLISH.findall(text)
        assert "Diubah" in text and "Dibuat" in text
        # The summary of a bulk operation: its name, rows per model by their names, the source version.
        assert "Perubahan Renstra dibuat" in text and "Elemen renstra 1.234 Target 5" in text
        assert "Dari Murni (versi 1)" in text
        # Fields by their names, values as people read them; reverse relations and ids are not shown.
        assert "Aktif Ya Tidak" in text and "Telepon — (0526) 1" in text
    assert "Dihapus Jabatan: Kepala Bidang" in log and "Nama jabatan Kepala Bidang" in log
    # The filter finds bulk operations by name.
    filtered = _visible(client.get(reverse("sakip:audit_log"), {"action": "renstra_perubahan"}).content.decode())
    assert "Perubahan Renstra dibuat" in filtered and "Kepala Bidang" not in filtered
    deleted = _visible(client.get(reverse("sakip:audit_log"), {"action": "2"}).content.decode())
    assert "Kepala Bidang" in deleted and "Telepon — (0526) 1" not in deleted
