"""Reframes that keep what the sentence was about.

A finding's suggestion reuses the flagged sentence's own action, object and
time: "You always decide what we do" becomes "I feel powerless when you decide
what we do on your own. Could we decide what we do together?", never a
template with blanks.  Each kind has its own shape of reframe:

- blame, generalisations, character attacks and contempt: an I-statement (a
  feeling, a need, a request);
- pressure and demands: an open invitation that leaves room for no;
- ultimatums: the need, stated without the threat;
- mind reading: the guess owned as one's own story, then a question.

In a reflection (saying back the partner's view) the reframes are reflective
wording instead ("What I heard is ..."), never the writer's own feelings.

Everything works on the normalised text (lowercase, apostrophes restored,
typos fixed); words the author capitalised (names, days) keep their capital.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .models import Context, Kind
from .normalize import Normalized

# --- pieces of the sentence -------------------------------------------------------

_CLAUSE_STOP = re.compile(
    r"[,;:.!?\n]| but | and (?:you|i|it|that|then|now|we)\b| because | or (?:else|i|we)\b| so (?:i|we)\b"
)
_TIME = re.compile(
    r"\b(?:tonight|today|tomorrow|this (?:morning|afternoon|evening|weekend|week|month|sunday|saturday|friday)|"
    r"at the weekend|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) "
    r"(?:nights?|mornings?|evenings?)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)\b"
)
_URGENT = re.compile(r",?\s*\b(?:right now|(?<!from )now|immediately|this instant|this minute|already|for once)\b")
_LEADING_FILLER = re.compile(r"^(?:(?:just|really|seriously|honestly|literally|also|even|simply|then|so|ever)\s+)+")
_DOUBLES = frozenset(
    [
        "get",
        "put",
        "sit",
        "run",
        "plan",
        "stop",
        "shop",
        "drop",
        "let",
        "cut",
        "set",
        "chat",
        "hit",
        "win",
        "begin",
        "forget",
        "swim",
        "dig",
        "grab",
        "nag",
        "shut",
        "skip",
        "step",
        "rob",
        "tap",
        "snap",
        "slam",
        "jog",
        "hug",
        "swap",
        "plug",
        "trip",
        "wrap",
        "admit",
        "commit",
        "regret",
    ]
)
_NOT_VERBS = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "your",
        "our",
        "his",
        "her",
        "their",
        "this",
        "that",
        "it",
        "its",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "about",
        "me",
        "you",
        "we",
        "i",
        "they",
        "he",
        "she",
    ]
)
_PAST_TO_BASE = {
    "did": "do",
    "made": "make",
    "said": "say",
    "told": "tell",
    "went": "go",
    "took": "take",
    "gave": "give",
    "left": "leave",
    "forgot": "forget",
    "got": "get",
    "came": "come",
    "ate": "eat",
    "thought": "think",
    "brought": "bring",
    "bought": "buy",
    "felt": "feel",
    "kept": "keep",
    "let": "let",
    "put": "put",
    "ran": "run",
    "saw": "see",
    "sent": "send",
    "spent": "spend",
    "was": "be",
    "were": "be",
    "had": "have",
    "asked": "ask",
    "called": "call",
    "texted": "text",
    "helped": "help",
    "listened": "listen",
    "noticed": "notice",
    "planned": "plan",
    "tried": "try",
    "wanted": "want",
    "offered": "offer",
    "apologised": "apologise",
    "apologized": "apologize",
    "thanked": "thank",
    "checked": "check",
    "showed": "show",
    "picked": "pick",
    "decided": "decide",
    "booked": "book",
    "chose": "choose",
    "cancelled": "cancel",
    "canceled": "cancel",
    "invited": "invite",
    "initiated": "initiate",
    "mentioned": "mention",
    "remembered": "remember",
    "cooked": "cook",
    "cleaned": "clean",
    "missed": "miss",
}
_ADJECTIVES = frozenset(
    [
        "late",
        "sad",
        "angry",
        "upset",
        "miserable",
        "anxious",
        "nervous",
        "jealous",
        "uncomfortable",
        "crazy",
        "sick",
        "small",
        "stupid",
        "guilty",
        "ashamed",
        "lonely",
        "tired",
        "embarrassed",
        "insecure",
        "worse",
        "awkward",
    ]
)
_AUXILIARY = frozenset(
    [
        "can't",
        "don't",
        "won't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "couldn't",
        "wouldn't",
        "shouldn't",
        "haven't",
        "hasn't",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "must",
        "might",
        "may",
        "does",
        "is",
        "are",
        "am",
        "'re",
        "'ve",
        "'ll",
    ]
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """The flagged sentence in matching form, with the author's capitals for reuse."""

    text: str  # normalised sentence
    offset: int  # where it starts in the normalised message
    normalized: Normalized
    original: str

    def surface(self, start: int, end: int) -> str:
        """The normalised words between two offsets of the sentence, recased as the author wrote them."""
        return _recase(self, self.text[start:end], self.offset + start).strip()


