from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SakipConfig(AppConfig):
    name = "sakip"
    verbose_name = _("Sakip inti")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Once the apps are ready (they read the models): the OPD search registers, the pemda's time zone is kept
        # in the session at login.
        from sakip import search_providers, zona  # noqa: F401
