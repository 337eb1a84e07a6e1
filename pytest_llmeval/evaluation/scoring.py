"""Keyword-coverage scoring: pure functions, no model, no pytest.

A key point is covered when its name or a synonym occurs in the answer after
normalisation (NFKC + casefold, whitespace collapsed). Thinking is removed first.
A form that contains a number is matched as a number (`numbers.py`: 120 is not 20,
1,200万元 is 1200万元); a form is never matched inside a longer word (SQL is not in
MySQL; GPUs is GPU); a `regex:` key point is matched by its regular expression.
A form right after a negation (不/非/未/无/没有/不是/不到..., "not", "no", "non-") is
`negated` and does not count: 不合规 says the opposite of 合规, 没有分公司 claims no 有分公司; so is a figure offered
only as one of several values (20个月或24个月: v15; 18/20/24个月, 在18个月、20个月、24个月之间: v16).
The echo guard finds the answer's verbatim copies (at least `n` normalised
characters long, punctuation not compared) of a copied source - the question,
the system prompt or, with RAG, the retrieved context; a key point whose every
occurrence lies inside one such copy is `echoed` and does not count.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from .numbers import (
    CN_DIGITS,
    EN_ONES,
    EN_TEENS,
    EN_TENS,
    NUMERAL_CHARS,
    Found,
    NumberForms,
    NumberPattern,
    Pattern,
    RegexPattern,
    RegexTimeout,
    TextPattern,
    alternatives,
    chinese_value,
    compile_variant,
    compound_duration,
    date_twins,
    duration_alternatives,
    duration_twins,
    number_words_as_digits,
    regex_time_limit,
    spaced_out,
    standard_twins,
    user_regex_search,
    words_at,
)
from .scenarios import Case, KeyPoint, ScenarioError

SCORER_NAME = "keyword_coverage"
# 2: numbers matched as numbers (digit boundaries, units, separators), regex key points.
# 3: a key point that starts or ends with a letter is not matched inside a longer word (SQL in MySQL), and a
#    key point or forbidden claim right after a negation does not count (不合规 for 合规, not compliant).
# 4: a number written after 百分之 is a percentage (百分之3.5 covers 3.5%); a two-digit zero-padded hour, month or
#    day is its number (09:00 covers 9:00, 03月 covers 3月).
# 5: a quantity key point is not the first part of a longer quantity: 一年 is not in 一年半, 3点 not in 3点15分 or
#    三点五, 2小时 not in 2小时30分钟, 半小时 not in 两个半小时, 2 hours not in 2 hours 30 minutes, 20个月 not in
#    20个月至30个月 (a range).
#    (v5 also read a comparative before a number as another number: 超过20个月 did not cover 20个月.)
# 6: a comparative before a number no longer hides it: 超过12分钟 covers 12分钟 again. A bound states the figure,
#    and the scenarios' own knowledge base words figures so ("平均排队时间超过12分钟" for the point 12分钟): v5
#    failed an answer that quoted it. Negations (不到, 不止, 不超过) still do not count.
#    Figures as models write them: Markdown and LaTeX marks are removed before matching (**20**个月, $20$ 个月, 50\%);
#    负 and – are minus signs (负50% is not 50%); a denominator is no figure (1/2小时 is not 2小时); a unit that goes on
#    into a longer one is another unit (27个 is not in 27个月, 20分 not in 20分钟); 统一年度 and 同一年 hold no 一年;
#    数十万 is no 十万; 二〇〇五年 is 2005年 (chinese_numerals); 500多台 and 1200余万元 state 500台 and 1200万元;
#    不满, 没到, 未达, 未到, 达不到 negate as 不到 and 未满 do; 不得不 and 无不 affirm.
# 7: a forbidden claim counts only where it is asserted (not after a question, condition or uncertainty cue in its
#    part of the clause: 是否已通过PCI DSS, 没有公开信息表明已通过, 认证编号是否 (a cue overlapping it); nor in a
#    question: 已通过PCI DSS吗？ - unless answered yes: 吗？是的); a part ends at a comma, 、, a colon, a dash or an
#    opening bracket (是否通过PCI DSS认证：已通过... claims it); 不知道/不清楚/不确定 are cues only after the speaker
#    and adverbs (您可能不知道X presupposes X); a negation reaches over quotes, one filler and an article
#    (不是约20个月, 不“合规”, not fully compliant, not a 20-month payback), 不一定/不算/谈不上/rather than... negate,
#    无非/莫非/除非 do not, 20个月都不到 is negated where the phrase ends (not 150万元不到两年即可收回), 不止/不只
#    negate only a figure (a number pattern, or Chinese numerals and units: not 零售, 一体化); the echo guard and
#    the matching of text and number forms ignore spaces next to CJK (已通过 PCI DSS 4.0 认证 has 已通过PCI DSS);
#    a range that ends with the point is not it (12到20个月, 30%~50%, 10–20个月, 12〜20个月, and "-" between
#    quantities of one unit: 30%-50%, 12 - 20个月, unless an "=" makes a subtraction: 120万元-30万元=90万元), a
#    change is no range (24到20个月, rose from 30% to 50%); 百分之五十 is not in 百分之五十点五; 50人 is not in 50人天,
#    50人·天, 50人/月, 20个月 not in 20个月份; ¥/人民币/RMB/CNY before a number (or 人民币/RMB/CNY after it) mean 元,
#    $/US$/USD 美元 - not JP¥/HK¥, nor with another currency or a count after the figure (¥1200万 JPY,
#    人民币1200万笔); 20-month,
#    a 20 month period and 50 percent are 20 months and 50%; a unit in brackets after a number (20（个月）) or in a
#    Markdown table's column header (累计签约金额（万元）, 回收期（月）: 个月, 金额（人民币万元）: 万元; rules of one
#    dash, tables without outer pipes) follows the number. (Not released before these were settled: still 7.)
# 8: a regex is also matched in each Markdown table cell read after its column's header (and, after the first
#    cell, its row's first cell): 年净节省额: 90万 for 90万 under a 年净节省额 column; a row's first cell with a unit in
#    brackets (年净节省（万元）) gives it to the row's bare numbers where the column names none. An uncertainty cue
#    before a colon, about what it introduces (以下, the following; or ending the heading: 无法确认的信息：), scopes
#    over it - the rest of the sentence, or the list (or the one line) below (我无法确认以下信息：- ...) - and one
#    in a Markdown section's title over the section; 需要核实 and
#    more English ones (could not be verified) are cues; 要是, 假使, 假若, 如若, 倘使, 假定, 一旦, 只要, 即使,
#    即便, 就算, 哪怕, 除非, 万一 (not in 三万一千), assuming, suppose, unless, in case, provided that and as long as
#    are conditions, as is a part that ends with 的话 / 的情况下 / 的前提下, and a condition goes on past a comma with a
#    conjunction (如果该版本存在，且已通过...). 数十五个 has 十五个 (a 十 followed by a digit after 数 or 几 is a
#    number); 负 after a party or a distributive word (甲方负30%, 各自负50%, 个人负三成) is "to bear", not a minus.
# 9: a round number followed by 几 is a vague amount, not that number: 十几个 and 10几个 hold no 10, 二十几岁 no 20,
#    一百几十 no 100 (几乎, almost, after a number is no such 几); a ratio to one digit (20:1, 16:9: two digits, a
#    colon, one digit, no unit) holds no figure of its own, as a clock time did in v8 (one digit on each side, 3:1 or
#    问题1:5, stays a label and its figure). A circled or full-stop list marker (①, ⒈, ㉑) is a bracketed label,
#    (1): NFKC had made ①20万元 120万元 and ⒈20万元 1.20万元. LaTeX as reasoning models write it: \boxed{}, \fbox{},
#    \textit{}, \underline{}, \bm{}, \color{red}{} are read like \text{} (nested ones too), \ \; \quad and ~ are
#    spaces in math, and grouping braces in math go ($20{\text{个月}}$). A quantity is not the second part of a longer
#    one either: 8个月 is not in 1年8个月, 1年又8个月 or 一年八个月, 30分钟 not in 1小时30分钟, 20天 not in 1个月20天,
#    8 months not in 1 year and 8 months or a year and 8 months (the larger unit of v5's rule, after a number; not
#    第1年，8个月 or 每年8个月).
#    小时, 钟头, 星期, 礼拜 and 工作日 are the same unit with or without 个 (2个小时 covers 2小时 and back; not 个月 or
#    个季度). A percentage range written with 百分之 is a range (百分之二十到百分之三十, 百分之二十至三十, 百分之20-30
#    hold no 20%). 没有超过, 没超过, 不会超过, 不需要, 用不了 and 要不了 negate (不会超过20个月). With chinese_numerals
#    a numeral in a word that counts nothing is no number: 十分重要 (not 满分十分。, 十分钟), 一次性, 第三方, 一定,
#    一般, 一些, 一切, 一直, 一起, 一样, 一致, 进一步, 两者, 二维码, 五金 (not 一起事故, 仅发生一起). A point in 元 is
#    not a figure the answer names in another currency right after 元 (1200万元港币, 1200万元（港币）, 1200万元新台币,
#    1200万元美金; not 1200万元人民币, 1200万元（港币约1300万）, a next line 美金部分：另计), and a unit
#    that runs into a word is none (20人民币, 3天线, 3天然气; not 3天线上, 3天然后). A
#    label's number before a space and a digit group is no thousands group (方案1 200万元 has 200万元, no 1200万元, as
#    Q1 200万元 had). An em dash where a sign stands is a minus sign (增长率为—20%, ROI：—50%; not after a label it
#    separates: 回本周期—20个月, nor ——20% or the range 10%—20%). A phone number's groups are no figures (400-820-8820,
#    021-1997-8888, 021-19978888, 电话：1997-8888; not 2024-05-20, 2019-2020年, 30-50,
#    1000-2000-3000件). Struck-out text (~~50%~~, <del>, <s>, <strike>) is removed before matching. A vulgar fraction
#    after digits is their fraction (1½年 is 1.5年: NFKC had made it 11⁄2年; 1⅓年 is 1 1/3年). With scale words a mixed
#    number is one value (1亿2000万 and 1亿2千万 are 1.2亿, 1万5000 is 15000, 3千5百 3500; its parts stay no
#    figures), and with chinese_numerals 一千二百多万 is about 1200万 (as 1200多万 is). A standard's name is the same
#    with or without a space between its letters and number (ISO 27001, ISO27001, PCI DSS4.0), and ISO/IEC 27001 is
#    ISO 27001. 南非, 北非, 东非, 西非 and 非洲 are no negations. Honest answers to a trap: 暂无, 尚无, 查不到,
#    没有查到, 未查到, 未经证实, 无法证实, 无法验证, 无从查证, 我不掌握, 没有掌握, 没有证据, 并无公开, 未见 (a
#    record), couldn't / could not find, not aware of, no evidence, could not / cannot verify and unable to confirm
#    are uncertainty markers, and some markers count only in their honest wording: 不确定 (not 不确定性), 没有相关
#    (信息/资料/记录...), 并未 (公开/发布/有相关记录...), 不存在 (where the phrase ends, or before 相关/公开/该...),
#    抱歉 (before 我/目前/无法...), uncertain (not an uncertain market). What the speaker did not find is unasserted:
#    没有查到, 查不到, 未查到, 未找到, 没有找到, 没有关于, 无从查证, could not find, not aware of, no evidence
#    are cues, as are 暂无资料显示, 无证据表明, 目前并无公开证据显示 and 未见...的记录/报道; a quoted claim named
#    as one (“已通过PCI DSS 4.0认证”这一说法, 的说法, 这种说法, 的传言) and disclaims in its sentence (没有公开资料可以
#    证实, 并不准确, 不实) is mentioned, not asserted.
#    A Markdown table's cell border ends a part (| 是否通过PCI DSS 4.0认证 | 已通过PCI DSS 4.0认证 | claims it), and a
#    claim the table disclaims - in its column's header (| 未经证实的说法 |) or another cell of its row (| 无法证实 |,
#    | 否 |) - is not asserted.
#    无法, 未能, 没能, 未曾, 难以, 无从 and 不建议, 不推荐, 不支持, 不提供, 不采用, (暂)不考虑, 不必, 没必要, 不做,
#    不进行 negate (不支持私有化部署; 不得不提供 affirms), as do hasn't, haven't, hadn't, shouldn't, wouldn't,
#    couldn't, no longer, fails to, failed to and unable to, over been, being or currently too (has not been audited),
#    and over two fillers in English (has not yet been audited). A range point's mark is any range mark (3-5天 is
#    3~5天, 3至5天, 3到5天, 3–5天, 3天-5天; 10-20% is 10%至20%).
#    U+2010 and U+2011 (gpt-oss's Anti‑Money) and an en dash between Latin letters are "-", and a hyphen and a space
#    between Latin words are the same (anti-money-laundering covers Anti-Money Laundering). <thinking>...</thinking>
#    is thinking, as <think>...</think> is.
# 10: a negation inside a regex's match that the regex does not ask for negates it (v5.0并未于2024年发布,
#    v5.0没有在2024年发布, v5.0 was never released in 2024; not 未来, 不久, 不出意外 as jieba cuts them, nor one in
#    brackets), and one reaches over an adverb (并未正式通过, 从未真正通过, 并没有实际通过) or a date (并未于2024年通过,
#    并没有在2024年3月通过). A range whose second end goes without the unit is a range (20%到30, 3天到5, 20% to 30: no
#    20% or 3天, and the range points 20-30% and 3-5天; not 20%到30个, 3天到5月底, 20%到30万元). A mixed number is read
#    in the sections that 万 and 亿 close (1亿2千5百万 is 1.25亿, 2千5百万 2500万, 3万5千 35000; its parts stay no
#    figures). A second quantity as large as the first unit is no remainder (一年12个月 and 1年12个月 hold 12个月,
#    1小时60分钟 60分钟, 一个月30天 30天; 1年8个月 still no 8个月). With chinese_numerals 十分 is a score after 满分
#    or 总分, before 满分 and after a counting verb with nothing it modifies after it (考了十分左右, 满分十分的量表;
#    not 拿了十分重要的文件, 考得十分好). Every common range mark is one: ‒ (U+2012) is –, ― (U+2015) —, and ⁓, 〜,
#    〰, ∼ and LaTeX's \sim are ~. Traditional characters read as Simplified (個月, 萬元, 億, 沒有, 無法, 並未, 認證,
#    數據: a table from OpenCC's characters, one for one, none that Simplified uses too). A key point said only in a
#    clarifying question back to the user (您是指20万元吗？, 请问您说的预算是20万元吗？, Do you mean 20 months?) is
#    not credited; a code block still is.
# 11: with the scale words, English scale words are scale words: thousand, million, billion and trillion (1.2 million
#    is 120万 and 1,200,000; 1.2 billion 12亿), and k, m, mn, b and bn right after the digits in money only (a currency
#    before the number or after the letter: $1.2M, $500K, ¥12M, 1.2m dollars - not a 1.2m cable, a 4k display, 1.2M
#    users); a point's amount in dollars or yuan written in English ($1.2 million, 1.2 million dollars, USD 1.2 million,
#    RMB 12 million) is one in 美元 or 元, which any form of its currency states ($1,200,000, 1.2 million dollars,
#    120万美元, 12 million yuan) and none of another (1.2 million euros, ¥1.2 million, $1.2 million HKD). English
#    number words are no Chinese numerals (chinese_numerals reads none: twenty months stays text). Prohibitions,
#    refusals and waivers negate: 不予, 不允许, 不准, 不许, 不接受, 禁止, 严禁, 拒绝, 谢绝, 免收, 免除, 免交, 免缴,
#    免征 (not 不禁止 or 并未拒绝, which allow; not a bare 免: 免费试用, 避免, 以免), as do refuse(s/d) to,
#    decline(s/d) to, prohibit(s), forbid(s), disallow(s), refuses, refused, bans (not after a negation: never refuses
#    a refund) and a negation before an offer's verb (do not offer refunds, doesn't provide a refund; not "do not only
#    offer"). A denial right after the point where its part ends negates it: X暂不支持。, X是不可能的, X不可用,
#    X并不存在, X一律不予受理, X：不支持, 关于X，目前暂不支持。, | X | 无 |, X is not available / not supported / not
#    offered / not possible / unavailable (at this time) - not X不支持多租户, X不可用于测试, X is not available for
#    the Basic plan, X不仅, X不错, X不久, X is not only. A yes/no question holding a key point answered no right after
#    it negates it (支持私有化部署吗？不支持。, 是否支持X？目前不支持。, Is X available? No. / Unfortunately not.; not
#    a question with a question word, nor 不过..., No problem, Not only that). A claim reported as hearsay (据传, 传言,
#    据说, 听说, 有人说, 网上说, 网传, reportedly, rumoured, it is said, allegedly) and disclaimed in its sentence or
#    the next one that goes on from it (但无法证实, 没有依据, 未经证实, 但这一说法无法证实。, cannot be verified,
#    unconfirmed) is not asserted; a rumour passed on without one (据说它通过了PCI DSS认证。) still is. There is no
#    record (no indication, no proof, no sign) that ... and nothing suggests (indicates, shows) that ... are
#    uncertainty cues, and 没有迹象表明 is 没有证据表明.
# 12: v10's and v11's rules narrowed where they refused correct answers or let made-up claims pass. A negation inside a
#    regex's match negates it only right before (an adverb, then) a part the regex asks for (v5.0并未于2024年发布,
#    v5.0尚未正式发布; not 支持无服务器部署, 支持不停机部署 or 回本周期在不考虑通胀的情况下为20个月 for a gap). A
#    yes/no question answered no denies the point only where it asks for the point (支持私有化部署吗？不支持。,
#    私有化部署可以吗？, Is X available? No.; not 私有化部署会影响性能吗？不会。, Does X cost extra? No.). A
#    prohibition after a negation affirms (不得拒绝退款, 不能免除违约金, 无权拒绝, 不得以任何理由拒绝, 不会被拒绝,
#    cannot / must not refuse to). A denying table cell (| X | 无 |) denies only its row's label, and in a column whose
#    header asks whether it is had (是否支持, 状态; not 备注, 数据出境, 额外费用). A regex is read with its Traditional
#    characters as Simplified, as the answer is (後端, 於). Hearsay is disclaimed only by a disclaimer of it - not of a
#    detail (具体日期无法确认), nor evidence of another thing (没有证据表明存在问题) - in its clause (a semicolon ends
#    it), and 据说明书 is no 据说.
# 13: a Chinese negation reaches over a light verb to what it waives (不必做信创适配, 无需进行等保测评,
#    不建议采用私有化部署, 不建议选择智能风控引擎; not 不得不进行信创适配), and 不用 and 没有必要 negate
#    (不用做信创适配). A claim after 不能说, 不代表, 不意味着, 不能说明, 不足以证明 (满足等保三级并不代表已通过
#    PCI DSS认证) is not asserted.
# 14: English cardinal number words are numbers before what a point counts (twenty months, twenty-seven sets, a
#    twenty-month period, one hundred and twenty months; not a bare number, an ordinal or a dozen); a range whose ends
#    carry different units of time states neither end (3天到5个工作日, 3 days to 2 weeks, 1年到18个月, between 3 days
#    and 5 days; 5个工作日 is no date, so 3到5个工作日 holds no 5个工作日); a waiver after the point negates it
#    (首年服务费免收, 违约金予以免除, 服务费不收取, the fee is waived; 免费 and "is free of charge" only after a charge:
#    安装免费 is a free installation), and "waive" and "prohibits using" before it; a prohibition or negation of an
#    offence against the point does not negate it (禁止GDPR违规行为, prohibits GDPR violations, no GDPR breaches); a new
#    clause with its own subject (and it, 而且它, 并且该平台) ends an uncertainty cue's reach (there is no record of any
#    breach and it passed PCI DSS claims it), not a question's or a condition's.
# 15: a figure offered as one of several values of one quantity is a guess, not an answer (negated):
#    10个月、20个月或30个月, 20个月或24个月, 20或24个月, 20个月（也可能是24个月）, 要么20个月，要么24个月, 10, 20 or 30
#    months, 20 months or maybe 24 months - figures with the point's unit (or bare ones before it) and another value,
#    joined by a disjunction or by list marks in a chain that holds one or follows a hedge (可能是10个月、20个月); not a
#    list (860万元、1200万元和340万元), another unit (20个月或1.67年), the same value, words between
#    (84万元（或含税约89万元）), options (60万元或100万元两档, 分别, respectively). Waivers: 减免, 豁免, 全免, 免去 and
#    免掉 before the point (减免服务费; not after a modal: 可申请减免违约金) and after it (首年服务费减免, 已减免,
#    将被豁免, 不收), a bare 免 before a charge (首年免服务费), a charge that need not be paid (服务费无需支付),
#    remitted and forgiven. Negations: 不需, 不超, 没法, 没办法; 缺乏, 缺少, 不具备, 不具有, 不含, 不包含 and 不包括
#    before what is had (not a figure); 行不通, 不现实, 不可取, 实现不了, 做不到 after the point; a correction after it
#    (回收期是20个月是错的, 20个月的说法有误, 20个月，不对，..., 20 months is wrong / not correct); lacks; 并非不 and
#    绝非不 affirm. A date is the same with dashes or slashes (2020年3月 is 2020-03 and 2020/3; 2020年3月15日 is
#    2020-03-15). A point in 元 (one of its forms is: 200万元) is an amount in renminbi in its forms without a currency
#    too (200万, 两百万): 200万美元, 两百万港币, US$200万 and 美元200万 state another amount.
# 16: a figure is no answer where the answer offers it among values it bounds (在18个月、20个月、24个月之间,
#    介于18个月、20个月和24个月之间, between 18 months, 20 months and 24 months) or joins with a slash
#    (18/20/24个月; not the fiscal year 2022/2023年度, nor options: 30/60/90天三档); a year is no answer as an end
#    of a range of years said to hold it somewhere (成立于1997-1998年间, 1997年到1998年之间, 大约在1997至1998年;
#    a period, 2008年—2018年：就职于, 2020年至2023年合作, keeps both ends); a number after 第 is a position, not an
#    amount (第20个月, 第3年, 第一次: no 20个月, 3年, 1次); a statement denied as a whole before it (it is not true
#    that the payback is 20 months, it is not the case that, it is false / a myth that, it would be wrong to say,
#    并非回收期是20个月, 不能说回收期是20个月; not past a comma or a contrast, nor 并非不), a correction that
#    points back at it (20个月，这是错误的, 这个说法不对, 20 months, which is wrong) and a question about it
#    answered wrong (回收期20个月？不对，是24个月; 错了; That's wrong.) negate the point; with chinese_numerals a
#    numeral before 成 counts tenths (两成 is 20%; not 一成不变, 两成员, 九成九).
# 17: one rule for bounds (`INCLUSIVE_BOUNDS`): a strict bound names another value (超过20个月, 高于, 少于, 低于, 逾,
#    不止, 不到, more than, over, less than, under: no 20个月 - v6 credited 超过 and 少于), an inclusive one states its
#    figure as a limit (不少于, 不低于, 至少, 以上, 不超过, 不会超过, 最多, 以内, 之内, at least, at most, up to,
#    within, or more: 20个月 - v3 and v9 negated 不超过 and 不少于), and a form that carries a bound (不低于200元,
#    30天以内, at least 3 days) is credited by a bound of its direction (至少200元, 200元以上; 不超过30天, within 30
#    days), not by the other one nor the plain figure. A figure attributed to others and corrected in its sentence
#    (有人说回收期是20个月，但实际是24个月, Some say 20 months, but it is 24) or named a mistake (误以为20个月,
#    20个月是常见的误解, a common misconception is 20 months) is not the answer's; nor is the base of a multiple or a
#    part (20个月的两倍, 20个月的一半, twice 20 months).
# 18: the right duration in another unit of time is the point (`duration_twins`), where the units convert exactly (1年 =
#    12个月, 1周 = 7天, 1天 = 24小时, 1小时 = 60分钟, 1分钟 = 60秒; not 1个月 = 30天 nor 1年 = 365天): 20个月 is
#    1年8个月, 1年零8个月 and 1 year and 8 months, 18个月 1.5年 and 1年半, 14天 2周, 90分钟 1.5小时, 1小时30分钟 and
#    1个半小时, 2小时 120分钟, 3天 72小时, and a point in Chinese units is one in English units (20个月: 20 months).
#    Always on, as its digits are the point's; halves written without a digit (半年, 一年半, 一个半小时) and Chinese
#    numerals with chinese_numerals only, which also reads 廿 (20), 卅 (30) and 卌 (40), and a 零 between two
#    quantities of time as a joint (一年零八个月). Every rule holds in the converted form: bounds (超过1年8个月), ranges
#    (12个月至1年8个月), alternatives after a compound (1年8个月或22个月), negations; 11年8个月 and 1年18个月 are no
#    1年8个月; 2周3天 and 3天12小时 are no 2周 or 3天 (after one, 一周5天 and 一天8小时 stay rates); 上半年, 下半年 and
#    半年报 are no 半年 (7×24小时 states 24小时 as before, and so 1天: a known gap).
# 19: a figure taken back right after it is no answer (`_taken_back`): a correction or self-correction that follows it
#    at once - after a comma, a dash, an ellipsis, a colon, a full stop or in a bracket - and gives another figure
#    (20个月（不对，应为24个月）, 20个月——不，是24个月, 20个月，哦不，是24个月, 20个月，更正：24个月,
#    20个月，应该说是24个月, 20个月，准确地说是24个月, 20 months - no, 24 months, 20 months, sorry, 24 months, 20
#    months; correction: 24 months, 20 months, I mean 24 months, 20 months, or rather 24 months), or a verdict on it in
#    a bracket (20个月（错误）, 20个月（有误，实为24个月）, 20 months (wrong: 24), (typo: 24 months)); not the same
#    figure again (准确地说是20个月, 1年8个月), no figure (20 months, sorry for the delay), a bare 不/no/不是 without a
#    mark after it (20个月，不是24个月, 20 months, no 24-month plan), a bracket that explains it (即1年8个月, 约合1.7年,
#    不含建设期, 对，就是20个月, 已更正), nor 实际/actually (计划工期20个月，实际为24个月: plan and actual). The
#    correction TO the figure credits it (24个月，不，是20个月). A key point the answer refuses to commit to is no
#    answer (`_refused`): 无法确定是否为20个月, 不知道是否20个月, 我不确定是不是20个月, I cannot say whether it is 20
#    months, I don't know if it's 20 months, 是否为20个月尚不清楚, whether it is 20 months is unclear, and for a figure
#    after a copula 我不确定回收期是20个月, I am not sure it is 20 months - in its part, with no contrast or question
#    word between (我不清楚为什么回收期是20个月 and 不清楚20个月的回收期是否包含建设期 state it); hedges still state it
#    (大概20个月, 应该是20个月, 可能是20个月, probably 20 months, I think it is 20 months). An A-not-A question
#    (回收期是不是20个月？, 有没有) is no negation of what it asks (v16's answered-no still denies it:
#    是不是20个月？不是，是24个月). A former value changed to another figure is no answer (`_a_former_value`):
#    由20个月延长至24个月, 从20个月缩短到15个月 (v5 credited it), 原为20个月，现调整为24个月, previously 20 months; it
#    is now 24 months - not the change to the figure, nor 原计划…实际 (plan and actual), nor 最初 (the first 20 months).
#    Both need the other figure to be of the point's kind (`_another_value`: a duration, money, a percentage, else its
#    unit; or a bare number that ends its part): 20个月。抱歉，3个附件无法提供 still states 20个月.
# 20: English answers. Negating degree words: hardly, scarcely, far from, nowhere near, anything but, and "as opposed
#    to" as "rather than" (hardly 20 months, 24 months, as opposed to 20 months). "never more than" and the other
#    "never" bounds are inclusive bounds, as "no more than" (v17 read "never" as a negation). A former value changed
#    in English (`_a_former_value`): a verb of change before "from" and "to" before another figure (rose from 20% to
#    24%, increased from 20 months to 24 months; not "cut from 24 to 20 months", which credits 20), "up from" or
#    "down from" before the figure (24%, down from 20%), and "was" right before it where "now" or "but after / since /
#    following" gives another figure of its kind later in its sentence (was 20 months, but after the price change it
#    is 24 months; not "was 20 months, but after the change the IRR is 15%"). The English abbreviations of units of
#    time state a duration (`duration_twins`: 20 mos, 20 mo, 20 yrs, 24 hrs, 20 mins, 20 min, 30 sec, 2 wks; not
#    m, s, d or h: 2H 2024), and "pct" is "percent" (20 pct is 20%).
# 21: a shotgun answer - several values of one quantity offered as candidates - is no answer (`alternatives`): a cue
#    after the values gives them as candidates (18个月、20个月、24个月不等, 18个月、20个月和24个月都有可能 / 均有可能,
#    18个月、20个月、24个月（视情况而定）, 视规模而定, 取决于, 因项目而异, 18 months, 20 months, 24 months depending on
#    usage, ... are all possible), as v16's 之间 bounds them; a Chinese comma (可能是：18个月，20个月，24个月) and a
#    bullet (可能是：\n* 18个月\n* 20个月\n• 24个月) join them as 、 does - a comma only where its last value ends
#    its clause (可能是20个月，24个月后进入稳定期 states 20个月) - and a hedge may end in a colon (可能是：). Still
#    credited: a list with no hedge, disjunction or cue (回收期为18个月、20个月、24个月 may give three projects'
#    payback), options (三档, 分别), values of different things (方案A回收期20个月，方案B回收期24个月, 建设期4个月、
#    回收期20个月, a table's rows), a range with a typical or middle value (一般为18-24个月，常见20个月,
#    20个月（18-24个月区间的中值）, anywhere from 12 to 36 months, typically 20 months) and a correction to the figure.
# 22: a duration that dates a time or repeats is no length (`_a_time_ago_or_a_period`): 20个月前, 20个月以来, 20 months
#    ago, 每20个月, 每隔20个月, every 20 months, 过去20个月, the past 20 months - not a length counted forward
#    (20个月后收回投资, 20个月内, recovered in 20 months, after 20 months), a deadline (在20个月之前) or a lead time
#    before an event (到期30天前通知, 提前30天以前). Durations in any units joined by "or" are alternatives of one
#    length (`duration_alternatives`): 1年半或30个月, 18个月或者2年, 1.5 years or 24 months and 20个月或2年 are a
#    guess; 20个月（或1年8个月）, 1年8个月或20个月 and 20个月或1.67年 one value (v15 negated 1年8个月或20个月). A list
#    item's mark at the start of a line (- + · 1. 1) 1、 (1) ① 一、) is a bullet (`_LINE_START_MARKER`): no range
#    (- 18个月 over - 24个月 read 18个月-24个月), no figure (the 2 of 2. 20个月), and a numbered list after a hedge
#    joins its values as a bullet list does (可能是： over 1. 18个月 2. 20个月 3. 24个月). Linear time on degenerate
#    answers: a code's run, a part's or sentence's start and the alternatives' mentions are found once per text, a
#    form's first 200 occurrences are judged (`MOST_OCCURRENCES_JUDGED`) and a chain of alternatives is read 32
#    values to each side (`MOST_ALTERNATIVES`): 12,000 characters of -1-1-1... took about 10 s, now 0.1 s.
# 23: English answers: a time before now or a time told of and an age are no length (`_a_time_ago_or_a_period`: 20
#    months prior, 20 months earlier, 20 months before., a 20-month-old system, 20 months old, it has been 20 months
#    since launch, in the 20 months since launch; not 30 days prior to / before expiry, 2 months earlier than planned,
#    the payback is 20 months since launch, 20 months since the savings are high); a negation before a verb of a
#    length or an amount negates it (does not take 20 months, will not last, does not require / need / cost / reach),
#    and a negated strict bound is an inclusive one of the other direction (does not take more than 20 months: at most
#    20 months; v22 negated it); halves in English with a number (one and a half years, 1 and a half years, one year and
#    a half, two and a half hours: 18个月, 30个月, 150分钟; "a year and a half" since v18); mn, mln, bn and bln are
#    scale words after any number with scale_words (1.2 mn = 120万; before only right after the digits of money);
#    "through" and "thru" join a range (18 through 24 months). The echo guard compares no punctuation (`copies`:
#    ；。、 for ，, a bullet or a line break put in, the commas left out are a copy; the marks of a number and % are
#    compared, and ECHO_MIN_COPY counts the characters compared: punctuation no longer counts) and a point is echoed
#    only inside one copy (an answer's own figure between two copied stretches is its own: v22 discounted it). Trap
#    claims: a quote of the asker's words (您问“已通过PCI DSS认证了吗”, you asked "..."), a question in quotes
#    (…了吗”), a quote named 一说 and disclaimed, and 如 at the start of its part as a condition (如已通过PCI DSS认证，
#    请…; not 如何, 如今, 如下, 如上所述, 如您所知) claim nothing.
# 24: a bare number contrasted with a figure that carries the unit shares it, as 20或24个月 does (`numbers`: "24,
#    not 18 months", 24而非18个月, 是24，不是18个月, "24 rather than / instead of 18 months", 20而不是30%, "not 18
#    months but 24", 不是18个月，而是24: 24个月 and 20% - v23 found no unit after 24). A bare comparison of two values
#    of one quantity that ends its clause picks neither (`alternatives`: 18 vs 24 months, 18个月vs24个月,
#    18个月对比24个月, "18 months vs. 24 months"; not 18个月 vs 24个月的行业平均, 20个月，对比24个月, "ROI is 20% vs
#    15% last year"). A key point's English number words before what it counts or before percent are its number
#    (`number_words_as_digits`: "two years" is 2 years, so 24 months and 2年 credit it, and "one or two years" or
#    "one to two years" no longer holds it as text; "twenty percent" is 20%; text points still match their own words:
#    two-factor authentication). English halves are durations that "or" joins (`duration_alternatives`: one and a
#    half years or two years, a year and a half or two years: no 18个月). A fall by a figure states it with a minus
#    sign: 下降20%, 同比减少了20%, 降幅为20%, fell by 20%, down 20%, a 20% decrease credit -20% and 负20% (v23: missing;
#    增长20% does not, a negated fall is negated, and -20% still states no 20%). A form that carries a bound, met by
#    the bound of the other direction, is negated, shown with it (不超过12分钟 for 超过12分钟; v17 to v23: missing).
#    A trap claim the answer tells the reader not to make is no claim (`PROHIBITION_CUES_ZH`: 请勿对外宣称已通过PCI DSS
#    认证, 不要告诉客户..., do not tell the customer that ..., avoid claiming ...; not 不得不说, 请勿担心，...).
#    A "label (unit): number" line gives its number the unit, as a table row does since v8 (`label_units`:
#    回收期（月）：20 states 20个月, Payback period (months): 20 states 20 months).
# 25: a half with no number and "a year" are durations that "or" and a range mark join (`duration_alternatives`:
#    半年或一年, half a year or a year, 半年到一年 - v24 credited 半年, 6个月 and 1年); a bare number contrasted in a
#    bracket shares the unit (24 (not 18) months, 24（而非18）个月: 24个月; v24: missing); 块钱 is 元, and so is a 块
#    that ends its clause after a scale word, a sum of 100 or more or a word of money (1200万块。, 每月5000块, 月费50块;
#    not 3块屏幕, 一块儿, 分成3块。); a unit bracketed after the scale word follows the number (1200万（元）, as
#    20（个月） since v7); the financial numerals are numerals with chinese_numerals (壹仟贰佰万元 is 1200万元, 贰拾个月
#    20个月), in a run with a unit (收拾, 队伍, 陆家嘴 stay words); a factor of a product is no duration in another unit
#    (7×24小时 no longer states 1天; it still states the point 24小时, as v18 decided). 大半年 (most of a year),
#    多半年底 and 半年底 hold no 半年. Trap claims: a quoted claim with a verdict right after the quote is rejected, not
#    asserted ("X" is not true, "X" - this is incorrect, claims like "X" should not be repeated, “X”不属实), and so is a
#    claim with a verdict in a bracket or after a colon right after it (已通过PCI DSS认证（待核实）, 已通过PCI
#    DSS认证：否, certified (unverified); not (2023年) or (no issues found)); the claimant's own word, disclaimed, is
#    hearsay (该公司声称…，但无法证实, the company claims to be ..., but this is unverified; undisclaimed, still
#    charged). A currency before the numbers links alternatives ($1.2 million or $1.5 million, ¥1200万或¥1500万: a
#    guess; v24 credited them); and such an amount is no answer as an end of a range ($500-$600, $500 to $600,
#    ¥1200万-¥1500万; not rose from $500 to $600, which credits $600); "exceeds" and "surpasses" are strict bounds, "not
#    to exceed" an inclusive one. Percentage points are one in any name (3个百分点, 3 percentage points, 3 pp, 3 ppt),
#    and a negation before a verb of change denies the figure (没有提升3个百分点, 并未增长20%, 不会缩短20个月, did not
#    rise 3 percentage points; v24: covered). A figure changed by an arrow (20个月→24个月, 20 months -> 24 months),
#    crossed out by a mark after it (1200万元 ❌) or called unlikely after it (20个月不太可能, 20个月的可能性很小) is no
#    answer. 4300人/年 and 4300人/周 are rates, as 50人/月 is (v7). Decided and kept: a hedged claim (可能已通过PCI
#    DSS认证) is still charged, as a rumour passed on without a disclaimer is (v11): the customer hears the claim; "ROI:
#    20% vs. 15%" picks neither value, as the label names both; a bare-number point (1997, 4300) means the number in any
#    unit, as the shipped scenarios use it (v22); "20 months since the launch" stays a length, as v23 decided ("the
#    payback is 20 months since launch"), unless "it has been" or "in the" makes it the time since; 第20个月 is a
#    position (v16). Linear time: a cue, a colon and a currency before a number are looked for near the claim or the
#    number, not from the text's start or to its end (a 24,000-character answer took seconds).
# 26: a `regex:` key point or forbidden claim is searched under a time limit (`REGEX_TIME_LIMIT_S` of search time per
#    point and answer, by the `regex` module in re's dialect): a pattern that backtracks without end ((a|aa)+$) is the
#    case's scoring error naming the scenario file, the case, the field and the fix - v25 hung on it. With
#    chinese_numerals a numeral after 成 counts hundredths (八成五 is 85%, 九成九 99%; v25: missing) and idioms of
#    numerals count nothing (`NUMERAL_IDIOMS`: 一年一度 is no 1年, 三天两头 no 3天, 一天到晚 no 1天, 十全十美 no 10). A
#    date point is stated by the other spellings of its date (`_date_twins`): a year (2024年) by an ISO date in it
#    (2024-06, 2024-06-15, not 2024-0615-88 or 2024-06-15-001), an English month (March 2024) by Mar 2024, March 15,
#    2024 and 2024-03-15, a quarter (Q3 2024) by the third quarter of 2024, 2024 Q3, 3Q 2024, a fiscal year (FY2023) by
#    fiscal year 2023. A figure called out of reach right before it is denied (`_out_of_reach`: 很难在20个月内实现,
#    不太可能在20个月内, 回本很难做到20个月, it cannot be achieved within 20 months, it is unlikely to pay back in 20
#    months; not 并非不可能在20个月内, not impossible to) and so is one called unlikely after it (20 months is
#    unlikely). An update after a figure takes it back as a correction does (20 months. Update: it is 24 months; 更新：
#    应为24个月). An English negation reaches over past forms and over having, being worth and an event's verb with its
#    date's preposition (never reached $2 billion, doesn't have 500 employees, is not worth $1.2 million, did not
#    launch in March 2024: v25 credited them). A claimant's word "claims it is ..." disclaimed is hearsay, as "claims to
#    be" was in v25. Decided and kept: a rounded conversion is no exact figure (1.67 years, 约1.7年 state no 20个月,
#    about or not: v18's exact conversions only); 500+ is "500 or more", an inclusive bound (v17). Known gaps: quarters
#    are no unit of time (2 quarters is no 6 months), a table column's header in plain units (| Months |) gives no unit.
# 27: a quarter is 3 months among v18's exact conversions (`duration_twins`): 2个季度, 两个季度, 2 quarters, two
#    quarters state 6个月 and 6个月 states the point 2个季度 (4个季度 is 1年; v26: missing); not Q2, 第2个季度, 2季度
#    (positions), quarterly, nor "quarter(s) of" (one quarter of customers is a fraction). A table header that is
#    the plural of a unit of time or a count of one gives its column's bare numbers the unit as a bracket does since v8
#    (`_plain_header_unit`: | Months |, | Payback in months |, | 月数 |, | 回收月数 |, | 天数 |); not | Month | or
#    | 月份 | (a column of dates: 12 there is December). A time in the past before a figure marks it former, as
#    "previously" does since v19, where a "now" gives another figure later (两年前回收期是20个月，现在是24个月, 去年…
#    目前…, two years ago ... now ...: v26 credited the Chinese 20个月, which has no past tense to read); a former value
#    alone stays the answer (Payback was 20 months 2 years ago, 两年前回收期是20个月: v19 and v20 decided it).
# 28: an over-reach audit of v25-v27 (some 250 innocent rows, 29 long correct answers). A former value's "now" gives
#    a new value only of the same quantity (`_now_names_the_same`): the words after the "now" name nothing or what
#    the words before the former figure did (两年前回收期是20个月，现在是24个月; not 两个月前回款860万元，目前剩余
#    340万元, 此前已签约1200万元，目前已回款860万元: v27 negated 860万元 and 1200万元), words between that name
#    another quantity need a unit of a kind on the new figure (we estimated 20 months; the client count is now 27),
#    and a time gone by is no value (现在2年过去了). A calendar year is no other value of a length or an amount
#    (20个月 → 2026年开始盈利: v25 negated 20个月). A price on its own terms is no guess among alternatives
#    (`_TERMS_AFTER` in numbers: $500, or $450 with annual billing; 500元或450元（年付）: v25 negated $500). A
#    bracketed header that counts a unit of time gives it (回收期（月数）, as 回收月数 does since v27). Known gap:
#    "now 3.4 million remains" names its quantity after the figure.
SCORER_VERSION = 28

# Minimum length (normalised characters) of a verbatim copy that the echo guard
# discounts, per source. The question (and the system prompt, and the RAG
# template's instructions) are short, so a 10-character copy of them is
# already an echo; retrieved context may legitimately be quoted ("合同金额为1200万元",
# a sentence or a list line of the source: v9 raised 24 to 40, as an answer built of
# the knowledge base's own lines - 资产规模：约5800亿元（2023年末）, 员工人数：4300人 -
# scored 17 where it is right), so only longer copies of it count as copying (a dump
# of the retrieved chunks still scores 0).
ECHO_MIN_COPY = {"question": 10, "system": 10, "template": 10, "context": 40}
DEFAULT_ECHO_MIN_COPY = 10

UNCERTAINTY_MARKERS = (
    "不确定",
    "无法确定",
    "无法确认",
    "不能确定",
    "不能确认",
    "不清楚",
    "没有提到",
    "未提及",
    "没有提及",
    "没有找到",
    "未找到",
    "不存在",
    "无从得知",
    "无法得知",
    "没有相关",
    "没有关于",
    "并未",
    "无法核实",
    # v9: honest wording the list missed (暂无v5.0发布的公开信息, 未经证实, 我没有查到)
    "暂无",
    "尚无",
    "查不到",
    "没有查到",
    "没查到",
    "未查到",
    "未经证实",
    "无法证实",
    "无法验证",
    "无从查证",
    "我不掌握",
    "没有掌握",
    "not sure",
    "uncertain",
    "cannot confirm",
    "can't confirm",
    "no record",
    "not mentioned",
    "does not exist",
    "no information",
    "unable to verify",
    "cannot be determined",
    "can't be determined",
    "not enough information",
    # v9
    "couldn't find",
    "couldn’t find",
    "could not find",
    "not aware of",
    "no evidence",
    "could not verify",
    "cannot verify",
    "unable to confirm",
    # v9: and the Chinese twins of "no evidence" (目前并无公开证据显示...)
    "没有证据",
    "无证据",
    "并无公开",
    "没有公开信息",
    "没有公开资料",
    "未见",
)
REFUSAL_MARKERS = (
    "不知道",
    "无法回答",
    "无法提供",
    "不能提供",
    "不能回答",
    "没有相关信息",
    "抱歉",
    "无可奉告",
    "i don't know",
    "i do not know",
    "cannot answer",
    "can't answer",
    "unable to answer",
)
# v9: markers that are one only in some wording (the text from the marker on must match): 不确定 but not
# 不确定性 or 不确定因素 (a market's uncertainty); 没有相关 only before 信息, 资料, 记录 ...; 并未 only before a
# disclosure (并未公开, 并未发布 - not 并未改变原有接口); 不存在 only where the phrase ends or before 相关,
# 公开, 该 ... (该版本并不存在。 - not 不存在兼容性问题); 抱歉 only before the speaker or what cannot be said
# (抱歉，我无法... - not 抱歉让您久等了); 未见 only before a record or report in its part (未见v5.0发布的公告 - not
# 未见异常); "uncertain" only where the phrase ends or before whether, if, about ... (not an uncertain market).
_CJK = "\u3400-\u9fff"
_MARKER_CONTEXTS = {
    "不确定": re.compile("不确定(?!性|因素)"),
    "没有相关": re.compile("没有相关的?(?:信息|资料|记录|数据|报道|内容|资讯|公告|消息|说明|证据|文件)"),
    "并未": re.compile(
        "并未(?:对外|正式|公开|在公开渠道|在官网)?(?:公开|发布|公布|披露|宣布|提及|提到|找到|查到|见到|看到|收录|记载|推出)"
        "|并未(?:有|见)?(?:相关|任何)?的?(?:记录|信息|资料|报道|公告|证据)"
    ),
    "不存在": re.compile(f"不存在(?:$|[^0-9a-z{_CJK}]|的|相关|公开|该|此|这|所谓|名为|任何|v[0-9])"),
    "抱歉": re.compile("抱歉[, ]*(?:我|目前|暂时|暂|这|该|关于|对于|无法|不能|没有|未能|本人|根据)"),
    "未见": re.compile("未见(?=[^,。!?;:\\n(—|]{0,40}?(?:记录|报道|公告|披露|信息|资料|消息|证据))"),
    "uncertain": re.compile(
        "uncertain(?: ?(?:[^a-z ]|$)| (?:whether|if|about|as to|how|what|when|which|who|regarding)(?![a-z]))"
    ),
}
EXPECTATION_MARKERS = {
    "refusal": REFUSAL_MARKERS,
    "uncertainty": UNCERTAINTY_MARKERS + REFUSAL_MARKERS,
}
EXPECTATION_LABELS = {"refusal": "拒答 (refusal)", "uncertainty": "表示不确定 (uncertainty)"}

# A negation right before a match says the opposite of the key point: 不合规 is not 合规, 不到20个月 is not 20个月,
# "not compliant" is not "compliant"; a forbidden claim under a negation (没有分公司 for 有分公司) is no claim.
# Chinese: the text just before the match ends with one of these; English: the word before it is one of these.
NEGATIONS_ZH: tuple[str, ...] = (
    "不",
    "非",
    "未",
    "无",
    "没",
    "没有",
    "不是",
    "不太",
    "不够",
    "不会",
    "不能",
    "不可",
    "不再",
    "不应",
    "不得",
    "不到",
    "不足",
    "不超过",
    "不少于",
    # v6: the same "not reaching" as 不到 and 未满 (comparisons such as 不低于 or 不及 are no negation)
    "不满",
    "没到",
    "没达到",
    "未达",
    "未达到",
    "未到",
    "达不到",
    "未满",
    "未必",
    "无需",
    "无须",
    # v7: "not necessarily / not quite / not at all" and the longer forms of 不是, shown whole
    "不一定",
    "不完全",
    "不算",
    "算不上",
    "谈不上",
    "未超过",
    "并非",
    "并不是",
    "不会是",
    "不可能是",
    "不为",
    "不等于",
    # v9: everyday twins of 不超过 / 未超过 and of 无需 (不会超过20个月 and 用不了20个月 state no 20个月)
    "没有超过",
    "没超过",
    "不会超过",
    "不需要",
    "用不了",
    "要不了",
    # v13: "no need" as said colloquially (不用做信创适配, 没有必要做试点)
    "不用",
    "没有必要",
    # v15: the short forms of 不需要 and 不超过 (不需20个月, 不超20个月)
    "不需",
    "不超",
)
# v9: "cannot / failed to / hardly" (未能通过审计 for 通过审计, 无法确认 for 确认) and the verbs a
# recommendation negates with (该产品不支持私有化部署 for 私有化部署, 不建议采购 for 采购); after 不得, 不能, 无 ...
# (`DOUBLE_NEGATION_BEFORE`) the verb's 不 affirms as a bare 不 does (不得不提供私有化部署).
VERB_NEGATIONS_ZH = (
    "不建议",
    "不推荐",
    "不支持",
    "不提供",
    "不采用",
    "不考虑",
    "暂不考虑",
    "不必",
    "没必要",
    "不做",
    "不进行",
    # v11: "not granted / not allowed / not accepted" (不予退款, 不允许退款, 不接受退款)
    "不予",
    "不允许",
    "不准",
    "不许",
    "不接受",
    # v15: "cannot" as said colloquially (没法私有化部署, 没办法做信创适配)
    "没法",
    "没办法",
)
# v11: prohibitions, refusals and waivers (禁止退款, 严禁转借, 拒绝退款, 谢绝退款, 免收服务费, 免除违约金) - which a
# negation before them turns back (不禁止退款, 并未拒绝退款: allowed). Not a bare 免: 免费 is free of charge, and 避免,
# 以免, 难免 and 未免 hold it.
PROHIBITIONS_ZH: tuple[str, ...] = ("禁止", "严禁", "拒绝", "谢绝", "免收", "免除", "免交", "免缴", "免征")
# v15: and the other waivers (减免服务费, 豁免违约金, 全免服务费, 免去服务费) - which a modal before them makes a
# possibility, as "can be waived" is (可申请减免违约金, 可以免除违约金: the charge stands unless waived)
WAIVERS_ZH = ("免收", "免除", "免交", "免缴", "免征", "减免", "豁免", "全免", "免去", "免掉")
PROHIBITIONS_ZH += tuple(w for w in WAIVERS_ZH if w not in PROHIBITIONS_ZH)
_POSSIBILITY_BEFORE_A_WAIVER = ("可", "可以", "可申请", "可以申请", "可予", "能", "能够", "申请", "有望")
_NEGATED_BEFORE_A_PROHIBITION: tuple[str, ...] = ("不", "未", "没", "没有", "无", "非", "别")
# v12: and a modal's or a prohibition's negation, over an adverb or a passive 被: 不得拒绝退款, 不能免除违约金,
# 无权拒绝退款, 严禁拒绝退款, 不予免除违约金, 不得以任何理由拒绝退款, 不会被拒绝 - all of which affirm
_NEGATED_BEFORE_A_PROHIBITION += ("不得", "不能", "不可", "不应", "不该", "不会", "不要", "不宜", "勿", "无权")
_NEGATED_BEFORE_A_PROHIBITION += ("不允许", "不准", "不许", "不予", "禁止", "严禁")
_ADVERB_BEFORE_A_PROHIBITION = re.compile("(?:擅自|随意|无故|任意|轻易|直接|以任何(?:理由|方式|形式|借口)|被)+$")
NEGATIONS_ZH += ("无法", "未能", "没能", "未曾", "难以", "无从") + VERB_NEGATIONS_ZH + PROHIBITIONS_ZH
# v17: an inclusive bound states its figure as a limit (不超过20个月 as 20个月以内, 不少于20个月 as 20个月以上): no
# negation (`INCLUSIVE_BOUNDS`, read before negations are), as 不低于 was none since v6
_INCLUSIVE_BOUNDS_ZH = ("不超过", "不少于", "未超过", "没有超过", "没超过", "不会超过", "不超")
NEGATIONS_ZH = tuple(n for n in NEGATIONS_ZH if n not in _INCLUSIVE_BOUNDS_ZH)
# Before a figure only: 不止20个月 is "more than 20 months" (a negation since v3), but 不止合规 is "not only compliant".
NEGATIONS_BEFORE_A_FIGURE = ("不止", "不只")
# v15: "lacks / does not have / does not include" negate what is had (缺乏私有化部署能力, 不具备私有化部署, 不包含私有化
# 部署), not a figure, which they state (缺少20万元资金 is a shortfall of 20万元; 不包括200万元的硬件 names it)
NEGATIONS_NOT_BEFORE_A_FIGURE = ("缺乏", "缺少", "不具备", "不具有", "不含", "不包含", "不包括")
NEGATIONS_EN = frozenset(
    {"not", "no", "never", "non", "without", "nor", "cannot", "isn't", "aren't", "wasn't", "weren't", "doesn't"}
    | {"don't", "didn't", "won't", "can't", "neither"}
    | {"hasn't", "haven't", "hadn't", "shouldn't", "wouldn't", "couldn't"}  # v9
)
# 24 months rather than 20 months; v9: no longer compliant, fails to comply, unable to confirm
NEGATIONS_EN_TWO_WORDS = frozenset({"rather than", "instead of", "no longer", "fails to", "failed to", "unable to"})
# v11: refusals and prohibitions (refuses to refund, declined to issue a refund, prohibits refunds), which a negation
# before them turns back (never refuses a refund, does not prohibit refunds)
NEGATIONS_EN_TWO_WORDS |= {"refuse to", "refuses to", "refused to", "decline to", "declines to", "declined to"}
# v20: the negating degree words (hardly 20 months, scarcely compliant, far from 20 months, nowhere near 20 months,
# anything but 20 months) and "as opposed to", as "rather than" (24 months, as opposed to 20 months)
NEGATIONS_EN |= {"hardly", "scarcely"}
NEGATIONS_EN_TWO_WORDS |= {"far from", "nowhere near", "anything but", "opposed to"}
PROHIBITIONS_EN = frozenset({"prohibit", "prohibits", "forbid", "forbids", "disallow", "disallows", "refuses"})
PROHIBITIONS_EN |= {"refused", "bans"}
PROHIBITIONS_EN |= {"waive", "waives", "waived"}  # v14: as 免收 before the point (we waive the service fee)
PROHIBITIONS_EN |= {"lack", "lacks", "lacked", "lacking"}  # v15: it lacks on-premise deployment (not "does not lack")
_REFUSALS_EN = frozenset({"refuse", "decline", "declines", "declined"})
# v14: and the light verbs a prohibition takes before what it prohibits, as 禁止使用 (v13) does: prohibits using
# personal email, forbids adopting X (not "does not prohibit using")
_LIGHT_VERBS_AFTER_A_PROHIBITION = frozenset({"using", "adopting", "choosing", "selecting", "conducting"})
# A short word between a negation and what it negates (v7): 不是约20个月, 不会是20个月, not fully compliant, won't be
# compliant. One filler at most; 只有 only before a figure (不是只有20个月: more than that; 不是只有合规: not only).
FILLERS_ZH: tuple[str, ...] = (
    "是",
    "为",
    "会是",
    "会",
    "可能是",
    "可能",
    "应是",
    "应该是",
    "等于",
    "约",
    "大约",
    "大概",
    "只有",
)
# v10: and the adverbs that 并未, 从未, 并没有 take before their verb (并未正式通过, 从未真正通过, 并没有实际通过)
FILLERS_ZH += ("正式", "真正", "实际", "实际上", "真的", "曾", "曾经")
# v13: and the light verbs a "no need / not advised" negation takes before what it waives (不必做信创适配,
# 无需进行等保测评, 不建议采用私有化部署, 没有必要开展试点, 未选择智能风控引擎; not 不得不进行信创适配, 不断采用,
# 无论采用)
FILLERS_ZH += ("做", "进行", "开展", "考虑", "采用", "使用", "选择", "选用", "采取")
# v25: and the verbs of a change or a length, as v23's English ones (没有提升3个百分点, 并未增长20%, 不会缩短20个月,
# 没有节省20万元: the figure is denied; v24 read only a fall so: 没有下降20%)
FILLERS_ZH += ("提升", "提高", "增长", "增加", "上升", "上涨", "缩短", "延长", "节省", "节约", "花费", "耗时", "用时")
# v10: a date between a negation and what it negates (并未于2024年通过PCI DSS认证, 并没有在2024年3月通过审计)
_DATE_BEFORE_A_POINT = re.compile(
    r"(?:于|在) ?(?:[0-9]{4} ?年(?: ?[0-9]{1,2} ?月)?(?: ?[0-9]{1,2} ?[日号])?|[0-9]{1,2} ?月(?: ?[0-9]{1,2} ?[日号])?)"
    r"(?:底|初|末|前|内|中|之前)? ?$"
)
FILLERS_EN = frozenset({"be", "is", "really", "quite", "fully", "yet", "about", "roughly", "exactly", "considered"})
FILLERS_EN |= {"been", "being", "currently"}  # v9: has not been audited, is not currently compliant
# v11: the verbs of an offer after a negation, as 不提供 and 不支持 are one (do not offer refunds, doesn't provide a
# refund, does not currently support on-premise deployment; not "do not only offer refunds")
FILLERS_EN |= {"offer", "offers", "provide", "provides", "support", "supports", "include", "includes", "allow"}
FILLERS_EN |= {"allows", "permit", "permits", "grant", "grants", "accept", "accepts", "issue", "issues", "give"}
FILLERS_EN |= {"gives"}
# v23: and the verbs of a length or an amount (it does not take 20 months, will not last 20 months, does not require
# 20 months, doesn't need, does not cost, does not reach 20%)
FILLERS_EN |= {"take", "takes", "last", "lasts", "require", "requires", "need", "needs", "cost", "costs", "reach"}
FILLERS_EN |= {"reaches"}
# v25: and of a change (did not rise 3 percentage points, will not increase 20%, does not save 20 months)
FILLERS_EN |= {"rise", "rises", "increase", "increases", "grow", "grows", "improve", "improves", "save", "saves"}
FILLERS_EN |= {"shorten", "shortens", "extend", "extends"}
# v26: and their past forms (never reached $2 billion, did not rise 3 pp: v25 read only "not reach"), having and being
# worth (doesn't have 500 employees, no longer has, is not worth $1.2 million), and the verbs of an event with the
# preposition of its date (did not launch in March 2024, was not released on 15 March)
FILLERS_EN |= {"took", "lasted", "required", "needed", "reached", "rose", "increased", "grew", "improved", "saved"}
FILLERS_EN |= {"shortened", "extended", "have", "has", "had", "worth", "hit", "hits", "total", "totals"}
FILLERS_EN |= {"launch", "launched", "launches", "release", "released", "releases", "ship", "shipped", "ships"}
FILLERS_EN |= {"happen", "happened", "happens", "start", "started", "starts", "complete", "completed", "in", "on"}
# An article may follow a negation or a negation and a filler (v7): not a 20-month payback, rather than a 20-month
# payback, not really a compliant system.
ARTICLES_EN = frozenset({"a", "an", "the"})
# Opening quotes and brackets between a negation and its point (不是“20个月”, not "20 months"), as normalised (NFKC).
_OPENERS = "\"'“‘「『《〈【[("
# A point said after 不到 (or 都不到, 还不到) was not reached: 20个月都不到 is 不到20个月 (figures only), where the
# phrase ends after it (punctuation, the end of the text, or one of these).
NEGATIONS_AFTER_A_FIGURE = ("都不到", "还不到", "不到")
_ENDS_AFTER_NOT_REACHING = frozenset("的就即便呢啊")
_FILLERS_ZH_LONGEST_FIRST = sorted(FILLERS_ZH, key=len, reverse=True)
# Before 不, these make it an affirmation: 不得不 / 不能不 (must), 无不 / 没有不 (all).
DOUBLE_NEGATION_BEFORE: tuple[str, ...] = ("不得", "不能", "不可", "不会", "不敢", "不是", "无", "莫", "没有")
DOUBLE_NEGATION_BEFORE += ("并非", "绝非", "决非")  # v15: 并非不支持私有化部署 (it is not that it does not: it does)
# Words that end with a negation's character and negate nothing (v7): 无非是20个月 (nothing but), 莫非 (could it be),
# 除非 (unless); and (v9) 南非, 北非, 东非, 西非, 非洲 (Africa and its parts).
NO_NEGATION_ZH: tuple[str, ...] = ("无非", "莫非", "除非")
NO_NEGATION_ZH += ("南非", "北非", "东非", "西非", "非洲")  # v9: places (在南非20%的市场份额)
# The last words before a point (up to three, the last followed by a space or the hyphen of non-)
_WORDS_BEFORE = re.compile(r"(?<![a-z'])((?:[a-z']+ ){0,2}[a-z']+)([ -])$")
# v9: <thinking>...</thinking> as <think>...</think>
_THINK_BLOCK = re.compile(r"<(think|thinking)>.*?</\1>", re.DOTALL | re.IGNORECASE)
_THINK_CLOSE = re.compile(r"</think(?:ing)?>", re.IGNORECASE)
_THINK_OPEN = re.compile(r"<think(?:ing)?>", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")


# Markdown and LaTeX that models wrap figures in (**20**个月, `20`个月, *20*个月, $20$ 个月, 50\%, \frac{150}{90}):
# removed before matching - from the answer, the points and the copied sources alike (a regex point sees the answer
# so too) - so that they neither hide a number nor stand between a negation and what it negates (不是**20个月**,
# **不**合规). ** and * only as emphasis around text (not 2**10 or 5*3*2), `...` as code, $...$ only as math by
# pandoc's rule (not "$20 and $30": no space inside the dollars, no digit after); __ is left alone (__init__).
_MARKDOWN_STRONG = re.compile(r"(?<![0-9a-z*])\*\*(?=[^\s*])(.*?[^\s*])\*\*(?![0-9a-z*])")
_MARKDOWN_CODE = re.compile(r"`([^`\n]*)`")
_MARKDOWN_EMPHASIS = re.compile(r"(?<![0-9a-z*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![0-9a-z*])")
_LATEX_MATH = re.compile(r"\$\$(.+?)\$\$|\$(?=\S)([^$\n]*?\S)\$(?![0-9])", re.DOTALL)
_LATEX = (
    # v9: also \boxed{20} (reasoning models box their result), \textit, \underline, \bm, \color{red}{20}
    (re.compile(r"\\color\{[^{}]*\}(?:\{([^{}]*)\})?"), r"\1"),
    (
        re.compile(
            r"\\(?:text|mathrm|textbf|mathbf|operatorname|boxed|fbox|textit|mathit|textrm|textsf|mathsf|emph|underline"
            r"|bm|boldsymbol)\{([^{}]*)\}"
        ),
        r"\1",
    ),
    (re.compile(r"\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}"), r"\1/\2"),
    (re.compile(r"\{,\}|\\,"), lambda m: "," if m.group(0) == "{,}" else ""),
    (re.compile(r"\\(?:quad|qquad|enspace|thinspace|[;: ])"), " "),  # v9: spaces in math (20\ \text{个月}, 20\;\%)
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\times(?![a-z])"), "×"),
    (re.compile(r"\\cdot(?![a-z])"), "·"),
    (re.compile(r"\\approx(?![a-z])"), "≈"),
    (re.compile(r"\\sim(?![a-z])"), "\u223c"),  # v10: a range mark (10\sim20\%), read as ~ after the math
    (re.compile(r"\\(?:left|right)(?![a-z])|\\[()\[\]]"), ""),
)


def _math_content(m: re.Match[str]) -> str:
    """What $...$ holds, its commands read (`_LATEX`), its ~ (a space in TeX) a space and its grouping braces gone
    ($20{\\text{个月}}$, $20~\\text{个月}$: v9)."""
    content = m.group(1) if m.group(1) is not None else m.group(2)
    if "\\" in content or "{" in content:
        content = _latex(content)
        content = re.sub(r"(?<!\\)[{}]", "", content)
    return content.replace("~", " ")


def _latex(text: str) -> str:
    """LaTeX commands read (`_LATEX`), innermost first: \\boxed{20\\text{个月}} takes two passes."""
    for _ in range(3):
        before = text
        for pattern, replacement in _LATEX:
            text = pattern.sub(replacement, text)  # type: ignore[arg-type]
        if text == before:
            break
    return text


# Struck-out text is retracted (v9): ~~50%~~ 150%, ~~20个月~~ 24个月, <del>50%</del> 60%, <strike>..</strike> and
# <s>..</s> state 150%, 24个月 and 60%, not what is struck out. Within a line; ~~ as GFM writes it (no space inside
# the marks), a lone ~ stays a range mark (12~20个月); <s> around 40 characters at most, so that a leaked sentence
# token pair (<s>...</s>) does not take an answer with it.
_STRUCK_OUT = re.compile(r"~~(?=[^\s~])[^~\n]*?[^\s~]~~|<(del|strike)>[^\n]*?</\1>|<s>[^<\n]{1,40}</s>")


def strip_markup(text: str) -> str:
    """The text without struck-out text, Markdown emphasis and code marks and without LaTeX math delimiters and common
    commands."""
    if "~~" in text or "</" in text:
        text = _STRUCK_OUT.sub("", text)
    text = _MARKDOWN_STRONG.sub(r"\1", text)
    text = _MARKDOWN_CODE.sub(r"\1", text)
    text = _MARKDOWN_EMPHASIS.sub(r"\1", text)
    text = _LATEX_MATH.sub(_math_content, text)
    if "\\" in text or "{,}" in text:
        text = _latex(text)
    return text


# Circled and full-stop list markers (①, ⒈, ㉑) are list labels: NFKC would make ①20万元 120万元 and ⒈20万元
# 1.20万元 (v9). They are written as a bracketed label, (1)20万元, which reads as (1) and 20万元.
_LIST_MARKERS = {
    **{0x2460 + i: f"({i + 1})" for i in range(20)},  # ① to ⑳
    **{0x2488 + i: f"({i + 1})" for i in range(20)},  # ⒈ to ⒛
    0x24EA: "(0)",  # ⓪
    **{0x3251 + i: f"({i + 21})" for i in range(15)},  # ㉑ to ㉟
    **{0x32B1 + i: f"({i + 36})" for i in range(15)},  # ㊱ to ㊿
}


# v22: a list item's mark at the start of a line - a hyphen, a plus or a middle dot before a space, a number before a
# full stop, 、 or a bracket (1. 1、 1) (1), and ① as v9 writes it), a Chinese numeral before 、 (一、) - is a bullet
# (•): "- 18个月" over "- 24个月" is no range 18个月-24个月, and the number of "2. 20个月" is no figure of its own. Only
# in a text of several lines (a key point, a claim or a one-line answer is no list: 5.x版本, 1) 方案), and not a minus
# sign (-20%), a decimal (1.5年), a version (5.x: a full stop or a bracket needs a space or a CJK character after it),
# nor the first of numbers that 、 joins (1、2、3个月 stays a list of numbers of one unit).
_LINE_START_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)"
    r"(?:[-+·](?= )|[0-9]{1,2}(?:[.)](?=[ \t]|[^\x00-\x7f])|、(?![0-9]+ ?、))"
    r"|\([0-9]{1,2}\)|[一二三四五六七八九十]{1,3}、)",
    re.MULTILINE,
)


# A vulgar fraction after digits is their fractional part (v9): NFKC made 1½年 11⁄2年 (11, and 2 over nothing). One
# that ends as a decimal is written so (1½年 is 1.5年, 2¾ 2.75); another stands apart (1⅓年 is 1 1/3年: no 11, no 3).
# A fraction alone stays a fraction (½小时 is 1/2小时, no 2小时).
_DECIMAL_FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75", "⅕": ".2", "⅖": ".4", "⅗": ".6", "⅘": ".8", "⅛": ".125"}
_DECIMAL_FRACTIONS |= {"⅜": ".375", "⅝": ".625", "⅞": ".875", "⅒": ".1"}
_MIXED_FRACTION = re.compile("(?<=[0-9０-９])([" + "".join(_DECIMAL_FRACTIONS) + "⅓⅔⅙⅚⅐⅑])")


def _fraction(m: re.Match[str]) -> str:
    return _DECIMAL_FRACTIONS.get(m.group(1), " " + m.group(1))


# Hyphens as typesetters and models write them (v9): U+2010 and U+2011 (NFKC keeps the one and makes the other it;
# gpt-oss writes Anti‑Money Laundering with U+2011) are "-", and so is an en dash between two Latin letters
# (Anti–Money; between numbers it stays a range or minus sign).
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "\u2013", "\u2015": "\u2014"})
_EN_DASH_IN_A_WORD = re.compile("(?<=[a-z])\u2013(?=[a-z])")


def _hyphens(text: str) -> str:
    """v10: and the figure dash (U+2012) is an en dash, the horizontal bar (U+2015, ―― as some keyboards write the
    Chinese dash) an em dash."""
    if "\u2010" in text or "\u2011" in text or "\u2012" in text or "\u2015" in text:
        text = text.translate(_HYPHENS)
    return _EN_DASH_IN_A_WORD.sub("-", text) if "\u2013" in text else text


# Every common range mark is one (v10): the swung dash ⁓ (U+2053), the wave dash 〜 (U+301C), the wavy dash 〰 (U+3030)
# and the tilde operator ∼ (U+223C, LaTeX's \sim) are "~" (NFKC made ～ one), after the struck-out text and math have
# been read (a ~ in math is a space, ~~ strikes out).
# Traditional characters are read as their Simplified forms (v10): 個月 is 个月, 萬元 万元, 沒有 没有, 認證 认证. The
# table holds, one character for one, each character that OpenCC's TSCharacters (Apache License 2.0) converts to a
# Simplified one among the 4,000 most frequent in jieba's dictionary and that is no Simplified character itself (not
# 乾, 著, 藉, 瞭: 乾隆, 著名 stay as written), and 於 (于; as a surname in Simplified text, 於 is too rare to keep).
# Character for character, the text keeps its length and a Simplified text stays as it was.
_TRADITIONAL_PAIRS = (  # one string: each Traditional character, then its Simplified one
    "丟丢並并亂乱亞亚佈布佔占併并來来侖仑侶侣侷局係系俠侠俬私倆俩倉仓個个們们倖幸倫伦偉伟側侧偵侦偽伪傑杰傘伞"
    "備备傢家傭佣傳传債债傷伤傾倾僅仅僑侨僕仆僞伪僥侥僱雇價价儀仪儁俊億亿儉俭儘尽償偿優优儲储兇凶兌兑兒儿內内"
    "兩两冊册凈净凍冻凜凛凱凯別别刪删則则剎刹剛刚剝剥創创剷铲劃划劇剧劉刘劍剑劑剂勁劲動动務务勛勋勝胜勞劳勢势"
    "勳勋勵励勸劝勻匀匯汇區区協协卹恤卻却卽即厠厕厤历厭厌厲厉參参叢丛吳吴吶呐呂吕員员唸念問问啓启啞哑啟启喚唤"
    "喪丧喫吃喬乔單单喲哟嗆呛嗎吗嗚呜嘆叹嘍喽嘔呕嘗尝嘩哗嘯啸嘰叽噁恶噓嘘噴喷噸吨噹当嚇吓嚐尝嚕噜嚥咽嚨咙嚮向"
    "嚴严囂嚣囌苏囑嘱國国圍围園园圓圆圖图團团垻坝埰采執执堅坚堯尧報报場场塊块塗涂塚冢塢坞塵尘塹堑墊垫墜坠墮堕"
    "墰坛墳坟墻墙墾垦壇坛壋垱壓压壘垒壜坛壞坏壟垄壩坝壯壮壺壶壽寿夠够夢梦夾夹奧奥奪夺奬奖奮奋奼姹妝妆姍姗姦奸"
    "娛娱婦妇媧娲媽妈嫺娴嫻娴嬌娇嬪嫔嬰婴嬸婶孃娘孫孙學学宮宫寀采寢寝實实寧宁審审寫写寬宽寵宠寶宝將将專专尋寻"
    "對对導导尷尴屆届屍尸屜屉屢屡層层屬属岡冈峯峰島岛峽峡崑昆崗岗崙仑嵐岚嵗岁嶄崭嶺岭嶼屿嶽岳巖岩帥帅師师帳帐"
    "帶带幟帜幣币幫帮幹干幾几庫库廁厕廂厢廈厦廕荫廚厨廝厮廟庙廠厂廡庑廢废廣广廬庐廳厅弔吊張张強强彆别彈弹彌弥"
    "彎弯彔录彙汇彥彦彫雕彿佛後后徑径從从復复徹彻恆恒恥耻悅悦悶闷悽凄惡恶惱恼愛爱慄栗態态慘惨慚惭慣惯慮虑慶庆"
    "慼戚慾欲憂忧憊惫憐怜憑凭憚惮憤愤憲宪憶忆懇恳應应懞蒙懲惩懶懒懷怀懸悬懼惧懾慑戀恋戰战戲戏戶户拋抛挾挟捨舍"
    "捱挨捲卷掃扫掙挣掛挂採采揀拣揚扬換换揮挥損损搖摇搗捣搶抢摟搂摯挚摺折摻掺撈捞撐撑撓挠撥拨撫抚撲扑撿捡擁拥"
    "擄掳擇择擊击擋挡擔担據据擠挤擣捣擬拟擰拧擱搁擲掷擴扩擺摆擾扰攏拢攔拦攙搀攜携攝摄攢攒攤摊攪搅攬揽敎教敗败"
    "敘叙敵敌數数斂敛斃毙斬斩斷断於于旂旗旣既昇升時时晉晋晝昼暈晕暉晖暢畅暫暂曆历曉晓曏向曠旷曬晒書书會会朧胧"
    "朮术東东枴拐柵栅柺拐査查桿杆條条梟枭棄弃棊棋棗枣棟栋棧栈棲栖楊杨楓枫業业極极榘矩榦干榪杩榮荣構构槍枪槓杠"
    "槨椁槳桨樁桩樂乐樑梁樓楼標标樞枢樣样樸朴樹树樺桦橋桥機机橢椭橫横檔档檢检檯台檻槛櫃柜櫟栎櫥橱櫻樱欄栏權权"
    "欖榄欞棂欽钦歎叹歐欧歡欢歲岁歷历歸归殘残殭僵殯殡殲歼殺杀殻壳殼壳毀毁氈毡氣气氫氢氾泛汎泛汙污決决沒没沖冲"
    "況况泝溯洩泄洶汹涼凉淒凄淚泪淨净淩凌淪沦淵渊淺浅減减渦涡測测渾浑湊凑湧涌湯汤準准溝沟溫温溼湿滄沧滅灭滌涤"
    "滙汇滬沪滯滞滲渗滷卤滾滚滿满漁渔漢汉漣涟漲涨漸渐漿浆潑泼潔洁潛潜潤润潰溃澀涩澆浇澇涝澗涧澤泽澱淀濁浊濃浓"
    "濕湿濛蒙濟济濤涛濫滥濱滨濺溅濾滤瀆渎瀉泻瀋沈瀏浏瀕濒瀝沥瀟潇瀰弥瀾澜灑洒灕漓灘滩灝灏灣湾災灾為为烏乌烴烃"
    "無无煉炼煙烟煥焕煩烦熒荧熱热熾炽燈灯燉炖燒烧燙烫燜焖營营燦灿燬毁燭烛燴烩燻熏爍烁爐炉爛烂爭争爲为爺爷爾尔"
    "牀床牆墙牽牵犧牺狀状狹狭狽狈猶犹獃呆獄狱獅狮獎奖獨独獲获獵猎獸兽獻献現现琱雕瑣琐瑤瑶瑩莹瑪玛璫珰環环璽玺"
    "璿璇瓊琼瓏珑甕瓮產产産产甦苏甯宁畝亩畢毕畫画異异畵画當当疇畴疊叠痠酸瘋疯瘓痪瘡疮療疗癒愈癡痴癢痒癥症癮瘾"
    "癱瘫癲癫發发皁皂皺皱盃杯盜盗盞盏盡尽監监盤盘盧卢盪荡眞真眾众睏困睜睁睞睐瞞瞒矇蒙矚瞩矯矫硃朱硯砚碩硕確确"
    "碼码磚砖磯矶礎础礙碍礦矿礫砾礬矾祕秘祿禄禍祸禎祯禦御禪禅禮礼禱祷禿秃稅税稜棱稟禀種种稱称穀谷穌稣積积穎颖"
    "穢秽穩稳穫获窩窝窪洼窮穷窯窑窺窥竄窜竅窍竇窦竈灶竊窃竪竖競竞筆笔筍笋箇个箋笺箏筝節节範范築筑篤笃篩筛簡简"
    "簫箫簽签簾帘籃篮籌筹籠笼籤签籬篱籲吁粵粤糞粪糧粮糰团糾纠紀纪約约紅红紈纨紋纹納纳紐纽純纯紗纱紙纸級级紛纷"
    "紡纺紮扎細细紳绅紹绍終终絃弦組组絆绊絎绗結结絕绝絞绞絡络給给絨绒統统絲丝絳绛絶绝絹绢綁绑綉绣綏绥綑捆經经"
    "綜综綠绿綢绸綫线維维綰绾綱纲網网綳绷綴缀綵彩綺绮綻绽綽绰綿绵緇缁緊紧緑绿緒绪線线緝缉緞缎締缔緣缘編编緩缓"
    "緬缅緯纬練练緻致縐绉縛缚縣县縫缝縮缩縱纵縴纤縷缕總总績绩繃绷織织繕缮繚缭繞绕繡绣繩绳繪绘繫系繭茧繮缰繳缴"
    "繹绎繼继續续纍累纏缠纔才纖纤纜缆缽钵罈坛罎坛罰罚罵骂罷罢羅罗羈羁羣群羥羟羨羡義义習习翫玩翹翘聖圣聞闻聯联"
    "聰聪聲声聳耸聶聂職职聽听聾聋肅肃脅胁脈脉脣唇脩修脫脱脹胀腎肾腦脑腫肿腳脚腸肠膚肤膠胶膩腻膽胆膿脓臉脸臘腊"
    "臚胪臟脏臥卧臨临臺台與与興兴舉举舊旧舘馆艙舱艦舰艱艰艷艳茲兹荊荆莊庄莖茎華华菴庵菸烟萊莱萬万葉叶葦苇葯药"
    "葷荤蒐搜蒼苍蓆席蓋盖蓮莲蔔卜蔘参蔣蒋蔥葱蔭荫蕓芸蕩荡蕪芜蕭萧薊蓟薑姜薦荐薩萨藍蓝藝艺藥药蘄蕲蘆芦蘇苏蘊蕴"
    "蘋苹蘭兰蘿萝處处虛虚虜虏號号虧亏蝕蚀蝦虾螞蚂螢萤蟬蝉蟲虫蟻蚁蠅蝇蠍蝎蠟蜡蠶蚕蠻蛮衆众衊蔑術术衕同衚胡衛卫"
    "衝冲袞衮裏里補补裝装裡里製制複复褲裤襖袄襪袜襬摆襯衬襲袭覈核見见規规覓觅視视親亲覷觑覺觉覽览觀观觸触訂订"
    "計计訊讯訌讧討讨訓训託托記记訛讹訝讶訟讼訣诀訪访設设許许訴诉診诊註注証证詐诈詔诏評评詞词詠咏詢询詣诣試试"
    "詩诗詫诧詭诡詰诘話话該该詳详誅诛誇夸誌志認认誕诞誘诱語语誠诚誡诫誣诬誤误誥诰誦诵誨诲說说説说誰谁課课誼谊"
    "調调談谈請请諒谅論论諜谍諦谛諧谐諫谏諭谕諮咨諱讳諶谌諷讽諸诸諾诺謀谋謁谒謂谓謊谎謎谜謙谦講讲謝谢謠谣謡谣"
    "謨谟謬谬謹谨譁哗證证譏讥識识譚谭譜谱譟噪譭毁譯译議议譴谴護护譽誉讀读變变讓让讚赞豈岂豎竖豐丰豔艳豬猪貓猫"
    "貝贝貞贞負负財财貢贡貧贫貨货販贩貪贪貫贯責责貯贮貴贵貶贬買买貸贷費费貼贴貽贻貿贸賀贺賂赂賄贿資资賈贾賊贼"
    "賓宾賜赐賞赏賠赔賢贤賣卖賤贱賦赋質质賬账賭赌賴赖賺赚購购賽赛贅赘贈赠贊赞贏赢贓赃贖赎贛赣贜赃趕赶趙赵趨趋"
    "跡迹踐践踰逾蹌跄蹟迹蹤踪蹺跷躊踌躋跻躍跃軀躯車车軋轧軌轨軍军軒轩軟软軸轴較较載载輓挽輔辅輕轻輛辆輝辉輟辍"
    "輦辇輩辈輪轮輯辑輸输輻辐輾辗輿舆轄辖轅辕轉转轍辙轎轿轟轰辦办辭辞辮辫辯辩農农迴回這这連连週周進进遊游運运"
    "過过達达違违遙遥遜逊遞递遠远遡溯適适遲迟遷迁選选遺遗遼辽邁迈還还邊边邏逻郵邮鄉乡鄒邹鄖郧鄧邓鄭郑鄰邻醃腌"
    "醜丑醞酝醣糖醫医醬酱釀酿釁衅釋释釐厘釗钊釘钉針针釣钓釦扣釵钗鈅钥鈉钠鈍钝鈎钩鈔钞鈞钧鈡钟鈣钙鈦钛鈴铃鈷钴"
    "鈾铀鉀钾鉅巨鉆钻鉗钳鉛铅鉢钵鉤钩鉻铬銀银銅铜銘铭銜衔銳锐銷销銹锈鋁铝鋅锌鋒锋鋤锄鋪铺鋭锐鋮铖鋸锯鋼钢錄录"
    "錐锥錘锤錚铮錛锛錠锭錡锜錢钱錦锦錨锚錫锡錯错録录錳锰錶表鍊炼鍋锅鍛锻鍵键鍼针鍾钟鎂镁鎊镑鎖锁鎚锤鎢钨鎬镐"
    "鎭镇鎮镇鎳镍鏇旋鏈链鏟铲鏡镜鏢镖鏤镂鏽锈鐘钟鐧锏鐵铁鑄铸鑑鉴鑒鉴鑰钥鑲镶鑼锣鑽钻鑿凿長长門门閃闪閉闭開开"
    "閑闲閒闲間间閔闵閘闸閣阁閤合閥阀閨闺閩闽閱阅閲阅閹阉閻阎闆板闇暗闊阔闕阙闖闯關关闡阐闢辟陝陕陞升陣阵陰阴"
    "陳陈陸陆陽阳隊队階阶隕陨際际隨随險险隱隐隴陇隸隶隻只雖虽雙双雛雏雜杂雞鸡離离難难雲云電电霑沾霧雾靈灵靜静"
    "鞏巩鞦秋韁缰韃鞑韆千韋韦韌韧韓韩韜韬韻韵響响頁页頂顶頃顷項项順顺須须頌颂預预頑顽頒颁頓顿頗颇領领頜颌頤颐"
    "頭头頰颊頸颈頹颓頻频頽颓顆颗題题額额顏颜顔颜願愿顛颠類类顧顾顫颤顯显顱颅風风颱台颳刮飄飘飛飞飢饥飯饭飲饮"
    "飼饲飽饱飾饰餃饺餅饼餈糍餉饷養养餌饵餓饿餘余餚肴館馆餬糊餵喂餾馏饃馍饅馒饋馈饌馔饑饥饒饶饞馋馬马馮冯馱驮"
    "馳驰馴驯駁驳駐驻駒驹駕驾駙驸駛驶駝驼駟驷駡骂駭骇駱骆駿骏騎骑騙骗騫骞騰腾騷骚騾骡驀蓦驅驱驕骄驗验驚惊驛驿"
    "驟骤驢驴髒脏體体髮发鬆松鬍胡鬚须鬢鬓鬥斗鬧闹鬨哄鬮阄鬱郁魚鱼魯鲁魷鱿鮑鲍鮮鲜鯉鲤鯊鲨鯨鲸鰉鳇鰐鳄鰓鳃鰭鳍"
    "鰱鲢鰲鳌鰾鳔鱅鳙鱉鳖鱗鳞鱘鲟鱷鳄鳥鸟鳩鸠鳳凤鳴鸣鴉鸦鴛鸳鴣鸪鴦鸯鴨鸭鴻鸿鴿鸽鵑鹃鵝鹅鵬鹏鵰雕鵲鹊鶯莺鶴鹤"
    "鷄鸡鷓鹧鷹鹰鹵卤鹹咸鹼碱鹽盐麗丽麥麦麪面麫面麯曲麴曲麵面麼么黃黄點点黨党黴霉鼕冬齊齐齋斋齒齿齡龄齣出龍龙"
    "龐庞龔龚龜龟𡻕岁"
)
_READ_AS = {"\u2053": "~", "\u301c": "~", "\u3030": "~", "\u223c": "~"}
_READ_AS |= {_TRADITIONAL_PAIRS[i]: _TRADITIONAL_PAIRS[i + 1] for i in range(0, len(_TRADITIONAL_PAIRS), 2)}
_READ_AS_TABLE = str.maketrans(_READ_AS)
_TO_READ = re.compile("[" + "".join(_READ_AS) + "]")


# v25: the financial numerals (大写数字) of contracts and invoices are the common ones, one for one (壹仟贰佰万元
# is 一千二百万元, 贰拾个月 二十个月, 壹佰萬圆 一百万元), read as numbers where the point allows Chinese numerals -
# in a run that holds a digit of them (壹 to 玖) and a unit or section (拾, 佰, 仟, 万, 亿, 圆), as amounts are written:
# alone, 伍, 陆 and 拾 are names and words (伍先生, 陆家嘴, 队伍, 陆续, 收拾)
_FINANCIAL_NUMERALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟圆", "一二二三三四五六六七八九十百千元")
_FINANCIAL_DIGIT = "壹贰貳叁參肆伍陆陸柒捌玖"
_FINANCIAL_UNIT = "拾佰仟万萬亿億圆"
_FINANCIAL_RUN = re.compile(f"[{_FINANCIAL_DIGIT}{_FINANCIAL_UNIT}零〇两]{{2,}}")


def _financial_amount(m: re.Match[str]) -> str:
    run = m.group()
    if any(c in _FINANCIAL_DIGIT for c in run) and any(c in _FINANCIAL_UNIT for c in run):
        return run.translate(_FINANCIAL_NUMERALS)
    return run


def _financial_numerals(text: str) -> str:
    return _FINANCIAL_RUN.sub(_financial_amount, text) if _FINANCIAL_RUN.search(text) else text


def _marked(text: str) -> str:
    text = _MIXED_FRACTION.sub(_fraction, text.translate(_LIST_MARKERS))
    text = strip_markup(_hyphens(unicodedata.normalize("NFKC", text).casefold()))
    if "\n" in text:
        text = _LINE_START_MARKER.sub("\\g<indent>•", text)
    text = _financial_numerals(text)
    return text.translate(_READ_AS_TABLE) if _TO_READ.search(text) else text


def normalise_lines(text: str) -> tuple[str, frozenset[int]]:
    """`normalise(text, lines=True)`, and where its line breaks stood for a blank line (a whitespace run with two
    line breaks or more): a list that a blank line splits is two lists (v8), which the one line break left of it
    cannot tell."""
    marked = _marked(text)
    return _WHITESPACE.sub(lambda m: "\n" if "\n" in m.group() else " ", marked).strip(), _paragraph_breaks(marked)


def _paragraph_breaks(marked: str) -> frozenset[int]:
    lead = len(marked) - len(marked.lstrip())
    breaks, removed = set(), 0
    for m in _WHITESPACE.finditer(marked):
        if m.start() < lead:  # the leading run is stripped whole
            removed += m.end() - m.start()
            continue
        if m.end() == len(marked):  # and so is the trailing one
            break
        if m.group().count("\n") >= 2:
            breaks.add(m.start() - removed)
        removed += len(m.group()) - 1
    return frozenset(breaks)


def normalise(text: str, lines: bool = False) -> str:
    """NFKC (full/half width), casefold, Markdown and LaTeX marks removed (`strip_markup`), whitespace collapsed:
    to one space, or with `lines` to a line break where the run holds one (the same positions, for clauses)."""
    if lines:
        return normalise_lines(text)[0]
    return _WHITESPACE.sub(" ", _marked(text)).strip()


# A Markdown table whose header cell names a unit in brackets (累计签约金额（万元）, Cost (USD), 金额（单位：万元）)
# states that unit for the bare numbers of its column (v7): | 2,610 | under it reads | 2,610万元 |. A rule may have one
# dash (|:-:|, |-|) and a table may go without outer pipes (a | b over --- | ---); in a header 月 is 个月
# (回收期（月）) and the currency 人民币/RMB/CNY is left out of a unit (金额（人民币万元）: 万元; (RMB) alone: 元).
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_HEADER_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?([^()（）0-9０-９|]{1,8}?)\s*[)）]\s*$")
_HEADER_CURRENCY = re.compile(r"人民币|(?<![a-z])(?:rmb|cny)(?![a-z])", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*(\**)([-+−]?[0-9０-９][0-9０-９,，. ]*(?<! ))(\**)\s*$")


def _table_row(line: str) -> bool:
    return "|" in line and bool(line.strip())


def _table_rule(line: str) -> bool:
    return "|" in line and _TABLE_RULE.match(line) is not None  # a lone --- is a Markdown rule, not a table's


def _cells(row: str) -> list[str]:
    return row.strip().removeprefix("|").removesuffix("|").split("|")


# v27: a header that is the plural of a unit of time (Months, Payback in months) or a count of one (月数, 回收月数,
# 天数) names it without brackets; not a singular (| Month | is a column of dates: 1..12 are months of the year),
# nor 月份 or 季度 (which month, which quarter)
_PLAIN_HEADER_UNIT = re.compile(
    r"^(?:(?:[^|]*? )?in )?(?P<en>years|quarters|months|weeks|days|hours|minutes)$"
    r"|(?P<zh>年|个?季度|个?月|周|天|小时|分钟)数$"
)
_COUNTED_UNIT = {"年": "年", "季度": "个季度", "个季度": "个季度", "月": "个月", "个月": "个月"}


def _plain_header_unit(cell: str) -> str | None:
    """The unit of time a header cell without brackets names: Months, Payback in months, 月数, 回收天数."""
    m = _PLAIN_HEADER_UNIT.search(cell.strip().strip("*_").strip().casefold())
    if m is None:
        return None
    return m["en"] or _COUNTED_UNIT.get(m["zh"], m["zh"])


def _header_unit(cell: str) -> str | None:
    """The unit a header cell names in brackets: 月 as 个月, without a currency name (人民币万元: 万元); or a unit of
    time it names plainly (`_plain_header_unit`)."""
    m = _HEADER_UNIT.search(cell)
    if m is None:
        return _plain_header_unit(cell)
    unit = m.group(1)
    if _HEADER_CURRENCY.search(unit):
        unit = _HEADER_CURRENCY.sub("", unit).strip(" ,，、/") or "元"
    if unit == "月":
        return "个月"
    return _plain_header_unit(unit) or unit  # v28: 回收期（月数） as 回收月数 (v27: missing)


# a "label (unit): number" line - 回收期（月）：20, **年净节省额（万元）**：120, - Payback period (months): 20
_LABEL_WITH_UNIT = re.compile(r"^(?P<label>[^\n|:：]*?[)）]\s*\**)\s*[:：]\s*(?P<value>[^\n]*)$", re.MULTILINE)


def label_units(text: str) -> str:
    """The text with the unit a line's label names in brackets written after its bare number, as a table row's
    first cell gives it (v8): `回收期（月）：20` states 20个月, `Payback period (months): 20` 20 months."""
    if ":" not in text and "：" not in text:
        return text

    def with_unit(m: re.Match[str]) -> str:
        unit = _header_unit(m["label"].rstrip(" *"))
        number = _BARE_NUMBER.match(m["value"])
        if unit is None or number is None:
            return m.group(0)
        space = " " if unit[:1].isascii() and unit[:1].isalpha() else ""
        head = m.group(0)[: m.start("value") - m.start()]
        return f"{head}{number.group(1)}{number.group(2)}{number.group(3)}{space}{unit}"

    return _LABEL_WITH_UNIT.sub(with_unit, text)


def table_units(text: str) -> str:
    """The text with the unit of a Markdown table column's header written after each bare number of the column (v8:
    or, in a column without one, the unit its row's first cell names: | 年净节省（万元） | 90 |), and the unit of a
    "label (unit): number" line after its number (`label_units`)."""
    text = label_units(text)
    if "|" not in text:
        return text
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if not (_table_rule(lines[i]) and _table_row(lines[i - 1])):
            continue
        units = [_header_unit(cell) for cell in _cells(lines[i - 1])]
        row = i + 1
        while row < len(lines) and _table_row(lines[row]):
            lines[row] = _row_with_units(lines[row], units)
            row += 1
    return "\n".join(lines)


def _row_with_units(line: str, column_units: Sequence[str | None]) -> str:
    """The body row with its bare numbers followed by their column's unit, else by the unit of the row's first cell."""
    cells = _cells(line)
    row_unit = _header_unit(cells[0])
    if not any(column_units) and row_unit is None:
        return line
    for k, cell in enumerate(cells):
        unit = (column_units[k] if k < len(column_units) else None) or (row_unit if k > 0 else None)
        number = _BARE_NUMBER.match(cell)
        if unit is not None and number is not None:
            space = " " if unit[:1].isascii() and unit[:1].isalpha() else ""
            cells[k] = f" {number.group(1)}{number.group(2)}{number.group(3)}{space}{unit} "
    stripped = line.strip()
    left = "|" if stripped.startswith("|") else ""
    right = "|" if stripped.endswith("|") and len(stripped) > 1 else ""
    return left + "|".join(cells) + right


@dataclass(frozen=True)
class TableCell:
    """A body cell of a Markdown table in a normalised answer: a header it is read after (its column's, or its row's
    first cell) and where the cell stands."""

    header: str
    start: int
    end: int


def _cell_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the table row text[start:end] as (start, end), without their spaces and the outer pipes."""
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    bounds = [start - 1, *(i for i in range(start, end) if text[i] == "|"), end]
    spans = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        cell = text[left + 1 : right]
        spans.append((left + 1 + len(cell) - len(cell.lstrip(" ")), right - (len(cell) - len(cell.rstrip(" ")))))
    if text[start : start + 1] == "|":
        spans = spans[1:]
    if end > start + 1 and text[end - 1] == "|":
        spans = spans[:-1]
    return spans


