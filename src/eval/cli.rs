//! `gongqing eval`: the command-line entry point. Flags given here win over a scenario's settings, which win
//! over the built-in defaults (concurrency 4, batch size 16, warm-up 2 requests, one pass).
//!
//! Exit status: 0 when every threshold holds (or none is set), 2 when one fails (the reports are still written),
//! 1 when the run cannot be done (unreadable data, unreachable target).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};

use super::compare;
use super::data::{self, Columns, DataOptions, Format, Kind, PolarityClasses};
use super::load::LoadPlan;
use super::report::{self, ServerInfo, TargetSummary};
use super::scenario::{self, Scenario, StepSettings, Threshold};
use super::step::{self, StepReport};
use super::target::{InProcess, Remote, Target, TlsOptions};
use crate::engine::Engine;

#[derive(clap::Args, Debug, Clone)]
pub struct EvalArgs {
    /// Data file (JSONL, CSV or TSV: utterances, reply-ranking cases or conversations) or scenario (.toml).
    #[arg(required = true, env = "GONGQING_EVAL_INPUT")]
    pub input: Option<PathBuf>,
    /// `http://HOST:PORT` of a running server (`https://` for TLS), or `inprocess` to run the server's
    /// handlers in this process with the engine flags. Default: the scenario's `target`, else inprocess.
    #[arg(long, env = "GONGQING_EVAL_TARGET")]
    pub target: Option<String>,
    /// Where report.json, report.md, report.html and charts/ are written.
    #[arg(long, env = "GONGQING_EVAL_REPORT_DIR", default_value = "reports/eval")]
    pub report_dir: PathBuf,
    /// Report title (default: the scenario's name or the file name).
    #[arg(long, env = "GONGQING_EVAL_NAME")]
    pub name: Option<String>,
    /// Data kind (default: detected from the fields).
    #[arg(long, env = "GONGQING_EVAL_KIND", value_enum)]
    pub kind: Option<Kind>,
    /// File format (default: from the extension; .csv, .tsv, else JSONL).
    #[arg(long, env = "GONGQING_EVAL_FORMAT", value_enum)]
    pub format: Option<Format>,
    /// Rename a field/column, e.g. `--column text=content --column polarity=label`.
    #[arg(long = "column", value_name = "FIELD=NAME", env = "GONGQING_EVAL_COLUMNS", value_delimiter = ',')]
    pub columns: Vec<String>,
    /// Map a polarity label of the data, e.g. `--polarity-label 0=negative --polarity-label 1=positive`.
    #[arg(
        long = "polarity-label",
        value_name = "RAW=POLARITY",
        env = "GONGQING_EVAL_POLARITY_LABELS",
        value_delimiter = ','
    )]
    pub polarity_labels: Vec<String>,
    /// 2: read the service's 3-class output as negative vs positive (P(negative) against P(positive));
    /// 3: the service's label; auto: 2 when the gold labels hold no neutral.
    #[arg(long, env = "GONGQING_EVAL_POLARITY_CLASSES", value_enum)]
    pub polarity_classes: Option<PolarityClasses>,
    /// Requests in flight at once [default: 4].
    #[arg(long, env = "GONGQING_EVAL_CONCURRENCY")]
    pub concurrency: Option<usize>,
    /// Texts per Classify request [default: 16; capped at the server's max_texts].
    #[arg(long, env = "GONGQING_EVAL_BATCH_SIZE")]
    pub batch_size: Option<usize>,
    /// Requests sent before measuring [default: 2].
    #[arg(long, env = "GONGQING_EVAL_WARMUP")]
    pub warmup: Option<usize>,
    /// Measured requests at least, cycling over the data [default: one pass].
    #[arg(long, env = "GONGQING_EVAL_REQUESTS")]
    pub requests: Option<usize>,
    /// Keep sending for this long, e.g. 30s (at least one pass).
    #[arg(long, env = "GONGQING_EVAL_DURATION")]
    pub duration: Option<String>,
    /// Per-request deadline for remote targets; a late request counts as DEADLINE_EXCEEDED.
    #[arg(long, env = "GONGQING_EVAL_TIMEOUT", default_value = "60s", value_parser = humantime::parse_duration)]
    pub timeout: Duration,
    /// Pass/fail gate, e.g. `--threshold 'polarity.accuracy>=0.65'`; applies to every step.
    #[arg(
        long = "threshold",
        value_name = "METRIC OP NUMBER",
        env = "GONGQING_EVAL_THRESHOLDS",
        value_delimiter = ','
    )]
    pub thresholds: Vec<String>,
    /// Evaluate only the first N items of each data file.
    #[arg(long, env = "GONGQING_EVAL_LIMIT")]
    pub limit: Option<usize>,
    /// PEM CA certificate for an https:// target.
    #[arg(long, env = "GONGQING_EVAL_TLS_CA")]
    pub tls_ca: Option<PathBuf>,
    /// Server name to verify for an https:// target (default: the URL's host).
    #[arg(long, env = "GONGQING_EVAL_TLS_DOMAIN")]
    pub tls_domain: Option<String>,
    /// Outcome-labelled conversation files (`escalates`): the risk at which the alert fires.
    #[arg(long, env = "GONGQING_EVAL_ALERT_THRESHOLD", default_value_t = 0.6)]
    pub alert_threshold: f32,
    /// No progress bar.
    #[arg(long, short, env = "GONGQING_EVAL_QUIET")]
    pub quiet: bool,
}

