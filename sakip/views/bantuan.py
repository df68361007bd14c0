"""*Bantuan*: one help page per menu, in Indonesian, saying what the page is for, the steps, and the rules behind
the numbers with their regulation. Each page's header links to its section (``{% bantuan "slug" %}``)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

# slug -> title, in the menu's order; each has its template templates/bantuan/<slug>.html.
BAGIAN = {
    "renstra": _("Renstra"),
    "target-pagu": _("Target dan Pagu"),
    "impor-excel": _("Impor dari Excel"),
    "pohon-kinerja": _("Pohon Kinerja"),
    "perjanjian-kinerja": _("Perjanjian Kinerja"),
    "rencana-aksi": _("Rencana Aksi"),
    "realisasi": _("Realisasi"),
    "verifikasi": _("Verifikasi"),
    "dokumen": _("LKjIP dan Dokumen"),
    "pengaturan": _("Pengaturan"),
    "cari": _("Pencarian"),
}


def bantuan(request, bagian: str = "renstra"):
    """The help section ``bagian`` with the list of every section beside it."""
    if bagian not in BAGIAN:
        raise Http404
    context = {"bagian": bagian, "judul": BAGIAN[bagian], "daftar": list(BAGIAN.items())}
    return render(request, f"bantuan/{bagian}.html", context)