def _starts_a_table(lines: Sequence[tuple[str, int]], row: int) -> bool:
    """The row is another table's header (a rule follows it; the blank line between tables is gone when normalised)
    or a rule."""
    return _table_rule(lines[row][0]) or (row + 1 < len(lines) and _table_rule(lines[row + 1][0]))


def table_cells(answer_lines: str) -> list[TableCell]:
    """Each non-empty body cell of each Markdown table (header row, rule, body rows: as `table_units` reads them) of a
    normalised answer with its line breaks (`normalise(text, lines=True)`, whose positions are the answer's): once
    with its column's header and, after the first cell, once with its row's first cell (`_row_cells`)."""
    if "|" not in answer_lines:
        return []
    lines, pos = [], 0
    for line in answer_lines.split("\n"):
        lines.append((line, pos))
        pos += len(line) + 1
    cells = []
    for i in range(1, len(lines)):
        if not (_table_rule(lines[i][0]) and _table_row(lines[i - 1][0])):
            continue
        header_line, header_at = lines[i - 1]
        headers = [answer_lines[a:b] for a, b in _cell_spans(answer_lines, header_at, header_at + len(header_line))]
        row = i + 1
        while row < len(lines) and _table_row(lines[row][0]) and not _starts_a_table(lines, row):
            line, at = lines[row]
            cells.extend(_row_cells(answer_lines, _cell_spans(answer_lines, at, at + len(line)), headers))
            row += 1
    return cells


