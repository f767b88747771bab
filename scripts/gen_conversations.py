#!/usr/bin/env python3
"""Generates labelled customer-service conversations for fitting and checking the escalation-risk model.

Every sentence is assembled here from templates written for gongqing (no external data). Each conversation
follows one named pattern (escalating or not) in one of many service domains:
{"id", "domain", "pattern", "turns": [{"role", "text"}], "escalates", "peak_turn"}.
peak_turn is the customer turn where the risk is highest (-1 when there is none).

    python3 scripts/gen_conversations.py --n 1600 --seed 1 --out target/conversations/train.jsonl
    python3 scripts/gen_conversations.py --n 400 --seed 2 --domains held-out --out target/conversations/heldout.jsonl

Python 3.11 standard library only.
"""

import argparse
import json
import random
import sys

# Per domain: the thing, what went wrong, the concrete fix, who else could be blamed, the id the customer gives,
# an amount of money at stake.
DOMAINS = {
    "parcel": dict(thing="包裹", problem="包裹五天了物流一直没更新", fix="联系仓库重新发一件顺丰", third="快递公司",
                   ident="运单号", amount="268", feeling="着急", result="明天中午前送到"),
    "food_delivery": dict(thing="外卖", problem="外卖超时一个多小时还洒了一半", fix="给您全额退款并补一张券", third="骑手",
                          ident="订单尾号", amount="86", feeling="饿着肚子等这么久", result="五分钟内退回原账户"),
    "ride": dict(thing="行程", problem="司机绕路多收了我四十块", fix="把多收的车费退给您", third="司机",
                 ident="行程编号", amount="40", feeling="被多收钱很窝火", result="今天之内退回"),
    "hotel": dict(thing="房间", problem="订好的大床房到店说没有了", fix="给您免费升级到套房", third="前台",
                  ident="预订号", amount="560", feeling="大晚上折腾", result="十分钟内安排好"),
    "flight": dict(thing="机票", problem="航班取消了退票一直不到账", fix="加急走人工退票", third="航空公司",
                   ident="票号", amount="1320", feeling="等退款等得心烦", result="三个工作日内到账"),
    "credit_card": dict(thing="信用卡", problem="同一笔消费被扣了两次", fix="发起差错退款", third="商户",
                        ident="卡号后四位", amount="799", feeling="莫名其妙被多扣钱", result="本周五前退回"),
    "broadband": dict(thing="宽带", problem="宽带三天两头断网", fix="派师傅上门换光猫", third="小区物业",
                      ident="宽带账号", amount="129", feeling="在家没法办公", result="明天上午上门"),
    "phone_repair": dict(thing="手机", problem="送修的手机拿回来还是黑屏", fix="给您换一台新机", third="原厂",
                         ident="维修单号", amount="450", feeling="修了两次还不好", result="后天寄到您手上"),
    "online_course": dict(thing="课程", problem="买的课程一直打不开视频", fix="给您开通备用播放线路", third="网络运营商",
                          ident="订单号", amount="1999", feeling="花了钱却学不了", result="今晚八点前恢复"),
    "property": dict(thing="电梯", problem="楼里电梯坏了一个星期没人修", fix="让维保公司今天派人", third="维保公司",
                     ident="房号", amount="300", feeling="老人上下楼太辛苦", result="今天下午五点前修好"),
    "insurance": dict(thing="理赔", problem="理赔材料交了一个月还没结果", fix="把您的案子转给专人审核", third="医院",
                      ident="保单号", amount="8600", feeling="一直悬着心", result="五个工作日内给结论"),
    "game": dict(thing="充值", problem="充值扣了钱游戏币没到", fix="手动给您补发", third="支付渠道",
                 ident="角色编号", amount="648", feeling="钱花了东西没拿到", result="半小时内到账"),
    "appliance": dict(thing="空调", problem="预约的空调安装师傅放了我两次鸽子", fix="安排站长亲自带队上门", third="安装网点",
                      ident="工单号", amount="3200", feeling="请假在家白等", result="明早九点准时到"),
    "gym": dict(thing="会员卡", problem="门店突然关了会员卡没法用", fix="给您转到附近门店并延期两个月", third="加盟商",
                ident="会员号", amount="2400", feeling="担心钱打水漂", result="今天就能转好"),
    "telecom": dict(thing="话费", problem="套餐里莫名多了一项增值业务", fix="退订并退还这几个月的费用", third="合作商",
                    ident="手机号", amount="90", feeling="被扣了好几个月的钱", result="48小时内退回"),
    "furniture": dict(thing="沙发", problem="新买的沙发送来就有裂口", fix="换一张新的并上门收回旧的", third="物流",
                      ident="订单号", amount="4500", feeling="新家具就出问题很扫兴", result="本周六送到"),
}