def _recase(sentence: Sentence, piece: str, at: int) -> str:
    words = []
    sources = sentence.normalized.source_index
    original = sentence.original
    for match in re.finditer(r"[^\s]+|\s+", piece):
        word = match.group()
        if word.isspace():
            words.append(" ")
            continue
        if word == "i" or word.startswith("i'"):
            words.append("I" + word[1:])
            continue
        index = at + match.start()
        source = sources[index] if index < len(sources) else -1
        if 0 <= source < len(original) and original[source].isupper() and not _starts_sentence(original, source):
            end = min(len(original), source + len(word))
            written = original[source:end]
            if written[1:].islower() or len(written) == 1:
                words.append(word[:1].upper() + word[1:])
                continue
        words.append(word)
    return "".join(words)


def _starts_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in ".!?\n\"'(\u201c"


def _clause(text: str, start: int) -> str:
    stop = _CLAUSE_STOP.search(text, start)
    return text[start : stop.start() if stop else len(text)]


def _tidy(phrase: str) -> str:
    phrase = _URGENT.sub("", phrase)
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:-\"'")
    return _LEADING_FILLER.sub("", phrase)


def _ing(verb: str) -> str:
    if verb.endswith("ing") or verb in _NOT_VERBS:
        return verb
    if verb in ("be", "see", "agree", "free", "flee"):
        return verb + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "oe", "ye")):
        return verb[:-1] + "ing"
    if verb in _DOUBLES:
        return verb + verb[-1] + "ing"
    return verb + "ing"


_VERB_SHAPE = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _base(phrase: str) -> str | None:
    """The phrase with its first verb in the base form, or None when it isn't a verb phrase."""
    words = phrase.split(" ", 1)
    head = words[0]
    if not _VERB_SHAPE.fullmatch(head) or head in _NOT_VERBS or head in _AUXILIARY:
        return None
    rest = f" {words[1]}" if len(words) > 1 else ""
    if head in _PAST_TO_BASE:
        return _PAST_TO_BASE[head] + rest
    if head.endswith("ed") and len(head) > 4:
        return _regular_base(head) + rest
    if (head.endswith("s") and not head.endswith("ss")) or head.endswith("ing") or head in _ADJECTIVES:
        return None  # not a verb in the base form: better no reuse than a wrong verb
    return head + rest


def _regular_base(past: str) -> str:
    """Undo a regular past tense: loved -> love, asked -> ask, planned -> plan, tried -> try."""
    stem = past[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]
    if stem[-1] in "cgvz" or re.search(r"(?:^|[^aeiou])[aiou][^aeiouwxy]$", stem):
        return stem + "e"
    return stem


def _gerund(phrase: str) -> str | None:
    base = _base(phrase)
    if base is None:
        return None
    head, _, rest = base.partition(" ")
    return f"{_ing(head)} {rest}".strip()


def _with_we(phrase: str) -> str:
    """Turn "you pick your music" talk into shared talk: "pick our music"."""
    phrase = re.sub(r"\byour(?=\s)", "our", phrase)
    phrase = re.sub(r"\byourself\b", "ourselves", phrase)
    phrase = re.sub(r"\s*\b(?:without me|on your own|by yourself|alone)\b", "", phrase)
    return phrase


# --- what the sentence says ---------------------------------------------------------

_YOU_ADVERB = re.compile(
    r"\byou(?:'re| are|'ve| have)?(?:\s+(?:just|also|really|literally|honestly|seriously))?\s+"
    r"(?P<adverb>always|never|constantly|continually|forever|keep|keeps)\b(?:,?\s+(?:always|never))*"
    r"(?:\s+(?:once|ever|even))?\s*"
)
_HABIT_TAIL = re.compile(
    r"\s*\b(?:anymore|any more|at all|for once|ever|again|every (?:single )?(?:time|day|night|week|weekend)|"
    r"all the time|(?:unless|until|except) .*)$"
)


def _habit(phrase: str) -> str:
    phrase = _HABIT_TAIL.sub("", _HABIT_TAIL.sub("", phrase))
    phrase = re.sub(r"\banything\b", "something", phrase)
    return re.sub(r"\banyone\b", "someone", phrase).strip()


_ABOUT = re.compile(
    r"\b(?:about|over|with|around|regarding)\s+(?P<topic>(?:the|my|your|our|this|that|what|how)\b[^,;.!?]*)"
)

