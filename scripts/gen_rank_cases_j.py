#!/usr/bin/env python3
"""gen_rank_cases_j.py - held-out reply-ranking cases, set "j" (data card).

What it makes
    Synthetic Chinese customer-service chats for measuring a reply ranker on
    text it has never seen.  Each case is a short earlier conversation, the
    newest customer message, five candidate agent replies and a 0..3 grade per
    reply.  Output is a pure function of --seed and --per-family (standard
    library only; every random draw comes from random.Random seeded with a
    string built from seed/family/domain/index, so PYTHONHASHSEED and run
    order do not matter).

How it was written
    Independently: without reading the project's dev sets, models, sources,
    tests, docs or any other generator.  The only outside material consulted
    was the public customer-empathy articles in shared/seeds (for the ideas:
    listen, name the specific feeling, take the customer's side, own the
    problem, give a concrete step with a time frame, close personally; canned
    apologies are weak).  Every sentence here was written for this script.
    Template text is checked with shared/tools/devleak (script and output).

Domains (12) and record-number formats
    tire_service            轮胎店/换胎        工单号   TS + yymmdd + 4 digits   (TS2405180273)
    wedding_banquet         婚宴酒店           合同编号 WB + yyyy - 4 digits     (WB2024-0317)
    appliance_recycling     旧家电回收         回收单号 HS + 8 digits            (HS02525925)
    kids_playground         室内儿童乐园       订单号   KP + yymmdd + 3 digits   (KP240906724)
    physiotherapy_clinic    康复理疗           就诊号   PT + yymm - 4 digits     (PT2409-6763)
    cross_border_shipping   海外集运           集运单号 JY + 10 digits           (JY4529491048)
    golf_practice           高尔夫练习场       会员号   GP- + 6 digits           (GP-204518)
    nail_salon              美甲店             预约单号 NS + 7 digits            (NS7012872)
    office_plant_rental     绿植租摆           合同号   LZ + yyyy - 4 digits     (LZ2025-8300)
    water_purifier_service  净水器上门换滤芯   服务单号 JS + 9 digits            (JS890899888)
    board_game_cafe         桌游馆             订单号   BG + mmdd - 3 digits     (BG0612-045)
    school_uniform_order    校服订购           订购单号 XF + yy + 6 digits       (XF25013243)
    Each domain has its own brands, branches/halls/warehouses, priced items,
    five staff with names and titles, five issues (complaint wordings,
    specific feelings, our-side cause, concrete fix, lookup finding, what is
    already done, a blame line for bad replies), a failing self-service flow
    with the steps customers try, refusable remedies, questions with exact and
    rough answers, things that cannot happen (with an honest alternative),
    deadline reasons, appointment kinds, over-promises and upsells.

Families (17)
    Conflict families - the five replies are equally warm and concrete (each
    names a feeling, owns the problem, gives an action with a time frame);
    only the conversation tells the good one from the bad ones.  The decisive
    detail sits 2-4 turns back in the context (customer turn 2 or 4 back, or an
    agent turn 3 back) or in the newest message; for seed 101 the split is
    about 41% two back, 14% three back, 17% four back, 29% newest.
      asks_for_given_info   record no./photos/screenshot/phone/address/amount
                            already given; bad replies ask for it again
      repeats_failed_step   steps already tried in the failing flow; bad
                            replies prescribe one of those steps again
      ignores_preference    refused remedy or channel (phone, visit, home
                            visit, video); bad replies offer the refused one
      misses_deadline       time constraint; bad replies promise a time after
                            it ("now" is taken as ~14:00 on a weekday)
      wrong_fact            bad replies misstate date/branch/item/amount/
                            staff/record number given in the chat
      unanswered_question   bad replies never answer the customer's question
      impossible_promise    bad replies promise what the chat rules out
                            (sold out, already shipped, rule forbids, away)
      ignores_broken_promise an earlier agent promise was broken; bad replies
                            repeat the same kind of promise without owning it
      ignores_availability  bad replies book a slot the customer ruled out
    Empathy-contrast families - ordinary conversation, replies differ in
    empathy quality: feeling_named, ownership_vs_blame, concrete_vs_vague,
    personal_vs_scripted, off_topic, over_promise, result_vs_callback,
    parroting.
    Bad replies in conflict families also carry decoy wording (e.g. "您说…都试过了"
    about a different step, "就照您的意思" before a refused offer, "按您的时间"
    before a wrong slot) so that acknowledgement phrases alone do not reveal
    the grade.

Grades
    3  names the specific feeling, owns the problem, concrete step with a time
       frame, consistent with the chat, answers what was asked (exactly one)
    2  helpful and consistent but weaker: generic feeling, slower remedy or a
       rough answer
    1  formulaic, vague, scripted, parroting, or only a hand-over/call-back
    0  blames or brushes off, upsell/off-topic, impossible or over-promise,
       or contradicts the conversation
    Patterns: conflict 3/2/0/0/0 or 3/2/2/0/0; feeling_named 3/2/1/1/0 or
    3/2/2/1/0; ownership_vs_blame, off_topic, over_promise 3/2/1/0/0; other
    empathy families 3/2/1/1/0.

Format (JSON lines, UTF-8, ensure_ascii=False), one case per line
    {"id": "j-<family>-<domain>-<NNN>", "domain": ..., "family": ...,
     "context": [{"role": "agent"|"customer", "text": ...}, ...],  # 2-6 turns, ends with agent
     "customer": "<newest customer message>",
     "candidates": [5 agent replies], "grades": [5 ints]}
    Candidates and grades are shuffled together.

Usage
    python3 scripts/gen_rank_cases_j.py --out FILE --per-family 10 --seed 101
        -> 17 families x 12 domains x 10 = 2040 cases
    --stats prints, per family, how often the grade-3 reply is strictly the
    longest / strictly the shortest of the five.

Known limits
    - Template-built: phrasing repeats across cases even with many templates
      per slot; the deadline/appointment wording is not always tailored to the
      issue (e.g. a refund paired with a visit slot), and a few combinations
      read stiffly.
    - Reply lengths are balanced by drawing four variants per reply and
      choosing among them.  For --seed 101 --per-family 10 the grade-3 reply
      is strictly the longest in:
        conflict families 16% on average - asks_for_given_info 20%,
          repeats_failed_step 20%, ignores_preference 17%, misses_deadline 9%,
          wrong_fact 15%, unanswered_question 17%, impossible_promise 16%,
          ignores_broken_promise 18%, ignores_availability 13%;
        empathy families 28% on average - feeling_named 28%,
          ownership_vs_blame 28%, concrete_vs_vague 30%,
          personal_vs_scripted 36%, off_topic 24%, over_promise 25%,
          result_vs_callback 30%, parroting 24%.
      Grade 3 is almost never the shortest (0-8%).  Mean length: grade-3
      replies ~97 characters, other replies ~77.  In conflict families the
      grade-2 reply is still the shortest in a bit over half of the cases, and
      in empathy families brush-offs and formulaic lines are usually the
      shortest.
    - The grade-3 reply in ignores_broken_promise always acknowledges the
      broken promise and the grade-2 reply does too, briefly; a model can learn
      that such wording is rarely graded 0 without reading the promise itself.
    - Phone numbers are masked, dates are not checked against weekdays, staff
      names are reused across roles within a domain, and 15% of customer
      messages keep ASCII punctuation on purpose (desktop typists).
"""

import argparse
import json
import random
import re
import sys

# ---------------------------------------------------------------------------
# Shared wording pools (agent side).  {f} specific feeling clause, {e} emotion
# word, {p} neutral problem summary, {c} our-side cause, {fix} concrete step,
# {t} time frame.
# ---------------------------------------------------------------------------

FEEL_SPEC = [
    "{f}，这种心情我完全能理解。",
    "{f}，换成是我也一样{e}。",
    "我能想象，{f}，难免{e}。",
    "{f}——您{e}一点都不奇怪。",
    "看完您的消息，{f}，真的对不住。",
    "{f}，我知道您现在很{e}。",
    "您会{e}太正常了，{f}。",
    "{f}，这种时候{e}再正常不过。",
    "听您这么说，{f}，难怪您{e}。",
    "{f}，让您{e}了，对不起。",
    "先道个歉，{f}，搁谁都{e}。",
    "能感觉到您有多{e}——{f}。",
    "{f}，真是难为您了。",
]

FEEL_SPEC_P = [
    "碰上{p}这种事，您{e}，我很能体会。",
    "{p}，搁谁都得{e}，何况您是按规矩来的。",
    "{p}，这事让您{e}了，是我们对不住您。",
    "遇到{p}，您现在肯定很{e}。",
    "{p}——我明白这有多让人{e}。",
    "{p}，让您{e}了，这是我们的不是。",
    "{p}，您一定很{e}，我能体会。",
    "我知道{p}让您有多{e}。",
]

FEEL_GEN = [
    "让您跟着受累了。", "理解您的心情。", "抱歉让您不愉快了。", "这事确实给您造成了困扰，抱歉。",
    "明白您的感受。", "辛苦您了，抱歉。", "让您费心了，过意不去。", "真是抱歉。",
    "您的心情我能理解。", "让您久等了，不好意思。", "抱歉，给您带来不便了。", "这个情况确实不太好，抱歉。",
]

LISTEN = ["您说的情况我都看了。", "情况我这边都了解了。", "您的意思我明白。", "您反映的我都记下了。",
          "前因后果我理了一遍。", "您这边的经过我看清楚了。"]

OWN = [
    "问题出在我们这边：{c}。",
    "我查清楚了，是{c}，这个责任我们担。",
    "说实话是我们没做好，{c}。",
    "这个不怪您，{c}。",
    "{c}，这个失误在我们。",
    "原因在我们，{c}。",
    "跟您没关系，是{c}。",
    "这个错我们认：{c}。",
    "直说吧，{c}，该我们负责。",
]

OWN_SHORT = ["问题在我们这头。", "责任在我们这边。", "这回是我们掉链子了。", "这个错我们认。", "该我们负责。"]

DONE_T = ["我这边{done}。", "目前{done}。", "{done}，", "另外{done}。"]

FIX_T = [
    "我{t}{fix}。",
    "{t}{fix}。",
    "现在就去办：{fix}，{t}弄好。",
    "{fix}，{t}给您落实。",
    "接下来这样处理：{fix}，{t}完成。",
    "我的安排是{fix}，{t}办完。",
    "能给您的是：{t}{fix}。",
]

FIX_SLOW = [
    "我们会{fix}，{t}处理好。",
    "这边会尽量{fix}，预计{t}。",
    "我提交申请，{t}{fix}。",
    "后续会{fix}，时间大概是{t}。",
]

CLOSE = [
    "我是{agent}，这单我亲自跟，有进展直接在这儿告诉您。",
    "后面有任何变化，您直接找我{agent}就行。",
    "我会一直盯着，办完第一时间给您回消息。",
    "这件事我跟到底，您不用再操心。",
    "有哪里不清楚您随时问我。",
    "{agent}在这儿，您不用再从头解释一遍。",
    "处理结果出来我第一时间发给您。",
    "办好了我拍照发您确认。",
    "过程中有变化我会马上同步给您。",
    "您先忙您的，剩下的交给我。",
]

ADDR = ["", "", "", "", "{cust}，", "{cust}，", "您好，", "{cust}，您好。"]

FAST_T = ["半小时内", "一小时内", "两小时内", "今天下午五点前", "今天下班前", "今晚八点前"]
SLOW_T = ["明天下班前", "三个工作日内", "这周之内", "48小时内", "下周一之前"]

# (phrase, hours from now); "now" is about 14:00 on a weekday afternoon
TIMES = [("半小时内", 0.5), ("一小时内", 1), ("两小时内", 2), ("今天下午五点前", 3), ("今天下班前", 4),
         ("今晚八点前", 6), ("今晚十点前", 8), ("明早十点前", 20), ("明天十二点前", 22),
         ("明天下午五点前", 27), ("明天下班前", 28), ("后天上午", 44), ("后天中午前", 46), ("后天下午", 50),
         ("后天晚上", 54), ("三天后", 72), ("四天后", 96), ("下周", 150), ("一周后", 168)]

# ---------------------------------------------------------------------------
# Weaker / bad reply pools
# ---------------------------------------------------------------------------

FORMULAIC = [
    "很抱歉造成不便，这边会抓紧安排，多谢体谅。",
    "这次让您受累了，向您致歉，已做记录，会尽快答复。",
    "十分抱歉！这事我们很重视，会第一时间安排，请稍候。",
    "抱歉让您体验不佳，我们一定改进，谢谢您的反馈。",
    "让您有不好的感受，实在抱歉，您的意见我们会认真对待并尽快处理。",
    "您的心情我们可以理解，在此表示歉意，问题会尽快得到解决。",
]
FORMULAIC_TAIL = ["还有别的疑问可以随时留言。", "再次向您致歉。", "祝您一切顺利！", "谢谢您一直以来的信任。"]
PARROT_TAIL = ["您的心情我们能理解。", "这个问题我们会反馈的。", "您还有其他需要补充的吗？"]
BLAME_LEAD = ["理解您的心情，不过", "我明白您不高兴，但", "先别激动，", "您的感受我知道，不过"]
BLAME_TAIL = ["您自己也再检查一下吧。", "下次注意一点就好了。", "这种情况我们也是第一次听说。"]
UPSELL_TAIL = ["名额有限，要的话我帮您登记。", "活动这周末就截止了。", "很多老客户都办了，反馈不错。"]

VAGUE = [
    "这个情况我了解了，我们会尽快跟进处理的。",
    "我这边帮您反馈一下，有结果再通知您。",
    "您别着急，我们会想办法帮您解决的。",
    "好的，这边给您记录下来，后续会有安排。",
    "我们会认真核实，尽快给您一个满意的处理。",
    "收到，这事我们会重视，后面看看怎么弥补您。",
    "我们内部会讨论一下处理方案，请您放心。",
]

VAGUE_WARM_TAIL = [
    "我们会尽快想办法，争取给您一个满意的结果。",
    "这边会跟进的，有消息再告诉您。",
    "我们内部会商量一下怎么补救。",
    "后续一定会给您一个交代。",
    "会尽力帮您处理好的，您先别着急。",
]

SCRIPTED = [
    "亲，实在抱歉让您不开心了呢~您的问题小助手已经登记啦，会尽快帮您处理，请稍等一下哦，谢谢您对{brand}的喜爱！",
    "尊敬的客户您好，来信已收悉。您所反馈的事项已登记在册，相关部门会在规定时限内处理，若有其他疑问可随时咨询，顺祝生活愉快！",
    "您好，您的反馈已收到。{brand}一向把客户满意放在首位，我们将依照服务流程为您妥善处理，谢谢您的耐心。",
    "亲亲，给您添堵真不好意思哦~每位顾客的感受我们都很在意，问题已经提交上去啦，一有消息就通知您，祝您天天开心~",
    "尊敬的顾客，{brand}对您此次的遭遇表示歉意。您的意见已记录存档，我们将按公司既定流程处理，烦请静候处理结果。",
    "您好，感谢选择{brand}。针对您本次反映的情况，我们高度重视，已同步至相关负责部门，待查明后将按服务标准给予处理，期间如有疑问可随时在线咨询，再次感谢您的配合！",
    "亲爱的顾客您好~小助手已收到您的反馈啦！每一条意见对我们都很重要，我们会尽早安排专人跟进，请保持手机畅通，静候佳音哦，祝您每天好心情~",
    "尊敬的客户：您反馈的问题已生成服务记录，我们将严格按照{brand}服务规范流程处理，结果将通过短信或站内信告知。给您添的麻烦请多包涵，感谢您对我们工作的监督。",
]

CALLBACK = [
    "您这事我转到{dept}那边了，他们会尽快跟您联系。",
    "这个要{dept}来处理，工单我帮您提了，稍后会有专人给您回电。",
    "我这边先登记，会有同事在工作时间内联系您跟进。",
    "已经帮您往上报给{dept}主管了，您留意手机，等他们回复。",
    "这类问题我这边权限不够，已经转交{dept}，请您等通知。",
]

PARROT = [
    "您是说{p}，对吗？我明白了，{p}确实是个问题。",
    "我复述一下：您遇到的情况是{p}，是这样吧？",
    "好的，{p}，这些我都听到了，您是对这个情况不满意，对吧？",
    "您的意思是{p}，所以您很{e}，对吗？我理解。",
    "收到，您说的是{p}。嗯，{p}，我记下了，您现在很{e}，是吧？",
]

BLAME = [
    "这个情况我们也没辙，{bc}。",
    "{bc}，这个我们不好负责。",
    "我们的流程都是标准的，{bc}。",
    "说实话{bc}，这我们也管不了。",
    "这个真不能全怪我们，{bc}。",
]

BLAME_OTHER = [
    "这个要怪{third}，不是我们这边的问题，您可以直接去找他们。",
    "问题出在{third}那边，我们也很无奈，您去跟他们沟通吧。",
    "我们这边没问题，是{third}的原因，您得找他们。",
]

BRUSH = [
    "这种情况很少见，您再观察观察吧。",
    "我们这边显示一切正常，没什么问题。",
    "这个不归我管，您看着处理吧。",
    "您先等着吧，排到了自然会处理。",
    "这都是小问题，不影响的。",
    "您说的这个我们没办法，规定就是这样。",
]

OFFTOPIC = [
    "对了，{brand}这周在做周年庆，您关注一下公众号，有很多福利哦。",
    "顺便问一下，您是从哪里知道我们{brand}的呀？我们在做个小调查。",
    "我们{branch}的营业时间是早九点到晚九点，欢迎您随时过来。",
    "您是我们的老客户啦，下个月会员日记得来参加活动哦。",
    "我们刚换了新的会员系统，积分规则也更新了，您有空可以看看。",
]

UPSELL_LEAD = ["您说的我记下了。", "好的，收到。", "明白。", "", "情况我知道了。"]

OVER_T = [
    "{lead}{fix}，而且我向您保证，{over}！",
    "{lead}您放心，我拍胸脯保证{over}。{fix}，{t}办好。",
    "{lead}不光{fix}，我还能保证{over}。",
    "{lead}我跟您打包票：{over}。另外{t}{fix}。",
]

# ---------------------------------------------------------------------------
# Context pools
# ---------------------------------------------------------------------------

A_GREET = ["您好，这里是{brand}在线客服，我是{agent}，请问遇到什么问题了？",
           "您好~我是{brand}的{agent}，您说。",
           "在的，{brand}客服{agent}，请讲。",
           "您好，{agent}为您服务，请问有什么需要？"]
A_ASK = ["抱歉遇到这种情况，麻烦发一下{rec_label}，我马上调记录。",
         "收到，您把{rec_label}给我，我这边查一下。",
         "明白了，能提供一下{rec_label}吗？我看下具体情况。",
         "我先帮您查，{rec_label}方便发我吗？",
         "好的，您的{rec_label}是多少？"]
A_ASK_WHEN = ["是哪天在哪家店{verb}？我去翻记录。",
              "您大概是哪天{verb}？我对一下记录。",
              "好的，我先按您的手机号查，是哪天的单子？"]
A_ASK_PHONE = ["您注册用的手机号是多少？我去后台看看。",
               "方便说一下账号绑定的手机号吗？我查下提交记录。"]
A_ACK = ["收到，我马上查一下。", "好的，我这边先看下记录，稍等。", "明白，我调一下这单的情况。",
         "您先别急，我查一下。", "了解，我核实一下，马上回您。"]
A_CHECK = ["查到了，{look}。我跟{tech_title}{tech}确认一下处理方案，您稍等。",
           "记录调出来了，{look}。给我几分钟，我把方案定下来。",
           "看到了，{look}。我这边先跟{tech}沟通，马上回您。",
           "核实了一下，{look}。稍等，我在协调。"]
A_HOLD = ["在跟{tech}沟通了，马上给您答复。", "方案在确认，再给我两分钟。",
          "{tech}那边正在看，稍等一下哈。", "我在跟{dept}对接，很快回您。"]
C_INFO = ["{rec_label}{rec}", "{rec_label}是{rec}，{date}在{branch}{verb}", "单号{rec}。{date}{verb}",
          "{rec}", "给，{rec}"]
C_INFO_NOREC = ["{date}在{branch}{verb}", "{date}{verb}，{branch}", "就{date}那天，{branch}"]
C_INFO_PHONE = ["手机号{phone}", "{phone}", "是{phone}这个号"]
C_PUSH = ["好，快点", "嗯，我等着", "行吧，别让我等太久", "那你们快点，我还有事", "还要多久？", "好的", "嗯"]

NEW_URGE = ["所以现在怎么处理？", "你就直接说怎么解决吧", "啥时候能弄好啊", "我不想再拖了，给个准话",
            "麻烦快一点", "等你回复呢", "这事你们打算怎么办", "说吧，怎么弄", "我要的是解决办法",
            "怎么样了？", "然后呢", "你们看着办吧，我等着"]
NEW_EMO = ["", "", "", "真的服了，", "说实话挺失望的，", "唉，", "我已经很耐心了，", "气死我了，", "我真的没时间跟你们耗，"]

# ---------------------------------------------------------------------------
# Conflict-family pools
# ---------------------------------------------------------------------------

INFO = {
    "rec": dict(give=["{rec_label}{rec}", "{rec_label}是{rec}", "单号：{rec}", "{rec}这个单号你们自己查"],
                ack=["您给的{rec_label}{rec}我已经调出来了", "{rec}这单我查到了", "按您发的{rec_label}{rec}查了",
                     "{rec_label}{rec}的记录我看过了"],
                ask=["麻烦把{rec_label}贴过来", "您把{rec_label}告诉我", "先发我一下{rec_label}",
                     "您把{rec_label}报一下"]),
    "photo": dict(give=["照片发你了，三张，拍得很清楚", "[图片][图片][图片] 你自己看", "刚才那几张照片就是现场的样子",
                        "照片都在上面，自己看"],
                  ack=["您发的照片我一张张看过了", "照片看到了，情况很清楚", "从您拍的照片能看得很清楚",
                       "几张照片我都放大看了"],
                  ask=["麻烦您拍几张照片发我", "您先拍个照片给我看看", "发几张现场照片过来",
                       "方便的话拍张照片给我"]),
    "screenshot": dict(give=["截图在这儿，付款记录和页面都截了", "[截图] 就是这个页面", "付款截图我刚发了",
                             "截图发你了，扣款记录很清楚"],
                       ack=["您发的截图我看到了", "截图里的记录很完整", "截图我核对过了"],
                       ask=["麻烦截个图给我", "把付款页面截图发过来", "您截一下付款记录发我"]),
    "phone": dict(give=["我手机号{phone}，有事发短信", "电话{phone}", "联系电话是{phone}"],
                  ack=["尾号{tail}的号码我已经登记上了", "您留的{phone}我记下了", "电话{phone}我备注好了"],
                  ask=["留一个您的手机号给我", "麻烦发一下您的联系电话", "手机号码给我留一个"]),
    "address": dict(give=["地址是{addr}", "我在{addr}", "地址：{addr}"],
                    ack=["地址{addr}我已经填到单子上了", "按您给的{addr}安排", "{addr}这个地址我登记好了"],
                    ask=["麻烦把详细地址发我", "把具体地址告诉我", "给我一个详细地址"]),
    "amount": dict(give=["一共{pay_vp}{price}元", "当时{pay_vp}{price}", "金额是{price}块"],
                   ack=["{pay_np}{price}元我核对过了", "{price}元这笔我对上了", "您说的{price}元跟记录一致"],
                   ask=["告诉我一下当时{pay_vp}多少钱", "麻烦报一下金额", "金额跟我说一声"]),
}

