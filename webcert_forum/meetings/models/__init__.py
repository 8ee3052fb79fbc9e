"""The forum's own models (app label `webcert_forum`), in two ideas: the minutes (`minutes`)
and the preparation of the next meeting (`preparation`). Import them from here."""

from .minutes import (
    WAITING,
    Answer,
    Attendance,
    ImportRun,
    Meeting,
    MeetingQuerySet,
    NewsItem,
    Question,
    Slide,
)
from .preparation import (
    AgendaItem,
    AttendanceNotice,
    NoticePreference,
    PlannedMeeting,
    PlannedMeetingQuerySet,
    SentNotice,
    SubmittedQuestion,
    WindowConfirmation,
)

__all__ = [
    "WAITING",
    "AgendaItem",
    "Answer",
    "Attendance",
    "AttendanceNotice",
    "ImportRun",
    "Meeting",
    "MeetingQuerySet",
    "NewsItem",
    "NoticePreference",
    "PlannedMeeting",
    "PlannedMeetingQuerySet",
    "Question",
    "SentNotice",
    "Slide",
    "SubmittedQuestion",
    "WindowConfirmation",
]
