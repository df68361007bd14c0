"""The Beranda inbox per role, the windows' dates and the reminders: each user's pending work within their
scope, linking where it is done, gone once done; reminders once per item, threshold and recipient."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from kinerja import pengingat, services
from kinerja.models import JendelaRealisasi, Pengingat, Realisasi
from kinerja.realisasi.jendela import status_jendela, triwulan_ditutup
from kinerja.realisasi.lembar import save_realisasi
from kinerja.realisasi.verifikasi import verifikasi
from lkjip.models import Dokumen, Final
from renstra import services as renstra_services
from renstra.models import Elemen, Indikator, Level, RenstraVersi, Target
from renstra.testing import generate_plan, make_versi
from sakip.testing import assert_same_queries, capture_queries

DEC = datetime.date(2026, 12, 1)


def items(client, user):
    """The inbox items of the user's home page: (jenis, title, link)."""
    client.force_login(user)
    html = client.get("/").content.decode()
    out = []
    for chunk in html.split('data-testid="inbox-item"')[1:]:
        jenis = chunk.split('data-jenis="')[1].split('"')[0]
        title = chunk.split('<span class="fw-semibold">')[1].split("</span>")[0]
        out.append((jenis, title))
    return out, html


@pytest.fixture
def plan_b(world, plan):
    versi = generate_plan(make_versi(world.opd_b, plan.renstra.periode))
    return renstra_services.tetapkan(versi, berlaku_mulai=2021, actor=None)


@pytest.fixture
def window(world, plan):
    return JendelaRealisasi.objects.create(
        pemda=world.pemda,
        tahun=2026,
        triwulan=4,
        terbuka=True,
        dibuka_pada=datetime.date(2026, 10, 1),
        ditutup_pada=datetime.date(2026, 12, 8),
    )


def submitted_pk(world, jabatan):
    world.pemda.kepala_daerah_nama = "H. ABDUL, S.Sos"
    world.pemda.save()
    pk = services.susun_dari_renstra(jabatan, 2026)
    return services.ajukan(pk, actor=world.alice)


def test_pimpinan_sees_the_pk_to_sign_and_the_planner_the_pk_returned(client, world, plan, plan_b):
    pk_a, pk_b = submitted_pk(world, world.kepala_a), submitted_pk(world, world.kepala_b)
    found, html = items(client, world.erin)
    assert [j for j, _t in found] == ["pk-tanda-tangan"]
    assert "Kepala Badan" in found[0][1] and f'href="{pk_a.get_absolute_url()}"' in html
    assert pk_b.get_absolute_url() not in html  # another position's PK
    services.kembalikan(pk_a, actor=world.erin, catatan="Target sasaran terlalu rendah")
    assert items(client, world.erin)[0] == []
    found, html = items(client, world.alice)
    assert ("pk-dikembalikan", "Perbaiki Perjanjian Kinerja 2026 · Kepala Badan") in found
    assert "Target sasaran terlalu rendah" in html and pk_a.get_absolute_url() in html
    assert not [j for j, _t in items(client, world.carol)[0] if j == "pk-dikembalikan"]  # OPD B's planner
    services.ajukan(pk_a, actor=world.alice)
    assert not [j for j, _t in items(client, world.alice)[0] if j == "pk-dikembalikan"]


def test_planner_sees_the_open_quarter_and_returned_realisasi_of_their_opd_only(client, world, plan, plan_b, window):
    found, html = items(client, world.alice)
    assert ("jendela", "Isi realisasi TW IV 2026 · Badan A") in found
    assert "ditutup 8 Desember 2026 (7 hari lagi)" in html
    assert reverse("realisasi:indikator_grid", args=[world.opd_a.pk, 2026]) in html
    assert "Dinas B" not in html and ("jendela", "Isi realisasi TW IV 2026 · Dinas B") in items(client, world.carol)[0]
    assert items(client, world.frank)[0] == []  # another pemda

    ind = Indikator.objects.filter(elemen__versi=plan).first()
    r = Realisasi.objects.create(
        indikator=ind, tahun=2026, triwulan=4, nilai=Decimal(5), status="dikembalikan", komentar="Bukti?"
    )
    found, html = items(client, world.alice)
    assert ("realisasi-dikembalikan", f"Perbaiki realisasi TW IV 2026: {ind.uraian}") in found
    assert reverse("realisasi:realisasi_detail", args=[ind.pk, 2026, 4]) in html and "Bukti?" in html
    assert "realisasi-dikembalikan" not in items(client, world.carol)[1]
    assert "realisasi-dikembalikan" not in items(client, world.bob)[1]  # the evaluator does not correct
    save_realisasi(world.opd_a, 2026, [{"indikator": ind.pk, "kolom": "tw4", "value": "6"}], actor=world.alice)
    r.refresh_from_db()
    assert r.status == "menunggu"
    assert "realisasi-dikembalikan" not in items(client, world.alice)[1]

    # Every value of TW IV in: the quarter leaves the inbox.
    for other in Indikator.objects.filter(elemen__versi=plan).exclude(pk=ind.pk):
        Realisasi.objects.create(indikator=other, tahun=2026, triwulan=4, nilai=Decimal(1))
    assert not [t for j, t in items(client, world.alice)[0] if j == "jendela"]


