#!/usr/bin/env python3
"""Generates reply-ranking cases for fitting and calibrating the ranker (and, later, training a pair scorer).

Each case is a short customer-service conversation in one of a dozen domains, with 4-5 candidate replies that
differ in one controlled way: a conflict with the conversation (information asked again, a failed step
repeated, a refused remedy or channel offered, a deadline missed, a fact wrong, the question left unanswered,
the impossible promised, a broken promise ignored) or an empathy component (feeling named or not, ownership or
blame, concrete step or vague, scripted or personal). Grades follow the dev README's scale: 3 consistent with
everything and complete, 2 consistent but partial or slower, 1 generic or scripted, 0 contradicts the
conversation, blames or dismisses.

All wording is written for this generator; the dev sets are never read. Python 3.11 standard library only.

    python3 scripts/gen_rank_cases.py --out work/rank_cases.jsonl [--per-family 10] [--seed 7]
"""

import argparse
import json
import random

# ----------------------------------------------------------------------------------------------------------
# Domains: what goes wrong, what the customer can give, what the agent can do.
# ----------------------------------------------------------------------------------------------------------

DOMAINS = [
    dict(name="ecommerce", item=["电热水壶", "蓝牙音箱", "儿童书包", "羊毛围巾", "空气炸锅"],
         problem=["{item}拆开发现外壳裂了", "{item}少发了一个配件", "收到的{item}颜色跟下单的不一样"],
         id_word="订单号", id_fmt="8{d}{d}{d}{d}{d}{d}{d}{d}{d}", remedies=("reship", "refund"),
         act="给您登记好了售后", step=None, place="原付款账户"),
    dict(name="food_delivery", item=["两份牛肉面", "一份烤鸭饭", "三杯奶茶", "一份酸菜鱼"],
         problem=["点的{item}送来洒了一半", "{item}超时很久还没送到", "{item}少送了一样"],
         id_word="订单号", id_fmt="6{d}{d}{d}{d}{d}{d}{d}", remedies=("reship", "refund"),
         act="已经联系了商家", step="contact_again", place="微信零钱"),
    dict(name="airline", item=["去成都的航班", "回广州的航班", "飞三亚的航班"],
         problem=["{item}突然取消了", "{item}延误了五个小时", "{item}的托运行李没到"],
         id_word="票号", id_fmt="781{d}{d}{d}{d}{d}{d}{d}", remedies=("rebook", "refund"),
         act="已经查到您的行程", step=None, place="原支付渠道"),
    dict(name="hotel", item=["大床房", "亲子房", "行政套房"],
         problem=["订的{item}空调一直不制冷", "入住的{item}热水打不开", "{item}的窗户关不严很吵"],
         id_word="房间号", id_fmt="1{d}0{d}", remedies=("repair", "refund"),
         act="已经通知了值班经理", step="restart", place="前台"),
    dict(name="telecom", item=["家里宽带", "手机流量", "固定电话"],
         problem=["{item}从昨晚开始就用不了", "{item}隔一会儿就断一次", "{item}网速慢得打不开网页"],
         id_word="宽带账号", id_fmt="02{d}{d}{d}{d}{d}{d}{d}{d}", remedies=("repair", "coupon"),
         act="已经查了您这条线路", step="restart", place="营业厅"),
    dict(name="banking", item=["信用卡", "储蓄卡", "手机银行"],
         problem=["{item}被莫名其妙扣了一笔钱", "{item}转账一直显示处理中", "{item}突然被锁定了"],
         id_word="卡号尾号", id_fmt="{d}{d}{d}{d}", remedies=("refund", "coupon"),
         act="已经调出了这笔交易", step="relogin", place="原卡"),
    dict(name="software", item=["记账软件", "修图软件", "云笔记"],
         problem=["{item}一打开就闪退", "{item}同步不了，数据卡在半路", "{item}登录后一直白屏"],
         id_word="账号", id_fmt="u{d}{d}{d}{d}{d}{d}", remedies=("refund", "coupon"),
         act="已经看到了您账号的报错记录", step="clear_cache", place="账户余额"),
    dict(name="online_education", item=["英语口语课", "钢琴网课", "编程课"],
         problem=["{item}的回放一直加载不出来", "{item}老师连着两次没来上课", "{item}的作业提交不上去"],
         id_word="学员编号", id_fmt="S{d}{d}{d}{d}{d}", remedies=("makeup", "refund"),
         act="已经跟教务核对过您的课表", step="relogin", place="原支付宝账户"),
    dict(name="logistics", item=["寄给老家的包裹", "一箱水果", "一份合同文件"],
         problem=["{item}三天没有物流更新", "{item}显示签收但我没收到", "{item}外箱被压扁了"],
         id_word="运单号", id_fmt="SF{d}{d}{d}{d}{d}{d}{d}{d}{d}", remedies=("reship", "refund"),
         act="已经联系了派件网点", step="wait", place="驿站"),
    dict(name="utilities", item=["家里的电", "小区的燃气", "自来水"],
         problem=["{item}缴了费还是被停了", "{item}表读数明显不对", "{item}突然没了"],
         id_word="户号", id_fmt="3{d}{d}{d}{d}{d}{d}{d}", remedies=("repair", "refund"),
         act="已经查到您的缴费记录", step="wait", place="营业厅"),
    dict(name="healthcare", item=["体检报告", "复查预约", "专家号"],
         problem=["{item}到现在还没出来", "{item}被系统取消了", "{item}上的信息写错了"],
         id_word="就诊卡号", id_fmt="9{d}{d}{d}{d}{d}{d}", remedies=("rebook", "refund"),
         act="已经跟科室确认过了", step=None, place="医院服务台"),
    dict(name="car_rental", item=["租的越野车", "预订的七座车", "租的小轿车"],
         problem=["{item}开了半天胎压灯一直亮", "{item}取车时发现有刮痕没登记", "{item}押金迟迟没退"],
         id_word="订单号", id_fmt="R{d}{d}{d}{d}{d}{d}{d}", remedies=("refund", "coupon"),
         act="已经调出了您的租车记录", step=None, place="原信用卡"),
    dict(name="ride_hailing", item=["昨晚那趟快车", "早上的专车", "去机场那单"],
         problem=["{item}被多扣了一笔钱", "{item}司机绕了远路", "{item}我把包落在车上了"],
         id_word="行程单号", id_fmt="T{d}{d}{d}{d}{d}{d}{d}{d}", remedies=("refund", "coupon"),
         act="已经调出了这趟行程", step="contact_again", place="原支付账户"),
]

