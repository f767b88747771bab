#!/usr/bin/env python3
"""gen_rank_cases_f.py - data card for generated ranking cases, set "f".

What it makes
    Short Chinese customer-service chats, each followed by five candidate agent replies
    with graded quality. A ranker is scored on whether it puts the single best reply on top
    and orders the rest sensibly. Everything (conversations, replies, phrase banks) is
    written from scratch in this file; nothing is copied from other data.

Domains (12), each with its own record-number format, branches/places, items, amounts,
staff roles and six or more distinct issues:
    pest_control      service order  HC2403-0815        service stations, technicians
    locksmith         dispatch no.   KS517203           shops, locksmiths
    tailor_shop       pickup slip    0427-B15           shops, tailors
    ktv               booking no.    K2405123306        karaoke branches, shift managers
    online_bookstore  order no.      BK4820193756       warehouses, after-sales staff
    escape_room       session code   ER0612-1930        branches, game masters
    ferry_tickets     order no.      FT83620471         routes, dispatchers
    solar_panel_install contract     GF-2024-0371       service centres, engineers
    coworking_space   member no.     CW-10582           sites, community managers
    piano_lessons     student no.    PN2217             campuses, teachers
    bus_charter       charter no.    BC240918012        fleets, drivers
    seafood_online    order no.      SX20240614088251   cold-chain warehouses, after-sales

Families (17)
    Conflict families - all five replies are equally warm and concrete (each names a
    feeling, owns the problem and gives an action with a time frame); only the
    conversation tells them apart:
      asks_for_given_info      bad replies ask again for a number/photo/address/phone
      repeats_failed_step      bad replies tell the customer to redo a step that failed
      ignores_preference       bad replies offer the remedy/channel the customer refused
      misses_deadline          bad replies land after the customer's deadline or stay vague
      wrong_fact               bad replies restate a record, branch, amount, item or date wrongly
      unanswered_question      bad replies are active and kind but never answer the question
      impossible_promise       bad replies promise what the chat established is unavailable
      ignores_broken_promise   bad replies ignore that an earlier promise was not kept
      ignores_availability     bad replies book a time the customer said they cannot do
    Empathy-contrast families - replies differ in the quality of empathy:
      feeling_named, ownership_vs_blame, concrete_vs_vague, personal_vs_scripted,
      off_topic, over_promise, result_vs_callback, parroting

Grades
    3  names the customer's specific feeling, owns the problem, concrete next step with a
       time frame, consistent with everything said, answers what was asked (exactly one)
    2  helpful and consistent but weaker (no feeling, slower remedy, rougher answer)
    1  formulaic, vague, parroting, or only hands over / promises a call-back
    0  blames or brushes off, upsells, promises the impossible, or contradicts the chat
    Patterns: conflict families 3/2/0/0/0 or 3/2/2/0/0; feeling_named 3/2/1/1/0 or 3/2/2/1/0;
    ownership_vs_blame, off_topic, over_promise 3/2/1/0/0; the other empathy families 3/2/1/1/0.
    In the conflict families the replies are padded to similar lengths, so length is no cue.

Output (JSON Lines, UTF-8, one case per line)
    {"id": "genf-<family>-<domain>-<NNN>", "domain": str, "family": str,
     "context": [{"role": "agent"|"customer", "text": str}, ...],   # 2-6 earlier turns
     "customer": str,                                                # newest customer message
     "candidates": [5 str], "grades": [5 int]}                        # shuffled together

Usage
    python3 scripts/gen_rank_cases_f.py --out target/pairx/f_cases.jsonl [--per-family 10] [--seed 51]
Standard library only; the same seed gives byte-identical output.
"""
import argparse
import collections
import json
import os
import random
import re

# ----------------------------------------------------------------------------------------
# small helpers: numbers, hours, days
# ----------------------------------------------------------------------------------------
HZ = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
CNUM = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
WDN = "一二三四五六日"


def period(h):
    if h < 6:
        return "凌晨"
    if h < 9:
        return "早上"
    if h < 12:
        return "上午"
    if h == 12:
        return "中午"
    if h < 18:
        return "下午"
    return "晚上"


def clock(h, half=False):
    n = h % 12
    if n == 0:
        n = 12
    return HZ[n] + "点" + ("半" if half else "")


def day_txt(W, off, style):
    if off == 0:
        return "今天"
    if style == "rel":
        if off <= 3:
            return ["", "明天", "后天", "大后天"][off]
        return CNUM[off] + "天后"
    if style == "wd":
        t = W["wd"] + off
        return ("周" + WDN[t]) if t <= 6 else ("下周" + WDN[t - 7])
    d = W["dd"] + off
    return "%d月%d日" % (W["m"], d) if W["datefmt"] == 0 else "%d号" % d


def when(W, off, h, half=False, style="rel"):
    d = day_txt(W, off, style)
    p = period(h)
    if p == "晚上" and d == "今天":
        return "今晚" + clock(h, half)
    if p == "晚上" and d == "明天" and W["mingwan"]:
        return "明晚" + clock(h, half)
    return d + p + clock(h, half)


def today_anchor(W, style):
    if style == "wd":
        return "今天周" + WDN[W["wd"]]
    if style == "date":
        return "今天%d号" % W["dd"]
    return ""


def t_fast(r, W):
    if W["issue"].get("now"):
        return r.choice(["十分钟内", "二十分钟内", "半小时内", "一刻钟内"])
    now = W["now"]
    opts = ["半小时内", "一小时内", "四十分钟内", "两小时内", "一个钟头之内"]
    h = r.randint(now + 2, min(now + 6, 21))
    opts.append("今天" + period(h) + clock(h) + "前" if period(h) != "晚上" else "今晚" + clock(h) + "前")
    if now < 15:
        opts.append("今天下班前")
    return r.choice(opts)


def t_slow(r, W):
    if W["issue"].get("now"):
        return r.choice(["一个半小时内", "两小时内", "今天下午晚些时候", "两三个小时内"])
    opts = ["明天上午", "明天中午前", "明天下午", "后天", "三个工作日内", "明天下班前", "后天上午", "这周内"]
    return r.choice(opts)


def fill(s, W):
    return s.format_map(W)


def pick(r, seq, W=None):
    x = r.choice(seq)
    return fill(x, W) if W is not None else x


def join(r, parts):
    out = ""
    for p in parts:
        if not p:
            continue
        p = p.strip().rstrip("。，,")
        if not p:
            continue
        if not out:
            out = p
        elif out[-1] in "？！":
            out += p
        else:
            sep = "，" if (r.random() < 0.22 and len(p) < 24 and len(out) < 40) else "。"
            out += sep + p
    if out and out[-1] not in "？！。":
        out += "。"
    return out


def to_second_person(s):
    s = s.replace("你们", "\x01").replace("我们", "\x02").replace("我", "您")
    return s.replace("\x01", "我们").replace("\x02", "你们")


