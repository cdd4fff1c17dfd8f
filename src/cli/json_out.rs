//! Streams a JSON array to standard output, one object a line, without holding it in memory:
//! listings of 100,000 leads stay lean.

use super::output::Stdout;
use anyhow::Result;
use serde::Serialize;
use std::io::{BufWriter, Write};

pub struct JsonArray {
    out: BufWriter<Stdout>,
    first: bool,
}

impl JsonArray {
    pub fn start() -> Result<Self> {
        let mut out = BufWriter::new(Stdout);
        out.write_all(b"[")?;
        Ok(JsonArray { out, first: true })
    }

    pub fn push(&mut self, item: &impl Serialize) -> Result<()> {
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        serde_json::to_writer(&mut self.out, item)?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.out
            .write_all(if self.first { b"]\n" } else { b"\n]\n" })?;
        self.out.flush()?;
        Ok(())
    }
}
