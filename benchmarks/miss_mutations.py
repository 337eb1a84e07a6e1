"""A mutation sweep for right answers missed: every answer the scorer tests pin as covering its key point, rewritten
in ways that keep its meaning, must still cover it.

benchmarks/credit_mutations.py measures the worse error, credit for a wrong answer; this is its twin for the other
one. v59 found that 回收期仅20个月, 只有, 才, 高达, "is only / exactly 20 months" - the commonest ways answers state a
figure - were missed for a point that names its subject after 58 versions; this sweep looks for the rest of that
class systematically. Each covered row of tests/evaluation (the rows credit_mutations reads) is rewritten, one
"kind" at a time:

- adverb: an adverb before the copula or after "is" (回收期确实为20个月, 也, 仍, 目前, 现在, 当前, 基本, 大约, 大概,
  仅; is indeed, currently, roughly, now, still, actually), or an approximation after the copula or a label's colon
  (回收期为约20个月, ROI：约20%, is about 20%);
- copula: the copula before the figure swapped (为 / 是 / 达到 / 约为 / 在 / ： / 约是 / 可达 / 达 / 等于 / ≈; stands
  at / comes to / is about / amounts to / sits at / is at / equals / ≈ / is right at / is sitting at / lands at /
  settles at / comes out to / is ~);
- bold subject, quoted subject: the subject's name before the copula in bold or in quotes (**回收期**为, 「回收期」为);
- tail clause, citation: a clause or a source after the figure (，符合预期; [1], 【1】, （来源：文档2）);
- latex: the figure in LaTeX ($20\\%$, $20$ 个月);
- bold, quoted: the figure with its unit in bold (**20%**), in 「」 or in quotes;
- full-width, spaced unit: the figure's digits full-width (２０%), a space between the figure and its unit (20 个月);
- or so: 左右 / "or so" after the figure and its unit;
- lead-in: a lead-in before the sentence (根据测算，/ 综合来看，/ 结论：/ In short, / Bottom line: );
- bullet, numbered, bold sentence, as heading: the sentence as a Markdown bullet, a numbered item, in bold, or as a
  heading;
- label, bold label, table row: a sentence that only says subject - copula - figure written as "- ROI：20%",
  "**ROI**：20%" and a two-column table row with its header;
- heading: a Markdown heading before the answer;
- think: a Qwen3 <think>…</think> block before the answer;
- repeated: the sentence said again after a blank line;
- punctuation: Chinese punctuation in English form (，-> , ：-> :；-> ;) or an English colon in Chinese form (: -> ：).
- attributive (v62): a sentence that says subject - copula - figure and no more written with the figure before its
  subject in the project's own words (ROI为20% -> 项目可实现20%的ROI / 项目有20%的ROI; 回收期为20个月 -> 项目有20个月的
  回收期; The ROI is 20% -> The project delivers a 20% ROI / The project has an ROI of 20%; The payback period is 20
  months -> The project has a 20-month payback period), for a return, a margin or a payback period only.
- v63 (P27), the formats real model answers take: json ({"ROI": "20%"}, fenced, several keys), key-value (ROI: 20%
  among other key: value lines, YAML in a fence), table rows (a table of several metrics, the row in the middle),
  unit header (| 指标 | 数值（%） | then | ROI | 20 |) - these four of a label's sentence only; code block (the
  sentence in a ``` fence), nested (under a bold section line, a numbered item's sub-bullet), emoji (✅ / 📈 / 👉
  opening the line), footnote (20%¹, 20%[^1], 20%*), spelled unit (20 percent, 20 per cent, 20 pct; 百分之二十 where
  the point reads Chinese numerals), and at a copula after the subject: no copula (ROI 20%, ROI = 20%, ROI → 20%,
  回收期——20个月), hard wrap (The ROI is / 20%), restated (ROI为100/500，即20%, The ROI is 100/500, i.e. 20%, ROI =
  100/500 (20%), 回收期 = 600万元 ÷ 30万元/月 = 20个月).

- v68 (P29), the text kinds ("text: ..."): the covered rows whose point holds no figure (a feature, a policy:
  私有化部署, on-premise deployment, SaaS; `covered_text_rows` of credit_mutations), the sentence holding the point
  replaced by one of `TEXT_TEMPLATES` that surely still states it offered - a bullet, bold, a heading, a key: value
  line (私有化部署：✅ / 是 / 可以), a table row, a ticked box, JSON, a competitor named beside it (与竞品A不同，我们
  支持…; 竞品A不支持…。我们支持。), a comparison table with our column ticked, a plan, a question to the user answered
  by the offer (您需要…吗？可以的，我们支持。), a past that still holds, another thing withdrawn, undecided or crossed
  around it, an adverb, an emoji, a footnote - or the answer framed (a heading or a <think> block before it, the point
  in bold); skipped and counted where the credit sweep's text kinds skip (`text_spot`).

- v111, linked point: the point rewritten, not the answer - its subject and figure written with a link between them
  (回收期20个月 -> 回收期为20个月 / 回收期约为20个月 / 回收期：20个月; ROI 20% -> ROI is 20% / ROI of 20%): the same
  point, so every answer it covers must still cover it (v110 missed 26,483 of 29,643 such answers).
- v112, signed point: the point rewritten - an amount in 元 or 美元 written with its currency's sign before the figure
  (1200万元 -> ¥1200万, 合同金额1200万元 -> 合同金额¥1200万 / 合同金额为¥1200万, 500美元 -> $500): the same amount, so
  every answer the plain point covers must cover it (v111 matched a sign as written without the scale words).
- v113, other currency: the point and its answer rewritten - an amount in 元 or 美元 (`credit_mutations.amount_spot`)
  put in 欧元, 英镑, 港元 or 日元, the point with its unit or sign (500欧元, €500), the answer's amount with its unit,
  sign, code or English name (500欧元, €500, EUR 500, 500 euros): the same amount in the same currency (v112 read
  those currencies' signs, codes and names as text).

- v114, subject with 的: a point whose subject is two words (合同金额, 客户满意度, 员工人数) and whose answer
  names it once as the point does, with the answer's subject and then the point's written with 的 between them
  (合同的金额, 客户的满意度): the same subject.
- v114, to a share of the former: a point of a subject's change by a percent (成本降低30%, 营收增长50%) whose answer
  says it once right after a verb of its direction, the answer's change said as the share of the former level it
  reaches (成本降到原来的70%, 营收提高到原来的150%): the same change.

A rewrite is made only where it surely keeps the meaning, otherwise it is skipped and counted: the point's figure
must occur once in the answer in a plain sentence (no negation, condition or question of its own, no JSON, code or
table: the same checks as credit_mutations), and the answer with that figure blanked out must not cover the point
(else the rewrite around the figure tests nothing). `DECIDED` holds the kinds whose misses are decisions, reported
apart.

    .venv/bin/python benchmarks/miss_mutations.py [--rows R] [--sample N] [--seed S] [--show K]

The whole sweep (about 2,830 covered rows, 44,500 rewrites: 39,700 of a figure, 4,900 of text) takes about 25 s;
tests/evaluation/test_miss_mutations.py runs all of it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests" / "evaluation")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from credit_mutations import (  # noqa: E402
    _CONDITION,
    _LEAD,
    _NEGATION,
    _QUESTION_WORD,
    _SPELLED_EN,
    _STRUCTURED,
    AN_AMOUNT_POINT,
    CURRENCY_FORMS,
    SUBJECT_SWAPS,
    Row,
    TextSpot,
    _blank_text,
    _figure,
    _occurrences,
    _sentence_span,
    a_change_by,
    amount_in,
    amount_spot,
    chinese_numeral,
    covered_rows,
    covered_text_rows,
    joined,
    points_in,
    share_of_the_former,
    sweep_rows,
    text_rewrites,
    text_spot,
    the_share_it_reaches,
)

from pytest_llmeval.evaluation.keywords.normalisation import CHECK, CROSS, one_mark_each  # noqa: E402

# kinds whose misses are decisions, reported apart (kind -> why)
DECIDED: dict[str, str] = {}

ADVERBS_ZH = ("确实", "也", "仍", "目前", "现在", "当前", "基本", "大约", "大概", "仅")
ADVERBS_EN = ("indeed", "currently", "roughly", "now", "still", "actually")
# an approximation right before the figure, after a copula or a label's colon (回收期为约20个月, ROI：约20%)
APPROXIMATIONS_ZH = ("约", "大约")
APPROXIMATIONS_EN = ("about", "approximately", "around")
COPULAS_ZH = ("为", "是", "达到", "约为", "在", "：", "约是", "可达", "达", "等于", "≈")
COPULAS_EN = (
    "stands at",
    "comes to",
    "is about",
    "amounts to",
    "sits at",
    "is at",
    "equals",
    "≈",
    "is right at",
    "is sitting at",
    "lands at",
    "settles at",
    "comes out to",
    "is ~",
)
CITATIONS_ZH = ("[1]", "【1】", "（来源：文档2）")
CITATIONS_EN = ("[1]", " (source: document 2)")
LEAD_INS_ZH = ("根据测算，", "综合来看，", "结论：", "答：", "总的来说，", "简而言之，", "经计算，", "目前，")
LEAD_INS_EN = ("In short, ", "Bottom line: ", "Overall, ", "Answer: ", "Based on the calculation, ", "Currently, ")
TAILS = {"zh": "，符合预期", "en": ", in line with expectations"}
THINK_ZH = "<think>\n好的，用户在问这个指标，我先回顾一下资料里的数据，再给出结论。\n</think>\n\n"
THINK_EN = (
    "<think>\nOkay, the user asks about this metric. Let me check the figures in the material first.\n</think>\n\n"
)

# what may stand before a subject's name that is put in bold or quotes: the text's start, a mark, or an article - not
# another word (投资「回收期」, customer acquisition “cost”: a quote around a piece of the name)
_A_NAME_OPENS = re.compile(r"(?:^|[，,。：:；;（(]\s*|\n|\b(?:the|The|our|Our) )$")
_CROSSED = re.compile(f"[{CROSS}{CHECK}×]")  # v71: searched in `one_mark_each(answer)`, as the scorer reads marks
_PICTOGRAPH = re.compile("[\U0001f300-\U0001faff]")
# the copula right before the figure (longest first: 约为 before 为)
_COPULA_ZH = re.compile(r"(?:约为|达到|为|是|在)\s*$")
_COPULA_EN = re.compile(r"\b(is)\s+$")
_UNIT_AFTER = re.compile(
    r"%|个百分点|个月|天|年|周|小时|万元|亿元|元|倍|\s?(?:percent\b|(?:month|day|year|week|hour)s?\b)"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# an approximation or a bound already before the figure: another adverb or copula could stack two
_QUALIFIED_BEFORE = re.compile(
    r"(?:约|大约|大概|近|将近|接近|超过|不到|至少|最多|仅|只|才|高达|长达|"
    r"\b(?:about|around|roughly|nearly|approximately|almost|only|just|over|under|at least|at most|up to))\s*$",
    re.I,
)
_QUALIFIED_AFTER = re.compile(r"\s*(?:左右|上下|以上|以下|以内|之内|多|余|\+|\b(?:or so|or more|or less))", re.I)


@dataclass(frozen=True)
class Mutant:
    kind: str
    row: Row
    answer: str


def _subject_names(point: str) -> tuple[str, ...]:
    """The names of the subject the point names (ROI, 投资回报率, ...): empty for a bare point."""
    for names in SUBJECT_SWAPS:
        if any(n.lower() in point.lower() for n in names):
            return names
    return ()


def _subject_at_end(text: str) -> str | None:
    """The subject's name (the longest) that ends the text, else None."""
    found = [name for names in SUBJECT_SWAPS for name in names if text.lower().endswith(name.lower())]
    return max(found, key=len) if found else None


