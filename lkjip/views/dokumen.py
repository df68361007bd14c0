"""The document pages: the list, a Renstra's or an LKjIP's page, previews (renderings), finals, Excel."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lkjip import exporters, services
from lkjip import render as rendering
from lkjip.forms import IdentitasForm
from lkjip.models import Cetakan, Dokumen, Final, Jenis
from lkjip.views.common import dokumen_url, ensure_dokumen, get_dokumen, get_versi
from renstra.models import RenstraVersi
from sakip import access
from sakip.access import Perm
from sakip.lib import http
from sakip.models import PerangkatDaerah
from sakip.views.generic import get_opd


def index(request):
    """Every OPD in scope with its Renstra versions and LKjIP years."""
    opds = list(PerangkatDaerah.objects.for_user(request.user).select_related("pemda").order_by("kode"))
    versions = (
        RenstraVersi.objects.filter(renstra__opd__in=opds)
        .select_related("renstra__periode")
        .order_by("renstra__periode__tahun_awal", "nomor")
    )
    by_opd: dict[int, list] = {}
    for v in versions:
        by_opd.setdefault(v.renstra.opd_id, []).append(v)
    finals = {}
    for f in Final.objects.filter(dokumen__opd__in=opds).select_related("dokumen").order_by("nomor"):
        finals[(f.dokumen.jenis, f.dokumen.versi_id or f.dokumen.tahun, f.dokumen.opd_id)] = f
    started = set(Dokumen.objects.filter(opd__in=opds, jenis=Jenis.LKJIP).values_list("opd_id", "tahun"))
    this_year = timezone.localdate().year
    # The years some version is in force, by the one rule (RenstraVersi.objects.berlaku_pada): one query per
    # year that some ditetapkan version covers, whatever the number of OPDs.
    candidates = {y for v in versions if v.status == v.Status.DITETAPKAN for y in v.years if y <= this_year}
    in_force: dict[int, set[int]] = {}
    for y in candidates:
        for opd_id in (
            RenstraVersi.objects.berlaku_pada(y).filter(renstra__opd__in=opds).values_list("renstra__opd_id", flat=True)
        ):
            in_force.setdefault(opd_id, set()).add(y)
    rows = []
    for opd in opds:
        years = sorted(in_force.get(opd.pk, ()), reverse=True)
        rows.append(
            {
                "opd": opd,
                "versions": [(v, finals.get((Jenis.RENSTRA, v.pk, opd.pk))) for v in by_opd.get(opd.pk, [])],
                "years": [(y, finals.get((Jenis.LKJIP, y, opd.pk)), (opd.pk, y) in started) for y in years],
            }
        )
    return render(request, "lkjip/index.html", {"rows": rows})


def _page(request, dokumen: Dokumen, title: str):
    isi = rendering.build(dokumen)
    state = services.state(dokumen, isi)
    editable = access.can(request.user, Perm.EDIT, dokumen)
    return render(
        request,
        "lkjip/dokumen.html",
        {
            "dokumen": dokumen,
            "title": title,
            "isi": isi,
            "state": state,
            "editable": editable,
            "tables": isi.tables,
            "self_url": dokumen_url(dokumen),
            "identitas": IdentitasForm(instance=dokumen, initial={"tanggal": dokumen.tanggal or isi.tanggal}),
            "identitas_url": _identitas_url(dokumen),
        },
    )


def _identitas_url(dokumen: Dokumen) -> str:
    if dokumen.jenis == Jenis.LKJIP:
        return reverse("lkjip:lkjip_identitas", args=[dokumen.opd_id, dokumen.tahun])
    return reverse("lkjip:renstra_identitas", args=[dokumen.versi_id])


@require_POST
def identitas_update(request, jenis: str, key: int, opd: int | None = None):
    """The document's own date, place and number."""
    dokumen = ensure_dokumen(request, jenis, key, opd, Perm.EDIT)
    form = IdentitasForm(request.POST, instance=Dokumen.objects.get(pk=dokumen.pk))
    if form.is_valid():
        services.simpan_identitas(dokumen, form.cleaned_data)
        messages.success(request, _("Tanggal, tempat dan nomor dokumen disimpan."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(dokumen_url(dokumen))


def lkjip_detail(request, opd: int, tahun: int):
    opd = get_opd(request, opd)
    if RenstraVersi.objects.berlaku(opd, tahun) is None:
        raise Http404(_("Belum ada Renstra yang berlaku untuk tahun ini."))
    dokumen = services.lkjip(opd, tahun)
    return _page(request, dokumen, _("LKjIP %(t)s · %(opd)s") % {"t": tahun, "opd": opd.nama})


def renstra_detail(request, versi: int):
    versi = get_versi(request, versi)
    dokumen = services.renstra(versi)
    title = _("Dokumen Renstra %(p)s · %(opd)s · %(v)s") % {
        "p": versi.renstra.periode,
        "opd": versi.renstra.opd.nama,
        "v": versi.label,
    }
    return _page(request, dokumen, title)


@require_POST
def cetakan_create(request, jenis: str, key: int, opd: int | None = None):
    """Render the current data (or reuse the rendering of the same data). It writes (the document, the
    rendering), so only those who may edit the document ask for it; readers (evaluators) download the finals
    and the previews already made."""
    dokumen = ensure_dokumen(request, jenis, key, opd, Perm.EDIT)
    cetakan = services.request_render(dokumen, actor=request.user)
    if request.htmx:
        return render(request, "lkjip/_cetakan.html", {"cetakan": _fresh(cetakan), "dokumen": dokumen})
    return redirect(dokumen_url(dokumen) + "#pratinjau")


def _fresh(cetakan: Cetakan) -> Cetakan:
    cetakan.refresh_from_db()
    return cetakan


def cetakan_status(request, pk: int):
    cetakan = get_object_or_404(Cetakan.objects.select_related("dokumen"), pk=pk)
    dokumen = get_dokumen(request, cetakan.dokumen_id)
    return render(request, "lkjip/_cetakan.html", {"cetakan": cetakan, "dokumen": dokumen})


def cetakan_pdf(request, pk: int):
    cetakan = get_object_or_404(Cetakan.objects.select_related("dokumen"), pk=pk, status=Cetakan.Status.SELESAI)
    get_dokumen(request, cetakan.dokumen_id)
    return FileResponse(cetakan.pdf.open("rb"), content_type="application/pdf", filename=_name(cetakan.pdf.name))


def final_pdf(request, pk: int):
    final = get_object_or_404(Final.objects.select_related("dokumen"), pk=pk)
    get_dokumen(request, final.dokumen_id)
    response = FileResponse(final.pdf.open("rb"), content_type="application/pdf", filename=_name(final.pdf.name))
    response["X-Content-SHA256"] = final.sha256
    return response


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


@require_POST
def dokumen_finalkan(request, pk: int):
    dokumen = get_dokumen(request, pk, Perm.EDIT)
    try:
        final = services.finalkan(dokumen, actor=request.user, catatan=request.POST.get("catatan", "")[:300])
    except services.SudahFinal as error:
        messages.info(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Dokumen difinalkan sebagai versi %(n)s (SHA-256 %(sha)s…).")
            % {"n": final.nomor, "sha": final.sha256[:16]},
        )
    return redirect(dokumen_url(dokumen))


def xlsx(request, jenis: str, key: int, opd: int | None = None):
    """Every generated table of the document as one workbook (a sheet per table), or one table (?tabel=)."""
    if jenis == Jenis.LKJIP:
        owner = get_opd(request, opd)
        if RenstraVersi.objects.berlaku(owner, key) is None:
            raise Http404
        dokumen = services.lkjip(owner, key)
    else:
        dokumen = services.renstra(get_versi(request, key))
    try:
        content, name = exporters.xlsx(rendering.build(dokumen), request.GET.get("tabel", ""))
    except exporters.TabelTidakAda:
        raise Http404 from None
    response = http.download(content, name, http.XLSX)
    return response