BAD_ASK_WRAP = ["{ask}，收到以后{t}{fix}。", "{ask}，我拿到马上处理，{t}{fix}。",
                "为了尽快处理，{ask}，我这边{t}{fix}。", "{ask}。确认完我{t}{fix}。",
                "{ask}就行，剩下的交给我，{t}{fix}。"]
GOOD_ACK_WRAP = ["{ack}，{look}。", "{ack}。{look}，", "{ack}；我这边查到{look}。", "{ack}。"]
EXTRA_ASK = ["另外，方便的话{ask}，不着急。", "顺带一句，{ask}，我好备注。"]

ACK_TRIED = ["您说{tried}都试过了，那就不用再折腾了，问题在我们这边。",
             "{tried}您都已经做过了，那肯定不是您手机的问题。",
             "既然{tried}，这些步骤就别再重复了。",
             "{tried}——这些您都试过了，辛苦了，剩下的我来。",
             "{tried}，这些常规办法您都用过了，说明毛病出在我们系统上。",
             "看到您{tried}，前面能做的您都做了。",
             "{tried}这些您都弄过了，不用再试。"]
STEP_DECOY = ["您说{done_step}，那这一步就跳过，", "{done_step}这个我知道了，", "既然{done_step}，",
              "{done_step}您已经做过了，不用再折腾那个，", "看到您{done_step}，"]
BP_DECOY = ["答应您的事这次一定办到。", "不会再让您干等。", "这次说到做到。", "您放心，这回不让您白等。",
            "这回不找借口。", "这次我们说话算数。", "不再让您干等。"]
AV_DECOY = ["", "", "按您的时间，", "照您方便的来，"]
DL_DECOY = ["知道您赶时间，", "我尽量抓紧，", "您着急我明白，"]
Q_DECOY = ["您的问题我都记下了。", "您说的我都看了。", "您问的情况我了解了。"]
BAD_STEP_WRAP = ["麻烦您先{instr}，一般就能恢复；{t}还不行的话我{backend}。",
                 "您{instr}试试，我这边同步盯着，{t}给您确认结果。",
                 "建议先{instr}，这一步能解决大部分情况，我{t}再跟进一次。",
                 "您这样：先{instr}，然后重新提交，{t}我再核对一遍。"]
TRIED_DETAIL = ["{a}，{b}，还是不行", "{a}，{b}，全都没用", "能试的都试了：{a}，{b}",
                "{a}；{b}。一点用没有"]
TRIED_DETAIL3 = ["{a}，{b}，{c}，一样不行", "{a}，{b}，{c}……全试了", "能想到的都弄了：{a}，{b}，{c}，没一样管用"]
FLOW_OPEN = ["{name}一直用不了，{sym}", "你们的{name}是不是坏了？{sym}", "{sym}，{name}到底怎么回事",
             "用{name}的时候{sym}"]

CHANNEL = [
    dict(kind="phone",
         refuse=["别给我打电话，上班不方便接，就在这儿打字说", "不要打电话！我在开会，文字沟通",
                 "电话就别打了，我这边不方便接，打字吧", "有事发消息，别打电话"],
         good=["后面的进展我都在这个对话框里用文字发您，不打电话打扰您。", "全程在这里文字跟您同步，有要确认的我也直接打字问您。",
               "您不方便接电话，我们就在这儿文字沟通，每一步我都写给您。"],
         bad=["我{t}给您打个电话，把细节说清楚。", "稍后让{tech}直接给您打电话沟通方案。",
              "我拨个语音过来，两分钟就能说完。", "{t}我电话联系您，当面说更快。"]),
    dict(kind="visit",
         refuse=["我不想再跑{visit}了，来回一趟半天", "别让我再过去了，太远", "我没空再去{visit}，线上办吧"],
         good=["全程线上给您办，不用您再跑一趟。", "不用您再过来，手续我这边线上走完。",
               "您不用出门，结果我直接发到这里。"],
         bad=["麻烦您{t}抽空到{branch}来一趟，当面给您办好。", "您方便的时候再来{visit}一次，现场给您处理。",
              "请您带上凭证来{branch}，我们当面核对后办理。", "您{t}过来一趟，我在{branch}等您。"]),
    dict(kind="door",
         refuse=["别派人上门，家里只有老人在", "不要上门，我家不方便", "上门就算了，我不在家"],
         good=["不用上门，线上就能办完。", "不派人上门，所有手续在线上走。", "不上门打扰您，我这边远程处理好。"],
         bad=["我{t}安排{tech}上门处理。", "让{tech}上门看一下，十分钟就好。", "明天派人上门当面给您办。"]),
    dict(kind="video",
         refuse=["视频就算了，我不方便露脸", "别开视频，发文字就行", "不视频，有事打字"],
         good=["不用视频，按记录我们直接处理。", "不需要开视频，文字说清楚就够了。", "视频不用开，这边按记录直接办。"],
         bad=["我们开个视频，{tech}两分钟就能帮您判断。", "约个视频通话，让{tech}在线看一下。",
              "您开一下视频，我们远程确认后马上处理。"]),
]
A_OFFER = ["这样，{offer}，您看行吗？", "要不{offer}？", "我这边可以{offer}，您觉得呢？"]

DL_DETAIL = ["{text}，必须在这之前弄好", "{text}，你们得抓紧", "{text}！能赶得上吗", "跟你说清楚：{text}",
             "{text}，时间很紧"]
DL_ACK = ["赶在{short}，", "您{short}要用，所以", "保证在{short}弄好：", "考虑到您{short}的安排，", ""]

WF_FP = [
    (("date", "branch"), "您{date}在{branch}{verb}这单"),
    (("branch", "item"), "{branch}那单{item}"),
    (("item", "price"), "{item}那笔{price}元"),
    (("date", "item"), "{date}{verb}{item}"),
    (("tech",), "{tech}经手的那次"),
    (("date", "branch", "price"), "{date}{branch}那笔{price}元的单子"),
    (("price",), "{pay_np}{price}元"),
    (("rec",), "{rec_label}{rec}这单"),
]
WF_WRAP = ["{fp}我已经核对过了。", "我把{fp}的记录重新看了一遍。", "{fp}，情况我清楚了。",
           "{fp}我这边查得很清楚。", "关于{fp}，我跟同事确认过了。"]
WF_DETAIL_C = ["{date}在{branch}{verb}{item}，{price}元", "我是{date}去{branch}{verb}，{item}，{pay_vp}{price}",
               "{date}在{branch}，{item}，{price}块"]
WF_TECH_C = ["，当时是{tech}给弄的", "，{tech}负责的", ""]
WF_DETAIL_A = ["查到了：您{date}在{branch}{verb}{item}，{price}元，当时是{tech_title}{tech}负责的。{look}。",
               "记录在这：{date}，{branch}，{item}，金额{price}元，经手人{tech}。{look}。"]

Q_DETAIL = ["另外问一下，{q}", "还有，{q}", "{q}", "顺便问下{q}", "对了，{q}"]
ANS_T = ["先回答您的问题：{ans}。", "您问的这个，{ans}。", "{ans}，这点可以放心。", "答您刚才那句：{ans}。"]
ANS_TAIL = ["另外您问的，{ans}。", "还有您问的那个：{ans}。"]
ROUGH_T = ["您问的那个，{rough}吧，具体以规定为准。", "{rough}，细节我再帮您确认。", "您问的那个，大概是{rough}。"]

OWN_UNAV = ["没能早点跟您说清楚，怪我们疏忽。", "让您这边落空了，这个责任我们担。",
            "这事安排得不周到，怪我们。", "给您添了这个麻烦，是我们考虑不周。",
            "没早点提个醒，是我们疏忽了。"]
UNAV_E = ["着急", "失望", "不甘心", "遗憾"]
UNAV_REACT = ["啊？那怎么办，我这边挺急的", "那不是白等了", "这也太不凑巧了", "那我怎么办", "不是吧……"]
UNAV_GOOD_WRAP = ["{good}，{t}给您落实。", "我的建议是：{good}，{t}就能安排好。", "能做到的是{good}，我{t}给您确认。",
                  "这样：{good}。我{t}把细节发您。"]
UNAV_BAD_WRAP = ["{bad}，您放心。", "我这边安排好了：{bad}。", "这样，{bad}，到时候我提前跟您确认。",
                 "没问题，{bad}，这个我来协调。"]
UNAV_G2_WRAP = ["我去协调一下，{t}给您答复，大概是{good}。", "可以考虑{good}，我{t}回复您具体安排。"]

BP_OLD_T = ["上午十一点", "中午十二点", "下午一点", "上午十点"]
BP_NEW_T = ["半小时内", "一小时内", "两小时内", "今天下午五点前", "今晚七点前", "今晚八点前", "明早十点前",
            "明天十二点前"]
BP_GOOD_T = ["十分钟内", "半小时内", "一小时内", "两小时内", "今天下午四点前"]
BP_KINDS = [
    dict(kind="callback", noun="回电",
         promise=["我跟{tech}确认好方案后，{old}前给您回电话。", "登记好了，{old}前我给您打电话说处理方案。"],
         recount=["你们说{old}前给我回电话，我一直等着，电话呢", "说好{old}前回电话，到现在一个电话都没有"],
         bad=["我{new}回个电话过来，把处理方案讲清楚。", "{new}让{tech}给您打电话说方案。",
              "您再稍等一下，{new}我一定打过来。", "{new}我亲自打给您，电话里把方案说清楚。"],
         good=["方案直接在这儿给您：{fix}，{gt}办好。", "不用再等电话，我现在就把方案说清楚：{fix}，{gt}落实。",
               "这次直接给结果：{gt}{fix}。"]),
    dict(kind="plan", noun="处理方案",
         promise=["我去协调，{old}前把处理意见告诉您。", "您放心，{old}前给您答复。"],
         recount=["说{old}前给方案，方案呢", "你们答应{old}前给我答复，结果到现在都没有"],
         bad=["{new}给您一个明确的处理方案。", "我{new}把方案整理好发您。", "{new}一定给您答复。",
              "我去协调，{new}给您准话。"],
         good=["方案现在就给您：{fix}，{gt}办好。", "方案已经定了：{fix}，{gt}落实。", "不再让您等方案了，{gt}{fix}。"]),
    dict(kind="visit", noun="上门",
         promise=["已经安排好了，{old}让{tech}上门处理。", "{old}{tech}会上门，您在家等就行。"],
         recount=["说好{old}上门，我在家等到现在，人影都没有", "你们说{old}派人上门，一个人影都没见着"],
         bad=["{new}安排{tech}上门处理。", "我{new}让师傅上门，到之前先联系您。", "{new}给您派人上门。"],
         good=["我已经让{tech}现在出发，{gt}到您那儿，路上我每半小时给您报一次位置。",
               "这次不再排期了，{tech}已经出发，{gt}到，到门口前先给您发消息。"]),
]
BP_ACK = ["先认个错：{old}前答应您的{noun}没兑现，我们没守信。",
          "{old}那个{noun}我们食言了，对不起，这次不再让您干等。",
          "说好的{old}没做到，这个错在我们，不找借口。",
          "{old}答应您的事没办到，实在抱歉。",
          "您等了一上午，{old}的{noun}却没有下文，是我们说话不算数。",
          "{old}前给您的承诺落空了，让您白等，我先道歉。",
          "上次约好{old}，我们没跟上，没尽到责任。"]
BP_ACK_SHORT = ["上次没按时给您回复，是我们不对。", "之前让您白等了。", "上次答应的事没跟上。"]
BP_NEW = ["都这个点了，还是没动静", "人呢？说好的呢", "我就问一句，你们说话算不算数？", "等到现在，一点消息都没有",
          "所以又要让我等？", "然后就没下文了？"]
A_OK_BYE = ["好的，有进展马上联系您。", "收到，您先忙。", "好的，请您稍等。"]
C_OK = ["行，那我等着", "好，别忘了", "可以，我等你们消息", "嗯，那就这样"]

AVAIL = [
    ("工作日白天都要上班，只有晚上七点以后或者周末有空", lambda d, p: d >= 6 or p == "晚上", "工作日白天不方便"),
    ("周末要陪孩子上课，工作日哪天都行", lambda d, p: d <= 5, "周末不方便"),
    ("我只有周三、周四下午有空", lambda d, p: d in (3, 4) and p == "下午", "只有周三周四下午有空"),
    ("这周一到周五都在外地，周六才回来", lambda d, p: d >= 6, "周六才回来"),
    ("上午要送孩子，下午两点以后都行", lambda d, p: p in ("下午", "晚上"), "上午不方便"),
    ("晚上不方便，白天都可以", lambda d, p: p in ("上午", "下午"), "晚上不方便"),
    ("周二周三都不行，其他时间随意", lambda d, p: d not in (2, 3), "周二周三不行"),
    ("只有周末上午能在", lambda d, p: d >= 6 and p == "上午", "只有周末上午有空"),
]
DAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
PART_HOURS = {"上午": ["九点", "十点", "十点半", "十一点"], "下午": ["两点", "三点", "三点半", "四点"],
              "晚上": ["七点", "七点半", "八点"]}
AV_DETAIL = ["{text}", "先说好，{text}", "{text}，你们排的时候注意", "{text}，麻烦照这个排"]
A_NEED = ["这个需要{appt}才能处理好，您这周哪些时间方便？", "得安排{appt}，您一般什么时候有空？",
          "要{appt}一次，您看哪天合适？"]
A_OKAY = ["好的，我按您的时间去排。", "收到，我这就去协调。", "明白，我跟{tech}对一下档期。"]
AV_NEW = ["排好了吗？哪天？", "所以定在什么时候？", "时间定了没有", "安排好了吗"]
AV_GOOD = ["我把{appt}约在{slot}，到时候{fix}。", "给您定在{slot}{appt}，{fix}。", "{slot}{appt}，由{tech}负责，{fix}。",
           "时间定在{slot}，{appt}，{fix}。"]
AV_ACK = ["您说{short}，所以", "按您说的{short}，", "", ""]

# ---------------------------------------------------------------------------
# Domain knowledge.  Every sentence below was written for this generator.
# Field guide (per domain):
#   brands / branches / items (name, price) / verb (how the purchase is said)
#   staff (name, title) / rec_label + rec_fmt (record number format)
#   dept (team a case is handed to) / third (outside party a bad reply blames)
#   visit (place the customer would have to travel to, "" if none)
#   home (True when staff come to the customer's address)
#   issues: p (neutral summary), c (complaints), f (specific feelings),
#           e (emotion words), cause (our side), fix (concrete step),
#           look (what a lookup finds), done (already done), bc (blame line)
#   flow: failing self-service flow (steps are (tried, instruction) pairs)
#   prefs: remedy the customer refuses / wants, bad offers, good offer
#   qa: (question, exact answer, rough answer)
#   unavail: things that cannot happen, with an honest alternative
#   deadlines: (reason, short form, hours from "now" ~ 14:00 today)
#   appt / over / upsell
# ---------------------------------------------------------------------------

