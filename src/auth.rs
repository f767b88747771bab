//! Bearer-token authentication for the gRPC server.
//!
//! Tokens come from a file (`--auth-token-file`), one per line; blank lines and lines starting with `#` are
//! ignored. The file is re-read on SIGHUP (see `main.rs`); a reload that fails keeps the previous tokens.
//! Requests carry `authorization: Bearer <token>`; the token is compared in constant time against every
//! configured token. Tokens are never logged: only their count is.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use subtle::ConstantTimeEq;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("reading the token file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("the token file {0} holds no token (one per line)")]
    Empty(PathBuf),
}

/// The accepted tokens, shared between the server layer and the reload signal handler.
#[derive(Clone)]
pub struct TokenStore {
    path: PathBuf,
    tokens: Arc<RwLock<Vec<Vec<u8>>>>,
}

impl std::fmt::Debug for TokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the tokens themselves.
        f.debug_struct("TokenStore").field("path", &self.path).field("tokens", &self.len()).finish()
    }
}

fn read_tokens(path: &Path) -> Result<Vec<Vec<u8>>, AuthError> {
    let raw = std::fs::read_to_string(path).map_err(|source| AuthError::Read { path: path.into(), source })?;
    let tokens: Vec<Vec<u8>> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.as_bytes().to_vec())
        .collect();
    if tokens.is_empty() {
        return Err(AuthError::Empty(path.into()));
    }
    Ok(tokens)
}

impl TokenStore {
    /// Loads the token file; an unreadable or empty file is an error (the server must not start open by mistake).
    pub fn load(path: impl Into<PathBuf>) -> Result<TokenStore, AuthError> {
        let path = path.into();
        let tokens = read_tokens(&path)?;
        Ok(TokenStore { path, tokens: Arc::new(RwLock::new(tokens)) })
    }

    /// Re-reads the file. On failure the previous tokens stay in force and the error is returned.
    pub fn reload(&self) -> Result<usize, AuthError> {
        let tokens = read_tokens(&self.path)?;
        let n = tokens.len();
        *self.tokens.write().unwrap_or_else(|e| e.into_inner()) = tokens;
        Ok(n)
    }

    pub fn len(&self) -> usize {
        self.tokens.read().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether an `authorization` header value is `Bearer <a configured token>`. Every configured token is
    /// compared (no early exit) so timing does not tell which, if any, prefix matched.
    pub fn check_header(&self, header: Option<&[u8]>) -> bool {
        let Some(value) = header else { return false };
        let presented = match value.get(..7) {
            Some(scheme) if scheme.eq_ignore_ascii_case(b"bearer ") => value[7..].trim_ascii(),
            _ => return false,
        };
        let tokens = self.tokens.read().unwrap_or_else(|e| e.into_inner());
        let mut ok = subtle::Choice::from(0u8);
        for token in tokens.iter() {
            ok |= token.as_slice().ct_eq(presented);
        }
        ok.into()
    }
}

/// gRPC paths that stay open without a token: health always, reflection unless closed by flag.
pub fn is_open_path(path: &str, reflection_open: bool) -> bool {
    path.starts_with("/grpc.health.v1.Health/")
        || (reflection_open
            && (path.starts_with("/grpc.reflection.v1.ServerReflection/")
                || path.starts_with("/grpc.reflection.v1alpha.ServerReflection/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_tokens_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokens");
        std::fs::write(&path, "# comment\nalpha\n\n beta \n").unwrap();
        let store = TokenStore::load(&path).unwrap();
        assert_eq!(store.len(), 2);
        assert!(store.check_header(Some(b"Bearer alpha")));
        assert!(store.check_header(Some(b"bearer beta")));
        assert!(!store.check_header(Some(b"Bearer alph")));
        assert!(!store.check_header(Some(b"Bearer alphaa")));
        assert!(!store.check_header(Some(b"alpha")));
        assert!(!store.check_header(Some(b"Basic alpha")));
        assert!(!store.check_header(None));
        std::fs::write(&path, "gamma\n").unwrap();
        store.reload().unwrap();
        assert!(!store.check_header(Some(b"Bearer alpha")));
        assert!(store.check_header(Some(b"Bearer gamma")));
        std::fs::write(&path, "\n").unwrap();
        assert!(store.reload().is_err());
        assert!(store.check_header(Some(b"Bearer gamma")), "a failed reload keeps the old tokens");
        assert!(!format!("{store:?}").contains("gamma"));
    }
}
