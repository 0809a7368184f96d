"""Checks that keep a pattern match from becoming a finding.

The coach must stay quiet on praise, I-statements, requests, boundaries and
logistics even when they share words with a harsh phrase.  Context-wide checks
(quoted speech, the speaker negating the claim, yes/no questions) apply to every
rule; the named guards below are attached to particular rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?;\n]")


@dataclass(frozen=True, slots=True)
class MatchContext:
    """A match inside normalised text, with its sentence around it."""

    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int

    @property
    def matched(self) -> str:
        return self.text[self.start : self.end]

    @property
    def prefix(self) -> str:
        """The sentence up to the match."""
        return self.text[self.sentence_start : self.start]

    @property
    def tail(self) -> str:
        """The sentence after the match."""
        return self.text[self.end : self.sentence_end]

    @property
    def sentence(self) -> str:
        return self.text[self.sentence_start : self.sentence_end]


def context_for(text: str, start: int, end: int) -> MatchContext:
    sentence_start = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = boundary.end()
    # A match may itself begin with the punctuation that ends the previous sentence.
    sentence_start = min(sentence_start, start)
    following = _SENTENCE_END.search(text, end)
    sentence_end = len(text) if following is None else following.end()
    return MatchContext(text, start, end, sentence_start, sentence_end)


# --- checks applied to every rule ---------------------------------------------

_NEGATED_CLAIM = re.compile(
    r"\b(?:(?:i|we)(?: really| just| honestly)? (?:don't|do not|didn't|did not|never|wouldn't|"
    r"won't|can't) (?:think|say|said|believe|mean|meant|feel like|claim|want to say|call|"
    r"called)|(?:i'm|i am|i was|i wasn't) not (?:saying|blaming|claiming|suggesting|"
    r"calling)|not (?:saying|that|because)|nobody (?:thinks|said|says)|no one (?:thinks|said)|"
    r"(?:it's|it is|it was|that's|that is) not|it isn't|it wasn't|that isn't|never said)\b"
    r"[^.?!;,]*$"
)
_REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|say|told (?:me|us|him|her|them)|tells (?:me|us)|asked|asks|wrote|"
    r"writes|goes|shouted|yelled|joked|texted)\s*[,:]?\s*$"
)
_YES_NO_QUESTION_START = re.compile(
    r"^\W*(?:do|does|did|are|is|was|were|have|has|had|can|could|would|will|should|shall|"
    r"might|may|need)\b"
)


def is_quoted(text: str, start: int, end: int) -> bool:
    """True when the span sits between a pair of double quotes (someone else's words)."""
    before = text.count('"', 0, start)
    return before % 2 == 1 and '"' in text[end:]


def is_negated(context: MatchContext) -> bool:
    return _NEGATED_CLAIM.search(context.prefix[-60:]) is not None


def is_reported(context: MatchContext) -> bool:
    return _REPORTED_SPEECH.search(context.prefix) is not None


def is_yes_no_question(context: MatchContext) -> bool:
    """An open yes/no question asks ("Is it your fault or mine?"); a negative one
    ("Isn't this all your fault?") doesn't, because "isn't" is not an accepted opener."""
    sentence = context.sentence.rstrip()
    return sentence.endswith("?") and _YES_NO_QUESTION_START.match(sentence) is not None


def is_echo_question(context: MatchContext) -> bool:
    """A short phrase alone, echoed back as a question: "Your fault? No, the timing was bad."."""
    return (
        len(context.matched.split()) <= 2
        and context.prefix.strip(" \t\n\"'") == ""
        and context.tail.strip().startswith("?")
    )


# --- rule-specific guards: True keeps the match ---------------------------------

_POSITIVE = re.compile(
    r"\b(?:welcome|love|loved|lovely|loving|safe|special|happy|happier|laugh|smile|amazing|"
    r"wonderful|beautiful|gorgeous|great|kind|kindest|sweet|best|good|better|thoughtful|"
    r"remember|know (?:what|how|just|exactly)|effort|support|supported|there for me|cheer|"
    r"appreciate|appreciated|proud|patient|gentle|generous|smell|look (?:great|good|nice|"
    r"amazing|hot)|melt|wanted|desired|seen|heard|calm|comfortable|at home|lucky|grateful|"
    r"whole|alive|excited|cared for|respected|valued|confident|strong|surprise|warm|"
    r"sexy|attractive|fun|free to|change your mind|say no|thank|thanks|delicious|"
    r"brighten|make time for me|make time for us|fantastic|perfect|adore|treasure|calmer|"
    r"relaxed|at ease|peaceful|closer|look after|take care|hold me|listen to me|understand|"
    r"back me up|have my back|(?:feel|felt|so|really|very) close|connected|cherished|precious|cosy|cozy|"
    r"joyful|thankful|blessed|adored|light up|lights up|butterflies|grin|giggle|"
    r"blush|makes? my day|made my day|mean(?:s)? (?:a lot|so much|the world)|"
    r"check(?:s)? in (?:with|on) (?:me|us)|considerate|attentive|lovely|heart\w*warm\w*|swoon|"
    r"like (?:myself|home)|at peace|grounded|hopeful|inspired|miss you|missed you)\b"
)
# Framing that turns the always/never/every-time that follows into appreciation:
# "I love how you always ...", "thank you for never ...".
_APPRECIATION_FRAME = re.compile(
    r"\b(?:i (?:really |just |so |honestly )?(?:love|adore|appreciate|admire|like|cherish|treasure|value|"
    r"enjoy|notice|noticed|miss)(?: it)? (?:how|that|the way|when|it when)|"
    r"thank you (?:so much |for (?!nothing)|that )|thanks (?:so much |for (?!nothing))|"
    r"i'm (?:so |really |always )?(?:grateful|thankful|lucky|glad|proud)|"
    r"it means (?:so much|a lot|the world)|(?:one of )?(?:my favou?rite|the best) (?:things?|part)|"
    r"what i love)\b"
)
# Gratitude that points back at what was just said ("Thank you!", "it means a lot",
# "I appreciate that"), in a later clause or another sentence.  Not the sarcastic
# "thanks for nothing", nor thanks for something else ("thank you for the flowers").
_APPRECIATION_ELSEWHERE = re.compile(
    r"\b(?:(?:thank you|thanks)(?: so much| again| babe| love| darling)?"
    r"(?: for (?:that|this|it|everything))?\b(?!\s+(?:for|a lot))|"
    r"i (?:really |so |just )?(?:appreciate|love) (?:that|it|this|you for)\b|"
    r"(?:it|that|this) means (?:so much|a lot|the world)|(?:i'm|i am) (?:so |really )?(?:grateful|thankful)|"
    r"love that about you)"
)
_SARCASM_MARKER = re.compile(
    r"\b(?:thanks for nothing|thanks a lot|yeah,? right|oh,? great|gee|wow,? thanks|not|\w+n't|"
    r"but|hate|sick of|tired of|fed up|annoy\w*|frustrat\w*|upset|angry|hurt|again|ridiculous)\b"
)
# A complaint in the "always" sentence itself: thanks elsewhere can't make it praise.
_COMPLAINT_VERB = re.compile(
    r"\b(?:ruin\w*|mess\w* up|forget\w*|forgot|ignor\w*|interrupt\w*|yell\w*|shout\w*|"
    r"late|leave|leaves|left|blame\w*|criticis\w*|criticiz\w*|complain\w*|cancel\w*|"
    r"on your phone|sulk\w*|snap\w*)\b"
)


def is_appreciation(context: MatchContext) -> bool:
    """True when the always/never/every-time sits inside thanks or praise: framed before
    it in the sentence ("I love how you always ...") or thanks that points back at it."""
    if _APPRECIATION_FRAME.search(context.prefix) is not None:
        return True
    after_clause = context.text[clause_end(context.text, context.end) : context.sentence_end]
    elsewhere = context.text[: context.sentence_start] + " " + after_clause + " " + context.text[context.sentence_end :]
    if _APPRECIATION_ELSEWHERE.search(elsewhere) is None or "thanks for nothing" in elsewhere:
        return False
    # Only when the sentence itself carries no complaint of its own.
    if _SARCASM_MARKER.search(context.sentence) is not None:
        return False
    return "never" in context.matched or _COMPLAINT_VERB.search(context.sentence) is None


# A positive word that is wished for or denied doesn't make a sentence praise:
# "every time I try to feel close to you", "when you yell I don't feel safe".
_UNREALISED = re.compile(
    r"(?:\b(?:want|wanted|wants|try|tried|trying|wish|hope|hoping|need|needed|supposed|meant|used) to"
    r"(?: \w+)?|\b(?:not|never|no longer|\w+n't)(?: \w+)?(?: \w+)?)\s*$"
)


def has_praise(text: str) -> bool:
    """True when ``text`` holds a positive word that is actually said, not wished or denied."""
    for match in _POSITIVE.finditer(text):
        if _UNREALISED.search(text[max(0, match.start() - 40) : match.start()]) is None:
            return True
    return False


_NEVER_MEANS_PRAISE = re.compile(
    r"^(?: once| ever)?\s*(?:fail|have to|need to|let me down|disappoint|judge|judged|pressure|"
    r"push|rush|complain|hesitate|criticise|criticize|cease|stop (?:surprising|amazing|"
    r"making|trying|caring)|give up on|made me feel (?:bad|small|stupid|pressured|rushed|"
    r"unsafe|judged|uncomfortable|guilty|silly|dumb|ashamed|embarrassed|like a burden|weird|"
    r"wrong|awkward|needy|crazy|alone)|make me feel (?:bad|small|stupid|pressured|rushed|"
    r"unsafe|judged|uncomfortable|guilty|silly|dumb|ashamed|embarrassed|like a burden|weird|"
    r"wrong|awkward|needy|crazy|alone)|forget (?:to say|my)|miss a)\b"
)
_CLAUSE_END = re.compile(r"[,;.!?]| but | and | because ")


def clause_end(text: str, position: int) -> int:
    """Where the clause that contains ``position`` ends."""
    boundary = _CLAUSE_END.search(text, position)
    return len(text) if boundary is None else boundary.start()


def _clause_after(context: MatchContext) -> str:
    tail = context.tail
    boundary = _CLAUSE_END.search(tail)
    return tail if boundary is None else tail[: boundary.start()]


def is_complaint_not_praise(context: MatchContext) -> bool:
    """Example: "You never plan anything" is a complaint; "you never fail to" and
    "you always make me feel welcome" are praise."""
    if is_appreciation(context):
        return False
    if "never" in context.matched:
        # "You never know when it might come in handy" is an idiom, not a complaint.
        if re.match(r"\s*know (?:when|what|if|who|how)\b", context.tail):
            return False
        return _NEVER_MEANS_PRAISE.search(context.tail) is None
    return not has_praise(_clause_after(context))


_OPEN_INVITATION = re.compile(
    r"^\s*you(?:'re| are)? (?:ready|want|like|feel like|can|need|get a chance|have time|"
    r"are ready|'d like)\b"
)


def addresses_partner_without_praise(context: MatchContext) -> bool:
    """Example: "Every time I bring it up you change the subject", not "answer whenever you're ready"."""
    if _OPEN_INVITATION.search(context.tail):
        return False
    if re.search(r"\byou\b", context.sentence) is None:
        return False
    if _INSIDE_A_DEMAND.search(context.prefix) is not None:
        # "You need to stop going out every weekend": the habit is the object of a demand.
        return False
    if is_appreciation(context):
        return False
    return not has_praise(context.sentence)


_INSIDE_A_DEMAND = re.compile(r"\b(?:stop|quit|need to|have to|must|had better|'d better|gotta|got to)\b[^,;]*$")


_KIND_OBJECT = re.compile(
    r"^\s*(?:a|an|some|coffee|breakfast|dinner|tea|lunch|laugh|smile|so happy|"
    r"feel (?:so |really |very )?(?:loved|welcome|safe|special|happy|good|wanted|seen|"
    r"heard|beautiful|sexy|desired|at home|better|calm|comfortable|proud|lucky|"
    r"cared for|respected|valued|confident|strong|alive|excited|warm)|proud|happy|"
    r"better|smile|giggle|blush|melt|wonder|want|believe|feel like (?:myself|home))\b"
)


def made_me_feel_bad(context: MatchContext) -> bool:
    """Example: "You make me feel unwanted" blames; "you make me feel so loved" thanks."""
    if _KIND_OBJECT.search(context.tail):
        return False
    return not has_praise(_clause_after(context))


_HURT = re.compile(
    r"\b(?:can't|cannot|don't|didn't|stopped|never|exhausted|ruined|late|missed|fight|"
    r"fighting|hate|anxious|stress|stressed|sad|cry|cried|miserable|no longer|anymore|lost|"
    r"trust|worse|hurt|lonely|afraid|scared|angry|upset|broke|broken|wasted|tired|on time)\b"
)


def sentence_sounds_hurt(context: MatchContext) -> bool:
    """Example: "Because of you I can't relax" blames; "thanks to you I got the job" thanks."""
    return _HURT.search(context.sentence) is not None


def not_praise(context: MatchContext) -> bool:
    """Example: "you're the reason we fight" blames; "you're the reason I smile" thanks."""
    return not has_praise(context.sentence)


def message_is_short(context: MatchContext) -> bool:
    return len(context.text.strip()) <= 40


_PUSHING = re.compile(
    r"\b(?:come on|don't be|just|why not|relax|you'll (?:like|love|enjoy)|what's the|"
    r"stop|please|for me|big deal|only|don't make it)\b"
)


def minimising_pushes(context: MatchContext) -> bool:
    """Example: "It's only five minutes, don't be like that" pushes; "it's only five minutes away" doesn't."""
    rest_of_message = context.text[: context.start] + context.text[context.end :]
    return _PUSHING.search(rest_of_message) is not None


_OUR_OWN_PAUSE = re.compile(
    r"(?:let's|let us|we|we both|we can|we should|we need to|i|i need to|i should|i'll|i will|"
    r"i'm going to|i want to|both|to)(?: both| all)?(?: just)?\s*$"
)


def not_said_about_us(context: MatchContext) -> bool:
    """Example: "Calm down" dismisses; "let's both calm down" is a shared pause."""
    return _OUR_OWN_PAUSE.search(context.prefix) is None


_OWN_REASSURANCE = re.compile(r"^\s*(?:if|to me|for me|at all|either way)\b")


def not_about_own_feelings(context: MatchContext) -> bool:
    """Example: "It's no big deal if you'd rather not" reassures instead of dismissing."""
    if _OWN_REASSURANCE.search(context.tail):
        return False
    return re.search(r"\bi (?:know|realise|realize|guess|hope)\b", context.prefix) is None


_GENTLE_CONTEXT = re.compile(
    r"\b(?:if you (?:want|like|can|feel like)|whenever|when you're ready|no rush|"
    r"let me know|i'll handle|i'll do|up to you)\b"
)


def not_a_kind_offer(context: MatchContext) -> bool:
    """Example: "You need to fix this tonight" demands; "let me know if you want" doesn't."""
    if context.sentence.rstrip().endswith("?"):
        return False
    return _GENTLE_CONTEXT.search(context.sentence) is None


_PLAYFUL = re.compile(r"\b(?:haha|hah|lol|blushing|tickling|teasing me|laughing)\b|😂|😊|😄|😘")
_CLAUSE_OPENING = re.compile(r"(?:^|[,:]|\band|(?<!let's )\bjust|\bso|\bnow)\s*$")


def starts_sentence(context: MatchContext) -> bool:
    """Imperatives ("do it", "now") only count at the start of a sentence."""
    return re.fullmatch(r"\W*(?:just\s*)?", context.prefix) is not None


def starts_clause(context: MatchContext) -> bool:
    return _CLAUSE_OPENING.search(context.prefix) is not None


def imperative_not_playful(context: MatchContext) -> bool:
    """Example: "Stop sulking" orders; "stop making me laugh haha" plays."""
    return starts_clause(context) and _PLAYFUL.search(context.text) is None


_TITLE_LEAD = re.compile(r"(?:,|\bsure,?|\bthanks,?|\bjob,?|\bone,?)\s*$")


def said_as_a_title(context: MatchContext) -> bool:
    """Example: "Nice one, genius" mocks; "you're a genius at this" may not."""
    return _TITLE_LEAD.search(context.prefix) is not None


_PLAIN_OWN_STATE = re.compile(
    r"i (?:guess|suppose),? (?:i'm|i am|i was|i feel|i'm feeling)(?: just| a bit| a little| really| so|"
    r" pretty| kind of| sort of)* (?:tired|exhausted|sleepy|hungry|stressed|busy|overwhelmed|nervous|"
    r"anxious|sad|down|off|sick|sore|worn out|grumpy|cranky|distracted|overthinking|out of it|"
    r"in a mood|having a bad day|not (?:sure|ready|in the mood))\b"
)
_REASSURANCE = re.compile(
    r"\b(?:(?:it's|it is|that's) nothing you did|nothing you(?:'ve)? (?:did|done|said)|"
    r"(?:it's|it is|that's) not (?:your fault|about you|on you|because of you)|"
    r"you didn't do anything|not something you did)\b"
)


def not_own_state_or_reassurance(context: MatchContext) -> bool:
    """Example: "I guess nobody cares what I think" is leverage; "I guess I'm just tired,
    it's nothing you did" names the speaker's own state and reassures."""
    if _PLAIN_OWN_STATE.match(context.text, context.start) is not None:
        return False
    return _REASSURANCE.search(context.text) is None


_PARTNER_AS_SUBJECT = re.compile(
    r"(?<!\bsee )(?<!\bthank )(?<!\blove )(?<!\bmiss )(?<!\bwith )(?<!\bto )(?<!\bfor )(?<!\bat )"
    r"\byou(?:'re|'ve|'d|'ll)?\b(?! (?:at|on|in|around|tomorrow|tonight|later|then|there|soon|too|"
    r"guys|all|both|and me)\b)"
)


_PLAN_OR_OFFER = re.compile(
    r"\b(?:you'll|you will|you can|you could|you're going to|you are going to|we'll|we will|we can|"
    r"let's|shall)\b"
)


def criticises_partner(context: MatchContext) -> bool:
    """Example: "You're overreacting, as usual" turns one moment into a pattern; "I'll make
    pancakes as usual" and "Brilliant idea, as usual" (sarcasm, not a pattern) don't."""
    if _PARTNER_AS_SUBJECT.search(context.sentence) is None:
        return False
    if context.sentence.rstrip().endswith("?") or _PLAN_OR_OFFER.search(context.sentence) is not None:
        # "You'll pick the kids up as usual?" is logistics, not a verdict.
        return False
    if is_appreciation(context):
        return False
    return not has_praise(context.sentence)
