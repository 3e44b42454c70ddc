"""Trigger lexicons: the words that signal each kind of event, in English, Russian and Kyrgyz.

Each cue is a regular expression over the sentence text (stems, so inflected forms match).
``types.py`` decides the ACLED type from the cues found; ``modality.py`` checks each cue.
Cue kinds: ``PHYSICAL`` cues describe something done; ``WEAK`` cues (deaths, injuries) only add
figures unless something violent is also said; ``POLITICAL`` cues are sitroom's extension events;
``SPEECH`` cues are PLOVER statements.
"""

from __future__ import annotations

import functools
import re

from sitroom.coding.typing.lemma_cues import GATE as LEMMA_GATE
from sitroom.coding.typing.lemma_cues import lemma_cues

B = r"(?<![\w-])"  # a word start (Latin or Cyrillic)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")

EN: dict[str, str] = {
    # protests and riots
    "protest": r"protest\w*|demonstrat(?:ion|ions|ors?|ed|ing|e)\b|rall(?:y|ies|ied|ying)\b|(?<!\d )(?<!\bin )(?<!\bof )(?<!since )(?<!until )(?<!early )(?<!late )(?<!mid-)march(?:ed|es|ers|ing)?\b(?!\s+\d)|chant(?:ed|ing|s)\b"  # noqa: E501
               r"|sit-ins?\b|picket\w*|took to the streets|take to the streets|(?<!air )(?<!drone )(?<!missile )(?<!air-)(?<!-)strik(?:e|es|ing|ers)\b(?! (?:on|at|against))"  # noqa: E501
               r"|walkouts?\b|boycott\w*|vigils?\b|gathered (?:outside|in front|at|in|near|on)\b|blockade\w*|marchers",  # noqa: E501
    "riot": r"riot\w*|unrest\b|violent (?:protest|demonstration)s?",
    "crowd": r"crowds?\b",
    "mob": (
        r"mobs?\b|lynch\w*|vigilante\w*|angry (?:crowd|villagers|residents|youths?)|"
        r"jungle justice|mob justice"
    ),
    "stone": (
        r"(?:threw|throwing|hurled|hurling|pelted|pelting)\b[^.]{0,30}\b(?:stones?|rocks?|bottles|"
        r"bricks|petrol bombs|molotov)|stone-throwing|molotov"
    ),
    "burn": (
        r"set (?:fire|ablaze|alight)|set\b[^.]{0,40}\b(?:on fire|ablaze|alight)|burn(?:ed|t|ing|"
        r"s)\b|torch(?:ed|ing)|arson\w*|ablaze|firebomb\w*"
    ),
    "storm": (
        r"storm(?:ed|ing)\b|broke into|break into|(?:seized|occupied|captured|"
        r"took over) (?:the )?(?:\w+ )?(?:building|headquarters|offices?|parliament|white house|"
        r"government house|city hall)|barged|forced (?:their|its|his|her) way|ransack\w*|stormed"
    ),
    "vandal": (
        r"vandali[sz]\w*|smash(?:ed|ing)\b|damag(?:ed|ing)\b|destroy(?:ed|ing)\b|demolish\w*|"
        r"wreck(?:ed|ing)"
    ),
    "loot": r"loot\w*|pillag\w*|plunder\w*",
    "block": (
        r"block(?:ed|ing|ade) (?:the |a |major |main )?(?:roads?|highways?|streets?|traffic|"
        r"bridges?)"
    ),
    "barricade": r"barricad\w*|burn(?:ed|ing|t)? (?:\w+ )?(?:tyres|tires)",
    "disperse": (
        r"dispers\w*|tear ?gas|teargas|water cannons?|rubber bullets|pepper spray|stun grenades?|"
        r"batons?\b|broke up|break up|crack(?:ed)? down|crackdown|"
        r"charged (?:at )?(?:the )?(?:protesters|crowd|demonstrators)"
    ),
    "arrest": (
        r"arrest\w*|detain\w*|apprehend\w*|taken into custody|took\b[^.]{0,30}\binto custody|"
        r"rounded up|re-arrest\w*|re arrest\w*"
    ),
    "kill": (
        r"kill(?:ed|ing|s)?\b|shot dead|gunned down|murder\w*|slain|slew|massacr\w*|executed|"
        r"beheaded|hacked to death|burned alive|lynched|assassinat\w*"
    ),
    "dead": (
        r"dead\b|died\b|deaths?\b|lost (?:their|his|her) lives|fatalit\w*|bodies\b|death toll|"
        r"casualt\w*"
    ),
    "injure": r"injur\w*|wound\w*|hurt\b|hospitali[sz]ed",
    "shoot": (
        r"\bshot\b(?! down)|shoot\w*|open(?:ed)? fire|fired (?:at|on|into|shots|live|upon|"
        r"warning)|gunfire|gunshots?|live (?:ammunition|rounds|fire|bullets)|gunmen opened"
    ),
    "attack": (
        r"attack\w*|assault\w*|raid(?:ed|s|ing)?\b|ambush\w*|beat(?:en|ing|ings)?\b|stabb\w*|"
        r"tortur\w*|harass\w*|invad\w*|hack(?:ed)? |whipp\w*|flogg\w*|targeted"
    ),
    "clash": (
        r"clash\w*|fighting\b|fought\b|battl(?:e|ed|es|ing)\b|gun ?fights?|firefights?|"
        r"exchang\w* (?:of )?(?:gun)?fire|skirmish\w*|engaged\b|offensive\b|counter-?attack\w*|"
        r"repel\w*|repuls\w*|combat\b|hostilities"
    ),
    "air": r"air ?strikes?|airstrik\w*|air raids?|drone strikes?|drone attacks?|(?:warplanes?|fighter jets?|jets|aircraft|helicopters?|gunships?|drones?|uavs?) (?:\w+ ){0,3}(?:struck|bombed|hit|attacked|pounded|targeted|fired)|aerial (?:bombardment|attacks?|bombing)|bombing raids?|airstrike",  # noqa: E501
    "shell": (
        r"shell(?:ed|ing|s)\b|artillery|mortars?\b|mortar (?:fire|shells?|rounds?)|rockets?\b|"
        r"missiles?\b|howitzer\w*|katyusha\w*|bombard\w*"
    ),
    "ied": (
        r"\bIEDs?\b|improvised explosive|roadside bombs?|land ?mines?|car bombs?|\bVBIEDs?\b|"
        r"explosive devices?|explosions?\b|exploded|(?<!air )blasts?\b|detonat\w*|booby|"
        r"(?<!suicide )(?<!petrol )(?<!gasoline )(?<!fire)(?<!smoke )(?<!paint )\bbomb(?:s|ed|ing|"
        r"ings)?\b|sticky bomb"
    ),
    "suicide": (
        r"suicide (?:bomb\w*|attack\w*|vests?|car bomb\w*|belts?)|\bSVBIED|blew (?:himself|"
        r"herself|themselves) up"
    ),
    "grenade": r"(?<!stun )(?<!tear gas )(?<!tear-gas )(?<!smoke )grenades?\b",
    "chemical": (
        r"chemical (?:weapons?|attacks?|agents?|munitions?)|\bsarin\b|(?:filled with|containing|"
        r"laden with) (?:chlorine|sarin|toxic|poison)|toxic gas|chlorine (?:gas|attack|"
        r"bombs?|barrels?)|nerve agents?|mustard gas"
    ),
    "sexual": (
        r"\brap(?:e|ed|es|ing|ist)\b|sexual(?:ly)? (?:assault\w*|violence|abus\w*|exploit\w*)|"
        r"gang-?rap\w*"
    ),
    "abduct": (
        r"abduct\w*|taken from (?:his|her|their) homes? by|has not been seen since|"
        r"have not been seen since|kidnap\w*|hostages?\b|taken hostage|forcibly disappeared|"
        r"enforced disappearance|taken captive"
    ),
    "capture": (
        r"(?:took|taken|seized|gained|captured|wrested|seize|take|seizing|"
        r"taking) (?:full )?control|captur(?:ed|ing|e) (?:the )?(?:\w+ )?(?:town|city|village|"
        r"district|area|base|territory|locality|region|province)|overr(?:an|un)|fell to|(?:seized|"
        r"took over|taken over) (?:the )?(?:\w+ )?(?:town|city|village|district|area|base|"
        r"territory|locality|region)|(?:captur(?:ed|ing)|took over) (?-i:[A-Z])\w+|"
        r"entered (?:the )?(?-i:[A-Z])\w+ (?:district|region|province)|"
        r"entered\b[^.;]{0,40}\bwithout (?:a fight|resistance|fighting|a shot)"
    ),
    "retake": (
        r"retook|retaken|retake|recaptur\w*|regain\w*|liberat(?:ed|ing|e)|reclaimed|took back|"
        r"taken back|cleared (?:the )?(?:\w+ )?(?:town|area|village|district)"
    ),
    "withdraw": r"withdr(?:ew|awn|aw)\b|pulled out|vacated|abandon(?:ed|ing) (?:their |its )?(?:posts?|positions?|bases?)",  # noqa: E501
    "unopposed": (
        r"without (?:a fight|resistance|fighting|a shot)|(?:there was )?no resistance|unopposed|"
        r"handed (?:over|back) (?:the )?(?:\w+ ){0,2}(?:base|town|city|district|territory|control|"
        r"positions?|region|airport|camp)s?|ceded|transferred control|handover|melted away"
    ),
    "base": (
        r"(?:established|set up|built|opened|setting up|establish) (?:a |an |its |their |new |"
        r"the )*(?:military |forward |operating )?(?:bases?|camps?|headquarters|outposts?|"
        r"positions?)"
    ),
    "disrupt": (
        r"defus\w*|dismantl\w* (?:a |an |the )?(?:\w+ )?(?:bomb|ieds?|explosive)|(?:seized|"
        r"recovered|confiscated|found|discovered|uncovered)\b[^.;]{0,40}\b(?:weapons|arms|"
        r"ammunition|explosives|rifles|guns)|weapons cache|arms cache|intercept(?:ed|s|ing)|"
        r"shot down|shoot down|downed|foiled|thwarted|bomb disposal|controlled explosion|"
        r"cleared (?:of )?mines|demining"
    ),
    "agreement": (
        r"agreements?\b|agreed (?:on|to)\b|cessation of hostilities|peace (?:agreement|accord|"
        r"treaty)|accords?\b|peace deals?|cease-?fires?|truces?\b|signed (?:a |"
        r"an )?(?:\w+ )?(?:deal|pact|memorandum|treaty)|reached (?:a |an )?(?:\w+ )?deal|"
        r"prisoner (?:exchange|swap)"
    ),
    "change_group": (
        r"(?:formed|launched|created|founded|announced) (?:a |an )?new (?:armed |rebel |"
        r"political )?(?:group|party|coalition|alliance|movement|faction|front)|merg(?:ed|"
        r"er) (?:with|into)|split from|defect\w*|surrender\w*|disband\w*|dissolv(?:ed|es|ing)|"
        r"pledged allegiance|dissolution of (?:the )?(?:government|parliament|constitution)|"
        r"renamed|lay down (?:their|its) (?:arms|weapons)|laid down (?:their|"
        r"its) (?:arms|weapons)"
    ),
    # crisis extension
    "resign": (
        r"resign\w*|stepped down|step down|steps down|stepping down|quit (?:his|her|"
        r"their) (?:post|office|job)|dismiss(?:ed|es|al) (?!reports|claims|allegations|"
        r"the reports)|sacked|ousted|removed from (?:office|post|power)|"
        r"voted\b[^.;]{0,40}\bto (?:remove|oust|dismiss)\b|relieved of|abdicat\w*|"
        r"toppled|overthr(?:own|ew)"
    ),
    "appoint": (
        r"appoint\w*|named [^.;,]{0,40}? as (?:the )?(?:new |acting |interim )?(?:prime minister|"
        r"president|premier|head|leader|speaker)|named (?:as )?(?:the )?(?:new |acting |"
        r"interim )?(?:prime minister|president|premier|minister|head|governor|mayor|chief|"
        r"speaker|commander)|sworn in|swore in|declared (?:\w+ ){0,2}(?:new |acting |"
        r"interim )?(?:president|prime minister|leader|head of state)|"
        r"elected (?:\w+ ){0,3}(?:as )?(?:the )?(?:new |acting )?(?:president|prime minister|"
        r"speaker|leader|premier)|took office|assumed (?:office|the presidency|power|the post)|"
        r"nominat\w*|"
        r"approved (?:\w+ ){0,3}as (?:the )?(?:new )?(?:prime minister|premier|president)|"
        r"became (?:the )?(?:new |acting )?(?:president|prime minister|premier)"
    ),
    "annul": (
        r"annul\w*|invalidat\w*|nullif\w*|overturned (?:the )?(?:\w+ )?(?:results?|elections?|"
        r"vote)|cancel\w* (?:the )?(?:\w+ )?(?:results|election results|vote)|"
        r"declared (?:the )?(?:\w+ )?(?:results?|elections?|vote) (?:invalid|void|null)"
    ),
    "results": (
        r"results? (?:were |was |had been )?(?:announced|published|released|showed|gave)|"
        r"(?:preliminary|official|final) results|election commission (?:said|announced|reported|"
        r"declared)|won (?:\d+|a majority|the election|the vote|the presidency|\w+ seats)|"
        r"vote count"
    ),
    "election_held": (
        r"(?:elections?|polls|vote|referendum|run-?off|ballot) (?:was |were |had been )?(?:held|"
        r"took place|conducted)|(?:went|headed|go) to the polls|cast (?:their )?ballots|"
        r"polling stations (?:opened|closed)|voters (?:voted|cast)|voted (?:on \w+ )?in (?:a |"
        r"the )?(?:\w+ )?(?:elections?|referendum|polls?|run-?off)|(?:held|"
        r"hold) (?:\w+ )?(?:parliamentary |presidential |general |local )?elections"
    ),
    "release": (
        r"\bfreed\b|(?:ordered|granted|secured|approved) (?:the )?release of|liberated from|"
        r"\bfree(?:d|s|ing)? (?:\w+ ){0,3}(?:from|prisoners?|detainees?)|"
        r"released (?:\w+ ){0,4}(?:from|on bail|prisoners?|detainees?|after)|(?:was|were|been|"
        r"being) released|pardon(?:ed|s)\b|amnest\w*|acquitted|broke (?:\w+ )?out of (?:jail|"
        r"prison|detention)|jailbreak|prison break"
    ),
    "emergency": r"state of (?:emergency|siege)|emergency rule|martial law",
    "curfew": r"curfews?\b",
    "impeach": r"impeach\w*",
    "postpone": (
        r"(?:elections?|vote|polls|referendum)s? (?:\w+ ){0,3}(?:postponed|delayed|cancell?ed|"
        r"suspended)|postpon\w* (?:the )?(?:\w+ )?(?:elections?|vote|polls)"
    ),
    # PLOVER speech acts
    "CONSULT": (
        r"(?:held|had|holding|hold|opened|began) talks|talks with|met with|meeting with|"
        r"phone (?:call|conversation)|spoke (?:by (?:tele)?phone )?with|consult\w*|discuss\w*|"
        r"negotiat\w*|visited"
    ),
    "SUPPORT": (
        r"support(?:ed|s|ing)?\b|backed|welcom\w*|endors\w*|recogni[sz](?:ed|es)|congratulat\w*|"
        r"praised|solidarity"
    ),
    "ACCUSE": (
        r"accus\w*|condemn\w*|critici[sz]\w*|denounc\w*|blam\w*|called (?:\w+ ){0,3}(?:a )?fraud|"
        r"alleg(?:ed|ing) (?:fraud|that)|decr(?:ied|y)"
    ),
    "REQUEST": (
        r"called (?:on|for)|calls (?:on|for)|urg(?:ed|es|ing)\b|demand\w*|appeal\w*|requested|"
        r"asked"
    ),
    "REJECT": r"reject\w*|refus\w*|rebuff\w*|vetoed|did not recogni[sz]e|refused to recogni[sz]e",
    "THREATEN": r"threat\w*|warned|ultimatum",
    "AGREE": (
        r"promis(?:ed|es)\b|pledged to|offered (?:to|its)\b|(?:is|are|was|were) (?:ready|willing|"
        r"prepared) to|agreed upon|agreed in principle|reached a consensus|accepted (?:a|the)\b"
    ),
    "SANCTION": (
        r"sanction\w*|suspend\w* (?:aid|cooperation|ties|relations)|expell?\w*|recall\w* (?:its|"
        r"their|the) ambassador|closed (?:its|the) border|froze (?:\w+ )?assets|embargo"
    ),
    "AID": (
        r"humanitarian aid|sent aid|provided aid|assistance to|donat\w*|(?:financial|military) aid"
    ),
    "MOBILIZE": (
        r"mobili[sz]\w*|deploy\w*|put (?:\w+ )?on (?:high )?alert|reinforcements|"
        r"troops (?:were )?sent|sent (?:\w+ )?troops"
    ),
    "SAY": (
        r"\bsaid\b|\bsays\b|stated|announced|declared|expressed (?:concern|hope|regret|alarm)|"
        r"statement|told\b|tweeted|spokes(?:man|woman|person)"
    ),
}