DOMAINS = [
    dict(
        key="tire_service", label="轮胎店",
        brands=["驰途轮胎养护", "路稳换胎中心", "快胎工坊"],
        branches=["滨江店", "西环路店", "高新区店", "北站店"],
        items=[("静音舒适型205/55R16轮胎四条", 1960), ("SUV耐磨型235/60R18轮胎两条", 1580),
               ("防爆胎225/45R17四条", 3280), ("四轮定位加动平衡套餐", 198), ("蘑菇钉内补", 60)],
        verb="做的",
        staff=[("孙志强", "技师组长"), ("刘海", "店长"), ("周倩", "客服主管"), ("马立新", "资深技师"), ("何敏", "前台客服")],
        rec_label="工单号", rec_fmt="TS{yy}{mm}{dd}{d4}",
        dept="技术组", third="轮胎厂家", visit="店里", home=False,
        issues=[
            dict(p="新换的胎一上高速方向盘就抖",
                 c=["前天刚在你们店换的四条胎，上高速方向盘抖得厉害，你们到底做没做动平衡？",
                    "新胎装完开到八十码以上方向盘就开始抖，吓人",
                    "换完胎方向盘一直在抖，这钱花得真冤"],
                 f=["花钱换的新胎一上高速方向盘就抖，一路开得提心吊胆",
                    "换胎本来图个安心，结果开起来反而更不踏实"],
                 e=["心慌", "窝火", "不踏实"],
                 cause="装胎那天师傅做完动平衡没有复检，平衡块贴少了一块",
                 fix="免费给您重新做动平衡并复检，顺带把四轮定位也查一遍",
                 look="那天施工单上动平衡复检一栏是空的",
                 done="已经让技师组长把那天的施工单调出来了",
                 bc="高速上抖也可能是您车子悬挂老化了"),
            dict(p="刚补过的胎没几天又漏气",
                 c=["上周补的胎，这才几天又瘪了，早上差点出不了门",
                    "补胎的地方又漏气了，胎压灯亮了一路",
                    "你们补的胎怎么又漏了？？？"],
                 f=["刚补好的胎没几天又瘪了，早上急着出门却被困在停车场",
                    "以为补完就没事了，结果胎压灯又亮，一路上心里发毛"],
                 e=["着急", "恼火", "不踏实"],
                 cause="当时用的是外补胶条，没按规范给您做内补",
                 fix="重新给您做蘑菇钉内补，这次一分钱不收",
                 look="工单上记的补胎方式是外补胶条，不是我们规定的内补",
                 done="已经跟当班师傅核实过当时的补法",
                 bc="可能是您后来又扎到钉子了"),
            dict(p="换胎时轮毂被刮花了",
                 c=["换个胎把我轮毂刮了一大道，回家才发现",
                    "轮毂边上多了好几道划痕，换胎前明明没有",
                    "你们师傅扒胎把我轮毂刮了，自己看看"],
                 f=["好好的轮毂换个胎回来多了几道划痕，心疼又憋屈",
                    "车一直爱惜着开，轮毂被刮了还是回家才发现，这口气确实咽不下"],
                 e=["心疼", "憋屈", "生气"],
                 cause="拆装时扒胎机的护垫没有垫好",
                 fix="把轮毂划痕修复到原样，修复的钱一分不用您出",
                 look="那天的施工监控里能看到扒胎时护垫滑开了",
                 done="已经把那段监控截下来留存",
                 bc="划痕说不定是您之前路边停车蹭的"),
            dict(p="装上去的轮胎型号和订单不一致",
                 c=["我订的是静音胎，装上去的却是普通款，胎侧字都不一样",
                    "你们给我装的型号跟订单对不上",
                    "多花钱选的静音款，结果装了个便宜的？"],
                 f=["专门挑的静音款，装上去的却是别的型号，像被糊弄了一样",
                    "多花钱选的型号没装上，心里像被人摆了一道"],
                 e=["气愤", "失望", "憋屈"],
                 cause="仓库出库时拿错了货，师傅装之前也没核对胎侧型号",
                 fix="把四条胎换回您订的静音款，差价和工时费全免",
                 look="出库记录显示那天拿出去的是普通舒适款",
                 done="已经让仓库把您订的静音款单独留出来",
                 bc="提车的时候您应该当场核对一下型号"),
            dict(p="预约了到店还等了两个多小时",
                 c=["约的十点，硬是等到十二点半才开工，一上午全废了",
                    "预约有什么用？到店还要排两个小时",
                    "我提前三天约的，来了还得干等"],
                 f=["特意请假按点到店，结果干等两个多小时，半天时间全搭进去了",
                    "明明提前预约了，到店还得傻等，预约跟没约一样"],
                 e=["烦躁", "窝火", "无奈"],
                 cause="前台把您的预约和临时进店的车排在了同一个工位",
                 fix="退还这次的工时费，下次保养给您留一个专属工位",
                 look="预约系统里您是十点的号，工位却被临时进店的车占了",
                 done="已经提醒前台把预约车和临时进店的车分开排",
                 bc="周末人多，排队是正常的"),
        ],
        flow=dict(name="小程序预约",
                  sym="选好门店和时间点提交，一直转圈，最后提示预约失败",
                  steps=[("退出小程序重新进了好几次", "先把小程序彻底退出再重新进"),
                         ("清过微信缓存", "清一下微信缓存"),
                         ("WiFi和流量都换着试了", "换个网络，把WiFi换成流量"),
                         ("手机也重启过", "把手机重启一下"),
                         ("换了别的时间段重新提交", "换个时间段重新提交一次")],
                  backend="在后台直接把您的预约录进去，确认短信发到您手机上",
                  f=["周末就想把胎换了，预约却怎么都提交不上，来回折腾半天",
                     "按步骤点了一遍又一遍还是失败，越试越上火"],
                  e=["烦躁", "着急"],
                  cause="这两天预约接口改版，有一部分门店的时段没同步，毛病在我们系统上",
                  look="后台能看到您今天提交了好几次，都卡在同一步"),
        prefs=[
            dict(refuse=["别再跟我说重做了，已经返工过一次", "不想再返工了，折腾不起"],
                 want=["直接把这次的钱退给我", "退钱就行"],
                 bad=["再免费给您返工一次", "安排师傅重新施工一遍，这次保证做好", "让组长亲自再给您重做一次"],
                 good="把这次的施工费按原付款方式退给您"),
            dict(refuse=["保养券我不要，我又不常来", "别送券了，用不上"],
                 want=["把差价退给我", "差价退现金"],
                 bad=["送您两张保养券作为补偿", "给您账户加一张三百元代金券", "补您一次免费四轮定位的券"],
                 good="把差价直接退给您，走您付款时用的渠道"),
        ],
        qa=[("补一个胎多少钱？", "蘑菇钉内补一次60元，含动平衡", "补胎几十块钱"),
            ("四轮定位要做多久？", "四轮定位大概40分钟，加上动平衡一共一小时左右", "一个小时上下"),
            ("换下来的旧胎你们回收吗？", "旧胎可以留店回收，每条抵20元", "旧胎能回收，可以抵一点钱"),
            ("新胎质保多久？", "新胎质保两年或四万公里，以先到的为准", "大概两年左右")],
        unavail=[
            dict(req="我想把四条胎换成防爆胎225/45R17，今天能装吗？",
                 agent="查了一下，225/45R17的防爆胎目前全市门店都没货，厂家下周三才到。",
                 cust="门店刚跟我说防爆胎全市缺货，下周三才到货",
                 bad=["今天下午就把防爆胎给您装上", "明天一早给您调四条防爆胎过来装好"],
                 good="先把您现在的胎做一次全面检查保证安全，下周三到货当天第一个通知您来装",
                 f="想趁早把胎换好，偏偏要的型号没货"),
            dict(req="孙师傅上次给我做的定位，这次还想找他，明天行吗？",
                 agent="孙师傅这周在外地参加厂家培训，周日才回来。",
                 cust="孙师傅不是出去培训到周日才回来吗",
                 bad=["明天上午让孙师傅亲自给您做", "今天就安排孙师傅给您检查"],
                 good="明天上午先由资深技师马立新给您处理，孙师傅回来后再帮您复查一遍",
                 f="信得过的师傅偏偏不在，心里没底"),
        ],
        deadlines=[("明早七点要开车回老家，全程高速", "明早出发前", 17),
                   ("后天一早要跑长途送货", "后天出车前", 40),
                   ("今晚七点要去机场接人", "今晚七点前", 5)],
        appt=["到店重新检查", "到店复检", "到店处理"],
        over=["这套胎开十万公里都不会出任何问题", "以后您在我们店所有项目终身免费"],
        upsell=["现在店里充值两千送四次四轮定位，挺划算的，您要不要考虑一下？",
                "顺便提一句，我们新上了镀晶套餐，这个月八折。"],
    ),
    dict(
        key="wedding_banquet", label="婚宴酒店",
        brands=["云锦婚宴酒店", "满堂红宴会中心", "喜悦里婚礼酒店"],
        branches=["紫薇厅", "金禧厅", "湖景厅", "牡丹厅"],
        items=[("婚宴套餐A（每桌）", 3888), ("婚宴套餐B（每桌）", 4688), ("仪式场地布置", 6800),
               ("答谢宴套餐（每桌）", 2988), ("香槟塔加灯光秀", 1280)],
        verb="订的",
        staff=[("林悦", "婚宴销售经理"), ("赵子航", "宴会厅主管"), ("许晴", "婚礼策划师"), ("陈国栋", "行政总厨"), ("吴佳", "客服专员")],
        rec_label="合同编号", rec_fmt="WB{yyyy}-{d4}",
        dept="宴会部", third="婚庆公司", visit="酒店", home=False,
        issues=[
            dict(p="试菜定好的菜单在确认单上被换了两道",
                 c=["合同里写的清蒸石斑，确认单上怎么变成红烧鲈鱼了？",
                    "试菜定好的菜，发过来的确认单被改了两道，谁同意的？",
                    "菜单被你们偷偷换了，我们试菜的时候根本不是这样"],
                 f=["一辈子就办一次的婚宴，定好的菜被悄悄换掉，心里特别不踏实",
                    "试菜时一道道挑好的，转头确认单就变了，像被糊弄了"],
                 e=["不踏实", "气愤", "委屈"],
                 cause="销售录确认单时套用了旧模板，没照试菜记录改",
                 fix="按试菜记录重出一份菜单确认单，逐道标明，总厨签字后发您",
                 look="试菜记录上写的确实是清蒸石斑，确认单是后来录错的",
                 done="已经把试菜记录和确认单调出来逐道对照了",
                 bc="可能是您签字时没仔细核对"),
            dict(p="改期后的差额一直没退",
                 c=["婚期改了以后说退我差价，两周了钱还没到",
                    "改档期的差额说好退，一直拖着是什么意思",
                    "差价到底退不退？我问了三次了"],
                 f=["筹备婚礼已经够忙了，还得一遍遍追一笔该退的钱，又累又憋屈",
                    "改期本来就糟心，差额还拖着不退，感觉被晾在一边"],
                 e=["憋屈", "着急", "心累"],
                 cause="改期差额的退款申请卡在销售那一步，一直没提交给财务",
                 fix="把改期差额走加急退款，按原支付渠道退给您",
                 look="改期单是批了的，但退款申请一直没流转到财务",
                 done="已经找到卡住的那一步",
                 bc="退款慢一般是银行那边的流程"),
            dict(p="婚礼前一天的布置时间被另一场活动占了",
                 c=["我们订的厅，婚礼前一天下午说要先给别人开会，那我们什么时候布置？",
                    "听说我们那天的厅前面还排了一场活动？合同里没提过啊",
                    "布置时间被挤掉了？你们怎么排的"],
                 f=["眼看婚礼就到了，突然听说厅被别人占用，布置时间被挤掉，心里一下子慌了",
                    "付了全款的场地还得跟别人抢时间，感觉不被当回事"],
                 e=["心慌", "生气", "寒心"],
                 cause="排期时没把您的布置时段锁进系统",
                 fix="撤掉那场会议的占用，把婚礼前一天下午两点以后整段时间留给您布置",
                 look="排期表里您的布置时段确实没锁定",
                 done="已经跟宴会厅主管确认那场会议可以挪走",
                 bc="合同里本来也没写布置时间"),
            dict(p="婚宴当天上菜慢、服务员态度差",
                 c=["婚宴那天上菜隔二十分钟才一道，有桌客人都走了，服务员还爱答不理",
                    "我们婚宴那天服务太差了，亲戚到现在还在说",
                    "那天的上菜速度你们自己去看看监控吧"],
                 f=["一辈子一次的婚礼，当着亲朋好友出这种状况，又没面子又心疼",
                    "盼了那么久的日子被上菜慢和冷脸搅了，这份遗憾补不回来"],
                 e=["难受", "难堪", "遗憾"],
                 cause="当晚后厨同时出三场宴席，我们人手调配出了问题",
                 fix="退还当天的服务费，并按桌补偿一部分餐费",
                 look="当晚的出菜记录显示您那个厅中间断了两次",
                 done="已经把当晚的出菜记录和值班表调了出来",
                 bc="那天宾客到得晚，开席时间本来就推迟了"),
            dict(p="场地布置的颜色和方案对不上",
                 c=["明天就办酒了，今天来看布置，说好的香槟色全弄成了粉色！",
                    "布置跟效果图差太远了，花也少了一半",
                    "这是我们的方案吗？颜色完全不对"],
                 f=["对着效果图盼了几个月，到场一看完全不是那回事，失望透了",
                    "精心挑的主题被做成另一个样子，心里空落落的"],
                 e=["失望", "心塞", "气愤"],
                 cause="布置组拿错了另一对新人的方案单",
                 fix="按您确认的效果图重新布置，鲜花补齐，布置费退一半",
                 look="布置组领的方案单编号跟您的对不上",
                 done="已经让策划师拿着效果图到现场核对",
                 bc="鲜花会按季节调整，有出入是正常的"),
        ],
        flow=dict(name="小程序上的电子合同签署",
                  sym="点签署就跳回首页，合同一直显示待签署",
                  steps=[("账号登出又登进去过", "把账号登出再登进去"),
                         ("缓存也清了", "清一下缓存"),
                         ("换了我老公的手机也签不了", "换一个手机签"),
                         ("签署按钮点了不下十次", "再点一次签署"),
                         ("微信都更新到最新版了", "把微信更新到最新版")],
                  backend="把合同改成短信链接签署，链接直接发到您手机",
                  f=["婚礼一堆事要忙，签个合同还卡住，折腾半天没结果",
                     "怕档期被别人订走，合同偏偏签不上，越等越急"],
                  e=["着急", "烦躁"],
                  cause="小程序这两天签署接口在升级，我们事先也没打招呼",
                  look="后台看到您今天发起了好几次签署，都没有走到最后一步"),
        prefs=[
            dict(refuse=["代金券我不要，我们以后也不会再来办酒", "别给我折券，用不上"],
                 want=["该退的钱退到卡上", "直接退钱"],
                 bad=["给您折成一张宴会代金券", "补您一张等值的酒店消费券", "把补偿做成下次宴请的抵用券"],
                 good="把钱退回您付款用的那张银行卡"),
            dict(refuse=["别再给我加菜抵了，桌上菜已经够多", "加菜就算了，吃不完"],
                 want=["少算点钱", "直接在尾款里扣"],
                 bad=["每桌再免费给您加一道菜", "给每桌加个果盘和一道热菜作为补偿", "每桌送一道招牌菜"],
                 good="直接在尾款里减掉相应金额"),
        ],
        qa=[("一桌最多能坐几个人？", "我们的圆桌标准坐10人，最多能加到12人", "一桌十个人左右"),
            ("能自带酒水吗？", "可以自带酒水，不收开瓶费，白酒红酒都行", "酒水可以自带"),
            ("停车场能免费停多久？", "婚宴宾客凭请柬可以免费停车4小时", "宾客能免费停几个小时"),
            ("改期最晚要提前多久说？", "改期要提前30天书面申请，第一次不收费", "提前一个月左右说就行")],
        unavail=[
            dict(req="我们想订国庆那天的湖景厅，还能订吗？",
                 agent="国庆当天的湖景厅已经有新人付了全款，没法再接了。",
                 cust="你们前台说国庆那天湖景厅已经被别人订走了",
                 bad=["把国庆那天的湖景厅给您留出来", "国庆当天湖景厅给您安排上"],
                 good="国庆当天同档次的紫薇厅还空着，带您去实地看场地",
                 f="看中的日子和厅偏偏被别人先订了，心里落空"),
            dict(req="这次室内仪式想放冷焰火，可以加吗？",
                 agent="按消防规定，室内宴会厅是不能放冷焰火的。",
                 cust="你们说室内不让放冷焰火",
                 bad=["当天给您加放冷焰火", "冷焰火我们照样给您安排上"],
                 good="换成电子仿真烟花加灯光秀，效果很接近，也符合消防要求",
                 f="想给仪式留个好看的瞬间，却被规定卡住了"),
        ],
        deadlines=[("后天中午就是婚礼", "婚礼前", 46),
                   ("明天上午十点要带双方父母来酒店看场地", "明早十点前", 20),
                   ("今晚八点家里要开会定流程", "今晚开会前", 6)],
        appt=["到酒店当面核对", "跟策划师当面沟通", "到酒店面谈"],
        over=["婚礼当天一分钟都不会出岔子", "以后您家所有宴席我们都免费承办"],
        upsell=["顺便说一下，现在加订婚纱摄影套餐立减两千，有兴趣可以看看。",
                "您要不要再加两桌？现在加桌有优惠价。"],
    ),
    dict(
        key="appliance_recycling", label="旧家电回收",
        brands=["绿回收旧家电", "换新帮回收", "环焕旧机回收"],
        branches=["城东服务站", "江北服务站", "高新服务站", "南湖服务站"],
        items=[("双门旧冰箱", 150), ("旧滚筒洗衣机", 120), ("1.5匹旧挂式空调", 260), ("55寸旧液晶电视", 80), ("旧燃气热水器", 50)],
        verb="回收的", pay_np="给您的回收价", pay_vp="卖了",
        staff=[("郭建", "上门回收师傅"), ("邓丽", "客服主管"), ("田磊", "站长"), ("冯燕", "客服专员"), ("钱宇", "拆机师傅")],
        rec_label="回收单号", rec_fmt="HS{d8}",
        dept="调度中心", third="物流公司", visit="服务站", home=True,
        issues=[
            dict(p="约好上门的回收师傅没来",
                 c=["约了今天上午九点到十二点上门收冰箱，等了一上午没人来，电话也打不通",
                    "师傅说上午来，我请了假在家等，到现在人影都没有",
                    "你们到底来不来收？我等了一上午"],
                 f=["专门请了假守在家里一上午，人没来电话也没有，时间全白搭了",
                    "冰箱都腾空搬到门口了，结果等来一场空"],
                 e=["窝火", "无奈", "生气"],
                 cause="调度把您的单子派给了一位当天请假的师傅，没有改派",
                 fix="改派郭建师傅上门，出发时先给您发条消息",
                 look="派单记录里接单的师傅当天是请假状态",
                 done="已经把原来那张派单撤回",
                 bc="可能是您留的电话打不通，师傅联系不上您"),
            dict(p="上门后把线上估价压低了一半",
                 c=["下单时估价180，师傅到了只给80，说什么压缩机老化，这不坑人吗",
                    "线上估的价和上门给的差了一百块",
                    "说好的价格到了就变，你们就这么做生意？"],
                 f=["线上估价明明白白，师傅上门却当场砍掉一半，像被套路了",
                    "东西都搬出来了才压价，不卖麻烦，卖了又憋屈"],
                 e=["憋屈", "生气", "不痛快"],
                 cause="师傅没按线上估价规则办，自己加了一项折旧扣减",
                 fix="按下单时的线上估价把差额补给您",
                 look="线上估价单是180元，师傅结算填的是80元，中间没有任何质检记录",
                 done="已经让站长去核实师傅的扣减理由",
                 bc="线上估价只是参考，最终以师傅验机为准"),
            dict(p="搬运时把家里地板刮伤了",
                 c=["师傅搬冰箱直接在地上拖，木地板划了一长道",
                    "收个旧洗衣机，搬的时候把我家客厅地板刮了好几道",
                    "地板被你们的人拖坏了，新装修的！"],
                 f=["处理个旧家电，家里地板反倒被划坏了，心疼得不行",
                    "旧东西拉走无所谓，新装修的家被磕坏了，越看越难受"],
                 e=["心疼", "恼火", "难受"],
                 cause="师傅搬运时没有铺搬运垫，也没上护角",
                 fix="安排专业修补师傅上门把划痕修好，费用全部我们出",
                 look="师傅上传的搬运照片里确实没有铺保护垫",
                 done="已经对那位师傅做了停单处理",
                 bc="木地板本来就容易有划痕"),
            dict(p="回收款一直没到账",
                 c=["冰箱三天前就拉走了，说当天到账的钱到现在还没收到",
                    "回收款呢？东西都拿走了钱不给？",
                    "钱什么时候到？都三天了"],
                 f=["东西早被拉走，说好的钱却迟迟不到，心里一直悬着",
                    "当天说到账，三天了还没影，像被晾在一边"],
                 e=["着急", "不放心", "生气"],
                 cause="师傅回站后没在系统里确认完成，款项一直没有触发",
                 fix="手动把回收款打到您的微信零钱",
                 look="订单状态还停在“待确认”，所以款没发出去",
                 done="已经把订单手动改成已完成",
                 bc="到账时间要看微信那边的处理"),
            dict(p="以旧换新补贴要的回收凭证一直没开",
                 c=["以旧换新补贴要你们的回收凭证，催了一周还没开",
                    "回收证明迟迟不给，我补贴申请都要过期了",
                    "凭证到底什么时候开？"],
                 f=["就差一张回收凭证，补贴申请卡在那儿，眼看要过期，越等越慌",
                    "东西交给你们了，凭证还要一遍遍催，太耗人了"],
                 e=["着急", "心慌", "心累"],
                 cause="凭证要站点盖章，站点把您的申请漏掉了",
                 fix="开好盖章的回收凭证，电子版先发您，纸质版顺丰寄出",
                 look="站点的凭证申请列表里没有您这一单",
                 done="已经把您的申请补录进去",
                 bc="补贴快到期是您申请得太晚了"),
        ],
        flow=dict(name="APP里的预约上门",
                  sym="选完地址一点确认就提示“该区域暂不可预约”",
                  steps=[("账号登出又登进去了", "把账号登出再登进去"),
                         ("地址删了重新加了一遍", "把地址删掉重新添加"),
                         ("APP卸了重装过", "把APP卸载重装"),
                         ("WiFi流量都试过", "换个网络"),
                         ("隔了一个小时又试了一次", "过一会儿再试")],
                  backend="在后台直接给您建好上门单，预约时间发到您手机",
                  f=["旧冰箱占着地方，想约个上门却一直约不上",
                     "新家电都送到了，旧的就是约不走，越试越烦"],
                  e=["烦躁", "着急"],
                  cause="服务区域表更新时漏了您所在的小区",
                  look="后台看到您这几次预约都被区域校验拦下了"),
        prefs=[
            dict(refuse=["别给我转积分，积分我用不上", "不要积分"],
                 want=["直接转微信", "给现金"],
                 bad=["把补偿折成积分充到您账户", "给您账户加五百积分，下次回收能抵", "补偿用积分的形式发给您"],
                 good="把钱直接转到您的微信零钱"),
            dict(refuse=["别再派那个师傅来了", "原来那个师傅我不想再见"],
                 want=["换个人来", "换一位师傅"],
                 bad=["还是让原来那位师傅上门，他熟悉您家情况", "安排原师傅过去重新处理", "让上次那位师傅再跑一趟"],
                 good="换一位师傅上门，原来那位不再接您的单"),
        ],
        qa=[("空调拆机收费吗？", "空调拆机免费，外机在高空的加收80元安全作业费", "拆机基本不收钱，外机高的话收一点"),
            ("没电梯要加钱吗？", "没电梯的三楼以上每层加收10元搬运费", "楼层高没电梯要加一点搬运费"),
            ("回收款多久到账？", "师傅确认完成后两小时内到微信零钱", "确认完当天就能到"),
            ("坏得开不了机的也收吗？", "开不了机的也收，按拆解价算，冰箱一般50元起", "坏的也收，价格会低一些")],
        unavail=[
            dict(req="上周拉走的冰箱我想要回来，家里老人舍不得，能送回来吗？",
                 agent="查了一下，您那台冰箱已经拆解入库了，没办法原样退回。",
                 cust="你们说冰箱已经拆解了",
                 bad=["把冰箱给您原样拉回去", "明天把冰箱完好地送回您家"],
                 good="按冰箱线上估价的一倍半给您补偿",
                 f="老人念旧的东西已经没了，心里不是滋味"),
            dict(req="明天能上门收个空调吗？我在清河片区",
                 agent="清河片区这个月的上门名额已经全部约满了。",
                 cust="客服说清河片区这个月名额约满了",
                 bad=["明天就派师傅去清河上门", "今天下午给您加一个上门名额"],
                 good="给您锁下月1号的第一个上门名额，同时先按估价预付您一半",
                 f="急着腾地方，偏偏约不上"),
        ],
        deadlines=[("后天上午新冰箱就送到了，旧的不拉走放不下", "新冰箱送到前", 42),
                   ("明天下午房子要交给新房东", "明天交房前", 24),
                   ("今晚七点前楼道必须清空，物业一直在催", "今晚七点前", 5)],
        appt=["上门处理", "上门当面处理", "上门跟进"],
        over=["以后您家的旧家电都按新机价回收", "以后任何师傅都不会出一点差错"],
        upsell=["我们现在有以旧换新活动，买新冰箱还能再减三百，要不要看看？",
                "顺便推荐下我们的家电清洗服务，新客六折。"],
    ),
    dict(
        key="kids_playground", label="室内儿童乐园",
        brands=["奇趣岛儿童乐园", "淘气堡亲子乐园", "小宇宙儿童乐园"],
        branches=["万达店", "龙湖天街店", "吾悦广场店", "星河店"],
        items=[("单次畅玩票（一大一小）", 98), ("十次卡", 780), ("生日派对套餐", 1688), ("季卡", 1980), ("蹦床加时一小时", 40)],
        verb="买的",
        staff=[("唐晓雅", "店长"), ("范杰", "安全员"), ("蒋蕾", "客服专员"), ("程浩", "区域经理"), ("白美琪", "派对策划")],
        rec_label="订单号", rec_fmt="KP{yy}{mm}{dd}{d3}",
        dept="门店运营组", third="设备厂家", visit="店里", home=False,
        issues=[
            dict(p="孩子在滑梯上磕破了下巴",
                 c=["我家孩子在你们滑梯上磕破了下巴，缝了三针，当时旁边一个工作人员都没有！",
                    "孩子玩滑梯摔了，下巴流血，你们安全员在哪？",
                    "孩子在你们那受伤了，到现在还在医院"],
                 f=["孩子受伤流血，当妈的看着心都揪起来了，又心疼又后怕",
                    "带孩子出来玩一趟，结果进了医院，心里又疼又气"],
                 e=["心疼", "后怕", "愤怒"],
                 cause="那个时段滑梯区的安全员被临时叫去帮忙收银，区域没人看护",
                 fix="承担全部医药费，由店长陪您带孩子去复查换药",
                 look="那段监控里滑梯区确实有十几分钟没有安全员",
                 done="已经把那段监控调出来保存",
                 bc="小朋友玩的时候家长也要在旁边看好"),
            dict(p="十次卡被多扣了次数",
                 c=["只去了一次，十次卡被扣了两次",
                    "我的次卡怎么少了两次？我根本没去",
                    "次数不对，你们多扣了"],
                 f=["办了卡却莫名少了次数，像被悄悄占了便宜",
                    "本来图划算才办的卡，次数不明不白被扣，心里很不舒服"],
                 e=["不舒服", "恼火", "不痛快"],
                 cause="入园闸机重复刷卡时系统没有去重，多扣了一次",
                 fix="把多扣的次数加回您卡里，再额外送一次",
                 look="核销记录里同一分钟内有两次刷卡",
                 done="已经把重复的核销记录标了出来",
                 bc="可能是您家里人拿这张卡去过"),
            dict(p="生日派对布置缩水、蛋糕名字写错",
                 c=["给孩子办的生日派对，气球就几个，蛋糕还写错了名字",
                    "说好的主题布置根本没有，孩子哭了一下午",
                    "一千多的派对就这样？"],
                 f=["孩子盼了一个月的生日会，蛋糕名字写错、布置也缩水，看着孩子失望一定很难受",
                    "请了那么多小朋友来，场面却这么冷清，当家长的特别没面子"],
                 e=["难受", "失望", "没面子"],
                 cause="派对策划把您的主题单和另一场派对弄混了",
                 fix="退还派对套餐一半费用，再免费给孩子补办一场小型主题派对",
                 look="派对单上您选的是海洋主题，实际出库的是另一场的物料",
                 done="已经让派对策划把两份订单对了出来",
                 bc="派对现场效果以当天实际为准"),
            dict(p="海洋球池又脏又有味道",
                 c=["海洋球池里有饼干渣和纸巾，你们多久消毒一次？",
                    "球池臭烘烘的，孩子出来手都是黑的",
                    "这卫生也太差了吧"],
                 f=["带孩子来玩最看重干净，看到球池又脏又有味道，心里膈应又担心",
                    "花钱进来却让孩子在脏地方玩，越想越不放心"],
                 e=["膈应", "担心", "不放心"],
                 cause="周末客流大，我们没按每两小时一次的频率清理",
                 fix="闭园后把海洋球全部换洗消毒，消毒过程拍照发您",
                 look="球池的清洁登记表周六下午断了两次",
                 done="已经临时关了球池先做清理",
                 bc="小朋友自己带零食进去，难免会脏"),
            dict(p="临时闭馆那天的票款一直没退",
                 c=["上周日说设备检修临时闭馆，票钱说退一直没退",
                    "临时闭馆不让进，钱呢？",
                    "闭馆的退款还要等多久"],
                 f=["带孩子大老远过去吃了闭门羹，钱还拖着不退，真的很窝心",
                    "孩子白跑一趟哭着回家，退款还一拖再拖，越想越来气"],
                 e=["窝火", "无奈", "恼火"],
                 cause="闭馆当天的退款名单漏掉了线上购票的订单",
                 fix="把票款退到您当时付款的账户，再给孩子补一张畅玩票",
                 look="当天退款名单里只有现场购票的，没有您这笔线上订单",
                 done="已经把您这单补进退款名单",
                 bc="闭馆通知我们提前在公众号发过"),
        ],
        flow=dict(name="小程序的预约入园",
                  sym="选了日期付完款，页面却显示“预约失败”，钱也扣了",
                  steps=[("退出小程序重新进了", "退出小程序重新进"),
                         ("又重新付了一次", "重新下单再付一次"),
                         ("缓存也清了", "清一下缓存"),
                         ("换孩子爸爸的手机登过", "换个手机登录"),
                         ("等了半小时再刷新", "等一会儿再刷新看看")],
                  backend="在后台把您这笔付款直接转成有效预约，入园码发到您手机",
                  f=["付了钱却显示预约失败，带孩子出门的计划全被打乱",
                     "孩子在旁边吵着要去，预约却一直卡着，又急又烦"],
                  e=["着急", "烦躁"],
                  cause="支付回调和预约系统没对上，是我们的接口出了问题",
                  look="后台看到您的付款已经到账，但预约记录没生成"),
        prefs=[
            dict(refuse=["别再送我次数了，这店我不想再来", "次数就别加了"],
                 want=["退钱", "把钱退给我"],
                 bad=["给您卡里再加两次畅玩", "送您三张畅玩票作为补偿", "额外送您一次派对场地"],
                 good="按原支付渠道把钱退给您"),
            dict(refuse=["不要退到会员余额里", "别退储值卡"],
                 want=["退回微信", "原路退"],
                 bad=["把钱退到您的会员储值卡里，下次直接用", "退款先充进您的会员余额", "把款项转成卡内余额"],
                 good="打回您当初付款的那个微信号"),
        ],
        qa=[("大人进去要单独买票吗？", "一位家长陪同免费，第二位大人收20元", "一个大人免费，多的要收一点"),
            ("必须穿防滑袜吗？", "必须穿防滑袜，前台有卖，10元一双", "要穿防滑袜，前台能买"),
            ("次卡能几个孩子一起用吗？", "次卡可以多个孩子共用，一人入园扣一次", "可以共用"),
            ("几岁以下不能玩蹦床？", "三岁以下不能进蹦床区，可以去幼儿区玩", "太小的孩子不能玩蹦床")],
        unavail=[
            dict(req="周六下午想订个派对包间给孩子过生日，还有吗？",
                 agent="这周六下午的派对包间已经全部订满了。",
                 cust="你们说周六下午的包间都满了",
                 bad=["把周六下午的包间给您留一间", "周六下午给您腾一间派对包间出来"],
                 good="周六上午十点或者周日下午的包间还空着，您选好我马上锁",
                 f="孩子的生日就这一天，想要的时间偏偏订不上"),
            dict(req="周末带孩子来，海洋球池能玩吗？",
                 agent="海洋球池在整改，这两周都不开放。",
                 cust="你们说海洋球池在整改不开",
                 bad=["这周末就让孩子去海洋球池玩", "周六单独给您开放一下海洋球池"],
                 good="整改期间送孩子两次蹦床加时，球池重新开放后再补一次畅玩",
                 f="孩子最喜欢的项目偏偏关了，怕孩子失望"),
        ],
        deadlines=[("后天上午十点就是孩子的生日会", "生日会前", 44),
                   ("明天下午要带孩子回老家", "明天下午出发前", 24),
                   ("今晚八点前得给孩子爷爷奶奶一个交代，他们一直在问", "今晚八点前", 6)],
        appt=["到店当面沟通", "到店当面核对", "到店处理"],
        over=["孩子以后在我们店一次都不会磕碰", "给您家孩子办一张终身免费卡"],
        upsell=["现在办年卡送十次蹦床，特别适合常来的家庭。",
                "下周有亲子烘焙课，要不要给孩子报个名？"],
    ),
    dict(
        key="physiotherapy_clinic", label="康复理疗",
        brands=["康舒康复理疗中心", "正元康复诊所", "动能运动康复"],
        branches=["解放路诊所", "城西诊所", "体育中心诊所", "滨河诊所"],
        items=[("颈肩理疗疗程（10次）", 1800), ("运动损伤评估", 300), ("针灸加推拿（单次）", 260),
               ("产后盆底康复疗程", 3600), ("腰椎牵引（单次）", 120)],
        verb="做的",
        staff=[("董海峰", "康复治疗师"), ("罗琳", "主治医师"), ("沈慧", "前台客服"), ("顾明", "康复治疗师"), ("谢婉", "护士长")],
        rec_label="就诊号", rec_fmt="PT{yy}{mm}-{d4}",
        dept="医疗部", third="医保系统", visit="诊所", home=False,
        issues=[
            dict(p="做完牵引腰疼反而加重",
                 c=["昨天做完牵引，今天腰疼得下不了床，比之前还重",
                    "做了三次理疗，疼得比以前还厉害，越治越差？",
                    "你们的牵引是不是做过头了，我现在翻身都疼"],
                 f=["本来是来缓解疼痛的，做完反而疼得下不了床，又痛又害怕",
                    "疼了那么久好不容易下决心来治，结果更重了，心里肯定发慌"],
                 e=["害怕", "心慌", "焦虑"],
                 cause="治疗师这次牵引力度加得太快，没按评估结果循序渐进",
                 fix="安排主治医师给您免费复诊评估，调整方案之前先停掉牵引",
                 look="治疗记录里这次的牵引重量比上次加了不少",
                 done="已经把您的治疗记录转给罗医生",
                 bc="理疗后有点反应是正常的，可能您回家没注意休息"),
            dict(p="一直约的治疗师被换掉了也没提前说",
                 c=["我一直约的是董老师，今天去了换成个实习生，也不提前说",
                    "怎么又换人了？每次都得重新讲一遍病情",
                    "说换就换，问都不问我一声"],
                 f=["好不容易跟熟悉的治疗师磨合好，突然换人，每次都得从头讲病情，又累又没安全感",
                    "对治疗师的信任是慢慢攒起来的，说换就换，心里很不踏实"],
                 e=["不踏实", "失望", "烦躁"],
                 cause="排班调整后前台没通知已经预约的患者",
                 fix="把您后面的疗程全部排回董老师，被换掉的那次免费补做",
                 look="排班表上董老师那天临时去培训，您的预约被顺延给了别人",
                 done="已经跟前台确认了后面的排班",
                 bc="治疗师都是统一培训的，谁做都差不多"),
            dict(p="疗程卡被多扣了一次",
                 c=["今天没做针灸，疗程卡怎么还扣了一次？",
                    "收费单上多了一项我根本没做的",
                    "你们这账怎么算的，多扣我一次"],
                 f=["身体已经够难受了，还得盯着账单防多扣，真的心累",
                    "花钱治病本来就心疼，还莫名多收一笔，心里硌得慌"],
                 e=["心累", "不舒服", "生气"],
                 cause="前台把相邻时段另一位患者的项目录到了您名下",
                 fix="退还多扣的那次费用，重新出一张正确的收费单",
                 look="收费明细里确实多了一项针灸",
                 done="已经把那条错误收费冲正",
                 bc="可能是您忘了当天做过"),
            dict(p="预约了还等了一个小时",
                 c=["约的下午三点，等到四点才叫到我，腰都坐僵了",
                    "你们的预约是摆设吗？等了快一个小时",
                    "每次来都要等，这次等得最久"],
                 f=["本来腰就疼，还得在候诊区硬坐一个小时，身体和心情都受罪",
                    "按时赶过来却干等，一下午的安排全被打乱"],
                 e=["难受", "烦躁", "窝火"],
                 cause="前一位患者的治疗超时了，我们没及时调配别的治疗师",
                 fix="这次治疗费打八折退差价，下次预约给您留当天第一个号",
                 look="叫号系统显示您前面那位患者超时了四十分钟",
                 done="已经让诊所加了一位机动治疗师",
                 bc="医疗类的预约本来就很难掐准时间"),
            dict(p="治疗师说话不耐烦",
                 c=["问了两句锻炼动作，治疗师一脸不耐烦，说“说了你也不懂”",
                    "你们治疗师态度太差了，问个问题都嫌烦",
                    "我是来看病的，不是来受气的"],
                 f=["带着疼来看病，想多问两句却被冷脸顶回来，心里挺受伤的",
                    "本来就担心病情，问个问题还被嫌烦，觉得自己没被当回事"],
                 e=["委屈", "寒心", "难受"],
                 cause="那位治疗师的沟通方式有问题，也是我们管理不到位",
                 fix="由主治医师给您完整讲一遍家庭锻炼动作，并附上示范视频",
                 look="当天的服务评价里也有类似的反馈",
                 done="已经找那位治疗师谈过话",
                 bc="治疗师当天患者比较多，语气可能急了点"),
        ],
        flow=dict(name="公众号在线预约",
                  sym="选好治疗师和时间，提交后提示“号源已被占用”，可刷新后那个时段明明还空着",
                  steps=[("刷新了很多次", "刷新一下页面"),
                         ("退出公众号重新进过", "退出公众号重新进"),
                         ("微信缓存清了", "清一下微信缓存"),
                         ("换成别的时段也一样", "换个时段"),
                         ("就诊卡解绑又重新绑了", "重新绑定一下就诊卡")],
                  backend="在后台直接帮您锁定这个时段，预约成功的短信发到您手机",
                  f=["腰疼着还要对着手机一遍遍试预约，越试越烦",
                     "想约的时段明明就在那儿却约不上，干着急"],
                  e=["烦躁", "着急"],
                  cause="号源系统的缓存没刷新，显示和实际不同步，毛病在我们系统上",
                  look="后台看到您今天提交了好几次，都被缓存拦掉了"),
        prefs=[
            dict(refuse=["疗程我不想继续了，别再给我加次数", "不用再送次数"],
                 want=["剩下的次数退钱", "把没做的退掉"],
                 bad=["给您的疗程卡再免费加两次", "再送您三次推拿作为补偿", "疗程延长一周不另收费"],
                 good="把剩余没做的次数按原价退给您"),
            dict(refuse=["别再给我安排那位治疗师", "那个治疗师我不想再见了"],
                 want=["换个有经验的", "换人"],
                 bad=["下次还是安排原来那位治疗师，他已经被提醒过了", "给您约回同一位治疗师继续做", "还让上次那位老师接着给您做"],
                 good="后面换成从业十年的顾明治疗师给您做"),
        ],
        qa=[("理疗能用医保吗？", "我们是医保定点，理疗项目可以刷医保个人账户", "可以刷医保"),
            ("疗程卡过期了还能用吗？", "疗程卡有效期一年，过期后可以申请延期三个月，限一次", "过期可以申请延一段时间"),
            ("做完理疗能洗澡吗？", "针灸后六小时内别洗澡，推拿和牵引后两小时就可以", "隔几个小时再洗"),
            ("一个疗程要做几次？", "颈肩疗程一般10次，每周两到三次", "十次左右")],
        unavail=[
            dict(req="我想请罗医生给我复诊一下，明天能约吗？",
                 agent="罗医生这周在外地参加学术会议，下周一才回诊所。",
                 cust="你们说罗医生下周一才回来",
                 bad=["明天让罗医生亲自给您复诊", "今天下午请罗医生帮您看一下"],
                 good="今天下午先由顾明治疗师做评估，罗医生下周一回来再给您复诊",
                 f="疼着想早点见医生，医生偏偏不在"),
            dict(req="我腰疼出不了门，针灸能上门做吗？",
                 agent="按规定针灸属于有创操作，不能上门做。",
                 cust="你们说针灸不能上门",
                 bad=["明天安排治疗师上门给您针灸", "上门给您把今天的针灸补上"],
                 good="安排诊所的接送车接您过来，治疗完再送您回家",
                 f="疼得出不了门，治疗又必须到诊所"),
        ],
        deadlines=[("后天一早要坐飞机出差一周", "后天出发前", 40),
                   ("明天下午还有一场比赛要上场", "明天比赛前", 24),
                   ("今晚七点要值夜班", "今晚上班前", 5)],
        appt=["来诊所当面处理", "到诊所面谈", "来诊所处理"],
        over=["您三次之内就完全不疼", "以后终身免费给您做理疗"],
        upsell=["我们新出了年度康复会员，充五千送两千，挺适合长期调理的。",
                "顺便推荐一下体态评估套餐，这周特价。"],
    ),
    dict(
        key="cross_border_shipping", label="海外集运",
        brands=["海鸥集运", "环宇转运", "飞鲸国际集运"],
        branches=["东京仓", "洛杉矶仓", "悉尼仓", "法兰克福仓"],
        items=[("合箱空运特快", 386), ("日本仓海运", 198), ("开箱验货服务", 15), ("易碎品加固打包", 30), ("美国仓空运普货", 268)],
        verb="寄的",
        staff=[("韩露", "集运客服"), ("柳涛", "仓库主管"), ("方静", "理赔专员"), ("金承宇", "日本仓负责人"), ("杜晓峰", "清关专员")],
        rec_label="集运单号", rec_fmt="JY{d10}",
        dept="仓储部", third="快递公司", visit="仓库", home=True,
        issues=[
            dict(p="合箱后少了一件包裹",
                 c=["我在仓里一共五个包裹，合箱收到只有四个，少了一双鞋",
                    "合箱发回来少了一件，清单上明明有",
                    "箱子里东西不全，你们自己查"],
                 f=["等了半个月的包裹，拆开发现少了一件，心一下子凉了",
                    "海外买的东西本来就难买，少了一件不知道去哪找，又急又心疼"],
                 e=["着急", "心疼", "寒心"],
                 cause="打包时我们把其中一个包裹漏在了货架上",
                 fix="把漏掉的那件单独免费空运给您",
                 look="仓库盘点时在货架上找到了您那双鞋，入库照片也对得上",
                 done="已经把那件包裹单独拿了出来",
                 bc="可能是海外卖家本来就没发这件"),
            dict(p="收到的易碎品碎了",
                 c=["花瓶包了两层泡沫还是碎了，你们打包怎么弄的",
                    "拆开箱子，两瓶香水碎了一瓶，整箱都是味",
                    "东西碎了，谁负责？"],
                 f=["千挑万选的东西漂洋过海，到手是碎的，那种失落没法说",
                    "期待了很久的东西，拆开箱子是碎的，太扫兴了"],
                 e=["失落", "心疼", "扫兴"],
                 cause="易碎品我们没按规范加固，只用了普通打包",
                 fix="按申报价值全额赔付，直接走理赔流程",
                 look="出库照片里那个箱子确实没有加易碎标和加固",
                 done="已经把您的理赔单建好",
                 bc="运输途中难免颠簸，易碎品应该您自己选加固"),
            dict(p="包税线路还被要求补税",
                 c=["到付了三百多的税，下单时你们说包税的！",
                    "说好的包税线路，派送员让我补税",
                    "包税两个字是摆设吗"],
                 f=["选包税线路就是图省心，结果还是被要了一笔税，觉得被骗了",
                    "算好的预算被突然多出来的税打乱，心里很不痛快"],
                 e=["气愤", "不痛快", "憋屈"],
                 cause="这票货被我们系统错走了非包税通道",
                 fix="把您付的税费全额补给您",
                 look="出库记录里的线路代码确实是非包税通道",
                 done="已经让清关专员把这票的通道查清楚",
                 bc="海关抽查征税是我们控制不了的"),
            dict(p="包裹在仓库停了十几天不动",
                 c=["提交打包已经十二天了，状态一直是“待出库”",
                    "东西在仓库放了半个月，到底什么时候发？",
                    "一直不发货是什么情况"],
                 f=["东西就在仓库里却一直不动，每天刷物流刷得心累",
                    "急着用的东西被卡了半个月，越等越焦虑"],
                 e=["焦虑", "心累", "着急"],
                 cause="您的打包申请被我们误标成了“待补充信息”",
                 fix="给您加急出库，改走空运特快，多出的运费我们来付",
                 look="系统里您这单被误标成待补充信息，其实信息是全的",
                 done="已经把错误标记撤掉",
                 bc="旺季仓库出库本来就慢"),
            dict(p="改了收货地址还是送到了旧地址",
                 c=["我改了收货地址的，结果还是送到以前的公司去了",
                    "地址明明改了，你们还发旧地址",
                    "送错地址了，我人不在那边"],
                 f=["特意提前改了地址，东西还是被送到老地方，跑去取很折腾",
                    "地址改了还出错，东西现在在哪儿都不知道，心里七上八下"],
                 e=["恼火", "不安", "着急"],
                 cause="地址修改是在打包之后提交的，我们没同步到出库面单上",
                 fix="联系快递把包裹从旧地址拦回，改派到您的新地址",
                 look="面单上印的还是旧地址，修改记录晚了两个小时才同步",
                 done="已经跟快递那边提了改派",
                 bc="改地址这种事应该早点改"),
        ],
        flow=dict(name="APP里的提交打包",
                  sym="勾选包裹点提交打包，一直提示“申报信息不完整”",
                  steps=[("申报信息来回填了三遍", "把申报信息重新填一遍"),
                         ("退出登录又登了一次", "退出登录再登进去"),
                         ("APP删了重新装过", "卸载APP重新装一下"),
                         ("换电脑用网页版也提交过", "换网页版提交"),
                         ("一个包裹一个包裹单独交过", "分开单独提交")],
                  backend="在后台帮您把申报信息补齐，直接生成打包单",
                  f=["东西都到仓了却提交不了打包，一遍遍填申报越填越烦",
                     "信息明明都填全了还说不完整，折腾了一晚上"],
                  e=["烦躁", "无奈"],
                  cause="申报页面对一个品类的校验规则写错了，毛病在我们系统上",
                  look="后台看到您的申报信息其实是完整的，是校验规则拦错了"),
        prefs=[
            dict(refuse=["别再补发了，补发又要等一个月", "不要补寄"],
                 want=["直接赔钱", "按价赔我"],
                 bad=["给您补发一件同款过来", "从仓库重新给您寄一份", "让海外仓再补寄一次"],
                 good="按申报价值直接赔付给您"),
            dict(refuse=["别走海运了，太慢", "海运就算了"],
                 want=["走空运", "要空运"],
                 bad=["改走海运专线，费用便宜很多", "给您安排海运，运费全免", "这票走海运，我们补贴一半运费"],
                 good="改走空运特快，差价我们承担"),
        ],
        qa=[("空运一公斤多少钱？", "美国仓空运普货首重一公斤68元，续重每公斤45元", "首重六七十块一公斤"),
            ("能寄带电池的东西吗？", "内置电池的电子产品可以走敏感线，单独的充电宝不能寄", "内置电池的可以，充电宝不行"),
            ("仓库能免费存多久？", "包裹入库后免费存30天，超过后每件每天1元", "免费存一个月左右"),
            ("丢件怎么赔？", "按申报价值全额赔付，最高3000元", "按申报价值赔")],
        unavail=[
            dict(req="我那箱还没发吧？想加一件东西进去",
                 agent="您那箱昨天已经从仓库出库，上了航班。",
                 cust="你们说那箱昨天已经上飞机了",
                 bad=["帮您把这箱截下来拆开重新打包", "马上帮您取消这票发货，把东西加进去"],
                 good="新加的那件单独开一票空运，运费按合箱价算",
                 f="差一件没赶上合箱，心里挺懊恼"),
            dict(req="我买了两个充电宝在仓里，能跟其他东西一起发吗？",
                 agent="单独的充电宝属于航空违禁品，按规定不能寄。",
                 cust="你们说充电宝不能寄",
                 bad=["充电宝给您单独走空运寄回来", "把充电宝塞进箱子里一起发"],
                 good="充电宝可以退回卖家或在海外仓代为处理，其他东西照常发",
                 f="东西都买好了，却卡在规定上"),
        ],
        deadlines=[("后天中午就要飞出国，东西得出发前拿到", "后天出发前", 46),
                   ("明天中午婚礼要戴的首饰就在这箱里", "明天婚礼前", 22),
                   ("今晚九点前要把样品交给客户", "今晚九点前", 7)],
        appt=["上门处理", "上门当面处理", "上门跟进"],
        over=["以后您的包裹一件都不会丢", "以后您所有包裹运费全免"],
        upsell=["我们刚上线海外代购服务，折扣很大，要不要看看？",
                "现在充值一千送一百运费券，需要的话可以充一下。"],
    ),
    dict(
        key="golf_practice", label="高尔夫练习场",
        brands=["绿茵高尔夫练习场", "鹰击高尔夫", "翠湖高尔夫练习中心"],
        branches=["奥体店", "湖畔店", "东郊店", "会展中心店"],
        items=[("打位加200球", 150), ("私教课（单节）", 480), ("十节私教课包", 4200), ("年卡会员", 8800), ("全套球杆租赁", 100)],
        verb="买的",
        staff=[("邵凯", "高尔夫教练"), ("梁思远", "首席教练"), ("叶青", "前台主管"), ("吕博", "场地经理"), ("陶然", "会籍顾问")],
        rec_label="会员号", rec_fmt="GP-{d6}",
        dept="会籍部", third="设备供应商", visit="球场", home=False,
        issues=[
            dict(p="私教课教练迟到四十分钟",
                 c=["约了邵教练早上七点的课，七点四十才来，我八点半还得上班",
                    "教练迟到快一个小时，课也没顺延，钱照扣",
                    "你们教练守不守时？"],
                 f=["起个大早赶来上课，却在打位上干等教练，上班前那点时间全耗没了",
                    "专门挤时间来练球，教练迟到还照扣课时，心里很不平衡"],
                 e=["憋屈", "窝火", "失望"],
                 cause="教练把课表时间记错了，前台也没提前确认",
                 fix="这节课不扣课时，再补您一节同等时长的私教课",
                 look="课表系统里邵教练那天把课记成了八点",
                 done="已经把这节课的扣课撤销",
                 bc="教练早上路上堵车也没办法"),
            dict(p="打位的发球机老是卡球",
                 c=["打位的发球机十个球卡三个，一小时打不了几个",
                    "发球机又坏了，每次都要喊人来弄",
                    "机器一直卡，我是来练球还是来修机器的"],
                 f=["难得有空来练一场，一半时间在等球，节奏全被打乱了",
                    "付钱买了球，却一直在跟机器较劲，越打越烦"],
                 e=["烦躁", "扫兴", "无奈"],
                 cause="那排打位的发球机该换的配件我们一直拖着没换",
                 fix="退还这次的打位费，并把那排发球机全部检修",
                 look="维修记录里那排发球机这周已经报修过两次",
                 done="已经暂停那排打位的预约",
                 bc="可能是您一次放球太多，机器才卡的"),
            dict(p="年卡冻结申请没人处理",
                 c=["我提前一个月申请年卡冻结，人在国外，卡照常在走",
                    "冻结了年卡还在计时，白白少了两个月",
                    "冻结到底办了没有？"],
                 f=["人在外地根本来不了，年卡却照样在过期，像钱在白白流走",
                    "按规矩提前申请了冻结，结果没人处理，真的很憋屈"],
                 e=["憋屈", "心疼", "不满"],
                 cause="冻结申请提交后会籍顾问没在系统里操作",
                 fix="按您申请的日期补做冻结，多走的天数全部加回卡上",
                 look="冻结申请单是提交了，但系统里没有冻结操作",
                 done="已经把冻结记录补上",
                 bc="冻结的事您应该再打电话确认一下"),
            dict(p="一次打位被扣了两次钱",
                 c=["付款时刷了一次，结果信用卡扣了两笔",
                    "一次打位扣我两次钱",
                    "账单上有两笔一样的，你们怎么回事"],
                 f=["来放松练个球，回头发现多扣了一笔钱，心情全没了",
                    "账单上平白多出一笔，好好的周末心情被搅了"],
                 e=["不舒服", "恼火", "扫兴"],
                 cause="前台POS机那天网络不稳，重复提交了一次扣款",
                 fix="把重复扣的那笔退回您的信用卡",
                 look="POS流水里同一时间有两笔相同金额",
                 done="已经把重复那笔提交了退款",
                 bc="可能是您自己点了两次支付"),
            dict(p="租来的球杆握把裂了",
                 c=["租的球杆握把都裂了，打两杆手就磨出泡",
                    "你们租给我的杆子几年没换了吧",
                    "这种杆子也好意思租出来"],
                 f=["手上磨出水泡还得硬撑着打，练球成了受罪",
                    "花钱租杆结果拿到一套破的，练球的兴致一下就没了"],
                 e=["难受", "扫兴", "不满"],
                 cause="租赁球杆没有按周检查，破了的握把没换下来",
                 fix="退还这次租杆费，下次来给您备一套新换握把的球杆",
                 look="那套球杆的检查记录已经三周没更新",
                 done="已经把那套球杆下架",
                 bc="握把破损可能是您挥杆太用力"),
        ],
        flow=dict(name="小程序的打位预约",
                  sym="选完时段点支付，跳出“会员权益校验失败”",
                  steps=[("会员账号退出重登过", "退出后重新登录会员账号"),
                         ("小程序缓存清了", "清一下小程序缓存"),
                         ("换了好几个打位都不行", "换一个打位预约"),
                         ("会员卡解绑重绑了", "重新绑定会员卡"),
                         ("手机重启过", "把手机重启一下")],
                  backend="在后台直接给您锁好这个打位，预约确认发到您手机",
                  f=["周末好不容易有空，打位却怎么都订不上",
                     "会员费交了，连个位子都订不上，越试越火"],
                  e=["烦躁", "窝火"],
                  cause="会员系统这周升级，把一部分年卡的权益标识弄丢了",
                  look="后台显示您的年卡权益标识是空的，所以校验不过"),
        prefs=[
            dict(refuse=["不要补课了，我时间凑不上", "补课就算了"],
                 want=["退课时费", "把这节课的钱退了"],
                 bad=["给您补一节同样的私教课", "给您加排一节课补上", "另外送您一节课时"],
                 good="把这节课的费用按课时单价退给您"),
            dict(refuse=["别给我换教练，我就认邵教练", "不要换人"],
                 want=["继续跟邵教练", "还是邵教练上"],
                 bad=["下次给您换一位首席教练上课", "安排梁教练接手您后面的课", "后面的课换成别的教练带您"],
                 good="后面的课继续由邵教练上，时间按您方便的排"),
        ],
        qa=[("打位能两个人共用吗？", "一个打位最多两人共用，球数共享，不另收费", "可以两个人一起用"),
            ("晚上开到几点？", "每天营业到晚上十点半，十点停止售球", "开到十点多"),
            ("私教课能转给别人吗？", "私教课可以转给家人或朋友，办一次转让手续就行", "可以转"),
            ("年卡能冻结几次？", "年卡每年可以冻结两次，每次最长60天", "一年能冻两次")],
        unavail=[
            dict(req="我想约梁教练的课，这周能排吗？",
                 agent="梁教练这个月的课已经全部约满了。",
                 cust="前台说梁教练这个月都约满了",
                 bad=["这周六就给您排一节梁教练的课", "明天上午给您加一节梁教练"],
                 good="先锁下个月第一周梁教练的两节课，这期间由邵教练带您",
                 f="想跟的教练排不上，练球计划被打乱"),
            dict(req="周六想订二楼的室外打位，还有吗？",
                 agent="二楼室外打位这周在更换草皮，暂不开放。",
                 cust="你们说二楼室外打位这周在换草皮",
                 bad=["周六给您留一个二楼室外打位", "明天安排您去二楼打位练"],
                 good="给您换到一楼带鹰眼系统的室内打位，不加钱",
                 f="习惯的位置用不了，心里不太得劲"),
        ],
        deadlines=[("后天上午要打一场公司比赛", "后天比赛前", 44),
                   ("明天下午要陪客户下场", "明天下场前", 22),
                   ("今晚八点约了朋友来练球", "今晚八点前", 6)],
        appt=["到球场当面处理", "到前台当面处理", "到店当面沟通"],
        over=["您三节课后差点降到十以内", "以后您来打球全部免费"],
        upsell=["现在续年卡送五节私教课，机会难得。",
                "下个月有海南球场游，要不要报个名？"],
    ),
    dict(
        key="nail_salon", label="美甲店",
        brands=["指尖花园美甲", "糖果美甲美睫", "小蜜蜂美甲工作室"],
        branches=["国贸店", "万象城店", "大学城店", "太古里店"],
        items=[("纯色光疗甲", 128), ("猫眼款美甲", 198), ("法式延长甲", 268), ("卸甲加护理", 48), ("手足护理套餐", 238)],
        verb="做的",
        staff=[("钟可欣", "首席美甲师"), ("王文静", "美甲师"), ("黄琳", "店长"), ("葛晶", "客服"), ("李蓝", "美甲师")],
        rec_label="预约单号", rec_fmt="NS{d7}",
        dept="门店", third="甲油胶厂家", visit="店里", home=False,
        issues=[
            dict(p="刚做三天的美甲就翘边掉了",
                 c=["周一做的猫眼，今天才周四就掉了两个，翘边翘得勾头发",
                    "做完三天就翘边，你们的质保呢",
                    "这甲也太不经用了"],
                 f=["专门为周末聚会做的指甲，三天就翘边掉了，心里特别扫兴",
                    "花钱想美几周，结果没几天就得把手藏起来，太郁闷了"],
                 e=["扫兴", "郁闷", "失望"],
                 cause="那次上底胶前甲面打磨和去油没做到位",
                 fix="免费给您卸掉重做，换加固底胶",
                 look="服务记录里那次的做甲时长比标准短了二十分钟",
                 done="已经跟那位美甲师核实过流程",
                 bc="可能是您这几天沾水太多了"),
            dict(p="修死皮时把手指剪破了",
                 c=["修死皮把我手指剪出血了，现在还红肿",
                    "美甲师剪死皮太狠，两根手指都破了",
                    "手指到现在一碰就疼"],
                 f=["本来是来放松变美的，手指却被剪出血，现在一碰就疼，又疼又糟心",
                    "看着红肿的手指头，肯定又疼又担心会不会发炎"],
                 e=["难受", "担心", "糟心"],
                 cause="美甲师修死皮时下手太急，没有先软化",
                 fix="承担药费，由店长陪您去附近诊所看一下",
                 look="那位美甲师是刚转正的，这已经是本月第二次被反馈",
                 done="已经停了她的修死皮项目",
                 bc="您的皮肤比较敏感，一般人不会这样"),
            dict(p="做出来的款式和参考图差很多",
                 c=["我给的参考图是奶白晕染，做出来像刷了层白墙",
                    "跟图片根本不是一个款，颜色都不对",
                    "你们看看这跟图一样吗"],
                 f=["挑了好久的款式做出来完全变样，看着自己的手就别扭",
                    "满怀期待做完，一看跟图差十万八千里，太失望了"],
                 e=["失望", "别扭", "憋屈"],
                 cause="美甲师没跟您确认色号就开始做了",
                 fix="按您的参考图免费重做，做之前先试一个色板给您看",
                 look="那天的服务单上没有记录您选的色号",
                 done="已经让首席美甲师看过您的参考图",
                 bc="每个人手型不一样，和图片有差异很正常"),
            dict(p="结账时多收了钱",
                 c=["说好的128，结账收了168，说是加了钻，我根本没要",
                    "结账的时候多了四十块的项目",
                    "多收的钱怎么算？"],
                 f=["做之前说好的价格，结账时却莫名多出一截，像被坑了",
                    "本来心情挺好，结账那一下全毁了"],
                 e=["不爽", "不痛快", "生气"],
                 cause="美甲师加了您没同意的饰品，前台也没跟您确认",
                 fix="把多收的钱退给您",
                 look="收银记录里加了一项贴钻，服务单上却没有您确认的签字",
                 done="已经跟前台核对了那笔收银",
                 bc="贴钻的时候您也没说不要"),
            dict(p="预约时间到了还让等四十分钟",
                 c=["约的两点，两点四十还没轮到我，午休都过了",
                    "提前预约还要等四十分钟，预约有什么用",
                    "我掐着点来的，结果干坐着"],
                 f=["趁午休掐着点过来，干等了四十分钟，下午上班都要迟到了",
                    "说好的时间却被晾在那儿，感觉自己的时间不被当回事"],
                 e=["着急", "烦躁", "寒心"],
                 cause="前一位顾客的延长甲超时了，我们没提前通知您",
                 fix="这次服务打七折，下次给您留首席美甲师的准点档",
                 look="排班表上您前面那位的延长甲比预计多做了半小时",
                 done="已经跟店长说了以后超时要提前通知",
                 bc="美甲这种事很难准点"),
        ],
        flow=dict(name="小程序的会员储值",
                  sym="充值显示成功也扣了钱，余额却还是0",
                  steps=[("余额页刷新了好多次", "刷新一下余额页面"),
                         ("退出小程序重新进了", "退出小程序重新进"),
                         ("会员重新登录过", "重新登录一下会员账号"),
                         ("手机重启了", "重启一下手机"),
                         ("等了两个小时再看还是0", "等一会儿再看看")],
                  backend="在后台手动把这笔充值补进您的会员余额",
                  f=["钱扣了余额却是零，心里一直悬着",
                     "充进去的钱像打了水漂，越看越不放心"],
                  e=["不放心", "着急"],
                  cause="支付回调这两天有延迟，我们没及时发现",
                  look="后台能看到您那笔充值已经到账，只是没记进余额"),
        prefs=[
            dict(refuse=["别给我重做了，我不想再来了", "重做就算了"],
                 want=["退款", "把钱退了"],
                 bad=["约个时间给您免费重做", "给您安排首席美甲师重做一次", "给您重新做一套"],
                 good="把这次的费用全额退给您"),
            dict(refuse=["别再安排那位美甲师", "不要上次那个美甲师"],
                 want=["换首席来做", "换人"],
                 bad=["还是由上次那位美甲师给您重做", "让原来那位美甲师给您补一下", "安排上次的美甲师亲自跟您道歉并重做"],
                 good="安排首席美甲师钟可欣给您做"),
        ],
        qa=[("光疗甲能保持多久？", "光疗甲正常能保持三到四周，七天内脱落免费补", "能保持三周左右"),
            ("卸甲要另外收钱吗？", "本店做的甲卸甲免费，外店做的卸甲收48元", "本店做的不收"),
            ("孕妇能做美甲吗？", "孕期可以做无味的植物胶款，我们有专门的孕妇款", "可以做，有专门的款"),
            ("储值卡能退吗？", "储值卡没用完的部分可以退，扣掉赠送的部分后退回付款账户", "没用完的能退")],
        unavail=[
            dict(req="我想约钟可欣老师，这周能做吗？",
                 agent="钟可欣老师下周休假，这周的档期也已经排满了。",
                 cust="你们说钟老师这周排满、下周还休假",
                 bad=["明天下午让钟老师给您重做", "这周六给您约上钟可欣老师"],
                 good="由同级别的李蓝老师给您做，钟老师回来再帮您看一眼",
                 f="想找信得过的美甲师，偏偏约不上"),
            dict(req="上次那款限定猫眼色还能做吗？",
                 agent="那款限定猫眼胶厂家已经停产，店里也没有存货了。",
                 cust="你们说那款限定猫眼停产了",
                 bad=["给您重新做那款限定猫眼", "马上给您调那款限定色过来"],
                 good="挑两款色号最接近的先给您做个色卡比对，您选定了再做",
                 f="喜欢的颜色没了，心里挺可惜"),
        ],
        deadlines=[("明天上午要拍婚纱照", "明天拍照前", 18),
                   ("后天要去参加闺蜜婚礼", "后天婚礼前", 40),
                   ("今晚七点公司年会", "今晚年会前", 5)],
        appt=["到店处理", "到店当面处理", "到店检查一下"],
        over=["这次做的甲三个月都不会掉", "以后您来店里做甲全部免费"],
        upsell=["我们新上了美睫项目，现在第二位半价哦。",
                "顺便推荐下手部SPA，这个月六折。"],
    ),
    dict(
        key="office_plant_rental", label="绿植租摆",
        brands=["绿意办公绿植", "青柠绿植租摆", "森活办公园艺"],
        branches=["CBD服务点", "软件园服务点", "高铁新城服务点", "金融街服务点"],
        items=[("大型绿植月租（每盆）", 68), ("前台花艺（每周更换）", 300), ("办公室绿植套餐（20盆/月）", 1280),
               ("会议室桌面盆栽月租", 25), ("节日布置（一次）", 1600)],
        verb="租的",
        staff=[("蔡明", "养护师傅"), ("戴雪", "客户经理"), ("潘伟", "养护组长"), ("常欢", "客服"), ("卢志远", "区域主管")],
        rec_label="合同号", rec_fmt="LZ{yyyy}-{d4}",
        dept="养护部", third="物业", visit="", home=True,
        issues=[
            dict(p="租的绿植叶子大片发黄",
                 c=["前台那几盆发财树叶子黄了一大半，来访客户都看见了",
                    "你们租的绿植都快枯死了，养护师傅多久没来了？",
                    "绿植黄成这样，还好意思收租金"],
                 f=["租绿植是为了让公司有精气神，结果客户一进门看到的是枯黄的叶子，挺没面子的",
                    "每月按时付租金，换来一片发黄的叶子，心里不痛快"],
                 e=["没面子", "不痛快", "失望"],
                 cause="这片区域的养护师傅上个月调岗，交接时把你们公司漏排了",
                 fix="把发黄的绿植全部换成新的，恢复每周一次上门养护",
                 look="养护记录显示你们公司已经三周没有上门记录",
                 done="已经把你们公司重新排进养护路线",
                 bc="办公室空调太干，植物本来就容易黄"),
            dict(p="浇水把会议室地毯弄湿了",
                 c=["养护师傅浇水浇得满地都是，会议室地毯湿了一片",
                    "浇水溢出来把地毯泡了，现在一股霉味",
                    "你们师傅浇个水把地毯弄成这样"],
                 f=["会议室马上要用，地毯却湿了一大片还有味道，又着急又尴尬",
                    "本来是来养护的，反而给办公室添了乱，收拾起来还得您操心"],
                 e=["着急", "恼火", "尴尬"],
                 cause="师傅浇水时没有用接水托盘",
                 fix="安排保洁公司上门做地毯清洗烘干，清洗的钱我们出",
                 look="那天的养护照片里盆底确实没垫托盘",
                 done="已经给所有养护师傅补发了接水托盘",
                 bc="地毯本来就容易吸潮"),
            dict(p="每周应换的前台花艺没换",
                 c=["合同写的每周一换前台花，这都第二周没换了，花都蔫了",
                    "前台的花一直没人来换，烂在那儿了",
                    "换花的人呢？"],
                 f=["前台是公司的门面，摆着蔫掉的花，每天进门都闹心",
                    "付了每周换花的钱，还得自己盯着去催，挺累的"],
                 e=["闹心", "心累", "不满"],
                 cause="花艺组排周计划时把你们公司的更换日录错了",
                 fix="上门换一组新的前台花艺，并退回这两周的花艺费",
                 look="周计划里你们的更换日被录成了隔周",
                 done="已经把更换日改回每周一",
                 bc="这段时间花材涨价，供应紧张"),
            dict(p="发票抬头开错了",
                 c=["发票抬头开错了，财务说报不了",
                    "开票信息我发了两遍，发票还是错的",
                    "又开错？"],
                 f=["一张发票来来回回弄不对，财务那边一直催您，夹在中间很难办",
                    "信息早给全了还出错，耽误报销，真的很烦"],
                 e=["烦躁", "为难", "着急"],
                 cause="开票专员录入时用了你们变更前的公司名称",
                 fix="把错票作废，换成新抬头再开一张，电子版发您邮箱",
                 look="开票系统里你们的抬头还是变更前的名字",
                 done="已经把开票系统里的抬头改正",
                 bc="可能是你们那边给的信息有误"),
            dict(p="盆栽里生了小飞虫",
                 c=["办公室到处是小飞虫，都是从你们的盆栽里飞出来的",
                    "盆栽里生虫了，同事都在抱怨",
                    "虫子都飞到我电脑屏幕上了"],
                 f=["办公区飞满小虫，同事们抱怨不断，夹在中间一定很头疼",
                    "好好的办公环境被虫子搅得不安生，同事一个个来找您"],
                 e=["头疼", "烦躁", "膈应"],
                 cause="这批绿植的土壤出场前没做杀虫处理",
                 fix="把有虫的盆栽全部换新，其余盆栽做一次无味杀虫",
                 look="同一批送出的绿植有好几家都反馈了飞虫",
                 done="已经把这批土壤退回供应商",
                 bc="办公室潮湿也会招虫"),
        ],
        flow=dict(name="客户小程序的报修",
                  sym="拍照上传后点提交，一直提示“图片上传失败”",
                  steps=[("照片重新拍了再传", "重新拍张照片上传"),
                         ("照片压缩过再传也不行", "把照片压缩一下再传"),
                         ("退出小程序重新登录了", "退出小程序重新登录"),
                         ("换成4G也传不上", "换个网络"),
                         ("手机重启过", "重启一下手机")],
                  backend="在后台直接帮您建好报修单，派养护组长上门",
                  f=["想报个修却卡在传照片上，来回折腾半天",
                     "绿植的问题没解决，连报修都报不上，越来越烦"],
                  e=["烦躁", "无奈"],
                  cause="报修图片服务器这两天容量满了，我们没及时扩容",
                  look="后台看到您几次上传都卡在服务器那一步"),
        prefs=[
            dict(refuse=["别再换新的了，换了也一样死", "不用再换了"],
                 want=["退租", "直接退租"],
                 bad=["把这几盆全部换成新的", "给您换一批更耐养的新绿植", "免费再给您换一轮新苗"],
                 good="按您的意思办理退租，剩余月份的租金退回"),
            dict(refuse=["别再派原来那个师傅", "原来那个师傅不要来了"],
                 want=["换个养护师傅", "换人"],
                 bad=["还是让原来的师傅上门，他熟悉你们公司的布局", "原师傅过去把问题处理掉", "安排上次那位师傅再来一趟"],
                 good="换成养护组长潘伟负责你们公司"),
        ],
        qa=[("最短租多久？", "最短租期三个月，之后按月续租", "三个月起租"),
            ("绿植死了要赔吗？", "正常养护下枯死的免费更换，人为损坏按盆价赔", "正常死了不用赔"),
            ("多久来养护一次？", "标准套餐每周上门养护一次，浇水修剪擦叶都包含", "一周一次"),
            ("能开专票吗？", "可以开6%的增值税专用发票", "可以开专票")],
        unavail=[
            dict(req="前台想换两盆大规格发财树，明天能送吗？",
                 agent="这个季节大规格发财树缺货，要下个月才有。",
                 cust="你们说大规格发财树下个月才有",
                 bad=["明天就给您换上大规格发财树", "今天下午把大规格发财树送过去"],
                 good="先用同样大小的金钱树顶上，下个月发财树到货就换回来",
                 f="前台想早点摆好，偏偏要的品种缺货"),
            dict(req="能不能明早八点前把绿植换好？九点来客户",
                 agent="你们大楼物业规定工作日上午十点前货梯不能运绿植。",
                 cust="你们说物业规定上午十点前货梯不让运绿植",
                 bad=["明早八点就把绿植运上去", "明早七点半给您全部换完"],
                 good="今晚下班后货梯开放时就送上去换好",
                 f="客户要来了，时间卡得很紧"),
        ],
        deadlines=[("明天上午十点有重要客户来参观", "明早客户来访前", 20),
                   ("后天公司开业典礼", "后天典礼前", 42),
                   ("今晚六点要拍宣传照", "今晚拍照前", 4)],
        appt=["上门处理", "上门查看", "上门跟进"],
        over=["这批绿植一年都不会黄一片叶子", "以后你们公司的绿植全部免租金"],
        upsell=["我们还有办公室香氛服务，签一年送三个月。",
                "要不要顺便给会议室加几盆？现在加租九折。"],
    ),
    dict(
        key="water_purifier_service", label="净水器上门换滤芯",
        brands=["清泉净水服务", "水卫士净水", "净源家用净水"],
        branches=["城北服务站", "城南服务站", "开发区服务站", "老城区服务站"],
        items=[("RO膜滤芯", 599), ("PP棉加活性炭滤芯套装", 198), ("年度换芯套餐", 880), ("上门检测", 50), ("前置过滤器清洗", 80)],
        verb="换的",
        staff=[("陈伟", "上门服务工程师"), ("朱晓燕", "客服主管"), ("包刚", "服务站站长"), ("邱丽", "客服专员"), ("严斌", "技术主管")],
        rec_label="服务单号", rec_fmt="JS{d9}",
        dept="服务站", third="滤芯厂家", visit="服务站", home=True,
        issues=[
            dict(p="换完滤芯接口一直漏水",
                 c=["师傅刚换完滤芯走了，橱柜里就开始滴水，底板都泡了",
                    "换滤芯之后接头一直渗水",
                    "橱柜里全是水，你们师傅装的什么"],
                 f=["师傅前脚刚走，橱柜就开始漏水，底板都泡软了，又着急又心疼",
                    "一打开橱柜全是水，第一反应肯定是心慌"],
                 e=["着急", "心疼", "心慌"],
                 cause="师傅装滤芯时密封圈没装到位",
                 fix="派工程师上门重新装密封圈，泡坏的橱柜底板照价赔",
                 look="那次的安装照片里密封圈有一边没压进卡槽",
                 done="已经通知服务站优先派单",
                 bc="您家水压可能本身就偏高"),
            dict(p="新装的滤芯没有防伪码，怀疑不是原装",
                 c=["换下来的旧滤芯和新装的长得不一样，也没防伪码，是不是副厂的？",
                    "新滤芯上连个标签都没有",
                    "你们装的到底是不是原装？"],
                 f=["家里人天天喝这个水，怀疑装的不是原装，心里很不踏实",
                    "花了原装的钱，却拿不准装的是什么，总觉得膈应"],
                 e=["不踏实", "膈应", "担心"],
                 cause="那批滤芯在仓库分装时漏贴了防伪标签",
                 fix="派工程师上门换一支带防伪码的原装滤芯，当您面扫码验证",
                 look="那批出库的滤芯确实有一箱漏贴了防伪标签",
                 done="已经把那箱滤芯全部召回核查",
                 bc="副厂和原厂其实差不多"),
            dict(p="约好的上门换芯没人来",
                 c=["约的今天下午两点到四点，等到五点也没人来",
                    "说好的上门呢？在家等了一下午",
                    "你们还来不来？"],
                 f=["为了等师傅一下午哪也没去，结果人没来，整个下午都白搭了",
                    "请了半天假在家干等，最后等了个空"],
                 e=["窝火", "无奈", "生气"],
                 cause="派单系统把您的单子分给了另一个片区的工程师，路程太远没赶上",
                 fix="改派本片区的陈伟工程师上门",
                 look="派单记录里接单的工程师不在您的片区",
                 done="已经把单子改派回本片区",
                 bc="师傅下午活多，路上耽误了"),
            dict(p="换完滤芯水有股怪味",
                 c=["换完新滤芯，水有股塑料味，孩子都不肯喝",
                    "新滤芯出来的水有味道",
                    "这水还能喝吗？"],
                 f=["换了新滤芯本想喝得更放心，结果水有怪味，孩子都不敢喝了",
                    "天天要喝的水突然有了怪味，一家人都不敢放心喝"],
                 e=["担心", "不放心", "别扭"],
                 cause="师傅装完新滤芯没按要求冲洗够时间",
                 fix="派工程师上门把滤芯冲洗到位，并现场测一次TDS给您看",
                 look="工单记录的冲洗时长只有两分钟，标准是十五分钟",
                 done="已经提醒工程师冲洗必须按标准来",
                 bc="新滤芯有点味道是正常的，您多放放水就好"),
            dict(p="年度套餐被自动续费",
                 c=["我没说要续，年度换芯套餐自动扣了880",
                    "谁让你们自动续费的？",
                    "卡里少了880，你们扣的？"],
                 f=["没同意却被扣了一大笔钱，有种被算计的感觉",
                    "卡里突然少了880，先是吓一跳，回过神来更生气"],
                 e=["不舒服", "生气", "憋屈"],
                 cause="开通套餐时默认勾选了自动续费，扣款前我们也没提醒",
                 fix="把这笔续费全额退回，自动续费也给您关掉",
                 look="扣款前我们确实没发续费提醒短信",
                 done="已经帮您关掉了自动续费",
                 bc="开通的时候自动续费那一项是您自己勾上的"),
        ],
        flow=dict(name="公众号的滤芯到期预约",
                  sym="点预约上门，选完时间提交，页面报错“设备编号不存在”",
                  steps=[("净水器上的二维码重新扫了", "重新扫一下净水器上的二维码"),
                         ("设备编号手动输了一遍", "手动输一下设备编号"),
                         ("退出公众号重新进了", "退出公众号重新进入"),
                         ("换了家里人的手机也一样", "换个手机"),
                         ("隔了一天再试还是报错", "过一阵再试")],
                  backend="在后台把您的设备重新绑定，直接建好上门单",
                  f=["滤芯到期想赶紧换，预约却一直报错，越弄越急",
                     "按流程一步步操作还是报错，折腾半天约不上"],
                  e=["着急", "烦躁"],
                  cause="您那台机器的设备编号在系统迁移时丢了，是我们的数据问题",
                  look="后台查到您那台机器的设备编号确实不在新系统里"),
        prefs=[
            dict(refuse=["别让工程师上门了，我自己会装", "不用上门"],
                 want=["把滤芯寄过来", "寄给我自己换"],
                 bad=["派工程师上门给您换", "叫师傅上门给您装好", "让陈伟工程师上门处理"],
                 good="把原装滤芯寄给您，附一份安装视频"),
            dict(refuse=["不要延长质保", "延保我不需要"],
                 want=["退钱", "把服务费退了"],
                 bad=["给您的机器延长一年质保", "免费送您一年延保", "质保给您往后延十二个月"],
                 good="把这次的服务费退给您"),
        ],
        qa=[("RO膜多久换一次？", "RO膜一般24个月换一次，水质差的地区18个月", "两年左右"),
            ("上门费怎么收？", "换芯套餐内上门免费，单独上门检测收50元", "套餐里上门不收钱"),
            ("滤芯能自己换吗？", "PP棉和活性炭可以自己换，RO膜建议让工程师换", "前两级可以自己换"),
            ("TDS多少算正常？", "RO出水TDS在50以下都算正常", "五十以内正常")],
        unavail=[
            dict(req="我想换跟原来一模一样的RO膜，能装吗？",
                 agent="这款机型的原装RO膜厂家已经停产，现在只有升级款。",
                 cust="你们说原款RO膜停产了",
                 bad=["明天给您装原款RO膜", "原款RO膜给您调货过来换上"],
                 good="给您换升级款RO膜，差价我们承担",
                 f="用惯的型号没了，心里没底"),
            dict(req="陈师傅上次装得很好，这次还能找他吗？",
                 agent="陈师傅这周在总部培训，周五才回来。",
                 cust="你们说陈师傅周五才回来",
                 bad=["明天就让陈师傅上门", "今天下午安排陈师傅过去"],
                 good="明天由站长包刚亲自上门",
                 f="信得过的师傅不在，怕换了人又出问题"),
        ],
        deadlines=[("后天家里要来客人住一周", "后天客人来之前", 40),
                   ("明天一早要出差，家里没人", "明早出门前", 16),
                   ("今晚要给宝宝冲奶粉", "今晚之前", 5)],
        appt=["上门处理", "上门查看", "上门跟进"],
        over=["您家净水器十年不出问题", "以后滤芯全部免费给您换"],
        upsell=["我们新出了一款厨下加热一体机，老用户换购八折。",
                "要不要顺便加装一个前置过滤器？现在有活动。"],
    ),
    dict(
        key="board_game_cafe", label="桌游馆",
        brands=["骰子与咖啡桌游馆", "夜枭推理馆", "棋乐无穷桌游"],
        branches=["大学路店", "文创园店", "江汉路店", "天河店"],
        items=[("包厢四小时套餐", 288), ("散台畅玩（每人每天）", 68), ("剧本杀《雾都疑案》场次", 158),
               ("储值卡", 500), ("生日包场六小时", 980)],
        verb="订的",
        staff=[("康乐", "店长"), ("徐小北", "DM主持人"), ("付晨", "桌游讲解员"), ("吉娜", "前台"), ("曹阳", "客服")],
        rec_label="订单号", rec_fmt="BG{mm}{dd}-{d3}",
        dept="店里", third="团购平台", visit="店里", home=False,
        issues=[
            dict(p="桌游缺零件玩不下去",
                 c=["拿了一盒卡坦岛，玩到一半发现少了好几张资源卡",
                    "桌游里缺牌，玩了一个小时才发现，白玩了",
                    "你们的游戏盒子都不点件的吗"],
                 f=["一桌朋友兴致勃勃玩到一半，才发现缺牌没法继续，那种扫兴特别难受",
                    "好不容易凑齐人，时间却浪费在一盒不完整的游戏上"],
                 e=["扫兴", "郁闷", "无奈"],
                 cause="那盒游戏上一桌归还时我们没点件",
                 fix="退还这次包厢费，下次给你们留一盒全新的",
                 look="那盒卡坦岛的归还清点单上没有签字",
                 done="已经把那盒游戏下架补件",
                 bc="可能是你们自己玩的时候弄丢了"),
            dict(p="提前订好的包厢被别人占了",
                 c=["提前三天订的包厢，到了说被别人用了，让我们坐大厅",
                    "我订的包厢怎么有人？",
                    "订了包厢还没位置，搞笑呢"],
                 f=["提前订好的包厢到店却被占了，当着朋友的面很尴尬",
                    "特意为聚会订的包厢落了空，一群人站着等，太糟心了"],
                 e=["尴尬", "糟心", "生气"],
                 cause="前台把线上和电话预订的包厢重复接了",
                 fix="给你们换到最大的那间包厢，这次包厢费全免",
                 look="预订系统里同一间包厢有两条同时段的订单",
                 done="已经把重复的那单处理掉",
                 bc="可能是你们来晚了，超过了保留时间"),
            dict(p="剧本杀主持人不熟剧本、节奏拖沓",
                 c=["主持人自己都不熟剧本，一直翻本子，一场拖了五个小时",
                    "DM太水了，线索发错两次",
                    "这场本被主持人带崩了"],
                 f=["六个人约了好久才凑齐一场，被一个不熟剧本的主持人带崩，真的很可惜",
                    "满怀期待来沉浸一场，结果频频出戏，太扫兴了"],
                 e=["可惜", "扫兴", "失望"],
                 cause="那场临时换上了刚培训完的主持人，把关不严的是我们",
                 fix="这场费用全部退还，再请资深DM徐小北给你们免费重开一场",
                 look="那场的主持人是上周才通过考核的新人",
                 done="已经让那位主持人回去重新培训",
                 bc="这个剧本本身节奏就慢"),
            dict(p="结账多算了一个小时",
                 c=["我们十点半就走了，结账算到十一点半",
                    "包厢多收了一小时的钱",
                    "时间算错了吧？"],
                 f=["玩得开开心心，结账却多算一小时，像被宰了一刀",
                    "本来挺愉快的一晚，结尾被多收钱搅了"],
                 e=["不爽", "不痛快", "生气"],
                 cause="前台结账时按预订时长而不是实际离店时间算的",
                 fix="把多收的一小时费用退给您",
                 look="门禁记录显示你们是十点三十四离店的",
                 done="已经跟前台核对了结账规则",
                 bc="包厢是按整点计费的"),
            dict(p="隔壁包厢太吵没法推理",
                 c=["隔壁一直在吼，我们这桌推理完全听不清",
                    "你们隔音也太差了，隔壁吵了一晚上",
                    "能不能管管隔壁"],
                 f=["想安安静静推理一局，却被隔壁吵得没法集中，一晚上的兴致都没了",
                    "花钱买的是体验，被噪音毁掉真的很憋屈"],
                 e=["烦躁", "憋屈", "扫兴"],
                 cause="我们把狼人杀团和推理本安排在了相邻包厢，也没及时提醒",
                 fix="退这次包厢费的一半，下次给你们安排最里面的静音包厢",
                 look="当晚隔壁是一场十二人的狼人杀",
                 done="已经定了规矩，推理本和狼人杀不再排相邻包厢",
                 bc="周末人多，吵一点难免"),
        ],
        flow=dict(name="小程序的在线订包厢",
                  sym="选好包厢和时段，付款那一步一直提示“订单超时”",
                  steps=[("退出小程序重新下过单", "退出小程序重新下单"),
                         ("支付方式也换过", "换个支付方式"),
                         ("缓存清了", "清一下缓存"),
                         ("手机重启过", "重启一下手机"),
                         ("换了别的时段也订不上", "换个时段订")],
                  backend="在后台直接给您锁好包厢，付款链接单独发您",
                  f=["跟朋友约好的局眼看订不上包厢，越急越出错",
                     "付款一直超时，担心包厢被别人抢走"],
                  e=["着急", "烦躁"],
                  cause="付款那一步的超时时间我们设得太短",
                  look="后台能看到您几次下单都在付款前超时了"),
        prefs=[
            dict(refuse=["不要储值卡，我们就偶尔来一次", "别充卡里"],
                 want=["退现金", "退到微信"],
                 bad=["给您储值卡里充一百", "把补偿打进会员储值卡", "补偿以储值余额的形式给您"],
                 good="退到您付款的那个微信"),
            dict(refuse=["这个本不想再玩了", "别再给我们重开同一个本"],
                 want=["退钱", "把钱退了"],
                 bad=["给你们免费重开一场《雾都疑案》", "再约一次同一个本给你们重玩", "另找个时间把这个本给你们重新开一遍"],
                 good="这场费用全部退还，以后想玩别的本再约"),
        ],
        qa=[("最晚营业到几点？", "周末营业到凌晨两点，工作日到十二点", "周末能到两点左右"),
            ("能带外卖进来吗？", "可以带外卖，店里不收服务费，酒水除外", "外卖可以带"),
            ("包厢最多坐几个人？", "最大的包厢坐12人，普通包厢6到8人", "大包厢十来个人"),
            ("新手能玩剧本杀吗？", "新手可以，我们有新手本，DM会先讲规则", "可以，有新手本")],
        unavail=[
            dict(req="这周六能开一场《雾都疑案》吗？我们六个人",
                 agent="《雾都疑案》店里只有一套，这周末的场次都排满了。",
                 cust="你们说《雾都疑案》这周末都排满了",
                 bad=["周六晚上给你们加开一场《雾都疑案》", "周日下午给你们插一场《雾都疑案》"],
                 good="下周五晚上那场还有六个位置，先给你们锁上",
                 f="好不容易凑齐人，想玩的本却排不上"),
            dict(req="我们十个人，能坐一间包厢吗？",
                 agent="按消防规定，一间包厢最多坐八个人。",
                 cust="你们说包厢最多八个人",
                 bad=["给你们十个人安排进同一间包厢", "加两把椅子让十个人都坐进去"],
                 good="给你们开两间相邻包厢，中间的门打开当一间用",
                 f="一大帮朋友想坐在一起，被人数卡住了"),
        ],
        deadlines=[("后天晚上七点要办生日局", "后天生日局前", 53),
                   ("明天下午三点公司团建", "明天团建前", 25),
                   ("今晚八点朋友就到了", "今晚八点前", 6)],
        appt=["到店重开一场", "来店里补玩一次", "到店当面处理"],
        over=["以后你们来每一局都完美无缺", "以后你们来店里永久免费"],
        upsell=["我们新到了一批进口桌游，办个会员可以优先借。",
                "这周末有狼人杀比赛，报名费八十，要不要参加？"],
    ),
    dict(
        key="school_uniform_order", label="校服订购",
        brands=["校尚校服", "启航学生服饰", "童年季校服"],
        branches=["实验小学订购点", "第一中学订购点", "育才小学订购点", "外国语学校订购点"],
        items=[("夏季短袖校服套装", 158), ("冬季加厚冲锋衣", 298), ("春秋运动服套装", 226), ("礼服套装（含领结）", 368), ("校服裤子（单条）", 75)],
        verb="订的",
        staff=[("石红", "订购点负责人"), ("苗志强", "售后客服"), ("秦雯", "客服主管"), ("廖斌", "量体师傅"), ("邹婷", "班级对接员")],
        rec_label="订购单号", rec_fmt="XF{yy}{d6}",
        dept="售后组", third="学校", visit="订购点", home=True,
        issues=[
            dict(p="发来的校服尺码不对",
                 c=["量体时登记的150，发来的是130，孩子根本穿不上",
                    "尺码发错了，裤子短一截",
                    "这尺码谁穿得下？"],
                 f=["孩子眼看要穿校服上学，拿到手却穿不上，当家长的又急又无奈",
                    "量体时明明登记清楚了，还是发错，心里很窝火"],
                 e=["着急", "窝火", "无奈"],
                 cause="分拣时把您家孩子和同班同学的尺码标签贴反了",
                 fix="给您换一套150码，直接送到学校班上",
                 look="量体登记是150，分拣记录却是130",
                 done="已经把那套150码单独留了出来",
                 bc="可能是孩子量体时没站直"),
            dict(p="校服洗一次就掉色起球",
                 c=["新校服洗了一次就掉色，白领子染成了蓝的",
                    "才穿一周就起球，这质量也太差了",
                    "这面料也太次了"],
                 f=["孩子天天穿的衣服，洗一次就变样，心里膈应又心疼钱",
                    "学校统一要求穿的衣服质量却这样，家长很无奈"],
                 e=["膈应", "心疼", "失望"],
                 cause="这批面料的固色工序没做到位",
                 fix="免费给您换一套新批次的，掉色那套不用寄回",
                 look="同一批次已经有好几位家长反馈掉色",
                 done="已经把这批面料送去检测",
                 bc="可能是您用了热水洗"),
            dict(p="套装少了一件",
                 c=["礼服套装里没有领结，周一升旗要用",
                    "订的是整套，包里少了裤子",
                    "东西不齐啊"],
                 f=["马上就要用却发现少了一件，急着给孩子凑齐，真是手忙脚乱",
                    "拿到手一拆少东西，还得一趟趟来回折腾"],
                 e=["着急", "烦躁", "心累"],
                 cause="打包时我们漏装了",
                 fix="把少的那件加急送到学校班上",
                 look="打包记录里您这单少扫了一件",
                 done="已经把缺的那件找了出来",
                 bc="可能是孩子在学校弄丢了"),
            dict(p="开学一周了校服还没到",
                 c=["都开学一周了，别的班都发了，我们班还没到",
                    "校服什么时候能到？孩子天天被老师点名",
                    "还要等多久？"],
                 f=["别的孩子都穿上了，自家孩子还没有，天天被点名，孩子委屈家长也着急",
                    "开学都过了还在等校服，夹在学校和商家中间很为难"],
                 e=["着急", "为难", "委屈"],
                 cause="你们班的订单被我们排进了第二批生产",
                 fix="把你们班的校服调进加急批次送到学校",
                 look="生产单显示你们班被排在了第二批",
                 done="已经跟工厂确认可以插单",
                 bc="学校交订单的时间比较晚"),
            dict(p="退掉的校服钱一直没到",
                 c=["转学退了两套校服，退款一个月还没到",
                    "退货早就寄回去了，钱呢？",
                    "退款到底走到哪一步了"],
                 f=["衣服早就寄回去了，钱一个月都没影，心里一直记挂着",
                    "孩子转学本来就一堆事，退款还要这样追，真累"],
                 e=["心累", "着急", "不满"],
                 cause="仓库签收了退货却没在系统里确认入库，退款一直没触发",
                 fix="手动把退款退到您当时付款的账户",
                 look="退货物流显示已签收，系统却一直是“待入库”",
                 done="已经把入库确认补上",
                 bc="退款要等财务统一审核"),
        ],
        flow=dict(name="家长群里的订购小程序",
                  sym="填完孩子的身高体重点提交，一直提示“该学生信息不存在”",
                  steps=[("学号重新输了一遍", "重新输入一下学号"),
                         ("退出重新登录过", "退出重新登录"),
                         ("换孩子爸爸的手机也不行", "换另一个家长的手机登录"),
                         ("缓存清了", "清一下缓存"),
                         ("第二天又试了一次", "隔一天再试")],
                  backend="在后台把孩子的学籍信息补录进去，直接帮您下好单",
                  f=["订购截止日快到了，小程序却一直说找不到孩子，越试越急",
                     "按老师发的步骤一步步来还是不行，又急又无奈"],
                  e=["着急", "无奈"],
                  cause="学校给的名单漏了部分插班生，我们导入时没核对",
                  look="后台名单里确实没有您家孩子的学籍记录"),
        prefs=[
            dict(refuse=["不要换货了，孩子已经在别处买了", "换货就不用了"],
                 want=["退款", "退钱"],
                 bad=["给您换一套合适的尺码送到学校", "重新给您发一套新的", "给您换一套新的送过来"],
                 good="把这套的钱按原付款方式退给您"),
            dict(refuse=["别送到学校，孩子会被同学笑话", "不要送学校"],
                 want=["寄到家里", "寄家里"],
                 bad=["把换好的校服直接送到孩子班上", "让班级对接员在学校转交给孩子", "送到学校门卫处"],
                 good="直接寄到您家里"),
        ],
        qa=[("校服能单买一件吗？", "可以单买，短袖上衣一件58元，裤子75元", "可以单买，几十块一件"),
            ("尺码不合适能换几次？", "收到后30天内可以免费换码，次数不限", "一个月内可以换"),
            ("冬季冲锋衣能机洗吗？", "内胆可以机洗，外套建议手洗，水温不超过30度", "内胆能机洗"),
            ("校服有质检报告吗？", "有，每批都有第三方检测报告，在小程序里就能查", "有检测报告")],
        unavail=[
            dict(req="冬季冲锋衣150码还能买吗？孩子要穿",
                 agent="150码冬季冲锋衣这批已经全部售罄，下一批月底到。",
                 cust="你们说150码冲锋衣卖完了，月底才到",
                 bad=["明天就给您发一件150码冲锋衣", "今天下午把150码送到学校"],
                 good="先借孩子一件160码周转，月底新货一到换成150码",
                 f="天冷了孩子等着穿，偏偏断码"),
            dict(req="还能再加订一套礼服吗？",
                 agent="订购系统已经截单了，学校要求统一订购期后不能再加单。",
                 cust="你们说订购已经截单不能加了",
                 bad=["帮您把这单补加进系统", "给您在统一订单里再加一套"],
                 good="订购点有同款现货，可以直接买，款式和学校统一的一样",
                 f="差一套没订上，担心孩子到时候没得穿"),
        ],
        deadlines=[("下周一早上升旗仪式要穿礼服", "周一升旗前", 66),
                   ("明天上午学校拍毕业照", "明天拍照前", 18),
                   ("今晚老师要统计缺校服的名单", "今晚统计前", 5)],
        appt=["上门处理", "到订购点当面处理", "上门跟进"],
        over=["孩子三年的校服都不会再出问题", "以后孩子的校服全部免费"],
        upsell=["我们还有书包和运动鞋套装，跟校服一起买打九折。",
                "要不要多订一套备用？现在加订优惠二十。"],
    ),
]

