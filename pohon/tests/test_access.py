"""Who sees a pohon kinerja: the crosscutting partner sees its link and nothing else; every change is in the audit history."""

from __future__ import annotations

from django.urls import reverse

from pohon import services
from pohon.models import IndikatorSimpul, Lintas, Simpul, Tingkat
from pohon.tests.conftest import login, make_node
from sakip.models import AuditEntry


def test_crosscutting_is_seen_by_the_partner_and_nothing_else_is(client, world, pohon):
    outcome = make_node(pohon, Tingkat.OUTCOME, "Rasa aman meningkat", indikator="Zero konflik")
    shared = make_node(pohon, Tingkat.STRATEGIS, "Batas wilayah terkoordinasi", outcome, faktor_kunci="Sengketa batas")
    Lintas.objects.create(simpul=shared, mitra=world.opd_b, sifat=Lintas.Sifat.OLEH, catatan="Bagian Pemerintahan")

    login(client, world.carol)  # the planner of OPD B
    page = client.get(reverse("pohon:index")).content.decode()
    assert "Batas wilayah terkoordinasi" in page and "Badan A" in page and "Sengketa batas" in page
    assert client.get(reverse("pohon:pohon_detail", args=[pohon.pk])).status_code == 404
    assert client.get(reverse("pohon:pohon_pdf", args=[pohon.pk])).status_code == 404
    assert client.get(reverse("pohon:simpul_update", args=[outcome.pk])).status_code == 404

    client.logout()
    login(client, world.frank)  # another pemda: neither the tree nor the link
    assert "Batas wilayah terkoordinasi" not in client.get(reverse("pohon:index")).content.decode()

    client.logout()
    login(client, world.bob)  # the evaluator of OPD A reads, never edits
    assert client.get(reverse("pohon:pohon_detail", args=[pohon.pk])).status_code == 200
    assert client.get(reverse("pohon:simpul_update", args=[outcome.pk])).status_code == 403
    assert client.post(reverse("pohon:simpul_delete", args=[outcome.pk])).status_code == 403
    assert client.post(reverse("pohon:pohon_terjemahkan", args=[pohon.pk]), {"simpul": [outcome.pk]}).status_code == 403
    assert Simpul.objects.filter(pk=outcome.pk).exists()


def test_changes_are_in_the_audit_history(world, pohon):

    node = make_node(pohon, Tingkat.OUTCOME, "Rasa aman", indikator="Zero konflik")
    node.kinerja = "Rasa aman meningkat"
    services.save_simpul(node)
    entries = AuditEntry.objects.filter(object_pk=str(node.pk), content_type__model="simpul")
    assert entries.count() == 2
    assert IndikatorSimpul.objects.filter(simpul=node).count() == 1
