"""Answer text made comparable: markup, LaTeX and struck-out text removed, fractions, hyphens,
traditional characters, financial numerals and `~` forms read as their plain forms, NFKC + casefold, whitespace
collapsed (`normalise`, `normalise_lines`); thinking removed (`strip_thinking`).
"""

from __future__ import annotations

import re
import unicodedata

from ..numbers.mention import AMBIGUOUS_COMMA

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
READ_AS_TABLE = str.maketrans(_READ_AS)
TO_READ = re.compile("[" + "".join(_READ_AS) + "]")


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


# v32: a full-width comma after an ASCII digit and before a group of three may be a Chinese list comma as well as a
# thousands separator: NFKC made 方案1，200万元 方案1,200万元 and so 1200万元 (the options 1 and 200万元), 单价5，000元
# 5000元. It is written `AMBIGUOUS_COMMA` (a comma and a word joiner), which the number finder reads (`_comma_joined`);
# digits typed full width throughout (１，２００万元) are one number, as NFKC reads them.
_LIST_COMMA_AFTER_A_DIGIT = re.compile("(?<=[0-9])\uff0c(?=[0-9０-９]{3}(?![0-9０-９]))")  # where it would group
# v32: a typographic apostrophe inside a word is an apostrophe (can’t, won‘t, doesnʼt: NFKC keeps ’, ‘ and ʼ), so that
# every rule written with ' reads it - v31 read "It doesn‘t take 20 months" and "I can’t confirm" as no negation or
# cue. Between letters only: a quote ‘20 months’ stays a quote.
_APOSTROPHE_IN_A_WORD = re.compile("(?<=[a-z])[\u2019\u2018\u02bc](?=[a-z])")
# v61: a Markdown blockquote's marks at the start of a line (ASCII ">" and a space or a tab, nested ">>" too) in a text
# of several lines: "## 结论" then "> 20个月即可回本。" read as "more than 20个月" once the lines were joined (v32
# reads ">" as a quote only where it opens the text or a sentence). A one-line answer's "> 20个月" stays a bound, and
# so does a full-width "＞" (a Chinese greater-than, turned into ">" only by NFKC, after this)
_BLOCKQUOTE_MARKS = re.compile(r"^([ \t]*)(?:>[ \t]*)*>[ \t]+", re.MULTILINE)


# v71: one cross and one check. Models mark a verdict with whichever cross or tick their tokenizer favours (❌ ❎ ✗ ✘
# ✖ ✕ 🚫 ⛔ ☒, ✅ ✓ ✔ ☑ 🗸, each also with the emoji selector U+FE0F: ❌️, ✔️), and each rule that read marks had its
# own list of them - ✖, ✕, 🚫, ⛔, ☒ and ❌️ (❌ and U+FE0F) were read by some rules or none (私有化部署：✖ was
# credited where 私有化部署：❌ was negated; ❎ 保证收益 was charged where ❌ 保证收益 was not). Every cross is read as
# `CROSS` and every tick as `CHECK`, the selector after a mark dropped, before any rule reads the text; the rules name
# these two. × (and ✕, ✖ without the selector) also multiplies (20×12=240天, 2×H100, 7×24小时): it is a cross only
# where it stands as a verdict - opening its line, its list item, its cell or bracket or after a colon or a dash, or
# ending its line, cell, bracket or clause, or before a negation (私有化部署：×, × 保证收益, | × |, （×）, 私有化部署 ×,
# × 不支持) - and beside a digit only where it opens its line before a space or ends it (× 20%的工单…, worth
# $1,200,000 ×); elsewhere it is the multiplication sign × (20 × 12, ×3, 月费 × 月数 stay products). A mark keeps its
# length (one character for one) but for the selector it drops; no rule reports a position in the answer as written.
CROSS = "❌"
CHECK = "✅"
CROSS_OR_CHECK = re.compile(f"[{CROSS}{CHECK}]")  # a verdict mark once `one_mark_each` has read it
_ALWAYS_CROSSES = "❌❎✗✘🚫⛔☒"
_CHECKS = "✅✓✔☑🗸"
_TIMES_OR_CROSS = "×✕✖"
_A_MARK = re.compile(f"[{_ALWAYS_CROSSES}{_CHECKS}{_TIMES_OR_CROSS}]\ufe0f?")
_OPENS_ITS_PLACE = re.compile(r"(?:^|[:：|(（\[【—–•*+-]|[0-9]{1,2}[.)、])[ \t]*(?:\*\*)?[ \t]*$", re.MULTILINE)
_ENDS_ITS_PLACE = re.compile(
    r"[ \t]*(?:\*\*)?[ \t]*(?:$|[|)）\]】。；;，,.!！?？:：]|[不未没无非否]|(?:not|no)(?![a-z]))",
    re.MULTILINE | re.IGNORECASE,
)
_A_DIGIT_BEFORE = re.compile(r"[0-9０-９][ \t]*$")
_A_DIGIT_AFTER = re.compile(r"[ \t]*[0-9０-９]")
_OPENS_ITS_LINE = re.compile(r"^[ \t]*(?:[-*+•][ \t]*|[0-9]{1,2}[.)、][ \t]*)?$", re.MULTILINE)
_ENDS_ITS_LINE = re.compile(r"[ \t]*(?:\*\*)?[ \t]*[)）|。.!！;；]?[ \t]*$", re.MULTILINE)