def _row_cells(answer_lines: str, spans: Sequence[tuple[int, int]], headers: Sequence[str]) -> list[TableCell]:
    """The row's non-empty cells, each with its column's header and (v8), after the first, with the row's labels as
    the header of a transposed table: its first cell and every cell without a digit before it (| 年净节省额 |
    120 − 30 | 90万元 |, | 2 | 年净节省额 | 120−30 | 90万元 |)."""
    texts = [answer_lines[a:b] for a, b in spans]
    cells: list[TableCell] = []
    for k, (a, b) in enumerate(spans):
        if b <= a:
            continue
        column_header = headers[k] if k < len(headers) else ""
        labels = [t for j, t in enumerate(texts[:k]) if j == 0 or not any(c.isdigit() for c in t)]
        cells.extend(TableCell(h, a, b) for h in dict.fromkeys([column_header, *labels]) if h)
    return cells


def strip_thinking(text: str) -> str:
    """Remove reasoning: closed <think> (v9: or <thinking>) blocks, text before a stray </think>, an unclosed
    <think> tail."""
    text = _THINK_BLOCK.sub("", text)
    closes = list(_THINK_CLOSE.finditer(text))
    if closes:
        text = text[closes[-1].end() :]
    opening = _THINK_OPEN.search(text)
    if opening is not None:
        text = text[: opening.start()]
    return text.strip()


