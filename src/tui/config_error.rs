//! Errors in keymap, theme and config files: always the file, the line and the problem, so a
//! user who broke their own file can fix it in one go.

use std::fmt;

/// A problem in a configuration file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file as the user knows it (a path, or `keymaps/default.toml` for a built-in one).
    pub file: String,
    /// 1-based; 0 when the problem is not on one line (e.g. the file cannot be read).
    pub line: usize,
    pub problem: String,
}

impl ConfigError {
    /// The problem is made printable: it quotes the user's keys and values, which may hold line
    /// breaks or escape sequences, and must stay one line.
    pub fn new(file: &str, text: &str, offset: Option<usize>, problem: impl Into<String>) -> Self {
        ConfigError {
            file: crate::bundle::printable(file),
            line: offset.map_or(0, |o| line_of(text, o)),
            problem: crate::bundle::printable(&problem.into()),
        }
    }

    /// A TOML syntax error, placed on its line.
    pub fn from_toml(file: &str, text: &str, e: &toml::de::Error) -> Self {
        ConfigError::new(
            file,
            text,
            e.span().map(|s| s.start),
            e.message().trim().to_string(),
        )
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{} line {}: {}", self.file, self.line, self.problem)
        } else {
            write!(f, "{}: {}", self.file, self.problem)
        }
    }
}

impl std::error::Error for ConfigError {}

/// The 1-based line holding byte `offset`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}