_CONTROL_VERBS = frozenset(
    ["decide", "pick", "choose", "plan", "book", "arrange", "organise", "organize", "schedule", "set", "get"]
)
_FEELINGS_BY_VERB = (
    (
        frozenset(
            [
                "decide",
                "pick",
                "choose",
                "plan",
                "book",
                "arrange",
                "organise",
                "organize",
                "schedule",
                "control",
                "set",
            ]
        ),
        "powerless",
    ),
    (
        frozenset(
            ["interrupt", "cut", "talk", "correct", "shout", "yell", "criticise", "criticize", "snap", "dismiss"]
        ),
        "unheard",
    ),
    (frozenset(["ask", "listen", "hear"]), "unheard"),
    (frozenset(["forget", "cancel", "leave", "late", "disappear", "ignore"]), "let down"),
    (frozenset(["phone", "game", "busy", "text", "call"]), "lonely"),
    (
        frozenset(
            ["help", "thank", "notice", "say", "apologise", "apologize", "initiate", "touch", "hug", "kiss", "want"]
        ),
        "unimportant",
    ),
)


def _feeling_for(phrase: str, default: str) -> str:
    for word in re.findall(r"[a-z']+", phrase)[:3]:
        for verbs, feeling in _FEELINGS_BY_VERB:
            if word in verbs:
                return feeling
    return default


@dataclass(frozen=True, slots=True)
class Ingredients:
    """What the reframes reuse from one flagged sentence."""

    sentence: Sentence
    start: int  # the finding's span within the sentence
    end: int

    @property
    def text(self) -> str:
        return self.sentence.text

    def after(self, pattern: re.Pattern[str]) -> str | None:
        """The recased clause that follows the first match of ``pattern`` in the sentence."""
        match = pattern.search(self.text)
        if match is None:
            return None
        phrase = self.sentence.surface(match.end(), match.end() + len(_clause(self.text, match.end())))
        phrase = re.sub(r"^that\s+", "", _tidy(phrase))
        if not re.search(r"[a-z]{2}", phrase):
            return None
        if re.match(r"(?:and|but|or|because|so|not)\b", phrase):
            return None
        return phrase or None

    def topic(self) -> str | None:
        match = _ABOUT.search(self.text)
        if match is not None:
            start = match.start("topic")
            return _tidy(self.sentence.surface(start, start + len(_clause(self.text, start)))) or None
        return None

    def time(self) -> str | None:
        match = _TIME.search(self.text)
        return self.sentence.surface(match.start(), match.end()) if match else None


Builder = Callable[[Ingredients, str], list[str]]


def _talk(time: str | None) -> str:
    """A request to talk, at the sentence's own time when that is one moment ("tonight"), not a habit."""
    once = time is not None and re.fullmatch(r"tonight|today|tomorrow|this \w+|at the weekend", time.lower())
    return f"Could we talk about it {time}?" if once else "Could we talk about it when we're both free?"


# generalisation: "you always X" -> I feel ... when you X; "you never X" -> I'd love it if you'd X


