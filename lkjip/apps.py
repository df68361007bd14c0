from django.apps import AppConfig

from sakip import inbox


class LkjipConfig(AppConfig):
    name = "lkjip"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lkjip.inbox import dokumen_final_baru  # reads the models: importable only once apps are ready

        inbox.register(dokumen_final_baru)
