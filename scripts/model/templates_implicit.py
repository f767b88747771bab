"""Fourth template round: feelings carried by facts rather than by feeling words (written for gongqing).

Why: measured on chat the model had not seen, confusion was read as a plain question when the customer points at a
contradiction (the page says one thing, what happened says another) or at a wording that can be read two ways, and
anxiety was missed when the customer states only what is at stake and a date ("the deposit is due next week")
without saying "urgent". Calm choice-of-process questions ("do I send it back or do you collect it") were read as
angry. This round builds those shapes from parts, over the services of the earlier rounds:
  confusion  = a source that says one thing + what actually happened, or a term / phrase with two readings
  anxiety    = a stuck process + a personal stake with a time limit, asked calmly
  neutral    = a choice between two ordinary ways of doing something, or a minor defect inside the return window
  gratitude  = thanks that name the help and the hardship behind it
  anger      = the same excuse heard again after repeated failures
  disappointment = resigned acceptance
Same row format as templates.generate(); deterministic for a seed.
"""
import random

from templates import POLARITY, _noise

# Where a customer read something: app pages, messages, bills, staff.
SOURCES = ["App上", "页面上", "短信里", "订单详情里", "账单上", "合同上", "官网上", "通知里", "小程序里", "邮件里"]

# (what the source says, what actually happened): contradictions a customer cannot square.
CONTRADICTIONS = [
    ("显示已经退款成功", "银行卡里一分钱都没进来"), ("写着全场包邮", "付款时多出来八块运费"),
    ("显示包裹已签收", "我家门口什么也没有"), ("提示支付成功", "订单状态还是待付款"),
    ("说会员还有二十天", "看剧却提示要开通会员"), ("显示还有库存", "下单后商家说没货了"),
    ("说维修已完成", "热水器还是打不着火"), ("写着免费上门安装", "师傅来了要收一百块"),
    ("说积分永久有效", "我攒的积分突然清零了"), ("显示明天送达", "物流三天都没更新"),
    ("写的是七天无理由", "客服说拆封了就不能退"), ("显示这个月已缴费", "又收到了催缴通知"),
    ("说自动续费已关闭", "这个月还是扣了钱"), ("写着新用户首单立减", "我第一次买却没减"),
    ("显示预约成功", "到了现场说查不到记录"), ("说额度已经恢复", "刷卡还是提示额度不足"),
    ("写着报销比例百分之八十", "实际只报了一半"), ("显示航班正常", "登机口又说延误了"),
    ("显示房间含早餐", "前台说早餐要另付"), ("说套餐含二十个G", "才用了十个G就提示超出"),
    ("写着订单已取消", "钱还是被扣走了"), ("显示账户正常", "转账却提示账户受限"),
]

# Wordings with two readings: (the wording, reading A, reading B).
AMBIGUITIES = [
    ("满减", "按原价算", "按打折后的价格算"), ("三十天内可退", "从下单那天算", "从收货那天算"),
    ("含税价", "已经包括增值税", "开票时还要另加"), ("每人限购两件", "一个账号两件", "一个收货地址两件"),
    ("次日达", "第二天白天送到", "第二天二十四点前都算"), ("工作日内处理", "包括周六", "只算周一到周五"),
    ("首年免年费", "第二年自动收费", "刷够次数还能免"), ("半价优惠", "第二件半价", "每件都半价"),
    ("保修一年", "整机保一年", "只有主板保一年"), ("押一付三", "押金算一个月", "押金另外交"),
    ("家庭套餐共享", "流量共享", "通话分钟数也共享"), ("等待期九十天", "九十天内出险不赔", "九十天内只赔一半"),
    ("可免费改期一次", "改日期不收钱", "改航班也不收钱"), ("积分抵现", "一百积分抵一元", "一积分抵一元"),
]

# Jargon on bills and contracts a customer may not know.
TERMS = ["预授权", "冷静期", "待清算", "免赔额", "滞纳金", "宽限期", "保证金冻结", "账单分期手续费", "原路退回",
         "等待期", "最低还款额", "违约金上限", "锁定期", "阶梯计价", "基础服务费", "超额部分"]

# Choices between two ordinary ways of doing something (calm process questions).
CHOICES = [
    ("换货", "把旧的寄回去再发新的", "先发新的再寄回旧的"), ("开发票", "开个人的", "开公司抬头的"),
    ("改签", "在App上自己改", "要打电话办"), ("安装", "我约师傅", "你们派人联系我"),
    ("续保", "线上直接交", "要去营业网点"), ("退押金", "退到原来的卡", "退到余额里"),
    ("办宽带", "需要本人到场", "家里人去也可以"), ("取件", "放快递柜", "直接送到家"),
    ("注销账户", "先把余额提出来", "注销时一起退"), ("报名", "现在交全款", "先交定金"),
    ("理赔", "先提交材料", "等理赔员联系"), ("过户", "两个人都要到场", "一方委托就行"),
]

# Items and small defects noticed inside the return window (calm, factual).
ITEMS = ["耳机", "电饭煲", "台灯", "行李箱", "运动鞋", "平板", "吹风机", "显示器", "儿童座椅", "咖啡机", "床垫", "手表"]
DEFECTS = ["外壳有一道细划痕", "颜色比图片深一点", "有一个按键有点松", "包装盒压坏了一个角", "说明书是外文的",
           "充电线短了一截", "少了一个配件", "开机有轻微的响声"]
WINDOWS = ["还在七天内", "刚收到两天", "还没过退换期", "昨天才签收"]
REMEDIES = ["能换一个吗", "可以退吗", "能补发配件吗", "这种能申请换货吗", "一般怎么处理"]

