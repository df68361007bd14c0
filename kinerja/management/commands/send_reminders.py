"""``manage.py send_reminders``: the day's reminders by e-mail, each item and threshold once (run daily by cron)."""

from django.core.management.base import BaseCommand

from kinerja import pengingat


class Command(BaseCommand):
    help = "Kirim pengingat tenggat, pengembalian dan tanda tangan lewat surel (sekali per butir dan ambang)."

    def handle(self, *args, **options):
        sent = pengingat.kirim()
        self.stdout.write(f"{sent} surel pengingat dikirim.")