# ---------------------------------------------------------------------------
# Generation logic
# ---------------------------------------------------------------------------

CONFLICT_FAMILIES = ["asks_for_given_info", "repeats_failed_step", "ignores_preference", "misses_deadline",
                     "wrong_fact", "unanswered_question", "impossible_promise", "ignores_broken_promise",
                     "ignores_availability"]
EMPATHY_FAMILIES = ["feeling_named", "ownership_vs_blame", "concrete_vs_vague", "personal_vs_scripted",
                    "off_topic", "over_promise", "result_vs_callback", "parroting"]
FAMILIES = CONFLICT_FAMILIES + EMPATHY_FAMILIES

SURNAMES = ["陈", "王", "李", "张", "刘", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭",
            "林", "何", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾"]
HOME_ADDR = ["幸福里小区3栋1202", "锦绣花园8号楼2单元601", "滨湖湾11栋703", "翠苑二区5幢402",
             "阳光城15号楼1单元1101", "丽景湾6栋2304", "梧桐苑二期9栋502", "桃源新村4幢301"]
OFFICE_ADDR = ["金桥大厦B座17层", "科技园创新大厦9楼", "国际金融中心32层", "软件园三期C栋6楼", "万科中心A座1205"]

SK = {2: ["open", "ack"], 3: ["greet", "open", "ack"], 4: ["open", "ask", "info", "check"],
      5: ["greet", "open", "ask", "info", "check"], 6: ["open", "ask", "info", "check", "push", "hold"]}
ROLE = {"open": "customer", "info": "customer", "push": "customer",
        "greet": "agent", "ask": "agent", "ack": "agent", "check": "agent", "hold": "agent"}
PUNCT_END = "。！？~…!?"


def pick(r, seq):
    return seq[r.randrange(len(seq))]


def F(tpl, V, **kw):
    d = dict(V)
    d.update(kw)
    return tpl.format(**d)


def cjoin(r, a, b):
    if not a:
        return b
    if not b:
        return a
    if a[-1] in PUNCT_END or a[-1] in "，,、":
        return a + b
    return a + pick(r, ["，", "。", "，", " "]) + b


def cstyle(r, s, first=False):
    """Light, meaning-preserving chat styling for customer lines."""
    s = s.strip()
    if first and r.random() < 0.18:
        s = pick(r, ["你好，", "在吗？", "喂，", "客服，", "你好 "]) + s
    end = s[-1]
    x = r.random()
    if end in "？?":
        if x < 0.25:
            s += pick(r, ["？", "？？"])
    elif end in "！!":
        if x < 0.3:
            s += "！"
    elif end == "。":
        if x < 0.35:
            s = s[:-1] + pick(r, ["", "。。。", "！", "~"])
    else:
        if x < 0.25:
            s += pick(r, ["。", "！", "。。。"])
    if r.random() < 0.08:
        s = s.replace("，", " ", 1)
    return s


def make_rec(r, fmt):
    y = pick(r, [2024, 2025])
    m = r.randint(1, 12)
    d = r.randint(1, 28)
    out = (fmt.replace("{yyyy}", str(y)).replace("{yy}", str(y)[2:])
           .replace("{mm}", "%02d" % m).replace("{dd}", "%02d" % d))
    for n in range(10, 2, -1):
        tok = "{d%d}" % n
        while tok in out:
            out = out.replace(tok, "".join(str(r.randint(0, 9)) for _ in range(n)), 1)
    return out


def alter_rec(r, rec):
    chars = list(rec)
    pos = [i for i, ch in enumerate(chars) if ch.isdigit()]
    tail = pos[-6:] if len(pos) > 6 else pos
    for i in r.sample(tail, 2):
        chars[i] = str((int(chars[i]) + r.randint(1, 8)) % 10)
    out = "".join(chars)
    return out if out != rec else rec[:-1] + str((int(rec[-1]) + 1) % 10)


def make_state(r, d):
    staff = list(d["staff"])
    r.shuffle(staff)
    svc = [s for s in staff if any(k in s[1] for k in ("客服", "前台", "店长", "经理", "主管", "顾问", "负责人", "对接"))]
    agent = svc[0] if svc else staff[0]
    others = [s for s in staff if s != agent]
    tech, other = others[0], others[1]
    item, price = pick(r, d["items"])
    m, day = r.randint(1, 12), r.randint(1, 28)
    phone = "1%d%d****%04d" % (r.randint(3, 9), r.randint(0, 9), r.randint(0, 9999))
    addrs = OFFICE_ADDR if d["key"] == "office_plant_rental" else HOME_ADDR
    V = dict(brand=pick(r, d["brands"]), branch=pick(r, d["branches"]), agent=agent[0], agent_title=agent[1],
             tech=tech[0], tech_title=tech[1], other=other[0], item=item, price=price,
             rec=make_rec(r, d["rec_fmt"]), rec_label=d["rec_label"], dept=d["dept"], third=d["third"],
             visit=d["visit"] or "现场", verb=d["verb"], date="%d月%d号" % (m, day), m=m, day=day,
             cust=pick(r, SURNAMES) + pick(r, ["先生", "女士"]), phone=phone, tail=phone[-4:],
             addr=pick(r, addrs), pay_np=d.get("pay_np", "您付的"), pay_vp=d.get("pay_vp", "付了"))
    return V


def issue_topic(r, d):
    return dict(pick(r, d["issues"]))


def flow_topic(V, d):
    fl = d["flow"]
    return dict(p=fl["name"] + "一直提交不了", c=[F(x, V, name=fl["name"], sym=fl["sym"]) for x in FLOW_OPEN],
                f=fl["f"], e=fl["e"], cause=fl["cause"], fix=fl["backend"], look=fl["look"],
                done="已经把您的账号标给技术组优先处理", bc="可能是您手机系统版本太老了")


# ---------------- reply pieces ----------------

def p_addr(r, V):
    return F(pick(r, ADDR), V)


def pick_e(r, T, clause):
    es = [e for e in T["e"] if e not in clause] or list(T["e"])
    return pick(r, es)


NO_SORRY = ("道个歉", "对不住", "对不起", "抱歉", "不是")


def p_feel(r, V, T, soft=False):
    """Name the specific feeling; soft=True skips templates that already apologise."""
    spec = [t for t in FEEL_SPEC if not any(w in t for w in NO_SORRY)] if soft else FEEL_SPEC
    spec_p = [t for t in FEEL_SPEC_P if not any(w in t for w in NO_SORRY)] if soft else FEEL_SPEC_P
    if not T.get("p") or r.random() < 0.75:
        f = pick(r, T["f"])
        return F(pick(r, spec), V, f=f, e=pick_e(r, T, f))
    return F(pick(r, spec_p), V, p=T["p"], e=pick_e(r, T, T["p"]))


def p_gen(r, V):
    return F(pick(r, FEEL_GEN), V) + (pick(r, LISTEN) if r.random() < 0.4 else "")


def p_own(r, V, T, prob=0.75):
    if T.get("cause") and r.random() < prob:
        return F(pick(r, OWN), V, c=T["cause"])
    return pick(r, OWN_SHORT)


def w_own(r, V, T):
    """ownership for grade-2 replies: sometimes with the cause, sometimes short, sometimes none"""
    x = r.random()
    if x < 0.45 and T.get("cause"):
        return F(pick(r, OWN), V, c=T["cause"])
    if x < 0.75:
        return pick(r, OWN_SHORT)
    return ""


def p_done(r, V, T, prob=0.3):
    if T.get("done") and r.random() < prob:
        return F(pick(r, DONE_T), V, done=T["done"])
    return ""


def p_fix(r, V, fix, t, slow=False):
    return F(pick(r, FIX_SLOW if slow else FIX_T), V, fix=fix, t=t)


def p_close(r, V, prob=0.45):
    return F(pick(r, CLOSE), V) if r.random() < prob else ""


def J(*parts):
    return "".join(p for p in parts if p)


def g3_basic(r, V, T, t=None, personal=False):
    t = t or pick(r, FAST_T)
    if personal:
        feel = p_feel(r, V, T) if r.random() < 0.5 else F(pick(r, FEEL_SPEC_P), V, p=T["p"], e=pick_e(r, T, T["p"]))
        lead = F(pick(r, ["{cust}，", "{cust}，", ""]), V)
        return J(lead, feel, p_own(r, V, T, 0.3), p_fix(r, V, T["fix"], t), p_close(r, V, 1.0))
    if r.random() < 0.4:
        # compact: specific feeling, ownership, step with a time frame, nothing else
        feel = F(pick(r, FEEL_SPEC_P), V, p=T["p"], e=pick(r, T["e"]))
        return J(feel, p_own(r, V, T, 0.3), p_fix(r, V, T["fix"], t))
    return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), p_done(r, V, T),
             p_fix(r, V, T["fix"], t), p_close(r, V))