# ----------------------------------------------------------------------------------------------------------
# Phrase pools (written for this generator).
# ----------------------------------------------------------------------------------------------------------

FEELINGS = ["这事搁谁身上都窝火", "换成我也会很着急", "您现在一定很闹心", "白白耽误您这么多时间，真让人心累",
            "遇到这种情况确实让人失望", "我能体会您有多烦", "这么折腾一趟，您肯定憋着一肚子气", "让您这么担心，实在过意不去"]
OWNERSHIP = ["这是我们的问题", "是我们这边没做好", "责任在我们", "是我们的疏漏", "这个锅该我们背", "是我们没把关好"]
CLOSINGS = ["办好后我再跟您确认一次，您看可以吗？", "有进展我第一时间私信告诉您。", "您看这样安排行不行？",
            "这件事我会一直跟到底。", "处理完我给您发条消息确认。", ""]
SCRIPTED = ["十分抱歉给您添了不便，谢谢理解和支持，祝您一切顺利！", "您好，您反馈的问题已收到，请您稍候，谢谢配合。",
            "亲，让您困扰了真抱歉，这边会尽快为您处理，还有别的需要吗？", "您的问题已记录并反馈给相关部门，请您耐心等候处理结果。"]
VAGUE = ["我们会尽快帮您看看怎么处理", "这边会反馈上去，后续会有人跟进", "我们会重视这个问题，尽量给您一个说法",
         "已经记录下来了，等有结果再通知您"]
BLAME = ["这种情况一般是您自己操作不当造成的", "按规定这不在我们的负责范围内", "系统显示没问题，可能是您那边的原因",
         "这个要怪第三方，我们也没办法"]
GENERIC_DELEGATE = ["我把您的情况转给专门的同事，他会联系您商量具体办法", "我先帮您提交一个工单，后续由售后部门跟进",
                    "您的情况我已经上报，稍后会有专员和您沟通"]

REMEDY_TEXT = {
    "reship": ["给您补发一份新的", "重新给您发一份", "安排换新发出"],
    "refund": ["把钱全额退给您", "给您办理全额退款", "把款项原路退回"],
    "coupon": ["给您发一张30元的优惠券", "补偿您一个无门槛红包", "往您账户里充一张代金券"],
    "repair": ["安排师傅上门维修", "派工程师过来检修", "给您安排返修"],
    "makeup": ["给您补一节课", "把课程顺延一周", "给您换老师补上"],
    "rebook": ["给您改签到最近的一班", "帮您改期到您方便的时间", "给您重新预约"],
}
REMEDY_NAME = {"reship": "补发", "refund": "退款", "coupon": "优惠券", "repair": "维修", "makeup": "补课", "rebook": "改签"}

