//! Reasons: what a reply lacks and the one-line Chinese reason, which names a conflict with the conversation
//! first (quoting it), then faults, then strengths.

use super::conversation::CaseCtx;
use super::features::FeatureRow;
use super::lists::CueList;
use super::{Components, Conflict, Fault, Missing};

/// Longest quote inside a reason, in chars.
const REASON_QUOTE: usize = 24;

fn short(s: &str) -> String {
    let t: String = s.chars().take(REASON_QUOTE).collect();
    if s.chars().count() > REASON_QUOTE {
        format!("{t}…")
    } else {
        t
    }
}

/// The reason for one conflict, naming both sides.
pub(crate) fn conflict_reason(c: &Conflict) -> String {
    let ctx = short(&c.context_span);
    let word = &c.detail;
    match c.fault {
        Fault::AsksForGivenInfo => format!("再次索要{word}，但客户已经提供过（“{ctx}”）"),
        Fault::RepeatsFailedStep => format!("又让客户{word}，但客户已经试过没用（“{ctx}”）"),
        Fault::IgnoresPreference => format!("提出{word}，违背了客户说过的要求（“{ctx}”）"),
        Fault::MissesDeadline => format!("承诺的“{word}”赶不上客户的期限（“{ctx}”）"),
        Fault::WrongFact => format!("说错了事实“{word}”，上文是“{ctx}”"),
        Fault::UnansweredQuestion => format!("没有回答客户问的（“{ctx}”）"),
        Fault::ImpossiblePromise => format!("承诺了做不到的事（{word}），上文已说明“{ctx}”"),
        Fault::IgnoresBrokenPromise => format!("当成第一次处理，没提之前落空的承诺（“{ctx}”）"),
        other => other.chinese().to_string(),
    }
}

pub(crate) fn missing_of(c: &Components, ctx: &CaseCtx) -> Vec<Missing> {
    let mut m = Vec::new();
    if c.acknowledgement < 0.35 {
        m.push(Missing::Acknowledgement);
    }
    if ctx.negative && c.ownership < 0.3 {
        m.push(Missing::Ownership);
    }
    if c.next_step < 0.3 {
        m.push(Missing::NextStep);
    }
    if c.time_frame < 0.5 && (ctx.negative || c.next_step >= 0.3) {
        m.push(Missing::TimeFrame);
    }
    if c.agreement_check < 0.5 && ctx.negative {
        m.push(Missing::AgreementCheck);
    }
    if c.personal_closing < 0.3 {
        m.push(Missing::PersonalClosing);
    }
    if c.relevance < 0.2 {
        m.push(Missing::Relevance);
    }
    m
}

pub(crate) fn reason_of(
    row: &FeatureRow,
    c: &Components,
    missing: &[Missing],
    ctx: &CaseCtx,
    immediate: &CueList,
) -> String {
    let ev = &row.evidence;
    let mut strengths: Vec<String> = Vec::new();
    if c.acknowledgement >= 0.5 {
        match (&ev.feeling, ctx.emotion) {
            (Some(f), _) => strengths.push(format!("点明了客户的“{f}”")),
            (None, Some(e)) if c.acknowledgement >= 0.6 => strengths.push(format!("回应了客户的{}和具体处境", e.chinese())),
            _ => strengths.push("回应了客户的具体处境".to_string()),
        }
    }
    if ev.admits_fault && c.ownership >= 0.8 {
        strengths.push("主动承认是我方的问题".to_string());
    } else if c.ownership >= 0.5 {
        strengths.push("主动把事情揽下来".to_string());
    }
    if c.next_step >= 0.5 {
        match &ev.time {
            Some(t) if c.time_frame >= 0.5 && immediate.is_entry(t) => {
                strengths.push(format!("承诺{t}办理"))
            }
            Some(t) if c.time_frame >= 0.5 => strengths.push(format!("给出{t}的具体安排")),
            _ => strengths.push("给出了具体的处理办法".to_string()),
        }
    } else if let Some(t) = &ev.time {
        strengths.push(format!("说明了时间“{t}”"));
    }
    if c.agreement_check >= 0.5 {
        strengths.push("征询了客户的意见".to_string());
    }
    if c.personal_closing >= 0.5 {
        strengths.push("结尾有个人化的跟进".to_string());
    }

    let faults: Vec<&str> = row.faults.iter().map(|f| f.chinese()).collect();
    let lacks: Vec<&str> = missing
        .iter()
        .filter_map(|m| match m {
            Missing::Acknowledgement => Some("没有点明客户的感受"),
            Missing::Ownership => Some("没有承担责任"),
            Missing::NextStep => Some("没有具体行动"),
            Missing::TimeFrame => Some("没有明确时限"),
            Missing::Relevance => Some("没有回应客户的问题"),
            _ => None,
        })
        .collect();

    let line = if let Some(conflict) = row.conflicts.first() {
        let mut s = conflict_reason(conflict);
        if let Some(second) = row.conflicts.get(1) {
            s = format!("{s}；另外{}", second.fault.chinese());
        }
        s
    } else if !faults.is_empty() {
        let mut s = faults.iter().take(2).copied().collect::<Vec<_>>().join("，");
        if let Some(first) = strengths.first() {
            s = format!("{s}，虽然{first}");
        } else if let Some(l) = lacks.first() {
            s = format!("{s}，{l}");
        }
        s
    } else if strengths.is_empty() {
        if lacks.is_empty() {
            "回复中规中矩，缺少亮点".to_string()
        } else {
            lacks.iter().take(2).copied().collect::<Vec<_>>().join("，")
        }
    } else {
        let mut s = strengths.iter().take(3).cloned().collect::<Vec<_>>().join("，");
        if let Some(l) = lacks.first() {
            if strengths.len() < 3 {
                s = format!("{s}，但{l}");
            }
        }
        s
    };
    line.replace('\n', " ")
}