def _ends_with_a_subject(text: str) -> bool:
    """Whether the text ends with the name of a subject (ROI, 回收期, the payback period), or one restated in brackets
    (投资回报率（ROI）): the copula after it links that subject to the figure."""
    text = re.sub(r"\s*[（(][^（()）]{1,20}[)）]\s*$", "", text).rstrip()
    return any(text.lower().endswith(name.lower()) for names in SUBJECT_SWAPS for name in names)


def mutants(row: Row, blanked_covers: bool) -> tuple[list[Mutant], list[str]]:
    """The rewritten (still right) answers made from one covered row, and the reasons for the rewrites skipped."""
    point, answer, forms, _ = row
    if blanked_covers:
        return [], ["covered without its figure"]
    figure = _figure(point)
    if figure is None:
        return [], ["point has no single figure"]
    spots = _occurrences(answer, figure)
    numeral = chinese_numeral(int(figure)) if figure.isdigit() and 0 < int(figure) < 100 else None
    cn_spots = _occurrences(answer, numeral) if numeral and len(numeral) > 1 else []
    en_spots = _occurrences(answer, _SPELLED_EN[int(figure)]) if figure.isdigit() and int(figure) in _SPELLED_EN else []
    if len(spots) != 1 or cn_spots or en_spots:
        return [], ["figure not once in the answer in digits"]
    start, end = spots[0].span()
    s_left, s_right = _sentence_span(answer, start, end)
    sentence = answer[s_left:s_right]
    if _NEGATION.search(sentence) or _CONDITION.search(sentence) or _QUESTION_WORD.search(sentence):
        return [], ["sentence negated, conditional or a question"]
    if _STRUCTURED.search(answer) or "<think" in answer or "\\" in answer or "$" in answer:
        return [], ["answer is JSON, code, a table, LaTeX or thinking"]
    if answer[s_right : s_right + 1] in ("?", "？"):
        return [], ["sentence negated, conditional or a question"]
    if re.search(r"\d", sentence[: start - s_left] + sentence[end - s_left :]):
        return [], ["the sentence holds another figure (a former value, a list, a contrast)"]
    if _CROSSED.search(one_mark_each(answer)):
        return [], ["answer marks its lines right or wrong (❌, ✅)"]
    if _PICTOGRAPH.search(answer):
        return [], ["answer opens a line with a pictograph (👉, 📈): a lead-in or a mark before it is no line start"]
    made: list[Mutant] = []
    skipped: list[str] = []

    def make(kind: str, text: str) -> None:
        made.append(Mutant(kind, row, text))

    english = bool(re.search(r"[A-Za-z]{3,}", sentence)) and not _CJK.search(sentence)
    head, tail = answer[:start], answer[end:]
    unit_match = _UNIT_AFTER.match(tail)
    unit = unit_match.group() if unit_match else ""
    said_end = end + len(unit)
    said = answer[start:said_end]
    qualified = bool(_QUALIFIED_BEFORE.search(head) or _QUALIFIED_AFTER.match(answer[said_end:]))

    # adverb and copula: only before a plain copula right before the figure
    copula_zh = None if english else _COPULA_ZH.search(head)
    copula_en = _COPULA_EN.search(head) if english else None
    if qualified:
        skipped.append("adverb, copula, or so: an approximation or a bound already qualifies the figure")
    elif (copula_zh or copula_en) is not None and not _ends_with_a_subject(head[: (copula_zh or copula_en).start()]):
        skipped.append("adverb, copula: no subject's name right before the copula")
    elif copula_zh is not None:
        before = head[: copula_zh.start()]
        if True:
            word = copula_zh.group().strip()
            for adverb in ADVERBS_ZH:
                if word == "约为" and adverb == "大约":
                    continue
                if word in ("达到", "在") and adverb in ("大约", "大概", "仅"):
                    continue
                if word == "约为" and adverb == "大概":
                    continue
                make("adverb", f"{before}{adverb}{word}{answer[start:]}")
            for other in COPULAS_ZH:
                if other != word:
                    make("copula", f"{before}{other}{answer[start:]}")
            if word in ("为", "是"):
                for approximation in APPROXIMATIONS_ZH:
                    make("adverb", f"{head}{approximation}{answer[start:]}")
            _copula_kinds(answer, before, start, said, english, make)
    elif copula_en is not None:
        before = head[: copula_en.start()]
        for adverb in ADVERBS_EN:
            make("adverb", f"{before}is {adverb} {answer[start:]}")
        for approximation in APPROXIMATIONS_EN:
            make("adverb", f"{head}{approximation} {answer[start:]}")
        for other in COPULAS_EN:
            make("copula", f"{before}{other} {answer[start:]}")
        _copula_kinds(answer, before, start, said, english, make)
    elif re.search(r"[:：]\s*$", head) and _ends_with_a_subject(re.sub(r"[:：]\s*$", "", head).rstrip("*")):
        for approximation in APPROXIMATIONS_EN if english else APPROXIMATIONS_ZH:
            make("adverb", f"{head}{approximation}{' ' if english else ''}{answer[start:]}")
    else:
        skipped.append("adverb, copula: no copula (为, 是, 达到, 约为, 在, is) right before the figure")

    # the figure itself: bold, quoted, full-width, its unit spaced, or so
    unit_ends = unit and re.match(r"\s*(?:[，,。.；;：:！!)）\n]|$)", answer[said_end:]) is not None
    if not unit_ends:
        skipped.append("bold, quoted, or so: the unit is not followed by the end of its clause (元/月, 元每月)")
    elif re.search(r"[*「“\"'‘]$", head) or re.match(r"[*」”\"'’]", answer[said_end:]):
        skipped.append("bold, quoted: a mark already around the figure")
    else:
        make("bold", f"{head}**{said}**{answer[said_end:]}")
        if copula_zh or copula_en or re.search(r"[:：]\s*$", head):
            quote = ("“", "”") if english else ("「", "」")
            make("quoted", f"{head}{quote[0]}{said}{quote[1]}{answer[said_end:]}")
        else:
            skipped.append("quoted: no copula or colon before the figure (fell “50%” is no quote of a value)")
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in figure)
    make("full-width", f"{head}{wide}{tail}")
    if unit == "%":
        make("full-width", f"{head}{wide}％{tail[1:]}")
    if unit and not unit[0].isspace() and (not english or unit == "%"):
        make("spaced unit", f"{head}{figure} {tail}")
    else:
        skipped.append("spaced unit: no unit right after the figure (or an English one)")
    if unit_ends and not qualified:
        make("or so", f"{answer[:said_end]}{' or so' if english else '左右'}{answer[said_end:]}")
    if unit_ends:
        for citation in CITATIONS_EN if english else CITATIONS_ZH:
            make("citation", f"{answer[:said_end]}{citation}{answer[said_end:]}")
        latex = f"${figure}\\%$" if unit == "%" else f"${figure}$ {unit.strip()}"
        make("latex", f"{head}{latex}{answer[said_end:]}")
    else:
        skipped.append("citation, latex: the unit is not followed by the end of its clause")
    if unit_ends and re.match(r"\s*(?:[。.!！\n]|$)", answer[said_end:]):
        make("tail clause", f"{answer[:said_end]}{TAILS['en' if english else 'zh']}{answer[said_end:]}")
    else:
        skipped.append("tail clause: the figure and its unit do not end the sentence")
    copula = copula_zh or copula_en
    base = head[: copula.start()].rstrip() if copula is not None else ""
    subject = _subject_at_end(base)
    at = len(base) - len(subject) if subject is not None else -1
    if subject is not None and not qualified and _A_NAME_OPENS.search(answer[:at]):
        rest_of = answer[at + len(subject) :]
        make("bold subject", f"{answer[:at]}**{base[at:]}**{rest_of}")
        quote = ("“", "”") if english else ("「", "」")
        make("quoted subject", f"{answer[:at]}{quote[0]}{base[at:]}{quote[1]}{rest_of}")
    elif subject is not None and not qualified:
        skipped.append("bold subject, quoted subject: the name ends a longer word or phrase (投资回收期)")
    else:
        skipped.append("bold subject, quoted subject: no subject's name right before a copula")

    # the sentence: a lead-in, a bullet, a label, repeated
    lead_match = _LEAD.match(answer, s_left, start)
    lead = lead_match.group() if lead_match else ""
    body_left = s_left + len(lead)
    body = answer[body_left:s_right]
    earlier = answer[:s_left]
    if re.search(r"\d", earlier) or _NEGATION.search(earlier):
        skipped.append("lead-in, bullet: a figure or a negation before the sentence (its contrast would be split)")
        lead_ins: tuple[str, ...] = ()
    else:
        lead_ins = LEAD_INS_EN if english else LEAD_INS_ZH
    for lead_in in lead_ins:
        first = body[:1].lower() if english and not body[1:2].isupper() else body[:1]
        make("lead-in", f"{answer[:body_left]}{lead_in}{first}{body[1:]}{answer[s_right:]}")
    if lead.strip():
        skipped.append("bullet: the sentence already opens with a mark")
    elif lead_ins:
        prefix = answer[:s_left]
        joint = "" if not prefix or prefix.endswith("\n") else "\n"
        make("bullet", f"{prefix}{joint}- {body.lstrip()}{answer[s_right:]}")
        make("numbered", f"{prefix}{joint}1. {body.lstrip()}{answer[s_right:]}")
        if "*" not in body and body.strip():
            padded = re.match(r"(\s*)(.*?)(\s*)$", body, re.S)
            assert padded is not None
            make("bold sentence", f"{answer[:body_left]}{padded[1]}**{padded[2]}**{padded[3]}{answer[s_right:]}")
            rest = answer[s_right:].lstrip("。.!！ ")
            make("as heading", f"{prefix}{joint}### {body.strip()}\n\n{rest}".rstrip() + "\n")
    end_mark = answer[s_right : s_right + 1] if answer[s_right : s_right + 1] in "。.!！" else ""
    make("repeated", f"{answer.rstrip()}\n\n{body.strip()}{end_mark}")

    # a sentence that only says subject - copula - figure: a label, a bold label, a table row
    names = _subject_names(point)
    label = None
    for name in sorted(names, key=len, reverse=True):
        pattern = (
            rf"(?:the |our )?{re.escape(name)}\s*(?:is|was|[:：])?\s*"
            if english
            else rf"{re.escape(name)}\s*(?:为|是|达到|[:：])?\s*"
        )
        if re.fullmatch(pattern + re.escape(said) + r"\s*", body, re.I):
            label = name
            break
    if label is None:
        skipped.append("label, bold label, table row: the sentence says more than subject - copula - figure")
    elif qualified:
        skipped.append("label, bold label, table row: an approximation or a bound already qualifies the figure")
    else:
        colon = ": " if english else "："
        after = answer[s_right:].lstrip("。.!！ ")
        outside = answer[:s_left], ("\n" + after if after and not after.startswith("\n") else after)
        make("label", f"{outside[0]}- {label}{colon}{said}{outside[1]}")
        make("bold label", f"{outside[0]}**{label}**{colon}{said}{outside[1]}")
        make("bold label", f"{outside[0]}**{label}{colon.strip()}** {said}{outside[1]}")
        header = "| Metric | Value |" if english else "| 指标 | 数值 |"
        table = f"{header}\n|---|---|\n| {label} | {said} |\n"
        pre = outside[0] + ("\n\n" if outside[0].strip() else "")
        make("table row", f"{pre.lstrip()}{table}{outside[1]}")
    _attributive(answer, (body_left, s_right), said, english, label, qualified, make, skipped)
    _formats(answer, (s_left, body_left, s_right, start), said, english, label, qualified, forms, make, skipped)

    # the whole answer: a heading before it, a thinking block before it, punctuation of the other language
    make("heading", f"## {'Summary' if english else '结论'}\n\n{answer}")
    make("think", f"{THINK_EN if english else THINK_ZH}{answer}")
    if english:
        swapped = re.sub(r":\s", "：", answer)  # not the comma: "，respectively" is no English a model writes
    else:
        swapped = answer.replace("，", ", ").replace("：", ": ").replace("；", "; ")
    if swapped != answer:
        make("punctuation", swapped)
    else:
        skipped.append("punctuation: no comma or colon to swap")
    return made, skipped


