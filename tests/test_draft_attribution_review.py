"""Quotations in invented reporting that are hard to attribute: two people of the same
sex, spokespeople and analysts beside the leaders, descriptions two people fit, quotations
standing alone after someone else was named, quotations that run on. Each case gives the
speakers a careful reader would name, in order, "-" where the text leaves a choice (the drafter
must then say "Unidentified speaker" with a note, never another person). "{M}" and the like
stand for the opening paragraph below. Cases marked "was wrong" gave words to the wrong person
before the attribution review. Lines of a paragraph are joined with a space."""

from __future__ import annotations

import re

import pytest

from tests.test_draft_general import who

HEADS = {
    "M": (
        "President Anna Kovac of Ruritania met Prime Minister Tomas Berg of Freedonia in "
        "Vallis on Monday."
    ),
    "M2": (
        "Prime Minister Tomas Berg of Freedonia met President Ivan Petrov of Ruritania in "
        "Vallis on Monday."
    ),
    "N": (
        "OSLO, March 4 (Wire) - Norwegian Prime Minister Tomas Berg met Russian President "
        "Ivan Petrov in Oslo on Monday."
    ),
    "K": (
        "TOKYO (Wire) - Japanese Prime Minister Kenji Sato held talks with Philippine "
        "President Rosa Cruz in Tokyo on Friday."
    ),
}