def _one_mark(m: re.Match[str]) -> str:
    """`CROSS` or `CHECK` for a verdict mark, the multiplication sign for × (✕, ✖) where it is none: beside a digit
    it multiplies (20×12, ×3, 2 ×) unless it opens its line before a space (× 20%的工单…) or ends its line a space
    after the figure (The contract is worth $1,200,000 ×) - a product has an operand on both sides, and a factor is
    written on its figure (Speedup: 3×, 提升3×: review - a point "3×" read as "3❌" missed "3× faster")."""
    mark, text = m.group(), m.string
    if mark[0] in _CHECKS:
        return CHECK
    if mark[0] in _ALWAYS_CROSSES or mark.endswith("\ufe0f"):
        return CROSS
    start, end = m.start(), m.end()
    if _A_DIGIT_AFTER.match(text, end):
        opens_its_line = _OPENS_ITS_LINE.search(text, max(0, start - 8), start) is not None
        return CROSS if opens_its_line and text[end : end + 1] in (" ", "\t") else "×"
    if _A_DIGIT_BEFORE.search(text, max(0, start - 4), start):
        spaced = text[start - 1 : start] in (" ", "\t")
        return CROSS if spaced and _ENDS_ITS_LINE.match(text, end) else "×"
    opens = _OPENS_ITS_PLACE.search(text, max(0, start - 12), start) is not None
    return CROSS if opens or _ENDS_ITS_PLACE.match(text, end) else "×"


def one_mark_each(text: str) -> str:
    """The text with every verdict mark read as `CROSS` or `CHECK` (v71)."""
    return _A_MARK.sub(_one_mark, text) if _A_MARK.search(text) else text


# v71 review: a scenario's regex is read as the answer is (v12), its marks too - a regex that names a mark
# (私有化部署[：:]\s*✓, 认证[：:]\s*✔, 支持\s*✖) no longer matched the answer it was written for once the answer's marks
# read as ❌ / ✅. A tick is `CHECK`, a cross `CROSS`, the selector after a mark dropped; × (✕, ✖), which the answer
# keeps where it multiplies, matches either (`×|❌`, or both characters inside a class).
_A_MARK_IN_A_REGEX = re.compile(rf"[{_ALWAYS_CROSSES}{_CHECKS}{_TIMES_OR_CROSS}]\ufe0f?|\\.|[\[\]]")