HELD_OUT = ["gym", "telecom", "furniture"]


def pick(rng, options):
    return rng.choice(options)


def c(text):
    return {"role": "customer", "text": text}


def a(text):
    return {"role": "agent", "text": text}


# --- Customer lines -----------------------------------------------------------------------------------------

def opening_question(rng, d):
    return pick(rng, [
        f"你好，想问一下{d['thing']}的事，{d['problem']}，怎么处理？",
        f"在吗？{d['problem']}，麻烦帮我看看。",
        f"请问一下，{d['problem']}，这种情况一般怎么办？",
        f"我的{d['ident']}发你了，{d['problem']}，能查一下吗",
    ])


def opening_upset(rng, d):
    return pick(rng, [
        f"{d['problem']}！有没有人管啊？",
        f"我真的很生气，{d['problem']}，这叫什么服务！",
        f"{d['problem']}，太离谱了吧？？",
        f"你们怎么回事，{d['problem']}，一点说法都没有",
    ])


def opening_anxious(rng, d):
    return pick(rng, [
        f"{d['problem']}，我这边很急，能快点处理吗",
        f"急！{d['problem']}，明天就要用了怎么办",
        f"{d['problem']}，心里特别慌，{d['amount']}块钱不是小数目",
    ])


def repeat_contact(rng, d):
    return pick(rng, [
        f"这是我第三次来问了，{d['problem']}，到现在还是没人管",
        f"上次你们说会处理，结果{d['problem']}，又来找你们了",
        f"我已经联系过好几次了，每次都让我等，{d['thing']}的事还没解决",
        f"又是我，{d['thing']}的问题还是老样子",
    ])


def broken_promise(rng, d):
    return pick(rng, [
        f"说好的昨天给我回电话，一直没人打来",
        f"上次客服答应我{d['result']}，结果什么都没发生",
        f"你们承诺的时间早过了，{d['thing']}还是没动静",
        f"不是说今天能处理好吗？怎么又没消息了",
    ])


def asked_again(rng, d):
    return pick(rng, [
        f"{d['ident']}我一开始就发了，你们能不能往上翻翻记录",
        f"同样的信息我已经说了两遍了，还要我说几遍？",
        f"我刚才不是已经给过{d['ident']}了吗",
    ])


def threat(rng, d):
    return pick(rng, [
        "好的，那我只能去12315反映了，麻烦了。",
        "明白了，这笔钱我会让发卡行帮我申请拒付。",
        f"行，那我联系银行处理这笔{d['amount']}元的扣款。",
        "知道了，谢谢。我会把经过整理好交给消协。",
        "那请把你们主管的联系方式给我，我直接跟他谈。",
        "再不解决我就打12315了",
        "我要投诉你们，把你们主管叫来",
        f"{d['amount']}块钱的事拖成这样，我去消协反映",
        "我会把这件事发到微博上让大家评评理",
        "我直接找银行申请拒付，不跟你们耗了",
        "给我转你们经理，我不想跟你说了",
        "我已经截图了，准备发小红书",
        "今天不给答复我就向市场监管部门投诉",
        "这个账号我要注销，以后不会再用你们了",
        "我要求走正式投诉流程，给我书面答复",
    ])


def threat_opening(rng, d):
    return pick(rng, [
        f"{d['problem']}，再拖下去我就打12315！",
        f"{d['problem']}，你们不处理我就发微博曝光！",
        f"{d['problem']}，我要投诉，叫你们负责人来！",
    ])


