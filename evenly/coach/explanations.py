"""Every sentence the coach shows a partner, kept in one place.

Each kind has a default explanation (one calm sentence about why the phrasing
may land badly) and a default reframe.  A few rules have wording of their own
where the general sentence would be vague.  "___" marks what only the author
can fill in.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Kind


@dataclass(frozen=True, slots=True)
class Advice:
    explanation: str
    suggestion: str


DEFAULT_ADVICE: dict[Kind, Advice] = {
    "generalization": Advice(
        'Words like "always" and "never" turn one moment into a verdict, so your '
        "partner may argue about the exceptions instead of hearing what you need.",
        "Last ___, when ___, I felt ___. Could we ___?",
    ),
    "blame": Advice(
        "Saying they caused your feelings puts them on trial, so they may defend themselves rather than listen.",
        "I felt ___ when ___, and I'd like ___.",
    ),
    "character_attack": Advice(
        "A label for who they are can't be changed the way an action can, so it "
        "tends to land as an attack rather than a request.",
        "When ___ happened, I felt ___. Could we talk about ___?",
    ),
    "contempt": Advice(
        "Mockery, sarcasm and insults tell someone they are beneath you, which "
        "makes it very hard for them to stay open.",
        "I'm frustrated about ___, and what I need is ___.",
    ),
    "guilt_trip": Advice(
        "Pointing to what you've given or how hurt you'll be turns a wish into a "
        "debt, so any yes would come from guilt rather than wanting to.",
        "I'd really like ___, and it's okay if your answer is no.",
    ),
    "pressure": Advice(
        "Pushing past a no or a maybe, or making the ask sound small or owed, "
        "leaves less room to say no, and only a freely given yes counts.",
        "Would you like to ___? A no or a not-now is completely okay with me.",
    ),
    "ultimatum": Advice(
        "A threat attached to a request means a yes is given under pressure, and "
        "it tends to end the conversation instead of opening it.",
        "This matters a lot to me because ___. Can we find a time to talk it through?",
    ),
    "mind_reading": Advice(
        "Telling them what they think or want leaves them defending their inner life instead of sharing it with you.",
        "When ___, the story I told myself was that you ___. Is that true?",
    ),
    "dismissal": Advice(
        "Telling someone their feelings are too big or wrong usually leaves them "
        "feeling unheard, and the feeling tends to grow rather than settle.",
        "I can see this matters to you. Can you tell me more about ___?",
    ),
    "demand": Advice(
        "An order leaves no room for their view, so even a fair need can land as control.",
        "Would you be willing to ___? It matters to me because ___.",
    ),
}

RULE_ADVICE: dict[str, Advice] = {
    "blame_made_me_feel": Advice(
        '"You make me feel" hands your feeling to them as their fault, which invites defence rather than care.',
        "I feel ___ when ___. What would help me is ___.",
    ),
    "contempt_sarcasm": Advice(
        "Sarcasm says the opposite of what you mean, so your partner hears the "
        "scorn and may miss the hurt underneath it.",
        "I'm hurt about ___, and I'd like ___.",
    ),
    "generalization_as_usual": Advice(
        '"As usual" files this moment under a long list of old ones, so your partner may '
        "defend the whole record instead of hearing what happened today.",
        "Today when ___, I felt ___. Could we ___?",
    ),
    "contempt_dismissive_whatever": Advice(
        'A flat "whatever" can feel like a door closing, even if you only meant that you\'re tired.',
        "I need a break from this right now; can we come back to it at ___?",
    ),
    "guilt_love_test": Advice(
        "Making love the price of a yes means a no now sounds like not loving you, "
        "which is a heavy weight to put on a choice.",
        "I'd love ___. Would you want that too? Either answer is okay.",
    ),
    "pressure_minimising": Advice(
        'Making the ask sound small ("only", "just once") makes a no sound '
        "unreasonable, even though a no is always allowed.",
        "I'd like ___. Is that something you'd enjoy too? It's fine if not.",
    ),
    "pressure_past_answer": Advice(
        "A maybe, an earlier yes or a promise isn't a yes now; consent belongs to this moment and can change.",
        "I remember you were open to ___ before. How do you feel about it now?",
    ),
    "pressure_entitlement": Advice(
        "Framing it as owed or as a duty turns closeness into an obligation, and "
        "obligation is the opposite of wanting to.",
        "I'm missing ___ and I'd love us to find something that feels good to both of us.",
    ),
    "pressure_keep_asking": Advice(
        "Refusing to accept no tells your partner their answer doesn't count.",
        "I hear your answer. I'd like to understand more about ___, if you're open to it.",
    ),
    "ultimatum_last_chance": Advice(
        "Calling it a last chance or a final warning makes the conversation about a "
        "threat instead of about what you need.",
        "I'm close to my limit about ___, and I need us to talk about it by ___.",
    ),
    "mind_reading_on_purpose": Advice(
        "Assuming they did it deliberately gives them intentions they may not have "
        "had, and they will likely defend that instead of the impact.",
        "When ___ happened, it felt deliberate to me. Can you tell me what was going on for you?",
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
        '"Stop ___" tells them what not to do without saying what you need, so it can land as a telling-off.',
        "When ___, I feel ___. Could you ___ instead?",
    ),
}


def advice_for(kind: Kind, rule_name: str) -> Advice:
    return RULE_ADVICE.get(rule_name, DEFAULT_ADVICE[kind])