def _generalization(parts: Ingredients, rule: str) -> list[str]:
    time = parts.time()
    match = _YOU_ADVERB.search(parts.text)
    if match is not None and match.group("adverb") == "never":
        phrase = _habit(parts.after(re.compile(re.escape(match.group()))) or "")
        were = "'re" in match.group() or " are " in match.group()
        if phrase and were:
            return [
                f"I'd love it if you were {phrase} more often. Could we talk about what would make that easier?",
                f"I miss you when you're not {phrase}, and it would mean a lot to me. How could we make room for it?",
            ]
        base = _base(phrase)
        if base:
            feeling = _feeling_for(base, "unimportant")
            return [
                f"I'd love it if you'd {base}. Could we talk about what would make that easier?",
                f"I feel {feeling} when you don't {base}, and it would mean a lot to me if you did.",
                f"It matters to me that you {base} sometimes. How could we make room for that?",
            ]
    elif match is not None:
        were = "'re" in match.group() or " are " in match.group()
        phrase = _habit(parts.after(re.compile(re.escape(match.group()))) or "")
        if match.group("adverb").startswith("keep") and phrase:
            phrase = f"keep {phrase}"
        if phrase and not were:
            base = _base(phrase) or phrase
            head = base.split(" ", 1)[0]
            feeling = _feeling_for(base, "frustrated")
            first = f"I feel {feeling} when you {base}."
            if head in _CONTROL_VERBS:
                shared = _with_we(base)
                return [
                    f"I feel {feeling} when you {_with_we(base)} on your own. Could we {shared} together"
                    f"{' ' + time if time and time.lower() not in shared.lower() else ''}?",
                    f"I'd like a say in how we {shared}. Could we take turns, or choose together?",
                    f"It matters to me that we {shared} together. {_talk(time)}",
                ]
            return [
                f"{first} {_talk(time)}",
                f"It's been hard for me when you {base}, and I'd like us to find a way that works for both of us.",
                f"Lately, when you {base}, I end up feeling {feeling}. What would help us with this?",
            ]
        if phrase:
            return [
                f"I feel frustrated when you're {phrase}. {_talk(time)}",
                f"It's been hard for me when you're {phrase}, and I'd like us to find a way through it together.",
            ]
    if rule == "generalization_not_once":
        done = parts.after(re.compile(r"\b(?:have|did|do|has) you "))
        base = _base(_habit(done)) if done else None
        if base:
            return [
                f"I'd love it if you'd {base}. Could we talk about what would make that easier?",
                f"It would mean a lot to me if you'd {base}. How could we make room for it?",
            ]
    plain = parts.after(re.compile(r"\byou (?!always|never|constantly|keep|make|made|makes)(?=[a-z])"))
    base = _base(_habit(plain)) if plain and rule != "generalization_always_me" else None
    if base:
        feeling = _feeling_for(base, "frustrated")
        return [
            f"I feel {feeling} when you {base}. {_talk(time)}",
            f"It's been hard for me when you {base}, and I'd like us to find a way that works for both of us.",
        ]
    if rule == "generalization_always_me":
        what = parts.after(re.compile(r"\b(?:who|that|to) "))
        if what:
            return [
                f"I'd like us to share who {what}. Could we take turns?",
                f"I feel tired of being the one who {what}. Could we split it between us?",
            ]
    every = parts.after(re.compile(r"\b(?:every (?:single )?time|each time|whenever) "))
    if every:
        every = re.sub(r"^(?!you\b)(.+?) (you\b)", r"\1 and \2", every)
        return [
            f"When {every}, I'd like us to handle it differently. {_talk(time)}",
            f"Sometimes when {every}, I feel hurt. Could we find another way?",
        ]
    return [
        f"This time it hurt, and I'd like us to talk about what happened. {_talk(time)}",
        "I'm frustrated about this today, and I'd like us to find a way through it together.",
    ]


_MADE_ME_FEEL = re.compile(
    r"\byou(?:'ve| have)?(?: \w+)? (?:make|made|makes|making) (?:me|us) (?:feel )?(?:so |really |very )?"
)
_WHEN = re.compile(r"\b(?:when|whenever|if) ")
_EVENT = re.compile(
    r"\b(?:your fault(?: that)?|because of you,?|thanks to you,?|on you(?: that)?|if it (?:weren't|wasn't) for you,?|"
    r"the reason(?: that| why)?) "
)
_RUINED = re.compile(
    r"\byou(?:'ve| have)?(?: \w+)? (?:ruined|ruin|destroyed|wrecked|spoiled|spoilt|screwed up|messed up|killed) "
)
_MADE_IT = re.compile(
    r"\byou(?:'ve| have)?(?: \w+)? (?:make|made|makes|making) "
    r"(?P<what>(?:the|our|my|this|that)(?: whole| entire)? \w+|this|that|it|everything|things) (?:so |even |much )?"
)


def _blame(parts: Ingredients, rule: str) -> list[str]:
    time = parts.time()
    made = _MADE_ME_FEEL.search(parts.text)
    if made is not None:
        feel = "felt" if " made " in made.group() else "feel"
        rest = parts.after(re.compile(re.escape(made.group())))
        when = parts.after(_WHEN) if _WHEN.search(parts.text, made.end()) else None
        if rest and "feel" in made.group():
            feeling = re.split(r" when | if ", rest)[0]
            tail = f" when {when}" if when else ""
            return [
                f"I {feel} {feeling}{tail}. What would help me is talking it through together.",
                f"I {feel} {feeling}{tail}, and I'd like us to find a way through it. {_talk(time)}",
            ]
        if rest and rest.split(" ", 1)[0] in _ADJECTIVES and not made.group().rstrip().endswith("us"):
            feeling = re.sub(r" that .*$", "", rest)
            return [
                f"I {feel} {feeling}. What would help me is talking it through together.",
                f"I {feel} {feeling}, and I'd like us to find a way through it. {_talk(time)}",
            ]
        if rest and rest.split(" ", 1)[0] in _ADJECTIVES:
            who = "We"
            return [
                f"{who} ended up {rest}, and I'm upset about it. Could we talk about what happened?",
                f"{who} ended up {rest}, and I'd like us to find a way to avoid that next time.",
            ]
        gerund = _gerund(rest) if rest else None
        if gerund:
            return [
                f"I was upset about {gerund}. Could we talk about what happened?",
                f"I felt awful about {gerund}, and I'd like us to find a way to avoid it next time.",
            ]
    ruined = parts.after(_RUINED)
    if ruined:
        ruined = re.sub(r"\s+\b(?:with|by|when|because)\b.*$", "", ruined)
        return [
            f"I'm really disappointed about what happened with {ruined}. Could we talk about it?",
            f"I was looking forward to {ruined}, and I'm sad about how it went. {_talk(time)}",
        ]
    event = parts.after(_EVENT)
    own = re.match(
        r"^\W*(?P<own>i(?:'m| am| feel| felt| was)\b[^,;]*?),? (?:because of you|thanks to you)\W*$", parts.text
    )
    if event is None and own is not None:
        mine = _tidy(parts.sentence.surface(own.start("own"), own.end("own")))
        return [
            f"{mine}, and I'd like us to talk about what's been happening. {_talk(time)}",
            f"{mine}. Could we work out together what would help?",
        ]
    if event:
        return [
            f"I'm upset that {event}. Could we work out together what to do differently?",
            f"It's been hard for me that {event}, and I'd like us to talk about it. {_talk(time)}",
        ]
    made_it = _MADE_IT.search(parts.text)
    if made_it is not None:
        how = parts.after(re.compile(re.escape(made_it.group())))
        what = made_it.group("what")
        if how:
            return [
                f"I'm finding {what} {how}. Could we work out together what would make it easier?",
                f"For me, {what} has felt {how}, and I'd like us to talk about why. {_talk(time)}",
            ]
    return [
        f"I'm upset about what happened, and I'd like us to talk it through. {_talk(time)}",
        "I felt hurt by this, and I'd like us to work out together what to do next.",
    ]


