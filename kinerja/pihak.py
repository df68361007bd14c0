"""The two parties of a Perjanjian Kinerja: who signs for a position on a date, and the kepala daerah.

A PK reads its parties live until it is signed (:func:`pihak_terkini`); signing freezes them on the PK's fields.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from kinerja.models import PerjanjianKinerja
from sakip.models import Jabatan, Penugasan


def jabatan_lengkap(jabatan: Jabatan) -> str:
    """As a signature block prints it: "Kepala Badan Kesatuan Bangsa dan Politik Kabupaten Blitar"."""
    opd = jabatan.opd
    words = jabatan.nama.split()
    if len(words) == 2 and words[0].lower() == "kepala" and opd.nama.lower().startswith(words[1].lower()):
        return f"Kepala {opd.nama_lengkap}"
    return f"{jabatan.nama} {opd.nama_lengkap}"


@dataclass
class Pihak:
    nama: str = ""
    nip: str = ""
    pangkat: str = ""
    jabatan: str = ""
    plt: bool = False


def pihak_untuk(jabatan: Jabatan | None, pemda, tanggal: datetime.date) -> Pihak:
    """Who signs for a position on a date; no position means the kepala daerah (who has no NIP)."""
    if jabatan is None:
        return Pihak(nama=pemda.kepala_daerah_nama, jabatan=pemda.kepala_daerah_jabatan)
    holder = jabatan.pemangku_pada(tanggal)
    title = jabatan_lengkap(jabatan)
    if holder is None:
        return Pihak(jabatan=title)
    plt = holder.jenis != Penugasan.Jenis.DEFINITIF
    prefixes: dict[str, str] = {Penugasan.Jenis.PLT: "Plt. ", Penugasan.Jenis.PLH: "Plh. "}
    prefix = prefixes.get(holder.jenis, "")
    pegawai = holder.pegawai
    return Pihak(nama=pegawai.nama, nip=pegawai.nip, pangkat=pegawai.pangkat_golongan, jabatan=prefix + title, plt=plt)


def parties(pk: PerjanjianKinerja, tanggal: datetime.date) -> dict[str, object]:
    """The PK's two parties on ``tanggal`` as its fields: the position's holder and the holder above."""
    first = pihak_untuk(pk.jabatan, pk.opd.pemda, tanggal)
    second = pihak_untuk(pk.jabatan.atasan, pk.opd.pemda, tanggal)
    return {
        "pertama_nama": first.nama,
        "pertama_nip": first.nip,
        "pertama_pangkat": first.pangkat,
        "pertama_jabatan": first.jabatan,
        "pertama_plt": first.plt,
        "kedua_nama": second.nama,
        "kedua_nip": second.nip,
        "kedua_pangkat": second.pangkat,
        "kedua_jabatan": second.jabatan,
    }


def copy_parties(pk: PerjanjianKinerja, tanggal: datetime.date) -> None:
    for name, value in parties(pk, tanggal).items():
        setattr(pk, name, value)


def pihak_terkini(pk: PerjanjianKinerja) -> PerjanjianKinerja:
    """A PK's parties as they stand now, set on ``pk`` (not saved) unless it is signed.

    Until it is signed a PK names whoever holds the positions on its date (today when it has none) and the
    kepala daerah as the pemda's profile names them now: a signer the admin placed after the draft was made
    counts at once. :func:`tandatangani` freezes them; a signed PK keeps the parties it was signed with.
    """
    if not pk.is_signed:
        copy_parties(pk, pk.tanggal or timezone.localdate())
    return pk