@dataclass(frozen=True)
class PointResult:
    point: str
    weight: float
    # "covered" | "missing" | "echoed" | "negated" (said only under a negation: 不合规 for 合规; v15: or offered only
    # among other values, 20个月或24个月)
    status: str
    matched: str | None = None  # the variant that matched
    echoed_from: str | None = None  # the copied source, for status "echoed"
    matched_text: str | None = None  # the answer's text that matched (normalised), e.g. "1,200万元"
    rule: str | None = None  # how the matched form was compared: "text", "number" or "regex"


@dataclass
class Score:
    case_id: str
    score: float
    coverage: float
    threshold: float
    passed: bool
    points: list[PointResult]
    forbidden_found: list[str] = field(default_factory=list)
    penalty: float = 0.0
    answer: str = ""
    scorer: dict[str, object] = field(default_factory=dict)

    @property
    def covered(self) -> list[str]:
        return [p.point for p in self.points if p.status == "covered"]

    @property
    def missing(self) -> list[str]:
        """Not said: absent, or only under a negation (`negated` names those)."""
        return [p.point for p in self.points if p.status in ("missing", "negated")]

    @property
    def negated(self) -> list[str]:
        return [p.point for p in self.points if p.status == "negated"]

    @property
    def echoed(self) -> list[str]:
        return [p.point for p in self.points if p.status == "echoed"]

    def to_dict(self) -> dict[str, object]:
        return {
            "score": round(self.score, 2),
            "coverage": round(self.coverage, 2),
            "threshold": self.threshold,
            "passed": self.passed,
            "covered": self.covered,
            "missing": self.missing,
            "echoed": self.echoed,
            "forbidden_found": self.forbidden_found,
            "penalty": self.penalty,
            "points": [dict(vars(p)) for p in self.points],  # flat: scalars only (asdict deep-copies each)
            "scorer": self.scorer,
        }

    def explain(self, excerpt_chars: int = 300) -> str:
        """A readable multi-line explanation, used as the assertion message."""
        verdict = "passed" if self.passed else "FAILED"
        lines = [f"{self.case_id}: {verdict}, score {self.score:.1f} (threshold {self.threshold:g})"]
        total = len(self.points)
        covered = [p for p in self.points if p.status == "covered"]
        lines.append(f"  covered ({len(covered)}/{total}): " + (", ".join(_describe_match(p) for p in covered) or "-"))
        lines.append("  missing: " + (", ".join(self.missing) or "-"))
        negated = [p for p in self.points if p.status == "negated"]
        if negated:
            lines.append("  negated, not counted: " + ", ".join(f"{p.point} (as '{p.matched_text}')" for p in negated))
        echoed = [p for p in self.points if p.status == "echoed"]
        if echoed:
            lines.append(
                "  echoed, not counted: " + ", ".join(f"{p.point} (copied from {p.echoed_from})" for p in echoed)
            )
        if self.forbidden_found:
            lines.append(f"  forbidden claims present (-{self.penalty:g} each): " + ", ".join(self.forbidden_found))
        excerpt = self.answer[:excerpt_chars].replace("\n", " ")
        if len(self.answer) > excerpt_chars:
            excerpt += " ..."
        lines.append(f"  answer: {excerpt!r}")
        return "\n".join(lines)


def _describe_match(p: PointResult) -> str:
    shown = p.matched_text if p.matched_text is not None else p.matched
    return p.point if shown is None or normalise(shown) == normalise(p.point) else f"{p.point} (as '{shown}')"


# v23: a copy with its punctuation changed, dropped or added is a copy (； or 。 for ，, a bullet or a line break put
# in, the commas left out: 某项目投资1200万元；年净节省90万元；回收期为20个月 copies the question's
# 某项目投资1200万元，年净节省90万元，回收期为20个月): punctuation is not compared - but the marks inside a number
# (1.2, 1,200, 18-24, 3/4, 10:30), a sign before one (-20%) and % are, as 12 is no copy of 1.2 - and the copy's length
# counts the characters compared: a copy's marks no longer count toward ECHO_MIN_COPY. And a point is echoed only
# inside one copy: the answer's figure between two copied stretches (the question's "costs 1.2 million yuan and saves
# ..." answered "costs 12 million yuan and saves ...") is its own, where versions 1-22 marked it copied because each
# side was.
_KEPT_MARKS = frozenset("%‰")
_NUMBER_MARKS = frozenset(".,:/-")


def _dropped_mark(text: str, i: int) -> bool:
    """The character at `i` is punctuation the echo guard does not compare (not a number's mark nor %)."""
    char = text[i]
    if not unicodedata.category(char).startswith("P") or char in _KEPT_MARKS:
        return False
    if char in _NUMBER_MARKS and text[i + 1 : i + 2].isdigit():
        return not (char == "-" or text[i - 1 : i].isdigit())
    return True


@lru_cache(maxsize=64)
def _compared(text: str) -> tuple[str, tuple[int, ...]]:
    """The text as the echo guard compares it - without the punctuation it does not compare, one space for each run
    of spaces, without the spaces next to a CJK character (`spaced_out`) - and where each character kept stands in
    the text."""
    kept: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if _dropped_mark(text, i) or (char == " " and kept and kept[-1] == " "):
            continue
        kept.append(char)
        where.append(i)
    spaced, at = spaced_out("".join(kept))
    return spaced, tuple(where[j] for j in at)


class _SuffixAutomaton:
    """The substrings of one text, to find the longest stretch of another that each of its positions ends."""

    def __init__(self, text: str) -> None:
        self.next: list[dict[str, int]] = [{}]
        self.link = [-1]
        self.length = [0]
        last = 0
        for char in text:
            last = self._extend(last, char)

    def _extend(self, last: int, char: str) -> int:
        state = len(self.length)
        self.next.append({})
        self.link.append(0)
        self.length.append(self.length[last] + 1)
        p = last
        while p != -1 and char not in self.next[p]:
            self.next[p][char] = state
            p = self.link[p]
        if p != -1:
            q = self.next[p][char]
            if self.length[p] + 1 == self.length[q]:
                self.link[state] = q
            else:
                clone = len(self.length)
                self.next.append(dict(self.next[q]))
                self.link.append(self.link[q])
                self.length.append(self.length[p] + 1)
                while p != -1 and self.next[p].get(char) == q:
                    self.next[p][char] = clone
                    p = self.link[p]
                self.link[q] = clone
                self.link[state] = clone
        return state

    def longest_ending(self, text: str) -> list[int]:
        """For each position of `text`, the length of the longest stretch ending there that the automaton's text
        holds."""
        lengths, state, length = [], 0, 0
        for char in text:
            while state and char not in self.next[state]:
                state = self.link[state]
                length = self.length[state]
            if char in self.next[state]:
                state, length = self.next[state][char], length + 1
            lengths.append(length)
        return lengths


@lru_cache(maxsize=16)
def _automaton(source_compared: str) -> _SuffixAutomaton:
    return _SuffixAutomaton(source_compared)


@dataclass(frozen=True)
class Copies:
    """The stretches of an answer copied from one source (each the longest copy ending at its last character, at
    least the source's `min_copy` long): `covers(start, end)` says whether one copy holds all of answer_norm[start:end]
    (v23: one copy - before, each character only had to lie in some copy)."""

    where: tuple[int, ...]  # each compared character's position in the answer
    reach: tuple[int, ...]  # for each compared position, the furthest end of a copy that starts at or before it

    def covers(self, start: int, end: int) -> bool:
        first, after = bisect_left(self.where, start), bisect_left(self.where, end)
        return first < after and self.reach[first] >= after


def copies(answer_norm: str, source_norm: str, min_copy: int) -> Copies:
    """The answer's verbatim copies (>= min_copy characters) of the source. Spaces next to a CJK character are not
    compared (v7): `回收期为 20 个月` copies `回收期为20个月`; nor is punctuation (v23, `_compared`); min_copy counts
    the characters compared."""
    answer, where = _compared(answer_norm)
    source = _compared(source_norm)[0]
    reach = [0] * len(answer)
    if min_copy > 0 and len(source) >= min_copy:
        for last, length in enumerate(_automaton(source).longest_ending(answer)):
            first = last - length + 1
            if length >= min_copy:
                reach[first] = max(reach[first], last + 1)
    for i in range(1, len(reach)):
        reach[i] = max(reach[i], reach[i - 1])
    return Copies(where, tuple(reach))


def copied_mask(answer_norm: str, source_norm: str, min_copy: int) -> list[bool]:
    """Mark answer positions inside a verbatim copy (>= min_copy characters, `copies`) of the source."""
    found = copies(answer_norm, source_norm, min_copy)
    mask = [False] * len(answer_norm)
    marked_to = 0
    for k, position in enumerate(found.where):
        if found.reach[k] > k:  # a copy that starts at or before k reaches past it
            end = found.where[found.reach[k] - 1] + 1
            for j in range(max(position, marked_to), end):
                mask[j] = True
            marked_to = max(marked_to, end)
    return mask


def _zh_negation_ending(text: str, figure: bool) -> int | None:
    """Where the Chinese negation that `text` ends with starts, if it ends with one (not a double negation); the
    longest one, so that 不是 is shown whole, not as 是 after 不."""
    negations = NEGATIONS_ZH + (NEGATIONS_BEFORE_A_FIGURE if figure else NEGATIONS_NOT_BEFORE_A_FIGURE)
    negation = max((n for n in negations if text.endswith(n)), key=len, default=None)
    if negation is None:
        return None
    if (negation == "不" or negation in VERB_NEGATIONS_ZH) and text[: -len(negation)].endswith(DOUBLE_NEGATION_BEFORE):
        return None  # 不得不: an affirmation
    if negation in PROHIBITIONS_ZH:
        before = text[: -len(negation)].rstrip(" ")
        adverb = _ADVERB_BEFORE_A_PROHIBITION.search(before)
        if (before[: adverb.start()] if adverb else before).rstrip(" ").endswith(_NEGATED_BEFORE_A_PROHIBITION):
            return None  # 不禁止, 并未拒绝 (v11); 不得拒绝, 不得擅自拒绝 (v12)
        if negation in WAIVERS_ZH and before.endswith(_POSSIBILITY_BEFORE_A_WAIVER):
            return None  # v15: 可申请减免违约金 - a waiver that may be granted
    if any(text.endswith(word) and len(word) > len(negation) for word in NO_NEGATION_ZH):
        return None  # 无非: the 非 of a word that negates nothing
    return len(text) - len(negation)


def _en_negation_ending(text: str) -> int | None:
    """Where the English negation that `text` ends with starts: "not ", "non-", "rather than ", or a negation and
    one filler word ("not fully ", "won't be ") or (v9) two ("not yet been "). A typographic apostrophe (won’t) is read
    as ' (NFKC keeps it)."""
    m = _WORDS_BEFORE.search(text.replace("’", "'"))
    if m is None:
        return None
    words = m.group(1).split(" ")
    starts = [m.start(1)]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word) + 1)
    if words[-1] in NEGATIONS_EN:
        return starts[-1]
    if words[-1] in PROHIBITIONS_EN and m.group(2) == " ":  # v11: prohibits refunds - not "never refuses"
        return None if _negated_prohibition(words) else starts[-1]
    if m.group(2) != " " or len(words) < 2:
        return None  # a hyphen joins only non- to its word
    if words[-1] in ARTICLES_EN:
        words, starts = words[:-1], starts[:-1]  # not a 20-month payback: the article is no part of the negation
        if words[-1] in NEGATIONS_EN:
            return starts[-1]
        if words[-1] in PROHIBITIONS_EN:  # v11: refuses a refund
            return None if _negated_prohibition(words) else starts[-1]
        if len(words) < 2:
            return None
    if words[-1] in _LIGHT_VERBS_AFTER_A_PROHIBITION and words[-2] in PROHIBITIONS_EN:  # v14: prohibits using X
        return None if _negated_prohibition(words[:-1]) else starts[-2]
    if " ".join(words[-2:]) in NEGATIONS_EN_TWO_WORDS:
        if words[-1] == "to" and words[-2] in PROHIBITIONS_EN | _REFUSALS_EN and _negated_prohibition(words[:-1]):
            return None  # v12: cannot refuse to refund, must not refuse to, won't refuse to - an affirmation
        return starts[-2]
    if words[-1] in FILLERS_EN:
        if words[-2] in NEGATIONS_EN:
            return starts[-2]
        if len(words) == 3 and " ".join(words[:2]) in NEGATIONS_EN_TWO_WORDS:
            return starts[0]
        if len(words) == 3 and words[-2] in FILLERS_EN and words[0] in NEGATIONS_EN:
            return starts[0]  # v9: two fillers - has not yet been audited, is not currently fully compliant
    return None


def _negated_prohibition(words: Sequence[str]) -> bool:
    """The prohibition that `words` end with is negated (never refuses, does not currently prohibit): an affirmation."""
    before = words[:-1]
    return bool(before) and (
        before[-1] in NEGATIONS_EN or (len(before) > 1 and before[-1] in FILLERS_EN and before[-2] in NEGATIONS_EN)
    )


def negation_before(answer_norm: str, start: int, figure: bool = False) -> str | None:
    """The negation standing before `start` in a normalised answer, with what lies between (one space, opening
    quotes, one filler word: 不是约, 不“, not fully), if any. `figure`: the point starts with a number, which
    不止 and 不只 negate (不止20个月: more than that) and 只有 may follow (不是只有20个月)."""
    before = answer_norm[max(0, start - 24) : start]
    core = before.rstrip(_OPENERS + " ")
    at = _zh_negation_over_a_filler(core, figure)
    if at is None and core[-1:] in "年月日号底初末前内中":
        date = _DATE_BEFORE_A_POINT.search(core)  # v10: 并未于2024年(正式)通过
        if date is not None:
            at = _zh_negation_over_a_filler(core[: date.start()].rstrip(" "), figure)
    if at is None and any(core.endswith(filler) for filler in FILLERS_ZH):
        filler = next(f for f in _FILLERS_ZH_LONGEST_FIRST if core.endswith(f))
        date = _DATE_BEFORE_A_POINT.search(core[: -len(filler)])  # v10: 并未于2024年正式通过
        if date is not None:
            at = _zh_negation_ending(core[: date.start()].rstrip(" "), figure)
    if at is None:
        at = _en_negation_ending(before.rstrip(_OPENERS))  # the space after the word stays: "not "
    if at is not None and _asks_a_not_a(answer_norm, before, at, start):
        return None  # v19: 回收期是不是20个月？ asks, it does not deny
    return None if at is None else before[at:]


def _asks_a_not_a(answer_norm: str, before: str, at: int, start: int) -> bool:
    """The negation at `at` in `before` is the middle of an A-not-A question (是不是, 有没有, 能不能, 可不可以) whose
    sentence, the one that holds `start`, ends with a question mark (v19): 回收期是不是20个月？ asks."""
    if at == 0 or before[at : at + 1] not in ("不", "没") or before[at - 1 : at] != before[at + 1 : at + 2]:
        return False
    end = _SENTENCE_END.search(answer_norm, start)
    return end is not None and end.group() == "?"


def _zh_negation_over_a_filler(core: str, figure: bool) -> int | None:
    """Where the Chinese negation that `core` ends with starts, directly or before one filler (不是约, 并未正式)."""
    at = _zh_negation_ending(core, figure)
    for filler in _FILLERS_ZH_LONGEST_FIRST:
        if at is None and core.endswith(filler) and (figure or filler != "只有"):
            at = _zh_negation_ending(core[: -len(filler)].rstrip(_OPENERS + " "), figure)
    return at


def negation_after(answer_norm: str, end: int) -> str | None:
    """不到 (都不到, 还不到) right after a figure, one space allowed: 20个月都不到 is less than 20 months. Only where
    the phrase ends there (punctuation, the end, or 的 就 即 便 呢 啊 follow: 50人不到的团队): in
    150万元不到两年即可收回 the 不到 goes with the next figure (v7)."""
    after = answer_norm[end : end + 4].removeprefix(" ")
    negation = next((n for n in NEGATIONS_AFTER_A_FIGURE if after.startswith(n)), None)
    if negation is None:
        return None
    shown = answer_norm[end : end + len(negation) + (1 if answer_norm[end : end + 1] == " " else 0)]
    following = answer_norm[end + len(shown) :].lstrip(" ")[:1]
    if following and following.isalnum() and following not in _ENDS_AFTER_NOT_REACHING:
        return None  # 不到两年, 不到20个月, 不到位: 不到 starts another phrase
    return shown


# v11: a denial right after the point, where its part of the clause ends (or an English clause goes on with a
# conjunction): 私有化部署暂不支持。, 退款是不可能的, 私有化部署：不支持, 关于私有化部署，目前暂不支持。,
# 退款一律不予受理, | 私有化部署 | 无 |; On-premise deployment is not available (at this time), Refunds are not granted,
# A refund is not possible. Only the words of a denial, and only where the part ends after them: 私有化部署不支持多租户
# and 私有化部署不可用于测试环境 state the point (they deny another thing), "is not available for the Basic plan" limits
# it, and 不仅, 不错, 不久, 不断 and "is not only" deny nothing.
_DENIAL_ADVERBS_ZH = (
    "(?:目前|当前|现在|暂时|也|都|均|并|还|尚|则|仍然?|依然|根本|完全|绝对|一律|一概|原则上|是|全部|全额|予以"
    # v15: and a perfect, future or passive one (服务费已减免, 将被豁免, 均予减免)
    "|已经|已|将会|将|会|被|予)"
)
_PART_ENDS_ZH = r" ?(?=[。!?;\n,、:(—|]|\.(?=\s|$)|$)"
# v14: and a waiver after the point, as 免收 before it is one (首年服务费免收, 违约金予以免除, 安装费全免, 服务费不收取)
_WAIVERS_AFTER_ZH = "免收|免除|豁免|免交|免缴|免征|全免|减免|免去|免掉|不收"  # v15: 减免, 免去, 免掉, 不收
_DENIAL_AFTER_ZH = re.compile(
    f"(?: ?[,:|] ?)?(?:{_DENIAL_ADVERBS_ZH} ?){{0,3}}"
    "(?P<denial>不可能|不可行|不可用|不能用|用不了|不行|不可以|不能|(?:暂|还|尚)?不(?:支持|提供|开放|存在|适用|允许|接受"
    "|受理|包括|包含|需要|必要|收取|收费|计费|另行收取|额外收取|现实|可取)|不被(?:允许|支持|接受|认可)|不予(?:受理|支持|批准|办理|考虑"
    "|提供|退还)?|无法(?:提供|实现|支持|使用|办理|受理)|没有提供|(?:暂|尚)?未(?:提供|开放|上线|支持)|被拒绝?|被禁止|禁止|非必需"
    f"|非必须|不是必须|不是必需|没必要|无|没有|{_WAIVERS_AFTER_ZH}"
    "|行不通|(?:实现|做|办)不(?:了|到)"
    # v25: and its unlikelihood (回收期20个月不太可能, 20个月的可能性很小)
    "|(?:不太|不大)可能(?:实现|达到|做到)?|(?:的)?可能性(?:很|极|非常)?(?:小|低|不大)"
    # v15: and a correction (回收期是20个月是错的, 20个月的说法有误, 回收期20个月，不对，是24个月)
    "|(?:的?(?:说法|表述|结论|答案))?(?:是|并)?(?:错误|错|不对|不准确|不正确|有误|不实)"
    # v16: and one that points back at it (20个月，这是错误的; 20个月，这个说法不对; 20个月这一说法是错误的)
    "|(?:这|此)(?:个|种|一|样)?(?:说法|表述|结论|答案|数字|数据|估计|判断)?(?:是|并|就|也)?(?:完全)?"
    "(?:错误|错|不对|不准确|不正确|有误|不实))"
    "(?:的|了|哦|呢|啊|呀|吧)?" + _PART_ENDS_ZH
)
_DENIAL_AFTER_EN = re.compile(
    r"(?:e?s)? (?:(?:is|are|was|were|will|would|can|could|does|do|did|has|have|had|should|may|must)"
    r"(?:n't|n’t|(?: currently| presently| still)? not)"
    r"|won't|won’t|can't|can’t|cannot|(?:is|are|was|were) no longer)"
    r"(?: (?:be|been|being|currently|yet|presently|generally|normally|always|ever|officially))*"
    r" (?:available|supported|offered|possible|provided|permitted|allowed|granted|included|accepted|applicable"
    r"|required|needed|necessary|feasible|issued|given|an option|charged|billed|collected|payable)"
    r"|(?:e?s)? (?:is|are|was|were)(?: currently)? (?:unavailable|unsupported|impossible|prohibited|forbidden"
    r"|(?:highly |very )?unlikely|not likely|unrealistic|not realistic|unachievable|not achievable"  # v26
    r"|not an option|wrong|incorrect|inaccurate|false|not (?:correct|right|accurate|true))"  # v15: a correction
    # v16: and one that points back at it (20 months, which is wrong; 20 months - this is incorrect)
    r"|(?:e?s)?(?:,| -| —| –|;)? (?:which|this|that)(?: figure| number| claim| estimate)? (?:is|was)"
    r"(?: simply| completely)? (?:wrong|incorrect|inaccurate|false|untrue|not (?:correct|right|accurate|true))"
    # v14: a waiver (the fee is waived, will be waived; not "can be waived", a possibility)
    r"|(?:e?s)? (?:is|are|was|were|will be|shall be|has been|have been)(?: (?:fully|entirely|completely|also))?"
    r" (?:waived|exempted|remitted|forgiven)"  # v15: remitted, forgiven
)
# v14: a charge said to be free after it is waived (首年服务费免费, The service fee is free of charge) - not a service
# that is free (安装免费, Installation is free of charge: it is done, for nothing)
_A_CHARGE = re.compile("(?:费|金|款|税|租)$|(?<![a-z])(?:fees?|charges?|costs?|deposits?|penalty|penalties|tax|rent)$")
_FREE_AFTER_ZH = re.compile(
    f"(?: ?[,:|] ?)?(?:{_DENIAL_ADVERBS_ZH} ?){{0,3}}"
    # v15: or need not be paid (服务费无需支付, 违约金不用交)
    "(?:免费|(?:无需|无须|不需要?|不用|不必|免于)(?:再|额外|另行)?(?:支付|缴纳|交纳|缴付|付费|缴|交|付))(?:的|了)?"
    + _PART_ENDS_ZH
)
_FREE_AFTER_EN = re.compile(
    r"(?:e?s)? (?:is|are|was|were|will be)(?: (?:completely|entirely|totally))? free(?: of charge)?"
)
_DENIAL_ENDS_EN = re.compile(
    r"(?: (?:at (?:this|the) (?:time|moment)|at present|for now|currently|yet|today|at all|anymore|any more))?"
    r"(?=[.,;!?:)\n]|$| (?:and|but|as|since|because|so)(?![a-z]))"
)


def denial_after(answer_norm: str, end: int, charge: bool = False) -> str | None:
    """The denial right after the point that ends at `end`, where its part of the clause ends (v11): 暂不支持,
    是不可能的, " is not available"; (v14) 免收, " is waived" and, for a `charge`, 免费, " is free of charge"; else
    None."""
    zh = _DENIAL_AFTER_ZH.match(answer_norm, end) or (_FREE_AFTER_ZH.match(answer_norm, end) if charge else None)
    if zh is not None:
        return zh.group().rstrip(" ")
    if end == 0 or not answer_norm[end - 1].isascii() or not answer_norm[end - 1].isalnum():
        return None
    en = _DENIAL_AFTER_EN.match(answer_norm, end) or (_FREE_AFTER_EN.match(answer_norm, end) if charge else None)
    if en is None or (en.group().startswith(("s", "e")) and not answer_norm[end - 1].isalpha()):
        return None
    tail = _DENIAL_ENDS_EN.match(answer_norm, en.end())
    return None if tail is None else answer_norm[end : tail.end()]


def _occurrences(haystack: str, needle: str) -> list[int]:
    starts, pos = [], haystack.find(needle)
    while pos != -1 and needle:
        starts.append(pos)
        pos = haystack.find(needle, pos + 1)
    return starts


# A hyphen and a space between two Latin words are the same (v9): anti-money-laundering and anti money laundering
# cover Anti-Money Laundering and back (a form with up to three such joins).
_WORD_JOIN = re.compile("(?<=[a-z])[- ](?=[a-z])")


def _hyphen_twins(text: str) -> tuple[str, ...]:
    """The other spellings of a (normalised) form whose Latin words are joined by hyphens or spaces."""
    joins = [m.start() for m in _WORD_JOIN.finditer(text)]
    if not joins or len(joins) > 3:
        return ()
    twins = []
    for mask in range(2 ** len(joins)):
        chars = list(text)
        for k, i in enumerate(joins):
            chars[i] = "-" if mask >> k & 1 else " "
        twin = "".join(chars)
        if twin != text:
            twins.append(twin)
    return tuple(twins)