RU: dict[str, str] = {
    "protest": (
        r"протест\w*|собрал\w*с[ья] (?:на|у|возле|перед)\b|митинг\w*|митингующ\w*|демонстрац\w*|"
        r"демонстрант\w*|шестви\w*|пикет\w*|забастов\w*|вышли на улиц\w*|манифестац\w*|"
        r"акци\w+ (?:протеста|несогласных)|протестующ\w*"
    ),
    "riot": r"беспорядк\w*|погром\w*|бунт\w*",
    "crowd": r"толп\w*",
    "mob": r"самосуд\w*|толп\w+ (?:избил|напал)\w*",
    "stone": r"камн\w*|коктейл\w* молотова|бросал\w* бутылк\w*",
    "burn": (
        r"подожгл\w*|поджог\w*|поджечь|подожжен\w*|сожгл\w*|сожжен\w*|сгорел\w*|горел\w*|пожар\w*"
    ),
    "storm": r"штурм\w*|захватил\w*|захвачен\w*|захват\w*|ворвал\w*|прорвал\w*|заняли здани\w*",
    "vandal": (
        r"разгромил\w*|разгром\w*|громил\w*|разбил\w*|повредил\w*|повреждени\w*|разрушил\w*|"
        r"разрушен\w*"
    ),
    "loot": r"мародер\w*|мародёр\w*|разграб\w*|грабеж\w*|грабёж\w*|ограбил\w*",
    "block": r"перекрыл\w* (?:дорог|трасс|улиц)\w*|баррикад\w*",
    "disperse": (
        r"разогнал\w*|разогнан\w*|разгон\w*|слезоточив\w*|светошумов\w*|водомет\w*|водомёт\w*|"
        r"резинов\w* пул\w*|дубинк\w*"
    ),
    "arrest": (
        r"задержа\w*|арестова\w*|арест\w*|взят\w* под стражу|заключ\w* под стражу|"
        r"помещен\w* в СИЗО"
    ),
    "kill": (
        r"убит\w*|ликвидир\w*|убил\w*|убийств\w*|застрелил\w*|застрелен\w*|расстрелял\w*|"
        r"расстрелян\w*|казнил\w*|казнен\w*"
    ),
    "dead": r"погиб\w*|скончал\w*|жертв\w*|смерт\w*|тел[аос]\b",
    "injure": r"ранен\w*|ранил\w*|ранены|пострадал\w*|пострадавш\w*|травм\w*|госпитализир\w*",
    "shoot": r"стрельб\w*|обстрелял\w*|стрелял\w*|открыл\w* огонь|выстрел\w*|боев\w+ патрон\w*",
    "attack": r"напал\w*|нападени\w*|атак\w*|избил\w*|избиени\w*|избит\w*|налет\w*|налёт\w*",
    "clash": (
        r"столкновени\w*|столкнул\w*|бо[йия]\b|бо[ея]х?\b|боев\w+ действи\w*|перестрелк\w*|"
        r"сражени\w*|вооруженн\w* конфликт\w*"
    ),
    "air": r"авиаудар\w*|(?:дрон|беспилотник)\w* (?:атаковал|ударил|нан[её]с|атаковали)\w*|удар\w* (?:беспилотник|дрон)\w*|авиаци\w*(?: \S+){0,3} нанесл\w*|бомбардиров\w*|атак\w+ (?:беспилотник|дрон)\w*",  # noqa: E501
    "shell": (
        r"обстрел\w* (?:из )?(?:артиллери|РСЗО|миномет|миномёт|ракет)\w*|артиллер\w*|минометн\w*|"
        r"миномёт\w*|ракетн\w+ удар\w*|ракет\w*|снаряд\w*"
    ),
    "ied": r"взрыв\w*|самодельн\w* взрывн\w*|фугас\w*|подорвал\w*|взорвал\w*|мин[аеуы]\b|бомб\w*",
    "suicide": r"смертни\w*|террорист\w*-смертни\w*",
    "grenade": (
        r"(?<!светошумовые )(?<!светошумовых )(?<!светошумовой )(?<!светозвуковые )гранат\w*"
    ),
    "chemical": (
        r"химическ\w+ (?:оружи|атак)\w*|зарин\w*|хлор\w*|горчичн\w* газ\w*|иприт\w*|"
        r"отравляющ\w* веществ\w*|токсичн\w* газ\w*"
    ),
    "sexual": r"изнасил\w*|сексуальн\w+ насили\w*",
    "abduct": (
        r"похитил\w*|увезл\w* неизвестн\w*|похищен\w*|похищени\w*|заложник\w*|пропал\w* без вести"
    ),
    "capture": (
        r"взял\w* под контроль|взят\w* под контроль|взяти\w* под контроль|занял\w*|заняты\w*|"
        r"вошл\w* в\b|перешл?\w* под контроль|установил\w* контроль|захватил\w* (?:город|сел|"
        r"район|посел)\w*"
    ),
    "retake": r"освободил\w* (?:от \w+ )?(?:город|сел|район|посел)\w*|вернул\w* контроль|отбил\w*",
    "disrupt": (
        r"обезвредил\w*|сбит\w*|предотвратил\w* теракт\w*|изъял\w*(?: \S+){0,5} (?:оружи|"
        r"боеприпас|взрывчат)\w*|сбил\w*|перехват\w*"
    ),
    "unopposed": r"без бо[яё]\w*|без сопротивлени\w*|передал\w* (?:\w+ )?(?:контроль|под контроль)",
    "withdraw": (
        r"отход\w*|отошл\w*|отступил\w*|вывел\w* (?:войска|"
        r"подразделени)\w*"
    ),
    "agreement": (
        r"соглашени\w*|заявлени\w* о прекращении огня|прекращени\w* огня|перемири\w*|договорил\w*|"
        r"подписал\w* (?:договор|меморандум|соглашени)\w*|согласил\w* (?:на|разоружит|прекратит|"
        r"сложить|вывести|начать переговоры)\w*"
    ),
    "base": (
        r"(?:открыл|развернул|разместил|создал|оборудовал)\w*(?: \S+){0,3} "
        r"(?:(?:военн\w+|новы\w+) )?(?:баз[аыу]|лагер[ья]|штаб)\w*"
    ),
    "change_group": (
        r"создал\w* (?:новую )?(?:парти|коалици|движени|групп)\w*|объединил\w*|распустил\w*|"
        r"сдал\w*ся|роспуск\w*"
    ),
    "resign": (
        r"отставк\w*|ушел в отставку|ушёл в отставку|подал\w* в отставку|уволил\w*|уволен\w*|"
        r"сложил\w* полномочи\w*|покинул\w* пост|отстранен\w*|отстранил\w*|сверг\w*"
    ),
    "appoint": (
        r"назначен\w*|назначил\w*|избран\w*|избрал\w*|утвердил\w*|утвержден\w*|"
        r"вступил\w* в должность|исполняющ\w* обязанност\w*|объявил\w* себя|провозгласил\w*"
    ),
    "annul": (
        r"аннулир\w*|признал\w* (?:итоги|результаты|выборы) недействительн\w*|недействительн\w*|"
        r"отменил\w* (?:итоги|результаты)"
    ),
    "results": (
        r"итог\w* (?:выборов|голосования)|результат\w* (?:выборов|голосования)|подсчет\w* голосов|"
        r"подсчёт\w* голосов|ЦИК (?:объявил|сообщил|огласил)|набрал\w* \d"
    ),
    "election_held": (
        r"выборы (?:прошли|состоялись)|прошли (?:\w+ ){0,2}выборы|состоялись (?:\w+ ){0,2}выборы|"
        r"завершил\w* голосовани\w*|"
        r"голосовани\w* (?:прошло|состоялось)|проголосовал\w*"
    ),
    "release": (
        r"освободил\w*|освобожден\w*|освобождени\w*|освобождён\w*|выпустил\w* из|"
        r"вышел\w* на свободу|амнист\w*|помилова\w*|оправдал\w*|оправдан\w*"
    ),
    "emergency": r"чрезвычайн\w+ положени\w*|режим\w* ЧП|военн\w+ положени\w*",
    "curfew": r"комендантск\w+ час\w*",
    "impeach": r"импичмент\w*",
    "postpone": (
        r"(?:выборы|голосование) (?:\w+ )?(?:перенес|отложен|отменен)\w*|перенес\w* выбор\w*"
    ),
    "CONSULT": (
        r"переговор\w*|обсудил\w*|встретил\w*|встреч\w*|провел\w* (?:телефонный )?разговор|"
        r"консультаци\w*"
    ),
    "SUPPORT": r"поддерж\w*|приветствовал\w*|поздравил\w*|признал\w*",
    "ACCUSE": (
        r"осудил\w*|обвинил\w*|обвиняет|раскритиковал\w*|критиковал\w*|"
        r"назвал\w* (?:\w+ )?фальсификац\w*"
    ),
    "REQUEST": r"призвал\w*|призывает|потребовал\w*|требу\w*|попросил\w*",
    "REJECT": r"отказал\w*|отверг\w*|не признал\w*|отклонил\w*",
    "THREATEN": r"угрож\w*|пригрозил\w*|предупредил\w*",
    "SANCTION": r"санкци\w*|выслал\w*|отозвал\w* посла|закрыл\w* границ\w*",
    "AID": r"гуманитарн\w+ помощ\w*|помощ\w*",
    "MOBILIZE": r"мобилиз\w*|стянул\w*|переброс\w*|в состояние (?:повышенной )?готовности",
    "SAY": (
        r"заявил\w*|заявлени\w*|сообщил\w*|выразил\w* (?:обеспокоенност|озабоченност|надежд)\w*|"
        r"сказал\w*|отметил\w*"
    ),
}