def marks_in_a_regex(regex: str) -> str:
    """A scenario's regex with its marks written as `one_mark_each` reads the answer's (escapes and character
    classes kept)."""
    if not _A_MARK.search(regex):
        return regex
    out: list[str] = []
    in_class = False
    class_opens = -1  # where the open class's first member stands: a "]" there is a member ([]✓], [^]✓])
    last = 0
    for m in _A_MARK_IN_A_REGEX.finditer(regex):
        out.append(regex[last : m.start()])
        last = m.end()
        token = m.group()
        if token.startswith("\\") and not _A_MARK.fullmatch(token[1:]):
            out.append(token)
            continue
        if token.startswith("\\"):
            token = token[1:]  # an escaped mark (\✓) is the mark
        if token == "[" and not in_class:
            out.append(token)
            in_class = True
            class_opens = m.end() + (regex.startswith("^", m.end()))
        elif token == "]" and in_class and m.start() != class_opens:
            out.append(token)
            in_class = False
        elif token in "[]":
            out.append(token)
        elif token[0] in _CHECKS:
            out.append(CHECK)
        elif token[0] in _ALWAYS_CROSSES:
            out.append(CROSS)
        else:
            out.append(f"×{CROSS}" if in_class else f"(?:×|{CROSS})")
    out.append(regex[last:])
    return "".join(out)


# v63: what a model's formatting puts around a statement, read as nothing - a code fence's own line (```, ```json: the
# sentence or the JSON inside it is the answer's), a footnote's mark after a figure or a word (20%¹, 20个月[^1], 20%*,
# "20 months¹."; not after a digit or a short unit, where a superscript is a power: 10², m²) and a check mark or a
# pictograph opening a line (✅ ROI：20%, 📈 The project delivers a 20% ROI, 👉 20个月即可回本; not a cross, which
# crosses a line out: `mentions.py`) - v62 missed the statement behind each
_CODE_FENCE_LINE = re.compile(r"^[ \t]*```[a-z0-9_+-]*[ \t]*$", re.MULTILINE | re.IGNORECASE)
# v78: and after a year or an amount where its clause ends (founded in 2024¹., RMB 200¹.): no power is of a year, and
# none is written to the first (v63 pinned these as misses)
_CLAUSE_END_AFTER = "(?=[ \t]*(?:[,.;:!?，。；：！？)）\n]|$))"
_FOOTNOTE_MARK = re.compile(
    "(?:(?<=[%\u4e00-\u9fff\uff05)）\\]])|(?<=[A-Za-z]{3}))[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}(?![¹²³⁴⁵⁶⁷⁸⁹⁰0-9])"
    r"|\[\^[0-9a-z]{1,6}\](?!:)"
    f"|(?:(?<=[^0-9.](?:19|20)[0-9]{{2}})|(?<=^(?:19|20)[0-9]{{2}}))[¹²³⁴⁵⁶⁷⁸⁹⁰]{{1,2}}{_CLAUSE_END_AFTER}"
    f"|(?<=[0-9])¹{_CLAUSE_END_AFTER}"
)
_A_FOOTNOTE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\^")
_FOOTNOTE_STAR = re.compile(r"(?<=[%\u4e00-\u9fffa-z])\*(?=[ \t]*(?:[,.;:!?，。；：！？)）\n]|$))")
_OPENING_PICTOGRAPH = re.compile(
    f"^([ \t]*(?:[-*+•][ \t]+|[0-9]{{1,2}}[.)][ \t]+)?)(?:(?:[{CHECK}⭐]|[\U0001f300-\U0001f6aa\U0001f6ac-\U0001faff])"
    "\ufe0f?[ \t]*)+",
    re.MULTILINE,
)


def _formatting(text: str) -> str:
    if "```" in text:
        text = _CODE_FENCE_LINE.sub("", text)
    if _A_FOOTNOTE.search(text):
        text = _FOOTNOTE_MARK.sub("", text)
    return _OPENING_PICTOGRAPH.sub(r"\1", text)