# v25: a change in percentage points is one in any of its names (3个百分点, 3 percentage points, 3 pp, 3 ppt)
_PERCENTAGE_POINTS = re.compile(r"^(?P<n>[0-9]+(?:\.[0-9]+)?) ?(?:个百分点|百分点|percentage points?|pp|ppts?)$")
_PERCENTAGE_POINT_NAMES = (
    "{n}个百分点",
    "{n}百分点",
    "{n} percentage points",
    "{n} percentage point",
    "{n} pp",
    "{n} ppt",
)


def _percentage_point_twins(needle: str) -> tuple[str, ...]:
    m = _PERCENTAGE_POINTS.match(needle)
    return tuple(name.format(n=m.group("n")) for name in _PERCENTAGE_POINT_NAMES) if m else ()


def _twins(needle: str) -> tuple[str, ...]:
    """A form's other spellings: a standard's name with or without its space, Latin words joined by a hyphen or a
    space (v9), a date with dashes or slashes (v15: 2020年3月 as 2020-03), percentage points in any name (v25)."""
    twins = dict.fromkeys((*standard_twins(needle), *date_twins(needle), *_percentage_point_twins(needle)))
    for spelling in (needle, *twins):
        twins.update(dict.fromkeys(_hyphen_twins(spelling)))
    twins.pop(needle, None)
    return tuple(twins)


def patterns(variants: Sequence[str], forms: NumberForms | None = None, regexes: Sequence[str] = ()) -> list[Pattern]:
    """The patterns of a key point's (or forbidden claim's) forms, in order: text, number or regex. Compiled once per
    point: every answer is scored against the same points, and a form's spellings (v9) cost normalising and regexes."""
    return list(_compiled_patterns(tuple(variants), forms, tuple(regexes)))


@lru_cache(maxsize=4096)
def _compiled_patterns(
    variants: tuple[str, ...], forms: NumberForms | None, regexes: tuple[str, ...]
) -> tuple[Pattern, ...]:
    found: list[Pattern] = []
    for variant in variants:
        needle = number_words_as_digits(normalise(variant), forms)  # v24: two years is 2 years
        if needle:
            written = compile_variant(needle, forms or NumberForms())
            found.append(written)
            found.extend(compile_variant(twin, forms or NumberForms()) for twin in _twins(needle))  # v9
            twins = duration_twins(needle, forms)  # v18: the duration in other units of time (1年8个月 for 20个月)
            found.extend(_duration_twin(compile_variant(twin, forms or NumberForms())) for twin in twins)
            found.extend(_date_twins(written))  # v26: 2024-06 for 2024年, Mar 2024 for March 2024
    # v12: a regex is read as the answer is, its Traditional characters as Simplified (v10 read only the answer so: a
    # regex written in Traditional, 後端|於梨華, no longer matched the answer it was written for)
    found.extend(RegexPattern(r.translate(_READ_AS_TABLE) if _TO_READ.search(r) else r) for r in regexes)
    return tuple(found)


# v25: a factor of a product (7×24小时, 5*8小时: round-the-clock hours) is the point's own form where the point writes
# it (24小时 for 7×24小时 support: v18), but no length of time to convert: 7×24小时 no longer states 1天 or 1 day
_FACTOR_BEFORE = re.compile(r"[0-9] ?[×x*✕] ?$")


@dataclass(frozen=True)
class _DurationTwin(NumberPattern):
    """A point's duration in another unit of time (v18: `duration_twins`), not matched as a factor of a product."""

    def search(self, answer: str) -> Iterator[Found]:
        factors = 0
        for found in super().search(answer):
            if _FACTOR_BEFORE.search(answer, max(0, found.start - 4), found.start) is None:
                yield found
            elif (factors := factors + 1) >= MOST_OCCURRENCES_JUDGED:
                return  # as many as `_find` judges of a form: a run of 7×24小时 is read no further


# v26: a point that is a year, a month of a year, a quarter or a fiscal year is stated by the other ways of writing a
# date in it (`_date_twins`): a year point (2024年, 1997年) by an ISO date in that year, with dashes or slashes
# (2024-06, 2024-06-15, 1997/3/15), as a month point is since v15 (2024年6月 for 2024-06); an English month (March
# 2024) by its abbreviation, a day in it or an ISO date (Mar 2024, Mar. 2024, March 15, 2024, March of 2024,
# 2024-03-15); a quarter (Q3 2024) by 2024 Q3, Q3-2024, 3Q 2024, Q3 of 2024, the third quarter of 2024; a fiscal year
# (FY2023) by fiscal year 2023, fiscal 2023. An ISO date has a valid month and day and is no part of a longer run of
# digits and dashes (版本号2024-0615-88, 工单2024-06-15-001, 010-2024-06) nor of a code (v2024-06).
_MONTHS_EN: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july", "august", "september")
_MONTHS_EN += ("october", "november", "december")
_MONTH_ABBREVIATIONS = {"september": "sept?", "may": "may"}
_QUARTER_ORDINALS = {"1": "first|1st", "2": "second|2nd", "3": "third|3rd", "4": "fourth|4th"}
_YEAR_POINT_ONLY = re.compile(r"([0-9]{4}) ?年")
_MONTH_POINT_EN = re.compile(f"({'|'.join(_MONTHS_EN)}),? ?([0-9]{{4}})")
_QUARTER_POINT = re.compile(r"q([1-4]) ?([0-9]{4})")
_FISCAL_YEAR_POINT = re.compile(r"fy ?([0-9]{4})")
_DAY = "(?:0?[1-9]|[12][0-9]|3[01])"


def _iso_date(year: str, month: str) -> str:
    """An ISO date in the year (and the month), with or without its day."""
    return rf"(?<![0-9a-z.\-/_]){year}(?P<sep>[-/]){month}(?:(?P=sep){_DAY})?(?![0-9a-z]|[-/.][0-9])"


def _date_twin_regex(point: str) -> tuple[str, str] | None:
    """The year the point names and the regex of its date's other spellings, for a point that is a date only."""
    if m := _YEAR_POINT_ONLY.fullmatch(point):
        return m.group(1), _iso_date(m.group(1), "(?:0?[1-9]|1[0-2])")
    if m := _MONTH_POINT_EN.fullmatch(point):
        name, year = m.groups()
        number = _MONTHS_EN.index(name) + 1
        short = _MONTH_ABBREVIATIONS.get(name, name[:3])
        named = rf"(?<![a-z])(?:{name}|{short}\.?)(?:,| of| {_DAY}(?:st|nd|rd|th)?,?)? ?{year}(?![0-9])"
        return year, f"{named}|{_iso_date(year, f'0?{number}' if number < 10 else str(number))}"
    if m := _QUARTER_POINT.fullmatch(point):
        n, year = m.groups()
        return year, (
            rf"(?<![a-z0-9])(?:q{n}(?: of|[-/'])? ?{year}|{year} ?q{n}|{n}q ?{year}"
            rf"|(?:{_QUARTER_ORDINALS[n]}) quarter(?: of)?,? {year})(?![0-9])"
        )
    if m := _FISCAL_YEAR_POINT.fullmatch(point):
        return m.group(1), rf"(?<![a-z0-9])fiscal(?: year)? {m.group(1)}(?![0-9])"
    return None


