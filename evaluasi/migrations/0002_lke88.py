"""The official LKE of PermenPAN-RB 88/2021 (no pemda: every pemda may use it or copy it)."""

from django.db import migrations

from evaluasi import lke88


def forwards(apps, schema_editor):
    lke88.muat(
        apps.get_model("evaluasi", "Templat"),
        apps.get_model("evaluasi", "Komponen"),
        apps.get_model("evaluasi", "SubKomponen"),
        apps.get_model("evaluasi", "Kriteria"),
    )


def backwards(apps, schema_editor):
    apps.get_model("evaluasi", "Templat").objects.filter(pemda=None, nama=lke88.NAMA).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
