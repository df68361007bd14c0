"""Reminders by e-mail (``manage.py send_reminders``, run daily by cron): a week and a day before a realisasi
window closes, when realisasi or a PK is returned to the planner, and when a PK waits for its signer.

Recipients are the active users of the role concerned, within the item's scope, who have an e-mail address:
the planners of the OPD (of the window's pemda), or the pimpinan holding the PK's position today. Each item,
threshold and recipient is sent once: the :class:`~kinerja.models.Pengingat` row is written in the same
transaction as the mail is handed to the backend (a failed send rolls it back, to be retried on the next run;
two runs at once collide on the unique constraint and the second sends nothing). Each recipient gets one mail
per run listing everything new for them. The same work is shown live in their inbox (:mod:`kinerja.inbox`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kinerja.models import JendelaRealisasi, Pengingat, PerjanjianKinerja, Realisasi
from kinerja.realisasi.jendela import terbuka
from sakip.lib.periode import roman
from sakip.models import Penugasan, Peran, PerangkatDaerah, User

AMBANG_HARI = {"h-7": 7, "h-1": 1}  # days before the closing date
BARU = datetime.timedelta(days=30)  # a return older than this is not reminded (first run on old data)


@dataclass(frozen=True)
class Butir:
    """One thing to remind of: its key and threshold (unique with the recipient), text and link."""

    kunci: str
    ambang: str
    subjek: str
    uraian: str
    tautan: str  # a path; the mail prefixes SITE_URL


def _perencana(opd_ids) -> dict[int, list[User]]:
    """OPD → its active planners with an e-mail address, of the OPD's own pemda (one query)."""
    out: dict[int, list[User]] = defaultdict(list)
    roles = (
        Peran.objects.filter(jenis=Peran.Jenis.PERENCANA, opd_id__in=set(opd_ids), user__is_active=True)
        .filter(user__pemda_id=F("opd__pemda_id"))
        .exclude(user__email="")
        .select_related("user")
    )
    for peran in roles:
        if peran.opd_id is not None:
            out[peran.opd_id].append(peran.user)
    return out


def jendela_akan_ditutup(today: datetime.date) -> list[tuple[Butir, User]]:
    """Open windows closing within a week: the "h-7" reminder, and "h-1" on the last day but one or later."""
    windows = list(
        JendelaRealisasi.objects.filter(terbuka(today), ditutup_pada__lte=today + datetime.timedelta(days=7))
    )
    if not windows:
        return []
    opds = list(PerangkatDaerah.objects.filter(pemda_id__in={w.pemda_id for w in windows}, aktif=True))
    planners = _perencana([o.pk for o in opds])
    out = []
    for window in windows:
        assert window.ditutup_pada is not None  # filtered on it above
        left = (window.ditutup_pada - today).days
        ambang = "h-1" if left <= AMBANG_HARI["h-1"] else "h-7"
        text = {"tw": roman(window.triwulan), "tahun": window.tahun, "tgl": date_format(window.ditutup_pada, "j F Y")}
        for opd in (o for o in opds if o.pemda_id == window.pemda_id):
            butir = Butir(
                f"jendela:{window.pk}:{opd.pk}:{window.ditutup_pada.isoformat()}",
                ambang,
                _("Triwulan %(tw)s %(tahun)s ditutup %(tgl)s") % text,
                _("Realisasi triwulan %(tw)s %(tahun)s %(opd)s dapat diisi sampai %(tgl)s (%(n)d hari lagi).")
                % {**text, "opd": opd.nama, "n": left},
                reverse("realisasi:indikator_grid", args=[opd.pk, window.tahun]),
            )
            out += [(butir, user) for user in planners.get(opd.pk, [])]
    return out


def realisasi_dikembalikan(today: datetime.date) -> list[tuple[Butir, User]]:
    """Realisasi returned lately, to the planners of their OPD."""
    rows = list(
        Realisasi.objects.filter(
            status=Realisasi.Status.DIKEMBALIKAN, diverifikasi_pada__gte=timezone.now() - BARU
        ).select_related("indikator__elemen__versi__renstra")
    )
    planners = _perencana({r.opd_id for r in rows})
    out = []
    for r in rows:
        butir = Butir(
            f"realisasi:{r.pk}:{r.diverifikasi_pada:%Y%m%d%H%M%S%f}",
            "dikembalikan",
            _("Realisasi dikembalikan"),
            _("Realisasi TW %(tw)s %(tahun)s \u201c%(ind)s\u201d dikembalikan oleh %(nama)s: %(komentar)s")
            % {
                "tw": roman(r.triwulan),
                "tahun": r.tahun,
                "ind": r.indikator.uraian,
                "nama": r.diverifikasi_oleh_nama,
                "komentar": r.komentar,
            },
            reverse("realisasi:realisasi_detail", args=[r.indikator_id, r.tahun, r.triwulan]),
        )
        out += [(butir, user) for user in planners.get(r.opd_id, [])]
    return out