def one_digit_off(r, code):
    pos = [i for i, c in enumerate(code) if c.isdigit()]
    pos = pos[len(pos) // 3:] or pos
    i = r.choice(pos)
    d = int(code[i])
    nd = (d + r.choice([1, 2, 3, 7, 8, 9])) % 10
    return code[:i] + str(nd) + code[i + 1:]


def amount_off(r, amt):
    s = str(amt)
    cands = []
    if len(s) >= 2:
        for i in range(len(s) - 1):
            if s[i] != s[i + 1] and not (i == 0 and s[i + 1] == "0"):
                t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
                cands.append(int(t))
    step = 100 if amt >= 150 else 10
    cands += [amt + step, amt - step if amt - step > 0 else amt + 2 * step]
    cands = [c for c in cands if c != amt and c > 0]
    return r.choice(cands)


TIME_WORDS = re.compile("昨天|今天|前天|上周|这周|明天|今早|今晚|刚|号|点|周[一二三四五六日末]|月")

# ----------------------------------------------------------------------------------------
# shared phrase banks (agent side)
# ----------------------------------------------------------------------------------------
GEN_EMO = ["着急", "失望", "恼火", "委屈", "烦心", "心累", "担心", "憋屈", "焦虑", "生气", "窝火",
           "郁闷", "闹心", "不安", "无奈", "心烦"]
DEG = ["真的很", "挺", "已经很", "特别", "非常"]
FEEL_FRAMES = [
    "听得出来您{deg}{emo}",
    "这种事搁谁身上都会{emo}",
    "您现在一定很{emo}",
    "换成是我，也会{emo}",
    "您{emo}一点都不奇怪",
    "遇上这种情况，{emo}再正常不过了",
    "我能感觉到您{deg}{emo}",
    "让您这么{emo}，我心里也过意不去",
    "碰到这种事，{emo}是肯定的",
]
OWN = [
    "这件事是我们的责任",
    "问题出在我们这边，不该让您来操心",
    "是我们没做到位，我先跟您道个歉",
    "这单我来跟，不会再让您来回找人",
    "错在我们，不用您再多费口舌",
    "我们没把事情办好，这个我认",
    "这是我们工作上的疏漏",
    "给您添了这么多麻烦，是我们做得不够",
    "这事由我负责到底",
    "是我们{staff}那边出了差错，后面由我们兜底",
    "说到底是我们的问题，理应我们来解决",
    "这个锅该我们背，您不用再去找别人",
]
EXTRA = [
    "处理完我会发消息跟您确认",
    "进展我会随时在这里同步给您",
    "这单我亲自盯着，有变化第一时间告诉您",
    "中间有任何情况，直接回这条消息找我就行",
    "弄好以后您看看满不满意，不行我们接着改",
    "{rec}这单我已经备注了加急",
    "我工号{aid}，后面直接找我，不用再从头说一遍",
    "结果出来我先通知您，不用您再来问",
    "到时候还有问题，我继续跟",
    "这期间您不用再费心催，我会主动找您",
    "办完我截个图给您看",
]
SUBJ = ["我", "我这边", "我们", "我们这边"]
ACT_TPL = ["{t}{s}{a}", "{s}{t}{a}", "{s}会在{t}{a}", "{s}已经加急了，{t}{a}", "{s}给您定好了：{t}{a}"]


SLOWISH = re.compile(r"^(明|后|这周|三个|两三|一个半|今天下午晚些|大后|下周|周|\d+月|\d+号)|天后")


def act_sent(r, act, t):
    tpls = ACT_TPL if not (SLOWISH.search(t) or "加急" in act) else [x for x in ACT_TPL if "加急" not in x]
    return r.choice(tpls).format(t=t, s=r.choice(SUBJ), a=act)


def feel_sent(r, W, extra=(), issue=True, generic=True):
    iss = W["issue"]
    pool = []
    if issue:
        pool += [("lit", f) for f in iss["feel"]]
    pool += [("lit", f) for f in extra] * 2
    if generic:
        pool += [("frame", None)] * 2
    if not pool:
        pool = [("frame", None)]
    kind, f = r.choice(pool)
    if kind == "frame":
        emos = list(iss.get("emo", [])) * 3 + r.sample(GEN_EMO, 1)
        f = r.choice(FEEL_FRAMES).format(emo=r.choice(emos), deg=r.choice(DEG))
    return fill(f, W)


def own_sent(r, W):
    return pick(r, OWN, W)


def extra_sent(r, W, no_rec=False):
    pool = [e for e in EXTRA if not (no_rec and "{rec}" in e)]
    return pick(r, pool, W)


MODES = [
    ["feel", "own", "ack", "act", "extra"],
    ["feel", "ack", "act", "own", "extra"],
    ["ack", "act", "feel", "own", "extra"],
    ["own", "feel", "ack", "act", "extra"],
    ["feel", "own", "ack", "act", "extra"],
    ["ack", "feel", "act", "own", "extra"],
    ["feel", "ack", "own", "act", "extra"],
]


def arrange(r, lead=None, answer=None, **parts):
    seq = list(r.choice(MODES))
    if answer:
        x = r.random()
        if x < 0.45:
            seq.insert(0, "answer")
        elif x < 0.85:
            seq.insert(seq.index("feel") + 1, "answer")
        else:
            seq.insert(seq.index("extra"), "answer")
    parts["answer"] = answer
    out = [parts.get(k) for k in seq]
    s = join(r, out)
    if lead:
        s = lead + s
    return s


# ----------------------------------------------------------------------------------------
# shared phrase banks (customer side, context)
# ----------------------------------------------------------------------------------------
AGENT_NAMES = ["乐乐", "安安", "小禾", "小溪", "小棠", "阿然", "小悦", "宁宁", "小满", "一一"]
SURNAMES = ["陈", "王", "李", "赵", "周", "吴", "郑", "黄", "林", "徐", "孙", "胡", "高", "罗", "梁"]
OPENERS = [
    "您好，{brand}客服在线，请问您遇到什么事了？",
    "您好，{brand}售后，我是{aname}，您请讲。",
    "在的，您好，请问遇到什么问题了？",
    "您好，我是今天值班的客服{aname}，有什么情况您直接说。",
    "您好～{brand}在线客服，请说。",
    "您好，我是{aname}，这边为您处理，请问是哪方面的问题？",
]
AGENT_ASK = [
    "收到，您先别急，具体是怎么回事能跟我说说吗？",
    "明白，我先帮您调一下记录，您方便说下具体情况吗？",
    "好的，您说的我记下了，还有别的细节吗？",
    "我在看了，您再讲讲当时的情况？",
    "您好，真不好意思遇到这种事，能再具体描述一下吗？",
]
AGENT_HOLD = [
    "好的，我这边查一下，您稍等片刻。",
    "收到，我看一下记录。",
    "明白了，我先核实一下。",
    "嗯嗯，我正在查，稍等。",
    "好，我联系一下相关同事，您稍候。",
    "了解，我去确认一下，马上回来。",
]
CUST_URGE = [
    "查到了没有？我这边等着呢。",
    "所以现在怎么处理？给个准话吧。",
    "你们打算怎么解决？",
    "我就想知道什么时候能弄好。",
    "能不能快点，我真的等不起了。",
    "那现在到底怎么办？",
    "都这么久了，有结果了吗？",
    "说吧，怎么弄。",
]
CUST_TAIL = [
    "真的挺闹心的",
    "说实话我很失望",
    "太气人了",
    "我现在特别着急",
    "你们能不能上点心",
    "已经很耽误事了",
    "我都不知道该说什么好",
    "心里特别不舒服",
]
CUST_LATEST_EMO = [
    "你们看着办吧，我真的很{emo}。",
    "我现在就想知道怎么解决。",
    "能不能给句实在话？",
    "我不想听客套话，就问怎么处理。",
    "这事你们得负责。",
    "唉，说实话有点寒心，你们打算怎么弄？",
    "我已经等不起了，快点处理吧。",
    "说真的，我现在挺{emo}的，这事你们还管吗？",
    "花了钱还要受这份气，你们说怎么办吧。",
]

GIVE = {
    "rec": ["{rec_name}是{rec}", "{rec_name}{rec}", "{rec}，这是我的{rec_name}", "我的{rec_name}：{rec}"],
    "photo": ["照片和截图我都发上来了", "图我刚传过去，你们看一下", "现场照片已经发给你们了", "我拍了照片发在上面了"],
    "addr": ["地址是{addr}", "我家在{addr}", "地址：{addr}"],
    "phone": ["电话{phone}", "手机号{phone}，随时能打通", "联系电话是{phone}"],
    "seat": ["我在{seat}号工位", "工位号{seat}"],
}
REF = {
    "rec": ["{rec}这单我已经调出来了", "您给的{rec_name}{rec}我查到了", "{rec}的记录我这边都看到了", "按您发的{rec}，记录已经找到了"],
    "photo": ["您发的图我都看过了", "照片上的情况很清楚", "照片和截图我这边都收到了，问题一目了然", "您拍的照片我仔细看了"],
    "addr": ["地址就按您说的{addr}", "{addr}这个地址我已经填进单子里了"],
    "phone": ["联系电话就用您留的{phone}", "到时候打您给的{phone}"],
    "seat": ["{seat}这个工位我记下了", "人会直接到{seat}找您"],
}
ASK = {
    "rec": ["麻烦您把{rec_name}发我一下", "您方便报一下{rec_name}吗", "您先告诉我{rec_name}", "请您提供一下{rec_name}"],
    "photo": ["麻烦您拍张照片或截个图发我", "您方便先发几张照片给我看看吗", "您补一下照片，我好核实", "您先拍个照片发过来"],
    "addr": ["麻烦把详细地址发我一下", "您家具体地址是哪里", "您说下具体地址"],
    "phone": ["您留个方便联系的手机号", "您的联系电话是多少"],
    "seat": ["您在几号工位", "麻烦告诉我您的工位号"],
}
AFTER_ASK = ["收到后", "拿到以后", "确认完", "您发过来后"]

FORM_HEAD = ["您好，", "亲，", "不好意思，", "让您等了这么久，", "", "收到，"]
FORM_BODY = ["问题已经收到了，我们会抓紧处理，麻烦您稍候", "您反映的情况已记录，后续会有同事跟进",
             "情况已经提交上去，请留意来电", "您提的问题我们都记下了，会认真对待", "您的问题已经登记了哦，请耐心等候处理结果",
             "我们会积极处理的，请您放心", "给您带来不便我们深感抱歉，核实后会通知您"]
FORM_TAIL = ["", "谢谢您的反馈", "有结果会告诉您", "感谢您的理解", "请您留意消息"]
SCRIPT_HEAD = ["尊敬的客户您好，", "亲，", "您好，", "尊敬的会员：您好！", "尊敬的用户，您好。", "您好，这里是{brand}服务中心。"]
SCRIPT_BODY = ["感谢您对{brand}的支持，关于您反馈的问题，我们已登记工单", "您反馈的问题已收到哦～我们会按流程处理",
               "您的诉求已转交{dept}", "您的问题已记录在案，我们将严格按照服务规范处理",
               "{brand}始终把客户体验放在第一位，相关部门会按流程核实", "针对您提出的问题，我们会认真核查"]
SCRIPT_TAIL = ["将于24小时内安排专员与您联系，敬请留意。", "进度可在订单详情里查看，祝您每天开心！", "相关同事将于1-3个工作日内答复，请留意短信。",
               "其他疑问请致电服务热线。", "核查结果将以短信形式告知，感谢配合。", "最新进展将通过站内信推送。"]
WS_TOPIC = ["开发票", "积分兑换", "会员等级升级", "修改预约信息", "发票抬头变更", "账号注销", "生日礼包领取"]
WS_INSTR = ["请在订单详情页自助申请", "请查看App首页的活动说明", "请在服务开始前二十四小时联系我们", "请登录个人中心操作",
            "请关注公众号获取最新通知", "请按页面提示填写资料"]
WS_EXTRA = ["亲，我们家所有服务都是明码标价的哦，支持七天内无理由售后～", "尊敬的客户，您的积分将于本月底清零，请及时兑换礼品。",
            "您好，{brand}周年庆活动火热进行中，详情请咨询门店。"]


def formulaic(r, W):
    return fill(r.choice(FORM_HEAD) + r.choice(FORM_BODY) + "。" + (r.choice(FORM_TAIL) + "。" if r.random() < 0.6 else ""), W).replace("。。", "。")


def scripted(r, W):
    return fill(r.choice(SCRIPT_HEAD) + r.choice(SCRIPT_BODY) + "，" + r.choice(SCRIPT_TAIL), W)


def wrong_script(r, W):
    if r.random() < 0.3:
        return fill(r.choice(WS_EXTRA), W)
    return "%s关于您咨询的%s问题，%s%s" % (r.choice(["您好，", "亲，", "尊敬的客户，"]), r.choice(WS_TOPIC), r.choice(WS_INSTR),
                                      r.choice(["。", "，谢谢配合。", "哦～", "，如有疑问欢迎再来咨询。"]))


CALLBACK = [
    "您这边的情况我已经反馈给{dept}了，他们会尽快回您电话",
    "这边先给您登记，回头安排专人打给您，请注意接听",
    "您的问题我转交给相关同事了，等他们核实后再回复您",
    "我记下来了，会请负责的同事回电给您，您留意一下来电",
    "已经帮您提交了工单，后续会有{dept}的同事跟您联系",
    "我这边权限不够，帮您转给上级处理，有消息会通知您",
]
BRUSH = [
    "这个情况我们也处理不了，您自己再想想办法吧",
    "规定就是这样，我这边没法帮您",
    "这种情况很少见，应该是您那边的问题",
    "您说的这个我们这边没有记录，没法处理",
    "我们已经按流程做了，剩下的不归我们管",
    "这个不在我们的服务范围内，您找别人问问吧",
]
VAGUE = [
    "这是我们的问题，我们会想办法尽快处理的",
    "我明白您很{emo}，我们会重视起来，后续会跟进",
    "您放心，这事我们肯定会给您一个交代",
    "我们这边会尽量协调，有消息再跟您说",
    "您别着急，这个我们会处理好的，多给我们几天",
    "辛苦您了，我们会抓紧看看怎么解决",
]
PARROT = [
    "您是说{P}，对吧？好的，我知道了。",
    "嗯，{P}，这个情况我了解了。",
    "明白，就是{P}，我这边记一下。",
    "好的，{P}，是吗？收到。",
    "了解，{P}。我们知道了。",
]

# ----------------------------------------------------------------------------------------
# domains
# ----------------------------------------------------------------------------------------
def _digits(r, n):
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def _addr_flat(comms):
    def f(r):
        return "%s%d栋%d单元%d%02d" % (r.choice(comms), r.randint(1, 18), r.randint(1, 3), r.randint(2, 26), r.randint(1, 4))
    return f


def _addr_house(comms):
    def f(r):
        return "%s%d号楼%d0%d" % (r.choice(comms), r.randint(1, 30), r.randint(2, 18), r.randint(1, 6))
    return f


DOMAINS = {}

DOMAINS["pest_control"] = dict(
    brand="宜居虫控", rec_name="服务单号",
    rec=lambda r, W: "HC%02d%02d-%s" % (r.choice([24, 25]), W["m"], _digits(r, 4)),
    places=["城东服务站", "城西服务站", "高新区服务站", "江南服务站", "北郊服务站"],
    addr=_addr_flat(["锦绣花园", "滨江苑", "翠湖小区", "金域华府", "长青里", "桂香园"]),
    items=["蟑螂消杀", "全屋灭鼠", "除螨消毒", "四害消杀", "床虱处理"],
    staff="技术员", names=["刘师傅", "赵师傅", "孙师傅", "马师傅", "邓师傅"], amt=(180, 880),
    info=["rec", "photo", "addr", "phone"], dept="服务调度部", voucher="服务抵用券",
    redo_noun=["补做", "上门返工", "补喷"], redo_acts=["安排{name}再上门免费补做一次", "给您重新做一遍全屋处理"],
    refund_obj="这次的服务费", third="药剂厂家", staff_pref=True,
    at="请{place}的师傅上门做的{item}", at_facts=["date", "place", "item"],
    upsell=["现在加购全年四次的套餐只要九百九，比单次划算多了", "我们新推出了除甲醛服务，和除虫一起做打八折"],
    overpromise=["我跟您打包票，做完以后家里一只虫子都不会再有", "保证一个小时之内师傅就站到您家门口", "这次处理完，我们承诺终身不会复发"],
    tried=[("{place}的电话我打了三次，都没人接", "您直接打{place}的电话问一下，他们最清楚", "在内部群里直接找{place}的站长，让他亲自跟进")],
    issues=[
        dict(k="roach", sum="蟑螂复发的事", item="蟑螂消杀",
             desc=["上周刚做完{item}，这两天厨房的蟑螂反而更多了，晚上一开灯满地跑", "{item}做完还不到一周，橱柜里又冒出来好多小蟑螂"],
             fix=["安排{name}带胶饵上门免费补治一次", "让{name}上门把厨房和卫生间重新处理一遍，不另收费"],
             feel=["刚花钱做完，又看到蟑螂满地爬，换谁都又恶心又窝火", "晚上一开灯就是蟑螂，心里那种膈应劲儿我能想象"],
             emo=["膈应", "窝火"],
             blame=["蟑螂反复多半是家里卫生没跟上，我们的药是没问题的", "做完以后您是不是拖地把药擦掉了？那复发也正常"],
             tried=[("说是药效要一周才出来，我已经等了十天了", "药效一般是慢慢释放的，您再观察几天看看", "安排{name}上门检查药点，该补的当场补上")],
             visit="让{name}上门补治", dl=["{when}家里要办满月酒，亲戚朋友都要来", "{when}婆婆要带孩子过来住"]),
        dict(k="late", sum="师傅没按时上门的事",
             desc=["约好上午九点上门，{name}到十一点还没来，电话也没人接", "预约的是今天上午，我专门请假在家候着，到现在人影都没有"],
             fix=["改派离您最近的{name2}过去", "把您这单调成最优先，另派{name2}上门"],
             feel=["在家干等了这么久，时间全耽误了，您恼火是肯定的", "白白等了一上午，这种被晾着的感觉确实难受"],
             emo=["恼火", "无奈"],
             blame=["上门时间本来就只是预估，路上堵车我们也控制不了", "师傅一天要跑好几家，晚一点也正常，您再等等"],
             tried=[("{name}的电话我打了四五遍，一直没人接", "您再打一下{name}的电话，他可能在路上没听到", "通过调度直接定位{name}，同时另派{name2}备用")],
             visit=None, dl=["{when}我就得去外地出差了，家里没人"]),
        dict(k="smell", sum="药味太重的事",
             desc=["喷完药家里味道特别冲，孩子一进门就咳嗽", "做完{item}两天了，屋里还是一股刺鼻的药味，老人说头晕"],
             fix=["派专人带检测仪上门测一下药剂残留", "安排{name2}上门做一次残留擦拭，再测一遍空气"],
             feel=["家里老人孩子闻着难受，您担心是再正常不过的", "家里人闻着都不舒服，您担心家人健康是肯定的"],
             emo=["担心", "揪心"],
             blame=["我们用的都是合格药剂，有点味道很正常，您自己多开窗就行", "味道大多半是您没按要求通风"],
             tried=[("窗户已经开了两天两夜，风扇也一直吹着，味道还是散不掉", "您多开窗通通风，再过一两天味道就散了", "派人带检测仪上门测残留，该清的当场清掉")],
             visit="派人带检测仪上门测残留", dl=["{when}宝宝就要从外婆家接回来住"]),
        dict(k="rats", sum="老鼠没抓到的事", item="全屋灭鼠",
             desc=["放了一周粘鼠板，一只老鼠没粘到，天花板夜里还一直有响动", "{item}做完了，厨房里还是天天有老鼠屎"],
             fix=["派{name}上门找老鼠进出的洞口，全部封堵好", "让{name}上门换成捕鼠笼，再把洞口封上"],
             feel=["家里老鼠一直赶不走，谁都睡不踏实", "做了灭鼠还是天天闹老鼠，换谁都烦得不行"],
             emo=["心烦", "烦躁"],
             blame=["老鼠精得很，抓不到也是常有的事，这个我们没法保证", "可能是您家吃的东西没收好，老鼠才不走"],
             tried=[("粘鼠板我已经换了三次位置了，墙角、灶台下面都放过", "您把粘鼠板挪到老鼠常走的墙根试试", "派{name}上门查洞口并封堵，再换成捕鼠笼")],
             visit="让{name}上门查洞口", dl=["{when}我们店要开门营业，后厨必须干净", "{when}卫生检查的人要来店里"]),
        dict(k="overcharge", sum="多收材料费的事",
             desc=["说好{amt}元全包，{name}走的时候又收了我一百五的材料费", "报价单上写的{amt}元，结账时多出来一百五，说是药剂另算"],
             fix=["把多收的一百五原路退给您", "核实后把那一百五材料费退到您付款用的账户"],
             feel=["说好的价格临时加钱，您觉得被坑了，这个感受我完全理解", "事先没讲清楚就多收钱，换谁心里都不舒服"],
             emo=["不舒服", "生气"],
             blame=["材料费是按实际用量收的，合同里写着，您签字前应该看清楚", "这部分本来就是另算的，师傅收得没错"],
             tried=[("我当场就找{name}要收据了，他让我找公司", "您先找上门的师傅开张收据，拿着收据再来申请", "直接让财务核对后把一百五退回")],
             visit=None, dl=None),
        dict(k="termite", sum="白蚁又回来的事", item="白蚁防治",
             desc=["去年做的{item}还在保修期，今年木地板又被蛀了一片", "保修期内白蚁又回来了，门框底下全是蛀屑"],
             fix=["按保修给您重新做一次白蚁灭杀，全程免费", "派{name}上门查蚁路，按保修免费处理"],
             feel=["地板被蛀得一块一块的，看着又心疼又闹心", "明明在保修期，问题又冒出来，心里肯定窝火"],
             emo=["心疼", "闹心"],
             blame=["地板受潮才容易招白蚁，跟我们施工关系不大", "保修只管原来处理过的区域，新蛀的不在范围内"],
             tried=[("保修卡上的电话我打了两天，一直是忙音", "您打保修卡上的服务电话报修就可以", "直接在系统里给您开保修单，派{name}上门")],
             visit="派{name}上门查蚁路", dl=["{when}新租客就要搬进来了"]),
    ],
    qa=[
        dict(avoid=["免费", "收费", "不收"], q=["补做一次还要再收钱吗？", "这次上门要另外付费吗？"], a=["补做是免费的，保修期内不收任何费用", "这次上门不收钱，药剂和人工都算我们的"], rough=["费用方面您不用太担心，应该不会再收"], **{"for": ["roach", "rats", "termite", "smell"]}),
        dict(q=["做完多久人能回家住？家里有小孩", "喷完药多长时间才能让孩子进屋？"], a=["用的是低毒药剂，通风两个小时后就能正常进屋，孩子的玩具和餐具提前收起来就行"], rough=["稍微通通风就可以进屋了，问题不大"], **{"for": ["roach", "smell", "rats"]}),
        dict(q=["为什么才做完没几天就又有了？"], a=["主要是楼道和下水管里的虫子会往屋里迁，第一次没把管道口封住，这次会重点处理地漏和管道"], rough=["这种情况偶尔会有，原因比较多"], **{"for": ["roach", "rats", "termite"]}),
        dict(avoid=["退"], q=["多收的钱几天能退回来？", "那一百五什么时候退给我？"], a=["今天提交，原路退回，一般当天到账，最晚不超过两个工作日"], rough=["很快就能退回去"], **{"for": ["overcharge"]}),
        dict(avoid=["保修"], q=["保修期到底是多久？"], a=["蟑螂和老鼠保修三个月，白蚁保修一年，都从施工那天算起"], rough=["保修期有好几个月，您这次肯定在范围内"], **{"for": ["roach", "rats", "termite"]}),
    ],
    unavail=[
        dict(ask="能不能这周末就派人来？我平时上班", **{"for": ["roach", "smell", "rats", "termite", "late"]}, no="这周末的技术员全部排满了，最早只能下周一上门。",
             bad=["这周六上午就安排{name}上门", "周日下午让{name}过去处理"], good=["给您预留下周一上午的第一单，今天先寄一盒胶饵过去应急"]),
        dict(ask="今晚能不能来人处理一下？", **{"for": ["roach", "smell", "rats", "termite", "late"]}, no="您那个片区晚上六点以后没有技术员值班，夜间没法上门。",
             bad=["今晚八点让{name}上门处理", "今晚九点前派{name}过去"], good=["明天早上八点第一单让{name}过去，今晚先教您用粘板把厨房门口围住"]),
        dict(ask="你们那个进口的无味药能不能给我换上？", **{"for": ["roach", "smell"]}, no="进口的无味药剂这个月全部用完了，厂家下个月才补货。",
             bad=["明天上午用进口无味药给您重新做一遍", "后天让{name}带进口药剂上门"], good=["明天先用低气味的国产胶饵处理，下个月药到了再免费给您补一次"]),
    ],
)

DOMAINS["locksmith"] = dict(
    brand="安心锁业", rec_name="派单号",
    rec=lambda r, W: "KS" + str(r.randint(1, 9)) + _digits(r, 5),
    places=["河西店", "河东店", "火车站店", "大学路店", "新城店"],
    addr=_addr_flat(["阳光新村", "书香苑", "紫荆花园", "东湖小区", "云锦家园"]),
    items=["防盗门锁芯", "指纹锁", "电子密码锁", "入户门锁"],
    staff="锁匠师傅", names=["韩师傅", "高师傅", "郑师傅", "何师傅", "罗师傅"], amt=(80, 1680),
    info=["rec", "photo", "addr", "phone"], dept="维修调度", voucher="维修抵用券",
    redo_noun=["换锁芯", "返修"], redo_acts=["免费再给您换一次锁芯", "让{name}再上门返修一次"],
    refund_obj="这次的费用", third="锁具厂家", staff_pref=True,
    at="在{place}下单装的{item}", at_facts=["date", "place", "item"],
    upsell=["我们现在有智能门锁以旧换新活动，直降五百", "加九十九元可以办一年的上门保养服务"],
    overpromise=["我保证这把锁十年都不会出任何问题", "五分钟之内师傅就到您家门口", "这次费用全免，再送您一把最新款的指纹锁"],
    tried=[("{place}的电话我打了好几遍，一直占线", "您直接打{place}的电话，让店里安排", "直接联系{place}店长，让他亲自派人")],
    issues=[
        dict(k="stuck", sum="新锁芯拧不动的事", item="防盗门锁芯",
             desc=["昨天刚换的{item}，今天钥匙插进去怎么都拧不动", "新换的锁芯钥匙转半圈就卡住，门都锁不上"],
             fix=["让{name}上门免费重新调试锁芯", "安排{name}带新锁芯上门，不合适直接换掉"],
             feel=["刚换的锁就卡住，站在门口进不去，又急又烦", "花钱换了新锁反而更不好用，心里肯定憋屈"],
             emo=["着急", "憋屈"],
             blame=["新锁芯都有个磨合期，可能是您用力方式不对", "钥匙拧不动多半是您拔插的角度有问题"],
             tried=[("我已经往锁孔里喷了润滑油，还是拧不动", "您往锁孔里喷点润滑剂，来回多插几次就顺了", "让{name}上门把锁芯拆下来重新调，调不好直接换")],
             visit="让{name}上门处理锁芯", dl=["{when}我得出门去机场，门锁不好家里没法走人", "{when}家里老人要一个人在家"]),
        dict(k="waiting", sum="师傅迟迟不到的事", now=True, dl_now=["{when}我必须进门拿证件赶去机场", "{when}孩子放学回来，家里得有人开门"],
             desc=["我被锁在门外一个多小时了，说二十分钟到的师傅到现在还没来", "下单的时候说半小时到，我在楼道里站了快一个钟头了"],
             fix=["改派离您最近的{name2}直接过去", "让{name2}从附近的单子上直接赶过去"],
             feel=["被关在门外干等这么久，又冷又着急", "在楼道里站了这么久，腿都站麻了，您烦躁是正常的"],
             emo=["着急", "烦躁"],
             blame=["这个点单子多，师傅都在路上，您得理解一下", "下单高峰期，晚点到很正常"],
             tried=[("调度给我的师傅电话我打了，他说在路上，都说了三遍了", "您再给师傅打个电话，问问他到哪了", "直接改派离您两公里的{name2}过去")],
             visit=None, dl=None),
        dict(k="finger", sum="指纹锁识别不了的事", item="指纹锁",
             desc=["装好的{item}三天两头识别不了指纹，今早又卡在门口进不去", "{item}装了才一个月，指纹经常要按五六次才开"],
             fix=["给您换一个新的指纹模块", "让{name}带新模组上门更换，整锁再检测一遍"],
             feel=["每天回家都得在门口按半天，太闹心了", "出门回家都提心吊胆怕打不开，换谁都受不了"],
             emo=["闹心", "心烦"],
             blame=["指纹识别不了很可能是您手指太干，不是锁的问题"],
             tried=[("指纹我删了重新录了三遍，还是经常识别不了", "您把指纹删除后重新录入一下", "安排师傅上门更换指纹识别模组"), ("电池我昨天刚换的新的", "您先把锁的电池换一下试试", "让{name}带新模组上门检测更换")],
             visit="让{name}上门换指纹模块", dl=["{when}家里要请保姆，得给她录指纹"]),
        dict(k="damage", sum="门框被撬坏的事",
             desc=["{name}开锁的时候把门框撬变形了，现在门关不严", "开锁把我家门边的漆刮掉一大块，锁舌那里也歪了"],
             fix=["安排{name2}上门把门框修复好，费用我们承担", "请钣金师傅上门校正门框，修不好照价赔偿"],
             feel=["找人开个锁反倒把门弄坏了，您心里肯定憋屈", "门出了问题晚上睡觉都不踏实，这份担心我理解"],
             emo=["憋屈", "担心"],
             blame=["技术开锁本来就有损坏风险，开之前师傅都说过的", "门框本来就旧了，不能全怪我们"],
             tried=[("我已经找{name}本人说了，他说这不归他管", "您可以先联系当时上门的师傅协商", "直接让店长安排修复，费用我们承担")],
             visit="安排师傅上门修门框", dl=["{when}我要出差一个星期，门关不严不敢走"]),
        dict(k="overcharge", sum="临时加价的事",
             desc=["电话里说开锁八十块，师傅到了收了我{amt}", "下单页面写的一百二，结果收了我{amt}，说是夜间加急费"],
             fix=["把多收的部分原路退给您", "按报价重新结算，差价退回"],
             feel=["临时被加价，任谁都会觉得被坑", "说好的价格到现场就变了，这种感觉确实很差"],
             emo=["生气", "不舒服"],
             blame=["夜间和技术开锁本来就是另外的价格，师傅没收错", "您当时付钱的时候也没提出异议啊"],
             tried=[("我当场就跟师傅说了，他说要找公司", "您先跟上门的师傅沟通一下价格", "直接核对报价，把差价退回")],
             visit=None, dl=None),
        dict(k="carkey", sum="车钥匙打不着火的事", item="汽车钥匙",
             desc=["在你们{place}配的{item}，能开车门但是打不着火", "新配的车钥匙遥控能用，一插进去仪表盘就报防盗"],
             fix=["让{name}带设备过去重新做芯片匹配", "安排{name}上门给钥匙重新对码，不再收费"],
             feel=["车开不了，上班全耽误了，着急是肯定的", "花钱配了钥匙车还是动不了，换谁都恼火"],
             emo=["着急", "恼火"],
             blame=["有可能是您车本身的防盗系统有问题", "您是不是插钥匙的方式不对"],
             tried=[("我按师傅说的把钥匙插进去停了十秒再打火，还是不行", "您把钥匙插到点火档停十秒左右再启动试试", "让{name}带解码设备上门重新匹配芯片")],
             visit="让{name}带设备上门给钥匙对码", dl=["{when}我得开车送孩子去考试", "{when}要开车去接亲"]),
    ],
    qa=[
        dict(avoid=["费用", "收费", "免费", "承担"], q=["上门修还要另外收上门费吗？"], a=["这次是返修，上门费和人工都不收"], rough=["这次应该不用额外付钱"]),
        dict(q=["新换的锁芯到底是几级的？安不安全？"], a=["您家换的是C级锁芯，是目前民用最高的防护级别"], rough=["是比较安全的那种锁芯"], **{"for": ["stuck", "damage"]}),
        dict(avoid=["最近", "附近"], q=["师傅现在离我还有多远？"], a=["我刚看了定位，{name2}离您大概三公里，十五分钟左右能到"], rough=["师傅已经在路上了，不会太久"], **{"for": ["waiting"]}),
        dict(avoid=["保修"], q=["指纹锁还在保修期内吗？"], a=["您是上个月装的，整锁保修两年，现在在保修期内，换模块不收钱"], rough=["应该还在保修范围里"], **{"for": ["finger"]}),
        dict(avoid=["退", "差价"], q=["多收的钱退到哪？要几天？"], a=["原路退回您付款的微信，今天提交，一般两小时内到账"], rough=["会退回去的，很快"], **{"for": ["overcharge"]}),
    ],
    unavail=[
        dict(ask="给我换一把跟原来一样的吧", **{"for": ["finger"]}, no="您原来那款{item}已经停产了，仓库里也没有库存。", item="指纹锁",
             bad=["今天下午给您换一把同款的新{item}", "明天上午让{name}带同款{item}上门更换"], good=["明天上午给您换成升级款，差价我们补，今天先把实物照片发您看"]),
        dict(ask="那能不能现在就来人换锁芯？", **{"for": ["stuck", "damage"]}, no="凌晨一点到早上六点我们只接紧急开锁，换锁芯这类活要等天亮。",
             bad=["凌晨三点让{name}上门给您换锁芯", "一小时内就安排{name}上门换锁芯"], good=["早上七点半第一单让{name}过去换锁芯，今晚先教您把防盗链挂上"]),
        dict(ask="我能直接去{place}配一把备用钥匙吗？", **{"for": ["stuck", "carkey"]}, no="{place}今天整天停电，配钥匙的机器用不了。",
             bad=["今天下午直接在{place}给您配好", "两小时内在{place}给您配一把"], good=["改到{place2}给您配，两小时内配好让骑手送过去"]),
    ],
)

DOMAINS["tailor_shop"] = dict(
    brand="巧手裁缝铺", rec_name="取衣单号",
    rec=lambda r, W: "%02d%02d-%s%02d" % (W["m"], r.randint(1, 28), r.choice("ABCDEFH"), r.randint(1, 60)),
    places=["解放路店", "中山路店", "万象城店", "老街店", "南门店"],
    addr=_addr_flat(["丽水湾", "梧桐里", "香樟苑", "凤凰城", "平安小区"]),
    items=["西装外套", "婚纱", "旗袍", "西裤", "羊绒大衣", "伴娘裙"],
    staff="裁缝师傅", names=["吴师傅", "沈师傅", "陶师傅", "方师傅", "宋师傅"], amt=(60, 2800),
    info=["rec", "photo", "phone"], dept="门店管理部", voucher="改衣券",
    redo_noun=["重改", "返工"], redo_acts=["让{name}免费再给您改一次", "把衣服拿回来重新返工"],
    refund_obj="这次的改衣费", third="面料供应商", staff_pref=True,
    at="送到{place}改的{item}", at_facts=["date", "place", "item"],
    upsell=["我们店现在定制衬衫第二件半价，要不要顺便做一件", "办一张五百元的储值卡，以后改衣都打九折"],
    overpromise=["我保证这次改完比新买的还合身", "半小时之内就能给您全部改好送到家", "以后您在我们店改衣全部免费"],
    tried=[("{place}的电话我打过了，店员说要等店长回来", "您打一下{place}的电话问问店长", "直接把情况发到店长手机上，让他亲自处理")],
    issues=[
        dict(k="short", sum="裤长改短了的事", item="西裤",
             desc=["{item}裤长改完短了一截，一穿就露脚踝", "说好只收两厘米，{item}拿回来短了快五厘米"],
             fix=["让{name}用预留的布边重新放长", "请{name}拆开重新放裤脚，补到您要的长度"],
             feel=["好好的裤子改坏了，又心疼又生气", "满心期待拿回来却没法穿，失望是肯定的"],
             emo=["心疼", "失望"],
             blame=["量的时候您穿的是平底鞋，换了鞋看着短也正常", "当时确认长度是您点了头的"],
             tried=[("我已经回店里试穿过一次了，店员说就是这个长度", "您再来店里试穿一下，让店员看看效果", "让店长亲自重新量，把裤长改回来")],
             visit="约您到{place}当面试穿确认", dl=["{when}要穿着去面试", "{when}公司年会要穿"]),
        dict(k="delay", sum="取衣延误的事",
             desc=["说好今天能取，我去了{place}店员说还没做好", "取衣单上写的昨天就能取，我跑到店里，说还在排队"],
             fix=["让{name}加急赶工，做好派人送到您家", "把您的{item}排到第一个，做好直接闪送给您"],
             feel=["白跑一趟不说，衣服还等着穿，换谁都着急", "专门抽时间过去却扑了个空，这种感觉太糟了"],
             emo=["着急", "恼火"],
             blame=["这几天单子太多了，晚一两天也正常", "您来之前应该先打电话问问"],
             tried=[("我今天下午已经去{place}跑了一趟，白跑", "您可以直接去店里问问进度", "直接让师傅加急，做好派人送上门")],
             visit="把做好的{item}送到您家", dl=["{when}就要穿着它参加婚礼", "{when}要拍全家福"]),
        dict(k="scorch", sum="衣服被烫坏的事", item="羊绒大衣",
             desc=["取回来的{item}袖口有块烫黄的印子", "{item}领子那里被熨出了一块亮光，怎么都弄不掉"],
             fix=["把{item}送去专业织补修复，修不好照价赔偿", "请专门的修复师傅看，能修就免费修，不能修按价赔"],
             feel=["这件衣服对您意义不一般，被烫坏了肯定很心疼", "好好的衣服送来改，反而被弄坏了，确实让人窝火"],
             emo=["心疼", "窝火"],
             blame=["这块印子说不定是您拿回去自己熨的", "羊绒本来就娇气，我们也没办法保证"],
             tried=[], visit="派人上门取衣送去修复", dl=["{when}要穿去参加同学聚会"]),
        dict(k="loose", sum="衣服不合身的事", item="西装外套",
             desc=["定做的{item}腰身做大了，扣上扣子空荡荡的", "{item}肩膀宽出来一大截，穿上像借来的"],
             fix=["约您来店里重新量体，免费改到合身", "让{name}重新收腰身，改到您满意为止"],
             feel=["等了半个月做出来却不合身，挺失望的", "花了心思定做的衣服穿着不对劲，心里肯定别扭"],
             emo=["失望", "别扭"],
             blame=["量体那天您是不是吸着肚子", "您这段时间是不是瘦了"],
             tried=[("我已经照店员说的在里面加了件毛衣试，还是大", "您里面加件厚点的衣服再试试", "让{name}重新收腰身")],
             visit="约您到{place}重新量体", dl=["{when}要穿去婚礼当伴郎", "{when}有个很重要的签约"]),
        dict(k="button", sum="扣子掉了的事",
             desc=["刚取的{item}穿了一天扣子就掉了两颗", "新改的{item}拉链拉了两下就崩了"],
             fix=["免费给您返修，扣子和拉链一起加固检查", "让{name}返修，扣子、拉链、线头全部重新检查加固"],
             feel=["新衣服一上身就出问题，难免觉得做工敷衍", "刚拿到手就坏，换谁都扫兴"],
             emo=["扫兴", "失望"],
             blame=["扣子掉了一般是穿的时候用力太大", "拉链卡住是您拉的方向不对"],
             tried=[("我自己拿针线缝过了，一穿又松了", "您先自己用针线缝一下应急", "让{name}重新钉扣加固")],
             visit="派人上门取衣", dl=["{when}要穿着出差"]),
        dict(k="overcharge", sum="多收加急费的事",
             desc=["报价{amt}元，取衣时又多收了八十块加急费，我根本没要加急", "改{item}说好{amt}块，结账时店员又加了八十的手工费"],
             fix=["把那八十块退到您付款用的账户", "核对单子后把多收的八十块原路退回"],
             feel=["没要的服务被收了钱，换谁都不舒服", "说好的价钱结账变了，心里肯定膈应"],
             emo=["不舒服", "生气"],
             blame=["加急是系统默认勾上的，您下单时没取消", "手工费本来就是另算的"],
             tried=[("我当时就问了店员，她说要找店长", "您去店里找店长说明一下", "直接让店长把八十块退给您")],
             visit=None, dl=None),
    ],
    qa=[
        dict(avoid=["放长", "放裤脚"], q=["布料还有多的吗？能不能再放长？"], a=["您这条裤子裤脚还留了四厘米的缝份，放长两三厘米没问题"], rough=["应该还有一点余量，可以试试"], **{"for": ["short"]}),
        dict(avoid=["送"], q=["改好以后能不能直接送到我公司？"], a=["可以，改好后用闪送直接送到您公司，费用我们出"], rough=["应该可以送过去"], **{"for": ["short", "delay", "loose", "button"]}),
        dict(avoid=["赔"], q=["修不好怎么赔？"], a=["修不好按购买价全额赔偿，您有小票的话按小票金额"], rough=["会按规定赔给您的"], **{"for": ["scorch"]}),
        dict(avoid=["送"], q=["能不能送货上门？"], a=["市区范围我们可以免费闪送上门，一般一小时左右送到"], rough=["可以安排送的"]),
        dict(avoid=["退"], q=["多收的八十块退到哪里？"], a=["原路退回您付款的支付宝，今天就能到账"], rough=["会退给您的，很快"], **{"for": ["overcharge"]}),
    ],
    unavail=[
        dict(ask="那就用原来的面料重新做一件吧", **{"for": ["scorch", "loose", "short"]}, no="这款意大利面料已经断货了，厂家说今年不再生产。",
             bad=["两周内用同款面料给您重新做一件", "下周一前用原面料给您重做"], good=["明天把三款手感接近的面料样送到您家，您挑中了免费重做"]),
        dict(ask="我想让{name}亲自给我改", **{"for": ["short", "loose", "button", "delay"]}, no="{name}这周回老家了，下周二才回来。",
             bad=["明天就让{name}亲自给您改", "后天上午请{name}给您重新量体修改"], good=["明天由店里做了二十年的{name2}接手，改之前先拍照让您确认"]),
        dict(ask="我明天直接去{place}找你们行吗？", **{"for": ["short", "loose", "button"]}, no="{place}从明天起闭店装修一周。",
             bad=["明天上午请您到{place}重新量体", "后天在{place}给您当面修改"], good=["明天约您到{place2}量体，离{place}就两站地"]),
    ],
)

DOMAINS["ktv"] = dict(
    brand="声声欢唱KTV", rec_name="预订号",
    rec=lambda r, W: "K%02d%02d%02d%s" % (r.choice([24, 25]), W["m"], r.randint(1, 28), _digits(r, 4)),
    places=["人民广场店", "大学城店", "江北店", "万达店", "滨江店"],
    addr=None,
    items=["小包", "中包", "大包", "豪华包"],
    staff="值班经理", names=["张经理", "林经理", "陈经理", "领班小周", "领班小吴"], amt=(168, 1288),
    info=["rec", "photo", "phone"], dept="门店运营部", voucher="欢唱券",
    redo_noun=["补一场", "补场"], redo_acts=["给你们免费再补一场{item}", "下次来直接开同档次包厢，不收包厢费"],
    refund_obj="这次的包厢费", third="系统供应商", staff_pref=False,
    at="在{place}订的{item}", at_facts=["date", "place", "item"],
    upsell=["现在充一千送三百，您要不要顺便办张会员卡", "下周我们有周年庆，豪华包半价，可以提前订"],
    overpromise=["我保证以后每个包厢的设备都不会再出一点问题", "今晚所有消费免单，另外送您一年免费欢唱", "五分钟之内把所有问题都解决"],
    tried=[("{place}前台的电话我打了三遍，没人接", "您打一下{place}前台电话，她们会安排", "直接打给{place}的值班经理，让他现场处理")],
    issues=[
        dict(k="mic", sum="话筒断音的事", now=True,
             desc=["{item}里的话筒一直断音，换了两个都一样", "包厢音响滋滋响，唱一句断一句"],
             fix=["给你们换到同规格的包厢，耽误的时间全部补回来", "让值班经理带技术员过去修，修不好直接换房"],
             feel=["好不容易约齐朋友聚一次，唱得断断续续，太扫兴了", "本来是来开心的，结果一直折腾设备，心情肯定受影响"],
             emo=["扫兴", "窝火"],
             blame=["话筒断音可能是你们离音箱太近了", "设备每天都检查的，应该是使用方法的问题"],
             tried=[("包厢里的呼叫键我按了三次，一个人都没来", "您按一下包厢里的服务键，服务员会过来处理", "直接通知值班经理带人过去处理")],
             visit="给你们补一场同样时长的欢唱", dl=None),
        dict(k="nobook", sum="预订查不到的事", now=True,
             desc=["我提前三天订的{item}，到了{place}前台，说系统里没有我的预订", "带着十几个同事到店，前台说我们订的{item}已经给别人了"],
             fix=["给你们安排同档次的包厢，差价我们补", "让值班经理腾出一间{item}，今晚的包厢费打五折"],
             feel=["带着一群朋友站在前台没房间，又尴尬又生气", "提前订好的却被告知没有，被放鸽子的感觉谁都受不了"],
             emo=["尴尬", "生气"],
             blame=["是不是您订错门店了", "可能您没按时到店，预订自动取消了"],
             tried=[("前台我已经问了两遍，说系统里就是查不到", "您到前台报一下预订号，让他们再查一次", "让值班经理直接在后台调单，先给你们开房")],
             visit=None, dl=None),
        dict(k="bill", sum="账单多算酒水的事",
             desc=["结账的时候多了{amt}元的酒水，我们根本没点", "账单上多出一个果盘和两打啤酒，我们桌上就没见过"],
             fix=["把账单调出来逐项核对，多收的全部退回", "跟吧台核对点单记录，多算的钱原路退给您"],
             feel=["明明没点的东西算到自己头上，换谁都觉得被坑", "开开心心来唱歌，结账时遇到这种事，心里肯定窝火"],
             emo=["窝火", "生气"],
             blame=["会不会是您朋友点了您不知道", "酒水都是签了单的，系统不会错"],
             tried=[("我已经在前台对过一遍账了，服务员说没问题", "您到前台再对一下账单", "让经理把点单记录和监控一起调出来核对")],
             visit=None, dl=None),
        dict(k="overtime", sum="超时多计费的事",
             desc=["我们十一点就出来了，结账按十二点收的钱", "明明只唱了三个小时，按四个小时算的"],
             fix=["按实际离店时间重新结算，多收的一小时退回", "调出包厢的开关机记录，多算的时长全部退您"],
             feel=["多算钱事小，被糊弄的感觉才让人不舒服", "高高兴兴唱完，结账却被多算，搁谁都恼火"],
             emo=["不舒服", "恼火"],
             blame=["包厢关机要服务员操作，您没叫人就还在计时", "计时是系统自动的，不会出错"],
             tried=[], visit=None, dl=None),
        dict(k="dirty", sum="包厢卫生差的事", now=True,
             desc=["包厢沙发上好几个烟头烫的洞，桌子黏糊糊的，还有股霉味", "进去一看垃圾桶都没倒，话筒上全是口红印"],
             fix=["给你们换一间打扫好的包厢，再送一个果盘", "换到干净的包厢，今晚的包厢费减半"],
             feel=["花钱来放松，坐都坐不舒服，心情全没了", "看到这么脏的环境，谁都会觉得恶心"],
             emo=["膈应", "扫兴"],
             blame=["上一场的客人刚走，还没来得及打扫", "我们每场都打扫的，您要求有点高了"],
             tried=[("我已经叫服务员来打扫过一次，就拿抹布擦了擦", "您叫服务员过来再打扫一下", "直接给你们换一间打扫好的包厢")],
             visit="给你们补一次包厢", dl=None),
        dict(k="rude", sum="服务员态度差的事", now=True,
             desc=["服务员说话特别冲，我们问怎么点歌，他直接翻白眼", "我朋友让服务员帮忙换个话筒，他说'自己不会弄吗'"],
             fix=["让店长当面跟你们道歉，这位服务员停岗处理", "把今晚这间包厢的服务换成值班经理亲自负责"],
             feel=["花钱消费还要看脸色，这口气谁都咽不下", "被人这么怼，心里肯定很不舒服"],
             emo=["委屈", "生气"],
             blame=["服务员可能是太忙了，您多体谅", "他说话就是那个风格，没有别的意思"],
             tried=[], visit=None, dl=None),
        dict(k="coupon", sum="团购券不能用的事",
             desc=["网上买的{item}团购券，打电话问店里说周末不能用", "团购券明明写着周末通用，{place}电话里说要补差价"],
             fix=["按团购价直接给你们开包厢，差价不用补", "通知前台团购券照常核销"],
             feel=["买券就是图个方便，到店又被拦着，太扫兴了", "规则写得清清楚楚还被刁难，确实让人憋气"],
             emo=["扫兴", "无奈"],
             blame=["团购页面写了节假日除外，您没看清楚"],
             tried=[("我已经把券码给前台看过了，她还是说不能用", "您把券码出示给前台，让他们核销", "让值班经理直接后台核销，按团购价开房")],
             visit=None, dl=["{when}同学聚会就打算用这张券"]),
        dict(k="cancelled", sum="预订被取消的事",
             desc=["我订了{item}给同学聚会用，刚收到短信说预订被取消了", "订好的{item}突然显示'已取消'，钱也退回来了，我根本没点取消"],
             fix=["重新给您锁定同一时段的{item}，原价不变", "让经理手动恢复预订，包厢给您留着"],
             feel=["聚会都通知出去了，预订却没了，心里肯定慌", "好好的预订莫名其妙没了，换谁都着急"],
             emo=["着急", "慌"],
             blame=["可能是您没及时付定金，系统自动取消了"],
             tried=[("我在小程序上重新订了两次，都显示满房", "您在小程序里重新下一单试试", "让经理手动在后台把包厢给您锁回来")],
             visit=None, dl=["{when}的同学聚会就订在你们{place}", "{when}给我爸办寿宴，订的就是这间"]),
    ],
    qa=[
        dict(avoid=["退"], q=["多收的钱什么时候退回来？"], a=["退回您付款的微信，一般十分钟左右到账，最晚不超过两小时"], rough=["很快会退回去的"], **{"for": ["bill", "overtime"]}),
        dict(avoid=["差价", "补", "五折", "减半"], q=["换包厢要不要补差价？"], a=["不用补，换房是我们的问题，差价我们来承担"], rough=["这个我们会看着处理"], **{"for": ["mic", "dirty", "nobook"]}),
        dict(avoid=["补回来", "延长"], q=["今晚能不能延长一小时？"], a=["可以，这间后面没有预订，给你们免费延长一小时"], rough=["应该可以延，问题不大"], **{"for": ["mic", "dirty", "rude"]}),
        dict(avoid=["核销", "团购"], q=["团购券以后还能用吗？"], a=["能用，券有效期到年底，周末和节假日也照常用"], rough=["还能继续用的"], **{"for": ["coupon"]}),
        dict(avoid=["原价"], q=["定金会不会被扣？"], a=["定金一分不扣，原样保留在这次预订里"], rough=["定金这块您放心"], **{"for": ["cancelled", "nobook"]}),
    ],
    unavail=[
        dict(ask="那给我们换个大包吧", **{"for": ["mic", "dirty", "nobook"]}, no="今晚所有的大包都被订满了，一间都空不出来。",
             bad=["十分钟内给你们换一间大包", "半小时内腾一间大包出来给你们"], good=["十分钟内把两间相邻的中包打通给你们，按一间中包收费"]),
        dict(ask="能不能给我们送个果盘补偿一下？", **{"for": ["mic", "dirty", "rude", "bill", "overtime"]}, no="{place}的厨房今天检修，小吃和果盘都做不了。",
             bad=["五分钟内给你们送一个大果盘", "马上让后厨给你们做个果盘"], good=["十分钟内送你们两打啤酒和一份包装零食，今晚酒水打八折"]),
        dict(ask="那就给我们续到三点吧", **{"for": ["mic", "dirty", "rude"]}, no="我们营业到凌晨两点，两点以后不能续时了。",
             bad=["今晚给你们免费续到凌晨三点", "今晚延长到三点，不另收费"], good=["今晚免费续到两点，剩下的一小时存成一张欢唱券，一年内有效"]),
    ],
)

DOMAINS["online_bookstore"] = dict(
    brand="书林网", rec_name="订单号",
    rec=lambda r, W: "BK" + str(r.randint(1, 9)) + _digits(r, 9),
    places=["华东仓", "华南仓", "华北仓", "西南仓", "华中仓"],
    addr=_addr_house(["文华小区", "青年公寓", "丽景苑", "明德里", "学府花园"]),
    items=["《百年孤独》精装版", "考研数学复习全书", "儿童绘本套装（12册）", "《三体》全集", "高一物理同步练习", "英文原版《小王子》"],
    staff="售后专员", names=["售后小唐", "售后小许", "周主管", "仓库主管老白", "何主管"], amt=(39, 598),
    info=["rec", "photo", "addr", "phone"], dept="售后服务部", voucher="购书优惠券",
    redo_noun=["补发", "换一本"], redo_acts=["给您补发一本新的{item}", "重新给您换一本寄过去"],
    refund_obj="这本书的钱", third="快递公司", staff_pref=False,
    at="下单买的{item}，寄到{addr}", at_facts=["date", "item", "addr"],
    upsell=["现在开通年度会员，全场图书八五折", "我们新上了一套同作者的作品集，您要不要看看"],
    overpromise=["我保证以后您买的每本书都完美无瑕", "补发的书今天下午一定送到您手上", "这单全额退款，书也送您了，以后再买都免单"],
    tried=[("我在订单页点了'联系卖家'，留言两天没人回", "您在订单页点一下'联系卖家'留言，会有人回复", "直接把您这单转给售后主管处理")],
    issues=[
        dict(k="damaged", sum="书被压坏的事",
             desc=["收到的{item}封面折了一大块，书角都压烂了", "快递箱一拆，{item}的书脊裂开了，还沾了水"],
             fix=["给您补发一本全新的，旧书不用寄回", "从{place}重新挑一本完好的发顺丰给您"],
             feel=["好好的一本书被弄成这副样子，换谁都不是滋味", "盼了好几天的书拆开是这个样子，太扫兴了"],
             emo=["扫兴", "心疼"],
             blame=["快递运输难免有磕碰，这不是我们能控制的", "签收的时候您应该当面检查"],
             tried=[], visit="让快递把补发的书送到您家", dl=["{when}要把书当生日礼物送给朋友"]),
        dict(k="wrong", sum="发错书的事",
             desc=["我买的是{item}，收到的却是{item2}", "下单的是{item}，拆开来是另一本完全不相干的书"],
             fix=["把正确的书补发出去，发错的那本让快递上门取走", "加急补发{item}，错发那本不用寄回"],
             feel=["盼着看书结果发错了，挺扫兴的", "本来等着用，结果收到的不是自己要的，肯定着急"],
             emo=["扫兴", "着急"],
             blame=["您下单时是不是选错了版本", "可能是您家人帮着下单点错了"],
             tried=[], visit="让快递上门取回发错的书", dl=["{when}上课就要用这本书", "{when}考试，等着这本复习"]),
        dict(k="lost", sum="显示签收却没收到的事",
             desc=["物流显示昨天就签收了，我根本没收到", "快递说放驿站了，我去驿站找了没有"],
             fix=["联系快递站长调投递记录，同时先给您补发一本", "直接给您补发，丢件的事我们跟快递去追"],
             feel=["书没见到还显示签收，心里肯定又急又憋屈", "自己的东西莫名其妙不见了，谁都会不踏实"],
             emo=["憋屈", "着急"],
             blame=["您再找找，可能是家里人代收了", "显示签收就说明送到了，我们这边没法处理"],
             tried=[("小区驿站和门卫我都问过了，都说没有", "您先去小区驿站或者门卫那边找一找", "直接联系快递站长调取投递记录，同时给您补发")],
             visit=None, dl=["{when}孩子开学要用"]),
        dict(k="ebook", sum="电子书打不开的事",
             desc=["买的电子版{item}，在App里一直显示加载失败", "电子书付了钱，书架上却找不到"],
             fix=["在后台把阅读权限重新推送一遍", "让技术同事把这本书重新绑定到您的账号"],
             feel=["付了钱却看不了，换谁都窝火", "正想看的时候打不开，挺败兴的"],
             emo=["窝火", "心烦"],
             blame=["可能是您手机系统太老了", "您网络不好吧，换个WiFi试试"],
             tried=[("App我卸载重装了两次，还是显示加载失败", "您把App卸载后重新安装一下", "在后台把阅读权限重新推送到您账号"), ("账号我退出重新登录过了，书架还是空的", "您先登出账号再登进去，书架就会刷新", "让技术同事把书重新绑定到您的账号")],
             visit=None, dl=["{when}读书会要讨论这本"]),
        dict(k="pages", sum="缺页的事",
             desc=["{item}第120到136页是空白的，一个字都没有", "书里有一整叠页码重复，中间缺了二十多页"],
             fix=["给您换一本新的，先发新书再取旧书", "从{place}调一本新书发出"],
             feel=["看到一半发现缺页，兴致全没了", "读得正起劲被打断，谁都郁闷"],
             emo=["郁闷", "扫兴"],
             blame=["印刷问题是出版社的事，您找出版社吧"],
             tried=[], visit="让快递上门取旧书", dl=["{when}要交读书笔记"]),
        dict(k="refund", sum="退款没到账的事",
             desc=["退货寄回去一周了，{amt}元退款还没到账", "仓库说收到退货了，可{amt}块钱到现在都没退"],
             fix=["催财务把{amt}元打回去", "直接提交加急退款，{amt}元原路返回"],
             feel=["钱迟迟不回来，心里肯定不踏实", "东西寄回去了钱却没影，换谁都急"],
             emo=["不踏实", "着急"],
             blame=["退款要走流程，您再等等", "可能是您的银行处理慢"],
             tried=[("退货页面的快递单号我早就填过了", "您在退货页面把寄回的快递单号填上", "让仓库确认签收后直接提交退款")],
             visit=None, dl=None),
    ],
    qa=[
        dict(avoid=["退"], q=["退款多久能到账？"], a=["原路退回，微信和支付宝一般两小时内到账，银行卡要一到三个工作日"], rough=["过几天就能到"], **{"for": ["refund"]}),
        dict(avoid=["发顺丰"], q=["补发的书大概几天能到？"], a=["今天下午从{place}发顺丰，您那边一般后天上午能到"], rough=["很快就会寄出的"], **{"for": ["damaged", "wrong", "lost", "pages"]}),
        dict(avoid=["不用寄回", "取走", "取旧书", "寄回"], q=["旧书要不要寄回去？运费谁出？"], a=["旧书不用寄回，您留着或者处理掉都行，不会产生任何运费"], rough=["这个不用太担心"], **{"for": ["damaged", "pages"]}),
        dict(q=["为什么显示签收了我却没收到？"], a=["快递员把包裹放在了小区东门的代收点，系统就自动标了签收"], rough=["可能是快递那边操作的问题"], **{"for": ["lost"]}),
        dict(q=["电子书能不能在电脑上看？"], a=["可以，用同一个账号登录网页版就能看，进度会自动同步"], rough=["应该可以的"], **{"for": ["ebook"]}),
    ],
    unavail=[
        dict(ask="那再给我发一本{item}吧", **{"for": ["damaged", "wrong", "lost", "pages"]}, no="这本{item}目前全网缺货，出版社在加印，预计下个月才有。",
             bad=["今天下午就给您补发一本新的{item}", "明天从{place}再给您寄一本{item}"], good=["今天下班前先把{amt}元全额退给您，下个月到货给您留一本，第一时间通知"]),
        dict(ask="能不能发顺丰？我急用", **{"for": ["damaged", "wrong", "lost", "pages"]}, no="顺丰在您那个区域暂停收派，目前只能走普通快递。",
             bad=["今天改发顺丰，明天就能送到", "两小时内给您改成顺丰发出"], good=["今天下午换成另一家能派送的快递发出，预计后天上午到"]),
        dict(ask="你们给我发个PDF版吧", **{"for": ["ebook"]}, no="电子版只能在App里读，没有PDF可以导出。",
             bad=["半小时内把这本书的PDF发到您邮箱", "今天给您导一份PDF发过去"], good=["半小时内给您开通网页端阅读，电脑上也能直接看"]),
    ],
)

DOMAINS["escape_room"] = dict(
    brand="谜境密室", rec_name="场次编号",
    rec=lambda r, W: "ER%02d%02d-%02d%s" % (W["m"], r.randint(1, 28), r.choice([13, 14, 16, 19, 20, 21]), r.choice(["00", "30"])),
    places=["五一广场店", "光谷店", "解放碑店", "西湖店", "春熙路店"],
    addr=None,
    items=["《古宅迷踪》", "《深海实验室》", "《末班地铁》", "《消失的画师》", "《雪山疑云》", "《民国谍影》"],
    staff="DM", names=["DM阿杰", "DM小雨", "店长老周", "DM阿凯", "店长小鹿"], amt=(168, 798),
    info=["rec", "photo", "phone"], dept="门店运营", voucher="密室体验券",
    redo_noun=["重玩", "重新约场"], redo_acts=["给你们免费再安排一场{item}", "让你们换个主题免费再玩一次"],
    refund_obj="这场的费用", third="团购平台", staff_pref=True,
    at="在{place}订的{item}", at_facts=["date", "place", "item"],
    upsell=["我们新出了双人情侣本，现在预订送情侣写真", "办一张密室年卡，一年随便玩十二场"],
    overpromise=["我保证以后所有机关一次都不会坏", "给你们全队终身免费玩", "今天之内就把这个主题全部翻新"],
    tried=[("{place}前台的电话我打了好几次，没人接", "您打一下{place}前台电话问问", "直接联系{place}店长，让他今天给您处理")],
    issues=[
        dict(k="mech", sum="机关坏了的事",
             desc=["玩{item}到第三个房间机关坏了，卡了四十分钟，最后超时没出去", "{item}里有个密码锁输对了就是不开，白白耗了半小时"],
             fix=["给你们全队免费重开一场{item}", "安排你们免费重玩，这次DM全程跟着检查机关"],
             feel=["解谜正上头的时候机关坏了，太扫兴了", "全队配合得好好的，却被设备卡住，换谁都憋屈"],
             emo=["扫兴", "憋屈"],
             blame=["机关是好的，可能你们操作方式不对", "那个锁要用点力才开，你们自己没试对"],
             tried=[("当时我们按对讲机叫了DM四五次，都没人回", "游戏中遇到问题按对讲机呼叫DM就行", "请店长亲自安排重玩，并全程检查机关")],
             visit="给你们安排一场免费重玩", dl=["{when}我们几个就要各回各的城市了"]),
        dict(k="late", sum="迟到被拒入场的事",
             desc=["我们就迟到十分钟，{place}直接不让进，定金也不退", "路上堵车晚到了一刻钟，店员说场次作废"],
             fix=["给你们改约同主题的场次，定金全额保留", "把定金转到这个主题的下一场，时间随你们挑"],
             feel=["大老远赶过来却被拦在门外，肯定很委屈", "就晚了几分钟连个商量都没有，换谁都生气"],
             emo=["委屈", "生气"],
             blame=["须知里写得很清楚，迟到十分钟不能入场", "别的组都准时到了，就你们迟到"],
             tried=[], visit="给你们重新约一场", dl=["{when}是我女朋友生日，就是冲着这个主题来的"]),
        dict(k="injury", sum="玩的时候受伤的事",
             desc=["NPC追的时候推了我朋友一下，她摔倒把膝盖擦破了", "在暗房里被道具绊倒，手腕肿了"],
             fix=["承担全部医药费，店长带着礼物上门致歉", "先把就医费用报销给您，再把那个房间的道具全部检查一遍"],
             feel=["好好来玩却受了伤，您又心疼又生气", "好好出来玩落得这个结果，心里哪能好受"],
             emo=["心疼", "生气"],
             blame=["恐怖本本来就有肢体互动，入场前签过须知", "是你们自己跑得太急了"],
             tried=[], visit=None, dl=None),
        dict(k="strangers", sum="包场被拼人的事",
             desc=["说好是包场，结果店员塞进来三个陌生人", "订的是六人私密场，临开场又拼进来两个人"],
             fix=["把包场差价退给你们", "按包场价减去拼场价，差额原路退回，再送一场半价"],
             feel=["跟朋友的私人局被塞进陌生人，玩得肯定别扭", "说好的包场变了样，心里不舒服是肯定的"],
             emo=["别扭", "不舒服"],
             blame=["人数不够开场，拼进来是常规操作"],
             tried=[], visit=None, dl=None),
        dict(k="dm", sum="DM敷衍的事",
             desc=["DM全程在玩手机，提示给得乱七八糟", "主持人念台词跟背课文一样，还剧透了结局"],
             fix=["给你们换一位资深DM免费重玩一场", "让店长约谈这位DM，你们这场费用退一半"],
             feel=["花钱来体验沉浸感，结果被敷衍，太失望了", "满心期待的一场被搅了，确实扫兴"],
             emo=["失望", "扫兴"],
             blame=["可能是你们解得太快了，DM跟不上"],
             tried=[], visit="给你们安排资深DM重玩一场", dl=None),
        dict(k="double", sum="重复扣款的事",
             desc=["团购券被核销了两次，多扣了一张券", "付款扣了两次钱，{amt}元扣了两遍"],
             fix=["核对后把重复扣的那一笔撤回", "把重复扣的钱原路退回"],
             feel=["多扣了钱还得自己来追，换谁都烦", "平白被多扣一笔，心里肯定不踏实"],
             emo=["心烦", "不放心"],
             blame=["可能是您自己点了两次付款"],
             tried=[("我在团购平台申请过退款，被驳回了", "您在团购平台申请一下退款", "在门店后台直接撤销重复核销")],
             visit=None, dl=None),
    ],
    qa=[
        dict(avoid=["免费"], q=["重玩要另外收钱吗？"], a=["重玩完全免费，人数和主题都跟原来一样"], rough=["这次应该不用再付钱"], **{"for": ["mech", "dm"]}),
        dict(avoid=["定金"], q=["定金能不能退？"], a=["定金可以全额退，也可以保留三个月用在任何主题上，您选"], rough=["定金会给您处理好"], **{"for": ["late", "strangers"]}),
        dict(avoid=["医药费", "报销", "就医"], q=["医药费怎么报？"], a=["把医院的收据拍照发我，核对后当天就转账给您"], rough=["我们会承担的"], **{"for": ["injury"]}),
        dict(q=["下次能不能换个不吓人的主题？"], a=["可以，{item2}是纯解谜的，没有NPC惊吓，很适合"], rough=["有别的主题可以选"], **{"for": ["injury", "dm", "mech"]}),
        dict(avoid=["退", "撤回"], q=["重复扣的钱多久退回来？"], a=["原路退回，今天提交，一般半天内到账"], rough=["很快就退"], **{"for": ["double"]}),
    ],
    unavail=[
        dict(ask="那周二我们去{place}补一场行吗？", **{"for": ["mech", "late", "dm"]}, no="{place}周二闭店做设备检修，全天不营业。",
             bad=["周二晚上七点在{place}给你们补一场", "周二下午在{place}给你们安排重玩"], good=["周二改到{place2}玩同一个主题，或者周三晚上在{place}给你们补"]),
        dict(ask="下周我们还想玩{item}", **{"for": ["mech", "late", "dm"]}, no="{item}下周起下架改造，最后一场是这周日晚上。",
             bad=["下周三给你们安排{item}重玩", "下周末给你们留一场{item}"], good=["这周日晚上最后一场给你们留着，来不了就换{item2}，差价不补"]),
        dict(ask="周六给我们安排一场吧", **{"for": ["mech", "late", "dm", "strangers"]}, no="周六所有场次都被订满了，连加场都排不进去。",
             bad=["周六下午给你们加一场", "周六晚上九点给你们挤一场"], good=["周五晚上九点给你们加一场，或者周日上午十点"]),
    ],
)

DOMAINS["ferry_tickets"] = dict(
    brand="海程船票", rec_name="订单号",
    rec=lambda r, W: "FT" + str(r.randint(1, 9)) + _digits(r, 7),
    places=["蓬莱到长岛的航线", "北海到涠洲岛的航线", "厦门东渡到鼓浪屿的航线", "沈家门到普陀山的航线", "宁波到嵊泗的航线"],
    addr=None,
    items=["经济舱", "一等舱", "小轿车车客票", "二等舱", "往返套票"],
    staff="值班调度", names=["调度老冯", "客服主管小孟", "售票处李姐", "调度员小谢", "码头主管黄工"], amt=(45, 620),
    info=["rec", "photo", "phone"], dept="票务中心", voucher="船票抵用券",
    redo_noun=["改签", "换班次"], redo_acts=["帮您改签到下一班", "给您换到明天同一时间的船"],
    refund_obj="船票钱", third="银行", staff_pref=False,
    at="买的{place}{item}", at_facts=["date", "place", "item"],
    upsell=["我们岛上合作的酒店现在订房打八折，您要不要顺便看看", "开通会员可以免费改签三次"],
    overpromise=["我保证明天绝对不会再停航", "您的船我让它等您半小时再开", "以后您坐我们的船全部免费"],
    tried=[("客服热线我打了一上午，一直占线", "您打一下我们的客服热线，会有人处理", "直接在这边帮您转人工工单并盯着")],
    issues=[
        dict(k="storm", sum="停航退款的事",
             desc=["因为大风停航，说好自动退款，三天了钱还没回来", "船停航了，{amt}元的船票钱到现在没退"],
             fix=["手动给您提交人工退款，{amt}元原路退回", "把这笔退款转人工加急处理"],
             feel=["行程泡汤了，钱还迟迟不到，心里肯定烦", "出游计划被打乱已经够扫兴了，退款还拖着，换谁都闹心"],
             emo=["闹心", "心烦"],
             blame=["停航是天气原因，我们也没办法", "退款要走银行流程，跟我们没关系"],
             tried=[("小程序里我点了申请退款，一直显示处理中", "您在小程序订单页点一下申请退款", "直接转人工退款")],
             visit=None, dl=None),
        dict(k="date", sum="日期买错要改签的事",
             desc=["买票时日期选错了，{item}选成了下周的", "我买的{item}日期错了一天，想改到正确的那天"],
             fix=["免手续费帮您改签到正确的日期", "把票改到您要的那天，舱位按原来的保留"],
             feel=["一不小心选错日期，怕耽误行程，着急是难免的", "全家的安排都卡在这张票上，心里肯定慌"],
             emo=["着急", "慌"],
             blame=["日期是您自己选的，改签按规定要收手续费"],
             tried=[("我在小程序里点改签，一直提示'不可改签'", "您在小程序里点一下改签就能改", "在后台人工给您改签")],
             visit=None, dl=["{when}的船，一家人的行程全定好了"]),
        dict(k="name", sum="乘客信息填错登不了船的事", now=True, dl_now=["{when}的船，我们一家已经在码头了"],
             desc=["乘船人名字有个字输错了，码头说登不了船", "身份证号填错了一位，闸机刷不过去"],
             fix=["后台直接修改乘客信息，重新出票", "给码头窗口发核验说明，让您正常登船"],
             feel=["人都到码头了却上不了船，心里肯定又急又慌", "一个字的差错卡住全家的行程，换谁都着急"],
             emo=["慌", "着急"],
             blame=["信息是您自己填的，系统不会改错"],
             tried=[("我到码头窗口问了，窗口让我找线上客服", "您到码头售票窗口去办理更正", "在后台修改乘客信息，重新出票")],
             visit=None, dl=None),
        dict(k="double", sum="重复扣款的事",
             desc=["付款的时候扣了两次钱，{amt}元扣了两遍", "票只出了一张，银行卡被扣了两笔"],
             fix=["把重复扣的{amt}元退回原支付账户", "核实流水后把多扣的那笔原路退回"],
             feel=["平白无故多扣一笔钱，换谁都不放心", "钱被多扣了还得自己来追，挺糟心的"],
             emo=["不放心", "糟心"],
             blame=["可能是您自己点了两次支付"],
             tried=[("我已经找银行查了，银行说要找商家", "您先联系银行核实一下扣款", "核实流水后直接把多扣的那笔退回")],
             visit=None, dl=None),
        dict(k="carslot", sum="车位满了上不了船的事", item="小轿车车客票", now=True,
             desc=["买了{item}，到码头说车位满了上不了船", "小车票买好了，工作人员说今天车辆舱超载了"],
             fix=["给您改到下一班有车位的船，候船期间的餐费我们报", "优先给您安排下一班的车位"],
             feel=["拖家带口在码头干等，又累又窝火", "票买好了却上不去，换谁都憋屈"],
             emo=["窝火", "憋屈"],
             blame=["车位先到先得，您来晚了"],
             tried=[], visit=None, dl=["{when}岛上的民宿就要入住了"]),
        dict(k="delay", sum="船晚点没通知的事", now=True,
             desc=["船晚点两个多小时，一条通知都没有", "在候船厅等到现在，广播一句解释都没有"],
             fix=["按规定把晚点补偿金发给您，另送一张等额抵用", "核实晚点时长后把补偿金转给您"],
             feel=["在码头干坐两个小时，带着老人孩子又累又烦", "什么消息都没有就让人干等，真的很让人心焦"],
             emo=["心焦", "心烦"],
             blame=["海上情况谁也控制不了，晚点很正常"],
             tried=[], visit=None, dl=None),
    ],
    qa=[
        dict(avoid=["手续费"], q=["改签要手续费吗？"], a=["这次改签不收手续费"], rough=["手续费这块会帮您减免"], **{"for": ["date", "carslot", "name"]}),
        dict(avoid=["退"], q=["退款几天能到？"], a=["人工退款今天提交，原路退回，一般一到三个工作日到账"], rough=["过几天就到了"], **{"for": ["storm", "double"]}),
        dict(q=["明天的船会不会还停航？"], a=["目前预报明天风力四到五级，在通航标准内，正常开航"], rough=["明天大概率能开"], **{"for": ["storm", "delay"]}),
        dict(avoid=["补偿"], q=["补偿金怎么算？"], a=["晚点两小时以上按票价的百分之二十补偿，直接打到您付款的账户"], rough=["会按规定给您补的"], **{"for": ["delay"]}),
        dict(q=["改了信息还用重新排队安检吗？"], a=["不用，改好后您直接用身份证过闸机，走原来的安检口"], rough=["应该不用重新排"], **{"for": ["name"]}),
    ],
    unavail=[
        dict(ask="那帮我改到明天上午吧", **{"for": ["storm", "date", "carslot", "delay"]}, no="明天上午的两班都已经售罄了，下午还有余票。",
             bad=["帮您改签到明天上午九点那班", "给您换到明天上午十点半那班"], good=["先改到明天下午一点二十那班，上午要是有人退票，我第一时间帮您换过去"]),
        dict(ask="明天能走吗？", **{"for": ["storm", "date"]}, no="受台风影响，明后两天所有航班都停航了。",
             bad=["明天下午给您安排上船", "后天上午给您留两个位置"], good=["今天先给您全额退票，或者改到大后天复航后的第一班"]),
        dict(ask="给我升到一等舱可以吗？", **{"for": ["delay", "carslot", "date"]}, no="这班的一等舱只有八个位置，已经全部卖完了。",
             bad=["半小时内给您升到一等舱", "开船前给您换成一等舱"], good=["半小时内给您换二等舱靠窗的位置，差价退回给您"]),
    ],
)

DOMAINS["solar_panel_install"] = dict(
    brand="晴光新能源", rec_name="合同编号",
    rec=lambda r, W: "GF-%d-%s" % (r.choice([2023, 2024, 2025]), _digits(r, 4)),
    places=["县城服务中心", "东郊服务中心", "开发区服务点", "南湖服务点", "北站服务点"],
    addr=lambda r: "%s%d号" % (r.choice(["李家村三组", "阳光新城东区", "桃源镇东街", "河湾村二组", "南湖别墅区"]), r.randint(3, 88)),
    items=["10千瓦屋顶光伏", "储能电池柜", "逆变器", "发电监控App", "8千瓦阳光房光伏"],
    staff="售后工程师", names=["钱工", "黄经理", "姚师傅", "蒋工", "卢师傅"], amt=(800, 9600),
    info=["rec", "photo", "addr", "phone"], dept="工程售后部", voucher="清洗服务券",
    redo_noun=["返工", "重新调试"], redo_acts=["派人再上门重新调试一次", "给您整套重新安装一遍"],
    refund_obj="这笔安装调试费", third="设备厂家", staff_pref=True,
    at="由{place}上门装的{item}", at_facts=["date", "place", "item"],
    upsell=["现在加装储能电池有补贴，您要不要了解下", "我们有光伏清洗年卡，一年四次只要六百"],
    overpromise=["我保证您家每个月发电量一度都不会少于一千", "两小时内把所有问题全部修好，以后再也不会坏", "这次损失我们十倍赔偿给您"],
    tried=[("{place}的电话我打了两天，说工程师都在外面", "您联系一下{place}，让他们派人", "直接在系统里派单给{place}主管，让他亲自安排")],
    issues=[
        dict(k="inverter", sum="逆变器报错不发电的事", item="逆变器",
             desc=["{item}屏幕一直报错，今天一度电都没发", "{item}亮红灯，App上显示故障代码"],
             fix=["派{name}带备用机上门检测，当场修不好就先换机", "让{name}上门排查，先把备用{item}装上保证发电"],
             feel=["装了光伏却一度电都不发，看着太阳白白晒着心里着急", "花了大几万的设备突然罢工，换谁都不踏实"],
             emo=["着急", "不踏实"],
             blame=["可能是您家电网电压不稳，跟设备没关系", "您是不是自己动过开关"],
             tried=[("我按说明书把{item}断电重启了两遍，还是报错", "您先把逆变器断电，等五分钟再重启", "派工程师带备用机上门")],
             visit="让{name}上门检测{item}", dl=["{when}供电所要来验收", "{when}我就要出国了，家里没人看着"]),
        dict(k="leak", sum="屋顶漏水的事",
             desc=["装完板子第一场雨，二楼天花板就开始渗水", "屋顶打孔的地方漏水，墙皮都泡起来了"],
             fix=["派{name}上门补做防水，屋里的损失照价赔", "安排防水师傅上门重新打胶封孔，墙面我们负责修"],
             feel=["房子被弄漏水，家里东西都湿了，谁都心疼", "好好的屋顶装完反而漏了，您窝火我完全理解"],
             emo=["心疼", "窝火"],
             blame=["您家屋顶本来就有裂缝，不一定是我们打孔造成的", "下暴雨漏点水很正常"],
             tried=[("我已经自己买了防水胶在孔边上抹了一圈，下雨还是漏", "您先用防水胶把打孔位置封一下", "派防水师傅上门重新封孔")],
             visit="让防水师傅上门查漏点", dl=["{when}天气预报说有暴雨"]),
        dict(k="app", sum="监控App看不到数据的事", item="发电监控App",
             desc=["{item}上发电量一直显示0，可电表在走", "App里电站显示离线好几天了"],
             fix=["远程重置采集器，再把数据补传上来", "让技术同事远程给采集器重新配网"],
             feel=["看不到发电数据，心里没底，担心也正常", "每天打开App都是0，看着就闹心"],
             emo=["没底", "担心"],
             blame=["可能是您家WiFi不稳定"],
             tried=[("我重新给采集器配过网了，WiFi密码也没改", "您按说明书重新给采集器配一下网", "远程重置采集器")],
             visit="让{name}上门换采集器", dl=None),
        dict(k="grid", sum="并网拖延的事",
             desc=["装好一个多月了，还没去供电所办并网", "板子装完就晾在那，并网手续一直没人跑"],
             fix=["让项目经理{name}去供电所递材料", "把并网材料整理好，安排{name}去供电所办"],
             feel=["钱花了板子装了却用不上，干着急", "一个多月没人管，换谁都觉得被晾着"],
             emo=["着急", "憋屈"],
             blame=["供电所排队慢，不是我们拖的"],
             tried=[("我自己去供电所问过，他们说材料没交齐", "您可以自己去供电所问问进度", "让项目经理补齐材料，亲自去供电所递交")],
             visit=None, dl=["{when}补贴申报就截止了"]),
        dict(k="damage", sum="施工损坏东西的事",
             desc=["{name}施工时把院子里的花盆踩碎了好几个，太阳能热水器的管子也踩裂了", "施工完楼顶一地的螺丝和包装，热水器的管子还被压坏了"],
             fix=["派人上门清理，把热水器管子修好，其他损坏的照价赔", "安排{name2}上门把管子换新，损坏的东西列个单我们赔"],
             feel=["自家东西被弄坏还没人管，心里肯定憋气", "热水器用不了，一家人洗澡都成问题，着急是肯定的"],
             emo=["憋气", "心疼"],
             blame=["施工难免有点损耗，您应该提前把东西收好"],
             tried=[], visit="安排师傅上门修热水器管子", dl=["{when}家里老人要过来住"]),
        dict(k="output", sum="发电量偏低的事",
             desc=["签合同时说一个月能发一千度，实际才四百多", "这个月晴天挺多，发电量还不到说好的一半"],
             fix=["派{name}上门做一次全面检测，查清是遮挡、接线还是组件的问题", "调后台数据逐块分析，发现问题派人当场处理"],
             feel=["投了这么多钱，收益差这么多，担心白花钱是肯定的", "跟当初说的差了一大截，失望我能理解"],
             emo=["担心", "失望"],
             blame=["发电量受天气影响，合同上写的只是参考", "可能是您家周围的树挡住了"],
             tried=[("板子上的灰我前天刚冲过一遍，发电量还是上不去", "您先把板子上的灰冲洗一下", "派工程师上门全面检测")],
             visit="让{name}上门做全面检测", dl=None),
    ],
    qa=[
        dict(avoid=["费用", "赔", "免费"], q=["检测要收费吗？", "上门要钱吗？"], a=["质保期内上门检测和维修全部免费"], rough=["一般不收钱"], **{"for": ["inverter", "leak", "app", "output"]}),
        dict(q=["逆变器质保几年？"], a=["逆变器整机质保五年，您家是去年装的，还在质保期内"], rough=["质保好几年呢，还在期内"], **{"for": ["inverter"]}),
        dict(avoid=["赔", "损失"], q=["停发这几天的损失谁来赔？"], a=["按您家近一个月的日均发电量算，停发期间的损失由我们补给您"], rough=["损失这块我们会考虑"], **{"for": ["inverter", "app"]}),
        dict(q=["为什么发电量比说的少这么多？"], a=["我看了后台数据，东边那排板子下午被遮挡，所以整体掉了不少"], rough=["原因可能有几个，要查一下"], **{"for": ["output"]}),
        dict(avoid=["墙", "损失", "赔"], q=["漏水弄坏的墙谁来修？"], a=["墙面和天花板由我们找人修复，材料人工都不用您出"], rough=["我们会负责的"], **{"for": ["leak"]}),
        dict(q=["并网大概还要多久？"], a=["材料递进去后供电所一般十五个工作日内来验收，验收通过当天就能并网"], rough=["快的话几周就行"], **{"for": ["grid"]}),
    ],
    unavail=[
        dict(ask="那给我换一台新的逆变器吧", **{"for": ["inverter"]}, no="这个型号的逆变器厂家断货了，下个月中旬才能发过来。", item="逆变器",
             bad=["这周内给您换上一台同型号的新逆变器", "三天内把同型号新机装好"], good=["明天先装一台同功率的备用机保证发电，新货到了再免费换回"]),
        dict(ask="能不能这个月就把并网办了？", **{"for": ["grid"]}, no="供电所这个月的并网验收已经排满，最早下个月。",
             bad=["这个月底前就帮您办完并网", "下周就让供电所来验收"], good=["这周先把材料递进去占号，下个月第一批验收就排上您家"]),
        dict(ask="明天就上屋顶修吧", **{"for": ["leak", "damage"]}, no="这两天有雨，下雨天按安全规定不能上屋顶作业。",
             bad=["明天就让{name}上屋顶重新封孔", "明天上午冒雨也给您把孔封上"], good=["等周末天晴第一时间上去，明天先派人进屋做接水和遮挡"]),
    ],
)

DOMAINS["coworking_space"] = dict(
    brand="合拍联合办公", rec_name="会员编号",
    rec=lambda r, W: "CW-" + str(r.randint(1, 9)) + _digits(r, 4),
    places=["科技园店", "国贸店", "望京店", "滨江店", "高铁站店"],
    addr=None,
    items=["固定工位", "独立办公室", "开放工位月卡", "带锁储物柜", "会议室套餐"],
    staff="社区经理", names=["社区经理Amy", "前台小郑", "物业工程师老陆", "IT小秦", "社区经理Leo"], amt=(600, 9800),
    info=["rec", "photo", "phone", "seat"], dept="社区运营部", voucher="会议室时长券",
    redo_noun=["换工位", "调位置"], redo_acts=["给您换一个新工位", "把您调到别的楼层"],
    refund_obj="这个月的费用", third="物业公司", staff_pref=False,
    at="在{place}租的{item}", at_facts=["date", "place", "item"],
    upsell=["现在升级独立办公室，首月五折", "我们新推了企业注册地址服务，您有兴趣可以看看"],
    overpromise=["我保证以后网络一秒钟都不会断", "这个月的租金全免，再送您半年", "十分钟之内全部修好"],
    tried=[("我去前台说了两次，前台说她也没办法", "您去前台说一下，让她们协调", "请社区经理亲自过来处理")],
    issues=[
        dict(k="net", sum="网络断线的事",
             desc=["{item}这边的网从早上开始断断续续，视频会议掉线三次了", "工位上的网慢得连邮件附件都发不出去"],
             fix=["让{name}上来排查，先给您接一根备用专线", "让IT过来，先给您开独立热点顶着"],
             feel=["网一直掉，手上的活全卡住了，您着急我懂", "工作全卡在网络上，心里肯定干着急"],
             emo=["着急", "焦虑"],
             blame=["可能是您电脑网卡的问题", "大家都在用，网慢一点也正常"],
             tried=[("旁边的路由器我已经重启过了，笔记本也换有线试过", "您先把工位旁边的路由器重启一下", "让IT上来排查并接备用专线")],
             visit="让IT到工位上排查", dl=["{when}要跟投资人开视频会"]),
        dict(k="room", sum="会议室被占的事", now=True,
             desc=["订好的两点会议室被别人占了，客户都到了", "我预约了会议室，到点了里面的人不肯走"],
             fix=["给您调另一间同样大小的会议室，这次费用全免", "先把隔壁的洽谈室开给您，前台去协调"],
             feel=["客户都到了却没地方坐，又尴尬又着急", "提前约好的被人占了，换谁都窝火"],
             emo=["尴尬", "着急"],
             blame=["可能您看错预约时间了"],
             tried=[("我已经去前台说了，前台说她也没办法", "您去前台说一下，让她们协调", "请社区经理亲自过去清场，另开一间给您")],
             visit=None, dl=None),
        dict(k="ac", sum="空调不制冷的事", item="独立办公室",
             desc=["{item}的空调不制冷，下午屋里三十度", "空调吹的全是热风，几个同事热得没法干活"],
             fix=["让物业工程师上来修，修好之前先送两台移动空调", "安排{name}上来检查空调，先给你们换到有空调的会议室办公"],
             feel=["大热天闷在屋里干活，大家都烦躁", "热成这样根本没法专心，难受是肯定的"],
             emo=["烦躁", "难受"],
             blame=["空调是统一管理的，温度就是这样设的"],
             tried=[("前台给的遥控我调到十八度了，吹出来还是热风", "您把空调温度调低一点试试", "让物业工程师上门检修，并先送移动空调过去")],
             visit="让物业工程师进办公室检修空调", dl=["{when}客户要来我们办公室开会"]),
        dict(k="parcel", sum="快递丢了的事",
             desc=["前台代收的快递找不到了，里面是给客户的合同", "快递显示前台签收，去拿的时候说没有，那可是份合同"],
             fix=["调监控查快递去向，给您一个准确结果", "和前台逐个核对代收登记，同时调监控"],
             feel=["重要的合同丢了，着急得不行", "东西明明签收了却找不到，心里肯定不安"],
             emo=["着急", "不安"],
             blame=["快递放在前台是公共区域，丢了我们不负责"],
             tried=[("前台的代收柜我翻了两遍，没有", "您去前台的代收柜再找找", "调监控核查快递去向")],
             visit=None, dl=["{when}要把合同交给客户"]),
        dict(k="double", sum="会员费重复扣款的事",
             desc=["{item}自动续费扣了两次，{amt}元扣了两遍", "这个月的会员费扣了两回，{amt}一笔"],
             fix=["把重复扣的{amt}元原路退回", "核对账单后把多扣的那笔退给您"],
             feel=["莫名其妙多扣一笔钱，谁都不舒服", "钱被多扣还没人提醒，您不放心是正常的"],
             emo=["不舒服", "不放心"],
             blame=["您开了自动续费，可能是您自己又手动付了一次"],
             tried=[("我已经在App里提交过退款申请了，一周没动静", "您在App里提交一下退款申请", "直接找财务核对后退回")],
             visit=None, dl=None),
        dict(k="noise", sum="邻座太吵的事",
             desc=["隔壁工位的人天天外放打电话，我根本没法专心", "旁边那桌每天下午开语音会，声音特别大"],
             fix=["帮您调到安静区的空工位", "让社区经理去跟对方沟通，同时给您开一间电话亭免费用"],
             feel=["天天被吵得没法专心，心里肯定烦", "工作节奏总被打断，确实心累"],
             emo=["心烦", "心累"],
             blame=["开放工位就是这样，介意的话可以升级独立办公室"],
             tried=[("我已经当面跟他说过两次了，没用", "您可以直接跟他沟通一下", "请社区经理出面协调，并帮您换到安静区")],
             visit=None, dl=None),
        dict(k="card", sum="门禁卡失效的事",
             desc=["门禁卡刷不开，每天都得找前台开门", "我的门禁卡突然失效了，晚上加班进不了门"],
             fix=["给您换一张新卡，并在系统里重置权限", "直接在后台重开您的门禁权限，新卡做好送到工位"],
             feel=["每天进门都要求人，确实很烦", "加班到一半进不了门，换谁都窝火"],
             emo=["心烦", "窝火"],
             blame=["可能是您把卡和手机放一起消磁了"],
             tried=[("前台已经帮我重新写过一次卡了，第二天又不行", "您到前台重新写一下卡", "给您换新卡，并在系统里重置权限")],
             visit=None, dl=["{when}我要通宵赶项目"]),
    ],
    qa=[
        dict(avoid=["退"], q=["退款什么时候到？"], a=["原路退回，今天提交，一般一到三个工作日到账"], rough=["过几天就能到"], **{"for": ["double"]}),
        dict(q=["这几天的会员费能不能减免？"], a=["影响使用的这几天按天给您减免，直接从下个月账单里扣"], rough=["我们会适当给您补偿"], **{"for": ["net", "ac", "noise"]}),
        dict(q=["换到安静区要加钱吗？"], a=["不用加钱，同价位的工位平换"], rough=["应该不用加"], **{"for": ["noise"]}),
        dict(q=["晚上几点以后还能进门？"], a=["会员二十四小时都能刷卡进，晚上十点后前台下班，直接刷门禁就行"], rough=["晚上也能进的"], **{"for": ["card"]}),
        dict(avoid=["监控"], q=["监控能看到是谁拿走的吗？"], a=["前台那个位置有两个摄像头，能看清取件人的脸，今天就能调出来"], rough=["应该能查到一些线索"], **{"for": ["parcel"]}),
    ],
    unavail=[
        dict(ask="那给我换一间独立办公室", **{"for": ["noise", "ac", "net"]}, no="{place}的独立办公室现在全部租满了，最早下个月才有空出来的。",
             bad=["这周就给您换到一间独立办公室", "明天上午给您腾一间独立办公室"], good=["今天先给您换到最里面的安静区固定工位，下个月空出来第一间留给您"]),
        dict(ask="下午三点我要用大会议室", **{"for": ["room"]}, no="今天下午大会议室被包场了，一整个下午都用不了。",
             bad=["下午三点给您开大会议室", "下午两点半前把大会议室清出来给您"], good=["下午三点把两间小会议室打通给您用，或者改到明天上午的大会议室"]),
        dict(ask="周六能不能让人来修？", **{"for": ["ac"]}, no="物业工程师周末不上班，周一才能来修。",
             bad=["周六上午让工程师过来修", "周日下午安排工程师上门"], good=["今天下班前先给您送两台移动空调，周一早上九点工程师第一个来修"]),
    ],
)

DOMAINS["piano_lessons"] = dict(
    brand="琴韵钢琴教室", rec_name="学员编号",
    rec=lambda r, W: "PN" + str(r.randint(1, 9)) + _digits(r, 3),
    places=["总校区", "滨湖校区", "万科城校区", "东站校区", "实验小学校区"],
    addr=None,
    items=["一对一钢琴课", "考级冲刺课", "成人零基础课", "琴房练琴卡", "儿童启蒙课"],
    staff="老师", names=["王老师", "林老师", "许老师", "孟老师", "谢老师"], amt=(180, 6800),
    info=["rec", "photo", "phone"], dept="教务处", voucher="课时券",
    redo_noun=["补课", "加一节课"], redo_acts=["给孩子补一节课", "下周加一节课补上"],
    refund_obj="剩下课时的费用", third="排课系统", staff_pref=True,
    at="在{place}报的{item}", at_facts=["date", "place", "item"],
    upsell=["现在续费五十节课送十节", "我们新开了声乐课，报钢琴的学员打八折"],
    overpromise=["我保证孩子这次考级一定能过", "我们老师以后永远不会请假", "这期学费全退，再送您一年的课"],
    tried=[("我打了{place}前台的电话，她说她管不了", "您可以打{place}前台电话问一下", "直接找{place}的校区主管，让她亲自处理")],
    issues=[
        dict(k="cancel", sum="临时取消课的事",
             desc=["上课前半小时才通知老师请假，孩子都到楼下了", "今天的课没提前说就取消了，我们白跑一趟"],
             fix=["安排{name2}给孩子补一节，课时不扣", "给孩子免费补上这节课，再额外送一节"],
             feel=["孩子兴冲冲去了却白跑一趟，您安排好的时间也全打乱了", "临时被放鸽子，换谁都窝火"],
             emo=["窝火", "无奈"],
             blame=["老师也是突发急事，您多体谅", "我们有在群里发通知，您可能没看到"],
             tried=[], visit="给孩子补一节课", dl=["{when}就要考级了，一节课都耽误不起", "{when}孩子有汇报演出"]),
        dict(k="switch", sum="频繁换老师的事",
             desc=["一学期换了三个老师，孩子都不想学了", "刚跟{name}熟悉，又说要换老师"],
             fix=["让{name}固定带到考完级，不再更换", "让教务定下来一位老师带到底，写进课程备注"],
             feel=["孩子刚适应就换人，当家长的心疼又无奈", "老换老师孩子没了兴趣，您着急也在情理之中"],
             emo=["无奈", "心疼"],
             blame=["老师流动是正常的，换老师也是为了孩子好"],
             tried=[("我已经跟教务老师说过一次别换了，还是换了", "您可以跟教务老师反映一下", "请校区主管出面固定老师，写进课程备注")],
             visit=None, dl=None),
        dict(k="hours", sum="课时扣错的事",
             desc=["明明只上了一节，课时扣了两节", "请过假的那节课也被扣了课时"],
             fix=["把多扣的那一节课时恢复", "核对签到记录，把错扣的课时加回来"],
             feel=["课时是花钱买的，平白被多扣，心里肯定不舒服", "请了假还被扣课，换谁都觉得憋屈"],
             emo=["不舒服", "憋屈"],
             blame=["课时是系统按排课自动扣的，不会错"],
             tried=[("我已经在App上提交过课时申诉了，三天没人理", "您在App上提交一下课时申诉", "直接核对签到记录恢复课时")],
             visit=None, dl=None),
        dict(k="refund", sum="退费迟迟不到的事",
             desc=["申请退剩下八节课的费用，一个月了还没到", "退课的{amt}块说十五个工作日到，现在快一个月了"],
             fix=["让财务加急打款，{amt}元原路退回", "把退费单调出来加急处理"],
             feel=["钱迟迟不到，心里肯定不踏实", "等了一个月还没消息，换谁都会起急"],
             emo=["不踏实", "着急"],
             blame=["退费流程本来就慢"],
             tried=[("我打过校区前台电话问了，她说她管不了", "您可以打校区前台电话问一下进度", "直接找财务加急打款")],
             visit=None, dl=None),
        dict(k="tune", sum="琴房钢琴音不准的事", item="琴房练琴卡",
             desc=["琴房的琴好几个键音不准，还有一个键按下去不回弹", "练琴房的钢琴踏板坏了，踩下去没反应"],
             fix=["请调律师来调琴，有毛病的地方一起修好", "先给您换到二号琴房，再请调律师来修"],
             feel=["琴有毛病特别影响手感，孩子练得也不舒服", "花钱办的练琴卡却练不好，确实别扭"],
             emo=["别扭", "心烦"],
             blame=["琴是正常损耗，稍微有点不准不影响练习"],
             tried=[("我已经跟前台说过，她说会跟老师讲，一周了没动静", "您先跟前台说一下，让她报修", "直接约调律师上门修琴")],
             visit="给您约一间好琴房练琴", dl=["{when}要录考级视频"]),
        dict(k="attitude", sum="老师态度不好的事",
             desc=["老师上课一直看手机，还说孩子笨", "{name}上课不耐烦，孩子回家哭了"],
             fix=["请校区主管约谈{name}，下节课起换一位老师", "让主管旁听下一节课，核实后换老师"],
             feel=["孩子在课上受了委屈，当家长的心里肯定很难受", "老师这样对孩子，您心疼是肯定的"],
             emo=["难受", "心疼"],
             blame=["老师也是为了孩子好，说话直了一点"],
             tried=[], visit=None, dl=None),
    ],
    qa=[
        dict(avoid=["课时不扣", "免费", "送一节"], q=["补课要另外交钱吗？"], a=["补课不收钱，也不扣课时"], rough=["应该不用另外交"], **{"for": ["cancel"]}),
        dict(q=["琴房修好之前，练琴卡能不能顺延？"], a=["用不了的天数全部给您顺延，卡上的有效期自动往后推"], rough=["可以适当顺延"], **{"for": ["tune"]}),
        dict(q=["考级前还能上几节课？"], a=["按现在的排课，考级前还有六节课，加上补课一共七节"], rough=["还有好几节"], **{"for": ["cancel", "switch"]}),
        dict(avoid=["退", "打款"], q=["退费多久到账？"], a=["财务今天打款，原路退回，一般两到三个工作日到"], rough=["很快就到"], **{"for": ["refund"]}),
        dict(avoid=["固定", "带到底"], q=["能不能固定一个老师？"], a=["可以，我给您备注了固定{name}，以后排课系统不会自动换人"], rough=["我们尽量固定"], **{"for": ["switch", "attitude"]}),
        dict(avoid=["恢复", "加回来"], q=["扣错的课时什么时候能加回来？"], a=["核对完签到记录当场就能恢复，您刷新App就能看到"], rough=["很快就会恢复"], **{"for": ["hours"]}),
    ],
    unavail=[
        dict(ask="那下周让{name}给孩子补上吧", **{"for": ["cancel"]}, no="{name}下周要去外地带比赛，整周都不在。",
             bad=["下周让{name}给孩子补课", "下周三晚上请{name}给孩子补一节"], good=["下周先由{name2}补课，{name}回来后再补一次回课"]),
        dict(ask="周六上午给我留一间琴房行吗？", **{"for": ["tune"]}, no="周末的琴房全部约满了，工作日晚上还有空位。",
             bad=["周六上午给您留一间琴房", "周日下午给您挤出一间琴房"], good=["周三晚上七点给您留一间琴房，连续两小时"]),
        dict(ask="能不能帮我补报这一期的考级？", **{"for": ["cancel", "switch"]}, no="这一期的考级报名昨天已经截止了，报不上了。",
             bad=["今天帮您补报这一期的考级", "明天上午把这一期的报名给您补上"], good=["今天帮您把下一期的名额锁定，下一期在三个月后，正好多准备一首曲子"]),
    ],
)

DOMAINS["bus_charter"] = dict(
    brand="途安包车", rec_name="包车单号",
    rec=lambda r, W: "BC%02d%02d%02d%s" % (r.choice([24, 25]), W["m"], r.randint(1, 28), _digits(r, 3)),
    places=["市区调度中心", "高新区车队", "机场车队", "东站车队", "开发区车队"],
    addr=lambda r: r.choice(["软件园南门", "市一中东门", "万象大厦北广场", "人民医院门口", "科技大厦地面停车场", "体育中心西门"]),
    items=["45座大巴", "33座中巴", "19座考斯特", "11座商务车", "53座大巴"],
    staff="司机", names=["杨师傅", "彭师傅", "车队长老邵", "调度小金", "唐师傅"], amt=(800, 12000),
    info=["rec", "photo", "phone", "addr"], dept="车队调度部", voucher="包车抵扣券",
    redo_noun=["换车", "下次补偿"], redo_acts=["下次包车给您免费升级车型", "再给您安排一次同样的车"],
    refund_obj="这次的包车费", third="合作车队", staff_pref=True,
    at="从{place}包的{item}", at_facts=["date", "place", "item"],
    upsell=["我们还有导游服务，加两百块全程讲解", "年底包车订满十次送一次"],
    overpromise=["我保证以后我们的车一分钟都不会迟到", "这次的包车费全免，下次也免费", "五分钟内备用车就到您面前"],
    tried=[("{place}的电话我打了几次，一直转不到人工", "您打一下{place}调度电话", "直接联系{place}车队长，让他马上处理")],
    issues=[
        dict(k="late", sum="车迟到的事", now=True, dl_now=["{when}景区门票是订好时段的，过了就作废"],
             desc=["约好的时间早过了，车还没到，三十多个人站在{addr}路边", "车说好半小时前到，现在还不见人影"],
             fix=["让调度用定位盯着车，同时从附近派一辆备用车过去", "另派{name2}开备用车过去，先把人接上"],
             feel=["一车人都在等，您作为组织者压力肯定特别大", "大家站在路边干等，您夹在中间肯定着急上火"],
             emo=["着急", "上火"],
             blame=["早高峰堵车我们也控制不了", "您给的上车地点不太好找"],
             tried=[("司机的电话我打了好几遍，一直没人接", "您再给司机打个电话问问他到哪了", "让调度直接定位车辆，并派备用车过去")],
             visit=None, dl=None),
        dict(k="ac", sum="车上空调坏了的事", now=True,
             desc=["车上空调不制冷，老人都快中暑了", "开了一个小时，车里闷得透不过气，空调吹的全是热风"],
             fix=["在下一个服务区给你们换车", "安排备用车到前方服务区等着换乘"],
             feel=["车里那么热，一车人都受罪，您心里肯定急", "一路闷着热着，大家都难受，您着急是正常的"],
             emo=["着急", "心疼"],
             blame=["天气太热，空调制冷慢一点正常"],
             tried=[("已经让司机把空调开到最大了，还是热风", "您让司机把空调调到最大档试试", "安排你们在前方服务区换车")],
             visit=None, dl=None),
        dict(k="fee", sum="司机临时加价的事",
             desc=["回程的时候司机说超时了，要再加{amt}块", "合同写的一口价，司机半路说过路费要我们另付{amt}"],
             fix=["按合同结算，加价部分一分不收，已经付的退回", "通知司机合同外的费用全部由我们承担"],
             feel=["说好的一口价半路加钱，换谁都觉得被拿捏", "出来玩被临时要钱，心里肯定窝火"],
             emo=["生气", "窝火"],
             blame=["超时本来就要加钱，合同里写了"],
             tried=[("我已经把合同拍给司机看了，他说他只听调度的", "您把合同给司机看一下", "调度直接通知司机按合同结算")],
             visit=None, dl=None),
        dict(k="vehicle", sum="车型不对的事", now=True, dl_now=["{when}大家要赶上会议开幕"],
             desc=["订的是{item}，来的车小了一号，有五个人没座位", "来的车型跟合同上的对不上，座位根本不够"],
             fix=["再调一辆车过去，把剩下的人接上", "换一辆合同上的{item}过去"],
             feel=["有人没座位站着，您当组织者肯定很难堪", "人都到齐了车却坐不下，换谁都着急"],
             emo=["难堪", "着急"],
             blame=["可能您报的人数不对"],
             tried=[], visit=None, dl=None),
        dict(k="smoke", sum="司机抽烟的事", now=True,
             desc=["司机一路上在驾驶位抽烟，车里全是烟味", "司机一边开车一边打电话，还超速，同事们都吓坏了"],
             fix=["给司机打电话警告，回程换司机", "让车队长联系司机立即纠正，回程换一位司机"],
             feel=["坐在车上提心吊胆，谁都不放心", "一车人的安全悬着，您担心是应该的"],
             emo=["不放心", "害怕"],
             blame=["司机开了这么多年车，不会有事的"],
             tried=[("我已经当面跟司机说过了，他嘴上答应，一会儿又抽", "您直接跟司机说一下", "让车队长直接打电话警告司机，回程换人")],
             visit=None, dl=None),
        dict(k="detour", sum="绕路的事",
             desc=["司机绕路多走了一个小时，还跟我们多要油费", "导航上两个小时的路，司机开了三个半小时"],
             fix=["调出行车轨迹核实，绕路产生的费用不让您出", "查GPS轨迹，绕路部分的费用不收"],
             feel=["明明可以早到，却白白在车上多耗一小时，又累又窝火", "被绕了远路白白多耗时间，谁都会觉得被当成冤大头"],
             emo=["窝火", "心累"],
             blame=["那段路在修，绕路也是没办法"],
             tried=[], visit=None, dl=None),
    ],
    qa=[
        dict(avoid=["备用车", "换乘", "再调", "换一辆"], q=["备用车多久能到？"], a=["备用车刚从{place}出发，离你们十二公里，二十五分钟左右到"], rough=["很快就到"], **{"for": ["late", "vehicle", "ac"]}),
        dict(avoid=["退", "不收", "承担"], q=["多收的钱怎么退？"], a=["退到您付款的账户，今天提交，一到两个工作日到账"], rough=["会退给您的"], **{"for": ["fee", "detour"]}),
        dict(avoid=["换司机", "换一位司机"], q=["回程还是这个司机吗？"], a=["回程换成{name2}，他跑这条线五年了"], rough=["回程会调整"], **{"for": ["smoke", "detour", "late"]}),
        dict(q=["耽误的时间能不能顺延？"], a=["可以，用车时间整体往后顺延一小时，不加钱"], rough=["应该可以商量"], **{"for": ["late", "ac", "vehicle"]}),
    ],
    unavail=[
        dict(ask="回程给我们换成{item}吧", no="回程那个时段我们的{item}全部派出去了，一辆都调不出来。", **{"for": ["vehicle", "ac", "smoke"]},
             bad=["回程给你们安排一辆{item}", "回程前从{place}给你们调一辆{item}"], good=["回程给你们派一辆33座加一辆19座，两车一起走，价格不变"]),
        dict(ask="让司机别停了，直接开到吧", **{"for": ["late", "detour"]}, no="按规定，司机连续开车四小时必须休息，不能连轴转。",
             bad=["让司机中途不停车，四小时内直接开到", "通知司机这趟不休息，一口气开到目的地"], good=["一小时后在中途服务区换一位司机接着开，耽误不了多久"]),
        dict(ask="能不能直接开到景区门口接我们？", **{"for": ["late", "ac", "vehicle"]}, no="景区停车场不让大巴进，只能停在两公里外的集散中心。",
             bad=["下午四点让大巴直接开到景区门口接你们", "让司机四点前开进景区门口等"], good=["下午四点在集散中心给你们安排摆渡车，两公里五分钟就到"]),
    ],
)

DOMAINS["seafood_online"] = dict(
    brand="渔鲜到家", rec_name="订单号",
    rec=lambda r, W: "SX20%02d%02d%02d%s" % (r.choice([24, 25]), W["m"], r.randint(1, 28), _digits(r, 6)),
    places=["舟山仓", "大连仓", "湛江仓", "青岛仓", "宁德仓"],
    addr=_addr_house(["海棠湾小区", "星河湾", "绿地香树", "东方名苑", "银杏花园"]),
    items=["帝王蟹（2.5斤）", "大闸蟹礼盒（8只装）", "波士顿龙虾（2只）", "乳山生蚝（5斤）", "冰鲜大黄鱼（2条）", "北极甜虾（1千克）"],
    staff="售后专员", names=["售后小董", "品控小冯", "仓库主管老钟", "配送员小陆", "售后小潘"], amt=(89, 1299),
    info=["rec", "photo", "addr", "phone"], dept="售后部", voucher="优惠券",
    redo_noun=["补发", "重发"], redo_acts=["给您补发一份新的{item}", "重新给您发一箱"],
    refund_obj="这单的钱", third="冷链快递", staff_pref=False,
    at="下单买的{item}，送到{addr}", at_facts=["date", "item", "addr"],
    upsell=["我们现在有节日礼盒预售，买两盒送一盒", "开个会员，全年包邮"],
    overpromise=["我保证以后每一只都活蹦乱跳", "这单全额退款，再给您免费送一年海鲜", "半小时内补发的货就送到您家"],
    tried=[("App里的在线客服我已经留过言了，一直没人回", "您在App里找在线客服留言说明一下", "直接给您走售后加急通道")],
    issues=[
        dict(k="dead", sum="海鲜死了的事",
             desc=["收到的{item}死了一大半，打开箱子还有股味", "{item}到手一只都不动了，腿一碰就掉"],
             fix=["按死掉的数量全额退款，再补发一份活的", "从{place}重新发一份，死的那部分不用寄回"],
             feel=["等着下锅的海鲜死了大半，看着就糟心", "本来打算做顿好的，结果全泡汤了，太扫兴了"],
             emo=["糟心", "扫兴"],
             blame=["签收后放久了才死的吧", "您没及时放冰箱吧"],
             tried=[], visit="把补发的海鲜送到您家", dl=["{when}家里请客就指着这箱", "{when}要给老人过寿"]),
        dict(k="ice", sum="冰袋化了的事",
             desc=["箱子里的冰袋全化了，泡沫箱里都是水", "冰块一点都没剩，{item}摸着是温的"],
             fix=["给您全额退款，再补发一箱，这次加双倍冰袋", "按整单退款，同时从{place}加急补发"],
             feel=["海鲜最怕不冰，您担心吃坏肚子是很正常的", "花钱买的东西不敢吃，心里肯定别扭"],
             emo=["担心", "不放心"],
             blame=["夏天温度高，冰袋化了很正常"],
             tried=[], visit="把补发的货送上门", dl=["{when}要给老人过寿"]),
        dict(k="weight", sum="缺斤短两的事",
             desc=["标的是{item}，我称了一下少了快一斤", "到手称重比页面上写的轻了三分之一"],
             fix=["按缺的重量把差价退给您", "核对发货称重记录，少多少补多少"],
             feel=["花了钱却缺斤短两，换谁都觉得被糊弄", "买东西被短秤，心里肯定窝火"],
             emo=["生气", "不舒服"],
             blame=["冰衣化掉了重量自然会轻", "您家秤可能不准"],
             tried=[("我称了两遍，照片和视频都拍了", "您再用秤称一下，拍个照片给我们", "按照片核对后直接退差价")],
             visit=None, dl=None),
        dict(k="late", sum="配送延误的事", now=True, dl_now=["{when}家里请客，就等这箱海鲜下锅"],
             desc=["说好上午送到，现在都过点了还没到", "物流显示派送中好几个小时了，快递员电话也打不通"],
             fix=["联系冷链站点加急派送", "让配送员优先送您这单，同时准备补发"],
             feel=["一家人等着下锅，迟迟不到，肯定着急", "海鲜在路上多耽误一小时就多一分担心，我懂"],
             emo=["着急", "心焦"],
             blame=["快递那边出了状况，我们也没办法"],
             tried=[("快递员的电话我打了五六遍，都是关机", "您直接打快递员的电话问一下", "联系冷链站点主管加急派送")],
             visit=None, dl=None),
        dict(k="box", sum="包装破损的事",
             desc=["泡沫箱摔破了，汤水漏了一地，楼道里全是腥味", "快递送来箱子都压扁了，生蚝壳碎了好几个"],
             fix=["整单退款，补发的这份换加厚箱", "按破损的部分退款，再补发一份"],
             feel=["好好的东西送来成了这样，收拾起来又累又糟心", "好好的东西被摔成这样，看着就糟心"],
             emo=["膈应", "糟心"],
             blame=["快递摔的，您找快递公司吧"],
             tried=[], visit="把补发的货送到您家", dl=None),
        dict(k="spec", sum="规格发错的事",
             desc=["我买的是{item}，收到的是小一号的规格", "下单的八只装，打开只有六只"],
             fix=["把少发的按价补发给您", "补寄缺的部分，运费我们出"],
             feel=["东西跟下单的对不上，谁看了都不痛快", "东西少了一截，您觉得被糊弄也正常"],
             emo=["着急", "尴尬"],
             blame=["可能您下单时选的就是小规格"],
             tried=[], visit="把少的部分补送上门", dl=["{when}要拿去送客户"]),
    ],
    qa=[
        dict(avoid=["退"], q=["退款多久到？"], a=["原路退回，一般两小时内到账，最晚不超过二十四小时"], rough=["很快就能到"], **{"for": ["dead", "ice", "weight", "box"]}),
        dict(avoid=["发"], q=["补发的什么时候能到？"], a=["今天下午从{place}发冷链，明早十一点前能到您家"], rough=["会尽快发出的"], **{"for": ["dead", "ice", "box", "spec"]}),
        dict(q=["这批海鲜还能吃吗？"], a=["冰化了、有异味的就别吃了，死了超过半天的蟹也不建议吃，身体要紧"], rough=["建议谨慎一点"], **{"for": ["dead", "ice", "late"]}),
        dict(avoid=["寄回"], q=["坏的那些要寄回去吗？"], a=["不用寄回，您直接处理掉就行，照片已经够我们核实了"], rough=["这个不用太担心"], **{"for": ["dead", "box"]}),
        dict(avoid=["差价", "少多少补多少", "按价"], q=["差价按什么算？"], a=["按页面单价折算到每斤，少多少退多少，零头也算您的"], rough=["会按比例退给您"], **{"for": ["weight", "spec"]}),
    ],
    unavail=[
        dict(ask="那就再给我发一份{item}", **{"for": ["dead", "ice", "box", "spec"]}, no="{item}今天已经卖完了，下周二才有新货。",
             bad=["今天下午就给您补发一份{item}", "明天从{place}给您再发一份{item}"], good=["今天先给您全额退款，下周二新货到了我优先给您留一份"]),
        dict(ask="能不能明天一早送到？", **{"for": ["dead", "ice", "box", "spec"]}, no="您这个地址不在冷链次日达范围，最快要两天。",
             bad=["明天一早给您送到", "明天中午之前给您送上门"], good=["后天上午送到，途中全程冷链，再多放一倍冰袋"]),
        dict(ask="明天给我补发活蟹吧", **{"for": ["dead"]}, item="大闸蟹礼盒（8只装）", no="活蟹明天起停售，只能发冰鲜的了。",
             bad=["明天给您补发一箱活蟹", "后天上午补一箱活蟹给您"], good=["今天下午截单前给您发出活蟹，来不及的话换成冰鲜再退差价"]),
    ],
)


# ----------------------------------------------------------------------------------------
# world (one sampled set of facts per case)
# ----------------------------------------------------------------------------------------
MONEY = {"overcharge", "bill", "overtime", "double", "refund", "fee", "weight", "storm", "detour", "coupon", "hours"}


def nice_amount(r, lo, hi):
    a = r.randint(lo, hi)
    if a >= 1000:
        a = a // 10 * 10
    if r.random() < 0.35:
        a = a // 10 * 10 + r.choice([0, 8, 9])
    return max(lo, a)


def make_world(r, dk, D, iss):
    W = {}
    W["m"] = r.randint(1, 12)
    W["dd"] = r.randint(6, 20)
    W["wd"] = r.randint(0, 6)
    W["datefmt"] = r.randint(0, 1)
    W["mingwan"] = r.random() < 0.5
    W["now"] = r.randint(9, 14)
    W["issue"] = iss
    W["sum"] = iss["sum"]
    W["brand"] = D["brand"]
    W["rec_name"] = D["rec_name"]
    W["rec"] = D["rec"](r, W)
    W["place"], W["place2"] = r.sample(D["places"], 2)
    W["item"] = iss.get("item") or r.choice(D["items"])
    W["item2"] = r.choice([x for x in D["items"] if x != W["item"]])
    W["amt"] = nice_amount(r, *D["amt"])
    W["name"], W["name2"] = r.sample(D["names"], 2)
    W["staff"] = D["staff"]
    W["dept"] = D["dept"]
    W["voucher"] = D["voucher"]
    W["third"] = D["third"]
    W["refund_obj"] = D["refund_obj"]
    W["addr"] = D["addr"](r) if D["addr"] else ""
    W["phone"] = "1" + r.choice(["38", "39", "58", "86", "77", "35", "52", "36"]) + _digits(r, 8)
    W["sur"] = r.choice(SURNAMES)
    W["cust"] = W["sur"] + r.choice(["女士", "先生"])
    W["aname"] = r.choice(AGENT_NAMES)
    W["aid"] = str(r.randint(1000, 9999))
    W["seat"] = "%s%d-%02d" % (r.choice("ABC"), r.randint(2, 6), r.randint(1, 40))
    W["sdd"] = W["dd"] - r.randint(2, 5)
    W["date"] = ("%d月%d日" if r.random() < 0.5 else "%d月%d号") % (W["m"], W["sdd"])
    W["dl"] = ""
    W["dk"] = dk
    return W


def A(t):
    return {"role": "agent", "text": t}


def C(t):
    return {"role": "customer", "text": t}


def sent(s):
    s = s.strip()
    if s and s[-1] not in "。！？～…":
        s += "。"
    return s


def ask_end(s):
    s = s.strip()
    if s and s[-1] in "。！？～…":
        return s
    if re.search("吗$|呢$|多少$|哪里$|哪$|没有$|怎么办$|怎么弄$|几号工位$", s) or s.startswith("所以") or "怎么" in s[-6:]:
        return s + "？"
    return s + "。"


def desc_of(r, W, no_time=False):
    ds = W["issue"]["desc"]
    if no_time:
        ok = [d for d in ds if not TIME_WORDS.search(d)]
        if ok:
            ds = ok
    return pick(r, ds, W)


def fix_of(r, W):
    return pick(r, W["issue"]["fix"], W)


def opener(r, W):
    return pick(r, OPENERS, W)


def maybe_opener(r, W, turns, p=0.45):
    if r.random() < p:
        turns.append(A(opener(r, W)))


# family specific feelings ("ok" = only for replies consistent with the conversation)
FF = {
    "given_ok": ["该给的信息您早就给全了，却还在等结果，心烦是难免的",
                 "您一开始就把情况说得清清楚楚，还要干等，换谁都会有点窝火",
                 "材料您都备齐了，就盼着我们赶紧动起来，这份着急我明白"],
    "failed_ok": ["该试的办法您都试了一遍还是不行，换谁都会觉得心累",
                  "来回折腾好几次没解决，您的耐心肯定快被磨没了",
                  "自己动手试了又试还是老样子，挺让人泄气的",
                  "白费了那么多工夫，这种无力感我懂"],
    "pref_ok": ["您的意思已经说得很明白了，最怕的就是再被绕圈子",
                "这一趟下来您已经够累了，只想干脆利落地了结",
                "您不想再来回折腾，这个心情我完全理解"],
    "deadline_any": ["眼看{dl}就到了，事情还悬着，您心里肯定发慌",
                     "时间卡得这么紧，您着急是一定的",
                     "{dl}那边等不起，这种被时间追着跑的感觉太难受了",
                     "离{dl}没几天了，您担心赶不上是很正常的"],
    "deadline_now": ["眼看{dl}就到了，您心里肯定发慌", "时间就剩这么一点，您着急是一定的",
                     "{dl}那边等不起，这种被时间追着跑的感觉太难受了", "只剩几个小时了，换谁都坐不住"],
    "imposs_any": ["计划好的事突然落空，失望是肯定的",
                   "原本安排得好好的，一下被打乱，确实让人烦",
                   "想要的偏偏没有，您心里肯定不痛快"],
    "broken_ok": ["说好的事又没兑现，您失望是应该的",
                  "又白等了一场，您肯定觉得被我们放了鸽子",
                  "信了我们的话却落了空，这种被辜负的感觉很糟",
                  "等了这么久连个动静都没有，您寒心我能理解"],
    "avail_any": ["您时间本来就紧，还得为这事操心，挺不容易的",
                  "工作家里两头忙，还要腾时间处理这个，确实累",
                  "为了这件事还得专门挤时间，换谁都觉得麻烦"],
}


def ff(r, W, key):
    return [fill(x, W) for x in FF[key]]



PAD = ["您看这样安排可以吗？", "有别的想法也可以直接跟我说", "这边都给您记好了", "后面的事您交给我就行", "您这边什么都不用再准备"]


def pad_to(r, W, cands, no_rec=False, top=False):
    """Keep the conflict-family replies about as long as the best one, so length gives nothing away."""
    lens = sorted(len(t) for t, _ in cands)
    target = lens[4] if top else lens[r.choice([2, 3, 3, 4])]
    out = []
    for k, (text, g) in enumerate(cands):
        if True:
            goal = target + r.randint(-12, 8)
            tries = 0
            while len(text) < goal and tries < 2:
                pool = [e for e in EXTRA if not (no_rec and "{rec}" in e)] + PAD
                e = fill(r.choice(pool), W)
                if e[:6] not in text:
                    text = join(r, [text, e])
                tries += 1
        out.append((text, g))
    return out

# ----------------------------------------------------------------------------------------
# conflict families
# ----------------------------------------------------------------------------------------
def n_twos(r):
    return 1 if r.random() < 0.55 else 2


def fam_asks_for_given_info(r, D, W):
    desc = desc_of(r, W)
    types = list(D["info"])
    k = r.choice([1, 2, 2, 3])
    given = ["rec"] if r.random() < 0.75 else []
    others = [t for t in types if t not in given]
    r.shuffle(others)
    while len(given) < k and others:
        given.append(others.pop())
    r.shuffle(given)
    gtxt = "，".join(pick(r, GIVE[t], W) for t in given)
    v = r.randint(0, 2)
    turns = []
    if v == 0:
        maybe_opener(r, W, turns)
        turns.append(C(sent(desc + "。" + gtxt)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(pick(r, CUST_URGE))
    elif v == 1:
        turns.append(C(sent(desc + "，" + pick(r, CUST_TAIL))))
        turns.append(A(r.choice(["真不好意思，方便把相关信息发我一下吗？我马上查。", "收到，您把订单信息和照片这些给我，我来核实。",
                                 "明白了，麻烦提供一下您的信息，我好调记录。", "实在抱歉，您把能提供的信息都发我，我这就处理。"])))
        turns.append(C(sent(gtxt)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(pick(r, CUST_URGE))
    else:
        maybe_opener(r, W, turns, 0.6)
        turns.append(C(sent(desc)))
        turns.append(A(pick(r, AGENT_ASK, W)))
        latest = sent(gtxt + "。" + ask_end(pick(r, CUST_URGE)))
    fix = fix_of(r, W)
    ref_n = min(len(given), r.choice([1, 2]))
    refs = "，".join(pick(r, REF[t], W) for t in r.sample(given, ref_n))
    cands = [(arrange(r, feel=feel_sent(r, W, ff(r, W, "given_ok")), own=own_sent(r, W), ack=refs,
                      act=act_sent(r, fix, t_fast(r, W)), extra=extra_sent(r, W)), 3)]
    nt = n_twos(r)
    for _ in range(nt):
        ack2 = pick(r, REF[r.choice(given)], W) if r.random() < 0.5 else None
        cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), ack=ack2,
                              act=act_sent(r, fix_of(r, W), t_slow(r, W)), extra=extra_sent(r, W) if r.random() < 0.5 else None), 2))
    order = given[:] * 3
    r.shuffle(order)
    for j in range(4 - nt):
        g = order[j]
        ask = pick(r, ASK[g], W)
        ask = ask_end(ask) if re.search("吗$|多少$|哪里$|几号工位$", ask) else ask + "，"
        actb = ask + r.choice(AFTER_ASK) + r.choice(["{t}{s}{a}", "{s}{t}{a}"]).format(t=t_fast(r, W), s=r.choice(SUBJ), a=fix_of(r, W))
        other = [t for t in given if t != g]
        ackb = pick(r, REF[r.choice(other)], W) if other and r.random() < 0.6 else None
        cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), ack=ackb, act=actb, extra=extra_sent(r, W)), 0))
    return turns, latest, pad_to(r, W, cands)


