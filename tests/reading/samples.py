"""Sample texts written for sitroom's tests (never from a real outlet), on October 2020's events."""

EN_WIRE = """Protesters seize government headquarters in Bishkek after disputed vote

Thousands of demonstrators broke into the main government building in Bishkek overnight on Tuesday,
a day after a parliamentary election that opposition parties say was rigged through vote buying.

Police had used water cannon, stun grenades and tear gas to push crowds back from Ala-Too square
late on Monday evening, but by midnight the security forces had withdrawn from the area around the
building known as the White House. Windows on the lower floors were smashed and several offices
were set on fire, according to people who were at the scene.

Health officials said one person had been killed and more than five hundred people had sought
medical help during the night, including dozens of police officers. The figures could not be
independently verified.

Supporters of the opposition later freed several politicians from detention, among them former
president Almazbek Atambayev and the nationalist politician Sadyr Japarov, who had been serving a
prison sentence for hostage taking.

The central election commission said on Tuesday morning that it was studying complaints from
twelve parties that took part in the vote and did not rule out annulling the results. Only four
parties had passed the seven percent threshold needed to enter parliament, three of them seen as
close to the president.
"""

# The same wire story re-run elsewhere: a different headline, a rewritten intro, a trailing source.
EN_COPY = """Kyrgyz opposition storms White House as post-election anger boils over

Crowds angered by the results of Sunday's parliamentary vote forced their way into the seat of
government in the Kyrgyz capital in the early hours of Tuesday, witnesses said.

Police had used water cannon, stun grenades and tear gas to push crowds back from Ala-Too square
late on Monday evening, but by midnight the security forces had withdrawn from the area around the
building known as the White House. Windows on the lower floors were smashed and several offices
were set on fire, according to people who were at the scene.

Health officials said one person had been killed and more than five hundred people had sought
medical help during the night, including dozens of police officers. The figures could not be
independently verified.

Supporters of the opposition later freed several politicians from detention, among them former
president Almazbek Atambayev and the nationalist politician Sadyr Japarov, who had been serving a
prison sentence for hostage taking.

The central election commission said on Tuesday morning that it was studying complaints from
twelve parties that took part in the vote and did not rule out annulling the results. Only four
parties had passed the seven percent threshold needed to enter parliament, three of them seen as
close to the president.

Source: Sample Wire Service
"""

# Another story about the same night, told independently: same names and places, other words.
EN_OTHER = """Night of unrest in Bishkek leaves one dead as parliament result is challenged

Bishkek woke on Tuesday to burnt-out offices and broken glass at the White House, the building
that houses both the presidency and parliament, after hours of clashes between police and young
men who had gathered on Ala-Too square to denounce Sunday's vote.

The health ministry reported one death and said about 590 people, police among them, were treated
for injuries. Doctors at the city's emergency hospital described wounds from rubber bullets and
breathing problems caused by gas.

Crowds also went to the state security committee, where Sadyr Japarov was being held, and left
with him before dawn. Almazbek Atambayev, the former president jailed in June, was released from
another detention centre in the south of the city.

President Sooronbay Jeenbekov, in a video address, called the unrest an attempt to seize power
illegally and asked party leaders to calm their supporters. By noon the election commission had
announced that it would annul the results of the vote, and opposition groups began arguing over
who should lead an interim government.
"""

RU_WIRE = """Протестующие захватили Белый дом в Бишкеке

Несколько тысяч человек ночью во вторник ворвались в здание правительства Киргизии в Бишкеке после
парламентских выборов, итоги которых оппозиция называет сфальсифицированными.

Вечером в понедельник силовики применили водомёты, светошумовые гранаты и слезоточивый газ, чтобы
оттеснить людей с площади Ала-Тоо, однако к полуночи сотрудники милиции покинули территорию вокруг
здания. Окна на нижних этажах были разбиты, в нескольких кабинетах начался пожар, рассказали
очевидцы.

По данным министерства здравоохранения, один человек погиб, за медицинской помощью обратились более
пятисот человек, в том числе десятки сотрудников милиции. Независимо проверить эти данные пока не
удалось.

Сторонники оппозиции освободили из-под стражи нескольких политиков, среди них бывшего президента
Алмазбека Атамбаева и Садыра Жапарова, который отбывал наказание по делу о захвате заложников.

Центральная избирательная комиссия во вторник утром сообщила, что изучает жалобы двенадцати партий,
участвовавших в выборах, и не исключила отмену итогов голосования. Семипроцентный барьер
преодолели лишь четыре партии, три из которых считаются близкими к президенту.
"""

RU_COPY = """В Киргизии оппозиция заняла здание правительства

БИШКЕК, 6 окт - Пример Агентства. Участники акции протеста против итогов выборов в парламент в ночь
на вторник заняли Дом правительства в столице республики.

Вечером в понедельник силовики применили водомёты, светошумовые гранаты и слезоточивый газ, чтобы
оттеснить людей с площади Ала-Тоо, однако к полуночи сотрудники милиции покинули территорию вокруг
здания. Окна на нижних этажах были разбиты, в нескольких кабинетах начался пожар, рассказали
очевидцы.

По данным министерства здравоохранения, один человек погиб, за медицинской помощью обратились более
пятисот человек, в том числе десятки сотрудников милиции. Независимо проверить эти данные пока не
удалось.

Сторонники оппозиции освободили из-под стражи нескольких политиков, среди них бывшего президента
Алмазбека Атамбаева и Садыра Жапарова, который отбывал наказание по делу о захвате заложников.

Центральная избирательная комиссия во вторник утром сообщила, что изучает жалобы двенадцати партий,
участвовавших в выборах, и не исключила отмену итогов голосования. Семипроцентный барьер
преодолели лишь четыре партии, три из которых считаются близкими к президенту.

Источник: Пример Агентства
"""

RU_OTHER = """Ночь беспорядков в Бишкеке: один погибший, сотни раненых

Утром во вторник у Белого дома в Бишкеке остались сгоревшие кабинеты и битое стекло. Всю ночь на
площади Ала-Тоо молодые люди, недовольные итогами воскресного голосования, сталкивались с милицией.

Минздрав сообщил об одном погибшем и почти шестистах пострадавших, среди которых есть и сотрудники
правоохранительных органов. Врачи городской больницы скорой помощи рассказали о ранениях резиновыми
пулями и отравлениях газом.

Часть толпы направилась к зданию ГКНБ, где содержался Садыр Жапаров, и до рассвета вывела его на
свободу. Бывший президент Алмазбек Атамбаев, арестованный летом, вышел из другого следственного
изолятора.

Президент Сооронбай Жээнбеков в видеообращении назвал происходящее попыткой незаконного захвата
власти и призвал лидеров партий успокоить сторонников. К полудню избирательная комиссия объявила о
признании итогов выборов недействительными, а оппозиционные группы начали спорить о составе
временного правительства.
"""