KY: dict[str, str] = {
    "protest": r"митинг\w*|пикет\w*|нааразылык\w*|чогулу?[пш]\w*|демонстрац\w*|акци\w*|нааразы\w*",
    "riot": r"баш аламандык\w*|башаламандык\w*|тополоң\w*|массалык тартипсиздик\w*",
    "storm": r"басып ал\w*|ээлеп ал\w*|кирип ал\w*|штурм\w*|басып кир\w*",
    "burn": r"өрттө\w*|күйгүз\w*|өрт\w*",
    "shell": r"миномет\w*|артиллерия\w*|ракета\w*",
    "air": r"дрон\w* (?:\w+ )?сокку\w*|аба соккусу\w*|авиасокку\w*|учкучсуз\w*",
    "agreement": r"макул болушт\w*|келишимге кол кой\w*|ок атышууну токтот\w*",
    "loot": r"талап-тоно\w*|тоно\w*|талап кет\w*",
    "vandal": r"талкала\w*|кыйрат\w*",
    "disperse": r"тарат\w*|көздөн жаш агызуучу\w*|үн гранат\w*|светошумов\w*",
    "arrest": r"кармал\w*|камак(?!тан)\w*|камал\w*|кармады\w*|кармашты\w*|кармап\w*|суракка",
    "kill": r"өлтүр\w*|атып салы\w*",
    "dead": r"каза бол\w*|курман бол\w*|кайтыш бол\w*|набыт бол\w*|өлүк\w*|өлдү\w*",
    "injure": r"жаракат\w*|жарадар\w*|ооруканага\w*",
    "shoot": r"ок чыгар\w*|аткыла\w*|атышты\w*|ок ат(?!\w* \w*токто)\w*",
    "attack": r"кол салу\w*|кол сал\w*|чабуул\w*|сабап\w*|сабады\w*",
    "clash": r"кагылыш\w*|атышуу(?!\w* \w*токто)\w*|салгылаш\w*|жаңжал\w*",
    "release": r"бошот\w*|абактан чыгар\w*|эркиндикке чыгар\w*|абактан чыкты",
    "resign": r"отставка\w*|кызматтан кет\w*|ордунан кет\w*|кызматын тапшыр\w*|кызматтан бошот\w*",
    "appoint": r"дайында\w*|шайлан\w*|бекитил\w*|милдетин аткаруучу",
    "annul": r"жараксыз деп табыл\w*|жараксыз деп тап\w*|күчүн жоготту\w*",
    "results": r"шайлоонун жыйынтыг\w*|добуш алган\w*|добуштардын жыйынтыг\w*",
    "election_held": r"шайлоо (?:\w+ )?өттү\w*|шайлоо болуп өттү\w*|добуш бер\w*",
    "emergency": r"өзгөчө абал\w*|өзгөчө кырдаал\w*",
    "curfew": r"коменданттык саат\w*",
    "CONSULT": r"сүйлөш\w*|жолугуш\w*|талкуула\w*",
    "SUPPORT": r"колдо\w*",
    "ACCUSE": r"айыпта\w*|айыптады\w*|сынга ал\w*",
    "REQUEST": r"талап кыл\w*|чакыр\w*",
    "THREATEN": r"коркут\w*",
    "SAY": r"билдир\w*|мәлимдеме\w*|маалымдады\w*|айтты\w*|билдирүү\w*",
}

