"""Scorer v109: a point's figure given to another quantity than the one the question asks of, a year given to
another event in more ways, a view, a report or what goes round disclaimed, a best case said with 最早/最快 or "at
best" belied by a likelier figure, a past due date ("should have gone live in 2024", "was supposed to launch"), a
time before a date said done (2024年以前就上线了), a minus sign in words, a rhetorical 哪里只要, a count of users for
a sum of money, and - for forbidden claims - a status revoked or expired, a source's word disclaimed by what the
speaker did not find, and a time clause of what is still to come.

Found by probing with answers of classes the earlier versions' rows did not cover. v108 credited:
- 20% for ROI是多少？ in 成本下降了20%，ROI为12%, 毛利率20%，ROI 12%, 20%的毛利率，12%的ROI, "Costs fell by 20% and
  the ROI is 12%", "The gross margin is 20%; the ROI is 12%", a table row | 毛利率 | 20% | beside | ROI | 12% |; 20个月
  for 回本周期是多久？ in 项目建设期20个月，回本周期26个月, "Construction takes 20 months and payback 26 months"
  (`quantities.py`: only where the question names one quantity of its list, the point names none, and the answer
  gives the asked one another figure of the same kind);
- 1997年 for 哪一年成立的？ in 成立于1987年，1997年改制为城商行, 1997年华信银行上市，它成立于1987年, "founded in 1987
  and restructured in 1997"; 2020年 for 哪一年开始合作的？ in 双方2020年接触，2022年开始合作; 2024年 for "When did the
  project go live?" in "The project kicked off in 2024 and went live in 2025";
- 20个月 in 网上有说法称回本周期为20个月，但没有依据, 有观点认为…但缺乏依据, 据报道…但未经证实, 业内流传…但并无依据,
  "Some reports put the payback at 20 months, but this is unconfirmed";
- 2024年 in 项目预计最早2024年上线，但很可能推迟到2025年, 20个月 in 回本周期最快20个月，更可能是26个月, "Payback takes
  20 months at best, more likely 26", 2024年 in "The project should have gone live in 2024", "was supposed to launch
  in 2024 but slipped to 2025", 2024年以前就上线了;
- 20% in "The ROI is minus 20 percent", "negative 20%"; 20个月 in 回本周期哪里只要20个月; 90万 (a sum in 元) in
  覆盖90万用户;
- and charged 通过了PCI DSS认证 in 去年通过了PCI DSS认证，但…认证已被撤销, "the certification has since lapsed",
  官网宣称通过了…，但我们没有查到证书, "The vendor's website says it passed ..., but we found no certificate", "Once
  it has passed PCI DSS certification, it can go live", 有说法称/据报道…，但未经证实.
Each class has innocent rows beside it (ROI为20%，成本下降了12%; 成本节省了20%，ROI也是20%; 预算200万元，其中硬件投入
120万元; 华信银行1997年成立，2007年改制; 2024年前就要上线; "Reports say payback takes 20 months"; 证书尚未过期; "It
passed PCI DSS certification, and once it has renewed, it stays certified").
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status, status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

ROWS = [
    ("20个月", "回本周期为１年８个月。", C),
    ("20个月", "回本周期为２０个月。", C),
    ("20个月", "项目20个月前启动，回本周期为26个月。", N),
    ("20个月", "项目在第20个月实现回本。", C),
    ("20个月", "回本周期是20个月吗？不是，是26个月。", N),
    ("20个月", "除非预算翻倍，否则无法在20个月内回本。", N),
    ("20个月", "网上有说法称回本周期为20个月，但没有依据，实际为26个月。", N),
    ("20个月", "回本周期为20.5个月。", N),
    ("20个月", "回本周期约为19.8个月。", N),
    ("20个月", "The payback period is twenty months.", C),
    ("20个月", "Payback takes 20 mos.", C),
    ("20个月", "It has a 20-month payback.", C),
    ("20个月", "It pays back in 1 year and 8 months.", C),
    ("20%", "ROI为-20%。", N),
    ("20%", "ROI为负20%。", N),
    ("20%", "ROI为−20%。", N),
    ("20%", "The ROI is -20%.", N),
    ("20%", "The ROI is minus 20 percent.", N),
    ("20%", "ROI提升了20个百分点，达到32%。", N),
    ("20%", "The ROI is 20 percent.", C),
    ("20%", "The ROI is twenty percent.", C),
    ("20%", "ROI为２０％。", C),
    ("20%", "ROI为20 pct.", C),
    ("20%", "ROI为20倍。", N),
    ("90万", "年节省9万元。", N),
    ("90万", "年节省900万元。", N),
    ("2024年", "项目预计最早2024年上线，但很可能推迟到2025年。", N),
    ("2020年3月", "2020年3月中旬双方建立联系。", C),
    ("2020年3月", "2020年3月底至4月初双方建立联系。", C),
    ("2020年3月", "双方于2020/03建立联系。", C),
    ("2020年3月", "双方于2021年3月建立联系。", N),
    ("2020年3月", "双方于2020年13月建立联系。", N),
    ("2020年3月", "In March 2020 the two sides got in touch.", C),
    ("2020年3月", "In Mar. 2020 the two sides got in touch.", C),
    ("2020年3月", "In 3/2020 the two sides got in touch.", C),
    ("2020年3月", "In May 2020 the two sides got in touch.", N),
    ("2020年3月", "双方于2020年3月以后才建立联系。", N),
    ("2020年3月", "并非2020年3月，而是2020年5月建立联系。", N),
    ("2020年3月", "双方建立联系的时间是2020年3月还是5月，记录不一致。", N),
    ("2020年3月", "In 03/2020 the two sides got in touch.", C),
    ("2020年3月", "In 4/2020 the two sides got in touch.", N),
    ("2020年3月", "比例为13/2020。", N),
    ("2020年3月", "In 3/2021 the two sides got in touch.", N),
    ("20个月", "网传回本周期为20个月，但没有依据，实际为26个月。", N),
    ("20个月", "网上有说法称回本周期为20个月，但没有依据。", N),
    ("20个月", "有一种说法是回本周期为20个月，但这是错误的。", N),
    ("20个月", "有观点认为回本周期为20个月，但缺乏依据。", N),
    ("20个月", "有人认为回本周期为20个月，但这是错误的。", N),
    ("20个月", "据报道回本周期为20个月，但未经证实。", N),
    ("20个月", "有报道称回本周期为20个月，但未经证实。", N),
    ("20个月", "业内流传回本周期为20个月，但并无依据。", N),
    ("20个月", "市场上流传着回本周期20个月的说法，并无依据。", N),
    ("20个月", "据悉回本周期为20个月。", C),
    ("20个月", "有说法称回本周期为20个月，经核实属实。", C),
    ("20个月", "Some reports put the payback at 20 months, but this is unconfirmed.", N),
    ("20个月", "There are claims that the payback is 20 months, but there is no evidence.", N),
    ("20个月", "It has been claimed that payback takes 20 months; this is not true.", N),
    ("20个月", "One view holds that payback takes 20 months, but that is wrong.", N),
    ("20个月", "Some believe payback takes 20 months, but that is wrong.", N),
    ("20个月", "Reports say payback takes 20 months.", C),
    ("20%", "The ROI is negative 20%.", N),
    ("20%", "ROI: negative 20%.", N),
    ("20%", "The ROI came in at 20%, a negative surprise.", C),
    ("20%", "The ROI is 20%. Negative 5% was last year's.", C),
    ("20%", "The growth is negative; ROI is 20%.", C),
    ("-20%", "The ROI is minus 20 percent.", C),
    ("-20%", "The ROI is negative 20%.", C),
    ("-20%", "ROI为负20%。", C),
    ("20%", "Minus 20% is the ROI.", N),
    ("2024年", "项目最早2024年上线，更可能是2025年。", N),
    ("2024年", "项目本应在2024年上线。", N),
    ("2024年", "项目原本应该在2024年上线。", N),
    ("2024年", "项目本该2024年上线，但至今未上线。", N),
    ("2024年", "项目按计划于2024年上线。", C),
    ("2024年", "项目如期在2024年上线。", C),
    ("2024年", "The project should have gone live in 2024.", N),
    ("2024年", "The project was supposed to launch in 2024 but slipped to 2025.", N),
    ("2024年", "The project went live in 2024, as planned.", C),
    ("2024年", "The go-live is 2024 at the earliest, more likely 2025.", N),
    ("20个月", "回本周期最快20个月，更可能是26个月。", N),
    ("20个月", "回本周期最短20个月，一般26个月。", N),
    ("20个月", "Payback takes 20 months at best, more likely 26.", N),
    ("2024年", "It was supposed to go live in 2024, and it did go live in 2024.", C),
    ("20个月", "Payback was supposed to take 20 months; it took 26.", N),
    ("20个月", "The system is supposed to pay back in 20 months.", C),
    ("2024年", "We launched in 2024 as we were supposed to.", C),
    ("2024年", "项目在2024年以前就上线了。", N),
    ("2024年", "项目在2024年之后上线。", N),
    ("2024年", "项目于2024年后上线。", N),
    ("2024年", "项目2024年上线，之后持续迭代。", C),
    ("2024年", "项目2024年上线，此前试运行半年。", C),
    ("2024年", "The project went live before 2024.", N),
    ("2024年", "The project went live after 2024.", N),
    ("2024年", "The project went live in 2024.", C),
    ("2024年", "项目早在2024年就上线了。", C),
    ("20个月", "回本周期超过20个月。", N),
    ("20个月", "回本周期20个月左右。", C),
    ("20个月", "回本周期20个月出头。", C),
    ("20个月", "回本周期远超20个月。", N),
    ("20个月", "回本周期远不止20个月。", N),
    ("20个月", "回本周期绝不止20个月。", N),
    ("20个月", "回本周期可不止20个月。", N),
    ("20个月", "回本周期哪里只要20个月。", N),
    ("20个月", "回本周期岂止20个月。", N),
    ("20个月", "Payback takes well over 20 months.", N),
    ("20个月", "Payback takes far more than 20 months.", N),
    ("20个月", "Payback takes a lot longer than 20 months.", N),
    ("20个月", "Payback takes north of 20 months.", N),
    ("20个月", "Payback takes upwards of 20 months.", N),
    ("2024年", "项目在2024年之前已经上线。", N),
    ("2024年", "项目2024年前早已完成部署。", N),
    ("2024年", "项目须在2024年前上线。", C),
    ("2024年", "项目2024年以前就要上线。", C),
    ("2024年", "项目计划2024年前上线。", C),
    ("20个月", "回本周期哪里才20个月。", N),
    ("20个月", "哪里只要20个月，至少26个月。", N),
    ("20个月", "回本周期20个月，哪里只要三年。", C),
    ("20个月", "回本周期哪有20个月这么短。", N),
    ("20个月", "回本周期哪是20个月就能搞定的。", N),
    ("20个月", "回本周期为20周。", N),
    ("20个月", "回本周期为20天。", N),
    ("20个月", "Payback takes 20 weeks.", N),
    ("20个月", "回本周期为20个工作日。", N),
    ("90万", "年节省90万元。", C),
    ("90万", "年节省90万人民币。", C),
    ("5分钟", "审批只需5小时。", N),
    ("5分钟", "审批只需5秒。", N),
    ("5分钟", "审批只需5 min。", C),
    ("5分钟", "Approval takes 5 mins.", C),
    ("5分钟", "Approval takes five minutes.", C),
    ("5分钟", "Approval takes 5-minute.", C),
    ("5分钟", "审批时间从5分钟缩短到了30秒。", N),
    ("5分钟", "审批时间由3天缩短至5分钟。", C),
    ("4300人", "员工4300余人。", C),
    ("4300人", "员工约4300名。", C),
    ("4300人", "员工4,300人。", C),
    ("4300人", "员工4300多名，其中技术人员1200人。", C),
    ("4300人", "员工由4300人裁减到3800人。", N),
    ("4300人", "客户4300家。", N),
    ("4300人", "网点4300个。", N),
    ("4300人", "公司有4300个网点。", N),
    ("90万", "每年节省90万。", C),
    ("20个月", "回本周期20来个月。", C),
    ("20个月", "回本周期18-22个月，取中值20个月。", C),
    ("20个月", "回本周期20个月±2个月。", C),
    ("20个月", "回本周期20±2个月。", C),
    ("20个月", "回本周期大概在20个月上下。", C),
    ("20个月", "回本周期少说也得26个月，20个月是不可能的。", N),
    ("20个月", "回本周期20个月是不可能的。", N),
    ("20个月", "回本周期20个月根本做不到。", N),
    ("20个月", "回本周期20个月？做梦吧。", N),
    ("20个月", "20个月回本？想多了。", N),
    ("20个月", "20个月回本？没问题。", C),
    ("20个月", "Payback in 20 months? Not a chance.", N),
    ("20个月", "Payback in 20 months? Absolutely.", C),
    ("20个月", "Payback in 20 months is a pipe dream.", N),
    ("20个月", "Payback in 20 months is wishful thinking.", N),
]

# v109: read with the case's question (the asked quantity, the asked event)
QUESTION_ROWS = [
    ("ROI是多少？", "20%", "成本下降了20%，ROI为12%。", N),
    ("ROI是多少？", "20%", "ROI为12%，成本下降了20%。", N),
    ("ROI是多少？", "20%", "ROI为20%，成本下降了12%。", C),
    ("ROI是多少？", "20%", "毛利率为20%，ROI为12%。", N),
    ("ROI是多少？", "20%", "毛利率20%，ROI 12%。", N),
    ("ROI是多少？", "20%", "预计ROI为20%。", C),
    ("ROI是多少？", "20%", "投资回报率为20%，毛利率为12%。", C),
    ("ROI是多少？", "20%", "该项目的年化回报为20%。", C),
    ("What is the ROI?", "20%", "Costs fell by 20% and the ROI is 12%.", N),
    ("What is the ROI?", "20%", "The gross margin is 20%; the ROI is 12%.", N),
    ("What is the ROI?", "20%", "The ROI is 20%; the gross margin is 12%.", C),
    ("回本周期是多久？", "20个月", "项目建设期20个月，回本周期26个月。", N),
    ("回本周期是多久？", "20个月", "回本周期26个月，其中建设期20个月。", N),
    ("回本周期是多久？", "20个月", "建设期6个月，回本周期20个月。", C),
    ("How long is the payback period?", "20个月", "Construction takes 20 months and payback 26 months.", N),
    ("ROI是多少？", "20%", "ROI为20%，其中成本节省贡献了12%。", C),
    ("ROI是多少？", "20%", "成本节省了20%，ROI也是20%。", C),
    ("ROI是多少？", "20%", "按照20%的折扣计算，ROI为20%。", C),
    ("ROI是多少？", "20%", "首年ROI为12%，三年ROI为20%。", C),
    ("ROI是多少？", "20%", "| 指标 | 值 |\\n|---|---|\\n| 毛利率 | 20% |\\n| ROI | 12% |", N),
    ("ROI是多少？", "20%", "| 指标 | 值 |\\n|---|---|\\n| ROI | 20% |\\n| 毛利率 | 12% |", C),
    ("ROI是多少？", "20%", "20%的毛利率，12%的ROI。", N),
    ("ROI是多少？", "20%", "12%的ROI，毛利率20%。", N),
    ("回本周期是多久？", "20个月", "回本周期约20个月（含建设期6个月）。", C),
    ("回本周期是多久？", "20个月", "建设期6个月，运营14个月后回本，总回本周期20个月。", C),
    ("回本周期是多久？", "20个月", "建设期20个月，回本周期也是20个月。", C),
    ("回本周期是多久？", "20个月", "回本周期20个月，建设期6个月。", C),
    ("在投入150万元的情况下，多久能回本？", "20个月", "投入150万元，20个月回本。", C),
    ("在投入150万元的情况下，多久能回本？", "20个月", "投入150万元，回本周期20个月。", C),
    ("What is the ROI?", "20%", "The ROI is 20%, while costs fell by 12%.", C),
    ("What is the ROI?", "20%", "ROI: 12%. Gross margin: 20%.", N),
    ("What is the ROI?", "20%", "A 20% discount gives an ROI of 12%.", N),
    ("What is the ROI?", "20%", "With a 20% discount the ROI is still 20%.", C),
    ("团队有多少人？", "20人", "团队20人，其中开发12人。", C),
    ("团队有多少人？", "20人", "公司员工200人，团队20人。", C),
    ("What is the payback period?", "20个月", "Payback takes 20 months after a 6-month construction period.", C),
    ("ROI是多少？", "20%", "预计ROI为20%，毛利率12%。", C),
    ("ROI是多少？", "20%", "投资回报率（ROI）为12%，毛利率为20%。", N),
    ("ROI是多少？", "20%", "毛利率（20%）高于ROI（12%）。", N),
    ("项目预算是多少？", "200万", "总投资200万元，预算内硬件120万元。", C),
    ("项目预算是多少？", "200万", "预算200万元，其中硬件投入120万元。", C),
    ("项目预算是多少？", "200万", "硬件投入200万元，总预算260万元。", N),
    ("项目预算是多少？", "200万", "预算为260万元，比成本200万元多出60万元。", N),
    ("项目预算是多少？", "200万", "预算约200万元，成本150万元。", C),
    ("毛利率是多少？", "20%", "净利率20%，毛利率35%。", N),
    ("毛利率是多少？", "20%", "毛利率20%，净利率12%。", C),
    ("毛利率是多少？", "20%", "Gross margin is 35% and net margin 20%.", N),
    ("毛利率是多少？", "20%", "Gross margin: 20%; net margin: 12%.", C),
    ("客户流失率是多少？", "20%", "流失率20%。", C),
    ("客户流失率是多少？", "20%", "留存率20%，流失率80%。", N),
    ("客户流失率是多少？", "20%", "留存率80%，流失率20%。", C),
    ("What is the churn rate?", "20%", "Retention is 20% and churn is 80%.", N),
    ("What is the churn rate?", "20%", "Churn is 20%, retention 80%.", C),
    ("项目工期多长？", "20个月", "工期20个月，质保期12个月。", C),
    ("项目工期多长？", "20个月", "质保期20个月，工期12个月。", N),
    ("项目工期多长？", "20个月", "质保期为20个月；工期为12个月。", N),
    ("项目工期多长？", "20个月", "工期12个月，加上20个月的质保期。", N),
    ("自动审批率能达到多少？", "85%", "自动审批率85%，准确率99%。", C),
    ("自动审批率能达到多少？", "85%", "准确率85%，自动审批率60%。", N),
    ("自动审批率能达到多少？", "85%", "自动审批率从60%提升到85%。", C),
    ("ROI是多少？", "20%", "ROI是多少？成本下降了20%，ROI为12%。", N),
    ("ROI是多少？", "20%", "ROI为12%（毛利率20%）。", N),
    ("ROI是多少？", "20%", "成本下降20%后，ROI为20%。", C),
    ("ROI是多少？", "20%", "成本降低20%，ROI将提升到20%。", C),
    ("What is the ROI?", "20%", "Revenue grew 20%; the ROI came in at 12%.", N),
    ("What is the ROI?", "20%", "The ROI is about 20% (costs fell by 12%).", C),
    ("投入150万元，每年能节省多少？", "90万", "年调用量90万次。", N),
    ("投入150万元，每年能节省多少？", "90万", "覆盖90万用户，每年节省30万元。", N),
    ("投入150万元，每年能节省多少？", "90万", "年节省90万港元。", N),
    ("投入150万元，每年能节省多少？", "90万", "年节省90万日元。", N),
    ("投入150万元，每年能节省多少？", "90万", "年节省90万元。", C),
    ("投入150万元，每年能节省多少？", "90万", "年节省90万。", C),
    ("投入150万元，每年能节省多少？", "90万", "年节省90万人民币。", C),
    ("华信银行是哪一年成立的？", "1997年", "华信银行成立于1987年，1997年改制为城商行。", N),
    ("华信银行是哪一年成立的？", "1997年", "华信银行1997年更名，成立于1987年。", N),
    ("华信银行是哪一年成立的？", "1997年", "华信银行1997年成立，2007年改制。", C),
    ("华信银行是哪一年成立的？", "1997年", "1997年华信银行上市，它成立于1987年。", N),
    ("When was Huaxin Bank founded?", "1997年", "Huaxin Bank was founded in 1987 and restructured in 1997.", N),
    ("When was Huaxin Bank founded?", "1997年", "Huaxin Bank was restructured in 1997; it was founded in 1987.", N),
    ("When was Huaxin Bank founded?", "1997年", "Huaxin Bank was founded in 1997 and listed in 2007.", C),
    ("我们和华信城商行是从哪一年开始合作的？", "2020年", "双方2018年接触，2020年开始合作。", C),
    ("我们和华信城商行是从哪一年开始合作的？", "2020年", "双方2020年接触，2022年开始合作。", N),
    ("我们和华信城商行是从哪一年开始合作的？", "2020年", "双方2020年首次接触，直到2022年才签约合作。", N),
    ("When did the project go live?", "2024年", "The project kicked off in 2024 and went live in 2025.", N),
    ("When did the project go live?", "2024年", "The project went live in 2024 after kicking off in 2023.", C),
    ("When did the project go live?", "2024年", "Kicked off in 2024, the project went live in 2025.", N),
    ("哪年签约？", "2024年", "2024年3月签约，2025年1月交付。", C),
    ("哪年交付？", "2024年", "2024年3月签约，2025年1月交付。", N),
    ("哪年上线？", "2024年", "2024年上线，2025年推广。", C),
    ("When was the contract signed?", "2024年", "The contract was signed in 2024 and delivered in 2025.", C),
    ("When was it delivered?", "2024年", "The contract was signed in 2024 and delivered in 2025.", N),
    ("When did the project start?", "2024年", "The project started in 2024 and went live in 2025.", C),
    ("When did the project go live?", "2024年", "The project started in 2024 and went live in 2025.", N),
    ("When did we start working together?", "2020年", "We first met in 2018 and started working together in 2020.", C),
    ("When did we start working together?", "2020年", "We first met in 2020 and started working together in 2022.", N),
    ("华信银行是哪一年成立的？", "1997年", "华信银行成立于1997年，2007年上市。", C),
    ("华信银行是哪一年成立的？", "1997年", "华信银行创立于1997年，2007年上市。", C),
    ("华信银行是哪一年成立的？", "1997年", "华信银行1997年由三家信用社合并组建，2007年更名。", C),
    ("华信银行是哪一年成立的？", "1997年", "1997年，华信银行成立。", C),
    ("华信银行是哪一年成立的？", "1997年", "华信银行于1997年在苏州成立。", C),
    ("What is the ROI?", "20%", "The project has a 20% gross margin and a 12% ROI.", N),
    ("What is the ROI?", "20%", "The project has a 12% ROI and a 20% gross margin.", N),
    ("What is the ROI?", "20%", "The project has a 20% ROI and a 12% gross margin.", C),
    ("How long is the payback period?", "20个月", "Expect 6 months of construction and a 20-month payback.", C),
    ("项目的回本周期是多久？", "20个月", "本项目20个月的建设期，26个月的回本周期。", N),
    ("项目的回本周期是多久？", "20个月", "本项目6个月的建设期，20个月的回本周期。", C),
    ("ROI是多少？", "20%", "ROI：12%；毛利率：20%；净利率：8%。", N),
    ("ROI是多少？", "20%", "1. 毛利率：20%\\n2. ROI：12%", N),
    ("ROI是多少？", "20%", "- 毛利率 20%\\n- ROI 12%", N),
    ("ROI是多少？", "20%", "- ROI 20%\\n- 毛利率 12%", C),
    ("ROI是多少？", "20%", "**ROI**：20%（毛利率12%）", C),
    ("ROI是多少？", "20%", "综合来看，ROI约为20%，高于行业平均的12%。", C),
    ("ROI是多少？", "20%", "成本下降20%，收入增长12%，ROI达到20%。", C),
    ("是谁牵的线？", "刘敏", "刘敏的同事王芳牵的线。", N),
    ("是谁牵的线？", "刘敏", "刘敏的前同事王芳牵的线。", N),
    ("是谁牵的线？", "刘敏", "刘敏？不，是王芳牵的线。", N),
    ("是谁牵的线？", "刘敏", "牵线人并非刘敏，而是王芳。", N),
    ("是谁牵的线？", "刘敏", "王芳牵的线，刘敏后来才加入。", N),
    ("是谁牵的线？", "刘敏", "王芳牵的线，刘敏负责后续对接。", N),
    ("是谁牵的线？", "刘敏", "刘敏牵的线，王芳负责后续对接。", C),
    ("是谁牵的线？", "刘敏", "是刘敏牵的线，她是王志远的大学同学。", C),
    ("是谁牵的线？", "刘敏", "王芳牵的线（刘敏当时也在场）。", N),
    ("是谁牵的线？", "刘敏", "王芳牵的线，而不是刘敏。", N),
    ("Who made the introduction?", "刘敏", "Wang Fang, Liu Min's colleague, made the introduction.", N),
    ("Who made the introduction?", "刘敏", "Liu Min's colleague made the introduction.", N),
    ("Who made the introduction?", "刘敏", "It was not Liu Min but Wang Fang who made the introduction.", N),
    ("是谁牵的线？", "刘敏", "刘敏和王芳一起牵的线。", C),
    ("是谁牵的线？", "刘敏", "王芳和刘敏牵的线。", C),
    ("是谁牵的线？", "刘敏", "不是王芳牵的线，是刘敏。", C),
    ("是谁牵的线？", "刘敏", "王芳没有牵线，刘敏牵的线。", C),
    ("是谁牵的线？", "刘敏", "牵线人是刘敏，王芳负责对接。", C),
    ("是谁牵的线？", "刘敏", "王芳牵的线，刘敏也牵了线。", C),
    ("是谁牵的线？", "刘敏", "牵线的是王芳，刘敏只是陪同。", N),
    ("是谁牵的线？", "刘敏", "刘敏。王芳负责对接。", C),
    ("谁负责后续对接？", "刘敏", "刘敏牵的线，王芳负责后续对接。", N),
    ("谁负责后续对接？", "刘敏", "王芳牵的线，刘敏负责后续对接。", C),
    ("请介绍一下华信银行的情况。", "刘敏", "王芳牵的线，刘敏负责后续对接。", C),
    ("是谁牵的线，牵线人与双方分别是什么关系？", "周晓峰", "刘敏牵的线，她是王志远的大学同学，也是周晓峰的老上级。", N),
    ("谁牵的线？", "刘敏", "刘敏表示，是她和王芳一起牵的线。", C),
    ("谁牵的线？", "刘敏", "是王芳同刘敏一起牵的线。", C),
    ("谁介绍的？", "刘敏", "王芳介绍的，刘敏当时不在场。", N),
    ("谁介绍的？", "刘敏", "刘敏介绍的，王芳当时不在场。", C),
    ("谁负责这个项目？", "刘敏", "王芳负责这个项目，刘敏是技术顾问。", N),
    ("谁负责这个项目？", "刘敏", "刘敏负责这个项目，王芳是技术顾问。", C),
]

# the forbidden-claim path: a status revoked, a source disclaimed, a time clause of what is to come
CLAIM_ROWS = [
    ("通过了PCI DSS认证", "有说法称该平台通过了PCI DSS认证，但没有依据。", False),
    ("通过了PCI DSS认证", "据报道该平台通过了PCI DSS认证，但未经证实。", False),
    ("通过了PCI DSS认证", "业内流传该平台通过了PCI DSS认证，但无法证实。", False),
    ("通过了PCI DSS认证", "有观点认为该平台通过了PCI DSS认证，但缺乏证据。", False),
    ("通过了PCI DSS认证", "据报道该平台通过了PCI DSS认证。", True),
    ("通过了PCI DSS认证", "有说法称该平台通过了PCI DSS认证。", True),
    (
        "passed PCI DSS certification",
        "Some reports say the platform passed PCI DSS certification, but this is unconfirmed.",
        False,
    ),
    (
        "passed PCI DSS certification",
        "According to media reports the platform passed PCI DSS certification, which cannot be verified.",
        False,
    ),
    ("passed PCI DSS certification", "Reports say the platform passed PCI DSS certification.", True),
    ("通过了PCI DSS认证", "该平台正在申请PCI DSS认证，尚未通过。", False),
    ("通过了PCI DSS认证", "通过了PCI DSS认证吗？没有。", False),
    ("通过了PCI DSS认证", "通过了PCI DSS认证吗？当然。", True),
    ("通过了PCI DSS认证", "该平台去年通过了PCI DSS认证，但今年复审未通过，认证已被撤销。", False),
    ("通过了PCI DSS认证", "我们无法确认它是否通过了PCI DSS认证。", False),
    ("通过了PCI DSS认证", "它是否通过了PCI DSS认证，需要向厂商核实。", False),
    ("通过了PCI DSS认证", "它通过了PCI DSS认证，这一点毋庸置疑。", True),
    ("通过了PCI DSS认证", "如果它通过了PCI DSS认证，就可以上线。", False),
    ("通过了PCI DSS认证", "官网宣称通过了PCI DSS认证，但我们没有查到证书。", False),
    (
        "passed PCI DSS certification",
        "Whether it passed PCI DSS certification needs to be verified with the vendor.",
        False,
    ),
    ("passed PCI DSS certification", "It is unclear whether it passed PCI DSS certification.", False),
    (
        "passed PCI DSS certification",
        "It passed PCI DSS certification last year, but the certificate was revoked this year.",
        False,
    ),
    ("passed PCI DSS certification", "It has not yet passed PCI DSS certification.", False),
    (
        "passed PCI DSS certification",
        "It is in the process of getting PCI DSS certification; it has not passed yet.",
        False,
    ),
    ("passed PCI DSS certification", "Once it has passed PCI DSS certification, it can go live.", False),
    (
        "passed PCI DSS certification",
        "The vendor's website says it passed PCI DSS certification, but we found no certificate.",
        False,
    ),
    ("通过了PCI DSS认证", "该平台去年通过了PCI DSS认证，目前证书已过期。", False),
    ("通过了PCI DSS认证", "该平台通过了PCI DSS认证，证书有效期至2027年。", True),
    (
        "passed PCI DSS certification",
        "It passed PCI DSS certification in 2023; the certification has since lapsed.",
        False,
    ),
    ("passed PCI DSS certification", "The vendor's website says it passed PCI DSS certification.", True),
    ("passed PCI DSS certification", "We found no issues: it passed PCI DSS certification.", True),
    (
        "passed PCI DSS certification",
        "It passed PCI DSS certification, and once it has renewed, it stays certified.",
        True,
    ),
    ("通过了PCI DSS认证", "官网宣称通过了PCI DSS认证。", True),
    ("通过了PCI DSS认证", "我们没有发现任何问题，它通过了PCI DSS认证。", True),
    ("通过了PCI DSS认证", "它通过了PCI DSS认证，证书没有过期。", True),
    ("通过了PCI DSS认证", "它通过了PCI DSS认证，证书尚未过期。", True),
    ("保证收益", "我们保证收益，到期一次性兑付，投资可全额收回。", True),
    ("保证收益", "我们保证收益，到期后本金收回。", True),
]


def test_the_scorer_is_v109_or_later() -> None:
    assert SCORER_VERSION >= 109


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(("question", "point", "answer", "expected"), QUESTION_ROWS)
def test_question_rows(question: str, point: str, answer: str, expected: str) -> None:
    for forms in (None, CN):
        got = status(point, answer, forms, question)
        assert (got == "covered") is (expected == C), (question, point, answer, got)


def test_only_the_question_decides_which_quantity_or_event_is_asked() -> None:
    """The asked quantity and event come from the question: with no question, another question, a question that
    names several quantities or a point that names its own quantity, the figure is read as before."""
    answer = "毛利率为20%，ROI为12%。"
    assert status("20%", answer, question="ROI是多少？") != "covered"
    assert status("20%", answer, question="毛利率是多少？") == "covered"
    assert status("20%", answer, question="ROI和毛利率分别是多少？") == "covered"
    assert status("20%", answer) == "covered"
    assert status("毛利率20%", answer, question="ROI是多少？") == "covered"
    answer = "Huaxin Bank was founded in 1987 and restructured in 1997."
    assert status("1997年", answer, question="When was Huaxin Bank founded?") != "covered"
    assert status("1997年", answer, question="When was Huaxin Bank restructured?") == "covered"


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIM_ROWS)
def test_claim_rows(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
