"""A file that is not a readable workbook is refused at the file's field, with no preview (issue 16)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from renstra.models import RenstraVersi
from tests.test_number_fields import message_at


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("renstra.pdf", b"%PDF-1.4 bukan tabel", "Ini bukan berkas Excel .xlsx."),
        ("renstra.xlsx", b"Kode;Program\n1;Program", "Ini bukan berkas Excel .xlsx."),
        ("renstra.xlsx", b"PK\x03\x04 rusak", "Berkas .xlsx ini rusak dan tidak dapat dibuka (BadZipFile)."),
    ],
)
def test_a_file_that_is_not_a_workbook_is_refused_at_its_field_without_a_preview(
    client, world, periode, name, content, message
):
    client.force_login(world.alice)
    url = reverse("renstra:renstra_import", args=[world.opd_a.pk])
    response = client.post(url, {"periode": periode.pk, "berkas": SimpleUploadedFile(name, content)})
    assert message_at(response, "berkas") == message
    html = response.content.decode()
    assert "Simpan sebagai draf" not in html and "Pratinjau" not in html
    assert not RenstraVersi.objects.filter(renstra__opd=world.opd_a).exists()