_TRAIT_NEEDS = (
    (
        r"selfish|self[- ]?(?:cent\w+|absorbed)|greedy|egoist|narcissist|user",
        "hurt",
        "I'd like my needs to count as much as yours",
    ),
    (r"lazy|slob|useless|irresponsible", "tired", "I'd like us to share the work more evenly"),
    (r"control\w*|bossy|bully|possessive", "powerless", "I'd like more say in what we do"),
    (
        r"cold|heartless|uncaring|unfeeling|callous|emotionless|cruel|mean|nasty",
        "alone",
        "I'd like more warmth between us",
    ),
    (
        r"liar|dishonest|untrustworthy|fake|hypocrite|manipulat\w*",
        "uneasy",
        "I need to be able to trust what we tell each other",
    ),
    (
        r"inconsiderate|thoughtless|insensitive|rude|careless",
        "overlooked",
        "I'd like us to check in with each other more",
    ),
    (r"stubborn|arrogant|petty", "stuck", "I'd like us both to be open to changing our minds"),
    (r"listener|communicator", "unheard", "I'd like to feel heard when I talk to you"),
    (r"unreliable", "let down", "I'd like to be able to count on our plans"),
    (r"coward\w*|spineless|weak", "alone", "I'd like us to face the hard things together"),
    (r"jealous|clingy|needy", "crowded", "I'd like a little room, and to hear what helps you feel secure"),
    (r"frigid|prude|boring|vanilla", "hurt", "I'd like us to talk about what each of us enjoys"),
    (r"immature|childish|spoil\w*|brat|child", "frustrated", "I'd like us to talk about this calmly"),
    (
        r"partner|person|lover|boyfriend|girlfriend|husband|wife|spouse|human|friend",
        "hurt",
        "I'd like to feel cared for",
    ),
)
_TRAITS = [(re.compile(rf"\b(?:{words})\b"), feeling, need) for words, feeling, need in _TRAIT_NEEDS]


def _character_attack(parts: Ingredients, rule: str) -> list[str]:
    flagged = parts.text[parts.start : parts.end]
    feeling, need = "hurt", "I'd like us to find a kinder way through this"
    for pattern, trait_feeling, trait_need in _TRAITS:
        if pattern.search(flagged) or pattern.search(parts.text):
            feeling, need = trait_feeling, trait_need
            break
    when = parts.after(_WHEN)
    time = parts.time()
    opening = f"When {when}, I feel {feeling}." if when else f"I'm feeling {feeling} right now."
    return [
        f"{opening} {need}.",
        f"{need}. Could we talk about what happened{' ' + time if time else ''}?",
        f"I felt {feeling} about what happened, and {_lower_first(need)}.",
    ]


def _contempt(parts: Ingredients, rule: str) -> list[str]:
    time = parts.time()
    topic = parts.topic()
    about = f" about {topic}" if topic else ""
    if rule == "contempt_dismissive_whatever":
        return [
            f"I need a break from this right now; can we come back to it {time or 'later'}?",
            "I'm too tired to talk this through well right now. Can we pick it up again soon?",
        ]
    return [
        f"I'm frustrated{about}, and I'd like us to talk about it calmly.",
        f"I'm hurt{about}, and what I need is for us to slow down and listen to each other.",
        "That came out sharper than I meant. Can we start this again?",
    ]


