from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sakip import inbox, panels


class KinerjaConfig(AppConfig):
    name = "kinerja"
    verbose_name = _("Kinerja")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import kinerja.search  # noqa: F401  registers its search kinds; reads the models once apps are ready
        from kinerja.inbox import PROVIDERS  # reads the models: importable only once apps are ready
        from kinerja.panels import antrean_verifikasi  # as above

        panels.register(antrean_verifikasi)
        for provider in PROVIDERS:
            inbox.register(provider)
