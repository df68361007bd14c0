"""Forms of the Renstra pages."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlencode

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from renstra import services
from renstra.importers.nomenklatur import tingkat_of
from renstra.models import (
    CODED_LEVELS,
    ArahKebijakan,
    Elemen,
    Indikator,
    Level,
    Misi,
    Nomenklatur,
    Periode,
    RenstraVersi,
    SasaranRPJMD,
    Strategi,
    TujuanRPJMD,
)
from renstra.services import normalize_kode
from sakip import search
from sakip.forms import KonfirmasiMixin, NilaiField, ScopedModelForm, TanggalField, TokenMixin, bounded_formfield
from sakip.lib.workbook import WorkbookError, open_workbook
from sakip.models import UnitKerja


class PeriodeForm(TokenMixin, ScopedModelForm):
    owner_fields = ("pemda",)

    class Meta:
        model = Periode
        formfield_callback = bounded_formfield
        fields = ["nama", "tahun_awal", "tahun_akhir", "visi", "dasar_hukum"]
        widgets = {"visi": forms.Textarea(attrs={"rows": 2})}


MisiFormSet = forms.inlineformset_factory(
    Periode,
    Misi,
    fields=["nomor", "uraian"],
    formfield_callback=bounded_formfield,
    extra=2,
    can_delete=True,
    widgets={"uraian": forms.Textarea(attrs={"rows": 2})},
)


class TujuanRPJMDForm(TokenMixin, forms.ModelForm):
    class Meta:
        model = TujuanRPJMD
        formfield_callback = bounded_formfield
        fields = ["misi", "urutan", "uraian", "indikator"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2}), "indikator": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["misi"].queryset = Misi.objects.filter(periode_id=self.instance.periode_id)


class SasaranRPJMDForm(TokenMixin, forms.ModelForm):
    class Meta:
        model = SasaranRPJMD
        formfield_callback = bounded_formfield
        fields = ["urutan", "uraian", "indikator"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2}), "indikator": forms.Textarea(attrs={"rows": 2})}


class RenstraCreateForm(forms.Form):
    periode = forms.ModelChoiceField(label=_("Periode RPJMD"), queryset=Periode.objects.none())

    def __init__(self, *args, opd, **kwargs):
        super().__init__(*args, **kwargs)
        self.opd = opd
        self.fields["periode"].queryset = Periode.objects.filter(pemda_id=opd.pemda_id).exclude(renstra__opd=opd)


DASAR_HUKUM_TAHUN_SEBELUM = 5  # a Renstra's legal basis is not older than this many years before its RPJMD


def batasi_tanggal_dasar_hukum(field: forms.Field, versi: RenstraVersi, hari_ini: datetime.date) -> None:
    """A legal basis is dated neither in the future nor long before the period it serves."""
    assert isinstance(field, TanggalField)
    awal = datetime.date(versi.renstra.periode.tahun_awal - DASAR_HUKUM_TAHUN_SEBELUM, 1, 1)
    field.batasi(awal, hari_ini)


class VersiForm(forms.ModelForm):
    class Meta:
        model = RenstraVersi
        formfield_callback = bounded_formfield
        fields = ["jenis", "dasar_hukum_nomor", "dasar_hukum_tanggal", "alasan"]
        widgets = {"alasan": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, hari_ini: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        batasi_tanggal_dasar_hukum(self.fields["dasar_hukum_tanggal"], self.instance, hari_ini)


class TetapkanForm(forms.Form):
    """*Tetapkan*: from which year the version applies (only the years it may: not before the version it amends),
    and its legal basis typed on the same form, dated neither in the future nor long before the period."""

    dasar_hukum_nomor = forms.CharField(
        label=_("Nomor dasar hukum"),
        max_length=200,
        help_text=_("Mis. Peraturan Bupati Balangan Nomor 47 Tahun 2023."),
    )
    dasar_hukum_tanggal = TanggalField(label=_("Tanggal dasar hukum"))
    berlaku_mulai = forms.TypedChoiceField(label=_("Berlaku mulai tahun"), coerce=int)

    def __init__(self, *args, versi: RenstraVersi, hari_ini: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.versi = versi
        paling_awal = services.tahun_mulai_paling_awal(versi)
        field = self.fields["berlaku_mulai"]
        field.choices = [(y, y) for y in versi.years if y >= paling_awal]
        # Any year of the period is read (a year before the amended version's start gets its own message).
        field.valid_value = lambda value: str(value) in {str(y) for y in versi.years}
        field.initial = services.tahun_mulai_usulan(versi, hari_ini)
        self.fields["dasar_hukum_nomor"].initial = versi.dasar_hukum_nomor
        self.fields["dasar_hukum_tanggal"].initial = versi.dasar_hukum_tanggal
        batasi_tanggal_dasar_hukum(self.fields["dasar_hukum_tanggal"], versi, hari_ini)

    def clean_berlaku_mulai(self):
        tahun = self.cleaned_data["berlaku_mulai"]
        paling_awal = services.tahun_mulai_paling_awal(self.versi)
        if tahun < paling_awal:
            diubah = services.versi_diubah(self.versi)
            raise forms.ValidationError(
                _("%(v)s berlaku mulai %(t)s; versi ini tidak dapat berlaku sebelum tahun itu.")
                % {"v": diubah.label if diubah else "", "t": paling_awal}
            )
        return tahun


PILIHAN_NOMENKLATUR = 20  # entries the picker lists per query


def pilihan_nomenklatur(elemen: Elemen):
    """The nomenclature entries an element may take: its level, under its parent's code (any program for a
    program), the official list and the pemda's own local entries."""
    parent = elemen.parent if elemen.parent_id else None
    prefix = parent.kode if parent is not None and Level(parent.level) in CODED_LEVELS else ""
    master = Nomenklatur.objects.for_pemda(elemen.versi.renstra.periode.pemda_id).filter(tingkat=elemen.level)
    if prefix:
        master = master.filter(kode__startswith=prefix + ".")
    return master


