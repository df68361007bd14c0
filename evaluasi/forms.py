"""Forms of the Evaluasi AKIP: validation only, never saving (the services do)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluasi.bukti import ATURAN
from evaluasi.models import Kriteria, PeranTim, Rekomendasi, Templat
from kinerja.forms import BuktiForm
from sakip.models import Peran, PerangkatDaerah, UnitKerja, User


class JawabanForm(forms.Form):
    """A grade and note for one criterion at the evaluation's current level."""

    grade = forms.ChoiceField(label=_("Nilai"))
    catatan = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    alasan_beda = forms.CharField(
        label=_("Alasan berbeda dari saran Sakip"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    saran = forms.CharField(required=False, widget=forms.HiddenInput)
    token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, templat: Templat, **kwargs):
        super().__init__(*args, **kwargs)
        grade = self.fields["grade"]
        assert isinstance(grade, forms.ChoiceField)
        grade.choices = templat.grade_choices()


class BukaEvaluasiForm(forms.Form):
    """Open an evaluation: the OPD, the year, the template, the team and the schedule."""

    opd = forms.ModelChoiceField(label=_("Perangkat daerah"), queryset=PerangkatDaerah.objects.none())
    tahun = forms.IntegerField(label=_("Tahun kinerja yang dievaluasi"), min_value=2000, max_value=2100)
    templat = forms.ModelChoiceField(label=_("Templat LKE"), queryset=Templat.objects.none())
    ketua = forms.ModelChoiceField(label=_("Ketua tim"), queryset=User.objects.none())
    pengendali = forms.ModelChoiceField(label=_("Pengendali teknis"), queryset=User.objects.none())
    anggota = forms.ModelMultipleChoiceField(label=_("Anggota tim"), queryset=User.objects.none(), required=False)
    mulai = forms.DateField(label=_("Mulai"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    selesai = forms.DateField(label=_("Batas selesai"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = PerangkatDaerah.objects.filter(pk__in=scope.evaluated_opd_ids).order_by("kode")
        self.fields["templat"].queryset = Templat.objects.for_user(user)
        evaluators = (
            User.objects.filter(is_active=True, pemda_id=user.pemda_id, peran__jenis=Peran.Jenis.EVALUATOR)
            .distinct()
            .order_by("first_name", "username")
        )
        for name in ("ketua", "pengendali", "anggota"):
            self.fields[name].queryset = evaluators
        self.fields["tahun"].initial = timezone.localdate().year - 1

    def tim(self) -> list[tuple[User, str]]:
        data = self.cleaned_data
        return [
            (data["ketua"], PeranTim.KETUA),
            (data["pengendali"], PeranTim.PENGENDALI),
            *((u, PeranTim.ANGGOTA) for u in data["anggota"]),
        ]


class KriteriaForm(forms.ModelForm):
    """A criterion of a pemda's template (a template in use is copied first)."""

    sumber = forms.ChoiceField(label=_("Bukti dari data Sakip"), required=False)

    class Meta:
        model = Kriteria
        fields = ["uraian", "bobot", "bukti_diharapkan", "langkah_kerja", "sumber"]
        widgets = {f: forms.Textarea(attrs={"rows": 2}) for f in ("uraian", "bukti_diharapkan", "langkah_kerja")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sumber"].choices = [("", _("— tidak ada —")), *ATURAN.items()]


class TemplatForm(forms.ModelForm):
    class Meta:
        model = Templat
        fields = ["nama", "skala", "aturan_batas"]


class RekomendasiForm(forms.ModelForm):
    class Meta:
        model = Rekomendasi
        fields = ["komponen", "uraian", "tenggat", "unit_kerja"]
        widgets = {
            "uraian": forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
            "tenggat": forms.DateInput(attrs={"type": "date", "class": "form-control form-control-sm"}),
            "unit_kerja": forms.Select(attrs={"class": "form-select form-select-sm"}),
        }

    def __init__(self, *args, evaluasi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_kerja"].queryset = UnitKerja.objects.filter(opd_id=evaluasi.opd_id)
        self.fields["komponen"] = forms.ChoiceField(
            label=_("Komponen"),
            choices=[(k.kode, str(k)) for k in evaluasi.templat.komponen.order_by("urutan")],
            widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        )


class TindakLanjutForm(forms.Form):
    tindak_lanjut = forms.CharField(label=_("Tindak lanjut"), widget=forms.Textarea(attrs={"rows": 2}))
    progres = forms.IntegerField(label=_("Progres (%)"), min_value=0, max_value=100)


class LampiranForm(BuktiForm):
    """A file for a criterion: the same types and size limit as realisasi's bukti dukung."""