CASES = """
== 01 he added after paragraph naming two men (was wrong) => -
{M2}
Berg thanked Petrov for the visit, and Petrov praised Berg's leadership.

"We will work together," he added.
== 02 spokesperson speaks for leader => lasko
{M}
"The talks were frank," Berg's spokesman Ivo Lasko told reporters.
== 03 aide speaks => -
{M}
"The president is satisfied," an aide to Kovac said.
== 04 analyst beside participants => novak
{M}
"This is a turning point," said Marta Novak, an analyst at the Vallis Institute.
== 05 quote followed by unattributed paragraph quote, analyst before => novak novak
{M}
Kovac called the meeting historic.

"Nobody expected this," said Marta Novak, a professor at Vallis University.

"It will change the region for years to come."
== 06 the president when two presidents (was wrong) => -
President Anna Kovac of Ruritania met President Eva Lind of Freedonia in Vallis on Monday.

"We have no better friend," the president said.
== 07 his counterpart ambiguous => petrov
{M2}
After the talks, "Our ties are strong," his counterpart said.
== 08 ministry statement => -
{M}
"The visit opened a new chapter," the Ruritanian foreign ministry said in a statement.
== 09 outlet citing someone not in cast => -
{M}
"The deal is done," Reuters reported, citing a senior official.
== 10 subordinate clause person => lasko
{M}
Minister Ivo Lasko, who met Berg last week, said: "We are ready."
== 11 mentioned-only leader next to speaker => holm
Foreign Minister Ivo Lasko of Ruritania met Foreign Minister Jan Holm of Freedonia in Vallis
on Monday.

President Anna Kovac guided the talks, officials said. "We want peace," Holm said.
== 12 inverted order => berg
{M}
'We want peace,' said Berg.
== 13 possessives => -
{M}
Kovac's remarks drew praise. "We will never forget this day."
== 14 passive => -
{M}
"The border will reopen," it was said by officials.
== 15 two women in paragraph, she said => kovac
President Anna Kovac of Ruritania met Chancellor Eva Lind of Freedonia in Vallis on Monday.

Kovac told Lind that the border would reopen. "We are friends," she said.
== 16 quote in quote => kovac
{M}
"When Berg told me 'we are ready', I believed him," Kovac said.
== 17 unclosed quote runs over paragraphs, closes at someone's attribution => berg berg
{M}
Berg said the talks had gone well.

"We agreed on trade and on energy.

"We will meet again in spring," Berg said.
== 18 quote standing alone after an analyst spoke in previous paragraph => novak -
{M}
"Both sides wanted a result," said Marta Novak of the Vallis Institute.

Kovac and Berg signed three agreements.

"This is only a beginning."
== 19 ALSO READ chrome between => kovac kovac
{M}
"We are satisfied," Kovac said.

ALSO READ: Freedonia elects new parliament

"The talks were useful."
== 20 British single quotes surname only => kovac kovac
VALLIS, June 3 (Wire) - Ruritanian President Anna Kovac met Freedonian Prime Minister Tomas
Berg on Tuesday.

'We have turned a page,' Kovac told reporters. 'Nobody can stop this.'
== 21 the prime minister's office => -
{M}
"The meeting was productive," the prime minister's office said.
== 22 mentioned in subordinate then he said => berg
{M2}
Berg, who met Petrov last week in Oslo, arrived late. "We are here to listen," he said.
== 23 two men, 'he said' after object mention => berg
{M2}
Berg said Petrov had asked for more time. "We cannot wait forever," he said.
== 24 quote at start, attribution later with two names => berg
{M2}
"We will respond," Berg warned Petrov.
== 25 told => petrov
{M2}
Petrov told Berg: "You are welcome here."
== 26 according to analyst => (no quotation)
{M}
According to Marta Novak, a professor in Vallis, "the meeting changes little".
== 27 spokesperson named with the leader after the quote => lasko
{M}
"Kovac is satisfied with the talks," presidential spokesman Ivo Lasko said.
== 28 ministry readout, speaker role => yi blinken
BEIJING — Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken on
Friday, according to a readout from the Chinese foreign ministry.

Wang said the two sides should "manage differences responsibly and avoid conflict".

Blinken said "we will keep lines of communication open".
== 29 Xi guided, Wang speaks => lavrov
BEIJING — Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov on
Friday.

Under the guidance of President Xi Jinping, relations have grown, Wang said. "Our
partnership is solid," Lavrov said.
== 30 possessive and next quote => -
{M}
Berg's aide said the prime minister was tired. "He needs rest," the aide added.
== 31 one woman, one man, analyst woman => novak
President Anna Kovac of Ruritania met Prime Minister Tomas Berg in Vallis.

Marta Novak, an analyst, said Kovac had won little. "She came home empty-handed," she said.
== 32 he added after two-men paragraph with quote => berg berg
{M2}
"We agreed on energy," Berg said after meeting Petrov, who called the talks useful.

"There is much more to do," he added.
== 33 bare quote after a paragraph of indirect speech => berg petrov
{M2}
"Our trade will grow," Berg said.

Petrov said the sides would sign an accord in spring.

"This is our goal."
== 34 counterpart with two meetings (was wrong) => -
{M2}
Petrov later met Chancellor Eva Lind of Germany.

"We are close partners," his counterpart said.
== 35 the Freedonian leader => -
{M2}
"We respect our neighbours," the Freedonian leader said.
== 36 outlet cites Petrov => petrov
{M2}
"We are ready for dialogue," Tass reported, citing Petrov.
== 37 said X in inverted order, then standalone quote in next para => petrov berg berg
{M2}
"We are ready," said Petrov.

"We have waited long enough," said Berg. "Now is the time."
== 38 quote, then a paragraph with a new speaker's indirect statement by pronoun => petrov
{M2}
Berg praised the host. Petrov, in turn, thanked Berg.

"It was a fine day," he told reporters.
== 39 the leaders => joint
{M2}
"We share a future," the two leaders said in a joint statement.
== 40 a quote before which a person is mentioned as object of 'met' (was wrong) => -
{M2}
After meeting Berg, a senior official said: "The mood was warm."
== 41 a mid-sentence quote, analyst in sentence with participant mentioned => novak
{M2}
Analyst Marta Novak said Berg had "won the argument on energy and lost the one on trade".
== 42 'he said' where subject is spokesperson => lasko
{M2}
Ivo Lasko, a spokesman for Berg, briefed reporters. "The prime minister is pleased," he
said.
== 43 sentence before about Petrov, last speaker Berg, 'the prime minister' unambiguous => berg berg
{M2}
"We are ready," Berg said. Petrov nodded.

"Let us begin," the prime minister said.
== 44 Newspaper quoting => berg
{M2}
"We have a deal," Berg told The Times.
== 45 unclosed quote closes at another person => berg petrov petrov
{M2}
"We spoke about energy," Berg said.

"And about gas prices.

"Nothing was agreed," Petrov said.
== 46 minister with two ministers (was wrong) => -
Foreign Minister Ivo Lasko of Ruritania met Foreign Minister Jan Holm of Freedonia in Vallis
on Monday.

"We have agreed on a road map," the minister said.
== 47 the Ruritanian minister disambiguates => -
Foreign Minister Ivo Lasko of Ruritania met Foreign Minister Jan Holm of Freedonia in Vallis
on Monday.

"We have agreed on a road map," the Ruritanian minister said.
== 48 quote after paragraph with the host quoted through an office => -
{M2}
"Relations are at their best," Petrov's office quoted him as saying.
== 49 she said after a sentence that names only an analyst: the analyst => berg novak
{M2}
"We are ready," Berg said.

Marta Novak, an analyst at the Vallis Institute, said the talks had been difficult. "Nobody
gave ground," she said.
== 50 wire: X quoted by state media => wen
MOSCOW, May 2 (Wire) - Russian President Ivan Petrov met Chinese President Li Wen in Moscow
on Thursday.

"Our friendship has no limits," Li was quoted as saying by state news agency Xinhua.
== 51 the two presidents, later "the Russian president" => petrov
MOSCOW, May 2 (Wire) - Russian President Ivan Petrov met Chinese President Li Wen in Moscow
on Thursday.

"We will build a pipeline," the Russian president said.
== 52 Petrov and Li with "the president" after sentence about both (was wrong) => -
MOSCOW - Russian President Ivan Petrov met Chinese President Li Wen in Moscow on Thursday.

Petrov welcomed Li at the Kremlin, and Li thanked him.

"This is a historic day," the president said.
== 53 she added two women (was wrong) => -
President Anna Kovac of Ruritania met Chancellor Eva Lind of Freedonia in Vallis on Monday.

Kovac spoke first, and Lind replied at length.

"We are not afraid," she added.
== 54 single quotes, said Wang inverted, two Chinese => lei
BEIJING — Chinese Premier Li Wen met Foreign Minister Wang Lei of Ruritania.

'We respect each other,' said Wang.
== 55 a ministry spokesperson named => lind
{M2}
Freedonian foreign ministry spokeswoman Eva Lind said: "The visit was a success."
== 56 quote with trailing "Berg's spokesman said" => -
{M2}
"No deal was signed," Berg's spokesman said.
== 57 quote with "sources close to Petrov said" => -
{M2}
"He was angry," sources close to Petrov said.
== 58 Berg told Petrov's envoy => berg
{M2}
Berg told Petrov's envoy, Ivo Lasko, that "the door remains open to all of you".
== 59 Bare quote after paragraph where an aide spoke indirectly => berg -
{M2}
"We are satisfied," Berg said.

An aide to Petrov said the Russian side had expected more.

"It was a wasted day."
== 60 quote before 'a statement from Berg's office said' => -
{M2}
"The prime minister welcomed the progress," a statement from Berg's office said.
== 61 real country description => berg
{N}
"We respect our neighbours," the Norwegian leader said.
== 62 participle clause with another person as object => berg
{N}
Berg welcomed Petrov at the airport, calling the visit "a sign of a new era in our
relations".
== 63 participle clause, subject is an analyst (was wrong) => -
{N}
Analyst Marta Novak criticised Berg, calling the visit "a gift to the Kremlin and nothing
more".
== 64 Petrov urged Berg to, with quote => petrov
{N}
Petrov urged Berg to "look beyond the disputes of the past and build a common future".
== 65 quote, then 'according to Berg' later sentence => -
{N}
The two sides signed a fisheries deal. "This is good for our coastal towns," according to a
government statement.
== 66 an outlet tag with no citation => -
{N}
"The talks lasted three hours," NRK reported.
== 67 said after a plural => -
{N}
"The visit is a mistake," opposition lawmakers said.
== 68 standing alone after an outlet tag => - -
{N}
"The talks lasted three hours," NRK reported.

"Both leaders looked tired."
== 69 two quotes same sentence with two speakers => berg petrov
{N}
"We want peace," Berg said, while Petrov said "security comes first for Russia and always
will".
== 70 In his view after sentence naming two => berg
{N}
Berg met Petrov and his delegation. In his view, "the talks were a useful first step for
both of us".
== 71 he said after sentence about Berg meeting an outsider, last speaker Petrov => petrov -
{N}
"We came in good faith," Petrov said.

Berg later met opposition leader Ivo Lasko. "We will not give in," he said.
== 72 "the two men" after statement => -
{N}
"There is no alternative to dialogue," the two men said.
== 73 unclosed quote, next para opens, closes with description of a nonparticipant => novak novak
{N}
"The visit was a mistake from the start.

"Nobody in Oslo wanted it," said Marta Novak, a lawmaker.
== 74 ministry readout style: X noted that => lasko
The Ministry of External Affairs said Minister Ivo Lasko met Secretary Jan Holm in Delhi.
Lasko noted that "our partnership is built on trust and shared values".
== 75 Holm 'was quoted by' outlet => holm
Minister Ivo Lasko of India met Secretary Jan Holm of the United States in Delhi.

"We trust each other," Holm was quoted as saying by the Hindu.
== 76 spokesperson for whom, then he said => mori mori
{K}
Chief Cabinet Secretary Ken Mori told reporters the talks were "productive". "Japan stands
with the Philippines," he said.
== 77 Mr Sato, Ms Cruz honorifics, she (was wrong) => cruz
{K}
Mr Sato praised Ms Cruz, and Ms Cruz thanked Japan. "We will not forget this," she said.
== 78 quote before paragraph with two speakers, then he added => sato sato
{K}
"The sea is our lifeline," Sato said, as Cruz nodded.

"We must keep it open," he added.
== 79 "Cruz's government said" => party
{K}
"The agreement strengthens our defence," Cruz's government said.
== 80 two quotes paragraph, second after narration about the other => sato -
{K}
"We are partners," Sato said. Cruz smiled. "And friends."
== 81 unnamed experts => -
{K}
"This is a response to China," said one diplomat who asked not to be named.
== 82 a named expert after, then 'he said' pronoun => ueda ueda
{K}
"This is about China," said Taro Ueda, a professor at Keio University. "Both leaders know
it," he said.
== 83 a quote where the verb is after with "the leaders" => joint
{K}
"The seas must stay free," the leaders said.
== 84 quote within quote, speaker Cruz quoting Sato => cruz
{K}
Cruz said: "Sato told me, 'You are not alone,' and I believe him."
== 85 Sato and the Philippine leader => cruz
{K}
"Our coast guards will train together," the Philippine leader said.
== 86 standing alone after a paragraph where another person was named (not spoken) => sato -
{K}
"We are partners," Sato said.

Cruz arrived later from Manila with Defence Secretary Jose Reyes.

"The alliance is strong."
== 87 a bare quotation after a sentence where another speaks indirectly (was wrong) => sato -
{K}
"We are partners," Sato said. Cruz said the Philippines agreed. "We need each other."
== 88 unclosed quote closes at a different speaker in next paragraph => cruz
{K}
Sato opened the meeting: "Welcome to Tokyo.

"Thank you," Cruz replied.
== 89 the president after only one president but a former president is mentioned => -
{K}
Cruz's predecessor, former President Luis Santos, had opposed the pact.

"We see things differently," the president said.
== 90 Sato's remarks possessive then standalone => -
{K}
Sato's remarks were welcomed in Manila. "Japan is a true friend."
== 91 speaker in inverted order with title => cruz
{K}
"Japan is a true friend," said President Cruz.
== 92 X, quoting Y, said (was wrong) => -
{K}
Mori, quoting Sato, said: "We will never abandon our friends."
== 93 a former official recalls => lim
{K}
"When I met Sato in 2019, he said 'we will defend the sea'," recalled former ambassador Ana
Lim.
== 94 'he told' after a paragraph where one man speaks for another (was wrong) => -
{K}
Mori said Sato had asked for calm. "Tensions help nobody," he told a briefing.
== 95 "Japan's Sato said" => sato
{K}
"We will act," Japan's Sato said.
== 96 run-on quotation closed at another than the one named before it (was wrong) => - cruz
{K}
Sato greeted Cruz at the door of his office. "Welcome to Tokyo, my friend.

"Our friendship is old," Cruz said.
== 97 unclosed quote standing alone, closed at the same person => sato sato sato
{K}
"We have much to discuss," Sato said.

"The sea, trade, energy.

"And our people," Sato said.
== 98 participle clause after two named, the subject an aide (was wrong) => -
{N}
An aide to Berg briefed Petrov's team, describing the plan as "a bridge between our two
countries".
== 99 same-sentence second quote after another person named between => berg petrov
{N}
"We want calm," Berg said, before Petrov replied that the sea was "a shared home for all our
peoples".
== 100 told + object person => petrov
{N}
Petrov told Berg's envoy that "nothing will change until the sanctions are lifted".
== 101 Berg's counterpart => -
{N}
"We came to listen," Berg's counterpart said.
== 102 the Kremlin said => party
{N}
"The talks were constructive," the Kremlin said.
== 103 an ex-leader quoted => lund
{N}
Former Prime Minister Erna Lund, who negotiated with Petrov in 2015, said: "He never
changes."
== 104 she after an ex-leader was named as object => berg -
{N}
"We need Russia's gas," Berg said.

He was criticised by former Prime Minister Erna Lund. "This is a mistake," she said.
== 105 Berg and Petrov both women? he said after paragraph with Berg and an unnamed man => berg
{N}
Berg met the Russian delegation, led by Petrov, in the morning. "We start today," he said.
"""


def _cases() -> list[tuple[str, str, list[str | None]]]:
    found = []
    for case in CASES.split("== ")[1:]:
        title, _, body = case.partition("\n")
        name, _, said = title.partition(" => ")
        words = [] if said == "(no quotation)" else said.split()
        expected = [None if s == "-" else s for s in words]
        paragraphs = [" ".join(p.split("\n")) for p in body.strip().split("\n\n")]
        text = "\n\n".join(paragraphs)
        text = re.sub(r"^\{(\w+)\} ", lambda m: HEADS[m.group(1)].strip() + "\n\n", text)
        found.append((name, text, expected))
    return found


@pytest.mark.parametrize(("name", "text", "expected"), _cases(), ids=lambda v: str(v)[:2])
def test_speaker(name: str, text: str, expected: list[str | None]) -> None:
    # None: unidentified, with a note for the reviewer; never another person.
    assert who(text) == expected, name


def test_every_case_is_read() -> None:
    assert len(_cases()) == 105