def cari_nomenklatur(elemen: Elemen, query: str) -> list[Nomenklatur]:
    """The entries the element may take whose code or name holds every word of ``query`` (case and accents
    ignored), by code, the newest Kepmendagri version first for the same code: :data:`PILIHAN_NOMENKLATUR` and
    one more when there are more (one query)."""
    found = pilihan_nomenklatur(elemen).filter(search.matches(search.words(query), ["kode", "nama"]))
    return list(found.order_by("kode", "-versi", "pemda_id")[: PILIHAN_NOMENKLATUR + 1])


def _label(item: Nomenklatur) -> str:
    source = item.get_versi_display() if item.is_official else _("Lokal")
    return f"{item.kode} {item.nama} ({source})"


class NomenklaturPicker(forms.Widget):
    """The nomenclature picker: a search box asking ``url`` for matching entries as you type (HTMX, at most
    :data:`PILIHAN_NOMENKLATUR`, each labelled with its Kepmendagri version), the chosen entry's id in the hidden
    input; picking fills the form's kode and uraian (static/sakip/nomenklatur.js). Usable with thousands of codes:
    nothing is listed in the page."""

    template_name = "renstra/_nomenklatur_picker.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.url = ""
        self.terpilih = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(url=self.url, terpilih=self.terpilih)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        """Rendered by the project's template engine (the form renderer sees only Django's own widgets)."""
        return render_to_string(self.template_name, self.get_context(name, value, attrs))  # a SafeString


ELEMEN_NAMA_MAX = 1000  # characters of an element's uraian (the longest Kepmendagri names are about 300)
KODE_RESMI = re.compile(r"[\dX]+(\.[\dX]+)*")  # as the T-C.27 importer reads codes: digits (X for "any urusan")