PHYSICAL = frozenset({
    "protest", "riot", "mob", "stone", "burn", "storm", "vandal", "loot", "block", "barricade",
    "disperse", "crowd",
    "arrest", "kill", "shoot", "attack", "clash", "air", "shell", "ied", "suicide", "grenade",
    "chemical", "sexual", "abduct", "capture", "retake", "withdraw", "unopposed", "base",
    "disrupt",
    "agreement", "change_group",
})
WEAK = frozenset({"dead", "injure"})
POLITICAL = frozenset({
    "resign", "appoint", "annul", "results", "election_held", "release", "emergency", "curfew",
    "impeach", "postpone",
})
SPEECH = frozenset({
    "CONSULT", "SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "AID", "AGREE",
    "MOBILIZE", "SAY",
})

# Sport and markets borrow the words of violence ("stormed to victory", "rockets on prices").
NOT_POLITICAL = re.compile(
    r"\b(?:victory|match|goals?|league|cup|tournament|championship|stadium|fans|team|shares|"
    r"stocks?|index|prices?|markets?|investors|earnings|quarterly|матч|турнир|акци[ий] компании|"
    r"биржа\w*|футбол\w*|клуб\w*|чемпион\w*|атаандаш\w*|эсебинде|со сч[её]том|зрител\w*|болельщик\w*)\b", re.I)  # noqa: E501

