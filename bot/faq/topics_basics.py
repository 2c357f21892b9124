"""Topics about the condition itself and about the bot."""

from bot.faq.sources import AASM, ARTICLE, NHS
from bot.faq.types import Topic
from bot.i18n import N_

BASICS: tuple[Topic, ...] = (
    Topic(
        id="what_is_rls",
        title=N_("What RLS is"),
        body=N_(
            "Restless legs syndrome (RLS), also called Willis-Ekbom disease, is a "
            "neurological condition: a strong, hard-to-resist urge to move the legs, "
            "usually with unpleasant feelings in them. Other parts of the body can be "
            "involved too; the article names the trunk, the head and even 'phantom' "
            "(missing) limbs. People call it 'jimmy legs' or 'the kicks'.\n\n"
            "It ranges from mild to very painful and distressing, and it affects millions "
            "of people. The hardest part for many is the broken sleep."
        ),
        sources=(ARTICLE,),
        keywords=(
            "rls, restless legs syndrome, willis ekbom, other name, nickname, jimmy legs, "
            "the kicks, neurological, real condition, definition, what is, explain, "
            "body part, arms, torso, head, phantom limb, serious, dangerous, common, millions"
        ),
        examples=(
            "what exactly is restless legs syndrome",
            "explain rls to me",
            "whats willis ekbom disease",
            "is restless legs a real illness",
            "is it a brain condition or a leg problem",
            "can my arms or my back get it too",
            "why is it called jimmy legs",
            "how common is restless legs",
            "is rls serious",
            "what does wed stand for",
        ),
        related=("symptoms", "night_worse", "see_doctor"),
    ),
    Topic(
        id="symptoms",
        title=N_("How it feels (symptoms)"),
        body=N_(
            "The NHS lists feelings that mostly come at night, such as:\n"
            "• tingling, burning, itching or throbbing\n"
            "• a 'creepy-crawly' feeling in the legs\n"
            "• a feeling like fizzy water in the veins of your legs\n"
            "• cramps in the calves or legs\n\n"
            "With them comes the urge to move. Moving usually eases it for a while, which "
            "is why many people end up out of bed, walking. How strong it gets differs a "
            "lot from person to person."
        ),
        sources=(NHS, ARTICLE),
        keywords=(
            "symptoms, signs, how it feels, sensation, tingling, burning, itching, throbbing, "
            "creepy crawly, fizzy water, veins, cramp, calf, urge to move, pins and needles, "
            "ants, bugs crawling, electric, ache"
        ),
        examples=(
            "what does rls feel like",
            "how do i know if i have restless legs",
            "it feels like ants crawling under my skin",
            "is burning in the legs part of it",
            "my calves cramp at night is that restless legs",
            "buzzing feeling inside my legs",
            "list of rls symptoms",
            "weird itchy feeling deep in my legs",
        ),
        related=("what_is_rls", "night_worse", "plm"),
    ),
    Topic(
        id="night_worse",
        title=N_("Why nights and resting are worse"),
        body=N_(
            "RLS typically comes in the evening and at night, and above all when you sit "
            "or lie still, such as when you try to fall asleep. Getting up and moving is "
            "what brings relief. The article doesn't "
            "explain the timing itself; it focuses on what the constant waking does to sleep.\n\n"
            "Worth noting in your check-ins: when symptoms usually start. If, while on "
            "treatment, they begin earlier in the day than before, tell your clinician "
            "(see 'Augmentation')."
        ),
        sources=(ARTICLE, AASM),
        keywords=(
            "night, evening, bedtime, worse at night, lying down, sitting still, rest, "
            "moving helps, walking around, getting up, time of day, start, timing, "
            "when i lie down, sofa, only at night"
        ),
        examples=(
            "why does it only happen in the evening",
            "why do my legs go crazy once i get into bed",
            "symptoms start when i sit on the couch at night",
            "why does getting up and walking stop it",
            "why is rls worse when resting",
            "its fine in the day but bad in bed, why",
            "long car trips and flights set it off",
        ),
        related=("symptoms", "self_help", "augmentation"),
    ),
    Topic(
        id="causes",
        title=N_("What causes it"),
        body=N_(
            "Often there is no single clear cause. What is known:\n"
            "• it often runs in families; genes play a strong part\n"
            "• the brain can be short of iron, even with normal blood tests\n"
            "• dopamine drugs calm the legs, which points to the dopamine system; the 2013 "
            "study adds glutamate as a possible reason for the lost sleep\n\n"
            "It can also come from another condition ('secondary RLS'): iron "
            "deficiency, kidney failure and pregnancy are the common ones. Caffeine, "
            "alcohol, nicotine and some medicines can make it worse."
        ),
        sources=(NHS, AASM, ARTICLE),
        keywords=(
            "cause, causes, why do i have, reason, where does it come from, origin, "
            "what causes, risk factors, primary, secondary, brain iron, dopamine, genes"
        ),
        examples=(
            "what is the cause of restless legs",
            "where does rls come from",
            "what brings on restless legs",
            "why do people get rls",
            "is rls caused by something else",
            "what triggers rls in the first place",
        ),
        related=("genes", "iron", "kidney"),
    ),
    Topic(
        id="mood_tiredness",
        title=N_("Tiredness and low mood"),
        body=N_(
            "Broken nights add up. The article notes that sleep interrupted again and "
            "again by RLS can lead to lasting tiredness and to depression. That is an "
            "effect of the condition, not a failing on your part. If tiredness or low mood "
            "is affecting your days, tell your GP; both the sleep and the mood can be "
            "looked at.\n\n"
            "If you ever feel hopeless or think of harming yourself, please reach out at "
            "once: 988 (US), Samaritans 116 123 (UK and Ireland), or "
            '<a href="https://findahelpline.com">findahelpline.com</a>.'
        ),
        sources=(ARTICLE, NHS),
        keywords=(
            "tired, exhausted, fatigue, daytime, sleepy, drained, depression, depressed, "
            "low mood, mood, anxiety, mental health, misery, cope, work, concentrate, "
            "dead tired"
        ),
        examples=(
            "i am exhausted during the day",
            "does restless legs affect your mood",
            "rls is getting me down",
            "can lack of sleep from rls make you depressed",
            "i feel like a zombie every morning",
            "cant concentrate at work after another bad night",
            "is anxiety linked to restless legs",
        ),
        related=("legs_vs_sleep", "self_help", "see_doctor"),
    ),
    Topic(
        id="about_bot",
        title=N_("What this bot is"),
        body=N_(
            "Stillnight is an information and tracking tool, not a clinician. It helps "
            "you log your nightly symptoms and sleep, and answers common questions in plain "
            "words, drawing on an article about a 2013 Johns Hopkins study, the NHS and "
            "the AASM guideline (2024).\n\n"
            "It can't diagnose, and it never gives doses or tells you to start, stop or "
            "change a medicine; that is for your doctor or pharmacist. In an emergency, "
            "call 112, 999 or 911."
        ),
        sources=(ARTICLE, NHS, AASM),
        keywords=(
            "bot, stillnight, chatbot, app, are you, who are you, what are you, made you, "
            "trust you, real doctor, ai, robot, what can you do, your sources, help command"
        ),
        examples=(
            "are you a real person",
            "is this an ai",
            "what does stillnight do",
            "can this app diagnose me",
            "where do your answers come from",
            "are you a medical professional",
            "what is this app for",
        ),
        related=("see_doctor", "what_is_rls"),
    ),
)