def _elemen_formfield(db_field, **kwargs):
    if db_field.name == "nama":
        kwargs.setdefault("max_length", ELEMEN_NAMA_MAX)
    return bounded_formfield(db_field, **kwargs)


class ElemenForm(forms.ModelForm):
    class Meta:
        model = Elemen
        formfield_callback = _elemen_formfield
        fields = ["nomenklatur", "kode", "nama", "unit_kerja", "unit_kerja_teks", "lokasi", "misi", "sasaran_rpjmd"]
        widgets = {"nama": forms.Textarea(attrs={"rows": 2})}

    def clean_kode(self) -> str:
        """A code as Kepmendagri 050-5889/2021 writes it: parts of digits separated by dots ("1.05.02.2.01.0001";
        "X" for a program of any urusan); spaces or tabs from a PDF copy are read as dots."""
        kode = normalize_kode(self.cleaned_data.get("kode") or "").upper()
        if kode and not KODE_RESMI.fullmatch(kode):
            raise forms.ValidationError(
                _("Kode hanya berisi angka yang dipisah titik, mis. 1.05.02.2.01.0001 (X untuk urusan mana pun).")
            )
        return kode

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        e = self.instance
        periode = e.versi.renstra.periode
        if e.level in CODED_LEVELS:
            # Only the master items that fit under the parent's code (or, for a program, any program).
            field = self.fields["nomenklatur"]
            field.queryset = pilihan_nomenklatur(e)
            field.required = False
            field.widget = picker = NomenklaturPicker()
            query = urlencode({"level": e.level, "parent": e.parent_id or ""})
            picker.url = reverse("renstra:nomenklatur_cari", args=[e.versi_id]) + "?" + query
            if e.nomenklatur_id:
                picker.terpilih = _label(e.nomenklatur)
            self.fields["nomenklatur"].label = _("Pilih dari nomenklatur")
            self.fields["nomenklatur"].help_text = _(
                "Mengisi kode dan uraian (serta indikator sub kegiatan) dari daftar resmi."
            )
            self.fields["kode"].help_text = _(
                "Boleh diketik; kode yang tidak ada di nomenklatur ditandai, tidak ditolak."
            )
            self.fields["nama"].required = False
        else:
            for name in ("nomenklatur", "kode"):
                del self.fields[name]
        if e.level == Level.SUB_KEGIATAN:
            self.fields["unit_kerja"].queryset = UnitKerja.objects.filter(opd_id=e.versi.renstra.opd_id)
        else:
            for name in ("unit_kerja", "unit_kerja_teks", "lokasi"):
                del self.fields[name]
        if e.level in (Level.TUJUAN, Level.SASARAN):
            self.fields["misi"].queryset = Misi.objects.filter(periode=periode)
            self.fields["sasaran_rpjmd"].queryset = SasaranRPJMD.objects.filter(tujuan__periode=periode)
        else:
            del self.fields["misi"], self.fields["sasaran_rpjmd"]

    def clean(self):
        data = super().clean()
        if not data.get("nama") and not data.get("nomenklatur"):
            self.add_error("nama", _("Isi uraian atau pilih dari nomenklatur."))
        return data


class StrategiForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = Strategi
        fields = ["uraian"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}


class ArahKebijakanForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = ArahKebijakan
        fields = ["uraian"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}


