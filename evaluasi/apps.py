from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sakip import documents, inbox


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = _("Evaluasi AKIP")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from evaluasi.inbox import evaluasi_menunggu, rekomendasi_terlambat  # reads the models: only once ready
        from evaluasi.services import print_lhe

        inbox.register(evaluasi_menunggu)
        inbox.register(rekomendasi_terlambat)
        documents.register("lhe", print_lhe)
