"""A PK drafted from the owners the pohon kinerja gives each position."""

from __future__ import annotations

from kinerja.services import susun_dari_renstra
from pohon.models import Terjemahan, Tingkat
from pohon.tests.conftest import make_node
from renstra import services as renstra_services
from renstra.models import Elemen, Level
from renstra.testing import generate_plan
from sakip.models import Jenjang


def test_pk_draft_takes_the_elements_the_tree_gives_the_position(world, pohon, plan):
    generate_plan(plan, programs=2)
    renstra_services.tetapkan(plan, berlaku_mulai=2021, actor=None)
    program2 = Elemen.objects.get(versi=plan, level=Level.PROGRAM, nama="Program 2")
    outcome = make_node(pohon, Tingkat.OUTCOME, "Rasa aman", indikator="Zero konflik")
    strategis = make_node(pohon, Tingkat.STRATEGIS, "Konflik dicegah", outcome, indikator="X")
    node = make_node(
        pohon, Tingkat.INTERMEDIATE, "Kewaspadaan", strategis, indikator="Y", jabatan=world.sekretaris_a,
        jenjang=Jenjang.ADMINISTRATOR,
    )  # fmt: skip
    Terjemahan.objects.create(simpul=node, elemen=program2)
    pk = susun_dari_renstra(world.sekretaris_a, 2022)
    assert {row.sasaran for row in pk.indikator.all()} == {"Program 2"}
    assert [row.kode for row in pk.anggaran.all()] == [k.kode for k in program2.children.order_by("urutan")]
