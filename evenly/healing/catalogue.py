"""The resources page, written by us and shipped with the app. Outside links
are plain links: nothing here is fetched, embedded or tracked. A key, once
published, is never renamed (people's saved resources refer to it)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Words shown to people: translated lazily, so they follow the reader's language.
Text = str | Promise


@dataclass(frozen=True)
class Resource:
    key: str
    title: Text
    summary: Text
    by: Text = ""
    url: str = ""


@dataclass(frozen=True)
class Topic:
    key: str
    title: Text
    intro: Text
    resources: tuple[Resource, ...]


TOPICS: tuple[Topic, ...] = (
    Topic(
        key="therapist",
        title=_("Finding a couples or sex therapist"),
        intro=_(
            "A good therapist is on the side of the relationship, not of either partner. It's fine to speak to a "
            "few before choosing, and to ask how they work with couples like yours."
        ),
        resources=(
            Resource(
                key="questions-to-ask",
                title=_("Questions worth asking before you start"),
                summary=_(
                    "How do you work with couples? Have you worked with people of our genders, orientations and "
                    "relationship style? How do you handle it if one of us feels unsafe? What does it cost, and how "
                    "often would we meet? Trust how the answers feel as much as what they say."
                ),
            ),
            Resource(
                key="relate",
                title=_("Relate (UK)"),
                by=_("Relationship counselling charity"),
                summary=_("Counselling for couples and individuals, in person, by phone and online."),
                url="https://www.relate.org.uk/",
            ),
            Resource(
                key="cosrt",
                title=_("COSRT (UK)"),
                by=_("College of Sexual and Relationship Therapists"),
                summary=_("A directory of accredited sex and relationship therapists."),
                url="https://www.cosrt.org.uk/",
            ),
            Resource(
                key="aasect",
                title=_("AASECT (US)"),
                by=_("American Association of Sexuality Educators, Counselors and Therapists"),
                summary=_("A directory of certified sex therapists and counsellors."),
                url="https://www.aasect.org/",
            ),
            Resource(
                key="iceeft",
                title=_("ICEEFT: find an emotionally focused therapist"),
                by=_("International Centre for Excellence in Emotionally Focused Therapy"),
                summary=_("A worldwide directory of therapists trained in emotionally focused couples therapy."),
                url="https://iceeft.com/",
            ),
        ),
    ),
    Topic(
        key="trauma",
        title=_("Trauma-informed care"),
        intro=_(
            "Old hurts, including hurts about power and choice, can wake up in a close relationship. "
            "Trauma-informed care starts from safety, choice and going at your pace."
        ),
        resources=(
            Resource(
                key="what-trauma-informed-means",
                title=_("What “trauma-informed” means in practice"),
                summary=_(
                    "You are never pushed to tell more than you want. You can stop, slow down or change the subject, "
                    "and that is respected. The person helping you explains what they're doing and why, and checks "
                    "in with you. If a professional doesn't work this way, you can look for one who does."
                ),
            ),
            Resource(
                key="body-keeps-the-score",
                title=_("The Body Keeps the Score"),
                # Translators: the author's name, kept exactly as written.
                by=_("Bessel van der Kolk"),
                summary=_("A widely read book on how trauma lives in the body, and the many ways people heal."),
            ),
        ),
    ),
    Topic(
        key="books",
        title=_("Books, by topic"),
        intro=_(
            "Some books couples often find useful. Reading one together, a chapter at a time, "
            "can start good conversations."
        ),
        resources=(
            Resource(
                key="come-as-you-are",
                title=_("Come As You Are"),
                # Translators: the author's name, kept exactly as written.
                by=_("Emily Nagoski"),
                summary=_("Desire and arousal: why they differ between people and over time, and why that's normal."),
            ),
            Resource(
                key="mating-in-captivity",
                title=_("Mating in Captivity"),
                # Translators: the author's name, kept exactly as written.
                by=_("Esther Perel"),
                summary=_("Keeping desire alive in a long relationship, between closeness and freedom."),
            ),
            Resource(
                key="hold-me-tight",
                title=_("Hold Me Tight"),
                # Translators: the author's name, kept exactly as written.
                by=_("Sue Johnson"),
                summary=_(
                    "Conversations for feeling close and safe with each other, from emotionally focused therapy."
                ),
            ),
            Resource(
                key="nonviolent-communication",
                title=_("Nonviolent Communication"),
                # Translators: the author's name, kept exactly as written.
                by=_("Marshall B. Rosenberg"),
                summary=_(
                    "Saying what you observe, feel, need and ask for, without blame: the idea behind our feelings list."
                ),
            ),
            Resource(
                key="seven-principles",
                title=_("The Seven Principles for Making Marriage Work"),
                # Translators: the author's name, kept exactly as written.
                by=_("John Gottman, Nan Silver"),
                summary=_("Research-based habits of couples who stay close, for any kind of committed couple."),
            ),
            Resource(
                key="why-does-he-do-that",
                title=_("Why Does He Do That?"),
                # Translators: the author's name, kept exactly as written.
                by=_("Lundy Bancroft"),
                summary=_(
                    "On controlling and abusive behaviour in relationships, for anyone wondering "
                    "whether that is what is happening."
                ),
            ),
        ),
    ),
    Topic(
        key="workshops",
        title=_("Workshops and courses"),
        intro=_(
            "Learning alongside other couples can take the pressure off. Look for courses that say "
            "how they keep people safe."
        ),
        resources=(
            Resource(
                key="gottman-workshops",
                title=_("The Gottman Institute"),
                by=_("Workshops for couples, in person and online"),
                summary=_("Courses on managing conflict, friendship and intimacy, drawn from long-running research."),
                url="https://www.gottman.com/",
            ),
        ),
    ),
)

RESOURCES: dict[str, Resource] = {r.key: r for topic in TOPICS for r in topic.resources}
