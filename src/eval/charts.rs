//! SVG charts, written by hand: confusion matrix, reliability diagram, latency histogram, ranking bars.
//! Each is a standalone, well-formed SVG document (also inlined into report.html).

use std::fmt::Write;

use super::metrics::{Calibration, Confusion, Histogram, Latency, RankingMetrics};

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', sans-serif";

/// Escapes text for XML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn open(width: f64, height: f64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{FONT}\" role=\"img\" aria-label=\"{t}\">\
         <title>{t}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
         <text x=\"12\" y=\"22\" font-size=\"14\" font-weight=\"600\" fill=\"#1f2328\">{t}</text>",
        t = esc(title)
    )
}

/// Blend white → blue by `t` in 0..1.
fn blue(t: f64) -> String {
    let t = t.clamp(0.0, 1.0);
    let mix = |from: f64, to: f64| (from + (to - from) * t).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(247.0, 9.0), mix(250.0, 105.0), mix(255.0, 218.0))
}

/// Confusion matrix: rows gold, columns predicted; cells shaded by the share of their row.
pub fn confusion(c: &Confusion, title: &str) -> String {
    let n = c.labels.len().max(1);
    let cell = if n <= 3 { 72.0 } else { 50.0 };
    let left = 118.0;
    let top = if n <= 3 { 100.0 } else { 132.0 };
    let width = (left + cell * n as f64 + 24.0).max(330.0);
    let height = top + cell * n as f64 + 40.0;
    let mut s = open(width, height, title);
    let _ = write!(
        s,
        "<text x=\"{:.1}\" y=\"44\" font-size=\"11\" fill=\"#57606a\" text-anchor=\"middle\">predicted →</text>\
         <text x=\"14\" y=\"{:.1}\" font-size=\"11\" fill=\"#57606a\" transform=\"rotate(-90 14 {:.1})\" \
         text-anchor=\"middle\">gold →</text>",
        left + cell * n as f64 / 2.0,
        top + cell * n as f64 / 2.0,
        top + cell * n as f64 / 2.0
    );
    for (j, label) in c.labels.iter().enumerate() {
        let x = left + cell * (j as f64 + 0.5);
        let _ = write!(
            s,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"11\" fill=\"#1f2328\" text-anchor=\"start\" \
             transform=\"rotate(-40 {x:.1} {y:.1})\">{}</text>",
            esc(label),
            y = top - 8.0
        );
    }
    for (i, row) in c.matrix.iter().enumerate() {
        let total: usize = row.iter().sum();
        let y = top + cell * i as f64;
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#1f2328\" text-anchor=\"end\">{}</text>",
            left - 8.0,
            y + cell / 2.0 + 4.0,
            esc(&c.labels[i])
        );
        for (j, count) in row.iter().enumerate() {
            let share = if total > 0 { *count as f64 / total as f64 } else { 0.0 };
            let x = left + cell * j as f64;
            let stroke = if i == j { "#1a7f37" } else { "#d0d7de" };
            let stroke_width = if i == j { 2.0 } else { 1.0 };
            let ink = if share > 0.55 { "#ffffff" } else { "#1f2328" };
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{cell:.1}\" height=\"{cell:.1}\" fill=\"{}\" stroke=\"{stroke}\" \
                 stroke-width=\"{stroke_width}\"><title>gold {} → predicted {}: {count} ({:.0}% of row)</title></rect>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{}\" fill=\"{ink}\" text-anchor=\"middle\">{count}</text>",
                blue(share),
                esc(&c.labels[i]),
                esc(&c.labels[j]),
                share * 100.0,
                x + cell / 2.0,
                y + cell / 2.0 + 5.0,
                if n <= 3 { 15 } else { 12 }
            );
        }
    }
    let _ = write!(
        s,
        "<text x=\"12\" y=\"{:.1}\" font-size=\"10\" fill=\"#57606a\">shade = share of the gold row · green \
         outline = correct</text></svg>",
        top + cell * n as f64 + 24.0
    );
    s
}

