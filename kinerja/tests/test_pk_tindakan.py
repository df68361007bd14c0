"""Issue 16 (journeys, second pass): every problem of a draft PK links to where it is fixed for the admin pemda
(who may also delete a draft), a 403 never tells the admin pemda to contact the admin pemda, signing asks
first, and the signed PDF's verification address is the one the site was served at unless SITE_URL is set."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kinerja import services
from kinerja.models import PerjanjianKinerja


@pytest.fixture
def draft(world, plan):
    """Drafted while the pemda's profile has no kepala daerah name: the second party is missing."""
    return services.susun_dari_renstra(world.kepala_a, 2024)


def problems_card(html: str) -> str:
    start = html.index('data-testid="pk-problems"')
    return html[start : html.index("</ul>", start)]


def test_the_admin_pemda_gets_a_link_to_each_party_problem_and_a_planner_is_told_who_fixes_it(client, world, draft):
    world.penugasan_a.delete()  # nobody holds the first party's position either
    client.force_login(world.dave)
    card = problems_card(client.get(draft.get_absolute_url()).content.decode())
    assert "Jabatan pihak pertama belum ada pemangkunya" in card
    assert f'href="{reverse("sakip:pegawai_list")}"' in card
    assert f'href="{reverse("sakip:jabatan_update", args=[world.opd_a.pk, world.kepala_a.pk])}"' in card
    assert f'href="{reverse("sakip:pemda_update")}">Profil pemda</a>' in card
    client.force_login(world.alice)
    card = problems_card(client.get(draft.get_absolute_url()).content.decode())
    assert "Admin pemda yang membereskannya" in card and "href" not in card


def test_the_admin_pemda_deletes_a_draft_pk_but_not_another_pemdas(client, world, draft):
    url = reverse("kinerja:pk_delete", args=[draft.pk])
    client.force_login(world.frank)
    assert client.post(url).status_code == 404
    client.force_login(world.dave)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert f'href="{url}"' in html and "Tidak ada tindakan untuk Anda" not in html
    assert "Ya, hapus draf" in client.get(url).content.decode()
    assert "Draf PK dihapus." in client.post(url, follow=True).content.decode()
    assert not PerjanjianKinerja.objects.filter(pk=draft.pk).exists()


def test_a_403_never_tells_the_admin_pemda_to_contact_the_admin_pemda(client, world, draft):
    client.force_login(world.dave)  # submitting is the planner's
    response = client.post(reverse("kinerja:pk_ajukan", args=[draft.pk]))
    html = response.content.decode()
    assert response.status_code == 403
    assert "hubungi admin pemda" not in html and "bukan bagian dari peran admin pemda" in html
    client.force_login(world.bob)
    assert "hubungi admin pemda" in client.post(reverse("kinerja:pk_ajukan", args=[draft.pk])).content.decode()


def test_signing_asks_first_and_the_qr_points_to_the_address_served(client, world, draft, settings):
    world.pemda.kepala_daerah_nama = "H. ABDUL, S.Sos"
    world.pemda.save()
    services.ajukan(draft, actor=world.alice)
    settings.SITE_URL_SET = False
    client.force_login(world.erin)
    url = reverse("kinerja:pk_tandatangani", args=[draft.pk])
    html = client.get(draft.get_absolute_url()).content.decode()
    assert f'href="{url}"' in html and f'action="{url}"' not in html  # the button asks, it does not sign
    asked = client.get(url).content.decode()
    assert "Tanda tangan tidak dapat dibatalkan." in asked and "Ya, tandatangani" in asked
    assert PerjanjianKinerja.objects.get(pk=draft.pk).status == "diajukan"
    client.post(url, HTTP_HOST="sakip.example.test")
    draft.refresh_from_db()
    assert draft.is_signed
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(draft.pdf.read())).pages)
    assert f"http://sakip.example.test/pk/verifikasi/{draft.kode_verifikasi}/" in text.replace("\n", "")
    assert "127.0.0.1:8000" not in text
