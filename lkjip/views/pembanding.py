"""The national and other regions' figures an LKjIP compares its IKU with (Tabel 3.1b)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lkjip import services
from lkjip.forms import PembandingFormSet
from lkjip.models import Jenis, Pembanding
from lkjip.views.common import dokumen_url, get_dokumen
from renstra.models import Indikator, Level, RenstraVersi
from sakip import access
from sakip.access import Perm


@require_http_methods(["GET", "POST"])
def pembanding_update(request, pk: int):
    dokumen = get_dokumen(request, pk)
    if dokumen.jenis != Jenis.LKJIP:
        raise Http404
    editable = access.can(request.user, Perm.EDIT, dokumen)
    versi = RenstraVersi.objects.berlaku(dokumen.opd, dokumen.tahun)
    indicators = Indikator.objects.filter(elemen__versi=versi).filter(is_iku=True)
    if not indicators.exists():
        indicators = Indikator.objects.filter(elemen__versi=versi, elemen__level=Level.SASARAN)
    queryset = Pembanding.objects.filter(dokumen=dokumen)
    formset = PembandingFormSet(request.POST or None, queryset=queryset)
    for form in formset.forms:
        form.fields["indikator"].queryset = indicators
        form.fields["tahun"].initial = dokumen.tahun
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, dokumen)
        if formset.is_valid():
            services.save_pembanding(dokumen, formset)
            messages.success(request, _("Data pembanding disimpan."))
            return redirect(dokumen_url(dokumen))
    return render(
        request,
        "lkjip/pembanding.html",
        {"dokumen": dokumen, "formset": formset, "editable": editable, "back": dokumen_url(dokumen)},
    )