# attributive: the subject's names whose figure may stand before them in a sentence of the project's own ("The project
# delivers a 20% ROI", 项目可实现20%的ROI, 项目有20个月的回收期), by the subject's group in `SUBJECT_SWAPS`; the
# Chinese verb (可实现 says a return or a margin reached; 有 any of them) and the English article's noun
ATTRIBUTIVE_ZH: dict[str, tuple[str, ...]] = {
    "投资回报率": ("可实现", "有"),
    "内部收益率": ("可实现", "有"),
    "毛利率": ("可实现", "有"),
    "净利率": ("可实现", "有"),
    "回收期": ("有",),
}
ATTRIBUTIVE_EN = ("ROI", "return on investment", "IRR", "gross margin", "net margin", "payback period")
_EN_UNIT_SINGULAR = {"months": "month", "days": "day", "years": "year", "weeks": "week", "%": "%"}


def _an(figure: str) -> str:
    """The English article before a figure said aloud (an 8%, an 11%, an 18-month; a 20%)."""
    return "an" if re.match(r"(?:8|11|18)(?![0-9])|(?:8|11|18)[0-9]{2}(?![0-9])", figure) else "a"


def _attributive(
    answer: str,
    spans: tuple[int, int],
    said: str,
    english: bool,
    label: str | None,
    qualified: bool,
    make: Callable[[str, str], None],
    skipped: list[str],
) -> None:
    """The figure written before its subject (P26: ROI为20% -> 项目可实现20%的ROI / 项目有20%的ROI; The ROI is 20% ->
    The project delivers a 20% ROI / The project has an ROI of 20%; 回收期为20个月 -> 项目有20个月的回收期; The payback
    period is 20 months -> The project has a 20-month payback period): made only of a sentence that says subject -
    copula - figure and no more (the label's test), for a subject whose figure reads so in the project's own words."""
    body_left, s_right = spans
    if label is None or qualified:
        skipped.append("attributive: the sentence says more than subject - copula - figure, or is qualified")
        return
    group = next((names for names in SUBJECT_SWAPS if label in names), ())
    figure = re.match(r"[0-9][0-9.,]*", said)
    unit = said[figure.end() :].strip() if figure else ""
    if figure is None or not unit:
        skipped.append("attributive: no unit after the figure")
        return
    if english:
        singular = _EN_UNIT_SINGULAR.get(unit)
        if label not in ATTRIBUTIVE_EN or singular is None:
            skipped.append("attributive: a subject or a unit the figure does not stand before in English")
            return
        mid_sentence = re.search(r"(?:[,;，；:：]|[a-z])\s*$", answer[:body_left]) is not None
        opening = "the project" if mid_sentence else "The project"
        compact = f"{figure.group()}%" if singular == "%" else f"{figure.group()}-{singular}"
        verb = "delivers" if singular == "%" else "has"
        article = "an" if label in ("ROI", "IRR") or label[:1] in "aeiouAEIOU" else "a"  # an ROI, a payback period
        for piece in (f"{verb} {_an(figure.group())} {compact} {label}", f"has {article} {label} of {said}"):
            make("attributive", f"{answer[:body_left]}{opening} {piece}{answer[s_right:]}")
        return
    verbs = next((ATTRIBUTIVE_ZH[name] for name in group if name in ATTRIBUTIVE_ZH), ())
    if not verbs:
        skipped.append("attributive: a subject or a unit the figure does not stand before in Chinese")
        return
    for verb in verbs:
        make("attributive", f"{answer[:body_left]}项目{verb}{said}的{label}{answer[s_right:]}")


