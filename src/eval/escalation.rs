//! `gongqing eval` on conversations labelled with their outcome (`{"turns", "escalates", "peak_turn"}`): replays
//! each conversation turn by turn as MonitorConversation would and scores the risk (ROC-AUC, accuracy at the
//! alert threshold, early warning: the alert fires at or before `peak_turn`).

use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use crate::engine::Engine;
use crate::judge::conversation::{features, TurnFact, FEATURES};
use crate::judge::{Role, Turn};

/// One conversation whose outcome is known.
#[derive(Debug, Clone)]
pub struct LabelledConversation {
    pub id: String,
    pub turns: Vec<Turn>,
    pub escalates: bool,
    /// Index in `turns` of the customer turn where the risk is highest; -1 when there is none.
    pub peak_turn: i64,
}

/// True when the first record of a JSONL file carries `escalates` (an outcome-labelled conversation file).
pub fn is_escalation_file(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else { return false };
    let Some(line) = text.lines().find(|l| !l.trim().is_empty()) else { return false };
    serde_json::from_str::<serde_json::Value>(line).is_ok_and(|v| v.get("escalates").is_some() && v.get("turns").is_some())
}

pub fn load(path: &Path) -> anyhow::Result<Vec<LabelledConversation>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        let turns = v["turns"]
            .as_array()
            .with_context(|| format!("{}:{}: no \"turns\" array", path.display(), n + 1))?
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let role = match t["role"].as_str() {
                    Some("customer") => Role::Customer,
                    Some("agent") => Role::Agent,
                    other => anyhow::bail!("{}:{}: turns[{i}].role is {other:?}; use customer or agent", path.display(), n + 1),
                };
                Ok(Turn { role, text: t["text"].as_str().unwrap_or_default().to_string() })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let escalates = v["escalates"]
            .as_bool()
            .with_context(|| format!("{}:{}: \"escalates\" must be true or false", path.display(), n + 1))?;
        out.push(LabelledConversation {
            id: v["id"].as_str().map_or_else(|| format!("line{}", n + 1), str::to_string),
            turns,
            escalates,
            peak_turn: v["peak_turn"].as_i64().unwrap_or(-1),
        });
    }
    Ok(out)
}

/// The risk after each turn of `turns`, given the facts of all of them: what the stream would send.
pub fn risks_after_each_turn(engine: &Engine, turns: &[Turn], facts: &[TurnFact]) -> Vec<f32> {
    (0..turns.len())
        .map(|i| {
            let known = facts.iter().take_while(|f| f.index <= i).count();
            engine.assess(&facts[..known]).escalation_risk
        })
        .collect()
}

/// One conversation's replay.
#[derive(Debug, Clone, Serialize)]
pub struct Replay {
    pub id: String,
    pub escalates: bool,
    pub peak_turn: i64,
    pub risks: Vec<f32>,
    /// Turn whose update carried the alert, if any.
    pub first_alert: Option<usize>,
    /// The trajectory features after the last turn, by name: what the final risk was computed from.
    pub features: std::collections::BTreeMap<&'static str, f32>,
}

impl Replay {
    pub fn final_risk(&self) -> f32 {
        self.risks.last().copied().unwrap_or(0.0)
    }
}

pub fn replay(engine: &Engine, conversation: &LabelledConversation, threshold: f32) -> anyhow::Result<(Replay, Vec<TurnFact>)> {
    let facts = engine
        .conversation_facts_blocking(&conversation.turns)
        .with_context(|| format!("conversation {}", conversation.id))?;
    let risks = risks_after_each_turn(engine, &conversation.turns, &facts);
    let first_alert = risks.iter().position(|r| *r >= threshold);
    let features = FEATURES.iter().copied().zip(features(&facts)).collect();
    Ok((
        Replay {
            id: conversation.id.clone(),
            escalates: conversation.escalates,
            peak_turn: conversation.peak_turn,
            risks,
            first_alert,
            features,
        },
        facts,
    ))
}

