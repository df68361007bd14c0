"""Lost updates in the forms that save a whole row (the grids are in test_lost_update): two people open the same
form, both save; the second is told who saved it and when, and the first one's values stay (RPJMD period and
tujuan/sasaran, pohon kinerja stage 1 and its nodes, belanja per jenis). Saving again from the page that shows
the message overwrites deliberately, as in a grid."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.models import BelanjaOPD
from pohon.models import PohonKinerja, Simpul, Tingkat
from renstra.models import Periode, SasaranRPJMD, TujuanRPJMD
from renstra.testing import make_periode
from sakip.models import Jenjang, Peran
from sakip.testing import make_user

pytestmark = pytest.mark.django_db

CONFLICT = r"diubah oleh %s pada \d\d\.\d\d setelah halaman ini dibuka; perubahan Anda belum disimpan\."


class FormData(HTMLParser):
    """What a browser would post from the page's form ``action`` (or its only form): every field's value."""

    def __init__(self, action: str | None = None):
        super().__init__(convert_charrefs=True)
        self.wanted, self.inside = action, False
        self.data: dict[str, list[str]] = {}
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = self.wanted is None or a.get("action") in (self.wanted, None, "")
            return
        if not self.inside or ("name" not in a and tag != "option"):
            return
        name = a.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.setdefault(name, []).append(a.get("value") or ("on" if a.get("type") == "checkbox" else ""))
        elif tag == "textarea":
            self.textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select":
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in a:
            self.data[self.select].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data.removeprefix("\n") if not self.data[self.textarea][-1] else data


def form_of(response, action: str | None = None) -> dict[str, list[str]]:
    assert response.status_code in (200, 400), response.status_code  # a form shown again with its messages
    parser = FormData(action)
    parser.feed(response.content.decode())
    assert parser.data, "no form found"
    return parser.data


@pytest.fixture
def admins(world):
    """Dave and Dina both administer pemda 1, each in their own browser."""
    dina = make_user("dina", world.pemda, (Peran.Jenis.ADMIN_PEMDA, None))
    first, second = Client(), Client()
    first.force_login(world.dave)
    second.force_login(dina)
    return first, second


@pytest.fixture
def planners(world):
    """Alice and Anto both plan OPD A."""
    anto = make_user("anto", world.pemda, (Peran.Jenis.PERENCANA, world.opd_a))
    first, second = Client(), Client()
    first.force_login(world.alice)
    second.force_login(anto)
    return first, second


def _two_saves(first, second, url, field, values, who):
    """Both open ``url``; ``first`` saves ``values[0]`` into ``field``, then ``second`` saves ``values[1]``.
    Returns the second's answer and the form it shows (to save again)."""
    page1, page2 = form_of(first.get(url)), form_of(second.get(url))
    token = field.rsplit("-", 1)[0] + "-token" if "-" in field else "token"
    assert page1.get(token) and page1[token] == page2[token]
    assert first.post(url, {**page1, field: values[0]}).status_code in (200, 302)
    answer = second.post(url, {**page2, field: values[1]})
    assert answer.status_code in (200, 400)  # the form again, with the message (the node form answers 400)
    assert re.search(CONFLICT % re.escape(who), answer.content.decode()), answer.content.decode()[-3000:]
    return answer


def test_an_rpjmd_tujuan_saved_by_two_admins(admins, world):
    dave, dina = admins
    periode = make_periode(world.pemda)
    tujuan = TujuanRPJMD.objects.create(periode=periode, urutan=1, uraian="Tujuan lama")
    url = reverse("renstra:tujuan_rpjmd_update", args=[periode.pk, tujuan.pk])
    answer = _two_saves(dave, dina, url, "uraian", ["Versi Dave", "Versi Dina"], "Dave (dave)")
    assert TujuanRPJMD.objects.get(pk=tujuan.pk).uraian == "Versi Dave"
    # Dina has been told; saving again from the page that told her overwrites deliberately.
    assert dina.post(url, form_of(answer)).status_code == 302
    assert TujuanRPJMD.objects.get(pk=tujuan.pk).uraian == "Versi Dina"


