"""Pattern families, one list per kind, matched against normalised text.

Patterns are written for the output of ``normalize``: lowercase, straight
quotes, apostrophes restored ("youre" -> "you're"), common typos fixed.
Guards keep the praise, I-statements, requests and logistics that share the
same words from being flagged; see ``guards.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import guards
from .guards import MatchContext
from .models import Kind

Guard = Callable[[MatchContext], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    kind: Kind
    name: str
    pattern: str
    negatable: bool = True
    statement_only: bool = False
    guard: Guard | None = None
    # Drop the finding when the message also has a finding of this kind, e.g.
    # "it's not a big deal, just try it" minimises the ask (pressure) rather
    # than dismissing a feeling.
    yields_to: Kind | None = None
    # Report the rest of the clause too, so the excerpt reads as a phrase.
    extend_to_clause: bool = False


YOU_ARE = (
    r"(?:you're|you(?: really| truly| honestly| actually| seriously| literally| just| clearly)? "
    r"(?:are|were)|you've been|you have been)"
)
INTENSIFIER = (
    r"(?:(?:so|such|really|just|very|too|completely|totally|incredibly|unbelievably|"
    r"always|honestly|seriously|literally|extremely|utterly|pretty|kind of|sort of|"
    r"the most|a|an|a complete|a total|a real|an absolute|absolutely|being|"
    r"fucking|bloody|damn|truly|genuinely)\s+)*"
)
TRAIT_ADJECTIVE = (
    r"(?:selfish|lazy|heartless|cold|controlling|insensitive|manipulative|immature|"
    r"stubborn|clingy|needy|frigid|arrogant|uncaring|irresponsible|cruel|"
    r"self[- ]?cent(?:red|ered)|self[- ]?absorbed|inconsiderate|useless|hopeless|"
    r"possessive|petty|mean|spoiled|spoilt|unreliable|untrustworthy|dishonest|fake|"
    r"toxic|neurotic|ungrateful|thoughtless|careless|uptight|cowardly|spineless|vain|"
    r"greedy|bossy|rude|nasty|callous|unfeeling|emotionless|passive[- ]aggressive|"
    r"cheap|jealous|childish|weak|boring|shallow)"
)
TRAIT_NOUN = (
    r"(?:liar|coward|jerk|hypocrite|narcissist|cheapskate|control freak|bully|brat|"
    r"slob|snob|nag|child|egomaniac|egoist|user|manipulator|psycho|sociopath|"
    r"(?:bad|terrible|horrible|lousy|awful|useless|selfish|uncaring|cold|lazy|"
    r"pathetic|shit|crap|crappy)\s+(?:partner|person|listener|lover|girlfriend|"
    r"boyfriend|husband|wife|spouse|human being|human|friend|parent|communicator))"
)
INSULT = (
    r"(?:idiot|moron|imbecile|loser|clown|fool|dumbass|dickhead|jackass|joke|"
    r"pathetic|stupid|dumb|clueless|brainless|embarrassing|disgusting|worthless|"
    r"prude|waste of space|piece of work|laughingstock|airhead|numpty|twit)"
)
SARCASTIC_TITLE = (
    r"(?:genius|einstein|sherlock|princess|your (?:majesty|highness)|"
    r"mr\.? perfect|mrs\.? perfect|ms\.? perfect|miss perfect|mister perfect|"
    r"captain obvious|drama queen|smart guy|smartypants|hotshot|big shot)"
)
THREAT_OUTCOME = (
    r"(?:(?:i'm|i am|i'll|i will|we're|we are|we'll|it's|it is|this is|this relationship is|"
    r"we|i)\s+(?:\w+\s+){0,2}?(?:done|leaving|leave|out|gone|over|finished|through|"
    r"moving out|move out|sleeping on|walk|walking|out of here|finding someone|find someone|"
    r"try it with someone|breaking up|break up|calling it off|not speaking|not talking|"
    r"ending (?:this|it|us))"
    r"|don't (?:bother|come back|expect me)|do not (?:bother|come back)"
    r"|forget (?:about )?(?:it|us|me|sex)|you can forget)"
)
DEMAND_VERB = (
    r"(?:fix|change|apologi[sz]e|say sorry|stop|start|explain|make (?:it )?up|talk|"
    r"listen|respect|try harder|be more|be less|get your act|get it together|"
    r"tell me|answer|drop it|quit|cut it out|sort (?:this|it|yourself) out|"
    r"deal with (?:this|it)|grow up|accept|do (?:it|this|that|what|as)|"
    r"be home|be back|come home|come back|call me|text me|show me|prove|open up|"
    r"initiate|let me|give me|put (?:it|that|your)|promise|leave (?:them|him|her)|"
    r"break up with|delete|block|choose|decide|agree|admit|own (?:up|it)|"
    r"take responsibility|spend more|pay attention|look at me|get over|"
    r"be on time|not be late|think about how|work on|get (?:home|back) by|buck up|toughen up|man up|"
    r"snap out of it|pull yourself together|"
    r"stay (?:home|in|away)|cancel|skip|tell (?:them|him|her))"
)
URGENCY = r"(?:now|right now|immediately|tonight|this instant|today|this minute|already)"


GENERALIZATION: list[Rule] = [
    Rule(
        "generalization",
        "generalization_always_never",
        r"\byou(?:'re| are|'ve| have)?(?: just| also| really| literally)? "
        r"(?:always|never|constantly|continually|forever)\b(?:,? (?:always|never)\b)?"
        r"(?: once| ever)?",
        statement_only=True,
        guard=guards.is_complaint_not_praise,
        extend_to_clause=True,
    ),
    Rule(
        "generalization",
        "generalization_every_time",
        r"\b(?:every (?:single )?time|each time|whenever|every (?:single )?(?:day|night|thing|"
        r"week|weekend|morning|evening|holiday|birthday))\b",
        statement_only=True,
        guard=guards.addresses_partner_without_praise,
    ),
    Rule(
        "generalization",
        "generalization_as_usual",
        r"\b(?:as (?:usual|always)|like (?:always|usual)|same as (?:always|usual|ever)|"
        r"(?:yet )?again,? as (?:usual|always))\b",
        statement_only=True,
        guard=guards.criticises_partner,
    ),
    Rule(
        "generalization",
        "generalization_always_me",
        r"\b(?:it's|it is) always (?:me|you|my job|on me) (?:who|that|to)\b",
    ),
    Rule(
        "generalization",
        "generalization_always_me",
        r"\b(?:why is it|why's it) always (?:me|you)\b",
    ),
    Rule(
        "generalization",
        "generalization_not_once",
        r"\b(?:not (?:once|one time|a single time)(?: this (?:year|month|week))?,? (?:have|did|do|has) you|"
        r"how many times (?:do|have|must) i (?:have to|got to|need to)?|"
        r"(?:yet )?again and again,? you|yet again,? you)\b",
    ),
    Rule(
        "generalization",
        "generalization_every_time",
        r"\byou \w+(?: \w+){0,4}? every (?:single )?(?:year|month|time we|time i)\b",
        statement_only=True,
        guard=guards.addresses_partner_without_praise,
    ),
    Rule(
        "generalization",
        "generalization_nothing_enough",
        r"\bnothing (?:i do |i say )?is ever (?:good )?enough\b",
    ),
    Rule(
        "generalization",
        "generalization_all_the_time",
        r"\byou(?:'re| are)? [^.?!,;]{0,30}\ball the time\b",
        statement_only=True,
        guard=guards.is_complaint_not_praise,
    ),
]

BLAME: list[Rule] = [
    Rule(
        "blame",
        "blame_made_me_feel",
        r"\byou(?:'ve| have)?(?: just| always| really| totally| even| constantly)? "
        r"(?:make|made|makes|making) (?:me|us)\b",
        statement_only=True,
        guard=guards.made_me_feel_bad,
    ),
    Rule(
        "blame",
        "blame_made_it",
        r"\b(?<!are )(?<!were )you(?:'ve| have)?(?: just| always| really| totally)? "
        r"(?:make|made|makes|making) (?:this|that|it|everything|things|(?:the|our|my|this)(?: whole| entire)? \w+)"
        r"(?: so| even| much| all)? "
        r"(?:awkward|worse|impossible|hard|harder|difficult|complicated|weird|miserable|"
        r"uncomfortable|unbearable|horrible|painful|tense)\b",
        statement_only=True,
    ),
    Rule(
        "blame",
        "blame_your_fault",
        r"\byour (?:fault|doing)\b(?! or (?:mine|not))",
        statement_only=True,
    ),
    Rule(
        "blame",
        "blame_because_of_you",
        r"\b(?:because of you|thanks to you|if it (?:weren't|wasn't|were not|was not) for you)\b",
        statement_only=True,
        guard=guards.sentence_sounds_hurt,
    ),
    Rule(
        "blame",
        "blame_on_you",
        r"\b(?:this|that|it|this whole (?:\w+ )?\w+|it's|that's)(?: is| was)?(?: all)? on you\b",
    ),
    Rule(
        "blame",
        "blame_you_ruined",
        r"\byou(?:'ve| have)?(?: just| totally| completely| really)? "
        r"(?:ruined|ruin|destroyed|wrecked|spoiled|spoilt|screwed up|messed up|killed|"
        r"caused|started)\b(?! (?:the )?(?:car|engine|dishwasher|oven|laptop))",
        statement_only=True,
    ),
    Rule(
        "blame",
        "blame_because_of_you",
        r"\b(?:if you hadn't|if you had(?:n't| not)? just|we'd be fine if you(?:'d)?|"
        r"none of this would have happened if you)\b"
        r"(?=[^.?!]*\b(?:none of this|wouldn't|would not|fine|happened|be here|late|ok|okay)\b)",
        statement_only=True,
    ),
    Rule(
        "blame",
        "blame_the_reason",
        r"\byou(?:'re| are) the (?:reason|one who (?:started|ruined|caused|made|broke))\b",
        statement_only=True,
        guard=guards.not_praise,
    ),
]

CHARACTER_ATTACK: list[Rule] = [
    Rule(
        "character_attack",
        "character_attack_trait",
        rf"\b{YOU_ARE} {INTENSIFIER}(?:\w+ and )?(?:{TRAIT_ADJECTIVE}|{TRAIT_NOUN})\b",
        statement_only=True,
    ),
    Rule(
        # A comparison that makes a verdict of who they are: "you sound just like your mother".
        "character_attack",
        "character_attack_comparison",
        r"\b(?:you(?:'re| are| sound| act|'re acting| look)(?: just| exactly)? like (?:your|my|his|her) "
        r"(?:mom|mum|mother|dad|father|ex|brother|sister)|why can't you be (?:more )?like)\b",
        statement_only=True,
    ),
    Rule(
        # A verdict on the person in a condition: "if you weren't so distant, you'd know".
        "character_attack",
        "character_attack_trait",
        rf"\bif you (?:weren't|were not|wasn't|were less|were a bit less) (?:so |such an? )?(?:\w+ )?"
        rf"(?:{TRAIT_ADJECTIVE}|distant|closed off|self-involved|defensive|difficult)\b",
    ),
    Rule(
        "character_attack",
        "character_attack_what_kind",
        r"\bwhat (?:kind|sort) of (?:a )?(?:person|partner|girlfriend|boyfriend|husband|"
        r"wife|human|man|woman|lover|spouse)\b",
    ),
]

CONTEMPT: list[Rule] = [
    Rule(
        "contempt",
        "contempt_insult",
        rf"\b(?:{YOU_ARE} {INTENSIFIER}|you |such an? |what an? |are you )"
        rf"(?:an? )?(?:complete |total |absolute |utter )?{INSULT}\b",
    ),
    Rule("contempt", "contempt_insult", rf"^\W*{INSULT}\W*$"),
    Rule("contempt", "contempt_insult", r"\b(?:you disgust me|you make me sick|what a joke)\b"),
    Rule(
        "contempt",
        "contempt_insult",
        r"\b(?:that's|this is|it's) (?:the )?(?:stupidest|dumbest|most pathetic|most ridiculous)\b",
    ),
    Rule(
        "contempt",
        "contempt_sarcasm",
        r"\b(?:oh,? sure|yeah,? right|oh,? right|sure,?)(?=,? (?:because|like|as if)\b)",
    ),
    Rule(
        "contempt",
        "contempt_sarcasm",
        r"\b(?:yeah,? right|as if you|lol,? as if|oh,? great,|whatever you say|"
        r"another (?:brilliant|genius|great|fantastic) (?:plan|idea|move))\b",
    ),
    Rule("contempt", "contempt_sarcasm", rf"\b{SARCASTIC_TITLE}\b", guard=guards.said_as_a_title),
    Rule("contempt", "contempt_sarcasm", r"\bwhat an? (?:genius|brilliant|great|fantastic) (?:idea|plan|move)\b"),
    Rule(
        "contempt",
        "contempt_sarcasm",
        r"\b(?:brilliant|great|genius|fantastic|wonderful|smart)(?: idea| plan| move| one)?,? as (?:usual|always)\b",
    ),
    Rule(
        "contempt",
        "contempt_sarcasm",
        r"\b(?:wow|oh wow|oh),? (?:great|nice|good|brilliant|amazing|well done)"
        r"(?: job| work| one| going| plan| idea| move| timing| choice)?,? "
        r"(?:really|truly|seriously)\b",
    ),
    Rule(
        "contempt",
        "contempt_sarcasm",
        r"\b(?:oh,? poor (?:you|baby|thing)|boo,? hoo|cry me a river|spare me|oh,? please\b(?=[.!,]|$)|"
        r"real mature|very mature|thanks for nothing|thank you for nothing|gee,? thanks|big surprise|"
        r"look who(?:'s| has)? (?:decided|finally|showed|bothered)|"
        r"aren't you (?:just )?(?:so )?special|what are you,? (?:five|twelve|a child|a kid)|"
        r"grow up|congratulations,? you (?:finally|actually)|oh,? how (?:brave|generous|kind|noble|"
        r"big|sweet|thoughtful) of you|sure you (?:will|do|did|are|would|can)(?=\W*$))",
    ),
    Rule(
        "contempt",
        "contempt_sarcasm",
        r"\bbecause you're (?:always |just )?(?:so|such an?) (?:expert|perfect|smart|wise|"
        r"mature|great|good|brilliant|thoughtful|caring)\b",
    ),
    Rule("contempt", "contempt_sarcasm", r"\bthanks a lot\b(?=\W*$)", guard=guards.message_is_short),
    Rule(
        "contempt",
        "contempt_insult",
        r"\b(?:do you even (?:hear|listen to) yourself|do you even (?:hear|know) how (?:stupid|dumb|ridiculous)|"
        r"(?:is|was) that (?:really )?too much to ask|are you (?:really )?(?:that )?(?:stupid|dumb|thick)|"
        r"who (?:would|could) (?:even )?(?:want|stand|listen) to|what is wrong with you|what's wrong with you)\b",
    ),
    Rule("contempt", "contempt_sarcasm", r"^\W*(?:lol|lmao|ha),? (?:ok|okay|sure|right)\b"),
    Rule("contempt", "contempt_shut_up", r"\bshut up\b"),
    Rule(
        "contempt",
        "contempt_dismissive_whatever",
        r"^\W*whatever\b(?=\W*$|,|\.| you say| you want,)",
    ),
    Rule(
        "contempt",
        "contempt_dismissive_whatever",
        # "whatever" as a shrug between commas: "Oh, whatever, do what you like."
        # Not "pizza or whatever", nor "but whatever" (which turns the guilt on oneself).
        r"(?:^|[,.!:]|\b(?:oh|ok|okay|fine|sure|yeah|ugh|well|so))\s*,?\s*whatever\b"
        r"(?=\s*(?:[,.!]|$)|,? (?:do|say|go|believe|think|have it) (?:what|whatever|it)\b)",
    ),
    Rule("contempt", "contempt_insult", r"\b(?:ugh|pfft|pff|tsk),? you\b", guard=guards.message_is_short),
]

GUILT_TRIP: list[Rule] = [
    Rule(
        "guilt_trip",
        "guilt_trip_after_all",
        r"\bafter (?:all|everything)(?: that)? (?:i(?:'ve| have)?|we(?:'ve| have)?) "
        r"(?:done|given|gave|sacrificed|been through|did|put up with)\b",
    ),
    Rule(
        "guilt_trip",
        "guilt_trip_after_all",
        r"\b(?:after (?:all these years|everything)|this is (?:the thanks|what) i get|"
        r"this is how you (?:treat|repay|thank) me)\b",
    ),
    Rule(
        "guilt_trip",
        "guilt_trip_martyr",
        r"\bi (?:guess|suppose)\b[^.?!;]{0,50}?\b(?:matter|count|alone|enough|only one|never|"
        r"just|nobody|myself|not important|don't|doesn't|anymore)\b",
        guard=guards.not_own_state_or_reassurance,
    ),
    Rule(
        "guilt_trip",
        "guilt_trip_martyr",
        r"\b(?:don't (?:worry about|mind) me|i'll (?:just )?be fine (?:on my own|alone|by myself)|"
        r"i'm used to (?:it|coming last|being|that)|not like i (?:matter|count)|"
        r"i(?:'ll| will) just (?:sit|stay|go|do (?:it|everything)|be)[^.?!;]{0,30}?"
        r"(?:alone|myself|at home|again|like always|as usual)|"
        r"(?:have fun|enjoy yourself|enjoy it) without me|"
        r"i'm (?:always )?the (?:only )?one (?:who (?:sacrifices|gives|tries|does|cares|makes)|trying|making|doing|"
        r"giving|putting in|holding)|you'd (?:do (?:it|that|this|anything)|make time) for (?:anyone|everyone|your \w+)"
        r"[^.?!]{0,20}? but (?:not |never )?(?:for )?me|"
        r"i'm the only one|my (?:needs|feelings|wants) (?:just )?(?:don't|doesn't|never) (?:matter|count))\b",
    ),
    Rule(
        "guilt_trip",
        "guilt_trip_sacrifice",
        r"\bi(?:'ve| have)? (?:sacrificed|given up|gave up|put|moved|left|turned down|changed|"
        r"gave you|given you|do so much|did so much|do everything|did everything|always put you)\b"
        r"[^.?!;]{0,40}?(?:for you|for this relationship|for us|to be with you|on hold|"
        r"everything|first|nothing back)",
    ),
    Rule(
        "guilt_trip",
        "guilt_trip_sacrifice",
        r"\b(?:look at|think of|think about) (?:everything|all) (?:that )?i(?: do| did| have done|'ve done)\b",
    ),
    Rule(
        "guilt_trip",
        "guilt_trip_sacrifice",
        r"\bhow much (?:i(?:'ve| have)? |this |it )(?:sacrificed|given|gave|done|do|hurts)\b",
    ),
    Rule("guilt_trip", "guilt_trip_sacrifice", r"\bi (?:cook|clean|pay),? i\b"),
    Rule(
        "guilt_trip",
        "guilt_trip_sacrifice",
        r"^\W*i (?:\w+ ){1,8}?(?:and|but) you (?:can't|couldn't|won't|wouldn't|didn't) even\b",
    ),
    Rule(
        "guilt_trip",
        "guilt_love_test",
        r"\b(?:if you (?:really |truly |actually |even )?(?:loved|cared about|cared for|"
        r"respected|wanted) me|someone who (?:really |truly )?(?:loved|cared|cared about)|"
        r"if you cared)\b",
    ),
    Rule(
        "guilt_trip",
        "guilt_trip_hope_happy",
        r"\bi hope you're (?:happy|proud of yourself|satisfied|pleased with yourself)\b",
    ),
    Rule(
        "guilt_trip",
        "guilt_trip_martyr",
        r"\b(?:i can't believe you(?:'d| would) do this to me|you'd do it for anyone (?:else )?but|"
        r"(?:wonder|doubt) (?:if|whether) you (?:even |still )?(?:love|care|want)|"
        r"the least you (?:could|can) do|after i (?:paid|bought|cooked|drove))\b",
    ),
]

PRESSURE: list[Rule] = [
    Rule(
        "pressure",
        "pressure_minimising",
        r"\b(?:only|just) (?:(?:(?:a|one|five|ten|two|\d+)(?: little)? (?:minutes?|seconds?|kiss|night|"
        r"time))|once|(?:for )?a (?:minute|second|sec))\b(?! (?:away|walk|drive|late|early|left|ago|from))",
        guard=guards.minimising_pushes,
    ),
    Rule(
        "pressure",
        "pressure_minimising",
        r"\b(?:just (?:this )?once|it'll be quick|(?:what's|where's) the (?:harm|big deal)|"
        r"it's not like i'm asking (?:for )?much|just (?:give|try) it\b|"
        r"(?:give|try) it (?:once|one time|a chance|a try|a go)\b|just go along with|"
        r"don't (?:be (?:like that|such a prude|boring|a prude|so uptight|difficult|a killjoy|"
        r"a spoilsport|no fun|so vanilla)|make it (?:weird|a (?:big )?deal|awkward|a thing))|"
        r"come on,? (?:babe|baby|just|it'll|it's|don't|please|live a little)|"
        r"you'll (?:like|love|enjoy) it|stop overthinking|don't think,? just|let it happen|"
        r"just relax and|"
        r"why are you making (?:this|it) (?:so )?(?:hard|difficult|complicated))",
        statement_only=True,
    ),
    Rule(
        "pressure",
        "pressure_past_answer",
        r"\b(?:you said (?:yes|maybe|you would|you'd)(?: (?:last time|before|earlier|once))?|"
        r"maybe means yes|(?:that's|that is) (?:basically|practically|pretty much|kind of|"
        r"almost) a yes|you didn't say no|you (?:promised|agreed)\b[^.?!]{0,30}?"
        r"(?:so|can't|have to)|you can't (?:back out|say no|change your mind)|"
        r"stop saying (?:no|maybe)|just say yes|say yes already)\b",
    ),
    Rule(
        "pressure",
        "pressure_keep_asking",
        r"\b(?:i'm not taking no|i won't take no|not taking no for an answer|"
        r"i'll keep asking|(?:please,? ){2,}|give me one (?:good )?reason|why not\?)",
    ),
    Rule(
        "pressure",
        "pressure_entitlement",
        r"\b(?:you owe me|it's your (?:duty|job|obligation)|"
        r"you're (?:supposed|meant) to (?:want|have|do|make|give|please|be in the mood|say yes)|"
        r"(?:couples|partners|wives|husbands|girlfriends|boyfriends) are (?:supposed|meant) to|"
        r"i deserve (?:this|it|sex|some)|you know you want (?:to|it|me)|"
        r"everyone (?:else )?does (?:it|this)|everybody (?:else )?does (?:it|this)|"
        r"every(?:one|body) else's (?:partner|girlfriend|boyfriend|wife|husband)|other couples do|"
        r"the least you (?:could|can) do|so we have to (?:use|do|try)|"
        r"if you (?:really |truly )?(?:loved|cared about|wanted) me,? you(?:'d| would)|"
        r"someone who (?:really |truly )?(?:loved|cared)[^.?!]{0,20} would|if you cared[^.?!]{0,20}you'd)",
    ),
]

ULTIMATUM: list[Rule] = [
    Rule(
        "ultimatum",
        "ultimatum_if_then",
        rf"\bif (?:you|this|that|it)\b[^.?!;]{{0,60}}?,?\s*(?:then\s+)?{THREAT_OUTCOME}",
    ),
    Rule(
        "ultimatum",
        "ultimatum_or_else",
        rf"\bor (?:else\b|{THREAT_OUTCOME}|not at all\b|i walk\b|the highway\b|leave it\b|"
        r"i will\b(?=[^.?!]{0,30}leav)|i'm finding\b|i'll find\b)",
    ),
    Rule(
        "ultimatum",
        "ultimatum_or_else",
        # A threat without a threat word: "Either we move or I move without you."
        r"\bor (?:else,? )?(?:i|i'll|i will|i'm|i am)(?: just)? "
        r"(?!could|can|might|may|would|should|could|guess)(?:\w+ ){1,3}?"
        r"(?:without you|on my own|by myself|for good|alone)\b",
    ),
    Rule(
        "ultimatum",
        "ultimatum_or_else",
        r"\b(?:it's (?:me|us) or|choose:? (?:me|us) or|(?:pick|choose) (?:between )?(?:me|us) or)\b",
    ),
    Rule(
        "ultimatum",
        "ultimatum_last_chance",
        r"\b(?:(?:your|the|my) (?:last|final) (?:chance|warning|time i'm asking)|"
        r"one more time and (?:i'm|we're|i|it's)|"
        r"(?:and|then) see what happens|then i'm (?:gone|done|leaving|out)|"
        r"don't expect me to be here|i'm not (?:asking|telling you) again)",
    ),
    Rule(
        "ultimatum",
        "ultimatum_or_else",
        rf"\b(?:do|say|try) (?:that|it|this) (?:one more time|again) and {THREAT_OUTCOME}",
    ),
    Rule("ultimatum", "ultimatum_last_chance", r"^\W*last chance\b(?! to)"),
    Rule(
        "ultimatum",
        "ultimatum_or_else",
        r"\b(?:don't bother coming (?:home|back)|(?:keep (?:this|that|it) up|carry on like this) and (?:i|we|you)|"
        r"i won't be here when you|i'm warning you|i'll find someone (?:else )?who (?:will|does|wants))\b",
    ),
]

MIND_READING: list[Rule] = [
    Rule(
        "mind_reading",
        "mind_reading_motive",
        r"\byou(?: just| only| really| obviously| clearly| secretly)? (?:like|love|enjoy|want) "
        r"(?:having (?:power|control)|to control|to (?:win|be right|hurt me|punish me|get your way|get out of)|"
        r"me to (?:fail|feel bad|feel guilty|suffer|beg|be miserable)|making me|watching me|"
        r"seeing me|to make me|someone else|out\b|control)",
        statement_only=True,
    ),
    Rule(
        "mind_reading",
        "mind_reading_dont_care",
        r"\byou (?:don't|do not|never|didn't)(?: even| really| actually| ever)? "
        r"(?:care|cared|love me|loved me|respect|want to fix|want me|want to be (?:here|with me)|"
        r"find me|value|think about me)\b",
        statement_only=True,
    ),
    Rule(
        "mind_reading",
        "mind_reading_only",
        r"\byou(?:'re| are)? only (?:want|care|said|say|saying|being|do it|did it|love|stay|"
        r"like|agreed|called|married|with me|here|nice|kind|sweet|affectionate|apologi[sz]ed?|touch me|"
        r"text me|call me)\b",
        statement_only=True,
    ),
    Rule(
        "mind_reading",
        "mind_reading_on_purpose",
        r"\byou\b[^.?!;]{0,40}?\b(?:on purpose|deliberately|intentionally)\b",
        statement_only=True,
    ),
    Rule(
        "mind_reading",
        "mind_reading_i_know",
        r"\bi (?:know|can tell|can see)(?: that)? (?:what you're thinking|you(?:'re| are)? "
        r"(?:lying|only|just|secretly|bored|hate|don't|never|not into|relieved|hiding|"
        r"pretending|glad|using|faking|cheating|annoyed with me))",
    ),
    Rule(
        "mind_reading",
        "mind_reading_obviously",
        r"\b(?:you (?:obviously|clearly)|obviously you|clearly you|you secretly|deep down,? you|"
        r"admit it,? you|just admit it)\b",
        statement_only=True,
    ),
    Rule(
        "mind_reading",
        "mind_reading_you_think",
        r"\byou think (?:i'm|i am|you're|you are) (?:\w+ )?(?:stupid|better|boring|an idiot|dumb|"
        r"crazy|worthless|ugly|unattractive|a joke|too|not good|overreacting|nothing)\b",
        statement_only=True,
    ),
    Rule(
        "mind_reading",
        "mind_reading_motive",
        r"\byou(?:'re| are) (?:just |only |obviously |clearly |really )?(?:trying to (?:make|hurt|"
        r"punish|control|get|win|avoid|get out)|saying that to|being nice because|pretending|"
        r"doing this to|doing it to|hiding something|ashamed of me|embarrassed by me|"
        r"bored (?:with|of) (?:me|us|our)|relieved|using me|avoiding me)\b",
        statement_only=True,
    ),
    Rule(
        "mind_reading",
        "mind_reading_motive",
        r"\b(?:you(?:'d| would) rather be with|you planned this|you (?:never|don't) cared? about)\b",
        statement_only=True,
    ),
]

DISMISSAL: list[Rule] = [
    Rule(
        "dismissal",
        "dismissal_overreacting",
        rf"\b{YOU_ARE}(?: being)?(?: way| so| too| a bit| completely| totally| just| really)* "
        r"(?:overreacting|over-reacting|too sensitive|so sensitive|oversensitive|over-sensitive|"
        r"sensitive|paranoid|hysterical|(?<=being )(?:so )?dramatic|irrational|crazy|imagining things|"
        r"reading too much into|making a (?:big )?(?:deal|fuss|scene|mountain)|"
        r"blowing (?:this|it|things|everything) (?:way )?out of proportion|"
        r"making (?:this|it) (?:a )?(?:bigger|big|huge)|touchy|emotional|silly|ridiculous)",
        statement_only=True,
    ),
    Rule(
        "dismissal",
        "dismissal_calm_down",
        r"\b(?:calm down|chill out|chill\b(?=[.,!]|$)|lighten up|settle down|relax,? it was|"
        r"get over it|just move on|move on\b(?=\W*$))",
        guard=guards.not_said_about_us,
    ),
    Rule(
        "dismissal",
        "dismissal_not_big_deal",
        r"\b(?:(?:not|no)(?: such| that)?(?: a)? (?:big|huge)(?: of a)? deal|"
        r"not (?:that )?(?:deep|serious|bad)|it's nothing\b(?=\W*$)|"
        r"nothing to (?:be upset|cry|get upset|get worked up) about|"
        r"no reason to (?:feel|be|get)|you shouldn't feel|nobody feels that way|"
        r"not a real problem|oh come on,? you're fine|can't you take a joke|"
        r"(?:why are you|you're|you are|stop) making (?:such )?a (?:big )?(?:fuss|deal)|"
        r"mountain out of a molehill|take (?:everything|things|it|this) (?:so |too )?personally|"
        r"take (?:everything|things|it|this) the wrong way|"
        r"making (?:it|this|everything) about you|whatever,? it doesn't matter)",
        guard=guards.not_about_own_feelings,
        yields_to="pressure",
    ),
    Rule(
        "dismissal",
        "dismissal_denial",
        r"\b(?:that never happened|that's not what happened|you're imagining (?:it|things)|"
        r"you're making (?:that|it|this) up)\b",
    ),
    Rule(
        "dismissal",
        "dismissal_overreacting",
        r"\b(?:don't be|stop being) (?:so |such a )?(?:sensitive|ridiculous|silly|dramatic|"
        r"emotional|hysterical|baby|drama queen|paranoid|touchy)\b",
    ),
    Rule(
        "dismissal",
        "dismissal_overreacting",
        r"\b(?:that's|that is|this is|it's) (?:ridiculous|absurd|nonsense|silly|crazy)\b(?=[^?]*$)",
    ),
    Rule(
        "dismissal",
        "dismissal_overreacting",
        r"\byour feelings are (?:irrational|wrong|ridiculous|silly|not valid|invalid|stupid)\b",
    ),
]

DEMAND: list[Rule] = [
    Rule(
        "demand",
        "demand_you_need_to",
        rf"\byou(?: need to| have to| must|'d better| had better| better| got to| gotta| will|"
        rf"'ll| are going to|'re going to| are gonna|'re gonna)(?: (?:just|really|seriously))? "
        rf"(?:not )?(?:[a-z']+ (?:[a-z']+ )?(?:[a-z']+ )?and )?{DEMAND_VERB}\b",
        statement_only=True,
        guard=guards.not_a_kind_offer,
        extend_to_clause=True,
    ),
    Rule(
        "demand",
        "demand_you_need_to",
        rf"\bi need you to (?:just )?{DEMAND_VERB}\b(?=[^.?!]*\b{URGENCY}\b)",
        statement_only=True,
    ),
    Rule(
        "demand",
        "demand_stop_ing",
        r"\b(?:stop|quit) (?!saying (?:no|maybe)\b)\w+ing\b",
        guard=guards.imperative_not_playful,
    ),
    Rule(
        "demand",
        "demand_imperative",
        rf"\b(?:do it|do what i say|tell me|answer me|drop it|get over here|no more excuses|"
        rf"look at me|give me your (?:phone|password)|put (?:your|the|that) (?:phone|\w+) down|"
        rf"shut up|talk to me|apologi[sz]e)\b(?:[^.?!]*\b{URGENCY}\b|(?=\W*$)|(?= when))",
        guard=guards.starts_clause,
    ),
    Rule(
        "demand",
        "demand_imperative",
        r"\bdo it\b",
        guard=guards.starts_sentence,
        yields_to="ultimatum",
    ),
    Rule("demand", "demand_imperative", r"\bnow\W*$", guard=guards.starts_sentence),
    Rule(
        "demand",
        "demand_imperative",
        r"\b(?:tell me (?:who|where|why) (?:that|you|he|she|they|it)\b|give me (?:your|the) (?:phone|password|keys))",
        guard=guards.starts_sentence,
    ),
]

ALL_RULES: tuple[Rule, ...] = (
    *GENERALIZATION,
    *BLAME,
    *CHARACTER_ATTACK,
    *CONTEMPT,
    *GUILT_TRIP,
    *PRESSURE,
    *ULTIMATUM,
    *MIND_READING,
    *DISMISSAL,
    *DEMAND,
)