/// ROC-AUC of `scores` against `labels`, ties counted as half; 0.5 when one class is missing.
pub fn roc_auc(scores: &[f32], labels: &[bool]) -> f64 {
    let (mut wins, mut pairs) = (0.0f64, 0.0f64);
    for (s, l) in scores.iter().zip(labels) {
        if !*l {
            continue;
        }
        for (t, m) in scores.iter().zip(labels) {
            if *m {
                continue;
            }
            pairs += 1.0;
            if s > t {
                wins += 1.0;
            } else if s == t {
                wins += 0.5;
            }
        }
    }
    if pairs == 0.0 {
        0.5
    } else {
        wins / pairs
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct EscalationReport {
    pub conversations: usize,
    pub escalating: usize,
    pub alert_threshold: f32,
    /// ROC-AUC of the risk after the last turn.
    pub roc_auc: f64,
    /// Share of conversations where (final risk >= threshold) == escalates.
    pub accuracy_at_threshold: f64,
    /// Mean squared error of the final risk as a probability.
    pub brier: f64,
    /// Of the escalating conversations: the alert fired at or before `peak_turn`.
    pub early_warning_rate: f64,
    /// ... fired after `peak_turn`.
    pub late_rate: f64,
    /// ... never fired.
    pub missed_rate: f64,
    /// Of the conversations that do not escalate: the alert fired at some turn.
    pub false_alert_rate: f64,
    pub replays: Vec<Replay>,
}

pub fn report(replays: Vec<Replay>, threshold: f32) -> EscalationReport {
    let n = replays.len().max(1) as f64;
    let finals: Vec<f32> = replays.iter().map(Replay::final_risk).collect();
    let labels: Vec<bool> = replays.iter().map(|r| r.escalates).collect();
    let escalating: Vec<&Replay> = replays.iter().filter(|r| r.escalates).collect();
    let calm = replays.len() - escalating.len();
    let share = |count: usize, of: usize| if of == 0 { 0.0 } else { count as f64 / of as f64 };
    let early = escalating
        .iter()
        .filter(|r| r.first_alert.is_some_and(|t| r.peak_turn < 0 || t as i64 <= r.peak_turn))
        .count();
    let late = escalating.iter().filter(|r| r.first_alert.is_some()).count() - early;
    let missed = escalating.len() - early - late;
    EscalationReport {
        conversations: replays.len(),
        escalating: escalating.len(),
        alert_threshold: threshold,
        roc_auc: roc_auc(&finals, &labels),
        accuracy_at_threshold: finals.iter().zip(&labels).filter(|(r, l)| (**r >= threshold) == **l).count() as f64 / n,
        brier: finals.iter().zip(&labels).map(|(r, l)| (f64::from(*r) - f64::from(u8::from(*l))).powi(2)).sum::<f64>() / n,
        early_warning_rate: share(early, escalating.len()),
        late_rate: share(late, escalating.len()),
        missed_rate: share(missed, escalating.len()),
        false_alert_rate: share(replays.iter().filter(|r| !r.escalates && r.first_alert.is_some()).count(), calm),
        replays,
    }
}

/// `gongqing eval FILE` on an outcome-labelled conversation file: prints the metrics and writes
/// `escalation.json` into `report_dir`.
pub fn run(path: &Path, threshold: f32, limit: Option<usize>, report_dir: &Path, engine: Engine) -> anyhow::Result<EscalationReport> {
    let mut conversations = load(path)?;
    if let Some(limit) = limit {
        conversations.truncate(limit);
    }
    let mut replays = Vec::with_capacity(conversations.len());
    for conversation in &conversations {
        replays.push(replay(&engine, conversation, threshold)?.0);
    }
    let report = report(replays, threshold);
    std::fs::create_dir_all(report_dir).with_context(|| format!("creating {}", report_dir.display()))?;
    let out = report_dir.join("escalation.json");
    std::fs::write(&out, serde_json::to_string_pretty(&report)?).with_context(|| format!("writing {}", out.display()))?;
    let backend = engine.info().backend;
    println!("escalation: {} ({} conversations, {} escalate), backend {:?}", path.display(), report.conversations, report.escalating, backend);
    println!("  roc_auc                {:.3}", report.roc_auc);
    println!("  accuracy@{:.2}          {:.3}", threshold, report.accuracy_at_threshold);
    println!("  brier                  {:.3}", report.brier);
    println!("  early_warning_rate     {:.3}   (alert at or before peak_turn)", report.early_warning_rate);
    println!("  late_rate              {:.3}", report.late_rate);
    println!("  missed_rate            {:.3}", report.missed_rate);
    println!("  false_alert_rate       {:.3}   (calm conversations that alerted)", report.false_alert_rate);
    println!("  report: {}", out.display());
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_counts_ties_as_half_and_orders_pairs() {
        assert_eq!(roc_auc(&[0.9, 0.1], &[true, false]), 1.0);
        assert_eq!(roc_auc(&[0.1, 0.9], &[true, false]), 0.0);
        assert_eq!(roc_auc(&[0.5, 0.5], &[true, false]), 0.5);
        assert_eq!(roc_auc(&[0.5, 0.4], &[true, true]), 0.5);
    }

    fn replay(escalates: bool, peak: i64, risks: &[f32]) -> Replay {
        Replay {
            id: String::new(),
            escalates,
            peak_turn: peak,
            risks: risks.to_vec(),
            first_alert: risks.iter().position(|r| *r >= 0.6),
            features: Default::default(),
        }
    }

    #[test]
    fn early_late_and_missed_alerts_are_told_apart() {
        let r = report(
            vec![
                replay(true, 2, &[0.2, 0.7, 0.8]),
                replay(true, 0, &[0.3, 0.5, 0.9]),
                replay(true, 2, &[0.1, 0.2, 0.3]),
                replay(false, -1, &[0.7, 0.2, 0.1]),
            ],
            0.6,
        );
        assert_eq!((r.early_warning_rate, r.late_rate), (1.0 / 3.0, 1.0 / 3.0));
        assert!((r.missed_rate - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.false_alert_rate, 1.0);
        assert_eq!(r.accuracy_at_threshold, 0.75);
    }
}
