//! Finds a model's files: a local folder, or a Hugging Face hub id looked up in the local hub cache.
//! The network is never used here; a hub model must already be in the cache (`HF_HUB_CACHE`, `HF_HOME`).

use std::path::{Path, PathBuf};

/// Files a BERT-family classifier needs.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    pub config: PathBuf,
    pub tokenizer: PathBuf,
    pub weights: PathBuf,
    /// The reply-ranking pair head (`pair_head.json`), when the folder has one.
    pub pair_head: Option<PathBuf>,
    /// What the user asked for, for logs and `Info`.
    pub source: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("model not found: {0}")]
    Missing(String),
    #[error("model is corrupt: {0}")]
    Corrupt(String),
    #[error("model is not supported: {0}")]
    Unsupported(String),
}

pub const CONFIG_FILE: &str = "config.json";
pub const TOKENIZER_FILE: &str = "tokenizer.json";
pub const WEIGHTS_FILE: &str = "model.safetensors";
pub const PAIR_HEAD_FILE: &str = "pair_head.json";

/// Resolves `spec` (a folder, or `owner/name[@revision]` in the hub cache) to model files.
pub fn resolve(spec: &str, hub_cache: Option<&Path>) -> Result<ModelFiles, LoadError> {
    let as_path = Path::new(spec);
    if as_path.is_dir() {
        return from_dir(as_path, spec);
    }
    if looks_like_hub_id(spec) {
        return from_hub_cache(spec, hub_cache).map_err(|e| match e {
            LoadError::Missing(why) => LoadError::Missing(format!("there is no folder {spec}, and as a hub id: {why}")),
            other => other,
        });
    }
    Err(LoadError::Missing(format!(
        "{spec} is neither a folder nor a hub model id (owner/name)"
    )))
}

fn from_dir(dir: &Path, spec: &str) -> Result<ModelFiles, LoadError> {
    let file = |name: &str| {
        let path = dir.join(name);
        if path.is_file() {
            Ok(path)
        } else {
            Err(LoadError::Missing(format!("{} is missing", path.display())))
        }
    };
    Ok(ModelFiles {
        config: file(CONFIG_FILE)?,
        tokenizer: file(TOKENIZER_FILE)?,
        weights: file(WEIGHTS_FILE)?,
        pair_head: file(PAIR_HEAD_FILE).ok(),
        source: spec.to_string(),
    })
}

fn looks_like_hub_id(spec: &str) -> bool {
    let id = spec.split('@').next().unwrap_or_default();
    let parts: Vec<&str> = id.split('/').collect();
    parts.len() == 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

/// The hub cache folder: an explicit one, else `HF_HUB_CACHE`, else `HF_HOME/hub`, else `~/.cache/huggingface/hub`.
pub fn hub_cache_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    match std::env::var_os("HF_HUB_CACHE") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => hf_hub::Cache::from_env().path().clone(),
    }
}

fn from_hub_cache(spec: &str, explicit_cache: Option<&Path>) -> Result<ModelFiles, LoadError> {
    let (id, revision) = match spec.split_once('@') {
        Some((id, rev)) => (id, rev.to_string()),
        None => (spec, "main".to_string()),
    };
    let cache_dir = hub_cache_dir(explicit_cache);
    let cache = hf_hub::Cache::new(cache_dir.clone());
    let repo = cache.repo(hf_hub::Repo::with_revision(
        id.to_string(),
        hf_hub::RepoType::Model,
        revision.clone(),
    ));
    let file = |name: &str| {
        repo.get(name).ok_or_else(|| {
            LoadError::Missing(format!(
                "{name} of hub model {id}@{revision} is not in the local hub cache {} \
                 (gongqing never downloads at run time: fetch the model into the cache first)",
                cache_dir.display()
            ))
        })
    };
    Ok(ModelFiles {
        config: file(CONFIG_FILE)?,
        tokenizer: file(TOKENIZER_FILE)?,
        weights: file(WEIGHTS_FILE)?,
        pair_head: repo.get(PAIR_HEAD_FILE),
        source: spec.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_ids_are_told_apart_from_paths() {
        assert!(looks_like_hub_id("intfloat/multilingual-e5-small"));
        assert!(looks_like_hub_id("uer/roberta-base-finetuned-jd-binary-chinese@main"));
        assert!(!looks_like_hub_id("models/default/extra"));
        assert!(!looks_like_hub_id("/abs/path"));
        assert!(!looks_like_hub_id("plain"));
    }

    #[test]
    fn missing_folder_is_reported_as_missing() {
        let err = resolve("/definitely/not/here/model", None).unwrap_err();
        assert!(matches!(err, LoadError::Missing(_)), "{err}");
    }
}
