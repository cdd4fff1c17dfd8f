//! Shell completions, generated from the same clap definition as the parser.

use super::Cli;
use anyhow::Result;
use clap::CommandFactory;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for.
    pub shell: clap_complete::Shell,
}

pub fn completions(args: &CompletionsArgs) -> Result<()> {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "wortel", &mut super::output::Stdout);
    Ok(())
}
