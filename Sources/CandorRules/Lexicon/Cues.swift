import CandorText

/// Words around a match that change what it means. They are compiled into the rule automaton as patterns,
/// so finding them costs nothing extra: the same pass that finds the rules' phrases finds these.
public enum CueKind: Int, CaseIterable, Sendable {
    /// "not", "never", "there is no such thing as" (guidance §C.3).
    case negation
    /// "described as", "so-called", "euphemism": a mention when the term is quoted (guidance §C.2).
    case mention
    /// "the word", "phrases like", "avoid", "instead of": a mention even unquoted.
    case strongMention
    /// "charged with", "convicted of", "count of" (guidance §C.7).
    case legal
    /// "said", "told", "according to" (guidance §C.1).
    case attribution
    /// "defence", "myth", "excuse" right after a term: "the boys-will-be-boys defence" names the phrase in
    /// order to discuss it (guidance §C.2).
    case mentionAfter
    /// "But that's not so.", "That is a myth." opening the next sentence: the writer rejects what the sentence
    /// before said ("the belief that it is one person's word against another's").
    case rejectsPrevious
    /// "difficult not to", "can't help but", "I don't know why": a negation word that does not negate what
    /// follows ("It's difficult not to question the timing"). A negation cue inside one of these is ignored.
    case affirmingNegation
    /// "the message that", "the idea that", "sends the message that": the rest of the sentence is a
    /// proposition under discussion ("sends the message that only sloppy drunk women get attacked").
    case introducesClaim
    /// "do not cause rape", "is never an excuse", "are extremely rare" a few words after the term: the sentence
    /// names the term in order to deny it ("Walking alone at night does not cause rape").
    case deniesWhatPrecedes
    /// "Factors like these", "Excuses like this" opening a sentence: the writer names a run of short sentences
    /// before it as excuses ("She was wearing a short skirt. She was drunk. She was walking alone. Factors like
    /// these are still used to shame victims").
    case rejectsPreviousRun
}

