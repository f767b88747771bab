#!/usr/bin/env python3
"""Second, independently written generator of reply-ranking cases ("set B").

The ranking weights and any learned pair scorer of gongqing are fitted on the
cases produced by scripts/gen_rank_cases.py.  This script was written by a
different hand, without opening gen_rank_cases.py, the fitted models or the
judge code, and it never reads the dev sets: every Chinese sentence here was
written fresh for this file.  Its domains, situations and sentence shapes are
deliberately different, so that scoring these cases tells whether what was
learned transfers to text written another way.

Output: JSONL, one case per line:
  {"id": "genb-<family>-<domain>-<k:03d>", "domain", "family",
   "context": [{"role": "customer"|"agent", "text"}...],
   "customer": str, "candidates": [str...], "grades": [int...]}

Grades: 3 = names the specific feeling, owns the problem, concrete next step
with a time frame, warm and consistent with the conversation; 2 = helpful and
consistent but weaker (slower, partial, pending); 1 = formulaic, vague, or only
a hand-off / call-back; 0 = blames, dismisses, sells, promises the impossible
or contradicts the conversation.  Exactly one 3 and at least one 0 per case.

Usage: python3 scripts/gen_rank_cases_b.py --out FILE [--per-family 10] [--seed 11]
Standard library only; deterministic for a given seed.
"""
from __future__ import annotations

import argparse
import json
import random
import sys

FAMILIES = [
    # conflict families
    "asks_for_given_info",
    "repeats_failed_step",
    "ignores_preference",
    "misses_deadline",
    "wrong_fact",
    "unanswered_question",
    "impossible_promise",
    "ignores_broken_promise",
    "ignores_availability",
    # empathy families
    "feeling_named",
    "ownership_vs_blame",
    "concrete_vs_vague",
    "personal_vs_scripted",
    "off_topic",
    "parroting",
    "over_promise",
    "result_vs_callback",
]


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

def pick(rng, xs):
    return xs[rng.randrange(len(xs))]


def digits(rng, n, lead_nonzero=True):
    first = rng.choice("123456789") if lead_nonzero else rng.choice("0123456789")
    return first + "".join(rng.choice("0123456789") for _ in range(n - 1))


def slip_digits(rng, s):
    """Return s with exactly one digit-level slip (swap or change)."""
    idx = [i for i, ch in enumerate(s) if ch.isdigit()]
    pairs = [(i, j) for i, j in zip(idx, idx[1:]) if j == i + 1 and s[i] != s[j]]
    chars = list(s)
    if pairs and rng.random() < 0.5:
        i, j = pick(rng, pairs)
        chars[i], chars[j] = chars[j], chars[i]
    else:
        i = pick(rng, idx)
        choices = [c for c in "0123456789" if c != chars[i]]
        if i == idx[0] and len(idx) > 1:
            choices = [c for c in choices if c != "0"]
        chars[i] = pick(rng, choices)
    out = "".join(chars)
    assert out != s
    return out


def end(s):
    """Make sure a sentence ends with Chinese terminal punctuation."""
    s = s.strip()
    if not s:
        return s
    if s[-1] in "。！？!?…~":
        return s
    if s[-1] in "，,；;":
        s = s[:-1]
    return s + "。"


def join(*parts):
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        out += end(p)
    return out


# --------------------------------------------------------------------------
# time phrases
# --------------------------------------------------------------------------

WEEK = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]


def _clock(h, m):
    if h < 6:
        p, hh = "凌晨", h
    elif h < 9:
        p, hh = "早上", h
    elif h < 12:
        p, hh = "上午", h
    elif h == 12:
        p, hh = "中午", 12
    elif h < 18:
        p, hh = "下午", h - 12
    else:
        p, hh = "晚上", h - 12
    if m == 0:
        mm = ""
    elif m == 30:
        mm = "半"
    else:
        mm = f"{m}分"
    return p, f"{hh}点{mm}"


def at(day, h, m=0):
    """day 0 = today, 1 = tomorrow ... rendered the way people type it."""
    p, c = _clock(h, m)
    if day == 0:
        if p == "早上":
            return "今早" + c
        if p == "晚上":
            return "今晚" + c
        return "今天" + p + c
    if day == 1:
        if p == "早上":
            return "明早" + c
        if p == "晚上":
            return "明晚" + c
        return "明天" + p + c
    if day == 2:
        return "后天" + p + c
    return "大后天" + p + c


def at_wk(wd, h, m=0, this=False):
    p, c = _clock(h, m)
    return ("这" if this else "") + WEEK[wd] + p + c


FAST = ["半小时内", "1小时内", "40分钟内", "今天下午5点之前", "今天下班前", "2小时内", "今晚8点之前"]
SLOW = ["明天之内", "3个工作日之内", "这周内", "两三天内", "下周一前", "48小时内"]


# --------------------------------------------------------------------------
# phrase pools shared by all domains
# --------------------------------------------------------------------------

OWN = [
    "问题出在我们这边", "这件事我们确实没办好", "责任在我们这边", "是我们这边没做到位",
    "这事我来负责到底", "错在我们", "这次确实是我们疏忽了", "不该让您来操这个心",
]
CLOSE = [
    "一有进展我马上跟您说。", "我会一直盯着这件事。", "办好了我再跟您确认一遍。",
    "您有什么情况随时找我。", "", "", "这期间有变化我马上告诉您。", "您不用再来回跑了。",
]
ACK = [
    "收到，我这边查一下，请稍等。", "好的，我先看看您的情况。", "明白了，稍等我核实一下。",
    "嗯嗯，我在看了，您稍等。", "好的，我了解一下具体情况。",
]
URGE = [
    "查到了没有？我都等半天了。", "到底怎么处理，给个准话吧。", "你们能不能快一点？",
    "还要等多久啊？", "所以现在怎么办？", "别让我再等了，说吧怎么解决。", "人呢？怎么又没动静了？",
]
SCRIPT_OPEN = ["您好，", "亲，", "尊敬的客户您好，", "您好，让您久等了，", "您好亲，"]
SCRIPT_MID = [
    "万分抱歉，给您添了麻烦", "很抱歉这次体验让您不愉快", "对于给您造成的困扰我们深表歉意",
    "您反馈的问题我们已经收到", "您的心情我们非常理解",
]
SCRIPT_MID2 = [
    "我们将尽快为您核实", "已为您记录并反馈给相关部门", "我们将第一时间跟进",
    "处理结果请您耐心等候", "后续会有专人为您服务",
]
SCRIPT_END = [
    "多谢您的体谅与支持！", "祝您万事顺意！", "让您满意是我们一直的追求。",
    "还有别的疑问可随时联系客服。", "感谢您的配合！", "再次感谢您的支持！",
]
VAGUE = [
    "理解您的心情，我们会抓紧处理的，请您放心。", "这个问题我们会重视的，有结果会通知您。",
    "已经记下了，我们会尽快跟进，您再耐心等等。", "我们会想办法解决的，您先别着急。",
    "收到，后续有进展会告诉您的。", "好的，我们这边会处理，您等通知就行。",
    "您说的情况我们了解了，会尽快给您一个答复。",
]
DISMISS = [
    "这种情况很常见，您再等等就好了，没必要这么着急。",
    "规定就是这样，我们也无能为力，您要不就再等等吧。",
    "这个问题不大，您别想太多了。",
    "每天都有很多人反映这个，您不是第一个，排队等着吧。",
    "我们这边就只能这样了，您看着办吧。",
    "这点小事不至于吧，大家都是这么过来的。",
]
UNRELATED = [
    "说起来今天天气真不错，您周末有什么安排吗？",
    "哈哈，您打字真快，平时是做什么工作的呀？",
    "对了，您用的是什么手机？我最近也想换一个。",
    "您那边下雨了吗？我们这儿从早上一直下到现在。",
]
GENERIC_FEEL = ["着急", "心烦", "无奈", "恼火", "失望"]
WARM = ["真是过意不去", "实在不好意思", "让您遇上这种事，抱歉", "辛苦您了", "久等了，抱歉"]


def feel_s(rng, feels, why=None):
    """A clause that names the customer's specific feeling."""
    f = pick(rng, feels)
    opts = [
        f"您现在肯定很{f}", f"换成是我也会{f}", f"能感觉到您真的很{f}",
        f"让您这么{f}，真对不起", f"我明白您有多{f}", f"您{f}是完全可以理解的",
    ]
    if why:
        opts += [f"{why}，谁遇上都会{f}", f"{why}，难怪您这么{f}", f"{why}，您{f}再正常不过了"]
    return pick(rng, opts)


def scripted(rng):
    return (pick(rng, SCRIPT_OPEN) + pick(rng, SCRIPT_MID) + "，" + pick(rng, SCRIPT_MID2)
            + "，" + pick(rng, SCRIPT_END))


def generic1(rng, d, s=None, no_contact=False, feels=None):
    """A grade-1 reply: formulaic, vague, or a bare hand-off.

    With `feels`, it sometimes names a feeling too, so that naming a feeling
    alone does not give the grade away."""
    if feels and rng.random() < 0.35:
        f = pick(rng, feels)
        return join(pick(rng, [f"让您这么{f}，真对不起", f"您{f}我能理解", f"知道您很{f}"]),
                    pick(rng, ["问题已经给您记下了，会尽快处理，请耐心等一等", "我们会尽快核实，有结果再通知您",
                               "已经帮您登记了，请留意后续通知", f"已经转给{pick(rng, d['dept'])}了，您等消息就行"]))
    dept = pick(rng, d["dept"])
    opts = [
        scripted(rng),
        "您反馈的情况已经登记在案，我们会尽快处理，请您稍候。",
        "收到，我们会尽快核实的，有结果再通知您。",
        "已经帮您登记了，请留意后续通知，谢谢体谅。",
        pick(rng, VAGUE),
        f"这个需要{dept}来处理，我已经帮您把情况转过去了。",
    ]
    if not no_contact:
        opts += [
            f"理解您的心情，已经帮您转交{dept}，之后会有专人跟您联络。",
            f"我把您的情况反馈给{dept}了，他们会跟您联系的。",
        ]
    if s is not None:
        opts.append(f"关于{s['issue']}的情况我们已经了解，会尽快给您处理。")
    return pick(rng, opts)


def maybe_feel(rng, s, p):
    if rng.random() < p:
        return feel_s(rng, s["feel"], s.get("why"))
    return ""


# --------------------------------------------------------------------------
# data constructors (domain banks are filled in further below)
# --------------------------------------------------------------------------

# situations that need action on the spot, or do not fit the domain's
# visit / call / appointment template: kept out of ignores_availability
NO_AVAIL = {
    "电梯停运",
    "门禁卡失灵",
    "车位被占",
    "储物柜被撬",
    "化验结果迟迟不出",
    "搬家师傅迟到",
    "临时加价",
    "物品丢失",
    "电子票不显示",
    "座位和购买的不一致",
    "黄牛票被拒入场",
    "保养多收费",
    "修车超期",
    "安装乱收费",
    "急用药送迟",
    "送错药",
    "处方审核卡住",
    "付款成功没出票",
    "改签失败误车",
    "身份信息错误",
    "缴费未到账",
    "抄表员上门态度差",
    "放映中断",
    "座位被重复售出",
    "卖品质量问题"
}


def S(issue, cust, core, feel, why, act, fast, done, slow, pend, cb, now, appr,
      blame_c, blame_o, over, photo=None, shot=None, av=None):
    """A situation: one concrete problem in a domain.

    act   - what the agent does (verb phrase), e.g. "安排师傅上门检修"
    done  - what is achieved, read after a time phrase: "{fast}{done}"
    pend  - why the result still waits for an approval / estimate (grade 2)
    cb    - a bare call-back promise, read after a time: "{fast}{cb}" (grade 1)
    now   - a finished result the agent already achieved (grade 3)
    appr  - a result that still needs someone's approval (grade 2)
    over  - an impossible promise, read after "我们" (grade 0)
    """
    return dict(issue=issue, cust=cust, core=core, feel=feel, why=why, act=act,
                fast=fast, done=done, slow=slow, pend=pend, cb=cb, now=now, appr=appr,
                blame_c=blame_c, blame_o=blame_o, over=over, photo=photo, shot=shot,
                av=(issue not in NO_AVAIL) if av is None else av)


def STEP(prob, sym, did, tried, imp, fix):
    """A self-help step the customer already tried without success."""
    return dict(prob=prob, sym=sym, did=did, tried=tried, imp=imp, fix=fix)


def PREF(ctx, offer, say, bad, good):
    return dict(ctx=ctx, offer=offer, say=say, bad=bad, good=good)


def DL(need, act, done):
    """need contains {D}: the customer's deadline."""
    return dict(need=need, act=act, done=done)


def FACT(ctx, cur, re, act, done, slots, fast=None):
    return dict(ctx=ctx, cur=cur, re=re, act=act, done=done, slots=slots, fast=fast)


def Q(ctx, when, where, cost):
    return dict(ctx=ctx, when=when, where=where, cost=cost)


def UN(ctx_c, ctx_a, cur, bad, good, good2):
    return dict(ctx_c=ctx_c, ctx_a=ctx_a, cur=cur, bad=bad, good=good, good2=good2)


def PROM(ctx_c, prom, broken, report, what, redo, esc, slow):
    return dict(ctx_c=ctx_c, prom=prom, broken=broken, report=report, what=what,
                redo=redo, esc=esc, slow=slow)


# --------------------------------------------------------------------------
# fact slots (for wrong_fact and a few templates)
# --------------------------------------------------------------------------

def gen_slot(rng, spec, d):
    kind = spec[0]
    if kind == "amt":
        v = rng.randint(spec[1], spec[2])
        return str(v)
    if kind == "n":
        return str(rng.randint(spec[1], spec[2]))
    if kind == "code":
        return d["code"](rng)
    if kind == "wd":
        return WEEK[rng.randint(0, 4)]
    if kind == "h":
        return str(rng.randint(spec[1], spec[2]))
    if kind == "pick":
        return pick(rng, spec[1])
    if kind == "room":
        return f"{rng.randint(2, 28)}{rng.randint(1, 4):02d}"
    if kind == "md":
        return f"{rng.randint(1, 12)}月{rng.randint(2, 27)}日"
    if kind == "seat":
        return f"{rng.randint(3, 25)}排{rng.randint(2, 30)}座"
    if kind == "num":
        return digits(rng, spec[1])
    if kind == "plate":
        return plate(rng)
    raise ValueError(kind)


def mutate_slot(rng, spec, val):
    kind = spec[0]
    if kind in ("amt", "code", "room", "num", "plate"):
        return slip_digits(rng, val)
    if kind == "n":
        v = int(val)
        opts = [v + 1] + ([v - 1] if v > 1 else [])
        return str(pick(rng, opts))
    if kind == "wd":
        i = WEEK.index(val)
        opts = [j for j in (i - 1, i + 1) if 0 <= j <= 6]
        return WEEK[pick(rng, opts)]
    if kind == "h":
        v = int(val)
        opts = [x for x in (v - 1, v + 1, v + 2) if 1 <= x <= 11 and x != v]
        return str(pick(rng, opts))
    if kind == "pick":
        return pick(rng, [x for x in spec[1] if x != val])
    if kind == "md":
        m, dd = val[:-1].split("月")
        dd = int(dd)
        return f"{m}月{pick(rng, [dd - 1, dd + 1])}日"
    if kind == "seat":
        row, seat = val[:-1].split("排")
        if rng.random() < 0.5:
            return f"{int(row) + pick(rng, [-1, 1])}排{seat}座"
        return f"{row}排{int(seat) + pick(rng, [-1, 1])}座"
    raise ValueError(kind)


# --------------------------------------------------------------------------
# given-info pieces for asks_for_given_info
# --------------------------------------------------------------------------

def phone_no(rng):
    return pick(rng, ["135", "138", "139", "152", "186", "177", "150", "189"]) + digits(rng, 8, False)


def make_info(rng, d, s):
    kinds = ["code", "code", "phone"]
    if s.get("photo"):
        kinds += ["photo", "photo"]
    if s.get("shot"):
        kinds += ["shot", "shot"]
    if d.get("addr"):
        kinds += ["addr"]
    kind = pick(rng, kinds)
    if kind == "code":
        name, val = d["code_kind"], d["code"](rng)
        return dict(
            given=pick(rng, [f"我的{name}是{val}。", f"{name}：{val}。", f"{name}{val}，你们自己查。",
                             f"{name}是{val}，我刚才也说过了。"]),
            reply=pick(rng, [f"{name}是{val}。", f"{val}，这就是{name}。"]),
            prompt=f"麻烦提供一下{name}，我帮您查。",
            ask=pick(rng, [f"麻烦您报一下{name}", f"您把{name}发给我", f"请您先告诉我{name}",
                           f"方便的话报一下您的{name}"]),
            use=pick(rng, [f"{name}{val}我已经查到了", f"我看到{name}{val}这条记录了",
                           f"按您给的{name}{val}，记录我调出来了"]),
        )
    if kind == "phone":
        val = phone_no(rng)
        return dict(
            given=pick(rng, [f"我手机号是{val}，有事打这个。", f"联系电话{val}，找我就打这个号。"]),
            reply=f"手机号{val}。",
            prompt="麻烦留一个能联系到您的手机号。",
            ask=pick(rng, ["麻烦留一个能联系到您的手机号", "您的手机号是多少？我先登记一下",
                           "请您留一个联系电话"]),
            use=pick(rng, [f"您留的{val}我这边记下来了", f"我会用您给的{val}这个号码联系您",
                           f"尾号{val[-4:]}这个号码我已经记下了"]),
        )
    if kind == "photo":
        subj = s["photo"]
        return dict(
            given=pick(rng, [f"照片我已经发过来了，{subj}拍得很清楚。",
                             f"我拍了{subj}的照片，刚才已经发给你们了。"]),
            reply=f"照片发了，{subj}都拍上了。",
            prompt=f"方便的话拍一下{subj}发过来。",
            ask=pick(rng, [f"麻烦您拍几张{subj}的照片发过来", f"您先拍一下{subj}给我看看",
                           f"请您把{subj}拍个照片发给我"]),
            use=pick(rng, [f"您发来的照片我都看了，{subj}拍得很清楚", f"照片里{subj}看得很清楚",
                           f"您拍的{subj}我已经看过了"]),
        )
    if kind == "shot":
        subj = s["shot"]
        return dict(
            given=pick(rng, [f"{subj}的截图我也发了。", f"我把{subj}截图发你们了，自己看。"]),
            reply=f"{subj}截图发过去了。",
            prompt=f"麻烦截一张{subj}的图。",
            ask=pick(rng, [f"麻烦您截一张{subj}的图给我", f"您把{subj}截个图发过来",
                           f"请您提供一下{subj}的截图"]),
            use=pick(rng, [f"您发来的{subj}截图我核对过了", f"{subj}的截图我看到了",
                           f"截图里的{subj}我已经核实了"]),
        )
    val = d["addr"](rng)
    who = d["avail"][1] if d["avail"][0] == "visit" else "负责的同事"
    return dict(
        given=pick(rng, [f"地址是{val}。", f"我家在{val}。"]),
        reply=f"地址：{val}。",
        prompt="请问您的详细地址是？",
        ask=pick(rng, ["您的详细地址麻烦再发我一下", "请告诉我具体的地址", "麻烦说一下您家的门牌号"]),
        use=pick(rng, [f"{val}这个地址我已经发给{who}了", f"地址{val}已经录进系统了"]),
    )


# --------------------------------------------------------------------------
# candidate pieces reused by many families
# --------------------------------------------------------------------------

def r3_core(rng, s, feel=None, t=None):
    """Full empathic reply: feeling, ownership, concrete action with time."""
    f = feel or feel_s(rng, s["feel"], s["why"])
    t = t or pick(rng, s["fast"])
    own = pick(rng, OWN)
    shape = rng.randrange(5)
    if shape == 0:
        return join(f, f"{own}，我现在就{s['act']}，{t}{s['done']}", pick(rng, CLOSE))
    if shape == 1:
        return join(f"{f}，{own}", f"我这就{s['act']}，保证{t}{s['done']}")
    if shape == 2:
        return join(f"我已经在{s['act']}了，{t}{s['done']}", f"{f}，{own}")
    if shape == 3:
        return join(f, f"不用您再催，我马上{s['act']}，{t}{s['done']}", pick(rng, CLOSE))
    sorry = "" if "对不起" in f else "，这趟让您受累了"
    return join(f"{f}{sorry}", f"我马上{s['act']}，{t}{s['done']}，{own}，我跟到底")


def r2_nofeel(rng, s, t=None):
    t = t or pick(rng, s["fast"])
    return pick(rng, [
        join(f"我现在就{s['act']}，{t}{s['done']}"),
        join(f"好的，马上{s['act']}，{t}{s['done']}"),
        join(f"这就{s['act']}，{t}{s['done']}"),
    ])


def r2_slow(rng, s, with_feel=False, own=True):
    t = pick(rng, s["slow"])
    head = feel_s(rng, s["feel"], s["why"]) if with_feel else ""
    o = pick(rng, OWN) + "，" if own and rng.random() < 0.7 else ""
    return pick(rng, [
        join(head, f"{o}我帮您{s['act']}，{t}{s['done']}"),
        join(head, f"{o}我先记下来，会{s['act']}，{t}{s['done']}"),
        join(head, f"我这边会{s['act']}，不过得排一下，{t}{s['done']}"),
    ])


def r2_pend(rng, s, with_feel=False):
    t = pick(rng, s["slow"])
    head = feel_s(rng, s["feel"], s["why"]) if with_feel else ""
    return pick(rng, [
        join(head, f"我先帮您登记上，不过{s['pend']}，{t}给您答复"),
        join(head, f"{s['pend']}，申请我已经递上去了，{t}会有结果"),
    ])


def r0_blame(rng, s, which=None):
    which = which or pick(rng, ["c", "o"])
    text = s["blame_c"] if which == "c" else s["blame_o"]
    pre = pick(rng, ["", "", "这个嘛，", "说实话，", "您先别激动，"])
    return end(pre + text)


def r0_dismiss(rng):
    return pick(rng, DISMISS)


def r1_parrot(rng, s, cust):
    core = s["core"]
    f = pick(rng, s["feel"])
    return pick(rng, [
        f"您是说{core}，对吗？好的，{core}，我知道了。",
        f"嗯嗯，{core}。明白，就是{core}是吧。",
        f"我了解了，您的意思是{core}，是这样的吧？",
        f"您说您很{f}，{core}，我听明白了。",
        f"好的，{core}，这个情况我记下了，就是{core}。",
    ])


# --------------------------------------------------------------------------
# family builders: each returns (context, customer, [(text, grade), ...])
# --------------------------------------------------------------------------

def C(text):
    return {"role": "customer", "text": text}


def A(text):
    return {"role": "agent", "text": text}


def empathy_context(rng, d, s):
    """A short lead-in (or none) before the customer's complaint."""
    r = rng.random()
    cust = pick(rng, s["cust"])
    if r < 0.45:
        return [], cust
    if r < 0.75:
        return [C(pick(rng, ["在吗？", "有人吗", "你好，我要投诉", "客服在不在", "喂，有没有人管？"])),
                A(pick(rng, ["在的，您遇到什么事了？", "您好，我在，您请说。", "您好，请讲，我来帮您看看。"]))], cust
    others = [c for c in s["cust"] if c != cust]
    if others:
        return [C(pick(rng, others)), A(pick(rng, ["您好，具体是什么情况？您慢慢说。", "收到，麻烦再说说细节。",
                                                    "我在听，您接着说。"]))], \
            pick(rng, ["已经好几次了，每次都这样。", "这事到底有没有人能解决？", "我真的快受不了了。",
                       "今天必须给我一个说法。", cust])
    return [], cust


def fifth(rng, d, s, allow_blame=True):
    opts = ["g1", "g2"]
    if allow_blame:
        opts.append("g0")
    k = pick(rng, opts)
    if k == "g1":
        return (generic1(rng, d, s), 1)
    if k == "g2":
        return (r2_pend(rng, s, with_feel=rng.random() < 0.4), 2)
    return (r0_blame(rng, s, "c"), 0)


def b_asks_for_given_info(rng, d):
    s = pick(rng, d["sit"])
    info = make_info(rng, d, s)
    cust_msg = pick(rng, s["cust"])
    mode = rng.randrange(3)
    if mode == 0:
        ctx = [C(cust_msg + info["given"]), A(pick(rng, ACK))]
        cur = pick(rng, URGE)
    elif mode == 1:
        ctx = []
        cur = cust_msg + info["given"]
    else:
        ctx = [C(cust_msg), A(info["prompt"]), C(info["reply"])]
        cur = pick(rng, URGE)
    t = pick(rng, s["fast"])
    f3 = feel_s(rng, s["feel"], s["why"])
    good = pick(rng, [
        join(f3, f"{info['use']}，我现在就{s['act']}，{t}{s['done']}"),
        join(f"{info['use']}。{f3}，{pick(rng, OWN)}", f"我马上{s['act']}，{t}{s['done']}"),
        join(f"{f3}，{pick(rng, OWN)}", f"{info['use']}，剩下的交给我，我这就{s['act']}，{t}{s['done']}"),
    ])
    f0 = feel_s(rng, s["feel"], s["why"]) if rng.random() < 0.85 else pick(rng, WARM)
    t0 = pick(rng, s["fast"])
    bad = pick(rng, [
        join(f0, f"{info['ask']}，拿到后我马上{s['act']}，{t0}{s['done']}"),
        join(f"{f0}，{pick(rng, OWN)}", f"{info['ask']}，我这边立刻{s['act']}，保证{t0}{s['done']}"),
        join(f"我马上{s['act']}，{t0}{s['done']}", f"{f0}，{info['ask']}"),
    ])
    mid = pick(rng, [
        join(maybe_feel(rng, s, 0.55), f"{info['use']}，我先提交上去，{pick(rng, s['slow'])}{s['done']}"),
        join(f"{info['use']}。不过{s['pend']}，{pick(rng, s['slow'])}给您答复"),
    ])
    cands = [(good, 3), (bad, 0), (mid, 2), (generic1(rng, d, s, feels=s["feel"]), 1)]
    if rng.random() < 0.4:
        cands.append(fifth(rng, d, s))
    return ctx, cur, cands


THEN = ["再刷新看看", "稍等一两分钟再试", "再操作一遍", "把结果告诉我"]


