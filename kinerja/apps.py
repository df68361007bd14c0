from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaConfig(AppConfig):
    name = "kinerja"
    verbose_name = _("Kinerja")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from kinerja.panels import antrean_verifikasi  # models can be imported once the apps are ready
        from sakip import panels  # the home page's registry, filled when the apps are ready

        panels.register(antrean_verifikasi)
