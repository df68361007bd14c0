"""An evidence file's name (issue 16): a name too long for its stored path is refused at the field with the rule,
a path is never kept, and a long name already stored is shown cut, whole in its title."""

from __future__ import annotations

import html
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.models import BuktiDukung
from kinerja.tests.conftest import TAHUN
from tests.test_number_fields import message_at


def _url(iku):
    return reverse("realisasi:realisasi_detail", args=[iku.pk, TAHUN, 2])


def _pdf(name):
    return SimpleUploadedFile(name, b"%PDF-1.4 bukti", content_type="application/pdf")


def test_a_name_longer_than_80_characters_is_refused_at_the_field(client, world, iku, windows):
    client.force_login(world.alice)
    response = client.post(_url(iku), {"action": "bukti", "berkas": _pdf("l" * 266 + ".pdf")})
    expected = "Nama berkas terlalu panjang (255 karakter); paling banyak 80 karakter. Ganti namanya lalu unggah lagi."
    assert message_at(response, "berkas") == expected
    assert not BuktiDukung.objects.exists()


def test_the_stored_name_is_the_files_own_name_without_a_path(client, world, iku, windows):
    client.force_login(world.alice)
    assert client.post(_url(iku), {"action": "bukti", "berkas": _pdf("C:\\Dokumen\\BA rapat.pdf")}).status_code == 302
    bukti = BuktiDukung.objects.get()
    assert bukti.nama == "BA rapat.pdf" and "\\" not in bukti.berkas.name and "Dokumen" not in bukti.berkas.name


def test_a_long_stored_name_is_shown_cut_with_the_whole_name_in_its_title(client, world, iku, windows):
    client.force_login(world.alice)
    client.post(_url(iku), {"action": "bukti", "berkas": _pdf("BA rapat.pdf")})
    nama = "Berita acara " + "rapat koordinasi " * 10 + ".pdf"
    BuktiDukung.objects.update(nama=nama)
    page = client.get(_url(iku)).content.decode()
    link = re.search(r'<a [^>]*data-testid="bukti-nama"[^>]*>(.*?)</a>', page, re.S)
    assert f'title="{nama}"' in link.group(0)
    shown = html.unescape(re.sub(r"<[^>]+>", "", link.group(1))).strip()
    assert len(shown) == 60 and shown.endswith("…")