INFO = {
    "photo": ("照片", ["我拍了三张照片发上来了", "照片刚才已经传给你们了", "细节的照片都发过了，你们看一下"],
              ["麻烦您拍几张照片传给我", "请您先上传一下照片", "您再拍两张照片传上来"],
              ["按您发的照片", "从您拍的照片看"]),
    "address": ("地址", ["收货地址我填的是{addr}", "地址我刚才说了，{addr}", "我的地址是{addr}"],
                ["麻烦您再告诉我一下地址", "请提供一下您的详细地址", "您把地址再发我一遍"],
                ["按您给的{addr}这个地址", "寄到您说的{addr}"]),
    "phone": ("电话", ["我的手机号是139{d8}", "联系电话刚刚留了，139{d8}", "打这个号码就行，139{d8}"],
              ["麻烦您留一下手机号", "请提供一个联系电话", "您把手机号码发我一下"],
              ["打您留的139{d8}", "用您给的号码"]),
    "id": ("身份证", ["身份证正反面我已经上传了", "证件照片早就传过了", "身份证信息我提交过两遍了"],
           ["麻烦您上传一下身份证正反面", "请您提供一下证件照片", "需要您再补传身份证"],
           ["您上传的证件已经核对过", "按您提交的证件"]),
}
ADDRS = ["朝阳区和平里七巷5号", "滨江区江南大道88号", "雁塔区小寨东路12号", "鼓楼区中山路201号"]

STEPS = {
    "restart": (["重启了好几次", "关机再开也试过了", "断电重启过两回"], ["先把设备重启一下", "您试试关机再开", "建议您断电重启一次", "您先检查一下电源线，然后重启一次设备"]),
    "clear_cache": (["缓存也清过了", "清除缓存试了没用", "清理缓存后还是一样"], ["先清一下缓存", "您试试清除缓存", "麻烦您清理缓存再看看"]),
    "relogin": (["退出重新登录过", "重新登录了三次", "换账号重登也不行"], ["请您退出重新登录", "您先重新登录一下", "试试退出登录再进", "麻烦您先更新到最新版，接着重新登录一次"]),
    "wait": (["已经等了整整两天", "一直在等，等到现在", "按你们说的等了一周"], ["请您再耐心等待一下", "麻烦再等等", "建议您再等一等"]),
    "contact_again": (["联系骑手三次都没人接", "给司机打了好几个电话", "联系商家也没回音"], ["您再联系一下骑手", "麻烦您再打给司机试试", "您先联系商家问问"]),
}

DAY = [("明天", 1), ("后天", 2)]
EVENT = ["要出门远行", "有个重要的会", "家里办酒席", "孩子要开学", "要去面试"]


def dgt(rng, fmt):
    return "".join(str(rng.randint(0, 9)) if c == "\x00" else c for c in fmt.replace("{d}", "\x00"))


def typo(rng, code):
    """The same code with one digit changed."""
    idx = [i for i, c in enumerate(code) if c.isdigit()]
    i = rng.choice(idx)
    new = str((int(code[i]) + rng.randint(1, 8)) % 10)
    return code[:i] + new + code[i + 1:]


class Case:
    def __init__(self, rng, dom):
        self.rng = rng
        self.dom = dom
        self.item = rng.choice(dom["item"])
        self.problem = rng.choice(dom["problem"]).format(item=self.item)
        self.code = dgt(rng, dom["id_fmt"])

    def feel(self):
        return self.rng.choice(FEELINGS)

    def own(self):
        return self.rng.choice(OWNERSHIP)

    def coin(self):
        return self.rng.random() < 0.5

    def opening(self):
        """How a reply of a conflict family opens: naming the feeling or not, at random, for every candidate. What
        grades such a reply is the conflict (or its timing), so the feeling must not come with one grade only: if
        every conflicting reply named a feeling and no slower one did, the fit would learn that naming the feeling
        costs acceptance. Whether naming it matters when all else is equal is the feeling family's question."""
        return f"{self.feel()}，{self.own()}。" if self.coin() else f"{self.own()}。"

    def close(self):
        return self.rng.choice(CLOSINGS)

    def warm(self, action, when, feel=True, own=True, close=True):
        """A reply that names a feeling, owns the problem, acts with a time frame and closes personally."""
        parts = []
        if feel:
            parts.append(self.feel())
        if own:
            parts.append(self.own())
        head = "，".join(parts)
        body = f"我{when}{action}" if when else f"我{action}"
        text = f"{head}。{body}。" if head else f"{body}。"
        if close:
            text += self.close()
        return text