def sarcasm(rng, d):
    return pick(rng, [
        f"真是太棒了，{d['problem']}，你们效率可真高啊",
        f"呵呵，服务真好，{d['thing']}的事等到现在，佩服",
        f"厉害了，{d['problem']}，我是不是还得谢谢你们",
    ])


def cold_withdrawal(rng, d):
    return pick(rng, [
        "好的，我知道了。后面的事我去找相关部门说。",
        "好的，谢谢。我不再等了。",
        f"嗯，了解。{d['thing']}这件事我会通过正式途径解决。",
        "谢谢你，不过不用了，我会另外找地方说这个事。",
        f"好的，辛苦了。{d['thing']}的事我不打算再等你们了。",
        "嗯。你们看着办吧，我这边会按自己的方式处理。",
        f"行，你们的说法我记下了，这{d['amount']}块钱我自己去追讨。",
        "不用道歉了，道歉解决不了问题，后面我走正规途径。",
        "好的，我明白了。我自己走别的渠道解决吧。",
        "行，我知道了，不用再联系我了。",
        "算了，不指望你们了，我会找其他办法处理。",
        "嗯，就这样吧，该怎么办我心里有数了。",
        "好吧，这是我最后一次找你们了。",
        "明白了，那我通过其他渠道反映吧，谢谢。",
        "行，那我不等了。",
        "嗯。我不问了。",
        "好，我去别家看看。",
        f"知道了，{d['amount']}块我让银行那边去追。",
        "好的。那就这样，我换个地方说。",
        "嗯，辛苦。不用回我了。",
        "行吧。你们忙，我自己处理。",
        f"{d['thing']}这事我不等你们了。",
    ])


def polite_threat(rng, d):
    # Polite or sarcastic words around a real threat: the turn may read positive, the threat is meant.
    return pick(rng, [
        "行，我理解。聊天记录我存好了，晚点发到网上让大家评评。",
        "好的好的，你们规定真周到。我这就去12315问问这规定对不对。",
        "谢谢你啊，说得真好听。截图我发小红书了，大家自己看。",
        f"明白，非常理解。那这{d['amount']}块我找消协来理解一下。",
        "嗯，你们真不容易。我会在微博上替你们好好宣传一下。",
        "好的，没关系。我直接找发卡行申请拒付就行。",
    ])


def too_late(rng, d):
    return pick(rng, [
        "钱是退回来了，但这体验太差，以后不会再用你们家了。",
        "现在处理也晚了，事情已经耽误了，会员我不续了。",
        f"{d['thing']}的事就算解决了我也不想再用了，账号帮我注销吧。",
    ])


def calmed(rng, d):
    return pick(rng, [
        "说到底还是你们的问题，不过行吧，就按这个方案来。",
        "气是真气，但你这么安排我能接受。",
        f"真服了你们，折腾这么久。那我等{d['result']}，别再出岔子。",
        f"哼，早干嘛去了。那{d['thing']}的事就交给你了，是吧？",
        f"早这样处理不就好了，白生了半天气。那我就等{d['result']}吧。",
        f"那行，{d['fix'].replace('给您', '')}的话我这边没意见，到了我再看。",
        "行吧，规矩我明白了，下次我会先问清楚。",
        f"嗯，那先这样，{d['thing']}到了我再说。",
        "虽然折腾了一圈，不过你们还算负责，这事就过去了。",
        "好，按你说的办，有进展发我短信就行。",
        "那我明天再看看吧，应该没什么问题了。",
        f"好，{d['result']}的话可以接受，谢谢你。",
        "行吧，这样处理我能接受，辛苦了。",
        "嗯嗯，那我等你消息，麻烦你了。",
        "好的，有你这句话我就放心了。",
        f"收到了，{d['thing']}的事总算解决了，谢谢。",
        "好的我知道了，谢谢你这么快处理。",
    ])


def hypothetical(rng, d):
    return pick(rng, [
        "说实话本来都准备打12315了，没想到你们这么快就解决了，谢谢。",
        "要是再拖几天我大概会去投诉，幸亏你们动作快。",
        "本来想发微博吐槽的，现在看你们态度挺好，就不发了。",
        "放心，问题解决了我不会投诉的，谢谢你。",
        "差点就要找你们领导了，幸好你处理得快，满意。",
    ])