def test_an_rpjmd_sasaran_saved_by_two_admins(admins, world):
    dave, dina = admins
    periode = make_periode(world.pemda)
    tujuan = TujuanRPJMD.objects.create(periode=periode, urutan=1, uraian="Tujuan")
    sasaran = SasaranRPJMD.objects.create(tujuan=tujuan, urutan=1, uraian="Sasaran lama")
    url = reverse("renstra:sasaran_rpjmd_update", args=[periode.pk, tujuan.pk, sasaran.pk])
    _two_saves(dave, dina, url, "uraian", ["Versi Dave", "Versi Dina"], "Dave (dave)")
    assert SasaranRPJMD.objects.get(pk=sasaran.pk).uraian == "Versi Dave"


def test_an_rpjmd_period_saved_by_two_admins(admins, world):
    dave, dina = admins
    periode = make_periode(world.pemda)
    url = reverse("renstra:periode_update", args=[periode.pk])
    _two_saves(dave, dina, url, "visi", ["Visi Dave", "Visi Dina"], "Dave (dave)")
    assert Periode.objects.get(pk=periode.pk).visi == "Visi Dave"


@pytest.fixture
def pohon(world):
    return PohonKinerja.objects.create(opd=world.opd_a, periode=make_periode(world.pemda), tahun_berlaku=2021)


def test_pohon_stage_one_saved_by_two_planners(planners, pohon):
    alice, anto = planners
    url = reverse("pohon:pohon_update", args=[pohon.pk])
    answer = _two_saves(alice, anto, url, "mandat", ["Mandat Alice", "Mandat Anto"], "Alice (alice)")
    assert PohonKinerja.objects.get(pk=pohon.pk).mandat == "Mandat Alice"
    assert anto.post(url, form_of(answer)).status_code in (200, 302)
    assert PohonKinerja.objects.get(pk=pohon.pk).mandat == "Mandat Anto"


def test_a_pohon_node_saved_by_two_planners(planners, pohon):
    alice, anto = planners
    node = Simpul.objects.create(pohon=pohon, tingkat=Tingkat.OUTCOME, jenjang=Jenjang.JPT_PRATAMA, kinerja="Lama")
    url = reverse("pohon:simpul_update", args=[node.pk])
    _two_saves(alice, anto, url, "kinerja", ["Kinerja Alice", "Kinerja Anto"], "Alice (alice)")
    assert Simpul.objects.get(pk=node.pk).kinerja == "Kinerja Alice"


def test_a_belanja_row_saved_by_two_planners(planners, world):
    alice, anto = planners
    row = BelanjaOPD.objects.create(
        opd=world.opd_a, tahun=2024, jenis=BelanjaOPD.Jenis.values[0], anggaran=1000, realisasi=500
    )
    url = reverse("realisasi:belanja_update", args=[world.opd_a.pk, 2024])
    answer = _two_saves(alice, anto, url, "belanja-0-realisasi", ["700", "900"], "Alice (alice)")
    assert 'data-testid="berubah"' in answer.content.decode()
    assert BelanjaOPD.objects.get(pk=row.pk).realisasi == Decimal(700)
    assert anto.post(url, form_of(answer)).status_code == 302
    assert BelanjaOPD.objects.get(pk=row.pk).realisasi == Decimal(900)


def test_a_belanja_jenis_added_by_two_planners_at_once(planners, world):
    alice, anto = planners
    url = reverse("realisasi:belanja_update", args=[world.opd_a.pk, 2024])
    page1, page2 = form_of(alice.get(url)), form_of(anto.get(url))
    jenis = BelanjaOPD.Jenis.values[1]
    new = {"belanja-0-jenis": jenis, "belanja-0-anggaran": "1.000"}
    assert alice.post(url, {**page1, **new, "belanja-0-realisasi": "10"}).status_code == 302
    answer = anto.post(url, {**page2, **new, "belanja-0-realisasi": "20"}, follow=True)
    assert answer.status_code == 200
    assert "sudah ada" in answer.content.decode() or "baru saja disimpan pengguna lain" in answer.content.decode()
    assert BelanjaOPD.objects.get(opd=world.opd_a, tahun=2024, jenis=jenis).realisasi == Decimal(10)
