//! Measures the lexicon scorer on a labelled JSONL file (`{"text","polarity","emotion",...}` per line):
//! 3-class polarity accuracy, macro-F1 and per-class P/R/F1, then emotion accuracy and macro-F1.
//!
//! cargo run --release --example lexicon_dev -- ../shared/data/dev/utterances.jsonl [--lexicon models/lexicon] [--errors]

use std::io::BufRead;

use gongqing::labels::{Emotion, Polarity};
use gongqing::lexicon::Lexicon;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let mut dir = None;
    let mut show_errors = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--lexicon" => {
                i += 1;
                dir = args.get(i).cloned();
            }
            "--errors" => show_errors = true,
            p => path = Some(p.to_string()),
        }
        i += 1;
    }
    let path = path.ok_or("usage: lexicon_dev <file.jsonl> [--lexicon <dir>] [--errors]")?;
    let lexicon = match dir {
        Some(d) => Lexicon::from_dir(std::path::Path::new(&d))?,
        None => Lexicon::embedded(),
    };

    let mut pol_conf = [[0u32; 3]; 3];
    let mut emo_conf = [[0u32; 7]; 7];
    let mut emo_rows = 0u32;
    let mut binary = (0u32, 0u32);
    let file = std::fs::File::open(&path)?;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let text = v["text"].as_str().unwrap_or_default();
        let Some(gold) = v["polarity"].as_str().and_then(Polarity::from_label) else { continue };
        let score = lexicon.score(text);
        let pred = Polarity::argmax(&score.polarity);
        pol_conf[gold.index()][pred.index()] += 1;
        if gold != Polarity::Neutral {
            binary.1 += 1;
            let pn = if score.polarity[2] > score.polarity[0] { Polarity::Positive } else { Polarity::Negative };
            if pn == gold {
                binary.0 += 1;
            }
        }
        let gold_emo = v["emotion"].as_str().and_then(Emotion::from_name);
        let pred_emo = Emotion::ALL[gongqing::labels::argmax(&score.emotion)];
        if let Some(ge) = gold_emo {
            emo_conf[ge.index()][pred_emo.index()] += 1;
            emo_rows += 1;
        }
        if show_errors && (pred != gold || gold_emo.is_some_and(|g| g != pred_emo)) {
            let cues: Vec<String> =
                score.cues.iter().map(|c| format!("{}:{}:{:+.2}", c.term, c.kind.name(), c.weight)).collect();
            println!(
                "{:>8}->{:<8} {:>14}->{:<14} {}  [{}]",
                gold.name(),
                pred.name(),
                gold_emo.map(|e| e.name()).unwrap_or("-"),
                pred_emo.name(),
                text,
                cues.join(" ")
            );
        }
    }

    let names: Vec<&str> = Polarity::ALL.iter().map(|p| p.name()).collect();
    let total: u32 = pol_conf.iter().flatten().sum();
    println!("file: {path}  rows: {total}  lexicon terms: {}", lexicon.term_count());
    report("polarity", &names, &pol_conf.iter().map(|r| r.to_vec()).collect::<Vec<_>>());
    println!(
        "binary (argmax of positive vs negative, neutral-labelled rows skipped): {:.4} ({}/{})",
        ratio(binary.0, binary.1),
        binary.0,
        binary.1
    );
    if emo_rows > 0 {
        let names: Vec<&str> = Emotion::ALL.iter().map(|e| e.name()).collect();
        report("emotion", &names, &emo_conf.iter().map(|r| r.to_vec()).collect::<Vec<_>>());
    }
    Ok(())
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Prints accuracy, macro-F1 (over classes present in the gold labels or predictions) and per-class P/R/F1.
fn report(title: &str, names: &[&str], conf: &[Vec<u32>]) {
    let k = names.len();
    let total: u32 = conf.iter().flatten().sum();
    let correct: u32 = (0..k).map(|i| conf[i][i]).sum();
    let mut f1s = Vec::new();
    let mut lines = Vec::new();
    for i in 0..k {
        let tp = conf[i][i];
        let gold: u32 = conf[i].iter().sum();
        let pred: u32 = (0..k).map(|j| conf[j][i]).sum();
        if gold == 0 && pred == 0 {
            continue;
        }
        let p = ratio(tp, pred);
        let r = ratio(tp, gold);
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        f1s.push(f);
        lines.push(format!("  {:<15} P {:.3}  R {:.3}  F1 {:.3}  (gold {gold}, predicted {pred})", names[i], p, r, f));
    }
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
    println!("{title}: accuracy {:.4} ({correct}/{total})  macro-F1 {:.4}", ratio(correct, total), macro_f1);
    for l in lines {
        println!("{l}");
    }
}