def test_evaluator_sees_what_waits_for_verification_and_new_final_documents(client, world, plan, plan_b):
    ind_a = Indikator.objects.filter(elemen__versi=plan).first()
    ind_b = Indikator.objects.filter(elemen__versi=plan_b).first()
    waiting = Realisasi.objects.create(indikator=ind_a, tahun=2026, triwulan=3, nilai=Decimal(5))
    Realisasi.objects.create(indikator=ind_b, tahun=2026, triwulan=3, nilai=Decimal(5))
    for opd in (world.opd_a, world.opd_b):
        doc = Dokumen.objects.create(jenis=Dokumen.Jenis.LKJIP, opd=opd, tahun=2025)
        Final.objects.create(dokumen=doc, nomor=1, pdf="x.pdf", sha256="a", sidik="b", snapshot={})
    found, html = items(client, world.bob)
    assert found == [
        ("verifikasi", "Verifikasi realisasi 2026 · Badan A"),
        ("dokumen-final", "Baca LKjIP 2025 Badan A (final 1)"),
    ]
    assert reverse("realisasi:verifikasi_list") + "?tahun=2026" in html
    assert reverse("lkjip:lkjip_detail", args=[world.opd_a.pk, 2025]) in html and "Dinas B" not in html
    verifikasi([waiting], actor=world.bob, setuju=True)
    assert [j for j, _t in items(client, world.bob)[0]] == ["dokumen-final"]


def test_evaluator_final_documents_leave_after_thirty_days(client, world, plan, time_machine):
    doc = Dokumen.objects.create(jenis=Dokumen.Jenis.LKJIP, opd=world.opd_a, tahun=2025)
    Final.objects.create(dokumen=doc, nomor=1, pdf="x.pdf", sha256="a", sidik="b", snapshot={})
    assert items(client, world.bob)[0]
    time_machine.move_to(datetime.datetime(2027, 1, 2, 10, 0))
    assert items(client, world.bob)[0] == []


def test_admin_sees_opd_behind_schedule_in_their_pemda(client, world, plan, plan_b):
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2026, triwulan=4, terbuka=True)
    assert items(client, world.dave)[0] == []  # nothing closed yet
    JendelaRealisasi.objects.filter(triwulan=4).update(ditutup_pada=datetime.date(2026, 11, 30))  # past: closed
    found, html = items(client, world.dave)
    assert [t for _j, t in found] == ["Badan A tertinggal", "Dinas B tertinggal"]
    assert reverse("realisasi:opd_dashboard", args=[world.opd_a.pk, 2026]) in html
    assert items(client, world.frank)[0] == []
    for ind in Indikator.objects.filter(elemen__versi=plan):
        Realisasi.objects.create(indikator=ind, tahun=2026, triwulan=4, nilai=Decimal(1))
    assert [t for _j, t in items(client, world.dave)[0]] == ["Dinas B tertinggal"]


def test_planner_sees_drafts_to_finish_and_empty_targets(client, world, plan):
    draft = RenstraVersi.objects.create(renstra=plan.renstra, nomor=2, jenis="perubahan")
    el = Elemen.objects.create(versi=draft, level=Level.TUJUAN, nama="Tujuan baru", urutan=1)
    ind = Indikator.objects.create(elemen=el, uraian="Indeks baru", urutan=1)
    found, html = items(client, world.alice)
    assert [j for j, _t in found] == ["renstra-draf", "target-kosong"]
    assert draft.get_absolute_url() in html and reverse("renstra:target_grid", args=[draft.pk]) in html
    assert items(client, world.carol)[0] == [] and "renstra-draf" not in items(client, world.bob)[1]
    for tahun in range(2021, 2027):
        Target.objects.create(indikator=ind, tahun=tahun, nilai=Decimal(1))
    assert [j for j, _t in items(client, world.alice)[0]] == ["renstra-draf"]
    draft.delete()
    assert items(client, world.alice)[0] == []


