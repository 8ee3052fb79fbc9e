from django.core.management.base import BaseCommand

from webcert_forum.meetings.notices import send_notices


class Command(BaseCommand):
    help = (
        "Send the e-mail notices that are due (reminders before the next meeting, new minutes). "
        "Idempotent: safe to run every hour, and two runs at once never send a notice twice."
    )

    def handle(self, *args, **options):
        outcome = send_notices()
        elsewhere = f", being sent by another run {outcome.elsewhere}" if outcome.elsewhere else ""
        self.stdout.write(
            f"Sent {outcome.sent}, failed {outcome.failed} (retried next run), "
            f"already sent {outcome.skipped}{elsewhere}."
        )
        if outcome.failed:
            self.stderr.write("Some notices failed; see the log.")
