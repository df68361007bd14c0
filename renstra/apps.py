from django.apps import AppConfig

from sakip import inbox


class RenstraConfig(AppConfig):
    name = "renstra"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import renstra.search  # noqa: F401  registers its search kinds; reads the models once apps are ready
        from renstra.inbox import draf_renstra  # reads the models: importable only once apps are ready
        from sakip import audit  # imports sakip.models: importable only once apps are ready

        inbox.register(draf_renstra)
        # The official nomenclature (no pemda) is every pemda's list: its changes show in every pemda's log.
        audit.share_with_every_pemda("renstra.nomenklatur")
