"""Verification of realisasi: the queue (verify or return in bulk) and one realisasi at a time."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.forms import KembalikanForm
from kinerja.models import Realisasi
from kinerja.realisasi import verifikasi as svc
from kinerja.views.realisasi import render_detail
from renstra.models import Indikator
from sakip.lib.values import parse_id


def dibuka(request, hasil) -> None:
    """Tell the verifier which closed quarters their return reopened for the OPD to correct."""
    if hasil.dibuka:
        messages.info(
            request,
            _("Triwulan yang sudah ditutup dibuka kembali untuk perbaikan: %(tw)s. Admin pemda dapat menutupnya lagi.")
            % {"tw": "; ".join(hasil.dibuka)},
        )


@require_http_methods(["GET", "POST"])
def verifikasi(request):
    """The queue of realisasi waiting for verification, verified or returned in bulk."""
    tahun = request.GET.get("tahun", "")
    queue = svc.antrean(request.user, parse_id(tahun))
    if request.method == "POST":
        ids = [i for x in request.POST.getlist("item") if (i := parse_id(x)) is not None]
        items = list(queue.filter(pk__in=ids))
        if not items:
            messages.error(request, _("Pilih realisasi yang akan diverifikasi atau dikembalikan."))
            return redirect(request.get_full_path())
        if any(not svc.can_verify(request.user, i.opd_id) for i in items):
            raise PermissionDenied
        setuju = request.POST.get("action") == "setuju"
        try:
            hasil = svc.verifikasi(items, actor=request.user, setuju=setuju, komentar=request.POST.get("komentar", ""))
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                (_("%d realisasi diverifikasi.") if setuju else _("%d realisasi dikembalikan.")) % hasil.jumlah,
            )
            dibuka(request, hasil)
        return redirect(request.get_full_path())
    return render(
        request, "kinerja/realisasi/verifikasi.html", {"queue": queue[:500], "total": queue.count(), "tahun": tahun}
    )


@require_POST
def verifikasi_satu(request, pk: int):
    """Verify or return one realisasi from its own page; a return without a reason shows the page again with
    the message at the reason."""
    item = get_object_or_404(Realisasi.objects.for_user(request.user).select_related("indikator"), pk=pk)
    if not svc.can_verify(request.user, item.opd_id):
        raise PermissionDenied
    form = KembalikanForm(request.POST)
    if not form.is_valid():
        ind = Indikator.objects.select_related("elemen__versi__renstra__opd__pemda").get(pk=item.indikator_id)
        return render_detail(request, ind, item.tahun, item.triwulan, kembalikan_form=form, status=400)
    setuju = form.setuju
    try:
        hasil = svc.verifikasi([item], actor=request.user, setuju=setuju, komentar=form.cleaned_data["komentar"])
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Realisasi diverifikasi.") if setuju else _("Realisasi dikembalikan."))
        dibuka(request, hasil)
    return redirect("realisasi:realisasi_detail", ind=item.indikator_id, tahun=item.tahun, tw=item.triwulan)
