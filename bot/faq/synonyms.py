"""Synonym map: many everyday words and phrases -> one concept token.

Both the topic vocabulary and the user's question go through this map, so "coffee",
"espresso" and "energy drinks" all meet at ``caffeine``. Keys are normalised text (see
:func:`bot.faq.text.normalise`); multi-word keys are matched as phrases, longest first.
Words listed under more than one concept emit all of them.

``CONDITION`` is the name of the illness itself. It appears in almost every question,
so the matcher ignores it unless it is the only thing asked about.
"""

from __future__ import annotations

CONDITION = "rls"
IGNORE = "_ignore"  # greetings, "what is", "explain": neither topic words nor unknown

_CONCEPTS: dict[str, str] = {
    # "drain", "medic": Snowball's stems of "drained", "medications", but as words plumbing
    # and paramedics; ignored rather than read as tiredness or medicines.
    IGNORE: "drain|drains|medic|medics|good night|goodnight|good morning|good evening|thank you|"
    "thanks a lot|night night|sleep well|sweet dreams|have a good night|what is|what are|"
    "definition|define|explain|explanation|describe|tell me about|vs|versus|which is better|"
    "better than",
    CONDITION: "rls|restless legs syndrome|restless leg syndrome|restless legs|restless leg|"
    "restless|syndrome|restless legs disease|condition|disorder|illness",
    "othername": "willis ekbom|ekbom|willis|wed|jimmy legs|jimmy|spare legs|the kicks|nickname|"
    "other name|also called|also known as|aka|stand for|called",
    "neuro": "medical condition|actual condition|actual disease|actual illness|real disease|"
    "neurological|neurologic|nervous system|nerve|nerves|real|in my head|imaginary|psychological|"
    "brain condition",
    "bodypart": "arm|arms|torso|trunk|head|body|hands|phantom|amputated|other parts|body parts|"
    "body part",
    "serious": "serious|dangerous|deadly|harmful|kill you|life threatening|fatal",
    "common": "common|millions|how common|prevalence|widespread|rare|how many people have|"
    "how many people get|how many have|percent|percentage",
    "symptom": "symptom|symptoms|signs|sign|feel|feels|feeling|feelings|sensation|sensations|"
    "experience|how do i know",
    "sensation": "strange|weird|odd|strange feeling|weird feeling|tingling|tingle|tingly|tingles|"
    "burning|burn|burns|itch|itching|itchy|throb|throbbing|creepy|crawly|crawling|creepy crawly|"
    "crawl|fizzy|fizzing|bubbles|bubbly|fizzy water|pins and needles|ants|bugs|insects|electric|"
    "buzzing|buzz|cramp|cramps|cramping|ache|aching|achy|hurt|hurts|hurting|pain|pains|painful|"
    "sore|under my skin|veins|vein|blood vessels",
    "urge": "urge|urges|urge to move|need to move|have to move|uncontrollable|fidget|fidgety|"
    "can not stop moving|can not sit still|can not keep still|wont keep still|will not keep still",
    "night": "morning|mornings|in the morning|night|nights|nighttime|night time|evening|evenings|"
    "bedtime|bed|midnight|overnight|late at night|in bed|into bed|at night|pm|3am|2am|4am",
    "rest": "rest|resting|sit|sitting|sat|sit down|lie|lying|laying|lie down|lying down|"
    "keep still|sitting still|sit still|lie still|sofa|couch|tv|car|flight|plane|cinema|trip|"
    "trips",
    "walk": "walk|walking|walks|walked|pace|pacing|get up|getting up|moving around|walking around|"
    "walk around|move around|go away|stop it",
    "worse": "worse|worsen|worsens|worsening|worst|aggravate|aggravates|aggravating|aggravator|"
    "aggravators|trigger|triggers|triggered|flare|flares|flare up|set off|act up|acts up|bad for|"
    "more bad|makes it worse|make it worse",
    "cause": "why do some people get|why some people get|why do i get|why did i get|cause|causes|"
    "caused|causing|reason|why do i have|due to|root|origin|origins|why do people get|"
    "where does it come from",
    "tired": "tired|tiredness|exhausted|exhaustion|fatigue|fatigued|drained|knackered|sleepy|"
    "drowsy|daytime|during the day|zombie|all day|concentrate|focus|at work|dead tired",
    "mood": "depression|depressed|mood|low mood|sad|anxious|anxiety|mental health|crying|"
    "irritable|stress|stressed|frustrated|miserable|misery|getting me down|alone|lonely|isolated|"
    "nobody understands|no one understands",
    "study": "study|studies|research|researched|trial|experiment|paper|article|scientists|science|"
    "researchers|news",
    "finding": "find|found|finding|findings|discover|discovered|discovery|result|results|"
    "conclusion|conclude|show|showed|shown|learn|saying|new in",
    "summary": "short|briefly|brief|in brief|quick summary|short summary|summary|summarise|"
    "summarize|summarised|tldr|tl dr|nutshell|gist|overview|main point|main points|short version|"
    "in short|main findings|simply|simple",
    "researcher": "who|researcher|scientist|author|authors|led|lead|leader|behind|allen|richard|"
    "richard allen|professor|team|barker|earley|horska",
    "hopkins": "hopkins|johns hopkins|john hopkins|university|where|institution|college|uni|"
    "hospital",
    "journal": "journal|published|publication|neurology|reference|citation|original paper|"
    "press release|read the paper",
    "participant": "people in the study|people in this study|people in that study|"
    "who were the people|people studied|people were in|participant|participants|patients|patient|"
    "subjects|subject|volunteers|volunteer|sample|cohort|took part|take part|enrolled|included|"
    "inclusion|criteria|eligible|qualify|recruited|sufferers|sufferer|group|groups|requirements|"
    "join|could join|be included|be in the study|to join|be part of|needed to be|need to be",
    "number": "how much people|how much patients|how much participants|how much subjects|how many|"
    "number|count|28|48|size",
    "amount": "how much|amount|quantity",
    "control": "control group|control|controls|healthy|comparison|compare|compared|without rls|"
    "non rls|normal people|healthy people|healthy volunteers|same link",
    "age": "age|ages|old|how old|elderly|young|older|younger|aged",
    "measure": "scanner|scanners|machine they used|machine did they use|machine was used|"
    "used in the study|lab|laboratory|sleep studies|in a lab|measure|measured|measuring|"
    "measurement|scan|scans|scanned|scanning|mri|mrs|spectroscopy|imaging|brain scan|method|"
    "methods|how was it done|done|design|sleep study|sleep lab|creatine|polysomnography|"
    "magnetic resonance|technique|look inside|looked inside|see inside|inside the brain|"
    "scan the brain|proton",
    "limits": "small|tiny|sample size|enough people|limitation|limitations|big study|too small|"
    "reliable|mean anything",
    "thalamus": "where in brain|which part of brain|part of brain|where they looked|"
    "looked in the brain|thalamus|thalamic|part of the brain|brain region|brain area|brain part|"
    "where in the brain",
    "brain": "brain|brains|brain chemistry",
    "glutamate": "glutamate|glutamine|glx|glutamic|glutamate level|glutamate levels",
    "messenger": "neurotransmitter|neurotransmitters|chemical|chemicals|messenger|excitatory|"
    "excite|arousal|aroused|alert|alertness|wired|hyper|overactive|switched on|too alert",
    "hours": "hours|hour|5.5|5 and a half|five and a half|how long|amount of sleep|much sleep|"
    "sleep time|total sleep|average",
    "sleep": "sleep|slept|sleeping|asleep|sleeps",
    "awake": "awake|wake|waking|woke|wakes|wake up|waking up|sleepless|sleeplessness|"
    "can not sleep|could not sleep|cant sleep|no sleep|lie awake|stay awake|up all night|"
    "keep me up|keeps me up|keep you awake|keeps you awake|still awake|get back to sleep",
    "insomnia": "insomnia|insomniac|sleep disorder|sleep problems|sleep problem",
    "link": "link|linked|links|linking|connection|connected|correlation|correlate|correlated|"
    "correlates|association|associated|relationship|related|relate|tied|go together|predict|"
    "predicted|causal",
    "legmove": "leg movements|leg movement|involuntary|involuntary movements|jerk|jerks|jerking|"
    "twitch|twitches|twitching|kick|kicks|kicking|kicked|jump|jumps|jumping|spasm|spasms|plm|plms|"
    "plmd|periodic limb|periodic limb movements|limb movements|leg jerks",
    "partner": "partner|wife|husband|spouse|boyfriend|girlfriend|bed partner|roommate",
    # Drug names are dopadrug only: a question naming one is about what it asks
    # ("pramipexole stopped working"), not about dopamine twice over.
    "dopamine": "dopamine|dopaminergic|dopamine system",
    "dopadrug": "pramipexole|ropinirole|rotigotine|mirapex|mirapexin|sifrol|requip|neupro|patch|"
    "levodopa|sinemet|madopar|agonist|agonists|dopamine agonist|dopamine agonists",
    "treatment": "treatment|treatments|treat|treating|treated|therapy|therapies|medicine|"
    "medicines|medication|medications|drug|drugs|pill|pills|tablet|tablets|prescription|prescribe|"
    "prescribed|options|manage|management|give for|what works",
    "firstline": "still first|still the first|still first choice|still first line|recommended|"
    "recommend|recommends|recommendation|preferred|guideline|guidelines|aasm|best|standard|"
    "current advice|latest|up to date|out of date|outdated|dated|still true|still right|changed|"
    "still used|still recommended|nowadays|still prescribe|current|currently",
    "risk": "safe|safety|side effect|side effects|risk|risks|risky|long term|longterm|addictive|"
    "addiction",
    "augmentation": "since starting|since i started|after starting|since taking|"
    "since i started taking|at first|worked at first|worse than ever|lunchtime|lunch time|midday|"
    "noon|earlier|over time|worse over time|stopped helping|no longer works|does not work anymore|"
    "not working anymore|augmentation|augment|augmented|augmenting|tolerance|stopped working|"
    "stop working|not working|do not work|wear off|wears off|wearing off|higher doses|higher dose|"
    "higher and higher|more and more|ever higher|rebound|earlier in the day|afternoon|"
    "before lunch|spread|spreading|spreads|backfire|backfiring|used to",
    "dose": "dose|doses|dosage",
    "alpha2delta": "gabapentin|gabapentin enacarbil|enacarbil|horizant|regnite|neurontin|"
    "pregabalin|lyrica|alpha 2 delta|alpha2delta|a2d|anticonvulsant|anticonvulsive|anti seizure|"
    "antiseizure|antiepileptic|epilepsy|seizure",
    "iron": "infusion|infusions|iron drip|drip|ferinject|monofer|iron tablets|iron pills|iron|"
    "ferritin|transferrin|transferrin saturation|saturation|anemia|anaemia|anemic|anaemic|ferrous|"
    "iron infusion|iv iron|iron deficiency",
    "test": "test|tests|tested|testing|check|checked|checking|blood test|blood tests|bloods|"
    "blood work|blood count|blood sample",
    "level": "level|levels|value|number is|reading|low|high",
    "caffeine": "coffee|caffeine|tea|cola|coke|espresso|energy drink|energy drinks|red bull|latte|"
    "cappuccino|caffeinated|decaf",
    "alcohol": "alcohol|booze|beer|beers|wine|drinking|drunk|vodka|whisky|whiskey|gin|pint|pints|"
    "cocktail|alcoholic|glass of wine",
    "nicotine": "nicotine|smoke|smoking|smoker|cigarette|cigarettes|cigs|vape|vaping|tobacco|"
    "nicotine patch",
    "medtrigger": "medications worsen|medicines worsen|drugs worsen|pills worsen|"
    "medications that worsen|medicines that worsen|drugs that worsen|medications that make|"
    "medicines that make|drugs that make|pills that make|antihistamine|antihistamines|allergy|"
    "allergy tablets|hay fever|benadryl|diphenhydramine|antidepressant|antidepressants|ssri|ssris|"
    "sertraline|citalopram|fluoxetine|prozac|mirtazapine|antipsychotic|antipsychotics|"
    "anti sickness|antisickness|nausea|depression medication|depression medicine|allergy medicine",
    "selfhelp": "at home|do at home|myself at home|tips|tip|advice|relief|relieve|ease|eases|"
    "soothe|calm|cope|coping|deal with|remedy|remedies|natural|home remedy|home remedies|"
    "lifestyle|habits|habit|routine|hygiene|sleep hygiene|self help|self care|what helps|"
    "what can help|anything that helps|something that helps|what can i do|what i can do|"
    "can i do myself|i can do myself|anything i can do|without medication|without medicine|"
    "without medicines|without pills|without drugs|no medicine|no pills|sleep better|ways to|"
    "good for",
    "exercise": "exercise|exercises|workout|gym|yoga|sport|sports|swim|swimming|jog|jogging|"
    "running|physical activity",
    "stretch": "stretch|stretches|stretching|yoga",
    "massage": "massage|massaging|rub|rubbing",
    "bath": "bath|baths|shower|hot water|warm bath|hot bath|soak",
    "distract": "distract|distraction|puzzle|crossword|reading|book|busy|keep my mind busy",
    "pregnancy": "pregnant|pregnancy|expecting|trimester|third trimester|baby|birth|giving birth|"
    "gave birth|give birth|born|postpartum|delivery|midwife|bump|weeks pregnant|got pregnant",
    "kidney": "kidney|kidneys|renal|dialysis|ckd|kidney failure|kidney disease|kidney problems|"
    "transplant|secondary rls|other conditions|haemodialysis|hemodialysis|nephrologist|esrd|"
    "conditions cause|caused by another",
    "genes": "give rls to|give it to|pass it to|pass to|passed down|pass down|get it from|genetic|"
    "genetics|gene|genes|hereditary|inherited|inherit|family|families|runs in|run in|"
    "runs in the family|mom|mum|mother|dad|father|parent|parents|sister|brother|sibling|siblings|"
    "grandma|grandmother|grandfather|grandpa|dna|pass on|pass it on|pass rls",
    "child": "childhood|in childhood|early age|young age|child|children|kid|kids|son|daughter|"
    "teen|teens|teenager|teenagers|toddler|school|paediatric|pediatric|paediatrician|pediatrician|"
    "growing pains|adhd|year old|years old|little one",
    "supplement": "supplement|supplements|vit|vits|vit d|magnesium|magnesium spray|magnesium oil|"
    "vitamin|vitamins|vitamin d|vitamin b|b12|folate|folic acid|valerian|cbd|cbd oil|herbal|herb|"
    "herbs|zinc|potassium|multivitamin",
    "quinine": "quinine|tonic|tonic water|gin and tonic|schweppes",
    "device": "non medication|non medicine|non medicinal|non pharmacological|nonmedication|"
    "non medical|device|devices|gadget|machine|compression|compression socks|"
    "compression stockings|stockings|socks|pneumatic|pneumatic compression|sleeves|"
    "nerve stimulation|stimulation|stimulator|peroneal|tonic motor activation|tomac|nidra|"
    "vibrating|vibration|vibrating pad|tens|non drug|drug free|alternative|alternatives",
    "firststep": "first choice|first option|first line|firstline|first choices|try first|"
    "tried first|first step|first treatment|usually tried|start with|standard care|usual approach|"
    "start me on|recommend first|recommended first|do first|give first|first for|start with first|"
    "what comes first|comes first",
    "doctor": "doctor|doctors|gp|physician|neurologist|clinician|specialist|appointment|"
    "see someone|seek help|medical help|nurse|clinic|sleep clinic|medical advice|diagnosis|"
    "diagnose|diagnosed|worth seeing|go to my gp|get help",
    "when": "when|when should|time to|time of day",
    "bot": "bot|chatbot|stillnight|ai|robot|app|this bot|are you|who are you|what are you|"
    "made you|trust you|what you say|about you|real person|your answers|your sources|"
    "medical professional|what can you do|this app",
    "future": "means for patients|for patients like me|patients like me|people like me|"
    "people like us|one day|someday|some day|in the future|in future|years to come|future|"
    "new treatment|new treatments|new drugs|new medicines|hope|hopeful|breakthrough|coming soon|"
    "on the way|in the pipeline|upcoming|develop|development|developments|pipeline|soon|promising|"
    "potential|next|mean for me|means for me|implications|lead to|exciting|better medication|"
    "better drugs|what happens next",
    "cure": "cure|cured|curable|cures|permanent|go away forever",
}