# v63 (P27): the formats real model answers take - structured output, a table of several metrics, no copula, the
# unit spelled out, the figure restated after a derivation, a hard wrap, a footnote mark, an emoji, a nested list.
# Another metric beside the point's (a table row, a JSON key, a key: value line): no subject of `SUBJECT_SWAPS`, a
# figure no point holds
OTHER_METRIC = {"zh": ("团队规模", "12人"), "en": ("Team size", "12 people")}
# the copula swapped for no copula at all: a space, an equals sign, an arrow, a dash
BARE_ZH = (" ", " = ", "=", " → ", "——")
BARE_EN = (" ", " = ", " → ", ": ", " - ")
FOOTNOTES = ("¹", "[^1]", "*")
EMOJI = ("✅ ", "📈 ", "👉 ")
SECTION = {"zh": "财务指标", "en": "Financial metrics"}
# the unit spelled out in English (20 percent, 20 per cent, 20 pct)
SPELLED_PERCENT = (" percent", " per cent", " pct")


def _formats(
    answer: str,
    spans: tuple[int, int, int, int],
    said: str,
    english: bool,
    label: str | None,
    qualified: bool,
    forms: object,
    make: Callable[[str, str], None],
    skipped: list[str],
) -> None:
    """The v63 kinds, each made only where it surely keeps the meaning (P27)."""
    s_left, body_left, s_right, start = spans
    body = answer[body_left:s_right]
    lang = "en" if english else "zh"
    colon = ": " if english else "："
    figure_match = re.match(r"[0-9][0-9.,]*", said)
    figure = figure_match.group() if figure_match else said
    unit = said[len(figure) :].strip()
    end_mark = answer[s_right : s_right + 1] if answer[s_right : s_right + 1] in "。.!！" else ""
    after = answer[s_right + len(end_mark) :]
    # structured: a sentence that says only subject - copula - figure as JSON, YAML, key: value lines, a table of
    # several metrics (the row in the middle), a fenced code block
    if label is None or qualified:
        skipped.append("structured, table rows: the sentence says more than subject - copula - figure, or is qualified")
    else:
        other, other_value = OTHER_METRIC[lang]
        risk = ("Risk", "low") if english else ("风险", "低")
        pre = answer[:s_left].strip()
        post = after.strip()
        around = (pre + "\n\n" if pre else "", "\n\n" + post if post else "")
        make("json", f'{around[0]}{{"{label}": "{said}"}}{around[1]}')
        make("json", f'{around[0]}```json\n{{"{other}": "{other_value}", "{label}": "{said}"}}\n```{around[1]}')
        make(
            "json",
            f'{around[0]}{{\n  "{other}": "{other_value}",\n  "{label}": "{said}",\n'
            f'  "{risk[0]}": "{risk[1]}"\n}}{around[1]}',
        )
        make("key-value", f"{around[0]}{label}: {said}{around[1]}")
        make(
            "key-value",
            f"{around[0]}{other}{colon}{other_value}\n{label}{colon}{said}\n{risk[0]}{colon}{risk[1]}{around[1]}",
        )
        make("key-value", f"{around[0]}```yaml\n{other}: {other_value}\n{label}: {said}\n```{around[1]}")
        header = "| Metric | Value |" if english else "| 指标 | 数值 |"
        make(
            "table rows",
            f"{around[0]}{header}\n|---|---|\n| {other} | {other_value} |\n| {label} | {said} |\n"
            f"| {risk[0]} | {risk[1]} |\n{around[1]}",
        )
        make(
            "table rows",
            f"{around[0]}{header}\n|:---|---:|\n| {label} | {said} |\n| {other} | {other_value} |\n{around[1]}",
        )
        if unit:
            unit_header = f"| Metric | Value ({unit}) |" if english else f"| 指标 | 数值（{unit}） |"
            make("unit header", f"{around[0]}{unit_header}\n|---|---|\n| {label} | {figure} |\n{around[1]}")
        else:
            skipped.append("unit header: no unit after the figure")
    if body.strip() and "`" not in answer and (body_left == 0 or answer[:body_left].endswith("\n")):
        make("code block", f"{answer[:body_left]}```\n{body.strip()}{end_mark}\n```\n{after.lstrip()}".rstrip() + "\n")
    # nested: the sentence as a sub-bullet under a bold section line or a numbered item
    if re.search(r"\d", answer[:s_left]) or not body.strip() or re.match(r"\s*(?:[-*•>#]|[0-9]+[.)、])", body):
        skipped.append("nested, emoji: a figure before the sentence, or it already opens with a mark")
    else:
        prefix = answer[:s_left].rstrip()
        joint = prefix + "\n\n" if prefix else ""
        make("nested", f"{joint}**{SECTION[lang]}**\n- {body.strip()}{end_mark}{after}")
        make("nested", f"{joint}1. **{SECTION[lang]}**\n   - {body.strip()}{end_mark}{after}")
        for emoji in EMOJI:
            make("emoji", f"{answer[:body_left]}{emoji}{body.lstrip()}{answer[s_right:]}")
    # footnote: a mark right after the figure and its unit
    said_end = start + len(said)
    if qualified or not re.match(r"\s*(?:[，,。.；;！!\n]|$)", answer[said_end:]):
        skipped.append("footnote: the unit is not followed by the end of its clause, or the figure is qualified")
    else:
        for mark in FOOTNOTES:
            make("footnote", f"{answer[:said_end]}{mark}{answer[said_end:]}")
    # spelled unit: percent spelled out (English), 百分之二十 (where the forms read Chinese numerals)
    if unit == "%" and english and figure.isdigit():
        for spelled in SPELLED_PERCENT:
            make("spelled unit", f"{answer[:start]}{figure}{spelled}{answer[said_end:]}")
    elif (
        unit == "%" and not english and figure.isdigit() and 0 < int(figure) < 100 and getattr(forms, "chinese", False)
    ):
        make("spelled unit", f"{answer[:start]}百分之{chinese_numeral(int(figure))}{answer[said_end:]}")
    else:
        skipped.append("spelled unit: not a whole percent (or Chinese numerals not read for the point)")


