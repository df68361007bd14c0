from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SakipConfig(AppConfig):
    name = "sakip"
    verbose_name = _("Sakip inti")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import sakip.search_providers  # noqa: F401  registers the OPD search; reads the models once apps are ready