ACK_TRIED = ["这些您都已经试过了，就不让您再折腾了", "您自己已经试过还是不行，那问题肯定不在操作上",
             "这一步您做过了，再让您重复没有意义", "既然您试过没用，咱们直接换个办法", "您该做的都做了，剩下的交给我们",
             "您试过的那些就不用再来一遍了"]
REDO_STEP = ["{again}，{t}{s}再跟您确认一下效果", "建议先这样处理：{again}。要是还不行，{t}{s}{alt}",
             "麻烦您再试一次：{again}，{t}{s}回访看看结果", "{again}，一般这样就能解决，{t}{s}再来跟进",
             "您先按这个来：{again}，{t}还没好的话{s}{alt}"]


def fam_repeats_failed_step(r, D, W):
    iss = W["issue"]
    pool = [tuple(fill(x, W) for x in t) for t in iss.get("tried", [])]
    gen = [tuple(fill(x, W) for x in t) for t in D["tried"]]
    if not pool or r.random() < 0.2:
        pool = gen
    tried, again, alt = r.choice(pool)
    desc = desc_of(r, W)
    v = r.randint(0, 2)
    turns = []
    if v == 0:
        maybe_opener(r, W, turns)
        turns.append(C(sent(desc + "。" + tried + r.choice(["", "，还是不行", "，一点用都没有", "，没用"]))))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(pick(r, CUST_URGE))
    elif v == 1:
        maybe_opener(r, W, turns, 0.3)
        turns.append(C(sent(desc)))
        turns.append(A(sent(r.choice(["不好意思，您先试试这样：", "您先别急，可以这样处理：", "这种情况一般这样就能解决：", "您可以先试一下："]) + again)))
        tails = ["。你们还有别的办法吗？", "，还是老样子。", "。现在怎么办？", "，根本没用。"]
        if "还是" in tried:
            tails = [x for x in tails if "还是" not in x]
        latest = sent(tried + r.choice(tails))
    else:
        turns.append(C(sent(desc)))
        turns.append(A(pick(r, AGENT_ASK, W)))
        turns.append(C(sent(tried)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(pick(r, CUST_URGE))
    if r.random() < 0.4:
        f3, a3 = r.choice(ff(r, W, "failed_ok")), None
    else:
        f3, a3 = feel_sent(r, W), r.choice(ACK_TRIED)
    cands = [(arrange(r, feel=f3, own=own_sent(r, W), ack=a3, act=act_sent(r, alt, t_fast(r, W)), extra=extra_sent(r, W)), 3)]
    nt = n_twos(r)
    for _ in range(nt):
        cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), ack=r.choice(ACK_TRIED) if r.random() < 0.4 else None,
                              act=act_sent(r, alt if r.random() < 0.6 else fix_of(r, W), t_slow(r, W)),
                              extra=extra_sent(r, W) if r.random() < 0.5 else None), 2))
    tpls = r.sample(REDO_STEP, 4 - nt)
    for tp in tpls:
        actb = tp.format(again=again, t=t_fast(r, W), s=r.choice(SUBJ), alt=alt)
        cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=actb, extra=extra_sent(r, W)), 0))
    return turns, latest, pad_to(r, W, cands)