def _copula_kinds(
    answer: str,
    before: str,
    start: int,
    said: str,
    english: bool,
    make: Callable[[str, str], None],
) -> None:
    """The v63 kinds made at a copula after the subject's name: no copula (ROI 20%, ROI = 20%, ROI → 20%), a hard
    wrap (The ROI is\\n20%), the figure restated after a derivation (ROI = 100/500 = 20%, 即20%, i.e. 20%)."""
    rest = answer[start:]
    tail = rest[len(said) :]
    for bare in BARE_EN if english else BARE_ZH:
        make("no copula", f"{before.rstrip()}{bare}{rest}")
    if english:
        make("hard wrap", f"{before.rstrip()} is\n{rest}")
    else:
        make("hard wrap", f"{before}为\n{rest}")
    figure = re.match(r"[0-9]+", said)
    unit = said[figure.end() :].strip() if figure else ""
    if figure is None or said[: figure.end()] != said[: len(said) - len(said[figure.end() :])]:
        return
    if unit == "%":
        n = int(figure.group())
        ratio = f"{n * 5}/500"
    elif unit in ("个月", "months"):
        n = int(figure.group())
        ratio = f"{n * 30}万元 ÷ 30万元/月" if not english else f"${n * 30}k / $30k per month"
    else:
        return
    if english:
        make("restated", f"{before.rstrip()} = {ratio} = {rest}")
        make("restated", f"{before.rstrip()} is {ratio}, i.e. {rest}")
        make("restated", f"{before.rstrip()} = {ratio} ({said}){tail}")
        make("restated", f"{before.rstrip()} is {ratio}, namely {rest}")
    else:
        make("restated", f"{before.rstrip()} = {ratio} = {rest}")
        make("restated", f"{before.rstrip()}为{ratio}，即{rest}")
        make("restated", f"{before.rstrip()} = {ratio}（{said}）{tail}")


