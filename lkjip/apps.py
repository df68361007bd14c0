from django.apps import AppConfig

from sakip import inbox


class LkjipConfig(AppConfig):
    name = "lkjip"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import lkjip.search  # noqa: F401  registers its search kinds; reads the models once apps are ready
        from lkjip.inbox import dokumen_final_baru  # reads the models: importable only once apps are ready

        inbox.register(dokumen_final_baru)