def g2_basic(r, V, T, generic_only=False, close=0.5):
    v = pick(r, [0, 2]) if generic_only else r.randrange(3)
    if v == 0:
        return J(p_addr(r, V), p_gen(r, V), p_own(r, V, T, 0.5), p_done(r, V, T, 0.3),
                 p_fix(r, V, T["fix"], pick(r, SLOW_T), True), p_close(r, V, close))
    if v == 1:
        return J(p_addr(r, V), p_feel(r, V, T), p_fix(r, V, T["fix"], pick(r, SLOW_T), True))
    return J(p_gen(r, V), p_own(r, V, T, 0.9), p_done(r, V, T, 0.4), p_fix(r, V, T["fix"], pick(r, FAST_T)))


def g1(r, V, T, kind):
    if kind == "formulaic":
        a, b = r.sample(FORMULAIC, 2)
        tail = pick(r, [F(b, V), pick(r, FORMULAIC_TAIL)]) if r.random() < 0.5 else ""
        return J(p_addr(r, V), F(a, V), tail)
    if kind == "vague":
        return J(p_addr(r, V), p_gen(r, V) if r.random() < 0.5 else "", F(pick(r, VAGUE), V),
                 pick(r, VAGUE_WARM_TAIL) if r.random() < 0.4 else "")
    if kind == "vague_warm":
        return J(p_addr(r, V), p_feel(r, V, T), pick(r, OWN_SHORT) if r.random() < 0.5 else "",
                 F(pick(r, VAGUE_WARM_TAIL), V))
    if kind in ("scripted", "scripted2"):
        pool = SCRIPTED[::2] if kind == "scripted" else SCRIPTED[1::2]
        return F(pick(r, pool), V)
    if kind == "callback":
        return J(p_addr(r, V), p_gen(r, V) if r.random() < 0.5 else "", F(pick(r, CALLBACK), V),
                 pick(r, FORMULAIC_TAIL) if r.random() < 0.3 else "")
    if kind == "callback_warm":
        return J(p_addr(r, V), p_feel(r, V, T), F(pick(r, CALLBACK), V))
    if kind in ("parrot", "parrot2"):
        pool = PARROT[:3] if kind == "parrot" else PARROT[3:]
        return J(p_addr(r, V), F(pick(r, pool), V, p=T["p"], e=pick(r, T["e"])),
                 pick(r, PARROT_TAIL) if r.random() < 0.4 else "")
    raise ValueError(kind)


