"""``load_demo``: the seed organisations and one login per role, idempotent."""

from io import StringIO

from django.core.management import call_command

from sakip.demo import DEMO_PASSWORD
from sakip.models import AuditEntry, Jabatan, Pegawai, Pemda, PerangkatDaerah, User


def test_load_demo_twice(demo_data):  # loaded once already
    counts = [m.objects.count() for m in (Pemda, PerangkatDaerah, Jabatan, Pegawai, User, AuditEntry)]
    call_command("load_demo", stdout=StringIO())
    assert [m.objects.count() for m in (Pemda, PerangkatDaerah, Jabatan, Pegawai, User, AuditEntry)] == counts

    balangan = PerangkatDaerah.objects.get(pemda__kode="balangan", kode="8.01.0.00.0.00.01.0000")
    assert balangan.nama_lengkap == "Badan Kesatuan Bangsa dan Politik Kabupaten Balangan"
    kepala = Jabatan.objects.get(opd=balangan, atasan__isnull=True)
    holder = kepala.pemangku_pada()
    assert holder.pegawai.nip_display == "19670403 199403 1 015"
    assert holder.pegawai.pangkat == "Pembina Utama Muda"
    assert Jabatan.objects.filter(opd=balangan, atasan=kepala).count() == 5  # sekretaris, 3 kabid, kepala UPTD
    blitar = Pemda.objects.get(kode="blitar")
    assert blitar.kepala_daerah_jabatan == "Bupati Blitar"
    assert AuditEntry.objects.filter(actor_name="load_demo").exists()


def test_demo_logins_work(client, demo_data):
    for username in ["admin.balangan", "perencana.balangan", "pimpinan.balangan", "evaluator.balangan", "operator"]:
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD)
