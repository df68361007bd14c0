"""Forms of the core pages. Views set the owner (pemda, OPD) on the instance before validation."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.forms import SetPasswordMixin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.translation import gettext_lazy as _

from sakip.lib.nip import format_nip, normalize_nip
from sakip.lib.numbers import format_number
from sakip.lib.periode import long_date
from sakip.lib.values import Reading, UnreadableValue, format_value, read_cell
from sakip.models import Jabatan, Pegawai, Pemda, Penugasan, Peran, PerangkatDaerah, UnitKerja, User


class NilaiField(forms.CharField):
    """A value typed as in the grids ("62,56", "100%", "BB (75,3)", "Rp 1.234.567"), read by the same reader
    (:func:`sakip.lib.values.read_cell`); cleaned to a :class:`Reading`. The form sets ``satuan``, ``persen``
    and ``target`` to check against; :class:`KonfirmasiMixin` asks to confirm what the reading warns of."""

    def __init__(self, *args, money: bool = False, persen: bool = False, **kwargs):
        self.money = money
        self.satuan, self.persen, self.target = "", persen, None
        self.reading: Reading | None = None  # the last value cleaned, for KonfirmasiMixin
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)

    def clean(self, value) -> Reading:
        self.reading = None
        value = super().clean(value)
        try:
            self.reading = read_cell(
                value, satuan=self.satuan, persen=self.persen, target=self.target, money=self.money
            )
        except UnreadableValue as error:
            raise forms.ValidationError(str(error)) from None
        return self.reading


class AngkaField(NilaiField):
    """A plain number (a percentage bound, a threshold) read by the same reader as every value, cleaned to a
    ``Decimal`` (or None): no predikat or text. ``persen=True``: more than 100 is a warning to confirm."""

    def clean(self, value) -> Decimal | None:  # type: ignore[override]
        parsed = super().clean(value).parsed
        if parsed.teks:
            self.reading = None
            raise forms.ValidationError(_("Isi dengan angka."))
        return parsed.nilai

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_value(value)
        return value

    def has_changed(self, initial, data) -> bool:
        """Changed when the text differs from the stored value as shown (a stored 1.234,56 left as is is no
        change, so it is not rounded or warned about again)."""
        shown = self.prepare_value(initial) if initial is not None else ""
        return str(shown) != str(data if data is not None else "").strip()


class RupiahField(AngkaField):
    """Rupiah typed as people write it ("1.234.567,89", "1234567", "Rp 1.234.567") and shown that way: read as
    every Rupiah (:func:`read_cell`), whole rupiah; that a typed amount was rounded is said at the field
    (:class:`KonfirmasiMixin`), as is an amount ten times its ``target`` (the budget it is spent from)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "class": "text-end"}))
        super().__init__(*args, money=True, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_number(value, 0 if value == value.to_integral_value() else 2)
        return value


class KonfirmasiMixin:
    """A form whose :class:`NilaiField` values may need a second look: a negative count, a percentage over
    100, a value ten times the target, money rounded to whole rupiah. Each is said at its field, with a
    *konfirmasi* checkbox shown with it; ticked, the values are saved as read. The form calls
    :meth:`add_konfirmasi` in ``__init__`` and :meth:`check_konfirmasi` in ``clean``."""

    fields: dict[str, forms.Field]

    def add_konfirmasi(self) -> None:
        self.fields["konfirmasi"] = forms.BooleanField(
            label=_("Ya, nilai di atas memang benar; simpan."), required=False, widget=forms.HiddenInput
        )

    def check_konfirmasi(self, data: dict) -> None:
        notes = {}
        for name, field in self.fields.items():
            reading = getattr(field, "reading", None)
            changed = name in self.changed_data
            if changed and name in data and reading is not None and (reading.peringatan or reading.catatan):
                notes[name] = [*reading.peringatan, *([reading.catatan] if reading.catatan else [])]
        if not notes or data.get("konfirmasi"):
            return
        self.fields["konfirmasi"].widget = forms.CheckboxInput(attrs={"class": "form-check-input"})
        for name, messages in notes.items():
            self.add_error(name, [*messages, _("Periksa lalu centang konfirmasi di bawah untuk menyimpan.")])


TAHUN_MIN, TAHUN_MAX = 2000, 2100  # the years a plan, a PK or a report may name (the year pages' range)


TEKS_MAX = 2000  # characters of a free text (an uraian, a narrative line) typed in a form
TANGGAL_MIN = datetime.date(1950, 1, 1)  # no date Sakip records is older (a civil servant's first SK)
TANGGAL_MAJU_TAHUN = 10  # nor further ahead than ten years from today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TanggalField(forms.DateField):
    """Every date a user types: bounded to :data:`TANGGAL_MIN` … today + :data:`TANGGAL_MAJU_TAHUN` years unless
    the form says otherwise (``awal``/``akhir``, settable after construction with :meth:`batasi`); a date outside is
    a message at the field, in the long Indonesian form ("1 Januari 1950"). The browser's date picker gets the same
    bounds (``min``/``max``)."""

    def __init__(self, *args, awal: datetime.date | None = None, akhir: datetime.date | None = None, **kwargs):
        kwargs.setdefault("widget", DateInput())
        super().__init__(*args, **kwargs)
        self.batasi(awal, akhir)

    def batasi(self, awal: datetime.date | None = None, akhir: datetime.date | None = None) -> None:
        """Set the bounds; ``None`` keeps the project's own."""
        self.awal = awal or TANGGAL_MIN
        self._akhir = akhir
        self.widget.attrs.update(min=self.awal.isoformat(), max=self.akhir.isoformat())

    @property
    def akhir(self) -> datetime.date:
        if self._akhir is not None:
            return self._akhir
        today = datetime.date.today()
        try:
            return today.replace(year=today.year + TANGGAL_MAJU_TAHUN)
        except ValueError:  # 29 February
            return today.replace(year=today.year + TANGGAL_MAJU_TAHUN, day=28)

    def validate(self, value) -> None:
        super().validate(value)
        if value is not None and not self.awal <= value <= self.akhir:
            raise ValidationError(
                _("Tanggal harus antara %(awal)s dan %(akhir)s.")
                % {"awal": long_date(self.awal), "akhir": long_date(self.akhir)},
                code="tanggal_di_luar_batas",
            )


def bounded_formfield(db_field, **kwargs):
    """A model form's field, with an integer column's range as the form's own bound (``formfield_callback``).

    Django checks a column's range only where the database backend declares it, so on SQLite a 17-digit
    *urutan* was saved and on PostgreSQL it was a 500; here it is a message at the field on every backend.
    A year column (named ``tahun…``) is bounded to the years Sakip plans for; a date column is a
    :class:`TanggalField` (bounded dates, the browser's date picker); a text column without a length takes
    :data:`TEKS_MAX` characters at most.
    """
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        return db_field.formfield(**{"form_class": TanggalField, **kwargs})
    if isinstance(db_field, models.TextField) and not db_field.max_length:
        kwargs.setdefault("max_length", TEKS_MAX)
    if isinstance(db_field, models.IntegerField) and not db_field.choices and "max_value" not in kwargs:
        low, high = BaseDatabaseOperations.integer_field_ranges[db_field.get_internal_type()]
        if db_field.name.startswith("tahun"):
            low, high = TAHUN_MIN, TAHUN_MAX
        kwargs = {"min_value": max(low, kwargs.get("min_value", low)), "max_value": high, **kwargs}
    return db_field.formfield(**kwargs)


class TokenMixin:
    """An edit form that carries its row's ``updated_at`` as the page showed it (hidden field ``token``), for
    the service to refuse a save over someone else's newer one (:func:`sakip.audit.ensure_unchanged`)."""

    data: Any  # the form's (Django's BaseForm)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"] = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)
        if self.instance.pk and self.instance.updated_at:
            self.initial["token"] = self.instance.updated_at.isoformat()

    @property
    def token(self) -> str | None:
        return (getattr(self, "cleaned_data", None) or {}).get("token") or None

    def berubah(self, error) -> None:
        """Show a :class:`sakip.audit.Berubah` on the form, whose token becomes the row's current one."""
        self.add_error(None, error.messages)
        self.data = self.data.copy()
        self.data[self.add_prefix("token")] = error.token


class FieldErrorsMixin:
    """A model form whose model's constraint messages are shown at the field they concern, not above the form.

    Django puts a constraint's message over several columns (a NIP unique per pemda, *selesai* not before
    *mulai*) at the top; here a unique constraint's message goes to its one field on the form (the owner fields
    are not on it), and a check constraint's to the field named in ``constraint_fields`` (name → field)."""

    constraint_fields: dict[str, str] = {}
    fields: dict[str, forms.Field]
    _meta: Any

    def _constraint_targets(self) -> dict[str, str]:
        targets = {}
        for constraint in self._meta.model._meta.constraints:
            field = self.constraint_fields.get(constraint.name)
            if field is None and isinstance(constraint, models.UniqueConstraint):
                shown = [name for name in constraint.fields if name in self.fields]
                field = shown[0] if len(shown) == 1 else None
            if field in self.fields:
                targets[str(constraint.get_violation_error_message())] = field
        return targets

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict") and NON_FIELD_ERRORS in errors.error_dict:
            targets = self._constraint_targets()
            moved: dict[str, list] = {}
            for error in errors.error_dict.pop(NON_FIELD_ERRORS):
                text = str(error.message % error.params if error.params else error.message)
                target = targets.get(text, NON_FIELD_ERRORS)
                shown = [name for name in (error.params or {}).get("unique_check", ()) if name in self.fields]
                if target == NON_FIELD_ERRORS and len(shown) == 1:  # unique_together, no message of its own
                    target = shown[0]
                moved.setdefault(target, []).append(error)
            for name, found in moved.items():
                errors.error_dict.setdefault(name, []).extend(found)
        super()._update_errors(errors)


class ScopedModelForm(FieldErrorsMixin, forms.ModelForm):
    """A model form whose owner fields (not on the form) still take part in uniqueness checks.

    Django leaves fields that are not on the form out of ``validate_unique``/constraints, so a
    duplicate OPD code would only surface as a database error; here it is a message at the field.
    """

    owner_fields: tuple[str, ...] = ()

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        for name in self.owner_fields:
            exclude.discard(name)
        return exclude

    def add_error(self, field, error):
        # Errors of constraints over an owner field belong to the visible field that names them.
        if field in self.owner_fields:
            field = None
        super().add_error(field, error)


class PemdaForm(forms.ModelForm):
    class Meta:
        model = Pemda
        fields = [
            "nama",
            "jenis",
            "provinsi",
            "kepala_daerah_jabatan",
            "kepala_daerah_nama",
            "ibukota",
            "logo",
            "ukuran_kertas",
            "desimal_persen",
            "pembulatan",
            "zona_waktu",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("desimal_persen", "pembulatan"):  # left out of a post: the pemda's current policy stays
            self.fields[name].required = False

    def clean_desimal_persen(self):
        value = self.cleaned_data.get("desimal_persen")
        return self.instance.desimal_persen if value is None else value

    def clean_pembulatan(self):
        return self.cleaned_data.get("pembulatan") or self.instance.pembulatan


class PerangkatDaerahForm(ScopedModelForm):
    owner_fields = ("pemda",)
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = PerangkatDaerah
        fields = ["kode", "nama", "singkatan", "alamat", "telepon", "email", "website", "logo", "aktif"]
        widgets = {"alamat": forms.Textarea(attrs={"rows": 2})}


class UnitKerjaForm(ScopedModelForm):
    owner_fields = ("opd",)

    class Meta:
        model = UnitKerja
        formfield_callback = bounded_formfield
        fields = ["nama", "jenis", "parent", "urutan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = UnitKerja.objects.filter(opd_id=self.instance.opd_id)
        if self.instance.pk:
            units = units.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = units


class JabatanForm(ScopedModelForm):
    owner_fields = ("opd",)

    class Meta:
        model = Jabatan
        formfield_callback = bounded_formfield
        fields = ["nama", "jenjang", "unit_kerja", "atasan", "urutan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        opd_id = self.instance.opd_id
        self.fields["unit_kerja"].queryset = UnitKerja.objects.filter(opd_id=opd_id)
        positions = Jabatan.objects.filter(opd_id=opd_id)
        if self.instance.pk:
            positions = positions.exclude(pk=self.instance.pk)
        self.fields["atasan"].queryset = positions


class PegawaiForm(ScopedModelForm):
    owner_fields = ("pemda",)
    # Typed as printed, with spaces ("19670403 199403 1 015"); the model validates the 18 digits.
    nip = forms.CharField(
        label=_("NIP"),
        max_length=30,
        required=False,
        help_text=_("18 angka; spasi boleh."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "19670403 199403 1 015"}),
    )

    class Meta:
        model = Pegawai
        fields = ["nama", "nip", "golongan", "pendidikan", "status", "opd"]

    def clean_nip(self) -> str:
        return normalize_nip(self.cleaned_data["nip"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.nip and not self.is_bound:
            self.initial["nip"] = format_nip(self.instance.nip)
        # Only the pemda's own agencies.
        self.fields["opd"].queryset = PerangkatDaerah.objects.filter(pemda_id=self.instance.pemda_id)


class PenugasanForm(FieldErrorsMixin, forms.ModelForm):
    constraint_fields = {"sakip_penugasan_selesai_after_mulai": "selesai"}

    class Meta:
        model = Penugasan
        formfield_callback = bounded_formfield
        fields = ["jabatan", "jenis", "mulai", "selesai", "nomor_sk"]

    def __init__(self, *args, pemda_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = Jabatan.objects.filter(opd__pemda_id=pemda_id).select_related("opd")
        self.fields["jabatan"].label_from_instance = lambda j: f"{j.nama} — {j.opd.singkatan or j.opd.nama}"


class UserForm(ScopedModelForm):
    owner_fields = ("pemda",)

    class Meta:
        model = User
        fields = ["username", "nama", "email", "pegawai", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = Pegawai.objects.filter(pemda_id=self.instance.pemda_id)
        if "is_active" in self.fields:
            self.fields["is_active"].help_text = _("Pengguna nonaktif tidak dapat masuk; riwayatnya tetap tersimpan.")


class NewUserForm(SetPasswordMixin, UserForm):
    """A new login with its first password, checked by the password validators."""

    password1, password2 = SetPasswordMixin.create_password_fields(
        label1=_("Kata sandi"), label2=_("Ulangi kata sandi")
    )

    class Meta(UserForm.Meta):
        fields = ["username", "nama", "email", "pegawai"]

    def clean(self):
        self.validate_passwords()
        return super().clean()

    def _post_clean(self):
        super()._post_clean()
        self.validate_password_for_user(self.instance)

    def save(self, commit=True):
        user = super().save(commit=False)
        user = self.set_password_and_save(user, commit=commit)
        return user


class PeranForm(forms.ModelForm):
    class Meta:
        model = Peran
        fields = ["jenis", "opd"]

    def __init__(self, *args, pemda_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = PerangkatDaerah.objects.filter(pemda_id=pemda_id)
        self.fields["opd"].required = False

    def clean(self):
        data = super().clean()
        jenis, opd = data.get("jenis"), data.get("opd")
        if jenis == Peran.Jenis.PERENCANA and not opd:
            self.add_error("opd", _("Pilih perangkat daerah untuk peran Perencana."))
        if jenis in (Peran.Jenis.ADMIN_PEMDA, Peran.Jenis.PIMPINAN) and opd:
            self.add_error("opd", _("Peran ini berlaku untuk seluruh pemda; kosongkan perangkat daerah."))
        return data


class BasePeranFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, pemda_id: int | None = None, **kwargs):
        self.pemda_id = pemda_id
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "pemda_id": self.pemda_id}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            pemda_id=self.pemda_id,
        )
        self.add_fields(form, None)
        return form

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            key = (form.cleaned_data.get("jenis"), form.cleaned_data.get("opd"))
            if key in seen:
                form.add_error("jenis", _("Peran ini tercantum dua kali."))
            seen.add(key)

    def validate_pimpinan(self, pegawai) -> None:
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("jenis") == Peran.Jenis.PIMPINAN and not data.get("DELETE") and pegawai is None:
                form.add_error("jenis", _("Peran Pimpinan memerlukan pegawai yang ditautkan pada pengguna ini."))


PeranFormSet = forms.inlineformset_factory(
    User, Peran, form=PeranForm, formset=BasePeranFormSet, extra=1, can_delete=True
)


class AdminSetPasswordForm(SetPasswordMixin, forms.Form):
    """The admin pemda sets a new password for a user who forgot theirs."""

    new_password1, new_password2 = SetPasswordMixin.create_password_fields(
        label1=_("Kata sandi baru"), label2=_("Ulangi kata sandi baru")
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password2")
        return super().clean()

    def save(self):
        return self.set_password_and_save(self.user, "new_password1")