enum Cues {
    static let patterns: [CueKind: [String]] = [
        .negation: [
            "not|never|no|nor|neither|cannot|can't|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't",
            "shouldn't|couldn't|hasn't|haven't|hadn't|ain't|mustn't",
            "no such thing as", "rather than", "instead of", "far from", "anything but", "stop calling",
            "never (,) ever",
            // What follows is ruled irrelevant: "Anyone can be raped regardless of how sexually active they are."
            "[regardless|irrespective] of [how|what|whether]",
            // A denial that governs the clause after it: "it is completely untrue that I ever made advances".
            "[untrue|false] that", "[deny|denies|denied|denying] that",
            // "Man and a co-accused deny having had sexual activity with complainant"
            "[deny|denies|denied|denying] (ever) having",
            // "This is not a case of a young person making an extremely bad judgement call once."
            "not (just|simply|merely|only) (a|an) [case|matter|question|instance] of",
            // "Rape has little to do with provocative attire or the demeanour of the victim." Not "The company's
            // decision had nothing to do with the false allegations", which takes them as given.
            "[rape|rapes|assault|assaults|abuse|harassment|violence|attacks] [has|have|had] [little|nothing] "
                + "(at all|whatsoever) to do with"
        ],
        // Cues that mark a mention only when the term is also in quotation marks: "described as 'X'".
        .mention: [
            "euphemism|euphemisms|euphemistic|misnomer|cliche|cliches|cliché|clichés|buzzword|buzzwords",
            "calling it|them|this|that", "call it|them|this|that", "called it", "called",
            "swap|swapping", "is|are a myth", "the myth of", "the language of",
            "means|meaning", "refer to it as", "referred to as", "described as", "labelled|labeled",
            // Others' name for a kind of case, in quotation marks: "They are often reported as 'false rape cases'."
            "[reported|branded|dismissed|framed|termed|characterised|characterized|portrayed|painted] as",
            // '"Accuser" has now supplanted "victim" or "alleged victim" in coverage of rape.'
            "supplant|supplants|supplanted|supplanting|displaced|displaces",
            // "Jeffrey Epstein and the Oxymoron of 'Underage Women'"
            "oxymoron|oxymorons|oxymoronic",
            // "the ridiculous expression 'non-consensual sex'", "What the heck is 'non-consensual sex'?"
            "expression|expressions|phrase|phrases|term|terms|wording|label|labels",
            // "'Sexual misconduct' doesn't even come close to precisely describing the accusations."
            "describing",
            "what (the heck|the hell|on earth|exactly) [is|are|does]",
            // "We Need A Better Way To Talk About 'Sexual Misconduct'"
            "[talk|talks|talking|talked|write|writes|writing|wrote|speak|speaking] about"
        ],
        // Cues that mark a mention even without quotation marks: "instead of sexual misconduct, say rape".
        .strongMention: [
            "the|a|this|that term|terms|word|words|phrase|phrases|label|labels|expression|expressions|euphemism|euphemisms",
            "such [term|terms|phrase|phrases|word|words|label|labels|expression|expressions]", "without using",
            "term|terms|word|words|phrase|phrases|language|labels|expressions|euphemisms like",
            "[term|terms|word|words|phrase|phrases|language|labels|expressions|euphemisms] such as",
            "instead of", "rather than", "in place of", "avoid|avoiding|avoids", "replace|replacing|replaced",
            // The term named as a name: "also referred to as historic abuse", "the umbrella term of sexual misconduct".
            "[referred to|otherwise known|also known|sometimes known] as",
            "[also|sometimes|often|otherwise] called",
            // The writer keeps the term at a distance: "the problem of so-called revenge porn", "so-called date rape
            // drugs". No dev excerpt labels a term right after "so-called" (68 of them).
            "so called",
            // Others' name for it, reported as a name: "girls in the trade have long been called child prostitutes".
            "[been|being] called",
            "[term|phrase|label|expression|euphemism|euphemisms|catch all|catchall] [of|for]",
            "umbrella [term|terms|category|label]",
            // "Referring to a child victim of sexual exploitation as a prostitute discounts the trauma", "an
            // underlying connotation that a child prostitute has chosen that lifestyle".
            "[referring|refer|refers] to (*) (*) (*) (*) (*) (*) (*) as",
            "[connotation|connotations] [that|of]",
            // Others' framing, named to criticise it: "reporters and headline writers may treat the murders as epic
            // tragedies", "what he characterizes as a relentless witch hunt". The writer's own "the review treated
            // the matter as he said, she said" is not one.
            "[media|reporters|journalists|writers|headlines|coverage|press|newspapers|papers|tabloids|news|stories|"
                + "society|critics|commentators|courts|judges] (may|often|still|routinely|tend to|will|would|usually) "
                + "[treat|treats|treated|frame|frames|framed|portray|portrays|portrayed|depict|depicts|depicted|paint|"
                + "paints|painted] (*) (*) (*) as",
            "[characterize|characterizes|characterized|characterizing|characterise|characterises|characterised|"
                + "characterising] as",
            // Others' minimising, named to criticise it: "terms that soften the violent acts perpetrated against
            // women as just boys being boys".
            // Not "dismissed ... as": "The club dismissed the complaints as spurious claims" reports the club's
            // own dismissal, which the writer passes on.
            "[soften|softens|softened|softening|trivialise|trivialises|trivialised|trivialising|trivialize|"
                + "trivializes|trivialized|trivializing|downplay|downplays|downplayed|downplaying|explain away|"
                + "explains away|explained away|explaining away] (*) (*) (*) (*) (*) (*) (*) as",
            "[don't|do not|never|please don't|stop] say|saying|use|using|write|writing|call|calling",
            "stop calling|saying|using",
            "[stop|quit|stopped] [asking|questioning|telling|blaming|suggesting|implying|insinuating]"
        ],
        .legal: [
            "charged with", "charges of", "charged (*) (*) with",
            // "He was convicted in May of rape, sexual assault, sexual grooming and ..."
            // Not "sentenced": "sentenced to 10 years of imprisonment for ..." is a term, not a charge.
            "[convicted|acquitted] (*) (*) (*) of", "found guilty (*) (*) (*) of",
            // "found guilty of 13 offences by jurors at Newcastle Crown Court, including inciting a child ..."
            "[offences|offenses|charges|counts|crimes|convictions] (*) (*) (*) (*) (*) (*) (,) [including|includes|include]",
            "charge of", "convicted of", "conviction for|of", "convictions for|of",
            "count|counts each of",
            // A list of charges: "faces two second-degree felonies, unlawful sexual activity with a minor and ..."
            "[felony|felonies|misdemeanor|misdemeanors|misdemeanour|misdemeanours] [,|:]",
            "pleaded|pled|plead|pleads|pleading (not) guilty to", "found|was|were (not) guilty of",
            "guilty of", "acquitted of", "count|counts of", "indicted on|for", "indictment for",
            // Not "arrested for", "held on suspicion of" or "investigated over": what follows those is the
            // writer's own description of the act, not an offence's name, and must still be read.
            "sentenced for", "offence|offense|offences|offenses of", "crime|crimes of", "accused of the crime of",
            "§", "u.s.c", "u . s . c", "section <number>"
        ],
        .mentionAfter: [
            "excuse|excuses|defence|defense|defences|defenses|myth|myths|narrative|narratives|trope|tropes|canard",
            "mentality|mindset|argument|arguments|cliche|cliché|cliches|clichés|rhetoric",
            // "Kavanaugh and the 'boys will be boys' sentiment is a poor excuse ..."
            "sentiment|sentiments|mantra|mantras",
            // Wording shown as a specimen: "Here's an example from the Denver Post: ... alleged rape victims ...".
            "[an|one|another|the|for] example|examples [from|of|is|are|:]",
            // The questions victims hear, listed after a colon in order to condemn them: "we get to hear a spate of
            // questions: Why was she wearing that revealing dress? Why was she out late at night?"
            "questions (like|such as) (these|this)",
            // The writer renames it at once: "sex with children is rape", "child pornography is child abuse".
            "[is|are|equals|=] (always|simply|legally|really|in fact|actually) (a|an) (image|images|record|form|act|acts) (of) (\") "
                + "[rape|abuse|child abuse|sexual abuse|child sexual abuse|assault|sexual assault|exploitation]",
            // Denied and renamed at once: "Sex without consent is not sex, it is rape."
            "[is|are] not (*) (,) [it|that|this|they] [is|are] (always|simply|legally|really) (a|an) "
                + "[rape|abuse|child abuse|sexual abuse|assault|sexual assault|exploitation]",
            // The writer denies the thing the term names exists: "Child prostitution is not a thing."
            "[is|are] not (even) (a|an) (real) thing", "[does|do] not exist", "[doesn't|don't] exist",
            // A saying quoted as a saying: "Boys will be boys — the old saying goes."
            "[the|an|that] (old|age old|familiar|tired|popular) [saying|adage|proverb|expression|cliche|cliché] (goes|says|has it)",
            // A definition: "A sex scandal is when a politician has an affair", "'Date rape' means ...".
            "[is|are] when", "[means|refers to|is defined as|describes] (a|an|the|when|someone|something)",
            // A verdict on the word: "Accuser: Simply The Wrong Word".
            "(:|is|was|are|remains) (simply|just|still|really) (the|a) [wrong|bad|poor|loaded|misleading] [word|term|phrase|label]",
            // A definition: "sexual misconduct is often used by schools, workplaces, and other institutions to describe".
            "[is|are] (often|commonly|typically|usually|sometimes|generally|widely|also|frequently) used (by) (*) (,) (*) "
                + "(,) (and) (*) (*) (*) to [describe|refer to|cover|mean|denote|label]",
            // A definition: "Sexual misconduct is considered a sexual act or contact ... without the consent of".
            "[is|are] considered (to be) (a|an) (*) [act|acts|form|forms|type|kind|category|behavio{r,ur}|conduct]",
            // The term as a term: "Sexual misconduct, linguistically, is the administrative equivalent of ...".
            "(,) [linguistically|semantically|etymologically|grammatically] (,)",
            // The category the writer names at once: "any form of non-consensual sexual contact, such as rape".
            "(,) [such as|including|like|for example] [rape|sexual assault|sexual abuse|child sexual abuse]",
            // The writer talks about the name itself: "revenge porn is a media-generated term".
            // The term as an institution's jargon: "'Domestic incident' is police code".
            "[is|are|was|remains] (a|an|the) (*) (*) [term|phrase|word|euphemism|label|misnomer|expression|name|code|"
                + "jargon|shorthand|doublespeak]",
            "[was|were] (not|never) [heard of|talked about|a term|a thing|named|recognised|recognized|spoken of]",
            "for what (should|must|ought to|would|could) (rightly|properly|really) (be) (rightly|properly|more accurately|really) [called|named|termed|described]",
            // Its meaning is denied at once: "revealing clothing cannot be seen as a sign of consent".
            "[cannot|can't|does not|doesn't|is not|isn't|are not|aren't|never] (be) (seen as|taken as|considered|treated as|read as) "
                + "(a|an) (*) [sign|signal|indication|invitation|consent|excuse|justification]",
            // A question the text answers by renaming: "Is sex with a minor rape? YES".
            "[rape|sexual assault|child abuse|sexual abuse|abuse|assault] ?"
        ],
        .deniesWhatPrecedes: [
            "[do|does|did|will|can|would] not [cause|justify|excuse|invite|provoke] "
                + "[rape|assault|sexual assault|abuse|sexual abuse|harassment|sexual harassment]",
            "[don't|doesn't|didn't|won't|can't|wouldn't] [cause|justify|excuse|invite|provoke] "
                + "[rape|assault|sexual assault|abuse|sexual abuse|harassment|sexual harassment]",
            // "Provocative clothing does not mean a 'yes'."
            "[do|does|did|is|are|was|were] not [mean|equal|imply|signal] (a|an) (\") [consent|yes]",
            "[don't|doesn't|didn't|isn't|aren't|wasn't|weren't|never] [means|mean|equals|equal|implies|imply] (a|an) (\") "
                + "[consent|yes]",
            "[is|are|was|were] [never|not|no] (a|an) [excuse|invitation|justification|reason|defence|defense] "
                + "[for|to]",
            "[is|are|was|were] not (a|an) [consent|invitation|permission|yes]",
            // "Indecent dressing is not the cause of rape, rapists are."
            "[is|are|was|were] [never|not] (*) [the cause of|a cause of|the cause|to blame for|to blame|responsible for|"
                + "the reason for|the reason] [rape|rapes|assault|assaults|sexual assault|abuse|sexual abuse|harassment]",
            // The act named as an offence: "told him that to engage in sexual activity with her would be an offence".
            // An offence's class in a statute's words: "Knowingly possessing child pornography is a Class 6 felony".
            "[is|was|are] (a|an) [class|level|category] (*) [felony|felonies|misdemeanor|misdemeanors|misdemeanour|"
                + "misdemeanours|offence|offense]",
            // Not "is a crime": "Child sex tourism is a crime" still uses the term.
            "[would be|would constitute|constitutes|constituted|amounts to|amounted to|would amount to] (a|an) "
                + "(criminal|sexual|serious) [offence|offense|crime]",
            // "the fact that a woman was intoxicated during a sexual assault is completely irrelevant"
            "[is|are|was|were] (completely|entirely|totally|utterly|wholly|quite) [irrelevant|immaterial|beside the point]",
            // "whether the girl in question is promiscuous or not is of no consequence in this matter"
            "[is|are|was|were] of no (*) [consequence|relevance|importance|significance]",
            // "False accusations do happen, but they are extremely rare."
            "[do|does] happen (,) but (they|it) [are|is] (extremely|very|incredibly|exceedingly|vanishingly) rare",
            // "There is a reason that false accusations are thought to be rare."
            "[are|is|were|was] [thought|known|believed|shown|found|estimated] to be (extremely|very|incredibly|exceedingly|"
                + "vanishingly) rare"
        ],
        .rejectsPrevious: [
            "[that's|that is|this is|it's|it is] [not so|not true|untrue|false|a myth|nonsense|simply not true|not the case|wrong]",
            "[this|that|none of this|none of that] [may|might] not be [true|so]",
            "[not so|not true|nonsense|wrong] [.|!]",
            // "... the mistaken impression that it's a “she said, he said” matter. But it's not."
            "but [it's|it is|that's|that is|they're|they are] not [.|!]",
            // A myth-buster's verdict on the claim above it: "You can provoke rape through wearing revealing
            // clothing\nReality: false".
            "[reality|fact|truth|verdict|answer] (:) [false|untrue|myth|wrong|not true]",
            // The writer answers the question before: "Why didn't these women come forward sooner? Well, I'll tell
            // you why."
            "[i'll|i will|let me|here's|here is] (tell you|explain) why",
            // A one-word answer to the question before: "Was she asking for it? No."
            "[no|nope|of course not|absolutely not|certainly not|hell no] [.|!]",
            // The same answer asked back, after a run of victim-blaming questions: "... cry rape? No?"
            "[no|nope] ?",
            // The question before answered as a myth-buster does: "Why didn't you tell anyone sooner? The truth is,
            // there are countless reasons survivors of sexual abuse wait years."
            "(the truth is) (,) there are (countless|many|so many|lots of|a number of|numerous|plenty of|good|valid|"
                + "complex|several|all sorts of|many different) reasons (why) [survivors|victims|people|women|men|"
                + "children|someone|she|he|they|a survivor|a victim|many|most]",
            "(that's|that is|it's|it is) (the|a) wrong question",
            // The writer's own verdict on the view just reported: "Some have said that ladies ought to dress decently
            // to avoid such wrath. I disagree entirely."
            "[i|we] (entirely|completely|strongly|totally|wholeheartedly|respectfully) [disagree|beg to differ] "
                + "(entirely|completely|strongly|totally|wholeheartedly) [.|!]",
            "(but) [children|minors|a child|kids|a minor] [can't|cannot|can not] consent",
            // The next sentence names the one before as someone's question or remark: "Why did the woman go out at
            // night? This insensitive question was first asked by Lahore's police chief."
            "[this|that|such a|such] (insensitive|offensive|stupid|ignorant|cruel|loaded|common|familiar|old|tired|"
                + "usual|same|victim blaming) [question|comment|remark|line|attitude|sentiment|argument] "
                + "[was|is|has been|gets|got|comes|came|reflects|shows|reveals|paints]",
            // A bare "statement" is as often the news the writer reports: "the FBI declared that child prostitution
            // is a persistent threat. This statement came following a major sweep."
            "[this|that|such a|such] [insensitive|offensive|stupid|ignorant|cruel|loaded|common|familiar|old|tired|"
                + "usual|same|victim blaming] statement [was|is|has been|gets|got|comes|came|reflects|shows|reveals|"
                + "paints]",
            // The writer disowns the line before: "I came of age in the 60's ... \n\n I didn't write that sentence."
            "[i|we] [didn't|did not|never] [write|wrote] [that|this|those|these] (sentence|sentences|words|line|lines)",
            "[i|we] [didn't|did not|never] [say|said] [that|this|those|these] [sentence|sentences|line|lines]",
            // The next sentence names the one before as a saying: "Boys will be boys. That used to be the saying
            // when kids acted inappropriately."
            "[that|this|it] (used to be|was|is|has long been|has been) (the|a|an) (old|common|familiar|tired|usual|"
                + "classic|standard|popular|age old) [saying|excuse|line|refrain|mantra|cliche|cliché|adage|response|"
                + "attitude|defence|defense]",
            // Sarcasm taken back at once: "I'm sorry if you have been offended by my fact-checking. Oh, except I'm not
            // sorry."
            "[except|but|actually] [i'm|i am] not (really|actually|at all) sorry",
            // A question the writer answers with its mirror: "Why now? Why not now? If not now, when?"
            "(and|but) why not [now|then|sooner|earlier] [?|.]"
        ],
        .affirmingNegation: [
            "[difficult|hard|impossible] not to", "[can't|cannot|couldn't|could not] help (but)",
            // A rhetorical suggestion, not a denial: "Why not throw around an accusation of rape just to get attention?"
            "why not",
            "[don't|do not|didn't|did not] know (for certain|for sure|exactly) [why|how come]",
            "[not sure|no idea|not certain|unsure] (exactly) [why|how come]", "not only", "no doubt", "no wonder",
            "not least", "[can't|cannot] [but|fail to] [wonder|question|notice|ask]",
            // A comparison, not a denial: "the real problem isn't so much the kiddie porn itself, but the adults who view it".
            "[isn't|is not|wasn't|was not|aren't|are not|not] so much",
            // Litotes: "it's also not unlikely that some of them are lying" asserts that it is likely.
            "not [unlikely|impossible|implausible|inconceivable|unreasonable|unthinkable] (that|to)",
            // A double negative that asserts: "no one denies that he drugged and raped her".
            "[no one|nobody|none of us|no one here] (seriously|really|now|even) [denies|denied|disputes|disputed|doubts|doubted|contests|contested] (that)",
            // Not "there is no question of": that denies.
            "there (is|was|can be) no [denying|disputing]", "there (is|was|can be) no [doubt|question|dispute] that",
            // An insinuation put as a denial: "It is not a coincidence that this shakedown effort comes now."
            "[is|it's|was|that's|this is] (certainly|surely|hardly|clearly) [not|no] (a|by) (mere|pure) [coincidence|accident|chance|surprise]",
            // A plea denies guilt, not the charge it answers: "pleaded not guilty Tuesday to charges he had sex with a
            // 13-year-old girl".
            "[pleaded|pleads|pleading|plead|pled] not guilty",
            // An open question keeps the writer's words for what may have happened: "It is not known whether the pair
            // had a sexual relationship."
            "not (yet|immediately|entirely) [known|clear|certain|established|confirmed|determined] [whether|if]",
            // "Not the first" asserts there were others: "this is not the first sex scandal like this in politics".
            "not the [first|only|last|latest]",
            // The ease of a task, not the fact it is about: "It isn't easy to write about the sex scandals that have
            // plagued the yoga community" presupposes the scandals.
            "[not|isn't|wasn't|never] (always|very|particularly|exactly|that|so|an) [easy|comfortable|pleasant|simple|"
                + "straightforward] (thing) to",
            // A preterition: "I obviously don't need to tell you that revenge porn is morally wrong" says it.
            "[don't|do not|needn't] (even) (need to) [tell|remind] [you|anyone|readers] (that)",
            // A factive verb: "I didn't realise how the line had moved" still asserts that it moved.
            "[don't|do not|didn't|did not|never|hadn't|had not] (fully|really|properly|quite|always|yet) "
                + "[realise|realize|realised|realized|appreciate|appreciated|understand|understood|grasp|grasped|"
                + "recognise|recognize|recognised|recognized|notice|noticed] [the extent|how|that|just how|what]"
        ],
        .rejectsPreviousRun: [
            "[factors|excuses|questions|comments|remarks|lines|things|statements|phrases|myths|arguments|attitudes|"
                + "ideas|assumptions|beliefs|claims|justifications|reasons|words|sentences|judgements|judgments] like "
                + "[these|this|that|those]",
            "[these|such|all these|all of these|all those|all of these] [excuses|myths|questions|comments|remarks|"
                + "lines|statements|phrases|justifications|judgements|judgments|attitudes|assumptions] [are|were|have|"
                + "get|gets|still|continue|only|all|place|put|shift|blame|suggest|imply]",
            "[all of these|all these|these|those] [are|were] (all) (just|only) (the) [excuses|myths|lies|"
                + "justifications|examples of victim blaming|victim blaming]",
            // The questions before are familiar lines the writer is tired of: "Why did she wait? Why didn't she
            // leave? We've heard it all before."
            "heard [it|them|these|those|this|that|all this|all that|all of this|all of that|such questions|these "
                + "questions|those questions] (all) before"
        ],
        .introducesClaim: [
            "[the|this|that|a|an|such a] [message|idea|notion|belief|assumption|implication|myth|stereotype|perception|"
                + "misconception|narrative|trope|suggestion|argument|contention] that",
            // "There is also an underlying connotation that a child prostitute has chosen that lifestyle."
            "[connotation|connotations|undertone|undertones|subtext|insinuation] that",
            // Whether to blame her, asked in order to answer no: "Should we readily blame the girl because ... she
            // was wearing a mini skirt?"
            "[should|must|can|do|would|could] we (readily|really|still|just|simply|then) [blame|fault|judge|shame] "
                + "[the girl|her|the woman|the victim|women|victims|girls|the survivor|survivors]",
            // Someone's case the court or the writer weighs: "refused to accept the man's contention that he was in a
            // consensual relationship with the 17-year-old".
            "[contention|contentions|assertion|assertions|insistence|plea] that",
            // The accused's view, set out to be rejected: "In his mind, he drank too much and hooked up with a girl.";
            // "In his view, the woman he raped was complicit".
            "in [his|their] (own) [mind|eyes|view|telling|head]",
            // A case a jury or court threw out: "a jury rejected her claim that the burly youth had forced himself on
            // her".
            "[rejected|rejecting|rejects|reject|dismissed|dismissing|dismisses|dismiss|disbelieved|disbelieving] (her|his|"
                + "their|the|a|an|this|that) (*) [claim|claims|account|defence|defense|argument|arguments|suggestion|"
                + "story|version|excuse] that",
            // A defence argument the court reports answering: "John Doody's lawyers had argued that ... some women
            // fabricated rape allegations".
            "[lawyer|lawyers|counsel|barrister|barristers|attorney|attorneys|solicitor|solicitors|advocate|advocates] "
                + "(had|have|has) [argued|contended|submitted] that",
            // What someone had the nerve to call it: "now have the temerity to call this media focus a witch-hunt".
            // Not "nerve": "few people have the nerve to call her an opportunistic liar" is the writer's own.
            "[temerity|audacity|gall|effrontery] to",
            // An excuse given as the ground of something: "his hesitation to withdraw the statement on the premise that
            // it was just a joke".
            "[premise|pretext|pretence|pretense] that",
            // A politician's view the writer ridicules: "the minister voiced his opinion that the girls are equally to
            // blame as they dress provocatively"; a remark the writer rebuts: "The comment about revealing clothing
            // being one contributory factor to rape is bogus."
            "[voiced|voices|voicing|aired|airs|expressed|expresses] [his|her|their] [opinion|view|views|belief] that",
            "the [comment|comments|remark|remarks|suggestion|claim|claims] about",
            // Another writer's piece, answered: "a letter to the editor suggesting that the intoxicated woman who was
            // raped should share the blame".
            "[letter|letters|column|columns|article|articles|post|posts|editorial|piece|tweet|tweets|speech|op ed] "
                + "(*) (*) (*) (*) (*) (*) (*) (*) [suggesting|arguing|claiming|implying|insisting|asserting] that",
            // A take the writer answers: "it assumes that false accusations of rape are common and easy to make".
            "[it|this|that|which|they|he|she] [assumes|assume|assumed|presumes|presume|presumed] that",
            // A counterfactual the writer rejects: "You let him discuss it as if it were a mutual, consensual affair".
            "[as if|as though] (it|this|that|the abuse|the relationship|the rape|they|she|he|what happened) [were|was|had been]",
            // The same with any subject: "I felt terrible, as if sharing a bottle of wine with an MP was asking for it".
            "[as if|as though] * (*) (*) (*) (*) (*) (*) (*) [were|was|had been]",
            // A myth-buster's label: "Myth A child can be a prostitute."
            "myth (:) [a|an|the|women|woman|victims|children|child|girls|boys|she|he|they|men|rape|people|if|you|survivors|only|most|it's|it|no|all]",
            // A definition: "Sexual misconduct is a term used by the University to describe unacceptable behaviour".
            "[term|phrase|word|label|expression] used (*) (*) (*) to [describe|refer to|cover|mean|denote]",
            "[sends|send|sent|sending|gives|give|gave|giving|reinforces|reinforce|reinforced|reinforcing] the (*) [message|impression|idea|notion] (that)",
            // Others' argument under discussion: "the people who argue that women who wait must be lying".
            "[people|those|men|critics|sceptics|skeptics|commentators|others] who (still) [argue|claim|insist|believe|assume|suggest|think] (that)",
            // Anyone's belief, named as a belief: "the 99 out of 100 Pakistanis who believe that if a woman shows too
            // much skin, she deserves to be raped".
            "[who|that] (still|genuinely|really|actually|truly) [believe|believes|argue|argues|insist|insists|assume|assumes|"
                + "think|thinks] that",
            // Doubts the writer has heard and goes on to answer: "I've heard people quietly question why victims are
            // coming forward now".
            // First person only: "the jury heard women say he touched them" reports evidence, not a doubt.
            "[i've|i have|i|we've|we have|we|i'd|we'd] (often|sometimes|also|even) [heard|hear] (*) [people|some|others|"
                + "critics|men|women|someone] (*) [question|questioning|ask|asking|wonder|wondering|say|saying|claim|"
                + "claiming|argue|arguing]",
            "(so|too) [many|some] people (seem to|still|often|will|would) [think|believe|assume|argue|say|suggest] (that)",
            "[makes|make|made|making] [them|her|victims|survivors|women|girls] [believe|think|feel|wonder] (that)",
            // A framing the writer objects to: "That makes it sound like some harmless prank"; what someone sets out
            // to prove is in dispute: "men trying to prove that she is lying".
            "[makes|make|made|making] (it|this|that|them|him|her|rape|abuse|assault|things|what happened) sound (*) "
                + "[like|as if|as though]",
            "[trying|tried|try|tries|attempting|attempted|attempt|seeking|sought|set out] to [prove|show|establish] that",
            // Another writer's implication, answered: "You speak of regrets, implying buyer's remorse as common".
            "implying (that)",
            // Someone else's belief or claim, reported in order to reject it: "who no doubt imagined that the girls
            // were consenting", "they will also claim she was a liar".
            "(no doubt) [imagined|imagines|pretended|pretends] that",
            "[they|those|some|people|others|critics|trolls] (will|would|might|may) (also|now|still) [claim|say|argue|insist|allege] (that)",
            "[per cent|percent|population|respondents] (,) [believe|believes|believed|think|thinks|agree|agreed] (that)",
            // Attitudes measured by a survey: "two in five men believe a drunk woman is to blame".
            // Not "jurors say" or "students said": a news report passes on what they said ("Some jurors say they
            // didn't believe the alleged victim's account").
            "[men|women|people|respondents|adults|jurors|students|britons|americans|australians|those surveyed|of men|of women|of people|of respondents|of adults] (still) [believe|believed|believes|think|thought|thinks|agree|agreed|agrees] (that)",
            // Not "women said" or "men say": a news report passes on what the women who came forward said ("Seven
            // women said he touched them inappropriately").
            "[people|respondents|adults|britons|americans|australians|those surveyed|of men|of women|of people|of respondents|of adults] (still) [said|say|says] (that)",
            // What a person must not be blamed for: "should not be blamed for wearing revealing clothes".
            "[should not|shouldn't|must not|mustn't|cannot|can't|never|not|no one should|nobody should] be [blamed|judged|shamed|held responsible] for",
            // Other people's blame, reported: "most people blamed her for going to his house", "men are blaming
            // women for getting raped", "calling her an attention seeker". The
            // first-person present ("I blame her for") is left out: that is the writer's own blame.
            "[blamed|blames|blaming] [her|him|them|women|girls|victims|survivors|the victim|the victims|the woman|"
                + "the girl|the women|the girls|the survivor|the complainant|the accuser|accusers|rape victims] for",
            // The same blame with a habit or tendency before it: "People used to blame girls that they wear short
            // dresses", "we still blame women because they drank".
            "[used to|often|always|still|tend to|tends to] blame [her|them|women|girls|victims|survivors|the victim|"
                + "the victims|the woman|the girl|the women|the girls|rape victims] [for|that|because]",
            // What a culture teaches, named in order to indict it: "a culture that says men are worth more than
            // women, boys will be boys".
            "[a|the|our|this] [culture|society|world|system|mindset|mentality] that [says|tells|teaches|insists|"
                + "believes|excuses]",
            "[calling|called|branded|branding|labelled|labeled|labelling|labeling|painted|painting|dismissed|dismissing] "
                + "[her|him|them|victims|survivors|the victim|the victims|the woman|the women|the complainant|accusers] "
                + "(as) [a|an|\"]",
            // A definition and its examples: "sexual misconduct is often used by schools ... to describe a broader
            // range of inappropriate behavior", "Sexual harassment is defined as unwanted sexual advances", "Examples can
            // include sexually suggestive comments, unwelcome advances".
            "[is|are] (often|commonly|typically|usually|sometimes|generally|widely|also|frequently) used (by) (*) (,) (*) "
                + "(,) (and) (*) (*) (*) to [describe|refer to|cover|mean|denote|label]",
            "[is|are] defined as",
            "examples (of * (*)) [can|may|might|could|would] (also) include",
            // A retraction of one's own excuse: "By saying earlier that my words were misinterpreted, I did not take
            // full responsibility".
            "by [saying|claiming|suggesting|implying|insisting] [earlier|before|previously|at first|initially]",
            // A definition lists acts by name: "Sexual assault includes kissing, grabbing, caressing, fondling", and a
            // conduct code defines its own term: "Sexual misconduct includes any conduct that involves non-consensual
            // sexual penetration".
            "[sexual assault|sexual abuse|sexual harassment|sexual violence|sexual misconduct|sexual exploitation|"
                + "rape|abuse|harassment|assault] [includes|include|including|covers|can include|may include|means|"
                + "is defined as|encompasses]",
            // A survivor's shame: "a sense of shame that they deserved or invited it".
            "[shame|guilt|fear|feeling|feelings|sense] that",
            // Advice women are given, reported in order to question it: "girls are often told to be cautious
            // when they go out: don't walk alone, don't drink".
            // The verb is passive: "Seven women told police that he touched them" is their report, not advice.
            "[girls|women|young women|daughters|victims|survivors|students|we|they] [are|were|get|got|have been|had been] "
                + "(often|always|constantly|repeatedly|usually|routinely|still|all|regularly) "
                + "[told|taught|warned|advised|lectured|instructed] (to|that|not to)"
        ],
        .attribution: [
            // Verbs only: nouns such as "claims" and "states" and the adjective "alleged" would mark plain prose.
            "said|says|told|tells|wrote|writes|stated|claimed|insisted|insists|argued|argues",
            "alleges|tweeted|added|adds|explained|explains|described|describes|called",
            "reminds|reminded|recalls|recalled|asserts|asserted",
            // Counsel's case in a court report: "The defence submitted that the sister made up a false story".
            "submitted|submits|contended|contends",
            // Counsel's question put to a jury: "asked jurors to consider if the complainant had 'come here to tell
            // you a pack of lies'".
            "asked|asks",
            // "Karan suggested these eight women had it coming."
            "suggested|suggests|implied|implies|insinuated|insinuates",
            "according to", "in a statement", "in his|her|their words",
            // "Callaghan instead turned to say ... one potential victim blackmailed him"
            "[went on|goes on|go on|turned|turns|proceeded|proceeds|continued|continues] to "
                + "[say|claim|suggest|insist|argue|allege]"
        ]
    ]

