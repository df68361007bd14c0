"""Writing a document's narratives, section by section."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lkjip import angka, narasi
from lkjip import render as rendering
from lkjip.views.common import dokumen_url, ensure_dokumen, get_dokumen
from sakip import access
from sakip.access import Perm


@require_http_methods(["GET", "POST"])
def narasi_update(request, pk: int, kunci: str):
    dokumen = get_dokumen(request, pk)
    sections = {b.kunci: b for b in narasi.bagian(dokumen, rendering.sasaran_nodes(dokumen))}
    section = sections.get(kunci)
    if section is None:
        raise Http404
    editable = access.can(request.user, Perm.EDIT, dokumen)
    current = dokumen.narasi.filter(kunci=kunci).first()
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, dokumen)
        narasi.save(dokumen, kunci, request.POST.get("isi", ""), actor=request.user)
        messages.success(request, _("Narasi \u201c%(b)s\u201d disimpan.") % {"b": section.judul})
        if "lanjut" in request.POST:
            keys = list(sections)
            following = keys[keys.index(kunci) + 1] if keys.index(kunci) + 1 < len(keys) else None
            if following:
                return redirect("lkjip:narasi_update", pk=dokumen.pk, kunci=following)
        return redirect(dokumen_url(dokumen) + "#narasi")
    isi = rendering.build(dokumen)
    return render(
        request,
        "lkjip/narasi_form.html",
        {
            "dokumen": dokumen,
            "section": section,
            "narasi": current,
            "editable": editable,
            "back": dokumen_url(dokumen),
            "pilihan": angka.pilihan(isi.tables) if editable else [],
            "periksa": angka.periksa(str(section.judul), current.isi if current else "", isi.tables),
        },
    )


@require_POST
def narasi_create(request, jenis: str, key: int, kunci: str, opd: int | None = None):
    """The first edit of a document that has no row yet."""
    dokumen = ensure_dokumen(request, jenis, key, opd, Perm.EDIT)
    return redirect("lkjip:narasi_update", pk=dokumen.pk, kunci=kunci)
