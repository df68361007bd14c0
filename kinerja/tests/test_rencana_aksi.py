"""Rencana aksi: the penanggung jawab comes from the PK's OPD; a signed PK's rencana aksi is revised in numbered,
audited revisions (PermenPAN-RB 53/2014), shown on its page."""

import datetime
import json

import pytest
from django.urls import reverse

from kinerja import services
from kinerja.models import RencanaAksi, RevisiRencanaAksi
from sakip.audit import history_of
from sakip.models import Pegawai, Penugasan


@pytest.fixture
def draft(world, plan):
    world.pemda.kepala_daerah_nama = "H. ABDUL, S.Sos"
    world.pemda.save()
    return services.susun_dari_renstra(world.kepala_a, 2024)


@pytest.fixture
def signed(world, draft):
    services.ajukan(draft, actor=world.alice)
    return services.tandatangani(draft, actor=world.erin)


def _aksi_url(pk, ra):
    return reverse("kinerja:rencana_aksi_update", args=[pk.pk, ra.pk])


def _aksi_data(pegawai_id="", program="Program 1", uraian="Rapat koordinasi"):
    return {
        "ra-program": program,
        "ra-penanggung_jawab": pegawai_id,
        "aksi-TOTAL_FORMS": "1",
        "aksi-INITIAL_FORMS": "0",
        "aksi-0-uraian": uraian,
        "aksi-0-bulan": ["1", "2"],
    }


def test_penanggung_jawab_is_chosen_among_the_pks_opd_only(client, world, draft):
    [ra] = services.prepare_rencana_aksi(draft)
    # Ani heads OPD A; Budi heads OPD B (same pemda); Citra is of another pemda; Dedi left OPD A in 2022.
    dedi = Pegawai.objects.create(pemda=world.pemda, nama="Dedi", nip="197502022000031002")
    Penugasan.objects.create(
        pegawai=dedi, jabatan=world.sekretaris_a, mulai=datetime.date(2020, 1, 2), selesai=datetime.date(2022, 12, 31)
    )
    client.force_login(world.alice)
    page = client.get(_aksi_url(draft, ra)).content.decode()
    assert "Dr. Ani, M.Si" in page
    assert "Budi, S.E." not in page and "Citra" not in page and "Dedi" not in page
    response = client.post(_aksi_url(draft, ra), _aksi_data(world.pegawai_b.pk))
    assert response.status_code == 200
    assert "Pilih pegawai yang bertugas di perangkat daerah PK ini." in response.content.decode()
    ra.refresh_from_db()
    assert ra.penanggung_jawab is None and not ra.aksi.exists()
    assert client.post(_aksi_url(draft, ra), _aksi_data(world.pegawai_a.pk)).status_code == 302
    ra.refresh_from_db()
    assert ra.penanggung_jawab == world.pegawai_a and ra.aksi.get().uraian == "Rapat koordinasi"


def test_the_service_refuses_a_pegawai_of_another_opd(world, draft):
    [ra] = services.prepare_rencana_aksi(draft)

    class Form:  # a form whose choices were not restricted
        cleaned_data = {"penanggung_jawab": world.pegawai_b}

    with pytest.raises(services.PKError, match="pegawai perangkat daerah PK ini"):
        services.save_aksi(ra, Form(), None, actor=world.alice)


def test_a_draft_pk_s_rencana_aksi_has_no_revisions(client, world, draft):
    [ra] = services.prepare_rencana_aksi(draft)
    client.force_login(world.alice)
    cells = [{"rencana": ra.pk, "kolom": "tw4", "value": "24"}]
    client.post(
        reverse("kinerja:rencana_aksi_grid", args=[draft.pk]),
        json.dumps({"cells": cells}),
        content_type="application/json",
    )
    assert RencanaAksi.objects.get(pk=ra.pk).tw4 == 24
    assert not RevisiRencanaAksi.objects.exists()


def test_a_signed_pk_s_rencana_aksi_is_revised_in_numbered_audited_revisions(client, world, signed):
    [ra] = services.prepare_rencana_aksi(signed)
    client.force_login(world.alice)
    url = reverse("kinerja:rencana_aksi_grid", args=[signed.pk])
    cells = [
        {"rencana": ra.pk, "kolom": "tw4", "value": "24"},
        {"rencana": ra.pk, "kolom": "anggaran", "value": "1.000.000"},
    ]
    assert client.post(url, json.dumps({"cells": cells}), content_type="application/json").status_code == 200
    # Saving the same values again is no revision.
    client.post(url, json.dumps({"cells": cells}), content_type="application/json")
    cells = [{"rencana": ra.pk, "kolom": "tw4", "value": "25"}]
    client.post(url, json.dumps({"cells": cells}), content_type="application/json")
    assert client.post(_aksi_url(signed, ra), _aksi_data(world.pegawai_a.pk), follow=True).status_code == 200

    revisions = list(RevisiRencanaAksi.objects.filter(pk_doc=signed).order_by("nomor"))
    assert [r.nomor for r in revisions] == [1, 2, 3]
    assert [(c["kolom"], c["sebelum"], c["sesudah"]) for c in revisions[0].perubahan] == [
        ("TW IV", "–", "24"),
        ("anggaran (Rp)", "0", "1.000.000"),
    ]
    assert [(c["sebelum"], c["sesudah"]) for c in revisions[1].perubahan] == [("24", "25")]
    assert {c["kolom"] for c in revisions[2].perubahan} == {
        "program/kegiatan/sub kegiatan terkait",
        "penanggung jawab",
        "aksi dan jadwal",
    }
    assert all(r.oleh_nama == "Alice" for r in revisions)
    # Audited: each revision and each changed row has its entry with before and after.
    assert history_of(revisions[0]).exists()
    assert ["24.0000", "25"] in [e.changes_dict.get("tw4") for e in history_of(ra)]
    # The page says the PK is signed and lists the revisions, newest first.
    page = client.get(url).content.decode()
    assert "sudah ditandatangani" in page and 'data-testid="ra-revisi"' in page
    assert page.index("ke-3") < page.index("ke-2") < page.index("ke-1")
    # The signed PK itself has not changed.
    signed.refresh_from_db()
    assert signed.is_signed and signed.indikator.get().target == "24"