#[derive(clap::Subcommand, Debug, Clone)]
pub enum EvalAction {
    /// Compare two reports (report.json files or report directories): metric deltas and significance tests
    /// (exact McNemar and paired bootstrap on the items both runs scored).
    Compare {
        a: PathBuf,
        b: PathBuf,
        /// Print the comparison as JSON.
        #[arg(long)]
        json: bool,
        /// Bootstrap resamples.
        #[arg(long, default_value_t = 10_000)]
        bootstrap: usize,
        /// Bootstrap seed.
        #[arg(long, default_value_t = 0)]
        seed: u64,
    },
}

/// One step to run.
struct Planned {
    name: String,
    data: String,
    optional: bool,
    settings: StepSettings,
    thresholds: Vec<Threshold>,
}

struct Plan {
    name: String,
    target: Option<String>,
    steps: Vec<Planned>,
}

fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("data").to_string()
}

fn plan(args: &EvalArgs, input: &Path) -> anyhow::Result<Plan> {
    let cli_thresholds =
        args.thresholds.iter().map(|t| Threshold::parse_flag(t)).collect::<anyhow::Result<Vec<_>>>()?;
    let is_scenario = input.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if !is_scenario {
        return Ok(Plan {
            name: args.name.clone().unwrap_or_else(|| stem(input)),
            target: None,
            steps: vec![Planned {
                name: stem(input),
                data: input.display().to_string(),
                optional: false,
                settings: StepSettings::default(),
                thresholds: cli_thresholds,
            }],
        });
    }
    let text = std::fs::read_to_string(input).with_context(|| format!("reading scenario {}", input.display()))?;
    let scenario = Scenario::parse(&text).with_context(|| format!("scenario {}", input.display()))?;
    let mut steps = Vec::new();
    for (i, spec) in scenario.steps.iter().enumerate() {
        let mut thresholds = spec
            .thresholds
            .iter()
            .map(|(metric, expr)| Threshold::parse(metric, expr))
            .collect::<anyhow::Result<Vec<_>>>()?;
        thresholds.extend(cli_thresholds.iter().cloned());
        let name = spec.name.clone().unwrap_or_else(|| {
            let s = stem(Path::new(&spec.data));
            if scenario.steps.iter().filter(|o| stem(Path::new(&o.data)) == s).count() > 1 {
                format!("{s}-{}", i + 1)
            } else {
                s
            }
        });
        steps.push(Planned {
            name,
            data: spec.data.clone(),
            optional: spec.optional,
            settings: spec.settings.or(&scenario.defaults),
            thresholds,
        });
    }
    Ok(Plan {
        name: args.name.clone().or(scenario.name.clone()).unwrap_or_else(|| stem(input)),
        target: scenario.target.clone(),
        steps,
    })
}

fn cli_settings(args: &EvalArgs) -> anyhow::Result<StepSettings> {
    Ok(StepSettings {
        kind: args.kind,
        format: args.format,
        concurrency: args.concurrency,
        batch_size: args.batch_size,
        warmup: args.warmup,
        requests: args.requests,
        duration: args.duration.clone(),
        polarity_classes: args.polarity_classes,
        columns: data::key_values(&args.columns)?,
        polarity_labels: data::key_values(&args.polarity_labels)?,
    })
}

fn load_plan(s: &StepSettings, max_texts: Option<usize>, step: &str) -> anyhow::Result<LoadPlan> {
    let defaults = LoadPlan::default();
    let mut batch_size = s.batch_size.unwrap_or(defaults.batch_size).max(1);
    if let Some(max) = max_texts.filter(|m| *m > 0 && batch_size > *m) {
        eprintln!("{step}: batch size {batch_size} is over the server's max_texts {max}; using {max}");
        batch_size = max;
    }
    let duration_s = s
        .duration
        .as_deref()
        .map(|d| humantime::parse_duration(d).with_context(|| format!("duration {d:?}: use e.g. 30s or 2m")))
        .transpose()?
        .map(|d| d.as_secs_f64());
    Ok(LoadPlan {
        concurrency: s.concurrency.unwrap_or(defaults.concurrency).max(1),
        batch_size,
        warmup: s.warmup.unwrap_or(defaults.warmup),
        requests: s.requests,
        duration_s,
    })
}