_CANT_EVEN = re.compile(r"\byou (?:(?:can't|won't|couldn't|wouldn't)(?: even)?|(?:didn't|don't|never) even) ")
_LEISURE = frozenset(["sit", "stay", "go", "watch", "spend", "eat", "sleep", "have", "see", "walk"])
_YOUD = re.compile(r"\byou(?:'d| would)(?: \w+ly)? ")
_ALONE = re.compile(r"\bi(?:'ll| will)(?: just)? (?=\w+[^.?!]*\b(?:alone|myself|by myself|again)\b)")


def _guilt_trip(parts: Ingredients, rule: str) -> list[str]:
    wish = None
    if rule == "guilt_love_test":
        wish = parts.after(_YOUD)
    if wish is None:
        wish = parts.after(_CANT_EVEN)
    if wish is not None and re.match(r"(?:do it for|make time for|for) (?:your|anyone|everyone)", wish):
        wish = None
    base = _base(wish) if wish else None
    if base and base.startswith("want "):
        wanted = base.removeprefix("want ").removesuffix(" too")
        return [
            f"I want {wanted}, and I'd love it if you did too. It's okay if you don't.",
            f"I'd love us to share {wanted}. How do you feel about it? Either answer is okay.",
        ]
    if base:
        return [
            f"I'd really like you to {base}. Would you want that too? It's okay if your answer is no.",
            f"It would mean a lot to me if you'd {base}. How do you feel about it?",
        ]
    alone = parts.after(_ALONE)
    if alone:
        plan = re.sub(r"\s*\b(?:alone|by myself|myself|on my own|again|like always|as usual)\b", "", alone).strip()
        base = _base(plan) if plan else None
        if base and base.split(" ", 1)[0] not in _LEISURE:
            return [
                "I'm feeling stretched thin, and I'd like us to share the load. Could we talk about it?",
                "I'd really like some help with this. Could we work out together who does what?",
            ]
        if base:
            return [
                f"I'd love to {base} with you. Would you like that too? It's okay if not.",
                f"I'm feeling lonely, and I'd like us to {base} together. Would you want that?",
            ]
    return [
        "I've been feeling unimportant lately, and I'd like us to talk about it. It's okay if now isn't a good time.",
        "I'd really like to feel that what I put into us is seen. Could we talk about it?",
    ]


_PRESSURE_ACTION = re.compile(
    r"\b(?:just|let's|we could|can we|give it a|please)\s+(?=(?:try|do|have|go|kiss|stay|come|give)\b)"
)


def _pressure(parts: Ingredients, rule: str) -> list[str]:
    action = parts.after(_PRESSURE_ACTION)
    if action:
        action = re.sub(r"\s*\b(?:once|one time|for me|just this once|this once)\b", "", action).strip()
    base = _base(action) if action else None
    let_me = parts.after(re.compile(r"\blet me (?=[a-z])"))
    if let_me and _base(let_me):
        return [
            f"Would you like me to {_base(let_me)}? It's completely okay to say no or not now.",
            f"I'd love to {_base(let_me)}, but only if you want that too. How are you feeling?",
        ]
    flagged = parts.text[parts.start : parts.end]
    if rule == "pressure_past_answer" and re.search(r"\b(?:said|agreed|promised|maybe|didn't say no)\b", flagged):
        return [
            "I remember you were open to it before. How do you feel about it now? A no is completely okay.",
            "What you said before doesn't decide now. How do you feel about it today?",
        ]
    if rule == "pressure_past_answer":
        return [
            "I'd love a yes only if it's one you really mean. What would you like?",
            "How do you feel about it? A no or a not-now is completely okay with me.",
        ]
    if rule == "pressure_entitlement":
        return [
            "I'm missing closeness with you, and I'd love us to find something that feels good to both of us.",
            "I'd like more closeness. What would you enjoy? It's fine to say not now.",
        ]
    if base:
        return [
            f"Would you like to {base}? A no or a not-now is completely okay with me.",
            f"I'd like to {base}, but only if you want to as well. How do you feel about it?",
        ]
    return [
        "How do you feel about it? A no or a not-now is completely okay with me.",
        "I'd like to, but only if you want to as well. What would you like?",
    ]


_IF_NOT = re.compile(r"\bif you (?:don't|do not|won't|will not|can't|refuse to) ")
_IF_YOU = re.compile(r"\bif you(?: ever)? ")
_EITHER = re.compile(r"^\W*(?:either\s+)?(?:you\s+)?")
_OR_THREAT = re.compile(r",?\s+or\b")