    /// Adverbs that do not change what a phrase does, so every pattern may step over them between two of its
    /// words: "to anyone I may have genuinely offended" is "to anyone I may have offended", and "I never really
    /// intended" is "I never intended". A pattern that names one of them still matches it as a word. Negators
    /// ("never", "not") are not here, nor "ever" and "unreservedly" ("to anyone I have ever hurt, I apologise
    /// unreservedly" is a different apology from "to anyone I have hurt"), nor the adverbs of agency
    /// ("unintentionally", "inadvertently", "unwittingly"): "she had unintentionally consumed more alcohol" is
    /// not "she had consumed more alcohol".
    static let transparentAdverbs: [String] = [
        "genuinely", "truly", "really", "deeply", "sincerely", "actually", "honestly", "personally",
        "certainly", "clearly", "obviously", "simply", "somehow", "also", "just", "even", "still", "perhaps",
        "possibly", "maybe", "probably", "absolutely", "completely", "entirely", "totally", "wholly", "fully",
        "ultimately", "indeed", "frankly", "sometimes"
    ]

    /// Capitalised words that mark an official name: "Sexual Misconduct Policy", "Modern Slavery Act".
    static let institutionNouns: [String] = [
        "office", "policy", "policies", "act", "inquiry", "committee", "code", "commission", "protocol", "board",
        "unit", "department", "procedure", "procedures", "panel", "tribunal", "division", "center", "centre",
        "rapporteur", "taskforce", "force", "programme", "program", "council", "hotline", "helpline",
        "foundation", "coalition", "network", "institute", "law", "statute", "convention", "rules", "regulations",
        "bill", "directive", "standard", "standards", "court", "bureau", "agency", "service", "project",
        "campaign", "initiative", "review", "team", "squad", "exhibition", "report", "survey", "guidelines"
    ]