@lru_cache(maxsize=256)
def _compiled_date_twin(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


@dataclass(frozen=True)
class _DateTwin(NumberPattern):
    """A date point's date in its other spellings (v26: `_date_twin_regex`)."""

    year: str = ""
    regex: str = ""

    def search(self, answer: str) -> Iterator[Found]:
        if self.year in answer:  # most answers name no such year: no regex search
            for m in _compiled_date_twin(self.regex).finditer(answer):
                yield Found(m.start(), m.end())


def _date_twins(pattern: Pattern) -> list[Pattern]:
    """The other spellings of a point that is a date only (v26), as one pattern; none for another point."""
    found = _date_twin_regex(pattern.text) if isinstance(pattern, NumberPattern | TextPattern) else None
    if found is None:
        return []
    year, regex = found
    number = pattern if isinstance(pattern, NumberPattern) else compile_variant(year)  # fy2023 is a code: text
    if not isinstance(number, NumberPattern):
        return []
    return [_DateTwin(pattern.text, number.pieces, number.slots, number.forms, year, regex)]


def _duration_twin(pattern: TextPattern | NumberPattern) -> TextPattern | NumberPattern:
    if not isinstance(pattern, NumberPattern):
        return pattern
    return _DurationTwin(pattern.text, pattern.pieces, pattern.slots, pattern.forms)


# v17: a bound says on which side of its number the quantity lies, one rule for every bound word. A strict bound names
# another value (超过20个月, 多于, 高于, 逾, 不止, 少于, 低于, 不到, 不足, more than, over, above, exceeding, less than,
# under, below): it does not credit a point that states the plain figure (20个月) - it is negated, shown with the bound
# (v6 credited 超过 and 少于, v3 negated 不到 and 不止). An inclusive bound states the figure as a limit (不少于,
# 不低于, 至少, 最少, 起码, 以上; 不超过, 不高于, 最多, 至多, 以下, 以内, 之内, 内; at least, no less than, at most, no
# more than, up to, within, or more, or less): it credits the plain figure, as limits are written (审批5分钟以内,
# 误差在正负5%以内, 至少提前30天通知, 30天内退款; v3 negated 不超过 and 不少于, while 不低于 credited). A form that
# carries a bound itself (不低于200元, 30天以内, 超过12分钟, at least 3 days) is the figure with that bound's direction:
# a bound of the same direction credits it, strict or inclusive (至少200元, 200元以上, 不少于200元 for 不低于200元;
# 30天之内, 不超过30天, within 30 days for 30天以内), and the other direction or the plain figure does not. An
# approximation is no bound (约20个月, 20个月左右, 接近20个月, 20多个月 still credit 20个月). The bound stands right
# before the number (one filler between: 至少需要20个月, 超过了20个月) or right after the form (20个月以上,
# 20个月或以上, 20 months or more).
LOWER_BOUNDS_BEFORE = (
    "不少于", "不低于", "不小于", "不下于", "至少", "最少", "起码", "最低", "超过", "超出", "多于", "高于", "大于",
    "逾", "不止", "不只", "长于", "at least", "no less than", "not less than", "no fewer than", "not fewer than",
    "more than", "over", "above", "exceeding", "in excess of", "upwards of", "greater than", "longer than",
    "higher than", "no shorter than", "beyond", "never less than", "never fewer than", "never shorter than",
    "never below", "never lower than",
    # v25: the verbs of a strict bound (it exceeds 20 months: more than 20)
    "exceeds", "exceeded", "exceed", "surpasses", "surpassed", "surpass",
)  # fmt: skip
UPPER_BOUNDS_BEFORE = (
    "不超过", "不超", "不高于", "不大于", "不多于", "最多", "至多", "最高", "少于", "低于", "小于", "短于", "不到",
    "不足", "未满", "不满", "没到", "没达到", "未达", "未达到", "未到", "达不到", "未超过", "没有超过", "没超过",
    "不会超过", "用不了", "要不了", "at most", "no more than", "not more than", "up to", "under", "below",
    "less than", "fewer than", "within", "not exceeding", "no longer than", "shorter than", "lower than",
    "no higher than", "not over", "never more than", "never longer than", "never over", "never exceeding",
    "never above", "never higher than", "not to exceed",
)  # fmt: skip
LOWER_BOUNDS_AFTER = ("以上", "及以上", "或以上", "或更多", "或更长", "or more", "or longer", "or above",
                      "and above", "and up", "or higher", "at least", "at minimum", "minimum")  # fmt: skip
UPPER_BOUNDS_AFTER = ("以下", "及以下", "或以下", "以内", "之内", "内", "或更少", "或更短", "or less", "or fewer",
                      "or shorter", "or below", "and below", "and under", "or lower", "at most", "at the most",
                      "maximum", "max")  # fmt: skip
# the inclusive ones: they state their figure as a limit
INCLUSIVE_BOUNDS = frozenset((
    "不少于", "不低于", "不小于", "不下于", "至少", "最少", "起码", "最低", "at least", "no less than", "not less than",
    "no fewer than", "not fewer than", "no shorter than", "不超过", "不超", "不高于", "不大于", "不多于", "最多",
    "至多", "最高", "未超过", "没有超过", "没超过", "不会超过", "at most", "no more than", "not more than", "up to",
    "within", "not exceeding", "no longer than", "no higher than", "not over", "以上", "及以上", "或以上", "或更多",
    "或更长", "or more", "or longer", "or above", "and above", "and up", "or higher", "at minimum", "minimum", "以下",
    "及以下", "或以下", "以内", "之内", "内", "或更少", "或更短", "or less", "or fewer", "or shorter", "or below",
    "and below", "and under", "or lower", "at the most", "maximum", "max",
    # v20: "never more than" as "no more than", "never less than" as "no less than"
    "never more than", "never longer than", "never over", "never exceeding", "never above", "never higher than",
    "never less than", "never fewer than", "never shorter than", "never below", "never lower than",
    "not to exceed",  # v25
))  # fmt: skip
_BOUNDS_BEFORE = {**dict.fromkeys(LOWER_BOUNDS_BEFORE, "lower"), **dict.fromkeys(UPPER_BOUNDS_BEFORE, "upper")}
_BOUNDS_AFTER = {**dict.fromkeys(LOWER_BOUNDS_AFTER, "lower"), **dict.fromkeys(UPPER_BOUNDS_AFTER, "upper")}
_BOUND_BEFORE = re.compile(
    "(?:(?<![a-z])(?:" + "|".join(sorted((re.escape(b) for b in _BOUNDS_BEFORE if b.isascii()), key=len, reverse=True))
    + ")|(?:" + "|".join(sorted((b for b in _BOUNDS_BEFORE if not b.isascii()), key=len, reverse=True)) + "))"
    # one filler between the bound and the number: 至少需要20个月, 最多只需5分钟, 超过了20个月
    r"(?: ?(?:需要|需|要|只需|仅需|只要|为|是|有|达到|达|可达|了))? ?$"
)  # fmt: skip
_BOUND_AFTER = re.compile(
    " ?(?:(?:" + "|".join(sorted((re.escape(b) for b in _BOUNDS_AFTER if b.isascii()), key=len, reverse=True))
    + r")(?![a-z])|(?:" + "|".join(sorted((b for b in _BOUNDS_AFTER if not b.isascii()), key=len, reverse=True))
    + "))"
)  # fmt: skip
# 内 as a bound only where it ends the phrase or goes on to a verb (30天内退款), not in a word (3天内部, 5人内容);
# "over" not after a verb of spreading a sum (spread over 20 months, repaid over 20 months: the period). (Not 起:
# 2020年起 is a start, 200元起 a price list's floor - neither reads as a bound on the figure.)
_NOT_A_BOUND_AFTER_A_CHAR = re.compile("内(?=[部容存置核涵外网地需陆务阁]|蒙)")
_SPREAD_OVER = re.compile(r"(?<![a-z])(?:spread|spreads|paid|repaid|repayable|payable|amortized|amortised|split|divided"
                          r"|installments|instalments|stretched|runs|run|ran|lasting) $")  # fmt: skip


def _bound_before(answer_norm: str, start: int) -> tuple[str, str, int] | None:
    """The bound (its word, its direction, where it starts) right before the number at `start`, if any."""
    m = _BOUND_BEFORE.search(answer_norm, max(0, start - 24), start)
    if m is None:
        return None
    word = next(b for b in sorted(_BOUNDS_BEFORE, key=len, reverse=True) if answer_norm.startswith(b, m.start()))
    if word == "over" and _SPREAD_OVER.search(answer_norm, max(0, m.start() - 20), m.start()):
        return None
    return word, _BOUNDS_BEFORE[word], m.start()


def _bound_after(answer_norm: str, end: int) -> tuple[str, str, int] | None:
    """The bound (its word, its direction, where it ends) right after the form that ends at `end`, if any."""
    m = _BOUND_AFTER.match(answer_norm, end)
    if m is None or _NOT_A_BOUND_AFTER_A_CHAR.match(answer_norm, m.end() - 1):
        return None
    word = m.group().strip(" ")
    return word, _BOUNDS_AFTER[word], m.end()


@lru_cache(maxsize=4096)
def bounded_form(pattern: Pattern) -> tuple[Pattern, str | None]:
    """A number form that carries a bound as its whole first or last piece (不低于200元, 30天以内, at least 3 days) as
    the plain figure and the bound's direction; any other form as it is, with None."""
    if not isinstance(pattern, NumberPattern) or len(pattern.slots) != 1:
        return pattern, None
    first, last = pattern.pieces[0], pattern.pieces[-1]
    if first in _BOUNDS_BEFORE:
        return replace(pattern, pieces=("", last)), _BOUNDS_BEFORE[first]
    for bound in sorted(_BOUNDS_AFTER, key=len, reverse=True):
        unit = last.removesuffix(bound).rstrip(" ")
        if last.endswith(bound) and unit != last and not first:
            return replace(pattern, pieces=("", unit)), _BOUNDS_AFTER[bound]
    return pattern, None


def _literal_bound(pattern: Pattern) -> bool:
    """A text form that starts or ends with a bound (超过十二分钟): matched as written, never read for a bound."""
    if not isinstance(pattern, TextPattern):
        return False
    return pattern.text.startswith(tuple(_BOUNDS_BEFORE)) or pattern.text.endswith(tuple(_BOUNDS_AFTER))


@dataclass(frozen=True)
class Bound:
    """A bound the answer puts on a figure: its direction ("lower" or "upper"), whether it is inclusive (至少, 以内) or
    strict (超过, 少于), and the span of the figure with it."""

    direction: str
    inclusive: bool
    start: int
    end: int


def answer_bound(answer_norm: str, start: int, end: int) -> Bound | None:
    """The bound the answer puts on the figure at start:end, if any (v17)."""
    before = _bound_before(answer_norm, start)
    if before is not None and before[0] not in INCLUSIVE_BOUNDS:
        negation = negation_before(answer_norm, before[2])
        if negation is not None:  # v23: does not take more than 20 months - at most 20 months
            flipped = "upper" if before[1] == "lower" else "lower"
            return Bound(flipped, True, before[2] - len(negation), end)
    if before is not None:
        return Bound(before[1], before[0] in INCLUSIVE_BOUNDS, before[2], end)
    after = _bound_after(answer_norm, end)
    return None if after is None else Bound(after[1], after[0] in INCLUSIVE_BOUNDS, start, after[2])


@dataclass(frozen=True)
class _Match:
    status: str
    variant: str | None = None
    source: str | None = None
    text: str | None = None
    rule: str | None = None


# Forbidden claims are counted where they are asserted (v7): not inside a yes/no question, a condition or an
# uncertainty - a cue before the claim in its part of the clause (是否已通过PCI DSS, 如果已通过,
# 无法确认其已通过), or one that overlaps it (认证编号是否 for the claim 认证编号是) - nor where that part ends
# as a question (已通过PCI DSS吗？) unless the next part answers it yes (吗？是的). A clause ends at 。！？；!?;
# a line break or an English full stop, a part also at a comma, 、, a colon, a dash (—, ——) or an opening
# bracket: a heading that repeats the question (是否通过PCI DSS认证：已通过...) does not reach the answer after
# it. A contrast (但, 不过, but) after the cue starts an assertion again. 不知道, 不清楚 and 不确定 are cues only
# after nothing but the speaker and adverbs (我不清楚, 目前尚不确定): 您可能不知道X presupposes X.
# v8: an uncertainty cue before a colon scopes over what the colon introduces (我无法确认以下信息：- ...), a
# condition goes on past a comma with a conjunction (如果该版本存在，且已通过...), and a part that ends with 的话
# (or 的情况下, 的前提下) is a condition.
QUESTION_CUES_ZH = ("是否", "是不是", "有没有", "能否", "可否")
CONDITION_CUES_ZH = (
    "如果",
    "假如",
    "假设",
    "倘若",
    # v8
    "假使",
    "假若",
    "如若",
    "倘使",
    "假定",
    "一旦",
    "就算",
    "哪怕",
    "除非",
)
UNCERTAINTY_CUES_ZH = (
    "无法确认",
    "无法确定",
    "无法核实",
    "无法证实",
    "无法证明",
    "无从证实",
    "不能断言",
    "不能确定",
    "不能确认",
    "不确定",
    "不清楚",
    "不知道",
    "未经证实",
    # v8
    "未经核实",
    "未经确认",
    "无法验证",
    "无法查证",
    "无从核实",
    "待核实",
    "待确认",
    "待证实",
    # v9: what the speaker did not find (我没有查到v5.0于2024年发布的记录, 未找到已通过...的相关信息)
    "没有查到",
    "没查到",
    "查不到",
    "未查到",
    "未找到",
    "没有找到",
    "没找到",
    "无从查证",
    "没有关于",
    "并无关于",
    "暂无关于",
    # v13: what does not follow or cannot be said (满足等保三级并不代表已通过PCI DSS认证, 不能说已通过PCI DSS认证)
    "不能说",
    "不敢说",
    "不能断定",
    "不代表",
    "不意味着",
    "不能说明",
    "不足以说明",
    "不足以证明",
)
_SPEAKER_CUES = frozenset({"不知道", "不清楚", "不确定"})
# what may stand before 不知道 / 不清楚 / 不确定 in their part: the speaker, adverbs (and a conjunction first); v8:
# after what the colon introduces (以下信息我不确定：)
_SPEAKER_BEFORE = re.compile(
    "(?:但是|但|不过|可是|然而|所以|因此|而且|而)?(?:(?:以下|下列|下面|如下)的?(?:信息|内容|几点|几项|情况|说法|细节)?)?"
    "(?:我们|本人|目前|暂时|实在|我|尚|仍|还|也|并|都| )*"
)
QUESTION_CUES_EN = ("whether",)
CONDITION_CUES_EN = ("if", "assuming", "suppose", "supposing", "unless", "in case", "provided that", "as long as")
UNCERTAINTY_CUES_EN = (
    "unclear",
    "not sure",
    "cannot confirm",
    "can't confirm",
    "unable to confirm",
    "cannot verify",
    "unable to verify",
    "cannot be confirmed",
    "cannot be verified",
    "could not confirm",
    "could not verify",
    "could not be confirmed",
    "could not be verified",
    "not able to confirm",
    "not able to verify",
    "unverified",
    "unconfirmed",
    # v9
    "could not find",
    "couldn't find",
    "couldn’t find",
    "not aware of",
    "no evidence",
    # v11: there is no record (indication, sign, proof) that ..., nothing suggests (indicates, shows) that ...
    "no record",
    "no records",
    "no public record",
    "no indication",
    "no proof",
    "no sign",
    "nothing suggests",
    "nothing indicates",
    "nothing shows",
)
# v24: a claim the answer tells the reader not to make is a warning, not an assertion (请勿对外宣称已通过PCI DSS认证,
# 不要告诉客户v5.0于2024年发布, 销售不得对外宣称..., do not tell the customer that ..., never claim ..., avoid claiming
# ...) - not 不得不说 (one has to say), nor a warning of something else (请勿担心，..., don't worry: ...)
PROHIBITION_CUES_ZH = (
    "(?:请勿|切勿|不要|不得(?!不)|不应该?|不可以?|不能|不宜|避免|禁止)(?:再|随意|轻易|擅自|贸然|直接)?"
    "(?:对外|向外界?|对外界|向客户|对客户|跟客户)?(?:宣称|声称|宣传|承诺|表示|告诉|回复|答复|说)",
)
PROHIBITION_CUES_EN = (
    "(?:do not|don't|don’t|never|should not|shouldn't|shouldn’t|must not|mustn't|mustn’t|avoid|refrain from)"
    " (?:(?:ever|publicly|directly) )?(?:claim|say|state|tell|suggest|imply|promise|assert|advertise)(?:s|ing)?",
)
UNASSERTED_ZH = QUESTION_CUES_ZH + CONDITION_CUES_ZH + UNCERTAINTY_CUES_ZH + PROHIBITION_CUES_ZH
UNASSERTED_EN = QUESTION_CUES_EN + CONDITION_CUES_EN + UNCERTAINTY_CUES_EN + PROHIBITION_CUES_EN


def _cue_pattern(zh: Sequence[str], en: Sequence[str], extra: str = "") -> re.Pattern[str]:
    """Chinese cues anywhere, English ones as whole words."""
    return re.compile("|".join(zh) + extra + "|(?<![a-z])(?:" + "|".join(en) + ")(?![a-z])")


# 没有公开信息表明: no evidence that; (v8) 需要核实: to be checked - not 无需确认 (no need to); (v9) 暂无资料显示,
# 暂无公开资料表明, 目前并无公开证据显示, 无证据表明, 没有报道显示; 未见...的记录 (未见v5.0于2024年发布的记录:
# 未见 before a record, report or notice in its part - not 未见异常)
_NO_EVIDENCE = (
    "|(?:没有|无)(?:任何)?(?:公开的?)?(?:信息|资料|证据|记录|报道|数据|迹象)(?:表明|显示|证明)"
    "|(?<![无不])需要?(?:核实|确认|证实)"
    "|未见(?=[^,。!?;:\n(—|]{0,40}?(?:记录|报道|公告|披露|信息|资料|消息|证据))"
)
# 若: if - not 若干 (several); 要是: if - not 主要是, 重要是; 万一: in case - not 三万一千; 即使, 即便: even if - not
# 立即使用, 随即便; 只要: as long as - not 只要求
_MORE_CONDITIONS = (
    "|若(?!干)|(?<![主重需必])要是|(?<![0-9零一二三四五六七八九十百千两])万一"
    # v23: 如 at the start of its part (如已通过PCI DSS认证，请…) - not 如何, 如今, 如下, 如上所述, 如您所知 ...
    "|(?<![^\n,。!?;:、(—| ])如(?![何今此同下上图表期实意约数前果若]|[您你]所)"
    "|(?<![立随旋])即使|(?<![立随旋])即便|只要(?!求)"
)
_UNASSERTED = _cue_pattern(UNASSERTED_ZH, UNASSERTED_EN, _NO_EVIDENCE + _MORE_CONDITIONS)
_CONDITION = _cue_pattern(CONDITION_CUES_ZH, CONDITION_CUES_EN, _MORE_CONDITIONS)
_UNCERTAINTY = _cue_pattern(UNCERTAINTY_CUES_ZH, UNCERTAINTY_CUES_EN, _NO_EVIDENCE)
_CONTRAST = re.compile("但|不过|然而|(?<![a-z])(?:but|however)(?![a-z])")
# a part of a clause ends there (as normalised: ！？；，：（ are !?;,:( ); v9: and at a Markdown table's cell border
# (| 是否通过PCI DSS 4.0认证 | 已通过PCI DSS 4.0认证 | claims it)
_PHRASE_END = re.compile(r"[。!?;\n,、:(—|]|\.(?=\s|$)")
_SENTENCE_END = re.compile(r"[。!?\n]|\.(?=\s|$)")
# a question answered yes right after it (已通过PCI DSS吗？是的。) asserts what it asked
_ANSWERED_YES = re.compile(r" ?(?:是的|对的?|没错|确实(?:如此)?|yes)(?![a-z])(?=[\s。!?;,、.:—(]|$)")
# a part that goes on with a conjunction after a comma (如果该版本存在，且已通过...) continues that part's condition
_GOES_ON = re.compile(r" ?(?:并且|而且|且|并|以及|或者|或|(?:and|or)(?![a-z]))")
# a part that ends so is a condition: 已通过PCI DSS认证的话，...
_CONDITION_AFTER = ("的话", "的情况下", "的前提下")
# the mark of a list item at the start of a line: - * + • ·, 1. 1、 1) (1), 一、, a.
_LIST_ITEM = re.compile(r" ?(?:[-*+•·]|[0-9]{1,2}[.、)]|\([0-9]{1,2}\)|[一二三四五六七八九十]{1,3}[、.)]|[a-z][.)])")


def _part_start(answer_lines: str, pos: int) -> int:
    """Where the part of the clause that holds `pos` starts."""
    return _last_end(_PHRASE_END, answer_lines, pos)


def _last_end(mark: re.Pattern[str], text: str, pos: int) -> int:
    """The end of the last match of `mark` (a one-character pattern: a sentence's or a part's end) in text[:pos], or
    0: as `max(m.end() for m in mark.finditer(text, 0, pos))`, but from the text's matches found once (v22: each
    figure's scan from the start made long answers quadratic)."""
    if pos > 0 and mark.match(text, pos - 1, pos):
        return pos  # as text[:pos] reads it: a full stop at its end ends it
    ends = _match_ends(mark, text)
    before = bisect_left(ends, pos)  # the ends < pos, each read as in text[:pos]
    return ends[before - 1] if before else 0


def _next_start(mark: re.Pattern[str], text: str, pos: int) -> int:
    """Where the first match of `mark` (a one-character pattern) at or after `pos` starts, else the text's end: as
    `mark.search(text, pos)` finds it, from the text's matches found once (v22)."""
    ends = _match_ends(mark, text)
    after = bisect_left(ends, pos + 1)  # a one-character match starts at pos or later where it ends after pos
    return ends[after] - 1 if after < len(ends) else len(text)


@lru_cache(maxsize=32)
def _match_ends(mark: re.Pattern[str], text: str) -> list[int]:
    return [m.end() for m in mark.finditer(text)]


@lru_cache(maxsize=32)
def _occurs(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the pattern matches anywhere in the text, found once per text (v22)."""
    return pattern.search(text) is not None


# how far past a claim a cue that starts before it may need to look (its longest words and 未见's 40 characters)
_CUE_REACH = 256


def _cues_before(answer_lines: str, part_start: int, end: int, cues: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each cue that starts in the part before the claim's end (a cue may overlap the claim:
    认证编号是否 for 认证编号是); 不知道 / 不清楚 / 不确定 only after the speaker and adverbs."""
    spans = []
    # v9: past the claim, for 未见...的记录 to see its record; v25: but no further than a cue and its look-ahead reach
    # (`_CUE_REACH`), as a search to the text's end for each of 200 occurrences cost seconds on a long answer
    for cue in cues.finditer(answer_lines, part_start, end + _CUE_REACH):
        if cue.start() >= end:
            break
        if cue.group() in _SPEAKER_CUES and not _SPEAKER_BEFORE.fullmatch(answer_lines, part_start, cue.start()):
            continue  # 您可能不知道v5.0已通过...: a presupposition
        spans.append(cue.span())
    return spans


# v14: a new clause with a subject of its own (and it, and they, 而且它, 并且该平台) ends the reach of an uncertainty
# cue before it: There is no record of any breach and it passed PCI DSS claims the pass. Not of a question or a
# condition, which take both clauses (if it exists and it passed PCI DSS, 是否存在并且已通过), nor a clause without a
# subject (no record that it was breached and passed PCI DSS: both under the cue).
_NEW_CLAUSE = re.compile(
    "(?<![a-z])and (?:it|they|we|he|she|i)(?![a-z])|(?:并且|而且|(?<![姑暂尚])且) ?(?:它|他|她|我们|其|该|此)"
)
_ASKS_OR_SUPPOSES = _cue_pattern(
    QUESTION_CUES_ZH + CONDITION_CUES_ZH, QUESTION_CUES_EN + CONDITION_CUES_EN, _MORE_CONDITIONS
)


def _cued(answer_lines: str, part_start: int, start: int, end: int, cues: re.Pattern[str] = _UNASSERTED) -> bool:
    """A cue stands before `end` in the part from `part_start`, with no contrast after the last one before `start`
    (nor, v14, a new clause after an uncertainty cue)."""
    spans = _cues_before(answer_lines, part_start, end, cues)
    if not spans:
        return False
    cue_start, after_cue = spans[-1][0], min(spans[-1][1], start)
    if _CONTRAST.search(answer_lines, after_cue, start):
        return False
    new_clause = _NEW_CLAUSE.search(answer_lines, after_cue, start)
    return new_clause is None or _ASKS_OR_SUPPOSES.match(answer_lines, cue_start) is not None


def _goes_on_from_a_condition(answer_lines: str, part_start: int) -> bool:
    """The part goes on, after a comma and a conjunction, from a part with a condition cue - directly or over more
    such parts: 如果该版本存在，且已通过PCI DSS认证 (v8)."""
    pos = part_start
    while pos > 0 and answer_lines[pos - 1] in ",、" and _GOES_ON.match(answer_lines, pos):
        previous = _part_start(answer_lines, pos - 1)
        if _CONDITION.search(answer_lines, previous, pos - 1):
            return True
        pos = previous
    return False


def _colon_heads(answer_lines: str, start: int, breaks: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of each heading whose colon introduces the text at `start` (v8): a colon earlier on its line
    with no sentence end between, and a colon that ends the line before the list that `start`'s line is an item of
    (or, when that line is no list item, the line right before it); the heading is the part before its colon."""
    line_start = answer_lines.rfind("\n", 0, start) + 1
    colons = []  # v25: found by str.find, as a loop over each character of a long line cost 0.5 s for 200 claims
    colon = answer_lines.find(":", line_start, start)
    while colon >= 0:
        colons.append(colon)
        colon = answer_lines.find(":", colon + 1, start)
    heads = [(_part_start(answer_lines, c), c) for c in colons if not _SENTENCE_END.search(answer_lines, c, start)]
    above, line = line_start - 1, line_start  # above: the line break after the line above start's line (or list)
    while above > 0 and _LIST_ITEM.match(answer_lines, line):
        previous = answer_lines.rfind("\n", 0, above) + 1
        if not _LIST_ITEM.match(answer_lines, previous):
            break
        if above in breaks:  # a blank line between two items: start's list begins below it, under no colon
            return heads
        line, above = previous, previous - 1
    colon = len(answer_lines[:above].rstrip()) - 1
    if above > 0 and colon >= 0 and answer_lines[colon] == ":":
        heads.append((_part_start(answer_lines, colon), colon))
    return heads


_MARKDOWN_HEADING = re.compile(r"^#{1,6} +(?P<title>.*)$", re.MULTILINE)


# A line that heads what follows it inside a section, and so ends the reach of the section's title: one that ends
# with a colon (**已确认：**), starts with a short label and a colon (总结：...), or is short, no list item and
# without sentence punctuation (**已确认的信息**, as normalised without its marks).
_LABEL = r"[^\n:]{1,24}:"
_SUBHEADING = re.compile(rf"^(?:{_LABEL}.*|[^\n.。!?;,:、-][^\n.。!?;,:、]{{0,23}})$")
_STARTS_WITH_A_LABEL = re.compile(_LABEL)


def _section_heading(answer_lines: str, line_start: int) -> tuple[int, int] | None:
    """(start, end) of the title of the Markdown heading (# ...) of the section that the line at `line_start` is in,
    unless a line between them heads what follows it (v8: `_SUBHEADING`)."""
    headings = list(_MARKDOWN_HEADING.finditer(answer_lines, 0, max(0, line_start - 1)))
    if not headings:
        return None
    title = headings[-1].span("title")
    between = answer_lines[headings[-1].end() + 1 : max(headings[-1].end() + 1, line_start - 1)]
    for line in between.split("\n") if between else ():
        if line and not _LIST_ITEM.match(line) and _SUBHEADING.match(line):
            return None
    line_end = answer_lines.find("\n", line_start)
    own = answer_lines[line_start : line_end if line_end >= 0 else len(answer_lines)]
    if not _LIST_ITEM.match(own) and _STARTS_WITH_A_LABEL.match(own):
        return None  # the claim's own line starts with a label of its own (总结：...)
    return title


# A disclaimer is about what its heading introduces: it refers to it (以下, 下列, 如下, the following ...) or
# ends the heading (无法确认的信息：, 待核实：, Unverified claims:) - not 我不确定您问的是哪个版本：, which doubts
# another thing.
_FORWARD = re.compile("以下|下列|如下|下面|下述|这些|这几|(?<![a-z])(?:the following|following|below|these)(?![a-z])")
_CUE_ENDS_HEAD = re.compile(
    " ?的? ?(?:信息|内容|部分|事项|情况|说法|细节|问题|几点|几项|数据|claims?|information|details?|points?|items?"
    "|statements?)? ?"
)


def _disclaimer(answer_lines: str, head_start: int, head_end: int) -> bool:
    """The heading holds an uncertainty cue, with no contrast after it, about what the heading introduces."""
    spans = _cues_before(answer_lines, head_start, head_end, _UNCERTAINTY)
    if not spans or _CONTRAST.search(answer_lines, spans[-1][1], head_end):
        return False
    about_it = _CUE_ENDS_HEAD.fullmatch(answer_lines, spans[-1][1], head_end) is not None
    return about_it or _FORWARD.search(answer_lines, head_start, head_end) is not None


def _under_a_disclaimer(answer_lines: str, start: int, breaks: frozenset[int] = frozenset()) -> bool:
    """A disclaimer (我无法确认以下信息, 以下内容未经证实, 无法确认的信息, I cannot confirm the following) heads the
    text at `start` (v8): before the colon that introduces it (`_colon_heads`) or as the title of its Markdown
    section (## 无法确认的信息) - and no contrast on start's line (after such a colon) before it."""
    line_start = answer_lines.rfind("\n", 0, start) + 1
    heading = _section_heading(answer_lines, line_start)
    for head_start, head_end in _colon_heads(answer_lines, start, breaks) + ([heading] if heading else []):
        if _disclaimer(answer_lines, head_start, head_end) and not _CONTRAST.search(
            answer_lines, max(head_end, line_start), start
        ):
            return True
    return False


def _ends_as_a_condition(answer_lines: str, end: int, phrase_end: int) -> bool:
    """The claim's part ends with 的话 (的情况下, 的前提下): 它已通过PCI DSS认证的话 is a condition (v8)."""
    return answer_lines[end:phrase_end].rstrip().endswith(_CONDITION_AFTER)


# A claim in quotes that the answer then names as a claim and disclaims is mentioned, not asserted (v9): 关于“已通过
# PCI DSS 4.0认证”这一说法，目前没有公开资料可以证实; “v5.0于2024年发布”的说法并不准确 - not one it calls right or
# leaves standing (的说法是正确的, 这一说法已获官方确认, 的说法来自官方公告，可信; a 消息 is an announcement). Quotes as
# normalised (NFKC keeps “” ‘’ 「」 『』; ＂ is ").
_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}
_QUOTE_CHARS = frozenset(_QUOTES) | frozenset(_QUOTES.values())
_NAMED_A_CLAIM = re.compile(" ?(?:这一|这个|这种|该|此|的)?(?:说法|传言|传闻|表述|提法|一说)")  # v23: 一说
# ... and disclaimed after it in its sentence - not confirmed, not accurate, a rumour (a review found 的说法是真的,
# 这一说法已获官方确认 and 经核实属实 read as mentions)
_DISCLAIMED_AFTER = re.compile(
    "(?:没有|无|未|尚未|尚无|暂无|不|并不|并非|无法|难以|缺乏|查无)[^。！？!?；;\n]{0,12}?"
    "(?:证实|核实|查证|考证|核查|佐证|确认|证据|依据|根据|准确|属实|正确|可靠|可信|成立)"
    "|不实|有误|错误|谣言|存疑|待核实|待证实|未经证实|站不住|是假的|(?<![a-z])(?:false|not true|unverified|inaccurate)"
)


# v25: ... or a verdict on the quote right after it, which makes the quote a claim the answer rejects ("X" is not
# true, "X" - this is incorrect, claims like "X" should not be repeated, "X", which cannot be verified, “X”不属实,
# “X”是错误的)
_VERDICT_AFTER_A_QUOTE = re.compile(
    r" ?(?:[-—–,:;]+ ?)?(?:(?:this|that|which|it|such (?:a )?claims?|the claim)(?: claim| statement)? "
    r"|(?:this|that|it)['’]s )?"
    r"(?:(?:is|was|are|were|'s)(?: (?:simply|completely|entirely|also))? )?"
    r"(?:(?:not (?:true|accurate|correct|verified|confirmed|supported|the case)|untrue|false|incorrect|inaccurate|wrong"
    r"|unverified|unconfirmed|unsubstantiated|unfounded|misleading|a (?:myth|rumou?r|misconception))"
    r"(?= ?(?:[.,;:!?)]|$))"  # a verdict that ends its clause: not "X", false positives aside
    r"|(?:cannot|can't|could not|couldn't) be (?:verified|confirmed|substantiated)(?![a-z])"
    r"|(?:should|must|may)(?: not|n't) be (?:repeated|claimed|stated|made|said|used|cited|quoted|promised)(?![a-z]))"
    "| ?(?:[-—,:;]+ ?)?(?:这|此|这一点|这种说法|该说法)?(?:是|并|均|都)?"
    "(?:(?:不属实|不实|不正确|不准确|错误|有误|无法证实|未经证实|没有依据|毫无根据|站不住脚)"
    "的?(?:说法|表述)?(?= ?(?:[。!?;,.、)]|$))"
    "|不能(?:对外)?(?:宣称|声称|说))"
)


# v23: a quote of the asker's words reports them (您问“已通过PCI DSS认证了吗”, 您提到“已通过PCI DSS认证”, you asked
# "has it passed PCI DSS"): the question's words, not the answer's claim
_THE_ASKER_SAYS = re.compile(
    "(?:您|你)(?:刚才|之前|在问题中)?(?:所)?(?:问|提到|提及|说|询问|想知道|想了解|的问题(?:是)?)(?:的|道|到)? ?:? ?$"
    "|(?<![a-z])(?:you (?:asked|mentioned|said|wrote|want to know)(?: whether| if| about)?|your question(?: is| was)?)"
    " ?:? ?$"
)


def _quoting_the_asker(answer_lines: str, start: int, end: int) -> bool:
    """The text at start:end stands in quotes opened right after the asker's words (您问, 您提到, you asked)."""
    sentence_start = _last_end(_SENTENCE_END, answer_lines, start)
    opener = next((i for i in range(start - 1, sentence_start - 1, -1) if answer_lines[i] in _QUOTE_CHARS), None)
    if opener is None or answer_lines[opener] not in _QUOTES:
        return False
    closing = answer_lines.find(_QUOTES[answer_lines[opener]], end)
    return closing >= 0 and _THE_ASKER_SAYS.search(answer_lines, max(0, opener - 20), opener) is not None


def _quoted_as_a_claim(answer_lines: str, start: int, end: int) -> bool:
    """The text at start:end stands in quotes (in its sentence) followed by 这一说法, 的说法, 这种说法, 的传言 ... and
    a disclaimer later in the sentence (没有公开资料可以证实, 并不准确, 不实)."""
    sentence_start = _last_end(_SENTENCE_END, answer_lines, start)
    opener = next((i for i in range(start - 1, sentence_start - 1, -1) if answer_lines[i] in _QUOTE_CHARS), None)
    if opener is None or answer_lines[opener] not in _QUOTES:
        return False
    closing = answer_lines.find(_QUOTES[answer_lines[opener]], end)
    sentence_end = _SENTENCE_END.search(answer_lines, end)
    if closing < 0 or (sentence_end is not None and sentence_end.start() < closing):
        return False
    if _VERDICT_AFTER_A_QUOTE.match(answer_lines, closing + 1):
        return True  # v25: "X" is not true, "X" - this is incorrect, claims like "X" should not be repeated
    named = _NAMED_A_CLAIM.match(answer_lines, closing + 1)
    if named is None:
        return False
    after = _SENTENCE_END.search(answer_lines, named.end())
    rest_end = after.start() if after else len(answer_lines)
    return _DISCLAIMED_AFTER.search(answer_lines, named.end(), rest_end) is not None


# v11: a claim reported as hearsay (据传, 传言, 有传言说, 据说, 听说, 有人说, 网上说, 网传, reportedly, rumoured, it is
# said that, allegedly) and disclaimed in its sentence (无法证实, 未经证实, 没有依据, cannot be verified, unconfirmed) -
# or in the next one, when that one goes on from it (但这一说法无法证实, This is unconfirmed) - is passed on as a
# rumour, not asserted: 有传言说它通过了PCI DSS认证，但无法证实. A rumour passed on without a disclaimer
# (据说它通过了PCI DSS认证。) is still asserted: it tells the reader the claim with nothing to doubt it, as a careful
# grader charges a model that repeats it; and so is one the answer confirms (并且已经得到证实, 这不是谣言).
_HEARSAY = re.compile(
    "据传|传言|传闻|据说(?!明)|听说|有人说|有人称|网上说|网上称|网传|坊间|有消息称|据称"
    "|声称|号称|自称"  # v25: and the claimant's own word, disclaimed (该公司声称…，但无法证实)
    "|(?<![a-z])(?:reportedly|rumou?red|rumou?rs? (?:say|says|have it)|it is said|it's said|allegedly|supposedly"
    "|claims? (?:to be|that)|claimed (?:to be|that)"
    "|(?:claims?|claimed) (?:it|they)(?:'s|’s| is| are| was| were| has| have| had)"  # v26: the vendor claims it is
    "|some say|some claim|according to (?:rumou?rs|hearsay|unconfirmed|unverified))(?![a-z])"
)
_HEARSAY_DISCLAIMED = re.compile(
    "(?:无法|无从|不能|难以|未能|没法|未经|未获|未被|未得到|尚未|没有|并无|暂无|尚无|缺乏|毫无|查无)[^。!?;\n,]{0,12}?"
    "(?:证实|核实|确认|查证|验证|佐证|依据|证据|实据)|(?:没有|毫无|并无)根据|不实|待(?:核实|证实|确认)|存疑|真假难辨"
    "|真伪(?:不明|难辨|未知)"
    "|(?<![a-z])(?:(?:cannot|can't|could not|couldn't|can not) be (?:verified|confirmed|substantiated)"
    "|(?:cannot|can't|could not|couldn't|unable to) (?:verify|confirm)|unverified|unconfirmed|unsubstantiated"
    "|(?:not|never) (?:been )?(?:verified|confirmed)|no evidence|without evidence)(?![a-z])"
)
_GOES_ON_FROM_IT = re.compile(" ?(?:但是?|不过|然而|可是|这|该|此|(?:however|but|this|that|though)(?![a-z]))")


def _hearsay_disclaimed(answer_lines: str, start: int, end: int) -> bool:
    """A hearsay cue before start:end in its sentence, and a disclaimer in the sentence or the next one that goes on
    from it (v11)."""
    sentence_start = _last_end(_SENTENCE_END, answer_lines, start)
    sentence_start = max(sentence_start, answer_lines.rfind(";", 0, start) + 1)  # v12: and a semicolon
    hearsay = _HEARSAY.search(answer_lines, sentence_start, start)
    if hearsay is None:
        return False
    after = _SENTENCE_END.search(answer_lines, end)
    rest_end = after.end() if after else len(answer_lines)
    if after is not None and _GOES_ON_FROM_IT.match(answer_lines, after.end()):
        following = _SENTENCE_END.search(answer_lines, after.end())
        rest_end = following.end() if following else len(answer_lines)
    for disclaimer in _HEARSAY_DISCLAIMED.finditer(answer_lines, hearsay.end(), rest_end):
        if start <= disclaimer.start() < end:
            continue
        lead_start = _last_end(_CLAUSE_BREAK, answer_lines, disclaimer.start())
        tail = _CLAUSE_BREAK.search(answer_lines, disclaimer.end())
        tail_end = tail.start() if tail else len(answer_lines)
        lead, rest = answer_lines[lead_start : disclaimer.start()], answer_lines[disclaimer.end() : tail_end]
        if not _A_DETAIL.search(lead + " " + rest) and not _OF_ANOTHER_THING.match(rest):
            return True
    return False


# v12: the disclaimer is of the hearsay, not of a detail its part names (具体认证日期无法确认, 尚未确认具体时间, the
# exact date cannot be confirmed), which leaves the claim passed on; and the hearsay stands in the claim's clause: a
# semicolon ends it (网传该平台将于明年上市，此消息未经证实；该平台已通过PCI DSS认证。 asserts the certification).
_CLAUSE_BREAK = re.compile(r"[。!?\n,;:]|\.(?=\s|$)")
# ... nor evidence of another thing (没有发现任何证据表明存在问题, no evidence of any breach)
_OF_ANOTHER_THING = re.compile(
    " ?(?:表明|显示|证明|说明|(?<![a-z])(?:of|that|showing|suggesting)(?![a-z])) ?"
    "(?!这|此|其|该|属实|(?:it|this|that|so)(?![a-z]))\\S"
)
_A_DETAIL = re.compile(
    "具体|日期|时间|时点|编号|细节|详情|金额|版本号|级别|等级|范围|地点|证书号"
    "|(?<![a-z])(?:exact|specific|precise|date|time|timing|number|details?|level|scope|amount)(?![a-z])"
)


def asserted(answer_lines: str, start: int, end: int, breaks: frozenset[int] = frozenset()) -> bool:
    """The text at start:end of a normalised answer (line breaks kept: `normalise(text, lines=True)`) is asserted:
    no question, condition or uncertainty cue before it in its part of the clause (a comma, a colon or a dash ends
    the cue's reach: 如果您需要，它已通过PCI DSS认证 asserts it), no condition it goes on from (如果该版本存在，且...)
    or ends with (...的话), no uncertainty heading over it (我无法确认以下信息：...), and that part is no question
    (已通过PCI DSS吗？; not 已于2024年发布，您还有其他问题吗？, which asks something else) - or one the answer says
    yes to (吗？是的)."""
    part_start = _part_start(answer_lines, start)
    if _cued(answer_lines, part_start, start, end) or _goes_on_from_a_condition(answer_lines, part_start):
        return False  # the last cue before the claim, with no contrast after it; or a condition that goes on
    after = _PHRASE_END.search(answer_lines, end)
    phrase_end = after.start() if after else len(answer_lines)
    if _ends_as_a_condition(answer_lines, end, phrase_end) or _under_a_disclaimer(answer_lines, start, breaks):
        return False
    if _quoted_as_a_claim(answer_lines, start, end) or _hearsay_disclaimed(answer_lines, start, end):
        return False
    if _VERDICT_IN_A_BRACKET_OR_AFTER_A_COLON.match(answer_lines, end):
        return False  # v25: 已通过PCI DSS认证（待核实）, - 已通过PCI DSS认证：❌ 未经证实, certified (unverified)
    if _quoting_the_asker(answer_lines, start, end):
        return False  # v23: 您问“已通过PCI DSS认证了吗”
    tail = answer_lines[end:phrase_end].rstrip().rstrip("”’」』\"' ")  # v23: a question in quotes (认证了吗”)
    question = (after is not None and after.group() == "?") or tail.endswith("吗")
    return not question or (after is not None and _ANSWERED_YES.match(answer_lines, after.end()) is not None)


# v25: a verdict on the claim in a bracket or after a colon right after it - the answer names it to reject it
_VERDICT_IN_A_BRACKET_OR_AFTER_A_COLON = re.compile(
    "[”’」』\"']? ?[(:] ?(?:[❌✗✘×] ?)?(?:待核实|待证实|待确认|未经证实|未证实|无法证实|无法确认|不实|不属实|有误"
    "|错误|否|不正确|unverified|unconfirmed|not (?:verified|confirmed|true)|false|incorrect|untrue|no)"
    "(?:的?(?:说法|消息|信息))?(?= ?(?:[),.;!?:—\n-]|$))"  # the verdict is all the bracket says: not (no issues found)
)


_FIGURE_START = re.compile(
    "(?:-|¥ ?|人民币 ?|rmb ?|cny ?|us\\$ ?|\\$ ?|usd ?)?" + f"[{''.join(sorted(NUMERAL_CHARS))}]"
)
# A form written in Chinese numerals without chinese_numerals (a text pattern) is a figure when it is nothing but
# quantities: 二十个月, 一年零八个月, 百分之五十, 三百万次 - not a word that starts with a numeral (零售, 一体化, 三方).
_CN_NUMBER = "[" + "".join(sorted(NUMERAL_CHARS - frozenset("0123456789"))) + "]+(?:点[" + "".join(CN_DIGITS) + "]+)?"
_CN_QUANTITY_UNITS = (
    "个月|个小时|个星期|个|年|月|天|日|周|星期|小时|分钟|分|秒|元|块|人|次|笔|台|倍|岁|家|项|名|位|份|件|套|户|成|%"
)
_CN_QUANTITY = re.compile(f"(?:百分之|零)?(?P<n>{_CN_NUMBER})(?:{_CN_QUANTITY_UNITS})?半?")


def _figure(pattern: Pattern, text: str) -> bool:
    """The match is a number (20个月, -5%, ¥1200万; v7: of a number pattern, or a text form of Chinese numerals and
    units only, 二十个月), which 不止 and 不到 after it negate - not a word that starts with a numeral (零售, 千兆)."""
    if isinstance(pattern, NumberPattern):
        return _FIGURE_START.match(text) is not None
    if not isinstance(pattern, TextPattern) or not pattern.text:
        return False
    pos = 0
    while pos < len(pattern.text):
        m = _CN_QUANTITY.match(pattern.text, pos)
        if m is None or m.end() == pos or chinese_value(m.group("n")) is None:
            return False
        pos = m.end()
    return True


def _cell_matches(pattern: RegexPattern, answer_norm: str, cell: TableCell) -> Iterator[Found]:
    """Where the regex matches the table cell read after its column's header (`年净节省额: 90万` for the cell 90万
    under 年净节省额), as the part of the cell that the match holds: a match of the header alone is none."""
    offset = len(cell.header) + 2
    read = f"{cell.header}: {answer_norm[cell.start : cell.end]}"
    for found in pattern.search(read):
        if found.end <= offset:
            continue
        if found.start < offset and negation_before(read, found.start) is not None:
            continue  # | 不推荐 | 智能风控引擎 |: the header's negation holds for the cell (v8)
        yield Found(cell.start + max(0, found.start - offset), cell.start + found.end - offset)


# A claim in a Markdown table that the table itself disclaims is not asserted (v9): its column's header says what
# it holds is unverified (| 未经证实的说法 | 来源 |, | 传闻 | ... |) or another cell of its row says so (| 说法 |
# 核实结果 | over | 已通过PCI DSS 4.0认证 | 无法证实 |, | ... | 否 |). A table of facts (| 认证 | 状态 | over
# | PCI DSS | 已通过 |) still claims.
_HEADER_DISCLAIMS = re.compile(
    "未经证实|未证实|无法证实|无法核实|待核实|待证实|传言|传闻|谣言|不实|存疑"
    "|(?<![a-z])(?:unverified|unconfirmed|rumou?rs?)(?![a-z])"
)
_CELL_DISCLAIMS = re.compile(
    "\\s*(?:否|不|不是|不属实|不实|虚假|错误|不准确|无法证实|无法核实|无法确认|未经证实|未证实|待核实|待证实|存疑"
    "|网络传言|传言|传闻|谣言|no|false|unverified|not verified|unconfirmed)\\s*[。.!！]?\\s*"
)


def _disclaimed_by_its_table(answer_lines: str, start: int, end: int, cells: Sequence[TableCell]) -> bool:
    """The text at start:end stands in a table cell whose column header, or another cell of whose row, disclaims it."""
    own = [c for c in cells if c.start <= start and end <= c.end]
    if not own:
        return False
    if any(_HEADER_DISCLAIMS.search(c.header) for c in own):
        return True
    line_start = answer_lines.rfind("\n", 0, start) + 1
    line_end = answer_lines.find("\n", end)
    line_end = len(answer_lines) if line_end < 0 else line_end
    spans = {(c.start, c.end) for c in cells if line_start <= c.start and c.end <= line_end} - {
        (own[0].start, own[0].end)
    }
    return any(_CELL_DISCLAIMS.fullmatch(answer_lines[a:b]) for a, b in spans)


def _matches(pattern: Pattern, answer_norm: str, cells: Sequence[TableCell]) -> Iterator[Found]:
    """The pattern's matches in the answer, then (v8), for a regex, in its table cells read with their headers."""
    yield from pattern.search(answer_norm)
    if isinstance(pattern, RegexPattern):
        for cell in cells:
            yield from _cell_matches(pattern, answer_norm, cell)


# v22: a form's first 200 occurrences are judged and no more - a degenerate answer that repeats a figure thousands of
# times in one sentence ("20 months or 24 months, 20 months or ...") cost a scan of the sentence for each of them
MOST_OCCURRENCES_JUDGED = 200


def _find(
    answer_norm: str,
    forms: Sequence[Pattern],
    masks: Mapping[str, Copies],
    answer_lines: str | None = None,
    cells: Sequence[TableCell] = (),
    breaks: frozenset[int] = frozenset(),
    questions: str | None = None,
    yuan: bool = False,
) -> _Match:
    """The first occurrence of any form (a regex also in the table `cells`, each read after its column's header) that
    is neither inside a copied source nor under a negation (nor, given `answer_lines` for a forbidden claim,
    unasserted; nor, given the answer's lines as `questions` for a key point, in a clarifying question: v10; nor, for
    a point in `yuan`, an amount the answer names in another currency: v15); else the first negated one (its text
    with the negation), else the first echoed one."""
    echoed: _Match | None = None
    negated: _Match | None = None
    for pattern in forms:
        searched, required = bounded_form(pattern)  # v17: 不低于200元 is 200元 with a lower bound
        for found in islice(_matches(searched, answer_norm, cells), MOST_OCCURRENCES_JUDGED):
            copied_by = next((name for name, copied in masks.items() if copied.covers(found.start, found.end)), None)
            text = answer_norm[found.start : found.end]
            if copied_by is None:
                if questions is not None and _in_a_clarifying_question(questions, found.start, found.end):
                    continue  # 您是指20万元吗？ (v10)
                if yuan and _in_another_currency(answer_norm, found.start, found.end, text):
                    continue  # v15: 200万美元 for 200万元 (as 200万)
                figure = _figure(pattern, text)
                bound = answer_bound(answer_norm, found.start, found.end) if figure else None
                if _literal_bound(pattern):
                    bound = None  # a text form with its bound (超过十二分钟) is matched as written
                if required is not None and bound is not None and bound.direction != required:
                    shown = answer_norm[min(bound.start, found.start) : max(bound.end, found.end)]
                    negated = negated or _Match("negated", pattern.text, None, shown, pattern.kind)
                    continue  # v24: 不超过12分钟 for 超过12分钟 - the other bound, shown as negated (v17: missing)
                if required is not None and bound is None:
                    continue  # v17: 200元 for 不低于200元 - not the bound the point asks for
                if bound is not None and (required is not None or bound.inclusive):
                    text = answer_norm[bound.start : bound.end]  # 至少200元 for 不低于200元, 5分钟以内 for 5分钟
                    negation = negation_before(answer_norm, bound.start, figure)
                elif bound is not None:  # v17: 超过20个月 for 20个月 - another value, not the figure
                    negation = answer_norm[bound.start : found.start]
                    text = answer_norm[found.start : bound.end]
                else:
                    negation = negation_before(answer_norm, found.start, figure)
                if negation is None and figure:
                    negation = _out_of_reach(answer_norm, found.start)  # v26: 很难在20个月内实现
                if negation is not None and not figure and _OFFENCE_AFTER.match(answer_norm, found.end):
                    negation = None  # v14: 禁止GDPR违规行为 - the offence is prohibited, not the regulation
                if negation is None and _A_CHARGE.search(text) is not None:
                    negation = _waived_by_a_bare_mian(answer_norm, found.start)  # v15: 首年免服务费
                if negation is None and pattern.kind == "regex":  # a label, then the figure: 净节省额不是90万
                    negation = _negation_inside(answer_norm, found.start, found.end)
                if negation is None and pattern.kind == "regex" and _negated_within(answer_norm, found, pattern.text):
                    negation = ""  # v10: v5.0并未于2024年发布 - the negation is in the match
                after = negation_after(answer_norm, found.end) if figure and negation is None else None
                if negation is None and after is None:
                    after = denial_after(answer_norm, found.end, _A_CHARGE.search(text) is not None)  # v11, v14
                    if after is not None and after.lstrip(" ").startswith("|"):
                        after = _denied_by_its_row(questions or answer_lines, found.start, found.end, after, cells)
                if negation is None and after is None and questions is not None:
                    after = _answered_no(questions, found.start, found.end)  # v11: 支持私有化部署吗？不支持。
                if negation is None and after is None:
                    negation = _denied_as_a_whole(answer_norm, found.start)  # v16: it is not true that ...
                if negation is None and after is None and questions is not None and figure:
                    negation = _reported_and_corrected(questions, found.start, found.end)  # v17: 有人说…，但实际…
                if negation is None and after is None and figure:
                    after = _a_multiple_of(answer_norm, found.start, found.end)  # v17: 20个月的两倍
                if negation is None and after is None and pattern.kind != "regex":
                    negation, after = _a_time_ago_or_a_period(answer_norm, found.start, found.end)  # v22: 20个月前
                if negation is None and after is None and figure:
                    after = _taken_back(answer_norm, found.start, found.end, forms)  # v19: 20个月（不对，应为24个月）
                if negation is None and after is None and figure:
                    after = _a_former_value(answer_norm, found.start, found.end, forms)  # v19: 由20个月延长至24个月
                if negation is None and after is None and questions is not None:
                    refused = _refused(questions, found.start, found.end, figure)
                    if refused is not None:  # v19: 无法确定是否为20个月 - a refusal to commit, not an answer
                        negated = negated or _Match("negated", pattern.text, None, refused + text, pattern.kind)
                        continue
                if negation is None and after is None and questions is not None:
                    hedged = _offered_among_others(pattern, answer_norm, found)
                    if hedged is not None:  # v15: 10个月、20个月或30个月 - a guess among values, not an answer
                        negated = negated or _Match("negated", pattern.text, None, hedged, pattern.kind)
                        continue
                if answer_lines is not None and not asserted(answer_lines, found.start, found.end, breaks):
                    continue
                if answer_lines is not None and _disclaimed_by_its_table(answer_lines, found.start, found.end, cells):
                    continue
                if negation is None and after is None:
                    return _Match("covered", pattern.text, None, text, pattern.kind)
                if negated is None:
                    shown = (negation or "") + text + (after or "")
                    negated = _Match("negated", pattern.text, None, shown, pattern.kind)
            elif echoed is None:
                echoed = _Match("echoed", pattern.text, copied_by, text, pattern.kind)
    return negated or echoed or _Match("missing")


# v26: a figure the answer calls out of reach right before it is denied, not stated: 很难在20个月内实现,
# 难以在20个月内回本, 不太可能在20个月内, 无法做到20个月, it cannot be achieved within 20 months, it is unlikely to pay
# back in 20 months, it won't be done by 20 months - a negation or a hedge of likelihood or difficulty, then (in
# English, over at most three words: be achieved, pay back) the preposition or verb that leads to the figure, in one
# part of the clause. Not a hedge in another part (虽然很难，但20个月可以回本; although it is hard, payback is 20
# months), one about the way of saying it (很难说，大概20个月), nor a negated one (并非不可能, not impossible to).
_OUT_OF_REACH_ZH = re.compile(
    "(?:无法|不能|不可能|不太可能|不大可能|(?:很|较|比较|非常|十分)难|难以|没法|未能|没能|不会|做不到|达不到)"
    " ?(?:在|于|做到|达到|实现|缩短到|缩短至|控制在|降到|降至) ?$"
)
_OUT_OF_REACH_EN = re.compile(
    "(?<![a-z])(?:cannot|can't|can’t|can not|won't|won’t|will not|would not|wouldn't|wouldn’t|is not likely|is unlikely"
    "|are unlikely|unlikely|not likely|impossible|hard|difficult|unable|fail(?:s|ed)?|not (?:be )?(?:possible|feasible"
    "|realistic))(?: to)?(?: [a-z'’]+){0,3}? (?:within|in|by|inside|be|take|takes|reach) $"
)


def _out_of_reach(answer_norm: str, start: int) -> str | None:
    """The negation or hedge that calls the figure at `start` out of reach right before it (v26), else None."""
    window = answer_norm[max(0, start - 60, _part_start(answer_norm, start)) : start]
    if window.endswith(" "):
        m = _OUT_OF_REACH_EN.search(window)
        if m is not None and negation_before(window, m.start()) is None:  # not impossible to ...: affirms
            return window[m.start() :]
    m = _OUT_OF_REACH_ZH.search(window)
    if m is None or negation_before(window, m.start()) is not None:
        return None  # 并非不可能在20个月内回本: a double negation affirms
    return window[m.start() :]


# v16: a statement denied as a whole before it is said, in its part of the clause: "it is not true that the payback
# is 20 months", "it is not the case that ...", "it is false / wrong / a myth that ...", "it would be wrong to say
# (that) ...", 并非回收期是20个月, 不能说回收期是20个月 - not past a comma or a contrast ("it is not true that it is 24
# months, but it is 20 months"; 不是24个月，而是20个月), and not "it is not only true that".
_DENIED_AS_A_WHOLE = re.compile(
    "(?<![a-z])(?:it|this|that)(?: is|'s|’s| was| would be)(?: (?:simply|completely|entirely))?"
    " (?:(?:not|n't|n’t)(?: (?:really|quite|strictly|entirely))? (?:true|the case|correct|accurate)"
    "|false|untrue|incorrect|inaccurate|a myth|a misconception)(?: to (?:say|claim|state|assume|think)(?: that)?| that)"
    "(?![a-z])"  # not "this is not the case for the 20-month plan": a that-clause or what is said
    # "wrong", "misleading" and "not right" only of saying it: it is wrong that customers wait is a complaint
    "|(?<![a-z])it(?: is|'s|’s| was| would be) (?:wrong|misleading|not right) to (?:say|claim|state|assume|think)"
    "(?: that)?(?![a-z])"
    "|(?:isn't|isn’t) (?:true|the case|correct|accurate) that(?![a-z])"
    "|(?:并非|(?<!如果)不能说|不可以说)(?! ?[不没无未非])"  # 并非不支持: a double negation affirms
)
_CONTRAST_IN_A_PART = re.compile(
    "而是|但|不过|然而|其实|实际上|(?<![a-z])(?:but|however|rather|instead|actually|in fact)(?![a-z])"
)


def _denied_as_a_whole(answer_norm: str, start: int) -> str | None:
    """The denial of a whole statement (v16: it is not true that ...) earlier in the part of the clause that holds
    `start`, with no contrast after it; else None."""
    part_start = _part_start(answer_norm, start)
    denial = None
    for m in _DENIED_AS_A_WHOLE.finditer(answer_norm, part_start, start):
        denial = m
    if denial is None or _CONTRAST_IN_A_PART.search(answer_norm, denial.end(), start):
        return None
    return answer_norm[denial.start() : start]


# v17: a figure the answer attributes to others and then corrects is theirs, not the answer's:
# 有人说回收期是20个月，但实际是24个月, 网上传言20个月，其实是24个月, 很多人以为是20个月, "Some say 20 months, but it is
# 24", "Many believe it is 20 months; in fact it is 24 months" - an attribution before it in its sentence (no contrast
# between: 有人说是24个月，但 实际是20个月 states 20), then a contrast that gives another figure, a correction or a
# disclaimer in the rest of the sentence. A belief named as a mistake before it (误以为, 常见的误解是, mistakenly, a
# common misconception is) or after it (20个月是常见的误解) needs no correction. A rumour passed on without one
# (网上传言20个月。) still states it (v11).
_ATTRIBUTED = re.compile(
    "有人(?:说|称|认为|以为|觉得|提到)|(?:很多|不少|许多|一些|部分)人(?:说|认为|以为|觉得)|(?:一般|通常|普遍)认为|据传|传言"
    "|传闻|据说(?!明)|听说|网上(?:说|称|传)|网传|坊间|据称|(?:本|原|原本|原来)以为"
    "|(?<![a-z])(?:some(?: people)? (?:say|said|claim|claimed|believe|think|thought|suggest)"
    "|(?:many|most|others|people) (?:say|believe|think|assume|claim)"
    "|it is (?:often |commonly |widely )?(?:said|believed|claimed|assumed)|reportedly|rumou?red|allegedly"
    "|supposedly)(?![a-z])"
)
_MISTAKEN_BEFORE = re.compile(
    "误以为|误认为|误算为|误报为|误传为|(?:误解|误区)(?:是|为)"
    "|(?<![a-z])(?:mistakenly|erroneously|wrongly|misconception is|myth is)(?![a-z])"
)
_MISTAKE_AFTER = re.compile(" ?(?:是|为)?(?:一个|一种)?(?:常见|普遍|典型)?的?(?:误解|误传|谣言|误区)")
_CORRECTED = re.compile(
    "(?:但是?|其实|实际上|事实上|实际|然而|不过|可是|而是|结果|(?<![a-z])(?:but|however|in fact|actually|in reality)"
    "(?![a-z]))[^。!?\n]*?[0-9一二三四五六七八九十两]"
    "|不对|错误|错了|不正确|不准确|不实|有误|并非如此|不是这样|误解|谣言"
    "|(?<![a-z])(?:wrong|incorrect|not true|not the case|inaccurate|untrue|a myth|misconception)(?![a-z])"
)


def _reported_and_corrected(answer_lines: str, start: int, end: int) -> str | None:
    """The attribution (有人说) or named mistake (误以为) that makes the figure at start:end someone else's, corrected
    in its sentence (v17); else None."""
    if _MISTAKE_AFTER.match(answer_lines, end):
        return ""
    sentence_start = _last_end(_SENTENCE_END, answer_lines, start)
    sentence_end = _next_start(_SENTENCE_END, answer_lines, end)
    for cue in (_MISTAKEN_BEFORE, _ATTRIBUTED):
        if not _occurs(cue, answer_lines):
            continue  # v22: no scan of each figure's sentence for a cue that the answer lacks
        found = None
        for m in cue.finditer(answer_lines, sentence_start, start):
            found = m
        if found is None or _CONTRAST_IN_A_PART.search(answer_lines, found.end(), start):
            continue
        if cue is _MISTAKEN_BEFORE or _CORRECTED.search(answer_lines, end, sentence_end):
            return answer_lines[found.start() : start]
        if _HEARSAY_DISCLAIMED.search(answer_lines, end, sentence_end):
            return answer_lines[found.start() : start]
    return None


# v17: a figure that another quantity is a multiple or a part of is no answer: 是20个月的两倍, 20个月的一半,
# 20个月的1.5倍, 20个月的80%, 20个月的三分之一, twice 20 months, half of 20 months, three times 20 months. An operand of
# a derivation (120万元×3=360万元, 120万元乘以3年) states its figure and still credits.
_A_MULTIPLE_AFTER = re.compile(
    " ?的 ?(?:(?:[0-9]+(?:\\.[0-9]+)?|[一二两三四五六七八九十百千半]+) ?倍|一半|[0-9]+(?:\\.[0-9]+)? ?%|百分之"
    "|[一二两三四五六七八九十百千0-9]+ ?分之)"
)
_A_MULTIPLE_BEFORE = re.compile(
    "(?<![a-z])(?:twice|double|triple|half|half of|(?:two|three|four|five|ten|[0-9]+(?:\\.[0-9]+)?) times)(?: the)? $"
)


def _a_multiple_of(answer_norm: str, start: int, end: int) -> str | None:
    """The words that make the figure at start:end the base of a multiple or a part (v17: 的两倍, twice); else None."""
    after = _A_MULTIPLE_AFTER.match(answer_norm, end)
    if after is not None:
        return after.group()
    before = _A_MULTIPLE_BEFORE.search(answer_norm, max(0, start - 24), start)
    return None if before is None else before.group()


# v22: a duration that dates a time or repeats is no answer for a length of time: 20个月前, 20个月以前, 20个月之前,
# 20个月以来, 20个月来, (over) the past 20 months, 20 months ago (a time counted back from now), 每20个月, 每隔20个月,
# every 20 months (a period: how often), 过去20个月, 最近20个月, the last 20 months (a stretch of the past). A length
# counted forward is one: 20个月后收回投资, 20个月内收回, 在20个月之前收回, 20个月前即可收回 (a deadline), pays
# back after 20 months, recovered in 20 months, 20 months later; so is a lead time before an event (到期30天前通知,
# 提前30天以前通知); and a point that is written so (每20个月, 20个月前) is matched as written.
_EN_NUMBER_WORD = "|".join([*EN_ONES, *EN_TEENS, *EN_TENS])
_TIME_UNIT_AT_END = re.compile(
    "(?P<num>[0-9]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千廿卅半]+"
    f"|(?<![a-z-])(?:{_EN_NUMBER_WORD}|an?|half an?)(?:[- ](?:{_EN_NUMBER_WORD}))*)(?: and a half)?"
    "[ -]?(?:个半|个)? ?(?P<unit>个?月|个?星期|周|年|天"
    "|个?工作日|个?小时|个?钟头|分钟|秒钟?|季度|(?<![a-z])(?:year|month|week|day|hour|minute|second|quarter|yr|mo|mth|wk"
    "|hr|min|sec)s?)(?:半| and a half)?$"
)
_DATED_AFTER = re.compile(" ?(?:以前|之前|前(?![后提景端置夕期])|以来|来(?= ?[,.;:!?)]|$)|ago(?![a-z]))")
# v23: and in English a time before now or before a time told of (20 months prior, 20 months earlier, 20 months
# before.) and an age (a 20-month-old system, 20 months old) - not a lead time before an event (30 days prior to
# expiry, 30 days before expiry) nor a comparison (2 months earlier than planned)
_DATED_AFTER_EN = re.compile(
    "[ -](?:prior(?! to(?![a-z]))|earlier(?! than(?![a-z]))|before(?= ?[,.;:!?)]|$)|old)(?![a-z])"
)
# ... and a time since an event after "it has been" or "the" (it has been 20 months since launch, in the 20 months
# since launch) - not a length counted from it (the payback is 20 months since launch) nor a reason (20 months since
# the savings are high: "since" as "because")
_BEEN_BEFORE = re.compile("(?<![a-z])(?:(?:has|have|had|it's|it is|it was) been(?: [a-z]+)?|the|these|those) $")
_SINCE_AFTER = re.compile(" since(?![a-z])")
_DEADLINE_BEFORE = re.compile("在 ?(?:约|大约|大概)? ?$")
_ABLE_AFTER = re.compile(" ?(?:就|即|便)?(?:可以|可|能够|能)")
# ... and 前 after an event or 提前 counts back from that event, a lead time: 到期30天前通知, 提前30天以前通知
_LEAD_TIME_BEFORE = re.compile(
    "(?:提前|到期|期满|届满|截止|结束|终止|失效|生效|开始|启动|开工|上线|交付|发货|签约|续约|续费|入住|出发|开会|考试)"
    "(?:日|日期|时间)? ?(?:约|大约|大概)? ?$"
)
_PERIOD_BEFORE = re.compile(
    "(?:每隔|每过|每|过去的?|最近的?|(?<![a-z])(?:every|(?:the|these) (?:past|last|previous|preceding))) ?$"
)


def _counted_back_from_an_event(answer_norm: str, start: int, dated: re.Match[str]) -> bool:
    """The duration at `start`, `dated` (前, 之前, 以前) after it, counts back from an event (到期30天前, 提前30天以前)
    or is a deadline (在20个月之前, 20个月前即可收回), not from now."""
    end = dated.end()
    if dated.group().strip() not in ("前", "之前", "以前"):
        return False
    if _LEAD_TIME_BEFORE.search(answer_norm, max(0, start - 10), start):
        return True
    if _ABLE_AFTER.match(answer_norm, end):
        return True  # 20个月前即可收回: what can be done by then
    return dated.group().strip() != "前" and _DEADLINE_BEFORE.search(answer_norm, max(0, start - 6), start) is not None


def _a_time_ago_or_a_period(answer_norm: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The words before (每, every, 过去) or after (前, 以来, ago) that make the duration at start:end a time counted
    back from now or a period rather than a length (v22), as (before, after); else (None, None)."""
    unit = _TIME_UNIT_AT_END.search(answer_norm, start, end)
    if unit is None or (unit.group("unit") == "年" and len(unit.group("num")) == 4):
        return None, None  # not a duration: 2020年前 is before a year
    if unit.group("unit") == "月" and not unit.group().startswith(("半", "个")) and "个" not in unit.group():
        return None, None  # 8月前: before August
    dated = _DATED_AFTER.match(answer_norm, end) or _DATED_AFTER_EN.match(answer_norm, end)
    if dated is None and _BEEN_BEFORE.search(answer_norm, max(0, start - 24), start):
        dated = _SINCE_AFTER.match(answer_norm, end)
    if dated is not None and not _counted_back_from_an_event(answer_norm, start, dated):
        return None, dated.group()
    period = _PERIOD_BEFORE.search(answer_norm, max(0, start - 16), start)
    return (answer_norm[period.start() : start], None) if period is not None else (None, None)


# v19: a figure the answer takes back right after it is no answer: a correction or self-correction that follows it at
# once (after a comma, a dash, an ellipsis, a colon, a full stop or inside a bracket) and gives another figure -
# 20个月（不对，应为24个月）, 20个月——不，是24个月, 20个月，哦不，是24个月, 20个月，更正：24个月,
# 20个月，应该说是24个月, 20个月，准确地说是24个月, 20 months - no, 24 months, 20 months, sorry, 24 months, 20 months;
# correction: 24 months, 20 months, I mean 24 months, 20 months, or rather 24 months - or, in a bracket, a verdict on it
# with or without one (20个月（错误）, 20个月（有误，实为24个月）, 20 months (wrong: 24), (typo: 24 months)). Not one
# that gives the same figure again (20个月，准确地说是20个月; 20 months - no, 20 months exactly) nor no figure (20
# months, sorry for the delay; 20 months, I mean it), not a contrast that names another value as not the answer
# (20个月（不是24个月）, 20 months, not 24), and not a bracket that explains it (20个月（即1年8个月）, （约合1.7年）,
# （不含建设期）, （对，就是20个月）): a bare 不, no, 不是 or sorry takes a mark after it (20 months, no 24-month plans;
# 20个月，不是24个月 - both state it). 实际 and actually are no corrections (计划工期20个月，实际为24个月 states the
# plan), and a verdict word out of a bracket may label the next value (Correct: 20 months. Incorrect: 24 months.).
_TAKEN_BACK_BY = (  # a word of a self-correction followed by a mark before what it gives
    "不|不不|不不不|(?:哦|噢|喔|啊|呃|额|嗯)?不对?|不是|(?:我|刚才)?(?:说|写|算|打)错了|错了|抱歉|不好意思|对不起|口误|笔误"
    "|(?:纠正|更正|订正|修正)一下|等等|等一下"
    "|更新|勘误|修订"  # v26: 更新：应为24个月
    "|(?<![a-z])(?:no|nope|oh|oops|wait|sorry|er|erm|um|uh|my mistake|my bad|scratch that|correction|no wait|wait no"
    "|update|updated|edit|erratum|revised|revision|amendment"  # v26: 20 months. Update: it is 24 months.
    "|that's wrong|that is wrong|that was wrong|i was wrong)(?![a-z])"
)
_TAKEN_BACK_FOR = (  # a word of a correction that the other figure may follow at once
    "更正为|更正|纠正为|纠正|修正为|订正为|应该说是?|应当说是?|应为|应是|应该是|应当是|应改为|我是说|我的意思是"
    "|(?:更)?(?:准确|确切|严格|精确)(?:地|的)?(?:说|来说|讲|而言)(?:是|为)?"
    "|正确(?:的|答案|数字|数值)?(?:应该?)?(?:是|为)"
    "|(?<![a-z])(?:i mean|i meant|or rather|rather|make that|or more (?:precisely|exactly|accurately)"
    "|more (?:precisely|exactly|accurately)|to be (?:precise|exact)|correction|should be|should have been|should read"
    "|it should be|the (?:correct|right) (?:figure|number|value|answer) is)(?![a-z])"
)
_COPULA_BEFORE_A_FIGURE = (
    "(?:(?:是|为|应为|应是|应该是|其实是|才是|实为|实际为|实际是|实际上是)"
    "|(?<![a-z])(?:it's|it’s|it is|it was|it should be|should be|is|was|the figure is|i meant|i mean)(?![a-z]))"
)
_SELF_CORRECTION_MARK = r"[,:;!.…—–\-]"
_A_NUMBER_WORD = (
    "(?<![a-z])(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)(?![a-z])"
)
_ANOTHER_FIGURE = (
    f"(?:{_COPULA_BEFORE_A_FIGURE} ?)?"
    "(?:约|大约|大概|近|(?<![a-z])(?:about|around|roughly|approximately)(?![a-z])|~)? ?"
    f"(?P<figure>{_FIGURE_START.pattern}|{_A_NUMBER_WORD})"
)
_TAKEN_BACK = re.compile(
    f" ?(?:左右|上下|整)?(?:{_SELF_CORRECTION_MARK}+|。| ?\\()"
    f"(?: ?(?:(?:{_TAKEN_BACK_BY}) ?{_SELF_CORRECTION_MARK}+|(?:{_TAKEN_BACK_FOR}) ?{_SELF_CORRECTION_MARK}*)){{1,4}}"
    f" ?{_ANOTHER_FIGURE}"
)
_VERDICT_IN_A_BRACKET = re.compile(
    " ?\\( ?(?:(?:此处|此数|该数字?|这个数字?|这里|原文)?(?:有误|错误|错|不对|不正确|不准确|笔误|口误|待更正)"
    "|(?<![a-z])(?:wrong|incorrect|not correct|not right|inaccurate|a typo|typo|error|an error|mistake|a mistake"
    "|should be corrected)(?![a-z]))"
    " ?(?=[),:;.!])"
)


# v25: ... or a cross mark right after it (合同金额：1200万元 ❌ 1500万元 ✅) - not a mark in the next table cell
_CROSSED_OUT_AFTER = re.compile(" ?[❌✗✘❎]")


# v19: the other figure of a correction or a change is another value of the point's quantity where none of the
# point's forms matches it and it is of the point's kind: a duration for a duration (20个月 -> 24个月, 2 years), an
# amount of money for one (300万元 -> 350万元), a percentage for one, else the same unit - or a bare number that ends
# its part (20 months (wrong: 24)). 20个月。抱歉，3个附件无法提供 and 20 months. No, 2 installments are not required
# name other things.
_NUMBER_AT = re.compile(
    "[-+~]?(?:[0-9][0-9,.]*|["
    + "".join(sorted(NUMERAL_CHARS - frozenset("0123456789")))
    + "点]+|"
    + _A_NUMBER_WORD
    + "(?:[- ]"
    + _A_NUMBER_WORD
    + ")?) ?"
)
_LAST_NUMBER = re.compile(_NUMBER_AT.pattern.removesuffix(" ?") + "(?=[^0-9]*$)")
_UNIT_KINDS = (
    re.compile(
        "(?:年|个月|月|周|星期|天|日|小时|个小时|钟头|分钟|秒|(?:years?|months?|weeks?|days?|hours?|minutes?"
        "|seconds?)(?![a-z]))"
    ),
    re.compile(
        "(?:万元|亿元|千元|百万元|元|万|亿|美元|港币|欧元|(?:yuan|dollars?|usd|rmb|million|billion|thousand|k)"
        "(?![a-z]))"
    ),
    re.compile("(?:%|个百分点|(?:percent|per cent|percentage points?)(?![a-z]))"),
)
# a calendar year (2026年), which is no value of a length or an amount
_CALENDAR_YEAR = re.compile("(?:19|20)[0-9]{2} ?年(?!代)")
_ENDS_A_PART = re.compile(r" ?(?:[)。!?;,\n]|\.(?=\s|$)|$)")


def _unit_after(text: str, pos: int) -> tuple[str, int]:
    """The text after the number at `pos` (its unit first) and where it starts."""
    number = _NUMBER_AT.match(text, pos)
    at = number.end() if number is not None else pos
    return text[at:], at


def _another_value(answer_norm: str, start: int, end: int, figure: int, forms: Sequence[Pattern]) -> bool:
    """The figure at `figure` is another value of the quantity at start:end: none of the point's `forms` matches it,
    and it is of the same kind (`_UNIT_KINDS`, else the same unit) or a bare number that ends its part."""
    if any(found.start <= figure < found.end for form in forms for found in form.search(answer_norm)):
        return False
    text = answer_norm[start:end]
    last = _LAST_NUMBER.search(text)
    unit = text[last.end() :].strip() if last is not None else ""
    if _CALENDAR_YEAR.match(answer_norm, figure) and not _CALENDAR_YEAR.match(text, last.start() if last else 0):
        return False  # v28: 20个月 → 2026年开始盈利 - a date, no other length
    other, at = _unit_after(answer_norm, figure)
    if _ENDS_A_PART.match(answer_norm, at) or not unit:
        return True  # (wrong: 24), 20个月，不，24。
    if other.startswith(unit):
        return True
    return any(kind.match(unit) and kind.match(other) for kind in _UNIT_KINDS)


# v19: a former value the answer says has changed is no answer: 回收期由20个月延长至24个月, 从20个月调整为24个月,
# 回收期原为20个月，现调整为24个月, 原来是20个月，现在是24个月, previously 20 months; it is now 24 months - a change
# from the figure to another one, or the figure marked as former (原为, 原来, 原先, 原本, 此前, originally, previously,
# formerly, used to be) and another figure marked as current (现在, 现已, 现为, 目前, 如今, now, currently) later in
# its sentence. Not the same figure again (原为20个月，现在仍是20个月), a former value alone (回收期原为20个月), two
# plans (旧方案20个月，新方案24个月), nor plan and actual (原计划20个月，实际24个月); 最初 and initially are left alone
# (最初20个月免租: the first 20 months).
# v20: and in English, a verb of change before "from" and "to" before the other figure (rose from 20% to 24%, was
# increased from 20 months to 24 months, went from 20 to 24; not "cut from 24 months to 20 months", which credits 20
# months, nor a range without a verb: from 20 to 24 months); "up from" and "down from" before the figure (24%, down
# from 20%) with no other figure needed; "was" or "were" right before it where a "now" or a "but after / since /
# following" clause gives another figure later in its sentence (was 20 months, but after the price change it is 24
# months; was 20 months, it is now 24 months).
_EN_CHANGE_VERBS = (
    "rose|risen|rise|rises|increased|increase|increases|decreased|decrease|decreases|dropped|drops|fell|fallen|falls"
    "|grew|grown|grows|went|gone|goes|changed|change|changes|moved|raised|lowered|reduced|cut|extended|shortened"
    "|shrank|shrunk|climbed|jumped|declined|slipped|adjusted|revised|updated|lengthened|expanded|lifted|slashed"
    "|trimmed|upgraded|downgraded|edged|soared|plunged|tumbled|doubled|halved|shifted|switched"
)
_CHANGED_FROM = re.compile(
    f"(?:从|由) ?$|(?<![a-z])(?:{_EN_CHANGE_VERBS})(?: [a-z]+ly)?(?: (?:up|down|back))? from (?:a |an |the )?$"
)
_CHANGED_TO = re.compile(
    " ?(?:(?:延长|缩短|增加|减少|提高|降低|调整|变更|修改|修订|更新|上调|下调|提升|下降|上升|增长|压缩|变|改|调)了?"
    "(?:为|至|到|成)|(?:增|降|升|减|缩|延)至|(?<![a-z])to(?![a-z])) ?" + _ANOTHER_FIGURE
)
# v25: an arrow after the figure changes it to another (20个月→24个月, 20 months -> 24 months, → revised to 24 months)
_ARROW_TO = re.compile(
    " ?(?:→|->|=>|⟶|➡|➔|⇒) ?(?:(?:revised|changed|adjusted|updated|raised|increased|extended|cut|lowered|reduced"
    "|decreased|shortened) to |(?:调整|修改|变更|上调|下调|延长|缩短)?(?:为|至|到) ?)?" + _ANOTHER_FIGURE
)
_UP_OR_DOWN_FROM = re.compile("(?<![a-z])(?:up|down) from (?:a |an |the )?$")
# v27: and a time in the past (两年前, 去年, 当时, two years ago, last year): Chinese has no past tense, so
# 两年前回收期是20个月，现在是24个月 is "was 20 months, now 24" (v26 credited 20个月)
_FORMER = re.compile(
    "原(?:为|是|来|先|本)|此前|(?<![a-z])(?:originally|previously|formerly|used to be)(?![a-z])"
    "|(?<![a-z])(?:was|were)(?: about| around| roughly| approximately)? $"
    "|[0-9一二两三四五六七八九十几半]+ ?个?(?:年|月|季度|星期|周|天)(?:以|之)?前"
    "|去年|前年|上个?(?:月|季度)|以前|之前|当时"
    "|(?<![a-z])(?:ago|last (?:year|quarter|month)|at the time)(?![a-z])"
)
_NOW_ANOTHER = re.compile(
    "(?:(?!\\. )[^。!?\n]){0,30}?"
    "(?P<now>现(?:在|已|为|是|调|改|变|增|降|延|缩|行)|目前|如今|(?<![a-z])(?:now|currently|at present)(?![a-z]))"
    "(?:(?!\\. )[^。!?\n,;]){0,12}?" + _ANOTHER_FIGURE
)
# v28: the words between the "now" and its figure that name no quantity: a copula, an adverb, a verb of change, a
# pronoun (现在是, 现已调整为, 目前仍为, now it is, it has since been cut to)
_NOW_FILLER = re.compile(
    "[ ,，:：、;；.]|现在|现行|现|目前|如今|已经|已|仍然|仍|还是|还|也|则|的|了|只|仅|约|大约|大概|达到|达"
    "|需要|需|要|花费|耗时"
    "|(?:调整|修改|修正|变更|更新|上调|下调|延长|缩短|增加|减少|提高|降低|提升|增长|下降|复核|测算|重新测算)(?:后|为|至|到|成)?"
    "|(?:变|改|缩|延|增|降|升|减)(?:为|至|到|成)"
    "|(?<![a-z])(?:now|currently|at present|it|it's|it’s|this|that|they|we|is|are|has|have|had|been|since|stands|sits"
    "|at|only|just|about|takes|take|needs|requires|costs|comes|amounts"
    "|around|roughly|down|up|to|revised|changed|adjusted|raised|increased|extended|cut|lowered|reduced|decreased"
    "|shortened|rose|fell|risen|fallen|the figure|the|a|an|year|years|quarter|quarters|month|months|later)(?![a-z])"
)
# where a sentence, a list item or a heading ends in a normalised answer (a list item's mark is •)
_SENTENCE_MARKS = ("\n", "。", "!", "?", ";", "；", "•", "#", "|", ". ")
# a time gone by after the "now" (现在2年过去了, now 2 years on): no value of the quantity
_ELAPSED = re.compile(
    "[0-9.一二两三四五六七八九十几半]+ ?个?(?:年|季度|月|星期|周|天)(?:过去|之后|以后|后|以来)"
    "|[0-9.]+ (?:years?|quarters?|months?|weeks?|days?) (?:later|on|have passed|has passed|after)(?![a-z])"
)
_BUT_AFTER_ANOTHER = re.compile(
    "[ ,;]*but (?:after|since|following|as of|from)(?![a-z])"
    "(?:(?!\\. )[^。!?\n;]){0,60}?(?<![a-z])(?:is|are|it's|has been|have been|stands at|will be) " + _ANOTHER_FIGURE
)


def _a_former_value(answer_norm: str, start: int, end: int, forms: Sequence[Pattern]) -> str | None:
    """The words that make the figure at start:end a former value changed to another figure (v19: 由20个月延长至24个月,
    原为20个月，现调整为24个月); else None."""
    part_start = _part_start(answer_norm, start)
    up_or_down = _UP_OR_DOWN_FROM.search(answer_norm, part_start, start)
    if up_or_down is not None:
        return up_or_down.group().strip()  # v20: 24%, down from 20%
    changed = _CHANGED_TO.match(answer_norm, end) if _CHANGED_FROM.search(answer_norm, part_start, start) else None
    if changed is None and _FORMER.search(answer_norm, part_start, start) is not None:
        changed = _NOW_ANOTHER.match(answer_norm, end) or _BUT_AFTER_ANOTHER.match(answer_norm, end)
        if changed is not None and not _now_names_the_same(changed, _sentence_before(answer_norm, part_start, start)):
            changed = None  # 此前已签约1200万元，目前已回款860万元: another quantity now, not a new value
    if changed is None:
        changed = _ARROW_TO.match(answer_norm, end)  # v25: 20个月→24个月
    if changed is None:
        return None
    if not _another_value(answer_norm, start, end, changed.start("figure"), forms):
        return None  # 原为20个月，现在仍是20个月
    return changed.group()


def _sentence_before(answer_norm: str, part_start: int, start: int) -> str:
    """The words of the figure's sentence before it, within its part: not a heading's or a previous item's (## 回款进展
    • 此前已签约1200万元)."""
    after = max(answer_norm.rfind(mark, part_start, start) for mark in _SENTENCE_MARKS) + 1
    return answer_norm[max(after, part_start) : start]


def _now_names_the_same(now: re.Match[str], before: str) -> bool:
    """Whether the "now" clause's figure is a new value of the former figure's quantity (`before`: the words before
    the former figure). Not where the words after the "now" name another quantity (两个月前回款860万元，目前剩余
    340万元), nor where the words between name one and the new figure has no unit of a kind (we estimated 20 months;
    the client count is now 27; "Originally 20 months, the payback is now 24 months" stays a change), nor a time gone
    by (现在2年过去了)."""
    if now.re is not _NOW_ANOTHER:
        return True  # "but after ... it is 24 months" names its own subject
    text, figure = now.string, now.start("figure")
    if _ELAPSED.match(text, figure):
        return False
    if not all(_named_before(word, before) for word in _names(text[now.start("now") : figure])):
        return False
    if all(_named_before(word, before) for word in _names(text[now.start() : now.start("now")])):
        return True
    other, _ = _unit_after(text, figure)
    return any(kind.match(other.lstrip()) for kind in _UNIT_KINDS)


def _names(words: str) -> list[str]:
    """The words that name something: not a copula, an adverb, a verb of change or a time (`_NOW_FILLER`)."""
    return _NOW_FILLER.sub(" ", _FORMER.sub(" ", words)).split()


def _named_before(word: str, before: str) -> bool:
    """Whether the words before the former figure name `word`: an English word among them, each Chinese character
    of a name among them (预计为 after 之前预计回收期为)."""
    if word.isascii():
        return re.search(f"(?<![a-z]){re.escape(word)}", before) is not None
    return all(char in before for char in word)


def _taken_back(answer_norm: str, start: int, end: int, forms: Sequence[Pattern]) -> str | None:
    """The correction right after the figure at start:end that takes it back (v19): a verdict in a bracket after it,
    or a self-correction that gives another value of its kind (`_another_value`); else None."""
    verdict = _VERDICT_IN_A_BRACKET.match(answer_norm, end) or _CROSSED_OUT_AFTER.match(answer_norm, end)
    if verdict is not None:
        return verdict.group()
    correction = _TAKEN_BACK.match(answer_norm, end)
    if correction is None:
        return None
    if not _another_value(answer_norm, start, end, correction.start("figure"), forms):
        return None  # 20个月，准确地说是20个月 - the same figure again; 20个月。抱歉，3个附件… - another thing
    return correction.group()


# v19: a key point the answer explicitly refuses to commit to is no answer: the speaker says it cannot tell whether it
# holds (无法确定是否为20个月, 我不确定是不是20个月, 不知道是否20个月, I cannot say whether it is 20 months, I don't
# know if it's 20 months), asks whether it holds and says that is unknown (是否为20个月尚不清楚, 回收期是否20个月，目前
# 无法确认, Whether it is 20 months is unclear), or doubts it as what something is (我不确定回收期是20个月, I am not
# sure it is 20 months) - an explicit refusal, not a hedge: 大概20个月, 应该是20个月, 可能是20个月, probably 20 months
# and I think it is 20 months state it (key points are not judged for assertion - v7, v10 - and a hedge is no refusal).
# Only in the figure's part of the clause with no contrast after the refusal (我不确定，但应该是20个月 and 不清楚具体
# 日期，回收期是20个月 state it), and not where a question word makes the figure a given (我不清楚为什么回收期是20个月,
# I don't know why it is 20 months) or the question is about another thing (不清楚20个月的回收期是否包含建设期).
_CANNOT_TELL = re.compile(
    "(?:无法|不能|难以|没法|没办法|无从|不敢)(?:确定|确认|判断|断定|肯定|核实|证实|得知|知道|说|回答|查证|保证)"
    "|不(?:太|很)?(?:确定(?!性|因素)|清楚|知道|了解|敢肯定|敢确定|敢说|好说|能肯定|能确定)|说不(?:准|清|好)|拿不准|吃不准"
    "|(?<![a-z])(?:(?:cannot|can't|can’t|could not|couldn't|couldn’t|(?:am |are |is )?(?:unable|not able) to)"
    " (?:say|tell|confirm|determine|verify|know|be sure|be certain|state)"
    "|(?:don't|don’t|do not|doesn't|doesn’t|does not|didn't|didn’t|did not) know|unsure|uncertain"
    "|not (?:sure|certain)|no idea|no way to (?:know|tell))(?![a-z])"
)
_ASKS_WHETHER = re.compile("是否|是不是|有没有|能否|可否|(?<![a-z])(?:whether|if)(?![a-z])")
# a doubt about what something is: the figure after a copula in the doubted clause (我不确定回收期是20个月)
_DOUBTS = re.compile(
    "不(?:太|很)?确定|不敢(?:肯定|确定)|(?:无法|不能)(?:确定|确认|肯定)"
    "|(?<![a-z])(?:not (?:sure|certain)|unsure|(?:cannot|can't|can’t|unable to) (?:confirm|say|be sure))"
    "(?![a-z])"
)
_COPULA_JUST_BEFORE = re.compile(
    "(?:是|为)(?:约|大约|大概)? ?$|(?<![a-z])(?:is|was|are|were|be|it's|it’s|that's|that’s)(?: about| around)? $"
)
_UNKNOWN_AFTER = re.compile(
    "[^。!?\n]{0,24}?"
    "(?:(?:尚|还|仍|目前|暂时|暂|我|我们|并|都|也|则|仍然|依然| |,)*"
    "(?:不(?:太|很)?(?:清楚|确定|知道|明确|得而知)|未知|待定"
    "|(?:无法|难以|不能|没法)(?:确定|确认|判断|核实|证实|得知|断定)|(?:有待|尚待|待)(?:确认|核实|证实|确定)|说不准|不好说)"
    "|(?<![a-z])(?:(?:is|remains|was) (?:still |currently |as yet )?(?:unclear|unknown|uncertain|undetermined"
    "|not (?:known|clear|certain|confirmed)|unconfirmed|to be (?:confirmed|determined))"
    "|i (?:don't|don’t|do not) know|i'm not sure|i am not sure|i (?:cannot|can't|can’t) (?:say|tell))(?![a-z]))"
)


def _refused(answer_lines: str, start: int, end: int, figure: bool) -> str | None:
    """The words that refuse to commit to the key point at start:end (v19: 无法确定是否, I cannot say whether;
    是否…尚不清楚, whether … is unclear; for a figure, 我不确定…是, I am not sure it is) in its part of the clause, with
    no contrast and no question word between; else None."""
    part_start = _part_start(answer_lines, start)
    for cannot in _CANNOT_TELL.finditer(answer_lines, part_start, start):
        between = (cannot.end(), start)
        if _CONTRAST.search(answer_lines, *between) or _QUESTION_WORDS.search(answer_lines, *between):
            continue
        asks = _ASKS_WHETHER.search(answer_lines, *between)
        if asks is not None and not _QUESTION_WORDS.search(answer_lines, asks.end(), start):
            return answer_lines[cannot.start() : start]
        doubt = _DOUBTS.fullmatch(cannot.group())
        if figure and doubt is not None and _COPULA_JUST_BEFORE.search(answer_lines, cannot.end(), start):
            return answer_lines[cannot.start() : start]
    asks = max(_ASKS_WHETHER.finditer(answer_lines, part_start, start), key=lambda m: m.start(), default=None)
    if asks is None or _CONTRAST.search(answer_lines, asks.end(), start):
        return None
    if _QUESTION_WORDS.search(answer_lines, asks.end(), start) or answer_lines[asks.start() : asks.end()] == "if":
        return None  # "if it is 20 months, ..." is a condition (only 是否 and whether ask here)
    unknown = _UNKNOWN_AFTER.match(answer_lines, end)
    return None if unknown is None else answer_lines[asks.start() : unknown.end()]


# v15: a point in 元 (one of its forms is: 200万元) is an amount in renminbi, and so are its forms without a currency
# (200万, 两百万): an answer that names another currency after the figure (200万美元, 二百万港币, 200万（美元）,
# 200万 USD) or before it (US$200万, HK$200万, $200万, 美元200万) states another amount, as v9 read 1200万元港币.
_YUAN_FORM = re.compile("[0-9" + "".join(sorted(NUMERAL_CHARS - frozenset("0123456789"))) + "] ?元$")
_SCALE_AT_THE_END = re.compile("[0-9十百千万亿]$")
_FOREIGN_CURRENCY = (
    "港币|港元|新台币|台币|澳门币|美金|美元|日元|欧元|英镑|韩元|澳元|加元|卢布"
    "|(?<![a-z])(?:hkd|usd|jpy|eur|gbp|twd|mop|krw|aud|cad|sgd)(?![a-z])"
)
_FOREIGN_CURRENCY_AFTER = re.compile(rf" ?(?:\( ?)?(?:{_FOREIGN_CURRENCY})")
_FOREIGN_CURRENCY_BEFORE = re.compile(rf"(?:[a-z]{{0,3}}\$|€|£|jp¥|{_FOREIGN_CURRENCY}) ?$")


def _in_yuan(variants: Sequence[str]) -> bool:
    return any(_YUAN_FORM.search(normalise(v)) for v in variants)


def _in_another_currency(answer_norm: str, start: int, end: int, text: str) -> bool:
    """The amount at start:end, written without a currency (200万), is named in another currency by the answer."""
    if not _SCALE_AT_THE_END.search(text):
        return False
    before = _FOREIGN_CURRENCY_BEFORE.search(answer_norm, max(0, start - 6), start)
    return before is not None or _FOREIGN_CURRENCY_AFTER.match(answer_norm, end) is not None


# v15: a bare 免 right before a charge waives it (首年免服务费, 免违约金) - not the 免 of a word (避免, 以免, 难免,
# 未免; 减免 and 豁免 are waivers of their own), nor one a negation or a modal turns (不免, 可免)
_BARE_MIAN = re.compile("(?<![避以难未豁减赦任罢不可能])免 ?$")


def _waived_by_a_bare_mian(answer_norm: str, start: int) -> str | None:
    m = _BARE_MIAN.search(answer_norm, max(0, start - 3), start)
    return None if m is None else m.group()


def _offered_among_others(pattern: Pattern, answer_norm: str, found: Found) -> str | None:
    """The alternatives (20个月或24个月) that a single-number point's match is offered among (v15: `alternatives`),
    as the answer writes them; else None."""
    if isinstance(pattern, TextPattern):  # v24: a year and a half or two years (a duration twin in words)
        lengths = duration_alternatives(answer_norm, found.start, found.end)
        if lengths is None:  # v25: 半年到一年, half a year to a year - a range, which no number pattern saw
            lengths = duration_alternatives(answer_norm, found.start, found.end, ranges=True)
        return answer_norm[lengths[0] : lengths[1]] if lengths is not None and not lengths[2] else None
    if not isinstance(pattern, NumberPattern) or not (len(pattern.slots) == 1 or compound_duration(pattern)):
        return None
    span = alternatives(answer_norm, found.start, found.end, pattern.forms.tolerance, len(pattern.slots))
    lengths = duration_alternatives(answer_norm, found.start, found.end) if pattern.forms.tolerance is None else None
    if lengths is not None and not lengths[2]:
        return answer_norm[lengths[0] : lengths[1]]  # v22: 1年半或30个月, 18个月或者2年 - two lengths of time
    if lengths is not None and (span is None or lengths[0] <= span[0] and span[1] <= lengths[1]):
        return None  # v22: 1年8个月或20个月 - one length twice, not 8个月 or 20个月
    return None if span is None else answer_norm[span[0] : span[1]]


# v12: a table cell that denies (| 私有化部署 | 无 |) denies its row's label in a column that says whether it is had -
# not a value of the row (| 回本周期 | 20个月 | 无 |: a remark), nor under a header that asks something else
# (| 方案 | 数据出境 |, | 指标 | 数值 | 备注 |: 私有化部署 | 无 says no data leaves).
_AVAILABILITY_HEADER = re.compile(
    "是否|支持|提供|可用|可选|状态|情况|有无|开放|(?<![a-z])(?:availab|support|offer|status|includ|provid)"
)
# v14: and a waiving cell (| 首年服务费 | 免收 |) in a column of charges (| 项目 | 费用 |, | Item | Fee |)
_WAIVING_CELL = re.compile(f"{_WAIVERS_AFTER_ZH}|免费|不收")
_CHARGE_HEADER = re.compile("费|价|收取|(?<![a-z])(?:fee|cost|price|charge)")


def _denied_by_its_row(
    answer_lines: str | None, start: int, end: int, denial: str, cells: Sequence[TableCell]
) -> str | None:
    """`denial` (| 无) when the cell it stands in denies the point at start:end, the label of its row (v12); else
    None."""
    if answer_lines is None:
        return denial
    line_start = answer_lines.rfind("\n", 0, start) + 1
    if "|" in answer_lines[line_start:start].lstrip(" ").removeprefix("|"):
        return None  # the point is a value of the row, not its label
    cell_start = answer_lines.find("|", end) + 1
    if cell_start == 0:
        return denial
    while cell_start < len(answer_lines) and answer_lines[cell_start] == " ":
        cell_start += 1
    headers = [c.header for c in cells if c.start == cell_start]
    if headers and normalise(headers[0]) != normalise(answer_lines[line_start:end].strip(" |")):
        waived = _WAIVING_CELL.search(denial) is not None and _CHARGE_HEADER.search(headers[0]) is not None
        return denial if waived or _AVAILABILITY_HEADER.search(headers[0]) else None  # its column's header
    return denial


# v14: a prohibition or negation right before the point whose object is an offence against it (禁止GDPR违规行为,
# 严禁客户数据泄露, prohibits GDPR violations, no GDPR breaches) negates the offence, not the point - as 禁止违反GDPR
# and "prohibits breaches of GDPR" never did. Not a figure, which the negation bounds (不超过5%违约率), nor a penalty
# (免除逾期违约金 waives it), nor the point itself prohibited (禁止使用GDPR, prohibits using personal email).
_OFFENCE_AFTER = re.compile(
    " ?(?:违规|违法|违反|违约(?!金)|违背|泄露|泄漏|外泄|滥用|侵权|欺诈|舞弊|造假|篡改)"
    "|(?<=[a-z0-9]) (?:violations?|breach(?:es)?|non-?compliance|infringements?|abuse|misuse|fraud|leaks?|leakage"
    "|evasion|circumvention)(?![a-z])"
)
_FIRST_DIGIT = re.compile(r"[0-9]")
# v10: a negation inside a regex's match, where the regex lets text stand between its parts (v5.0并未于2024年发布, v5.0
# 没有在2024年发布, v5.0 was never released in 2024): a word that negates (as jieba cuts the match: not 未来, 不久) that
# the regex does not ask for - it matches without it too - and that no bracket holds (v5.0（并非测试版）于...).
NEGATION_WORDS_ZH = frozenset(
    {"不", "未", "没", "没有", "非", "无", "不是", "不会", "不能", "无法", "未能", "没能", "未曾", "不曾", "尚未"}
    | {"并未", "并没有", "并没", "并不", "并不是", "并非", "从未", "从没", "从没有", "从不", "从来不", "从来没有"}
    | {"从来没", "绝非", "绝不", "决不", "绝没有"}
)
_NEGATION_CHARS_ZH = frozenset("不未没非无")
_PREPOSITIONS = frozenset("于在被曾将把对从向给")
_NEGATION_EN_WORD = re.compile(
    r"(?<![a-z])(?:never|not(?! (?:only|just|merely|surprisingly|unexpectedly|least)(?![a-z]))|no longer)(?![a-z]) ?"
    r"|(?<=[a-z])n't(?![a-z])"
)


def _negated_within(answer_norm: str, found: Found, regex: str) -> bool:
    """A negation stands inside the regex's match that the regex itself does not ask for (v10)."""
    snippet = answer_norm[found.start : found.end]
    spans = [(m.start(), m.end()) for m in _NEGATION_EN_WORD.finditer(snippet)] if "n" in snippet else []
    if _NEGATION_CHARS_ZH.intersection(snippet):
        for at, word in words_at(snippet).items():
            if word in NEGATION_WORDS_ZH:
                spans.append((at, at + len(word)))
            elif len(word) == 2 and word[0] in "不未没" and word[1] in _PREPOSITIONS:
                spans.append((at, at + 1))  # jieba's 未于, 没在: the negation and the preposition after it
    for a, b in spans:
        if a == 0 or snippet.rfind("(", 0, a) > snippet.rfind(")", 0, a):
            continue  # the point's own negation (before it: `negation_before`), or one in an aside
        if not user_regex_search(regex, snippet[:a] + snippet[b:]):
            continue
        # v12: the negation must stand right before (an adverb, then) a part the regex asks for - 并未|于2024年,
        # never |released - not before text its gap lets through, which it negates instead: 支持无服务器部署 and
        # 支持不停机部署 for 支持.*部署, 回本周期在不考虑通胀的情况下为20个月, approved, not without debate, in 2024
        adverbs = _ADVERBS_AFTER_A_NEGATION.match(snippet, b)
        c = adverbs.end() if adverbs else b
        if c >= len(snippet) or user_regex_search(regex, snippet[:a] + snippet[b:c] + snippet[c + 1 :]):
            continue
        return True
    return False


# v12: adverbs a negation inside a regex's match reaches over to the part of the regex it negates (并未正式于2024年发布)
_ADVERBS_AFTER_A_NEGATION = re.compile(
    "(?:正式|真正|实际|确实|曾经|曾|如期|按时|按期|公开|对外|再|已经|已|有|"
    "(?:officially|actually|really|ever|yet|formally|publicly|been|be|being|already) )*"
)


# v10: a clarifying question back to the user asserts nothing (您是指20万元吗？, Do you mean 20 months?): the
# sentence ends with a question mark and asks, before the point, what the user means or to confirm it - unless the
# answer says yes to it (吗？是的). A question to nobody (为什么是20万元？因为...) or about another thing
# (预算为20万元。您还有其他问题吗？) still states its point, and so does a code block.
_CLARIFYING = re.compile(
    "(?:您|你)们?(?:是(?:不是|否)?(?:指|说|问|想)|指的|说的|问的|所说的|所指的|的意思|想问|要问|想了解|想知道"
    "|提到的|是否|是不是)|请(?:您|你)?确认|确认一下|是指"
    "|(?<![a-z])(?:(?:do|did) you mean|you mean|are you (?:referring|asking|talking)|(?:could|can) you confirm"
    "|please confirm)(?![a-z])"
)


def _in_a_clarifying_question(answer_lines: str, start: int, end: int) -> bool:
    """The text at start:end stands in a clarifying question to the user (v10)."""
    after = _SENTENCE_END.search(answer_lines, end)
    if after is None or after.group() != "?":
        return False
    sentence_start = _last_end(_SENTENCE_END, answer_lines, start)
    if not _CLARIFYING.search(answer_lines, sentence_start, start):
        return False
    return _ANSWERED_YES.match(answer_lines, after.end()) is None


# v11: a yes/no question that holds the point, answered no right after it, denies the point (支持私有化部署吗？不支持。,
# 是否支持私有化部署？目前不支持。, Is on-premise deployment available? No.) - as v10 took a question answered yes as
# stating it. Not a question with a question word (为什么支持私有化部署？不是为了省钱...), nor an answer that goes on
# otherwise (不过需要额外付费, Not only that: ...).
_QUESTION_WORDS = re.compile(
    "为什么|为何|怎么|怎样|如何|哪|什么|多少|谁|(?<![a-z])(?:why|how|what|which|when|where|who)(?![a-z])"
)
_ANSWERED_NO = re.compile(
    " ?(?:(?:很遗憾|遗憾的是|抱歉|不好意思|目前|暂时|现在|当前)[, ]*){0,2}(?:暂|还|尚|并)?"
    "(?:不(?:支持|提供|开放|允许|具备|包含|包括|存在)"
    "|(?:不|不是|不行|不能|不可以|不会|不可能|不可用|不可行|没有|没|否|无"
    # v16: or says it is wrong (回收期20个月？不对，是24个月; 错了; 这种说法不正确)
    "|(?:(?:这|此)(?:个|种|一|样)?)?(?:说法|数字)?(?:是|并)?(?:不对|错误?|不正确|不准确|有误))"
    "(?:的|了)?(?=[\\s。!?;,、.:—(]|$))"
    "| ?(?:(?:unfortunately|sadly|sorry),? )?(?:no|nope|not(?: (?:currently|at the moment|at this time|yet|really))?"
    "|(?:that's |that is |this is |it's |it is )?(?:wrong|incorrect|not (?:right|correct|true)))"  # v16
    "(?=[,.;!:—]|$)"
)


# v12: the no denies the point only where the question asks for the point itself - it ends the question
# (支持私有化部署吗？, 是否支持私有化部署？, 回本周期是20个月吗？) or only its availability follows
# (私有化部署可以吗？, 私有化部署有吗？, 是否提供私有化部署方案？, Is on-premise deployment available?) - not where
# the question asks something of it (私有化部署会影响性能吗？不会。, 退款会被拒绝吗？不会。, Does on-premise
# deployment cost extra? No.).
_ASKS_FOR_THE_POINT = re.compile(
    " ?(?:(?:方案|服务|功能|版本|模式|选项|能力)(?:的话)?)?"
    " ?(?:(?:是否|能否|可否)?(?:可以|可行|支持|提供|有|可用|能用|存在|开放|包含|包括|行|能|对|正确|属实|成立))?"
    "(?: ?(?:吗|么|嘛|呢|不|没有|否))?"
    "| (?:(?:currently|still|also|really) )?(?:available|supported|offered|possible|provided|included|an option|allowed"
    "|permitted|feasible|correct|right|true|the case|accurate)(?: (?:at (?:this|the) (?:time|moment)|now|today|yet"
    "|currently|as well|too))?"
    "|"
)


def _answered_no(answer_lines: str, start: int, end: int) -> str | None:
    """The answer to the yes/no question that holds start:end, when it is no (v11); else None."""
    after = _SENTENCE_END.search(answer_lines, end)
    if after is None or after.group() != "?":
        return None
    sentence_start = _last_end(_SENTENCE_END, answer_lines, start)
    if _QUESTION_WORDS.search(answer_lines, sentence_start, after.start()):
        return None
    if not _ASKS_FOR_THE_POINT.fullmatch(answer_lines, end, after.start()):
        return None  # v12: 私有化部署会影响性能吗？不会。 - the no answers what is asked of the point
    no = _ANSWERED_NO.match(answer_lines, after.end())
    return None if no is None else answer_lines[end : no.end()]


def _negation_inside(answer_norm: str, start: int, end: int) -> str | None:
    """A negation right before the first number inside a regex match (a label, then the figure it states:
    `净节省额不是90万` matched from 净节省): the check before the match's start cannot see it."""
    digit = _FIRST_DIGIT.search(answer_norm, start, end)
    if digit is None or digit.start() == start:
        return None
    return negation_before(answer_norm[: digit.start()], digit.start(), figure=True)


def _other_forms(needle: str) -> tuple[str, ...]:
    """A form's other spellings and (v18) its duration in other units, with every number form."""
    return (*_twins(needle), *duration_twins(needle, NumberForms(chinese=True)))


def _original(variants: Sequence[str], normalised: str | None) -> str | None:
    """The form as the user wrote it (patterns hold normalised text; a standard's other spelling, v9, is its form's)."""
    if normalised is None:
        return None
    written = next((v for v in variants if normalise(v) == normalised), None)
    if written is None:
        written = next((v for v in variants if normalised in _other_forms(normalise(v))), normalised)
    return written


@dataclass(frozen=True)
class _MarkerPattern(TextPattern):
    """An expectation marker that counts only where the text from it on matches its context (v9:
    `_MARKER_CONTEXTS`: 不确定 but not 不确定性)."""

    context: re.Pattern[str] | None = None

    def search(self, answer: str) -> Iterator[Found]:
        for found in super().search(answer):
            if self.context is None or self.context.match(answer, found.start):
                yield found


def _marker_patterns(forms: Sequence[Pattern]) -> list[Pattern]:
    """The expectation point's patterns, each marker of `_MARKER_CONTEXTS` held to its context."""
    return [
        _MarkerPattern(form.text, _MARKER_CONTEXTS[form.text])
        if isinstance(form, TextPattern) and form.text in _MARKER_CONTEXTS
        else form
        for form in forms
    ]


def expectation_point(expect: str, other_weight: float) -> KeyPoint:
    """The implicit key point of a trap case: an answer of the expected kind.

    It weighs as much as all other key points together (at least 1), so a trap
    answered confidently cannot pass on keywords alone.
    """
    return KeyPoint(EXPECTATION_LABELS[expect], EXPECTATION_MARKERS[expect], max(1.0, other_weight))


@contextmanager
def _regex_of(case: Case, field_name: str) -> Iterator[None]:
    """The searches of one point's (or claim's) regexes, held to their time limit (v26): one that runs out of it is
    the case's scoring error, naming the scenario file, the case and the field - never a hang, nor a silent miss."""
    try:
        with regex_time_limit():
            yield
    except RegexTimeout as exc:
        raise ScenarioError(
            case.source,
            case.id,
            field_name,
            f"{exc} (catastrophic backtracking: nested quantifiers such as (a+)+ or (a|aa)+ try exponentially many "
            "ways to match)",
            "simplify the pattern: quantify each part once (a+ not (a+)+, (?:\\d|,)+ not (\\d+,?)+) and anchor it "
            "to the words around the fact",
        ) from None


def score_answer(case: Case, answer: str, copied_sources: Mapping[str, str] | None = None) -> Score:
    """Score one answer against one case.

    `copied_sources` maps a source name ("question", "system", "context") to its
    text; the echo guard discounts key points only present in long verbatim
    copies of them. By default the case's question and system prompt are used.
    """
    if copied_sources is None:
        copied_sources = {"question": case.question, **({"system": case.system} if case.system else {})}
    text = strip_thinking(answer)
    tabled = table_units(text)
    answer_norm = normalise(tabled)
    answer_lines, breaks = normalise_lines(tabled)
    cells = table_cells(answer_lines)
    masks = {
        name: copies(answer_norm, normalise(table_units(src)), ECHO_MIN_COPY.get(name, DEFAULT_ECHO_MIN_COPY))
        for name, src in copied_sources.items()
        if src
    }
    key_points = list(case.key_points)
    expectation = None
    if case.trap is not None and case.trap.expect:
        expectation = expectation_point(case.trap.expect, sum(p.weight for p in case.key_points))
        key_points.append(expectation)
    results: list[PointResult] = []
    for kp in key_points:
        forms = patterns(kp.variants, kp.numbers or case.numbers, kp.regex)
        if kp is expectation:
            forms = _marker_patterns(forms)
        questions = None if kp is expectation else answer_lines
        with _regex_of(case, f"key_points[{len(results)}].regex"):
            found = _find(answer_norm, forms, masks, cells=cells, questions=questions, yuan=_in_yuan(kp.variants))
        matched = found.variant if found.rule == "regex" else _original(kp.variants, found.variant)
        results.append(PointResult(kp.point, kp.weight, found.status, matched, found.source, found.text, found.rule))
    total = sum(p.weight for p in results)
    coverage = 100.0 * sum(p.weight for p in results if p.status == "covered") / total if total else 0.0

    forbidden_found: list[str] = []
    penalty = 0.0
    if case.trap is not None:
        penalty = case.trap.penalty
        for i, claim in enumerate(case.trap.forbidden):
            forms = patterns(claim.all_forms, case.numbers, claim.regex)
            with _regex_of(case, f"trap.forbidden[{i}].regex"):
                found = _find(answer_norm, forms, masks, answer_lines, cells, breaks)
            if found.status == "covered":
                forbidden_found.append(claim.claim)
    score = max(0.0, coverage - penalty * len(forbidden_found))
    passed = score >= case.threshold and not forbidden_found
    return Score(
        case_id=case.id,
        score=score,
        coverage=coverage,
        threshold=case.threshold,
        passed=passed,
        points=results,
        forbidden_found=forbidden_found,
        penalty=penalty if forbidden_found else 0.0,
        answer=text,
        scorer={"name": SCORER_NAME, "version": SCORER_VERSION, "echo_min_copy": dict(ECHO_MIN_COPY)},
    )


def valid_score(score: object, who: str) -> float:
    """`score` as a float when it is a finite number in 0-100 (not a bool); else ValueError naming `who`."""
    value = float(score) if isinstance(score, numbers.Real) and not isinstance(score, bool) else math.nan
    if not math.isfinite(value) or not 0.0 <= value <= 100.0:  # NaN for text, None, a bool
        raise ValueError(
            f"{who} the score {score!r}: a score is a finite number from 0 to 100 (a 0/0 is NaN: score an empty "
            "answer 0)"
        )
    return value


def make_score(
    case: Case,
    score: float,
    passed: bool | None = None,
    *,
    scorer: str,
    answer: str = "",
    details: Mapping[str, object] | None = None,
) -> Score:
    """A `Score` from another scorer (exact match, regex, a judge, OCR): 0-100, passed at the case's
    threshold unless `passed` is given; `scorer` names it in results.json. A score that is not a finite number in
    0-100 (a 0/0 is NaN) raises ValueError: the case's scoring error, never a score."""
    value = valid_score(score, f"scorer {scorer!r} gave case {case.id}")
    return Score(
        case_id=case.id,
        score=value,
        coverage=value,  # 0-100, as the keyword scorer's coverage
        threshold=case.threshold,
        passed=bool(value >= case.threshold) if passed is None else passed,
        points=[],
        answer=answer,
        scorer={"name": scorer, **(details or {})},
    )