REF_REFUND = ["{redo}就不用了，我只要退款", "{redo}就算了，我只想把钱拿回来", "不用再{redo}了，直接退钱吧",
              "说实话已经不想再折腾了，把钱退给我就行", "我不考虑{redo}，麻烦直接退款", "别跟我提{redo}，我要的是退钱"]
REF_VOUCHER = ["{voucher}我用不上，别给我发券，直接退钱", "券就别给了，我以后也不会常来，钱退我就行",
               "什么{voucher}我都不要，该退的钱退给我", "抵用券对我没用，我要现金"]
OFFER_VOUCHER = ["实在抱歉，要不我给您补一张{voucher}作为补偿？", "给您添麻烦了，我申请一张{voucher}给您，您看可以吗？"]
REFUND_ACTS = ["把{refund_obj}{amt}元原路退到您付款用的账户", "给您办全额退款，{amt}元原路返回", "直接退款{amt}元，不用您再跑一趟",
               "把{amt}元退到您原来的支付账户"]
VOUCHER_ACTS = ["给您补两张{voucher}，下次直接抵用", "给您发一张大额{voucher}，有效期一年", "把补偿换成{voucher}，面额给您翻倍",
                "给您申请一张{voucher}，比退款划算"]
CALL_PREF = ["别给我打电话，我上班接不了，有结果发短信就行", "电话就别打了，我在医院陪床，发消息吧",
             "千万别打电话，孩子刚睡着，文字沟通就好", "我开会没法接电话，在这里回复我就行", "打电话我听不清，工地太吵，发文字吧",
             "我接电话不方便，有什么事微信上说"]
