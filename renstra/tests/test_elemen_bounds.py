"""An element's uraian is bounded, its code follows the official pattern (both said at the field), and the message
after saving does not repeat a long name whole (issue 16)."""

import pytest
from django.urls import reverse

from renstra.models import Elemen, Level
from tests.test_number_fields import message_at


@pytest.fixture
def program(versi):
    return Elemen.objects.filter(versi=versi, level=Level.PROGRAM).order_by("kode").first()


def test_an_uraian_longer_than_1000_characters_is_refused_at_its_field(client, world, program):
    client.force_login(world.alice)
    response = client.post(
        reverse("renstra:elemen_update", args=[program.pk]), {"kode": program.kode, "nama": "a" * 6400}
    )
    assert "paling banyak 1000 karakter" in message_at(response, "nama")
    assert Elemen.objects.get(pk=program.pk).nama == program.nama


@pytest.mark.parametrize("kode", ["<script>x</script>", "8.01;02", "8.01.0a"])
def test_a_code_outside_the_official_pattern_is_refused_at_its_field(client, world, program, kode):
    client.force_login(world.alice)
    response = client.post(reverse("renstra:elemen_update", args=[program.pk]), {"kode": kode, "nama": "Program"})
    expected = "Kode hanya berisi angka yang dipisah titik, mis. 1.05.02.2.01.0001 (X untuk urusan mana pun)."
    assert message_at(response, "kode") == expected
    assert Elemen.objects.get(pk=program.pk).kode == program.kode


def test_a_code_for_any_urusan_and_a_long_name_are_saved_and_the_message_is_short(client, world, program):
    client.force_login(world.alice)
    nama = "Program " + "penunjang urusan pemerintahan daerah " * 20
    response = client.post(
        reverse("renstra:elemen_update", args=[program.pk]), {"kode": "x.xx.01", "nama": nama}, follow=True
    )
    saved = Elemen.objects.get(pk=program.pk)
    assert saved.kode == "X.XX.01" and saved.nama == nama.strip()
    [message] = [str(m) for m in response.context["messages"]]
    assert message.startswith("X.XX.01 Program penunjang") and message.endswith("… disimpan.") and len(message) < 100
