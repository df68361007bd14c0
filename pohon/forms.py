from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from pohon.models import RANK, IndikatorSimpul, Lintas, PohonKinerja, Simpul, Tingkat
from pohon.services import level_order
from renstra.models import Elemen, Indikator, Periode
from sakip.forms import TAHUN_MAX, TAHUN_MIN, TokenMixin, bounded_formfield
from sakip.models import Jabatan, PerangkatDaerah


class PohonForm(TokenMixin, forms.ModelForm):
    class Meta:
        model = PohonKinerja
        formfield_callback = bounded_formfield
        fields = ["opd", "periode", "tahun_berlaku", "mandat", "permasalahan", "ekspektasi", "catatan"]
        widgets = {f: forms.Textarea(attrs={"rows": 2}) for f in ("mandat", "permasalahan", "ekspektasi", "catatan")}

    def __init__(self, *args, opds=None, **kwargs):
        super().__init__(*args, **kwargs)
        opds = list(opds or [])
        self.fields["opd"].queryset = PerangkatDaerah.objects.filter(pk__in=[o.pk for o in opds])
        self.fields["periode"].queryset = Periode.objects.filter(pemda__in={o.pemda_id for o in opds})
        if self.instance.pk:
            del self.fields["opd"], self.fields["periode"]


class SimpulForm(TokenMixin, forms.ModelForm):
    elemen = forms.ModelMultipleChoiceField(
        Elemen.objects.none(),
        required=False,
        label=_("Diterjemahkan menjadi (komponen Renstra)"),
        help_text=_("Satu simpul boleh menjadi beberapa komponen; beberapa simpul boleh menjadi satu komponen."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    mitra = forms.ModelMultipleChoiceField(
        PerangkatDaerah.objects.none(),
        required=False,
        label=_("Crosscutting dengan perangkat daerah"),
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    sifat_lintas = forms.ChoiceField(choices=Lintas.Sifat.choices, required=False, label=_("Sifat keterkaitan"))
    catatan_lintas = forms.CharField(required=False, max_length=250, label=_("Peran mitra"))

    class Meta:
        model = Simpul
        fields = ["tingkat", "kinerja", "faktor_kunci", "jenjang", "jabatan", "catatan"]
        widgets = {
            "kinerja": forms.Textarea(attrs={"rows": 2}),
            "faktor_kunci": forms.Textarea(attrs={"rows": 2}),
            "catatan": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        node: Simpul = self.instance
        pohon = node.pohon
        parent = node.parent
        allowed = [t for t in Tingkat.values if parent is None or RANK[t] > RANK[parent.tingkat]]
        self.fields["tingkat"].choices = [(t, Tingkat(t).label) for t in allowed]
        self.fields["jabatan"].queryset = Jabatan.objects.filter(opd=pohon.opd)
        self.fields["jenjang"].help_text = _("Kosongkan untuk mengikuti tingkatnya (JPT, Administrator, Pengawas, JF).")
        if pohon.versi_id:
            self.fields["elemen"].queryset = Elemen.objects.filter(versi=pohon.versi).order_by(
                level_order(), "kode", "urutan", "pk"
            )
            self.fields["elemen"].label_from_instance = lambda e: f"{e.get_level_display()}: {e}"[:140]
        else:
            del self.fields["elemen"]
        self.fields["mitra"].queryset = PerangkatDaerah.objects.filter(pemda=pohon.opd.pemda_id).exclude(
            pk=pohon.opd_id
        )
        if node.pk:
            links = list(node.lintas.all())
            if "elemen" in self.fields:
                self.fields["elemen"].initial = list(node.terjemahan.values_list("elemen_id", flat=True))
            self.fields["mitra"].initial = [link.mitra_id for link in links]
            if links:
                self.fields["sifat_lintas"].initial = links[0].sifat
                self.fields["catatan_lintas"].initial = links[0].catatan


class IndikatorForm(forms.ModelForm):
    class Meta:
        model = IndikatorSimpul
        fields = ["uraian", "satuan", "indikator_renstra"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, plan_indicators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator_renstra"].queryset = (
            plan_indicators if plan_indicators is not None else Indikator.objects.none()
        )
        self.fields["indikator_renstra"].required = False
        self.fields["indikator_renstra"].label_from_instance = lambda i: f"{i.uraian} ({i.elemen.nama})"[:140]


IndikatorFormSet = inlineformset_factory(
    Simpul, IndikatorSimpul, form=IndikatorForm, extra=2, can_delete=True, min_num=0
)


class PindahForm(forms.Form):
    parent = forms.ChoiceField(label=_("Pindahkan ke bawah"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = choices


class RevisiForm(forms.Form):
    tahun = forms.IntegerField(label=_("Berlaku mulai tahun"), min_value=TAHUN_MIN, max_value=TAHUN_MAX)