def fast(rng):
    return rng.choice(["今天下午", "今晚8点前", "2小时内", "今天之内", "30分钟内"])


def slow(rng):
    """Grade 2 timing: slower, or as quick but still waiting on an approval or only hoped for."""
    if rng.random() < 0.5:
        return rng.choice(["3个工作日内", "下周", "5天内", "一周之内"])
    return rng.choice(PENDING_WHEN).format(t=fast(rng), role=rng.choice(ROLES))


# Who a case can be handed to, and how a grade-1 reply promises only that someone will get back to the customer.
ROLES = ["售后主管", "值班经理", "专属客服", "技术组的同事", "门店负责人", "理赔专员", "调度主管", "财务同事", "片区组长"]
CALLBACKS = ["他{t}会致电您，和您商量{r}的细节", "{t}有专人联系您，把{r}方案讲给您听",
             "对方{t}回电，和您确认{r}怎么弄", "{t}用短信通知您处理方案", "他{t}与您联系，给个答复",
             "{t}她再和您沟通后续", "{t}打个电话给您，说明{r}怎么安排", "他们{t}回复您，看看怎么解决",
             "审核完{t}会有专人联系您"]
# Timing phrases of a reply whose remedy waits on a review or is only hoped for (read after "我").
PENDING_WHEN = ["等{role}审批后{t}", "审核通过后{t}", "争取{t}", "尽量{t}", "走完复核流程后{t}", "预计{t}", "报给{role}审批，批下来后{t}"]


def generic(c):
    """Grade 1: hands the case to someone else, or promises only a call back (often with a quick time);
    half of the time it sounds just as warm as the best reply."""
    rng = c.rng
    if rng.random() < 0.5:
        tail = rng.choice(["请您留意电话。", "请保持手机畅通。", "大概三天内会有结果。", "明天上午会有人跟您联系。"])
        text = rng.choice(GENERIC_DELEGATE) + "，" + tail
    else:
        r = REMEDY_NAME[rng.choice(c.dom["remedies"])]
        when = rng.choice(["30分钟内", "今天下班前", "明天上午", "一小时内", "今晚9点前", "24小时内"])
        text = (f"问题我这边{rng.choice(['转给', '转交', '报给', '反馈给'])}{rng.choice(ROLES)}了，"
                + rng.choice(CALLBACKS).format(t=when, r=r) + "。")
    if rng.random() < 0.5:
        text = f"{c.feel()}，{c.own()}。" + text
    return text


def handed_and_done(c, act, when):
    """Grade 3 although the case goes to a colleague: the reply still commits to the result and its time."""
    return (f"{c.feel()}，{c.own()}。订单已{c.rng.choice(['转交', '升级给', '交由'])}{c.rng.choice(ROLES)}直接办理，"
            f"{when}{act}。{c.close()}")


# ----------------------------------------------------------------------------------------------------------
# Families: each returns (context, customer, [(reply, grade)]).
# ----------------------------------------------------------------------------------------------------------

def fam_asks_given(c):
    rng = c.rng
    kind = rng.choice(list(INFO))
    word, gives, asks, uses = INFO[kind]
    addr = rng.choice(ADDRS)
    d8 = "".join(str(rng.randint(0, 9)) for _ in range(8))
    give = rng.choice(gives).format(addr=addr, d8=d8)
    context = [{"role": "customer", "text": f"{c.problem}，{give}。"},
               {"role": "agent", "text": rng.choice(["收到，我这边马上查一下。", "好的，我先核实一下情况。", "明白，稍等我看看。"])}]
    customer = rng.choice(["到底什么时候能处理好？", "能不能快点给个结果？", "我等着用，今天能解决吗？"])
    use = rng.choice(uses).format(addr=addr, d8=d8)
    good = c.warm(f"{use}{rng.choice(REMEDY_TEXT[c.dom['remedies'][0]])}", fast(rng), feel=c.coin())
    bad = f"{c.opening()}为了尽快处理，{rng.choice(asks)}，我收到后{fast(rng)}就给您办好。"
    partial = c.warm(f"{use}{rng.choice(REMEDY_TEXT[c.dom['remedies'][0]])}", slow(rng), feel=c.coin())
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