COMM_GOOD = ["处理结果我{t}发短信告诉您", "进展我都在这里文字留言给您，不打扰您", "办好后{t}给您发条短信，您方便时看一眼就行",
             "结果我{t}用文字发给您，不用您接电话"]
COMM_BAD = ["{t}我给您打个电话，把方案当面讲清楚", "我{t}打您电话确认一下细节", "{t}让{name}直接给您打电话沟通",
            "{t}我再电话跟您详细说一下"]
STAFF_PREF = ["换个人吧，别再让{name}来了", "上次的{name}我实在不想再打交道了", "{name}态度太差，这次麻烦换个人",
              "能不能别派{name}？换谁都行"]
STAFF_ACTS = ["改由{who}来跟进处理", "换成{who}负责这件事", "安排{who}接手处理", "让{who}来给您处理"]
STAFF_WHY = ["{name}对您这边的情况最熟", "{name}是我们经验最足的", "{name}之前接过您这单，上手快"]


def fam_ignores_preference(r, D, W):
    iss = W["issue"]
    money = iss["k"] in MONEY
    types = ["voucher", "call"] + ([] if money else ["refund", "refund"]) + (["staff"] if D["staff_pref"] else [])
    ty = r.choice(types)
    desc = desc_of(r, W)
    turns = []
    maybe_opener(r, W, turns, 0.35)
    fix = fix_of(r, W)
    if ty == "refund":
        redo = r.choice(D["redo_noun"])
        refusal = r.choice(REF_REFUND).format(redo=redo)
        offer = r.choice(["实在抱歉，要不给您{r}？", "给您添麻烦了，我们可以给您{r}，您看行吗？", "真不好意思，这边可以安排{r}。"]).format(r=redo)
        good_act = pick(r, REFUND_ACTS, W)
        bad_acts = [fill(x, W) for x in D["redo_acts"]] + ["给您" + redo + "，这次我亲自盯着"]
    elif ty == "voucher":
        refusal = fill(r.choice(REF_VOUCHER), W)
        offer = pick(r, OFFER_VOUCHER, W)
        good_act = fix if money else pick(r, REFUND_ACTS, W)
        bad_acts = [fill(x, W) for x in VOUCHER_ACTS]
    elif ty == "call":
        refusal = r.choice(CALL_PREF)
        offer = r.choice(["收到，我这边核实一下，稍后给您回个电话可以吗？", "明白，方便的话我电话跟您沟通一下？"])
        good_act = fix
        bad_acts = None
    else:
        refusal = fill(r.choice(STAFF_PREF), W)
        offer = fill(r.choice(["不好意思，我们安排{name}再跟进一下？", "明白了，这边还是让{name}负责，您看可以吗？"]), W)
        good_act = r.choice(STAFF_ACTS).format(who=W["name2"])
        bad_acts = [r.choice(STAFF_ACTS).format(who=W["name"]) + "，" + fill(w, W) for w in STAFF_WHY]
    v = r.randint(0, 2)
    if v == 0:
        turns.append(C(sent(desc)))
        turns.append(A(offer))
        latest = sent(refusal)
    elif v == 1:
        turns.append(C(sent(desc + "。" + refusal)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(pick(r, CUST_URGE))
    else:
        turns.append(C(sent(desc)))
        turns.append(A(offer))
        turns.append(C(sent(refusal)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(r.choice(["所以你们打算怎么处理", "那你们打算怎么解决", "说吧，怎么弄", "我等着呢，结果呢"]))
    nt = n_twos(r)
    cands = []
    if ty == "call":
        cands.append((arrange(r, feel=feel_sent(r, W, ff(r, W, "pref_ok")), own=own_sent(r, W),
                              act=act_sent(r, good_act, t_fast(r, W)), extra=r.choice(COMM_GOOD).format(t=t_fast(r, W))), 3))
        for _ in range(nt):
            cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=act_sent(r, fix_of(r, W), t_slow(r, W)),
                                  extra=r.choice(COMM_GOOD).format(t=t_slow(r, W)) if r.random() < 0.5 else None), 2))
        for cb in r.sample(COMM_BAD, 4 - nt):
            cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=act_sent(r, fix_of(r, W), t_fast(r, W)),
                                  extra=fill(cb.format(t=t_fast(r, W), name="{name}"), W)), 0))
    else:
        cands.append((arrange(r, feel=feel_sent(r, W, ff(r, W, "pref_ok")), own=own_sent(r, W),
                              act=act_sent(r, good_act, t_fast(r, W)), extra=extra_sent(r, W)), 3))
        for _ in range(nt):
            cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=act_sent(r, good_act, t_slow(r, W)),
                                  extra=extra_sent(r, W) if r.random() < 0.5 else None), 2))
        bl = bad_acts[:]
        r.shuffle(bl)
        while len(bl) < 4 - nt:
            bl.append(r.choice(bad_acts))
        for ba in bl[:4 - nt]:
            cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=act_sent(r, ba, t_fast(r, W)),
                                  extra=extra_sent(r, W)), 0))
    return turns, latest, pad_to(r, W, cands)