/// Reliability diagram: accuracy per confidence bin against the diagonal.
pub fn reliability(cal: &Calibration, title: &str) -> String {
    let (left, top, size) = (52.0, 40.0, 260.0);
    let width = left + size + 30.0;
    let height = top + size + 54.0;
    let mut s = open(width, height, title);
    let px = |v: f64| left + v * size;
    let py = |v: f64| top + (1.0 - v) * size;
    let _ = write!(
        s,
        "<rect x=\"{left}\" y=\"{top}\" width=\"{size}\" height=\"{size}\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/>"
    );
    for k in 0..=4 {
        let v = k as f64 / 4.0;
        let _ = write!(
            s,
            "<line x1=\"{l}\" x2=\"{r}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#eaeef2\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"end\">{v:.2}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"middle\">{v:.2}</text>",
            left - 6.0,
            py(v) + 3.0,
            px(v),
            top + size + 14.0,
            l = left,
            r = left + size,
            y = py(v)
        );
    }
    let total: usize = cal.bins.iter().map(|b| b.count).sum();
    for b in &cal.bins {
        if let (Some(acc), Some(conf)) = (b.accuracy, b.confidence) {
            let x = px(b.lower) + 2.0;
            let w = (b.upper - b.lower) * size - 4.0;
            let opacity = 0.35 + 0.65 * (b.count as f64 / total.max(1) as f64).sqrt();
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#0969da\" fill-opacity=\"{opacity:.2}\">\
                 <title>confidence {:.2}–{:.2}: {} items, accuracy {acc:.3}, mean confidence {conf:.3}</title></rect>\
                 <circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"#cf222e\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" fill=\"#57606a\" text-anchor=\"middle\">{}</text>",
                py(acc),
                acc * size,
                b.lower,
                b.upper,
                b.count,
                px(conf),
                py(conf),
                x + w / 2.0,
                py(acc) - 4.0,
                b.count
            );
        }
    }
    let _ = write!(
        s,
        "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#57606a\" stroke-dasharray=\"4 3\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#57606a\" text-anchor=\"middle\">confidence</text>\
         <text x=\"14\" y=\"{:.1}\" font-size=\"11\" fill=\"#57606a\" text-anchor=\"middle\" transform=\"rotate(-90 14 {:.1})\">accuracy</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#57606a\"><tspan font-size=\"12\" font-weight=\"600\" fill=\"#1f2328\">ECE {:.3}</tspan> · bars: accuracy · dots: mean confidence · n above</text></svg>",
        px(0.0),
        py(0.0),
        px(1.0),
        py(1.0),
        left + size / 2.0,
        top + size + 30.0,
        top + size / 2.0,
        top + size / 2.0,
        12.0,
        top + size + 48.0,
        cal.ece
    );
    s
}

