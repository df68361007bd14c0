"""Narratives: what Word pastes is sanitised, audited and kept to the document's scope."""

from __future__ import annotations

from django.urls import reverse

from lkjip import services
from lkjip.models import Narasi
from lkjip.tests.conftest import BLITAR, opd_by_kode
from sakip.models import User


def test_narrative_is_sanitised_audited_and_scoped(client, demo):
    dokumen = services.lkjip(opd_by_kode(BLITAR), 2024)
    planner = User.objects.get(username="perencana.blitar")
    client.force_login(planner)
    url = reverse("lkjip:narasi_update", args=[dokumen.pk, "latar_belakang"])
    word = (
        '<p class=MsoNormal style="color:red"><span style="font-family:Arial">Halo <b>tebal</b><o:p></o:p></span></p>'
        '<script>alert(1)</script><table class=MsoTable><tr><td style="x" colspan=2>Sel</td></tr></table>'
    )
    assert client.post(url, {"isi": word}).status_code == 302
    stored = Narasi.objects.get(dokumen=dokumen, kunci="latar_belakang").isi
    assert stored == '<p>Halo <b>tebal</b></p><table><tbody><tr><td colspan="2">Sel</td></tr></tbody></table>'
    history = client.get(
        reverse("sakip:object_history", args=["lkjip", "narasi", dokumen.narasi.get(kunci="latar_belakang").pk])
    )
    assert history.status_code == 200 and "Halo" in history.content.decode()
    client.force_login(User.objects.get(username="evaluator.blitar"))
    assert client.get(url).status_code == 200
    assert client.post(url, {"isi": "<p>x</p>"}).status_code == 403
    client.force_login(User.objects.get(username="perencana.balangan"))
    assert client.get(url).status_code == 404
