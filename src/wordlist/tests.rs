use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::*;

fn problem(text: &str, columns: Columns) -> (usize, Problem) {
    let e = parse("test.txt", text, columns).expect_err("the list should not parse");
    assert_eq!(e.list, "test.txt");
    (e.line, e.problem)
}

#[test]
fn reads_entries_weights_and_extra_fields() {
    let text = "# What the list is for.\n# More about it.\n\nalpha\nbeta\t1.5\n  # a section\r\ngamma\t-2\tanger\r\n";
    let entries = parse("test.txt", text, Columns::WeightedWithExtra).unwrap();
    let plain = |line, entry, weight, extra| ListEntry { line, entry, weight, extra };
    let expected = vec![
        plain(4, "alpha", None, None),
        plain(5, "beta", Some(1.5), None),
        plain(7, "gamma", Some(-2.0), Some("anger")),
    ];
    assert_eq!(entries, expected);
    let mapping = parse("test.txt", "# Variants.\nA\ta\n", Columns::Mapping).unwrap();
    assert_eq!(mapping, vec![plain(2, "A", None, Some("a"))]);
}

#[test]
fn a_list_opens_with_a_header_saying_what_it_is_for() {
    assert_eq!(problem("alpha\n", Columns::EntryOnly), (1, Problem::MissingHeader));
    assert_eq!(problem("#\nalpha\n", Columns::EntryOnly), (1, Problem::MissingHeader));
    assert_eq!(problem("\n# late\nalpha\n", Columns::EntryOnly), (1, Problem::MissingHeader));
    assert_eq!(problem("", Columns::EntryOnly), (1, Problem::MissingHeader));
    assert!(parse("test.txt", "# Nothing yet.\n", Columns::EntryOnly).unwrap().is_empty());
}

#[test]
fn malformed_lines_are_errors_with_their_line() {
    let header = "# For the test.\n";
    let bad = |body: &str, columns| problem(&format!("{header}{body}"), columns);
    // A weight that is not a number is an error, not part of the entry.
    assert_eq!(bad("alpha\tlots\n", Columns::Weighted), (2, Problem::BadWeight("lots".into())));
    assert_eq!(bad("alpha\tNaN\n", Columns::Weighted), (2, Problem::BadWeight("NaN".into())));
    assert_eq!(bad("alpha\t\n", Columns::Weighted), (2, Problem::BadWeight(String::new())));
    assert_eq!(bad("alpha\t1\n", Columns::EntryOnly), (2, Problem::TooManyFields { allowed: 1, found: 2 }));
    assert_eq!(bad("alpha\t1\tx\n", Columns::Weighted), (2, Problem::TooManyFields { allowed: 2, found: 3 }));
    assert_eq!(bad("ok\n\tbeta\n", Columns::Weighted), (3, Problem::EmptyEntry));
    assert_eq!(bad("al pha\n", Columns::Weighted), (2, Problem::WhitespaceInEntry("al pha".into())));
    assert_eq!(bad("A\n", Columns::Mapping), (2, Problem::MissingValue));
    assert_eq!(bad("A\ta\tb\n", Columns::Mapping), (2, Problem::MissingValue));
    let duplicate = Problem::Duplicate { entry: "alpha".into(), first_line: 2 };
    assert_eq!(bad("alpha\nbeta\nalpha\t2\n", Columns::Weighted), (4, duplicate));
    let message = parse("lexicon/x.txt", "# For the test.\nalpha\tlots\n", Columns::Weighted).unwrap_err().to_string();
    assert!(message.starts_with("lexicon/x.txt:2: "), "{message}");
}

/// The fields each folder's lists declare, as their consumers read them.
fn declared_columns(models: &Path, path: &Path) -> Columns {
    let relative = path.strip_prefix(models).unwrap();
    let folder = relative.components().next().unwrap().as_os_str().to_str().unwrap();
    match folder {
        "lexicon" => {
            let name = relative.file_name().unwrap().to_str().unwrap();
            let file = crate::lexicon::LIST_FILES.iter().find(|f| f.name == name);
            file.unwrap_or_else(|| panic!("{} is not read by the lexicon (LIST_FILES)", relative.display())).columns
        }
        "ranking" => crate::judge::rank::lists::LIST_COLUMNS,
        "conversation" => crate::judge::conversation::LIST_COLUMNS,
        other => panic!("{}: no consumer reads lists in models/{other}", relative.display()),
    }
}

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            text_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

#[test]
fn every_list_under_models_loads_without_duplicates() {
    let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
    let mut paths = Vec::new();
    text_files(&models, &mut paths);
    paths.sort();
    let mut per_folder: HashMap<String, usize> = HashMap::new();
    for path in &paths {
        let relative = path.strip_prefix(&models).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let entries = parse(&relative.display().to_string(), &text, declared_columns(&models, path))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!entries.is_empty(), "{}: no entries", relative.display());
        // The lexicon and the ranker fold case, so entries differing only in case are duplicates as well.
        let mut first_seen: HashMap<String, usize> = HashMap::new();
        for e in &entries {
            if let Some(first) = first_seen.insert(e.entry.to_lowercase(), e.line) {
                panic!("{}:{}: {:?} duplicates line {first}", relative.display(), e.line, e.entry);
            }
        }
        let folder = relative.components().next().unwrap().as_os_str().to_string_lossy().to_string();
        *per_folder.entry(folder).or_default() += 1;
    }
    // The walk really reached every kind of list.
    for folder in ["lexicon", "ranking", "conversation"] {
        assert!(per_folder.get(folder).copied().unwrap_or(0) > 0, "no lists found in models/{folder}");
    }
    assert_eq!(per_folder.get("lexicon").copied(), Some(crate::lexicon::LIST_FILES.len()));
}