# Words that carry no topic: grammar, chat filler, intensifiers ("crazy", "terrible"),
# and hyperbole ("killing", "dying": the safety layer has already looked at those).
_STOPWORDS_TEXT = """
    a an the i me my mine myself we us our you your yours he him his she her it its they
    them their this that these those there here is am are was were be been being do does
    did doing done have has had having can could should would will shall may might must
    not no yes and or but if so then than too very just really also even ok okay oh hey
    hi hello thanks thank please what which whom whose how why about of in on at to for
    by as into out up down over under again any anything some something all every each
    more most much many lot lots kind sort thing things stuff like get got gets getting
    go goes going gone make makes made making actually basically honestly literally
    exactly seriously anyone someone anybody somebody everyone guys know tell want need
    wonder wondering think thought question ask asking say says said mean means meaning
    tonight today now yesterday sometimes always often usually ever never anymore
    already yet way bit little well good great same thing lol haha omg ugh um hmm yeah
    yep nope sure maybe probably pretty quite rather enough only while during after
    before since until because though although whether either neither nor own other
    another such with without per via get let lets put take took seem seems seemed
    someone people person persons one ones im ive id youre theyre thats whats still
    bad crazy terrible awful horrible decent proper nice time times gave give given
    year years month months week weeks day days tho though kill killing dying dead
    happen happens happened happening affect affects affected worth from exist exists
    existing available come comes came between plus sorry english typical typically
    most different difference idea important bother bothers complain complains tried try
    trying true anyone noticed notice known since medical actual play
    mostly mainly
    """
STOPWORDS: frozenset[str] = frozenset(_STOPWORDS_TEXT.split())


def _build() -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, ...], tuple[str, ...]]]:
    words: dict[str, list[str]] = {}
    phrases: dict[tuple[str, ...], list[str]] = {}
    for concept, forms in _CONCEPTS.items():
        for form in forms.split("|"):
            key = tuple(form.split())
            target = words.setdefault(key[0], []) if len(key) == 1 else phrases.setdefault(key, [])
            if concept not in target:
                target.append(concept)
    return (
        {k: tuple(v) for k, v in words.items()},
        {k: tuple(v) for k, v in phrases.items()},
    )


WORDS, PHRASES = _build()
# Concepts that name a setting or a kind of remedy: the matcher weighs them more.
SETTINGS = frozenset(
    ("pregnancy", "kidney", "child", "medtrigger", "supplement", "quinine", "device")
)
MAX_PHRASE = max(len(p) for p in PHRASES)