class IndikatorForm(KonfirmasiMixin, forms.ModelForm):
    """An indicator; its kondisi awal and akhir are read as the target grid reads a cell (the same reader, the
    indicator's satuan), and a value worth a second look is confirmed before it is saved."""

    kondisi_awal = NilaiField(label=_("Kondisi awal"), required=False)
    kondisi_akhir = NilaiField(label=_("Kondisi akhir"), required=False)

    class Meta:
        model = Indikator
        formfield_callback = bounded_formfield
        fields = ["uraian", "satuan", "polaritas", "tipe", "agregasi", "frekuensi", "is_iku", "definisi", "sumber_data"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2}), "definisi": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("kondisi_awal", self.instance.kondisi_awal)
        self.initial.setdefault("kondisi_akhir", self.instance.kondisi_akhir)
        self.add_konfirmasi()
        # The values are checked against the satuan and tipe as submitted (or stored).
        satuan = str(self.data.get(self.add_prefix("satuan")) or self.instance.satuan or "").strip()
        persen = self.data.get(self.add_prefix("tipe"), self.instance.tipe) == Indikator.Tipe.PERSEN
        for name in ("kondisi_awal", "kondisi_akhir"):
            self.fields[name].satuan, self.fields[name].persen = satuan, persen

    def clean(self):
        data = super().clean()
        self.check_konfirmasi(data)
        return data

    def save(self, commit=True):
        for name in ("kondisi_awal", "kondisi_akhir"):
            parsed = self.cleaned_data[name].parsed
            setattr(self.instance, f"{name}_nilai", parsed.nilai)
            setattr(self.instance, f"{name}_teks", parsed.teks)
        return super().save(commit)


class NomenklaturForm(ScopedModelForm):
    """One entry: the operator's official list, or a pemda's local addition (the owner is set by the view)."""

    owner_fields = ("pemda",)

    class Meta:
        model = Nomenklatur
        formfield_callback = bounded_formfield
        fields = ["versi", "kode", "nama", "kinerja", "indikator", "satuan"]
        widgets = {"nama": forms.Textarea(attrs={"rows": 2}), "kinerja": forms.Textarea(attrs={"rows": 2}),
                   "indikator": forms.Textarea(attrs={"rows": 2})}  # fmt: skip

    def clean_kode(self):
        kode = normalize_kode(self.cleaned_data["kode"])
        tingkat = tingkat_of(kode)
        if tingkat is None:
            raise forms.ValidationError(
                _("“%(kode)s” bukan kode urusan, bidang, program, kegiatan atau sub kegiatan.") % {"kode": kode}
            )
        self.instance.tingkat = tingkat
        return kode

    def clean(self):
        data = super().clean()
        versi, kode = data.get("versi"), data.get("kode")
        official = Nomenklatur.objects.official().filter(versi=versi, kode=kode)
        if self.instance.pemda_id is not None and versi and kode and official.exists():
            self.add_error(
                "kode", _("Kode ini ada di daftar resmi Kepmendagri; hanya operator yang dapat mengubahnya.")
            )
        return data


class NomenklaturImportForm(forms.Form):
    versi = forms.ChoiceField(label=_("Versi"), choices=Nomenklatur.Versi.choices)
    berkas = forms.FileField(
        label=_("Berkas Excel (.xlsx)"), help_text=_("Kolom: Kode | Nomenklatur | Kinerja | Indikator | Satuan.")
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if not berkas.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Unggah berkas .xlsx."))
        if berkas.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimum 20 MB)."))
        return berkas_excel(berkas)


class RenstraImportForm(forms.Form):
    periode = forms.ModelChoiceField(label=_("Periode RPJMD"), queryset=Periode.objects.none())
    berkas = forms.FileField(
        label=_("Berkas Excel (.xlsx)"),
        help_text=_("Tabel seperti T-C.27: Kode, Program/Kegiatan/Sub Kegiatan, Indikator, target dan Rp per tahun."),
    )

    def __init__(self, *args, opd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].queryset = Periode.objects.filter(pemda_id=opd.pemda_id)

    def clean_berkas(self):
        return berkas_excel(self.cleaned_data["berkas"])


def berkas_excel(berkas):
    """An uploaded workbook that opens (:func:`sakip.lib.workbook.open_workbook`: an .xlsx within the limits), or a
    message at the file's field: a PDF, a Word file or a broken workbook gets no preview."""
    try:
        open_workbook(berkas, berkas.size).close()
    except WorkbookError as error:
        raise forms.ValidationError(str(error)) from None
    finally:
        berkas.seek(0)
    return berkas