fn data_options(s: &StepSettings) -> anyhow::Result<DataOptions> {
    let mut columns = Columns::default();
    columns.apply(&s.columns)?;
    Ok(DataOptions {
        format: s.format,
        kind: s.kind,
        columns,
        polarity_labels: data::polarity_map(&s.polarity_labels)?,
    })
}

/// Runs `gongqing eval`; returns the process exit status.
pub fn run(
    args: EvalArgs,
    action: Option<EvalAction>,
    engine: impl FnOnce() -> anyhow::Result<Engine>,
) -> anyhow::Result<i32> {
    if let Some(EvalAction::Compare { a, b, json, bootstrap, seed }) = action {
        let (ra, rb) = (compare::read(&a)?, compare::read(&b)?);
        let comparison = compare::compare(&a, &ra, &b, &rb, bootstrap, seed);
        if json {
            println!("{}", serde_json::to_string_pretty(&comparison)?);
        } else {
            print!("{}", compare::render(&comparison));
        }
        return Ok(0);
    }
    let input = args.input.clone().context("give a data file or a scenario (.toml)")?;
    if super::escalation::is_escalation_file(&input) {
        if args.target.as_deref().is_some_and(|t| t != "inprocess") {
            bail!("{}: outcome-labelled conversation files are replayed in-process only; drop --target", input.display());
        }
        super::escalation::run(&input, args.alert_threshold, args.limit, &args.report_dir, engine()?)?;
        return Ok(0);
    }
    let plan = plan(&args, &input)?;
    let cli = cli_settings(&args)?;
    let target_url = args.target.clone().or(plan.target.clone()).unwrap_or_else(|| "inprocess".into());
    let engine = if target_url == "inprocess" { Some(engine()?) } else { None };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let report = runtime.block_on(async {
        let target: Arc<dyn Target> = match engine {
            Some(engine) => Arc::new(InProcess::new(engine)),
            None => {
                if !target_url.contains("://") {
                    bail!("--target {target_url:?}: use http://HOST:PORT, https://HOST:PORT or inprocess");
                }
                let tls = TlsOptions { ca: args.tls_ca.clone(), domain: args.tls_domain.clone() };
                Arc::new(Remote::connect(&target_url, &tls, Some(args.timeout)).await?)
            }
        };
        let info = target.info().await;
        let max_texts = info.as_ref().ok().and_then(|i| i.limits).map(|l| l.max_texts as usize);
        let server = info.as_ref().map(ServerInfo::from).map_err(|s| format!("{:?}: {}", s.code(), s.message()));
        if let Err(e) = &server {
            eprintln!("warning: Info failed ({e}); the report will not name the model");
        }
        let mut steps: Vec<StepReport> = Vec::new();
        for planned in &plan.steps {
            let settings = cli.or(&planned.settings);
            let load = load_plan(&settings, max_texts, &planned.name)?;
            let path = PathBuf::from(&planned.data);
            if !path.exists() {
                if planned.optional {
                    let reason = format!("{} not found (optional step)", planned.data);
                    eprintln!("{}: skipped: {reason}", planned.name);
                    let mut skipped = StepReport::skipped(&planned.name, reason, load);
                    skipped.thresholds =
                        scenario::check(&planned.name, &serde_json::Value::Null, &planned.thresholds, true);
                    steps.push(skipped);
                    continue;
                }
                bail!("{}: data file {} not found", planned.name, planned.data);
            }
            let mut dataset = data::load(&path, &data_options(&settings)?)?;
            if let Some(limit) = args.limit {
                match &mut dataset {
                    data::Dataset::Classification { items, .. } => items.truncate(limit),
                    data::Dataset::Ranking(cases) => cases.truncate(limit),
                }
            }
            let classes = settings.polarity_classes.unwrap_or_default();
            let mut report =
                step::run(&planned.name, &planned.data, &dataset, target.clone(), &load, classes, !args.quiet).await;
            let json = serde_json::to_value(&report)?;
            report.thresholds = scenario::check(&planned.name, &json, &planned.thresholds, false);
            report.passed = report.thresholds.iter().all(|t| t.passed);
            steps.push(report);
        }
        Ok(report::assemble(
            &plan.name,
            &input.display().to_string(),
            TargetSummary { kind: target.kind().into(), address: target.address() },
            server,
            steps,
        ))
    })?;
    report::write(&report, &args.report_dir)?;
    for line in report::summary_lines(&report) {
        println!("{line}");
    }
    println!("report: {}", args.report_dir.join("report.html").display());
    println!("        {}", args.report_dir.join("report.json").display());
    println!("        {}", args.report_dir.join("report.md").display());
    if report.passed {
        Ok(0)
    } else {
        let failed = report.thresholds.iter().filter(|t| !t.passed).count();
        eprintln!("{failed} threshold(s) failed");
        Ok(2)
    }
}
