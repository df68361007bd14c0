"""Test data shared by every app's tests: a small world with one user per role.

``alice`` plans OPD A, ``bob`` evaluates OPD A only, ``carol`` plans OPD B of the same pemda,
``dave`` is the admin of pemda 1, ``erin`` is the pimpinan holding the head position of OPD A,
``frank`` is the admin of pemda 2, and ``olga`` is an operator (superuser).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import SimpleNamespace

from sakip.models import Jabatan, Jenjang, Pegawai, Pemda, Penugasan, Peran, PerangkatDaerah, UnitKerja, User

PASSWORD = "Rahasia-Uji-2024"


def make_user(username: str, pemda: Pemda | None, *roles: tuple[str, PerangkatDaerah | None], **fields) -> User:
    user = User.objects.create_user(username, password=PASSWORD, pemda=pemda, nama=username.title(), **fields)
    for jenis, opd in roles:
        Peran.objects.create(user=user, jenis=jenis, opd=opd)
    return user


def make_world() -> SimpleNamespace:
    w = SimpleNamespace()
    w.pemda = Pemda.objects.create(
        kode="satu", nama="Kabupaten Satu", kepala_daerah_jabatan="Bupati Satu", ibukota="Satu"
    )
    w.pemda2 = Pemda.objects.create(
        kode="dua", nama="Kota Dua", jenis="kota", kepala_daerah_jabatan="Wali Kota Dua", ibukota="Dua"
    )
    w.opd_a = PerangkatDaerah.objects.create(pemda=w.pemda, kode="A", nama="Badan A", singkatan="BA")
    w.opd_b = PerangkatDaerah.objects.create(pemda=w.pemda, kode="B", nama="Dinas B", singkatan="DB")
    w.opd_c = PerangkatDaerah.objects.create(pemda=w.pemda2, kode="C", nama="Dinas C", singkatan="DC")
    w.unit_a = UnitKerja.objects.create(opd=w.opd_a, nama="Sekretariat", jenis=UnitKerja.Jenis.SEKRETARIAT)
    w.unit_b = UnitKerja.objects.create(opd=w.opd_b, nama="Sekretariat", jenis=UnitKerja.Jenis.SEKRETARIAT)
    w.kepala_a = Jabatan.objects.create(opd=w.opd_a, nama="Kepala Badan", jenjang=Jenjang.JPT_PRATAMA)
    w.sekretaris_a = Jabatan.objects.create(
        opd=w.opd_a, nama="Sekretaris", jenjang=Jenjang.ADMINISTRATOR, atasan=w.kepala_a, unit_kerja=w.unit_a
    )
    w.kepala_b = Jabatan.objects.create(opd=w.opd_b, nama="Kepala Dinas", jenjang=Jenjang.JPT_PRATAMA)
    w.kepala_c = Jabatan.objects.create(opd=w.opd_c, nama="Kepala Dinas", jenjang=Jenjang.JPT_PRATAMA)
    w.pegawai_a = Pegawai.objects.create(pemda=w.pemda, nama="Dr. Ani, M.Si", nip="196704031994032015", golongan="IV/c")
    w.pegawai_b = Pegawai.objects.create(pemda=w.pemda, nama="Budi, S.E.", nip="197001011995031001", golongan="IV/a")
    w.pegawai_c = Pegawai.objects.create(pemda=w.pemda2, nama="Citra", nip="198001012005012001", golongan="III/d")
    w.penugasan_a = Penugasan.objects.create(pegawai=w.pegawai_a, jabatan=w.kepala_a, mulai=datetime.date(2021, 1, 4))
    w.penugasan_b = Penugasan.objects.create(pegawai=w.pegawai_b, jabatan=w.kepala_b, mulai=datetime.date(2021, 1, 4))
    w.penugasan_c = Penugasan.objects.create(pegawai=w.pegawai_c, jabatan=w.kepala_c, mulai=datetime.date(2021, 1, 4))

    R = Peran.Jenis
    w.alice = make_user("alice", w.pemda, (R.PERENCANA, w.opd_a))
    w.bob = make_user("bob", w.pemda, (R.EVALUATOR, w.opd_a))
    w.carol = make_user("carol", w.pemda, (R.PERENCANA, w.opd_b))
    w.dave = make_user("dave", w.pemda, (R.ADMIN_PEMDA, None))
    w.erin = make_user("erin", w.pemda, (R.PIMPINAN, None), pegawai=w.pegawai_a)
    w.frank = make_user("frank", w.pemda2, (R.ADMIN_PEMDA, None))
    w.olga = User.objects.create_superuser("olga", password=PASSWORD)
    return w


# --- Query counts ------------------------------------------------------------------------------------------
# Every query-count assertion goes through these, so a failure lists the SQL that ran (NetBox/Zulip style).


class QueryLog:
    """The SQL statements run inside :func:`capture_queries`; ``len()`` is their number."""

    def __init__(self, label: str = "") -> None:
        self.label = label
        self.statements: list[str] = []

    def __len__(self) -> int:
        return len(self.statements)

    def __repr__(self) -> str:
        return f"<QueryLog {self.label or '-'}: {len(self)} queries>"

    def listing(self) -> str:
        lines = [f"{len(self)} queries{f' for {self.label}' if self.label else ''}:"]
        lines += [f"  {n}. {sql}" for n, sql in enumerate(self.statements, 1)]
        return "\n".join(lines)


@contextmanager
def capture_queries(label: str = "", using: str = "default") -> Iterator[QueryLog]:
    """``with capture_queries("small plan") as q: ...`` then assert with the helpers below."""
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    log = QueryLog(label)
    with CaptureQueriesContext(connections[using]) as ctx:
        yield log
    log.statements = [q["sql"] for q in ctx.captured_queries]


def assert_num_queries(log: QueryLog, expected: int) -> None:
    if len(log) != expected:
        raise AssertionError(f"expected {expected} queries, got {len(log)}\n{log.listing()}")


def assert_max_queries(log: QueryLog, maximum: int) -> None:
    if len(log) > maximum:
        raise AssertionError(f"expected at most {maximum} queries, got {len(log)}\n{log.listing()}")


def assert_same_queries(expected: QueryLog | Sequence[QueryLog], actual: QueryLog | Sequence[QueryLog]) -> None:
    """The same number of queries (pairwise for sequences): a page whose queries grow with the data fails,
    listing the SQL of both runs."""
    before = [expected] if isinstance(expected, QueryLog) else list(expected)
    after = [actual] if isinstance(actual, QueryLog) else list(actual)
    assert len(before) == len(after), "compare the logs of the same pages"
    differing = [(a, b) for a, b in zip(before, after, strict=True) if len(a) != len(b)]
    if differing:
        report = [f"query counts differ: {[len(a) for a in before]} != {[len(b) for b in after]}"]
        for a, b in differing:
            report += ["", a.listing(), "", b.listing()]
        raise AssertionError("\n".join(report))