def fam_failed_step(c):
    rng = c.rng
    kinds = [k for k in STEPS if k == c.dom["step"]] or ["restart", "relogin", "clear_cache"]
    kind = rng.choice(kinds)
    tried, prescribe = STEPS[kind]
    context = [{"role": "customer", "text": f"{c.problem}。"},
               {"role": "agent", "text": rng.choice(["请问您这边自己试过什么办法吗？", "您方便说一下现在的情况吗？"])}]
    customer = f"{rng.choice(tried)}，还是老样子，怎么办？"
    good = c.warm(rng.choice(["已经给您安排专人远程排查", "直接给您升级到技术组处理", "帮您从后台重置了配置"]), fast(rng), feel=c.coin())
    bad = f"{c.opening()}{rng.choice(prescribe)}，一般{fast(rng)}就能恢复，不行再找我。"
    partial = c.warm("已经提交了技术排查", slow(rng), feel=c.coin())
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


def fam_refused_remedy(c):
    rng = c.rng
    want, other = c.dom["remedies"]
    if rng.random() < 0.5:
        want, other = other, want
    context = [{"role": "customer", "text": f"{c.problem}。"},
               {"role": "agent", "text": f"让您受累了，您看是{REMEDY_NAME[want]}还是{REMEDY_NAME[other]}？"}]
    customer = rng.choice([f"不要{REMEDY_NAME[other]}，只要{REMEDY_NAME[want]}。", f"别给我{REMEDY_NAME[other]}了，直接{REMEDY_NAME[want]}吧。",
                           f"我不想要{REMEDY_NAME[other]}，麻烦直接{REMEDY_NAME[want]}。"])
    good = c.warm(rng.choice(REMEDY_TEXT[want]), fast(rng), feel=c.coin())
    bad = c.warm(rng.choice(REMEDY_TEXT[other]), fast(rng), feel=c.coin())
    partial = c.warm(rng.choice(REMEDY_TEXT[want]), slow(rng), feel=c.coin())
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


def fam_channel(c):
    rng = c.rng
    context = [{"role": "customer", "text": f"{c.problem}。"}]
    customer = rng.choice(["白天上班接不了电话，别打电话，有结果发短信给我就行。", "只发短信吧，电话我接不了，开会一整天。",
                           "不要打电话给我，短信通知就好，我在医院陪床。"])
    act = rng.choice(["已经把您的问题提交加急处理", "已经找到负责的同事跟进"])
    good = c.warm(act, fast(rng), close=False, feel=c.coin()) + rng.choice(["处理结果我用短信发您。", "结果会短信告诉您，不会打扰您。"])
    bad = c.warm(act, fast(rng), close=False, feel=c.coin()) + rng.choice(["处理好后我给您打电话说明。", "稍后我致电跟您详细说。"])
    partial = c.warm("已经提交处理", slow(rng), feel=c.coin(), close=False) + "结果短信通知您。"
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


def fam_deadline(c):
    rng = c.rng
    day, off = rng.choice(DAY)
    hour = rng.choice([8, 9, 10])
    event = rng.choice(EVENT)
    context = [{"role": "customer", "text": f"{c.problem}。"},
               {"role": "agent", "text": rng.choice(["收到，我马上帮您处理。", "好的，我先看一下能怎么安排。"])}]
    customer = f"我{day}早上{hour}点{event}，之前必须弄好，来得及吗？"
    act = rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
    good = c.warm(act, rng.choice(["今天下午", "今晚9点前", "今天之内"]), feel=c.coin())
    # Late times the reader can compare with the deadline (a bare weekday cannot be placed without today's date).
    late = {1: ["后天上午", "3天内", "后天下午", "5个工作日内", "明天下午3点"], 2: ["大后天", "5个工作日内", "一周之内", "后天下午4点"]}[off]
    if rng.random() < 0.3:
        # Needed right now: anything from tomorrow on is too late.
        customer = rng.choice(["我这会儿就等着用，能不能马上弄好？", "别拖了，我急用，立刻给我处理行吗？",
                               "人就在现场等着，赶紧帮我弄一下可以吗？"])
        good = c.warm(act, rng.choice(["10分钟内", "半小时内", "现在就"]), feel=c.coin())
        late = ["明天上午", "明天下午3点", "3天内", "后天"]
    bad = c.warm(act, rng.choice(late), feel=c.coin())
    partial = c.warm(act, rng.choice(["今晚10点前", "今天下班前"]), feel=c.coin())
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