def _ultimatum(parts: Ingredients, rule: str) -> list[str]:
    time = parts.time()
    wish = None
    worry = None
    if _IF_NOT.search(parts.text):
        wish = parts.after(_IF_NOT)
    elif _IF_YOU.search(parts.text) is not None:
        worry = parts.after(_IF_YOU)
    elif _OR_THREAT.search(parts.text) and not re.search(r"\b(?:me|us) or\b", parts.text):
        before = parts.text[: _OR_THREAT.search(parts.text).start()]  # type: ignore[union-attr]
        lead = _EITHER.match(before)
        start = lead.end() if lead else 0
        wish = _tidy(parts.sentence.surface(start, len(before))) or None
    ours = re.match(r"we (?P<rest>.+)$", wish) if wish else None
    if ours is not None and _base(ours.group("rest")):
        shared = _base(ours.group("rest"))
        return [
            f"I'd really like us to {shared}. Can we talk about what would make it work for both of us?",
            f"This matters a lot to me: I'd like us to {shared}. Could we find a time to talk it through?",
        ]
    base = _base(wish) if wish else None
    if base:
        return [
            f"I'd really like you to {base}. Can we talk about what makes that hard?",
            f"This matters a lot to me: I'd like you to {base}. Could we find a time to talk it through?",
        ]
    gerund = _gerund(worry) if worry else None
    if gerund and gerund.startswith(("keeping this up", "keeping it up", "keeping that up", "doing this again")):
        return [
            "I'm finding this really hard, and I need something to change. Can we talk about it?",
            f"This matters a lot to me, and I need us to talk about it {time or 'soon'}.",
        ]
    if gerund and re.match(r"(?:saying no|refusing|turning me down|saying not now)", gerund):
        return [
            "Your no is okay with me. I'd like to understand what's behind it, if you want to share.",
            "I feel disappointed, and I still want your answer to be free. Can we talk about what each of us needs?",
        ]
    if gerund:
        return [
            f"I'm worried about you {gerund}. Can we talk about it before anything is decided?",
            f"When I think of you {gerund}, I feel uneasy. Could we talk about what each of us needs?",
        ]
    rival = parts.after(re.compile(r"\b(?:me|us) or "))
    if rival:
        return [
            f"I'd like more time with you, and lately I feel I come second to {rival}. Can we talk about it?",
            f"I miss you when so much of your time goes to {rival}. Could we plan some time for us?",
        ]
    return [
        f"I'm close to my limit about this, and I need us to talk about it {time or 'soon'}.",
        "This matters a lot to me. Can we find a time to talk it through?",
    ]


_CLAIM_STOP = re.compile(r"[,;:.!?\n]| and (?:i|you know)\b")
_CLAIM_START = re.compile(r"\byou(?:'re|'d|'ve| are| were| would)?\b")
_CLAIM_FILLER = re.compile(r"\b(?:obviously|clearly|secretly|just|actually|even|deep down,?)\s+")
_CLAIM_TAIL = re.compile(r",?\s*(?:i can tell|i know it|admit it|don't pretend(?: you don't)?|and you know it)\b.*$")
_ON_PURPOSE = re.compile(r"\s*\b(?:on purpose|deliberately|intentionally)\b.*$")


def _mind_reading(parts: Ingredients, rule: str) -> list[str]:
    text = parts.text
    begin = _CLAIM_START.search(text, max(0, parts.start - 1))
    if begin is None:
        begin = _CLAIM_START.search(text)
    if begin is None:
        return [
            "I've been telling myself a story about what you're feeling. Can I check it with you?",
            "I'm not sure what's going on for you. Can you tell me?",
        ]
    stop = _CLAIM_STOP.search(text, begin.start())
    end = stop.start() if stop else len(text)
    claim = _tidy(_CLAIM_FILLER.sub("", parts.sentence.surface(begin.start(), end)))
    claim = _CLAIM_TAIL.sub("", claim)
    if rule == "mind_reading_on_purpose":
        act = _ON_PURPOSE.sub("", claim)
        return [
            f"When {act}, it felt deliberate to me. Can you tell me what was going on for you?",
            f"I'm hurt that {act}, and I'd like to understand what happened for you.",
        ]
    return [
        f"It feels to me as if {claim}. Is that true, or is something else going on for you?",
        f"The story I'm telling myself is that {claim}. Can I check that with you?",
    ]


def _dismissal(parts: Ingredients, rule: str) -> list[str]:
    topic = parts.topic()
    about = f" about {topic}" if topic else ""
    if rule == "dismissal_denial":
        return [
            "I remember it differently, and I'd like to hear how it was for you.",
            "We seem to remember it differently. Can you tell me what you saw?",
        ]
    if rule == "dismissal_calm_down":
        return [
            "I can see you're upset. Do you want to tell me more, or take a short pause first?",
            "I can tell this is big for you. What would help right now?",
        ]
    return [
        f"I can see this matters to you. Can you tell me more{about or ' about it'}?",
        f"I didn't realise how much {topic or 'this'} affects you. What's it like for you?",
    ]


