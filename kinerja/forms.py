import os

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.models import Aksi, BelanjaOPD, JendelaRealisasi, PengaturanCapaian, Realisasi, RencanaAksi
from sakip.forms import RupiahField, TokenMixin
from sakip.models import Jabatan, Pegawai, PerangkatDaerah


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
        pk = self.instance.pk_doc
        field = self.fields["penanggung_jawab"]
        field.queryset = Pegawai.objects.in_opd(pk.opd_id, pk.tahun)
        field.error_messages["invalid_choice"] = _("Pilih pegawai yang bertugas di perangkat daerah PK ini.")
        field.help_text = _("Pegawai yang menduduki jabatan di perangkat daerah ini pada tahun PK.")


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


# --- Realisasi ------------------------------------------------------------------------------------

BUKTI_EKSTENSI = {".pdf", ".jpg", ".jpeg", ".png", ".xlsx", ".xls", ".docx", ".csv", ".ods", ".odt"}
BUKTI_MAKS: int = settings.MAX_EVIDENCE_UPLOAD


class CatatanRealisasiForm(forms.ModelForm):
    class Meta:
        model = Realisasi
        fields = ["kendala", "solusi"]
        widgets = {"kendala": forms.Textarea(attrs={"rows": 3}), "solusi": forms.Textarea(attrs={"rows": 3})}


class BuktiForm(forms.Form):
    berkas = forms.FileField(
        label=_("Bukti dukung"), help_text=_("PDF, gambar, atau lembar kerja; paling besar 10 MB.")
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if os.path.splitext(berkas.name)[1].lower() not in BUKTI_EKSTENSI:
            raise forms.ValidationError(
                _("Jenis berkas tidak diterima. Unggah PDF, JPG, PNG, XLSX, XLS, DOCX, ODS, ODT, atau CSV.")
            )
        if berkas.size > BUKTI_MAKS:
            raise forms.ValidationError(_("Berkas terlalu besar (paling besar 10 MB)."))
        head = berkas.read(8)
        berkas.seek(0)
        if berkas.name.lower().endswith(".pdf") and not head.startswith(b"%PDF"):
            raise forms.ValidationError(_("Berkas ini bukan PDF yang sah."))
        return berkas


class KembalikanForm(forms.Form):
    komentar = forms.CharField(label=_("Alasan pengembalian"), widget=forms.Textarea(attrs={"rows": 2}))


class JendelaForm(forms.ModelForm):
    class Meta:
        model = JendelaRealisasi
        fields = ["terbuka", "dibuka_untuk"]
        widgets = {"dibuka_untuk": forms.CheckboxSelectMultiple}

    def __init__(self, *args, pemda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dibuka_untuk"].queryset = PerangkatDaerah.objects.filter(pemda=pemda)


class PengaturanCapaianForm(forms.ModelForm):
    class Meta:
        model = PengaturanCapaian
        fields = ["rumus_negatif", "batas_atas", "metode_sasaran", "sangat_tinggi", "tinggi", "sedang", "rendah"]

    def clean(self):
        data = super().clean()
        bounds = [data.get(f) for f in ("sangat_tinggi", "tinggi", "sedang", "rendah")]
        if None not in bounds and not bounds[0] > bounds[1] > bounds[2] > bounds[3] >= 0:
            raise forms.ValidationError(
                _("Batas kategori harus menurun: sangat tinggi > tinggi > sedang > rendah ≥ 0.")
            )
        return data


class BelanjaForm(TokenMixin, forms.ModelForm):
    anggaran = RupiahField(label=_("Anggaran (Rp)"), min_value=0)
    realisasi = RupiahField(label=_("Realisasi (Rp)"), min_value=0)

    class Meta:
        model = BelanjaOPD
        fields = ["jenis", "anggaran", "realisasi"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].widget.attrs["class"] = "form-select form-select-sm"
        for name in ("anggaran", "realisasi"):
            self.fields[name].widget.attrs["class"] = "form-control form-control-sm text-end"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:  # the field with the message is marked (the message follows it)
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs = {**widget.attrs, "class": f"{widget.attrs.get('class', '')} is-invalid".strip()}


class BaseBelanjaFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if (not form.has_changed() and not form.instance.pk) or self._should_delete_form(form):
                continue
            jenis = form.cleaned_data.get("jenis")
            if jenis in seen:
                form.add_error("jenis", _("Jenis belanja ini sudah ada di baris lain."))
            seen.add(jenis)


BelanjaFormSet = forms.modelformset_factory(
    BelanjaOPD, form=BelanjaForm, formset=BaseBelanjaFormSet, extra=3, can_delete=True
)
