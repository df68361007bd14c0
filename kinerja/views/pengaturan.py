"""The admin pemda's settings: the PK statement text, the realisasi entry windows, the capaian rules."""

from __future__ import annotations

import copy

from django import forms as django_forms
from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja import services
from kinerja.forms import JendelaForm, PengaturanCapaianForm
from kinerja.models import JendelaRealisasi, NaskahPK, PengaturanCapaian
from kinerja.realisasi.jendela import TRIWULAN, save_jendela
from kinerja.views.common import valid_tahun, year_links
from sakip import access
from sakip.access import Perm
from sakip.lib.periode import roman
from sakip.views.generic import require_pemda


@require_http_methods(["GET", "POST"])
def naskah_pk(request):
    """The admin pemda's statement text for every new PK (signed ones keep the text they were signed with)."""
    pemda = require_pemda(request.user)
    access.require(request.user, Perm.MANAGE, pemda)
    # Created by the first save, never by opening the page (a GET writes nothing).
    naskah = NaskahPK.objects.filter(pemda=pemda).first() or NaskahPK(pemda=pemda)
    form_class = django_forms.modelform_factory(
        NaskahPK,
        fields=["pembuka", "janji_pertama", "janji_kedua"],
        widgets={f: django_forms.Textarea(attrs={"rows": 3}) for f in ("pembuka", "janji_pertama", "janji_kedua")},
    )
    form = form_class(request.POST or None, instance=naskah)
    if request.method == "POST" and form.is_valid():
        services.save_naskah_pk(pemda, form.cleaned_data)
        messages.success(request, _("Naskah PK disimpan; berlaku untuk PK yang disusun berikutnya."))
        return redirect("kinerja:naskah_pk")
    return render(
        request,
        "sakip/object_form.html",
        {"form": form, "title": _("Naskah Perjanjian Kinerja %(p)s") % {"p": pemda.nama}, "cancel_url": "/"},
    )


def _admin_pemda(request):
    pemda = require_pemda(request.user)
    access.require(request.user, Perm.MANAGE, pemda)
    return pemda


@require_http_methods(["GET", "POST"])
def jendela(request, tahun: int):
    """The admin pemda opens and closes each triwulan, and reopens a closed one for chosen OPD."""
    pemda, tahun = _admin_pemda(request), valid_tahun(tahun)
    windows = {w.triwulan: w for w in JendelaRealisasi.objects.filter(pemda=pemda, tahun=tahun)}
    forms = {}
    for q in TRIWULAN:
        # The form gets its own copy: a refused post must not change what the card's header says is saved.
        saved = windows.get(q)
        instance = copy.copy(saved) if saved else JendelaRealisasi(pemda=pemda, tahun=tahun, triwulan=q, terbuka=False)
        data = request.POST if request.method == "POST" and request.POST.get("triwulan") == str(q) else None
        forms[q] = JendelaForm(data, instance=instance, pemda=pemda, prefix=f"tw{q}")
    if request.method == "POST":
        q = int(request.POST.get("triwulan", 0) or 0)
        form = forms.get(q)
        if form is not None and form.is_valid():
            try:
                save_jendela(form)
            except IntegrityError:  # another admin opened the same triwulan at the same moment
                messages.error(request, _("Jendela ini baru saja diubah pengguna lain; periksa lalu ulangi."))
                return redirect("realisasi:jendela_update", tahun=tahun)
            state = _("dibuka") if form.instance.terbuka else _("ditutup")
            messages.success(
                request,
                _("Triwulan %(tw)s %(tahun)s %(state)s.") % {"tw": roman(q), "tahun": tahun, "state": state},
            )
            return redirect("realisasi:jendela_update", tahun=tahun)
    return render(
        request,
        "kinerja/realisasi/jendela.html",
        {
            "tahun": tahun,
            "forms": [(q, roman(q), forms[q], windows.get(q)) for q in TRIWULAN],
            "year_links": year_links(request, tahun),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
def pengaturan(request):
    pemda = require_pemda(request.user)
    setting = PengaturanCapaian.objects.filter(pemda=pemda).first() or PengaturanCapaian(pemda=pemda)
    may_edit = access.can(request.user, Perm.MANAGE, pemda)
    form = PengaturanCapaianForm(request.POST or None, instance=setting)
    if request.method == "POST":
        access.require(request.user, Perm.MANAGE, pemda)
        if form.is_valid():
            services.save_pengaturan_capaian(pemda, form.cleaned_data)
            messages.success(request, _("Pengaturan capaian disimpan; semua capaian dihitung ulang dengan aturan ini."))
            return redirect("realisasi:pengaturan_update")
    return render(
        request,
        "kinerja/realisasi/pengaturan.html",
        {"form": form, "may_edit": may_edit, "uraian": setting.kebijakan().uraian()},
    )
