"""The pohon kinerja's rules: levels go down, branches never loop, crosscutting stays in the pemda, a revision copies the tree."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from pohon import services
from pohon.models import Lintas, PohonKinerja, Simpul, Tingkat
from pohon.tests.conftest import make_node
from sakip.models import Jenjang


def test_levels_go_down_and_branches_cannot_loop(world, pohon):
    outcome = make_node(pohon, Tingkat.OUTCOME, "Rasa aman meningkat")
    strategis = make_node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome)
    with pytest.raises(ValidationError) as error:
        make_node(pohon, Tingkat.OUTCOME, "Outcome di bawah sasaran", strategis)
    assert "tingkat" in error.value.message_dict
    # A skipped level is allowed but listed by the checks.
    skipped = make_node(pohon, Tingkat.OPERASIONAL, "Rapat terlaksana", strategis, indikator="Jumlah rapat")
    assert skipped.jenjang == Jenjang.FUNGSIONAL  # the owner level follows the level
    found = services.check(services.load(pohon))
    assert [t.simpul for t in found if t.jenis == "tingkat"] == [skipped]
    # A branch cannot move under itself, nor under a node of a lower level.
    with pytest.raises(ValidationError):
        services.move_simpul(outcome, skipped)
    with pytest.raises(ValidationError):
        services.move_simpul(strategis, skipped)
    # The owner must be a position of the same OPD, of the level chosen.
    node = Simpul(pohon=pohon, parent=outcome, tingkat=Tingkat.STRATEGIS, kinerja="X", jabatan=world.kepala_b)
    with pytest.raises(ValidationError) as error:
        services.save_simpul(node)
    assert "jabatan" in error.value.message_dict
    node = Simpul(
        pohon=pohon, parent=outcome, tingkat=Tingkat.STRATEGIS, kinerja="X", jenjang=Jenjang.PENGAWAS,
        jabatan=world.kepala_a,
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.save_simpul(node)


def test_crosscutting_partner_is_another_opd_of_the_same_pemda(world, pohon):
    node = make_node(pohon, Tingkat.OUTCOME, "Batas wilayah terkoordinasi")
    for partner in (world.opd_a, world.opd_c):
        with pytest.raises(ValidationError):
            Lintas(simpul=node, mitra=partner).full_clean()
    Lintas(simpul=node, mitra=world.opd_b).full_clean()


def test_revision_copies_the_tree_for_a_later_year(world, pohon):
    outcome = make_node(pohon, Tingkat.OUTCOME, "Rasa aman meningkat", indikator="Zero konflik")
    make_node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome, indikator="Persentase konflik ditangani")
    Lintas.objects.create(simpul=outcome, mitra=world.opd_b)
    baru = services.revisi(pohon, 2024)
    tree = services.load(baru)
    assert [n.kinerja for n in tree.flat()] == ["Rasa aman meningkat", "Konflik dicegah"]
    assert tree.roots[0].daftar_lintas[0].mitra == world.opd_b
    assert PohonKinerja.objects.berlaku(world.opd_a, 2023) == pohon
    assert PohonKinerja.objects.berlaku(world.opd_a, 2025) == baru
    with pytest.raises(ValidationError):
        services.revisi(pohon, 2024)  # one tree per year