def b_repeats_failed_step(rng, d):
    st = pick(rng, d["steps"])
    s = pick(rng, d["sit"])
    feels = GENERIC_FEEL
    mode = rng.randrange(3)
    if mode == 0:
        ctx = [C(end(st["prob"])), A(pick(rng, [f"您可以先{st['imp']}试试。", f"建议您先{st['imp']}，一般就好了。",
                                                f"麻烦您{st['imp']}，看看能不能恢复。"]))]
        cur = pick(rng, [f"按你说的{st['tried']}，还是{st['sym']}！", f"{st['tried']}，没用，还是{st['sym']}。",
                         f"试过了，{st['tried']}，一点用都没有，还是{st['sym']}。"])
    elif mode == 1:
        ctx = []
        cur = pick(rng, [f"{st['prob']}，我已经{st['tried']}，还是{st['sym']}，到底怎么回事？",
                         f"{st['prob']}。别让我{st['did']}了，我已经{st['tried']}，还是{st['sym']}。"])
    else:
        ctx = [C(end(st["prob"])), A("请问您自己有试过什么办法吗？")]
        cur = pick(rng, [f"我已经{st['tried']}，还是{st['sym']}。", f"{st['tried']}，结果还是{st['sym']}，烦死了。"])
    t = pick(rng, ["10分钟内", "半小时内", "20分钟内", "1小时内", "今天下午3点之前", "今晚6点之前"])
    f3 = feel_s(rng, feels)
    good = pick(rng, [
        join(f3, f"{st['did']}都试过了还不行，说明问题不在您这边。我这边马上{st['fix']}，{t}给您弄好"),
        join(f"{st['did']}您都已经试过了，就不用再折腾了", f"{f3}，我这就{st['fix']}，{t}处理完"),
        join(f"{f3}，{pick(rng, OWN)}", f"既然{st['did']}没用，我马上{st['fix']}，{t}给您结果"),
    ])
    f0 = feel_s(rng, feels) if rng.random() < 0.85 else pick(rng, WARM)
    t0 = pick(rng, ["5分钟", "10分钟", "几分钟"])
    bad = pick(rng, [
        join(f0, f"您先{st['imp']}，然后{pick(rng, THEN)}，我在这边等您，{t0}内应该就能解决"),
        join(f"{f0}，{pick(rng, OWN)}", f"麻烦您再{st['imp']}试试，我同步帮您盯着，{t0}后我们再确认一下"),
        join(f"建议您{st['imp']}，一般这样就能解决", f"{f0}，过{t0}我再跟您核对一下"),
        join(f0, f"我陪您一步步来：先{st['imp']}，好了之后我{t0}内帮您核对一下"),
    ])
    mid = pick(rng, [
        join(f"{st['did']}没用的话，我把情况提交给技术同事排查，{pick(rng, SLOW)}给您答复"),
        join(f"好的，我记下来了，您{st['did']}也没解决", f"我报给后台处理，{pick(rng, SLOW)}会有结果"),
    ])
    cands = [(good, 3), (bad, 0), (mid, 2), (generic1(rng, d, feels=feels), 1)]
    if rng.random() < 0.4:
        cands.append((pick(rng, [f"您是不是操作不对？别人{st['did']}都好了。",
                                 f"{st['did']}都不行？那应该是您手机或者网络的问题，和我们无关。"]), 0)
                     if rng.random() < 0.5 else (generic1(rng, d), 1))
    return ctx, cur, cands


CHANNEL_PREFS = [
    dict(say=["别给我打电话了，我在上班接不了，有结果发短信就行。",
              "我在开会，电话接不了，有什么事发短信。"],
         bad=["{T}给您打个电话详细说明", "{T}电话联系您，把结果告诉您"],
         good=["{T}把处理结果用短信发给您", "{T}把结果编成短信发到您手机上"],
         good2="处理结果出来后会短信通知您，大概要{S}"),
    dict(say=["短信我根本不看，有消息直接打电话给我。", "别发短信了，我年纪大看不清字，打电话跟我说。"],
         bad=["{T}把结果发短信到您手机上", "{T}用短信通知您结果"],
         good=["{T}亲自打电话告诉您结果", "{T}打电话过去，把结果一五一十说清楚"],
         good2="有结果了会打电话告诉您，估计要{S}"),
    dict(say=["不要加我微信，有事在App里给我留言就行。", "别让人加我私人微信，就在App消息里回复我。"],
         bad=["{T}让专员加您微信跟进", "{T}通过微信把结果发给您"],
         good=["{T}在App消息里给您回复结果", "{T}把处理结果发到您的App消息中心"],
         good2="结果会在App消息里通知您，需要{S}"),
]

ACK_PREF = ["听您的", "好，就按您说的来", "明白，按您的意思办", "没问题", "好的，尊重您的选择"]


def b_ignores_preference(rng, d):
    s = pick(rng, d["sit"])
    t = pick(rng, ["今天下午5点", "今晚8点", "1小时内", "今天下班", "明天上午10点", "今天中午12点"])
    tt = t if t.endswith("内") else t + "前"
    if rng.random() < 0.55:
        p = pick(rng, d["prefs"])
        mode = rng.randrange(2)
        if mode == 0:
            ctx = [C(p["ctx"]), A(p["offer"])]
        else:
            ctx = [C(p["ctx"]), A(pick(rng, ["您看希望怎么处理？", "您这边有什么想法，我尽量满足。"]))]
        cur = p["say"]
        pf = ["失望", "无奈", "心烦", "为难", "着急"]
        f3 = feel_s(rng, pf, None)
        good = pick(rng, [
            join(f3, f"{pick(rng, ACK_PREF)}，我马上{p['good']}，{tt}办好"),
            join(f"{pick(rng, ACK_PREF)}。{f3}，{pick(rng, OWN)}", f"我这就{p['good']}，{tt}给您落实"),
        ])
        f0 = feel_s(rng, pf, None) if rng.random() < 0.85 else pick(rng, WARM)
        bad = pick(rng, [
            join(f"{f0}，{pick(rng, OWN)}", f"我马上{p['bad']}，{tt}给您办好"),
            join(f0, f"我这边直接{p['bad']}，{tt}就能落实，您放心"),
        ])
        mid = join(maybe_feel(rng, {"feel": pf, "why": None}, 0.55),
                   f"好的，我按您的要求{p['good']}，不过这个要走审批，{pick(rng, SLOW)}办完")
        no_contact = False
        s = dict(s, feel=pf)
    else:
        p = pick(rng, CHANNEL_PREFS)
        if rng.random() < 0.5:
            ctx = [C(pick(rng, s["cust"])), A(pick(rng, ACK))]
            cur = pick(rng, p["say"])
        else:
            ctx = [C(pick(rng, s["cust"]) + pick(rng, p["say"])), A(pick(rng, ACK))]
            cur = pick(rng, URGE)
        f3 = feel_s(rng, s["feel"], s["why"])
        good = join(f3, f"我现在就{s['act']}，{pick(rng, p['good']).format(T=tt)}")
        f0 = feel_s(rng, s["feel"], s["why"]) if rng.random() < 0.85 else pick(rng, WARM)
        bad = join(f"{f0}，{pick(rng, OWN)}", f"我现在就{s['act']}，{pick(rng, p['bad']).format(T=tt)}")
        mid = join(maybe_feel(rng, s, 0.55), f"我会{s['act']}，{p['good2'].format(S=pick(rng, SLOW))}")
        no_contact = True
    cands = [(good, 3), (bad, 0), (mid, 2), (generic1(rng, d, s, no_contact=no_contact, feels=s["feel"]), 1)]
    if rng.random() < 0.35:
        cands.append((r0_dismiss(rng), 0) if rng.random() < 0.5 else (generic1(rng, d, s, no_contact=True), 1))
    return ctx, cur, cands