def satisfied_close(rng, d):
    return pick(rng, [
        "太感谢了，你们这次处理得真快！",
        f"{d['thing']}的事没想到这么顺利，给你点个赞。",
        "好的，明白了，谢谢！",
        "了解了，谢谢你的解答。",
        "可以了，没有其他问题了，谢谢。",
        f"好的，那我{d['result'].replace('前', '前后')}再看看。",
    ])


def short_ack(rng, d):
    # A calm last word after the trouble is over: short, sometimes taking back an angry tone.
    return pick(rng, [
        "嗯嗯",
        "好的",
        "行，谢了",
        "收到，没事了",
        f"找到了，{d['thing']}没问题，谢谢",
        "虚惊一场，麻烦你了",
        "不好意思，我刚才太急了，谢谢你",
        "好，那我等着",
        f"看到了，{d['result']}是吧，好",
        "原来是我搞错了，抱歉抱歉",
    ])


def follow_up(rng, d):
    return pick(rng, [
        f"那{d['amount']}块钱会退到原来的账户吗？",
        "需要我这边做什么吗？",
        "大概要多久呢？",
        f"{d['ident']}需要发给你吗",
    ])


def angrier(rng, d):
    return pick(rng, [
        "你这回答跟没说一样，我要的是解决办法！",
        "等等等，就知道让我等，这事究竟谁负责？",
        f"又是这套话术，{d['thing']}的问题你们就是不想处理是吧",
        "我已经受够了，你们就是在敷衍我",
    ])


# --- Agent lines --------------------------------------------------------------------------------------------

def agent_good(rng, d):
    return pick(rng, [
        f"让您{d['feeling']}，实在抱歉，问题出在我们这边。我现在就{d['fix']}，{d['result']}，办完马上给您发消息，这样可以吗？",
        f"完全能体会您{d['feeling']}的感受，这件事我来负责到底。已经为您{d['fix']}，{d['result']}，您看可以吗？",
        f"这次是我们的工作没到位，让您{d['feeling']}了。我已经{d['fix']}，预计{d['result']}，到时我给您回电确认。",
    ])


def agent_answer(rng, d):
    return pick(rng, [
        f"您好，这种情况我们会{d['fix']}，一般{d['result']}，您留意一下就好。",
        f"已经帮您查到了，{d['ident']}对应的记录正常，{d['result']}，有问题随时找我。",
        f"可以的，我这边给您{d['fix']}，{d['result']}。",
    ])


def agent_scripted(rng, d):
    return pick(rng, [
        "您好，给您添麻烦了，请再耐心等候，谢谢您的配合。",
        "亲，已经帮您反馈了，请耐心等候处理结果哦。",
        "您说的情况已登记在案，稍后会有同事跟进，谢谢支持。",
    ])


def agent_blame(rng, d):
    return pick(rng, [
        f"这是{d['third']}那边的问题，不归我们管，您自己去联系一下吧。",
        f"按规定这种情况我们没办法处理，是您自己没有注意。",
        f"这个要怪{d['third']}，我们这边也很无奈。",
    ])


def agent_promise(rng, d):
    return pick(rng, [
        f"我已经帮您加急了，{d['result']}，您放心。",
        "我马上跟进，明天一定给您回复。",
        f"已经提交给{d['third']}了，今天之内肯定有结果。",
    ])


def agent_ask_again(rng, d):
    return pick(rng, [
        f"麻烦您再提供一下{d['ident']}，我这边核实一下。",
        f"请您把{d['ident']}和相关截图再发一遍。",
    ])


def agent_dismissive(rng, d):
    return pick(rng, [
        "系统就是这样，我也没有办法。",
        "这个问题很常见的，不用太在意。",
        "您说的这些我们都知道了，再等等吧。",
    ])


def agent_hold(rng, d):
    return pick(rng, [
        "稍等，我这边查一下记录。",
        f"收到，我看一下您{d['ident']}对应的情况。",
        "好的，正在为您核实，请稍候。",
    ])


