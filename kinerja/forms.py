import datetime
import os

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.models import Aksi, BelanjaOPD, JendelaRealisasi, PengaturanCapaian, Realisasi, RencanaAksi
from renstra.models import RenstraVersi
from sakip.forms import AngkaField, FieldErrorsMixin, KonfirmasiMixin, RupiahField, TokenMixin, bounded_formfield
from sakip.models import Jabatan, Pegawai, PerangkatDaerah


class SusunPKForm(forms.Form):
    jabatan = forms.ModelChoiceField(label=_("Jabatan (pihak pertama)"), queryset=Jabatan.objects.none())
    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int)

    def __init__(self, *args, opd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = Jabatan.objects.filter(opd=opd).exclude(jenjang="pelaksana")
        this_year = timezone.localdate().year
        # The years a Renstra in force covers (a PK is drafted from it), this year first when it is one of them.
        covered = RenstraVersi.objects.tahun_tercakup(opd)
        years = covered or list(range(this_year + 1, this_year - 6, -1))
        self.fields["tahun"].choices = [(y, y) for y in years]
        self.fields["tahun"].initial = (
            this_year if this_year in years else next((y for y in years if y <= this_year), years[-1])
        )
        if not covered:
            self.fields["tahun"].help_text = _("Belum ada Renstra yang ditetapkan untuk perangkat daerah ini.")


class PerubahanForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan perubahan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mis. mutasi pejabat, perubahan anggaran (DPPA), perubahan prioritas."),
    )


class RencanaAksiForm(forms.ModelForm):
    class Meta:
        model = RencanaAksi
        formfield_callback = bounded_formfield
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
        formfield_callback = bounded_formfield
        fields = ["uraian", "bulan"]
        widgets = {"uraian": forms.TextInput()}


AksiFormSet = forms.inlineformset_factory(RencanaAksi, Aksi, form=AksiForm, extra=2, can_delete=True)


# --- Realisasi ------------------------------------------------------------------------------------

BUKTI_EKSTENSI = {".pdf", ".jpg", ".jpeg", ".png", ".xlsx", ".xls", ".docx", ".csv", ".ods", ".odt"}
BUKTI_MAKS: int = settings.MAX_EVIDENCE_UPLOAD
BUKTI_NAMA_MAKS = 80  # characters of an evidence file's name (its stored path, bukti/<year>/<name>, holds 100)


class CatatanRealisasiForm(forms.ModelForm):
    class Meta:
        model = Realisasi
        formfield_callback = bounded_formfield
        fields = ["kendala", "solusi"]
        widgets = {"kendala": forms.Textarea(attrs={"rows": 3}), "solusi": forms.Textarea(attrs={"rows": 3})}


class BuktiForm(forms.Form):
    berkas = forms.FileField(
        label=_("Bukti dukung"),
        help_text=_("PDF, gambar, atau lembar kerja; paling besar 10 MB; nama berkas paling panjang 80 karakter."),
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        berkas.name = os.path.basename(berkas.name.replace("\\", "/")).strip()  # the name only, never a path
        if len(berkas.name) > BUKTI_NAMA_MAKS:
            raise forms.ValidationError(
                _(
                    "Nama berkas terlalu panjang (%(n)s karakter); paling banyak %(maks)s karakter. "
                    "Ganti namanya lalu unggah lagi."
                )
                % {"n": len(berkas.name), "maks": BUKTI_NAMA_MAKS}
            )
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
    """Verify or return one realisasi: the reason is required only to return it (checked here, not by the
    browser, so that an empty reason never blocks *Verifikasi*)."""

    action = forms.ChoiceField(choices=[("setuju", "setuju"), ("kembalikan", "kembalikan")], widget=forms.HiddenInput)
    komentar = forms.CharField(
        label=_("Alasan pengembalian"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wajib diisi bila dikembalikan."),
    )

    @property
    def setuju(self) -> bool:
        return self.cleaned_data.get("action") == "setuju"

    def clean(self):
        data = super().clean()
        if data.get("action") == "kembalikan" and not data.get("komentar", "").strip():
            self.add_error("komentar", _("Tuliskan alasan pengembalian."))
        return data


class JendelaForm(FieldErrorsMixin, forms.ModelForm):
    """A triwulan's window. Its dates lie within its year and the next (a TW IV is filled in the January after),
    and it closes no earlier than it opens (said at *Ditutup pada*)."""

    constraint_fields = {"kinerja_jendelarealisasi_ditutup_after_dibuka": "ditutup_pada"}

    class Meta:
        model = JendelaRealisasi
        formfield_callback = bounded_formfield
        fields = ["terbuka", "dibuka_pada", "ditutup_pada", "dibuka_untuk"]
        widgets = {"dibuka_untuk": forms.CheckboxSelectMultiple}

    def __init__(self, *args, pemda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dibuka_untuk"].queryset = PerangkatDaerah.objects.filter(pemda=pemda)
        tahun = self.instance.tahun
        for name in ("dibuka_pada", "ditutup_pada"):
            self.fields[name].batasi(datetime.date(tahun, 1, 1), datetime.date(tahun + 1, 12, 31))


class PengaturanCapaianForm(KonfirmasiMixin, forms.ModelForm):
    """The pemda's capaian rules; the percentages are read as every value ("90,5", "90,5 %"), and a category
    bound over 100 % is confirmed before it is saved (the cap may exceed 100: that is what it is for)."""

    batas_atas = AngkaField(label=_("Batas atas capaian (%)"), required=False, help_text=_("Kosong: tidak dibatasi."))
    sangat_tinggi = AngkaField(label=_("Sangat tinggi mulai"), persen=True)
    tinggi = AngkaField(label=_("Tinggi mulai"), persen=True)
    sedang = AngkaField(label=_("Sedang mulai"), persen=True)
    rendah = AngkaField(label=_("Rendah mulai"), persen=True)

    class Meta:
        model = PengaturanCapaian
        fields = ["rumus_negatif", "batas_atas", "metode_sasaran", "sangat_tinggi", "tinggi", "sedang", "rendah"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_konfirmasi()

    def clean(self):
        data = super().clean()
        self.check_konfirmasi(data)
        data.pop("konfirmasi", None)  # not a setting
        bounds = [data.get(f) for f in ("sangat_tinggi", "tinggi", "sedang", "rendah")]
        if None not in bounds and not bounds[0] > bounds[1] > bounds[2] > bounds[3] >= 0:
            raise forms.ValidationError(
                _("Batas kategori harus menurun: sangat tinggi > tinggi > sedang > rendah ≥ 0.")
            )
        return data


class BelanjaForm(TokenMixin, KonfirmasiMixin, forms.ModelForm):
    """A jenis belanja's anggaran and realisasi, read as every Rupiah (whole rupiah, the rounding said at the
    field); a realisasi ten times its anggaran is confirmed before it is saved."""

    anggaran = RupiahField(label=_("Anggaran (Rp)"))
    realisasi = RupiahField(label=_("Realisasi (Rp)"))

    class Meta:
        model = BelanjaOPD
        fields = ["jenis", "anggaran", "realisasi"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].widget.attrs["class"] = "form-select form-select-sm"
        for name in ("anggaran", "realisasi"):
            self.fields[name].widget.attrs["class"] = "form-control form-control-sm text-end"
        self.add_konfirmasi()

    def clean_anggaran(self):
        self.fields["realisasi"].target = self.cleaned_data.get("anggaran")
        return self.cleaned_data.get("anggaran")

    def clean(self):
        data = super().clean()
        self.check_konfirmasi(data)
        return data

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
