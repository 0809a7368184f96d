"""The ground rules a couple starts with, in Evenly's own words. They can
change them together at any time.

They are not copied into the database: until a couple saves their own list,
each partner reads these in their own language. Saving the list (from the form
that shows them) stores it in the words of whoever saved it."""

from django.utils.translation import gettext_noop

GROUND_RULES = [
    gettext_noop("I speak about my own experience, starting from “I”."),
    gettext_noop("One of us speaks at a time; the other listens without interrupting."),
    gettext_noop("Before answering, I say back what I heard, and check I got it right."),
    gettext_noop("Either of us can pause, at any moment, with no reason needed."),
    gettext_noop("We describe what happened, not what kind of person the other is."),
    gettext_noop("No keeping score: this is about understanding, not winning."),
]
RULES_MAX = 10
RULE_MAX_CHARS = 200
