from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sakip import inbox


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = _("Evaluasi AKIP")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from evaluasi.inbox import evaluasi_menunggu, rekomendasi_terlambat  # reads the models: only once ready

        inbox.register(evaluasi_menunggu)
        inbox.register(rekomendasi_terlambat)