def fam_wrong_fact(c):
    rng = c.rng
    if rng.random() < 0.5:
        amount = rng.choice([128, 256, 399, 86, 1480, 645])
        context = [{"role": "customer", "text": f"{c.problem}，这单一共付了{amount}元。"},
                   {"role": "agent", "text": "我核实一下扣款记录，请稍等。"}]
        customer = "核实完了吗？钱能退回来吗？"
        wrong = amount + rng.choice([-20, 30, 100, -50])
        good = c.warm(f"已经把{amount}元的退款提交了，原路退回", fast(rng), feel=c.coin())
        bad = c.warm(f"已经把{wrong}元的退款提交了，原路退回", fast(rng), feel=c.coin())
        partial = c.warm(f"已经把{amount}元的退款提交了，原路退回", slow(rng), feel=c.coin())
    else:
        context = [{"role": "customer", "text": f"{c.problem}，{c.dom['id_word']}{c.code}。"},
                   {"role": "agent", "text": "收到，我马上查。"}]
        customer = "查到了吗？到底怎么回事？"
        act = rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
        good = c.warm(f"查到{c.dom['id_word']}{c.code}这单了，{act}", fast(rng), feel=c.coin())
        bad = c.warm(f"查到{c.dom['id_word']}{typo(rng, c.code)}这单了，{act}", fast(rng), feel=c.coin())
        partial = c.warm(f"查到{c.dom['id_word']}{c.code}这单了，{act}", slow(rng), feel=c.coin())
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


def fam_question(c):
    rng = c.rng
    context = [{"role": "customer", "text": f"{c.problem}。"},
               {"role": "agent", "text": "非常抱歉，这边给您办理退款可以吗？"}]
    customer = rng.choice(["可以，那钱会退到哪里？多久能到账？", "行吧，退款退到哪个账户？什么时候能到？",
                           "好，我就想知道钱退回哪里，要几天？"])
    place = c.dom["place"]
    good = f"{c.opening()}退款我已经提交了，款项原路退回您的{place}，{rng.choice(['今天之内', '2小时内', '今晚8点前'])}到账。{c.close()}"
    bad = f"{c.opening()}我已经{rng.choice(REMEDY_TEXT['coupon'])}，{rng.choice(['今天之内', '马上'])}就能用，下单直接抵扣。{c.close()}"
    partial = f"{c.opening()}退款我已经提交了，原路退回您的{place}，到账时间要看银行。"
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


UNAVAILABLE = [("这款{item}已经停产了", "这款", "再给您调一个同款{item}"), ("原来那张卡已经注销了", "那张卡", "把钱退回原来那张卡"),
               ("同款房型今晚已经订满了", "同款房型", "今晚给您换一间同款房型"), ("这个型号已经下架了", "这个型号", "给您补一个同样型号的"),
               ("这款{item}已经停产了", "这款", "登记了补货，等{item}到货后第一时间给您发出"),
               ("这个型号已经下架了", "这个型号", "帮您盯着，货一到就给您寄过去")]


def fam_impossible(c):
    rng = c.rng
    gone, name, promise = rng.choice(UNAVAILABLE)
    gone = gone.format(item=c.item)
    context = [{"role": "customer", "text": f"{c.problem}。"},
               {"role": "agent", "text": f"我查了一下，{gone}，实在不好意思。"}]
    customer = rng.choice(["那现在怎么办？我还急着用。", "那你们打算怎么解决？", "那能给我个什么方案？"])
    alt = rng.choice(["给您换一个配置更好的替代款", "先把钱退给您，再帮您找一个能马上到的替代方案", "给您推荐一个同价位能立刻安排的选择"])
    good = c.warm(alt, fast(rng), feel=c.coin())
    bad = c.warm(promise.format(item=c.item), fast(rng), feel=c.coin())
    partial = c.warm(alt, slow(rng), feel=c.coin())
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


def fam_broken_promise(c):
    rng = c.rng
    promised = rng.choice(["24小时内", "今天下午5点前", "3天内"])
    if rng.random() < 0.5:
        context = [{"role": "customer", "text": f"{c.problem}。"},
                   {"role": "agent", "text": f"已为您提交加急处理，{promised}一定给您解决。"},
                   {"role": "customer", "text": rng.choice(["好，我等你们消息。", "行，那我等着。"])}]
    else:
        # The customer reports the earlier promise themselves; the agent turn in between promises nothing.
        context = [{"role": "customer", "text": f"{c.problem}，上回客服说{promised}处理好，结果一直没消息。"},
                   {"role": "agent", "text": rng.choice(["您稍等，我看一下记录。", "我先查一下之前的工单。"])}]
    customer = rng.choice([f"说好的{promised}，到现在还是没动静！", "又过去两天了，还是没人管，你们答应的呢？",
                           "之前说得好好的，结果一直没消息，到底还管不管？"])
    good = (f"{c.feel()}。上次答应您的没做到，这次是我们失约。我已经把这单升级给主管专人跟进，"
            f"{rng.choice(['今天下午5点前', '今晚8点前', '2小时内'])}给您结果。{c.close()}")
    bad = c.warm("已经为您提交了处理申请", fast(rng), feel=c.coin())
    if c.coin():
        partial = f"{c.opening()}我已经升级给主管跟进，{slow(rng)}给您答复。"
    else:
        # Names the broken promise but sends the case down the same route again, only marked urgent: grade 2.
        partial = (f"{c.feel()}。上次答应您的没做到，是我们不对。我已经{rng.choice(['再次', '重新', '又一次'])}"
                   f"给您提交了{rng.choice(['加急', '优先处理'])}，{fast(rng)}给您结果。")
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