# Words that make deaths and injuries non-political: accidents, disasters, illness.
ACCIDENT = re.compile(
    r"\b(?:accident|crash(?:ed)?|collision|flood\w*|earthquake|landslide|storm surge|hurricane|"
    r"cyclone|typhoon|drown\w*|covid|coronavirus|pandemic|disease|illness|cholera|heat ?wave|"
    r"stampede|avalanche|wildfire|lightning|ammonium nitrate|gas leak|gas explosion|industrial|mudslide|авари\w*|ДТП|наводнени\w*|землетрясени\w*|"  # noqa: E501
    r"пандеми\w*|коронавирус\w*|кырсык\w*|жер титирөө)\b",
    re.I,
)

_TABLES = {"en": EN, "ru": RU, "ky": KY}

# words before "grenade" that make it a crowd-control weapon, not an explosive attack
_CROWD_CONTROL = re.compile(
    r"(?:stun|flash|flash-bang|smoke|tear[- ]?gas|sound|noise|светошумов\w*|светозвуков\w*|"
    r"шумов\w*|слезоточив\w*|дымов\w*|үн|түтүн|көздөн жаш агызуучу)\s+$", re.I)


@functools.cache
def compiled(lang: str) -> dict[str, re.Pattern[str]]:
    """Cue name → compiled regex for a language (English for languages without a table)."""
    table = _TABLES.get(lang, EN)
    return {name: re.compile(B + "(?:" + rx + ")", re.I) for name, rx in table.items()}