DL_TPL = ["{t}前{s}{a}", "最晚{t}，{s}{a}", "{s}{t}前{a}", "{s}会在{t}之前{a}", "{s}给您排好了，{t}前{a}"]
DL_NEED = ["在那之前必须弄好", "你们得赶在这之前处理完", "这之前要是还解决不了就麻烦了", "时间真的很赶", "千万别耽误了"]
VAGUE_T = ["五到七个工作日内", "下周", "等排期出来后一周内", "下个月初"]


def fam_misses_deadline(r, D, W):
    iss = W["issue"]
    if iss.get("dl_now") and (not iss.get("dl") or r.random() < 0.7):
        return deadline_today(r, D, W)
    style = r.choice(["rel", "rel", "wd", "date"])
    off = r.choice([1, 2, 2, 3])
    dh = r.choice([9, 10, 14, 15, 18, 19])
    dl_text = when(W, off, dh, style=style)
    dh_end = dh
    if r.random() < 0.35:
        dl_text = day_txt(W, off, style) + period(dh)
        dh, dh_end = {"上午": (9, 12), "早上": (8, 10), "中午": (12, 13), "下午": (13, 18), "晚上": (18, 23)}[period(dh)]
    W["dl"] = dl_text
    reason = r.choice(iss["dl"]).format_map(dict(W, when=dl_text))
    anchor = today_anchor(W, style)
    dline = (anchor + "，" if anchor else "") + reason
    desc = desc_of(r, W)
    turns = []
    v = r.randint(0, 2)
    if v == 0:
        maybe_opener(r, W, turns)
        turns.append(C(sent(desc)))
        turns.append(A(r.choice(AGENT_ASK + AGENT_HOLD)))
        latest = sent(dline + "，" + r.choice(DL_NEED))
    elif v == 1:
        turns.append(C(sent(desc + "。" + dline)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(r.choice(["所以能赶上吗", "来得及吗", "你们到底能不能在那之前弄好", "给个准时间吧"]))
    else:
        turns.append(C(sent(desc)))
        turns.append(A(pick(r, AGENT_ASK, W)))
        turns.append(C(sent(dline + "，" + r.choice(DL_NEED))))
        turns.append(A(r.choice(["明白，我看看怎么安排最快。", "收到，我去协调一下时间。", "了解，我马上查排期。"])))
        latest = ask_end(r.choice(CUST_URGE))
    now = W["now"]
    before, after = [], []
    for o in range(0, off + 3):
        for h in [9, 10, 11, 14, 15, 16, 17, 19, 20]:
            if o == 0 and h < now + 2:
                continue
            if o < off or (o == off and h <= dh - 3):
                before.append((o, h))
            elif (o == off and h >= dh_end + 2) or o > off:
                after.append((o, h))
    before.sort()
    third = max(1, len(before) // 3)
    b3 = r.choice(before[:third])
    later = [x for x in before if x > b3] or [b3]
    b2s = r.sample(later, min(2, len(later)))
    after_pick = r.sample(after, 3)
    tf = lambda oh: when(W, oh[0], oh[1], style=style)
    feels_any = ff(r, W, "deadline_any")

    def rep(t):
        a = fix_of(r, W)
        return r.choice(DL_TPL).format(t=t, s=r.choice(SUBJ), a=a)
    cands = [(arrange(r, feel=feel_sent(r, W, feels_any), own=own_sent(r, W), act=rep(tf(b3)), extra=extra_sent(r, W)), 3)]
    nt = n_twos(r)
    for i in range(nt):
        cands.append((arrange(r, feel=feel_sent(r, W, feels_any), own=own_sent(r, W), act=rep(tf(b2s[i % len(b2s)])),
                              extra=extra_sent(r, W) if r.random() < 0.4 else None), 2))
    bad_times = [tf(x) for x in after_pick]
    if r.random() < 0.5:
        bad_times[-1] = r.choice(VAGUE_T)
    for t in bad_times[:4 - nt]:
        if t in VAGUE_T:
            act = r.choice(["{s}{t}{a}", "{t}{s}{a}"]).format(t=t, s=r.choice(SUBJ), a=fix_of(r, W))
        else:
            act = rep(t)
        cands.append((arrange(r, feel=feel_sent(r, W, feels_any), own=own_sent(r, W), act=act, extra=extra_sent(r, W)), 0))
    return turns, latest, pad_to(r, W, cands)


def deadline_today(r, D, W):
    """Deadline a few hours from now, for issues that are happening right now."""
    iss = W["issue"]
    now = W["now"]
    dh = min(now + r.choice([2, 3, 4]), 21)
    half = r.random() < 0.3
    dl_text = when(W, 0, dh, half)
    W["dl"] = dl_text
    reason = r.choice(iss["dl_now"]).format_map(dict(W, when=dl_text))
    desc = desc_of(r, W)
    turns = []
    if r.random() < 0.5:
        maybe_opener(r, W, turns)
        turns.append(C(sent(desc)))
        turns.append(A(r.choice(AGENT_ASK + AGENT_HOLD)))
        latest = sent(reason + "，" + r.choice(DL_NEED))
    else:
        turns.append(C(sent(desc + "。" + reason)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(r.choice(["所以能赶上吗", "来得及吗", "到底赶不赶得上", "给个准时间吧"]))
    feels_any = ff(r, W, "deadline_now")
    good_t = r.choice(["十分钟内", "二十分钟内", "半小时内", "一刻钟内"])
    two_t = when(W, 0, dh - 1) + "前" if dh - 1 >= now + 1 else "一个小时内"
    late_pool = [when(W, 0, h) + "前" for h in range(dh + 1, 23)] + ["明天上午", "今晚十点前", "明天中午前", "两三个小时后"]
    late_pool = [t for t in late_pool if not (t == "今晚十点前" and dh >= 21)]

    def rep(t):
        return r.choice(["{t}{s}{a}", "{s}{t}{a}", "{s}会在{t}{a}"]).format(t=t, s=r.choice(SUBJ), a=fix_of(r, W))
    cands = [(arrange(r, feel=feel_sent(r, W, feels_any), own=own_sent(r, W), act=rep(good_t), extra=extra_sent(r, W)), 3)]
    nt = n_twos(r)
    for _ in range(nt):
        cands.append((arrange(r, feel=feel_sent(r, W, feels_any), own=own_sent(r, W), act=rep(two_t),
                              extra=extra_sent(r, W) if r.random() < 0.4 else None), 2))
    for t in r.sample(late_pool, 4 - nt):
        cands.append((arrange(r, feel=feel_sent(r, W, feels_any), own=own_sent(r, W), act=rep(t), extra=extra_sent(r, W)), 0))
    return turns, latest, pad_to(r, W, cands)


FACT_PIECE = {
    "rec": ["{rec_name}{v}", "{rec_name}是{v}的这一单", "{v}这单"],
    "place": ["{v}", "在{v}那边"],
    "item": ["{v}", "您的{v}"],
    "amt": ["金额{v}元", "一共{v}元", "付款{v}元"],
    "date": ["{v}那次", "{v}的记录"],
    "addr": ["收货地址{v}", "地址{v}"],
}
CONFIRM = ["记录我查到了：{X}", "我核对过了，{X}", "{X}，这些我都跟系统对上了", "我这边调出来的是{X}", "跟您确认一下，{X}，信息都对得上"]


def wrong_value(r, W, f):
    if f == "rec":
        return one_digit_off(r, W["rec"])
    if f == "place":
        return W["place2"]
    if f == "item":
        return W["item2"]
    if f == "amt":
        return amount_off(r, W["amt"])
    if f == "date":
        d = W["sdd"] + r.choice([-2, -1, 1, 2])
        return ("%d月%d日" if "日" in W["date"] else "%d月%d号") % (W["m"], d)
    if f == "addr":
        return re.sub(r"\d+", lambda m: str(int(m.group()) + r.choice([1, 2, -1]) if int(m.group()) > 2 else int(m.group()) + 1), W["addr"], count=1)


def fam_wrong_fact(r, D, W):
    facts = ["rec", "amt"] + list(D["at_facts"])
    use_date = r.random() < 0.5
    if not use_date:
        facts.remove("date")
    desc = desc_of(r, W, no_time=use_date)
    at = fill(D["at"], W)
    if use_date:
        at = W["date"] + at
    amt_txt = r.choice(["一共花了{amt}元", "付了{amt}块", "金额{amt}元", "{amt}块钱"]).format(amt=W["amt"])
    rec_txt = pick(r, GIVE["rec"], W)
    v = r.randint(0, 2)
    turns = []
    if v == 0:
        maybe_opener(r, W, turns)
        turns.append(C(sent("我是" + at + "，" + rec_txt + "，" + amt_txt + "。" + desc)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(r.choice(CUST_URGE))
    elif v == 1:
        turns.append(C(sent(desc + "，" + r.choice(CUST_TAIL))))
        turns.append(A(r.choice(["抱歉遇到这种情况，方便说一下订单信息吗？", "您先别急，麻烦讲一下是哪一单？", "收到，我需要核对一下您的订单信息。"])))
        turns.append(C(sent("我是" + at + "，" + amt_txt + "，" + rec_txt)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = ask_end(r.choice(CUST_URGE))
    else:
        maybe_opener(r, W, turns, 0.5)
        turns.append(C(sent(desc + "。" + rec_txt)))
        turns.append(A(r.choice(["收到，是哪天、在哪儿办的，花了多少钱？您说一下我好核对。", "我先核对一下，您还记得具体的购买信息吗？"])))
        latest = sent(at + "，" + amt_txt + "。" + r.choice(["你们查吧。", "都在这了。", "赶紧处理。", ""]))

    def confirm(Wv, fs):
        pieces = [fill(r.choice(FACT_PIECE[f]).replace("{v}", str(Wv["date"] if f == "date" else Wv[f])), Wv) for f in fs]
        return r.choice(CONFIRM).format(X="，".join(pieces))

    def one(Wv, must=None, slow=False):
        k = r.choice([2, 2, 3])
        rest = [f for f in facts if f != must]
        fs = r.sample(rest, min(k - (1 if must else 0), len(rest)))
        if must:
            fs.insert(r.randrange(len(fs) + 1), must)
        a = pick(r, W["issue"]["fix"], Wv)
        return arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), ack=confirm(Wv, fs),
                       act=act_sent(r, a, t_slow(r, W) if slow else t_fast(r, W)),
                       extra=extra_sent(r, W, no_rec=True) if (not slow or r.random() < 0.5) else None)
    cands = [(one(W), 3)]
    nt = n_twos(r)
    for _ in range(nt):
        cands.append((one(W, slow=True), 2))
    wf = facts[:]
    r.shuffle(wf)
    for j in range(4 - nt):
        f = wf[j % len(wf)]
        Wv = dict(W)
        wv = wrong_value(r, W, f)
        if f == "date":
            Wv["date"] = wv
        else:
            Wv[f] = wv
        cands.append((one(Wv, must=f), 0))
    return turns, latest, pad_to(r, W, cands, no_rec=True)


NEUTRAL_ACTS = ["把您这单升成加急，相关记录全部调出来核对", "找{name2}把这件事从头到尾再过一遍", "把情况报到{dept}，由主管亲自跟进",
                "把这单标成优先，当时经手的同事我先问清楚"]
Q_PRE = ["另外我想问一下，", "还有，", "我就想问一句，", "", "那", "对了，"]


def fam_unanswered_question(r, D, W):
    iss = W["issue"]
    qs = [q for q in D["qa"] if not q.get("for") or iss["k"] in q["for"]]
    q = r.choice(qs)
    question = r.choice(q["q"])
    answer = pick(r, q["a"], W)
    rough = pick(r, q["rough"], W)
    desc = desc_of(r, W)
    turns = []
    v = r.randint(0, 2)
    if v == 0:
        maybe_opener(r, W, turns)
        turns.append(C(sent(desc)))
        turns.append(A(r.choice(AGENT_ASK + AGENT_HOLD)))
        latest = r.choice(Q_PRE) + question
    elif v == 1:
        turns.append(C(sent(desc + "，" + r.choice(CUST_TAIL))))
        turns.append(A(pick(r, AGENT_ASK, W)))
        turns.append(C(sent(pick(r, GIVE["rec"], W))))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        latest = r.choice(Q_PRE) + question
    else:
        turns.append(C(sent(desc)))
        turns.append(A(r.choice(["真不好意思，这个情况我们一定处理。", "收到，这事我来跟。", "抱歉让您遇到这种事，我先记下来。"])))
        latest = sent(r.choice(["你们先别光说抱歉。", "好吧。", "行。", "嗯。"])) + question
    cands = [(arrange(r, answer=answer, feel=feel_sent(r, W), own=own_sent(r, W),
                      act=act_sent(r, fix_of(r, W), t_fast(r, W)), extra=extra_sent(r, W) if r.random() < 0.6 else None), 3)]
    nt = n_twos(r)
    for _ in range(nt):
        cands.append((arrange(r, answer=rough, feel=feel_sent(r, W), own=own_sent(r, W),
                              act=act_sent(r, fix_of(r, W), t_slow(r, W)), extra=None), 2))
    avoid = q.get("avoid", [])
    safe = [f for f in (fill(x, W) for x in iss["fix"]) if not any(a in f for a in avoid)]
    safe = safe or [fill(x, W) for x in NEUTRAL_ACTS]
    for _ in range(4 - nt):
        e1 = extra_sent(r, W)
        e2 = extra_sent(r, W)
        extra = e1 if e1 == e2 else e1 + "。" + e2
        cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=act_sent(r, r.choice(safe), t_fast(r, W)),
                              extra=extra), 0))
    return turns, latest, pad_to(r, W, cands)


IMP_LATEST = ["那怎么办？", "那你说怎么弄吧。", "那我这事总得有个办法吧？", "唉，那你们想想办法。", "这也不行那也不行，到底怎么办？",
              "那现在呢？", "那你们准备怎么补救？"]
IMP_ACK = ["这个确实没法硬来", "硬凑反而会耽误您", "既然那边实在排不开，咱们换条路走", "原来的路走不通，我给您找了个能落地的办法"]
IMP_ACK_BAD = ["我刚跟同事协调了一下", "我这边想了个办法", "我特意去问了一圈", "我看了下还有操作空间"]
IMP_ALT2 = ["{t}先把{refund_obj}退给您，之后有合适的安排我再联系您", "{t}我把能替代的几个方案整理好发您，您挑一个",
            "{t}先帮您登记优先名额，一有空出来马上通知您"]


def fam_impossible_promise(r, D, W):
    u = r.choice([x for x in D["unavail"] if not x.get("for") or W["issue"]["k"] in x["for"]])
    if u.get("item"):
        W["item"] = u["item"]
        W["item2"] = r.choice([x for x in D["items"] if x != W["item"]])
    ask = fill(u["ask"], W)
    no = fill(u["no"], W)
    desc = desc_of(r, W)
    turns = []
    v = r.randint(0, 2)
    apol = r.choice(["", "真不好意思，", "跟您说实话，", "抱歉，"])
    if v == 0:
        maybe_opener(r, W, turns)
        turns.append(C(sent(desc + "。" + ask)))
        turns.append(A(apol + no))
        latest = r.choice(IMP_LATEST)
    elif v == 1:
        turns.append(C(sent(desc)))
        turns.append(A(pick(r, AGENT_HOLD, W)))
        turns.append(C(ask_end(ask)))
        turns.append(A(apol + no))
        latest = r.choice(IMP_LATEST)
    else:
        turns.append(C(sent(desc + "。" + ask)))
        turns.append(A(apol + no))
        turns.append(C(r.choice(["啊？怎么会这样。", "这也太不巧了吧。", "……那我之前的安排全乱了。", "你们怎么不早说。"])))
        turns.append(A(r.choice(["您先别急，我看看还有什么办法。", "我理解，我这就想办法。", "稍等，我找同事商量一下。"])))
        latest = r.choice(IMP_LATEST)
    feels = ff(r, W, "imposs_any")
    cands = [(arrange(r, feel=feel_sent(r, W, feels), own=own_sent(r, W), ack=r.choice(IMP_ACK) if r.random() < 0.5 else None,
                      act=r.choice(SUBJ) + pick(r, u["good"], W), extra=extra_sent(r, W)), 3)]
    alts = r.sample(IMP_ALT2, 2)
    nt = n_twos(r)
    for i in range(nt):
        cands.append((arrange(r, feel=feel_sent(r, W, feels), own=own_sent(r, W),
                              act=alts[i].format(t=t_slow(r, W), refund_obj=W["refund_obj"]),
                              extra=extra_sent(r, W) if r.random() < 0.4 else None), 2))
    bads = [fill(b, W) for b in u["bad"]]
    r.shuffle(bads)
    while len(bads) < 4 - nt:
        bads.append(bads[0])
    for b in bads[:4 - nt]:
        cands.append((arrange(r, feel=feel_sent(r, W, feels), own=own_sent(r, W), ack=r.choice(IMP_ACK_BAD) if r.random() < 0.5 else None,
                              act=r.choice(SUBJ) + b, extra=extra_sent(r, W)), 0))
    return turns, latest, pad_to(r, W, cands, top=True)


PROMISES = [
    ("今天下午五点前", ["昨天说好下午五点前", "昨天你们答应我五点前", "昨天说的下午五点"]),
    ("今晚八点前", ["昨晚说八点前", "昨天说好晚上八点之前", "昨天答应我晚上八点前"]),
    ("两小时内", ["说好两个小时，现在都过去大半天了", "说两小时内，我从上午等到现在", "说好两小时内有结果"]),
    ("明天上午十点前", ["说好今天上午十点前，现在都过中午了", "昨天说今天上午十点前", "说好的今天上午"]),
]
PROMISES_NOW = [
    ("二十分钟内", ["说好二十分钟，现在都快一个小时了", "说二十分钟，我又干等了四十分钟"]),
    ("半小时内", ["说好半个钟头，一点动静都没有", "半小时早就过了"]),
]
BROKEN = ["{ref}，结果到现在一点动静都没有", "{ref}，我等到现在，人呢？", "{ref}，可是没人联系过我，你们怎么回事？",
          "{ref}，又白等了", "{ref}，到现在还是没消息"]
BROKEN_SUBTLE_NOW = ["又过去一个钟头了，还是没人管我们", "等到现在还是老样子，你们到底还管不管？"]
BROKEN_SUBTLE = ["我又等了一天，还是没人理我", "到现在还是没消息，你们到底还管不管？", "还是老样子，根本没人来"]
ACK_BROKEN = ["之前答应您的时间我们没兑现，这一点我先跟您道歉", "上次承诺的事没办成，这个责任在我们",
              "说好的时间过了都没给您交代，是我们失信了", "答应您的事没做到，我们没有任何借口"]
ESCALATE = ["这次我不再转手，亲自盯着：", "这回我直接找了主管，", "我已经把这单升级成加急，", "这次由我本人跟到底，"]
FIRST_CONTACT = ["我这就帮您登记一下，", "这个情况我记下了，", "收到您的反馈了，", "我马上给您安排，"]


def fam_ignores_broken_promise(r, D, W):
    desc = desc_of(r, W)
    fix = fix_of(r, W)
    pt, refs = r.choice(PROMISES_NOW if W["issue"].get("now") else PROMISES)
    turns = []
    maybe_opener(r, W, turns, 0.4)
    first = desc
    if r.random() < 0.5:
        first += "。" + pick(r, GIVE["rec"], W)
    turns.append(C(sent(first)))
    turns.append(A(sent(r.choice(["实在抱歉，", "给您添麻烦了，", "明白了，", "不好意思，"]) + act_sent(r, fix, pt) + r.choice(["，您放心", "", "，到时候一定给您落实"]))))
    turns.append(C(r.choice(["好，那我等着。", "行，这次别再让我等了。", "那就麻烦了。", "好吧，希望说到做到。"])))
    if r.random() < 0.5:
        turns.append(A(r.choice(["不客气，有进展我通知您。", "好的，您先忙。", "嗯嗯，不会让您白等的。"])))
    if r.random() < 0.2:
        latest = sent(r.choice(BROKEN_SUBTLE_NOW if W["issue"].get("now") else BROKEN_SUBTLE))
    else:
        latest = sent(r.choice(BROKEN).format(ref=r.choice(refs)))
    cands = [(arrange(r, feel=feel_sent(r, W, ff(r, W, "broken_ok"), issue=False), own=own_sent(r, W) if r.random() < 0.5 else None,
                      ack=r.choice(ACK_BROKEN), act=r.choice(ESCALATE) + r.choice(["{t}{s}{a}", "{s}{t}{a}"]).format(t=t_fast(r, W), s=r.choice(SUBJ), a=fix_of(r, W)),
                      extra=r.choice(["半小时后我主动给您报一次进度", "这次有任何变化我提前告诉您", extra_sent(r, W)])), 3)]
    nt = n_twos(r)
    for _ in range(nt):
        cands.append((arrange(r, feel=feel_sent(r, W, ff(r, W, "broken_ok"), issue=False), ack=r.choice(ACK_BROKEN),
                              act=act_sent(r, fix_of(r, W), t_slow(r, W)), extra=extra_sent(r, W) if r.random() < 0.4 else None), 2))
    for _ in range(4 - nt):
        t = pt if r.random() < 0.5 else t_fast(r, W)
        cands.append((arrange(r, feel=feel_sent(r, W), own=own_sent(r, W),
                              act=(r.choice(FIRST_CONTACT) if r.random() < 0.6 else "") + act_sent(r, fix_of(r, W), t), extra=extra_sent(r, W)), 0))
    return turns, latest, pad_to(r, W, cands, top=True)


CALL_ACTS = ["给您打电话把处理方案说清楚", "打电话跟您核对细节", "给您回个电话确认处理方式"]
ASK_TIME = ["您看什么时候方便？我好安排。", "请问您哪个时间段方便？", "方便说下您什么时候有空吗？", "您一般什么时间方便？"]
SLOT_TPL = ["给您约在{slot}，{act}", "{slot}{act}", "定在{slot}{act}", "{s}{slot}{act}", "时间就排在{slot}，{act}"]


def avail_setup(r, W, call):
    wd = W["wd"]
    pats = ["evening", "busyday", "morning", "noon"]
    if not call:
        if wd <= 2:
            pats.append("weekend")
        if wd <= 3:
            pats.append("away")
    else:
        pats = ["evening", "busyday", "morning", "noon", "noon"]
    p = r.choice(pats)
    style = "rel"
    if p == "evening":
        h0 = r.choice([19, 20])
        H = clock(h0)
        text = r.choice(["我白天要上班，只有晚上{H}以后在家", "工作日白天家里没人，{H}以后才能到家", "白天我都在单位，晚上{H}后才有空"]).format(H=H)
        good = [(1, h0, False), (1, h0, True), (1, min(h0 + 1, 21), False)]
        two = [(2, h0, False), (2, h0, True)]
        bad = [(1, 10, False), (1, 14, False), (1, 15, True), (2, 16, False), (2, 9, True)]
        restate = "晚上" + H + "以后"
    elif p == "busyday":
        d0 = r.choice([1, 2])
        Dt = day_txt(W, d0, "rel")
        text = r.choice(["{D}我一整天都在开会，别的时间都可以", "{D}我要出差一天，那天家里没人", "{D}全天都不方便，其他时间随便约"]).format(D=Dt)
        good = [(d0 + 1, 10, False), (d0 + 1, 14, False), (d0 + 1, 15, True)]
        if d0 == 2:
            good.append((1, 15, False))
        two = [(d0 + 2, 10, False), (d0 + 2, 16, False)]
        bad = [(d0, 9, True), (d0, 10, False), (d0, 14, False), (d0, 15, False), (d0, 19, False)]
        restate = "避开" + Dt
    elif p == "morning":
        text = r.choice(["下午要去接孩子，只有上午有空", "我下午上班，上午九点到十一点在家", "下午都走不开，能约的只有上午"])
        good = [(1, 9, False), (1, 9, True), (1, 10, False)]
        two = [(2, 10, False), (2, 10, True)]
        bad = [(1, 14, False), (1, 15, False), (1, 16, True), (2, 15, False)]
        restate = "上午"
    elif p == "noon":
        text = r.choice(["上班时间我接不了电话，只有中午十二点到一点可以", "电话只能中午打，别的时间都在忙", "我只有午休那一个小时能接电话，十二点到一点"])
        o = 0 if W["now"] < 11 else 1
        good = [(o, 12, False), (o, 12, True)]
        two = [(o + 1, 12, False), (o + 1, 12, True)]
        bad = [(o, 15, False), (o + 1, 10, False), (o + 1, 16, False), (o, 17, True)]
        restate = "中午那一个小时"
        call = True
    elif p == "weekend":
        style = "wd"
        text = r.choice(["工作日我实在走不开，只有周六周日在家", "平时都在外地，周末才回来", "周一到周五都没空，只能周末"])
        s_off = 5 - wd
        good = [(s_off, 10, False), (s_off, 14, False), (s_off, 9, True)]
        two = [(s_off + 1, 10, False), (s_off + 1, 15, False)]
        bad = [(3 - wd, 10, False), (4 - wd, 14, False), (4 - wd, 19, False), (3 - wd, 15, True)]
        restate = "周末"
    else:
        style = "wd"
        d0 = r.randint(2, 6 - wd) if 6 - wd >= 2 else 2
        Dt = day_txt(W, d0, "wd")
        text = r.choice(["这周我在外地出差，{D}晚上才回来", "我人不在本地，{D}晚上才到家"]).format(D=Dt)
        good = [(d0 + 1, 10, False), (d0 + 1, 14, False), (d0 + 1, 9, True)]
        two = [(d0 + 2, 10, False), (d0 + 2, 15, False)]
        bad = [(1, 10, False), (d0 - 1, 14, False), (d0, 10, False), (1, 15, True)]
        restate = "等您" + Dt + "回来"
    anchor = today_anchor(W, style)
    return p, text, anchor, style, good, two, bad, restate, call


def fam_ignores_availability(r, D, W):
    iss = W["issue"]
    visit = iss.get("visit")
    call = not visit or r.random() < 0.15
    p, text, anchor, style, good, two, bad, restate, call = avail_setup(r, W, call)
    act_pool = CALL_ACTS if call else [visit]
    if anchor:
        text = anchor + "，" + text
    desc = desc_of(r, W)
    turns = []
    v = r.randint(0, 1)
    maybe_opener(r, W, turns, 0.35)
    if v == 0:
        turns.append(C(sent(desc)))
        turns.append(A(r.choice(["实在抱歉，", "明白了，", "给您添麻烦了，"]) + r.choice(ASK_TIME)))
        turns.append(C(sent(text)))
        turns.append(A(r.choice(["好的，我去看下排班。", "收到，我协调一下。", "明白，我这边安排一下。"])))
        latest = ask_end(r.choice(["那你们尽快安排吧", "行，定好了告诉我", "那就快点", "到底定在什么时候"]))
    else:
        turns.append(C(sent(desc)))
        turns.append(A(r.choice(["实在抱歉，", "明白了，", "给您添麻烦了，"]) + r.choice(ASK_TIME)))
        latest = sent(text + r.choice(["，你们看着安排吧", "，别约错了", "", "，尽量快一点"]))
    tf = lambda x: when(W, x[0], x[1], x[2], style)
    feels = ff(r, W, "avail_any")

    def rep(slot, restate_ok):
        a = fill(r.choice(act_pool), W)
        s = r.choice(SLOT_TPL).format(slot=slot, act=a, s=r.choice(SUBJ))
        if restate_ok and r.random() < 0.5:
            s = "按您说的" + restate + "，" + s
        return s
    cands = [(arrange(r, feel=feel_sent(r, W, feels), own=own_sent(r, W), act=rep(tf(r.choice(good)), True), extra=extra_sent(r, W)), 3)]
    nt = n_twos(r)
    tw = r.sample(two, min(nt, len(two)))
    for i in range(nt):
        cands.append((arrange(r, feel=feel_sent(r, W, feels), own=own_sent(r, W), act=rep(tf(tw[i % len(tw)]), True),
                              extra=extra_sent(r, W) if r.random() < 0.4 else None), 2))
    for b in r.sample(bad, 4 - nt):
        cands.append((arrange(r, feel=feel_sent(r, W, feels), own=own_sent(r, W), act=rep(tf(b), False), extra=extra_sent(r, W)), 0))
    return turns, latest, pad_to(r, W, cands)


# ----------------------------------------------------------------------------------------
# empathy-contrast families
# ----------------------------------------------------------------------------------------
DETAILS = ["{rec_name}是{rec}，你们自己查", "这单花了{amt}块，不是小钱", "已经不是第一次找你们了", "我特意请了假来处理这事",
           "我家里还有老人孩子，真的耽误不起", "之前一直觉得你们挺靠谱的"]
DEFLECT = ["这个问题主要出在{third}那边，我们也只能帮您催一催，有消息再说", "说实话这事不归我们管，是{third}的责任，我帮您反映一下",
           "我们这边流程没问题，是{third}那边出的状况，您再等等看", "这得看{third}怎么处理，我们这边做不了主"]
GENERIC_SORRY = ["理解您的心情", "非常抱歉", "不好意思", "实在抱歉", "您的心情我们理解"]
CALM_DOWN = ["您先别激动，", "您冷静一点，", "您别这么大火气，", "这个您不用太较真，"]
RESULT_PRE = ["不用等谁回电话，", "这事我现在就能办，", "我这边直接处理，不用再转人，", "我已经直接动手处理了，"]
DRIFT = ["对了，", "顺便提一句，", "另外，", "还有个好消息，"]


def emp_context(r, D, W, personal=False, with_rec=False):
    iss = W["issue"]
    desc = desc_of(r, W)
    turns = []
    if personal:
        turns.append(A(fill(r.choice(["{cust}您好，我是{aname}，看到您刚提交的反馈了，您说说情况？", "{cust}，您好，我是客服{aname}，您遇到什么情况了？",
                                      "您好{cust}，我是{aname}，您的留言我看到了。"]), W)))
    else:
        maybe_opener(r, W, turns)
    first = desc
    if with_rec or r.random() < 0.35:
        first += "。" + pick(r, GIVE["rec"], W)
    if r.random() < 0.5:
        first += "，" + r.choice(CUST_TAIL)
    turns.append(C(sent(first)))
    turns.append(A(r.choice(AGENT_ASK + AGENT_HOLD)))
    if r.random() < 0.5:
        turns.append(C(sent(pick(r, DETAILS, W))))
        turns.append(A(pick(r, AGENT_HOLD, W)))
    emo = r.choice(iss.get("emo") or GEN_EMO)
    latest = r.choice(CUST_LATEST_EMO).format(emo=emo)
    return turns, latest, desc


def best_reply(r, W, lead=None, ack=None):
    return arrange(r, lead=lead, feel=feel_sent(r, W), own=own_sent(r, W), ack=ack,
                   act=act_sent(r, fix_of(r, W), t_fast(r, W)), extra=extra_sent(r, W) if r.random() < 0.7 else None)


def nofeel_reply(r, W, slow=False):
    return arrange(r, own=own_sent(r, W) if r.random() < 0.7 else None,
                   act=act_sent(r, fix_of(r, W), t_slow(r, W) if slow else t_fast(r, W)), extra=extra_sent(r, W) if r.random() < 0.5 else None)


def blame_reply(r, W, feel=False):
    b = pick(r, W["issue"]["blame"], W)
    parts = []
    if feel:
        parts.append("我知道您" + r.choice(W["issue"].get("emo") or GEN_EMO) + "，但" + b)
    else:
        parts.append(b)
    if r.random() < 0.6:
        parts.append(r.choice(BRUSH))
    return join(r, parts)


def brush_reply(r, W):
    if r.random() < 0.5:
        return join(r, [r.choice(CALM_DOWN) + pick(r, W["issue"]["blame"], W)])
    return join(r, [r.choice(BRUSH), r.choice(["您再看看吧", "就这样", "我们也没办法", ""])])


def fam_feeling_named(r, D, W):
    turns, latest, desc = emp_context(r, D, W)
    c = [(best_reply(r, W), 3), (nofeel_reply(r, W), 2), (formulaic(r, W), 1)]
    if r.random() < 0.5:
        c.append((join(r, [r.choice(GENERIC_SORRY), pick(r, VAGUE, dict(W, emo=r.choice(GEN_EMO)))]), 1))
    else:
        c.append((nofeel_reply(r, W, slow=True), 2))
    c.append((brush_reply(r, W), 0))
    return turns, latest, c


def fam_ownership_vs_blame(r, D, W):
    turns, latest, desc = emp_context(r, D, W)
    neutral = arrange(r, feel=feel_sent(r, W), act=act_sent(r, fix_of(r, W), t_fast(r, W)), extra=extra_sent(r, W) if r.random() < 0.5 else None)
    deflect = join(r, [feel_sent(r, W) if r.random() < 0.5 else r.choice(GENERIC_SORRY), pick(r, DEFLECT, W)])
    c = [(best_reply(r, W), 3), (neutral, 2), (deflect, 1), (blame_reply(r, W, feel=True), 0), (blame_reply(r, W, feel=False), 0)]
    return turns, latest, c


def fam_concrete_vs_vague(r, D, W):
    turns, latest, desc = emp_context(r, D, W)
    notime = arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=r.choice(SUBJ) + fix_of(r, W))
    emo = r.choice(W["issue"].get("emo") or GEN_EMO)
    vague1 = arrange(r, feel=feel_sent(r, W), own=own_sent(r, W) if r.random() < 0.5 else None, act=pick(r, VAGUE, dict(W, emo=emo)))
    vague2 = join(r, [r.choice(GENERIC_SORRY), pick(r, VAGUE, dict(W, emo=emo)), r.choice(["有消息会通知您", "请您再耐心等等", ""])])
    c = [(best_reply(r, W), 3), (notime, 2), (vague1, 1), (vague2, 1), (brush_reply(r, W), 0)]
    return turns, latest, c


def fam_personal_vs_scripted(r, D, W):
    turns, latest, desc = emp_context(r, D, W, personal=True, with_rec=True)
    ack = pick(r, REF["rec"], W) if r.random() < 0.6 else fill(r.choice(["您说的{sum}，前因后果我都看明白了", "您说的情况我都对上了"]), W)
    lead = fill(r.choice(["{cust}，", "{cust}您好，", "{sur}先生/女士，"]) if False else r.choice(["{cust}，", "{cust}您好，"]), W)
    semi = arrange(r, own=own_sent(r, W), act=act_sent(r, fix_of(r, W), t_slow(r, W)))
    s1 = scripted(r, W)
    s2 = scripted(r, W)
    while s2[:8] == s1[:8] or s2 == s1:
        s2 = scripted(r, W)
    c = [(best_reply(r, W, lead=lead, ack=ack), 3), (semi, 2), (s1, 1), (s2, 1), (wrong_script(r, W), 0)]
    return turns, latest, c


def fam_off_topic(r, D, W):
    turns, latest, desc = emp_context(r, D, W)
    iss = W["issue"]
    others = [i for i in D["issues"] if i["k"] != iss["k"]]
    o = r.choice(others)
    Wo = dict(W, issue=o)
    drift = join(r, [feel_sent(r, W), r.choice(DRIFT) + pick(r, D["upsell"], W) + r.choice(["，您要不要考虑一下？", "，挺划算的。", "，需要的话我发您链接。"])])
    upsell = join(r, [r.choice(["您好，", "亲，", ""]) + pick(r, D["upsell"], W), r.choice(["现在下单还有小礼品", "名额有限，先到先得", "很多老客户都办了"])])
    wrong_issue = arrange(r, feel=feel_sent(r, Wo, issue=True, generic=False), own=own_sent(r, W),
                          act=act_sent(r, pick(r, o["fix"], W), t_fast(r, W)))
    c = [(best_reply(r, W), 3), (nofeel_reply(r, W), 2), (drift, 1), (upsell, 0), (wrong_issue, 0)]
    return turns, latest, c


def fam_over_promise(r, D, W):
    turns, latest, desc = emp_context(r, D, W)
    ops = r.sample(D["overpromise"], 2)
    emo = r.choice(W["issue"].get("emo") or GEN_EMO)
    o1 = arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=fill(ops[0], W))
    o2 = join(r, [r.choice(["您放心！", "别担心，", "包在我身上，"]) + fill(ops[1], W), r.choice(["绝对没问题", "我说到做到", "这点您尽管放心"])])
    c = [(best_reply(r, W), 3), (arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=act_sent(r, fix_of(r, W), t_slow(r, W))), 2),
         (join(r, [r.choice(GENERIC_SORRY), pick(r, VAGUE, dict(W, emo=emo))]), 1), (o1, 0), (o2, 0)]
    return turns, latest, c


def fam_result_vs_callback(r, D, W):
    turns, latest, desc = emp_context(r, D, W)
    res = arrange(r, feel=feel_sent(r, W), own=own_sent(r, W), act=r.choice(RESULT_PRE) + act_sent(r, fix_of(r, W), t_fast(r, W)),
                  extra=extra_sent(r, W) if r.random() < 0.6 else None)
    slow = arrange(r, feel=feel_sent(r, W) if r.random() < 0.5 else None, own=own_sent(r, W), act=act_sent(r, fix_of(r, W), t_slow(r, W)))
    cb1 = join(r, [feel_sent(r, W), own_sent(r, W) if r.random() < 0.5 else None, pick(r, CALLBACK, W)])
    cb2 = join(r, [r.choice(GENERIC_SORRY), pick(r, CALLBACK, W)])
    c = [(res, 3), (slow, 2), (cb1, 1), (cb2, 1), (brush_reply(r, W), 0)]
    return turns, latest, c


def fam_parroting(r, D, W):
    turns, latest, desc = emp_context(r, D, W)
    p1 = r.choice(PARROT).format(P=to_second_person(desc).rstrip("。！？"))
    src = [t["text"] for t in turns if t["role"] == "customer"][-1]
    p2 = r.choice(PARROT).format(P=to_second_person(src).rstrip("。！？").split("。")[0])
    if p2 == p1 or len(p2) < 12:
        p2 = r.choice(PARROT).format(P=to_second_person(latest).rstrip("。！？"))
    c = [(best_reply(r, W), 3), (nofeel_reply(r, W), 2), (p1, 1), (p2, 1), (blame_reply(r, W) if r.random() < 0.5 else brush_reply(r, W), 0)]
    return turns, latest, c


# ----------------------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------------------
FAMILIES = [
    ("asks_for_given_info", fam_asks_for_given_info),
    ("repeats_failed_step", fam_repeats_failed_step),
    ("ignores_preference", fam_ignores_preference),
    ("misses_deadline", fam_misses_deadline),
    ("wrong_fact", fam_wrong_fact),
    ("unanswered_question", fam_unanswered_question),
    ("impossible_promise", fam_impossible_promise),
    ("ignores_broken_promise", fam_ignores_broken_promise),
    ("ignores_availability", fam_ignores_availability),
    ("feeling_named", fam_feeling_named),
    ("ownership_vs_blame", fam_ownership_vs_blame),
    ("concrete_vs_vague", fam_concrete_vs_vague),
    ("personal_vs_scripted", fam_personal_vs_scripted),
    ("off_topic", fam_off_topic),
    ("over_promise", fam_over_promise),
    ("result_vs_callback", fam_result_vs_callback),
    ("parroting", fam_parroting),
]
DOMAIN_ORDER = ["pest_control", "locksmith", "tailor_shop", "ktv", "online_bookstore", "escape_room", "ferry_tickets",
                "solar_panel_install", "coworking_space", "piano_lessons", "bus_charter", "seafood_online"]


def eligible_issues(fam, D):
    iss = D["issues"]
    if fam == "misses_deadline":
        iss = [i for i in iss if i.get("dl") or i.get("dl_now")]
    elif fam == "impossible_promise":
        iss = [i for i in iss if any(not u.get("for") or i["k"] in u["for"] for u in D["unavail"])]
    elif fam == "ignores_availability":
        iss = [i for i in iss if not i.get("now")]
    elif fam == "unanswered_question":
        iss = [i for i in iss if any(not q.get("for") or i["k"] in q["for"] for q in D["qa"])]
    return iss


def well_formed(turns, latest, cands):
    if not (2 <= len(turns) <= 6) or not latest:
        return False
    texts = [c[0] for c in cands]
    if len(cands) != 5 or len(set(texts)) != 5:
        return False
    grades = [c[1] for c in cands]
    if grades.count(max(grades)) != 1 or max(grades) != 3:
        return False
    for t in texts + [latest] + [x["text"] for x in turns]:
        if "{" in t or "}" in t or not t.strip():
            return False
    return True


def build(seed, per_family):
    seen = set()
    out = []
    for fam, fn in FAMILIES:
        for dk in DOMAIN_ORDER:
            D = DOMAINS[dk]
            pool = eligible_issues(fam, D)
            offs = random.Random("%s|%s|%s|off" % (seed, fam, dk)).randrange(len(pool))
            for i in range(per_family):
                case = None
                for attempt in range(40):
                    r = random.Random("%s|%s|%s|%d|%d" % (seed, fam, dk, i, attempt))
                    iss = pool[(i + offs + attempt) % len(pool)]
                    W = make_world(r, dk, D, iss)
                    turns, latest, cands = fn(r, D, W)
                    if not well_formed(turns, latest, cands):
                        continue
                    long_texts = [c[0] for c in cands if len(c[0]) > 40]
                    if any(t in seen for t in long_texts) and attempt < 39:
                        continue
                    seen.update(long_texts)
                    order = list(range(5))
                    r.shuffle(order)
                    case = {
                        "id": "genf-%s-%s-%03d" % (fam, dk, i + 1),
                        "domain": dk,
                        "family": fam,
                        "context": turns,
                        "customer": latest,
                        "candidates": [cands[j][0] for j in order],
                        "grades": [cands[j][1] for j in order],
                    }
                    break
                if case is None:
                    raise SystemExit("could not build %s/%s/%d" % (fam, dk, i))
                out.append(case)
    return out


def main():
    ap = argparse.ArgumentParser(description="generate ranking cases, set f")
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-family", type=int, default=10, help="cases per family and domain")
    ap.add_argument("--seed", type=int, default=51)
    args = ap.parse_args()
    cases = build(args.seed, args.per_family)
    d = os.path.dirname(args.out)
    if d:
        os.makedirs(d, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    fams = collections.Counter(c["family"] for c in cases)
    doms = collections.Counter(c["domain"] for c in cases)
    pats = collections.Counter((c["family"], "/".join(str(g) for g in sorted(c["grades"], reverse=True))) for c in cases)
    print("wrote %d cases to %s" % (len(cases), args.out))
    print("families:", dict(fams))
    print("domains:", dict(doms))
    for fam, _ in FAMILIES:
        print("  %-24s %s" % (fam, {k[1]: v for k, v in pats.items() if k[0] == fam}))


if __name__ == "__main__":
    main()