def empathy_context(c):
    return ([{"role": "customer", "text": f"{c.problem}。"}],
            rng_choice(c, ["你们到底怎么回事？", "这都第二次了，能不能给个说法？", "我真的很着急，今天能处理吗？"]))


def rng_choice(c, xs):
    return c.rng.choice(xs)


def best(c, act):
    """The grade-3 reply of the empathy families: the agent's own action, or a hand-over that keeps the result."""
    r = c.rng.random()
    if r < 0.3:
        return handed_and_done(c, act, fast(c.rng))
    if r < 0.5:
        # Asking for something the customer has not given yet, to act on it, is no fault.
        word, _, asks, _ = INFO[c.rng.choice(list(INFO))]
        return c.warm(act, fast(c.rng), close=False) + c.rng.choice(["另外", "还有，", "为了办得快些，"]) + c.rng.choice(asks) + "。"
    return c.warm(act, fast(c.rng))


def weaker(c, act):
    """Grade 2 of the empathy families, as the rubric has it: helpful and relevant but weaker on empathy *or* on
    specifics. Either the same quick action without naming the feeling, or the feeling named but the action slower
    or still pending. (Always both at once taught the fit that the time alone decides, and naming the feeling
    nothing.)"""
    if c.coin():
        return c.warm(act, fast(c.rng), feel=False)
    return c.warm(act, slow(c.rng))


def fam_feeling(c):
    context, customer = empathy_context(c)
    act = c.rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
    return context, customer, [(best(c, act), 3), (c.warm(act, fast(c.rng), feel=False, close=False), 2),
                               (c.rng.choice(SCRIPTED), 1), (f"{c.rng.choice(BLAME)}。", 0)]


def fam_blame(c):
    context, customer = empathy_context(c)
    act = c.rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
    blame = f"{c.rng.choice(BLAME)}，不过我{fast(c.rng)}{act}。"
    return context, customer, [(best(c, act), 3), (weaker(c, act), 2),
                               (generic(c), 1), (blame, 0)]


def fam_vague(c):
    context, customer = empathy_context(c)
    act = c.rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
    vague = f"{c.feel()}，{c.own()}。{c.rng.choice(VAGUE)}。"
    return context, customer, [(best(c, act), 3), (weaker(c, act), 2),
                               (vague, 1), (f"{c.rng.choice(BLAME)}，您再等等吧。", 0)]


def fam_scripted(c):
    context, customer = empathy_context(c)
    act = c.rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
    return context, customer, [(c.warm(act, fast(c.rng)), 3), (c.warm(act, slow(c.rng), own=False), 2),
                               (c.rng.choice(SCRIPTED), 1), (c.rng.choice(SCRIPTED).replace("非常抱歉", "没办法"), 0)]


PITCHES = ["顺带提一句，我们新出了年卡，现在办首月只要一块钱", "另外我们正在做周年庆，今天下单满200减50",
           "对了，您可以关注我们的公众号，每周都有抽奖", "趁这个机会给您推荐一下我们的会员服务，加入就送积分"]


def fam_off_topic(c):
    context, customer = empathy_context(c)
    act = c.rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
    pitch = f"{c.feel()}！{c.rng.choice(PITCHES)}，今天之内办理还有额外优惠，要不要给您开通？"
    return context, customer, [(best(c, act), 3), (weaker(c, act), 2),
                               (generic(c), 1), (pitch, 0)]


def fam_parroting(c):
    context, customer = empathy_context(c)
    act = c.rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
    echo = f"您说{c.problem}，{customer}对吗？{c.rng.choice(VAGUE)}。"
    return context, customer, [(best(c, act), 3), (weaker(c, act), 2),
                               (echo, 1), (f"{c.rng.choice(BLAME)}。", 0)]