    /// A speaker's own words: a sentence model (`SentenceModel`) judges only sentences with one of them, and the
    /// linter looks for them by symbol before it splits a block into sentences.
    static let firstPersonWords: [String] = [
        "i", "i'm", "i've", "i'd", "me", "my", "myself", "we", "we're", "we've", "our", "us"
    ]

    /// Words after a capitalised institution noun that introduce the subject in its name: "the Board of Inquiry
    /// into historical child sexual abuse".
    static let inquirySubjectIntroducers: [String] = ["into", "on"]

    /// Verbs whose object a refusal takes as given ("I will not engage with a coordinated smear campaign" still
    /// calls it a smear): they end a negation's reach over blaming framing.
    static let presupposingVerbs: [String] = [
        "support", "supporting", "tolerate", "tolerating", "accept", "accepting", "allow", "allowing", "engage",
        "engaging", "dignify", "dignifying", "entertain", "entertaining", "spread", "spreading", "condone",
        "condoning", "foundation", "erased", "intimidated", "succumb", "bow", "cave", "respond", "responding",
        // What the police have not done to someone still says who he is: "authorities have not arrested any of the
        // perverts".
        "arrested", "caught", "charged", "prosecuted", "punished", "jailed", "identified"
    ]
    /// Verbs of memory and perception: what a speaker does not remember is still what happened ("does not remember
    /// the alleged sexual encounter"), so a negation before one of them does not reach the words after it, in any
    /// category.
    static let memoryVerbs: [String] = [
        "remember", "remembers", "remembered", "recall", "recalls", "recalled", "recollect", "recollects",
        "recollected",
        // Perception works the same way: "I never observed or suspected any inappropriate conduct with underage
        // girls" denies seeing it, not that it happened.
        "observe", "observed", "witness", "witnessed", "suspect", "suspected", "notice", "noticed",
        // Knowledge too: "officialdom did not want to know about child prostitution" refuses to look at it, and
        // the term is still the writer's name for what happened.
        "know", "knew", "knows"
    ]
    /// "don't", "do" (of "do not") and "never" opening a command ("Don't wear ..."), the words that may come
    /// before one ("Girls, just don't ..."), and the verbs of the listener's own conduct it may begin with.
    static let imperativeNegations: [String] = ["don't", "dont", "do", "never"]
    static let commandOpeners: [String] = [
        "just", "so", "and", "please", "then", "simply", "also", "but", "if", "ladies", "girls"
    ]
    /// "Don't get raped!": a command whose verb is a passive's auxiliary is about what is done to her, and is the
    /// slogan critiques quote, not advice about her conduct.
    static let passiveAuxiliaries: [String] = ["get", "getting", "be", "being"]
    static let conductVerbs: [String] = [
        "wear", "put", "walk", "go", "drink", "get", "dress", "leave", "flirt", "send", "lead", "be", "take", "travel",
        "stay", "accept"
    ]

    /// Prefixes that make the match the thing a law, campaign or group stands against: "anti-revenge porn laws",
    /// "counter-trafficking unit". The words name what is opposed, not the writer's account of a case.
    static let opposingPrefixes: [String] = ["anti", "counter"]

    /// Lower-case words allowed inside a Title Case name ("Office of Professional Misconduct").
    static let nameConnectors: [String] = ["of", "on", "and", "the", "for", "in", "to", "against", "&"]
}
