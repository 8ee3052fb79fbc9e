from django.core.management.base import BaseCommand

from webcert_forum.meetings.notices import send_notices


class Command(BaseCommand):
    help = (
        "Send the e-mail notices that are due (reminders before the next meeting, new minutes). "
        "Idempotent: safe to run every hour."
    )

    def handle(self, *args, **options):
        outcome = send_notices()
        self.stdout.write(
            f"Sent {outcome.sent}, failed {outcome.failed} (retried next run), "
            f"already sent {outcome.skipped}."
        )
        if outcome.failed:
            self.stderr.write("Some notices failed; see the log.")