# v68 (P29): the covered rows whose point holds no figure - a feature, a policy (私有化部署, on-premise deployment,
# SaaS, 告警降噪) - the sentence holding the point replaced by one that surely still states it offered, in the shapes
# real answers take ({P}: the point as the answer writes it), or the answer kept and only framed
TEXT_TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "text: bullet": ("- 支持{P}。", "1. 支持{P}。", "* 我们提供{P}。"),
        "text: bold": ("支持**{P}**。", "**支持{P}**。", "我们提供**{P}**服务。"),
        "text: heading": ("## {P}\n\n我们支持{P}。", "### 支持{P}"),
        "text: key-value": (
            "{P}：支持",
            "{P}：✅",
            "{P}：是",
            "{P}：可以",
            "{P}：提供",
            "- {P}：✅ 支持",
            "**{P}**：✅",
            "**{P}**：支持",
        ),
        "text: table": (
            "| 功能 | 是否支持 |\n|---|---|\n| {P} | ✅ |",
            "| 功能 | 是否支持 |\n|---|---|\n| {P} | 支持 |",
            "| 功能 | 是否支持 |\n|---|---|\n| {P} | 是 |",
            "| 功能 | 是否支持 |\n|---|---|\n| 多租户 | ❌ |\n| {P} | ✅ |",
        ),
        "text: checked": ("- [x] {P}", "☑ {P}", "✅ {P}", "- [x] {P}\n- [ ] 多租户"),
        "text: json": ('{{"{P}": true}}', '{{"{P}": "支持"}}', '```json\n{{"{P}": "supported"}}\n```'),
        "text: competitor": (
            "与竞品A不同，我们支持{P}。",
            "竞品A不支持{P}，我们支持。",
            "竞品A仅提供公有云版本，我们提供{P}。",
            "我们支持{P}，而竞品A仅提供公有云版本。",
            "竞品A不支持{P}。我们支持。",
            "竞品A缺少{P}能力，我们具备。",
            "竞品A支持{P}，我们也同样支持。",
        ),
        "text: comparison table": (
            "| 功能 | 竞品A | 我们 |\n|---|---|---|\n| {P} | ❌ | ✅ |",
            "| 功能 | 我们 | 竞品A |\n|---|---|---|\n| {P} | ✅ | ❌ |",
            "| 功能 | 标准版 | 企业版 |\n|---|---|---|\n| {P} | ❌ | ✅ |",
            "| 功能 | 竞品A | 我方 |\n|---|---|---|\n| {P} | ❌ 不支持 | ✅ 支持 |",
        ),
        "text: plan": ("第一阶段完成{P}，第二阶段接入数据分析。", "计划明年上线数据分析模块，{P}现已支持。"),
        "text: question then offer": (
            "您需要{P}吗？我们支持。",
            "您是否需要{P}？我们可以提供。",
            "您需要{P}吗？可以的，我们支持。",
            "您需要{P}吗？我们目前已经支持。",
            "您需要{P}吗？当然可以，我们支持。",
            "您是否需要{P}？如果需要，我们可以提供。",
            "您需要{P}还是混合云？两者我们都支持。",
        ),
        "text: still holds": ("我们一直支持{P}。", "自2019年起我们就支持{P}。", "{P}自2019年起一直可用。"),
        "text: other withdrawn": ("旧版本已下线，现提供{P}。", "多租户版本已停止提供，{P}照常支持。"),
        "text: other undecided": ("{P}：支持（价格待定）", "支持{P}，报价待定。"),
        "text: other crossed": ("{P}：✅\n多租户：❌", "- 多租户：❌\n- {P}：✅"),
        "text: other cell": ("| 功能 | 是否支持 | 备注 |\n|---|---|---|\n| {P} | ✅ | - |",),
        "text: adverb": (
            "我们完全支持{P}。",
            "同样支持{P}。",
            "我们也支持{P}。",
            "各版本均支持{P}。",
            "目前已支持{P}。",
            "当然可以，我们支持{P}。",
        ),
        "text: emoji": ("支持{P} 🎉", "支持{P}。👍"),
        "text: footnote": ("支持{P}[1]。", "支持{P}¹。"),
    },
    "en": {
        "text: bullet": ("- We support {P}.", "1. {P} is supported.", "* We offer {P}."),
        "text: bold": ("We support **{P}**.", "**We support {P}.**", "**{P}** is supported."),
        "text: heading": ("## {P}\n\nWe support {P}.", "### {P} is supported"),
        "text: key-value": (
            "{P}: supported",
            "{P}: ✅",
            "{P}: yes",
            "{P}: Yes",
            "{P}: available",
            "- {P}: ✅ Supported",
            "**{P}**: ✅",
        ),
        "text: table": (
            "| Feature | Supported |\n|---|---|\n| {P} | ✅ |",
            "| Feature | Supported |\n|---|---|\n| {P} | Yes |",
            "| Feature | Supported |\n|---|---|\n| Multi-tenancy | ❌ |\n| {P} | ✅ |",
        ),
        "text: checked": ("- [x] {P}", "☑ {P}", "✅ {P}", "- [x] {P}\n- [ ] Multi-tenancy"),
        "text: json": ('{{"{P}": true}}', '{{"{P}": "supported"}}'),
        "text: competitor": (
            "Unlike competitors, we offer {P}.",
            "Competitor X does not offer {P}; we do.",
            "We offer {P}, unlike competitor X.",
            "Competitor X offers {P}, and we offer it too.",
            "Competitor X does not offer {P}. We do.",
            "While competitor X lacks {P}, we offer it.",
        ),
        "text: comparison table": (
            "| Feature | Competitor X | Us |\n|---|---|---|\n| {P} | ❌ | ✅ |",
            "| Feature | Us | Competitor X |\n|---|---|---|\n| {P} | ✅ | ❌ |",
            "| Feature | Standard | Enterprise |\n|---|---|---|\n| {P} | No | Yes |",
        ),
        "text: plan": (
            "Phase 1 delivers {P}; phase 2 adds analytics.",
            "We support {P} today and plan analytics next year.",
        ),
        "text: question then offer": (
            "Do you need {P}? We support it.",
            "Need {P}? Yes, we offer it.",
            "Would you like {P}? Sure - we offer it.",
            "Do you need {P}? No problem, we support it.",
            "Do you need {P}? If so, we can provide it.",
            "Do you prefer {P} or hybrid cloud? We support both.",
        ),
        "text: still holds": ("We have always supported {P}.", "We have supported {P} since 2019."),
        "text: other withdrawn": ("The legacy version has been retired; we now offer {P}.",),
        "text: other undecided": ("{P}: supported (pricing TBD)", "We support {P}; pricing is to be determined."),
        "text: other crossed": ("{P}: ✅\nMulti-tenancy: ❌",),
        "text: other cell": ("| Feature | Supported | Notes |\n|---|---|---|\n| {P} | ✅ | - |",),
        "text: adverb": (
            "We fully support {P}.",
            "We already support {P}.",
            "We also support {P}.",
            "Yes - {P} is available.",
            "Of course, {P} is available.",
        ),
        "text: emoji": ("We support {P} 🎉", "We support {P}. 👍"),
        "text: footnote": ("We support {P}[1].", "We support {P}¹."),
    },
}