def pk_dikembalikan(today: datetime.date) -> list[tuple[Butir, User]]:
    """Draft PKs returned by the pimpinan with a note, to the planners of the OPD."""
    pks = list(
        PerjanjianKinerja.objects.filter(status=PerjanjianKinerja.Status.DRAFT, updated_at__gte=timezone.now() - BARU)
        .exclude(catatan_pengembalian="")
        .select_related("jabatan")
    )
    planners = _perencana({pk.opd_id for pk in pks})
    out = []
    for pk in pks:
        butir = Butir(
            f"pk:{pk.pk}:{pk.diajukan_pada:%Y%m%d%H%M%S%f}",
            "dikembalikan",
            _("PK dikembalikan"),
            _("%(pk)s dikembalikan pimpinan: %(catatan)s")
            % {"pk": f"{pk.get_jenis_display()} {pk.tahun} · {pk.jabatan.nama}", "catatan": pk.catatan_pengembalian},
            pk.get_absolute_url(),
        )
        out += [(butir, user) for user in planners.get(pk.opd_id, [])]
    return out


def pk_menunggu_tanda_tangan(today: datetime.date) -> list[tuple[Butir, User]]:
    """Submitted PKs, to the pimpinan holding the position today (of the PK's pemda)."""
    pks = list(
        PerjanjianKinerja.objects.filter(status=PerjanjianKinerja.Status.DIAJUKAN).select_related("jabatan", "opd")
    )
    holders: dict[int, set[int]] = defaultdict(set)
    for jabatan_id, pegawai_id in (
        Penugasan.objects.aktif_pada(today)
        .filter(jabatan_id__in={pk.jabatan_id for pk in pks})
        .values_list("jabatan_id", "pegawai_id")
    ):
        holders[jabatan_id].add(pegawai_id)
    signers: dict[int, list[User]] = defaultdict(list)
    users = (
        User.objects.filter(
            pegawai_id__in={p for s in holders.values() for p in s},
            is_active=True,
            peran__jenis=Peran.Jenis.PIMPINAN,
        )
        .exclude(email="")
        .distinct()
    )
    for user in users:
        signers[user.pegawai_id].append(user)
    out = []
    for pk in pks:
        butir = Butir(
            f"pk:{pk.pk}:{pk.diajukan_pada:%Y%m%d%H%M%S%f}",
            "menunggu-ttd",
            _("PK menunggu tanda tangan Anda"),
            _("%(pk)s (%(opd)s) diajukan oleh %(nama)s dan menunggu tanda tangan Anda.")
            % {
                "pk": f"{pk.get_jenis_display()} {pk.tahun} · {pk.jabatan.nama}",
                "opd": pk.opd.nama,
                "nama": pk.diajukan_oleh_nama,
            },
            pk.get_absolute_url(),
        )
        for pegawai_id in holders.get(pk.jabatan_id, ()):
            out += [(butir, u) for u in signers.get(pegawai_id, []) if u.pemda_id == pk.opd.pemda_id]
    return out


SUMBER = (jendela_akan_ditutup, realisasi_dikembalikan, pk_dikembalikan, pk_menunggu_tanda_tangan)


def due(today: datetime.date | None = None) -> dict[User, list[Butir]]:
    """What each recipient should be reminded of today and was not yet (a fixed number of queries)."""
    today = today or timezone.localdate()
    pairs = [pair for source in SUMBER for pair in source(today)]
    sent = set(
        Pengingat.objects.filter(
            penerima_id__in={u.pk for _b, u in pairs}, kunci__in={b.kunci for b, _u in pairs}
        ).values_list("penerima_id", "kunci", "ambang")
    )
    out: dict[User, list[Butir]] = defaultdict(list)
    for butir, user in pairs:
        if (user.pk, butir.kunci, butir.ambang) not in sent and butir not in out[user]:
            out[user].append(butir)
    return dict(out)


def kirim(today: datetime.date | None = None) -> int:
    """Send today's reminders, each once; returns the number of mails sent."""
    sent = 0
    for user, items in due(today).items():
        try:
            with transaction.atomic():
                Pengingat.objects.bulk_create(
                    [Pengingat(penerima=user, penerima_nama=user.get_full_name(), **fields(b)) for b in items]
                )
                context = {"user": user, "items": items, "site_url": settings.SITE_URL}
                subject = items[0].subjek if len(items) == 1 else _("%(n)d pengingat dari Sakip") % {"n": len(items)}
                body = render_to_string("kinerja/email/pengingat.txt", context)
                send_mail(f"[Sakip] {subject}", body, None, [user.email])
        except IntegrityError:  # another run sent (some of) these at the same moment: theirs stands
            continue
        sent += 1
    return sent


def fields(butir: Butir) -> dict:
    return {"kunci": butir.kunci, "ambang": butir.ambang, "subjek": butir.subjek[:200], "tautan": butir.tautan}
