"""Topics about the 2013 Johns Hopkins study described in the article.

Facts are checked against docs/CLINICAL_NOTES.md: the sleep figure is hedged ("about
5.5 hours, as reported"), the scan measured Glx (glutamate + glutamine), and the study
shows links, not causes.
"""

from bot.faq.sources import AASM, ARTICLE, MNT, PAPER
from bot.faq.types import Topic
from bot.i18n import N_

STUDY: tuple[Topic, ...] = (
    Topic(
        id="article_summary",
        title=N_("The study in a nutshell"),
        body=N_(
            "A 2013 Johns Hopkins study scanned the brains of 28 people with RLS and 20 "
            "without it. In the RLS group, glutamate, a brain chemical that keeps us alert, "
            "was raised in the thalamus, and the more there was, the worse people slept.\n\n"
            "The researchers think this may explain why calming the legs with dopamine "
            "drugs often leaves the sleeplessness untouched: the lost sleep may run "
            "through a separate, glutamate-driven alertness system. It is one small "
            "study, a lead for future treatment rather than something to act on yourself."
        ),
        sources=(ARTICLE, PAPER),
        keywords=(
            "summary, article, study, research, findings, main point, tldr, nutshell, "
            "overview, what they found, results, discovery, conclusion, news"
        ),
        examples=(
            "can you summarise the article",
            "what was the research about",
            "give me the short version of the study",
            "what did the scientists discover",
            "main findings please",
            "explain the johns hopkins research simply",
            "what is this article saying",
        ),
        related=("glutamate", "legs_vs_sleep", "future"),
    ),
    Topic(
        id="researchers",
        title=N_("Who did the study"),
        body=N_(
            "The study was led by Dr Richard Allen, associate professor of neurology at "
            "Johns Hopkins University (the article spells it 'John Hopkins'). "
            "The authors were Allen, Barker, Horská and Earley, and the paper appeared "
            "in the journal <i>Neurology</i> in 2013: 'Thalamic glutamate/glutamine in "
            "restless legs syndrome: increased and related to disturbed sleep'.\n\n"
            "The article itself drew on the Johns Hopkins press release and on Medical "
            "News Today."
        ),
        sources=(ARTICLE, PAPER),
        keywords=(
            "who, researcher, scientist, author, led, team, richard allen, dr allen, "
            "professor, johns hopkins, university, where, journal, neurology, published, "
            "paper, reference, citation, press release"
        ),
        examples=(
            "who led the research",
            "who are the authors",
            "which scientist was behind it",
            "where was the study from",
            "what journal was it published in",
            "who is dr allen",
            "what hospital or university ran the study",
            "can i read the original paper",
        ),
        related=("article_summary", "study_people"),
    ),
    Topic(
        id="study_people",
        title=N_("Who took part and how"),
        body=N_(
            "28 people with RLS took part, plus a comparison group of 20 people without "
            "it, matched to them. The RLS group had severe, long-standing symptoms: on 6 or "
            "7 nights a week, for at least 6 months, with about 20 involuntary movements a "
            "night on average. The article gives no ages.\n\n"
            "With 48 people in all it is a small study, and the researchers speak of what "
            "'may' explain the sleep problem."
        ),
        sources=(ARTICLE, PAPER),
        keywords=(
            "participants, patients, subjects, volunteers, how many, number, 28, 20, "
            "control group, comparison, healthy, criteria, included, take part, severe, "
            "requirements, join, eligible, who could, age, how old, sample size, small study"
        ),
        examples=(
            "how many patients took part",
            "who was in the study",
            "what were the inclusion criteria",
            "did they compare with healthy volunteers",
            "who could join the study",
            "was it a big study",
            "how severe was the rls of the participants",
            "what ages were the subjects",
        ),
        related=("article_summary", "sleep_hours", "study_links"),
    ),
    Topic(
        id="study_method",
        title=N_("How the study measured things"),
        body=N_(
            "Two parts:\n"
            "• brain chemistry: proton magnetic resonance spectroscopy, an MRI technique "
            "that reads chemical signals instead of making pictures, aimed at the "
            "thalamus. It gave 'Glx' (glutamate plus glutamine) compared with creatine, a "
            "steady reference chemical\n"
            "• sleep: a two-day sleep study, recording how long each person slept and lay "
            "awake\n\n"
            "Then they checked what went together: in the RLS group, more Glx went with "
            "more time awake (r = 0.61), but not with the leg movements in sleep."
        ),
        sources=(PAPER, ARTICLE),
        keywords=(
            "method, methods, measure, measured, how measured, scan, scanned, mri, "
            "spectroscopy, magnetic resonance, imaging, creatine, sleep study, sleep lab, "
            "measure brain chemicals, how they measured glutamate, "
            "two day, polysomnography, design, how was it done, technique"
        ),
        examples=(
            "how was the study done",
            "how did they scan the brain",
            "what kind of mri was used",
            "how did they measure sleep",
            "what is mr spectroscopy",
            "how was glutamate measured",
        ),
        related=("study_people", "glutamate", "study_links"),
    ),
    Topic(
        id="thalamus",
        title=N_("The thalamus"),
        body=N_(
            "The thalamus is a part of the brain that, as the article explains, helps "
            "control consciousness, sleep and alertness. That is why the researchers "
            "looked there: if something keeps the brain too switched-on at night, this "
            "is a natural place to search.\n\n"
            "They measured glutamate in the thalamus with a special kind of MRI scan and "
            "found it raised in people with RLS, more so in those who slept worse."
        ),
        sources=(ARTICLE, PAPER),
        keywords=(
            "thalamus, thalamic, brain region, brain part, where in the brain, "
            "consciousness, alertness, sleep regulation, brain area"
        ),
        examples=(
            "what part of the brain did they study",
            "what's the role of the thalamus",
            "thalamus and sleep",
            "where in the brain is the problem",
            "why the thalamus",
            "explain thalamus simply",
        ),
        related=("glutamate", "study_people"),
    ),
    Topic(
        id="glutamate",
        title=N_("Glutamate: what was found"),
        body=N_(
            "Glutamate is the brain's main 'excitatory' messenger: it "
            "switches nerve cells on and is tied to arousal, being awake and alert. People "
            "with RLS had more of it in the thalamus than people without RLS.\n\n"
            "Strictly, the scan measured 'Glx' (glutamate plus glutamine): about "
            "1.20 against 0.80 on average, with a lot of overlap between individuals. "
            "Higher levels went with worse sleep. That makes glutamate a possible reason RLS "
            "keeps people awake, though one study can't prove it is the cause."
        ),
        sources=(ARTICLE, PAPER),
        keywords=(
            "glutamate, glutamine, glx, neurotransmitter, brain chemical, excitatory, "
            "arousal, alert, too much glutamate, high glutamate, glutamate level, "
            "what is glutamate, wired brain, glutamate role, what glutamate does"
        ),
        examples=(
            "what does glutamate do",
            "is glutamate a neurotransmitter",
            "high glutamate in restless legs",
            "how much more glutamate did they find",
            "what is glx",
            "does glutamate make the brain too alert",
            "explain the glutamate finding",
        ),
        related=("thalamus", "study_links", "legs_vs_sleep"),
    ),
    Topic(
        id="sleep_hours",
        title=N_("How much they slept"),
        body=N_(
            "In the two-day sleep study, people with RLS slept about 5.5 hours a night on "
            "average, as reported by Medical News Today; other coverage said earlier "
            "studies had found less than 5.5 hours.\n\n"
            "The number matters less than the link: in the RLS group, the more glutamate "
            "in the thalamus, the less they slept and the longer they lay awake. No such "
            "link showed up in the people without RLS."
        ),
        sources=(ARTICLE, MNT, PAPER),
        keywords=(
            "hours, how long, how much sleep, 5.5, five and a half, sleep study, "
            "sleep time, total sleep, two day, average sleep, slept"
        ),
        examples=(
            "how long did the rls group sleep",
            "how many hours of sleep do people with restless legs get",
            "average sleep in the study",
            "was it 5 and a half hours",
            "what did the sleep test show",
            "how much sleep do rls sufferers get",
        ),
        related=("study_links", "study_people", "legs_vs_sleep"),
    ),
    Topic(
        id="study_links",
        title=N_("What was linked to what"),
        body=N_(
            "In people with RLS, higher glutamate (Glx) in the thalamus went with more "
            "time awake during the night (a clear correlation, r = 0.61) and with the "
            "other sleep measures. It was <b>not</b> linked to leg movements in sleep. In "
            "the group without RLS there was no glutamate–sleep link at all.\n\n"
            "The authors' reading: glutamate goes with arousal and lost sleep, dopamine "
            "with the leg movements. A correlation shows two things go together; it "
            "doesn't prove one causes the other."
        ),
        sources=(PAPER, ARTICLE),
        keywords=(
            "link, linked, correlation, correlate, association, connection, related, "
            "relationship, r 0.61, cause, causation, leg movements, not linked, "
            "controls no link, glutamate and sleep"
        ),
        examples=(
            "what was glutamate associated with",
            "did glutamate predict the kicking",
            "was there a link in the control group",
            "does high glutamate mean less sleep",
            "is the relationship causal",
            "which sleep measures were related",
            "did it relate to the leg jerks or just the sleep",
        ),
        related=("glutamate", "legs_vs_sleep", "sleep_hours"),
    ),
    Topic(
        id="legs_vs_sleep",
        title=N_("Legs calmer, still awake: why?"),
        body=N_(
            "That is the puzzle the study tackled. Dopamine drugs calm the urge to move, so "
            "the legs settle. But the lost sleep tracked glutamate, a "
            "separate 'stay alert' signal in the thalamus, and not the leg "
            "movements. If so, calming the legs alone won't switch off an over-alert "
            "brain. Dr Allen thinks dopamine and glutamate may both play a part.\n\n"
            "If you still sleep badly on treatment, tell your clinician. Current guidance "
            "(AASM) prefers alpha-2-delta drugs to dopamine agonists; the article notes such "
            "drugs can lower glutamate."
        ),
        sources=(ARTICLE, PAPER, AASM),
        keywords=(
            "still awake, cant sleep, sleeplessness, legs better but, legs stopped, "
            "legs fine, dopamine, dopamine drugs, treated but awake, wake up, lie awake, "
            "sleep not fixed, dopamine and glutamate, why no sleep"
        ),
        examples=(
            "my legs are treated but i still cant sleep",
            "why doesnt my medication help me sleep",
            "the kicking is gone but insomnia remains",
            "why do i keep waking even when my legs are calm",
            "is rls a dopamine problem",
            "why does dopamine help the legs but not the sleep",
            "i lie awake for hours even without the urge",
            "does dopamine cause restless legs",
            "ropinirole stopped the urge but i still cant sleep",
        ),
        related=("glutamate", "alpha2delta", "self_help"),
    ),
    Topic(
        id="future",
        title=N_("What it means for future treatment"),
        body=N_(
            "If raised glutamate is behind the lost sleep, treatments that calm the "
            "glutamate system might help the sleeplessness, not just the legs. The article "
            "notes that drugs able to lower brain glutamate already exist (its example is "
            "gabapentin enacarbil), and Dr Allen suggests the finding may matter for some "
            "kinds of insomnia too.\n\n"
            "Separately, the AASM guideline (2024) now recommends alpha-2-delta drugs such "
            "as gabapentin enacarbil. Anything newer needs more research; for what suits "
            "you, talk to your clinician."
        ),
        sources=(ARTICLE, AASM),
        keywords=(
            "future, new treatment, new drugs, hope, breakthrough, coming, develop, "
            "insomnia, cure, next steps, what it means, mean for me, better drugs, "
            "target glutamate, promising"
        ),
        examples=(
            "will this lead to better medication",
            "what happens next with this research",
            "is there hope for a cure",
            "can glutamate drugs help insomnia",
            "could new medicines fix the sleep part",
            "what are the implications of the study",
            "why is this discovery exciting",
        ),
        related=("alpha2delta", "treatments", "article_summary"),
    ),
)
