from django.apps import AppConfig


class RenstraConfig(AppConfig):
    name = "renstra"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sakip import audit  # imports sakip.models: importable only once apps are ready

        # The official nomenclature (no pemda) is every pemda's list: its changes show in every pemda's log.
        audit.share_with_every_pemda("renstra.nomenklatur")