def b_misses_deadline(rng, d):
    dl = pick(rng, d["deadlines"])
    feels = ["着急", "焦虑", "担心", "心急"]
    if rng.random() < 0.75:
        # relative days
        dday = pick(rng, [0, 1, 1, 2])
        if dday == 0:
            dh = rng.randint(17, 21)
        else:
            dh = pick(rng, [8, 9, 10, 14, 15, 18, 19])
        dm = pick(rng, [0, 0, 30])
        D = at(dday, dh, dm)
        dmin = dday * 1440 + dh * 60 + dm
        # grade 3: well before D, not before today noon
        while True:
            back = rng.randint(3, 14) * 60
            t3 = dmin - back
            if t3 >= 13 * 60:
                break
        t3d, rem = divmod(t3, 1440)
        T3 = at(t3d, rem // 60, pick(rng, [0, 30]) if rem // 60 < 23 else 0)
        fwd = rng.randint(3, 30) * 60
        t0 = dmin + fwd
        t0d, rem0 = divmod(t0, 1440)
        h0 = min(max(rem0 // 60, 8), 21)
        if t0d * 1440 + h0 * 60 <= dmin:
            h0 = min(21, dh + 3) if t0d == dday else h0
            if t0d * 1440 + h0 * 60 <= dmin:
                t0d += 1
        T0 = at(t0d, h0)
        if dday == 0:
            TR = at(0, max(12, dh - 3))
        else:
            TR = at(0, pick(rng, [15, 17, 18, 20]))
    else:
        dwd = pick(rng, [3, 4, 5])  # 周四..周六
        dh = pick(rng, [9, 10, 14, 18])
        D = at_wk(dwd, dh)
        T3 = at_wk(dwd - 1, pick(rng, [10, 15, 17]))
        T0 = pick(rng, [at_wk(dwd + 1, pick(rng, [10, 15])) if dwd < 6 else "下周一上午10点",
                        "下周一上午10点", "下周二下午3点"])
        TR = at_wk(dwd - 2, 18)
    need = dl["need"].format(D=D)
    mode = rng.randrange(2)
    if mode == 0:
        ctx = []
        cur = need
    else:
        ctx = [C(need), A(pick(rng, ACK))]
        cur = pick(rng, URGE + ["能不能赶上？给句准话。", "来不来得及，你说清楚。"])
    f3 = feel_s(rng, feels)
    good = pick(rng, [
        join(f3, f"我现在就{dl['act']}，{T3}前{dl['done']}，赶在{D}之前"),
        join(f"{f3}，{pick(rng, OWN)}", f"我马上{dl['act']}，保证{T3}前{dl['done']}，不耽误您的事"),
        join(f"您{D}要用，我记下了", f"{f3}，我这就{dl['act']}，{T3}前{dl['done']}"),
    ])
    f0 = feel_s(rng, feels) if rng.random() < 0.85 else pick(rng, WARM)
    bad = pick(rng, [
        join(f0, f"我现在就{dl['act']}，{T0}前{dl['done']}，您放心"),
        join(f"{f0}，{pick(rng, OWN)}", f"我马上{dl['act']}，保证{T0}前{dl['done']}"),
        join(f"我这就{dl['act']}，最晚{T0}{dl['done']}", f"{f0}，这事我盯着"),
    ])
    who = d["dept"][0]
    mid = join(maybe_feel(rng, {"feel": feels, "why": None}, 0.55),
               f"我先帮您申请加急，能不能在{D}前{dl['done']}还要等{who}确认，{TR}前我给您回话")
    cands = [(good, 3), (bad, 0), (mid, 2), (generic1(rng, d, feels=feels), 1)]
    if rng.random() < 0.35:
        cands.append((pick(rng, ["这么急的话您应该早点来办，现在才说我们也很难做。",
                                 "时间这么赶是您自己安排的问题，我们只能按流程走。"]), 0))
    return ctx, cur, cands


def render_fact(rng, d, fact):
    vals = {k: gen_slot(rng, spec, d) for k, spec in fact["slots"].items()}
    return vals


def b_wrong_fact(rng, d):
    fact = pick(rng, d["facts"])
    vals = render_fact(rng, d, fact)
    ctx = [(C if role == "c" else A)(tmpl.format(**vals)) for role, tmpl in fact["ctx"]]
    cur = fact["cur"].format(**vals)
    in_re = [k for k in fact["slots"] if "{" + k + "}" in fact["re"]]
    key = pick(rng, in_re)
    wrong = dict(vals)
    wrong[key] = mutate_slot(rng, fact["slots"][key], vals[key])
    re_ok = fact["re"].format(**vals)
    re_bad = fact["re"].format(**wrong)
    act = fact["act"].format(**vals)
    done = fact["done"].format(**vals)
    feels = GENERIC_FEEL + ["窝火"]
    fl = fact["fast"] or FAST
    sl = ["20分钟后", "半小时内", "40分钟内"] if fact["fast"] else SLOW
    t3 = pick(rng, fl)
    t0 = pick(rng, fl)

    def shaped(re, f, t):
        return pick(rng, [
            join(f, f"{re}，我已经核实过了，现在就{act}，{t}{done}"),
            join(f"您说的{re}，我这边查清楚了", f"{f}，我马上{act}，{t}{done}"),
            join(f"{f}，{pick(rng, OWN)}", f"关于{re}，我这就{act}，{t}{done}"),
        ])
    good = shaped(re_ok, feel_s(rng, feels), t3)
    bad = shaped(re_bad, feel_s(rng, feels) if rng.random() < 0.85 else pick(rng, WARM), t0)
    mid = pick(rng, [
        join(f"{re_ok}我这边记下来了，先提交{pick(rng, d['dept'])}核实，{pick(rng, sl)}给您结果"),
        join(maybe_feel(rng, {"feel": feels, "why": None}, 0.55), f"我先{act}，不过要走流程，{pick(rng, sl)}{done}"),
    ])
    cands = [(good, 3), (bad, 0), (mid, 2), (generic1(rng, d, feels=feels), 1)]
    if rng.random() < 0.3:
        cands.append((generic1(rng, d), 1))
    return ctx, cur, cands


def b_unanswered_question(rng, d):
    q = pick(rng, d["questions"])
    qtype = pick(rng, ["when", "where", "cost"])
    other = pick(rng, [x for x in ("when", "where", "cost") if x != qtype])
    ctx = [(C if role == "c" else A)(t) for role, t in q["ctx"]]
    qtext, a3, a2 = q[qtype]
    pre = pick(rng, ["", "", "我就问一句，", "别的先不说，", "麻烦直接告诉我，"])
    cur = pre + qtext
    feels = ["着急", "心急", "焦虑", "不放心", "担心"]
    f3 = feel_s(rng, feels)
    good = pick(rng, [join(f3, a3), join(a3, pick(rng, ["您别担心，有变化我马上告诉您。", f"{f3}，这事我盯着。"])),
                      join(f"{f3}，我直接回答您", a3)])
    if not any(x in good for x in feels):
        good = join(f3, a3)
    f0 = feel_s(rng, feels) if rng.random() < 0.85 else pick(rng, WARM)
    bad = pick(rng, [join(f0, q[other][1]), join(f"{f0}，{pick(rng, OWN)}", q[other][1])])
    mid = join(maybe_feel(rng, {"feel": feels, "why": None}, 0.55), a2,
               pick(rng, ["准确的我查清楚后今天之内告诉您", "我核实后再给您一个准话", "等确认了我马上跟您讲",
                          "明天上午前我把准确信息发给您"]))
    one = pick(rng, ["具体以系统通知为准，您再等等看。", "这个我们会尽快给您答复的。",
                     "您的问题已经记录，稍后会有工作人员跟您说明。", generic1(rng, d, feels=feels)])
    cands = [(good, 3), (bad, 0), (mid, 2), (one, 1)]
    if rng.random() < 0.3:
        cands.append((r0_dismiss(rng), 0))
    return ctx, cur, cands


def b_impossible_promise(rng, d):
    u = pick(rng, d["unavail"])
    ctx = [C(u["ctx_c"]), A(u["ctx_a"])]
    cur = u["cur"]
    feels = ["失望", "着急", "沮丧", "为难", "扫兴"]
    f3 = feel_s(rng, feels)
    good = pick(rng, [join(f3, u["good"], pick(rng, CLOSE)), join(f"{f3}，{pick(rng, OWN)}", u["good"])])
    f0 = feel_s(rng, feels) if rng.random() < 0.85 else pick(rng, WARM)
    bad = pick(rng, [join(f0, f"您放心，我{u['bad']}"), join(f"{f0}，我想办法", f"我{u['bad']}，说到做到")])
    mid = join(maybe_feel(rng, {"feel": feels, "why": None}, 0.55), u["good2"],
               pick(rng, ["有结果我再通知您", "明天之内给您回复", "", "有消息了我立刻跟您说"]))
    cands = [(good, 3), (bad, 0), (mid, 2), (generic1(rng, d, feels=feels), 1)]
    if rng.random() < 0.35:
        cands.append((pick(rng, ["没有就是没有，我也变不出来，您换个别的吧。", "这个早就说过了，您自己没注意看。"]), 0))
    return ctx, cur, cands


def b_ignores_broken_promise(rng, d):
    p = pick(rng, d["promises"])
    if rng.random() < 0.6:
        ctx = [C(p["ctx_c"]), A(p["prom"])]
        cur = p["broken"]
    else:
        ctx = []
        cur = p["report"]
    feels = ["失望", "气愤", "窝火", "寒心", "恼火"]
    boss = pick(rng, d["boss"])
    f3 = feel_s(rng, feels)
    esc = p["esc"].format(B=boss)
    if esc.startswith("已经"):
        esc = esc[2:]
    good = pick(rng, [
        join(f3, f"答应您{p['what']}却没兑现，是我们没守住承诺", f"我已经{esc}"),
        join(f"{p['what']}的承诺没兑现，还让您白等，{f3}", f"这次我不再走普通流程，已经{esc}"),
        join(f"{f3}，{pick(rng, OWN)}：答应您{p['what']}却食言了", f"我已经{esc}，{pick(rng, CLOSE)}"),
    ])
    f0 = feel_s(rng, feels) if rng.random() < 0.85 else pick(rng, WARM)
    bad = pick(rng, [
        join(f0, f"我这就{p['redo']}"),
        join(f"您好，{f0}", f"我先{p['redo']}，您放心"),
        join(f"{f0}，{pick(rng, OWN)}", f"我马上{p['redo']}"),
    ])
    mid = pick(rng, [
        join(maybe_feel(rng, {"feel": feels, "why": None}, 0.55), f"上次说好{p['what']}却没做到，实在对不起",
             f"我{p['slow']}"),
        join(f"{p['what']}没兑现，是我们不对", f"我{p['slow']}"),
    ])
    cands = [(good, 3), (bad, 0), (mid, 2), (generic1(rng, d, feels=feels), 1)]
    if rng.random() < 0.35:
        cands.append((pick(rng, ["上次是哪个客服说的？我这边查不到记录，没法认。",
                                 "可能是您记错时间了，系统里没有这个承诺。"]), 0))
    return ctx, cur, cands


WINDOWS = {
    "evening": dict(
        visit=["我工作日白天都要上班，晚上7点以后家里才有人。", "白天家里没人，得晚上7点以后才回来。"],
        call=["白天上班时间电话接不了，晚上7点以后再打给我。", "白天我接不了电话，7点下班以后才行。"],
        appt=["我白天上班，只有晚上7点以后能过去。", "下班都快7点了，只有7点以后有空过去。"],
    ),
    "morning": dict(
        visit=["我只有早上9点之前在家，过了9点就要出门上班。", "家里早上9点以后就没人了，只能早点来。"],
        call=["我只有早上9点前有空接电话，之后一直开会。", "9点以后我在车间接不了电话，早上打给我。"],
        appt=["我只有早上9点前有空过去，之后要上班。", "只能早上9点以前去，晚了我就迟到了。"],
    ),
    "lunch": dict(
        visit=["我只有中午12点到1点回家一趟，其他时间家里没人。", "家里就中午12点到1点有人，别的时间都锁着门。"],
        call=["我上班时间接不了电话，只有中午12点到1点能接。", "中午12点到1点午休，只有这会儿能接电话。"],
        appt=["我只有中午12点到1点能抽空过去。", "只有午休那一个小时，12点到1点之间能去。"],
    ),
    "weekend": dict(
        visit=["我工作日都在外地，只有周六周日在家。", "周一到周五家里没人，周末才行。"],
        call=["工作日我实在没空接电话，周末打给我吧。", "周一到周五我都在工地，周末再联系我。"],
        appt=["工作日走不开，只有周六周日能过去。", "平时上班请不了假，只能周末去。"],
    ),
    "afternoon": dict(
        visit=["我上午要去医院陪老人，只有下午2点到5点在家。", "上午家里没人，下午2点到5点我在。"],
        call=["上午我在医院排队不方便，下午2点到5点都能接电话。", "我上午接不了电话，下午2点到5点可以。"],
        appt=["我上午走不开，下午2点到5点可以过去。", "上午要送孩子，下午2点到5点能去。"],
    ),
}


def window_times(rng, w):
    if w == "evening":
        tin = at(pick(rng, [0, 1]), pick(rng, [19, 20]), pick(rng, [0, 30]))
        tout = at(pick(rng, [1, 2]), pick(rng, [9, 10, 14, 15, 16]))
        tlate = at(2, pick(rng, [19, 20]))
    elif w == "morning":
        tin = at(1, pick(rng, [7, 8]), pick(rng, [0, 30]) if rng.random() < 0.5 else 0)
        tout = at(1, pick(rng, [10, 11, 14, 15, 16]))
        tlate = at(2, 8)
    elif w == "lunch":
        tin = at(pick(rng, [0, 1]), 12, pick(rng, [0, 15, 30]))
        tout = at(pick(rng, [0, 1]), pick(rng, [10, 15, 16, 17]))
        tlate = at(2, 12, 30)
    elif w == "weekend":
        tin = at_wk(pick(rng, [5, 6]), pick(rng, [10, 11, 14, 15]), this=True)
        tout = at_wk(pick(rng, [1, 2, 3, 4]), pick(rng, [10, 14, 15]))
        tlate = "下周六上午10点"
    else:
        tin = at(1, pick(rng, [14, 15, 16]))
        tout = at(1, pick(rng, [9, 10, 11, 19]))
        tlate = at(2, 15)
    return tin, tout, tlate


def b_ignores_availability(rng, d):
    s = pick(rng, [x for x in d["sit"] if x["av"]])
    kind, who, tmpls = d["avail"]
    w = pick(rng, list(WINDOWS))
    say = pick(rng, WINDOWS[w][kind])
    tin, tout, tlate = window_times(rng, w)
    if rng.random() < 0.5:
        ctx = []
        cur = pick(rng, s["cust"]) + say
    else:
        ask = {"visit": f"我帮您安排{who}过去，请问您什么时候方便？",
               "call": "我这边跟进后给您回电话，请问您什么时候方便接？",
               "appt": "我帮您约个时间，请问您什么时候方便过来？"}[kind]
        ctx = [C(pick(rng, s["cust"])), A(ask)]
        cur = say
    f3 = feel_s(rng, s["feel"], s["why"])
    tm = pick(rng, tmpls)
    good = pick(rng, [
        join(f3, f"{pick(rng, OWN)}，{tm.format(T=tin)}", pick(rng, CLOSE)),
        join(f"好的，{tm.format(T=tin)}", f"{f3}，这次一定按您方便的时间来"),
    ])
    f0 = feel_s(rng, s["feel"], s["why"]) if rng.random() < 0.85 else pick(rng, WARM)
    bad = pick(rng, [
        join(f"{f0}，{pick(rng, OWN)}", tm.format(T=tout)),
        join(f"好的，{tm.format(T=tout)}", f"{f0}，我们一定准时"),
    ])
    mid = join(maybe_feel(rng, s, 0.55),
               f"您说的时间段这两天排满了，我先帮您登记{tlate}，调度确认后再通知您")
    cands = [(good, 3), (bad, 0), (mid, 2), (generic1(rng, d, s, feels=s["feel"]), 1)]
    if rng.random() < 0.3:
        cands.append((pick(rng, ["我们只有工作时间能安排，您自己想办法请个假吧。",
                                 "时间都是系统排的，改不了，您配合一下。"]), 0))
    return ctx, cur, cands


# ---------------------------- empathy families ----------------------------

def b_feeling_named(rng, d):
    s = pick(rng, d["sit"])
    ctx, cur = empathy_context(rng, d, s)
    t = pick(rng, s["fast"])
    good = r3_core(rng, s, t=t)
    cands = [(good, 3), (r2_nofeel(rng, s, t=t), 2), (scripted(rng), 1), (r0_blame(rng, s, "c"), 0)]
    if rng.random() < 0.35:
        cands.append((pick(rng, VAGUE), 1) if rng.random() < 0.5 else (r0_dismiss(rng), 0))
    return ctx, cur, cands


def b_ownership_vs_blame(rng, d):
    s = pick(rng, d["sit"])
    ctx, cur = empathy_context(rng, d, s)
    which = pick(rng, ["c", "o"])
    good = r3_core(rng, s)
    cands = [(good, 3), (r0_blame(rng, s, which), 0), (r2_slow(rng, s, with_feel=rng.random() < 0.5, own=True), 2),
             (pick(rng, [pick(rng, VAGUE), generic1(rng, d, s)]), 1)]
    if rng.random() < 0.35:
        cands.append((r0_blame(rng, s, "o" if which == "c" else "c"), 0))
    return ctx, cur, cands


def b_concrete_vs_vague(rng, d):
    s = pick(rng, d["sit"])
    ctx, cur = empathy_context(rng, d, s)
    f = feel_s(rng, s["feel"], s["why"])
    good = r3_core(rng, s, feel=f)
    vague = pick(rng, [join(feel_s(rng, s["feel"]), "我们会尽快处理的，您再耐心等一等"),
                       join(f"{pick(rng, OWN)}，我们会尽快跟进，有消息通知您"),
                       pick(rng, VAGUE)])
    mid = r2_slow(rng, s, with_feel=rng.random() < 0.4) if rng.random() < 0.5 else r2_pend(rng, s, rng.random() < 0.4)
    cands = [(good, 3), (vague, 1), (mid, 2), (pick(rng, [r0_dismiss(rng), r0_blame(rng, s)]), 0)]
    if rng.random() < 0.3:
        cands.append((f"这个需要{pick(rng, d['dept'])}来处理，我帮您转过去了。", 1))
    return ctx, cur, cands


def b_personal_vs_scripted(rng, d):
    s = pick(rng, d["sit"])
    ctx, cur = empathy_context(rng, d, s)
    good = r3_core(rng, s)
    cands = [(good, 3), (scripted(rng), 1), (r2_slow(rng, s, with_feel=rng.random() < 0.3), 2),
             (pick(rng, [r0_dismiss(rng), r0_blame(rng, s)]), 0)]
    if rng.random() < 0.35:
        cands.append((scripted(rng), 1))
    return ctx, cur, cands


def b_off_topic(rng, d):
    s = pick(rng, d["sit"])
    ctx, cur = empathy_context(rng, d, s)
    good = r3_core(rng, s)
    pitch = pick(rng, d["pitch"])
    pre = pick(rng, ["", "好的，了解了。", "收到。", "嗯嗯，"])
    cands = [(good, 3), (pre + pitch, 0), (r2_slow(rng, s, with_feel=rng.random() < 0.4), 2),
             (generic1(rng, d, s), 1)]
    if rng.random() < 0.35:
        cands.append((pick(rng, UNRELATED), 0))
    return ctx, cur, cands


def b_parroting(rng, d):
    s = pick(rng, d["sit"])
    ctx, cur = empathy_context(rng, d, s)
    good = r3_core(rng, s)
    cands = [(good, 3), (r1_parrot(rng, s, cur), 1), (r2_slow(rng, s, with_feel=rng.random() < 0.4), 2),
             (pick(rng, [r0_dismiss(rng), r0_blame(rng, s)]), 0)]
    if rng.random() < 0.3:
        cands.append((scripted(rng), 1))
    return ctx, cur, cands


def b_over_promise(rng, d):
    s = pick(rng, d["sit"])
    ctx, cur = empathy_context(rng, d, s)
    good = r3_core(rng, s)
    f0 = feel_s(rng, s["feel"], s["why"])
    bad = pick(rng, [join(f0, f"您放心，我们{s['over']}，这点我打包票"),
                     join(f"{f0}，{pick(rng, OWN)}", f"我们{s['over']}，您就放一百个心吧"),
                     join(f"别担心，我们{s['over']}", f0)])
    cands = [(good, 3), (bad, 0), (r2_slow(rng, s, with_feel=rng.random() < 0.4), 2),
             (pick(rng, [generic1(rng, d, s), pick(rng, VAGUE)]), 1)]
    if rng.random() < 0.3:
        cands.append((r0_blame(rng, s), 0))
    return ctx, cur, cands


def b_result_vs_callback(rng, d):
    s = pick(rng, d["sit"])
    ctx, cur = empathy_context(rng, d, s)
    t = pick(rng, s["fast"])
    good = pick(rng, [join(feel_s(rng, s["feel"], s["why"]), f"我这边{s['now']}", pick(rng, CLOSE)),
                      join(f"{feel_s(rng, s['feel'], s['why'])}，{pick(rng, OWN)}", s["now"])])
    ap = join(feel_s(rng, s["feel"], s["why"]), f"{s['appr']}，申请已经递上去了，预计{t}有结果")
    cb = join(feel_s(rng, s["feel"], s["why"]), f"我已经把情况转过去了，{t}{s['cb']}")
    cands = [(good, 3), (ap, 2), (cb, 1), (pick(rng, [r0_dismiss(rng), r0_blame(rng, s)]), 0)]
    if rng.random() < 0.3:
        cands.append((join(feel_s(rng, s["feel"]), f"我帮您{s['act']}，不过{s['pend']}，{pick(rng, s['slow'])}给您消息"), 2))
    return ctx, cur, cands


BUILDERS = {name: globals()["b_" + name] for name in FAMILIES}


# ==========================================================================
# DOMAIN BANKS
# ==========================================================================

DOMAINS = {}

ESTATES = ["翠湖花园", "锦绣华庭", "梧桐里", "香樟苑", "滨江一号", "南山小区", "东方名邸", "枫林湾", "青禾苑", "星河湾"]


def addr_home(rng):
    return f"{pick(rng, ESTATES)}{rng.randint(1, 18)}栋{rng.randint(1, 3)}单元{rng.randint(2, 26)}{rng.randint(1, 4):02d}"


# ------------------------------- property --------------------------------
DOMAINS["property"] = dict(
    zh="物业管理",
    dept=["工程部", "客服中心", "物业前台"],
    boss=["物业经理", "工程部主管", "项目经理"],
    pitch=[
        "对了，我们物业最近推出了家政保洁套餐，首次体验只要59元，您要不要办一个？",
        "顺便说一下，小区车位年租现在有优惠，一次交一年送一个月，需要的话我帮您登记。",
        "另外提醒您，我们新上线了社区团购，今天的水果特价，您可以去小程序看看。",
    ],
    code_kind="报修单号",
    code=lambda rng: "BX" + digits(rng, 8),
    addr=addr_home,
    avail=("visit", "维修师傅", ["我给您约在{T}，维修师傅准时上门", "{T}安排维修师傅上门处理",
                                 "维修师傅{T}到您家，出发前先给您打电话"]),
    sit=[
        S("下水道堵塞",
          ["厨房下水道堵了三天，水池里的水一点都下不去，楼下说他家也在反味。",
           "卫生间地漏往上冒水，整个卫生间都是臭味，根本没法用。"],
          "下水道堵了，水下不去", ["烦躁", "心烦", "无奈"], "家里水池和地漏都用不了",
          "安排管道师傅带疏通机上门", ["一小时内", "今天下午3点之前"], "把管道疏通",
          ["明天上午", "明天之内"], "如果是主管道堵了，要等物业和市政一起排查",
          "会有工程部的同事联系您约时间",
          "已经派管道师傅去楼下检查井清理了，主管道刚刚通了，您家现在放水试试",
          "主管道疏通后给您家减免清洁费需要物业经理审批",
          "您家是不是往下水道倒了油和剩饭？这种堵都是自己造成的",
          "下水道是市政管的，物业也没办法",
          "保证您家下水道以后永远不会再堵",
          photo="冒水的地漏"),
        S("电梯停运",
          ["3号楼的电梯又停了！我家住17楼，我妈腿脚不好，今天根本下不了楼。",
           "电梯这周第二次坏了，我抱着孩子爬了十几层，这事还有没有人管了？"],
          "电梯又停了，家里老人下不了楼", ["着急", "担心", "恼火"], "一周坏两次，家里还有腿脚不便的老人",
          "通知电梯维保公司派人过来抢修", ["半小时内", "40分钟之内", "马上"], "赶到现场",
          ["今天下班前", "明天上午"], "这次可能要换主板，得等维保公司报价批下来才能修",
          "会有维保公司的人给您回电话",
          "已经安排值班电工和保安去您楼下了，先帮老人上下楼，维保人员也在路上，20分钟就到",
          "临时派人上门帮老人上下楼，要先报物业经理批一下",
          "电梯停多半是有人扒门或者超载，住户自己也得注意文明乘梯",
          "电梯是维保公司负责的，我们物业只能帮您转达",
          "保证这部电梯以后再也不会出任何故障"),
        S("楼上漏水",
          ["楼上的水渗到我家来了，客厅天花板都鼓包了，找了你们两次都没人来看。",
           "卫生间顶上一直在滴水，肯定是楼上管道的问题，墙皮都泡掉了。"],
          "楼上漏水，天花板都鼓包了", ["心烦", "着急", "窝火"], "刚装修没多久的房子被水泡成这样",
          "派维修师傅去楼上排查漏水点", ["一小时内", "今天下午3点之前"], "先把楼上的水阀关掉止住漏水",
          ["今天下午", "今天下班前"], "要是得破墙修管，需要先和楼上业主商量好才能动工",
          "会有工程部的同事联系您约时间",
          "已经联系上楼上业主，工程部师傅现在就在他家关阀门，漏水马上就能止住",
          "您家天花板的修复费用由谁承担，要等物业经理和楼上业主确认",
          "您家装修时是不是动过管道？这个得您自己先查清楚",
          "这是楼上业主家的事，您直接找他协商吧，我们物业管不了",
          "会把您家泡坏的东西不管多少钱全部赔给您",
          photo="天花板渗水的位置"),
        S("门禁卡失灵",
          ["门禁卡突然刷不开了，我在单元门口站了二十分钟才等到人开门。",
           "我的门禁卡和车库卡同时失效了，晚上回家进不去，太折腾了。"],
          "门禁卡刷不开，进不了单元门", ["无奈", "恼火", "心烦"], "大晚上站在门口进不去",
          "在系统里给您的卡重新授权", ["10分钟内", "马上"], "恢复刷卡",
          ["明天上午", "明天之内"], "要换新卡的话，得等制卡公司把卡送过来",
          "前台的同事会给您回电话",
          "已经在后台给您的门禁卡和车库卡重新授权了，您现在刷一下就能进",
          "免费换新卡要前台主管签字",
          "卡是不是和手机放一起消磁了？这种一般都是个人使用不当",
          "门禁系统是外包公司做的，坏了我们也只能等他们来",
          "保证您这张卡以后永远不会再失灵"),
        S("车位被占",
          ["我租的固定车位又被别人的车占了，下班回来没地方停，只能停到外面马路上。",
           "B2那个车位是我每月交钱租的，这个月已经被占了四次！"],
          "固定车位又被别人占了", ["窝火", "气愤"], "每个月按时交车位费，回家却停不进去",
          "让保安查一下占位车辆的车主，通知他挪车", ["15分钟内", "20分钟之内"], "把车位给您腾出来",
          ["今晚", "明天之内"], "给车位装地锁要等业委会开会通过",
          "会有保安队长给您打电话",
          "已经查到占位的车主，保安正在打电话让他下楼挪车，您稍等几分钟就能停进去",
          "减免这个月的车位费需要物业经理审批",
          "您车位也没装地锁，别人停进去也很正常",
          "这是业主之间的纠纷，您自己跟对方沟通吧",
          "保证以后再也没有任何人会占您的车位",
          photo="占位车辆的车牌"),
    ],
    steps=[
        STEP("物业App缴费一直提示失败", "提示支付失败", "重新登录", "把App退出重新登录了两遍",
             "把App退出重新登录一下", "在后台把您这笔缴费单手动重新推送一次"),
        STEP("门禁卡刷了没反应", "刷不开", "多刷几次", "把卡贴在读卡器上刷了好几遍",
             "把卡贴近读卡器多刷几次", "在门禁系统里把您的卡重新写入权限"),
        STEP("家里突然停水了", "一滴水都没有", "开关总阀", "把家里的总阀关了又重新打开",
             "把家里的总水阀关掉再打开", "让值班水电工去地下泵房检查您那栋的供水"),
        STEP("可视对讲门铃没声音", "没有声音", "重新插电源", "把室内机的电源拔了重新插上",
             "把室内机电源拔掉重新插一下", "派弱电师傅上门检查对讲线路"),
    ],
    prefs=[
        PREF("上周你们派师傅修了我家漏水，第二天又开始滴了。", "我让上次那位李师傅再过去看看，他熟悉情况。",
             "别再派李师傅了，他修完第二天就漏，我要换个师傅。",
             "安排上次那位李师傅再过去复查", "换一位经验更足的师傅上门"),
        PREF("车库的灯坏了一个多月，晚上进去黑漆漆的。", "给您带来不便了，我们可以减免您这个月的车位管理费。",
             "我不要减免，我就要你们把车库的灯修好，黑成那样容易出事。",
             "给您减免这个月的车位管理费作为补偿", "安排电工去把车库的灯全部修好"),
        PREF("我家外墙渗水，需要检查一下。", "我们可以安排师傅进屋检查，也可以从外墙吊篮检查。",
             "家里没人，也不想让人进屋，你们从外墙查就行，别进我家。",
             "安排师傅进屋检查渗水", "安排师傅从外墙吊篮检查渗水"),
    ],
    deadlines=[
        DL("我{D}装修队就要进场，你们的装修出入证到现在还没办下来！", "加急办理您的装修出入证", "把出入证送到您手上"),
        DL("家里{D}要办满月酒，客厅那片渗水的天花板必须在那之前修好。", "派工程部最好的师傅去修天花板", "修好并清理干净"),
    ],
    facts=[
        FACT([("c", "我家是{b}栋{room}，这个月物业费账单{amt}元，可我上个月已经预交了一整年。"),
              ("a", "好的，我核对一下您的缴费记录。")],
             "核对好了没有？别让我交两遍钱。", "{b}栋{room}这张{amt}元的物业费账单",
             "撤销这张重复的账单", "把撤销结果短信发给您",
             dict(b=("n", 1, 18), room=("room",), amt=("amt", 260, 980))),
        FACT([("c", "我{wd}报修的，报修单{code}，说好上午{h}点来修热水器，结果没人来。"),
              ("a", "抱歉，我马上查一下这张报修单。")],
             "师傅究竟哪天能来？", "报修单{code}、{wd}上午{h}点的那次上门",
             "重新派师傅上门处理", "到您家", dict(wd=("wd",), code=("code",), h=("h", 8, 11))),
    ],
    questions=[
        Q([("c", "我家装修完了，想把装修押金退了。"), ("a", "好的，装修验收已经通过，押金可以退。")],
          ("那押金哪天能回到我账上？", "验收单今天已经签了，2000元押金3个工作日之内会回到您当时缴费的那张卡",
           "押金大概一周左右能退，具体还要等财务排款"),
          ("退押金要我去哪里办？", "您带上身份证和押金收据到2号楼一层的物业服务中心就能办，工作日9点到6点都有人",
           "一般是在物业服务中心办，具体哪个窗口我再帮您问问"),
          ("押金能全退吗？会扣多少？", "2000元押金全额退还，一分不扣，您家装修期间没有违规记录",
           "应该能退大部分，扣不扣垃圾清运费要等工程部核实")),
        Q([("c", "我家门口的下水道堵了，水都漫到走廊了。"), ("a", "收到，这就给您派单处理。")],
          ("师傅几点能到？", "管道师傅已经出发，下午2点半之前到您家门口",
           "师傅今天会过去，具体几点要看他手上的活"),
          ("我人不在家，钥匙放哪儿给师傅？", "您把钥匙交到您那栋一楼的门岗就行，师傅会去门岗找保安拿",
           "钥匙的事您先留着，到时候再商量"),
          ("疏通要收钱吗？多少钱？", "公共管道堵塞属于物业维修范围，疏通不收您任何费用",
           "一般几十块，具体要看堵得严不严重")),
    ],
    unavail=[
        UN("我想在地下车库租个月租车位。", "很抱歉，地下车库的月租车位目前已经全部租满了。",
           "那我车停哪儿？天天停外面被贴罚单。",
           "给您留一个地下车库的月租车位，今天就能停",
           "帮您登记地面临时车位，今晚6点前给您开通，同时把您排在月租车位候补第一位",
           "先帮您排进月租车位的候补名单"),
        UN("能不能帮我把家里的燃气管道改一下位置？", "燃气管道改线物业这边没有资质，必须由燃气公司来做。",
           "那我不是还得自己去跑燃气公司？太麻烦了。",
           "让我们工程部的师傅明天上门给您把燃气管道改好",
           "燃气公司的预约我来帮您打，今天下午4点前把上门时间发给您，您不用自己跑",
           "把燃气公司的报装电话和流程发给您，您看看哪天方便约"),
    ],
    promises=[
        PROM("我家天花板渗水，麻烦派人来看看。", "已经给您派单了，今天下午3点前维修师傅会上门查看渗水。",
             "说好下午3点前上门，现在都5点了，一个人都没来，我专门请假在家等的！",
             "上次客服说今天下午3点前派师傅来修渗水，我请了假在家等，结果到现在都没人来。",
             "下午3点前上门", "帮您新建一个报修单，今天下午安排师傅上门查看渗水",
             "把这件事直接报给了{B}，他1小时内亲自带师傅到您家", "再给您提交一次加急报修，今天之内会有人跟您约时间"),
        PROM("楼道的灯坏了好几天了。", "已经登记了，明天中午前电工会把楼道灯换好。",
             "说明天中午前换好，今天都第三天了，楼道还是黑的，我家老人差点摔了。",
             "上周物业的人说第二天中午前换好楼道灯，到现在都三天了还是黑的。",
             "第二天中午前换好楼道灯", "马上给您登记楼道灯报修，明天中午前电工会去换",
             "已经报给{B}，今天下午4点前电工带着新灯过去，换好后我拍照发给您",
             "再提交一次，标成加急，这两天给您换好"),
    ],
)

# --------------------------------- gym -----------------------------------
DOMAINS["gym"] = dict(
    zh="健身房会员",
    dept=["门店前台", "会籍顾问", "总部客服"],
    boss=["店长", "区域经理", "运营主管"],
    pitch=[
        "对了，现在续私教课有活动，买20节送5节，您要不要顺便看看？",
        "顺便跟您推荐一下我们新出的蛋白粉，会员价只要原价的七折。",
        "另外我们下个月开一个减脂训练营，名额不多，我先帮您占一个？",
    ],
    code_kind="会员卡号",
    code=lambda rng: "M" + digits(rng, 7),
    addr=None,
    avail=("call", "会籍顾问", ["{T}我亲自给您打电话，把处理方案说清楚", "我约在{T}给您回电话，不会超时",
                               "{T}由店长给您打电话沟通"]),
    sit=[
        S("自动续费扣款",
          ["我明明说过不续卡了，你们又从我卡里自动扣了2680元年费！",
           "没经过我同意就自动续费，一下扣了两千多，这不是坑人吗？"],
          "没经过同意就自动续费扣了年费", ["气愤", "窝火"], "说好不续了还被扣了两千多",
          "撤销这次自动续费", ["今天下班前", "2小时内"], "把这笔钱原路退回",
          ["7个工作日之内", "下周"], "退款要走总部财务审批",
          "会有门店经理给您回电话",
          "已经把自动续费关掉，退款也提交成功了，钱24小时内回到您的卡上",
          "全额退年费要门店经理签字审批",
          "合同里写得很清楚默认自动续费，是您自己没看条款",
          "扣费是第三方支付平台操作的，跟我们门店没关系",
          "给您以后在这里的所有费用全部免单",
          shot="扣费短信"),
        S("私教课被临时取消",
          ["我约的晚上7点的私教课，教练临时不来了也没人通知我，我饭都没吃就赶过来了。",
           "第二次了，到了门店才知道教练请假，课也没人替。"],
          "教练临时不来也没通知，白跑一趟", ["失望", "恼火", "无奈"], "饿着肚子赶过来却扑了个空",
          "给您安排另一位同级别的教练", ["今晚8点之前", "20分钟内"], "把这节课补上",
          ["这周末", "下周"], "补偿课时要等教练主管确认排班",
          "会有教练主管打电话跟您道歉",
          "已经把这节课退回您的课时包，还额外送了一节，App里刷新就能看到",
          "额外补一节课需要店长审批",
          "课程变动App里会推送的，您可能没注意看消息",
          "教练排班是总部统一安排的，门店也没办法",
          "保证以后您的课一节都不会再出任何变动",
          shot="预约成功的页面"),
        S("储物柜被撬",
          ["我在你们更衣柜放的手表不见了，柜门有被撬过的痕迹！",
           "洗完澡出来发现储物柜被人打开了，钱包里的现金都没了。"],
          "储物柜被撬，东西丢了", ["着急", "气愤", "不安"], "放在柜子里的贵重东西不见了",
          "调取更衣区门口的监控", ["半小时内", "马上"], "把录像调出来和您一起看",
          ["明天"], "调监控需要先报警，等警方到了才能调",
          "会有门店负责人联系您",
          "已经报了警，店长和保安正在更衣区封存现场，门口的监控也调出来了",
          "赔偿要等总部法务确认",
          "贵重物品本来就不该放柜子里，门口都贴了提示",
          "更衣区是商场物业负责的，我们健身房管不到",
          "会把您丢的东西不管值多少全部照价赔偿",
          photo="被撬的柜门"),
        S("器械坏了空调不开",
          ["跑步机一半都是坏的，空调也不开，我这个月交了钱几乎没法练。",
           "天这么热不开空调，动感单车也坏了三台，你们到底还想不想开了？"],
          "跑步机坏了一半，空调也不开", ["失望", "窝火"], "交了会费却练不成",
          "让设备师傅来修跑步机，空调先开起来", ["今天下午", "2小时内"], "恢复正常使用",
          ["这周内"], "换跑步机电机要等厂家发货",
          "会有店长给您打电话解释",
          "已经让前台把空调打开了，坏的跑步机贴了停用，还给您的会员卡顺延了7天",
          "顺延会员期需要店长批",
          "高峰时段人多，您可以错峰来嘛",
          "设备是厂家负责维保的，我们也在催",
          "保证这里的器械以后再也不会坏"),
    ],
    steps=[
        STEP("App约课一直显示约满，可教室明明还有空位", "显示约满", "重新登录", "账号退出来又登进去了",
             "退出账号再重新登录", "在后台直接帮您把这节课约上"),
        STEP("闸机人脸识别刷不进去", "识别失败", "重新录人脸", "在App里重新录了一次人脸",
             "在App里重新录一遍人脸", "让前台在闸机系统里手动更新您的人脸信息"),
        STEP("会员卡在App里显示已过期", "显示过期", "卸载重装", "把App删了重新下载",
             "把App卸载后重新下载安装", "在会员系统里手动核对并改正您的会员有效期"),
    ],
    prefs=[
        PREF("我的会员卡还剩半年，但我要搬去外地了。", "我们可以帮您把卡转到外地的分店，或者先冻结。",
             "我要去的城市你们根本没有分店，别说转店了，我只要退剩下的钱。",
             "把您的会员卡转到最近的分店", "按剩余天数给您办理退费"),
        PREF("王教练带得很好，结果你们突然把他调走了。", "我们可以给您换李教练或者陈教练，都很专业。",
             "我不要换教练，就想跟王教练练，他去哪个店我就去哪个店。",
             "给您换一位同样资深的教练接着上课", "把您的剩余课时转到王教练现在所在的分店"),
        PREF("课还没上完，你们店就要停业装修。", "可以给您会员期顺延三个月，或者退费。",
             "顺延没用，装修完我都不在这边了，我只要退费。",
             "把您的会员期顺延三个月", "把剩余课时按原价退给您"),
    ],
    deadlines=[
        DL("我{D}要参加健美比赛，你们的体测报告得在那之前给我。", "让体测师加急出您的报告", "把报告发到您手机上"),
        DL("{D}我就要出国了，退卡的事必须在那之前办完。", "加急办理退卡手续", "把退款打到您卡上"),
    ],
    facts=[
        FACT([("c", "我{md}在你们{store}办的{n}节私教课，一共{amt}元，现在教练离职了要退。"),
              ("a", "好的，我来查一下这份私教合同。")],
             "查到了吗？到底怎么退？", "{store}的{n}节私教课、共{amt}元",
             "按剩余课时给您办退款", "把退款明细发给您",
             dict(md=("md",), store=("pick", ["万象城店", "滨河店", "科技园店", "火车站店"]), n=("n", 10, 40),
                  amt=("amt", 3000, 9800))),
        FACT([("c", "我的会员卡号{code}，明明还有{n}天才到期，闸机却说我过期了。"),
              ("a", "我先帮您查一下会员信息。")],
             "你快点，我在门口站着呢。", "会员卡{code}还剩{n}天",
             "在系统里把有效期改回来", "让闸机放行", dict(code=("code",), n=("n", 12, 200)),
             fast=["5分钟内", "马上"]),
    ],
    questions=[
        Q([("c", "我要办退卡，剩下的钱怎么算？"), ("a", "您的年卡还剩142天，可以按剩余天数退费。")],
          ("那钱什么时候能退给我？", "今天提交后，3个工作日之内原路退到您付款的那张卡",
           "大概一周左右吧，要看财务什么时候处理"),
          ("退卡要去哪里办？要本人到店吗？", "您带身份证到一楼前台签个字就行，前台在进门右手边，不用去别的地方",
           "一般是在门店办，具体找哪位同事我再问问"),
          ("能退多少钱？手续费扣多少？", "按剩余142天算能退1556元，合同里的100元手续费已经扣掉了",
           "应该能退一千多，手续费多少要等财务算")),
        Q([("c", "我想暂停会员卡，要出差两个月。"), ("a", "可以的，会员卡支持冻结。")],
          ("冻结从哪天开始算？", "从您提交申请的第二天零点开始算，也就是明天起冻结，到期日自动往后推",
           "一般是提交后就开始，具体以系统为准"),
          ("在哪里申请冻结？", "在App的“我的会员卡”页面点“冻结”就能申请，不用到店",
           "可以线上也可以到店，您看哪个方便"),
          ("冻结要收费吗？", "每年有一次免费冻结，您今年还没用过，这次不收钱",
           "可能要收一点手续费，我得确认一下")),
    ],
    unavail=[
        UN("我想约这周六上午的私教课。", "很抱歉，这周六上午的私教时段已经全部约满了。",
           "我只有周六上午有空啊，那这周不就练不成了？",
           "帮您约上这周六上午10点的私教课",
           "给您约这周六下午4点，还是同一位教练，下课前我再帮您约下周六上午的位置",
           "先帮您排进周六上午的候补名单，有人取消就通知您"),
        UN("我想去万达那家店练。", "您说的万达店上个月已经关店了。",
           "我家就在那附近，关了我去哪儿练？",
           "给您安排在万达店继续训练",
           "把您的会员转到离您家2公里的中心广场店，今天就能用，我再送您一次体测",
           "帮您申请转店，等审核通过后通知您"),
    ],
    promises=[
        PROM("我的退卡申请办得怎么样了？", "退款已经提交了，3个工作日之内回到您卡里。",
             "你们说3个工作日退款，今天都第6天了，钱的影子都没见到！",
             "上周你们客服说3个工作日内退款，现在都一个星期了还没到账。",
             "3个工作日内退款", "重新帮您提交一次退款申请，3个工作日之内到账",
             "直接找了{B}，今天下午5点前把钱打到您卡上，打款截图我发给您",
             "再给财务催一次，标成加急，这几天应该就能到"),
        PROM("门口的闸机老是刷不进去。", "明天上午之前技术会修好闸机。",
             "说好明天上午修好，我今早去还是进不去，在门口等了十分钟。",
             "上次前台说第二天上午闸机就修好，今天早上还是刷不进去。",
             "第二天上午修好闸机", "把闸机的问题报修一下，明天上午技术会来修",
             "已经把情况报给{B}，今天中午前技术到店，修好之前您到了直接找前台刷卡放行",
             "再报一次修，让技术这两天来看看"),
    ],
)

# ------------------------------ pet hospital ------------------------------
DOMAINS["pet_hospital"] = dict(
    zh="宠物医院",
    dept=["医务部", "前台", "住院部"],
    boss=["院长", "医务主任", "门诊主管"],
    pitch=[
        "对了，我们现在有宠物年度体检套餐，办一张卡全年打八折，您有兴趣吗？",
        "顺便推荐一下店里新到的处方粮，今天下单第二袋半价。",
        "另外我们开了宠物洗护中心，会员首次洗澡免费，您可以带它来体验。",
    ],
    code_kind="病历号",
    code=lambda rng: "PH" + digits(rng, 6),
    addr=None,
    avail=("appt", "医生", ["给您约在{T}，医生到时候专门等您", "{T}的号我帮您挂好了，到了直接进诊室",
                           "我把您的复诊安排在{T}，主治医生在"]),
    sit=[
        S("打完疫苗后不舒服",
          ["我家狗昨天在你们这打完疫苗，今天一直吐，也不吃东西，怎么回事？",
           "猫咪打完疫苗回来就蔫了，躲在床底下不出来，碰一下就叫。"],
          "打完疫苗回来就不吃东西、一直吐", ["担心", "心疼", "害怕"], "毛孩子打完针就这么难受",
          "让给它打针的医生先在线看一下情况", ["10分钟内", "马上"], "给您回复处理方案",
          ["今天下午", "明天上午"], "是不是疫苗反应要等医生看过化验结果才能判断",
          "会有值班医生给您回电话",
          "已经给您预留了急诊号，值班医生在诊室等着，您现在带它过来不用排队",
          "疫苗反应的检查费减免要院长签字",
          "可能是您回家后喂了不该喂的东西，打完疫苗本来就要注意饮食",
          "疫苗是厂家生产的，有反应得找厂家，跟我们医院没关系",
          "保证它以后打任何疫苗都不会有一点反应",
          photo="它现在的样子"),
        S("术后伤口裂开",
          ["绝育手术才做了三天，伤口就裂开了还在渗血，你们医生到底缝好没有？",
           "做完手术接回家，今天发现缝线的地方开了个口子，它一直舔。"],
          "手术三天伤口裂开在渗血", ["心疼", "担心", "气愤"], "刚做完手术伤口就裂了",
          "让主刀医生亲自给它重新处理伤口", ["今天中午前", "1小时内"], "把伤口处理好",
          ["明天"], "需不需要二次缝合，要等医生拆开看了才能定",
          "会有主刀医生给您回电话",
          "已经跟主刀医生说好了，他推掉了下一台手术等您，您到了直接进处置室",
          "二次处理全免费需要院长审批",
          "是不是您没给它戴伊丽莎白圈，它自己舔开的？",
          "手术是之前那位医生做的，他已经离职了，我们也不清楚",
          "保证它的伤口一个礼拜就完全长好，一点疤都不留",
          photo="伤口裂开的地方"),
        S("寄养受伤",
          ["我把猫寄养在你们这五天，接回来发现掉了一大块毛，身上还有抓伤！",
           "狗寄养回来瘦了一圈，耳朵后面还有个伤口，你们是怎么照顾的？"],
          "寄养接回来掉了毛还有伤", ["心疼", "气愤", "难过"], "放心交给你们照顾，回来却带着伤",
          "调出寄养期间的监控查清楚原因", ["今天下午4点之前"], "把调查结果告诉您",
          ["三天内"], "赔偿金额要等店长看完监控后再定",
          "会有寄养部负责人联系您",
          "已经安排医生免费给它处理伤口，这次的寄养费也全额退回到您的会员卡了",
          "寄养费退款要店长审批",
          "猫本来就容易应激掉毛，是您家猫性格太敏感了",
          "寄养区是合作方在运营，您得去找他们",
          "保证它身上一根毛都不会再掉"),
        S("化验结果迟迟不出",
          ["血常规说两小时出结果，我在你们大厅等了四个小时了，狗一直在发抖。",
           "化验单交上去一上午了，问了三次都说快了，到底还要等多久？"],
          "化验结果等了四个小时还没出", ["焦急", "着急", "心疼"], "看着它一直发抖却只能干等",
          "去化验室把它的结果优先拿出来", ["15分钟内", "马上"], "让医生给您解读",
          ["一小时后", "今天下班前"], "有几个项目要送外院检测，得等外院出报告",
          "会有化验室的同事通知您",
          "已经去化验室拿到了报告，医生正在看，您直接到3号诊室就行",
          "加急费能不能免要问院长",
          "今天人多，您来的时间不巧",
          "化验是外包实验室做的，慢也不是我们能控制的",
          "保证以后所有化验10分钟出结果"),
    ],
    steps=[
        STEP("小程序里查不到它的化验报告", "显示暂无报告", "重新进小程序刷新", "把小程序关了重新进，刷新了好几次",
             "把小程序关掉重新进去刷新一下", "让化验室把报告直接发到您的微信上"),
        STEP("线上预约疫苗一直提交不了", "提交失败", "换手机预约", "用我老公的手机也试了",
             "换一部手机再提交一次预约", "在医院系统里直接帮您把疫苗号挂上"),
        STEP("医生开的驱虫药它根本不肯吃", "一口都不吃", "拌在罐头里喂", "按你们说的把药拌在罐头里喂了",
             "把药混在它爱吃的罐头里喂", "让医生给它换成滴在后颈的驱虫滴剂"),
    ],
    prefs=[
        PREF("我家狗住院观察三天了，精神好多了，我想接它回家。", "建议再住两天观察，或者您也可以今天办出院。",
             "不想再让它住院了，它在笼子里一直叫，我今天就要接它回家。",
             "再给它续两天住院观察", "给它办出院，医生把回家护理的注意事项写给您"),
        PREF("上次吃的那种进口消炎药效果挺好的。", "那个药现在缺货，可以换成国产的同类药。",
             "我不要换药，它对很多药过敏，就要原来那个进口的。",
             "给它换成国产的同类消炎药", "从总院调原来那款进口消炎药过来"),
        PREF("给我家猫做手术的刘医生手法很好。", "复诊可以约任意一位医生，周医生明天有空。",
             "复诊别给我换医生，我就要原来给它做手术的刘医生。",
             "约周医生明天给它复诊", "约刘医生给它复诊"),
    ],
    deadlines=[
        DL("我{D}要带猫坐飞机回老家，航空公司要健康证明，你们能赶出来吗？", "让医生加急给它做检查", "把健康证明开好给您"),
        DL("它的药{D}就吃完了，复诊的药必须在那之前给我配好。", "让主治医生先在线续方", "把药配好送到您家"),
    ],
    facts=[
        FACT([("c", "我家狗叫{name}，病历号{code}，上周{wd}做的手术，收了{amt}元。"),
              ("a", "好的，我来查一下手术记录。")],
             "查到了吗？账单上的费用明显不对。", "{name}{wd}那台手术的{amt}元账单",
             "把手术账单逐项核对一遍", "把明细发给您",
             dict(name=("pick", ["豆豆", "团子", "可乐", "年糕", "馒头", "旺财"]), code=("code",), wd=("wd",),
                  amt=("amt", 800, 3600))),
        FACT([("c", "我约了{wd}下午{h}点给猫洗澡剪指甲，到了你们说没有预约。"),
              ("a", "非常抱歉，我查一下预约记录。")],
             "我在这儿都等半小时了。", "您约的{wd}下午{h}点的洗护",
             "让美容师先给它洗", "开始", dict(wd=("wd",), h=("h", 2, 5)), fast=["10分钟内", "马上"]),
    ],
    questions=[
        Q([("c", "我家猫做完手术今天能出院吗？"), ("a", "医生看过了，恢复得不错，今天可以出院。")],
          ("那我几点能去接它？", "下午3点医生给它换完药就能接，您3点到4点之间来都可以",
           "应该是下午吧，具体几点要看医生什么时候有空"),
          ("去哪儿接它？住院部在哪？", "住院部在医院后面那栋楼的二楼，从停车场那边的侧门进最近",
           "住院部在医院里面，到了问一下前台就知道了"),
          ("出院一共要结多少钱？", "住院四天加药费一共1860元，押金1000元抵扣后，出院时再付860元",
           "大概一千多吧，具体等结算单出来才知道")),
        Q([("c", "我想给狗做一次全面体检。"), ("a", "可以的，我们有宠物体检套餐。")],
          ("最早什么时候能做？", "明天上午9点还有空位，空腹带它过来，11点前就能出结果",
           "这几天应该都可以，具体要看医生排班"),
          ("在你们哪个院区做？", "体检在滨江院区做，就是人民路88号那家，设备最全",
           "几个院区都能做，您到时候看哪个近"),
          ("全面体检多少钱？", "全套体检680元，今天预约减100元，实付580元",
           "几百块吧，看您选哪些项目")),
    ],
    unavail=[
        UN("我想约张医生给我家狗看看皮肤病。", "张医生这两周在外地参加学术会议，暂时不坐诊。",
           "可我家狗一直是他看的，别人看我不放心啊。",
           "给您约上张医生明天上午的号",
           "给您约皮肤科周主任明天上午10点的号，张医生之前的病历我全部转给她，她会先看完再接诊",
           "先帮您登记，等张医生回来后第一时间通知您"),
        UN("我想给猫做个CT。", "我们这个院区没有CT设备，只能做X光和B超。",
           "那怎么办，医生说必须做CT啊。",
           "明天上午就在我们这个院区给它做CT",
           "帮您预约总院明天上午10点的CT，检查单和病历我提前发过去，您直接去做就行",
           "帮您问一下总院这周哪天有空做CT"),
    ],
    promises=[
        PROM("我家狗的化验报告什么时候能出？", "报告今天下午5点前出来，出来后医生会马上打电话给您。",
             "你们说下午5点前打电话，等到晚上7点一个电话都没有！",
             "昨天你们前台说下午5点前打电话告诉我化验结果，我等到晚上都没人联系。",
             "下午5点前打电话告诉您结果", "帮您登记一下，化验室出了结果就在下午5点前给您打电话",
             "直接找了{B}，半小时内他亲自把报告和医生意见打电话告诉您",
             "再催一下化验室，出了结果就通知您"),
        PROM("上次开的处方粮什么时候到货？", "处方粮周三到货，到了第一时间给您送过去。",
             "说周三送到，今天都周五了，它已经断粮两天了！",
             "上次店员说处方粮周三就送过来，现在都周五了还没见到，猫都断粮了。",
             "周三送处方粮过去", "给您重新下一单处方粮，到货后就给您送过去",
             "已经报给{B}，他从总院调了两袋，今天下午4点前专人送到您家",
             "再帮您催一下供货商，加急处理"),
    ],
)

# -------------------------------- moving ----------------------------------
DOMAINS["moving"] = dict(
    zh="搬家公司",
    dept=["调度中心", "售后组", "客服中心"],
    boss=["调度主管", "售后经理", "分公司经理"],
    pitch=[
        "对了，我们现在有新居开荒保洁服务，搬家客户下单立减80元，要不要一起安排？",
        "顺便推荐一下我们的家具收纳整理服务，今天预约送一次免费上门评估。",
        "另外您要是有旧家电要处理，我们也能高价回收，要不要帮您预约？",
    ],
    code_kind="订单号",
    code=lambda rng: "BJ" + digits(rng, 10),
    addr=addr_home,
    avail=("visit", "售后师傅", ["{T}安排售后师傅上门处理", "我给您约在{T}，师傅上门查看",
                                 "师傅{T}到您家，出发前先联系您"]),
    sit=[
        S("家具没装回",
          ["搬完家师傅把床拆了就走了，说好的安装没人管，我们一家只能睡地上。",
           "衣柜拆开搬过来就扔在客厅，师傅说装要另约时间。"],
          "拆了的家具没给装回去", ["无奈", "恼火", "窝火"], "搬进新家连张床都睡不了",
          "安排安装师傅上门把家具装好", ["今晚8点之前", "3小时内"], "装好",
          ["明天", "明天下午"], "另外安排师傅要等调度排出空档",
          "会有调度中心的同事给您回电话",
          "已经让当天那组师傅返回，他们带着工具在路上了，1小时后到，床和衣柜一起装好",
          "免收二次上门费需要调度主管审批",
          "您下单时没勾选安装服务，师傅拆完就走是正常的",
          "安装是另一个外包团队负责的，跟搬运师傅没关系",
          "保证以后您家所有家具我们都免费装一辈子"),
        S("搬家师傅迟到",
          ["说好早上8点到，现在都10点了车还没来，新房那边物业12点就不让进了！",
           "你们的车迟到两个小时，电话也打不通，我一屋子东西打包好了干等着。"],
          "车迟到两个小时还没来", ["着急", "焦虑", "恼火"], "一屋子东西打包好了却等不来车",
          "从附近调另一台车和师傅过去", ["40分钟内", "11点前"], "赶到您家",
          ["今天下午", "下午两三点"], "附近的车要等调度确认能不能腾出来",
          "会有调度中心的同事给您回电话",
          "已经从离您3公里的站点调了一台车，师傅已经在路上，25分钟后到您楼下",
          "迟到补偿减免费用要调度主管审批",
          "早上路上堵车很正常，您预约的时候就该留点余量",
          "迟到是司机个人的问题，我们也联系不上他",
          "保证以后我们的车一分钟都不会迟到"),
        S("家具被磕坏",
          ["搬完发现我的实木餐桌被磕掉一大块漆，桌腿也松了。",
           "新买的电视搬过来屏幕就裂了，打包时候我看着好好的！"],
          "搬完发现家具被磕坏了", ["心疼", "气愤", "窝火"], "好好的东西搬一趟就坏了",
          "给您登记理赔，安排理赔专员核损", ["今天下午5点之前", "明天中午前"], "给出赔偿方案",
          ["一周内", "5个工作日之内"], "赔多少要等保险公司定损",
          "会有理赔专员联系您",
          "已经给您走了快速理赔，按发票价的维修费用今天就打到您的账户",
          "全额赔偿要分公司经理审批",
          "这个桌子本身就有点旧了，搬动时候受力不均很正常",
          "东西是保险公司负责赔的，您去找他们吧",
          "保证把您家所有旧家具都换成新的",
          photo="损坏的地方"),
        S("临时加价",
          ["到了现场你们师傅说楼梯费要另加500块，下单的时候根本没说！",
           "搬到一半说东西太多要加钱，不加就不搬了，这跟抢钱有什么区别？"],
          "到了现场临时加价", ["气愤", "窝火", "委屈"], "下单时说好的价钱到了现场又要加",
          "按下单时的报价执行，让师傅继续搬", ["5分钟内", "10分钟内"], "把多收的取消掉",
          ["今天之内"], "已经多付的钱要等售后核实后才能退",
          "会有售后同事打电话联系您",
          "已经跟现场师傅沟通好了，按订单原价搬，多收的500元也退回您付款账户了",
          "退还加价的钱要售后经理签字",
          "您下单时填的楼层和物品数量跟实际不符，加钱是合理的",
          "加价是师傅个人要的，跟公司没关系",
          "给您以后所有的搬家全部免费"),
        S("物品丢失",
          ["搬完家清点发现少了一个箱子，里面都是我孩子的证件和奖状。",
           "我有两箱书没送到新家，师傅说全卸完了，可就是找不到。"],
          "搬完少了一箱东西", ["着急", "担心", "慌"], "箱子里都是要紧的东西",
          "联系当天的师傅和车辆，把车厢和仓库都查一遍", ["今天下午3点之前", "2小时内"], "给您回复查找结果",
          ["明天", "三天内"], "要等师傅回仓库清点才能确定",
          "会有售后的同事给您回电话",
          "已经找到了，箱子落在车厢最里面，师傅正在给您送过去，半小时后到",
          "丢失赔付要分公司经理审批",
          "会不会是您自己打包的时候就没装上车？",
          "那天是外包师傅搬的，我们公司也不好找",
          "保证您丢的东西百分之百找得回来"),
    ],
    steps=[
        STEP("约好的搬家师傅联系不上", "没人接", "给司机打电话", "给司机打了五六个电话",
             "再给司机打个电话问问位置", "通过车载定位查到车的位置并直接调度"),
        STEP("小程序里改不了搬家时间", "提示修改失败", "重新提交修改", "改了三次时间，每次都提交了",
             "重新提交一次时间修改", "在调度系统里直接帮您改好时间"),
        STEP("订单一直显示待派单", "没有师傅接单", "取消重下", "把订单取消后又重新下了一次",
             "把订单取消重新下一单", "让调度直接给您指派一位师傅"),
    ],
    prefs=[
        PREF("我的餐桌搬坏了。", "可以给您一张300元的代金券，下次搬家直接用。",
             "我这辈子都不会再搬家了，不要代金券，直接赔钱。",
             "给您发一张300元的代金券", "按维修报价给您现金赔付"),
        PREF("昨天搬家时柜门被撞坏了。", "我们可以派师傅上门修，或者按价赔偿。",
             "不用派人来修了，上次你们的人修东西越修越坏，直接按价赔给我。",
             "派师傅上门帮您修柜门", "按柜门的价格直接赔付给您"),
        PREF("下周我要改一下搬家日期。", "好的，可以改到周六或者周日。",
             "周末我绝对不搬，楼里周末不让装修施工，只能改到工作日。",
             "把搬家改到这周六", "把搬家改到下周三"),
    ],
    deadlines=[
        DL("我{D}必须把老房子的钥匙交给房东，东西得在那之前全部搬走。", "给您加派一台车和两个师傅", "把东西全部搬完"),
        DL("新房{D}要交给装修队，家具必须在那之前从仓库送过去。", "让仓库提前出库装车", "把家具送到新房"),
    ],
    facts=[
        FACT([("c", "订单{code}，我搬家那天少了{n}个箱子，里面是书和相册。"),
              ("a", "抱歉，我马上联系当天的师傅核实。")],
             "核实得怎么样了？", "订单{code}少的{n}个箱子",
             "让师傅和仓库一起查找", "给您回复结果", dict(code=("code",), n=("n", 1, 4))),
        FACT([("c", "我{md}搬的家，从{frm}搬到{to}，你们收了我{amt}元，比报价多了一倍。"),
              ("a", "好的，我调一下这单的记录。")],
             "调出来没有？", "{md}从{frm}到{to}、收费{amt}元",
             "核对报价和实收的差额", "把多收的部分退给您",
             dict(md=("md",), frm=("pick", ["锦绣华庭", "南山小区", "梧桐里"]), to=("pick", ["香樟苑", "星河湾", "枫林湾"]),
                  amt=("amt", 1200, 3800))),
    ],
    questions=[
        Q([("c", "我的餐桌搬坏了要理赔。"), ("a", "好的，理赔申请已经受理。")],
          ("赔偿款什么时候能到？", "理赔专员今天下午定损，确认后赔偿款明天下午5点前打到您的账户",
           "一般一周左右，要看保险公司的进度"),
          ("要我把桌子送去哪里检测吗？", "不用送，理赔专员今天下午3点上门看，就在您家里定损",
           "可能要送检，也可能上门，我再确认一下"),
          ("能赔多少钱？", "按您发票上的2400元和八成新折算，赔付1920元，维修期间还补您200元",
           "大概能赔一部分，具体要看定损")),
        Q([("c", "我想预约下周搬家。"), ("a", "好的，我帮您登记。")],
          ("师傅几点能到？", "下周六早上8点师傅到您楼下，提前半小时给您打电话",
           "应该是上午，具体要看当天的安排"),
          ("车停在哪儿装货？", "车停在您小区东门的临时装卸区，我已经跟物业报备了",
           "到时候师傅会找地方停，您不用管"),
          ("一共要多少钱？", "两室一厅、6公里、有电梯，总价980元，包含拆装床和打包材料，不会再加",
           "估计一千左右，到现场再看")),
    ],
    unavail=[
        UN("我想约这周六搬家。", "这周六所有车辆都已经排满了。",
           "我房子周六就到期了，不搬就得多交一个月房租！",
           "给您把这周六上午的车安排上",
           "给您约周五晚上7点搬，当晚搬完，不耽误周六交房，夜间费我帮您免了",
           "帮您登记周六的候补，有人取消就通知您"),
        UN("我想要那种带升降尾板的大车。", "我们这边目前没有带尾板的车型。",
           "那我的钢琴怎么搬？楼下台阶很高。",
           "给您调一台带尾板的大车过来",
           "给您安排钢琴搬运专组，4个师傅配专用滑轨和吊带，下周二上午上门，保证钢琴不受力",
           "帮您问问合作公司有没有尾板车"),
    ],
    promises=[
        PROM("我的餐桌磕坏了怎么办？", "已经登记了，明天上午理赔专员会给您打电话定损。",
             "说好昨天上午打电话，到今天下午了还没人联系我。",
             "上次客服说第二天上午有理赔专员联系我，我等到今天都没人打电话。",
             "上午理赔专员给您打电话", "帮您新登记一个理赔，明天上午理赔专员会联系您",
             "已经把这单交给{B}亲自负责，他1小时内亲自打给您，今天就把赔偿方案定下来",
             "再给您催一下理赔专员，标成加急"),
        PROM("少的那个箱子找到了吗？", "正在找，今天傍晚6点前一定回复您。",
             "说下午6点前回复，这会儿都晚上9点了，我孩子的证件到底在哪儿？",
             "昨天客服说下午6点前告诉我箱子找没找到，结果一直没消息。",
             "下午6点前回复箱子的下落", "重新帮您提交一个物品查找工单，明天下午6点前回复您",
             "已经上报给{B}，他正在亲自调仓库监控，今晚10点前给您准信",
             "再帮您催一下仓库，有消息就告诉您"),
    ],
)

# ---------------------------- concert tickets -----------------------------
DOMAINS["concert_tickets"] = dict(
    zh="演出票务",
    dept=["票务中心", "主办方对接组", "售后组"],
    boss=["票务主管", "客服经理", "项目负责人"],
    pitch=[
        "对了，下个月还有一场音乐节正在预售，现在买早鸟票能省120元，要不要帮您锁一张？",
        "顺便推荐一下我们的年度会员，开通后每场演出都能提前24小时抢票。",
        "另外这场演出的官方周边正在热卖，荧光棒加应援扇套装只要69元。",
    ],
    code_kind="订单号",
    code=lambda rng: digits(rng, 13),
    addr=None,
    avail=("call", "票务专员", ["{T}我给您打电话，把处理结果说清楚", "我约在{T}给您回电话",
                               "{T}票务专员会准时给您打电话"]),
    sit=[
        S("退款迟迟不到",
          ["演出取消都两周了，票款一直没退回来，问了三次都说在处理。",
           "退票成功的短信早就收到了，可钱一直没到账。"],
          "演出取消两周了票款还没退", ["着急", "无奈", "窝火"], "钱压在平台上两个星期没个准信",
          "查清楚您这笔退款卡在哪一步", ["1小时内", "今天下午5点之前"], "告诉您准确的到账时间",
          ["3个工作日之内", "这周内"], "退款要等主办方把款项结回平台",
          "会有售后专员给您回电话",
          "已经查到是退款被银行退回了，我改成退到您的平台余额，现在就能提现",
          "先由平台垫付退款需要客服经理审批",
          "是不是您绑定的银行卡换过了？您自己先查一下",
          "钱在主办方那里，我们平台也拿不到",
          "保证以后您的退款一秒钟到账"),
        S("电子票不显示",
          ["演唱会今晚就开场了，我的电子票在App里一直显示“出票中”！",
           "付款都两天了，订单里还是看不到票，入场码也没有。"],
          "付了钱电子票一直不出", ["着急", "焦虑", "担心"], "眼看就要开场了票还没出来",
          "找出票系统把您的票手动出出来", ["半小时内", "下午4点前"], "让入场码显示在订单里",
          ["开场前1小时", "今天傍晚"], "要等主办方那边确认座位才能出票",
          "会有票务专员给您回电话",
          "已经给您手动出票了，入场码刚刚推送到您的订单页，您刷新一下就能看到",
          "给您换成纸质票要票务主管审批",
          "您是不是网不好？别人的票都显示正常",
          "出票是主办方的系统，我们只是代售平台",
          "保证您以后买的每一场票都秒出",
          shot="订单页面"),
        S("演出延期无法退票",
          ["演出临时延期了，新日期我去不了，你们还说不能退票！",
           "我为了这场演出特地请的假订的酒店，现在说改期又不给退，太过分了。"],
          "演出延期了却不给退票", ["失望", "气愤", "委屈"], "特地请假订了酒店，演出却说改就改",
          "为您申请延期演出的全额退票", ["今天下班前", "今晚8点之前"], "把退票申请提交上去",
          ["5个工作日之内", "一周内"], "延期退票要等主办方批准名单",
          "会有售后专员给您打电话",
          "已经帮您退了票，票款全额原路退回，3小时内到账，手续费也免了",
          "连同手续费一起退要主办方审批",
          "购票须知里写了演出变动不退不换，您下单时勾选同意了的",
          "退不退是主办方说了算，我们平台也没办法",
          "会把您订酒店请假的损失全部赔给您"),
        S("座位和购买的不一致",
          ["我买的是内场前排，结果票上是看台最后一排，这差了多少钱！",
           "花了1280买的票，到场一看座位在柱子后面，什么都看不见。"],
          "买的前排到手却是后排", ["失望", "窝火", "气愤"], "花了好价钱却坐在看不见的位置",
          "联系现场票务给您调到对应价位的座位", ["开场前", "20分钟内"], "把新座位安排好",
          ["中场休息时", "开场后半小时内"], "差价怎么退要等主办方核对座位图",
          "会有票务主管给您打电话",
          "已经跟现场票务换好了，您到B口服务台报手机号就能换成内场8排的票",
          "退还差价需要主办方审批",
          "座位是系统随机分配的，您下单时就该看清楚",
          "座位图是主办方给的，有问题您找主办方吧",
          "保证以后给您的都是第一排",
          photo="票面上的座位号"),
        S("黄牛票被拒入场",
          ["在你们平台转让区买的票，到门口说是无效票，我和女朋友被挡在外面！"],
          "在平台转让区买的票到门口说无效", ["难堪", "气愤", "失望"], "人到了门口却被挡在外面",
          "核实这张转让票的流转记录，先给您安排现场补票", ["10分钟内", "马上"], "让您进场",
          ["开场后半小时内", "20分钟后"], "转让区的责任要等风控核查卖家后才能定",
          "会有风控组的同事联系您",
          "已经在现场给您补了两张同区的票，凭身份证到C口直接进",
          "垫付补票的钱需要客服经理审批",
          "转让区本来就有风险，您买的时候就应该想到",
          "票是卖家卖给您的，您去找卖家吧",
          "保证您以后在平台买的每张票都绝对没问题"),
    ],
    steps=[
        STEP("App里的电子票打不开", "一直转圈", "重新登录", "退出账号又重新登录了",
             "退出账号再登录一次", "把电子票直接以短信形式发到您手机上"),
        STEP("转赠门票给朋友一直失败", "提示转赠失败", "更新App", "把App更新到最新版本了",
             "把App更新到最新版本再试", "在后台直接帮您把票转到您朋友的账号"),
        STEP("实名信息提交不上", "提示校验失败", "重新填写身份证", "把身份证号删了重新填了三遍",
             "把身份证号重新填一遍", "让审核同事人工帮您核验实名信息"),
    ],
    prefs=[
        PREF("演出延期了，我去不了。", "可以给您保留到新的场次，或者换成下个月同一位歌手的另一场。",
             "我不换场次也不保留，我只要退票。",
             "把您的票换到下个月的另一场", "给您办理全额退票"),
        PREF("我的票座位有问题。", "可以给您换座位，或者补偿一张优惠券。",
             "优惠券我用不上，别给我优惠券，就把座位换到我买的那个区。",
             "给您发一张200元的优惠券作为补偿", "把座位换到您买的内场区域"),
    ],
    deadlines=[
        DL("演出{D}就开场了，我的票到现在还没出！", "找出票系统给您手动出票", "让入场码出现在您的订单里"),
        DL("我{D}就要出发去外地看演出，纸质票得在那之前寄到我手上。", "安排同城闪送给您送票", "把纸质票送到您手上"),
    ],
    facts=[
        FACT([("c", "订单{code}，我买了{n}张{area}的票，一共{amt}元，演出取消了要退款。"),
              ("a", "好的，我查一下这个订单。")],
             "退款怎么还没动静？", "订单{code}的{n}张{area}票、共{amt}元",
             "给您办理全额退款", "把钱原路退回",
             dict(code=("code",), n=("n", 2, 5), area=("pick", ["内场A区", "看台B区", "VIP区", "二层看台"]),
                  amt=("amt", 800, 5600))),
        FACT([("c", "我的座位是{seat}，到了发现有人坐着，他的票也是这个座。"),
              ("a", "您稍等，我马上联系现场。")],
             "快开场了，我站在过道上呢。", "{seat}这张重复的座位",
             "让现场工作人员过来核对两张票", "给您安排好座位", dict(seat=("seat",)), fast=["5分钟内", "马上"]),
    ],
    questions=[
        Q([("c", "演出取消了，我的票怎么办？"), ("a", "演出取消的票会全额退款。")],
          ("票款哪天能回到我账上？", "退款今天统一发起，3到5个工作日回到原支付账户，最晚下周五前到账",
           "应该会退，时间要看主办方什么时候放款"),
          ("要我去哪里办退票？", "不用去任何地方，系统会自动退，您在App订单页就能看到退款进度",
           "可能要去线下网点，我再确认一下"),
          ("能退多少？手续费扣吗？", "演出取消是全额退，您付的1160元一分不少，手续费也不扣",
           "大部分能退，手续费要看主办方规定")),
        Q([("c", "我想取纸质票。"), ("a", "可以的，我们有线下取票点。")],
          ("几点能取？", "演出当天下午1点开始取票，一直到开场前半小时",
           "当天应该都可以，具体看现场安排"),
          ("取票点在哪儿？", "取票点在体育馆北门外的票务亭，就在地铁C出口对面",
           "在体育馆附近，到了问一下工作人员"),
          ("取纸质票要额外交钱吗？", "现场取票免费，只有选快递寄送才收12元运费",
           "好像要收一点费用，我查一下")),
    ],
    unavail=[
        UN("我想买两张内场的票。", "很抱歉，这场的内场票已经全部售罄了。",
           "我们专门从外地过来的，一张内场都没有了吗？",
           "帮您抢到两张内场票，今晚就出票",
           "看台一层正对舞台的连座还有，我帮您锁两张，10分钟内付款就能出票，视野不比内场差",
           "帮您登记内场的候补，有退票就通知您"),
        UN("我想改签到明天那场。", "这场演出按主办方规定不支持改签。",
           "那我今天去不了，票就作废了？",
           "帮您把票改签到明天那场",
           "在转让区帮您挂原价转让，有人买了全额退给您，今晚8点前把挂出链接发您",
           "帮您问一下主办方有没有特殊政策"),
    ],
    promises=[
        PROM("我的票怎么还没出？", "今天傍晚6点前保证把票出给您。",
             "说好下午6点前出票，现在7点多了还是“出票中”，还有一小时就开场了！",
             "下午客服说6点前给我出票，现在都快开场了还是没有票。",
             "下午6点前出票", "重新给您提交出票申请，开场前尽快出",
             "直接找了{B}，他现在亲自给您手动出票，15分钟内入场码推到您手机上",
             "再给出票系统提一次加急"),
        PROM("退票什么时候到账？", "退款受理好了，3个工作日之内原路返回。",
             "3个工作日早过了，都第八天了一分钱没看到！",
             "上周客服说3个工作日退款到账，现在第八天了还没收到。",
             "3个工作日内退款到账", "重新给您走一次退款，3个工作日之内到账",
             "已经报给{B}，今天下午5点前走人工打款，到账截图我发给您",
             "再给财务催一次，标成加急"),
    ],
)

# ------------------------------- car repair --------------------------------
def plate(rng):
    return (pick(rng, ["粤B", "沪A", "浙A", "苏E", "川A", "京N"]) + "·" + pick(rng, "ABCDEFGHJKLMN")
            + digits(rng, 3, False) + pick(rng, "ABCDEFGHJKLMN") + digits(rng, 1, False))


DOMAINS["car_repair"] = dict(
    zh="汽车维修",
    dept=["维修车间", "服务顾问", "配件部"],
    boss=["售后经理", "车间主任", "站长"],
    pitch=[
        "对了，我们店这个月做全车镀晶只要699元，您这次保养可以顺便做一下。",
        "顺便给您推荐我们的保养套餐，一次买四次能省800多。",
        "另外您的轮胎也快该换了，现在买四条送一次四轮定位，要不要先订上？",
    ],
    code_kind="车牌号",
    code=plate,
    addr=None,
    avail=("appt", "技师", ["给您约在{T}到店，技师提前备好工位", "{T}的工位我给您留好了，到了直接开进车间",
                           "我把您的检查安排在{T}，车间主任亲自接车"]),
    sit=[
        S("底盘异响",
          ["车开起来底盘咯噔咯噔响，上个月刚在你们这换的减震。",
           "过减速带的时候前面一直有异响，你们上次说没问题。"],
          "刚换完减震底盘就有异响", ["担心", "心烦", "不安"], "刚修过的车开起来总有怪声",
          "安排技师给您做一次底盘检查", ["今天下午", "明天上午"], "查出异响的原因",
          ["这周内", "下周"], "如果是减震本身的质量问题，要等厂家鉴定",
          "会有服务顾问给您回电话",
          "已经给您约好了底盘专项检查，主修技师专门留了工位，检查和返修都不收费",
          "返修期间给您配代步车需要售后经理批",
          "您是不是经常走烂路？减震磨损快很正常",
          "减震是厂家的配件，有问题找厂家",
          "保证这辆车以后开到报废都不会有一点异响"),
        S("修完故障灯又亮",
          ["上周刚在你们这修完发动机故障灯，今天开上高速又亮了！",
           "花了三千多修的，开了不到两百公里又出同样的问题。"],
          "刚修完没几天故障灯又亮了", ["窝火", "担心", "失望"], "花了钱修完没几天又出同样的问题",
          "让上次修车的技师重新给您做全车检测", ["今天下午", "2小时内"], "查出原因",
          ["明天", "这周内"], "要是零件有问题，得等厂家鉴定后才能定责任",
          "会有服务顾问给您回电话",
          "已经在系统里给您开了免费返修单，道路救援车也派出去了，40分钟后到您那儿",
          "返修期间给您配代步车需要售后经理批",
          "您平时是不是加了不合格的油？这个问题很多车主都是油品导致的",
          "零件是厂家的，质量问题要找厂家",
          "保证这辆车以后再也不会亮任何故障灯"),
        S("保养多收费",
          ["做个小保养，结账时多出了一个“节气门清洗”，我根本没同意做！",
           "说好的保养套餐598，结账变成了1100多，全是我没点的项目。"],
          "没同意的项目被加进了账单", ["气愤", "憋屈", "窝火"], "没经过同意就多收了钱",
          "把您没签字同意的项目从账单上撤掉", ["5分钟内", "10分钟内"], "把多收的钱退给您",
          ["三个工作日之内"], "已经做了的项目怎么退要等售后经理核对施工单",
          "会有服务顾问给您打电话",
          "已经把两个没签字的项目撤掉了，多收的526元刚刚原路退回您的卡",
          "退已施工项目的钱要售后经理签字",
          "项目单您当时签了字，说明您是同意的",
          "这是技师自己加的项目，我们前台也不知道",
          "给您以后在店里的所有保养全部免费"),
        S("修车超期",
          ["说好三天修好，现在都第九天了，我天天打车上班！",
           "车放你们那两个礼拜了，每次问都说等配件，到底哪天能提车？"],
          "说好三天修好现在拖了九天", ["着急", "无奈", "恼火"], "车一直修不好，每天只能打车上班",
          "去配件部查清楚配件的物流", ["今天下午4点之前", "今晚前"], "给您确切的提车时间",
          ["下周", "三五天"], "配件要等厂家从外地调货",
          "会有服务顾问给您回电话",
          "已经从兄弟门店调到了配件，技师正在装，明天中午前您就能提车，这几天的打车费我们报销",
          "报销打车费需要站长审批",
          "车型比较冷门，配件慢也是正常的，您理解一下",
          "配件是厂家发的，慢是厂家的问题",
          "保证明天早上8点前把车修得跟新车一样"),
        S("车辆被刮伤",
          ["来保养一趟，取车时发现右后门多了一道长长的划痕！",
           "车停在你们店里一晚上，今天发现后保险杠被撞凹了。"],
          "保养取车时发现车被刮了", ["气愤", "心疼", "窝火"], "好好的车送进来出去就多了一道伤",
          "调车间监控查清楚是哪个环节刮的", ["1小时内", "今天中午前"], "给您结果",
          ["明天"], "维修费用谁出要等保险公司定损",
          "会有车间主任给您打电话",
          "已经看了监控，确实是挪车时刮的，钣喷车间现在就给您修，免费，下午5点前交车",
          "免费修复加送一次精洗需要站长审批",
          "这道划痕可能是您来之前就有的",
          "挪车的是外包洗车工，您找他们吧",
          "保证您的车以后不会再有一道划痕",
          photo="车身受损的地方"),
    ],
    steps=[
        STEP("胎压报警灯一直亮", "灯还亮着", "熄火重启", "熄火重新打了好几次火",
             "熄火后再重新启动一次", "让救援师傅带胎压检测仪过去给您检查"),
        STEP("钥匙遥控锁不了车", "锁不上", "换电池", "把钥匙电池换了块新的",
             "把钥匙里的电池换一块新的", "安排技师给您重新匹配钥匙"),
        STEP("中控屏黑屏了", "屏幕黑着", "长按电源键重启", "长按电源键重启了两次",
             "长按中控的电源键十秒重启一下", "安排技师给您远程刷一下系统，不行就上门检查"),
    ],
    prefs=[
        PREF("我的刹车片要换了。", "原厂件要等一周，我们可以先给您换副厂件。",
             "我不要副厂件，刹车是保命的，就要原厂的。",
             "先给您换上副厂刹车片", "给您订原厂刹车片，到货后马上换"),
        PREF("我的车在你们这修了两周还没好。", "我们可以给您配一台代步车先用着。",
             "代步车我不要，我又不会开别的车，你们直接把修车进度提上来。",
             "给您安排一台代步车先开着", "让车间主任把您的车排到最前面优先修"),
        PREF("保养完车被刮了。", "我们在店里给您补漆，或者给您一次免费保养做补偿。",
             "免费保养我不要，你们的补漆我也不放心，去我指定的4S店修，钱你们出。",
             "给您送一次免费保养", "按您指定的4S店的报价承担修复费用"),
    ],
    deadlines=[
        DL("我{D}要开车回老家，车必须在那之前修好。", "把您的车排到车间最前面", "把车修好交给您"),
        DL("车{D}要年检，你们换的大灯得在那之前装好。", "让配件部加急调大灯", "给您装好"),
    ],
    facts=[
        FACT([("c", "我的车牌是{code}，{md}送来修变速箱，报价{amt}元。"), ("a", "好的，我查一下您车的维修单。")],
             "查到了吗？结账怎么变成了别的价。", "{code}这台车{amt}元的变速箱报价",
             "按原报价给您重新出结算单", "发到您手机上",
             dict(code=("code",), md=("md",), amt=("amt", 2800, 9600))),
        FACT([("c", "我的车停在你们{area}的{n}号车位，现在找不到了！"), ("a", "您别急，我马上联系车间。")],
             "到底车在哪儿？", "停在{area}{n}号车位的那辆车",
             "让车间查一下车辆的挪动记录", "告诉您车的位置",
             dict(area=("pick", ["A区", "B区", "地下一层", "洗车区旁边"]), n=("n", 3, 40)),
             fast=["10分钟内", "15分钟内"]),
    ],
    questions=[
        Q([("c", "我的车修好了吗？"), ("a", "修好了，刚做完最后的路试。")],
          ("我几点能来提车？", "今天下午3点以后随时可以提，我们一直到晚上7点都有人",
           "今天应该能提，具体等服务顾问通知"),
          ("车停在哪儿？我去哪里提？", "车停在店门口的交车区3号位，您到前台报车牌就能拿钥匙",
           "车在店里，到了问一下就知道了"),
          ("最后要付多少钱？", "换离合片加工时一共2360元，之前付的500元定金已经抵扣，再付1860元",
           "两千多吧，结算单出来就知道了")),
        Q([("c", "我的车要做个大保养。"), ("a", "好的，可以预约。")],
          ("最快什么时候能做？", "明天上午9点有工位，上午送来，下午4点前就能做完",
           "这两天应该都行，要看工位"),
          ("是去你们哪家店做？", "在高新区那家店做，地址是科技路18号，门口就能停车",
           "几家店都可以，您看哪个方便"),
          ("大保养多少钱？", "您这款车大保养是1280元，含机油机滤空滤和全车检查",
           "一千多吧，具体看要换哪些件")),
    ],
    unavail=[
        UN("我想换原厂的大灯总成。", "您这款车的原厂大灯总成厂家已经停产了。",
           "那我的车大灯坏着怎么上路？",
           "给您订一个原厂大灯总成，下周就到",
           "给您找到了原厂授权的同规格替代件，今天下午就能装好，质保两年，跟原厂一样",
           "先帮您问问二手原厂件的渠道"),
        UN("我想今天把车放你们那过夜。", "我们门店晚上9点关门，车间不能留车过夜。",
           "我明天一早出差，车放哪儿啊？",
           "今晚给您把车留在车间里过夜",
           "今晚9点前给您把车送到离您家最近的合作停车场，停车费我们出，明早7点开到您楼下",
           "帮您问一下附近的停车场能不能代存"),
    ],
    promises=[
        PROM("我的车什么时候能修好？", "周三下午5点前保证把车交给您。",
             "说周三交车，今天都周五了，又跟我说配件没到！",
             "上次服务顾问说周三下午一定交车，现在周五了还没修好。",
             "周三下午交车", "重新给您排个维修计划，这周内交车",
             "已经把这件事报给{B}，他从兄弟店调了配件，明天中午12点前交车，这几天的打车费我们报",
             "再给配件部催一次，标成加急"),
        PROM("划痕的事怎么处理？", "明天上午11点前给您答复赔偿方案。",
             "说好11点前给答复，拖到下午4点还没消息，是不是想糊弄过去？",
             "上次你们说第二天上午11点前给我划痕的赔偿方案，到现在都没人找我。",
             "上午11点前给答复", "帮您重新登记一下划痕的情况，明天上午给您答复",
             "已经报给{B}，他半小时内亲自给您打电话，把赔偿方案当面说定",
             "再帮您催一下，争取尽快给答复"),
    ],
)

# ------------------------------- insurance ---------------------------------
DOMAINS["insurance"] = dict(
    zh="保险理赔",
    dept=["理赔部", "核赔组", "查勘组"],
    boss=["理赔主管", "核赔经理", "分公司理赔负责人"],
    pitch=[
        "对了，您这个情况其实很适合加一份我们新出的百万医疗险，每月才几十块，要不要看看？",
        "顺便提一句，车险续保现在有优惠，提前续保能打八五折，需要的话我帮您报个价。",
        "另外我们有一款少儿重疾险在做活动，给孩子配一份挺划算的。",
    ],
    code_kind="报案号",
    code=lambda rng: "BA" + digits(rng, 10),
    addr=addr_home,
    avail=("call", "理赔专员", ["{T}理赔专员给您打电话，把进度说清楚", "我约在{T}给您回电话",
                               "{T}我亲自打给您，把处理方案讲明白"]),
    sit=[
        S("理赔材料反复补交",
          ["理赔的材料前前后后交了三次，回回说缺一样，就不能一口气讲明白吗？",
           "住院的理赔拖了一个多月，今天又让我补一张发票复印件。"],
          "理赔材料被要求反复补交", ["心烦", "无奈", "窝火"], "来来回回补了三次材料",
          "把您的案子转成专人处理，一次性核对所有材料", ["今天下午5点之前", "2小时内"], "把缺的材料清单一次发给您",
          ["3个工作日之内", "下周"], "最后能不能赔，要等核赔组审完",
          "会有理赔专员给您回电话",
          "已经核对完了，材料是齐的，这次不用您再补任何东西，案子今天已经进入打款环节",
          "免掉复印件改用电子发票要核赔经理批准",
          "每次都是您自己交的材料不全，流程本来就是这样",
          "这是核赔组的要求，我们客服也没办法",
          "保证您这次和以后所有的理赔全部当天到账",
          shot="材料提交记录"),
        S("车损定损价太低",
          ["我的车被追尾，修理厂报价八千，你们定损只给三千，怎么修？",
           "定损员看了五分钟就走了，给的价连换个保险杠都不够。"],
          "定损价比修理报价低太多", ["气愤", "委屈", "失望"], "车被撞了还要自己贴钱修",
          "安排另一位查勘员重新上门复勘", ["今天下午", "明天上午10点前"], "出复勘结果",
          ["一周内"], "能不能按修理厂报价赔，要等核价中心审核",
          "会有定损主管联系您",
          "已经按修理厂的报价重新核价通过了，8000元的维修款直接结给修理厂，您不用垫钱",
          "按修理厂报价全额赔付需要核赔经理签字",
          "您选的修理厂本来就贵，我们按市场价赔没问题",
          "定损是第三方公估公司做的，您去找他们",
          "会把您这辆车修到比新车还好",
          photo="车损部位"),
        S("医疗理赔被拒",
          ["我买了三年的医疗险，住院报销你们说是既往症不赔，我投保前根本没这病！",
           "拒赔通知就一句话，也没说清楚依据，我每年按时交保费图什么？"],
          "住院报销被说成既往症拒赔", ["委屈", "气愤", "寒心"], "按时交了三年保费却被拒赔",
          "把您的案子提交复议，调取您投保前的体检记录", ["今天之内", "明天中午前"], "启动复议",
          ["10个工作日之内"], "复议结果要等医学审核组出意见",
          "会有核赔组的同事联系您",
          "已经复核完了，您的病确实是投保后才发现的，拒赔撤销，12600元今天就会打到您卡上",
          "撤销拒赔需要核赔经理签字",
          "您投保时健康告知没填清楚，这是您自己的责任",
          "拒赔是系统自动判定的，我们也改不了",
          "保证您以后所有的病都能全额报销"),
        S("理赔款迟迟不到",
          ["理赔审核都通过半个月了，钱还没到账，医院催我交钱了。",
           "短信说已结案，可我卡上一分钱都没收到。"],
          "审核通过半个月了理赔款还没到", ["着急", "焦虑", "无奈"], "医院在催费，钱却迟迟不到",
          "查清楚这笔理赔款卡在哪个环节", ["1小时内", "今天中午前"], "给您准确答复",
          ["3个工作日之内"], "打款要等财务月中统一批量处理",
          "会有理赔专员给您回电话",
          "已经查到了，是银行卡号多了一位导致退票，我改好后重新打款了，今天下午3点前到账",
          "加急单独打款需要理赔主管审批",
          "可能是您留的银行卡有问题，您自己先去银行查查",
          "钱早就打出去了，银行慢我们也没办法",
          "保证以后您的理赔款全部一小时内到账"),
    ],
    steps=[
        STEP("理赔App上传材料总是失败", "提示上传失败", "重新上传", "换成WiFi重新上传了好几次",
             "连上WiFi重新上传一次", "开通人工通道，让您把材料直接发到理赔专员的邮箱"),
        STEP("电子保单下载不了", "下载失败", "换浏览器", "换了两个浏览器下载",
             "换一个浏览器再下载", "把电子保单直接发到您的邮箱"),
        STEP("App里看不到报案进度", "显示无记录", "重新绑定保单", "把保单解绑又重新绑定了",
             "把保单解绑后重新绑定一下", "在系统里手动把报案记录关联到您的账户"),
    ],
    prefs=[
        PREF("我的车撞了，要走理赔。", "可以去我们合作的修理厂，直赔不用您垫钱。",
             "合作修理厂我信不过，我要去4S店修。",
             "把您的车安排到合作修理厂", "按4S店修车的方式给您走理赔"),
        PREF("我的手机屏碎了，买了碎屏险。", "可以给您换一台同型号的翻新机，或者寄修。",
             "我不要翻新机，就要原机修好。",
             "给您换一台同型号的翻新机", "安排原机寄修"),
    ],
    deadlines=[
        DL("医院要我{D}前交住院押金，理赔的钱必须在那之前到。", "把您的理赔转入加急通道", "把理赔款打到您卡上"),
        DL("修理厂{D}要我提车结账，定损单得在那之前出。", "安排查勘员加急出定损单", "把定损单发给修理厂"),
    ],
    facts=[
        FACT([("c", "报案号{code}，我{md}住的院，医疗费一共{amt}元。"), ("a", "好的，我查一下这个案子。")],
             "查到了吧？到底赔不赔？", "报案号{code}、{amt}元的医疗费",
             "把您的案子加急送审", "给您审核结论",
             dict(code=("code",), md=("md",), amt=("amt", 3000, 48000))),
        FACT([("c", "我{md}在{road}被追尾，对方全责，我的车牌是{plate}。"), ("a", "收到，我帮您调一下报案记录。")],
             "你们的查勘员什么时候来？", "{md}在{road}的那起追尾",
             "安排查勘员上门定损", "到现场",
             dict(md=("md",), road=("pick", ["中山路", "建设大道", "滨江路", "解放路"]), plate=("plate",))),
    ],
    questions=[
        Q([("c", "我的住院理赔审核通过了吗？"), ("a", "已经审核通过了。")],
          ("这笔钱哪天能进我卡里？", "理赔款今天下午已经发起支付，明天中午12点前会到您尾号的那张卡",
           "大概几天吧，具体要看银行的速度"),
          ("钱会打到哪张卡上？", "会打到您报案时登记的工商银行那张卡，就是尾号6621的",
           "一般是打到您登记的卡上，我再确认一下"),
          ("最后能赔多少？", "医疗费15800元，扣掉1万元免赔额和自费药，最终赔付4620元",
           "大概能赔一部分，具体看结算单")),
        Q([("c", "我的车要定损。"), ("a", "好的，我帮您安排。")],
          ("查勘员什么时候到？", "查勘员已经出发，下午2点前到您登记的修理厂",
           "今天应该会有人去，具体时间不好说"),
          ("我要把车开到哪里定损？", "不用开去别处，直接停在您现在的修理厂，查勘员过去看",
           "可能要去定损中心，我问一下"),
          ("这次理赔会影响我明年保费吗？", "这次对方全责，走对方保险，您明年的保费不受影响",
           "可能会涨一点，具体看续保时候的政策")),
    ],
    unavail=[
        UN("我想在你们的保单上加一个附加险。", "很抱歉，您这张保单上个月已经退保了。",
           "我退保了？那我这次住院怎么办？",
           "按原来那张保单给您把这次住院赔了",
           "这次住院在退保之后，原保单确实赔不了。我帮您查了，您单位的团险能报，今天下午帮您把材料转过去",
           "帮您看看还有没有别的保单能报"),
        UN("我想让你们直接派代步车。", "您这张保单没有投保代步车服务。",
           "那修车这一周我怎么上班？",
           "给您派一台代步车先开一周",
           "保单里有每天100元的交通补贴，修车期间的打车费凭票报销，我今天就把报销方式发给您",
           "帮您问问能不能特批"),
    ],
    promises=[
        PROM("我的理赔什么时候结案？", "材料齐了，本周五前一定结案。",
             "说好周五结案，今天都下周二了，还是审核中！",
             "上次理赔专员说周五前结案，到现在都下周二了还是审核中。",
             "周五前结案", "重新帮您提交一次审核，本周五前结案",
             "已经把案子交给{B}亲自审，今天下午5点前结案打款，到账后我短信告诉您",
             "再给核赔组催一次，标成加急"),
        PROM("定损员什么时候来？", "明天上午10点查勘员会到修理厂定损。",
             "说好上午10点来定损，修理厂等到下午也没见人，车就停在那占着工位。",
             "上次客服说第二天上午10点查勘员到修理厂，结果等了一天都没人来。",
             "上午10点到修理厂定损", "帮您重新安排一次查勘，明天上午10点到修理厂",
             "已经报给{B}，他调了一位查勘员，1小时内到修理厂，定损当场出单",
             "再帮您催一下查勘组，尽量今天安排"),
    ],
)

# ------------------------------- mobile game --------------------------------
DOMAINS["mobile_game"] = dict(
    zh="手机游戏",
    dept=["游戏运营组", "技术组", "客服中心"],
    boss=["运营主管", "客服主管", "技术负责人"],
    pitch=[
        "对了，今天上线了新的限定礼包，648元送双倍钻石，错过就没有了！",
        "顺便推荐您开通月卡，每天领300钻石，比直充划算多了。",
        "另外新英雄正在打折，首周七折，您可以去商城看看。",
    ],
    code_kind="角色ID",
    code=lambda rng: digits(rng, 9),
    addr=None,
    avail=("call", "客服专员", ["{T}客服专员给您打电话，一步步帮您处理", "我约在{T}给您回电话",
                               "{T}我亲自打给您核对信息"]),
    sit=[
        S("充值未到账",
          ["我刚充了328元，钱扣了，钻石一个都没到！", "凌晨充的月卡到现在还没生效，客服一直不回。"],
          "充了钱钻石没到账", ["着急", "窝火", "心疼"], "钱扣了东西却没到",
          "让充值中心按支付流水给您补发", ["10分钟内", "半小时内"], "把钻石补到账",
          ["24小时内", "明天"], "补单要等支付渠道对账",
          "会有充值中心的同事联系您",
          "已经按支付流水给您补发了3280钻石，您重新登录就能看到",
          "额外补偿要运营主管审批",
          "您是不是充到别的区了？这种一般都是玩家自己选错区",
          "扣款是支付平台的问题，您找支付平台吧",
          "给您以后每笔充值都双倍返还",
          shot="付款记录"),
        S("账号被盗",
          ["我的号被盗了，装备全被转走，绑定手机也被改了！", "一上线发现仓库空了，好几年的心血啊。"],
          "账号被盗，装备被转走", ["心痛", "着急", "气愤"], "好几年的心血一夜之间没了",
          "先冻结您的账号，追回被转走的装备", ["半小时内", "1小时内"], "完成冻结并开始追回",
          ["3个工作日之内"], "装备能不能全部追回要等安全组查完交易日志",
          "会有安全组的同事联系您",
          "已经冻结了盗号者的角色，被转走的装备全部退回您仓库，绑定手机也改回来了",
          "恢复全部装备要运营主管审批",
          "密码太简单被盗很正常，您自己要保管好账号",
          "盗号是黑客干的，游戏公司也防不住",
          "保证您的账号以后永远不会再被盗"),
        S("活动奖励没发",
          ["活动说登录七天送限定皮肤，我天天登了，皮肤没给我。",
           "排行榜我明明第三名，奖励邮件一直没收到。"],
          "活动奖励没有发放", ["失望", "郁闷", "委屈"], "天天按要求完成了却没拿到奖励",
          "查一下您的活动记录，手动补发奖励", ["今天下午5点之前", "2小时内"], "把奖励发到邮箱",
          ["活动结束后一周内"], "补发要等运营核对完活动数据",
          "会有运营的同事通知您",
          "已经核对了您的活动数据，奖励刚刚补发到您的游戏邮箱，请查收",
          "补发活动外的额外奖励要运营主管批",
          "您是不是没看清规则？规则里有说明要分享才算",
          "活动是外包团队做的，数据出问题我们也没办法",
          "给您以后所有活动的奖励都多发一倍"),
        S("被误封号",
          ["我什么外挂都没用，号突然被封十年，理由都不给！",
           "打排位被系统判定作弊，封了我的号，我就是打得好而已。"],
          "没开挂却被封号", ["委屈", "气愤", "冤"], "正常玩游戏却被当成作弊",
          "把您的封号转人工复核", ["今天之内", "明天中午前"], "给您复核结果",
          ["5个工作日之内"], "解封要等安全组复核完对局录像",
          "会有安全组的同事联系您",
          "已经人工复核了您的对局录像，确认是误判，账号已经解封，还补了三天的经验加成",
          "误封补偿需要客服主管审批",
          "系统检测不会错的，您自己心里清楚",
          "封号是反作弊系统自动判的，客服管不了",
          "保证您以后永远不会再被封号"),
    ],
    steps=[
        STEP("游戏一直卡在加载页面", "卡在99%", "清缓存", "清了缓存还把手机重启了",
             "清一下缓存再重启手机", "在后台重置您账号的登录状态，并推送一个修复补丁"),
        STEP("登录总提示网络异常", "提示网络异常", "切换网络", "WiFi和4G都切换过了",
             "把网络从WiFi切到4G试试", "让技术查一下您所在区服的线路，单独给您切换节点"),
        STEP("游戏更新一直失败", "更新失败", "卸载重装", "把游戏卸载了又重新下载",
             "卸载游戏后重新下载安装", "把完整安装包的下载链接发您，并让技术核对您的机型兼容"),
    ],
    prefs=[
        PREF("我充的钱没到账。", "可以给您补发钻石，或者退款。",
             "我不要补钻石了，这游戏我不想玩了，直接退钱。",
             "给您补发对应的钻石", "把这笔充值原路退款"),
        PREF("我的皮肤被系统回收了。", "可以补偿您2000钻石，您自己再挑一个。",
             "钻石我不要，我就要回我原来那个限定皮肤。",
             "给您补偿2000钻石", "把那款限定皮肤恢复到您账号上"),
    ],
    deadlines=[
        DL("战队赛{D}就开始了，我的号必须在那之前解封，不然全队没法打。", "把您的解封申请加急复核", "给出结果并恢复账号"),
        DL("限时活动{D}就结束了，我充值的钻石必须在那之前到账。", "让充值中心加急补单", "把钻石补到您账号上"),
    ],
    facts=[
        FACT([("c", "角色ID{code}，我{md}充了{amt}元，钻石没到。"), ("a", "好的，我帮您查一下充值记录。")],
             "查到了没？", "角色ID{code}在{md}充值的{amt}元",
             "让充值中心按流水补发", "补到账",
             dict(code=("code",), md=("md",), amt=("pick", ["68", "128", "328", "648", "198"]))),
        FACT([("c", "我的号在{server}，被盗后少了{n}件传说装备。"), ("a", "收到，我让安全组查一下交易日志。")],
             "查出来了吗？我的装备呢？", "{server}被转走的{n}件传说装备",
             "让安全组追回这些装备", "退回您的仓库",
             dict(server=("pick", ["华东一区", "华南二区", "iOS三区", "安卓七区"]), n=("n", 2, 9))),
    ],
    questions=[
        Q([("c", "我的号被误封了，申诉提交了。"), ("a", "申诉已经收到，正在复核。")],
          ("多久能出结果？", "复核今晚10点前出结果，确认误封会立刻解封并邮件通知您",
           "一般几天吧，具体看安全组的进度"),
          ("结果在哪里看？", "结果会发到游戏内的邮箱，同时在官网“申诉查询”页面输入角色ID也能看",
           "出了结果会通知您的"),
          ("解封后有没有补偿？", "确认误封会补偿您500钻石和三天双倍经验卡",
           "可能会有一点补偿，要看运营的政策")),
        Q([("c", "我想退掉误充的那笔钱。"), ("a", "误充可以申请退款。")],
          ("多久能退回来？", "今天提交，3个工作日之内原路回到您的支付账户",
           "大概一周左右，要看支付渠道"),
          ("在哪里提交退款申请？", "在游戏设置里点“客服中心—充值问题—申请退款”，填角色ID就行",
           "可以找客服提交，我帮您看看入口"),
          ("能退全款吗？", "这笔328元您还没消费，可以全额退",
           "能退大部分，用掉的部分要扣")),
    ],
    unavail=[
        UN("那个限定皮肤还能买到吗？", "那款限定皮肤已经永久下架，不会再返场了。",
           "我攒了好久的钱就为了它，真的买不到了吗？",
           "给您单独开通那款限定皮肤",
           "那款确实买不了了。下周上线的新限定风格很像，我先给您发一张五折券，上线当天就能用",
           "帮您把意见反馈给运营，看看以后有没有返场的可能"),
        UN("我想把角色转到另一个区。", "我们游戏目前不支持跨区转角色。",
           "可我朋友都在那个区，我不能一个人玩啊。",
           "帮您把角色转到朋友所在的区",
           "转区确实不支持，不过跨区组队功能周五开放，您到时就能和朋友一起打，今晚我把开放时间推送给您",
           "帮您登记一下转区需求，有新功能再通知您"),
    ],
    promises=[
        PROM("我的钻石什么时候补发？", "24小时内一定给您补到账。",
             "说好24小时补发，现在都两天了，活动都快结束了！",
             "上次客服说24小时内补钻石，已经两天了还没到。",
             "24小时内补发钻石", "重新给您提交补单，24小时内到账",
             "已经把这单交给{B}处理，他现在手动给您补发，半小时内到账",
             "再帮您提交一次加急补单"),
        PROM("我的申诉怎么样了？", "明天中午12点前给您复核结果。",
             "说好中午12点前出结果，现在都晚上了，还是没消息！",
             "昨天客服说今天中午前给我申诉结果，到晚上都没人回。",
             "中午12点前给复核结果", "重新给您提交一次申诉，明天中午前给结果",
             "已经报给{B}，他正在亲自看您的对局录像，今晚9点前给您最终结果",
             "再催一下安全组，尽快给您答复"),
    ],
)

# --------------------------- appliance install ------------------------------
DOMAINS["appliance_install"] = dict(
    zh="家电安装",
    dept=["安装调度", "售后服务部", "网点"],
    boss=["网点主管", "售后经理", "区域服务经理"],
    pitch=[
        "对了，现在买空调清洗套餐只要99元一台，装完顺便约一次吧？",
        "顺便推荐一下我们的延保服务，多加199元保修延长到六年。",
        "另外我们家的洗碗机正在做活动，以旧换新最高补贴800元，要不要了解？",
    ],
    code_kind="安装单号",
    code=lambda rng: "AZ" + digits(rng, 9),
    addr=addr_home,
    avail=("visit", "安装师傅", ["{T}安排安装师傅上门", "我给您约在{T}，师傅带齐材料过去",
                                 "师傅{T}到您家，提前半小时给您打电话"]),
    sit=[
        S("空调装完不制冷",
          ["空调昨天刚装好，开了一晚上屋里还是30度，根本不制冷！",
           "新装的空调吹出来是热风，孩子热得一晚上没睡好。"],
          "新装的空调不制冷", ["烦躁", "着急", "心疼孩子"], "大热天新空调吹不出冷风",
          "派安装师傅带压力表上门检查冷媒", ["今天下午4点之前", "3小时内"], "到您家",
          ["明天", "后天"], "要是压缩机的问题，得等厂家技术鉴定",
          "会有网点的师傅给您打电话",
          "已经约好最近的师傅，他刚在您隔壁小区装完，40分钟后到，加冷媒和检查都不收费",
          "直接换新机需要区域服务经理审批",
          "是不是您遥控器模式没调对？很多用户都是开成了送风",
          "安装是网点外包的，跟我们品牌没关系",
          "保证这台空调十年都不会出一点毛病"),
        S("安装打坏墙面",
          ["师傅装热水器把我家新贴的瓷砖打裂了三块，说一句不好意思就走了！",
           "装油烟机把墙钻了七八个洞，最后还装歪了。"],
          "安装时把墙面瓷砖弄坏了", ["心疼", "气愤", "窝火"], "刚装修好的墙被打坏了",
          "安排网点主管上门核实损坏情况", ["今天下午", "明天上午10点前"], "定下赔偿方案",
          ["一周内"], "赔多少要等网点和师傅核对责任",
          "会有网点主管联系您",
          "已经跟网点定好了，损坏的墙面按原价赔，明天上午师傅带材料上门给您修复",
          "全额赔偿加补贴工费需要售后经理审批",
          "瓷砖本来就脆，打孔裂开很常见",
          "那是网点的师傅，您直接找网点",
          "保证把您家整面墙都换成新的",
          photo="墙面损坏的地方"),
        S("安装乱收费",
          ["说好免费安装，师傅来了要收我380的辅材费，不给就不装！",
           "装个洗衣机，师傅收了我150块的“上门费”，这不是免费吗？"],
          "说好免费安装却被收了辅材费", ["气愤", "憋屈"], "说好免费，到家了又要钱",
          "按官方收费标准核对师傅收的每一项费用", ["半小时内", "今天中午前"], "把不该收的钱退给您",
          ["三个工作日之内"], "退款要等网点对账",
          "会有售后同事打电话联系您",
          "已经核对完了，师傅多收的费用已经全部原路返还到您的付款账户",
          "全额退还需要网点主管签字",
          "辅材费是正常收费，您签收单上都写了",
          "收费是师傅个人行为，跟公司无关",
          "给您家以后所有电器安装全部免费"),
        S("师傅爽约",
          ["约好今天上午装热水器，我请了假在家等，师傅到中午都没来！",
           "第三次改时间了，每次都是临出门前一小时说来不了。"],
          "约好的安装师傅没来", ["恼火", "失望", "无奈"], "请了假在家白白等了一上午",
          "从附近网点调一位师傅给您装", ["今天下午3点之前", "2小时内"], "上门装好",
          ["明天", "这两天"], "附近网点的师傅要等调度确认",
          "会有安装调度给您回电话",
          "已经从东区网点调了一位师傅，他现在就出发，下午2点前到，今天一定装完",
          "补偿您误工费需要网点主管审批",
          "您约的时间段本来就是高峰，师傅忙不过来很正常",
          "师傅是网点派的，他不来我们也没办法",
          "保证以后每位师傅都提前一小时到"),
    ],
    steps=[
        STEP("洗衣机显示E3报错", "报E3", "断电重启", "拔了电源等了十分钟再插上",
             "拔掉电源等几分钟再插上", "派售后师傅上门检查排水泵"),
        STEP("空调遥控器没反应", "没反应", "换电池", "换了两节新电池",
             "给遥控器换两节新电池", "给您寄一个新的原装遥控器，同时让师傅上门检查接收板"),
        STEP("热水器不出热水", "出的是凉水", "重新设置温度", "把温度调到60度又重置过",
             "把温度重新设到60度", "安排师傅上门检查加热管"),
    ],
    prefs=[
        PREF("新买的冰箱不制冷。", "可以安排师傅上门维修，或者给您换新。",
             "刚买一周就坏，我不要修，直接退货。",
             "安排师傅上门维修冰箱", "给您办理退货退款"),
        PREF("我要装空调。", "上午和下午都有空，您看哪个时段？",
             "别派上次那个装歪的师傅，换个人来装。",
             "还是派上次那位熟悉您家户型的师傅上门", "换一位五星评价的师傅上门"),
    ],
    deadlines=[
        DL("我爸妈{D}就从老家过来住，空调必须在那之前装好。", "给您插个加急安装", "把空调装好调试完"),
        DL("{D}新店开业，展示柜的冰柜一定要在那之前装好。", "安排两个师傅一起上门", "把冰柜装好通电"),
    ],
    facts=[
        FACT([("c", "安装单{code}，约的{wd}上午{h}点，师傅说系统里是下午。"), ("a", "我查一下这张安装单。")],
             "到底是几点？我就请了半天假。", "安装单{code}约的{wd}上午{h}点",
             "让师傅按上午的时间上门", "到您家",
             dict(code=("code",), wd=("wd",), h=("h", 8, 11))),
        FACT([("c", "我买了{n}台空调，你们只装了{n_done}台就走了。"), ("a", "抱歉，我马上联系网点。")],
             "剩下的什么时候装？", "您家{n}台空调里还没装的那些",
             "安排师傅回来把剩下的装完", "装好",
             dict(n=("n", 3, 5), n_done=("pick", ["1", "2"]))),
    ],
    questions=[
        Q([("c", "我的热水器要安装。"), ("a", "好的，已经给您派单了。")],
          ("师傅什么时候到？", "师傅明天上午10点到，出发前半小时会给您打电话",
           "这两天会有人去，具体时间等网点排"),
          ("要装在哪里比较合适？", "师傅建议装在卫生间进门左手那面承重墙上，离淋浴头最近，管路最短",
           "到时候师傅看现场再定"),
          ("安装要另外收费吗？", "基础安装免费，如果要加角阀和软管，一共收60元，师傅会先问您",
           "一般不收，特殊情况可能要收一点")),
        Q([("c", "我的洗衣机要移机。"), ("a", "可以，我们提供移机服务。")],
          ("最快哪天能来？", "后天上午9点到11点有空档，我现在就能给您锁定",
           "应该这周能安排，具体我再问问"),
          ("旧的进水管要我自己准备吗？", "不用，师傅会带新的进水管和排水管过去，您什么都不用准备",
           "您先准备着吧，到时候看师傅"),
          ("移机多少钱？", "同一小区内移机收费80元，管子另算，一共不超过120元",
           "大概一百左右")),
    ],
    unavail=[
        UN("我想买那款白色的三门冰箱。", "那款白色三门冰箱已经停产了。",
           "可我厨房就是按它的尺寸留的位置。",
           "给您从厂家订一台白色三门冰箱，下周就到",
           "同尺寸的新款还有白色，宽高一样，只深了2厘米，我把参数发您，今天下单明天就能送装",
           "帮您问问其他仓库有没有库存"),
        UN("我想今天下午就装空调。", "今天下午您那个区域的师傅全部约满了。",
           "这么热的天，再等一天家里人受不了啊。",
           "今天下午给您安排师傅上门装空调",
           "今天晚上7点有一位师傅能加班过去，我现在就帮您锁定，另外给您送一台移动空调先用着",
           "帮您排进明天的第一单"),
    ],
    promises=[
        PROM("我家空调什么时候装？", "单子派好了，师傅明天上午10点到。",
             "说好上午10点上门，等到下午2点都没人，打电话也不接！",
             "上次你们说第二天上午10点装空调，我等了一天都没人来。",
             "上午10点上门安装", "帮您新建一个安装单，师傅明天上午10点过去",
             "已经把这单交给{B}亲自盯，他调了另一位师傅，下午4点前到您家，今天装完",
             "再给网点催一次，今天之内联系您"),
        PROM("维修配件什么时候到？", "配件三天内到，到了马上给您修。",
             "说三天，现在都一个礼拜了，洗衣机还是坏的。",
             "上次客服说配件三天到，一个星期了都没动静。",
             "三天内配件到货", "重新给您申请一次配件，三天内到",
             "已经报给{B}，他从仓库直接调了配件，明天上午师傅带着上门修",
             "再帮您催一次配件，标成加急"),
    ],
)

# ------------------------------ pharmacy delivery ------------------------------
DOMAINS["pharmacy"] = dict(
    zh="药品配送",
    dept=["药房", "配送站", "药师团队"],
    boss=["药房主管", "配送站长", "门店店长"],
    pitch=[
        "对了，我们药房的维生素现在买二送一，您可以顺便带一瓶。",
        "顺便推荐您办一张慢病会员卡，以后买药都能九折。",
        "另外今天有家用血压计特价，只要129元，需要的话一起送过去。",
    ],
    code_kind="订单号",
    code=lambda rng: "YD" + digits(rng, 10),
    addr=addr_home,
    avail=("visit", "配送员", ["{T}安排配送员把药送到您家", "我约在{T}，骑手把药送上门",
                               "{T}药送到您手上，骑手出发时给您发短信"]),
    sit=[
        S("慢病药漏送",
          ["我订的每月自动配送的降糖药，这个月没送，也没人通知我。",
           "每个月的高血压药说好月初送，这都10号了还没到。"],
          "每月的慢病药这个月没送", ["着急", "担心", "不安"], "每天都要吃的药突然断了",
          "查清楚这个月的自动配送为什么没发出，马上给您补一单", ["今天下午5点之前", "2小时内"], "把药送到您家",
          ["明天", "后天"], "补发要等药房确认这批药的库存",
          "会有药师团队给您回电话",
          "已经给您补了这个月的单，药房在拣药，骑手下午4点前送到，下个月的配送我也重新核对过了",
          "这次免配送费再送一个分装药盒需要门店店长审批",
          "您是不是没及时续费自动配送？",
          "自动配送是系统在跑，出错我们也不知道",
          "保证以后每个月的药都提前三天送到，永远不会断"),
        S("急用药送迟",
          ["孩子发烧39度，下单的退烧药说30分钟送到，一个半小时了还没到！",
           "老人降压药吃完了，急着要，配送一直显示“骑手已取货”就是不动。"],
          "急用的药迟迟送不到", ["着急", "担心", "焦虑"], "家里人正等着这药",
          "联系骑手确认位置，必要时从最近的门店另派一单", ["20分钟内", "半小时内"], "把药送到您手上",
          ["一小时后", "一个半小时后"], "能不能另派要等门店确认有库存",
          "会有配送站的同事给您回电话",
          "已经从离您800米的门店另派了一单，骑手刚动身，15分钟内能到，原来那单的配送费退给您",
          "免单补偿需要配送站长审批",
          "晚高峰订单多，您应该提前下单",
          "配送是第三方平台负责的，我们药房控制不了",
          "保证以后每一单都10分钟内送到"),
        S("送错药",
          ["我买的是布洛芬缓释胶囊，送来的是对乙酰氨基酚片，差点给孩子吃错！",
           "处方上是5毫克的，你们送来的是10毫克，老人差点吃下去。"],
          "送来的药和订的不一样", ["后怕", "气愤", "担心"], "差一点就吃错药",
          "让药师核对后重新给您配送正确的药", ["40分钟内", "1小时内"], "送到",
          ["今天晚上", "两小时内"], "要等药房核查是拣药环节还是配送环节出的错",
          "会有药师给您打电话",
          "已经安排重新配送正确的药，骑手带着药在路上了，20分钟到，送错的那盒他顺路收回",
          "退还这一单全部药费需要药房主管签字",
          "您下单时是不是选错规格了？页面上写得很清楚",
          "拣药是配送员拿错了，跟药房没关系",
          "保证以后一次都不会再送错药",
          photo="送错的药盒"),
        S("冷链药品变质",
          ["胰岛素送到的时候冰袋早化了，药都是温的，还能用吗？",
           "疫苗送来保温箱都没封口，说明书上要冷藏的。"],
          "冷藏药送到时已经不冷了", ["担心", "不放心", "气愤"], "要冷藏的药送来是温的",
          "让冷链专送重新给您配一份", ["1小时内", "今天下午3点之前"], "送上门",
          ["明天"], "这批药能不能用要等药师和厂家确认",
          "会有药师团队联系您",
          "已经让冷链专送重新出库了，带温度记录仪的保温箱，50分钟后到，原来那盒不用退回",
          "全额退款加重新配送需要门店店长审批",
          "可能是您签收后放在外面太久了",
          "冷链是快递公司负责的，您找快递",
          "保证以后所有的药都是零下的温度送到"),
        S("处方审核卡住",
          ["处方上传三个小时了还在审核中，我妈的药今晚就断了。",
           "医院开的处方你们说看不清，拍了五次还是不行。"],
          "处方一直审核不通过", ["着急", "心烦", "焦虑"], "老人的药眼看就要断了",
          "让值班药师优先人工审核您的处方", ["15分钟内", "半小时内"], "审核完成并安排配送",
          ["两小时内", "今晚"], "特殊药品要等医院那边回传电子处方",
          "会有药师给您回电话",
          "已经人工审核通过了，药房正在拣药，骑手40分钟内送到",
          "加急审核费用减免需要药房主管审批",
          "您上传的照片太模糊了，拍清楚点就不会卡",
          "审核是合作医院的药师做的，我们催不动",
          "保证以后所有处方一秒钟审核通过",
          photo="处方"),
    ],
    steps=[
        STEP("下单付款一直失败", "付款失败", "换一张卡付", "换了两张银行卡都付不了",
             "换一张银行卡再付款", "在后台给您生成一个货到付款的订单"),
        STEP("骑手电话打不通", "打不通", "给骑手打电话", "给骑手打了四五次电话",
             "给骑手再打一次电话问问到哪了", "通过配送站直接调度骑手，查他的实时位置"),
        STEP("优惠券用不了", "提示不可用", "重新领券", "把券删了又重新领了一次",
             "把优惠券重新领一次", "直接在订单上给您手动减免这张券的金额"),
    ],
    prefs=[
        PREF("送来的药少了一盒。", "可以给您补送一盒，或者退这一盒的钱。",
             "不用补送了，我已经在楼下药店买了，直接退钱。",
             "给您补送一盒过去", "把这一盒的钱退给您"),
        PREF("我常吃的那款降压药缺货了。", "可以给您换成另一个牌子的同成分药。",
             "我不换牌子，医生说这个药换了要重新调剂量，我就要原来那个。",
             "给您换成另一个牌子的同成分药", "从别的门店调原来那款降压药给您送过去"),
    ],
    deadlines=[
        DL("我{D}的高铁，出门前必须拿到这盒药，路上要吃。", "让最近的门店加急出库", "把药送到您手上"),
        DL("孩子的药{D}就吃完了，续的那盒一定要在那之前送到。", "给您安排优先配送", "把药送到家"),
    ],
    facts=[
        FACT([("c", "订单{code}，我买了{n}盒{drug}，只送来一部分。"), ("a", "抱歉，我查一下这个订单。")],
             "查得怎么样？", "订单{code}的{n}盒{drug}",
             "把少送的补齐", "送到您家",
             dict(code=("code",), n=("n", 3, 6), drug=("pick", ["阿莫西林胶囊", "氯雷他定片", "蒙脱石散", "板蓝根颗粒"]))),
        FACT([("c", "我的药送到{estate}{b}栋，骑手送到了隔壁小区。"), ("a", "好的，我马上联系骑手。")],
             "药到底在哪儿？", "送{estate}{b}栋的那份药",
             "让骑手把药取回来重新送", "送到您楼下",
             dict(estate=("pick", ESTATES), b=("n", 2, 18)), fast=["20分钟内", "半小时内"]),
    ],
    questions=[
        Q([("c", "我要退掉昨天买错的药。"), ("a", "没拆封的药可以退。")],
          ("钱几天能退回来？", "骑手今天下午取回药，验收后2小时内原路退款",
           "大概几天吧，要看药房什么时候验收"),
          ("药要送到哪里退？", "不用您送，骑手今天下午2点到4点上门取，您放在门口也行",
           "可以送到门店，也可以等人来取，我再问问"),
          ("能退全款吗？", "没拆封能全额退，这单98元一分不扣",
           "应该能退大部分")),
        Q([("c", "我想在你们这长期买胰岛素。"), ("a", "可以，我们有冷链配送。")],
          ("下了单多久能送到？", "冷链专送是下单后90分钟内送到，晚上10点前的单当天送",
           "一般当天能到，具体看订单多不多"),
          ("是从哪个门店发货？", "从您家附近的人民路店发，距离您1.5公里，全程冷链",
           "看系统分配，一般是附近的店"),
          ("冷链配送要加钱吗？", "冷链配送费是8元，满200元免配送费",
           "可能要加一点")),
    ],
    unavail=[
        UN("我想买那款进口的退烧栓。", "这款退烧栓全市门店目前都缺货。",
           "孩子吃不进药，只有栓剂能用，怎么办？",
           "给您从门店调一盒进口退烧栓，一小时内送到",
           "同成分的国产栓剂有货，剂量一样，药师已经确认适合孩子，20分钟内送到您家",
           "帮您登记到货提醒，有货就通知您"),
        UN("能不能今晚帮我送一盒处方药？", "处方药必须有有效处方才能配送，您的处方已经过期了。",
           "我一直在吃这个药，就不能通融一下吗？",
           "今晚先把处方药给您送过去，处方回头再补",
           "我帮您约了合作医院的在线复诊，医生10分钟内接诊，开了新处方药立刻发货",
           "把线上问诊的入口发给您，您有空去开一下处方"),
    ],
    promises=[
        PROM("我的药到哪儿了？", "骑手已经取货，半小时内一定送到。",
             "说半小时送到，现在都一个小时了，孩子还在发烧！",
             "刚才客服说半小时内送到，现在一个小时了还没见到药。",
             "半小时内送到", "给您重新下一单，半小时内送到",
             "已经报给{B}，他从离您最近的门店直接派专人送，15分钟内到，我一直在线盯着",
             "再帮您催一下骑手"),
        PROM("送错的药什么时候换？", "今天傍晚5点前把对的药送到您家。",
             "说下午5点前送，现在7点了，药呢？",
             "上次客服说下午5点前把正确的药送来，我等到晚上都没送到。",
             "下午5点前把正确的药送到", "重新给您安排一次换药配送，明天傍晚5点前送到",
             "已经交给{B}亲自处理，他安排的专人现在出发，8点前送到，送错那盒顺路收回",
             "再给配送站催一次"),
    ],
)

# ------------------------------- train tickets --------------------------------
def train_no(rng):
    return pick(rng, ["G", "D", "G", "K"]) + str(rng.randint(11, 2999))


DOMAINS["train_tickets"] = dict(
    zh="火车票代购",
    dept=["出票中心", "退改签组", "客服中心"],
    boss=["值班主管", "客服经理", "出票中心负责人"],
    pitch=[
        "对了，现在加购出行意外险只要3元，要不要给您加上？",
        "顺便推荐一下我们的酒店预订，到站后住宿首单立减50元。",
        "另外开通VIP抢票通道只要15元，成功率能提高很多，要不要开？",
    ],
    code_kind="订单号",
    code=lambda rng: "E" + digits(rng, 9),
    addr=None,
    avail=("call", "客服专员", ["{T}客服专员给您打电话说明处理进度", "我约在{T}给您回电话",
                               "{T}我亲自打给您，把结果告诉您"]),
    sit=[
        S("报销凭证开不出",
          ["出差回来要报销，你们平台的报销凭证一直开不出来，财务月底就截止了。",
           "行程单申请了一周还没寄到，报销都要过期了。"],
          "报销凭证一直开不出来", ["着急", "焦虑", "心烦"], "报销眼看就要过期了",
          "让客服中心人工给您开具报销凭证", ["今天下班前", "2小时内"], "把电子凭证发到您邮箱",
          ["3个工作日之内", "下周"], "纸质行程单要等铁路系统出具",
          "会有客服专员给您回电话",
          "已经给您人工开好了电子报销凭证，刚发到您的邮箱，财务那边可以直接用",
          "加急寄送纸质凭证的运费减免需要客服经理审批",
          "凭证需要行程结束后自己申请，您可能没申请对",
          "报销凭证是铁路出的，我们代购平台开不了",
          "保证以后您每一张票的凭证都当天寄到"),
        S("付款成功没出票",
          ["钱已经付了，订单一直显示“出票中”，车还有两个小时就开了！",
           "付款扣了528，票没出来，钱也没退，我到底有没有票？"],
          "付了钱一直不出票", ["着急", "焦虑", "慌"], "眼看车就要开了票还没出来",
          "让出票中心人工给您出票", ["15分钟内", "半小时内"], "把出票短信发到您手机上",
          ["一小时内", "开车前40分钟"], "能不能出票要等铁路系统返回结果",
          "会有出票中心的人打电话联系您",
          "已经人工出票成功了，座位是6车12F，出票短信刚发到您手机，凭身份证直接进站",
          "出不了票的话给您额外补偿要值班主管审批",
          "可能是您提交的乘车人信息有误，系统核验不过",
          "出票是铁路系统的问题，我们代购平台左右不了",
          "保证您以后买的每张票一秒出票",
          shot="付款记录"),
        S("退票手续费太高",
          ["我提前三天退票，你们扣了我20%的手续费，铁路规定不是这样的！",
           "退一张票扣了80多，钱还没退全，哪来这么多手续费？"],
          "退票多扣了手续费", ["气愤", "窝火", "憋屈"], "按规定退票却被多扣钱",
          "按铁路规定重新核算退票手续费", ["今天下午5点之前", "1小时内"], "把多扣的钱退回去",
          ["3到7个工作日内"], "多扣的部分要等财务和铁路对账后才能退",
          "会有退改签组的同事联系您",
          "已经按规定重新核算了，多扣的68元刚刚原路退回，2小时内到账",
          "多扣部分加急退回需要客服经理审批",
          "退票规则您下单时都勾选同意了",
          "手续费是铁路收的，和我们无关",
          "保证以后您退任何票都不收一分手续费"),
        S("改签失败误车",
          ["我在你们App改签，显示成功了，到站才知道根本没改上，车已经走了！",
           "改签后原来的票也没了，新的也没有，我被困在车站。"],
          "改签显示成功其实没改上，误了车", ["崩溃", "着急", "气愤"], "人在车站却没票可坐",
          "给您抢最近一班车的票", ["20分钟内", "马上"], "把新票出给您",
          ["今天之内"], "误车的损失怎么赔要等核实系统日志",
          "会有值班主管给您回电话",
          "已经给您出了下一班19:40的票，差价我们补，出票短信已经发到您手机",
          "误车补偿需要客服经理审批",
          "改签后您应该自己再确认一下订单状态",
          "改签是铁路系统处理的，不是我们的问题",
          "保证您今晚坐上第一班车，还全程免费"),
        S("身份信息错误",
          ["你们把我的身份证号录错了一位，到了闸机进不去！",
           "订票时我填的名字是对的，票上却是别人的名字。"],
          "票上的身份信息错了，进不了站", ["着急", "慌", "恼火"], "人到了车站却进不了闸机",
          "联系车站帮您办理信息更正", ["15分钟内", "开车前半小时"], "让您顺利进站",
          ["开车前20分钟"], "更正要等车站窗口核实",
          "会有客服专员给您打电话",
          "已经跟车站值班室沟通好了，您到2号人工通道报订单号，工作人员核对身份证后直接放行",
          "重新出票产生的差价减免需要值班主管审批",
          "信息是您自己填的，应该是您填错了",
          "这是铁路系统录入的问题，您去找车站",
          "保证以后所有票的信息都绝对不会出错"),
    ],
    steps=[
        STEP("App里查不到我的订单", "显示无订单", "重新登录", "账号退出又登进去了三次",
             "退出账号再重新登录一下", "在后台把这个订单手动同步到您的账号"),
        STEP("实名核验一直不通过", "提示核验失败", "重新上传身份证", "把身份证正反面重新拍了上传",
             "重新拍一下身份证正反面上传", "让人工审核组直接帮您核验"),
        STEP("候补订单付款按钮点不了", "按钮是灰的", "重启App", "把App关了重开好几次",
             "把App彻底关掉再重新打开", "在后台帮您完成候补订单的支付确认"),
    ],
    prefs=[
        PREF("我的车次停运了。", "可以给您免费改到下一班，或者全额退款。",
             "不改签了，我已经决定开车回去，全额退款。",
             "给您免费改到下一班车", "给您办理全额退款"),
        PREF("我想换一个座位。", "可以换到同车厢靠过道的位置，或者换到隔壁车厢。",
             "别给我换到隔壁车厢，我带着两个孩子，必须在同一个车厢。",
             "帮您换到隔壁车厢的座位", "在同一车厢里给您和孩子调连座"),
    ],
    deadlines=[
        DL("我{D}前必须到北京参加面试，这张票一定要帮我出。", "安排出票中心优先出票", "把票出给您"),
        DL("{D}我就要上车了，退票得在开车前办完，不然就退不了了。", "加急办理退票", "完成退票"),
    ],
    facts=[
        FACT([("c", "订单{code}，{train}次，{md}的票，{n}个人，一个都没出票。"), ("a", "我查一下这个订单。")],
             "查好没有？", "订单{code}、{train}次{md}的{n}张票",
             "让出票中心人工处理", "把出票结果发给您",
             dict(code=("code",), train=("pick", ["G1372", "D2206", "G85", "K1158", "G7531"]), md=("md",), n=("n", 2, 5))),
        FACT([("c", "我的座位是{car}车{seat}号，到车上被别人坐了，他票上也是这个号。"),
              ("a", "您别着急，我马上帮您核实。")],
             "我总不能一路站着吧？", "{car}车{seat}号这个重复的座位",
             "联系列车长帮您核对", "给您安排好座位",
             dict(car=("n", 2, 16), seat=("pick", ["03A", "07F", "11C", "15D", "12B", "06A"])),
             fast=["10分钟内", "马上"]),
    ],
    questions=[
        Q([("c", "我的车次停运了，票怎么办？"), ("a", "停运的车票可以全额退。")],
          ("钱什么时候退回来？", "退款今天发起，通常1到3个工作日就到，最晚周五前到",
           "会退的，时间看银行"),
          ("退票要去车站窗口办吗？", "不用去车站，我已经在线上给您提交了，您在订单页就能看到退款进度",
           "可能要去车站，我再确认一下"),
          ("能退多少？", "停运是全额退，您付的436元一分不扣，服务费也退",
           "大部分能退，服务费不一定")),
        Q([("c", "我想改签到明天。"), ("a", "可以改签，我帮您看看车次。")],
          ("明天最早一班几点？", "明天最早是早上6点48的G1302，二等座还有票",
           "明天早上有车，具体几点我再查"),
          ("改签后在哪个站上车？", "还是在虹桥站上车，候车室在二楼B区",
           "应该还是原来的站吧"),
          ("改签要补多少钱？", "明天那班一等座贵了165元，补差价165元就行，不收手续费",
           "可能要补一点差价")),
    ],
    unavail=[
        UN("我想买今晚去广州的卧铺。", "今晚去广州的卧铺已经全部售完了。",
           "我明天一早要开会，今晚必须走啊。",
           "给您抢一张今晚的下铺，马上出票",
           "今晚9点10分那班高铁还有二等座，半夜1点到广州，我现在帮您锁座，10分钟内付款就能出票",
           "帮您提交卧铺候补，有退票就自动买"),
        UN("我想给这张票升级成一等座。", "这趟车一等座已经没有余票了。",
           "我腰不好，坐不了二等座那么久。",
           "给您把这张票升成一等座",
           "这趟车一等座确实没了，晚一小时那班还有一等座，我帮您改签过去，差价只要80元",
           "帮您登记一等座的候补"),
    ],
    promises=[
        PROM("我的票出了吗？", "一小时内一定给您出票。",
             "说一小时出票，现在三个小时了还是“出票中”！",
             "上午客服说一小时内出票，现在都下午了还没出。",
             "一小时内出票", "重新给您提交一次出票，一小时内出",
             "已经报给{B}，他现在手动给您出票，20分钟内短信通知您",
             "再给出票中心催一下"),
        PROM("退款什么时候到？", "退款提交好了，3个工作日之内到账。",
             "三个工作日早过了，都一周了还没到！",
             "上次客服说3个工作日内退款到账，现在都一周了。",
             "3个工作日内退款到账", "重新帮您提交一次退款，3个工作日内到",
             "已经交给{B}，今天下午5点前人工打款，到账后我给您发短信",
             "再给财务催一下"),
    ],
)

# ------------------------------ furniture delivery ------------------------------
DOMAINS["furniture"] = dict(
    zh="家具配送安装",
    dept=["配送部", "安装部", "售后中心"],
    boss=["售后主管", "配送经理", "门店经理"],
    pitch=[
        "对了，我们的床垫正在做活动，满5000减800，您要不要看看？",
        "顺便推荐一下家具保养服务，一年四次上门护理只要299元。",
        "另外新出的实木茶几跟您买的沙发很配，现在下单包邮。",
    ],
    code_kind="订单号",
    code=lambda rng: "JJ" + digits(rng, 10),
    addr=addr_home,
    avail=("visit", "安装师傅", ["{T}安排安装师傅上门", "我给您约在{T}，配送和安装一次完成",
                                 "师傅{T}上门，到之前先给您打电话"]),
    sit=[
        S("家具送到有破损",
          ["新买的衣柜送到，侧板裂了一道缝，柜门还有划痕！", "沙发拆开包装发现扶手的皮破了一块。"],
          "新家具送到就有破损", ["失望", "心疼", "气愤"], "期待了一个月的新家具送来是坏的",
          "给您补发新的配件，安排师傅上门更换", ["明天下午前", "48小时内"], "换好",
          ["一周内", "下周"], "能不能整件换新要等工厂确认",
          "会有售后中心的同事联系您",
          "已经从仓库调了新的配件，明天上午师傅带着上门，当场换好",
          "整件换新需要售后主管审批",
          "签收的时候您应该当面检查，签了字就不好说了",
          "破损是物流公司造成的，您找物流",
          "保证您家里所有家具一辈子都不会坏",
          photo="破损的地方"),
        S("配送一拖再拖",
          ["床说好上周送，拖到现在还没到，我这几天都睡在地上。",
           "床改了三次配送时间了，每次都是前一天晚上说送不了。"],
          "床一直不送，只能睡地上", ["无奈", "烦躁", "恼火"], "一拖再拖只能睡在地上",
          "从仓库把您的床优先出库", ["明天上午", "明天中午前"], "送到并装好",
          ["下周"], "要等工厂补货才能发",
          "配送部会安排人打电话联系您",
          "已经从仓库出库装车了，下午4点之前能送到，师傅当场装好",
          "延迟送货的补偿需要配送经理批",
          "旺季订单多，您得理解一下",
          "物流公司排的车，我们也催不动",
          "保证以后每件家具都当天下单当天送到"),
        S("安装不牢",
          ["师傅装完的书柜晃得厉害，我都不敢往上放书。", "床装好睡了两天，床板就塌了一块。"],
          "装好的家具不牢", ["担心", "后怕", "恼火"], "装好的家具用两天就出问题",
          "派更有经验的安装师傅上门重新加固", ["明天上午", "今天下午"], "上门处理",
          ["这周内"], "是安装问题还是板材问题要等师傅看过再定",
          "会有安装部的同事联系您",
          "已经约好主管师傅明天上午9点上门，带着加固件，半小时就能弄好",
          "换新床板需要售后主管签字",
          "是不是您放的东西太重了？",
          "安装是第三方师傅做的，跟我们店没关系",
          "保证这张床睡一百年都不会塌"),
        S("尺寸做错",
          ["定制的衣柜做出来比我量的尺寸高了5厘米，根本塞不进去！",
           "定做的鞋柜宽度错了，门都关不上。"],
          "定制的柜子尺寸做错了", ["窝火", "失望", "气愤"], "等了一个多月做出来却用不了",
          "让测量师傅重新上门复尺，安排工厂重做", ["明天上午", "今天下午5点之前"], "上门复尺",
          ["两周内", "20天内"], "重做周期要等工厂排产",
          "会有售后中心联系您",
          "已经跟工厂确认了，错的是我们的图纸，工厂免费重做，今天已经排进加急生产，12天出货",
          "重做期间的租柜补贴需要门店经理审批",
          "尺寸是您确认签字的，做错了您也有责任",
          "是工厂做错的，您只能等工厂处理",
          "保证三天内就把新柜子做好送到"),
    ],
    steps=[
        STEP("电动床的遥控器没反应", "没反应", "重新配对", "按说明书把遥控器重新配对了",
             "把遥控器按说明书重新配对一下", "给您寄一个新的遥控器，顺丰次日到"),
        STEP("衣柜门关不严", "关不上", "调铰链", "按你们发的视频把铰链螺丝调了好几遍",
             "按视频教程把铰链螺丝调一调", "派安装师傅上门调整柜门"),
        STEP("联系不上送货司机", "一直没人接", "给司机打电话", "给司机打了七八个电话",
             "再给送货司机打个电话", "通过配送部直接调度，查车辆定位"),
    ],
    prefs=[
        PREF("沙发扶手破了。", "可以给您寄一块修补皮料，或者打个折。",
             "不要修补皮料，我也不要打折，我要换个新扶手。",
             "给您寄一块修补皮料", "给您更换一个全新的扶手"),
        PREF("衣柜的侧板裂了。", "我们可以寄配件给您自己换，很简单。",
             "我不会装，别寄零件让我自己弄，派师傅来装。",
             "把配件寄给您自己更换", "派师傅带配件上门更换"),
    ],
    deadlines=[
        DL("新房{D}就要办乔迁宴了，餐桌必须在那之前送到。", "把您的餐桌排到最前面加急配送", "送到并装好"),
        DL("我{D}就要搬进去住了，床必须在那之前装好。", "给您安排优先配送", "把床送到装好"),
    ],
    facts=[
        FACT([("c", "订单{code}，我买的是{color}的{item}，送来的颜色不对。"), ("a", "抱歉，我核对一下订单。")],
             "核对好了吗？", "订单{code}的{color}{item}",
             "安排仓库换货", "送到您家",
             dict(code=("code",), color=("pick", ["胡桃木色", "原木色", "奶白色", "烟灰色"]),
                  item=("pick", ["书柜", "床头柜", "餐边柜", "衣柜"]))),
        FACT([("c", "我定的沙发是{n}人位的，长{len}厘米，送来的明显短了。"), ("a", "我马上查一下订单规格。")],
             "查到了吗？", "{n}人位、长{len}厘米的沙发",
             "安排换成正确尺寸的沙发", "送到",
             dict(n=("n", 2, 4), len=("pick", ["210", "240", "280", "320"]))),
    ],
    questions=[
        Q([("c", "我的衣柜要换门板。"), ("a", "好的，已经给您安排了。")],
          ("师傅什么时候来？", "明天上午10点师傅带门板上门，大概一个小时装完",
           "这周会有人去，具体时间等排班"),
          ("门板是从哪里发货？", "门板从本地的城东仓发，不走物流，师傅直接带过去",
           "从仓库发吧，具体哪个仓我不太清楚"),
          ("换门板要收钱吗？", "送货造成的破损，换门板和上门都不收费",
           "应该不收，也可能收一点工费")),
        Q([("c", "我想退掉那张餐桌。"), ("a", "七天内可以无理由退货。")],
          ("钱什么时候退？", "明天师傅上门取货，仓库签收后24小时内原路退款",
           "退货后一段时间吧"),
          ("餐桌要我送到哪儿？", "不用您送，明天下午2点会有师傅上门拆装带走",
           "您可以寄回来，或者等我们安排"),
          ("退货运费谁出？", "七天无理由退货的运费我们出，您一分钱都不用付",
           "运费可能要您承担一部分")),
    ],
    unavail=[
        UN("我想再买一把同款的椅子。", "那款胡桃木色的餐椅已经停产了。",
           "我家已经有三把了，就差一把凑齐。",
           "给您从工厂订一把同款胡桃木色餐椅，两周到货",
           "我查到城西门店还有一把展样，成色九成新，按七折给您，明天就能送到",
           "帮您问问其他门店有没有库存"),
        UN("能今天送吗？", "今天的配送车辆已经全部排满了。",
           "可我今天就得把床装好，明天要出差一周。",
           "今天下午就给您送到并装好",
           "今晚8点有一趟加班车，我帮您排上，9点半前送到装好，加班费不用您出",
           "帮您排进明天的第一车"),
    ],
    promises=[
        PROM("我的床什么时候送？", "周四上午一定送到并装好。",
             "说好周四送，今天都周六了，连个电话都没有！",
             "上次客服说周四上午送床，今天周六了还没动静。",
             "周四上午送床", "重新给您排个配送，这周内送到",
             "已经报给{B}，他从门店展厅调了一张同款，下午5点之前送到装好",
             "再给配送部催一次，加急"),
        PROM("破损的侧板什么时候换？", "配件三天内寄到，第四天师傅上门换。",
             "说好三天到配件，一周过去了，衣柜还是裂的。",
             "上次客服说三天寄配件，一个礼拜了都没收到。",
             "三天内寄到配件", "重新给您申请一次配件，三天内寄到",
             "已经交给{B}，他让仓库今天直接派车，明天上午师傅带配件上门换好",
             "再催一下仓库发货"),
    ],
)

# -------------------------------- tutoring ---------------------------------
DOMAINS["tutoring"] = dict(
    zh="课外辅导",
    dept=["教务处", "班主任", "课程顾问"],
    boss=["教务主管", "校区校长", "教学总监"],
    pitch=[
        "对了，我们暑假的编程夏令营正在报名，老学员报名立减500，要不要给孩子报一个？",
        "顺便推荐一下我们的英语外教一对一，现在试听课只要9.9元。",
        "另外下学期的课程现在续费能打九折，您要不要先锁定名额？",
    ],
    code_kind="学员编号",
    code=lambda rng: "S" + digits(rng, 6),
    addr=None,
    avail=("call", "班主任", ["{T}班主任给您打电话，把处理方案说清楚", "我约在{T}给您回电话",
                             "{T}教务老师打给您沟通"]),
    sit=[
        S("老师频繁更换",
          ["一个学期换了三个数学老师，孩子刚适应就换人，成绩都下滑了！",
           "开课前说好是王老师带到底，结果上了两次课就换成新老师了。"],
          "一学期换了三个老师", ["着急", "失望", "担心"], "孩子刚适应就换老师，成绩还下滑了",
          "给孩子固定一位资深老师带到学期结束", ["今天下午5点之前", "明天中午前"], "把老师的资料和排课发给您",
          ["下周"], "固定老师要等教务排完下学期的课",
          "会有教务处的老师给您回电话",
          "已经跟教务定好了，从下节课起由教了八年的陈老师带到学期末，她已经看过孩子前面的作业",
          "额外补两节衔接课需要教务主管审批",
          "老师流动是行业常态，您孩子也要学会适应",
          "老师是总部调配的，校区也说了不算",
          "保证孩子这学期成绩一定提高二十分"),
        S("网课卡顿掉线",
          ["孩子上网课一节课掉线五六次，老师讲的一半都没听到。",
           "直播课画面一直卡，声音也断断续续，这钱不白花了吗？"],
          "网课一直卡顿掉线", ["心烦", "着急", "无奈"], "孩子一节课一半时间都在等重连",
          "给孩子开通这节课的回放，并安排一节一对一补课", ["今晚8点之前", "今天之内"], "把回放链接发给您",
          ["下周"], "补课时间要等老师排出空档",
          "会有班主任联系您",
          "已经给孩子开通了回放，还约好了老师明晚7点单独补讲半小时，链接已经发到您手机",
          "这节课退费需要教务主管审批",
          "是您家网络的问题，我们其他学生都没事",
          "直播平台是第三方的，卡顿不归我们管",
          "保证以后上课一秒钟都不会卡"),
        S("退费被拖",
          ["孩子不上了，退费申请交了一个月，一直说在走流程！",
           "合同写着七个工作日退费，现在二十天了钱还没到。"],
          "退费申请一个月还没到账", ["气愤", "无奈", "着急"], "钱一直拖着不退",
          "查清楚退费卡在哪一步，直接找财务加急", ["今天下午4点之前", "2小时内"], "给您确切的到账时间",
          ["两周内"], "要等校区和总部财务对完账",
          "会有课程顾问给您回电话",
          "已经找财务确认了，剩余的4860元今天下午已经打款，明天中午之前能到账",
          "违约金减免需要校区校长审批",
          "合同里写了退费流程要30天，您再等等",
          "退费是总部财务在处理，校区管不了",
          "给您以后所有的课都全额退费"),
        S("课程和宣传不符",
          ["报名时说是小班六个人，去了一看二十多个孩子挤一个教室！",
           "宣传册上写的小班教学，结果一个班塞了二十五个孩子，老师根本顾不过来。"],
          "说好的小班变成了大班", ["失望", "气愤", "憋屈"], "报名时说的和实际差得太多",
          "把孩子调到真正的六人小班", ["这周六前", "明天"], "安排好",
          ["下个月"], "调班要等小班有空位",
          "会有课程顾问联系您",
          "已经把孩子调进周六上午的六人小班了，课表发您手机了，差的课时也补上了",
          "差价退还需要校区校长签字",
          "宣传单上写的是“小班制”，没承诺具体人数",
          "宣传是市场部做的，我们教学这边不清楚",
          "保证孩子下次考试一定进年级前十"),
    ],
    steps=[
        STEP("上课软件进不了教室", "提示房间不存在", "重启电脑", "把电脑重启了两次",
             "把电脑重启一下再进", "让技术老师把孩子直接拉进教室"),
        STEP("作业上传不了", "一直提示上传失败", "换浏览器", "换了三个浏览器上传",
             "换一个浏览器再上传", "让老师开通微信收作业，孩子拍照发给老师就行"),
        STEP("课程回放打不开", "黑屏没声音", "清缓存", "把App缓存清了",
             "清一下App缓存再看", "把回放视频直接下载好发到您的邮箱"),
    ],
    prefs=[
        PREF("这个老师不太适合我家孩子。", "可以帮您换老师，或者让现在的老师调整一下教法。",
             "我不要换老师，孩子很喜欢她，我是想让她多布置点练习。",
             "给孩子换一位老师", "请现在的老师每节课后加布置一套练习"),
        PREF("孩子这学期不想上了。", "可以帮您把课时转给家里其他孩子，或者延期到下学期。",
             "不转也不延期，家里就一个孩子，下学期也不上了，退费。",
             "把剩余课时延期到下学期", "按剩余课时给您办理退费"),
    ],
    deadlines=[
        DL("孩子{D}就期中考试了，缺的两节课必须在那之前补上。", "给孩子安排一对一补课", "把两节课补完"),
        DL("{D}就要交升学材料，你们的学习证明得在那之前给我。", "让教务加急开学习证明", "把盖章的证明交给您"),
    ],
    facts=[
        FACT([("c", "学员编号{code}，孩子买了{n}节课，上了一半不上了，交了{amt}元。"), ("a", "好的，我查一下课时记录。")],
             "查到了吗？能退多少？", "学员{code}买的{n}节课、{amt}元的学费",
             "按剩余课时核算退费", "给您退费明细",
             dict(code=("code",), n=("n", 24, 60), amt=("amt", 4800, 16800))),
        FACT([("c", "孩子{wd}晚上{h}点的课，老师没上线，孩子等了一小时。"), ("a", "非常抱歉，我查一下排课。")],
             "怎么回事？", "{wd}晚上{h}点的那节课",
             "给孩子安排补课", "补上",
             dict(wd=("wd",), h=("h", 6, 8))),
    ],
    questions=[
        Q([("c", "孩子缺了两节课。"), ("a", "缺的课可以安排补课。")],
          ("什么时候补？", "这周六下午2点到4点，连着补两节，老师已经排好了",
           "这几周会安排，具体等老师有空"),
          ("在哪个校区补？", "在您平时上课的文华路校区，三楼305教室",
           "看哪个校区有空教室"),
          ("补课要另外交钱吗？", "因为是我们老师缺课，补课完全免费",
           "一般不收，我再确认一下")),
        Q([("c", "我想给孩子报寒假班。"), ("a", "寒假班正在报名。")],
          ("寒假班几号开课？", "1月20日开课，每天上午9点到11点半，连上十天",
           "一月份吧，具体日期还没定"),
          ("在哪里上课？", "在人民广场校区上，就是地铁2号线D口出来那栋楼的5层",
           "几个校区都有，到时候看"),
          ("寒假班多少钱？", "十天课一共2980元，老学员再减300，教材免费",
           "三千左右吧")),
    ],
    unavail=[
        UN("我想让孩子继续跟李老师上课。", "李老师上个月已经离职了。",
           "孩子就认李老师，别人教他根本不听。",
           "给孩子继续安排李老师的课",
           "李老师确实走了。我挑了风格最像她的赵老师，下周二先免费试一节，孩子不喜欢随时换",
           "帮您登记一下，看看有没有别的老师合适"),
        UN("能不能安排周日上午的课？", "周日上午的班已经满了，教室也排满了。",
           "孩子周六要去练琴，只有周日上午有空。",
           "给孩子加进周日上午的班",
           "周日下午2点还有一个同级别的班，只有五个孩子，我先帮您占个位，今晚8点前确认就行",
           "帮您排进周日上午的候补"),
    ],
    promises=[
        PROM("孩子的补课什么时候安排？", "这周五之前一定给孩子把补课排好。",
             "说好周五前排好，今天都下周一了，没人通知我！",
             "上次班主任说周五前安排补课，到现在都下周一了。",
             "周五前排好补课", "重新给您登记补课需求，这周内安排",
             "已经报给{B}，她亲自排了这周三晚上7点的补课，老师已经确认，课表马上发您",
             "再帮您催一下教务"),
        PROM("退费到哪一步了？", "退费审批过了，7个工作日之内到账。",
             "7个工作日早过了，现在第15天了！",
             "上次课程顾问说7个工作日内退费到账，现在15天了还没到。",
             "7个工作日内退费到账", "重新帮您提交一次退费，7个工作日之内到账",
             "已经交给{B}处理，财务今天下午5点前打款，回单我拍照发您",
             "再给财务催一次"),
    ],
)

# ------------------------------ water & gas utility ------------------------------
DOMAINS["utility"] = dict(
    zh="水电燃气",
    dept=["营业厅", "抢修中心", "计量科"],
    boss=["抢修班长", "营业厅主任", "客服中心主任"],
    pitch=[
        "对了，我们现在推出燃气安全保险，一年只要50元，要不要给您加上？",
        "顺便推荐一下智能燃气报警器，现在安装只要199元。",
        "另外净水器正在做活动，燃气用户购买立减300元。",
    ],
    code_kind="户号",
    code=lambda rng: digits(rng, 10),
    addr=addr_home,
    avail=("visit", "抢修师傅", ["{T}安排师傅上门检查", "我给您约在{T}，师傅上门处理",
                                 "师傅{T}到您家，到之前会给您打电话"]),
    sit=[
        S("突然停气",
          ["家里燃气突然没了，也没看到停气通知，一家人等着做饭！",
           "燃气灶怎么都点不着，热水器也用不了，外面零下好几度。"],
          "燃气突然停了，饭做不了", ["着急", "无奈", "烦躁"], "一家人等着吃饭却打不着火",
          "派抢修师傅上门检查管道和表具", ["1小时内", "40分钟内"], "到您家",
          ["今天晚些时候", "明天上午"], "如果是主管网问题，要等片区排查完才能恢复",
          "会有抢修中心给您回电话",
          "已经查到是您那栋的调压箱故障，抢修车到了现场在换件，半小时后恢复供气",
          "停气期间的补偿要客服中心主任审批",
          "是不是您家燃气卡没钱了？先自己看看表",
          "管道是物业负责的，您问物业吧",
          "保证以后您家一分钟都不会停气"),
        S("水费异常",
          ["这个月水费三百多，平时才五六十，家里就两个人！",
           "水表半夜都在转，我家根本没人用水。"],
          "水费突然翻了好几倍", ["惊讶", "气愤", "不安"], "平时几十块，这个月突然三百多",
          "安排抄表员上门复核读数并检查有没有漏水", ["明天上午", "今天下午"], "上门复核",
          ["一周内"], "多收的钱要等计量科出具检测报告后才能退",
          "会有营业厅的同事联系您",
          "已经复核了，是抄表员把读数多抄了一位，多收的268元已经冲抵到下个月水费里了",
          "退还多收水费需要营业厅主任签字",
          "您家是不是有哪里漏水自己没发现？",
          "抄表是外包公司做的，数据我们也改不了",
          "给您家以后的水费全部免单",
          shot="缴费账单"),
        S("缴费未到账",
          ["昨晚在App上交了200元电费，今天还是欠费停电了！",
           "交了燃气费，表里没显示，现在用不了气。"],
          "交了费还是欠费停了", ["着急", "窝火", "无奈"], "钱交了却还是被停了",
          "按缴费记录给您补录到账", ["半小时内", "马上"], "恢复供应",
          ["今晚", "24小时内"], "要等银行和系统对账",
          "营业厅会安排同事回电给您",
          "已经按您的缴费记录手动补录了，远程恢复指令也发了，10分钟内就能用",
          "这次停电的补偿需要营业厅主任审批",
          "您是不是交错户号了？",
          "这是支付平台的问题，我们系统没收到钱",
          "保证以后您家永远不会停电",
          shot="缴费成功页面"),
        S("抄表员上门态度差",
          ["抄表员上门态度特别差，还说我家表是我自己弄坏的！",
           "来换表的师傅把我家地板踩得全是泥，说他两句还骂人。"],
          "上门师傅态度恶劣", ["委屈", "气愤", "窝火"], "在自己家里还被人这样对待",
          "调查这位员工的情况，并安排主管上门道歉", ["今天下午", "明天上午"], "给您一个交代",
          ["一周内"], "处理结果要等人事部门调查完",
          "会有客服中心主任联系您",
          "已经把这位员工停岗调查了，主管今天下午3点上门给您当面道歉，换表的事也由他跟进",
          "给您补偿要客服中心主任审批",
          "我们员工一般不会这样，是不是您先说了什么？",
          "那是外包公司的员工，我们管不了",
          "保证以后所有员工对您都百分之百满意"),
    ],
    steps=[
        STEP("燃气卡插进表里没反应", "表上不显示", "重新插卡", "把卡拔出来重新插了好几次",
             "把燃气卡拔出来重新插一次", "安排师傅上门检查表具读卡器"),
        STEP("预付费电表充值后不到账", "余额没变", "等系统同步", "按你们说的等了24小时",
             "再等等系统同步", "在后台给您手动下发充值指令"),
        STEP("热水器点火失败", "打不着火", "换电池", "换了两节新电池",
             "给热水器换两节新电池", "派燃气师傅上门检查气压"),
    ],
    prefs=[
        PREF("我家燃气表坏了。", "可以给您换新表，需要收费180元，或者先修一修。",
             "不用修了，修过两次又坏，我直接换新表。",
             "先安排师傅上门修一修表", "给您换一块新的燃气表"),
        PREF("我家水费多收了。", "多收的钱可以冲抵下个月的水费。",
             "别冲抵，我下个月就搬走了，把钱退到我卡上。",
             "把多收的钱冲抵到下个月水费里", "把多收的钱原路退到您的银行卡"),
    ],
    deadlines=[
        DL("家里{D}请客吃饭，燃气必须在那之前恢复。", "派抢修师傅加急处理", "恢复供气"),
        DL("我{D}就要出差半个月，欠费停的电必须在那之前恢复，冰箱里全是东西。", "给您加急复电", "恢复供电"),
    ],
    facts=[
        FACT([("c", "户号{code}，这个月燃气费{amt}元，比上个月多了三倍。"), ("a", "我调一下您的用气记录。")],
             "调出来了吗？", "户号{code}这个月{amt}元的燃气费",
             "安排抄表员上门复核", "给您核对结果",
             dict(code=("code",), amt=("amt", 260, 980))),
        FACT([("c", "我家住{estate}{b}栋，{wd}下午停了{n}个小时的电，冰箱里的东西都坏了。"),
              ("a", "抱歉，我查一下那天的停电记录。")],
             "你们打算怎么处理？", "{estate}{b}栋{wd}下午停电{n}个小时",
             "给您登记停电损失", "给出处理方案",
             dict(estate=("pick", ESTATES), b=("n", 2, 18), wd=("wd",), n=("n", 3, 9))),
    ],
    questions=[
        Q([("c", "我家的燃气什么时候恢复？"), ("a", "抢修已经在进行了。")],
          ("大概几点能恢复？", "抢修队在换调压器，下午4点前一定恢复供气",
           "今天应该能恢复，具体看抢修进度"),
          ("要去哪里开阀？", "不用您去，恢复后师傅会挨家上门开阀点火，您在家等就行",
           "恢复后您自己开一下阀就行，阀门一般在厨房"),
          ("停气这几天燃气费怎么算？", "停气期间不计费，而且这个月的基本费也给您减免",
           "应该不收吧，具体看政策")),
        Q([("c", "我要开通新房的燃气。"), ("a", "好的，我帮您办理。")],
          ("最快哪天能通气？", "明天上午安检，合格后当场通气",
           "一般几天内吧"),
          ("要去哪个营业厅办？", "在线上就能办完，不用跑营业厅；非要去的话最近的是东湖路营业厅",
           "去附近营业厅吧，具体哪个我再查"),
          ("开户要交多少钱？", "开户不收费，只需要预存100元燃气费",
           "几百块吧")),
    ],
    unavail=[
        UN("我想今天开通燃气。", "您的小区今天整片在做管道改造，全天停气。",
           "那我今天岂不是连饭都做不了？",
           "给您家单独开通，今天下午就能用气",
           "今天确实通不了气。我帮您约了明天上午9点的首批通气，今晚给您送一个电磁炉应急",
           "明天给您排个通气时间"),
        UN("能不能给我换一块智能水表？", "您那片小区的智能水表改造要明年才开始。",
           "我家老人看不清机械表，每次抄表都很麻烦。",
           "今天就给您家单独换一块智能水表",
           "智能表今年确实换不了，我帮您开通了线上自报读数，每月我们发短信提醒，拍个照就行",
           "帮您登记智能表需求，改造时优先"),
    ],
    promises=[
        PROM("我家燃气什么时候修？", "抢修师傅下午2点前到您家。",
             "说下午2点前到，现在6点了，我家孩子饿了一下午！",
             "下午客服说2点前派抢修师傅来，现在天都黑了还没人。",
             "下午2点前到您家", "给您重新派一张抢修单，尽快上门",
             "已经报给{B}，他带队的抢修车刚动身，40分钟内能到，今晚一定恢复",
             "再催一下抢修中心"),
        PROM("多收的水费什么时候退？", "本月15号前退到您卡上。",
             "说好15号前退，今天都25号了。",
             "上次营业厅说15号前退多收的水费，今天都25号了还没到。",
             "15号前退款", "重新帮您提交一次退款，下月15号前到",
             "已经交给{B}亲自办，今天下午走人工退款，明天中午之前能到账",
             "再帮您催一下财务"),
    ],
)

# -------------------------------- cinema ---------------------------------
DOMAINS["cinema"] = dict(
    zh="电影院",
    dept=["影院值班经理", "票务组", "会员中心"],
    boss=["影院经理", "值班经理", "区域运营经理"],
    pitch=[
        "对了，我们现在办储值卡充500送100，看电影更划算，要不要办一张？",
        "顺便推荐一下新出的情侣套餐，两杯饮料加大桶爆米花只要59元。",
        "另外下周有一部大片首映，现在预售九折，要不要先帮您订？",
    ],
    code_kind="取票码",
    code=lambda rng: digits(rng, 8),
    addr=None,
    avail=("call", "值班经理", ["{T}值班经理给您打电话，把处理结果说清楚", "我约在{T}给您回电话",
                               "{T}我亲自打给您"]),
    sit=[
        S("储值卡被多扣",
          ["我的储值卡买了两张票，却扣了三张的钱。",
           "卡里明明还有三百多，今天一查只剩一百了，我最近就看了一场。"],
          "储值卡被多扣了钱", ["气愤", "不安", "窝火"], "卡里的钱莫名其妙少了",
          "调出您储值卡的全部消费记录逐条核对", ["1小时内", "今天下午5点之前"], "把多扣的钱退回卡里",
          ["3个工作日之内", "这周内"], "退回卡里要等会员中心和财务对账",
          "会有会员中心的同事给您回电话",
          "已经核对了，确实多扣了一张票的钱，45元刚刚退回您的储值卡，您刷新就能看到",
          "额外补偿一张观影券需要影院经理审批",
          "是不是您把卡借给别人用了？",
          "扣款是系统自动扣的，我们也查不了",
          "保证您卡里的钱以后一分都不会少",
          shot="储值卡消费记录"),
        S("放映中断",
          ["电影放到一半突然黑屏，等了二十分钟都没恢复，也没人出来说明！",
           "关键剧情声音没了，我们整场都没听清楚。"],
          "电影放到一半黑屏", ["扫兴", "失望", "恼火"], "好不容易抽空来看，看到一半断了",
          "给整场观众办理退票，再送一张兑换券", ["10分钟内", "散场前"], "把退款和兑换券办好",
          ["三天内"], "兑换券要等区域运营批下来",
          "会有值班经理给您打电话",
          "已经给您全额退了票款，还把一张通兑券发到了您的会员账户，下次任何场次都能用",
          "额外补偿套餐需要影院经理审批",
          "设备偶尔出故障很正常，您体谅一下",
          "放映设备是厂家维护的，我们也没办法",
          "保证以后每一场电影都不会出任何故障"),
        S("座位被重复售出",
          ["我买的7排8座，到了有人坐着，他的票也是这个位子！",
           "我和孩子的连座被拆开卖了，两个人坐在两头。"],
          "座位被重复卖了", ["尴尬", "恼火", "无奈"], "票买好了人到了却没位置坐",
          "让现场工作人员给您调到中间的好位置", ["5分钟内", "马上"], "安排好",
          ["开场十分钟后"], "差价补偿要等票务组核实",
          "会有票务组的同事联系您",
          "已经给您换到了6排中间的位置，工作人员在门口等您带过去",
          "补偿观影券需要值班经理签字",
          "您是不是看错厅了？",
          "票是第三方平台卖的，重复出票是他们的问题",
          "给您以后每次来看电影都留最好的座位，还免费"),
        S("退票不给退",
          ["临时有事提前三个小时退票，你们说不能退，平台上明明写着可以！",
           "孩子发烧看不了了，开场前一小时申请退票被拒。"],
          "提前退票被拒", ["着急", "委屈", "气愤"], "按规定时间申请退票却被拒",
          "按平台规定给您办理退票", ["半小时内", "今天之内"], "把票款退回去",
          ["3个工作日之内"], "特殊退票要等票务组审批",
          "会有票务组的同事给您回电话",
          "已经给您退了票，票款全额原路退回，2小时内到账",
          "退手续费需要影院经理审批",
          "临时有事是您自己的原因，退不了很正常",
          "退票规则是平台定的，我们影院说了不算",
          "保证以后您所有的票都随时可退，不收一分钱"),
        S("卖品质量问题",
          ["刚买的爆米花是潮的，可乐也没气，这还卖38块？",
           "热狗里面是凉的，吃了两口孩子就说肚子不舒服。"],
          "买的卖品有质量问题", ["失望", "恼火", "担心"], "花了钱买的东西不能吃",
          "给您换一份新鲜的", ["5分钟内", "马上"], "送到您座位上",
          ["20分钟后", "这场电影结束前"], "退款要等卖品部主管核对",
          "会有值班经理联系您",
          "已经让卖品部重新做了一份新鲜的送到您座位上，原来那份的钱也退了",
          "退全款加送饮品需要值班经理签字",
          "爆米花放久了都这样，您可以早点来买",
          "卖品是外包商家做的，跟影院没关系",
          "保证以后所有卖品都是全城最好吃的"),
    ],
    steps=[
        STEP("取票机扫码取不出票", "提示无效", "重新输取票码", "在取票机上把取票码输了三遍",
             "在取票机上重新输一次取票码", "让前台直接给您打印纸质票"),
        STEP("App选座付不了款", "一直转圈", "换网络", "WiFi和流量都换着试了",
             "换一下网络再付款", "在后台帮您锁住座位，给您发一个新的支付链接"),
        STEP("会员积分没到账", "积分没变", "重新登录", "退出会员账号又登录了",
             "退出会员账号重新登录", "在会员系统里手动给您补录积分"),
    ],
    prefs=[
        PREF("电影中途黑屏了。", "可以给您换一场明天的，或者退票。",
             "明天我没空，别给我换场次，直接退票。",
             "给您换到明天同一时间的场次", "给您全额退票"),
        PREF("买的爆米花是潮的。", "给您一张下次使用的优惠券可以吗？",
             "下次我不一定来，不要优惠券，给我换一份新的。",
             "给您发一张下次用的卖品优惠券", "现在就给您换一份新做的爆米花"),
    ],
    deadlines=[
        DL("电影{D}开场，我的票到现在都取不出来！", "让前台直接给您出纸质票", "把票交到您手上"),
        DL("公司包场{D}开始，预订的场次确认单得在那之前给我。", "加急出包场确认单", "把确认单发给您"),
    ],
    facts=[
        FACT([("c", "取票码{code}，我买了{n}张{hall}的票，一张都取不出来。"), ("a", "我查一下这个订单。")],
             "查好了吗？快开场了。", "取票码{code}、{hall}的{n}张票",
             "让前台直接出票", "把票交给您",
             dict(code=("code",), n=("n", 2, 5), hall=("pick", ["IMAX厅", "3号厅", "5号激光厅", "VIP厅"])),
             fast=["10分钟内", "开场前"]),
        FACT([("c", "我买的是{seat}的票，可是被人坐了。"), ("a", "您稍等，马上有人过去。")],
             "人呢？电影都开始了。", "{seat}这个座位",
             "让工作人员过去核对", "给您安排好", dict(seat=("seat",)), fast=["5分钟内", "马上"]),
    ],
    questions=[
        Q([("c", "电影放一半断了，要退票。"), ("a", "这场可以全额退。")],
          ("钱什么时候退回来？", "已经提交了，2小时内原路返还到您的支付账户",
           "会退的，时间看平台"),
          ("要去哪里办退票？", "不用去前台，我这边已经在线上帮您办了，您坐着等到账就行",
           "可以去前台问问"),
          ("能退多少？", "全额退，两张票一共98元，服务费也一起退",
           "大部分能退")),
        Q([("c", "我想包场给孩子过生日。"), ("a", "可以包场的。")],
          ("最早什么时候能包？", "这周六上午10点的场次还空着，我现在就能帮您锁定",
           "最近几周都可以，要看排片"),
          ("在哪个厅？", "给您安排在5号厅，60个座位，厅门口有一块空地可以放蛋糕",
           "看当天哪个厅空"),
          ("包场多少钱？", "5号厅包场一场1800元，含60份爆米花",
           "两千左右吧")),
    ],
    unavail=[
        UN("我想买今晚8点那场IMAX。", "今晚8点的IMAX场次已经满座了。",
           "我们约好了今晚一起看的，就剩这场了？",
           "给您留两张今晚8点的IMAX票",
           "今晚9点40还有一场IMAX，中间位置有连座，我帮您锁10分钟，付款就出票",
           "帮您登记一下，有人退票就通知您"),
        UN("我想在这家店用储值卡。", "很抱歉，这张储值卡是另一个品牌影城的，我们这里用不了。",
           "那我卡里还有八百多呢。",
           "帮您在我们这里直接刷这张卡",
           "这张卡在我们这确实用不了。离您最近能用它的是万象城那家，我把地址和今晚的场次发您",
           "帮您问问能不能转到我们这边"),
    ],
    promises=[
        PROM("黑屏那场的退款什么时候到？", "今天傍晚5点前退回给您。",
             "说下午5点前退款，现在晚上9点了，一分钱没到！",
             "下午影院说5点前退款，到晚上都没收到。",
             "下午5点前退款", "重新给您提交一次退款，明天下午5点前到",
             "已经报给{B}，他现在人工打款，半小时内到账",
             "再给票务组催一下"),
        PROM("我的补偿券什么时候发？", "明天中午前发到您的会员账户。",
             "说明天中午前发券，现在两天了，账户里什么都没有。",
             "上次影院说第二天中午发补偿券，两天了都没收到。",
             "第二天中午前发补偿券", "重新给您申请一张补偿券，明天中午前发",
             "已经交给{B}处理，他现在就手动给您发券，10分钟内到账",
             "再帮您催一下会员中心"),
    ],
)

# -------------------------------- laundry ---------------------------------
DOMAINS["laundry"] = dict(
    zh="洗衣服务",
    dept=["门店", "洗护工厂", "售后组"],
    boss=["店长", "工厂主管", "售后主管"],
    pitch=[
        "对了，我们现在有皮具护理服务，包包清洗上色只要199元，要不要一起送来？",
        "顺便推荐一下洗衣年卡，一年不限次只要999元。",
        "另外我们新开了窗帘上门清洗，这个月八折。",
    ],
    code_kind="洗衣单号",
    code=lambda rng: "XY" + digits(rng, 9),
    addr=addr_home,
    avail=("visit", "取送员", ["{T}安排取送员上门", "我给您约在{T}，取送员上门收衣服",
                               "取送员{T}把衣服送回您家"]),
    sit=[
        S("衣服洗坏",
          ["我三千多买的羊绒大衣，送洗回来缩了一大圈，根本穿不了！",
           "白衬衫洗完染上了别的颜色，一大片蓝的。"],
          "送洗的衣服洗坏了", ["心疼", "气愤", "失望"], "贵的衣服洗一次就毁了",
          "让工厂主管鉴定洗坏的原因", ["今天下午", "明天中午前"], "给您赔付方案",
          ["一周内"], "赔偿金额要等鉴定结果",
          "会有售后组的同事联系您",
          "已经确认是我们洗护工艺不对，按发票价赔偿的款项今天下午打到您账户",
          "全额赔偿需要售后主管审批",
          "羊绒本来就容易缩，您送来时也没特别说明",
          "洗是外包工厂洗的，我们门店只负责收",
          "保证以后您送来的每一件衣服都跟新的一样",
          photo="洗坏的衣服"),
        S("衣服丢失",
          ["送洗了五件衣服，取回来只有四件，少了一条西裤！",
           "我的羽绒服送洗半个月了，店里说找不到了。"],
          "送洗的衣服丢了", ["着急", "气愤", "无奈"], "好好的衣服送来洗却丢了",
          "让工厂按洗衣单逐件核查", ["今天下午5点之前", "2小时内"], "给您找回结果",
          ["三天内"], "确认丢失后的赔偿要等店长核价",
          "会有门店的同事给您回电话",
          "已经在工厂找到了，衣服被挂错了区，取送员今天下午给您送回去",
          "丢失赔偿需要店长审批",
          "是不是您送来的时候就只有四件？",
          "衣服是物流送去工厂的，在物流环节丢的",
          "保证您的衣服以后一件都不会丢"),
        S("送回超时",
          ["说好三天取，这都一周了还没洗好，我就这一件正装！",
           "周五要穿的裙子，到现在App还显示“洗护中”。"],
          "洗好的衣服迟迟不送回", ["着急", "焦虑", "恼火"], "等着穿的衣服一直拿不回来",
          "让工厂把您的衣服优先洗好出库", ["明天上午", "今晚8点之前"], "送到您手上",
          ["下周"], "工厂的排期要等主管确认",
          "门店会安排人打电话联系您",
          "已经让工厂优先处理，衣服刚出库，今晚7点之前能送到家",
          "免单补偿需要店长审批",
          "最近是换季高峰，您得多留几天",
          "工厂排期不归门店管",
          "保证以后所有衣服都当天洗当天送"),
        S("污渍没洗掉",
          ["衣服上的红酒渍一点都没洗掉，还收了我特殊污渍费。",
           "送洗的沙发套油渍还在，跟没洗一样。"],
          "污渍没洗掉还收了特殊处理费", ["失望", "窝火", "无奈"], "花了特殊处理的钱却没效果",
          "安排工厂免费重新处理", ["明天下午前", "48小时内"], "重新洗好送回",
          ["一周内"], "能不能洗掉要等工厂技师评估",
          "会有售后组联系您",
          "已经把特殊污渍费退给您了，衣服让技师重新手工处理，明天下午送回",
          "退特殊处理费需要店长签字",
          "红酒渍时间长了本来就洗不掉，您应该早点送来",
          "清洗效果是工厂负责的",
          "保证任何污渍我们都能洗得一干二净"),
    ],
    steps=[
        STEP("小程序下单预约不了取件", "提示时段不可用", "换个时段", "把能选的时段都试了一遍",
             "换一个取件时段再提交", "让门店直接给您安排取送员"),
        STEP("取送员一直没来", "没人来", "在小程序催单", "在小程序里点了好几次催单",
             "在小程序里点一下催单", "让门店店长直接调度取送员"),
        STEP("洗衣柜扫码打不开", "柜门不开", "重新扫码", "对着柜子扫了好多次码",
             "重新扫一下柜子上的二维码", "远程给您开柜门"),
    ],
    prefs=[
        PREF("我的大衣洗缩水了。", "可以送去工厂做拉伸复原，或者按价赔偿。",
             "不要复原了，缩成这样拉回来也会变形，直接按价赔。",
             "把大衣送去工厂做拉伸复原", "按大衣的价格给您赔付"),
        PREF("我要送洗衣服。", "可以安排取送员上门取，或者您送到门店。",
             "别上门，我家有狗，我自己送到门店。",
             "安排取送员上门取衣服", "给您在门店留好专属收衣位"),
    ],
    deadlines=[
        DL("我{D}要参加婚礼，送洗的西装必须在那之前拿到。", "让工厂把您的西装加急处理", "把西装送到您家"),
        DL("{D}我就要出国，送洗的羽绒服得在那之前取回来。", "让工厂优先洗护羽绒服", "送回您家"),
    ],
    facts=[
        FACT([("c", "洗衣单{code}，我送了{n}件衣服，回来少了一件。"), ("a", "抱歉，我查一下这张洗衣单。")],
             "查到了吗？", "洗衣单{code}的{n}件衣服",
             "让工厂逐件核查", "给您结果",
             dict(code=("code",), n=("n", 3, 9))),
        FACT([("c", "我{md}送洗的{item}，付了{amt}元，洗完染色了。"), ("a", "我查一下这个订单。")],
             "你们怎么处理？", "{md}送洗的{item}、{amt}元的洗护费",
             "安排鉴定和赔付", "给您方案",
             dict(md=("md",), item=("pick", ["真丝连衣裙", "羊毛西装", "白色羽绒服", "羊绒大衣"]),
                  amt=("amt", 45, 260))),
    ],
    questions=[
        Q([("c", "我的衣服什么时候能洗好？"), ("a", "已经在洗了。")],
          ("几点能送回来？", "明天下午3点前取送员送到您家，出发时会给您打电话",
           "这两天应该能洗好"),
          ("我去哪里取？", "在您下单的那家和平路门店取，放在前台右边的取衣柜里，凭取件码开柜",
           "可以到门店取，也可以等送"),
          ("要付多少钱？", "三件一共126元，会员九折后113元，已经从您卡里扣了",
           "一百多吧")),
        Q([("c", "我想洗一床蚕丝被。"), ("a", "蚕丝被可以洗。")],
          ("要洗多久？", "蚕丝被要手工清洗加烘干，5天后送回，也就是下周二",
           "一周左右吧"),
          ("怎么送过来？", "今天下午4点取送员上门取，您装进袋子就行",
           "您送来或者我们去取都行"),
          ("洗一床多少钱？", "蚕丝被清洗是168元一床，含消毒除螨",
           "一百多")),
    ],
    unavail=[
        UN("我想把衣服送到你们中山路店。", "中山路店上个月已经停业了。",
           "那我之前存在那儿的衣服怎么办？",
           "您直接去中山路店把衣服取走",
           "您存的衣服已经转到了和平路店，我今天安排取送员给您送回家，明天中午前到",
           "帮您查一下衣服现在放在哪里"),
        UN("能不能今天就洗好？", "皮草护理需要专门的工序，最快也要三天。",
           "我明天就要穿出去。",
           "今天就把皮草给您洗好送回",
           "三天是最快的了。我先给您做一次不拆件的快速除尘护理，今晚8点前就能送回，能穿着出门",
           "帮您问问工厂能不能插队"),
    ],
    promises=[
        PROM("我的西装什么时候送回？", "明天中午12点前一定送到。",
             "说中午12点前送到，现在下午4点了，我晚上就要穿！",
             "上次店员说第二天中午前送西装，到下午都没见人。",
             "中午12点前送到", "给您重新安排一次配送，尽快送到",
             "已经报给{B}，他让店员直接打车送过去，5点前到您手上",
             "再帮您催一下取送员"),
        PROM("丢的那件衣服找到没？", "今天傍晚6点前回复您查找结果。",
             "说下午6点前给结果，现在第二天了都没人说话。",
             "上次门店说当天下午6点前告诉我衣服找没找到，到现在都没消息。",
             "下午6点前回复查找结果", "重新给您提交一次查找，今天下午6点前回复",
             "已经交给{B}，他在工厂亲自查，今天中午12点前给您准信，找不到当场定赔偿",
             "再帮您催一下工厂"),
    ],
)


# ==========================================================================
# driver
# ==========================================================================

def check_case(case):
    g = case["grades"]
    assert 4 <= len(case["candidates"]) <= 5, case["id"]
    assert len(g) == len(case["candidates"]), case["id"]
    assert g.count(3) == 1, case["id"]
    assert 0 in g, case["id"]
    assert all(x in (0, 1, 2, 3) for x in g), case["id"]
    assert len(set(case["candidates"])) == len(case["candidates"]), case["id"]
    for t in case["candidates"] + [case["customer"]] + [c["text"] for c in case["context"]]:
        assert "{" not in t and "}" not in t, (case["id"], t)


def generate(per_family, seed):
    rng = random.Random(seed)
    seen = set()
    cases = []
    for fam in FAMILIES:
        build = BUILDERS[fam]
        for dom in sorted(DOMAINS):
            d = DOMAINS[dom]
            k = 0
            tries = 0
            while k < per_family:
                tries += 1
                if tries > per_family * 200:
                    raise RuntimeError(f"cannot make {per_family} distinct cases for {fam}/{dom}")
                ctx, cur, cands = build(rng, d)
                texts = [t for t, _ in cands]
                if len(set(texts)) != len(texts):
                    continue
                if max(len(t) for t in texts) > 92:
                    continue
                key = (json.dumps(ctx, ensure_ascii=False), cur, tuple(sorted(texts)))
                if key in seen:
                    continue
                seen.add(key)
                rng.shuffle(cands)
                case = {
                    "id": f"genb-{fam}-{dom}-{k:03d}",
                    "domain": dom,
                    "family": fam,
                    "context": ctx,
                    "customer": cur,
                    "candidates": [t for t, _ in cands],
                    "grades": [g for _, g in cands],
                }
                check_case(case)
                cases.append(case)
                k += 1
    return cases


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="output JSONL file")
    ap.add_argument("--per-family", type=int, default=10, help="cases per family and domain")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    cases = generate(args.per_family, args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