def g0(r, V, T, kind, d):
    if kind == "blame":
        lead = pick(r, BLAME_LEAD) if r.random() < 0.4 else ""
        return J(p_addr(r, V), lead, F(pick(r, BLAME), V, bc=T["bc"]), pick(r, BLAME_TAIL) if r.random() < 0.45 else "")
    if kind == "blame_other":
        return J(p_addr(r, V), F(pick(r, BLAME_OTHER), V), pick(r, BLAME_TAIL) if r.random() < 0.3 else "")
    if kind == "brush":
        a, b = r.sample(BRUSH, 2)
        return J(p_addr(r, V), F(a, V), F(b, V) if r.random() < 0.4 else "")
    if kind == "upsell":
        lead = p_gen(r, V) + pick(r, UPSELL_LEAD) if r.random() < 0.4 else pick(r, UPSELL_LEAD)
        return J(p_addr(r, V), lead, pick(r, d["upsell"]),
                 pick(r, UPSELL_TAIL) if r.random() < 0.4 else "")
    if kind == "offtopic":
        a, b = r.sample(OFFTOPIC, 2)
        return J(p_addr(r, V), pick(r, UPSELL_LEAD) if r.random() < 0.4 else "", F(a, V),
                 F(b, V) if r.random() < 0.35 else "")
    if kind in ("over", "over2"):
        lead = p_feel(r, V, T) if r.random() < 0.6 else ""
        over = d["over"][0] if kind == "over" else d["over"][1]
        return J(p_addr(r, V), F(pick(r, OVER_T), V, lead=lead, fix=T["fix"], over=over,
                                 t=pick(r, FAST_T)))
    raise ValueError(kind)


