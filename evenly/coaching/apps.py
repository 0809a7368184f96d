from django.apps import AppConfig


class CoachingConfig(AppConfig):
    """The coach inside the app: a text box that gently points out phrasing
    as the author writes. The analysis itself is `evenly.coach`, pure Python."""

    name = "evenly.coaching"
    label = "coaching"
