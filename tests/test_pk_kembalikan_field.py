"""*Kembalikan ke draf* without a note (issue 16): the message is at the note's field, the PK stays submitted."""

from __future__ import annotations

from django.urls import reverse

from kinerja import services as pk_services
from kinerja.models import PerjanjianKinerja
from renstra import services as renstra_services
from renstra.testing import generate_plan, make_periode, make_versi
from tests.test_number_fields import message_at


def test_returning_a_pk_without_a_note_is_said_at_the_note(client, world):
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1)
    renstra_services.tetapkan(versi, berlaku_mulai=2021, actor=None)
    pk = pk_services.susun_dari_renstra(world.kepala_a, 2024)
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status=PerjanjianKinerja.Status.DIAJUKAN)
    client.force_login(world.erin)
    url = reverse("kinerja:pk_kembalikan", args=[pk.pk])
    response = client.post(url, {"catatan": "  "})
    assert message_at(response, "catatan", url) == "Tuliskan catatan: apa yang perlu diperbaiki."
    assert PerjanjianKinerja.objects.get(pk=pk.pk).status == PerjanjianKinerja.Status.DIAJUKAN
    client.post(url, {"catatan": "Target IKU 2 belum sesuai RPJMD."})
    assert PerjanjianKinerja.objects.get(pk=pk.pk).status == PerjanjianKinerja.Status.DRAFT
