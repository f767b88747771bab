//! The reply-ranking pair head: a linear map from the encoder's unit-length embedding of a (reply, conversation)
//! text to a log-odds correction of the ranker's score, read from `pair_head.json` in the model folder.

use std::path::Path;

use serde::Deserialize;

use super::load::LoadError;

/// What `pair_head.json` holds (other keys document the fit and are ignored here).
#[derive(Debug, Deserialize)]
struct PairHeadFile {
    /// Must equal the encoder's hidden size.
    hidden: usize,
    weight: Vec<f32>,
    bias: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PairHead {
    weight: Vec<f32>,
    bias: f32,
}

impl PairHead {
    /// Reads and checks the file; a head that does not fit the encoder is a load error, never ignored.
    pub(crate) fn load(path: &Path, hidden: usize) -> Result<PairHead, LoadError> {
        let text = std::fs::read_to_string(path).map_err(|e| LoadError::Missing(format!("{}: {e}", path.display())))?;
        Self::parse(&text, hidden).map_err(|why| LoadError::Corrupt(format!("{}: {why}", path.display())))
    }

    fn parse(text: &str, hidden: usize) -> Result<PairHead, String> {
        let file: PairHeadFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if file.hidden != hidden || file.weight.len() != hidden {
            return Err(format!(
                "the head is for hidden size {} with {} weights, but the encoder's hidden size is {hidden}",
                file.hidden,
                file.weight.len()
            ));
        }
        if !file.bias.is_finite() || file.weight.iter().any(|w| !w.is_finite()) {
            return Err("a weight or the bias is not a finite number".into());
        }
        Ok(PairHead { weight: file.weight, bias: file.bias })
    }

    /// The head's log-odds for one unit-length embedding.
    pub(crate) fn logit(&self, embedding: &[f32]) -> f32 {
        self.weight.iter().zip(embedding).map(|(w, x)| w * x).sum::<f32>() + self.bias
    }
}

#[cfg(test)]
mod tests {
    use super::PairHead;

    #[test]
    fn reads_a_head_and_applies_it() {
        let head = PairHead::parse(r#"{"hidden": 3, "weight": [1.0, -2.0, 0.5], "bias": 0.25, "note": "x"}"#, 3).unwrap();
        assert!((head.logit(&[1.0, 1.0, 2.0]) - 0.25).abs() < 1e-6);
    }

    #[test]
    fn a_head_that_does_not_fit_is_refused_with_the_reason() {
        assert!(PairHead::parse(r#"{"hidden": 3, "weight": [1.0, 2.0, 3.0], "bias": 0}"#, 4).unwrap_err().contains("hidden size is 4"));
        assert!(PairHead::parse(r#"{"hidden": 2, "weight": [1.0], "bias": 0}"#, 2).is_err());
        assert!(PairHead::parse(r#"{"hidden": 1, "weight": [1.0], "bias": "x"}"#, 1).is_err());
        assert!(PairHead::parse("not json", 1).is_err());
    }
}