# v73: a line led by a verdict mark whose later marks lead statements of their own (✅ 回收期24个月 ❌ 回收期20个月,
# ✅ 正确：… ❌ 错误：…, ✅ Right: … ❌ Wrong: …) is one statement a line, as the same marks one a line are: v25's and
# v40's cross right after a figure read the second statement's lead cross as the first one's verdict (24个月
# negated), and the second statement's point was not on a line its cross opens. A later mark leads where words
# follow it and it follows words (not a colon, bracket, dash or another mark: 私有化部署：❌ is a value); a table row
# is read by its cells. Read before the formatting is (a tick opening a line is dropped there as decoration).
_LINE_LED_BY_A_MARK = re.compile(
    rf"^[ \t]*(?:(?:[-*+•·]|[0-9]{{1,2}}[.)、])[ \t]*)?(?:\*\*)?[{CROSS}{CHECK}][^\n]*", re.MULTILINE
)
_A_LATER_LEAD_MARK = re.compile(
    rf"(?<=[^\s:：(（\[【|—–/{CROSS}{CHECK}*-])[ \t]*"
    rf"(?=(?:\*\*)?[{CROSS}{CHECK}](?:\*\*)?[ \t]*[^\s{CROSS}{CHECK}。.,，;；!?！？:：)）|])"
)


def _one_statement_a_line(m: re.Match[str]) -> str:
    line = m.group()
    if "|" in line:
        return line
    own = CROSS_OR_CHECK.search(line)
    lead = own.end() if own else 0  # past the line's own mark
    return line[:lead] + _A_LATER_LEAD_MARK.sub("\n", line[lead:])


def _lead_marks_split(text: str) -> str:
    """v73: each statement of a line led by a verdict mark on a line of its own (`_LINE_LED_BY_A_MARK`)."""
    if text.count(CROSS) + text.count(CHECK) < 2:
        return text
    return _LINE_LED_BY_A_MARK.sub(_one_statement_a_line, text)


# v80: an area's unit after a number is its Chinese name (30㎡, 30 m², 30m2, 5 km² are 30平方米 and 5平方公里):
# NFKC made ㎡ and m² "m2", a letter and a digit, which no number form reads as a unit (30m2 was a text, past every
# rule of a figure)
_SQUARE_UNIT = re.compile(
    "(?<=\\d)([ \u3000]?)(?:(?P<k>[kKｋＫ]?)[mMｍＭ][²2２](?![0-9A-Za-z])|(?P<m>\u33a1)|(?P<km>\u33a2))"
)


def _square_unit(m: re.Match[str]) -> str:
    return "平方公里" if m.group("k") or m.group("km") else "平方米"


# v114: a question's particle at its sentence's end with no question mark (ROI能达到20%吗, 每年节省90万元吗。) or
# before a comma (ROI能达到20%吗，这取决于市场) asks as it does with one: v113 read such a sentence as stated. Not the
# 么 of 什么, 怎么, 这么, 那么, 多么, 要么.
_UNMARKED_QUESTION = re.compile(r"(吗|(?<![什怎这那多要])么)([ \t]*)(?:。|\.(?![0-9])|,|(?=\n)|$)")  # (， is NFKC's ,)


def _marked(text: str) -> str:
    text = _formatting(_lead_marks_split(one_mark_each(text)))
    if "\n" in text and ">" in text:
        text = _BLOCKQUOTE_MARKS.sub(r"\1", text)
    if "\uff0c" in text:
        text = _LIST_COMMA_AFTER_A_DIGIT.sub(AMBIGUOUS_COMMA, text)
    text = _MIXED_FRACTION.sub(_fraction, text.translate(_LIST_MARKERS))
    if "\u33a1" in text or "\u33a2" in text or "m" in text or "M" in text:
        text = _SQUARE_UNIT.sub(_square_unit, text)
    text = strip_markup(_hyphens(unicodedata.normalize("NFKC", text).casefold()))
    if "*" in text:
        text = _FOOTNOTE_STAR.sub("", text)
    if "\u2019" in text or "\u2018" in text or "\u02bc" in text:
        text = _APOSTROPHE_IN_A_WORD.sub("'", text)
    if "\n" in text:
        text = _LINE_START_MARKER.sub("\\g<indent>•", text)
    text = _financial_numerals(text)
    if "吗" in text or "么" in text:
        text = _UNMARKED_QUESTION.sub(r"\1?\2", text)
    return text.translate(READ_AS_TABLE) if TO_READ.search(text) else text


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