def pad(rng, d, turns):
    """Adds neutral back-and-forth after the first agent turn until the conversation reaches a length drawn
    independently of its pattern (5 to 9 turns, like real chats), so length tells nothing about the outcome."""
    target = rng.randint(5, 9)
    extra = []
    if rng.random() < 0.3:
        extra.append(a(agent_hold(rng, d)))
    while len(turns) + len(extra) + 2 <= target:
        extra += [c(follow_up(rng, d)), a(pick(rng, [agent_answer, agent_hold])(rng, d))]
    cut = next((i + 1 for i, t in enumerate(turns) if t["role"] == "agent"), len(turns))
    return turns[:cut] + extra + turns[cut:], len(extra), cut


def agent_bad(rng, d):
    return pick(rng, [agent_scripted, agent_blame, agent_dismissive, agent_promise])(rng, d)


# --- Patterns: (name, escalates, builder) where builder returns turns and the peak customer turn ----------

def esc_rising_threat(rng, d):
    turns = [c(pick(rng, [opening_upset, opening_anxious, opening_question])(rng, d)), a(agent_bad(rng, d))]
    if rng.random() < 0.6:
        turns += [c(pick(rng, [angrier, repeat_contact, broken_promise])(rng, d)), a(agent_bad(rng, d))]
    turns.append(c(threat(rng, d)))
    return turns, len(turns) - 1


def esc_cold_withdrawal(rng, d):
    turns = [c(pick(rng, [opening_question, opening_anxious, repeat_contact])(rng, d)), a(agent_promise(rng, d)),
             c(broken_promise(rng, d)), a(pick(rng, [agent_promise, agent_scripted])(rng, d))]
    if rng.random() < 0.5:
        turns += [c(broken_promise(rng, d)), a(agent_scripted(rng, d))]
    turns.append(c(cold_withdrawal(rng, d)))
    return turns, len(turns) - 1


def esc_too_late(rng, d):
    turns = [c(pick(rng, [opening_upset, repeat_contact])(rng, d)), a(agent_bad(rng, d)),
             c(pick(rng, [angrier, broken_promise])(rng, d)), a(agent_good(rng, d)), c(too_late(rng, d))]
    return turns, len(turns) - 1


def esc_sarcasm(rng, d):
    turns = [c(opening_question(rng, d)), a(agent_scripted(rng, d)), c(sarcasm(rng, d)), a(agent_bad(rng, d))]
    turns.append(c(pick(rng, [threat, cold_withdrawal, angrier])(rng, d)))
    return turns, len(turns) - 1


def esc_asked_again(rng, d):
    turns = [c(opening_question(rng, d)), a(agent_ask_again(rng, d)), c(asked_again(rng, d)),
             a(agent_ask_again(rng, d)), c(pick(rng, [threat, cold_withdrawal, angrier])(rng, d))]
    return turns, len(turns) - 1


def esc_threat_persists(rng, d):
    turns = [c(threat_opening(rng, d)), a(agent_bad(rng, d)), c(pick(rng, [angrier, threat])(rng, d))]
    peak = 2
    if rng.random() < 0.5:
        turns += [a(agent_scripted(rng, d)), c(threat(rng, d))]
        peak = 4
    return turns, peak


def calm_after_good_reply(rng, d):
    turns = [c(pick(rng, [threat_opening, opening_upset, opening_anxious])(rng, d)), a(agent_good(rng, d))]
    if rng.random() < 0.4:
        turns += [c(follow_up(rng, d)), a(agent_answer(rng, d))]
    turns.append(c(calmed(rng, d)))
    return turns, 0


def calm_hypothetical(rng, d):
    turns = [c(pick(rng, [opening_upset, opening_anxious, repeat_contact])(rng, d)), a(agent_good(rng, d)),
             c(hypothetical(rng, d))]
    return turns, 0


def calm_question(rng, d):
    turns = [c(opening_question(rng, d)), a(agent_answer(rng, d))]
    if rng.random() < 0.5:
        turns += [c(follow_up(rng, d)), a(agent_answer(rng, d))]
    turns.append(c(pick(rng, [satisfied_close, calmed])(rng, d)))
    return turns, -1


def calm_repeat_resolved(rng, d):
    turns = [c(pick(rng, [repeat_contact, broken_promise])(rng, d)), a(agent_good(rng, d)),
             c(pick(rng, [calmed, hypothetical])(rng, d))]
    return turns, 0


