"""Each user chooses which e-mail notices they get; every e-mail links to switching off."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from .notices import KINDS, preference, read_unsubscribe_token, unsubscribe
from .preparation_forms import NoticePreferenceForm


def notice_preferences(request):
    form = NoticePreferenceForm(request.POST or None, instance=preference(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Dina val av e-post är sparade.")
        return redirect("meetings:notice-preferences")
    return render(request, "webcert_forum/notice_preferences.html", {"form": form})


@login_not_required
def unsubscribe_view(request, token):
    """The link in an e-mail: a page with one button, so a mail scanner's GET changes nothing."""
    found = read_unsubscribe_token(token)
    if found is None:
        # As for the calendar feeds' tokens: a link this site did not sign is refused.
        raise PermissionDenied("Länken för att avsluta e-post är ogiltig.")
    user, kind = found
    done = False
    if request.method == "POST":
        unsubscribe(user, kind)
        done = True
    return render(
        request,
        "webcert_forum/unsubscribe.html",
        {"kind_label": KINDS[kind], "done": done, "email": user.email},
    )
