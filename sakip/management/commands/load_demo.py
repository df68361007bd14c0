"""``manage.py load_demo``: the demo pemda, OPD, people and one user per role. Safe to run again.

Each app may ship a ``demo`` module with ``load(stdout)``; they run in INSTALLED_APPS order inside one
transaction, so a failure leaves the database as it was.
"""

from importlib import import_module, util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from sakip.audit import acting_as
from sakip.demo import DEMO_PASSWORD, LOGINS


class Command(BaseCommand):
    help = "Memuat data demo (Kabupaten Balangan dan Kabupaten Blitar). Aman dijalankan berulang."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="", help="Alamat server yang dicetak bersama login demo (make run).")

    def handle(self, *args, **options):
        with transaction.atomic(), acting_as(label="load_demo"):
            for config in apps.get_app_configs():
                name = f"{config.name}.demo"
                if util.find_spec(name) is not None:
                    import_module(name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Data demo siap."))
        if options["url"]:
            self.print_logins(options["url"])

    def print_logins(self, url: str) -> None:
        """What ``make run`` shows before the server starts: where to go and whom to log in as."""
        width = max(len(username) for username, _ in LOGINS)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Buka {url} dan masuk dengan salah satu login demo:"))
        for username, purpose in LOGINS:
            self.stdout.write(f"  {username.ljust(width)}  {purpose}")
        self.stdout.write(f"Kata sandi semua login demo: {DEMO_PASSWORD}")
        self.stdout.write("")
