"""The currencies the scorer reads an amount in by sign, code and name: one table (v113), from which the number
patterns (`patterns`: the point's unit, the answer's sign or name), the money ranges (`edges`) and the former figures
(`keywords.retraction`) build their expressions.

元 and 美元 since v7 (¥ / 人民币 / RMB / CNY, $ / US$ / USD); 欧元, 英镑, 港元, 日元, 澳元, 加元, 新加坡元, 韩元 and
新台币 since v113 - v112 read their signs, codes and names as text, so €500 missed 500欧元 and EUR 500, and HK$500
missed 500港元. A sign after a letter names another currency (HK$ is no $, JP¥ no ¥, NT$ no $); ¥ alone is 元.
"""

from __future__ import annotations

import re

# the signs, codes and words written before a figure (人民币1200万, 美元500), by the unit a point writes after it
CURRENCY_SIGNS = {
    "元": ("¥", "rmb", "cny", "人民币"),
    "美元": ("$", "us$", "usd", "美元", "美金"),
    "欧元": ("€", "eur", "欧元"),
    "英镑": ("£", "gbp", "英镑"),
    "港元": ("hk$", "hkd", "港币", "港元"),
    "日元": ("jp¥", "jpy", "日元"),
    # (and the dollars, won and Taiwan's dollar a Chinese answer names most: A$, C$, S$, ₩, NT$)
    "澳元": ("a$", "au$", "aud", "澳元", "澳币"),
    "加元": ("c$", "ca$", "cad", "加元", "加币"),
    "新加坡元": ("s$", "sgd", "新加坡元", "新币"),
    "韩元": ("₩", "krw", "韩元"),
    "新台币": ("nt$", "twd", "ntd", "新台币"),
}
# the names written after a figure (the point's own unit aside): 1200万人民币, 500 dollars, 500 euros, 500円, 500€
CURRENCY_NAMES_AFTER = {
    "元": ("yuan", "rmb", "cny", "renminbi", "人民币"),
    "美元": ("dollars", "dollar", "usd", "us dollars", "us dollar", "美金", "$"),
    "欧元": ("euros", "euro", "eur", "€"),
    "英镑": ("pounds sterling", "pounds", "pound", "sterling", "gbp", "镑", "英磅", "£"),
    "港元": ("hong kong dollars", "hong kong dollar", "hk dollars", "hkd", "港币"),
    "日元": ("yen", "jpy", "円", "日圆"),
    "澳元": ("australian dollars", "australian dollar", "aud", "澳币"),
    "加元": ("canadian dollars", "canadian dollar", "cad", "加币"),
    "新加坡元": ("singapore dollars", "singapore dollar", "sgd", "新币"),
    "韩元": ("won", "krw", "₩"),
    "新台币": ("new taiwan dollars", "new taiwan dollar", "nt dollars", "twd", "ntd", "台币"),
}
ALL_SIGNS = tuple(sign for signs in CURRENCY_SIGNS.values() for sign in signs)


def one_of(words: tuple[str, ...], after_a_letter: bool = False) -> str:
    """`words` as a regular expression's alternatives, longest first; a Latin word or sign not after a letter (unless
    `after_a_letter`: where the caller matches at a position it chose) and a word that ends with a letter not before
    one."""
    return "|".join(
        ("" if after_a_letter or word[0] > "\u2e80" else "(?<![a-z])")
        + re.escape(word)
        + ("(?![a-z])" if word[-1].isascii() and word[-1].isalpha() else "")
        for word in sorted(words, key=len, reverse=True)
    )


# any currency's sign, code or word before a figure: not after a letter (a subject's link, a former figure: HK$ is
# no $), or wherever the caller stands (`ANY_SIGN_AT`: the money ranges, a figure's start)
ANY_SIGN = one_of(ALL_SIGNS)
ANY_SIGN_AT = one_of(ALL_SIGNS, after_a_letter=True)