# ---------------- context helpers ----------------

def default_slot(r, V, T, slot):
    if slot == "open":
        return pick(r, T["c"])
    if slot == "greet":
        return F(pick(r, A_GREET), V)
    if slot == "ask":
        return F(pick(r, A_ASK), V)
    if slot == "ack":
        return F(pick(r, A_ACK), V)
    if slot == "info":
        return F(pick(r, C_INFO), V)
    if slot == "check":
        return F(pick(r, A_CHECK), V, look=T["look"])
    if slot == "hold":
        return F(pick(r, A_HOLD), V)
    if slot == "push":
        return pick(r, C_PUSH)
    raise ValueError(slot)


def render(r, V, T, slots, ov):
    ctx = []
    first = True
    for i, s in enumerate(slots):
        role = ROLE.get(s, s)
        text = ov[i] if i in ov else default_slot(r, V, T, s)
        if role == "customer":
            text = cstyle(r, text, first)
            first = False
        ctx.append({"role": role, "text": text})
    return ctx


def newest_text(r, base=None):
    if base is None:
        base = pick(r, NEW_URGE)
    return cstyle(r, pick(r, NEW_EMO) + base)


def cust_detail_idx(r, slots):
    L = len(slots)
    idxs = [i for i in (L - 2, L - 4) if i >= 0 and ROLE[slots[i]] == "customer"]
    return pick(r, idxs)


def place_detail(r, V, T, detail, where, ov_extra=None, lengths=(2, 3, 4, 5, 6), tail=None):
    """Put a customer-side detail 2 or 4 turns back, or into the newest message."""
    L = pick(r, list(lengths))
    slots = SK[L]
    ov = dict(ov_extra(slots) if ov_extra else {})
    if where == "ctx":
        idx = cust_detail_idx(r, slots)
        s = slots[idx]
        if s == "push":
            base = ""
        elif idx in ov:
            base = ov[idx]
        else:
            base = default_slot(r, V, T, s)
        ov[idx] = cjoin(r, base, detail)
        newest = newest_text(r, tail)
        where_info = "ctx-%d" % (L - idx)
    else:
        newest = cstyle(r, cjoin(r, detail, tail or pick(r, NEW_URGE)))
        where_info = "newest"
    return render(r, V, T, slots, ov), newest, where_info


def conflict_pattern(r):
    return pick(r, [[3, 2, 0, 0, 0], [3, 2, 2, 0, 0]])


def with_close(r, V, text, prob=0.45):
    return text + p_close(r, V, prob)


# ---------------- conflict families ----------------

def fam_asks_for_given_info(r, d, V):
    T = issue_topic(r, d)
    types = ["rec", "photo", "screenshot", "phone", "amount"] + (["address"] if d["home"] else [])
    it = pick(r, types)
    give = F(pick(r, INFO[it]["give"]), V)
    where = pick(r, ["ctx", "ctx", "new"])
    L = pick(r, [2, 3, 4, 5, 6])
    slots = SK[L]
    ov = {}
    if where == "ctx":
        idx = cust_detail_idx(r, slots)
        if it == "rec" and slots[idx] == "info":
            ov[idx] = cjoin(r, give, F(pick(r, C_INFO_NOREC), V)) if r.random() < 0.5 else give
        else:
            if it == "rec":
                for i, s in enumerate(slots):
                    if s == "info":
                        ov[i] = F(pick(r, C_INFO_NOREC), V)
                    if s == "ask":
                        ov[i] = F(pick(r, A_ASK_WHEN), V)
            base = "" if slots[idx] == "push" else ov.get(idx, default_slot(r, V, T, slots[idx]))
            ov[idx] = cjoin(r, base, give)
        ctx = render(r, V, T, slots, ov)
        newest = newest_text(r)
        wi = "ctx-%d" % (L - idx)
    else:
        if it == "rec":
            for i, s in enumerate(slots):
                if s == "info":
                    ov[i] = F(pick(r, C_INFO_NOREC), V)
                if s == "ask":
                    ov[i] = F(pick(r, A_ASK_WHEN), V)
        ctx = render(r, V, T, slots, ov)
        newest = cstyle(r, cjoin(r, give, pick(r, NEW_URGE)))
        wi = "newest"
    given = {it}
    if it != "rec" and "info" in slots:
        given.add("rec")
    if it != "rec" and "ask" in slots:
        given.add("rec")

    def ack():
        return F(pick(r, INFO[it]["ack"]), V)

    def good():
        core = F(pick(r, GOOD_ACK_WRAP), V, ack=ack(), look=T["look"])
        extra = ""
        spare = [x for x in ["phone"] if x not in given]
        if spare and r.random() < 0.3:
            extra = F(pick(r, EXTRA_ASK), V, ask=F(pick(r, INFO[pick(r, spare)]["ask"]), V))
        return J(p_addr(r, V), p_feel(r, V, T), core, p_own(r, V, T), p_fix(r, V, T["fix"], pick(r, FAST_T)),
                 extra, p_close(r, V, 0.35))

    def weak():
        return J(p_addr(r, V), ack(), "。", p_gen(r, V), w_own(r, V, T), p_fix(r, V, T["fix"], pick(r, SLOW_T), True),
                 p_close(r, V, 0.5))

    asks = list(INFO[it]["ask"])
    r.shuffle(asks)

    def bad(j):
        a = F(asks[j % len(asks)], V)
        core = F(pick(r, BAD_ASK_WRAP), V, ask=a, t=pick(r, FAST_T), fix=T["fix"])
        look = "我这边查到%s。" % T["look"] if r.random() < 0.35 else ""
        return J(p_addr(r, V), p_feel(r, V, T), look, p_own(r, V, T), p_done(r, V, T, 0.35), core, p_close(r, V, 0.45))

    return ctx, newest, wi, good, weak, bad


def fam_repeats_failed_step(r, d, V):
    T = flow_topic(V, d)
    fl = d["flow"]
    steps = r.sample(fl["steps"], pick(r, [2, 2, 3]))
    tried = [s[0] for s in steps]
    if len(tried) == 2:
        detail = F(pick(r, TRIED_DETAIL), V, a=tried[0], b=tried[1])
    else:
        detail = F(pick(r, TRIED_DETAIL3), V, a=tried[0], b=tried[1], c=tried[2])
    untried = [s for s in fl["steps"] if s not in steps]

    def ov_extra(slots):
        o = {}
        for i, s in enumerate(slots):
            if s == "ask":
                o[i] = F(pick(r, A_ASK_PHONE), V)
            if s == "info":
                o[i] = F(pick(r, C_INFO_PHONE), V)
        return o

    where = pick(r, ["ctx", "ctx", "new"])
    ctx, newest, wi = place_detail(r, V, T, detail, where, ov_extra)
    tried_txt = "、".join(tried)

    def good():
        return J(p_addr(r, V), p_feel(r, V, T), F(pick(r, ACK_TRIED), V, tried=tried_txt), p_own(r, V, T, 0.6),
                 p_fix(r, V, T["fix"], pick(r, FAST_T)), p_close(r, V, 0.4))

    def weak():
        tail = ""
        if untried and r.random() < 0.6:
            tail = "着急的话不妨先%s看看。" % pick(r, untried)[1]
        return J(p_addr(r, V), F(pick(r, ACK_TRIED), V, tried=tried_txt), p_gen(r, V), w_own(r, V, T),
                 "我已经提交给技术排查，%s修好。" % pick(r, SLOW_T), tail, p_close(r, V, 0.4))

    order = list(steps)
    r.shuffle(order)

    def bad(j):
        st = order[j % len(order)]
        core = F(pick(r, BAD_STEP_WRAP), V, instr=st[1], t=pick(r, FAST_T), backend=T["fix"])
        others = [s for s in steps if s != st]
        if others and r.random() < 0.5:
            if r.random() < 0.5:
                core = F(pick(r, STEP_DECOY), V, done_step=pick(r, others)[0]) + core
            else:
                core = F(pick(r, ACK_TRIED), V, tried=pick(r, others)[0]) + core
        return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), p_done(r, V, T, 0.4), core, p_close(r, V, 0.4))

    return ctx, newest, wi, good, weak, bad


PREF_WRAP = ["按您说的，{offer}，{t}办好。", "那就{offer}，我{t}处理完。", "就照您的意思：{t}{offer}。",
             "{offer}，{t}到位。", "我的方案是{offer}，{t}安排好。", "这样，{offer}，{t}给您落实。",
             "{t}{offer}，您觉得行不行？", "为了弥补，{offer}，{t}就能办。"]
PREF_DETAIL = ["{refuse}，{want}", "{refuse}。{want}就行", "说清楚：{refuse}，{want}", "{refuse}！{want}"]


def fam_ignores_preference(r, d, V):
    T = issue_topic(r, d)
    where = pick(r, ["ctx", "ctx", "new"])
    if r.random() < 0.5:
        pr = pick(r, d["prefs"])
        detail = F(pick(r, PREF_DETAIL), V, refuse=pick(r, pr["refuse"]), want=pick(r, pr["want"]))
        offers = list(pr["bad"])
        r.shuffle(offers)
        prior_offer = offers[0]

        def good():
            return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T),
                     F(pick(r, PREF_WRAP), V, offer=pr["good"], t=pick(r, FAST_T)), p_close(r, V, 0.4))

        def weak():
            return J(p_addr(r, V), p_gen(r, V), w_own(r, V, T),
                     F(pick(r, PREF_WRAP), V, offer=pr["good"], t=pick(r, SLOW_T)), p_close(r, V, 0.5))


        def bad(j):
            o = offers[j % len(offers)]
            return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), p_done(r, V, T, 0.3),
                     F(pick(r, PREF_WRAP), V, offer=o, t=pick(r, FAST_T)), p_close(r, V, 0.4))

        if where == "ctx" and r.random() < 0.6:
            # the agent offered the refused remedy one turn before the refusal
            L = pick(r, [4, 5, 6])
            slots = SK[L]
            idx = cust_detail_idx(r, slots)
            ov = {}
            if idx - 1 >= 0 and slots[idx - 1] in ("ask", "check", "ack"):
                ov[idx - 1] = F(pick(r, A_CHECK), V, look=T["look"]).split("。")[0] + "。" + \
                    F(pick(r, A_OFFER), V, offer=prior_offer)
                ov[idx] = detail
            else:
                ov[idx] = cjoin(r, default_slot(r, V, T, slots[idx]), detail)
            ctx = render(r, V, T, slots, ov)
            return ctx, newest_text(r), "ctx-%d" % (L - idx), good, weak, bad
        ctx, newest, wi = place_detail(r, V, T, detail, where)
        return ctx, newest, wi, good, weak, bad

    opts = [c for c in CHANNEL if (c["kind"] != "visit" or d["visit"]) and (c["kind"] != "door" or d["home"])]
    ch = pick(r, opts)
    detail = F(pick(r, ch["refuse"]), V)
    ctx, newest, wi = place_detail(r, V, T, detail, where)

    def good():
        return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), p_fix(r, V, T["fix"], pick(r, FAST_T)),
                 F(pick(r, ch["good"]), V), p_close(r, V, 0.3))

    def weak():
        return J(p_addr(r, V), p_gen(r, V), w_own(r, V, T), p_fix(r, V, T["fix"], pick(r, SLOW_T), True),
                 F(pick(r, ch["good"]), V), p_close(r, V, 0.3))

    bads = list(ch["bad"])
    r.shuffle(bads)

    def bad(j):
        b = bads[j % len(bads)]
        return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), p_fix(r, V, T["fix"], pick(r, FAST_T)),
                 F(b, V, t=pick(r, FAST_T)), p_close(r, V, 0.3))

    return ctx, newest, wi, good, weak, bad


def fam_misses_deadline(r, d, V):
    T = issue_topic(r, d)
    text, short, H = pick(r, d["deadlines"])
    goods = [(t, h) for t, h in TIMES if h <= H - max(1.0, H * 0.3)]
    bads = [(t, h) for t, h in TIMES if H + 5 <= h <= H * 4 + 30]
    detail = F(pick(r, DL_DETAIL), V, text=text)
    where = pick(r, ["ctx", "ctx", "new"])
    ctx, newest, wi = place_detail(r, V, T, detail, where)
    tg, hg = pick(r, goods)

    def good():
        return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), F(pick(r, DL_ACK), V, short=short),
                 p_fix(r, V, T["fix"], tg), p_close(r, V, 0.4))

    def weak():
        later = [t for t, h in goods if h >= hg] or [tg]
        return J(p_addr(r, V), p_gen(r, V), w_own(r, V, T), F(pick(r, DL_ACK), V, short=short) if r.random() < 0.5 else "",
                 p_fix(r, V, T["fix"], pick(r, later)), p_close(r, V, 0.5))

    bl = [t for t, h in bads]
    r.shuffle(bl)

    def bad(j):
        t = bl[j % len(bl)]
        decoy = pick(r, DL_DECOY) if r.random() < 0.35 else ""
        return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), p_done(r, V, T, 0.35), decoy, p_fix(r, V, T["fix"], t),
                 p_close(r, V, 0.45))

    return ctx, newest, wi, good, weak, bad


def wrong_value(r, d, V, key):
    if key == "date":
        while True:
            m, dd = r.randint(1, 12), r.randint(1, 28)
            if (m, dd) != (V["m"], V["day"]):
                return "date", "%d月%d号" % (m, dd)
    if key == "branch":
        return "branch", pick(r, [b for b in d["branches"] if b != V["branch"]])
    if key == "item":
        return "item", pick(r, [i for i, _ in d["items"] if i != V["item"]])
    if key == "price":
        alts = [p for _, p in d["items"] if p != V["price"]]
        alts += [V["price"] + x for x in (10, 20, 30, 50, 100)] + [max(5, V["price"] - x) for x in (10, 20, 30)]
        alts = [a for a in alts if a != V["price"]]
        return "price", pick(r, alts)
    if key == "tech":
        names = [n for n, _ in d["staff"] if n not in (V["tech"], V["agent"])]
        return "tech", pick(r, names)
    if key == "rec":
        return "rec", alter_rec(r, V["rec"])
    raise ValueError(key)