def text_mutants(row: Row, blanked_covers: bool) -> tuple[list[Mutant], list[str]]:
    """v68 (P29): the right answers made from one covered row whose point holds no figure - the sentence holding the
    point replaced by one of `TEXT_TEMPLATES` (the point still stated as offered), and the answer itself framed: a
    heading or a <think> block before it, the point in bold - skipped (`text_spot` of credit_mutations: the same rows
    the credit sweep's text kinds rewrite) where unsure."""
    spot = text_spot(row, blanked_covers)
    if isinstance(spot, str):
        return [], [spot]
    made = [Mutant(kind, row, text) for kind, text in text_rewrites(spot, TEXT_TEMPLATES)]
    made.extend(Mutant(kind, row, text) for kind, text in _framed(row[1], spot))
    return made, []


def _framed(answer: str, spot: TextSpot) -> Iterator[tuple[str, str]]:
    """The answer as it is under a heading, after a <think> block, with the point in bold."""
    yield "text: framed", f"## {'结论' if spot.chinese else 'Summary'}\n\n{answer}"
    yield "text: framed", f"{THINK_ZH if spot.chinese else THINK_EN}{answer}"
    if "**" not in answer:
        yield "text: framed", answer.replace(spot.said, f"**{spot.said}**", 1)


def text_sweep(rows: list[Row], sample: int | None = None, seed: int = 0, row_sample: int | None = None) -> Sweep:
    """v68: `text_mutants` of the rows (a seeded sample of `row_sample` rows, then of `sample` rewrites, where given),
    each not covered a right answer missed."""
    return Sweep(
        *sweep_rows(rows, text_mutants, lambda is_covered: not is_covered, sample, seed, row_sample, blank=_blank_text)
    )


@dataclass
class Sweep:
    rows: int
    made: int
    skipped: Counter[str]
    missed: list[Mutant]
    by_kind: Counter[str]
    seconds: float


LINKS_ZH = ("为", "约为", "：")
LINKS_EN = (" is ", " of ")
# what already links the point's subject to its figure (回收期为, ROI：, "the ROI is"): a point so written is not linked
# again
_LINKED_ALREADY = re.compile(r"(?:[为是约在达:：=]|\b(?:is|was|of|at|about|around))\s*$")


def linked_points(row: Row, blanked_covers: bool) -> list[Mutant]:
    """v111: the row's point written with a link between its subject and its one figure (`LINKS_ZH`, `LINKS_EN`),
    each scored against the row's own answer - where the words before the figure end with a subject's name."""
    point, answer, forms, rest = row
    figure = _figure(point)
    if blanked_covers or figure is None:
        return []
    spots = _occurrences(point, figure)
    if len(spots) != 1:
        return []
    before = point[: spots[0].start()].rstrip()
    if not _ends_with_a_subject(before) or _LINKED_ALREADY.search(before):
        return []
    links = LINKS_ZH if _CJK.search(before[-1:]) else LINKS_EN
    after = point[spots[0].start() :]
    return [Mutant("linked point", (f"{before}{link}{after}", answer, forms, rest), answer) for link in links]


def signed_points(row: Row, blanked_covers: bool) -> list[Mutant]:
    """v112: the row's point, an amount in 元 or 美元, written with its currency's sign before the figure (and, after a
    subject's name, with 为 before the sign), each scored against the row's own answer."""
    point, answer, forms, rest = row
    amount = AN_AMOUNT_POINT.fullmatch(point.strip())  # 1200万元, 合同金额1200万元, 500美元
    if blanked_covers or amount is None or "人民币" in amount.group("subject") or _SIGNED.search(point):
        return []  # (52nd session: nor a point that writes a sign already - 合同金额¥1200万元 made 合同金额¥¥1200万)
    subject = amount.group("subject")
    figure = f"{CURRENCY_FORMS[amount.group('unit')][1]}{amount.group('figure')}{amount.group('scale') or ''}"
    points = [f"{subject}{figure}"]
    if subject.strip() and _ends_with_a_subject(subject.rstrip()) and not _LINKED_ALREADY.search(subject):
        points.append(f"{subject.rstrip()}为{figure}")
    return [Mutant("signed point", (signed, answer, forms, rest), answer) for signed in points]