def fam_availability(c):
    rng = c.rng
    start = rng.choice([18, 19, 20])
    context = [{"role": "customer", "text": f"{c.problem}。"}, {"role": "agent", "text": "我帮您约时间处理。"}]
    customer = rng.choice([f"白天要上班，周一到周五要晚上{start - 12}点以后才在家。", f"我只有晚上{start - 12}点之后有空，别约白天。"])
    act = "安排师傅上门处理"
    good = c.warm(act, f"明天晚上{start - 12}点半", feel=c.coin())
    bad = c.warm(act, rng.choice(["明天上午10点", "明天下午2点", "明天中午12点"]), feel=c.coin())
    partial = c.warm(act, f"这周六上午", feel=c.coin())
    return context, customer, [(good, 3), (partial, 2), (generic(c), 1), (bad, 0)]


def fam_result_vs_callback(c):
    """The same warmth and the same quick time; what differs is what is promised: the result itself (3), the
    result once someone approves it or only hoped for (2), or only a call back to talk it over (1)."""
    rng = c.rng
    context = [{"role": "customer", "text": f"{c.problem}。"},
               {"role": "agent", "text": rng.choice(["您别急，我先看一下情况。", "收到，我这边查一下。", "我了解一下具体情况。"])}]
    customer = rng.choice(["查清楚了吗？今天能给我办好吗？", "到底怎么处理？我要个准话。", "别再让我等了，现在能解决吗？",
                           "这都第二回了，这次能直接办掉吗？"])
    act = rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
    t = fast(rng)
    good = best(c, act) if rng.random() < 0.5 else c.warm(act, t)
    pending = c.warm(act, rng.choice(PENDING_WHEN).format(t=t, role=rng.choice(ROLES)))
    r = REMEDY_NAME[c.dom["remedies"][0]]
    callback = (f"{c.feel()}，{c.own()}。问题我这边{rng.choice(['转给', '报给', '转交'])}{rng.choice(ROLES)}了，"
                + rng.choice(CALLBACKS).format(t=t, r=r) + "。" + c.close())
    bad = f"{rng.choice(BLAME)}，您先等等，{rng.choice(VAGUE)}。"
    return context, customer, [(good, 3), (pending, 2), (callback, 1), (bad, 0)]


OVER_PROMISES = ["我向您保证以后绝对不会再出这种问题", "百分之百给您办妥，无论如何都不是问题",
                 "这次肯定能一步到位，以后永远不会再让您操心", "我拍胸脯担保，损失我们全部赔，一分都不会让您吃亏",
                 "我已经跟领导打过招呼，什么要求都能满足您"]


def fam_over_promise(c):
    """Grade 0: sounds generous and warm but promises what nobody can keep (forever, 100 %, anything)."""
    context, customer = empathy_context(c)
    act = c.rng.choice(REMEDY_TEXT[c.dom["remedies"][0]])
    over = f"{c.feel()}，您放心！{c.rng.choice(OVER_PROMISES)}，{fast(c.rng)}{act}。"
    return context, customer, [(best(c, act), 3), (weaker(c, act), 2),
                               (generic(c), 1), (over, 0)]


FAMILIES = {
    "over_promise": fam_over_promise,
    "result_vs_callback": fam_result_vs_callback,
    "ignores_availability": fam_availability,
    "parroting": fam_parroting,
    "off_topic": fam_off_topic,
    "asks_for_given_info": fam_asks_given,
    "repeats_failed_step": fam_failed_step,
    "ignores_preference": fam_refused_remedy,
    "ignores_channel": fam_channel,
    "misses_deadline": fam_deadline,
    "wrong_fact": fam_wrong_fact,
    "unanswered_question": fam_question,
    "impossible_promise": fam_impossible,
    "ignores_broken_promise": fam_broken_promise,
    "feeling_named": fam_feeling,
    "ownership_vs_blame": fam_blame,
    "concrete_vs_vague": fam_vague,
    "personal_vs_scripted": fam_scripted,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-family", type=int, default=10, help="cases per family and domain")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n = 0
    with open(args.out, "w", encoding="utf-8") as f:
        for fam, make in FAMILIES.items():
            for dom in DOMAINS:
                for k in range(args.per_family):
                    c = Case(rng, dom)
                    context, customer, cands = make(c)
                    # Drop exact duplicates (a pool can repeat), keep the grade of the first.
                    seen, uniq = set(), []
                    for text, grade in cands:
                        if text not in seen:
                            seen.add(text)
                            uniq.append((text, grade))
                    rng.shuffle(uniq)
                    f.write(json.dumps({
                        "id": f"gen-{fam}-{dom['name']}-{k:03d}", "domain": dom["name"], "family": fam,
                        "context": context, "customer": customer,
                        "candidates": [t for t, _ in uniq], "grades": [g for _, g in uniq],
                    }, ensure_ascii=False) + "\n")
                    n += 1
    print(f"wrote {n} cases to {args.out}")


if __name__ == "__main__":
    main()
