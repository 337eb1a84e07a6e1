"""The keyword-coverage scorer's parts (`evaluation/scoring.py` puts them together): plain functions on
normalised answer text, no model, no pytest.

- `normalisation`: markup, thinking, fractions, traditional characters, financial numerals -> one comparable text
- `tables`: units named in a table's header or a label carried to its cells
- `forms`: the patterns a key point is searched by (its spellings, durations and measures in other units)
- `dates`: a date point's date in its other spellings and languages (2024-06, June 2024, Q3 2024), and dates offered as
  alternatives
- `times`: a time of day in its other spellings (15:00, 下午3点, 3 pm) and not at another hour (9:00 in 9:00 pm)
- `echo`: the echo guard's verbatim copies of the question, system prompt or retrieved context
- `negation`: negation and denial words right before or after a match (不合规, not compliant, 免收)
- `bounds`: a bound on a figure (至少20个月, 20 months or more) and a key point that is one
- `rates`: a rate point (5000元/月) in its other spellings (每月5000元, 月费5000元, $5,000 a month)
- `options`: a lettered option listed and not picked (A. 20个月 ... 答案：C), an option passed over (X over Y)
- `assertion`: where a claim is asserted, not asked, supposed, doubted, quoted or disclaimed
- `mentions`: a claim named only to warn against it (警惕, a myth, a don'ts heading, ❌, condemned as 违规)
- `retraction`: a figure taken back, corrected, out of reach, a former value, a multiple or a time ago
- `periods`: an earlier period's figure a later period's value supersedes (去年ROI为20%，今年降至15%)
- `events`: a year given to another event than the one the question asks of (哪年上线？ 2024年启动，2025年上线)
- `hypothesis`: a figure or change only supposed, asked about or named as a goal missed (如果营收翻倍, Will it reach?)
- `condition`: a figure inside the antecedent of an open condition (如果回收期是20个月，…, if payback is 20 months)
- `counterfactual`: a figure only needed or only brought by a condition (would require, only if, 只有…才能达到20%)
- `claimed`: a figure given as another's claim or a quote withdrawn (some vendors claim, 厂商宣称的, 报价已撤回)
- `parties`: a feature given to another party or offered only in the past (v67), a comparison table's column of ours
  (v68), another party's figure with ours after it (v108)
- `denial`: refusals, other currencies, alternatives, table rows and questions that deny a figure
- `expectation`: the implicit key point of a trap case (a refusal, an uncertainty marker or a corrected premise)
"""