_NEED_TO = re.compile(
    r"\byou(?: need to| have to| must|'d better| had better| better| got to| will|'ll| are going to|'re going to)"
    r"(?: just| really| seriously)? "
)
_IMPERATIVE_START = re.compile(r"^\W*(?:now,?\s+)?(?:just\s+)?")
_STOP = re.compile(r"\b(?:stop|quit) (?=\w+ing\b)")


def _demand(parts: Ingredients, rule: str) -> list[str]:
    time = parts.time()
    ask = None
    if rule == "demand_stop_ing":
        habit = parts.after(_STOP)
        if habit and habit.startswith("being "):
            return [
                "I'd like us to talk about this calmly. Could we start again?",
                "I'm finding this hard to hear. Could we slow down and try again?",
            ]
        if habit:
            habit = re.sub(r" (?:and|or) .*$", "", habit)
            return [
                f"It's hard for me when you keep {habit}. Could we find a way that works for both of us?",
                f"When you're {habit}, I lose heart. Would you be willing to try something else?",
            ]
    if _NEED_TO.search(parts.text):
        ask = parts.after(_NEED_TO)
    elif rule == "demand_imperative":
        lead = _IMPERATIVE_START.match(parts.text[parts.start :])
        start = parts.start + (lead.end() if lead else 0)
        ask = _tidy(parts.sentence.surface(start, start + len(_clause(parts.text, start)))) or None
    base = _base(ask) if ask else None
    when = f" {time}" if time and base and time.lower() not in base.lower() else ""
    if base and base.split(" ", 1)[0] not in ("not", "now"):
        return [
            f"Would you be willing to {base}? It matters to me.",
            f"I'd really like you to {base}. Is that something you could do{when}?",
        ]
    return [
        f"Would you be willing to talk about this {time or 'soon'}? It matters to me.",
        "I need something to change here. Could we work out together what would help?",
    ]


_BUILDERS: dict[Kind, Builder] = {
    "generalization": _generalization,
    "blame": _blame,
    "character_attack": _character_attack,
    "contempt": _contempt,
    "guilt_trip": _guilt_trip,
    "pressure": _pressure,
    "ultimatum": _ultimatum,
    "mind_reading": _mind_reading,
    "dismissal": _dismissal,
    "demand": _demand,
}


# --- reflections -----------------------------------------------------------------


def _reflection(parts: Ingredients, kind: Kind) -> list[str]:
    topic = parts.topic()
    if topic is None:
        match = _YOU_ADVERB.search(parts.text) or re.search(r"\byou(?: just| only| really)? (?=[a-z])", parts.text)
        if match is not None:
            phrase = _habit(parts.after(re.compile(re.escape(match.group()))) or "")
            said = re.match(r"(?:said|say|says|told|tell|think|thought|feel|felt)\b", phrase)
            topic = _gerund(phrase) if phrase and said is None else None
    if topic:
        return [
            f"What I heard is that this is about {topic}, and it matters to you. Did I get that right?",
            f"It sounds like {topic} has been weighing on you. What did I miss?",
            f"Let me check I understood what you said about {topic}. Is that how it is for you?",
        ]
    return [
        "What I heard is that this really matters to you. Did I get that right?",
        "It sounds like this has been weighing on you. What did I miss?",
        "Let me check I understood what you said. Is that how it is for you?",
    ]


def _lower_first(sentence: str) -> str:
    return sentence if sentence.startswith(("I ", "I'")) else sentence[:1].lower() + sentence[1:]


# --- entry point -------------------------------------------------------------------


def suggestions_for(
    kind: Kind,
    rule_name: str,
    normalized: Normalized,
    original: str,
    start: int,
    end: int,
    context: Context,
    sentence_start: int,
    sentence_end: int,
) -> tuple[str, ...]:
    """Two or three complete reframes for one finding, the best first, never with blanks."""
    sentence = Sentence(normalized.text[sentence_start:sentence_end], sentence_start, normalized, original)
    parts = Ingredients(sentence, max(0, start - sentence_start), max(0, end - sentence_start))
    built = _reflection(parts, kind) if context == "reflection" else _BUILDERS[kind](parts, rule_name)
    unique: list[str] = []
    for suggestion in built:
        tidy = _finish(suggestion)
        if tidy and tidy not in unique:
            unique.append(tidy)
    return tuple(unique)


def _finish(suggestion: str) -> str:
    suggestion = re.sub(r"\s+", " ", suggestion).strip()
    suggestion = re.sub(r"\s+([,.?!;])", r"\1", suggestion)
    suggestion = re.sub(r"([.?!])[.?!]+", r"\1", suggestion)
    suggestion = suggestion.replace("_", " ")
    return suggestion[:1].upper() + suggestion[1:]