def calm_despite_weak_reply(rng, d):
    # A mildly unhappy customer and a formulaic agent, but the customer is fine with waiting.
    turns = [c(pick(rng, [opening_question, opening_anxious])(rng, d)), a(agent_scripted(rng, d)),
             c(follow_up(rng, d)), a(agent_answer(rng, d)), c(pick(rng, [satisfied_close, calmed])(rng, d))]
    return turns, -1 if rng.random() < 0.5 else 0


def calm_sarcasm_then_fixed(rng, d):
    turns = [c(sarcasm(rng, d)), a(agent_good(rng, d)), c(calmed(rng, d))]
    return turns, 0


def esc_polite_exit(rng, d):
    # Trouble, replies that sound warm but change nothing, then a short polite exit or a politely worded threat.
    turns = [c(pick(rng, [opening_upset, repeat_contact, broken_promise, opening_question])(rng, d)),
             a(pick(rng, [agent_hold, agent_scripted, agent_promise])(rng, d))]
    if rng.random() < 0.6:
        turns += [c(pick(rng, [broken_promise, angrier, asked_again, follow_up])(rng, d)),
                  a(pick(rng, [agent_hold, agent_scripted, agent_dismissive])(rng, d))]
    turns.append(c(pick(rng, [cold_withdrawal, polite_threat])(rng, d)))
    return turns, len(turns) - 1


def calm_short_close(rng, d):
    # An angry or threatening start that the agent resolves; the customer closes with a few calm words.
    turns = [c(pick(rng, [threat_opening, opening_upset, opening_anxious, sarcasm])(rng, d)), a(agent_good(rng, d))]
    if rng.random() < 0.5:
        turns += [c(pick(rng, [follow_up, calmed])(rng, d)), a(agent_answer(rng, d))]
    turns.append(c(short_ack(rng, d)))
    return turns, 0


PATTERNS = [
    ("rising_threat", True, esc_rising_threat, 3),
    ("cold_withdrawal", True, esc_cold_withdrawal, 3),
    ("too_late", True, esc_too_late, 2),
    ("sarcasm", True, esc_sarcasm, 2),
    ("asked_again", True, esc_asked_again, 2),
    ("threat_persists", True, esc_threat_persists, 2),
    ("calm_after_good_reply", False, calm_after_good_reply, 3),
    ("hypothetical_threat", False, calm_hypothetical, 2),
    ("question", False, calm_question, 3),
    ("repeat_resolved", False, calm_repeat_resolved, 2),
    ("weak_reply_but_fine", False, calm_despite_weak_reply, 2),
    ("sarcasm_then_fixed", False, calm_sarcasm_then_fixed, 2),
    ("polite_exit", True, esc_polite_exit, 3),
    ("short_close", False, calm_short_close, 3),
]


def generate(n, seed, domains, flip):
    rng = random.Random(seed)
    weights = [w for *_, w in PATTERNS]
    out = []
    for i in range(n):
        name, escalates, build, _ = rng.choices(PATTERNS, weights=weights)[0]
        domain = rng.choice(domains)
        turns, peak = build(rng, DOMAINS[domain])
        turns, shift, cut = pad(rng, DOMAINS[domain], turns)
        if peak >= cut:
            peak += shift
        # A little label noise: real outcomes are not fully decided by what was said, and it keeps the fitted
        # probabilities from saturating.
        if rng.random() < flip:
            escalates = not escalates
            peak = len(turns) - 1 if escalates else -1
        out.append({"id": f"gen-{seed}-{i:05d}", "domain": domain, "pattern": name, "turns": turns,
                    "escalates": escalates, "peak_turn": peak})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--domains", choices=["all", "train", "held-out"], default="train",
                        help=f"train: all but {HELD_OUT}; held-out: only those")
    parser.add_argument("--flip", type=float, default=0.03, help="share of labels flipped")
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    names = sorted(DOMAINS)
    domains = {"all": names, "train": [d for d in names if d not in HELD_OUT], "held-out": HELD_OUT}[args.domains]
    rows = generate(args.n, args.seed, domains, args.flip)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        import os
        os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
