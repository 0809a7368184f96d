"""The ground rules a couple starts with, in Evenly's own words. They can
change them together at any time."""

GROUND_RULES = [
    "I speak about my own experience, starting from “I”.",
    "One of us speaks at a time; the other listens without interrupting.",
    "Before answering, I say back what I heard, and check I got it right.",
    "Either of us can pause, at any moment, with no reason needed.",
    "We describe what happened, not what kind of person the other is.",
    "No keeping score: this is about understanding, not winning.",
]
RULES_MAX = 10
RULE_MAX_CHARS = 200