@functools.cache
def prefilter(lang: str) -> re.Pattern[str]:
    """One regex that matches any cue: a sentence without a match reports no event."""
    table = _TABLES.get(lang, EN)
    names = [n for n in table if n != "SAY"]
    parts = ["(?:" + table[n] + ")" for n in names]
    if lang in ("ru", "ky"):
        parts.append("(?:" + LEMMA_GATE.pattern + ")")
    return re.compile(B + "(?:" + "|".join(parts) + ")", re.I)


def find_cues(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Every cue in a text as (cue name, start, end), in text order."""
    out = []
    for name, rx in compiled(lang).items():
        for m in rx.finditer(text):
            out.append((name, m.start(), m.end()))
    if lang in ("ru", "ky"):  # Russian-language passages inside Kyrgyz texts and vice versa
        other = "ky" if lang == "ru" else "ru"
        seen = {n for n, _, _ in out}
        for name, rx in compiled(other).items():
            if name in seen:
                continue
            for m in rx.finditer(text):
                out.append((name, m.start(), m.end()))
    if any(c[0] == "grenade" for c in out):  # stun and tear-gas grenades disperse a crowd
        out = [c for c in out if c[0] != "grenade"
               or not _CROWD_CONTROL.search(text[max(0, c[1] - 40):c[1]])]
    if lang in ("ru", "ky") and _CYRILLIC.search(text):
        extra = lemma_cues(text)
        if extra:
            turned = {(s, n) for n, s, _ in extra}
            # "освобождён от должности": a dismissal, not a release from custody
            out = [c for c in out if not (c[0] == "release" and any(
                s <= c[1] < e for n, s, e in extra if n == "resign"))]
            have = {(n, s) for n, s, _ in out}
            out += [c for c in extra if (c[0], c[1]) not in have and (c[1], c[0]) in turned]
    out.sort(key=lambda c: (c[1], c[2]))
    return out