def test_inbox_queries_do_not_grow_with_the_data(client, world, plan, plan_b, window):
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2026, triwulan=3, terbuka=False)
    ind = list(Indikator.objects.filter(elemen__versi=plan))
    submitted_pk(world, world.kepala_a)

    def pages():
        logs = []
        for user in (world.alice, world.bob, world.dave, world.erin):
            client.force_login(user)
            with capture_queries(user.username) as log:
                assert client.get("/").status_code == 200
            logs.append(log)
        return logs

    Realisasi.objects.create(indikator=ind[0], tahun=2026, triwulan=4, nilai=Decimal(1), status="dikembalikan")
    small = pages()
    for i in ind[1:6]:
        Realisasi.objects.create(indikator=i, tahun=2026, triwulan=4, nilai=Decimal(1), status="dikembalikan")
        Realisasi.objects.create(indikator=i, tahun=2026, triwulan=3, nilai=Decimal(1))
    submitted_pk(world, world.kepala_b)
    assert_same_queries(small, pages())


def test_window_dates_bound_entry_and_count_as_closed_after(world, plan, window, time_machine):
    assert status_jendela(world.opd_a, 2026)[4] is True
    assert 4 not in triwulan_ditutup(world.pemda, 2026)
    time_machine.move_to(datetime.datetime(2026, 12, 9, 10, 0))  # past the closing date
    assert status_jendela(world.opd_a, 2026)[4] is False
    assert 4 in triwulan_ditutup(world.pemda, 2026)
    window.dibuka_untuk.add(world.opd_a)  # reopening for an OPD overrides the date
    assert status_jendela(world.opd_a, 2026)[4] is True and status_jendela(world.opd_b, 2026)[4] is False


def test_admin_sets_the_dates_on_the_window_page(client, world):
    client.force_login(world.dave)
    url = reverse("realisasi:jendela_update", args=[2026])
    data = {"triwulan": "4", "tw4-terbuka": "on", "tw4-dibuka_pada": "2026-10-01", "tw4-ditutup_pada": "2026-09-01"}
    response = client.post(url, data)
    assert "Tanggal tutup tidak boleh sebelum tanggal buka." in response.content.decode()
    response = client.post(url, {**data, "tw4-ditutup_pada": "2026-12-08"}, follow=True)
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=2026, triwulan=4)
    assert (window.dibuka_pada, window.ditutup_pada) == (datetime.date(2026, 10, 1), datetime.date(2026, 12, 8))
    assert "Dibuka 1 Oktober 2026 · ditutup 8 Desember 2026" in response.content.decode()


def test_reminders_a_week_and_a_day_before_closing_each_once(world, plan, plan_b, window, time_machine):
    for user, email in ((world.alice, "alice@satu.go.id"), (world.carol, ""), (world.frank, "frank@dua.go.id")):
        user.email = email
        user.save()
    call_command("send_reminders", verbosity=0)
    assert [m.to for m in mail.outbox] == [["alice@satu.go.id"]]  # carol has no address; frank's pemda has none
    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "[Sakip] Triwulan IV 2026 ditutup 8 Desember 2026"
    assert "dapat diisi sampai 8 Desember 2026 (7 hari lagi)" in body
    assert "http://testserver" not in body and reverse("realisasi:indikator_grid", args=[world.opd_a.pk, 2026]) in body
    assert pengingat.kirim() == 0  # never twice
    time_machine.move_to(datetime.datetime(2026, 12, 4, 10, 0))
    assert pengingat.kirim() == 0  # still the week's reminder
    time_machine.move_to(datetime.datetime(2026, 12, 7, 10, 0))
    assert pengingat.kirim() == 1 and "(1 hari lagi)" in mail.outbox[-1].body
    assert pengingat.kirim() == 0
    assert sorted(Pengingat.objects.values_list("ambang", flat=True)) == ["h-1", "h-7"]


def test_reminders_when_returned_or_waiting_for_a_signature(world, plan):
    world.alice.email, world.erin.email = "alice@satu.go.id", "erin@satu.go.id"
    world.alice.save()
    world.erin.save()
    pk = submitted_pk(world, world.kepala_a)
    ind = Indikator.objects.filter(elemen__versi=plan).first()
    r = Realisasi.objects.create(indikator=ind, tahun=2026, triwulan=3, nilai=Decimal(5))
    verifikasi([r], actor=world.bob, setuju=False, komentar="Lampirkan bukti")
    assert pengingat.kirim() == 2
    by = {m.to[0]: m for m in mail.outbox}
    assert by["erin@satu.go.id"].subject == "[Sakip] PK menunggu tanda tangan Anda"
    assert pk.get_absolute_url() in by["erin@satu.go.id"].body
    assert "dikembalikan oleh Bob: Lampirkan bukti" in by["alice@satu.go.id"].body
    assert pengingat.kirim() == 0
    services.kembalikan(pk, actor=world.erin, catatan="Perbaiki target")
    assert pengingat.kirim() == 1 and "Perbaiki target" in mail.outbox[-1].body
    services.ajukan(pk, actor=world.alice)  # submitted again: a new item for the signer
    assert pengingat.kirim() == 1 and mail.outbox[-1].to == ["erin@satu.go.id"]
