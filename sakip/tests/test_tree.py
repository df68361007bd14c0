"""Copying a tree and the rows that hang from it (sakip.lib.tree), on unit kerja and jabatan."""

import pytest

from sakip.lib.tree import copy_of, copy_rows, copy_tree
from sakip.models import Jabatan, Jenjang, UnitKerja


@pytest.fixture
def units(world):
    """Sekretariat with two subbagian (one with a seksi), and a bidang: three depths in OPD A."""
    opd = world.opd_a

    def unit(nama, parent=None, urutan=0):
        return UnitKerja.objects.create(opd=opd, parent=parent, nama=nama, jenis=UnitKerja.Jenis.BIDANG, urutan=urutan)

    sekretariat = unit("Sekretariat T")
    umum = unit("Subbagian Umum T", sekretariat, 2)
    unit("Subbagian Keuangan T", sekretariat, 1)
    unit("Seksi Arsip T", umum)
    unit("Bidang T", urutan=5)
    return UnitKerja.objects.filter(opd=opd, nama__endswith=" T").order_by("pk")


def test_copy_tree_copies_every_row_under_its_parents_copy(world, units, django_assert_num_queries):
    rows = list(units)
    with django_assert_num_queries(3):  # one insert per depth
        mapping = copy_tree(rows, opd=world.opd_b, nama=lambda u: u.nama + " (salinan)")
    assert set(mapping) == {u.pk for u in rows}
    for old in rows:
        new = mapping[old.pk]
        assert new.pk not in {u.pk for u in rows}
        assert (new.opd_id, new.nama, new.urutan) == (world.opd_b.pk, old.nama + " (salinan)", old.urutan)
        assert new.parent_id == (mapping[old.parent_id].pk if old.parent_id else None)
    copied = UnitKerja.objects.filter(opd=world.opd_b, nama__endswith="(salinan)")
    assert copied.count() == 5 and copied.filter(parent__isnull=True).count() == 2
    assert UnitKerja.objects.get(nama="Seksi Arsip T (salinan)").parent.parent.nama == "Sekretariat T (salinan)"


def test_a_row_whose_parent_is_not_copied_becomes_a_root(world, units):
    umum = units.get(nama="Subbagian Umum T")
    mapping = copy_tree(units.filter(parent=umum.parent).order_by("pk"), nama=lambda u: u.nama + "*")
    assert all(new.parent_id is None for new in mapping.values()) and len(mapping) == 2


def test_copy_rows_points_dependents_at_the_copies(world, units):
    umum = units.get(nama="Subbagian Umum T")
    head = Jabatan.objects.filter(opd=world.opd_b, atasan=None).first() or Jabatan.objects.create(
        opd=world.opd_b, nama="Kepala T", jenjang=Jenjang.JPT_PRATAMA
    )
    head_a = Jabatan.objects.filter(opd=world.opd_a, atasan=None).first()
    kasubbag = Jabatan.objects.create(
        opd=world.opd_a, unit_kerja=umum, atasan=head_a, nama="Kasubbag T", jenjang=Jenjang.PENGAWAS
    )
    staf = Jabatan.objects.create(opd=world.opd_a, atasan=kasubbag, nama="Staf T", jenjang=Jenjang.PELAKSANA)
    unit_map = copy_tree(units, opd=world.opd_b, nama=lambda u: u.nama + " B")
    jabatan = copy_rows([kasubbag, staf], remap={"unit_kerja": unit_map}, opd=world.opd_b, atasan=head)
    assert jabatan[kasubbag.pk].unit_kerja == unit_map[umum.pk] and jabatan[kasubbag.pk].unit_kerja.opd == world.opd_b
    assert jabatan[staf.pk].unit_kerja is None and jabatan[staf.pk].atasan == head
    assert Jabatan.objects.filter(opd=world.opd_b, atasan=head, nama__endswith=" T").count() == 2
    assert copy_rows([]) == {} and copy_tree([]) == {}


def test_a_dependent_whose_owner_was_not_copied_is_an_error(world, units):
    umum = units.get(nama="Subbagian Umum T")
    head_a = Jabatan.objects.filter(opd=world.opd_a, atasan=None).first()
    Jabatan.objects.create(opd=world.opd_a, unit_kerja=umum, atasan=head_a, nama="Kasubbag T", jenjang=Jenjang.PENGAWAS)
    with pytest.raises(KeyError):
        copy_rows(Jabatan.objects.filter(nama="Kasubbag T"), remap={"unit_kerja": {}})


def test_copy_of_is_an_unsaved_copy_with_every_field_but_the_key(world, units):
    umum = units.get(nama="Subbagian Umum T")
    copy = copy_of(umum, nama="Subbagian Umum T (salinan)")
    assert copy.pk is None and UnitKerja.objects.filter(nama="Subbagian Umum T (salinan)").count() == 0
    assert (copy.opd, copy.parent, copy.jenis, copy.urutan) == (umum.opd, umum.parent, umum.jenis, umum.urutan)
    copy.save()
    assert UnitKerja.objects.get(nama="Subbagian Umum T (salinan)").parent == umum.parent
