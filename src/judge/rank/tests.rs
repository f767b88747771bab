//! Tests of the ranker on hand-written cases (written for these tests, not taken from any data set).

use super::time::{later_than, scan_time, time_points, Day};
use super::*;
use crate::judge::Role;

fn ranker() -> Ranker {
    Ranker::load().expect("embedded weights load")
}

fn rank_with(customer: &str, context: &[Turn], candidates: &[&str]) -> Vec<ReplyJudgement> {
    let candidates: Vec<String> = candidates.iter().map(|s| s.to_string()).collect();
    ranker().rank_case(&CaseView {
        customer,
        context,
        candidates: &candidates,
        emotion: None,
        negative: None,
        pair: None,
    })
}

fn rank(customer: &str, context: &[Turn], candidates: &[&str]) -> Vec<ReplyJudgement> {
    rank_with(customer, context, candidates)
}

fn judgement(ranked: &[ReplyJudgement], index: usize) -> &ReplyJudgement {
    ranked.iter().find(|j| j.index == index).expect("every candidate is ranked")
}

fn position(ranked: &[ReplyJudgement], index: usize) -> usize {
    ranked.iter().position(|j| j.index == index).expect("every candidate is ranked")
}

fn customer(text: &str) -> Turn {
    Turn { role: Role::Customer, text: text.into() }
}

fn agent(text: &str) -> Turn {
    Turn { role: Role::Agent, text: text.into() }
}

fn conflict(j: &ReplyJudgement, fault: Fault) -> Option<&Conflict> {
    j.conflicts.iter().find(|c| c.fault == fault)
}

// ---- empathy components (the seeds' order: feeling, ownership, concrete step with time, closing) ----

#[test]
fn blaming_reply_loses_to_owning_reply() {
    let ranked = rank(
        "新买的电饭煲插上电就跳闸，你们卖的什么东西？",
        &[],
        &[
            "我们的产品都经过检测，多半是您家线路老化，这个不归我们管。",
            "刚拿到手就用不了，谁碰上都烦，这回是我们品控出了问题。我已安排换一台新的，明天12点以前送上门，旧的让快递员顺手带走。",
        ],
    );
    assert_eq!(ranked[0].index, 1);
    assert!(judgement(&ranked, 0).faults.contains(&Fault::Blame));
    assert!(judgement(&ranked, 1).components.ownership > judgement(&ranked, 0).components.ownership);
}

#[test]
fn long_formulaic_apology_loses_to_short_concrete_reply() {
    let ranked = rank(
        "交的电费过了一天还没显示，会不会停电啊",
        &[],
        &[
            "万分抱歉给您造成困扰！我们深表歉意，您的问题我们高度重视，已经记录并反馈给相关部门，请耐心等候，感谢理解支持，祝生活愉快！",
            "查到是银行回传慢了，我已帮您手动销账，20分钟内能看到，不会停电。",
        ],
    );
    assert_eq!(ranked[0].index, 1);
    let apology = judgement(&ranked, 0);
    assert!(apology.faults.contains(&Fault::FormulaicApology), "{apology:?}");
    assert!(apology.faults.contains(&Fault::ScriptedClosing));
}