def fam_wrong_fact(r, d, V):
    # issues whose wording carries its own amounts would blur the price fact, so skip them here
    calm = [i for i in d["issues"] if not any(ch.isdigit() for ch in "".join(i["c"]) + i["look"])]
    T = dict(pick(r, calm))
    where = pick(r, ["cust", "cust", "agent", "new"])
    present = set()
    tech_c = ""
    if where == "cust":
        L = pick(r, [4, 5, 6])
        slots = SK[L]
        idx = [i for i, s in enumerate(slots) if s == "info"][0]
        tech_c = F(pick(r, WF_TECH_C), V)
        ov = {idx: F(pick(r, WF_DETAIL_C), V) + tech_c}
        present |= {"date", "branch", "item", "price"}
        if tech_c:
            present.add("tech")
        ctx = render(r, V, T, slots, ov)
        newest = newest_text(r)
        wi = "ctx-%d" % (L - idx)
    elif where == "agent":
        slots = SK[6]
        ov = {3: F(pick(r, WF_DETAIL_A), V, look=T["look"])}
        present |= {"date", "branch", "item", "price", "tech"}
        ctx = render(r, V, T, slots, ov)
        if any(ROLE[s] == "customer" and "{rec}" in "" for s in slots):
            pass
        newest = newest_text(r)
        wi = "ctx-3"
    else:
        L = pick(r, [2, 3, 4, 5, 6])
        slots = SK[L]
        ov = {}
        for i, s in enumerate(slots):
            if s == "info":
                ov[i] = F(pick(r, C_INFO[:1] + C_INFO[3:]), V)
                present.add("rec")
        ctx = render(r, V, T, slots, ov)
        tech_c = F(pick(r, WF_TECH_C), V)
        newest = cstyle(r, cjoin(r, F(pick(r, WF_DETAIL_C), V) + tech_c, pick(r, NEW_URGE)))
        present |= {"date", "branch", "item", "price"}
        if tech_c:
            present.add("tech")
        wi = "newest"
    # rec shows up in the default info slot for "agent" layouts
    if where == "agent":
        for m in ctx:
            if V["rec"] in m["text"]:
                present.add("rec")
    fps = [(keys, tpl) for keys, tpl in WF_FP if set(keys) <= present]
    keys, tpl = pick(r, fps)
    wrap_good = pick(r, WF_WRAP)

    def fp(values):
        return F(tpl, dict(V, **values))

    def good():
        return J(p_addr(r, V), p_feel(r, V, T), F(wrap_good, V, fp=fp({})), p_own(r, V, T),
                 p_fix(r, V, T["fix"], pick(r, FAST_T)), p_close(r, V, 0.4))

    def weak():
        return J(p_addr(r, V), p_gen(r, V), F(pick(r, WF_WRAP), V, fp=fp({})), w_own(r, V, T),
                 p_fix(r, V, T["fix"], pick(r, SLOW_T), True), p_close(r, V, 0.5))

    order = list(keys)
    r.shuffle(order)

    def bad(j):
        key = order[j % len(order)]
        kk, val = wrong_value(r, d, V, key)
        return J(p_addr(r, V), p_feel(r, V, T), F(pick(r, WF_WRAP), V, fp=fp({kk: val})), p_own(r, V, T),
                 p_fix(r, V, T["fix"], pick(r, FAST_T)), p_close(r, V, 0.4))

    return ctx, newest, wi, good, weak, bad


def fam_unanswered_question(r, d, V):
    T = issue_topic(r, d)
    q, ans, rough = pick(r, d["qa"])
    detail = F(pick(r, Q_DETAIL), V, q=q)
    where = pick(r, ["ctx", "ctx", "new"])
    ctx, newest, wi = place_detail(r, V, T, detail, where)

    def good():
        if r.random() < 0.6:
            return J(p_addr(r, V), p_feel(r, V, T), F(pick(r, ANS_T), V, ans=ans), p_own(r, V, T),
                     p_fix(r, V, T["fix"], pick(r, FAST_T)), p_close(r, V, 0.3))
        return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), p_fix(r, V, T["fix"], pick(r, FAST_T)),
                 F(pick(r, ANS_TAIL), V, ans=ans))

    def weak():
        return J(p_addr(r, V), p_gen(r, V), F(pick(r, ROUGH_T), V, rough=rough), w_own(r, V, T),
                 p_fix(r, V, T["fix"], pick(r, SLOW_T), True), p_close(r, V, 0.5))

    def bad(j):
        decoy = pick(r, Q_DECOY) if r.random() < 0.35 else ""
        return J(p_addr(r, V), p_feel(r, V, T), decoy, p_own(r, V, T), p_done(r, V, T, 0.5),
                 p_fix(r, V, T["fix"], pick(r, FAST_T)), p_close(r, V, 0.6))

    return ctx, newest, wi, good, weak, bad


UNAV_NEW = ["所以到底能不能弄？", "那眼下咋办？", "你们想想办法啊", "总得给我个办法吧", "那我该怎么办"]


def fam_impossible_promise(r, d, V):
    un = pick(r, d["unavail"])
    T = dict(p=None, f=[un["f"]], e=UNAV_E, cause=None, fix=un["good"],
             look="这个情况我核实过了", c=[un["req"]], done="", bc="")
    where = pick(r, ["agent", "agent", "cust", "new"])
    req = cstyle(r, un["req"], True)
    agent_line = un["agent"]
    if where == "agent":
        if r.random() < 0.5:
            ctx = [{"role": "customer", "text": req}, {"role": "agent", "text": agent_line},
                   {"role": "customer", "text": cstyle(r, pick(r, UNAV_REACT))},
                   {"role": "agent", "text": F(pick(r, A_HOLD), V)}]
        else:
            ctx = [{"role": "agent", "text": F(pick(r, A_GREET), V)}, {"role": "customer", "text": req},
                   {"role": "agent", "text": agent_line},
                   {"role": "customer", "text": cstyle(r, pick(r, UNAV_REACT))},
                   {"role": "agent", "text": F(pick(r, A_HOLD), V)}]
        newest = newest_text(r, pick(r, UNAV_NEW))
        wi = "ctx-3"
    elif where == "cust":
        if r.random() < 0.5:
            ctx = [{"role": "customer", "text": cstyle(r, cjoin(r, un["req"], "不过" + un["cust"]), True)},
                   {"role": "agent", "text": F(pick(r, A_ACK), V)}]
        else:
            ctx = [{"role": "customer", "text": req}, {"role": "agent", "text": F(pick(r, A_ACK), V)},
                   {"role": "customer", "text": cstyle(r, pick(r, ["刚问了门店，", "我听说", "", "群里说"]) + un["cust"])},
                   {"role": "agent", "text": F(pick(r, A_HOLD), V)}]
        newest = newest_text(r, pick(r, UNAV_NEW))
        wi = "ctx-2"
    else:
        ctx = [{"role": "customer", "text": req}, {"role": "agent", "text": F(pick(r, A_ACK), V)}]
        if r.random() < 0.4:
            ctx = [{"role": "agent", "text": F(pick(r, A_GREET), V)}] + ctx
        newest = cstyle(r, cjoin(r, un["cust"], pick(r, UNAV_NEW)))
        wi = "newest"

    def good():
        return J(p_addr(r, V), p_feel(r, V, T), pick(r, OWN_UNAV),
                 F(pick(r, UNAV_GOOD_WRAP), V, good=un["good"], t=pick(r, FAST_T)), p_close(r, V, 0.4))

    def weak():
        return J(p_addr(r, V), p_gen(r, V), pick(r, OWN_UNAV) if r.random() < 0.6 else "",
                 F(pick(r, UNAV_G2_WRAP), V, good=un["good"], t=pick(r, SLOW_T)), p_close(r, V, 0.5))

    bads = list(un["bad"])
    r.shuffle(bads)

    def bad(j):
        b = bads[j % len(bads)]
        if r.random() < 0.5:
            core = F(pick(r, UNAV_GOOD_WRAP), V, good=b, t=pick(r, FAST_T))
        else:
            core = F(pick(r, UNAV_BAD_WRAP), V, bad=b)
        return J(p_addr(r, V), p_feel(r, V, T), pick(r, OWN_UNAV), core, p_close(r, V, 0.5))

    return ctx, newest, wi, good, weak, bad


def fam_ignores_broken_promise(r, d, V):
    T = issue_topic(r, d)
    kinds = [k for k in BP_KINDS if k["kind"] != "visit" or d["home"]]
    kd = pick(r, kinds)
    olds = [o for o in BP_OLD_T if kd["kind"] != "visit" or "下班" not in o]
    old = pick(r, olds)
    promise = F(pick(r, kd["promise"]), V, old=old)
    recount = F(pick(r, kd["recount"]), V, old=old)
    where = pick(r, ["agent", "cust", "new"])
    if where == "agent":
        L = pick(r, [4, 5, 6])
        slots = {4: ["open", "PROM", "OK", "BYE"], 5: ["greet", "open", "PROM", "OK", "BYE"],
                 6: ["open", "ask", "info", "PROM", "OK", "BYE"]}[L]
        ctx = []
        first = True
        for s in slots:
            if s == "PROM":
                ctx.append({"role": "agent", "text": cjoin(r, pick(r, ["收到。", "明白。", ""]), promise)})
            elif s == "OK":
                ctx.append({"role": "customer", "text": cstyle(r, pick(r, C_OK))})
            elif s == "BYE":
                ctx.append({"role": "agent", "text": F(pick(r, A_OK_BYE), V)})
            else:
                text = default_slot(r, V, T, s)
                if ROLE[s] == "customer":
                    text = cstyle(r, text, first)
                    first = False
                ctx.append({"role": ROLE[s], "text": text})
        newest = newest_text(r, pick(r, BP_NEW))
        wi = "ctx-3"
    elif where == "cust":
        L = pick(r, [2, 4])
        slots = SK[L]
        ctx = render(r, V, T, slots, {0: cjoin(r, pick(r, T["c"]), recount)})
        newest = newest_text(r)
        wi = "ctx-%d" % L
    else:
        L = pick(r, [2, 3, 4, 5, 6])
        ctx = render(r, V, T, SK[L], {})
        newest = cstyle(r, cjoin(r, recount, pick(r, NEW_URGE)))
        wi = "newest"

    def good():
        act = F(pick(r, kd["good"]), V, fix=T["fix"], gt=pick(r, BP_GOOD_T))
        return J(p_addr(r, V), F(pick(r, BP_ACK), V, old=old, noun=kd["noun"]), p_feel(r, V, T, soft=True), act,
                 p_close(r, V, 0.35))

    def weak():
        return J(p_addr(r, V), pick(r, BP_ACK_SHORT), p_gen(r, V), w_own(r, V, T),
                 p_fix(r, V, T["fix"], pick(r, ["今天下班前", "今晚八点前", "明天十二点前"])), p_close(r, V, 0.5))

    news = list(BP_NEW_T)
    r.shuffle(news)

    def bad(j):
        nt = news[j % len(news)]
        decoy = pick(r, BP_DECOY) if r.random() < 0.45 else ""
        return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), p_done(r, V, T, 0.4), decoy, F(pick(r, kd["bad"]), V, new=nt),
                 p_close(r, V, 0.45))

    return ctx, newest, wi, good, weak, bad


def all_slots():
    out = []
    for di, day in enumerate(DAYS, 1):
        for part, hours in PART_HOURS.items():
            for h in hours:
                out.append((day + part + h, di, part))
    return out


SLOTS = all_slots()


def fam_ignores_availability(r, d, V):
    T = issue_topic(r, d)
    text, pred, short = pick(r, AVAIL)
    ok = [s for s in SLOTS if pred(s[1], s[2])]
    no = [s for s in SLOTS if not pred(s[1], s[2])]
    appt = pick(r, d["appt"])
    detail = F(pick(r, AV_DETAIL), V, text=text)
    need = F(pick(r, A_NEED), V, appt=appt)
    where = pick(r, ["ctx", "ctx", "new"])
    if where == "ctx":
        L = pick(r, [2, 4, 5, 6])
        if L == 2:
            ctx = [{"role": "customer", "text": cstyle(r, cjoin(r, pick(r, T["c"]), detail), True)},
                   {"role": "agent", "text": F(pick(r, A_ACK), V)}]
            wi = "ctx-2"
        else:
            seq = {4: ["open", "NEED", "AV", "OKAY"], 5: ["greet", "open", "NEED", "AV", "OKAY"],
                   6: ["open", "NEED", "AV", "OKAY", "push", "hold"]}[L]
            ctx = []
            first = True
            for s in seq:
                if s == "NEED":
                    ctx.append({"role": "agent", "text": need})
                elif s == "AV":
                    ctx.append({"role": "customer", "text": cstyle(r, detail)})
                elif s == "OKAY":
                    ctx.append({"role": "agent", "text": F(pick(r, A_OKAY), V)})
                else:
                    t = default_slot(r, V, T, s)
                    if ROLE[s] == "customer":
                        t = cstyle(r, t, first)
                        first = False
                    ctx.append({"role": ROLE[s], "text": t})
            wi = "ctx-%d" % (L - seq.index("AV"))
        newest = newest_text(r, pick(r, AV_NEW))
    else:
        ctx = [{"role": "customer", "text": cstyle(r, pick(r, T["c"]), True)}, {"role": "agent", "text": need}]
        if r.random() < 0.4:
            ctx = [{"role": "agent", "text": F(pick(r, A_GREET), V)}] + ctx
        newest = cstyle(r, cjoin(r, detail, pick(r, ["你们看着排", "看看哪天能弄", "尽快安排", "就这些时间"])))
        wi = "newest"
    g_slot = pick(r, ok)[0]

    def good():
        return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), F(pick(r, AV_ACK), V, short=short),
                 F(pick(r, AV_GOOD), V, appt=appt, slot=g_slot, fix=T["fix"]), p_close(r, V, 0.4))

    def weak():
        return J(p_addr(r, V), p_gen(r, V), w_own(r, V, T),
                 F(pick(r, AV_GOOD), V, appt=appt, slot=pick(r, ok)[0], fix=T["fix"]), p_close(r, V, 0.5))

    nos = list(no)
    r.shuffle(nos)

    def bad(j):
        s = nos[j % len(nos)][0]
        return J(p_addr(r, V), p_feel(r, V, T), p_own(r, V, T), pick(r, AV_DECOY),
                 F(pick(r, AV_GOOD), V, appt=appt, slot=s, fix=T["fix"]),
                 p_close(r, V, 0.45))

    return ctx, newest, wi, good, weak, bad


CONFLICT_FN = {
    "asks_for_given_info": fam_asks_for_given_info,
    "repeats_failed_step": fam_repeats_failed_step,
    "ignores_preference": fam_ignores_preference,
    "misses_deadline": fam_misses_deadline,
    "wrong_fact": fam_wrong_fact,
    "unanswered_question": fam_unanswered_question,
    "impossible_promise": fam_impossible_promise,
    "ignores_broken_promise": fam_ignores_broken_promise,
    "ignores_availability": fam_ignores_availability,
}

# ---------------- empathy-contrast families ----------------

EMPATHY_PLAN = {
    # family: list of alternative plans; each plan lists reply kinds in grade order
    "feeling_named": [[("g3",), ("g2",), ("g1", "formulaic"), ("g1", "vague"), ("g0", "brush")],
                      [("g3",), ("g2",), ("g2",), ("g1", "formulaic"), ("g0", "blame")],
                      [("g3",), ("g2",), ("g1", "scripted"), ("g1", "formulaic"), ("g0", "blame")],
                      [("g3",), ("g2",), ("g2",), ("g1", "vague"), ("g0", "brush")]],
    "ownership_vs_blame": [[("g3",), ("g2",), ("g1", "formulaic"), ("g0", "blame"), ("g0", "blame_other")],
                           [("g3",), ("g2",), ("g1", "vague"), ("g0", "blame"), ("g0", "blame_other")]],
    "concrete_vs_vague": [[("g3",), ("g2",), ("g1", "vague_warm"), ("g1", "vague"), ("g0", "brush")],
                          [("g3",), ("g2",), ("g1", "vague_warm"), ("g1", "vague_warm"), ("g0", "blame")]],
    "personal_vs_scripted": [[("g3",), ("g2",), ("g1", "scripted"), ("g1", "scripted2"), ("g0", "brush")],
                             [("g3",), ("g2",), ("g1", "scripted"), ("g1", "formulaic"), ("g0", "blame")]],
    "off_topic": [[("g3",), ("g2",), ("g1", "formulaic"), ("g0", "upsell"), ("g0", "offtopic")],
                  [("g3",), ("g2",), ("g1", "vague"), ("g0", "upsell"), ("g0", "offtopic")]],
    "over_promise": [[("g3",), ("g2",), ("g1", "formulaic"), ("g0", "over"), ("g0", "over2")],
                     [("g3",), ("g2",), ("g1", "vague"), ("g0", "over"), ("g0", "over2")]],
    "result_vs_callback": [[("g3",), ("g2",), ("g1", "callback"), ("g1", "callback_warm"), ("g0", "brush")],
                           [("g3",), ("g2",), ("g1", "callback_warm"), ("g1", "callback"), ("g0", "blame")]],
    "parroting": [[("g3",), ("g2",), ("g1", "parrot"), ("g1", "parrot2"), ("g0", "brush")],
                  [("g3",), ("g2",), ("g1", "parrot"), ("g1", "formulaic"), ("g0", "blame")]],
}
GRADE_OF = {"g3": 3, "g2": 2, "g1": 1, "g0": 0}


def empathy_case(r, d, V, fam):
    T = issue_topic(r, d)
    L = pick(r, [2, 3, 4, 5, 6])
    ctx = render(r, V, T, SK[L], {})
    newest = newest_text(r) if r.random() < 0.8 else cstyle(r, pick(r, T["c"]))
    plan = pick(r, EMPATHY_PLAN[fam])
    fns, grades = [], []
    for step in plan:
        g = step[0]
        if g == "g3":
            fns.append(lambda: g3_basic(r, V, T, personal=(fam == "personal_vs_scripted")))
        elif g == "g2":
            fns.append(lambda: g2_basic(r, V, T, generic_only=(fam == "feeling_named"),
                                        close=0.8 if fam == "personal_vs_scripted" else 0.5))
        elif g == "g1":
            fns.append(lambda kind=step[1]: g1(r, V, T, kind))
        else:
            fns.append(lambda kind=step[1]: g0(r, V, T, kind, d))
        grades.append(GRADE_OF[g])
    return ctx, newest, "n/a", fns, grades


P_LONG = 0.22


def select_variants(r, fns, grades, k=4):
    """Draw k variants per reply and pick one each, so that reply length says
    little about the grade: the grade-3 reply is the longest only part of the time."""
    variants = [[fn() for _ in range(k)] for fn in fns]
    i3 = grades.index(3)
    others = [i for i in range(len(fns)) if i != i3]
    if r.random() < P_LONG:
        return [max(v, key=len) if i == i3 else pick(r, v) for i, v in enumerate(variants)]
    chosen = [pick(r, v) for v in variants]
    if all(len(chosen[i]) <= len(chosen[i3]) for i in others):
        chosen[i3] = min(variants[i3], key=len)
    if all(len(chosen[i]) <= len(chosen[i3]) for i in others):
        cand = [i for i in others if len(max(variants[i], key=len)) > len(chosen[i3])]
        if cand:
            j = pick(r, cand)
            chosen[j] = max(variants[j], key=len)
    return chosen


def spread_shortest(r, fns, grades, chosen, variants_min):
    """Conflict families: keep the grade-2 reply from being the shortest almost every time."""
    lens = [len(t) for t in chosen]
    k = lens.index(min(lens))
    if grades[k] != 2 or r.random() < 0.2:
        return chosen
    bads = [i for i, g in enumerate(grades) if g == 0]
    if not bads:
        return chosen
    j = pick(r, bads)
    alt = variants_min(j)
    if len(alt) < len(chosen[k]):
        chosen[j] = alt
    return chosen


ZH_PUNCT = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}
ASCII_PUNCT = {v: k for k, v in ZH_PUNCT.items()}


def zh_punct(s):
    """Agent text: make sure every mark is the full-width Chinese one."""
    s = re.sub(r"'([^']*)'", "\u201c\\1\u201d", s)
    return "".join(ZH_PUNCT.get(ch, ch) for ch in s)


def finish_customer(r, s):
    # most customers type full-width marks; some (desktop typists) send ASCII ones
    if r.random() < 0.15:
        return "".join(ASCII_PUNCT.get(ch, ch) for ch in s)
    return zh_punct(s)


def build_case(seed, fam, d, i):
    for attempt in range(50):
        r = random.Random("j|%d|%s|%s|%d|%d" % (seed, fam, d["key"], i, attempt))
        V = make_state(r, d)
        if fam in CONFLICT_FN:
            ctx, newest, wi, good, weak, bad = CONFLICT_FN[fam](r, d, V)
            grades = conflict_pattern(r)
            fns = []
            nb = 0
            for g in grades:
                if g == 3:
                    fns.append(good)
                elif g == 2:
                    fns.append(weak)
                else:
                    fns.append(lambda j=nb: bad(j))
                    nb += 1
        else:
            ctx, newest, wi, fns, grades = empathy_case(r, d, V, fam)
        texts = select_variants(r, fns, grades)
        if fam in CONFLICT_FN:
            i3 = grades.index(3)
            was_longest = all(len(texts[i3]) > len(t) for j, t in enumerate(texts) if j != i3)
            texts = spread_shortest(r, fns, grades, texts, lambda j: min((fns[j]() for _ in range(10)), key=len))
            if not was_longest and all(len(texts[i3]) > len(t) for j, t in enumerate(texts) if j != i3):
                continue
        if len(set(texts)) != len(texts):
            continue
        if not (2 <= len(ctx) <= 6) or ctx[-1]["role"] != "agent":
            continue
        ctx = [{"role": m["role"], "text": finish_customer(r, m["text"]) if m["role"] == "customer"
                else zh_punct(m["text"])} for m in ctx]
        newest = finish_customer(r, newest)
        texts = [zh_punct(t) for t in texts]
        order = list(range(5))
        r.shuffle(order)
        return {
            "id": "j-%s-%s-%03d" % (fam, d["key"], i + 1),
            "domain": d["key"],
            "family": fam,
            "context": ctx,
            "customer": newest,
            "candidates": [texts[j] for j in order],
            "grades": [grades[j] for j in order],
        }, wi
    raise RuntimeError("could not build a case for %s/%s/%d" % (fam, d["key"], i))


def generate(seed, per_family):
    out = []
    for fam in FAMILIES:
        for d in DOMAINS:
            for i in range(per_family):
                case, _ = build_case(seed, fam, d, i)
                out.append(case)
    return out


def length_rates(cases):
    """Per family: share of cases where the grade-3 reply is strictly the longest / the shortest."""
    stats = {}
    for c in cases:
        g3 = c["grades"].index(3)
        n3 = len(c["candidates"][g3])
        rest = [len(t) for j, t in enumerate(c["candidates"]) if j != g3]
        s = stats.setdefault(c["family"], [0, 0, 0])
        s[0] += all(n3 > n for n in rest)
        s[1] += all(n3 < n for n in rest)
        s[2] += 1
    return {k: (v[0] / v[2], v[1] / v[2]) for k, v in stats.items()}


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate held-out reply-ranking cases (set j).")
    ap.add_argument("--out", required=True, help="output JSONL path ('-' for stdout)")
    ap.add_argument("--per-family", type=int, default=10, help="cases per family per domain")
    ap.add_argument("--seed", type=int, default=101)
    ap.add_argument("--stats", action="store_true", help="print the grade-3-is-longest rate per family to stderr")
    a = ap.parse_args(argv)
    cases = generate(a.seed, a.per_family)
    lines = [json.dumps(c, ensure_ascii=False) for c in cases]
    if a.out == "-":
        sys.stdout.write("\n".join(lines) + "\n")
    else:
        with open(a.out, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    if a.stats:
        rates = length_rates(cases)
        for group, fams in (("conflict", CONFLICT_FAMILIES), ("empathy", EMPATHY_FAMILIES)):
            lo = [rates[f][0] for f in fams]
            sys.stderr.write("%s families: grade-3 longest %.2f on average\n" % (group, sum(lo) / len(lo)))
            for fam in fams:
                sys.stderr.write("  %-24s longest %.2f  shortest %.2f\n" % (fam, rates[fam][0], rates[fam][1]))


if __name__ == "__main__":
    main()