fn fmt_ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// Latency histogram with p50/p90/p99 markers.
pub fn latency(l: &Latency, title: &str) -> String {
    let h: &Histogram = &l.histogram;
    let (left, top, w, hgt) = (52.0, 40.0, 520.0, 200.0);
    let width = left + w + 24.0;
    let height = top + hgt + 60.0;
    let mut s = open(width, height, title);
    let lo = h.edges_ms.first().copied().unwrap_or(0.0);
    let hi = h.edges_ms.last().copied().unwrap_or(1.0);
    let log = h.scale == "log" && lo > 0.0;
    let px = |v: f64| {
        let t = if log {
            (v.max(lo).ln() - lo.ln()) / (hi.ln() - lo.ln()).max(1e-9)
        } else {
            (v - lo) / (hi - lo).max(1e-9)
        };
        left + t.clamp(0.0, 1.0) * w
    };
    // Round the axis up to a multiple of 4 so the five grid lines fall on whole counts.
    let max = (h.counts.iter().copied().max().unwrap_or(0).max(1) as f64 / 4.0).ceil() * 4.0;
    let _ = write!(
        s,
        "<rect x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{hgt}\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/>"
    );
    for k in 0..=4 {
        let v = max * k as f64 / 4.0;
        let y = top + hgt - hgt * k as f64 / 4.0;
        let _ = write!(
            s,
            "<line x1=\"{left}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#eaeef2\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"end\">{:.0}</text>",
            left + w,
            left - 6.0,
            y + 3.0,
            v
        );
    }
    for (i, count) in h.counts.iter().enumerate() {
        let x0 = px(h.edges_ms[i]);
        let x1 = px(h.edges_ms[i + 1]);
        let bh = hgt * *count as f64 / max;
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"#0969da\" fill-opacity=\"0.8\">\
             <title>{}–{} ms: {count} requests</title></rect>",
            x0 + 0.5,
            top + hgt - bh,
            (x1 - x0 - 1.0).max(0.5),
            fmt_ms(h.edges_ms[i]),
            fmt_ms(h.edges_ms[i + 1])
        );
    }
    for k in 0..=4 {
        let t = k as f64 / 4.0;
        let v = if log { (lo.ln() + t * (hi.ln() - lo.ln())).exp() } else { lo + t * (hi - lo) };
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"middle\">{}</text>",
            px(v),
            top + hgt + 14.0,
            fmt_ms(v)
        );
    }
    for (name, v, color) in [("p50", l.p50_ms, "#1a7f37"), ("p90", l.p90_ms, "#9a6700"), ("p99", l.p99_ms, "#cf222e")] {
        let x = px(v);
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{top}\" y2=\"{:.1}\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" font-weight=\"600\" fill=\"{color}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" text-anchor=\"{}\">{name} {}</text>",
            top + hgt,
            if x > left + w * 0.75 { x - 3.0 } else { x + 3.0 },
            top + 12.0 + match name { "p50" => 0.0, "p90" => 12.0, _ => 24.0 },
            if x > left + w * 0.75 { "end" } else { "start" },
            fmt_ms(v)
        );
    }
    let _ = write!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#57606a\" text-anchor=\"middle\">request latency, ms ({} scale) · {} requests · max {}</text></svg>",
        left + w / 2.0,
        top + hgt + 34.0,
        if log { "log" } else { "linear" },
        l.requests,
        fmt_ms(l.max_ms)
    );
    s
}

/// Horizontal bars of the ranking metrics (all in 0..1).
pub fn ranking(r: &RankingMetrics, title: &str) -> String {
    let rows = [
        ("NDCG@1", r.ndcg1),
        ("NDCG@3", r.ndcg3),
        ("top-1", r.top1),
        ("MRR", r.mrr),
        ("pairwise", r.pairwise_accuracy),
    ];
    let (left, top, w, bar) = (92.0, 40.0, 300.0, 26.0);
    let width = left + w + 70.0;
    let height = top + bar * rows.len() as f64 + 30.0;
    let mut s = open(width, height, title);
    for k in 0..=4 {
        let x = left + w * k as f64 / 4.0;
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{top}\" y2=\"{:.1}\" stroke=\"#eaeef2\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"middle\">{:.2}</text>",
            top + bar * rows.len() as f64,
            top + bar * rows.len() as f64 + 14.0,
            k as f64 / 4.0
        );
    }
    for (i, (name, v)) in rows.iter().enumerate() {
        let y = top + bar * i as f64;
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#1f2328\" text-anchor=\"end\">{name}</text>\
             <rect x=\"{left}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" fill=\"#8250df\" fill-opacity=\"0.85\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#1f2328\">{v:.3}</text>",
            left - 8.0,
            y + bar / 2.0 + 4.0,
            y + 4.0,
            w * v.clamp(0.0, 1.0),
            bar - 8.0,
            left + w * v.clamp(0.0, 1.0) + 6.0,
            y + bar / 2.0 + 4.0
        );
    }
    s.push_str("</svg>");
    s
}
