"""Decisions, experiments and what the couple learned from them.

A decision and an experiment belong to the couple; everything a partner writes
in them is encrypted at rest and stays theirs alone until the moment both
partners' parts are revealed together. Who opened, who proposed, which option
was adopted and whose it was are kept as plain, content-free columns for the
balance view: they survive when the words are erased.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from evenly.core.fields import EncryptedTextField

TOPIC_MAX = 200
OPTION_MAX = 500
TEXT_MAX = 4000


class Level(models.IntegerChoices):
    CANT_LIVE_WITH_IT = 1, _("I can't live with it")
    RATHER_NOT = 2, _("I'd rather not")
    OKAY = 3, pgettext_lazy("rating level", "Okay")
    LIKE_IT = 4, _("I like it")
    LOVE_IT = 5, _("I love it")


class HowItWent(models.IntegerChoices):
    NOT_AT_ALL = 1, _("It didn't work for me")
    NOT_REALLY = 2, _("Not really")
    MIXED = 3, pgettext_lazy("how it went", "Mixed")
    MOSTLY = 4, _("Mostly good")
    WELL = 5, _("It worked really well")


WENT_WELL = 4


class Stage(models.TextChoices):
    VIEWS = "views", _("Writing your views")
    UNDERSTANDING = "understanding", _("Understanding each other")
    OPTIONS = "options", _("Options and ratings")
    AGREEING = "agreeing", _("Agreeing on a trial")
    TRIAL = "trial", _("Trying it out")
    KEPT = "kept", pgettext_lazy("decision outcome", "Kept")
    DROPPED = "dropped", pgettext_lazy("decision outcome", "Dropped")


OPEN_STAGES = (Stage.VIEWS, Stage.UNDERSTANDING, Stage.OPTIONS, Stage.AGREEING, Stage.TRIAL)


class NextStep(models.TextChoices):
    KEEP = "keep", _("Keep it")
    ADJUST = "adjust", _("Adjust it: a new round")
    DROP = "drop", _("Drop it")


class Outcome(models.TextChoices):
    KEPT = "kept", pgettext_lazy("decision outcome", "Kept")
    ADJUSTED = "adjusted", _("Adjusted in a new round")
    DROPPED = "dropped", pgettext_lazy("decision outcome", "Dropped")


class TrialLength(models.IntegerChoices):
    WEEK = 7, _("One week")
    TWO_WEEKS = 14, _("Two weeks")
    MONTH = 30, _("A month")
    THREE_MONTHS = 90, _("Three months")


class Decision(models.Model):
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    topic = EncryptedTextField()
    stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.VIEWS)
    round_number = models.PositiveSmallIntegerField(default=1)
    views_revealed_at = models.DateTimeField(null=True, blank=True)
    set_aside_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Touched only by changes both partners may see, never by private writing.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["couple", "stage"])]

    def __str__(self) -> str:
        return f"Decision {self.pk}"  # ids only, never the words

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class Perspective(models.Model):
    """One partner's side of a decision: their view, and their summary of the
    other's view (which the other confirms or corrects)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="perspectives")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    view = EncryptedTextField(blank=True, default="")
    view_written_at = models.DateTimeField(null=True, blank=True)
    summary = EncryptedTextField(blank=True, default="")
    summary_written_at = models.DateTimeField(null=True, blank=True)
    summary_confirmed_at = models.DateTimeField(null=True, blank=True)
    correction = EncryptedTextField(blank=True, default="")  # written by the other partner

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "user"], name="one_perspective_per_partner")]

    def __str__(self) -> str:
        return f"Perspective {self.pk}"


class Round(models.Model):
    """One pass from options to an agreement. Adjusting a decision after its
    review starts a new round on the same decision."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    ratings_revealed_at = models.DateTimeField(null=True, blank=True)
    terms_option = models.ForeignKey("Option", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    terms_option_version = models.PositiveIntegerField(null=True, blank=True)
    trial_days = models.PositiveSmallIntegerField(null=True, blank=True, choices=TrialLength.choices)
    review_on = models.DateField(null=True, blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    # Content-free facts for the balance view.
    adopted_option = models.ForeignKey("Option", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    adopted_proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    both_rated_well = models.BooleanField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["decision", "number"], name="one_round_per_number")]

    def __str__(self) -> str:
        return f"Round {self.pk}"


class Option(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="options")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = EncryptedTextField()
    is_compromise = models.BooleanField(default=False)
    # Bumped on every edit, so a stale form or a stale signature is noticed.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Option {self.pk}"


class Rating(models.Model):
    """How acceptable one option is to one partner. Never shown to the other."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="ratings")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    option_version = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["option", "rater"], name="one_rating_per_option_and_partner"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="rating_level_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"Rating {self.pk}"


class Seat(models.Model):
    """One partner's progress in one round: private, never shown to the other."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="seats")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    ratings_done_at = models.DateTimeField(null=True, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    review_level = models.PositiveSmallIntegerField(null=True, blank=True, choices=HowItWent.choices)
    review_next = models.CharField(max_length=8, choices=NextStep.choices, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="one_seat_per_round_and_partner")]

    def __str__(self) -> str:
        return f"Seat {self.pk}"


class Source(models.TextChoices):
    OWN = "own", _("Our own idea")
    MATCH = "match", _("Something we're both curious about")
    DECISION = "decision", _("Something we decided")


class ExperimentStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("experiment status", "Waiting for a yes")
    RUNNING = "running", pgettext_lazy("experiment status", "Running")
    ENDED = "ended", pgettext_lazy("experiment status", "Ended")
    NOT_NOW = "not_now", pgettext_lazy("experiment status", "Not now")
    WITHDRAWN = "withdrawn", pgettext_lazy("experiment status", "Withdrawn")
    COUNTERED = "countered", pgettext_lazy("experiment status", "Answered with a changed version")
    # Forgotten a day after it stopped: it never ran, and whether it got a
    # "not now", a changed version or was withdrawn is no longer known.
    CLOSED = "closed", pgettext_lazy("experiment status", "Didn't go ahead")


class Experiment(models.Model):
    """Something new, tried together only when both say yes, with a way out
    agreed before it starts. `ended_at` is when it stopped (ended, "not now",
    answered with a changed version, or withdrawn); a day later who ended it is forgotten, and one that never
    ran keeps only who proposed it and when (`evenly.consent.forgetting`)."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.OWN)
    catalogue_item_id = models.PositiveIntegerField(null=True, blank=True)
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    idea = EncryptedTextField()
    ends_when = EncryptedTextField()
    then_what = EncryptedTextField()
    status = models.CharField(max_length=10, choices=ExperimentStatus.choices, default=ExperimentStatus.PROPOSED)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    debriefs_revealed_at = models.DateTimeField(null=True, blank=True)
    # A changed version the partner answered with, in place of yes or not now.
    counter_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="counters")
    created_at = models.DateTimeField(auto_now_add=True)
    # Touched only by changes both partners may see, never by private writing.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Experiment {self.pk}"

    @property
    def is_running(self) -> bool:
        return self.status == ExperimentStatus.RUNNING


class Debrief(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="debriefs")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    worked = EncryptedTextField(blank=True, default="")
    didnt_work = EncryptedTextField(blank=True, default="")
    surprised = EncryptedTextField(blank=True, default="")
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["experiment", "author"], name="one_debrief_per_partner")]

    def __str__(self) -> str:
        return f"Debrief {self.pk}"