#[test]
fn empathic_sales_pitch_ranks_last() {
    let ranked = rank(
        "订的饭说是送到了，我在门口等半天根本没人来，饭是给住院的妈妈买的",
        &[],
        &[
            "显示送达却没见到饭，妈妈还在病床上等着，您一定很着急。我已联系骑手核实位置，15分钟内给您回消息。",
            "您好，请您先去楼下外卖架上找一找。",
            "理解您的心情，眼下正在做会员月卡活动，首月一元，还送五张满减券，要不要帮您开通一个？",
        ],
    );
    assert_eq!(ranked.last().map(|j| j.index), Some(2));
    assert!(judgement(&ranked, 2).faults.contains(&Fault::OffTopic));
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn time_frame_is_detected() {
    let cues = lists::Cues::embedded();
    for (text, expect) in [
        ("已经帮您申请，3个工作日内到卡。", true),
        ("今天17点前给您答复。", true),
        ("预计20:15起飞。", true),
        ("后天上午师傅上门。", true),
        ("半小时后客服回拨给您。", true),
        ("40分钟后工程师联系您。", true),
        ("这边会跟进处理的。", false),
        ("您排了三个小时的队，确实辛苦。", false),
        // A past mark of the clause before ("看过了") does not reach the next clause's time.
        ("这单我看过了，我四十分钟内给您退回。", true),
        ("已经过了四十分钟，还没人回。", false),
    ] {
        let best = scan_time(&cues.time, &text::Text::new(text).chars).iter().map(|h| h.score).fold(0.0f32, f32::max);
        assert_eq!(best >= 0.5, expect, "{text}: {best}");
    }
    let ranked = rank("退的钱什么时候能到？", &[], &["已经为您加急，12小时内到账。"]);
    assert!(ranked[0].components.time_frame >= 0.9);
}

#[test]
fn parroting_is_detected() {
    let customer = "我前天买的吹风机今天就不出热风了，开关推到哪一档都一样";
    let ranked = rank(
        customer,
        &[],
        &["您说您前天买的吹风机今天就不出热风了，开关推到哪一档都一样，对吗？", "才用两天就坏，真扫兴。我已给您安排换新，明天下午送到。"],
    );
    assert!(judgement(&ranked, 0).faults.contains(&Fault::Parroting));
    assert!(!judgement(&ranked, 1).faults.contains(&Fault::Parroting));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn dismissive_and_over_promise_are_flagged() {
    let ranked = rank(
        "高铁停运了，我后天一早要去参加毕业典礼，怎么办？",
        &[],
        &["暴雨停运这事我们也没办法，着急也没用，只能等。", "您放心，我保证后天一早绝对把您送到，百分之百不耽误。"],
    );
    assert!(judgement(&ranked, 0).faults.contains(&Fault::Dismissive));
    assert!(judgement(&ranked, 1).faults.contains(&Fault::OverPromise));
}

#[test]
fn sweeping_guarantees_are_over_promises() {
    let customer = "租的礼服拉链坏了，婚礼就在后天。";
    for sweeping in [
        "拉链坏了耽误您的大事，是我们验收没做好。明天中午前送一件新的到您家，您的任何损失我们都包赔。",
        "拉链坏了耽误您的大事，是我们验收没做好。明天中午前送一件新的到您家，以后这辈子都不会再让您遇到。",
        "拉链坏了耽误您的大事，是我们验收没做好。明天中午前送一件新的到您家，有问题我们十倍补偿。",
        "拉链坏了耽误您的大事，是我们验收没做好。不管多难，明天中午前送一件新的到您家，包您百分百满意。",
    ] {
        let plain = "拉链坏了耽误您的大事，是我们验收没做好。明天中午前送一件新的到您家，换下来的我们顺路取走。";
        let ranked = rank(customer, &[], &[sweeping, plain]);
        assert!(judgement(&ranked, 0).faults.contains(&Fault::OverPromise), "{sweeping}");
        assert!(!judgement(&ranked, 1).faults.contains(&Fault::OverPromise));
        assert_eq!(ranked[0].index, 1, "{sweeping}");
    }
}

#[test]
fn promising_what_the_conversation_says_is_away_or_gone() {
    let context = [customer("上次是陈老师带的课，这次还想找她。"), agent("我查了一下，陈老师休产假了，这学期都不在。")];
    let ranked = rank(
        "那怎么办？",
        &context,
        &["是我们没提前告诉您，我明天上午10点前让陈老师亲自联系您。", "是我们没提前告诉您，我明天上午10点前请教研组长亲自联系您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(judgement(&ranked, 1).conflicts.is_empty(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    let context = [customer("我想换成那款复古皮面的笔记本。"), agent("这款复古皮面的厂家已经不生产了。")];
    let ranked = rank(
        "那还能怎么办？",
        &context,
        &["是我们没及时更新页面，我今天下班前给您寄一本复古皮面的过去。", "是我们没及时更新页面，我今天下班前把三款相近的照片发给您挑。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_clinic_closed_for_works_or_a_doctor_not_seeing_patients_this_week_cannot_be_booked() {
    let ranked = rank(
        "想下周去东湖分院复查，可前台说东湖分院这个月在装修，不营业。现在怎么办？",
        &[],
        &["这次怪我们通知晚了，我帮您约下周二在东湖分院复查，今天下午把时间发您。", "这次怪我们通知晚了，我帮您改约到城西分院下周二复查，今天下午把时间发您。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).expect("booked at the closed clinic");
    assert_eq!(c.context_turn, -1);
    // The reason names what the reply promises, not the whole clause of the context.
    let reason = &judgement(&ranked, 0).reason;
    assert!(reason.contains("事（东湖分院") && !reason[..reason.find('，').unwrap_or(0)].contains("前台"), "{reason}");
    assert_eq!(ranked[0].index, 1);
    let context = [customer("我想请刘医生帮我看片子。"), agent("刘医生明天在外地开会，不出诊。")];
    let replies = ["是我们没说清楚，我帮您预约刘医生明天上午看片子，今天下班前确认。", "是我们没说清楚，我帮您预约刘医生后天上午看片子，今天下班前确认。"];
    let ranked = rank("那我的片子谁看？", &context, &replies);
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    // Not seeing patients tomorrow leaves the day after open.
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
}

#[test]
fn saying_the_thing_is_gone_and_promising_it_anyway_is_an_impossible_promise() {
    let context = [customer("我想报本期的油画提高班。"), agent("本期油画提高班已经满了。")];
    let ranked = rank(
        "真的一点办法都没有？",
        &context,
        &[
            "本期油画提高班已经满了的情况我知道，不过我还是给您在本期油画提高班加个座位，今天下午确认。",
            "本期油画提高班已经满了，我先给您登记下期油画提高班的第一个名额，今天下午确认。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_booked_or_rented_item_read_back_wrong_is_a_wrong_fact() {
    let context = [customer("我3月9日在滨湖网点约的油烟机深度清洗，师傅洗完就漏油。"), agent("收到，麻烦发一下工单号。"), customer("工单号YJ3309127")];
    let ranked = rank(
        "怎么处理？",
        &context,
        &[
            "是我们没洗干净。您3月9日在滨湖网点约的燃气灶保养套餐，今天下午派师傅上门返工。",
            "是我们没洗干净。您3月9日在滨湖网点约的油烟机深度清洗，今天下午派师傅上门返工。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(judgement(&ranked, 1).conflicts.is_empty(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    // The rent paid is a paid amount of the record.
    let context = [customer("租的帐篷破了个洞，单号ZP55170832，租金260元。")];
    let ranked = rank(
        "你们看着办。",
        &context,
        &[
            "是我们出库没检查。单号ZP55170832，租金395元，今天全额退给您。",
            "是我们出库没检查。单号ZP55170832，租金260元，今天全额退给您。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn addressing_the_customer_by_another_name_is_a_wrong_fact() {
    let context = [customer("押金退了半个月还没到。"), agent("查到了，柏女士，您这单押金是5月2日申请的。")];
    let candidates = [
        "白女士，让您等了半个月，是我们审核压着没推进。我今天下午把押金原路退回。",
        "柏先生，让您等了半个月，是我们审核压着没推进。我今天下午把押金原路退回。",
        "柏女士，让您等了半个月，是我们审核压着没推进。我今天下午把押金原路退回。",
        "让您等了半个月，是我们审核压着没推进，我们的何先生今天下午把押金原路退回。",
    ];
    let ranked = rank("怎么还不到？", &context, &candidates);
    for wrong in [0, 1] {
        let c = conflict(judgement(&ranked, wrong), Fault::WrongFact).expect("another name or title");
        assert_eq!(c.context_turn, 1, "{c:?}");
    }
    // The right name, and a colleague named inside a clause, are no conflict.
    assert!(judgement(&ranked, 2).conflicts.is_empty(), "{:?}", judgement(&ranked, 2));
    assert!(conflict(judgement(&ranked, 3), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 3));
    assert_eq!(ranked[0].index, 2);
}

#[test]
fn an_attempt_that_failed_or_went_unanswered_is_tried() {
    for (report, again) in [
        ("报销单我在网页上传了三次发票，都失败。", "麻烦您在网页上重新上传一次发票，我今天下午帮您审核。"),
        ("售后热线我打了一上午，没人接。", "麻烦您再打一下售后热线，我今天下午帮您盯着。"),
    ] {
        let ranked = rank(
            report,
            &[],
            &[again, "问题出在我们的系统，我今天下午直接在后台替您处理好，弄完发消息告诉您。"],
        );
        assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{again}: {:?}", judgement(&ranked, 0));
        assert_eq!(ranked[0].index, 1, "{report}");
    }
}

#[test]
fn who_pays_is_answered_by_naming_who_pays() {
    let acts = "怪我们发货前没检查，我今天下午派人上门取回那把椅子，换一把新的送过去。";
    let names_payer = "怪我们发货前没检查，来回运费都由我们出，我今天下午派人上门取回那把椅子。";
    let ranked = rank("椅子腿磕坏了，要是退回去，运费谁出？", &[], &[acts, names_payer]);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    // Raised in an earlier turn as a point of its own, then asked for again.
    let context = [customer("椅子腿磕坏了。还有个问题：要是退回去，运费谁出？"), agent("收到，我先看看。")];
    let ranked = rank("我就想先知道这个。", &context, &[acts, names_payer]);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_list_of_attempts_before_one_failure_report_is_all_tried() {
    let ranked = rank(
        "优惠券我在结算页点了好几次；售后电话也拨了两回；照样不行。",
        &[],
        &["怪我们系统没同步，麻烦您再拨一下售后电话，我半小时内跟进。", "怪我们系统没同步，我半小时内直接在后台把优惠券补发到您账户。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
    let ranked = rank(
        "会员卡在小程序里绑了三遍，一点反应都没有。",
        &[],
        &["怪我们系统没同步，您在小程序里再绑一遍会员卡，我半小时内跟进。", "怪我们系统没同步，我半小时内直接在后台把会员卡绑到您账户。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_question_raised_on_its_own_or_asked_after_must_be_answered() {
    let answers = "是我们排班出了错。改签的手续费由我们承担，不用您出，今天下午我把新票发给您。";
    let skips = "是我们排班出了错，让您白跑一趟。今天下午我把新票发给您，后面全程由我跟进。";
    let ranked = rank("好。另外问一下，改签的手续费谁出？", &[customer("大巴临时取消了，我只能改签。")], &[skips, answers]);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
    let context = [customer("大巴临时取消了，改签的手续费谁出？"), agent("收到，我帮您看看。")];
    let ranked = rank("我问的问题呢？", &context, &[skips, answers]);
    let c = conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).expect("the earlier question is asked again");
    assert_eq!(c.context_turn, 0, "{c:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_bare_nudge_presses_for_the_question_the_agent_put_off() {
    let answers = "是我们没把锁修好。先回答您：押金退回原卡，一般三个工作日到。我今晚八点前给您换一个带新锁的柜子。";
    let skips = "是我们没把锁修好，您着急我明白。我今晚八点前给您换一个带新锁的柜子，弄好了马上告诉您。";
    let put_off = [customer("储物柜锁坏了。"), agent("查到了，锁上周就报修过。"), customer("押金一般多久能退回来？"), agent("好的，我再核对一下。")];
    for nudge in ["人呢？", "说话啊", "？？"] {
        let ranked = rank(nudge, &put_off, &[skips, answers]);
        let c = conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).expect("the put-off question is pressed");
        assert_eq!(c.context_turn, 2, "{c:?}");
        assert_eq!(ranked[0].index, 1, "{nudge}");
    }
    // Once an agent turn has answered it, the nudge presses for nothing.
    let answered = [customer("储物柜锁坏了。"), customer("押金一般多久能退回来？"), agent("押金退回原卡，一般三个工作日到。")];
    let ranked = rank("人呢？", &answered, &[skips]);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_none(), "{:?}", judgement(&ranked, 0));
    // "先问一句" raises a question of its own; a yes/no the reply never takes up is left unanswered.
    let ranked = rank("先问一句，行李能先寄存在前台吗？", &[customer("储物柜锁坏了。")], &[skips]);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_some(), "{:?}", judgement(&ranked, 0));
}

#[test]
fn saying_the_question_was_heard_does_not_answer_it() {
    let heard = "是我们装的时候没调好铰链。您关心的我明白。我今晚八点以前让师傅再来一趟重新调好，弄好了告诉您。";
    let answers = "是我们装的时候没调好铰链。您问的这个，能回收，每件加20元。我今晚八点以前让师傅再来一趟重新调好。";
    let ranked = rank("旧书柜能顺便帮我回收吗？你先回答我这个", &[customer("柜门关不严。")], &[heard, answers]);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn an_acknowledgement_does_not_cover_a_new_request_after_it() {
    let tried = "会员页那个兑换积分按钮点了好几次都没反应，浏览器也换过了，还是不行。";
    let again = "怪我们系统出了错。您说浏览器也换过了，那麻烦您在会员页再点一次兑换积分按钮，不行的话我今晚九点前在后台帮您兑好。";
    let takes_over = "怪我们系统出了错。您说的这些都试过了，不用再折腾，我今晚九点前在后台帮您把积分兑好。";
    let ranked = rank(tried, &[], &[again, takes_over]);
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
    // Another account is a step of its own: the customer logged in with a relative's number.
    let tried = "用我妹妹的手机号登录也一样，页面一直卡着。";
    let again = "怪我们系统出了错。麻烦您换个账号再登录试试，不行的话我今晚九点前在后台帮您处理好。";
    let ranked = rank(tried, &[], &[again, takes_over]);
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn what_must_be_done_first_sets_a_deadline_and_a_time_left_open_is_half_a_promise() {
    let customer_says = "婆婆这周六上午到，客房的床得先装好。";
    let late = "是我们配件漏发了，真对不住。我周六下午让师傅上门把床装好，装完给您发照片。";
    let in_time = "是我们配件漏发了，真对不住。我周五晚上七点前让师傅上门把床装好，装完给您发照片。";
    let ranked = rank(customer_says, &[], &[late, in_time]);
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
    let open = "是我们配件漏发了。会赶在周五之前让师傅上门把床装好，具体时间我再跟您确认。";
    let firm = "是我们配件漏发了。会赶在周五之前让师傅上门把床装好，到时候我跟您说一声。";
    let ranked = rank("床少了两块床板，装不了。", &[], &[open, firm]);
    let (open, firm) = (&judgement(&ranked, 0).components, &judgement(&ranked, 1).components);
    assert!(open.time_frame < firm.time_frame, "{open:?} {firm:?}");
}

#[test]
fn a_time_put_back_to_a_customer_who_left_the_choice_is_not_fixed() {
    let asks_back = "是我们铰链没调好。周四上午10点可以让师傅上门，您看这个时间行吗？";
    let fixes = "是我们铰链没调好。师傅上门我给您定在周四上午10点，到时我跟您说一声。";
    let left_to_us = rank("柜门歪了，上门时间你们定个", &[], &[asks_back, fixes]);
    let asked = rank("柜门歪了，上门时间怎么约", &[], &[asks_back, fixes]);
    let (put_back, offered) = (&judgement(&left_to_us, 0).components, &judgement(&asked, 0).components);
    assert!(put_back.time_frame < offered.time_frame, "{put_back:?} {offered:?}");
    assert_eq!(left_to_us[0].index, 1, "{left_to_us:?}");
}

#[test]
fn away_until_a_weekday_closes_the_days_of_this_week_before_it() {
    let away = "水管又漏了。我明天和后天去外地出差，周五才回来。";
    let thursday = "是我们上次没修好。我给您约周四上午10点让师傅上门，修完给您发照片。";
    let saturday = "是我们上次没修好。我给您约周六上午10点让师傅上门，修完给您发照片。";
    let next_thursday = "是我们上次没修好。我给您约下周四上午10点让师傅上门，修完给您发照片。";
    let ranked = rank(away, &[], &[thursday, saturday, next_thursday]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    assert!(conflict(judgement(&ranked, 2), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 2));
    assert_ne!(ranked[0].index, 0);
}

#[test]
fn an_amount_the_customer_paid_is_given_even_unnamed() {
    let context = [customer("次卡还剩两次，闸机却说用完了。"), customer("当时付的是460元。")];
    let asks = "是我们闸机扣错了。麻烦告诉我一下付款金额，半小时内我就把次数加回去。";
    let uses = "是我们闸机扣错了。您那张460元的次卡我查到了，半小时内我就把次数加回去。";
    let ranked = rank("到底怎么解决？", &context, &[asks, uses]);
    let c = conflict(judgement(&ranked, 0), Fault::AsksForGivenInfo).expect("the paid amount was given");
    assert_eq!(c.context_turn, 1, "{c:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn an_earlier_promise_the_agent_recalls_is_one_the_reply_must_own() {
    let context = [customer("窗帘装歪了，轨道还掉了一截。"), agent("我查到记录了，之前同事答应您两天内安排人回电。"), customer("嗯。")];
    let afresh = "窗帘装歪了真让人窝火，怪我们安装没做好。我今晚八点前安排师傅明早上门重装轨道。";
    let owns = "窗帘装歪了真让人窝火。之前答应您两天内回电，结果没兑现，这次怪我们失信。我今晚八点前安排师傅明早上门重装轨道。";
    let ranked = rank("到底怎么说？", &context, &[afresh, owns]);
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresBrokenPromise).expect("the recalled promise was broken");
    assert_eq!(c.context_turn, 1, "{c:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresBrokenPromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_refused_remedy_named_only_to_set_it_aside_is_not_offered() {
    let context = [customer("订的寿宴点心送晚了，客人都散了。"), customer("别给我重做了，宴席都结束了。")];
    let sets_aside = "是我们配送排错了时间。宴席已经结束，重做没意义，我今晚八点前把这单的钱原路退给您。";
    let offers = "是我们配送排错了时间，明天中午前给您重新做一份点心送过去。";
    let ranked = rank("那现在怎么说？", &context, &[offers, sets_aside]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn not_wanting_to_go_to_the_shop_again_refuses_a_visit_there() {
    let visit = "是我们发错了货。麻烦您明天下午到店里当面换一下，我提前跟店员打好招呼。";
    let courier = "是我们发错了货。我明天下午安排快递上门取件，同时把对的那件寄给您。";
    let ranked = rank("我不想再跑门店了，你们看怎么弄", &[customer("买的是黑色外套，拿到的是灰色。")], &[visit, courier]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_degree_word_ending_in_a_negator_does_not_negate_the_feeling() {
    let very = "您现在特别着急，我明白。我半小时内查清楚再告诉您。";
    let plain = "您现在很着急，我明白。我半小时内查清楚再告诉您。";
    let ranked = rank("东西到底什么时候到？", &[], &[very, plain]);
    let (very, plain) = (&judgement(&ranked, 0).components, &judgement(&ranked, 1).components);
    assert!(very.acknowledgement > 0.0, "{very:?}");
    assert!((very.acknowledgement - plain.acknowledgement).abs() < 1e-6, "{very:?} {plain:?}");
    // A real negation still names no feeling.
    let ranked = rank("东西到底什么时候到？", &[], &["您别着急，我半小时内查清楚再告诉您。"]);
    assert!(ranked[0].components.acknowledgement < plain.acknowledgement, "{ranked:?}");
}

#[test]
fn asking_by_what_standard_is_a_question_to_answer() {
    let skips = "是我们搬运时没包好，真对不住。今天下班前我把赔偿申请提上去，批下来马上跟您说。";
    let answers = "是我们搬运时没包好，真对不住。您问的这个，有发票按发票价折旧赔，没有发票按同款市价七成赔。今天下班前我把赔偿申请提上去。";
    let ranked = rank("赔偿按什么标准算？你先回答我这个", &[customer("搬家时把我的书桌磕掉一个角。")], &[skips, answers]);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn one_more_trial_after_failed_attempts_loses_to_taking_over() {
    let tried = "课程页面一直白屏，退出重新登录过了，缓存也清了，还是不行。";
    let one_more = "是我们系统出了问题。您可以再换个浏览器试一下，还不行的话，我今晚八点前在后台直接帮您把课程开通。";
    let takes_over = "是我们系统出了问题。这些您都试过了，不用再折腾，我今晚八点前在后台直接帮您把课程开通。";
    let ranked = rank(tried, &[], &[one_more, takes_over]);
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
    // Where the customer tried nothing yet, a step to try is no fault.
    let ranked = rank("课程页面一直白屏。", &[], &[one_more]);
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_none(), "{:?}", judgement(&ranked, 0));
}

#[test]
fn a_clause_opening_with_the_branch_reads_back_the_customers_record() {
    let context = [customer("沙发装了一半人就走了。"), agent("查到了：您5月3号在松江服务站约的转角沙发组装，168元。")];
    let wrong = "是我们漏了配件。松江服务站那单电视柜安装我核实过了，今晚八点前给您补齐。";
    let right = "是我们漏了配件。松江服务站那单转角沙发组装我核实过了，今晚八点前给您补齐。";
    let ranked = rank("给个准话", &context, &[wrong, right]);
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn odd_inputs_do_not_panic() {
    let huge = "哦".repeat(50_000) + &"？".repeat(10_000);
    let odd = "\u{0}\u{FFFF}🙂👍🏽\u{202E}ｆｕｌｌ\u{3000}width 12:3 3- 5点 十点前 一点 周 号 99号 3月 明天25点 ";
    let ranked = rank("", &[], &["", " ", odd, &huge, "12345678901234567890小时内 0号 周五 明早"]);
    assert_eq!(ranked.len(), 5);
    for j in &ranked {
        assert!(j.score.is_finite() && (0.0..=1.0).contains(&j.score));
        assert!(!j.reason.contains('\n'));
    }
    let ranked = rank(&huge, &[agent(&huge), customer(odd)], &[&huge, odd]);
    assert_eq!(ranked.len(), 2);
    assert!(rank("你好", &[], &[]).is_empty());
    let candidates = vec!["好的".to_string(), "已为您处理".to_string()];
    let r = ranker().rank_case(&CaseView {
        customer: "你好",
        context: &[],
        candidates: &candidates,
        emotion: Some((Emotion::Anger, f32::NAN)),
        negative: None,
        pair: None,
    });
    assert_eq!(r.len(), 2);
}

#[test]
fn ordering_is_deterministic_with_index_tie_break() {
    let ranked = rank("在吗", &[], &["在的", "在的", "在的"]);
    let order: Vec<usize> = ranked.iter().map(|j| j.index).collect();
    assert_eq!(order, vec![0, 1, 2]);
    let a = rank("押金还没退，急用", &[], &["已为您加急，今天退回。", "请耐心等待。", "是您自己没按时还车。"]);
    let b = rank("押金还没退，急用", &[], &["已为您加急，今天退回。", "请耐心等待。", "是您自己没按时还车。"]);
    assert_eq!(a, b);
}

#[test]
fn reason_is_one_chinese_line() {
    let ranked = rank(
        "押金还没退回来，那是我下个月的生活费，很着急",
        &[],
        &["生活费耽误不起，您肯定着急。是我们审批拖慢了，我已催办加急，今天17点前退回。", "抱歉，请耐心等待。"],
    );
    for j in &ranked {
        assert!(!j.reason.is_empty());
        assert!(!j.reason.contains('\n'));
        assert!(j.reason.chars().any(text::is_cjk));
    }
    assert!(judgement(&ranked, 0).reason.contains("今天"), "{}", judgement(&ranked, 0).reason);
}

#[test]
fn only_a_detour_is_off_topic_not_a_reply_without_shared_words() {
    // A warm closing shares no words with a thank-you and is still on topic; a sales pitch in the same place is not.
    let ranked = rank(
        "退款收到了，多谢你这几天一直帮我盯着",
        &[],
        &["能帮上忙太好了，后面再有什么事直接找我。", "不客气！我们新推出了会员卡，办一张首年免年费。"],
    );
    assert_eq!(ranked[0].index, 0);
    assert!(!judgement(&ranked, 0).faults.contains(&Fault::OffTopic), "{:?}", judgement(&ranked, 0));
    assert!(judgement(&ranked, 1).faults.contains(&Fault::OffTopic), "{:?}", judgement(&ranked, 1));
}

#[test]
fn scores_are_probabilities_that_separate_good_from_bad() {
    let ranked = rank(
        "洗衣机漏水把地板泡了，我很生气",
        &[],
        &[
            "地板被泡了，谁遇上都上火，这是我们安装没做好。我已派师傅今天下午3点前上门检修，地板损失我们照价赔，修完我再跟您确认，可以吗？",
            "您好，请耐心等候，多谢理解支持。",
        ],
    );
    let good = judgement(&ranked, 0).score;
    let bad = judgement(&ranked, 1).score;
    assert!(good > 0.5 && bad < 0.5, "good {good} bad {bad}");
    // Not saturated: a threshold in the middle means something.
    assert!(good < 0.999, "{good}");
}

// ---- weights ----

/// Calibrated across hands (`cross_hand_calibration` in weights.json): equally warm, concrete replies that fit the
/// conversation are not pinned at 0.99+, where a threshold could no longer tell them apart, and the one that asks
/// again for what the customer gave falls below one half.
#[test]
fn warm_concrete_replies_are_not_saturated() {
    let context = [customer("买的加湿器不出雾，订单号是7720 3391 0456。"), agent("收到，我帮您看看。")];
    let ranked = rank(
        "看了这么久，到底能不能换？",
        &context,
        &[
            "不出雾多耽误事，换了谁都急，这是我们品控没做好。订单7720 3391 0456我已经登记换货，今天下午发出新机。",
            "让您等了这么久，确实窝火，责任在我们。7720 3391 0456这单可以换，新机明天上午从仓库发出，单号我发您。",
            "不出雾多耽误事，这是我们品控的疏漏。麻烦您把订单号提供一下，我收到后今天下午就给您办换货。",
        ],
    );
    for j in &ranked {
        assert!(j.score < 0.99, "{} scores {}", j.index, j.score);
    }
    assert!(judgement(&ranked, 0).score > 0.5 && judgement(&ranked, 1).score > 0.5, "{ranked:?}");
    assert!(judgement(&ranked, 2).score < 0.5, "{:?}", judgement(&ranked, 2));
}

#[test]
fn embedded_weights_parse_with_the_right_signs() {
    let w = Weights::from_json(EMBEDDED_WEIGHTS).expect("weights.json parses");
    for (i, v) in w.values.iter().enumerate() {
        assert!(v.is_finite());
        assert!(v * Features::SIGNS[i] >= -1e-6, "feature {} has the wrong sign", Features::NAMES[i]);
    }
}

#[test]
fn broken_weights_are_a_load_error() {
    assert!(matches!(Weights::from_json("{not json"), Err(WeightsError::Json(_))));
    let unknown = r#"{"version":"x","features":["no_such_feature"],"weights":[1.0],"bias":0.0}"#;
    assert!(matches!(Weights::from_json(unknown), Err(WeightsError::UnknownFeature(_))));
    let short = r#"{"version":"x","features":["tone","rude"],"weights":[1.0],"bias":0.0}"#;
    assert!(matches!(Weights::from_json(short), Err(WeightsError::Shape(_))));
    let named = r#"{"version":"x","features":["tone"],"weights":[2.0],"bias":-1.0}"#;
    let w = Weights::from_json(named).expect("a partial file parses");
    assert_eq!(w.values[Features::NAMES.iter().position(|n| *n == "tone").unwrap_or(usize::MAX)], 2.0);
    assert_eq!(w.bias, -1.0);
}

// ---- time expressions ----

#[test]
fn time_points_compare_deadlines_and_promises() {
    let cues = lists::Cues::embedded();
    let point = |s: &str| time_points(&cues.time, &text::Text::new(s).chars).into_iter().next().expect(s);
    let deadline = point("后天早上8点");
    assert_eq!(deadline.day, Some(Day::Offset(2)));
    assert_eq!(deadline.hour, Some(8.0));
    assert_eq!(later_than(&point("明天下午"), &deadline, None), Some(false));
    assert_eq!(later_than(&point("后天上午"), &deadline, None), Some(true));
    assert_eq!(later_than(&point("5个工作日内"), &deadline, None), Some(true));
    assert_eq!(point("晚上7点半").hour, Some(19.5));
    assert_eq!(later_than(&point("周二"), &point("周四前"), None), Some(false));
    assert_eq!(later_than(&point("下周一"), &point("周四前"), None), Some(true));
    assert_eq!(point("18号").day, Some(Day::Date { month: 0, day: 18 }));
}

// ---- conflicts with the conversation, one test per family ----

#[test]
fn asking_again_for_a_given_order_number_is_a_conflict() {
    let context = [
        customer("买的加湿器不出雾，订单号是7720 3391 0456。"),
        agent("收到，我帮您看看。"),
        customer("看了这么久，到底能不能换？"),
    ];
    let ranked = rank(
        "我今天就想要个准话。",
        &context,
        &[
            "不出雾多耽误事，这是我们品控的疏漏。麻烦您把订单号提供一下，我收到后今天下午就给您办换货。",
            "不出雾多耽误事，这是我们品控没做好。订单7720 3391 0456我已经登记换货，今天下午发出新机。",
        ],
    );
    let asks = judgement(&ranked, 0);
    let c = conflict(asks, Fault::AsksForGivenInfo).expect("asks again for the order number");
    assert_eq!(c.context_turn, 0);
    assert!(c.context_span.contains("订单号"), "{c:?}");
    assert!(c.reply_span.contains("订单号"), "{c:?}");
    assert!(asks.reason.contains("订单号"), "{}", asks.reason);
    assert!(conflict(judgement(&ranked, 1), Fault::AsksForGivenInfo).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn asking_again_for_photos_is_a_conflict() {
    let context = [customer("桌腿断了一根，照片我拍了四张发上来了。")];
    let ranked = rank(
        "怎么处理？",
        &context,
        &[
            "刚到就断腿，太糟心了，是我们包装不到位。请您再拍几张照片传上来，我今天就给您补发。",
            "刚到就断腿，太糟心了，是我们包装不到位。按您发的照片我已登记补发新桌腿，今天下午寄出。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::AsksForGivenInfo).expect("asks for photos again");
    assert_eq!(c.context_turn, 0);
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn repeating_a_failed_step_is_a_conflict() {
    let context = [customer("路由器灯一直闪红色，上不了网。"), agent("您试过什么办法吗？")];
    let ranked = rank(
        "重启了三遍，还是红灯，怎么办？",
        &context,
        &[
            "上不了网太耽误事了，是我们线路的问题。您先把路由器重启一下，通常10分钟内可以恢复。",
            "上不了网太耽误事了，是我们线路的问题。我已从后台重置了您的端口，并派师傅今天下午4点前上门。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).expect("prescribes the restart again");
    assert_eq!(c.context_turn, -1);
    assert!(c.context_span.contains("重启"));
    assert!(conflict(judgement(&ranked, 1), Fault::RepeatsFailedStep).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_step_after_then_is_prescribed_and_tries_reported_with_dou_count() {
    // "然后" carries the instruction of the clause before it; "都没人接" after the agent's suggestion reports it tried.
    let context = [customer("打印机一开机就报卡纸，可里面明明没有纸。"), agent("您先关机，把后盖打开看看？")];
    let ranked = rank(
        "后盖打开看了，也关机再开过四五回，都没用。",
        &context,
        &[
            "一直报错确实烦人，是我们机器的问题。麻烦您先检查一下进纸口，然后关机再开一次，五分钟后再试。",
            "一直报错确实烦人，是我们机器的问题。我已安排工程师今天下午3点前上门检修，修不好当场换一台备用机。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).expect("the restart after 然后 is prescribed");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::RepeatsFailedStep).is_none());
    assert_eq!(ranked[0].index, 1);

    let context = [customer("外卖显示已送达，门口没有。"), agent("您先打给骑手问问放哪了？")];
    let ranked = rank(
        "打了三次都没人接。",
        &context,
        &["找不到饭确实着急，是我们配送的问题。麻烦您再打给骑手试试，十分钟后我来跟您确认。",
          "找不到饭确实着急，是我们配送的问题。这单我已全额退款，五分钟内原路到账。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn restocking_what_is_discontinued_is_impossible() {
    let context = [customer("我订的那台旧款咖啡机一直没发货。"), agent("抱歉，这款已经停产了，仓库最后几台也卖完了。")];
    let ranked = rank(
        "那怎么办？下周是我爸生日，要送他的。",
        &context,
        &[
            "礼物赶不上真揪心，是我们库存没同步好。我已为您登记补货，到货后第一时间发顺丰，争取下周前送到。",
            "礼物赶不上真揪心，是我们库存没同步好。我已全额退款，再给您留了一台同价位的新款，今天发顺丰，后天送到。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).expect("restocking a discontinued model");
    assert_eq!(c.context_turn, 1);
    assert!(c.context_span.contains("停产"));
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none());
    assert_eq!(ranked[0].index, 1);
    // Saying that it will not come back is honest, not a promise.
    let honest = rank("那怎么办？", &context, &["这款停产了，不会再补货，钱已原路退回，明天上午到账。"]);
    assert!(conflict(&honest[0], Fault::ImpossiblePromise).is_none(), "{:?}", honest[0]);
}

#[test]
fn offering_a_refused_remedy_is_a_conflict() {
    let context = [customer("收到的台历印错了日期。"), agent("给您补发一本还是退款？")];
    let ranked = rank(
        "不要补发了，只要退款。",
        &context,
        &[
            "印错了还得重新等，确实添堵，是我们校对出了错。我这边已给您补发一本新的，明天就能送到。",
            "印错了还得重新等，确实添堵，是我们校对出了错。钱我这边全额退给您，今天内按原路退还。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("offers the refused re-shipment");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn calling_a_customer_who_asked_for_texts_is_a_conflict() {
    let ranked = rank(
        "我在开会，别打电话，有结果发短信给我。",
        &[customer("我的燃气卡充了值却读不出来。")],
        &[
            "充了值用不上，换谁都急，怪我们系统没同步。我已提交补写，处理好后我给您打电话说明。",
            "充了值用不上，换谁都急，怪我们系统没同步。我已提交补写，今天17:00以前短信告诉您结果。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("calls anyway");
    assert_eq!(c.context_turn, -1);
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn missing_the_customers_deadline_is_a_conflict() {
    let context = [customer("西装袖子缝线开了。")];
    let ranked = rank(
        "我后天早上8点要参加婚礼，之前必须修好，来得及吗？",
        &context,
        &[
            "婚礼前出这种事真叫人发愁，是我们做工的问题。我已安排裁缝返修，5个工作日内寄回给您。",
            "婚礼前出这种事真叫人发愁，是我们做工的问题。我已安排裁缝返修，明晚6点以前送回您家。",
        ],
    );
    let late = judgement(&ranked, 0);
    let c = conflict(late, Fault::MissesDeadline).expect("5 working days is after the wedding");
    assert_eq!(c.context_turn, -1);
    assert!(c.context_span.contains("后天"), "{c:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn getting_a_code_wrong_is_a_conflict() {
    let context = [customer("包裹三天没动了，运单号YT5528841903。"), agent("收到，我查一下。")];
    let ranked = rank(
        "查到了吗？",
        &context,
        &[
            "等了三天没消息，搁谁都心急，是我们中转慢了。运单YT5528814903我已催了网点，今天下午派送。",
            "等了三天没消息，搁谁都心急，是我们中转慢了。运单YT5528841903我已催了网点，今天下午派送。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("digits swapped");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn getting_a_count_wrong_is_a_conflict() {
    let context = [customer("快递到了，摔碎了三个杯子一个茶壶。")];
    let ranked = rank(
        "能补吗？",
        &context,
        &[
            "一开箱全是碎片，确实扫兴，是我们包装不够结实。我已登记补发一个杯子三个茶壶，明天送到。",
            "一开箱全是碎片，确实扫兴，是我们包装不够结实。我已登记补发三个杯子一个茶壶，明天送到。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn answering_another_question_is_a_conflict() {
    let context = [customer("机票退了，钱一直没看到。"), agent("好的，退款这边马上核实。")];
    let ranked = rank(
        "钱会退到哪里？什么时候能到？",
        &context,
        &[
            "一直看不到钱，难免不安，是我们通知得不及时。我已给您发了一张50元代金券，下次订票直接抵扣。",
            "一直看不到钱，难免不安，是我们通知得不及时。钱会原路退到支付宝，今天18点前到账。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).expect("neither where nor when");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn promising_what_is_gone_is_a_conflict() {
    let context = [
        customer("退款能退到我尾号6612的卡上吗？"),
        agent("查到尾号6612这张卡已经注销了。"),
    ];
    let ranked = rank(
        "那怎么办？",
        &context,
        &[
            "退款拖着确实让人心烦，是我们没提前提醒。我已把钱退回尾号6612的卡，今天之内到账。",
            "退款拖着确实让人心烦，是我们没提前提醒。您把新卡告诉我，我今天之内改退到新卡上。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).expect("the card is cancelled");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn ignoring_a_broken_promise_is_a_conflict() {
    let context = [
        customer("热水器不加热。"),
        agent("已为您登记报修，明天上午10点前师傅上门。"),
        customer("好的，我在家等。"),
    ];
    let ranked = rank(
        "说好的上午来，等到下午都没人！",
        &context,
        &[
            "等了大半天，确实窝火，这是我们调度的失误。我已给您登记报修，今天下午5点前师傅上门。",
            "等了大半天，确实窝火。说好的上午没做到，这次是我们失约。我已升级给主管专人盯着，今天下午5点前师傅上门。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresBrokenPromise).expect("acts as first contact");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresBrokenPromise).is_none());
    assert_eq!(ranked[0].index, 1);
    assert!(position(&ranked, 1) < position(&ranked, 0));
}

#[test]
fn after_a_broken_promise_escalating_beats_resubmitting_as_urgent() {
    // Both name the broken promise; only one takes the case above the route that already failed.
    let context = [
        customer("净水器滤芯换了还漏水。"),
        agent("已为您加急派单，后天中午前师傅上门。"),
        customer("行，我等着。"),
    ];
    let ranked = rank(
        "后天都过了，人影都没见到，你们答应的呢？",
        &context,
        &[
            "白等两天确实憋气，说好的上门没做到，是我们失约。我已再次给您加急派单，明天中午前师傅上门。",
            "白等两天确实憋气，说好的上门没做到，是我们失约。我已升级给片区主管亲自派人，明天中午前师傅上门。",
        ],
    );
    assert!(ranked.iter().all(|j| conflict(j, Fault::IgnoresBrokenPromise).is_none()), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_deadline_pointed_back_at_is_read_and_a_visit_before_a_later_day_is_late() {
    // "在那之前" in the next clause makes the time a deadline; "上门，大后天" is a future day, not a past one.
    let ranked = rank(
        "后天上午10点婚宴开席，音响一定要在那之前修好。",
        &[],
        &["怪我们排期太满，已安排师傅上门，大后天上午把音响修好。", "怪我们排期太满，已安排师傅上门，明天下午把音响修好。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::MissesDeadline).expect("the day after the deadline");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn guaranteeing_a_time_is_a_commitment_not_an_over_promise() {
    let ranked = rank(
        "空调周四前必须装好，老人要住进来。",
        &[],
        &["老人要来确实着急，是我们排期晚了。我保证周三下午3点前装好。", "老人要来确实着急。我保证以后永远不会再出这种问题。"],
    );
    assert!(!judgement(&ranked, 0).faults.contains(&Fault::OverPromise), "{:?}", judgement(&ranked, 0));
    assert!(judgement(&ranked, 1).faults.contains(&Fault::OverPromise), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn a_range_of_free_hours_and_a_weekend_only_visit_are_read() {
    let context = [customer("阳台的晾衣架掉下来了。"), agent("我给您约师傅，您什么时候在家？")];
    let ranked = rank(
        "白天都在单位，只有晚上6点到9点在家。",
        &context,
        &["添麻烦了，维修员上门时间定在明天下午3点。", "添麻烦了，维修员上门时间定在明天晚上7点半。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    // A clause that says when the customer is *not* free is no window; "周末才方便" is the only one.
    let ranked = rank(
        "工作日人都不在，周末才方便。",
        &context,
        &["给您添麻烦了，周二上午10点师傅上门。", "给您添麻烦了，周日上午10点师傅上门。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
}

#[test]
fn a_consistent_reply_has_no_conflicts() {
    let context = [customer("订单号5519 2203 7781，耳机左边没声音。"), agent("收到，我看一下。")];
    let ranked = rank(
        "周五前能换好吗？我周六出差要用。",
        &context,
        &["周六就要出差，耳机却坏了，确实着急，是我们质检漏了。我已按订单5519 2203 7781给您换新，周四下午前送到，您看可以吗？"],
    );
    assert!(ranked[0].conflicts.is_empty(), "{:?}", ranked[0].conflicts);
}

#[test]
fn booking_a_time_the_customer_is_out_is_a_conflict() {
    let context = [customer("洗碗机不排水。"), agent("我帮您约师傅。")];
    let ranked = rank(
        "我上班，平日要到晚上8点以后才在家。",
        &context,
        &[
            "不排水挺麻烦的，这得怪我们。我已约好师傅明天上午10点上门，到之前先给您打电话。",
            "不排水挺麻烦的，这得怪我们。我已约好师傅明天晚上8点半上门，到之前先给您打电话。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("10 a.m. is during work");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

// ---- judgment between consistent replies: result, pending result, call back only ----

#[test]
fn tonight_with_an_hour_is_an_evening_hour() {
    let cues = lists::Cues::embedded();
    let chars: Vec<char> = text::Text::new("今晚8点师傅到，明早7点半再回访。").chars;
    let points = time_points(&cues.time, &chars);
    assert_eq!(points[0].hour, Some(20.0), "{points:?}");
    assert_eq!(points[1].hour, Some(7.5), "{points:?}");
}

#[test]
fn an_evening_visit_fits_an_evening_availability() {
    let context = [customer("热水器点不着火。"), agent("我帮您安排师傅。")];
    let ranked = rank(
        "白天我在单位，晚上六点以后才到家。",
        &context,
        &["热水器坏了确实难受，是我们售后慢了。今晚7点半师傅上门，到之前先打电话。"],
    );
    assert!(conflict(&ranked[0], Fault::IgnoresPreference).is_none(), "{:?}", ranked[0].conflicts);
}

#[test]
fn asking_can_or_cannot_is_not_a_refusal() {
    // "能不能…改到" asks for the change; it does not refuse it.
    let context = [customer("我那趟火车停运了，后天一早要签合同。"), agent("抱歉，我帮您看看别的车次。")];
    let ranked = rank(
        "能不能直接改到今晚最后一班？",
        &context,
        &["耽误签合同可不行，停运怪我们。已把您改到今晚最后一班，车票信息5分钟内短信发您。"],
    );
    assert!(conflict(&ranked[0], Fault::IgnoresPreference).is_none(), "{:?}", ranked[0].conflicts);
}

#[test]
fn taking_leave_is_not_an_instruction_to_wait() {
    let context = [customer("宽带坏了，你们说昨天下午来修，我专门等了一下午，没人来。"), agent("抱歉，我查一下。")];
    let ranked = rank(
        "今天到底来不来？",
        &context,
        &["您请假白等了一下午，这次失约怪我们。已升级给片区主管，今晚8点师傅上门，来之前打电话。"],
    );
    assert!(conflict(&ranked[0], Fault::RepeatsFailedStep).is_none(), "{:?}", ranked[0].conflicts);
}

#[test]
fn a_result_beats_a_pending_approval_and_a_call_back() {
    let context = [customer("买的台灯开关按下去没反应。"), agent("收到，我看一下。")];
    let ranked = rank(
        "今天能给我办好吗？",
        &context,
        &[
            "刚买就坏确实扫兴，是我们质检漏了。售后主管周四上午打电话给您，商量换货的安排。",
            "刚买就坏确实扫兴，是我们质检漏了。换货申请已提交，需要主管审批，今天下午给您换新发出。",
            "刚买就坏确实扫兴，是我们质检漏了。我已给您登记换新，今天下午顺丰发出，单号短信发您。",
        ],
    );
    assert_eq!(ranked[0].index, 2, "{ranked:?}");
    assert!(position(&ranked, 1) < position(&ranked, 0), "{ranked:?}");
}

#[test]
fn handing_over_with_a_committed_result_is_not_a_call_back() {
    let cues = lists::Cues::embedded();
    let state = conversation::ConversationState::default();
    let read = |s: &str| reply::ReplyReading::read(&cues, &text::Text::new(s).chars, &state);
    assert!(read("这单我转交值班经理直接办，明早9点前把新的补发到家。").delegates);
    assert!(!read("这单我转交值班经理直接办，明早9点前把新的补发到家。").callback_only);
    assert!(read("情况我报给了售后组，组里同事周四会打电话给您，一起商量退钱的事。").callback_only);
    assert!(read("这笔款要走复核流程，周三前后到。").pending);
}

#[test]
fn promising_again_the_time_that_was_broken_ignores_it() {
    let context = [
        customer("退货的吹风机你们仓库早签收了，钱一直没退。"),
        agent("抱歉，财务那边催过了，48小时内准到账。"),
        customer("这都过去四天了，还是没到账。"),
    ];
    let ranked = rank(
        "你们答应的呢？",
        &context,
        &[
            "说好的没做到，怪我们跟得不紧。退款重新提交了，财务48小时内处理完。",
            "说好的退款没做到，这回失信怪我们。已升级给财务主管，今晚6点前把钱打回原卡，我会一直跟着。",
        ],
    );
    // It names the broken promise, then makes the same one again.
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresBrokenPromise).expect("the broken promise is repeated");
    assert!(c.reply_span.contains("48小时内"), "{c:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresBrokenPromise).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn needed_right_now_makes_tomorrow_too_late() {
    let context = [customer("停车场出口抬杆不起来，缴费码扫了没反应。"), agent("抱歉，我这边查一下您的缴费记录。")];
    let ranked = rank(
        "后面一串车在按喇叭，能不能马上给我开闸？",
        &context,
        &[
            "后面车催着确实让人发慌，是我们设备的问题。缴费已核实，明天上午把费用退您，出口的事明天派人看。",
            "后面车催着确实让人发慌，是我们设备的问题。缴费已核实，我已远程抬杆，1分钟内就能出去。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::MissesDeadline).expect("tomorrow is too late for now");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn the_same_place_with_another_number_is_a_wrong_fact() {
    let context = [customer("快递显示签收了，我没拿到。"), agent("稍等，我调一下派件记录。"), customer("我住莲花北村六栋二单元，您核对一下。")];
    let ranked = rank(
        "查到放哪了吗？",
        &context,
        &[
            "东西找不到真叫人上火，怪我们送得马虎。包裹放在莲花北村九栋门口的快递柜，取件码已短信发您。",
            "东西找不到真叫人上火，怪我们送得马虎。包裹放在莲花北村六栋门口的快递柜，取件码已短信发您。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("九栋 is not 六栋");
    assert_eq!(c.context_turn, 2);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1).conflicts);
    assert_eq!(ranked[0].index, 1);
}

// ---- conflicts read from the customer's own words (stop 20) ----

#[test]
fn offering_an_option_the_customer_turned_down_ignores_their_preference() {
    let ctx = [customer("上个月的维修费发票一直没收到，邮箱我已经发过了。")];
    let ranked = rank(
        "抬头开单位，不要个人抬头，今天能开吗？",
        &ctx,
        &[
            "月底要报账，急是肯定的，这次是我们漏寄了。已按个人名字开出发票，傍晚6点前寄到您的邮箱。",
            "月底要报账，急是肯定的，这次是我们漏寄了。已按单位抬头开出发票，傍晚6点前寄到您的邮箱。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("the refused option is flagged");
    assert_eq!(c.context_turn, -1);
    assert!(c.context_span.contains("不要个人"), "{c:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_reply_that_says_it_will_not_do_the_refused_thing_is_not_flagged() {
    let ranked = rank(
        "不要个人抬头，开单位的。",
        &[],
        &["明白，不开个人抬头了，改按单位抬头重开，傍晚6点前寄给您。"],
    );
    assert!(conflict(&ranked[0], Fault::IgnoresPreference).is_none(), "{:?}", ranked[0].conflicts);
}

#[test]
fn steps_the_agent_suggested_count_as_tried_once_the_customer_says_it_still_fails() {
    let ctx = [
        customer("电视盒子开机后一直卡在启动画面。"),
        agent("您可以先退出登录，再重新登录一下账号试试。"),
        customer("按你说的弄了，还是卡在那个画面不动。"),
    ];
    let ranked = rank(
        "到底怎么办？",
        &ctx,
        &[
            "盒子老卡在开机画面，确实闹心，这是我们的软件缺陷。麻烦您再重新登录一次账号，一般就好了。",
            "盒子老卡在开机画面，确实闹心，这是我们的软件缺陷。我已在后台给您的盒子推送修复包，10分钟内自动重启，好了我再跟您确认。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).expect("the suggested step was tried");
    assert_eq!(c.context_turn, 2, "the customer's report of the failure is the evidence");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_suggestion_the_customer_has_not_reported_on_is_not_a_tried_step() {
    let ctx = [customer("电视盒子开机后一直卡在启动画面。"), agent("您可以先退出登录，再重新登录一下账号试试。")];
    let ranked = rank("好的，那我等会儿试试。", &ctx, &["好的，您先重新登录试试，不行再找我。"]);
    assert!(conflict(&ranked[0], Fault::RepeatsFailedStep).is_none());
}

#[test]
fn correcting_a_value_to_the_one_the_customer_called_wrong_is_a_wrong_fact() {
    let ctx = [customer("证件上的拼音是LI MINGHAO，票面被录成了LI MINGHUA，预订号QX7731。")];
    let ranked = rank(
        "能改吗？",
        &ctx,
        &[
            "拼音差一个字母会影响登机，这是我们的录入失误。更正单已经提交，从MINGHAO改成MINGHUA，傍晚6点前改好。",
            "拼音差一个字母会影响登机，这是我们的录入失误。更正单已经提交，从MINGHUA改成MINGHAO，傍晚6点前改好。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("the wrong direction is flagged");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn restating_a_past_event_on_another_day_is_a_wrong_fact_but_moving_a_date_is_not() {
    let ctx = [customer("我12号在你们虹桥站门店退的租，押金还冻着。")];
    let ranked = rank(
        "什么时候能解冻？",
        &ctx,
        &[
            "押金压着确实影响周转，是我们没说清楚。我查了您15号在虹桥站门店退的租，已先解冻一半，今天内到账。",
            "押金压着确实影响周转，是我们没说清楚。我查了您12号在虹桥站门店退的租，已先解冻一半，今天内到账。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("the other day is flagged");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none());
    assert_eq!(ranked[0].index, 1);

    let moved = rank(
        "12号的安装能改吗？",
        &[customer("我12号约了师傅上门装的空调，那天临时要出差。")],
        &["没问题，我把12号的上门安装改到了15号，师傅到之前会先给您发短信。"],
    );
    assert!(conflict(&moved[0], Fault::WrongFact).is_none(), "{:?}", moved[0].conflicts);
}

#[test]
fn an_appointment_outside_the_only_times_the_customer_is_free_ignores_them() {
    let ctx = [customer("下周二的牙科复查医生停诊了，要重新约。")];
    let ranked = rank(
        "周日下午我可以，其余只有平日晚上7点以后才方便，哪天能约？",
        &ctx,
        &[
            "复查临时停诊，耽误您安排了，这是我们排班的疏忽。已经替您改到下周三上午10点的复诊，确认短信稍后发您。",
            "复查临时停诊，耽误您安排了，这是我们排班的疏忽。已经替您改到这周日下午3点的复诊，确认短信稍后发您。",
            "复查临时停诊，耽误您安排了，这是我们排班的疏忽。已经替您改到下周三晚上7点半的复诊，确认短信稍后发您。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("a weekday morning fits no window");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "Sunday afternoon fits");
    assert!(conflict(judgement(&ranked, 2), Fault::IgnoresPreference).is_none(), "a weekday evening fits");
    assert_eq!(position(&ranked, 0), 2);
}

#[test]
fn naming_the_feeling_lifts_a_concrete_reply_but_not_an_empty_one() {
    let concrete = "这次是我们的骑手调度失误。已为您补做一份，40分钟内送达，到楼下先给您打电话。";
    let named = "饿着肚子等这么久，谁都会火大，这次是我们的骑手调度失误。已为您补做一份，40分钟内送达，到楼下先给您打电话。";
    let empty = "饿着肚子等这么久，谁都会火大，实在抱歉。";
    let ranked = rank("外卖等了一个多小时还没到，我中午饭还吃不吃了？", &[], &[concrete, named, empty]);
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
    assert_eq!(ranked[2].index, 2, "a named feeling without a step is the formulaic kind");
    assert!(ranked[0].score > ranked[1].score);
}

// ---- readings added with the third generator (stop 22) ----

#[test]
fn an_instruction_announced_by_a_colon_is_prescribed() {
    let said = "路由器指示灯一直红，我拔了电源重启过两回，照旧连不上。";
    let ranked = rank(
        said,
        &[],
        &[
            "网断了确实耽误事。麻烦您再操作一遍：重启路由器，不行我下午3点前派人上门。",
            "网断了确实耽误事，您重启过两回了，不用再折腾。我下午3点前派人上门换一台。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).expect("the step after the colon is prescribed");
    assert_eq!(c.context_turn, -1);
    assert!(c.reply_span.contains("重启"), "{c:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn crediting_what_the_customer_already_tried_is_not_blame() {
    let ranked = rank(
        "打印机连不上，驱动我也重装了。",
        &[],
        &["您自己能试的办法都试过了，剩下的交给我，今晚8点前远程帮您装好。", "多半是您自己没装对驱动。"],
    );
    assert!(!judgement(&ranked, 0).faults.contains(&Fault::Blame), "{:?}", judgement(&ranked, 0));
    assert!(judgement(&ranked, 1).faults.contains(&Fault::Blame));
}

#[test]
fn making_it_again_is_a_remedy_the_customer_can_refuse() {
    let said = "证件照洗出来颜色发绿，不要重拍了，我没空再跑一趟，把钱退给我。";
    let ranked = rank(
        said,
        &[],
        &[
            "颜色不对是我们冲印出的错。我明天上午帮您约好时间重新拍一组，免费。",
            "颜色不对是我们冲印出的错。这次的68元我今天下班前原路退给您。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("remaking was turned down");
    assert!(c.context_span.contains("不要重拍"), "{c:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_remedy_waiting_for_a_signature_is_pending() {
    let ranked = rank(
        "上个月交的押金，说好退给我的，到现在没见着。",
        &[],
        &["押金300元我已经报上去了，主管签字后今天下午到账。", "押金300元我已经退到您的原账户了，今天下午到账。"],
    );
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
}

#[test]
fn a_product_named_after_a_demonstrative_is_no_longer_available() {
    let context = [customer("上回那款桂花乌龙还有吗？"), agent("这款桂花乌龙今年的茶已经全部卖完了。")];
    let ranked = rank(
        "你们想办法给我找一罐，我就喝这个。",
        &context,
        &[
            "喝惯的茶断了货确实难受，我今天下午就从仓库给您调一罐桂花乌龙寄出。",
            "喝惯的茶断了货确实难受，桂花乌龙这季一罐都没有了，我今天下午给您寄两小袋口味接近的铁观音试喝，不收钱。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).expect("the sold-out tea is promised");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "saying it is gone promises nothing");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn booking_a_time_the_customer_is_away_ignores_them() {
    let said = "洗衣机漏水了。周二周三我都出差，人不在。";
    let ranked = rank(
        said,
        &[],
        &["是我们安装没做好。我安排师傅周三上午10点上门修好。", "是我们安装没做好。我安排师傅周四上午10点上门修好。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("Wednesday is a day away");
    assert!(c.context_span.contains("周二周三"), "{c:?}");
    assert!(judgement(&ranked, 1).conflicts.is_empty(), "being away is no deadline: {:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);

    let weekend = rank(
        "快递柜的件取不出来。这个周末我不在家，平日晚上7点以后都可以。",
        &[],
        &["我周日下午2点让快递员送到您家。", "我周二晚上8点让快递员送到您家。"],
    );
    assert!(conflict(judgement(&weekend, 0), Fault::IgnoresPreference).is_some(), "{weekend:?}");
    assert_eq!(weekend[0].index, 1);
}

#[test]
fn a_timed_call_outside_the_hours_for_calls_ignores_the_customer() {
    let said = "上班时间不能接电话，只有中午12点到1点可以。";
    let ranked = rank(said, &[], &["我明天上午10点给您打电话确认方案。", "我明天中午12点半给您打电话确认方案。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn asking_for_an_answer_today_is_not_a_deadline_for_the_remedy() {
    let ranked = rank(
        "牙套戴了一周就裂了，今天必须给我个说法。",
        &[],
        &["是我们做的牙套质量出了问题，我明天上午10点前给您免费重做一副。"],
    );
    assert!(conflict(&ranked[0], Fault::MissesDeadline).is_none(), "{:?}", ranked[0]);
}

#[test]
fn todays_date_the_end_of_the_working_day_and_an_overdue_promise_are_read_as_times() {
    // "今天12号" says what day it is; the deadline is the 15th.
    let ranked = rank("我要出差，今天12号，15号之前必须把烤箱修好。", &[], &["我14号上午派师傅上门把烤箱修好。", "我16号上午派师傅上门把烤箱修好。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 1));
    // The end of the working day is later than three in the afternoon.
    let ranked = rank("现在才上午十点，下午三点之前必须拿到发票。", &[], &["我今天下班前把发票开好发您邮箱。", "我一小时之内把发票开好发您邮箱。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
    // A promise reported broken is overdue: wanted today, and its passed hour bars nothing later today.
    let context = [agent("我明天上午十点前让技术同事给您重新开通会员。")];
    let ranked = rank(
        "昨天说今天上午十点前，可是没人联系过我。",
        &context,
        &["是我们没兑现，今天下班前我让技术同事给您开通会员，开好发消息给您。", "是我们没兑现，明天上午我让技术同事给您开通会员，开好发消息给您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 1));
}

#[test]
fn saying_what_time_or_day_it_is_now_sets_no_deadline() {
    // "现在才上午十点" is the time now; the deadline is three in the afternoon, so noon is in time.
    let ranked = rank("我要赶车，现在才上午十点，下午三点之前必须把票改好。", &[], &["我中午十二点前把票改好发给您。", "我今天下班前把票改好发给您。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 0);
    // "今天已经周三了" says what day it is; Thursday is before the Friday deadline, Saturday after it.
    let ranked = rank("今天已经周三了，老人周五之前一定要拿到药。", &[], &["我周四上午把药送到您家。", "我周六上午把药送到您家。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 1));
}

#[test]
fn a_stated_time_limit_is_a_deadline_and_a_range_of_days_counts_its_upper_bound() {
    let ranked = rank("下周一有考试，后天晚上六点是最后期限。", &[], &["我大后天把教材寄到。", "我明天下午把教材寄到。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
    // "三到五个工作日" is up to five working days: too late for today.
    let ranked = rank("今天下午四点以前必须把合同盖好章。", &[], &["正常排队的话，一般三到五个工作日把合同盖好章。", "我两点前把合同盖好章。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_question_raised_in_an_earlier_turn_stays_open_until_an_agent_answers_it() {
    let context = [
        customer("预约的保洁阿姨迟到了两个小时。顺便问一句，没用完的保洁时长可以转给我妈妈用吗？"),
        agent("收到，我先核对一下派单记录。"),
    ];
    let candidates = [
        "阿姨迟到是我们调度的问题，我半小时内给您把这次的费用退一半。",
        "没用完的时长可以转给您妈妈，在会员页点转赠就行。阿姨迟到是我们调度的问题，我半小时内给您把这次的费用退一半。",
    ];
    let ranked = rank("还要等多久？", &context, &candidates);
    let c = conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).expect("the earlier question is still open");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    // Once an agent turn has answered it, it is closed.
    let answered = [context[0].clone(), agent("没用完的时长可以转给您妈妈，在会员页点转赠就行。派单记录我再核对一下。")];
    let ranked = rank("还要等多久？", &answered, &candidates);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_none(), "{:?}", judgement(&ranked, 0));
}

#[test]
fn a_question_word_before_a_yes_no_particle_asks_yes_or_no() {
    // "过期几天还能退吗" asks whether it can still be returned, not how many days: a yes with the way to do it answers it.
    let ranked = rank("会员卡过期几天了还能退吗？", &[], &["能退，您在订单页点退卡，余额原路退回。"]);
    assert!(conflict(&ranked[0], Fault::UnansweredQuestion).is_none(), "{:?}", ranked[0]);
}

#[test]
fn a_pressed_when_question_is_answered_by_a_time_of_day() {
    // "前一晚十点以后" names a time of day, which answers "几点以后".
    let ranked = rank("另外想问一下，洗牙前几点以后不能吃东西？", &[], &["前一晚十点以后就不要吃东西了，喝水没关系。我今天帮您改约。", "我今天帮您改约到下周。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_none(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_some(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn a_closed_venue_and_a_full_class_cannot_be_booked() {
    let context = [agent("先跟您说一声，城东馆下个月闭馆翻修。"), customer("我想下个月还在城东馆上课。")];
    let ranked = rank("能安排吗？", &context, &["没问题，我下个月继续在城东馆给您排课，明天给您确认。", "城东馆下个月闭馆翻修，我先给您转到城西馆上，明天给您确认。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    // A full class is full at its own time only: another day's class can be booked.
    let context = [agent("周六上午的陶艺班已经满员了。")];
    let ranked = rank(
        "我就想周六上，你们想想办法。",
        &context,
        &["我给您在周六上午的陶艺班加个位置，明天给您确认。", "周日上午的陶艺班还有名额，我明天上午给您报上。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
}

#[test]
fn a_negator_that_opens_a_word_negates_nothing() {
    // "无痛胃镜名额" names the slot; the 无 of 无痛 does not deny it.
    let context = [agent("无痛胃镜这周的名额已经约满了。")];
    let ranked = rank("那怎么办？", &context, &["我给您在这周加塞一个无痛胃镜名额，四十分钟内给您确认。"]);
    assert!(conflict(&ranked[0], Fault::ImpossiblePromise).is_some(), "{:?}", ranked[0]);
}

#[test]
fn a_record_checked_back_at_another_campus_is_a_wrong_fact() {
    let context = [customer("6月3日在城南院区做的体检，单号TJ1234-5678。"), agent("好的，我查一下。")];
    let ranked = rank(
        "报告到现在都没出来。",
        &context,
        &["我核对了：6月3日的单，城北院区经手，体检号TJ1234-5678。我今天下午四点前把报告发给您。", "我核对了：6月3日的单，城南院区经手，体检号TJ1234-5678。我今天下午四点前把报告发给您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
}

#[test]
fn another_member_of_staff_named_as_the_one_who_handled_the_record_is_a_wrong_fact() {
    let context = [customer("我上周三在东门店洗的牙，经手的是唐医生。"), agent("好的，我看一下。")];
    let ranked = rank(
        "牙龈到现在还疼。",
        &context,
        &["记录显示是宋医生经手的那次洗牙，我今天下午给您安排复查。", "记录显示是唐医生经手的那次洗牙，我今天下午给您安排复查。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("the customer named another doctor");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
    // Staff the customer mentions without saying who handled anything leave the reply's staff alone.
    let ranked = rank("早上的专车司机绕了远路。", &[], &["订单已转交售后主管直接经办，今晚8点前给您全额退款。"]);
    assert!(conflict(&ranked[0], Fault::WrongFact).is_none(), "{:?}", ranked[0]);
}

#[test]
fn another_person_after_the_title_the_customer_named_is_a_wrong_fact_unless_the_work_passes_to_them() {
    let context = [agent("您好，请讲。"), customer("腰伤复诊约在周四，负责我的是理疗师宋凯，今天又说改期。")];
    let ranked = rank(
        "周四到底还做不做？",
        &context,
        &[
            "一改再改确实让人窝火，是我们这边排错了班。我刚跟理疗师魏琳核对过，周四下午照常给您做。",
            "一改再改确实让人窝火，是我们这边排错了班。我刚跟理疗师宋凯核对过，周四下午照常给您做。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("the customer named another therapist");
    assert_eq!(c.context_turn, 1);
    assert!(c.context_span.contains("宋凯"), "{c:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    // Passing the work to another therapist names a new person, not a slip; a title before a plain word names nobody.
    let ranked = rank(
        "周四到底还做不做？",
        &context,
        &["一改再改确实让人窝火，是我们这边排错了班。周四下午由理疗师魏琳给您做，她同样很有经验。", "理疗师马上给您回电，周四照常做。"],
    );
    assert!(conflict(&ranked[0], Fault::WrongFact).is_none(), "{:?}", ranked[0]);
    assert!(conflict(&ranked[1], Fault::WrongFact).is_none(), "{:?}", ranked[1]);
}

#[test]
fn asking_for_the_name_or_phone_already_given_is_a_conflict() {
    let context = [customer("登记的名字是林小雨，上周约的保洁没人来。"), agent("收到，我查一下。")];
    let ranked = rank("到底怎么回事？", &context, &["请问登记人叫什么名字，我查到就给您改约。", "林小雨名下的预约我找到了，今天下午给您改约。"]);
    let c = conflict(judgement(&ranked, 0), Fault::AsksForGivenInfo).expect("the name was given");
    assert_eq!(c.context_turn, 0);
    assert_eq!(ranked[0].index, 1);
    let context = [customer("我手机号是13512345678，家里的净水器一直滴水。"), agent("好的，我先看一下。")];
    let ranked = rank("怎么还没人管？", &context, &["请问您的联系电话是多少，收到后我今天安排师傅上门。", "我按13512345678联系您，今天安排师傅上门。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::AsksForGivenInfo).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_time_before_which_the_customer_cannot_be_reached_is_busy_not_a_deadline() {
    let context = [agent("这个要电话跟您确认一下，我们约个时间。")];
    // "十二点以前电话都接不了": busy until noon, so a call at eleven ignores it and one at two is fine.
    let ranked = rank("上午我一直在开会，十二点以前电话都接不了。", &context, &["我上午十一点给您打电话说结果。", "我下午两点给您打电话说结果。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    // "下午四点前别打电话" keeps the time before four free of calls; it does not turn calls down.
    let ranked = rank("我上夜班，白天要补觉，下午四点前别打电话。", &context, &["我下午两点给您打电话说结果。", "我下午五点给您打电话说结果。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    // Bare early hours of a busy range are the afternoon's.
    let ranked = rank("每天三点到六点我在病房陪护，接不了电话。", &context, &["我下午五点给您打电话说结果。", "我今晚七点给您打电话说结果。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_routine_time_is_no_deadline_and_a_silenced_phone_is_about_calls() {
    // "每天下午五点要去接孩子" is the customer's routine: tomorrow morning misses nothing.
    let ranked = rank("每天下午五点要去接孩子，五点到七点都不行。", &[], &["后天上午九点派师傅上门修好。"]);
    assert!(conflict(&ranked[0], Fault::MissesDeadline).is_none(), "{:?}", ranked[0]);
    // "手机静音" speaks of calls: a call booked inside the busy range ignores it.
    let ranked = rank("下午两点到五点我在医院陪护，手机静音。", &[], &["我明天下午三点给您打电话说结果。", "明早九点我给您打电话说结果。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn an_instruction_that_names_information_to_use_can_repeat_a_failed_step() {
    // "用会员号在官网再查一次" uses the member number; it asks for nothing, so it can repeat the failed suggestion.
    let context = [agent("您可以先用会员号在官网再查一次积分试试。"), customer("试过了，还是没用。"), agent("收到，我再看看。")];
    let ranked = rank("到底怎么办？", &context, &["建议您再用会员号在官网再查一次积分试试。", "我今天下午三点前让技术把您的积分补回账户。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
    // A cache on the phone, cleared already, is the same step as clearing it again.
    let ranked = rank("打印机连不上，另外手机缓存也清过了。", &[], &["建议您再清一下手机缓存试试。", "我一小时内远程帮您把打印机重新配网。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
}

#[test]
fn time_gone_by_with_no_word_breaks_the_earlier_promise() {
    let context = [agent("我三小时内把押金退到您的支付宝。"), customer("好，我等着。"), agent("好的，您等我消息。")];
    let ranked = rank(
        "五个小时过去了，连个消息都没有。",
        &context,
        &["我三小时内把押金退到您的支付宝。", "答应您三小时内退押金没兑现，这是我们的错。我半小时内把押金退到您的支付宝，办完告诉您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresBrokenPromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresBrokenPromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn make_up_lessons_and_a_repair_in_other_words_ignore_a_refusal() {
    let ranked = rank("别再给我补课了，钢琴课剩下的钱退给我就行。", &[], &["我明天给您补两节课作为补偿。", "我今天下班前把剩下的课时费退到您原账户。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
    let ranked = rank("别说维修，柜门都裂成两半了。", &[], &["我今晚安排师傅上门给柜门做修复。", "我今晚安排师傅上门给您换一扇新柜门。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
}

#[test]
fn a_paid_amount_read_back_with_the_code_given_later_is_checked_against_the_one_amount_named() {
    let context = [customer("上周买的加湿器，398元，用了两天就不出雾。"), agent("麻烦给我一下单号。"), customer("单号JS2024-5566。")];
    let ranked = rank(
        "怎么处理？",
        &context,
        &["单号JS2024-5566这单我查到了，实付498元，我今天给您寄一台新的。", "单号JS2024-5566这单我查到了，实付398元，我今天给您寄一台新的。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
}

#[test]
fn a_paid_amount_unlike_the_one_sum_the_conversation_names_is_a_wrong_fact_even_unmarked() {
    let context = [customer("上个月在河西店办的宠物洗护次卡，268块钱，现在店关了。"), agent("好的，我看一下。")];
    let ranked = rank(
        "钱怎么退？",
        &context,
        &[
            "店突然关了卡却用不了，换谁都会不安，是我们事先没打招呼。您实付368元，剩下的次数我今天下午按原路退回。",
            "店突然关了卡却用不了，换谁都会不安，是我们事先没打招呼。您实付268元，剩下的次数我今天下午按原路退回。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("the one sum named was 268");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    // With two sums in the conversation, a paid amount that is neither is left alone unless it restates the record.
    let context = [customer("次卡268块钱，另外押了50块钱的毛巾押金。")];
    let ranked = rank("钱怎么退？", &context, &["您实付318元，我今天下午按原路退回。"]);
    assert!(conflict(&ranked[0], Fault::WrongFact).is_none(), "{:?}", ranked[0]);
}

#[test]
fn a_record_read_back_on_another_date_is_a_wrong_fact() {
    let context = [customer("3月8日在网上订的烤箱，付了1299元，到现在没发货。"), agent("我查一下。")];
    let ranked = rank(
        "查到没有？",
        &context,
        &["您3月9日付的1299元那单我看到了，我今天下午给您加急发出。", "您3月8日付的1299元那单我看到了，我今天下午给您加急发出。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("the order was placed on the 8th");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
    // A date that promises something is no read-back.
    let ranked = rank("查到没有？", &context, &["您付的1299元我看到了，3月10日前给您发出。"]);
    assert!(conflict(&ranked[0], Fault::WrongFact).is_none(), "{:?}", ranked[0]);
}

#[test]
fn sending_again_what_failed_to_send_repeats_the_failed_step() {
    let ranked = rank(
        "在小程序上传了划痕照片申请理赔，传了四次都失败，怎么弄？",
        &[],
        &["麻烦您在小程序上把照片再上传一次，我下午三点前审核。", "照片不用再传了，我下午三点前直接替您登记理赔。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_busy_system_on_submitting_is_a_failed_attempt() {
    let ranked = rank(
        "在App里申请退保证金，一提交就提示系统繁忙。",
        &[],
        &["麻烦您在App里重新申请一下退保证金，我今天帮您加急。", "我今天下班前在后台直接把保证金退到您原账户。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn the_end_of_the_month_is_a_date_to_compare() {
    let ranked = rank(
        "今天26号了，报销材料月底前必须交上去，可发票到现在都没开。",
        &[],
        &["是我们漏开了，我下个月初把发票开好寄给您。", "是我们漏开了，我28号前把发票开好寄给您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn the_day_before_yesterday_sets_no_deadline() {
    let ranked = rank("我前天买的台灯今天就不亮了。", &[], &["刚买就坏确实扫兴，是我们品控没把好关。我明天下午给您送一台新的。"]);
    assert!(conflict(&ranked[0], Fault::MissesDeadline).is_none(), "{:?}", ranked[0]);
}

#[test]
fn asking_politely_for_a_phone_number_already_given_is_a_conflict() {
    let context = [customer("收到的床单有个破洞。我手机号13800001111。"), agent("收到，我查一下。")];
    let ranked = rank(
        "查好了吗？",
        &context,
        &["您方便留一个联系电话吗？我今天给您补发一条。", "我按13800001111这个号码登记了，今天给您补发一条。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::AsksForGivenInfo).expect("the phone was given two turns earlier");
    assert_eq!(c.context_turn, 0);
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_plain_answer_to_where_is_the_next_step() {
    let ranked = rank(
        "你们店附近能停车吗？停哪里？",
        &[],
        &[
            "理解您第一次来不熟悉路，到了给前台打个电话，我们派人接您。",
            "店门口右手边就有地下停车场，入口在大楼东侧，消费满100元免两小时停车费。",
        ],
    );
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none(), "{ranked:?}");
    assert!(judgement(&ranked, 1).components.next_step >= 0.8, "{:?}", judgement(&ranked, 1).components);
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_time_is_no_answer_to_how_much() {
    let context = [customer("演出取消了，要退票。"), agent("这场可以全额退。")];
    let ranked = rank(
        "我就想知道，能退多少钱？",
        &context,
        &["已经提交了，2小时内原路退回。", "全额退，两张一共160元，手续费也一并退回。"],
    );
    // The fault is named; how much it weighs is the fitted weights' call (the first generator weighs a warm action
    // with a time above a bare answer).
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none());
}

#[test]
fn nobody_home_on_weekdays_rules_out_a_weekday_visit() {
    let ranked = rank(
        "热水器装好第二天就漏水。周一到周五家里没人，周末才行。",
        &[],
        &["是我们安装没到位，师傅周三上午10点到您家重新装。", "是我们安装没到位，师傅这周六上午10点到您家重新装。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_thing_named_then_turned_down_is_refused() {
    let context = [customer("车送修十天了还没修好。"), agent("我们可以先给您配一台备用车。")];
    let ranked = rank(
        "备用车我不要，你们把修车进度提上来就行。",
        &context,
        &["辛苦您了，我明天上午给您安排一台备用车先开着。", "明白，我让车间把您的车排到最前面，明天上午10点前修好。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("the spare car was turned down");
    assert_eq!(c.context_turn, -1);
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn wechat_is_a_channel_the_customer_can_turn_down() {
    let ranked = rank(
        "跑步机坏了一周没人修。不要加我微信，在App里留言就行。",
        &[],
        &["是我们维护没跟上，今天下班前修好，让专员加您微信跟进。", "是我们维护没跟上，今天下班前修好，结果在App消息里告诉您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_day_next_month_comes_after_any_day_this_month() {
    let ranked = rank(
        "新房的窗帘还没装，下个月3号我们就要搬进去住了。",
        &[],
        &["是我们排期没跟上，我安排师傅本月28号前上门装好。", "是我们排期没跟上，我安排师傅下个月6号上门装好。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_none(), "the 28th of this month is in time: {ranked:?}");
    let late = conflict(judgement(&ranked, 1), Fault::MissesDeadline).expect("the 6th of next month is too late");
    assert!(late.context_span.contains("下个月3号"), "{late:?}");
    assert_eq!(ranked[0].index, 0);
    let cues = lists::Cues::embedded();
    let first = |s: &str| time_points(&cues.time, &text::Text::new(s).chars).into_iter().next().expect(s);
    assert_eq!(first("下个月3号").day, Some(Day::Date { month: 1, day: 3 }));
    assert_eq!(first("本月28号前").day, Some(Day::Date { month: 0, day: 28 }));
}

#[test]
fn saying_what_cannot_be_done_and_doing_something_else_is_not_dismissive() {
    let honest = "那个颜色的瓷砖确实没办法了，我今天下午5点前把三种相近的样品寄给您挑。";
    let brush_off = "那个颜色的瓷砖确实没办法了，您只能换别的。";
    let ranked = rank("我就想要原来那个颜色的瓷砖。", &[], &[honest, brush_off]);
    assert!(!judgement(&ranked, 0).faults.contains(&Fault::Dismissive), "{ranked:?}");
    assert!(judgement(&ranked, 1).faults.contains(&Fault::Dismissive), "{ranked:?}");
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn a_range_of_weekdays_away_covers_the_days_between() {
    let ranked = rank(
        "热水器又不出热水了。我周一到周四都在外地，不在家。",
        &[],
        &["是我们上次没修彻底，我安排师傅周三上午10点上门。", "是我们上次没修彻底，我安排师傅周五上午10点上门。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("Wednesday lies between Monday and Thursday");
    assert!(c.context_span.contains("周一到周四"), "{c:?}");
    assert!(judgement(&ranked, 1).conflicts.is_empty(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_range_of_dates_away_covers_the_days_between_and_no_other() {
    let ranked = rank(
        "热水器又坏了。我9号到12号去外地培训，不在家。",
        &[],
        &[
            "是我们上次没修彻底，我安排师傅7月11日上午10点上门。",
            "是我们上次没修彻底，我安排师傅7月13日上午10点上门。",
            "是我们上次没修彻底，我安排师傅7月8日下午3点上门。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("the 11th lies between the 9th and the 12th");
    assert!(c.context_span.contains("9号到12号"), "{c:?}");
    assert!(judgement(&ranked, 1).conflicts.is_empty(), "{:?}", judgement(&ranked, 1));
    assert!(judgement(&ranked, 2).conflicts.is_empty(), "{:?}", judgement(&ranked, 2));
    assert_eq!(ranked[2].index, 0);
}

#[test]
fn days_listed_with_a_pause_mark_before_a_trip_are_all_away() {
    let ranked = rank(
        "洗碗机不排水。下周二、周三我去开会，都不在家。",
        &[],
        &["责任在我们，我安排师傅下周二下午2点上门。", "责任在我们，我安排师傅下周四下午2点上门。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("Tuesday is listed before the trip");
    assert!(c.context_span.contains("周二"), "{c:?}");
    assert!(judgement(&ranked, 1).conflicts.is_empty(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_busy_clause_without_a_time_is_about_the_clause_before_it() {
    let ranked = rank(
        "烤箱不加热了。周六周日要陪老人去医院，不在家。",
        &[],
        &["是我们的问题，我安排师傅周六上午9点上门。", "是我们的问题，我安排师傅周五上午9点上门。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("the weekend is the time away");
    assert!(c.context_span.contains("周六周日"), "{c:?}");
    assert_eq!(ranked[0].index, 1);
    // The clause before names the only free time: the busy clause is about every other time.
    let ranked = rank(
        "烤箱不加热了。我只有中午12点到1点在家，其他时间家里没人。",
        &[],
        &["是我们的问题，我安排师傅明天中午12点半上门。", "是我们的问题，我安排师傅明天下午4点上门。"],
    );
    assert!(judgement(&ranked, 0).conflicts.is_empty(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 0);
    // The clause before sets a deadline, which the trip explains: it stays a deadline.
    let ranked = rank(
        "投影仪坏了，周四中午前一定要修好，出差要用。",
        &[],
        &["是我们的问题，周五上午师傅上门修好。", "是我们的问题，周三下午师傅上门修好。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_time_turned_down_is_busy() {
    let ranked = rank(
        "冰箱不制冷了。明天下午不行，我得去接孩子。",
        &[],
        &["是我们的问题，我安排师傅明天下午3点上门。", "是我们的问题，我安排师傅明天上午10点上门。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("the afternoon was turned down");
    assert!(c.context_span.contains("明天下午不行"), "{c:?}");
    assert_eq!(ranked[0].index, 1);
    // A failure reported "to now" turns no time down.
    let ranked = rank("冰箱重启过了，到现在还是不行。", &[], &["是我们的问题，我安排师傅今天下午3点上门。"]);
    assert!(judgement(&ranked, 0).conflicts.is_empty(), "{:?}", judgement(&ranked, 0));
}

#[test]
fn the_customers_own_plans_beside_their_free_time_are_times_away_not_deadlines() {
    // The meeting says when not to come; the free afternoon is when to come.
    let ranked = rank(
        "墙面又裂了。我后天上午要开会，下午才在家。",
        &[],
        &["是我们施工没做好，我安排师傅后天上午10点上门修补。", "是我们施工没做好，我安排师傅后天下午3点上门修补。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
    assert!(judgement(&ranked, 1).conflicts.is_empty(), "the afternoon misses nothing: {:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);

    // Free only before 9, away after: an 8 o'clock visit is in time and misses no deadline.
    let early = rank(
        "冰箱不制冷了。我只有早上9点之前在家，过了9点就要去上班。",
        &[],
        &["是我们的问题，我安排师傅明早8点上门。", "是我们的问题，我安排师傅明天上午11点上门。"],
    );
    assert!(judgement(&early, 0).conflicts.is_empty(), "{:?}", judgement(&early, 0));
    assert!(conflict(judgement(&early, 1), Fault::IgnoresPreference).is_some(), "{early:?}");
    assert_eq!(early[0].index, 0);
}

#[test]
fn doing_again_what_the_customer_said_did_not_help_is_a_repeated_step_even_unlisted() {
    let said = "阳台的推拉门一直卡。我往轨道上喷了两次润滑油，都没用。";
    let again = "是我们安装没调好，麻烦您先往轨道上喷点润滑油试试，明天上午我再安排师傅上门。";
    let onward = "是我们安装没调好，轨道上喷过润滑油这步您已经做过了，我明天上午10点安排师傅上门重新调轨道。";
    let ranked = rank(said, &[], &[again, onward]);
    let c = conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).expect("the lubricant was tried");
    assert!(c.context_span.contains("润滑油"), "{c:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::RepeatsFailedStep).is_none(), "acknowledging the attempt repeats nothing");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn one_changed_digit_of_an_amount_is_a_slip_when_the_reply_quotes_the_same_record() {
    let said = "合同编号HT20240817，5月3日付了15800元的定金，到现在还没开工。";
    let slip = "合同编号HT20240817这单，15300元的定金记录我查到了，是我们排期出错，我今晚6点前把开工日期定下来发您。";
    let right = "合同编号HT20240817这单，15800元的定金记录我查到了，是我们排期出错，我今晚6点前把开工日期定下来发您。";
    let ranked = rank(said, &[], &[slip, right]);
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("15300 for 15800 on the same contract");
    assert!(c.context_span.contains("15800"), "{c:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none());
    assert_eq!(ranked[0].index, 1);
    // Without the record quoted, another sum may be a new one (a part refunded): no slip is claimed.
    let other = rank(said, &[], &["是我们排期出错，定金里的15300元我今天下午5点前先退给您。"]);
    assert!(conflict(judgement(&other, 0), Fault::WrongFact).is_none(), "{other:?}");
}

#[test]
fn a_call_back_after_calls_were_refused_and_money_to_the_account_as_a_refund() {
    let said = "别给我打电话，上班接不了，就在这里回复。地板起拱了什么时候修？";
    let ranked = rank(
        said,
        &[],
        &["是我们铺装没留伸缩缝，我明天上午给您回个电话再约时间。", "是我们铺装没留伸缩缝，我在这里告诉您：师傅明天上午10点上门重铺。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);

    let refund = rank(
        "不要给我换东西抵扣，我只要退钱。",
        &[],
        &["是我们发错了货，我今晚6点前把货款368元转到您的账户。", "是我们发错了货，我今晚6点前发您一张368元的抵扣券。"],
    );
    assert!(judgement(&refund, 0).conflicts.is_empty(), "money into the account is the refund asked for: {refund:?}");
    assert!(conflict(judgement(&refund, 1), Fault::IgnoresPreference).is_some(), "{refund:?}");
    assert_eq!(refund[0].index, 0);
}

#[test]
fn promising_in_other_words_what_the_agent_said_is_gone_is_impossible() {
    let context = [customer("我想约上次那位王师傅来修空调。"), agent("王师傅上个月已经离职了，抱歉没早点说。")];
    let ranked = rank(
        "可我就信得过他，你想想办法吧。",
        &context,
        &["是我们没提前告诉您，我今晚6点前帮您请王师傅回来给您修。", "是我们没提前告诉您，我今晚6点前派做过同型号维修十年的李师傅上门。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).expect("the technician has left");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
    // A slot that is full leaves the same person free at other times.
    let slot = rank(
        "那就换个时间吧。",
        &[agent("王师傅明天上午已经约满了。")],
        &["是我们排期太满，我帮您约王师傅后天上午10点上门。"],
    );
    assert!(conflict(judgement(&slot, 0), Fault::ImpossiblePromise).is_none(), "{slot:?}");
}

#[test]
fn a_choice_question_is_answered_by_naming_one_option() {
    let said = "我就想知道，物业费是按建筑面积算还是按套内面积算？";
    let ranked = rank(
        said,
        &[],
        &["让您久等了，是我们没说清楚：物业费按套内面积算，我今天下午把明细单发给您。", "让您久等了，是我们没说清楚，我今天下午把缴费通知发给您。"],
    );
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 0);
    // "还是不行" reports a failure; it asks nothing.
    let still = rank("重启了还是不行。", &[], &["是我们的问题，我今天下午派师傅上门。"]);
    assert!(conflict(judgement(&still, 0), Fault::UnansweredQuestion).is_none(), "{still:?}");
}

#[test]
fn a_statement_of_todays_weekday_does_not_limit_the_free_time_to_today() {
    let ranked = rank(
        "你们看着办吧。",
        &[customer("新装的窗帘轨道掉下来了。"), customer("今天周三，上午要去医院复查，下午三点以后才方便。")],
        &["轨道掉下来让您受惊了，我们装得不牢，我安排师傅明天上午九点上门重装。", "轨道掉下来让您受惊了，我们装得不牢，我安排师傅明天下午四点上门重装。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_day_away_named_from_today_is_busy_only_that_day() {
    let ranked = rank(
        "那什么时候能弄好？",
        &[customer("洗衣机排水管漏水，地上全是水。"), customer("今天周一，后天我人不在本地。")],
        &["漏了一地水真糟心，怪我们装得马虎，我周三上午十点派师傅上门换排水管。", "漏了一地水真糟心，怪我们装得马虎，我明天上午十点派师傅上门换排水管。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "Wednesday is the day away: {ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn restating_the_record_at_another_branch_is_a_wrong_fact_but_moving_to_one_is_not() {
    let context = [customer("3月9日在滨河路店配的眼镜，戴了两天镜腿就松了。"), agent("收到，我查一下。")];
    let ranked = rank(
        "怎么处理？",
        &context,
        &["镜腿松了戴着难受，是我们没调好。您3月9日在解放路店配的眼镜，我安排今天下午免费紧固。", "镜腿松了戴着难受，是我们没调好。您3月9日在滨河路店配的眼镜，我安排今天下午免费紧固。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("another branch for the same purchase");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
    // A branch the reply sends the work to is no restatement of the record.
    let moved = rank("怎么处理？", &context, &["镜腿松了戴着难受，是我们没调好。我今天下午请解放路店的师傅上门帮您紧固。"]);
    assert!(conflict(judgement(&moved, 0), Fault::WrongFact).is_none(), "{moved:?}");
}

#[test]
fn moving_the_work_to_another_branch_is_no_impossible_promise() {
    let ranked = rank(
        "那现在怎么办？",
        &[customer("车门上多了一道划痕。"), agent("实话跟您说，北站店的喷漆间这周停用检修，补不了漆。")],
        &["是我们擦车不小心，我明天上午在北站店的喷漆间给您把漆补好。", "是我们擦车不小心，我明天上午约南湖店的喷漆间给您把漆补好，接送车由我们安排。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_question_the_customer_presses_for_needs_a_sentence_about_it() {
    let replies = [
        "平白多扣一次钱谁都窝火，怪我们系统出错，多扣的那笔我今天下班前原路退回。",
        "平白多扣一次钱谁都窝火，怪我们系统出错，多扣的那笔我今天下班前原路退回。剩下的课程照常上，时间不变。",
    ];
    let ranked = rank("还有，我剩下的课程还能照常上吗？", &[customer("报的游泳课被扣了两次学费。")], &replies);
    let c = conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).expect("the pressed question is left aside");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
    // Asked again: the earlier turn's question is still open.
    let again = rank(
        "你还没回答我呢。",
        &[customer("报的游泳课被扣了两次学费。"), customer("我剩下的课程还能照常上吗？"), agent("好的，我看一下。")],
        &replies,
    );
    let c = conflict(judgement(&again, 0), Fault::UnansweredQuestion).expect("asked again, still unanswered");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&again, 1), Fault::UnansweredQuestion).is_none(), "{again:?}");
    // Asked in passing, a yes/no question is not held against a reply that acts.
    let passing = rank("我剩下的课程还能照常上吗？", &[customer("报的游泳课被扣了两次学费。")], &replies[..1]);
    assert!(conflict(judgement(&passing, 0), Fault::UnansweredQuestion).is_none(), "{passing:?}");
}

#[test]
fn owning_phrases_count_and_their_negations_blame() {
    let ranked = rank(
        "蛋糕上的字写错了，怎么搞的？",
        &[],
        &["这次怪我们核对不仔细，我下午两点前重做一个送到。", "问题出在我们这边，我下午两点前重做一个送到。", "这不能怪我们，是您下单时备注写得不清楚。"],
    );
    assert!(judgement(&ranked, 0).components.ownership >= 0.9, "{ranked:?}");
    assert!(judgement(&ranked, 1).components.ownership >= 0.9, "{ranked:?}");
    assert!(judgement(&ranked, 2).faults.contains(&Fault::Blame), "{ranked:?}");
    assert_eq!(position(&ranked, 2), 2);
}

#[test]
fn owning_what_was_caused_counts_as_ownership() {
    let ranked = rank(
        "窗帘装反了，白跑一趟。",
        &[],
        &[
            "这个差错是我们造成的，明天上午我让安装师傅重新装好。",
            "这事我们认，该我们负责，明天上午我让安装师傅重新装好。",
            "说到底是我们下单时拿错了型号，明天上午我让安装师傅重新装好。",
            "我们认为安装是合格的，明天上午可以让安装师傅再看看。",
        ],
    );
    for i in 0..3 {
        assert!(judgement(&ranked, i).components.ownership >= 0.75, "{i}: {ranked:?}");
    }
    assert!(judgement(&ranked, 3).components.ownership < 0.5, "{ranked:?}");
}

#[test]
fn a_quoted_menu_name_does_not_cut_an_instruction_short() {
    let ranked = rank(
        "在app里提交售后申请，点了五六次，都失败了。",
        &[],
        &["您在app的“售后申请”页面里再提交一次，我今天下午帮您审核。", "问题出在我们的系统，我今天下午直接在后台替您提交售后，弄完发消息告诉您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn busy_until_a_time_is_a_busy_window_and_a_call_spoken_of_is_booked_like_a_visit() {
    let context = [agent("这个得跟您约个时间电话核对一下。"), customer("我上夜班，下午三点以前都在补觉。")];
    let ranked = rank(
        "你们看着办吧。",
        &context,
        &["是我们登记错了，我今天中午十二点给您打电话核对。", "是我们登记错了，我今天下午五点给您打电话核对。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
    assert!(judgement(&ranked, 1).conflicts.is_empty(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn away_from_a_departure_date_until_a_return_date_is_every_day_between() {
    let context = [agent("这个得重新量一次尺寸，我跟您约个上门时间。")];
    let ranked = rank(
        "我5号出门开会，9号晚上才回来。",
        &context,
        &["是我们量错了，师傅7号上午上门重新量。", "是我们量错了，师傅10号上午上门重新量。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(judgement(&ranked, 1).conflicts.is_empty(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    // The customer's own date, booked ("上门" on the morning of the return day), is a promise all the same.
    let ranked = rank("我5号出门开会，9号晚上才回来。", &context, &["是我们量错了，师傅9号上午上门重新量。", "是我们量错了，师傅10号上午上门重新量。"]);
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_customer_who_cannot_take_calls_or_come_in_is_not_offered_either() {
    let ranked = rank(
        "别打我电话，开会接不了，有事在这里留言。",
        &[],
        &["是我们弄错了，我一小时内给您打个电话把经过说清楚。", "是我们弄错了，我一小时内在这里把经过和处理结果写给您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
    let ranked = rank(
        "我这个月去不了你们店里，人在国外。",
        &[],
        &["是我们弄错了，我今天下午给您约好时间，您过来当面办一下。", "是我们弄错了，我今天下午在线上替您把手续办完，办好发您截图。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn going_to_the_shop_and_a_home_visit_are_different_channels() {
    let ranked = rank(
        "那怎么弄？",
        &[customer("新买的台灯开关坏了。"), customer("我腿脚不方便，别让我去店里换。")],
        &["开关坏了确实扫兴，怪我们出厂没检查好，请您明天上午十点到店里换一台新的。", "开关坏了确实扫兴，怪我们出厂没检查好，明天上午十点师傅上门给您换一台新的。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_bare_dated_clause_restates_the_event_of_its_sentence() {
    let ranked = rank(
        "沙发是5月3日下的单，城南店发的货，到了才发现扶手开裂。",
        &[],
        &["我查到了：您这单沙发是城南店发的货，5月6日下单。扶手开裂是我们质检漏了，我今天下午安排师傅上门。", "我查到了：您这单沙发是城南店发的货，5月3日下单。扶手开裂是我们质检漏了，我今天下午安排师傅上门。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_morning_taken_by_a_hospital_visit_is_no_free_window() {
    let ranked = rank(
        "这次能不能上点心？",
        &[customer("热水器又不出热水了。这几天上午我得陪孩子去医院复诊，下午三点以后才有空。")],
        &["又让您没热水用，是我们上次没修彻底，明天上午十点师傅上门检修。", "又让您没热水用，是我们上次没修彻底，明天下午四点师傅上门检修。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn restating_the_record_with_another_product_is_a_wrong_fact() {
    let said = "4月2日在湖滨店做的全车打蜡，才两天就掉光了。";
    let ranked = rank(
        said,
        &[],
        &["我查到了，您4月2日这次的皮革座椅护理是在湖滨店做的，怪我们施工马虎，明天上午免费重做。", "我查到了，您4月2日这次的全车打蜡是在湖滨店做的，怪我们施工马虎，明天上午免费重做。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("another service for the same visit");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
    // Without the record's day or branch, the words after "做的" are no restatement.
    let loose = rank(said, &[], &["怪我们施工马虎，您之前做的那次保养我们也一并复查，明天上午免费重做。"]);
    assert!(conflict(judgement(&loose, 0), Fault::WrongFact).is_none(), "{loose:?}");
}

#[test]
fn a_disclaimed_guarantee_is_a_realistic_limit_not_an_over_promise() {
    let ranked = rank(
        "打印机又卡纸了，第三次了！",
        &[],
        &[
            "第三次卡纸换谁都烦，怪我们上次没修好，今天下午三点前换新的送到。我敢打包票，以后再也不会让您遇到卡纸。",
            "第三次卡纸换谁都烦，怪我们上次没修好，今天下午三点前换新的送到。我没法保证百分之百不再出问题，但新机出库前我会亲自试打一遍。",
        ],
    );
    assert!(judgement(&ranked, 0).faults.contains(&Fault::OverPromise), "{ranked:?}");
    assert!(!judgement(&ranked, 1).faults.contains(&Fault::OverPromise), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_promise_for_tomorrow_can_be_broken_and_work_not_done_well_does_not_own_it() {
    let ranked = rank(
        "说好今天上午十点前退，现在都下午了，钱呢？",
        &[customer("会员费被扣了两次。"), agent("已登记，明天上午十点前一定把多扣的会员费退回原账户。")],
        &[
            "是我们的工作没做到位，我一小时内把多扣的会员费退回原账户。",
            "答应您上午十点前退款，结果没兑现，我们失信了，我一小时内把多扣的会员费退回原账户。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresBrokenPromise).expect("the kept-waiting customer is not acknowledged");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresBrokenPromise).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_time_for_getting_back_does_not_answer_when() {
    let ranked = rank(
        "我的年票到底哪天过期？",
        &[],
        &["让您着急了，是我们没提前提醒，具体日期我核实后今天下午五点前告诉您。", "让您着急了，是我们没提前提醒，您的年票有效期到明年3月31日。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn the_same_model_of_a_discontinued_item_is_an_impossible_promise() {
    let ranked = rank(
        "那怎么办？",
        &[customer("收到的陶瓷茶杯裂了一道缝。"), agent("查了一下，这款手绘茶杯已经停产了。")],
        &["茶杯裂了确实扫兴，怪我们包装不够牢，今天下班前给您寄一只同款手绘茶杯。", "茶杯裂了确实扫兴，怪我们包装不够牢，今天下班前给您全额退款，再附一张八折券。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_remedy_already_carried_out_is_read_as_done() {
    let cues = lists::Cues::embedded();
    let state = conversation::ConversationState::default();
    let done = |s: &str| reply::ReplyReading::read(&cues, &text::Text::new(s).chars, &state).reports_done;
    assert!(done("押金的差额我们已经把它退回您付款的那张卡上了。"));
    assert!(done("坏掉的镜头刚刚换好了，您随时来店里取。"));
    assert!(done("新的座椅套已经装好，师傅拍了照片给您看。"));
    // Taking note, checking, passing on and approvals report no result; nor does the customer's own doing or a
    // span of time.
    assert!(!done("您的情况我已经登记了，后续会有同事处理。"));
    assert!(!done("手机号我已经核对过了，接下来帮您看看。"));
    assert!(!done("情况已经通知了仓库，让他们尽快看看。"));
    assert!(!done("您已经发过两次截图了，辛苦了。"));
    assert!(!done("这件事已经三天了，确实拖得太久。"));
    assert!(!done("补偿款已经报上去了，要等财务审批。"));
}

#[test]
fn a_result_already_delivered_beats_a_call_back_and_a_later_promise() {
    let context = [customer("定制的木质相框送来边角裂了一道缝。"), agent("看到您的照片了，我来处理。")];
    let ranked = rank(
        "这事到底怎么解决？",
        &context,
        &[
            "相框刚到就裂，真让人窝火，怪我们打包太马虎。明天上午售后同事会打电话过来，一起商量办法。",
            "相框刚到就裂，真让人窝火，怪我们打包太马虎。新的相框已经重新做好，顺丰已经取走寄出了，单号在您的订单里。",
            "相框刚到就裂，真让人窝火，怪我们打包太马虎。我今天下午把新相框做好，明天给您寄出。",
        ],
    );
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
    assert_eq!(position(&ranked, 0), 2, "a call back is the least of the three: {ranked:?}");
}

#[test]
fn booking_the_customer_for_a_slot_they_said_they_are_busy_is_a_conflict() {
    let context = [customer("这两天上午我都要在单位值班，下午三点以后才有空。")];
    let ranked = rank(
        "那我的狗怎么办？",
        &context,
        &["约您明天上午十点带狗到合作的宠物医院复查。", "约您明天下午四点带狗到合作的宠物医院复查。"],
    );
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
    let busy = judgement(&ranked, 0);
    assert!(conflict(busy, Fault::IgnoresPreference).is_some(), "{busy:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{ranked:?}");
}

#[test]
fn a_usual_span_of_workdays_answers_when() {
    let ranked = rank(
        "另外，多收的押金哪天能回到我卡上？",
        &[customer("退房时押金被多扣了两百。")],
        &["多扣的两百押金按原路退回，通常2到5个工作日能到。", "多扣的两百押金我们会按原路退回给您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_none(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_some(), "{ranked:?}");
}

#[test]
fn the_clause_that_asks_is_what_a_pressed_question_is_about() {
    let context = [customer("租的投影仪开机就黑屏。")];
    let ranked = rank(
        "还有，投影仪要是修不好，押金怎么算？",
        &context,
        &["师傅明天上门看投影仪，修不好就换一台新的。", "修不好就给您换新的，押金一分不扣，换机期间不另收费。"],
    );
    let ignores = judgement(&ranked, 0);
    assert!(conflict(ignores, Fault::UnansweredQuestion).is_some(), "{ignores:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none(), "{ranked:?}");
}

#[test]
fn restating_a_pets_record_with_another_branch_or_service_is_a_wrong_fact() {
    let context = [customer("豆豆是3月8号在湖滨店做的SPA护理，回来一直挠耳朵。"), agent("您别急，我先查记录。")];
    let ranked = rank(
        "你们看怎么处理？",
        &context,
        &[
            "查到了，豆豆3月8号在湖滨店做的SPA护理，今天下午给您全额退款。",
            "查到了，豆豆3月8号在江北店做的SPA护理，今天下午给您全额退款。",
            "查到了，豆豆3月8号在湖滨店做的洗澡护理，今天下午给您全额退款。",
        ],
    );
    assert_eq!(ranked[0].index, 0, "{ranked:?}");
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_none(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_some(), "another branch: {ranked:?}");
    assert!(conflict(judgement(&ranked, 2), Fault::WrongFact).is_some(), "another service sharing a word: {ranked:?}");
}

#[test]
fn a_product_named_with_a_preposition_character_is_still_read_and_a_three_digit_slip_counts() {
    let context = [customer("订单号HX20931，5月2日在北湖店订的向日葵礼盒，付了268元，花全蔫了。")];
    let ranked = rank(
        "怎么办？",
        &context,
        &[
            "您5月2日在北湖店订的玫瑰礼盒，今天给您补送一份新的。",
            "订单HX20931，实付288元，今天给您补送一份新的。",
            "订单HX20931，实付268元，今天给您补送一份新的。",
        ],
    );
    assert_eq!(ranked[0].index, 2, "{ranked:?}");
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_some(), "{ranked:?}");
}

#[test]
fn a_branch_closed_from_today_cannot_take_the_work() {
    let context = [
        customer("预订的生日蛋糕说好下午三点送到，现在还没到。"),
        agent("跟您说一下，城南店今天下午突然停电，已经临时闭店了。"),
    ];
    let ranked = rank(
        "那怎么办？",
        &context,
        &["一小时之内让城南店的师傅重新做一个送过去。", "一小时之内改由城北店做一个同款送过去。"],
    );
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{ranked:?}");
}

#[test]
fn a_kind_turned_down_after_its_name_covers_every_word_of_it() {
    let context = [customer("押金两百块退了半个月还没到。"), agent("给您补一张券可以吗？"), customer("券这种东西就别发了，我只要押金。")];
    let ranked = rank(
        "快点处理！",
        &context,
        &["今天下午把两百元押金原路退到您付款的账户。", "今天下午给您补一张三十元的无门槛代金券。"],
    );
    assert_eq!(ranked[0].index, 0, "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_some(), "{ranked:?}");
}

#[test]
fn calling_first_to_check_details_ignores_a_no_calls_request() {
    let context = [customer("送来的台灯灯罩是裂的。别打电话，我在开会，就在这儿打字。")];
    let ranked = rank(
        "怎么处理？",
        &context,
        &["我先电话跟您核对一下地址，下午三点前寄出新灯罩。", "按您说的在这儿文字沟通，下午三点前寄出新灯罩。"],
    );
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
}

#[test]
fn money_sent_back_to_the_card_is_a_concrete_step() {
    let ranked = rank(
        "多扣的钱怎么办？",
        &[customer("同一张电影票被扣了两次款。")],
        &["我两小时内把多扣的那笔按原渠道退到您的银行卡上。", "我们会关注这个问题。"],
    );
    assert_eq!(ranked[0].index, 0, "{ranked:?}");
    assert!(judgement(&ranked, 0).components.next_step >= 0.5, "{ranked:?}");
}

#[test]
fn being_able_to_get_away_after_a_time_is_availability_not_a_deadline() {
    let context = [customer("这周上午我都在单位值班，只有下午三点以后才走得开。")];
    let ranked = rank("那怎么办？", &context, &["约您明天下午四点带狗到店里。", "约您明天上午十点带狗到店里。"]);
    assert_eq!(ranked[0].index, 0, "{ranked:?}");
    assert!(judgement(&ranked, 0).conflicts.is_empty(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_some(), "{ranked:?}");
}

#[test]
fn a_trip_the_next_clause_points_back_at_is_a_deadline() {
    let ranked = rank(
        "后天早上七点我要出差半个月，走之前得把热水器修好。",
        &[customer("热水器打不着火，洗不了澡。")],
        &["后天下午两点让师傅上门修热水器。", "明天晚上七点让师傅上门修热水器。"],
    );
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{ranked:?}");
}

#[test]
fn a_pressed_yes_no_question_is_answered_head_on_or_by_pointing_at_it_but_not_by_a_hedge() {
    let context = [customer("健身房的年卡被连扣了两次费用。"), customer("这张卡换到城西那家分馆还能刷吗？"), agent("稍等，我查一下。")];
    let replies = [
        "多扣的费用怪我们系统出错，我今天下班前原路退回。您问的这个，能刷，全市分馆都通用。",
        "多扣的费用怪我们系统出错，我今天下班前原路退回。可以，全市分馆都通用。",
        "多扣的费用怪我们系统出错，我今天下班前原路退回。您问的这个，应该没问题。",
    ];
    let ranked = rank("你先回答我的问题。", &context, &replies);
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_none(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none(), "{ranked:?}");
    let c = conflict(judgement(&ranked, 2), Fault::UnansweredQuestion).expect("a hedge leaves the question open");
    assert_eq!(c.context_turn, 1);
    assert_eq!(position(&ranked, 2), 2);
}

#[test]
fn naming_the_unavailable_thing_to_share_the_feeling_promises_nothing() {
    let ranked = rank(
        "那现在怎么办？",
        &[customer("订的生日蛋糕说好中午送来，到现在还没到。"), agent("跟您说实话，城南店的烤箱坏了，店里的蛋糕做不了。")],
        &[
            "蛋糕一直不见影，换了谁都要着急。我一小时之内改由河西店做一个同款送过去。",
            "我一小时之内让城南店把蛋糕做好送过去。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_none(), "{ranked:?}");
    let c = conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).expect("the closed kitchen cannot bake");
    assert_eq!(c.context_turn, 1);
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn a_place_pointed_back_at_names_what_is_unavailable() {
    let ranked = rank(
        "那我这边怎么办？",
        &[customer("订的米和油三天了还没送来。"), agent("城北配送站的货车今天抛锚了，今天那边的货都送不出来。")],
        &["今晚八点前让城北配送站给您送过去。", "今晚八点前从城南配送站调货给您送过去。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).expect("the stranded station cannot deliver today");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_follow_up_after_the_work_is_not_a_call_back_instead_of_a_result() {
    let ranked = rank(
        "到底什么时候能解决？",
        &[customer("会员费被重复扣了一次。")],
        &["多扣的那笔已经退到您付款的银行卡上了，办好后我再发消息跟您确认一遍。", "我登记好了，稍后会有同事打电话跟您说明。"],
    );
    assert!(judgement(&ranked, 0).components.time_frame >= 0.9, "{ranked:?}");
    assert!(judgement(&ranked, 1).components.time_frame < 0.5, "{ranked:?}");
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn a_week_away_is_slow_even_with_a_friendly_close() {
    let ranked = rank(
        "多收的钱什么时候退？",
        &[customer("停车场按两天收了我的费，我只停了一晚。")],
        &[
            "是我们没核对好，我下周把多收的钱退给您。办好后我再跟您确认一次，您看可以吗？",
            "是我们没核对好，我今天下午把多收的钱退给您。",
        ],
    );
    assert!(judgement(&ranked, 0).components.time_frame <= 0.5, "{ranked:?}");
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
}

#[test]
fn a_record_told_over_two_clauses_restates_its_branch() {
    let context = [customer("我的会员号是HY20381，归城东服务站管，3月2号办的月度保洁，付了300元。")];
    let ranked = rank(
        "上门的阿姨根本没打扫厨房，怎么处理？",
        &context,
        &[
            "您这份月度保洁是3月2号办的，城西服务站负责，这些我都查到了。今天下午我安排阿姨回去把厨房补扫干净。",
            "您这份月度保洁是3月2号办的，城东服务站负责，这些我都查到了。今天下午我安排阿姨回去把厨房补扫干净。",
            "您这份月度保洁是3月2号办的，今天下午我让城西服务站派阿姨回去把厨房补扫干净。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("another station restated as the record's");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "same station, named with fewer characters: {ranked:?}");
    assert!(conflict(judgement(&ranked, 2), Fault::WrongFact).is_none(), "work moved to another station: {ranked:?}");
    assert!(position(&ranked, 1) < position(&ranked, 0));
}

#[test]
fn a_record_restated_with_another_item_after_another_frame_is_a_wrong_fact() {
    let ranked = rank(
        "师傅迟到了两个钟头，怎么说？",
        &[customer("我5月8号在滨河店买的空调清洗，付了120元。")],
        &[
            "您5月8号这次的空调维修是在滨河店办的，今天下午我把120元退给您。",
            "您5月8号这次的空调清洗是在滨河店办的，今天下午我把120元退给您。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("repair is not the cleaning the customer bought");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_paid_amount_restated_with_the_record_code_must_match() {
    let ranked = rank(
        "窗帘装歪了，你们看怎么办？",
        &[customer("上周末装的窗帘，付了460元，工单号是AZ5521-07。")],
        &[
            "查到了，工单号AZ5521-07，实付380元。今天下午我派师傅上门重新装好。",
            "查到了，工单号AZ5521-07，实付460元。今天下午我派师傅上门重新装好。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("another paid amount for the same work order");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn waiting_until_now_for_a_promised_time_is_a_broken_promise() {
    let ranked = rank(
        "你们说上午十点前弄好，我等到现在快中午了。",
        &[customer("快递柜的取件码一直收不到。"), agent("我十点前把取件码重新发到您手机上。"), customer("行。")],
        &["实在抱歉，我半小时内把取件码重新发到您手机上。", "十点前答应您的没做到，是我们失信了，我半小时内把取件码重新发到您手机上。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresBrokenPromise).expect("the missed ten o'clock is left unsaid");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresBrokenPromise).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_promise_on_the_deadline_day_meets_it_with_no_margin() {
    let ranked = rank(
        "赶紧给个办法。",
        &[customer("新买的西装袖子开线了。今天周一，周三晚上七点我要穿它去参加年会，务必在那之前弄好！")],
        &["是我们做工没把好关，周三下午五点裁缝把修好的西装送到您家。", "是我们做工没把好关，今天晚上八点裁缝把修好的西装送到您家。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_none(), "{ranked:?}");
    assert!(judgement(&ranked, 0).components.time_frame < judgement(&ranked, 1).components.time_frame, "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_booking_counts_from_the_first_day_the_customer_is_free() {
    let ranked = rank(
        "那你说怎么弄？",
        &[customer("热水器一直不出热水。今天周二，我每天上午都要上班，下午两点以后才在家。")],
        &["是我们的安装问题，下周一下午三点我安排师傅上门检修。", "是我们的安装问题，今天下午三点我安排师傅上门检修。"],
    );
    assert!(judgement(&ranked, 0).components.time_frame < judgement(&ranked, 1).components.time_frame, "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn booking_inside_a_fully_taken_time_is_an_impossible_promise() {
    let context = [
        customer("空调外机一直滴水，能不能周末派师傅来看看？我平时要上班。"),
        agent("实在抱歉，这个周末的维修师傅都约满了，最早下周二才能去。"),
    ];
    let ranked = rank(
        "那到底什么时候能修？",
        &context,
        &[
            "滴了好几天水，您肯定烦透了，是我们排班没跟上。我这边周六上午就安排师傅上门检修，修好后给您发照片确认。",
            "滴了好几天水，您肯定烦透了，是我们排班没跟上。我给您锁定下周二上午第一单，师傅上门检修，今天先寄一个接水盒过去应急。",
        ],
    );
    let weekend = judgement(&ranked, 0);
    let c = conflict(weekend, Fault::ImpossiblePromise).expect("a Saturday visit when the weekend is fully taken");
    assert_eq!(c.context_turn, 1);
    assert!(c.context_span.contains("约满"), "{c:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_taken_slot_this_week_leaves_next_week_open() {
    let context = [customer("想约周六给狗狗洗澡。"), agent("这周六的洗护时段已经排满了。")];
    let ranked = rank(
        "那怎么办？",
        &context,
        &[
            "白跑一趟的心情我懂，这怪我们事先没讲明白。给您预约下周六上午十点到店洗护，到时候直接过来就行。",
            "白跑一趟的心情我懂，这怪我们事先没讲明白。给您预约这周六上午十点到店洗护，到时候直接过来就行。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_none(), "next Saturday is another week");
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_some());
}

#[test]
fn a_room_said_booked_out_this_afternoon_cannot_be_opened_then() {
    let context = [customer("下午两点我要用三楼的路演厅。"), agent("今天下午路演厅已经被包场了。")];
    let ranked = rank(
        "那我怎么办？",
        &context,
        &["临时被打乱安排，您一定很心急，这件事错在我们。给您预约下午两点到路演厅，我提前去开门。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some());
}

#[test]
fn telling_the_customer_again_what_the_agent_suggested_and_failed_repeats_the_step() {
    let context = [
        customer("约好今天下午来装热水器，到现在没人来。"),
        agent("您可以直接打城西网点的电话问一下师傅到哪了。"),
    ];
    let ranked = rank(
        "打了三回，都没人接，现在怎么办？",
        &context,
        &[
            "干等一下午，您肯定又急又气，这是我们调度的失误。麻烦您再打城西网点的电话问一下师傅到哪了，半小时内我再跟进。",
            "干等一下午，您肯定又急又气，这是我们调度的失误。我这边马上直接联系城西网点的负责人，半小时内给您确定师傅到达的时间。",
        ],
    );
    let again = conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).expect("the same call again");
    assert_eq!(again.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::RepeatsFailedStep).is_none(), "the agent calls, the customer does not");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_question_raised_with_dui_le_is_pressed_and_a_yes_inside_a_sentence_answers_it() {
    let context = [customer("改的裤脚又短了一截，下周要穿去面试。"), agent("收到，我先看一下您的单子。")];
    let ranked = rank(
        "对了，改好以后能不能寄到公司？",
        &context,
        &[
            "面试前出这种岔子，您一定很心焦，是我们师傅量错了。明天中午前重新放长裤脚，公司地址我们可以直接寄过去，运费我们出。",
            "面试前出这种岔子，您一定很心焦，是我们师傅量错了。明天中午前重新放长裤脚，改好了马上告诉您。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_none());
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_some(), "the question raised with 对了 is pressed");
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn the_current_message_can_point_back_at_a_time_the_customer_named_earlier() {
    let context = [customer("厨房水槽漏水，周五晚上家里有客人来吃饭。"), agent("明白，我查一下师傅的排班。")];
    let ranked = rank(
        "能不能在那之前修好？",
        &context,
        &[
            "家里要来客人还漏着水，您肯定很着急，是我们安装时没做好。下周一上午派师傅上门把水槽修好。",
            "家里要来客人还漏着水，您肯定很着急，是我们安装时没做好。周四下午派师傅上门把水槽修好。",
        ],
    );
    let late = conflict(judgement(&ranked, 0), Fault::MissesDeadline).expect("Monday is after Friday evening");
    assert_eq!(late.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_hyphenated_code_with_letters_is_one_code_and_its_slip_is_a_wrong_fact() {
    let context = [customer("我的取件单号是2207-K48，改好的窗帘短了十公分。"), agent("收到，我查一下。")];
    let ranked = rank(
        "怎么处理？",
        &context,
        &[
            "窗帘改短了一大截，您肯定很闹心，是我们量错了。2207-K46这单我已登记，明天上午重新做一幅送到您家。",
            "窗帘改短了一大截，您肯定很闹心，是我们量错了。2207-K48这单我已登记，明天上午重新做一幅送到您家。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some());
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_code_of_letter_groups_and_digits_is_one_code_and_a_two_digit_slip_of_it_is_a_wrong_fact() {
    let context = [customer("储物柜月卡编号YB-K7-2816，柜门一直打不开，寄存单是QS-5521/07。"), agent("收到，我查一下。")];
    let replies = [
        "柜门打不开耽误您取东西，确实着急，是我们门锁没同步。YB-K7-3916这张卡我已重置，半小时内能开。",
        "柜门打不开耽误您取东西，确实着急，是我们门锁没同步。寄存单QS-5621/03我已登记，半小时内能开。",
        "柜门打不开耽误您取东西，确实着急，是我们门锁没同步。YB-K7-2816这张卡我已重置，半小时内能开。",
    ];
    let ranked = rank("还要等多久？", &context, &replies);
    for slip in [0, 1] {
        let c = conflict(judgement(&ranked, slip), Fault::WrongFact).expect("two digits of a given code changed");
        assert_eq!(c.context_turn, 0);
    }
    assert!(conflict(judgement(&ranked, 2), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 2));
    assert_eq!(ranked[0].index, 2);
    // Dates written with slashes stay dates: another day is a new date, not a slip of a code.
    let ranked = rank("什么时候能好？", &[customer("2025/03/18那天寄存的。")], &["柜门的事我已登记，2025/03/21前给您修好。"]);
    assert!(conflict(&ranked[0], Fault::WrongFact).is_none(), "{:?}", ranked[0]);
}

#[test]
fn a_record_read_back_with_another_branch_or_day_is_a_wrong_fact() {
    let context = [
        customer("我是5月6日在滨江店配的眼镜，镜腿戴了一周就断了。"),
        agent("收到，我先调一下您的记录。"),
    ];
    let ranked = rank(
        "查到了吗？",
        &context,
        &[
            "刚配一周就断了，您一定很恼火，这怪我们品控没把好关。跟您确认一下，5月6日，滨江店，信息都对得上。今天下午给您免费换一副新镜腿。",
            "刚配一周就断了，您一定很恼火，这怪我们品控没把好关。跟您确认一下，5月9日，滨江店，信息都对得上。今天下午给您免费换一副新镜腿。",
            "刚配一周就断了，您一定很恼火，这怪我们品控没把好关。跟您确认一下，5月6日，城北店，信息都对得上。今天下午给您免费换一副新镜腿。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_none());
    let day = conflict(judgement(&ranked, 1), Fault::WrongFact).expect("another day read back");
    assert_eq!(day.context_turn, 0);
    assert!(conflict(judgement(&ranked, 2), Fault::WrongFact).is_some(), "another branch read back");
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn a_record_pinned_by_its_code_or_read_back_with_another_item_is_a_wrong_fact() {
    let context = [customer("上周六订的2人双圈体验套餐，订单号KD-8817-203，到了场地车却坏了没跑成。"), agent("收到，我查一下。")];
    let ranked = rank(
        "钱什么时候退？",
        &context,
        &[
            "白跑一趟还没玩上，确实扫兴，是我们车况没检查好。您订的单人十圈计时赛，订单号KD-8817-203，今天下午全额退回。",
            "白跑一趟还没玩上，确实扫兴，是我们车况没检查好。您订的2人双圈体验套餐，订单号KD-8817-203，今天下午全额退回。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("the code pins the record to another item");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    // No day, branch or code: a sentence that reads the record back still restates it.
    let context = [customer("上周我约的亲子陶艺体验课，老师到点都没来。")];
    let ranked = rank(
        "怎么说？",
        &context,
        &[
            "带着孩子干等确实窝火，是我们排课出了错。我把记录调出来了：您约的成人油画课，明天上午给您补上。",
            "带着孩子干等确实窝火，是我们排课出了错。我把记录调出来了：您约的亲子陶艺体验课，明天上午给您补上。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::WrongFact).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
}

#[test]
fn a_record_read_back_with_another_service_is_a_wrong_fact() {
    let context = [customer("上周做的打蜡抛光，花了680元，开了两天车漆就发乌。"), agent("好的，我调一下记录。")];
    let ranked = rank(
        "怎么说？",
        &context,
        &[
            "车刚做完就发乌，您一定很失望，这怪我们施工没做到位。跟您确认一下，您的玻璃镀膜，金额680元，信息都对得上。明天上午免费给您重新做一遍。",
            "车刚做完就发乌，您一定很失望，这怪我们施工没做到位。跟您确认一下，您的打蜡抛光，金额680元，信息都对得上。明天上午免费给您重新做一遍。",
        ],
    );
    let item = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("another service read back");
    assert!(item.reply_span.contains("玻璃镀膜"), "{item:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_coupon_turned_down_with_wo_dou_bu_yao_and_a_redo_turned_down_are_refusals() {
    let context = [customer("灭蚊做完第二天蚊子照样多，什么代金券我都不要。"), agent("抱歉，要不给您再补做一次？")];
    let ranked = rank(
        "补做就不用了，把钱退给我。",
        &context,
        &[
            "花了钱还被蚊子咬，您肯定很憋屈，这怪我们没做彻底。今天下班前给您发一张代金券，下次直接抵扣。",
            "花了钱还被蚊子咬，您肯定很憋屈，这怪我们没做彻底。今天下班前安排师傅再补做一次，我亲自盯着。",
            "花了钱还被蚊子咬，您肯定很憋屈，这怪我们没做彻底。今天下班前把费用全额退回您付款的账户。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "the coupon was turned down");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_some(), "the redo was turned down");
    assert!(conflict(judgement(&ranked, 2), Fault::IgnoresPreference).is_none());
    assert_eq!(ranked[0].index, 2);
}

#[test]
fn coming_home_at_a_bare_early_hour_means_the_evening() {
    let context = [customer("修好的咖啡机什么时候能送回来？"), agent("您一般什么时候方便收？")];
    let ranked = rank(
        "平时九点以后才能到家。",
        &context,
        &[
            "让您一直等着用不上，确实耽误事，这是我们拖慢了。明天上午十点师傅上门把修好的咖啡机送回。",
            "让您一直等着用不上，确实耽误事，这是我们拖慢了。明晚九点半师傅上门把修好的咖啡机送回。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "ten in the morning is before nine at night");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_number_given_after_dian_hua_and_photos_already_sent_need_not_be_asked_for_again() {
    let context = [
        customer("新买的台灯开关按下去没反应。"),
        agent("麻烦给一下联系方式和照片。"),
        customer("电话13912345678，照片刚才也发过去了。"),
    ];
    let ranked = rank(
        "怎么处理？",
        &context,
        &[
            "刚买就用不了，您肯定很扫兴，是我们质检没把好关。您留个手机号，今天下午给您寄一台新的。",
            "刚买就用不了，您肯定很扫兴，是我们质检没把好关。您再补一下照片，今天下午给您寄一台新的。",
            "刚买就用不了，您肯定很扫兴，是我们质检没把好关。今天下午给您寄一台新的，发货后短信通知到13912345678。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::AsksForGivenInfo).is_some(), "the phone was given");
    assert!(conflict(judgement(&ranked, 1), Fault::AsksForGivenInfo).is_some(), "the photos were sent");
    assert!(conflict(judgement(&ranked, 2), Fault::AsksForGivenInfo).is_none());
    assert_eq!(ranked[0].index, 2);
}

#[test]
fn bu_ding_yong_reports_a_step_that_failed() {
    let context = [customer("住宿发票开错了抬头，我去前台问过了，不顶用。")];
    let ranked = rank(
        "到底怎么办？",
        &context,
        &[
            "出差报销卡在这，您肯定很着急，这是我们开票时弄错了。您先去前台问一下，今天下班前我再跟进。",
            "出差报销卡在这，您肯定很着急，这是我们开票时弄错了。今天下班前我让财务直接重开，电子版发到您邮箱。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some());
    assert!(conflict(judgement(&ranked, 1), Fault::RepeatsFailedStep).is_none());
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn booking_a_member_of_staff_away_for_the_month_is_an_impossible_promise() {
    let ranked = rank(
        "那接下来怎么安排？",
        &[customer("热水器装歪了，出水口一直滴。我想让上次来的冯师傅再来一趟。"), agent("查了一下，冯师傅这个月请假回老家了。")],
        &[
            "冯师傅这个月请假，这个我也没法改变，所以我请同组的韩师傅明天上午过去重装，今晚八点前跟您确认时间。",
            "装歪了还一直滴水，换谁都闹心。我请冯师傅明天上午过去重装，今晚八点前跟您确认时间。",
        ],
    );
    let c = conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).expect("the fitter is on leave this month");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn the_customer_away_on_a_trip_leaves_the_staff_bookable() {
    let ranked = rank(
        "我这周在外地出差，下周一才回来。",
        &[customer("窗帘轨道掉下来了。")],
        &["轨道掉了确实烦人。我请冯师傅下周二上午上门重装，今天下班前把时间发您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_none(), "{ranked:?}");
}

#[test]
fn restating_a_limit_as_the_reason_for_the_step_is_not_parroting() {
    let customer_text = "我想约欧阳老师上课，可你们前台说欧阳老师这学期在外地进修。";
    let ranked = rank(
        customer_text,
        &[],
        &[
            "欧阳老师这学期在外地进修，所以我先请同教研组的孔老师带两周，明天下午前把课表发您。",
            "您说欧阳老师这学期在外地进修，是吗？",
        ],
    );
    assert!(!judgement(&ranked, 0).faults.contains(&Fault::Parroting), "{ranked:?}");
    assert!(judgement(&ranked, 1).faults.contains(&Fault::Parroting), "{ranked:?}");
}

#[test]
fn clearing_the_customer_and_naming_our_fault_is_ownership() {
    let ranked = rank(
        "网上缴费页面点了付款就白屏。",
        &[],
        &[
            "跟您没有关系，是我们的支付页面出了故障，今天下午五点前修好，我再给您发个缴费链接。",
            "不是您的问题，是我们这边升级出了岔子，今天下午五点前修好，我再给您发个缴费链接。",
            "这次失职在我们，今天下午五点前修好，我再给您发个缴费链接。",
            "今天下午五点前修好，我再给您发个缴费链接。",
        ],
    );
    for i in 0..3 {
        assert!(judgement(&ranked, i).components.ownership >= 0.75, "{i}: {ranked:?}");
    }
    assert!(judgement(&ranked, 3).components.ownership < 0.5, "{ranked:?}");
}

#[test]
fn sympathising_with_the_customer_struggling_alone_is_not_blame() {
    let ranked = rank(
        "系统一直登不上去，我弄了一上午。",
        &[],
        &["您自己折腾了一上午还是登不上，换谁都着急，我半小时内帮您把账号重置好。", "应该是您自己密码输错了。"],
    );
    assert!(!judgement(&ranked, 0).faults.contains(&Fault::Blame), "{:?}", judgement(&ranked, 0));
    assert!(judgement(&ranked, 1).faults.contains(&Fault::Blame));
}

#[test]
fn sending_a_failed_form_again_or_re_adding_the_app_repeats_a_failed_step() {
    let ranked = rank(
        "我重新提交了两回，小程序也删了重新搜出来了，还是卡在那一步。",
        &[customer("报名表一直交不上去。")],
        &[
            "您这边再提交一次看看，我也在后台盯着。",
            "您这边把小程序删掉重新搜索进入看看。",
            "我今天下午三点前在后台直接帮您把报名录进去，录好发截图给您。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::RepeatsFailedStep).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 2), Fault::RepeatsFailedStep).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 2);
}

#[test]
fn only_back_at_weekends_rules_out_a_weekday_visit() {
    let ranked = rank(
        "我平常在外省跑业务，只有周末回来。哪天能来修？",
        &[customer("阳台的水管渗水了。")],
        &["维修就定在周三上午十点，今晚八点前我把师傅电话发您。", "维修就定在周六上午十点，今晚八点前我把师傅电话发您。"],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("the customer is only home at weekends");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn only_evenings_or_the_weekend_are_both_open_and_nothing_else() {
    let ranked = rank(
        "白天我要上班，只能晚上八点以后或者周末，你们看着约吧。",
        &[customer("上周买的书柜少了两块隔板。")],
        &[
            "上门补装排在周四上午十点，今天下班前我把时间发您。",
            "上门补装排在周四晚上八点半，今天下班前我把时间发您。",
            "上门补装排在周日上午十点，今天下班前我把时间发您。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 2), Fault::IgnoresPreference).is_none(), "{ranked:?}");
    assert_eq!(position(&ranked, 0), 2);
}

#[test]
fn a_room_change_or_a_refund_the_customer_will_not_consider_ignores_the_preference() {
    for (said, refused, kept) in [
        ("换房间我不考虑，给我延住两天就行。", "一小时内给您换一间安静些的房。", "一小时内给您把延住两天办好。"),
        ("别再跟我提退钱了，我要的是赔偿。", "今天下班前把押金退给您。", "今天下班前按清单给您赔偿。"),
        ("别跟我提减免了，直接赔偿。", "这个月的管理费给您减免一半，今天就办。", "今天下班前按清单给您赔偿。"),
    ] {
        let ranked = rank(said, &[customer("空调修了两次还是不制冷。")], &[refused, kept]);
        assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{said}: {ranked:?}");
        assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{said}: {ranked:?}");
        assert_eq!(ranked[0].index, 1, "{said}");
    }
}

#[test]
fn a_promise_reported_with_the_time_it_was_made_is_broken_and_no_deadline() {
    let ranked = rank(
        "你们店长周二下午说今天中午前把押金打回来，到现在都没动静。",
        &[customer("退了租的自行车，押金一直没退。")],
        &[
            "周二答应您今天中午前退押金，结果没做到，是我们说话不算数。今天下班前我把押金原路退回，到账后发截图给您。",
            "今天下班前我把押金原路退回，到账后发截图给您。",
        ],
    );
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresBrokenPromise).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresBrokenPromise).is_none(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_none(), "the lapsed promise is no deadline: {ranked:?}");
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn another_paid_amount_where_the_conversation_names_one_is_a_wrong_fact() {
    let ranked = rank(
        "到底怎么处理？",
        &[customer("上个月在城西店办的游泳季卡，花了1280元，泳池关了半个月。"), agent("好的，我查一下。")],
        &[
            "我查到了，您办的季卡实付1860元，今天下午五点前把停业那半个月的钱按天退给您。",
            "我查到了，您办的季卡实付1280元，今天下午五点前把停业那半个月的钱按天退给您。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("the card cost 1280");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn annual_leave_a_rented_out_unit_and_a_day_without_openings_cannot_be_promised() {
    let ranked = rank(
        "那现在怎么办？",
        &[customer("钢琴音不准，上次调完没几天又跑了。"), agent("跟您说一下，调律师孟凡休年假了，下周三才回来。")],
        &["明天上午由调律师孟凡上门重调，今天下班前把时间发您。", "明天上午由同组的宋师傅上门重调，今天下班前把时间发您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{ranked:?}");

    let ranked = rank(
        "你们说三平米的小仓已经租满了，那我的东西放哪？",
        &[customer("仓里漏雨，箱子都湿了。")],
        &[
            "今天下午三点前给您锁定一个三平米的小仓，一小时内把仓位号发您。",
            "今天下午三点前先给您换到五平米的仓，差价我们出，三平米的小仓一空出来就告诉您。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{ranked:?}");

    let ranked = rank(
        "那怎么安排？",
        &[customer("月嫂培训课约了两次都没约上。"), agent("跟您说实话，周四一个空档都没有了。")],
        &["周四下午给您预约一节补课，今晚八点前把确认信息发您。", "下周一下午给您预约一节补课，今晚八点前把确认信息发您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{ranked:?}");
}

#[test]
fn an_a_not_a_question_raised_on_the_side_needs_an_answer() {
    let ranked = rank(
        "还有，周末下雨的话果园还开不开？",
        &[customer("上周订的采摘票，到了才说那片林子没果子了。")],
        &["今天下班前把那张票的钱退给您。", "周末下雨果园照常开，大雨才闭园，会提前一天短信通知。今天下班前把那张票的钱退给您。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_some(), "{ranked:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_none(), "{ranked:?}");
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn following_it_through_in_person_is_a_personal_close() {
    let customer_text = "护理员又没按约好的时间来。";
    let ranked = rank(
        customer_text,
        &[],
        &[
            "明天上午九点前给您换一位护理员上门，这回我亲自跟，办好了第一时间就在这儿跟您说。",
            "明天上午九点前给您换一位护理员上门。",
        ],
    );
    assert!(judgement(&ranked, 0).components.personal_closing > 0.5, "{ranked:?}");
    assert!(judgement(&ranked, 1).components.personal_closing < 0.1, "{ranked:?}");
}

#[test]
fn asking_what_time_names_no_deadline() {
    let ranked = rank(
        "另外，离店那天最晚几点退房？",
        &[customer("房间热水一直不热。")],
        &["离店当天中午十二点前退房就行。今天下班前派师傅把热水器修好，修好给您发消息。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_none(), "{ranked:?}");
}

#[test]
fn a_dont_after_a_time_is_advice_not_a_brush_off() {
    let ranked = rank(
        "明天做胃镜，前一天几点以后不能吃东西？",
        &[],
        &["今晚八点以后就别再吃东西了，少量喝水没问题，明早我七点在门口等您。", "您就别再问了，自己看通知。"],
    );
    let advice = judgement(&ranked, 0);
    assert!(!advice.faults.contains(&Fault::Rude) && !advice.faults.contains(&Fault::Dismissive), "{advice:?}");
    let brush_off = judgement(&ranked, 1);
    assert!(brush_off.faults.contains(&Fault::Rude) || brush_off.faults.contains(&Fault::Dismissive), "{brush_off:?}");
}

#[test]
fn switching_between_wifi_and_mobile_data_or_clearing_an_apps_cache_again_repeats_a_tried_step() {
    let context = [customer("打卡小程序一直白屏，WiFi和流量都换着试了，清过微信缓存也一样。"), agent("收到，我查一下。")];
    let ranked = rank(
        "到底怎么弄？",
        &context,
        &[
            "一直白屏打不了卡，换谁都烦，这是我方故障。您把WiFi换成流量再试一次，我今天下午盯着结果。",
            "一直白屏打不了卡，换谁都烦，这是我方故障。您清一下微信缓存再进，我今天下午盯着结果。",
            "一直白屏打不了卡，换谁都烦，这是我方故障。我今天下午直接在后台给您补录打卡。",
        ],
    );
    for repeat in [0, 1] {
        let c = conflict(judgement(&ranked, repeat), Fault::RepeatsFailedStep).expect("the customer tried it");
        assert_eq!(c.context_turn, 0);
    }
    assert!(conflict(judgement(&ranked, 2), Fault::RepeatsFailedStep).is_none(), "{:?}", judgement(&ranked, 2));
    assert_eq!(ranked[0].index, 2);
}

#[test]
fn restating_the_tried_steps_to_spare_the_customer_them_is_neither_parroting_nor_rude() {
    let ranked = rank(
        "重启过手机，也清过缓存，还是登不上，我都没辙了。",
        &[],
        &[
            "既然重启过手机，也清过缓存，这些就别再重复了，是我们登录服务出了故障，今天下午三点前修好并短信通知您。",
            "重启过手机，也清过缓存，还是登不上，我明白。今天下午三点前修好并短信通知您。",
        ],
    );
    let spared = judgement(&ranked, 0);
    for fault in [Fault::Parroting, Fault::Rude, Fault::Dismissive] {
        assert!(!spared.faults.contains(&fault), "{fault:?} in {spared:?}");
    }
    assert!(judgement(&ranked, 1).faults.contains(&Fault::Parroting), "{:?}", judgement(&ranked, 1));
}

#[test]
fn refusing_rework_a_trip_to_the_shop_or_a_video_call_is_a_preference_a_reply_must_keep() {
    let context = [customer("刚贴的膜两天就起泡了，不想再返工了，钱退我就行。"), agent("好的，我看一下。")];
    let ranked = rank(
        "快点给个说法。",
        &context,
        &[
            "新贴的膜两天就起泡，换谁都憋气，贴的时候没除尘是我们的错。今天下午给您免费返工一次。",
            "新贴的膜两天就起泡，换谁都憋气，贴的时候没除尘是我们的错。今天下午把贴膜费原路退给您。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);

    let context = [customer("我不想再跑店里了，来回一趟半天。"), agent("收到，我查一下。")];
    let ranked = rank(
        "视频就别开了，我在地铁上，怎么处理？",
        &context,
        &[
            "上回到店还等了一个多小时，确实窝火，是我们排错了工位。今天下班前把工时费原路退给您，结果发在这里。",
            "确实窝火，是我们排错了工位。您方便的时候再来店里一次，今天下班前给您处理。",
            "确实窝火，是我们排错了工位。我五分钟后跟您视频确认一下车况。",
        ],
    );
    let keeps = judgement(&ranked, 0);
    assert!(conflict(keeps, Fault::IgnoresPreference).is_none(), "a visit told as past offers none: {keeps:?}");
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 1));
    assert!(conflict(judgement(&ranked, 2), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 2));
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn a_hall_booked_by_others_or_staff_away_training_cannot_be_promised_but_after_their_return_can() {
    let context = [customer("想订下个月十八号的牡丹厅办寿宴。"), agent("牡丹厅那天已经被别人订走了。")];
    let ranked = rank(
        "那怎么办？",
        &context,
        &[
            "好不容易挑中的日子落空，难免着急。十八号牡丹厅给您留出来，今晚八点前确认。",
            "好不容易挑中的日子落空，难免着急。十八号同样大小的海棠厅还空着，今晚八点前带您看场地。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);

    let context = [customer("还想找上次的钟师傅做四轮定位。"), agent("钟师傅外出培训，下周一才回来。")];
    let ranked = rank(
        "那明天呢？",
        &context,
        &[
            "想找熟悉的师傅却碰上他不在，确实扫兴。明天上午就安排钟师傅给您做定位。",
            "想找熟悉的师傅却碰上他不在，确实扫兴。明天上午先由技师阮平给您做定位，钟师傅回来后再给您复查一次。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_record_read_back_with_another_item_or_sum_after_the_agent_says_it_is_clear_is_a_wrong_fact() {
    let context = [customer("上周我约的亲子陶艺体验课，付了1580，老师到点都没来。"), agent("收到，我查一下。")];
    let ranked = rank(
        "到底怎么说？",
        &context,
        &[
            "带着孩子干等确实憋屈。情况我清楚了，您约的成人油画课，明天上午给您补上。",
            "带着孩子干等确实憋屈。情况我清楚了，您约的亲子陶艺体验课，明天上午给您补上。",
            "带着孩子干等确实憋屈。那笔2680元的课我已经核对过了，明天上午给您补上。",
            "带着孩子干等确实憋屈。那笔1580元的课我已经核对过了，明天上午给您补上。",
        ],
    );
    for slip in [0, 2] {
        let c = conflict(judgement(&ranked, slip), Fault::WrongFact).expect("another item or another sum");
        assert_eq!(c.context_turn, 0);
    }
    for right in [1, 3] {
        assert!(conflict(judgement(&ranked, right), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, right));
    }
    // Days spent are no sum: "花了3天" names no amount.
    let ranked = rank("前后花了3天，到底行不行？", &[], &["我清楚了，您那笔5元的手续费今天下午退回。"]);
    assert!(conflict(&ranked[0], Fault::WrongFact).is_none(), "{:?}", ranked[0]);
}

#[test]
fn driving_home_or_picking_someone_up_at_a_time_is_a_deadline() {
    let context = [customer("车窗升降坏了，明早六点要开车回老家。"), agent("收到，我查一下。")];
    let ranked = rank(
        "能修好吗？",
        &context,
        &[
            "临出门车窗关不上确实心慌，是我们上次没装牢。后天上午给您换新电机，费用我们出。",
            "临出门车窗关不上确实心慌，是我们上次没装牢。今晚九点前给您换新电机，费用我们出。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::MissesDeadline).expect("the customer leaves early tomorrow");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    let ranked = rank(
        "今晚七点要去机场接人，来得及吗？",
        &[],
        &["是我们排期出了错，明天中午前给您装好。", "是我们排期出了错，今天下午五点前给您装好。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
}

#[test]
fn how_long_is_answered_by_a_length_of_time_but_not_by_a_vague_few_days() {
    let customer_message = "车位的事先放一边，对了，会员免费停车能停多久？";
    let ranked = rank(
        customer_message,
        &[customer("上周办的会员卡，车位总被占。")],
        &[
            "车位总被占确实添堵，是我们巡查不够。会员凭卡可以免费停车3小时。今天下午我让保安把您的车位看住。",
            "车位总被占确实添堵，是我们巡查不够。会员免费停车要过几天才定。今天下午我让保安把您的车位看住。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::UnansweredQuestion).is_none(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::UnansweredQuestion).is_some(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn a_time_the_customer_says_suits_them_bounds_the_booking() {
    let context = [customer("洗衣机又漏水了。"), agent("得上门检修一次，您哪天方便？")];
    let ranked = rank(
        "上午要上课，下午三点以后都行。",
        &context,
        &[
            "漏水最让人心烦，是我们上次没修到位。给您约在周四上午十点上门检修，费用我们出。",
            "漏水最让人心烦，是我们上次没修到位。给您约在周四下午四点上门检修，费用我们出。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    let ranked = rank("只有周末上午能在。", &context, &["给您约在周三上午十点上门检修。", "给您约在周六上午十点上门检修。"]);
    assert_eq!(ranked[0].index, 1, "{ranked:?}");
}

#[test]
fn free_evenings_or_weekends_leave_a_weekend_morning_open() {
    let context = [customer("轮毂被刮了一道。"), agent("得安排到店重新检查，您一般什么时候有空？")];
    let ranked = rank(
        "只有晚上七点以后或者周末有空。",
        &context,
        &["时间定在周四上午十一点，到店重新检查。", "时间定在周六上午十一点，到店重新检查。"],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn asking_where_the_promised_call_is_reports_a_broken_promise() {
    let ranked = rank(
        "你们说中午十二点前给我回电话，我一直等着，电话呢？",
        &[customer("沙发送来就有一道裂口。")],
        &[
            "新沙发有裂口谁都憋气，出库没查仔细是我们的错。两小时内让主管给您打电话说方案。",
            "答应您十二点前的回电没兑现，这是我们说话不算数。新沙发有裂口确实闹心，今天下午三点前给您换一张新的。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresBrokenPromise).expect("the promised call never came");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresBrokenPromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_cue_that_is_its_own_clause_leaves_the_thing_in_the_clause_before() {
    let context = [customer("这周六晚上的星空包厢还能订吗？"), agent("这周六晚上的星空包厢已经有客人交了定金，没法再接了。")];
    let ranked = rank(
        "你们帮我想想办法",
        &context,
        &[
            "没订上心仪的包厢确实扫兴，是我们没及时告诉您。周六晚上把星空包厢给您留出来，一小时内确认。",
            "没订上心仪的包厢确实扫兴，是我们没及时告诉您。周六晚上同样大小的海风包厢还空着，一小时内帮您锁定。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).expect("the booked room is promised");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_facility_closed_for_works_cannot_be_promised() {
    let context = [customer("这周日带女儿来，攀岩墙能玩吗？"), agent("攀岩墙在整改，这个月都不开放。")];
    let ranked = rank(
        "那怎么办嘛",
        &context,
        &[
            "女儿盼着玩却扑了空，确实让人失落，这是我们的疏忽。这周日照样给您开放攀岩墙，今晚八点前确认。",
            "女儿盼着玩却扑了空，确实让人失落，这是我们的疏忽。这周日送女儿两张蹦床畅玩券，今晚八点前发到您手机。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn saying_a_time_is_taken_is_no_promise_to_break() {
    let context = [customer("周日下午的亲子烘焙课还有位置吗？"), agent("这周日下午的亲子烘焙课已经全部报满了。")];
    let ranked = rank(
        "啊？那不是白等了",
        &context,
        &["孩子没排上课肯定失望，是我们名额放得太少。下周日下午的课还有三个位置，我现在就给您留一个，半小时内把确认短信发您。"],
    );
    assert!(conflict(&ranked[0], Fault::IgnoresBrokenPromise).is_none(), "{:?}", ranked[0]);
}

#[test]
fn a_thing_of_a_taken_slot_is_impossible_at_its_own_time_only() {
    let context = [customer("周日上午想订一间烘焙教室带孩子做蛋糕。"), agent("这周日上午的烘焙教室已经全部订满了。")];
    let ranked = rank(
        "那怎么办",
        &context,
        &[
            "孩子盼着做蛋糕却没订上，确实扫兴，是我们名额放得太紧。周日上午给您腾一间烘焙教室出来，您放心。",
            "孩子盼着做蛋糕却没订上，确实扫兴，是我们名额放得太紧。周日下午的烘焙教室还空着，我半小时内帮您锁定。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).expect("the taken morning is promised");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn one_offered_time_that_meets_the_deadline_is_enough() {
    let context = [customer("女儿周六下午过生日，想订个派对房，还有吗？"), agent("我查一下，稍等。")];
    let ranked = rank(
        "查到了吗？",
        &context,
        &[
            "女儿的生日就这一天，怕订不上心里着急。周六上午十点或者周日下午的派对房还空着，您选好我马上锁，今天下班前给您落实。",
            "女儿的生日就这一天，怕订不上心里着急。周日下午的派对房还空着，我马上给您锁，今天下班前给您落实。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_some(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 0);
}

#[test]
fn a_later_month_is_open_when_this_month_is_taken() {
    let context = [customer("想约韦教练的私教课，这周能排吗？"), agent("韦教练这个月的课都约满了。")];
    let ranked = rank(
        "那我怎么办",
        &context,
        &[
            "想跟的教练排不上，训练计划被打乱，确实着急，是我们排课没提前说。这周六就给您加一节韦教练的课，今晚八点前确认。",
            "想跟的教练排不上，训练计划被打乱，确实着急，是我们排课没提前说。先锁下个月第一周韦教练的两节课，今晚八点前确认。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_thing_that_comes_only_next_month_cannot_be_promised_sooner() {
    let context = [customer("想给会议室换两盆大叶伞，明天能送吗？"), agent("大叶伞下个月才有货。")];
    let ranked = rank(
        "那怎么办，会议室空着很难看",
        &context,
        &[
            "会议室空着确实影响观感，是我们备货没跟上。明天上午就给您换上两盆大叶伞，今晚八点前确认。",
            "会议室空着确实影响观感，是我们备货没跟上。先用同样大小的琴叶榕顶上，下个月大叶伞到货就换，今晚八点前确认。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn an_agent_note_of_when_the_customer_is_free_binds_the_booking() {
    let context = [
        customer("书柜装完第二天层板就塌了，书散了一地。"),
        agent("好的，记下了：您这周只有周四方便。"),
        customer("嗯"),
        agent("查到了，层板托钉少装了两颗。"),
    ];
    let ranked = rank(
        "那什么时候来修",
        &context,
        &[
            "书散了一地肯定又气又心疼，是我们安装时漏了托钉。给您约在周二上午10点师傅上门返修，到时我全程跟着。",
            "书散了一地肯定又气又心疼，是我们安装时漏了托钉。给您约在周四上午10点师傅上门返修，到时我全程跟着。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("Tuesday is outside the noted Thursday");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn why_the_customer_is_busy_is_no_deadline_and_the_times_after_only_are_free() {
    let context = [customer("冰箱门封条脱落了，冷气一直往外跑。"), agent("收到，我查一下。"), customer("下午我要去接孩子，只能约上午")];
    let ranked = rank(
        "你就说哪天来吧",
        &context,
        &[
            "冷气一直往外跑，电费和食物都让人揪心，是我们出厂检验漏了。师傅明天下午3点上门换封条，到时我全程跟着。",
            "冷气一直往外跑，电费和食物都让人揪心，是我们出厂检验漏了。师傅明天上午9点半上门换封条，到时我全程跟着。",
        ],
    );
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_record_named_back_with_another_item_is_a_wrong_fact() {
    let context = [
        customer("我3月2号在滨湖冰场办的二十次畅滑卡，960元，怎么少了五次？"),
        agent("查到了：闸机上周重复扣了五次。"),
    ];
    let ranked = rank(
        "那什么时候补回来",
        &context,
        &[
            "次数平白少了，换谁都觉得冤，是我们闸机出了错。滨湖冰场那单亲子体验课（960元）我核实过了，今天下班前把五次补回卡里。",
            "次数平白少了，换谁都觉得冤，是我们闸机出了错。滨湖冰场那单二十次畅滑卡（960元）我核实过了，今天下班前把五次补回卡里。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("another item for the same record");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn what_the_customer_did_on_their_own_before_it_failed_is_a_tried_step() {
    let context = [customer("线上开发票一直卡在抬头校验那一步"), agent("我查一下后台记录。")];
    let ranked = rank(
        "税号核对了好几遍，还是通不过",
        &context,
        &[
            "发票开不出来干着急，是我们校验规则出了错。您先把税号核对一遍，不行的话我今晚八点前在后台帮您处理。",
            "发票开不出来干着急，是我们校验规则出了错。我今晚八点前在后台直接把发票开好发到您邮箱，不用您再操作。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::RepeatsFailedStep).expect("checking the tax number again was already tried");
    assert_eq!(c.context_turn, -1);
    assert!(conflict(judgement(&ranked, 1), Fault::RepeatsFailedStep).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
    // "一样不行" reports that nothing helped, as "还是不行" does.
    let again = rank("税号核对了好几遍，一样不行", &context, &["发票开不出来干着急，是我们校验规则出了错。您先把税号核对一遍，不行的话我今晚八点前在后台帮您处理。"]);
    assert!(conflict(&again[0], Fault::RepeatsFailedStep).is_some(), "{:?}", again[0]);
}

#[test]
fn someone_back_only_on_a_later_day_cannot_be_booked_before_it() {
    let context = [customer("约的是韩老师的声乐课，来上课的却是助教"), agent("我问了，韩老师这周去外地评审，周日才回来。")];
    let ranked = rank(
        "那你说怎么办",
        &context,
        &[
            "约好的老师换了人，觉得被怠慢很正常，是我们换人没先问您。我今天下午就让韩老师给您补上这节课，半小时内确认。",
            "约好的老师换了人，觉得被怠慢很正常，是我们换人没先问您。先给您约下周一晚上韩老师的课，这节全额退，半小时内确认。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::ImpossiblePromise).expect("the teacher is away until Sunday");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::ImpossiblePromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn an_agent_note_of_the_customer_deadline_binds_the_promise() {
    let context = [
        customer("餐桌装了一半，说螺丝型号不对就走了"),
        agent("明白，您周四晚上家里要请客，餐桌必须装好，我记下了。"),
        customer("嗯"),
        agent("查到了，配件包里混进了别的型号的螺丝。"),
    ];
    let ranked = rank(
        "那怎么办",
        &context,
        &[
            "桌子只装一半还得干等，确实窝火，是我们配件包没核对。周五上午安排师傅带对的螺丝上门装好，今晚八点前确认。",
            "桌子只装一半还得干等，确实窝火，是我们配件包没核对。周三上午安排师傅带对的螺丝上门装好，今晚八点前确认。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::MissesDeadline).expect("Friday is after the noted Thursday evening");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::MissesDeadline).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn an_agent_note_of_a_refused_remedy_binds_the_offer() {
    let context = [
        customer("新买的电水壶用了两次底座就冒烟了"),
        agent("好的，您不要换货，只要退款，我记下了。"),
        customer("对"),
        agent("查到了，这一批底座的温控片有问题。"),
    ];
    let ranked = rank(
        "什么时候处理好",
        &context,
        &[
            "刚买的壶就冒烟，肯定吓一跳，是我们这批货没把好关。今天下班前给您寄一台新的换货，运费我们出。",
            "刚买的壶就冒烟，肯定吓一跳，是我们这批货没把好关。今天下班前把货款一分不少退到您原来的付款账户，运费我们出。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::IgnoresPreference).expect("an exchange was turned down in the note");
    assert_eq!(c.context_turn, 1);
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn promising_it_will_not_happen_again_does_not_own_the_broken_promise() {
    let context = [customer("阳台的晾衣架装歪了，一晾衣服就往下掉"), agent("好的，明天上午十点前安排师傅给您回电话。")];
    let ranked = rank(
        "到现在都没人打给我，一直等着",
        &context,
        &[
            "晾衣架一用就掉，换谁都烦，怪我们安装没校准。我让师傅四十分钟内联系您约上门时间。这次我跟到底，不会再让您白等。",
            "晾衣架一用就掉，换谁都烦，怪我们安装没校准。说好上午十点前回电却没兑现，是我们失信。我让师傅四十分钟内联系您约上门时间。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresBrokenPromise).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresBrokenPromise).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn a_slot_booked_with_a_bare_yue_is_an_appointment() {
    let context = [customer("游泳课被临时取消了"), agent("我查一下。"), customer("这周我只有周日有空，别的时间都不行")];
    let ranked = rank(
        "那时间你们定吧",
        &context,
        &[
            "白跑一趟肯定扫兴，是我们排课出了错。给您挑了个最近的时间，补课就约周四晚上7点，到时把事情一次办妥。",
            "白跑一趟肯定扫兴，是我们排课出了错。补课就约周日上午10点，正好是您有空的时候，到时把事情一次办妥。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn another_price_for_the_record_named_by_its_branch_is_a_wrong_fact() {
    let context = [
        customer("我5月3号在洱海店订的四人间床位，76元，到了说没位置"),
        agent("查到了：平台订单没同步到我们系统。"),
    ];
    let ranked = rank(
        "那怎么办",
        &context,
        &[
            "大老远赶到却没床位，又累又慌很正常，是我们同步出错。洱海店那单四人间床位（86元）我核实过了，一小时内给您免费升到双人间。",
            "大老远赶到却没床位，又累又慌很正常，是我们同步出错。洱海店那单四人间床位（76元）我核实过了，一小时内给您免费升到双人间。",
        ],
    );
    let c = conflict(judgement(&ranked, 0), Fault::WrongFact).expect("86 for the 76 the customer paid");
    assert_eq!(c.context_turn, 0);
    assert!(conflict(judgement(&ranked, 1), Fault::WrongFact).is_none(), "{:?}", judgement(&ranked, 1));
    assert_eq!(ranked[0].index, 1);
}

#[test]
fn refused_visits_and_extensions_in_other_words_are_ignored_preferences() {
    let context = [customer("书桌装到一半说缺螺丝就走了"), agent("我查一下。"), customer("别再派师傅上门了，我不想再请假在家干等")];
    let ranked = rank(
        "那怎么办",
        &context,
        &[
            "装一半就走确实憋屈，是我们出库漏了螺丝。今晚八点前再安排师傅上门一趟把书桌装好。",
            "装一半就走确实憋屈，是我们出库漏了螺丝。知道您不想再请假，今晚八点前把这单的安装费全额退给您。",
        ],
    );
    assert!(conflict(judgement(&ranked, 0), Fault::IgnoresPreference).is_some(), "{:?}", judgement(&ranked, 0));
    assert!(conflict(judgement(&ranked, 1), Fault::IgnoresPreference).is_none(), "{:?}", judgement(&ranked, 1));
    let context = [customer("游泳馆要闭馆两个月，我的季卡怎么办"), agent("我查一下。"), customer("不要给我延期，我下个月就调去外地了，直接退钱")];
    let extended = rank("快点处理", &context, &["一直没人通知确实气人，这是我们的疏忽。今晚八点前把您的卡有效期往后延两个月。"]);
    assert!(conflict(&extended[0], Fault::IgnoresPreference).is_some(), "{:?}", extended[0]);
}
