"""NIP validation and display, pangkat from golongan, and who held a position on a date."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from sakip.lib.nip import format_nip, validate_nip
from sakip.models import Jabatan, Jenjang, Pegawai, Penugasan


@pytest.mark.parametrize(
    "value",
    ["196704031994031015", "19670403 199403 1 015", "19680810 199703 1 003"],
)
def test_valid_nip(value):
    validate_nip(value)


@pytest.mark.parametrize(
    "value,message",
    [
        ("19670403199403101", "18 angka"),  # 17 digits
        ("1967040319940310155", "18 angka"),
        ("19670403A99403I015", "18 angka"),
        ("196713031994031015", "tanggal lahir"),  # month 13
        ("196704031994131015", "bulan TMT"),
        ("196704031960031015", "lebih awal"),  # TMT before birth
        ("196704031994033015", "jenis kelamin"),
    ],
)
def test_invalid_nip_says_why(value, message):
    with pytest.raises(ValidationError) as error:
        validate_nip(value)
    assert message in str(error.value)


def test_nip_is_shown_grouped():
    assert format_nip("196704031994031015") == "19670403 199403 1 015"


def test_pegawai_stores_digits_and_derives_pangkat(world):
    pegawai = Pegawai.objects.create(
        pemda=world.pemda, nama="H. Syaifuddin", nip="19670403 199403 1 016", golongan="IV/c"
    )
    pegawai.refresh_from_db()
    assert pegawai.nip == "196704031994031016"
    assert pegawai.nip_display == "19670403 199403 1 016"
    assert pegawai.pangkat_golongan == "Pembina Utama Muda / IV/c"


def test_who_held_a_position_on_a_date(world):
    kepala = world.kepala_a
    world.penugasan_a.selesai = datetime.date(2023, 6, 30)
    world.penugasan_a.save()
    plt = Penugasan.objects.create(
        pegawai=world.pegawai_b, jabatan=kepala, jenis=Penugasan.Jenis.PLT, mulai=datetime.date(2023, 7, 1)
    )
    successor = Pegawai.objects.create(pemda=world.pemda, nama="Dedi", nip="197502022000031002")
    Penugasan.objects.create(pegawai=successor, jabatan=kepala, mulai=datetime.date(2023, 10, 2))

    assert kepala.pemangku_pada(datetime.date(2021, 1, 3)) is None
    assert kepala.pemangku_pada(datetime.date(2022, 12, 31)).pegawai == world.pegawai_a
    assert kepala.pemangku_pada(datetime.date(2023, 6, 30)).pegawai == world.pegawai_a
    assert kepala.pemangku_pada(datetime.date(2023, 8, 1)) == plt
    # The Plt stays on record, but once a definitive head is installed, that head is the holder.
    assert kepala.pemangku_pada(datetime.date(2024, 1, 1)).pegawai == successor


def test_two_definitive_holders_at_once_are_refused(world):
    overlap = Penugasan(pegawai=world.pegawai_b, jabatan=world.kepala_a, mulai=datetime.date(2022, 1, 1))
    with pytest.raises(ValidationError) as error:
        overlap.full_clean()
    assert "sudah dipegang Dr. Ani, M.Si" in str(error.value)


def test_plt_alongside_a_definitive_post_is_allowed(world):
    plt = Penugasan(
        pegawai=world.pegawai_a, jabatan=world.sekretaris_a, jenis=Penugasan.Jenis.PLT, mulai=datetime.date(2022, 1, 1)
    )
    plt.full_clean()


def test_end_before_start_is_refused_by_the_database_rule(world):
    wrong = Penugasan(
        pegawai=world.pegawai_b,
        jabatan=world.sekretaris_a,
        mulai=datetime.date(2022, 1, 1),
        selesai=datetime.date(2021, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai" in str(error.value)


def test_jabatan_chain_rules(world):
    second_head = Jabatan(opd=world.opd_a, nama="Kepala Kedua", jenjang=Jenjang.JPT_PRATAMA)
    with pytest.raises(ValidationError, match="sudah punya kepala"):
        second_head.full_clean()
    staff_without_boss = Jabatan(opd=world.opd_a, nama="Analis", jenjang=Jenjang.FUNGSIONAL)
    with pytest.raises(ValidationError, match="Hanya jabatan JPT Pratama"):
        staff_without_boss.full_clean()
    upside_down = Jabatan(opd=world.opd_a, nama="Kabid", jenjang=Jenjang.ADMINISTRATOR, atasan=world.sekretaris_a)
    with pytest.raises(ValidationError, match="harus lebih tinggi"):
        upside_down.full_clean()
    other_opd = Jabatan(opd=world.opd_a, nama="Kabid", jenjang=Jenjang.ADMINISTRATOR, atasan=world.kepala_b)
    with pytest.raises(ValidationError, match="perangkat daerah yang sama"):
        other_opd.full_clean()