# A process that is stuck, and what rides on it (anxiety said through stakes, no alarm words).
STUCK = ["退款一直显示处理中", "包裹三天没有揽收", "审核已经卡了一周", "补办的卡还没寄出", "报修后没人来",
         "转账还在银行处理中", "签证材料寄出去还没消息", "贷款审批没有进度", "证明文件还没开出来", "药品订单还没发货",
         "理赔一直在复核", "户口迁移的手续没批下来"]
STAKES = ["下周一就要交房租", "家里老人的药只剩两天的", "周五之前必须交给学校", "明早的会议上就要用",
          "月底前不还上会算逾期", "孩子后天开学要用", "签证预约就在下周三", "那笔钱是给我妈看病的",
          "工资卡里就这点钱了", "后天一早的高铁", "合同这周五截止", "宝宝的奶粉快吃完了"]
ASKS_WHEN = ["大概什么时候能好", "能不能帮我催一下", "最晚哪天能到", "还来得及吗", "有没有办法快一点", "要是赶不上怎么办"]

# Help given and the hardship behind it (thanks that recall the trouble).
HELP = ["帮我申请了延期", "把滞纳金免了", "加急给我处理了", "一直帮我盯着进度", "帮我联系到了师傅", "耐心教我一步步操作",
        "把多扣的钱追了回来", "下班了还在帮我查"]
HARDSHIP = ["最近手头确实紧", "我一个人在外地真不知道找谁", "家里这阵子事情太多", "我对这些流程一窍不通",
            "前面问了好几个人都没结果", "老人不会用手机"]

# Excuses a customer has heard before (anger at repetition).
EXCUSES = ["已经在加急了", "系统正在升级", "已经反馈给相关部门", "师傅明天就到", "这次一定修好", "再等等就有结果"]
FAILURES = ["问题一点没变", "还是老样子", "什么都没发生", "又坏了", "连个回电都没有"]

FRAMES = {
    "confusion": [
        "{src}{shown}，可是{actual}，这是怎么回事", "为什么{src}{shown}，{actual}？", "!{src}{shown}，但{actual}，我该信哪个",
        "没看明白，{src}{shown}，结果{actual}", "!{src}{shown}，{actual}，到底以哪个为准",
        "{src}写着“{term}”，是{ra}还是{rb}？", "“{term}”这个说法没看懂，是{ra}，还是{rb}", "请问“{term}”指的是{ra}还是{rb}",
        "{jargon}是什么意思啊，看了半天没看懂", "账单上有一项{jargon}，这是什么", "{jargon}和{jargon2}有啥区别，我一直分不清",
        "!客服刚才说{ra}，{src}又说{rb}，到底哪个对"],
    "anxiety": [
        "{stuck}，{stake}，{when}", "你好，{stuck}，{stake}", "{stake}，可是{stuck}，{when}",
        "{stuck}，{stake}，不会出什么岔子吧", "麻烦问下，{stuck}，{stake}"],
    "neutral": [
        "{act}的话，是{ca}还是{cb}", "想问一下{act}，{ca}还是{cb}都行吗", "{act}是{ca}，还是{cb}？",
        "{item}收到了，{defect}，{window}，{remedy}", "{item}{defect}，{window}，{remedy}", "买的{item}{defect}，{remedy}"],
    "gratitude": ["谢谢你{help}，{hardship}", "真的谢谢，{hardship}，你还{help}", "{hardship}，多亏你{help}，感谢"],
    "anger": ["又说{excuse}？上次也是这么说的，结果{fail}", "每次都是{excuse}，{fail}，这事还有人负责吗",
              "第{k}次了，{excuse}听得耳朵都起茧了，{fail}"],
    "disappointment": ["行吧，{fail}，我也懒得再说了", "{fail}，算了，就这样吧", "说是{excuse}，{fail}，不指望了"],
}
# A frame starting with "!" doubts what the company told the customer: confusion with a grievance, so negative.
WANT = {"confusion": 1100, "anxiety": 800, "neutral": 700, "gratitude": 350, "anger": 350, "disappointment": 250}


def generate_implicit(seed=20261207):
    r = random.Random(seed)
    out, seen = [], set()
    for emo, frames in FRAMES.items():
        count = tries = 0
        while count < WANT[emo] and tries < WANT[emo] * 30:
            tries += 1
            shown, actual = r.choice(CONTRADICTIONS)
            term, ra, rb = r.choice(AMBIGUITIES)
            act, ca, cb = r.choice(CHOICES)
            jargon, jargon2 = r.sample(TERMS, 2)
            frame = r.choice(frames)
            polarity = "negative" if frame.startswith("!") else POLARITY[emo]
            text = frame.lstrip("!").format(
                src=r.choice(SOURCES), shown=shown, actual=actual, term=term, ra=ra, rb=rb, jargon=jargon,
                jargon2=jargon2, stuck=r.choice(STUCK), stake=r.choice(STAKES), when=r.choice(ASKS_WHEN), act=act,
                ca=ca, cb=cb, item=r.choice(ITEMS), defect=r.choice(DEFECTS), window=r.choice(WINDOWS),
                remedy=r.choice(REMEDIES), help=r.choice(HELP), hardship=r.choice(HARDSHIP), excuse=r.choice(EXCUSES),
                fail=r.choice(FAILURES), k=r.choice(["三", "四", "五", "N"]))
            text = _noise(r, text, emo)
            if text in seen:
                continue
            seen.add(text)
            out.append(dict(text=text, polarity=polarity, emotion=emo, domain="implicit",
                            source="templates:implicit"))
            count += 1
    return out


if __name__ == "__main__":
    rows = generate_implicit()
    print(len(rows))
    for row in random.Random(0).sample(rows, 20):
        print(row["emotion"], row["text"])
