"""The forms of the document pages: the benchmarks' formset and the T-C.23/T-C.24 grid as posted."""

from __future__ import annotations

from django import forms
from django.forms import BaseModelFormSet, ModelForm, modelformset_factory

from lkjip.models import BarisPeriodeLalu, Dokumen, Pembanding
from sakip.forms import bounded_formfield

PembandingFormSet: type[BaseModelFormSet[Pembanding, ModelForm[Pembanding]]] = modelformset_factory(
    Pembanding,
    fields=["indikator", "pembanding", "tahun", "nilai", "sumber"],
    extra=3,
    can_delete=True,
    formfield_callback=bounded_formfield,
)


class IdentitasForm(forms.ModelForm):
    """The document's own date, place and number (printed on the cover, the kata pengantar and signatures)."""

    class Meta:
        model = Dokumen
        fields = ["tanggal", "tempat", "nomor"]
        widgets = {"tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


def read_periode_lalu(post, years: list[int]) -> list[dict]:
    """The rows of a posted T-C.23/T-C.24 grid (``r1-uraian``, ``r1-2019-rencana``, …); rows without uraian
    are left out. The values stay text: :func:`lkjip.services.save_periode_lalu` reads them."""
    rows = []
    i = 1
    while f"r{i}-uraian" in post:
        uraian = post.get(f"r{i}-uraian", "").strip()
        if uraian:
            rows.append(
                {
                    "uraian": uraian[:500],
                    "satuan": post.get(f"r{i}-satuan", "").strip()[:60],
                    "polaritas": post.get(f"r{i}-polaritas", BarisPeriodeLalu.Polaritas.POSITIF),
                    "target_nspk": post.get(f"r{i}-nspk", "").strip()[:60],
                    "target_ikk": post.get(f"r{i}-ikk", "").strip()[:60],
                    "target_lain": post.get(f"r{i}-lain", "").strip()[:60],
                    "tahun": {
                        y: (post.get(f"r{i}-{y}-rencana", ""), post.get(f"r{i}-{y}-realisasi", "")) for y in years
                    },
                }
            )
        i += 1
    return rows
