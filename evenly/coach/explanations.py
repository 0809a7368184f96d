"""Every sentence the coach shows a partner, kept in one place.

Each kind has a default explanation (one calm sentence about why the phrasing
may land badly) and a default reframe.  A few rules have wording of their own
where the general sentence would be vague.  The reframes themselves are built
from the flagged sentence (``reframe.py``); the suggestions here are complete
sentences used only when a sentence gives a reframe nothing to reuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Context, Kind


@dataclass(frozen=True, slots=True)
class Advice:
    explanation: str
    suggestion: str


DEFAULT_ADVICE: dict[Kind, Advice] = {
    "generalization": Advice(
        'Words like "always" and "never" turn one moment into a verdict, so your '
        "partner may argue about the exceptions instead of hearing what you need.",
        "This time it hurt, and I'd like us to talk about what happened.",
    ),
    "blame": Advice(
        "Saying they caused your feelings puts them on trial, so they may defend themselves rather than listen.",
        "I'm upset about what happened, and I'd like us to talk it through.",
    ),
    "character_attack": Advice(
        "A label for who they are can't be changed the way an action can, so it "
        "tends to land as an attack rather than a request.",
        "I felt hurt by what happened. Could we talk about it?",
    ),
    "contempt": Advice(
        "Mockery, sarcasm and insults tell someone they are beneath you, which "
        "makes it very hard for them to stay open.",
        "I'm frustrated, and I'd like us to talk about it calmly.",
    ),
    "guilt_trip": Advice(
        "Pointing to what you've given or how hurt you'll be turns a wish into a "
        "debt, so any yes would come from guilt rather than wanting to.",
        "I'd really like us to talk about this, and it's okay if now isn't a good time.",
    ),
    "pressure": Advice(
        "Pushing past a no or a maybe, or making the ask sound small or owed, "
        "leaves less room to say no, and only a freely given yes counts.",
        "How do you feel about it? A no or a not-now is completely okay with me.",
    ),
    "ultimatum": Advice(
        "A threat attached to a request means a yes is given under pressure, and "
        "it tends to end the conversation instead of opening it.",
        "This matters a lot to me. Can we find a time to talk it through?",
    ),
    "mind_reading": Advice(
        "Telling them what they think or want leaves them defending their inner life instead of sharing it with you.",
        "I've been telling myself a story about what you're feeling. Can I check it with you?",
    ),
    "dismissal": Advice(
        "Telling someone their feelings are too big or wrong usually leaves them "
        "feeling unheard, and the feeling tends to grow rather than settle.",
        "I can see this matters to you. Can you tell me more about it?",
    ),
    "demand": Advice(
        "An order leaves no room for their view, so even a fair need can land as control.",
        "Would you be willing to talk about this? It matters to me.",
    ),
}

RULE_ADVICE: dict[str, Advice] = {
    "blame_made_me_feel": Advice(
        '"You make me feel" hands your feeling to them as their fault, which invites defence rather than care.',
        "I'm hurting about this, and I'd like us to talk about what would help.",
    ),
    "contempt_sarcasm": Advice(
        "Sarcasm says the opposite of what you mean, so your partner hears the "
        "scorn and may miss the hurt underneath it.",
        "I'm hurt, and I'd like us to talk about it calmly.",
    ),
    "generalization_as_usual": Advice(
        '"As usual" files this moment under a long list of old ones, so your partner may '
        "defend the whole record instead of hearing what happened today.",
        "Today this hurt, and I'd like us to talk about what happened.",
    ),
    "contempt_dismissive_whatever": Advice(
        'A flat "whatever" can feel like a door closing, even if you only meant that you\'re tired.',
        "I need a break from this right now; can we come back to it later?",
    ),
    "guilt_love_test": Advice(
        "Making love the price of a yes means a no now sounds like not loving you, "
        "which is a heavy weight to put on a choice.",
        "I'd love us to be close. Would you want that too? Either answer is okay.",
    ),
    "pressure_minimising": Advice(
        'Making the ask sound small ("only", "just once") makes a no sound '
        "unreasonable, even though a no is always allowed.",
        "How do you feel about it? It's fine if the answer is not now.",
    ),
    "pressure_past_answer": Advice(
        "A maybe, an earlier yes or a promise isn't a yes now; consent belongs to this moment and can change.",
        "I remember you were open to it before. How do you feel about it now?",
    ),
    "pressure_entitlement": Advice(
        "Framing it as owed or as a duty turns closeness into an obligation, and "
        "obligation is the opposite of wanting to.",
        "I'm missing closeness, and I'd love us to find something that feels good to both of us.",
    ),
    "pressure_keep_asking": Advice(
        "Refusing to accept no tells your partner their answer doesn't count.",
        "I hear your answer. I'd like to understand it better, if you're open to that.",
    ),
    "ultimatum_last_chance": Advice(
        "Calling it a last chance or a final warning makes the conversation about a "
        "threat instead of about what you need.",
        "I'm close to my limit about this, and I need us to talk about it soon.",
    ),
    "mind_reading_on_purpose": Advice(
        "Assuming they did it deliberately gives them intentions they may not have "
        "had, and they will likely defend that instead of the impact.",
        "When that happened, it felt deliberate to me. Can you tell me what was going on for you?",
    ),
    "dismissal_calm_down": Advice(
        "Being told to calm down rarely calms anyone; it usually feels like being told the feeling is the problem.",
        "I can see you're upset. Do you want to tell me more, or take a short pause first?",
    ),
    "dismissal_denial": Advice(
        "Flatly denying their memory of it can make them doubt themselves rather than feel heard.",
        "I remember it differently, and I'd like to hear how it was for you.",
    ),
    "demand_stop_ing": Advice(
        '"Stop doing that" tells them what not to do without saying what you need, so it can land as a telling-off.',
        "It's hard for me when this happens. Could we find a way that works for both of us?",
    ),
}


REFLECTION_EXPLANATION: dict[Kind, str] = {
    "generalization": 'In a reflection, "always" and "never" add a verdict of your own, so your partner may not '
    "recognise what they said.",
    "dismissal": "A reflection says back what your partner feels, without judging whether the feeling is the "
    "right size.",
    "mind_reading": "A reflection says back what your partner told you rather than what you guess lies behind it.",
}
REFLECTION_DEFAULT = (
    "A reflection lands best when it says back what your partner said, without a verdict on it, so they can tell you "
    "whether you heard them."
)
REFLECTION_SUGGESTION = "What I heard is that this really matters to you. Did I get that right?"


def advice_for(kind: Kind, rule_name: str, context: Context = "message") -> Advice:
    if context == "reflection":
        return Advice(REFLECTION_EXPLANATION.get(kind, REFLECTION_DEFAULT), REFLECTION_SUGGESTION)
    return RULE_ADVICE.get(rule_name, DEFAULT_ADVICE[kind])