# a currency's sign or code already in a point (52nd session: the earlier files' rows hold 合同金额¥1200万元)
_SIGNED = re.compile(r"[$¥€£]|(?<![a-z])(?:rmb|usd|cny|hkd|eur|gbp|jpy)(?![a-z])", re.IGNORECASE)


# v113: the currencies the scorer reads by sign, code and name besides 元 and 美元, and their names in English (after
# a figure without a scale word: 500 euros)
OTHER_CURRENCIES = {"欧元": "euros", "英镑": "pounds", "港元": "Hong Kong dollars", "日元": "yen"}


def other_currency_points(row: Row, blanked_covers: bool) -> list[Mutant]:
    """v113: of a point that is one amount in 元 or 美元 (`credit_mutations.amount_spot`), the point and the answer's
    amount both put in each of `OTHER_CURRENCIES` - the point with its unit or its sign, the answer's amount with its
    unit, sign, code or (without a scale word) English name: the same amount in the same currency."""
    spot = amount_spot(row, blanked_covers)
    if isinstance(spot, str) or _SIGNED.search(row[0]):
        return []  # (nor a point with its sign written: 合同金额¥1200万元 would become 合同金额¥1200万欧元)
    point, answer, forms, rest = row
    made = []
    for currency, name in OTHER_CURRENCIES.items():
        said = [amount_in(currency, spot.figure, form) for form in (0, 1, 2)]
        said += [f"{spot.figure} {name}"] if spot.figure[-1:].isdigit() else []
        for right in said:
            moved = f"{answer[: spot.start]}{right}{answer[spot.end :]}"
            made.extend(Mutant("other currency", (p, moved, forms, rest), moved) for p in points_in(spot, currency))
    return made


# v114: a subject of two words, the second a measure's head word (合同金额, 客户满意度, 员工人数, 实施周期)
_TWO_WORD_SUBJECT = re.compile(
    "(?P<whole>[\u4e00-\u9fff]{2,4})(?P<head>金额|总额|人数|数量|满意度|可用性|流失率|周期|成本|收入|回报率"
    "|利润率|转化率|留存率|复购率|占有率|份额)"
    "(?:为|约为|：|:)? ?$"
)


def of_subject_points(row: Row, blanked_covers: bool) -> list[Mutant]:
    """v114: of a point whose subject is two words (`_TWO_WORD_SUBJECT`) and whose answer names it once as the point
    does, the answer's subject and then the point's written with 的 between the two words (合同的金额, 客户的满意度):
    the same subject."""
    point, answer, forms, rest = row
    figure = _figure(point)
    if blanked_covers or figure is None:
        return []
    spots = _occurrences(point, figure)
    subject = _TWO_WORD_SUBJECT.search(point[: spots[0].start()]) if len(spots) == 1 else None
    if subject is None:
        return []
    name = subject["whole"] + subject["head"]
    if answer.count(name) != 1 or point.count(name) != 1:
        return []
    with_de = f"{subject['whole']}的{subject['head']}"
    moved = answer.replace(name, with_de)
    return [
        Mutant("subject with 的", (point, moved, forms, rest), moved),
        Mutant("subject with 的", (point.replace(name, with_de), answer, forms, rest), answer),
    ]


def to_a_share_points(row: Row, blanked_covers: bool) -> list[Mutant]:
    """v114: of a point that is a subject's change by a percent (成本降低30%, 营收增长50%) whose answer says it once
    right after a verb of its direction, the answer's change said as the share of the former level it reaches
    (成本降到原来的70%, 营收提高到原来的150%): the same change."""
    point, answer, forms, rest = row
    change = a_change_by(row, blanked_covers)
    if change is None:
        return []
    moved = share_of_the_former(answer, change, the_share_it_reaches(change))
    return [Mutant("to a share of the former", (point, moved, forms, rest), moved)]


def mutants_and_linked_points(row: Row, blanked_covers: bool) -> tuple[list[Mutant], list[str]]:
    """`mutants` of the row's answer, and the row's point linked (`linked_points`), signed (`signed_points`), put
    in another currency with its answer (`other_currency_points`), its subject written with 的 (`of_subject_points`)
    and its change said as the share it reaches (`to_a_share_points`)."""
    made, skipped = mutants(row, blanked_covers)
    rewritten = linked_points(row, blanked_covers) + signed_points(row, blanked_covers)
    rewritten += of_subject_points(row, blanked_covers) + to_a_share_points(row, blanked_covers)
    return made + rewritten + other_currency_points(row, blanked_covers), skipped


def sweep(rows: list[Row], sample: int | None = None, seed: int = 0, row_sample: int | None = None) -> Sweep:
    """Rewrite the rows (a seeded sample of `row_sample` rows, then of `sample` rewrites, where given) and score every
    rewrite: those not covered are right answers missed."""
    return Sweep(
        *sweep_rows(rows, mutants_and_linked_points, lambda is_covered: not is_covered, sample, seed, row_sample)
    )


def iter_report(result: Sweep, show: int) -> Iterator[str]:
    n = result.made
    yield f"rows (covered, from tests/evaluation): {result.rows}"
    yield f"rewrites made: {n}; skipped rows/rewrites: {sum(result.skipped.values())}"
    for why, count in result.skipped.most_common():
        yield f"  skipped {count}: {why}"
    missed_kinds = Counter(m.kind for m in result.missed)
    for kind, count in result.by_kind.most_common():
        note = f"  [decided, {DECIDED[kind]}]" if kind in DECIDED else ""
        yield f"  {kind}: {missed_kinds[kind]} of {count} missed ({100 * missed_kinds[kind] / count:.1f}%){note}"
    wrong = [m for m in result.missed if m.kind not in DECIDED]
    judged = sum(count for kind, count in result.by_kind.items() if kind not in DECIDED)
    yield f"right answers missed: {len(wrong)} of {judged} ({100 * len(wrong) / max(judged, 1):.2f}%)"
    for m in sorted(result.missed, key=lambda m: m.kind in DECIDED)[:show]:
        yield f"  [{m.kind}] {m.row[0]!r} <- {m.answer!r}"
    yield f"seconds: {result.seconds:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=int, default=None, help="score a seeded sample of this many rewrites")
    parser.add_argument("--rows", type=int, default=None, help="rewrite a seeded sample of this many covered rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=10_000, help="list at most this many rewrites missed")
    args = parser.parse_args(argv)
    figures = sweep(covered_rows(earlier=True), args.sample, args.seed, args.rows)
    # v68: no figure too; --rows samples the text rows as well (46th session: it sampled the figure rows only)
    result = joined(figures, text_sweep(covered_text_rows(), args.sample, args.seed, args.rows))
    for line in iter_report(result, args.show):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
