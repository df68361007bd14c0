from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.models import Aksi, RencanaAksi
from sakip.models import Jabatan, Pegawai


class SusunPKForm(forms.Form):
    jabatan = forms.ModelChoiceField(label=_("Jabatan (pihak pertama)"), queryset=Jabatan.objects.none())
    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int)

    def __init__(self, *args, opd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = Jabatan.objects.filter(opd=opd).exclude(jenjang="pelaksana")
        this_year = timezone.localdate().year
        self.fields["tahun"].choices = [(y, y) for y in range(this_year + 1, this_year - 6, -1)]
        self.fields["tahun"].initial = this_year


class PerubahanForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan perubahan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mis. mutasi pejabat, perubahan anggaran (DPPA), perubahan prioritas."),
    )


class RencanaAksiForm(forms.ModelForm):
    class Meta:
        model = RencanaAksi
        fields = ["program", "penanggung_jawab"]
        widgets = {"program": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pemda_id = self.instance.pk_doc.opd.pemda_id
        self.fields["penanggung_jawab"].queryset = Pegawai.objects.filter(pemda_id=pemda_id)


class AksiForm(forms.ModelForm):
    bulan = forms.TypedMultipleChoiceField(
        label=_("Bulan"),
        coerce=int,
        required=False,
        choices=[(m, m) for m in range(1, 13)],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-inline"}),
    )

    class Meta:
        model = Aksi
        fields = ["uraian", "bulan"]
        widgets = {"uraian": forms.TextInput()}


AksiFormSet = forms.inlineformset_factory(RencanaAksi, Aksi, form=AksiForm, extra=2, can_delete=True)
